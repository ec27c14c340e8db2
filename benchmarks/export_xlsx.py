"""Time the Excel export against plain openpyxl write-only mode; print figures and the ratio.

    .venv/bin/python benchmarks/export_xlsx.py [--activities 1000] [--repeat 5]

The register has one organisation with ``--activities`` activities of 6 data
categories each (the shape of ``benchmarks/store_load.py``). Baseline, measured
in the same run: an openpyxl write-only workbook with the same sheets, the same
header row and the same cell values (produced beforehand by ``workbook_content``,
so the baseline does not pay for rendering them), written with ``ws.append`` and
no styles, filters or print setup. The export is timed in full: rendering,
styles, text checks, print setup, atomic save. Goal: ratio ≤ 1.5.

Peak memory is the process's maximum resident set size, read right after the
first export (before the baseline materialises its rows); it includes the
generated register. The goal for 10,000 activities is under 1 GiB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_load import make_register

from ropa_desktop.domain import model as m
from ropa_desktop.io.export.xlsx import export_xlsx
from ropa_desktop.io.export.xlsx_content import Row, workbook_content

ORG = "Gemeinde 000"
STAND = date(2026, 11, 21)


Sheets = list[tuple[str, list[str], list[Row]]]


def baseline_sheets(register: m.Register) -> Sheets:
    """The workbook's sheet names, headers and rows as plain values, produced untimed."""
    return [
        (
            sh.layout.title("de"),
            sh.layout.headers("de"),
            [row for block in sh.blocks for row in block],
        )
        for sh in workbook_content(register, ORG, stand=STAND, version="1")
    ]


def baseline(sheets: Sheets, target: Path) -> float:
    """Seconds for plain write-only openpyxl to write the same values."""
    t0 = time.perf_counter()
    wb = Workbook(write_only=True)
    for title, headers, rows in sheets:
        ws = wb.create_sheet(title)
        ws.append(headers)
        for row in rows:
            ws.append(row)
    wb.save(target)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="runs of each, interleaved; the best is reported (default 5)",
    )
    args = parser.parse_args()
    n = args.activities
    register = make_register(1, n)
    register.organisations[0].name = ORG
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        export_xlsx(register, ORG, out / "export.xlsx", stand=STAND, version="1")
        t_export = [time.perf_counter() - t0]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        size = (out / "export.xlsx").stat().st_size / 1e6
        sheets = baseline_sheets(register)
        t_base = [baseline(sheets, out / "baseline.xlsx")]
        for _ in range(args.repeat - 1):  # interleaved, so load on the machine hits both
            t0 = time.perf_counter()
            export_xlsx(register, ORG, out / "export.xlsx", stand=STAND, version="1")
            t_export.append(time.perf_counter() - t0)
            t_base.append(baseline(sheets, out / "baseline.xlsx"))
    best_export, best_base = min(t_export), min(t_base)
    per_k = 1000 / n
    print(f"activities: {n} with 6 data categories each (best of {args.repeat} runs)")
    print(
        f"export_xlsx: {best_export:.2f} s  ({best_export * per_k:.2f} s per 1,000 activities,"
        f" file {size:.1f} MB)"
    )
    print(
        f"baseline plain openpyxl write-only, same values: {best_base:.2f} s  "
        f"({best_base * per_k:.2f} s per 1,000 activities)"
    )
    print(f"ratio: {best_export / best_base:.2f}  (goal ≤ 1.5)")
    print(f"peak memory after the export: {peak:.0f} MiB  (goal < 1024 MiB for 10,000)")


if __name__ == "__main__":
    main()
