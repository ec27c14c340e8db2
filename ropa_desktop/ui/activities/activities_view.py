"""The Verarbeitungstätigkeiten page: the searchable activity list beside the editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import workflow
from ropa_desktop.store.versions import ConflictError
from ropa_desktop.ui.activities import bulk_dialog
from ropa_desktop.ui.activities.activity_model import (
    COLUMNS,
    SEVERITY_FILTERS,
    ActivityFilterProxy,
    ActivityTableModel,
)
from ropa_desktop.ui.common import prompts, settings
from ropa_desktop.ui.common.conflict_dialog import DELETE, REMOVE, ask_conflict
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.common.tables import read_only_rows
from ropa_desktop.ui.editor.activity_editor import ActivityEditor
from ropa_desktop.ui.session import Session


class ActivitiesView(QWidget):
    """Activity list (search, filters, sortable columns) with the editor beside it."""

    selectionCountChanged = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.reveal: Callable[[], bool] = lambda: True
        """Shows this page before New, Duplicate or Delete act (set by the window, whose
        menu offers them on every page); False when it may not be shown now."""
        # Connected before the model's refresh: the organisation is changing until
        # _organisation_changed (connected after the editor's reset) has run.
        self._org_changing = False
        session.organisationChanged.connect(self._organisation_changing)
        self.model = ActivityTableModel(session, self)
        self.proxy = ActivityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._following = False  # True while the selection follows the editor

        self.search = named(QLineEdit(self), "activities.search")
        self.search.setPlaceholderText(self.tr("Search all fields (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(  # room for the start of its hint at any scaling
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()[:16]) + 32
        )
        self.search.textChanged.connect(self._search_changed)

        self.status_filter = named(QComboBox(self), "activities.statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in m.ActivityStatus:
            self.status_filter.addItem(p.STATUS[status](), status.value)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)

        self.severity_filter = named(QComboBox(self), "activities.severityFilter")
        labels = {
            "all": self.tr("All findings"),
            "error": self.tr("With errors"),
            "warning": self.tr("With warnings or errors"),
            "clean": self.tr("Without findings"),
        }
        for key in SEVERITY_FILTERS:
            self.severity_filter.addItem(labels[key], key)
        self.severity_filter.currentIndexChanged.connect(self._filters_changed)

        self.count_label = named(QLabel(self), "activities.count")

        self.table = named(QTableView(self), "activities.table")
        self.table.setAccessibleName(self.tr("Processing activities"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        read_only_rows(self.table, several=True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selectionCountChanged.emit(len(self.selected_uids()))
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.editor = ActivityEditor(session, self)
        self.editor.saved.connect(self._saved)
        # Connected after the model and the editor, so it runs once both have reset.
        session.organisationChanged.connect(self._organisation_changed)

        filters = QHBoxLayout()  # below the search: the list stays narrow at 200 % scaling
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.severity_filter, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.count_label)

        self.splitter = named(QSplitter(Qt.Orientation.Horizontal, self), "activities.split")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.find_action = QAction(self.tr("&Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.new_action = QAction(self.tr("&New activity"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_activity)
        self.duplicate_action = QAction(self.tr("D&uplicate"), self)
        self.duplicate_action.setShortcut(QKeySequence("Ctrl+D"))
        self.duplicate_action.triggered.connect(self.duplicate_current)
        self.delete_action = QAction(self.tr("&Delete …"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.bulk_action = QAction(self.tr("&Change selected …"), self)
        self.bulk_action.setObjectName("activities.bulkEdit")
        self.bulk_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.bulk_action.setToolTip(
            self.tr("Set department, status or next review, or number the selected activities")
        )
        self.bulk_action.triggered.connect(self.bulk_edit)
        for action in (self.find_action, self.new_action, self.duplicate_action, self.bulk_action):
            # Scoped to this page: the other pages use the same keys for their own records.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.table.addAction(self.new_action)
        self.table.addAction(self.duplicate_action)
        self.table.addAction(self.delete_action)
        self.table.addAction(self.bulk_action)

        self.model.modelReset.connect(self._model_reset)
        session.changed.connect(lambda _change: self._update_status_counts())
        self._restore_columns()
        self._after_reset()

    # --- public -------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search field (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_uids(self) -> list[str]:
        """Uids of the selected rows, in the order shown."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.uid_at(r) for r in rows]

    def open_activity(self, uid: str, field: str = "") -> bool:
        """Select ``uid`` (clearing filters that hide it) and show it in the editor."""
        if not self.editor.maybe_leave():
            return False
        row = self.model.row_of(uid)
        if row < 0:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            self.severity_filter.setCurrentIndex(0)
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._select_row(proxy_index)
        if self.editor.current_uid() != uid:
            self.editor.load(uid)
        if field:
            self.editor.focus_field(field)
        return True

    def new_activity(self) -> None:
        """Start a new activity in the editor (written on Save)."""
        if not self.reveal() or self.session.organisation() is None:
            return
        if not self.editor.maybe_leave():
            return
        self.table.clearSelection()
        self.editor.new_activity()

    def duplicate_current(self) -> None:
        """Open an unsaved copy of the current activity in the editor."""
        uid = self.editor.current_uid()
        if uid is None or not self.reveal() or not self.editor.maybe_leave():
            return
        self.table.clearSelection()
        self.editor.duplicate(uid)

    def _name_of(self, uid: str) -> str:
        act = self.session.activity(uid)
        return (act.name if act is not None else "") or uid

    def delete_selected(self) -> None:
        """Delete the selected activities after confirmation (restorable from the history)."""
        uids = self.selected_uids()
        if not uids or not self.reveal():
            return
        names = [self._name_of(u) for u in uids]
        if len(uids) == 1:
            text = self.tr(
                "Delete the processing activity “{name}”?\n\nIt can be restored from the history."
            ).format(name=names[0])
        else:
            text = self.tr(
                "Delete {n} processing activities?\n\nThey can be restored from the history."
            ).format(n=len(uids))
        if not prompts.confirm(self, self.tr("Delete"), text):
            return
        if self.editor.current_uid() in uids:
            self.editor.load(None)
        try:
            for uid in uids:
                self._delete(uid)
        except Exception as exc:
            prompts.show_error(self, self.tr("Delete"), exc)

    def bulk_edit(self) -> bool:
        """Change the selected activities at once (one undoable batch); True when done."""
        uids = self.selected_uids()
        org = self.session.organisation()
        if not uids or org is None or not self.editor.maybe_leave():
            return False
        chosen = [a for a in (self.session.activity(u) for u in uids) if a is not None]
        change = bulk_dialog.ask_bulk_change(
            self,
            len(uids),
            [a.department for a in org.activities],
            [a.reference for a in org.activities],
            sum(1 for a in chosen if not a.reference.strip()),
        )
        if change is None:
            return False
        current = self.editor.current_uid()
        try:
            self.session.bulk_update(uids, change, self.tr("%n activities", "", len(uids)))
        except Exception as exc:  # StoreError: refused, nothing changed
            prompts.show_error(self, self.tr("Not changed"), exc)
            return False
        if current is not None:
            self.open_activity(current)
        return True

    def _delete(self, uid: str) -> None:
        """Delete one activity; one changed elsewhere meanwhile only after asking."""
        seen = self.session.activity(uid)
        try:
            self.session.delete_activity(uid)
        except ConflictError as exc:
            self.session.reload()
            if ask_conflict(self, self.session, exc, seen, seen, REMOVE) == DELETE:
                self.session.delete_activity(uid, force=True)

    def maybe_leave(self) -> bool:
        """Ask about unsaved changes in the editor; True when the page may be left."""
        return self.editor.maybe_leave()

    def save_columns(self) -> None:
        """Remember column widths, order, visibility and sorting."""
        settings.set_value("activities/header", self.table.horizontalHeader().saveState())
        settings.set_value("activities/splitter", self.splitter.saveState())

    # --- plumbing -------------------------------------------------------------

    def _restore_columns(self) -> None:
        header = self.table.horizontalHeader()
        widths = {
            "reference": 70,
            "name": 240,
            "department": 110,
            "status": 90,
            "completeness": 70,
            "next_review": 90,
            "changed": 90,
        }
        metrics = header.fontMetrics()
        for key, width in widths.items():
            title = self.model.header(key)
            header.resizeSection(
                COLUMNS.index(key), max(width, metrics.horizontalAdvance(title) + 24)
            )
        header.setSectionHidden(COLUMNS.index("changed"), True)  # shown via the header menu
        state = settings.value("activities/header")
        if state is not None:
            header.restoreState(state)
        split = settings.value("activities/splitter")
        if split is not None:
            self.splitter.restoreState(split)
        else:
            self.splitter.setSizes([760, 700])

    def _column_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for col, key in enumerate(COLUMNS):
            action = menu.addAction(self.model.header(key))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.setEnabled(key != "name")
            action.toggled.connect(lambda on, c=col: self.set_column_visible(c, on))
        menu.popup(header.mapToGlobal(pos))

    def set_column_visible(self, column: int, visible: bool) -> None:
        """Show or hide a column of the list (remembered)."""
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self.save_columns()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _filters_changed(self) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_status(m.ActivityStatus(status) if status else None)
        self.proxy.set_severity(self.severity_filter.currentData())
        self._update_count()

    def _update_status_counts(self) -> None:
        """The status filter names how many activities have each status ("Entwurf (3)")."""
        org = self.session.organisation()
        counts = workflow.status_counts(org.activities if org is not None else [])
        for i, status in enumerate(m.ActivityStatus, 1):
            self.status_filter.setItemText(i, f"{p.STATUS[status]()} ({counts[status]})")

    def _update_count(self) -> None:
        self._update_status_counts()
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("{n} activities").format(n=total))
        else:
            self.count_label.setText(
                self.tr("{shown} of {total} activities").format(shown=shown, total=total)
            )

    def _organisation_changing(self) -> None:
        self._org_changing = True

    def _model_reset(self) -> None:
        if self._org_changing:
            # The editor resets after the model; _organisation_changed then sorts and
            # selects once, instead of loading a record the editor's reset drops.
            return
        self._after_reset()

    def _organisation_changed(self) -> None:
        self._org_changing = False
        self._after_reset()

    def _after_reset(self) -> None:
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        self._update_count()
        uid = self.editor.current_uid()
        if uid is not None and self.model.row_of(uid) >= 0:
            self._select_row(self.proxy.mapFromSource(self.model.index(self.model.row_of(uid), 0)))
        elif not self.editor.is_dirty():
            first = self.proxy.index(0, 0)
            if first.isValid():
                self._select_row(first)
            else:
                self.editor.load(None)

    def _select_row(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self._following = True
        try:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        finally:
            self._following = False
        uid = self.proxy.uid_at(index.row())
        if self.editor.current_uid() != uid and not self.editor.is_dirty():
            self.editor.load(uid)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._following or not current.isValid():
            return
        uid = self.proxy.uid_at(current.row())
        if uid == self.editor.current_uid():
            return
        if not self.editor.maybe_leave():
            # Stay on the record being edited: put the selection back without asking again.
            QTimer.singleShot(0, lambda: self._back_to(previous))
            return
        self.editor.load(uid)

    def _back_to(self, previous: QModelIndex) -> None:
        uid = self.editor.current_uid()
        if uid is not None and self.model.row_of(uid) >= 0:
            index = self.proxy.mapFromSource(self.model.index(self.model.row_of(uid), 0))
        else:
            index = previous
        self._following = True
        try:
            if index.isValid():
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            else:
                self.table.clearSelection()
        finally:
            self._following = False

    def _saved(self, uid: str) -> None:
        row = self.model.row_of(uid)
        if row >= 0:
            self._select_row(self.proxy.mapFromSource(self.model.index(row, 0)))
