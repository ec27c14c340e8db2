"""Object names of widgets, which the tests, the screenshots and the style sheets find them by."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

Q = TypeVar("Q", bound=QObject)


def named(obj: Q, name: str) -> Q:
    """``obj`` with the object name ``name``.

    The same as the ``objectName=`` keyword of the constructors, which the type stubs of
    PySide6 know only for QObject itself, not for the widgets inheriting it.
    """
    obj.setObjectName(name)
    return obj
