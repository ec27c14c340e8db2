"""Excel export: real workbooks written, read back with openpyxl and LibreOffice."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl.worksheet import _writer as openpyxl_writer

from ropa_desktop.domain import model as m
from ropa_desktop.domain import vocab
from ropa_desktop.domain.progress import Cancelled
from ropa_desktop.io.demo import build_demo_register
from ropa_desktop.io.export import xlsx_layout as L
from ropa_desktop.io.export.common import ExportError
from ropa_desktop.io.export.xlsx import (
    EXCEL_CELL_LIMIT,
    export_xlsx,
    storable_text,
)
from ropa_desktop.store.database import open_store

TODAY = date(2026, 11, 21)
DOCS = Path(__file__).resolve().parents[3] / "docs" / "xlsx-layout.md"
GT = "Stadtwerke Gütersloh GmbH"
AHAUS = "Stadt Ahaus"

DSK_HEADERS_DE = [
    "Nr.",
    "Bezeichnung der Verarbeitungstätigkeit",
    "Datum der Anlegung",
    "Datum der letzten Änderung",
    "Verantwortliche Fachabteilung",
    "Ansprechpartner",
    "Telefon (Ansprechpartner)",
    "E-Mail (Ansprechpartner)",
    "Gemeinsam Verantwortliche (Art. 26 DSGVO)",
    "Zwecke der Verarbeitung",
    "Rechtsgrundlagen",
    "Kategorien betroffener Personen",
    "Kategorien personenbezogener Daten",
    "Empfänger intern (Abteilung/Funktion)",
    "Empfänger extern (Empfängerkategorie)",
    "Auftragsverarbeiter",
    "Drittlandübermittlungen und Garantien",
    "Fristen für die Löschung",
    "Technische und organisatorische Maßnahmen (TOM)",
    "Beschreibung der TOM",
    "Datenschutz-Folgenabschätzung",
    "Status",
    "Nächste Überprüfung",
]
"""The Art. 30 columns in DSK order: these headers are a contract with the import."""

INJECTIONS = [
    '=HYPERLINK("http://evil","x")',
    "+49 123",
    "-1",
    "@SUM(A1)",
    "\tTab",
    "=1+1",
    "#N/A",
    "\rCR",
    "=CMD|' /C calc'!A0",
]


# ------------------------------------------------------------------------------ helpers


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("db") / "r.sqlite")
    store.import_register(build_demo_register(TODAY))
    return store


def _export(register, org, path, **kw):
    export_xlsx(register, org, path, stand=kw.pop("stand", TODAY), **kw)
    return openpyxl.load_workbook(path)


def _rows(ws):
    return [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]


def _column(ws, layout, key):
    i = layout.index(key)
    return [row[i] for row in _rows(ws)]


def _by_header(ws):
    headers = [c.value for c in ws[1]]
    return [dict(zip(headers, row, strict=True)) for row in _rows(ws)]


def _main(ws):
    return {(s, label): value for s, label, value in _rows(ws)}


def _attack_register():
    act = m.Activity(
        reference=INJECTIONS[3],
        name=INJECTIONS[0],
        department=INJECTIONS[1],
        contact=m.Contact(name=INJECTIONS[2], phone=INJECTIONS[7]),
        description=INJECTIONS[4],
        notes=INJECTIONS[5],
        data_subjects=[INJECTIONS[6]],
        purposes=[m.Purpose("=2+3", ["art6-1-e"])],
        data_categories=[m.DataCategory(INJECTIONS[8])],
    )
    org = m.Organisation(name="Zweckverband A & B", activities=[act])
    return m.Register(organisations=[org])


# ------------------------------------------------------------------------------- layout


def test_sheet_names_are_valid_in_both_languages():
    assert len("Datenkategorien & Löschfristen") <= L.SHEET_NAME_MAX
    for sheet in L.ALL_SHEETS:
        for lang in ("de", "en"):
            assert L.sheet_name_problem(sheet.title(lang)) is None, sheet.title(lang)
        assert len(set(sheet.keys())) == len(sheet.columns), sheet.key
    assert L.sheet_name_problem("a/b") and L.sheet_name_problem("x" * 32)


def test_layout_document_lists_every_sheet_and_header():
    doc = DOCS.read_text(encoding="utf-8")
    for sheet in L.ALL_SHEETS:
        for lang in ("de", "en"):
            assert sheet.title(lang) in doc, sheet.title(lang)
        for col in sheet.columns:
            assert f"`{col.key}`" in doc, (sheet.key, col.key)
            for lang in ("de", "en"):
                assert f"| {col.header(lang)} |" in doc, (sheet.key, col.header(lang))
    for item in L.MAIN_ITEMS:
        assert item.label.de in doc and item.label.en in doc, item.key
    for section in L.SECTIONS.values():
        assert section.de in doc and section.en in doc


def test_activity_columns_keep_the_dsk_order():
    assert L.ACTIVITIES.headers("de")[: len(DSK_HEADERS_DE)] == DSK_HEADERS_DE
    assert L.ACTIVITIES.printed_columns() == len(DSK_HEADERS_DE)
    printed = L.ACTIVITIES.keys()[: L.ACTIVITIES.printed_columns()]
    assert "joint_controllers" in printed  # an Art. 30(1)(a) item (issue 13 item 14)
    # DSK order: dates after the name, retention after recipients and transfers (item 19)
    assert printed.index("changed") < printed.index("department")
    assert printed.index("transfers") < printed.index("retention") < printed.index("toms")


def _doc_table(heading: str) -> list[tuple[int, str, str, str]]:
    """(number, key, German header, English header) of the column table under ``heading``
    in docs/xlsx-layout.md, in the order the document lists them."""
    doc = DOCS.read_text(encoding="utf-8")
    section = doc[doc.index(heading) :]
    section = section[: section.index("\n## ", 1)] if "\n## " in section[1:] else section
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0].isdigit():
            rows.append((int(cells[0]), cells[1].strip("`"), cells[2], cells[3]))
    return rows


@pytest.mark.parametrize(
    ("heading", "layout"),
    [
        ("## Verarbeitungstätigkeiten / Processing activities", L.ACTIVITIES),
        ("## Verarbeitungen im Auftrag / Processing for controllers", L.SERVICES),
    ],
)
def test_layout_document_gives_the_columns_in_the_order_of_the_code(heading, layout):
    rows = _doc_table(heading)
    assert [r[0] for r in rows] == list(range(1, len(layout.columns) + 1))
    assert [r[1] for r in rows] == layout.keys()
    assert [r[2] for r in rows] == layout.headers("de")
    assert [r[3] for r in rows] == layout.headers("en")


def test_layout_document_names_the_printed_columns():
    doc = DOCS.read_text(encoding="utf-8")
    n = L.ACTIVITIES.printed_columns()
    assert f"Columns 1–{n} are the Art. 30(1) items" in doc


# ------------------------------------------------------------------------ German export


def test_guetersloh_workbook_reads_back(store, tmp_path):
    register = store.load_register(GT)
    wb = _export(register, GT, tmp_path / "gt.xlsx", version="3 Jahresprüfung")
    assert wb.sheetnames == [s.title("de") for s in L.CONTROLLER_SHEETS]
    assert wb.sheetnames[2] == "Datenkategorien & Löschfristen"

    ws = wb["Verarbeitungstätigkeiten"]
    assert [c.value for c in ws[1]] == L.ACTIVITIES.headers("de")
    assert [c.font.b for c in ws[1]] == [True] * len(L.ACTIVITIES.columns)
    rows = _by_header(ws)
    assert [r["Nr."] for r in rows] == ["VT-001", "VT-002"]  # exactly one row per activity
    flex = rows[0]
    assert flex["Bezeichnung der Verarbeitungstätigkeit"] == (
        "Online-Kundenberatung und Terminvereinbarung (Flexperto)"
    )
    assert flex["Zwecke der Verarbeitung"].splitlines()[1] == (
        "2. Protokollierung von Metadaten (Aktivitätsprotokolle, IP-Adresse)"
    )
    assert flex["Rechtsgrundlagen"] == (
        "1. Art. 6 Abs. 1 lit. b DSGVO\n2. Art. 6 Abs. 1 lit. f DSGVO"
    )
    assert flex["Kategorien betroffener Personen"] == (
        "Kundinnen und Kunden\nInteressentinnen und Interessenten"
    )
    assert "Inhaltsdaten (geteilte Dateien, Textchat, Whiteboard-Inhalte): 2 Tage" in (
        flex["Fristen für die Löschung"].splitlines()
    )
    assert flex["Auftragsverarbeiter"].splitlines() == [
        "Flexperto GmbH – Betrieb der Online-Beratungsplattform einschließlich Wartung und Pflege",
        "Google Ireland Limited – Google reCAPTCHA und Google Maps",
    ]
    assert flex["Drittlandübermittlungen und Garantien"].startswith(
        "Vereinigte Staaten – Google LLC (Server von Google in den USA) – Die Datenschutz"
    )
    assert flex["Status"] == "In Prüfung"
    assert flex["Datenschutz-Folgenabschätzung"] == "nicht geprüft"
    assert flex["Datum der Anlegung"] == datetime(2026, 10, 22, 9, 0)
    assert flex["Nächste Überprüfung"] == datetime(2027, 11, 21)
    for key in ("created", "changed", "next_review"):
        cell = ws.cell(row=2, column=L.ACTIVITIES.index(key) + 1)
        assert cell.is_date and cell.number_format == "DD.MM.YYYY", key
    assert ws.cell(row=2, column=L.ACTIVITIES.index("purposes") + 1).alignment.wrap_text
    assert flex["Kennung (intern)"] == register.organisations[0].activities[0].uid

    for sheet in wb.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert (
            sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}"
            f"{sheet.max_row}"
        ), sheet.title
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.paperSize in ("9", 9)  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.oddHeader.left.text == GT
        assert sheet.oddHeader.center.text == "Verzeichnis von Verarbeitungstätigkeiten"
        assert sheet.oddHeader.right.text == "Stand: 21.11.2026"
        assert sheet.oddFooter.center.text == "Seite &P von &N"
        assert sheet.oddFooter.right.text == "Version: 3 Jahresprüfung"
    assert ws.print_area == "'Verarbeitungstätigkeiten'!$A$1:$W$3"
    assert ws.column_dimensions["B"].width == L.ACTIVITIES.columns[1].width

    cats = _by_header(wb["Datenkategorien & Löschfristen"])
    assert len(cats) == sum(len(a.data_categories) for a in register.organisations[0].activities)
    content = next(
        r for r in cats if r["Kategorie personenbezogener Daten"].startswith("Inhaltsdaten")
    )
    assert content["Nr."] == "VT-001"
    assert content["Verarbeitungstätigkeit"].endswith("(Flexperto)")
    assert (
        content["Löschfrist"],
        content["Löschfrist: Dauer"],
        content["Löschfrist: Einheit"],
    ) == ("2 Tage", 2, "Tage")
    signature = next(
        r for r in cats if r["Kategorie personenbezogener Daten"].startswith("Signaturdaten")
    )
    assert signature["Löschfrist"] == "6 Monate" and signature["Anmerkungen"] == (
        "nur bei Vertragsabschluss"
    )

    procs = _by_header(wb["Auftragsverarbeiter"])
    assert [p["Name"] for p in procs] == ["Flexperto GmbH", "Google Ireland Limited"]
    assert procs[0]["Staat"] == "Deutschland" and procs[1]["Staat"] == "Irland"
    assert procs[0]["Eingesetzt in"].splitlines()[1] == (
        "VT-002 – Technisch notwendige Cookies der Beratungsplattform: "
        "Plattformbetrieb und Cookie-Banner (KLARO)"
    )

    transfers = _by_header(wb["Drittlandübermittlungen"])
    assert len(transfers) == 1
    assert transfers[0]["Drittland oder internationale Organisation"] == "Vereinigte Staaten"
    assert transfers[0]["Datenempfänger"] == "Google LLC (Server von Google in den USA)"

    main = _main(wb["Hauptblatt"])
    assert main["Verzeichnis", "Stand"] == datetime(2026, 11, 21)
    assert wb["Hauptblatt"]["C3"].number_format == "DD.MM.YYYY"
    assert main["Verzeichnis", "Version"] == "3 Jahresprüfung"
    assert main["Verzeichnis", "Rolle"] == "Verantwortlicher (Art. 30 Abs. 1 DSGVO)"
    assert main["Verzeichnis", "Anzahl der Einträge"] == 2
    assert main["Angaben zum Verantwortlichen", "Name"] == GT
    assert main["Angaben zum Verantwortlichen", "Bundesland"] == "Nordrhein-Westfalen"
    assert main["Angaben zur Person des Datenschutzbeauftragten", "Name"] == "Christina Meyer"
    assert (
        main["Angaben zur Person des Datenschutzbeauftragten", "Externer Datenschutzbeauftragter"]
        == "ja"
    )
    assert main["Zuständige Aufsichtsbehörde", "Aufsichtsbehörde"] == (
        "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, "
        "Kavalleriestraße 2–4, 40213 Düsseldorf"
    )

    assert wb.properties.title == f"Verzeichnis von Verarbeitungstätigkeiten – {GT}"
    assert wb.properties.creator == GT
    assert wb.properties.created is not None


def test_ahaus_workbook_reads_back(store, tmp_path):
    register = store.load_register(AHAUS)
    wb = _export(register, AHAUS, tmp_path / "ahaus.xlsx")
    acts = _by_header(wb["Verarbeitungstätigkeiten"])
    assert [a["Nr."] for a in acts] == ["VT-001", "VT-002", "VT-003", "VT-004"]
    portal = acts[0]
    assert portal["Empfänger extern (Empfängerkategorie)"].splitlines()[1] == (
        "Strafverfolgungsbehörden und Gerichte (Behörden und Gerichte)"
    )
    recipients = _by_header(wb["Empfänger"])
    assert len(recipients) == 4
    assert {r["Name"] for r in recipients} >= {
        "Google Inc. (reCAPTCHA)",
        "Kooperierende Telekommunikationsunternehmen",
    }
    main = _main(wb["Hauptblatt"])
    assert main["Angaben zum Verantwortlichen", "Leitung (gesetzliche Vertretung)"] == (
        "Bürgermeisterin Karola Voß"
    )
    assert main["Angaben zum Verantwortlichen", "Art der Stelle"] == (
        "Behörde (öffentliche Stelle)"
    )
    assert main["Verzeichnis", "Version"] is None
    cats = _by_header(wb["Datenkategorien & Löschfristen"])
    billing = next(c for c in cats if c["Kategorie personenbezogener Daten"] == "Abrechnungsdaten")
    assert billing["Löschfrist: Beginn (Ereignis)"] == "Versand der Rechnung"
    assert billing["Löschfrist"].startswith("6 Monate nach Versand der Rechnung; ")
    assert not wb["Verarbeitungstätigkeiten"].oddFooter.right.text  # no version given


def test_toms_are_grouped_by_sdm_goal_with_their_activities(store, tmp_path):
    register = store.load_register("Stadtwerke Bochum GmbH")
    wb = _export(register, "Stadtwerke Bochum GmbH", tmp_path / "bochum.xlsx")
    toms = _by_header(wb["TOM"])
    assert toms, "Bochum uses catalogue TOMs"
    assert {t["Gewährleistungsziel (SDM)"] for t in toms} == {"Vertraulichkeit"}
    tls = next(t for t in toms if t["Maßnahme"] == "Transportverschlüsselung (SSL/TLS)")
    assert tls["Art. 32 Abs. 1 DSGVO"] == "Pseudonymisierung und Verschlüsselung"
    assert tls["Eingesetzt in"].startswith("VT-00")
    per_activity = _by_header(wb["TOM je Tätigkeit"])
    assert len(per_activity) == len(register.organisations[0].activities)
    assert all(r["Beschreibung der TOM"] for r in per_activity)


# ------------------------------------------------------------------------------ safety


def test_formula_like_texts_stay_text_cells(tmp_path):
    path = tmp_path / "attack.xlsx"
    wb = _export(_attack_register(), "Zweckverband A & B", path)
    ws = wb["Verarbeitungstätigkeiten"]
    expected = {
        "name": INJECTIONS[0],
        "department": INJECTIONS[1],
        "contact": INJECTIONS[2],
        "reference": INJECTIONS[3],
        "description": INJECTIONS[4],
        "notes": INJECTIONS[5],
        "data_subjects": INJECTIONS[6],
        "purposes": "=2+3",
    }
    for key, value in expected.items():
        cell = ws.cell(row=2, column=L.ACTIVITIES.index(key) + 1)
        assert cell.data_type == "s", key
        assert cell.value == value, key
        assert cell.quotePrefix == (value[0] in "=+-@\t"), key
    phone = ws.cell(row=2, column=L.ACTIVITIES.index("contact_phone") + 1)
    assert phone.data_type == "s" and phone.value.endswith("CR")  # XML turns CR into LF
    cat = wb["Datenkategorien & Löschfristen"].cell(row=2, column=3)
    assert (cat.data_type, cat.value) == ("s", INJECTIONS[8])
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row), sheet.title
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    assert ws.oddHeader.left.text == "Zweckverband A && B"  # "&" escaped for the header codes


def test_unstorable_characters_are_replaced_visibly_and_long_texts_cut(tmp_path):
    long_text = "Lorem ipsum dolor sit amet. " * 1500  # 42,000 characters
    act = m.Activity(
        reference="VT-9",
        name="Bürger\x07büro\x00 und \x1b[31mTerminal",
        description=long_text,
        notes="Ende der Zeile",
        purposes=[m.Purpose("Aufgabe\ud800", ["art6-1-e"])],
    )
    register = m.Register(organisations=[m.Organisation(name="Gemeinde X", activities=[act])])
    wb = _export(register, "Gemeinde X", tmp_path / "odd.xlsx")
    row = _by_header(wb["Verarbeitungstätigkeiten"])[0]
    assert row["Bezeichnung der Verarbeitungstätigkeit"] == (
        "Bürger[U+0007]büro[U+0000] und [U+001B][31mTerminal"
    )
    assert row["Zwecke der Verarbeitung"] == "Aufgabe[U+D800]"
    description = row["Beschreibung"]
    assert len(description) <= EXCEL_CELL_LIMIT
    assert description.startswith(long_text[:30_000])
    omitted = len(long_text) - description.index("… [gekürzt")
    assert description.endswith(
        f"… [gekürzt: {omitted:,} Zeichen; vollständig in der Datenbank]".replace(",", ".")
    )
    assert row["Anmerkungen"] == "Ende der Zeile" and row["Nr."] == "VT-9"
    assert row["Rechtsgrundlagen"] == "Art. 6 Abs. 1 lit. e DSGVO"
    assert act.description == long_text  # the register itself is never touched


def test_cut_counts_characters_outside_the_bmp_twice():
    text = "😀" * 20_000  # 40,000 UTF-16 code units
    cut = storable_text(text, "en")
    assert len(cut.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT
    assert cut.endswith("characters; complete in the database]")
    kept = cut.index("…")
    assert kept > 16_000 and cut[:kept] == text[:kept]
    assert cut[kept:] == f"… [truncated: {20_000 - kept:,} characters; complete in the database]"
    assert storable_text("x" * EXCEL_CELL_LIMIT) == "x" * EXCEL_CELL_LIMIT


# ------------------------------------------------------------------- English, processor


def test_english_export_has_english_headers_and_values(store, tmp_path):
    register = store.load_register(GT)
    wb = _export(register, GT, tmp_path / "en.xlsx", lang="en")
    assert wb.sheetnames == [s.title("en") for s in L.CONTROLLER_SHEETS]
    ws = wb["Processing activities"]
    assert [c.value for c in ws[1]] == L.ACTIVITIES.headers("en")
    row = _by_header(ws)[0]
    assert row["Legal bases"] == "1. Art. 6(1)(b) GDPR\n2. Art. 6(1)(f) GDPR"
    assert row["Status"] == "In review"
    assert row["Data protection impact assessment"] == "not assessed"
    assert row["Third-country transfers and safeguards"].startswith("United States – ")
    created = ws.cell(row=2, column=L.ACTIVITIES.index("created") + 1)
    assert created.is_date and created.number_format == "YYYY-MM-DD"
    cats = _by_header(wb["Data categories & retention"])
    content = next(c for c in cats if c["Category of personal data"].startswith("Inhaltsdaten"))
    assert (content["Retention period"], content["Retention: unit"]) == ("2 days", "days")
    main = _main(wb["Main sheet"])
    assert main["Register", "Role"] == "Controller (Art. 30(1) GDPR)"
    assert main["Controller", "Country"] == "Germany"
    assert main["Data protection officer", "External DPO"] == "yes"
    assert ws.oddHeader.center.text == "Record of processing activities"
    assert ws.oddHeader.right.text == "As of: 2026-11-21"
    assert ws.oddFooter.center.text == "Page &P of &N"
    assert wb.properties.title == f"Record of processing activities – {GT}"


def test_processor_register_lists_services_per_client_controller(store, tmp_path):
    register = store.load_register("Komm.ONE")
    wb = _export(register, "Komm.ONE", tmp_path / "komm-one.xlsx", register_kind="processor")
    assert wb.sheetnames == [s.title("de") for s in L.PROCESSOR_SHEETS]
    ws = wb["Verarbeitungen im Auftrag"]
    assert [c.value for c in ws[1]] == L.SERVICES.headers("de")
    rows = _by_header(ws)
    assert len(rows) == 1
    vps = rows[0]
    assert vps["Nr."] == "AV-001"
    assert vps["Bezeichnung der Verarbeitung"] == "Virtuelle Poststelle (VPS)"
    assert vps["Verantwortlicher (Auftraggeber)"] == "Kommunen in Baden-Württemberg"
    assert len(vps["Kategorien von Verarbeitungen"].splitlines()) == 5
    assert vps["Technische und organisatorische Maßnahmen (TOM)"].splitlines() == [
        "Transportverschlüsselung (SSL/TLS)",
        "Firewall-Schutz der Server",
    ]
    assert vps["Datum der Anlegung"] == datetime(2026, 10, 22, 9, 0)
    main = _main(wb["Hauptblatt"])
    assert main["Verzeichnis", "Rolle"] == "Auftragsverarbeiter (Art. 30 Abs. 2 DSGVO)"
    assert main["Angaben zum Auftragsverarbeiter", "Name"] == "Komm.ONE"
    assert main["Angaben zur Person des Datenschutzbeauftragten", "E-Mail"] == (
        "datenschutz@komm.one"
    )
    assert main["Zuständige Aufsichtsbehörde", "Aufsichtsbehörde"] is None
    assert {t["Maßnahme"] for t in _by_header(wb["TOM"])} == {
        "Transportverschlüsselung (SSL/TLS)",
        "Firewall-Schutz der Server",
    }


def test_service_with_several_controllers_gives_one_row_each(tmp_path):
    svc = m.ProcessingService(
        reference="AV-7",
        name="Hosting",
        controllers=[
            m.ClientController("Gemeinde A", "info@a.de", "", "dsb@a.de"),
            m.ClientController("Gemeinde B", "info@b.de"),
        ],
        categories=["Speicherung"],
    )
    org = m.Organisation(
        name="IT-Zweckverband",
        is_processor=True,
        services=[svc, m.ProcessingService(reference="AV-8", name="Ohne Auftraggeber")],
    )
    wb = _export(
        m.Register(organisations=[org]),
        "IT-Zweckverband",
        tmp_path / "p.xlsx",
        register_kind="processor",
        lang="en",
    )
    rows = _by_header(wb["Processing for controllers"])
    assert [
        (r["No."], r["Controller (client)"], r["Data protection officer of the controller"])
        for r in rows
    ] == [("AV-7", "Gemeinde A", "dsb@a.de"), ("AV-7", "Gemeinde B", None), ("AV-8", None, None)]


# ------------------------------------------------------------------- errors, atomicity


def test_unknown_organisation_kind_or_language_is_refused(store, tmp_path):
    register = store.load_register(GT)
    with pytest.raises(ExportError) as exc:
        export_xlsx(register, "Stadt Nirgendwo", tmp_path / "x.xlsx")
    assert exc.value.message("de") == "Die Organisation „Stadt Nirgendwo“ ist nicht im Verzeichnis."
    assert "Stadt Nirgendwo" in exc.value.message("en")
    with pytest.raises(ExportError):
        export_xlsx(register, GT, tmp_path / "x.xlsx", register_kind="joint")
    with pytest.raises(ExportError):
        export_xlsx(register, GT, tmp_path / "x.xlsx", lang="fr")
    assert list(tmp_path.iterdir()) == []


class _CancelAt:
    def __init__(self, at: int) -> None:
        self.at = at
        self.steps: list[tuple[int, int, str]] = []

    def step(self, done: int, total: int, message: str = "") -> None:
        self.steps.append((done, total, message))
        if done >= self.at:
            raise Cancelled


def test_progress_is_reported_per_activity(store, tmp_path):
    register = store.load_register(AHAUS)
    sink = _CancelAt(10**9)
    export_xlsx(register, AHAUS, tmp_path / "a.xlsx", progress=sink)
    dones = [d for d, _, _ in sink.steps]
    assert dones == sorted(dones) and dones[-1] == sink.steps[-1][1]
    assert sum(1 for _, _, msg in sink.steps if msg == "Excel: Verarbeitungstätigkeiten") == 4


@pytest.mark.parametrize("when", ["midway", "after the workbook is written"])
def test_cancel_leaves_no_file_and_keeps_the_old_one(store, tmp_path, when):
    register = store.load_register(GT)
    probe = _CancelAt(10**9)
    export_xlsx(register, GT, tmp_path / "probe.xlsx", progress=probe)
    last = probe.steps[-1][0]
    at = last // 2 if when == "midway" else last
    folder = tmp_path / "out"
    folder.mkdir()
    new, old = folder / "new.xlsx", folder / "old.xlsx"
    old.write_bytes(b"previous export")
    streams_before = set(openpyxl_writer.ALL_TEMP_FILES)
    for target in (new, old):
        with pytest.raises(Cancelled):
            export_xlsx(register, GT, target, progress=_CancelAt(at))
    assert sorted(p.name for p in folder.iterdir()) == ["old.xlsx"]  # no temp files either
    assert old.read_bytes() == b"previous export"
    leftovers = [
        f for f in set(openpyxl_writer.ALL_TEMP_FILES) - streams_before if Path(f).exists()
    ]
    assert leftovers == []  # openpyxl's own stream files are gone too


def test_unwritable_target_raises_oserror_and_writes_nothing(store, tmp_path):
    register = store.load_register(GT)
    with pytest.raises(OSError):
        export_xlsx(register, GT, tmp_path / "missing-dir" / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_organisation_without_activities_gives_header_only_sheets(store, tmp_path):
    register = store.load_register("Komm.ONE")
    wb = _export(register, "Komm.ONE", tmp_path / "empty.xlsx")
    ws = wb["Verarbeitungstätigkeiten"]
    assert ws.max_row == 1 and ws.auto_filter.ref == "A1:AN1"
    assert _main(wb["Hauptblatt"])["Verzeichnis", "Anzahl der Einträge"] == 0


# -------------------------------------------------------------------------- LibreOffice

SOFFICE_MISSING = (
    "LibreOffice (soffice) not found: install the Debian package "
    "libreoffice-calc-nogui (the CI install must include it)"
)


def _soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.fail(SOFFICE_MISSING)
    return path


def _convert(soffice: str, source: Path, to: str, out: Path, profile: Path) -> None:
    try:
        result = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                to,
                "--outdir",
                str(out),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"LibreOffice did not convert {source.name} to {to} within 120 s")
    assert result.returncode == 0 and any(out.iterdir()), result.stdout + result.stderr


ODF = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _odf(attr: str) -> str:
    prefix, name = attr.split(":")
    return f"{{{ODF[prefix]}}}{name}"


def _expand(elements) -> list[ElementTree.Element]:  # type: ignore[no-untyped-def]
    """Table columns or the cells of a row, with repeated ones repeated."""
    out = []
    for el in elements:
        if el.tag in (
            _odf("table:table-cell"),
            _odf("table:covered-table-cell"),
            _odf("table:table-column"),
        ):
            out += [el] * int(el.get(_odf("table:number-columns-repeated"), "1"))
    return out


def _cell_text(cell: ElementTree.Element) -> str:
    return "\n".join("".join(p.itertext()) for p in cell.findall("text:p", ODF))


@pytest.mark.integration
def test_libreoffice_reads_the_workbook_as_the_authority_would(store, tmp_path):
    soffice = _soffice()
    register = store.load_register(AHAUS)
    org = register.organisations[0]
    org.activities.append(
        m.Activity(
            reference="VT-666", name=INJECTIONS[0], department="+49 123", description="@SUM(A1)"
        )
    )
    source = tmp_path / "ahaus.xlsx"
    export_xlsx(register, AHAUS, source, stand=TODAY)
    profile = tmp_path / "lo-profile"

    # CSV of every sheet ("-1", LibreOffice 7.2 or later: "<name>-<sheet>.csv"); values as
    # shown (dates as 22.10.2026) and formulas left out, so a formula would appear as its
    # result ("x"), not as its text.
    csv_out = tmp_path / "csv"
    _convert(
        soffice,
        source,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        csv_out,
        profile,
    )
    with (csv_out / "ahaus-Verarbeitungstätigkeiten.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][: len(DSK_HEADERS_DE)] == DSK_HEADERS_DE
    names = [r[1] for r in rows[1:]]
    assert names == [a.name for a in org.activities]
    assert names[-1] == '=HYPERLINK("http://evil","x")'
    attack = rows[-1]
    assert attack[L.ACTIVITIES.index("department")] == "+49 123"
    assert attack[L.ACTIVITIES.index("description")] == "@SUM(A1)"
    assert rows[1][L.ACTIVITIES.index("created")] == "22.10.2026"
    cats = (csv_out / "ahaus-Datenkategorien & Löschfristen.csv").read_text(encoding="utf-8")
    assert "6 Monate nach Versand der Rechnung" in cats
    main = (csv_out / "ahaus-Hauptblatt.csv").read_text(encoding="utf-8")
    assert "Bürgermeisterin Karola Voß" in main and "21.11.2026" in main

    # Flat ODF: no formula anywhere, the attack is a string cell, and texts wrap, top-aligned.
    ods_out = tmp_path / "fods"
    _convert(soffice, source, "fods", ods_out, profile)
    tree = ElementTree.parse(ods_out / "ahaus.fods")
    cells = list(tree.iter(_odf("table:table-cell")))
    assert not [c for c in cells if c.get(_odf("table:formula"))]
    attack_cell = next(c for c in cells if _cell_text(c) == INJECTIONS[0])
    assert attack_cell.get(_odf("office:value-type")) == "string"
    wrap = {}
    for st in tree.iter(_odf("style:style")):
        props = st.find("style:table-cell-properties", ODF)
        if props is not None:
            wrap[st.get(_odf("style:name"))] = (
                props.get(_odf("fo:wrap-option")),
                props.get(_odf("style:vertical-align")),
            )
    sheet = next(
        t
        for t in tree.iter(_odf("table:table"))
        if t.get(_odf("table:name")) == "Verarbeitungstätigkeiten"
    )
    column_styles = _expand(sheet.iter(_odf("table:table-column")))
    first_row = _expand(list(sheet.iter(_odf("table:table-row")))[1])
    for key in ("purposes", "name", "notes"):
        i = L.ACTIVITIES.index(key)
        cell = first_row[i]
        style = (
            cell.get(_odf("table:style-name"))
            or column_styles[i].get(_odf("table:default-cell-style-name"))
            or "Default"
        )
        assert wrap[style] == ("wrap", "top"), (key, style)
    assert _cell_text(first_row[L.ACTIVITIES.index("purposes")]).startswith("1. Begründung")


# ------------------------------------------------ issue 13 (items 13, 14), issue 18 item 4


def test_main_sheet_gives_the_authority_address_phone_email_web(store, tmp_path):
    for authority in vocab.supervisory_authorities():
        register = store.load_register(AHAUS)
        register.organisations[0].supervisory_authority = authority.id
        wb = _export(register, AHAUS, tmp_path / f"{authority.id}.xlsx")
        main = _main(wb["Hauptblatt"])
        section = "Zuständige Aufsichtsbehörde"
        assert main[section, "Aufsichtsbehörde"] == (
            f"{authority.de}, {authority.attrs['street']}, {authority.attrs['postcode']} "
            f"{authority.attrs['city']}"
        )
        assert main[section, "Telefon"] == authority.attrs["phone"]
        assert main[section, "E-Mail"] == authority.attrs["email"]
        assert main[section, "Webseite"] == authority.attrs["website"]


def test_explicit_none_prints_in_the_printed_columns(store, tmp_path):
    register = store.load_register(AHAUS)
    act = register.organisations[0].activities[0]
    act.recipients, act.joint_controllers, act.transfers = [], [], []
    act.no_external_recipients = act.no_joint_controllers = act.no_transfers = True
    other = register.organisations[0].activities[1]
    other.recipients, other.joint_controllers, other.transfers = [], [], []
    wb = _export(register, AHAUS, tmp_path / "none.xlsx")
    ws = wb["Verarbeitungstätigkeiten"]
    stated, silent = _by_header(ws)[:2]
    assert stated["Empfänger extern (Empfängerkategorie)"] == "keine"
    assert stated["Gemeinsam Verantwortliche (Art. 26 DSGVO)"] == "keine"
    assert stated["Drittlandübermittlungen und Garantien"] == (
        "keine Übermittlung in Drittländer (findet nicht statt)"
    )
    for header in (
        "Empfänger extern (Empfängerkategorie)",
        "Gemeinsam Verantwortliche (Art. 26 DSGVO)",
        "Drittlandübermittlungen und Garantien",
    ):
        assert silent[header] is None  # nothing the DPO did not say
        assert L.ACTIVITIES.headers("de").index(header) < L.ACTIVITIES.printed_columns()
    en = _export(register, AHAUS, tmp_path / "none-en.xlsx", lang="en")
    row = _by_header(en["Processing activities"])[0]
    assert row["Third-country transfers and safeguards"] == (
        "no transfer to third countries (does not take place)"
    )


def test_processor_register_prints_a_stated_no_transfer(store, tmp_path):
    register = store.load_register("Komm.ONE")
    service = register.organisations[0].services[0]
    service.transfers, service.no_transfers = [], True
    wb = _export(register, "Komm.ONE", tmp_path / "p.xlsx", register_kind="processor")
    row = _by_header(wb["Verarbeitungen im Auftrag"])[0]
    assert row["Drittlandübermittlungen und Garantien"] == (
        "keine Übermittlung in Drittländer (findet nicht statt)"
    )
