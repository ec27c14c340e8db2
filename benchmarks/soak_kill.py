"""Kill soak: SIGKILL the command line at random moments of its writes; nothing may break.

    .venv/bin/python benchmarks/soak_kill.py [--kills 50] [--seed 1] [--dir DIR]

Operations, run as subprocesses on one SQLite register: JSON import, spreadsheet import,
``template apply``, ``export --freeze``, ``backup`` and ``restore``. Each is first run once
to completion to learn how long it takes; then, round robin, each run is killed after a
random share (40–100 %; the first part is Python starting) of the shortest time a run
of it took, until ``--kills`` runs were killed before they finished. After every kill:

- ``ropa-desktop verify`` passes (integrity_check, foreign_key_check, the store's
  invariants);
- the activity count is all-or-nothing: the value before or the value the finished
  operation gives;
- every file named like a backup is a sound database (integrity_check "ok");
- the export file, if one was written, carries a version number the database knows.

Prints the kills per operation and the violations (0 expected); exit 1 when any.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ropa_desktop.store.backup import list_backups  # noqa: E402

ORG = "Stadt Ahaus"
OPERATIONS = ("import-json", "import-xlsx", "template", "freeze", "backup", "restore")


def cli(db: Path, *args: str) -> list[str]:
    """The command line of one ropa-desktop command."""
    return [sys.executable, "-m", "ropa_desktop.cli", "--db", str(db), *args]


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a command to completion."""
    return subprocess.run(
        cli(db, *args), capture_output=True, text=True, timeout=600, check=False, cwd=ROOT
    )


def activities(db: Path) -> int:
    """The number of activities, read as a new process would."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM activity").fetchone()[0])
    finally:
        conn.close()


def versions(db: Path) -> set[int]:
    """The frozen version numbers of the soak organisation."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            n
            for (n,) in conn.execute(
                "SELECT v.number FROM register_version v JOIN organisation o "
                "ON o.id = v.organisation_id WHERE o.name = ?",
                (ORG,),
            )
        }
    finally:
        conn.close()


def json_document(folder: Path, n: int) -> Path:
    """A register document with ``n`` new activities for the soak organisation."""
    doc = json.loads((folder / "base.json").read_text(encoding="utf-8"))
    org = doc["organisations"][0]
    template = org["activities"][0]
    org["activities"] = []
    for i in range(n):
        act = json.loads(json.dumps(template))
        act["uid"] = uuid.uuid4().hex
        act["reference"] = f"SOAK-{i}"
        act["name"] = f"Soak {uuid.uuid4().hex[:8]}"
        for child in ("purposes", "data_categories"):
            for item in act.get(child, []):
                if isinstance(item, dict) and "uid" in item:
                    item["uid"] = uuid.uuid4().hex
        org["activities"].append(act)
    doc["organisations"] = [org]
    path = folder / f"import-{uuid.uuid4().hex[:8]}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


