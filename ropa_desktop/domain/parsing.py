"""Reading the values of spreadsheet cells: lists, legal bases, countries, dates, retention.

Departments write their part of the register in their own words. These pure
functions turn one cell's text into the values of :mod:`ropa_desktop.domain.model`
without ever dropping information: whatever they do not recognise is handed
back (as ``rest``, as text kept next to an id, as ``Retention.text``) so that
the import engine can put it somewhere visible. They use only the standard
library and :mod:`ropa_desktop.domain.vocab`.

Decisions (each function's docstring has the details):

* :func:`split_values` splits on line breaks, ``;`` and bullet markers, and on
  commas only in a single-line cell of three or more short parts (``Meyer,
  Christina`` stays one value). It never splits inside brackets.
* :func:`parse_legal_bases` is the one recogniser of legal-basis citations;
  :mod:`ropa_desktop.domain.rules` uses it too (through :func:`find_citations`).
  A citation becomes vocabulary ids only when the ids say everything it says;
  otherwise it is kept as written in ``provisions`` (``§§ 2 ff. BMG``,
  ``Art. 6 Abs. 1 lit. e, Abs. 3 DSGVO``). Paragraphs, sentences and numbers
  below a known national section do not count ("§ 26 Abs. 1 BDSG" is ``bdsg-26``).
* :func:`parse_country` returns None for the umbrella terms EU and EEA: they
  are no country (and no third country).
* :func:`parse_date` reads a month and year ("12/2026", "Dezember 2026") as the
  first of that month, two-digit years as 2000-2069 and 1970-1999, and day-first
  for ambiguous slashed dates (German and British usage).
* :func:`parse_retention` fills the structured rule where the text is one
  period (with an optional start) and keeps the original in ``text`` only when
  the structured part does not say everything (a qualifier like "spätestens",
  a second sentence, a citation).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from types import MappingProxyType

from ropa_desktop.domain import vocab
from ropa_desktop.domain.model import ActivityStatus, Retention, RetentionUnit, SpecialCategory

__all__ = [
    "Citation",
    "LegalBasisParse",
    "clean_text",
    "find_citations",
    "looks_like_formula",
    "parse_countries",
    "parse_country",
    "parse_date",
    "parse_legal_bases",
    "parse_mechanism",
    "parse_retention",
    "parse_special_category",
    "parse_status",
    "parse_yes_no",
    "split_values",
]

# ------------------------------------------------------------------------- helpers

_HSPACE = "[ \\t\\u00a0\\u202f]"
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")


def _normalise_breaks(text: str) -> str:
    """Windows and old-Mac line ends, Unicode separators and Word's vertical tab -> "\\n"."""
    return _LINE_BREAKS.sub("\n", text)


def _key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key (ß -> ss, ä/ae -> a)."""
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ẞ", "ss"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    text = re.sub(r"[.'’`]", "", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


# -------------------------------------------------------------------- split_values

_BULLET_CHARS = "•·▪▫◦‣⁃∙●○■□►▸▹➢➤✓✔"
_BULLET = re.compile(
    rf"^(?:[{_BULLET_CHARS}]{_HSPACE}*|[-*–—→]{_HSPACE}+)"
)
_NUMBERING = re.compile(rf"^(?:\d{{1,3}}[.)]|[a-zA-Z]\)|\((?:\d{{1,3}}|[a-zA-Z])\)){_HSPACE}+")
_ONLY_MARKERS = re.compile(rf"^[{_BULLET_CHARS}\-*–—→\s]+$")
_INLINE_BULLET = re.compile(rf"{_HSPACE}+[•▪]{_HSPACE}+")
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
                pieces.append(text[begin:match.start()])
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
            match = separator.match(text, pos)
            if match and match.end() > pos:
                parts.append(text[start:pos])
                start = pos = match.end()
                continue
        pos += 1
    parts.append(text[start:])
    return parts


def split_values(cell: str) -> list[str]:
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
      ("1,5") never split.
    * Parts are trimmed and empty parts dropped. A cell that is nothing but a
      marker ("-") is returned as that one value: it usually means "none".
    """
    if not isinstance(cell, str):
        return []
    text = _normalise_breaks(cell)
    if not text.strip():
        return []
    lines = [line for line in text.split("\n") if line.strip()]
    several_lines = len(lines) > 1
    items: list[list[str]] = []  # [text, kind] with kind "marked", "plain" or "marker"
    any_marker = False
    for line in lines:
        stripped = line.strip()
        match = _BULLET.match(stripped) or (several_lines and _NUMBERING.match(stripped))
        if match and stripped[match.end():].strip():
            items.append([stripped[match.end():].strip(), "marked"])
            any_marker = True
        elif _ONLY_MARKERS.match(stripped):
            items.append([stripped, "marker"])
        elif (any_marker and items and items[-1][1] == "marked"
              and (line[:1] in " \t\u00a0" or stripped[:1].islower())
              and not items[-1][0].rstrip().endswith(":")):
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
    pieces = [p.strip() for p in _split_outside_brackets(value, _COMMA)]
    if (
        len(pieces) >= 3
        and all(0 < len(p) <= _SHORT_PART for p in pieces)
        and not any(_ADDRESS_PART.search(p) for p in pieces)
    ):
        return pieces
    return [value]


# ------------------------------------------------------------------- citations

@dataclass(frozen=True, slots=True)
class Citation:
    """One citation of a provision found in a text, as :func:`find_citations` reads it.

    ``text`` is the citation as written (``text == source[start:end]``). ``gdpr``
    is True for a citation of the GDPR itself, ``article`` the (first) article or
    section number and ``law`` the law's name as written ("" if none is named;
    for the GDPR the name as written or ""). ``ids`` are the vocabulary ids
    (legal bases or national provisions) the citation names; ``complete`` is
    True when those ids say everything the citation says, so that it can be
    replaced by them.
    """

    text: str
    start: int
    end: int
    gdpr: bool
    article: str
    law: str = ""
    ids: tuple[str, ...] = ()
    complete: bool = False


@dataclass(slots=True)
class _Group:
    para: str | None = None
    sent: list[str] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    marker: str  # "§" or "art" or "ctx" (a letter citation read in context)
    sections: list[str]
    groups: list[_Group]
    extras: bool
    law: str = ""
    law_core: str = ""
    gdpr_law: bool = False


_I = re.IGNORECASE
_WS = re.compile(rf"{_HSPACE}*")
_START = re.compile(
    rf"(?<![\w§])(?:(?P<sec>§§?)|(?P<art>Art(?:ikel|icle|s)?\b\.?|Artt\.)){_HSPACE}*"
    r"(?P<num>\d{1,3}[a-z]?)(?![\w])", _I)
_DOT_NUM = re.compile(r"\.(\d{1,2})(?![\d\w])")
_DOT_LETTER = re.compile(r"\.([a-j])(?![\w])")
_PARA = re.compile(rf"(?:Abs(?:atz)?\b\.?|para(?:graph)?s?\b\.?){_HSPACE}*(\d{{1,3}}[a-z]?)"
                   r"(?![\w])", _I)
_PAREN_NUM = re.compile(r"\((\d{1,3}[a-z]?)\)")
_ROMAN = re.compile(r"(IX|IV|V?I{1,3}|V|X)(?![\w.])")  # case-sensitive
_SENT = re.compile(
    rf"(?:S\.|Satz\b|U[Aa]bs\b\.?|Unterabs(?:atz\b|\.)|sub-?para(?:graph)?\b\.?|sentence\b|"
    rf"Halbsatz\b|Hs\.|HS\b\.?){_HSPACE}*(\d{{1,2}})(?![\w])")
_SENT_EN = re.compile(r"(first|second|third)\s+sub-?paragraph\b", _I)
_ALT = re.compile(
    rf"(?:Alt(?:ernative)?\b\.?|Var(?:iante)?\b\.?){_HSPACE}*\d{{1,2}}(?![\w])|"
    rf"\d{{1,2}}\.{_HSPACE}*(?:Alt(?:ernative)?\b\.?|Var(?:iante)?\b\.?)", _I)
_NR = re.compile(rf"(?:Nr\b\.?|Nummer\b|Ziff(?:er\b|\.)|No\.){_HSPACE}*(\d{{1,3}}[a-z]?)(?![\w])",
                 _I)
_LIT = re.compile(rf"(?:lit(?:era\b|\b\.?)|Buchst(?:abe\b|\b\.?)|letter\b|point\b){_HSPACE}*", _I)
_LETTER_PAREN = re.compile(r"\(([a-z])\)", _I)
_LETTER_CLOSE = re.compile(r"([a-z])\)", _I)
_LETTER_BARE = re.compile(r"([a-z])(?![\w])", _I)
_ABBREVIATION_AFTER = re.compile(rf"\.{_HSPACE}?[a-zA-Z]\.")
_LOWER_WORD_AFTER = re.compile(rf"{_HSPACE}+[a-zäöüß]{{2,}}")
_FF = re.compile(r"(?:ff?\.|ff\b|et\s?seq\b\.?)", _I)
_LIST_SEP = re.compile(rf"{_HSPACE}*(?:,|und\b|sowie\b|oder\b|bzw\b\.?|and\b|or\b|&|/|\+)"
                       rf"{_HSPACE}*", _I)
_RANGE_SEP = re.compile(rf"{_HSPACE}*(?:-|–|bis\b|to\b){_HSPACE}*", _I)
_SECTION_NUM = re.compile(r"(\d{1,3}[a-z]?)(?![\w.]|\.\d)")
_BARE_NUM = re.compile(r"(\d{1,2})(?![\w.,]|\.\d)")
_CONTINUE = re.compile(
    rf"{_HSPACE}*(?:,|und\b|sowie\b|i\.{_HSPACE}?V\.{_HSPACE}?m\.?|iVm\b|in\s+Verbindung\s+mit\b|"
    rf"in\s+conjunction\s+with\b|and\b){_HSPACE}*(?=(?:Abs(?:atz)?\b|U[Aa]bs\b|Unterabs|lit\b|"
    r"litera\b|Buchst|S\.\s*\d|Satz\s*\d))", _I)
