"""Field paths and recorded values of the history as people read them: labels, never keys.

The history stores a changed field by its path in the dictionary form
(``transfers[0].mechanism``) and its values as text (strings as they are, anything else
as compact JSON: ``["art6-1-c","art6-1-e"]``). :func:`field_label` and
:func:`value_label` turn both into the words the rest of the window uses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import Text, language

_SEGMENT = re.compile(r"^([^\[]*)((?:\[\d+\])*)$")

SUB_FIELD_LABELS: dict[str, Text] = {
    # Parts of an activity's items and of the other records, below the top level.
    "text": Text("Zweck", "Purpose"),
    "name": Text("Name", "Name"),
    "duration": Text("Dauer", "Duration"),
    "unit": Text("Einheit", "Unit"),
    "start": Text("Beginn (Ereignis)", "Starting event"),
    "processor": Text("Auftragsverarbeiter", "Processor"),
    "service": Text("Leistung", "Service"),
    "mechanism": Text("Garantie (Mechanismus)", "Safeguard (mechanism)"),
    "mechanism_text": Text("Garantie (wie angegeben)", "Safeguard (as stated)"),
    "documentation": Text("Dokumentation", "Documentation"),
    "recipient": Text("Empfänger", "Recipient"),
    "arrangement": Text("Vereinbarung nach Art. 26", "Arrangement under Art. 26"),
    "result": Text("Ergebnis", "Result"),
    "reference": Text("Fundstelle", "Reference"),
    "screened_on": Text("Geprüft am", "Screened on"),
    "art35_3": Text("Fälle des Art. 35 Abs. 3", "Cases of Art. 35(3)"),
    "wp248": Text("Kriterien WP248", "WP248 criteria"),
    "dsk_list": Text("DSK-Muss-Liste", "DSK list"),
    "organisation": Text("Organisation", "Organisation"),
    "archived": Text("Archiviert", "Archived"),
    "version": Text("Stand", "Version"),
    "owner": Text("Organisation", "Organisation"),
}
"""Labels of nested fields (``retention.unit``, ``transfers[0].mechanism`` …)."""

_DATES = frozenset(
    {
        "created",
        "changed",
        "last_reviewed",
        "next_review",
        "screened_on",
        "contract_date",
        "archived",
    }
)
_ENUMS: dict[str, Mapping[Any, Text]] = {
    "status": p.STATUS,
    "kind": p.ORGANISATION_KIND,
    "result": p.DPIA_RESULT,
    "special": p.SPECIAL,
}
_ENUM_TYPES: dict[str, Callable[[str], Any]] = {
    "status": m.ActivityStatus,
    "kind": m.OrganisationKind,
    "result": m.DpiaResult,
    "special": m.SpecialCategory,
}
_UID_KEYS = frozenset({"recipients", "toms", "processor", "owner"})
_VOCABULARIES: dict[str, Callable[[], vocab.Vocabulary]] = {
    "art32": vocab.art32_categories,
    "art35_3": vocab.dpia_art35_3,
    "wp248": vocab.dpia_wp248,
    "dsk_list": vocab.dpia_dsk_list,
}


def _key_label(key: str, entity: str, top: bool) -> str:
    lang = language()
    if top:
        label = p.record_field_label(entity, key, lang)
        if label != key or key not in SUB_FIELD_LABELS:
            return label
    text = SUB_FIELD_LABELS.get(key) or p.FIELD_LABELS.get(key) or p.RECORD_FIELD_LABELS.get(key)
    return text(lang) if text is not None else key


def field_label(path: str | None, entity: str = "activity") -> str:
    """A field path such as ``purposes[0].legal_bases`` for people, for every kind of
    record: "Zwecke der Verarbeitung 1 › Rechtsgrundlagen"; list positions count from 1."""
    if not path:
        return ""
    parts = []
    for i, segment in enumerate(path.split(".")):
        match = _SEGMENT.match(segment)
        if match is None:
            parts.append(segment)
            continue
        key, indexes = match.groups()
        numbers = [str(int(n) + 1) for n in re.findall(r"\d+", indexes)]
        parts.append(" ".join([_key_label(key, entity, i == 0), *numbers]))
    return " › ".join(parts)


def _last_key(path: str) -> str:
    match = _SEGMENT.match(path.rsplit(".", 1)[-1])
    return match.group(1) if match is not None else path


def _decode(text: str) -> Any:
    if text[:1] in "[{" or text in ("true", "false", "null"):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


def _date_text(value: str) -> str:
    try:
        parsed: date = (
            datetime.fromisoformat(value).astimezone()
            if "T" in value
            else date.fromisoformat(value)
        )
    except ValueError:
        return value
    return p.format_date(parsed)


def value_label(path: str, text: str | None, names: Mapping[str, str]) -> str:
    """A recorded value for people: labels of vocabulary ids and enumerations, names of
    catalogue entries (``names``: uid → name), dates in the local format, "ja"/"nein";
    "—" for nothing."""
    if text is None or text in ("", "null", "[]"):
        return "—"
    key = _last_key(path)
    return _plain(key, _decode(text), names)


def _plain(key: str, value: Any, names: Mapping[str, str]) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return p.yes_no(value)
    if isinstance(value, list):
        if key == "legal_bases":
            return "; ".join(p.legal_basis(str(ref)) for ref in value)
        if key in _VOCABULARIES:
            return "; ".join(p.vocab_labels(_VOCABULARIES[key](), [str(v) for v in value]))
        return "; ".join(_plain(key, item, names) for item in value)
    if isinstance(value, dict):
        parts = [_plain(k, v, names) for k, v in value.items()]
        return ", ".join(t for t in parts if t != "—") or "—"
    if not isinstance(value, str):
        return str(value)
    return _string(key, value, names)


def _string(key: str, value: str, names: Mapping[str, str]) -> str:
    lang = language()
    if key in _UID_KEYS:
        return names.get(value) or QCoreApplication.translate(
            "HistoryView", "(entry no longer in the catalogue)"
        )
    if key in _ENUMS:
        try:
            label = _ENUMS[key][_ENUM_TYPES[key](value)](lang)
        except (ValueError, KeyError):
            return value
        return label or QCoreApplication.translate("HistoryView", "none")
    if key == "unit":
        try:
            return p.unit_label(m.RetentionUnit(value), lang)
        except ValueError:
            return value
    if key == "mechanism":
        term = vocab.transfer_mechanisms().get(value)
        return term.label(lang) if term is not None else value
    if key == "country":
        return p.country(value, lang)
    if key == "land":
        return p.land(value, lang)
    if key == "supervisory_authority":
        return p.authority(value, lang)
    if key == "sdm_goal":
        term = vocab.sdm_goals().get(value)
        return term.label(lang) if term is not None else value
    if key in _DATES:
        return _date_text(value)
    return value
