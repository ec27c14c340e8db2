"""The findings in the editor (messages under the fields, the notice of a change made
elsewhere) are readable — WCAG AA, 4.5:1 — on the normal and on a high-contrast palette,
measured on the pixels the label actually draws."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from ropa_desktop.domain.rules import Severity
from ropa_desktop.ui.common.finding_colours import contrast_ratio
from ropa_desktop.ui.editor.activity_editor import ActivityEditor, _set_mark
from ropa_desktop.ui.session import Session

HIGH_CONTRAST = {  # white on black, yellow selection (like Windows' high-contrast theme)
    QPalette.ColorRole.Window: "#000000",
    QPalette.ColorRole.WindowText: "#ffffff",
    QPalette.ColorRole.Base: "#000000",
    QPalette.ColorRole.AlternateBase: "#1a1a1a",
    QPalette.ColorRole.Text: "#ffffff",
    QPalette.ColorRole.Button: "#000000",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.Highlight: "#ffff00",
    QPalette.ColorRole.HighlightedText: "#000000",
}


@pytest.fixture(params=["normal", "high contrast"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The palette's name; the test switches to it with the editor already open (as when
    the system changes to high contrast while the window is open)."""
    before = QPalette(qapp.palette())
    yield request.param
    qapp.setPalette(before)


def _switch_to(palette: str) -> None:
    if palette == "high contrast":
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        changed = QPalette(app.palette())
        for role, colour in HIGH_CONTRAST.items():
            changed.setColor(role, QColor(colour))
        app.setPalette(changed)
        app.processEvents()  # the window's event loop passes the new palette on


def _drawn_contrast(label: QLabel) -> float:
    """The contrast between the label's background (its commonest pixel) and the text
    pixel that stands out most from it (the core of a glyph)."""
    image = label.grab().toImage()
    pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    return max(contrast_ratio(QColor.fromRgb(p), background) for p in pixels)


def test_finding_texts_reach_wcag_aa_on_the_palette(
    qtbot: Any, session: Session, palette: str
) -> None:
    editor = ActivityEditor(session)
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.show()
    qtbot.waitExposed(editor)
    _switch_to(palette)
    editor.new_activity()
    editor.check_now()
    messages = [
        label
        for label in editor.findChildren(QLabel)
        if label.property("fieldMessage") and label.isVisible() and label.text()
    ]
    assert messages  # a new activity has findings at its fields
    label = messages[0]
    measured = {}
    for severity in Severity:
        _set_mark(label, severity)
        measured[severity.value] = round(_drawn_contrast(label), 2)
    editor.elsewhere.setText("Changed elsewhere by another user.")
    editor.elsewhere.show()
    measured["changed elsewhere"] = round(_drawn_contrast(editor.elsewhere), 2)
    assert all(ratio >= 4.5 for ratio in measured.values()), (palette, measured)
