"""Two users editing the same record: the second save is refused with a ConflictError,
nothing is lost, and an explicit overwrite is recorded as one (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_to_document
from ropa_desktop.store.database import open_store
from ropa_desktop.store.repository import ConflictError, Store, StoreError
from ropa_desktop.store.versions import OVERWRITE


def _register() -> m.Register:
    processor = m.Processor(name="Rechenzentrum", city="Münster")
    recipient = m.Recipient(name="Finanzamt", category="Behörde")
    tom = m.Tom(title="Verschlüsselung", sdm_goal="confidentiality")
    org = m.Organisation(name="Stadt Ahaus", city="Ahaus")
    org.activities = [
        m.Activity(
            reference="VT-1",
            name="Melderegister",
            description="alt",
            processors=[m.ProcessorLink(processor.uid, "Hosting")],
            recipients=[recipient.uid],
            toms=[tom.uid],
        ),
        m.Activity(reference="VT-2", name="Hundesteuer"),
    ]
    org.services = [m.ProcessingService(name="IT-Betrieb", notes="alt")]
    return m.Register(
        organisations=[org],
        processors=[processor, m.Processor(name="Frei")],
        recipients=[recipient],
        toms=[tom],
    )


@dataclass
class Kind:
    """How one kind of record is loaded, changed and saved through a store."""

    entity: str
    load: Callable[[Store], Any]
    save: Callable[..., Any]
    field: str


def _org(store: Store) -> m.Organisation:
    return store.load_organisation("Stadt Ahaus")


KINDS = {
    "activity": Kind(
        "activity",
        lambda s: _org(s).activities[0],
        lambda s, o, **kw: s.save_activity(_org(s).uid, o, **kw),
        "description",
    ),
    "organisation": Kind(
        "organisation", _org, lambda s, o, **kw: s.save_organisation(o, **kw), "street"
    ),
    "service": Kind(
        "service",
        lambda s: _org(s).services[0],
        lambda s, o, **kw: s.save_service(_org(s).uid, o, **kw),
        "notes",
    ),
    "processor": Kind(
        "processor",
        lambda s: s.catalogue().processors[0],
        lambda s, o, **kw: s.save_processor(o, **kw),
        "notes",
    ),
    "recipient": Kind(
        "recipient",
        lambda s: s.catalogue().recipients[0],
        lambda s, o, **kw: s.save_recipient(o, **kw),
        "notes",
    ),
    "tom": Kind(
        "tom",
        lambda s: s.catalogue().toms[0],
        lambda s, o, **kw: s.save_tom(o, **kw),
        "description",
    ),
}


@pytest.fixture
def two_users(db_url: str) -> tuple[Store, Store]:
    alice = open_store(db_url)
    alice.user = "alice"
    alice.import_register(_register())
    bob = open_store(db_url)
    bob.user = "bob"
    yield alice, bob
    alice.engine.dispose()
    bob.engine.dispose()


def _document(store: Store) -> dict[str, Any]:
    return register_to_document(store.load_register())


@pytest.mark.parametrize("kind", list(KINDS))
def test_second_save_of_a_stale_copy_is_refused_and_nothing_is_lost(two_users, kind):
    alice, bob = two_users
    k = KINDS[kind]
    mine, theirs = k.load(alice), k.load(bob)
    assert mine.version == theirs.version == 1
    setattr(mine, k.field, "ALICE")
    saved = k.save(alice, mine)
    assert saved.version == 2
    before = _document(alice)
    history = len(alice.history())
    setattr(theirs, k.field, "BOB")
    with pytest.raises(ConflictError) as info:
        k.save(bob, theirs)
    error = info.value
    assert (error.entity, error.uid, error.user, error.version) == (k.entity, mine.uid, "alice", 2)
    assert getattr(error.current, k.field) == "ALICE"
    assert error.at is not None and not error.deleted
    assert "alice" in error.message() and "nicht gespeichert" in error.message("de")
    # Nothing written: the first writer's change is intact, the history has no entry of bob.
    assert _document(alice) == before
    assert getattr(k.load(bob), k.field) == "ALICE"
    assert len(alice.history()) == history
    assert {r.user for r in alice.history(mine.uid)} == {"alice"}


@pytest.mark.parametrize("kind", list(KINDS))
def test_overwrite_is_written_and_recorded_as_such(two_users, kind):
    alice, bob = two_users
    k = KINDS[kind]
    mine, theirs = k.load(alice), k.load(bob)
    setattr(mine, k.field, "ALICE")
    k.save(alice, mine)
    setattr(theirs, k.field, "BOB")
    saved = k.save(bob, theirs, force=True)
    assert saved.version == 3
    assert getattr(k.load(alice), k.field) == "BOB"
    (change,) = [r for r in alice.history(mine.uid) if r.field == k.field and r.user == "bob"]
    assert (change.old, change.new) == ("ALICE", "BOB")
    batch = next(b for b in alice.batches() if b.uid == change.batch)
    assert (batch.kind, batch.description, batch.user) == (OVERWRITE, "alice", "bob")
    # Undoing the overwrite brings the overwritten change back.
    alice.undo_batch(batch.uid)
    assert getattr(k.load(alice), k.field) == "ALICE"


@pytest.mark.parametrize("kind", list(KINDS))
def test_unchanged_copy_saves_after_own_save_and_creating_an_existing_uid_conflicts(
    two_users, kind
):
    alice, _bob = two_users
    k = KINDS[kind]
    mine = k.load(alice)
    setattr(mine, k.field, "eins")
    k.save(alice, mine)
    setattr(mine, k.field, "zwei")  # the same object again: it carries the new version
    assert k.save(alice, mine).version == 3
    copy = type(mine)(**{f: getattr(mine, f) for f in mine.__slots__ if f != "version"})
    with pytest.raises(ConflictError) as info:  # a "new" record whose uid exists
        k.save(alice, copy)
    assert info.value.expected == 0 and info.value.version == 3


def test_stale_save_after_delete_does_not_bring_the_activity_back(two_users):
    alice, bob = two_users
    mine, theirs = KINDS["activity"].load(alice), KINDS["activity"].load(bob)
    alice.delete_activity(mine.uid, mine.version)
    theirs.description = "BOB"
    with pytest.raises(ConflictError) as info:
        bob.save_activity(_org(bob).uid, theirs)
    assert info.value.deleted and info.value.user == "alice"
    assert "gelöscht" in info.value.message("de")
    assert alice.load_activity(mine.uid) is None
    # "Save as restored record": with force it comes back, recorded as an overwrite.
    bob.save_activity(_org(bob).uid, theirs, force=True)
    assert alice.load_activity(mine.uid).description == "BOB"
    assert alice.batches()[0].kind == OVERWRITE


def test_stale_save_after_delete_of_a_processor(two_users):
    alice, bob = two_users
    free = alice.catalogue().processors[1]
    theirs = bob.catalogue().processors[1]
    alice.delete_processor(free.uid, free.version)
    theirs.notes = "BOB"
    with pytest.raises(ConflictError) as info:
        bob.save_processor(theirs)
    assert info.value.deleted
    assert free.uid not in {p.uid for p in alice.catalogue().processors}


def test_delete_of_a_record_changed_meanwhile_is_refused(two_users):
    alice, bob = two_users
    mine, theirs = KINDS["activity"].load(alice), KINDS["activity"].load(bob)
    mine.description = "ALICE"
    alice.save_activity(_org(alice).uid, mine)
    with pytest.raises(ConflictError) as info:
        bob.delete_activity(theirs.uid, theirs.version)
    assert info.value.current.description == "ALICE"
    assert "nicht gelöscht" in info.value.message("de")
    assert alice.load_activity(mine.uid).description == "ALICE"
    bob.delete_activity(theirs.uid, theirs.version, force=True)  # "delete anyway"
    assert alice.load_activity(mine.uid) is None
    assert alice.batches()[0].kind == OVERWRITE

    free, stale = alice.catalogue().processors[1], bob.catalogue().processors[1]
    free.notes = "ALICE"
    alice.save_processor(free)
    with pytest.raises(ConflictError):
        bob.delete_processor(stale.uid, stale.version)
    assert any(p.notes == "ALICE" for p in alice.catalogue().processors)


def test_the_reproduction_of_the_issue_no_longer_loses_alices_change(two_users):
    alice, bob = two_users
    g = alice.load_organisation("Stadt Ahaus")
    u = g.activities[0].uid
    x, y = alice.load_activity(u), bob.load_activity(u)
    x.description = "ALICE"
    y.department = "BOB"
    alice.save_activity(g.uid, x)
    with pytest.raises(ConflictError):
        bob.save_activity(g.uid, y)
    assert alice.load_activity(u).description == "ALICE"


BULK = {
    "import": lambda s, act: s.import_register(_changed_copy(s, act)),
    "undo": lambda s, act: s.undo_batch(s.import_register(_changed_copy(s, act)).batch),
    "restore": lambda s, act: (s.delete_activity(act.uid), s.restore_activity(act.uid)),
}


def _changed_copy(store: Store, act: m.Activity) -> m.Register:
    register = store.load_register("Stadt Ahaus")
    target = next(a for a in register.organisations[0].activities if a.uid == act.uid)
    target.description = "per Import"
    return register


@pytest.mark.parametrize("path", list(BULK))
def test_bulk_writes_bump_versions_so_an_older_copy_conflicts(two_users, path):
    alice, bob = two_users
    theirs = KINDS["activity"].load(bob)
    BULK[path](alice, KINDS["activity"].load(alice))
    current = alice.load_activity(theirs.uid)
    assert current.version > theirs.version
    theirs.notes = "BOB"
    with pytest.raises(ConflictError):
        bob.save_activity(_org(bob).uid, theirs)
    assert alice.load_activity(theirs.uid) == current


def test_versions_are_not_part_of_the_document_or_the_history(two_users):
    alice, _bob = two_users
    act = KINDS["activity"].load(alice)
    act.description = "neu"
    alice.save_activity(_org(alice).uid, act)
    doc = _document(alice)
    assert "version" not in doc["organisations"][0]["activities"][0]
    assert "version" not in doc["processors"][0]
    assert not [r for r in alice.history(act.uid) if "version" in r.field]


def test_change_stamp_moves_with_every_write_of_another_store(two_users):
    alice, bob = two_users
    stamp = alice.change_stamp()
    assert alice.change_stamp() == stamp
    act = KINDS["activity"].load(bob)
    act.notes = "x"
    bob.save_activity(_org(bob).uid, act)
    assert alice.change_stamp() != stamp
    stamp = alice.change_stamp()
    bob.save_organisation(m.Organisation(name="Gemeinde Neu"))
    assert alice.change_stamp() != stamp


def test_unknown_record_deleted_is_still_an_ordinary_refusal(two_users):
    alice, _bob = two_users
    with pytest.raises(StoreError) as info:
        alice.delete_activity("nope", 3)
    assert not isinstance(info.value, ConflictError)
