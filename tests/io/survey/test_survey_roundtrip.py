"""The yearly review end to end: questionnaires out for two departments, answers filled in
as a colleague would, the review with some answers accepted and some rejected."""

from __future__ import annotations

from datetime import date

import pytest
from survey_helpers import ORG, open_book, register, set_answer, table_row

from ropa_desktop.domain import model as m
from ropa_desktop.io.survey.reading import SurveyError
from ropa_desktop.io.survey.review import State, apply_review, build_review
from ropa_desktop.io.survey.sending import SendError, send_questionnaires
from ropa_desktop.store.database import open_store
from ropa_desktop.store.survey import SURVEY_BATCH

TODAY = date(2026, 12, 5)


@pytest.fixture
def store(db_url):
    store = open_store(db_url)
    store.import_register(register())
    return store


def _by_name(store):
    return {a.name: a for a in store.load_organisation(ORG).activities}


def test_two_departments_answer_and_the_dpo_takes_over_part(store, tmp_path):
    sent = send_questionnaires(store, ORG, tmp_path, ["Bürgerbüro", "Kämmerei"], sent=TODAY)
    assert [(s.department, s.activities) for s in sent] == [("Bürgerbüro", 2), ("Kämmerei", 1)]
    buergerbuero, kaemmerei = (s.path for s in sent)

    # Meanwhile the DPO changes the description of "Meldewesen" and renames the passports.
    acts = _by_name(store)
    melde = acts["Meldewesen"]
    melde.description = "Führen des Melderegisters nach BMG."
    store.save_activity(store.load_organisation(ORG).uid, melde)
    passes = acts["Pass- und Ausweiswesen"]
    passes.name = "Pass- und Personalausweiswesen"
    store.save_activity(store.load_organisation(ORG).uid, passes)

    # The Bürgerbüro answers.
    wb = open_book(buergerbuero)
    ws = wb["VT-001 Meldewesen"]
    set_answer(ws, "Ansprechpartner/in (Telefon)", "02561 222")  # a change
    set_answer(ws, "Ansprechpartner/in (E-Mail)", None)  # a cleared field
    set_answer(ws, "Beschreibung", "Melderegister und Auskünfte.")  # the DPO changed it too
    ws.cell(table_row(ws, "Kategorien betroffener Personen", 1), 1).value = "Ehepartner"
    set_answer(ws, "Angaben geprüft und vollständig", "ja")
    new = wb["Neu 1"]  # a new activity
    set_answer(new, "Bezeichnung der Verarbeitungstätigkeit", "Fundsachen")
    set_answer(new, "Beschreibung", "Annahme und Herausgabe von Fundsachen.")
    row = table_row(new, "Zwecke der Verarbeitung", 0)
    new.cell(row, 1).value = "Verwaltung von Fundsachen"
    new.cell(row, 2).value = next(  # picked from the drop-down list
        c.value for c in wb["Listen"]["A"] if c.value.startswith("Art. 6 Abs. 1 lit. e DSGVO")
    )
    row = table_row(new, "Kategorien personenbezogener Daten", 0)
    for col, value in enumerate(["Name des Finders", "keine", "Finder", 6, "Monate"], 1):
        new.cell(row, col).value = value
    wb.save(buergerbuero)
    # The Kämmerei answers too.
    wb = open_book(kaemmerei)
    ws = wb["VT-003 Gewerbesteuer"]
    set_answer(ws, "Bezeichnung der Verarbeitungstätigkeit", "Gewerbesteuerveranlagung")
    set_answer(ws, "Hinweise an den Datenschutz", "Neues Fachverfahren ab 2027.")
    wb.save(kaemmerei)

    review = build_review(store, buergerbuero)
    assert review.problems == [] and review.department == "Bürgerbüro"
    melde_r, pass_r, new_r = review.activities
    states = {i.key: i.state for i in melde_r.items}
    assert states == {
        "name": State.UNCHANGED,
        "contact_name": State.UNCHANGED,
        "contact_phone": State.DEPARTMENT,
        "contact_email": State.DEPARTMENT,
        "description": State.CONFLICT,
        "purposes": State.UNCHANGED,
        "data_subjects": State.DEPARTMENT,
        "data_categories": State.UNCHANGED,
        "internal_recipients": State.UNCHANGED,
        "recipients": State.UNCHANGED,
        "processors": State.UNCHANGED,
        "transfers": State.UNCHANGED,
        "toms": State.UNCHANGED,
    }
    assert melde_r.confirmed is True
    assert melde_r.item("description").current == "Führen des Melderegisters nach BMG."
    assert melde_r.item("description").accept is False  # a conflict waits for the DPO
    assert pass_r.item("name").state is State.HERE
    assert new_r.is_new and new_r.name == "Fundsachen"
    # The DPO: phone and the cleared e-mail yes, the new group of people no, the
    # description stays as changed here; the new activity is taken over.
    melde_r.item("data_subjects").accept = False
    apply_review(store, review, today=TODAY)

    k_review = build_review(store, kaemmerei)
    (steuer_r,) = k_review.activities
    assert steuer_r.item("name").state is State.DEPARTMENT
    assert steuer_r.comment == "Neues Fachverfahren ab 2027."
    steuer_r.accept = False  # the whole activity rejected
    outcome = apply_review(store, k_review, today=TODAY)
    assert outcome.batch is None

    acts = _by_name(store)
    melde = acts["Meldewesen"]
    assert melde.contact.phone == "02561 222" and melde.contact.email == ""
    assert melde.contact.name == "Frau Albers"
    assert melde.description == "Führen des Melderegisters nach BMG."
    assert melde.data_subjects == ["Einwohner"]
    assert melde.last_reviewed == TODAY and melde.next_review == date(2027, 12, 5)
    assert "Pass- und Personalausweiswesen" in acts
    assert acts["Pass- und Personalausweiswesen"].last_reviewed == TODAY
    steuer = acts["Gewerbesteuer"]
    assert steuer.last_reviewed is None and steuer.notes == "" and steuer.next_review is None
    fund = acts["Fundsachen"]
    assert fund.department == "Bürgerbüro" and fund.reference == "VT-004"
    assert fund.purposes[0].legal_bases == ["art6-1-e"]
    cat = fund.data_categories[0]
    assert (cat.name, cat.source, cat.retention.duration, cat.retention.unit) == (
        "Name des Finders",
        "Finder",
        6,
        "months",
    )
    assert fund.last_reviewed == TODAY

    # One batch in the history, and it can be undone as a whole.
    batch = store.batches(limit=1)[0]
    assert batch.kind == SURVEY_BATCH and "Bürgerbüro" in batch.description
    fields = {(h.entity_label, h.field) for h in store.history(limit=50) if h.batch == batch.uid}
    assert ("Meldewesen", "contact") in fields or any(
        label == "Meldewesen" and f.startswith("contact") for label, f in fields
    )
    assert not any(f.startswith("data_subjects") for label, f in fields if label == "Meldewesen")
    store.undo_batch(batch.uid)
    acts = _by_name(store)
    assert "Fundsachen" not in acts
    assert acts["Meldewesen"].contact.phone == "02561 100"
    assert acts["Meldewesen"].last_reviewed is None


