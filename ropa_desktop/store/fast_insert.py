"""Inserting many rows with one ``executemany`` of the database driver.

``conn.execute(insert(table), rows)`` builds and converts every row's parameters in
SQLAlchemy, which costs several times the driver's own work for the tens of thousands of
child rows of an import. :func:`insert_many` (rows as dicts) and :func:`insert_tuples`
(rows as tuples in a given column order) compile the statement once, convert the values
with the columns' own bind processors (the same conversion SQLAlchemy applies) and hand
the rows to the driver in one call, inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Connection, Date, DateTime, Table, insert

MEMO_LIMIT = 4096
"""Distinct JSON values remembered per column and call (registers repeat lists such as
the data subjects or legal bases row after row; unique values are not remembered)."""


def insert_many(conn: Connection, table: Any, values: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``values`` (one dict by column key per row, every row with the same keys)
    into ``table`` (a mapped class or a :class:`~sqlalchemy.Table`); the rows written are
    those of ``conn.execute(insert(table), values)``.

    Rows with other keys than the first raise :class:`ValueError` before anything is
    written (SQLAlchemy's own insert would drop a later row's extra keys silently)."""
    if not values:
        return
    keys = list(values[0])
    width = len(keys)
    pick = itemgetter(*keys)
    try:
        # Rows as long as the first with all its keys have exactly its keys.
        if any(len(row) != width for row in values):
            raise KeyError
        rows = [pick(row) for row in values] if width > 1 else [(pick(row),) for row in values]
    except KeyError:
        raise ValueError(f"rows for {table!r} differ in their columns") from None
    insert_tuples(conn, table, keys, rows)


def insert_tuples(
    conn: Connection, table: Any, keys: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert ``rows`` (each the values of ``keys``, in that order) into ``table``, as
    ``conn.execute(insert(table), [dict(zip(keys, row)) for row in rows])`` would."""
    if not rows:
        return
    target: Table = table.__table__ if hasattr(table, "__table__") else table
    key_set = set(keys)

    def as_dicts() -> list[dict[str, Any]]:
        return [dict(zip(keys, row, strict=True)) for row in rows]

    if any(
        column.key not in key_set and column.default is not None for column in target.columns
    ) or any(name not in target.c for name in keys):
        conn.execute(insert(table), as_dicts())  # a default computed by SQLAlchemy
        return
    dialect = conn.dialect
    compiled = insert(target).compile(dialect=dialect, column_keys=list(keys))
    if set(compiled.params) != key_set or compiled.escaped_bind_names:
        conn.execute(insert(table), as_dicts())
        return
    order = list(compiled.positiontup) if compiled.positional and compiled.positiontup else keys
    position = {name: index for index, name in enumerate(keys)}
    processors: list[tuple[int, Callable[[Any], Any]]] = []
    for index, name in enumerate(order):
        column_type = target.c[name].type
        process = column_type.dialect_impl(dialect).bind_processor(dialect)
        if process is None:
            continue
        if isinstance(column_type, JSON):
            processors.append((index, _memoised(process)))
        elif isinstance(column_type, Date | DateTime):
            processors.append((index, _memoised_moment(process)))
        else:
            processors.append((index, process))
    convert = _converter([position[name] for name in order], processors)
    sql = str(compiled)
    if compiled.positional:
        conn.exec_driver_sql(sql, [convert(row) for row in rows])
    else:
        conn.exec_driver_sql(sql, [dict(zip(order, convert(row), strict=True)) for row in rows])


def _converter(
    indices: list[int], processors: list[tuple[int, Callable[[Any], Any]]]
) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """A function from a row (in the caller's order) to its driver parameters: reordered
    to ``indices`` and converted by ``processors`` (by position in the new order)."""
    in_order = indices == list(range(len(indices)))
    pick = itemgetter(*indices) if len(indices) > 1 else None

    def reorder(row: Sequence[Any]) -> tuple[Any, ...]:
        if in_order:
            return tuple(row)
        return pick(row) if pick is not None else (row[indices[0]],)

    if not processors:
        return reorder

    def convert(row: Sequence[Any]) -> tuple[Any, ...]:
        params = list(reorder(row))
        for index, process in processors:
            params[index] = process(params[index])
        return tuple(params)

    return convert


def _memoised(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``process`` remembering its result for flat lists and dicts of strings (keys too).

    Only results for values made of strings are remembered; as a string equals only a
    string, a value found in the memo is made of the same strings (``[1]`` and ``[True]``,
    equal as tuples, never meet there)."""
    memo: dict[Hashable, Any] = {}

    def run(value: Any) -> Any:
        kind = type(value)
        if kind is list:
            key: Hashable = (list, *value)
            strings = (value[i] for i in range(len(value)))
        elif kind is dict:
            key = (dict, *value.items())
            strings = (part for item in value.items() for part in item)
        else:
            return process(value)
        try:
            found = memo.get(key)
        except TypeError:  # an unhashable item: not a flat value
            return process(value)
        if found is None:
            found = process(value)
            if len(memo) < MEMO_LIMIT and all(type(item) is str for item in strings):
                memo[key] = found
        return found

    return run


def _memoised_moment(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``process`` remembering its result per date or time stamp (an import's rows share
    their creation and change times). Equal aware times with the same ``tzinfo`` have the
    same fields; the type and zone are part of the key, so a date never stands in for a
    time stamp and 12:00 UTC never for 13:00 CET."""
    memo: dict[Hashable, Any] = {}

    def run(value: Any) -> Any:
        if value is None:
            return process(value)
        key = (type(value), value, getattr(value, "tzinfo", None))
        found = memo.get(key)
        if found is None:
            found = process(value)
            if len(memo) < MEMO_LIMIT:
                memo[key] = found
        return found

    return run
