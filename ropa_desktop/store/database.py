"""Opening a register database: where it is, how it is configured, how it is upgraded.

The target is a file path (SQLite) or an SQLAlchemy URL (``postgresql+psycopg://…``),
given by ``--db``, the ``ROPA_DB`` environment variable, or defaulting to
``register.sqlite`` in the user's data directory. Opening brings the schema to
the newest Alembic revision; an existing database is backed up first.

SQLite files are opened without a connection pool (:class:`~sqlalchemy.pool.NullPool`):
a process holds a connection, and with it SQLite's file locks, only while it reads or
writes, never in between (see :mod:`~ropa_desktop.store.lockfile` for why an idle
connection is dangerous). Read commands open the file read-only (``mode=ro``): such a
connection never checkpoints or deletes the WAL and cannot write.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry, NullPool

from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.store import backup
from ropa_desktop.store.backup import read_only_connection
from ropa_desktop.store.lockfile import RegisterLock
from ropa_desktop.store.problems import explain
from ropa_desktop.store.repository import Store
from ropa_desktop.store.transactions import WRITE, writing

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (with Mako and Pygments) is imported only when a schema is checked in full or
# upgraded: a register already at the newest revision opens without it, which
# shortens every start of the window and of the commands (see _files_head).

APP_NAME = "ropa-desktop"
MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseError(LocalizedError):
    """The database cannot be opened or upgraded; nothing was changed."""


MSG_BAD_URL = Text(
    de="Ungültige Datenbankadresse „{target}“: {problem}",
    en="Invalid database address “{target}”: {problem}",
)
MSG_CANNOT_OPEN = Text(
    de="Datenbank {target} lässt sich nicht öffnen: {problem}",
    en="Cannot open database {target}: {problem}",
)
MSG_NO_DRIVER = Text(
    de="Für {target} fehlt der Datenbanktreiber „{module}“. Für PostgreSQL: "
    "pip install 'ropa-desktop[postgresql]' (die Installationspakete bringen ihn mit).",
    en="The database driver “{module}” for {target} is not installed. For PostgreSQL: "
    "pip install 'ropa-desktop[postgresql]' (the installers include it).",
)
MSG_FOREIGN = Text(
    de="{target} ist keine Datenbank von ropa-desktop (sie enthält fremde Tabellen).",
    en="{target} is not a ropa-desktop database (it holds other tables).",
)
MSG_NEWER = Text(
    de="{target} wurde mit einer neueren Version von ropa-desktop angelegt (Schema {revision}). "
    "Bitte das Programm aktualisieren.",
    en="{target} was written by a newer version of ropa-desktop (schema {revision}). "
    "Please update the application.",
)
MSG_BROKEN_LINKS = Text(
    de="Die Aktualisierung des Schemas hinterließe ungültige Verweise in der Tabelle {table}; "
    "die Datenbank bleibt unverändert.",
    en="The schema upgrade would leave invalid references in the table {table}; the "
    "database is left unchanged.",
)

MSG_NOT_FOUND = Text(de="Datenbank {target} nicht gefunden.", en="Database {target} not found.")
MSG_OUTDATED = Text(
    de="{target} hat ein älteres Schema ({revision}) und muss erst aktualisiert werden; "
    "das geschieht beim nächsten Öffnen zum Schreiben.",
    en="{target} has an older schema ({revision}) and must be upgraded first; that happens "
    "the next time it is opened for writing.",
)


class OutdatedSchema(DatabaseError):
    """A read-only open found an older schema, which only a writer may upgrade."""


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


def sqlite_path(url: str | URL) -> Path | None:
    """The file of an SQLite URL (None for other backends and in-memory databases)."""
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def create_db_engine(url: str | URL, *, read_only: bool = False) -> Engine:
    """An engine with the settings the store relies on.

    SQLite: no pool (see the module's description), WAL, foreign keys, and real
    transactions: the driver's own lazy transaction handling is switched off and every
    transaction is begun explicitly (``BEGIN IMMEDIATE`` for writers, so a
    read-compare-write cannot interleave with another writer; DDL of migrations is
    transactional too). ``read_only`` opens the file with ``mode=ro``.
    PostgreSQL: sessions in UTC, so every timestamp the register can hold is
    representable whatever the server's time zone.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        if path is None:
            engine = create_engine(parsed, connect_args={"timeout": 30})
        elif read_only:
            engine = create_engine(
                parsed, poolclass=NullPool, creator=lambda: read_only_connection(path)
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(parsed, poolclass=NullPool, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            if not read_only:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE) else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(
            parsed, pool_pre_ping=True, connect_args={"options": "-c timezone=UTC"}
        )
    return create_engine(parsed, pool_pre_ping=True)


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of the application knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for a new database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION_LINE = re.compile(
    r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:['"]([^'"]+)['"]|None)\s*(?:#.*)?$"""
)


def _files_head() -> str | None:
    """The newest revision, read from the ``revision``/``down_revision`` lines of the
    migration files without importing Alembic; None unless they form one simple chain
    (then only Alembic's own reading counts). Used only to recognise a database that
    needs nothing: any other revision goes through Alembic."""
    parents: dict[str, str | None] = {}
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found: dict[str, str | None] = {}
        for line in script.read_text(encoding="utf-8").splitlines():
            match = _REVISION_LINE.match(line)
            if match is not None:
                found.setdefault(match.group(1), match.group(2))
        if "revision" not in found or "down_revision" not in found:
            return None
        revision = found["revision"]
        if revision is None or revision in parents:
            return None
        parents[revision] = found["down_revision"]
    heads = set(parents) - set(parents.values())
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    """The revision in the database's ``alembic_version`` table (None: no such table)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if value is None else str(value)


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one transaction.

    On SQLite foreign keys are switched off meanwhile (a table that others refer to is
    rebuilt by copying, which must not cascade) and checked as a whole before the commit.
    """
    from alembic.command import upgrade

    cfg = _alembic_config()
    if engine.dialect.name != "sqlite":
        with writing(engine) as conn:
            cfg.attributes["connection"] = conn
            upgrade(cfg, revision)
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, as SQLite requires
        try:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                cfg.attributes["connection"] = conn
                upgrade(cfg, revision)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise DatabaseError(MSG_BROKEN_LINKS, table=broken[0])
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def open_store(
    target: str | os.PathLike[str] | None = None,
    *,
    user: str | None = None,
    migrate: bool = True,
    read_only: bool = False,
    lock: str = "none",
    program: str = "ropa-desktop",
    wait: float = 0.0,
) -> Store:
    """Open (and if needed create or upgrade) the register database at ``target``.

    ``read_only`` (SQLite): the file must exist; it is opened with ``mode=ro``, nothing
    is created or upgraded (:class:`OutdatedSchema` for an older schema). ``lock``
    (SQLite, see :mod:`~ropa_desktop.store.lockfile`): "shared" for a write command,
    "exclusive" for a window's session or a restore (``program`` is recorded as the
    holder; ``wait`` seconds for running commands), "none" for library use; raises
    :class:`~ropa_desktop.store.lockfile.RegisterLocked` when refused.
    A foreign or newer SQLite file is refused before anything is written to it.
    """
    url = resolve_url(target)
    name = describe(url)
    path = sqlite_path(url)
    held: RegisterLock | None = None
    try:
        if path is not None and (read_only or path.exists()):
            _check_sqlite_file(path, name, read_only=read_only)
        if path is not None and not read_only and lock != "none":
            path.parent.mkdir(parents=True, exist_ok=True)
            from ropa_desktop.store.repository import default_user

            held = (
                RegisterLock.exclusive_for(path, program, user or default_user(), wait)
                if lock == "exclusive"
                else RegisterLock.shared_for(path)
            )
        engine = create_db_engine(url, read_only=read_only and path is not None)
        if migrate and not (read_only and path is not None):
            _bring_up_to_date(engine, url, name)
    except DatabaseError:
        if held is not None:
            held.release()
        raise
    except ImportError as exc:  # psycopg is an optional extra for pip installs
        raise DatabaseError(
            MSG_NO_DRIVER, target=name, module=(exc.name or str(exc)).split(".")[0]
        ) from None
    except (SQLAlchemyError, OSError, sqlite3.Error) as exc:
        if held is not None:
            held.release()
        problem = explain(exc, name)
        if problem is not None:
            raise DatabaseError(problem.text, **problem.params) from None
        text = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseError(MSG_CANNOT_OPEN, target=name, problem=text) from None
    except BaseException:
        if held is not None:
            held.release()
        raise
    store = Store(engine, user=user)
    store.read_only = read_only and path is not None
    store.lock = held
    return store


def _check_sqlite_file(path: Path, name: str, *, read_only: bool) -> None:
    """Refuse a missing (read-only), foreign or newer SQLite file before anything touches it."""
    if not path.exists():
        raise DatabaseError(MSG_NOT_FOUND, target=name)
    if path.stat().st_size == 0:
        if read_only:
            raise DatabaseError(MSG_NOT_FOUND, target=name)
        return
    conn = read_only_connection(path)
    try:
        tables = {
            t
            for (t,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        revision = None
        if "alembic_version" in tables:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = found[0] if found else None
    finally:
        conn.close()
    if revision is None:
        if tables - {"alembic_version"}:
            raise DatabaseError(MSG_FOREIGN, target=name)
        if read_only:
            raise DatabaseError(MSG_NOT_FOUND, target=name)
        return
    if revision == _files_head():
        return
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config())
    known = {rev.revision for rev in scripts.walk_revisions()}
    if revision not in known:
        raise DatabaseError(MSG_NEWER, target=name, revision=revision)
    if read_only and revision != scripts.get_current_head():
        raise OutdatedSchema(MSG_OUTDATED, target=name, revision=revision)


def _bring_up_to_date(engine: Engine, url: URL, name: str) -> None:
    head = _files_head()
    if head is not None and _stored_revision(engine) == head:
        return
    from alembic.script import ScriptDirectory

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
    return backup.backup_database(engine, f"before-upgrade-{revision}")


__all__ = [
    "DatabaseError",
    "OperationalError",
    "OutdatedSchema",
    "create_db_engine",
    "default_database_path",
    "open_store",
    "resolve_url",
]
