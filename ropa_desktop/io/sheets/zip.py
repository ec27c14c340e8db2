"""Checks on ZIP-based workbooks (xlsx, xlsm, ods) before the Excel/ODS library opens them.

In this order, each step refusing the file before the next one costs anything:

1. the number of members, from the end-of-central-directory record;
2. the central directory: no encrypted member, the sum of the unpacked sizes and the
   compression ratio of every member over 1 MiB (zip bombs);
3. the kind: OpenDocument spreadsheet by its ``mimetype`` member, xlsx/xlsm by
   ``[Content_Types].xml``;
4. one streaming pass over every member, in 1 MiB pieces: each must unpack to exactly the
   size the directory states, with the right CRC (a lying directory or a truncated file is
   caught here, never more than the stated size is unpacked); on the way the worksheet parts
   (xlsx) or ``content.xml`` (ods) are scanned for the used area of every sheet, so a sheet
   that reaches beyond the row/column limits is refused before the library builds its grid.
   For ods the same pass collects the merged ranges, which the library does not report.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree
from xml.parsers import expat

from ropa_desktop.io.sheets.cells import CellBudget, check_extent
from ropa_desktop.io.sheets.types import (
    MSG_BOMB_LIE,
    MSG_BOMB_RATIO,
    MSG_BOMB_TOTAL,
    MSG_DAMAGED,
    MSG_PASSWORD,
    MSG_TOO_MANY_MEMBERS,
    MSG_XLSB,
    MSG_ZIP_NOT_SHEET,
    Limits,
    fail,
)

ZIP_MAGIC = b"PK\x03\x04"
MAX_ZIP_MEMBERS = 10_000
"""A workbook has a few dozen parts; an archive with more is refused unopened."""
RATIO_MIN_BYTES = 2**20
"""The compression ratio is checked for members that unpack to more than this."""
_CHUNK = 2**20
_METADATA_CAP = 32 * 2**20
_MAX_MERGES = 100_000
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

Tick = Callable[[int], None]
"""Called with the number of bytes unpacked so far (progress and cancel point)."""


@dataclass(slots=True)
class ZipCheck:
    """What the checks learned: the kind and, for ods, the merged ranges per sheet."""

    kind: str
    merged: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)


# --- 1. and 2.: the directory ----------------------------------------------------------------


def _member_count(fh: BinaryIO, size: int) -> int | None:
    tail_len = min(size, 22 + 65535 + 20)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or len(tail) - pos < 22:
        return None
    total: int = struct.unpack_from("<H", tail, pos + 10)[0]
    if total == 0xFFFF and pos >= 20 and tail[pos - 20 : pos - 16] == b"PK\x06\x07":
        zip64_at = struct.unpack_from("<Q", tail, pos - 12)[0]
        if zip64_at + 56 <= size:
            fh.seek(zip64_at)
            record = fh.read(56)
            if record[:4] == b"PK\x06\x06":
                total = struct.unpack_from("<Q", record, 32)[0]
    return total


def open_zip(path: Path, fh: BinaryIO, size: int, limits: Limits) -> zipfile.ZipFile:
    """Open the archive after checking its member count and central directory."""
    count = _member_count(fh, size)
    if count is not None and count > MAX_ZIP_MEMBERS:
        raise fail(MSG_TOO_MANY_MEMBERS, path, count=count, limit=MAX_ZIP_MEMBERS)
    fh.seek(0)
    try:
        zf = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise fail(MSG_DAMAGED, path, reason="ZIP directory missing or broken") from None
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise fail(MSG_TOO_MANY_MEMBERS, path, count=len(infos), limit=MAX_ZIP_MEMBERS)
    if any(info.flag_bits & 0x1 for info in infos):
        raise fail(MSG_PASSWORD, path)
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise fail(MSG_BOMB_TOTAL, path, size=_mb(total), limit=_mb(limits.max_uncompressed_bytes))
    for info in infos:
        if info.file_size > RATIO_MIN_BYTES and info.file_size > limits.max_compression_ratio * max(
            info.compress_size, 1
        ):
            raise fail(
                MSG_BOMB_RATIO,
                path,
                member=info.filename,
                ratio=info.file_size // max(info.compress_size, 1),
                limit=limits.max_compression_ratio,
            )
    return zf


def _mb(size: int) -> int:
    return -(-size // 2**20)


# --- 4.: unpacking one member, verified --------------------------------------------------------


def member_chunks(path: Path, fh: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The unpacked content of ``info`` in pieces of at most 1 MiB; refuses a member that
    unpacks to more or less than stated or fails its CRC, without unpacking beyond that."""
    fh.seek(info.header_offset)
    head = fh.read(30)
    if len(head) < 30 or head[:4] != ZIP_MAGIC:
        raise fail(MSG_DAMAGED, path, reason=f"{info.filename}: local header missing")
    name_len, extra_len = struct.unpack_from("<HH", head, 26)
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    remaining = info.compress_size
    produced = 0
    crc = 0
    if info.compress_type == zipfile.ZIP_STORED:
        while remaining > 0:
            data = fh.read(min(_CHUNK, remaining))
            if not data:
                raise fail(MSG_DAMAGED, path, reason=f"{info.filename}: data cut off")
            remaining -= len(data)
            produced += len(data)
            if produced > info.file_size:
                raise fail(MSG_BOMB_LIE, path, member=info.filename)
            crc = zlib.crc32(data, crc)
            yield data
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
        pending = b""
        while not inflater.eof:
            if not pending:
                if remaining <= 0:
                    break
                pending = fh.read(min(_CHUNK, remaining))
                if not pending:
                    raise fail(MSG_DAMAGED, path, reason=f"{info.filename}: data cut off")
                remaining -= len(pending)
            try:
                out = inflater.decompress(pending, _CHUNK)
            except zlib.error:
                raise fail(
                    MSG_DAMAGED, path, reason=f"{info.filename}: compressed data broken"
                ) from None
            pending = inflater.unconsumed_tail
            produced += len(out)
            if produced > info.file_size:
                raise fail(MSG_BOMB_LIE, path, member=info.filename)
            if out:
                crc = zlib.crc32(out, crc)
                yield out
    else:
        raise fail(
            MSG_DAMAGED,
            path,
            reason=f"{info.filename}: unsupported compression {info.compress_type}",
        )
    if produced != info.file_size:
        raise fail(MSG_DAMAGED, path, reason=f"{info.filename}: data cut off")
    if crc != info.CRC:
        raise fail(MSG_DAMAGED, path, reason=f"{info.filename}: CRC check failed")


