"""Background tasks: results, errors and Cancel arrive on the main thread; no thread is left."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QPushButton, QWidget

from ropa_desktop.ui.common import tasks


def test_result_arrives_on_the_main_thread(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}
    main = threading.get_ident()

    def work(progress):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.get_ident()
        for i in range(3):
            progress.step(i, 3, f"step {i}")
        return 42

    def done(value):  # type: ignore[no-untyped-def]
        seen["value"] = value
        seen["callback"] = threading.get_ident()

    task = tasks.run_task(parent, "Test", work, on_success=done)
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert seen["value"] == 42
    assert seen["worker"] != main
    assert seen["callback"] == main
    assert task.outcome == "success"
    assert not task._thread.isRunning()


def test_failure_is_reported_not_raised(qtbot) -> None:
    errors: list[BaseException] = []

    def work(progress):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    task = tasks.run_task(None, "Test", work, on_failure=errors.append, show_progress=False)
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert task.outcome == "failure"
    assert isinstance(errors[0], OSError)


def test_cancel_stops_the_work_at_its_next_step(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    steps: list[int] = []
    cancelled: list[bool] = []

    def work(progress):  # type: ignore[no-untyped-def]
        started.set()
        for i in range(10_000):
            progress.step(i, 10_000)
            steps.append(i)
            QThread.msleep(1)
        return "finished"

    task = tasks.run_task(parent, "Test", work, on_cancel=lambda: cancelled.append(True))
    assert started.wait(10)
    button = task.dialog.findChild(QPushButton)
    button.click()  # the user presses Cancel in the progress dialog
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert task.outcome == "cancelled"
    assert cancelled == [True]
    assert len(steps) < 10_000
    assert tasks.running_tasks() == []
