"""Just enough of the OLE2 compound file format (legacy .xls, encrypted OOXML) to check
a file before the Excel library reads it.

Two questions are answered here, in bounded time and memory:

* Is the container an encrypted (password-protected) Office document? Then it holds the
  streams "EncryptionInfo" and "EncryptedPackage" (OOXML) or the workbook's globals hold a
  FILEPASS record (legacy .xls).
* How far does each sheet of a legacy workbook reach? The Excel library builds a dense grid
  from the used area of every sheet when it opens the file, so one cell in the far corner
  would cost gigabytes; the used area is measured here from the BIFF cell records first.
"""

from __future__ import annotations

import struct
import sys
from array import array
from dataclasses import dataclass
from typing import BinaryIO

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTION_STREAMS = ("EncryptionInfo", "EncryptedPackage")
_MAXREGSECT = 0xFFFFFFFA
_ENDOFCHAIN = 0xFFFFFFFE
_FREESECT = 0xFFFFFFFF
_STREAM = 2
_ROOT = 5


class OleError(Exception):
    """The compound file structure is broken; ``args[0]`` is a short English reason."""


@dataclass(frozen=True, slots=True)
class OleEntry:
    """One stream or storage of the compound file's directory."""

    name: str
    kind: int
    start: int
    size: int


