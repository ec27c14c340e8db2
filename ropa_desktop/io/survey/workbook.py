"""Writing the questionnaire workbook of one department.

Layout (why: a colleague in a department is no data protection specialist and fills the
form once a year): a first sheet "Anleitung" says what to do and lists the activities;
then **one sheet per activity**, read from top to bottom like a paper form — each item
of Art. 30 in its own row with the answer cell (yellow, the only cells that can be
edited) and a plain-German explanation beside it, the lists (purposes, groups of people,
kinds of data, internal and external recipients, processors, third-country transfers,
TOMs) as small tables with spare rows. One row per activity
would put forty columns side by side and explanations out of sight. Blank sheets "Neu 1"
… take activities the department does that are not on the list yet.

Closed vocabularies are drop-down lists (legal bases, groups of people in use, special
categories, retention units, yes/no, the organisation's recipients, processors and TOMs,
countries, transfer mechanisms) that point to a hidden sheet "Listen"; sheets and the
workbook structure are protected (optionally with a password), so rows cannot be inserted
and the answer cells stay where the hidden identifiers (:mod:`.identifiers`) say they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import Text, language
from ropa_desktop.io.files import atomic_path
from ropa_desktop.io.survey import identifiers as ids
from ropa_desktop.io.survey.fields import (
    COMMENT,
    CONFIRM,
    ITEMS,
    Column,
    Item,
    Value,
    legal_basis_columns,
    values_of,
)

FREE_LISTS = ("data_subjects", "legal_bases", "recipients", "processors", "mechanisms")
"""Drop-down lists that also take a text of one's own (a warning, not a refusal)."""
SPARE_ROWS = 5
"""Empty rows under every table for entries the department adds."""
NEW_SHEETS = 3
"""Blank sheets for activities that are not on the list yet."""

ANSWER_FILL = PatternFill("solid", fgColor="FFF6C8")
HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)
NOTE = Font(italic=True, color="555555")
UNLOCKED = Protection(locked=False)

T_TITLE = Text(
    "Fragebogen zum Verzeichnis von Verarbeitungstätigkeiten",
    "Questionnaire for the record of processing activities",
)
T_GUIDE = Text("Anleitung", "Instructions")
T_NEW = Text("Neu", "New")
T_ACTIVITY = Text("Tätigkeit", "Activity")
T_NEW_ACTIVITY = Text(
    "Neue Tätigkeit — nur ausfüllen, wenn Ihr Fachbereich eine Tätigkeit ausübt, die noch "
    "nicht im Verzeichnis steht.",
    "New activity — fill in only if your department does something not yet in the record.",
)
T_HOWTO = Text(
    "Bitte prüfen Sie jede Angabe. Ändern oder ergänzen Sie nur die gelben Felder; alles "
    "andere ist geschützt. Eine Angabe, die nicht mehr zutrifft, löschen Sie einfach. "
    "Rechts neben jeder Angabe steht, was gemeint ist.",
    "Please check every item. Change or complete only the yellow cells; everything else is "
    "protected. Delete an item that no longer applies. Each item is explained beside it.",
)
T_GUIDE_LINES = (
    Text(
        "Dieser Fragebogen enthält die Verarbeitungstätigkeiten Ihres Fachbereichs, wie sie "
        "im Verzeichnis nach Art. 30 DSGVO stehen.",
        "This questionnaire holds your department's processing activities as they are "
        "recorded under Art. 30 GDPR.",
    ),
    Text(
        "1. Öffnen Sie nacheinander jedes Blatt einer Tätigkeit (unten die Reiter).",
        "1. Open the sheet of each activity in turn (tabs at the bottom).",
    ),
    Text(
        "2. Prüfen Sie die gelben Felder und ändern Sie, was nicht (mehr) stimmt.",
        "2. Check the yellow cells and change what is not (or no longer) right.",
    ),
    Text(
        "3. Wählen Sie am Ende jedes Blatts „ja“ bei „Angaben geprüft und vollständig“.",
        "3. At the end of each sheet choose “yes” for “Checked and complete”.",
    ),
    Text(
        "4. Tätigkeiten, die fehlen, tragen Sie auf den Blättern „Neu 1“ … ein.",
        "4. Enter missing activities on the sheets “New 1” ….",
    ),
    Text(
        "5. Speichern Sie die Datei (Excel oder LibreOffice, gleicher Dateityp) und senden "
        "Sie sie zurück. Bitte keine Blätter umbenennen oder Zeilen einfügen.",
        "5. Save the file (Excel or LibreOffice, same file type) and send it back. Please "
        "do not rename sheets or insert rows.",
    ),
)
T_CONTACT = Text("Rückfragen an", "Questions to")
T_SENT = Text("Versandt am", "Sent on")
T_ACTIVITIES = Text("Tätigkeiten in diesem Fragebogen", "Activities in this questionnaire")
T_NO_DEPARTMENT = Text("(ohne Fachbereich)", "(no department)")
T_HEADER = (
    Text("Angabe", "Item"),
    Text("Ihre Antwort", "Your answer"),
    Text("Erläuterung", "Explanation"),
)


