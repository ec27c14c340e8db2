"""The Drittlandübermittlungen page: all third-country transfers of the organisation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.rules import Severity
from ropa_desktop.ui.pages.transfers_view import COLUMNS, TransfersView


def double_click(qtbot: Any, table: Any, index: Any) -> None:
    """A real double-click on a cell (QTest needs the press before the double-click)."""
    pos = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _view(qtbot: Any, session: Any) -> TransfersView:
    view = TransfersView(session)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def _rows(view: TransfersView) -> list[Any]:
    return [view.row_at(r) for r in range(view.proxy.rowCount())]


def _text(view: TransfersView, row: int, key: str) -> str:
    return view.proxy.index(row, COLUMNS.index(key)).data()


def _google_analytics(session: Any) -> m.Activity:
    return next(
        session.activity(uid) for uid in session.activity_uids() if session.activity(uid).transfers
    )


def test_bochum_us_transfer_without_mechanism_is_marked_as_error(qtbot, session):
    view = _view(qtbot, session)
    act = _google_analytics(session)
    assert [(r.uid, r.path, r.country_key, r.missing) for r in _rows(view)] == [
        (act.uid, "transfers[0]", "US", False)
    ]
    row = view.row_at(0)
    assert row.severity == Severity.ERROR
    assert [f.code for f in row.findings] == ["transfer-no-mechanism"]
    assert _text(view, 0, "activity") == act.name
    assert _text(view, 0, "country") == p.country("US")
    assert _text(view, 0, "recipient") == act.transfers[0].recipient
    assert _text(view, 0, "mechanism") == ""
    assert not view.proxy.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_transfer_with_mechanism_shows_it_and_no_finding(qtbot, session):
    session.set_organisation("Stadtwerke Herne AG")
    view = _view(qtbot, session)
    rows = _rows(view)
    assert len(rows) == 1 and rows[0].country_key == "US"
    transfer = session.activity(rows[0].uid).transfers[0]
    assert transfer.mechanism == "scc-2"
    assert _text(view, 0, "mechanism") == p.mechanism(transfer)
    assert rows[0].severity is None


def test_country_filter(qtbot, session):
    view = _view(qtbot, session)
    act = session.activity_copy(_google_analytics(session).uid)
    act.transfers.append(m.Transfer(country="CH", recipient="Analyse AG", mechanism="adequacy"))
    session.save_activity(act)
    assert {r.country_key for r in _rows(view)} == {"US", "CH"}
    combo = view.findChild(QComboBox, "transfers.country")
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "CH", "US"]
    combo.setCurrentIndex(combo.findData("US"))
    assert [r.path for r in _rows(view)] == ["transfers[0]"]
    view.set_country_filter("CH")
    assert [(r.path, r.recipient) for r in _rows(view)] == [("transfers[1]", "Analyse AG")]
    # The choice survives a reload.
    session.save_activity(session.activity_copy(act.uid))
    view.refresh()
    assert combo.currentData() == "CH" and view.proxy.rowCount() == 1
    view.set_country_filter("")
    assert view.proxy.rowCount() == 2


def test_third_country_processor_without_transfer_is_listed(qtbot, session):
    view = _view(qtbot, session)
    offshore = session.save_processor(m.Processor(name="Callcenter Ltd", country="IN"))
    uid = session.activity_uids()[2]
    act = session.activity_copy(uid)
    act.processors.append(m.ProcessorLink(offshore.uid, "Telefonie"))
    session.save_activity(act)
    missing = [r for r in _rows(view) if r.missing]
    assert [(r.uid, r.path, r.country_key, r.recipient) for r in missing] == [
        (uid, f"processors[{len(act.processors) - 1}]", "IN", "Callcenter Ltd")
    ]
    assert missing[0].severity is not None


def test_double_click_opens_the_activity_at_the_transfer(qtbot, session):
    view = _view(qtbot, session)
    opened: list[Any] = []
    view.openActivity.connect(lambda *a: opened.append(a))
    double_click(qtbot, view.table, view.proxy.index(0, COLUMNS.index("country")))
    assert opened == [(_google_analytics(session).uid, "transfers[0]")]


def test_hidden_view_reloads_on_show(qtbot, session):
    view = _view(qtbot, session)
    view.hide()
    session.set_organisation("Stadt Ahaus")
    assert view.dirty
    assert view.row_at(0).uid not in session.activity_uids()  # not read yet: still Bochum's
    view.show()
    assert not view.dirty
    assert view.row_at(0).uid in session.activity_uids()
