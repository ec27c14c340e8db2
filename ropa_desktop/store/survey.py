"""The database side of the yearly review with the departments (questionnaires).

:func:`database_identity` gives the database's own identity (created on first use), with
which questionnaire workbooks are named and signed; :func:`read_identity` only reads it.
:func:`apply_review` writes what the DPO accepted from a returned questionnaire: one
transaction, one undoable batch in the history.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select

from ropa_desktop.domain import model as m
from ropa_desktop.store import versions
from ropa_desktop.store.models import RecipientRow, RegisterIdentityRow
from ropa_desktop.store.records import check_text
from ropa_desktop.store.repository import Store
from ropa_desktop.store.transactions import DryRun, writing
from ropa_desktop.store.writing import Writer

SURVEY_BATCH = "survey"
"""Kind of the history batch that takes over the answers of a questionnaire."""


@dataclass(frozen=True, slots=True)
class DatabaseIdentity:
    """Who this database is: ``uid`` names it in a questionnaire, ``secret`` signs one."""

    uid: str
    secret: str


def read_identity(store: Store) -> DatabaseIdentity | None:
    """The database's identity, or None when no questionnaire was ever sent from it."""
    with store.engine.connect() as conn:
        row = conn.execute(
            select(RegisterIdentityRow.uid, RegisterIdentityRow.secret)
            .order_by(RegisterIdentityRow.id)
            .limit(1)
        ).first()
    return DatabaseIdentity(row.uid, row.secret) if row is not None else None


def database_identity(store: Store) -> DatabaseIdentity:
    """The database's identity; created (in its own transaction) the first time."""
    found = read_identity(store)
    if found is not None:
        return found
    with writing(store.engine) as conn:
        row = conn.execute(
            select(RegisterIdentityRow.uid, RegisterIdentityRow.secret).limit(1)
        ).first()
        if row is None:
            identity = DatabaseIdentity(m.new_uid(), secrets.token_hex(32))
            conn.execute(
                insert(RegisterIdentityRow).values(
                    uid=identity.uid, secret=identity.secret, created=m.utc_now()
                )
            )
            return identity
    return DatabaseIdentity(row.uid, row.secret)


def apply_review(
    store: Store,
    organisation_uid: str,
    changed: list[m.Activity],
    created: list[m.Activity],
    description: str,
    *,
    dry_run: bool = False,
    catalogue: Sequence[m.Recipient | m.Processor] = (),
) -> str:
    """Write the reviewed activities of one organisation in one transaction and one batch.

    ``catalogue`` are new recipients and processors of the organisation that the activities
    link (created first, in the same transaction and batch).

    ``changed`` are known activities carrying the ``version`` the review was made
    against: if one was changed meanwhile, :class:`~ropa_desktop.store.versions.ConflictError`
    is raised and nothing is written. ``created`` are new activities. Returns the batch
    uid (undoable as a whole with :meth:`Store.undo_batch`). ``dry_run`` does everything
    and rolls it back.
    """
    for obj in [*catalogue, *changed, *created]:
        check_text(obj)
    with writing(store.engine) as conn:
        writer = Writer(conn, store.user)
        batch = writer.start_batch(SURVEY_BATCH, description)
        org_id = writer.organisation_id(organisation_uid)
        for entry in catalogue:
            if isinstance(entry, m.Recipient):
                writer.put_simple(RecipientRow, entry)
            else:
                writer.put_processor(entry)
        for act in changed:
            versions.claim(writer, "activity", act, force=False)
        for act in created:
            act.created = writer.now
        for act in [*changed, *created]:
            act.changed = writer.now
        writer.put_activities(org_id, [*changed, *created])
        writer.flush_history()
        if dry_run:
            raise DryRun
    return batch
