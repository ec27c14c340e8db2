"""The Versionen page: freeze with a label, view read-only, export as frozen, mark
delivered, compare (filterable), build the authority pack — all from the window."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog

from ropa_desktop.domain import model as m
from ropa_desktop.io.pack import MANIFEST, verify_pack
from ropa_desktop.ui.pages import version_dialogs
from ropa_desktop.ui.pages.versions_view import WORKING, VersionsView

DEMO_ORG = "Stadtwerke Bochum GmbH"


def _view(qtbot: Any, session: Any) -> VersionsView:
    view = VersionsView(session)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def _freeze(monkeypatch: pytest.MonkeyPatch, view: VersionsView, label: str) -> None:
    """Answer the freeze dialog the way a user would: type the label, press Freeze."""

    def answer(dialog: version_dialogs.FreezeDialog) -> int:
        dialog.label.setText(label)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(version_dialogs.FreezeDialog, "exec", answer)
    view.freeze_button.click()


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path | str) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def _change_legal_basis(session: Any) -> m.Activity:
    act = session.activity_copy(session.activity_uids()[0])
    act.purposes[0].legal_bases = ["art6-1-c"]
    return session.save_activity(act)


def _compare(qtbot: Any, view: VersionsView, old: int, new: int) -> None:
    view.from_box.setCurrentIndex(view.from_box.findData(old))
    view.to_box.setCurrentIndex(view.to_box.findData(new))
    with qtbot.waitSignal(view.compared, timeout=60_000):
        view.compare_button.click()


def test_freeze_edit_freeze_and_compare_in_the_window(qtbot, session, monkeypatch):
    view = _view(qtbot, session)
    assert view.versions() == [] and not view.compare_button.isEnabled()
    _freeze(monkeypatch, view, "Stand für BayLfD, Anfrage vom 1.12.")
    act = _change_legal_basis(session)
    removed = session.activity(session.activity_uids()[-1]).name
    session.delete_activity(session.activity_uids()[-1])
    _freeze(monkeypatch, view, "nach der Prüfung")
    assert [(v.number, v.label) for v in view.versions()] == [
        (1, "Stand für BayLfD, Anfrage vom 1.12."),
        (2, "nach der Prüfung"),
    ]
    assert view.proxy.index(0, 1).data() == "nach der Prüfung"  # newest first
    assert view.message.text() == "Version 2 frozen."

    _compare(qtbot, view, 1, 2)
    titles = view.diff.visible_titles()
    assert len(titles) == 2
    assert any(act.name in t for t in titles)
    changed = next(
        view.diff.tree.topLevelItem(i)
        for i in range(view.diff.tree.topLevelItemCount())
        if act.name in view.diff.tree.topLevelItem(i).text(0)
    )
    child = changed.child(0)
    assert child.text(0).startswith("Rechtsgrundlagen")
    assert child.text(3) == "Art. 6 Abs. 1 lit. c DSGVO"
    assert "art6" not in child.text(2) + child.text(3)  # labels, never vocabulary ids
    view.diff.change.setCurrentIndex(view.diff.change.findData("removed"))
    (only,) = view.diff.visible_titles()
    assert removed in only and only.endswith(": entfernt")
    view.diff.change.setCurrentIndex(0)
    view.diff.search.setText("lit. c")
    assert view.diff.visible_titles() == [changed.text(0)]

    _compare(qtbot, view, 2, WORKING)
    assert view.diff.visible_titles() == []
    assert view.diff.summary.text() == "Stand 2 → Arbeitsstand: no changes"


def test_view_deliver_export_and_pack(qtbot, session, monkeypatch, tmp_path):
    view = _view(qtbot, session)
    _freeze(monkeypatch, view, "Erster Stand")
    frozen_names = {session.activity(uid).name for uid in session.activity_uids()}
    _change_legal_basis(session)
    renamed = session.activity_copy(session.activity_uids()[0])
    renamed.name = "Nach dem Einfrieren umbenannt"
    session.save_activity(renamed)
    view.select_version(1)

    view.view_current()
    text = view.view_dialog.text.toPlainText()
    assert view.view_dialog.text.isReadOnly()
    assert all(name in text for name in frozen_names)
    assert "Nach dem Einfrieren umbenannt" not in text
    view.view_dialog.close()

    def deliver(dialog: version_dialogs.DeliveryDialog) -> int:
        dialog.recipient.setText("BayLfD")
        dialog.on.setDate(QDate(2026, 12, 1))
        dialog.reference.setText("Az. 7-1")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(version_dialogs.DeliveryDialog, "exec", deliver)
    view.deliver_button.click()
    delivered = [view.proxy.index(0, c).data() for c in (4, 5, 6)]
    assert delivered == ["BayLfD", "01.12.2026", "Az. 7-1"]

    js = tmp_path / "stand1.json"
    _save_to(monkeypatch, js)
    view.export_current("json")
    qtbot.waitUntil(lambda: view.task is not None and view.task.done, timeout=60_000)
    names = {a["name"] for a in json.loads(js.read_text())["organisations"][0]["activities"]}
    assert names == frozen_names  # exactly as frozen, not the working register

    _freeze(monkeypatch, view, "Zweiter Stand")
    pack = tmp_path / "paket"  # the suffix is added
    _save_to(monkeypatch, pack)
    view.build_pack()
    qtbot.waitUntil(lambda: view.task is not None and view.task.done, timeout=120_000)
    assert view.task.outcome == "success"
    target = tmp_path / "paket.zip"
    assert verify_pack(target).ok
    with zipfile.ZipFile(target) as zf:
        manifest = json.loads(zf.read(MANIFEST))
    assert manifest["organisation"]["name"] == DEMO_ORG
    assert manifest["register_version"]["number"] == 2
    assert manifest["compared_with"]["number"] == 1
    assert str(target) in view.message.text()


def test_no_file_chosen_writes_nothing_and_a_pack_needs_a_version(
    qtbot, session, monkeypatch, tmp_path
):
    view = _view(qtbot, session)
    informed: list[str] = []
    monkeypatch.setattr(
        "ropa_desktop.ui.common.prompts.inform", lambda parent, title, text: informed.append(text)
    )
    view.build_pack()
    assert informed == ["Freeze a version first; the pack is made from a frozen version."]
    _freeze(monkeypatch, view, "")
    view.select_version(1)
    _save_to(monkeypatch, "")
    view.export_current("pdf")
    assert view.task is None and list(tmp_path.glob("*.pdf")) == []


def test_export_menu_builds_the_pack_of_the_chosen_version(qtbot, session, monkeypatch, tmp_path):
    from ropa_desktop.ui.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.pack_action.text().endswith("supervisory authority …")
    _freeze(monkeypatch, window.versions_page, "Stand 1")
    _freeze(monkeypatch, window.versions_page, "Stand 2")
    _save_to(monkeypatch, tmp_path / "paket.zip")
    window.pack_action.trigger()
    assert window.current_page() == "versions"
    page = window.versions_page
    qtbot.waitUntil(lambda: page.task is not None and page.task.done, timeout=120_000)
    checked = verify_pack(tmp_path / "paket.zip")
    assert checked.ok and checked.manifest["register_version"]["number"] == 2
    window.close()


def test_another_organisation_shows_its_own_versions(qtbot, session, monkeypatch):
    view = _view(qtbot, session)
    _freeze(monkeypatch, view, "Bochum 1")
    _compare(qtbot, view, 1, WORKING)
    assert view.diff.summary.text()
    other = next(o.name for o in session.organisations() if o.name != DEMO_ORG)
    session.set_organisation(other)
    assert view.versions() == [] and view.diff.summary.text() == ""
    assert view.diff.visible_titles() == []


def test_freezing_and_delivering_show_up_in_the_history_at_once(
    qtbot: Any, session: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ropa_desktop.ui.main_window import MainWindow
    from ropa_desktop.ui.pages.history_view import HistoryView

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    session.start_polling(3_600_000)  # the timer never fires here; tests call poll()
    history = window.pages["history"]
    assert isinstance(history, HistoryView)
    assert window.show_page("history")
    before = history.proxy.rowCount()
    assert window.show_page("versions")
    _freeze(monkeypatch, window.versions_page, "Stand für den Rat")
    assert window.show_page("history")
    assert history.proxy.rowCount() == before + 1
    newest = history.entry_at(0).record
    assert (newest.field, newest.new) == ("version", "1 Stand für den Rat")
    # Freezing is this window's own write: the next poll does not report it as a change
    # made elsewhere (which would warn the editors about another user).
    assert not session.poll()

    assert window.show_page("versions")
    page = window.versions_page
    page.select_version(1)

    def deliver(dialog: version_dialogs.DeliveryDialog) -> int:
        dialog.recipient.setText("BayLfD")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(version_dialogs.DeliveryDialog, "exec", deliver)
    page.deliver_button.click()
    assert page.versions()[0].delivered_to == "BayLfD"
    assert history.dirty  # reloads when shown; the delivery itself is a hidden field
    assert not session.poll()
    session.stop_polling()
    window.close()
