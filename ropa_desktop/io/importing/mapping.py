"""Header detection and column mapping for the spreadsheet import.

A register arrives in one of many layouts (DSK template, a municipality's published
register, the pre-2018 "Verfahrensverzeichnis", the ICO and CNIL templates, this
application's own Excel export). This module finds out, for one sheet, where the
header is and which column holds which field (:class:`~ropa_desktop.domain.import_fields.Target`):

- :func:`match_header` matches one header text against the alias table
  ``resources/import/aliases.json``: exact match of the normalised text scores 100,
  otherwise a fuzzy match (rapidfuzz) of at least :data:`FUZZY_THRESHOLD`.
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
- Headers known to belong to no field (the ICO's "Rights available to individuals",
  export columns without a field) are listed in the alias table as ``unmapped``: they
  are never matched fuzzily to a neighbouring field.
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
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rapidfuzz import fuzz, process

from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.domain.resources import resources_dir, schemas_dir
from ropa_desktop.io.files import MSG_INVALID, atomic_text, check_schema, read_json

if TYPE_CHECKING:
    from ropa_desktop.io.sheets.reader import Sheet

ALIASES_PATH = resources_dir() / "import" / "aliases.json"
SCHEMA_PATH = schemas_dir() / "import-mapping.schema.json"

PROFILE_FORMAT = "ropa-desktop/import-mapping"
PROFILE_VERSION = 1
MAX_PROFILE_BYTES = 1024 * 1024
"""Larger profile files are refused before reading."""

SCAN_ROWS = 30
"""How many rows from the top are considered as header rows."""
FORM_SCAN_ROWS = 500
"""How many rows are read when looking for a form layout."""
FUZZY_THRESHOLD = 85.0
"""Lowest rapidfuzz score (0–100) accepted as a match."""
MIN_MAPPED = 2
"""Least number of mapped columns of a header row."""
MIN_FORM_FIELDS = 4
"""Least number of label cells of a form that must map to distinct targets."""
KEY_TARGETS = frozenset({Target.NAME, Target.PURPOSES, Target.PURPOSE_AND_LEGAL_BASIS})
"""At least one of these must be among the mapped columns of a header (or labels of a form)."""

_MAX_HEADER_CHARS = 250
"""Longer cell texts are data, never headers."""
_SCORE_EXACT = 100.0
_SCORE_EXACT_SHORTENED = 98.0
"""An exact match once bracketed additions such as "(Art. 26 DSGVO)" are left out."""
_SCORE_FUZZY_MAX = 97.0
_KNOWN_WEIGHT = 0.25
"""How much a known header without a target counts when comparing header rows."""

CellValue = str | int | float | bool | date | datetime | None
_Pos = TypeVar("_Pos", int, tuple[int, int])


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
       "but with another target.")


# ----------------------------------------------------------------------- normalisation

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\r?\n\s*(?=[a-zäöüß])")
_ENUMERATION = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zA-Z][.)])\s+(?=\S)")
_OPTIONAL = re.compile(
    r"\(\s*(?:if|where|falls|soweit|sofern|wenn|ggf|gegebenenfalls|optional|facultatif|"
    r"le cas|si)\b[^()]*\)", re.IGNORECASE)
_PLURAL = re.compile(r"([^\W\d_])\(([^\W\d_]{1,3})\)")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_NON_WORD = re.compile(r"[\W_]+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _prepare(text: str) -> str:
    """Undo line-break hyphenation, drop numbering, optional-suffixes and plural brackets."""
    text = text.replace("\u00ad", "")
    text = _HYPHEN_BREAK.sub(r"\1", text)
    text = _ENUMERATION.sub("", text)
    text = _OPTIONAL.sub(" ", text)
    return _PLURAL.sub(r"\1\2", text)


def _words(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def normalise_header(text: str) -> str:
    """A header as compared and stored in profiles: casefolded, punctuation and line breaks
    collapsed to single spaces, "(if applicable)"-style suffixes and leading numbering
    removed, umlauts kept ("Zweck(e) der\\nVerarbeitung:" → "zwecke der verarbeitung")."""
    return _words(_prepare(text))


def _fold(normalised: str) -> str:
    """Umlauts written out (ä → ae, ß → ss), other accents dropped."""
    return _strip_accents(normalised.translate(_UMLAUTS))


def _variants(normalised: str) -> tuple[str, ...]:
    """The spellings under which a normalised text is looked up: as is, umlauts written
    out, umlauts stripped (ä → a)."""
    return tuple(dict.fromkeys((normalised, _fold(normalised), _strip_accents(normalised))))


# ------------------------------------------------------------------------- alias table


@dataclass(frozen=True, slots=True)
class _Alias:
    wording: str
    target: Target | None
    """None: a known header without a target."""


@dataclass(frozen=True, slots=True)
class _AliasIndex:
    exact: Mapping[str, _Alias]
    fuzzy_keys: tuple[str, ...]
    fuzzy_entries: tuple[_Alias, ...]


@cache
def _alias_index() -> _AliasIndex:
    return _build_index(json.loads(ALIASES_PATH.read_text(encoding="utf-8")))


def _build_index(data: Any) -> _AliasIndex:
    """Check the alias table's shape and index it; a ValueError names the layout and alias."""
    where = ALIASES_PATH.name
    if not isinstance(data, dict) or not isinstance(data.get("layouts"), list):
        raise ValueError(f"{where}: expected an object with a list 'layouts'")
    exact: dict[str, _Alias] = {}
    fuzzy: dict[str, _Alias] = {}
    for layout in data["layouts"]:
        key = layout.get("key") if isinstance(layout, dict) else None
        if not isinstance(key, str) or not str(layout.get("_source", "")).strip():
            raise ValueError(f"{where}: every layout needs a 'key' and a '_source'")
        entries: list[_Alias] = []
        for target_name, wordings in layout.get("aliases", {}).items():
            try:
                target = Target(target_name)
            except ValueError:
                raise ValueError(f"{where}: {key}: unknown target {target_name!r}") from None
            if target is Target.IGNORE:
                raise ValueError(f"{where}: {key}: 'ignore' is never chosen automatically")
            entries.extend(_Alias(w, target) for w in wordings)
        entries.extend(_Alias(w, None) for w in layout.get("unmapped", []))
        for entry in entries:
            normalised = normalise_header(entry.wording)
            if not normalised:
                raise ValueError(f"{where}: {key}: empty alias {entry.wording!r}")
            for variant in _variants(normalised):
                known = exact.get(variant)
                if known is not None and known.target is not entry.target:
                    raise ValueError(
                        f"{where}: {key}: {entry.wording!r} ({entry.target}) clashes with "
                        f"{known.wording!r} ({known.target})")
                exact.setdefault(variant, entry)
            fuzzy.setdefault(_fold(normalised), entry)
    return _AliasIndex(exact, tuple(fuzzy), tuple(fuzzy.values()))


