"""Imports are batches: recorded together, undone together, backed up before."""

from __future__ import annotations

import sqlite3

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_to_document
from ropa_desktop.store.backup import backup_database
from ropa_desktop.store.database import open_store
from ropa_desktop.store.repository import StoreError


def _base() -> m.Register:
    act = m.Activity(name="Personalakte", purposes=[m.Purpose("Personalverwaltung", ["art6-1-b"])])
    org = m.Organisation(name="Stadt A", activities=[act])
    return m.Register(organisations=[org], processors=[m.Processor(name="Rechenzentrum")])


def _snapshot(store) -> dict:
    return register_to_document(store.load_register())


def test_undo_removes_what_an_import_created_and_restores_what_it_replaced(db_url):
    store = open_store(db_url)
    base = _base()
    store.import_register(base)
    before = _snapshot(store)
    changed = _base()
    changed.organisations[0].uid = base.organisations[0].uid
    changed.processors[0].uid = base.processors[0].uid
    act = changed.organisations[0].activities[0]
    act.uid = base.organisations[0].activities[0].uid
    act.purposes[0].legal_bases = ["art6-1-c"]  # replaced by the import …
    changed.organisations[0].activities.append(m.Activity(name="Bewerbungen"))  # … and new
    changed.processors.append(m.Processor(name="Druckdienstleister"))
    result = store.import_register(changed, description="Personalamt.xlsx")
    assert (result.created, result.updated) == (2, 1)
    assert _snapshot(store) != before
    undo = store.undo_batch(result.batch)
    assert undo.kind == "undo"
    assert _snapshot(store) == before
    assert [b.undone for b in store.batches() if b.uid == result.batch] == [True]
    with pytest.raises(StoreError, match="bereits rückgängig"):
        store.undo_batch(result.batch)


def test_undo_is_refused_when_a_record_changed_since(db_url):
    store = open_store(db_url)
    base = _base()
    result = store.import_register(base)
    org = base.organisations[0]
    org.activities[0].notes = "später ergänzt"
    store.save_activity(org.uid, org.activities[0])
    before = _snapshot(store)
    with pytest.raises(StoreError, match="Personalakte"):
        store.undo_batch(result.batch)
    assert _snapshot(store) == before


def test_backup_before_import_holds_the_database_as_it_was(tmp_path):
    store = open_store(tmp_path / "register.sqlite")
    store.import_register(_base())
    copy = backup_database(store.engine, "before-import")
    assert copy.parent == tmp_path / "backups"
    store.import_register(m.Register(organisations=[m.Organisation(name="Stadt B")]))
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name FROM organisation").fetchall() == [("Stadt A",)]
