"""The Verlauf page: the change history of the current organisation.

Newest changes first, paged (:data:`PAGE` at a time, "Load more" fetches older
ones), filtered by words. A deleted activity can be restored from its deletion
record, a batch (import, demo data, restore) can be undone as a whole.

Deletions are scoped as the store records them: an activity deleted from this
organisation appears here and is restored into it; deletions made before the
store recorded the organisation (older databases) appear in every
organisation and are restored, after a confirmation naming it, into the current
one (see :meth:`Store.organisation_history <ropa_desktop.store.repository.Store.
organisation_history>`).

Also home of :func:`field_label`, which the findings page shares.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.store.repository import ChangeBatch, HistoryEntry, StoreError
from ropa_desktop.store.versions import OVERWRITE
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.common.item_models import Index, SortKeyProxy
from ropa_desktop.ui.common.lazy_view import LazyView, connect_open
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.common.record_model import Column, RecordTableModel, display_of, sort_of
from ropa_desktop.ui.common.tables import newest_first
from ropa_desktop.ui.pages.history_text import field_label, value_label
from ropa_desktop.ui.session import Session

PAGE = 1000
"""How many changes are read at a time."""

ROW_ROLE = Qt.ItemDataRole.UserRole + 3


_SHORT = 60
_TIP = 4000
NOT_UNDOABLE = frozenset({"undo", "imported-history"})
"""Kinds of batch offered for no undo: undoing an undo would not bring back what it
deleted, and imported history describes changes made in another database."""


def _short(text: str, limit: int = _SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _value(text: str | None) -> str:
    return "—" if text is None or text in ("", "null", "[]") else text


def _entity_label(entity: str) -> str:
    labels = {
        "activity": QCoreApplication.translate("HistoryView", "Activity"),
        "organisation": QCoreApplication.translate("HistoryView", "Organisation"),
        "service": QCoreApplication.translate("HistoryView", "Processing service"),
        "processor": QCoreApplication.translate("HistoryView", "Processor"),
        "recipient": QCoreApplication.translate("HistoryView", "Recipient"),
        "tom": QCoreApplication.translate("HistoryView", "TOM"),
    }
    return labels.get(entity, entity)


def batch_label(batch: ChangeBatch | None) -> str:
    """What a batch was, e.g. "Import: Personalamt.xlsx"."""
    if batch is None:
        return ""
    kinds = {
        "import": QCoreApplication.translate("HistoryView", "Import"),
        "demo": QCoreApplication.translate("HistoryView", "Demo data"),
        "undo": QCoreApplication.translate("HistoryView", "Undo"),
        "restore": QCoreApplication.translate("HistoryView", "Restore"),
        "imported-history": QCoreApplication.translate("HistoryView", "Imported history"),
        "copy": QCoreApplication.translate("HistoryView", "Copied from another organisation"),
        "delete-organisation": QCoreApplication.translate("HistoryView", "Organisation deleted"),
        "survey": QCoreApplication.translate("HistoryView", "Questionnaire answers taken over"),
        "delete-entry": QCoreApplication.translate("HistoryView", "Entry deleted"),
        "replace-entry": QCoreApplication.translate("HistoryView", "Entry replaced and deleted"),
        "bulk": QCoreApplication.translate("HistoryView", "Bulk change"),
        OVERWRITE: QCoreApplication.translate("HistoryView", "Overwrote a concurrent change by"),
    }
    kind = kinds.get(batch.kind, batch.kind)
    plain = batch.kind == "undo" or not batch.description
    text = kind if plain else f"{kind}: {batch.description}"
    if batch.undone:
        text = QCoreApplication.translate("HistoryView", "{batch} (undone)").format(batch=text)
    return text


def _local_time(entry: HistoryEntry) -> str:
    at = entry.record.at.astimezone()
    return f"{p.format_date(at)} {at:%H:%M:%S}"


def is_deletion(record: m.ChangeRecord) -> bool:
    """True for the record of a deleted activity (its snapshot is in ``old``)."""
    return (
        record.entity == "activity"
        and record.field == ""
        and record.new is None
        and record.old is not None
    )


class _Row:
    __slots__ = ("display", "entry", "haystack", "sort")

    def __init__(
        self, entry: HistoryEntry, display: tuple[str, ...], sort: tuple[Any, ...]
    ) -> None:
        self.entry = entry
        self.display = display
        self.sort = sort
        self.haystack = "\n".join(display).casefold() + "\n" + entry.record.entity_uid


COLUMNS = ("at", "user", "kind", "record", "field", "change", "batch")
"""Column keys of the history table."""


class HistoryTableModel(RecordTableModel[_Row]):
    """History entries (newest first as read) with their texts, a thin list adapter."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._batches: dict[str, ChangeBatch] = {}
        self.names: dict[str, str] = {}
        """Names of the catalogue entries by uid (values name entries by uid)."""

    def columns(self) -> list[Column[_Row]]:
        headers = {
            "at": self.tr("When"),
            "user": self.tr("User"),
            "kind": self.tr("Type"),
            "record": self.tr("Record"),
            "field": self.tr("Field"),
            "change": self.tr("Old → new"),
            "batch": self.tr("Batch"),
        }
        return [
            Column(headers[key], display_of(i), sort_of(i), tooltip=self._tooltip(key))
            for i, key in enumerate(COLUMNS)
        ]

    def row_data(self, row: _Row, index: Index, role: int) -> Any:
        return index.row() if role == ROW_ROLE else None

    # --- for the view -----------------------------------------------------------

    def set_entries(self, entries: list[HistoryEntry], batches: dict[str, ChangeBatch]) -> None:
        """Show ``entries`` (replacing what was shown)."""
        self._batches = batches
        self.set_rows([self._build(e) for e in entries])

    def append_entries(self, entries: list[HistoryEntry]) -> None:
        """Add older entries at the end."""
        self.append_rows(self._build(e) for e in entries)

    def entry_at(self, row: int) -> HistoryEntry:
        """The history entry of source row ``row``."""
        return self.row_at(row).entry

    def haystack(self, row: int) -> str:
        """The folded texts of a row, for the filter."""
        return self.row_at(row).haystack

    def batch(self, uid: str | None) -> ChangeBatch | None:
        """The batch of that uid, as read with the entries."""
        return self._batches.get(uid) if uid else None

    def last_id(self) -> int | None:
        """Id of the oldest entry shown (to read the next page)."""
        rows = self.all_rows()
        return rows[-1].entry.id if rows else None

    # --- plumbing -----------------------------------------------------------------

    def _build(self, entry: HistoryEntry) -> _Row:
        rec = entry.record
        if rec.field == "":
            if rec.old is None:
                field, change = self.tr("created"), _short(_value(rec.new))
            elif rec.entity == "activity":
                field, change = self.tr("deleted"), self.tr("(deleted; can be restored)")
            else:
                field, change = self.tr("deleted"), self.tr("(deleted)")
        elif rec.entity == "organisation" and rec.field == "version":
            field, change = self.tr("version frozen"), _short(_value(rec.new))
        else:
            field = field_label(rec.field, rec.entity)
            old = value_label(rec.field, rec.old, self.names)
            new = value_label(rec.field, rec.new, self.names)
            change = f"{_short(old, 30)} → {_short(new, 30)}"
        display = (
            _local_time(entry),
            rec.user,
            _entity_label(rec.entity),
            rec.entity_label,
            field,
            change,
            batch_label(self.batch(rec.batch)),
        )
        sort = (
            entry.id,
            rec.user.casefold(),
            display[2].casefold(),
            rec.entity_label.casefold(),
            field.casefold(),
            change.casefold(),
            display[6].casefold(),
        )
        return _Row(entry, display, sort)

    def _tooltip(self, key: str) -> Callable[[_Row], str | None]:
        return lambda row: self._tooltip_of(row, key)

    def _tooltip_of(self, row: _Row, key: str) -> str | None:
        rec = row.entry.record
        if key == "change":
            if is_deletion(rec):
                try:
                    text = json.dumps(json.loads(rec.old or ""), ensure_ascii=False, indent=1)
                except ValueError:
                    text = rec.old or ""
                return text if len(text) <= _TIP else text[:_TIP] + "\n…"
            if rec.field == "":
                return _value(rec.new)
            old = value_label(rec.field, rec.old, self.names)
            return f"{old}\n→\n{value_label(rec.field, rec.new, self.names)}"
        if key == "field":
            return field_label(rec.field, rec.entity) or None
        if key == "record":
            return f"{_entity_label(rec.entity)}: {rec.entity_label} ({rec.entity_uid})"
        if key == "at":
            return rec.at.astimezone().isoformat(timespec="seconds")
        return row.display[COLUMNS.index(key)] or None


