"""Pieces the record pages share: a page that reloads only while shown, and row opening."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from ropa_desktop.ui.session import Session


class _EnterKey(QObject):
    """Calls back with the current index when Enter/Return is pressed in an item view."""

    def __init__(self, view: QAbstractItemView, callback: Callable[[QModelIndex], None]) -> None:
        super().__init__(view)
        self._view = view
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self._view.currentIndex().isValid()
        ):
            self._callback(self._view.currentIndex())
            return True
        return False


def connect_open(view: QAbstractItemView, callback: Callable[[QModelIndex], None]) -> None:
    """Call ``callback(index)`` on a double-click on a row and on Enter/Return.

    (Not ``activated``, which some styles emit on a single click.)
    """
    view.doubleClicked.connect(callback)
    view.installEventFilter(_EnterKey(view, callback))


class LazyView(QWidget):
    """A page that follows the session but reloads only while it is shown.

    A change of the session (``changed``, ``organisationChanged``) marks the
    page dirty; it reloads at once when visible, otherwise on its next show,
    so switching organisations costs nothing for pages nobody looks at.
    Subclasses implement :meth:`refresh`.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._dirty = True
        session.changed.connect(self._session_changed)
        session.organisationChanged.connect(self._session_changed)

    @property
    def dirty(self) -> bool:
        """True when the page shows older data than the session holds."""
        return self._dirty

    def refresh(self) -> None:  # pragma: no cover - implemented by subclasses
        """Reload from the session (clears the dirty flag)."""
        raise NotImplementedError

    def _session_changed(self, *_: Any) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()
