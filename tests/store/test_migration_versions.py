"""Migration 0003: a register at revision 0002 with data gets version 1 on every record
and then works with version checks (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from ropa_desktop.store import backup, database
from ropa_desktop.store.database import open_store
from ropa_desktop.store.repository import ConflictError

TABLES = ("organisation", "activity", "processing_service", "processor", "recipient", "tom")


def _database_at_0002(url: str) -> None:
    engine = database.create_db_engine(database.resolve_url(url))
    database.upgrade_schema(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisation (uid, name, kind, representative, dpo, dpo_external, "
                "is_controller, is_processor) VALUES ('o1', 'Gemeinde Alt', 'public_authority', "
                "'{}', '{}', false, true, false)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO activity (uid, organisation_id, name, contact, data_subjects, "
                "internal_recipients, dpia_art35_3, dpia_wp248, dpia_dsk_list, dpia_result, "
                "status, created, changed) VALUES ('a1', (SELECT id FROM organisation), "
                "'Melderegister', '{}', '[]', '[]', '[]', '[]', '[]', 'not_assessed', 'draft', "
                "'2025-01-01 00:00:00+00:00', '2025-01-01 00:00:00+00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO processing_service (uid, organisation_id, name, "
                "categories, status, created, changed) VALUES ('s1', "
                "(SELECT id FROM organisation), 'IT', '[]', 'draft', "
                "'2025-01-01 00:00:00+00:00', '2025-01-01 00:00:00+00:00')"
            )
        )
        conn.execute(text("INSERT INTO processor (uid, name) VALUES ('p1', 'RZ')"))
        conn.execute(text("INSERT INTO recipient (uid, name) VALUES ('r1', 'Amt')"))
        conn.execute(text("INSERT INTO tom (uid, title, art32) VALUES ('t1', 'TLS', '[]')"))
    engine.dispose()


def test_upgrade_from_0002_gives_every_record_version_1(db_url, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "backup_dir", lambda: tmp_path / "backups")
    _database_at_0002(db_url)
    store = open_store(db_url)
    assert database.current_revision(store.engine) == database.head_revision()
    with store.engine.connect() as conn:
        for table in TABLES:
            assert conn.execute(text(f"SELECT version FROM {table}")).scalars().all() == [1]
    org = store.load_organisation("Gemeinde Alt")
    act = org.activities[0]
    assert (org.version, act.version, org.services[0].version) == (1, 1, 1)
    other = store.load_activity("a1")
    act.description = "neu"
    assert store.save_activity(org.uid, act).version == 2
    other.notes = "veraltet"
    with pytest.raises(ConflictError):
        store.save_activity(org.uid, other)
    catalogue = store.catalogue()
    assert [x.version for x in (*catalogue.processors, *catalogue.recipients, *catalogue.toms)] == [
        1,
        1,
        1,
    ]
    store.engine.dispose()


def test_new_records_after_the_upgrade_start_at_version_1(db_url, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "backup_dir", lambda: tmp_path / "backups")
    _database_at_0002(db_url)
    store = open_store(db_url)
    with store.engine.begin() as conn:  # a row written without naming the version
        conn.execute(
            text(
                "INSERT INTO recipient (uid, name, organisation_id) VALUES "
                "('r2', 'Bank', (SELECT id FROM organisation))"
            )
        )
    assert {r.uid: r.version for r in store.catalogue().recipients} == {"r1": 1, "r2": 1}
    store.engine.dispose()
