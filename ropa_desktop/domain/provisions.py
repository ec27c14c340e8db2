"""Which national provisions bind which organisation, and provisions named by role.

Every entry of ``resources/vocab/national_provisions.json`` carries its Land (``None`` for
federal law) and the kinds of body it binds (``binds``):

* ``land-public`` — a public body of a Land, a municipality or another body under the
  Land's supervision (the Land's data protection act applies, not the BDSG:
  § 1 Abs. 1 S. 1 Nr. 2 BDSG);
* ``federal-public`` — a public body of the Federation;
* ``non-public`` — companies and other private bodies (the BDSG applies).

Templates name provisions by *role* ("the general clause of the Land's data protection
act") and :func:`resolve` picks the entry for the organisation's Land and kind. A role
without a verified entry stays open: :func:`open_placeholder` writes a visible text that
the check reports (``provision-role-open``) and that never counts as a provision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import Organisation

LAND_PUBLIC = "land-public"
FEDERAL_PUBLIC = "federal-public"
NON_PUBLIC = "non-public"


@dataclass(frozen=True, slots=True)
class Role:
    """A provision a template needs, named by what it does, not by its citation."""

    id: str
    label: Text
    public_only: bool = False
    """The role exists only for public bodies (a company has no civil servants and no
    council): for a non-public body it is not written at all."""


ROLES: dict[str, Role] = {
    r.id: r
    for r in (
        Role(
            "land-general-clause",
            Text(
                "Generalklausel des Landesdatenschutzgesetzes",
                "general clause of the Land data protection act",
            ),
        ),
        Role(
            "land-employment-clause",
            Text(
                "Vorschrift über Beschäftigtendaten",
                "provision on employee data",
            ),
        ),
        Role(
            "land-special-categories-clause",
            Text(
                "Vorschrift über besondere Kategorien personenbezogener Daten",
                "provision on special categories of personal data",
            ),
        ),
        Role(
            "land-civil-service-act",
            Text(
                "Personalaktenvorschriften des Landesbeamtengesetzes",
                "personnel-file provisions of the Land civil service act",
            ),
            public_only=True,
        ),
        Role(
            "municipal-code-council",
            Text(
                "Vorschriften der Gemeindeordnung über Sitzungen und Niederschriften des Rates",
                "provisions of the municipal code on council meetings and minutes",
            ),
            public_only=True,
        ),
        Role(
            "municipal-charges-act",
            Text("Kommunalabgabengesetz des Landes", "municipal charges act of the Land"),
        ),
    )
}
"""The roles templates may name (``{"role": …}`` on a text question)."""


def body_kind(org: Organisation) -> str:
    """``land-public`` or ``non-public``: what the organisation is for the provisions.

    The register is kept for municipal bodies: a public body counts as a Land public body
    (whose Land may not be recorded yet, see :func:`binds`).
    """
    return LAND_PUBLIC if org.is_public_body else NON_PUBLIC


def binds(term: vocab.Term, org: Organisation) -> bool:
    """Whether the provision binds the organisation (its Land and its kind of body).

    For a public body without a recorded Land, federal provisions for public bodies are
    accepted too: it might be a federal body, and nothing tells the Land.
    """
    kinds = set(term.attrs.get("binds", ()))
    land = term.attrs.get("land")
    own = org.land.strip()
    if land and own and land != own:
        return False
    if body_kind(org) == NON_PUBLIC:
        return NON_PUBLIC in kinds
    return LAND_PUBLIC in kinds or (not own and FEDERAL_PUBLIC in kinds)


def resolve(role: str, org: Organisation) -> vocab.Term | None:
    """The provision filling ``role`` for the organisation, or None where none is verified.

    Only an entry that names the role and binds the organisation qualifies; a Land entry
    needs the organisation's own Land. Never falls back to another Land.
    """
    if role not in ROLES:
        raise KeyError(role)
    for term in vocab.national_provisions():
        if role in term.attrs.get("roles", ()) and binds(term, org):
            if term.attrs.get("land") and not org.land.strip():
                continue
            return term
    return None


_OPEN_PREFIX = {"de": "Offen:", "en": "Open:"}
_OPEN = re.compile(r"^\s*(?:offen|open)\s*:", re.IGNORECASE)


def land_name(code: str, lang: str) -> str:
    """The Land's name for a code such as ``DE-BW`` (the code itself if unknown)."""
    for term in vocab.load("laender"):
        if term.attrs.get("code") == code:
            return term.label(lang)
    return code


def open_placeholder(role: str, org: Organisation, lang: str) -> str:
    """The visible text written for a role nobody has verified for this organisation."""
    label = ROLES[role].label(lang)
    where = land_name(org.land.strip(), lang) if org.land.strip() else ""
    if lang == "de":
        tail = f" ({where})" if where else " (Land nicht angegeben)"
        return f"{_OPEN_PREFIX['de']} {label}{tail} – Fundstelle eintragen"
    tail = f" ({where})" if where else " (Land not recorded)"
    return f"{_OPEN_PREFIX['en']} {label}{tail} – enter the citation"


def is_open(text: str) -> bool:
    """Whether a legal basis is an open role placeholder (see :func:`open_placeholder`)."""
    return bool(_OPEN.match(text))


def citation_for_role(role: str, org: Organisation, lang: str) -> str:
    """What a template writes for the role: the citation, the open placeholder, or ""
    for a role that does not exist for a non-public body."""
    if ROLES[role].public_only and body_kind(org) == NON_PUBLIC:
        return ""
    term = resolve(role, org)
    if term is None:
        return open_placeholder(role, org, lang)
    return str(term.attrs.get("citation") or term.id)


# Law names that carry a Land in their name ("GO NRW", "BayBG", "LBG LSA"), for free-text
# citations that are not in the vocabulary. Single-letter prefixes (HBG, NDSG, SDSG) are
# left out: too ambiguous to tell apart from federal names.
_LAND_MARKERS: dict[str, re.Pattern[str]] = {
    "DE-BW": re.compile(r"\bBW\b"),
    "DE-BY": re.compile(r"\bBay[A-Z][A-Za-z]*\b"),
    "DE-BE": re.compile(r"\bBln[A-Z][A-Za-z]*\b"),
    "DE-BB": re.compile(r"\bBbg[A-Z][A-Za-z]*\b"),
    "DE-HB": re.compile(r"\bBrem[A-Z][A-Za-z]*\b"),
    "DE-HH": re.compile(r"\bHmb[A-Z][A-Za-z]*\b"),
    "DE-MV": re.compile(r"\bM-V\b|\bMV\b"),
    "DE-NI": re.compile(r"\bNds\.?\s?[A-Z]|\bNKomVG\b"),
    "DE-NW": re.compile(r"\bNRW\b|\bNW\b"),
    "DE-RP": re.compile(r"\bRP\b|\bRLP\b"),
    "DE-SL": re.compile(r"\bSaarl\.?\b|\bKSVG\b"),
    "DE-SN": re.compile(r"\bS[äa]e?chs[A-Z][A-Za-z]*\b"),
    "DE-ST": re.compile(r"\bLSA\b"),
    "DE-SH": re.compile(r"\bSH\b|\bS-H\b"),
    "DE-TH": re.compile(r"\bTh[üu]e?r[A-Z][A-Za-z]*\b"),
}


def lands_named(text: str) -> set[str]:
    """The Länder whose law a free-text citation names by its abbreviation, if any."""
    return {land for land, pattern in _LAND_MARKERS.items() if pattern.search(text)}
