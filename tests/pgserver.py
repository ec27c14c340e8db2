"""A throwaway PostgreSQL server for the test session.

``PgServer`` either starts a private server (``initdb`` into a fresh temporary directory,
``pg_ctl start`` listening only on 127.0.0.1 on a free port, durability switched off for
speed) or, when the environment variable ``ROPA_TEST_PG_URL`` holds an SQLAlchemy URL of an
existing server's maintenance database, uses that server instead.

``initdb`` and ``postgres`` refuse to run as root. When the tests run as root (CI
containers), the server runs as the ``postgres`` system user if it exists, else as a system
user ``ropa-test-pg`` created on the fly, via ``runuser``.
"""

from __future__ import annotations

import atexit
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL, make_url

ENV_URL = "ROPA_TEST_PG_URL"
FALLBACK_OS_USER = "ropa-test-pg"
SUPERUSER = "postgres"
HOST = "127.0.0.1"
START_ATTEMPTS = 3
TIMEOUT_SECONDS = 60

# Appended to postgresql.conf; the port is passed on the pg_ctl command line.
SERVER_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "100",
    "shared_buffers": "32MB",
    "log_min_messages": "warning",
    "log_line_prefix": "'%m [%p] %d '",
}


class PgBinariesNotFound(RuntimeError):
    """No PostgreSQL server binaries (initdb, pg_ctl, postgres) were found."""


class PgServerError(RuntimeError):
    """The throwaway server could not be set up, started or used."""


def _version_key(path: Path) -> tuple[int, ...]:
    # /usr/lib/postgresql/15/bin -> (15,); unknown layouts sort last.
    numbers = re.findall(r"\d+", path.parent.name)
    return tuple(int(n) for n in numbers) or (-1,)


def _is_server_bindir(directory: Path) -> bool:
    return all(os.access(directory / name, os.X_OK) for name in ("initdb", "pg_ctl", "postgres"))


def find_pg_bindir() -> Path | None:
    """The directory holding initdb/pg_ctl/postgres: PATH first, then the newest version in
    the Debian (/usr/lib/postgresql/N/bin) and RPM (/usr/pgsql-N/bin) layouts."""
    on_path = shutil.which("initdb")
    if on_path:
        directory = Path(on_path).resolve().parent
        if _is_server_bindir(directory):
            return directory
    candidates = [*Path("/usr/lib/postgresql").glob("*/bin"), *Path("/usr").glob("pgsql-*/bin")]
    for directory in sorted(candidates, key=_version_key, reverse=True):
        if _is_server_bindir(directory):
            return directory
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _clean_env() -> dict[str, str]:
    # PG* variables of the caller (PGHOST, PGPORT, PGDATA, ...) must not leak into initdb/pg_ctl.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C"
    env["LANG"] = "C"
    return env


