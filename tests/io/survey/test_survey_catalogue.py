"""The Art. 30 items that link the organisation's catalogue — external recipients,
processors, third-country transfers and TOMs — out in the questionnaire and back through
the review: known names link the existing entries, unknown names are proposals the DPO
accepts (a new entry of this organisation) or rejects."""

from __future__ import annotations

from datetime import date

import pytest
from survey_helpers import ORG, open_book, register, set_answer, table_row

from ropa_desktop.domain import model as m
from ropa_desktop.domain import vocab
from ropa_desktop.io.survey.display import value_text
from ropa_desktop.io.survey.review import Proposal, State, apply_review, build_review
from ropa_desktop.io.survey.sending import send_questionnaires
from ropa_desktop.store.database import open_store
from ropa_desktop.store.survey import SURVEY_BATCH

TODAY = date(2026, 12, 5)
RECIPIENTS = "Empfänger extern (Empfängerkategorie)"
PROCESSORS = "Auftragsverarbeiter"
TRANSFERS = "Drittlandübermittlungen und Garantien"
TOMS = "Technische und organisatorische Maßnahmen (TOM)"


def catalogue_register() -> m.Register:
    """The helpers' register with a catalogue, and "Meldewesen" linking part of it."""
    reg = register()
    org = reg.organisations[0]
    finanzamt = m.Recipient(owner=org.uid, name="Finanzamt Ahaus")
    kdn = m.Processor(owner=org.uid, name="KDN Rechenzentrum")
    shredder = m.Processor(owner=org.uid, name="Aktenvernichtung Nord GmbH")
    access = m.Tom(owner=org.uid, title="Rollen- und Berechtigungskonzept")
    crypto = m.Tom(owner=org.uid, title="Verschlüsselung der Festplatten")
    melde = org.activities[0]
    melde.recipients = [finanzamt.uid]
    melde.processors = [m.ProcessorLink(kdn.uid, "Hosting des Fachverfahrens")]
    melde.transfers = [
        m.Transfer(
            country="US",
            recipient="Cloud Inc.",
            mechanism="dpf",
            documentation="Zertifizierung geprüft 2026",
        )
    ]
    melde.toms = [access.uid]
    reg.recipients = [finanzamt]
    reg.processors = [kdn, shredder]
    reg.toms = [access, crypto]
    return reg


@pytest.fixture
def store(db_url):
    store = open_store(db_url)
    store.import_register(catalogue_register())
    return store


def _melde(store):
    return next(a for a in store.load_organisation(ORG).activities if a.name == "Meldewesen")


def test_the_catalogue_items_are_sent_as_labels_with_drop_downs(store, tmp_path):
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Bürgerbüro"], sent=TODAY)
    wb = open_book(sent.path)
    ws = wb["VT-001 Meldewesen"]
    assert ws.cell(table_row(ws, RECIPIENTS, 0), 1).value == "Finanzamt Ahaus"
    row = table_row(ws, PROCESSORS, 0)
    assert [ws.cell(row, c).value for c in (1, 2)] == [
        "KDN Rechenzentrum",
        "Hosting des Fachverfahrens",
    ]
    row = table_row(ws, TRANSFERS, 0)
    assert [ws.cell(row, c).value for c in (1, 2, 3)] == [
        "Vereinigte Staaten",
        "Cloud Inc.",
        vocab.transfer_mechanisms()["dpf"].label("de"),
    ]
    assert ws.cell(table_row(ws, TOMS, 0), 1).value == "Rollen- und Berechtigungskonzept"
    # no uid anywhere a colleague looks
    uids = {a.uid for a in store.load_organisation(ORG).activities}
    catalogue = store.catalogue(ORG)
    uids |= {x.uid for x in [*catalogue.recipients, *catalogue.processors, *catalogue.toms]}
    for sheet in wb.worksheets:
        if sheet.title == "_ropa":
            continue
        for line in sheet.iter_rows(values_only=True):
            assert not uids & {str(v) for v in line if v is not None}
    # the drop-downs point to the hidden list of the catalogue's names
    lists = wb["Listen"]

    def validation(cell: str):
        return next(dv for dv in ws.data_validations.dataValidation if cell in dv.sqref)

    processors = validation(f"A{table_row(ws, PROCESSORS, 5)}")
    column = processors.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    names = [c.value for c in lists[column] if c.value]
    assert names == ["Aktenvernichtung Nord GmbH", "KDN Rechenzentrum"]
    assert processors.errorStyle == "warning"  # a new name may be typed
    assert validation(f"A{table_row(ws, TOMS, 0)}").errorStyle == "stop"
    assert validation(f"A{table_row(ws, TRANSFERS, 0)}").errorStyle == "stop"  # countries
    assert validation(f"C{table_row(ws, TRANSFERS, 0)}").errorStyle == "warning"


