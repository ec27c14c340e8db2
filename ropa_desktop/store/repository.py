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
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, not_, select

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_from_document, register_to_document
from ropa_desktop.domain.integrity import integrity_problems
from ropa_desktop.store import history, rows, versions
from ropa_desktop.store.history import (
    DELETED_FROM,
    deletion_origins,
    organisation_uids,
)
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
from ropa_desktop.store.records import (
    MSG_EMPTY_NAME,
    MSG_INTEGRITY,
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
    "ChangeBatch",
    "ConflictError",
    "HistoryEntry",
    "ImportResult",
    "OrganisationSummary",
    "RegisterVersion",
    "Store",
    "StoreError",
    "default_user",
]


def default_user() -> str:
    """The name recorded in the history: ``ROPA_USER`` or the login name."""
    if env := os.environ.get("ROPA_USER"):
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a container
        return "unknown"


class Store:
    """Reads and writes the register of one database (SQLite file or PostgreSQL)."""

    def __init__(self, engine: Engine, user: str | None = None) -> None:
        self.engine = engine
        self.user = user or default_user()

    # --- reading ------------------------------------------------------------

    def is_empty(self) -> bool:
        """True when the database holds no organisation and no catalogue entry."""
        with self.engine.connect() as conn:
            for table in (OrganisationRow, ProcessorRow, RecipientRow, TomRow):
                if conn.execute(select(table.id).limit(1)).first() is not None:
                    return False
        return True

    def organisations(self) -> list[OrganisationSummary]:
        """All organisations with their counts of activities and services, by name."""
        acts = (select(ActivityRow.organisation_id, func.count().label("n"))
                .group_by(ActivityRow.organisation_id).subquery())
        svcs = (select(ProcessingServiceRow.organisation_id, func.count().label("n"))
                .group_by(ProcessingServiceRow.organisation_id).subquery())
        stmt = (
            select(OrganisationRow.uid, OrganisationRow.name, OrganisationRow.kind,
                   func.coalesce(acts.c.n, 0), func.coalesce(svcs.c.n, 0))
            .outerjoin(acts, acts.c.organisation_id == OrganisationRow.id)
            .outerjoin(svcs, svcs.c.organisation_id == OrganisationRow.id)
        )
        with self.engine.connect() as conn:
            found = [OrganisationSummary(uid, name, m.OrganisationKind(kind), a, s)
                     for uid, name, kind, a, s in conn.execute(stmt)]
        # Sorted here, not by the database, whose collation differs between servers.
        return sorted(found, key=lambda o: (o.name.casefold(), o.name))

    def organisation_names(self) -> list[str]:
        """Names of all organisations, sorted."""
        return [o.name for o in self.organisations()]

    def load_register(self, organisation: str | None = None, *,
                      include_history: bool = False) -> m.Register:
        """The whole register, or one organisation's with the catalogue entries it uses.

        Raises :class:`StoreError` when ``organisation`` names no organisation.
        """
        with self.engine.connect() as conn:
            return read_register(conn, organisation, include_history)

    def load_organisation(self, name: str) -> m.Organisation:
        """One organisation with all its activities and processing services."""
        return self.load_register(name).organisations[0]

    def catalogue(self) -> m.Register:
        """Only the shared catalogues (processors, recipients, TOMs), without any register."""
        with self.engine.connect() as conn:
            reader = Reader(conn)
            return m.Register(processors=list(reader.processors.values()),
                              recipients=list(reader.recipients.values()),
                              toms=list(reader.toms.values()))

    def load_activity(self, uid: str) -> m.Activity | None:
        """One activity by uid, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(ActivityRow.id).where(ActivityRow.uid == uid)).first()
            if row is None:
                return None
            reader = Reader(conn)
            return reader.activities(ActivityRow.id.in_([row.id]))[0][1]

    def history(self, entity_uid: str | None = None, *, limit: int | None = None,
                newest_first: bool = True) -> list[m.ChangeRecord]:
        """Change history, optionally of one entity."""
        stmt = select(*ChangeRow.__table__.c, ChangeBatchRow.uid.label("batch_uid")).outerjoin(
            ChangeBatchRow, ChangeBatchRow.id == ChangeRow.batch_id)
        if entity_uid is not None:
            stmt = stmt.where(ChangeRow.entity_uid == entity_uid)
        order = ChangeRow.id.desc() if newest_first else ChangeRow.id
        stmt = stmt.order_by(order).limit(limit)
        with self.engine.connect() as conn:
            return [rows.change_from(r, r["batch_uid"]) for r in conn.execute(stmt).mappings()]

    def organisation_history(self, organisation: str, *, limit: int | None = 1000,
                             before: int | None = None) -> list[HistoryEntry]:
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
            org = conn.execute(select(OrganisationRow.id, OrganisationRow.uid)
                               .where(OrganisationRow.name == organisation)).first()
            if org is None:
                raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
            uids = organisation_uids(conn, org.id, org.uid)
            base = (select(*ChangeRow.__table__.c,
                           ChangeBatchRow.uid.label("batch_uid"))
                    .outerjoin(ChangeBatchRow, ChangeBatchRow.id == ChangeRow.batch_id)
                    .where(not_(ChangeRow.field.startswith("#", autoescape=True))))
            if before is not None:
                base = base.where(ChangeRow.id < before)
            found: list[Any] = []
            for chunk in chunks(sorted(uids)):
                stmt = (base.where(ChangeRow.entity_uid.in_(chunk))
                        .order_by(ChangeRow.id.desc()).limit(limit))
                found.extend(conn.execute(stmt).mappings().all())
            found.sort(key=lambda r: r["id"], reverse=True)
            if limit is not None:
                found = found[:limit]
            deleted_from = deletion_origins(conn, [
                r for r in found
                if r["entity"] == "activity" and r["field"] == "" and r["new"] is None])
            return [HistoryEntry(r["id"], rows.change_from(r, r["batch_uid"]),
                                 deleted_from.get(r["id"])) for r in found]

    def import_register(self, register: m.Register, *, description: str = "",
                        kind: str = "import", dry_run: bool = False,
                        text_cleaned: bool = False) -> ImportResult:
        """Add or replace everything in ``register`` in one transaction.

        Entities are matched by uid: known ones are replaced (their changes
        go to the history), unknown ones are created. The history of the
        document, if any, is appended. Nothing is written if anything fails.
        With ``dry_run`` the import runs completely and is then rolled back,
        so it fails exactly where the real one would. ``text_cleaned`` tells that
        the caller has already replaced NUL and other control characters.
        """
        problems = integrity_problems(register, check_text=not text_cleaned)
        if problems:
            raise StoreError(MSG_INTEGRITY, problem=str(problems[0]))
        result: ImportResult | None = None
        with writing(self.engine) as conn:
            result = Writer(conn, self.user).import_register(register, description, kind)
            if dry_run:
                raise DryRun
        assert result is not None
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

    def save_activity(self, organisation_uid: str, activity: m.Activity, *,
                      force: bool = False) -> m.Activity:
        """Create or update an activity; returns it with its ``changed`` time set."""
        check_text(activity)
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            org_id = writer.organisation_id(organisation_uid)
            versions.claim(writer, "activity", activity, force=force)
            saved = writer.put_activity(org_id, activity, touch=True)
            saved.version = _version(conn, "activity", saved.uid)
            return saved

    def delete_activity(self, uid: str, version: int | None = None, *,
                        force: bool = False) -> None:
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

    def save_service(self, organisation_uid: str, service: m.ProcessingService, *,
                     force: bool = False) -> m.ProcessingService:
        """Create or update an entry of the processor register (Art. 30(2))."""
        check_text(service)
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            org_id = writer.organisation_id(organisation_uid)
            versions.claim(writer, "service", service, force=force)
            writer.put_service(org_id, service, touch=True)
            service.version = _version(conn, "service", service.uid)
        return service

    def save_processor(self, processor: m.Processor, *, force: bool = False) -> m.Processor:
        """Create or update a processor with its subprocessor links."""
        check_text(processor)
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            versions.claim(writer, "processor", processor, force=force)
            writer.put_processor(processor)
            writer.put_subprocessor_links([processor])
            processor.version = _version(conn, "processor", processor.uid)
        return processor

    def delete_processor(self, uid: str, version: int | None = None, *,
                         force: bool = False) -> None:
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
            writer.put_simple(RecipientRow, "recipient", recipient, rows.recipient_values,
                              rows.recipient_from)
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
            undone = {d for (d,) in conn.execute(select(ChangeBatchRow.description)
                                                 .where(ChangeBatchRow.kind == "undo"))}
            return [ChangeBatch(r.uid, rows.utc(r.at), r.user, r.kind, r.description,
                                r.uid in undone)
                    for r in conn.execute(stmt)]

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
        with writing(self.engine) as conn:
            register = read_register(conn, organisation, include_history=False)
            org_id = conn.execute(select(OrganisationRow.id).where(
                OrganisationRow.name == organisation).with_for_update()).scalar_one()
            number = (conn.execute(select(func.max(RegisterVersionRow.number)).where(
                RegisterVersionRow.organisation_id == org_id)).scalar() or 0) + 1
            version = RegisterVersion(organisation, number, label, m.utc_now(), self.user)
            conn.execute(insert(RegisterVersionRow).values(
                organisation_id=org_id, number=number, label=label,
                frozen_at=version.frozen_at, user=self.user,
                document=register_to_document(register)))
            writer = Writer(conn, self.user)
            writer.record("organisation", register.organisations[0].uid, organisation,
                          "version", None, f"{number} {label}".strip())
            writer.flush_history()
        return version

    def versions(self, organisation: str) -> list[RegisterVersion]:
        """The frozen versions of an organisation's register, oldest first."""
        stmt = (select(RegisterVersionRow.number, RegisterVersionRow.label,
                       RegisterVersionRow.frozen_at, RegisterVersionRow.user)
                .join(OrganisationRow, OrganisationRow.id == RegisterVersionRow.organisation_id)
                .where(OrganisationRow.name == organisation)
                .order_by(RegisterVersionRow.number))
        with self.engine.connect() as conn:
            return [RegisterVersion(organisation, n, label, rows.utc(at), user)
                    for n, label, at, user in conn.execute(stmt)]

    def load_version(self, organisation: str, number: int) -> m.Register:
        """The register exactly as it was frozen in version ``number``."""
        stmt = (select(RegisterVersionRow.document)
                .join(OrganisationRow, OrganisationRow.id == RegisterVersionRow.organisation_id)
                .where(OrganisationRow.name == organisation,
                       RegisterVersionRow.number == number))
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
            writer.put_simple(TomRow, "tom", tom, rows.tom_values, rows.tom_from)
            tom.version = _version(conn, "tom", tom.uid)
        return tom


def _version(conn: Connection, entity: str, uid: str) -> int:
    """The stored version of a record just written."""
    version = versions.stored_version(conn, entity, uid)
    assert version is not None
    return version
