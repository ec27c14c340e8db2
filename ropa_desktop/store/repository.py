"""The register in a database: whole registers read in a bounded number of
statements, every write one transaction that records its changes in the history.

All reads and writes of the application go through :class:`Store`; nothing
else touches the tables. Reads fetch one table at a time (filtered by
organisation), so loading a register costs the same dozen statements whether it
holds ten activities or twenty thousand.
"""

from __future__ import annotations

import getpass
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, not_, or_, select, update

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import (
    from_dict,
    register_from_document,
    register_to_document,
    to_dict,
)
from ropa_desktop.domain.diff import diff
from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.integrity import integrity_problems, text_problems
from ropa_desktop.store import rows
from ropa_desktop.store.models import (
    ActivityRow,
    ChangeBatchRow,
    ChangeRow,
    ClientControllerRow,
    DataCategoryRow,
    JointControllerRow,
    OrganisationRow,
    ProcessingServiceRow,
    ProcessorRow,
    ProcessorUseRow,
    PurposeRow,
    RecipientRow,
    RecipientUseRow,
    RegisterVersionRow,
    SubprocessorRow,
    TomRow,
    TomUseRow,
    TransferRow,
)
from ropa_desktop.store.transactions import DryRun, writing

CHUNK = 900  # stays below SQLite's bound-parameter limit in IN clauses


class StoreError(LocalizedError):
    """A write was refused; the database is unchanged."""


MSG_INTEGRITY = Text(
    de="Ungültiger Verweis: {problem}",
    en="Invalid reference: {problem}",
)
MSG_ORG_NAME_TAKEN = Text(
    de="Eine andere Organisation heißt bereits „{name}“.",
    en="Another organisation is already called “{name}”.",
)
MSG_UNKNOWN_ORG = Text(
    de="Organisation „{name}“ gibt es in dieser Datenbank nicht.",
    en="There is no organisation “{name}” in this database.",
)
MSG_UNKNOWN_ENTITY = Text(
    de="{entity} mit der Kennung {uid} gibt es nicht.",
    en="There is no {entity} with the id {uid}.",
)
MSG_IN_USE = Text(
    de="„{name}“ wird noch verwendet ({count}×) und kann nicht gelöscht werden.",
    en="“{name}” is still in use ({count}×) and cannot be deleted.",
)
MSG_OTHER_ORG = Text(
    de="„{name}“ gehört bereits zu einer anderen Organisation; ein Umzug wird nicht still "
       "vorgenommen.",
    en="“{name}” already belongs to another organisation; it is not moved silently.",
)
MSG_NO_BATCH = Text(de="Einen Vorgang mit der Kennung {uid} gibt es nicht.",
                   en="There is no batch with the id {uid}.")
MSG_UNDONE_ALREADY = Text(de="Der Vorgang {uid} wurde bereits rückgängig gemacht.",
                          en="Batch {uid} has already been undone.")
MSG_CHANGED_SINCE = Text(
    de="„{name}“ wurde nach dem Vorgang geändert; Rückgängigmachen würde diese Änderung "
       "überschreiben. Bitte die Änderung zuerst selbst zurücknehmen.",
    en="“{name}” was changed after the batch; undoing it would overwrite that change. "
       "Please revert that change yourself first.")
MSG_NOT_DELETED = Text(
    de="Eine gelöschte Verarbeitungstätigkeit mit der Kennung {uid} gibt es nicht.",
    en="There is no deleted activity with the id {uid}.",
)
MSG_EXISTS_AGAIN = Text(
    de="Die Verarbeitungstätigkeit mit der Kennung {uid} gibt es wieder („{name}“); "
       "sie wird nicht ein zweites Mal wiederhergestellt.",
    en="The activity with the id {uid} exists again (“{name}”); it is not restored a "
       "second time.",
)
MSG_RESTORE_WHERE = Text(
    de="Es ist nicht bekannt, zu welcher Organisation „{name}“ gehörte; bitte die "
       "Organisation angeben, in der die Tätigkeit wiederhergestellt werden soll.",
    en="It is not known which organisation “{name}” belonged to; please name the "
       "organisation to restore it into.",
)
MSG_EMPTY_NAME = Text(
    de="Der Name darf nicht leer sein ({entity}).",
    en="The name must not be empty ({entity}).",
)


@dataclass(frozen=True, slots=True)
class OrganisationSummary:
    """An organisation as lists and switchers show it."""

    uid: str
    name: str
    kind: m.OrganisationKind
    activities: int
    services: int


@dataclass(frozen=True, slots=True)
class RegisterVersion:
    """A frozen version ("Stand") of one organisation's register."""

    organisation: str
    number: int
    label: str
    frozen_at: datetime
    user: str


@dataclass(frozen=True, slots=True)
class ChangeBatch:
    """A group of changes made together, e.g. one import."""

    uid: str
    at: datetime
    user: str
    kind: str
    description: str
    undone: bool


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A history record with its position in the history (for paging: pass ``id`` as
    ``before``) and, for the deletion of an activity, the organisation it was deleted from
    (None when the deletion predates that being recorded)."""

    id: int
    record: m.ChangeRecord
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import of a register document changed."""

    batch: str
    created: int
    updated: int
    unchanged: int


