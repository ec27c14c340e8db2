"""Main window speed with the design size: 20,000 activities in 100 organisations.

    .venv/bin/python benchmarks/gui_startup.py [--orgs 100] [--per-org 200] [--runs 3]

Prints, for the real application started in a fresh process (offscreen):
  - process start → main window shown with the activity list filled (goal < 2 s),
  - switching organisation, until the list shows the new rows (goal < 300 ms),
  - one keystroke in the search field, until the filtered list is painted (goal < 100 ms),
  - peak memory of that process (goal < 500 MiB).
Baseline, measured in the same run: a process that imports PySide6 and shows a bare
QMainWindow holding a 200-row QTableView; the startup is also printed as a ratio to it,
since these machines are shared and noisy. The processor time the processes used until
shown, and per switch, is printed too: a busy machine disturbs it far less than the
elapsed time, which the goals are about.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _baseline_child() -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([])
    window = QMainWindow()
    model = QStandardItemModel(200, 7)
    for r in range(200):
        for c in range(7):
            model.setItem(r, c, QStandardItem(f"Zelle {r}-{c}"))
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    view.viewport().repaint()
    print(json.dumps({"shown": time.time(), "cpu": time.process_time()}), flush=True)


def _peak_rss_mib() -> float:
    """Peak resident memory of this process (MiB).

    On Linux the kernel's high-water mark of this process's own memory (``VmHWM``):
    ``ru_maxrss`` would report the parent's peak instead, because a child started by
    ``subprocess`` (vfork + exec) inherits the peak of the memory it was forked from —
    here the parent that has just written the 20,000 activities.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _app_child(db: str) -> None:
    from PySide6.QtWidgets import QApplication

    from ropa_desktop.ui.app import Application, create_qapplication

    app = create_qapplication([])
    controller = Application(app, db)
    assert controller.start()
    window = controller.window
    assert window is not None
    app.processEvents()
    table = window.activities.table
    table.viewport().repaint()
    shown = time.time()
    cpu = time.process_time()
    rows_at_start = window.activities.proxy.rowCount()

    assert controller.session is not None
    names = [o.name for o in controller.session.organisations()]
    switches = []
    switches_cpu = []
    for name in names[1:11]:
        t = time.perf_counter()
        c = time.process_time()
        window.switch_organisation(name)
        app.processEvents()
        table.viewport().repaint()
        switches.append(time.perf_counter() - t)
        switches_cpu.append(time.process_time() - c)
        assert window.activities.proxy.rowCount() > 0

    search = window.activities.search
    keystrokes = []
    for text in ("verarbeitung 5-1", "kategorie 3", "bürgerbüro 1"):
        search.clear()
        app.processEvents()
        typed = ""
        for ch in text:
            typed += ch
            t = time.perf_counter()
            search.setText(typed)  # what a keystroke does: textChanged → filter
            app.processEvents()
            table.viewport().repaint()
            keystrokes.append(time.perf_counter() - t)
    rss = _peak_rss_mib()
    window.close()
    QApplication.processEvents()
    print(
        json.dumps(
            {
                "shown": shown,
                "cpu": cpu,
                "rows": rows_at_start,
                "switches": switches,
                "switches_cpu": switches_cpu,
                "keystrokes": keystrokes,
                "rss_mib": rss,
            }
        ),
        flush=True,
    )


def _run_child(args: list[str], env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    """Seconds from starting the child until it showed its window, and what it reported
    (``cpu``: the processor time the child had used by then, which a busy machine
    disturbs far less than the elapsed time)."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, __file__, *args], env=env, check=False, capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"child {' '.join(args[:2])} failed ({done.returncode}):\n{done.stderr}")
    out = done.stdout
    data = json.loads(out.strip().splitlines()[-1])
    return data["shown"] - started, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, default=100)
    parser.add_argument("--per-org", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("app", "baseline"))
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.child == "baseline":
        _baseline_child()
        return
    if args.child == "app":
        _app_child(args.db)
        return

    from store_load import make_register

    from ropa_desktop.store.database import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite"
        store = open_store(db)
        store.import_register(make_register(args.orgs, args.per_org), description="bench")
        store.engine.dispose()
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(Path(tmp) / "c"),
            XDG_DATA_HOME=str(Path(tmp) / "d"),
        )
        base, app, base_cpu, app_cpu = [], [], [], []
        data: dict[str, Any] = {}
        for _ in range(args.runs):
            seconds, data = _run_child(["--child", "baseline"], env)
            base.append(seconds)
            base_cpu.append(data["cpu"])
            seconds, data = _run_child(["--child", "app", "--db", str(db)], env)
            app.append(seconds)
            app_cpu.append(data["cpu"])
        b, a = statistics.median(base), statistics.median(app)
        bc, ac = statistics.median(base_cpu), statistics.median(app_cpu)
        sw = statistics.median(data["switches"]) * 1000
        sw_max = max(data["switches"]) * 1000
        ks = statistics.median(data["keystrokes"]) * 1000
        ks_max = max(data["keystrokes"]) * 1000
        print(f"register: {args.orgs} organisations x {args.per_org} activities, SQLite")
        print(f"baseline (bare Qt window, 200 rows): {b:.2f} s")
        print(
            f"start to populated window: {a:.2f} s  (ratio {a / b:.2f}; goal < 2 s)  "
            f"rows shown {data['rows']}"
        )
        print(
            f"  processor time until shown: {ac:.2f} s (baseline {bc:.2f} s, ratio {ac / bc:.2f})"
        )
        print(f"switch organisation: median {sw:.0f} ms, max {sw_max:.0f} ms  (goal < 300 ms)")
        sc = [x * 1000 for x in data["switches_cpu"]]
        print(
            f"  processor time per switch: median {statistics.median(sc):.0f} ms, "
            f"max {max(sc):.0f} ms"
        )
        print(f"search keystroke: median {ks:.1f} ms, max {ks_max:.1f} ms  (goal < 100 ms)")
        print(f"peak memory: {data['rss_mib']:.0f} MiB  (goal < 500 MiB)")


if __name__ == "__main__":
    main()
