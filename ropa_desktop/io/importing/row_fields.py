"""The cells of one mapped row and the fillers that need nothing but them.

:class:`RowCells` holds a row's mapped cells (their stripped texts looked up in one dict,
asked for dozens of times per row), the notes the row's activity collects and its report
lines; the functions fill dates, status, DPIA and the legal bases shared by all purposes,
and tell statements of "none" and the import's copies of shared parser results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from ropa_desktop.domain import model as m
from ropa_desktop.domain import parsing
from ropa_desktop.domain import presentation as pres
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.importing.cell_text import (
    EMPTY,
    Cell,
    dpia_result,
    numbered,
    parse_bases,
    parse_countries,
    parse_day,
    short,
)
from ropa_desktop.io.importing.report import MSG, Note, RowResult, Status
from ropa_desktop.io.name_matching import WrittenAddress

_NO_TEXTS = dict.fromkeys(Target, "")


@dataclass
class RowCells:
    """The mapped cells of one row, with the notes and report lines its fillers add to."""

    values: dict[Target, Cell]
    notes: list[str]
    result: RowResult
    get: Callable[[Target], str] = field(init=False)
    """The stripped text of a target's cell, "" when the row has none."""

    def __post_init__(self) -> None:
        texts = dict(_NO_TEXTS)
        for target, cell in self.values.items():
            texts[target] = cell.text.strip()
        self.get = texts.__getitem__

    def ref(self, target: Target) -> str:
        """The cell reference of ``target``'s cell ("" when the row has none)."""
        return self.values.get(target, EMPTY).ref

    def header(self, target: Target) -> str:
        """The column header of ``target``'s cell (the target's name when it has none)."""
        return self.values.get(target, EMPTY).header or str(target)


def own_numbers_purposes(row: RowCells) -> bool:
    """Whether our own export numbered this row's purposes: it does for several purposes
    only, so their cell has several lines or the legal bases or interests are numbered."""
    lines = [x for x in row.get(Target.PURPOSES).splitlines() if x.strip()]
    return (
        len(lines) > 1
        or numbered(row.get(Target.LEGAL_BASES)) is not None
        or numbered(row.get(Target.LEGITIMATE_INTEREST)) is not None
    )


def shared_bases(
    row: RowCells, own_bases: list[list[str]], numbered_purposes: dict[int, str] | None
) -> list[str]:
    """The legal bases of the legal-basis and Art. 9 cells that apply to every purpose;
    numbered lines go to their purpose in ``own_bases`` instead."""
    get, notes = row.get, row.notes
    bases_cell = get(Target.LEGAL_BASES)
    numbered_bases = numbered(bases_cell) if numbered_purposes else None
    shared: list[str] = []
    if bases_cell:
        lines = (
            list(numbered_bases.values())
            if numbered_bases
            else [line for line in bases_cell.splitlines() if line.strip()]
        )
        parsed_lines = [parse_bases(line) for line in lines]
        leftovers = [x.rest for x in parsed_lines if x.rest]
        if leftovers:
            notes.append(f"{row.header(Target.LEGAL_BASES)}: {bases_cell}")
            row.result.notes.append(
                Note(
                    Status.WARNING,
                    row.ref(Target.LEGAL_BASES),
                    MSG["leftover"](text=short("; ".join(leftovers), 60)),
                )
            )
        if numbered_bases:
            for number, parsed in zip(numbered_bases, parsed_lines, strict=True):
                if 1 <= number <= len(own_bases):
                    own_bases[number - 1] += parsed.ids + parsed.provisions
        else:
            shared = [b for x in parsed_lines for b in x.ids + x.provisions]
    art9 = (
        parsing.parse_legal_bases(get(Target.ART9_CONDITION), article="9")
        if get(Target.ART9_CONDITION)
        else None
    )
    if art9 is not None:
        shared += art9.ids + art9.provisions
        if art9.rest:
            notes.append(f"{row.header(Target.ART9_CONDITION)}: {get(Target.ART9_CONDITION)}")
    return shared