class HistoryFilterProxy(SortKeyProxy):
    """Filters history rows by words (all must occur), sorts by the rows' sort keys."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        source = self.sourceModel()
        assert isinstance(source, HistoryTableModel)
        return self.matches(source.haystack(source_row))


class HistoryView(LazyView):
    """Verlauf: who changed what in the current organisation; restore and undo."""

    openActivity = Signal(str, str)
    """(activity uid, field path or "") to open in the editor."""
    openOrganisation = Signal(str)
    """(field path or "") of the organisation's master data to open."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = HistoryTableModel(self)
        self.proxy = HistoryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._has_more = False

        self.filter = named(QLineEdit(self), "history.filter")
        self.filter.setPlaceholderText(self.tr("Filter the changes shown (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.filter.setFocus)

        self.open_button = named(QPushButton(self.tr("&Open"), self), "history.open")
        self.open_button.clicked.connect(self.open_current)
        self.restore_button = named(
            QPushButton(self.tr("&Restore activity"), self), "history.restore"
        )
        self.restore_button.clicked.connect(self.restore_current)
        self.undo_button = named(QPushButton(self.tr("&Undo batch …"), self), "history.undoBatch")
        self.undo_button.clicked.connect(self.undo_current_batch)
        self.more_button = named(QPushButton(self.tr("Load &more"), self), "history.loadMore")
        self.more_button.clicked.connect(self.load_more)
        self.status = named(QLabel(self), "history.status")

        self.table = named(QTableView(self), "history.table")
        self.table.setAccessibleName(self.tr("Changes"))
        newest_first(self.table, self.proxy, (130, 90, 90, 220, 200, 260))
        connect_open(self.table, self._double_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)

        top = QHBoxLayout()
        label = QLabel(self.tr("&Filter:"), self)
        label.setBuddy(self.filter)
        top.addWidget(label)
        top.addWidget(self.filter, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.restore_button)
        top.addWidget(self.undo_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        QWidget.setTabOrder(self.filter, self.table)
        QWidget.setTabOrder(self.table, self.open_button)
        QWidget.setTabOrder(self.open_button, self.restore_button)
        QWidget.setTabOrder(self.restore_button, self.undo_button)
        QWidget.setTabOrder(self.undo_button, self.more_button)
        self._update_actions()

    # --- loading ----------------------------------------------------------------

    def refresh(self) -> None:
        """Read the newest :data:`PAGE` changes of the current organisation."""
        self._dirty = False
        name = self.session.organisation_name
        entries: list[HistoryEntry] = []
        batches: dict[str, ChangeBatch] = {}
        if name is not None:
            try:
                entries = self.session.store.organisation_history(name, limit=PAGE)
            except StoreError:  # the organisation vanished meanwhile (e.g. another user)
                entries = []
            batches = {b.uid: b for b in self.session.store.batches()}
        self._has_more = len(entries) == PAGE
        catalogue = self.session.catalogue()
        self.model.names = {
            **{e.record.entity_uid: e.record.entity_label for e in entries},  # deleted ones
            **{r.uid: r.name for r in catalogue.recipients},
            **{t.uid: t.title for t in catalogue.toms},
            **{pr.uid: pr.name for pr in catalogue.processors},
            **{o.uid: o.name for o in self.session.organisations(include_archived=True)},
        }
        self.model.set_entries(entries, batches)
        self._update_actions()

    def load_more(self) -> None:
        """Read the next :data:`PAGE` older changes and add them to the list."""
        name = self.session.organisation_name
        last = self.model.last_id()
        if name is None or last is None or not self._has_more:
            return
        older = self.session.store.organisation_history(name, limit=PAGE, before=last)
        self._has_more = len(older) == PAGE
        self.model.append_entries(older)
        self._update_actions()

    def has_more(self) -> bool:
        """True when older changes than those shown may exist."""
        return self._has_more

    # --- selection and actions -----------------------------------------------------

    def select_row(self, proxy_row: int) -> None:
        """Make ``proxy_row`` the current row."""
        self.table.selectRow(proxy_row)
        self.table.setCurrentIndex(self.proxy.index(proxy_row, 0))

    def entry_at(self, proxy_row: int) -> HistoryEntry:
        """The entry shown in ``proxy_row``."""
        return self.model.entry_at(self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row())

    def current_entry(self) -> HistoryEntry | None:
        """The entry of the current row, None when there is none."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry_at(self.proxy.mapToSource(index).row())

    def can_open(self, entry: HistoryEntry | None) -> bool:
        """Whether the record of ``entry`` exists and can be opened."""
        if entry is None:
            return False
        rec = entry.record
        if rec.entity == "activity":
            return self.session.activity(rec.entity_uid) is not None
        org = self.session.organisation()
        return rec.entity == "organisation" and org is not None and org.uid == rec.entity_uid

    def can_restore(self, entry: HistoryEntry | None) -> bool:
        """Whether ``entry`` is the deletion of an activity that does not exist again."""
        return (
            entry is not None
            and is_deletion(entry.record)
            and self.session.organisation() is not None
            and self.session.activity(entry.record.entity_uid) is None
        )

    def can_undo(self, entry: HistoryEntry | None) -> bool:
        """Whether ``entry`` belongs to a batch that may be undone."""
        batch = self.model.batch(entry.record.batch) if entry is not None else None
        return batch is not None and not batch.undone and batch.kind not in NOT_UNDOABLE

    def open_current(self) -> None:
        """Open the record of the current row at the changed field."""
        entry = self.current_entry()
        if not self.can_open(entry):
            return
        assert entry is not None
        rec = entry.record
        path = "" if rec.field.startswith("#") else rec.field
        if rec.entity == "activity":
            self.openActivity.emit(rec.entity_uid, path)
        else:
            self.openOrganisation.emit(path if rec.field != "version" else "")

    def restore_current(self) -> None:
        """Recreate the deleted activity of the current row in the current organisation."""
        entry = self.current_entry()
        org = self.session.organisation()
        if not self.can_restore(entry) or org is None:
            return
        assert entry is not None
        rec = entry.record
        title = self.tr("Restore activity")
        if entry.organisation != org.uid:
            question = self.tr(
                "It is not recorded which organisation “{name}” was deleted from. "
                "Restore it into “{organisation}”?"
            ).format(name=rec.entity_label, organisation=org.name)
            if not prompts.confirm(self, title, question):
                return
        try:
            self.session.store.restore_activity(rec.entity_uid, org.uid)
        except (StoreError, ValueError) as exc:  # ValueError: snapshot no longer readable
            prompts.show_error(self, title, exc)
            return
        self.session.reload()

    def undo_current_batch(self) -> None:
        """Undo the whole batch of the current row, after asking."""
        entry = self.current_entry()
        if not self.can_undo(entry):
            return
        assert entry is not None
        batch = self.model.batch(entry.record.batch)
        assert batch is not None
        title = self.tr("Undo batch")
        at = batch.at.astimezone()
        question = self.tr(
            "Undo everything “{batch}” changed ({when}, {user})? Records it created are "
            "deleted, records it replaced get their previous content back."
        ).format(batch=batch_label(batch), when=f"{p.format_date(at)} {at:%H:%M}", user=batch.user)
        if not prompts.confirm(self, title, question):
            return
        try:
            self.session.store.undo_batch(batch.uid)
        except StoreError as exc:
            prompts.show_error(self, title, exc)
            return
        self.session.reload()

    # --- plumbing ---------------------------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_actions()

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.open_current()

    def _update_actions(self, *_: Any) -> None:
        entry = self.current_entry()
        self.open_button.setEnabled(self.can_open(entry))
        self.restore_button.setEnabled(self.can_restore(entry))
        self.undo_button.setEnabled(self.can_undo(entry))
        self.more_button.setEnabled(self._has_more)
        shown, loaded = self.proxy.rowCount(), self.model.rowCount()
        if shown == loaded:
            text = self.tr("%n change(s)", "", loaded)
        else:
            text = self.tr("%n of the changes read", "", shown)
        if self._has_more:
            text += " " + self.tr("(newest first; older ones with “Load more”)")
        self.status.setText(text)
