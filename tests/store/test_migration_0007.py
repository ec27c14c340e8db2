"""Migration 0007: a version frozen before the upgrade survives it unchanged, with no
delivery recorded, and can be marked delivered afterwards (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import text

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_to_document
from ropa_desktop.store import backup, database
from ropa_desktop.store.database import open_store


def test_versions_frozen_before_0007_survive_the_upgrade(db_url, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "backup_dir", lambda: tmp_path / "backups")
    engine = database.create_db_engine(database.resolve_url(db_url))
    database.upgrade_schema(engine, "0004")
    org = m.Organisation(uid="o1", name="Gemeinde Alt")
    org.activities = [m.Activity(uid="a1", reference="VT-1", name="Melderegister")]
    # the records as the previous release wrote them: only the columns 0004 has (the
    # models of this release have more, so they cannot write a 0004 database)
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
                "INSERT INTO activity (uid, organisation_id, reference, name, contact, "
                "data_subjects, internal_recipients, dpia_art35_3, dpia_wp248, dpia_dsk_list, "
                "dpia_result, status, created, changed) VALUES ('a1', (SELECT id FROM "
                "organisation), 'VT-1', 'Melderegister', '{}', '[]', '[]', '[]', '[]', '[]', "
                "'not_assessed', 'draft', '2025-01-01 00:00:00+00:00', "
                "'2025-01-01 00:00:00+00:00')"
            )
        )
    engine.dispose()
    # a version frozen by the previous release: only the columns 0004 has
    engine = database.create_db_engine(database.resolve_url(db_url))
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO register_version (organisation_id, number, label, frozen_at, "
                '"user", document) VALUES ((SELECT id FROM organisation), 1, :label, '
                "'2026-11-01 10:00:00+00:00', 'dsb', :doc)"
            ),
            {"label": "Stand alt", "doc": _document(org)},
        )
    engine.dispose()

    store = open_store(db_url)
    assert database.current_revision(store.engine) == database.head_revision()
    (version,) = store.versions("Gemeinde Alt")
    assert (version.number, version.label, version.delivered_to, version.delivered_on) == (
        1,
        "Stand alt",
        "",
        None,
    )
    assert store.load_version("Gemeinde Alt", 1).organisations[0].activities[0].name == (
        "Melderegister"
    )
    store.record_delivery("Gemeinde Alt", 1, "BayLfD", date(2026, 12, 1), "Az. 1")
    assert store.versions("Gemeinde Alt")[0].delivered_to == "BayLfD"
    store.engine.dispose()


def _document(org: m.Organisation) -> str:
    return json.dumps(register_to_document(m.Register(organisations=[org])))
