"""Frozen versions beyond freezing them: their delivery (to whom, when, reference), and the
JSON document with history — reading them out of the database and writing them back on
import (a version that exists already keeps what it holds; frozen versions never change)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, select, update

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_from_document, register_to_document
from ropa_desktop.domain.i18n import Text
from ropa_desktop.store import rows
from ropa_desktop.store.models import OrganisationRow, RegisterVersionRow
from ropa_desktop.store.records import (
    MSG_EMPTY_NAME,
    MSG_UNKNOWN_ENTITY,
    MSG_UNKNOWN_ORG,
    StoreError,
)

if TYPE_CHECKING:
    from ropa_desktop.store.writing import Writer

MSG_RECIPIENT = Text(de="Empfänger der Übergabe", en="recipient of the delivery")
VERSION_DELIVERY = "#version-delivery"
"""History field recording to whom a frozen version was delivered (hidden from the
Verlauf like every field starting with "#")."""


def record_delivery(
    writer: Writer, organisation: str, number: int, recipient: str, on: date, reference: str
) -> None:
    """Record that version ``number`` of ``organisation`` was handed over (see
    :meth:`Store.record_delivery <ropa_desktop.store.repository.Store.record_delivery>`)."""
    if not recipient.strip():
        raise StoreError(MSG_EMPTY_NAME, entity=MSG_RECIPIENT())
    conn = writer.conn
    org = conn.execute(
        select(OrganisationRow.id, OrganisationRow.uid).where(OrganisationRow.name == organisation)
    ).first()
    if org is None:
        raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
    done = conn.execute(
        update(RegisterVersionRow)
        .where(RegisterVersionRow.organisation_id == org.id, RegisterVersionRow.number == number)
        .values(
            delivered_to=recipient.strip(), delivered_on=on, delivery_reference=reference.strip()
        )
    )
    if done.rowcount != 1:
        raise StoreError(MSG_UNKNOWN_ENTITY, entity=f"Stand {organisation}", uid=number)
    writer.record(
        "organisation",
        org.uid,
        organisation,
        VERSION_DELIVERY,
        None,
        f"{number}\t{recipient.strip()}\t{on.isoformat()}\t{reference.strip()}",
    )
    writer.flush_history()


def read_versions(conn: Connection, organisation_ids: Iterable[int]) -> list[m.FrozenVersion]:
    """The frozen versions of these organisations, by organisation and number."""
    ids = list(organisation_ids)
    stmt = (
        select(*RegisterVersionRow.__table__.c, OrganisationRow.uid.label("org_uid"))
        .join(OrganisationRow, OrganisationRow.id == RegisterVersionRow.organisation_id)
        .where(RegisterVersionRow.organisation_id.in_(ids))
        .order_by(RegisterVersionRow.organisation_id, RegisterVersionRow.number)
    )
    out = []
    for v in conn.execute(stmt).mappings():
        frozen = register_from_document(v["document"])
        out.append(
            m.FrozenVersion(
                organisation=v["org_uid"],
                number=v["number"],
                label=v["label"],
                frozen_at=rows.utc(v["frozen_at"]),
                user=v["user"],
                delivered_to=v["delivered_to"],
                delivered_on=v["delivered_on"],
                delivery_reference=v["delivery_reference"],
                register=m.Snapshot(
                    frozen.organisations, frozen.processors, frozen.recipients, frozen.toms
                ),
            )
        )
    return out


def put_versions(conn: Connection, versions: list[m.FrozenVersion]) -> int:
    """Store the versions an imported document carries that the database lacks; returns
    how many were added."""
    if not versions:
        return 0
    ids = dict(conn.execute(select(OrganisationRow.uid, OrganisationRow.id)).all())
    present: set[tuple[int, int]] = {
        (org_id, number)
        for org_id, number in conn.execute(
            select(RegisterVersionRow.organisation_id, RegisterVersionRow.number)
        )
    }
    added = 0
    for v in versions:
        org_id = ids.get(v.organisation)
        if org_id is None or (org_id, v.number) in present:
            continue
        snapshot = m.Register(
            organisations=v.register.organisations,
            processors=v.register.processors,
            recipients=v.register.recipients,
            toms=v.register.toms,
        )
        conn.execute(
            insert(RegisterVersionRow).values(
                organisation_id=org_id,
                number=v.number,
                label=v.label,
                frozen_at=v.frozen_at,
                user=v.user,
                document=register_to_document(snapshot),
                delivered_to=v.delivered_to,
                delivered_on=v.delivered_on,
                delivery_reference=v.delivery_reference,
            )
        )
        present.add((org_id, v.number))
        added += 1
    return added
