"""Copying catalogue entries from one organisation to another, inside a write.

Catalogues belong to one organisation; reuse across organisations is an explicit copy.
A copy gets a new uid and its own history ("#copied_from" names the entry it came
from and the organisation it was made for), a processor is copied with its whole
subprocessor chain, and notes, contract data and TOM descriptions stay behind unless
asked for. A second copy of the same entry into the same organisation finds the first
one instead (as long as it exists).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import select

from ropa_desktop.domain import model as m
from ropa_desktop.domain.ownership import copy_uid
from ropa_desktop.store.models import ChangeRow, ProcessorRow, RecipientRow, TomRow
from ropa_desktop.store.reading import Reader
from ropa_desktop.store.records import MSG_UNKNOWN_ENTITY, StoreError

if TYPE_CHECKING:
    from ropa_desktop.store.writing import CatalogueEntry, Writer

R = TypeVar("R", m.Activity, m.ProcessingService)

COPIED_FROM = "#copied_from"
"""History field of a copy: ``old`` is the uid it was copied from, ``new`` the uid of the
organisation it was made for (written by copies and by the upgrade that split the
shared catalogues)."""


def copy_entries(
    writer: Writer,
    to_org_id: int,
    uids: list[str],
    *,
    with_notes: bool,
    from_org_id: int | None = None,
) -> dict[str, str]:
    """Copy the catalogue entries ``uids`` (processors, recipients or TOMs, of
    ``from_org_id`` when given) into the organisation ``to_org_id``; returns the uid of
    the copy (or of the earlier copy found) of every entry copied, subprocessors included.
    Entries already owned by ``to_org_id`` map to themselves."""
    reader = Reader(writer.conn)
    to_uid = reader.org_uid[to_org_id]
    pools: dict[str, CatalogueEntry] = {**reader.processors, **reader.recipients, **reader.toms}
    wanted: list[str] = []
    todo = list(dict.fromkeys(uids))
    while todo:  # with the subprocessor chains
        uid = todo.pop(0)
        entry = pools.get(uid)
        if entry is None or (
            from_org_id is not None and entry.owner != reader.org_uid[from_org_id]
        ):
            raise StoreError(MSG_UNKNOWN_ENTITY, entity="Katalogeintrag", uid=uid)
        if uid in wanted:
            continue
        wanted.append(uid)
        if isinstance(entry, m.Processor):
            todo += [s.processor for s in entry.subprocessors]
    earlier = _earlier_copies(writer, to_uid, wanted, pools)
    mapping: dict[str, str] = {}
    for uid in wanted:
        entry = pools[uid]
        if entry.owner == to_uid:
            mapping[uid] = uid
        elif uid in earlier:
            mapping[uid] = earlier[uid]
        else:
            mapping[uid] = (
                copy_uid(uid, to_uid) if copy_uid(uid, to_uid) not in pools else m.new_uid()
            )
    created: list[m.Processor] = []
    for uid in wanted:
        entry = pools[uid]
        if mapping[uid] == uid or uid in earlier:
            continue
        twin = _twin(entry, mapping[uid], to_uid, with_notes)
        if isinstance(twin, m.Processor):
            twin.subprocessors = [
                m.SubprocessorLink(mapping[s.processor], s.service) for s in twin.subprocessors
            ]
            writer.put_processor(twin)
            created.append(twin)
        elif isinstance(twin, m.Recipient):
            writer.put_simple(RecipientRow, twin)
        else:
            writer.put_simple(TomRow, twin)
        writer.record(_entity(twin), twin.uid, _label(twin), COPIED_FROM, uid, to_uid)
    writer.put_subprocessor_links(created)
    writer.flush_history()
    return mapping


def _earlier_copies(
    writer: Writer, to_uid: str, uids: list[str], pools: dict[str, CatalogueEntry]
) -> dict[str, str]:
    """Copies of ``uids`` that ``to_uid`` has already (source uid -> copy uid)."""
    found: dict[str, str] = {}
    for source, copy in writer.conn.execute(
        select(ChangeRow.old, ChangeRow.entity_uid)
        .where(ChangeRow.field == COPIED_FROM, ChangeRow.new == to_uid, ChangeRow.old.in_(uids))
        .order_by(ChangeRow.id)
    ):
        if copy in pools and pools[copy].owner == to_uid and source is not None:
            found.setdefault(source, copy)
    return found


def _twin(entry: CatalogueEntry, uid: str, owner: str, with_notes: bool) -> CatalogueEntry:
    if isinstance(entry, m.Processor):
        proc = replace(entry, uid=uid, owner=owner, subprocessors=list(entry.subprocessors))
        if not with_notes:
            proc = replace(proc, notes="", contract_date=None, contract_reference="")
        return proc
    if isinstance(entry, m.Recipient):
        return replace(entry, uid=uid, owner=owner, notes=entry.notes if with_notes else "")
    return replace(
        entry,
        uid=uid,
        owner=owner,
        art32=list(entry.art32),
        description=entry.description if with_notes else "",
    )


def _entity(entry: CatalogueEntry) -> str:
    return (
        "processor"
        if isinstance(entry, m.Processor)
        else "recipient"
        if isinstance(entry, m.Recipient)
        else "tom"
    )


def _label(entry: CatalogueEntry) -> str:
    return entry.title if isinstance(entry, m.Tom) else entry.name


def own_links(writer: Writer, org_id: int, record: R) -> R:
    """``record`` (an activity or service written before catalogues belonged to
    organisations, e.g. from a snapshot in the history) with every link to another
    organisation's entry moved to the organisation's own copy of it, made if needed."""
    links: list[str] = []
    if isinstance(record, m.Activity):
        links += [link.processor for link in record.processors] + record.recipients
    else:
        links += [link.processor for link in record.subprocessors]
    links += [t.processor for t in record.transfers if t.processor is not None] + record.toms
    foreign = []
    for table in (ProcessorRow, RecipientRow, TomRow):
        owned = writer.owned(table)
        foreign += [uid for uid in links if uid in owned and owned[uid][1] != org_id]
    if not foreign:
        return record
    mapping = copy_entries(writer, org_id, foreign, with_notes=False)

    def own(uid: str) -> str:
        return mapping.get(uid, uid)

    if isinstance(record, m.Activity):
        for link in record.processors:
            link.processor = own(link.processor)
        record.recipients = [own(uid) for uid in record.recipients]
    else:
        for link in record.subprocessors:
            link.processor = own(link.processor)
    for t in record.transfers:
        if t.processor is not None:
            t.processor = own(t.processor)
    record.toms = [own(uid) for uid in record.toms]
    return record
