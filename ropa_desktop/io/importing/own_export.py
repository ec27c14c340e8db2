"""Reading back the structured sheets of this application's own Excel export.

The activity sheet is imported like any table; the other sheets (data categories
with structured retention, processors, recipients, transfers, TOMs) are read here
by the stable column keys of :mod:`ropa_desktop.io.export.xlsx_layout`, in German or
English, so the workbook comes back without loss of structure or identity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ropa_desktop.domain import model as m
from ropa_desktop.domain import parsing, vocab
from ropa_desktop.domain import presentation as pres
from ropa_desktop.io.export import xlsx_layout as xl
from ropa_desktop.io.importing.cell_text import split_known_service
from ropa_desktop.io.sheets.reader import Sheet, Workbook


@dataclass(slots=True)
class OwnExport:
    """What the structured sheets of an own export hold, keyed for the import."""

    processors: list[m.Processor] = field(default_factory=list)
    recipients: list[m.Recipient] = field(default_factory=list)
    toms: list[m.Tom] = field(default_factory=list)
    categories: dict[str, list[m.DataCategory]] = field(default_factory=dict)
    transfers: dict[str, list[m.Transfer]] = field(default_factory=dict)
    """By the uid of the activity they belong to."""
    lang: str = "de"
    """The language the export was written in ("de" or "en")."""


def _table(sheet: Sheet, layout: xl.SheetLayout) -> list[dict[str, Any]]:
    if not sheet.rows:
        return []
    headers = [str(h).strip() if h is not None else "" for h in sheet.rows[0]]
    keys: dict[int, str] = {}
    for column in layout.columns:
        for lang in ("de", "en"):
            title = column.title(lang)
            if title in headers:
                keys[headers.index(title)] = column.key
    records = []
    for row in sheet.rows[1:]:
        record = {key: row[i] for i, key in keys.items() if i < len(row)}
        if any(v not in (None, "") for v in record.values()):
            records.append(record)
    return records


def _s(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _lines(value: Any) -> list[str]:
    return [x.strip() for x in _s(value).splitlines() if x.strip()]


def _by_label(vocabulary: vocab.Vocabulary, text: str) -> str:
    """The vocabulary id whose label (either language) is ``text``, else the text."""
    folded = text.strip().casefold()
    for term in vocabulary:
        if folded in (term.de.casefold(), term.en.casefold(), term.id):
            return term.id
    return text.strip()


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parsing.parse_date(_s(value)) if _s(value) else None


def _special(text: str) -> m.SpecialCategory:
    for marker, label in pres.SPECIAL.items():
        if text and text.casefold() in (label("de").casefold(), label("en").casefold()):
            return marker
    return parsing.parse_special_category(text) if text else m.SpecialCategory.NONE


def _unit(text: str) -> m.RetentionUnit | None:
    folded = text.strip().casefold()
    for unit in m.RetentionUnit:
        for lang in ("de", "en"):
            for plural in (True, False):
                if folded == pres.unit_label(unit, lang, plural=plural).casefold():
                    return unit
    return None


def _country(text: str) -> str:
    return parsing.parse_country(text) or text


def read_own_export(workbook: Workbook) -> OwnExport | None:
    """The structured content of an own export, or None for any other workbook."""
    names = {s.name: s for s in workbook.sheets}
    if not set(names) & {xl.MAIN.title("de"), xl.MAIN.title("en")}:
        return None

    def sheet(layout: xl.SheetLayout) -> Sheet | None:
        return names.get(layout.title("de")) or names.get(layout.title("en"))

    own = OwnExport(lang="de" if xl.MAIN.title("de") in names else "en")
    if (s := sheet(xl.PROCESSORS)) is not None:
        pending: list[tuple[m.Processor, list[str]]] = []
        for r in _table(s, xl.PROCESSORS):
            proc = m.Processor(
                uid=_s(r.get("uid")) or m.new_uid(),
                name=_s(r.get("name")),
                street=_s(r.get("street")),
                postcode=_s(r.get("postcode")),
                city=_s(r.get("city")),
                country=_country(_s(r.get("country"))),
                phone=_s(r.get("phone")),
                email=_s(r.get("email")),
                contract_date=_date(r.get("contract_date")),
                contract_reference=_s(r.get("contract_reference")),
                notes=_s(r.get("notes")),
            )
            own.processors.append(proc)
            pending.append((proc, _lines(r.get("subprocessors"))))
        by_name = {p.name: p for p in own.processors}
        for proc, subs in pending:
            for line in subs:
                name, service = split_known_service(line, frozenset(by_name))
                if name in by_name:
                    proc.subprocessors.append(m.SubprocessorLink(by_name[name].uid, service))
    if (s := sheet(xl.RECIPIENTS)) is not None:
        own.recipients = [
            m.Recipient(
                uid=_s(r.get("uid")) or m.new_uid(),
                name=_s(r.get("name")),
                category=_s(r.get("category")),
                country=_country(_s(r.get("country"))),
                notes=_s(r.get("notes")),
            )
            for r in _table(s, xl.RECIPIENTS)
        ]
    if (s := sheet(xl.TOMS)) is not None:
        own.toms = [
            m.Tom(
                uid=_s(r.get("uid")) or m.new_uid(),
                title=_s(r.get("title")),
                description=_s(r.get("description")),
                sdm_goal=_by_label(vocab.sdm_goals(), _s(r.get("sdm_goal"))),
                art32=[_by_label(vocab.art32_categories(), x) for x in _lines(r.get("art32"))],
            )
            for r in _table(s, xl.TOMS)
        ]
    if (s := sheet(xl.CATEGORIES)) is not None:
        categories: dict[str, list[m.DataCategory]] = defaultdict(list)
        for r in _table(s, xl.CATEGORIES):
            duration = r.get("retention_duration")
            categories[_s(r.get("activity_uid"))].append(
                m.DataCategory(
                    name=_s(r.get("category")),
                    special=_special(_s(r.get("special"))),
                    source=_s(r.get("source")),
                    retention=m.Retention(
                        duration=int(duration) if isinstance(duration, int | float) else None,
                        unit=_unit(_s(r.get("retention_unit"))),
                        start=_s(r.get("retention_start")),
                        text=_s(r.get("retention_text")),
                    ),
                    notes=_s(r.get("notes")),
                )
            )
        own.categories = dict(categories)
    if (s := sheet(xl.TRANSFERS)) is not None:
        uid_by_name = {p.name: p.uid for p in own.processors}
        transfers: dict[str, list[m.Transfer]] = defaultdict(list)
        for r in _table(s, xl.TRANSFERS):
            mechanism = _by_label(vocab.transfer_mechanisms(), _s(r.get("mechanism")))
            known = vocab.transfer_mechanisms().get(mechanism) is not None
            transfers[_s(r.get("activity_uid"))].append(
                m.Transfer(
                    country=_country(_s(r.get("country"))),
                    recipient=_s(r.get("recipient")),
                    processor=uid_by_name.get(_s(r.get("processor"))),
                    mechanism=mechanism if known else "",
                    mechanism_text=_s(r.get("mechanism_text"))
                    if known or not mechanism
                    else "\n".join(x for x in (mechanism, _s(r.get("mechanism_text"))) if x),
                    documentation=_s(r.get("documentation")),
                )
            )
        own.transfers = dict(transfers)
    return own


def organisation_from_main(workbook: Workbook) -> m.Organisation | None:
    """The organisation's master data from the Hauptblatt of an own export, if any."""
    sheet = next(
        (s for s in workbook.sheets if s.name in (xl.MAIN.title("de"), xl.MAIN.title("en"))), None
    )
    if sheet is None:
        return None
    values: dict[str, Any] = {}
    for row in sheet.rows[1:]:
        if len(row) < 3:
            continue
        section, label, value = _s(row[0]), _s(row[1]), row[2]
        for item in xl.MAIN_ITEMS:
            names = (
                (xl.SECTIONS["controller"], xl.SECTIONS["processor"])
                if (item.section == "organisation")
                else (xl.SECTIONS[item.section],)
            )
            if label in (item.label("de"), item.label("en")) and any(
                section in (n("de"), n("en")) for n in names
            ):
                values.setdefault(item.key, value)
    name = _s(values.get("organisation.name"))
    if not name:
        return None

    def text(key: str) -> str:
        return _s(values.get(key))

    def flag(key: str, default: bool) -> bool:
        answer = parsing.parse_yes_no(text(key)) if text(key) else None
        return default if answer is None else answer

    kind = next(
        (
            k
            for k, label in pres.ORGANISATION_KIND.items()
            if text("organisation.kind") in (label("de"), label("en"))
        ),
        m.OrganisationKind.PUBLIC_AUTHORITY,
    )
    land = next(
        (
            t.attrs.get("code", "")
            for t in vocab.laender()
            if text("organisation.land") in (t.de, t.en)
        ),
        text("organisation.land"),
    )
    authority = next(
        (
            t.id
            for t in vocab.supervisory_authorities()
            if text("authority").startswith(t.de) or text("authority").startswith(t.en)
        ),
        text("authority"),
    )

    def contact(prefix: str) -> m.Contact:
        return m.Contact(
            **{
                f: text(f"{prefix}.{f}")
                for f in (
                    "name",
                    "organisation",
                    "street",
                    "postcode",
                    "city",
                    "phone",
                    "email",
                    "website",
                )
            },
            country=_country(text(f"{prefix}.country")),
        )

    return m.Organisation(
        name=name,
        kind=kind,
        land=str(land),
        street=text("organisation.street"),
        postcode=text("organisation.postcode"),
        city=text("organisation.city"),
        country=_country(text("organisation.country")) or "DE",
        phone=text("organisation.phone"),
        email=text("organisation.email"),
        website=text("organisation.website"),
        management=text("organisation.management"),
        representative=contact("representative"),
        dpo=contact("dpo"),
        dpo_external=flag("dpo.external", False),
        supervisory_authority=str(authority),
        is_controller=flag("organisation.is_controller", True),
        is_processor=flag("organisation.is_processor", False),
        notes=text("organisation.notes"),
    )


