"""Upgrading a real database of the previous version (schema 0002, one catalogue shared by
all organisations) to catalogues per organisation, on SQLite and PostgreSQL.

The fixture ``fixtures/register-0002.sqlite`` was written by the previous version
(``fixtures/build_register_0002.py``): the demo register plus "Gemeinde Musterdorf", which
reused Microsoft (Herne's), Flexperto with its subprocessors (Gütersloh's), a TOM and a
recipient of other organisations; a deleted activity; an unused processor; a JSON import.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine, insert, select, text

from ropa_desktop.domain import model as m
from ropa_desktop.domain.ownership import copy_uid
from ropa_desktop.store.database import create_db_engine, open_store, upgrade_schema
from ropa_desktop.store.repository import Store

FIXTURE = Path(__file__).parent / "fixtures" / "register-0002.sqlite"
MUSTERDORF = "Gemeinde Musterdorf"


def _links_before(url: str) -> tuple[dict[tuple[str, str], dict[str, list[Any]]], list[tuple]]:
    """What every activity and service links (by names) and the whole history, read with
    plain SQL from a database at schema 0002."""
    engine = create_engine(url)
    found: dict[tuple[str, str], dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    queries = {
        "processors": "SELECT o.name, a.name, p.name, u.service FROM processor_use u "
        "JOIN activity a ON a.id = u.activity_id JOIN organisation o "
        "ON o.id = a.organisation_id JOIN processor p ON p.id = u.processor_id "
        "ORDER BY u.id",
        "subprocessors": "SELECT o.name, s.name, p.name, u.service FROM processor_use u "
        "JOIN processing_service s ON s.id = u.service_id JOIN organisation o "
        "ON o.id = s.organisation_id JOIN processor p ON p.id = u.processor_id "
        "ORDER BY u.id",
        "recipients": "SELECT o.name, a.name, r.name, r.category FROM recipient_use u "
        "JOIN activity a ON a.id = u.activity_id JOIN organisation o "
        "ON o.id = a.organisation_id JOIN recipient r ON r.id = u.recipient_id "
        "ORDER BY u.id",
        "toms": "SELECT o.name, a.name, t.title, t.description FROM tom_use u "
        "JOIN activity a ON a.id = u.activity_id JOIN organisation o "
        "ON o.id = a.organisation_id JOIN tom t ON t.id = u.tom_id ORDER BY u.id",
        "transfers": "SELECT o.name, a.name, p.name, t.country FROM transfer t "
        "JOIN activity a ON a.id = t.activity_id JOIN organisation o "
        "ON o.id = a.organisation_id JOIN processor p ON p.id = t.processor_id "
        "ORDER BY t.id",
    }
    with engine.connect() as conn:
        for kind, sql in queries.items():
            for org, record, name, detail in conn.execute(text(sql)):
                found[(org, record)][kind].append((name, detail))
        history = [
            tuple(r)
            for r in conn.execute(
                text(
                    'SELECT id, at, "user", entity, entity_uid, field, old, new, batch_id '
                    "FROM change "
                    "ORDER BY id"
                )
            )
        ]
    engine.dispose()
    return _plain(found), history


def _links_after(store: Store) -> dict[tuple[str, str], dict[str, list[Any]]]:
    found: dict[tuple[str, str], dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for name in store.organisation_names():
        register = store.load_register(name)
        org = register.organisations[0]
        procs, recs = register.processors_by_uid(), register.recipients_by_uid()
        toms = register.toms_by_uid()
        for act in org.activities:
            links = found[(name, act.name)]
            links["processors"] += [(procs[x.processor].name, x.service) for x in act.processors]
            links["recipients"] += [(recs[u].name, recs[u].category) for u in act.recipients]
            links["toms"] += [(toms[u].title, toms[u].description) for u in act.toms]
            links["transfers"] += [
                (procs[t.processor].name, t.country)
                for t in act.transfers
                if t.processor is not None
            ]
        for svc in org.services:
            found[(name, svc.name)]["subprocessors"] += [
                (procs[x.processor].name, x.service) for x in svc.subprocessors
            ]
        # every entry belongs to the organisation, and so does every subprocessor
        for p in register.processors:
            assert p.owner == org.uid
            assert all(s.processor in procs for s in p.subprocessors)
    return _plain(found)


def _plain(found: dict[tuple[str, str], dict[str, list[Any]]]) -> dict[Any, dict[str, list]]:
    return {
        key: {k: v for k, v in links.items() if v}
        for key, links in found.items()
        if any(links.values())
    }


def _copy_rows(source: str, target_url: str) -> None:
    """Copy every row of the SQLite database ``source`` into the PostgreSQL database at
    ``target_url`` (same schema revision), table by table, and move the id sequences on."""
    src = create_engine(f"sqlite:///{source}")
    meta = MetaData()
    meta.reflect(src)
    dst = create_db_engine(target_url)
    with src.connect() as read, dst.begin() as write:
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(r._mapping) for r in read.execute(select(table))]
            target = MetaData()
            target.reflect(write, only=[table.name])
            if rows:
                write.execute(insert(target.tables[table.name]), rows)
            if "id" in table.c:
                write.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                        f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'
                    )
                )
    src.dispose()
    dst.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def old_database(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, tuple]:
    """A copy of the 0002 fixture on each backend: (url, what it links and its history)."""
    copy = tmp_path / "register.sqlite"
    shutil.copy(FIXTURE, copy)
    before = _links_before(f"sqlite:///{copy}")
    if request.param == "sqlite":
        return str(copy), before
    url = request.getfixturevalue("pg_url")
    engine = create_db_engine(url)
    upgrade_schema(engine, "0002")
    engine.dispose()
    _copy_rows(str(copy), url)
    return url, before


def test_upgrade_keeps_every_link_and_every_history_entry(old_database):
    url, (links_before, history_before) = old_database
    store = open_store(url)  # upgrades to the newest schema
    assert _links_after(store) == links_before
    assert {k[0] for k in links_before} >= {MUSTERDORF, "Stadtwerke Herne AG"}
    with store.engine.connect() as conn:
        history_after = [
            tuple(r)
            for r in conn.execute(
                text(
                    'SELECT id, at, "user", entity, entity_uid, field, old, new, batch_id '
                    "FROM change "
                    "ORDER BY id"
                )
            )
        ]
    kept = history_after[: len(history_before)]
    assert [r[0] for r in kept] == [r[0] for r in history_before]
    assert [r[3:] for r in kept] == [r[3:] for r in history_before]


def test_shared_entries_are_split_and_the_first_user_keeps_the_uid(old_database):
    url, _ = old_database
    store = open_store(url)
    herne = store.load_register("Stadtwerke Herne AG")
    musterdorf = store.load_register(MUSTERDORF)
    ms_herne = next(p for p in herne.processors if p.name == "Microsoft Corporation")
    ms_md = next(p for p in musterdorf.processors if p.name == "Microsoft Corporation")
    assert ms_md.uid == copy_uid(ms_herne.uid, musterdorf.organisations[0].uid)
    assert ms_herne.notes and ms_md.notes == ms_herne.notes  # a copy of what both saw
    # the copy says where it came from
    created = store.history(ms_md.uid, newest_first=False)[0]
    assert created.field == "" and ms_herne.uid in (created.new or "")
    assert MUSTERDORF in (created.new or "")
    # Flexperto came with its subprocessor chain
    for register in (musterdorf, store.load_register("Stadtwerke Gütersloh GmbH")):
        by_name = {p.name: p for p in register.processors}
        names = {p.uid: p.name for p in register.processors}
        assert [names[s.processor] for s in by_name["Flexperto GmbH"].subprocessors] == [
            "Google Ireland Limited"
        ]
        assert [names[s.processor] for s in by_name["Google Ireland Limited"].subprocessors] == [
            "Google LLC"
        ]
    # the processor nobody used went to the first organisation
    first = store.load_register("Stadtwerke Gütersloh GmbH")
    assert "Ungenutzt GmbH" in {p.name for p in first.processors}
    everyone = store.load_register()
    assert [p.name for p in everyone.processors].count("Ungenutzt GmbH") == 1


def test_old_batches_and_deleted_activities_still_work_after_the_upgrade(old_database):
    url, _ = old_database
    store = open_store(url)
    batch = next(b for b in store.batches() if b.description == "JSON: musterdorf.json")
    store.undo_batch(batch.uid)
    register = store.load_register(MUSTERDORF)
    org = register.organisations[0]
    act = next(a for a in org.activities if a.reference == "MD-3")
    assert act.description == ""
    own = {p.uid for p in register.processors}
    assert {link.processor for link in act.processors} <= own
    assert set(act.toms) <= {t.uid for t in register.toms}
    # an activity deleted before the upgrade comes back linked to the organisation's own copy
    deleted = next(
        h
        for h in store.organisation_history(MUSTERDORF)
        if h.record.entity_label == "Altes Verfahren" and h.record.new is None
    )
    restored = store.restore_activity(deleted.record.entity_uid)
    assert [link.processor for link in restored.processors] == [
        next(p.uid for p in register.processors if p.name == "Microsoft Corporation")
    ]


def test_upgraded_database_refuses_cross_organisation_links(old_database):
    url, _ = old_database
    store = open_store(url)
    herne = store.load_register("Stadtwerke Herne AG")
    md = store.load_organisation(MUSTERDORF)
    act = m.Activity(name="Quer", processors=[m.ProcessorLink(herne.processors[0].uid, "")])
    with pytest.raises(Exception, match="gehört zur Organisation"):
        store.save_activity(md.uid, act)
