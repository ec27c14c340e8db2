"""Which cells of a sheet form one record: table rows (with continuation rows) or a form.

Each record is its spreadsheet row number and a list of (mapping, value, cell ref); the
mapping is a column or form field of :mod:`ropa_desktop.io.importing.mapping`, or None for
a cell no column maps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.importing.cell_text import short
from ropa_desktop.io.importing.mapping import (
    ColumnMapping,
    FormField,
    FormLayout,
    TableLayout,
)
from ropa_desktop.io.importing.report import MSG, ImportReport, Note, Status
from ropa_desktop.io.sheets.reader import Sheet
from ropa_desktop.io.sheets.types import column_letter


def row_count(sheet: Sheet, layout: TableLayout | FormLayout) -> int:
    if isinstance(layout, FormLayout):
        return 1
    return max(0, len(sheet.rows) - layout.first_data_row)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def records(
    sheet: Sheet, layout: TableLayout | FormLayout, report: ImportReport
) -> Iterable[tuple[int, list[tuple[Any, Any, str]]]]:
    """(spreadsheet row number, [(mapping, value, cell ref)]) per record.

    A row without a name below a named row continues that record (old registers
    write one activity over several rows, or merge the name cell vertically); its
    cells are added to the record's. Single cells after the last row of the table
    are footnotes: reported, not imported as activities.
    """

    def ref(row: int, col: int) -> str:
        return f"{sheet.name}!{sheet.cell_ref(row, col)}"

    if isinstance(layout, FormLayout):
        yield from _form_record(sheet, layout, ref)
        return
    name_col = next((c.column for c in layout.columns if c.target == Target.NAME), None)
    known = {c.column for c in layout.columns}
    filled_rows = []
    for index in range(layout.first_data_row, len(sheet.rows)):
        filled = [
            (i, v)
            for i, v in enumerate(sheet.rows[index])
            if v is not None and (type(v) is not str or v.strip())
        ]
        if filled:
            filled_rows.append((index, filled))
    # "Sheet!B" per column: the refs of every cell of the table are made from these.
    prefix = f"{sheet.name}!"
    columns = [(c, c.column, prefix + column_letter(c.column)) for c in layout.columns]
    last_table_row = max((i for i, f in filled_rows if len(f) > 1), default=-1)
    current: tuple[int, list[tuple[Any, Any, str]]] | None = None
    for index, filled in filled_rows:
        if index > last_table_row and len(filled) == 1:
            col, value = filled[0]
            report.notes.append(
                Note(Status.WARNING, ref(index, col), MSG["trailing"](text=short(str(value), 500)))
            )
            continue
        if index == layout.first_data_row and all(
            isinstance(v, str) and v.strip().startswith("(") for _, v in filled
        ):
            continue  # an explanation row under the header, e.g. "(Art. 30 Abs. 1 lit. b)"
        row = sheet.rows[index]
        width = len(row)
        number = index + 1
        cells: list[tuple[ColumnMapping | None, Any, str]] = [
            (c, row[col] if col < width else None, f"{letters}{number}")
            for c, col, letters in columns
        ]
        cells += [(None, v, ref(index, i)) for i, v in filled if i not in known]
        named = name_col is not None and name_col < len(row) and not is_blank(row[name_col])
        if name_col is not None and not named and current is not None:
            current[1].extend(cells)  # a continuation row
            continue
        if current is not None:
            yield current
        current = (index + 1, cells)
    if current is not None:
        yield current


def _form_record(
    sheet: Sheet, layout: FormLayout, ref: Any
) -> Iterable[tuple[int, list[tuple[Any, Any, str]]]]:
    """The one record of a form sheet; rows without a label continue the field above."""
    by_row: dict[int, list[FormField]] = {}
    for f in layout.fields:
        by_row.setdefault(f.row, []).append(f)
    cells: list[tuple[Any, Any, str]] = []
    first = min(by_row) if by_row else 0
    previous: Any = None
    for index in range(first, len(sheet.rows)):
        row = sheet.rows[index]
        fields = by_row.get(index)
        if fields:
            used = {f.value_column for f in fields} | {layout.label_column}
            for f in fields:
                value = row[f.value_column] if f.value_column < len(row) else None
                cells.append((f, value, ref(index, f.value_column)))
            for col, value in enumerate(row):  # other cells of a form row, e.g. ticks
                if col not in used and col > layout.label_column and not is_blank(value):
                    cells.append((_Extra(fields[0].label), value, ref(index, col)))
            previous = fields[-1]
            continue
        for col, value in enumerate(row):  # no label: the field above goes on
            if col > layout.label_column and not is_blank(value) and previous is not None:
                cells.append((previous, value, ref(index, col)))
            elif not is_blank(value):
                cells.append((None, value, ref(index, col)))
    yield first + 1, cells


@dataclass(frozen=True, slots=True)
class _Extra:
    """A cell with no field of its own, kept in the notes under its row's label."""

    header: str
    target: None = None
