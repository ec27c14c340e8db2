"""List editors of the activity editor: one framed row of fields per list entry.

:class:`RowListField` edits a list of dictionaries (purposes, data categories,
processor links, joint controllers, transfers). Each row holds ordinary
:class:`~ropa_desktop.ui.editor.fields.Field` objects with paths relative to the
entry (``text``, ``retention.unit``); the list reports edits with the full path
(``purposes[0].text``) so that the undo stack merges typing per item and the
editor can mark the widget of a finding such as ``data_categories[1].retention``.
Rows are positional: removing an entry shifts the values up and drops the last row.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.ui.common.accessibility import name_inputs
from ropa_desktop.ui.editor.fields import Field, get_path, set_path

RowSpec = list[tuple[str, list[Field]]]
"""(label, fields shown side by side) per line of a row."""

RowFactory = Callable[[str, QWidget], RowSpec]
"""Builds the fields of one row; gets the row's object-name prefix and its parent."""


class _Row(QFrame):
    """One entry of a list: a title, its fields and a Remove button."""

    def __init__(
        self,
        owner: RowListField,
        index: int,
        prefix: str,
        spec_factory: RowFactory,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(prefix)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.index = index
        self.base: dict[str, Any] = {}
        self.title = QLabel(self)
        self.title.setObjectName(prefix + ".title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.remove_button = QPushButton(QCoreApplication.translate("RowListField", "Remove"), self)
        self.remove_button.setObjectName(prefix + ".remove")
        self.remove_button.clicked.connect(lambda: owner.remove_row(self.index))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        foot = QHBoxLayout()  # "Remove" after the row's fields, where Tab reaches it
        foot.addStretch(1)
        foot.addWidget(self.remove_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: list[Field] = []
        for label, fields in spec_factory(prefix, self):
            if len(fields) == 1:
                form.addRow(label, fields[0].widget)
            else:
                line = QHBoxLayout()
                for f in fields:
                    line.addWidget(f.widget, 1)
                form.addRow(label, line)
            for f in fields:
                self.fields.append(f)
                f.edited.connect(lambda path, typing: owner.row_edited(self.index, path, typing))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addLayout(foot)
        self.remove_button.setAutoDefault(False)
        name_inputs(self)  # rows come and go while the editor is shown

    def value(self) -> dict[str, Any]:
        data = copy.deepcopy(self.base)
        for f in self.fields:
            set_path(data, f.path, f.value())
        return data

    def set_value(self, data: dict[str, Any]) -> None:
        self.base = copy.deepcopy(data)
        for f in self.fields:
            f.set_value(get_path(data, f.path))

    def widget_for(self, rest: str | None) -> QWidget:
        if rest:
            for f in self.fields:
                if f.path == rest or f.path.startswith(rest + ".") or rest.startswith(f.path + "."):
                    return f.widget_for(rest) or f.widget
        return self

    def focus_widget(self, rest: str | None) -> QWidget:
        if rest:
            for f in self.fields:
                if f.path == rest or f.path.startswith(rest + ".") or rest.startswith(f.path + "."):
                    return f.focus_widget()
        return self.fields[0].focus_widget() if self.fields else self.remove_button


class RowListField(Field):
    """A list of entries, each edited in a framed row of fields.

    ``factory`` builds a row's fields, ``new_item`` gives a fresh entry (dictionary
    form), ``title`` the heading of row ``n`` (1-based), ``on_change`` is called
    with each row after its values changed (to show or hide dependent fields).
    ``extra`` adds buttons beside Add: ``(text, object-name suffix, callback)``
    where the callback returns a new entry to append, or None.
    """

    def __init__(
        self,
        path: str,
        object_name: str,
        factory: RowFactory,
        new_item: Callable[[], dict[str, Any]],
        *,
        add_text: str,
        title: Callable[[int], str],
        on_change: Callable[[_Row], None] | None = None,
        extra: list[tuple[str, str, Callable[[], dict[str, Any] | None]]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget(parent)
        box.setObjectName(object_name + "Box")
        super().__init__(path, box, parent)
        self._name = object_name
        self._factory = factory
        self._new_item = new_item
        self._title = title
        self._on_change = on_change
        self._pattern = re.compile(re.escape(path) + r"\[(\d+)\](?:\.(.+))?$")
        self.rows: list[_Row] = []
        self._pool: list[_Row] = []
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self.tr("None recorded."), box)
        self.empty_label.setObjectName(object_name + ".empty")
        self.empty_label.setEnabled(False)
        self.add_button = QPushButton(add_text, box)
        self.add_button.setObjectName(object_name + ".add")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        self.extra_buttons: list[QPushButton] = []
        for text, suffix, callback in extra or []:
            button = QPushButton(text, box)
            button.setObjectName(object_name + "." + suffix)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, cb=callback: self._append(cb()))
            buttons.addWidget(button)
            self.extra_buttons.append(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.rows_layout)
        layout.addLayout(buttons)
        shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Insert), box)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_row)
        self._values: list[dict[str, Any]] = []

    # --- values ----------------------------------------------------------------

    def value(self) -> list[dict[str, Any]]:
        return [row.value() for row in self.rows]

    def set_value(self, value: Any) -> None:
        items = list(value or [])
        # Rows are kept when the list shrinks and shown again when it grows (fast loading).
        while len(self._pool) < len(items):
            index = len(self._pool)
            row = _Row(self, index, f"{self._name}[{index}]", self._factory, self.widget)
            self._pool.append(row)
            self.rows_layout.addWidget(row)
        for i, row in enumerate(self._pool):
            if row.isHidden() != (i >= len(items)):
                row.setHidden(i >= len(items))
        self.rows = self._pool[: len(items)]
        for i, (row, item) in enumerate(zip(self.rows, items, strict=True)):
            row.title.setText(self._title(i + 1))
            row.set_value(item)
            if self._on_change is not None:
                self._on_change(row)
        self.empty_label.setVisible(not items)

    def row_edited(self, index: int, path: str, typing: bool) -> None:
        """A field of row ``index`` changed: report it with its full path."""
        if self._on_change is not None and 0 <= index < len(self.rows):
            self._on_change(self.rows[index])
        self.edited.emit(f"{self.path}[{index}].{path}", typing)

    # --- adding and removing ------------------------------------------------------

    def add_row(self) -> None:
        """Append a fresh entry and put the focus in its first field (also Ctrl+Insert)."""
        self._append(self._new_item())

    def _append(self, item: dict[str, Any] | None) -> None:
        if item is None:
            return
        self.set_value([*self.value(), item])
        index = len(self.rows) - 1
        self.edited.emit(f"{self.path}[{index}]", False)
        self.rows[index].focus_widget(None).setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_row(self, index: int) -> None:
        """Remove entry ``index``; the focus moves to the row that takes its place."""
        values = self.value()
        if not 0 <= index < len(values):
            return
        del values[index]
        self.set_value(values)
        self.edited.emit(self.path, False)
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].remove_button.setFocus()
        else:
            self.add_button.setFocus()

    # --- finding widgets ---------------------------------------------------------------

    def _locate(self, path: str) -> tuple[_Row | None, str | None]:
        match = self._pattern.match(path)
        if match is None:
            return None, None
        index = int(match.group(1))
        if index >= len(self.rows):
            return None, None
        return self.rows[index], match.group(2)

    def widget_for(self, path: str) -> QWidget | None:
        row, rest = self._locate(path)
        return row.widget_for(rest) if row is not None else self.widget

    def focus_target(self, path: str) -> QWidget:
        """The widget to focus for ``path`` (the list's Add button when it is empty)."""
        row, rest = self._locate(path)
        if row is not None:
            return row.focus_widget(rest)
        return self.rows[0].focus_widget(None) if self.rows else self.add_button

    def focus_widget(self) -> QWidget:
        return self.rows[0].focus_widget(None) if self.rows else self.add_button

    def tab_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.rows:
            for f in row.fields:
                out.extend(f.tab_widgets())
            out.append(row.remove_button)
        return [*out, self.add_button, *self.extra_buttons]

    def refresh_choices(self) -> None:
        for row in self._pool:
            for f in row.fields:
                f.refresh_choices()

    def row_fields(self, index: int) -> dict[str, Field]:
        """The fields of row ``index`` by relative path (for tests and dependent widgets)."""
        return {f.path: f for f in self.rows[index].fields}
