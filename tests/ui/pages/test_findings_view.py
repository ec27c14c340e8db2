"""The Prüfung page: the organisation's findings, filtered, counted, opened."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from ropa_desktop.domain import model as m
from ropa_desktop.domain.rules import Severity
from ropa_desktop.ui.pages.findings_view import COLUMNS, FindingsView


def _view(qtbot: Any, session: Any) -> FindingsView:
    view = FindingsView(session)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def double_click(qtbot: Any, table: Any, index: Any) -> None:
    """A real double-click on a cell (QTest needs the press before the double-click)."""
    pos = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _rows(view: FindingsView) -> list[Any]:
    return [view.finding_at(r) for r in range(view.proxy.rowCount())]


def _broken(session: Any) -> m.Activity:
    """The newsletter activity (it has a department) with the department cleared."""
    act = next(
        session.activity_copy(uid)
        for uid in session.activity_uids()
        if session.activity(uid).department.strip()
    )
    act.department = ""
    return session.save_activity(act)


def test_lists_the_findings_of_a_broken_activity(qtbot, session):
    view = _view(qtbot, session)
    before = view.proxy.rowCount()
    act = _broken(session)
    assert view.proxy.rowCount() == before + 1  # visible: reloaded on the change at once
    mine = [
        (f, uid)
        for f, uid in _rows(view)
        if f.code == "activity-no-department" and f.activity == act.name
    ]
    assert len(mine) == 1
    finding, uid = mine[0]
    assert uid == act.uid
    assert finding.field == "department"
    assert finding.severity == Severity.INFO
    row = next(r for r in range(view.proxy.rowCount()) if view.finding_at(r) == mine[0])
    assert view.proxy.index(row, COLUMNS.index("code")).data() == "activity-no-department"
    assert view.proxy.index(row, COLUMNS.index("activity")).data() == act.name
    assert not view.proxy.index(row, 0).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_counts_and_severity_filter(qtbot, session):
    view = _view(qtbot, session)
    findings = session.organisation_findings()
    expected = {s: sum(f.severity == s for f in findings) for s in Severity}
    assert view.counts() == expected
    assert all(expected.values())  # the demo has errors, warnings and notes
    label = view.findChild(QLabel, "findings.counts").text()
    assert all(str(n) in label for n in expected.values())
    combo = view.findChild(QComboBox, "findings.severity")
    combo.setCurrentIndex(combo.findData("error"))
    assert view.proxy.rowCount() == expected[Severity.ERROR] < len(findings)
    assert {f.severity for f, _ in _rows(view)} == {Severity.ERROR}
    view.set_severity_filter("info")
    assert view.proxy.rowCount() == expected[Severity.INFO]
    view.set_severity_filter("all")
    assert view.proxy.rowCount() == len(findings)


def test_search_reduces_rows(qtbot, session):
    view = _view(qtbot, session)
    qtbot.keyClicks(view.findChild(QLineEdit, "findings.search"), "transfer-no-mechanism")
    assert [f.code for f, _ in _rows(view)] == ["transfer-no-mechanism"]


def test_double_click_opens_the_activity_at_the_field(qtbot, session):
    view = _view(qtbot, session)
    act = _broken(session)
    opened: list[Any] = []
    view.openActivity.connect(lambda *a: opened.append(a))
    row = next(
        r
        for r in range(view.proxy.rowCount())
        if view.finding_at(r)[0].code == "activity-no-department"
        and view.finding_at(r)[1] == act.uid
    )
    double_click(qtbot, view.table, view.proxy.index(row, COLUMNS.index("message")))
    assert opened == [(act.uid, "department")]


def test_findings_about_the_organisation_open_its_master_data(qtbot, session):
    view = _view(qtbot, session)
    orgs: list[str] = []
    acts: list[Any] = []
    view.openOrganisation.connect(orgs.append)
    view.openActivity.connect(lambda *a: acts.append(a))
    row = next(r for r in range(view.proxy.rowCount()) if view.finding_at(r)[0].activity is None)
    view.select_row(row)
    qtbot.mouseClick(view.findChild(QPushButton, "findings.open"), Qt.MouseButton.LeftButton)
    assert orgs == [view.finding_at(row)[0].field or ""] and acts == []


def test_same_name_twice_is_resolved_to_the_right_activity(qtbot, session):
    view = _view(qtbot, session)
    first = session.activity_copy(session.activity_uids()[0])
    twin = session.activity_copy(session.activity_uids()[1])
    twin.name = first.name
    twin.department = "Marketing"
    session.save_activity(twin)
    rows = [(f, uid) for f, uid in _rows(view) if f.activity == first.name]
    assert {uid for _, uid in rows} == {first.uid, twin.uid}
    for f, uid in rows:
        assert f in session.findings(uid)


def test_check_again_and_lazy_reload(qtbot, session):
    view = _view(qtbot, session)
    view.hide()
    before = view.proxy.rowCount()
    _broken(session)
    assert view.dirty and view.proxy.rowCount() == before
    view.show()
    assert view.proxy.rowCount() == before + 1
    qtbot.mouseClick(view.findChild(QPushButton, "findings.check"), Qt.MouseButton.LeftButton)
    assert view.proxy.rowCount() == before + 1
    session.set_organisation(None)
    assert view.proxy.rowCount() == 0