def alias_table() -> dict[Target | None, list[str]]:
    """Every alias wording by target (None: known headers without a target), for the GUI
    and tests."""
    index = _alias_index()
    table: dict[Target | None, list[str]] = {}
    for entry in dict.fromkeys(index.exact.values()):
        table.setdefault(entry.target, []).append(entry.wording)
    return table


@dataclass(frozen=True, slots=True)
class _Match:
    target: Target | None
    score: float
    alias: str | None
    known: bool
    """The header is in the alias table (with or without a target)."""
    from_profile: bool = False


_NO_MATCH = _Match(None, 0.0, None, False)


def _lookup_exact(normalised: str, index: _AliasIndex) -> _Alias | None:
    for variant in _variants(normalised):
        entry = index.exact.get(variant)
        if entry is not None:
            return entry
    return None


def _as_match(entry: _Alias, score: float) -> _Match:
    if entry.target is None:
        return _Match(None, 0.0, None, True)
    return _Match(entry.target, score, entry.wording, True)


@lru_cache(maxsize=16384)
def _match_text(text: str) -> _Match:
    if not text or len(text) > _MAX_HEADER_CHARS:
        return _NO_MATCH
    index = _alias_index()
    prepared = _prepare(text)
    full = _words(prepared)
    if not full:
        return _NO_MATCH
    shortened = _words(_BRACKETED.sub(" ", prepared))
    entry = _lookup_exact(full, index)
    if entry is not None:
        return _as_match(entry, _SCORE_EXACT)
    if shortened and shortened != full:
        entry = _lookup_exact(shortened, index)
        if entry is not None:
            return _as_match(entry, _SCORE_EXACT_SHORTENED)
    best: tuple[float, int] | None = None
    for query in dict.fromkeys((_fold(full), _fold(shortened))):
        if len(query) < 4:
            continue
        for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
            found = process.extractOne(query, index.fuzzy_keys, scorer=scorer,
                                       score_cutoff=FUZZY_THRESHOLD)
            if found is not None and (best is None or found[1] > best[0]):
                best = (found[1], found[2])
    if best is None:
        return _NO_MATCH
    return _as_match(index.fuzzy_entries[best[1]], min(round(best[0], 1), _SCORE_FUZZY_MAX))


