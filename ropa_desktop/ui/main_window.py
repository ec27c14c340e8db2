"""The main window: organisation switcher, navigation, pages, menus and toolbar."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from ropa_desktop import __version__
from ropa_desktop.ui.activities.activities_view import ActivitiesView
from ropa_desktop.ui.common import prompts, settings, tasks
from ropa_desktop.ui.common.accessibility import install_accessible_names
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.common.wheel_guard import install_wheel_guard
from ropa_desktop.ui.editor.activity_editor import ActivityEditor
from ropa_desktop.ui.session import Change, Session

PAGES = (
    "activities",
    "services",
    "processors",
    "recipients",
    "transfers",
    "toms",
    "organisation",
    "history",
    "findings",
    "versions",
)
"""Navigation pages, in the order of the navigation list."""


class MainWindow(QMainWindow):
    """The window a DPO works in all day.

    Requests that replace the window (another database, another language) are
    signalled to the application controller, which builds a new window.
    """

    databaseRequested = Signal(str)
    newDatabaseRequested = Signal(str)
    languageRequested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_wheel_guard()  # before any page is built (see wheel_guard)
        install_accessible_names()
        self.session = session
        self.setObjectName("mainWindow")
        self.setWindowTitle("ropa-desktop")
        self.pages: dict[str, QWidget] = {}
        self._page_titles: dict[str, str] = {}
        self._switching = False

        self.org_switcher = named(QComboBox(self), "organisationSwitcher")
        self.org_switcher.setMinimumContentsLength(28)
        self.org_switcher.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.org_switcher.setToolTip(self.tr("Organisation (Ctrl+K)"))
        self.org_switcher.activated.connect(self._org_chosen)

        self.navigation = named(QListWidget(self), "navigation")
        self.navigation.setMaximumWidth(200)
        self.stack = named(QStackedWidget(self), "pages")
        self._build_pages()
        self._fit_navigation()
        self.navigation.currentRowChanged.connect(self._page_chosen)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        splitter.setSizes([190, 1210])
        self.setCentralWidget(splitter)

        self.location_label = named(QLabel(self), "statusLocation")
        self.reviews_label = named(QLabel(self), "statusReviews")
        self.statusBar().addPermanentWidget(self.reviews_label)
        self.statusBar().addPermanentWidget(self.location_label)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        # New, Duplicate and Delete chosen in the menu on another page work on the list and
        # editor of the activities page: they show it first (a hidden draft looks like nothing).
        self.activities.reveal = lambda: self.show_page("activities")

        session.organisationChanged.connect(self._org_changed)
        session.changed.connect(self._data_changed)
        self.activities.selectionCountChanged.connect(self._selection_changed)
        self.fill_organisations()
        self.navigation.setCurrentRow(0)
        self._update_title()
        self._update_reviews()
        self._restore_geometry()

    # --- building -------------------------------------------------------------

    def _build_pages(self) -> None:
        from ropa_desktop.ui.catalogue.views import ProcessorsView, RecipientsView, TomsView
        from ropa_desktop.ui.pages.findings_view import FindingsView
        from ropa_desktop.ui.pages.history_view import HistoryView
        from ropa_desktop.ui.pages.organisation_view import OrganisationView
        from ropa_desktop.ui.pages.services_view import ServicesView
        from ropa_desktop.ui.pages.transfers_view import TransfersView
        from ropa_desktop.ui.pages.versions_view import VersionsView

        s = self.session
        self.activities = ActivitiesView(s, self)
        self.versions_page = VersionsView(s, self)
        self.services_page = ServicesView(s, self)
        titles = {
            "activities": self.tr("Processing activities"),
            "services": self.tr("Processing services"),
            "processors": self.tr("Processors"),
            "recipients": self.tr("Recipients"),
            "transfers": self.tr("Third-country transfers"),
            "toms": self.tr("TOM catalogue"),
            "organisation": self.tr("Organisation"),
            "history": self.tr("History"),
            "findings": self.tr("Check"),
            "versions": self.tr("Versions"),
        }
        widgets: dict[str, QWidget] = {
            "activities": self.activities,
            "services": self.services_page,
            "processors": ProcessorsView(s, self),
            "recipients": RecipientsView(s, self),
            "transfers": TransfersView(s, self),
            "toms": TomsView(s, self),
            "organisation": OrganisationView(s, self),
            "history": HistoryView(s, self),
            "findings": FindingsView(s, self),
            "versions": self.versions_page,
        }
        for i, key in enumerate(PAGES):
            widget = widgets[key]
            widget.setObjectName(f"page.{key}")
            self.pages[key] = widget
            self._page_titles[key] = titles[key]
            self.stack.addWidget(widget)
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{titles[key]} (Alt+{(i + 1) % 10})")
            self.navigation.addItem(item)
            signal = getattr(widget, "openActivity", None)
            if signal is not None:
                signal.connect(self.open_activity)
            org_signal = getattr(widget, "openOrganisation", None)
            if org_signal is not None:
                org_signal.connect(self._open_organisation_field)

    def _fit_navigation(self) -> None:
        """The navigation is never narrower than its longest page title (at any scaling)."""
        metrics = self.navigation.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(self.navigation.item(i).text())
            for i in range(self.navigation.count())
        )
        width = widest + 2 * self.navigation.frameWidth() + 16
        self.navigation.setMinimumWidth(width)
        self.navigation.setMaximumWidth(max(200, width))

    def _action(self, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_db_action = self._action(
            self.tr("&New register file …"), self.new_database, None, "action.newDatabase"
        )
        self.open_db_action = self._action(
            self.tr("&Open register file …"),
            self.open_database,
            QKeySequence.StandardKey.Open,
            "action.openDatabase",
        )
        self.backup_action = self._action(
            self.tr("Create &backup"), self.create_backup, None, "action.backup"
        )
        self.restore_action = self._action(
            self.tr("&Restore backup …"), self.restore_backup, None, "action.restore"
        )
        self.survey_send_action = self._action(
            self.tr("&Questionnaires for the departments …"),
            self.send_questionnaires,
            None,
            "action.surveySend",
        )
        self.survey_review_action = self._action(
            self.tr("Review &questionnaire answers …"),
            self.review_questionnaire,
            None,
            "action.surveyReview",
        )
        self.new_org_action = self._action(
            self.tr("New &organisation …"), self.new_organisation, None, "action.newOrganisation"
        )
        self.archive_org_action = self._action(
            self.tr("&Archive organisation …"),
            lambda: self._lifecycle("archive"),
            None,
            "action.archiveOrganisation",
        )
        self.delete_org_action = self._action(
            self.tr("&Delete organisation …"),
            lambda: self._lifecycle("delete"),
            None,
            "action.deleteOrganisation",
        )
        self.restore_org_action = self._action(
            self.tr("&Restore organisation …"),
            lambda: self._lifecycle("restore"),
            None,
            "action.restoreOrganisation",
        )
        self.quit_action = self._action(
            self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "action.quit"
        )
        self.import_action = self._action(
            self.tr("&Import spreadsheet or JSON …"),
            self.import_file,
            QKeySequence("Ctrl+I"),
            "action.import",
        )
        self.wizard_action = self._action(
            self.tr("New activity from &template …"),
            self.open_wizard,
            QKeySequence("Ctrl+Shift+N"),
            "action.wizard",
        )
        self.export_actions: dict[tuple[str, bool], QAction] = {}
        for fmt, label in (("xlsx", "Excel"), ("pdf", "PDF"), ("json", "JSON")):
            for selection in (False, True):
                text = (
                    self.tr("{format}: selected activities …")
                    if selection
                    else self.tr("{format}: whole register …")
                ).format(format=label)
                action = self._action(
                    text,
                    lambda _=False, f=fmt, s=selection: self.export(f, s),
                    QKeySequence("Ctrl+E") if (fmt, selection) == ("xlsx", False) else None,
                    f"action.export.{fmt}.{'selection' if selection else 'all'}",
                )
                self.export_actions[fmt, selection] = action
        self.pack_action = self._action(
            self.tr("&Pack for the supervisory authority …"),
            self.build_pack,
            None,
            "action.export.pack",
        )
        self.switch_org_action = self._action(
            self.tr("Switch &organisation"), self._focus_switcher, QKeySequence("Ctrl+K")
        )
        self.about_action = self._action(self.tr("&About ropa-desktop"), self.about)
        self.manual_action = self._action(
            self.tr("&Manual"), self.manual, QKeySequence.StandardKey.HelpContents
        )
        self.page_actions = []
        for i, key in enumerate(PAGES):
            action = self._action(
                self._page_titles[key],
                lambda _=False, k=key: self.show_page(k),
                QKeySequence(f"Alt+{(i + 1) % 10}"),  # the tenth page: Alt+0
                f"action.page.{key}",
            )
            self.page_actions.append(action)
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for lang, label in (("de", "Deutsch"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setObjectName(f"action.language.{lang}")
            action.setChecked(settings.language() == lang)
            action.triggered.connect(lambda _=False, code=lang: self.set_language(code))
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self._selection_changed(0)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_db_action)
        file_menu.addAction(self.open_db_action)
        self.recent_menu = file_menu.addMenu(self.tr("Recently &opened"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.new_org_action)
        file_menu.addAction(self.archive_org_action)
        file_menu.addAction(self.delete_org_action)
        file_menu.addAction(self.restore_org_action)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.survey_send_action)
        file_menu.addAction(self.survey_review_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit = bar.addMenu(self.tr("&Edit"))
        a = self.activities
        for action in (a.new_action, self.wizard_action, a.duplicate_action, a.delete_action):
            edit.addAction(action)
        edit.addSeparator()
        editor = a.editor
        for action in (
            editor.save_action,
            editor.revert_action,
            editor.undo_action,
            editor.redo_action,
        ):
            edit.addAction(action)
        edit.addSeparator()
        edit.addAction(a.find_action)

        import_menu = bar.addMenu(self.tr("&Import"))
        import_menu.addAction(self.import_action)
        import_menu.addAction(self.wizard_action)

        export = bar.addMenu(self.tr("E&xport"))
        for selection in (False, True):
            for fmt in ("xlsx", "pdf", "json"):
                export.addAction(self.export_actions[fmt, selection])
            if not selection:
                export.addSeparator()
        export.addSeparator()
        export.addAction(self.pack_action)

        view = bar.addMenu(self.tr("&View"))
        for action in self.page_actions:
            view.addAction(action)
        view.addSeparator()
        view.addAction(self.switch_org_action)
        language = view.addMenu(self.tr("&Language"))
        for action in self.language_actions.values():
            language.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.manual_action)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(16, 16))
        bar.addWidget(QLabel(self.tr("Organisation:") + " ", self))
        bar.addWidget(self.org_switcher)
        bar.addSeparator()
        self.toolbar = bar
        self._record_actions: list[QAction] = []
        self._records_end = bar.addSeparator()
        bar.addAction(self.import_action)
        bar.addAction(self.export_actions["xlsx", False])
        bar.addAction(self.export_actions["pdf", False])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self._show_record_actions("activities")

    def _show_record_actions(self, page: str) -> None:
        """Put the record actions of ``page`` into the toolbar: on the processing services
        page New/Save/Undo/Redo of a service, elsewhere those of an activity (with the
        template wizard). The menus keep their actions."""
        editor: ActivityEditor
        if page == "services":
            editor = self.services_page.editor
            wanted = [self.services_page.new_action]
        else:
            editor = self.activities.editor
            wanted = [self.activities.new_action, self.wizard_action]
        wanted += [editor.save_action, editor.undo_action, editor.redo_action]
        if wanted == self._record_actions:
            return
        for action in self._record_actions:
            self.toolbar.removeAction(action)
        for action in wanted:
            self.toolbar.insertAction(self._records_end, action)
        self._record_actions = wanted

    # --- organisations and pages --------------------------------------------------

    def fill_organisations(self) -> None:
        """Fill the switcher with the database's organisations; select the current one."""
        self.org_switcher.blockSignals(True)
        try:
            self.org_switcher.clear()
            for org in self.session.organisations():
                self.org_switcher.addItem(org.name, org.name)
            current = self.session.organisation_name
            index = self.org_switcher.findData(current) if current is not None else -1
            self.org_switcher.setCurrentIndex(index)
        finally:
            self.org_switcher.blockSignals(False)
        self._update_enabled()

    def switch_organisation(self, name: str) -> bool:
        """Work on ``name``; asks about unsaved changes first. True when switched."""
        if name == self.session.organisation_name:
            return True
        if not self._pages_may_leave():
            self.fill_organisations()
            return False
        self.session.set_organisation(name)
        return True

    def show_page(self, key: str) -> bool:
        """Show a navigation page (asks about unsaved changes on the page being left)."""
        row = PAGES.index(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        return self.stack.currentWidget() is self.pages[key]

    def current_page(self) -> str:
        """Key of the page shown."""
        return PAGES[self.stack.currentIndex()]

    def open_activity(self, uid: str, field: str = "") -> None:
        """Show an activity of the current organisation in the editor, at ``field``."""
        if self.show_page("activities"):
            self.activities.open_activity(uid, field)

    def view_state(self) -> dict[str, str]:
        """What the window shows: the page, the activity in the editor and the entry of each
        catalogue page (for :meth:`restore_view_state` in a rebuilt window)."""
        state = {"page": self.current_page()}
        uid = self.activities.editor.current_uid()
        if uid:
            state["activities"] = uid
        for key in ("processors", "recipients", "toms"):
            current = getattr(self.pages[key], "current_uid", None)
            if current is not None and current():
                state[key] = current()
        return state

    def restore_view_state(self, state: dict[str, str]) -> None:
        """Show again what :meth:`view_state` recorded (entries gone meanwhile are skipped)."""
        for key in ("processors", "recipients", "toms"):
            select = getattr(self.pages[key], "select", None)
            if key in state and select is not None:
                select(state[key])
        if "activities" in state:
            self.activities.open_activity(state["activities"])
        if state.get("page") in PAGES:
            self.show_page(state["page"])

    def _open_organisation_field(self, field: str = "") -> None:
        if self.show_page("organisation"):
            page = self.pages["organisation"]
            focus = getattr(page, "focus_field", None)
            if focus is not None and field:
                focus(field)

    def _org_chosen(self, index: int) -> None:
        name = self.org_switcher.itemData(index)
        if name is not None:
            self.switch_organisation(name)

    def _focus_switcher(self) -> None:
        self.org_switcher.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.org_switcher.showPopup()

    def _page_chosen(self, row: int) -> None:
        if self._switching or row < 0:
            return
        leaving = self.stack.currentWidget()
        if leaving is not None and self.stack.currentIndex() != row:
            check = getattr(leaving, "maybe_leave", None)
            if check is not None and not check():
                self._switching = True
                try:
                    self.navigation.setCurrentRow(self.stack.currentIndex())
                finally:
                    self._switching = False
                return
        self.stack.setCurrentIndex(row)
        self._show_record_actions(PAGES[row])
        self._update_title()

    def _pages_may_leave(self) -> bool:
        for widget in self.pages.values():
            check = getattr(widget, "maybe_leave", None)
            if check is not None and not check():
                return False
        return True

    def _org_changed(self) -> None:
        self._remember_organisation()
        self.fill_organisations()
        self._update_title()
        self._update_reviews()

    def _data_changed(self, what: Change) -> None:
        if what in (Change.ORGANISATION, Change.EVERYTHING, Change.ACTIVITIES):
            self._remember_organisation()
            self.fill_organisations()
            self._update_title()
            self._update_reviews()

    def _update_reviews(self) -> None:
        """Overdue and soon-due reviews of the organisation, in the status bar."""
        from ropa_desktop.ui.pages.review_box import start_summary

        line, per_department = start_summary(self.session)
        self.reviews_label.setText(line)
        self.reviews_label.setToolTip(per_department)

    def _remember_organisation(self) -> None:
        # Also after a rename, so the next start opens the same organisation.
        if self.session.organisation_name is not None:
            settings.set_value("session/organisation", self.session.organisation_name)

    def _selection_changed(self, count: int) -> None:
        for fmt in ("xlsx", "pdf", "json"):
            self.export_actions[fmt, True].setEnabled(count > 0)

    def _update_enabled(self) -> None:
        has_org = self.session.organisation_name is not None
        for key in ("xlsx", "pdf", "json"):
            self.export_actions[key, False].setEnabled(has_org)
        self.activities.new_action.setEnabled(has_org)
        self.archive_org_action.setEnabled(has_org)
        self.delete_org_action.setEnabled(has_org)
        self.wizard_action.setEnabled(True)
        if self.session.store.read_only:  # another window holds the register
            for action in (
                self.activities.new_action,
                self.wizard_action,
                self.import_action,
                self.new_org_action,
                self.restore_action,
                self.activities.duplicate_action,
                self.activities.delete_action,
            ):
                action.setEnabled(False)

    def _update_title(self) -> None:
        org = self.session.organisation_name or self.tr("no organisation")
        page = self._page_titles[PAGES[max(self.stack.currentIndex(), 0)]]
        title = f"{org} – {page} – ropa-desktop"
        location = self.session.location
        if self.session.store.read_only:
            title += " " + self.tr("[read-only]")
            location = self.tr("Read-only: {location}").format(location=location)
        self.setWindowTitle(title)
        self.location_label.setText(location)

    # --- commands ---------------------------------------------------------------

    def new_organisation(self) -> None:
        """Create an organisation and switch to it."""
        from ropa_desktop.ui.pages.organisation_view import new_organisation

        if not self._pages_may_leave():
            return
        name = new_organisation(self, self.session)
        if name:
            self.fill_organisations()
            self.switch_organisation(name)
            self.show_page("organisation")

    def _lifecycle(self, command: str) -> None:
        """Archive or delete the current organisation, or restore one (asks first)."""
        from ropa_desktop.ui.pages import organisation_lifecycle as life

        if not self._pages_may_leave():
            return
        if command == "archive":
            life.archive_current(self, self.session)
        elif command == "delete":
            life.delete_current(self, self.session)
        else:
            life.restore_one(self, self.session)
        self.fill_organisations()
        self._update_title()

    def import_file(self) -> None:
        """Open the import dialog."""
        from ropa_desktop.ui.importing.dialog import open_import

        if self._pages_may_leave():
            open_import(self, self.session)

    def open_wizard(self) -> None:
        """Create an activity from a template and open it in the editor."""
        from ropa_desktop.ui.wizard.wizard import open_wizard

        if not self._pages_may_leave():
            return
        uid = open_wizard(self, self.session)
        if uid:
            self.open_activity(uid)

    def export(self, fmt: str, selection: bool = False) -> None:
        """Open the export dialog for the whole register or the selected activities."""
        from ropa_desktop.ui.export_dialog import ExportDialog

        uids = self.activities.selected_uids() if selection else None
        dialog = ExportDialog(self.session, fmt, uids, self)
        dialog.exported.connect(
            lambda path: self.statusBar().showMessage(
                self.tr("Written: {file}").format(file=path), 10_000
            )
        )
        dialog.open()

    def send_questionnaires(self) -> None:
        """Write questionnaire workbooks for the current organisation's departments."""
        from ropa_desktop.ui.survey.send_dialog import SendDialog

        if self.session.organisation_name is None:
            return
        dialog = SendDialog(self.session, self)
        dialog.open()

    def review_questionnaire(self, path: Any = None) -> None:
        """Read a returned questionnaire and review its answers field by field."""
        from ropa_desktop.ui.survey.review_dialog import open_review

        open_review(self, self.session, path if isinstance(path, Path) else None)

    def build_pack(self) -> None:
        """Export → Paket für die Aufsichtsbehörde: on the Versionen page, for the chosen
        (else the newest) frozen version."""
        if self.show_page("versions"):
            self.versions_page.refresh()
            self.versions_page.build_pack()

    def create_backup(self) -> None:
        """Copy the whole database into the backup folder (on a worker thread)."""
        from ropa_desktop.store.backup import backup_database

        engine = self.session.store.engine

        def done(path: Any) -> None:
            prompts.inform(
                self, self.tr("Backup"), self.tr("Backup written to:\n{file}").format(file=path)
            )

        self._backup_task = tasks.run_task(
            self,
            self.tr("Creating backup …"),
            lambda progress: backup_database(engine, "manual"),
            on_success=done,
            on_failure=lambda exc: prompts.show_error(self, self.tr("Backup"), exc),
        )

    def restore_backup(self) -> None:
        """Datei → Sicherung wiederherstellen: list the backups and restore one."""
        from ropa_desktop.ui.restore_dialog import open_restore_dialog

        if self._pages_may_leave():
            dialog = open_restore_dialog(self, self.session)
            dialog.restored.connect(
                lambda path: self.statusBar().showMessage(
                    self.tr("Restored: {file}").format(file=path), 10_000
                )
            )

    def new_database(self) -> None:
        """Ask for a new register file and open it."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New register file"), "", self.tr("Register files (*.sqlite)")
        )
        if path:
            if not path.endswith(".sqlite"):
                path += ".sqlite"
            self.newDatabaseRequested.emit(path)

    def open_database(self) -> None:
        """Ask for a register file (SQLite) and open it instead of the current one."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open register file"),
            "",
            self.tr("Register files (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.databaseRequested.emit(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in settings.recent_databases():
            action = self.recent_menu.addAction(location)
            action.triggered.connect(lambda _=False, loc=location: self.databaseRequested.emit(loc))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def set_language(self, lang: str) -> None:
        """Switch the interface language (the window is rebuilt in that language)."""
        if lang != settings.language() and self._pages_may_leave():
            self.languageRequested.emit(lang)
        else:
            self.language_actions[settings.language()].setChecked(True)

    def about(self) -> None:
        """Show version, licence and the third-party notices."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About ropa-desktop"), self.about_text())

    def about_text(self) -> str:
        """The About box: what the application is, its licence and where the licence texts of
        the application and of the software it ships are."""
        from ropa_desktop.domain.resources import legal_file

        def link(name: str) -> str:
            path = legal_file(name)
            return f'<a href="{path.as_uri()}">{escape(name)}</a> ({escape(str(path))})'

        return self.tr(
            "<h3>ropa-desktop {version}</h3>"
            "<p>Record of processing activities (Art. 30 GDPR) for municipalities, "
            "municipal utilities and municipal IT services — offline, on one PC or "
            "a shared PostgreSQL server.</p>"
            "<p>Database: {location}</p>"
            "<p>Licence: European Union Public Licence 1.2 (EUPL-1.2), see {licence}.</p>"
            "<p>ropa-desktop ships third-party software under its own licences — among "
            "others Qt and PySide6 (LGPLv3), SQLAlchemy, reportlab, openpyxl and the DejaVu "
            "fonts; their licences: {notices}.</p>"
        ).format(
            version=__version__,
            location=escape(self.session.location),
            licence=link("LICENSE"),
            notices=link("THIRD_PARTY_NOTICES.txt"),
        )

    def manual(self) -> None:
        """Show the short manual."""
        from ropa_desktop.ui.manual import show_manual

        show_manual(self)

    # --- window state -----------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._pages_may_leave():
            event.ignore()
            return
        settings.set_value("window/geometry", self.saveGeometry())
        settings.set_value("window/state", self.saveState())
        self.activities.save_columns()
        tasks.stop_all()
        event.accept()