def _read_small(path: Path, fh: BinaryIO, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > _METADATA_CAP:
        raise fail(MSG_DAMAGED, path, reason=f"{info.filename} unexpectedly large")
    return b"".join(member_chunks(path, fh, info))


# --- 3.: the kind, and the sheets of an xlsx ----------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(path: Path, data: bytes, member: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise fail(MSG_DAMAGED, path, reason=f"{member}: {exc}") from None


def _rels(path: Path, fh: BinaryIO, zf: zipfile.ZipFile, member: str) -> dict[str, str]:
    try:
        info = zf.getinfo(member)
    except KeyError:
        return {}
    root = _xml(path, _read_small(path, fh, info), member)
    return {
        rel.get("Id", ""): rel.get("Target", "")
        for rel in root
        if _local(rel.tag) == "Relationship"
    }


def _resolve(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_dir, target))


def _xlsx_sheet_parts(path: Path, fh: BinaryIO, zf: zipfile.ZipFile) -> dict[str, str]:
    """Member name → sheet name, from the package and workbook relationships."""
    names = set(zf.namelist())
    workbook = "xl/workbook.xml"
    for target in _rels(path, fh, zf, "_rels/.rels").values():
        candidate = _resolve("", target)
        if candidate in names and candidate.endswith(".xml") and "workbook" in candidate:
            workbook = candidate
            break
    parts: dict[str, str] = {}
    if workbook in names:  # without it the library reports the damage, after the checks
        base = posixpath.dirname(workbook)
        rels = _rels(
            path, fh, zf, posixpath.join(base, "_rels", posixpath.basename(workbook) + ".rels")
        )
        root = _xml(path, _read_small(path, fh, zf.getinfo(workbook)), workbook)
        for element in root.iter():
            if _local(element.tag) != "sheet":
                continue
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            sheet_target = rels.get(rid)
            if sheet_target:
                parts[_resolve(base, sheet_target)] = element.get("name", "")
    # parts the relationships do not name (a damaged package) are scanned all the same
    for name in names:
        if name not in parts and re.fullmatch(r"xl/worksheets/[^/]+\.xml", name):
            parts[name] = posixpath.basename(name)
    return parts


def _kind(path: Path, fh: BinaryIO, zf: zipfile.ZipFile) -> str:
    names = set(zf.namelist())
    if "mimetype" in names:
        mimetype = _read_small(path, fh, zf.getinfo("mimetype")).strip()
        if mimetype in (ODS_MIMETYPE, ODS_MIMETYPE + b"-template"):
            return "ods"
        raise fail(MSG_ZIP_NOT_SHEET, path)
    if "[Content_Types].xml" in names:
        types = _read_small(path, fh, zf.getinfo("[Content_Types].xml"))
        if b"sheet.binary.macroEnabled.main" in types or "xl/workbook.bin" in names:
            raise fail(MSG_XLSB, path)
        if b".macroEnabled.main+xml" in types and b"ms-excel." in types:
            return "xlsm"
        if b"spreadsheetml.sheet.main+xml" in types or b"spreadsheetml.template.main+xml" in types:
            return "xlsx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    raise fail(MSG_ZIP_NOT_SHEET, path)


