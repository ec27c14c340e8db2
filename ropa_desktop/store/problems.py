"""What went wrong with a database or a file, in one line a user can act on.

SQLite and the operating system report a busy register, a read-only file, a full disk
or a missing permission as driver exceptions ("OperationalError: database is locked");
:func:`explain` turns them into a :class:`DatabaseProblem` with a German/English message.
"""

from __future__ import annotations

import errno
import sqlite3

from sqlalchemy.exc import DBAPIError

from ropa_desktop.domain.i18n import LocalizedError, Text

MSG_BUSY = Text(
    de="{target}: Die Datenbank ist seit 30 Sekunden von einem anderen Vorgang belegt; "
    "nichts wurde geändert. Bitte später erneut versuchen.",
    en="{target}: the database has been busy with another operation for 30 seconds; "
    "nothing was changed. Please try again later.",
)
MSG_READ_ONLY = Text(
    de="{target}: Die Datenbank ist schreibgeschützt (Datei, Ordner oder schreibgeschützt "
    "geöffnet); nichts wurde geändert.",
    en="{target}: the database is read-only (file, folder, or opened read-only); nothing "
    "was changed.",
)
MSG_FULL = Text(
    de="{target}: Der Datenträger ist voll; nichts wurde geändert. Bitte Platz schaffen und "
    "erneut versuchen.",
    en="{target}: the disk is full; nothing was changed. Free some space and try again.",
)
MSG_PERMISSION = Text(
    de="{target}: Zugriff verweigert (fehlende Berechtigung).", en="{target}: permission denied."
)
MSG_IO = Text(
    de="{target}: Lese- oder Schreibfehler des Datenträgers ({problem}).",
    en="{target}: the disk reported a read or write error ({problem}).",
)
MSG_CORRUPT = Text(
    de="{target}: Die Datenbankdatei ist beschädigt ({problem}). `ropa-desktop verify` prüft "
    "sie, `ropa-desktop restore` spielt eine Sicherung zurück.",
    en="{target}: the database file is damaged ({problem}). `ropa-desktop verify` checks it, "
    "`ropa-desktop restore` brings back a backup.",
)


class DatabaseProblem(LocalizedError):
    """A database or file operation failed for a reason outside the program."""


_BY_ERRNO = {
    errno.ENOSPC: MSG_FULL,
    errno.EDQUOT: MSG_FULL,
    errno.EROFS: MSG_READ_ONLY,
    errno.EACCES: MSG_PERMISSION,
    errno.EPERM: MSG_PERMISSION,
    errno.EIO: MSG_IO,
}


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def explain(exc: BaseException, target: object = "") -> DatabaseProblem | None:
    """The one-line problem behind ``exc``, or None when it is none of the known ones.

    ``target`` names the database or file in the message.
    """
    original: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc
    if isinstance(original, OSError) and original.errno in _BY_ERRNO:
        name = original.filename or target or ""
        return DatabaseProblem(
            _BY_ERRNO[original.errno], target=name, problem=original.strerror or ""
        )
    if not isinstance(original, sqlite3.Error):
        return None
    code = getattr(original, "sqlite_errorname", "") or ""
    text = str(original).lower()
    if (
        code.startswith("SQLITE_BUSY")
        or code.startswith("SQLITE_LOCKED")
        or "database is locked" in text
    ):
        return DatabaseProblem(MSG_BUSY, target=target)
    if code.startswith("SQLITE_READONLY") or "readonly database" in text:
        return DatabaseProblem(MSG_READ_ONLY, target=target)
    if code == "SQLITE_FULL" or "database or disk is full" in text:
        return DatabaseProblem(MSG_FULL, target=target)
    if code.startswith("SQLITE_PERM") or code.startswith("SQLITE_AUTH"):
        return DatabaseProblem(MSG_PERMISSION, target=target)
    if code.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
        return DatabaseProblem(MSG_PERMISSION, target=target)
    if code.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return DatabaseProblem(MSG_IO, target=target, problem=_first_line(original))
    if code.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return DatabaseProblem(MSG_CORRUPT, target=target, problem=_first_line(original))
    return None
