"""A look at the started application for the installation smoke test (packaging/smoke.py).

When the environment variable ``ROPA_SMOKE_REPORT`` names a file, :func:`app.main
<ropa_desktop.ui.app.main>` hands the shown main window to :func:`report_soon`: it opens
the manual, writes what a person would see (window, menus, organisations, manual, About
text) as JSON into that file and ends the application. This is how
an installed wheel or a frozen bundle proves that its window starts with its translations,
its manual and its legal notices — it changes nothing in the database.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ropa_desktop.ui.main_window import MainWindow

ENVIRONMENT = "ROPA_SMOKE_REPORT"


def report_soon(app: QApplication, window: MainWindow, target: Path) -> None:
    """Write the report into ``target`` once the window is shown, then quit ``app`` (exit
    code 0; 1 when something could not be looked at, with the error in the report)."""

    def look() -> None:
        try:
            seen = describe(window)
            code = 0
        except Exception as exc:
            seen = {"error": f"{type(exc).__name__}: {exc}"}
            code = 1
        target.write_text(json.dumps(seen, ensure_ascii=False, indent=2), encoding="utf-8")
        app.exit(code)

    QTimer.singleShot(0, look)


def describe(window: MainWindow) -> dict[str, Any]:
    """What the window shows: title, menus, the organisations, the manual and About."""
    from ropa_desktop.ui.manual import ManualDialog

    window.manual()
    QApplication.processEvents()
    manuals = window.findChildren(ManualDialog)
    manual = manuals[-1] if manuals else None
    return {
        "window_visible": window.isVisible(),
        "title": window.windowTitle(),
        "menus": [action.text() for action in window.menuBar().actions()],
        "organisations": [
            window.org_switcher.itemText(i) for i in range(window.org_switcher.count())
        ],
        "manual_visible": manual is not None and manual.isVisible(),
        "manual_title": manual.windowTitle() if manual else "",
        "manual_characters": len(manual.browser.toPlainText()) if manual else 0,
        "about": window.about_text(),
    }