class OleFile:
    """A read-only view of an OLE2 compound file, opened on a binary file object."""

    def __init__(self, fh: BinaryIO, file_size: int) -> None:
        self._fh = fh
        self._file_size = file_size
        fh.seek(0)
        header = fh.read(512)
        if len(header) < 512 or header[:8] != OLE_MAGIC:
            raise OleError("no OLE2 header")
        if header[28:30] != b"\xfe\xff":
            raise OleError("bad byte order mark")
        shift, mini_shift = struct.unpack_from("<HH", header, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise OleError("bad sector size")
        self._ssize = 1 << shift
        n_fat, self._dir_start = struct.unpack_from("<II", header, 44)
        (self._mini_cutoff, self._minifat_start, self._n_minifat, difat_start, n_difat) = (
            struct.unpack_from("<IIIII", header, 56)
        )
        self._n_sectors = max(0, (file_size - self._ssize + self._ssize - 1) // self._ssize)
        if n_fat > self._n_sectors + 1:
            raise OleError("FAT larger than the file")
        difat = list(struct.unpack_from("<109I", header, 76))
        per_sector = self._ssize // 4 - 1
        seen: set[int] = set()
        sector = difat_start
        for _ in range(n_difat):
            if sector >= _MAXREGSECT or sector in seen:
                break
            seen.add(sector)
            values = struct.unpack(f"<{per_sector + 1}I", self._sector(sector))
            difat.extend(values[:per_sector])
            sector = values[per_sector]
        fat_sectors = [s for s in difat if s < _MAXREGSECT][:n_fat]
        self._fat = array("I")
        for sector in fat_sectors:
            self._fat.frombytes(self._sector(sector))
        if sys.byteorder == "big":
            self._fat.byteswap()
        self._minifat: array[int] | None = None
        self._ministream: bytes | None = None

    def _sector(self, sector: int) -> bytes:
        if sector >= self._n_sectors:
            raise OleError(f"sector {sector} points past the end of the file")
        self._fh.seek((sector + 1) * self._ssize)
        data = self._fh.read(self._ssize)
        if len(data) < self._ssize:
            data += b"\0" * (self._ssize - len(data))  # a short last sector is tolerated
        return data

    def _chain(self, start: int, fat: array[int]) -> list[int]:
        chain: list[int] = []
        sector = start
        while sector != _ENDOFCHAIN:
            if sector >= len(fat) or sector >= _MAXREGSECT or len(chain) > len(fat):
                raise OleError("broken sector chain")
            chain.append(sector)
            sector = fat[sector]
        return chain

    def _read_chain(self, start: int, size: int | None) -> bytes:
        parts = []
        total = 0
        for sector in self._chain(start, self._fat):
            parts.append(self._sector(sector))
            total += self._ssize
            if size is not None and total >= size:
                break
        data = b"".join(parts)
        if size is not None:
            if len(data) < size:
                raise OleError("stream shorter than stated")
            data = data[:size]
        return data

    def entries(self) -> list[OleEntry]:
        """All directory entries (streams, storages, the root)."""
        raw = self._read_chain(self._dir_start, None)
        entries = []
        for offset in range(0, len(raw) - 127, 128):
            name_len = struct.unpack_from("<H", raw, offset + 64)[0]
            kind = raw[offset + 66]
            if kind == 0 or name_len < 2 or name_len > 64:
                continue
            name = raw[offset : offset + name_len - 2].decode("utf-16-le", "replace")
            start = struct.unpack_from("<I", raw, offset + 116)[0]
            size = struct.unpack_from("<Q", raw, offset + 120)[0]
            if self._ssize == 512:
                size &= 0xFFFFFFFF
            entries.append(OleEntry(name, kind, start, size))
        return entries

    def read_stream(self, entry: OleEntry) -> bytes:
        """The whole content of a stream entry (at most the file's size)."""
        if entry.size > self._file_size:
            raise OleError(f"stream {entry.name} larger than the file")
        if entry.size >= self._mini_cutoff:
            return self._read_chain(entry.start, entry.size)
        if self._minifat is None or self._ministream is None:
            root = next((e for e in self.entries() if e.kind == _ROOT), None)
            if root is None:
                raise OleError("no root entry")
            self._ministream = self._read_chain(root.start, root.size) if root.size else b""
            self._minifat = array("I")
            if self._n_minifat and self._minifat_start < _MAXREGSECT:
                self._minifat.frombytes(self._read_chain(self._minifat_start, None))
        data = bytearray()
        for sector in self._chain(entry.start, self._minifat):
            data += self._ministream[sector * 64 : (sector + 1) * 64]
        if len(data) < entry.size:
            raise OleError("stream shorter than stated")
        return bytes(data[: entry.size])


def raw_names_present(fh: BinaryIO, names: tuple[str, ...], chunk: int = 2**20) -> bool:
    """Whether any of ``names`` occurs UTF-16LE-encoded anywhere in the file (for containers
    whose structure cannot be parsed)."""
    needles = [name.encode("utf-16-le") for name in names]
    overlap = max(len(n) for n in needles)
    fh.seek(0)
    tail = b""
    while True:
        block = fh.read(chunk)
        if not block:
            return False
        window = tail + block
        if any(n in window for n in needles):
            return True
        tail = window[-overlap:]


# --- BIFF (the record stream inside a legacy workbook) -------------------------------------

_BOF, _EOF, _BOUNDSHEET, _FILEPASS = 0x0809, 0x000A, 0x0085, 0x002F
_CELL_RECORDS = frozenset(
    {
        0x0203,  # NUMBER
        0x027E,  # RK
        0x00FD,  # LABELSST
        0x0204,  # LABEL
        0x00D6,  # RSTRING
        0x0006,  # FORMULA
        0x0406,  # FORMULA (older)
        0x0205,  # BOOLERR
    }
)
_MULRK = 0x00BD


@dataclass(slots=True)
class BiffSheet:
    """One sheet named in a legacy workbook's globals, with its used area (0-based; -1 when
    the sheet holds no value cells)."""

    name: str
    kind: int
    """0 worksheet, 1 macro sheet, 2 chart, 6 VBA module."""
    last_row: int = -1
    last_col: int = -1


@dataclass(slots=True)
class BiffScan:
    """What the pre-check learned from a legacy workbook stream."""

    encrypted: bool
    sheets: list[BiffSheet]


def scan_biff(stream: bytes) -> BiffScan:
    """Read the globals and each sheet's cell records of a BIFF5/BIFF8 workbook stream."""
    size = len(stream)
    if size < 8:
        raise OleError("workbook stream too short")
    kind, length = struct.unpack_from("<HH", stream, 0)
    if kind != _BOF or length < 2:
        raise OleError("workbook stream does not start with BOF")
    biff8 = struct.unpack_from("<H", stream, 4)[0] >= 0x0600
    pos = 4 + length
    positions: list[tuple[int, BiffSheet]] = []
    encrypted = False
    while pos + 4 <= size:
        kind, length = struct.unpack_from("<HH", stream, pos)
        body = pos + 4
        pos = body + length
        if kind == _EOF:
            break
        if kind == _FILEPASS:
            encrypted = True
            break
        if kind == _BOUNDSHEET and length >= 8:
            sheet_pos = struct.unpack_from("<I", stream, body)[0]
            sheet_kind = stream[body + 5]
            cch = stream[body + 6]
            if biff8:
                wide = stream[body + 7] & 1
                raw = stream[body + 8 : body + 8 + cch * (2 if wide else 1)]
                name = raw.decode("utf-16-le" if wide else "latin-1", "replace")
            else:
                name = stream[body + 7 : body + 7 + cch].decode("cp1252", "replace")
            positions.append((sheet_pos, BiffSheet(name, sheet_kind)))
    sheets = [sheet for _, sheet in positions]
    if encrypted:
        return BiffScan(True, sheets)
    unpack = struct.unpack_from
    for sheet_pos, sheet in positions:
        if sheet_pos + 4 > size or unpack("<H", stream, sheet_pos)[0] != _BOF:
            continue
        depth = 0
        pos = sheet_pos
        last_row = last_col = -1
        while pos + 4 <= size:
            kind, length = unpack("<HH", stream, pos)
            body = pos + 4
            pos = body + length
            if kind in _CELL_RECORDS:
                if length >= 4:
                    row, col = unpack("<HH", stream, body)
                    if row > last_row:
                        last_row = row
                    if col > last_col:
                        last_col = col
            elif kind == _MULRK:
                if length >= 6:
                    row = unpack("<H", stream, body)[0]
                    col = unpack("<H", stream, body + length - 2)[0]
                    if row > last_row:
                        last_row = row
                    if col > last_col:
                        last_col = col
            elif kind == _BOF:
                depth += 1
            elif kind == _EOF:
                depth -= 1
                if depth <= 0:
                    break
        sheet.last_row, sheet.last_col = last_row, last_col
    return BiffScan(False, sheets)
