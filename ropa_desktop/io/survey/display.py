"""Item values of a questionnaire review as people read them (labels, never ids)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.i18n import Text, language
from ropa_desktop.io.survey.fields import ITEM_BY_KEY, Value, proposal_name
from ropa_desktop.io.survey.review import STATE_LABELS, State

EMPTY = Text("(leer)", "(empty)")
PROPOSED = Text("{name} (neu, nicht im Katalog)", "{name} (new, not in the catalogue)")
UNKNOWN = Text("(unbekannter Eintrag)", "(unknown entry)")


def item_label(key: str, lang: str | None = None) -> str:
    """The label of item ``key``."""
    return ITEM_BY_KEY[key].label(lang or language())


def state_label(state: State, lang: str | None = None) -> str:
    """The state in words."""
    return STATE_LABELS[state](lang or language())


def _category(row: list[str], lang: str) -> str:
    name, special, source, duration, unit, start, text, notes = row
    retention = m.Retention(
        int(duration) if duration.isdigit() else None,
        m.RetentionUnit(unit) if unit in m.RetentionUnit._value2member_map_ else None,
        start,
        text,
    )
    parts = [name]
    if special and special != m.SpecialCategory.NONE.value:
        parts.append(p.SPECIAL[m.SpecialCategory(special)](lang))
    if source:
        parts.append(f"{p.FIELD_LABELS['source'](lang)}: {source}")
    if not retention.is_empty():
        parts.append(p.retention(retention, lang))
    elif duration:
        parts.append(duration)
    if notes:
        parts.append(notes)
    return ", ".join(x for x in parts if x)


def _entry(ref: str, names: Mapping[str, str], lang: str) -> str:
    """A catalogue entry by name; a proposal marked as new (never a uid)."""
    proposed = proposal_name(ref)
    if proposed is not None:
        return PROPOSED(lang, name=proposed)
    return names.get(ref) or UNKNOWN(lang)


def value_lines(
    key: str, value: Value, lang: str | None = None, names: Mapping[str, str] | None = None
) -> list[str]:
    """The value of item ``key`` as lines of text (one per table entry); ``names`` are the
    labels of catalogue entries by uid."""
    lang = lang or language()
    names = names or {}
    if not ITEM_BY_KEY[key].is_table:
        return [str(value)] if value else []
    lines: list[str] = []
    for entry in value:
        if key == "purposes":
            text, interest, *bases = entry
            line = text
            if bases:
                line += f" ({'; '.join(p.legal_basis(b, lang) for b in bases)})"
            if interest:
                line += f" — {p.FIELD_LABELS['legitimate_interest'](lang)}: {interest}"
            lines.append(line)
        elif key == "data_categories":
            lines.append(_category(list(entry), lang))
        elif key in ("recipients", "toms"):
            lines.append(_entry(entry, names, lang))
        elif key == "processors":
            ref, service = entry
            lines.append(" — ".join(x for x in (_entry(ref, names, lang), service) if x))
        elif key == "transfers":
            country, recipient, mechanism = entry
            parts = [
                p.country(country, lang),
                recipient,
                p.mechanism(m.Transfer(mechanism=mechanism), lang),
            ]
            lines.append(" – ".join(x for x in parts if x))
        else:
            lines.append(str(entry))
    return lines


def value_text(
    key: str, value: Any, lang: str | None = None, names: Mapping[str, str] | None = None
) -> str:
    """The value of item ``key`` on one or more lines; "(leer)" when empty."""
    lines = value_lines(key, value, lang, names)
    return "\n".join(lines) if lines else EMPTY(lang or language())
