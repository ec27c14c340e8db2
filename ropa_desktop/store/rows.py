"""Conversion between domain objects and table rows (plain dicts), both ways.

Reading builds domain objects from rows fetched a table at a time; writing
turns domain objects into the row dicts that Core ``insert`` statements take.
Timestamps are normalised to UTC because SQLite hands them back without a zone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import RowMapping

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import from_dict, to_dict


def utc(value: datetime) -> datetime:
    """The same instant as an aware UTC datetime (naive values are taken as UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


_CONTACT_FIELDS = frozenset(m.Contact.__slots__)


def contact_from(data: Mapping[str, Any] | None) -> m.Contact:
    """A Contact from its JSON column."""
    if not data:
        return m.Contact()
    if data.keys() <= _CONTACT_FIELDS and all(isinstance(v, str) for v in data.values()):
        return m.Contact(**data)  # every field is a text: nothing to convert or check
    return from_dict(m.Contact, dict(data))


# --- organisation -------------------------------------------------------------


def organisation_values(org: m.Organisation) -> dict[str, Any]:
    """Row values of an organisation (without its activities and services)."""
    return {
        "uid": org.uid,
        "name": org.name,
        "kind": org.kind.value,
        "land": org.land,
        "public_body": org.public_body,
        "street": org.street,
        "postcode": org.postcode,
        "city": org.city,
        "country": org.country,
        "phone": org.phone,
        "email": org.email,
        "website": org.website,
        "management": org.management,
        "representative": to_dict(org.representative),
        "dpo": to_dict(org.dpo),
        "dpo_external": org.dpo_external,
        "supervisory_authority": org.supervisory_authority,
        "is_controller": org.is_controller,
        "is_processor": org.is_processor,
        "notes": org.notes,
        "archived": utc(org.archived) if org.archived else None,
    }


def organisation_from(row: RowMapping) -> m.Organisation:
    """An organisation (without activities and services) from its row."""
    return m.Organisation(
        uid=row["uid"],
        name=row["name"],
        kind=m.OrganisationKind(row["kind"]),
        land=row["land"],
        public_body=None if row["public_body"] is None else bool(row["public_body"]),
        street=row["street"],
        postcode=row["postcode"],
        city=row["city"],
        country=row["country"],
        phone=row["phone"],
        email=row["email"],
        website=row["website"],
        management=row["management"],
        representative=contact_from(row["representative"]),
        dpo=contact_from(row["dpo"]),
        dpo_external=bool(row["dpo_external"]),
        supervisory_authority=row["supervisory_authority"],
        is_controller=bool(row["is_controller"]),
        is_processor=bool(row["is_processor"]),
        notes=row["notes"],
        archived=utc(row["archived"]) if row["archived"] else None,
        version=row["version"],
    )


# --- activity -----------------------------------------------------------------
# ``member._value_`` is an enum member's value without the property lookup: these run for
# every row an import writes.


def activity_values(act: m.Activity, organisation_id: int) -> dict[str, Any]:
    """Row values of an activity's own table."""
    return {
        "uid": act.uid,
        "organisation_id": organisation_id,
        "reference": act.reference,
        "name": act.name,
        "department": act.department,
        "contact": to_dict(act.contact),
        "description": act.description,
        "data_subjects": list(act.data_subjects),
        "internal_recipients": list(act.internal_recipients),
        "no_external_recipients": act.no_external_recipients,
        "no_joint_controllers": act.no_joint_controllers,
        "no_transfers": act.no_transfers,
        "tom_description": act.tom_description,
        "dpia_art35_3": list(act.dpia.art35_3),
        "dpia_wp248": list(act.dpia.wp248),
        "dpia_dsk_list": list(act.dpia.dsk_list),
        "dpia_result": act.dpia.result._value_,
        "dpia_reference": act.dpia.reference,
        "dpia_notes": act.dpia.notes,
        "dpia_screened_on": act.dpia.screened_on,
        "status": act.status._value_,
        "created": utc(act.created),
        "changed": utc(act.changed),
        "last_reviewed": act.last_reviewed,
        "next_review": act.next_review,
        "notes": act.notes,
    }


def activity_from(row: RowMapping) -> m.Activity:
    """An activity without its child rows (purposes etc. are filled in later)."""
    return m.Activity(
        uid=row["uid"],
        reference=row["reference"],
        name=row["name"],
        department=row["department"],
        contact=contact_from(row["contact"]),
        description=row["description"],
        data_subjects=list(row["data_subjects"] or []),
        internal_recipients=list(row["internal_recipients"] or []),
        no_external_recipients=bool(row["no_external_recipients"]),
        no_joint_controllers=bool(row["no_joint_controllers"]),
        no_transfers=bool(row["no_transfers"]),
        tom_description=row["tom_description"],
        dpia=m.DpiaScreening(
            art35_3=list(row["dpia_art35_3"] or []),
            wp248=list(row["dpia_wp248"] or []),
            dsk_list=list(row["dpia_dsk_list"] or []),
            result=m.DpiaResult(row["dpia_result"]),
            reference=row["dpia_reference"],
            notes=row["dpia_notes"],
            screened_on=row["dpia_screened_on"],
        ),
        status=m.ActivityStatus(row["status"]),
        created=utc(row["created"]),
        changed=utc(row["changed"]),
        last_reviewed=row["last_reviewed"],
        next_review=row["next_review"],
        notes=row["notes"],
        version=row["version"],
    )


PURPOSE_KEYS = ("activity_id", "text", "legal_bases", "legitimate_interest")
"""The columns :func:`purpose_row` gives, in its order."""


def purpose_row(p: m.Purpose, activity_id: int) -> tuple[Any, ...]:
    """Row values of a purpose in the order of :data:`PURPOSE_KEYS`."""
    return (activity_id, p.text, list(p.legal_bases), p.legitimate_interest)


def purpose_values(p: m.Purpose, activity_id: int) -> dict[str, Any]:
    """Row values of a purpose."""
    return dict(zip(PURPOSE_KEYS, purpose_row(p, activity_id), strict=True))


def purpose_from(row: RowMapping) -> m.Purpose:
    """A purpose from its row."""
    return m.Purpose(
        text=row["text"],
        legal_bases=list(row["legal_bases"] or []),
        legitimate_interest=row["legitimate_interest"],
    )


DATA_CATEGORY_KEYS = (
    "activity_id",
    "name",
    "special",
    "source",
    "retention_duration",
    "retention_unit",
    "retention_start",
    "retention_text",
    "notes",
)
"""The columns :func:`data_category_row` gives, in its order."""


def data_category_row(c: m.DataCategory, activity_id: int) -> tuple[Any, ...]:
    """Row values of a data category in the order of :data:`DATA_CATEGORY_KEYS`."""
    r = c.retention
    return (
        activity_id,
        c.name,
        c.special._value_,
        c.source,
        r.duration,
        r.unit._value_ if r.unit else None,
        r.start,
        r.text,
        c.notes,
    )


def data_category_values(c: m.DataCategory, activity_id: int) -> dict[str, Any]:
    """Row values of a data category."""
    return dict(zip(DATA_CATEGORY_KEYS, data_category_row(c, activity_id), strict=True))


def data_category_from(row: RowMapping) -> m.DataCategory:
    """A data category from its row."""
    unit = row["retention_unit"]
    return m.DataCategory(
        name=row["name"],
        special=m.SpecialCategory(row["special"]),
        source=row["source"],
        retention=m.Retention(
            duration=row["retention_duration"],
            unit=m.RetentionUnit(unit) if unit else None,
            start=row["retention_start"],
            text=row["retention_text"],
        ),
        notes=row["notes"],
    )


def joint_controller_values(j: m.JointController, activity_id: int) -> dict[str, Any]:
    """Row values of a joint controller."""
    return {
        "activity_id": activity_id,
        "name": j.name,
        "contact": j.contact,
        "arrangement": j.arrangement,
    }


def joint_controller_from(row: RowMapping) -> m.JointController:
    """A joint controller from its row."""
    return m.JointController(
        name=row["name"], contact=row["contact"], arrangement=row["arrangement"]
    )


# --- processing service -------------------------------------------------------


def service_values(svc: m.ProcessingService, organisation_id: int) -> dict[str, Any]:
    """Row values of a processing service's own table."""
    return {
        "uid": svc.uid,
        "organisation_id": organisation_id,
        "reference": svc.reference,
        "name": svc.name,
        "categories": list(svc.categories),
        "no_transfers": svc.no_transfers,
        "tom_description": svc.tom_description,
        "status": svc.status.value,
        "created": utc(svc.created),
        "changed": utc(svc.changed),
        "notes": svc.notes,
    }


def service_from(row: RowMapping) -> m.ProcessingService:
    """A processing service without its child rows."""
    return m.ProcessingService(
        uid=row["uid"],
        reference=row["reference"],
        name=row["name"],
        categories=list(row["categories"] or []),
        no_transfers=bool(row["no_transfers"]),
        tom_description=row["tom_description"],
        status=m.ActivityStatus(row["status"]),
        created=utc(row["created"]),
        changed=utc(row["changed"]),
        notes=row["notes"],
        version=row["version"],
    )


def client_values(c: m.ClientController, service_id: int) -> dict[str, Any]:
    """Row values of a client controller."""
    return {
        "service_id": service_id,
        "name": c.name,
        "contact": c.contact,
        "representative": c.representative,
        "dpo": c.dpo,
    }


def client_from(row: RowMapping) -> m.ClientController:
    """A client controller from its row."""
    return m.ClientController(
        name=row["name"],
        contact=row["contact"],
        representative=row["representative"],
        dpo=row["dpo"],
    )


# --- catalogues ----------------------------------------------------------------


def processor_values(p: m.Processor, organisation_id: int) -> dict[str, Any]:
    """Row values of a processor (without its subprocessor links)."""
    return {
        "uid": p.uid,
        "organisation_id": organisation_id,
        "name": p.name,
        "street": p.street,
        "postcode": p.postcode,
        "city": p.city,
        "country": p.country,
        "phone": p.phone,
        "email": p.email,
        "contract_date": p.contract_date,
        "contract_reference": p.contract_reference,
        "notes": p.notes,
    }


def processor_from(row: RowMapping, owner: str) -> m.Processor:
    """A processor of the organisation ``owner`` (uid) from its row (subprocessors are
    filled in later)."""
    return m.Processor(
        uid=row["uid"],
        owner=owner,
        name=row["name"],
        street=row["street"],
        postcode=row["postcode"],
        city=row["city"],
        country=row["country"],
        phone=row["phone"],
        email=row["email"],
        contract_date=row["contract_date"],
        contract_reference=row["contract_reference"],
        notes=row["notes"],
        version=row["version"],
    )


def recipient_values(r: m.Recipient, organisation_id: int) -> dict[str, Any]:
    """Row values of a recipient."""
    return {
        "uid": r.uid,
        "organisation_id": organisation_id,
        "name": r.name,
        "category": r.category,
        "country": r.country,
        "notes": r.notes,
    }


def recipient_from(row: RowMapping, owner: str) -> m.Recipient:
    """A recipient of the organisation ``owner`` (uid) from its row."""
    return m.Recipient(
        uid=row["uid"],
        owner=owner,
        name=row["name"],
        category=row["category"],
        country=row["country"],
        notes=row["notes"],
        version=row["version"],
    )


def tom_values(t: m.Tom, organisation_id: int) -> dict[str, Any]:
    """Row values of a TOM."""
    return {
        "uid": t.uid,
        "organisation_id": organisation_id,
        "title": t.title,
        "description": t.description,
        "sdm_goal": t.sdm_goal,
        "art32": list(t.art32),
    }


def tom_from(row: RowMapping, owner: str) -> m.Tom:
    """A TOM of the organisation ``owner`` (uid) from its row."""
    return m.Tom(
        uid=row["uid"],
        owner=owner,
        title=row["title"],
        description=row["description"],
        sdm_goal=row["sdm_goal"],
        art32=list(row["art32"] or []),
        version=row["version"],
    )


def change_from(row: RowMapping, batch_uid: str | None) -> m.ChangeRecord:
    """A history entry from its row."""
    return m.ChangeRecord(
        at=utc(row["at"]),
        user=row["user"],
        entity=row["entity"],
        entity_uid=row["entity_uid"],
        entity_label=row["entity_label"],
        field=row["field"],
        old=row["old"],
        new=row["new"],
        batch=batch_uid,
    )
