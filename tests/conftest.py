"""Shared fixtures: database URLs for both supported backends, and isolation from the
user's real data and configuration directories.

Environment variables:
    ROPA_TEST_PG_URL    SQLAlchemy URL of an existing PostgreSQL server's maintenance
                        database to use instead of starting a throwaway server.
    ROPA_SKIP_POSTGRES  "1": when no PostgreSQL server binaries are found, skip the tests
                        that need PostgreSQL instead of failing them.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# pgserver.py lives next to this file; make it importable whether or not tests/ is a package.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from pgserver import PgBinariesNotFound, PgServer

# Qt must never try to open a real display during tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_MISSING_MESSAGE = (
    "PostgreSQL server binaries not found: install the Debian package postgresql "
    "(make test does) or set ROPA_TEST_PG_URL"
)
SKIP_POSTGRES_ENV = "ROPA_SKIP_POSTGRES"


# Fixtures that start an external program: PostgreSQL, LibreOffice converting office files.
EXTERNAL_FIXTURES = frozenset({"pg_server", "office_files"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs an external program as ``integration``: those using the
    PostgreSQL server or LibreOffice-made files (other such tests carry the mark
    themselves), so ``pytest -m "not integration"`` is the fast loop."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and callspec.params.get("db_url") == "postgresql"
        if on_postgres or EXTERNAL_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session", autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point the application's database and the XDG directories at a session temp dir,
    so no test can read or write the user's real register or settings."""
    base = tmp_path_factory.mktemp("user-home")
    patch = pytest.MonkeyPatch()
    patch.setenv("ROPA_DB", str(base / "data" / "ropa-desktop" / "register.sqlite"))
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        directory = base / sub
        directory.mkdir()
        patch.setenv(var, str(directory))
    try:
        yield base
    finally:
        patch.undo()


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> PgServer:
    """A PostgreSQL server for the whole session (started once, stopped at the end)."""
    try:
        server = PgServer()
    except PgBinariesNotFound:
        server = None
    if server is None:
        if os.environ.get(SKIP_POSTGRES_ENV) == "1":
            pytest.skip(PG_MISSING_MESSAGE)
        pytest.fail(PG_MISSING_MESSAGE, pytrace=False)
    request.addfinalizer(server.stop)
    server.start()
    return server


def _fresh_pg_database(server: PgServer) -> Iterator[str]:
    name = f"ropa_test_{uuid.uuid4().hex[:16]}"
    url = server.create_database(name)
    try:
        yield url
    finally:
        server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend: a file path for SQLite, an SQLAlchemy URL
    (postgresql+psycopg://...) of a newly created database for PostgreSQL."""
    if request.param == "sqlite":
        yield str(tmp_path / "register.sqlite")
    elif request.param == "postgresql":
        yield from _fresh_pg_database(request.getfixturevalue("pg_server"))
    else:
        raise ValueError(f"unknown database backend {request.param!r}")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file path, for tests that need only one backend."""
    return str(tmp_path / "register.sqlite")


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (SQLAlchemy URL), dropped after the test."""
    yield from _fresh_pg_database(pg_server)


@pytest.fixture(autouse=True)
def _german_messages():
    """Every test starts and ends with German messages (``--lang en`` switches the process)."""
    from ropa_desktop.domain import i18n

    i18n.set_language("de")
    yield
    i18n.set_language("de")
