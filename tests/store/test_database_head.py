"""Recognising a register at the newest schema without Alembic (a faster start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ropa_desktop.store import database
from ropa_desktop.store.database import open_store

ROOT = Path(__file__).resolve().parents[2]


def test_the_migration_files_name_the_head_alembic_knows():
    assert database._files_head() == database.head_revision()


def _migrations(tmp_path: Path, chain: dict[str, str | None]) -> Path:
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    for revision, down in chain.items():
        (versions / f"{revision}_step.py").write_text(
            f'"""Step {revision}."""\n\nrevision: str = "{revision}"\ndown_revision = {down!r}\n'
        )
    return versions.parent


def test_a_branched_or_unreadable_chain_leaves_the_decision_to_alembic(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "MIGRATIONS", _migrations(tmp_path / "a", {"1": None, "2": "1"}))
    assert database._files_head() == "2"
    branched = _migrations(tmp_path / "b", {"1": None, "2": "1", "3": "1"})
    monkeypatch.setattr(database, "MIGRATIONS", branched)
    assert database._files_head() is None
    monkeypatch.setattr(database, "MIGRATIONS", _migrations(tmp_path / "c", {"1": None}))
    (database.MIGRATIONS / "versions" / "2_odd.py").write_text('revision = compute("2")\n')
    assert database._files_head() is None


def test_a_register_at_the_newest_schema_opens_without_importing_alembic(tmp_path):
    path = tmp_path / "register.sqlite"
    open_store(path).engine.dispose()
    code = (
        "import sys\n"
        "from ropa_desktop.store.database import open_store\n"
        f"store = open_store({str(path)!r}, lock='exclusive')\n"
        "assert store.is_empty()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"
