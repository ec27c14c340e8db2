"""Reading legal bases from a text: ids, provisions kept as written, the rest
(:func:`parse_legal_bases`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType

from ropa_desktop.domain import vocab
from ropa_desktop.domain.parsing.citations import (
    CACHE_TEXT,
    TARGET_PARAGRAPH,
    Citation,
    find_citations,
)
from ropa_desktop.domain.parsing.text import HSPACE, fold_key, normalise_breaks

_I = re.IGNORECASE


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
    return MappingProxyType({fold_key(p): basis for basis, words in table.items() for p in words})


_ART6_PHRASES = {
    "art6-1-a": ("Einwilligung", "Consent", "Einwilligung der betroffenen Person", "Consentement"),
    "art6-1-b": (
        "Vertrag",
        "Contract",
        "Vertragserfüllung",
        "Vertragsdurchführung",
        "Erfüllung eines Vertrages",
        "Erfüllung eines Vertrags",
        "Erfüllung des Vertrages",
        "Erfüllung des Vertrags",
        "Vertragsverhältnis",
        "vorvertragliche Maßnahmen",
        "Performance of a contract",
        "Contrat",
        "Exécution d'un contrat",
    ),
    "art6-1-c": (
        "Rechtliche Verpflichtung",
        "Gesetzliche Verpflichtung",
        "Rechtspflicht",
        "Gesetzliche Pflicht",
        "Erfüllung einer rechtlichen Verpflichtung",
        "Erfüllung einer gesetzlichen Verpflichtung",
        "Legal obligation",
        "Compliance with a legal obligation",
        "Obligation légale",
    ),
    "art6-1-d": (
        "Lebenswichtige Interessen",
        "Lebenswichtiges Interesse",
        "Schutz lebenswichtiger Interessen",
        "Vital interests",
        "Vital interest",
        "Sauvegarde des intérêts vitaux",
        "Intérêts vitaux",
    ),
    "art6-1-e": (
        "Öffentliche Aufgabe",
        "Öffentliches Interesse",
        "Aufgabe im öffentlichen Interesse",
        "Wahrnehmung einer Aufgabe im öffentlichen Interesse",
        "Wahrnehmung einer öffentlichen Aufgabe",
        "Ausübung öffentlicher Gewalt",
        "Wahrnehmung einer Aufgabe im öffentlichen Interesse oder in Ausübung öffentlicher Gewalt",
        "Hoheitliche Aufgabe",
        "Public task",
        "Public interest",
        "Official authority",
        "Task in the public interest",
        "Mission d'intérêt public",
        "Mission de service public",
    ),
    "art6-1-f": (
        "Berechtigte Interessen",
        "Berechtigtes Interesse",
        "Wahrung berechtigter Interessen",
        "Legitimate interests",
        "Legitimate interest",
        "Intérêt légitime",
        "Intérêts légitimes",
    ),
}
# Art. 9(2) wordings that can't mean anything else.
_ART9_PHRASES = {
    "art9-2-a": ("Ausdrückliche Einwilligung", "Explicit consent", "Consentement explicite"),
}
# Art. 9(2) wordings read as such only in a column about Art. 9 (``article="9"``),
# e.g. the ICO template's "Article 9 condition for processing special category data".
_ART9_COLUMN_PHRASES = {
    "art9-2-a": ("Einwilligung", "Consent"),
    "art9-2-b": (
        "Employment, social security and social protection",
        "Employment",
        "Arbeitsrecht",
        "Soziale Sicherheit",
        "Sozialschutz",
    ),
    "art9-2-c": ("Vital interests", "Lebenswichtige Interessen"),
    "art9-2-d": ("Not-for-profit bodies", "Not-for-profit body"),
    "art9-2-e": (
        "Made public by the data subject",
        "Manifestly made public",
        "Offensichtlich öffentlich gemacht",
    ),
    "art9-2-f": ("Legal claims or judicial acts", "Legal claims", "Rechtsansprüche"),
    "art9-2-g": (
        "Reasons of substantial public interest",
        "Substantial public interest",
        "Erhebliches öffentliches Interesse",
    ),
    "art9-2-h": ("Health or social care", "Gesundheitsvorsorge", "Arbeitsmedizin"),
    "art9-2-i": ("Public health", "Öffentliche Gesundheit"),
    "art9-2-j": (
        "Archiving, research and statistics",
        "Archiving, research or statistics",
        "Archivzwecke",
    ),
}
_PAREN_QUALIFIER = re.compile(
    r"\((?:if authori[sz]ed by law|with a basis in law|if applicable|falls zutreffend)\)", _I
)
_LEADING_LETTER = re.compile(rf"^\(?([a-j])\){HSPACE}*", _I)
_LONE_LETTER = re.compile(
    rf"^(?:(?:lit(?:era|\.)?|Buchst(?:abe|\.)?){HSPACE}*)?\(?([a-j])\)?\.?$", _I
)


@cache
def _phrase_tables() -> tuple[Mapping[str, str], Mapping[str, str], Mapping[str, str]]:
    """(Art. 6 and unambiguous words, Art. 9 column words, every wording) folded to ids."""
    general: dict[str, str] = {}
    column: dict[str, str] = {}
    for term in vocab.legal_bases():
        target = general if not term.id.startswith("art9-") else column
        for label in (term.de, term.en):
            target.setdefault(fold_key(label), term.id)
    general.update(_phrases(_ART6_PHRASES))
    general.update(_phrases(_ART9_PHRASES))
    for term in vocab.legal_bases():
        if term.id.startswith("art9-"):
            general.setdefault(fold_key(term.de), term.id)
            general.setdefault(fold_key(term.en), term.id)
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
    if lead and value[lead.end() :].strip():
        letter = lead.group(1).lower()
        value = value[lead.end() :]
    key = fold_key(value)
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
        key = fold_key(_PAREN_QUALIFIER.sub(" ", piece))
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
        pieces.append(text[pos : c.start])
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
    for line in normalise_breaks(text).split("\n"):
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
    if len(text) <= CACHE_TEXT:
        ids, provisions, rest = _cached_legal_bases(text, art)
    else:
        ids, provisions, rest = _parse_legal_bases(text, art)
    named, rest = _law_names(rest)
    return LegalBasisParse(list(ids), list(dict.fromkeys([*provisions, *named])), rest)


_LAW_ABBREVIATION = re.compile(
    r"(?:[A-ZÄÖÜ][A-Za-zäöüß]*)?[A-ZÄÖÜ][A-Za-zäöüß]*(?:G|GB|O|VO|StV)"
    r"(?:\s+(?:NRW|BW|Bbg|Bln|LSA|M-V|SH|RP|Saarl|Hmb|Hess|Nds))?"
)
_STATUTE = re.compile(
    r"[\wäöüß-]+satzung|(?:Satzung|Verordnung|Gesetz)\s+(?:über|zur|zum|für)\b.*",
    re.IGNORECASE,
)


def _law_names(rest: str) -> tuple[list[str], str]:
    """Parts of ``rest`` that are only the name of a law or a by-law: an abbreviation
    ("KAG", "BayFwG", "BayKiBiG", "GemO"), a "…satzung" or a "Satzung über …" (as the
    legal bases of Bavarian and other municipal registers are written). Returns those
    names and what is left."""
    if not rest:
        return [], rest
    named: list[str] = []
    kept_lines: list[str] = []
    for line in rest.split("\n"):
        parts = [p.strip() for p in re.split(r"\s*[,;]\s*", line) if p.strip()]
        laws = [
            p
            for p in parts
            if (
                _LAW_ABBREVIATION.fullmatch(p)
                and sum(ch.isupper() for ch in p) >= 2
                and len(p) <= 20
            )
            or _STATUTE.fullmatch(p)
        ]
        if laws and len(laws) == len(parts):
            named.extend(laws)
        elif line.strip():
            kept_lines.append(line.strip())
    return named, "\n".join(kept_lines)


@lru_cache(maxsize=4096)
def _cached_legal_bases(text: str, art: str | None) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    return _parse_legal_bases(text, art)


def _parse_legal_bases(text: str, art: str | None) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    text = normalise_breaks(text)
    citations = find_citations(text, article=art)
    if not citations:
        lone = _LONE_LETTER.match(text.strip())
        if lone and art in TARGET_PARAGRAPH:
            basis = f"art{art}-{TARGET_PARAGRAPH[art]}-{lone.group(1).lower()}"
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
