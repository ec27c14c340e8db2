"""The Verlauf page: the organisation's changes, restore of deleted activities, undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from ropa_desktop.domain.codec import to_dict
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.pages import history_view
from ropa_desktop.ui.pages.history_view import COLUMNS, HistoryView, field_label, is_deletion


def _view(qtbot: Any, session: Any) -> HistoryView:
    view = HistoryView(session)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def _rows(view: HistoryView) -> list[Any]:
    return [view.entry_at(r) for r in range(view.proxy.rowCount())]


def _row_of(view: HistoryView, predicate: Any) -> int:
    return next(r for r in range(view.proxy.rowCount()) if predicate(view.entry_at(r).record))


def _text(view: HistoryView, row: int, key: str) -> str:
    return view.proxy.index(row, COLUMNS.index(key)).data()


def _department_edit(session: Any) -> Any:
    act = session.activity_copy(session.activity_uids()[0])
    old = act.department
    act.department = "Abteilung Datenschutz"
    session.save_activity(act)
    return act, old


def test_an_edit_shows_up_newest_first_with_old_and_new(qtbot, session):
    view = _view(qtbot, session)
    before = view.proxy.rowCount()
    assert before > 0
    act, old = _department_edit(session)
    assert view.proxy.rowCount() == before + 1
    newest = view.entry_at(0).record
    assert (newest.entity_uid, newest.field, newest.old, newest.new) == (
        act.uid,
        "department",
        old,
        "Abteilung Datenschutz",
    )
    assert "Abteilung Datenschutz" in _text(view, 0, "change")
    assert _text(view, 0, "record") == act.name
    assert _text(view, 0, "user") == "tester"
    # Every record shown belongs to this organisation (or what its activities use).
    org = session.organisation()
    other = session.store.load_organisation("Stadt Ahaus")
    shown = {e.record.entity_uid for e in _rows(view)}
    assert org.uid in shown
    assert not shown & {a.uid for a in other.activities}


def test_hidden_view_reloads_only_when_shown_again(qtbot, session):
    view = _view(qtbot, session)
    view.hide()
    before = view.proxy.rowCount()
    _department_edit(session)
    assert view.dirty and view.proxy.rowCount() == before
    session.set_organisation("Stadt Ahaus")
    assert view.proxy.rowCount() == before  # nothing read while hidden
    view.show()
    assert not view.dirty
    ahaus = session.organisation()
    assert {e.record.entity_uid for e in _rows(view)} >= {a.uid for a in ahaus.activities}


def test_filter_and_load_more(qtbot, session, monkeypatch):
    monkeypatch.setattr(history_view, "PAGE", 5)
    view = _view(qtbot, session)
    assert view.proxy.rowCount() == 5 and view.has_more()
    more = view.findChild(type(view.open_button), "history.loadMore")
    assert more.isEnabled()
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert view.proxy.rowCount() == 10
    ids = [e.id for e in _rows(view)]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 10
    monkeypatch.setattr(history_view, "PAGE", 100_000)
    view.refresh()
    everything = view.proxy.rowCount()
    assert not view.has_more() and not more.isEnabled()
    name = session.activity(session.activity_uids()[1]).name
    qtbot.keyClicks(view.findChild(type(view.filter), "history.filter"), name)
    assert 0 < view.proxy.rowCount() < everything
    assert all(e.record.entity_label == name for e in _rows(view))


def test_deleted_activity_is_restored_with_its_content(qtbot, session, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda *a: asked.append(a[2]) or True)
    view = _view(qtbot, session)
    uid = session.activity_uids()[2]
    gone = session.activity_copy(uid)
    session.delete_activity(uid)
    row = _row_of(view, is_deletion)
    assert view.entry_at(row).record.entity_uid == uid
    restore = view.findChild(type(view.open_button), "history.restore")
    view.select_row(row)
    assert restore.isEnabled()
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert asked == []  # deleted from this organisation: restored here without a question
    back = session.activity(uid)
    assert back is not None
    assert uid in {
        a.uid for a in session.store.load_organisation(session.organisation_name).activities
    }
    expected, got = to_dict(gone), to_dict(session.store.load_activity(uid))
    expected.pop("changed")
    got.pop("changed")
    assert got == expected
    # The deletion record is still listed, but the activity exists again: no second restore.
    view.select_row(_row_of(view, is_deletion))
    assert not restore.isEnabled()
    # The restore itself is a batch that can be undone.
    view.select_row(0)
    assert view.entry_at(0).record.entity_uid == uid
    assert view.findChild(type(view.open_button), "history.undoBatch").isEnabled()


def test_restore_refusal_is_shown_and_changes_nothing(qtbot, session, monkeypatch):
    errors: list[Any] = []
    monkeypatch.setattr(prompts, "show_error", lambda *a: errors.append(a[2]))
    view = _view(qtbot, session)
    uid = session.activity_uids()[0]
    session.delete_activity(uid)
    view.select_row(_row_of(view, is_deletion))
    # Another user restores it meanwhile.
    session.store.restore_activity(uid)
    view.restore_current()
    assert len(errors) == 1 and uid in prompts.error_text(errors[0])
    assert [
        a.uid for a in session.store.load_organisation(session.organisation_name).activities
    ].count(uid) == 1


def test_undo_of_the_demo_import_is_refused_after_an_edit(qtbot, session, monkeypatch):
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    errors: list[Any] = []
    monkeypatch.setattr(prompts, "show_error", lambda *a: errors.append(a[2]))
    view = _view(qtbot, session)
    _department_edit(session)
    row = _row_of(view, lambda r: r.batch is not None)
    view.select_row(row)
    undo = view.findChild(type(view.open_button), "history.undoBatch")
    assert undo.isEnabled()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert len(errors) == 1
    assert len(session.store.load_organisation(session.organisation_name).activities) == 8
    assert not any(b.undone for b in session.store.batches())
    assert any(
        a.department == "Abteilung Datenschutz"
        for a in session.store.load_organisation(session.organisation_name).activities
    )


def test_undo_of_the_demo_import_removes_it_when_confirmed(qtbot, session, monkeypatch):
    view = _view(qtbot, session)
    view.select_row(_row_of(view, lambda r: r.batch is not None))
    monkeypatch.setattr(prompts, "confirm", lambda *a: False)
    view.undo_current_batch()
    assert len(session.organisations()) == 5  # declined: nothing happened
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    view.undo_current_batch()
    assert session.store.organisations() == []
    assert session.store.batches()[1].undone
    assert session.organisation_name is None
    assert view.proxy.rowCount() == 0


def test_double_click_opens_the_activity_at_the_changed_field(qtbot, session):
    view = _view(qtbot, session)
    act, _ = _department_edit(session)
    index = view.proxy.index(0, COLUMNS.index("field"))
    opened: list[Any] = []
    view.openActivity.connect(lambda *a: opened.append(a))
    double_click(qtbot, view.table, index)
    assert opened == [(act.uid, "department")]
    # The keyboard does the same: Enter on the current row.
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened[1:] == [(act.uid, "department")]


def double_click(qtbot: Any, table: Any, index: Any) -> None:
    """A real double-click on a cell (QTest needs the press before the double-click)."""
    pos = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_deleted_activity_cannot_be_opened(qtbot, session):
    view = _view(qtbot, session)
    uid = session.activity_uids()[0]
    session.delete_activity(uid)
    opened: list[Any] = []
    view.openActivity.connect(lambda *a: opened.append(a))
    view.select_row(_row_of(view, is_deletion))
    assert not view.findChild(type(view.open_button), "history.open").isEnabled()
    view.open_current()
    assert opened == []


@pytest.mark.parametrize(
    ("path", "entity", "expected"),
    [
        ("department", "activity", "Verantwortliche Fachabteilung"),
        ("purposes[1].legal_bases", "activity", "Zwecke der Verarbeitung 2 › Rechtsgrundlagen"),
        (
            "data_categories[0].retention.duration",
            "activity",
            "Kategorien personenbezogener Daten 1 › Fristen für die Löschung › Dauer",
        ),
        ("name", "processor", "Name"),
        ("tom_description", "activity", "Beschreibung der TOM"),
        (
            "transfers[0].mechanism",
            "activity",
            "Drittlandübermittlungen und Garantien 1 › Garantie (Mechanismus)",
        ),
        ("", "activity", ""),
    ],
)
def test_field_labels(path, entity, expected):
    assert field_label(path, entity) == expected
