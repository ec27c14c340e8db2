"""The change history: recording every change, reading an organisation's history,
restoring deleted activities and undoing batches."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, insert, or_, select

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import from_dict, to_dict
from ropa_desktop.domain.diff import diff
from ropa_desktop.store import rows
from ropa_desktop.store.catalogue_copy import own_links
from ropa_desktop.store.fast_insert import insert_many
from ropa_desktop.store.models import (
    ActivityRow,
    ChangeBatchRow,
    ChangeRow,
    EntityTable,
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
from ropa_desktop.store.records import (
    MSG_CHANGED_SINCE,
    MSG_EXISTS_AGAIN,
    MSG_IN_USE,
    MSG_NO_BATCH,
    MSG_NOT_DELETED,
    MSG_RESTORE_WHERE,
    MSG_UNDONE_ALREADY,
    StoreError,
    check_text,
    chunks,
)

if TYPE_CHECKING:
    from ropa_desktop.store.writing import Writer


BEFORE = "#before"
"""History field of the snapshot written before a batch replaces a record."""

DELETED_FROM = "#organisation"
"""History field recorded with the deletion of an activity: ``new`` is the uid of the
organisation it was deleted from (written just before the deletion record itself)."""


def _json(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False)


def entity_label(entity: Any) -> str:
    return getattr(entity, "name", "") or getattr(entity, "title", "") or entity.uid


class HistoryWriter:
    """Holds one open transaction and records the changes made in it (the base of
    :class:`~ropa_desktop.store.writing.Writer`)."""

    def __init__(self, conn: Connection, user: str) -> None:
        self.conn = conn
        self.user = user
        self.now = m.utc_now()
        self.batch_id: int | None = None
        self.changes: list[dict[str, Any]] = []

    def start_batch(self, kind: str, description: str) -> str:
        uid = m.new_uid()
        self.batch_id = self.conn.execute(
            insert(ChangeBatchRow)
            .values(uid=uid, at=self.now, user=self.user, kind=kind, description=description)
            .returning(ChangeBatchRow.id)
        ).scalar_one()
        return uid

    def record(
        self, entity: str, uid: str, label: str, field: str, old: str | None, new: str | None
    ) -> None:
        self.changes.append(
            {
                "at": self.now,
                "user": self.user,
                "entity": entity,
                "entity_uid": uid,
                "entity_label": label,
                "field": field,
                "old": old,
                "new": new,
                "batch_id": self.batch_id,
            }
        )

    def record_diff(self, entity: str, old: Any, new: Any) -> bool:
        changes = diff(old, new)
        if changes and self.batch_id is not None:
            # The whole record as it was, so the batch can be undone exactly.
            self.record(entity, new.uid, entity_label(new), BEFORE, _json(old), None)
        for c in changes:
            self.record(entity, new.uid, entity_label(new), c.field, c.old, c.new)
        return bool(changes)

    def flush_history(self) -> None:
        for chunk in chunks(self.changes, 5000):
            insert_many(self.conn, ChangeRow, chunk)
        self.changes = []

    def append_history(self, records: list[m.ChangeRecord]) -> None:
        if not records:
            return
        batch_ids = dict(self.conn.execute(select(ChangeBatchRow.uid, ChangeBatchRow.id)).all())
        for rec in records:
            if rec.batch and rec.batch not in batch_ids:
                batch_ids[rec.batch] = self.conn.execute(
                    insert(ChangeBatchRow)
                    .values(
                        uid=rec.batch,
                        at=rec.at,
                        user=rec.user,
                        kind="imported-history",
                        description="",
                    )
                    .returning(ChangeBatchRow.id)
                ).scalar_one()
        known: set[tuple[Any, ...]] = set()  # a document imported twice adds its history once
        for chunk in chunks(sorted({r.entity_uid for r in records})):
            known.update(
                (rows.utc(at), user, uid, fld, old, new)
                for at, user, uid, fld, old, new in self.conn.execute(
                    select(
                        ChangeRow.at,
                        ChangeRow.user,
                        ChangeRow.entity_uid,
                        ChangeRow.field,
                        ChangeRow.old,
                        ChangeRow.new,
                    ).where(ChangeRow.entity_uid.in_(chunk))
                )
            )
        records = [
            rec
            for rec in records
            if (rows.utc(rec.at), rec.user, rec.entity_uid, rec.field, rec.old, rec.new)
            not in known
        ]
        values = [
            {
                "at": rows.utc(rec.at),
                "user": rec.user,
                "entity": rec.entity,
                "entity_uid": rec.entity_uid,
                "entity_label": rec.entity_label,
                "field": rec.field,
                "old": rec.old,
                "new": rec.new,
                "batch_id": batch_ids.get(rec.batch) if rec.batch else None,
            }
            for rec in records
        ]
        for chunk in chunks(values, 5000):
            self.conn.execute(insert(ChangeRow), list(chunk))


def organisation_uids(conn: Connection, org_id: int, org_uid: str) -> set[str]:
    """Uids whose history belongs to an organisation (see Store.organisation_history)."""
    acts = select(ActivityRow.id).where(ActivityRow.organisation_id == org_id)
    svcs = select(ProcessingServiceRow.id).where(ProcessingServiceRow.organisation_id == org_id)
    uids = {org_uid}
    uids.update(
        conn.execute(select(ActivityRow.uid).where(ActivityRow.organisation_id == org_id)).scalars()
    )
    uids.update(
        conn.execute(
            select(ProcessingServiceRow.uid).where(ProcessingServiceRow.organisation_id == org_id)
        ).scalars()
    )
    processor_ids = set(
        conn.execute(
            select(ProcessorUseRow.processor_id).where(
                or_(ProcessorUseRow.activity_id.in_(acts), ProcessorUseRow.service_id.in_(svcs))
            )
        ).scalars()
    )
    processor_ids.update(
        pid
        for pid in conn.execute(
            select(TransferRow.processor_id).where(
                TransferRow.processor_id.is_not(None),
                or_(TransferRow.activity_id.in_(acts), TransferRow.service_id.in_(svcs)),
            )
        ).scalars()
        if pid is not None
    )
    subs: dict[int, list[int]] = defaultdict(list)
    for owner, sub in conn.execute(
        select(SubprocessorRow.processor_id, SubprocessorRow.subprocessor_id)
    ):
        subs[owner].append(sub)
    todo = list(processor_ids)
    while todo:  # subprocessors of used processors are used too
        for sub in subs[todo.pop()]:
            if sub not in processor_ids:
                processor_ids.add(sub)
                todo.append(sub)
    uids.update(
        uid
        for id_, uid in conn.execute(select(ProcessorRow.id, ProcessorRow.uid))
        if id_ in processor_ids
    )
    for table in (ProcessorRow, RecipientRow, TomRow):  # its own catalogue, used or not
        uids.update(
            conn.execute(select(table.uid).where(table.organisation_id == org_id)).scalars()
        )
    uids.update(
        conn.execute(
            select(RecipientRow.uid)
            .join(RecipientUseRow, RecipientUseRow.recipient_id == RecipientRow.id)
            .where(RecipientUseRow.activity_id.in_(acts))
        ).scalars()
    )
    uids.update(
        conn.execute(
            select(TomRow.uid)
            .join(TomUseRow, TomUseRow.tom_id == TomRow.id)
            .where(or_(TomUseRow.activity_id.in_(acts), TomUseRow.service_id.in_(svcs)))
        ).scalars()
    )
    # Activities deleted from this organisation, and deletions of unknown origin.
    uids.update(
        conn.execute(
            select(ChangeRow.entity_uid).where(
                ChangeRow.field == DELETED_FROM, ChangeRow.new == org_uid
            )
        ).scalars()
    )
    recorded = select(ChangeRow.entity_uid).where(ChangeRow.field == DELETED_FROM)
    uids.update(
        conn.execute(
            select(ChangeRow.entity_uid).where(
                ChangeRow.entity == "activity",
                ChangeRow.field == "",
                ChangeRow.new.is_(None),
                ChangeRow.old.is_not(None),
                ChangeRow.entity_uid.not_in(recorded),
                ChangeRow.entity_uid.not_in(select(ActivityRow.uid)),
            )
        ).scalars()
    )
    return uids


def deletion_origins(conn: Connection, deletions: list[Any]) -> dict[int, str]:
    """Organisation uid recorded with each deletion record (by record id), where known."""
    marks: dict[str, list[tuple[int, datetime, str | None]]] = defaultdict(list)
    for chunk in chunks(sorted({r["entity_uid"] for r in deletions})):
        for id_, uid, at, org_uid in conn.execute(
            select(ChangeRow.id, ChangeRow.entity_uid, ChangeRow.at, ChangeRow.new).where(
                ChangeRow.field == DELETED_FROM, ChangeRow.entity_uid.in_(chunk)
            )
        ):
            marks[uid].append((id_, rows.utc(at), org_uid))
    result: dict[int, str] = {}
    for r in deletions:
        earlier = [mark for mark in marks.get(r["entity_uid"], []) if mark[0] < r["id"]]
        if earlier:
            id_, at, org_uid = max(earlier)
            if at == rows.utc(r["at"]) and org_uid:
                result[r["id"]] = org_uid
    return result


# restoring and undoing


def restore_activity(writer: Writer, uid: str, organisation_uid: str | None) -> m.Activity:
    """Recreate a deleted activity from its deletion record (see :meth:`Store.restore_activity
    <ropa_desktop.store.repository.Store.restore_activity>`)."""
    deletion = writer.conn.execute(
        select(ChangeRow.id, ChangeRow.old, ChangeRow.entity_label)
        .where(
            ChangeRow.entity == "activity",
            ChangeRow.entity_uid == uid,
            ChangeRow.field == "",
            ChangeRow.new.is_(None),
            ChangeRow.old.is_not(None),
        )
        .order_by(ChangeRow.id.desc())
        .limit(1)
    ).first()
    if deletion is None:
        raise StoreError(MSG_NOT_DELETED, uid=uid)
    again = writer.conn.execute(select(ActivityRow.name).where(ActivityRow.uid == uid)).first()
    if again is not None:
        raise StoreError(MSG_EXISTS_AGAIN, uid=uid, name=again.name)
    if organisation_uid is None:
        organisation_uid = writer.conn.execute(
            select(ChangeRow.new)
            .where(
                ChangeRow.entity_uid == uid,
                ChangeRow.field == DELETED_FROM,
                ChangeRow.id < deletion.id,
            )
            .order_by(ChangeRow.id.desc())
            .limit(1)
        ).scalar()
        if organisation_uid is None:
            raise StoreError(MSG_RESTORE_WHERE, name=deletion.entity_label)
    org_id = writer.organisation_id(organisation_uid)
    act = own_links(writer, org_id, from_dict(m.Activity, json.loads(deletion.old)))
    check_text(act)
    act.changed = writer.now
    writer.start_batch("restore", act.name)
    writer.put_activities(org_id, [act])
    writer.flush_history()
    return act


def undo_batch(writer: Writer, batch_uid: str) -> None:
    """Undo everything a batch did (see :meth:`Store.undo_batch
    <ropa_desktop.store.repository.Store.undo_batch>`)."""
    batch = writer.conn.execute(
        select(ChangeBatchRow).where(ChangeBatchRow.uid == batch_uid)
    ).first()
    if batch is None:
        raise StoreError(MSG_NO_BATCH, uid=batch_uid)
    if (
        writer.conn.execute(
            select(ChangeBatchRow.id).where(
                ChangeBatchRow.kind == "undo", ChangeBatchRow.description == batch_uid
            )
        ).first()
        is not None
    ):
        raise StoreError(MSG_UNDONE_ALREADY, uid=batch_uid)
    records = (
        writer.conn.execute(
            select(ChangeRow).where(ChangeRow.batch_id == batch.id).order_by(ChangeRow.id)
        )
        .mappings()
        .all()
    )
    last_id = max((r["id"] for r in records), default=0)
    touched = {r["entity_uid"]: r for r in records}
    for chunk in chunks(sorted(touched)):
        later = writer.conn.execute(
            select(ChangeRow.entity_uid)
            .where(ChangeRow.entity_uid.in_(chunk), ChangeRow.id > last_id)
            .limit(1)
        ).first()
        if later is not None:
            raise StoreError(MSG_CHANGED_SINCE, name=touched[later.entity_uid]["entity_label"])
    created = [
        (r["entity"], r["entity_uid"])
        for r in records
        if r["field"] == "" and r["old"] is None and r["new"] is not None
    ]
    before = [(r["entity"], r["old"]) for r in records if r["field"] == BEFORE]
    writer.start_batch("undo", batch_uid)
    from ropa_desktop.store.organisations import DELETE_KIND, undo_deletion  # a cycle at import

    if batch.kind == DELETE_KIND:  # the batch deleted a whole organisation: write it back
        undo_deletion(writer, list(records))
        return
    from ropa_desktop.store.catalogue_delete import KINDS, recreate_deleted

    if batch.kind in KINDS:  # the batch deleted a catalogue entry: it comes back first
        recreate_deleted(writer, list(records))
    snapshots: dict[str, dict[str, Any]] = {}  # of the created processors

    def delete_created(*kinds: str) -> None:
        for kind in kinds:
            for entity, uid in created:
                if entity == kind:
                    _delete_created(writer, kind, uid, snapshots)

    # Users first, then what they use: created activities and services; then the replaced
    # records get their old content back, which refers only to what existed before
    # the batch, so they let go of the catalogue entries the batch created; then
    # those entries, the processors among them without their links to one another; last
    # the created organisations, which own catalogue entries (an existing record is never
    # moved into one).
    delete_created("activity", "service")
    for entity, snapshot in before:
        restore_snapshot(writer, entity, json.loads(snapshot))
    snapshots.update(
        _unlink_created_processors(
            writer, [uid for entity, uid in created if entity == "processor"]
        )
    )
    delete_created("processor", "recipient", "tom", "organisation")
    writer.flush_history()


def _unlink_created_processors(writer: Writer, uids: list[str]) -> dict[str, dict[str, Any]]:
    """Drop the subprocessor links the created processors ``uids`` hold, so that one
    of them is not "in use" merely because another of them links to it.

    The processors' snapshots (with their links) are kept for the history records
    of their deletion (returned by uid). Links from any other processor stay and refuse
    the undo.
    """
    if not uids:
        return {}
    reader = Reader(writer.conn)
    snapshots = {uid: to_dict(reader.processors[uid]) for uid in uids if uid in reader.processors}
    ids = {uid: id_ for id_, uid in reader.processor_uid.items()}
    own = [ids[uid] for uid in uids if uid in ids]
    for chunk in chunks(own):
        writer.conn.execute(delete(SubprocessorRow).where(SubprocessorRow.processor_id.in_(chunk)))
    return snapshots


def _delete_created(
    writer: Writer, kind: str, uid: str, snapshots: dict[str, dict[str, Any]]
) -> None:
    if kind == "activity":
        writer.delete_activity(uid)
        return
    catalogues: dict[str, type[ProcessorRow] | type[RecipientRow] | type[TomRow]] = {
        "processor": ProcessorRow,
        "recipient": RecipientRow,
        "tom": TomRow,
    }
    if kind in catalogues:
        snapshot = snapshots.get(uid) if kind == "processor" else None
        writer.delete_catalogue_entry(catalogues[kind], kind, uid, snapshot)
        return
    tables: dict[str, EntityTable] = {
        "service": ProcessingServiceRow,
        "organisation": OrganisationRow,
    }
    table = tables[kind]
    row = writer.conn.execute(select(table).where(table.uid == uid)).mappings().first()
    if row is None:
        return
    if kind == "organisation":
        remaining = sum(
            writer.conn.execute(
                select(func.count()).select_from(t).where(t.organisation_id == row["id"])
            ).scalar_one()
            for t in (ActivityRow, ProcessingServiceRow, ProcessorRow, RecipientRow, TomRow)
        )
        if remaining:
            raise StoreError(MSG_IN_USE, name=row["name"], count=remaining)
    writer.conn.execute(delete(table).where(table.id == row["id"]))
    writer.record(
        kind,
        uid,
        row["name"],
        "",
        json.dumps({k: v for k, v in row.items() if k != "id"}, ensure_ascii=False, default=str),
        None,
    )


def restore_snapshot(writer: Writer, entity: str, snapshot: dict[str, Any]) -> None:
    """Write a record back as ``snapshot`` (from the history) holds it."""
    if entity == "activity":
        act = from_dict(m.Activity, snapshot)
        org_id = writer.conn.execute(
            select(ActivityRow.organisation_id).where(ActivityRow.uid == act.uid)
        ).scalar_one()
        writer.put_activities(org_id, [own_links(writer, org_id, act)])
    elif entity == "service":
        svc = from_dict(m.ProcessingService, snapshot)
        org_id = writer.conn.execute(
            select(ProcessingServiceRow.organisation_id).where(ProcessingServiceRow.uid == svc.uid)
        ).scalar_one()
        writer.put_service(org_id, own_links(writer, org_id, svc), touch=False)
    elif entity == "organisation":
        writer.put_organisation(from_dict(m.Organisation, snapshot))
    elif entity == "processor":
        proc = from_dict(m.Processor, snapshot)
        writer.put_processor(proc)
        writer.put_subprocessor_links([proc])
    elif entity == "recipient":
        writer.put_simple(RecipientRow, from_dict(m.Recipient, _owned(snapshot)))
    elif entity == "tom":
        writer.put_simple(TomRow, from_dict(m.Tom, _owned(snapshot)))


def _owned(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A catalogue snapshot as the model reads it; snapshots written before catalogues
    belonged to organisations carry no owner (the entry stays where it is)."""
    return {k: v for k, v in snapshot.items() if k not in ("id", "organisation_id")}