def default_user() -> str:
    """The name recorded in the history: ``ROPA_USER`` or the login name."""
    if env := os.environ.get("ROPA_USER"):
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a container
        return "unknown"


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


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
            return self._read(conn, organisation, include_history)

    def load_organisation(self, name: str) -> m.Organisation:
        """One organisation with all its activities and processing services."""
        return self.load_register(name).organisations[0]

    def catalogue(self) -> m.Register:
        """Only the shared catalogues (processors, recipients, TOMs), without any register."""
        with self.engine.connect() as conn:
            reader = _Reader(conn)
            return m.Register(processors=list(reader.processors.values()),
                              recipients=list(reader.recipients.values()),
                              toms=list(reader.toms.values()))

    def load_activity(self, uid: str) -> m.Activity | None:
        """One activity by uid, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(ActivityRow.id).where(ActivityRow.uid == uid)).first()
            if row is None:
                return None
            reader = _Reader(conn)
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
            uids = _organisation_uids(conn, org.id, org.uid)
            base = (select(*ChangeRow.__table__.c,
                           ChangeBatchRow.uid.label("batch_uid"))
                    .outerjoin(ChangeBatchRow, ChangeBatchRow.id == ChangeRow.batch_id)
                    .where(not_(ChangeRow.field.startswith("#", autoescape=True))))
            if before is not None:
                base = base.where(ChangeRow.id < before)
            found: list[Any] = []
            for chunk in _chunks(sorted(uids)):
                stmt = (base.where(ChangeRow.entity_uid.in_(chunk))
                        .order_by(ChangeRow.id.desc()).limit(limit))
                found.extend(conn.execute(stmt).mappings().all())
            found.sort(key=lambda r: r["id"], reverse=True)
            if limit is not None:
                found = found[:limit]
            deleted_from = _deleted_from(conn, [
                r for r in found
                if r["entity"] == "activity" and r["field"] == "" and r["new"] is None])
            return [HistoryEntry(r["id"], rows.change_from(r, r["batch_uid"]),
                                 deleted_from.get(r["id"])) for r in found]

    def _read(self, conn: Connection, organisation: str | None,
              include_history: bool) -> m.Register:
        reader = _Reader(conn)
        org_stmt = select(OrganisationRow).order_by(OrganisationRow.id)
        if organisation is not None:
            org_stmt = org_stmt.where(OrganisationRow.name == organisation)
        org_rows = conn.execute(org_stmt).mappings().all()
        if organisation is not None and not org_rows:
            raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
        org_ids = [r["id"] for r in org_rows]
        orgs = {r["id"]: rows.organisation_from(r) for r in org_rows}
        scope = None if organisation is None else ActivityRow.organisation_id.in_(org_ids)
        for org_id, act in reader.activities(scope):
            orgs[org_id].activities.append(act)
        svc_scope = (None if organisation is None
                     else ProcessingServiceRow.organisation_id.in_(org_ids))
        for org_id, svc in reader.services(svc_scope):
            orgs[org_id].services.append(svc)
        register = m.Register(
            organisations=list(orgs.values()),
            processors=list(reader.processors.values()),
            recipients=list(reader.recipients.values()),
            toms=list(reader.toms.values()),
        )
        if organisation is not None:
            register = _only_used_catalogue(register)
        if include_history:
            stmt = (select(*ChangeRow.__table__.c, ChangeBatchRow.uid.label("batch_uid"))
                    .outerjoin(ChangeBatchRow, ChangeBatchRow.id == ChangeRow.batch_id)
                    .order_by(ChangeRow.at, ChangeRow.id))
            if organisation is not None:
                uids = _register_uids(register)
                register.history = [
                    rows.change_from(r, r["batch_uid"])
                    for r in conn.execute(stmt).mappings() if r["entity_uid"] in uids]
            else:
                register.history = [rows.change_from(r, r["batch_uid"])
                                    for r in conn.execute(stmt).mappings()]
        return register

    # --- writing ------------------------------------------------------------

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
            result = _Writer(conn, self.user).import_register(register, description, kind)
            if dry_run:
                raise DryRun
        assert result is not None
        return result

    def save_organisation(self, org: m.Organisation) -> m.Organisation:
        """Create or update an organisation's master data (not its activities)."""
        if not org.name.strip():
            raise StoreError(MSG_EMPTY_NAME, entity="Organisation")
        _check_text(replace(org, activities=[], services=[]))
        with writing(self.engine) as conn:
            writer = _Writer(conn, self.user)
            writer.put_organisation(org)
            writer.flush_history()
        return org

    def save_activity(self, organisation_uid: str, activity: m.Activity) -> m.Activity:
        """Create or update an activity; returns it with its ``changed`` time set."""
        _check_text(activity)
        with writing(self.engine) as conn:
            writer = _Writer(conn, self.user)
            org_id = writer.organisation_id(organisation_uid)
            return writer.put_activity(org_id, activity, touch=True)

    def delete_activity(self, uid: str) -> None:
        """Delete an activity; the history keeps its full content for restoring."""
        with writing(self.engine) as conn:
            _Writer(conn, self.user).delete_activity(uid)

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
            return _Writer(conn, self.user).restore_activity(uid, organisation_uid)

    def save_service(self, organisation_uid: str,
                     service: m.ProcessingService) -> m.ProcessingService:
        """Create or update an entry of the processor register (Art. 30(2))."""
        _check_text(service)
        with writing(self.engine) as conn:
            writer = _Writer(conn, self.user)
            writer.put_service(writer.organisation_id(organisation_uid), service, touch=True)
        return service

    def save_processor(self, processor: m.Processor) -> m.Processor:
        """Create or update a processor with its subprocessor links."""
        _check_text(processor)
        with writing(self.engine) as conn:
            writer = _Writer(conn, self.user)
            writer.put_processor(processor)
            writer.put_subprocessor_links([processor])
        return processor

    def delete_processor(self, uid: str) -> None:
        """Delete a processor that no activity, service or processor uses."""
        with writing(self.engine) as conn:
            _Writer(conn, self.user).delete_catalogue_entry(ProcessorRow, "processor", uid)

    def save_recipient(self, recipient: m.Recipient) -> m.Recipient:
        """Create or update a recipient."""
        _check_text(recipient)
        with writing(self.engine) as conn:
            _Writer(conn, self.user).put_simple(
                RecipientRow, "recipient", recipient, rows.recipient_values, rows.recipient_from)
        return recipient

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
            writer = _Writer(conn, self.user)
            writer.undo_batch(batch_uid)
        return self.batches(limit=1)[0]

    def freeze_version(self, organisation: str, label: str = "") -> RegisterVersion:
        """Freeze the organisation's register as it is now, as the next numbered version."""
        with writing(self.engine) as conn:
            register = self._read(conn, organisation, include_history=False)
            org_id = conn.execute(select(OrganisationRow.id).where(
                OrganisationRow.name == organisation).with_for_update()).scalar_one()
            number = (conn.execute(select(func.max(RegisterVersionRow.number)).where(
                RegisterVersionRow.organisation_id == org_id)).scalar() or 0) + 1
            version = RegisterVersion(organisation, number, label, m.utc_now(), self.user)
            conn.execute(insert(RegisterVersionRow).values(
                organisation_id=org_id, number=number, label=label,
                frozen_at=version.frozen_at, user=self.user,
                document=register_to_document(register)))
            writer = _Writer(conn, self.user)
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

    def save_tom(self, tom: m.Tom) -> m.Tom:
        """Create or update a TOM of the catalogue."""
        _check_text(tom)
        with writing(self.engine) as conn:
            _Writer(conn, self.user).put_simple(TomRow, "tom", tom, rows.tom_values, rows.tom_from)
        return tom


