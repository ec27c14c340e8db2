"""The history of one organisation (paged, newest first) and restoring deleted activities."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import to_dict
from ropa_desktop.store.database import open_store
from ropa_desktop.store.models import ChangeRow
from ropa_desktop.store.repository import DELETED_FROM, StoreError


def _register() -> m.Register:
    shared = m.Processor(name="Rechenzentrum", country="DE")
    sub = m.Processor(name="Hosting GmbH", country="DE")
    shared.subprocessors = [m.SubprocessorLink(sub.uid, "Hosting")]
    only_b = m.Processor(name="Druckerei", country="DE")
    tom = m.Tom(title="Verschlüsselung")
    a1 = m.Activity(
        name="Meldewesen",
        department="Bürgeramt",
        purposes=[m.Purpose("Melderegister", ["art6-1-e"])],
        processors=[m.ProcessorLink(shared.uid, "Betrieb")],
        toms=[tom.uid],
    )
    a2 = m.Activity(name="Personalakte", purposes=[m.Purpose("Personal", ["art6-1-b"])])
    b1 = m.Activity(name="Druck", processors=[m.ProcessorLink(only_b.uid, "Druck")])
    org_a = m.Organisation(name="Stadt A", activities=[a1, a2])
    org_b = m.Organisation(name="Stadt B", activities=[b1])
    return m.Register(organisations=[org_a, org_b], processors=[sub, shared, only_b], toms=[tom])


def test_history_of_an_organisation_holds_its_records_and_what_they_use(db_url):
    store = open_store(db_url, user="dsb")
    register = _register()
    store.import_register(register)
    org_a, org_b = register.organisations
    act = org_a.activities[0]
    act.department = "Ordnungsamt"
    store.save_activity(org_a.uid, act)
    entries = store.organisation_history("Stadt A")
    uids = {e.record.entity_uid for e in entries}
    sub, shared, only_b = register.processors
    assert {
        org_a.uid,
        act.uid,
        org_a.activities[1].uid,
        shared.uid,
        sub.uid,
        register.toms[0].uid,
    } <= uids
    assert not uids & {org_b.uid, org_b.activities[0].uid, only_b.uid}
    newest = entries[0].record
    assert (newest.entity_uid, newest.field, newest.old, newest.new, newest.user) == (
        act.uid,
        "department",
        "Bürgeramt",
        "Ordnungsamt",
        "dsb",
    )
    ids = [e.id for e in entries]
    assert ids == sorted(ids, reverse=True)
    assert not any(e.record.field.startswith("#") for e in entries)
    with pytest.raises(StoreError, match="Stadt C"):
        store.organisation_history("Stadt C")


def test_history_pages_with_limit_and_before(db_url):
    store = open_store(db_url)
    register = _register()
    store.import_register(register)
    org_a = register.organisations[0]
    act = org_a.activities[1]
    for n in range(5):
        act.notes = f"Stand {n}"
        store.save_activity(org_a.uid, act)
    everything = store.organisation_history("Stadt A", limit=None)
    first = store.organisation_history("Stadt A", limit=3)
    rest = store.organisation_history("Stadt A", limit=None, before=first[-1].id)
    assert [e.id for e in first + rest] == [e.id for e in everything]
    assert [e.record.new for e in first] == ["Stand 4", "Stand 3", "Stand 2"]


def test_deleted_activity_stays_in_its_organisations_history_and_is_restored_there(db_url):
    store = open_store(db_url, user="dsb")
    register = _register()
    store.import_register(register)
    org_a, org_b = register.organisations
    gone = store.load_activity(org_a.activities[0].uid)
    store.delete_activity(gone.uid)
    deletion = store.organisation_history("Stadt A")[0]
    assert (deletion.record.entity_uid, deletion.record.field, deletion.record.new) == (
        gone.uid,
        "",
        None,
    )
    assert deletion.organisation == org_a.uid
    assert gone.uid not in {e.record.entity_uid for e in store.organisation_history("Stadt B")}
    # The deletion record itself is unchanged: newest for the uid, full snapshot in ``old``.
    assert json.loads(store.history(gone.uid)[0].old) == to_dict(gone)

    restored = store.restore_activity(gone.uid)
    back = store.load_activity(gone.uid)
    assert back is not None and back.changed == restored.changed
    expected, got = to_dict(gone), to_dict(back)
    expected.pop("changed")
    got.pop("changed")
    assert got == expected
    assert [a.uid for a in store.load_organisation("Stadt A").activities].count(gone.uid) == 1
    assert store.batches()[0].kind == "restore"
    with pytest.raises(StoreError, match=gone.uid):
        store.restore_activity(gone.uid)
    # The restore is a batch and can be undone.
    store.undo_batch(store.batches()[0].uid)
    assert store.load_activity(gone.uid) is None
    assert org_b.activities[0].uid in {a.uid for a in store.load_organisation("Stadt B").activities}


def test_restore_is_refused_for_unknown_uid_and_missing_catalogue_entries(db_url):
    store = open_store(db_url)
    register = _register()
    store.import_register(register)
    org_a = register.organisations[0]
    with pytest.raises(StoreError, match="abc"):
        store.restore_activity("abc")
    act = org_a.activities[0]
    store.delete_activity(act.uid)
    # The processor it used is taken away meanwhile: the restore is refused, nothing changes.
    store.delete_activity(register.organisations[1].activities[0].uid)
    shared = register.processors[1]
    store.save_processor(
        m.Processor(
            uid=shared.uid,
            name=shared.name,  # drop the sub-link
            version=shared.version,
        )
    )
    store.delete_processor(register.processors[0].uid)
    store.delete_processor(shared.uid)
    before = len(store.history())
    with pytest.raises(StoreError, match="processor"):
        store.restore_activity(act.uid)
    assert store.load_activity(act.uid) is None
    assert len(store.history()) == before


def test_deletion_without_recorded_organisation_needs_a_target(db_url):
    """Deletions written before the organisation was recorded (older databases)."""
    store = open_store(db_url)
    register = _register()
    store.import_register(register)
    org_a, org_b = register.organisations
    gone = org_a.activities[1]
    store.delete_activity(gone.uid)
    with store.engine.begin() as conn:  # as an older version wrote it
        conn.execute(delete(ChangeRow).where(ChangeRow.field == DELETED_FROM))
    for name in ("Stadt A", "Stadt B"):
        deletion = next(
            e for e in store.organisation_history(name) if e.record.entity_uid == gone.uid
        )
        assert deletion.organisation is None
    with pytest.raises(StoreError, match="Personalakte"):
        store.restore_activity(gone.uid)
    store.restore_activity(gone.uid, org_b.uid)
    assert gone.uid in {a.uid for a in store.load_organisation("Stadt B").activities}
    # Now it exists again: no longer offered to the other organisation as a deletion.
    assert gone.uid not in {e.record.entity_uid for e in store.organisation_history("Stadt A")}


def test_undo_of_a_batch_that_created_toms(db_url):
    """TOMs have a title, not a name: deleting them on undo must still record a label."""
    store = open_store(db_url)
    register = _register()
    register.processors[1].subprocessors = []
    result = store.import_register(register, kind="demo")
    store.undo_batch(result.batch)
    assert store.is_empty()
    tom = register.toms[0]
    assert [h.entity_label for h in store.history() if h.entity == "tom"][:1] == [tom.title]
