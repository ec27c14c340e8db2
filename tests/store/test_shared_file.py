"""One register file used by several processes at once: the desktop application (a
long-lived process) and the command line (short processes) must never lose a save or
corrupt the file.

The failure these tests reproduce (issue 11, item 2): SQLite's POSIX advisory locks belong
to the process and are dropped when the process closes *any* descriptor on the file — a
file dialog sniffing the files in the register's folder is enough. A process that kept an
idle connection open then holds no lock; a second process closing its connection believes
it is the last user, checkpoints and deletes the WAL, and the first process's next saves go
into the deleted WAL: reported as saved, never seen by anyone else.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store
from ropa_desktop.store.lockfile import RegisterLocked


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ropa_desktop.cli", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _seed(db: Path) -> tuple[str, m.Activity]:
    org = m.Organisation(
        name="Stadt Ahaus",
        activities=[m.Activity(reference="VT-1", name="Webmail-Portal", description="Anfang")],
    )
    open_store(db).import_register(m.Register(organisations=[org]))
    return org.uid, org.activities[0]


def _sniff(path: Path) -> None:
    """What a file dialog does to guess a file's type: open, read a little, close."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists():
            with open(name, "rb") as fh:
                fh.read(64)


def _fresh_look(db: Path, uid: str) -> tuple[str, str]:
    """Integrity and the activity's description as a new process sees them."""
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute('PRAGMA integrity_check').fetchone()[0]); "
        "print(c.execute('SELECT description FROM activity WHERE uid = ?', "
        "(sys.argv[2],)).fetchone()[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db), uid],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()
    return out[0], out[1]


def test_a_save_after_another_process_read_the_file_reaches_the_file(tmp_path):
    db = tmp_path / "register.sqlite"
    org_uid, activity = _seed(db)
    store = open_store(db)  # the long-lived process (the desktop application)
    activity.description = "erste Änderung"
    store.save_activity(org_uid, activity)

    _sniff(db)  # e.g. the import dialog opened in the register's folder
    summary = _cli(db, "summary")
    assert summary.returncode == 0, summary.stderr

    activity.description = "zweite Änderung"
    store.save_activity(org_uid, activity)  # reported as saved ...
    assert store.load_activity(activity.uid).description == "zweite Änderung"

    integrity, description = _fresh_look(db, activity.uid)  # ... and really in the file
    assert integrity == "ok"
    assert description == "zweite Änderung"
    store.engine.dispose()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert os.path.getsize(db) > 0


def test_while_a_window_holds_the_register_writers_refuse_and_readers_read(tmp_path):
    db = tmp_path / "register.sqlite"
    _seed(db)
    window = open_store(db, lock="exclusive", program="ropa-desktop")  # the GUI's session
    try:
        write = _cli(db, "template", "apply", "website-server-logs", "--org", "Stadt Ahaus")
        assert write.returncode == 1
        assert write.stderr.count("\n") == 1
        assert f"PID {os.getpid()}" in write.stderr and "geöffnet" in write.stderr
        read = _cli(db, "summary")
        assert read.returncode == 0, read.stderr
        assert "Stadt Ahaus: 1 Verarbeitungstätigkeiten" in read.stdout
        with pytest.raises(RegisterLocked):  # a second window is offered read-only
            open_store(db, lock="exclusive")
        second = open_store(db, read_only=True)
        assert second.organisation_names() == ["Stadt Ahaus"]
    finally:
        assert window.lock is not None
        window.lock.release()
    after = _cli(db, "template", "apply", "website-server-logs", "--org", "Stadt Ahaus")
    assert after.returncode == 0, after.stderr


def test_read_commands_on_a_mistyped_path_create_nothing(tmp_path):
    missing = tmp_path / "tippfehler" / "register.sqlite"
    for args in (
        ["summary"],
        ["check"],
        ["batches"],
        ["verify"],
        ["export", "--format", "json", "--out", str(tmp_path / "x.json")],
    ):
        done = _cli(missing, *args)
        assert done.returncode == 1
        assert done.stderr.strip() == f"ropa-desktop: Datenbank {missing} nicht gefunden."
    assert sorted(p.name for p in tmp_path.iterdir()) == []
