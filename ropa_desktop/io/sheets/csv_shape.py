"""Rows of a CSV file that do not fit the table: more fields than the header, or whole
lines swallowed by a quotation mark that is closed only rows later.

An unquoted ``;`` inside a cell ("Name; Anschrift" in a ``;`` file) gives its row one field
more than the header, and every value right of it lands one column too far right. A
quotation mark opened in one cell and closed only rows later turns the lines between into
one cell. Neither can be undone safely, so :class:`ShapeCheck` names every such row (its
row number in the sheet and its text line) in a warning: the import never shifts values
silently.
"""

from __future__ import annotations

from collections import Counter

from ropa_desktop.domain.i18n import Text
from ropa_desktop.io.sheets.types import warn

MAX_SHAPE_WARNINGS = 20
"""Further rows of the same kind are counted in one last warning."""
_KEEP_RECORDS = 4096
"""Records kept for the check before those that fit are dropped (bounded memory)."""

WARN_EXTRA_FIELDS = Text(
    de="Blatt „{sheet}“, Zeile {row} (Textzeile {line}): {fields} Felder statt {width} wie in "
    "der Kopfzeile – vermutlich ein „{delimiter}“ im Text ohne Anführungszeichen; Werte "
    "stehen dann zu weit rechts (überzählig in Spalte {column}: „{value}“). Bitte die Zeile "
    "prüfen.",
    en="sheet “{sheet}”, row {row} (text line {line}): {fields} fields instead of the "
    "header's {width} – probably an unquoted “{delimiter}” inside a cell; values are then "
    "too far right (surplus in column {column}: “{value}”). Please check the row.",
)
WARN_SWALLOWED = Text(
    de="Blatt „{sheet}“, Zeile {row} (Textzeilen {first}–{last}): ein Anführungszeichen wird "
    "erst Zeilen später geschlossen; die Textzeilen dazwischen stehen in einer Zelle "
    "(„{value}“). Bitte das Anführungszeichen prüfen.",
    en="sheet “{sheet}”, row {row} (text lines {first}–{last}): a quotation mark is closed "
    "only lines later; the lines between ended up in one cell (“{value}”). Please check "
    "the quotation mark.",
)
WARN_MORE_SHAPE = Text(
    de="Blatt „{sheet}“: {count} weitere Zeilen passen nicht zur Kopfzeile (siehe oben).",
    en="sheet “{sheet}”: {count} more rows do not fit the header (see above).",
)

_Record = tuple[int, int, int, list[str]]


def _column_name(index: int) -> str:
    """Spreadsheet letters of the 0-based column ``index`` (0 → A, 26 → AA)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class ShapeCheck:
    """Collects the records of one CSV sheet and reports those that do not fit."""

    def __init__(self, sheet: str, delimiter: str) -> None:
        self.sheet = sheet
        self.delimiter = delimiter
        self._records: list[_Record] = []
        """(row, first text line, last text line, fields) of records that may not fit."""
        self._widths: Counter[int] = Counter()

    def add(self, row: int, first_line: int, last_line: int, record: list[str]) -> None:
        """Note one record (``row``: 1-based row in the sheet; lines 1-based)."""
        width = len(record)
        if width > 1:
            self._widths[width] += 1
        if width > 1 or last_line > first_line:
            self._records.append((row, first_line, last_line, record))
            if len(self._records) > _KEEP_RECORDS:
                self._records = [r for r in self._records if self._misfit(r)]

    def _table_width(self) -> int:
        return self._widths.most_common(1)[0][0] if self._widths else 0

    def _misfit(self, item: _Record) -> bool:
        width = self._table_width()
        _, first, last, record = item
        return (width > 1 and len(record) > width) or (last > first and self._swallowed(record))

    def _swallowed(self, record: list[str]) -> bool:
        """A cell holds lines that look like whole rows of the file."""
        need = max(self._table_width() - 1, 2)
        return any(
            line.count(self.delimiter) >= need
            for cell in record
            if "\n" in cell or "\r" in cell
            for line in cell.splitlines()
        )

    def warnings(self) -> list[str]:
        """One warning per row that does not fit (at most :data:`MAX_SHAPE_WARNINGS`)."""
        width = self._table_width()
        out: list[str] = []
        count = 0
        for row, first, last, record in self._records:
            text: str | None = None
            if last > first and self._swallowed(record):
                text = warn(
                    WARN_SWALLOWED,
                    sheet=self.sheet,
                    row=row,
                    first=first,
                    last=last,
                    value=max(record, key=len)[:60],
                )
            elif width > 1 and len(record) > width:
                extra = [c for c in record[width:] if c.strip()]
                if not extra:
                    continue
                text = warn(
                    WARN_EXTRA_FIELDS,
                    sheet=self.sheet,
                    row=row,
                    line=first,
                    fields=len(record),
                    width=width,
                    delimiter=self.delimiter if self.delimiter != "\t" else "Tab",
                    column=_column_name(width),
                    value=extra[0][:60],
                )
            if text is None:
                continue
            count += 1
            if count <= MAX_SHAPE_WARNINGS:
                out.append(text)
        if count > MAX_SHAPE_WARNINGS:
            out.append(warn(WARN_MORE_SHAPE, sheet=self.sheet, count=count - MAX_SHAPE_WARNINGS))
        return out
