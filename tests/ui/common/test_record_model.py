"""The record table base: columns give text, sort key, tooltip, icon and font per row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ropa_desktop.ui.common.item_models import SORT_ROLE
from ropa_desktop.ui.common.record_model import Column, RecordTableModel, italic_font

EXTRA_ROLE = Qt.ItemDataRole.UserRole + 9


class _Numbers(RecordTableModel[int]):
    def columns(self) -> list[Column[int]]:
        return [
            Column(
                "Number", str, sort=lambda n: -n, tooltip=lambda n: "even" if n % 2 == 0 else None
            ),
            Column("Square", lambda n: str(n * n), font=lambda n: italic_font() if n > 2 else None),
        ]

    def row_data(self, row: int, index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
        return row * 10 if role == EXTRA_ROLE else None


def test_columns_give_every_role(qapp: Any) -> None:
    model = _Numbers()
    model.set_rows([1, 2])
    model.append_rows(iter([3]))
    model.append_rows([])
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.rowCount(model.index(0, 0)) == 0
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == [
        "Number",
        "Square",
    ]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert [model.index(r, 1).data() for r in range(3)] == ["1", "4", "9"]
    assert [model.index(r, 0).data(SORT_ROLE) for r in range(3)] == [-1, -2, -3]
    assert model.index(0, 1).data(SORT_ROLE) is None  # no sort key given
    assert [model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(3)] == [
        None,
        "even",
        None,
    ]
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(2, 1).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(1, 1).data(EXTRA_ROLE) == 20
    assert model.row_at(2) == 3 and model.all_rows() == [1, 2, 3]
    assert model.data(QModelIndex()) is None
