"""The activity editor: loading, editing, undo/redo, checks at the fields, Save and Revert."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton

from ropa_desktop.domain import model as m
from ropa_desktop.ui.catalogue import dialogs as catalogue_dialogs
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.editor.activity_editor import ActivityEditor
from ropa_desktop.ui.editor.choice_fields import (
    SearchCombo,
)
from ropa_desktop.ui.editor.choices import next_reference

pytestmark = pytest.mark.gui


def _uid(session, reference: str) -> str:
    return next(u for u in session.activity_uids() if session.activity(u).reference == reference)


@pytest.fixture
def editor(qtbot, session) -> ActivityEditor:
    ed = ActivityEditor(session)
    qtbot.addWidget(ed)
    ed.resize(900, 800)
    ed.show()
    qtbot.waitExposed(ed)
    ed.activateWindow()
    return ed


def w(editor: ActivityEditor, cls, name: str):
    found = editor.findChild(cls, "activityEditor." + name)
    assert found is not None, name
    return found


def _type(qtbot, widget, text: str) -> None:
    """Type ``text`` into the focused widget (QTest types ASCII only: insert the rest)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif isinstance(widget, QLineEdit):
        widget.insert(text)
    else:
        widget.insertPlainText(text)


# --------------------------------------------------------------------------- loading


def test_load_shows_the_values_of_the_activity(editor, session):
    uid = _uid(session, "VT-002")
    act = session.activity(uid)
    editor.load(uid)
    assert editor.current_uid() == uid
    assert not editor.is_dirty()
    assert w(editor, QLineEdit, "reference").text() == "VT-002"
    assert w(editor, QLineEdit, "name").text() == act.name
    assert editor.findChild(QLabel, "activityEditor.title").text().startswith("VT-002")
    purposes = editor.fields["purposes"]
    assert len(purposes.rows) == len(act.purposes)
    assert purposes.row_fields(0)["text"].value() == act.purposes[0].text
    proc = w(editor, SearchCombo, "processors[0].processor")
    assert proc.value() == act.processors[0].processor
    assert w(editor, SearchCombo, "transfers[0].country").value() == "US"
    assert editor.form.isEnabled()
    assert not editor.save_action.isEnabled()


def test_load_none_disables_the_form(editor, session):
    editor.load(_uid(session, "VT-001"))
    editor.load(None)
    assert editor.current_uid() is None
    assert not editor.form.isEnabled()
    assert w(editor, QLineEdit, "name").text() == ""
    assert not editor.save_action.isEnabled() and not editor.undo_action.isEnabled()


def test_loading_is_fast(editor, session):
    uids = session.activity_uids()
    for uid in uids:  # warm up: rows are created once and reused
        editor.load(uid)
    start = time.perf_counter()
    for uid in uids:
        editor.load(uid)
    per_load = (time.perf_counter() - start) / len(uids)
    assert per_load < 0.1


# --------------------------------------------------------------------------- save and undo


def test_edit_name_and_save_writes_the_database(editor, session, qtbot):
    uid = _uid(session, "VT-001")
    editor.load(uid)
    name = w(editor, QLineEdit, "name")
    name.selectAll()
    with qtbot.waitSignal(editor.dirtyChanged) as dirty:
        _type(qtbot, name, "Website-Protokolle")
    assert dirty.args == [True]
    assert editor.is_dirty() and editor.save_action.isEnabled()
    with qtbot.waitSignal(editor.saved) as saved:
        assert editor.save()
    assert saved.args == [uid]
    assert session.store.load_activity(uid).name == "Website-Protokolle"
    assert not editor.is_dirty()
    assert not editor.save_action.isEnabled()


