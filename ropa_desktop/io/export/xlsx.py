"""The register as an Excel workbook in the layout of the DSK model template.

:func:`export_xlsx` writes one organisation's register — the controller register
of Art. 30(1) GDPR or the processor register of Art. 30(2) — with the sheets and
columns of :mod:`ropa_desktop.io.export.xlsx_layout`. The workbook is meant both for the
supervisory authority (bold frozen headers, filters, wrapped text, real dates,
A4 landscape print setup) and for the spreadsheet import, which reads it back.

Every text is written as a text cell, never as a formula, whatever it begins
with; characters a workbook cannot hold are replaced visibly and texts beyond
Excel's cell limit are cut with a note saying so. The rows come from
:func:`workbook_content`, which the benchmark also uses for its baseline.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.worksheet import Worksheet

from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import (
    Activity,
    Contact,
    Organisation,
    ProcessingService,
    Processor,
    Recipient,
    Register,
    SpecialCategory,
    Tom,
    Transfer,
)
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.io.export import xlsx_layout as L
from ropa_desktop.io.export.common import checked_organisation
from ropa_desktop.io.files import atomic_path

EXCEL_CELL_LIMIT = 32_767
"""Excel stores at most this many characters (UTF-16 code units) in a cell."""

Value = str | int | date | datetime | None
Row = list[Value]



MSG_PROGRESS = Text(de="Excel: {sheet}", en="Excel: {sheet}")

TRUNCATED = Text(de="… [gekürzt: {n} Zeichen; vollständig in der Datenbank]",
                 en="… [truncated: {n} characters; complete in the database]")
TITLE = {
    "controller": Text("Verzeichnis von Verarbeitungstätigkeiten des Verantwortlichen "
                       "(Art. 30 Abs. 1 DSGVO)",
                       "Record of processing activities of the controller (Art. 30(1) GDPR)"),
    "processor": Text("Verzeichnis aller Kategorien von Verarbeitungstätigkeiten des "
                      "Auftragsverarbeiters (Art. 30 Abs. 2 DSGVO)",
                      "Record of all categories of processing activities of the processor "
                      "(Art. 30(2) GDPR)"),
}
SHORT_TITLE = Text("Verzeichnis von Verarbeitungstätigkeiten", "Record of processing activities")
ROLE = {
    "controller": Text("Verantwortlicher (Art. 30 Abs. 1 DSGVO)", "Controller (Art. 30(1) GDPR)"),
    "processor": Text("Auftragsverarbeiter (Art. 30 Abs. 2 DSGVO)", "Processor (Art. 30(2) GDPR)"),
}
STAND = Text("Stand: {date}", "As of: {date}")
PAGE = Text("Seite &P von &N", "Page &P of &N")
VERSION = Text("Version: {version}", "Version: {version}")
CONTACT_LABEL = Text("Kontakt", "Contact")
ARRANGEMENT_LABEL = Text("Vereinbarung", "Arrangement")
DATE_FORMAT = {"de": "DD.MM.YYYY", "en": "YYYY-MM-DD"}

# Characters XML 1.0 (and so a workbook) cannot hold: C0 controls other than tab, line
# feed and carriage return, lone surrogates, and the two non-characters U+FFFE/U+FFFF.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A spreadsheet would take text starting with one of these for a formula when edited.
_FORMULA_START = frozenset("=+-@\t\r")
_CHARS_PER_WIDTH = 1.0  # characters of running text per unit of column width (Calibri 11)
_LINE_HEIGHT = 15  # points per line of Calibri 11
_MAX_ROW_HEIGHT = 409  # Excel's limit, in points


# ---------------------------------------------------------------------------- content


@dataclass(slots=True)
class SheetContent:
    """One sheet's rows, in blocks: one block per activity, service or catalogue entry.

    ``count`` is the number of blocks (the sheet's share of the progress);
    ``blocks`` may be a generator and is consumed once.
    """

    layout: L.SheetLayout
    count: int
    blocks: Iterable[list[Row]]


def _excel_datetime(value: datetime) -> datetime:
    """Excel has no time zones: the register's UTC times are written as they are in UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _lines(items: Iterable[str]) -> str:
    return "\n".join(item for item in items if item)


def _entry_label(reference: str, name: str) -> str:
    return f"{reference} – {name}" if reference else name


class _Context:
    """What the row builders need: language, the organisation and its catalogue entries."""

    def __init__(self, register: Register, org: Organisation, kind: str, lang: str) -> None:
        self.lang = lang
        self.org = org
        self.kind = kind
        self.processors = register.processors_by_uid()
        self.recipients = register.recipients_by_uid()
        self.toms = register.toms_by_uid()
        self.entries: Sequence[Activity | ProcessingService] = (
            org.activities if kind == "controller" else org.services)
        self._legal: dict[str, str] = {}

    def legal_basis(self, ref: str) -> str:
        text = self._legal.get(ref)
        if text is None:
            text = self._legal[ref] = p.legal_basis(ref, self.lang)
        return text

    def processor_name(self, uid: str | None) -> str:
        if not uid:
            return ""
        proc = self.processors.get(uid)
        return proc.name if proc is not None else uid

    def processor_link(self, uid: str, service: str) -> str:
        name = self.processor_name(uid)
        return f"{name} – {service}" if service else name

    def recipient(self, uid: str) -> str:
        rec = self.recipients.get(uid)
        if rec is None:
            return uid
        return f"{rec.name} ({rec.category})" if rec.category and rec.category != rec.name \
            else rec.name

    def tom_titles(self, uids: list[str]) -> str:
        return _lines(self.toms[u].title if u in self.toms else u for u in uids)

    def transfers(self, transfers: list[Transfer]) -> str:
        return _lines(p.transfer(t, self.processors, self.lang) for t in transfers)


# --- main sheet


def _contact_values(prefix: str, c: Contact, lang: str) -> dict[str, Value]:
    return {f"{prefix}.name": c.name, f"{prefix}.organisation": c.organisation,
            f"{prefix}.street": c.street, f"{prefix}.postcode": c.postcode,
            f"{prefix}.city": c.city, f"{prefix}.country": p.country(c.country, lang),
            f"{prefix}.phone": c.phone, f"{prefix}.email": c.email,
            f"{prefix}.website": c.website}


def _main_rows(x: _Context, stand: date, version: str) -> list[Row]:
    org, lang = x.org, x.lang
    values: dict[str, Value] = {
        "title": TITLE[x.kind](lang),
        "stand": stand,
        "version": version,
        "role": ROLE[x.kind](lang),
        "entries": len(x.entries),
        "organisation.name": org.name,
        "organisation.kind": p.ORGANISATION_KIND[org.kind](lang),
        "organisation.land": p.land(org.land, lang),
        "organisation.street": org.street,
        "organisation.postcode": org.postcode,
        "organisation.city": org.city,
        "organisation.country": p.country(org.country, lang),
        "organisation.phone": org.phone,
        "organisation.email": org.email,
        "organisation.website": org.website,
        "organisation.management": org.management,
        "organisation.is_controller": p.yes_no(org.is_controller, lang),
        "organisation.is_processor": p.yes_no(org.is_processor, lang),
        "organisation.notes": org.notes,
        **_contact_values("representative", org.representative, lang),
        **_contact_values("dpo", org.dpo, lang),
        "dpo.external": p.yes_no(org.dpo_external, lang),
        "authority": p.authority(org.supervisory_authority, lang),
    }
    org_section = "controller" if x.kind == "controller" else "processor"
    rows: list[Row] = []
    for item in L.MAIN_ITEMS:
        section = org_section if item.section == "organisation" else item.section
        rows.append([L.SECTIONS[section](lang), item.label(lang), values[item.key]])
    return rows


# --- processing activities


def _numbered(values: list[tuple[int, str]], count: int) -> str:
    """One line per purpose; numbered "n. " when the activity has several purposes."""
    if count > 1:
        return _lines(f"{n}. {text}" for n, text in values if text)
    return _lines(text for _, text in values)


def _activity_row(a: Activity, x: _Context) -> Row:
    lang = x.lang
    n = len(a.purposes)
    purposes = _numbered([(i, pu.text) for i, pu in enumerate(a.purposes, 1)], n)
    bases = _numbered([(i, "; ".join(x.legal_basis(ref) for ref in pu.legal_bases))
                       for i, pu in enumerate(a.purposes, 1)], n)
    interests = _numbered([(i, pu.legitimate_interest) for i, pu in enumerate(a.purposes, 1)], n)
    categories = _lines(
        f"{c.name} – {p.SPECIAL[c.special](lang)}" if c.special is not SpecialCategory.NONE
        else c.name for c in a.data_categories)
    retention = _lines(
        f"{c.name}: {text}" for c in a.data_categories if (text := p.retention(c.retention, lang)))
    joint = _lines(
        "; ".join(part for part in (
            jc.name,
            f"{CONTACT_LABEL(lang)}: {jc.contact}" if jc.contact else "",
            f"{ARRANGEMENT_LABEL(lang)}: {jc.arrangement}" if jc.arrangement else "") if part)
        for jc in a.joint_controllers)
    c, d = a.contact, a.dpia
    return [
        a.reference, a.name, a.department, c.name, c.phone, c.email,
        purposes, bases,
        _lines(a.data_subjects),
        categories,
        retention,
        _lines(a.internal_recipients),
        _lines(x.recipient(uid) for uid in a.recipients),
        _lines(x.processor_link(link.processor, link.service) for link in a.processors),
        x.transfers(a.transfers),
        x.tom_titles(a.toms),
        a.tom_description,
        p.DPIA_RESULT[d.result](lang),
        p.STATUS[a.status](lang),
        _excel_datetime(a.created),
        _excel_datetime(a.changed),
        a.next_review,
        a.description,
        interests,
        joint,
        a.last_reviewed,
        _lines(p.vocab_labels(vocab.dpia_art35_3(), d.art35_3, lang)),
        _lines(p.vocab_labels(vocab.dpia_wp248(), d.wp248, lang)),
        _lines(p.vocab_labels(vocab.dpia_dsk_list(), d.dsk_list, lang)),
        d.reference,
        d.screened_on,
        d.notes,
        c.organisation, c.street, c.postcode, c.city, p.country(c.country, lang), c.website,
        a.notes,
        a.uid,
    ]


def _category_rows(a: Activity, x: _Context) -> list[Row]:
    lang = x.lang
    rows: list[Row] = []
    for c in a.data_categories:
        r = c.retention
        rows.append([
            a.reference, a.name, c.name, p.SPECIAL[c.special](lang), c.source,
            p.retention(r, lang), r.duration,
            p.unit_label(r.unit, lang) if r.unit is not None else None,
            r.start, r.text, c.notes, a.uid,
        ])
    return rows


# --- processor register (Art. 30(2))


def _service_rows(s: ProcessingService, x: _Context) -> list[Row]:
    lang = x.lang
    common_before: Row = [s.reference, s.name]
    common_after: Row = [
        _lines(s.categories),
        _lines(x.processor_link(link.processor, link.service) for link in s.subprocessors),
        x.transfers(s.transfers),
        x.tom_titles(s.toms),
        s.tom_description,
        p.STATUS[s.status](lang),
        _excel_datetime(s.created),
        _excel_datetime(s.changed),
        s.notes,
        s.uid,
    ]
    if not s.controllers:
        return [[*common_before, None, None, None, None, *common_after]]
    return [[*common_before, cc.name, cc.contact, cc.representative, cc.dpo, *common_after]
            for cc in s.controllers]


# --- sheets shared by both registers


def _transfer_rows(e: Activity | ProcessingService, x: _Context) -> list[Row]:
    rows: list[Row] = []
    for t in e.transfers:
        mechanism = vocab.transfer_mechanisms().get(t.mechanism) if t.mechanism else None
        rows.append([
            e.reference, e.name, p.country(t.country, x.lang), t.recipient,
            x.processor_name(t.processor),
            mechanism.label(x.lang) if mechanism is not None else t.mechanism,
            t.mechanism_text, t.documentation, e.uid,
        ])
    return rows


def _tom_description_row(e: Activity | ProcessingService, x: _Context) -> Row:
    return [e.reference, e.name, x.tom_titles(e.toms), e.tom_description, e.uid]


def _processor_links(e: Activity | ProcessingService) -> Iterator[tuple[str, str]]:
    links = e.processors if isinstance(e, Activity) else e.subprocessors
    for link in links:
        yield link.processor, link.service
    for t in e.transfers:
        if t.processor:
            yield t.processor, ""


def _used_processors(x: _Context) -> tuple[list[Processor], dict[str, list[str]]]:
    """Processors the entries use, with their subprocessors, and where each is used."""
    used_in: dict[str, list[str]] = {}
    for e in x.entries:
        for uid, service in _processor_links(e):
            line = _entry_label(e.reference, e.name) + (f": {service}" if service else "")
            lines = used_in.setdefault(uid, [])
            if line not in lines:
                lines.append(line)
    seen = set(used_in)
    todo = list(seen)
    while todo:
        proc = x.processors.get(todo.pop())
        for link in proc.subprocessors if proc is not None else ():
            if link.processor not in seen:
                seen.add(link.processor)
                todo.append(link.processor)
    procs = sorted((x.processors[u] for u in seen if u in x.processors),
                   key=lambda pr: (pr.name.casefold(), pr.uid))
    return procs, used_in


def _processor_row(pr: Processor, used_in: list[str], x: _Context) -> Row:
    return [
        pr.name, pr.street, pr.postcode, pr.city, p.country(pr.country, x.lang), pr.phone,
        pr.email, pr.contract_date, pr.contract_reference,
        _lines(x.processor_link(link.processor, link.service) for link in pr.subprocessors),
        _lines(used_in), pr.notes, pr.uid,
    ]


def _used_recipients(x: _Context) -> tuple[list[Recipient], dict[str, list[str]]]:
    used_in: dict[str, list[str]] = {}
    for e in x.entries:
        if isinstance(e, Activity):
            for uid in e.recipients:
                lines = used_in.setdefault(uid, [])
                label = _entry_label(e.reference, e.name)
                if label not in lines:
                    lines.append(label)
    recs = sorted((x.recipients[u] for u in used_in if u in x.recipients),
                  key=lambda r: (r.name.casefold(), r.uid))
    return recs, used_in


def _recipient_row(r: Recipient, used_in: list[str], x: _Context) -> Row:
    return [r.name, r.category, p.country(r.country, x.lang), r.notes, _lines(used_in), r.uid]


def _used_toms(x: _Context) -> tuple[list[Tom], dict[str, list[str]]]:
    """The catalogue TOMs the entries use, grouped by SDM goal, and where each is used."""
    used_in: dict[str, list[str]] = {}
    for e in x.entries:
        for uid in e.toms:
            lines = used_in.setdefault(uid, [])
            label = _entry_label(e.reference, e.name)
            if label not in lines:
                lines.append(label)
    goal_order = {t.id: i for i, t in enumerate(vocab.sdm_goals())}
    toms = sorted((x.toms[u] for u in used_in if u in x.toms),
                  key=lambda t: (goal_order.get(t.sdm_goal, len(goal_order)) if t.sdm_goal
                                 else len(goal_order) + 1,
                                 t.sdm_goal, t.title.casefold(), t.uid))
    return toms, used_in


def _tom_row(t: Tom, used_in: list[str], x: _Context) -> Row:
    goal = vocab.sdm_goals().get(t.sdm_goal) if t.sdm_goal else None
    return [
        goal.label(x.lang) if goal is not None else t.sdm_goal,
        t.title, t.description,
        _lines(p.vocab_labels(vocab.art32_categories(), t.art32, x.lang)),
        _lines(used_in), t.uid,
    ]


def workbook_content(register: Register, organisation: str, *,
                     register_kind: str = "controller", lang: str = "de",
                     stand: date | None = None, version: str = "") -> list[SheetContent]:
    """The sheets of the workbook with their rows as plain values, in workbook order.

    Rows are produced lazily, one block per entry, as the writer asks for them.
    Raises :class:`ExportError` for an unknown organisation, kind or language.
    """
    org = checked_organisation(register, organisation, register_kind, lang)
    x = _Context(register, org, register_kind, lang)
    stand = stand or date.today()
    entries = x.entries
    procs, proc_used = _used_processors(x)
    toms, tom_used = _used_toms(x)
    sheets = [SheetContent(L.MAIN, 1, [_main_rows(x, stand, version)])]
    if register_kind == "controller":
        activities = org.activities
        recs, rec_used = _used_recipients(x)
        sheets += [
            SheetContent(L.ACTIVITIES, len(activities),
                         ([_activity_row(a, x)] for a in activities)),
            SheetContent(L.CATEGORIES, len(activities),
                         (_category_rows(a, x) for a in activities)),
            SheetContent(L.PROCESSORS, len(procs),
                         ([_processor_row(pr, proc_used.get(pr.uid, []), x)] for pr in procs)),
            SheetContent(L.RECIPIENTS, len(recs),
                         ([_recipient_row(r, rec_used[r.uid], x)] for r in recs)),
        ]
    else:
        services = org.services
        sheets += [
            SheetContent(L.SERVICES, len(services), (_service_rows(s, x) for s in services)),
            SheetContent(L.SUBPROCESSORS, len(procs),
                         ([_processor_row(pr, proc_used.get(pr.uid, []), x)] for pr in procs)),
        ]
    sheets += [
        SheetContent(L.TRANSFERS, len(entries), (_transfer_rows(e, x) for e in entries)),
        SheetContent(L.TOMS, len(toms), ([_tom_row(t, tom_used[t.uid], x)] for t in toms)),
        SheetContent(L.TOM_DESCRIPTIONS, len(entries),
                     ([_tom_description_row(e, x)] for e in entries)),
    ]
    return sheets


# ----------------------------------------------------------------------------- writing


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def storable_text(text: str, lang: str = "de") -> str:
    """``text`` as a cell can hold it: unstorable characters shown as ``[U+0007]``, and
    cut to Excel's cell limit with a note that says how much is left out."""
    if _UNSTORABLE.search(text):
        text = _UNSTORABLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
    if len(text) * 2 <= EXCEL_CELL_LIMIT or _utf16_len(text) <= EXCEL_CELL_LIMIT:
        return text
    total = len(text)
    digits = len(str(total)) + 2  # room for the thousands separators in the note
    keep = EXCEL_CELL_LIMIT - len(TRUNCATED(lang, n="9" * digits))
    # Characters outside the BMP count twice in Excel; a pair cut in half is dropped.
    head = text.encode("utf-16-le")[:2 * keep].decode("utf-16-le", errors="ignore")
    omitted = f"{total - len(head):,}".replace(",", "." if lang == "de" else ",")
    return head + TRUNCATED(lang, n=omitted)


def _lines_needed(text: str, width: int) -> int:
    """Lines ``text`` takes in a wrapped cell ``width`` characters wide (an estimate).

    LibreOffice shows rows without a stored height one line high, cutting off
    wrapped text, so every multi-line row gets a height from this estimate.
    """
    return sum(len(part) // width + 1 for part in text.split("\n"))


class _Styles:
    """The few cell formats of the workbook, built once and shared by all cells.

    Wrapped, top-aligned text is made the workbook's default format, so ordinary
    texts and numbers are written as plain values without a format of their own
    (the bulk of the cells, and the cheapest way openpyxl writes a cell). A cell
    without a format takes the first cell format (Excel) or the "Normal" cell
    style and the column's format (LibreOffice); all three are set to it.
    """

    def __init__(self, ws: Any, lang: str) -> None:
        wb = ws.parent
        self.alignment = Alignment(vertical="top", wrap_text=True)
        bold = Font(name="Calibri", sz=11, family=2, scheme="minor", b=True)
        self.text = self._array(ws, alignment=self.alignment)
        wb._cell_styles = IndexedList([self.text])
        normal = next(style for style in wb._named_styles if style.name == "Normal")
        normal.alignment = self.alignment
        self.header = self._array(ws, font=bold, alignment=self.alignment,
                                  fill=PatternFill("solid", start_color="DCE6F1"),
                                  border=Border(bottom=Side(style="thin")))
        self.quoted = self._array(ws, alignment=self.alignment, quotePrefix=True)
        self.date = self._array(ws, alignment=Alignment(vertical="top", horizontal="left"),
                                number_format=DATE_FORMAT[lang])
        self.section = self._array(ws, font=bold, alignment=self.alignment)

    @staticmethod
    def _array(ws: Any, **style: Any) -> Any:
        cell = Cell(ws, row=1, column=1)
        for name, value in style.items():
            setattr(cell, name, value)
        return cell._style  # type: ignore[attr-defined]  # private slot, not in types-openpyxl


def _header_text(text: str, limit: int) -> str:
    """Header/footer text: "&" doubled (it starts a code), bounded to Excel's 255 in all."""
    text = _UNSTORABLE.sub("", text).replace("\n", " ")
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return text.replace("&", "&&")


class _SheetWriter:
    """Streams one sheet: header row, styled data rows, then filter and print area."""

    def __init__(self, wb: Workbook, layout: L.SheetLayout, styles: _Styles | None,
                 lang: str, page: dict[str, str]) -> None:
        self.lang = lang
        self.layout = layout
        self.ws = ws = wb.create_sheet(layout.title(lang))
        self.styles = styles or _Styles(ws, lang)
        s = self.styles
        self.columns: list[Any] = [None] * len(layout.columns)  # None: the default format
        if layout is L.MAIN:
            self.columns[0] = s.section
        for i, col in enumerate(layout.columns, 1):
            dimension = ws.column_dimensions[get_column_letter(i)]
            dimension.width = col.width
            dimension.alignment = s.alignment  # the default format (see _Styles)
        self.line_widths = [max(1, int(col.width * _CHARS_PER_WIDTH)) for col in layout.columns]
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.gridLines = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.75
        ws.oddHeader.left.text = page["organisation"]
        ws.oddHeader.center.text = page["title"]
        ws.oddHeader.right.text = page["stand"]
        ws.oddFooter.left.text = "&A"
        ws.oddFooter.center.text = page["page"]
        ws.oddFooter.right.text = page["version"]
        for part in (ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right,
                     ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
            part.size = 9
        headers = layout.headers(lang)
        self.rows = 0
        self._set_height(headers)
        ws.append([self._text_cell(h, s.header) for h in headers])
        self.rows = 1

    def _set_height(self, values: Sequence[Value]) -> None:
        """Give the next row the height its wrapped texts need (see :func:`_lines_needed`)."""
        lines = 1
        for value, width in zip(values, self.line_widths, strict=True):
            if isinstance(value, str) and (len(value) > width or "\n" in value):
                lines = max(lines, _lines_needed(value, width))
        self._height(lines)

    def _height(self, lines: int) -> None:
        if lines > 1:
            self.ws.row_dimensions[self.rows + 1].height = min(_MAX_ROW_HEIGHT,
                                                              _LINE_HEIGHT * lines + 3)

    def append(self, values: Row) -> None:
        """Write one data row; every text becomes a text cell, never a formula."""
        cells: list[Any] = []
        lines = 1
        for value, style, width in zip(values, self.columns, self.line_widths, strict=True):
            if isinstance(value, str) and value:
                value = storable_text(value, self.lang)
                if len(value) > width or "\n" in value:
                    lines = max(lines, _lines_needed(value, width))
                quote = value[0] in _FORMULA_START
                if style is None and not quote and value not in ERROR_CODES:
                    cells.append(value)  # a plain text cell in the default format
                else:
                    cells.append(self._text_cell(value, self.styles.quoted if quote else style))
            elif isinstance(value, date):
                cells.append(self._date_cell(value))
            else:
                cells.append(None if value == "" else value)  # a number, or no cell at all
        self._height(lines)
        self.ws.append(cells)
        self.rows += 1
        self.ws.row_dimensions.pop(self.rows, None)  # written; keep memory flat

    def _text_cell(self, value: str, style: Any) -> Cell:
        # openpyxl's own binding would make "=…" a formula and "#N/A" an error value, so
        # the (already checked) text is bound as a string directly. Cells share the
        # workbook's few style arrays instead of copying one each.
        cell = Cell(self.ws, row=1, column=1)
        # _value and _style are private slots of Cell that types-openpyxl does not declare
        cell._value = value  # type: ignore[attr-defined]
        cell.data_type = "s"
        cell._style = style  # type: ignore[attr-defined]
        return cell

    def _date_cell(self, value: date) -> Cell:
        cell = Cell(self.ws, row=1, column=1)
        cell._style = self.styles.date  # type: ignore[attr-defined]  # see _text_cell
        cell.value = value
        return cell

    def finish(self) -> None:
        """Set the filter over the data and the print area (known only now)."""
        last = get_column_letter(len(self.layout.columns))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows}"
        printed = get_column_letter(self.layout.printed_columns())
        self.ws.print_area = f"A1:{printed}{self.rows}"


def _remove_stream_files(wb: Workbook) -> None:
    """Delete the temporary files openpyxl streams write-only sheets into.

    openpyxl removes them only when the workbook is saved (or at interpreter exit),
    so a cancelled or failed export would leave them behind in the temp directory.
    """
    for ws in wb.worksheets:
        out = getattr(getattr(ws, "_writer", None), "out", None)
        if not isinstance(out, str) or not os.path.exists(out):
            continue
        if not ws.closed:
            with contextlib.suppress(Exception):  # a half-written stream goes all the same
                ws.close()
        os.remove(out)


def export_xlsx(register: Register, organisation: str, target: Path, *,
                register_kind: str = "controller", lang: str = "de",
                stand: date | None = None, version: str = "",
                progress: Progress = SILENT) -> None:
    """Write the register of ``organisation`` to ``target`` as an Excel workbook.

    ``register`` holds the organisation and the catalogue entries (processors,
    recipients, TOMs) it uses. ``register_kind`` "controller" gives the Art. 30(1)
    register, "processor" the Art. 30(2) register of its processing services.
    ``stand`` (default: today) and ``version`` are printed on the main sheet and in
    every page header and footer. ``progress`` hears of every entry of every sheet
    and may cancel; a failure or cancellation leaves ``target`` as it was.
    """
    stand = stand or date.today()
    sheets = workbook_content(register, organisation, register_kind=register_kind, lang=lang,
                              stand=stand, version=version)
    title = f"{SHORT_TITLE(lang)} – {organisation}"
    page = {
        "organisation": _header_text(organisation, 80),
        "title": _header_text(SHORT_TITLE(lang), 60),
        "stand": _header_text(STAND(lang, date=p.format_date(stand, lang)), 30),
        "page": PAGE(lang),
        "version": _header_text(VERSION(lang, version=version), 60) if version else "",
    }
    total = sum(s.count for s in sheets)
    done = 0
    progress.step(done, total + 1, MSG_PROGRESS(lang, sheet=sheets[0].layout.title(lang)))
    wb = Workbook(write_only=True)
    try:
        styles = None
        for sheet in sheets:
            writer = _SheetWriter(wb, sheet.layout, styles, lang, page)
            styles = writer.styles
            message = MSG_PROGRESS(lang, sheet=sheet.layout.title(lang))
            for block in sheet.blocks:
                for row in block:
                    writer.append(row)
                done += 1
                progress.step(done, total + 1, message)
            writer.finish()
        props = wb.properties
        props.title = title
        props.subject = TITLE[register_kind](lang)
        props.creator = organisation
        props.lastModifiedBy = organisation
        props.description = f"{STAND(lang, date=p.format_date(stand, lang))}" + (
            f"; {VERSION(lang, version=version)}" if version else "")
        props.keywords = "Art. 30 DSGVO" if lang == "de" else "Art. 30 GDPR"
        props.language = lang
        props.created = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        with atomic_path(Path(target)) as tmp:
            wb.save(tmp)
            progress.step(total + 1, total + 1, MSG_PROGRESS(lang, sheet=Path(target).name))
    finally:
        _remove_stream_files(wb)