def legitimate_interest(
    act: m.Activity, row: RowCells, numbered_purposes: dict[int, str] | None
) -> None:
    """The legitimate interest: by number, else on the purposes relying on Art. 6(1)(f)
    (or the first purpose)."""
    interest = row.get(Target.LEGITIMATE_INTEREST)
    numbered_interest = numbered(interest) if numbered_purposes else None
    if interest and act.purposes and numbered_interest:
        for number, line in numbered_interest.items():
            if 1 <= number <= len(act.purposes):
                act.purposes[number - 1].legitimate_interest = line
    elif interest and act.purposes:
        chosen = [x for x in act.purposes if "art6-1-f" in x.legal_bases] or [act.purposes[0]]
        for purpose in chosen:
            purpose.legitimate_interest = interest


def fill_dates(act: m.Activity, row: RowCells) -> None:
    """Created, changed, last and next review."""
    for target, attr, timestamp in (
        (Target.CREATED, "created", True),
        (Target.CHANGED, "changed", True),
        (Target.LAST_REVIEWED, "last_reviewed", False),
        (Target.NEXT_REVIEW, "next_review", False),
    ):
        text = row.get(target)
        if not text:
            continue
        day = parse_day(text)
        if day is None:
            row.notes.append(f"{row.header(target)}: {text}")
            row.result.notes.append(
                Note(Status.WARNING, row.ref(target), MSG["bad_date"](text=short(text, 40)))
            )
        else:
            setattr(act, attr, datetime.combine(day, time(), UTC) if timestamp else day)


def fill_status(act: m.Activity, row: RowCells) -> None:
    """The activity's status from its cell; an unknown word goes to the notes, reported."""
    status = row.get(Target.STATUS)
    if status:
        parsed_status = parsing.parse_status(status)
        if parsed_status is None:
            row.notes.append(f"{row.header(Target.STATUS)}: {status}")
            row.result.notes.append(
                Note(
                    Status.WARNING,
                    row.ref(Target.STATUS),
                    MSG["bad_status"](text=short(status, 40)),
                )
            )
        else:
            act.status = parsed_status


def fill_dpia(act: m.Activity, row: RowCells) -> None:
    """The DPIA result from its cell; longer or unknown text is kept as the DPIA's notes."""
    dpia = row.get(Target.DPIA)
    if dpia:
        act.dpia.result = dpia_result(dpia) or m.DpiaResult.NOT_ASSESSED
        if dpia_result(dpia) is None or len(dpia) > 40:
            act.dpia.notes = dpia


_NO_TRANSFER_TEXTS = frozenset(
    " ".join(pres.NO_TRANSFER_STATED(lang).casefold().split()) for lang in ("de", "en")
)


def says_no_transfer(cell: str) -> bool:
    """True when the third-country cell states that no transfer takes place: our export's
    statement, or only words for "none" ("keine", "findet nicht statt" …)."""
    folded = " ".join(cell.casefold().split())
    if not folded:
        return False
    if folded in _NO_TRANSFER_TEXTS:
        return True
    codes, explicit_none, rest = parse_countries(cell)
    return explicit_none and not codes and not rest.strip()


def copy_retention(rule: m.Retention) -> m.Retention:
    """A retention rule of its own for one category (the parser's rules are shared)."""
    return m.Retention(duration=rule.duration, unit=rule.unit, start=rule.start, text=rule.text)


def set_address(entry: m.Processor | m.Recipient, written: WrittenAddress) -> None:
    """Keep the address written beside a new processor's or recipient's name in the entry."""
    country = parsing.parse_country(written.country) or written.country if written.country else ""
    if isinstance(entry, m.Processor):
        entry.street = written.street
        entry.postcode = written.postcode
        entry.city = written.city
        entry.country = country
    else:
        entry.country = country
        entry.notes = written.text