def test_ctrl_s_saves(editor, session, qtbot):
    uid = _uid(session, "VT-001")
    editor.load(uid)
    desc = w(editor, QLineEdit, "reference")
    desc.selectAll()
    _type(qtbot, desc, "VT-101")
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(desc, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert session.store.load_activity(uid).reference == "VT-101"


def test_typing_merges_and_undo_redo_restore_the_text(editor, session, qtbot):
    editor.load(_uid(session, "VT-001"))
    name = w(editor, QLineEdit, "name")
    original = name.text()
    _type(qtbot, name, " neu")
    assert editor.undo_stack.count() == 1  # four key strokes, one undo step
    editor.undo_stack.undo()
    assert name.text() == original
    assert not editor.is_dirty()
    editor.undo_stack.redo()
    assert name.text() == original + " neu"
    assert editor.is_dirty()


def test_undo_redo_by_keyboard_in_a_text_field(editor, session, qtbot):
    editor.load(_uid(session, "VT-001"))
    name = w(editor, QLineEdit, "name")
    original = name.text()
    _type(qtbot, name, "X")
    dept = w(editor, QLineEdit, "department")
    _type(qtbot, dept, "IT")
    assert editor.undo_stack.count() == 2
    qtbot.keyClick(dept, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dept.text() == ""
    assert name.text() == original + "X"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == original
    assert not editor.is_dirty()
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert name.text() == original + "X"
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert dept.text() == "IT"


def test_undo_of_a_removed_row_brings_it_back(editor, session, qtbot):
    uid = _uid(session, "VT-002")
    editor.load(uid)
    rows = editor.fields["data_categories"]
    before = [r.value()["name"] for r in rows.rows]
    qtbot.mouseClick(w(editor, QPushButton, "data_categories[0].remove"), Qt.MouseButton.LeftButton)
    assert [r.value()["name"] for r in rows.rows] == before[1:]
    editor.undo_action.trigger()
    assert [r.value()["name"] for r in rows.rows] == before


def test_revert_discards_the_changes(editor, session, qtbot):
    uid = _uid(session, "VT-001")
    editor.load(uid)
    name = w(editor, QLineEdit, "name")
    original = name.text()
    _type(qtbot, name, " geändert")
    assert editor.revert_action.isEnabled()
    editor.revert_action.trigger()
    assert name.text() == original
    assert not editor.is_dirty()
    assert session.store.load_activity(uid).name == original


def test_save_error_is_shown_and_keeps_the_draft(editor, session, qtbot, monkeypatch):
    errors = []
    monkeypatch.setattr(prompts, "show_error", lambda *a: errors.append(a))
    uid = _uid(session, "VT-001")
    editor.load(uid)
    _type(qtbot, w(editor, QLineEdit, "name"), " neu")
    monkeypatch.setattr(
        session, "save_activity", lambda act: (_ for _ in ()).throw(RuntimeError("disk full"))
    )
    assert not editor.save()
    assert errors and "disk full" in str(errors[0][2])
    assert editor.is_dirty()


# --------------------------------------------------------------------------- checks at fields


def _marked(editor, path: str) -> tuple[str | None, str]:
    widget = editor.widget_for(path)
    return widget.property("finding"), widget.toolTip()


def test_missing_department_is_marked_with_the_rule_message(editor, session, qtbot):
    editor.load(_uid(session, "VT-003"))
    dept = w(editor, QLineEdit, "department")
    message = w(editor, QLabel, "department.message")
    finding = next(f for f in editor.findings() if f.code == "activity-no-department")
    assert finding.field == "department"
    severity, tip = _marked(editor, "department")
    assert severity == finding.severity.value
    assert finding.message in tip
    assert not message.isHidden() and finding.message in message.text()

    _type(qtbot, dept, "Kundenservice")
    qtbot.waitUntil(lambda: dept.property("finding") is None, timeout=3000)
    assert message.isHidden()
    assert not any(f.code == "activity-no-department" for f in editor.findings())

    dept.clear()
    qtbot.waitUntil(lambda: dept.property("finding") == finding.severity.value, timeout=3000)
    assert finding.message in dept.toolTip()


def test_clicking_a_finding_focuses_its_field(editor, session, qtbot):
    editor.load(_uid(session, "VT-002"))
    lst = editor.findChild(type(editor.finding_list), "activityEditor.findings")
    row = next(
        i
        for i in range(lst.count())
        if lst.item(i).data(Qt.ItemDataRole.UserRole) == "transfers[0].mechanism"
    )
    editor._finding_activated(lst.item(row))
    combo = w(editor, SearchCombo, "transfers[0].mechanism")
    qtbot.waitUntil(lambda: combo.hasFocus() or combo.isAncestorOf(QApplication.focusWidget()))
    assert combo.property("finding") == "error"


def test_focus_field_focuses_the_widget_of_a_path(editor, session, qtbot):
    editor.load(_uid(session, "VT-002"))
    editor.focus_field("purposes[0].legal_bases")
    target = editor.fields["purposes"].row_fields(0)["legal_bases"]
    focus = QApplication.focusWidget()
    assert focus is not None and target.widget.isAncestorOf(focus)
    editor.focus_field("name")
    assert QApplication.focusWidget() is w(editor, QLineEdit, "name")
    editor.focus_field("dpia")  # the first widget of the DPIA group
    assert editor.fields["dpia.art35_3"].widget is QApplication.focusWidget()


# --------------------------------------------------------------------------- list editors


def test_add_purpose_with_legal_basis_is_saved(editor, session, qtbot):
    uid = _uid(session, "VT-001")
    editor.load(uid)
    qtbot.mouseClick(w(editor, QPushButton, "purposes.add"), Qt.MouseButton.LeftButton)
    purposes = editor.fields["purposes"]
    assert len(purposes.rows) == 2
    text = purposes.row_fields(1)["text"].widget
    assert text.hasFocus()
    qtbot.keyClicks(text, "Abwehr von Angriffen")
    combo = w(editor, SearchCombo, "purposes[1].legal_bases.choice")
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "lit. f DSGVO")  # found by part of its label
    qtbot.waitUntil(lambda: combo.completer().popup().isVisible())
    popup = combo.completer().popup()
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.mouseClick(
        w(editor, QPushButton, "purposes[1].legal_bases.add"), Qt.MouseButton.LeftButton
    )
    assert purposes.row_fields(1)["legal_bases"].value() == ["art6-1-f"]
    # A national provision typed as free text is kept as written.
    _type(qtbot, combo.lineEdit(), "§ 3 DSG NRW")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    interest = purposes.row_fields(1)["legitimate_interest"].widget
    assert not interest.isHidden()  # shown once Art. 6(1)(f) is chosen
    _type(qtbot, interest, "Sicherheit der Website")
    assert editor.save()
    stored = session.store.load_activity(uid).purposes[1]
    assert stored.text == "Abwehr von Angriffen"
    assert stored.legal_bases == ["art6-1-f", "§ 3 DSG NRW"]
    assert stored.legitimate_interest == "Sicherheit der Website"


def test_data_category_with_art9_marker_and_retention_round_trips(editor, session, qtbot):
    uid = _uid(session, "VT-001")
    editor.load(uid)
    editor.fields["data_categories"].add_row()
    row = editor.fields["data_categories"].row_fields(1)
    _type(qtbot, row["name"].widget, "Gesundheitsdaten")
    special = w(editor, QComboBox, "data_categories[1].special")
    special.setCurrentIndex(special.findData(m.SpecialCategory.ART9.value))
    w(
        editor, type(row["retention.duration"].widget), "data_categories[1].retention.duration"
    ).setValue(6)
    unit = w(editor, QComboBox, "data_categories[1].retention.unit")
    unit.setCurrentIndex(unit.findData(m.RetentionUnit.MONTHS.value))
    _type(qtbot, row["retention.start"].widget, "Vertragsende")
    _type(qtbot, row["retention.text"].widget, "oder gesetzliche Frist")
    editor.check_now()
    assert any(
        f.code == "art9-no-condition" and f.field == "data_categories[1].special"
        for f in editor.findings()
    )
    assert special.property("finding") == "error"
    assert editor.save()
    cat = session.store.load_activity(uid).data_categories[1]
    assert cat.name == "Gesundheitsdaten"
    assert cat.special == m.SpecialCategory.ART9
    assert cat.retention == m.Retention(
        6, m.RetentionUnit.MONTHS, "Vertragsende", "oder gesetzliche Frist"
    )
    editor.load(_uid(session, "VT-002"))
    editor.load(uid)
    assert editor.fields["data_categories"].row_fields(1)["retention.unit"].value() == "months"


def test_data_subjects_list_add_and_delete_key(editor, session, qtbot):
    uid = _uid(session, "VT-001")
    editor.load(uid)
    field = editor.fields["data_subjects"]
    _type(qtbot, field.combo.lineEdit(), "Beschäftigte")
    qtbot.keyClick(field.combo.lineEdit(), Qt.Key.Key_Return)
    assert field.value()[-1] == "Beschäftigte"
    field.list.setFocus()
    field.list.setCurrentRow(0)
    qtbot.keyClick(field.list, Qt.Key.Key_Delete)
    assert field.value() == ["Beschäftigte"]
    assert editor.save()
    assert session.store.load_activity(uid).data_subjects == ["Beschäftigte"]


def test_picking_an_existing_processor_links_it(editor, session, qtbot):
    uid = _uid(session, "VT-001")
    proc = session.save_processor(m.Processor(name="Rechenzentrum Ruhr GmbH", country="DE"))
    editor.load(uid)
    qtbot.mouseClick(w(editor, QPushButton, "processors.add"), Qt.MouseButton.LeftButton)
    combo = w(editor, SearchCombo, "processors[0].processor")
    combo.setCurrentIndex(combo.findData(proc.uid))
    combo.activated.emit(combo.currentIndex())
    _type(qtbot, w(editor, QLineEdit, "processors[0].service"), "Hosting")
    assert editor.save()
    links = session.store.load_activity(uid).processors
    assert [(x.processor, x.service) for x in links] == [(proc.uid, "Hosting")]


def test_new_processor_inline_through_the_dialog(editor, session, qtbot, monkeypatch):
    shown = []

    def fill_and_accept(parent, sess, name=""):
        dialog = catalogue_dialogs.ProcessorDialog(sess, m.Processor(name=name), parent)
        qtbot.addWidget(dialog)
        shown.append(dialog)
        dialog.form.name.setText("Kommunales Rechenzentrum Minden")
        dialog.accept()
        return dialog.result_object

    monkeypatch.setattr(catalogue_dialogs, "new_processor", fill_and_accept)
    uid = _uid(session, "VT-001")
    editor.load(uid)
    qtbot.mouseClick(w(editor, QPushButton, "processors.new"), Qt.MouseButton.LeftButton)
    assert shown
    named = [
        x for x in session.catalogue().processors if x.name == "Kommunales Rechenzentrum Minden"
    ]
    assert len(named) == 1
    assert editor.fields["processors"].row_fields(0)["processor"].value() == named[0].uid
    assert editor.save()
    assert [x.processor for x in session.store.load_activity(uid).processors] == [named[0].uid]
    assert (
        sum(
            x.name == "Kommunales Rechenzentrum Minden"
            for x in session.store.catalogue().processors
        )
        == 1
    )


def test_new_recipient_and_tom_inline(editor, session, qtbot, monkeypatch):
    monkeypatch.setattr(
        catalogue_dialogs,
        "new_recipient",
        lambda parent, s, name="": s.save_recipient(m.Recipient(name=name or "Finanzamt")),
    )
    monkeypatch.setattr(
        catalogue_dialogs,
        "new_tom",
        lambda parent, s, title="": s.save_tom(
            m.Tom(title=title or "Backup", sdm_goal="availability")
        ),
    )
    uid = _uid(session, "VT-001")
    editor.load(uid)
    recipients = editor.fields["recipients"]
    _type(qtbot, recipients.combo.lineEdit(), "Finanzamt Bochum")
    qtbot.mouseClick(recipients.new_button, Qt.MouseButton.LeftButton)
    toms = editor.fields["toms"]
    qtbot.mouseClick(toms.new_button, Qt.MouseButton.LeftButton)
    assert editor.save()
    stored = session.store.load_activity(uid)
    by_uid = session.catalogue().recipients_by_uid()
    assert [by_uid[r].name for r in stored.recipients] == ["Finanzamt Bochum"]
    assert session.catalogue().toms_by_uid()[stored.toms[-1]].title == "Backup"
    # The new measure appears in the tree under its SDM goal, ticked.
    assert toms._items[stored.toms[-1]].checkState(0) == Qt.CheckState.Checked


def test_unticking_a_measure_is_saved(editor, session):
    uid = _uid(session, "VT-001")
    editor.load(uid)
    tom = session.activity(uid).toms[0]
    editor.fields["toms"].set_checked(tom, False)
    assert editor.is_dirty()
    assert editor.save()
    assert tom not in session.store.load_activity(uid).toms


def test_transfer_row_with_country_and_mechanism(editor, session, qtbot):
    uid = _uid(session, "VT-002")
    editor.load(uid)
    mech = w(editor, SearchCombo, "transfers[0].mechanism")
    assert mech.property("finding") == "error"
    mech.setCurrentIndex(mech.findData("dpf"))
    mech.activated.emit(mech.currentIndex())
    editor.check_now()
    assert not any(f.code == "transfer-no-mechanism" for f in editor.findings())
    assert editor.save()
    assert session.store.load_activity(uid).transfers[0].mechanism == "dpf"


# --------------------------------------------------------------------------- leaving and new


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_maybe_leave_asks_about_unsaved_changes(editor, session, qtbot, monkeypatch, answer):
    asked = []
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, what: asked.append(what) or answer)
    uid = _uid(session, "VT-001")
    editor.load(uid)
    assert editor.maybe_leave() and not asked  # clean: no question
    name = w(editor, QLineEdit, "name")
    original = name.text()
    _type(qtbot, name, "!")
    result = editor.maybe_leave()
    assert asked == [original + "!"]
    stored = session.store.load_activity(uid).name
    if answer == "save":
        assert result and stored == original + "!" and not editor.is_dirty()
    elif answer == "discard":
        assert result and stored == original and name.text() == original
        assert not editor.is_dirty()
    else:
        assert not result and editor.is_dirty() and name.text() == original + "!"


