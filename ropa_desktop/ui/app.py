"""Starting the desktop application: Qt application, translations, database, window.

:class:`Application` owns the open session and the main window and rebuilds the
window when the user opens another database or switches the language.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from ropa_desktop.domain import i18n
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.resources import resources_dir
from ropa_desktop.store.database import describe, open_store, resolve_url, sqlite_path
from ropa_desktop.store.lockfile import RegisterLocked
from ropa_desktop.store.repository import Store
from ropa_desktop.ui.common import prompts, settings, tasks
from ropa_desktop.ui.common.accessibility import install_accessible_names
from ropa_desktop.ui.common.wheel_guard import install_wheel_guard
from ropa_desktop.ui.main_window import MainWindow
from ropa_desktop.ui.session import Session, opening_organisation

TRANSLATIONS_DIR = resources_dir() / "translations"
NO_DISPLAY = Text(
    "ropa-desktop: Keine grafische Anzeige gefunden (DISPLAY/WAYLAND_DISPLAY ist nicht gesetzt). "
    "Starten Sie das Programm in einer Desktop-Sitzung; ohne Anzeige stehen die Befehle von "
    "`ropa-desktop --help` zur Verfügung.",
    "ropa-desktop: no graphical display found (DISPLAY/WAYLAND_DISPLAY is not set). Start it "
    "in a desktop session; without a display the commands of `ropa-desktop --help` work.",
)

_installed: list[QTranslator] = []


def remove_translations(app: QApplication) -> None:
    """Uninstall our translators: windows built afterwards show the (English) source texts."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def install_language(app: QApplication, lang: str) -> None:
    """Make ``lang`` the language of Qt's dialogs, our windows and the domain messages."""
    remove_translations(app)
    i18n.set_language(lang)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.German if lang == "de" else QLocale.Language.English,
            QLocale.Country.Germany,
        )
    )
    if lang == "en":
        return  # the source texts are English
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in ((f"qtbase_{lang}", qt_dir), (f"ropa_{lang}", str(TRANSLATIONS_DIR))):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)


