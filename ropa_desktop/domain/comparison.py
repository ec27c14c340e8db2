"""What changed in one organisation's register between two versions ("Stand"), in words.

:func:`compare` takes the register as it was and as it is (a frozen version or the
working register) and lists the activities, processing services, catalogue entries and
master data that were added, removed or changed; per changed record the changed items
with old → new as the exports print them (labels, not codes: "Art. 6 Abs. 1 lit. c
DSGVO", not ``art6-1-c``). Lists (processors, recipients, TOMs, transfers, data
categories …) are compared entry by entry: what was added, what was removed.
The result is rendered in one language (German or English) when it is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import (
    Activity,
    ActivityStatus,
    Contact,
    DpiaScreening,
    Organisation,
    OrganisationKind,
    ProcessingService,
    Register,
    Tom,
    Transfer,
    interchange_fields,
)


class Change(StrEnum):
    """What happened to a record between the two versions."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Kind(StrEnum):
    """Which kind of record changed."""

    ORGANISATION = "organisation"
    ACTIVITY = "activity"
    SERVICE = "service"
    PROCESSOR = "processor"
    RECIPIENT = "recipient"
    TOM = "tom"


CHANGE_WORDS = {
    Change.ADDED: Text("neu", "added"),
    Change.REMOVED: Text("entfernt", "removed"),
    Change.CHANGED: Text("geändert", "changed"),
}
KIND_WORDS = {
    Kind.ORGANISATION: Text("Stammdaten der Organisation", "Organisation's master data"),
    Kind.ACTIVITY: Text("Verarbeitungstätigkeit", "Processing activity"),
    Kind.SERVICE: Text("Verarbeitung im Auftrag", "Processing service"),
    Kind.PROCESSOR: Text("Auftragsverarbeiter", "Processor"),
    Kind.RECIPIENT: Text("Empfänger", "Recipient"),
    Kind.TOM: Text("TOM", "TOM"),
}
ADDED_ITEM = Text("hinzugefügt", "added")
REMOVED_ITEM = Text("entfernt", "removed")
EMPTY = Text("(leer)", "(empty)")
NO_CHANGES = Text("Keine Änderungen.", "No changes.")
HEADING = Text("Änderungen seit {old}", "Changes since {old}")
COMPARED = Text("{old} → {new}", "{old} → {new}")
STAND_NAME = Text("Stand {number}", "version {number}")
WORKING = Text("Arbeitsstand", "working copy")
COUNTS = Text(
    "{added} neu, {removed} entfernt, {changed} geändert",
    "{added} added, {removed} removed, {changed} changed",
)
PURPOSE_BASES = Text("Rechtsgrundlagen („{purpose}“)", "Legal bases (“{purpose}”)")
PURPOSE_INTEREST = Text(
    "Berechtigte Interessen („{purpose}“)", "Legitimate interests (“{purpose}”)"
)
SERVICE_OF = Text("für", "for")

SKIPPED = frozenset({"uid", "owner", "created", "changed", "activities", "services", "archived"})
"""Fields that are identity or bookkeeping, not content a change report names."""


def version_name(number: int | None, lang: str) -> str:
    """ "Stand 3" for a frozen version, "Arbeitsstand" for the working register (None)."""
    return WORKING(lang) if number is None else STAND_NAME(lang, number=number)


@dataclass(frozen=True, slots=True)
class ItemChange:
    """One changed item of a record, in words: ``old`` None means the value was added
    (to a list), ``new`` None that it was removed; both given: old → new."""

    field: str
    old: str | None
    new: str | None

    def cells(self, lang: str) -> tuple[str, str, str]:
        """The change in three cells of a table: what happened ("hinzugefügt",
        "entfernt", "geändert"), the old and the new value ("(leer)" for an empty side of
        a change, nothing for the missing side of an addition or removal)."""
        if self.old is None:
            word = ADDED_ITEM(lang)
        elif self.new is None:
            word = REMOVED_ITEM(lang)
        else:
            word = CHANGE_WORDS[Change.CHANGED](lang)
        empty = EMPTY(lang) if self.old is not None and self.new is not None else ""
        return word, self.old or empty, self.new or empty

    def line(self, lang: str) -> str:
        """The change as one line: "Label: old → new", "Label: hinzugefügt: value"."""
        if self.old is None:
            return f"{self.field}: {ADDED_ITEM(lang)}: {self.new}"
        if self.new is None:
            return f"{self.field}: {REMOVED_ITEM(lang)}: {self.old}"
        return f"{self.field}: {self.old or EMPTY(lang)} → {self.new or EMPTY(lang)}"


