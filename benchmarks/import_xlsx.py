"""Import a 10,000-row workbook in the DSK layout; print rows per second and the ratio.

    .venv/bin/python benchmarks/import_xlsx.py [--rows 10000] [--repeat 3]

Baselines, measured in the same run on the same file:

- the bare read of the file with the reader library (python-calamine, every sheet to
  Python values);
- that read **plus** writing the very rows the import wrote (activities, their child
  rows, catalogue entries and history rows, copied beforehand from the import's database)
  into an empty database of the same schema with the raw ``sqlite3`` driver's
  ``executemany``, one statement per table, in one transaction (issue 14's baseline; goal:
  import <= 2 x this).

The import includes reading, header detection, mapping, value parsing, matching
processors, and writing everything in one transaction to a fresh SQLite database.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ropa_desktop.io.importing.engine import import_spreadsheet
from ropa_desktop.store.database import open_store

HEADERS = [
    "Bezeichnung der Verarbeitungstätigkeit",
    "Datum der Anlegung",
    "Datum der letzten Änderung",
    "verantwortliche Fachabteilung",
    "Ansprechpartner",
    "Zwecke der Verarbeitung",
    "Rechtsgrundlage",
    "Kategorien betroffener Personen",
    "Kategorien personenbezogener Daten",
    "Kategorien von Empfängern",
    "Auftragsverarbeiter",
    "Drittlandübermittlung",
    "Fristen für die Löschung",
    "Technische und organisatorische Maßnahmen (TOM)",
]


def make_workbook(path: Path, rows: int) -> None:
    """A DSK-layout workbook with a title row above the header, as departments send them."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("VVT")
    sheet.append(["Verzeichnis von Verarbeitungstätigkeiten – Gemeinde Musterstadt"])
    sheet.append([])
    sheet.append(HEADERS)
    processors = [
        "Kommunales Rechenzentrum GmbH",
        "Microsoft Ireland Operations Ltd.",
        "Druckerei Müller KG",
        "Komm.ONE",
    ]
    for i in range(rows):
        sheet.append(
            [
                f"Verarbeitung {i:05d}",
                "01.03.2024",
                "15.06.2025",
                "Bürgerbüro",
                "Frau Öztürk",
                f"Führung des Registers Nr. {i}\nAuskünfte an Behörden zu Vorgang {i}",
                "Art. 6 Abs. 1 lit. c DSGVO, §§ 2 ff. BMG",
                "Einwohnerinnen und Einwohner\nBeschäftigte",
                "Name\nAnschrift\nGeburtsdatum\nStaatsangehörigkeit\nReligionszugehörigkeit\n"
                "Steuer-ID",
                "Finanzamt\nStandesamt",
                processors[i % 4],
                "findet nicht statt" if i % 5 else "USA – Standardvertragsklauseln Modul 2",
                f"{i % 30 + 1} Jahre nach Wegzug",
                f"Siehe IT-Sicherheitskonzept, Abschnitt {i}",
            ]
        )
    book.save(path)


Rows = dict[str, tuple[list[str], list[tuple[object, ...]]]]


def written_rows(database: Path) -> Rows:
    """Every row the import wrote, by table (the schema's own rows left out)."""
    with sqlite3.connect(database) as con:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        out: Rows = {}
        for table in tables:
            cursor = con.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            out[table] = (columns, cursor.fetchall())
    return out


def empty_copy(database: Path) -> None:
    """An empty database of the current schema (created by the store, then emptied)."""
    open_store(database).engine.dispose()
    with sqlite3.connect(database) as con:
        for (table,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        ).fetchall():
            con.execute(f'DELETE FROM "{table}"')


def raw_write(database: Path, rows: Rows) -> None:
    """Write ``rows`` with executemany, one statement per table, in one transaction."""
    con = sqlite3.connect(database, isolation_level=None)
    try:
        con.execute("BEGIN")
        for table, (columns, values) in rows.items():
            if not values:
                continue
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            con.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
        con.execute("COMMIT")
    finally:
        con.close()


def bare_read(source: Path) -> None:
    """Every sheet of ``source`` to Python values with python-calamine."""
    book = CalamineWorkbook.from_path(str(source))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "vvt.xlsx"
        make_workbook(source, args.rows)
        best_read = best_import = best_baseline = float("inf")
        rows: Rows = {}
        for run in range(args.repeat):
            t0 = time.perf_counter()
            bare_read(source)
            best_read = min(best_read, time.perf_counter() - t0)
            database = Path(tmp) / f"run{run}.sqlite"
            store = open_store(database)
            t0 = time.perf_counter()
            report = import_spreadsheet(store, source, organisation="Gemeinde Musterstadt")
            best_import = min(best_import, time.perf_counter() - t0)
            assert report.count("new") == args.rows and not report.errors, report.summary()
            store.engine.dispose()
            if not rows:
                rows = written_rows(database)
            raw = Path(tmp) / f"raw{run}.sqlite"
            empty_copy(raw)
            t0 = time.perf_counter()
            bare_read(source)
            raw_write(raw, rows)
            best_baseline = min(best_baseline, time.perf_counter() - t0)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"rows: {args.rows} (DSK layout, xlsx {source.stat().st_size // 1024} KiB)")
        print(f"baseline, bare calamine read: {best_read:.2f} s")
        print(
            f"import (read, map, parse, match, write): {best_import:.2f} s "
            f"= {args.rows / best_import:.0f} rows/s"
        )
        count = sum(len(values) for _, values in rows.values())
        print(
            f"baseline, bare read + raw sqlite3 executemany of the same {count} rows "
            f"in one transaction: {best_baseline:.2f} s"
        )
        print(f"ratio import / bare read: {best_import / best_read:.2f}")
        print(f"ratio import / (read + raw write): {best_import / best_baseline:.2f} (goal <= 2)")
        print(f"peak memory: {peak:.0f} MiB (goal < 1024)")


if __name__ == "__main__":
    main()
