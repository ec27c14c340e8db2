"""What the activity editor offers to choose: vocabulary terms, countries, references."""

from __future__ import annotations

import re

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import language
from ropa_desktop.ui.editor.fields import Choices

_REFERENCE = re.compile(r"^(.*?)(\d+)(\D*)$")


def next_reference(references: list[str]) -> str:
    """The reference after the highest numbered one ("VT-008" -> "VT-009"; none -> "001")."""
    best: tuple[int, str, int, str] | None = None
    for ref in references:
        match = _REFERENCE.match(ref.strip())
        if match is None:
            continue
        number = int(match.group(2))
        if best is None or number > best[0]:
            best = (number, match.group(1), len(match.group(2)), match.group(3))
    if best is None:
        return "001"
    number, prefix, width, suffix = best
    return f"{prefix}{number + 1:0{width}d}{suffix}"


def item_label(key: str) -> str:
    """The caption of a top-level item of an activity ("purposes" -> "Purposes")."""
    return p.FIELD_LABELS[key]()


def terms(vocabulary: vocab.Vocabulary, lang: str) -> Choices:
    """The terms of a vocabulary as (id, label) choices."""
    return [(t.id, t.label(lang)) for t in vocabulary]


def legal_basis_choices() -> Choices:
    """Legal bases and national provisions, each with its citation and label."""
    lang = language()
    out = []
    for term in vocab.legal_bases():
        out.append((term.id, f"{p.legal_basis(term.id, lang)} – {term.label(lang)}"))
    for term in vocab.national_provisions():
        out.append((term.id, f"{term.attrs.get('citation') or term.id} – {term.label(lang)}"))
    return out


def country_choices() -> Choices:
    """Countries by label (with their code), then the European Patent Organisation."""
    lang = language()
    out = [(t.id.upper(), f"{t.label(lang)} ({t.id.upper()})") for t in vocab.countries()]
    out.sort(key=lambda pair: pair[1].casefold())
    epo = vocab.adequacy().get("int-epo")
    if epo is not None:
        out.append((epo.id, epo.label(lang)))
    return out


def mechanism_choices() -> Choices:
    """The transfer mechanisms (Art. 44 ff. GDPR)."""
    lang = language()
    return [(t.id, t.label(lang)) for t in vocab.transfer_mechanisms()]


def recipient_text(rec: m.Recipient) -> str:
    """A recipient as the editor lists it: name (category)."""
    return f"{rec.name} ({rec.category})" if rec.category.strip() else rec.name