_LAW_ARTICLE = re.compile(rf"(?:der|des|dem|d\.|the|of\s+the|of){_HSPACE}+", _I)
_GDPR_NAME = (
    r"(?:(?:EU|UK)[- ]?)?(?:DS-?GVO|DSVGO|DGSVO|DSGV|GDPR|RGPD)(?![\w])|"
    r"Datenschutz-?\s?Grundverordnung\b|General\s+Data\s+Protection\s+Regulation\b|"
    r"(?:(?:Verordnung|VO|Regulation)\s*)?\(EU\)\s*(?:Nr\.?\s*|No\.?\s*)?2016/679"
)
_GDPR = re.compile(_GDPR_NAME, _I)
_GDPR_ANYWHERE = re.compile(rf"(?<![\w-])(?:{_GDPR_NAME})", _I)
_ABBREV = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[A-ZÄÖÜ](?:-[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*)?(?![\w])")
_LAW_WORD = re.compile(
    r"[A-Za-zÄÖÜäöüß\-]*(?:gesetz(?:es|e|buch(?:es|s)?)?|gesetzbuch(?:es|s)?|ordnung|satzung|"
    r"verordnung|statut|richtlinie|vertrag(?:es|s)?|abkommen)(?![\w])", _I)
_LAW_MORE = re.compile(rf"{_HSPACE}+(?:[A-ZÄÖÜ]{{1,4}}(?:-[A-ZÄÖÜ]{{1,4}})?|[IVX]{{1,4}})(?![\w])")
_LAW_SUFFIX = re.compile(
    rf"{_HSPACE}*\((?:neu|alt|n\.{_HSPACE}?F\.|a\.{_HSPACE}?F\.)\)|{_HSPACE}*[na]\.{_HSPACE}?F\.|-neu\b")
_NOT_LAWS = frozenset({"EU", "EG", "EWR", "EEA", "UK", "USA", "US", "IT", "AND", "OR", "UND"})
_STRAY_LETTERS = re.compile(
    rf"(?<![\w])(?:lit(?:era\b|\b\.?)|Buchst(?:abe\b|\b\.?)){_HSPACE}*(?=\(?[a-z]\b)", _I)

_TARGET_PARAGRAPH = {"6": "1", "9": "2"}


def _bare_letter_ok(text: str, match: re.Match[str]) -> bool:
    """Whether a single letter without "lit." is a letter of a provision, not a word."""
    letter = match.group(1)
    if not letter.islower():
        return False
    after = match.end()
    if _ABBREVIATION_AFTER.match(text, after):
        return False
    return not (letter == "a" and _LOWER_WORD_AFTER.match(text, after))


class _Reader:
    """Reads one citation starting at a position of the source (a small hand-written parser)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _at(self, pattern: re.Pattern[str], pos: int) -> re.Match[str] | None:
        return pattern.match(self.text, pos)

    def _skip_ws(self, pos: int) -> int:
        match = _WS.match(self.text, pos)
        return match.end() if match else pos

    def letter(self, pos: int, *, introduced: bool) -> tuple[str, int] | None:
        """A letter at ``pos``: "(e)", "e)" or "e" (a bare one only where it can't be a word)."""
        match = self._at(_LETTER_PAREN, pos) or self._at(_LETTER_CLOSE, pos)
        if match and match.group(0)[0] != "(":
            # In "(Art. 6 Abs. 1 lit. e)" the bracket closes the parenthesis, not the letter.
            window = self.text[max(0, pos - 300):pos]
            if window.count("(") > window.count(")"):
                match = None
        if match:
            return match.group(1).lower(), match.end()
        match = self._at(_LETTER_BARE, pos)
        if match and (introduced or _bare_letter_ok(self.text, match)):
            return match.group(1).lower(), match.end()
        return None

    def letters(self, pos: int, group: _Group, *, introduced: bool) -> int | None:
        """A list of letters ("b und f", "a, b", "a-c", "(b) and (c)") into ``group``."""
        first = self.letter(pos, introduced=introduced)
        if first is None:
            return None
        group.letters.append(first[0])
        pos = first[1]
        while True:
            sep = self._at(_RANGE_SEP, pos)
            if sep and sep.end() > pos:
                nxt = self.letter(sep.end(), introduced=False)
                if nxt is not None and nxt[0] > group.letters[-1]:
                    start = group.letters[-1]
                    group.letters.extend(
                        chr(c) for c in range(ord(start) + 1, ord(nxt[0]) + 1))
                    pos = nxt[1]
                    continue
            sep = self._at(_LIST_SEP, pos)
            if sep and sep.end() > pos:
                after = sep.end()
                lit = self._at(_LIT, after)
                nxt = self.letter(lit.end() if lit else after, introduced=bool(lit))
                if nxt is not None:
                    group.letters.append(nxt[0])
                    pos = nxt[1]
                    continue
            return pos

    def law(self, pos: int) -> tuple[str, str, bool, int] | None:
        """(name as written, core name, is GDPR, end) of a law named at ``pos``."""
        start = pos
        article = self._at(_LAW_ARTICLE, pos)
        for begin in ((article.end(), pos) if article else (pos,)):
            match = self._at(_GDPR, begin)
            if match:
                return self.text[start:match.end()], match.group(0), True, match.end()
            match = self._at(_ABBREV, begin)
            if match and match.group(0) in _NOT_LAWS:
                match = None
            match = match or self._at(_LAW_WORD, begin)
            if match is None:
                continue
            end = match.end()
            while True:
                more = self._at(_LAW_MORE, end)
                if more is None or _GDPR.fullmatch(more.group(0).strip()):
                    break
                end = more.end()
            core = self.text[begin:end]
            suffix = self._at(_LAW_SUFFIX, end)
            if suffix:
                end = suffix.end()
            return self.text[start:end], core, False, end
        return None

    def qualifiers(self, pos: int, raw: _Raw, last: str) -> tuple[int, str]:
        """Paragraphs, sentences, numbers and letters after the number; returns (end, last)."""
        text = self.text
        group = raw.groups[-1]
        joint: int | None = None
        joint_end, joint_last = -1, last
        while True:
            # "6.1.c" and "6(1)(e)" are written without spaces.
            match = self._at(_DOT_NUM, pos)
            if match and last == "num" and group.para is None:
                group.para = match.group(1)
                pos, last = match.end(), "para"
                dot = self._at(_DOT_LETTER, pos)
                if dot:
                    group.letters.append(dot.group(1).lower())
                    pos, last = dot.end(), "letter"
                continue
            here = self._skip_ws(pos)
            match = self._at(_PAREN_NUM, here)
            if match and last in ("num", "para", "sent"):
                if group.para is None and last == "num":
                    group.para = match.group(1)
                    last = "para"
                else:
                    group.sent.append(match.group(1))
                    last = "sent"
                pos = match.end()
                continue
            match = self._at(_PARA, here)
            if match:
                if group.para is not None or group.letters or group.sent or group.numbers:
                    group = _Group()
                    raw.groups.append(group)
                group.para = match.group(1)
                pos, last = match.end(), "para"
                while True:  # "Abs. 1 und 2"
                    sep = self._at(_LIST_SEP, pos) or self._at(_RANGE_SEP, pos)
                    more = self._at(_SECTION_NUM, sep.end()) if sep and sep.end() > pos else None
                    if more is None:
                        break
                    group = _Group(para=more.group(1))
                    raw.groups.append(group)
                    pos = more.end()
                continue
            match = self._at(_ROMAN, here)
            if match and last == "num" and group.para is None and here > pos:
                group.para = str(_roman(match.group(1)))
                pos, last = match.end(), "para"
                continue
            match = self._at(_SENT, here) or self._at(_SENT_EN, here)
            if match:
                value = match.group(1)
                value = {"first": "1", "second": "2", "third": "3"}.get(value.lower(), value)
                group.sent.append(value)
                pos, last = match.end(), "sent"
                continue
            match = self._at(_ALT, here) or (self._at(_FF, here) if last == "num" else None)
            if match:
                raw.extras = True
                pos, last = match.end(), "extra"
                continue
            match = self._at(_NR, here)
            if match:
                group.numbers.append(match.group(1))
                pos, last = match.end(), "nr"
                continue
            match = self._at(_LIT, here)
            if match:
                end = self.letters(match.end(), group, introduced=True)
                if end is not None:
                    pos, last = end, "letter"
                    continue
            if last in ("para", "sent", "nr") and not group.letters and (
                    here > pos or text[here:here + 1] == "("):
                end = self.letters(here, group, introduced=False)  # "Abs. 1 e", "(1)(e)"
                if end is not None:
                    pos, last = end, "letter"
                    continue
            if last == "num" and here > pos and raw.marker == "art" and group.para is None:
                match = self._at(_BARE_NUM, here)  # "Art 6 1 c": the paragraph
                after = self._skip_ws(match.end()) if match else 0
                if match and after > match.end() and (
                        self._at(_LIT, after) or self.letter(after, introduced=False)):
                    group.para = match.group(1)
                    pos, last = match.end(), "para"
                    continue
            if last == "para" and here > pos:
                match = self._at(_BARE_NUM, here)  # "Art. 6 I 1 lit. c": the sentence
                if match:
                    group.sent.append(match.group(1))
                    pos, last = match.end(), "sent"
                    continue
            if last == "num":
                sep = self._at(_LIST_SEP, pos) or self._at(_RANGE_SEP, pos)
                if sep and sep.end() > pos:
                    more = self._at(_SECTION_NUM, sep.end())
                    if more is not None:
                        if self._at(_RANGE_SEP, pos):
                            raw.extras = True
                        raw.sections.append(more.group(1))
                        pos = more.end()
                        continue
            match = self._at(_CONTINUE, pos)
            if match and raw.sections and match.end() > pos:
                # Only joins what follows; the citation ends before it unless more is read.
                joint, joint_end, joint_last = pos, match.end(), last
                pos = match.end()
                continue
            if not raw.law:
                law = self.law(here)
                if law is not None:
                    raw.law, raw.law_core, raw.gdpr_law, pos = law
                    last = "law"
                    continue
            if joint is not None and pos == joint_end:
                return joint, joint_last
            return pos, last

    def citation(self, match: re.Match[str]) -> _Raw:
        raw = _Raw(match.start(), match.end(), "§" if match.group("sec") else "art",
                   [match.group("num").lower()], [_Group()], False)
        end, _ = self.qualifiers(match.end(), raw, "num")
        raw.end = end
        return raw

    def context_letters(self, pos: int, article: str) -> _Raw | None:
        """A citation of letters only ("lit. e") read as letters of ``article``."""
        raw = _Raw(pos, pos, "ctx", [article], [_Group(para=_TARGET_PARAGRAPH[article])], False)
        lit = self._at(_STRAY_LETTERS, pos)
        if lit is None:
            return None
        end = self.letters(lit.end(), raw.groups[0], introduced=True)
        if end is None:
            return None
        raw.end = end
        law = self.law(self._skip_ws(end))
        if law is not None and law[2]:
            raw.law, raw.law_core, raw.gdpr_law, raw.end = law
        elif law is not None:
            return None
        return raw


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(numeral):
        value = values[ch]
        if i + 1 < len(numeral) and values[numeral[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _gdpr_ids(raw: _Raw) -> tuple[tuple[str, ...], bool]:
    """(ids, complete) of a GDPR citation."""
    if len(raw.sections) != 1:
        return (), False
    article = raw.sections[0]
    groups = [g for g in raw.groups if g.para or g.sent or g.letters or g.numbers]
    if article == "10":
        return ("art10",), not groups and not raw.extras
    target = _TARGET_PARAGRAPH.get(article)
    if target is None:
        return (), False
    ids: list[str] = []
    complete = not raw.extras and bool(groups)
    bases = vocab.legal_bases()
    for group in groups:
        if group.para in (None, target) and group.letters and not group.numbers and all(
                s == "1" for s in group.sent):
            for letter in group.letters:
                candidate = f"art{article}-{target}-{letter}"
                if candidate in bases:
                    ids.append(candidate)
                else:
                    complete = False
        else:
            complete = False
    return tuple(dict.fromkeys(ids)), complete and bool(ids)


def _national_ids(raw: _Raw) -> tuple[tuple[str, ...], bool]:
    """(ids, complete) of a citation of a German law, from the national provisions vocabulary."""
    if not raw.law_core:
        return (), False
    ids: list[str] = []
    for section in raw.sections:
        term = vocab.national_provision_for_citation(f"§ {section} {raw.law_core}")
        if term is not None:
            ids.append(term.id)
    complete = len(ids) == len(raw.sections) and not raw.extras
    return tuple(dict.fromkeys(ids)), complete


def _has_gdpr_letters(raw: _Raw) -> bool:
    """An "Art. 6/9" citation with letters and no other law named: the GDPR's."""
    return (raw.marker != "§" and (raw.gdpr_law or not raw.law) and len(raw.sections) == 1
            and raw.sections[0] in _TARGET_PARAGRAPH and any(g.letters for g in raw.groups))


def find_citations(text: str, *, article: str | int | None = None) -> list[Citation]:
    """Every citation of a provision in ``text``, in order, as :class:`Citation` objects.

    Recognised: "Art. 6 Abs. 1 lit. e DSGVO", "Art. 6 Abs. 1 Buchst. e) DSGVO",
    "Art. 6 (1) e GDPR", "Art. 6(1)(e)", "Art. 6 I c", "Art. 6 Abs. 1 S. 1 lit. c",
    "Article 6(1)(c)", "Art. 6.1.c", "Art. 6 Abs. 1 lit. b und f" (two letters),
    "lit. a, b", "lit. a-c", "Art. 9 Abs. 2 lit. b", "Art. 10 DSGVO", and any
    "§ …" or "Art. … <law>" citation of another law ("§§ 2 ff. BMG", "§ 7 KAG NRW",
    "Art. 4 BayDSG", "§ 2 der Hundesteuersatzung").

    An "Art." citation without a law's name counts as one of the GDPR when it
    gives letters of Art. 6 or 9, or when the text names the GDPR or cites it
    elsewhere; otherwise it is a provision of an unnamed law. "lit. e" on its
    own counts only after a citation of Art. 6(1) or 9(2) in the same text, or
    when ``article`` ("6" or "9") says which article the text is about.
    """
    if not isinstance(text, str) or not text:
        return []
    art = str(article) if article is not None else None
    if len(text) <= _CACHE_TEXT:
        return list(_cached_citations(text, art))
    return _find_citations(text, art)


_CACHE_TEXT = 2000
"""Texts up to this length are cached: the same citations recur in every row of a sheet."""


@lru_cache(maxsize=4096)
def _cached_citations(text: str, article: str | None) -> tuple[Citation, ...]:
    return tuple(_find_citations(text, article))


def _find_citations(text: str, article: str | None) -> list[Citation]:
    reader = _Reader(text)
    raws: list[_Raw] = []
    pos = 0
    while True:
        match = _START.search(text, pos)
        if match is None:
            break
        raw = reader.citation(match)
        raws.append(raw)
        pos = max(raw.end, match.end())
    # Letters on their own, read in the context of the citation before them.
    default = article if article in _TARGET_PARAGRAPH else None
    extra: list[_Raw] = []
    for match in _STRAY_LETTERS.finditer(text):
        if any(r.start <= match.start() < r.end for r in raws):
            continue
        before = [r for r in raws if r.end <= match.start() and _has_gdpr_letters(r)]
        context = before[-1].sections[0] if before else default
        if context is None:
            continue
        raw = reader.context_letters(match.start(), context)
        if raw is not None:
            extra.append(raw)
    raws = sorted(raws + extra, key=lambda r: r.start)

    gdpr_context = bool(_GDPR_ANYWHERE.search(text)) or any(
        r.gdpr_law or _has_gdpr_letters(r) for r in raws)
    found: list[Citation] = []
    for raw in raws:
        if raw.marker == "ctx":
            gdpr = True
        elif raw.law:
            gdpr = raw.gdpr_law
        else:
            gdpr = raw.marker == "art" and (_has_gdpr_letters(raw) or gdpr_context)
        ids, complete = _gdpr_ids(raw) if gdpr else _national_ids(raw)
        start, end = raw.start, raw.end
        while end > start and text[end - 1].isspace():
            end -= 1
        found.append(Citation(text[start:end], start, end, gdpr, raw.sections[0], raw.law,
                              ids, complete))
    return found


# --------------------------------------------------------------- parse_legal_bases

@dataclass(frozen=True, slots=True)
class LegalBasisParse:
    """What :func:`parse_legal_bases` read from a text.

    ``ids`` are vocabulary ids in order of appearance (``art6-1-e``, ``art9-2-b``,
    ``art10``, national provision ids like ``bdsg-26`` or ``by-baydsg-4``);
    ``provisions`` are citations kept as written because no id says all they say
    (``§§ 2 ff. BMG``, ``§ 7 KAG NRW``); ``rest`` is the text that is no citation
    (purpose text and the like), trimmed, with the words that only joined the
    citations to it ("gem.", "i.V.m.", ", ") removed.
    """

    ids: list[str]
    provisions: list[str]
    rest: str


def _phrases(table: Mapping[str, Iterable[str]]) -> Mapping[str, str]:
    return MappingProxyType({_key(p): basis for basis, words in table.items() for p in words})


_ART6_PHRASES = {
    "art6-1-a": ("Einwilligung", "Consent", "Einwilligung der betroffenen Person",
                 "Consentement"),
    "art6-1-b": ("Vertrag", "Contract", "Vertragserfüllung", "Vertragsdurchführung",
                 "Erfüllung eines Vertrages", "Erfüllung eines Vertrags",
                 "Erfüllung des Vertrages", "Erfüllung des Vertrags", "Vertragsverhältnis",
                 "vorvertragliche Maßnahmen", "Performance of a contract", "Contrat",
                 "Exécution d'un contrat"),
    "art6-1-c": ("Rechtliche Verpflichtung", "Gesetzliche Verpflichtung", "Rechtspflicht",
                 "Gesetzliche Pflicht", "Erfüllung einer rechtlichen Verpflichtung",
                 "Erfüllung einer gesetzlichen Verpflichtung", "Legal obligation",
                 "Compliance with a legal obligation", "Obligation légale"),
    "art6-1-d": ("Lebenswichtige Interessen", "Lebenswichtiges Interesse",
                 "Schutz lebenswichtiger Interessen", "Vital interests", "Vital interest",
                 "Sauvegarde des intérêts vitaux", "Intérêts vitaux"),
    "art6-1-e": ("Öffentliche Aufgabe", "Öffentliches Interesse",
                 "Aufgabe im öffentlichen Interesse",
                 "Wahrnehmung einer Aufgabe im öffentlichen Interesse",
                 "Wahrnehmung einer öffentlichen Aufgabe", "Ausübung öffentlicher Gewalt",
                 "Wahrnehmung einer Aufgabe im öffentlichen Interesse oder in Ausübung "
                 "öffentlicher Gewalt", "Hoheitliche Aufgabe", "Public task", "Public interest",
                 "Official authority", "Task in the public interest",
                 "Mission d'intérêt public", "Mission de service public"),
    "art6-1-f": ("Berechtigte Interessen", "Berechtigtes Interesse",
                 "Wahrung berechtigter Interessen", "Legitimate interests", "Legitimate interest",
                 "Intérêt légitime", "Intérêts légitimes"),
}
# Art. 9(2) wordings that can't mean anything else.
_ART9_PHRASES = {
    "art9-2-a": ("Ausdrückliche Einwilligung", "Explicit consent", "Consentement explicite"),
}
# Art. 9(2) wordings read as such only in a column about Art. 9 (``article="9"``),
# e.g. the ICO template's "Article 9 condition for processing special category data".
_ART9_COLUMN_PHRASES = {
    "art9-2-a": ("Einwilligung", "Consent"),
    "art9-2-b": ("Employment, social security and social protection", "Employment",
                 "Arbeitsrecht", "Soziale Sicherheit", "Sozialschutz"),
    "art9-2-c": ("Vital interests", "Lebenswichtige Interessen"),
    "art9-2-d": ("Not-for-profit bodies", "Not-for-profit body"),
    "art9-2-e": ("Made public by the data subject", "Manifestly made public",
                 "Offensichtlich öffentlich gemacht"),
    "art9-2-f": ("Legal claims or judicial acts", "Legal claims", "Rechtsansprüche"),
    "art9-2-g": ("Reasons of substantial public interest", "Substantial public interest",
                 "Erhebliches öffentliches Interesse"),
    "art9-2-h": ("Health or social care", "Gesundheitsvorsorge", "Arbeitsmedizin"),
    "art9-2-i": ("Public health", "Öffentliche Gesundheit"),
    "art9-2-j": ("Archiving, research and statistics", "Archiving, research or statistics",
                 "Archivzwecke"),
}
_PAREN_QUALIFIER = re.compile(
    r"\((?:if authori[sz]ed by law|with a basis in law|if applicable|falls zutreffend)\)", _I)
_LEADING_LETTER = re.compile(rf"^\(?([a-j])\){_HSPACE}*", _I)
_LONE_LETTER = re.compile(
    rf"^(?:(?:lit(?:era|\.)?|Buchst(?:abe|\.)?){_HSPACE}*)?\(?([a-j])\)?\.?$", _I)


@cache
def _phrase_tables() -> tuple[Mapping[str, str], Mapping[str, str], Mapping[str, str]]:
    """(Art. 6 and unambiguous words, Art. 9 column words, every wording) folded to ids."""
    general: dict[str, str] = {}
    column: dict[str, str] = {}
    for term in vocab.legal_bases():
        target = general if not term.id.startswith("art9-") else column
        for label in (term.de, term.en):
            target.setdefault(_key(label), term.id)
    general.update(_phrases(_ART6_PHRASES))
    general.update(_phrases(_ART9_PHRASES))
    for term in vocab.legal_bases():
        if term.id.startswith("art9-"):
            general.setdefault(_key(term.de), term.id)
            general.setdefault(_key(term.en), term.id)
    column.update(_phrases(_ART9_COLUMN_PHRASES))
    column.update(_phrases(_ART9_PHRASES))
    every: dict[str, set[str]] = {}
    for table in (general, column):
        for key, basis in table.items():
            every.setdefault(key, set()).add(basis)
    joined = {key: " ".join(sorted(ids)) for key, ids in every.items()}
    return MappingProxyType(general), MappingProxyType(column), MappingProxyType(joined)


def _phrase_id(text: str, article: str | None) -> str | None:
    """The legal basis a whole value names in words ("Consent", "Einwilligung"), if any."""
    general, column, _ = _phrase_tables()
    value = _PAREN_QUALIFIER.sub(" ", text).strip()
    letter = None
    lead = _LEADING_LETTER.match(value)
    if lead and value[lead.end():].strip():
        letter = lead.group(1).lower()
        value = value[lead.end():]
    key = _key(value)
    if not key:
        return None
    found = (column.get(key) or general.get(key)) if article == "9" else general.get(key)
    if letter and found and not found.endswith(f"-{letter}"):
        return None
    return found


_SEPARATOR_WORDS = re.compile(r"\s*(?:[,;/\n+&]|\bund\b|\band\b|\bsowie\b)\s*", _I)


def _redundant(rest: str, ids: list[str]) -> bool:
    """True if ``rest`` only names, in words, legal bases that ``ids`` already hold."""
    _, _, every = _phrase_tables()
    have = set(ids)

    def names_held(piece: str) -> bool:
        key = _key(_PAREN_QUALIFIER.sub(" ", piece))
        return bool(key) and bool(set(every.get(key, "").split()) & have)

    if names_held(rest):
        return True
    pieces = [p for p in _SEPARATOR_WORDS.split(rest) if p.strip()]
    return bool(pieces) and all(names_held(p) for p in pieces)


_MARK = "\x00"
_CONNECTOR = (
    r"(?:,|;|/|\+|&|-|–|—|und\b|sowie\b|oder\b|bzw\b\.?|i\.\s?V\.\s?m\.?|iVm\b|"
    r"in\s+Verbindung\s+mit\b|and\b|or\b|as\s+well\s+as\b|in\s+conjunction\s+with\b|"
    r"together\s+with\b|with\b|mit\b)"
)
_PREPOSITION = (
    r"(?:gem\.|gemäß|gemaess|gemäss|nach\b|laut\b|lt\.|aufgrund\b|auf\s+Grund(?:lage)?"
    r"(?:\s+(?:von|des|der|dem))?\b|auf\s+der\s+Grundlage(?:\s+(?:von|des|der|dem))?\b|"
    r"basierend\s+auf\b|gestützt\s+auf\b|im\s+Sinne\s+(?:des|der|von)\b|i\.\s?S\.\s?[dv]\.|"
    r"iSd\b|iSv\b|entsprechend\b|under\b|pursuant\s+to\b|according\s+to\b|"
    r"in\s+accordance\s+with\b|based\s+on\b|as\s+per\b|per\b|see\b|vgl\.|siehe\b|cf\.|"
    r"Rechtsgrundlagen?\b(?:\s*\(en\))?\s*:?|RGL\b\s*:?|Rgl\.\s*:?|"
    r"(?:Lawful|Legal)\s+bas[ie]s\b\s*:?)"
)
_RE_BETWEEN = re.compile(rf"{_MARK}(?:\s*{_CONNECTOR})+\s*(?={_MARK})", _I)
_RE_PREP = re.compile(rf"(?<![\w]){_PREPOSITION}\s*(?={_MARK})", _I)
_RE_BRACKETS = re.compile(rf"[(\[]\s*((?:{_MARK}\s*)+)[)\]]")
_RE_LEADING = re.compile(rf"^[ \t]*(?:{_CONNECTOR}[ \t]*)+(?={_MARK})", _I | re.MULTILINE)
_RE_TRAILING = re.compile(rf"(?<={_MARK})(?:[ \t]*{_CONNECTOR})+[ \t]*$", _I | re.MULTILINE)
_EDGE_CHARS = " \t,;:/+&-–—"
_EDGE_WORDS = ("und", "sowie", "oder", "and", "or", "i.v.m.", "i.v.m", "i. v. m.")


def _strip_edges(line: str) -> str:
    """``line`` without separators and joining words at either end (linear, no regex)."""
    while True:
        line = line.strip(_EDGE_CHARS)
        low = line.casefold()
        for word in _EDGE_WORDS:
            n = len(word)
            if low.startswith(word) and (len(low) == n or not low[n].isalnum()):
                line = line[n:]
                break
            if low.endswith(word) and (len(low) == n or not low[-n - 1].isalnum()):
                line = line[:-n]
                break
        else:
            return line


def _rest(text: str, citations: list[Citation]) -> str:
    """``text`` without the citations and the words that only joined them to it."""
    if not citations:
        return _tidy(text)
    pieces: list[str] = []
    pos = 0
    for c in citations:
        pieces.append(text[pos:c.start])
        pieces.append(_MARK)
        pos = c.end
    pieces.append(text[pos:])
    s = "".join(pieces)
    previous = None
    while s != previous:
        previous = s
        s = _RE_BETWEEN.sub(_MARK, s)
        s = _RE_PREP.sub("", s)
        s = _RE_BRACKETS.sub(lambda m: m.group(1), s)
        s = _RE_LEADING.sub("", s)
        s = _RE_TRAILING.sub("", s)
    s = re.sub(rf"([,;])\s*{_MARK}+\s*(?=[,;])", "", s)
    s = s.replace(_MARK, " ")
    return _tidy(s)


def _tidy(text: str) -> str:
    lines = []
    for line in _normalise_breaks(text).split("\n"):
        line = re.sub(r"[ \t\u00a0]+", " ", line)
        line = re.sub(r" ([,;.:)\]])", r"\1", line)
        line = re.sub(r"([(\[]) ", r"\1", line)
        line = re.sub(r"\.\s+\.", ".", line)
        line = re.sub(r"([,;])(?:\s*[,;])+", r"\1", line)
        line = _strip_edges(line.strip()).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def parse_legal_bases(text: str, *, article: str | int | None = None) -> LegalBasisParse:
    """The legal bases a text cites, the provisions kept as written, and the rest.

    * GDPR citations in the usual ways of writing (see :func:`find_citations`)
      become ids: "Art. 6 Abs. 1 lit. e DSGVO" -> ``art6-1-e``, "Art. 6 Abs. 1 lit.
      b und f" -> ``art6-1-b``, ``art6-1-f``; "Art. 10 DSGVO" -> ``art10``.
    * Citations of known national provisions become their ids ("Art. 4 BayDSG"
      -> ``by-baydsg-4``, "§ 26 Abs. 1 BDSG" -> ``bdsg-26``); all other citations
      are kept as written in ``provisions`` ("§§ 2 ff. BMG", "§ 7 KAG NRW"), and so
      are GDPR citations that no id expresses fully ("Art. 6 Abs. 1 DSGVO",
      "Art. 6 Abs. 1 lit. e, Abs. 3 DSGVO", "Art. 88 DSGVO").
    * A value that is nothing but the name of a lawful basis in words becomes its
      id: "Consent" / "Einwilligung" -> ``art6-1-a``, "Contract" / "Vertrag" -> b,
      "Legal obligation" / "Rechtliche Verpflichtung" -> c, "Vital interests" -> d,
      "Public task" / "Öffentliche Aufgabe" -> e, "Legitimate interests" /
      "Berechtigte Interessen" -> f (also several joined by "," or "und"). With
      ``article="9"`` (a column about Art. 9 conditions) the ICO wordings of
      Art. 9(2) are read too ("Explicit consent", "Employment, social security
      and social protection (if authorised by law)", "(h) Health or social care").
    * ``rest`` is the text without the citations ("Führung des Melderegisters gem.
      §§ 2 ff. BMG i.V.m. Art. 6 Abs. 1 lit. c DSGVO" -> "Führung des
      Melderegisters"). Words that only name a basis already among ``ids``
      ("Public task (Article 6(1)(e))", "Einwilligung nach Art. 6 Abs. 1 lit. a")
      are dropped from it; everything else stays.
    """
    if not isinstance(text, str) or not text.strip():
        return LegalBasisParse([], [], "")
    art = str(article) if article is not None else None
    if len(text) <= _CACHE_TEXT:
        ids, provisions, rest = _cached_legal_bases(text, art)
    else:
        ids, provisions, rest = _parse_legal_bases(text, art)
    return LegalBasisParse(list(ids), list(provisions), rest)


@lru_cache(maxsize=4096)
def _cached_legal_bases(text: str, art: str | None) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    return _parse_legal_bases(text, art)


def _parse_legal_bases(text: str, art: str | None) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    text = _normalise_breaks(text)
    citations = find_citations(text, article=art)
    if not citations:
        lone = _LONE_LETTER.match(text.strip())
        if lone and art in _TARGET_PARAGRAPH:
            basis = f"art{art}-{_TARGET_PARAGRAPH[art]}-{lone.group(1).lower()}"
            if basis in vocab.legal_bases():
                return (basis,), (), ""
        words = _phrase_list(text, art)
        if words:
            return tuple(words), (), ""
        return (), (), "\n".join(line.strip() for line in text.split("\n") if line.strip())
    ids: list[str] = []
    provisions: list[str] = []
    for c in citations:
        if c.complete and c.ids:
            ids.extend(c.ids)
        else:
            provisions.append(c.text)
    ids = list(dict.fromkeys(ids))
    provisions = list(dict.fromkeys(provisions))
    rest = _rest(text, citations)
    if rest and ids and _redundant(rest, ids):
        rest = ""
    return tuple(ids), tuple(provisions), rest


def _phrase_list(text: str, article: str | None) -> list[str]:
    """Ids of a value made only of lawful-basis words ("Vertrag, berechtigtes Interesse")."""
    whole = _phrase_id(text, article)
    if whole:
        return [whole]
    pieces = [p for p in _SEPARATOR_WORDS.split(text) if p.strip()]
    if len(pieces) < 2:
        return []
    ids = [_phrase_id(p, article) for p in pieces]
    if all(ids):
        return list(dict.fromkeys(i for i in ids if i))
    return []


# ---------------------------------------------------------------------- countries

_UMBRELLA = frozenset(_key(t) for t in (
    "EU", "EWR", "EEA", "EU/EWR", "EU/EEA", "EU-EWR", "EU und EWR", "EU/EWR-Raum",
    "EU-Mitgliedstaaten", "EU-Staaten", "EU-Ausland", "EWR-Staaten", "EU and EEA",
    "Europäische Union", "European Union", "Europäischer Wirtschaftsraum",
    "European Economic Area", "innerhalb der EU", "innerhalb der EU/EWR",
    "innerhalb des EWR", "within the EU", "within the EEA", "Union européenne", "UE",
))
_EXTRA_COUNTRY_NAMES = {
    "US": ("Vereinigte Staaten", "Vereinigten Staaten", "Vereinigten Staaten von Amerika",
           "Amerika", "U.S.", "U.S.A.", "United States", "Etats-Unis", "États-Unis"),
    "GB": ("Vereinigtes Königreich", "Vereinigten Königreich", "Vereinigtem Königreich",
           "Royaume-Uni"),
    "KR": ("Südkorea", "South Korea"),
    "AE": ("Vereinigten Arabischen Emiraten", "VAE"),
    "NL": ("Niederlanden",),
    "CH": ("Suisse",),
    "DE": ("Allemagne",),
}
_INT_ORGS = {
    "int-epo": ("Europäische Patentorganisation", "European Patent Organisation",
                "European Patent Organization", "EPO", "EPA"),
}
_LEADING_WORDS = re.compile(
    r"^(?:(?:nach|in|into|to|an|die|den|der|dem|the|ins|aus|from|vers|en|au|aux|le|la|les)\s+)+",
    _I)


@cache
def _country_names() -> tuple[Mapping[str, str], int]:
    """Folded country names and aliases (no codes) -> code, and the longest name in words."""
    names: dict[str, str] = {}

    def put(key: str, code: str) -> None:
        if key:
            names[key] = "" if names.get(key, code) != code else code

    for term in vocab.countries():
        code = term.id.upper()
        for name in (term.de, term.en, *term.attrs.get("aliases", ())):
            if len(_key(str(name))) > 2:
                put(_key(str(name)), code)
    for code, extra in _EXTRA_COUNTRY_NAMES.items():
        for name in extra:
            put(_key(name), code)
    for org, org_names in _INT_ORGS.items():
        for name in org_names:
            put(_key(name), org)
    longest = max(len(k.split()) for k in names)
    return MappingProxyType(names), longest


@cache
def _country_codes() -> Mapping[str, str]:
    """Upper-case alpha-2 and alpha-3 codes -> alpha-2."""
    codes: dict[str, str] = {}
    for term in vocab.countries():
        codes[term.id.upper()] = term.id.upper()
        alpha3 = str(term.attrs.get("alpha3", "")).upper()
        if alpha3:
            codes[alpha3] = term.id.upper()
    codes["UK"] = "GB"
    codes["EL"] = "GR"
    return MappingProxyType(codes)


def _exact_country(text: str) -> str | None:
    """The country a value names exactly (name, alias or code; articles and "in die" allowed)."""
    value = text.strip().strip(".,;:")
    if not value:
        return None
    key = _key(value)
    if key in _UMBRELLA:
        return None
    names, _ = _country_names()
    for candidate in (key, _key(_LEADING_WORDS.sub("", value))):
        code = names.get(candidate)
        if code:
            return code
    compact = re.sub(r"[.\s]", "", _LEADING_WORDS.sub("", value))
    if compact.isupper() and compact in _country_codes():
        return _country_codes()[compact]
    # Short lower-case words ("in", "no", "de") are no codes; longer spellings may be.
    code = vocab.country_code(value) if len(key) > 3 else None
    return code or None


def _countries_in(text: str) -> list[str]:
    """Every country named somewhere in ``text``: names in any case, codes only in capitals."""
    names, longest = _country_names()
    words = list(re.finditer(r"[^\W\d_]+(?:[.'’-][^\W\d_]+)*\.?", text))
    keys = [_key(w.group(0)) for w in words]
    found: list[str] = []
    i = 0
    while i < len(words):
        hit = None
        for size in range(min(longest, len(words) - i), 0, -1):
            key = " ".join(k for k in keys[i:i + size] if k)
            code = names.get(key) if key else None
            if code:
                hit = (code, size)
                break
        if hit is None:
            token = re.sub(r"\.", "", words[i].group(0))
            if token.isupper() and 2 <= len(token) <= 3 and token in _country_codes():
                hit = (_country_codes()[token], 1)
        if hit:
            found.append(hit[0])
            i += hit[1]
        else:
            i += 1
    return list(dict.fromkeys(found))


def parse_country(text: str) -> str | None:
    """The upper-case ISO 3166-1 alpha-2 code of the one country ``text`` names, else None.

    Reads German, English and French names, aliases and codes as
    :func:`vocab.country_code` does ("Deutschland" -> "DE", "USA" -> "US"),
    also inside a phrase ("in die USA", "Vereinigte Staaten (USA)", "Google
    Ireland Ltd., Dublin" -> "IE"). Codes inside a phrase count only when written
    in capitals, so "in", "no" or "es" are never India, Norway or Spain. The
    European Patent Organisation gives ``int-epo``. Returns None for the umbrella
    terms "EU", "EWR", "EU/EWR" (no country, and no third country), for unknown
    text and for text naming several different countries.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    if _key(text) in _UMBRELLA:
        return None
    code = _exact_country(text)
    if code:
        return code
    found = _countries_in(text)
    return found[0] if len(found) == 1 else None


_NONE_WORDS = frozenset(_key(t) for t in (
    "keine", "kein", "keiner", "nein", "none", "no", "non", "n/a", "na", "entfällt",
    "entfaellt", "0", "nicht zutreffend", "not applicable", "sans objet", "aucun", "aucune",
    "findet nicht statt", "nicht vorgesehen", "nicht geplant", "erfolgt nicht",
    "keine Übermittlung", "keine Drittlandübermittlung", "keine Übermittlung in Drittländer",
    "keine Übermittlung in ein Drittland", "keine Drittländer", "no transfer", "no transfers",
    "none planned", "keine geplant", "nein, findet nicht statt", "findet nicht statt.",
))
_NONE_PHRASE = re.compile(
    r"findet\s+nicht\s+statt|erfolgt\s+nicht|keine\s+(?:drittland)?[üu]e?bermittlung|"
    r"keine\s+[üu]e?bermittlung|no\s+transfers?\b|not\s+transferred|nicht\s+vorgesehen", _I)
_LEAD_PHRASE = re.compile(
    r"^\s*(?:findet\s+(?:wie\s+folgt\s+)?statt|erfolgt|ja|yes)\b\s*[:,\-–]?\s*", _I)


def parse_countries(text: str) -> tuple[list[str], bool, str]:
    """(ISO codes, explicit "none", rest) of a third-country cell.

    * "findet nicht statt", "keine", "nein", "none", "no", "entfällt", "-" and the
      like give ``([], True, "")``. A cell that says so in more words ("Findet
      nicht statt, alle Daten bleiben in Deutschland") gives ``([], True, text)``:
      countries named next to "none" are context, not transfers.
    * Otherwise the cell is split (lines, ";", bullets, then "," "und" "/") and
      every part read with :func:`parse_country`: "USA, Schweiz" -> ``(["US",
      "CH"], False, "")``. A lead-in like "findet wie folgt statt:" is dropped.
    * Parts that name no country (and the umbrella terms "EU", "EWR") go to
      ``rest`` (joined by "; "), and so does a part in which a country was found
      inside longer text ("USA (Microsoft)"), so that nothing is lost.
    """
    if not isinstance(text, str) or not text.strip():
        return [], False, ""
    stripped = _normalise_breaks(text).strip()
    if _ONLY_MARKERS.match(stripped) or _key(stripped) in _NONE_WORDS:
        return [], True, ""
    if _NONE_PHRASE.search(stripped):
        return [], True, stripped
    body = _LEAD_PHRASE.sub("", stripped)
    if not body.strip():  # "ja" / "findet statt" without a country
        return [], False, stripped
    codes: list[str] = []
    rest: list[str] = []
    for part in split_values(body):
        code = _exact_country(part)
        if code:
            codes.append(code)
            continue
        pieces = [p for p in re.split(r"\s*(?:,|/|\bund\b|\band\b|\bsowie\b)\s*", part) if p]
        exact = [_exact_country(p) for p in pieces]
        if len(pieces) > 1 and all(exact):
            codes.extend(c for c in exact if c)
            continue
        found = _countries_in(part)
        codes.extend(found)
        rest.append(part)
    return list(dict.fromkeys(codes)), False, "; ".join(rest)


# ---------------------------------------------------------------------- mechanism

_SCC = re.compile(
    r"standard\s?(?:vertrags|datenschutz)?\s?klauseln|standardvertragsklauseln|"
    r"standarddatenschutzklauseln|\bsccs?\b|standard\s+contractual\s+clauses|"
    r"standard\s+data\s+protection\s+clauses|\bsvk\b|clauses\s+contractuelles\s+types", _I)
_MODULE = re.compile(
    r"\b(?:modul|module|mod\.)e?s?\s*\(?\d\)?(?:\s*(?:,|und|and|&|/|\+|bzw\.?|oder|or)\s*"
    r"\(?\d\)?)*", _I)
_MODULE_WORDS = (
    (re.compile(r"controller[\s-]+(?:to|2)[\s-]+controller|\bc2c\b|verantwortliche[rn]?\s+"
                r"(?:an|zu)\s+verantwortliche", _I), "1"),
    (re.compile(r"controller[\s-]+(?:to|2)[\s-]+processor|\bc2p\b|verantwortliche[rn]?\s+"
                r"(?:an|zu)\s+auftragsverarbeiter", _I), "2"),
    (re.compile(r"processor[\s-]+(?:to|2)[\s-]+processor|\bp2p\b|auftragsverarbeiter\s+"
                r"(?:an|zu)\s+(?:unter)?auftragsverarbeiter", _I), "3"),
    (re.compile(r"processor[\s-]+(?:to|2)[\s-]+controller|\bp2c\b|auftragsverarbeiter\s+"
                r"(?:an|zu)\s+verantwortliche", _I), "4"),
)
_MECHANISM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("privacy-shield", re.compile(r"privacy[\s-]*shield", _I)),
    ("dpf", re.compile(r"data\s+privacy\s+framework|\b(?:eu[\s-]*u\.?s\.?[\s-]*)?dpf\b", _I)),
    ("scc-sa", re.compile(r"aufsichtsbeh[öo]e?rde\w*\s+(?:angenommen|erlassen)\w*\s+"
                          r"standard\w*klauseln|adopted\s+by\s+a\s+supervisory\s+authority", _I)),
    ("bcr", re.compile(r"\bbcrs?\b|binding\s+corporate\s+rules|verbindliche\w*\s+interne\w*\s+"
                       r"datenschutzvorschriften|verbindliche\w*\s+unternehmensregeln", _I)),
    ("code", re.compile(r"verhaltensregeln|code\s+of\s+conduct", _I)),
    ("certification", re.compile(r"zertifizierungsmechanismus|genehmigte\w*\s+zertifizierung|"
                                 r"certification\s+mechanism", _I)),
    ("adequacy", re.compile(r"angemessenheits(?:beschluss|entscheidung|feststellung)|"
                            r"adequacy(?:\s+decision)?|d[ée]cision\s+d'ad[ée]quation", _I)),
)
_ARTICLE_MECHANISMS = {
    ("45", None, None): "adequacy",
    ("46", "2", "a"): "art46-2-a", ("46", "2", "b"): "bcr", ("46", "2", "d"): "scc-sa",
    ("46", "2", "e"): "code", ("46", "2", "f"): "certification", ("46", "3", None): "art46-3",
    ("47", None, None): "bcr",
}
_ART49_WORDS = re.compile(r"^(?:ausdrückliche\s+einwilligung|explicit\s+consent|einwilligung|"
                          r"consent)$", _I)
_MECHANISM_FILLER = re.compile(
    r"\b(?:eu|eu-?us|us|der|des|die|the|of|nach|gem\.|gemäß|gemaess|on|basis|grundlage|"
    r"auf|von|vom|durch|mit|with|via|kommission|commission|eu-?kommission|europäischen|"
    r"european|beschluss|decision|durchführungsbeschluss|implementing|neue|new|aktuelle|"
    r"current|2021/914|2023/1795|\(eu\)|dsgvo|ds-gvo|gdpr|zertifizierung|certification|"
    r"certified|zertifiziert|unter|under|dem|den|ein|eine|a|an|und|and|art\.?|artikel|"
    r"article|abs\.?|lit\.?|\d+|[a-g])\b|[()\[\],;:./\-–]", _I)


def parse_mechanism(text: str) -> tuple[str, str]:
    """(transfer-mechanism vocabulary id or "", text kept) of a safeguards cell.

    * "SCC Modul 2", "Standardvertragsklauseln (Modul 2)", "SCC module 2 (controller
      to processor)" -> ``scc-2`` (modules 1-4, also "C2P" and the like). Standard
      clauses without a module get no id ("Standardvertragsklauseln" -> ("",
      text)): which module applies can't be guessed.
    * "Angemessenheitsbeschluss", "adequacy decision", "Art. 45" -> ``adequacy``;
      "Data Privacy Framework", "DPF", "EU-US DPF" -> ``dpf``; "BCR",
      "verbindliche interne Datenschutzvorschriften", "Art. 47" -> ``bcr``;
      "Privacy Shield" -> ``privacy-shield`` (recognised so that the rules flag it
      as invalid); "Art. 49 Abs. 1 lit. a" (or "Einwilligung", "explicit consent"
      alone) -> ``art49-1-a``; "Art. 49 Abs. 1 UAbs. 2" -> ``art49-1-2``; the
      other letters of Art. 46(2) and Art. 46(3) likewise.
    * The second element is "" when the id says everything the text said, and
      the full original text whenever anything else is in it ("SCC Modul 2 + TIA",
      two mechanisms, an unrecognised text). With several mechanisms the first
      one named gets the id.
    """
    if not isinstance(text, str) or not text.strip():
        return "", ""
    original = text.strip()
    hits: list[tuple[int, str, list[tuple[int, int]]]] = []
    for mechanism, pattern in _MECHANISM_PATTERNS:
        for match in pattern.finditer(original):
            hits.append((match.start(), mechanism, [match.span()]))
    for match in _SCC.finditer(original):
        spans = [match.span()]
        modules = {d for m in _MODULE.finditer(original) for d in re.findall(r"\d", m.group(0))}
        for pattern, module in _MODULE_WORDS:
            for word in pattern.finditer(original):
                modules.add(module)
                spans.append(word.span())
        spans += [m.span() for m in _MODULE.finditer(original)]
        if len(modules) == 1 and modules <= {"1", "2", "3", "4"}:
            if not any(h[1] == "scc-sa" for h in hits):
                hits.append((match.start(), f"scc-{modules.pop()}", spans))
        else:
            hits.append((match.start(), "", spans))
    for c in find_citations(original):
        if not c.gdpr and c.law:
            continue
        key = _article_key(c)
        mechanism = _ARTICLE_MECHANISMS.get(key) or _ARTICLE_MECHANISMS.get(
            (key[0], key[1], None)) or _ARTICLE_MECHANISMS.get((key[0], None, None))
        if key[0] == "49":
            mechanism = _art49(c.text)
        if mechanism:
            hits.append((c.start, mechanism, [(c.start, c.end)]))
    if not hits and _ART49_WORDS.match(original):
        return "art49-1-a", ""
    named = [h for h in hits if h[1]]
    if not named:
        return "", original
    named.sort(key=lambda h: h[0])
    first = named[0][1]
    if len({h[1] for h in hits}) > 1:
        return first, original
    leftover = original
    for _, _, spans in sorted(hits, key=lambda h: -h[0]):
        for start, end in sorted(spans, reverse=True):
            leftover = leftover[:start] + " " * (end - start) + leftover[end:]
    leftover = _ART49_WORDS_ANYWHERE.sub(" ", leftover) if first == "art49-1-a" else leftover
    leftover = _MECHANISM_FILLER.sub(" ", leftover)
    return (first, "") if not leftover.strip() else (first, original)


_ART49_WORDS_ANYWHERE = re.compile(r"ausdrückliche\s+einwilligung|explicit\s+consent|"
                                   r"einwilligung|consent|ausnahme|derogation", _I)


def _article_key(c: Citation) -> tuple[str, str | None, str | None]:
    match = re.search(r"(?:Abs(?:atz)?\.?\s*|\()(\d)\)?", c.text[len("Art"):], _I)
    letter = re.search(r"(?:lit\.?|Buchst\.?|\()\s*\(?([a-g])\)", c.text + ")", _I)
    return c.article, match.group(1) if match else None, letter.group(1).lower() if letter else None


def _art49(citation: str) -> str | None:
    if re.search(r"U\s?Abs\.?\s*2|Unterabs\w*\.?\s*2|second\s+sub-?paragraph|"
                 r"Abs\.?\s*1\s*S(?:atz|\.)\s*2|\(1\)\s*(?:S\.|Satz|sub-?para\w*\.?)\s*2",
                 citation, _I):
        return "art49-1-2"
    match = re.search(r"(?:lit\.?|Buchst\w*\.?|\(1\))\s*\(?([a-g])\)?(?![\w])", citation, _I)
    return f"art49-1-{match.group(1).lower()}" if match else None


# -------------------------------------------------------------------------- dates

_MONTHS = {
    **dict.fromkeys(("januar", "jan", "january", "janvier", "janner", "jänner"), 1),
    **dict.fromkeys(("februar", "feb", "febr", "february", "fevrier", "février"), 2),
    **dict.fromkeys(("marz", "märz", "maerz", "mar", "mrz", "march", "mars"), 3),
    **dict.fromkeys(("april", "apr", "avril"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june", "juin"), 6),
    **dict.fromkeys(("juli", "jul", "july", "juillet"), 7),
    **dict.fromkeys(("august", "aug", "aout", "août"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october", "octobre"), 10),
    **dict.fromkeys(("november", "nov", "novembre"), 11),
    **dict.fromkeys(("dezember", "dez", "dec", "december", "decembre", "décembre"), 12),
}
_TIME = r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Uhr|Z|[+-]\d{2}:?\d{2}))?)?"
_PREFIX = r"(?:(?:Stand|vom|am|seit|ab|dated|as\s+of|on)\s*:?\s*)?"
_DATE_PATTERNS = (
    ("ymd", re.compile(rf"^{_PREFIX}(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}$", _I)),
    ("dmy", re.compile(rf"^{_PREFIX}(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?(\d{{4}}|\d{{2}}){_TIME}$",
                       _I)),
    ("dmy", re.compile(rf"^{_PREFIX}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}|\d{{2}}){_TIME}$", _I)),
    ("ym", re.compile(rf"^{_PREFIX}(\d{{4}})-(\d{{1,2}})$", _I)),
    ("my", re.compile(rf"^{_PREFIX}(\d{{1,2}})[/.](\d{{4}})$", _I)),
    ("dMy", re.compile(rf"^{_PREFIX}(\d{{1,2}})\.?\s*([^\W\d_]+)\.?\s+(\d{{4}})$", _I)),
    ("Mdy", re.compile(rf"^{_PREFIX}([^\W\d_]+)\.?\s+(\d{{1,2}}),?\s+(\d{{4}})$", _I)),
    ("My", re.compile(rf"^{_PREFIX}([^\W\d_]+)\.?\s+(\d{{4}})$", _I)),
)
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (20_000, 80_000)
_YEAR_RANGE = (1900, 2199)


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 70 else 1900 + value
    return value


def _make_date(year: int, month: int, day: int) -> date | None:
    if not _YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    """A date from a cell value, else None.

    * ``datetime`` values give their date, ``date`` values are returned as they are.
    * Numbers from 20,000 to 80,000 are Excel serial dates (1954-2119); a
      fraction (the time of day) is ignored. Booleans and other numbers: None.
    * Strings: "31.12.2026", "31.12.26", "1.3.2026", "2026-12-31" (a time after it
      is ignored), "31/12/2026" (day first, as in Germany and Britain),
      "31. Dezember 2026", "31 December 2026", "December 31, 2026", and a month
      with its year as the first of that month: "12/2026", "12.2026", "2026-12",
      "Dezember 2026", "Dez. 2026", "März 2026", "December 2026" (German, English
      and French month names). A leading "Stand:", "vom" or "as of" is allowed.
      Two-digit years are 2000-2069 or 1970-1999; years outside 1900-2199 and
      impossible days (31.02.) give None, as does any other text.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > 60:
        return None
    for kind, pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        g = match.groups()
        if kind == "ymd":
            return _make_date(int(g[0]), int(g[1]), int(g[2]))
        if kind == "dmy":
            return _make_date(_year(g[2]), int(g[1]), int(g[0]))
        if kind == "ym":
            return _make_date(int(g[0]), int(g[1]), 1)
        if kind == "my":
            return _make_date(int(g[1]), int(g[0]), 1)
        month_name = g[1] if kind == "dMy" else g[0]
        month = _MONTHS.get(month_name.casefold()) or _MONTHS.get(_key(month_name))
        if month is None:
            return None
        if kind == "dMy":
            return _make_date(int(g[2]), month, int(g[0]))
        if kind == "Mdy":
            return _make_date(int(g[2]), month, int(g[1]))
        return _make_date(int(g[1]), month, 1)
    return None


# ---------------------------------------------------------------------- retention

_NUMBER_WORDS = {
    **dict.fromkeys(("ein", "eine", "einen", "einem", "einer", "eins", "one", "a", "an"), 1),
    "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4,
    "fünf": 5, "fuenf": 5, "five": 5, "sechs": 6, "six": 6, "sieben": 7, "seven": 7,
    "acht": 8, "eight": 8, "neun": 9, "nine": 9, "zehn": 10, "ten": 10,
    "elf": 11, "eleven": 11, "zwölf": 12, "zwoelf": 12, "twelve": 12,
    "fünfzehn": 15, "fuenfzehn": 15, "fifteen": 15, "achtzehn": 18, "eighteen": 18,
    "zwanzig": 20, "twenty": 20, "dreißig": 30, "dreissig": 30, "thirty": 30,
    "vierzig": 40, "forty": 40, "fünfzig": 50, "fuenfzig": 50, "fifty": 50,
    "sechzig": 60, "sixty": 60, "neunzig": 90, "ninety": 90, "hundert": 100,
    "hundred": 100,
}
_UNIT_WORDS = (
    (RetentionUnit.YEARS, r"Jahr(?:e|en|es)?|J\.|years?|yrs?\.?|ans?|année?s?"),
    (RetentionUnit.MONTHS, r"Monat(?:e|en|s)?|Mon\.|Mo\.|months?|mois"),
    (RetentionUnit.WEEKS, r"Woche(?:n)?|Wo\.|weeks?|semaines?"),
    (RetentionUnit.DAYS, r"Tag(?:e|en)?|days?|jours?"),
)
_UNIT = "|".join(f"(?P<{u.name}>{words})" for u, words in _UNIT_WORDS)
_NUMBER = (r"(?P<num>\d{1,6})|(?P<word>" +
           "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True)) + ")")
_LABEL = (r"(?:(?:Aufbewahrung(?:sfrist|sdauer)?|Speicher(?:dauer|frist)|L[öo]e?schfrist|"
          r"L[öo]e?schung|Frist|Retention(?:\s+period)?|Aufbewahren|Speichern|Löschen|"
          r"Keep|Kept|Retain(?:ed)?|Stored|Delete(?:d)?|Deletion|Conservation|Durée)"
          r"\s*(?::|-|–)?\s*)?")
_PLAIN_LEAD = r"(?:(?:für|for|nach|after|pendant|für\s+die\s+Dauer\s+von|nach\s+Ablauf\s+von)\s+)?"
_QUALIFIER = (r"(?P<qual>(?:(?:nach\s+)?(?:spätestens|spaetestens|höchstens|hoechstens|"
              r"mindestens|maximal|max\.|min\.|ca\.|circa|etwa|ungefähr|bis\s+zu|binnen|"
              r"innerhalb\s+von|innerhalb|within|up\s+to|at\s+most|at\s+least|at\s+the\s+latest|"
              r"approximately|about|no\s+longer\s+than|not\s+more\s+than|after\s+at\s+most|"
              r"jusqu'à)\s+(?:nach\s+)?))?")
_AFTER_WORDS = (r"(?:nach|ab|after|from|following|beginning\s+with|beginnend\s+mit|"
                r"seit|après|à\s+compter\s+de)")
_SUFFIX = (r"(?:\s+(?:aufbewahren|aufbewahrt|gespeichert|speichern|löschen|gelöscht|"
           r"Aufbewahrung|Aufbewahrungsfrist|Speicherdauer|retention|kept|retained|stored))?")
_RETENTION = re.compile(
    rf"^\s*{_LABEL}{_QUALIFIER}{_PLAIN_LEAD}(?P<n>{_NUMBER})\s*(?P<unit>{_UNIT})(?![\w])"
    rf"(?:\s+{_AFTER_WORDS}\s+(?P<start>[^,;()\n]+?))?{_SUFFIX}\s*[.!]?\s*$", _I)
_ANY_PERIOD = re.compile(rf"(?<![\w.,])(?:\d+|{'|'.join(_NUMBER_WORDS)})\s*(?:{_UNIT})(?![\w])",
                         _I)
_MAX_DURATION = 100_000
_MAX_RETENTION_TEXT = 500
"""Longer cells are prose: kept as text without trying to read a period from them."""


def parse_retention(text: str) -> Retention:
    """The retention rule a cell states, structured where it can be.

    * One period, optionally with its start, becomes ``duration``, ``unit`` and
      ``start``: "10 Jahre" -> (10, YEARS); "6 Monate nach Abschluss des
      Verfahrens" -> (6, MONTHS, start="Abschluss des Verfahrens"); "1 Jahr nach
      Vertragsende"; "sechs Monate nach Ablauf des Vertragsverhältnisses" (German
      and English number words: ein/eins…zwölf, zwanzig, dreißig, …); "90 days";
      "3 months after the end of the contract" (start "the end of the
      contract"). "ab …" and "from …" are read as the start as well. Labels and
      plain lead words ("Löschfrist:", "Löschung nach", "für", "after") are dropped.
    * The rule for ``text``: the structured part and ``text`` together say
      everything the cell said. ``text`` stays empty when the structured part
      says it all, and holds the whole original cell when it does not: a
      qualifier ("nach spätestens 90 Tagen" -> (90, DAYS) plus the text), or
      anything after the period (a citation, a second sentence).
    * Everything else is kept as text only: "gesetzliche Aufbewahrungsfrist",
      "nach Zweckerfüllung", "bis zum Widerruf", ranges ("6-12 Monate"),
      fractions ("1,5 Jahre"), working days, and cells with more than one period.
    """
    if not isinstance(text, str) or not text.strip():
        return Retention()
    original = _normalise_breaks(text).strip()
    one_line = " ".join(original.split())
    if len(one_line) > _MAX_RETENTION_TEXT or len(_ANY_PERIOD.findall(one_line)) != 1:
        return Retention(text=original)
    match = _RETENTION.match(one_line)
    if match is None:
        # The period leads and more follows: read the leading clause, keep the whole text.
        period = _ANY_PERIOD.search(one_line)
        stop = re.compile(r"[,;(]|\.\s|\s[-–]\s").search(one_line, period.end()) if period else None
        for head in ((one_line[:stop.start()],) if stop else ()) + (
                (one_line[:period.end()],) if period else ()):
            lead = _RETENTION.match(head)
            if lead is not None:
                duration, unit = _duration(lead)
                if duration is None or unit is None:
                    break
                return Retention(duration, unit, (lead.group("start") or "").strip(), original)
        return Retention(text=original)
    duration, unit = _duration(match)
    if duration is None or unit is None:
        return Retention(text=original)
    start = (match.group("start") or "").strip()
    keep = original if match.group("qual") else ""
    return Retention(duration, unit, start, keep)


def _duration(match: re.Match[str]) -> tuple[int | None, RetentionUnit | None]:
    if match.group("num"):
        duration = int(match.group("num"))
    else:
        duration = _NUMBER_WORDS.get(match.group("word").casefold())
    if duration is None or not 0 < duration <= _MAX_DURATION:
        return None, None
    unit = next((u for u in RetentionUnit if match.group(u.name)), None)
    return duration, unit


# --------------------------------------------------------------- special categories

_NEGATION = re.compile(r"^\s*(?:keine?|ohne|nicht|no|none|not|aucune?|sans)\b", _I)
_ART10_WORDS = re.compile(
    r"straftat|vorstraf|f[üu]e?hrungszeugnis|strafrecht|strafregister|strafverfahren|"
    r"verurteilung|bundeszentralregister|\bbzr\b|art(?:ikel|\.)?\s*10\b|criminal|conviction|"
    r"offen[cs]es?\b|casier\s+judiciaire|condamnation|infractions?\b", _I)
_ART9_WORDS = re.compile(
    r"gesundheit|krankheit|krankmeld|erkrank|arbeitsunf[äa]e?hig|diagnose|befund|"
    r"behinderung|schwerbehind|schwanger|medizinisch|[äa]e?rztlich|pflegegrad|impfstatus|"
    r"impfnachweis|religi|konfession|kirchensteuer|weltanschau|gewerkschaft|biometri|"
    r"genetisch|\bdna\b|fingerabdr|sexual|sexuell|ethnisch|rassisch|politische|"
    r"parteizugeh|parteimitglied|philosoph|besondere\s+kategorie|art(?:ikel|\.)?\s*9\b|"
    r"health|medical|illness|sickness|disabilit|diagnos|pregnan|religio|belief|trade\s+union|"
    r"union\s+membership|biometric|genetic|sex\s+life|sexual|racial|ethnic|political|"
    r"special\s+categor|sant[ée]|religieu|syndical|biom[ée]tri|g[ée]n[ée]tique|"
    r"orientation\s+sexuelle|origine\s+(?:raciale|ethnique)|opinions?\s+politiques?|"
    r"donn[ée]es\s+sensibles", _I)


def parse_special_category(text: str) -> SpecialCategory:
    """Whether a data category's name marks Art. 9 or Art. 10 data.

    ART10 for criminal convictions and offences ("Straftaten", "Vorstrafen",
    "Führungszeugnis", "Verurteilungen", "criminal convictions"); ART9 for the
    special categories of Art. 9(1) in German, English or French ("Gesundheitsdaten",
    "Krankmeldungen", "Religionszugehörigkeit", "Kirchensteuermerkmal",
    "Gewerkschaftszugehörigkeit", "biometrische Daten", "genetische Daten",
    "sexuelle Orientierung", "ethnische Herkunft", "politische Meinung", "health
    data" …); NONE otherwise and for a negated name ("keine Gesundheitsdaten").
    Administrative offences (Ordnungswidrigkeiten) are not read as Art. 10 data,
    and "Herkunft" alone (the source of data) is no special category.
    """
    if not isinstance(text, str) or not text.strip() or _NEGATION.match(text):
        return SpecialCategory.NONE
    if _ART10_WORDS.search(text):
        return SpecialCategory.ART10
    if _ART9_WORDS.search(text):
        return SpecialCategory.ART9
    return SpecialCategory.NONE


# ----------------------------------------------------------------- yes/no, status

_YES = frozenset(_key(w) for w in (
    "ja", "j", "yes", "y", "x", "true", "wahr", "1", "oui", "si", "ok", "erforderlich",
    "required", "vorhanden", "zutreffend", "applicable"))
_NO = frozenset(_key(w) for w in (
    "nein", "n", "no", "false", "falsch", "0", "non", "nicht erforderlich", "not required",
    "nicht vorhanden", "nicht zutreffend", "not applicable", "keine", "kein", "none"))
_YES_MARKS = frozenset("✓✔☑☒✅")
_NO_MARKS = frozenset("✗✘☐❌")


def parse_yes_no(text: str) -> bool | None:
    """True, False or None (unknown) for a yes/no cell.

    Yes: "ja", "j", "yes", "y", "x", "✓", "true", "wahr", "1", "oui", "erforderlich",
    "required"; no: "nein", "n", "no", "false", "0", "non", "nicht erforderlich",
    "not required", "✗", "☐". A longer text counts by its first word ("Ja, siehe
    DSFA" -> True, "Nein – nicht nötig" -> False). Python booleans and the numbers
    0 and 1 are accepted too. Anything else, "-" and empty cells give None.
    """
    if isinstance(text, bool):
        return text
    if isinstance(text, int | float) and text in (0, 1):
        return bool(text)
    if not isinstance(text, str):
        return None
    value = text.strip()
    if not value:
        return None
    if value[0] in _YES_MARKS and len(value.strip(value[0]).strip()) == 0:
        return True
    if value[0] in _NO_MARKS and len(value.strip(value[0]).strip()) == 0:
        return False
    key = _key(value)
    if key in _YES:
        return True
    if key in _NO:
        return False
    first = re.match(r"^\s*([^\W_]+)\s*[,;:.!\-–(]", value)
    if first:
        word = _key(first.group(1))
        if word in _YES and word != "x":
            return True
        if word in _NO:
            return False
    return None


_STATUS_WORDS = {
    ActivityStatus.DRAFT: ("Entwurf", "draft", "in Bearbeitung", "in Arbeit", "in Erstellung",
                           "neu", "new", "offen", "open", "work in progress", "wip",
                           "brouillon", "en cours"),
    ActivityStatus.IN_REVIEW: ("in Prüfung", "Prüfung", "zur Prüfung", "zu prüfen",
                               "in Abstimmung", "in review", "review", "under review",
                               "pending review", "pending approval", "in_review",
                               "en revue", "à valider"),
    ActivityStatus.APPROVED: ("freigegeben", "approved", "aktiv", "active", "genehmigt",
                              "final", "gültig", "in Kraft", "released", "published",
                              "veröffentlicht", "aktuell", "current", "in Betrieb",
                              "validé", "valide", "actif"),
    ActivityStatus.ARCHIVED: ("archiviert", "archived", "Archiv", "inaktiv", "inactive",
                              "eingestellt", "außer Betrieb", "beendet", "historisch",
                              "obsolete", "deprecated", "retired", "archivé", "inactif"),
}


@cache
def _status_index() -> Mapping[str, ActivityStatus]:
    index = {_key(word): status for status, words in _STATUS_WORDS.items() for word in words}
    for status in ActivityStatus:
        index[_key(status.value)] = status
    return MappingProxyType(index)


def parse_status(text: str) -> ActivityStatus | None:
    """The workflow status a cell names, else None.

    "Entwurf"/"draft"/"in Bearbeitung" -> DRAFT; "in Prüfung"/"in review" ->
    IN_REVIEW; "freigegeben"/"approved"/"aktiv"/"active"/"in Betrieb" -> APPROVED
    (an activity in use is a released entry of the register); "archiviert"/
    "archived"/"inaktiv"/"eingestellt" -> ARCHIVED. Also the app's own values
    ("in_review") and a few French words.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    return _status_index().get(_key(text))


# ----------------------------------------------------------------- text hygiene

_FORMULA_START = frozenset("=+-@＝＋－＠")


def looks_like_formula(text: str) -> bool:
    """True if a spreadsheet program could take ``text`` for a formula.

    That is: after leading whitespace it starts with "=", "+", "-" or "@" (or their
    full-width forms) and has more than that one character. This only reports
    the shape; "+49 221 …" phone numbers and "- item" bullets are legitimate
    text and should be kept, and written out safely.
    """
    if not isinstance(text, str):
        return False
    value = text.lstrip()
    return len(value.rstrip()) > 1 and value[0] in _FORMULA_START


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile(r"_x000[dD]_\n?")


def clean_text(text: str) -> tuple[str, bool]:
    """(cleaned text, whether control characters were replaced) of a cell.

    Line ends become "\\n" (``\\r\\n``, ``\\r``, the Unicode line and paragraph
    separators, NEL, and Word's vertical tab and form feed, which mark manual
    line breaks); Excel's escaped carriage return "_x000D_" is read as one.
    Other control characters (and lone surrogates, which no database stores)
    are replaced by a visible "\\uFFFD" and reported with ``changed=True`` so
    that the caller can warn. Trailing spaces and tabs are removed from every
    line. Normalising line ends and trailing spaces does not count as a change.
    """
    if not isinstance(text, str):
        return "", False
    value = _EXCEL_ESCAPE.sub("\n", text)
    value = _normalise_breaks(value)
    cleaned, count = _CONTROL.subn("\ufffd", value)
    cleaned = "\n".join(line.rstrip(" \t") for line in cleaned.split("\n"))
    return cleaned, count > 0
