"""Reading cell values: lists, legal bases, countries, mechanisms, dates, retention and more.

Table-driven: every row is a cell as departments write it and what the import must read.
"""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from ropa_desktop.domain import vocab
from ropa_desktop.domain.model import (
    Activity,
    ActivityStatus,
    Contact,
    DataCategory,
    Organisation,
    OrganisationKind,
    Purpose,
    Register,
    Retention,
    RetentionUnit,
    SpecialCategory,
)
from ropa_desktop.domain.parsing import (
    LegalBasisParse,
    clean_text,
    find_citations,
    is_bare_answer,
    looks_like_formula,
    parse_countries,
    parse_country,
    parse_date,
    parse_legal_bases,
    parse_mechanism,
    parse_retention,
    parse_special_category,
    parse_status,
    parse_yes_no,
    split_values,
)
from ropa_desktop.domain.rules import check_register

# ------------------------------------------------------------------------- split_values


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("", []),
        ("   \n  ", []),
        ("Name", ["Name"]),
        ("Name\nAnschrift\nTelefon", ["Name", "Anschrift", "Telefon"]),
        ("Name\r\nAnschrift\r\nTelefon\r\n", ["Name", "Anschrift", "Telefon"]),  # Windows
        ("Name\rAnschrift", ["Name", "Anschrift"]),
        ("Name; Anschrift;; Telefon;", ["Name", "Anschrift", "Telefon"]),
        ("• Name\n• Anschrift\n• Telefon", ["Name", "Anschrift", "Telefon"]),
        ("·Name\n▪ Anschrift", ["Name", "Anschrift"]),
        (
            "- Beschäftigte\n- Bewerber\n* Praktikanten\n– Auszubildende",
            ["Beschäftigte", "Bewerber", "Praktikanten", "Auszubildende"],
        ),
        ("1. Meldedaten\n2. Passdaten", ["Meldedaten", "Passdaten"]),
        ("a) Beschäftigte\nb) Bewerber", ["Beschäftigte", "Bewerber"]),
        ("Name • Anschrift • Telefon", ["Name", "Anschrift", "Telefon"]),
        # continuation lines of a bulleted item
        (
            "• Name\n• Anschrift und\n  Telefonnummer\n• E-Mail",
            ["Name", "Anschrift und Telefonnummer", "E-Mail"],
        ),
        (
            "Intern:\n• Personalamt\nExtern:\n• Finanzamt",
            ["Intern:", "Personalamt", "Extern:", "Finanzamt"],
        ),
        # commas: names and addresses stay whole, short lists split
        ("Meyer, Christina", ["Meyer, Christina"]),
        ("Google Ireland Ltd., Dublin", ["Google Ireland Ltd., Dublin"]),
        ("Name, Vorname", ["Name, Vorname"]),
        (
            "Name, Vorname, Geburtsdatum, Anschrift",
            ["Name", "Vorname", "Geburtsdatum", "Anschrift"],
        ),
        (
            "Musterstraße 1, 12345 Musterstadt, Deutschland",
            ["Musterstraße 1, 12345 Musterstadt, Deutschland"],
        ),
        (
            "Name, Vorname, Bankverbindung für die Erstattung überzahlter Gebühren",
            ["Name, Vorname, Bankverbindung für die Erstattung überzahlter Gebühren"],
        ),
        ("Art. 6 Abs. 1 lit. a, b, c DSGVO", ["Art. 6 Abs. 1 lit. a, b, c DSGVO"]),
        ("10,5 Stunden, 3,2 Tage, 4 Wochen", ["10,5 Stunden", "3,2 Tage", "4 Wochen"]),
        ("Name, Vorname\nAnschrift", ["Name, Vorname", "Anschrift"]),
        # brackets
        ("Name (Vorname, Nachname)", ["Name (Vorname, Nachname)"]),
        ("Name (Vorname; Nachname); Anschrift", ["Name (Vorname; Nachname)", "Anschrift"]),
        (
            "Kontakt (Tel., E-Mail, Fax), Anschrift, Geburtsdatum",
            ["Kontakt (Tel., E-Mail, Fax)", "Anschrift", "Geburtsdatum"],
        ),
        # a single line keeps its numbering: it is no list
        ("1. März 2026", ["1. März 2026"]),
        ("-", ["-"]),
        ("•\n• Name", ["Name"]),
    ],
)
def test_split_values(cell: str, expected: list[str]) -> None:
    assert split_values(cell) == expected


# -------------------------------------------------------------------- legal bases

