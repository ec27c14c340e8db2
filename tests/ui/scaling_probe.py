"""Run in a process of its own (QT_SCALE_FACTOR must be set before Qt starts): open the main
window on a register at the logical size a 1920×1080 screen gives at that scale, show every
page, save a screenshot of each and print the texts that do not fit as JSON lines.

    QT_SCALE_FACTOR=2 python tests/ui/scaling_probe.py REGISTER OUTDIR [--contrast] [--lang de]
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QWidget,
)


def high_contrast(app: QApplication) -> None:
    """A high-contrast palette: white on black, yellow selection (like Windows' theme)."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#000000"),
        (QPalette.ColorRole.WindowText, "#ffffff"),
        (QPalette.ColorRole.Base, "#000000"),
        (QPalette.ColorRole.AlternateBase, "#1a1a1a"),
        (QPalette.ColorRole.Text, "#ffffff"),
        (QPalette.ColorRole.Button, "#000000"),
        (QPalette.ColorRole.ButtonText, "#ffffff"),
        (QPalette.ColorRole.Highlight, "#ffff00"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
        (QPalette.ColorRole.PlaceholderText, "#c0c0c0"),
        (QPalette.ColorRole.ToolTipBase, "#000000"),
        (QPalette.ColorRole.ToolTipText, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)


def clipped(root: QWidget) -> list[dict[str, object]]:
    """Labels and buttons whose text is wider than the room they have."""
    out: list[dict[str, object]] = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.width() <= 0:
            continue
        if isinstance(w, QLabel):
            text = w.text()
            if not text or w.wordWrap() or text.lstrip().startswith("<") or w.pixmap():
                continue
            shown = text.replace("&&", "\0").replace("&", "") if w.buddy() else text
            need = max(w.fontMetrics().horizontalAdvance(line) for line in shown.split("\n"))
            have = w.contentsRect().width() - 2 * w.margin()
            if need > have + 1:
                out.append(
                    {"widget": w.objectName() or "QLabel", "text": text, "need": need, "have": have}
                )
        elif (
            isinstance(w, QPushButton | QCheckBox | QRadioButton)
            and w.text()
            and w.sizeHint().width() > w.width() + 1
        ):
            out.append(
                {
                    "widget": w.objectName() or type(w).__name__,
                    "text": w.text(),
                    "need": w.sizeHint().width(),
                    "have": w.width(),
                }
            )
    for view in root.findChildren(QListWidget):
        if view.isVisibleTo(root) and view.objectName() == "navigation":
            room = view.viewport().width()
            for i in range(view.count()):
                need = view.sizeHintForRow(i) and view.visualItemRect(view.item(i)).width()
                text_need = view.fontMetrics().horizontalAdvance(view.item(i).text()) + 8
                if text_need > room:
                    out.append(
                        {
                            "widget": "navigation",
                            "text": view.item(i).text(),
                            "need": text_need,
                            "have": room,
                            "rect": need,
                        }
                    )
    for edit in root.findChildren(QLineEdit):
        if edit.isVisibleTo(root) and edit.objectName() == "activities.search":
            need = edit.fontMetrics().horizontalAdvance(edit.placeholderText()[:12]) + 24
            if edit.width() < need:
                out.append(
                    {
                        "widget": "activities.search",
                        "text": edit.placeholderText(),
                        "need": need,
                        "have": edit.width(),
                    }
                )
    return out


def main() -> int:
    register, outdir = Path(sys.argv[1]), Path(sys.argv[2])
    contrast = "--contrast" in sys.argv
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "de"
    outdir.mkdir(parents=True, exist_ok=True)
    from ropa_desktop.store.database import open_store
    from ropa_desktop.ui import app as app_module
    from ropa_desktop.ui.common import settings
    from ropa_desktop.ui.main_window import PAGES, MainWindow
    from ropa_desktop.ui.session import Session

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    settings.configure_application(app)
    app_module.install_language(app, lang)
    if contrast:
        high_contrast(app)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    session = Session(open_store(register, user="probe"), str(register))
    session.set_organisation("Stadtwerke Bochum GmbH")
    window = MainWindow(session)
    window.resize(int(1920 / scale), int(1080 / scale) - 40)  # a full-HD screen, taskbar off
    window.show()
    app.processEvents()
    if window.width() > int(1920 / scale):
        print(
            json.dumps(
                {
                    "page": "window",
                    "widget": "mainWindow",
                    "text": "",
                    "need": window.width(),
                    "have": int(1920 / scale),
                }
            )
        )
    for key in PAGES:
        window.show_page(key)
        app.processEvents()
        name = f"{key}-{int(scale * 100)}{'-contrast' if contrast else ''}-{lang}.png"
        window.grab().save(str(outdir / name))
        for item in clipped(window):
            print(json.dumps({"page": key, **item}, ensure_ascii=False))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
