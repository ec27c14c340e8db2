"""What the application remembers between runs (QSettings): window, columns, files, language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings

ORGANISATION = "ropa-desktop"
APPLICATION = "ropa-desktop"
MAX_RECENT = 8


def configure_application(app: QCoreApplication) -> None:
    """Name the application so QSettings finds its file (INI in the user's config dir)."""
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


def value(key: str, default: Any = None) -> Any:
    """A remembered value, or ``default``."""
    return QSettings().value(key, default)


def set_value(key: str, data: Any) -> None:
    """Remember ``data`` under ``key`` (the file is written only when the value changes)."""
    settings = QSettings()
    if settings.contains(key) and settings.value(key) == data:
        return
    settings.setValue(key, data)


def language() -> str:
    """The chosen interface language ("de" by default)."""
    lang = str(value("ui/language", "de"))
    return lang if lang in ("de", "en") else "de"


def recent_databases() -> list[str]:
    """Databases opened recently, newest first."""
    data = value("files/recent", [])
    if isinstance(data, str):
        data = [data]
    return [str(d) for d in (data or []) if str(d)]


def remember_database(location: str) -> None:
    """Put ``location`` first in the recent list and make it the one opened next time."""
    recent = [location] + [d for d in recent_databases() if d != location]
    set_value("files/recent", recent[:MAX_RECENT])
    set_value("files/last", location)


def last_database() -> str | None:
    """The database open when the application last ran, if any."""
    last = value("files/last")
    return str(last) if last else None
