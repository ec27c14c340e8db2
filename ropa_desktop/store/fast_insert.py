"""Inserting many rows with one ``executemany`` of the database driver.

``conn.execute(insert(table), rows)`` builds and converts every row's parameters in
SQLAlchemy, which costs several times the driver's own work for the tens of thousands of
child rows of an import. :func:`insert_many` compiles the statement once, converts the
values with the columns' own bind processors (the same conversion SQLAlchemy applies) and
hands the rows to the driver in one call, inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert

Processor = Callable[[Any], Any] | None


def insert_many(conn: Connection, table: Any, values: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``values`` (one dict by column key per row) into ``table`` (a mapped class
    or a :class:`~sqlalchemy.Table`); the rows written are those of
    ``conn.execute(insert(table), values)``, which is used where the fast way does not
    apply (rows with different keys, a column left out that has a default)."""
    if not values:
        return
    target: Table = table.__table__ if hasattr(table, "__table__") else table
    keys = list(values[0])
    key_set = set(keys)
    if (
        any(column.key not in key_set and column.default is not None for column in target.columns)
        or any(len(row) != len(keys) or row.keys() != key_set for row in values)
        or any(name not in target.c for name in keys)
    ):  # a default computed by SQLAlchemy, or rows of different shapes
        conn.execute(insert(table), list(values))
        return
    dialect = conn.dialect
    compiled = insert(target).compile(dialect=dialect, column_keys=keys)
    if set(compiled.params) != key_set or compiled.escaped_bind_names:
        conn.execute(insert(table), list(values))
        return
    order = list(compiled.positiontup) if compiled.positional and compiled.positiontup else keys
    processors: list[tuple[str, Processor]] = [
        (name, target.c[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in order
    ]

    def converted(row: Mapping[str, Any]) -> list[Any]:
        return [
            row[name] if process is None else process(row[name]) for name, process in processors
        ]

    sql = str(compiled)
    if compiled.positional:
        conn.exec_driver_sql(sql, [tuple(converted(row)) for row in values])
    else:
        conn.exec_driver_sql(sql, [dict(zip(order, converted(row), strict=True)) for row in values])
