"""Organisations in the window: archive, delete and restore from the Datei menu, the copy of
catalogue entries from another organisation, and the organisation a window opens on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from ropa_desktop.ui import app as app_module
from ropa_desktop.ui.catalogue.copy_dialog import CopyFromOrganisationDialog
from ropa_desktop.ui.catalogue.views import ProcessorsView, TomsView
from ropa_desktop.ui.common import prompts, settings
from ropa_desktop.ui.main_window import MainWindow

DEMO_ORG = "Stadtwerke Bochum GmbH"
HERNE = "Stadtwerke Herne AG"


def _window(qtbot, session) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


def _switcher(window: MainWindow) -> list[str]:
    return [window.org_switcher.itemText(i) for i in range(window.org_switcher.count())]


def test_archive_hides_the_organisation_and_restore_brings_it_back(
    qtbot, session, monkeypatch
) -> None:
    window = _window(qtbot, session)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append(text) or True)
    window.archive_org_action.trigger()
    assert asked and DEMO_ORG in asked[0]
    assert DEMO_ORG not in _switcher(window)
    assert session.organisation_name not in (None, DEMO_ORG)
    offered: list[list[str]] = []

    def choose(parent, title, label, items):  # type: ignore[no-untyped-def]
        offered.append(items)
        return items[0]

    monkeypatch.setattr(prompts, "choose", choose)
    window.restore_org_action.trigger()
    assert offered == [[f"{DEMO_ORG} (archived)"]]
    assert DEMO_ORG in _switcher(window) and session.organisation_name == DEMO_ORG


def test_delete_names_what_goes_and_restore_brings_everything_back(
    qtbot, session, monkeypatch
) -> None:
    window = _window(qtbot, session)
    before = session.store.load_register(DEMO_ORG)
    acts = len(before.organisations[0].activities)
    entries = len(before.processors) + len(before.recipients) + len(before.toms)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append(text) or False)
    window.delete_org_action.trigger()  # answered "no": nothing happens
    assert DEMO_ORG in _switcher(window)
    assert f"{acts} processing activities" in asked[0] and f"{entries} catalogue" in asked[0]
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    window.delete_org_action.trigger()
    assert DEMO_ORG not in _switcher(window)
    assert DEMO_ORG not in session.store.organisation_names()
    monkeypatch.setattr(prompts, "choose", lambda parent, title, label, items: items[0])
    window.restore_org_action.trigger()
    assert session.organisation_name == DEMO_ORG
    after = session.store.load_register(DEMO_ORG)
    assert [a.uid for a in after.organisations[0].activities] == [
        a.uid for a in before.organisations[0].activities
    ]
    assert after.processors == before.processors


def test_copy_from_another_organisation_in_two_clicks(qtbot, session, monkeypatch) -> None:
    view = ProcessorsView(session)
    qtbot.addWidget(view)
    herne_ms = next(
        p for p in session.store.catalogue(HERNE).processors if p.name == "Microsoft Corporation"
    )

    def exec_(dialog: CopyFromOrganisationDialog) -> int:
        dialog.organisation.setCurrentIndex(dialog.organisation.findData(HERNE))
        assert not dialog.copy_button.isEnabled()
        dialog.set_checked(["Microsoft Corporation"])  # click 1: tick the entry
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)  # click 2: copy
        return dialog.result()

    monkeypatch.setattr(CopyFromOrganisationDialog, "exec", exec_)
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    own = {p.name: p for p in session.catalogue().processors}
    copy = own["Microsoft Corporation"]
    assert copy.uid != herne_ms.uid and copy.owner == session.organisation().uid
    assert herne_ms.notes and copy.notes == ""
    assert view.current_uid() == copy.uid and copy.uid in view.visible_uids()


def test_the_copy_dialog_lists_only_the_other_organisation_and_kind(qtbot, session) -> None:
    dialog = CopyFromOrganisationDialog(session, "tom")
    qtbot.addWidget(dialog)
    names = [dialog.organisation.itemText(i) for i in range(dialog.organisation.count())]
    assert DEMO_ORG not in names and HERNE in names
    dialog.organisation.setCurrentIndex(dialog.organisation.findData("Komm.ONE"))
    shown = [dialog.entries.item(i).text() for i in range(dialog.entries.count())]
    assert shown == sorted(t.title for t in session.store.catalogue("Komm.ONE").toms)
    dialog.set_checked(shown[:1])
    dialog.with_notes.setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    view = TomsView(session)
    qtbot.addWidget(view)
    copied = session.catalogue().toms_by_uid()[next(iter(dialog.copied.values()))]
    assert copied.description  # with the description, as ticked


def test_a_demo_start_opens_on_an_organisation_with_activities(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(prompts, "ask_start", lambda parent: prompts.START_DEMO)
    controller = app_module.Application(QApplication.instance(), str(tmp_path / "d.sqlite"))
    assert controller.start()
    qtbot.addWidget(controller.window)
    assert controller.session.organisation().activities  # not Komm.ONE's empty list
    assert controller.window.activities.proxy.rowCount() > 0
    # the next start opens on the organisation used last
    controller.window.switch_organisation(HERNE)
    assert settings.value("session/organisation") == HERNE
    controller.close()  # the window ends (and gives up the register's lock)
    again = app_module.Application(QApplication.instance(), str(tmp_path / "d.sqlite"))
    assert again.start()
    qtbot.addWidget(again.window)
    assert again.session.organisation_name == HERNE


def _listed(page) -> set[str]:  # type: ignore[no-untyped-def]
    return {page.list.topLevelItem(i).text(0) for i in range(page.list.topLevelItemCount())}


def test_catalogue_pages_show_the_new_organisations_entries_after_a_switch(qtbot, session) -> None:
    """Each organisation stands alone: after a switch no catalogue page keeps showing (or
    holds in its form) an entry of the organisation left — neither the page on screen nor
    the hidden ones when they are shown next."""
    window = _window(qtbot, session)
    session.set_organisation(DEMO_ORG)
    bochum = session.store.catalogue(DEMO_ORG)
    herne = session.store.catalogue(HERNE)
    only_bochum = {p.name for p in bochum.processors} - {p.name for p in herne.processors}
    assert only_bochum, "the demo must have a processor only Bochum uses"
    assert window.show_page("processors")
    shown = window.pages["processors"]
    assert only_bochum <= _listed(shown)

    assert window.switch_organisation(HERNE)
    assert _listed(shown) == {p.name for p in herne.processors}
    assert shown.form.value().name not in only_bochum
    for key, entries in (("recipients", herne.recipients), ("toms", herne.toms)):
        assert window.show_page(key)
        page = window.pages[key]
        own = {e.uid for e in entries}
        assert page.form.value().uid in own or not entries
        assert page.select(next(iter(own))) if own else True
    bochum_only = {e.uid for e in (*bochum.recipients, *bochum.toms)} - {
        e.uid for e in (*herne.recipients, *herne.toms)
    }
    for key in ("recipients", "toms"):
        assert not any(window.pages[key].select(uid) for uid in bochum_only)