# --- scanning the used area --------------------------------------------------------------------

_PREFIX = rb"(?:[A-Za-z_][\w.\-]*:)?"
_FILLED_CELL = re.compile(rb'<c r="([A-Za-z]*)([0-9]*)"[^>/]*>')
_first = itemgetter(0)
_second = itemgetter(1)
_PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.\-]*:c[\s>/]")
_TOKEN = re.compile(rb"<" + _PREFIX + rb"(row|c)\b([^>]*)>")
_R_ATTR = re.compile(rb"\sr=\"([A-Za-z]*)([0-9]*)\"")
_MAX_CARRY = 64 * 1024


def _col_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index - 1


def _split_complete(buf: bytes) -> int:
    """Index up to which ``buf`` holds only complete tags."""
    start = buf.rfind(b"<")
    if start < 0 or buf.find(b">", start) >= 0 or len(buf) - start > _MAX_CARRY:
        return len(buf)
    return start


class _XlsxScan:
    """Used area of one worksheet part: the last row and column of a cell with content
    (``<c …>…</c>``; empty formatted cells ``<c …/>`` do not count).

    The fast path expects cells as Excel, LibreOffice and the Python writers write them,
    ``<c r="B7" …>``; a part with any other cell (no ``r``, ``r`` not first, a namespace
    prefix) is marked :attr:`unusual` and measured again by :class:`_XlsxExactScan`.
    """

    def __init__(self) -> None:
        self.last_row = -1
        self.last_col = -1
        self.unusual = False
        self._carry = b""

    def feed(self, chunk: bytes) -> None:
        if self.unusual:
            return
        buf = self._carry + chunk if self._carry else chunk
        cut = _split_complete(buf)
        self._carry = buf[cut:]
        data = buf if cut == len(buf) else buf[:cut]
        found = _FILLED_CELL.findall(data)
        if (
            data.count(b"<c ") != data.count(b'<c r="')
            or b"<c>" in data
            or ((b":c " in data or b":c>" in data) and _PREFIXED_CELL.search(data))
        ):
            self.unusual = True
            return
        if not found:
            return
        columns = set(map(_first, found))
        rows = list(map(_second, found))
        if b"" in columns or b"" in rows:
            self.unusual = True
            return
        self.last_row = max(self.last_row, int(max(zip(map(len, rows), rows, strict=True))[1]) - 1)
        letters = max(columns, key=lambda c: (len(c), c.upper()))
        self.last_col = max(self.last_col, _col_index(letters.upper()))


class _XlsxExactScan:
    """Used area of a worksheet part whose cells may lack their ``r`` reference (allowed by
    the standard: the cell is then the one after the previous, the row the one after)."""

    def __init__(self) -> None:
        self.last_row = -1
        self.last_col = -1
        self._row = -1
        self._col = -1
        self._carry = b""

    def feed(self, chunk: bytes) -> None:
        buf = self._carry + chunk if self._carry else chunk
        cut = _split_complete(buf)
        self._carry = buf[cut:]
        for match in _TOKEN.finditer(buf, 0, cut):
            tag, attrs = match.groups()
            ref = _R_ATTR.search(attrs)
            if tag == b"row":
                self._row = int(ref.group(2)) - 1 if ref and ref.group(2) else self._row + 1
                self._col = -1
                continue
            if ref and ref.group(1):
                self._col = _col_index(ref.group(1).upper())
                if ref.group(2):
                    self._row = int(ref.group(2)) - 1
            else:
                self._col += 1
            if not attrs.endswith(b"/"):
                self.last_row = max(self.last_row, self._row)
                self.last_col = max(self.last_col, self._col)


_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0|"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0|"
_T_TABLE = _TABLE_NS + "table"
_T_ROW = _TABLE_NS + "table-row"
_T_CELLS = (_TABLE_NS + "table-cell", _TABLE_NS + "covered-table-cell")
_A_NAME = _TABLE_NS + "name"
_A_ROWS_REP = _TABLE_NS + "number-rows-repeated"
_A_COLS_REP = _TABLE_NS + "number-columns-repeated"
_A_COLS_SPAN = _TABLE_NS + "number-columns-spanned"
_A_ROWS_SPAN = _TABLE_NS + "number-rows-spanned"
_A_VALUE_TYPE = _OFFICE_NS + "value-type"


def _count(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), 2**31)
    except ValueError:
        return 1


@dataclass(slots=True)
class _OdsTable:
    name: str
    last_row: int = -1
    last_col: int = -1
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


