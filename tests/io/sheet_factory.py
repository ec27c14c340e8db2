"""Builders for the spreadsheet files the sheet reader tests read (all made in the test run).

xlsx/xlsm come from openpyxl; ods and xls from LibreOffice (``soffice --headless
--convert-to``, with a throwaway profile), which also stores the cached values of formulas;
the rest is written byte by byte: a minimal ODS, a minimal xlsx with unusual cell markup,
an OLE2 compound file like the one an encrypted workbook is, zip bombs.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import openpyxl

SOFFICE_MISSING = (
    "LibreOffice (soffice) not found: install the Debian package libreoffice-calc-nogui "
    "(make test does when run as root)"
)


def soffice_convert(sources: list[Path], target: str, outdir: Path, profile: Path) -> None:
    """Convert ``sources`` with LibreOffice into ``outdir`` (``target``: "ods", "xls",
    "xlsx:Calc MS Excel 2007 XML", …). Fails (never skips) when LibreOffice is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise AssertionError(SOFFICE_MISSING)
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for source in sources:
        extension = target.split(":", 1)[0]
        produced = outdir / f"{source.stem}.{extension}"
        if not produced.exists():
            raise AssertionError(f"LibreOffice did not write {produced}")


def layout_workbook(path: Path) -> Path:
    """The usual municipal layout: title, date, blank row, merged header in row 4, data
    with formulas and dates from row 6; a hidden helper sheet and an empty sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Verzeichnis"
    ws["A1"] = "Verzeichnis von Verarbeitungstätigkeiten – Bürgerbüro"
    ws["A2"] = dt.date(2024, 3, 1)
    ws["A4"] = "Verarbeitung"
    ws.merge_cells("A4:B4")
    ws["C4"] = "Rechtsgrundlage"
    ws.merge_cells("C4:C5")
    ws["D4"] = "Frist (Jahre)"
    ws["E4"] = "Frist (Monate)"
    ws["F4"] = "Letzte Prüfung"
    ws["A5"] = "Nr."
    ws["B5"] = "Bezeichnung"
    ws["A6"] = 1
    ws["B6"] = "Melderegister"
    ws["C6"] = "Art. 6 Abs. 1 lit. e DSGVO\n§§ 2 ff. BMG"
    ws["D6"] = 10
    ws["E6"] = "=D6*12"
    ws["F6"] = dt.datetime(2024, 1, 15, 9, 30)
    ws["A7"] = 2
    ws["B7"] = "Gewerbeanzeigen"
    ws["C7"] = "Art. 6 Abs. 1 lit. c DSGVO"
    ws["D7"] = 2.5
    ws["E7"] = "=D7*12"
    ws["F7"] = dt.date(2023, 12, 1)
    ws["B8"] = '=HYPERLINK("https://example.org","Link")'
    literal = ws["C8"]
    literal.value = "=SUMME(A1:A2)"
    literal.data_type = "s"  # text that looks like a formula, kept as text
    helper = wb.create_sheet("Listen")
    helper["A1"] = "Ja"
    helper["A2"] = "Nein"
    helper.sheet_state = "hidden"
    wb.create_sheet("Leer")
    wb.save(path)
    return path


def rows_workbook(path: Path, rows: int, columns: int = 3, sheet: str = "Daten") -> Path:
    """A workbook with one sheet of ``rows`` × ``columns`` text cells (write-only, fast)."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    for r in range(rows):
        ws.append([f"R{r + 1}C{c + 1}" for c in range(columns)])
    wb.save(path)
    return path


def cells_workbook(path: Path, cells: dict[str, object], sheet: str = "Tabelle1") -> Path:
    """A workbook with the given cells ("B7": value) on one sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(path)
    return path


# --- hand-written ZIP packages -----------------------------------------------------------------

_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/"
  manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
_ODS_CONTENT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet>
"""
_ODS_CONTENT_TAIL = "</office:spreadsheet></office:body></office:document-content>\n"


