"""Reading a returned questionnaire: recognising it, checking its identifiers, and turning
the answer cells back into item values.

A workbook is refused as a whole (:class:`SurveyError`, one message naming the file) when it
is no questionnaire, when its identifiers were changed (the signature does not fit) or when
it was sent from another database. Single answers that cannot be read (a number that is no
number, a unit not in the list) are reported per cell and not taken over.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.io.sheets.reader import read_workbook
from ropa_desktop.io.sheets.types import Sheet, column_letter
from ropa_desktop.io.survey import identifiers as ids
from ropa_desktop.io.survey.fields import COMMENT, CONFIRM, ITEM_BY_KEY, NEW_PREFIX, Value

MSG_NOT_SURVEY = Text(
    de="{file} ist kein Fragebogen von ropa-desktop (die verborgenen Kennungen fehlen oder "
    "sind unlesbar).",
    en="{file} is not a ropa-desktop questionnaire (the hidden identifiers are missing or "
    "unreadable).",
)
MSG_TAMPERED = Text(
    de="Die verborgenen Kennungen in {file} wurden verändert (die Signatur passt nicht); "
    "der Fragebogen wird nicht übernommen.",
    en="The hidden identifiers in {file} were changed (the signature does not fit); the "
    "questionnaire is not taken over.",
)
MSG_FOREIGN = Text(
    de="{file} wurde aus einer anderen Datenbank versandt (Kennung {uid}), nicht aus dieser; "
    "der Fragebogen wird nicht übernommen.",
    en="{file} was sent from another database (id {uid}), not from this one; the "
    "questionnaire is not taken over.",
)
MSG_NEWER = Text(
    de="{file} ist ein Fragebogen im Format {version}, das diese Programmversion nicht kennt.",
    en="{file} is a questionnaire in format {version}, which this version does not know.",
)
MSG_SHEET_MISSING = Text(
    de="{file}: das Blatt „{sheet}“ fehlt (umbenannt oder gelöscht?).",
    en="{file}: the sheet “{sheet}” is missing (renamed or deleted?).",
)
MSG_NOT_NUMBER = Text(
    de="Blatt „{sheet}“, Zelle {cell}: „{value}“ ist keine ganze Zahl.",
    en="Sheet “{sheet}”, cell {cell}: “{value}” is not a whole number.",
)
MSG_NOT_IN_LIST = Text(
    de="Blatt „{sheet}“, Zelle {cell}: „{value}“ steht nicht in der Auswahlliste.",
    en="Sheet “{sheet}”, cell {cell}: “{value}” is not in the drop-down list.",
)

MSG_NO_NAME = Text(
    de="Blatt „{sheet}“, Zelle {cell}: der Name fehlt.",
    en="Sheet “{sheet}”, cell {cell}: the name is missing.",
)


class SurveyError(LocalizedError):
    """A returned questionnaire that is refused as a whole; nothing was changed."""


@dataclass(slots=True)
class AnswerSheet:
    """The answers of one sheet: a known activity (``uid``) or a blank one (``uid`` "")."""

    sheet: str
    uid: str
    version: int
    sent: dict[str, Value] = field(default_factory=dict)
    answers: dict[str, Value] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)
    """Per item key: cells that could not be read (the item is not taken over)."""
    confirmed: bool | None = None
    comment: str = ""

    @property
    def is_blank(self) -> bool:
        """A sheet for a new activity that the department left empty."""
        return (
            not self.uid
            and not self.comment
            and not any(v for v in self.answers.values())
            and not self.problems
        )


@dataclass(slots=True)
class Returned:
    """A returned questionnaire as read and checked."""

    path: Path
    database: str
    organisation_uid: str
    organisation_name: str
    department: str
    sent_on: str
    sheets: list[AnswerSheet]
    names: dict[str, str] = field(default_factory=dict)
    """The labels of the catalogue entries sent in the drop-downs, by uid."""


def _parse_ids(sheet: Sheet, path: Path) -> list[list[Any]]:
    out: list[list[Any]] = []
    for row in sheet.rows:
        text = "".join(str(c) for c in row if c is not None)
        if not text:
            continue
        try:
            value = json.loads(text)
        except ValueError:
            raise SurveyError(MSG_NOT_SURVEY, file=path.name) from None
        if not isinstance(value, list) or not value or not isinstance(value[0], str):
            raise SurveyError(MSG_NOT_SURVEY, file=path.name)
        out.append(value)
    return out


def _ref(ref: str) -> tuple[int, int, int, int]:
    """0-based (first row, first col, last row, last col) of "B7" or "A12:E16"."""

    def one(cell: str) -> tuple[int, int]:
        letters = "".join(ch for ch in cell if ch.isalpha())
        col = 0
        for ch in letters.upper():
            col = col * 26 + ord(ch) - 64
        return int(cell[len(letters) :]) - 1, col - 1

    first, _, last = ref.partition(":")
    r1, c1 = one(first)
    r2, c2 = one(last or first)
    return r1, c1, r2, c2


def _cell(sheet: Sheet, row: int, col: int) -> str:
    if row >= len(sheet.rows) or col >= len(sheet.rows[row]):
        return ""
    value = sheet.rows[row][col]
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() if not isinstance(value, str) else value.strip()


class _Lists:
    def __init__(self, entries: dict[str, list[list[str]]]) -> None:
        self.by_label = {
            name: {label.strip().casefold(): key for key, label in pairs}
            for name, pairs in entries.items()
        }
        self.keys = {name: {key for key, _ in pairs} for name, pairs in entries.items()}

    def key(self, name: str, text: str) -> str | None:
        if not text:
            return ""
        found = self.by_label.get(name, {}).get(text.casefold())
        if found is not None:
            return found
        return text if text in self.keys.get(name, set()) else None


def read_returned(
    path: Path, *, database_uid: str | None, secret: str | None, progress: Progress = SILENT
) -> Returned:
    """Read and check the questionnaire at ``path`` against this database's identity
    (``None`` when this database never sent one: every questionnaire is foreign)."""
    path = Path(path)
    workbook = read_workbook(path, progress=progress)
    sheets = {s.name: s for s in workbook.sheets}
    hidden = sheets.get(ids.IDS_SHEET)
    if hidden is None:
        raise SurveyError(MSG_NOT_SURVEY, file=path.name)
    rows = _parse_ids(hidden, path)
    if not rows or rows[0][0] != ids.FORMAT or rows[-1][0] != "signature" or len(rows) < 7:
        raise SurveyError(MSG_NOT_SURVEY, file=path.name)
    if rows[0][1:] != [ids.FORMAT_VERSION]:
        raise SurveyError(MSG_NEWER, file=path.name, version=rows[0][1:])
    head = {row[0]: row[1:] for row in rows[1:6]}
    try:
        database = str(head["database"][0])
        org_uid, org_name = str(head["organisation"][0]), str(head["organisation"][1])
        department = str(head["department"][0])
        sent_on = str(head["sent"][0])
        lists = _Lists(head["lists"][0])
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        raise SurveyError(MSG_NOT_SURVEY, file=path.name) from None
    if database_uid is None or database != database_uid:
        # a foreign database's secret is unknown: its signature cannot be checked here
        raise SurveyError(MSG_FOREIGN, file=path.name, uid=database)
    assert secret is not None
    body, given = rows[:-1], rows[-1][1:]
    if not given or not ids.signature_ok(secret, body, str(given[0])):
        raise SurveyError(MSG_TAMPERED, file=path.name)
    answers: list[AnswerSheet] = []
    by_name: dict[str, AnswerSheet] = {}
    for row in rows[6:-1]:
        if row[0] == "sheet":
            sheet = AnswerSheet(str(row[1]), str(row[2]), int(row[3]))
            answers.append(sheet)
            by_name[sheet.sheet] = sheet
        elif row[0] == "item":
            name, key, ref, sent = str(row[1]), str(row[2]), str(row[3]), row[4]
            target = by_name[name]
            found = sheets.get(name)
            if found is None:
                raise SurveyError(MSG_SHEET_MISSING, file=path.name, sheet=name)
            _read_item(found, target, key, ref, sent, lists)
    names = {
        str(key): str(label)
        for name in ("recipients", "processors", "toms")
        for key, label in head["lists"][0].get(name, [])
    }
    return Returned(path, database, org_uid, org_name, department, sent_on, answers, names)


def _read_item(
    sheet: Sheet, target: AnswerSheet, key: str, ref: str, sent: Value, lists: _Lists
) -> None:
    r1, c1, r2, c2 = _ref(ref)
    if key == CONFIRM.key:
        text = _cell(sheet, r1, c1)
        target.confirmed = {"yes": True, "no": False}.get(lists.key("yes_no", text) or "")
        return
    if key == COMMENT.key:
        target.comment = _cell(sheet, r1, c1)
        return
    item = ITEM_BY_KEY[key]
    target.sent[key] = sent
    if not item.is_table:
        target.answers[key] = _cell(sheet, r1, c1)
        return
    problems: list[str] = []
    value: list[Any] = []
    for r in range(r1, r2 + 1):
        cells = [_cell(sheet, r, c) for c in range(c1, c2 + 1)]
        if not any(cells):
            continue

        def where(offset: int, row: int = r) -> str:
            return f"{column_letter(c1 + offset)}{row + 1}"

        if key == "purposes":
            bases: list[str] = []
            for text in cells[1:-1]:
                if text:
                    bases.append(lists.key("legal_bases", text) or text)
            value.append([cells[0], cells[-1], *bases])
        elif key == "data_categories":
            name, special, source, duration, unit, start, words, notes = cells
            special_key = lists.key("special", special)
            unit_key = lists.key("units", unit)
            if special_key is None:
                problems.append(MSG_NOT_IN_LIST(sheet=sheet.name, cell=where(1), value=special))
            if unit_key is None:
                problems.append(MSG_NOT_IN_LIST(sheet=sheet.name, cell=where(4), value=unit))
            if duration and not duration.isdigit():
                problems.append(MSG_NOT_NUMBER(sheet=sheet.name, cell=where(3), value=duration))
            value.append(
                [name, special_key or "none", source, duration, unit_key or "", start, words, notes]
            )
        elif key in ("recipients", "processors"):
            name = cells[0]
            if not name:
                problems.append(MSG_NO_NAME(sheet=sheet.name, cell=where(0)))
            found = lists.key(key, name)
            entry = found if found else NEW_PREFIX + name
            value.append([entry, cells[1]] if key == "processors" else entry)
        elif key == "transfers":
            country, recipient, mechanism = cells
            code = lists.key("countries", country)
            if code is None:
                code = vocab.country_code(country)
            if country and not code:
                problems.append(MSG_NOT_IN_LIST(sheet=sheet.name, cell=where(0), value=country))
            value.append([code or "", recipient, lists.key("mechanisms", mechanism) or mechanism])
        elif key == "toms":
            uid = lists.key("toms", cells[0])
            if uid is None:
                problems.append(MSG_NOT_IN_LIST(sheet=sheet.name, cell=where(0), value=cells[0]))
            value.append(uid or "")
        else:
            value.append(cells[0])
    if problems:
        target.problems[key] = problems
    target.answers[key] = value
