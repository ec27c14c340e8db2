"""Time the PDF export against plain reportlab; print seconds per 1,000 activities.

    .venv/bin/python benchmarks/export_pdf.py [--activities 1000] [--no-baseline]

The register is the one of ``store_load.py`` (6 data categories per activity). Baseline,
measured in the same run: reportlab building the same texts as paragraphs in one flat
story with a single ``SimpleDocTemplate.build`` (same font; no tables, no table of
contents, no second pass). Goal: ratio ≤ 2.5. The peak memory printed is that of the
export (measured before the baseline runs); goal for 10,000 activities: under 1 GiB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table
from store_load import make_register

from ropa_desktop.domain import model as m
from ropa_desktop.io.export.pdf import export_pdf
from ropa_desktop.io.export.pdf_content import Context, entry_title, section
from ropa_desktop.io.export.pdf_layout import styles


def _texts(flowables: Sequence[object]) -> list[str]:
    """The texts of every paragraph in ``flowables``, table cells included."""
    out: list[str] = []
    for f in flowables:
        if isinstance(f, Table):
            for row in f._cellvalues:  # type: ignore[attr-defined]  # not in types-reportlab
                for cell in row:
                    out += _texts(cell if isinstance(cell, list) else [cell])
        elif isinstance(f, Paragraph):
            out.append(f.text)
    return out


def baseline_story(register: m.Register, organisation: str) -> list[Flowable]:
    """The same texts as the export's activity sections, as one flat list of paragraphs."""
    st = styles()
    org = register.organisation(organisation)
    if org is None:
        raise ValueError(f"no organisation {organisation!r} in the register")
    x = Context(register, org, "controller", "de")
    story: list[Flowable] = []
    for a in x.org.activities:
        story.append(Paragraph(escape(entry_title(a, "de")), st.h2))
        for text in _texts(section(x, a)):
            story.append(Paragraph(escape(text).replace("\n", "<br/>"), st.body))
    return story


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each; the fastest counts (default 3)"
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="only the export (e.g. for a memory run)"
    )
    args = parser.parse_args()
    n = args.activities
    register = make_register(1, n)
    org = register.organisations[0].name
    with tempfile.TemporaryDirectory() as tmp:
        # Warm up: fonts, vocabularies and imports are loaded once per process.
        small = make_register(1, 3)
        export_pdf(small, small.organisations[0].name, Path(tmp) / "warm.pdf")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        target = Path(tmp) / "register.pdf"
        story = None
        export_times, base_times = [], []
        for run in range(max(args.repeat, 1)):
            t0 = time.perf_counter()
            export_pdf(register, org, target, stand=date.today())
            export_times.append(time.perf_counter() - t0)
            if run == 0:
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            if args.no_baseline:
                continue
            story = baseline_story(register, org)
            count = len(story)  # the build consumes the list
            t0 = time.perf_counter()
            SimpleDocTemplate(str(Path(tmp) / "baseline.pdf")).build(story)
            base_times.append(time.perf_counter() - t0)
            del story

        from pypdf import PdfReader

        pages = len(PdfReader(target).pages)
        size = target.stat().st_size / 2**20
        t_export = min(export_times)
        print(
            f"activities: {n} (6 data categories each), {pages} pages, {size:.1f} MiB; "
            f"fastest of {len(export_times)} runs"
        )
        print(f"export_pdf: {t_export:.2f} s  ({t_export / n * 1000:.2f} s per 1,000 activities)")
        print(f"peak memory of the export: {peak:.0f} MiB (before it: {rss_before:.0f} MiB)")
        if base_times:
            t_base = min(base_times)
            print(
                f"baseline (flat story, one build, {count} paragraphs): {t_base:.2f} s  "
                f"({t_base / n * 1000:.2f} s per 1,000 activities)"
            )
            print(f"ratio export / baseline: {t_export / t_base:.2f}  (goal ≤ 2.5)")


if __name__ == "__main__":
    main()