@dataclass(frozen=True, slots=True)
class RecordChange:
    """A record added, removed or changed, with its changed items (for ``CHANGED``)."""

    kind: Kind
    change: Change
    uid: str
    title: str
    items: tuple[ItemChange, ...] = ()

    def heading(self, lang: str) -> str:
        """E.g. "Verarbeitungstätigkeit VT-3 Bürgerservice: geändert"."""
        return f"{KIND_WORDS[self.kind](lang)} {self.title}: {CHANGE_WORDS[self.change](lang)}"


@dataclass(frozen=True, slots=True)
class Comparison:
    """The differences between two versions of one organisation's register."""

    organisation: str
    old: str
    """The name of the older side, e.g. "Stand 2"."""
    new: str
    lang: str
    records: tuple[RecordChange, ...] = field(default_factory=tuple)

    def count(self, change: Change) -> int:
        """How many records were added, removed or changed."""
        return sum(1 for r in self.records if r.change == change)

    def summary(self) -> str:
        """E.g. "1 neu, 1 entfernt, 2 geändert"."""
        return COUNTS(
            self.lang,
            added=self.count(Change.ADDED),
            removed=self.count(Change.REMOVED),
            changed=self.count(Change.CHANGED),
        )

    def lines(self) -> list[str]:
        """The whole report as plain text lines (what ``diff`` prints)."""
        out = [f"{self.organisation}: {COMPARED(self.lang, old=self.old, new=self.new)}"]
        if not self.records:
            out.append(NO_CHANGES(self.lang))
            return out
        out.append(self.summary())
        for record in self.records:
            out.append("")
            out.append(record.heading(self.lang))
            out.extend(f"  {item.line(self.lang)}" for item in record.items)
        return out

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dictionary (``diff --json``)."""
        return {
            "organisation": self.organisation,
            "from": self.old,
            "to": self.new,
            "language": self.lang,
            "records": [
                {
                    "kind": r.kind.value,
                    "change": r.change.value,
                    "uid": r.uid,
                    "title": r.title,
                    "items": [{"field": i.field, "old": i.old, "new": i.new} for i in r.items],
                }
                for r in self.records
            ],
        }


class _Words:
    """Renders a register's values in one language, with the register's names at hand."""

    def __init__(self, register: Register, lang: str) -> None:
        self.lang = lang
        self.processors = register.processors_by_uid()
        self.recipients = register.recipients_by_uid()
        self.toms = register.toms_by_uid()

    def processor(self, uid: str) -> str:
        found = self.processors.get(uid)
        return found.name if found is not None else uid

    def recipient(self, uid: str) -> str:
        found = self.recipients.get(uid)
        return found.name if found is not None else uid

    def tom(self, uid: str) -> str:
        found = self.toms.get(uid)
        return (found.title or uid) if found is not None else uid

    def link(self, processor: str, service: str) -> str:
        name = self.processor(processor)
        return f"{name} ({service})" if service.strip() else name

    def items(self, key: str, value: Any) -> list[str] | str:
        """A field's value in words: a list of entries (compared entry by entry) or one
        text."""
        lang = self.lang
        if key in ("processors", "subprocessors"):
            return [self.link(x.processor, x.service) for x in value]
        if key == "recipients":
            return [self.recipient(uid) for uid in value]
        if key == "toms":
            return [self.tom(uid) for uid in value]
        if key == "transfers":
            return [p.transfer(t, self.processors, lang) for t in value]
        if key == "data_categories":
            return [_category(c, lang) for c in value]
        if key == "joint_controllers":
            return [" – ".join(x for x in (j.name, j.contact, j.arrangement) if x) for j in value]
        if key == "controllers":
            return [
                " – ".join(x for x in (c.name, c.contact, c.representative, c.dpo) if x)
                for c in value
            ]
        if key == "art32":
            return p.vocab_labels(vocab.art32_categories(), value, lang)
        if isinstance(value, list):
            return [str(v) for v in value]
        return self.text(key, value)

    def text(self, key: str, value: Any) -> str:
        lang = self.lang
        if isinstance(value, ActivityStatus):
            return p.STATUS[value](lang)
        if isinstance(value, OrganisationKind):
            return p.ORGANISATION_KIND[value](lang)
        if isinstance(value, Contact):
            return "; ".join(p.contact(value))
        if isinstance(value, DpiaScreening):
            return _dpia(value, lang)
        if isinstance(value, bool):
            return p.yes_no(value, lang)
        if isinstance(value, datetime | date):
            return p.format_date(value, lang)
        if value is None:
            return ""
        if key == "country":
            return p.country(str(value), lang)
        if key == "land":
            return p.land(str(value), lang)
        if key == "supervisory_authority":
            return p.authority(str(value), lang)
        if key == "sdm_goal":
            term = vocab.sdm_goals().get(str(value))
            return term.label(lang) if term is not None else str(value)
        return str(value)


def _category(c: Any, lang: str) -> str:
    parts = [c.name, p.SPECIAL[c.special](lang), p.retention(c.retention, lang), c.source]
    return " – ".join(x for x in parts if x)


def _dpia(d: DpiaScreening, lang: str) -> str:
    parts = [p.DPIA_RESULT[d.result](lang)]
    parts += p.vocab_labels(vocab.dpia_art35_3(), d.art35_3, lang)
    parts += p.vocab_labels(vocab.dpia_wp248(), d.wp248, lang)
    parts += p.vocab_labels(vocab.dpia_dsk_list(), d.dsk_list, lang)
    if d.reference:
        parts.append(d.reference)
    if d.screened_on is not None:
        parts.append(p.format_date(d.screened_on, lang))
    if d.notes:
        parts.append(d.notes)
    return "; ".join(parts)


def _list_changes(label: str, old: list[str], new: list[str]) -> list[ItemChange]:
    """Entries removed from and added to a list (a changed entry shows as both)."""
    out = [ItemChange(label, v, None) for v in old if v not in new]
    out += [ItemChange(label, None, v) for v in new if v not in old]
    return out


def _transfer_changes(
    label: str, old: list[Transfer], new: list[Transfer], before: _Words, after: _Words
) -> list[ItemChange]:
    """Transfers to the same country and recipient read as changed (old → new, e.g. a new
    mechanism); the others as added or removed."""

    def key(t: Transfer) -> tuple[str, str]:
        return (t.country.upper(), t.recipient.strip().casefold() or (t.processor or ""))

    def words(t: Transfer, w: _Words) -> str:
        return p.transfer(t, w.processors, w.lang)

    was = [(key(t), words(t, before)) for t in old]
    now = [(key(t), words(t, after)) for t in new]
    removed = [x for x in was if x[1] not in [n for _, n in now]]
    added = [x for x in now if x[1] not in [o for _, o in was]]
    out: list[ItemChange] = []
    for k, text in removed:
        partner = next((x for x in added if x[0] == k), None)
        if partner is not None:
            added.remove(partner)
            out.append(ItemChange(label, text, partner[1]))
        else:
            out.append(ItemChange(label, text, None))
    out += [ItemChange(label, None, text) for _, text in added]
    return out


def _field_changes(
    entity: str, old: Any, new: Any, before: _Words, after: _Words, skip: Iterable[str] = ()
) -> list[ItemChange]:
    out: list[ItemChange] = []
    skipped = SKIPPED | set(skip)
    for key in interchange_fields(type(new)):
        if key in skipped:
            continue
        label = p.record_field_label(entity, key, after.lang)
        a, b = before.items(key, getattr(old, key)), after.items(key, getattr(new, key))
        if a == b:
            continue
        if key == "transfers":
            out += _transfer_changes(label, getattr(old, key), getattr(new, key), before, after)
        elif isinstance(a, list) and isinstance(b, list):
            out += _list_changes(label, a, b)
        else:
            out.append(ItemChange(label, str(a), str(b)))
    return out


def _purpose_changes(old: Activity, new: Activity, w: _Words) -> list[ItemChange]:
    """Purposes matched by their text: a changed legal basis reads as old → new."""
    lang = w.lang
    label = p.FIELD_LABELS["purposes"](lang)
    before = {x.text: x for x in old.purposes}
    after = {x.text: x for x in new.purposes}
    out = [ItemChange(label, t, None) for t in before if t not in after]
    out += [ItemChange(label, None, t) for t in after if t not in before]
    for text, purpose in after.items():
        previous = before.get(text)
        if previous is None:
            continue
        a = ", ".join(p.legal_basis(b, lang) for b in previous.legal_bases)
        b = ", ".join(p.legal_basis(b, lang) for b in purpose.legal_bases)
        if a != b:
            out.append(ItemChange(PURPOSE_BASES(lang, purpose=text), a, b))
        if previous.legitimate_interest != purpose.legitimate_interest:
            out.append(
                ItemChange(
                    PURPOSE_INTEREST(lang, purpose=text),
                    previous.legitimate_interest,
                    purpose.legitimate_interest,
                )
            )
    # a new purpose's legal bases are part of what was added
    for text in after:
        if text not in before and after[text].legal_bases:
            bases = ", ".join(p.legal_basis(b, lang) for b in after[text].legal_bases)
            out.append(ItemChange(PURPOSE_BASES(lang, purpose=text), None, bases))
    return out


def _title(record: Any) -> str:
    if isinstance(record, Activity | ProcessingService):
        return " ".join(x for x in (record.reference, f"„{record.name}“") if x.strip())
    if isinstance(record, Tom):
        return f"„{record.title}“"
    return f"„{record.name}“"


def _records(
    kind: Kind,
    old: list[Any],
    new: list[Any],
    before: _Words,
    after: _Words,
    changes: Callable[[Any, Any], list[ItemChange]],
) -> list[RecordChange]:
    was = {r.uid: r for r in old}
    now = {r.uid: r for r in new}
    out = []
    for record in new:
        previous = was.get(record.uid)
        if previous is None:
            out.append(RecordChange(kind, Change.ADDED, record.uid, _title(record)))
            continue
        items = changes(previous, record)
        if items:
            out.append(RecordChange(kind, Change.CHANGED, record.uid, _title(record), tuple(items)))
    out += [RecordChange(kind, Change.REMOVED, r.uid, _title(r)) for r in old if r.uid not in now]
    return out


def compare(
    old: Register,
    new: Register,
    organisation: str,
    *,
    old_name: str,
    new_name: str,
    lang: str,
) -> Comparison:
    """The differences in ``organisation``'s register from ``old`` to ``new``.

    ``old_name``/``new_name`` say which versions these are ("Stand 2", "Arbeitsstand").
    An organisation missing on one side counts as empty there.
    """
    before, after = _Words(old, lang), _Words(new, lang)
    was = old.organisation(organisation) or Organisation(name=organisation)
    now = new.organisation(organisation) or Organisation(name=organisation)

    def activity(a: Activity, b: Activity) -> list[ItemChange]:
        items = _field_changes("activity", a, b, before, after, skip=("purposes",))
        return _purpose_changes(a, b, after) + items

    def generic(entity: str) -> Callable[[Any, Any], list[ItemChange]]:
        return lambda a, b: _field_changes(entity, a, b, before, after)

    def own(items: list[Any], org: Organisation) -> list[Any]:
        return [x for x in items if x.owner == org.uid]

    records: list[RecordChange] = []
    master = _field_changes("organisation", was, now, before, after)
    if master and old.organisation(organisation) is not None:
        records.append(
            RecordChange(Kind.ORGANISATION, Change.CHANGED, now.uid, _title(now), tuple(master))
        )
    records += _records(Kind.ACTIVITY, was.activities, now.activities, before, after, activity)
    records += _records(Kind.SERVICE, was.services, now.services, before, after, generic("service"))
    for kind, entity, old_items, new_items in (
        (Kind.PROCESSOR, "processor", old.processors, new.processors),
        (Kind.RECIPIENT, "recipient", old.recipients, new.recipients),
        (Kind.TOM, "tom", old.toms, new.toms),
    ):
        records += _records(
            kind, own(old_items, was), own(new_items, now), before, after, generic(entity)
        )
    return Comparison(organisation, old_name, new_name, lang, tuple(records))