def match_header(text: str) -> tuple[Target | None, float, str | None]:
    """Match one header text against the alias table.

    Returns ``(target, score, alias)``: score 100 for an exact alias after normalisation,
    98 when only a bracketed addition differs, the rapidfuzz score (≥ 85, at most 97) for a
    near match; ``(None, 0.0, None)`` when nothing matches or the header is known to have
    no target.
    """
    found = _match_text(text.strip())
    return found.target, found.score, found.alias


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


_PROFILE_UNMAPPED = _Match(None, 0.0, None, True, from_profile=True)
"""A header the profile leaves unmapped: a known header without a target."""


def _header_match(text: str, overrides: Mapping[str, Target | None]) -> _Match:
    if not text:
        return _NO_MATCH
    if overrides:
        key = _fold(normalise_header(text))
        if key in overrides:
            target = overrides[key]
            if target is None:
                return _PROFILE_UNMAPPED
            return _Match(target, _SCORE_EXACT, None, True, from_profile=True)
    return _match_text(text)


def _profile_overrides(profile: MappingProfile | None) -> dict[str, Target | None]:
    if profile is None:
        return {}
    return {_fold(normalise_header(k)): t for k, t in profile.columns.items()}


def _rank(after: _Pos | None, item: tuple[_Pos, _Match]) -> tuple[bool, bool, float, _Pos]:
    """Sort key of a candidate: profile choices first, then those after ``after``, then
    the best score, ties to the lower position."""
    return (not item[1].from_profile,
            not (after is not None and item[0] > after),
            -item[1].score,
            item[0])


def _resolve_unique(candidates: Sequence[tuple[_Pos, _Match]],
                    prefer: Mapping[Target, _Pos] | None = None) -> dict[_Pos, _Match]:
    """Give each target (but IGNORE) to one position: profile choices first, then the
    best score, ties to the lower position. ``prefer`` maps a target to a position after
    which candidates are preferred (form rows after the contact person's row)."""
    result = dict(candidates)
    by_target: dict[Target, list[tuple[_Pos, _Match]]] = {}
    for pos, found in candidates:
        if found.target is not None and found.target is not Target.IGNORE:
            by_target.setdefault(found.target, []).append((pos, found))
    for target, group in by_target.items():
        if len(group) < 2:
            continue
        ranked = sorted(group, key=partial(_rank, (prefer or {}).get(target)))
        winner = ranked[0][0]
        for pos, found in group:
            if pos != winner:
                result[pos] = _Match(None, 0.0, None, found.known)
    return result


# --------------------------------------------------------------------- table detection


