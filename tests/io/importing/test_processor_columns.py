"""Issue 14, item 6: "Microsoft Ireland …" in a processor-like column must become a processor
of its activity — not a recipient, and not a line in the notes.

Each file takes the header wording and column order of a published register (cited in
docs/import-sources.md, "Processor-like columns", and in the `_seen` notes of
resources/import/aliases.json); the rows are invented.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from ropa_desktop.io.importing.engine import import_spreadsheet
from ropa_desktop.io.importing.headers import ALIASES_PATH
from ropa_desktop.store.database import open_store
from tests.workbooks import write_xlsx as _xlsx

MICROSOFT = "Microsoft Ireland Operations Ltd."
ORG = "Muster GmbH"


def _csv(delimiter: str, encoding: str) -> Callable[[Path, list[list[str]]], None]:
    def write(path: Path, rows: list[list[str]]) -> None:
        with path.open("w", encoding=encoding, newline="") as out:
            csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)

    return write


@dataclass(frozen=True)
class Source:
    """A register layout with a processor-like column, and one invented row."""

    key: str
    suffix: str
    header: list[str]
    row: list[str]
    name: str
    """The activity the row is imported as."""
    recipient: str | None
    """The row's entry in a recipients column beside the processor column, if any."""
    write: Callable[[Path, list[list[str]]], None]


SOURCES = [
    # Rbit27/form, docs/ROPA.md, "3.1 Processing Activity Register" (Art. 30(1)): the
    # controller's processors per activity under "Sub-Processors" (no alias before).
    Source(
        key="form_ropa_sub_processors",
        suffix=".xlsx",
        header=[
            "ID",
            "Activity Name",
            "Purpose",
            "Legal Basis",
            "Data Subjects",
            "Data Categories",
            "Art. 9 Special Category?",
            "Sub-Processors",
            "Retention",
            "Transfer Mechanism",
            "Notes",
        ],
        row=[
            "RA-01",
            "E-mail and calendar",
            "Internal communication",
            "Art. 6(1)(b) GDPR",
            "Employees",
            "Name, e-mail address",
            "",
            MICROSOFT,
            "12 months",
            "",
            "",
        ],
        name="E-mail and calendar",
        recipient=None,
        write=_xlsx,
    ),
    # lebaboratoirema-cell/lelabo, compliance/register.md, "Processing Register": the same
    # column as "Sub-processors".
    Source(
        key="lelabo_register_sub_processors",
        suffix=".csv",
        header=[
            "Processing activity",
            "Purpose",
            "Legal basis",
            "Data categories",
            "Sub-processors",
            "Retention",
        ],
        row=[
            "Order processing",
            "Fulfil purchase",
            "Art. 6(1)(b) GDPR",
            "Name, email, address",
            MICROSOFT,
            "5 years",
        ],
        name="Order processing",
        recipient=None,
        write=_csv(",", "utf-8"),
    ),
    # "Dienstleister" is the processor column of achimdehnert/risk-hub's list of processing
    # contracts (docs/source/dsb/csv-import.rst, "Nr;Dienstleister;Zweck;…"); here it stands
    # beside a recipients column in a German register saved by Excel.
    Source(
        key="german_dienstleister_beside_empfaenger",
        suffix=".csv",
        header=["Verarbeitungstätigkeit", "Zweck", "Empfänger", "Dienstleister"],
        row=["Bürokommunikation", "E-Mail und Termine", "Finanzamt", MICROSOFT],
        name="Bürokommunikation",
        recipient="Finanzamt",
        write=_csv(";", "cp1252"),
    ),
]


@pytest.mark.parametrize("source", SOURCES, ids=[s.key for s in SOURCES])
def test_a_processor_like_column_gives_processors_not_recipients(
    source: Source, sqlite_url: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{source.key}{source.suffix}"
    source.write(path, [source.header, source.row])
    store = open_store(sqlite_url)
    report = import_spreadsheet(store, path, organisation=ORG)
    lines = report.lines("de")
    assert report.errors == 0, lines

    register = store.load_register(ORG)
    (act,) = register.organisations[0].activities
    assert act.name == source.name
    processors = {p.uid: p.name for p in register.processors}
    recipients = {r.uid: r.name for r in register.recipients}
    assert [processors[link.processor] for link in act.processors] == [MICROSOFT]
    assert [recipients[uid] for uid in act.recipients] == (
        [source.recipient] if source.recipient else []
    )
    assert MICROSOFT not in recipients.values()
    assert "Microsoft" not in act.notes
    assert any(f"neuer Auftragsverarbeiter „{MICROSOFT}“" in line for line in lines), lines


_CITATION = re.compile(r"[\w.-]+/[\w.-]+, [\w./-]+\.(?:md|rst|csv|ya?ml) \(commit [0-9a-f]{7,}\)")


def test_the_processor_wordings_cite_repository_path_and_commit() -> None:
    layouts = {la["key"]: la for la in json.loads(ALIASES_PATH.read_text("utf-8"))["layouts"]}
    seen = {
        **layouts["processor_columns"]["_seen"],
        "Dienstleister": layouts["german_sme_registers"]["_seen"]["Dienstleister"],
    }
    assert set(layouts["processor_columns"]["aliases"]) == {"processors"}
    for wording, note in seen.items():
        assert _CITATION.search(note), (wording, note)