def test_a_workbook_of_another_database_is_refused(store, tmp_path):
    # a copy of the same register (same organisation and activity uids) in another database
    other = open_store(tmp_path / "other.sqlite")
    other.import_register(store.load_register())
    (sent,) = send_questionnaires(other, ORG, tmp_path / "other", ["Kämmerei"])
    send_questionnaires(store, ORG, tmp_path / "own", ["Kämmerei"])
    before = store.load_organisation(ORG)
    with pytest.raises(SurveyError) as caught:
        build_review(store, sent.path)
    assert "aus einer anderen Datenbank versandt" in str(caught.value)
    assert sent.path.name in str(caught.value)
    assert store.load_organisation(ORG) == before


def test_a_changed_identifier_is_noticed(store, tmp_path):
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Kämmerei"])
    wb = open_book(sent.path)
    hidden = wb["_ropa"]
    for row in hidden.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and '"sheet"' in cell.value:
                cell.value = cell.value.replace('",1]', '",7]')  # claims another version
    wb.save(sent.path)
    with pytest.raises(SurveyError, match="Signatur passt nicht"):
        build_review(store, sent.path)


def test_an_activity_deleted_since_is_reported_not_merged(store, tmp_path):
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Bürgerbüro"])
    wb = open_book(sent.path)
    set_answer(wb["VT-002 Pass- und Ausweiswesen"], "Beschreibung", "Neu beschrieben")
    wb.save(sent.path)
    gone = _by_name(store)["Pass- und Ausweiswesen"]
    store.delete_activity(gone.uid)
    review = build_review(store, sent.path)
    assert [a.name for a in review.activities] == ["Meldewesen"]
    assert review.problems == [
        "„Pass- und Ausweiswesen“ (Blatt „VT-002 Pass- und Ausweiswesen“) wurde nach dem "
        "Versand gelöscht; die Antworten dazu werden nicht übernommen."
    ]
    apply_review(store, review, today=TODAY)
    assert store.load_activity(gone.uid) is None