def ods_by_hand(path: Path, tables_xml: str) -> Path:
    """A minimal valid ODS: ``mimetype`` stored first, manifest, ``content.xml`` holding
    ``tables_xml`` (``<table:table …>`` elements; whitespace between tags is removed, as
    LibreOffice writes it and as the reading library expects)."""
    tables_xml = re.sub(r">\s+<", "><", tables_xml.strip())
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        zf.writestr("META-INF/manifest.xml", _ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr(
            "content.xml",
            _ODS_CONTENT_HEAD + tables_xml + _ODS_CONTENT_TAIL,
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return path


MINIMAL_ODS_TABLES = """
<table:table table:name="Tätigkeiten">
 <table:table-column table:number-columns-repeated="4"/>
 <table:table-row><table:table-cell office:value-type="string"><text:p>Titel</text:p>
  </table:table-cell></table:table-row>
 <table:table-row table:number-rows-repeated="2"><table:table-cell
  table:number-columns-repeated="4"/></table:table-row>
 <table:table-row>
  <table:table-cell table:number-columns-spanned="2" office:value-type="string">
   <text:p>Verarbeitung</text:p></table:table-cell>
  <table:covered-table-cell/>
  <table:table-cell office:value-type="string"><text:p>Zweck</text:p></table:table-cell>
 </table:table-row>
 <table:table-row>
  <table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p>
  </table:table-cell>
  <table:table-cell office:value-type="date" office:date-value="2024-05-17">
   <text:p>17.05.24</text:p>
  </table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Zeile 1</text:p><text:p>Zeile 2</text:p>
  </table:table-cell>
 </table:table-row>
 <table:table-row table:number-rows-repeated="1048570"><table:table-cell
  table:number-columns-repeated="1024"/></table:table-row>
</table:table>
<table:table table:name="Leer"><table:table-row><table:table-cell/></table:table-row>
</table:table>
"""

ODS_FAR_ROWS = """
<table:table table:name="Riesig">
 <table:table-row table:number-rows-repeated="1000000"><table:table-cell
  office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>
</table:table>
"""

_XLSX_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
_XLSX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="xl/workbook.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
_XLSX_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_XLSX_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="worksheets/sheet1.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
</Relationships>"""
_XLSX_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData>{rows}</sheetData></worksheet>"""


def xlsx_by_hand(path: Path, sheet_data: str, sheet: str = "Hand") -> Path:
    """A minimal xlsx package whose only sheet holds ``sheet_data`` (``<row>`` elements)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _XLSX_CONTENT_TYPES)
        zf.writestr("_rels/.rels", _XLSX_RELS)
        zf.writestr("xl/workbook.xml", _XLSX_WORKBOOK.format(name=sheet))
        zf.writestr("xl/_rels/workbook.xml.rels", _XLSX_WORKBOOK_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", _XLSX_SHEET.format(rows=sheet_data))
    return path


def zip_bomb(path: Path, unpacked_bytes: int, member: str = "xl/worksheets/sheet1.xml") -> Path:
    """An "xlsx" with one member of ``unpacked_bytes`` spaces, written in chunks (the file on
    disk stays small: about 1/1000 of that)."""
    chunk = b" " * 2**20
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _XLSX_CONTENT_TYPES)
        with zf.open(member, "w", force_zip64=True) as fh:
            left = unpacked_bytes
            while left > 0:
                piece = chunk[: min(len(chunk), left)]
                fh.write(piece)
                left -= len(piece)
    return path


def lying_zip(path: Path, real_bytes: int, claimed_bytes: int) -> Path:
    """An "xlsx" whose sheet member unpacks to ``real_bytes`` while the local header and the
    central directory claim ``claimed_bytes`` (a manipulated archive)."""
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _XLSX_CONTENT_TYPES)
        zf.writestr(member, b"<" + b" " * (real_bytes - 1))
    data = bytearray(path.read_bytes())
    name = member.encode()
    local = data.find(b"PK\x03\x04")
    while local >= 0:
        name_len = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30 : local + 30 + name_len] == name:
            struct.pack_into("<I", data, local + 22, claimed_bytes)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_len] == name:
            struct.pack_into("<I", data, central + 24, claimed_bytes)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path


# --- OLE2 compound files ------------------------------------------------------------------------

_FREESECT, _ENDOFCHAIN, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _dir_entry(
    name: str, kind: int, start: int, size: int, child: int = _NOSTREAM, right: int = _NOSTREAM
) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", _NOSTREAM, right, child)
        + b"\0" * 16
        + b"\0" * 4
        + b"\0" * 16
        + struct.pack("<IQ", start, size)
    )


def compound_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A valid OLE2 compound file (512-byte sectors) holding ``streams`` (at most 3; each
    padded to at least 4096 bytes so none goes into the mini stream)."""
    assert len(streams) <= 3
    padded = [
        (name, data.ljust(max(4096, -(-len(data) // 512) * 512), b"\0"))
        for name, data in streams.items()
    ]
    fat = [_FATSECT, _ENDOFCHAIN]
    entries = [b""]
    next_sector = 2
    for index, (name, data) in enumerate(padded, start=1):
        count = len(data) // 512
        fat.extend([*range(next_sector + 1, next_sector + count), _ENDOFCHAIN])
        right = index + 1 if index < len(padded) else _NOSTREAM
        size = max(len(streams[name]), 4096)
        entries.append(_dir_entry(name, 2, next_sector, size, right=right))
        next_sector += count
    entries[0] = _dir_entry("Root Entry", 5, _ENDOFCHAIN, 0, child=1 if padded else _NOSTREAM)
    directory = b"".join(entries).ljust(512, b"\0")
    fat_sector = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, _ENDOFCHAIN, 0, _ENDOFCHAIN, 0)
    struct.pack_into("<109I", header, 76, 0, *([_FREESECT] * 108))
    path.write_bytes(bytes(header) + fat_sector + directory + b"".join(d for _, d in padded))
    return path


def encrypted_ooxml(path: Path) -> Path:
    """What Excel writes for a workbook saved with a password: an OLE2 container with the
    streams "EncryptionInfo" and "EncryptedPackage" (content here: placeholder bytes)."""
    return compound_file(
        path,
        {
            "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"<encryption/>",
            "EncryptedPackage": struct.pack("<Q", 5000) + bytes(range(256)) * 20,
        },
    )


def encrypted_blob(path: Path) -> Path:
    """A damaged OLE2 file in which only the stream name "EncryptedPackage" is recognisable."""
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 500
        + "EncryptedPackage".encode("utf-16-le")
        + b"\0" * 100
    )
    return path


def biff_record(kind: int, body: bytes) -> bytes:
    """One BIFF record."""
    return struct.pack("<HH", kind, len(body)) + body


def encrypted_xls(path: Path) -> Path:
    """A legacy workbook whose globals start with a FILEPASS record (password to open)."""
    stream = (
        biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))
        + biff_record(0x002F, b"\x01\x00" + b"\0" * 52)
        + biff_record(0x000A, b"")
    )
    return compound_file(path, {"Workbook": stream})
