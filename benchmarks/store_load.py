"""Import and load a register of the design size; print figures and ratios.

    .venv/bin/python benchmarks/store_load.py [--orgs 100] [--per-org 200] [--db URL]

Baseline, measured in the same run on the same database: fetching every row of
every register table with plain Core ``SELECT`` (no assembly into objects).
The store's full load must stay within a small factor of that.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store
from ropa_desktop.store.models import Base


def make_register(orgs: int, per_org: int) -> m.Register:
    """A synthetic register shaped like a real one (6 data categories per activity)."""
    processors = [m.Processor(name=f"Dienstleister {i}", country="DE") for i in range(50)]
    toms = [m.Tom(title=f"Maßnahme {i}", sdm_goal="confidentiality") for i in range(30)]
    recipients = [m.Recipient(name=f"Empfänger {i}") for i in range(20)]
    organisations = []
    for o in range(orgs):
        acts = []
        for a in range(per_org):
            acts.append(
                m.Activity(
                    reference=f"VT-{a:04d}",
                    name=f"Verarbeitung {o}-{a}",
                    department="Bürgerbüro",
                    purposes=[
                        m.Purpose("Aufgabenerfüllung", ["art6-1-e", "§ 3 DSG NRW"]),
                        m.Purpose("Dokumentation", ["art6-1-c"]),
                    ],
                    data_subjects=["Einwohner", "Beschäftigte"],
                    data_categories=[
                        m.DataCategory(
                            f"Kategorie {k}",
                            retention=m.Retention(
                                10, m.RetentionUnit.YEARS, "Abschluss des Vorgangs"
                            ),
                        )
                        for k in range(6)
                    ],
                    internal_recipients=["Kämmerei"],
                    recipients=[recipients[a % 20].uid],
                    processors=[m.ProcessorLink(processors[a % 50].uid, "Betrieb")],
                    toms=[toms[a % 30].uid, toms[(a + 7) % 30].uid],
                    tom_description="Siehe TOM-Katalog",
                )
            )
        organisations.append(m.Organisation(name=f"Gemeinde {o:03d}", activities=acts))
    return m.Register(
        organisations=organisations, processors=processors, toms=toms, recipients=recipients
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, default=100)
    parser.add_argument("--per-org", type=int, default=200)
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.db or Path(tmp) / "bench.sqlite")
        register = make_register(args.orgs, args.per_org)
        n = args.orgs * args.per_org

        t0 = time.perf_counter()
        store.import_register(register)
        t_import = time.perf_counter() - t0

        t0 = time.perf_counter()
        with store.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                conn.execute(select(table)).all()
        t_raw = time.perf_counter() - t0

        t0 = time.perf_counter()
        loaded = store.load_register()
        t_load = time.perf_counter() - t0
        assert sum(len(o.activities) for o in loaded.organisations) == n

        t0 = time.perf_counter()
        org = store.load_organisation("Gemeinde 050")
        t_one = time.perf_counter() - t0
        assert len(org.activities) == args.per_org

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"activities: {n} in {args.orgs} organisations ({store.engine.dialect.name})")
        print(f"import (one transaction): {t_import:.2f} s  ({n / t_import:.0f} activities/s)")
        print(f"baseline raw SELECT of all tables: {t_raw:.2f} s")
        print(f"load whole register: {t_load:.2f} s  (ratio to baseline {t_load / t_raw:.2f})")
        print(f"load one organisation ({args.per_org} activities): {t_one * 1000:.0f} ms")
        print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