LB = LegalBasisParse
LEGAL_BASES: list[tuple[str, LegalBasisParse]] = [
    # the usual ways of writing Art. 6
    ("Art. 6 Abs. 1 lit. e DSGVO", LB(["art6-1-e"], [], "")),
    ("Art. 6 Abs. 1 Buchst. e) DSGVO", LB(["art6-1-e"], [], "")),
    ("Art. 6 (1) e GDPR", LB(["art6-1-e"], [], "")),
    ("Art. 6(1)(e) GDPR", LB(["art6-1-e"], [], "")),
    ("Art. 6 I c", LB(["art6-1-c"], [], "")),
    ("Art. 6 I 1 lit. c DSGVO", LB(["art6-1-c"], [], "")),
    ("Art 6 1 c DSGVO", LB(["art6-1-c"], [], "")),
    ("Art. 6 Abs. 1 S. 1 lit. c DSGVO", LB(["art6-1-c"], [], "")),
    ("Art. 6 Abs. 1 UAbs. 1 lit. e DSGVO", LB(["art6-1-e"], [], "")),
    ("Artikel 6 Absatz 1 Buchstabe e Datenschutz-Grundverordnung", LB(["art6-1-e"], [], "")),
    ("Art.6 Abs.1 lit.e DS-GVO", LB(["art6-1-e"], [], "")),
    ("Art. 6 Abs. 1 lit. e EU-DSGVO", LB(["art6-1-e"], [], "")),
    ("Art. 6 lit. e DSGVO", LB(["art6-1-e"], [], "")),
    ("Art. 6.1.c GDPR", LB(["art6-1-c"], [], "")),
    ("Article 6(1)(c) legal obligation", LB(["art6-1-c"], [], "")),
    ("Art. 6 Abs. 1 lit. b und f DSGVO", LB(["art6-1-b", "art6-1-f"], [], "")),
    ("Art. 6 Abs. 1 lit. a, b DSGVO", LB(["art6-1-a", "art6-1-b"], [], "")),
    ("Art. 6 Abs. 1 lit. b), c) und e) DSGVO", LB(["art6-1-b", "art6-1-c", "art6-1-e"], [], "")),
    ("Art. 6 Abs. 1 lit. a-c DSGVO", LB(["art6-1-a", "art6-1-b", "art6-1-c"], [], "")),
    ("Art. 6(1)(b) and (f) GDPR", LB(["art6-1-b", "art6-1-f"], [], "")),
    ("Art. 6 Abs. 1 lit. e DSGVO und lit. f", LB(["art6-1-e", "art6-1-f"], [], "")),
    # Art. 9 and 10
    ("Art. 9 Abs. 2 lit. b", LB(["art9-2-b"], [], "")),
    ("Art. 9 (2) (h) GDPR", LB(["art9-2-h"], [], "")),
    ("Art. 9 Abs. 2 lit. b DSGVO, lit. h", LB(["art9-2-b", "art9-2-h"], [], "")),
    ("Art. 10 DSGVO", LB(["art10"], [], "")),
    (
        "Art. 6 Abs. 1 lit. e DS-GVO sowie Art. 9 Abs. 2 lit. g DS-GVO",
        LB(["art6-1-e", "art9-2-g"], [], ""),
    ),
    # "lit. e" alone: only after an Art. 6 context
    (
        "Art. 6 Abs. 1 lit. c DSGVO; lit. e für Gebühren",
        LB(["art6-1-c", "art6-1-e"], [], "für Gebühren"),
    ),
    ("lit. e", LB([], [], "lit. e")),
    # ICO style and words alone
    ("Public task (Article 6(1)(e))", LB(["art6-1-e"], [], "")),
    (
        "Article 6(1)(e) – public task; Article 9(2)(h) – health or social care",
        LB(["art6-1-e", "art9-2-h"], [], ""),
    ),
    ("Consent", LB(["art6-1-a"], [], "")),
    ("Contract", LB(["art6-1-b"], [], "")),
    ("Legal obligation", LB(["art6-1-c"], [], "")),
    ("Vital interests", LB(["art6-1-d"], [], "")),
    ("Public task", LB(["art6-1-e"], [], "")),
    ("Legitimate interests", LB(["art6-1-f"], [], "")),
    ("Einwilligung", LB(["art6-1-a"], [], "")),
    ("Vertrag", LB(["art6-1-b"], [], "")),
    ("Rechtliche Verpflichtung", LB(["art6-1-c"], [], "")),
    ("Öffentliche Aufgabe", LB(["art6-1-e"], [], "")),
    ("berechtigtes Interesse", LB(["art6-1-f"], [], "")),
    ("Vertrag, berechtigtes Interesse", LB(["art6-1-b", "art6-1-f"], [], "")),
    ("Explicit consent", LB(["art9-2-a"], [], "")),
    ("Einwilligung der Eltern", LB([], [], "Einwilligung der Eltern")),  # not the whole value
    ("Einwilligung nach Art. 6 Abs. 1 lit. a DSGVO", LB(["art6-1-a"], [], "")),
    (
        "Art. 6 Abs. 1 lit. e DSGVO (Wahrnehmung einer Aufgabe im öffentlichen Interesse)",
        LB(["art6-1-e"], [], ""),
    ),
    ("Einwilligung (Art. 6 Abs. 1 lit. b DSGVO)", LB(["art6-1-b"], [], "Einwilligung")),
    # national provisions
    ("Art. 4 BayDSG", LB(["by-baydsg-4"], [], "")),
    ("Art. 4 Abs. 1 BayDSG", LB(["by-baydsg-4"], [], "")),
    ("§ 3 DSG NRW", LB(["nw-dsg-3"], [], "")),
    ("§§ 3, 18 DSG NRW", LB(["nw-dsg-3", "nw-dsg-18"], [], "")),
    ("§ 26 Abs. 1 BDSG i.V.m. Art. 6 Abs. 1 lit. b DSGVO", LB(["bdsg-26", "art6-1-b"], [], "")),
    (
        "Art. 9 Abs. 2 lit. b DSGVO i.V.m. § 22 Abs. 1 Nr. 1 lit. b BDSG",
        LB(["art9-2-b", "bdsg-22"], [], ""),
    ),
    ("§§ 2 ff. BMG", LB([], ["§§ 2 ff. BMG"], "")),
    ("§ 7 KAG NRW", LB([], ["§ 7 KAG NRW"], "")),
    ("§ 67a SGB X", LB([], ["§ 67a SGB X"], "")),
    ("§ 30a BZRG", LB([], ["§ 30a BZRG"], "")),
    ("§§ 3 ff. DSG NRW", LB([], ["§§ 3 ff. DSG NRW"], "")),
    (
        "Art. 6 Abs. 1 lit. c DSGVO i.V.m. § 147 AO und § 257 HGB",
        LB(["art6-1-c", "ao-147", "hgb-257"], [], ""),
    ),
    (
        "Art. 6 Abs. 1 lit. e DSGVO i.V.m. § 3 DSG NRW und § 5 Abs. 2 KAG NRW",
        LB(["art6-1-e", "nw-dsg-3"], ["§ 5 Abs. 2 KAG NRW"], ""),
    ),
    # GDPR citations that no id says fully are kept as written
    ("Art. 6 Abs. 1 DSGVO", LB([], ["Art. 6 Abs. 1 DSGVO"], "")),
    ("Art. 6 Abs. 1 lit. e, Abs. 3 DSGVO", LB([], ["Art. 6 Abs. 1 lit. e, Abs. 3 DSGVO"], "")),
    (
        "Art. 6 Abs. 1 lit. e DSGVO i.V.m. Abs. 3",
        LB([], ["Art. 6 Abs. 1 lit. e DSGVO i.V.m. Abs. 3"], ""),
    ),
    ("Art. 6 Abs. 1 lit. e Alt. 2 DSGVO", LB([], ["Art. 6 Abs. 1 lit. e Alt. 2 DSGVO"], "")),
    ("Art. 6 Abs. 3 lit. b DSGVO", LB([], ["Art. 6 Abs. 3 lit. b DSGVO"], "")),
    ("Art. 6 Abs. 1 lit. g DSGVO", LB([], ["Art. 6 Abs. 1 lit. g DSGVO"], "")),
    ("Art. 6 Abs. 1 lit. c i.V.m. Art. 37 DSGVO", LB(["art6-1-c"], ["Art. 37 DSGVO"], "")),
    ("Art. 10", LB([], ["Art. 10"], "")),
    # realistic cells, as the published registers write them
    ("Art. 6 Abs. 1 lit. e DSGVO, Art. 4 BayDSG", LB(["art6-1-e", "by-baydsg-4"], [], "")),
    (
        "Führung des Melderegisters gem. §§ 2 ff. BMG i.V.m. Art. 6 Abs. 1 lit. c DSGVO",
        LB(["art6-1-c"], ["§§ 2 ff. BMG"], "Führung des Melderegisters"),
    ),
    (
        "Erhebung der Hundesteuer gem. § 2 der Hundesteuersatzung",
        LB([], ["§ 2 der Hundesteuersatzung"], "Erhebung der Hundesteuer"),
    ),
    (
        "Meldedaten nach § 3 BMG und Passdaten nach § 4 PassG",
        LB([], ["§ 3 BMG", "§ 4 PassG"], "Meldedaten und Passdaten"),
    ),
    ("Zweck X (vgl. § 5 BMG) und mehr", LB([], ["§ 5 BMG"], "Zweck X und mehr")),
    ("Hundesteuer (Art. 6 Abs. 1 lit. e)", LB(["art6-1-e"], [], "Hundesteuer")),
    ("Hundesteuer (§ 2 HStS, Art. 6 Abs. 1 lit. e)", LB(["art6-1-e"], ["§ 2 HStS"], "Hundesteuer")),
    ("Rechtsgrundlage: Art. 6 Abs. 1 lit. e DSGVO", LB(["art6-1-e"], [], "")),
    ("Art. 6 Abs. 1 lit. e DSGVO\r\nArt. 4 BayDSG", LB(["art6-1-e", "by-baydsg-4"], [], "")),
    (
        "- Art. 6 Abs. 1 lit. e DSGVO\n- Führung der Personalakte",
        LB(["art6-1-e"], [], "Führung der Personalakte"),
    ),
    ("Art. 6(1)(e) and a contract", LB(["art6-1-e"], [], "a contract")),
    ("Satzung", LB([], [], "Satzung")),
    ("", LB([], [], "")),
]


