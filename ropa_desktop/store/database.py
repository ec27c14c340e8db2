"""Opening a register database: where it is, how it is configured, how it is upgraded.

The target is a file path (SQLite) or an SQLAlchemy URL (``postgresql+psycopg://…``),
given by ``--db``, the ``ROPA_DB`` environment variable, or defaulting to
``register.sqlite`` in the user's data directory. Opening brings the schema to
the newest Alembic revision; an existing database is backed up first.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from alembic.command import upgrade
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.model import utc_now
from ropa_desktop.store import backup
from ropa_desktop.store.repository import Store
from ropa_desktop.store.transactions import WRITE, writing

APP_NAME = "ropa-desktop"
MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseError(LocalizedError):
    """The database cannot be opened or upgraded; nothing was changed."""


MSG_BAD_URL = Text(de="Ungültige Datenbankadresse „{target}“: {problem}",
                   en="Invalid database address “{target}”: {problem}")
MSG_CANNOT_OPEN = Text(de="Datenbank {target} lässt sich nicht öffnen: {problem}",
                       en="Cannot open database {target}: {problem}")
MSG_NO_DRIVER = Text(
    de="Für {target} fehlt der Datenbanktreiber „{module}“. Für PostgreSQL: "
       "pip install 'ropa-desktop[postgresql]' (die Installationspakete bringen ihn mit).",
    en="The database driver “{module}” for {target} is not installed. For PostgreSQL: "
       "pip install 'ropa-desktop[postgresql]' (the installers include it).")
MSG_FOREIGN = Text(
    de="{target} ist keine Datenbank von ropa-desktop (sie enthält fremde Tabellen).",
    en="{target} is not a ropa-desktop database (it holds other tables).")
MSG_NEWER = Text(
    de="{target} wurde mit einer neueren Version von ropa-desktop angelegt (Schema {revision}). "
       "Bitte das Programm aktualisieren.",
    en="{target} was written by a newer version of ropa-desktop (schema {revision}). "
       "Please update the application.")


def default_database_path() -> Path:
    """The default SQLite file in the user's data directory."""
    return user_data_path(APP_NAME, appauthor=False) / "register.sqlite"


def resolve_url(target: str | os.PathLike[str] | None = None) -> URL:
    """The SQLAlchemy URL for ``--db`` / ``ROPA_DB`` / the default file."""
    if target is None:
        target = os.environ.get("ROPA_DB") or default_database_path()
    text = os.fspath(target)
    if "://" in text:
        try:
            return make_url(text)
        except ArgumentError as exc:
            raise DatabaseError(MSG_BAD_URL, target=text, problem=str(exc)) from None
    # URL.create keeps "?" and "%" in file names literal.
    return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))


def describe(url: str | URL) -> str:
    """The database as messages name it: the file path, or the URL without password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def create_db_engine(url: str | URL) -> Engine:
    """An engine with the settings the store relies on.

    SQLite: WAL, foreign keys, and real transactions: the driver's own lazy
    transaction handling is switched off and every transaction is begun
    explicitly (``BEGIN IMMEDIATE`` for writers, so a read-compare-write cannot
    interleave with another writer; DDL of migrations is transactional too).
    PostgreSQL: sessions in UTC, so every timestamp the register can hold is
    representable whatever the server's time zone.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn: sqlite3.Connection,
                            _record: ConnectionPoolEntry) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE) else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True,
                             connect_args={"options": "-c timezone=UTC"})
    return create_engine(parsed, pool_pre_ping=True)



def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of the application knows."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for a new database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one transaction."""
    cfg = _alembic_config()
    with writing(engine) as conn:
        cfg.attributes["connection"] = conn
        upgrade(cfg, revision)


def open_store(target: str | os.PathLike[str] | None = None, *, user: str | None = None,
               migrate: bool = True) -> Store:
    """Open (and if needed create or upgrade) the register database at ``target``."""
    url = resolve_url(target)
    name = describe(url)
    try:
        engine = create_db_engine(url)
        if migrate:
            _bring_up_to_date(engine, url, name)
    except DatabaseError:
        raise
    except ImportError as exc:  # psycopg is an optional extra for pip installs
        raise DatabaseError(MSG_NO_DRIVER, target=name,
                            module=(exc.name or str(exc)).split(".")[0]) from None
    except (SQLAlchemyError, OSError, sqlite3.Error) as exc:
        problem = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseError(MSG_CANNOT_OPEN, target=name, problem=problem) from None
    return Store(engine, user=user)


def _bring_up_to_date(engine: Engine, url: URL, name: str) -> None:
    scripts = ScriptDirectory.from_config(_alembic_config())
    head = scripts.get_current_head()
    current = current_revision(engine)
    if current == head:
        return
    if current is None:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise DatabaseError(MSG_FOREIGN, target=name)
        upgrade_schema(engine)
        return
    known = {rev.revision for rev in scripts.walk_revisions()}
    if current not in known:
        raise DatabaseError(MSG_NEWER, target=name, revision=current)
    backup_before_upgrade(engine, url, current)
    upgrade_schema(engine)


def backup_before_upgrade(engine: Engine, url: URL, revision: str) -> Path:
    """Copy the database aside before its schema is changed; returns the copy's path."""
    stamp = utc_now().strftime("%Y%m%d-%H%M%S")
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        source = Path(parsed.database or "")
        target = source.with_name(f"{source.stem}.before-upgrade-{revision}-{stamp}.sqlite")
        backup.copy_sqlite(source, target)
        return target
    target = backup.backup_dir() / f"{parsed.database}.before-upgrade-{revision}-{stamp}.json"
    backup.dump_tables(engine, target)
    return target


__all__ = [
    "DatabaseError",
    "OperationalError",
    "create_db_engine",
    "default_database_path",
    "open_store",
    "resolve_url",
]
