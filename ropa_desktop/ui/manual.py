"""The short manual (Hilfe → Anleitung), read from ``resources/help/manual_<lang>.html``."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ropa_desktop.domain import i18n
from ropa_desktop.domain.resources import resources_dir
from ropa_desktop.ui.common.naming import named

HELP_DIR = resources_dir() / "help"


def manual_html(lang: str | None = None) -> str:
    """The manual as HTML in ``lang`` (default: the current language)."""
    return (HELP_DIR / f"manual_{lang or i18n.language()}.html").read_text(encoding="utf-8")


class ManualDialog(QDialog):
    """A non-modal window with the manual."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.setWindowTitle(self.tr("Manual"))
        self.browser = named(QTextBrowser(self), "manual.text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(manual_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)


def show_manual(parent: QWidget | None) -> ManualDialog:
    """Open the manual beside the main window."""
    dialog = ManualDialog(parent)
    dialog.show()
    return dialog
