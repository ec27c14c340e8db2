"""Attachments in the window: attach to an activity and a processor, a warning for large
files and a refusal of huge ones, open with the system viewer, remove; another
organisation never sees them."""

from __future__ import annotations

from pathlib import Path

from ropa_desktop.domain import attachments as limits
from ropa_desktop.ui.catalogue.views import ProcessorsView
from ropa_desktop.ui.common import attachments_panel, prompts
from ropa_desktop.ui.editor.activity_editor import ActivityEditor


def _attach(qtbot, panel) -> None:
    assert panel.add()
    qtbot.waitUntil(lambda: panel.task is None, timeout=10_000)


def test_activity_files_attach_open_and_remove(qtbot, session, tmp_path, monkeypatch) -> None:
    dsfa = tmp_path / "DSFA Videoberatung.pdf"
    dsfa.write_bytes(b"%PDF-1.7 " + b"x" * 2000)
    monkeypatch.setattr(attachments_panel, "choose_file", lambda parent: str(dsfa))
    opened: list[Path] = []
    monkeypatch.setattr(attachments_panel, "open_file", lambda path: opened.append(path) or True)
    editor = ActivityEditor(session)
    qtbot.addWidget(editor)
    uid = session.activity_uids()[0]
    editor.load(uid)
    panel = editor.attachments
    assert panel is not None and panel.names() == []
    _attach(qtbot, panel)
    assert panel.names() == ["DSFA Videoberatung.pdf"]
    assert panel.list.topLevelItem(0).text(1) == "2 KB"
    assert panel.open_current()
    assert opened[0].name == "DSFA Videoberatung.pdf"
    assert opened[0].read_bytes() == dsfa.read_bytes()
    # Another activity has none; the first keeps its file when loaded again.
    editor.load(session.activity_uids()[1])
    assert panel.names() == []
    editor.load(uid)
    assert panel.names() == ["DSFA Videoberatung.pdf"]
    # Another organisation sees nothing of it.
    other = next(o.name for o in session.organisations() if o.name != session.organisation_name)
    other_uid = next(o.uid for o in session.organisations() if o.name == other)
    assert session.store.attachments(other_uid) == []
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    assert panel.delete_current()
    assert panel.names() == [] and session.attachments(uid) == []


def test_a_new_unsaved_activity_takes_no_file_until_saved(qtbot, session) -> None:
    editor = ActivityEditor(session)
    qtbot.addWidget(editor)
    editor.new_activity()
    panel = editor.attachments
    assert panel is not None and not panel.add_button.isEnabled()
    assert "Save" in panel.note.text() or "Speichern" in panel.note.text()


def test_large_file_is_asked_about_and_huge_file_refused(
    qtbot, session, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(limits, "WARN_BYTES", 1000)
    monkeypatch.setattr(attachments_panel, "WARN_BYTES", 1000)
    monkeypatch.setattr(attachments_panel, "MAX_BYTES", 5000)
    big = tmp_path / "TOM-Konzept.pdf"
    big.write_bytes(b"x" * 3000)
    huge = tmp_path / "Video.mp4"
    huge.write_bytes(b"x" * 6000)
    editor = ActivityEditor(session)
    qtbot.addWidget(editor)
    uid = session.activity_uids()[0]
    editor.load(uid)
    panel = editor.attachments
    asked: list[str] = []
    monkeypatch.setattr(attachments_panel, "choose_file", lambda parent: str(big))
    monkeypatch.setattr(prompts, "confirm", lambda *a: asked.append(a[2]) and False)
    assert not panel.add()  # declined: nothing stored
    assert "TOM-Konzept.pdf" in asked[0] and "2,9 KB" in asked[0]
    assert session.attachments(uid) == []
    errors: list[str] = []
    monkeypatch.setattr(attachments_panel, "choose_file", lambda parent: str(huge))
    monkeypatch.setattr(prompts, "show_error", lambda *a: errors.append(str(a[2])))
    assert not panel.add()
    assert "Video.mp4" in errors[0]
    assert session.attachments(uid) == []


def test_processor_files_in_the_processor_page(qtbot, session, tmp_path, monkeypatch) -> None:
    avv = tmp_path / "AVV Rechenzentrum.pdf"
    avv.write_bytes(b"vertrag")
    monkeypatch.setattr(attachments_panel, "choose_file", lambda parent: str(avv))
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    proc = session.catalogue().processors[0]
    assert view.select(proc.uid)
    panel = view.attachments
    assert panel is not None and panel.add_button.isEnabled()
    _attach(qtbot, panel)
    assert panel.names() == ["AVV Rechenzentrum.pdf"]
    assert [a.name for a in session.attachments(proc.uid)] == ["AVV Rechenzentrum.pdf"]
    view.new()
    assert panel.names() == [] and not panel.add_button.isEnabled()
