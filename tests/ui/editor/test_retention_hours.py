"""Issue 18, item 5: retention in hours, and a starting event written with its own "nach"."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from ropa_desktop.domain import model as m
from ropa_desktop.io.export.xlsx import export_xlsx
from ropa_desktop.ui.editor.activity_editor import ActivityEditor

pytestmark = pytest.mark.gui


def test_hours_unit_and_start_with_nach_are_saved_and_exported_in_words(
    qtbot, session, tmp_path
) -> None:
    editor = ActivityEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    uid = session.activity_uids()[0]
    editor.load(uid)
    prefix = "activityEditor.data_categories[0].retention."
    unit = editor.findChild(QComboBox, prefix + "unit")
    labels = [unit.itemText(i) for i in range(unit.count())]
    assert "Stunden" in labels  # domain labels follow the language (German by default)
    editor.findChild(QSpinBox, prefix + "duration").setValue(72)
    unit.setCurrentIndex(unit.findData(m.RetentionUnit.HOURS.value))
    start = editor.findChild(QLineEdit, prefix + "start")
    start.setText("nach Ende der Aufzeichnung")
    assert editor.save()
    saved = session.store.load_activity(uid).data_categories[0].retention
    assert (saved.duration, saved.unit) == (72, m.RetentionUnit.HOURS)

    target = tmp_path / "register.xlsx"
    org = session.organisation_name
    export_xlsx(session.register(), org, target, lang="de", stand=date.today())
    texts = [
        str(cell.value)
        for sheet in openpyxl.load_workbook(target).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value
    ]
    assert any("72 Stunden nach Ende der Aufzeichnung" in t for t in texts)
    assert not any("nach nach" in t for t in texts)
    assert "Stunden" in texts  # the unit column
