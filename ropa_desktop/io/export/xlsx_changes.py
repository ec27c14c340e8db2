"""The rows of the optional sheet "Änderungen": what changed since an earlier version,
one row per record and one per changed item (old → new in words)."""

from __future__ import annotations

from ropa_desktop.domain.comparison import (
    ADDED_ITEM,
    CHANGE_WORDS,
    EMPTY,
    KIND_WORDS,
    REMOVED_ITEM,
    Change,
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
            if item.old is None:
                word = ADDED_ITEM(lang)
            elif item.new is None:
                word = REMOVED_ITEM(lang)
            else:
                word = CHANGE_WORDS[Change.CHANGED](lang)
            empty = EMPTY(lang) if item.old is not None and item.new is not None else ""
            rows.append(["", word, item.field, item.old or empty, item.new or empty])
        return rows

    count = len(comparison.records)
    return SheetContent(L.CHANGES, count, (block(i) for i in range(count)))
