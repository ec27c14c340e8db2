"""Item models of the activity list: a table that holds ids and a filter over it.

:class:`ActivityTableModel` holds only the uids of the organisation's activities
and builds a row's texts when a view first asks for it (the Anki pattern), so a
register of any size opens at once; :class:`ActivityFilterProxy` filters by a
search over every text of an activity, by status and by the worst finding.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.rules import Finding, Severity, completeness
from ropa_desktop.ui.common.item_models import SORT_ROLE, Index, SortKeyProxy
from ropa_desktop.ui.common.severity import severity_icon, worst
from ropa_desktop.ui.session import Change, Session

UID_ROLE = Qt.ItemDataRole.UserRole + 1


COLUMNS = ("reference", "name", "department", "status", "completeness", "next_review", "changed")
"""Column keys, in the default order."""


def _strings(obj: Any, out: list[str]) -> None:
    # Texts are collected where they are met instead of one call each: a row's search
    # text is built for every row of a list when it is sorted.
    if isinstance(obj, str):
        if obj:
            out.append(obj)
    elif isinstance(obj, list):
        for item in obj:
            if isinstance(item, str):
                if item:
                    out.append(item)
            else:
                _strings(item, out)
    elif hasattr(obj, "__slots__") and not isinstance(obj, (date, datetime)):
        for name in obj.__slots__:
            value = getattr(obj, name)
            if isinstance(value, str):
                if value:
                    out.append(value)
            elif value is not None and not isinstance(value, (bool, int, float)):
                _strings(value, out)


class Lookup:
    """The catalogue's entries by uid, built once per catalogue for every row's search text."""

    def __init__(self, catalogue: m.Register) -> None:
        self.catalogue = catalogue
        self.processors = catalogue.processors_by_uid()
        self.recipients = catalogue.recipients_by_uid()
        self.toms = catalogue.toms_by_uid()


def search_text(act: m.Activity, lookup: Lookup) -> str:
    """Every text the record shows, folded for searching: its own texts, the names of its
    processors, recipients and measures, transfer countries and mechanisms, legal bases
    (citation and meaning), retention rules, status and markers in the UI language."""
    out: list[str] = []
    _strings(act, out)
    processors, recipients, toms = lookup.processors, lookup.recipients, lookup.toms
    for link in act.processors:
        if (proc := processors.get(link.processor)) is not None:
            out.extend((proc.name, p.country(proc.country), proc.city))
    for uid in act.recipients:
        if (rec := recipients.get(uid)) is not None:
            out.extend((rec.name, rec.category, p.country(rec.country)))
    for uid in act.toms:
        if (tom := toms.get(uid)) is not None:
            out.append(tom.title)
    out.extend(p.legal_basis_long(ref) for purpose in act.purposes for ref in purpose.legal_bases)
    for t in act.transfers:
        out.extend((p.country(t.country), p.mechanism(t)))
        if t.processor and (proc := processors.get(t.processor)) is not None:
            out.append(proc.name)
    for c in act.data_categories:
        out.extend((p.retention(c.retention), p.SPECIAL[c.special]()))
    out.append(p.STATUS[act.status]())
    return "\n".join(out).casefold()


class _Row:
    __slots__ = ("_findings", "_haystack", "_severity", "_text", "display", "sort", "status")

    def __init__(
        self,
        display: tuple[str, ...],
        sort: tuple[Any, ...],
        text: Callable[[], str],
        status: m.ActivityStatus,
        findings: Callable[[], list[Finding]],
    ) -> None:
        self.display = display
        self.sort = sort
        self.status = status
        self._text: Callable[[], str] | None = text
        self._haystack = ""
        self._findings: Callable[[], list[Finding]] | None = findings
        self._severity: Severity | None = None

    @property
    def haystack(self) -> str:
        """The row's folded search text (:func:`search_text`), built on the first search."""
        if self._text is not None:
            self._haystack = self._text()
            self._text = None
        return self._haystack

    @property
    def severity(self) -> Severity | None:
        """The worst finding of the row's activity; the rules run when it is first asked
        for (a painted row, the finding filter), not for every row a sort builds."""
        if self._findings is not None:
            self._severity = worst(self._findings())
            self._findings = None
        return self._severity


