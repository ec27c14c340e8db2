"""Progress reporting and cancellation for long work (import, export, backup).

Work functions take a :class:`Progress` and call :meth:`Progress.step` as they go;
the GUI passes one that updates a progress dialog and turns Cancel into
:class:`Cancelled`, tests pass a recording fake, the CLI passes :data:`SILENT`.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """The user cancelled the work; whatever it wrote has been rolled back or removed."""


class Progress(Protocol):
    """Where long work reports how far it is and learns whether to stop."""

    def step(self, done: int, total: int, message: str = "") -> None:
        """Report ``done`` of ``total`` units; raises :class:`Cancelled` to stop the work."""


class _Silent:
    def step(self, done: int, total: int, message: str = "") -> None:
        return None


SILENT: Progress = _Silent()
"""A progress sink that ignores reports and never cancels."""
