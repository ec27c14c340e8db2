"""The export dialog writes real files on a worker thread; Cancel and errors leave no file."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QPushButton

from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.export_dialog import ExportDialog


def _run(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.start()
    assert dialog.task is not None
    qtbot.waitUntil(lambda: dialog.task.done, timeout=60_000)


def test_excel_of_the_selected_activities(session, qtbot, tmp_path: Path) -> None:
    uids = session.activity_uids()[:2]
    names = {session.activity(u).name for u in uids}
    dialog = ExportDialog(session, "xlsx", uids)
    qtbot.addWidget(dialog)
    assert dialog.selection.isChecked()
    dialog.path.setText(str(tmp_path / "auswahl"))  # the suffix is added
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as signal:
        _run(qtbot, dialog)
    target = tmp_path / "auswahl.xlsx"
    assert signal.args == [str(target)]
    book = load_workbook(target, read_only=True)
    found = {
        cell
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for cell in row
        if cell in {a.name for a in session.organisation().activities}
    }
    assert found == names


def test_pdf_of_the_whole_register_in_english(session, qtbot, tmp_path: Path) -> None:
    dialog = ExportDialog(session, "pdf", None)
    qtbot.addWidget(dialog)
    assert dialog.whole.isChecked() and not dialog.selection.isEnabled()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.path.setText(str(tmp_path / "register.pdf"))
    _run(qtbot, dialog)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "register.pdf").pages)
    for act in session.organisation().activities:
        assert act.name.split()[0] in text
    assert "Record of processing activities" in text
    assert "working copy" in text and "Verzeichnis" not in text


def test_json_export_reads_back(session, qtbot, tmp_path: Path) -> None:
    dialog = ExportDialog(session, "json", session.activity_uids()[:1])
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "one.json"))
    _run(qtbot, dialog)
    doc = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    assert [len(o["activities"]) for o in doc["organisations"]] == [1]


def test_cancel_writes_no_file(session, qtbot, tmp_path: Path, monkeypatch) -> None:
    # Cancel sets the worker's flag at once; its next progress step raises Cancelled. The
    # worker is held in reading the register until Cancel was pressed, so it cannot finish
    # the whole export first (which only a starved main thread could let it do).
    out = tmp_path / "out"
    out.mkdir()
    pressed = threading.Event()
    load_register = session.store.load_register

    def held_load_register(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread():  # only the worker
            pressed.wait(60)
        return load_register(*args, **kwargs)

    monkeypatch.setattr(session.store, "load_register", held_load_register)
    dialog = ExportDialog(session, "pdf", None)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(out / "cancelled.pdf"))
    dialog.start()
    dialog.task.dialog.findChild(QPushButton).click()
    pressed.set()
    qtbot.waitUntil(lambda: dialog.task.done, timeout=60_000)
    assert dialog.task.outcome == "cancelled"
    assert list(out.iterdir()) == []  # not even a temporary file
    assert dialog.isEnabled()


def test_unwritable_target_is_reported_and_nothing_written(
    session, qtbot, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        prompts, "show_error", lambda parent, title, exc: shown.append(prompts.error_text(exc))
    )
    dialog = ExportDialog(session, "xlsx", None)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "missing-folder" / "x.xlsx"))
    dialog.start()
    assert dialog.task is None
    assert "missing-folder" in dialog.message.text()
    blocker = tmp_path / "file.xlsx"
    blocker.mkdir()  # a directory where the file should go: the write fails
    dialog.path.setText(str(blocker))
    _run(qtbot, dialog)
    assert dialog.task.outcome == "failure"
    assert shown and dialog.message.text() == shown[0]
    assert blocker.is_dir() and list(blocker.iterdir()) == []


def test_processor_register_names_its_services_not_zero_activities(session, qtbot) -> None:
    """Issue 13 item 20: Komm.ONE keeps a processor register; the dialog offers it first and
    counts its processing services."""
    session.set_organisation("Komm.ONE")
    dialog = ExportDialog(session, "pdf", [])
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "processor"
    assert dialog.whole.text() == "Whole register of “Komm.ONE” (1 processing services)"
    assert dialog.whole.isChecked() and not dialog.selection.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("controller"))
    assert dialog.whole.text() == "Whole register of “Komm.ONE” (0 activities)"
