"""The Prüfung page: every finding of the rules for the current organisation in one table.

Filter by severity and words, counts at the top, "Check again" to run the rules
anew; a double-click opens the activity (or the organisation's master data) at
the field the finding names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain.rules import Finding, Severity, check_organisation
from ropa_desktop.ui.common.item_models import Index, SortKeyProxy
from ropa_desktop.ui.common.lazy_view import LazyView, connect_open
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.common.record_model import Column, RecordTableModel, display_of, sort_of
from ropa_desktop.ui.common.severity import severity_icon
from ropa_desktop.ui.common.tables import read_only_rows
from ropa_desktop.ui.pages.history_text import field_label
from ropa_desktop.ui.session import Session

COLUMNS = ("severity", "activity", "field", "message", "code")
"""Column keys of the findings table."""

SEVERITY_FILTERS = ("all", "error", "warning", "info")
"""Choices of the severity filter: everything or exactly one severity."""


class _Row:
    __slots__ = ("display", "finding", "haystack", "sort", "uid")

    def __init__(self, finding: Finding, uid: str | None, display: tuple[str, ...]) -> None:
        self.finding = finding
        self.uid = uid
        self.display = display
        self.sort = (
            finding.severity.rank,
            display[1].casefold(),
            display[2].casefold(),
            display[3].casefold(),
            finding.code,
        )
        self.haystack = "\n".join(display).casefold()


def resolve_uids(findings: list[Finding], session: Session) -> list[str | None]:
    """The uid of the activity each finding is about (None: the organisation, a
    processing service or nothing the session knows).

    Findings name activities by name (or reference); where several activities
    share it, the one whose own findings contain the finding is taken.
    """
    org = session.organisation()
    if org is None:
        return [None] * len(findings)
    by_label: dict[str, list[m.Activity]] = {}
    for act in org.activities:
        for label in {act.name.strip(), act.reference.strip()}:
            by_label.setdefault(label, []).append(act)
    unnamed = by_label.get("", [])
    result: list[str | None] = []
    for f in findings:
        if f.activity is None:
            result.append(None)
            continue
        candidates = by_label.get(f.activity, []) or unnamed
        if len(candidates) == 1 and candidates[0].name.strip() == f.activity:
            result.append(candidates[0].uid)
            continue
        result.append(next((a.uid for a in candidates if f in session.findings(a.uid)), None))
    return result


class FindingsTableModel(RecordTableModel[_Row]):
    """Findings with the activity each one is about; a thin adapter over a list."""

    def columns(self) -> list[Column[_Row]]:
        headers = {
            "severity": self.tr("Severity"),
            "activity": self.tr("Activity"),
            "field": self.tr("Field"),
            "message": self.tr("Finding"),
            "code": self.tr("Rule"),
        }
        tips: dict[str, Callable[[_Row], str | None]] = {
            "message": lambda r: r.finding.message,
            "field": lambda r: r.display[2] or None,
        }
        icons: dict[str, Callable[[_Row], QIcon | None]] = {
            "severity": lambda r: severity_icon(r.finding.severity)
        }
        return [
            Column(
                headers[key], display_of(i), sort_of(i), tooltip=tips.get(key), icon=icons.get(key)
            )
            for i, key in enumerate(COLUMNS)
        ]

    def set_findings(self, findings: list[Finding], uids: list[str | None]) -> None:
        """Show ``findings``; ``uids`` are the activities they are about."""
        self.set_rows(
            [
                _Row(
                    f,
                    uid,
                    (
                        self.severity_text(f.severity),
                        f.activity or self.tr("(organisation)"),
                        field_label(f.field, "activity" if f.activity else "organisation"),
                        f.message,
                        f.code,
                    ),
                )
                for f, uid in zip(findings, uids, strict=True)
            ]
        )

    def finding_at(self, row: int) -> tuple[Finding, str | None]:
        """The finding of source row ``row`` and the uid of its activity (or None)."""
        r = self.row_at(row)
        return r.finding, r.uid

    def haystack(self, row: int) -> str:
        """The folded texts of a row, for the search."""
        return self.row_at(row).haystack

    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity the model holds."""
        result = dict.fromkeys(Severity, 0)
        for r in self.all_rows():
            result[r.finding.severity] += 1
        return result

    def severity_text(self, severity: Severity) -> str:
        """ "Error", "Warning" or "Note"."""
        if severity == Severity.ERROR:
            return self.tr("Error")
        if severity == Severity.WARNING:
            return self.tr("Warning")
        return self.tr("Note")


