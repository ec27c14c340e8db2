"""Splitting list cells the same way within a column.

:func:`parsing.split_values` splits a single-line cell at commas only when it has three or
more short parts ("Name, Vorname, Geburtsdatum"), so that "Meyer, Christina" stays whole.
In a column whose other cells are comma lists, a two-item cell such as "DATEV, Stripe
Inc." or "Bezügestelle, Krankenkassen" is a list too: :func:`comma_list_targets` finds
those columns before the rows are converted, and :func:`split_like_column` splits their
two-item cells (never a name with its address, "Google Ireland Ltd., Dublin").
"""

from __future__ import annotations

import re

from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.importing.cell_text import split_cell
from ropa_desktop.io.importing.mapping import TableLayout
from ropa_desktop.io.name_matching import split_address
from ropa_desktop.io.sheets.reader import Sheet

LIST_TARGETS = frozenset(
    {
        Target.DATA_SUBJECTS,
        Target.DATA_CATEGORIES,
        Target.INTERNAL_RECIPIENTS,
        Target.RECIPIENTS,
        Target.PROCESSORS,
    }
)
"""Columns whose cells are lists of values."""
_SHORT = 40
_DIGIT = re.compile(r"\d")


def _comma_list(text: str) -> bool:
    """A single-line cell that ``split_values`` splits at commas."""
    return "\n" not in text and ";" not in text and len(split_cell(text)) >= 3


def comma_list_targets(sheet: Sheet, layout: TableLayout) -> set[Target]:
    """The list columns of ``layout`` in which at least one cell is a comma list."""
    found: set[Target] = set()
    for column in layout.columns:
        if column.target not in LIST_TARGETS or column.target in found:
            continue
        index = column.column
        for row in sheet.rows[layout.first_data_row :]:
            value = row[index] if index < len(row) else None
            if isinstance(value, str) and "," in value and _comma_list(value):
                found.add(column.target)
                break
    return found


def split_like_column(parts: list[str]) -> list[str]:
    """Split the two-item comma parts of a cell in a comma-list column."""
    out: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",")]
        written = split_address(part)
        if (
            len(pieces) == 2
            and all(0 < len(p) <= _SHORT for p in pieces)
            and not _DIGIT.search(part)
            and "(" not in part
            and not (written is not None and written.certain)
            and not pieces[0].endswith("-")
        ):
            out.extend(pieces)
        else:
            out.append(part)
    return out
