"""Fixtures of the GUI tests: real SQLite registers and real (offscreen) Qt widgets."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QSettings

from ropa_desktop.io.demo import build_demo_register
from ropa_desktop.store.database import open_store
from ropa_desktop.store.repository import Store
from ropa_desktop.ui.common import tasks
from ropa_desktop.ui.session import Session

DEMO_ORG = "Stadtwerke Bochum GmbH"
"""A demo organisation with eight activities (municipal company)."""


@pytest.fixture(scope="session")
def _demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo register written once per test session (schema upgrades and the import
    take most of a GUI test's setup); every test gets its own copy."""
    path = tmp_path_factory.mktemp("demo-register") / "register.sqlite"
    store = open_store(path, user="tester")
    store.import_register(build_demo_register(date.today()), description="Demo", kind="demo")
    with store.engine.connect() as conn:  # everything into the main file, no WAL left
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    return path


@pytest.fixture
def demo_store(tmp_path: Path, _demo_file: Path) -> Store:
    """A fresh SQLite register holding the demo data (a copy of the session's demo file)."""
    target = tmp_path / "register.sqlite"
    shutil.copyfile(_demo_file, target)
    return open_store(target, user="tester")


@pytest.fixture
def session(qapp, demo_store: Store, tmp_path: Path) -> Session:  # type: ignore[no-untyped-def]
    """A session on the demo register, working on :data:`DEMO_ORG`."""
    s = Session(demo_store, str(tmp_path / "register.sqlite"))
    s.set_organisation(DEMO_ORG)
    return s


@pytest.fixture(autouse=True)
def _no_unanswered_message_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box a test did not answer (through ``prompts``) fails the test at once;
    offscreen nobody could click it, and the run would hang until CI's time runs out."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    def unanswered(*args: object, **kwargs: object) -> None:
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"a dialog was shown that the test does not answer: {texts}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, unanswered)
    for name in ("getItem", "getText"):
        monkeypatch.setattr(QInputDialog, name, unanswered)


@pytest.fixture(autouse=True)
def _clean_qt_state(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Each test starts with empty settings and must not leave a worker thread running."""
    from ropa_desktop.ui.common.settings import configure_application

    configure_application(qapp)
    QSettings().clear()
    yield
    from ropa_desktop.ui.app import remove_translations

    remove_translations(qapp)  # a test that starts the app installs the German translation
    left = tasks.running_tasks()
    tasks.stop_all()
    assert not left, f"test left {len(left)} background task(s) running"
