"""Catalogue editors: processor, recipient and TOM dialogs and views on a real SQLite register."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from ropa_desktop.domain import model as m
from ropa_desktop.ui.catalogue import delete_dialog
from ropa_desktop.ui.catalogue.dialogs import ProcessorDialog, RecipientDialog, TomDialog
from ropa_desktop.ui.catalogue.views import (
    ProcessorsView,
    RecipientsView,
    TomsView,
    processor_use_counts,
)
from ropa_desktop.ui.common import prompts


def _stored_processors(session, name: str) -> list[m.Processor]:
    return [p for p in session.store.catalogue().processors if p.name == name]


def test_processor_dialog_creates_processor_once(qtbot, session) -> None:
    dialog = ProcessorDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    qtbot.keyClicks(form.name, "Neue Hosting GmbH")
    form.city.setText("Essen")
    form.country.set_code("DE")
    form.contract_date.check.setChecked(True)
    form.contract_date.edit.setDate(QDate(2024, 5, 17))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = _stored_processors(session, "Neue Hosting GmbH")
    assert len(stored) == 1
    assert stored[0].city == "Essen" and stored[0].country == "DE"
    assert stored[0].contract_date == date(2024, 5, 17)
    assert dialog.result_object.uid == stored[0].uid


def test_processor_dialog_refuses_duplicate_name(qtbot, session, monkeypatch) -> None:
    errors: list[object] = []
    monkeypatch.setattr(prompts, "show_error", lambda *a: errors.append(a))
    before = len(session.store.catalogue().processors)
    dialog = ProcessorDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.name.setText("  xqueue gmbh ")
    dialog.accept()
    assert dialog.result_object is None and dialog.isVisible()
    assert dialog.form.name_note.message()
    dialog.form.name.setText("")
    dialog.accept()
    assert dialog.result_object is None and dialog.form.name_note.message()
    assert len(session.store.catalogue().processors) == before


def test_recipient_and_tom_dialogs_save(qtbot, session) -> None:
    dialog = RecipientDialog(session, m.Recipient(name="Finanzamt"))
    qtbot.addWidget(dialog)
    dialog.form.category.setText("Behörden")
    dialog.form.country.set_code("de")
    dialog.accept()
    rec = next(r for r in session.store.catalogue().recipients if r.name == "Finanzamt")
    assert (rec.category, rec.country) == ("Behörden", "DE")

    tom_dialog = TomDialog(session, m.Tom(title="Backup offsite"))
    qtbot.addWidget(tom_dialog)
    tom_dialog.form.sdm_goal.set_code("availability")
    tom_dialog.form.art32.item(2).setCheckState(Qt.CheckState.Checked)
    tom_dialog.accept()
    tom = next(t for t in session.store.catalogue().toms if t.title == "Backup offsite")
    assert tom.sdm_goal == "availability" and tom.art32 == ["art32-1-c"]


# --- views ---------------------------------------------------------------------------------


def _by_name(session, name: str) -> m.Processor:
    return next(p for p in session.store.catalogue().processors if p.name == name)


def _click_row(view, uid: str) -> None:
    view.list.setCurrentItem(view._item(uid))


def test_processors_view_lists_catalogue_with_use_counts(qtbot, session) -> None:
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    assert sorted(view.visible_uids()) == sorted(p.uid for p in session.catalogue().processors)
    counts = processor_use_counts(session.store)
    own = {p.uid for p in session.catalogue().processors}
    used = max(own, key=lambda uid: counts.get(uid, 0))
    assert view.uses(used) == counts[used] > 0
    assert str(counts[used]) in view._item(used).text(3)
    qtbot.keyClicks(view.search, "xqueue")
    assert [session.catalogue().processors_by_uid()[u].name for u in view.visible_uids()] == [
        "XQueue GmbH"
    ]


def test_edit_processor_contract_and_subprocessor(qtbot, session) -> None:
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    view.show()
    ms, google = _by_name(session, "XQueue GmbH"), _by_name(session, "Google LLC")
    assert view.select(ms.uid)
    form = view.form
    assert not view.save_button.isEnabled()
    form.contract_date.check.setChecked(True)
    form.contract_date.edit.setDate(QDate(2023, 9, 1))
    form.contract_reference.setText("AVV-2023-17")
    assert view.is_dirty() and view.save_button.isEnabled()
    # the processor itself is never offered as its own subprocessor
    offered = [form.sub_candidate.itemData(i) for i in range(form.sub_candidate.count())]
    assert ms.uid not in offered and google.uid in offered
    assert not form.add_subprocessor(ms.uid, "self")
    form.sub_candidate.setCurrentIndex(form.sub_candidate.findData(google.uid))
    form.sub_service.setText("Hosting in den USA")
    qtbot.mouseClick(form.sub_add, Qt.MouseButton.LeftButton)
    assert form.sub_table.rowCount() == 1
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    stored = _by_name(session, "XQueue GmbH")
    assert stored.contract_date == date(2023, 9, 1)
    assert stored.contract_reference == "AVV-2023-17"
    assert [(s.processor, s.service) for s in stored.subprocessors] == [
        (google.uid, "Hosting in den USA")
    ]
    assert not view.is_dirty() and view.current_uid() == ms.uid
    # remove the link and the date again
    form.sub_table.selectRow(0)
    qtbot.mouseClick(form.sub_remove, Qt.MouseButton.LeftButton)
    form.contract_date.check.setChecked(False)
    assert view.save()
    stored = _by_name(session, "XQueue GmbH")
    assert stored.subprocessors == [] and stored.contract_date is None


def test_delete_unused_processor(qtbot, session, monkeypatch) -> None:
    spare = session.save_processor(m.Processor(name="Unbenutzt GmbH"))
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda *a: asked.append(a[2]) or True)
    assert view.select(spare.uid) and view.delete_button.isEnabled()
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert asked
    assert spare.uid not in {p.uid for p in session.store.catalogue().processors}
    assert spare.uid not in view.visible_uids()
    assert view.current_uid() != spare.uid


def test_delete_used_processor_cancelled_keeps_everything(qtbot, session, monkeypatch) -> None:
    counts = processor_use_counts(session.store)
    used = next(uid for uid, n in counts.items() if n > 0)
    before = session.store.catalogue().processors
    asked: list[object] = []
    monkeypatch.setattr(delete_dialog, "ask_entry_deletion", lambda *a: asked.append(a[3]) and None)
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    assert view.select(used)
    assert not view.delete()
    assert asked and asked[0]  # the records using it were named
    assert session.store.catalogue().processors == before
    assert used in view.visible_uids() and view.current_uid() == used


def test_delete_not_confirmed_keeps_processor(qtbot, session, monkeypatch) -> None:
    spare = session.save_processor(m.Processor(name="Bleibt GmbH"))
    monkeypatch.setattr(prompts, "confirm", lambda *a: False)
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    view.select(spare.uid)
    assert not view.delete()
    assert spare.uid in {p.uid for p in session.store.catalogue().processors}


def test_new_processor_in_view_and_duplicate_refused(qtbot, session, monkeypatch) -> None:
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    view.show()
    assert view.new()
    assert view.list.currentItem() is None
    view.form.name.setText("XQUEUE gmbh")
    view.form.name.textEdited.emit("XQUEUE gmbh")
    assert not view.save()
    assert view.form.name_note.message()
    view.form.name.setText("Stadtdruckerei")
    assert view.save()
    stored = [p for p in session.store.catalogue().processors if p.name == "Stadtdruckerei"]
    assert len(stored) == 1 and view.current_uid() == stored[0].uid
    assert view.list.currentItem().data(0, Qt.ItemDataRole.UserRole + 1) == stored[0].uid


def test_unsaved_changes_prompt_on_switching(qtbot, session, monkeypatch) -> None:
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    view.show()
    a, b = _by_name(session, "iAdvize"), _by_name(session, "XQueue GmbH")
    view.select(a.uid)
    qtbot.keyClicks(view.form.phone, "030 1234")
    assert view.is_dirty()
    answers = iter(["cancel", "discard"])
    asked: list[str] = []

    def answer(parent, what):  # type: ignore[no-untyped-def]
        asked.append(what)
        return next(answers)

    monkeypatch.setattr(prompts, "ask_unsaved", answer)
    _click_row(view, b.uid)
    assert asked == ["iAdvize"]
    assert view.current_uid() == a.uid and view.form.phone.text() == "030 1234"
    assert view.list.currentItem().data(0, Qt.ItemDataRole.UserRole + 1) == a.uid
    _click_row(view, b.uid)
    assert view.current_uid() == b.uid and view.form.name.text() == "XQueue GmbH"
    assert _by_name(session, "iAdvize").phone == ""
    # "save" writes the change before moving on
    qtbot.keyClicks(view.form.phone, "069 42")
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: "save")
    _click_row(view, a.uid)
    assert _by_name(session, "XQueue GmbH").phone == "069 42"
    assert view.current_uid() == a.uid and not view.is_dirty()


def test_revert_restores_stored_values(qtbot, session) -> None:
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    p = _by_name(session, "iAdvize")
    view.select(p.uid)
    qtbot.keyClicks(view.form.city, " Ouest")
    assert view.is_dirty()
    qtbot.mouseClick(view.revert_button, Qt.MouseButton.LeftButton)
    assert view.form.city.text() == "Nantes" and not view.is_dirty()
    assert view.maybe_leave()


def test_view_follows_catalogue_changes_from_elsewhere(qtbot, session) -> None:
    view = RecipientsView(session)
    qtbot.addWidget(view)
    rec = session.save_recipient(m.Recipient(name="Rentenversicherung", category="Behörden"))
    assert rec.uid in view.visible_uids()
    assert view.select(rec.uid) and view.form.category.text() == "Behörden"


def test_recipient_create_and_edit_in_view(qtbot, session) -> None:
    view = RecipientsView(session)
    qtbot.addWidget(view)
    view.show()
    assert view.delete_button.isVisible()
    view.new()
    qtbot.keyClicks(view.form.name, "Jobcenter")
    qtbot.keyClicks(view.form.category, "Sozialleistungen")
    view.form.country.set_code("DE")
    assert view.save()
    rec = next(r for r in session.store.catalogue().recipients if r.name == "Jobcenter")
    assert (rec.category, rec.country) == ("Sozialleistungen", "DE")
    qtbot.keyClicks(view.form.notes, "nur auf Anfrage")
    view.form.country.set_code("AT")
    assert view.save()
    rec = next(r for r in session.store.catalogue().recipients if r.uid == rec.uid)
    assert (rec.notes, rec.country) == ("nur auf Anfrage", "AT")
    assert len([r for r in session.store.catalogue().recipients if r.name == "Jobcenter"]) == 1


def test_tom_created_under_its_sdm_goal(qtbot, session) -> None:
    view = TomsView(session)
    qtbot.addWidget(view)
    view.show()
    assert view.list.topLevelItemCount() == 7
    assert view.new()
    qtbot.keyClicks(view.form.title, "Georedundantes Rechenzentrum")
    view.form.sdm_goal.set_code("availability")
    view.form.art32.item(1).setCheckState(Qt.CheckState.Checked)
    assert view.save()
    tom = next(
        t for t in session.store.catalogue().toms if t.title == "Georedundantes Rechenzentrum"
    )
    assert tom.sdm_goal == "availability" and tom.art32 == ["art32-1-b"]
    assert view.goal_of(tom.uid) == "availability"
    # moving it to another goal moves it in the tree
    view.form.sdm_goal.set_code("integrity")
    view.form.title.textEdited.emit("x")
    assert view.save()
    assert view.goal_of(tom.uid) == "integrity"


def test_new_tom_takes_selected_goal(qtbot, session) -> None:
    view = TomsView(session)
    qtbot.addWidget(view)
    confidentiality = next(t for t in session.catalogue().toms if t.sdm_goal == "confidentiality")
    view.select(confidentiality.uid)
    view.new()
    assert view.form.sdm_goal.code() == "confidentiality"


def test_new_processor_convenience_prefills_name(qtbot, session, monkeypatch) -> None:
    from ropa_desktop.ui.catalogue import dialogs as catalogue_dialogs

    seen: list[str] = []

    def fake_exec(dialog) -> int:  # type: ignore[no-untyped-def]
        qtbot.addWidget(dialog)
        seen.append(dialog.form.name.text())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProcessorDialog, "exec", fake_exec)
    saved = catalogue_dialogs.new_processor(None, session, " Cloud AG ")
    assert seen == ["Cloud AG"]
    assert saved is not None and _stored_processors(session, "Cloud AG")[0].uid == saved.uid
    monkeypatch.setattr(ProcessorDialog, "exec", lambda dialog: dialog.DialogCode.Rejected)
    assert catalogue_dialogs.new_processor(None, session, "Abgebrochen AG") is None
    assert _stored_processors(session, "Abgebrochen AG") == []


def test_keyboard_shortcuts_save_and_new(qtbot, session) -> None:
    view = RecipientsView(session)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    first = view.current_uid()
    view.form.notes.setFocus()
    qtbot.keyClicks(view.form.notes, "per Brief")
    qtbot.keyClick(view.form.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = session.store.catalogue().recipients_by_uid()[first]
    assert "per Brief" in stored.notes and not view.is_dirty()
    qtbot.keyClick(view.list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.current_uid() not in session.catalogue().recipients_by_uid()
    assert view.list.currentItem() is None


def test_delete_key_in_processor_list(qtbot, session, monkeypatch) -> None:
    spare = session.save_processor(m.Processor(name="Weg GmbH"))
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.select(spare.uid)
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    assert spare.uid not in session.store.catalogue().processors_by_uid()
