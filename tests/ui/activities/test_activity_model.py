"""The activity list's item models, tested without any view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ropa_desktop.domain import model as m
from ropa_desktop.domain.rules import Severity
from ropa_desktop.ui.activities.activity_model import (
    COLUMNS,
    SORT_ROLE,
    UID_ROLE,
    ActivityFilterProxy,
    ActivityTableModel,
)

NAME = COLUMNS.index("name")


def _names(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def _proxy(session) -> tuple[ActivityTableModel, ActivityFilterProxy]:  # type: ignore[no-untyped-def]
    model = ActivityTableModel(session)
    proxy = ActivityFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_model_holds_the_organisations_activities_and_builds_rows_on_demand(session) -> None:
    model = ActivityTableModel(session)
    acts = session.organisation().activities
    assert model.rowCount() == len(acts) == 8
    assert model._rows == {}  # nothing built before a view asks
    assert model.index(0, NAME).data() == acts[0].name
    assert len(model._rows) == 1
    assert model.index(0, 0).data(UID_ROLE) == acts[0].uid
    percent = model.index(0, COLUMNS.index("completeness")).data()
    assert percent.endswith("%")


def test_switching_organisation_resets_the_rows(session, qtbot) -> None:
    model = ActivityTableModel(session)
    with qtbot.waitSignal(model.modelReset):
        session.set_organisation("Stadt Ahaus")
    assert model.rowCount() == 4
    assert set(_names(model)) == {a.name for a in session.organisation().activities}


def test_search_matches_every_word_in_any_field_case_insensitively(session) -> None:
    _, proxy = _proxy(session)
    acts = session.organisation().activities
    target = acts[3]
    word = target.data_categories[0].name.split()[0]
    proxy.set_search(word.upper())
    shown = _names(proxy)
    assert target.name in shown
    proxy.set_search(f"{word} zzzz-nothing-like-this")
    assert proxy.rowCount() == 0
    proxy.set_search("")
    assert proxy.rowCount() == 8


def test_search_finds_processor_names_and_legal_basis_labels(session) -> None:
    _, proxy = _proxy(session)
    proxy.set_search("Art. 6 Abs. 1 lit.")
    assert proxy.rowCount() > 0
    processors = session.catalogue().processors_by_uid()
    with_proc = [a for a in session.organisation().activities if a.processors]
    name = processors[with_proc[0].processors[0].processor].name
    proxy.set_search(name)
    assert with_proc[0].name in _names(proxy)


def test_status_and_severity_filters(session) -> None:
    model, proxy = _proxy(session)
    act = session.activity_copy(session.activity_uids()[0])
    act.status = m.ActivityStatus.ARCHIVED
    session.save_activity(act)
    proxy.set_status(m.ActivityStatus.ARCHIVED)
    assert _names(proxy) == [act.name]
    proxy.set_status(None)

    broken = session.activity_copy(session.activity_uids()[1])
    broken.department = ""
    session.save_activity(broken)
    proxy.set_severity("error")
    assert broken.name in _names(proxy)
    for r in range(proxy.rowCount()):
        assert model.row_info(model.row_of(proxy.uid_at(r))).severity == Severity.ERROR
    proxy.set_severity("clean")
    assert broken.name not in _names(proxy)
    proxy.set_severity("all")
    assert proxy.rowCount() == 8


def test_edit_through_the_session_updates_the_row(session, qtbot) -> None:
    model = ActivityTableModel(session)
    uid = model.index(2, 0).data(UID_ROLE)
    act = session.activity_copy(uid)
    act.name = "Umbenannt"
    with qtbot.waitSignal(model.dataChanged):
        session.save_activity(act)
    assert model.index(2, NAME).data() == "Umbenannt"


def test_sorting_by_reference_is_natural(session) -> None:
    _, proxy = _proxy(session)
    for i, uid in enumerate(session.activity_uids()):
        act = session.activity_copy(uid)
        act.reference = f"VT-{[10, 2, 1, 33, 4, 5, 20, 3][i]}"
        session.save_activity(act)
    proxy.sort(COLUMNS.index("reference"), Qt.SortOrder.AscendingOrder)
    refs = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert refs == ["VT-1", "VT-2", "VT-3", "VT-4", "VT-5", "VT-10", "VT-20", "VT-33"]
    assert proxy.index(0, 0).data(SORT_ROLE) is not None
