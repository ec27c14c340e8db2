"""Issue 18, item 12: every input has an accessible name (read through Qt's accessibility
interface, as a screen reader does), the keyboard reaches every page and the editor's
fields in the order of the form."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ropa_desktop.ui.common.accessibility import needs_name
from ropa_desktop.ui.export_dialog import ExportDialog
from ropa_desktop.ui.main_window import PAGES, MainWindow
from ropa_desktop.ui.wizard.wizard import TemplateWizard


def _window(qtbot, session) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def _unnamed(root: QWidget) -> list[str]:
    QApplication.processEvents()
    out = []
    for widget in root.findChildren(QWidget):
        if not needs_name(widget) or not widget.isVisibleTo(root):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface is not None and iface.isValid()
        if not iface.text(QAccessible.Text.Name).strip():
            out.append(f"{type(widget).__name__} {widget.objectName()}")
    return out


def test_every_input_of_every_page_and_dialog_has_an_accessible_name(qtbot, session) -> None:
    window = _window(qtbot, session)
    missing: list[str] = []
    for key in PAGES:
        assert window.show_page(key)
        missing += [f"{key}: {w}" for w in _unnamed(window.pages[key])]
    editor = window.activities.editor
    editor.load(next(u for u in session.activity_uids() if session.activity(u).transfers))
    missing += [f"editor: {w}" for w in _unnamed(editor)]
    dialog = ExportDialog(session, "pdf", None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    missing += [f"export: {w}" for w in _unnamed(dialog)]
    wizard = TemplateWizard(session, window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.case_page.select("teams-video-consultation")
    wizard.next()
    missing += [f"wizard: {w}" for w in _unnamed(wizard)]
    assert not missing, "\n".join(missing)
    name = QAccessible.queryAccessibleInterface(
        editor.findChild(QWidget, "activityEditor.reference")
    ).text(QAccessible.Text.Name)
    assert name == "Nr."  # the label's text, without its colon


def test_every_page_and_action_is_reachable_by_keyboard(qtbot, session) -> None:
    window = _window(qtbot, session)
    for i, key in enumerate(PAGES):
        action = next(a for a in window.actions() if a.objectName() == f"action.page.{key}")
        assert action.shortcut().toString() == f"Alt+{(i + 1) % 10}"  # the tenth: Alt+0
        action.trigger()
        assert window.current_page() == key
    for action in window.actions():
        menu_or_shortcut = bool(action.shortcut().toString()) or bool(action.associatedObjects())
        if action.text() and action.isVisible():
            assert menu_or_shortcut, action.text()


def test_tab_follows_the_editor_form_from_top_to_bottom(qtbot, session) -> None:
    window = _window(qtbot, session)
    editor = window.activities.editor
    editor.load(session.activity_uids()[0])
    first = editor.findChild(QWidget, "activityEditor.reference")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    form = editor.form
    seen: list[QWidget] = []
    widget = first
    for _ in range(60):
        seen.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & widget.focusPolicy().TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
        if not form.isAncestorOf(widget):
            break
    tops = [w.mapTo(form, w.rect().topLeft()).y() for w in seen if form.isAncestorOf(w)]
    assert len(tops) > 10
    backwards = [(a, b) for a, b in pairwise(tops) if b < a - 4]
    inside = [w for w in seen if form.isAncestorOf(w)]
    names = [(w.objectName() or type(w).__name__, y) for w, y in zip(inside, tops, strict=True)]
    assert not backwards, "\n".join(f"{n} {y}" for n, y in names)


def test_the_keyboard_focus_is_visible_on_every_field_tab_reaches(qtbot, session) -> None:
    """Tabbing through the activity editor: every widget the keyboard reaches looks
    different while it has the focus (a focus frame, highlight or cursor), so a keyboard
    user always sees where they are. Nothing is typed, so the record stays unchanged."""
    window = _window(qtbot, session)
    editor = window.activities.editor
    editor.load(session.activity_uids()[0])
    first = editor.findChild(QWidget, "activityEditor.reference")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    QTest.keyClick(first, Qt.Key.Key_Tab)  # a focus change by keyboard, as a user makes it
    checked: list[str] = []
    invisible: list[str] = []
    for _ in range(150):
        focused = QApplication.focusWidget()
        assert focused is not None
        if not editor.isAncestorOf(focused):
            break
        with_focus = focused.grab().toImage()
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        QApplication.processEvents()
        if QApplication.focusWidget() is focused:  # e.g. the next section of a date edit
            continue
        name = focused.objectName() or type(focused).__name__
        checked.append(name)
        if focused.grab().toImage() == with_focus:
            invisible.append(name)
    assert len(checked) >= 10, checked
    assert not invisible, invisible
    assert not editor.is_dirty()
