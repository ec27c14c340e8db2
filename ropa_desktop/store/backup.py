"""Backups of a register database that do not depend on its schema version.

SQLite files are copied with the online backup API; server databases are dumped
table by table into one JSON file (rows as objects), which any later version can
read even when the schema has moved on.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, select


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
