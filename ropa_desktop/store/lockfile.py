"""The application's lock file beside an SQLite register: ``<register>.lock``.

SQLite's own locks on Linux and macOS are POSIX advisory locks. They belong to the
process and vanish when the process closes *any* descriptor on the file — a file
dialog sniffing the register's folder is enough — after which another process may
checkpoint and delete the WAL the first one still writes into. A lock taken with
``flock`` on a separate file is not lost that way (it belongs to the open file
description), so the application coordinates its processes with it:

- the desktop application holds it **exclusively** for its session and writes its
  PID, user, host and start time into the file; a second window is offered a
  read-only session, command-line write commands refuse naming the PID;
- command-line write commands hold it **shared** while they run (several may write
  at once; SQLite orders them), so a window cannot start writing meanwhile;
- read commands take no lock: they open the database read-only, and a read-only
  connection never checkpoints or deletes the WAL.

On Windows SQLite's locks are not lost by a close; the lock file is still used, with
``msvcrt.locking`` (exclusive only: a shared lock is a check that no window holds it).
The file stays in place after use (deleting a lock file races with its next user).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.model import utc_now

MSG_HELD = Text(
    de="Das Verzeichnis {file} ist in ropa-desktop geöffnet (PID {pid}, {user}@{host}); "
    "es kann dort bearbeitet werden, hier nur gelesen.",
    en="The register {file} is open in ropa-desktop (PID {pid}, {user}@{host}); "
    "edit it there, here it can only be read.",
)
MSG_BUSY = Text(
    de="Das Verzeichnis {file} wird gerade von einem anderen Befehl geändert; bitte später "
    "erneut versuchen.",
    en="The register {file} is being changed by another command; please try again later.",
)


class RegisterLocked(LocalizedError):
    """Another process holds the register's lock; :attr:`holder` says who (if known)."""

    def __init__(self, text: Text, holder: Holder | None = None, **params: object) -> None:
        super().__init__(text, **params)
        self.holder = holder


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a register exclusively, as written into the lock file."""

    pid: int
    user: str
    host: str
    program: str
    since: str


def lock_path(database: Path) -> Path:
    """The lock file of an SQLite register: ``<file>.lock`` beside it."""
    return database.with_name(database.name + ".lock")


def read_holder(database: Path) -> Holder | None:
    """The exclusive holder recorded in the lock file, or None (free, or only commands)."""
    try:
        data = json.loads(lock_path(database).read_text(encoding="utf-8") or "null")
        return Holder(
            int(data["pid"]),
            str(data["user"]),
            str(data["host"]),
            str(data.get("program", "")),
            str(data.get("since", "")),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


class RegisterLock:
    """A held lock on a register's lock file; :meth:`release` (or process exit) frees it."""

    def __init__(self, database: Path, handle: IO[bytes], exclusive: bool) -> None:
        self.database = database
        self._handle: IO[bytes] | None = handle
        self.exclusive = exclusive

    @classmethod
    def exclusive_for(
        cls, database: Path, program: str, user: str, wait: float = 0.0
    ) -> RegisterLock:
        """Hold the register alone (a window's session, a restore); records who holds it.

        Waits up to ``wait`` seconds for running commands to finish. Raises
        :class:`RegisterLocked` naming the holder when another process keeps it.
        """
        handle = _open(database)
        deadline = time.monotonic() + wait
        while not _try_lock(handle, exclusive=True):
            holder = read_holder(database)
            if holder is not None or time.monotonic() >= deadline:
                handle.close()
                raise _refusal(database, holder)
            time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "user": user,
                    "host": socket.gethostname(),
                    "program": program,
                    "since": utc_now().isoformat(timespec="seconds"),
                }
            ).encode("utf-8")
        )
        handle.flush()
        return cls(database, handle, exclusive=True)

    @classmethod
    def shared_for(cls, database: Path) -> RegisterLock:
        """Hold the register for one write command; refused while a window holds it."""
        handle = _open(database)
        if not _try_lock(handle, exclusive=False):
            handle.close()
            raise _refusal(database, read_holder(database))
        return cls(database, handle, exclusive=False)

    def release(self) -> None:
        """Give the lock up (an exclusive holder first clears its entry)."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            if self.exclusive:
                handle.seek(0)
                handle.truncate()
                handle.flush()
            _unlock(handle)
        finally:
            handle.close()

    @property
    def held(self) -> bool:
        """True until :meth:`release`."""
        return self._handle is not None


def _refusal(database: Path, holder: Holder | None) -> RegisterLocked:
    if holder is None:
        return RegisterLocked(MSG_BUSY, None, file=database)
    return RegisterLocked(
        MSG_HELD, holder, file=database, pid=holder.pid, user=holder.user, host=holder.host
    )


def _open(database: Path) -> IO[bytes]:
    path = lock_path(database)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    return os.fdopen(fd, "r+b")


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[bytes], *, exclusive: bool) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        if not exclusive:  # no shared locks: checking that no window holds it must do
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(handle: IO[bytes], *, exclusive: bool) -> bool:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(handle.fileno(), mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
