"""The activity list does only the work a user waits for: checks and search texts are
built for the rows that need them, and a switch of organisation loads the editor once."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from ropa_desktop.ui import session as session_module
from ropa_desktop.ui.activities import activity_model
from ropa_desktop.ui.activities.activities_view import ActivitiesView
from ropa_desktop.ui.activities.activity_model import (
    COLUMNS,
    ActivityFilterProxy,
    ActivityTableModel,
)

COMPLETENESS = COLUMNS.index("completeness")


def _counting(monkeypatch, module, name: str) -> list[object]:  # type: ignore[no-untyped-def]
    calls: list[object] = []
    original = getattr(module, name)

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_sorting_checks_no_activity_and_builds_no_search_text(session, monkeypatch) -> None:
    checks = _counting(monkeypatch, session_module, "check_activity")
    texts = _counting(monkeypatch, activity_model, "search_text")
    model = ActivityTableModel(session)
    proxy = ActivityFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COLUMNS.index("name"), Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, COLUMNS.index("name")).data() for r in range(proxy.rowCount())]
    assert names == sorted((a.name for a in session.organisation().activities), reverse=True)
    assert checks == [] and texts == []

    # The finding icon of one row runs the rules for that activity only.
    assert proxy.index(0, COMPLETENESS).data(Qt.ItemDataRole.DecorationRole) is not None
    assert len(checks) == 1
    # The first search builds every row's search text, once.
    proxy.set_search("a")
    proxy.set_search("ab")
    assert len(texts) == model.rowCount() == 8


def test_switching_organisation_loads_the_first_activity_once(qtbot, session) -> None:
    view = ActivitiesView(session)
    qtbot.addWidget(view)
    view.show()
    loaded: list[str | None] = []
    load = view.editor.load

    def counted(uid: str | None) -> None:
        loaded.append(uid)
        load(uid)

    view.editor.load = counted  # type: ignore[method-assign]
    session.set_organisation("Stadt Ahaus")
    first = view.proxy.uid_at(0)
    assert [uid for uid in loaded if uid is not None] == [first]
    assert view.editor.current_uid() == first
    assert view.selected_uids() == [first]

    # A rename is no switch: the list and the open activity stay.
    view.table.selectRow(2)
    shown = view.editor.current_uid()
    assert shown is not None and shown != first
    org = session.organisation()
    assert org is not None
    session.save_organisation(dataclasses.replace(org, name="Stadt Ahaus (neu)"))
    assert view.model.rowCount() == len(session.activity_uids())
    assert view.editor.current_uid() == shown
    assert view.selected_uids() == [shown]