class _OdsScan:
    """Used area and merged ranges of every table in an ODS ``content.xml`` (streamed with
    expat: no tree is built, repeated rows/columns are counted, not expanded)."""

    def __init__(self, limits: Limits) -> None:
        self.tables: list[_OdsTable] = []
        self._limits = limits
        self._depth = 0
        self._row = 0
        self._row_rep = 1
        self._col = 0
        self._in_cell = False
        self._cell_start = 0
        self._cell_rep = 1
        self._cell_marked = False
        parser = expat.ParserCreate(namespace_separator="|")
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        self._parser = parser

    def feed(self, chunk: bytes, final: bool = False) -> None:
        self._parser.Parse(chunk, final)

    def _mark(self) -> None:
        table = self.tables[-1]
        table.last_row = max(table.last_row, self._row + self._row_rep - 1)
        table.last_col = max(table.last_col, self._cell_start + self._cell_rep - 1)
        self._cell_marked = True

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if name == _T_TABLE:
            self._depth += 1
            if self._depth == 1:
                self.tables.append(_OdsTable(attrs.get(_A_NAME, "")))
                self._row = 0
            return
        if self._depth != 1:
            return
        if self._in_cell:
            if not self._cell_marked:
                self._mark()
        elif name == _T_ROW:
            self._row_rep = _count(attrs.get(_A_ROWS_REP))
            self._col = 0
        elif name in _T_CELLS:
            self._in_cell = True
            self._cell_marked = False
            self._cell_start = self._col
            self._cell_rep = _count(attrs.get(_A_COLS_REP))
            self._col += self._cell_rep
            if _A_VALUE_TYPE in attrs:
                self._mark()
            col_span = _count(attrs.get(_A_COLS_SPAN))
            row_span = _count(attrs.get(_A_ROWS_SPAN))
            if col_span > 1 or row_span > 1:
                self._merge(col_span, row_span)

    def _merge(self, col_span: int, row_span: int) -> None:
        merged = self.tables[-1].merged
        first_col = self._cell_start
        last_row = min(self._row + self._row_rep, self._limits.max_rows)
        for row in range(self._row, last_row):
            if len(merged) >= _MAX_MERGES:
                return
            merged.append((row, first_col, row + row_span - 1, first_col + col_span - 1))

    def _end(self, name: str) -> None:
        if name == _T_TABLE:
            self._depth -= 1
        elif self._depth != 1:
            return
        elif name in _T_CELLS:
            self._in_cell = False
        elif name == _T_ROW and not self._in_cell:
            self._row += self._row_rep
            self._row_rep = 1


# --- the whole check ---------------------------------------------------------------------------


def check_zip(
    path: Path, fh: BinaryIO, zf: zipfile.ZipFile, limits: Limits, budget: CellBudget, tick: Tick
) -> ZipCheck:
    """Kind, full verification pass and used-area check of an opened archive (see the module
    docstring); raises :class:`ImportFileError` for anything refused."""
    kind = _kind(path, fh, zf)
    xlsx_parts = _xlsx_sheet_parts(path, fh, zf) if kind != "ods" else {}
    xlsx_scans: dict[str, _XlsxScan] = {}
    ods_scan: _OdsScan | None = None
    done = 0
    for info in zf.infolist():
        if info.is_dir():
            continue
        scan: _XlsxScan | _OdsScan | None = None
        if info.filename in xlsx_parts:
            scan = xlsx_scans[info.filename] = _XlsxScan()
        elif kind == "ods" and info.filename == "content.xml":
            scan = ods_scan = _OdsScan(limits)
        try:
            for chunk in member_chunks(path, fh, info):
                done += len(chunk)
                tick(done)
                if scan is not None:
                    scan.feed(chunk)
            if isinstance(scan, _OdsScan):
                scan.feed(b"", final=True)
        except expat.ExpatError as exc:
            raise fail(MSG_DAMAGED, path, reason=f"content.xml: {exc}") from None
    result = ZipCheck(kind)
    if kind == "ods":
        if ods_scan is None:
            raise fail(MSG_DAMAGED, path, reason="content.xml missing")
        for table in ods_scan.tables:
            check_extent(path, limits, budget, table.name, table.last_row, table.last_col)
            result.merged[table.name] = table.merged
        return result
    for member, sheet in xlsx_parts.items():
        found = xlsx_scans.get(member)
        if found is None:
            continue
        scan_result: _XlsxScan | _XlsxExactScan = found
        if found.unusual:
            exact = _XlsxExactScan()
            for chunk in member_chunks(path, fh, zf.getinfo(member)):
                tick(done)
                exact.feed(chunk)
            scan_result = exact
        check_extent(path, limits, budget, sheet, scan_result.last_row, scan_result.last_col)
    return result
