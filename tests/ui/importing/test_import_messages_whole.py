"""Issue 18, item 6: the import preview shows every message whole (wrapped) with its
sheet!cell reference."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from test_import_dialog import (  # the neighbouring tests' workbook and dialog
    PREVIEW,
    _dsk_xlsx,
    _planned,
    _row,
    dialog,
)

__all__ = ["dialog"]  # the fixture


def test_preview_messages_are_whole_and_name_their_cell(qtbot, dialog, tmp_path) -> None:
    bad = _row("Meldewesen")
    bad[2] = "Art. 99 Abs. 7 lit. z DSGVO und noch eine sehr lange Erläuterung " * 3
    path = _dsk_xlsx(tmp_path / "long.xlsx", [["", "Ein Zweck ohne Bezeichnung"], bad])
    dialog.resize(900, 600)
    _planned(qtbot, dialog, path)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == PREVIEW
    page = dialog.preview_page
    model, view = page.model, page.view
    assert view.wordWrap()
    for row in range(model.rowCount()):
        text = model.index(row, model.MESSAGES).data()
        if not text:
            continue
        for line in text.split("\n"):
            assert line.startswith("VVT!"), line  # sheet!cell (or sheet!row) first
        for note in dialog.report.rows[row].notes:
            assert f"{note.where}: {note.text}" in text  # whole, not shortened
        width = view.columnWidth(model.MESSAGES)
        needed = QFontMetrics(view.font()).boundingRect(
            QRect(0, 0, max(width - 8, 1), 100_000), Qt.TextFlag.TextWordWrap, text
        )
        assert view.rowHeight(row) >= needed.height(), (row, text)
    assert any(
        model.index(r, model.MESSAGES).data() and "\n" not in model.index(r, model.WHERE).data()
        for r in range(model.rowCount())
    )
