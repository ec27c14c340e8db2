"""The Drittlandübermittlungen page: every third-country transfer of the organisation.

One row per transfer entry of an activity (country, recipient, mechanism,
documentation) with a status mark from the rules' findings on that transfer,
plus one row per processor or recipient in a third country that an activity
uses without a transfer entry (the rules flag these as
``third-country-no-transfer``). Filter by country; a double-click opens the
activity at the transfer (or at the processor/recipient link).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.domain.rules import Finding, Severity
from ropa_desktop.ui.common.item_models import Index, SortKeyProxy
from ropa_desktop.ui.common.lazy_view import LazyView, connect_open
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.common.record_model import Column, RecordTableModel, italic_font
from ropa_desktop.ui.common.severity import severity_icon, worst
from ropa_desktop.ui.common.tables import read_only_rows
from ropa_desktop.ui.session import Session

COLUMNS = ("status", "activity", "country", "recipient", "mechanism", "documentation")
"""Column keys of the transfers table."""

MISSING_CODE = "third-country-no-transfer"
"""Rule code of a third-country processor or recipient used without a transfer entry."""


@dataclass(slots=True)
class TransferRow:
    """One transfer of an activity (``missing``: a third-country party without one)."""

    uid: str
    path: str
    activity: str
    country_key: str
    country: str
    recipient: str
    mechanism: str
    documentation: str
    findings: list[Finding] = field(default_factory=list)
    missing: bool = False

    @property
    def severity(self) -> Severity | None:
        """The most serious finding on this transfer, None when there is none."""
        return worst(self.findings)


def _country(text: str) -> tuple[str, str]:
    """(filter key, label) of a transfer's country as written."""
    code = vocab.country_code(text) if text.strip() else None
    if code is not None:
        return code, p.country(code)
    return text.strip().upper(), p.country(text.strip())


def _on_path(finding: Finding, path: str) -> bool:
    return finding.field is not None and (
        finding.field == path or finding.field.startswith((path + ".", path + "["))
    )


def transfer_rows(session: Session) -> list[TransferRow]:
    """The transfers (and missing transfers) of the current organisation's activities."""
    org = session.organisation()
    if org is None:
        return []
    catalogue = session.catalogue()
    processors = catalogue.processors_by_uid()
    recipients = catalogue.recipients_by_uid()
    result: list[TransferRow] = []
    for act in org.activities:
        findings = session.findings(act.uid)
        for i, t in enumerate(act.transfers):
            path = f"transfers[{i}]"
            key, label = _country(t.country)
            name = t.recipient.strip() or (
                processors[t.processor].name if t.processor in processors else ""
            )
            result.append(
                TransferRow(
                    act.uid,
                    path,
                    act.name,
                    key,
                    label,
                    name,
                    p.mechanism(t),
                    t.documentation,
                    [f for f in findings if _on_path(f, path)],
                )
            )
        for f in findings:
            if f.code != MISSING_CODE or f.field is None:
                continue
            kind, _, rest = f.field.partition("[")
            try:
                index = int(rest.rstrip("]"))
            except ValueError:
                continue
            if kind == "processors" and index < len(act.processors):
                party: Any = processors.get(act.processors[index].processor)
            elif kind == "recipients" and index < len(act.recipients):
                party = recipients.get(act.recipients[index])
            else:
                continue
            if party is None:
                continue
            key, label = _country(party.country)
            result.append(
                TransferRow(
                    act.uid, f.field, act.name, key, label, party.name, "", "", [f], missing=True
                )
            )
    return result


