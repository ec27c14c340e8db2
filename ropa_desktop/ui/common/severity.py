"""How a finding's severity looks in lists: a coloured round mark, and the worst of several."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ropa_desktop.domain.rules import Severity

_MARKS = {Severity.ERROR: "#c62828", Severity.WARNING: "#ef6c00", Severity.INFO: "#1565c0"}


def severity_icon(severity: Severity | None) -> QIcon:
    """A round mark in the colour of the severity (green when there is no finding)."""
    key = severity.value if severity else "ok"
    icon = _ICONS.get(key)
    if icon is None:
        pix = QPixmap(12, 12)
        pix.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(_MARKS.get(severity, "#2e7d32") if severity else "#2e7d32"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        icon = _ICONS[key] = QIcon(pix)
    return icon


_ICONS: dict[str, QIcon] = {}


def worst(findings: list[Any]) -> Severity | None:
    """The most serious severity among findings, None when there are none."""
    return min((f.severity for f in findings), key=lambda s: s.rank, default=None)
