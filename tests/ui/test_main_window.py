"""The main window's flows, driven like a user would: real database, real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenuBar, QPushButton

from ropa_desktop.domain import i18n
from ropa_desktop.store.database import open_store
from ropa_desktop.ui import app as app_module
from ropa_desktop.ui.activities.activity_model import COLUMNS
from ropa_desktop.ui.common import prompts, settings
from ropa_desktop.ui.main_window import PAGES, MainWindow

DEMO_ORG = "Stadtwerke Bochum GmbH"


def _window(qtbot, session) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _names(window: MainWindow) -> list[str]:
    proxy = window.activities.proxy
    return [proxy.index(r, COLUMNS.index("name")).data() for r in range(proxy.rowCount())]


def test_opens_on_the_organisation_with_its_activities(qtbot, session) -> None:
    window = _window(qtbot, session)
    switcher = window.org_switcher
    assert switcher.count() == 5
    assert switcher.currentText() == DEMO_ORG
    assert sorted(_names(window)) == sorted(a.name for a in session.organisation().activities)
    assert window.activities.editor.current_uid() is not None  # the first row is open
    assert DEMO_ORG in window.windowTitle()


def test_ctrl_f_searches_and_the_list_follows_each_keystroke(qtbot, session) -> None:
    window = _window(qtbot, session)
    window.activities.table.setFocus()
    qtbot.keyClick(window.activities.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.activities.search.hasFocus()
    target = session.organisation().activities[2].name
    qtbot.keyClicks(window.activities.search, target[:12])
    assert target in _names(window)
    assert len(_names(window)) < 8
    qtbot.keyClicks(window.activities.search, " kein-solcher-text")
    assert _names(window) == []
    window.activities.search.clear()
    assert len(_names(window)) == 8


def test_switching_organisation_shows_its_register(qtbot, session) -> None:
    window = _window(qtbot, session)
    index = window.org_switcher.findText("Stadt Ahaus")
    window.org_switcher.setCurrentIndex(index)
    window.org_switcher.activated.emit(index)
    assert session.organisation_name == "Stadt Ahaus"
    assert sorted(_names(window)) == sorted(a.name for a in session.organisation().activities)
    assert "Stadt Ahaus" in window.windowTitle()
    # The highlighted first row is the one in the editor.
    assert window.activities.selected_uids() == [window.activities.proxy.uid_at(0)]
    assert window.activities.editor.current_uid() == window.activities.proxy.uid_at(0)
    assert settings.value("session/organisation") == "Stadt Ahaus"


def test_a_renamed_organisation_is_the_one_opened_next_time(qtbot, session) -> None:
    window = _window(qtbot, session)
    org = session.organisation()
    org.name = "Stadtwerke Bochum (neu)"
    session.save_organisation(org)
    assert window.org_switcher.currentText() == "Stadtwerke Bochum (neu)"
    assert settings.value("session/organisation") == "Stadtwerke Bochum (neu)"


def test_unsaved_edit_asks_before_switching_and_cancel_stays(qtbot, session, monkeypatch) -> None:
    window = _window(qtbot, session)
    editor = window.activities.editor
    uid = editor.current_uid()
    draft = session.activity_copy(uid)
    name_edit = editor.findChild(type(window.activities.search), "activityEditor.name")
    assert name_edit is not None
    name_edit.setText("Noch nicht gespeichert")
    assert editor.is_dirty()
    asked: list[str] = []
    monkeypatch.setattr(
        prompts, "ask_unsaved", lambda parent, what: asked.append(what) or prompts.CANCEL
    )
    assert not window.switch_organisation("Stadt Ahaus")
    assert asked
    assert session.organisation_name == DEMO_ORG
    assert window.org_switcher.currentText() == DEMO_ORG
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, what: prompts.SAVE)
    assert window.switch_organisation("Stadt Ahaus")
    assert session.store.load_activity(uid).name == "Noch nicht gespeichert"
    assert draft.name != "Noch nicht gespeichert"


def test_navigation_reaches_every_page_by_keyboard(qtbot, session) -> None:
    window = _window(qtbot, session)
    for i, key in enumerate(PAGES):
        digit = Qt.Key(Qt.Key.Key_0 + (i + 1) % 10)  # the tenth page: Alt+0
        qtbot.keyClick(window, digit, Qt.KeyboardModifier.AltModifier)
        assert window.current_page() == key
        assert window.stack.currentWidget() is window.pages[key]


def test_a_finding_opens_the_activity_at_its_field(qtbot, session) -> None:
    window = _window(qtbot, session)
    uid = session.activity_uids()[5]
    window.show_page("findings")
    window.pages["findings"].openActivity.emit(uid, "department")
    assert window.current_page() == "activities"
    assert window.activities.editor.current_uid() == uid
    assert window.activities.selected_uids() == [uid]


def test_delete_asks_and_the_history_can_restore(qtbot, session, monkeypatch) -> None:
    window = _window(qtbot, session)
    uid = session.activity_uids()[1]
    window.activities.open_activity(uid)
    monkeypatch.setattr(prompts, "confirm", lambda *a: False)
    window.activities.delete_selected()
    assert session.store.load_activity(uid) is not None
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    window.activities.delete_selected()
    assert session.store.load_activity(uid) is None
    assert len(_names(window)) == 7
    deleted = [c for c in session.store.history(uid) if c.field == "" and c.new is None]
    assert deleted, "the deletion is recorded in the history with the full record"


def test_duplicate_opens_an_unsaved_copy(qtbot, session) -> None:
    window = _window(qtbot, session)
    uid = session.activity_uids()[0]
    window.activities.open_activity(uid)
    window.activities.duplicate_current()
    editor = window.activities.editor
    assert editor.is_dirty() or editor.current_uid() != uid
    assert editor.save()
    assert len(session.organisation().activities) == 9
    assert len(_names(window)) == 9


def test_column_choice_and_window_geometry_are_remembered(qtbot, session) -> None:
    window = _window(qtbot, session)
    column = COLUMNS.index("department")
    window.activities.set_column_visible(column, False)
    window.resize(700, 501)  # the offscreen screen is 800 x 600
    size = window.size()
    window.close()
    again = _window(qtbot, session)
    assert again.activities.table.horizontalHeader().isSectionHidden(column)
    assert again.size() == size


def _menu_titles(window: MainWindow) -> list[str]:
    bar = window.findChild(QMenuBar)
    return [a.text().replace("&", "") for a in bar.actions()]


def test_language_switch_rebuilds_the_window_in_english_and_back(qtbot, session) -> None:
    qapp = QApplication.instance()
    controller = app_module.Application(qapp, None)
    app_module.install_language(qapp, "de")
    controller._show(session)
    german = controller.window
    qtbot.addWidget(german)
    assert "Datei" in _menu_titles(german)
    assert german.navigation.item(0).text() == "Verarbeitungstätigkeiten"
    # A text of a base class, shown by a subclass (the processors page), is translated too.
    save = german.findChild(QPushButton, "processorsView.save")
    assert save is not None and save.text() == "Speichern"
    german.show_page("toms")
    controller.switch_language("en")
    english = controller.window
    qtbot.addWidget(english)
    assert english is not german
    assert "File" in _menu_titles(english)
    assert english.navigation.item(0).text() == "Processing activities"
    assert english.current_page() == "toms"
    # Findings are worded in the new language too (they are cached with their messages).
    english.show_page("findings")
    messages = [f.message for f in session.organisation_findings()]
    assert any("legal basis" in text for text in messages)
    assert not any("Rechtsgrundlage" in text for text in messages)
    assert i18n.language() == "en" and settings.language() == "en"
    controller.switch_language("de")
    qtbot.addWidget(controller.window)
    assert "Datei" in _menu_titles(controller.window)
    assert i18n.language() == "de"


def test_empty_database_offers_the_demo(qtbot, tmp_path: Path, monkeypatch) -> None:
    qapp = QApplication.instance()
    monkeypatch.setattr(prompts, "ask_start", lambda parent: prompts.START_DEMO)
    controller = app_module.Application(qapp, str(tmp_path / "new.sqlite"))
    assert controller.start()
    qtbot.addWidget(controller.window)
    assert controller.window.org_switcher.count() == 5
    assert controller.window.org_switcher.currentText() == controller.session.organisation_name
    assert controller.window.activities.proxy.rowCount() == len(
        controller.session.organisation().activities
    )
    assert settings.last_database() == str((tmp_path / "new.sqlite").resolve())


def test_empty_database_left_empty_when_the_user_cancels(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    qapp = QApplication.instance()
    monkeypatch.setattr(prompts, "ask_start", lambda parent: prompts.CANCEL)
    controller = app_module.Application(qapp, str(tmp_path / "new.sqlite"))
    assert not controller.start()
    assert controller.window is None
    assert open_store(tmp_path / "new.sqlite").is_empty()


def test_backup_runs_in_the_background_and_names_the_file(qtbot, session, monkeypatch) -> None:
    window = _window(qtbot, session)
    told: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: told.append(text))
    window.create_backup()
    qtbot.waitUntil(lambda: window._backup_task.done, timeout=30_000)
    assert told
    path = Path(told[0].splitlines()[-1])
    assert path.is_file()
    copy = open_store(path, migrate=False)
    assert copy.organisation_names() == session.store.organisation_names()


def test_about_names_the_licence_and_the_third_party_notices(qtbot, session) -> None:
    window = _window(qtbot, session)
    text = window.about_text()
    assert "EUPL-1.2" in text and "LGPLv3" in text
    for name, first_words in (
        ("LICENSE", "EUROPEAN UNION PUBLIC LICENCE v. 1.2"),
        ("THIRD_PARTY_NOTICES.txt", "ropa-desktop — third-party notices"),
    ):
        assert f">{name}</a>" in text
        path = Path(text.split(f">{name}</a> (", 1)[1].split(")", 1)[0])
        assert path.read_text(encoding="utf-8").lstrip().startswith(first_words)


def test_activity_actions_chosen_on_another_page_show_the_activities_page(
    qtbot, session, monkeypatch
) -> None:
    """New and Duplicate from the Edit menu on the Verlauf page show the activities page
    with the new draft; Delete shows the list whose selection it asks about."""
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: prompts.DISCARD)
    window = _window(qtbot, session)
    uid = session.activity_uids()[0]
    window.activities.open_activity(uid)
    for action in (window.activities.new_action, window.activities.duplicate_action):
        assert window.show_page("history")
        action.trigger()
        assert window.current_page() == "activities"
        assert window.activities.isVisible()
        assert window.activities.editor.current_uid() != uid  # a draft, not the stored one
        window.activities.open_activity(uid)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda *a: asked.append(window.current_page()))
    assert window.show_page("history")
    window.activities.delete_action.trigger()
    assert asked == ["activities"]
    assert session.store.load_activity(uid) is not None