@pytest.mark.parametrize(("text", "expected"), LEGAL_BASES, ids=[t for t, _ in LEGAL_BASES])
def test_parse_legal_bases(text: str, expected: LegalBasisParse) -> None:
    assert parse_legal_bases(text) == expected


def test_every_id_read_is_a_vocabulary_id() -> None:
    known = set(vocab.legal_bases().ids()) | set(vocab.national_provisions().ids())
    for text, _ in LEGAL_BASES:
        assert set(parse_legal_bases(text).ids) <= known, text


@pytest.mark.parametrize(
    ("text", "article", "ids", "rest"),
    [
        ("Explicit consent", "9", ["art9-2-a"], ""),
        ("Vital interests", "9", ["art9-2-c"], ""),
        (
            "(b) Employment, social security and social protection (if authorised by law)",
            "9",
            ["art9-2-b"],
            "",
        ),
        ("(h) Health or social care (with a basis in law)", 9, ["art9-2-h"], ""),
        ("Reasons of substantial public interest (with a basis in law)", "9", ["art9-2-g"], ""),
        ("lit. b", "9", ["art9-2-b"], ""),
        ("e)", "6", ["art6-1-e"], ""),
        ("lit. e", "6", ["art6-1-e"], ""),
        ("N/A", "9", [], "N/A"),
    ],
)
def test_parse_legal_bases_in_a_column_about_one_article(
    text: str, article: str | int, ids: list[str], rest: str
) -> None:
    parsed = parse_legal_bases(text, article=article)
    assert (parsed.ids, parsed.rest) == (ids, rest)


