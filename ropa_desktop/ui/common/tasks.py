"""Long work (import, export, backup) on a worker thread, with progress and Cancel.

A work function is plain Python taking a :class:`~ropa_desktop.domain.progress.Progress`
(the same functions the CLI calls with ``SILENT``). :func:`run_task` runs it on a
``QThread``, shows a progress dialog whose Cancel makes the next ``progress.step``
raise :class:`~ropa_desktop.domain.progress.Cancelled`, and calls back on the main
thread with the result, the error or the cancellation (the Anki pattern).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ropa_desktop.domain.progress import Cancelled


class _Worker(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, work: Callable[[Any], Any]) -> None:
        super().__init__()
        self._work = work
        self.cancel_requested = threading.Event()

    def step(self, done: int, total: int, message: str = "") -> None:
        if self.cancel_requested.is_set():
            raise Cancelled()
        self.progressed.emit(done, total, message)

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self)
        except Cancelled:
            self.cancelled.emit()
        except BaseException as exc:  # handed to the main thread, which shows it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            # End the thread's event loop at once, so wait() returns without the main loop.
            QThread.currentThread().quit()


class BackgroundTask(QObject):
    """One piece of work running on its own thread; callbacks arrive on the main thread."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        work: Callable[[Any], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        show_progress: bool = True,
    ) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancel = on_cancel
        self.done = False
        self.outcome: str | None = None  # "success", "failure" or "cancelled"
        self.dialog: QProgressDialog | None = None
        if show_progress:
            self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(400)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)
        self._thread = QThread()
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progress)
        self._worker.succeeded.connect(self._success)
        self._worker.failed.connect(self._failure)
        self._worker.cancelled.connect(self._cancelled)
        _running.add(self)

    def start(self) -> BackgroundTask:
        """Start the work; returns self."""
        self._thread.start()
        return self

    @Slot()
    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._worker.cancel_requested.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling …"))

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until the thread has ended (for closing the window and for tests)."""
        return self._thread.wait(msecs)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, message: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 0))
        # setValue of a modal progress dialog processes events: the work may end meanwhile
        # and close the dialog (self.dialog is None then).
        dialog.setValue(min(done, total) if total > 0 else 0)
        if message and self.dialog is dialog and not self._worker.cancel_requested.is_set():
            dialog.setLabelText(message)

    @Slot(object)
    def _success(self, result: Any) -> None:
        self._end("success")
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def _failure(self, exc: BaseException) -> None:
        self._end("failure")
        if self._on_failure is not None:
            self._on_failure(exc)

    @Slot()
    def _cancelled(self) -> None:
        self._end("cancelled")
        if self._on_cancel is not None:
            self._on_cancel()

    def _end(self, outcome: str) -> None:
        self._thread.quit()
        self._thread.wait()
        self.outcome = outcome
        self.done = True
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        _running.discard(self)
        self.finished.emit()


_running: set[BackgroundTask] = set()


def run_task(
    parent: QWidget | None, title: str, work: Callable[[Any], Any], **callbacks: Any
) -> BackgroundTask:
    """Run ``work(progress)`` on a worker thread; see :class:`BackgroundTask` for callbacks."""
    return BackgroundTask(parent, title, work, **callbacks).start()


def running_tasks() -> list[BackgroundTask]:
    """Tasks that have not finished yet."""
    return list(_running)


def stop_all(msecs: int = 30_000) -> None:
    """Cancel every running task and wait for its thread (at exit)."""
    for task in list(_running):
        task.cancel()
        task.wait(msecs)
