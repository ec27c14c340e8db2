"""The rows of the Excel workbook as plain values, before any cell is written.

:func:`workbook_content` turns one organisation's register into the sheets of
:mod:`ropa_desktop.io.export.xlsx_layout`, each a :class:`SheetContent` whose rows are
built lazily, one block per activity, service or catalogue entry. The values are
texts, numbers, dates and times as the register holds them, rendered in the export
language; :mod:`ropa_desktop.io.export.xlsx` makes cells of them, and the benchmark
uses them for its baseline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.domain.attachments import AttachmentInfo
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import (
    Activity,
    Contact,
    Organisation,
    ProcessingService,
    Processor,
    Recipient,
    Register,
    SpecialCategory,
    Tom,
    Transfer,
)
from ropa_desktop.io.export import xlsx_layout as L
from ropa_desktop.io.export.attachments_list import listed_attachments
from ropa_desktop.io.export.common import checked_organisation

Value = str | int | date | datetime | None
Row = list[Value]

TITLE = {
    "controller": Text(
        "Verzeichnis von Verarbeitungstätigkeiten des Verantwortlichen (Art. 30 Abs. 1 DSGVO)",
        "Record of processing activities of the controller (Art. 30(1) GDPR)",
    ),
    "processor": Text(
        "Verzeichnis aller Kategorien von Verarbeitungstätigkeiten des "
        "Auftragsverarbeiters (Art. 30 Abs. 2 DSGVO)",
        "Record of all categories of processing activities of the processor (Art. 30(2) GDPR)",
    ),
}
ROLE = {
    "controller": Text("Verantwortlicher (Art. 30 Abs. 1 DSGVO)", "Controller (Art. 30(1) GDPR)"),
    "processor": Text("Auftragsverarbeiter (Art. 30 Abs. 2 DSGVO)", "Processor (Art. 30(2) GDPR)"),
}
CONTACT_LABEL = Text("Kontakt", "Contact")
ARRANGEMENT_LABEL = Text("Vereinbarung", "Arrangement")


@dataclass(slots=True)
class SheetContent:
    """One sheet's rows, in blocks: one block per activity, service or catalogue entry.

    ``count`` is the number of blocks (the sheet's share of the progress);
    ``blocks`` may be a generator and is consumed once.
    """

    layout: L.SheetLayout
    count: int
    blocks: Iterable[list[Row]]


def _excel_datetime(value: datetime) -> datetime:
    """Excel has no time zones: the register's UTC times are written as they are in UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _lines(items: Iterable[str]) -> str:
    return "\n".join(item for item in items if item)


def _entry_label(reference: str, name: str) -> str:
    return f"{reference} – {name}" if reference else name


class _Context:
    """What the row builders need: language, the organisation and its catalogue entries."""

    def __init__(self, register: Register, org: Organisation, kind: str, lang: str) -> None:
        self.lang = lang
        self.org = org
        self.kind = kind
        self.processors = register.processors_by_uid()
        self.recipients = register.recipients_by_uid()
        self.toms = register.toms_by_uid()
        self.entries: Sequence[Activity | ProcessingService] = (
            org.activities if kind == "controller" else org.services
        )
        self._legal: dict[str, str] = {}

    def legal_basis(self, ref: str) -> str:
        text = self._legal.get(ref)
        if text is None:
            text = self._legal[ref] = p.legal_basis(ref, self.lang)
        return text

    def processor_name(self, uid: str | None) -> str:
        if not uid:
            return ""
        proc = self.processors.get(uid)
        return proc.name if proc is not None else uid

    def processor_link(self, uid: str, service: str) -> str:
        name = self.processor_name(uid)
        return f"{name} – {service}" if service else name

    def recipient(self, uid: str) -> str:
        rec = self.recipients.get(uid)
        if rec is None:
            return uid
        return (
            f"{rec.name} ({rec.category})"
            if rec.category and rec.category != rec.name
            else rec.name
        )

    def tom_titles(self, uids: list[str]) -> str:
        return _lines(self.toms[u].title if u in self.toms else u for u in uids)

    def transfers(self, transfers: list[Transfer]) -> str:
        return _lines(p.transfer(t, self.processors, self.lang) for t in transfers)


# --- main sheet


def _contact_values(prefix: str, c: Contact, lang: str) -> dict[str, Value]:
    return {
        f"{prefix}.name": c.name,
        f"{prefix}.organisation": c.organisation,
        f"{prefix}.street": c.street,
        f"{prefix}.postcode": c.postcode,
        f"{prefix}.city": c.city,
        f"{prefix}.country": p.country(c.country, lang),
        f"{prefix}.phone": c.phone,
        f"{prefix}.email": c.email,
        f"{prefix}.website": c.website,
    }


def _main_rows(x: _Context, stand: date, version: str) -> list[Row]:
    org, lang = x.org, x.lang
    values: dict[str, Value] = {
        "title": TITLE[x.kind](lang),
        "stand": stand,
        "version": version,
        "role": ROLE[x.kind](lang),
        "entries": len(x.entries),
        "organisation.name": org.name,
        "organisation.kind": p.ORGANISATION_KIND[org.kind](lang),
        "organisation.land": p.land(org.land, lang),
        "organisation.street": org.street,
        "organisation.postcode": org.postcode,
        "organisation.city": org.city,
        "organisation.country": p.country(org.country, lang),
        "organisation.phone": org.phone,
        "organisation.email": org.email,
        "organisation.website": org.website,
        "organisation.management": org.management,
        "organisation.is_controller": p.yes_no(org.is_controller, lang),
        "organisation.is_processor": p.yes_no(org.is_processor, lang),
        "organisation.notes": org.notes,
        **_contact_values("representative", org.representative, lang),
        **_contact_values("dpo", org.dpo, lang),
        "dpo.external": p.yes_no(org.dpo_external, lang),
        "authority": p.authority(org.supervisory_authority, lang),
        **{
            f"authority.{key}": value
            for key, value in p.authority_contact(org.supervisory_authority).items()
        },
    }
    org_section = "controller" if x.kind == "controller" else "processor"
    rows: list[Row] = []
    for item in L.MAIN_ITEMS:
        section = org_section if item.section == "organisation" else item.section
        rows.append([L.SECTIONS[section](lang), item.label(lang), values[item.key]])
    return rows


# --- processing activities


def _numbered(values: list[tuple[int, str]], count: int) -> str:
    """One line per purpose; numbered "n. " when the activity has several purposes."""
    if count > 1:
        return _lines(f"{n}. {text}" for n, text in values if text)
    return _lines(text for _, text in values)


def _activity_row(a: Activity, x: _Context) -> Row:
    lang = x.lang
    n = len(a.purposes)
    purposes = _numbered([(i, pu.text) for i, pu in enumerate(a.purposes, 1)], n)
    bases = _numbered(
        [
            (i, "; ".join(x.legal_basis(ref) for ref in pu.legal_bases))
            for i, pu in enumerate(a.purposes, 1)
        ],
        n,
    )
    interests = _numbered([(i, pu.legitimate_interest) for i, pu in enumerate(a.purposes, 1)], n)
    categories = _lines(
        f"{c.name} – {p.SPECIAL[c.special](lang)}"
        if c.special is not SpecialCategory.NONE
        else c.name
        for c in a.data_categories
    )
    retention = _lines(
        f"{c.name}: {text}" for c in a.data_categories if (text := p.retention(c.retention, lang))
    )
    joint = _lines(
        "; ".join(
            part
            for part in (
                jc.name,
                f"{CONTACT_LABEL(lang)}: {jc.contact}" if jc.contact else "",
                f"{ARRANGEMENT_LABEL(lang)}: {jc.arrangement}" if jc.arrangement else "",
            )
            if part
        )
        for jc in a.joint_controllers
    )
    c, d = a.contact, a.dpia
    values: dict[str, Value] = {
        "reference": a.reference,
        "name": a.name,
        "created": _excel_datetime(a.created),
        "changed": _excel_datetime(a.changed),
        "department": a.department,
        "contact": c.name,
        "contact_phone": c.phone,
        "contact_email": c.email,
        "joint_controllers": joint or _stated(a.no_joint_controllers, p.NONE_STATED, lang),
        "purposes": purposes,
        "legal_bases": bases,
        "data_subjects": _lines(a.data_subjects),
        "data_categories": categories,
        "internal_recipients": _lines(a.internal_recipients),
        "recipients": _lines(x.recipient(uid) for uid in a.recipients)
        or _stated(a.no_external_recipients, p.NONE_STATED, lang),
        "processors": _lines(
            x.processor_link(link.processor, link.service) for link in a.processors
        ),
        "transfers": x.transfers(a.transfers)
        or _stated(a.no_transfers, p.NO_TRANSFER_STATED, lang),
        "retention": retention,
        "toms": x.tom_titles(a.toms),
        "tom_description": a.tom_description,
        "dpia": p.DPIA_RESULT[d.result](lang),
        "status": p.STATUS[a.status](lang),
        "next_review": a.next_review,
        "description": a.description,
        "legitimate_interest": interests,
        "last_reviewed": a.last_reviewed,
        "dpia_art35_3": _lines(p.vocab_labels(vocab.dpia_art35_3(), d.art35_3, lang)),
        "dpia_wp248": _lines(p.vocab_labels(vocab.dpia_wp248(), d.wp248, lang)),
        "dpia_dsk_list": _lines(p.vocab_labels(vocab.dpia_dsk_list(), d.dsk_list, lang)),
        "dpia_reference": d.reference,
        "dpia_screened_on": d.screened_on,
        "dpia_notes": d.notes,
        "contact_organisation": c.organisation,
        "contact_street": c.street,
        "contact_postcode": c.postcode,
        "contact_city": c.city,
        "contact_country": p.country(c.country, lang),
        "contact_website": c.website,
        "notes": a.notes,
        "uid": a.uid,
    }
    return [values[column.key] for column in L.ACTIVITIES.columns]


def _stated(stated: bool, text: Text, lang: str) -> str:
    """What an empty item prints: the DPO's explicit "none", else nothing."""
    return text(lang) if stated else ""


def _category_rows(a: Activity, x: _Context) -> list[Row]:
    lang = x.lang
    rows: list[Row] = []
    for c in a.data_categories:
        r = c.retention
        rows.append(
            [
                a.reference,
                a.name,
                c.name,
                p.SPECIAL[c.special](lang),
                c.source,
                p.retention(r, lang),
                r.duration,
                p.unit_label(r.unit, lang) if r.unit is not None else None,
                r.start,
                r.text,
                c.notes,
                a.uid,
            ]
        )
    return rows


# --- processor register (Art. 30(2))


def _service_rows(s: ProcessingService, x: _Context) -> list[Row]:
    lang = x.lang
    common_before: Row = [
        s.reference,
        s.name,
        _excel_datetime(s.created),
        _excel_datetime(s.changed),
    ]
    common_after: Row = [
        _lines(s.categories),
        _lines(x.processor_link(link.processor, link.service) for link in s.subprocessors),
        x.transfers(s.transfers) or _stated(s.no_transfers, p.NO_TRANSFER_STATED, lang),
        x.tom_titles(s.toms),
        s.tom_description,
        p.STATUS[s.status](lang),
        s.notes,
        s.uid,
    ]
    if not s.controllers:
        return [[*common_before, None, None, None, None, *common_after]]
    return [
        [*common_before, cc.name, cc.contact, cc.representative, cc.dpo, *common_after]
        for cc in s.controllers
    ]


# --- sheets shared by both registers


def _transfer_rows(e: Activity | ProcessingService, x: _Context) -> list[Row]:
    rows: list[Row] = []
    for t in e.transfers:
        mechanism = vocab.transfer_mechanisms().get(t.mechanism) if t.mechanism else None
        rows.append(
            [
                e.reference,
                e.name,
                p.country(t.country, x.lang),
                t.recipient,
                x.processor_name(t.processor),
                mechanism.label(x.lang) if mechanism is not None else t.mechanism,
                t.mechanism_text,
                t.documentation,
                e.uid,
            ]
        )
    return rows


def _tom_description_row(e: Activity | ProcessingService, x: _Context) -> Row:
    return [e.reference, e.name, x.tom_titles(e.toms), e.tom_description, e.uid]


def _processor_links(e: Activity | ProcessingService) -> Iterator[tuple[str, str]]:
    links = e.processors if isinstance(e, Activity) else e.subprocessors
    for link in links:
        yield link.processor, link.service
    for t in e.transfers:
        if t.processor:
            yield t.processor, ""


def _used_processors(x: _Context) -> tuple[list[Processor], dict[str, list[str]]]:
    """Processors the entries use, with their subprocessors, and where each is used."""
    used_in: dict[str, list[str]] = {}
    for e in x.entries:
        for uid, service in _processor_links(e):
            line = _entry_label(e.reference, e.name) + (f": {service}" if service else "")
            lines = used_in.setdefault(uid, [])
            if line not in lines:
                lines.append(line)
    seen = set(used_in)
    todo = list(seen)
    while todo:
        proc = x.processors.get(todo.pop())
        for link in proc.subprocessors if proc is not None else ():
            if link.processor not in seen:
                seen.add(link.processor)
                todo.append(link.processor)
    procs = sorted(
        (x.processors[u] for u in seen if u in x.processors),
        key=lambda pr: (pr.name.casefold(), pr.uid),
    )
    return procs, used_in


def _processor_row(pr: Processor, used_in: list[str], x: _Context) -> Row:
    return [
        pr.name,
        pr.street,
        pr.postcode,
        pr.city,
        p.country(pr.country, x.lang),
        pr.phone,
        pr.email,
        pr.contract_date,
        pr.contract_reference,
        _lines(x.processor_link(link.processor, link.service) for link in pr.subprocessors),
        _lines(used_in),
        pr.notes,
        pr.uid,
    ]


def _used_recipients(x: _Context) -> tuple[list[Recipient], dict[str, list[str]]]:
    used_in: dict[str, list[str]] = {}
    for e in x.entries:
        if isinstance(e, Activity):
            for uid in e.recipients:
                lines = used_in.setdefault(uid, [])
                label = _entry_label(e.reference, e.name)
                if label not in lines:
                    lines.append(label)
    recs = sorted(
        (x.recipients[u] for u in used_in if u in x.recipients),
        key=lambda r: (r.name.casefold(), r.uid),
    )
    return recs, used_in


def _recipient_row(r: Recipient, used_in: list[str], x: _Context) -> Row:
    return [r.name, r.category, p.country(r.country, x.lang), r.notes, _lines(used_in), r.uid]


def _used_toms(x: _Context) -> tuple[list[Tom], dict[str, list[str]]]:
    """The catalogue TOMs the entries use, grouped by SDM goal, and where each is used."""
    used_in: dict[str, list[str]] = {}
    for e in x.entries:
        for uid in e.toms:
            lines = used_in.setdefault(uid, [])
            label = _entry_label(e.reference, e.name)
            if label not in lines:
                lines.append(label)
    goal_order = {t.id: i for i, t in enumerate(vocab.sdm_goals())}
    toms = sorted(
        (x.toms[u] for u in used_in if u in x.toms),
        key=lambda t: (
            goal_order.get(t.sdm_goal, len(goal_order)) if t.sdm_goal else len(goal_order) + 1,
            t.sdm_goal,
            t.title.casefold(),
            t.uid,
        ),
    )
    return toms, used_in


def _tom_row(t: Tom, used_in: list[str], x: _Context) -> Row:
    goal = vocab.sdm_goals().get(t.sdm_goal) if t.sdm_goal else None
    return [
        goal.label(x.lang) if goal is not None else t.sdm_goal,
        t.title,
        t.description,
        _lines(p.vocab_labels(vocab.art32_categories(), t.art32, x.lang)),
        _lines(used_in),
        t.uid,
    ]


def workbook_content(
    register: Register,
    organisation: str,
    *,
    register_kind: str = "controller",
    lang: str = "de",
    stand: date | None = None,
    version: str = "",
    attachments: Sequence[AttachmentInfo] = (),
) -> list[SheetContent]:
    """The sheets of the workbook with their rows as plain values, in workbook order.

    Rows are produced lazily, one block per entry, as the writer asks for them.
    Raises :class:`ExportError` for an unknown organisation, kind or language.
    """
    org = checked_organisation(register, organisation, register_kind, lang)
    x = _Context(register, org, register_kind, lang)
    stand = stand or date.today()
    entries = x.entries
    procs, proc_used = _used_processors(x)
    toms, tom_used = _used_toms(x)
    sheets = [SheetContent(L.MAIN, 1, [_main_rows(x, stand, version)])]
    if register_kind == "controller":
        activities = org.activities
        recs, rec_used = _used_recipients(x)
        sheets += [
            SheetContent(
                L.ACTIVITIES, len(activities), ([_activity_row(a, x)] for a in activities)
            ),
            SheetContent(L.CATEGORIES, len(activities), (_category_rows(a, x) for a in activities)),
            SheetContent(
                L.PROCESSORS,
                len(procs),
                ([_processor_row(pr, proc_used.get(pr.uid, []), x)] for pr in procs),
            ),
            SheetContent(
                L.RECIPIENTS, len(recs), ([_recipient_row(r, rec_used[r.uid], x)] for r in recs)
            ),
        ]
    else:
        services = org.services
        sheets += [
            SheetContent(L.SERVICES, len(services), (_service_rows(s, x) for s in services)),
            SheetContent(
                L.SUBPROCESSORS,
                len(procs),
                ([_processor_row(pr, proc_used.get(pr.uid, []), x)] for pr in procs),
            ),
        ]
    sheets += [
        SheetContent(L.TRANSFERS, len(entries), (_transfer_rows(e, x) for e in entries)),
        SheetContent(L.TOMS, len(toms), ([_tom_row(t, tom_used[t.uid], x)] for t in toms)),
        SheetContent(
            L.TOM_DESCRIPTIONS, len(entries), ([_tom_description_row(e, x)] for e in entries)
        ),
    ]
    listed = listed_attachments(register, org, register_kind, attachments, lang)
    if listed:
        sheets.append(
            SheetContent(
                L.ATTACHMENTS,
                len(listed),
                ([[a.kind, a.record, a.name, a.size, a.added, a.owner_uid]] for a in listed),
            )
        )
    return sheets