def _check_text(obj: object) -> None:
    problems = text_problems(obj)
    if problems:
        raise StoreError(MSG_INTEGRITY, problem=str(problems[0]))


def _register_uids(register: m.Register) -> set[str]:
    uids = {p.uid for p in register.processors} | {r.uid for r in register.recipients}
    uids |= {t.uid for t in register.toms}
    for org in register.organisations:
        uids.add(org.uid)
        uids |= {a.uid for a in org.activities} | {s.uid for s in org.services}
    return uids


def _organisation_uids(conn: Connection, org_id: int, org_uid: str) -> set[str]:
    """Uids whose history belongs to an organisation (see Store.organisation_history)."""
    acts = select(ActivityRow.id).where(ActivityRow.organisation_id == org_id)
    svcs = select(ProcessingServiceRow.id).where(ProcessingServiceRow.organisation_id == org_id)
    uids = {org_uid}
    uids.update(conn.execute(select(ActivityRow.uid)
                             .where(ActivityRow.organisation_id == org_id)).scalars())
    uids.update(conn.execute(select(ProcessingServiceRow.uid).where(
        ProcessingServiceRow.organisation_id == org_id)).scalars())
    processor_ids = set(conn.execute(select(ProcessorUseRow.processor_id).where(or_(
        ProcessorUseRow.activity_id.in_(acts), ProcessorUseRow.service_id.in_(svcs)))).scalars())
    processor_ids.update(conn.execute(select(TransferRow.processor_id).where(
        TransferRow.processor_id.is_not(None),
        or_(TransferRow.activity_id.in_(acts), TransferRow.service_id.in_(svcs)))).scalars())
    subs: dict[int, list[int]] = defaultdict(list)
    for owner, sub in conn.execute(select(SubprocessorRow.processor_id,
                                          SubprocessorRow.subprocessor_id)):
        subs[owner].append(sub)
    todo = list(processor_ids)
    while todo:  # subprocessors of used processors are used too
        for sub in subs[todo.pop()]:
            if sub not in processor_ids:
                processor_ids.add(sub)
                todo.append(sub)
    uids.update(uid for id_, uid in conn.execute(select(ProcessorRow.id, ProcessorRow.uid))
                if id_ in processor_ids)
    uids.update(conn.execute(select(RecipientRow.uid).join(
        RecipientUseRow, RecipientUseRow.recipient_id == RecipientRow.id)
        .where(RecipientUseRow.activity_id.in_(acts))).scalars())
    uids.update(conn.execute(select(TomRow.uid).join(TomUseRow, TomUseRow.tom_id == TomRow.id)
                             .where(or_(TomUseRow.activity_id.in_(acts),
                                        TomUseRow.service_id.in_(svcs)))).scalars())
    # Activities deleted from this organisation, and deletions of unknown origin.
    uids.update(conn.execute(select(ChangeRow.entity_uid).where(
        ChangeRow.field == DELETED_FROM, ChangeRow.new == org_uid)).scalars())
    recorded = select(ChangeRow.entity_uid).where(ChangeRow.field == DELETED_FROM)
    uids.update(conn.execute(select(ChangeRow.entity_uid).where(
        ChangeRow.entity == "activity", ChangeRow.field == "", ChangeRow.new.is_(None),
        ChangeRow.old.is_not(None), ChangeRow.entity_uid.not_in(recorded),
        ChangeRow.entity_uid.not_in(select(ActivityRow.uid)))).scalars())
    return uids


def _deleted_from(conn: Connection, deletions: list[Any]) -> dict[int, str]:
    """Organisation uid recorded with each deletion record (by record id), where known."""
    marks: dict[str, list[tuple[int, datetime, str]]] = defaultdict(list)
    for chunk in _chunks(sorted({r["entity_uid"] for r in deletions})):
        for id_, uid, at, org_uid in conn.execute(
                select(ChangeRow.id, ChangeRow.entity_uid, ChangeRow.at, ChangeRow.new)
                .where(ChangeRow.field == DELETED_FROM, ChangeRow.entity_uid.in_(chunk))):
            marks[uid].append((id_, rows.utc(at), org_uid))
    result: dict[int, str] = {}
    for r in deletions:
        earlier = [mark for mark in marks.get(r["entity_uid"], []) if mark[0] < r["id"]]
        if earlier:
            id_, at, org_uid = max(earlier)
            if at == rows.utc(r["at"]) and org_uid:
                result[r["id"]] = org_uid
    return result


def _only_used_catalogue(register: m.Register) -> m.Register:
    """Keep only the processors, recipients and TOMs the organisations refer to."""
    used_p: set[str] = set()
    used_r: set[str] = set()
    used_t: set[str] = set()
    for org in register.organisations:
        for act in org.activities:
            used_p |= {link.processor for link in act.processors}
            used_p |= {t.processor for t in act.transfers if t.processor is not None}
            used_r |= set(act.recipients)
            used_t |= set(act.toms)
        for svc in org.services:
            used_p |= {link.processor for link in svc.subprocessors}
            used_p |= {t.processor for t in svc.transfers if t.processor is not None}
            used_t |= set(svc.toms)
    by_uid = register.processors_by_uid()
    todo = list(used_p)
    while todo:  # subprocessors of used processors are used too
        for link in by_uid[todo.pop()].subprocessors:
            if link.processor not in used_p:
                used_p.add(link.processor)
                todo.append(link.processor)
    return replace(
        register,
        processors=[p for p in register.processors if p.uid in used_p],
        recipients=[r for r in register.recipients if r.uid in used_r],
        toms=[t for t in register.toms if t.uid in used_t],
    )


