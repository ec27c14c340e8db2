"""Item models of the import dialog: the column mapping (editable) and the row preview.

:class:`MappingModel` lists the source columns of one sheet (or the labels of a form)
with the target field the import engine chose; the target is editable through
:class:`TargetDelegate` (a combo box). Choices the user made are kept apart from what
the engine detected, and :func:`profile_for` turns both into a
:class:`~ropa_desktop.io.importing.mapping.MappingProfile` that the engine plans with.
:class:`PreviewModel` shows one line per data row of an
:class:`~ropa_desktop.io.importing.report.ImportReport`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ropa_desktop.domain.import_fields import LABELS, Target
from ropa_desktop.domain.rules import Severity
from ropa_desktop.io.importing.headers import normalise_header
from ropa_desktop.io.importing.mapping import FormLayout, MappingProfile, TableLayout
from ropa_desktop.io.importing.report import ImportReport, RowResult, Status
from ropa_desktop.io.sheets.reader import Sheet
from ropa_desktop.io.sheets.types import cell_ref, column_letter, one_line
from ropa_desktop.ui.common.item_models import Index, SortKeyProxy
from ropa_desktop.ui.common.record_model import Column, RecordTableModel, italic_font
from ropa_desktop.ui.common.severity import severity_icon

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
"""The value of a mapping row's :class:`Target`; "" when the column goes to no field."""
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
"""The :class:`Status` of a preview row."""

UNMAPPED_BACKGROUND = QColor("#fff3cd")
"""Background of mapping rows whose column goes to no field (kept in the notes)."""

STATUS_SEVERITY = {Status.OK: None, Status.WARNING: Severity.WARNING, Status.ERROR: Severity.ERROR}
"""The finding severity whose icon marks a report status."""


def target_label(target: Target | None) -> str:
    """The label of a target field as the mapping table shows it."""
    if target is None:
        return QCoreApplication.translate("ImportDialog", "— not imported (kept in notes) —")
    return LABELS[target]()


def target_choices() -> list[Target | None]:
    """Every choice of the target combo: unmapped, not imported, then the fields in order."""
    return [None, Target.IGNORE, *(t for t in Target if t is not Target.IGNORE)]


# --- mapping ------------------------------------------------------------------------------


@dataclass(slots=True)
class MappingEntry:
    """One source column of a table (or one label of a form) and where it goes."""

    position: str
    """Column letter ("C") of a table, cell of the label ("A4") of a form."""
    header: str
    sample: str
    detected: Target | None
    """What the engine's last plan used."""
    score: float
    from_alias: bool


def mapping_entries(layout: TableLayout | FormLayout, sheet: Sheet | None) -> list[MappingEntry]:
    """The rows of the mapping table for ``layout``; samples come from ``sheet``'s cells."""
    rows = sheet.rows if sheet is not None else []

    def cell(r: int, c: int) -> Any:
        return rows[r][c] if 0 <= r < len(rows) and 0 <= c < len(rows[r]) else None

    entries = []
    if isinstance(layout, TableLayout):
        for col in layout.columns:
            sample = next(
                (
                    v
                    for r in range(layout.first_data_row, len(rows))
                    if (v := cell(r, col.column)) not in (None, "")
                ),
                None,
            )
            entries.append(
                MappingEntry(
                    column_letter(col.column),
                    col.header,
                    _sample(sample),
                    col.target,
                    col.score,
                    col.alias is not None,
                )
            )
    else:
        for field in layout.fields:
            entries.append(
                MappingEntry(
                    cell_ref(field.row, layout.label_column),
                    field.label,
                    _sample(cell(field.row, field.value_column)),
                    field.target,
                    100.0 if field.target is not None else 0.0,
                    True,
                )
            )
    return entries


def _sample(value: Any) -> str:
    return "" if value is None else one_line(value, 120)


