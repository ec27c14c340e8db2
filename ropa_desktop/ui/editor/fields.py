"""Form fields of the activity editor: one widget bound to one item of the activity.

A :class:`Field` edits the value at a dotted ``path`` of the activity's dictionary
form (:func:`ropa_desktop.domain.codec.to_dict`), e.g. ``name``, ``contact.email``
or ``dpia.result``. It reads and writes that value (:meth:`Field.value`,
:meth:`Field.set_value`) and emits :attr:`Field.edited` with the path of what the
user changed and whether the change is typing (consecutive typing in one field
merges into one undo step). The editor owns the undo stack and the draft; the
fields only translate between widgets and plain values.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

Choices = list[tuple[str, str]]
"""(id, label) pairs offered by a combo box or list."""

ChoiceProvider = Callable[[], Choices]


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at a dotted ``path`` ("dpia.result") of a nested dictionary."""
    keys = path.split(".")
    for key in keys[:-1]:
        data = data.setdefault(key, {})
    data[keys[-1]] = value


def get_path(data: dict[str, Any], path: str, default: Any = None) -> Any:
    """The value at a dotted ``path`` of a nested dictionary, or ``default``."""
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return default
        data = data[key]
    return data


def completer(words: list[str], parent: QObject) -> QCompleter:
    """A case-insensitive, substring-matching completer over ``words``."""
    comp = QCompleter(QStringListModel(words, parent), parent)
    comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    comp.setFilterMode(Qt.MatchFlag.MatchContains)
    comp.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return comp


class Field(QObject):
    """Binds one widget to the value at ``path``; subclasses say how."""

    edited = Signal(str, bool)
    """(path of the item changed, True when typing that may merge with the previous edit)."""

    def __init__(self, path: str, widget: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.widget = widget

    def value(self) -> Any:
        """The value the widget shows, in dictionary form."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` (the editor blocks :attr:`edited` while it populates)."""
        raise NotImplementedError

    def widget_for(self, path: str) -> QWidget | None:
        """The widget that shows ``path`` (this field's path or one inside it)."""
        return self.focus_widget()

    def focus_widget(self) -> QWidget:
        """The widget that takes the focus for this field."""
        return self.widget

    def focus_target(self, path: str) -> QWidget:
        """The widget to focus for ``path`` (a finding's field path)."""
        return self.focus_widget()

    def tab_widgets(self) -> list[QWidget]:
        """The focusable widgets of the field, in tab order."""
        return [self.focus_widget()]

    def refresh_choices(self) -> None:
        """Re-read choices that depend on the catalogue or the organisation."""

    def _emit(self, typing: bool = False) -> None:
        self.edited.emit(self.path, typing)


class LineField(Field):
    """A one-line text."""

    widget: QLineEdit

    def __init__(
        self,
        path: str,
        object_name: str,
        suggestions: Callable[[], list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        edit = QLineEdit(parent)
        edit.setObjectName(object_name)
        edit.setClearButtonEnabled(True)
        super().__init__(path, edit, parent)
        self._suggestions = suggestions
        edit.textChanged.connect(lambda _t: self._emit(True))
        self.refresh_choices()

    def value(self) -> str:
        return self.widget.text()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.widget.text() != text:
            self.widget.setText(text)

    def refresh_choices(self) -> None:
        if self._suggestions is None:
            return
        words = self._suggestions()
        current = self.widget.completer()
        model = current.model() if current is not None else None
        if isinstance(model, QStringListModel):
            model.setStringList(words)  # one completer per field, however often it refreshes
        else:
            self.widget.setCompleter(completer(words, self.widget))


class TextField(Field):
    """A text of several lines."""

    widget: QPlainTextEdit

    def __init__(
        self, path: str, object_name: str, lines: int = 3, parent: QWidget | None = None
    ) -> None:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(object_name)
        edit.setTabChangesFocus(True)
        edit.setUndoRedoEnabled(False)
        height = edit.fontMetrics().lineSpacing() * lines + 12
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height * 2)
        super().__init__(path, edit, parent)
        edit.textChanged.connect(lambda: self._emit(True))

    def value(self) -> str:
        return self.widget.toPlainText()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.widget.toPlainText() != text:
            self.widget.setPlainText(text)


class ReadOnlyField(Field):
    """A value shown but not edited (created/changed); ``fmt`` renders it."""

    widget: QLineEdit

    def __init__(
        self, path: str, object_name: str, fmt: Callable[[Any], str], parent: QWidget | None = None
    ) -> None:
        edit = QLineEdit(parent)
        edit.setObjectName(object_name)
        edit.setReadOnly(True)
        edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        super().__init__(path, edit, parent)
        self._fmt = fmt
        self._value: Any = None

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        self.widget.setText(self._fmt(value))


class EnumField(Field):
    """A fixed choice (status, DPIA result, retention unit …) as a plain combo box."""

    widget: QComboBox

    def __init__(
        self, path: str, object_name: str, choices: Choices, parent: QWidget | None = None
    ) -> None:
        combo = QComboBox(parent)
        combo.setObjectName(object_name)
        for ref, label in choices:
            combo.addItem(label, ref)
        super().__init__(path, combo, parent)
        combo.currentIndexChanged.connect(lambda _i: self._emit())

    def value(self) -> Any:
        data = self.widget.currentData()
        return None if data is None or (data == "" and self._none_is_null) else data

    _none_is_null = False

    def set_value(self, value: Any) -> None:
        index = self.widget.findData("" if value is None else value)
        self.widget.setCurrentIndex(max(index, 0))


class OptionalEnumField(EnumField):
    """An enum field whose empty entry means None (retention unit)."""

    _none_is_null = True


class DateField(Field):
    """An optional date: a check box says whether it is set, a date edit holds it."""

    def __init__(self, path: str, object_name: str, parent: QWidget | None = None) -> None:
        box = QWidget(parent)
        box.setObjectName(object_name + "Box")
        self.check = QCheckBox(box)
        self.check.setObjectName(object_name + "Set")
        self.edit = QDateEdit(box)
        self.edit.setObjectName(object_name)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        super().__init__(path, box, parent)
        self.check.setToolTip(self.tr("Date recorded"))
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self._emit(True))

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self._emit()

    def value(self) -> str | None:
        if not self.check.isChecked():
            return None
        return self.edit.date().toString(Qt.DateFormat.ISODate)

    def set_value(self, value: Any) -> None:
        self.check.setChecked(bool(value))
        self.edit.setEnabled(bool(value))
        day = date.fromisoformat(str(value)[:10]) if value else date.today()
        self.edit.setDate(QDate(day.year, day.month, day.day))

    def focus_widget(self) -> QWidget:
        return self.edit if self.check.isChecked() else self.check

    def tab_widgets(self) -> list[QWidget]:
        return [self.check, self.edit]


class SpinField(Field):
    """A whole number where 0 (shown as "–") means none (retention duration)."""

    widget: QSpinBox

    def __init__(self, path: str, object_name: str, parent: QWidget | None = None) -> None:
        spin = QSpinBox(parent)
        spin.setObjectName(object_name)
        spin.setRange(0, 100_000)
        spin.setSpecialValueText("–")
        super().__init__(path, spin, parent)
        spin.valueChanged.connect(lambda _v: self._emit(True))

    def value(self) -> int | None:
        return self.widget.value() or None

    def set_value(self, value: Any) -> None:
        self.widget.setValue(int(value or 0))
