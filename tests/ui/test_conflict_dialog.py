"""Two users on one register file (two Store objects): the conflict dialog when a save
meets a change made elsewhere, and the window noticing changes made elsewhere."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store
from ropa_desktop.store.versions import OVERWRITE as OVERWRITE_BATCH
from ropa_desktop.ui.catalogue.views import RecipientsView
from ropa_desktop.ui.common import conflict_dialog, prompts
from ropa_desktop.ui.common.conflict_dialog import ConflictDialog
from ropa_desktop.ui.editor.activity_editor import ActivityEditor
from ropa_desktop.ui.main_window import MainWindow
from ropa_desktop.ui.pages.history_view import batch_label
from ropa_desktop.ui.pages.organisation_view import OrganisationView

pytestmark = pytest.mark.gui


@pytest.fixture
def bob(session):
    """A second user on the same register file."""
    store = open_store(session.location, user="bob")
    yield store
    store.engine.dispose()


@pytest.fixture
def answer(monkeypatch):
    """Answer the conflict dialog with a choice; what it showed is recorded."""
    shown: list[ConflictDialog] = []

    def install(choice: str) -> list[ConflictDialog]:
        def fake_exec(dialog: ConflictDialog) -> int:
            shown.append(dialog)
            dialog.choose(choice)
            return 1

        monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
        return shown

    return install


@pytest.fixture
def informed(monkeypatch):
    texts: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: texts.append(text))
    return texts


@pytest.fixture
def editor(qtbot, session) -> ActivityEditor:
    ed = ActivityEditor(session)
    qtbot.addWidget(ed)
    ed.show()
    return ed


def _edit_department(editor: ActivityEditor, text: str) -> None:
    dept = editor.findChild(QLineEdit, "activityEditor.department")
    dept.selectAll()
    dept.insert(text)


def _bob_changes(bob, session, uid: str) -> m.Activity:
    act = bob.load_activity(uid)
    act.description = "Von Bob neu beschrieben"
    return bob.save_activity(session.organisation().uid, act)


def test_dialog_shows_who_and_their_changes_with_labels_and_reload_keeps_mine_as_draft(
    editor, session, bob, answer, informed
):
    uid = session.activity_uids()[0]
    name = session.activity(uid).name
    editor.load(uid)
    _edit_department(editor, "Meine Abteilung")
    _bob_changes(bob, session, uid)
    shown = answer(conflict_dialog.RELOAD)
    assert editor.save()
    (dialog,) = shown
    assert dialog.choices() == ["reload", "overwrite", "cancel"]
    assert "bob" in dialog.message.text()
    rows = {label: (theirs, mine) for label, theirs, mine in dialog.rows()}
    assert rows["Beschreibung"][0] == "Von Bob neu beschrieben"
    assert rows["Verantwortliche Fachabteilung"][1] == "Meine Abteilung"
    assert not {"description", "department"} & set(rows)  # labels, never field keys
    # Theirs in the editor, mine kept as a new draft activity in the register.
    assert editor.draft().description == "Von Bob neu beschrieben"
    assert not editor.is_dirty()
    drafts = [
        a
        for a in bob.load_organisation(session.organisation_name).activities
        if a.name.startswith(f"{name} (") and a.uid != uid
    ]
    assert len(drafts) == 1 and drafts[0].department == "Meine Abteilung"
    assert drafts[0].status == m.ActivityStatus.DRAFT
    assert drafts[0].name in informed[0]
    assert bob.load_activity(uid).description == "Von Bob neu beschrieben"


def test_overwrite_saves_mine_and_is_recorded(editor, session, bob, answer):
    uid = session.activity_uids()[0]
    editor.load(uid)
    _edit_department(editor, "Meine Abteilung")
    _bob_changes(bob, session, uid)
    answer(conflict_dialog.OVERWRITE)
    assert editor.save()
    stored = bob.load_activity(uid)
    assert stored.department == "Meine Abteilung"
    assert stored.description != "Von Bob neu beschrieben"  # my whole version
    assert bob.batches()[0].kind == OVERWRITE_BATCH
    assert batch_label(bob.batches()[0]) == "Overwrote a concurrent change by: bob"
    assert not editor.is_dirty()


def test_cancel_writes_nothing_and_keeps_editing(editor, session, bob, answer):
    uid = session.activity_uids()[0]
    editor.load(uid)
    _edit_department(editor, "Meine Abteilung")
    theirs = _bob_changes(bob, session, uid)
    answer(conflict_dialog.CANCEL)
    assert not editor.save()
    assert editor.is_dirty() and editor.draft().department == "Meine Abteilung"
    assert bob.load_activity(uid) == theirs


def test_save_of_an_activity_deleted_meanwhile_can_be_restored_or_discarded(
    editor, session, bob, answer
):
    uid, other = session.activity_uids()[:2]
    for target, choice in ((uid, conflict_dialog.RESTORE), (other, conflict_dialog.DISCARD)):
        editor.load(target)
        _edit_department(editor, "Meine Abteilung")
        bob.delete_activity(target)
        shown = answer(choice)
        assert editor.save()
        assert shown[-1].choices() == ["restore", "discard", "cancel"]
    assert bob.load_activity(uid).department == "Meine Abteilung"
    assert bob.load_activity(other) is None
    assert editor.current_uid() is None


def test_delete_of_an_activity_changed_meanwhile_asks_first(
    qtbot, session, bob, answer, monkeypatch
):
    window = MainWindow(session)
    qtbot.addWidget(window)
    uid = session.activity_uids()[0]
    session.activity(uid)
    _bob_changes(bob, session, uid)
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    monkeypatch.setattr(window.activities, "selected_uids", lambda: [uid])
    shown = answer(conflict_dialog.CANCEL)
    window.activities.delete_selected()
    assert shown[0].choices() == ["delete", "cancel"]
    rows = {label: theirs for label, theirs, _mine in shown[0].rows()}
    assert rows == {"Beschreibung": "Von Bob neu beschrieben"}
    assert bob.load_activity(uid) is not None
    answer(conflict_dialog.DELETE)
    window.activities.delete_selected()
    assert bob.load_activity(uid) is None


def test_organisation_page_conflict_shows_labels_and_reload_keeps_my_values_in_view(
    qtbot, session, bob, answer, informed
):
    view = OrganisationView(session)
    qtbot.addWidget(view)
    view.show()
    view.street.setText("Meine Straße 1")
    view._dirty = True
    org = bob.load_organisation(session.organisation_name)
    org.phone = "0234 960"
    bob.save_organisation(org)
    shown = answer(conflict_dialog.RELOAD)
    assert view.save()
    rows = {label: (theirs, mine) for label, theirs, mine in shown[0].rows()}
    assert rows["Telefon"][0] == "0234 960" and rows["Straße"][1] == "Meine Straße 1"
    assert view.phone.text() == "0234 960"
    assert "Meine Straße 1" in informed[0]
    assert bob.load_organisation(session.organisation_name).street != "Meine Straße 1"


def test_catalogue_form_conflict_overwrite_and_cancel(qtbot, session, bob, answer):
    view = RecipientsView(session)
    qtbot.addWidget(view)
    view.show()
    uid = view.current_uid()
    theirs = next(r for r in bob.catalogue().recipients if r.uid == uid)
    theirs.notes = "Bobs Notiz"
    bob.save_recipient(theirs)
    view.form.category.setText("Meine Kategorie")
    view._set_dirty(True)
    shown = answer(conflict_dialog.CANCEL)
    assert not view.save()
    rows = {label: (t, mine) for label, t, mine in shown[0].rows()}
    assert rows["Anmerkungen"][0] == "Bobs Notiz"
    assert rows["Empfängerkategorie"][1] == "Meine Kategorie"
    assert next(r for r in bob.catalogue().recipients if r.uid == uid).notes == "Bobs Notiz"
    answer(conflict_dialog.OVERWRITE)
    assert view.save()
    stored = next(r for r in bob.catalogue().recipients if r.uid == uid)
    assert stored.category == "Meine Kategorie" and stored.notes != "Bobs Notiz"


def test_window_notices_an_activity_changed_and_an_organisation_created_elsewhere(
    qtbot, session, bob
):
    window = MainWindow(session)
    qtbot.addWidget(window)
    uid = session.activity_uids()[0]
    window.open_activity(uid)
    session.start_polling(50)
    try:
        _bob_changes(bob, session, uid)
        qtbot.waitUntil(
            lambda: window.activities.editor.draft().description == "Von Bob neu beschrieben",
            timeout=5000,
        )
        bob.save_organisation(m.Organisation(name="Gemeinde Neuhaus"))
        qtbot.waitUntil(lambda: window.org_switcher.findText("Gemeinde Neuhaus") >= 0, timeout=5000)
    finally:
        session.stop_polling()


def test_unsaved_edits_are_kept_with_a_notice_and_saving_goes_through_the_conflict(
    qtbot, session, bob, answer, monkeypatch
):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: prompts.DISCARD)  # on closing
    window = MainWindow(session)
    qtbot.addWidget(window)
    uid = session.activity_uids()[0]
    window.open_activity(uid)
    editor = window.activities.editor
    _edit_department(editor, "Meine Abteilung")
    _bob_changes(bob, session, uid)
    session._stamp = None  # as if polling had been running all along
    assert session.poll()
    assert editor.draft().department == "Meine Abteilung"
    assert not editor.elsewhere.isHidden()
    shown = answer(conflict_dialog.CANCEL)
    assert not editor.save()
    assert len(shown) == 1


def test_values_read_as_labels_and_names_never_ids(session):
    catalogue = session.catalogue()
    act = next(
        a
        for a in session.organisation().activities
        if a.processors and any(pp.legal_bases for pp in a.purposes)
    )
    proc = catalogue.processors_by_uid()[act.processors[0].processor]
    assert proc.name in conflict_dialog.value_text("processors", act.processors, catalogue)
    assert proc.uid not in conflict_dialog.value_text("processors", act.processors, catalogue)
    bases = conflict_dialog.value_text("purposes", act.purposes, catalogue)
    assert "DSGVO" in bases or "GDPR" in bases or "BDSG" in bases
    ids = [ref for pp in act.purposes for ref in pp.legal_bases]
    assert not any(ref in bases for ref in ids if ref.startswith("art"))
    dpia = m.DpiaScreening(wp248=["systematic-monitoring"], result=m.DpiaResult.REQUIRED)
    text = conflict_dialog.value_text("dpia", dpia, catalogue)
    assert "systematic-monitoring" not in text and "required" not in text
    assert conflict_dialog.value_text("status", m.ActivityStatus.DRAFT, catalogue) in (
        "Entwurf",
        "Draft",
    )
