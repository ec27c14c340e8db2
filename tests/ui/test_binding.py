"""The Qt binding itself: guards against releases with defects that would crash the app."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidgetItem


def test_void_calls_do_not_release_references_to_none(qapp) -> None:
    """PySide6 6.12.0 under Python 3.11 dropped one reference to None per void call, so a
    long session aborted with "deallocating None". A fixed or older binding keeps it."""
    item = QListWidgetItem("x")
    combo = QComboBox()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        item.setData(Qt.ItemDataRole.UserRole, "value")
        combo.clear()
        combo.addItem("x", "y")
    gc.collect()
    assert sys.getrefcount(None) - before > -50
