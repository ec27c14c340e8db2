"""Accessible names for every input, so that a screen reader says what a field is.

Qt names an input after its label only when the label is its sibling; the forms of this
application put labels and inputs into different containers. :class:`AccessibleNamer`, an
application-wide event filter, gives each input without an accessible name the text of
its label (a label whose buddy it is, or its row label in a form layout) when it is first
shown, else its placeholder text or tool tip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

INPUTS = (
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)
"""The kinds of widget that take input or a choice and need a name of their own (buttons
and check boxes are named by their text)."""


def needs_name(widget: QWidget) -> bool:
    """True for an input that a person reaches by keyboard and that needs a name."""
    if not isinstance(widget, INPUTS) or isinstance(widget, QHeaderView):
        return False
    parent = widget.parentWidget()
    # the line edit inside a combo or spin box is named through its owner
    return not (isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox))


def _clean(text: str) -> str:
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip(":").strip()


def _label_of(widget: QWidget) -> str:
    """The text of the label that names ``widget`` ("" when there is none)."""
    ancestor: QWidget | None = widget.parentWidget()
    for _ in range(4):  # the label sits near its input: a few containers up at most
        if ancestor is None:
            break
        for label in ancestor.findChildren(QLabel):
            if label.buddy() is widget and label.text().strip():
                return _clean(label.text())
        ancestor = ancestor.parentWidget()
    field: QWidget | None = widget
    for _ in range(3):  # the input, or the row container holding it, is a form row's field
        parent = field.parentWidget() if field is not None else None
        if field is None or parent is None:
            break
        for form in parent.findChildren(QFormLayout):
            text = _row_label(form, field)
            if text:
                return text
        field = parent
    return ""


def _holds(layout: QLayout, widget: QWidget) -> bool:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is widget:
            return True
        inner = item.layout()
        if inner is not None and _holds(inner, widget):
            return True
    return False


def _row_label(form: QFormLayout, widget: QWidget) -> str:
    """The label of the form row whose field is ``widget`` or a layout holding it."""
    for row in range(form.rowCount()):
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if field is None or label is None or not isinstance(label.widget(), QLabel):
            continue
        inner = field.layout()
        if field.widget() is widget or (inner is not None and _holds(inner, widget)):
            text = label.widget().text()  # type: ignore[union-attr]
            return _clean(text) if text.strip() else ""
    return ""


def accessible_name(widget: QWidget) -> str:
    """The name an input gets: its label, placeholder, tool tip or group box title."""
    name = _label_of(widget)
    if not name and isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        name = _clean(widget.placeholderText())
    if not name:
        name = _clean(widget.toolTip())
    if not name:
        ancestor = widget.parentWidget()
        while ancestor is not None and not ancestor.isWindow():
            if isinstance(ancestor, QGroupBox) and ancestor.title().strip():
                name = _clean(ancestor.title())
                break
            ancestor = ancestor.parentWidget()
    return name


def name_inputs(root: QWidget) -> None:
    """Give every input under ``root`` without an accessible name one (see the module)."""
    for widget in root.findChildren(QWidget):
        if needs_name(widget) and not widget.accessibleName():
            name = accessible_name(widget)
            if name:
                widget.setAccessibleName(name)


class AccessibleNamer(QObject):
    """The event filter: names an input when it is first shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and needs_name(watched)
            and not watched.accessibleName()
        ):
            name = accessible_name(watched)
            if name:
                watched.setAccessibleName(name)
        return False


FOCUS_FRAME = "border: 2px solid palette(highlight);"
"""The frame a focused list or table without a current row gets (with a current row the
style draws the focus around that row)."""
_FRAMED = "ropaFocusFrame"


class FocusFrame(QObject):
    """The event filter: a list or table that has the keyboard focus but no current row
    (e.g. an empty list of recipients) shows a highlighted frame, so that a keyboard user
    sees where the focus is."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(watched, QAbstractItemView) and kind in (
            QEvent.Type.FocusIn,
            QEvent.Type.FocusOut,
        ):
            own = watched.property(_FRAMED)  # the view's own style sheet while framed
            if kind == QEvent.Type.FocusIn and own is None and not watched.currentIndex().isValid():
                watched.setProperty(_FRAMED, watched.styleSheet())
                watched.setStyleSheet(f"{type(watched).__name__} {{ {FOCUS_FRAME} }}")
            elif kind == QEvent.Type.FocusOut and own is not None:
                watched.setStyleSheet(str(own))
                watched.setProperty(_FRAMED, None)
        return False


_namer: AccessibleNamer | None = None
_focus_frame: FocusFrame | None = None


def install_accessible_names(app: QApplication | None = None) -> None:
    """Install the namer on the application once (later calls do nothing)."""
    global _namer
    instance = app if app is not None else QApplication.instance()
    if _namer is not None or instance is None:
        return
    _namer = AccessibleNamer(instance)
    instance.installEventFilter(_namer)
    global _focus_frame
    _focus_frame = FocusFrame(instance)
    instance.installEventFilter(_focus_frame)
