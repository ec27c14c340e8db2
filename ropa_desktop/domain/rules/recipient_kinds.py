"""What kind of body a transfer's recipient is, as far as an adequacy decision's scope asks.

Some adequacy decisions cover only part of a country (``excludes`` in adequacy.json):
Japan's only business operators under the APPI (Decision (EU) 2019/419, recital 10),
Korea's not religious organisations, political parties or credit-information bodies
(Decision (EU) 2022/254), Canada's only organisations under the PIPEDA (Decision
2002/2/EC, recital 5). The register has no field for the kind of a transfer's recipient;
the kind is read from what the register does say about it: the transfer's recipient
text and, where that names an external recipient of the organisation's catalogue, the
recipient's name and category ("Behörden und Gerichte", "Ministry of Justice",
"Religionsgemeinschaft" …). A transfer to a processor is a transfer to a business.
Nothing recognised means "not known": the check stays silent then.
"""

from __future__ import annotations

import re

from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import Recipient, Transfer

_I = re.IGNORECASE

KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "religious",
        re.compile(r"religi|\bkirche|\bchurch|\bmission|glaubensgemeinschaft", _I),
    ),
    ("political-party", re.compile(r"\bpartei\b|political\s+part(?:y|ies)", _I)),
    (
        "credit-information",
        re.compile(r"kreditauskunft|auskunftei|credit\s+(?:information|bureau|rating)", _I),
    ),
    (
        "public",
        re.compile(
            r"beh[öo]rde|ministeri|[öo]ffentliche\w*\s+(?:stelle|sektor|verwaltung|hand)|"
            r"[öo]ffentlich-rechtlich|\bregierung|\bgerichte?\b|pr[äa]fektur|\bkommune|"
            r"\bstadtverwaltung|\bpublic\s+(?:authorit|bod|sector|administration|agenc|"
            r"institution)|\bgovernment|\bministry|\bmunicipal|\bprefectur|\bcourts?\b|"
            r"\bcity\s+of\b|\bcrown\s+corporation|\bfederal\s+(?:agency|department)",
            _I,
        ),
    ),
    (
        "non-profit",
        re.compile(r"gemeinn[üu]tzig|non-?profit|not[\s-]for[\s-]profit|charit|wohlt[äa]tig", _I),
    ),
)
"""Kinds of recipient and the words that name them, most specific first."""

KIND_LABELS: dict[str, Text] = {
    "public": Text("eine öffentliche Stelle", "a public body"),
    "non-profit": Text(
        "eine gemeinnützige Organisation ohne kommerzielle Tätigkeit",
        "a non-profit organisation without commercial activity",
    ),
    "religious": Text("eine Religionsgemeinschaft", "a religious organisation"),
    "political-party": Text("eine politische Partei", "a political party"),
    "credit-information": Text(
        "eine Stelle, die Kreditinformationen verarbeitet",
        "a body processing credit information",
    ),
}


def recipient_kinds(t: Transfer, catalogue: list[Recipient]) -> frozenset[str]:
    """The kinds (keys of :data:`KIND_LABELS`) the register says a transfer's recipient is.

    ``catalogue`` holds the external recipients of the organisation; the one whose name is
    the transfer's recipient text lends its name and category.
    """
    if t.processor:
        return frozenset()
    texts = [t.recipient]
    name = t.recipient.strip().casefold()
    if name:
        texts += [f"{r.name} {r.category}" for r in catalogue if r.name.strip().casefold() == name]
    text = " ".join(texts)
    return frozenset(kind for kind, pattern in KIND_PATTERNS if pattern.search(text))