class _Reader:
    """Reads tables one statement each and assembles domain objects."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.processor_uid: dict[int, str] = {}
        self.processors: dict[str, m.Processor] = {}
        for r in conn.execute(select(ProcessorRow).order_by(ProcessorRow.id)).mappings():
            self.processor_uid[r["id"]] = r["uid"]
            self.processors[r["uid"]] = rows.processor_from(r)
        for r in conn.execute(select(SubprocessorRow).order_by(SubprocessorRow.id)).mappings():
            self.processors[self.processor_uid[r["processor_id"]]].subprocessors.append(
                m.SubprocessorLink(self.processor_uid[r["subprocessor_id"]], r["service"]))
        self.recipient_uid: dict[int, str] = {}
        self.recipients: dict[str, m.Recipient] = {}
        for r in conn.execute(select(RecipientRow).order_by(RecipientRow.id)).mappings():
            self.recipient_uid[r["id"]] = r["uid"]
            self.recipients[r["uid"]] = rows.recipient_from(r)
        self.tom_uid: dict[int, str] = {}
        self.toms: dict[str, m.Tom] = {}
        for r in conn.execute(select(TomRow).order_by(TomRow.id)).mappings():
            self.tom_uid[r["id"]] = r["uid"]
            self.toms[r["uid"]] = rows.tom_from(r)

    def _children(self, table: type, owner: Any, scope_ids: Any) -> Iterable[Any]:
        stmt = select(table).order_by(table.id)
        stmt = stmt.where(owner.in_(scope_ids)) if scope_ids is not None else stmt.where(
            owner.is_not(None))
        return self.conn.execute(stmt).mappings()

    def activities(self, scope: Any) -> list[tuple[int, m.Activity]]:
        """(organisation id, activity) pairs in insertion order, children filled in."""
        stmt = select(ActivityRow).order_by(ActivityRow.id)
        if scope is not None:
            stmt = stmt.where(scope)
        by_id: dict[int, m.Activity] = {}
        result = []
        for r in self.conn.execute(stmt).mappings():
            act = rows.activity_from(r)
            by_id[r["id"]] = act
            result.append((r["organisation_id"], act))
        if not by_id:
            return result
        ids = None if scope is None else select(ActivityRow.id).where(scope).scalar_subquery()
        for r in self._children(PurposeRow, PurposeRow.activity_id, ids):
            by_id[r["activity_id"]].purposes.append(rows.purpose_from(r))
        for r in self._children(DataCategoryRow, DataCategoryRow.activity_id, ids):
            by_id[r["activity_id"]].data_categories.append(rows.data_category_from(r))
        for r in self._children(JointControllerRow, JointControllerRow.activity_id, ids):
            by_id[r["activity_id"]].joint_controllers.append(rows.joint_controller_from(r))
        for r in self._children(RecipientUseRow, RecipientUseRow.activity_id, ids):
            by_id[r["activity_id"]].recipients.append(self.recipient_uid[r["recipient_id"]])
        for r in self._children(ProcessorUseRow, ProcessorUseRow.activity_id, ids):
            by_id[r["activity_id"]].processors.append(
                m.ProcessorLink(self.processor_uid[r["processor_id"]], r["service"]))
        for r in self._children(TransferRow, TransferRow.activity_id, ids):
            by_id[r["activity_id"]].transfers.append(self._transfer(r))
        for r in self._children(TomUseRow, TomUseRow.activity_id, ids):
            by_id[r["activity_id"]].toms.append(self.tom_uid[r["tom_id"]])
        return result

    def services(self, scope: Any) -> list[tuple[int, m.ProcessingService]]:
        """(organisation id, processing service) pairs, children filled in."""
        stmt = select(ProcessingServiceRow).order_by(ProcessingServiceRow.id)
        if scope is not None:
            stmt = stmt.where(scope)
        by_id: dict[int, m.ProcessingService] = {}
        result = []
        for r in self.conn.execute(stmt).mappings():
            svc = rows.service_from(r)
            by_id[r["id"]] = svc
            result.append((r["organisation_id"], svc))
        if not by_id:
            return result
        ids = (None if scope is None
               else select(ProcessingServiceRow.id).where(scope).scalar_subquery())
        for r in self._children(ClientControllerRow, ClientControllerRow.service_id, ids):
            by_id[r["service_id"]].controllers.append(rows.client_from(r))
        for r in self._children(ProcessorUseRow, ProcessorUseRow.service_id, ids):
            by_id[r["service_id"]].subprocessors.append(
                m.ProcessorLink(self.processor_uid[r["processor_id"]], r["service"]))
        for r in self._children(TransferRow, TransferRow.service_id, ids):
            by_id[r["service_id"]].transfers.append(self._transfer(r))
        for r in self._children(TomUseRow, TomUseRow.service_id, ids):
            by_id[r["service_id"]].toms.append(self.tom_uid[r["tom_id"]])
        return result

    def _transfer(self, r: Any) -> m.Transfer:
        pid = r["processor_id"]
        return m.Transfer(
            country=r["country"], recipient=r["recipient"],
            processor=self.processor_uid[pid] if pid is not None else None,
            mechanism=r["mechanism"], mechanism_text=r["mechanism_text"],
            documentation=r["documentation"])


BEFORE = "#before"
"""History field of the snapshot written before a batch replaces a record."""

DELETED_FROM = "#organisation"
"""History field recorded with the deletion of an activity: ``new`` is the uid of the
organisation it was deleted from (written just before the deletion record itself)."""


def _json(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False)


def _label(entity: Any) -> str:
    return getattr(entity, "name", "") or getattr(entity, "title", "") or entity.uid


class _Writer:
    """Writes inside one open transaction and records every change."""

    def __init__(self, conn: Connection, user: str) -> None:
        self.conn = conn
        self.user = user
        self.now = m.utc_now()
        self.batch_id: int | None = None
        self.changes: list[dict[str, Any]] = []
        self._ids: dict[type, dict[str, int]] = {}
        self._created_snapshots: dict[str, dict[str, Any]] = {}  # of processors being undone

    # history

    def start_batch(self, kind: str, description: str) -> str:
        uid = m.new_uid()
        self.batch_id = self.conn.execute(
            insert(ChangeBatchRow).values(uid=uid, at=self.now, user=self.user, kind=kind,
                                          description=description)
            .returning(ChangeBatchRow.id)).scalar_one()
        return uid

    def record(self, entity: str, uid: str, label: str, field: str,
               old: str | None, new: str | None) -> None:
        self.changes.append({
            "at": self.now, "user": self.user, "entity": entity, "entity_uid": uid,
            "entity_label": label, "field": field, "old": old, "new": new,
            "batch_id": self.batch_id,
        })

    def record_diff(self, entity: str, old: Any, new: Any) -> bool:
        changes = diff(old, new)
        if changes and self.batch_id is not None:
            # The whole record as it was, so the batch can be undone exactly.
            self.record(entity, new.uid, _label(new), BEFORE, _json(old), None)
        for c in changes:
            self.record(entity, new.uid, _label(new), c.field, c.old, c.new)
        return bool(changes)

    def flush_history(self) -> None:
        for chunk in _chunks(self.changes, 5000):
            self.conn.execute(insert(ChangeRow), list(chunk))
        self.changes = []

    # id lookups

    def ids(self, table: type) -> dict[str, int]:
        if table not in self._ids:
            self._ids[table] = dict(
                (uid, id_) for id_, uid in self.conn.execute(select(table.id, table.uid)))
        return self._ids[table]

    def organisation_id(self, uid: str) -> int:
        row = self.conn.execute(
            select(OrganisationRow.id).where(OrganisationRow.uid == uid)).first()
        if row is None:
            raise StoreError(MSG_UNKNOWN_ENTITY, entity="Organisation", uid=uid)
        return row.id

    # whole documents

    def import_register(self, register: m.Register, description: str,
                        kind: str) -> ImportResult:
        batch = self.start_batch(kind, description)
        counts = {"created": 0, "updated": 0, "unchanged": 0}

        def count(outcome: str) -> None:
            counts[outcome] += 1

        for p in register.processors:
            count(self.put_processor(p))
        self.put_subprocessor_links(register.processors)
        for r in register.recipients:
            count(self.put_simple(RecipientRow, "recipient", r, rows.recipient_values,
                                  rows.recipient_from))
        for t in register.toms:
            count(self.put_simple(TomRow, "tom", t, rows.tom_values, rows.tom_from))
        for org in register.organisations:
            count(self.put_organisation(org))
            org_id = self.ids(OrganisationRow)[org.uid]
            for outcome in self.put_activities(org_id, org.activities):
                count(outcome)
            for svc in org.services:
                count(self.put_service(org_id, svc, touch=False))
        self.flush_history()
        self.append_history(register.history)
        return ImportResult(batch, counts["created"], counts["updated"], counts["unchanged"])

    def append_history(self, records: list[m.ChangeRecord]) -> None:
        if not records:
            return
        batch_ids = dict(self.conn.execute(select(ChangeBatchRow.uid, ChangeBatchRow.id)).all())
        for rec in records:
            if rec.batch and rec.batch not in batch_ids:
                batch_ids[rec.batch] = self.conn.execute(
                    insert(ChangeBatchRow).values(
                        uid=rec.batch, at=rec.at, user=rec.user, kind="imported-history",
                        description="").returning(ChangeBatchRow.id)).scalar_one()
        known: set[tuple[Any, ...]] = set()  # a document imported twice adds its history once
        for chunk in _chunks(sorted({r.entity_uid for r in records})):
            known.update(
                (rows.utc(at), user, uid, fld, old, new)
                for at, user, uid, fld, old, new in self.conn.execute(
                    select(ChangeRow.at, ChangeRow.user, ChangeRow.entity_uid, ChangeRow.field,
                           ChangeRow.old, ChangeRow.new).where(ChangeRow.entity_uid.in_(chunk))))
        records = [rec for rec in records if (rows.utc(rec.at), rec.user, rec.entity_uid,
                                              rec.field, rec.old, rec.new) not in known]
        values = [{
            "at": rows.utc(rec.at), "user": rec.user, "entity": rec.entity,
            "entity_uid": rec.entity_uid, "entity_label": rec.entity_label,
            "field": rec.field, "old": rec.old, "new": rec.new,
            "batch_id": batch_ids.get(rec.batch) if rec.batch else None,
        } for rec in records]
        for chunk in _chunks(values, 5000):
            self.conn.execute(insert(ChangeRow), list(chunk))

    # organisations

    def put_organisation(self, org: m.Organisation) -> str:
        values = rows.organisation_values(org)
        clash = self.conn.execute(
            select(OrganisationRow.uid).where(OrganisationRow.name == org.name,
                                              OrganisationRow.uid != org.uid)).first()
        if clash is not None:
            raise StoreError(MSG_ORG_NAME_TAKEN, name=org.name)
        existing = self.conn.execute(
            select(OrganisationRow).where(OrganisationRow.uid == org.uid)).mappings().first()
        if existing is None:
            new_id = self.conn.execute(
                insert(OrganisationRow).values(values).returning(OrganisationRow.id)).scalar_one()
            self.ids(OrganisationRow)[org.uid] = new_id
            self.record("organisation", org.uid, org.name, "", None, org.name)
            return "created"
        old = rows.organisation_from(existing)
        master = replace(org, activities=[], services=[])
        if not self.record_diff("organisation", old, master):
            return "unchanged"
        self.conn.execute(update(OrganisationRow).where(OrganisationRow.id == existing["id"])
                          .values(values))
        return "updated"

    # activities

    def put_activity(self, org_id: int, act: m.Activity, *, touch: bool) -> m.Activity:
        if touch:
            act.changed = self.now
        self.put_activities(org_id, [act], touch=touch)
        self.flush_history()
        return act

    def put_activities(self, org_id: int, acts: list[m.Activity], *,
                       touch: bool = False) -> list[str]:
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
                    self.conn.execute(update(ActivityRow).where(ActivityRow.id == row_id)
                                      .values(changed=rows.utc(act.changed)))
                    outcomes.append("updated")
                else:
                    outcomes.append("unchanged")
                continue
            replaced.append((row_id, act))
            outcomes.append("updated")
        if new_acts:
            self.conn.execute(insert(ActivityRow),
                              [rows.activity_values(a, org_id) for a in new_acts])
            wanted = {a.uid for a in new_acts}
            ids = {uid: id_ for id_, uid in self.conn.execute(
                select(ActivityRow.id, ActivityRow.uid)
                .where(ActivityRow.organisation_id == org_id)) if uid in wanted}
            self._insert_activity_children([(ids[a.uid], a) for a in new_acts])
        if replaced:
            row_ids = [row_id for row_id, _ in replaced]
            self._delete_children(row_ids, ActivityRow)
            for row_id, act in replaced:
                self.conn.execute(update(ActivityRow).where(ActivityRow.id == row_id)
                                  .values(rows.activity_values(act, org_id)))
            self._insert_activity_children(replaced)
        return outcomes

    def _existing_activities(self, uids: list[str]) -> dict[str, tuple[int, int, m.Activity]]:
        """Known activities by uid as (row id, organisation id, activity), rows locked."""
        found: dict[str, int] = {}
        for chunk in _chunks(uids):
            found.update({uid: id_ for id_, uid in self.conn.execute(
                select(ActivityRow.id, ActivityRow.uid).where(ActivityRow.uid.in_(chunk))
                .with_for_update())})
        if not found:
            return {}
        reader = _Reader(self.conn)
        result: dict[str, tuple[int, int, m.Activity]] = {}
        id_list = list(found.values())
        for chunk in _chunks(id_list):
            for org_id, act in reader.activities(ActivityRow.id.in_(chunk)):
                result[act.uid] = (found[act.uid], org_id, act)
        return result

    def _delete_children(self, owner_ids: list[int], owner: type) -> None:
        if owner is ActivityRow:
            tables = [(PurposeRow, PurposeRow.activity_id),
                      (DataCategoryRow, DataCategoryRow.activity_id),
                      (JointControllerRow, JointControllerRow.activity_id),
                      (RecipientUseRow, RecipientUseRow.activity_id),
                      (ProcessorUseRow, ProcessorUseRow.activity_id),
                      (TransferRow, TransferRow.activity_id),
                      (TomUseRow, TomUseRow.activity_id)]
        else:
            tables = [(ClientControllerRow, ClientControllerRow.service_id),
                      (ProcessorUseRow, ProcessorUseRow.service_id),
                      (TransferRow, TransferRow.service_id),
                      (TomUseRow, TomUseRow.service_id)]
        for chunk in _chunks(owner_ids):
            for table, column in tables:
                self.conn.execute(delete(table).where(column.in_(chunk)))

    def _catalogue_id(self, table: type, uid: str, what: str) -> int:
        try:
            return self.ids(table)[uid]
        except KeyError:
            raise StoreError(MSG_UNKNOWN_ENTITY, entity=what, uid=uid) from None

    def _transfer_values(self, t: m.Transfer, **owner: int | None) -> dict[str, Any]:
        pid = (self._catalogue_id(ProcessorRow, t.processor, "processor")
               if t.processor is not None else None)
        return {"activity_id": None, "service_id": None, **owner, "country": t.country,
                "recipient": t.recipient, "processor_id": pid, "mechanism": t.mechanism,
                "mechanism_text": t.mechanism_text, "documentation": t.documentation}

    def _insert_activity_children(self, pairs: list[tuple[int, m.Activity]]) -> None:
        batches: dict[type, list[dict[str, Any]]] = defaultdict(list)
        for row_id, a in pairs:
            batches[PurposeRow] += [rows.purpose_values(p, row_id) for p in a.purposes]
            batches[DataCategoryRow] += [rows.data_category_values(c, row_id)
                                         for c in a.data_categories]
            batches[JointControllerRow] += [rows.joint_controller_values(j, row_id)
                                            for j in a.joint_controllers]
            batches[RecipientUseRow] += [
                {"activity_id": row_id,
                 "recipient_id": self._catalogue_id(RecipientRow, uid, "recipient")}
                for uid in a.recipients]
            batches[ProcessorUseRow] += [
                {"activity_id": row_id, "service_id": None, "service": link.service,
                 "processor_id": self._catalogue_id(ProcessorRow, link.processor, "processor")}
                for link in a.processors]
            batches[TransferRow] += [self._transfer_values(t, activity_id=row_id)
                                     for t in a.transfers]
            batches[TomUseRow] += [
                {"activity_id": row_id, "service_id": None,
                 "tom_id": self._catalogue_id(TomRow, uid, "TOM")} for uid in a.toms]
        self._insert_batches(batches)

    def _insert_batches(self, batches: dict[type, list[dict[str, Any]]]) -> None:
        for table, values in batches.items():
            for chunk in _chunks(values, 5000):
                if chunk:
                    self.conn.execute(insert(table), list(chunk))

    def delete_activity(self, uid: str) -> None:
        existing = self._existing_activities([uid])
        if uid not in existing:
            raise StoreError(MSG_UNKNOWN_ENTITY, entity="activity", uid=uid)
        row_id, org_id, old = existing[uid]
        org_uid = self.conn.execute(select(OrganisationRow.uid)
                                    .where(OrganisationRow.id == org_id)).scalar_one()
        self.conn.execute(delete(ActivityRow).where(ActivityRow.id == row_id))
        self.record("activity", uid, old.name, DELETED_FROM, None, org_uid)
        self.record("activity", uid, old.name, "", json.dumps(to_dict(old), ensure_ascii=False),
                    None)
        self.flush_history()

    def restore_activity(self, uid: str, organisation_uid: str | None) -> m.Activity:
        deletion = self.conn.execute(
            select(ChangeRow.id, ChangeRow.old, ChangeRow.entity_label).where(
                ChangeRow.entity == "activity", ChangeRow.entity_uid == uid,
                ChangeRow.field == "", ChangeRow.new.is_(None), ChangeRow.old.is_not(None))
            .order_by(ChangeRow.id.desc()).limit(1)).first()
        if deletion is None:
            raise StoreError(MSG_NOT_DELETED, uid=uid)
        again = self.conn.execute(select(ActivityRow.name).where(ActivityRow.uid == uid)).first()
        if again is not None:
            raise StoreError(MSG_EXISTS_AGAIN, uid=uid, name=again.name)
        if organisation_uid is None:
            organisation_uid = self.conn.execute(
                select(ChangeRow.new).where(ChangeRow.entity_uid == uid,
                                            ChangeRow.field == DELETED_FROM,
                                            ChangeRow.id < deletion.id)
                .order_by(ChangeRow.id.desc()).limit(1)).scalar()
            if organisation_uid is None:
                raise StoreError(MSG_RESTORE_WHERE, name=deletion.entity_label)
        org_id = self.organisation_id(organisation_uid)
        act = from_dict(m.Activity, json.loads(deletion.old))
        _check_text(act)
        act.changed = self.now
        self.start_batch("restore", act.name)
        self.put_activities(org_id, [act])
        self.flush_history()
        return act

    # processing services

    def put_service(self, org_id: int, svc: m.ProcessingService, *, touch: bool) -> str:
        row = self.conn.execute(
            select(ProcessingServiceRow.id, ProcessingServiceRow.organisation_id)
            .where(ProcessingServiceRow.uid == svc.uid).with_for_update()).first()
        if row is not None and row.organisation_id != org_id:
            raise StoreError(MSG_OTHER_ORG, name=svc.name)
        if row is None:
            if touch:
                svc.created = svc.changed = self.now
            row_id = self.conn.execute(
                insert(ProcessingServiceRow).values(rows.service_values(svc, org_id))
                .returning(ProcessingServiceRow.id)).scalar_one()
            self.record("service", svc.uid, svc.name, "", None, svc.name)
            outcome = "created"
        else:
            row_id = row.id
            old_svc = _Reader(self.conn).services(ProcessingServiceRow.id == row_id)[0][1]
            if touch:
                svc.changed = self.now
            if not self.record_diff("service", old_svc, svc):
                return "unchanged"
            outcome = "updated"
            self._delete_children([row_id], ProcessingServiceRow)
            self.conn.execute(update(ProcessingServiceRow)
                              .where(ProcessingServiceRow.id == row_id)
                              .values(rows.service_values(svc, org_id)))
        batches: dict[type, list[dict[str, Any]]] = defaultdict(list)
        batches[ClientControllerRow] = [rows.client_values(c, row_id) for c in svc.controllers]
        batches[ProcessorUseRow] = [
            {"activity_id": None, "service_id": row_id, "service": link.service,
             "processor_id": self._catalogue_id(ProcessorRow, link.processor, "processor")}
            for link in svc.subprocessors]
        batches[TransferRow] = [self._transfer_values(t, service_id=row_id)
                                for t in svc.transfers]
        batches[TomUseRow] = [{"activity_id": None, "service_id": row_id,
                               "tom_id": self._catalogue_id(TomRow, uid, "TOM")}
                              for uid in svc.toms]
        self._insert_batches(batches)
        self.flush_history()
        return outcome

    # catalogues

    def put_simple(self, table: type, entity: str, obj: Any, to_values: Any,
                   from_row: Any) -> str:
        existing = self.conn.execute(select(table).where(table.uid == obj.uid)).mappings().first()
        if existing is None:
            new_id = self.conn.execute(
                insert(table).values(to_values(obj)).returning(table.id)).scalar_one()
            self.ids(table)[obj.uid] = new_id
            self.record(entity, obj.uid, _label(obj), "", None, _label(obj))
            outcome = "created"
        elif self.record_diff(entity, from_row(existing), obj):
            self.conn.execute(update(table).where(table.id == existing["id"])
                              .values(to_values(obj)))
            outcome = "updated"
        else:
            outcome = "unchanged"
        self.flush_history()
        return outcome

    def put_processor(self, p: m.Processor) -> str:
        if not p.name.strip():
            raise StoreError(MSG_EMPTY_NAME, entity="processor")
        existing = self.conn.execute(
            select(ProcessorRow).where(ProcessorRow.uid == p.uid)).mappings().first()
        if existing is not None:
            old = rows.processor_from(existing)
            old.subprocessors = [
                m.SubprocessorLink(uid, service) for uid, service in self.conn.execute(
                    select(ProcessorRow.uid, SubprocessorRow.service)
                    .join(SubprocessorRow, SubprocessorRow.subprocessor_id == ProcessorRow.id)
                    .where(SubprocessorRow.processor_id == existing["id"])
                    .order_by(SubprocessorRow.id))]
            if not self.record_diff("processor", old, p):
                return "unchanged"
            self.conn.execute(update(ProcessorRow).where(ProcessorRow.id == existing["id"])
                              .values(rows.processor_values(p)))
            return "updated"
        new_id = self.conn.execute(insert(ProcessorRow).values(rows.processor_values(p))
                                   .returning(ProcessorRow.id)).scalar_one()
        self.ids(ProcessorRow)[p.uid] = new_id
        self.record("processor", p.uid, p.name, "", None, p.name)
        return "created"

    def put_subprocessor_links(self, processors: list[m.Processor]) -> None:
        """Replace the subprocessor links of ``processors`` (all must exist by now)."""
        ids = self.ids(ProcessorRow)
        own = [ids[p.uid] for p in processors]
        for chunk in _chunks(own):
            self.conn.execute(delete(SubprocessorRow).where(SubprocessorRow.processor_id.in_(chunk)))
        values = [{"processor_id": ids[p.uid],
                   "subprocessor_id": self._catalogue_id(ProcessorRow, s.processor, "processor"),
                   "service": s.service}
                  for p in processors for s in p.subprocessors]
        self._insert_batches({SubprocessorRow: values})
        self.flush_history()

    def delete_catalogue_entry(self, table: type, entity: str, uid: str,
                               snapshot: dict[str, Any] | None = None) -> None:
        """Delete a processor, recipient or TOM that nothing uses; the history keeps
        ``snapshot`` (by default the entry as it is now) as its old content."""
        row = self.conn.execute(select(table).where(table.uid == uid)).mappings().first()
        if row is None:
            raise StoreError(MSG_UNKNOWN_ENTITY, entity=entity, uid=uid)
        uses = 0
        if table is ProcessorRow:
            for t, col in ((ProcessorUseRow, ProcessorUseRow.processor_id),
                           (TransferRow, TransferRow.processor_id),
                           (SubprocessorRow, SubprocessorRow.subprocessor_id)):
                uses += self.conn.execute(select(func.count()).where(col == row["id"])
                                          .select_from(t)).scalar_one()
        if uses:
            raise StoreError(MSG_IN_USE, name=row["name"], count=uses)
        if snapshot is None and table is ProcessorRow:
            snapshot = to_dict(_Reader(self.conn).processors[uid])
        elif snapshot is None:
            snapshot = {k: v for k, v in row.items() if k != "id"}
        self.conn.execute(delete(table).where(table.id == row["id"]))
        label = row.get("name") or row.get("title") or uid  # TOMs have a title, no name
        self.record(entity, uid, label, "", json.dumps(
            snapshot, ensure_ascii=False, default=str), None)
        self.flush_history()

    # undo

    def undo_batch(self, batch_uid: str) -> None:
        batch = self.conn.execute(
            select(ChangeBatchRow).where(ChangeBatchRow.uid == batch_uid)).first()
        if batch is None:
            raise StoreError(MSG_NO_BATCH, uid=batch_uid)
        if self.conn.execute(select(ChangeBatchRow.id).where(
                ChangeBatchRow.kind == "undo",
                ChangeBatchRow.description == batch_uid)).first() is not None:
            raise StoreError(MSG_UNDONE_ALREADY, uid=batch_uid)
        records = self.conn.execute(
            select(ChangeRow).where(ChangeRow.batch_id == batch.id).order_by(ChangeRow.id)
        ).mappings().all()
        last_id = max((r["id"] for r in records), default=0)
        touched = {r["entity_uid"]: r for r in records}
        for chunk in _chunks(sorted(touched)):
            later = self.conn.execute(
                select(ChangeRow.entity_uid).where(ChangeRow.entity_uid.in_(chunk),
                                                   ChangeRow.id > last_id).limit(1)).first()
            if later is not None:
                raise StoreError(MSG_CHANGED_SINCE,
                                 name=touched[later.entity_uid]["entity_label"])
        created = [(r["entity"], r["entity_uid"]) for r in records
                   if r["field"] == "" and r["old"] is None and r["new"] is not None]
        before = [(r["entity"], r["old"]) for r in records if r["field"] == BEFORE]
        self.start_batch("undo", batch_uid)

        def delete_created(*kinds: str) -> None:
            for kind in kinds:
                for entity, uid in created:
                    if entity == kind:
                        self._delete_created(kind, uid)

        # Users first, then what they use: created activities and services, then created
        # organisations (an existing record is never moved into one); then the replaced
        # records get their old content back, which refers only to what existed before
        # the batch, so they let go of the catalogue entries the batch created; last
        # those entries, the processors among them without their links to one another.
        delete_created("activity", "service", "organisation")
        for entity, snapshot in before:
            self._restore(entity, json.loads(snapshot))
        self._unlink_created_processors([uid for entity, uid in created if entity == "processor"])
        delete_created("processor", "recipient", "tom")
        self.flush_history()

    def _unlink_created_processors(self, uids: list[str]) -> None:
        """Drop the subprocessor links the created processors ``uids`` hold, so that one
        of them is not "in use" merely because another of them links to it.

        The processors' snapshots (with their links) are kept for the history records
        of their deletion. Links from any other processor stay and refuse the undo.
        """
        if not uids:
            return
        reader = _Reader(self.conn)
        self._created_snapshots = {uid: to_dict(reader.processors[uid])
                                   for uid in uids if uid in reader.processors}
        ids = {uid: id_ for id_, uid in reader.processor_uid.items()}
        own = [ids[uid] for uid in uids if uid in ids]
        for chunk in _chunks(own):
            self.conn.execute(delete(SubprocessorRow).where(SubprocessorRow.processor_id.in_(chunk)))

    def _delete_created(self, kind: str, uid: str) -> None:
        if kind == "activity":
            self.delete_activity(uid)
            return
        table = {"service": ProcessingServiceRow, "organisation": OrganisationRow,
                 "processor": ProcessorRow, "recipient": RecipientRow, "tom": TomRow}[kind]
        if kind in ("processor", "recipient", "tom"):
            snapshot = self._created_snapshots.get(uid) if kind == "processor" else None
            self.delete_catalogue_entry(table, kind, uid, snapshot)
            return
        row = self.conn.execute(select(table).where(table.uid == uid)).mappings().first()
        if row is None:
            return
        if kind == "organisation":
            remaining = self.conn.execute(select(func.count()).select_from(ActivityRow).where(
                ActivityRow.organisation_id == row["id"])).scalar_one()
            if remaining:
                raise StoreError(MSG_IN_USE, name=row["name"], count=remaining)
        self.conn.execute(delete(table).where(table.id == row["id"]))
        self.record(kind, uid, row["name"], "", json.dumps(
            {k: v for k, v in row.items() if k != "id"}, ensure_ascii=False, default=str), None)

    def _restore(self, entity: str, snapshot: dict[str, Any]) -> None:
        if entity == "activity":
            act = from_dict(m.Activity, snapshot)
            org_id = self.conn.execute(select(ActivityRow.organisation_id).where(
                ActivityRow.uid == act.uid)).scalar_one()
            self.put_activities(org_id, [act])
        elif entity == "service":
            svc = from_dict(m.ProcessingService, snapshot)
            org_id = self.conn.execute(select(ProcessingServiceRow.organisation_id).where(
                ProcessingServiceRow.uid == svc.uid)).scalar_one()
            self.put_service(org_id, svc, touch=False)
        elif entity == "organisation":
            self.put_organisation(from_dict(m.Organisation, snapshot))
        elif entity == "processor":
            proc = from_dict(m.Processor, snapshot)
            self.put_processor(proc)
            self.put_subprocessor_links([proc])
        elif entity == "recipient":
            self.put_simple(RecipientRow, "recipient", from_dict(m.Recipient, snapshot),
                            rows.recipient_values, rows.recipient_from)
        elif entity == "tom":
            self.put_simple(TomRow, "tom", from_dict(m.Tom, snapshot), rows.tom_values,
                            rows.tom_from)
