"""How the application's record tables behave: whole rows, read-only, striped."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_rows(table: QTableView, *, several: bool = False) -> None:
    """Make ``table`` a read-only list of records selected by whole rows (one or several)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if several
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()


def newest_first(table: QTableView, model: QAbstractItemModel, widths: tuple[int, ...]) -> None:
    """Make ``table`` a read-only list of ``model`` sorted by its first column, newest first,
    with ``widths`` as the starting column widths (the user may resize; the last column
    takes the rest)."""
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    read_only_rows(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
