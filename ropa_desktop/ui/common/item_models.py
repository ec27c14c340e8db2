"""Pieces every table of the application shares: the sort role and a proxy that sorts by it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""Role under which a model gives a cell's sort key (a date, a number, a folded text …)."""

Index = QModelIndex | QPersistentModelIndex


class SortKeyProxy(QSortFilterProxyModel):
    """A filter proxy that sorts by :data:`SORT_ROLE`, falling back to text for mixed keys.

    It also holds the search words every list of the application filters by; subclasses
    ask :meth:`matches` with their row's folded text and set their own criteria through
    :meth:`set_criterion`, which refilters only when a value really changes.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_search(self, text: str) -> None:
        """Show only rows containing every word of ``text`` (case-insensitive)."""
        self.set_criterion("_words", text.casefold().split())

    def set_criterion(self, attribute: str, value: Any) -> None:
        """Set a filter attribute and refilter, unless it already has that value."""
        if getattr(self, attribute) != value:
            self.beginFilterChange()
            setattr(self, attribute, value)
            self.endFilterChange()

    def matches(self, haystack: str) -> bool:
        """True when every search word occurs in ``haystack`` (already case-folded)."""
        return all(word in haystack for word in self._words)

    def lessThan(self, left: Index, right: Index) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