class Application(QObject):
    """Owns the session and the main window; rebuilds the window on request."""

    def __init__(self, app: QApplication, store_target: str | None) -> None:
        super().__init__()
        self.app = app
        self.target = store_target
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self.startup_seconds: float | None = None
        """Seconds from :func:`main` until the window was shown (set by :func:`main`)."""

    def start(self) -> bool:
        """Open the database and show the window; False when the user gave up."""
        return self.open(self.target, first=True)

    def open(self, target: str | None, *, first: bool = False) -> bool:
        """Open the register at ``target`` (None: the default) in a new window."""
        try:
            url = resolve_url(target)
            store = open_register(
                self.window, target, self.session.store if self.session is not None else None
            )
        except Exception as exc:
            prompts.show_error(self.window, self.tr("Open register"), exc)
            return False
        if store is None:
            return False
        location = describe(url)
        session = Session(store, location, self)
        if store.is_empty() and (store.read_only or not offer_start(self.window, session)):
            store.engine.dispose()
            if store.lock is not None:
                store.lock.release()
            return not first and self.window is not None
        session.set_organisation(
            opening_organisation(store.organisations(), settings.value("session/organisation"))
        )
        if url.get_backend_name() == "sqlite":
            settings.remember_database(str(Path(url.database or "").resolve()))
        self._show(session)
        session.poll_paused = _busy
        session.start_polling()
        return True

    def close(self) -> None:
        """End the session: no connection stays open, the register's lock is given up."""
        if self.session is not None:
            self.session.store.engine.dispose()
            if self.session.store.lock is not None:
                self.session.store.lock.release()

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in ``lang`` with the same database and organisation."""
        settings.set_value("ui/language", lang)
        install_language(self.app, lang)
        if self.session is not None:
            self.session.reload()  # findings are cached with their messages' language
            self._show(self.session, keep_page=True)

    def _show(self, session: Session, *, keep_page: bool = False) -> None:
        old = self.window
        state = old.view_state() if (old is not None and keep_page) else None
        if old is not None:
            old.hide()
        window = MainWindow(session)
        window.databaseRequested.connect(self.open)
        window.newDatabaseRequested.connect(self.open)
        window.languageRequested.connect(self.switch_language)
        if state:
            window.restore_view_state(state)
        window.show()
        if old is not None:
            old.deleteLater()
            if self.session is not None and self.session is not session:
                self.session.stop_polling()
                self.session.store.engine.dispose()
                if self.session.store.lock is not None:
                    self.session.store.lock.release()
                self.session.deleteLater()
        self.window = window
        self.session = session


def open_register(
    parent: QWidget | None, target: str | None, current: Store | None = None
) -> Store | None:
    """Open the register for a window's session, holding its lock file exclusively.

    When another window (or a restore) holds it, the user is asked whether to open it
    read-only; None when they decline. The ``current`` session's lock is handed over when
    it is the same file (opening it again).
    """
    path = sqlite_path(resolve_url(target))
    if (
        current is not None
        and current.lock is not None
        and path is not None
        and current.lock.database == path
    ):
        store = open_store(target)
        store.lock, current.lock = current.lock, None
        return store
    try:
        return open_store(target, lock="exclusive", program="ropa-desktop")
    except RegisterLocked as exc:
        if exc.holder is None:  # commands are writing: wait for them a little
            try:
                return open_store(target, lock="exclusive", program="ropa-desktop", wait=30)
            except RegisterLocked as again:
                exc = again
        if not prompts.ask_read_only(parent, exc.message()):
            return None
        return open_store(target, read_only=True)


def _busy() -> bool:
    """True while a modal dialog is open or work runs on a worker thread (no polling)."""
    return QApplication.activeModalWidget() is not None or bool(tasks.running_tasks())


def offer_start(parent: QWidget | None, session: Session) -> bool:
    """On an empty database: load the demo register or start an empty one.

    Returns False when the user cancels (the database stays empty).
    """
    answer = prompts.ask_start(parent)
    if answer == prompts.START_DEMO:
        load_demo(session)
        return True
    if answer == prompts.START_OWN:
        from ropa_desktop.ui.pages.organisation_view import new_organisation

        return bool(new_organisation(parent, session))
    return False


def load_demo(session: Session) -> None:
    """Write the demo register into the session's database (one transaction)."""
    from datetime import date

    from ropa_desktop.io.demo import build_demo_register

    session.store.import_register(
        build_demo_register(date.today()), description="Demo", kind="demo"
    )
    session.reload()


def create_qapplication(argv: list[str]) -> QApplication:
    """The QApplication with names, settings format and the chosen language."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    settings.configure_application(app)
    install_wheel_guard(app)
    install_accessible_names(app)
    install_language(app, settings.language())
    return app


def has_display(env: os._Environ[str] | dict[str, str], platform: str) -> bool:
    """False on Linux without X11/Wayland and without an explicit Qt platform (e.g. offscreen),
    where Qt would abort instead of saying what is wrong."""
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def main(db: str | None = None, argv: list[str] | None = None) -> int:
    """Run the desktop application until its window closes; returns the exit code."""
    started = time.perf_counter()
    if not has_display(os.environ, sys.platform):
        print(NO_DISPLAY(), file=sys.stderr)
        return 1
    app = create_qapplication(argv if argv is not None else sys.argv[:1])
    controller = Application(app, db)
    if not controller.start():
        return 1
    controller.startup_seconds = time.perf_counter() - started
    report = os.environ.get("ROPA_SMOKE_REPORT")
    if report and controller.window is not None:  # the installation smoke test
        from ropa_desktop.ui.smoke import report_soon

        report_soon(app, controller.window, Path(report))
    try:
        return app.exec()
    finally:
        controller.close()
