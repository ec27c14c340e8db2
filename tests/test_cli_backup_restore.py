"""backup, restore and verify on the command line; frozen versions; what --out may replace."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from ropa_desktop.cli import main
from ropa_desktop.store import backup
from ropa_desktop.store.database import open_store, upgrade_schema


def _cli(db: str | Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ropa_desktop.cli", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def demo(tmp_path) -> Path:
    db = tmp_path / "register.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    return db


def _counts(db: str | Path) -> tuple[int, int]:
    store = open_store(db)
    orgs = store.organisations()
    return len(orgs), sum(o.activities for o in orgs)


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_backup_restore_brings_back_the_register_even_with_a_stale_wal_beside_it(
    demo, tmp_path, capsys
):
    before = _counts(demo)
    assert main(["--db", str(demo), "backup"]) == 0
    (saved,) = backup.list_backups(tmp_path / "backups")
    assert saved.reason == "manual" and saved.path.name.startswith("register.manual-")
    store = open_store(demo)
    for org in store.organisations():
        for act in store.load_organisation(org.name).activities:
            store.delete_activity(act.uid)
    # a crash left a -wal beside the register (what made the manual copy corrupt)
    crashed = sqlite3.connect(demo)
    crashed.execute("PRAGMA journal_mode=WAL")
    crashed.execute("UPDATE organisation SET name = name || ' (kaputt)'")
    crashed.commit()
    shutil.copyfile(f"{demo}-wal", tmp_path / "stale-wal")
    crashed.close()
    shutil.copyfile(tmp_path / "stale-wal", f"{demo}-wal")
    capsys.readouterr()
    assert main(["--db", str(demo), "restore", str(saved.path)]) == 0
    out = capsys.readouterr().out
    assert f"{before[0]} Organisationen, {before[1]} Verarbeitungstätigkeiten" in out
    assert "before-restore" in out
    assert _counts(demo) == before
    assert _integrity(demo) == "ok"
    assert main(["--db", str(demo), "verify"]) == 0
    assert main(["--db", str(demo), "check"]) in (0, 1)  # no internal error
    assert "(kaputt)" not in " ".join(open_store(demo).organisation_names())
    reasons = sorted(b.reason for b in backup.list_backups(tmp_path / "backups"))
    assert reasons == ["before-restore", "manual"]


def test_restore_refuses_a_damaged_or_newer_backup_and_changes_nothing(demo, tmp_path, capsys):
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(demo.read_bytes())
    data[4096 * 3 : 4096 * 5] = b"\xff" * 8192
    damaged.write_bytes(bytes(data))
    newer = tmp_path / "newer.sqlite"
    backup.copy_sqlite(demo, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    truncated = tmp_path / "truncated.json"
    truncated.write_text('{"organisation": [', encoding="utf-8")
    before = demo.read_bytes()
    for bad, words in (
        (damaged, "beschädigt"),
        (newer, "neueren Version"),
        (truncated, "keine Sicherung"),
        (tmp_path / "nope.sqlite", "nicht gefunden"),
    ):
        capsys.readouterr()
        assert main(["--db", str(demo), "restore", str(bad)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and words in err, err
    assert demo.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_restore_of_an_older_backup_upgrades_it(tmp_path, capsys):
    old = tmp_path / "old.sqlite"
    from ropa_desktop.store.database import create_db_engine, resolve_url

    engine = create_db_engine(resolve_url(old))
    upgrade_schema(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisation (uid, name, kind, representative, dpo, dpo_external, "
                "is_controller, is_processor) VALUES ('o1', 'Gemeinde Alt', 'public_authority', "
                "'{}', '{}', false, true, false)"
            )
        )
    engine.dispose()
    db = tmp_path / "register.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "restore", str(old)]) == 0
    assert "danach aktualisiert" in capsys.readouterr().out
    assert open_store(db).organisation_names() == ["Gemeinde Alt"]
    assert main(["--db", str(db), "verify"]) == 0


def test_json_dump_restores_table_by_table(db_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(backup, "backup_dir", lambda: tmp_path / "server-backups")
    assert main(["--db", db_url, "demo"]) == 0
    store = open_store(db_url)
    first = tmp_path / "first.json"
    assert (
        main(["--db", db_url, "export", "--format", "json", "--out", str(first), "--history"]) == 0
    )
    dump = tmp_path / "dump.json"
    backup.dump_tables(store.engine, dump)
    org = store.load_organisation("Stadt Ahaus")
    store.delete_activity(org.activities[0].uid)
    capsys.readouterr()
    assert main(["--db", db_url, "restore", str(dump)]) == 0
    second = tmp_path / "second.json"
    assert (
        main(["--db", db_url, "export", "--format", "json", "--out", str(second), "--history"]) == 0
    )
    assert first.read_bytes() == second.read_bytes()
    assert main(["--db", db_url, "verify"]) == 0
    # new records still get fresh ids after the restored ones
    store.save_organisation(type(org)(name="Neu nach Restore"))
    assert "Neu nach Restore" in open_store(db_url).organisation_names()
    store.engine.dispose()


def test_verify_reports_broken_references_one_line_each(demo, capsys):
    with sqlite3.connect(demo) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE activity SET organisation_id = 999 WHERE id = 1")
    capsys.readouterr()
    assert main(["--db", str(demo), "verify"]) == 1
    lines = capsys.readouterr().out.splitlines()
    # the activity's own key and the links that name its organisation are reported
    assert any(line.startswith("foreign_key_check: table activity,") for line in lines)
    assert all(line.startswith("foreign_key_check: ") for line in lines[:-1])
    assert lines[-1].endswith(f"{len(lines) - 1} Befunde.")


def test_backups_are_unique_complete_and_pruned(demo, tmp_path):
    store = open_store(demo)
    made = {backup.backup_database(store.engine, "before-import") for _ in range(3)}
    assert len(made) == 3
    folder = tmp_path / "backups"
    assert not list(folder.glob(".*"))  # no temporary file left
    for path in made:
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    # 30 older ones, one every 15 days: the newest 20 stay, and one of each of the last 12
    # months; older ones go
    now = datetime.now(UTC)
    for i in range(30):
        at = now - timedelta(days=15 * i + 1)
        shutil.copyfile(next(iter(made)), folder / f"register.manual-{at:%Y%m%d-%H%M%S-%f}.sqlite")
    every = backup.list_backups(folder, "register")
    backup.backup_database(store.engine, "manual")
    kept = backup.list_backups(folder, "register")
    assert {b.path for b in every[:19]} < {b.path for b in kept}
    month = lambda at: at.year * 12 + at.month  # noqa: E731
    recent = {month(b.at) for b in every if month(now) - month(b.at) < 12}
    assert {month(b.at) for b in kept} == recent
    assert len(kept) < len(every)
    assert all(month(now) - month(b.at) < 12 for b in kept[20:])


def test_parallel_freezes_get_their_own_numbers_and_files(demo, tmp_path):
    org = "Stadt Ahaus"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ropa_desktop.cli",
                "--db",
                str(demo),
                "export",
                "--format",
                "xlsx",
                "--out",
                str(tmp_path / f"{i}.xlsx"),
                "--org",
                org,
                "--freeze",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(2)
    ]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stderr.read() if p.stderr else ""
    stamps = {
        openpyxl.load_workbook(tmp_path / f"{i}.xlsx").properties.description.split("; ")[1]
        for i in range(2)
    }
    assert stamps == {"Version: 1", "Version: 2"}
    versions = open_store(demo).versions(org)
    assert [v.number for v in versions] == [1, 2]
    assert all(v.delivered for v in versions)


@pytest.mark.parametrize("kind", ["directory", "device", "fifo", "symlink"])
def test_out_replaces_only_regular_files(demo, tmp_path, capsys, kind):
    target = tmp_path / "out.json"
    if kind == "directory":
        target.mkdir()
    elif kind == "device":
        target = Path("/dev/null")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        real = tmp_path / "real.json"
        real.write_text("alt", encoding="utf-8")
        target.symlink_to(real)
    capsys.readouterr()
    assert main(["--db", str(demo), "export", "--format", "json", "--out", str(target)]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    if kind == "symlink":
        assert real.read_text(encoding="utf-8") == "alt"
        assert (
            main(
                [
                    "--db",
                    str(demo),
                    "export",
                    "--format",
                    "json",
                    "--out",
                    str(target),
                    "--follow-symlink",
                ]
            )
            == 0
        )
        assert target.is_symlink() and json.loads(real.read_text(encoding="utf-8"))


def test_a_busy_register_is_one_clear_line():
    from ropa_desktop.store.problems import explain

    conn = sqlite3.connect(":memory:")
    del conn
    path = Path(os.environ["ROPA_DB"]).parent / "busy.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE IF NOT EXISTS t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError) as info:
        other.execute("BEGIN IMMEDIATE")
    holder.rollback()
    problem = explain(info.value, path)
    assert problem is not None and "belegt" in problem.message()
    assert "\n" not in problem.message()