@dataclass(slots=True)
class _Candidate:
    header_rows: list[int]
    headers: list[str]
    matches: dict[int, _Match]

    @property
    def mapped(self) -> int:
        return sum(1 for m in self.matches.values()
                   if m.target is not None and m.target is not Target.IGNORE)

    @property
    def decided(self) -> int:
        """Mapped columns plus those the profile ignores or leaves unmapped: headers the
        profile names count in full when choosing the header row."""
        return self.mapped + sum(1 for m in self.matches.values() if m.from_profile and (
            m.target is None or m.target is Target.IGNORE))

    @property
    def weight(self) -> float:
        known = sum(1 for m in self.matches.values()
                    if m.target is None and m.known and not m.from_profile)
        return self.decided + _KNOWN_WEIGHT * known

    def valid(self) -> bool:
        targets = {m.target for m in self.matches.values()}
        return self.mapped >= MIN_MAPPED and bool(targets & KEY_TARGETS)


def _merged_fill(sheet: Sheet, r: int, texts: list[str]) -> None:
    """Forward-fill horizontally merged cells of row ``r`` with their top-left text."""
    for first_row, first_col, last_row, last_col in sheet.merged:
        if first_row <= r <= last_row and last_col > first_col:
            top_left = _text(_row(sheet, first_row)[first_col]) \
                if first_col < len(_row(sheet, first_row)) else ""
            if r != first_row or not top_left:
                continue
            for c in range(first_col + 1, min(last_col + 1, len(texts))):
                if not texts[c]:
                    texts[c] = top_left


def _single(sheet: Sheet, r: int, overrides: Mapping[str, Target | None]) -> _Candidate:
    headers = [_text(v) for v in _row(sheet, r)]
    matches = [(c, _header_match(h, overrides)) for c, h in enumerate(headers)]
    return _Candidate([r], headers, _resolve_unique(matches))


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
    matches: list[tuple[int, _Match]] = []
    for c in range(width):
        upper, lower = top[c], bottom[c]
        if upper and lower and upper != lower:
            header = f"{upper} / {lower}"
            found = _header_match(header, overrides)
            if found.target is None and not found.from_profile:
                # The sub-heading alone, else the group label alone; a sub-heading known
                # to have no target stays unmapped, and so does a header the profile
                # leaves unmapped.
                for part in (lower, upper):
                    alternative = _header_match(part, overrides)
                    if alternative.target is not None or alternative.known:
                        found = alternative
                        break
        else:
            header = upper or lower
            found = _header_match(header, overrides)
        headers.append(header)
        matches.append((c, found))
    return _Candidate([r, r + 1], headers, _resolve_unique(matches))


def _grouped(sheet: Sheet, r: int) -> bool:
    """Whether row ``r`` can be the upper row of a two-row header: it groups the row
    below (merged cells spanning columns) or leaves gaps the row below fills. A fully
    filled header row followed by data is never read as a two-row header."""
    if any(r0 <= r <= r1 and c1 > c0 for r0, c0, r1, c1 in sheet.merged):
        return True
    top, bottom = _row(sheet, r), _row(sheet, r + 1)
    return any((c >= len(top) or not _text(top[c])) and _text(bottom[c])
               for c in range(len(bottom)))


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


def _fixed_table(sheet: Sheet, header_row: int,
                 overrides: Mapping[str, Target | None]) -> _Candidate | None:
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
            preamble.extend((texts[i].rstrip(":").strip(), texts[i + 1])
                            for i in range(0, len(texts), 2))
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
    while width > 0 and not (width - 1 < len(cand.headers) and cand.headers[width - 1]) \
            and not any(width - 1 < len(row) and _text(row[width - 1]) for row in rows):
        width -= 1
    columns = []
    for c in range(width):
        header = cand.headers[c] if c < len(cand.headers) else ""
        found = cand.matches.get(c, _NO_MATCH)
        columns.append(ColumnMapping(c, header, found.target, found.score, found.alias))
    title, preamble = _title_and_preamble(sheet, cand.header_rows[0])
    return TableLayout(sheet.name, list(cand.header_rows), first_data, columns, title, preamble)


# ---------------------------------------------------------------------- form detection


