"""The store: bounded reads, history on every write, refusals that leave data alone."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import event

from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_to_document, to_dict
from ropa_desktop.store.database import open_store
from ropa_desktop.store.repository import StoreError


def _full_activity(
    i: int, processor: m.Processor, recipient: m.Recipient, tom: m.Tom
) -> m.Activity:
    return m.Activity(
        reference=f"VT-{i:04d}",
        name=f"Tätigkeit {i}",
        department="Bürgerbüro",
        purposes=[
            m.Purpose("Melderegister führen", ["art6-1-e", "§§ 2 ff. BMG"]),
            m.Purpose("Auskunft", ["art6-1-c"]),
        ],
        data_subjects=["Einwohner", "Beschäftigte"],
        data_categories=[
            m.DataCategory("Name"),
            m.DataCategory(
                "Gesundheit",
                m.SpecialCategory.ART9,
                retention=m.Retention(10, m.RetentionUnit.YEARS, "Abschluss"),
            ),
        ],
        internal_recipients=["Kämmerei"],
        recipients=[recipient.uid],
        processors=[m.ProcessorLink(processor.uid, "Hosting")],
        joint_controllers=[m.JointController("Kreis")],
        transfers=[m.Transfer("US", "Cloud", processor.uid, "scc-2")],
        toms=[tom.uid],
    )


def _register(n: int) -> m.Register:
    processor = m.Processor(name="Rechenzentrum")
    recipient = m.Recipient(name="Finanzamt")
    tom = m.Tom(title="Verschlüsselung", sdm_goal="confidentiality")
    org = m.Organisation(name="Stadt Musterstadt")
    org.activities = [_full_activity(i, processor, recipient, tom) for i in range(n)]
    org.services = [
        m.ProcessingService(
            name="IT-Betrieb",
            categories=["Hosting"],
            controllers=[m.ClientController("Gemeinde A")],
            subprocessors=[m.ProcessorLink(processor.uid, "")],
        )
    ]
    return m.Register(
        organisations=[org], processors=[processor], recipients=[recipient], toms=[tom]
    )


def _count_statements(store, action) -> int:
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return len(statements)


def test_loading_a_register_takes_the_same_number_of_statements_for_5_or_1500(db_url):
    small = open_store(db_url)
    small.import_register(_register(5))
    few = _count_statements(small, lambda: small.load_organisation("Stadt Musterstadt"))
    big_register = _register(1500)
    big_register.organisations[0].name = "Stadt Großstadt"
    small.import_register(big_register)
    loaded: list[m.Organisation] = []
    many = _count_statements(
        small, lambda: loaded.append(small.load_organisation("Stadt Großstadt"))
    )
    assert len(loaded[0].activities) == 1500
    assert loaded[0].activities[1499].purposes[0].legal_bases == ["art6-1-e", "§§ 2 ff. BMG"]
    assert many == few
    assert many <= 25


def test_every_change_is_recorded_with_who_what_old_and_new(db_url):
    store = open_store(db_url, user="dsb.mueller")
    register = _register(1)
    store.import_register(register)
    org = register.organisations[0]
    act = org.activities[0]
    act.name = "Meldewesen"
    act.data_categories[0].retention = m.Retention(5, m.RetentionUnit.YEARS)
    saved = store.save_activity(org.uid, act)
    history = store.history(act.uid)
    fields = {(h.field, h.old, h.new) for h in history if h.field}
    assert ("name", "Tätigkeit 0", "Meldewesen") in fields
    assert ("data_categories[0].retention.duration", "null", "5") in fields
    assert all(h.user == "dsb.mueller" for h in history)
    assert store.load_activity(act.uid).changed == saved.changed
    # Saving again without changes records nothing new.
    before = len(store.history())
    store.save_activity(org.uid, act)
    assert len(store.history()) == before


def test_organisation_master_data_changes_are_recorded(db_url):
    store = open_store(db_url, user="dsb.mueller")
    org = m.Organisation(name="Gemeinde Musterstadt", city="Musterstadt")
    store.save_organisation(org)
    created = store.history(org.uid)
    assert created and all(h.user == "dsb.mueller" for h in created)
    org.name = "Stadt Musterstadt"
    org.city = "Musterstadt-Mitte"
    store.save_organisation(org)
    fields = {(h.field, h.old, h.new) for h in store.history(org.uid) if h.field}
    assert ("name", "Gemeinde Musterstadt", "Stadt Musterstadt") in fields
    assert ("city", "Musterstadt", "Musterstadt-Mitte") in fields


def test_deleted_activity_can_be_restored_from_history(db_url):
    store = open_store(db_url)
    register = _register(2)
    store.import_register(register)
    org = register.organisations[0]
    gone = org.activities[1]
    store.delete_activity(gone.uid)
    assert [a.name for a in store.load_organisation(org.name).activities] == ["Tätigkeit 0"]
    record = store.history(gone.uid)[0]
    assert record.new is None and record.old is not None
    assert json.loads(record.old) == to_dict(gone)


def test_processor_in_use_cannot_be_deleted(db_url):
    store = open_store(db_url)
    register = _register(1)
    store.import_register(register)
    with pytest.raises(StoreError, match="verwendet"):
        store.delete_processor(register.processors[0].uid)
    assert store.load_register().processors[0].name == "Rechenzentrum"


def test_failed_import_leaves_database_unchanged(db_url):
    store = open_store(db_url)
    store.import_register(_register(3))
    before = register_to_document(store.load_register(include_history=True), include_history=True)
    clash = _register(1)
    clash.organisations[0].name = "Stadt Musterstadt"  # same name, other identity
    with pytest.raises(StoreError, match="Musterstadt"):
        store.import_register(clash)
    after = register_to_document(store.load_register(include_history=True), include_history=True)
    assert after == before


def test_reimporting_the_same_register_changes_nothing(db_url):
    store = open_store(db_url)
    register = _register(4)
    first = store.import_register(register)
    again = store.import_register(register)
    assert first.created == 4 + 1 + 1 + 1 + 1 + 1  # activities, service, org, catalogues
    assert (again.created, again.updated) == (0, 0)


def test_import_is_one_transaction_even_when_a_late_row_fails(db_url):
    store = open_store(db_url)
    store.import_register(m.Register(organisations=[m.Organisation(name="Gemeinde A")]))
    before = register_to_document(store.load_register())
    register = _register(50)  # processors, catalogues, an organisation with 50 activities …
    register.organisations[0].name = "Gemeinde B"
    register.organisations.append(m.Organisation(name="Gemeinde A"))  # … then a clash
    with pytest.raises(StoreError, match="Gemeinde A"):
        store.import_register(register)
    assert register_to_document(store.load_register()) == before
    assert store.organisation_names() == ["Gemeinde A"]


def test_nul_characters_are_refused_alike_on_every_backend(db_url):
    store = open_store(db_url)
    register = _register(1)
    register.organisations[0].activities[0].purposes[1].text = "Aus\x00kunft"
    with pytest.raises(StoreError, match=r"purposes\[1\]\.text"):
        store.import_register(register)
    assert store.is_empty()


def test_frozen_versions_keep_the_register_as_it_was(db_url):
    store = open_store(db_url, user="dsb")
    register = _register(2)
    store.import_register(register)
    org = register.organisations[0]
    first = store.freeze_version(org.name, "Stand für die Aufsichtsbehörde")
    org.activities[0].name = "Umbenannt"
    store.save_activity(org.uid, org.activities[0])
    second = store.freeze_version(org.name)
    assert [(v.number, v.label, v.user) for v in store.versions(org.name)] == [
        (1, "Stand für die Aufsichtsbehörde", "dsb"),
        (2, "", "dsb"),
    ]
    assert first.frozen_at <= second.frozen_at
    old = store.load_version(org.name, 1).organisations[0]
    assert [a.name for a in old.activities] == ["Tätigkeit 0", "Tätigkeit 1"]
    assert store.load_version(org.name, 2).organisations[0].activities[0].name == "Umbenannt"
    with pytest.raises(StoreError):
        store.load_version(org.name, 3)


def _org_with_activity() -> tuple[m.Register, m.Organisation, m.Activity]:
    act = m.Activity(name="Wahlen", purposes=[m.Purpose("Wahlvorbereitung", ["art6-1-e"])])
    org = m.Organisation(name="Gemeinde A", activities=[act])
    return m.Register(organisations=[org]), org, act


def test_an_activity_is_not_moved_silently_to_another_organisation(db_url):
    store = open_store(db_url)
    register, _, act = _org_with_activity()
    other = m.Organisation(name="Gemeinde B")
    register.organisations.append(other)
    store.import_register(register)
    with pytest.raises(StoreError, match="anderen Organisation"):
        store.save_activity(other.uid, act)
    assert [a.name for a in store.load_organisation("Gemeinde A").activities] == ["Wahlen"]


def test_uid_shared_by_two_kinds_of_record_is_refused(sqlite_url):
    shared = "same-uid"
    register = m.Register(
        organisations=[m.Organisation(uid=shared, name="Stadt A")],
        processors=[m.Processor(uid=shared, name="Dienstleister")],
    )
    with pytest.raises(StoreError, match="also used"):
        open_store(sqlite_url).import_register(register)


def test_nul_is_refused_by_every_save(db_url):
    store = open_store(db_url)
    register, org, act = _org_with_activity()
    store.import_register(register)
    act.notes = "a\x00b"
    with pytest.raises(StoreError, match="NUL"):
        store.save_activity(org.uid, act)
    with pytest.raises(StoreError, match="NUL"):
        store.save_recipient(m.Recipient(name="Amt\x00"))
    assert store.load_activity(act.uid).notes == ""


def test_organisations_are_listed_in_the_same_order_on_every_backend(db_url):
    store = open_store(db_url)
    names = ["stadt Zeven", "Ämter-Verbund", "Stadt Aachen", "amt Nord", "Zweckverband"]
    store.import_register(m.Register(organisations=[m.Organisation(name=n) for n in names]))
    assert store.organisation_names() == [
        "amt Nord",
        "Stadt Aachen",
        "stadt Zeven",
        "Zweckverband",
        "Ämter-Verbund",
    ]
