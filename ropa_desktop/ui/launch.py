"""The windowed start of the desktop application (``ropa-desktop`` in the bundles,
``ropa-desktop-gui`` for pip installs).

A program without a console has nowhere to print, so a failure before or during the
start — a missing file, a broken Qt installation, an error while the window is built — is
written with its traceback to a log file in the user's log directory and shown in a dialog
that names the file: a Qt message box when Qt can start, a Windows message box otherwise,
standard error as the last resort. This module imports no Qt at load time, so it can report
a Qt that fails to load.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from platformdirs import user_log_path

from ropa_desktop import __version__
from ropa_desktop.domain import i18n
from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.resources import check_installation

APP_NAME = "ropa-desktop"
LOG_NAME = "ropa-desktop.log"

TITLE = Text(de="ropa-desktop kann nicht starten", en="ropa-desktop cannot start")
FAILED = Text(
    de="ropa-desktop konnte nicht gestartet werden:\n\n{problem}\n\nEinzelheiten stehen in "
    "der Protokolldatei\n{log}",
    en="ropa-desktop could not be started:\n\n{problem}\n\nDetails are in the log file\n{log}",
)
NO_LOG = Text(
    de="(keine – sie ließ sich nicht schreiben: {problem})",
    en="(none – it could not be written: {problem})",
)


def log_file() -> Path:
    """The log file of start failures in the user's log directory."""
    return user_log_path(APP_NAME, appauthor=False) / LOG_NAME


def main(argv: list[str] | None = None) -> int:
    """Start the desktop application; on failure show and log why. Returns the exit code."""
    parser = argparse.ArgumentParser(prog=APP_NAME, description="ropa-desktop")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or SQLAlchemy URL (default: ROPA_DB or the user data dir)",
    )
    args = parser.parse_args(argv)
    lang = os.environ.get("ROPA_LANG", "de")
    i18n.set_language(lang if lang in i18n.LANGUAGES else "de")
    try:
        check_installation()
        from ropa_desktop.ui.app import main as gui_main

        return gui_main(args.db)
    except Exception as exc:
        report_start_failure(exc)
        return 1


def report_start_failure(error: BaseException) -> Path | None:
    """Log ``error`` with its traceback, then tell the user; returns the log file (None
    when it could not be written)."""
    problem = _problem(error)
    try:
        path: Path | None = write_log(error)
        where = str(path)
    except OSError as exc:
        path, where = None, NO_LOG(problem=exc.strerror or str(exc))
    show(TITLE(), FAILED(problem=problem, log=where))
    return path


def write_log(error: BaseException) -> Path:
    """Append the failure with its traceback and the circumstances to :func:`log_file`."""
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    details = "".join(traceback.format_exception(error))
    with path.open("a", encoding="utf-8") as log:
        log.write(
            f"--- {datetime.now().isoformat(timespec='seconds')} ropa-desktop "
            f"{__version__}, Python {platform.python_version()}, {platform.platform()}, "
            f"{'bundle' if getattr(sys, 'frozen', False) else 'installed'}\n{details}\n"
        )
    return path


def show(title: str, text: str) -> None:
    """Show ``text`` in a dialog: Qt if it starts, else the Windows message box. It goes to
    standard error first (when there is one), as a Qt that cannot find its platform
    libraries ends the process instead of raising."""
    if sys.stderr is not None:
        print(f"{title}\n{text}", file=sys.stderr, flush=True)
    try:
        from ropa_desktop.ui.common import prompts

        prompts.show_start_failure(title, text)
        return
    except Exception:
        pass
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, title, 0x10)  # MB_ICONERROR


def _problem(error: BaseException) -> str:
    if isinstance(error, LocalizedError):
        return error.message()
    first = str(error).strip().splitlines()
    return f"{type(error).__name__}: {first[0]}" if first else type(error).__name__
