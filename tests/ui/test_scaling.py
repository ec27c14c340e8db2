"""Issue 18, item 12: at 150 % and 200 % scaling (and in high contrast) the main window fits
a full-HD screen and no label or button text is cut off. Screenshots of every page at 200 %
are kept as test artefacts in ``tmp/artefacts/scaling/`` of the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ropa_desktop.ui.main_window import PAGES

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "tmp" / "artefacts" / "scaling"
PROBE = Path(__file__).with_name("scaling_probe.py")


@pytest.mark.parametrize(
    ("scale", "extra", "suffix"),
    [
        ("2", [], "200-de"),
        ("1.5", [], "150-de"),
        ("2", ["--contrast", "--lang", "en"], "200-contrast-en"),
    ],
)
def test_no_text_is_cut_off_at_high_scaling(demo_store, scale, extra, suffix) -> None:
    register = Path(str(demo_store.engine.url.database))
    demo_store.engine.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env["XDG_CONFIG_HOME"] = str(register.parent / "config")  # no settings of the user
    done = subprocess.run(
        [sys.executable, str(PROBE), str(register), str(ARTEFACTS), *extra],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    cut = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert cut == []
    for key in PAGES:
        shot = ARTEFACTS / f"{key}-{suffix}.png"
        assert shot.is_file() and shot.stat().st_size > 10_000, shot