class Soak:
    """The register, the inputs and the checks."""

    def __init__(self, folder: Path, seed: int) -> None:
        self.folder = folder
        self.db = folder / "register.sqlite"
        self.rng = random.Random(seed)
        self.violations: list[str] = []
        assert run(self.db, "demo").returncode == 0
        assert (
            run(
                self.db,
                "export",
                "--format",
                "json",
                "--out",
                str(folder / "base.json"),
                "--org",
                ORG,
            ).returncode
            == 0
        )
        self.sheet = folder / "sheet.xlsx"
        assert (
            run(
                self.db, "export", "--format", "xlsx", "--out", str(self.sheet), "--org", ORG
            ).returncode
            == 0
        )
        self.sheet_rows = activities_of_org(self.db)
        done = run(self.db, "backup")
        assert done.returncode == 0, done.stderr
        self.restore_source = folder / "restore-source.sqlite"
        assert run(self.db, "backup", "--out", str(self.restore_source)).returncode == 0
        self.restore_count = activities(self.db)
        self.export_n = 0

    def command(self, op: str) -> tuple[list[str], Callable[[int], set[int]], Path | None]:
        """The command of ``op``, the counts it may leave (given the count before), and
        the export file it writes, if any."""
        if op == "import-json":
            doc = json_document(self.folder, 20)
            return cli(self.db, "import", str(doc)), lambda b: {b, b + 20}, None
        if op == "import-xlsx":
            rows = self.sheet_rows
            return (
                cli(self.db, "import", str(self.sheet), "--org", ORG, "--on-duplicate", "new"),
                lambda b: {b, b + rows},
                None,
            )
        if op == "template":
            return (
                cli(self.db, "template", "apply", "website-server-logs", "--org", ORG),
                lambda b: {b, b + 1},
                None,
            )
        if op == "freeze":
            self.export_n += 1
            out = self.folder / f"export-{self.export_n}.xlsx"
            return (
                cli(
                    self.db,
                    "export",
                    "--format",
                    "xlsx",
                    "--out",
                    str(out),
                    "--org",
                    ORG,
                    "--freeze",
                ),
                lambda b: {b},
                out,
            )
        if op == "backup":
            return cli(self.db, "backup"), lambda b: {b}, None
        if op == "restore":
            count = self.restore_count
            return cli(self.db, "restore", str(self.restore_source)), lambda b: {b, count}, None
        raise ValueError(op)

    def once(self, op: str, kill_after: float | None) -> tuple[float, bool]:
        """Run ``op``, killing it after ``kill_after`` seconds; check everything after.

        Returns (seconds it ran, whether it was killed before it finished)."""
        before = activities(self.db)
        args, allowed, out = self.command(op)
        started = time.perf_counter()
        proc = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT
        )
        killed = False
        if kill_after is not None:
            try:
                proc.wait(timeout=kill_after)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                killed = True
        _, err = proc.communicate(timeout=600)
        took = time.perf_counter() - started
        if not killed and proc.returncode != 0:
            self.violations.append(f"{op}: failed without a kill: {err.strip()[:200]}")
        self.check(op, before, allowed(before), out)
        return took, killed

    def check(self, op: str, before: int, allowed: set[int], out: Path | None) -> None:
        """The invariants after one (possibly killed) operation."""
        done = run(self.db, "verify")
        if done.returncode != 0:
            self.violations.append(f"{op}: verify: {(done.stdout + done.stderr).strip()[:300]}")
        after = activities(self.db)
        if after not in allowed:
            self.violations.append(
                f"{op}: {before} activities before, {after} after (allowed: {sorted(allowed)})"
            )
        for b in list_backups(self.db.parent / "backups"):
            conn = sqlite3.connect(f"{b.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            except sqlite3.Error as exc:
                result = str(exc)
            finally:
                conn.close()
            if result != "ok":
                self.violations.append(f"{op}: backup {b.path.name}: {result}")
        if out is not None and out.exists():
            import openpyxl

            description = openpyxl.load_workbook(out, read_only=True).properties.description
            stamp = (description or "").rpartition("Version: ")[2].split()[0]
            if not stamp.isdigit() or int(stamp) not in versions(self.db):
                self.violations.append(
                    f"{op}: {out.name} is stamped “{stamp}”, the database "
                    f"knows {sorted(versions(self.db))}"
                )


def activities_of_org(db: Path) -> int:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM activity a JOIN organisation o ON o.id = a.organisation_id "
                "WHERE o.name = ?",
                (ORG,),
            ).fetchone()[0]
        )
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    """Run the soak; print the figures; 0 when no invariant was violated."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        soak = Soak(Path(tmp), args.seed)
        durations = {op: soak.once(op, None)[0] for op in OPERATIONS}
        kills: Counter[str] = Counter()
        finished: Counter[str] = Counter()
        started = time.perf_counter()
        runs = 0
        while sum(kills.values()) < args.kills and runs < 4 * args.kills:
            op = OPERATIONS[runs % len(OPERATIONS)]
            took, killed = soak.once(op, soak.rng.uniform(0.4, 1.0) * durations[op])
            (kills if killed else finished)[op] += 1
            if not killed:  # aim at the time a run really takes
                durations[op] = min(durations[op], took)
            runs += 1
        elapsed = time.perf_counter() - started
        print(f"kill soak: {runs} runs in {elapsed:.0f} s (seed {args.seed})")
        print(f"{'operation':<14}{'shortest':>11}{'killed':>8}{'finished':>10}")
        for op in OPERATIONS:
            print(f"{op:<14}{durations[op]:>10.2f}s{kills[op]:>8}{finished[op]:>10}")
        print(f"kills: {sum(kills.values())}, violations: {len(soak.violations)}")
        for line in soak.violations:
            print(f"  {line}")
        return 1 if soak.violations else 0


if __name__ == "__main__":
    sys.exit(main())
