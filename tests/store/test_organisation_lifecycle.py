"""Archiving, restoring and deleting an organisation; deletion undone as a batch."""

from __future__ import annotations

from datetime import date

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_to_document
from ropa_desktop.io.demo import build_demo_register
from ropa_desktop.store.database import open_store
from ropa_desktop.store.repository import StoreError

HERNE = "Stadtwerke Herne AG"


@pytest.fixture
def store(db_url):
    store = open_store(db_url, user="dsb")
    store.import_register(build_demo_register(date(2026, 11, 21)), kind="demo")
    return store


def test_archived_organisation_is_hidden_from_lists_but_kept_whole(store):
    before = register_to_document(store.load_register(HERNE))
    store.archive_organisation(HERNE)
    assert HERNE not in [o.name for o in store.organisations()]
    listed = {o.name: o for o in store.organisations(include_archived=True)}
    assert listed[HERNE].archived is not None
    archived = register_to_document(store.load_register(HERNE))  # exports still possible
    assert archived["organisations"][0]["archived"] is not None
    archived["organisations"][0]["archived"] = None
    assert archived == before
    with pytest.raises(StoreError, match="bereits archiviert"):
        store.archive_organisation(HERNE)
    store.restore_organisation(HERNE)
    assert HERNE in [o.name for o in store.organisations()]
    assert register_to_document(store.load_register(HERNE)) == before
    fields = [h.record.field for h in store.organisation_history(HERNE)[:2]]
    assert fields == ["archived", "archived"]


def test_delete_removes_everything_and_undo_brings_it_back(store):
    herne = store.load_register(HERNE)
    store.freeze_version(HERNE, "Stand für die Aufsicht")
    before = register_to_document(store.load_register(HERNE))
    others = register_to_document(store.load_register("Stadt Ahaus"))
    summary = next(o for o in store.organisations() if o.name == HERNE)
    assert (summary.activities, summary.catalogue) == (
        len(herne.organisations[0].activities),
        len(herne.processors) + len(herne.recipients) + len(herne.toms),
    )
    batch = store.delete_organisation(HERNE)
    assert HERNE not in store.organisation_names()
    assert not any(p.owner == herne.organisations[0].uid for p in store.catalogue().processors)
    assert register_to_document(store.load_register("Stadt Ahaus")) == others
    assert store.batches(limit=1)[0].kind == "delete-organisation"
    store.restore_organisation(HERNE)  # the same as undoing the batch
    assert register_to_document(store.load_register(HERNE)) == before
    assert [v.label for v in store.versions(HERNE)] == ["Stand für die Aufsicht"]
    assert [b.undone for b in store.batches() if b.uid == batch] == [True]
    with pytest.raises(StoreError, match="gelöschte Organisation"):
        store.restore_organisation("Gibt es nicht")


def test_an_organisation_created_again_under_the_name_blocks_the_undo(store):
    batch = store.delete_organisation(HERNE)
    store.save_organisation(m.Organisation(name=HERNE))
    with pytest.raises(StoreError, match=HERNE):
        store.undo_batch(batch)
    assert store.load_register(HERNE).organisations[0].activities == []
