"""Deleting recipients, TOMs and processors that records use, or replacing them; undoable."""

from __future__ import annotations

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_to_document
from ropa_desktop.store.database import open_store
from ropa_desktop.store.repository import Store, StoreError


def _register() -> tuple[m.Register, dict[str, str]]:
    org = m.Organisation(name="Stadt A", is_processor=True)
    other = m.Organisation(name="Stadt B")
    finanzamt = m.Recipient(owner=org.uid, name="Finanzamt")
    bank = m.Recipient(owner=org.uid, name="Hausbank")
    lock = m.Tom(owner=org.uid, title="Zutrittskontrolle")
    backup = m.Tom(owner=org.uid, title="Datensicherung")
    rz = m.Processor(owner=org.uid, name="Rechenzentrum")
    druck = m.Processor(owner=org.uid, name="Druckerei")
    cloud = m.Processor(
        owner=org.uid, name="Cloud", subprocessors=[m.SubprocessorLink(rz.uid, "Hosting")]
    )
    foreign = m.Recipient(owner=other.uid, name="Fremdes Amt")
    org.activities = [
        m.Activity(
            name="Gehalt",
            recipients=[finanzamt.uid, bank.uid],
            toms=[lock.uid],
            processors=[m.ProcessorLink(rz.uid, "Abrechnung")],
            transfers=[m.Transfer(country="US", recipient="RZ US", processor=rz.uid)],
        ),
        m.Activity(name="Steuer", recipients=[finanzamt.uid], toms=[lock.uid, backup.uid]),
    ]
    org.services = [
        m.ProcessingService(
            name="Hosting für Gemeinde X",
            subprocessors=[m.ProcessorLink(rz.uid, "Betrieb")],
            toms=[lock.uid],
        )
    ]
    register = m.Register(
        organisations=[org, other],
        processors=[rz, druck, cloud],
        recipients=[finanzamt, bank, foreign],
        toms=[lock, backup],
    )
    uids = {
        "finanzamt": finanzamt.uid,
        "bank": bank.uid,
        "lock": lock.uid,
        "backup": backup.uid,
        "rz": rz.uid,
        "druck": druck.uid,
        "cloud": cloud.uid,
        "foreign": foreign.uid,
    }
    return register, uids


def _doc(store: Store) -> dict:
    """The register as a document, catalogues by uid (a restored entry is a new row)."""
    doc = register_to_document(store.load_register())
    for key in ("processors", "recipients", "toms"):
        doc[key] = sorted(doc[key], key=lambda e: e["uid"])
    return doc


def _activity(store: Store, name: str) -> m.Activity:
    org = store.load_register("Stadt A").organisations[0]
    return next(a for a in org.activities if a.name == name)


def test_uses_name_every_activity_service_and_processor(db_url: str) -> None:
    store = open_store(db_url)
    register, uids = _register()
    store.import_register(register)
    assert [(u.entity, u.name) for u in store.entry_uses("recipient", uids["finanzamt"])] == [
        ("activity", "Gehalt"),
        ("activity", "Steuer"),
    ]
    assert [(u.entity, u.name) for u in store.entry_uses("processor", uids["rz"])] == [
        ("activity", "Gehalt"),
        ("service", "Hosting für Gemeinde X"),
        ("processor", "Cloud"),
    ]
    assert store.entry_uses("processor", uids["druck"]) == []


def test_delete_in_use_removes_it_everywhere_and_undo_brings_everything_back(db_url: str) -> None:
    store = open_store(db_url)
    register, uids = _register()
    store.import_register(register)
    before = _doc(store)
    batch = store.delete_entry("processor", uids["rz"])
    reg = store.load_register("Stadt A")
    assert uids["rz"] not in {p.uid for p in reg.processors}
    gehalt = _activity(store, "Gehalt")
    assert gehalt.processors == []
    assert gehalt.transfers[0].processor is None and gehalt.transfers[0].country == "US"
    assert reg.organisations[0].services[0].subprocessors == []
    cloud = next(p for p in reg.processors if p.uid == uids["cloud"])
    assert cloud.subprocessors == []
    assert [b.kind for b in store.batches(limit=1)] == ["delete-entry"]
    history = store.organisation_history("Stadt A")
    assert any(e.record.entity_uid == uids["rz"] and e.record.batch == batch for e in history)
    store.undo_batch(batch)
    assert _doc(store)["organisations"] == before["organisations"]
    assert _doc(store)["processors"] == before["processors"]


def test_replace_puts_the_other_entry_in_every_user_as_one_batch(db_url: str) -> None:
    store = open_store(db_url)
    register, uids = _register()
    store.import_register(register)
    before = _doc(store)
    batch = store.delete_entry("tom", uids["lock"], replacement=uids["backup"])
    assert _activity(store, "Gehalt").toms == [uids["backup"]]
    assert _activity(store, "Steuer").toms == [uids["backup"]]  # not twice
    org = store.load_register("Stadt A").organisations[0]
    assert org.services[0].toms == [uids["backup"]]
    assert [b.kind for b in store.batches(limit=1)] == ["replace-entry"]
    store.undo_batch(batch)
    assert _doc(store)["organisations"] == before["organisations"]
    assert _doc(store)["toms"] == before["toms"]


def test_recipient_replaced_and_a_bad_replacement_changes_nothing(db_url: str) -> None:
    store = open_store(db_url)
    register, uids = _register()
    store.import_register(register)
    before = _doc(store)
    for bad in (uids["finanzamt"], uids["foreign"], uids["lock"], "missing"):
        with pytest.raises(StoreError):
            store.delete_entry("recipient", uids["finanzamt"], replacement=bad)
    assert _doc(store) == before
    store.delete_entry("recipient", uids["finanzamt"], replacement=uids["bank"])
    assert _activity(store, "Gehalt").recipients == [uids["bank"]]
    assert _activity(store, "Steuer").recipients == [uids["bank"]]
    assert uids["finanzamt"] not in {r.uid for r in store.load_register().recipients}


def test_unused_entry_deletion_shows_in_the_organisations_history_and_undoes(
    db_url: str,
) -> None:
    store = open_store(db_url)
    register, uids = _register()
    store.import_register(register)
    batch = store.delete_entry("processor", uids["druck"])
    entries = [e for e in store.organisation_history("Stadt A") if e.record.batch == batch]
    assert [e.record.entity_label for e in entries] == ["Druckerei"]
    store.undo_batch(batch)
    assert uids["druck"] in {p.uid for p in store.load_register().processors}


def test_deleted_service_comes_back_by_undoing_its_batch(db_url: str) -> None:
    store = open_store(db_url)
    register, _uids = _register()
    store.import_register(register)
    before = _doc(store)
    svc = store.load_register("Stadt A").organisations[0].services[0]
    batch = store.delete_service(svc.uid, svc.version)
    assert store.load_register("Stadt A").organisations[0].services == []
    entries = [e for e in store.organisation_history("Stadt A") if e.record.batch == batch]
    assert [e.record.entity_label for e in entries] == ["Hosting für Gemeinde X"]
    assert [b.kind for b in store.batches(limit=1)] == ["delete-service"]
    store.undo_batch(batch)
    assert _doc(store)["organisations"] == before["organisations"]
