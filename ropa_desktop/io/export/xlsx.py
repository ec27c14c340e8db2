"""The register as an Excel workbook in the layout of the DSK model template.

:func:`export_xlsx` writes one organisation's register — the controller register
of Art. 30(1) GDPR or the processor register of Art. 30(2) — with the sheets and
columns of :mod:`ropa_desktop.io.export.xlsx_layout`. The workbook is meant both for the
supervisory authority (bold frozen headers, filters, wrapped text, real dates,
A4 landscape print setup) and for the spreadsheet import, which reads it back.

Every text is written as a text cell, never as a formula, whatever it begins
with; characters a workbook cannot hold are replaced visibly and texts beyond
Excel's cell limit are cut with a note saying so. The rows come as plain values
from :func:`ropa_desktop.io.export.xlsx_content.workbook_content`.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Sequence
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
from ropa_desktop.domain.attachments import AttachmentInfo
from ropa_desktop.domain.comparison import Comparison
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import Register
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.io.export import xlsx_layout as L
from ropa_desktop.io.export.xlsx_changes import changes_content
from ropa_desktop.io.export.xlsx_content import TITLE, Row, Value, workbook_content
from ropa_desktop.io.files import atomic_path

EXCEL_CELL_LIMIT = 32_767
"""Excel stores at most this many characters (UTF-16 code units) in a cell."""

MSG_PROGRESS = Text(de="Excel: {sheet}", en="Excel: {sheet}")

TRUNCATED = Text(
    de="… [gekürzt: {n} Zeichen; vollständig in der Datenbank]",
    en="… [truncated: {n} characters; complete in the database]",
)
SHORT_TITLE = Text("Verzeichnis von Verarbeitungstätigkeiten", "Record of processing activities")
STAND = Text("Stand: {date}", "As of: {date}")
PAGE = Text("Seite &P von &N", "Page &P of &N")
VERSION = Text("Version: {version}", "Version: {version}")
DATE_FORMAT = {"de": "DD.MM.YYYY", "en": "YYYY-MM-DD"}

# Characters XML 1.0 (and so a workbook) cannot hold: C0 controls other than tab, line
# feed and carriage return, lone surrogates, and the two non-characters U+FFFE/U+FFFF.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A spreadsheet would take text starting with one of these for a formula when edited.
_FORMULA_START = frozenset("=+-@\t\r")
_CHARS_PER_WIDTH = 1.0  # characters of running text per unit of column width (Calibri 11)
_LINE_HEIGHT = 15  # points per line of Calibri 11
_MAX_ROW_HEIGHT = 409  # Excel's limit, in points


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
    head = text.encode("utf-16-le")[: 2 * keep].decode("utf-16-le", errors="ignore")
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
        self.header = self._array(
            ws,
            font=bold,
            alignment=self.alignment,
            fill=PatternFill("solid", start_color="DCE6F1"),
            border=Border(bottom=Side(style="thin")),
        )
        self.quoted = self._array(ws, alignment=self.alignment, quotePrefix=True)
        self.date = self._array(
            ws,
            alignment=Alignment(vertical="top", horizontal="left"),
            number_format=DATE_FORMAT[lang],
        )
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
        text = text[: limit - 1] + "…"
    return text.replace("&", "&&")


class _SheetWriter:
    """Streams one sheet: header row, styled data rows, then filter and print area."""

    def __init__(
        self,
        wb: Workbook,
        layout: L.SheetLayout,
        styles: _Styles | None,
        lang: str,
        page: dict[str, str],
    ) -> None:
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
        for part in (
            ws.oddHeader.left,
            ws.oddHeader.center,
            ws.oddHeader.right,
            ws.oddFooter.left,
            ws.oddFooter.center,
            ws.oddFooter.right,
        ):
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
            self.ws.row_dimensions[self.rows + 1].height = min(
                _MAX_ROW_HEIGHT, _LINE_HEIGHT * lines + 3
            )

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


def export_xlsx(
    register: Register,
    organisation: str,
    target: Path,
    *,
    register_kind: str = "controller",
    lang: str = "de",
    stand: date | None = None,
    version: str = "",
    progress: Progress = SILENT,
    attachments: Sequence[AttachmentInfo] = (),
    changes: Comparison | None = None,
) -> None:
    """Write the register of ``organisation`` to ``target`` as an Excel workbook.

    ``register`` holds the organisation and the catalogue entries (processors,
    recipients, TOMs) it uses. ``register_kind`` "controller" gives the Art. 30(1)
    register, "processor" the Art. 30(2) register of its processing services.
    ``stand`` (default: today) and ``version`` are printed on the main sheet and in
    every page header and footer. ``progress`` hears of every entry of every sheet
    and may cancel; a failure or cancellation leaves ``target`` as it was.
    ``attachments`` (the organisation's files) are listed on a sheet "Anlagen" (name,
    size, date; never the content); ``changes`` adds the last sheet "Änderungen" (what
    changed since an earlier version).
    """
    stand = stand or date.today()
    sheets = workbook_content(
        register,
        organisation,
        register_kind=register_kind,
        lang=lang,
        stand=stand,
        version=version,
        attachments=attachments,
    )
    if changes is not None:
        sheets.append(changes_content(changes))
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
            f"; {VERSION(lang, version=version)}" if version else ""
        )
        props.keywords = "Art. 30 DSGVO" if lang == "de" else "Art. 30 GDPR"
        props.language = lang
        props.created = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        with atomic_path(Path(target)) as tmp:
            wb.save(tmp)
            progress.step(total + 1, total + 1, MSG_PROGRESS(lang, sheet=Path(target).name))
    finally:
        _remove_stream_files(wb)
