"""The part of :class:`~ropa_desktop.store.repository.Store` for the work of a DPO's week:
deleting catalogue entries still in use (or replacing them), deleting processing services,
changing several activities at once, and attachments. Each write is one transaction; the
deletions and the bulk change are one undoable batch each."""

from __future__ import annotations

from sqlalchemy import Engine

from ropa_desktop.domain.attachments import AttachmentInfo
from ropa_desktop.store import attachments as files
from ropa_desktop.store import bulk, catalogue_delete, versions
from ropa_desktop.store.bulk import BulkChange
from ropa_desktop.store.catalogue_delete import EntryUse
from ropa_desktop.store.transactions import writing
from ropa_desktop.store.writing import Writer


class RecordWork:
    """Mixed into the Store (which sets :attr:`engine` and :attr:`user`)."""

    engine: Engine
    user: str

    # --- catalogue entries and services -------------------------------------

    def entry_uses(self, kind: str, uid: str) -> list[EntryUse]:
        """The activities, services and processors using the processor, recipient or TOM
        ``uid`` (``kind``: "processor", "recipient", "tom")."""
        with self.engine.connect() as conn:
            return catalogue_delete.entry_uses(conn, kind, uid)

    def delete_entry(
        self,
        kind: str,
        uid: str,
        *,
        replacement: str | None = None,
        version: int | None = None,
        force: bool = False,
    ) -> str:
        """Delete a processor, recipient or TOM even while records use it: they lose it, or
        get ``replacement`` (an entry of the same kind and organisation) instead. One
        transaction, one batch (returned) whose undo brings the entry and its uses back.
        ``version`` is the version the caller saw; a deletion of an entry changed since is
        refused with ConflictError (unless ``force``)."""
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            versions.claim_delete(writer, kind, uid, uid, version, force=force)
            return catalogue_delete.delete_entry(writer, kind, uid, replacement)

    def delete_service(self, uid: str, version: int | None = None, *, force: bool = False) -> str:
        """Delete an entry of the processor register, as a batch (returned) whose undo
        restores it (``version``: see :meth:`delete_entry`)."""
        with writing(self.engine) as conn:
            writer = Writer(conn, self.user)
            versions.claim_delete(writer, "service", uid, uid, version, force=force)
            return catalogue_delete.delete_service(writer, uid)

    # --- several activities at once -----------------------------------------

    def bulk_update(
        self, organisation_uid: str, uids: list[str], change: BulkChange, label: str = ""
    ) -> str:
        """Set department, status or next review date of several activities, or number
        them continuing the organisation's scheme (:class:`~ropa_desktop.store.bulk.BulkChange`);
        one transaction, one batch of kind "bulk" (returned, undoable). ``label`` describes
        the batch in the history."""
        with writing(self.engine) as conn:
            return bulk.bulk_update(Writer(conn, self.user), organisation_uid, uids, change, label)

    # --- attachments ---------------------------------------------------------

    def add_attachment(
        self, organisation_uid: str, kind: str, owner_uid: str, name: str, data: bytes
    ) -> AttachmentInfo:
        """Keep the file ``name`` (``data``, at most
        :data:`~ropa_desktop.domain.attachments.MAX_BYTES`) beside an activity or processor
        (``kind``) of the organisation; recorded in the record's history."""
        with writing(self.engine) as conn:
            return files.add(Writer(conn, self.user), organisation_uid, kind, owner_uid, name, data)

    def attachments(
        self, organisation_uid: str, owner_uid: str | None = None
    ) -> list[AttachmentInfo]:
        """The organisation's files (without content), of one record when ``owner_uid``."""
        with self.engine.connect() as conn:
            return files.listed(conn, organisation_uid, owner_uid)

    def attachment_content(self, organisation_uid: str, uid: str) -> bytes:
        """The content of one of the organisation's files."""
        with self.engine.connect() as conn:
            return files.content(conn, organisation_uid, uid)

    def delete_attachment(self, organisation_uid: str, uid: str) -> None:
        """Delete one of the organisation's files (recorded in its record's history)."""
        with writing(self.engine) as conn:
            files.remove(Writer(conn, self.user), organisation_uid, uid)