def test_department_links_proposes_removes_and_ticks(store, tmp_path):
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Bürgerbüro"], sent=TODAY)
    before = _melde(store)
    wb = open_book(sent.path)
    ws = wb["VT-001 Meldewesen"]
    ws.cell(table_row(ws, RECIPIENTS, 1), 1).value = "Deutsche Rentenversicherung"  # unknown
    row = table_row(ws, PROCESSORS, 1)
    ws.cell(row, 1).value = "Aktenvernichtung Nord GmbH"  # picked from the list
    ws.cell(row, 2).value = "Vernichtung von Akten"
    ws.cell(table_row(ws, PROCESSORS, 2), 1).value = "Neue Cloud GmbH"  # unknown, rejected
    row = table_row(ws, TRANSFERS, 0)
    for col in (1, 2, 3):  # the transfer no longer happens
        ws.cell(row, col).value = None
    ws.cell(table_row(ws, TOMS, 1), 1).value = "Verschlüsselung der Festplatten"
    wb.save(sent.path)

    review = build_review(store, sent.path)
    melde_r = review.activities[0]
    states = {i.key: i.state for i in melde_r.items if i.state is not State.UNCHANGED}
    assert states == {
        "recipients": State.DEPARTMENT,
        "processors": State.DEPARTMENT,
        "transfers": State.DEPARTMENT,
        "toms": State.DEPARTMENT,
    }
    recipients = melde_r.item("recipients")
    assert recipients.proposals == [Proposal("recipient", "Deutsche Rentenversicherung")]
    processors = melde_r.item("processors")
    assert processors.proposals == [Proposal("processor", "Neue Cloud GmbH")]
    # the review shows names, never uids; a proposal is marked as new
    assert value_text("recipients", recipients.answer, "de", review.names) == (
        "Finanzamt Ahaus\nDeutsche Rentenversicherung (neu, nicht im Katalog)"
    )
    assert value_text("transfers", melde_r.item("transfers").sent, "de", review.names) == (
        "Vereinigte Staaten – Cloud Inc. – "
        + value_text("transfers", [["", "", "dpf"]], "de").strip()
    )
    assert value_text("toms", melde_r.item("toms").answer, "de", review.names) == (
        "Rollen- und Berechtigungskonzept\nVerschlüsselung der Festplatten"
    )
    processors.proposals[0].accept = False  # the DPO rejects the unknown processor
    outcome = apply_review(store, review, today=TODAY)
    assert outcome.catalogue == 1

    after = _melde(store)
    catalogue = store.catalogue(ORG)
    org_uid = store.load_organisation(ORG).uid
    by_name = {r.name: r for r in catalogue.recipients}
    assert set(by_name) == {"Finanzamt Ahaus", "Deutsche Rentenversicherung"}
    assert by_name["Deutsche Rentenversicherung"].owner == org_uid
    assert after.recipients == [
        by_name["Finanzamt Ahaus"].uid,
        by_name["Deutsche Rentenversicherung"].uid,
    ]
    processors_by_name = {x.name: x.uid for x in catalogue.processors}
    assert "Neue Cloud GmbH" not in processors_by_name  # rejected: not created, not linked
    assert after.processors == [
        m.ProcessorLink(processors_by_name["KDN Rechenzentrum"], "Hosting des Fachverfahrens"),
        m.ProcessorLink(processors_by_name["Aktenvernichtung Nord GmbH"], "Vernichtung von Akten"),
    ]
    assert after.transfers == []
    toms = {t.title: t.uid for t in catalogue.toms}
    assert after.toms == [
        toms["Rollen- und Berechtigungskonzept"],
        toms["Verschlüsselung der Festplatten"],
    ]
    assert after.last_reviewed == TODAY
    assert (after.name, after.purposes, after.data_categories) == (
        before.name,
        before.purposes,
        before.data_categories,
    )
    # the new recipient and the activity in one batch of the history
    batch = store.batches(limit=1)[0]
    assert batch.kind == SURVEY_BATCH
    labels = {h.entity_label for h in store.history(limit=50) if h.batch == batch.uid}
    assert {"Deutsche Rentenversicherung", "Meldewesen"} <= labels