def department_title(department: str, lang: str | None = None) -> str:
    """The department as shown to people ("(ohne Fachbereich)" for none)."""
    return department or T_NO_DEPARTMENT(lang or language())


@dataclass(slots=True)
class Lists:
    """The drop-down lists of a questionnaire: per list, (id, label) in order."""

    entries: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def label(self, name: str, value: str) -> str:
        """The label shown for ``value`` of list ``name`` (the value when unknown)."""
        return next((lbl for key, lbl in self.entries.get(name, []) if key == value), value)


def build_lists(org: m.Organisation, lang: str, catalogue: m.Register | None = None) -> Lists:
    """The lists for ``org``: every legal basis of the vocabularies and those in use, the
    groups of people in use, special categories, retention units, yes/no, the recipients,
    processors and TOMs of the organisation's ``catalogue`` (label ↔ uid), the countries
    (German names ↔ ISO codes, and any other code in use) and the transfer mechanisms."""
    bases: list[tuple[str, str]] = [
        (t.id, p.legal_basis_long(t.id, lang))
        for t in [*vocab.legal_bases(), *vocab.national_provisions()]
    ]
    known = {key for key, _ in bases}
    for act in org.activities:
        for pur in act.purposes:
            for ref in pur.legal_bases:
                if ref not in known:
                    known.add(ref)
                    bases.append((ref, p.legal_basis_long(ref, lang)))
    subjects = sorted({s for act in org.activities for s in act.data_subjects if s.strip()})
    special = [
        (m.SpecialCategory.NONE.value, p.NONE(lang)),
        *((s.value, p.SPECIAL[s](lang)) for s in (m.SpecialCategory.ART9, m.SpecialCategory.ART10)),
    ]
    units = [(u.value, p.unit_label(u, lang)) for u in m.RetentionUnit]
    cat = catalogue or m.Register()
    countries = sorted(
        ((str(t.attrs["alpha2"]), t.label(lang)) for t in vocab.countries()),
        key=lambda pair: pair[1].casefold(),
    )
    codes = {code for code, _ in countries}
    for act in org.activities:
        for t in act.transfers:
            if t.country and t.country not in codes:
                codes.add(t.country)
                countries.append((t.country, p.country(t.country, lang)))
    return Lists(
        {
            "legal_bases": bases,
            "data_subjects": [(s, s) for s in subjects],
            "special": special,
            "units": units,
            "yes_no": [("yes", p.YES(lang)), ("no", p.NO(lang))],
            "recipients": _names((r.uid, r.name) for r in cat.recipients),
            "processors": _names((x.uid, x.name) for x in cat.processors),
            "countries": countries,
            "mechanisms": [(t.id, t.label(lang)) for t in vocab.transfer_mechanisms()],
            "toms": _names((t.uid, t.title) for t in cat.toms),
        }
    )


