"""Backups of a register database that do not depend on its schema version.

SQLite files are copied with the online backup API; server databases are dumped
table by table into one JSON file (rows as objects), which any later version can
read even when the schema has moved on.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Engine, MetaData, select

from ropa_desktop.domain.model import utc_now

APP_NAME = "ropa-desktop"


def backup_dir() -> Path:
    """Where backups of server databases go (the user's data directory)."""
    return user_data_path(APP_NAME, appauthor=False) / "backups"


def backup_database(engine: Engine, reason: str) -> Path:
    """A copy of the whole database before risky work; returns where it went.

    SQLite: ``backups/<name>.<reason>-<time>.sqlite`` beside the database file.
    PostgreSQL: a JSON dump of every table in :func:`backup_dir`.
    """
    stamp = utc_now().strftime("%Y%m%d-%H%M%S")
    url = engine.url
    if url.get_backend_name() == "sqlite":
        source = Path(url.database or "")
        target = source.parent / "backups" / f"{source.stem}.{reason}-{stamp}.sqlite"
        copy_sqlite(source, target)
        return target
    target = backup_dir() / f"{url.database}.{reason}-{stamp}.json"
    dump_tables(engine, target)
    return target


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def dump_tables(engine: Engine, target: Path) -> None:
    """Write every table of the database to ``target`` as JSON, atomically."""
    meta = MetaData()
    meta.reflect(engine)
    dump: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for table in meta.sorted_tables:
            dump[table.name] = [
                {k: _plain(v) for k, v in row.items()}
                for row in conn.execute(select(table)).mappings()
            ]
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".backup-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(dump, out, ensure_ascii=False)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the online backup API)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
