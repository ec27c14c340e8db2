"""Bulk changes of several activities: one transaction, one undoable batch."""

from __future__ import annotations

from datetime import date

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_to_document
from ropa_desktop.store.database import open_store
from ropa_desktop.store.repository import BulkChange, Store, StoreError


def _store(db_url: str) -> tuple[Store, m.Organisation]:
    store = open_store(db_url)
    org = m.Organisation(name="Stadt A")
    org.activities = [
        m.Activity(name="Alt", reference="VVT-07"),
        m.Activity(name="Neu 1"),
        m.Activity(name="Neu 2"),
        m.Activity(name="Alt 2", reference="VVT-12"),
    ]
    store.import_register(m.Register(organisations=[org, m.Organisation(name="Stadt B")]))
    return store, org


def _by_name(store: Store) -> dict[str, m.Activity]:
    org = store.load_register("Stadt A").organisations[0]
    return {a.name: a for a in org.activities}


def test_bulk_sets_fields_and_numbers_continuing_the_scheme_then_undoes(db_url: str) -> None:
    store, org = _store(db_url)
    before = register_to_document(store.load_register())
    uids = [a.uid for a in org.activities[:3]]
    change = BulkChange(
        department="Hauptamt",
        status=m.ActivityStatus.IN_REVIEW,
        next_review=date(2027, 3, 1),
        number=True,
    )
    batch = store.bulk_update(org.uid, uids, change, "3 Tätigkeiten")
    acts = _by_name(store)
    assert [acts[n].reference for n in ("Alt", "Neu 1", "Neu 2", "Alt 2")] == [
        "VVT-07",  # kept: it had a reference
        "VVT-13",
        "VVT-14",
        "VVT-12",
    ]
    for name in ("Alt", "Neu 1", "Neu 2"):
        assert acts[name].department == "Hauptamt"
        assert acts[name].status == m.ActivityStatus.IN_REVIEW
        assert acts[name].next_review == date(2027, 3, 1)
    assert acts["Alt 2"].department == ""
    assert [(b.kind, b.description) for b in store.batches(limit=1)] == [("bulk", "3 Tätigkeiten")]
    store.undo_batch(batch)
    assert register_to_document(store.load_register()) == before


def test_renumber_gives_every_chosen_activity_a_new_number(db_url: str) -> None:
    store, org = _store(db_url)
    uids = [org.activities[0].uid, org.activities[1].uid]
    store.bulk_update(org.uid, uids, BulkChange(number=True, renumber=True))
    acts = _by_name(store)
    assert (acts["Alt"].reference, acts["Neu 1"].reference) == ("VVT-13", "VVT-14")


def test_bulk_refuses_foreign_or_unknown_activities_and_empty_changes(db_url: str) -> None:
    store, org = _store(db_url)
    other = store.load_register("Stadt B").organisations[0]
    before = register_to_document(store.load_register())
    with pytest.raises(StoreError):
        store.bulk_update(other.uid, [org.activities[0].uid], BulkChange(department="X"))
    with pytest.raises(StoreError):
        store.bulk_update(org.uid, [org.activities[0].uid, "nope"], BulkChange(department="X"))
    with pytest.raises(StoreError, match="nichts zu ändern"):
        store.bulk_update(org.uid, [org.activities[0].uid], BulkChange())
    assert register_to_document(store.load_register()) == before