class FindingsFilterProxy(SortKeyProxy):
    """Filters findings by severity and words; sorts by the rows' sort keys."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._severity = "all"

    def set_severity(self, choice: str) -> None:
        """Show one severity only, or all: one of :data:`SEVERITY_FILTERS`."""
        if choice not in SEVERITY_FILTERS:
            raise ValueError(choice)
        self.set_criterion("_severity", choice)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        assert isinstance(source, FindingsTableModel)
        finding, _ = source.finding_at(source_row)
        if self._severity != "all" and finding.severity.value != self._severity:
            return False
        return self.matches(source.haystack(source_row))


class FindingsView(LazyView):
    """Prüfung: the findings of the current organisation, to work through one by one."""

    openActivity = Signal(str, str)
    """(activity uid, field path or "") to open in the editor."""
    openOrganisation = Signal(str)
    """(field path or "") of the organisation's master data to open."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = FindingsTableModel(self)
        self.proxy = FindingsFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.counts_label = named(QLabel(self), "findings.counts")
        self.severity = named(QComboBox(self), "findings.severity")
        labels = {
            "all": self.tr("All findings"),
            "error": self.tr("Errors"),
            "warning": self.tr("Warnings"),
            "info": self.tr("Notes"),
        }
        for key in SEVERITY_FILTERS:
            self.severity.addItem(labels[key], key)
        self.severity.currentIndexChanged.connect(self._filters_changed)
        self.search = named(QLineEdit(self), "findings.search")
        self.search.setPlaceholderText(self.tr("Search the findings (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filters_changed)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)
        self.check_button = named(QPushButton(self.tr("&Check again"), self), "findings.check")
        self.check_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.check_button.clicked.connect(self.check_again)
        self.open_button = named(QPushButton(self.tr("&Open"), self), "findings.open")
        self.open_button.clicked.connect(self.open_current)

        self.table = named(QTableView(self), "findings.table")
        self.table.setAccessibleName(self.tr("Findings"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        read_only_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((100, 240, 220, 420)):
            self.table.setColumnWidth(column, width)
        connect_open(self.table, self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)

        top = QHBoxLayout()
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.check_button)
        filters = QHBoxLayout()
        severity_label = QLabel(self.tr("&Severity:"), self)
        severity_label.setBuddy(self.severity)
        search_label = QLabel(self.tr("S&earch:"), self)
        search_label.setBuddy(self.search)
        filters.addWidget(severity_label)
        filters.addWidget(self.severity)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.severity, self.search)
        QWidget.setTabOrder(self.search, self.table)
        QWidget.setTabOrder(self.table, self.open_button)
        QWidget.setTabOrder(self.open_button, self.check_button)
        self._update_actions()

    # --- loading ------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the session's (cached) findings of the current organisation."""
        self._show(self.session.organisation_findings())

    def check_again(self) -> None:
        """Run the rules anew (e.g. after a review date has passed) and show the result."""
        org = self.session.organisation()
        self._show([] if org is None else check_organisation(org, self.session.register()))

    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity the organisation has (ignoring the filters)."""
        return self.model.counts()

    # --- selection and actions -------------------------------------------------------

    def set_severity_filter(self, choice: str) -> None:
        """Choose one of :data:`SEVERITY_FILTERS` in the severity box."""
        self.severity.setCurrentIndex(self.severity.findData(choice))

    def finding_at(self, proxy_row: int) -> tuple[Finding, str | None]:
        """The finding in ``proxy_row`` and the uid of its activity (or None)."""
        return self.model.finding_at(self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row())

    def select_row(self, proxy_row: int) -> None:
        """Make ``proxy_row`` the current row."""
        self.table.selectRow(proxy_row)
        self.table.setCurrentIndex(self.proxy.index(proxy_row, 0))

    def open_current(self) -> None:
        """Open what the current finding is about, at its field."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        finding, uid = self.model.finding_at(self.proxy.mapToSource(index).row())
        if uid is not None:
            self.openActivity.emit(uid, finding.field or "")
        elif finding.activity is None:
            self.openOrganisation.emit(finding.field or "")

    # --- plumbing ------------------------------------------------------------------------

    def _show(self, findings: list[Finding]) -> None:
        self._dirty = False
        self.model.set_findings(findings, resolve_uids(findings, self.session))
        counts = self.model.counts()
        self.counts_label.setText(
            ", ".join(
                (
                    self.tr("%n error(s)", "", counts[Severity.ERROR]),
                    self.tr("%n warning(s)", "", counts[Severity.WARNING]),
                    self.tr("%n note(s)", "", counts[Severity.INFO]),
                )
            )
        )
        self._update_actions()

    def _filters_changed(self, *_: Any) -> None:
        self.proxy.set_search(self.search.text())
        self.proxy.set_severity(self.severity.currentData() or "all")
        self._update_actions()

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.open_current()

    def _update_actions(self, *_: Any) -> None:
        index = self.table.currentIndex()
        enabled = False
        if index.isValid():
            finding, uid = self.model.finding_at(self.proxy.mapToSource(index).row())
            enabled = uid is not None or finding.activity is None
        self.open_button.setEnabled(enabled)