class ActivityTableModel(QAbstractTableModel):
    """The current organisation's activities: holds uids, builds rows on demand."""

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._uids: list[str] = []
        self._rows: dict[str, _Row] = {}
        self._catalogue_lookup: Lookup | None = None
        session.organisationChanged.connect(self.refresh)
        session.changed.connect(self._on_changed)
        self.refresh()

    # --- Qt interface -------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._uids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header(COLUMNS[section])

    def header(self, key: str) -> str:
        """The column title of ``key``."""
        if key == "completeness":
            return self.tr("Completeness")
        if key == "next_review":
            return self.tr("Next review")
        if key == "changed":
            return self.tr("Last changed")
        if key == "department":
            return self.tr("Department")
        if key == "name":
            return self.tr("Name")
        return p.FIELD_LABELS[key]()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        uid = self._uids[index.row()]
        if role == UID_ROLE:
            return uid
        row = self.row_info(index.row())
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display[index.column()]
        if role == SORT_ROLE:
            return row.sort[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and key == "completeness":
            return severity_icon(row.severity)
        if role == Qt.ItemDataRole.ToolTipRole and key == "completeness":
            return self._severity_tip(row.severity)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("completeness", "reference"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- for the proxy and the views ----------------------------------------

    def uid_at(self, row: int) -> str:
        """The uid shown in ``row``."""
        return self._uids[row]

    def row_of(self, uid: str) -> int:
        """The row of ``uid``, -1 when the list does not hold it."""
        try:
            return self._uids.index(uid)
        except ValueError:
            return -1

    def row_info(self, row: int) -> _Row:
        """Texts, sort keys, search text, status and worst finding of a row (built once)."""
        uid = self._uids[row]
        info = self._rows.get(uid)
        if info is None:
            info = self._rows[uid] = self._build(uid)
        return info

    def refresh(self) -> None:
        """Reload the list of uids from the session."""
        self.beginResetModel()
        self._uids = self.session.activity_uids()
        self._forget_rows()
        self.endResetModel()

    # --- plumbing ------------------------------------------------------------

    def _on_changed(self, what: Change) -> None:
        if what == Change.VERSIONS:  # a frozen copy: the working activities are as they were
            return
        if what == Change.ACTIVITIES and set(self._uids) == set(self.session.activity_uids()):
            # The same records, some changed: drop the built rows, keep the selection.
            self._forget_rows()
            if self._uids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._uids) - 1, len(COLUMNS) - 1)
                )
            return
        self.refresh()

    def _forget_rows(self) -> None:
        self._rows = {}
        self._catalogue_lookup = None

    def _build(self, uid: str) -> _Row:
        act = self.session.activity(uid)
        assert act is not None
        share = completeness(act)
        lookup = self._lookup()
        display = (
            act.reference,
            act.name,
            act.department,
            p.STATUS[act.status](),
            f"{round(share * 100)} %",
            p.format_date(act.next_review),
            p.format_date(act.changed.date()),
        )
        sort = (
            _natural(act.reference),
            act.name.casefold(),
            act.department.casefold(),
            list(m.ActivityStatus).index(act.status),
            share,
            act.next_review or date.max,
            act.changed,
        )
        findings = self.session.findings
        return _Row(
            display,
            sort,
            lambda: search_text(act, lookup),
            act.status,
            lambda: findings(uid),
        )

    def _lookup(self) -> Lookup:
        catalogue = self.session.catalogue()
        if self._catalogue_lookup is None or self._catalogue_lookup.catalogue is not catalogue:
            self._catalogue_lookup = Lookup(catalogue)
        return self._catalogue_lookup

    def _severity_tip(self, severity: Severity | None) -> str:
        if severity == Severity.ERROR:
            return self.tr("Mandatory items missing or wrong (see the editor)")
        if severity == Severity.WARNING:
            return self.tr("Warnings (see the editor)")
        if severity == Severity.INFO:
            return self.tr("Notes (see the editor)")
        return self.tr("No findings")


def _natural(text: str) -> tuple[Any, ...]:
    """Sort key that puts "VT-2" before "VT-10"."""
    parts: list[Any] = []
    number = ""
    word = ""
    for ch in text.casefold():
        if ch.isdigit():
            if word:
                parts.append((1, word))
                word = ""
            number += ch
        else:
            if number:
                parts.append((0, int(number)))
                number = ""
            word += ch
    if number:
        parts.append((0, int(number)))
    if word:
        parts.append((1, word))
    return tuple(parts)


SEVERITY_FILTERS = ("all", "error", "warning", "clean")
"""Choices of the finding filter: everything, with errors, with warnings or worse, clean."""


class ActivityFilterProxy(SortKeyProxy):
    """Filters the activity table by search words, status and worst finding; sorts naturally."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._status: m.ActivityStatus | None = None
        self._severity = "all"
        self.setDynamicSortFilter(False)

    def set_status(self, status: m.ActivityStatus | None) -> None:
        """Show only activities of ``status`` (None: all)."""
        self.set_criterion("_status", status)

    def set_severity(self, choice: str) -> None:
        """Filter by the worst finding, one of :data:`SEVERITY_FILTERS`."""
        if choice not in SEVERITY_FILTERS:
            raise ValueError(choice)
        self.set_criterion("_severity", choice)

    def uid_at(self, row: int) -> str:
        """The uid shown in proxy row ``row``."""
        return str(self.data(self.index(row, 0), UID_ROLE) or "")

    def lessThan(self, left: Index, right: Index) -> bool:
        # The sort keys straight from the rows: what SORT_ROLE gives, without asking
        # the model through Qt twice per comparison.
        source = self.sourceModel()
        assert isinstance(source, ActivityTableModel)
        column = left.column()
        a = source.row_info(left.row()).sort[column]
        b = source.row_info(right.row()).sort[column]
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        assert isinstance(source, ActivityTableModel)
        if not (self._words or self._status or self._severity != "all"):
            return True
        row = source.row_info(source_row)
        if self._status is not None and row.status != self._status:
            return False
        if self._severity == "error" and row.severity != Severity.ERROR:
            return False
        if self._severity == "warning" and row.severity not in (Severity.ERROR, Severity.WARNING):
            return False
        if self._severity == "clean" and row.severity is not None:
            return False
        return self.matches(row.haystack)