def test_find_citations_reports_spans_as_written() -> None:
    text = "Führung des Melderegisters gem. §§ 2 ff. BMG i.V.m. Art. 6 Abs. 1 lit. c DSGVO"
    first, second = find_citations(text)
    assert first.text == "§§ 2 ff. BMG" == text[first.start : first.end]
    assert (first.gdpr, first.law, first.ids, first.complete) == (False, "BMG", (), False)
    assert second.text == "Art. 6 Abs. 1 lit. c DSGVO"
    assert (second.gdpr, second.article, second.ids, second.complete) == (
        True,
        "6",
        ("art6-1-c",),
        True,
    )
    partial = find_citations("Art. 6 Abs. 1 lit. e, Abs. 3 DSGVO")[0]
    assert partial.ids == ("art6-1-e",) and not partial.complete


def test_parse_legal_bases_returns_fresh_lists() -> None:
    first = parse_legal_bases("Art. 6 Abs. 1 lit. e DSGVO")
    first.ids.append("changed")
    assert parse_legal_bases("Art. 6 Abs. 1 lit. e DSGVO").ids == ["art6-1-e"]


# The rules read legal bases through the same recogniser. Each case is a purpose's
# legal bases at a public body with the rule codes (about purposes and legal bases)
# that must, and must not, come out. These are the rules' behaviour before the
# recogniser moved to the parsing module, plus the cases it now reads better
# (marked "now").
RULE_CASES: list[tuple[list[str], set[str], set[str]]] = [
    (["Art. 6 Abs. 1 lit. e DSGVO, § 3 DSG NRW"], set(), set()),
    (["Art. 6(1)(e) GDPR", "§ 3 DSG NRW"], set(), set()),
    (["Art. 6 Abs. 1 lit. e DSGVO, Art. 4 BayDSG"], set(), set()),
    (["Art. 6 Abs. 1 lit. e DSGVO"], {"legal-basis-no-provision"}, set()),
    (["§ 3 DSG NRW"], {"purpose-no-art6-basis"}, set()),
    (["§ 26 Abs. 1 BDSG"], {"contested-national-basis"}, set()),
    (
        ["§ 26 Abs. 1 BDSG i.V.m. Art. 6 Abs. 1 lit. b DSGVO"],
        set(),
        {"contested-national-basis", "purpose-no-art6-basis"},
    ),
    (["Satzung"], {"legal-basis-free-text", "purpose-no-art6-basis"}, set()),
    (["art6-1-e", "Bundesmeldegesetz"], {"legal-basis-free-text"}, {"legal-basis-no-provision"}),
    (["Art. 6 Abs. 1 lit. c i.V.m. Art. 37 DSGVO"], set(), {"legal-basis-no-provision"}),
    (
        ["Führung des Melderegisters gem. §§ 2 ff. BMG i.V.m. Art. 6 Abs. 1 lit. c DSGVO"],
        set(),
        set(),
    ),
    (
        ["Art. 6 Abs. 1 lit. f DSGVO"],
        {"public-body-legitimate-interest", "legitimate-interest-not-described"},
        set(),
    ),
    (["Art. 6 Abs. 1 DSGVO", "§ 3 DSG NRW"], {"purpose-no-art6-basis"}, set()),
    # now: both letters are read, and "DSGVO" after them is no national law
    (["Art. 6 Abs. 1 lit. b und f DSGVO"], {"public-body-legitimate-interest"}, set()),
    (["Art. 6 I c", "§ 3 DSG NRW"], set(), {"purpose-no-art6-basis"}),
    # now: the lawful basis in words
    (
        ["Legitimate interests"],
        {"public-body-legitimate-interest", "legal-basis-free-text"},
        {"purpose-no-art6-basis"},
    ),
]


