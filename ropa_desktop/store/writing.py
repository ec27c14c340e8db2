"""Writing the register inside one open transaction; every change goes to the history."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import to_dict
from ropa_desktop.store import rows
from ropa_desktop.store.fast_insert import insert_many, insert_tuples
from ropa_desktop.store.frozen import put_versions
from ropa_desktop.store.history import DELETED_FROM, HistoryWriter, entity_label
from ropa_desktop.store.models import (
    ActivityRow,
    ChangeRow,
    ClientControllerRow,
    DataCategoryRow,
    EntityTable,
    JointControllerRow,
    OrganisationRow,
    ProcessingServiceRow,
    ProcessorRow,
    ProcessorUseRow,
    PurposeRow,
    RecipientRow,
    RecipientUseRow,
    SubprocessorRow,
    TomRow,
    TomUseRow,
    TransferRow,
)
from ropa_desktop.store.reading import Reader
from ropa_desktop.store.records import (
    MSG_CROSS_ORG,
    MSG_EMPTY_NAME,
    MSG_IN_USE,
    MSG_NO_OWNER,
    MSG_ORG_NAME_TAKEN,
    MSG_OTHER_ORG,
    MSG_UNKNOWN_ENTITY,
    ImportResult,
    StoreError,
    chunks,
)

CatalogueTable = type[ProcessorRow] | type[RecipientRow] | type[TomRow]
CATALOGUE_ENTITY: dict[CatalogueTable, str] = {
    ProcessorRow: "processor",
    RecipientRow: "recipient",
    TomRow: "tom",
}
CatalogueEntry = m.Processor | m.Recipient | m.Tom


MAX_SCOPED_ORGS = 500
"""Up to this many organisations a read of stored activities names them in the statement."""


class Writer(HistoryWriter):
    """Writes inside one open transaction and records every change."""

    def __init__(self, conn: Connection, user: str) -> None:
        super().__init__(conn, user)
        self._ids: dict[type, dict[str, int]] = {}
        self._owned: dict[type, dict[str, tuple[int, int]]] = {}

    # id lookups

    def ids(self, table: EntityTable) -> dict[str, int]:
        if table not in self._ids:
            self._ids[table] = dict(
                (uid, id_) for id_, uid in self.conn.execute(select(table.id, table.uid))
            )
        return self._ids[table]

    def owned(self, table: CatalogueTable) -> dict[str, tuple[int, int]]:
        """Catalogue entries by uid: (row id, organisation id)."""
        if table not in self._owned:
            self._owned[table] = {
                uid: (id_, org)
                for id_, uid, org in self.conn.execute(
                    select(table.id, table.uid, table.organisation_id)
                )
            }
        return self._owned[table]

    def organisation_id(self, uid: str) -> int:
        org_id = self.conn.execute(
            select(OrganisationRow.id).where(OrganisationRow.uid == uid)
        ).scalar()
        if org_id is None:
            raise StoreError(MSG_UNKNOWN_ENTITY, entity="Organisation", uid=uid)
        return org_id

    def organisation_name(self, org_id: int) -> str:
        return self.conn.execute(
            select(OrganisationRow.name).where(OrganisationRow.id == org_id)
        ).scalar_one()

    # versions

    def initial_versions(self, uids: list[str]) -> dict[str, int]:
        """Versions for records inserted under uids that existed before (deleted, now
        restored or imported again): one more than their history records, so a version
        never comes back and a copy loaded before the deletion stays outdated."""
        found: dict[str, int] = {}
        for chunk in chunks(uids):
            found.update(
                (uid, int(n) + 1)
                for uid, n in self.conn.execute(
                    select(ChangeRow.entity_uid, func.count())
                    .where(ChangeRow.entity_uid.in_(chunk))
                    .group_by(ChangeRow.entity_uid)
                )
            )
        return found

    def initial_version(self, uid: str) -> dict[str, int]:
        """Insert values of the version of one record (see :meth:`initial_versions`)."""
        again = self.initial_versions([uid])
        return {"version": again[uid]} if uid in again else {}

    # whole documents

    def import_register(self, register: m.Register, description: str, kind: str) -> ImportResult:
        batch = self.start_batch(kind, description)
        counts = {"created": 0, "updated": 0, "unchanged": 0}

        def count(outcome: str) -> None:
            counts[outcome] += 1

        for org in register.organisations:  # first: the catalogue entries belong to them
            count(self.put_organisation(org))
        for p in register.processors:
            count(self.put_processor(p))
        self.put_subprocessor_links(register.processors)
        for r in register.recipients:
            count(self.put_simple(RecipientRow, r))
        for t in register.toms:
            count(self.put_simple(TomRow, t))
        for org in register.organisations:
            org_id = self.ids(OrganisationRow)[org.uid]
            for outcome in self.put_activities(org_id, org.activities):
                count(outcome)
            for svc in org.services:
                count(self.put_service(org_id, svc, touch=False))
        self.flush_history()
        self.append_history(register.history)
        put_versions(self.conn, register.versions)
        self.stamp_versions(register)
        return ImportResult(batch, counts["created"], counts["updated"], counts["unchanged"])

    def stamp_versions(self, register: m.Register) -> None:
        """Give every record of ``register`` (just written as it is) its stored version."""
        groups: list[tuple[EntityTable, list[Any]]] = [
            (ProcessorRow, list(register.processors)),
            (RecipientRow, list(register.recipients)),
            (TomRow, list(register.toms)),
            (OrganisationRow, list(register.organisations)),
            (ActivityRow, [a for o in register.organisations for a in o.activities]),
            (ProcessingServiceRow, [s for o in register.organisations for s in o.services]),
        ]
        for table, records in groups:
            stored: dict[str, int] = {}
            for chunk in chunks([r.uid for r in records]):
                stored.update(
                    (uid, version)
                    for uid, version in self.conn.execute(
                        select(table.uid, table.version).where(table.uid.in_(chunk))
                    )
                )
            for record in records:
                record.version = stored.get(record.uid, record.version)

    # organisations

    def put_organisation(self, org: m.Organisation) -> str:
        values = rows.organisation_values(org)
        clash = self.conn.execute(
            select(OrganisationRow.uid).where(
                OrganisationRow.name == org.name, OrganisationRow.uid != org.uid
            )
        ).first()
        if clash is not None:
            raise StoreError(MSG_ORG_NAME_TAKEN, name=org.name)
        existing = (
            self.conn.execute(select(OrganisationRow).where(OrganisationRow.uid == org.uid))
            .mappings()
            .first()
        )
        if existing is None:
            new_id = self.conn.execute(
                insert(OrganisationRow)
                .values({**values, **self.initial_version(org.uid)})
                .returning(OrganisationRow.id)
            ).scalar_one()
            self.ids(OrganisationRow)[org.uid] = new_id
            self.record("organisation", org.uid, org.name, "", None, org.name)
            return "created"
        old = rows.organisation_from(existing)
        master = replace(org, activities=[], services=[])
        if not self.record_diff("organisation", old, master):
            return "unchanged"
        self.conn.execute(
            update(OrganisationRow)
            .where(OrganisationRow.id == existing["id"])
            .values({**values, "version": OrganisationRow.version + 1})
        )
        return "updated"

    # activities

    def put_activity(self, org_id: int, act: m.Activity, *, touch: bool) -> m.Activity:
        if touch:
            act.changed = self.now
        self.put_activities(org_id, [act], touch=touch)
        self.flush_history()
        return act

    def put_activities(
        self, org_id: int, acts: list[m.Activity], *, touch: bool = False
    ) -> list[str]:
        """Insert new and replace known activities; returns one outcome per activity."""
        known = self._existing_activities([a.uid for a in acts])
        outcomes: list[str] = []
        new_acts: list[m.Activity] = []
        replaced: list[tuple[int, m.Activity]] = []
        for act in acts:
            if act.uid not in known:
                if touch:
                    act.created = self.now
                new_acts.append(act)
                self.record("activity", act.uid, act.name, "", None, act.name)
                outcomes.append("created")
                continue
            row_id, owner, old = known[act.uid]
            if owner != org_id:
                raise StoreError(MSG_OTHER_ORG, name=act.name)
            if not self.record_diff("activity", old, act):
                if touch:
                    act.changed = old.changed
                    outcomes.append("unchanged")
                elif rows.utc(act.changed) != old.changed:  # only the time stamp differs
                    self.conn.execute(
                        update(ActivityRow)
                        .where(ActivityRow.id == row_id)
                        .values(changed=rows.utc(act.changed))
                    )
                    outcomes.append("updated")
                else:
                    outcomes.append("unchanged")
                continue
            replaced.append((row_id, act))
            outcomes.append("updated")
        if new_acts:
            again = self.initial_versions([a.uid for a in new_acts])
            insert_many(
                self.conn,
                ActivityRow,
                [
                    {**rows.activity_values(a, org_id), "version": again.get(a.uid, 1)}
                    for a in new_acts
                ],
            )
            wanted = {a.uid for a in new_acts}
            ids = {
                uid: id_
                for id_, uid in self.conn.execute(
                    select(ActivityRow.id, ActivityRow.uid).where(
                        ActivityRow.organisation_id == org_id
                    )
                )
                if uid in wanted
            }
            self._insert_activity_children([(ids[a.uid], a) for a in new_acts], org_id)
        if replaced:
            row_ids = [row_id for row_id, _ in replaced]
            self._delete_children(row_ids, ActivityRow)
            for row_id, act in replaced:
                self.conn.execute(
                    update(ActivityRow)
                    .where(ActivityRow.id == row_id)
                    .values(
                        {**rows.activity_values(act, org_id), "version": ActivityRow.version + 1}
                    )
                )
            self._insert_activity_children(replaced, org_id)
        return outcomes

    def _existing_activities(self, uids: list[str]) -> dict[str, tuple[int, int, m.Activity]]:
        """Known activities by uid as (row id, organisation id, activity), rows locked."""
        found: dict[str, int] = {}
        orgs: set[int] = set()
        for chunk in chunks(uids):
            for id_, uid, org_id in self.conn.execute(
                select(ActivityRow.id, ActivityRow.uid, ActivityRow.organisation_id)
                .where(ActivityRow.uid.in_(chunk))
                .with_for_update()
            ):
                found[uid] = id_
                orgs.add(org_id)
        if not found:
            return {}
        # An activity links only its own organisation's catalogue entries: reading those
        # spares reading every organisation's catalogue for each save.
        reader = Reader(self.conn, sorted(orgs) if len(orgs) <= MAX_SCOPED_ORGS else None)
        result: dict[str, tuple[int, int, m.Activity]] = {}
        id_list = list(found.values())
        for chunk in chunks(id_list):
            for org_id, act in reader.activities(ActivityRow.id.in_(chunk)):
                result[act.uid] = (found[act.uid], org_id, act)
        return result

    def _delete_children(self, owner_ids: list[int], owner: type) -> None:
        if owner is ActivityRow:
            tables = [
                (PurposeRow, PurposeRow.activity_id),
                (DataCategoryRow, DataCategoryRow.activity_id),
                (JointControllerRow, JointControllerRow.activity_id),
                (RecipientUseRow, RecipientUseRow.activity_id),
                (ProcessorUseRow, ProcessorUseRow.activity_id),
                (TransferRow, TransferRow.activity_id),
                (TomUseRow, TomUseRow.activity_id),
            ]
        else:
            tables = [
                (ClientControllerRow, ClientControllerRow.service_id),
                (ProcessorUseRow, ProcessorUseRow.service_id),
                (TransferRow, TransferRow.service_id),
                (TomUseRow, TomUseRow.service_id),
            ]
        for chunk in chunks(owner_ids):
            for table, column in tables:
                self.conn.execute(delete(table).where(column.in_(chunk)))

    def _catalogue_id(self, table: CatalogueTable, uid: str, what: str, org_id: int) -> int:
        """The row id of a catalogue entry that a record of organisation ``org_id`` links;
        refused when the entry is unknown or belongs to another organisation."""
        try:
            id_, owner = self.owned(table)[uid]
        except KeyError:
            raise StoreError(MSG_UNKNOWN_ENTITY, entity=what, uid=uid) from None
        if owner != org_id:
            label = self.conn.execute(select(table).where(table.id == id_)).mappings().one()
            raise StoreError(
                MSG_CROSS_ORG,
                name=label.get("name") or label.get("title"),
                owner=self.organisation_name(owner),
                org=self.organisation_name(org_id),
            )
        return id_

    def _transfer_values(self, t: m.Transfer, org_id: int, **owner: int | None) -> dict[str, Any]:
        pid = (
            self._catalogue_id(ProcessorRow, t.processor, "processor", org_id)
            if t.processor is not None
            else None
        )
        return {
            "organisation_id": org_id,
            "activity_id": None,
            "service_id": None,
            **owner,
            "country": t.country,
            "recipient": t.recipient,
            "processor_id": pid,
            "mechanism": t.mechanism,
            "mechanism_text": t.mechanism_text,
            "documentation": t.documentation,
        }

    def _insert_activity_children(self, pairs: list[tuple[int, m.Activity]], org_id: int) -> None:
        batches: dict[type, list[dict[str, Any]]] = defaultdict(list)
        # The two largest child tables go to the driver as tuples (an import writes tens of
        # thousands of their rows).
        purposes: list[tuple[Any, ...]] = []
        categories: list[tuple[Any, ...]] = []
        for row_id, a in pairs:
            purposes += [rows.purpose_row(p, row_id) for p in a.purposes]
            categories += [rows.data_category_row(c, row_id) for c in a.data_categories]
            batches[JointControllerRow] += [
                rows.joint_controller_values(j, row_id) for j in a.joint_controllers
            ]
            batches[RecipientUseRow] += [
                {
                    "organisation_id": org_id,
                    "activity_id": row_id,
                    "recipient_id": self._catalogue_id(RecipientRow, uid, "recipient", org_id),
                }
                for uid in a.recipients
            ]
            batches[ProcessorUseRow] += [
                {
                    "organisation_id": org_id,
                    "activity_id": row_id,
                    "service_id": None,
                    "service": link.service,
                    "processor_id": self._catalogue_id(
                        ProcessorRow, link.processor, "processor", org_id
                    ),
                }
                for link in a.processors
            ]
            batches[TransferRow] += [
                self._transfer_values(t, org_id, activity_id=row_id) for t in a.transfers
            ]
            batches[TomUseRow] += [
                {
                    "organisation_id": org_id,
                    "activity_id": row_id,
                    "service_id": None,
                    "tom_id": self._catalogue_id(TomRow, uid, "TOM", org_id),
                }
                for uid in a.toms
            ]
        for chunk in chunks(purposes, 5000):
            insert_tuples(self.conn, PurposeRow, rows.PURPOSE_KEYS, chunk)
        for chunk in chunks(categories, 5000):
            insert_tuples(self.conn, DataCategoryRow, rows.DATA_CATEGORY_KEYS, chunk)
        self._insert_batches(batches)

    def _insert_batches(self, batches: dict[type, list[dict[str, Any]]]) -> None:
        for table, values in batches.items():
            for chunk in chunks(values, 5000):
                insert_many(self.conn, table, chunk)

    def delete_activity(self, uid: str) -> None:
        existing = self._existing_activities([uid])
        if uid not in existing:
            raise StoreError(MSG_UNKNOWN_ENTITY, entity="activity", uid=uid)
        row_id, org_id, old = existing[uid]
        org_uid = self.conn.execute(
            select(OrganisationRow.uid).where(OrganisationRow.id == org_id)
        ).scalar_one()
        self.conn.execute(delete(ActivityRow).where(ActivityRow.id == row_id))
        self.record("activity", uid, old.name, DELETED_FROM, None, org_uid)
        self.record(
            "activity", uid, old.name, "", json.dumps(to_dict(old), ensure_ascii=False), None
        )
        self.flush_history()

    # processing services

    def put_service(self, org_id: int, svc: m.ProcessingService, *, touch: bool) -> str:
        row = self.conn.execute(
            select(ProcessingServiceRow.id, ProcessingServiceRow.organisation_id)
            .where(ProcessingServiceRow.uid == svc.uid)
            .with_for_update()
        ).first()
        if row is not None and row.organisation_id != org_id:
            raise StoreError(MSG_OTHER_ORG, name=svc.name)
        if row is None:
            if touch:
                svc.created = svc.changed = self.now
            row_id = self.conn.execute(
                insert(ProcessingServiceRow)
                .values({**rows.service_values(svc, org_id), **self.initial_version(svc.uid)})
                .returning(ProcessingServiceRow.id)
            ).scalar_one()
            self.record("service", svc.uid, svc.name, "", None, svc.name)
            outcome = "created"
        else:
            row_id = row.id
            old_svc = Reader(self.conn).services(ProcessingServiceRow.id == row_id)[0][1]
            if touch:
                svc.changed = self.now
            if not self.record_diff("service", old_svc, svc):
                return "unchanged"
            outcome = "updated"
            self._delete_children([row_id], ProcessingServiceRow)
            self.conn.execute(
                update(ProcessingServiceRow)
                .where(ProcessingServiceRow.id == row_id)
                .values(
                    {
                        **rows.service_values(svc, org_id),
                        "version": ProcessingServiceRow.version + 1,
                    }
                )
            )
        batches: dict[type, list[dict[str, Any]]] = defaultdict(list)
        batches[ClientControllerRow] = [rows.client_values(c, row_id) for c in svc.controllers]
        batches[ProcessorUseRow] = [
            {
                "organisation_id": org_id,
                "activity_id": None,
                "service_id": row_id,
                "service": link.service,
                "processor_id": self._catalogue_id(
                    ProcessorRow, link.processor, "processor", org_id
                ),
            }
            for link in svc.subprocessors
        ]
        batches[TransferRow] = [
            self._transfer_values(t, org_id, service_id=row_id) for t in svc.transfers
        ]
        batches[TomUseRow] = [
            {
                "organisation_id": org_id,
                "activity_id": None,
                "service_id": row_id,
                "tom_id": self._catalogue_id(TomRow, uid, "TOM", org_id),
            }
            for uid in svc.toms
        ]
        self._insert_batches(batches)
        self.flush_history()
        return outcome

    # catalogues

    def _entry_owner(self, table: CatalogueTable, entry: CatalogueEntry, existing: Any) -> int:
        """The organisation (row id) an entry is written for: its ``owner``; an entry
        without one stays where it is. An entry never moves to another organisation."""
        if not entry.owner:
            if existing is None:
                raise StoreError(MSG_NO_OWNER, name=entity_label(entry))
            return int(existing["organisation_id"])
        org_id = self.organisation_id(entry.owner)
        if existing is not None and existing["organisation_id"] != org_id:
            raise StoreError(MSG_OTHER_ORG, name=entity_label(entry))
        return org_id

    def _from_row(self, table: CatalogueTable, row: Any) -> CatalogueEntry:
        owner = self.conn.execute(
            select(OrganisationRow.uid).where(OrganisationRow.id == row["organisation_id"])
        ).scalar_one()
        if table is RecipientRow:
            return rows.recipient_from(row, owner)
        if table is TomRow:
            return rows.tom_from(row, owner)
        return rows.processor_from(row, owner)

    def put_simple(self, table: type[RecipientRow] | type[TomRow], obj: m.Recipient | m.Tom) -> str:
        """Create or update a recipient or TOM of its owner's catalogue."""
        entity = CATALOGUE_ENTITY[table]
        existing = self.conn.execute(select(table).where(table.uid == obj.uid)).mappings().first()
        org_id = self._entry_owner(table, obj, existing)
        if not obj.owner:
            obj.owner = self.conn.execute(
                select(OrganisationRow.uid).where(OrganisationRow.id == org_id)
            ).scalar_one()
        values = (
            rows.recipient_values(obj, org_id)
            if isinstance(obj, m.Recipient)
            else rows.tom_values(obj, org_id)
        )
        if existing is None:
            new_id = self.conn.execute(
                insert(table)
                .values({**values, **self.initial_version(obj.uid)})
                .returning(table.id)
            ).scalar_one()
            self.owned(table)[obj.uid] = (new_id, org_id)
            self.record(entity, obj.uid, entity_label(obj), "", None, entity_label(obj))
            outcome = "created"
        elif self.record_diff(entity, self._from_row(table, existing), obj):
            self.conn.execute(
                update(table)
                .where(table.id == existing["id"])
                .values({**values, "version": table.version + 1})
            )
            outcome = "updated"
        else:
            outcome = "unchanged"
        self.flush_history()
        return outcome

    def put_processor(self, p: m.Processor) -> str:
        if not p.name.strip():
            raise StoreError(MSG_EMPTY_NAME, entity="processor")
        existing = (
            self.conn.execute(select(ProcessorRow).where(ProcessorRow.uid == p.uid))
            .mappings()
            .first()
        )
        org_id = self._entry_owner(ProcessorRow, p, existing)
        if existing is not None:
            old = self._from_row(ProcessorRow, existing)
            assert isinstance(old, m.Processor)
            if not p.owner:
                p.owner = old.owner
            old.subprocessors = [
                m.SubprocessorLink(uid, service)
                for uid, service in self.conn.execute(
                    select(ProcessorRow.uid, SubprocessorRow.service)
                    .join(SubprocessorRow, SubprocessorRow.subprocessor_id == ProcessorRow.id)
                    .where(SubprocessorRow.processor_id == existing["id"])
                    .order_by(SubprocessorRow.id)
                )
            ]
            if not self.record_diff("processor", old, p):
                return "unchanged"
            self.conn.execute(
                update(ProcessorRow)
                .where(ProcessorRow.id == existing["id"])
                .values({**rows.processor_values(p, org_id), "version": ProcessorRow.version + 1})
            )
            return "updated"
        new_id = self.conn.execute(
            insert(ProcessorRow)
            .values({**rows.processor_values(p, org_id), **self.initial_version(p.uid)})
            .returning(ProcessorRow.id)
        ).scalar_one()
        self.owned(ProcessorRow)[p.uid] = (new_id, org_id)
        self.record("processor", p.uid, p.name, "", None, p.name)
        return "created"

    def put_subprocessor_links(self, processors: list[m.Processor]) -> None:
        """Replace the subprocessor links of ``processors`` (all must exist by now)."""
        owned = self.owned(ProcessorRow)
        own = [owned[p.uid][0] for p in processors]
        for chunk in chunks(own):
            self.conn.execute(
                delete(SubprocessorRow).where(SubprocessorRow.processor_id.in_(chunk))
            )
        values = [
            {
                "organisation_id": owned[p.uid][1],
                "processor_id": owned[p.uid][0],
                "subprocessor_id": self._catalogue_id(
                    ProcessorRow, s.processor, "processor", owned[p.uid][1]
                ),
                "service": s.service,
            }
            for p in processors
            for s in p.subprocessors
        ]
        self._insert_batches({SubprocessorRow: values})
        self.flush_history()

    def delete_catalogue_entry(
        self, table: CatalogueTable, entity: str, uid: str, snapshot: dict[str, Any] | None = None
    ) -> None:
        """Delete a processor, recipient or TOM that nothing uses; the history keeps
        ``snapshot`` (by default the entry as it is now) as its old content."""
        row = self.conn.execute(select(table).where(table.uid == uid)).mappings().first()
        if row is None:
            raise StoreError(MSG_UNKNOWN_ENTITY, entity=entity, uid=uid)
        uses = 0
        if table is ProcessorRow:
            for t, col in (
                (ProcessorUseRow, ProcessorUseRow.processor_id),
                (TransferRow, TransferRow.processor_id),
                (SubprocessorRow, SubprocessorRow.subprocessor_id),
            ):
                uses += self.conn.execute(
                    select(func.count()).where(col == row["id"]).select_from(t)
                ).scalar_one()
        if uses:
            raise StoreError(MSG_IN_USE, name=row["name"], count=uses)
        if snapshot is None and table is ProcessorRow:
            snapshot = to_dict(Reader(self.conn).processors[uid])
        elif snapshot is None:
            snapshot = to_dict(self._from_row(table, row))
        self.conn.execute(delete(table).where(table.id == row["id"]))
        self.owned(table).pop(uid, None)
        label = row.get("name") or row.get("title") or uid  # TOMs have a title, no name
        self.record(
            entity, uid, label, "", json.dumps(snapshot, ensure_ascii=False, default=str), None
        )
        self.flush_history()
