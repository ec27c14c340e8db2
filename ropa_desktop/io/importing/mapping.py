"""Header detection and column mapping for the spreadsheet import.

A register arrives in one of many layouts (DSK template, a municipality's published
register, the pre-2018 "Verfahrensverzeichnis", the ICO and CNIL templates, this
application's own Excel export). This module finds out, for one sheet, where the
header is and which column holds which field (:class:`~ropa_desktop.domain.import_fields.Target`),
matching header texts with :mod:`ropa_desktop.io.importing.headers`:

- :func:`detect_layout` finds the header row (or two rows, when a merged group label
  such as "Empfänger" stands over "intern" / "extern") among the first
  :data:`SCAN_ROWS` rows, collects the title and label/value lines above it, and maps
  every column; a sheet with one activity written as label/value pairs becomes a
  :class:`FormLayout`.
- A :class:`MappingProfile` (``schemas/import-mapping.schema.json``) fixes the header row
  and overrides matches by header; :func:`load_profile` / :func:`save_profile` read and
  write it. A profile entry without a target (JSON ``null``) leaves its column unmapped
  even when the alias table knows the header: the engine keeps its cells in the notes
  under the header, as for any unmapped column.

Rules worth knowing:

- Each target is given to at most one column of a table (one label of a form): when
  several columns match the same target, the best score wins, ties go to the column
  further left; the others stay unmapped, so the engine keeps their cells in the
  notes. (In a form, phone and e-mail go to the rows after the contact person's row
  when there is one, so the controller's phone above does not take them.) A profile's
  choices beat automatic matches; ``Target.IGNORE`` and "unmapped" (None) may occur any
  number of times.
- A header row needs at least :data:`MIN_MAPPED` mapped columns, one of them the
  activity's name, its purposes or the old combined purpose-and-legal-basis column.
  The same key field is required of a form (and at least :data:`MIN_FORM_FIELDS`
  labels mapped to distinct targets). A form field's value is the first filled cell
  right of its label; a further known label in the same row starts another field.
  Other cells of a form row are not referenced by the layout: the engine should keep them.

Only ``name``, ``rows`` and ``merged`` of a :class:`~ropa_desktop.io.sheets.reader.Sheet`
are used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.domain.resources import schemas_dir
from ropa_desktop.io.files import MSG_INVALID, atomic_text, check_schema, read_json
from ropa_desktop.io.importing.headers import (
    NO_MATCH,
    HeaderMatch,
    fold_header,
    normalise_header,
    profile_match,
    resolve_unique,
)

if TYPE_CHECKING:
    from ropa_desktop.io.sheets.reader import Sheet

SCHEMA_PATH = schemas_dir() / "import-mapping.schema.json"

PROFILE_FORMAT = "ropa-desktop/import-mapping"
PROFILE_VERSION = 1
MAX_PROFILE_BYTES = 1024 * 1024
"""Larger profile files are refused before reading."""

SCAN_ROWS = 30
"""How many rows from the top are considered as header rows."""
FORM_SCAN_ROWS = 500
"""How many rows are read when looking for a form layout."""
MIN_MAPPED = 2
"""Least number of mapped columns of a header row."""
MIN_FORM_FIELDS = 4
"""Least number of label cells of a form that must map to distinct targets."""
KEY_TARGETS = frozenset({Target.NAME, Target.PURPOSES, Target.PURPOSE_AND_LEGAL_BASIS})
"""At least one of these must be among the mapped columns of a header (or labels of a form)."""

_KNOWN_WEIGHT = 0.25
"""How much a known header without a target counts when comparing header rows."""

CellValue = str | int | float | bool | date | datetime | None


# ----------------------------------------------------------------------------- results


@dataclass(slots=True)
class ColumnMapping:
    """Where one source column goes."""

    column: int
    """0-based column index."""
    header: str
    """The header text as found; the cells of a two-row header joined with " / "."""
    target: Target | None
    """None: unmapped (the engine keeps the cells in the activity's notes under the header)."""
    score: float
    """Match confidence 0–100: 100 exact alias (or set by a profile), lower fuzzy; 0 unmapped."""
    alias: str | None
    """The alias (in the wording of the alias table) that matched, None for profile or none."""


@dataclass(slots=True)
class TableLayout:
    """A sheet with one activity per row under a header row."""

    sheet: str
    header_rows: list[int]
    """0-based rows that make up the header (one, or two for a grouped header)."""
    first_data_row: int
    """0-based; the first non-blank row after the header (``len(rows)`` if there is none)."""
    columns: list[ColumnMapping]
    title: str | None
    """The single-cell lines above the header, joined with line breaks; None if there are none."""
    preamble: list[tuple[str, str]]
    """Label/value lines above the header (e.g. the ICO's contact rows), as written."""


@dataclass(slots=True)
class FormField:
    """One label of a form and where its value is."""

    row: int
    """0-based row."""
    label: str
    """The label as written."""
    target: Target | None
    """None: unmapped (the engine keeps the value in the notes under the label)."""
    value_column: int
    """0-based column of the value: the first filled cell right of the label, or the next one."""


@dataclass(slots=True)
class FormLayout:
    """A sheet describing one activity as label/value pairs, labels in one column."""

    sheet: str
    label_column: int
    fields: list[FormField]
    """Every row with a label, in sheet order."""


@dataclass(slots=True)
class MappingProfile:
    """A saved mapping: header row and header → target overrides, reused with ``--mapping``."""

    name: str
    header_row: int | None
    """1-based row of the header (the upper row of a two-row header); None: detect it."""
    columns: dict[str, Target | None]
    """Normalised source header → target. ``Target.IGNORE`` keeps a column out on purpose;
    None leaves it unmapped even when the alias table would match its header (the engine
    keeps its cells in the notes under the header, like any unmapped column's)."""
    sheet: str | None = None
    """The sheet the profile is for; None: every sheet. Other sheets are detected as usual."""


class MappingError(LocalizedError):
    """A mapping profile cannot be read or is invalid; names the file and the JSON path."""


MSG_SAME_HEADER = Text(
    de="{file}: {path}: „{key}“ ist nach Normalisierung dieselbe Überschrift wie „{other}“, "
    "aber mit anderem Ziel.",
    en="{file}: {path}: “{key}” is the same header as “{other}” once normalised, "
    "but with another target.",
)


# ---------------------------------------------------------------------- cells and rows


def _text(value: CellValue) -> str:
    """A cell as text (stripped); empty for None."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _row(sheet: Sheet, r: int) -> Sequence[CellValue]:
    return sheet.rows[r] if 0 <= r < len(sheet.rows) else ()


def _filled(row: Sequence[CellValue]) -> list[int]:
    return [c for c, v in enumerate(row) if _text(v)]


def _profile_overrides(profile: MappingProfile | None) -> dict[str, Target | None]:
    if profile is None:
        return {}
    return {fold_header(normalise_header(k)): t for k, t in profile.columns.items()}


# --------------------------------------------------------------------- table detection


@dataclass(slots=True)
class _Candidate:
    header_rows: list[int]
    headers: list[str]
    matches: dict[int, HeaderMatch]

    @property
    def mapped(self) -> int:
        return sum(
            1
            for m in self.matches.values()
            if m.target is not None and m.target is not Target.IGNORE
        )

    @property
    def decided(self) -> int:
        """Mapped columns plus those the profile ignores or leaves unmapped: headers the
        profile names count in full when choosing the header row."""
        return self.mapped + sum(
            1
            for m in self.matches.values()
            if m.from_profile and (m.target is None or m.target is Target.IGNORE)
        )

    @property
    def weight(self) -> float:
        known = sum(
            1 for m in self.matches.values() if m.target is None and m.known and not m.from_profile
        )
        return self.decided + _KNOWN_WEIGHT * known

    def valid(self) -> bool:
        targets = {m.target for m in self.matches.values()}
        return self.mapped >= MIN_MAPPED and bool(targets & KEY_TARGETS)


def _merged_fill(sheet: Sheet, r: int, texts: list[str]) -> None:
    """Forward-fill horizontally merged cells of row ``r`` with their top-left text."""
    for first_row, first_col, last_row, last_col in sheet.merged:
        if first_row <= r <= last_row and last_col > first_col:
            top_left = (
                _text(_row(sheet, first_row)[first_col])
                if first_col < len(_row(sheet, first_row))
                else ""
            )
            if r != first_row or not top_left:
                continue
            for c in range(first_col + 1, min(last_col + 1, len(texts))):
                if not texts[c]:
                    texts[c] = top_left


def _single(sheet: Sheet, r: int, overrides: Mapping[str, Target | None]) -> _Candidate:
    headers = [_text(v) for v in _row(sheet, r)]
    matches = [(c, profile_match(h, overrides)) for c, h in enumerate(headers)]
    return _Candidate([r], headers, resolve_unique(matches))


def _pair(sheet: Sheet, r: int, overrides: Mapping[str, Target | None]) -> _Candidate:
    top_row, bottom_row = _row(sheet, r), _row(sheet, r + 1)
    width = max(len(top_row), len(bottom_row))
    top = [_text(top_row[c]) if c < len(top_row) else "" for c in range(width)]
    bottom = [_text(bottom_row[c]) if c < len(bottom_row) else "" for c in range(width)]
    _merged_fill(sheet, r, top)
    # A group label typed into the first cell only, without merging: carry it to the
    # right while the row below has sub-headings under it.
    for c in range(1, width):
        if not top[c] and top[c - 1] and bottom[c] and bottom[c - 1]:
            top[c] = top[c - 1]
    headers: list[str] = []
    matches: list[tuple[int, HeaderMatch]] = []
    for c in range(width):
        upper, lower = top[c], bottom[c]
        if upper and lower and upper != lower:
            header = f"{upper} / {lower}"
            found = profile_match(header, overrides)
            if found.target is None and not found.from_profile:
                # The sub-heading alone, else the group label alone; a sub-heading known
                # to have no target stays unmapped, and so does a header the profile
                # leaves unmapped.
                for part in (lower, upper):
                    alternative = profile_match(part, overrides)
                    if alternative.target is not None or alternative.known:
                        found = alternative
                        break
        else:
            header = upper or lower
            found = profile_match(header, overrides)
        headers.append(header)
        matches.append((c, found))
    return _Candidate([r, r + 1], headers, resolve_unique(matches))


def _grouped(sheet: Sheet, r: int) -> bool:
    """Whether row ``r`` can be the upper row of a two-row header: it groups the row
    below (merged cells spanning columns) or leaves gaps the row below fills. A fully
    filled header row followed by data is never read as a two-row header."""
    if any(r0 <= r <= r1 and c1 > c0 for r0, c0, r1, c1 in sheet.merged):
        return True
    top, bottom = _row(sheet, r), _row(sheet, r + 1)
    return any(
        (c >= len(top) or not _text(top[c])) and _text(bottom[c]) for c in range(len(bottom))
    )


def _best_table(sheet: Sheet, overrides: Mapping[str, Target | None]) -> _Candidate | None:
    limit = min(SCAN_ROWS, len(sheet.rows))
    singles = [_single(sheet, r, overrides) for r in range(limit)]
    candidates = [c for c in singles if c.valid()]
    for r in range(limit - 1):
        # The upper row of a two-row header holds at least one known heading.
        if singles[r].weight == 0 or not _filled(_row(sheet, r + 1)) or not _grouped(sheet, r):
            continue
        pair = _pair(sheet, r, overrides)
        if pair.valid() and pair.decided > max(singles[r].decided, singles[r + 1].decided):
            candidates.append(pair)
    if not candidates:
        return None
    return min(candidates, key=lambda c: (-c.weight, c.header_rows[0], len(c.header_rows)))


def _fixed_table(
    sheet: Sheet, header_row: int, overrides: Mapping[str, Target | None]
) -> _Candidate | None:
    r = header_row - 1
    if r >= len(sheet.rows):
        return None
    single = _single(sheet, r, overrides)
    if r + 1 < len(sheet.rows) and _filled(_row(sheet, r + 1)) and _grouped(sheet, r):
        pair = _pair(sheet, r, overrides)
        if pair.decided > single.decided:
            return pair
    return single


def _title_and_preamble(sheet: Sheet, end: int) -> tuple[str | None, list[tuple[str, str]]]:
    lines: list[str] = []
    preamble: list[tuple[str, str]] = []
    for r in range(end):
        row = _row(sheet, r)
        texts = [_text(row[c]) for c in _filled(row)]
        if not texts:
            continue
        if len(texts) == 1:
            lines.append(texts[0])
        elif len(texts) % 2 == 0 and all(t.endswith(":") for t in texts[::2]):
            preamble.extend(
                (texts[i].rstrip(":").strip(), texts[i + 1]) for i in range(0, len(texts), 2)
            )
        else:
            preamble.append((texts[0].rstrip(":").strip(), " | ".join(texts[1:])))
    return ("\n".join(lines) or None), preamble


def _table_layout(sheet: Sheet, cand: _Candidate) -> TableLayout:
    rows = sheet.rows
    end = cand.header_rows[-1] + 1
    first_data = end
    while first_data < len(rows) and not _filled(rows[first_data]):
        first_data += 1
    width = max((len(row) for row in rows), default=0)
    width = max(width, len(cand.headers))
    # Leave out trailing columns with neither a header nor any value.
    while (
        width > 0
        and not (width - 1 < len(cand.headers) and cand.headers[width - 1])
        and not any(width - 1 < len(row) and _text(row[width - 1]) for row in rows)
    ):
        width -= 1
    columns = []
    for c in range(width):
        header = cand.headers[c] if c < len(cand.headers) else ""
        found = cand.matches.get(c, NO_MATCH)
        columns.append(ColumnMapping(c, header, found.target, found.score, found.alias))
    title, preamble = _title_and_preamble(sheet, cand.header_rows[0])
    return TableLayout(sheet.name, list(cand.header_rows), first_data, columns, title, preamble)


# ---------------------------------------------------------------------- form detection


def _is_label(found: HeaderMatch) -> bool:
    return found.target is not None or found.known


def _form(
    sheet: Sheet, label_column: int, overrides: Mapping[str, Target | None]
) -> tuple[int, FormLayout] | None:
    """The form with labels in ``label_column`` and the number of distinct targets its
    labels map to; None when too few map or none is a key target. Further label/value
    pairs in a label's row ("Nom / sigle | … | N° / REF | …") become fields too."""
    limit = min(FORM_SCAN_ROWS, len(sheet.rows))
    merge_end = {
        (first_row, first_col): last_col
        for first_row, first_col, _last_row, last_col in sheet.merged
    }

    def value_column(r: int, row: Sequence[CellValue], c: int) -> int:
        after = merge_end.get((r, c), c) + 1
        for col in range(after, len(row)):
            if _text(row[col]):
                cell = row[col]
                if isinstance(cell, str) and _is_label(profile_match(cell.strip(), overrides)):
                    return after  # the next label: this one has no value
                return col
        return after

    labels: list[tuple[tuple[int, int], str, int]] = []
    matches: list[tuple[tuple[int, int], HeaderMatch]] = []
    for r in range(limit):
        row = sheet.rows[r]
        if label_column >= len(row):
            continue
        first = row[label_column]
        if not isinstance(first, str):
            continue
        label = first.strip()
        if not label:
            continue
        c = label_column
        found = profile_match(label, overrides)
        while True:
            value = value_column(r, row, c)
            labels.append(((r, c), label, value))
            matches.append(((r, c), found))
            c = next(
                (
                    col
                    for col in range(value + 1, len(row))
                    if isinstance(cell := row[col], str)
                    and cell.strip()
                    and _is_label(profile_match(cell.strip(), overrides))
                ),
                -1,
            )
            if c < 0:
                break
            label = str(row[c]).strip()
            found = profile_match(label, overrides)
    prefer: dict[Target, tuple[int, int]] = {}
    contact = [pos for pos, m in matches if m.target is Target.CONTACT]
    if contact:
        prefer = {Target.CONTACT_PHONE: contact[0], Target.CONTACT_EMAIL: contact[0]}
    resolved = resolve_unique(matches, prefer)
    targets = {
        m.target
        for m in resolved.values()
        if m.target is not None and m.target is not Target.IGNORE
    }
    if len(targets) < MIN_FORM_FIELDS or not targets & KEY_TARGETS:
        return None
    fields = [FormField(pos[0], label, resolved[pos].target, value) for pos, label, value in labels]
    return len(targets), FormLayout(sheet.name, label_column, fields)


def _best_form(
    sheet: Sheet, overrides: Mapping[str, Target | None]
) -> tuple[int, FormLayout] | None:
    found = [f for f in (_form(sheet, c, overrides) for c in (0, 1)) if f is not None]
    return max(found, key=lambda f: (f[0], -f[1].label_column), default=None)


# ---------------------------------------------------------------------------- detection


def detect_layout(
    sheet: Sheet, profile: MappingProfile | None = None
) -> TableLayout | FormLayout | None:
    """Find the header and map the columns of ``sheet``; None when it has no recognisable
    header (empty, prose only, or too few known headings).

    With a profile whose ``sheet`` is None or this sheet's name: its ``header_row`` fixes
    the header (a two-row header is taken when the row below adds mapped columns or
    headers the profile names; no minimum of mapped columns is required then), and its
    ``columns`` override matches by normalised header (an entry without a target leaves
    its column unmapped). A table is preferred over a form unless the form's labels map
    to more distinct targets than the table's columns.
    """
    if profile is not None and profile.sheet is not None and profile.sheet != sheet.name:
        profile = None
    overrides = _profile_overrides(profile)
    if not any(_filled(row) for row in sheet.rows):
        return None
    if profile is not None and profile.header_row is not None:
        fixed = _fixed_table(sheet, profile.header_row, overrides)
        return _table_layout(sheet, fixed) if fixed is not None else None
    table = _best_table(sheet, overrides)
    form = _best_form(sheet, overrides)
    if form is not None and (table is None or form[0] > table.mapped):
        return form[1]
    return _table_layout(sheet, table) if table is not None else None


# ------------------------------------------------------------------------------ profiles


def profile_from_layout(layout: TableLayout | FormLayout, name: str) -> MappingProfile:
    """A profile that reproduces ``layout``'s header row and mapped columns (unmapped
    columns are left to automatic matching)."""
    columns: dict[str, Target | None] = {}
    if isinstance(layout, TableLayout):
        pairs: Iterable[tuple[str, Target | None]] = ((c.header, c.target) for c in layout.columns)
        header_row: int | None = layout.header_rows[0] + 1
    else:
        pairs = ((f.label, f.target) for f in layout.fields)
        header_row = None
    for header, target in pairs:
        key = normalise_header(header)
        if key and target is not None:
            columns.setdefault(key, target)
    return MappingProfile(name=name, header_row=header_row, columns=columns, sheet=layout.sheet)


@cache
def mapping_schema() -> dict[str, Any]:
    """The JSON Schema of mapping profiles, as shipped in ``schemas/``."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def load_profile(path: Path) -> MappingProfile:
    """Read a mapping profile, validated against ``schemas/import-mapping.schema.json``.

    Raises :class:`MappingError` naming the file and, for invalid content, the JSON path
    (e.g. ``$.columns['Zweck']``). Header keys are normalised; two keys that become the
    same header must not name different targets. A key whose target is ``null`` is kept
    with the target None (leave the column unmapped).
    """
    path = Path(path)
    name = str(path)
    doc = read_json(path, max_bytes=MAX_PROFILE_BYTES, error=MappingError)
    check_schema(doc, mapping_schema(), file=name, error=MappingError, enum_noun="target")
    columns: dict[str, Target | None] = {}
    originals: dict[str, str] = {}
    for header, target_name in doc["columns"].items():
        key = normalise_header(header)
        json_path = f"$.columns[{json.dumps(header, ensure_ascii=False)}]"
        if not key:
            raise MappingError(
                MSG_INVALID,
                file=name,
                path=json_path,
                problem="the header has no letters or digits",
            )
        target = None if target_name is None else Target(target_name)
        folded = fold_header(key)
        if folded in originals and columns[originals[folded]] is not target:
            raise MappingError(
                MSG_SAME_HEADER, file=name, path=json_path, key=header, other=originals[folded]
            )
        originals.setdefault(folded, key)
        columns.setdefault(key, target)
    return MappingProfile(
        name=doc["name"], header_row=doc.get("header_row"), columns=columns, sheet=doc.get("sheet")
    )


def save_profile(profile: MappingProfile, path: Path) -> None:
    """Write ``profile`` as JSON (atomically: a failure leaves an existing file as it was)."""
    doc = {
        "format": PROFILE_FORMAT,
        "version": PROFILE_VERSION,
        "name": profile.name,
        "sheet": profile.sheet,
        "header_row": profile.header_row,
        "columns": {
            normalise_header(k) or k: None if t is None else Target(t).value
            for k, t in profile.columns.items()
        },
    }
    with atomic_text(Path(path)) as fh:
        fh.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
