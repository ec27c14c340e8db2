"""Referential integrity of a register: unique ids, links that point somewhere.

A register read from a file must pass these checks before anything is written;
each problem names the JSON path of the offending value.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ropa_desktop.domain.codec import to_dict
from ropa_desktop.domain.model import ProcessorLink, Register, Transfer


@dataclass(frozen=True, slots=True)
class IntegrityProblem:
    """A broken reference or duplicate identity at a JSON path."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def integrity_problems(register: Register, *, check_text: bool = True) -> list[IntegrityProblem]:
    """All identity and reference problems of a register, in document order.

    ``check_text=False`` skips the scan for characters no backend stores alike, for
    callers that have cleaned every text themselves (the spreadsheet import does).
    """
    problems: list[IntegrityProblem] = text_problems(register) if check_text else []
    _duplicates(register, problems)
    for oi, org in enumerate(register.organisations):
        if not org.name.strip():
            problems.append(IntegrityProblem(f"$.organisations[{oi}].name", "name is empty"))
    for pi, proc in enumerate(register.processors):
        if not proc.name.strip():
            problems.append(IntegrityProblem(f"$.processors[{pi}].name", "name is empty"))
    processors = {p.uid: p.owner for p in register.processors}
    recipients = {r.uid: r.owner for r in register.recipients}
    toms = {t.uid: t.owner for t in register.toms}
    owner = ""  # the organisation whose records are being checked

    def check(pool: dict[str, str], uid: str, path: str, what: str) -> None:
        if uid not in pool:
            problems.append(IntegrityProblem(path, f"unknown {what} {uid!r}"))
        elif pool[uid] and owner and pool[uid] != owner:
            problems.append(
                IntegrityProblem(
                    path, f"{what} {uid!r} belongs to another organisation ({pool[uid]!r})"
                )
            )

    def links(items: list[ProcessorLink], path: str) -> None:
        for i, link in enumerate(items):
            check(processors, link.processor, f"{path}[{i}].processor", "processor")

    def transfers(items: list[Transfer], path: str) -> None:
        for i, t in enumerate(items):
            if t.processor is not None:
                check(processors, t.processor, f"{path}[{i}].processor", "processor")

    def tom_links(items: list[str], path: str) -> None:
        for i, uid in enumerate(items):
            check(toms, uid, f"{path}[{i}]", "TOM")

    for oi, org in enumerate(register.organisations):
        owner = org.uid
        for ai, act in enumerate(org.activities):
            base = f"$.organisations[{oi}].activities[{ai}]"
            links(act.processors, f"{base}.processors")
            transfers(act.transfers, f"{base}.transfers")
            tom_links(act.toms, f"{base}.toms")
            for ri, uid in enumerate(act.recipients):
                check(recipients, uid, f"{base}.recipients[{ri}]", "recipient")
        for si, svc in enumerate(org.services):
            base = f"$.organisations[{oi}].services[{si}]"
            links(svc.subprocessors, f"{base}.subprocessors")
            transfers(svc.transfers, f"{base}.transfers")
            tom_links(svc.toms, f"{base}.toms")
    for pi, proc in enumerate(register.processors):
        owner = proc.owner
        for si, sub in enumerate(proc.subprocessors):
            path = f"$.processors[{pi}].subprocessors[{si}].processor"
            if sub.processor == proc.uid:
                problems.append(
                    IntegrityProblem(path, "a processor cannot be its own subprocessor")
                )
            else:
                check(processors, sub.processor, path, "processor")
    _versions(register, problems)
    return problems


def _versions(register: Register, problems: list[IntegrityProblem]) -> None:
    """Frozen versions belong to an organisation of the document, one per number."""
    known = {o.uid for o in register.organisations}
    seen: set[tuple[str, int]] = set()
    for vi, v in enumerate(register.versions):
        path = f"$.versions[{vi}]"
        if v.organisation not in known:
            problems.append(
                IntegrityProblem(f"{path}.organisation", f"unknown organisation {v.organisation!r}")
            )
        if v.number < 1:
            problems.append(IntegrityProblem(f"{path}.number", "the number must be 1 or more"))
        if (v.organisation, v.number) in seen:
            problems.append(IntegrityProblem(f"{path}.number", f"version {v.number} occurs twice"))
        seen.add((v.organisation, v.number))


def _duplicates(register: Register, problems: list[IntegrityProblem]) -> None:
    groups: list[tuple[str, list[str]]] = [
        ("$.organisations", [o.uid for o in register.organisations]),
        ("$.processors", [p.uid for p in register.processors]),
        ("$.recipients", [r.uid for r in register.recipients]),
        ("$.toms", [t.uid for t in register.toms]),
    ]
    entries = [
        (f"$.organisations[{oi}].activities", a.uid)
        for oi, o in enumerate(register.organisations)
        for a in o.activities
    ] + [
        (f"$.organisations[{oi}].services", s.uid)
        for oi, o in enumerate(register.organisations)
        for s in o.services
    ]
    groups.append(("activities and services", [uid for _, uid in entries]))
    for path, uids in groups:
        for uid, count in Counter(uids).items():
            if count > 1:
                problems.append(IntegrityProblem(path, f"uid {uid!r} occurs {count} times"))
    # The history is kept by uid, so one uid must not name two records of different kinds.
    kinds: dict[str, str] = {}
    for path, uids in groups:
        for uid in set(uids):
            if uid in kinds and kinds[uid] != path:
                problems.append(IntegrityProblem(path, f"uid {uid!r} is also used in {kinds[uid]}"))
            kinds.setdefault(uid, path)
    names = Counter(o.name for o in register.organisations)
    for name, count in names.items():
        if count > 1:
            problems.append(
                IntegrityProblem(
                    "$.organisations", f"organisation name {name!r} occurs {count} times"
                )
            )


def text_problems(obj: Any) -> list[IntegrityProblem]:
    """Characters no backend can store alike in any text of a domain object."""
    problems: list[IntegrityProblem] = []
    if not _all_text_storable(obj):  # the fast pass; paths are worked out only when needed
        _bad_characters(to_dict(obj), "$", problems)
    return problems


def _all_text_storable(obj: Any) -> bool:
    stack = [obj]
    fields_of = _FIELD_NAMES
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            if "\x00" in item or (not item.isascii() and _SURROGATE.search(item)):
                return False
        elif kind is list:
            stack.extend(item)
        elif kind in fields_of:
            stack.extend(getattr(item, name) for name in fields_of[kind])
        elif dataclasses.is_dataclass(kind):
            fields_of[kind] = tuple(f.name for f in dataclasses.fields(kind))
            stack.append(item)
    return True


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _bad_characters(data: Any, path: str, problems: list[IntegrityProblem]) -> None:
    """NUL cannot be stored by PostgreSQL and lone surrogates by any UTF-8 database."""
    if isinstance(data, str):
        if "\x00" in data:
            problems.append(IntegrityProblem(path, "text contains a NUL character (U+0000)"))
        elif _SURROGATE.search(data):
            problems.append(
                IntegrityProblem(path, "text contains an unpaired surrogate (invalid Unicode)")
            )
    elif isinstance(data, dict):
        for key, value in data.items():
            _bad_characters(value, f"{path}.{key}", problems)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _bad_characters(value, f"{path}[{i}]", problems)


_SURROGATE = re.compile("[\ud800-\udfff]")
