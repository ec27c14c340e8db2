"""Header texts of the spreadsheet import: normalisation, the alias table and matching.

- :func:`normalise_header` is how a header is compared and stored in mapping profiles.
- :func:`match_header` matches one header text against the alias table
  ``resources/import/aliases.json``: exact match of the normalised text scores 100,
  otherwise a fuzzy match (rapidfuzz) of at least :data:`FUZZY_THRESHOLD`. Headers known
  to belong to no field (the ICO's "Rights available to individuals", export columns
  without a field) are listed in the alias table as ``unmapped``: they are never matched
  fuzzily to a neighbouring field.
- :func:`profile_match` lets a mapping profile's choices beat the alias table, and
  :func:`resolve_unique` gives each target to at most one column or label.

The layout detection of :mod:`ropa_desktop.io.importing.mapping` builds on these.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from typing import Any, TypeVar

from rapidfuzz import fuzz, process

from ropa_desktop.domain.import_fields import Target
from ropa_desktop.domain.resources import resources_dir

ALIASES_PATH = resources_dir() / "import" / "aliases.json"

FUZZY_THRESHOLD = 85.0
"""Lowest rapidfuzz score (0–100) accepted as a match."""

_MAX_HEADER_CHARS = 250
"""Longer cell texts are data, never headers."""
_SCORE_EXACT = 100.0
_SCORE_EXACT_SHORTENED = 98.0
"""An exact match once bracketed additions such as "(Art. 26 DSGVO)" are left out."""
_SCORE_FUZZY_MAX = 97.0

_Pos = TypeVar("_Pos", int, tuple[int, int])


# ----------------------------------------------------------------------- normalisation

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\r?\n\s*(?=[a-zäöüß])")
_ENUMERATION = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zA-Z][.)])\s+(?=\S)")
_OPTIONAL = re.compile(
    r"\(\s*(?:if|where|falls|soweit|sofern|wenn|ggf|gegebenenfalls|optional|facultatif|"
    r"le cas|si)\b[^()]*\)",
    re.IGNORECASE,
)
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


def fold_header(normalised: str) -> str:
    """Umlauts written out (ä → ae, ß → ss), other accents dropped."""
    return _strip_accents(normalised.translate(_UMLAUTS))


def _variants(normalised: str) -> tuple[str, ...]:
    """The spellings under which a normalised text is looked up: as is, umlauts written
    out, umlauts stripped (ä → a)."""
    return tuple(dict.fromkeys((normalised, fold_header(normalised), _strip_accents(normalised))))


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
        seen = layout.get("_seen", {})
        wordings = {entry.wording for entry in entries}
        if not isinstance(seen, dict) or set(seen) - wordings:
            raise ValueError(f"{where}: {key}: '_seen' names wordings the layout lacks")
        if seen and wordings - set(seen):
            raise ValueError(f"{where}: {key}: '_seen' lacks a note for some wordings")
        for entry in entries:
            normalised = normalise_header(entry.wording)
            if not normalised:
                raise ValueError(f"{where}: {key}: empty alias {entry.wording!r}")
            for variant in _variants(normalised):
                known = exact.get(variant)
                if known is not None and known.target is not entry.target:
                    raise ValueError(
                        f"{where}: {key}: {entry.wording!r} ({entry.target}) clashes with "
                        f"{known.wording!r} ({known.target})"
                    )
                exact.setdefault(variant, entry)
            fuzzy.setdefault(fold_header(normalised), entry)
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
class HeaderMatch:
    """How one header text (or form label) matched: its target, score and alias."""

    target: Target | None
    score: float
    alias: str | None
    known: bool
    """The header is in the alias table (with or without a target)."""
    from_profile: bool = False


NO_MATCH = HeaderMatch(None, 0.0, None, False)
"""No target, and a header the alias table does not know."""


def _lookup_exact(normalised: str, index: _AliasIndex) -> _Alias | None:
    for variant in _variants(normalised):
        entry = index.exact.get(variant)
        if entry is not None:
            return entry
    return None


def _as_match(entry: _Alias, score: float) -> HeaderMatch:
    if entry.target is None:
        return HeaderMatch(None, 0.0, None, True)
    return HeaderMatch(entry.target, score, entry.wording, True)


@lru_cache(maxsize=16384)
def _match_text(text: str) -> HeaderMatch:
    if not text or len(text) > _MAX_HEADER_CHARS:
        return NO_MATCH
    index = _alias_index()
    prepared = _prepare(text)
    full = _words(prepared)
    if not full:
        return NO_MATCH
    shortened = _words(_BRACKETED.sub(" ", prepared))
    entry = _lookup_exact(full, index)
    if entry is not None:
        return _as_match(entry, _SCORE_EXACT)
    if shortened and shortened != full:
        entry = _lookup_exact(shortened, index)
        if entry is not None:
            return _as_match(entry, _SCORE_EXACT_SHORTENED)
    best: tuple[float, int] | None = None
    for query in dict.fromkeys((fold_header(full), fold_header(shortened))):
        if len(query) < 4:
            continue
        for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
            found = process.extractOne(
                query, index.fuzzy_keys, scorer=scorer, score_cutoff=FUZZY_THRESHOLD
            )
            if found is not None and (best is None or found[1] > best[0]):
                best = (found[1], found[2])
    if best is None:
        return NO_MATCH
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


# ---------------------------------------------------------------- profiles and uniqueness


_PROFILE_UNMAPPED = HeaderMatch(None, 0.0, None, True, from_profile=True)
"""A header the profile leaves unmapped: a known header without a target."""


def profile_match(text: str, overrides: Mapping[str, Target | None]) -> HeaderMatch:
    """Match ``text`` as a profile says (``overrides`` maps folded normalised headers to
    targets, None: leave unmapped), else against the alias table."""
    if not text:
        return NO_MATCH
    if overrides:
        key = fold_header(normalise_header(text))
        if key in overrides:
            target = overrides[key]
            if target is None:
                return _PROFILE_UNMAPPED
            return HeaderMatch(target, _SCORE_EXACT, None, True, from_profile=True)
    return _match_text(text)


def _rank(after: _Pos | None, item: tuple[_Pos, HeaderMatch]) -> tuple[bool, bool, float, _Pos]:
    """Sort key of a candidate: profile choices first, then those after ``after``, then
    the best score, ties to the lower position."""
    return (
        not item[1].from_profile,
        not (after is not None and item[0] > after),
        -item[1].score,
        item[0],
    )


def resolve_unique(
    candidates: Sequence[tuple[_Pos, HeaderMatch]], prefer: Mapping[Target, _Pos] | None = None
) -> dict[_Pos, HeaderMatch]:
    """Give each target (but IGNORE) to one position: profile choices first, then the
    best score, ties to the lower position. ``prefer`` maps a target to a position after
    which candidates are preferred (form rows after the contact person's row)."""
    result = dict(candidates)
    by_target: dict[Target, list[tuple[_Pos, HeaderMatch]]] = {}
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
                result[pos] = HeaderMatch(None, 0.0, None, found.known)
    return result