def profile_for(
    layout: TableLayout | FormLayout, choices: dict[int, Target | None], name: str
) -> MappingProfile:
    """A profile reproducing ``layout`` with the user's ``choices`` (entry index → target).

    A column the user unmapped (chose None for) is written as an unmapped entry (target
    None), so it stays unmapped even where the alias table would match its header, and its
    content is kept in the notes under its header like any unmapped column's. Columns
    the engine left unmapped without the user's say are left to automatic matching.
    """
    if isinstance(layout, TableLayout):
        pairs = [(c.header, c.target) for c in layout.columns]
        header_row: int | None = layout.header_rows[0] + 1
    else:
        pairs = [(f.label, f.target) for f in layout.fields]
        header_row = None
    columns: dict[str, Target | None] = {}
    for index, (header, detected) in enumerate(pairs):
        key = normalise_header(header)
        if not key:
            continue
        target = choices.get(index, detected)
        if target is not None or index in choices:
            columns.setdefault(key, target)
    return MappingProfile(name=name, header_row=header_row, columns=columns, sheet=layout.sheet)


@dataclass(frozen=True, slots=True)
class MappingRow:
    """A mapping entry as the table shows it: with the target the import will use."""

    number: int
    """Position of the entry in :attr:`MappingModel.entries`."""
    entry: MappingEntry
    target: Target | None
    chosen: bool
    """True when the target is the user's choice."""

    @property
    def unmapped(self) -> bool:
        """True when the entry has a header but its content goes to no field."""
        return self.target is None and bool(self.entry.header.strip())


