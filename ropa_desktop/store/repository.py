"""The register in a database: whole registers read in a bounded number of
statements, every write one transaction that records its changes in the history.

All reads and writes of the application go through :class:`Store`; nothing
else touches the tables. Reads fetch one table at a time (filtered by
organisation), so loading a register costs the same dozen statements whether it
holds ten activities or twenty thousand.

The work is done in :mod:`~ropa_desktop.store.reading`, :mod:`~ropa_desktop.store.writing`
and :mod:`~ropa_desktop.store.history` (recording, restoring, undoing); the records the
store hands out and :class:`StoreError` are in :mod:`~ropa_desktop.store.records`.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, not_, select

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_from_document, register_to_document
from ropa_desktop.domain.integrity import integrity_problems
from ropa_desktop.domain.ownership import give_owners
from ropa_desktop.store import frozen, history, organisations, rows, versions
from ropa_desktop.store.bulk import BulkChange
from ropa_desktop.store.catalogue_copy import copy_entries
from ropa_desktop.store.catalogue_delete import EntryUse
from ropa_desktop.store.gc_pause import paused_gc
from ropa_desktop.store.history import (
    DELETED_FROM,
    deletion_origins,
    organisation_uids,
)
from ropa_desktop.store.lockfile import RegisterLock
from ropa_desktop.store.models import (
    ActivityRow,
    ChangeBatchRow,
    ChangeRow,
    OrganisationRow,
    ProcessingServiceRow,
    ProcessorRow,
    RecipientRow,
    RegisterVersionRow,
    TomRow,
)
from ropa_desktop.store.reading import Reader, read_register
from ropa_desktop.store.record_work import RecordWork
from ropa_desktop.store.records import (
    MSG_ARCHIVED_ALREADY,
    MSG_EMPTY_NAME,
    MSG_INTEGRITY,
    MSG_NOT_ARCHIVED,
    MSG_NOT_DELETED_ORG,
    MSG_UNKNOWN_ENTITY,
    MSG_UNKNOWN_ORG,
    ChangeBatch,
    HistoryEntry,
    ImportResult,
    OrganisationSummary,
    RegisterVersion,
    StoreError,
    check_text,
    chunks,
)
from ropa_desktop.store.transactions import DryRun, writing
from ropa_desktop.store.versions import ConflictError
from ropa_desktop.store.writing import Writer

__all__ = [
    "DELETED_FROM",
    "BulkChange",
    "ChangeBatch",
    "ConflictError",
    "EntryUse",
    "HistoryEntry",
    "ImportResult",
    "OrganisationSummary",
    "RegisterVersion",
    "Store",
    "StoreError",
    "default_user",
]


VERSION_FILE = "#version-file"
"""History field recording where the export of a frozen version was written (hidden from
the Verlauf like every field starting with "#")."""


def default_user() -> str:
    """The name recorded in the history: ``ROPA_USER`` or the login name."""
    if env := os.environ.get("ROPA_USER"):
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a container
        return "unknown"


class Store(RecordWork):
    """Reads and writes the register of one database (SQLite file or PostgreSQL)."""

    def __init__(self, engine: Engine, user: str | None = None) -> None:
        self.engine = engine
        self.user = user or default_user()
        self.read_only = False
        """True when the database was opened read-only (writes are refused by it)."""
        self.lock: RegisterLock | None = None
        """The register's lock file held for this store (see ``open_store``), if any."""

    # --- reading ------------------------------------------------------------

    def is_empty(self) -> bool:
        """True when the database holds no organisation and no catalogue entry."""
        with self.engine.connect() as conn:
            for table in (OrganisationRow, ProcessorRow, RecipientRow, TomRow):
                if conn.execute(select(table.id).limit(1)).first() is not None:
                    return False
        return True

    def organisations(self, *, include_archived: bool = False) -> list[OrganisationSummary]:
        """The organisations (without the archived ones unless asked) with their counts of
        activities, services and catalogue entries, by name."""

        def counts(table: Any) -> Any:
            return (
                select(table.organisation_id, func.count().label("n"))
                .group_by(table.organisation_id)
                .subquery()
            )

        acts, svcs = counts(ActivityRow), counts(ProcessingServiceRow)
        cats = [counts(t) for t in (ProcessorRow, RecipientRow, TomRow)]
        stmt = (
            select(
                OrganisationRow.uid,
                OrganisationRow.name,
                OrganisationRow.kind,
                func.coalesce(acts.c.n, 0),
                func.coalesce(svcs.c.n, 0),
                OrganisationRow.archived,
                *(func.coalesce(c.c.n, 0) for c in cats),
            )
            .outerjoin(acts, acts.c.organisation_id == OrganisationRow.id)
            .outerjoin(svcs, svcs.c.organisation_id == OrganisationRow.id)
        )
        for c in cats:
            stmt = stmt.outerjoin(c, c.c.organisation_id == OrganisationRow.id)
        if not include_archived:
            stmt = stmt.where(OrganisationRow.archived.is_(None))
        with self.engine.connect() as conn:
            found = [
                OrganisationSummary(
                    uid,
                    name,
                    m.OrganisationKind(kind),
                    a,
                    s,
                    rows.utc(archived) if archived else None,
                    p + r + t,
                )
                for uid, name, kind, a, s, archived, p, r, t in conn.execute(stmt)
            ]
        # Sorted here, not by the database, whose collation differs between servers.
        return sorted(found, key=lambda o: (o.name.casefold(), o.name))

    def organisation_names(self, *, include_archived: bool = True) -> list[str]:
        """Names of the organisations (archived ones too unless told otherwise), sorted."""
        return [o.name for o in self.organisations(include_archived=include_archived)]

    def load_register(
        self, organisation: str | None = None, *, include_history: bool = False
    ) -> m.Register:
        """The whole register, or one organisation's with the catalogue entries it uses.

        Raises :class:`StoreError` when ``organisation`` names no organisation.
        """
        with self.engine.connect() as conn:
            return read_register(conn, organisation, include_history)

    def load_organisation(self, name: str) -> m.Organisation:
        """One organisation with all its activities and processing services."""
        return self.load_register(name).organisations[0]

    def catalogue(self, organisation: str | None = None) -> m.Register:
        """Only the catalogues (processors, recipients, TOMs) of the organisation named
        ``organisation`` (of every organisation when None), without any register. Raises
        :class:`StoreError` when there is no such organisation."""
        with self.engine.connect() as conn:
            org_ids = None
            if organisation is not None:
                org_id = conn.execute(
                    select(OrganisationRow.id).where(OrganisationRow.name == organisation)
                ).scalar()
                if org_id is None:
                    raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
                org_ids = [org_id]
            reader = Reader(conn, org_ids)
            return m.Register(
                processors=list(reader.processors.values()),
                recipients=list(reader.recipients.values()),
                toms=list(reader.toms.values()),
            )

    def load_activity(self, uid: str) -> m.Activity | None:
        """One activity by uid, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(ActivityRow.id).where(ActivityRow.uid == uid)).first()
            if row is None:
                return None
            reader = Reader(conn)
            return reader.activities(ActivityRow.id.in_([row.id]))[0][1]

    def history(
        self, entity_uid: str | None = None, *, limit: int | None = None, newest_first: bool = True
    ) -> list[m.ChangeRecord]:
        """Change history, optionally of one entity."""
        stmt = select(*ChangeRow.__table__.c, ChangeBatchRow.uid.label("batch_uid")).outerjoin(
            ChangeBatchRow, ChangeBatchRow.id == ChangeRow.batch_id
        )
        if entity_uid is not None:
            stmt = stmt.where(ChangeRow.entity_uid == entity_uid)
        order = ChangeRow.id.desc() if newest_first else ChangeRow.id
        stmt = stmt.order_by(order).limit(limit)
        with self.engine.connect() as conn:
            return [rows.change_from(r, r["batch_uid"]) for r in conn.execute(stmt).mappings()]

    def organisation_history(
        self, organisation: str, *, limit: int | None = 1000, before: int | None = None
    ) -> list[HistoryEntry]:
        """The change history of one organisation, newest first.

        It covers the organisation's master data, its activities and processing
        services (including activities deleted from it), and the processors
        (with their subprocessors), recipients and TOMs they use now. Records
        the store keeps for itself (fields starting with "#") are left out.
        Deletions made before the organisation was recorded with them belong to
        no known organisation; they are included for every organisation (their
        :attr:`HistoryEntry.organisation` is None). ``before`` (an entry id)
        continues a page: only older records. Raises :class:`StoreError` when
        ``organisation`` names no organisation.
        """
        with self.engine.connect() as conn:
            org = conn.execute(
                select(OrganisationRow.id, OrganisationRow.uid).where(
                    OrganisationRow.name == organisation
                )
            ).first()
            if org is None:
                raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
            uids = organisation_uids(conn, org.id, org.uid)
            base = (
                select(*ChangeRow.__table__.c, ChangeBatchRow.uid.label("batch_uid"))
                .outerjoin(ChangeBatchRow, ChangeBatchRow.id == ChangeRow.batch_id)
                .where(not_(ChangeRow.field.startswith("#", autoescape=True)))
            )
            if before is not None:
                base = base.where(ChangeRow.id < before)
            found: list[Any] = []
            for chunk in chunks(sorted(uids)):
                stmt = (
                    base.where(ChangeRow.entity_uid.in_(chunk))
                    .order_by(ChangeRow.id.desc())
                    .limit(limit)
                )
                found.extend(conn.execute(stmt).mappings().all())
            found.sort(key=lambda r: r["id"], reverse=True)
            if limit is not None:
                found = found[:limit]
            deleted_from = deletion_origins(
                conn,
                [
                    r
                    for r in found
                    if r["entity"] == "activity" and r["field"] == "" and r["new"] is None
                ],
            )
            return [
                HistoryEntry(
                    r["id"], rows.change_from(r, r["batch_uid"]), deleted_from.get(r["id"])
                )
                for r in found
            ]

    @paused_gc()
    def import_register(
        self,
        register: m.Register,
        *,
        description: str = "",
        kind: str = "import",
        dry_run: bool = False,
        text_cleaned: bool = False,
    ) -> ImportResult:
        """Add or replace everything in ``register`` in one transaction.

        Entities are matched by uid: known ones are replaced (their changes
        go to the history), unknown ones are created. The history of the
        document, if any, is appended. Nothing is written if anything fails.
        Catalogue entries without an ``owner`` (a register from before catalogues
        belonged to organisations) are given one by
        :func:`~ropa_desktop.domain.ownership.give_owners`: one copy per organisation
        of the register that uses them.
        With ``dry_run`` the import runs completely and is then rolled back,
        so it fails exactly where the real one would. ``text_cleaned`` tells that
        the caller has already replaced NUL and other control characters.
        """
        given = register
        entries: list[m.Processor | m.Recipient | m.Tom] = [
            *register.processors,
            *register.recipients,
            *register.toms,
        ]
        if any(not e.owner for e in entries):
            register = give_owners(register, self._owners())
        problems = integrity_problems(register, check_text=not text_cleaned)
        if problems:
            raise StoreError(MSG_INTEGRITY, problem=str(problems[0]))
        result: ImportResult | None = None
        with writing(self.engine) as conn:
            result = Writer(conn, self.user).import_register(register, description, kind)
            if dry_run:
                raise DryRun
        assert result is not None
        if register is not given:  # the caller's objects carry the stored versions too
            stored = {r.uid: r.version for r in _versioned(register)}
            for record in _versioned(given):
                record.version = stored.get(record.uid, record.version)
        return result

    # Single-record writes compare versions (see store.versions): each raises
    # ConflictError, nothing written, when the record was changed, deleted or (for a
    # new one) created meanwhile; ``force=True`` writes anyway, recorded as an overwrite.
    # The object saved is returned with its new ``version``.

    def save_organisation(self, org: m.Organisation, *, force: bool = False) -> m.Organisation:
        """Create or update an organisation's master data (not its activities)."""
        if not org.name.strip():
            raise StoreError(MSG_EMPTY_NAME, entity="Organisation")
        check_text(replace(org, activities=[], services=[]))
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            versions.claim(writer, "organisation", org, force=force)
            writer.put_organisation(org)
            writer.flush_history()
            org.version = _version(conn, "organisation", org.uid)
        return org

    def save_activity(
        self, organisation_uid: str, activity: m.Activity, *, force: bool = False
    ) -> m.Activity:
        """Create or update an activity; returns it with its ``changed`` time set."""
        check_text(activity)
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            org_id = writer.organisation_id(organisation_uid)
            versions.claim(writer, "activity", activity, force=force)
            saved = writer.put_activity(org_id, activity, touch=True)
            saved.version = _version(conn, "activity", saved.uid)
            return saved

    def delete_activity(self, uid: str, version: int | None = None, *, force: bool = False) -> None:
        """Delete an activity; the history keeps its full content for restoring.

        ``version`` is the version the caller saw; when given, a deletion of an
        activity changed since is refused with :class:`ConflictError` (unless ``force``).
        """
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            versions.claim_delete(writer, "activity", uid, uid, version, force=force)
            writer.delete_activity(uid)

    def restore_activity(self, uid: str, organisation_uid: str | None = None) -> m.Activity:
        """Recreate a deleted activity from the snapshot its deletion left in the history.

        It goes into ``organisation_uid``, by default into the organisation it was
        deleted from; its ``changed`` time becomes now. One transaction, recorded
        as a batch of kind "restore" (so :meth:`undo_batch` can take it back).
        Refused with :class:`StoreError`, nothing changed, when no deletion of
        ``uid`` is recorded, an activity with that uid exists (again), the
        organisation is not known, or a processor, recipient or TOM it refers to
        no longer exists.
        """
        with writing(self.engine) as conn:
            return history.restore_activity(Writer(conn, self.user), uid, organisation_uid)

    def save_service(
        self, organisation_uid: str, service: m.ProcessingService, *, force: bool = False
    ) -> m.ProcessingService:
        """Create or update an entry of the processor register (Art. 30(2))."""
        check_text(service)
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            org_id = writer.organisation_id(organisation_uid)
            versions.claim(writer, "service", service, force=force)
            writer.put_service(org_id, service, touch=True)
            service.version = _version(conn, "service", service.uid)
        return service

    def _owners(self) -> dict[str, str]:
        """The owning organisation's uid of every catalogue entry, by the entry's uid."""
        with self.engine.connect() as conn:
            found: dict[str, str] = {}
            for table in (ProcessorRow, RecipientRow, TomRow):
                found.update(
                    conn.execute(
                        select(table.uid, OrganisationRow.uid).join(
                            OrganisationRow, OrganisationRow.id == table.organisation_id
                        )
                    ).all()
                )
            return found

    def save_processor(self, processor: m.Processor, *, force: bool = False) -> m.Processor:
        """Create or update a processor of its owner's catalogue, with its subprocessor
        links (to processors of the same organisation)."""
        check_text(processor)
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            versions.claim(writer, "processor", processor, force=force)
            writer.put_processor(processor)
            writer.put_subprocessor_links([processor])
            processor.version = _version(conn, "processor", processor.uid)
        return processor

    def delete_processor(
        self, uid: str, version: int | None = None, *, force: bool = False
    ) -> None:
        """Delete a processor that no activity, service or processor uses (``version``:
        see :meth:`delete_activity`)."""
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            versions.claim_delete(writer, "processor", uid, uid, version, force=force)
            writer.delete_catalogue_entry(ProcessorRow, "processor", uid)

    def save_recipient(self, recipient: m.Recipient, *, force: bool = False) -> m.Recipient:
        """Create or update a recipient."""
        check_text(recipient)
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            versions.claim(writer, "recipient", recipient, force=force)
            writer.put_simple(RecipientRow, recipient)
            recipient.version = _version(conn, "recipient", recipient.uid)
        return recipient

    def change_stamp(self) -> tuple[int, int, int]:
        """A cheap fingerprint of the database's content (one small query); it changes with
        every write of any process, so a window can notice changes made elsewhere."""
        with self.engine.connect() as conn:
            return versions.change_stamp(conn)

    def batches(self, *, limit: int | None = None) -> list[ChangeBatch]:
        """Recorded batches (imports, demo, undo), newest first."""
        stmt = select(ChangeBatchRow).order_by(ChangeBatchRow.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            undone = {
                d
                for (d,) in conn.execute(
                    select(ChangeBatchRow.description).where(ChangeBatchRow.kind == "undo")
                )
            }
            return [
                ChangeBatch(r.uid, rows.utc(r.at), r.user, r.kind, r.description, r.uid in undone)
                for r in conn.execute(stmt)
            ]

    def undo_batch(self, batch_uid: str) -> ChangeBatch:
        """Undo everything a batch did, in one transaction (itself recorded as a batch).

        Records the batch created are deleted, records it replaced get their
        previous content back. Refused, with nothing changed, when a record has
        been changed since or the batch was undone already.
        """
        with writing(self.engine) as conn:
            history.undo_batch(Writer(conn, self.user), batch_uid)
        return self.batches(limit=1)[0]

    def freeze_version(self, organisation: str, label: str = "") -> RegisterVersion:
        """Freeze the organisation's register as it is now, as the next numbered version."""
        return self.freeze_snapshot(organisation, label)[0]

    def freeze_snapshot(
        self, organisation: str, label: str = ""
    ) -> tuple[RegisterVersion, m.Register]:
        """Freeze the register as the next numbered version; returns it with the snapshot.

        The number is taken and recorded in the same transaction that stores the
        snapshot (writers are serialised: ``BEGIN IMMEDIATE`` on SQLite, a row lock on
        PostgreSQL), so parallel freezes get different numbers; an export stamped with
        the number is written from the returned snapshot, and :meth:`mark_delivered`
        records the file once it is written; a failed write :meth:`withdraw_version`.
        A version without the record of its file was frozen by a process that died
        before the file was written ("not delivered").
        """
        with writing(self.engine) as conn:
            org_id = conn.execute(
                select(OrganisationRow.id)
                .where(OrganisationRow.name == organisation)
                .with_for_update()
            ).scalar()
            if org_id is None:
                raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
            register = read_register(conn, organisation, include_history=False)
            number = (
                conn.execute(
                    select(func.max(RegisterVersionRow.number)).where(
                        RegisterVersionRow.organisation_id == org_id
                    )
                ).scalar()
                or 0
            ) + 1
            version = RegisterVersion(organisation, number, label, m.utc_now(), self.user)
            conn.execute(
                insert(RegisterVersionRow).values(
                    organisation_id=org_id,
                    number=number,
                    label=label,
                    frozen_at=version.frozen_at,
                    user=self.user,
                    document=register_to_document(register),
                )
            )
            writer = Writer(conn, self.user)
            writer.record(
                "organisation",
                register.organisations[0].uid,
                organisation,
                "version",
                None,
                f"{number} {label}".strip(),
            )
            writer.flush_history()
        return version, register

    def mark_delivered(self, organisation: str, number: int, file: str) -> None:
        """Record that the export stamped with version ``number`` was written to ``file``."""
        with writing(self.engine) as conn:
            org_uid = conn.execute(
                select(OrganisationRow.uid).where(OrganisationRow.name == organisation)
            ).scalar()
            if org_uid is None:
                raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
            writer = Writer(conn, self.user)
            writer.record(
                "organisation", org_uid, organisation, VERSION_FILE, None, f"{number}\t{file}"
            )
            writer.flush_history()

    def record_delivery(
        self, organisation: str, number: int, recipient: str, on: date, reference: str = ""
    ) -> RegisterVersion:
        """Record that version ``number`` was handed over to ``recipient`` on ``on`` (with
        the request's ``reference``); recorded in the history. The frozen register itself
        stays as it is. A second delivery replaces what was recorded."""
        with writing(self.engine) as conn:
            frozen.record_delivery(
                Writer(conn, self.user), organisation, number, recipient, on, reference
            )
        return next(v for v in self.versions(organisation) if v.number == number)

    def withdraw_version(self, organisation: str, number: int) -> None:
        """Take back a frozen version whose file could not be written (recorded in the
        history); its number is free again."""
        with writing(self.engine) as conn:
            org = conn.execute(
                select(OrganisationRow.id, OrganisationRow.uid).where(
                    OrganisationRow.name == organisation
                )
            ).first()
            if org is None:
                raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
            label = conn.execute(
                select(RegisterVersionRow.label).where(
                    RegisterVersionRow.organisation_id == org.id,
                    RegisterVersionRow.number == number,
                )
            ).scalar()
            conn.execute(
                delete(RegisterVersionRow).where(
                    RegisterVersionRow.organisation_id == org.id,
                    RegisterVersionRow.number == number,
                )
            )
            writer = Writer(conn, self.user)
            writer.record(
                "organisation",
                org.uid,
                organisation,
                "version",
                f"{number} {label or ''}".strip(),
                None,
            )
            writer.flush_history()

    def versions(self, organisation: str) -> list[RegisterVersion]:
        """The frozen versions of an organisation's register, oldest first."""
        stmt = (
            select(
                RegisterVersionRow.number,
                RegisterVersionRow.label,
                RegisterVersionRow.frozen_at,
                RegisterVersionRow.user,
                OrganisationRow.uid,
                RegisterVersionRow.delivered_to,
                RegisterVersionRow.delivered_on,
                RegisterVersionRow.delivery_reference,
            )
            .join(OrganisationRow, OrganisationRow.id == RegisterVersionRow.organisation_id)
            .where(OrganisationRow.name == organisation)
            .order_by(RegisterVersionRow.number)
        )
        with self.engine.connect() as conn:
            found = conn.execute(stmt).all()
            files: dict[int, str] = {}
            if found:
                for (value,) in conn.execute(
                    select(ChangeRow.new)
                    .where(ChangeRow.entity_uid == found[0].uid, ChangeRow.field == VERSION_FILE)
                    .order_by(ChangeRow.id)
                ):
                    number, _, file = (value or "").partition("\t")
                    if number.isdigit():
                        files[int(number)] = file
            return [
                RegisterVersion(
                    organisation,
                    r.number,
                    r.label,
                    rows.utc(r.frozen_at),
                    r.user,
                    files.get(r.number),
                    r.delivered_to,
                    r.delivered_on,
                    r.delivery_reference,
                )
                for r in found
            ]

    def load_version(self, organisation: str, number: int) -> m.Register:
        """The register exactly as it was frozen in version ``number``."""
        stmt = (
            select(RegisterVersionRow.document)
            .join(OrganisationRow, OrganisationRow.id == RegisterVersionRow.organisation_id)
            .where(OrganisationRow.name == organisation, RegisterVersionRow.number == number)
        )
        with self.engine.connect() as conn:
            document = conn.execute(stmt).scalar()
        if document is None:
            raise StoreError(MSG_UNKNOWN_ENTITY, entity=f"Stand {organisation}", uid=number)
        return register_from_document(document)

    def save_tom(self, tom: m.Tom, *, force: bool = False) -> m.Tom:
        """Create or update a TOM of the catalogue."""
        check_text(tom)
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            versions.claim(writer, "tom", tom, force=force)
            writer.put_simple(TomRow, tom)
            tom.version = _version(conn, "tom", tom.uid)
        return tom

    # --- catalogues across organisations and the organisations' life ---------

    def copy_catalogue_entries(
        self, from_org: str, to_org: str, uids: list[str], *, with_notes: bool = False
    ) -> dict[str, str]:
        """Copy catalogue entries of the organisation ``from_org`` into ``to_org``.

        ``uids`` are processors, recipients or TOMs of ``from_org``; processors come
        with their whole subprocessor chain. Without ``with_notes`` the copies leave
        notes, contract date and reference and TOM descriptions behind. An entry copied
        into ``to_org`` before (whose copy still exists) is not copied again. One
        transaction, one batch of kind "copy" (undoable). Returns the uid of the copy
        of every entry, subprocessors included.
        """
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            ids = writer.ids(OrganisationRow)
            names = dict(conn.execute(select(OrganisationRow.name, OrganisationRow.uid)).all())
            for name in (from_org, to_org):
                if name not in names:
                    raise StoreError(MSG_UNKNOWN_ORG, name=name)
            writer.start_batch("copy", f"{from_org} → {to_org}")
            return copy_entries(
                writer,
                ids[names[to_org]],
                uids,
                with_notes=with_notes,
                from_org_id=ids[names[from_org]],
            )

    def archive_organisation(self, name: str) -> None:
        """Archive an organisation: hidden from the switcher and the default lists, its
        register kept whole (exports by name still work). Recorded in the history."""
        self._set_archived(name, True)

    def restore_organisation(self, name: str) -> None:
        """Bring back an archived organisation, or one that was deleted (by undoing the
        batch that deleted it). Refused when ``name`` is neither."""
        with self.engine.connect() as conn:
            exists = (
                conn.execute(select(OrganisationRow.id).where(OrganisationRow.name == name)).first()
                is not None
            )
        if exists:
            self._set_archived(name, False)
            return
        deleted = next(
            (
                b
                for b in self.batches()
                if b.kind == organisations.DELETE_KIND and b.description == name and not b.undone
            ),
            None,
        )
        if deleted is None:
            raise StoreError(MSG_NOT_DELETED_ORG, name=name)
        self.undo_batch(deleted.uid)

    def _set_archived(self, name: str, archived: bool) -> None:
        with writing(self.engine) as conn:
            current = conn.execute(
                select(OrganisationRow.archived)
                .where(OrganisationRow.name == name)
                .with_for_update()
            ).first()
            if current is None:
                raise StoreError(MSG_UNKNOWN_ORG, name=name)
            if archived and current.archived is not None:
                raise StoreError(MSG_ARCHIVED_ALREADY, name=name)
            if not archived and current.archived is None:
                raise StoreError(MSG_NOT_ARCHIVED, name=name)
            organisations.set_archived(Writer(conn, self.user), name, archived)

    def delete_organisation(self, name: str) -> str:
        """Delete an organisation with its activities, services, catalogue entries and
        frozen versions, in one transaction recorded as one batch (returned) whose undo
        (or :meth:`restore_organisation`) brings everything back."""
        with writing(self.engine) as conn:
            return organisations.delete_organisation(Writer(conn, self.user), name)


def _versioned(register: m.Register) -> list[Any]:
    """Every record of ``register`` that carries a version."""
    found: list[Any] = [
        *register.organisations,
        *register.processors,
        *register.recipients,
        *register.toms,
    ]
    for org in register.organisations:
        found += [*org.activities, *org.services]
    return found


def _version(conn: Connection, entity: str, uid: str) -> int:
    """The stored version of a record just written."""
    version = versions.stored_version(conn, entity, uid)
    assert version is not None
    return version
