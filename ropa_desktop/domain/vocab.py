"""Controlled vocabularies (legal bases, transfer mechanisms, countries …) read from JSON.

The facts live in ``resources/vocab/*.json``, one file per vocabulary, so that a
data protection officer can review them without reading code. Every file has
the shape::

    {"_source": "...", "_note": "... (optional)",
     "terms": [{"id": "art6-1-a", "de": "...", "en": "...", ...extra attributes}]}

:func:`load` reads a file once (results are cached), checks its shape and returns
an immutable, ordered :class:`Vocabulary` of :class:`Term` objects. Extra
attributes are exposed read-only through :attr:`Term.attrs`: JSON objects become
read-only mappings and JSON arrays become tuples.

Besides the generic loader there are cached accessors for each vocabulary and a
few lookups other layers need (EEA membership, adequacy, country names and
codes, national provisions by citation). Only the standard library is used.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ropa_desktop.domain.resources import resources_dir

VOCAB_DIR = resources_dir() / "vocab"

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NAME_RE = re.compile(r"^[a-z0-9_]+$")
_RESERVED = frozenset({"id", "de", "en"})
_EMPTY: Mapping[str, Any] = MappingProxyType({})


# --------------------------------------------------------------------------- types


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a vocabulary: a stable id, German and English labels, extra attributes.

    Equality and hashing use ``id``, ``de`` and ``en`` only; ``attrs`` is a read-only
    mapping (nested objects are read-only mappings, arrays are tuples).
    """

    id: str
    de: str
    en: str
    attrs: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, compare=False)

    def label(self, lang: str = "de") -> str:
        """The label in ``lang``: German for "de", English for "en" (also "de-DE", "en_GB")."""
        code = lang.lower()[:2]
        if code == "de":
            return self.de
        if code == "en":
            return self.en
        raise ValueError(f"unsupported language {lang!r}; use 'de' or 'en'")


class Vocabulary:
    """An immutable, ordered collection of :class:`Term` objects with unique ids."""

    __slots__ = ("_index", "_name", "_terms")

    _name: str
    _terms: tuple[Term, ...]
    _index: Mapping[str, Term]

    def __init__(self, name: str, terms: tuple[Term, ...] | list[Term]) -> None:
        terms = tuple(terms)
        index = {term.id: term for term in terms}
        if len(index) != len(terms):
            raise ValueError(f"vocabulary {name!r} has duplicate term ids")
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_terms", terms)
        object.__setattr__(self, "_index", MappingProxyType(index))

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    @property
    def name(self) -> str:
        """The vocabulary's name (the JSON file stem, e.g. ``"legal_bases"``)."""
        return self._name

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, id: object) -> bool:
        return id in self._index

    def get(self, id: str) -> Term | None:
        """The term with ``id``, or None."""
        return self._index.get(id)

    def __getitem__(self, id: str) -> Term:
        try:
            return self._index[id]
        except KeyError:
            known = ", ".join(self._index)
            if len(known) > 200:
                known = known[:200] + " …"
            raise KeyError(
                f"{id!r} is not a term of vocabulary {self._name!r} (known ids: {known})"
            ) from None

    def ids(self) -> tuple[str, ...]:
        """All term ids in file order."""
        return tuple(self._index)

    def __repr__(self) -> str:
        return f"<Vocabulary {self._name!r} with {len(self._terms)} terms>"


# ------------------------------------------------------------------------- loading


