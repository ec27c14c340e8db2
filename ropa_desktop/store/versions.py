"""Optimistic concurrency: every record a user edits carries the version it was loaded at.

A single-record save or delete first claims the record: it reads the stored version
(locking the row on PostgreSQL; SQLite writers are serialised by ``BEGIN IMMEDIATE``)
and compares it with the version the caller holds. A difference — someone else saved
or deleted the record meanwhile, or a "new" record's uid exists already — is a
:class:`ConflictError` carrying what is stored now and who changed it last, and
nothing is written. With ``force`` the write goes ahead anyway, as a batch of kind
:data:`OVERWRITE` (so the Verlauf shows it, and undoing that batch brings the
overwritten content back).

Bulk writes (document import, spreadsheet import, template apply, undo, restore)
read and write inside one transaction and bump the versions without comparing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from ropa_desktop.domain.i18n import Text
from ropa_desktop.store import rows
from ropa_desktop.store.history import HistoryWriter, entity_label
from ropa_desktop.store.models import (
    ActivityRow,
    ChangeRow,
    EntityTable,
    OrganisationRow,
    ProcessingServiceRow,
    ProcessorRow,
    RecipientRow,
    TomRow,
)
from ropa_desktop.store.reading import Reader
from ropa_desktop.store.records import StoreError

OVERWRITE = "overwrite"
"""Kind of the batch a forced save (or delete) is recorded in; its description is the
user whose concurrent change was overwritten."""

TABLES: dict[str, EntityTable] = {
    "organisation": OrganisationRow,
    "activity": ActivityRow,
    "service": ProcessingServiceRow,
    "processor": ProcessorRow,
    "recipient": RecipientRow,
    "tom": TomRow,
}
"""The table of each kind of versioned record (the history's entity names)."""

CHANGED, DELETED, EXISTS = "changed", "deleted", "exists"

MSG_CHANGED = Text(
    de="„{label}“ wurde inzwischen von {user} geändert ({at}); Ihre Fassung beruht auf "
    "einem älteren Stand und wurde nicht gespeichert.",
    en="“{label}” was changed meanwhile by {user} ({at}); your copy is based on an older "
    "state and was not saved.",
)
MSG_DELETED = Text(
    de="„{label}“ wurde inzwischen von {user} gelöscht ({at}); Ihre Fassung wurde nicht "
    "gespeichert.",
    en="“{label}” was deleted meanwhile by {user} ({at}); your copy was not saved.",
)
MSG_EXISTS = Text(
    de="„{label}“ wurde inzwischen von {user} angelegt ({at}); Ihre Fassung wurde nicht "
    "gespeichert.",
    en="“{label}” was created meanwhile by {user} ({at}); your copy was not saved.",
)
MSG_DELETE_CHANGED = Text(
    de="„{label}“ wurde inzwischen von {user} geändert ({at}) und deshalb nicht gelöscht.",
    en="“{label}” was changed meanwhile by {user} ({at}) and was therefore not deleted.",
)


class ConflictError(StoreError):
    """A save or delete based on an outdated version of a record; nothing was written.

    ``entity`` is the kind ("activity", "organisation", "service", "processor",
    "recipient", "tom"), ``current`` the record as stored now (None when it was
    deleted), ``user`` and ``at`` who changed it last and when (from the history;
    None when the history does not say), ``version`` the stored version (None when
    deleted) and ``expected`` the version the caller held. ``reason`` is
    :data:`CHANGED`, :data:`DELETED` or :data:`EXISTS`.
    """

    def __init__(
        self,
        text: Text,
        *,
        entity: str,
        uid: str,
        label: str,
        current: Any,
        user: str | None,
        at: datetime | None,
        version: int | None,
        expected: int,
        reason: str,
    ) -> None:
        shown_at = at.astimezone().strftime("%Y-%m-%d %H:%M") if at is not None else "?"
        super().__init__(text, label=label, user=user or "?", at=shown_at)
        self.entity = entity
        self.uid = uid
        self.label = label
        self.current = current
        self.user = user
        self.at = at
        self.version = version
        self.expected = expected
        self.reason = reason

    @property
    def deleted(self) -> bool:
        """True when the record no longer exists."""
        return self.current is None


def stored_version(conn: Connection, entity: str, uid: str, *, lock: bool = False) -> int | None:
    """The stored version of a record, None when there is none (``lock``: lock its row)."""
    table = TABLES[entity]
    stmt = select(table.version).where(table.uid == uid)
    if lock:
        stmt = stmt.with_for_update()
    version: int | None = conn.execute(stmt).scalar()
    return version


def claim(writer: HistoryWriter, entity: str, obj: Any, *, force: bool) -> None:
    """Check that ``obj`` (a record with ``uid`` and ``version``) may be saved.

    Raises :class:`ConflictError` when the stored version is not the one ``obj``
    was loaded at; with ``force`` starts an :data:`OVERWRITE` batch instead.
    """
    current = stored_version(writer.conn, entity, obj.uid, lock=True)
    if current == (obj.version or None):
        return
    reason = EXISTS if obj.version == 0 else DELETED if current is None else CHANGED
    text = {EXISTS: MSG_EXISTS, DELETED: MSG_DELETED, CHANGED: MSG_CHANGED}[reason]
    error = conflict(writer.conn, text, entity, obj.uid, entity_label(obj), obj.version, reason)
    if not force:
        raise error
    writer.start_batch(OVERWRITE, error.user or "")


def claim_delete(
    writer: HistoryWriter, entity: str, uid: str, label: str, expected: int | None, *, force: bool
) -> None:
    """Check that the record may be deleted: it is still at version ``expected``
    (None: no check). Raises :class:`ConflictError`, or with ``force`` starts an
    :data:`OVERWRITE` batch."""
    if expected is None:
        return
    current = stored_version(writer.conn, entity, uid, lock=True)
    if current == expected or current is None:
        return  # unchanged, or gone already (the caller reports an unknown record)
    error = conflict(writer.conn, MSG_DELETE_CHANGED, entity, uid, label, expected, CHANGED)
    if not force:
        raise error
    writer.start_batch(OVERWRITE, error.user or "")


def conflict(
    conn: Connection, text: Text, entity: str, uid: str, label: str, expected: int, reason: str
) -> ConflictError:
    """The conflict error for record ``uid`` with what is stored now and its last change."""
    current = current_record(conn, entity, uid)
    last = conn.execute(
        select(ChangeRow.user, ChangeRow.at)
        .where(ChangeRow.entity_uid == uid)
        .order_by(ChangeRow.id.desc())
        .limit(1)
    ).first()
    if current is not None:
        label = entity_label(current)
    return ConflictError(
        text,
        entity=entity,
        uid=uid,
        label=label,
        current=current,
        user=last.user if last is not None else None,
        at=rows.utc(last.at) if last is not None else None,
        version=current.version if current is not None else None,
        expected=expected,
        reason=reason,
    )


def current_record(conn: Connection, entity: str, uid: str) -> Any:
    """The record as stored now (an activity or service with its parts), None if absent."""
    if entity == "activity":
        found = Reader(conn).activities(ActivityRow.uid == uid)
        return found[0][1] if found else None
    if entity == "service":
        services = Reader(conn).services(ProcessingServiceRow.uid == uid)
        return services[0][1] if services else None
    if entity == "processor":
        return Reader(conn).processors.get(uid)
    table = TABLES[entity]
    row = conn.execute(select(table).where(table.uid == uid)).mappings().first()
    if row is None:
        return None
    if entity == "organisation":
        return rows.organisation_from(row)
    owner = conn.execute(
        select(OrganisationRow.uid).where(OrganisationRow.id == row["organisation_id"])
    ).scalar_one()
    return rows.recipient_from(row, owner) if entity == "recipient" else rows.tom_from(row, owner)


def change_stamp(conn: Connection) -> tuple[int, int, int]:
    """A cheap fingerprint of the whole database's content, in one statement: the newest
    history record, and the organisations' number and summed versions. Any write that
    changes a record changes it."""
    newest = select(func.coalesce(func.max(ChangeRow.id), 0)).scalar_subquery()
    count = select(func.count(OrganisationRow.id)).scalar_subquery()
    versions = select(func.coalesce(func.sum(OrganisationRow.version), 0)).scalar_subquery()
    row = conn.execute(select(newest, count, versions)).one()
    return int(row[0]), int(row[1]), int(row[2])