ACTIVITY_DETAIL_KEYS = (
    "dpia_art35_3",
    "dpia_wp248",
    "dpia_dsk_list",
    "dpia_reference",
    "dpia_screened_on",
    "dpia_notes",
    "contact_organisation",
    "contact_street",
    "contact_postcode",
    "contact_city",
    "contact_country",
    "contact_website",
)
"""Columns of our activity sheet with no import target of their own (the DPIA screening's
details and the contact person's address): read back here, by their titles."""


def activity_detail_headers() -> dict[str, str]:
    """Title (German or English) → key of the columns in :data:`ACTIVITY_DETAIL_KEYS`."""
    out: dict[str, str] = {}
    for column in xl.ACTIVITIES.columns:
        if column.key in ACTIVITY_DETAIL_KEYS:
            for lang in ("de", "en"):
                out[column.title(lang)] = column.key
    return out


def apply_activity_details(act: m.Activity, cells: dict[str, Any]) -> None:
    """Put the detail columns of one row of our activity sheet into ``act``."""
    dpia = act.dpia
    dpia.art35_3 = [_by_label(vocab.dpia_art35_3(), x) for x in _lines(cells.get("dpia_art35_3"))]
    dpia.wp248 = [_by_label(vocab.dpia_wp248(), x) for x in _lines(cells.get("dpia_wp248"))]
    dpia.dsk_list = [
        _by_label(vocab.dpia_dsk_list(), x) for x in _lines(cells.get("dpia_dsk_list"))
    ]
    dpia.reference = _s(cells.get("dpia_reference"))
    dpia.screened_on = _date(cells.get("dpia_screened_on"))
    dpia.notes = _s(cells.get("dpia_notes"))
    contact = act.contact
    contact.organisation = _s(cells.get("contact_organisation"))
    contact.street = _s(cells.get("contact_street"))
    contact.postcode = _s(cells.get("contact_postcode"))
    contact.city = _s(cells.get("contact_city"))
    contact.country = _country(_s(cells.get("contact_country")))
    contact.website = _s(cells.get("contact_website"))