def _register(legal_bases: list[str]) -> Register:
    activity = Activity(
        name="Hundesteuer",
        department="Kämmerei",
        purposes=[Purpose("Festsetzung der Hundesteuer", legal_bases)],
        data_subjects=["Hundehalter"],
        data_categories=[DataCategory("Name", retention=Retention(10, RetentionUnit.YEARS))],
        internal_recipients=["Stadtkasse"],
        tom_description="Berechtigungskonzept",
        status=ActivityStatus.APPROVED,
        last_reviewed=date(2025, 6, 1),
        next_review=date(2027, 6, 1),
    )
    org = Organisation(
        name="Stadt Musterhausen",
        kind=OrganisationKind.PUBLIC_AUTHORITY,
        land="DE-NW",
        street="Markt 1",
        postcode="48000",
        city="Musterhausen",
        email="info@example.org",
        dpo=Contact(name="Dana Schutz", email="dsb@example.org"),
        supervisory_authority="LDI NRW",
        activities=[activity],
    )
    return Register(organisations=[org])


@pytest.mark.parametrize(
    ("bases", "present", "absent"), RULE_CASES, ids=[" | ".join(b) for b, _, _ in RULE_CASES]
)
def test_rules_read_legal_bases_through_the_parser(
    bases: list[str], present: set[str], absent: set[str]
) -> None:
    codes = {f.code for f in check_register(_register(bases), today=date(2026, 3, 1))}
    assert present <= codes
    assert not absent & codes
    if not present:
        assert not {c for c in codes if c.startswith(("purpose-", "legal-basis-"))}


def test_rules_accept_art9_condition_read_from_a_citation() -> None:
    r = _register(["Art. 6 Abs. 1 lit. e DSGVO, Art. 9 Abs. 2 lit. b DSGVO, § 3 DSG NRW"])
    r.organisations[0].activities[0].data_categories.append(
        DataCategory("Gesundheitsdaten", SpecialCategory.ART9, retention=Retention(text="3 J."))
    )
    assert check_register(r, today=date(2026, 3, 1)) == []


# ---------------------------------------------------------------------- countries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("in die USA", "US"),
        ("Vereinigte Staaten", "US"),
        ("Vereinigte Staaten (USA)", "US"),
        ("United States of America", "US"),
        ("Deutschland", "DE"),
        ("Schweiz", "CH"),
        ("Switzerland", "CH"),
        ("CH", "CH"),
        ("UK", "GB"),
        ("Vereinigtes Königreich", "GB"),
        ("Korea, Republik", "KR"),
        ("Oesterreich", "AT"),
        ("nach Indien", "IN"),
        ("Google Ireland Ltd., Dublin", "IE"),
        ("Europäische Patentorganisation", "int-epo"),
        ("EU", None),
        ("EWR", None),
        ("EU/EWR", None),
        ("Europäische Union", None),
        ("in", None),
        ("no", None),
        ("USA und Kanada", None),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_parse_country(text: str, expected: str | None) -> None:
    assert parse_country(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("findet nicht statt", ([], True, "")),
        ("Findet nicht statt.", ([], True, "")),
        ("keine", ([], True, "")),
        ("nein", ([], True, "")),
        ("none", ([], True, "")),
        ("No", ([], True, "")),
        ("entfällt", ([], True, "")),
        ("-", ([], True, "")),
        ("n/a", ([], True, "")),
        (
            "Findet nicht statt, alle Daten bleiben in Deutschland",
            ([], True, "Findet nicht statt, alle Daten bleiben in Deutschland"),
        ),
        ("USA, Schweiz", (["US", "CH"], False, "")),
        ("USA/UK", (["US", "GB"], False, "")),
        ("USA und Kanada", (["US", "CA"], False, "")),
        ("USA; Indien\r\nChina", (["US", "IN", "CN"], False, "")),
        ("• USA\n• Japan", (["US", "JP"], False, "")),
        ("findet wie folgt statt: USA", (["US"], False, "")),
        ("Korea, Republik", (["KR"], False, "")),
        ("USA (Microsoft)", (["US"], False, "USA (Microsoft)")),
        ("USA; Mars", (["US"], False, "Mars")),
        ("EU", ([], False, "EU")),
        ("ja", ([], False, "ja")),
        ("", ([], False, "")),
    ],
)
def test_parse_countries(text: str, expected: tuple[list[str], bool, str]) -> None:
    assert parse_countries(text) == expected