def _ensure_os_user() -> str:
    """The unprivileged OS user that runs the server when we are root."""
    for name in ("postgres", FALLBACK_OS_USER):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    result = subprocess.run(
        [useradd, "--system", "--no-create-home", FALLBACK_OS_USER],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        try:  # a concurrent session may have created it meanwhile
            pwd.getpwnam(FALLBACK_OS_USER)
        except KeyError:
            raise PgServerError(
                f"cannot create system user {FALLBACK_OS_USER!r} to run PostgreSQL as "
                f"(initdb refuses to run as root): {result.stderr.strip()}"
            ) from None
    return FALLBACK_OS_USER


def _connect_kwargs(url: URL) -> dict[str, object]:
    kwargs: dict[str, object] = {"autocommit": True, "connect_timeout": 10}
    for key, value in (
        ("host", url.host),
        ("port", url.port),
        ("user", url.username),
        ("password", url.password),
        ("dbname", url.database),
    ):
        if value is not None:
            kwargs[key] = value
    for key, value in url.query.items():
        kwargs[key] = value if isinstance(value, str) else value[-1]
    return kwargs


class PgServer:
    """A PostgreSQL server for tests: started privately, or an existing one from
    ``ROPA_TEST_PG_URL``.

    Usage::

        server = PgServer()
        server.start()
        url = server.create_database("t1")  # postgresql+psycopg://postgres@127.0.0.1:PORT/t1
        server.drop_database("t1")
        server.stop()
    """

    def __init__(self, url: str | None = None, bindir: Path | None = None) -> None:
        if url is None:
            url = os.environ.get(ENV_URL) or None
        self.external = url is not None
        self._external_url: URL | None = None
        self.bindir: Path | None = None
        if url is not None:
            parsed = make_url(url)
            if parsed.get_backend_name() != "postgresql":
                raise PgServerError(f"{ENV_URL} is not a PostgreSQL URL: {url!r}")
            self._external_url = parsed.set(drivername="postgresql+psycopg")
        else:
            self.bindir = bindir or find_pg_bindir()
            if self.bindir is None:
                raise PgBinariesNotFound(
                    "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found on PATH "
                    "or in /usr/lib/postgresql/*/bin"
                )
        self.host = HOST
        self.port: int | None = None
        if self._external_url is not None:
            self.host = self._external_url.host or "localhost"
            self.port = self._external_url.port or 5432
        self.os_user: str | None = None  # set when running the server as another user
        self.tmpdir: Path | None = None
        self._running = False

    # -- paths ---------------------------------------------------------------------------------

    @property
    def datadir(self) -> Path:
        assert self.tmpdir is not None
        return self.tmpdir / "data"

    @property
    def socketdir(self) -> Path:
        assert self.tmpdir is not None
        return self.tmpdir / "sock"

    @property
    def logfile(self) -> Path:
        assert self.tmpdir is not None
        return self.tmpdir / "server.log"

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> None:
        if self._running:
            return
        if self.external:
            with self._admin_connection() as conn:
                conn.execute("select 1")
            self._running = True
            return
        if os.geteuid() == 0:
            self.os_user = _ensure_os_user()
        self.tmpdir = self._make_tmpdir()
        atexit.register(self.stop)
        try:
            self._initdb()
            self._start_server()
        except BaseException:
            self.stop()
            raise
        self._running = True

    def stop(self) -> None:
        """Stop the private server (immediate shutdown) and delete its directory.
        Safe to call more than once; does nothing for an external server."""
        self._running = False
        if self.external or self.tmpdir is None:
            return
        tmpdir, self.tmpdir = self.tmpdir, None
        try:
            if (tmpdir / "data" / "postmaster.pid").exists():
                self._run(
                    [
                        self._bin("pg_ctl"),
                        "stop",
                        "-D",
                        str(tmpdir / "data"),
                        "-m",
                        "immediate",
                        "-w",
                        "-t",
                        str(TIMEOUT_SECONDS),
                    ],
                    cwd=tmpdir,
                    check=False,
                )
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)

    def __enter__(self) -> PgServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- databases -----------------------------------------------------------------------------

    @property
    def admin_url(self) -> URL:
        """SQLAlchemy URL of the maintenance database (``postgres``)."""
        if self._external_url is not None:
            return self._external_url
        if self.port is None:
            raise PgServerError("the PostgreSQL server is not running")
        return URL.create(
            "postgresql+psycopg",
            username=SUPERUSER,
            host=self.host,
            port=self.port,
            database="postgres",
        )

    def url_for(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def create_database(self, name: str) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        with self._admin_connection() as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(
                    sql.Identifier(name)
                )
            )
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, first terminating any connection still open to it."""
        with self._admin_connection() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))

    def database_exists(self, name: str) -> bool:
        with self._admin_connection() as conn:
            row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        return row is not None

    def _admin_connection(self) -> psycopg.Connection:
        return psycopg.connect(**_connect_kwargs(self.admin_url))

    # -- internals -----------------------------------------------------------------------------

    def _bin(self, name: str) -> str:
        assert self.bindir is not None
        return str(self.bindir / name)

    def _run(
        self, args: list[str], *, cwd: Path, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        if self.os_user is not None:
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            args = [runuser, "-u", self.os_user, "--", *args]
        result = subprocess.run(
            args,
            cwd=cwd,
            env=_clean_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS + 30,
            check=False,
        )
        if check and result.returncode != 0:
            raise PgServerError(
                f"{' '.join(args)} failed with exit code {result.returncode}:\n"
                f"{result.stdout}{result.stderr}"
            )
        return result

    def _make_tmpdir(self) -> Path:
        tmpdir = Path(tempfile.mkdtemp(prefix="ropa-test-pg-"))
        if self.os_user is None:
            return tmpdir
        entry = pwd.getpwnam(self.os_user)
        os.chown(tmpdir, entry.pw_uid, entry.pw_gid)
        probe = self._run(["test", "-w", str(tmpdir)], cwd=Path("/"), check=False)
        if probe.returncode == 0:
            return tmpdir
        # TMPDIR is not reachable for the server user (e.g. under /root): fall back to /tmp.
        shutil.rmtree(tmpdir, ignore_errors=True)
        tmpdir = Path(tempfile.mkdtemp(prefix="ropa-test-pg-", dir="/tmp"))
        os.chown(tmpdir, entry.pw_uid, entry.pw_gid)
        return tmpdir

    def _initdb(self) -> None:
        assert self.tmpdir is not None
        self._run(
            [
                self._bin("initdb"),
                "-D",
                str(self.datadir),
                "--username",
                SUPERUSER,
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--locale",
                "C",
                "--no-sync",
            ],
            cwd=self.tmpdir,
        )
        self._run(["mkdir", "-m", "0700", str(self.socketdir)], cwd=self.tmpdir)
        settings = dict(SERVER_SETTINGS)
        settings["unix_socket_directories"] = "'{}'".format(str(self.socketdir).replace("'", "''"))
        with (self.datadir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# ropa-desktop test server\n")
            for key, value in settings.items():
                conf.write(f"{key} = {value}\n")

    def _start_server(self) -> None:
        assert self.tmpdir is not None
        failure = ""
        for _ in range(START_ATTEMPTS):
            port = _free_port()
            result = self._run(
                [
                    self._bin("pg_ctl"),
                    "start",
                    "-D",
                    str(self.datadir),
                    "-l",
                    str(self.logfile),
                    "-w",
                    "-t",
                    str(TIMEOUT_SECONDS),
                    "-o",
                    f"-p {port}",
                ],
                cwd=self.tmpdir,
                check=False,
            )
            if result.returncode == 0:
                self.port = port
                return
            # Most likely the port was taken between probing and binding: try another one.
            failure = f"{result.stdout}{result.stderr}\n{self._log_tail()}"
        raise PgServerError(f"could not start PostgreSQL in {self.datadir}:\n{failure}")

    def _log_tail(self, lines: int = 30) -> str:
        try:
            text = self.logfile.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])