def _names(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Catalogue entries (uid, name) sorted by name; a name that two entries share is told
    apart by a number, so every label leads back to one uid."""
    out: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for uid, name in sorted(pairs, key=lambda pair: pair[1].casefold()):
        label = name.strip() or "—"
        count = seen[label.casefold()] = seen.get(label.casefold(), 0) + 1
        out.append((uid, label if count == 1 else f"{label} ({count})"))
    return out


def _text(ws: Worksheet, row: int, col: int, value: Any, *, font: Font | None = None) -> Cell:
    """A cell with ``value``; text is always bound as text (never as a formula)."""
    cell = ws.cell(row=row, column=col)
    assert isinstance(cell, Cell)  # answer and label cells are never inside a merged range
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
    else:
        cell.value = value
    cell.alignment = WRAP
    if font is not None:
        cell.font = font
    return cell


def _answer(ws: Worksheet, row: int, col: int, value: Any, *, number: bool = False) -> None:
    cell = _text(ws, row, col, value if value != "" else None)
    cell.fill = ANSWER_FILL
    cell.protection = UNLOCKED
    if not number:  # typed text stays text ("02561 100" keeps its 0, "1-2" is no date)
        cell.number_format = "@"


def _height(text: str, width: int) -> float:
    lines = sum(max(1, -(-len(part) // max(width, 1))) for part in text.split("\n"))
    return float(max(15, 15 * lines))


_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")


def sheet_names(acts: list[m.Activity], lang: str) -> list[str]:
    """A unique, valid sheet name per activity (reference and name, at most 31 chars)."""
    out: list[str] = []
    used = {T_GUIDE(lang).lower(), ids.IDS_SHEET.lower(), ids.LISTS_SHEET.lower()}
    used |= {f"{T_NEW(lang)} {i}".lower() for i in range(1, NEW_SHEETS + 1)}
    for number, act in enumerate(acts, 1):
        base = _FORBIDDEN.sub(" ", f"{act.reference} {act.name}".strip()).strip()
        base = " ".join(base.split())[:31].strip() or f"{T_ACTIVITY(lang)} {number}"
        name, n = base, 1
        while name.lower() in used:
            n += 1
            suffix = f" ({n})"
            name = base[: 31 - len(suffix)] + suffix
        used.add(name.lower())
        out.append(name)
    return out


@dataclass(slots=True)
class _Context:
    lists: Lists
    lang: str
    list_ranges: dict[str, str]
    rows: list[list[Any]]
    """The identifier rows written so far."""
    validations: dict[tuple[str, str], DataValidation] = field(default_factory=dict)


class QuestionnaireWriter:
    """Builds the questionnaire workbook of one department of one organisation."""

    def __init__(
        self,
        org: m.Organisation,
        department: str,
        *,
        database_uid: str,
        secret: str,
        password: str = "",
        sent: date | None = None,
        catalogue: m.Register | None = None,
    ) -> None:
        self.org = org
        self.catalogue = catalogue
        self.department = department
        self.database_uid = database_uid
        self.secret = secret
        self.password = password
        self.sent = sent or date.today()
        self.lang = language()
        self.activities = [a for a in org.activities if a.department.strip() == department]

    def write(self, target: Path) -> None:
        """Write the workbook to ``target`` (atomically)."""
        lang = self.lang
        lists = build_lists(self.org, lang, self.catalogue)
        wb = Workbook()
        guide = wb.active
        assert guide is not None
        guide.title = T_GUIDE(lang)
        list_ws = wb.create_sheet(ids.LISTS_SHEET)
        ctx = _Context(lists, lang, self._write_lists(list_ws, lists), [])
        ctx.rows += [
            [ids.FORMAT, ids.FORMAT_VERSION],
            ["database", self.database_uid],
            ["organisation", self.org.uid, self.org.name],
            ["department", self.department],
            ["sent", self.sent.isoformat()],
            ["lists", lists.entries],
        ]
        names = sheet_names(self.activities, lang)
        for act, name in zip(self.activities, names, strict=True):
            ws = wb.create_sheet(name)
            ctx.rows.append(["sheet", name, act.uid, act.version])
            self._write_activity(ws, ctx, act)
        new_names = [f"{T_NEW(lang)} {i}" for i in range(1, NEW_SHEETS + 1)]
        for name in new_names:
            ws = wb.create_sheet(name)
            ctx.rows.append(["sheet", name, "", 0])
            self._write_activity(ws, ctx, None)
        self._write_guide(guide, names, new_names)
        ids_ws = wb.create_sheet(ids.IDS_SHEET)
        signed = [*ctx.rows, ["signature", ids.signature(self.secret, ctx.rows)]]
        for r, row in enumerate(signed, 1):
            for c, chunk in enumerate(ids.encode(row), 1):
                _text(ids_ws, r, c, chunk)
        ids_ws.sheet_state = "veryHidden"
        list_ws.sheet_state = "hidden"
        for ws in wb.worksheets:
            ws.protection.sheet = True
            if self.password:
                ws.protection.password = self.password
        wb.security = WorkbookProtection(lockStructure=True)
        if self.password:
            wb.security.workbookPassword = self.password
        with atomic_path(target) as tmp:
            wb.save(tmp)

    def _write_lists(self, ws: Worksheet, lists: Lists) -> dict[str, str]:
        ranges: dict[str, str] = {}
        for col, (name, entries) in enumerate(lists.entries.items(), 1):
            letter = get_column_letter(col)
            for row, (_key, label) in enumerate(entries, 1):
                _text(ws, row, col, label)
            if entries:
                ranges[name] = f"{ids.LISTS_SHEET}!${letter}$1:${letter}${len(entries)}"
        return ranges

    def _write_guide(self, ws: Worksheet, names: list[str], new_names: list[str]) -> None:
        lang = self.lang
        ws.column_dimensions["A"].width = 110
        _text(ws, 1, 1, T_TITLE(lang), font=Font(bold=True, size=14))
        _text(ws, 2, 1, f"{self.org.name} — {department_title(self.department, lang)}", font=BOLD)
        _text(ws, 3, 1, f"{T_SENT(lang)}: {p.format_date(self.sent, lang)}")
        row = 5
        for line in T_GUIDE_LINES:
            _text(ws, row, 1, line(lang))
            ws.row_dimensions[row].height = _height(line(lang), 110)
            row += 1
        dpo = self.org.dpo
        if not dpo.is_empty():
            row += 1
            details = ", ".join(x for x in (dpo.name, dpo.phone, dpo.email) if x)
            _text(ws, row, 1, f"{T_CONTACT(lang)}: {details}")
            row += 1
        row += 1
        _text(ws, row, 1, T_ACTIVITIES(lang), font=BOLD)
        for name in [*names, *new_names]:
            row += 1
            _text(ws, row, 1, name)

    def _validation(self, ws: Worksheet, ctx: _Context, name: str, ref: str) -> None:
        key = (ws.title, name)
        dv = ctx.validations.get(key)
        if dv is None:
            if name == "number":
                dv = DataValidation(
                    type="whole",
                    operator="between",
                    formula1="0",
                    formula2="9999",
                    allow_blank=True,
                    showErrorMessage=True,
                )
            elif name in ctx.list_ranges:
                dv = DataValidation(
                    type="list",
                    formula1=ctx.list_ranges[name],
                    allow_blank=True,
                    showErrorMessage=True,
                    # groups of people, legal bases, catalogue names and safeguards may be
                    # written freely (a new name is a proposal for the DPO)
                    errorStyle="warning" if name in FREE_LISTS else "stop",
                )
            else:
                return
            ctx.validations[key] = dv
            ws.add_data_validation(dv)
        dv.add(ref)

    def _write_activity(self, ws: Worksheet, ctx: _Context, act: m.Activity | None) -> None:
        lang = ctx.lang
        values: dict[str, Value] = values_of(act) if act is not None else {}
        widths = {"A": 34, "B": 46, "C": 46}
        for letter, width in widths.items():
            ws.column_dimensions[letter].width = width
        for col in range(4, 12):
            ws.column_dimensions[get_column_letter(col)].width = 22
        _text(ws, 1, 1, T_TITLE(lang), font=Font(bold=True, size=13))
        _text(ws, 2, 1, f"{self.org.name} — {department_title(self.department, lang)}")
        if act is not None:
            _text(ws, 3, 1, f"{act.reference} {act.name}".strip(), font=Font(bold=True, size=12))
        else:
            _text(ws, 3, 1, T_NEW_ACTIVITY(lang), font=BOLD)
        ws.merge_cells("A4:C4")
        _text(ws, 4, 1, T_HOWTO(lang), font=NOTE)
        ws.row_dimensions[4].height = 45
        row = 6
        for col, head in enumerate(T_HEADER, 1):
            _text(ws, row, col, head(lang), font=BOLD).fill = HEAD_FILL
        title = ws.title
        for item in ITEMS:
            if item.is_table:
                continue
            row += 1
            self._label_row(ws, row, item, lang)
            _answer(ws, row, 2, values.get(item.key, ""))
            ws.row_dimensions[row].height = (
                60 if item.key == "description" else _height(item.explanation(lang), 46)
            )
            ctx.rows.append(["item", title, item.key, f"B{row}", values.get(item.key, "")])
        for item in ITEMS:
            if item.is_table:
                row = self._write_table(ws, ctx, act, item, values.get(item.key, []), row + 2)
        for item in (CONFIRM, COMMENT):
            row += 2 if item is CONFIRM else 1
            self._label_row(ws, row, item, lang)
            _answer(ws, row, 2, "")
            if item is CONFIRM:
                self._validation(ws, ctx, "yes_no", f"B{row}")
            ws.row_dimensions[row].height = 60 if item is COMMENT else 30
            ctx.rows.append(["item", title, item.key, f"B{row}", ""])
        ws.freeze_panes = "A7"

    def _label_row(self, ws: Worksheet, row: int, item: Item, lang: str) -> None:
        _text(ws, row, 1, item.label(lang), font=BOLD)
        _text(ws, row, 3, item.explanation(lang), font=NOTE)

    def _write_table(
        self,
        ws: Worksheet,
        ctx: _Context,
        act: m.Activity | None,
        item: Item,
        value: list[Any],
        row: int,
    ) -> int:
        lang = ctx.lang
        columns = list(item.columns)
        legal = legal_basis_columns(act) if act is not None else 3
        if item.key == "purposes" and legal > 3:
            extra = [
                Column(
                    f"legal_basis_{i}",
                    Text(f"Rechtsgrundlage {i}", f"Legal basis {i}"),
                    "legal_bases",
                    30,
                )
                for i in range(4, legal + 1)
            ]
            columns = [*columns[:4], *extra, columns[-1]]
        last = get_column_letter(max(len(columns), 3))
        _text(ws, row, 1, item.label(lang), font=BOLD)
        row += 1
        ws.merge_cells(f"A{row}:{last}{row}")
        _text(ws, row, 1, item.explanation(lang), font=NOTE)
        ws.row_dimensions[row].height = _height(item.explanation(lang), 120)
        row += 1
        for col, column in enumerate(columns, 1):
            _text(ws, row, col, column.label(lang), font=BOLD).fill = HEAD_FILL
        first = row + 1
        cells = [self._cells(item.key, entry, len(columns), ctx.lists) for entry in value]
        spare = SPARE_ROWS
        if item.key == "toms":  # room to tick every measure of the catalogue
            spare = max(SPARE_ROWS, len(ctx.lists.entries.get("toms", [])) - len(cells))
        count = len(cells) + spare
        for i in range(count):
            r = first + i
            entry: list[Any] = cells[i] if i < len(cells) else [""] * len(columns)
            for col, text in enumerate(entry, 1):
                _answer(ws, r, col, text, number=columns[col - 1].vocabulary == "number")
        end = first + count - 1
        for col, column in enumerate(columns, 1):
            if column.vocabulary:
                letter = get_column_letter(col)
                self._validation(ws, ctx, column.vocabulary, f"{letter}{first}:{letter}{end}")
        ref = f"A{first}:{get_column_letter(len(columns))}{end}"
        ctx.rows.append(["item", ws.title, item.key, ref, value])
        return end

    @staticmethod
    def _cells(key: str, entry: Any, width: int, lists: Lists) -> list[Any]:
        """The cell texts of one table row (labels for vocabulary ids)."""
        if key == "purposes":
            text, interest, *bases = entry
            labels = [lists.label("legal_bases", b) for b in bases]
            return [text, *(labels + [""] * width)[: width - 2], interest]
        if key == "data_categories":
            name, special, source, duration, unit, start, words, notes = entry
            return [
                name,
                lists.label("special", special),
                source,
                int(duration) if duration.isdigit() else duration,
                lists.label("units", unit) if unit else "",
                start,
                words,
                notes,
            ]
        if key == "processors":
            uid, service = entry
            return [lists.label("processors", uid), service]
        if key == "transfers":
            country, recipient, mechanism = entry
            return [
                lists.label("countries", country),
                recipient,
                lists.label("mechanisms", mechanism),
            ]
        if key in ("recipients", "toms"):
            return [lists.label(key, entry)]
        return [entry]


def write_questionnaire(
    org: m.Organisation,
    department: str,
    target: Path,
    *,
    database_uid: str,
    secret: str,
    password: str = "",
    sent: date | None = None,
    catalogue: m.Register | None = None,
) -> int:
    """Write the questionnaire of ``department`` of ``org`` to ``target`` (the drop-downs of
    recipients, processors and TOMs from ``catalogue``); returns the number of activities
    in it."""
    writer = QuestionnaireWriter(
        org,
        department,
        database_uid=database_uid,
        secret=secret,
        password=password,
        sent=sent,
        catalogue=catalogue,
    )
    writer.write(target)
    return len(writer.activities)
