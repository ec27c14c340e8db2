"""Migration 0006 and the explicit "none" statements (issue 18 item 4): a register at
revision 0004 keeps its records with every statement unset; the store keeps a statement
once set (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import text

from ropa_desktop.store import backup, database
from ropa_desktop.store.database import open_store


def _database_at_0004(url: str) -> None:
    engine = database.create_db_engine(database.resolve_url(url))
    database.upgrade_schema(engine, "0004")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisation (uid, name, kind, representative, dpo, dpo_external, "
                "is_controller, is_processor) VALUES ('o1', 'Gemeinde Alt', 'public_authority', "
                "'{}', '{}', false, true, true)"
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
    engine.dispose()


def test_upgrade_from_0004_leaves_statements_unset_and_stores_them(db_url, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "backup_dir", lambda: tmp_path / "backups")
    _database_at_0004(db_url)
    store = open_store(db_url)
    try:
        assert database.current_revision(store.engine) == database.head_revision()
        org = store.load_organisation("Gemeinde Alt")
        act, svc = org.activities[0], org.services[0]
        assert (act.no_external_recipients, act.no_joint_controllers, act.no_transfers) == (
            False,
            False,
            False,
        )
        assert svc.no_transfers is False

        act.no_external_recipients = True
        act.no_transfers = True
        store.save_activity(org.uid, act)
        svc.no_transfers = True
        store.save_service(org.uid, svc)
        again = store.load_organisation("Gemeinde Alt")
        act2 = again.activities[0]
        assert (act2.no_external_recipients, act2.no_joint_controllers, act2.no_transfers) == (
            True,
            False,
            True,
        )
        assert again.services[0].no_transfers is True
    finally:
        store.engine.dispose()
