"""Issue 14: real-world registers colleagues and other tools send — nothing lost or shifted.

Each test builds its file in the shape of a layout seen in the wild (see
docs/import-sources.md) and imports it through the real reader, mapping and store.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ropa_desktop.cli import main
from ropa_desktop.domain import i18n
from ropa_desktop.domain import model as m
from ropa_desktop.io.importing.engine import (
    SpreadsheetImportError,
    import_spreadsheet,
    plan_import,
)
from ropa_desktop.store.database import open_store


@pytest.fixture
def store(sqlite_url):
    return open_store(sqlite_url)


@pytest.fixture
def english():
    """Messages in English for the test, German again afterwards."""
    i18n.set_language("en")
    yield
    i18n.set_language("de")


def _write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def _xlsx(path: Path, rows: list[list[object]], sheet: str = "VVT") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def _acts(store, org: str) -> dict[str, m.Activity]:
    return {a.name: a for a in store.load_organisation(org).activities}


# --- 1: a sheet that is not a register --------------------------------------------------


COMPARISON = (
    "Template;Purpose;Processor;DPIA;Data subjects;Retention\n"
    "ICO template;Y;N;not required;Y;N\n"
    "CNIL template;Y;Y;not required;Y;Y\n"
    "DSK template;Y;N;not required;Y;Y\n"
)


def test_a_y_n_comparison_table_is_refused_with_the_reason(store, tmp_path, capsys):
    path = _write_csv(tmp_path / "field-comparison.csv", COMPARISON)
    with pytest.raises(SpreadsheetImportError) as caught:
        plan_import(store, path, organisation="Stadt Musterstadt")
    assert "Purpose" in caught.value.message("en")
    assert "ticks" in caught.value.message("en") and "Y" in caught.value.message("en")
    assert "Ankreuz" in caught.value.message("de")
    db = tmp_path / "r.sqlite"
    code = main(["--db", str(db), "--lang", "de", "import", str(path), "--org", "X"])
    assert code != 0
    assert "kein Verzeichnis von Verarbeitungstätigkeiten" in capsys.readouterr().err


def test_a_name_column_without_any_art30_column_is_refused(store, tmp_path):
    path = _xlsx(
        tmp_path / "phone-list.xlsx",
        [
            ["Bezeichnung der Verarbeitungstätigkeit", "Fachabteilung", "Telefon"],
            ["Meldewesen", "Bürgerbüro", "0251 123"],
            ["Kita", "Jugendamt", "0251 456"],
        ],
    )
    with pytest.raises(SpreadsheetImportError) as caught:
        plan_import(store, path, organisation="Stadt Musterstadt")
    assert "Art. 30" in caught.value.message("de")


def test_a_refused_sheet_beside_a_register_is_named_in_the_report(store, tmp_path, english):
    path = tmp_path / "two.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "VVT"
    ws.append(["Bezeichnung der Verarbeitungstätigkeit", "Zwecke der Verarbeitung"])
    ws.append(["Meldewesen", "Führung des Melderegisters"])
    other = book.create_sheet("Vergleich")
    for line in COMPARISON.splitlines():
        other.append(line.split(";"))
    book.save(path)
    report = import_spreadsheet(store, path, organisation="Stadt Musterstadt")
    assert list(_acts(store, "Stadt Musterstadt")) == ["Meldewesen"]
    assert any("“Vergleich” is not a register" in line for line in report.lines("en"))


# --- 4: CSV rows that do not fit the header ---------------------------------------------


def test_a_row_with_an_unquoted_delimiter_is_reported_with_its_row(store, tmp_path, english):
    path = _write_csv(
        tmp_path / "vvt.csv",
        "Bezeichnung;Zwecke der Verarbeitung;Kategorien betroffener Personen;"
        "Kategorien personenbezogener Daten;Löschfrist\n"
        "Meldewesen;Melderegister;Einwohner;Name;10 Jahre\n"
        "Kita;Betreuung;Kinder;Name; Anschrift;5 Jahre\n",
    )
    report = import_spreadsheet(store, path, organisation="Stadt Musterstadt", dry_run=True)
    lines = [n.text for n in report.notes]
    shifted = [line for line in lines if "row 3" in line and "6 fields instead of" in line]
    assert shifted and "“5 Jahre”" in shifted[0] and "column F" in shifted[0]
    assert not any("row 2" in line for line in lines)


def test_an_unterminated_quote_in_the_middle_is_reported(store, tmp_path, english):
    path = _write_csv(
        tmp_path / "vvt.csv",
        "Bezeichnung;Zwecke der Verarbeitung;Kategorien betroffener Personen;Löschfrist\n"
        'Meldewesen;Melderegister;"Einwohner;10 Jahre\n'
        "Kita;Betreuung;Kinder;5 Jahre\n"
        'Hunde;Hundesteuer;Halter";5 Jahre\n'
        "Friedhof;Grabstellen;Nutzungsberechtigte;30 Jahre\n",
    )
    report = import_spreadsheet(store, path, organisation="Stadt Musterstadt", dry_run=True)
    lines = [n.text for n in report.notes]
    assert any("row 2 (text lines 2–4)" in line and "quotation mark" in line for line in lines)


# --- 2: common headers of real registers ------------------------------------------------


def test_sme_wordings_with_ss_and_abbreviations_are_mapped(store, tmp_path):
    path = _xlsx(
        tmp_path / "sme.xlsx",
        [
            [
                "Verarbeitungstätigkeit",
                "Zweck",
                "Betroffene Personengruppen",
                "Datenkategorien",
                "Drittlandtransfer",
                "Technisch-org. Massnahmen",
            ],
            ["Newsletter", "Werbung", "Abonnenten", "E-Mail-Adresse", "USA", "Verschlüsselung"],
        ],
    )
    report = import_spreadsheet(store, path, organisation="Muster GmbH")
    act = _acts(store, "Muster GmbH")["Newsletter"]
    assert act.data_subjects == ["Abonnenten"]
    assert [t.country for t in act.transfers] == ["US"]
    assert "Verschlüsselung" in act.tom_description
    assert not any("passt zu keinem Feld" in n.text for n in report.notes)


def test_english_snake_case_headers_are_mapped(store, tmp_path):
    path = _write_csv(
        tmp_path / "ropa.csv",
        "activity_id,activity_name,purpose,data_subjects,data_categories,lawful_basis,"
        "retention_rule,last_reviewed_utc\n"
        "RPA-001,Payroll,Paying staff,Employees,Bank details,Art. 6(1)(c) GDPR,"
        "6 years,2025-01-31T10:00:00Z\n",
    )
    report = import_spreadsheet(store, path, organisation="Example Ltd")
    act = _acts(store, "Example Ltd")["Payroll"]
    assert act.reference == "RPA-001"
    assert [c.name for c in act.data_categories] == ["Bank details"]
    assert act.data_categories[0].retention.duration == 6
    assert not any("fits no field" in n.text or "passt zu keinem" in n.text for n in report.notes)


def test_every_new_alias_says_where_it_was_seen():
    import json

    from ropa_desktop.io.importing.headers import ALIASES_PATH

    layouts = json.loads(ALIASES_PATH.read_text(encoding="utf-8"))["layouts"]
    added_keys = (
        "german_sme_registers",
        "english_snake_case",
        "real_world_corpus",
        "processor_columns",
    )
    added = [la for la in layouts if la["key"] in added_keys]
    assert len(added) == 4
    for layout in added:
        wordings = {w for ws in layout["aliases"].values() for w in ws}
        assert set(layout["_seen"]) == wordings and all(layout["_seen"].values())


# --- 3: text above the header -----------------------------------------------------------


def test_title_rows_above_the_header_are_kept_and_reported(store, tmp_path):
    path = _xlsx(
        tmp_path / "vvt.xlsx",
        [
            ["Verzeichnis von Verarbeitungstätigkeiten"],
            ["Datenschutzbeauftragter: Herr Berater, Tel. 0251 123"],
            ["Stadt Musterstadt, Markt 1, 12345 Musterstadt"],
            ["Stand: 01.03.2025"],
            ["Nächste Prüfung 03/2026"],
            [],
            ["Bezeichnung der Verarbeitungstätigkeit", "Zwecke der Verarbeitung"],
            ["Meldewesen", "Führung des Melderegisters"],
        ],
    )
    report = import_spreadsheet(store, path, organisation="Stadt Musterstadt")
    notes = store.load_organisation("Stadt Musterstadt").notes
    for text in (
        "Datenschutzbeauftragter: Herr Berater, Tel. 0251 123",
        "Stadt Musterstadt, Markt 1, 12345 Musterstadt",
        "Stand: 01.03.2025",
        "Nächste Prüfung 03/2026",
    ):
        assert text in notes
    assert any("Stand: 01.03.2025" in n.text for n in report.notes)
    again = import_spreadsheet(store, path, organisation="Stadt Musterstadt")
    assert store.load_organisation("Stadt Musterstadt").notes == notes  # not added twice
    assert again.errors == 0


# --- 7: an address beside the name does not defeat matching -----------------------------


def test_names_with_address_suffix_match_existing_entries(store, tmp_path):
    org = m.Organisation(name="Muster GmbH", kind=m.OrganisationKind.PRIVATE)
    existing = [m.Processor(name=n, owner=org.uid) for n in ("Flexperto GmbH", "iAdvize")]
    xqueue = m.Recipient(name="XQueue GmbH", owner=org.uid)
    store.import_register(m.Register(organisations=[org], processors=existing, recipients=[xqueue]))
    path = _xlsx(
        tmp_path / "vvt.xlsx",
        [
            [
                "Bezeichnung der Verarbeitungstätigkeit",
                "Zwecke der Verarbeitung",
                "Auftragsverarbeiter",
                "Empfänger",
            ],
            [
                "Online-Beratung",
                "Beratung per Video",
                "Flexperto GmbH, Berlin\niAdvize, Nantes (Frankreich)\n"
                "DATEV eG, Paumgartnerstr. 6-14, 90429 Nürnberg",
                "XQueue GmbH, Offenbach am Main",
            ],
        ],
    )
    report = import_spreadsheet(store, path, organisation="Muster GmbH")
    assert report.errors == 0
    back = store.load_register("Muster GmbH")
    processors = {p.name: p for p in back.processors}
    assert sorted(processors) == ["DATEV eG", "Flexperto GmbH", "iAdvize"]
    assert [r.name for r in back.recipients] == ["XQueue GmbH"]
    datev = processors["DATEV eG"]
    assert (datev.street, datev.postcode, datev.city) == (
        "Paumgartnerstr. 6-14",
        "90429",
        "Nürnberg",
    )
    act = back.organisations[0].activities[0]
    assert len(act.processors) == 3 and len(act.recipients) == 1
    for written in ("Flexperto GmbH, Berlin", "iAdvize, Nantes (Frankreich)", "Offenbach am Main"):
        assert written in act.notes  # the address is kept


def test_a_comma_in_a_firm_name_is_not_taken_for_an_address(store, tmp_path):
    path = _xlsx(
        tmp_path / "vvt.xlsx",
        [
            [
                "Bezeichnung der Verarbeitungstätigkeit",
                "Zwecke der Verarbeitung",
                "Auftragsverarbeiter",
            ],
            ["Steuerberatung", "Jahresabschluss", "Müller, Schmidt & Partner"],
        ],
    )
    import_spreadsheet(store, path, organisation="Muster GmbH")
    assert [p.name for p in store.load_register("Muster GmbH").processors] == [
        "Müller, Schmidt & Partner"
    ]


# --- 11: nothing written when nothing changes -------------------------------------------


def _register_file(tmp_path: Path) -> Path:
    return _xlsx(
        tmp_path / "vvt.xlsx",
        [
            ["Stand: 01.03.2025"],
            [
                "Bezeichnung der Verarbeitungstätigkeit",
                "Zwecke der Verarbeitung",
                "Auftragsverarbeiter",
            ],
            ["Meldewesen", "Führung des Melderegisters", "ekom21 GmbH"],
        ],
    )


def test_an_unchanged_re_import_writes_no_backup_and_no_batch(tmp_path, capsys):
    path = _register_file(tmp_path)
    db = tmp_path / "register.sqlite"
    args = ["--db", str(db), "import", str(path), "--org", "Stadt Musterstadt"]
    assert main(args) == 0
    store = open_store(db)
    batches = store.batches()
    files = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert any("before-import" in name for name in files)  # the first import backed up
    store.engine.dispose()
    capsys.readouterr()
    for on_duplicate in ("skip", "update"):
        assert main([*args, "--on-duplicate", on_duplicate]) == 0
        assert "ändert nichts" in capsys.readouterr().out
    store = open_store(db)
    assert [b.uid for b in store.batches()] == [b.uid for b in batches]
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == files


def test_a_dry_run_creates_no_database_file(tmp_path, capsys):
    refused = _write_csv(tmp_path / "comparison.csv", COMPARISON)
    good = _register_file(tmp_path)
    db = tmp_path / "new.sqlite"
    assert main(["--db", str(db), "import", str(refused), "--org", "X", "--dry-run"]) == 1
    assert main(["--db", str(db), "import", str(good), "--org", "X", "--dry-run"]) == 0
    assert "1 neu" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["comparison.csv", "vvt.xlsx"]


# --- 8: kind and Land of a new organisation -------------------------------------------


def test_cli_import_creates_the_organisation_with_the_kind_and_land_given(tmp_path, capsys):
    path = _register_file(tmp_path)
    db = tmp_path / "register.sqlite"
    code = main(
        [
            "--db",
            str(db),
            "import",
            str(path),
            "--org",
            "Muster GmbH",
            "--kind",
            "private",
            "--land",
            "Bayern",
        ]
    )
    assert code == 0
    store = open_store(db)
    org = store.load_organisation("Muster GmbH")
    assert (org.kind, org.land) == (m.OrganisationKind.PRIVATE, "DE-BY")
    store.engine.dispose()
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(path), "--org", "Markt Y", "--land", "BY"]) == 0
    out = capsys.readouterr().out
    assert "Behörde" in out and "--kind" in out  # the assumption is said
    assert open_store(db).load_organisation("Markt Y").land == "DE-BY"


def test_an_unknown_land_is_refused_naming_the_choices(tmp_path, capsys):
    path = _register_file(tmp_path)
    db = tmp_path / "register.sqlite"
    assert main(["--db", str(db), "import", str(path), "--org", "X", "--land", "Bavaria!"]) == 1
    err = capsys.readouterr().err
    assert "Bavaria!" in err and "BY" in err and "NW" in err


# --- 6 (in part): standard clauses written into the country cell -------------------------


def test_usa_with_standard_clauses_in_brackets_keeps_the_safeguard(store, tmp_path):
    path = _write_csv(
        tmp_path / "vvt.csv",
        "Bezeichnung;Zwecke der Verarbeitung;Kategorien betroffener Personen;"
        "Drittlandübermittlung\n"
        "CRM;Kundenbetreuung;Kunden;USA (Standardvertragsklauseln)\n",
    )
    report = import_spreadsheet(store, path, organisation="Muster GmbH")
    act = _acts(store, "Muster GmbH")["CRM"]
    assert [(t.country, t.mechanism_text) for t in act.transfers] == [
        ("US", "USA (Standardvertragsklauseln)")
    ]
    lines = report.lines("de")
    assert not any("kein erkanntes Land" in line for line in lines)
    assert any("Modul der Standardvertragsklauseln" in line for line in lines)


# --- 5 (in part): German elided compounds ---------------------------------------------


def test_elided_compounds_are_never_fragmented(store, tmp_path):
    path = _write_csv(
        tmp_path / "vvt.csv",
        "Bezeichnung;Zwecke der Verarbeitung;Kategorien personenbezogener Daten\n"
        "Auftragsabwicklung;Bestellungen;Stamm-,Auftrags-,Rechnungsdaten\n"
        "Personal;Lohn;Name, Stamm-, Bankdaten, Steuer-ID\n",
    )
    import_spreadsheet(store, path, organisation="Muster GmbH")
    acts = _acts(store, "Muster GmbH")
    assert [c.name for c in acts["Auftragsabwicklung"].data_categories] == [
        "Stamm-,Auftrags-,Rechnungsdaten"
    ]
    assert [c.name for c in acts["Personal"].data_categories] == [
        "Name",
        "Stamm-, Bankdaten",
        "Steuer-ID",
    ]


# --- 10: numbering on import ------------------------------------------------------------


def test_import_offers_and_assigns_numbers_continuing_the_scheme(tmp_path, capsys):
    db = tmp_path / "register.sqlite"
    store = open_store(db)
    org = m.Organisation(name="Stadt Musterstadt")
    org.activities = [m.Activity(name=f"Alt {i}", reference=f"VT-{i:03d}") for i in (1, 12)]
    store.import_register(m.Register(organisations=[org]))
    store.engine.dispose()
    path = _xlsx(
        tmp_path / "vvt.xlsx",
        [
            ["Bezeichnung der Verarbeitungstätigkeit", "Zwecke der Verarbeitung"],
            ["Meldewesen", "Führung des Melderegisters"],
            ["Kita", "Betreuung"],
        ],
    )
    args = ["--db", str(db), "import", str(path), "--org", "Stadt Musterstadt"]
    assert main([*args, "--dry-run"]) == 0
    assert "VT-013 … VT-014" in capsys.readouterr().out  # offered
    assert main([*args, "--number"]) == 0
    acts = _acts(open_store(db), "Stadt Musterstadt")
    assert (acts["Meldewesen"].reference, acts["Kita"].reference) == ("VT-013", "VT-014")


# --- 6 (in part): Bavarian and municipal law names as legal bases ------------------------


def test_bavarian_and_municipal_law_names_become_legal_bases(store, tmp_path):
    path = _xlsx(
        tmp_path / "gemeinde.xlsx",
        [
            ["Bezeichnung der Verarbeitungstätigkeit", "Zweck der Verarbeitung", "Rechtsgrundlage"],
            ["Beiträge", "Erhebung von Beiträgen", "Art. 6 Abs. 1 lit. e DSGVO, KAG"],
            ["Feuerwehr", "Einsatzabwicklung", "BayFwG"],
            ["Kita", "Betreuung", "BayKiBiG, BayDSG"],
            [
                "Friedhof",
                "Grabstellen",
                "Friedhofssatzung\nSatzung über die Benutzung des Friedhofs",
            ],
        ],
    )
    import_spreadsheet(store, path, organisation="Markt Beispiel")
    acts = _acts(store, "Markt Beispiel")
    assert acts["Beiträge"].purposes[0].legal_bases == ["art6-1-e", "KAG"]
    assert acts["Feuerwehr"].purposes[0].legal_bases == ["BayFwG"]
    assert acts["Kita"].purposes[0].legal_bases == ["BayKiBiG", "BayDSG"]
    assert acts["Friedhof"].purposes[0].legal_bases == [
        "Friedhofssatzung",
        "Satzung über die Benutzung des Friedhofs",
    ]
    for act in acts.values():
        assert "Rechtsgrundlage" not in act.notes


# --- 5 (rest): the same splitting throughout a column ---------------------------------


def test_two_item_lists_split_like_the_longer_lists_of_their_column(store, tmp_path):
    path = _write_csv(
        tmp_path / "vvt.csv",
        "Bezeichnung;Zwecke der Verarbeitung;Empfänger;Auftragsverarbeiter\n"
        "Lohn;Gehaltsabrechnung;Bezügestelle, Krankenkassen;DATEV, Stripe Inc.\n"
        "Kasse;Zahlungen;Finanzamt, Bank, Prüfer;Komm.ONE, ekom21, DATEV\n"
        "Web;Website;Hoster;Google Ireland Ltd., Dublin\n",
    )
    import_spreadsheet(store, path, organisation="Muster GmbH")
    back = store.load_register("Muster GmbH")
    names = {e.uid: e.name for e in [*back.processors, *back.recipients]}
    acts = {a.name: a for a in back.organisations[0].activities}
    assert [names[u] for u in acts["Lohn"].recipients] == ["Bezügestelle", "Krankenkassen"]
    assert [names[p.processor] for p in acts["Lohn"].processors] == ["DATEV", "Stripe Inc."]
    assert [names[p.processor] for p in acts["Web"].processors] == ["Google Ireland Ltd."]