# ---------------------------------------------------------------------- mechanism


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Standardvertragsklauseln", ("", "Standardvertragsklauseln")),
        ("SCC", ("", "SCC")),
        ("SCC Modul 2", ("scc-2", "")),
        ("Standardvertragsklauseln (Modul 2)", ("scc-2", "")),
        ("SCC module 2 (controller to processor)", ("scc-2", "")),
        ("EU-Standardvertragsklauseln 2021/914 Modul 3", ("scc-3", "")),
        ("C2P SCCs", ("scc-2", "")),
        ("SCC Module 2 and 3", ("", "SCC Module 2 and 3")),
        ("Angemessenheitsbeschluss", ("adequacy", "")),
        ("adequacy decision", ("adequacy", "")),
        ("Art. 45 DSGVO", ("adequacy", "")),
        ("Data Privacy Framework", ("dpf", "")),
        ("DPF", ("dpf", "")),
        ("EU-US DPF", ("dpf", "")),
        ("Zertifizierung nach dem EU-US Data Privacy Framework", ("dpf", "")),
        ("Privacy Shield", ("privacy-shield", "")),
        ("EU-US Privacy Shield", ("privacy-shield", "")),
        ("BCR", ("bcr", "")),
        ("verbindliche interne Datenschutzvorschriften", ("bcr", "")),
        ("Einwilligung (Art. 49 Abs. 1 lit. a)", ("art49-1-a", "")),
        ("Art. 49 (1) (b) GDPR", ("art49-1-b", "")),
        ("Art. 49 Abs. 1 UAbs. 2 DSGVO", ("art49-1-2", "")),
        ("Art. 46 Abs. 3 DSGVO", ("art46-3", "")),
        ("Art. 46 Abs. 2 lit. c DSGVO", ("", "Art. 46 Abs. 2 lit. c DSGVO")),
        # the id does not say everything: the text is kept
        ("SCC Modul 2 + TIA", ("scc-2", "SCC Modul 2 + TIA")),
        ("DPF, hilfsweise SCC Modul 2", ("dpf", "DPF, hilfsweise SCC Modul 2")),
        ("irgendein Vertrag", ("", "irgendein Vertrag")),
        ("", ("", "")),
    ],
)
def test_parse_mechanism(text: str, expected: tuple[str, str]) -> None:
    assert parse_mechanism(text) == expected
    if expected[0]:
        assert expected[0] in vocab.transfer_mechanisms()


# -------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 5, 6), date(2026, 5, 6)),
        (datetime(2026, 1, 2, 3, 4), date(2026, 1, 2)),
        ("31.12.2026", date(2026, 12, 31)),
        ("31.12.26", date(2026, 12, 31)),
        ("1.3.2026", date(2026, 3, 1)),
        ("01.03.1999", date(1999, 3, 1)),
        ("1.3.99", date(1999, 3, 1)),
        ("2026-12-31", date(2026, 12, 31)),
        ("2026-12-31T10:00:00", date(2026, 12, 31)),
        ("31.12.2026 14:30", date(2026, 12, 31)),
        ("31/12/2026", date(2026, 12, 31)),
        ("Stand: 01.03.2019", date(2019, 3, 1)),
        ("31. Dezember 2026", date(2026, 12, 31)),
        ("31 December 2026", date(2026, 12, 31)),
        ("December 31, 2026", date(2026, 12, 31)),
        # month and year: the first of the month
        ("12/2026", date(2026, 12, 1)),
        ("12.2026", date(2026, 12, 1)),
        ("2026-12", date(2026, 12, 1)),
        ("Dezember 2026", date(2026, 12, 1)),
        ("Dez. 2026", date(2026, 12, 1)),
        ("März 2026", date(2026, 3, 1)),
        ("Maerz 2026", date(2026, 3, 1)),
        ("December 2026", date(2026, 12, 1)),
        ("décembre 2026", date(2026, 12, 1)),
        # Excel serial numbers
        (46022, date(2025, 12, 31)),
        (46022.75, date(2025, 12, 31)),
        (45000.0, date(2023, 3, 15)),
        # nothing
        (12, None),
        (True, None),
        (float("nan"), None),
        (None, None),
        ("31.02.2026", None),
        ("2026", None),
        ("demnächst", None),
        ("Quatsch 2026", None),
        ("", None),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


# ---------------------------------------------------------------------- retention

