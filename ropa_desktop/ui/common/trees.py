"""The items of tree widgets, as lists (Qt answers None for a position past the end)."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def top_level_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The top-level items of ``tree``, in order."""
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [item for item in items if item is not None]


def child_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The children of ``item``, in order."""
    children = (item.child(i) for i in range(item.childCount()))
    return [child for child in children if child is not None]
