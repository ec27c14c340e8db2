"""The questions and messages the application puts to the user, in one place.

Every confirmation and error box goes through these functions, so the wording
and buttons are the same everywhere (and a test can answer a question the way a
user would, by replacing :func:`confirm` for its duration).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ropa_desktop.domain.i18n import LocalizedError

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
START_DEMO, START_OWN = "demo", "own"


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True when the user answers yes."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_reason(parent: QWidget | None, title: str, text: str) -> str | None:
    """Ask for a reason (one line of text); None when cancelled or left empty."""
    from PySide6.QtWidgets import QInputDialog

    reason, ok = QInputDialog.getText(parent, title, text)
    return reason.strip() if ok and reason.strip() else None


def choose(parent: QWidget | None, title: str, label: str, items: list[str]) -> str | None:
    """Let the user pick one of ``items``; None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return item if ok and item in items else None


def ask_unsaved(parent: QWidget | None, what: str) -> str:
    """Ask what to do with unsaved changes of ``what``: :data:`SAVE`, :data:`DISCARD` or
    :data:`CANCEL`."""
    title = QCoreApplication.translate("Prompts", "Unsaved changes")
    text = QCoreApplication.translate("Prompts", "“{what}” has unsaved changes. Save them?").format(
        what=what
    )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def leave_unsaved(
    parent: QWidget | None, what: str, save: Callable[[], bool], discard: Callable[[], object]
) -> bool:
    """Ask about the unsaved changes of ``what`` and act on the answer.

    Save runs ``save`` (True when it succeeded), Discard runs ``discard``; True when the
    caller may show something else, False on Cancel or when saving failed.
    """
    answer = ask_unsaved(parent, what)
    if answer == SAVE:
        return save()
    if answer == DISCARD:
        discard()
        return True
    return False


def ask_read_only(parent: QWidget | None, text: str) -> bool:
    """The register is held by another window: open it read-only? True for yes."""
    title = QCoreApplication.translate("Prompts", "Register in use")
    question = QCoreApplication.translate("Prompts", "{text}\n\nOpen it read-only?").format(
        text=text
    )
    return confirm(parent, title, question)


def error_text(error: BaseException | str) -> str:
    """The one-line message of an error, in the current language."""
    if isinstance(error, LocalizedError):
        return error.message()
    if isinstance(error, BaseException):
        from ropa_desktop.store.problems import explain

        known = explain(error)
        if known is not None:
            return known.message()
    if isinstance(error, OSError) and error.strerror:
        name = f"{error.filename}: " if error.filename else ""
        return f"{name}{error.strerror}"
    return str(error) or type(error).__name__


def show_error(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    """Show an error message (the localized one for our own errors)."""
    QMessageBox.critical(parent, title, error_text(error))


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Show an information message."""
    QMessageBox.information(parent, title, text)


def ask_start(parent: QWidget | None) -> str:
    """On an empty register file: :data:`START_DEMO`, :data:`START_OWN` or :data:`CANCEL`."""
    title = QCoreApplication.translate("Prompts", "Empty register")
    text = QCoreApplication.translate(
        "Prompts",
        "This register file is empty.\n\n"
        "Load the demo register (five organisations from real privacy notices) to look "
        "around, or start with your own organisation?",
    )
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    demo = box.addButton(
        QCoreApplication.translate("Prompts", "Load &demo register"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    own = box.addButton(
        QCoreApplication.translate("Prompts", "&Own organisation …"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(demo)
    box.exec()
    clicked = box.clickedButton()
    if clicked is demo:
        return START_DEMO
    if clicked is own:
        return START_OWN
    return CANCEL


def show_start_failure(title: str, text: str) -> None:
    """Show why the application could not start (creates the QApplication if there is none
    yet, as the failure may have come before it)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    assert app is not None
    QMessageBox.critical(None, title, text)
