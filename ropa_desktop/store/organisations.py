"""An organisation's life: archiving it, and deleting it as one batch that can be undone.

Deleting writes the whole content of the organisation into the history first (its
master data, every activity, service and catalogue entry, its frozen versions), in a
batch of kind ``delete-organisation``; undoing that batch writes it all back.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import from_dict, to_dict
from ropa_desktop.store.history import DELETED_FROM
from ropa_desktop.store.models import OrganisationRow, RecipientRow, RegisterVersionRow, TomRow
from ropa_desktop.store.reading import read_register
from ropa_desktop.store.records import MSG_UNKNOWN_ORG, StoreError

if TYPE_CHECKING:
    from sqlalchemy import RowMapping

    from ropa_desktop.store.writing import Writer

DELETE_KIND = "delete-organisation"
"""Kind of the batch that deleted an organisation (its description is the name)."""

VERSIONS = "#versions"
"""History field of a deleted organisation: its frozen versions as JSON, in ``old``."""


def set_archived(writer: Writer, name: str, archived: bool) -> m.Organisation:
    """Archive (now) or restore the organisation ``name``; recorded in the history."""
    org = read_register(writer.conn, name, include_history=False).organisations[0]
    changed = replace(org, activities=[], services=[], archived=writer.now if archived else None)
    writer.put_organisation(changed)
    writer.flush_history()
    return changed


def delete_organisation(writer: Writer, name: str) -> str:
    """Delete the organisation ``name`` with everything it holds; returns the batch uid."""
    row = writer.conn.execute(
        select(OrganisationRow.id, OrganisationRow.uid)
        .where(OrganisationRow.name == name)
        .with_for_update()
    ).first()
    if row is None:
        raise StoreError(MSG_UNKNOWN_ORG, name=name)
    register = read_register(writer.conn, name, include_history=False)
    org = register.organisations[0]
    batch = writer.start_batch(DELETE_KIND, name)

    def gone(entity: str, uid: str, label: str, snapshot: Any) -> None:
        writer.record(
            entity, uid, label, "", json.dumps(snapshot, ensure_ascii=False, default=str), None
        )

    for act in org.activities:
        writer.record("activity", act.uid, act.name, DELETED_FROM, None, org.uid)
        gone("activity", act.uid, act.name, to_dict(act))
    for svc in org.services:
        gone("service", svc.uid, svc.name, to_dict(svc))
    for p in register.processors:
        gone("processor", p.uid, p.name, to_dict(p))
    for r in register.recipients:
        gone("recipient", r.uid, r.name, to_dict(r))
    for t in register.toms:
        gone("tom", t.uid, t.title or t.uid, to_dict(t))
    versions = [
        _version(v)
        for v in writer.conn.execute(
            select(RegisterVersionRow)
            .where(RegisterVersionRow.organisation_id == row.id)
            .order_by(RegisterVersionRow.number)
        ).mappings()
    ]
    if versions:
        writer.record(
            "organisation",
            org.uid,
            org.name,
            VERSIONS,
            json.dumps(versions, ensure_ascii=False),
            None,
        )
    master = to_dict(org)
    master["activities"], master["services"] = [], []
    gone("organisation", org.uid, org.name, master)
    writer.flush_history()
    # Everything of the organisation goes with it (ON DELETE CASCADE).
    writer.conn.execute(delete(OrganisationRow).where(OrganisationRow.id == row.id))
    return batch


def _version(row: RowMapping) -> dict[str, Any]:
    return {
        "number": row["number"],
        "label": row["label"],
        "frozen_at": row["frozen_at"].isoformat(),
        "user": row["user"],
        "document": row["document"],
        "delivered_to": row["delivered_to"],
        "delivered_on": row["delivered_on"].isoformat() if row["delivered_on"] else None,
        "delivery_reference": row["delivery_reference"],
    }


def _when(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def undo_deletion(writer: Writer, records: list[RowMapping]) -> None:
    """Write back what a ``delete-organisation`` batch deleted (its ``records``)."""
    gone: dict[tuple[str, str], list[Any]] = {(r["entity"], r["field"]): [] for r in records}
    for r in records:
        if r["old"] is not None and r["new"] is None:
            gone[(r["entity"], r["field"])].append(json.loads(r["old"]))
    for snapshot in gone.get(("organisation", ""), []):
        writer.put_organisation(from_dict(m.Organisation, snapshot))
    processors = [from_dict(m.Processor, s) for s in gone.get(("processor", ""), [])]
    for p in processors:
        writer.put_processor(p)
    writer.put_subprocessor_links(processors)
    for s in gone.get(("recipient", ""), []):
        writer.put_simple(RecipientRow, from_dict(m.Recipient, s))
    for s in gone.get(("tom", ""), []):
        writer.put_simple(TomRow, from_dict(m.Tom, s))
    org_ids = writer.ids(OrganisationRow)
    for org_snapshot in gone.get(("organisation", ""), []):
        org_id = org_ids[org_snapshot["uid"]]
        for s in gone.get(("service", ""), []):
            writer.put_service(org_id, from_dict(m.ProcessingService, s), touch=False)
        writer.put_activities(
            org_id, [from_dict(m.Activity, s) for s in gone.get(("activity", ""), [])]
        )
        for versions in gone.get(("organisation", VERSIONS), []):
            for v in versions:
                writer.conn.execute(
                    insert(RegisterVersionRow).values(
                        organisation_id=org_id,
                        number=v["number"],
                        label=v["label"],
                        frozen_at=_when(v["frozen_at"]),
                        user=v["user"],
                        document=v["document"],
                        delivered_to=v.get("delivered_to", ""),
                        delivered_on=date.fromisoformat(v["delivered_on"])
                        if v.get("delivered_on")
                        else None,
                        delivery_reference=v.get("delivery_reference", ""),
                    )
                )
    writer.flush_history()