class MappingModel(RecordTableModel[MappingRow]):
    """The detected column mapping with the user's changes; the target column is editable."""

    POSITION, HEADER, SAMPLE, TARGET, MATCH = range(5)

    targetEdited = Signal(int, object)
    """(entry index, Target | None) after the user picked a target in the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[MappingEntry] = []
        self.choices: dict[int, Target | None] = {}

    def columns(self) -> list[Column[MappingRow]]:
        def folded(text: Callable[[MappingRow], str]) -> Callable[[MappingRow], Any]:
            return lambda r: text(r).casefold()

        def position(r: MappingRow) -> str:
            return r.entry.position

        def header(r: MappingRow) -> str:
            return one_line(r.entry.header, 200)

        def sample(r: MappingRow) -> str:
            return r.entry.sample

        def target(r: MappingRow) -> str:
            return target_label(r.target)

        def target_font(r: MappingRow) -> QFont | None:
            return italic_font() if r.unmapped else None

        return [
            Column(self.tr("Column"), position, lambda r: r.number, self._tooltip(self.POSITION)),
            Column(
                self.tr("Header in the file"), header, folded(header), self._tooltip(self.HEADER)
            ),
            Column(self.tr("Sample value"), sample, folded(sample), self._tooltip(self.SAMPLE)),
            Column(
                self.tr("Target field"),
                target,
                lambda r: (0 if r.unmapped else 1, target(r).casefold()),
                self._tooltip(self.TARGET),
                font=target_font,
            ),
            Column(
                self.tr("Match"),
                self._match_text,
                folded(self._match_text),
                self._tooltip(self.MATCH),
            ),
        ]

    def set_entries(self, entries: list[MappingEntry], choices: dict[int, Target | None]) -> None:
        """Show ``entries`` with the user's ``choices`` laid over them."""
        self.entries = entries
        self.choices = dict(choices)
        self.set_rows(
            [
                MappingRow(number, entry, self.target(number), number in self.choices)
                for number, entry in enumerate(entries)
            ]
        )

    def target(self, row: int) -> Target | None:
        """The target the import will use for entry ``row`` (the user's choice first)."""
        if row in self.choices:
            return self.choices[row]
        return self.entries[row].detected

    def unmapped_rows(self) -> list[int]:
        """Entries with a header whose content goes to no field."""
        return [
            r for r, e in enumerate(self.entries) if e.header.strip() and self.target(r) is None
        ]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        entry = self.entries[index.row()]
        if index.column() == self.TARGET and normalise_header(entry.header):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def row_data(self, row: MappingRow, index: Index, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == TARGET_ROLE:
            return row.target.value if row.target is not None else ""
        if role == Qt.ItemDataRole.BackgroundRole and row.unmapped:
            return QBrush(UNMAPPED_BACKGROUND)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.TARGET:
            return False
        target = Target(value) if value else None
        if target == self.target(index.row()):
            return False
        self.targetEdited.emit(index.row(), target)
        return True

    def _tooltip(self, column: int) -> Callable[[MappingRow], str | None]:
        def tooltip(row: MappingRow) -> str | None:
            if row.unmapped:
                return self.tr(
                    "This column fits no field; its content is kept in the "
                    "activities' notes. Choose a target field to import it."
                )
            if column == self.TARGET and not normalise_header(row.entry.header):
                return self.tr("A column without a header cannot be mapped.")
            if column == self.HEADER:
                return row.entry.header
            if column == self.SAMPLE:
                return row.entry.sample
            return None

        return tooltip

    def _match_text(self, row: MappingRow) -> str:
        entry = row.entry
        if row.chosen:
            return self.tr("chosen by you")
        if entry.detected is None:
            return ""
        if not entry.from_alias:
            return self.tr("mapping profile")
        if entry.score >= 100:
            return self.tr("exact")
        return self.tr("similar ({score} %)").format(score=round(entry.score))


class SortProxy(SortKeyProxy):
    """Sorts by :data:`SORT_ROLE` (the target column puts unmapped columns first)."""


class TargetDelegate(QStyledItemDelegate):
    """Edits a mapping row's target with a combo box of every field."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("importDialog.targetEditor")
        for target in target_choices():
            combo.addItem(target_label(target), target.value if target is not None else "")
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(TARGET_ROLE) or "")))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData() or None, Qt.ItemDataRole.EditRole)


# --- preview ------------------------------------------------------------------------------


class PreviewModel(RecordTableModel[RowResult]):
    """One line per data row of the plan: status, cell, activity, outcome and messages."""

    STATUS, WHERE, ACTIVITY, OUTCOME, MESSAGES = range(5)

    def columns(self) -> list[Column[RowResult]]:
        def messages(row: RowResult) -> str:  # whole, one per line, with sheet!cell
            return "\n".join(f"{n.where}: {n.text}" for n in row.notes)

        def messages_tooltip(row: RowResult) -> str | None:
            return "\n".join(f"{n.where}: {n.text}" for n in row.notes) if row.notes else None

        return [
            Column(
                self.tr("Status"),
                lambda r: self.status_text(r.status),
                icon=lambda r: severity_icon(STATUS_SEVERITY[r.status]),
            ),
            Column(self.tr("Row"), lambda r: f"{r.sheet}!{r.row}"),
            Column(self.tr("Activity"), lambda r: r.activity),
            Column(self.tr("Outcome"), self.outcome_text),
            Column(self.tr("Messages"), messages, tooltip=messages_tooltip),
        ]

    def set_report(self, report: ImportReport | None) -> None:
        """Show the rows of ``report`` (none for None)."""
        self.set_rows(list(report.rows) if report is not None else [])

    def row_data(self, row: RowResult, index: Index, role: int) -> Any:
        return row.status if role == STATUS_ROLE else None

    def status_text(self, status: Status) -> str:
        """The word for a row's status."""
        return {
            Status.OK: self.tr("OK"),
            Status.WARNING: self.tr("Warning"),
            Status.ERROR: self.tr("Error"),
        }[status]

    def outcome_text(self, row: RowResult) -> str:
        """What the import does with the row."""
        if row.status == Status.ERROR or not row.outcome:
            return self.tr("not imported")
        return {
            "new": self.tr("new"),
            "update": self.tr("update existing"),
            "skip": self.tr("skip (exists)"),
        }.get(row.outcome, row.outcome)
