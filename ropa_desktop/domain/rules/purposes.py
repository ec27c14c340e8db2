"""Checks of purposes and their legal bases (Art. 30(1)(b), Art. 6 GDPR)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ropa_desktop.domain import parsing, provisions, vocab
from ropa_desktop.domain.model import (
    Activity,
    Organisation,
)
from ropa_desktop.domain.rules.findings import WORDS, Out, short
from ropa_desktop.domain.rules.land_law import check_provisions


@dataclass(frozen=True, slots=True)
class _Basis:
    """What one entry of ``Purpose.legal_bases`` stands for."""

    text: str
    gdpr: frozenset[str]
    """Ids of :func:`vocab.legal_bases` it names (by id or as a citation)."""
    provision: vocab.Term | None
    """The national provision of the vocabulary it names, if any."""
    law: bool
    """True if it names any provision of law other than the GDPR itself."""
    cited: bool
    """True if it is a vocabulary id or contains a citation (§ or Art.)."""
    open: bool = False
    """True for an open role placeholder a template wrote ("Offen: … – Fundstelle
    eintragen", :func:`provisions.open_placeholder`)."""


def _label(basis_id: str, lang: str) -> str:
    term = vocab.legal_bases().get(basis_id)
    if term is not None:
        return str(term.attrs.get("citation_de" if lang == "de" else "citation_en") or term.id)
    term = vocab.national_provisions().get(basis_id)
    if term is not None:
        return str(term.attrs.get("citation") or term.id)
    return basis_id


def classify(text: str) -> _Basis:
    raw = text.strip()
    key = raw.lower()
    if provisions.is_open(raw):
        return _Basis(raw, frozenset(), None, False, True, open=True)
    if key in vocab.legal_bases():
        return _Basis(raw, frozenset({key}), None, False, True)
    term = vocab.national_provisions().get(key)
    if term is not None:
        return _Basis(raw, frozenset(), term, True, True)
    # One recogniser for citations: the parsing module, as used by the import.
    citations = parsing.find_citations(raw)
    parsed = parsing.parse_legal_bases(raw)
    bases = vocab.legal_bases()
    gdpr = {i for c in citations for i in c.ids if i in bases}
    gdpr.update(i for i in parsed.ids if i in bases)
    national = [i for c in citations if not c.gdpr for i in c.ids]
    provision = vocab.national_provisions().get(national[0]) if national else None
    # Citations of the GDPR's other articles (e.g. Art. 37 for a legal obligation under
    # Union law) count as the law a basis rests on; Art. 6, 9 and 10 themselves do not.
    law = any(not (c.gdpr and c.article in _GDPR_BASIS_ARTICLES) for c in citations)
    rest = _GDPR_NAME.sub(" ", parsed.rest)
    law = law or bool(_LAW_WORD.search(_fold(rest)) or _LAW_ABBREVIATION.search(rest))
    cited = bool(_CITED.search(_fold(raw)))
    if not cited and _GENERIC_LAW.search(_fold(raw)):
        # "Generalklausel des Landesdatenschutzgesetzes" names a kind of law, not the norm
        # Art. 6(3) GDPR asks for.
        law = False
    return _Basis(raw, frozenset(gdpr), provision, law, cited)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.replace(".", " ")


_GDPR_BASIS_ARTICLES = frozenset({"6", "9", "10"})
# Conditions of Art. 9(2) that apply only on the basis of Union or Member State law.
_ART9_NEEDS_LAW = frozenset({"art9-2-b", "art9-2-g", "art9-2-h", "art9-2-i", "art9-2-j"})
_GDPR_NAME = re.compile(r"\b(?:eu-)?ds-?gvo\b|\bgdpr\b", re.IGNORECASE)
_CITED = re.compile(r"§|\bart\b|\bartikel\b|\barticle\b")
# A free-text basis that names a law without citing a section ("Bundesmeldegesetz", "BMG").
_LAW_WORD = re.compile(r"gesetz|ordnung|satzung|richtlinie|verordnung|\bact\b|\blaw\b")
_LAW_ABBREVIATION = re.compile(r"\b[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*[A-Z]\b")
# Words that name a kind of law rather than a law: a placeholder, not a provision.
_GENERIC_LAW = re.compile(
    r"generalklausel|landesdatenschutzgesetz|\blandes(?:- oder fach)?rechts?\b|\bfachrechts?\b"
    r"|general clause|land data protection act|\b(?:land|sector-specific) law\b"
)


def check_purposes(act: Activity, org: Organisation, out: Out) -> None:
    lang = out.lang
    named = [p for p in act.purposes if p.text.strip()]
    if not named:
        out.add("activity-no-purpose", "purposes")
    for i, purpose in enumerate(act.purposes):
        path = f"purposes[{i}]"
        bases = [classify(b) for b in purpose.legal_bases if b.strip()]
        if not purpose.text.strip():
            if bases and named:
                out.add(
                    "purpose-no-text",
                    f"{path}.text",
                    n=i + 1,
                    bases=", ".join(_label(b.text, lang) for b in bases),
                )
            continue
        name = short(purpose.text)
        if not bases:
            out.add("purpose-no-legal-basis", f"{path}.legal_bases", purpose=name)
            continue
        ids = frozenset().union(*(b.gdpr for b in bases))
        art6 = {x for x in ids if x.startswith("art6-")}
        contested = [
            b.provision
            for b in bases
            if b.provision is not None and b.provision.attrs.get("contested")
        ]
        pair = {p for t in contested for p in t.attrs.get("pair_with", ())}
        if contested and not (ids & pair):
            out.add(
                "contested-national-basis",
                f"{path}.legal_bases",
                purpose=name,
                provision=", ".join(str(t.attrs.get("citation", t.id)) for t in contested),
                pair=WORDS["or"](lang).join(_label(p, lang) for p in sorted(pair)),
            )
        elif not art6:
            out.add(
                "purpose-no-art6-basis",
                f"{path}.legal_bases",
                purpose=name,
                bases=", ".join(_label(b.text, lang) for b in bases),
            )
        check_provisions(bases, org, out, path, name)
        needs_law = sorted(art6 & {"art6-1-c", "art6-1-e"})
        if needs_law and not any(b.law or b.open for b in bases):
            out.add(
                "legal-basis-no-provision",
                f"{path}.legal_bases",
                purpose=name,
                basis=WORDS["or"](lang).join(_label(b, lang) for b in needs_law),
            )
        if "art6-1-a" in ids and org.is_public_body:
            out.add("public-body-consent", f"{path}.legal_bases", purpose=name)
        law = any(b.law for b in bases)
        needs_law9 = sorted(ids & _ART9_NEEDS_LAW)
        if needs_law9 and not law:
            out.add(
                "art9-condition-no-law",
                f"{path}.legal_bases",
                purpose=name,
                basis=", ".join(_label(b, lang) for b in needs_law9),
            )
        if "art10" in ids and not law:
            out.add("art10-no-law", f"{path}.legal_bases", purpose=name)
        if "art6-1-f" in ids:
            if org.is_public_body:
                out.add("public-body-legitimate-interest", f"{path}.legal_bases", purpose=name)
            if not purpose.legitimate_interest.strip():
                out.add(
                    "legitimate-interest-not-described", f"{path}.legitimate_interest", purpose=name
                )
        for basis in bases:
            if basis.open:
                out.add(
                    "provision-role-open", f"{path}.legal_bases", purpose=name, basis=basis.text
                )
            elif not basis.cited:
                out.add(
                    "legal-basis-free-text", f"{path}.legal_bases", purpose=name, basis=basis.text
                )