def test_an_unknown_country_is_named_and_not_taken_over(store, tmp_path):
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Bürgerbüro"], sent=TODAY)
    wb = open_book(sent.path)
    ws = wb["VT-001 Meldewesen"]
    row = table_row(ws, TRANSFERS, 1)
    ws.cell(row, 1).value = "Atlantis"
    ws.cell(row, 2).value = "Poseidon AG"
    wb.save(sent.path)
    review = build_review(store, sent.path)
    item = review.activities[0].item("transfers")
    assert item.state is State.INVALID and not item.acceptable
    assert item.problems == [
        f"Blatt „VT-001 Meldewesen“, Zelle A{row}: „Atlantis“ steht nicht in der Auswahlliste."
    ]
    before = _melde(store)
    apply_review(store, review, today=TODAY)
    assert _melde(store).transfers == before.transfers


def test_the_catalogue_items_round_trip_unchanged(store, tmp_path):
    """Sent and read back untouched: every item unchanged, the transfer keeps what the sheet
    does not show (its documentation), nothing is created."""
    melde = _melde(store)
    melde.transfers.append(
        m.Transfer(country="CH", recipient="Swiss AG", mechanism_text="Vertrag vom 1.1.2020")
    )
    store.save_activity(store.load_organisation(ORG).uid, melde)
    melde = _melde(store)
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Bürgerbüro"], sent=TODAY)
    review = build_review(store, sent.path)
    assert {i.state for a in review.activities for i in a.items} == {State.UNCHANGED}
    outcome = apply_review(store, review, today=TODAY)
    assert outcome.updated == 0 and outcome.catalogue == 0
    after = _melde(store)
    assert (after.recipients, after.processors, after.transfers, after.toms) == (
        melde.recipients,
        melde.processors,
        melde.transfers,
        melde.toms,
    )
    assert len(store.catalogue(ORG).recipients) == 1


