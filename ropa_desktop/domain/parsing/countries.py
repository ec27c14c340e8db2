"""Reading countries from a cell (:func:`parse_country`, :func:`parse_countries`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from ropa_desktop.domain import vocab
from ropa_desktop.domain.parsing.lists import ONLY_MARKERS, split_values
from ropa_desktop.domain.parsing.text import fold_key, normalise_breaks

_I = re.IGNORECASE


_UMBRELLA = frozenset(
    fold_key(t)
    for t in (
        "EU",
        "EWR",
        "EEA",
        "EU/EWR",
        "EU/EEA",
        "EU-EWR",
        "EU und EWR",
        "EU/EWR-Raum",
        "EU-Mitgliedstaaten",
        "EU-Staaten",
        "EU-Ausland",
        "EWR-Staaten",
        "EU and EEA",
        "Europäische Union",
        "European Union",
        "Europäischer Wirtschaftsraum",
        "European Economic Area",
        "innerhalb der EU",
        "innerhalb der EU/EWR",
        "innerhalb des EWR",
        "within the EU",
        "within the EEA",
        "Union européenne",
        "UE",
    )
)
_EXTRA_COUNTRY_NAMES = {
    "US": (
        "Vereinigte Staaten",
        "Vereinigten Staaten",
        "Vereinigten Staaten von Amerika",
        "Amerika",
        "U.S.",
        "U.S.A.",
        "United States",
        "Etats-Unis",
        "États-Unis",
    ),
    "GB": (
        "Vereinigtes Königreich",
        "Vereinigten Königreich",
        "Vereinigtem Königreich",
        "Royaume-Uni",
    ),
    "KR": ("Südkorea", "South Korea"),
    "AE": ("Vereinigten Arabischen Emiraten", "VAE"),
    "NL": ("Niederlanden",),
    "CH": ("Suisse",),
    "DE": ("Allemagne",),
}
_INT_ORGS = {
    "int-epo": (
        "Europäische Patentorganisation",
        "European Patent Organisation",
        "European Patent Organization",
        "EPO",
        "EPA",
    ),
}
_LEADING_WORDS = re.compile(
    r"^(?:(?:nach|in|into|to|an|die|den|der|dem|the|ins|aus|from|vers|en|au|aux|le|la|les)\s+)+", _I
)


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
            if len(fold_key(str(name))) > 2:
                put(fold_key(str(name)), code)
    for code, extra in _EXTRA_COUNTRY_NAMES.items():
        for name in extra:
            put(fold_key(name), code)
    for org, org_names in _INT_ORGS.items():
        for name in org_names:
            put(fold_key(name), org)
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
    key = fold_key(value)
    if key in _UMBRELLA:
        return None
    names, _ = _country_names()
    for candidate in (key, fold_key(_LEADING_WORDS.sub("", value))):
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
    keys = [fold_key(w.group(0)) for w in words]
    found: list[str] = []
    i = 0
    while i < len(words):
        hit = None
        for size in range(min(longest, len(words) - i), 0, -1):
            key = " ".join(k for k in keys[i : i + size] if k)
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
    if fold_key(text) in _UMBRELLA:
        return None
    code = _exact_country(text)
    if code:
        return code
    found = _countries_in(text)
    return found[0] if len(found) == 1 else None


_NONE_WORDS = frozenset(
    fold_key(t)
    for t in (
        "keine",
        "kein",
        "keiner",
        "nein",
        "none",
        "no",
        "non",
        "n/a",
        "na",
        "entfällt",
        "entfaellt",
        "0",
        "nicht zutreffend",
        "not applicable",
        "sans objet",
        "aucun",
        "aucune",
        "findet nicht statt",
        "nicht vorgesehen",
        "nicht geplant",
        "erfolgt nicht",
        "keine Übermittlung",
        "keine Drittlandübermittlung",
        "keine Übermittlung in Drittländer",
        "keine Übermittlung in ein Drittland",
        "keine Drittländer",
        "no transfer",
        "no transfers",
        "none planned",
        "keine geplant",
        "nein, findet nicht statt",
        "findet nicht statt.",
    )
)
_NONE_PHRASE = re.compile(
    r"findet\s+nicht\s+statt|erfolgt\s+nicht|keine\s+(?:drittland)?[üu]e?bermittlung|"
    r"keine\s+[üu]e?bermittlung|no\s+transfers?\b|not\s+transferred|nicht\s+vorgesehen",
    _I,
)
_LEAD_PHRASE = re.compile(
    r"^\s*(?:findet\s+(?:wie\s+folgt\s+)?statt|erfolgt|ja|yes)\b\s*[:,\-–]?\s*", _I
)


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
    stripped = normalise_breaks(text).strip()
    if ONLY_MARKERS.match(stripped) or fold_key(stripped) in _NONE_WORDS:
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
