"""Reading the spreadsheets colleagues send (xlsx, xlsm, xls, ods, CSV) into plain rows.

:func:`read_workbook` finds the real format from the content, not the name:

* ZIP (``PK\\3\\4``): OpenDocument spreadsheet (``mimetype`` member) or xlsx/xlsm
  (``[Content_Types].xml``); checked by :mod:`ropa_desktop.io.sheets.zip` (zip bomb, lying or
  truncated archive, used area of every sheet) before python-calamine reads it.
* OLE2 (``D0 CF 11 E0``): a legacy .xls workbook, or an encrypted (password-protected)
  workbook of any kind, which is refused with a message saying to save it without a
  password; checked by :mod:`ropa_desktop.io.sheets.ole`.
* anything else that looks like text: CSV (:mod:`ropa_desktop.io.sheets.csv`), but only
  under the name .csv, .txt, .tsv or .tab; HTML/XML and PDF are named as such.

A name that does not fit the content (xlsx content in ``x.xls``) is read all the same, with
a warning. Formulas give the values Excel/LibreOffice saved with them; dates come as
``date``/``datetime``, times and durations as text, whole numbers as ``int``, empty cells as
``None``. Text that looks like a formula (``=…``, ``+49…``, ``@…``) and control characters are
kept as they are: what to do with them is the import's decision. Hidden sheets are read
(:attr:`Sheet.hidden`) with a warning; chart sheets are skipped with a warning.

Everything refused raises :class:`ImportFileError`: one line, naming the file, and where it
applies the sheet, row and column; German or English as :mod:`ropa_desktop.domain.i18n`
says. Work is bounded by :class:`Limits`: the file size is checked first, ZIP sizes before
unpacking, the used area of each sheet before the Excel library builds its grid.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.io.sheets.cells import CellBudget, SheetBuilder, check_extent
from ropa_desktop.io.sheets.csv import CSV_EXTENSIONS, read_csv
from ropa_desktop.io.sheets.ole import (
    ENCRYPTION_STREAMS,
    OLE_MAGIC,
    OleError,
    OleFile,
    raw_names_present,
    scan_biff,
)
from ropa_desktop.io.sheets.types import (
    DEFAULT_LIMITS,
    MSG_DAMAGED,
    MSG_EMPTY,
    MSG_MARKUP,
    MSG_NOT_FOUND,
    MSG_OLE_NOT_SHEET,
    MSG_PASSWORD,
    MSG_PDF,
    MSG_TEXT_NOT_CSV,
    MSG_TOO_BIG,
    MSG_UNKNOWN_BINARY,
    MSG_UNREADABLE,
    MSG_ZIP_NOT_SHEET,
    PROGRESS_CHECK,
    PROGRESS_DONE,
    PROGRESS_SHEET,
    WARN_EXTENSION,
    WARN_HIDDEN,
    WARN_NOT_WORKSHEET,
    CellValue,
    ImportFileError,
    Limits,
    Sheet,
    Workbook,
    cell_ref,
    column_letter,
    fail,
    one_line,
    warn,
)
from ropa_desktop.io.sheets.zip import ZIP_MAGIC, check_zip, open_zip

__all__ = [
    "DEFAULT_LIMITS",
    "CellValue",
    "ImportFileError",
    "Limits",
    "Sheet",
    "Workbook",
    "cell_ref",
    "column_letter",
    "read_workbook",
]

EXTENSION_KINDS = {
    ".xlsx": "xlsx",
    ".xltx": "xlsx",
    ".xlsm": "xlsm",
    ".xltm": "xlsm",
    ".xls": "xls",
    ".xlt": "xls",
    ".ods": "ods",
    ".ots": "ods",
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".tab": "csv",
}
"""The kind a file name promises; a different kind found by content gives a warning."""
_SNIFF_BYTES = 64 * 1024
_ROW_STEP = 1000
_ALLOWED_CONTROLS = b"\t\n\r\f\x0b\x1a"
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _ALLOWED_CONTROLS)
_MARKUP_STARTS = ("<!doctype html", "<html", "<?xml", "<table", "<workbook", "<office:")
_R = TypeVar("_R")


def read_workbook(
    path: Path, *, limits: Limits = DEFAULT_LIMITS, progress: Progress = SILENT
) -> Workbook:
    """Read every sheet of the spreadsheet file at ``path``.

    Raises :class:`ImportFileError` (one line, naming the file) when the file cannot be read
    or is over ``limits``; ``progress`` gets a step per sheet and per 1,000 rows, and may
    raise :class:`~ropa_desktop.domain.progress.Cancelled`, which propagates.
    """
    path = Path(path)
    size = _checked_size(path, limits)
    progress.step(0, 1, PROGRESS_CHECK())
    warnings: list[str] = []
    try:
        with path.open("rb") as fh:
            result = _read_open_file(path, fh, size, limits, warnings, progress)
    except OSError as exc:
        raise fail(MSG_UNREADABLE, path, problem=exc.strerror or str(exc)) from None
    if isinstance(result, Workbook):
        return _done(result, progress)
    if len(result) > limits.max_file_bytes:
        raise fail(MSG_TOO_BIG, path, size=_mb(len(result)), limit=_mb(limits.max_file_bytes))
    sheet, encoding, delimiter = read_csv(path, result, limits, warnings, progress)
    _extension_warning(path, "csv", warnings)
    return _done(
        Workbook(path, "csv", [sheet], warnings, encoding=encoding, delimiter=delimiter), progress
    )


def _read_open_file(
    path: Path, fh: BinaryIO, size: int, limits: Limits, warnings: list[str], progress: Progress
) -> Workbook | bytes:
    """The workbook for Excel/ODS content, or the raw bytes of what may be CSV."""
    budget = CellBudget(path, limits)
    head = fh.read(_SNIFF_BYTES)
    if head.startswith(ZIP_MAGIC):
        with open_zip(path, fh, size, limits) as zf:
            total = max(sum(info.file_size for info in zf.infolist()), 1)
            check = check_zip(
                path,
                fh,
                zf,
                limits,
                budget,
                lambda done: progress.step(done, total, PROGRESS_CHECK()),
            )
        _extension_warning(path, check.kind, warnings)
        sheets = _read_with_calamine(path, check.kind, limits, warnings, progress, check.merged)
        return Workbook(path, check.kind, sheets, warnings)
    if head.startswith(OLE_MAGIC):
        _check_ole(path, fh, size, limits, budget)
        _extension_warning(path, "xls", warnings)
        sheets = _read_with_calamine(path, "xls", limits, warnings, progress, {})
        return Workbook(path, "xls", sheets, warnings)
    if head.startswith((b"PK\x05\x06", b"PK\x07\x08")):
        raise fail(MSG_ZIP_NOT_SHEET, path)
    _refuse_non_csv(path, head)
    fh.seek(0)
    return fh.read(limits.max_file_bytes + 1)


def _done(workbook: Workbook, progress: Progress) -> Workbook:
    count = max(len(workbook.sheets), 1)
    progress.step(count, count, PROGRESS_DONE())
    return workbook


def _mb(size: int) -> int:
    return -(-size // 2**20)


def _checked_size(path: Path, limits: Limits) -> int:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise fail(MSG_NOT_FOUND, path) from None
    except OSError as exc:
        raise fail(MSG_UNREADABLE, path, problem=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise fail(MSG_UNREADABLE, path, problem=os.strerror(21))  # EISDIR
    if info.st_size == 0 and stat.S_ISREG(info.st_mode):
        raise fail(MSG_EMPTY, path)
    if info.st_size > limits.max_file_bytes:
        raise fail(MSG_TOO_BIG, path, size=_mb(info.st_size), limit=_mb(limits.max_file_bytes))
    return info.st_size


def _extension_warning(path: Path, kind: str, warnings: list[str]) -> None:
    suffix = path.suffix.lower()
    if EXTENSION_KINDS.get(suffix) != kind:
        warnings.append(warn(WARN_EXTENSION, ext=path.suffix or "—", kind=kind))


def _refuse_non_csv(path: Path, head: bytes) -> None:
    """Raise unless ``head`` (the file's first bytes) looks like CSV text under a CSV name."""
    if not head:
        raise fail(MSG_EMPTY, path)
    if head.startswith(b"%PDF-"):
        raise fail(MSG_PDF, path)
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if utf16:
        start = head[:1024].decode("utf-16", "ignore")
    else:
        if b"\0" in head:
            raise fail(MSG_UNKNOWN_BINARY, path)
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls * 3 > len(head):
            raise fail(MSG_UNKNOWN_BINARY, path)
        start = head[:1024].decode("latin-1")
    start = start.lstrip("\ufeffï»¿ \t\r\n").lower()
    if start.startswith(_MARKUP_STARTS):
        raise fail(MSG_MARKUP, path)
    if path.suffix.lower() not in CSV_EXTENSIONS:
        raise fail(MSG_TEXT_NOT_CSV, path)


def _check_ole(path: Path, fh: BinaryIO, size: int, limits: Limits, budget: CellBudget) -> None:
    """Refuse encrypted containers, non-workbooks and sheets over the limits."""
    try:
        ole = OleFile(fh, size)
        entries = ole.entries()
    except OleError as exc:
        if raw_names_present(fh, ENCRYPTION_STREAMS):
            raise fail(MSG_PASSWORD, path) from None
        raise fail(MSG_DAMAGED, path, reason=str(exc)) from None
    streams = {entry.name.lower(): entry for entry in entries if entry.kind == 2}
    if any(name.lower() in streams for name in ENCRYPTION_STREAMS):
        raise fail(MSG_PASSWORD, path)
    entry = streams.get("workbook") or streams.get("book")
    if entry is None:
        raise fail(MSG_OLE_NOT_SHEET, path)
    try:
        scan = scan_biff(ole.read_stream(entry))
    except OleError as exc:
        raise fail(MSG_DAMAGED, path, reason=str(exc)) from None
    if scan.encrypted:
        raise fail(MSG_PASSWORD, path)
    for sheet in scan.sheets:
        if sheet.kind in (0, 1):
            check_extent(path, limits, budget, sheet.name, sheet.last_row, sheet.last_col)


def _calamine(path: Path, call: Callable[..., _R], *args: Any) -> _R:
    """``call(*args)`` with every failure of the Excel library turned into one line."""
    try:
        return call(*args)
    except PasswordError:
        raise fail(MSG_PASSWORD, path) from None
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # the library's errors, and its Rust panics
        reason = one_line(str(exc) or type(exc).__name__, 120)
        raise fail(MSG_DAMAGED, path, reason=reason) from None


def _open_book(path: Path, kind: str, stack: ExitStack) -> CalamineWorkbook:
    """Open with the library, which picks the format by the file name when it has a known
    one; a misleading name gets the content handed over as a file object instead."""
    if EXTENSION_KINDS.get(path.suffix.lower(), "csv") == kind or (
        kind == "xlsm" and path.suffix.lower() in (".xlsx", ".xltx")
    ):
        return _calamine(path, CalamineWorkbook.from_path, str(path))
    try:
        fh = stack.enter_context(path.open("rb"))
    except OSError as exc:
        raise fail(MSG_UNREADABLE, path, problem=exc.strerror or str(exc)) from None
    return _calamine(path, CalamineWorkbook.from_filelike, fh)


def _read_with_calamine(
    path: Path,
    kind: str,
    limits: Limits,
    warnings: list[str],
    progress: Progress,
    merged_by_sheet: dict[str, list[tuple[int, int, int, int]]],
) -> list[Sheet]:
    with ExitStack() as stack:
        book = _open_book(path, kind, stack)
        stack.callback(book.close)
        return _read_sheets(path, book, limits, warnings, progress, merged_by_sheet)


def _read_sheets(
    path: Path,
    book: CalamineWorkbook,
    limits: Limits,
    warnings: list[str],
    progress: Progress,
    merged_by_sheet: dict[str, list[tuple[int, int, int, int]]],
) -> list[Sheet]:
    sheets: list[Sheet] = []
    metadata = list(book.sheets_metadata)
    count = max(len(metadata), 1)
    for index, meta in enumerate(metadata):
        name = meta.name
        progress.step(index, count, PROGRESS_SHEET(sheet=name, rows=0))
        if meta.typ == SheetTypeEnum.Vba:
            continue  # a macro module, not a sheet anyone sees
        if meta.typ not in (SheetTypeEnum.WorkSheet, SheetTypeEnum.MacroSheet):
            warnings.append(warn(WARN_NOT_WORKSHEET, sheet=name))
            continue
        sheets.append(
            _read_sheet(
                path,
                book,
                name,
                index,
                count,
                limits,
                warnings,
                progress,
                merged_by_sheet.get(name, []),
            )
        )
        if meta.visible != SheetVisibleEnum.Visible:
            sheets[-1].hidden = True
            warnings.append(warn(WARN_HIDDEN, sheet=name))
    return sheets


def _read_sheet(
    path: Path,
    book: CalamineWorkbook,
    name: str,
    index: int,
    count: int,
    limits: Limits,
    warnings: list[str],
    progress: Progress,
    merged: list[tuple[int, int, int, int]],
) -> Sheet:
    sheet = _calamine(path, book.get_sheet_by_name, name)
    end = sheet.end
    builder = SheetBuilder(name, path, limits, warnings)
    if end is not None:
        # second line of defence; the pre-checks have refused such sheets already
        check_extent(path, limits, None, name, end[0], end[1])
        # list[Any]: each raw row is replaced by None once converted, to free it
        rows: list[Any] = _calamine(path, sheet.to_python, False)
        for number in range(len(rows)):
            builder.add_row(rows[number])
            rows[number] = None  # free each raw row once converted
            if number % _ROW_STEP == _ROW_STEP - 1:
                progress.step(index, count, PROGRESS_SHEET(sheet=name, rows=number + 1))
        del rows
    ranges = _calamine(path, lambda: sheet.merged_cell_ranges)
    if ranges:
        merged = [(first[0], first[1], last[0], last[1]) for first, last in ranges]
    return builder.finish(merged)
