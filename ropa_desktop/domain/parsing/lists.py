"""Splitting a cell that holds several values (:func:`split_values`)."""

from __future__ import annotations

import re

from ropa_desktop.domain.parsing.text import HSPACE, normalise_breaks

_BULLET_CHARS = "•·▪▫◦‣⁃∙●○■□►▸▹➢➤✓✔"
_BULLET = re.compile(rf"^(?:[{_BULLET_CHARS}]{HSPACE}*|[-*–—→]{HSPACE}+)")
_NUMBERING = re.compile(rf"^(?:\d{{1,3}}[.)]|[a-zA-Z]\)|\((?:\d{{1,3}}|[a-zA-Z])\)){HSPACE}+")
ONLY_MARKERS = re.compile(rf"^[{_BULLET_CHARS}\-*–—→\s]+$")
_INLINE_BULLET = re.compile(rf"{HSPACE}+[•▪]{HSPACE}+")
_CITATION_HINT = re.compile(r"§|\bart(?:ikel|icle)?\b\.?\s*\d", re.IGNORECASE)
_ADDRESS_PART = re.compile(
    r"^\d{4,5}\s|\bpostfach\b|(?:stra(?:ss|ß)e|str\.|weg|platz|allee|gasse|ring|damm|street|"
    r"road|avenue|lane|house)\s*\d",
    re.IGNORECASE,
)
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_SHORT_PART = 40


_BRACKETS = re.compile(r"[()\[\]{}]")


def _split_outside_brackets(text: str, separator: re.Pattern[str]) -> list[str]:
    """Split ``text`` where ``separator`` matches at bracket depth 0."""
    if not _BRACKETS.search(text):  # the common case: no brackets, let the regex engine scan
        pieces: list[str] = []
        begin = 0
        for match in separator.finditer(text):
            if match.end() > match.start():
                pieces.append(text[begin : match.start()])
                begin = match.end()
        pieces.append(text[begin:])
        return pieces
    parts: list[str] = []
    depth = 0
    start = 0
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch in "([{":
            depth += 1
        elif ch in ")]}" and depth:
            depth -= 1
        elif depth == 0:
            hit = separator.match(text, pos)
            if hit and hit.end() > pos:
                parts.append(text[start:pos])
                start = pos = hit.end()
                continue
        pos += 1
    parts.append(text[start:])
    return parts


def split_values(cell: object) -> list[str]:
    """The values of a cell that holds several: one per line, ``;``-part or bullet.

    * Line breaks (``\\n``, ``\\r\\n``, ``\\r``), ``;`` and bullet markers at the start of
      a line (``•``, ``·``, ``▪``, ``-``, ``*``, ``–`` …) separate values; inline
      `` • `` does too. Numbering at line start (``1.``, ``2)``, ``a)``, ``(b)``) is
      removed in cells of several lines only, so "1. März 2026" stays intact.
    * In a cell with bullets, an unmarked line that is indented or starts with a
      lower-case letter continues the item above it (unless it ends with ":").
    * Nothing is split inside brackets: "Name (Vorname, Nachname)" is one value.
    * Commas split only a single-line cell without ``;`` or bullets, and only
      when it has three or more comma parts that are all short (≤ 40 characters),
      none looks like part of an address (postcode, street and number,
      "Postfach") and the cell cites no law (citations carry commas: "lit. a, b").
      So "Meyer, Christina" and "Google Ireland Ltd., Dublin" stay whole, and
      "Name, Vorname, Geburtsdatum" is three values. Commas between digits
      ("1,5") never split. German elided compounds are never cut apart:
      "Stamm-, Auftrags-, Rechnungsdaten" stays one value.
    * Parts are trimmed and empty parts dropped. A cell that is nothing but a
      marker ("-") is returned as that one value: it usually means "none".
    """
    if not isinstance(cell, str):
        return []
    text = normalise_breaks(cell)
    if not text.strip():
        return []
    lines = [line for line in text.split("\n") if line.strip()]
    several_lines = len(lines) > 1
    items: list[list[str]] = []  # [text, kind] with kind "marked", "plain" or "marker"
    any_marker = False
    for line in lines:
        stripped = line.strip()
        match = _BULLET.match(stripped) or (several_lines and _NUMBERING.match(stripped))
        if match and stripped[match.end() :].strip():
            items.append([stripped[match.end() :].strip(), "marked"])
            any_marker = True
        elif ONLY_MARKERS.match(stripped):
            items.append([stripped, "marker"])
        elif (
            any_marker
            and items
            and items[-1][1] == "marked"
            and (line[:1] in " \t\u00a0" or stripped[:1].islower())
            and not items[-1][0].rstrip().endswith(":")
        ):
            items[-1][0] += " " + stripped
        else:
            items.append([stripped, "plain"])
    values = [item[0] for item in items if item[1] != "marker"]
    if not values:
        return [text.strip()]
    parts: list[str] = []
    for value in values:
        for piece in _split_outside_brackets(value, re.compile(";")):
            parts.extend(_split_outside_brackets(piece, _INLINE_BULLET))
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) == 1 and not several_lines and not any_marker:
        parts = _split_commas(parts[0])
    return parts


def _split_commas(value: str) -> list[str]:
    if _CITATION_HINT.search(value):
        return [value]
    pieces = _join_elided([p.strip() for p in _split_outside_brackets(value, _COMMA)])
    if (
        len(pieces) >= 3
        and all(0 < len(p) <= _SHORT_PART for p in pieces)
        and not any(_ADDRESS_PART.search(p) for p in pieces)
    ):
        return pieces
    return [value]


def _join_elided(pieces: list[str]) -> list[str]:
    """German elided compounds stay together: "Stamm-", "Auftrags-", "Rechnungsdaten" is
    one value "Stamm-, Auftrags-, Rechnungsdaten" (the hyphen stands for "-daten")."""
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].endswith("-") and out[-1][-2:-1].isalpha():
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out
