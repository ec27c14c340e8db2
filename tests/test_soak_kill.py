"""The kill soak (benchmarks/soak_kill.py) in short: five SIGKILLs during writes, and
after each the register verifies, counts are all-or-nothing, backups are sound and every
exported version stamp is known."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "soak_kill.py"


@pytest.mark.integration
def test_five_kills_break_nothing(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("soak_kill", SCRIPT)
    assert spec is not None and spec.loader is not None
    soak = importlib.util.module_from_spec(spec)
    sys.modules["soak_kill"] = soak
    spec.loader.exec_module(soak)
    assert soak.main(["--kills", "5", "--seed", "7", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "violations: 0" in out
