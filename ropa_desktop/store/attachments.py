"""Files kept beside an activity or a processor, in the database.

Each call names the organisation: a file is found only through the organisation whose
activity or processor it belongs to. Adding and deleting a file are recorded in the
history of its record (field "attachments", the file name as the value).
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select

from ropa_desktop.domain import model as m
from ropa_desktop.domain.attachments import MAX_BYTES, OWNER_KINDS, AttachmentInfo, format_size
from ropa_desktop.domain.i18n import Text
from ropa_desktop.store import rows
from ropa_desktop.store.history import HistoryWriter
from ropa_desktop.store.models import ActivityRow, AttachmentRow, OrganisationRow, ProcessorRow
from ropa_desktop.store.records import MSG_UNKNOWN_ENTITY, StoreError

FIELD = "attachments"
"""History field of an added or deleted file (the file name is the new or old value)."""

MSG_TOO_LARGE = Text(
    de="„{name}“ ist {size} groß; Anlagen dürfen höchstens {limit} groß sein. "
    "Legen Sie die Datei im Dateisystem ab und vermerken Sie den Ablageort in den Notizen.",
    en="“{name}” is {size}; attachments may be at most {limit}. "
    "Keep the file in the file system and note where in the notes.",
)
MSG_NO_NAME = Text(
    de="Die Anlage braucht einen Dateinamen.", en="The attachment needs a file name."
)
MSG_UNKNOWN_ATTACHMENT = Text(
    de="Diese Anlage gibt es in dieser Organisation nicht (mehr).",
    en="This attachment does not exist (any more) in this organisation.",
)

_INFO = (
    AttachmentRow.uid,
    AttachmentRow.owner_kind,
    AttachmentRow.owner_uid,
    AttachmentRow.name,
    AttachmentRow.size,
    AttachmentRow.added,
    AttachmentRow.user,
)


def _owner_label(conn: Connection, organisation_uid: str, kind: str, uid: str) -> str:
    """The name of the activity or processor ``uid`` of the organisation; refused when it
    is not one of the organisation's."""
    table = ActivityRow if kind == "activity" else ProcessorRow
    if kind not in OWNER_KINDS:
        raise StoreError(MSG_UNKNOWN_ENTITY, entity=kind, uid=uid)
    name = conn.execute(
        select(table.name)
        .join(OrganisationRow, OrganisationRow.id == table.organisation_id)
        .where(table.uid == uid, OrganisationRow.uid == organisation_uid)
    ).scalar()
    if name is None:
        raise StoreError(MSG_UNKNOWN_ENTITY, entity=kind, uid=uid)
    return str(name)


def add(
    writer: HistoryWriter, organisation_uid: str, kind: str, owner_uid: str, name: str, data: bytes
) -> AttachmentInfo:
    """Store ``data`` as the file ``name`` of the organisation's activity or processor."""
    name = name.strip()
    if not name:
        raise StoreError(MSG_NO_NAME)
    if len(data) > MAX_BYTES:
        raise StoreError(
            MSG_TOO_LARGE, name=name, size=format_size(len(data)), limit=format_size(MAX_BYTES)
        )
    label = _owner_label(writer.conn, organisation_uid, kind, owner_uid)
    info = AttachmentInfo(m.new_uid(), kind, owner_uid, name, len(data), writer.now, writer.user)
    writer.conn.execute(
        insert(AttachmentRow).values(
            uid=info.uid,
            organisation_uid=organisation_uid,
            owner_kind=kind,
            owner_uid=owner_uid,
            name=name,
            size=info.size,
            added=info.added,
            user=info.user,
            content=data,
        )
    )
    writer.record(kind, owner_uid, label, FIELD, None, name)
    writer.flush_history()
    return info


def listed(
    conn: Connection, organisation_uid: str, owner_uid: str | None = None
) -> list[AttachmentInfo]:
    """The organisation's files (of one record when ``owner_uid`` is given), oldest first."""
    stmt = select(*_INFO).where(AttachmentRow.organisation_uid == organisation_uid)
    if owner_uid is not None:
        stmt = stmt.where(AttachmentRow.owner_uid == owner_uid)
    return [
        AttachmentInfo(r.uid, r.owner_kind, r.owner_uid, r.name, r.size, rows.utc(r.added), r.user)
        for r in conn.execute(stmt.order_by(AttachmentRow.id))
    ]


def content(conn: Connection, organisation_uid: str, uid: str) -> bytes:
    """The content of the organisation's file ``uid``."""
    data = conn.execute(
        select(AttachmentRow.content).where(
            AttachmentRow.uid == uid, AttachmentRow.organisation_uid == organisation_uid
        )
    ).scalar()
    if data is None:
        raise StoreError(MSG_UNKNOWN_ATTACHMENT)
    return bytes(data)


def remove(writer: HistoryWriter, organisation_uid: str, uid: str) -> None:
    """Delete the organisation's file ``uid``."""
    row = writer.conn.execute(
        select(*_INFO).where(
            AttachmentRow.uid == uid, AttachmentRow.organisation_uid == organisation_uid
        )
    ).first()
    if row is None:
        raise StoreError(MSG_UNKNOWN_ATTACHMENT)
    writer.conn.execute(delete(AttachmentRow).where(AttachmentRow.uid == uid))
    table = ActivityRow if row.owner_kind == "activity" else ProcessorRow
    label = writer.conn.execute(select(table.name).where(table.uid == row.owner_uid)).scalar()
    writer.record(row.owner_kind, row.owner_uid, str(label or row.name), FIELD, row.name, None)
    writer.flush_history()
