"""Views of the shared catalogue: a searchable list on the left, the entry's form on the right.

:class:`ProcessorsView`, :class:`RecipientsView` and :class:`TomsView` (grouped
by the seven SDM goals) share one behaviour: Save (Ctrl+S), Revert, New
(Ctrl+N) and Delete (Del in the list; an entry still in use is removed from, or
replaced in, every record using it — see :mod:`~ropa_desktop.ui.catalogue.delete_dialog`);
unsaved changes are tracked and :meth:`maybe_leave` asks what to do with them before the
selection or the page changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation, vocab
from ropa_desktop.domain.i18n import language
from ropa_desktop.store.models import OrganisationRow, ProcessorRow, ProcessorUseRow
from ropa_desktop.store.repository import Store
from ropa_desktop.store.versions import ConflictError
from ropa_desktop.ui.catalogue import delete_dialog
from ropa_desktop.ui.catalogue.forms import ProcessorForm, RecipientForm, TomForm
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.common.attachments_panel import AttachmentsPanel
from ropa_desktop.ui.common.conflict_dialog import (
    DELETE,
    DISCARD,
    OVERWRITE,
    RELOAD,
    REMOVE,
    RESTORE,
    ask_conflict,
    mine_as_text,
)
from ropa_desktop.ui.common.trees import child_items, top_level_items
from ropa_desktop.ui.session import Change, Session

UID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
GOAL_ROLE = Qt.ItemDataRole.UserRole + 3


def processor_use_counts(store: Store, organisation: str | None = None) -> dict[str, int]:
    """Number of activities (of every organisation) using each processor, by processor uid;
    only the processors of the organisation named ``organisation`` when given (only its own
    activities can use them), which spares counting the whole register."""
    stmt = (
        select(ProcessorRow.uid, func.count(func.distinct(ProcessorUseRow.activity_id)))
        .join(ProcessorUseRow, ProcessorUseRow.processor_id == ProcessorRow.id)
        .where(ProcessorUseRow.activity_id.is_not(None))
        .group_by(ProcessorRow.uid)
    )
    if organisation is not None:
        stmt = stmt.join(OrganisationRow, OrganisationRow.id == ProcessorRow.organisation_id).where(
            OrganisationRow.name == organisation
        )
    with store.engine.connect() as conn:
        return {uid: int(n) for uid, n in conn.execute(stmt)}


def _parent_hidden(item: QTreeWidgetItem) -> bool:
    parent = item.parent()
    return parent is not None and parent.isHidden()


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


class _Item(QTreeWidgetItem):
    """A list row that sorts by its sort key (dates, numbers) rather than its text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        col = tree.sortColumn() if tree is not None else 0
        mine, theirs = self.data(col, SORT_ROLE), other.data(col, SORT_ROLE)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return self.text(col).casefold() < other.text(col).casefold()


