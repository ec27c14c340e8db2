"""The window and the command line on one register file (issue 11, item 2), and restoring a
backup from the window."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from ropa_desktop.store import backup
from ropa_desktop.store.database import open_store
from ropa_desktop.ui.app import Application
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.restore_dialog import RestoreDialog

DEMO_ORG = "Stadtwerke Bochum GmbH"


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ropa_desktop.cli", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _sniff_folder(folder: Path) -> None:
    """What a file dialog on the register's folder does: open each file, read, close."""
    for name in folder.iterdir():
        if name.is_file():
            with open(name, "rb") as fh:
                fh.read(64)


def test_window_and_command_line_share_the_register_without_losing_a_save(
    qapp, demo_store, tmp_path, monkeypatch
):
    db = tmp_path / "register.sqlite"
    demo_store.engine.dispose()
    app = Application(qapp, str(db))
    assert app.start()
    window, session = app.window, app.session
    assert window is not None and session is not None
    try:
        session.set_organisation(DEMO_ORG)
        org = session.store.load_organisation(DEMO_ORG)
        activity = org.activities[0]
        activity.description = "im Fenster gespeichert"
        session.store.save_activity(org.uid, activity)

        _sniff_folder(tmp_path)  # the import dialog opened in the register's folder
        summary = _cli(db, "summary")
        assert summary.returncode == 0, summary.stderr
        refused = _cli(db, "demo")
        assert refused.returncode == 1
        assert f"PID {os.getpid()}" in refused.stderr and refused.stderr.count("\n") == 1

        activity.description = "nach dem Befehl gespeichert"
        session.store.save_activity(org.uid, activity)
        code = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(c.execute('PRAGMA integrity_check').fetchone()[0]); "
            "print(c.execute('SELECT description FROM activity WHERE uid = ?', "
            "(sys.argv[2],)).fetchone()[0])"
        )
        seen = subprocess.run(
            [sys.executable, "-c", code, str(db), activity.uid],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert seen.stdout.splitlines() == ["ok", "nach dem Befehl gespeichert"]

        # a second window: offered read-only, and shows it
        asked: list[str] = []
        monkeypatch.setattr(
            prompts, "ask_read_only", lambda parent, text: asked.append(text) or True
        )
        second = Application(qapp, str(db))
        assert second.start()
        assert second.window is not None and second.session is not None
        assert asked and f"PID {os.getpid()}" in asked[0]
        assert second.session.store.read_only
        assert "[read-only]" in second.window.windowTitle()
        assert not second.window.import_action.isEnabled()
        second.window.close()
    finally:
        window.close()
        assert session.store.lock is not None
        session.store.lock.release()
    assert _cli(db, "demo").returncode == 0  # the window is gone: commands may write


def test_restore_dialog_lists_the_backups_and_restores_one(qtbot, session, monkeypatch):
    store = session.store
    before = len(store.load_organisation(DEMO_ORG).activities)
    saved = backup.backup_database(store.engine, "manual")
    store.delete_activity(store.load_organisation(DEMO_ORG).activities[0].uid)
    session.reload()
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "manual backup"
    assert dialog.selected() == saved
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: True)
    told: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: told.append(text))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert "5 organisations" in told[0]
    assert len(store.load_organisation(DEMO_ORG).activities) == before
    assert len(session.organisation().activities) == before
    with sqlite3.connect(store.engine.url.database or "") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reasons = {b.reason for b in backup.backups_of(store.engine)}
    assert reasons == {"manual", "before-restore"}
    assert open_store(store.engine.url.database or "").organisation_names()
