"""Issue 18, item 1: the mouse wheel over a value widget without focus scrolls the page and
never changes the record."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QWidget,
)

from ropa_desktop.ui.common.wheel_guard import is_guarded
from ropa_desktop.ui.main_window import PAGES, MainWindow


def _window(qtbot, session) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1400, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def _wheel(widget: QWidget, dy: int) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    assert isinstance(widget, QAbstractSlider)
    return widget.value()


def _guarded(page: QWidget) -> list[QWidget]:
    return [w for w in page.findChildren(QWidget) if is_guarded(w) and w.isVisible()]


def test_wheel_over_every_editor_widget_changes_nothing_and_scrolls(qtbot, session) -> None:
    window = _window(qtbot, session)
    editor = window.activities.editor
    editor.load(next(u for u in session.activity_uids() if session.activity(u).transfers))
    window.activities.table.setFocus()
    widgets = _guarded(editor)
    assert len(widgets) > 10  # combo boxes of legal bases, processors, countries, dates …
    for widget in widgets:
        assert widget.focusPolicy() != Qt.FocusPolicy.WheelFocus, widget.objectName()
        before = _value(widget)
        for dy in (-120, -120, 120, 120, 120):
            _wheel(widget, dy)
        assert _value(widget) == before, widget.objectName()
    assert not editor.is_dirty()
    assert not editor.save_action.isEnabled()
    # the wheel went to the page instead: it scrolls
    scroll = editor.findChild(QScrollArea).verticalScrollBar()
    scroll.setValue(0)
    inside = next(w for w in widgets if editor.scroll_area.isAncestorOf(w))
    _wheel(inside, -120)
    assert scroll.value() > 0


def test_wheel_changes_nothing_on_any_page(qtbot, session) -> None:
    window = _window(qtbot, session)
    for key in PAGES:
        assert window.show_page(key)
        page = window.pages[key]
        QApplication.processEvents()
        for widget in _guarded(page):
            before = _value(widget)
            for dy in (-120, -120, 120, 120, 120):
                _wheel(widget, dy)
            assert _value(widget) == before, f"{key}: {widget.objectName()}"
        leave = getattr(page, "maybe_leave", None)
        if leave is not None:
            assert leave(), key  # nothing unsaved on the page


def test_a_focused_combo_box_still_follows_the_wheel(qtbot, session) -> None:
    window = _window(qtbot, session)
    combo = window.org_switcher
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    before = combo.currentIndex()
    _wheel(combo, -120 if before == 0 else 120)
    assert combo.currentIndex() != before
