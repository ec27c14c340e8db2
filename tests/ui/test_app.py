"""Starting the application from the command line: no command opens the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ropa_desktop.cli import main
from ropa_desktop.store.database import open_store
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.main_window import MainWindow


def _visible_main_windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def test_no_command_opens_the_window_and_an_empty_register_offers_the_demo(
    qapp, tmp_path: Path, monkeypatch
) -> None:
    db = str(tmp_path / "new.sqlite")
    asked: list[bool] = []
    monkeypatch.setattr(
        prompts, "ask_start", lambda parent: asked.append(True) or prompts.START_DEMO
    )
    seen: list[list[str]] = []

    def look_and_close() -> None:
        windows = _visible_main_windows()
        seen.append(
            [w.org_switcher.itemText(i) for w in windows for i in range(w.org_switcher.count())]
        )
        for w in windows:
            w.close()

    QTimer.singleShot(0, look_and_close)
    assert main(["--db", db]) == 0
    assert asked == [True]
    assert len(seen) == 1 and "Stadtwerke Gütersloh GmbH" in seen[0] and len(seen[0]) == 5
    assert len(open_store(db).organisation_names()) == 5

    # Second start: the register is not empty, nothing is asked.
    QTimer.singleShot(0, look_and_close)
    assert main(["--db", db]) == 0
    assert asked == [True]
    assert len(seen) == 2


def test_cancelling_the_first_start_exits_non_zero_and_leaves_the_file_empty(
    qapp, tmp_path: Path, monkeypatch
) -> None:
    db = str(tmp_path / "new.sqlite")
    monkeypatch.setattr(prompts, "ask_start", lambda parent: prompts.CANCEL)
    assert main(["--db", db]) == 1
    assert open_store(db).is_empty()
    assert _visible_main_windows() == []


def test_without_a_display_the_start_says_so_instead_of_aborting(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main(["--db", str(tmp_path / "x.sqlite")]) == 1
    assert "DISPLAY" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()
