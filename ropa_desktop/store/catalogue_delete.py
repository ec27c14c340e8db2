"""Deleting a processor, recipient or TOM that records still use, or replacing it; and
deleting a processing service as an undoable batch.

The records using the entry (activities, processing services, processors holding it as a
subprocessor) lose it — or get the replacement instead — and the entry is deleted, in one
transaction recorded as one batch: each changed record keeps its content before the batch,
the entry its snapshot, so undoing the batch brings the entry and every link back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, select

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import from_dict, to_dict
from ropa_desktop.domain.i18n import Text
from ropa_desktop.store.catalogue_copy import own_links
from ropa_desktop.store.history import DELETED_FROM, restore_snapshot
from ropa_desktop.store.models import (
    ActivityRow,
    OrganisationRow,
    ProcessingServiceRow,
    ProcessorRow,
    ProcessorUseRow,
    RecipientRow,
    RecipientUseRow,
    SubprocessorRow,
    TomRow,
    TomUseRow,
    TransferRow,
)
from ropa_desktop.store.reading import Reader
from ropa_desktop.store.records import MSG_UNKNOWN_ENTITY, StoreError

if TYPE_CHECKING:
    from ropa_desktop.store.writing import Writer

DELETE_ENTRY_KIND = "delete-entry"
"""Kind of the batch that deleted a catalogue entry (its description is the entry's name)."""
REPLACE_ENTRY_KIND = "replace-entry"
"""Kind of the batch that replaced a catalogue entry by another one and deleted it."""
DELETE_SERVICE_KIND = "delete-service"
"""Kind of the batch that deleted a processing service (Art. 30(2)); its undo restores it."""
KINDS = frozenset({DELETE_ENTRY_KIND, REPLACE_ENTRY_KIND, DELETE_SERVICE_KIND})

TABLES: dict[str, type[ProcessorRow] | type[RecipientRow] | type[TomRow]] = {
    "processor": ProcessorRow,
    "recipient": RecipientRow,
    "tom": TomRow,
}

MSG_BAD_REPLACEMENT = Text(
    de="„{name}“ kann nicht durch sich selbst oder durch einen Eintrag einer anderen Art "
    "oder Organisation ersetzt werden.",
    en="“{name}” cannot be replaced by itself or by an entry of another kind or organisation.",
)


@dataclass(frozen=True, slots=True)
class EntryUse:
    """A record that uses a catalogue entry: ``entity`` is "activity", "service" or
    "processor" (holding the entry as subprocessor)."""

    entity: str
    uid: str
    name: str


def _entry(conn: Connection, kind: str, uid: str) -> Any:
    if kind not in TABLES:
        raise StoreError(MSG_UNKNOWN_ENTITY, entity=kind, uid=uid)
    table = TABLES[kind]
    row = conn.execute(select(table).where(table.uid == uid)).mappings().first()
    if row is None:
        raise StoreError(MSG_UNKNOWN_ENTITY, entity=kind, uid=uid)
    return row


def entry_uses(conn: Connection, kind: str, uid: str) -> list[EntryUse]:
    """Every record using the entry ``uid`` of ``kind``, activities first, by name."""
    row_id = _entry(conn, kind, uid)["id"]
    acts: set[int] = set()
    svcs: set[int] = set()
    procs: set[int] = set()

    def collect(table: Any, column: Any) -> None:
        for activity_id, service_id in conn.execute(
            select(table.activity_id, table.service_id).where(column == row_id)
        ):
            if activity_id is not None:
                acts.add(activity_id)
            if service_id is not None:
                svcs.add(service_id)

    if kind == "processor":
        collect(ProcessorUseRow, ProcessorUseRow.processor_id)
        collect(TransferRow, TransferRow.processor_id)
        procs.update(
            conn.execute(
                select(SubprocessorRow.processor_id).where(
                    SubprocessorRow.subprocessor_id == row_id
                )
            ).scalars()
        )
    elif kind == "recipient":
        acts.update(
            conn.execute(
                select(RecipientUseRow.activity_id).where(RecipientUseRow.recipient_id == row_id)
            ).scalars()
        )
    else:
        collect(TomUseRow, TomUseRow.tom_id)
    found: list[EntryUse] = []
    for entity, table, ids in (
        ("activity", ActivityRow, acts),
        ("service", ProcessingServiceRow, svcs),
        ("processor", ProcessorRow, procs),
    ):
        if not ids:
            continue
        named = conn.execute(select(table.uid, table.name).where(table.id.in_(sorted(ids)))).all()
        found += sorted((EntryUse(entity, u, n) for u, n in named), key=lambda e: e.name)
    return found


def _swap(values: list[str], old: str, new: str | None) -> list[str]:
    out: list[str] = []
    for value in values:
        kept = new if value == old else value
        if kept is not None and kept not in out:
            out.append(kept)
    return out


def _relink_record(
    record: m.Activity | m.ProcessingService, kind: str, old: str, new: str | None
) -> None:
    if kind == "recipient" and isinstance(record, m.Activity):
        record.recipients = _swap(record.recipients, old, new)
    elif kind == "tom":
        record.toms = _swap(record.toms, old, new)
    elif kind == "processor":
        links = record.processors if isinstance(record, m.Activity) else record.subprocessors
        kept: list[m.ProcessorLink] = []
        for link in links:
            if link.processor == old:
                if new is None:
                    continue
                link.processor = new
            if all((k.processor, k.service) != (link.processor, link.service) for k in kept):
                kept.append(link)
        links[:] = kept
        for t in record.transfers:
            if t.processor == old:
                t.processor = new


def delete_entry(writer: Writer, kind: str, uid: str, replacement: str | None) -> str:
    """Delete (or replace by ``replacement`` and delete) the entry ``uid`` of ``kind`` with
    every use of it, as one batch; returns the batch uid."""
    conn = writer.conn
    row = _entry(conn, kind, uid)
    label = str(row.get("name") or row.get("title") or uid)
    org_uid = conn.execute(
        select(OrganisationRow.uid).where(OrganisationRow.id == row["organisation_id"])
    ).scalar_one()
    if replacement is not None:
        other = conn.execute(
            select(TABLES[kind].organisation_id).where(TABLES[kind].uid == replacement)
        ).first()
        if replacement == uid or other is None or other[0] != row["organisation_id"]:
            raise StoreError(MSG_BAD_REPLACEMENT, name=label)
    uses = entry_uses(conn, kind, uid)
    batch = writer.start_batch(
        DELETE_ENTRY_KIND if replacement is None else REPLACE_ENTRY_KIND, label
    )
    act_uids = [u.uid for u in uses if u.entity == "activity"]
    by_org: dict[int, list[m.Activity]] = {}
    for _row_id, org_id, act in writer._existing_activities(act_uids).values():
        _relink_record(act, kind, uid, replacement)
        act.changed = writer.now
        by_org.setdefault(org_id, []).append(act)
    for org_id, acts in by_org.items():
        writer.put_activities(org_id, acts)
    svc_uids = [u.uid for u in uses if u.entity == "service"]
    if svc_uids:
        for org_id, svc in Reader(conn).services(ProcessingServiceRow.uid.in_(svc_uids)):
            _relink_record(svc, kind, uid, replacement)
            svc.changed = writer.now
            writer.put_service(org_id, svc, touch=False)
    proc_uids = [u.uid for u in uses if u.entity == "processor"]
    if proc_uids:
        reader = Reader(conn)
        holders = [reader.processors[p] for p in proc_uids]
        for p in holders:
            kept: list[m.SubprocessorLink] = []
            for link in p.subprocessors:
                if link.processor == uid:
                    if replacement is None or replacement == p.uid:
                        continue
                    link.processor = replacement
                if all((k.processor, k.service) != (link.processor, link.service) for k in kept):
                    kept.append(link)
            p.subprocessors = kept
            writer.put_processor(p)
        writer.put_subprocessor_links(holders)
    # Marks the deletion as the organisation's, so its history shows (and undoes) it.
    writer.record(kind, uid, label, DELETED_FROM, None, org_uid)
    writer.delete_catalogue_entry(TABLES[kind], kind, uid)
    writer.flush_history()
    return batch


def delete_service(writer: Writer, uid: str) -> str:
    """Delete a processing service as a batch of its own (returned); undoing the batch (the
    history's "restore") writes it back into its organisation."""
    row = writer.conn.execute(
        select(ProcessingServiceRow.id, ProcessingServiceRow.name, OrganisationRow.uid)
        .join(OrganisationRow, OrganisationRow.id == ProcessingServiceRow.organisation_id)
        .where(ProcessingServiceRow.uid == uid)
        .with_for_update()
    ).first()
    if row is None:
        raise StoreError(MSG_UNKNOWN_ENTITY, entity="service", uid=uid)
    svc = Reader(writer.conn).services(ProcessingServiceRow.id == row.id)[0][1]
    batch = writer.start_batch(DELETE_SERVICE_KIND, svc.name)
    writer.record("service", uid, svc.name, DELETED_FROM, None, row.uid)
    writer.record("service", uid, svc.name, "", json.dumps(to_dict(svc), ensure_ascii=False), None)
    writer.conn.execute(delete(ProcessingServiceRow).where(ProcessingServiceRow.id == row.id))
    writer.flush_history()
    return batch


def recreate_deleted(writer: Writer, records: list[Any]) -> None:
    """Write back the catalogue entries and services a delete/replace batch deleted (its
    ``records``), before the records that used them get their old content back."""
    origin = {r["entity_uid"]: r["new"] for r in records if r["field"] == DELETED_FROM}
    for r in records:
        if r["field"] != "" or r["new"] is not None or not r["old"]:
            continue
        if r["entity"] in TABLES:
            restore_snapshot(writer, r["entity"], json.loads(r["old"]))
        elif r["entity"] == "service" and r["entity_uid"] in origin:
            org_id = writer.organisation_id(origin[r["entity_uid"]])
            svc = from_dict(m.ProcessingService, json.loads(r["old"]))
            writer.put_service(org_id, own_links(writer, org_id, svc), touch=False)
