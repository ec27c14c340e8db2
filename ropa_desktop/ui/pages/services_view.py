"""The Verarbeitungsverzeichnis of a processor (Art. 30(2) GDPR): the processing services
the organisation performs for client controllers — the Komm.ONE case of a municipal IT
service. A searchable list beside the service editor, with New, Duplicate and Delete;
a deleted service is restored from the history (Verlauf) by undoing its deletion."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.store.versions import ConflictError
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.common.severity import severity_icon, worst
from ropa_desktop.ui.common.trees import top_level_items
from ropa_desktop.ui.editor.service_editor import ServiceEditor
from ropa_desktop.ui.session import Change, Session

UID_ROLE = Qt.ItemDataRole.UserRole + 1


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def haystack(svc: m.ProcessingService, session: Session) -> str:
    """Every text the service shows, folded for the search: controllers with their
    contacts, categories, subprocessors by name, transfers with country names, TOMs."""
    cat = session.catalogue()
    processors = cat.processors_by_uid()
    toms = {t.uid: t.title for t in cat.toms}
    parts = [svc.reference, svc.name, svc.tom_description, svc.notes, p.STATUS[svc.status]()]
    for c in svc.controllers:
        parts += [c.name, c.contact, c.representative, c.dpo]
    parts += svc.categories
    for link in svc.subprocessors:
        proc = processors.get(link.processor)
        parts += [proc.name if proc else "", link.service]
    for t in svc.transfers:
        proc = processors.get(t.processor or "")
        parts += [p.country(t.country) if t.country else "", t.country, t.recipient]
        parts += [proc.name if proc else "", t.mechanism_text, t.documentation]
    parts += [toms.get(uid, "") for uid in svc.toms]
    return _fold(" ".join(parts))


class ServicesView(QWidget):
    """Processing services (Art. 30(2)) of the current organisation with their editor."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.search = named(QLineEdit(self), "services.search")
        self.search.setPlaceholderText(self.tr("Search all fields (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search processing services"))
        self.search.textChanged.connect(self._apply_filter)
        self.list = named(QTreeWidget(self), "services.list")
        self.list.setHeaderLabels(
            [self.tr("No."), self.tr("Name"), self.tr("Controllers"), self.tr("Status")]
        )
        self.list.setAccessibleName(self.tr("Processing services"))
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.list.header()
        header.setStretchLastSection(False)
        for col, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(col, mode)
        self.list.currentItemChanged.connect(self._current_changed)
        self.count_label = named(QLabel(self), "services.count")
        self.hint = named(QLabel(self), "services.hint")
        self.hint.setWordWrap(True)

        # The editor is built when first needed (the page shown, a service selected), so
        # the page costs the window's start nothing.
        self._editor: ServiceEditor | None = None
        self._placeholder = QWidget(self)

        self.new_button = named(QPushButton(self.tr("&New service"), self), "services.new")
        self.new_button.clicked.connect(self.new_service)
        self.duplicate_button = named(
            QPushButton(self.tr("D&uplicate"), self), "services.duplicate"
        )
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button = named(QPushButton(self.tr("&Delete …"), self), "services.delete")
        self.delete_button.clicked.connect(self.delete_current)

        self.find_action = self._action(self.tr("&Find"), QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.new_action = self._action(self.tr("&New service"), QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_service)
        self.duplicate_action = self._action(self.tr("D&uplicate"), QKeySequence("Ctrl+D"))
        self.duplicate_action.triggered.connect(self.duplicate_current)
        self.delete_action = QAction(self.tr("&Delete …"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.list.addAction(self.delete_action)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.hint)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.count_label)
        splitter = named(QSplitter(Qt.Orientation.Horizontal, self), "services.split")
        splitter.addWidget(left)
        splitter.addWidget(self._placeholder)
        self._splitter = splitter
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setTabOrder(self.search, self.list)

        session.changed.connect(self._session_changed)
        session.organisationChanged.connect(self.refresh)
        self.refresh()

    def _action(self, text: str, keys: QKeySequence | QKeySequence.StandardKey) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    # --- public -------------------------------------------------------------

    @property
    def editor(self) -> ServiceEditor:
        """The service editor beside the list (built on first use)."""
        if self._editor is None:
            self._editor = ServiceEditor(self.session, self)
            self._editor.saved.connect(self._saved)
            self._splitter.replaceWidget(1, self._editor)
            self._placeholder.deleteLater()
        return self._editor

    def _current_uid(self) -> str | None:
        return self._editor.current_uid() if self._editor is not None else None

    def showEvent(self, event: QShowEvent) -> None:
        """Build the editor when the page is first shown."""
        self.editor  # noqa: B018 - built for its side effect
        super().showEvent(event)

    def refresh(self) -> None:
        """Fill the list from the session, keeping the selection where possible."""
        current = self._current_uid()
        org = self.session.organisation()
        self.list.blockSignals(True)
        self.list.clear()
        for svc in self.session.services():
            found = self.session.check_service(svc)
            item = QTreeWidgetItem(
                [
                    svc.reference,
                    svc.name,
                    ", ".join(c.name for c in svc.controllers if c.name.strip()),
                    p.STATUS[svc.status](),
                ]
            )
            item.setData(0, UID_ROLE, svc.uid)
            item.setData(1, Qt.ItemDataRole.UserRole + 2, haystack(svc, self.session))
            item.setIcon(1, severity_icon(worst(found)))
            if found:
                item.setToolTip(1, "\n".join(f.message for f in found))
            self.list.addTopLevelItem(item)
        self.list.blockSignals(False)
        if org is not None and not org.is_processor:
            self.hint.setText(
                self.tr(
                    "This organisation is not marked as a processor (Organisation page); "
                    "its processing services are still kept here."
                )
            )
            self.hint.show()
        else:
            self.hint.hide()
        enabled = org is not None
        for w in (self.new_button, self.new_action):
            w.setEnabled(enabled)
        self._apply_filter(self.search.text())
        shown = self._item(current) if current is not None else None
        if shown is not None:
            self.list.setCurrentItem(shown)
        elif (
            current is not None
            and self.session.service(current) is None
            and (not self.editor.is_dirty())
        ):
            self.editor.load(None)
        self._update_actions()

    def visible_uids(self) -> list[str]:
        """Uids of the services the list shows (after the search), in display order."""
        return [str(i.data(0, UID_ROLE)) for i in top_level_items(self.list) if not i.isHidden()]

    def select(self, uid: str) -> bool:
        """Show the service ``uid`` in the editor (after asking about unsaved changes)."""
        item = self._item(uid)
        if item is None:
            return False
        if item.isHidden():
            self.search.clear()
        self.list.setCurrentItem(item)
        return self.editor.current_uid() == uid

    def focus_search(self) -> None:
        """Put the cursor in the search field (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_service(self) -> None:
        """Start a new processing service in the editor (written on Save)."""
        if self.session.organisation() is None or not self.editor.maybe_leave():
            return
        self.list.clearSelection()
        self.list.setCurrentIndex(QModelIndex())
        self.editor.new_service()

    def duplicate_current(self) -> None:
        """Open an unsaved copy of the service shown."""
        uid = self.editor.current_uid()
        if uid is None or self.session.service(uid) is None or not self.editor.maybe_leave():
            return
        self.list.setCurrentIndex(QModelIndex())
        self.editor.duplicate(uid)

    def delete_current(self) -> bool:
        """Delete the service shown after confirming (restorable from the history)."""
        uid = self.editor.current_uid()
        svc = self.session.service(uid) if uid else None
        if svc is None:
            return False
        text = self.tr(
            "Delete the processing service “{name}”?\n\nThe history (Verlauf) can undo it."
        ).format(name=svc.name or svc.reference)
        if not prompts.confirm(self, self.tr("Delete"), text):
            return False
        try:
            try:
                self.session.delete_service(svc.uid)
            except ConflictError as exc:
                question = self.tr("{problem}\n\nDelete it anyway?").format(
                    problem=prompts.error_text(exc)
                )
                if not prompts.confirm(self, self.tr("Delete"), question):
                    return False
                self.session.delete_service(svc.uid, force=True)
        except Exception as exc:  # StoreError: refused; nothing changed
            prompts.show_error(self, self.tr("Not deleted"), exc)
            return False
        self.editor.load(None)
        self.refresh()
        return True

    def maybe_leave(self) -> bool:
        """Ask about unsaved changes in the editor; True when the page may be left."""
        return self._editor is None or self._editor.maybe_leave()

    # --- plumbing -----------------------------------------------------------

    def _item(self, uid: str) -> QTreeWidgetItem | None:
        return next((i for i in top_level_items(self.list) if i.data(0, UID_ROLE) == uid), None)

    def _apply_filter(self, text: str) -> None:
        needle = _fold(text)
        shown = 0
        for item in top_level_items(self.list):
            hay = str(item.data(1, Qt.ItemDataRole.UserRole + 2) or "")
            item.setHidden(bool(needle) and needle not in hay)
            shown += not item.isHidden()
        total = self.list.topLevelItemCount()
        self.count_label.setText(
            self.tr("{shown} of {total} services").format(shown=shown, total=total)
        )

    def _current_changed(
        self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None
    ) -> None:
        uid = current.data(0, UID_ROLE) if current is not None else None
        if uid is None or uid == self.editor.current_uid():
            self._update_actions()
            return
        if not self.editor.maybe_leave():
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)  # type: ignore[arg-type]
            self.list.blockSignals(False)
            return
        self.editor.load(str(uid))
        self._update_actions()

    def _update_actions(self) -> None:
        uid = self._current_uid()
        stored = uid is not None and self.session.service(uid) is not None
        for w in (self.duplicate_button, self.duplicate_action):
            w.setEnabled(stored)
        for w in (self.delete_button, self.delete_action):
            w.setEnabled(stored and not self.session.store.read_only)

    def _saved(self, uid: str) -> None:
        self.refresh()
        item = self._item(uid)
        if item is not None:
            self.list.blockSignals(True)
            self.list.setCurrentItem(item)
            self.list.blockSignals(False)
        self._update_actions()

    def _session_changed(self, what: Change) -> None:
        if what in (Change.SERVICES, Change.EVERYTHING, Change.CATALOGUE, Change.ORGANISATION):
            self.refresh()
