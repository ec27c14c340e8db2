"""Pieces every table of the application shares: the sort role and a proxy that sorts by it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""Role under which a model gives a cell's sort key (a date, a number, a folded text …)."""

Index = QModelIndex | QPersistentModelIndex


class SortKeyProxy(QSortFilterProxyModel):
    """A filter proxy that sorts by :data:`SORT_ROLE`, falling back to text for mixed keys."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
