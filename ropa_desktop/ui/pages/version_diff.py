"""The comparison of two versions of the register as a filterable tree: one row per
record added, removed or changed, its changed items below with before and after."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain.comparison import (
    CHANGE_WORDS,
    Change,
    Comparison,
)
from ropa_desktop.ui.common.naming import named

COLOURS = {
    Change.ADDED: QColor("#1b7a2f"),
    Change.REMOVED: QColor("#b3261e"),
    Change.CHANGED: QColor("#8a5a00"),
}


class DiffView(QWidget):
    """Shows a :class:`Comparison`; filter by kind of change and by text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self._items: list[QTreeWidgetItem] = []
        self.change = named(QComboBox(self), "versions.diff.change")
        self.change.addItem(self.tr("All changes"), "")
        self.change.addItem(self.tr("Added"), Change.ADDED.value)
        self.change.addItem(self.tr("Removed"), Change.REMOVED.value)
        self.change.addItem(self.tr("Changed"), Change.CHANGED.value)
        self.change.currentIndexChanged.connect(self._apply_filter)
        self.search = named(QLineEdit(self), "versions.diff.search")
        self.search.setPlaceholderText(self.tr("Filter by text …"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.summary = named(QLabel(self), "versions.diff.summary")
        self.summary.setWordWrap(True)
        self.tree = named(QTreeWidget(self), "versions.diff.tree")
        self.tree.setAccessibleName(self.tr("Changes between the versions"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Entry / item"), self.tr("Change"), self.tr("Before"), self.tr("After")]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((330, 90, 260)):
            self.tree.setColumnWidth(column, width)

        top = QHBoxLayout()
        label = QLabel(self.tr("S&how:"), self)
        label.setBuddy(self.change)
        top.addWidget(label)
        top.addWidget(self.change)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def show_comparison(self, comparison: Comparison | None) -> None:
        """Show ``comparison`` (None: nothing compared yet)."""
        self.comparison = comparison
        self.tree.clear()
        self._items = []
        if comparison is None:
            self.summary.setText("")
            return
        lang = comparison.lang
        counts = comparison.summary() if comparison.records else self.tr("no changes")
        self.summary.setText(f"{comparison.old} → {comparison.new}: {counts}")
        for record in comparison.records:
            top = QTreeWidgetItem(
                [f"{record.heading(lang)}", CHANGE_WORDS[record.change](lang), "", ""]
            )
            top.setData(0, Qt.ItemDataRole.UserRole, record.change.value)
            top.setForeground(0, QBrush(COLOURS[record.change]))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for item in record.items:
                word, old, new = item.cells(lang)
                child = QTreeWidgetItem([item.field, word, old, new])
                for column in (0, 2, 3):
                    child.setToolTip(column, child.text(column))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            self._items.append(top)
            top.setFirstColumnSpanned(True)  # the whole heading, however long
            top.setExpanded(True)
        self._apply_filter()

    def visible_titles(self) -> list[str]:
        """The first column of the records the filters leave visible (for tests)."""
        return [top.text(0) for top in self._items if not top.isHidden()]

    def _apply_filter(self, *_: Any) -> None:
        change = self.change.currentData() or ""
        needle = self.search.text().strip().casefold()
        for top in self._items:
            texts = [top.text(0)]
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None:
                    texts += [child.text(c) for c in range(4)]
            shown = (not change or top.data(0, Qt.ItemDataRole.UserRole) == change) and (
                not needle or any(needle in t.casefold() for t in texts)
            )
            top.setHidden(not shown)
