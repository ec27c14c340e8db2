"""The windowed start: a failure is shown in a dialog that names the log file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ropa_desktop.ui import launch
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.main_window import MainWindow


def _break_the_window(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(self: MainWindow) -> None:
        raise RuntimeError("the menus could not be built")

    monkeypatch.setattr(MainWindow, "_build_menus", broken)
    # The register holds the demo (fixture demo_store): nothing may be asked on the way.
    monkeypatch.setattr(prompts, "ask_start", lambda parent: pytest.fail("asked to start"))


def test_a_failure_while_the_window_is_built_is_shown_and_logged(
    qapp, demo_store, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("ROPA_LANG", raising=False)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        prompts, "show_start_failure", lambda title, text: shown.append((title, text))
    )
    _break_the_window(monkeypatch)

    assert launch.main(["--db", str(tmp_path / "register.sqlite")]) == 1

    log = tmp_path / "state" / "ropa-desktop" / "log" / "ropa-desktop.log"
    assert launch.log_file() == log
    logged = log.read_text(encoding="utf-8")
    assert "RuntimeError: the menus could not be built" in logged
    assert "_build_menus" in logged and "Traceback" in logged
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "ropa-desktop kann nicht starten"
    assert "RuntimeError: the menus could not be built" in text
    assert str(log) in text and "Protokolldatei" in text
    assert "Traceback" not in text


def test_without_a_qt_dialog_the_message_goes_to_stderr(
    qapp, demo_store, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def no_qt(title: str, text: str) -> None:
        raise ImportError("libxcb-cursor.so.0: cannot open shared object file")

    monkeypatch.setattr(prompts, "show_start_failure", no_qt)
    _break_the_window(monkeypatch)

    assert launch.main(["--db", str(tmp_path / "register.sqlite")]) == 1

    err = capsys.readouterr().err
    assert "ropa-desktop kann nicht starten" in err
    assert "the menus could not be built" in err
    assert str(launch.log_file()) in err


def test_an_unwritable_log_directory_is_named_instead_of_a_log_file(
    qapp, demo_store, tmp_path: Path, monkeypatch
) -> None:
    blocked = tmp_path / "state"
    blocked.write_text("a file where the log directory would be", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    monkeypatch.setenv("ROPA_LANG", "de")
    shown: list[str] = []
    monkeypatch.setattr(prompts, "show_start_failure", lambda title, text: shown.append(text))
    _break_the_window(monkeypatch)

    assert launch.main(["--db", str(tmp_path / "register.sqlite")]) == 1

    assert len(shown) == 1
    assert "the menus could not be built" in shown[0]
    assert "(keine – sie ließ sich nicht schreiben:" in shown[0]