def test_a_bad_answer_is_named_and_not_taken_over(store, tmp_path):
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Bürgerbüro"])
    wb = open_book(sent.path)
    ws = wb["VT-001 Meldewesen"]
    ws.cell(table_row(ws, "Kategorien personenbezogener Daten", 0), 4).value = "fünf"
    wb.save(sent.path)
    review = build_review(store, sent.path)
    item = review.activities[0].item("data_categories")
    assert item.state is State.INVALID and not item.acceptable
    row = table_row(ws, "Kategorien personenbezogener Daten", 0)
    expected = f"Blatt „VT-001 Meldewesen“, Zelle D{row}: „fünf“ ist keine ganze Zahl."
    assert item.problems == [expected]


def test_an_unknown_department_is_refused(store, tmp_path):
    with pytest.raises(SendError, match="Bauamt"):
        send_questionnaires(store, ORG, tmp_path / "out", ["Bauamt"])
    assert not (tmp_path / "out").exists()


def test_an_unchanged_answer_round_trips_exactly(db_url, tmp_path):
    """Four legal bases, a provision of one's own, an Art. 9 category, a retention in words:
    sent and read back without a change, nothing differs."""
    store = open_store(db_url)
    reg = register()
    act = reg.organisations[0].activities[2]
    act.purposes = [
        m.Purpose(
            "Veranlagung",
            ["art6-1-c", "art6-1-e", "art9-2-g", "§ 15 GewStG"],
            legitimate_interest="",
        ),
        m.Purpose("Statistik", [], legitimate_interest="=SUMME(A1)"),
    ]
    act.data_categories = [
        m.DataCategory(
            "Gesundheitsdaten",
            special=m.SpecialCategory.ART9,
            source="Antragsteller",
            retention=m.Retention(text="gesetzliche Aufbewahrungsfrist"),
        )
    ]
    store.import_register(reg)
    (sent,) = send_questionnaires(store, ORG, tmp_path, ["Kämmerei"])
    book = open_book(sent.path)
    ws = book["VT-003 Gewerbesteuer"]
    row = table_row(ws, "Zwecke der Verarbeitung", 0)
    assert [ws.cell(row, c).value for c in (1, 5, 6)] == [
        "Veranlagung",
        "§ 15 GewStG",
        None,
    ]  # a fourth legal-basis column, then the legitimate interest
    assert ws.cell(row + 1, 6).value == "=SUMME(A1)" and ws.cell(row + 1, 6).data_type == "s"
    assert ws.cell(row, 1).number_format == "@"  # what a colleague types stays text
    duration = table_row(ws, "Kategorien personenbezogener Daten", 0)
    assert ws.cell(duration, 4).number_format == "General"
    review = build_review(store, sent.path)
    (steuer,) = review.activities
    assert {i.state for i in steuer.items} == {State.UNCHANGED}
    outcome = apply_review(store, review, today=TODAY)
    stored = store.load_activity(act.uid)
    assert stored.purposes == act.purposes and stored.data_categories == act.data_categories
    assert stored.last_reviewed == TODAY and outcome.updated == 0 and outcome.reviewed == 1
