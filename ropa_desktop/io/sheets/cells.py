"""Turning raw rows from a format library or the csv module into a :class:`Sheet`.

One :class:`SheetBuilder` per sheet normalises the values (empty text → ``None``, whole
floats → ``int``, times → text), cuts overlong texts with a warning, trims trailing empty
cells and rows and enforces the row, column and cell limits as the rows arrive, so an
oversized sheet stops with an error at the first cell over the limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time, timedelta
from pathlib import Path
from typing import Any

from ropa_desktop.io.sheets.types import (
    MSG_TOO_MANY_CELLS,
    MSG_TOO_MANY_COLUMNS,
    MSG_TOO_MANY_ROWS,
    WARN_CELL_CUT,
    WARN_MORE_CUT,
    CellValue,
    Limits,
    Sheet,
    cell_ref,
    column_letter,
    fail,
    warn,
)

MAX_CUT_WARNINGS = 50
"""Per sheet; further cut cells are summed up in one more warning."""
_MAX_EXACT_FLOAT = float(2**53)


class CellBudget:
    """The number of cells a workbook may still hold (:attr:`Limits.max_cells`)."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limit = limits.max_cells
        self.used = 0

    def spend(self, cells: int, sheet: str) -> None:
        """Count ``cells`` more for ``sheet``; raises when the workbook goes over the limit."""
        self.used += cells
        if self.used > self.limit:
            raise fail(MSG_TOO_MANY_CELLS, self.path, sheet=sheet, limit=self.limit)


def check_extent(
    path: Path, limits: Limits, budget: CellBudget | None, sheet: str, last_row: int, last_col: int
) -> None:
    """Refuse a sheet whose used area reaches the 0-based ``last_row``/``last_col``
    when that is over the limits; count its area against the workbook's cell budget."""
    if last_row < 0 or last_col < 0:
        return
    if last_row >= limits.max_rows:
        raise fail(MSG_TOO_MANY_ROWS, path, sheet=sheet, row=last_row + 1, limit=limits.max_rows)
    if last_col >= limits.max_columns:
        raise fail(
            MSG_TOO_MANY_COLUMNS,
            path,
            sheet=sheet,
            column=column_letter(last_col),
            limit=limits.max_columns,
        )
    if budget is not None:
        budget.spend((last_row + 1) * (last_col + 1), sheet)


class SheetBuilder:
    """Collects the rows of one sheet, in order, into a :class:`Sheet`."""

    def __init__(
        self,
        name: str,
        path: Path,
        limits: Limits,
        warnings: list[str],
        budget: CellBudget | None = None,
    ) -> None:
        self.name = name
        self.path = path
        self.limits = limits
        self.warnings = warnings
        self.budget = budget
        self.rows: list[list[CellValue]] = []
        self._pending_empty = 0
        self._cut = 0

    @property
    def row_count(self) -> int:
        """Rows taken so far, empty ones included."""
        return len(self.rows) + self._pending_empty

    def add_row(self, raw: Iterable[Any], col_offset: int = 0) -> None:
        """Append the next row; ``raw[0]`` belongs to 0-based column ``col_offset``."""
        row_index = len(self.rows) + self._pending_empty
        max_chars = self.limits.max_cell_chars
        out: list[CellValue] = [None] * col_offset if col_offset else []
        append = out.append
        for value in raw:
            kind = type(value)
            if kind is str:
                if not value:
                    value = None
                elif len(value) > max_chars:
                    value = self._cut_text(value, row_index, len(out))
            elif kind is float:
                if value.is_integer() and -_MAX_EXACT_FLOAT <= value <= _MAX_EXACT_FLOAT:
                    value = int(value)
            elif kind is time:
                value = value.isoformat(
                    timespec="minutes" if not (value.second or value.microsecond) else "auto"
                )
            elif kind is timedelta:
                value = str(value)
            elif value is not None and kind not in (int, bool) and not hasattr(value, "year"):
                value = str(value) or None
            append(value)
        while out and out[-1] is None:
            out.pop()
        if not out:
            self._pending_empty += 1
            return
        if row_index >= self.limits.max_rows:
            raise fail(
                MSG_TOO_MANY_ROWS,
                self.path,
                sheet=self.name,
                row=row_index + 1,
                limit=self.limits.max_rows,
            )
        if len(out) > self.limits.max_columns:
            raise fail(
                MSG_TOO_MANY_COLUMNS,
                self.path,
                sheet=self.name,
                column=column_letter(len(out) - 1),
                limit=self.limits.max_columns,
            )
        if self.budget is not None:
            self.budget.spend(len(out), self.name)
        if self._pending_empty:
            self.rows.extend([] for _ in range(self._pending_empty))
            self._pending_empty = 0
        self.rows.append(out)

    def _cut_text(self, value: str, row: int, col: int) -> str:
        limit = self.limits.max_cell_chars
        self._cut += 1
        if self._cut <= MAX_CUT_WARNINGS:
            self.warnings.append(
                warn(
                    WARN_CELL_CUT,
                    sheet=self.name,
                    cell=cell_ref(row, col),
                    row=row + 1,
                    column=column_letter(col),
                    length=len(value),
                    limit=limit,
                    cut=len(value) - limit,
                )
            )
        return value[:limit]

    def finish(
        self, merged: list[tuple[int, int, int, int]] | None = None, hidden: bool = False
    ) -> Sheet:
        """The sheet; trailing empty rows are dropped."""
        if self._cut > MAX_CUT_WARNINGS:
            self.warnings.append(
                warn(WARN_MORE_CUT, sheet=self.name, count=self._cut - MAX_CUT_WARNINGS)
            )
        return Sheet(name=self.name, rows=self.rows, merged=sorted(merged or []), hidden=hidden)