class TransfersTableModel(RecordTableModel[TransferRow]):
    """Transfer rows, a thin adapter over a list."""

    def columns(self) -> list[Column[TransferRow]]:
        headers = {
            "status": self.tr("Status"),
            "activity": self.tr("Activity"),
            "country": self.tr("Country"),
            "recipient": self.tr("Recipient / processor"),
            "mechanism": self.tr("Mechanism"),
            "documentation": self.tr("Documentation"),
        }
        status: Column[TransferRow] = Column(
            headers["status"],
            lambda r: self._text(r, "status"),
            sort=lambda r: r.severity.rank if r.severity else 9,
            tooltip=lambda r: "\n".join(f.message for f in r.findings) or self.tr("No findings"),
            icon=lambda r: severity_icon(r.severity),
        )
        return [status, *(self._text_column(headers[key], key) for key in COLUMNS[1:])]

    def _text_column(self, header: str, key: str) -> Column[TransferRow]:
        def text(row: TransferRow) -> str:
            return self._text(row, key)

        def font(row: TransferRow) -> QFont | None:
            return italic_font() if row.missing else None

        return Column(
            header,
            text,
            sort=lambda r: text(r).casefold(),
            tooltip=lambda r: text(r) or None,
            font=font if key == "mechanism" else None,
        )

    def countries(self) -> list[tuple[str, str]]:
        """(key, label) of the countries the rows name, sorted by label."""
        found = {r.country_key: r.country for r in self.all_rows() if r.country_key}
        return sorted(found.items(), key=lambda kv: kv[1].casefold())

    def _text(self, row: TransferRow, key: str) -> str:
        if key == "status":
            sev = row.severity
            if sev == Severity.ERROR:
                return self.tr("Error")
            if sev == Severity.WARNING:
                return self.tr("Warning")
            if sev == Severity.INFO:
                return self.tr("Note")
            return self.tr("OK")
        if key == "mechanism" and row.missing:
            return self.tr("no transfer recorded")
        return str(getattr(row, key))


class TransfersFilterProxy(SortKeyProxy):
    """Filters transfers by country; sorts by the rows' sort keys."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._country = ""

    def set_country(self, key: str) -> None:
        """Show only transfers to the country ``key`` ("": all)."""
        self.set_criterion("_country", key)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._country:
            return True
        source = self.sourceModel()
        assert isinstance(source, TransfersTableModel)
        return source.row_at(source_row).country_key == self._country


class TransfersView(LazyView):
    """Drittlandübermittlungen: all third-country transfers of the organisation."""

    openActivity = Signal(str, str)
    """(activity uid, field path such as "transfers[0]") to open in the editor."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = TransfersTableModel(self)
        self.proxy = TransfersFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.country = named(QComboBox(self), "transfers.country")
        self.country.currentIndexChanged.connect(self._country_changed)
        self.count_label = named(QLabel(self), "transfers.count")
        self.open_button = named(QPushButton(self.tr("&Open"), self), "transfers.open")
        self.open_button.clicked.connect(self.open_current)

        self.table = named(QTableView(self), "transfers.table")
        self.table.setAccessibleName(self.tr("Third-country transfers"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        read_only_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((80, 260, 150, 220, 260)):
            self.table.setColumnWidth(column, width)
        connect_open(self.table, self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)

        top = QHBoxLayout()
        label = QLabel(self.tr("&Country:"), self)
        label.setBuddy(self.country)
        top.addWidget(label)
        top.addWidget(self.country)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.country, self.table)
        QWidget.setTabOrder(self.table, self.open_button)
        self._fill_countries()
        self._update_actions()

    def refresh(self) -> None:
        """Collect the transfers of the current organisation anew."""
        self._dirty = False
        self.model.set_rows(transfer_rows(self.session))
        self._fill_countries()
        self._update_actions()

    def set_country_filter(self, key: str) -> None:
        """Choose the country ``key`` (e.g. "US"; "" for all) in the country box."""
        self.country.setCurrentIndex(max(0, self.country.findData(key)))

    def row_at(self, proxy_row: int) -> TransferRow:
        """The transfer shown in ``proxy_row``."""
        return self.model.row_at(self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row())

    def select_row(self, proxy_row: int) -> None:
        """Make ``proxy_row`` the current row."""
        self.table.selectRow(proxy_row)
        self.table.setCurrentIndex(self.proxy.index(proxy_row, 0))

    def open_current(self) -> None:
        """Open the activity of the current row at its transfer."""
        index = self.table.currentIndex()
        if index.isValid():
            row = self.model.row_at(self.proxy.mapToSource(index).row())
            self.openActivity.emit(row.uid, row.path)

    # --- plumbing -------------------------------------------------------------------

    def _fill_countries(self) -> None:
        chosen = self.country.currentData() or ""
        self.country.blockSignals(True)
        self.country.clear()
        self.country.addItem(self.tr("All countries"), "")
        for key, label in self.model.countries():
            self.country.addItem(label, key)
        self.country.setCurrentIndex(max(0, self.country.findData(chosen)))
        self.country.blockSignals(False)
        self._country_changed()

    def _country_changed(self, *_: Any) -> None:
        self.proxy.set_country(self.country.currentData() or "")
        self._update_actions()

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.open_current()

    def _update_actions(self, *_: Any) -> None:
        self.open_button.setEnabled(self.table.currentIndex().isValid())
        self.count_label.setText(self.tr("%n transfer(s)", "", self.proxy.rowCount()))