def test_a_new_activity_links_known_entries_and_a_proposal(store, tmp_path):
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Bürgerbüro"], sent=TODAY)
    wb = open_book(sent.path)
    new = wb["Neu 1"]
    set_answer(new, "Bezeichnung der Verarbeitungstätigkeit", "Fundsachen")
    new.cell(table_row(new, PROCESSORS, 0), 1).value = "kdn rechenzentrum"  # any case
    new.cell(table_row(new, PROCESSORS, 1), 1).value = "Fundbüro-Software AG"
    new.cell(table_row(new, PROCESSORS, 1), 2).value = "Fundsachenverwaltung"
    row = table_row(new, TRANSFERS, 0)
    new.cell(row, 1).value = "USA"  # typed, not picked: still a country the program knows
    new.cell(row, 2).value = "Lost & Found Inc."
    new.cell(row, 3).value = "Einwilligung laut Formular"  # a safeguard in words
    new.cell(table_row(new, TOMS, 0), 1).value = "Verschlüsselung der Festplatten"
    wb.save(sent.path)
    review = build_review(store, sent.path)
    new_r = next(a for a in review.activities if a.is_new)
    assert new_r.item("processors").proposals == [Proposal("processor", "Fundbüro-Software AG")]
    apply_review(store, review, today=TODAY)
    catalogue = store.catalogue(ORG)
    processors = {x.name: x for x in catalogue.processors}
    assert processors["Fundbüro-Software AG"].owner == store.load_organisation(ORG).uid
    fund = next(a for a in store.load_organisation(ORG).activities if a.name == "Fundsachen")
    assert fund.processors == [
        m.ProcessorLink(processors["KDN Rechenzentrum"].uid, ""),
        m.ProcessorLink(processors["Fundbüro-Software AG"].uid, "Fundsachenverwaltung"),
    ]
    assert fund.transfers == [
        m.Transfer(
            country="US", recipient="Lost & Found Inc.", mechanism_text="Einwilligung laut Formular"
        )
    ]
    assert fund.toms == [next(t.uid for t in catalogue.toms if t.title.startswith("Versch"))]


def test_a_questionnaire_sent_before_these_items_existed_is_still_read(
    store, tmp_path, monkeypatch
):
    """Workbooks sent by the previous release have no recipients, processors, transfers or
    TOMs: those items count as unchanged and the register keeps them."""
    from ropa_desktop.io.survey import workbook
    from ropa_desktop.io.survey.fields import ITEMS

    new_keys = ("recipients", "processors", "transfers", "toms")
    old_items = tuple(i for i in ITEMS if i.key not in new_keys)
    monkeypatch.setattr(workbook, "ITEMS", old_items)
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Bürgerbüro"], sent=TODAY)
    monkeypatch.undo()
    wb = open_book(sent.path)
    assert "Auftragsverarbeiter" not in [c.value for c in wb["VT-001 Meldewesen"]["A"]]
    set_answer(wb["VT-001 Meldewesen"], "Beschreibung", "Neu beschrieben")
    wb.save(sent.path)
    before = _melde(store)
    review = build_review(store, sent.path)
    melde_r = review.activities[0]
    assert [i.key for i in melde_r.items if i.state is not State.UNCHANGED] == ["description"]
    apply_review(store, review, today=TODAY)
    after = _melde(store)
    assert after.description == "Neu beschrieben"
    assert (after.recipients, after.processors, after.transfers, after.toms) == (
        before.recipients,
        before.processors,
        before.transfers,
        before.toms,
    )


def test_changes_here_meanwhile_and_conflicts_on_catalogue_items(store, tmp_path):
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Bürgerbüro"], sent=TODAY)
    # meanwhile the DPO ticks a second TOM and links no recipient any more
    melde = _melde(store)
    crypto = next(t.uid for t in store.catalogue(ORG).toms if t.title.startswith("Versch"))
    melde.toms.append(crypto)
    melde.recipients = []
    store.save_activity(store.load_organisation(ORG).uid, melde)
    wb = open_book(sent.path)
    ws = wb["VT-001 Meldewesen"]
    ws.cell(table_row(ws, RECIPIENTS, 1), 1).value = "Amtsgericht Ahaus"  # a proposal
    wb.save(sent.path)
    review = build_review(store, sent.path)
    melde_r = review.activities[0]
    assert melde_r.item("toms").state is State.HERE
    recipients = melde_r.item("recipients")
    assert recipients.state is State.CONFLICT and not recipients.accept
    assert recipients.proposals == [Proposal("recipient", "Amtsgericht Ahaus")]
    outcome = apply_review(store, review, today=TODAY)
    # the conflict was not ticked: its proposal is neither created nor linked
    assert outcome.catalogue == 0
    assert [r.name for r in store.catalogue(ORG).recipients] == ["Finanzamt Ahaus"]
    after = _melde(store)
    assert after.recipients == [] and after.toms == melde.toms
