"""The mouse wheel never changes a value the person did not choose to edit.

Combo boxes, spin boxes, date edits and sliders change their value on the mouse wheel
even without focus in plain Qt: scrolling a long form over them silently edits the
record. :func:`install_wheel_guard` puts an application-wide event filter in place that
hands such a wheel event to the scroll area around the widget instead (so the page
scrolls), unless the widget has the keyboard focus; a click (not the wheel) gives it the
focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

_GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def is_guarded(obj: QObject) -> bool:
    """True for a value widget the wheel must not change without focus (scroll bars are
    no values: they keep scrolling)."""
    return isinstance(obj, _GUARDED) and not isinstance(obj, QScrollBar)


class WheelGuard(QObject):
    """The event filter: see the module's description."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and is_guarded(watched):
            assert isinstance(watched, QWidget)
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:  # the wheel gave focus
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and is_guarded(watched):
            assert isinstance(watched, QWidget)
            if not watched.hasFocus():
                area = _scroll_area_around(watched)
                if area is not None:
                    QApplication.sendEvent(area.viewport(), event)
                return True
        return False


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area holding ``widget`` (whose page the wheel scrolls)."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea) and not is_guarded(parent):
            return parent
        parent = parent.parentWidget()
    return None


_guard: WheelGuard | None = None


def install_wheel_guard(app: QApplication | None = None) -> None:
    """Install the guard on the application once (later calls do nothing)."""
    global _guard
    instance = app if app is not None else QApplication.instance()
    if _guard is not None or instance is None:
        return
    _guard = WheelGuard(instance)
    instance.installEventFilter(_guard)
