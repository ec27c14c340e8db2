"""Backups of a register database that do not depend on its schema version.

SQLite files are copied with the online backup API from a read-only connection into a
temporary file in the backup folder, which is renamed when complete: a kill never leaves
a half "backup". Server databases are dumped table by table into one JSON file (rows as
objects), which any later version can read even when the schema has moved on.

Names are unique: ``<register>.<reason>-<YYYYmmdd-HHMMSS-ffffff>.sqlite`` (``.json`` for
a server database); a name taken in the same microsecond gets a counter. After every new
backup the retention rule (:func:`apply_retention`) runs: the newest
:data:`KEEP_LAST` backups stay, and the newest one of each of the last
:data:`KEEP_MONTHS` calendar months.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Engine, MetaData, select

from ropa_desktop.domain.model import utc_now

APP_NAME = "ropa-desktop"
KEEP_LAST = 20
KEEP_MONTHS = 12
STALE_PART_SECONDS = 3600
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<reason>[a-z0-9-]+?)-(?P<stamp>\d{8}-\d{6}-\d{6})"
    r"(?:-(?P<n>\d+))?\.(?P<ext>sqlite|json)$"
)


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One backup as the restore dialog lists it."""

    path: Path
    at: datetime
    reason: str
    size: int


def backup_dir() -> Path:
    """Where backups of server databases go (the user's data directory)."""
    return user_data_path(APP_NAME, appauthor=False) / "backups"


def read_only_connection(path: Path, timeout: float = 30) -> sqlite3.Connection:
    """A raw read-only connection to an SQLite file (it creates no database file and never
    checkpoints or deletes another process's WAL)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)


def backup_folder(engine: Engine) -> Path:
    """The folder the backups of this database go to."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return Path(url.database or "").parent / "backups"
    return backup_dir()


def _stem(engine: Engine) -> str:
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return Path(url.database or "").stem
    return str(url.database)


def backup_database(engine: Engine, reason: str) -> Path:
    """A copy of the whole database before risky work; returns where it went.

    SQLite: ``backups/<name>.<reason>-<time>.sqlite`` beside the database file.
    PostgreSQL: a JSON dump of every table in :func:`backup_dir`. The retention rule
    runs afterwards.
    """
    folder = backup_folder(engine)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    sqlite = engine.url.get_backend_name() == "sqlite"
    ext = "sqlite" if sqlite else "json"
    name = f"{_stem(engine)}.{reason}-{stamp}"
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if sqlite:
            _copy_into(Path(engine.url.database or ""), tmp, folder / f"{name}.{ext}")
        else:
            _dump_into(engine, tmp)
        target = _publish(tmp, folder, name, ext)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    apply_retention(folder, _stem(engine))
    return target


def _publish(tmp: Path, folder: Path, name: str, ext: str) -> Path:
    """Give the finished temporary file its final name, never replacing another backup."""
    for n in range(1000):
        target = folder / (f"{name}.{ext}" if n == 0 else f"{name}-{n}.{ext}")
        try:
            os.link(tmp, target)
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links
            if target.exists():
                continue
            os.replace(tmp, target)
            return target
        tmp.unlink()
        _sync_dir(folder)
        return target
    raise FileExistsError(folder / f"{name}.{ext}")


def _sync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def dump_tables(engine: Engine, target: Path) -> None:
    """Write every table of the database to ``target`` as JSON, atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".backup-", suffix=".part")
    os.close(fd)
    try:
        _dump_into(engine, Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _dump_into(engine: Engine, target: Path) -> None:
    meta = MetaData()
    meta.reflect(engine)
    dump: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for table in meta.sorted_tables:
            dump[table.name] = [
                {k: _plain(v) for k, v in row.items()}
                for row in conn.execute(select(table)).mappings()
            ]
    with open(target, "w", encoding="utf-8") as out:
        json.dump(dump, out, ensure_ascii=False)
        out.flush()
        os.fsync(out.fileno())


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database, written under ``target`` atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    try:
        _copy_into(source, Path(tmp_name), target)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _copy_into(source: Path, target: Path, shown: Path) -> None:
    """Copy with the online backup API; the copy is a self-contained file (no WAL).
    ``shown`` is the name a full disk is reported for."""
    src = read_only_connection(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except sqlite3.OperationalError:
        # SQLite reports a full disk during the copy as a plain I/O error
        if shutil.disk_usage(target.parent).free < source.stat().st_size:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(shown)) from None
        raise
    finally:
        src.close()
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


def parse_name(path: Path) -> tuple[str, str, datetime] | None:
    """(register stem, reason, time) of a backup file name, or None for other files."""
    found = _NAME.match(path.name)
    if found is None:
        return None
    at = datetime.strptime(found["stamp"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
    return found["stem"], found["reason"], at


def list_backups(folder: Path, stem: str | None = None) -> list[BackupFile]:
    """The backups in ``folder`` (of the register ``stem``, if given), newest first."""
    found: list[BackupFile] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_name(path)
        if parsed is None or (stem is not None and parsed[0] != stem):
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupFile(path, parsed[2], parsed[1], size))
    found.sort(key=lambda b: (b.at, b.path.name), reverse=True)
    return found


def backups_of(engine: Engine) -> list[BackupFile]:
    """The backups of this database, newest first."""
    return list_backups(backup_folder(engine), _stem(engine))


def retained(backups: list[BackupFile], today: date) -> set[Path]:
    """The backups the retention rule keeps (``backups`` newest first)."""
    keep = {b.path for b in backups[:KEEP_LAST]}
    months: set[tuple[int, int]] = set()
    for b in backups:
        month = (b.at.year, b.at.month)
        age = (today.year - b.at.year) * 12 + today.month - b.at.month
        if age < KEEP_MONTHS and month not in months:
            months.add(month)
            keep.add(b.path)
    return keep


def apply_retention(folder: Path, stem: str) -> list[Path]:
    """Delete the backups of ``stem`` the retention rule does not keep, and temporary
    files of backups that were killed; returns what was deleted."""
    backups = list_backups(folder, stem)
    keep = retained(backups, utc_now().date())
    deleted: list[Path] = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    now = time.time()
    for part in folder.glob(f".{stem}.*.part"):
        try:
            if now - part.stat().st_mtime > STALE_PART_SECONDS:
                part.unlink(missing_ok=True)
                deleted.append(part)
        except OSError:
            continue
    return deleted