def test_new_activity_and_save_creates_it(editor, session, qtbot):
    before = set(session.activity_uids())
    editor.new_activity()
    assert editor.is_dirty() and editor.save_action.isEnabled()
    assert w(editor, QLineEdit, "reference").text() == "VT-009"
    name = w(editor, QLineEdit, "name")
    assert name.hasFocus()
    _type(qtbot, name, "Zählerablesung")
    uid = editor.current_uid()
    assert uid not in before
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    assert set(session.activity_uids()) == before | {uid}
    stored = session.store.load_activity(uid)
    assert stored.name == "Zählerablesung" and stored.reference == "VT-009"
    assert uid in [
        a.uid for a in session.store.load_organisation(session.organisation_name).activities
    ]


def test_discarding_a_new_draft_clears_the_editor(editor, session, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: "discard")
    editor.new_activity()
    assert editor.maybe_leave()
    assert editor.current_uid() is None
    assert len(session.activity_uids()) == 8


def test_duplicate_opens_an_unsaved_copy(editor, session):
    uid = _uid(session, "VT-002")
    src = session.activity(uid)
    editor.duplicate(uid)
    assert editor.current_uid() != uid and editor.is_dirty()
    assert w(editor, QLineEdit, "name").text() == f"{src.name} (copy)"
    assert editor.save()
    copy = session.store.load_activity(editor.current_uid())
    assert copy.purposes == src.purposes and copy.processors == src.processors
    assert copy.status == m.ActivityStatus.DRAFT
    assert session.store.load_activity(uid).name == src.name


