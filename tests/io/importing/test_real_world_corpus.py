"""Issue 14, "Done when": a corpus of register files in layouts taken from published
registers (tests/io/importing/corpus/README.md cites each source) imports with every value
in a field or under its column name in the notes, nothing shifted, and a report line for
every column that fits no field.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl.utils import get_column_letter

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.importing.engine import import_spreadsheet
from ropa_desktop.io.importing.headers import match_header
from ropa_desktop.store.database import open_store

sys.path.insert(0, str(Path(__file__).parent / "corpus"))

from layouts import LAYOUTS, SME_VVT, Layout

ORG = "Corpus Organisation"
_WORD = re.compile(r"[^\W_]{2,}")
_NEGATIVE = "keine none no nein"


def _texts(value: Any, names: dict[str, list[str]]) -> list[str]:
    """Every text an imported activity holds, with catalogue entries (processors,
    recipients, TOMs) named by uid resolved to their own texts, and the ids of legal
    bases, countries and retention rules also in words."""
    out: list[str] = []
    if isinstance(value, str):
        out.append(value)
        out.extend(names.get(value, []))
        if value:
            out.append(presentation.legal_basis(value, "de"))
            out.append(presentation.legal_basis(value, "en"))
    elif isinstance(value, bool):
        out.append(_NEGATIVE if value else "")
    elif isinstance(value, int | float):
        out.append(str(value))
    elif isinstance(value, datetime | date):
        out.extend([value.isoformat(), presentation.format_date(value, "de")])
    elif isinstance(value, m.Retention):
        out.extend([presentation.retention(value, "de"), presentation.retention(value, "en")])
        out.extend(_texts(dataclasses.asdict(value), names))
    elif isinstance(value, m.Transfer):
        out.extend([presentation.country(value.country, "de"), value.country])
        out.extend([presentation.country(value.country, "en")])
        out.extend([presentation.mechanism(value, "de"), presentation.mechanism(value, "en")])
        out.extend(_texts(dataclasses.asdict(value), names))
    elif isinstance(value, m.DataCategory):
        if value.special is m.SpecialCategory.NONE:
            out.append(_NEGATIVE)
        out.extend(_texts(value.retention, names))
        out.extend(_texts([value.name, value.source, value.notes], names))
    elif isinstance(value, m.ProcessorLink):
        # the link is what a mark "(Auftragsverarbeiter)" in a recipients cell said
        out.extend(["Auftragsverarbeiter processor", value.service])
        out.extend(_texts(value.processor, names))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            out.extend(_texts(getattr(value, f.name), names))
    elif isinstance(value, dict):
        for item in value.values():
            out.extend(_texts(item, names))
    elif isinstance(value, list | tuple):
        for item in value:
            out.extend(_texts(item, names))
    elif value is not None:
        out.append(str(value))
    return out


def _catalogue_names(store: Any) -> dict[str, list[str]]:
    register = store.catalogue(ORG)
    names: dict[str, list[str]] = {}
    for entry in [*register.processors, *register.recipients, *register.toms]:
        fields = dataclasses.asdict(entry)
        names[entry.uid] = [str(v) for k, v in fields.items() if k not in ("uid", "owner") and v]
    return names


_RECIPIENT_PARTS = ("recipients", "internal_recipients", "processors", "no_external_recipients")
_TRANSFER_PARTS = ("transfers", "no_transfers")
_CATEGORY_PARTS = ("data_categories",)
PARTS: dict[Target, tuple[str, ...]] = {
    Target.NAME: ("name",),
    Target.REFERENCE: ("reference",),
    Target.DESCRIPTION: ("description",),
    Target.DEPARTMENT: ("department",),
    Target.PURPOSES: ("purposes",),
    Target.LEGAL_BASES: ("purposes",),
    Target.PURPOSE_AND_LEGAL_BASIS: ("purposes",),
    Target.DATA_SUBJECTS: ("data_subjects",),
    Target.DATA_CATEGORIES: _CATEGORY_PARTS,
    Target.SPECIAL_CATEGORIES: _CATEGORY_PARTS,
    Target.DATA_SOURCE: _CATEGORY_PARTS,
    Target.RETENTION: _CATEGORY_PARTS,
    Target.RECIPIENTS: _RECIPIENT_PARTS + _TRANSFER_PARTS,
    Target.INTERNAL_RECIPIENTS: _RECIPIENT_PARTS,
    Target.PROCESSORS: _RECIPIENT_PARTS + _TRANSFER_PARTS,
    Target.THIRD_COUNTRIES: _TRANSFER_PARTS,
    Target.TRANSFER_SAFEGUARDS: _TRANSFER_PARTS,
    Target.TOMS: ("toms", "tom_description"),
    Target.TOM_DESCRIPTION: ("toms", "tom_description"),
    Target.DPIA: ("dpia",),
}
"""The parts of an activity where a mapped column's value belongs (beside the notes, where
the import parks a value it cannot place, with a report line): a value found only in another
part has been shifted."""


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.key for layout in LAYOUTS])
def test_a_real_world_layout_imports_every_value_unshifted(
    layout: Layout, sqlite_url: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{layout.key}{layout.suffix}"
    layout.write(path, layout)
    store = open_store(sqlite_url)
    report = import_spreadsheet(store, path, organisation=ORG)
    lines = report.lines("de")
    assert report.errors == 0, lines

    org = store.load_organisation(ORG)
    by_name = {a.name: a for a in org.activities}
    name_index = layout.header.index(layout.name_column)
    assert sorted(by_name) == sorted(row[name_index] for row in layout.rows)
    names = _catalogue_names(store)

    noted_columns: set[str] = set()
    for row in layout.rows:
        act = by_name[row[name_index]]  # the row's values must all be in this activity
        for header, cell in zip(layout.header, row, strict=True):
            if not cell.strip():
                continue
            if f"{header}: {cell}" in act.notes:
                noted_columns.add(header)
                continue
            target = match_header(header)[0]
            parts = PARTS.get(target, ()) if target is not None else ()
            where = [getattr(act, part) for part in parts] or [act]
            found = _words("\n".join(_texts([*where, act.notes], names)))
            missing = _words(cell) - found
            assert not missing, (
                f"{layout.key}: row “{row[name_index]}”, column “{header}” ({target}): "
                f"{sorted(missing)} of “{cell}” is neither in {parts or 'the activity'} "
                "nor in the notes"
            )

    for header in noted_columns:  # named in the report, or its cells are
        at = re.compile(rf"!{get_column_letter(layout.header.index(header) + 1)}\d+:")
        assert any(f"„{header}“" in line or at.search(line) for line in lines), header

    # what stood above the header is kept (organisation notes) and reported
    for line in layout.above:
        assert line in org.notes and any(line in text for text in lines), line


def test_the_combined_column_gives_the_processors_it_marks(sqlite_url: str, tmp_path: Path) -> None:
    """The template's "Empfänger / Auftragsverarbeiter" marks each processor: those entries
    are processors of the activity (with the service after the dash), the others recipients."""
    path = tmp_path / f"{SME_VVT.key}{SME_VVT.suffix}"
    SME_VVT.write(path, SME_VVT)
    store = open_store(sqlite_url)
    assert import_spreadsheet(store, path, organisation=ORG).errors == 0
    register = store.load_register(ORG)
    processors = {p.uid: p.name for p in register.processors}
    recipients = {r.uid: r.name for r in register.recipients}
    links = {
        a.name: (
            [(processors[x.processor], x.service) for x in a.processors],
            [recipients[uid] for uid in a.recipients],
        )
        for a in register.organisations[0].activities
    }
    assert links == {
        "Kontaktformular": ([("Mailhosting Nord GmbH", "")], []),
        "Webanalyse": ([("Google LLC", "GA4")], ["Steuerberater Kanzlei Meyer"]),
        "Fehlerprotokollierung": ([], []),
    }
