"""The processor register page (Art. 30(2)): the Komm.ONE case of the demo edited in the
window — findings at the fields, list, search, undo, duplicate, delete and restore."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolBar

from ropa_desktop.domain import i18n
from ropa_desktop.ui import app as app_module
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.pages.history_view import HistoryView
from ropa_desktop.ui.pages.services_view import ServicesView
from ropa_desktop.ui.session import Session

PROCESSOR_ORG = "Komm.ONE"


def _view(qtbot, session) -> ServicesView:
    session.set_organisation(PROCESSOR_ORG)
    view = ServicesView(session)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_services_are_listed_searched_and_edited_with_undo(qtbot, session) -> None:
    view = _view(qtbot, session)
    services = session.services()
    assert len(services) == 1 and view.visible_uids() == [services[0].uid]
    svc = services[0]
    assert view.select(svc.uid)
    editor = view.editor
    assert editor.fields["name"].value() == svc.name
    controller = svc.controllers[0].name
    view.search.setText(controller.split()[0].lower())
    assert view.visible_uids() == [svc.uid]
    view.search.setText("gibt es nicht")
    assert view.visible_uids() == []
    view.search.clear()
    # edit, undo, redo, save
    name = editor.fields["name"]
    name.widget.setFocus()
    name.widget.selectAll()
    qtbot.keyClicks(name.widget, "Hosting neu")
    assert editor.is_dirty() and editor.title.text().endswith("*")
    editor.undo_action.trigger()
    assert name.value() == svc.name and not editor.is_dirty()
    editor.redo_action.trigger()
    assert name.value() == "Hosting neu"
    assert editor.save()
    assert session.store.load_register(PROCESSOR_ORG).organisations[0].services[0].name == (
        "Hosting neu"
    )


def test_a_new_service_shows_its_findings_at_the_fields(qtbot, session) -> None:
    view = _view(qtbot, session)
    view.new_service()
    editor = view.editor
    codes = {f.code for f in editor.findings()}
    assert {"service-no-name", "service-no-controller", "service-no-categories"} <= codes
    assert editor.widget_for("name").property("finding") == "error"
    message = editor.findChild(type(editor.title), "serviceEditor.name.message")
    assert message is not None and message.text()
    qtbot.keyClicks(editor.fields["name"].widget, "Schulverwaltung")
    editor.check_now()
    assert "service-no-name" not in {f.code for f in editor.findings()}
    assert editor.fields["reference"].value()  # the next free reference
    assert editor.save()
    assert len(session.services()) == 2
    assert len(view.visible_uids()) == 2
    # The processor's own DPO and representative come from the organisation.
    assert PROCESSOR_ORG in editor.processor_info.text()


def test_duplicate_delete_and_restore_from_the_history(qtbot, session, monkeypatch) -> None:
    view = _view(qtbot, session)
    svc = session.services()[0]
    view.select(svc.uid)
    view.duplicate_current()
    editor = view.editor
    assert editor.current_uid() != svc.uid and editor.is_dirty()
    assert editor.fields["controllers"].value() == [
        {k: getattr(c, k) for k in ("name", "contact", "representative", "dpo")}
        for c in svc.controllers
    ]
    assert editor.save()
    copy_uid = editor.current_uid()
    assert len(session.services()) == 2
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    view.select(copy_uid)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert copy_uid not in {s.uid for s in session.services()}
    assert copy_uid not in view.visible_uids()
    history = HistoryView(session)
    qtbot.addWidget(history)
    history.show()
    qtbot.waitExposed(history)
    batch = session.store.batches(limit=1)[0]
    assert batch.kind == "delete-service"
    row = next(
        r for r in range(history.proxy.rowCount()) if history.entry_at(r).record.batch == batch.uid
    )
    history.select_row(row)
    history.undo_current_batch()
    assert copy_uid in {s.uid for s in session.services()}
    assert copy_uid in view.visible_uids()


def test_the_main_window_has_the_page(qtbot, session) -> None:
    from ropa_desktop.ui.main_window import PAGES, MainWindow

    assert "services" in PAGES
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert window.show_page("services")
    assert isinstance(window.pages["services"], ServicesView)


def _toolbar_texts(bar: QToolBar) -> list[str]:
    return [a.text().replace("&", "") for a in bar.actions() if a.isVisible() and a.text()]


@pytest.mark.parametrize(
    ("lang", "activity_texts", "service_texts"),
    [
        (
            "de",
            ["Neue Tätigkeit", "Neue Tätigkeit aus Vorlage …", "Tätigkeit speichern"],
            ["Neue Auftragsverarbeitung", "Auftragsverarbeitung speichern"],
        ),
        (
            "en",
            ["New activity", "New activity from template …", "Save activity"],
            ["New service", "Save service"],
        ),
    ],
)
def test_the_toolbar_offers_the_service_actions_on_the_services_page(
    qtbot: Any,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    activity_texts: list[str],
    service_texts: list[str],
) -> None:
    from ropa_desktop.ui.main_window import MainWindow

    # Should an assertion fail with the new service unsaved, closing the window discards it.
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: prompts.DISCARD)
    was = i18n.language()
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app_module.install_language(qapp, lang)
    try:
        session.set_organisation(PROCESSOR_ORG)
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        bar = window.findChild(QToolBar, "mainToolbar")
        assert bar is not None
        texts = _toolbar_texts(bar)
        assert set(activity_texts) <= set(texts) and not set(service_texts) & set(texts)

        assert window.show_page("services")
        texts = _toolbar_texts(bar)
        assert set(service_texts) <= set(texts)
        assert not set(activity_texts) & set(texts)
        page = window.services_page
        new, save = (
            next(a for a in bar.actions() if a.text().replace("&", "") == t) for t in service_texts
        )
        assert new.isEnabled()
        new.trigger()  # the toolbar's New starts a service on this page
        editor = page.editor
        draft = editor.current_uid()
        assert editor.is_dirty() and draft is not None and session.service(draft) is None
        assert not window.activities.editor.is_dirty()  # no new activity was started
        qtbot.keyClicks(editor.fields["name"].widget, "Schulverwaltung")
        assert save.isEnabled()
        save.trigger()
        assert not editor.is_dirty()
        assert "Schulverwaltung" in [s.name for s in session.services()]

        assert window.show_page("activities")
        texts = _toolbar_texts(bar)
        assert set(activity_texts) <= set(texts) and not set(service_texts) & set(texts)
        window.close()
    finally:
        app_module.install_language(qapp, was)
