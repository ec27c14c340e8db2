"""The read-only record tables of the application: a list of rows shown through columns.

A :class:`RecordTableModel` holds a list of rows (any Python objects) and a list of
:class:`Column` specifications, built once by the subclass in :meth:`RecordTableModel.columns`
— with ``self.tr`` there, so the headers stay in the subclass's translation context.
Each column says how a row shows in it: the text, the sort key under
:data:`~ropa_desktop.ui.common.item_models.SORT_ROLE`, and optionally a tooltip, an icon
and a font. Roles no column covers go to :meth:`RecordTableModel.row_data`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QIcon

from ropa_desktop.ui.common.item_models import SORT_ROLE, Index

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """How a row shows in one column of a :class:`RecordTableModel`."""

    header: str
    """The (translated) header text."""
    text: Callable[[R], str]
    """The display text of a row."""
    sort: Callable[[R], Any] | None = None
    """The row's sort key (None: the column gives no sort key)."""
    tooltip: Callable[[R], str | None] | None = None
    """The row's tooltip (None: no tooltip)."""
    icon: Callable[[R], QIcon | None] | None = None
    """The row's decoration."""
    font: Callable[[R], QFont | None] | None = None
    """The row's font (None: the view's)."""


class PrecomputedRow(Protocol):
    """A row that keeps its display texts and sort keys, one of each per column."""

    @property
    def display(self) -> tuple[str, ...]: ...

    @property
    def sort(self) -> tuple[Any, ...]: ...


def display_of(column: int) -> Callable[[PrecomputedRow], str]:
    """The text function of column ``column`` of a :class:`PrecomputedRow`."""
    return lambda row: row.display[column]


def sort_of(column: int) -> Callable[[PrecomputedRow], Any]:
    """The sort key function of column ``column`` of a :class:`PrecomputedRow`."""
    return lambda row: row.sort[column]


def italic_font() -> QFont:
    """The font of texts that stand for something missing."""
    font = QFont()
    font.setItalic(True)
    return font


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """A flat table of rows of type ``R``: one row per record, columns from :meth:`columns`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._columns: list[Column[R]] = self.columns()

    def columns(self) -> list[Column[R]]:
        """The column specifications (called once, from the constructor)."""
        raise NotImplementedError

    def row_data(self, row: R, index: Index, role: int) -> Any:
        """Data of ``role`` that no column specification covers (None: nothing)."""
        return None

    # --- the rows -------------------------------------------------------------------

    def set_rows(self, rows: list[R]) -> None:
        """Show ``rows`` (replacing what was shown)."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def append_rows(self, rows: Iterable[R]) -> None:
        """Add ``rows`` at the end."""
        rows = list(rows)
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def row_at(self, row: int) -> R:
        """The row object of (source) row ``row``."""
        return self._rows[row]

    def all_rows(self) -> list[R]:
        """Every row object, in model order (do not modify the list)."""
        return self._rows

    # --- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._columns[section].header

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else None
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        if role == Qt.ItemDataRole.FontRole and column.font is not None:
            return column.font(row)
        return self.row_data(row, index, role)