Y, M, W, D = RetentionUnit.YEARS, RetentionUnit.MONTHS, RetentionUnit.WEEKS, RetentionUnit.DAYS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 Jahre", Retention(10, Y)),
        ("6 Monate nach Abschluss des Verfahrens", Retention(6, M, "Abschluss des Verfahrens")),
        ("30 Tage", Retention(30, D)),
        ("2 Wochen", Retention(2, W)),
        ("1 Jahr nach Vertragsende", Retention(1, Y, "Vertragsende")),
        (
            "sechs Monate nach Ablauf des Vertragsverhältnisses",
            Retention(6, M, "Ablauf des Vertragsverhältnisses"),
        ),
        ("zwölf Monate", Retention(12, M)),
        ("dreißig Tage", Retention(30, D)),
        ("ein Jahr", Retention(1, Y)),
        (
            "zehn Jahre nach Ablauf des Kalenderjahres",
            Retention(10, Y, "Ablauf des Kalenderjahres"),
        ),
        ("10 Jahre ab Ende des Kalenderjahres", Retention(10, Y, "Ende des Kalenderjahres")),
        ("90 days", Retention(90, D)),
        ("3 months after the end of the contract", Retention(3, M, "the end of the contract")),
        ("Keep for 6 years", Retention(6, Y)),
        ("Löschung nach 10 Jahren", Retention(10, Y)),
        ("Löschfrist: 3 Jahre", Retention(3, Y)),
        ("Aufbewahrung 10 Jahre", Retention(10, Y)),
        # the structured part doesn't say it all: the original is kept too
        ("nach spätestens 90 Tagen", Retention(90, D, "", "nach spätestens 90 Tagen")),
        ("innerhalb von 30 Tagen", Retention(30, D, "", "innerhalb von 30 Tagen")),
        ("10 Jahre (§ 147 AO)", Retention(10, Y, "", "10 Jahre (§ 147 AO)")),
        ("10 Jahre. Danach Archivierung.", Retention(10, Y, "", "10 Jahre. Danach Archivierung.")),
        (
            "6 Monate nach Abschluss des Verfahrens, danach Archiv",
            Retention(
                6,
                M,
                "Abschluss des Verfahrens",
                "6 Monate nach Abschluss des Verfahrens, danach Archiv",
            ),
        ),
        # not a period: text only
        ("gesetzliche Aufbewahrungsfrist", Retention(text="gesetzliche Aufbewahrungsfrist")),
        ("nach Zweckerfüllung", Retention(text="nach Zweckerfüllung")),
        ("bis zum Widerruf", Retention(text="bis zum Widerruf")),
        ("6-12 Monate", Retention(text="6-12 Monate")),
        ("1,5 Jahre", Retention(text="1,5 Jahre")),
        ("30 Arbeitstage", Retention(text="30 Arbeitstage")),
        ("0 Tage", Retention(text="0 Tage")),
        (
            "10 Jahre für Rechnungen, 6 Jahre für Briefe",
            Retention(text="10 Jahre für Rechnungen, 6 Jahre für Briefe"),
        ),
        ("10 Jahre\r\n(§ 147 AO)", Retention(10, Y, "", "10 Jahre\n(§ 147 AO)")),
        ("", Retention()),
        # hours (video recordings) and a doubled "nach" (issue 18)
        ("72 Stunden", Retention(72, RetentionUnit.HOURS)),
        ("72 h", Retention(72, RetentionUnit.HOURS)),
        ("48 Std.", Retention(48, RetentionUnit.HOURS)),
        ("24 hours", Retention(24, RetentionUnit.HOURS)),
        ("10 Jahre nach nach Ende des Jahres", Retention(10, Y, "Ende des Jahres")),
    ],
)
def test_parse_retention(text: str, expected: Retention) -> None:
    assert parse_retention(text) == expected


# ------------------------------------------------------------ special categories


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Gesundheitsdaten", SpecialCategory.ART9),
        ("Krankmeldungen", SpecialCategory.ART9),
        ("Religionszugehörigkeit", SpecialCategory.ART9),
        ("Kirchensteuermerkmal", SpecialCategory.ART9),
        ("Gewerkschaftszugehörigkeit", SpecialCategory.ART9),
        ("biometrische Daten", SpecialCategory.ART9),
        ("Fingerabdrücke", SpecialCategory.ART9),
        ("genetische Daten", SpecialCategory.ART9),
        ("sexuelle Orientierung", SpecialCategory.ART9),
        ("ethnische Herkunft", SpecialCategory.ART9),
        ("politische Meinung", SpecialCategory.ART9),
        ("Schwerbehinderung", SpecialCategory.ART9),
        ("health data", SpecialCategory.ART9),
        ("religious or philosophical beliefs", SpecialCategory.ART9),
        ("trade union membership", SpecialCategory.ART9),
        ("données de santé", SpecialCategory.ART9),
        ("Straftaten", SpecialCategory.ART10),
        ("Vorstrafen", SpecialCategory.ART10),
        ("Führungszeugnis", SpecialCategory.ART10),
        ("erweitertes Fuehrungszeugnis", SpecialCategory.ART10),
        ("criminal convictions and offences", SpecialCategory.ART10),
        ("Name, Anschrift", SpecialCategory.NONE),
        ("Herkunft der Daten", SpecialCategory.NONE),
        ("Vertragspartei", SpecialCategory.NONE),
        ("Lichtbild", SpecialCategory.NONE),
        ("Ordnungswidrigkeiten", SpecialCategory.NONE),
        ("keine Gesundheitsdaten", SpecialCategory.NONE),
        ("", SpecialCategory.NONE),
    ],
)
def test_parse_special_category(name: str, expected: SpecialCategory) -> None:
    assert parse_special_category(name) is expected


