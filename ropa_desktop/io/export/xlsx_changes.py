"""The rows of the optional sheet "Änderungen": what changed since an earlier version,
one row per record and one per changed item (old → new in words)."""

from __future__ import annotations

from ropa_desktop.domain.comparison import (
    CHANGE_WORDS,
    KIND_WORDS,
    Comparison,
)
from ropa_desktop.io.export import xlsx_layout as L
from ropa_desktop.io.export.xlsx_content import Row, SheetContent


def changes_content(comparison: Comparison) -> SheetContent:
    """The sheet's content, one block per changed record."""
    lang = comparison.lang

    def block(index: int) -> list[Row]:
        record = comparison.records[index]
        rows: list[Row] = [
            [
                f"{KIND_WORDS[record.kind](lang)} {record.title}",
                CHANGE_WORDS[record.change](lang),
                "",
                "",
                "",
            ]
        ]
        for item in record.items:
            word, old, new = item.cells(lang)
            rows.append(["", word, item.field, old, new])
        return rows

    count = len(comparison.records)
    return SheetContent(L.CHANGES, count, (block(i) for i in range(count)))
