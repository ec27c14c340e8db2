"""Bringing back a backup: an SQLite copy or a JSON dump of every table.

The backup is checked before anything changes: an SQLite backup must pass
``PRAGMA integrity_check`` and ``foreign_key_check``; both kinds must carry a schema
revision this version knows (an older one is restored and then upgraded; a newer one is
refused). Then the current register is backed up ("before-restore") and replaced:

- an SQLite backup into an SQLite register through SQLite's backup API, i.e. one write
  transaction through the register's own journal — never a file copied over a live
  database and its ``-wal``. Only when the register itself can no longer be opened
  (damaged beyond SQLite's reading) is the file replaced, under the exclusive lock, with
  stale ``-wal``/``-shm`` files removed first;
- a JSON dump (PostgreSQL's backups, or any register's) in one transaction: the tables are
  dropped, the dump's schema revision is created, the rows are inserted table by table,
  sequences are moved past the restored ids, and the schema is upgraded to the newest.

The caller holds the register exclusively (the window's session, or ``restore`` on the
command line takes the lock).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from alembic.command import upgrade
from sqlalchemy import Connection, Date, DateTime, MetaData, func, insert, select, text

from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.model import utc_now
from ropa_desktop.store import backup
from ropa_desktop.store.backup import read_only_connection
from ropa_desktop.store.database import _alembic_config, head_revision, upgrade_schema
from ropa_desktop.store.models import ActivityRow, OrganisationRow
from ropa_desktop.store.repository import Store
from ropa_desktop.store.transactions import writing

MSG_MISSING = Text(de="{file}: Sicherung nicht gefunden.", en="{file}: backup not found.")
MSG_NOT_BACKUP = Text(
    de="{file}: keine Sicherung von ropa-desktop ({problem}).",
    en="{file}: not a ropa-desktop backup ({problem}).",
)
MSG_DAMAGED = Text(
    de="{file}: Die Sicherung ist beschädigt ({problem}); nichts wurde zurückgespielt.",
    en="{file}: the backup is damaged ({problem}); nothing was restored.",
)
MSG_NEWER = Text(
    de="{file}: Die Sicherung stammt von einer neueren Version von ropa-desktop "
    "(Schema {revision}); bitte das Programm aktualisieren.",
    en="{file}: the backup was written by a newer version of ropa-desktop "
    "(schema {revision}); please update the application.",
)


class RestoreError(LocalizedError):
    """The backup cannot be restored; the register is unchanged."""


@dataclass(frozen=True, slots=True)
class RestoreReport:
    """What a restore did."""

    backup: Path
    safety_backup: Path | None
    revision: str
    upgraded: bool
    organisations: int
    activities: int


def check_backup(path: Path, known: set[str]) -> tuple[str, str]:
    """(kind "sqlite" or "json", schema revision) of a sound backup; raises otherwise."""
    if not path.is_file():
        raise RestoreError(MSG_MISSING, file=path)
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head.startswith(b"SQLite format 3"):
        kind, revision = "sqlite", _check_sqlite(path)
    else:
        kind, revision = "json", _revision_of_dump(_read_dump(path), path)
    if revision not in known:
        raise RestoreError(MSG_NEWER, file=path, revision=revision)
    return kind, revision


def _check_sqlite(path: Path) -> str:
    try:
        conn = read_only_connection(path)
        try:
            bad = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
            if bad:
                raise RestoreError(MSG_DAMAGED, file=path, problem=bad[0])
            orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
            if orphans:
                raise RestoreError(
                    MSG_DAMAGED, file=path, problem=f"foreign_key_check: {len(orphans)} rows"
                )
            tables = {
                t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "alembic_version" not in tables or "organisation" not in tables:
                raise RestoreError(MSG_NOT_BACKUP, file=path, problem="no register tables")
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise RestoreError(MSG_DAMAGED, file=path, problem=str(exc)) from None
    if found is None:
        raise RestoreError(MSG_NOT_BACKUP, file=path, problem="no schema revision")
    return str(found[0])


def _read_dump(path: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise RestoreError(MSG_NOT_BACKUP, file=path, problem=str(exc).splitlines()[0]) from None
    if not isinstance(data, dict) or not all(
        isinstance(rows, list) and all(isinstance(r, dict) for r in rows) for rows in data.values()
    ):
        raise RestoreError(MSG_NOT_BACKUP, file=path, problem="not a table dump")
    return data


def _revision_of_dump(data: dict[str, list[dict[str, Any]]], path: Path) -> str:
    rows = data.get("alembic_version") or []
    if len(rows) != 1 or "version_num" not in rows[0] or "organisation" not in data:
        raise RestoreError(MSG_NOT_BACKUP, file=path, problem="no schema revision")
    return str(rows[0]["version_num"])


def restore(store: Store, path: Path, known: set[str]) -> RestoreReport:
    """Replace the register of ``store`` by the backup at ``path`` (see the module)."""
    kind, revision = check_backup(path, known)
    engine = store.engine
    sqlite = engine.url.get_backend_name() == "sqlite"
    safety = _safety_backup(store)
    if kind == "sqlite" and sqlite:
        _restore_sqlite_file(path, Path(engine.url.database or ""))
        upgraded = revision != head_revision()
        if upgraded:
            upgrade_schema(engine)
    else:
        data = _read_dump(path) if kind == "json" else _dump_of_sqlite(path)
        with writing(engine) as conn:
            _load_dump(conn, data, revision)
        upgraded = revision != head_revision()
    with engine.connect() as conn:
        orgs = conn.execute(select(func.count()).select_from(OrganisationRow)).scalar() or 0
        acts = conn.execute(select(func.count()).select_from(ActivityRow)).scalar() or 0
    return RestoreReport(path, safety, revision, upgraded, orgs, acts)


def _safety_backup(store: Store) -> Path | None:
    """A backup of the current register; a register too damaged to copy is kept raw."""
    try:
        return backup.backup_database(store.engine, "before-restore")
    except sqlite3.DatabaseError as exc:
        if store.engine.url.get_backend_name() != "sqlite" or not _damaged(exc):
            raise
    source = Path(store.engine.url.database or "")
    folder = backup.backup_folder(store.engine)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = utc_now().strftime("%Y%m%d-%H%M%S-%f")
    for suffix in ("", "-wal"):
        part = Path(f"{source}{suffix}")
        if part.exists():  # not named like a backup: it is no sound database
            shutil.copyfile(part, folder / f"{source.stem}.damaged-{stamp}.sqlite{suffix}.raw")
    return None


def _restore_sqlite_file(path: Path, target: Path) -> None:
    src = read_only_connection(path)
    try:
        try:
            dst = sqlite3.connect(target, timeout=30)
            try:
                src.backup(dst)
            finally:
                dst.close()
            return
        except sqlite3.DatabaseError as exc:
            if not _damaged(exc) or not os.access(target, os.W_OK):
                raise
            # the register cannot take the pages: replace the file (the lock is held)
        fd, tmp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
        os.close(fd)
        try:
            copy = sqlite3.connect(tmp_name)
            try:
                src.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    finally:
        src.close()


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    """True for a file SQLite cannot use as a database, False for busy, full, I/O …"""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return not isinstance(exc, sqlite3.OperationalError) or name.startswith(
        ("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_READONLY")
    )


def _dump_of_sqlite(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows of an SQLite backup, as a JSON dump holds them (for a server register)."""
    conn = read_only_connection(path)
    conn.row_factory = sqlite3.Row
    try:
        tables = [
            t
            for (t,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        data: dict[str, list[dict[str, Any]]] = {}
        for table in tables:
            data[table] = [dict(r) for r in conn.execute(f'SELECT * FROM "{table}"')]
    finally:
        conn.close()
    for rows in data.values():  # JSON columns are stored as text in SQLite
        for row in rows:
            for key, value in row.items():
                if isinstance(value, str) and value[:1] in "[{":
                    with contextlib.suppress(ValueError):
                        row[key] = json.loads(value)
    return data


def _load_dump(conn: Connection, data: dict[str, list[dict[str, Any]]], revision: str) -> None:
    old = MetaData()
    old.reflect(conn)
    for table in reversed(old.sorted_tables):
        table.drop(conn)
    cfg = _alembic_config()
    cfg.attributes["connection"] = conn
    upgrade(cfg, revision)
    meta = MetaData()
    meta.reflect(conn)
    for table in meta.sorted_tables:
        rows = data.get(table.name) or []
        if table.name == "alembic_version" or not rows:
            continue
        columns = {c.name: c for c in table.columns}
        converted = [
            {k: _value(columns[k].type, v) for k, v in row.items() if k in columns} for row in rows
        ]
        for start in range(0, len(converted), 1000):
            conn.execute(insert(table), converted[start : start + 1000])
        if conn.dialect.name == "postgresql" and "id" in columns:
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f'COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM "{table.name}"'
                )
            )
    cfg.attributes["connection"] = conn
    upgrade(cfg, "head")


def _value(kind: Any, value: Any) -> Any:
    if isinstance(value, str):
        if isinstance(kind, DateTime):
            return datetime.fromisoformat(value)
        if isinstance(kind, Date):
            return date.fromisoformat(value)
    return value
