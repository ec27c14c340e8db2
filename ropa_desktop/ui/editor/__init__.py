"""The activity editor: the form, its field and list widgets, choices and undo steps."""
