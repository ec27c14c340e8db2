"""Issue 14, item 9: our own Excel export comes back whole.

Export → import into an empty database → export gives the identical workbook, cell for
cell, for generated registers: the DPIA screening's details, the contact person's
address, recipient and processor names with a bracket or a dash of their own, and words
("Ja", "keine", "AV", "1. …") the import reads as answers or marks in other files.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ropa_desktop.domain import model as m
from ropa_desktop.domain import vocab
from ropa_desktop.io.export.xlsx import export_xlsx
from ropa_desktop.io.importing.engine import import_spreadsheet
from ropa_desktop.store.database import open_store

ORG = "Stadt Musterstadt"
STAND = date(2026, 12, 1)

# What a person types into one cell line: words with umlauts, digits and brackets
# ("Schufa Holding AG (Wiesbaden)"), words the import reads elsewhere as marks, answers
# or "none", dashes and a leading number; no leading or trailing blanks.
_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ", min_size=1)
_marked = st.sampled_from(
    ["AV", "Auftragsverarbeiter", "Ja", "Nein", "keine", "entfällt", "—", "USA", "SCC", "Ja:"]
)
_words = st.lists(_word | _marked, min_size=1, max_size=3).map(" ".join)
line = st.one_of(
    _words,
    st.tuples(_words, _words).map(lambda p: f"{p[0]} ({p[1]})"),
    st.tuples(_words, _words).map(lambda p: f"{p[0]} – {p[1]}"),
    _words.map(lambda w: f"1. {w}"),
).filter(lambda t: t != "keine")  # the export's own word for "no recipients"
optional = st.just("") | line
lines = st.lists(line, max_size=3, unique=True)
dates = st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


def _ids(vocabulary: vocab.Vocabulary) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from([t.id for t in vocabulary]), max_size=3, unique=True)


contacts = st.builds(
    m.Contact,
    name=optional,
    organisation=optional,
    street=optional,
    postcode=st.just("") | st.from_regex(r"[0-9]{5}", fullmatch=True),
    city=optional,
    country=st.sampled_from(["", "DE", "AT", "FR", "US"]),
    phone=st.just(""),
    email=st.just(""),
    website=st.just("") | st.just("https://example.org"),
)
dpias = st.builds(
    m.DpiaScreening,
    art35_3=_ids(vocab.dpia_art35_3()),
    wp248=_ids(vocab.dpia_wp248()),
    dsk_list=_ids(vocab.dpia_dsk_list()),
    result=st.sampled_from(m.DpiaResult),
    reference=optional,
    notes=optional,
    screened_on=dates,
)
recipients = st.lists(
    st.builds(m.Recipient, name=line, category=optional),
    max_size=3,
    unique_by=lambda r: r.name.casefold(),
)
processors = st.lists(
    st.builds(m.Processor, name=line, city=optional),
    max_size=2,
    unique_by=lambda p: p.name.casefold(),
)


def _uid(entry: m.Processor) -> str:
    return entry.uid


@st.composite
def registers(draw: st.DrawFn) -> m.Register:
    """One organisation, its recipients, and activities with unique names."""
    org = m.Organisation(name=ORG, kind=m.OrganisationKind.PUBLIC_AUTHORITY, land="NW")
    pool = draw(recipients)
    contractors = draw(processors)
    used = (
        st.lists(st.sampled_from(contractors), max_size=2, unique_by=_uid)
        if contractors
        else st.just([])
    )
    names = draw(st.lists(line, min_size=1, max_size=3, unique_by=str.casefold))
    for number, name in enumerate(names, start=1):
        org.activities.append(
            m.Activity(
                reference=f"VT-{number:03d}",
                name=name,
                department=draw(optional),
                contact=draw(contacts),
                description=draw(optional),
                purposes=[m.Purpose(text=t, legal_bases=["art6-1-e"]) for t in draw(lines)],
                data_subjects=draw(lines),
                internal_recipients=draw(lines),
                recipients=[
                    r.uid
                    for r in draw(
                        st.lists(st.sampled_from(pool), max_size=2, unique_by=lambda r: r.uid)
                    )
                ]
                if pool
                else [],
                processors=[m.ProcessorLink(p.uid, draw(optional)) for p in draw(used)],
                joint_controllers=[m.JointController(name=n) for n in draw(lines)],
                dpia=draw(dpias),
                last_reviewed=draw(dates),
                next_review=draw(dates),
                notes=draw(optional),
            )
        )
    return m.Register(organisations=[org], recipients=pool, processors=contractors)


def _cells(path: Path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(path)
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book}


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(register=registers())
def test_xlsx_import_xlsx_is_identical(register):
    with TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = open_store(folder / "source.sqlite")
        source.import_register(register)
        first = folder / "first.xlsx"
        export_xlsx(source.load_register(ORG), ORG, first, stand=STAND)
        target = open_store(folder / "target.sqlite")
        report = import_spreadsheet(target, first)
        assert report.errors == 0
        second = folder / "second.xlsx"
        export_xlsx(target.load_register(ORG), ORG, second, stand=STAND)
        assert _cells(second) == _cells(first)
        source.engine.dispose()
        target.engine.dispose()


def test_dpia_details_contact_address_and_bracketed_recipients_come_back(tmp_path):
    schufa = m.Recipient(name="Schufa Holding AG (Wiesbaden)", category="Auskunftei")
    finanzamt = m.Recipient(name="Finanzamt", category="Behörde")
    org = m.Organisation(name=ORG)
    org.activities.append(
        m.Activity(
            name="Vollstreckung",
            contact=m.Contact(name="Frau Kluge", street="Markt 1", postcode="12345", city="Ahaus"),
            recipients=[schufa.uid, finanzamt.uid],
            dpia=m.DpiaScreening(
                wp248=["sensitive-data"], reference="DSFA-7", notes="geprüft mit DSB"
            ),
        )
    )
    source = open_store(tmp_path / "source.sqlite")
    source.import_register(m.Register(organisations=[org], recipients=[schufa, finanzamt]))
    export_xlsx(source.load_register(ORG), ORG, tmp_path / "vvt.xlsx")
    target = open_store(tmp_path / "target.sqlite")
    import_spreadsheet(target, tmp_path / "vvt.xlsx")
    back = target.load_register(ORG)
    act = back.organisations[0].activities[0]
    assert (act.contact.street, act.contact.postcode, act.contact.city) == (
        "Markt 1",
        "12345",
        "Ahaus",
    )
    assert (act.dpia.wp248, act.dpia.reference, act.dpia.notes) == (
        ["sensitive-data"],
        "DSFA-7",
        "geprüft mit DSB",
    )
    assert "DSFA" not in act.notes and "Ansprechpartner:" not in act.notes
    names = {r.uid: r.name for r in back.recipients}
    assert sorted(names[u] for u in act.recipients) == [
        "Finanzamt",
        "Schufa Holding AG (Wiesbaden)",
    ]


def test_processor_names_holding_a_dash_come_back_whole(tmp_path):
    """Our export writes "name – service"; a name with " – " of its own is not split."""
    netz = m.Processor(name="Stadtwerke – Netz GmbH")
    rz = m.Processor(
        name="Rechenzentrum – Nord",
        subprocessors=[m.SubprocessorLink(netz.uid, "Fernwartung – Server")],
    )
    org = m.Organisation(name=ORG)
    org.activities.append(
        m.Activity(
            reference="VT-001",
            name="Ablesung",
            processors=[m.ProcessorLink(netz.uid, "Zählerablesung"), m.ProcessorLink(rz.uid)],
        )
    )
    source = open_store(tmp_path / "source.sqlite")
    source.import_register(m.Register(organisations=[org], processors=[netz, rz]))
    first = tmp_path / "first.xlsx"
    export_xlsx(source.load_register(ORG), ORG, first, stand=STAND)
    target = open_store(tmp_path / "target.sqlite")
    assert import_spreadsheet(target, first).errors == 0
    back = target.load_register(ORG)
    names = {p.uid: p.name for p in back.processors}
    assert sorted(names.values()) == ["Rechenzentrum – Nord", "Stadtwerke – Netz GmbH"]
    act = back.organisations[0].activities[0]
    assert [(names[x.processor], x.service) for x in act.processors] == [
        ("Stadtwerke – Netz GmbH", "Zählerablesung"),
        ("Rechenzentrum – Nord", ""),
    ]
    rz_back = next(p for p in back.processors if p.name == "Rechenzentrum – Nord")
    assert [(names[s.processor], s.service) for s in rz_back.subprocessors] == [
        ("Stadtwerke – Netz GmbH", "Fernwartung – Server")
    ]
    second = tmp_path / "second.xlsx"
    export_xlsx(back, ORG, second, stand=STAND)
    assert _cells(second) == _cells(first)


def _round_trip(folder: Path, register: m.Register) -> m.Register:
    """Export ``register``, import it into an empty database, and check that exporting
    again gives the identical workbook; the imported register."""
    source = open_store(folder / "source.sqlite")
    source.import_register(register)
    first = folder / "first.xlsx"
    export_xlsx(source.load_register(ORG), ORG, first, stand=STAND)
    target = open_store(folder / "target.sqlite")
    assert import_spreadsheet(target, first).errors == 0
    back = target.load_register(ORG)
    export_xlsx(back, ORG, folder / "second.xlsx", stand=STAND)
    assert _cells(folder / "second.xlsx") == _cells(first)
    return back


def test_words_for_none_typed_as_values_come_back(tmp_path):
    """Only the export's own statement ("keine" in German) means none; "entfällt", "—" or
    "none" typed as an internal recipient or a joint controller is kept as typed."""
    org = m.Organisation(name=ORG)
    org.activities.append(
        m.Activity(
            reference="VT-001",
            name="Wahlen",
            internal_recipients=["entfällt"],
            joint_controllers=[m.JointController(name="—")],
        )
    )
    org.activities.append(m.Activity(reference="VT-002", name="Kasse", no_joint_controllers=True))
    org.activities.append(  # the English export's word, in a German export
        m.Activity(reference="VT-003", name="Hunde", joint_controllers=[m.JointController("none")])
    )
    back = _round_trip(tmp_path, m.Register(organisations=[org]))
    wahlen, kasse, hunde = back.organisations[0].activities
    assert [j.name for j in hunde.joint_controllers] == ["none"]
    assert wahlen.internal_recipients == ["entfällt"]
    assert [j.name for j in wahlen.joint_controllers] == ["—"]
    assert not wahlen.no_joint_controllers
    assert kasse.joint_controllers == [] and kasse.no_joint_controllers


def test_a_single_purpose_starting_with_a_number_keeps_it(tmp_path):
    """The export numbers purposes only when there are several; "1. Antrag" alone is text."""
    org = m.Organisation(name=ORG)
    org.activities.append(
        m.Activity(
            reference="VT-001",
            name="Bauanträge",
            purposes=[m.Purpose(text="1. Antrag prüfen", legal_bases=["art6-1-e"])],
        )
    )
    org.activities.append(
        m.Activity(
            reference="VT-002",
            name="Wahlen",
            purposes=[
                m.Purpose(text="2. Wahlgang", legal_bases=["art6-1-c"]),
                m.Purpose(text="Auszählung", legal_bases=["art6-1-e"]),
            ],
        )
    )
    back = _round_trip(tmp_path, m.Register(organisations=[org]))
    bau, wahlen = back.organisations[0].activities
    assert [(p.text, p.legal_bases) for p in bau.purposes] == [("1. Antrag prüfen", ["art6-1-e"])]
    assert [(p.text, p.legal_bases) for p in wahlen.purposes] == [
        ("2. Wahlgang", ["art6-1-c"]),
        ("Auszählung", ["art6-1-e"]),
    ]


def test_an_export_whose_only_activity_is_named_ja_is_imported(tmp_path):
    """The check against checklists ("Ja"/"Nein" in the name column) spares our own export."""
    org = m.Organisation(name=ORG)
    org.activities.append(m.Activity(reference="VT-001", name="Ja"))
    back = _round_trip(tmp_path, m.Register(organisations=[org]))
    assert [a.name for a in back.organisations[0].activities] == ["Ja"]
