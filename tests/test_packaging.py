"""The built wheel carries every shipped file, and an installed package finds them.

The wheel is built from this checkout with the project's build backend, unpacked into a
folder outside the source tree (as pip would install it), and the command line is run from
yet another folder with only that copy of ``ropa_desktop`` importable. A missing file stops
the start with a message naming it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[1]
RUN_CLI = "import sys; from ropa_desktop.cli import main; sys.exit(main(sys.argv[1:]))"


def _shipped(folder: str) -> set[str]:
    base = ROOT / folder
    return {
        p.relative_to(base).as_posix()
        for p in base.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("ropa_desktop-*.whl")
    return built


@pytest.fixture
def installed(wheel: Path, tmp_path: Path) -> Path:
    """The wheel unpacked as site-packages would hold it."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def _cli(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "ROPA_LANG": "de"}
    return subprocess.run(
        [sys.executable, "-c", RUN_CLI, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_wheel_carries_resources_schemas_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("resources", "schemas"):
        missing = {f for f in _shipped(folder) if f"ropa_desktop/_data/{folder}/{f}" not in names}
        assert not missing, f"{folder} files not in the wheel: {sorted(missing)}"
    assert "ropa_desktop/store/migrations/script.py.mako" in names
    assert "ropa_desktop/_data/legal/LICENSE" in names
    assert "ropa_desktop/_data/legal/THIRD_PARTY_NOTICES.txt" in names
    assert any(n.startswith("ropa_desktop/store/migrations/versions/0001") for n in names)


def test_an_installed_package_runs_from_another_folder(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [sys.executable, "-c", "import ropa_desktop; print(ropa_desktop.__file__)"],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(installed))

    listed = _cli(installed, elsewhere, "template", "list")
    assert listed.returncode == 0, listed.stderr
    assert len([line for line in listed.stdout.splitlines() if line.strip()]) >= 13

    db = str(elsewhere / "r.sqlite")
    assert _cli(installed, elsewhere, "--db", db, "demo").returncode == 0
    for fmt in ("xlsx", "pdf"):
        out = elsewhere / f"register.{fmt}"
        done = _cli(
            installed,
            elsewhere,
            "--db",
            db,
            "export",
            "--format",
            fmt,
            "--out",
            str(out),
            "--org",
            "Stadt Ahaus",
        )
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000
    checked = _cli(installed, elsewhere, "--db", db, "check", "--org", "Stadt Ahaus")
    assert "Traceback" not in checked.stderr


@pytest.mark.parametrize(
    "remove",
    ["resources/templates", "resources/fonts/DejaVuSans.ttf", "schemas/register.schema.json"],
)
def test_a_missing_resource_stops_the_start_with_its_name(
    installed: Path, tmp_path: Path, remove: str
) -> None:
    target = installed / "ropa_desktop" / "_data" / remove
    if target.is_dir():
        for file in target.glob("*.json"):
            file.unlink()
    else:
        target.unlink()
    done = _cli(installed, tmp_path, "template", "list")
    assert done.returncode == 1
    assert "Installation unvollständig" in done.stderr
    assert remove in done.stderr
    assert done.stdout == ""
    shutil.rmtree(installed)


def test_the_smoke_test_fails_when_a_shipped_file_is_missing(
    installed: Path, tmp_path: Path
) -> None:
    # A vocabulary file the start check cannot miss (the folder still holds others): the
    # smoke test of packaging/ must find it through the commands that use it.
    (installed / "ropa_desktop" / "_data" / "resources" / "vocab" / "sdm_goals.json").unlink()
    runner = tmp_path / "run_cli.py"
    runner.write_text(
        f"import sys\nsys.path.insert(0, {str(installed)!r})\n{RUN_CLI}\n", encoding="utf-8"
    )
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "smoke.py"),
            "--cli",
            shlex.join([sys.executable, str(runner)]),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1, done.stdout
    assert "smoke test FAILED" in done.stderr
    assert "sdm_goals" in done.stderr
