"""Writing small spreadsheets for import tests."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    """A one-sheet workbook with ``rows`` (empty strings become empty cells); returns ``path``."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append([cell or None for cell in row])
    book.save(path)
    return path
