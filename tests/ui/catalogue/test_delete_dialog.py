"""Deleting recipients, TOMs and processors still in use: the dialog names every record,
removes or replaces the entry in all of them, and the history undoes it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ropa_desktop.domain import model as m
from ropa_desktop.ui.catalogue import delete_dialog
from ropa_desktop.ui.catalogue.delete_dialog import DeleteEntryDialog, Deletion
from ropa_desktop.ui.catalogue.views import ProcessorsView, RecipientsView, TomsView
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.pages.history_view import COLUMNS, HistoryView


def _used(session, entries, field: str) -> tuple[str, list[m.Activity]]:
    """An entry used by activities of the organisation, and those activities."""
    org = session.organisation()
    for entry in entries:
        users = [a for a in org.activities if entry.uid in getattr(a, field)]
        if users:
            return entry.uid, users
    raise AssertionError("the demo organisation uses no such entry")


def test_dialog_names_every_user_and_answers_remove_or_replace(qtbot) -> None:
    from ropa_desktop.store.catalogue_delete import EntryUse

    uses = [EntryUse("activity", "a1", "Gehalt"), EntryUse("service", "s1", "Hosting")]
    dialog = DeleteEntryDialog("Delete", "Finanzamt", uses, [("r2", "Hausbank")])
    qtbot.addWidget(dialog)
    shown = [dialog.uses.item(i).text() for i in range(dialog.uses.count())]
    assert shown == ["Activity: Gehalt", "Processing service: Hosting"]
    assert dialog.answer() == Deletion(None)
    assert not dialog.replacement.isEnabled()
    dialog.replace.setChecked(True)
    assert dialog.replacement.isEnabled()
    assert dialog.answer() == Deletion("r2")


def test_tom_in_use_replaced_everywhere_then_undone_from_history(
    qtbot, session, monkeypatch
) -> None:
    toms = session.catalogue().toms
    uid, users = _used(session, toms, "toms")
    other = session.save_tom(m.Tom(title="Neue Zutrittsregelung", sdm_goal="confidentiality"))
    seen: list[list[str]] = []

    def answer(parent, title, name, uses, replacements):
        seen.append(sorted(u.name for u in uses))
        assert other.uid in [r for r, _label in replacements]
        return Deletion(other.uid)

    monkeypatch.setattr(delete_dialog, "ask_entry_deletion", answer)
    view = TomsView(session)
    qtbot.addWidget(view)
    assert view.select(uid)
    assert view.delete()
    assert set(seen[0]) >= {a.name for a in users}
    assert uid not in {t.uid for t in session.catalogue().toms}
    for act in users:
        toms_now = session.activity(act.uid).toms
        assert uid not in toms_now and other.uid in toms_now
    batch = session.store.batches(limit=1)[0]
    assert batch.kind == "replace-entry"
    history = HistoryView(session)
    qtbot.addWidget(history)
    history.show()
    qtbot.waitExposed(history)
    row = next(
        r for r in range(history.proxy.rowCount()) if history.entry_at(r).record.batch == batch.uid
    )
    history.select_row(row)
    label = history.proxy.index(row, COLUMNS.index("batch")).data()
    assert label.startswith("Eintrag ersetzt") or label.startswith("Entry replaced")
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    history.undo_current_batch()
    assert uid in {t.uid for t in session.catalogue().toms}
    assert all(uid in session.activity(a.uid).toms for a in users)


def test_recipient_in_use_removed_from_all_activities(qtbot, session, monkeypatch) -> None:
    uid, users = _used(session, session.catalogue().recipients, "recipients")
    monkeypatch.setattr(delete_dialog, "ask_entry_deletion", lambda *a: Deletion())
    view = RecipientsView(session)
    qtbot.addWidget(view)
    view.show()
    assert view.select(uid) and view.delete_button.isVisible()
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert uid not in {r.uid for r in session.catalogue().recipients}
    assert all(uid not in session.activity(a.uid).recipients for a in users)
    assert uid not in view.visible_uids()


def test_unused_recipient_deleted_after_a_plain_question(qtbot, session, monkeypatch) -> None:
    spare = session.save_recipient(m.Recipient(name="Niemand nutzt mich"))
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda *a: asked.append(a[2]) or True)
    view = RecipientsView(session)
    qtbot.addWidget(view)
    assert view.select(spare.uid) and view.delete()
    assert "Niemand nutzt mich" in asked[0]
    assert spare.uid not in {r.uid for r in session.catalogue().recipients}


def test_processor_in_use_removed_from_activities(qtbot, session, monkeypatch) -> None:
    org = session.organisation()
    used = next(
        p.uid
        for p in session.catalogue().processors
        if any(link.processor == p.uid for a in org.activities for link in a.processors)
    )
    monkeypatch.setattr(delete_dialog, "ask_entry_deletion", lambda *a: Deletion())
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    assert view.select(used) and view.delete()
    org = session.organisation()
    assert all(link.processor != used for a in org.activities for link in a.processors)
    assert used not in {p.uid for p in session.catalogue().processors}
