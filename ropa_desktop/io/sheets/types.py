"""Types, limits and messages of the spreadsheet reader (see :mod:`ropa_desktop.io.sheets.reader`).

Kept apart from the reader so the format-specific modules (``sheets.csv``, ``sheets.zip``,
``sheets.ole``) can share them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ropa_desktop.domain.i18n import LocalizedError, Text

CellValue = str | int | float | bool | date | datetime | None
"""One cell as read: text, number, truth value, date or date-time; ``None`` when empty."""


@dataclass(frozen=True, slots=True)
class Limits:
    """What the reader accepts; anything over a limit is refused (or cut, for cell text)
    before it is read whole, with a message naming the limit."""

    max_file_bytes: int = 100 * 2**20
    """Larger files are refused before reading."""
    max_uncompressed_bytes: int = 512 * 2**20
    """ZIP-based formats (xlsx, xlsm, ods): the sum of the member sizes, checked from the
    central directory before anything is unpacked, and again while unpacking."""
    max_compression_ratio: int = 100
    """ZIP-based formats: the highest unpacked/packed ratio of a member over 1 MiB."""
    max_rows: int = 200_000
    """Per sheet: data below this row is refused with an error naming the sheet."""
    max_columns: int = 200
    """Per sheet: data right of this column is refused with an error naming the sheet."""
    max_cell_chars: int = 100_000
    """Longer cell texts are cut, with a warning naming the cell and the number of
    characters cut off."""
    max_cells: int = 10_000_000
    """Whole workbook: the sum over all sheets of (rows × columns) of the used area. Bounds
    the memory of the grid the Excel/ODS library builds (about 32 bytes per cell)."""


DEFAULT_LIMITS = Limits()
"""The limits :func:`ropa_desktop.io.sheets.reader.read_workbook` uses unless told otherwise."""


@lru_cache(maxsize=1024)  # asked for every cell of an import
def column_letter(col: int) -> str:
    """The spreadsheet name of the 0-based column ``col``: 0 → "A", 25 → "Z", 26 → "AA"."""
    if col < 0:
        raise ValueError(f"column index must not be negative: {col}")
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    """The "B7"-style name of the cell at 0-based ``row`` and ``col``."""
    return f"{column_letter(col)}{row + 1}"


@dataclass(slots=True)
class Sheet:
    """One sheet (one table of a CSV file) as read.

    ``rows[i]`` is spreadsheet row ``i + 1``; ``rows[i][j]`` is column ``j`` (0 = "A").
    Empty cells are ``None``; trailing empty cells of each row and trailing empty rows are
    trimmed, leading ones are kept so positions stay those the user sees.
    """

    name: str
    rows: list[list[CellValue]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as ``(first_row, first_col, last_row, last_col)``, 0-based and
    inclusive, for xlsx/xlsm/xls/ods; always empty for CSV. The value sits in the first cell."""
    hidden: bool = False
    """The sheet is hidden in the workbook (it is read all the same; a warning says so)."""

    def cell_ref(self, row: int, col: int) -> str:
        """The "B7"-style name of the cell at 0-based ``row`` and ``col`` of :attr:`rows`."""
        return cell_ref(row, col)


@dataclass(slots=True)
class Workbook:
    """The content of one spreadsheet file."""

    path: Path
    kind: str
    """The format found by content: "xlsx", "xlsm", "xls", "ods" or "csv"."""
    sheets: list[Sheet]
    warnings: list[str]
    """One line each, in the current language, naming sheet, row and column where they apply."""
    encoding: str | None = None
    """CSV only: "utf-8", "utf-8-sig" (with BOM), "utf-16" (with BOM) or "cp1252"."""
    delimiter: str | None = None
    """CSV only: one of ``;`` ``,`` tab ``|``."""


class ImportFileError(LocalizedError):
    """A file cannot be read as a spreadsheet; the message is one line naming the file."""


