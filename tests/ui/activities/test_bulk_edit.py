"""Bulk work after an import: several activities changed at once, one undoable batch."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel

from ropa_desktop.domain import model as m
from ropa_desktop.ui.activities import bulk_dialog
from ropa_desktop.ui.activities.activities_view import ActivitiesView
from ropa_desktop.ui.activities.bulk_dialog import BulkEditDialog


def _select(view: ActivitiesView, rows: list[int]) -> list[str]:
    selection = view.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            view.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    return view.selected_uids()


def test_dialog_sets_only_what_is_ticked_and_previews_the_numbers(qtbot) -> None:
    dialog = BulkEditDialog(3, ["Hauptamt", "Kämmerei"], ["VT-007", "VT-012"], 2)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()  # nothing ticked: nothing to apply
    assert not dialog.department.isEnabled()
    dialog.set_department.setChecked(True)
    dialog.department.setCurrentText("Kämmerei")
    dialog.number.setChecked(True)
    assert dialog.ok.isEnabled()
    assert "VT-013 … VT-014" in dialog.preview.text()
    dialog.renumber.setChecked(True)
    assert "VT-013 … VT-015" in dialog.preview.text()
    change = dialog.change()
    assert (change.department, change.status, change.next_review) == ("Kämmerei", None, None)
    assert change.number and change.renumber


def test_bulk_edit_changes_selected_activities_as_one_undoable_batch(
    qtbot, session, monkeypatch
) -> None:
    view = ActivitiesView(session)
    qtbot.addWidget(view)
    view.show()
    uids = _select(view, [0, 1, 2])
    assert len(uids) == 3
    before = {u: session.activity_copy(u) for u in uids}
    untouched = next(u for u in session.activity_uids() if u not in uids)
    untouched_before = session.activity_copy(untouched)
    refs = [a.reference for a in session.organisation().activities]

    def answer(parent, count, departments, references, unnumbered):
        assert count == 3 and sorted(references) == sorted(refs)
        dialog = BulkEditDialog(count, departments, references, unnumbered, parent)
        qtbot.addWidget(dialog)
        dialog.set_status.setChecked(True)
        dialog.status.setCurrentIndex(dialog.status.findData(m.ActivityStatus.APPROVED.value))
        dialog.set_review.setChecked(True)
        dialog.review.setDate(QDate(2027, 6, 30))
        dialog.set_department.setChecked(True)
        dialog.department.setCurrentText("Bürgerbüro")
        return dialog.change()

    monkeypatch.setattr(bulk_dialog, "ask_bulk_change", answer)
    assert view.bulk_action.isEnabled()
    view.bulk_action.trigger()
    for uid in uids:
        act = session.activity(uid)
        assert act.status == m.ActivityStatus.APPROVED
        assert act.next_review == date(2027, 6, 30)
        assert act.department == "Bürgerbüro"
        assert act.name == before[uid].name and act.purposes == before[uid].purposes
    assert session.activity(untouched).department == untouched_before.department
    batch = session.store.batches(limit=1)[0]
    assert batch.kind == "bulk" and "3" in batch.description
    session.store.undo_batch(batch.uid)
    session.reload()
    for uid in uids:
        act = session.activity(uid)
        assert (act.status, act.next_review, act.department) == (
            before[uid].status,
            before[uid].next_review,
            before[uid].department,
        )


def test_bulk_numbering_continues_the_organisations_scheme(qtbot, session, monkeypatch) -> None:
    org = session.organisation()
    for name in ("Import A", "Import B"):
        session.save_activity(m.Activity(name=name))
    view = ActivitiesView(session)
    qtbot.addWidget(view)
    new = [a.uid for a in session.organisation().activities if a.name.startswith("Import ")]
    rows = [view.proxy.mapFromSource(view.model.index(view.model.row_of(u), 0)).row() for u in new]
    _select(view, rows)
    monkeypatch.setattr(
        bulk_dialog, "ask_bulk_change", lambda *a: bulk_dialog.BulkChange(number=True)
    )
    assert view.bulk_edit()
    from ropa_desktop.domain.numbering import next_references

    expected = next_references([a.reference for a in org.activities], 2)
    got = sorted(session.activity(u).reference for u in new)
    assert got == sorted(expected)


def test_cancelled_bulk_edit_changes_nothing(qtbot, session, monkeypatch) -> None:
    view = ActivitiesView(session)
    qtbot.addWidget(view)
    _select(view, [0, 1])
    monkeypatch.setattr(bulk_dialog, "ask_bulk_change", lambda *a: None)
    batches = len(session.store.batches())
    assert not view.bulk_edit()
    assert len(session.store.batches()) == batches
