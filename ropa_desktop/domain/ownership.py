"""Which organisation owns a catalogue entry, and splitting entries that had none.

Every processor, recipient and TOM belongs to one organisation. Registers written
before that rule (JSON documents of format version 1, registers built in code without
owners) had one catalogue shared by all organisations; :func:`give_owners` turns such
a register into one where every organisation that uses an entry has its own copy.
"""

from __future__ import annotations

import copy
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TypeVar

from ropa_desktop.domain.model import Organisation, Processor, Recipient, Register, Tom

E = TypeVar("E", Processor, Recipient, Tom)

COPY_NAMESPACE = uuid.UUID("7d4c2b0e-9f51-4a38-8e6d-1c5a0b9e3f27")
"""Namespace of the uids of copies made by :func:`give_owners` (and by the database
upgrade that split the shared catalogues): the copy of entry ``uid`` for organisation
``org`` is always the same uid, so importing the same old document twice finds its
copies again."""


def copy_uid(uid: str, organisation_uid: str) -> str:
    """The uid of the copy of entry ``uid`` made for the organisation ``organisation_uid``."""
    return uuid.uuid5(COPY_NAMESPACE, f"{uid}/{organisation_uid}").hex


def used_entries(
    org: Organisation, processors: Mapping[str, Processor]
) -> tuple[set[str], set[str], set[str]]:
    """Uids of the processors (with the subprocessors of those, transitively), recipients
    and TOMs the organisation's activities and services refer to."""
    used_p: set[str] = set()
    used_r: set[str] = set()
    used_t: set[str] = set()
    for act in org.activities:
        used_p |= {link.processor for link in act.processors}
        used_p |= {t.processor for t in act.transfers if t.processor is not None}
        used_r |= set(act.recipients)
        used_t |= set(act.toms)
    for svc in org.services:
        used_p |= {link.processor for link in svc.subprocessors}
        used_p |= {t.processor for t in svc.transfers if t.processor is not None}
        used_t |= set(svc.toms)
    todo = list(used_p)
    while todo:  # the subprocessors of a used processor are used too
        proc = processors.get(todo.pop())
        for link in proc.subprocessors if proc is not None else []:
            if link.processor not in used_p:
                used_p.add(link.processor)
                todo.append(link.processor)
    return used_p, used_r, used_t


def give_owners(register: Register, known: Mapping[str, str] | None = None) -> Register:
    """The register with an owner for every catalogue entry that has none.

    Such an entry is copied for each organisation of the register that uses it; one of
    them keeps the entry's uid (the organisation ``known`` names for that uid if it is a
    user — the database's owner of the entry — else the first user in document order),
    the others get :func:`copy_uid` uids and their links are moved to their copy; when
    ``known`` gives the uid to an organisation that does not use it, every user gets a
    copy. An entry nobody uses goes to the organisation ``known`` names, else to the first
    organisation. Entries with an owner, and registers without organisations, are left
    as they are. ``register`` itself is not changed.
    """
    entries: list[Processor | Recipient | Tom] = [
        *register.processors,
        *register.recipients,
        *register.toms,
    ]
    unowned = [e for e in entries if not e.owner]
    if not unowned or not register.organisations:
        return register
    known = known or {}
    # Only the catalogues and the organisations whose links move are changed: those are
    # copied, the rest (thousands of activities after an import) is shared with
    # ``register``, which is never changed.
    result = copy.copy(register)
    result.processors = copy.deepcopy(register.processors)
    result.recipients = copy.deepcopy(register.recipients)
    result.toms = copy.deepcopy(register.toms)
    result.organisations = list(register.organisations)
    by_uid = result.processors_by_uid()
    users: dict[str, list[str]] = defaultdict(list)
    for org in result.organisations:
        used_p, used_r, used_t = used_entries(org, by_uid)
        for uid in (*used_p, *used_r, *used_t):
            users[uid].append(org.uid)
    # The subprocessors of an organisation's copy of a processor are its own, too.
    changed = True
    while changed:
        changed = False
        for p in result.processors:
            for link in p.subprocessors:
                for org_uid in _owners_of(p, users, known, result):
                    if org_uid not in users[link.processor]:
                        users[link.processor].append(org_uid)
                        changed = True
    moved: dict[str, dict[str, str]] = defaultdict(dict)  # org uid -> old uid -> copy uid
    result.processors = list(_split(result.processors, users, known, result, moved))
    result.recipients = list(_split(result.recipients, users, known, result, moved))
    result.toms = list(_split(result.toms, users, known, result, moved))
    for p in result.processors:
        own = moved.get(p.owner, {})
        for link in p.subprocessors:
            link.processor = own.get(link.processor, link.processor)
    result.organisations = [
        _relinked(org, moved[org.uid]) if moved.get(org.uid) else org
        for org in result.organisations
    ]
    return result


def _relinked(org: Organisation, moved: Mapping[str, str]) -> Organisation:
    """A copy of ``org`` whose links to entries in ``moved`` go to their copies."""
    twin = copy.deepcopy(org)
    _relink(twin, moved)
    return twin


def _owners_of(
    entry: Processor | Recipient | Tom,
    users: Mapping[str, list[str]],
    known: Mapping[str, str],
    register: Register,
) -> list[str]:
    if entry.owner:
        return [entry.owner]
    found = list(users.get(entry.uid, []))
    if found:
        return found
    fallback = known.get(entry.uid) or register.organisations[0].uid
    return [fallback]


def _split(
    entries: Iterable[E],
    users: Mapping[str, list[str]],
    known: Mapping[str, str],
    register: Register,
    moved: dict[str, dict[str, str]],
) -> Iterable[E]:
    for entry in entries:
        if entry.owner:
            yield entry
            continue
        owners = _owners_of(entry, users, known, register)
        keeper: str | None = known.get(entry.uid)
        if keeper is None:
            keeper = owners[0]
        elif keeper not in owners:  # the uid is another organisation's entry: copies only
            keeper = None
        for org_uid in owners:
            if org_uid == keeper:
                entry.owner = org_uid
                yield entry
                continue
            twin = copy.deepcopy(entry)
            twin.uid = copy_uid(entry.uid, org_uid)
            twin.owner = org_uid
            moved[org_uid][entry.uid] = twin.uid
            yield twin


def _relink(org: Organisation, moved: Mapping[str, str]) -> None:
    if not moved:
        return
    for act in org.activities:
        for link in act.processors:
            link.processor = moved.get(link.processor, link.processor)
        act.recipients = [moved.get(uid, uid) for uid in act.recipients]
        act.toms = [moved.get(uid, uid) for uid in act.toms]
        for t in act.transfers:
            if t.processor is not None:
                t.processor = moved.get(t.processor, t.processor)
    for svc in org.services:
        for link in svc.subprocessors:
            link.processor = moved.get(link.processor, link.processor)
        svc.toms = [moved.get(uid, uid) for uid in svc.toms]
        for t in svc.transfers:
            if t.processor is not None:
                t.processor = moved.get(t.processor, t.processor)
