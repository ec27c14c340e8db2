"""CSV files: encoding and delimiter detection, then the csv module (quoted multi-line cells).

Encoding: a UTF-16 BOM means UTF-16 (Excel's "Unicode text"); otherwise strict UTF-8 (with
or without BOM); otherwise Windows-1252, where the five bytes that code page leaves undefined
are read as the Latin-1 control characters (and a warning says so). A UTF-8 file with a few
broken bytes (pieces pasted from a Windows-1252 file) stays UTF-8, the broken bytes are read
as Windows-1252 and a warning names the first one's line.

Delimiter: each of ``;`` ``,`` tab ``|`` parses a sample of the file (quotes respected); the
one that gives more than one column in the most consistent way wins (more columns break a
tie, then :class:`csv.Sniffer`'s choice, then the order ``; , tab |``).

Values are the texts as written (no type guessing); empty cells are ``None``.
"""

from __future__ import annotations

import codecs
import contextvars
import csv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ropa_desktop.domain.progress import Progress
from ropa_desktop.io.sheets.cells import CellBudget, SheetBuilder
from ropa_desktop.io.sheets.csv_shape import ShapeCheck
from ropa_desktop.io.sheets.types import (
    MSG_DAMAGED,
    PROGRESS_SHEET,
    WARN_BROKEN_UTF8,
    WARN_CP1252_UNDEFINED,
    WARN_OPEN_QUOTE,
    Limits,
    Sheet,
    fail,
    warn,
)

CSV_EXTENSIONS = frozenset({".csv", ".txt", ".tsv", ".tab"})
"""Text files are read as CSV only under these names."""
DELIMITERS = (";", ",", "\t", "|")
_SAMPLE_CHARS = 64 * 1024
_MAX_REPAIRS = 1000
_CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
# Windows-1252 as browsers decode it: the five undefined bytes become U+0081 … U+009D.
_CP1252_TABLE = "".join(
    chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in range(256)
)


class _TooBroken(Exception):
    pass


_repairs: contextvars.ContextVar[list[int]] = contextvars.ContextVar("sheet_csv_repairs")


def _repair_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    positions = _repairs.get()
    positions.append(exc.start)
    if len(positions) > _MAX_REPAIRS:
        raise _TooBroken
    bad = exc.object[exc.start : exc.end]
    return "".join(_CP1252_TABLE[b] for b in bad), exc.end


codecs.register_error("ropa-sheet-cp1252", _repair_as_cp1252)


def _line_of(raw: bytes, position: int) -> int:
    return raw.count(b"\n", 0, position) + 1


def decode(path: Path, raw: bytes, warnings: list[str]) -> tuple[str, str]:
    """The text of ``raw`` and the name of the encoding it was read in."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise fail(MSG_DAMAGED, path, reason=f"UTF-16: {exc.reason}") from None
    bom = raw.startswith(codecs.BOM_UTF8)
    body = memoryview(raw)[3:] if bom else raw
    encoding = "utf-8-sig" if bom else "utf-8"
    try:
        return str(body, "utf-8"), encoding
    except UnicodeDecodeError:
        pass
    token = _repairs.set([])
    try:
        text = str(body, "utf-8", "ropa-sheet-cp1252")
        repaired = _repairs.get()
    except _TooBroken:
        text, repaired = "", []
    finally:
        _repairs.reset(token)
    if repaired:
        non_ascii = len(text) - len(text.encode("ascii", "ignore"))
        valid_utf8 = non_ascii - len(repaired)
        if bom or valid_utf8 > len(repaired):
            warnings.append(
                warn(
                    WARN_BROKEN_UTF8,
                    count=len(repaired),
                    line=_line_of(raw, repaired[0] + (3 if bom else 0)),
                )
            )
            return text, encoding
    del text
    if bom:
        raw = raw[3:]
    undefined = [raw.find(bytes([b])) for b in _CP1252_UNDEFINED]
    found = [pos for pos in undefined if pos >= 0]
    if found:
        count = sum(raw.count(bytes([b])) for b in _CP1252_UNDEFINED)
        warnings.append(warn(WARN_CP1252_UNDEFINED, count=count, line=_line_of(raw, min(found))))
    return codecs.charmap_decode(raw, "strict", _CP1252_TABLE)[0], "cp1252"


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their line ends (``\\n``, ``\\r\\n`` or a lone ``\\r``)."""
    sep = "\n" if "\n" in text else "\r"
    pos = 0
    size = len(text)
    while pos < size:
        end = text.find(sep, pos)
        if end < 0:
            yield text[pos:]
            return
        yield text[pos : end + 1]
        pos = end + 1


def detect_delimiter(text: str) -> str:
    """The delimiter of ``text`` among ``; , tab |`` (see the module docstring)."""
    sample = text[:_SAMPLE_CHARS]
    truncated = len(text) > len(sample)
    if truncated:
        cut = max(sample.rfind("\n"), sample.rfind("\r"))
        if cut > 0:
            sample = sample[: cut + 1]
    try:
        sniffed: str | None = csv.Sniffer().sniff(sample[:16384], "".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    best: tuple[tuple[bool, float, int, bool, int], str] | None = None
    for rank, delimiter in enumerate(DELIMITERS):
        if delimiter not in sample:
            continue
        records = list(csv.reader(_lines(sample), delimiter=delimiter, strict=False))
        if truncated and len(records) > 1:
            records.pop()  # may be cut in the middle
        counts = [len(r) for r in records if any(cell.strip() for cell in r)]
        if not counts:
            continue
        modal, frequency = Counter(counts).most_common(1)[0]
        key = (modal > 1, round(frequency / len(counts), 2), modal, delimiter == sniffed, -rank)
        if best is None or key > best[0]:
            best = (key, delimiter)
    if best is not None and best[0][0]:
        return best[1]
    return sniffed if sniffed in DELIMITERS else DELIMITERS[0]


def read_csv(
    path: Path, raw: bytes, limits: Limits, warnings: list[str], progress: Progress
) -> tuple[Sheet, str, str]:
    """The single sheet of a CSV file, with the encoding and delimiter found."""
    text, encoding = decode(path, raw, warnings)
    del raw
    delimiter = detect_delimiter(text)
    limit = csv.field_size_limit()
    if limit < len(text) + 1:
        csv.field_size_limit(len(text) + 1)  # long cells are cut with a warning, not refused
    name = path.stem
    builder = SheetBuilder(name, path, limits, warnings, CellBudget(path, limits))
    total = max(text.count("\n"), text.count("\r")) + 1
    odd_quotes = text.count('"') % 2 == 1
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=False)
    last_lines = 0
    line_before = 0
    index = 0
    shape = ShapeCheck(name, delimiter)
    for index, record in enumerate(reader, start=1):
        builder.add_row(record)
        shape.add(index, line_before + 1, reader.line_num, record)
        last_lines = reader.line_num - line_before
        line_before = reader.line_num
        if index % 1000 == 0:
            progress.step(min(index, total), total, PROGRESS_SHEET(sheet=name, rows=index))
    warnings.extend(shape.warnings())
    if odd_quotes and last_lines > 1:
        warnings.append(warn(WARN_OPEN_QUOTE, sheet=name, row=index, lines=last_lines))
    progress.step(total, total, PROGRESS_SHEET(sheet=name, rows=index))
    return builder.finish(), encoding, delimiter