class _CatalogueView(QWidget):
    """A list of catalogue entries and a form for the selected one (subclasses fill in)."""

    _prefix = "catalogueView"
    _can_delete = True
    _kind = ""
    """"processor", "recipient" or "tom": what "Copy from another organisation" offers."""

    def __init__(self, session: Session, form: Any, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(self._prefix)
        self.session = session
        self.form = form
        self._current: str | None = None
        self._dirty = False
        self._building = False

        self.search = QLineEdit(self)
        self.search.setObjectName(self._name("search"))
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.list = QTreeWidget(self)
        self.list.setObjectName(self._name("list"))
        self.list.setAccessibleName(self.tr("Entries"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels(self._headers())
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.list.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.list.setRootIsDecorated(False)
        self.list.currentItemChanged.connect(self._on_current_changed)
        search_label = QLabel(self.tr("&Find:"), self)
        search_label.setBuddy(self.search)

        self.heading = QLabel(self)
        self.heading.setObjectName(self._name("heading"))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form)

        # Save, New and Delete have shortcuts (Ctrl+S, Ctrl+N, Del in the list); no mnemonics,
        # so that the form's labels keep theirs.
        self.save_button = self._button("save", self.tr("Save"), self.save)
        self.save_button.setToolTip(self.tr("Save the changes (Ctrl+S)"))
        self.revert_button = self._button("revert", self.tr("Re&vert"), self.revert)
        self.new_button = self._button("new", self.tr("New"), self.new)
        self.new_button.setToolTip(self.tr("Start a new entry (Ctrl+N)"))
        self.delete_button = self._button("delete", self.tr("Delete"), self.delete)
        self.delete_button.setToolTip(self.tr("Delete the entry (Del in the list)"))
        self.delete_button.setVisible(self._can_delete)
        self.copy_button = self._button(
            "copyFrom", self.tr("Copy from another organisation …"), self.copy_from_other
        )
        self.copy_button.setToolTip(
            self.tr("Take entries of another organisation into this one, as copies of its own")
        )

        self.save_action = self._action(
            self.tr("Save"), QKeySequence.StandardKey.Save, self.save, self
        )
        self.new_action = self._action(self.tr("New"), QKeySequence.StandardKey.New, self.new, self)
        self.delete_action = self._action(
            self.tr("Delete"), QKeySequence(Qt.Key.Key_Delete), self.delete, self.list
        )
        self.delete_action.setEnabled(self._can_delete)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        find_row = QHBoxLayout()
        find_row.addWidget(search_label)
        find_row.addWidget(self.search, 1)
        left_layout.addLayout(find_row)
        left_layout.addWidget(self.list, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(scroll, 1)
        self._right_layout = right_layout
        buttons = QHBoxLayout()
        for b in (self.new_button, self.delete_button, self.copy_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName(self._name("splitter"))
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([460, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, form)

        form.edited.connect(self._on_edited)
        session.changed.connect(self._on_session_changed)
        session.organisationChanged.connect(self._on_organisation_changed)
        self._other_organisation = False
        self._show_first()

    def _show_first(self) -> None:
        self.refresh()
        first = self._first_uid()
        if first is not None:
            self.select(first)
        else:
            self._load(None)

    def _on_organisation_changed(self) -> None:
        # The window asked about unsaved changes before switching; what the form holds
        # belongs to the organisation left and must not stay on screen. Hidden pages
        # reload on their next show, so a switch costs nothing for them.
        self._current = None
        self._set_dirty(False)
        self._other_organisation = True
        if self.isVisible():
            self._reload_for_organisation()

    def _reload_for_organisation(self) -> None:
        self._other_organisation = False
        self._show_first()

    def showEvent(self, event: QShowEvent) -> None:
        """Reload when the organisation changed while the page was hidden."""
        super().showEvent(event)
        if self._other_organisation:
            self._reload_for_organisation()

    # --- subclass hooks -----------------------------------------------------

    def _headers(self) -> list[str]:
        raise NotImplementedError

    def _entries(self) -> list[Any]:
        raise NotImplementedError

    def _fill(self, entries: list[Any]) -> None:
        raise NotImplementedError

    def _blank(self) -> Any:
        raise NotImplementedError

    def _save_entry(self, obj: Any, *, force: bool = False) -> Any:
        raise NotImplementedError

    def _label(self, obj: Any) -> str:
        return str(obj.name)

    def _new_heading(self) -> str:
        return self.tr("New entry")

    def _refresh_on(self) -> set[Change]:
        return {Change.CATALOGUE, Change.EVERYTHING}

    def copy_from_other(self) -> bool:
        """Open “Copy from another organisation …”; True when entries were copied."""
        from ropa_desktop.ui.catalogue.copy_dialog import CopyFromOrganisationDialog

        if self.session.organisation_name is None or not self.maybe_leave():
            return False
        dialog = CopyFromOrganisationDialog(self.session, self._kind, self)
        copied = dialog.exec() == QDialog.DialogCode.Accepted and bool(dialog.copied)
        if copied:
            first = next(iter(dialog.copied.values()))
            self.select(first)
        return copied

    # --- plumbing -----------------------------------------------------------

    def _name(self, suffix: str) -> str:
        return f"{self._prefix}.{suffix}"

    def _button(self, suffix: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(self._name(suffix))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _action(self, text: str, keys: Any, slot: Any, owner: QWidget) -> QAction:
        action = QAction(text, owner)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        owner.addAction(action)
        return action

    def _by_uid(self) -> dict[str, Any]:
        return {e.uid: e for e in self._entries()}

    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        stack = top_level_items(self.list)
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[0:0] = child_items(item)
        return out

    def _item(self, uid: str) -> QTreeWidgetItem | None:
        return next((i for i in self._items() if i.data(0, UID_ROLE) == uid), None)

    def _first_uid(self) -> str | None:
        return next((str(i.data(0, UID_ROLE)) for i in self._items() if i.data(0, UID_ROLE)), None)

    def _row(
        self,
        obj: Any,
        texts: list[str],
        sort: list[Any] | None = None,
        parent: QTreeWidgetItem | None = None,
    ) -> QTreeWidgetItem:
        item = _Item(parent) if parent is not None else _Item()
        for col, text in enumerate(texts):
            item.setText(col, text)
            if sort is not None and sort[col] is not None:
                item.setData(col, SORT_ROLE, sort[col])
        item.setData(0, UID_ROLE, obj.uid)
        item.setToolTip(0, texts[0])
        if parent is None:
            self.list.addTopLevelItem(item)
        return item

    # --- state --------------------------------------------------------------

    def is_dirty(self) -> bool:
        """True when the form holds changes not saved yet."""
        return self._dirty

    def current_uid(self) -> str | None:
        """Uid of the entry shown in the form (a new, unsaved one included)."""
        return self._current

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self._update_actions()

    def _update_actions(self) -> None:
        stored = self._current is not None and self._current in self._by_uid()
        self.save_button.setEnabled(self._dirty)
        self.save_action.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)
        self.delete_button.setEnabled(self._can_delete and stored)
        self.delete_action.setEnabled(self._can_delete and stored)
        title = self._label(self.form.value()) if stored or self._dirty else ""
        if not stored:
            title = self._new_heading() + (f" – {title}" if title else "")
        self.heading.setText(title + (" *" if self._dirty else ""))

    def _on_edited(self) -> None:
        if not self._dirty:
            self._set_dirty(True)
        else:
            self._update_actions()

    def _load(self, uid: str | None, blank: Any | None = None) -> None:
        obj = self._by_uid().get(uid) if uid is not None else None
        if obj is None:
            obj = blank if blank is not None else self._blank()
        self.form.set_value(obj)
        self._current = obj.uid
        self._set_dirty(False)
        self._select_item(obj.uid)

    def _select_item(self, uid: str | None) -> None:
        item = self._item(uid) if uid else None
        blocked = self.list.blockSignals(True)
        if item is not None:
            self.list.setCurrentItem(item)
            self.list.scrollToItem(item)
        else:
            self.list.setCurrentIndex(QModelIndex())  # what setCurrentItem(None) does
            self.list.clearSelection()
        self.list.blockSignals(blocked)

    def _on_current_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if self._building or current is None:
            return
        uid = current.data(0, UID_ROLE)
        if not uid or uid == self._current:
            return
        uid = str(uid)
        if not self.maybe_leave():
            self._select_item(self._current)
            return
        self._load(uid)

    def _on_session_changed(self, what: Change) -> None:
        if what in self._refresh_on():
            self.refresh()

    # --- public -------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the list from the session; reload the form unless it has unsaved changes."""
        self._building = True
        try:
            self.list.setSortingEnabled(False)
            self.list.clear()
            self._fill(sorted(self._entries(), key=lambda e: self._label(e).casefold()))
            self._apply_filter(self.search.text())
        finally:
            self._building = False
        stored = self._by_uid()
        if not self._dirty and self._current in stored:
            self.form.set_value(stored[self._current])
        elif hasattr(self.form, "refresh_choices"):
            self.form.refresh_choices()
        self._select_item(self._current)
        self._update_actions()

    def select(self, uid: str) -> bool:
        """Show the entry ``uid`` (asking first about unsaved changes); False if not shown."""
        if self._other_organisation:
            self._reload_for_organisation()
        if uid == self._current and self._item(uid) is not None:
            self._select_item(uid)
            return True
        if uid not in self._by_uid() or not self.maybe_leave():
            return False
        item = self._item(uid)
        if item is None or item.isHidden():
            self.search.clear()
        self._load(uid)
        return True

    def maybe_leave(self) -> bool:
        """True when the form may be left: nothing unsaved, or saved/discarded on request."""
        if not self._dirty:
            return True
        what = self._label(self.form.value()) or self._new_heading()
        return prompts.leave_unsaved(self, what, self.save, self.revert)

    def save(self) -> bool:
        """Save the form (after checking the name); False when refused."""
        if not self.form.validate():
            return False
        obj = self.form.value()
        previous = self._current
        self._current = obj.uid
        try:
            saved = self._save_entry(obj)
        except ConflictError as exc:  # changed or deleted elsewhere meanwhile: ask
            return self._resolve_conflict(exc, obj)
        except Exception as exc:  # the store refuses with a StoreError; nothing changed
            self._current = previous
            prompts.show_error(self, self.tr("Not saved"), exc)
            return False
        self._show_saved(saved)
        return True

    def _show_saved(self, saved: Any) -> None:
        self._dirty = False
        self.form.set_value(saved)
        self._select_item(saved.uid)
        self._update_actions()

    def _resolve_conflict(self, error: ConflictError, mine: Any) -> bool:
        """Ask about a save that met a change made elsewhere and do what was chosen; True
        when nothing unsaved is left."""
        base = self._by_uid().get(mine.uid)
        self.session.reload()  # the list shows theirs; the dirty form keeps mine
        choice = ask_conflict(self, self.session, error, mine, base)
        try:
            if choice in (OVERWRITE, RESTORE):
                self._show_saved(self._save_entry(mine, force=True))
                return True
        except Exception as exc:  # StoreError: nothing changed
            prompts.show_error(self, self.tr("Not saved"), exc)
            return False
        if choice == RELOAD:
            prompts.inform(
                self,
                self.tr("Their version loaded"),
                self.tr(
                    "“{name}” now shows the version of {user}. Your values were:\n\n{values}"
                ).format(
                    name=error.label,
                    user=error.user or "?",
                    values=mine_as_text(error.entity, mine, error.current, self.session),
                ),
            )
            self._load(mine.uid)
            return True
        if choice == DISCARD:
            self._dirty = False
            self._load(self._first_uid())
            return True
        return False

    def revert(self) -> None:
        """Throw away unsaved changes: show the entry as stored (a new one as blank)."""
        stored = self._by_uid().get(self._current) if self._current else None
        if stored is not None:
            self._load(stored.uid)
        else:
            self._load(None, blank=self._blank_like_current())

    def _blank_like_current(self) -> Any:
        blank = self._blank()
        blank.uid = self._current or blank.uid
        return blank

    def new(self) -> bool:
        """Start a new entry in the form (after asking about unsaved changes)."""
        if not self.maybe_leave():
            return False
        self._load(None)
        self.form.focus_name()
        return True

    def delete(self) -> bool:
        """Delete the entry shown; False when not deleted.

        An unused entry after a yes/no question; one still in use after the dialog naming
        every record using it, which removes the entry from all of them or replaces it by
        another entry there (one batch, undone from the history).
        """
        uid = self._current
        stored = self._by_uid().get(uid) if uid else None
        if stored is None:
            return False
        name = self._label(stored)
        title = self._delete_title()
        try:
            uses = self.session.entry_uses(self._kind, stored.uid)
        except Exception as exc:  # StoreError: deleted elsewhere meanwhile
            prompts.show_error(self, self.tr("Not deleted"), exc)
            return False
        replacement: str | None = None
        if not uses:
            question = self.tr("Delete “{name}” from the catalogue?").format(name=name)
            if not prompts.confirm(self, title, question):
                return False
        else:
            others = [(e.uid, self._label(e)) for e in self._entries() if e.uid != stored.uid]
            others.sort(key=lambda pair: _fold(pair[1]))
            answer = delete_dialog.ask_entry_deletion(self, title, name, uses, others)
            if answer is None:
                return False
            replacement = answer.replacement
        try:
            try:
                self.session.delete_entry(self._kind, stored.uid, replacement=replacement)
            except ConflictError as exc:  # changed elsewhere since it was loaded
                self.session.reload()
                if ask_conflict(self, self.session, exc, stored, stored, REMOVE) != DELETE:
                    return False
                self.session.delete_entry(
                    self._kind, stored.uid, replacement=replacement, force=True
                )
        except Exception as exc:  # StoreError: refused; nothing changed
            prompts.show_error(self, self.tr("Not deleted"), exc)
            return False
        self._dirty = False
        self._load(replacement if replacement in self._by_uid() else self._first_uid())
        return True

    def _delete_title(self) -> str:
        return self.tr("Delete entry")

    def _apply_filter(self, text: str) -> None:
        needle = _fold(text)
        for item in top_level_items(self.list):
            self._filter_item(item, needle)

    def _filter_item(self, item: QTreeWidgetItem, needle: str) -> bool:
        """Hide rows without ``needle``; a group stays visible while a child matches."""
        if item.childCount():
            shown = [self._filter_item(child, needle) for child in child_items(item)]
            visible = any(shown) or not needle
            item.setHidden(not visible)
            return visible
        haystack = _fold(
            " ".join(item.text(c) for c in range(self.list.columnCount()))
            + " "
            + str(item.data(0, Qt.ItemDataRole.ToolTipRole) or "")
        )
        visible = not needle or needle in haystack
        item.setHidden(not visible)
        return visible

    def visible_uids(self) -> list[str]:
        """Uids of the entries the list shows (after the search), in display order."""
        return [
            str(i.data(0, UID_ROLE))
            for i in self._items()
            if i.data(0, UID_ROLE) and not i.isHidden() and not _parent_hidden(i)
        ]


# --------------------------------------------------------------------------- processors


class ProcessorsView(_CatalogueView):
    """The processors of the catalogue with address, contract date and how often used."""

    _prefix = "processorsView"
    _can_delete = True
    _kind = "processor"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.attachments: AttachmentsPanel | None = None
        super().__init__(session, ProcessorForm(session), parent)
        box = QGroupBox(self.tr("Attachments (processing contract/AVV, TOMs …)"), self)
        box.setObjectName("processorsView.attachmentsBox")
        box_layout = QVBoxLayout(box)
        self.attachments = AttachmentsPanel(session, "processor", box)
        box_layout.addWidget(self.attachments)
        self._right_layout.insertWidget(2, box)
        self._show_attachments()

    def _load(self, uid: str | None, blank: Any | None = None) -> None:
        super()._load(uid, blank)
        self._show_attachments()

    def _show_saved(self, saved: Any) -> None:
        super()._show_saved(saved)
        self._show_attachments()

    def _show_attachments(self) -> None:
        if self.attachments is not None:
            uid = self._current
            self.attachments.set_owner(uid, stored=uid is not None and uid in self._by_uid())

    def _headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Country"), self.tr("Contract"), self.tr("Used by")]

    def _entries(self) -> list[m.Processor]:
        return list(self.session.catalogue().processors)

    def _blank(self) -> m.Processor:
        return m.Processor()

    def _new_heading(self) -> str:
        return self.tr("New processor")

    def _delete_title(self) -> str:
        return self.tr("Delete processor")

    def _refresh_on(self) -> set[Change]:
        return {Change.CATALOGUE, Change.EVERYTHING, Change.ACTIVITIES}

    def _save_entry(self, obj: m.Processor, *, force: bool = False) -> m.Processor:
        return self.session.save_processor(obj, force=force)

    def uses(self, uid: str) -> int:
        """Number of activities using the processor (all organisations)."""
        counts: dict[str, int] = getattr(self, "_uses", {})  # none before the first fill
        return counts.get(uid, 0)

    def _fill(self, entries: list[m.Processor]) -> None:
        self._uses = processor_use_counts(self.session.store, self.session.organisation_name)
        for p in entries:
            used = self._uses.get(p.uid, 0)
            item = self._row(
                p,
                [
                    p.name,
                    presentation.country(p.country),
                    presentation.format_date(p.contract_date),
                    self.tr("%n activities", "", used),
                ],
                sort=[None, None, p.contract_date.isoformat() if p.contract_date else "", used],
            )
            item.setToolTip(0, presentation.processor_line(p))
            if not p.contract_date and not p.contract_reference.strip():
                item.setToolTip(2, self.tr("No contract (AVV) recorded"))
        self.list.setSortingEnabled(True)


# --------------------------------------------------------------------------- recipients


class RecipientsView(_CatalogueView):
    """The external recipients (categories) of the catalogue."""

    _prefix = "recipientsView"
    _kind = "recipient"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, RecipientForm(session), parent)

    def _headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Category"), self.tr("Country")]

    def _entries(self) -> list[m.Recipient]:
        return list(self.session.catalogue().recipients)

    def _blank(self) -> m.Recipient:
        return m.Recipient()

    def _new_heading(self) -> str:
        return self.tr("New recipient")

    def _delete_title(self) -> str:
        return self.tr("Delete recipient")

    def _save_entry(self, obj: m.Recipient, *, force: bool = False) -> m.Recipient:
        return self.session.save_recipient(obj, force=force)

    def _fill(self, entries: list[m.Recipient]) -> None:
        for r in entries:
            item = self._row(r, [r.name, r.category, presentation.country(r.country)])
            item.setToolTip(0, r.notes or r.name)
        self.list.setSortingEnabled(True)


# --------------------------------------------------------------------------- TOMs


class TomsView(_CatalogueView):
    """The TOM catalogue, grouped under the seven SDM protection goals."""

    _prefix = "tomsView"
    _kind = "tom"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, TomForm(session), parent)
        self.list.setRootIsDecorated(True)

    def _headers(self) -> list[str]:
        return [self.tr("Measure"), self.tr("Art. 32")]

    def _entries(self) -> list[m.Tom]:
        return list(self.session.catalogue().toms)

    def _label(self, obj: Any) -> str:
        return str(obj.title)

    def _blank(self) -> m.Tom:
        return m.Tom()

    def _new_heading(self) -> str:
        return self.tr("New measure")

    def _delete_title(self) -> str:
        return self.tr("Delete measure")

    def _save_entry(self, obj: m.Tom, *, force: bool = False) -> m.Tom:
        return self.session.save_tom(obj, force=force)

    def _fill(self, entries: list[m.Tom]) -> None:
        lang = language()
        groups: dict[str, QTreeWidgetItem] = {}
        for goal in vocab.sdm_goals():
            group = QTreeWidgetItem([goal.label(lang), ""])
            group.setData(0, GOAL_ROLE, goal.id)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.list.addTopLevelItem(group)
            groups[goal.id] = group
        art32 = vocab.art32_categories()
        for t in entries:
            key = t.sdm_goal if t.sdm_goal in groups else ""
            if key not in groups:
                other = QTreeWidgetItem([self.tr("Without SDM goal"), ""])
                other.setData(0, GOAL_ROLE, "")
                self.list.addTopLevelItem(other)
                groups[""] = other
            letters = ", ".join(a.rsplit("-", 1)[-1] if a in art32 else a for a in t.art32)
            item = self._row(t, [t.title, letters], parent=groups[key])
            item.setToolTip(0, t.description or t.title)
        for group in groups.values():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
            group.setExpanded(True)

    def goal_of(self, uid: str) -> str | None:
        """The SDM goal under which the list shows measure ``uid`` ("" for none), None if absent."""
        item = self._item(uid)
        parent = item.parent() if item is not None else None
        if parent is None:
            return None
        return str(parent.data(0, GOAL_ROLE) or "")

    def new(self) -> bool:
        """Start a new measure; under the SDM goal selected in the list, if any."""
        item = self.list.currentItem()
        goal = ""
        if item is not None:
            group = item.parent() or item
            goal = str(group.data(0, GOAL_ROLE) or "")
        if not super().new():
            return False
        if goal:
            blank = m.Tom(uid=self._current or m.new_uid(), sdm_goal=goal)
            self.form.set_value(blank)
            self._update_actions()
        return True
