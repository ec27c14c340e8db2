"""The colours of findings in the editor, readable on the palette in use.

The editor marks a field with a finding by a coloured frame and writes the finding's
message under it in that colour. Fixed colours chosen for a light window become hard to
read on a dark or high-contrast palette, so each severity's colour is lightened (on a dark
background) or darkened (on a light one) until it reaches the WCAG AA contrast of 4.5:1
against the window and the input background of the palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from ropa_desktop.domain.rules import Severity

MINIMUM_CONTRAST = 4.5
"""WCAG 2 AA for normal text."""

BASE_COLOURS = {Severity.ERROR: "#c62828", Severity.WARNING: "#b35400", Severity.INFO: "#1565c0"}
"""The colours on a light palette (red, orange, blue), the starting point elsewhere."""


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: QColor) -> float:
    """The WCAG relative luminance of ``colour`` (0 black … 1 white)."""
    r, g, b = (_channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 … 21)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def readable(
    colour: QColor, backgrounds: list[QColor], minimum: float = MINIMUM_CONTRAST
) -> QColor:
    """``colour``, mixed in steps towards white (on dark backgrounds) or black (on light
    ones) until it reaches ``minimum`` contrast against every one of ``backgrounds``."""
    dark = sum(relative_luminance(b) for b in backgrounds) / len(backgrounds) < 0.18
    target = QColor("#ffffff") if dark else QColor("#000000")
    result = QColor(colour)
    for step in range(21):
        if min(contrast_ratio(result, b) for b in backgrounds) >= minimum:
            break
        share = step / 20  # mixed towards white or black a little more each step
        result = QColor.fromRgbF(
            colour.redF() + (target.redF() - colour.redF()) * share,
            colour.greenF() + (target.greenF() - colour.greenF()) * share,
            colour.blueF() + (target.blueF() - colour.blueF()) * share,
        )
    return result


def finding_colours(palette: QPalette) -> dict[Severity, QColor]:
    """The colour of each severity on ``palette`` (messages on the window background,
    frames around inputs on the input background)."""
    backgrounds = [palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)]
    return {s: readable(QColor(c), backgrounds) for s, c in BASE_COLOURS.items()}


def finding_style(palette: QPalette) -> str:
    """The editor's style sheet marking findings, in colours readable on ``palette``."""
    c = {s.value: colour.name() for s, colour in finding_colours(palette).items()}
    return f"""
*[finding="error"] {{ border: 2px solid {c["error"]}; border-radius: 2px; }}
*[finding="warning"] {{ border: 2px solid {c["warning"]}; border-radius: 2px; }}
*[finding="info"] {{ border: 1px solid {c["info"]}; border-radius: 2px; }}
QLabel[fieldMessage="true"] {{ border: none; font-size: small; }}
QLabel[fieldMessage="true"][finding="error"] {{ color: {c["error"]}; border: none; }}
QLabel[fieldMessage="true"][finding="warning"] {{ color: {c["warning"]}; border: none; }}
QLabel[fieldMessage="true"][finding="info"] {{ color: {c["info"]}; border: none; }}
QLabel[changedElsewhere="true"] {{ color: {c["warning"]}; }}
"""