def _is_label(found: _Match) -> bool:
    return found.target is not None or found.known


def _form(sheet: Sheet, label_column: int,
          overrides: Mapping[str, Target | None]) -> tuple[int, FormLayout] | None:
    """The form with labels in ``label_column`` and the number of distinct targets its
    labels map to; None when too few map or none is a key target. Further label/value
    pairs in a label's row ("Nom / sigle | … | N° / REF | …") become fields too."""
    limit = min(FORM_SCAN_ROWS, len(sheet.rows))
    merge_end = {(first_row, first_col): last_col
                 for first_row, first_col, _last_row, last_col in sheet.merged}

    def value_column(r: int, row: Sequence[CellValue], c: int) -> int:
        after = merge_end.get((r, c), c) + 1
        for col in range(after, len(row)):
            if _text(row[col]):
                cell = row[col]
                if isinstance(cell, str) and _is_label(_header_match(cell.strip(), overrides)):
                    return after  # the next label: this one has no value
                return col
        return after

    labels: list[tuple[tuple[int, int], str, int]] = []
    matches: list[tuple[tuple[int, int], _Match]] = []
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
        found = _header_match(label, overrides)
        while True:
            value = value_column(r, row, c)
            labels.append(((r, c), label, value))
            matches.append(((r, c), found))
            c = next((col for col in range(value + 1, len(row))
                      if isinstance(cell := row[col], str) and cell.strip()
                      and _is_label(_header_match(cell.strip(), overrides))), -1)
            if c < 0:
                break
            label = str(row[c]).strip()
            found = _header_match(label, overrides)
    prefer: dict[Target, tuple[int, int]] = {}
    contact = [pos for pos, m in matches if m.target is Target.CONTACT]
    if contact:
        prefer = {Target.CONTACT_PHONE: contact[0], Target.CONTACT_EMAIL: contact[0]}
    resolved = _resolve_unique(matches, prefer)
    targets = {m.target for m in resolved.values()
               if m.target is not None and m.target is not Target.IGNORE}
    if len(targets) < MIN_FORM_FIELDS or not targets & KEY_TARGETS:
        return None
    fields = [FormField(pos[0], label, resolved[pos].target, value)
              for pos, label, value in labels]
    return len(targets), FormLayout(sheet.name, label_column, fields)


def _best_form(sheet: Sheet,
               overrides: Mapping[str, Target | None]) -> tuple[int, FormLayout] | None:
    found = [f for f in (_form(sheet, c, overrides) for c in (0, 1)) if f is not None]
    return max(found, key=lambda f: (f[0], -f[1].label_column), default=None)


# ---------------------------------------------------------------------------- detection


def detect_layout(sheet: Sheet,
                  profile: MappingProfile | None = None) -> TableLayout | FormLayout | None:
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
        pairs: Iterable[tuple[str, Target | None]] = ((c.header, c.target)
                                                      for c in layout.columns)
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
            raise MappingError(MSG_INVALID, file=name, path=json_path,
                               problem="the header has no letters or digits")
        target = None if target_name is None else Target(target_name)
        folded = _fold(key)
        if folded in originals and columns[originals[folded]] is not target:
            raise MappingError(MSG_SAME_HEADER, file=name, path=json_path, key=header,
                               other=originals[folded])
        originals.setdefault(folded, key)
        columns.setdefault(key, target)
    return MappingProfile(name=doc["name"], header_row=doc.get("header_row"), columns=columns,
                          sheet=doc.get("sheet"))


def save_profile(profile: MappingProfile, path: Path) -> None:
    """Write ``profile`` as JSON (atomically: a failure leaves an existing file as it was)."""
    doc = {
        "format": PROFILE_FORMAT,
        "version": PROFILE_VERSION,
        "name": profile.name,
        "sheet": profile.sheet,
        "header_row": profile.header_row,
        "columns": {normalise_header(k) or k: None if t is None else Target(t).value
                    for k, t in profile.columns.items()},
    }
    with atomic_text(Path(path)) as fh:
        fh.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