# -------------------------------------------------------------- yes/no and status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", True),
        ("Ja", True),
        ("JA", True),
        ("j", True),
        ("yes", True),
        ("Y", True),
        ("x", True),
        ("X", True),
        ("✓", True),
        ("✔", True),
        ("true", True),
        ("TRUE", True),
        ("1", True),
        ("oui", True),
        ("erforderlich", True),
        ("Ja, siehe DSFA", True),
        ("nein", False),
        ("Nein", False),
        ("no", False),
        ("false", False),
        ("0", False),
        ("non", False),
        ("✗", False),
        ("nicht erforderlich", False),
        ("Nein – nicht nötig", False),
        # a leading mark with words (Rbit27/form, docs/ROPA.md, "Art. 9 Special Category?")
        ("✅ Yes — HRV, injury flags, body composition goals", True),
        ("❌ No (coaching text carries no health data)", False),
        ("Yes — mental health adjacent", True),
        ("✅ Nein", None),
        ("⚠️ Indirectly — context infers health status", None),
        ("", None),
        ("-", None),
        ("vielleicht", None),
        ("Xylophon", None),
        ("x-mal", None),
        (True, True),
        (0, False),
    ],
)
def test_parse_yes_no(text: object, expected: bool | None) -> None:
    assert parse_yes_no(text) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nein", True),
        ("❌ No", True),
        ("✓", True),
        ("nicht erforderlich", True),
        ("❌ No (coaching text carries no health data)", False),
        ("Ja, Gesundheitsdaten", False),
    ],
)
def test_is_bare_answer(text: str, expected: bool) -> None:
    assert is_bare_answer(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entwurf", ActivityStatus.DRAFT),
        ("draft", ActivityStatus.DRAFT),
        ("in Bearbeitung", ActivityStatus.DRAFT),
        ("in Prüfung", ActivityStatus.IN_REVIEW),
        ("In Pruefung", ActivityStatus.IN_REVIEW),
        ("in review", ActivityStatus.IN_REVIEW),
        ("in_review", ActivityStatus.IN_REVIEW),
        ("Freigegeben", ActivityStatus.APPROVED),
        ("approved", ActivityStatus.APPROVED),
        ("aktiv", ActivityStatus.APPROVED),
        ("archiviert", ActivityStatus.ARCHIVED),
        ("Archived", ActivityStatus.ARCHIVED),
        ("inaktiv", ActivityStatus.ARCHIVED),
        ("irgendwas", None),
        ("", None),
    ],
)
def test_parse_status(text: str, expected: ActivityStatus | None) -> None:
    assert parse_status(text) is expected


# -------------------------------------------------------------------- hygiene


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://example.org")', True),
        ("+49 221 123456", True),
        ("-1+2", True),
        ("- Aufzählung", True),
        ("@SUM(A1)", True),
        ("  =1+1", True),
        ("\t=cmd", True),
        ("＝1", True),
        ("-", False),
        ("Name", False),
        ("E-Mail = Kontakt", False),
        ("", False),
    ],
)
def test_looks_like_formula(text: str, expected: bool) -> None:
    assert looks_like_formula(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb\rc", ("a\nb\nc", False)),
        ("Zeile   \nZeile\t", ("Zeile\nZeile", False)),
        ("a\u2028b\x0bc", ("a\nb\nc", False)),
        ("Wort_x000D_\nweiter", ("Wort\nweiter", False)),
        ("x\x00y\x07z\x1b", ("x\ufffdy\ufffdz\ufffd", True)),
        ("a\x7fb\x9fc", ("a\ufffdb\ufffdc", True)),
        ("\ud800x", ("\ufffdx", True)),
        ("Tab\tbleibt", ("Tab\tbleibt", False)),
        ("", ("", False)),
    ],
)
def test_clean_text(text: str, expected: tuple[str, bool]) -> None:
    assert clean_text(text) == expected


# ------------------------------------------------------------- bounded effort


@pytest.mark.parametrize(
    "text",
    [
        "§ 1 " + " , " * 5000 + "x § 2",
        ", " * 15000,
        "Art. 6 Abs. 1 lit. a, b, c, d, e, f " * 800,
        "Art. 6 Abs. 1 " + "und Abs. 2 " * 3000,
        "(" * 15000 + ")" * 15000,
        "lit. e " * 4000,
        "10 Jahre nach " + "x" * 30000,
        "USA " * 7000,
    ],
)
def test_long_and_hostile_cells_take_bounded_time(text: str) -> None:
    start = time.perf_counter()
    for parse in (
        parse_legal_bases,
        split_values,
        parse_countries,
        parse_retention,
        parse_mechanism,
        parse_special_category,
        parse_date,
        clean_text,
    ):
        parse(text)  # type: ignore[operator]
    assert time.perf_counter() - start < 2.0
