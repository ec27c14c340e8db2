"""Importing the spreadsheets colleagues send, end to end through the real reader and store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from ropa_desktop.cli import main
from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_to_document
from ropa_desktop.io.demo import build_demo_register
from ropa_desktop.io.export.xlsx import export_xlsx
from ropa_desktop.io.importing.engine import (
    SpreadsheetImportError,
    Status,
    import_spreadsheet,
    plan_import,
)
from ropa_desktop.io.importing.mapping import MappingProfile, save_profile
from ropa_desktop.store.database import open_store

DSK = [
    "Bezeichnung der Verarbeitungstätigkeit",
    "Zwecke der Verarbeitung",
    "Rechtsgrundlage",
    "Kategorien betroffener Personen",
    "Kategorien personenbezogener Daten",
    "Fristen für die Löschung",
    "Auftragsverarbeiter",
    "Drittlandübermittlung",
    "Interne Bemerkung",
]


def _xlsx(path: Path, rows: list[list], title: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "VVT"
    if title:
        sheet.append([title])
        sheet.append([])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _csv(path: Path, rows: list[list[str]], encoding: str = "cp1252") -> Path:
    lines = []
    for row in rows:
        cells = ['"' + c.replace('"', '""') + '"' if ("\n" in c or ";" in c) else c for c in row]
        lines.append(";".join(cells))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _row(name: str, **cells: str) -> list[str]:
    defaults = {
        "purposes": "Führung des Melderegisters",
        "bases": "Art. 6 Abs. 1 lit. c DSGVO, §§ 2 ff. BMG",
        "subjects": "Einwohnerinnen und Einwohner",
        "categories": "Name\nAnschrift",
        "retention": "10 Jahre nach Wegzug",
        "processors": "",
        "countries": "findet nicht statt",
        "extra": "",
    }
    defaults.update(cells)
    return [
        name,
        defaults["purposes"],
        defaults["bases"],
        defaults["subjects"],
        defaults["categories"],
        defaults["retention"],
        defaults["processors"],
        defaults["countries"],
        defaults["extra"],
    ]


@pytest.fixture
def store(db_url):
    return open_store(db_url)


def _acts(store, org: str) -> dict[str, m.Activity]:
    return {a.name: a for a in store.load_organisation(org).activities}


def test_dsk_csv_in_windows_1252_with_title_rows(store, tmp_path):
    path = _csv(
        tmp_path / "buergerbuero.csv",
        [
            ["Verzeichnis von Verarbeitungstätigkeiten – Bürgerbüro", "", ""],
            ["Stand: 01.03.2024", "", ""],
            DSK,
            _row("Meldewesen", extra="Rückfrage bei Frau Öztürk"),
            _row(
                "Fundsachen",
                purposes="Verwaltung von Fundsachen\nHerausgabe an Berechtigte",
                bases="Art. 6 Abs. 1 lit. e DSGVO",
                retention="6 Monate nach Abschluss des Verfahrens",
                categories="Name\nGesundheitsdaten",
            ),
        ],
    )
    report = import_spreadsheet(store, path, organisation="Stadt Musterstadt")
    assert (report.count("new"), report.errors) == (2, 0)
    acts = _acts(store, "Stadt Musterstadt")
    melde = acts["Meldewesen"]
    assert melde.purposes[0].legal_bases == ["art6-1-c", "§§ 2 ff. BMG"]
    assert melde.data_categories[0].retention == m.Retention(10, m.RetentionUnit.YEARS, "Wegzug")
    assert "Interne Bemerkung: Rückfrage bei Frau Öztürk" in melde.notes  # nothing lost
    assert any("Interne Bemerkung" in n.text for n in report.notes)
    fund = acts["Fundsachen"]
    assert [p.text for p in fund.purposes] == [
        "Verwaltung von Fundsachen",
        "Herausgabe an Berechtigte",
    ]
    assert fund.data_categories[1].special == m.SpecialCategory.ART9
    art9 = [n for r in report.rows for n in r.notes if "Art. 9 Abs. 2" in n.text]
    assert art9 and art9[0].status == Status.WARNING


def test_bavarian_register_and_old_verfahrensverzeichnis(store, tmp_path):
    bavarian = _xlsx(
        tmp_path / "bayern.xlsx",
        [
            [
                "Bezeichnung der Verarbeitungstätigkeit",
                "Zweck der Verarbeitung",
                "Rechtsgrundlage",
                "Kategorien der personenbezogenen Daten",
                "Kategorien der betroffenen Personen",
                "Empfänger der personenbezogenen Daten",
                "Übermittlung an ein Drittland",
                "Dauer der Speicherung",
            ],
            [
                "Hundesteuer",
                "Erhebung der Hundesteuer",
                "Art. 6 Abs. 1 lit. e DSGVO, Art. 4 BayDSG",
                "Name, Anschrift, Bankverbindung",
                "Hundehalter",
                "Kämmerei\nFinanzamt",
                "nein",
                "10 Jahre",
            ],
        ],
        title="Verzeichnis der Verarbeitungstätigkeiten des Marktes Musterhausen",
    )
    assert import_spreadsheet(store, bavarian, organisation="Markt Musterhausen").errors == 0
    tax = _acts(store, "Markt Musterhausen")["Hundesteuer"]
    assert tax.purposes[0].legal_bases == ["art6-1-e", "by-baydsg-4"]
    assert tax.transfers == []
    old = _xlsx(
        tmp_path / "alt.xlsx",
        [
            [
                "Bezeichnung des Verfahrens",
                "Dienststelle",
                "Zweckbestimmung und Rechtsgrundlage",
                "Art der gespeicherten Daten",
                "Kreis der Betroffenen",
                "Regelfristen für die Löschung",
                "Auftragnehmer",
            ],
            [
                "Personalaktenführung",
                "Hauptamt",
                "Führung der Personalakten gem. § 50 BeamtStG i.V.m. Art. 6 Abs. 1 lit. b DSGVO",
                "Personalstammdaten",
                "Beschäftigte",
                "5 Jahre nach Ausscheiden",
                "Kommunales Rechenzentrum GmbH",
            ],
        ],
    )
    assert import_spreadsheet(store, old, organisation="Markt Musterhausen").errors == 0
    files = _acts(store, "Markt Musterhausen")["Personalaktenführung"]
    assert files.department == "Hauptamt"
    assert "art6-1-b" in files.purposes[0].legal_bases
    assert files.purposes[0].text.startswith("Führung der Personalakten")


def test_ico_template_names_the_organisation_in_its_contact_rows(store, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Template"
    sheet.append(["Name", "Harbourside Borough Council"])
    sheet.append(["Address", "1 Quay Street"])
    for _ in range(6):
        sheet.append([])
    sheet.append(
        [
            "Business function",
            "Purpose of processing",
            "Categories of individuals",
            "Categories of personal data",
            "Article 6 lawful basis for processing personal data",
            "Rights available to individuals",
        ]
    )
    sheet.append(
        [
            "Human resources",
            "Payroll",
            "Employees",
            "Bank details",
            "Legal obligation",
            "Access, rectification",
        ]
    )
    book.save(tmp_path / "ico.xlsx")
    report = import_spreadsheet(store, tmp_path / "ico.xlsx")
    assert report.organisation == "Harbourside Borough Council"
    # ICO rows have no activity name column: the first purpose names the activity, and the
    # row says so.
    assert report.errors == 0
    assert report.count("new") == 1
    assert report.rows[0].activity == "Payroll"
    assert "Bezeichnung" in report.rows[0].notes[0].text
    assert "Payroll" in report.rows[0].notes[0].text


def test_processors_are_reused_not_duplicated(store, tmp_path):
    store.import_register(
        m.Register(
            organisations=[m.Organisation(name="Stadtwerke")],
            processors=[m.Processor(name="Microsoft")],
        )
    )
    path = _xlsx(
        tmp_path / "it.xlsx",
        [
            DSK,
            _row(
                "Videoberatung",
                processors="Microsoft Ireland Operations Ltd.",
                countries="USA",
                bases="Art. 6 Abs. 1 lit. a DSGVO",
            ),
        ],
    )
    report = import_spreadsheet(store, path, organisation="Stadtwerke")
    assert [p.name for p in store.catalogue().processors] == ["Microsoft"]
    linked = [n for r in report.rows for n in r.notes if "verknüpft" in n.text]
    assert linked and "Microsoft Ireland Operations Ltd." in linked[0].text
    assert linked[0].where == "VVT!G2"


def test_on_duplicate_skip_update_new(store, tmp_path):
    first = _xlsx(tmp_path / "a.xlsx", [DSK, _row("Meldewesen")])
    import_spreadsheet(store, first, organisation="Stadt A")
    changed = _xlsx(tmp_path / "b.xlsx", [DSK, _row("Meldewesen", subjects="Zuziehende")])
    skipped = import_spreadsheet(store, changed, organisation="Stadt A")
    assert skipped.count("skip") == 1
    assert _acts(store, "Stadt A")["Meldewesen"].data_subjects == ["Einwohnerinnen und Einwohner"]
    updated = import_spreadsheet(store, changed, organisation="Stadt A", on_duplicate="update")
    assert updated.count("update") == 1
    assert _acts(store, "Stadt A")["Meldewesen"].data_subjects == ["Zuziehende"]
    import_spreadsheet(store, changed, organisation="Stadt A", on_duplicate="new")
    assert [a.name for a in store.load_organisation("Stadt A").activities] == [
        "Meldewesen",
        "Meldewesen",
    ]


def test_a_row_with_an_error_stops_the_whole_import(store, tmp_path):
    store.import_register(m.Register(organisations=[m.Organisation(name="Stadt A")]))
    before = register_to_document(store.load_register())
    path = _xlsx(
        tmp_path / "bad.xlsx",
        [DSK, _row("", purposes="Ein Zweck ohne Bezeichnung"), _row("Meldewesen")],
    )
    report = import_spreadsheet(store, path, organisation="Stadt A")
    assert report.errors == 1 and report.batch is None
    error = next(n for r in report.rows for n in r.notes if n.status == Status.ERROR)
    assert error.where == "VVT!2"
    assert register_to_document(store.load_register()) == before


def test_import_is_a_batch_that_can_be_undone_and_is_backed_up(tmp_path):
    store = open_store(tmp_path / "register.sqlite")
    path = _xlsx(tmp_path / "a.xlsx", [DSK, _row("Meldewesen"), _row("Fundsachen")])
    report = import_spreadsheet(store, path, organisation="Stadt A")
    assert report.backup is not None and report.backup.exists()
    assert len(store.load_organisation("Stadt A").activities) == 2
    store.undo_batch(report.batch)
    assert store.organisation_names() == []


def test_risky_values_are_kept_as_text_and_reported(store, tmp_path):
    long_text = "Löschung " * 3400  # about 30,000 characters
    path = _csv(
        tmp_path / "risky.csv",
        [
            DSK,
            _row(
                '=HYPERLINK("http://example.org","x")',
                purposes="+49 2361 123456\x07",
                subjects="@Einwohner",
                countries="USA – Privacy Shield",
                extra=long_text,
            ),
        ],
    )
    report = import_spreadsheet(store, path, organisation="Stadt A")
    assert report.errors == 0
    act = store.load_organisation("Stadt A").activities[0]
    assert act.name == '=HYPERLINK("http://example.org","x")'
    assert act.purposes[0].text == "+49 2361 123456�"
    assert act.transfers[0].mechanism == "privacy-shield"
    assert long_text.strip() in act.notes
    texts = " | ".join(n.text for r in report.rows for n in r.notes)
    assert "nicht als Formel" in texts and "Steuerzeichen" in texts and "Privacy Shield" in texts


def test_our_own_excel_export_comes_back_without_loss(tmp_path):
    source = open_store(tmp_path / "source.sqlite")
    source.import_register(build_demo_register(date(2026, 11, 21)))
    org = "Stadtwerke Gütersloh GmbH"
    original = source.load_register(org)
    export_xlsx(original, org, tmp_path / "vvt.xlsx")
    target = open_store(tmp_path / "target.sqlite")
    report = import_spreadsheet(target, tmp_path / "vvt.xlsx")
    assert report.organisation == org and report.errors == 0
    back = target.load_register(org)
    assert (
        register_to_document(back)["organisations"][0]["activities"]
        == (register_to_document(original)["organisations"][0]["activities"])
    )
    owner = back.organisations[0].uid  # the workbook does not carry the organisation's uid
    for part in ("processors", "recipients", "toms"):
        entries = register_to_document(back)[part]
        assert {e.pop("owner") for e in entries} <= {owner}
        assert entries == [
            {k: v for k, v in e.items() if k != "owner"}
            for e in register_to_document(original)[part]
        ]


def test_form_layout_one_activity_per_sheet(store, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Fundsachen"
    for label, value in [
        ("Bezeichnung der Verarbeitungstätigkeit", "Fundsachen"),
        ("Zwecke der Verarbeitung", "Verwaltung von Fundsachen"),
        ("Rechtsgrundlage", "Art. 6 Abs. 1 lit. e DSGVO"),
        ("Kategorien betroffener Personen", "Finder\nVerlierer"),
        ("Kategorien personenbezogener Daten", "Name\nAnschrift"),
        ("Fristen für die Löschung", "6 Monate"),
    ]:
        sheet.append([label, value])
    sheet.append(["Drittlandübermittlung", "findet nicht statt", "x"])
    book.save(tmp_path / "form.xlsx")
    report = import_spreadsheet(store, tmp_path / "form.xlsx", organisation="Stadt A")
    assert report.errors == 0
    act = store.load_organisation("Stadt A").activities[0]
    assert act.data_subjects == ["Finder", "Verlierer"]
    assert "x" in act.notes  # the tick beside the answer is kept


def test_mapping_profile_decides_columns(store, tmp_path):
    path = _xlsx(
        tmp_path / "odd.xlsx",
        [["Verfahren", "Wozu", "Wer"], ["Meldewesen", "Melderegister führen", "Einwohner"]],
    )
    with pytest.raises(SpreadsheetImportError):
        plan_import(store, path, organisation="Stadt A")
    from ropa_desktop.domain.import_fields import Target

    profile = MappingProfile(
        name="Bürgerbüro",
        header_row=1,
        columns={"verfahren": Target.NAME, "wozu": Target.PURPOSES, "wer": Target.DATA_SUBJECTS},
    )
    save_profile(profile, tmp_path / "profil.json")
    from ropa_desktop.io.importing.mapping import load_profile

    report = import_spreadsheet(
        store, path, organisation="Stadt A", profile=load_profile(tmp_path / "profil.json")
    )
    assert report.errors == 0
    act = store.load_organisation("Stadt A").activities[0]
    assert (act.name, act.purposes[0].text, act.data_subjects) == (
        "Meldewesen",
        "Melderegister führen",
        ["Einwohner"],
    )


def test_cli_import_dry_run_and_exit_codes(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite")
    good = _xlsx(tmp_path / "good.xlsx", [DSK, _row("Meldewesen")])
    assert main(["--db", db, "import", str(good), "--org", "Stadt A", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 neu" in out and open_store(db).is_empty()
    assert main(["--db", db, "import", str(good)]) == 1
    assert "--org" in capsys.readouterr().err
    bad = _xlsx(tmp_path / "bad.xlsx", [DSK, _row("", purposes="ohne Namen")])
    assert main(["--db", db, "import", str(bad), "--org", "Stadt A"]) == 1
    captured = capsys.readouterr()
    assert "[error] VVT!2" in captured.out and captured.err.count("\n") == 1
    assert open_store(db).is_empty()  # the organisation is not created either
    assert main(["--db", db, "import", str(good), "--org", "Stadt A"]) == 0
    assert open_store(db).organisation_names() == ["Stadt A"]


def test_cli_refuses_broken_files_in_one_line(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite")
    fake = tmp_path / "liste.xlsx"
    fake.write_text("Bezeichnung;Zweck\nMeldewesen;Register\n", encoding="utf-8")
    assert main(["--db", db, "import", str(fake), "--org", "Stadt A"]) == 1
    err = capsys.readouterr().err
    assert str(fake) in err and err.count("\n") == 1
    assert open_store(db).is_empty()
    empty = tmp_path / "leer.csv"
    empty.write_bytes(b"")
    assert main(["--db", db, "import", str(empty), "--org", "Stadt A"]) == 1
    assert str(empty) in capsys.readouterr().err


def test_english_report(store, tmp_path):
    path = _xlsx(tmp_path / "a.xlsx", [DSK, _row("Meldewesen", extra="note")])
    report = import_spreadsheet(store, path, organisation="Town A", dry_run=True)
    assert "1 new" in report.summary("en")
    json.dumps(report.lines("en"))  # every line is plain text


def test_cli_lists_and_undoes_an_import(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite")
    good = _xlsx(tmp_path / "good.xlsx", [DSK, _row("Meldewesen")])
    assert main(["--db", db, "import", str(good), "--org", "Stadt A"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "batches"]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    batch = line.split()[0]
    assert "good.xlsx" in line
    assert main(["--db", db, "undo", batch]) == 0
    assert open_store(db).organisation_names() == []
    assert main(["--db", db, "undo", batch]) == 1
    assert "bereits rückgängig" in capsys.readouterr().err


def test_rows_without_a_name_continue_the_activity_above(store, tmp_path):
    path = _xlsx(
        tmp_path / "alt.xlsx",
        [
            DSK,
            _row(
                "Wohngeld",
                subjects="Antragsteller",
                categories="Einkommen",
                processors="Finanzamt Herne",
            ),
            ["", "", "", "Haushaltsmitglieder", "Miethöhe", "", "", "", "Seite 2"],
            ["Hinweis: Dieses Verzeichnis wird jährlich überprüft."],
        ],
    )
    report = import_spreadsheet(store, path, organisation="Stadt A")
    assert report.errors == 0 and report.count("new") == 1
    act = store.load_organisation("Stadt A").activities[0]
    assert act.data_subjects == ["Antragsteller", "Haushaltsmitglieder"]
    assert [c.name for c in act.data_categories] == ["Einkommen", "Miethöhe"]
    assert "Seite 2" in act.notes
    footer = [n for n in report.notes if "jährlich" in n.text]
    assert footer and footer[0].where == "VVT!A4"


def test_update_completes_an_activity_without_thinning_it_out(store, tmp_path):
    first = _xlsx(
        tmp_path / "a.xlsx",
        [
            DSK,
            _row("Meldewesen", purposes="Melderegister\nAuskünfte", categories="Name\nAnschrift"),
        ],
    )
    import_spreadsheet(store, first, organisation="Stadt A")
    only_retention = _xlsx(
        tmp_path / "b.xlsx",
        [
            [
                "Bezeichnung der Verarbeitungstätigkeit",
                "Fristen für die Löschung",
                "Berechtigte Interessen",
            ],
            ["Meldewesen", "3 Jahre", "Betrieb des Portals"],
        ],
    )
    import_spreadsheet(store, only_retention, organisation="Stadt A", on_duplicate="update")
    act = store.load_organisation("Stadt A").activities[0]
    assert [c.name for c in act.data_categories] == ["Name", "Anschrift"]
    assert all(c.retention == m.Retention(3, m.RetentionUnit.YEARS) for c in act.data_categories)
    assert [p.text for p in act.purposes] == ["Melderegister", "Auskünfte"]
    assert act.purposes[0].legitimate_interest == "Betrieb des Portals"
    import_spreadsheet(store, only_retention, organisation="stadt a ", on_duplicate="update")
    assert store.organisation_names() == ["Stadt A"]


def test_similar_names_of_different_bodies_are_not_linked(store, tmp_path):
    store.import_register(
        m.Register(
            organisations=[m.Organisation(name="Stadt A")],
            processors=[m.Processor(name="Stadtwerke Bochum GmbH"), m.Processor(name="SAP SE")],
        )
    )
    path = _xlsx(
        tmp_path / "a.xlsx",
        [DSK, _row("Abrechnung", processors="Stadtwerke Herne AG\nSAP Fioneer GmbH")],
    )
    import_spreadsheet(store, path, organisation="Stadt A")
    assert sorted(p.name for p in store.catalogue().processors) == [
        "SAP Fioneer GmbH",
        "SAP SE",
        "Stadtwerke Bochum GmbH",
        "Stadtwerke Herne AG",
    ]


def test_explicit_none_statements_survive_our_own_export(tmp_path):
    """Issue 18 item 4: "keine externen Empfänger", "keine gemeinsam Verantwortlichen" and
    "keine Übermittlung in Drittländer" print as such and come back as the statements,
    not as a recipient named "keine" or an unknown country."""
    source = open_store(tmp_path / "source.sqlite")
    source.import_register(build_demo_register(date(2026, 11, 21)))
    org = "Stadtwerke Gütersloh GmbH"
    original = source.load_register(org)
    act = original.organisations[0].activities[1]
    act.recipients, act.joint_controllers, act.transfers = [], [], []
    act.no_external_recipients = act.no_joint_controllers = act.no_transfers = True
    export_xlsx(original, org, tmp_path / "vvt.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "vvt.xlsx")["Verarbeitungstätigkeiten"]
    headers = [c.value for c in sheet[1]]
    row = {h: c.value for h, c in zip(headers, sheet[3], strict=True)}
    assert row["Empfänger extern (Empfängerkategorie)"] == "keine"
    assert row["Gemeinsam Verantwortliche (Art. 26 DSGVO)"] == "keine"
    assert row["Drittlandübermittlungen und Garantien"] == (
        "keine Übermittlung in Drittländer (findet nicht statt)"
    )
    target = open_store(tmp_path / "target.sqlite")
    report = import_spreadsheet(target, tmp_path / "vvt.xlsx")
    assert report.errors == 0
    noted = " | ".join(n.text for r in report.rows for n in r.notes)
    assert "keine" not in noted.casefold() and "findet nicht statt" not in noted, noted
    back = target.load_register(org).organisations[0].activities[1]
    assert (back.no_external_recipients, back.no_joint_controllers, back.no_transfers) == (
        True,
        True,
        True,
    )
    assert back.recipients == [] and back.joint_controllers == [] and back.transfers == []
    assert "keine" not in {r.name for r in target.catalogue().recipients}
