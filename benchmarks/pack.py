"""Time and peak memory of the authority pack against the PDF + Excel exports it contains.

    .venv/bin/python benchmarks/pack.py [--activities 1000] [--repeat 3]

A register of ``store_load.py`` (6 data categories per activity) is stored in a
temporary SQLite file, frozen as version 1 (recorded as delivered), 5 % of its
activities are changed (legal basis, name) and one removed, and it is frozen as
version 2. Then, each in a fresh process so that peak memories do not mix:

- baseline: ``export_pdf`` + ``export_xlsx`` of version 2 (loaded from the database);
- pack: ``build_pack`` of version 2 (the same PDF and Excel, plus the JSON, the change
  report against version 1, SHA-256 of every file, the manifest and the zip).

Both start from the database, so loading the frozen version is in both. Goal: pack time
≤ 1.2 × baseline. Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

ORG_INDEX = 0


def _prepare(db: Path, n: int) -> str:
    from store_load import make_register

    from ropa_desktop.store.database import open_store

    register = make_register(1, n)
    org = register.organisations[0]
    store = open_store(str(db), user="benchmark")
    store.import_register(register)
    store.freeze_version(org.name, "erster Stand")
    store.record_delivery(org.name, 1, "Aufsichtsbehörde", date.today(), "Az. 1")
    current = store.load_register(org.name).organisations[0]
    for act in current.activities[::20]:
        act.purposes[0].legal_bases = ["art6-1-c"]
        act.name += " (geändert)"
        store.save_activity(org.uid, act)
    store.delete_activity(current.activities[-1].uid)
    store.freeze_version(org.name, "zweiter Stand")
    store.engine.dispose()
    return org.name


def _child(kind: str, db: str, org: str, out: str) -> None:
    """One measured run in this process; prints seconds and peak RSS (MiB) as JSON."""
    from ropa_desktop.io.export.pdf import export_pdf
    from ropa_desktop.io.export.xlsx import export_xlsx
    from ropa_desktop.io.pack import build_pack, stamp
    from ropa_desktop.store.database import open_store

    store = open_store(db, read_only=True)
    # warm up fonts, vocabularies and imports outside the measurement
    small = store.load_register(org)
    small.organisations[0].activities = small.organisations[0].activities[:2]
    export_pdf(small, org, Path(out) / "warm.pdf")
    export_xlsx(small, org, Path(out) / "warm.xlsx")
    del small
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    if kind == "pack":
        build_pack(store, org, Path(out) / "pack.zip", number=2)
    else:
        version = store.versions(org)[1]
        register = store.load_version(org, 2)
        day, text = version.frozen_at.date(), stamp(version)
        export_pdf(register, org, Path(out) / "register.pdf", stand=day, version=text)
        export_xlsx(register, org, Path(out) / "register.xlsx", stand=day, version=text)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak": peak, "before": before}))


def _measure(kind: str, db: Path, org: str, out: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", kind, "--db", str(db), "--org", org]
    done = subprocess.run(
        [*command, "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; fastest counts")
    parser.add_argument("--child", choices=["pack", "exports"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--org", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.db, args.org, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "register.sqlite"
        org = _prepare(db, args.activities)
        runs: dict[str, list[dict[str, float]]] = {"exports": [], "pack": []}
        for _ in range(max(args.repeat, 1)):
            for kind in ("exports", "pack"):  # alternating, so both see the same machine
                runs[kind].append(_measure(kind, db, org, tmp))
        size = (tmp / "pack.zip").stat().st_size / 2**20
    best = {k: min(r["seconds"] for r in v) for k, v in runs.items()}
    peak = {k: max(r["peak"] for r in v) for k, v in runs.items()}
    print(
        f"activities: {args.activities} (6 data categories each); version 2 against version 1 "
        f"(5 % changed, 1 removed); fastest of {args.repeat} runs; pack {size:.1f} MiB"
    )
    print(f"PDF + Excel exports: {best['exports']:.2f} s, peak memory {peak['exports']:.0f} MiB")
    print(f"authority pack:      {best['pack']:.2f} s, peak memory {peak['pack']:.0f} MiB")
    print(
        f"ratio pack / exports: time {best['pack'] / best['exports']:.2f} (goal ≤ 1.2), "
        f"memory {peak['pack'] / peak['exports']:.2f}"
    )


if __name__ == "__main__":
    main()
