"""Opening databases: defaults, upgrades with backup, refusals."""

from __future__ import annotations

import json
import sqlite3
import sys

import pytest
from sqlalchemy import text

from ropa_desktop.domain import model as m
from ropa_desktop.store import backup, database
from ropa_desktop.store.database import DatabaseError, open_store, resolve_url


def test_default_location_follows_ropa_db(monkeypatch, tmp_path):
    target = tmp_path / "sub" / "mine.sqlite"
    monkeypatch.setenv("ROPA_DB", str(target))
    store = open_store()
    assert target.exists()
    assert store.is_empty()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url):
    store = open_store(sqlite_url)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def _old_database(url: str) -> None:
    """A database as the first release left it: schema 0001 with one organisation."""
    engine = database.create_db_engine(database.resolve_url(url))
    database.upgrade_schema(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisation (uid, name, kind, representative, dpo, dpo_external, "
                "is_controller, is_processor) VALUES ('o1', 'Gemeinde Alt', 'public_authority', "
                "'{}', '{}', false, true, false)"
            )
        )
    engine.dispose()


def test_older_sqlite_database_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "register.sqlite"
    _old_database(str(path))
    store = open_store(path)
    assert store.organisation_names() == ["Gemeinde Alt"]
    assert database.current_revision(store.engine) == database.head_revision()
    backups = list((tmp_path / "backups").glob("register.before-upgrade-0001-*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT name FROM organisation").fetchall() == [("Gemeinde Alt",)]
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    # The upgraded schema works: batches (revision 0002) are written on import.
    store.import_register(m.Register(organisations=[m.Organisation(name="Neu")]))
    assert store.history()[0].batch is not None


def test_older_postgresql_database_is_dumped_then_upgraded(pg_url, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "backup_dir", lambda: tmp_path / "backups")
    _old_database(pg_url)
    store = open_store(pg_url)
    assert store.organisation_names() == ["Gemeinde Alt"]
    (dump,) = (tmp_path / "backups").glob("*.before-upgrade-0001-*.json")
    content = json.loads(dump.read_text(encoding="utf-8"))
    assert content["organisation"][0]["name"] == "Gemeinde Alt"
    store.engine.dispose()


def test_database_of_a_newer_version_is_refused_untouched(db_url):
    store = open_store(db_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.engine.dispose()
    with pytest.raises(DatabaseError, match="neueren Version"):
        open_store(db_url)
    engine = database.create_db_engine(database.resolve_url(db_url))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
    engine.dispose()


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE kunden (id INTEGER)")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="keine Datenbank von ropa-desktop"):
        open_store(path)
    assert path.read_bytes() == before  # not even switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("kunden",)]


def test_garbage_file_gives_one_clear_error(tmp_path):
    path = tmp_path / "kaputt.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError) as info:
        open_store(path)
    assert str(path) in str(info.value)


def test_unreachable_server_gives_one_clear_error():
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    with pytest.raises(DatabaseError) as info:
        open_store(url)
    assert "127.0.0.1" in str(info.value)
    assert "\n" not in str(info.value)


def test_url_without_password_in_messages():
    assert "geheim" not in database.describe("postgresql+psycopg://u:geheim@host/db")
    with pytest.raises(DatabaseError) as info:
        open_store("postgresql+psycopg://u:geheim@127.0.0.1:1/db")
    assert "geheim" not in str(info.value) and "127.0.0.1" in str(info.value)


def test_file_names_with_question_marks_and_percent_signs(tmp_path):
    for name in ("was?.sqlite", "pct%41.sqlite"):
        store = open_store(tmp_path / name)
        store.import_register(m.Register(organisations=[m.Organisation(name="Stadt A")]))
        assert (tmp_path / name).exists()
        assert resolve_url(tmp_path / name).database == str(tmp_path / name)
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == ["pct%41.sqlite", "was?.sqlite"]


def test_a_postgresql_url_without_psycopg_names_the_missing_driver_and_the_extra(monkeypatch):
    # As after `pip install ropa-desktop` without the [postgresql] extra.
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(DatabaseError) as caught:
        open_store("postgresql+psycopg://dpo@127.0.0.1:1/register")
    message = caught.value.message("de")
    assert "Datenbanktreiber „psycopg“" in message
    assert "pip install 'ropa-desktop[postgresql]'" in message
    assert "postgresql+psycopg://dpo@127.0.0.1:1/register" in message
    assert "psycopg" in caught.value.message("en") and "not installed" in caught.value.message("en")
