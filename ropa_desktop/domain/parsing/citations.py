"""Finding citations of provisions in a text (:func:`find_citations`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ropa_desktop.domain import vocab
from ropa_desktop.domain.parsing.text import HSPACE


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
_WS = re.compile(rf"{HSPACE}*")
_START = re.compile(
    rf"(?<![\w§])(?:(?P<sec>§§?)|(?P<art>Art(?:ikel|icle|s)?\b\.?|Artt\.)){HSPACE}*"
    r"(?P<num>\d{1,3}[a-z]?)(?![\w])",
    _I,
)
_DOT_NUM = re.compile(r"\.(\d{1,2})(?![\d\w])")
_DOT_LETTER = re.compile(r"\.([a-j])(?![\w])")
_PARA = re.compile(
    rf"(?:Abs(?:atz)?\b\.?|para(?:graph)?s?\b\.?){HSPACE}*(\d{{1,3}}[a-z]?)"
    r"(?![\w])",
    _I,
)
_PAREN_NUM = re.compile(r"\((\d{1,3}[a-z]?)\)")
_ROMAN = re.compile(r"(IX|IV|V?I{1,3}|V|X)(?![\w.])")  # case-sensitive
_SENT = re.compile(
    rf"(?:S\.|Satz\b|U[Aa]bs\b\.?|Unterabs(?:atz\b|\.)|sub-?para(?:graph)?\b\.?|sentence\b|"
    rf"Halbsatz\b|Hs\.|HS\b\.?){HSPACE}*(\d{{1,2}})(?![\w])"
)
_SENT_EN = re.compile(r"(first|second|third)\s+sub-?paragraph\b", _I)
_ALT = re.compile(
    rf"(?:Alt(?:ernative)?\b\.?|Var(?:iante)?\b\.?){HSPACE}*\d{{1,2}}(?![\w])|"
    rf"\d{{1,2}}\.{HSPACE}*(?:Alt(?:ernative)?\b\.?|Var(?:iante)?\b\.?)",
    _I,
)
_NR = re.compile(
    rf"(?:Nr\b\.?|Nummer\b|Ziff(?:er\b|\.)|No\.){HSPACE}*(\d{{1,3}}[a-z]?)(?![\w])", _I
)
_LIT = re.compile(rf"(?:lit(?:era\b|\b\.?)|Buchst(?:abe\b|\b\.?)|letter\b|point\b){HSPACE}*", _I)
_LETTER_PAREN = re.compile(r"\(([a-z])\)", _I)
_LETTER_CLOSE = re.compile(r"([a-z])\)", _I)
_LETTER_BARE = re.compile(r"([a-z])(?![\w])", _I)
_ABBREVIATION_AFTER = re.compile(rf"\.{HSPACE}?[a-zA-Z]\.")
_LOWER_WORD_AFTER = re.compile(rf"{HSPACE}+[a-zäöüß]{{2,}}")
_FF = re.compile(r"(?:ff?\.|ff\b|et\s?seq\b\.?)", _I)
_LIST_SEP = re.compile(
    rf"{HSPACE}*(?:,|und\b|sowie\b|oder\b|bzw\b\.?|and\b|or\b|&|/|\+)"
    rf"{HSPACE}*",
    _I,
)
_RANGE_SEP = re.compile(rf"{HSPACE}*(?:-|–|bis\b|to\b){HSPACE}*", _I)
_SECTION_NUM = re.compile(r"(\d{1,3}[a-z]?)(?![\w.]|\.\d)")
_BARE_NUM = re.compile(r"(\d{1,2})(?![\w.,]|\.\d)")
_CONTINUE = re.compile(
    rf"{HSPACE}*(?:,|und\b|sowie\b|i\.{HSPACE}?V\.{HSPACE}?m\.?|iVm\b|in\s+Verbindung\s+mit\b|"
    rf"in\s+conjunction\s+with\b|and\b){HSPACE}*(?=(?:Abs(?:atz)?\b|U[Aa]bs\b|Unterabs|lit\b|"
    r"litera\b|Buchst|S\.\s*\d|Satz\s*\d))",
    _I,
)
_LAW_ARTICLE = re.compile(rf"(?:der|des|dem|d\.|the|of\s+the|of){HSPACE}+", _I)
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
    r"verordnung|statut|richtlinie|vertrag(?:es|s)?|abkommen)(?![\w])",
    _I,
)
_LAW_MORE = re.compile(rf"{HSPACE}+(?:[A-ZÄÖÜ]{{1,4}}(?:-[A-ZÄÖÜ]{{1,4}})?|[IVX]{{1,4}})(?![\w])")
_LAW_SUFFIX = re.compile(
    rf"{HSPACE}*\((?:neu|alt|n\.{HSPACE}?F\.|a\.{HSPACE}?F\.)\)|{HSPACE}*[na]\.{HSPACE}?F\.|-neu\b"
)
_NOT_LAWS = frozenset({"EU", "EG", "EWR", "EEA", "UK", "USA", "US", "IT", "AND", "OR", "UND"})
_STRAY_LETTERS = re.compile(
    rf"(?<![\w])(?:lit(?:era\b|\b\.?)|Buchst(?:abe\b|\b\.?)){HSPACE}*(?=\(?[a-z]\b)", _I
)

TARGET_PARAGRAPH = {"6": "1", "9": "2"}


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
            window = self.text[max(0, pos - 300) : pos]
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
                    group.letters.extend(chr(c) for c in range(ord(start) + 1, ord(nxt[0]) + 1))
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
        for begin in (article.end(), pos) if article else (pos,):
            match = self._at(_GDPR, begin)
            if match:
                return self.text[start : match.end()], match.group(0), True, match.end()
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
            if (
                last in ("para", "sent", "nr")
                and not group.letters
                and (here > pos or text[here : here + 1] == "(")
            ):
                end = self.letters(here, group, introduced=False)  # "Abs. 1 e", "(1)(e)"
                if end is not None:
                    pos, last = end, "letter"
                    continue
            if last == "num" and here > pos and raw.marker == "art" and group.para is None:
                match = self._at(_BARE_NUM, here)  # "Art 6 1 c": the paragraph
                after = self._skip_ws(match.end()) if match else 0
                if (
                    match
                    and after > match.end()
                    and (self._at(_LIT, after) or self.letter(after, introduced=False))
                ):
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
        raw = _Raw(
            match.start(),
            match.end(),
            "§" if match.group("sec") else "art",
            [match.group("num").lower()],
            [_Group()],
            False,
        )
        end, _ = self.qualifiers(match.end(), raw, "num")
        raw.end = end
        return raw

    def context_letters(self, pos: int, article: str) -> _Raw | None:
        """A citation of letters only ("lit. e") read as letters of ``article``."""
        raw = _Raw(pos, pos, "ctx", [article], [_Group(para=TARGET_PARAGRAPH[article])], False)
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
    target = TARGET_PARAGRAPH.get(article)
    if target is None:
        return (), False
    ids: list[str] = []
    complete = not raw.extras and bool(groups)
    bases = vocab.legal_bases()
    for group in groups:
        if (
            group.para in (None, target)
            and group.letters
            and not group.numbers
            and all(s == "1" for s in group.sent)
        ):
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
    return (
        raw.marker != "§"
        and (raw.gdpr_law or not raw.law)
        and len(raw.sections) == 1
        and raw.sections[0] in TARGET_PARAGRAPH
        and any(g.letters for g in raw.groups)
    )


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
    if len(text) <= CACHE_TEXT:
        return list(_cached_citations(text, art))
    return _find_citations(text, art)


CACHE_TEXT = 2000
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
    default = article if article in TARGET_PARAGRAPH else None
    extra: list[_Raw] = []
    for match in _STRAY_LETTERS.finditer(text):
        if any(r.start <= match.start() < r.end for r in raws):
            continue
        before = [r for r in raws if r.end <= match.start() and _has_gdpr_letters(r)]
        context = before[-1].sections[0] if before else default
        if context is None:
            continue
        letters = reader.context_letters(match.start(), context)
        if letters is not None:
            extra.append(letters)
    raws = sorted(raws + extra, key=lambda r: r.start)

    gdpr_context = bool(_GDPR_ANYWHERE.search(text)) or any(
        r.gdpr_law or _has_gdpr_letters(r) for r in raws
    )
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
        found.append(
            Citation(text[start:end], start, end, gdpr, raw.sections[0], raw.law, ids, complete)
        )
    return found
