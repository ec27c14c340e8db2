"""Undo steps of the activity editor, and the guard that gives its shortcuts precedence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand


class EditCommand(QUndoCommand):
    """One edit of the draft as before/after snapshots; typing in one field merges."""

    TYPING_ID = 0x52_4F_50_41

    def __init__(
        self,
        restore: Callable[[dict[str, Any], str], None],
        before: dict[str, Any],
        after: dict[str, Any],
        path: str,
        typing: bool,
        text: str,
    ) -> None:
        super().__init__(text)
        self.restore = restore
        """Shows a snapshot of the draft and focuses ``path`` (the editor's)."""
        self.before = before
        self.after = after
        self.path = path
        self.typing = typing
        self._pushed = False

    def id(self) -> int:
        return self.TYPING_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or not other.typing or other.path != self.path:
            return False
        self.after = other.after
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        if not self._pushed:  # the draft already holds the edit when it is pushed
            self._pushed = True
            return
        self.restore(self.after, self.path)

    def undo(self) -> None:
        self.restore(self.before, self.path)


class ShortcutGuard(QObject):
    """Lets the editor's Undo/Redo/Save shortcuts win over a text field's own ones."""

    def __init__(self, actions: list[QAction], parent: QObject) -> None:
        super().__init__(parent)
        self._actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            for action in self._actions:
                if action.isEnabled() and any(
                    pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch
                    for s in action.shortcuts()
                ):
                    event.ignore()
                    return True
        return False
