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
    apply (rows with different keys, a column default computed in Python)."""
    if not values:
        return
    target: Table = table.__table__ if hasattr(table, "__table__") else table
    keys = list(values[0])
    key_set = set(keys)
    defaults: dict[str, Any] = {}
    for column in target.columns:
        if column.key in key_set or column.default is None:
            continue
        if not column.default.is_scalar:
            conn.execute(insert(table), list(values))
            return
        defaults[column.key] = column.default.arg  # type: ignore[attr-defined]
    if any(len(row) != len(keys) or row.keys() != key_set for row in values):
        conn.execute(insert(table), list(values))
        return
    names = [*keys, *defaults]
    if any(name not in target.c for name in names):
        conn.execute(insert(table), list(values))
        return
    dialect = conn.dialect
    compiled = insert(target).compile(dialect=dialect, column_keys=names)
    if set(compiled.params) != set(names) or compiled.escaped_bind_names:
        conn.execute(insert(table), list(values))
        return
    order = list(compiled.positiontup) if compiled.positional and compiled.positiontup else names
    # (key, bind processor, value when the row has none: the column's default)
    spec: list[tuple[str, Processor, bool, Any]] = []
    for name in order:
        process = target.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        spec.append((name, process, name not in key_set, defaults.get(name)))

    def converted(row: Mapping[str, Any]) -> list[Any]:
        return [
            default if absent else row[name] if process is None else process(row[name])
            for name, process, absent, default in spec
        ]

    sql = str(compiled)
    if compiled.positional:
        conn.exec_driver_sql(sql, [tuple(converted(row)) for row in values])
    else:
        conn.exec_driver_sql(sql, [dict(zip(order, converted(row), strict=True)) for row in values])