def one_line(value: Any, limit: int = 160) -> str:
    """``value`` as text on one line (whitespace runs collapsed), shortened to ``limit``."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fail(text: Text, path: Path, **params: Any) -> ImportFileError:
    """An :class:`ImportFileError` for ``path`` (params made single-line)."""
    clean = {
        key: one_line(value) if isinstance(value, str) else value for key, value in params.items()
    }
    return ImportFileError(text, file=one_line(str(path), 300), **clean)


def warn(text: Text, **params: Any) -> str:
    """A warning line in the current language (params made single-line)."""
    return text(
        **{
            key: one_line(value) if isinstance(value, str) else value
            for key, value in params.items()
        }
    )


# --- errors (always "{file}: …", one line) -------------------------------------------------

MSG_NOT_FOUND = Text(de="{file}: Datei nicht gefunden.", en="{file}: file not found.")
MSG_UNREADABLE = Text(
    de="{file}: Datei nicht lesbar: {problem}", en="{file}: cannot read the file: {problem}"
)
MSG_EMPTY = Text(
    de="{file}: Die Datei ist leer (0 Byte).", en="{file}: the file is empty (0 bytes)."
)
MSG_TOO_BIG = Text(
    de="{file}: Die Datei ist mit {size} MB zu groß (höchstens {limit} MB); sie wird nicht "
    "gelesen.",
    en="{file}: the file is too large ({size} MB; at most {limit} MB); it was not read.",
)
MSG_TEXT_NOT_CSV = Text(
    de="{file}: keine Tabellendatei – der Inhalt sieht nach Text aus. Als CSV wird nur eine "
    "Datei mit der Endung .csv oder .txt gelesen.",
    en="{file}: not a spreadsheet (looks like text); text is read as CSV only from a file "
    "ending in .csv or .txt.",
)
MSG_MARKUP = Text(
    de="{file}: keine Tabellendatei, sondern HTML/XML (so exportieren manche Programme "
    "„Excel-Dateien“). Bitte in Excel oder LibreOffice öffnen und als .xlsx speichern.",
    en="{file}: not a spreadsheet but HTML/XML (as some programs export “Excel files”); "
    "open it in Excel or LibreOffice and save it as .xlsx.",
)
MSG_PDF = Text(
    de="{file}: ein PDF-Dokument, keine Tabellendatei.",
    en="{file}: a PDF document, not a spreadsheet.",
)
MSG_UNKNOWN_BINARY = Text(
    de="{file}: kein lesbares Tabellenformat (weder Excel, OpenDocument noch CSV).",
    en="{file}: not a readable spreadsheet format (neither Excel, OpenDocument nor CSV).",
)
MSG_PASSWORD = Text(
    de="{file}: Die Arbeitsmappe ist passwortgeschützt (verschlüsselt). Bitte ohne Passwort "
    "speichern und erneut importieren.",
    en="{file}: the workbook is password-protected (encrypted); save it without a password "
    "and import it again.",
)
MSG_ZIP_NOT_SHEET = Text(
    de="{file}: ein ZIP-Archiv, aber keine Excel- oder OpenDocument-Tabelle.",
    en="{file}: a ZIP archive but not an Excel or OpenDocument spreadsheet.",
)
MSG_OLE_NOT_SHEET = Text(
    de="{file}: eine Office-Datei im alten Format, aber keine Excel-Arbeitsmappe "
    "(ein Word-Dokument?).",
    en="{file}: an old-format Office file but not an Excel workbook (a Word document?).",
)
MSG_XLSB = Text(
    de="{file}: Binäre Excel-Arbeitsmappen (.xlsb) werden nicht gelesen; bitte als .xlsx "
    "speichern.",
    en="{file}: binary Excel workbooks (.xlsb) are not read; save it as .xlsx.",
)
MSG_DAMAGED = Text(
    de="{file}: Die Datei ist beschädigt oder unvollständig ({reason}).",
    en="{file}: the file is damaged or incomplete ({reason}).",
)
MSG_BOMB_TOTAL = Text(
    de="{file}: Die Datei würde entpackt {size} MB groß (höchstens {limit} MB); sie wird "
    "nicht gelesen.",
    en="{file}: the file would unpack to {size} MB (at most {limit} MB); it was not read.",
)
MSG_BOMB_RATIO = Text(
    de="{file}: Der Teil „{member}“ ist ungewöhnlich stark komprimiert ({ratio}:1, höchstens "
    "{limit}:1; mögliche ZIP-Bombe); die Datei wird nicht gelesen.",
    en="{file}: the part “{member}” is unusually highly compressed ({ratio}:1, at most "
    "{limit}:1; possible zip bomb); the file was not read.",
)
MSG_BOMB_LIE = Text(
    de="{file}: Der Teil „{member}“ ist entpackt größer als im ZIP-Verzeichnis angegeben; die "
    "Datei ist beschädigt oder manipuliert und wird nicht gelesen.",
    en="{file}: the part “{member}” unpacks to more than the ZIP directory states; the file "
    "is damaged or manipulated and was not read.",
)
MSG_TOO_MANY_MEMBERS = Text(
    de="{file}: Das ZIP-Archiv hat {count} Teile (höchstens {limit}); es wird nicht gelesen.",
    en="{file}: the ZIP archive has {count} parts (at most {limit}); it was not read.",
)
MSG_TOO_MANY_ROWS = Text(
    de="{file}: Das Blatt „{sheet}“ hat Daten bis Zeile {row}, mehr als die erlaubten "
    "{limit} Zeilen; bitte in kleinere Dateien aufteilen.",
    en="{file}: sheet “{sheet}” has data down to row {row}, more than the {limit} rows "
    "allowed; split it into smaller files.",
)
MSG_TOO_MANY_COLUMNS = Text(
    de="{file}: Das Blatt „{sheet}“ hat Daten bis Spalte {column}, mehr als die erlaubten "
    "{limit} Spalten.",
    en="{file}: sheet “{sheet}” has data up to column {column}, more than the {limit} "
    "columns allowed.",
)
MSG_TOO_MANY_CELLS = Text(
    de="{file}: Die Arbeitsmappe hat mit Blatt „{sheet}“ mehr als {limit} Zellen; bitte in "
    "kleinere Dateien aufteilen.",
    en="{file}: with sheet “{sheet}” the workbook has more than {limit} cells; split it into "
    "smaller files.",
)

# --- warnings (one line, naming sheet/row/column) ------------------------------------------

WARN_CELL_CUT = Text(
    de="Blatt „{sheet}“, Zelle {cell} (Zeile {row}, Spalte {column}): Der Text hat {length} "
    "Zeichen und wurde auf {limit} gekürzt; {cut} Zeichen wurden abgeschnitten.",
    en="sheet “{sheet}”, cell {cell} (row {row}, column {column}): the text has {length} "
    "characters and was cut to {limit}; {cut} characters were cut off.",
)
WARN_MORE_CUT = Text(
    de="Blatt „{sheet}“: In {count} weiteren Zellen wurde zu langer Text gekürzt.",
    en="sheet “{sheet}”: overlong text was cut in {count} more cells.",
)
WARN_HIDDEN = Text(
    de="Blatt „{sheet}“ ist ausgeblendet; es wurde trotzdem gelesen.",
    en="sheet “{sheet}” is hidden; it was read all the same.",
)
WARN_NOT_WORKSHEET = Text(
    de="Blatt „{sheet}“ ist ein Diagramm- oder Dialogblatt ohne Zellen; es wurde übersprungen.",
    en="sheet “{sheet}” is a chart or dialog sheet without cells; it was skipped.",
)
WARN_EXTENSION = Text(
    de="Die Datei endet auf „{ext}“, ist aber eine {kind}-Datei; sie wurde als {kind} gelesen.",
    en="the file name ends in “{ext}” but the file is {kind}; it was read as {kind}.",
)
WARN_CP1252_UNDEFINED = Text(
    de="Die Datei ist Windows-1252-kodiert, enthält aber dort nicht belegte Bytes (Anzahl: "
    "{count}, das erste in Textzeile {line}); sie wurden als Latin-1-Steuerzeichen gelesen.",
    en="the file is Windows-1252 encoded but holds {count} bytes undefined there (the first "
    "in text line {line}); they were read as Latin-1 control characters.",
)
WARN_BROKEN_UTF8 = Text(
    de="Die Datei ist UTF-8-kodiert, enthält aber ungültige Bytes (Anzahl: {count}, das erste "
    "in Textzeile {line}); sie wurden als Windows-1252 gelesen.",
    en="the file is UTF-8 encoded but holds {count} invalid bytes (the first in text line "
    "{line}); they were read as Windows-1252.",
)
WARN_OPEN_QUOTE = Text(
    de="Blatt „{sheet}“, Zeile {row}: Ein Anführungszeichen wird bis zum Dateiende nicht "
    "geschlossen; die restlichen {lines} Textzeilen stehen in dieser Zeile.",
    en="sheet “{sheet}”, row {row}: a quotation mark is never closed; the remaining {lines} "
    "lines of text ended up in this row.",
)

# --- progress --------------------------------------------------------------------------------

PROGRESS_CHECK = Text(de="Datei wird geprüft", en="checking the file")
PROGRESS_SHEET = Text(de="Blatt „{sheet}“: {rows} Zeilen", en="sheet “{sheet}”: {rows} rows")
PROGRESS_DONE = Text(de="gelesen", en="read")