def _freeze(value: Any) -> Any:
    """Make a parsed JSON value read-only: dicts -> mapping proxies, lists -> tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _load_path(path: Path, name: str | None = None) -> Vocabulary:
    """Read and validate one vocabulary file (uncached).

    Raises ValueError naming the file (and the term index and field) when the
    file is not valid JSON or does not have the expected shape.
    """
    path = Path(path)
    name = name or path.stem
    where = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{where}: top level must be a JSON object")
    if not isinstance(data.get("_source"), str) or not data["_source"].strip():
        raise ValueError(f"{where}: '_source' must be a non-empty string")
    raw_terms = data.get("terms")
    if not isinstance(raw_terms, list):
        raise ValueError(f"{where}: 'terms' must be a list")

    terms: list[Term] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_terms):
        if not isinstance(raw, dict):
            raise ValueError(f"{where}: term #{index} must be a JSON object")
        for key in ("id", "de", "en"):
            value = raw.get(key)
            if not isinstance(value, str) or not value.strip():
                label = f"term #{index}" + (f" ({raw['id']!r})" if key != "id" else "")
                raise ValueError(f"{where}: {label}: field {key!r} is missing or empty")
        term_id = raw["id"]
        if not _ID_RE.match(term_id):
            raise ValueError(
                f"{where}: term #{index}: field 'id' {term_id!r} must be lowercase ASCII "
                "words joined by hyphens"
            )
        if term_id in seen:
            raise ValueError(
                f"{where}: term #{index}: field 'id' {term_id!r} duplicates term #{seen[term_id]}"
            )
        seen[term_id] = index
        attrs = {k: _freeze(v) for k, v in raw.items() if k not in _RESERVED}
        terms.append(Term(term_id, raw["de"], raw["en"], MappingProxyType(attrs)))
    return Vocabulary(name, terms)


@cache
def load(name: str) -> Vocabulary:
    """The vocabulary stored in ``resources/vocab/<name>.json`` (cached)."""
    if not _NAME_RE.match(name):
        raise ValueError(f"invalid vocabulary name {name!r}")
    path = VOCAB_DIR / f"{name}.json"
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in VOCAB_DIR.glob("*.json")))
        raise FileNotFoundError(f"no vocabulary {name!r} in {VOCAB_DIR} (available: {available})")
    return _load_path(path, name)


@cache
def legal_bases() -> Vocabulary:
    """Art. 6(1) a–f, Art. 9(2) a–j and Art. 10 GDPR."""
    return load("legal_bases")


@cache
def national_provisions() -> Vocabulary:
    """German federal and Land provisions used as (supplementary) legal bases."""
    return load("national_provisions")


@cache
def transfer_mechanisms() -> Vocabulary:
    """Art. 45–49 GDPR transfer tools, plus the invalid Privacy Shield for flagging."""
    return load("transfer_mechanisms")


@cache
def countries() -> Vocabulary:
    """ISO 3166-1 countries; ids are lowercase alpha-2 codes."""
    return load("countries")


@cache
def adequacy() -> Vocabulary:
    """Adequacy decisions in force; ids are lowercase alpha-2 codes or ``int-epo``."""
    return load("adequacy")


@cache
def sdm_goals() -> Vocabulary:
    """The seven protection goals of the Standard-Datenschutzmodell V3.1."""
    return load("sdm_goals")


@cache
def art32_categories() -> Vocabulary:
    """The measures named in Art. 32(1)(a)–(d) GDPR."""
    return load("art32")


@cache
def dpia_art35_3() -> Vocabulary:
    """The cases of Art. 35(3) GDPR that always need a DPIA."""
    return load("dpia_art35_3")


@cache
def dpia_wp248() -> Vocabulary:
    """The nine WP248 DPIA screening criteria."""
    return load("dpia_wp248")


@cache
def dpia_dsk_list() -> Vocabulary:
    """Items of the DSK 'Muss-Liste' (incomplete, see the file's _note)."""
    return load("dpia_dsk_list")


@cache
def dpia_public_lists() -> Vocabulary:
    """The Land authorities' DPIA lists for public bodies (title and address; ids de-xx)."""
    return load("dpia_public_lists")


@cache
def supervisory_authorities() -> Vocabulary:
    """The German data protection supervisory authorities."""
    return load("supervisory_authorities")


@cache
def laender() -> Vocabulary:
    """The 16 Länder with their authorities and general clauses."""
    return load("laender")


# ------------------------------------------------------------------------ lookups


def _fold_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for names (ß -> ss, ä -> a)."""
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ẞ", "ss"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[.'’`]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def _translit(key: str) -> str:
    """Fold German umlaut transliterations (ae, oe, ue) so that 'Oesterreich' finds 'Österreich'."""
    return key.replace("ae", "a").replace("oe", "o").replace("ue", "u")


@cache
def _country_index() -> tuple[Mapping[str, str], Mapping[str, str]]:
    """Two maps from folded name/alias/code to alpha-2: exact keys and transliterated keys.

    Keys claimed by more than one country map to "" (ambiguous, never returned).
    """
    exact: dict[str, str] = {}
    loose: dict[str, str] = {}

    def put(table: dict[str, str], key: str, code: str) -> None:
        if not key:
            return
        if table.get(key, code) != code:
            table[key] = ""
        else:
            table[key] = code

    for term in countries():
        code = term.id.upper()
        names = [term.de, term.en, term.id, str(term.attrs.get("alpha3", ""))]
        names += list(term.attrs.get("aliases", ()))
        for name in names:
            key = _fold_name(name)
            put(exact, key, code)
            put(loose, _translit(key), code)
    return MappingProxyType(exact), MappingProxyType(loose)


def country_code(name_or_code: object) -> str | None:
    """The upper-case alpha-2 code for a country name, alias, alpha-2 or alpha-3 code.

    Matching is exact but ignores case, accents and punctuation, in German and
    English ("Deutschland", "Germany", "DE", "deu", "USA", "Vereinigte Staaten").
    Returns None when the text is unknown or ambiguous.
    """
    if not isinstance(name_or_code, str):
        return None
    key = _fold_name(name_or_code)
    if not key:
        return None
    exact, loose = _country_index()
    code = exact.get(key)
    if code is None:
        code = loose.get(_translit(key))
    return code or None


def country_name(code: str, lang: str = "de") -> str:
    """The short name of the country with alpha-2 ``code`` (any case) in ``lang``.

    Raises KeyError for an unknown code.
    """
    term = countries().get(code.strip().lower())
    if term is None:
        raise KeyError(f"unknown ISO 3166-1 alpha-2 country code {code!r}")
    return term.label(lang)


def is_eea(country: str) -> bool:
    """True if the alpha-2 code (any case) is EU/EEA territory (no transfer tool needed).

    Besides the 30 EEA states this covers the EU's outermost regions with a code of their
    own (Réunion, Guadeloupe, Martinique, French Guiana, Mayotte, Saint-Martin; Art. 349,
    355(1) TFEU) and the Åland Islands (Art. 355(4) TFEU): ``eu_territory`` in countries.json.
    """
    term = countries().get(country.strip().lower())
    return bool(term is not None and (term.attrs.get("eea") or term.attrs.get("eu_territory")))


def adequacy_for(country: str) -> Term | None:
    """The adequacy decision covering alpha-2 ``country`` (or "int-epo"), else None.

    Mind ``attrs["scope"]`` and ``attrs["requires_certification"]``: the US decision
    covers only recipients certified under the EU-US Data Privacy Framework.
    """
    return adequacy().get(country.strip().lower())


# Qualifier words that may stand between the section number and the law's name,
# e.g. "§ 26 Abs. 1 S. 1 BDSG" or "Art. 4 Absatz 1 Satz 2 BayDSG".
_QUALIFIERS = frozenset(
    {
        "abs", "absatz", "satz", "s", "nr", "nummer", "lit", "buchst", "buchstabe",
        "ziff", "ziffer", "uabs", "unterabsatz", "hs", "halbsatz", "alt", "alternative",
    }
)  # fmt: skip
_ROMAN = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$")
_CITATION = re.compile(
    r"(?:§+|\bart\b|\bartikel\b|\bparagraph\b|\bpara\b)\s*(\d+[a-z]?)(?![a-z0-9])"
)
_MAX_LAW_TOKENS = 4


def _fold_citation(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ẞ", "ss"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return text.replace(".", " ")


def _citations(text: str) -> Iterator[tuple[str, list[str]]]:
    """(section number, words naming the law) for every "§ n …" / "Art. n …" in ``text``.

    The words run from after the number and its qualifiers ("Abs. 1 S. 2") to the
    next citation; the law's name is a prefix of them.
    """
    folded = _fold_citation(text)
    matches = list(_CITATION.finditer(folded))
    for i, match in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(folded)
        tokens = re.findall(r"[a-z0-9]+", folded[match.end() : stop])
        while tokens and (
            tokens[0] in _QUALIFIERS
            or re.fullmatch(r"\d+[a-z]?", tokens[0])
            or len(tokens[0]) == 1
            or _ROMAN.match(tokens[0])
        ):
            tokens.pop(0)
        if tokens:
            yield match.group(1), tokens


@cache
def _provision_index() -> Mapping[tuple[str, str], str]:
    """(section number, folded law name) -> provision id, from citations and their aliases."""
    index: dict[tuple[str, str], str] = {}
    for term in national_provisions():
        for citation in (term.attrs.get("citation", ""), *term.attrs.get("citation_aliases", ())):
            for number, tokens in _citations(str(citation)):
                index[number, _translit("".join(tokens))] = term.id
    return MappingProxyType(index)


def national_provision_for_citation(text: object) -> Term | None:
    """The national provision cited in ``text``, e.g. "§26 Abs. 1 BDSG" -> ``bdsg-26``.

    Tolerates whitespace, paragraph/sentence qualifiers ("Abs. 1 S. 1"), "Art."
    versus "§", umlaut spellings and surrounding text: in "Art. 6 Abs. 1 lit. e
    DSGVO, Art. 4 BayDSG" or "§ 26 BDSG oder Art. 6 Abs. 1 lit. f DSGVO" the first
    citation of a known provision wins. Returns None if no known provision is cited.
    """
    if not isinstance(text, str):
        return None
    index = _provision_index()
    for number, tokens in _citations(text):
        # Longest law name first: "DSG M-V" before "DSG".
        for size in range(min(len(tokens), _MAX_LAW_TOKENS), 0, -1):
            pid = index.get((number, _translit("".join(tokens[:size]))))
            if pid is not None:
                return national_provisions()[pid]
    return None
