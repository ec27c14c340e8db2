"""Choice fields of the activity editor: combo boxes with search, check lists, the
list of choices with free entries and the TOM tree — each bound to one item of the
activity like the plain fields of :mod:`ropa_desktop.ui.editor.fields`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.ui.common.trees import child_items, top_level_items
from ropa_desktop.ui.editor.fields import (
    ChoiceProvider,
    Choices,
    Field,
)


class SearchCombo(QComboBox):
    """Editable combo box over (id, label) choices with a substring completer.

    The labels are shown and searched, the ids kept. With ``free`` a text that
    matches no label is kept as typed; otherwise it is dropped when editing ends.
    A stored id that is not among the choices is shown as it is. A picker (whose
    text only searches) keeps unmatched text with ``clear_unmatched=False``, so
    that "New…" can take it as the new entry's name.
    """

    committed = Signal()
    """The user chose an entry or finished typing."""

    def __init__(
        self,
        object_name: str,
        choices: Choices,
        *,
        free: bool = False,
        placeholder: str = "",
        clear_unmatched: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clear_unmatched = clear_unmatched
        self.setObjectName(object_name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self._free = free
        self._raw = ""
        comp = self.completer()
        assert comp is not None  # an editable combo box has one
        comp.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        comp.setFilterMode(Qt.MatchFlag.MatchContains)
        comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        if placeholder:
            self.line_edit().setPlaceholderText(placeholder)
        self.set_choices(choices)
        self.activated.connect(lambda _i: self.committed.emit())
        self.line_edit().editingFinished.connect(self._finished)

    def line_edit(self) -> QLineEdit:
        """The line edit of the (always editable) combo box."""
        edit = self.lineEdit()
        assert edit is not None  # set up by setEditable(True)
        return edit

    def set_choices(self, choices: Choices) -> None:
        """Replace the entries, keeping the value."""
        keep = self.value() if self.count() else self._raw
        blocked = self.blockSignals(True)
        self.clear()
        self.addItem("", "")
        for ref, label in choices:
            self.addItem(label, ref)
        self.set_value(keep)
        self.blockSignals(blocked)

    def value(self) -> str:
        """The id chosen, the text typed (free) or ""."""
        text = self.currentText().strip()
        if not text:
            return ""
        index = self.currentIndex()
        if index > 0 and self.itemText(index) == self.currentText():
            return str(self.itemData(index))
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return str(self.itemData(index))
        index = self._find_id(text)
        if index > 0:
            return str(self.itemData(index))
        if self._free or text == self._raw:
            return text
        return ""

    def set_value(self, value: str | None) -> None:
        """Show the entry of id ``value`` (or the text itself when it is no id)."""
        value = (value or "").strip()
        self._raw = value
        index = self._find_id(value) if value else 0
        blocked = self.blockSignals(True)
        if index >= 0:
            self.setCurrentIndex(index)
            if self.currentText() != self.itemText(index):
                self.setEditText(self.itemText(index))
        else:
            self.setCurrentIndex(-1)
            self.setEditText(value)
        self.blockSignals(blocked)

    def _find_id(self, value: str) -> int:
        index = self.findData(value)
        if index < 0:
            folded = value.casefold()
            for i in range(1, self.count()):
                if str(self.itemData(i)).casefold() == folded:
                    return i
        return index

    def _finished(self) -> None:
        if (
            self._clear_unmatched
            and not self._free
            and self.value() == ""
            and self.currentText().strip()
        ):
            self.set_value("")
        self.committed.emit()


class ComboField(Field):
    """A vocabulary or catalogue choice in a :class:`SearchCombo`."""

    widget: SearchCombo

    def __init__(
        self,
        path: str,
        object_name: str,
        choices: ChoiceProvider,
        *,
        free: bool = False,
        placeholder: str = "",
        dynamic: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        combo = SearchCombo(
            object_name, choices(), free=free, placeholder=placeholder, parent=parent
        )
        super().__init__(path, combo, parent)
        self._choices = choices
        self._dynamic = dynamic
        self._last = ""
        combo.committed.connect(self._committed)

    def _committed(self) -> None:
        if self.widget.value() != self._last:
            self._last = self.widget.value()
            self._emit()

    def value(self) -> str | None:
        """The id chosen or the text typed ("" for none; None in a nullable combo)."""
        return self.widget.value()

    def set_value(self, value: Any) -> None:
        self.widget.set_value(value or "")
        self._last = self.widget.value()

    def refresh_choices(self) -> None:
        if self._dynamic:
            self.widget.set_choices(self._choices())
            self._last = self.widget.value()


class NullableComboField(ComboField):
    """A combo whose empty choice means None (the processor of a transfer)."""

    def value(self) -> str | None:
        return self.widget.value() or None


class CheckListField(Field):
    """Several vocabulary entries ticked in a list (DPIA criteria)."""

    widget: QListWidget

    def __init__(
        self, path: str, object_name: str, choices: Choices, parent: QWidget | None = None
    ) -> None:
        lst = QListWidget(parent)
        lst.setObjectName(object_name)
        lst.setWordWrap(True)
        lst.setUniformItemSizes(False)
        for ref, label in choices:
            item = QListWidgetItem(label, lst)
            item.setData(Qt.ItemDataRole.UserRole, ref)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = max(len(choices), 1)
        lst.setMinimumHeight(min(rows, 9) * (lst.fontMetrics().lineSpacing() + 6) + 6)
        super().__init__(path, lst, parent)
        self._unknown: list[str] = []
        lst.itemChanged.connect(lambda _i: self._emit())

    def value(self) -> list[str]:
        lst = self.widget
        ticked = [
            str(lst.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(lst.count())
            if lst.item(i).checkState() == Qt.CheckState.Checked
        ]
        return ticked + self._unknown

    def set_value(self, value: Any) -> None:
        wanted = list(value or [])
        lst = self.widget
        known = set()
        for i in range(lst.count()):
            item = lst.item(i)
            ref = item.data(Qt.ItemDataRole.UserRole)
            known.add(ref)
            state = Qt.CheckState.Checked if ref in wanted else Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
        self._unknown = [v for v in wanted if v not in known]


class ChoiceListField(Field):
    """A list of values picked from choices (and, with ``free``, typed in).

    Shows the chosen entries in a list (Delete removes the selected one), with a
    search combo and Add button below; ``on_new`` adds a "New…" button that
    creates a catalogue entry and returns its id.
    """

    def __init__(
        self,
        path: str,
        object_name: str,
        choices: ChoiceProvider,
        *,
        free: bool,
        label: Callable[[str], str] | None = None,
        on_new: Callable[[str], str | None] | None = None,
        placeholder: str = "",
        rows: int = 3,
        dynamic: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget(parent)
        box.setObjectName(object_name + "Box")
        super().__init__(path, box, parent)
        self._choices = choices
        self._label = label
        self._on_new = on_new
        self._dynamic = dynamic
        self.list = QListWidget(box)
        self.list.setObjectName(object_name)
        self.list.setMaximumHeight(rows * (self.list.fontMetrics().lineSpacing() + 6) + 8)
        self.combo = SearchCombo(
            object_name + ".choice",
            choices(),
            free=free,
            placeholder=placeholder,
            clear_unmatched=False,
            parent=box,
        )
        self.add_button = QPushButton(self.tr("Add"), box)
        self.add_button.setObjectName(object_name + ".add")
        self.remove_button = QPushButton(self.tr("Remove"), box)
        self.remove_button.setObjectName(object_name + ".remove")
        self.new_button: QPushButton | None = None
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        if on_new is not None:
            self.new_button = QPushButton(self.tr("New…"), box)
            self.new_button.setObjectName(object_name + ".new")
            row.addWidget(self.new_button)
            self.new_button.clicked.connect(self._new)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self.combo.activated.connect(lambda _i: self.add_current())
        self.combo.line_edit().returnPressed.connect(self.add_current)
        for key, slot in (
            (QKeySequence.StandardKey.Delete, self.remove_selected),
            (Qt.Key.Key_Insert, self.combo.setFocus),
        ):
            shortcut = QShortcut(QKeySequence(key), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._values: list[str] = []

    def value(self) -> list[str]:
        return list(self._values)

    def set_value(self, value: Any) -> None:
        values = list(value or [])
        if values == self._values and self.list.count() == len(values):
            return
        self._values = values
        self.list.clear()
        for ref in values:
            item = QListWidgetItem(self._label(ref) if self._label else ref, self.list)
            item.setData(Qt.ItemDataRole.UserRole, ref)
            item.setToolTip(item.text())

    def add(self, ref: str) -> bool:
        """Add ``ref`` unless it is empty or already there; True when added."""
        ref = ref.strip()
        if not ref or ref in self._values:
            return False
        self.set_value([*self._values, ref])
        self._emit()
        return True

    def add_current(self) -> None:
        """Add what the search combo holds, then clear it for the next entry."""
        if self.add(self.combo.value()):
            self.combo.set_value("")

    def remove_selected(self) -> None:
        """Remove the selected entry (Delete key in the list)."""
        row = self.list.currentRow()
        if 0 <= row < len(self._values):
            values = self._values[:row] + self._values[row + 1 :]
            self.set_value(values)
            self.list.setCurrentRow(min(row, len(values) - 1))
            self._emit()

    def _new(self) -> None:
        assert self._on_new is not None
        ref = self._on_new(self.combo.currentText().strip())
        if ref:
            self.refresh_choices()
            self.add(ref)
            self.combo.set_value("")

    def refresh_choices(self) -> None:
        if self._dynamic:
            self.combo.set_choices(self._choices())
        if self._label is not None:
            for i in range(self.list.count()):
                item = self.list.item(i)
                item.setText(self._label(str(item.data(Qt.ItemDataRole.UserRole))))

    def widget_for(self, path: str) -> QWidget | None:
        return self.list

    def focus_widget(self) -> QWidget:
        return self.list if self._values else self.combo

    def tab_widgets(self) -> list[QWidget]:
        extra = [self.new_button] if self.new_button is not None else []
        return [self.list, self.combo, self.add_button, self.remove_button, *extra]


class TomTreeField(Field):
    """Measures of the TOM catalogue ticked in a tree grouped by SDM protection goal.

    ``groups`` gives the tree: ``[(goal label, [(tom uid, title), …]), …]``; the
    filter box hides measures whose title does not contain the text.
    """

    def __init__(
        self,
        path: str,
        object_name: str,
        groups: Callable[[], list[tuple[str, Choices]]],
        on_new: Callable[[str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget(parent)
        box.setObjectName(object_name + "Box")
        super().__init__(path, box, parent)
        self._groups = groups
        self._on_new = on_new
        self.filter = QLineEdit(box)
        self.filter.setObjectName(object_name + ".filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter measures"))
        self.new_button = QPushButton(self.tr("New…"), box)
        self.new_button.setObjectName(object_name + ".new")
        self.tree = QTreeWidget(box)
        self.tree.setObjectName(object_name)
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumHeight(160)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self._values: list[str] = []
        self._items: dict[str, QTreeWidgetItem] = {}
        self.filter.textChanged.connect(self._filter)
        self.new_button.clicked.connect(self._new)
        self.tree.itemChanged.connect(self._changed)
        self.refresh_choices()

    def refresh_choices(self) -> None:
        blocked = self.tree.blockSignals(True)
        self.tree.clear()
        self._items = {}
        for goal, toms in self._groups():
            parent = QTreeWidgetItem(self.tree, [goal])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for uid, title in toms:
                item = QTreeWidgetItem(parent, [title])
                item.setData(0, Qt.ItemDataRole.UserRole, uid)
                item.setToolTip(0, title)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(0, Qt.CheckState.Unchecked)
                self._items[uid] = item
        self.tree.expandAll()
        self.tree.blockSignals(blocked)
        self.set_value(self._values)
        self._filter(self.filter.text())

    def value(self) -> list[str]:
        return list(self._values)

    def set_value(self, value: Any) -> None:
        self._values = list(value or [])
        blocked = self.tree.blockSignals(True)
        for uid, item in self._items.items():
            state = Qt.CheckState.Checked if uid in self._values else Qt.CheckState.Unchecked
            if item.checkState(0) != state:
                item.setCheckState(0, state)
        self.tree.blockSignals(blocked)

    def set_checked(self, uid: str, on: bool) -> None:
        """Tick or untick a measure as the user would."""
        item = self._items.get(uid)
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _changed(self, item: QTreeWidgetItem, _column: int) -> None:
        uid = item.data(0, Qt.ItemDataRole.UserRole)
        if uid is None:
            return
        on = item.checkState(0) == Qt.CheckState.Checked
        if on and uid not in self._values:
            self._values.append(uid)
        elif not on and uid in self._values:
            self._values.remove(uid)
        else:
            return
        self._emit()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for group in top_level_items(self.tree):
            shown = 0
            for child in child_items(group):
                hide = bool(needle) and needle not in child.text(0).casefold()
                child.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0 and bool(needle))

    def _new(self) -> None:
        uid = self._on_new(self.filter.text().strip())
        if uid:
            self.filter.clear()
            self.refresh_choices()
            if uid not in self._values:
                self._values.append(uid)
                self.set_value(self._values)
                self._emit()

    def widget_for(self, path: str) -> QWidget | None:
        return self.tree

    def focus_widget(self) -> QWidget:
        return self.tree

    def tab_widgets(self) -> list[QWidget]:
        return [self.filter, self.new_button, self.tree]
