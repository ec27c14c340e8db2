"""Undo of a batch that created processors linked to one another (a subprocessor chain).

The processors a batch created are removed together: links among them do not make
one of them "still in use"; a use from outside the batch still refuses the undo.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_to_document
from ropa_desktop.store.database import open_store
from ropa_desktop.store.models import (
    ActivityRow,
    OrganisationRow,
    ProcessorRow,
    ProcessorUseRow,
    SubprocessorRow,
)
from ropa_desktop.store.repository import StoreError

TABLES = (OrganisationRow, ActivityRow, ProcessorRow, SubprocessorRow, ProcessorUseRow)


def _state(store) -> tuple[dict, dict[str, int]]:
    """The whole register as a document, and the row count of the tables involved."""
    with store.engine.connect() as conn:
        counts = {
            t.__tablename__: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in TABLES
        }
    return register_to_document(store.load_register()), counts


def _existing() -> m.Register:
    """What is in the database before the import: an unrelated organisation."""
    rz = m.Processor(name="Kommunales Rechenzentrum", country="DE")
    act = m.Activity(
        name="Personalakte",
        purposes=[m.Purpose("Personalverwaltung", ["art6-1-b"])],
        processors=[m.ProcessorLink(rz.uid, "Hosting")],
    )
    return m.Register(
        organisations=[m.Organisation(name="Stadt A", activities=[act])], processors=[rz]
    )


def _flexperto_chain(subprocessors_first: bool) -> m.Register:
    """Flexperto → Google Ireland → Google LLC, Flexperto → Hetzner, used by one activity."""
    llc = m.Processor(name="Google LLC", country="US")
    ireland = m.Processor(
        name="Google Ireland Limited",
        country="IE",
        subprocessors=[m.SubprocessorLink(llc.uid, "Infrastruktur")],
    )
    hetzner = m.Processor(name="Hetzner Online GmbH", country="DE")
    flexperto = m.Processor(
        name="Flexperto GmbH",
        country="DE",
        subprocessors=[
            m.SubprocessorLink(ireland.uid, "reCAPTCHA, Google Maps"),
            m.SubprocessorLink(hetzner.uid, "Hosting"),
        ],
    )
    processors = [llc, ireland, hetzner, flexperto]
    if not subprocessors_first:
        processors.reverse()
    act = m.Activity(
        name="Online-Kundenberatung (Flexperto)",
        purposes=[m.Purpose("Beratung", ["art6-1-b"])],
        processors=[m.ProcessorLink(flexperto.uid, "Videoberatung")],
    )
    org = m.Organisation(name="Stadtwerke Gütersloh", activities=[act])
    return m.Register(organisations=[org], processors=processors)


@pytest.mark.parametrize(
    "subprocessors_first",
    [True, False],
    ids=["subprocessors-created-first", "main-processor-created-first"],
)
def test_undo_removes_a_created_processor_chain(db_url, subprocessors_first):
    store = open_store(db_url)
    store.import_register(_existing())
    before = _state(store)
    imported = _flexperto_chain(subprocessors_first)
    result = store.import_register(imported, description="Flexperto.xlsx")
    assert result.created == 6  # four processors, the organisation, its activity
    assert _state(store)[1]["subprocessor"] == 3

    undo = store.undo_batch(result.batch)

    assert _state(store) == before
    assert {p.name for p in store.catalogue("Stadt A").processors} == {"Kommunales Rechenzentrum"}
    assert [b.undone for b in store.batches() if b.uid == result.batch] == [True]
    # The history of the deletion keeps Flexperto as it was, subprocessors included.
    flexperto = next(p for p in imported.processors if p.name == "Flexperto GmbH")
    deletion = store.history(flexperto.uid, limit=1)[0]
    assert (deletion.batch, deletion.new) == (undo.uid, None)
    assert [s["processor"] for s in json.loads(deletion.old)["subprocessors"]] == [
        s.processor for s in flexperto.subprocessors
    ]


def test_undo_restores_a_processor_the_batch_linked_to_a_new_subprocessor(db_url):
    """An existing processor that the import gave a new subprocessor gets its old links back
    before the new subprocessor is removed."""
    store = open_store(db_url)
    base = _existing()
    store.import_register(base)
    before = _state(store)
    owner = base.organisations[0].uid
    new_sub = m.Processor(name="Hetzner Online GmbH", country="DE", owner=owner)
    rz = m.Processor(
        uid=base.processors[0].uid,
        owner=owner,
        name="Kommunales Rechenzentrum",
        country="DE",
        subprocessors=[m.SubprocessorLink(new_sub.uid, "Rechenzentrumsfläche")],
    )
    result = store.import_register(m.Register(processors=[new_sub, rz]))
    assert (result.created, result.updated) == (1, 1)

    store.undo_batch(result.batch)

    assert _state(store) == before
    assert store.catalogue("Stadt A").processors_by_uid()[rz.uid].subprocessors == []


def _later_activity(store, processor_uid: str) -> None:
    org = store.load_organisation("Stadtwerke Gütersloh")
    store.save_activity(
        org.uid,
        m.Activity(name="Später angelegt", processors=[m.ProcessorLink(processor_uid, "Support")]),
    )


def _later_processor(store, processor_uid: str) -> None:
    org = store.load_organisation("Stadtwerke Gütersloh")
    store.save_processor(
        m.Processor(
            name="Später angelegt",
            owner=org.uid,
            subprocessors=[m.SubprocessorLink(processor_uid, "Support")],
        )
    )


@pytest.mark.parametrize(
    "later_use", [_later_activity, _later_processor], ids=["activity", "processor"]
)
@pytest.mark.parametrize("used", ["Flexperto GmbH", "Google LLC"])
def test_undo_is_refused_while_a_created_processor_is_used_from_outside_the_batch(
    db_url, later_use, used
):
    store = open_store(db_url)
    store.import_register(_existing())
    imported = _flexperto_chain(subprocessors_first=True)
    result = store.import_register(imported, description="Flexperto.xlsx")
    uid = next(p.uid for p in imported.processors if p.name == used)
    later_use(store, uid)
    before = _state(store)

    with pytest.raises(StoreError, match=f"„{used}“ wird noch verwendet"):
        store.undo_batch(result.batch)

    assert _state(store) == before  # rolled back: chain, links and the later record intact
    assert [b.undone for b in store.batches() if b.uid == result.batch] == [False]
    assert [b.kind for b in store.batches()].count("undo") == 0
