"""Catalogues belong to one organisation: no link can cross organisations, neither through
the store nor with raw SQL; reuse across organisations is an explicit copy."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store
from ropa_desktop.store.models import (
    ActivityRow,
    OrganisationRow,
    ProcessorRow,
    ProcessorUseRow,
    RecipientRow,
    RecipientUseRow,
    SubprocessorRow,
    TomRow,
    TomUseRow,
    TransferRow,
)
from ropa_desktop.store.repository import StoreError


def _two_organisations() -> m.Register:
    a = m.Organisation(name="Stadt A")
    b = m.Organisation(name="Gemeinde B")
    sub = m.Processor(owner=a.uid, name="Microsoft Ireland Operations Ltd.", country="IE")
    ms = m.Processor(
        owner=a.uid,
        name="Microsoft",
        country="US",
        notes="AVV-Notiz A",
        contract_reference="AVV-A-17",
        subprocessors=[m.SubprocessorLink(sub.uid, "Rechenzentrum")],
    )
    rec = m.Recipient(owner=a.uid, name="Finanzamt", notes="intern A")
    tom = m.Tom(owner=a.uid, title="Verschlüsselung", description="Serverraum A, Schrank 3")
    a.activities = [
        m.Activity(
            name="Videoberatung",
            processors=[m.ProcessorLink(ms.uid, "")],
            recipients=[rec.uid],
            toms=[tom.uid],
        )
    ]
    b.activities = [m.Activity(name="Meldewesen")]
    return m.Register(organisations=[a, b], processors=[sub, ms], recipients=[rec], toms=[tom])


def _ids(store) -> dict[str, int]:
    with store.engine.connect() as conn:
        ids = {
            name: id_
            for id_, name in conn.execute(select(OrganisationRow.id, OrganisationRow.name))
        }
        ids["act_b"] = conn.execute(
            select(ActivityRow.id).where(ActivityRow.name == "Meldewesen")
        ).scalar_one()
        for table, key in ((ProcessorRow, "proc_a"), (RecipientRow, "rec_a"), (TomRow, "tom_a")):
            ids[key] = conn.execute(
                select(table.id).order_by(table.id.desc()).limit(1)
            ).scalar_one()
    return ids


@pytest.mark.parametrize(
    "table", ["processor_use", "recipient_use", "tom_use", "transfer", "subprocessor"]
)
def test_the_database_refuses_a_cross_organisation_link(db_url, table):
    store = open_store(db_url)
    store.import_register(_two_organisations())
    ids = _ids(store)
    b = ids["Gemeinde B"]
    values = {
        "processor_use": (
            ProcessorUseRow,
            {"organisation_id": b, "activity_id": ids["act_b"], "processor_id": ids["proc_a"]},
        ),
        "recipient_use": (
            RecipientUseRow,
            {"organisation_id": b, "activity_id": ids["act_b"], "recipient_id": ids["rec_a"]},
        ),
        "tom_use": (
            TomUseRow,
            {"organisation_id": b, "activity_id": ids["act_b"], "tom_id": ids["tom_a"]},
        ),
        "transfer": (
            TransferRow,
            {
                "organisation_id": b,
                "activity_id": ids["act_b"],
                "processor_id": ids["proc_a"],
                "country": "US",
            },
        ),
    }
    if table == "subprocessor":
        store.save_processor(
            m.Processor(
                owner=store.load_organisation("Gemeinde B").uid, name="Eigener Dienstleister"
            )
        )
        own = _ids(store)["proc_a"]
        values["subprocessor"] = (
            SubprocessorRow,
            {"organisation_id": b, "processor_id": own, "subprocessor_id": ids["proc_a"]},
        )
    row_table, row = values[table]
    # with the link's organisation given truthfully, and with the owner's id given falsely
    for organisation in (b, ids["Stadt A"]):
        with pytest.raises(IntegrityError), store.engine.begin() as conn:
            conn.execute(insert(row_table).values({**row, "organisation_id": organisation}))
    assert len(store.load_register("Gemeinde B").organisations[0].activities[0].processors) == 0


def test_the_store_refuses_a_cross_organisation_link_with_a_clear_message(db_url):
    store = open_store(db_url)
    register = _two_organisations()
    store.import_register(register)
    b = register.organisations[1]
    act = b.activities[0]
    act.processors = [m.ProcessorLink(register.processors[1].uid, "Teams")]
    with pytest.raises(StoreError) as caught:
        store.save_activity(b.uid, act)
    assert "„Microsoft“ gehört zur Organisation „Stadt A“" in caught.value.message()
    proc = m.Processor(
        owner=b.uid,
        name="Eigener",
        subprocessors=[m.SubprocessorLink(register.processors[0].uid, "")],
    )
    with pytest.raises(StoreError, match="gehört zur Organisation „Stadt A“"):
        store.save_processor(proc)
    moved = register.processors[1]
    moved.owner = b.uid
    with pytest.raises(StoreError, match="nicht still"):
        store.save_processor(moved)
    assert store.catalogue("Gemeinde B").processors == []


def test_a_register_document_with_a_cross_organisation_link_is_refused(db_url):
    store = open_store(db_url)
    register = _two_organisations()
    register.organisations[1].activities[0].toms = [register.toms[0].uid]
    with pytest.raises(StoreError, match="belongs to another organisation"):
        store.import_register(register)
    assert store.is_empty()


def test_loading_one_organisation_gives_only_its_own_catalogue(db_url):
    store = open_store(db_url)
    register = _two_organisations()
    store.import_register(register)
    b = store.load_register("Gemeinde B")
    assert (b.processors, b.recipients, b.toms) == ([], [], [])
    a = store.load_register("Stadt A")
    assert [p.name for p in a.processors] == ["Microsoft Ireland Operations Ltd.", "Microsoft"]
    assert {p.owner for p in a.processors} == {register.organisations[0].uid}


def test_copy_from_another_organisation_takes_the_chain_without_notes(db_url):
    store = open_store(db_url, user="dsb")
    register = _two_organisations()
    store.import_register(register)
    ms = register.processors[1]
    mapping = store.copy_catalogue_entries("Stadt A", "Gemeinde B", [ms.uid, register.toms[0].uid])
    b = store.load_register("Gemeinde B")
    by_name = {p.name: p for p in b.processors}
    copy = by_name["Microsoft"]
    assert mapping[ms.uid] == copy.uid != ms.uid
    assert (copy.notes, copy.contract_reference, copy.contract_date) == ("", "", None)
    assert [s.processor for s in copy.subprocessors] == [
        by_name["Microsoft Ireland Operations Ltd."].uid
    ]
    assert [t.description for t in b.toms] == [""]
    # A second copy finds the first; the original is untouched.
    again = store.copy_catalogue_entries("Stadt A", "Gemeinde B", [ms.uid])
    assert again[ms.uid] == copy.uid
    assert len(store.load_register("Gemeinde B").processors) == 2
    assert store.catalogue("Stadt A").processors_by_uid()[ms.uid].notes == "AVV-Notiz A"
    # with notes when asked; one batch that can be undone
    store.copy_catalogue_entries(
        "Stadt A", "Gemeinde B", [register.recipients[0].uid], with_notes=True
    )
    assert [r.notes for r in store.catalogue("Gemeinde B").recipients] == ["intern A"]
    batch = store.batches(limit=1)[0]
    assert batch.kind == "copy"
    store.undo_batch(batch.uid)
    assert store.catalogue("Gemeinde B").recipients == []


def test_copy_refuses_entries_of_another_organisation(db_url):
    store = open_store(db_url)
    register = _two_organisations()
    store.import_register(register)
    with pytest.raises(StoreError):
        store.copy_catalogue_entries("Gemeinde B", "Stadt A", [register.processors[0].uid])
    with pytest.raises(StoreError, match="Stadt C"):
        store.copy_catalogue_entries("Stadt A", "Stadt C", [register.processors[0].uid])


def test_the_history_of_an_organisation_holds_its_own_catalogue_entries(db_url):
    store = open_store(db_url)
    register = _two_organisations()
    store.import_register(register)
    spare = store.save_processor(
        m.Processor(owner=register.organisations[1].uid, name="Noch ungenutzt")
    )
    assert spare.uid in {e.record.entity_uid for e in store.organisation_history("Gemeinde B")}
    assert spare.uid not in {e.record.entity_uid for e in store.organisation_history("Stadt A")}