def test_next_reference():
    assert next_reference(["VT-001", "VT-010", "VT-009"]) == "VT-011"
    assert next_reference(["7", "x"]) == "8"
    assert next_reference([]) == "001"


def test_tab_order_follows_the_form_also_into_list_rows(editor, session, qtbot):
    editor.load(_uid(session, "VT-002"))
    ref = w(editor, QLineEdit, "reference")
    ref.setFocus()
    qtbot.keyClick(ref, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w(editor, QLineEdit, "name")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w(editor, QLineEdit, "department")
    purpose_text = editor.fields["purposes"].row_fields(0)["text"].widget
    purpose_text.setFocus()
    qtbot.keyClick(purpose_text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.fields["purposes"].row_fields(0)["legal_bases"].list
    # A row added later still sits in the chain before the list's Add button.
    editor.fields["purposes"].add_row()
    remove = w(editor, QPushButton, "purposes[1].remove")
    remove.setFocus()
    qtbot.keyClick(remove, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w(editor, QPushButton, "purposes.add")


def test_catalogue_change_elsewhere_updates_the_pickers(editor, session):
    editor.load(_uid(session, "VT-001"))
    proc = session.save_processor(m.Processor(name="Druckerei Nord"))
    editor.fields["processors"].add_row()
    combo = w(editor, SearchCombo, "processors[0].processor")
    assert combo.findData(proc.uid) > 0


def test_contact_person_details_are_saved(editor, session, qtbot):
    uid = _uid(session, "VT-001")
    editor.load(uid)
    _type(qtbot, w(editor, QLineEdit, "contact.name"), "Frau Beispiel")
    _type(qtbot, w(editor, QLineEdit, "contact.email"), "datenschutz@example.org")
    _type(qtbot, w(editor, QLineEdit, "contact.city"), "Bochum")
    assert editor.save()
    contact = session.store.load_activity(uid).contact
    assert (contact.name, contact.email, contact.city) == (
        "Frau Beispiel",
        "datenschutz@example.org",
        "Bochum",
    )


def test_dpia_list_note_says_which_list_applies_and_what_is_missing(qtbot, session):
    """Issue 13 item 3: the shipped DSK list is marked as incomplete and paraphrased, and a
    public body is pointed to its Land authority's list."""
    editor = ActivityEditor(session)
    qtbot.addWidget(editor)
    note = w(editor, QLabel, "dpia.listNote")
    text = note.text()
    assert "DSK" in text and "13" in text
    assert "LDI NRW" not in text  # a GmbH: the non-public list
    org = session.store.load_organisation(session.organisation_name)
    org.public_body = True
    session.store.save_organisation(org)
    session.reload()
    public = ActivityEditor(session)
    qtbot.addWidget(public)
    text = w(public, QLabel, "dpia.listNote").text()
    assert "LDI NRW" in text and "https://www.ldi.nrw.de/" in text


# --------------------------------------------------- explicit "none" (issue 18 item 4)


def test_explicit_none_check_boxes_are_saved_and_checked(editor, session, qtbot):
    from PySide6.QtWidgets import QCheckBox

    uid = next(
        u
        for u in session.activity_uids()
        if not session.activity(u).joint_controllers and session.activity(u).transfers
    )
    editor.load(uid)
    boxes = {
        key: w(editor, QCheckBox, key)
        for key in ("no_external_recipients", "no_joint_controllers", "no_transfers")
    }
    assert not any(box.isChecked() for box in boxes.values())
    assert boxes["no_joint_controllers"].text() == "There are no joint controllers (“none”)"
    assert boxes["no_joint_controllers"].accessibleName() == boxes["no_joint_controllers"].text()

    with qtbot.waitSignal(editor.dirtyChanged):
        boxes["no_joint_controllers"].click()
    assert editor.is_dirty()
    # stating "no transfer" beside recorded transfers is a contradiction the editor shows
    boxes["no_transfers"].click()
    qtbot.waitUntil(
        lambda: any(f.code == "explicit-none-contradiction" for f in editor.findings()),
        timeout=3000,
    )
    [hit] = [f for f in editor.findings() if f.code == "explicit-none-contradiction"]
    assert hit.field == "transfers"
    boxes["no_transfers"].click()
    qtbot.waitUntil(
        lambda: not any(f.code == "explicit-none-contradiction" for f in editor.findings()),
        timeout=3000,
    )
    assert editor.save()
    stored = session.store.load_activity(uid)
    assert stored.no_joint_controllers and not stored.no_transfers
    assert not stored.no_external_recipients
