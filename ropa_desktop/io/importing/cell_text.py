"""A row's cells and the pure readers of their text (the import's vocabulary of cells).

:class:`Cell` is one mapped value of a row; the functions read lists, numbered lines,
legal bases, countries, retention rules and DPIA answers out of cell text. The parsers of
:mod:`ropa_desktop.domain.parsing` that registers repeat row after row are memoised here.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from ropa_desktop.domain import model as m
from ropa_desktop.domain import parsing
from ropa_desktop.domain.import_fields import Target


class Cell(NamedTuple):  # a tuple: made for every mapped cell of an import
    """One mapped value of a row: its text, the cell it stands in and the column's header."""

    text: str
    ref: str
    header: str


EMPTY = Cell("", "", "")
"""The value of a target the row does not fill."""


NONE_WORDS = frozenset(
    {
        "-",
        "–",
        "—",
        "/",
        "keine",
        "kein",
        "keiner",
        "none",
        "n/a",
        "na",
        "entfällt",
        "nicht zutreffend",
        "not applicable",
        "nein",
        "no",
    }
)


def short(text: str, limit: int = 80) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…"."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def maps(layout: Any, target: Target) -> bool:
    """Whether any column (or form field) of the layout is mapped to ``target``."""
    items = getattr(layout, "columns", None) or getattr(layout, "fields", [])
    return any(getattr(item, "target", None) == target for item in items)


def name_from_purpose(values: dict[Target, Cell]) -> str:
    """A name for a row of a layout without a name column: its first purpose."""
    for target in (Target.PURPOSES, Target.PURPOSE_AND_LEGAL_BASIS):
        text = values.get(target, EMPTY).text
        if text.strip():
            if target == Target.PURPOSE_AND_LEGAL_BASIS:
                text = parse_bases(text).rest or text
            first = unnumber(split_cell(text)[0]) if split_cell(text) else text.strip()
            return first if len(first) <= 200 else first[:199] + "…"
    return ""


def header_of(mapping: Any) -> str:
    if mapping is None:
        return ""
    return getattr(mapping, "header", None) or getattr(mapping, "label", "") or ""


def target_of(mapping: Any) -> Target | None:
    return None if mapping is None else mapping.target


_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+")


# Registers repeat the same cells row after row (categories, recipients, legal bases), so
# the pure parsers are memoised for the length of the process.
@lru_cache(maxsize=65536)
def split_cell(cell: str) -> tuple[str, ...]:
    return tuple(parsing.split_values(cell))


@lru_cache(maxsize=65536)
def special_of(name: str) -> m.SpecialCategory:
    return parsing.parse_special_category(name)


@lru_cache(maxsize=16384)
def parse_bases(text: str) -> parsing.LegalBasisParse:
    return parsing.parse_legal_bases(text)


@lru_cache(maxsize=16384)
def parse_countries(text: str) -> tuple[list[str], bool, str]:
    return parsing.parse_countries(text)


@lru_cache(maxsize=16384)
def retention_rule(text: str) -> m.Retention:
    return parsing.parse_retention(text)


@lru_cache(maxsize=16384)
def parse_day(text: str) -> date | None:
    return parsing.parse_date(text)


@lru_cache(maxsize=16384)
def parse_mechanism(text: str) -> tuple[str, str]:
    return parsing.parse_mechanism(text)


@lru_cache(maxsize=65536)
def clean(text: str) -> tuple[str, bool]:
    return parsing.clean_text(text)


def unnumber(line: str) -> str:
    if not line.lstrip()[:1].isdigit():
        return line.strip()
    return _NUMBERED.sub("", line).strip()


_NUMBERED_LINE = re.compile(r"^\s*(\d{1,3})\.\s+(.*)$")


def numbered(cell: str) -> dict[int, str] | None:
    """Lines of the form "n. text" by number, or None when the cell is not numbered so."""
    if not cell.lstrip()[:1].isdigit():
        return None
    lines = [line for line in cell.splitlines() if line.strip()]
    found: dict[int, str] = {}
    for line in lines:
        match = _NUMBERED_LINE.match(line)
        if match is None:
            return None
        found[int(match.group(1))] = match.group(2).strip()
    return found or None


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


_SPECIAL_SUFFIX = re.compile(
    r"\s+[–-]\s+(besondere Kategorie \(Art\. 9 DSGVO\)|special category \(Art\. 9 GDPR\)|"
    r"Straftaten \(Art\. 10 DSGVO\)|criminal offences \(Art\. 10 GDPR\))\s*$"
)


def category(name: str) -> m.DataCategory:
    """A data category as written, special categories recognised."""
    bare, special = _category_parts(name)
    return m.DataCategory(name=bare, special=special)


@lru_cache(maxsize=65536)
def _category_parts(name: str) -> tuple[str, m.SpecialCategory]:
    match = _SPECIAL_SUFFIX.search(name)
    if match:  # our own export marks special categories after the name
        marker = match.group(1)
        special = m.SpecialCategory.ART10 if "10" in marker else m.SpecialCategory.ART9
        return name[: match.start()].strip(), special
    return name, special_of(name)


def split_service(entry: str) -> tuple[str, str]:
    """ "Flexperto GmbH – Online-Beratung" → name and service (our export's form)."""
    name, sep, service = entry.partition(" – ")
    return (name.strip(), service.strip()) if sep else (entry.strip(), "")


def split_known_service(entry: str, names: frozenset[str]) -> tuple[str, str]:
    """Name and service of our export's "name – service", where the name may itself hold
    " – " ("Stadtwerke – Netz GmbH – Ablesung"): the longest leading part that is one of
    ``names`` (the processors sheet's names) is the name; else the first " – " splits."""
    entry = entry.strip()
    if entry in names:
        return entry, ""
    cut = len(entry)
    while (cut := entry.rfind(" – ", 0, cut)) > 0:
        if entry[:cut].strip() in names:
            return entry[:cut].strip(), entry[cut + 3 :].strip()
    return split_service(entry)


def strip_detail(name: str) -> str:
    """ "Finanzamt (Behörde)" → "Finanzamt": our export adds the category in brackets."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", name).strip() or name.strip()


_DPIA_WORDS = {
    "nicht geprüft": m.DpiaResult.NOT_ASSESSED,
    "not assessed": m.DpiaResult.NOT_ASSESSED,
    "nicht erforderlich": m.DpiaResult.NOT_REQUIRED,
    "not required": m.DpiaResult.NOT_REQUIRED,
    "erforderlich": m.DpiaResult.REQUIRED,
    "required": m.DpiaResult.REQUIRED,
    "durchgeführt": m.DpiaResult.DONE,
    "carried out": m.DpiaResult.DONE,
    "done": m.DpiaResult.DONE,
}


def dpia_result(text: str) -> m.DpiaResult | None:
    word = text.strip().casefold()
    if word in _DPIA_WORDS:
        return _DPIA_WORDS[word]
    answer = parsing.parse_yes_no(text)
    if answer is None:
        return None
    return m.DpiaResult.REQUIRED if answer else m.DpiaResult.NOT_REQUIRED
