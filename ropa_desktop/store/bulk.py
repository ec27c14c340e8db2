"""Changing several activities at once (after an import): department, status, next review
date, or new reference numbers continuing the organisation's scheme — one batch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from ropa_desktop.domain import model as m
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.numbering import next_references
from ropa_desktop.store.models import ActivityRow
from ropa_desktop.store.records import MSG_UNKNOWN_ENTITY, StoreError

if TYPE_CHECKING:
    from ropa_desktop.store.writing import Writer

BULK_KIND = "bulk"
"""Kind of the batch that changed several activities at once."""

MSG_NOTHING_TO_CHANGE = Text(
    de="Es ist nichts zu ändern: keine Tätigkeit oder kein Feld gewählt.",
    en="Nothing to change: no activity or no field chosen.",
)


@dataclass(frozen=True, slots=True)
class BulkChange:
    """What to set on every chosen activity; None leaves a field as it is.

    ``number``: give each activity without a reference (with ``renumber``: every one) the
    next reference of the organisation's scheme, in the order the uids are given; numbers
    continue after the highest in use and never repeat one.
    """

    department: str | None = None
    status: m.ActivityStatus | None = None
    next_review: date | None = None
    number: bool = False
    renumber: bool = False

    def is_empty(self) -> bool:
        """True when the change sets nothing."""
        return (
            self.department is None
            and self.status is None
            and self.next_review is None
            and not self.number
        )


def bulk_update(
    writer: Writer, organisation_uid: str, uids: list[str], change: BulkChange, label: str
) -> str:
    """Apply ``change`` to the activities ``uids`` of the organisation; returns the batch
    uid. Refused (nothing changed) for an unknown activity or one of another organisation."""
    if not uids or change.is_empty():
        raise StoreError(MSG_NOTHING_TO_CHANGE)
    org_id = writer.organisation_id(organisation_uid)
    existing = writer._existing_activities(uids)
    for uid in uids:
        if uid not in existing or existing[uid][1] != org_id:
            raise StoreError(MSG_UNKNOWN_ENTITY, entity="activity", uid=uid)
    batch = writer.start_batch(BULK_KIND, label)
    to_number = [
        uid
        for uid in uids
        if change.number and (change.renumber or not existing[uid][2].reference.strip())
    ]
    used = writer.conn.execute(
        select(ActivityRow.reference).where(ActivityRow.organisation_id == org_id)
    ).scalars()
    references = dict(zip(to_number, next_references(list(used), len(to_number)), strict=True))
    acts: list[m.Activity] = []
    for uid in uids:
        act = existing[uid][2]
        if change.department is not None:
            act.department = change.department.strip()
        if change.status is not None:
            act.status = change.status
        if change.next_review is not None:
            act.next_review = change.next_review
        if uid in references:
            act.reference = references[uid]
        act.changed = writer.now
        acts.append(act)
    writer.put_activities(org_id, acts)
    writer.flush_history()
    return batch
