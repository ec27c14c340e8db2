"""The driver-level bulk insert of an import writes exactly what SQLAlchemy's insert wrote."""

from __future__ import annotations

import copy
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import Connection, insert

from ropa_desktop.domain import model as m
from ropa_desktop.store import history, writing
from ropa_desktop.store.database import open_store
from tests.strategies import registers

# Set when the import ran: the batch's time stamp and uid differ between two imports.
VARYING = {"at", "uid"}


def _sqlalchemy_insert(conn: Connection, table: Any, values: Any) -> None:
    if values:
        conn.execute(insert(table), list(values))


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as con:
        tables = [
            name
            for (name,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        out = {}
        for table in tables:
            cursor = con.execute(f'SELECT * FROM "{table}" ORDER BY id')
            keep = [
                i
                for i, d in enumerate(cursor.description)
                if not (table in ("change", "change_batch") and d[0] in VARYING)
            ]
            out[table] = [tuple(row[i] for i in keep) for row in cursor.fetchall()]
    return out


def _import(path: Path, register: m.Register) -> None:
    store = open_store(path)
    try:
        store.import_register(register)
    finally:
        store.engine.dispose()


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(register=registers())
def test_an_import_writes_the_same_rows_as_sqlalchemy_insert(
    register: m.Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        fast, slow = Path(tmp) / "fast.sqlite", Path(tmp) / "slow.sqlite"
        _import(fast, copy.deepcopy(register))
        with monkeypatch.context() as patch:
            patch.setattr(writing, "insert_many", _sqlalchemy_insert)
            patch.setattr(history, "insert_many", _sqlalchemy_insert)
            _import(slow, copy.deepcopy(register))
        written = _rows(fast)
        assert sum(len(rows) for rows in written.values()) > 0
        assert written == _rows(slow)


def test_an_import_reads_back_whole_on_each_backend(db_url: str) -> None:
    """JSON, time stamps, flags and defaults of the bulk-inserted rows come back as given
    on SQLite and PostgreSQL."""
    act = m.Activity(
        name="Melderegister",
        purposes=[m.Purpose(text="Führung", legal_bases=["art6-1-c", "§§ 2 ff. BMG"])],
        data_subjects=["Einwohner"],
        data_categories=[
            m.DataCategory(
                name="Anschrift",
                retention=m.Retention(duration=5, unit=m.RetentionUnit.YEARS, start="Wegzug"),
            ),
            m.DataCategory(name="Religion", special=m.SpecialCategory.ART9),
        ],
        joint_controllers=[m.JointController(name="Landratsamt")],
    )
    org = m.Organisation(name="Gemeinde Musterstadt", activities=[act])
    store = open_store(db_url)
    try:
        store.import_register(m.Register(organisations=[org]))
        loaded = store.load_organisation("Gemeinde Musterstadt").activities
        assert len(loaded) == 1
        back = loaded[0]
        assert back.purposes == act.purposes
        assert back.data_categories == act.data_categories
        assert back.joint_controllers == act.joint_controllers
        assert back.created == act.created
        assert store.history(limit=1)
    finally:
        store.engine.dispose()


def test_repeated_and_look_alike_json_values_are_written_each_as_itself(db_url: str) -> None:
    """The remembered JSON of repeated lists never stands in for a different value that
    compares equal (``[1]``/``[True]``, ``{1: …}``/``{True: …}``), on either backend."""
    from sqlalchemy import JSON, Column, Integer, MetaData, Table, select

    from ropa_desktop.store.fast_insert import insert_tuples

    table = Table(
        "memo_probe", MetaData(), Column("id", Integer, primary_key=True), Column("doc", JSON)
    )
    values: list[Any] = [
        ["Einwohner", "Beschäftigte"],
        ["Einwohner", "Beschäftigte"],
        ["1"],
        [1],
        [True],
        [1.0],
        {"name": "Frau Öztürk", "phone": ""},
        {"name": "Frau Öztürk", "phone": ""},
        {"1": "a"},
        {1: "a"},
        {True: "a"},
        [["nested"]],
        [{"a": "b"}],
        [],
        {},
    ]
    engine = open_store(db_url).engine  # the store's own engine and JSON settings
    try:
        with engine.begin() as conn:
            table.create(conn)
            insert_tuples(conn, table, ["id", "doc"], [(i, v) for i, v in enumerate(values)])
            rows = conn.execute(select(table.c.doc).order_by(table.c.id)).scalars().all()
            table.drop(conn)
    finally:
        engine.dispose()
    expected = [
        v if not isinstance(v, dict) else {str(k).lower(): x for k, x in v.items()} for v in values
    ]
    assert rows == expected
    assert [type(x) for r in rows[3:6] for x in r] == [int, bool, float]


def test_equal_moments_in_other_zones_are_written_as_sqlalchemy_writes_them(
    db_url: str,
) -> None:
    """The remembered conversion of time stamps keeps zone and type apart: 12:00 UTC and
    13:00 CET (the same instant) and a date beside a midnight time stamp are each written
    as SQLAlchemy's own insert writes them."""
    from datetime import UTC, date, datetime, timedelta, timezone

    from sqlalchemy import Column, Date, DateTime, Integer, MetaData, Table, insert, select

    from ropa_desktop.store.fast_insert import insert_tuples

    cet = timezone(timedelta(hours=1))
    moments = [
        datetime(2026, 1, 1, 12, tzinfo=UTC),
        datetime(2026, 1, 1, 13, tzinfo=cet),
        datetime(2026, 1, 1, 12, tzinfo=UTC),
        datetime(2026, 1, 1, 0, tzinfo=UTC),
        None,
    ]
    days = [date(2026, 1, 1), date(2026, 1, 1), None, date(2026, 1, 2), date(2026, 1, 1)]
    meta = MetaData()
    tables = [
        Table(
            name,
            meta,
            Column("id", Integer, primary_key=True),
            Column("at", DateTime(timezone=True)),
            Column("day", Date),
        )
        for name in ("moments_fast", "moments_slow")
    ]
    rows = [(i, at, day) for i, (at, day) in enumerate(zip(moments, days, strict=True))]
    engine = open_store(db_url).engine
    try:
        with engine.begin() as conn:
            meta.create_all(conn)
            insert_tuples(conn, tables[0], ["id", "at", "day"], rows)
            conn.execute(
                insert(tables[1]), [dict(zip(("id", "at", "day"), r, strict=True)) for r in rows]
            )
            fast, slow = (
                conn.execute(select(t.c.at, t.c.day).order_by(t.c.id)).all() for t in tables
            )
            meta.drop_all(conn)
    finally:
        engine.dispose()
    assert fast == slow


def test_rows_of_another_shape_are_refused_whole(sqlite_url: str) -> None:
    """A row with other keys than the first (as many, or more: SQLAlchemy's own insert
    would drop the extra value silently) is refused before anything is written."""
    from sqlalchemy import Column, Integer, MetaData, Table, Text, select

    from ropa_desktop.store.fast_insert import insert_many

    table = Table(
        "shapes",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("a", Text),
        Column("b", Text),
    )
    engine = open_store(sqlite_url).engine
    try:
        with engine.begin() as conn:
            table.create(conn)
        for rows in (
            [{"id": 1, "a": "x"}, {"id": 2, "b": "y"}],
            [{"id": 3, "a": "z"}, {"id": 4, "a": "v", "b": "w"}],
        ):
            with pytest.raises(ValueError, match="differ in their columns"), engine.begin() as conn:
                insert_many(conn, table, rows)
        with engine.connect() as conn:
            assert conn.execute(select(table)).all() == []
    finally:
        engine.dispose()
