"""The import assistant: file, sheet, mapping, preview and result, with its worker steps."""
