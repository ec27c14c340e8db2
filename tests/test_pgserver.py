"""The throwaway PostgreSQL server and the database fixtures built on it."""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path

import pytest
from pgserver import PgServer
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

# Names of the databases handed out by earlier runs of test_fresh_databases_are_distinct...
_seen_databases: list[str] = []


def _query(url: str, statement: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(statement))]
    finally:
        engine.dispose()


def test_server_answers_select_1(pg_url: str) -> None:
    assert make_url(pg_url).drivername == "postgresql+psycopg"
    assert _query(pg_url, "select 1") == [(1,)]


@pytest.mark.parametrize(
    "db_url", ["postgresql", "postgresql"], ids=["first", "second"], indirect=True
)
def test_fresh_databases_are_distinct_and_empty(db_url: str, pg_server: PgServer) -> None:
    name = make_url(db_url).database
    assert name is not None
    assert name not in _seen_databases
    # Every database handed out before was dropped when its test ended.
    for earlier in _seen_databases:
        assert not pg_server.database_exists(earlier)
    _seen_databases.append(name)

    user_tables = (
        "select schemaname, tablename from pg_catalog.pg_tables "
        "where schemaname not in ('pg_catalog', 'information_schema')"
    )
    assert _query(db_url, user_tables) == []

    # Leave something behind that the next database must not contain.
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("create table leftover (id integer primary key)"))
            conn.execute(text("insert into leftover values (1)"))
    finally:
        engine.dispose()
    assert _query(db_url, user_tables) == [("public", "leftover")]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_db_url_sqlite_is_a_fresh_path(db_url: str, tmp_path: Path) -> None:
    assert Path(db_url) == tmp_path / "register.sqlite"
    assert not Path(db_url).exists()


def _listening_addresses(port: int) -> list[str]:
    """Local addresses of LISTEN sockets on `port`, read from /proc/net/tcp{,6}."""
    found = []
    for table, family in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state = fields[1], fields[3]
            address_hex, port_hex = local.split(":")
            if state != "0A" or int(port_hex, 16) != port:  # 0A = LISTEN
                continue
            raw = bytes.fromhex(address_hex)
            # The kernel prints each 32-bit word in host (little-endian) byte order.
            raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
            found.append(socket.inet_ntop(family, raw))
    return found


def test_server_listens_only_on_loopback(pg_server: PgServer, pg_url: str) -> None:
    if pg_server.external:
        pytest.skip("ROPA_TEST_PG_URL points at an external server")
    assert _query(pg_url, "show listen_addresses") == [("127.0.0.1",)]
    assert _query(pg_url, "select host(inet_server_addr())") == [("127.0.0.1",)]
    assert pg_server.port is not None

    if Path("/proc/net/tcp").exists():
        assert _listening_addresses(pg_server.port) == ["127.0.0.1"]

    # Not reachable through IPv6 loopback or any other address of this machine.
    others = {"::1"}
    with contextlib.suppress(OSError):
        others.update(
            info[4][0] for info in socket.getaddrinfo(socket.gethostname(), pg_server.port)
        )
    for address in sorted(others - {"127.0.0.1"}):
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            try:
                sock.connect((address, pg_server.port))
            except OSError:
                continue
        pytest.fail(f"PostgreSQL test server accepts connections on {address}")
