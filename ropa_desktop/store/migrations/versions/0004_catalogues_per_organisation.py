"""catalogues per organisation; organisations can be archived

Every processor, recipient and TOM is given to exactly one organisation. An entry
that several organisations use is split: the first user keeps the entry (and its
uid, so history and undo keep pointing at it), every other user gets its own copy
with a new uid, recorded in the history ("kopiert aus …"). Subprocessor chains are
copied along. An entry nobody uses goes to the organisation that created it (per
the history), else to the first organisation. The links then carry the
organisation, with composite foreign keys to both ends, so no link can cross
organisations. Organisations get a nullable ``archived`` timestamp.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CATALOGUES = {"processor": "name", "recipient": "name", "tom": "title"}
"""Catalogue tables and the column that names an entry."""

LINKS = {
    # link table: (catalogue column -> catalogue table) of the links it holds
    "processor_use": {"processor_id": "processor"},
    "transfer": {"processor_id": "processor"},
    "recipient_use": {"recipient_id": "recipient"},
    "tom_use": {"tom_id": "tom"},
}
OWNED_BY = {"processor_use": ("activity", "service"), "transfer": ("activity", "service"),
            "recipient_use": ("activity",), "tom_use": ("activity", "service")}

HOLDING = "Übernommene Katalogeinträge (ohne Organisation)"
"""The organisation created for catalogue entries of a database without any organisation."""

COPY_NAMESPACE = uuid.UUID("7d4c2b0e-9f51-4a38-8e6d-1c5a0b9e3f27")
"""As ``ropa_desktop.domain.ownership.COPY_NAMESPACE`` (kept here so this script never
changes): the copy of entry ``uid`` for organisation ``org`` is ``uuid5(ns, "uid/org")``,
so an old JSON export imported later finds the copies made here."""

COPIED_FROM = "#copied_from"
"""Hidden history field of a copy: ``old`` is the uid it was copied from, ``new`` the
uid of the organisation it was copied for (the store uses it to map old references)."""


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _table(bind: Any, name: str) -> sa.Table:
    return sa.Table(name, sa.MetaData(), autoload_with=bind)


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("archived", sa.DateTime(timezone=True), nullable=True))
    for name in (*CATALOGUES, *LINKS, "subprocessor"):
        with op.batch_alter_table(name) as batch:
            batch.add_column(sa.Column("organisation_id", sa.Integer(), nullable=True))
    _split(bind)
    _constrain()


# --- the data ------------------------------------------------------------------


class _Split:
    """Works out who owns what and makes the copies."""

    def __init__(self, bind: Any) -> None:
        self.bind = bind
        self.now = _now()
        org = _table(bind, "organisation")
        if bind.execute(sa.select(org.c.id).limit(1)).first() is None and any(
                bind.execute(sa.select(sa.func.count()).select_from(_table(bind, t))).scalar()
                for t in CATALOGUES):
            self._holding_place(org)
        self.orgs = {r.id: (r.uid, r.name)
                     for r in bind.execute(sa.select(org.c.id, org.c.uid, org.c.name))}
        act, svc = _table(bind, "activity"), _table(bind, "processing_service")
        self.owner_of = {
            "activity": dict(bind.execute(sa.select(act.c.id, act.c.organisation_id)).all()),
            "service": dict(bind.execute(sa.select(svc.c.id, svc.c.organisation_id)).all()),
        }
        self.org_by_uid = {uid: id_ for id_, (uid, _) in self.orgs.items()}
        self.org_by_uid.update({uid: org_id for uid, org_id in bind.execute(
            sa.select(act.c.uid, act.c.organisation_id))})
        self.org_by_uid.update({uid: org_id for uid, org_id in bind.execute(
            sa.select(svc.c.uid, svc.c.organisation_id))})
        self.subs = [(r.id, r.processor_id, r.subprocessor_id, r.service) for r in bind.execute(
            sa.select(_table(bind, "subprocessor")).order_by(sa.text("id")))]

    def _holding_place(self, org: sa.Table) -> None:
        self.bind.execute(sa.insert(org).values(
            uid=uuid.uuid4().hex, name=HOLDING, kind="public_authority", representative={},
            dpo={}, dpo_external=False, is_controller=True, is_processor=False))

    def users(self, table: str) -> dict[int, set[int]]:
        """Organisations using each entry of ``table`` through their activities and services
        (processors also as subprocessors of what an organisation uses)."""
        found: dict[int, set[int]] = defaultdict(set)
        for link, columns in LINKS.items():
            for column, target in columns.items():
                if target != table:
                    continue
                t = _table(self.bind, link)
                owners = [c for c in ("activity_id", "service_id") if c in t.c]
                for r in self.bind.execute(sa.select(t.c[column], *(t.c[c] for c in owners))
                                           .where(t.c[column].is_not(None))):
                    org_id = self._link_owner(r._mapping)
                    if org_id is not None:
                        found[r._mapping[column]].add(org_id)
        return found

    def _link_owner(self, row: Any) -> int | None:
        if row.get("activity_id") is not None:
            return self.owner_of["activity"].get(row["activity_id"])
        if row.get("service_id") is not None:
            return self.owner_of["service"].get(row["service_id"])
        return None

    def creators(self, table: str) -> dict[int, int]:
        """The organisation that created each entry, where the history tells: the lowest
        organisation created or filled in the same batch as the entry."""
        cat, change = _table(self.bind, table), _table(self.bind, "change")
        ids = dict(self.bind.execute(sa.select(cat.c.uid, cat.c.id)).all())
        batch_of: dict[int, int] = {}
        for uid, batch in self.bind.execute(
                sa.select(change.c.entity_uid, change.c.batch_id).where(
                    change.c.field == "", change.c.old.is_(None),
                    change.c.batch_id.is_not(None), change.c.entity == table)):
            if uid in ids:
                batch_of.setdefault(ids[uid], batch)
        batches: dict[int, int] = {}
        for uid, batch in self.bind.execute(
                sa.select(change.c.entity_uid, change.c.batch_id).where(
                    change.c.batch_id.in_(set(batch_of.values())),
                    change.c.entity.in_(("organisation", "activity", "service")))):
            org_id = self.org_by_uid.get(uid)
            if org_id is not None:
                batches[batch] = min(org_id, batches.get(batch, org_id))
        return {entry: batches[b] for entry, b in batch_of.items() if b in batches}

    def owners(self, table: str) -> tuple[dict[int, list[int]], dict[int, int]]:
        """For each entry: the organisations that get a version of it, and the one that keeps
        the original (the creator if it uses it, else the first user)."""
        ids = [i for (i,) in self.bind.execute(sa.select(_table(self.bind, table).c.id))]
        users, creators = self.users(table), self.creators(table)
        first = min(self.orgs) if self.orgs else None
        owners: dict[int, set[int]] = {}
        for i in ids:
            fallback = creators.get(i, first)
            owners[i] = set(users.get(i) or ({fallback} if fallback is not None else set()))
        if table == "processor":  # the subprocessors of an organisation's processor are its own
            changed = True
            while changed:
                changed = False
                for _, p, s, _service in self.subs:
                    missing = owners[p] - owners[s]
                    if missing:
                        owners[s] |= missing
                        changed = True
        keepers = {}
        for i, orgs in owners.items():
            creator = creators.get(i)
            keepers[i] = creator if creator in orgs else min(orgs)
        return {i: sorted(o) for i, o in owners.items()}, keepers

    def split(self, table: str) -> dict[tuple[int, int], int]:
        """Give every entry of ``table`` its owner and copy it for the other users; returns
        the id of each (entry, organisation) version."""
        cat, change = _table(self.bind, table), _table(self.bind, "change")
        owners, keepers = self.owners(table)
        version: dict[tuple[int, int], int] = {}
        rows = {r._mapping["id"]: dict(r._mapping) for r in self.bind.execute(sa.select(cat))}
        history: list[dict[str, Any]] = []
        for i, orgs in owners.items():
            keeper = keepers[i]
            self.bind.execute(sa.update(cat).where(cat.c.id == i).values(organisation_id=keeper))
            version[(i, keeper)] = i
            row = rows[i]
            label = row[CATALOGUES[table]] or row["uid"]
            for org_id in orgs:
                if org_id == keeper:
                    continue
                org_uid, org_name = self.orgs[org_id]
                values = {k: v for k, v in row.items() if k != "id"}
                values.update(uid=uuid.uuid5(COPY_NAMESPACE, f"{row['uid']}/{org_uid}").hex,
                              organisation_id=org_id)
                version[(i, org_id)] = int(self.bind.execute(
                    sa.insert(cat).values(values).returning(cat.c.id)).scalar_one())
                note = (f"{label} — kopiert aus {row['uid']} für „{org_name}“ bei der "
                        f"Aktualisierung (Kataloge je Organisation)")
                common = {"at": self.now, "user": "ropa-desktop", "entity": table,
                          "entity_uid": values["uid"], "entity_label": label, "batch_id": None}
                history.append({**common, "field": "", "old": None, "new": note})
                history.append({**common, "field": COPIED_FROM, "old": row["uid"],
                                "new": org_uid})
        if history:
            self.bind.execute(sa.insert(change), history)
        return version

    def relink(self, versions: dict[str, dict[tuple[int, int], int]]) -> None:
        """Record the organisation on every link and point the links of the organisations
        that got copies at their own version."""
        for link, columns in LINKS.items():
            t = _table(self.bind, link)
            for owner in OWNED_BY[link]:
                parent = _table(self.bind, "activity" if owner == "activity"
                                else "processing_service")
                self.bind.execute(sa.update(t).where(t.c[f"{owner}_id"].is_not(None)).values(
                    organisation_id=sa.select(parent.c.organisation_id)
                    .where(parent.c.id == t.c[f"{owner}_id"]).scalar_subquery()))
            for column, target in columns.items():
                cat = _table(self.bind, target)
                moved = self.bind.execute(
                    sa.select(t.c.id, t.c[column], t.c.organisation_id)
                    .join(cat, cat.c.id == t.c[column])
                    .where(cat.c.organisation_id != t.c.organisation_id)).all()
                for row_id, entry, org_id in moved:
                    self.bind.execute(sa.update(t).where(t.c.id == row_id).values(
                        {column: versions[target][(entry, org_id)]}))
        sub = _table(self.bind, "subprocessor")
        procs = versions["processor"]
        added = []
        for sub_id, p, s, service in self.subs:
            for (entry, org_id), copy_id in procs.items():
                if entry != p:
                    continue
                if copy_id == p:  # the original keeps its link row
                    self.bind.execute(sa.update(sub).where(sub.c.id == sub_id).values(
                        organisation_id=org_id, subprocessor_id=procs[(s, org_id)]))
                else:
                    added.append({"processor_id": copy_id, "subprocessor_id": procs[(s, org_id)],
                                  "service": service, "organisation_id": org_id})
        if added:
            self.bind.execute(sa.insert(sub), added)


def _split(bind: Any) -> None:
    work = _Split(bind)
    versions = {table: work.split(table) for table in CATALOGUES}
    work.relink(versions)


# --- the constraints --------------------------------------------------------------


def _owned(table: str) -> None:
    with op.batch_alter_table(table) as batch:
        batch.create_unique_constraint(f"uq_{table}_id_organisation", ["id", "organisation_id"])


def _link_fk(batch: Any, table: str, column: str, target: str, ondelete: str | None) -> None:
    batch.create_foreign_key(f"fk_{table}_{column}_{target}", target,
                             [column, "organisation_id"], ["id", "organisation_id"],
                             ondelete=ondelete)


def _constrain() -> None:
    for table in ("activity", "processing_service"):
        _owned(table)
    for table in CATALOGUES:
        with op.batch_alter_table(table) as batch:
            batch.alter_column("organisation_id", existing_type=sa.Integer(), nullable=False)
            batch.create_foreign_key(f"fk_{table}_organisation_id_organisation", "organisation",
                                     ["organisation_id"], ["id"], ondelete="CASCADE")
            batch.create_index(f"ix_{table}_organisation_id", ["organisation_id"])
            batch.create_unique_constraint(f"uq_{table}_id_organisation",
                                           ["id", "organisation_id"])
    links = {
        "processor_use": [("activity_id", "activity", "CASCADE"),
                          ("service_id", "processing_service", "CASCADE"),
                          ("processor_id", "processor", None)],
        "transfer": [("activity_id", "activity", "CASCADE"),
                     ("service_id", "processing_service", "CASCADE"),
                     ("processor_id", "processor", None)],
        "tom_use": [("activity_id", "activity", "CASCADE"),
                    ("service_id", "processing_service", "CASCADE"),
                    ("tom_id", "tom", None)],
        "recipient_use": [("activity_id", "activity", "CASCADE"),
                          ("recipient_id", "recipient", None)],
        "subprocessor": [("processor_id", "processor", "CASCADE"),
                         ("subprocessor_id", "processor", None)],
    }
    for table, fks in links.items():
        with op.batch_alter_table(table) as batch:
            for column, target, _ in fks:
                batch.drop_constraint(f"fk_{table}_{column}_{target}", type_="foreignkey")
        with op.batch_alter_table(table) as batch:
            batch.alter_column("organisation_id", existing_type=sa.Integer(), nullable=False)
            batch.create_index(f"ix_{table}_organisation_id", ["organisation_id"])
            for column, target, ondelete in fks:
                _link_fk(batch, table, column, target, ondelete)


def downgrade() -> None:
    """Not supported: the split cannot be taken back without losing the copies' own
    contracts and notes. Restore the backup written before the upgrade instead."""
    raise NotImplementedError("restore the backup written before the upgrade to 0004")
