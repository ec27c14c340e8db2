"""Header detection and column mapping of the spreadsheet import (``io.importing.mapping``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from openpyxl import Workbook as XlsxWorkbook

from ropa_desktop.domain.i18n import LocalizedError
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.export import xlsx_layout
from ropa_desktop.io.importing.headers import (
    ALIASES_PATH,
    alias_table,
    match_header,
    normalise_header,
)
from ropa_desktop.io.importing.mapping import (
    SCHEMA_PATH,
    FormLayout,
    MappingError,
    MappingProfile,
    TableLayout,
    detect_layout,
    load_profile,
    profile_from_layout,
    save_profile,
)

try:  # the real reader, when it is there: sheets are written as xlsx and read back
    from ropa_desktop.io.sheets.reader import Sheet, read_workbook
except ImportError:  # pragma: no cover - only while the reader is being written
    read_workbook = None
    try:
        from ropa_desktop.io.sheets.types import Sheet
    except ImportError:
        from dataclasses import dataclass, field

        @dataclass
        class Sheet:  # type: ignore[no-redef]
            """Stand-in with the reader's API, for these tests only."""

            name: str
            rows: list[list]
            merged: list[tuple[int, int, int, int]] = field(default_factory=list)

            def cell_ref(self, row: int, col: int) -> str:
                return f"{chr(65 + col)}{row + 1}"


@pytest.fixture
def build(tmp_path):
    """Make a Sheet from rows (and merged ranges): through an xlsx file and the real
    reader when it exists, directly otherwise."""
    counter = iter(range(1000))

    def make(rows, merged=(), name="Tabelle1") -> Sheet:
        if read_workbook is None:
            return Sheet(name, [list(r) for r in rows], list(merged))
        wb = XlsxWorkbook()
        ws = wb.active
        ws.title = name
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        for first_row, first_col, last_row, last_col in merged:
            ws.merge_cells(
                start_row=first_row + 1,
                start_column=first_col + 1,
                end_row=last_row + 1,
                end_column=last_col + 1,
            )
        path = tmp_path / f"sheet{next(counter)}.xlsx"
        wb.save(path)
        sheet = next(s for s in read_workbook(path).sheets if s.name == name)
        assert sorted(sheet.merged) == sorted(merged)
        return sheet

    return make


def mapping(layout: TableLayout) -> dict[str, Target | None]:
    return {c.header: c.target for c in layout.columns}


# --------------------------------------------------------------------------- alias table


def test_alias_table_covers_every_target_and_names_its_sources():
    table = alias_table()
    missing = [t for t in Target if t is not Target.IGNORE and not table.get(t)]
    assert missing == []
    assert Target.IGNORE not in table
    data = json.loads(ALIASES_PATH.read_text(encoding="utf-8"))
    keys = [layout["key"] for layout in data["layouts"]]
    assert keys == [
        "dsk",
        "bavarian_municipal",
        "verfahrensverzeichnis",
        "ico",
        "cnil",
        "ropa_desktop_export",
        "german_sme_registers",
        "english_snake_case",
        "real_world_corpus",
        "processor_columns",
        "english_art30_registers",
    ]
    assert all(layout["_source"].strip() for layout in data["layouts"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zweck(e) der\nVerarbeitung:", "zwecke der verarbeitung"),
        ("  1. Bezeichnung der Verarbeitungstätigkeit ", "bezeichnung der verarbeitungstätigkeit"),
        ("Retention schedule (if possible)", "retention schedule"),
        ("Gemeinsam Verantwortliche (falls zutreffend)", "gemeinsam verantwortliche"),
        ("Drittland-\nübermittlung", "drittlandübermittlung"),
        (
            "Technische und organisatorische Maßnahmen (TOM)",
            "technische und organisatorische massnahmen tom",
        ),
        ("E-Mail", "e mail"),
    ],
)
def test_normalise_header(text, expected):
    assert normalise_header(text) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Bezeichnung der Verarbeitungstätigkeit", Target.NAME),
        ("BEZEICHNUNG DER VERARBEITUNGSTAETIGKEIT", Target.NAME),
        ("Kategorieen betroffener Personen", Target.DATA_SUBJECTS),
        ("Kategorien betroffener\nPersonen", Target.DATA_SUBJECTS),
        ("Zweck(e) der Verarbeitung", Target.PURPOSES),
        ("Zwecke der Verarbeitng", Target.PURPOSES),
        ("Technische und organisatorische Massnahmen", Target.TOMS),
        ("Empfanger", Target.RECIPIENTS),
        ("Drittland-\nübermittlung", Target.THIRD_COUNTRIES),
        (
            "Kategorien von Empfängern (intern: Abteilung/Funktion; extern: Empfängerkategorie)",
            Target.RECIPIENTS,
        ),
        ("Rechtsgrundlage (Art. 6 DSGVO)", Target.LEGAL_BASES),
        ("Zweckbestimmung und Rechtsgrundlage", Target.PURPOSE_AND_LEGAL_BASIS),
        ("Zweck und Rechtsgrundlage der Verarbeitung", Target.PURPOSE_AND_LEGAL_BASIS),
        ("Kategorien von Empfängern / intern (Abteilung/Funktion)", Target.INTERNAL_RECIPIENTS),
        ("Kategorien von Empfängern / extern (Empfängerkategorie)", Target.RECIPIENTS),
        ("zugriffsberechtigte Personengruppen", Target.INTERNAL_RECIPIENTS),
        ("Auftragnehmer", Target.PROCESSORS),
        ("Stand", Target.CHANGED),
        ("Purpose(s) of processing", Target.PURPOSES),
        ("Categories of personal data held", Target.DATA_CATEGORIES),
        ("Catégories de donnees", Target.DATA_CATEGORIES),
        ("Finalite principale", Target.PURPOSES),
        ("Durée de conservation", Target.RETENTION),
        ("Kennung (intern)", Target.UID),
    ],
)
def test_match_header_tolerates_case_punctuation_and_typos(text, target):
    found, score, alias = match_header(text)
    assert found is target
    assert 85 <= score <= 100
    assert alias


def test_exact_alias_scores_100_and_fuzzy_less():
    assert match_header("Zwecke der Verarbeitung") == (
        Target.PURPOSES,
        100.0,
        "Zwecke der Verarbeitung",
    )
    target, score, alias = match_header("Kategorieen betroffener Personen")
    assert target is Target.DATA_SUBJECTS and score < 100
    assert alias == "Kategorien betroffener Personen"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Personalakte",
        "Bürgerbüro",
        "Stadt Musterstadt",
        "Name",
        "Datum",
        "Verzeichnis von Verarbeitungstätigkeiten",
        "Art. 6 Abs. 1 lit. e DSGVO",
        "Rights available to individuals",
        "Data Protection Impact Assessment progress",
        "Data Protection Impact Assessment progresss",
        "Ansprechpartner: Ort",
        "x" * 300,
    ],
)
def test_unrelated_and_known_unmapped_headers_stay_unmapped(text):
    assert match_header(text) == (None, 0.0, None)


def test_description_of_measures_has_its_own_target():
    assert match_header("Beschreibung der TOM")[0] == Target.TOM_DESCRIPTION


# -------------------------------------------------------------------------------- layouts

DSK_HEADERS = [
    ("Bezeichnung der Verarbeitungstätigkeit", Target.NAME),
    ("Datum der Anlegung", Target.CREATED),
    ("Datum der letzten Änderung", Target.CHANGED),
    ("verantwortliche Fachabteilung", Target.DEPARTMENT),
    ("Ansprechpartner", Target.CONTACT),
    ("Telefon", Target.CONTACT_PHONE),
    ("E-Mail", Target.CONTACT_EMAIL),
    ("Zwecke der Verarbeitung", Target.PURPOSES),
    ("Kategorien betroffener Personen", Target.DATA_SUBJECTS),
    ("Kategorien personenbezogener Daten", Target.DATA_CATEGORIES),
    ("Kategorien von Empfängern", Target.RECIPIENTS),
    ("Drittlandübermittlung", Target.THIRD_COUNTRIES),
    ("Fristen für die Löschung", Target.RETENTION),
    ("Technische und organisatorische Maßnahmen (TOM)", Target.TOMS),
]


def test_dsk_columns_with_title_and_blank_rows(build):
    headers = [h for h, _ in DSK_HEADERS]
    sheet = build(
        [
            ["Verzeichnis von Verarbeitungstätigkeiten – Stadt Musterstadt"],
            [],
            headers,
            [],
            [
                "Personalaktenführung",
                date(2019, 1, 5),
                None,
                "Personalamt",
                "Frau Muster",
                "+49 5251 1234",
                "personal@musterstadt.de",
                "Führung der Personalakten",
            ],
            ["Meldewesen", None, None, "Bürgerbüro"],
        ],
        merged=[(0, 0, 0, 13)],
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert layout.sheet == "Tabelle1"
    assert layout.header_rows == [2]
    assert layout.first_data_row == 4
    assert layout.title == "Verzeichnis von Verarbeitungstätigkeiten – Stadt Musterstadt"
    assert layout.preamble == []
    assert mapping(layout) == dict(DSK_HEADERS)
    assert [c.column for c in layout.columns] == list(range(14))
    assert all(c.score == 100.0 and c.alias for c in layout.columns)


def test_bavarian_register_with_title_and_stand_row(build):
    headers = [
        ("Bezeichnung der Verarbeitungstätigkeit", Target.NAME),
        ("Zweck der Verarbeitung", Target.PURPOSES),
        ("Rechtsgrundlage", Target.LEGAL_BASES),
        ("Kategorien der personenbezogenen Daten", Target.DATA_CATEGORIES),
        ("Kategorien der betroffenen Personen", Target.DATA_SUBJECTS),
        ("Empfänger der personenbezogenen Daten", Target.RECIPIENTS),
        ("Übermittlung an ein Drittland", Target.THIRD_COUNTRIES),
        ("Dauer der Speicherung", Target.RETENTION),
    ]
    sheet = build(
        [
            ["Verzeichnis der Verarbeitungstätigkeiten"],
            ["Gemeinde Musterdorf, Landkreis Beispiel"],
            ["Stand:", date(2024, 3, 1)],
            [],
            [h for h, _ in headers],
            [
                "Hundesteuer",
                "Erhebung der Hundesteuer",
                "Art. 6 Abs. 1 lit. e DSGVO, Art. 4 BayDSG",
            ],
        ],
        merged=[(0, 0, 0, 7)],
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert layout.header_rows == [4]
    assert layout.first_data_row == 5
    assert layout.title == (
        "Verzeichnis der Verarbeitungstätigkeiten\nGemeinde Musterdorf, Landkreis Beispiel"
    )
    assert layout.preamble == [("Stand", "2024-03-01")]
    assert mapping(layout) == dict(headers)


def test_old_verfahrensverzeichnis(build):
    headers = [
        ("Bezeichnung des Verfahrens", Target.NAME),
        ("Stand", Target.CHANGED),
        ("Dienststelle", Target.DEPARTMENT),
        ("Zweckbestimmung und Rechtsgrundlage", Target.PURPOSE_AND_LEGAL_BASIS),
        ("Art der gespeicherten Daten", Target.DATA_CATEGORIES),
        ("Kreis der Betroffenen", Target.DATA_SUBJECTS),
        ("Empfänger / regelmäßig übermittelte Daten", Target.RECIPIENTS),
        ("Regelfristen für die Löschung", Target.RETENTION),
        ("zugriffsberechtigte Personengruppen", Target.INTERNAL_RECIPIENTS),
        ("Auftragnehmer", Target.PROCESSORS),
        ("Drittland", Target.THIRD_COUNTRIES),
    ]
    sheet = build(
        [
            ["Verfahrensverzeichnis nach Art. 27 BayDSG (alt)"],
            [h for h, _ in headers],
            [
                "Einwohnermeldeverfahren",
                date(2012, 6, 1),
                "Einwohnermeldeamt",
                "Melderegister, § 3 MeldeG",
            ],
        ]
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert layout.header_rows == [1]
    assert mapping(layout) == dict(headers)


ICO_COLUMNS = [
    ("Business function", Target.DEPARTMENT),
    ("Purpose of processing", Target.PURPOSES),
    ("Name and contact details of joint controller (if applicable)", Target.JOINT_CONTROLLERS),
    ("Categories of individuals", Target.DATA_SUBJECTS),
    ("Categories of personal data", Target.DATA_CATEGORIES),
    ("Categories of recipients", Target.RECIPIENTS),
    ("Link to contract with processor", None),  # a link, not names: kept in the notes
    (
        "Names of third countries or international organisations that personal data are "
        "transferred to (if applicable)",
        Target.THIRD_COUNTRIES,
    ),
    (
        "Safeguards for exceptional transfers of personal data to third countries or "
        "international organisations (if applicable)",
        Target.TRANSFER_SAFEGUARDS,
    ),
    ("Retention schedule (if possible)", Target.RETENTION),
    (
        "General description of technical and organisational security measures (if possible)",
        Target.TOMS,
    ),
    ("Article 6 lawful basis for processing personal data", Target.LEGAL_BASES),
    ("Article 9 condition for processing special category data", Target.ART9_CONDITION),
    ("Legitimate interests for the processing (if applicable)", Target.LEGITIMATE_INTEREST),
    ("Link to record of legitimate interests assessment (if applicable)", None),
    ("Rights available to individuals", None),
    ("Existence of automated decision-making, including profiling (if applicable)", None),
    ("The source of the personal data (if applicable)", Target.DATA_SOURCE),
    ("Link to record of consent", None),
    ("Location of personal data", None),
    ("Data Protection Impact Assessment required?", Target.DPIA),
    ("Data Protection Impact Assessment progress", None),
    ("Link to Data Protection Impact Assessment", None),
    ("Has a personal data breach occurred?", None),
    ("Link to record of personal data breach", None),
    # Repeat the condition and the lawful basis of columns 13 and 12: those win.
    ("Data Protection Act 2018 Schedule 1 Condition for processing", None),
    ("GDPR Article 6 lawful basis for processing", None),
    ("Link to retention and erasure policy document", None),
    ("Is personal data retained and erased in accordance with the policy document?", None),
    ("Reasons for not adhering to policy document (if applicable)", None),
]


def test_ico_template_header_in_row_9_with_contact_rows_above(build):
    assert len(ICO_COLUMNS) == 30
    sheet = build(
        [
            ["Name", "Musterstadt Council"],
            ["Address", "1 High Street, Exampleton"],
            ["Email", "info@example.gov.uk"],
            ["Telephone", "01234 567890"],
            ["Name of DPO", "Jane Doe"],
            ["Contact details of DPO", "dpo@example.gov.uk"],
            [],
            [],
            [h for h, _ in ICO_COLUMNS],
            ["HR", "Payroll", None, "Employees", "Bank details"],
        ],
        name="Template",
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert layout.sheet == "Template"
    assert layout.header_rows == [8]
    assert layout.first_data_row == 9
    assert layout.title is None
    assert layout.preamble == [
        ("Name", "Musterstadt Council"),
        ("Address", "1 High Street, Exampleton"),
        ("Email", "info@example.gov.uk"),
        ("Telephone", "01234 567890"),
        ("Name of DPO", "Jane Doe"),
        ("Contact details of DPO", "dpo@example.gov.uk"),
    ]
    assert mapping(layout) == dict(ICO_COLUMNS)
    mapped = [c for c in layout.columns if c.target is not None]
    unmapped = [c for c in layout.columns if c.target is None]
    assert (len(mapped), len(unmapped)) == (15, 15)
    assert all(c.score == 0.0 and c.alias is None for c in unmapped)


def test_cnil_list_sheet_in_french(build):
    headers = [
        ("Référence", Target.REFERENCE),
        ("Nom / sigle", Target.NAME),
        ("Date de création", Target.CREATED),
        ("Mise à jour", Target.CHANGED),
        ("Finalité principale", Target.PURPOSES),
        ("Sous-finalités", None),  # the main purpose takes the field; kept in the notes
        ("Catégories de personnes concernées", Target.DATA_SUBJECTS),
        ("Catégories de données", Target.DATA_CATEGORIES),
        ("Données sensibles", Target.SPECIAL_CATEGORIES),
        ("Durée de conservation", Target.RETENTION),
        ("Destinataires", Target.RECIPIENTS),
        ("Transferts hors UE", Target.THIRD_COUNTRIES),
        ("Mesures de sécurité", Target.TOMS),
    ]
    sheet = build(
        [
            ["Registre des activités de traitement"],
            [h for h, _ in headers],
            [
                "T01",
                "Gestion du personnel",
                date(2019, 7, 25),
                None,
                "Paie",
                None,
                None,
                None,
                "Non",
            ],
        ],
        name="Liste",
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert mapping(layout) == dict(headers)


EXPORT_COLUMNS_WITHOUT_TARGET = {
    "dpia_art35_3",
    "dpia_wp248",
    "dpia_dsk_list",
    "dpia_reference",
    "dpia_screened_on",
    "dpia_notes",
    "contact_organisation",
    "contact_street",
    "contact_postcode",
    "contact_city",
    "contact_country",
    "contact_website",
}
"""Columns of the activities sheet for which import_fields.Target has no field (yet); the
engine keeps them in the notes. Reported to the lead; remove from here once they get one."""
EXPORT_TARGET_BY_KEY = {"transfers": Target.THIRD_COUNTRIES}
"""Export keys whose target is named differently; all others are the key itself."""


@pytest.mark.parametrize("lang", ["de", "en"])
def test_own_export_headers_map_back(build, lang):
    layout_def = xlsx_layout.ACTIVITIES
    sheet = build([layout_def.headers(lang), ["1", "Personalakte"]], name=layout_def.title(lang))
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert layout.header_rows == [0] and layout.first_data_row == 1
    assert len(layout.columns) == len(layout_def.columns)
    for column, mapped in zip(layout_def.columns, layout.columns, strict=True):
        assert mapped.header == column.header(lang)
        if column.key in EXPORT_COLUMNS_WITHOUT_TARGET:
            assert mapped.target is None, column.key
        else:
            expected = EXPORT_TARGET_BY_KEY.get(column.key) or Target(column.key)
            assert (mapped.target, mapped.score) == (expected, 100.0), column.key


@pytest.mark.parametrize("lang", ["de", "en"])
def test_own_export_categories_sheet(build, lang):
    layout_def = xlsx_layout.CATEGORIES
    sheet = build([layout_def.headers(lang)], name=layout_def.title(lang))
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    by_key = dict(zip(layout_def.keys(), (c.target for c in layout.columns), strict=True))
    assert by_key == {
        "reference": Target.REFERENCE,
        "activity": Target.NAME,
        "category": Target.DATA_CATEGORIES,
        "special": Target.SPECIAL_CATEGORIES,
        "source": Target.DATA_SOURCE,
        "retention": Target.RETENTION,
        "retention_duration": None,
        "retention_unit": None,
        "retention_start": None,
        "retention_text": None,
        "notes": Target.NOTES,
        "activity_uid": Target.UID,
    }


def test_two_row_header_with_merged_group_label(build):
    sheet = build(
        [
            [
                "Bezeichnung der Verarbeitungstätigkeit",
                "Zwecke der Verarbeitung",
                "Empfänger",
                None,
                "Fristen für die Löschung",
            ],
            [None, None, "intern", "extern", None],
            ["Personalakte", "Personalverwaltung", "Personalrat", "Finanzamt", "10 Jahre"],
        ],
        merged=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4)],
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert layout.header_rows == [0, 1]
    assert layout.first_data_row == 2
    assert mapping(layout) == {
        "Bezeichnung der Verarbeitungstätigkeit": Target.NAME,
        "Zwecke der Verarbeitung": Target.PURPOSES,
        "Empfänger / intern": Target.INTERNAL_RECIPIENTS,
        "Empfänger / extern": Target.RECIPIENTS,
        "Fristen für die Löschung": Target.RETENTION,
    }


def test_two_row_dsk_header_with_recipient_and_transfer_groups(build):
    sheet = build(
        [
            ["Verarbeitungstätigkeiten der Stadt Musterstadt"],
            [
                "Bezeichnung der Verarbeitungstätigkeit",
                "Zwecke der Verarbeitung",
                "Kategorien von Empfängern",
                None,
                "Drittlandübermittlung",
                None,
                None,
            ],
            [
                None,
                None,
                "intern (Abteilung/Funktion)",
                "extern (Empfängerkategorie)",
                "Drittland bzw. internationale Organisation",
                "konkrete Datenempfänger",
                "Dokumentation geeigneter Garantien",
            ],
            ["Webmail", "Postfach", "IT", "Hoster", "USA", "Google LLC", "SCC 2021/914"],
        ],
        merged=[(0, 0, 0, 6), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3), (1, 4, 1, 6)],
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert layout.header_rows == [1, 2] and layout.first_data_row == 3
    assert layout.title == "Verarbeitungstätigkeiten der Stadt Musterstadt"
    assert [c.target for c in layout.columns] == [
        Target.NAME,
        Target.PURPOSES,
        Target.INTERNAL_RECIPIENTS,
        Target.RECIPIENTS,
        Target.THIRD_COUNTRIES,
        None,
        Target.TRANSFER_SAFEGUARDS,
    ]
    assert layout.columns[5].header == "Drittlandübermittlung / konkrete Datenempfänger"


def test_two_row_header_group_label_typed_once_without_merge(build):
    sheet = build(
        [
            ["Verarbeitungstätigkeit", "Zweck", "Kategorien von Empfängern", None],
            [None, None, "intern", "extern"],
            ["Hundesteuer", "Steuererhebung", "Kasse", "Finanzamt"],
        ]
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert layout.header_rows == [0, 1]
    assert [c.target for c in layout.columns] == [
        Target.NAME,
        Target.PURPOSES,
        Target.INTERNAL_RECIPIENTS,
        Target.RECIPIENTS,
    ]


def test_header_with_typos_and_line_breaks(build):
    sheet = build(
        [
            [
                "Bezeichnung der Verarbeitungstätigkeit",
                "Zweck(e) der Verarbeitung",
                "Kategorieen betroffener Personen",
                "Kategorien personen-\nbezogener Daten",
                "Fristen für die Löschung:",
                "Bemerkungen intern",
            ],
            ["Wahlen", "Durchführung von Wahlen"],
        ]
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert [c.target for c in layout.columns] == [
        Target.NAME,
        Target.PURPOSES,
        Target.DATA_SUBJECTS,
        Target.DATA_CATEGORIES,
        Target.RETENTION,
        None,
    ]
    assert layout.columns[2].score < 100
    assert layout.columns[5].header == "Bemerkungen intern"


def test_each_target_once_best_score_wins_ties_to_the_left(build):
    sheet = build(
        [
            [
                "Bezeichnung",
                "Zwecke der Verarbeitng",
                "Zwecke der Verarbeitung",
                "Anmerkungen",
                "Bemerkungen",
            ],
            ["A", "b", "c", "d", "e"],
        ]
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert [c.target for c in layout.columns] == [
        Target.NAME,
        None,
        Target.PURPOSES,
        Target.NOTES,
        None,
    ]
    assert (layout.columns[1].score, layout.columns[1].alias) == (0.0, None)


def test_best_header_row_wins_over_an_earlier_weaker_one(build):
    sheet = build(
        [
            ["Zweck", "Bezeichnung"],  # a stray two-cell line
            [],
            [
                "Bezeichnung der Verarbeitungstätigkeit",
                "Zwecke der Verarbeitung",
                "Rechtsgrundlage",
                "Kategorien betroffener Personen",
            ],
            ["Wahlen", "Wahldurchführung", "BWahlG", "Wahlberechtigte"],
        ]
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert layout.header_rows == [2]
    assert layout.preamble == [("Zweck", "Bezeichnung")]


def test_trailing_unheaded_columns_with_data_are_kept(build):
    sheet = build(
        [
            ["Bezeichnung der Verarbeitungstätigkeit", "Zwecke der Verarbeitung"],
            ["Wahlen", "Wahldurchführung", None, "Notiz ohne Spalte"],
        ]
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert [(c.column, c.header, c.target) for c in layout.columns] == [
        (0, "Bezeichnung der Verarbeitungstätigkeit", Target.NAME),
        (1, "Zwecke der Verarbeitung", Target.PURPOSES),
        (2, "", None),
        (3, "", None),
    ]


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [[None], []],
        [
            ["Dies ist nur ein Text über den Datenschutz in der Gemeinde."],
            ["Die Verarbeitungstätigkeiten stehen im Verzeichnis."],
            ["Bei Fragen wenden Sie sich an den Datenschutzbeauftragten."],
        ],
        # known headings, but neither a name nor a purpose among them
        [["Rechtsgrundlage", "Empfänger", "Löschfristen"], ["a", "b", "c"]],
        # only one mapped column
        [["Zwecke der Verarbeitung", "Spalte B"], ["a", "b"]],
    ],
)
def test_sheets_without_a_recognisable_header(build, rows):
    assert detect_layout(build(rows)) is None


# ------------------------------------------------------------------------------ form layout

DSK_FORM = [
    ["Verzeichnis von Verarbeitungstätigkeiten"],
    ["Angaben zum Verantwortlichen"],
    ["Name", None, "Stadt Musterstadt"],
    ["Telefon", None, "05251 0000"],
    ["E-Mail", None, "rathaus@musterstadt.de"],
    [],
    ["Bezeichnung der Verarbeitungstätigkeit", None, "Hundesteuer"],
    ["Datum der Anlegung", None, date(2020, 2, 1)],
    ["verantwortliche Fachabteilung", None, "Steueramt"],
    ["Ansprechpartner", None, "Herr Beispiel"],
    ["Telefon", None, "05251 1234"],
    ["E-Mail", None, "steuern@musterstadt.de"],
    ["Zwecke der Verarbeitung", None, "Erhebung der Hundesteuer"],
    ["Kategorien betroffener Personen", None, "Hundehalter"],
    ["Kategorien personenbezogener Daten", None, "Name, Anschrift, Hunderasse"],
    ["Fristen für die Löschung", None, "10 Jahre"],
    ["Sonstiges", None, "Hundemarke"],
]


def test_form_layout_dsk_filled_as_form(build):
    # labels merged over A:B in some rows, values in C
    sheet = build(DSK_FORM, merged=[(6, 0, 6, 1), (12, 0, 12, 1)], name="Hundesteuer")
    layout = detect_layout(sheet)
    assert isinstance(layout, FormLayout)
    assert layout.sheet == "Hundesteuer" and layout.label_column == 0
    by_label = {(f.row, f.label): f for f in layout.fields}
    assert by_label[(6, "Bezeichnung der Verarbeitungstätigkeit")].target is Target.NAME
    assert all(f.value_column == 2 for f in layout.fields if f.row >= 2)
    assert {f.row: f.target for f in layout.fields} == {
        0: None,
        1: None,
        2: None,
        3: None,
        4: None,  # the controller's phone and e-mail: the contact's below win
        6: Target.NAME,
        7: Target.CREATED,
        8: Target.DEPARTMENT,
        9: Target.CONTACT,
        10: Target.CONTACT_PHONE,
        11: Target.CONTACT_EMAIL,
        12: Target.PURPOSES,
        13: Target.DATA_SUBJECTS,
        14: Target.DATA_CATEGORIES,
        15: Target.RETENTION,
        16: None,
    }


def test_form_layout_cnil_record_sheet_with_labels_in_column_b(build):
    sheet = build(
        [
            [None, "Fiche de registre"],
            [None, "Nom / sigle", "Gestion de la paie", "N° / REF", "T03"],
            [None, "Date de création", date(2019, 7, 25)],
            [None, "Mise à jour", date(2023, 1, 10)],
            [None, "Responsable(s) conjoint(s)", None, "Sous-traitants", "Prestataire paie"],
            [None, "Finalité principale", "Paie des agents"],
            [None, "Catégories de personnes concernées", "Agents"],
            [None, "Catégories de données", "État civil, coordonnées bancaires"],
            [None, "Durée de conservation", "5 ans"],
            [None, "Transferts hors UE", "Non"],
        ],
        name="Fiche 3",
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, FormLayout)
    assert layout.label_column == 1
    targets = {f.label: f.target for f in layout.fields}
    assert targets["Nom / sigle"] is Target.NAME
    assert targets["Finalité principale"] is Target.PURPOSES
    assert targets["Transferts hors UE"] is Target.THIRD_COUNTRIES
    # a second label/value pair in a row is a field of its own
    reference = next(f for f in layout.fields if f.label == "N° / REF")
    assert (reference.row, reference.target, reference.value_column) == (1, Target.REFERENCE, 4)
    joint = next(f for f in layout.fields if f.target is Target.JOINT_CONTROLLERS)
    processors = next(f for f in layout.fields if f.target is Target.PROCESSORS)
    assert (joint.value_column, processors.value_column) == (2, 4)  # empty value, next label
    assert all(
        f.value_column == 2 for f in layout.fields if f is not reference and f is not processors
    )
    assert [f.row for f in layout.fields] == sorted(f.row for f in layout.fields)


def test_table_preferred_when_both_are_plausible(build):
    headers = [h for h, _ in DSK_HEADERS]
    sheet = build([headers, *[[h, "x"] for h in headers[:6]]])
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)


# --------------------------------------------------------------------------------- profiles


def test_profile_round_trip(tmp_path, build):
    sheet = build([["Titel"], [h for h, _ in DSK_HEADERS], ["x"]], name="Register")
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    profile = profile_from_layout(layout, "Personalamt")
    assert profile.name == "Personalamt" and profile.sheet == "Register"
    assert profile.header_row == 2
    assert profile.columns["zwecke der verarbeitung"] is Target.PURPOSES
    path = tmp_path / "personalamt.json"
    save_profile(profile, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "ropa-desktop/import-mapping" and doc["version"] == 1
    jsonschema.validate(doc, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert load_profile(path) == profile
    assert not list(tmp_path.glob("*.part"))
    # applied again, it gives the same header and targets (set by the profile: no alias)
    again = detect_layout(sheet, load_profile(path))
    assert isinstance(again, TableLayout)
    assert again.header_rows == layout.header_rows
    assert mapping(again) == mapping(layout)
    assert all(c.alias is None and c.score == 100.0 for c in again.columns)


def test_profile_round_trip_two_row_header_and_form(tmp_path, build):
    sheet = build(
        [
            ["Bezeichnung", "Zweck", "Empfänger", None],
            [None, None, "intern", "extern"],
            ["Hundesteuer", "Steuererhebung", "Kasse", "Finanzamt"],
        ],
        merged=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)],
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout) and layout.header_rows == [0, 1]
    path = tmp_path / "two-rows.json"
    save_profile(profile_from_layout(layout, "zweizeilig"), path)
    profile = load_profile(path)
    assert profile.header_row == 1
    assert profile.columns["empfänger intern"] is Target.INTERNAL_RECIPIENTS
    again = detect_layout(sheet, profile)
    assert isinstance(again, TableLayout) and again.header_rows == [0, 1]
    assert mapping(again) == mapping(layout)

    form = detect_layout(build(DSK_FORM, name="Form"))
    assert isinstance(form, FormLayout)
    form_profile = profile_from_layout(form, "Formular")
    assert form_profile.header_row is None and form_profile.sheet == "Form"
    assert form_profile.columns["zwecke der verarbeitung"] is Target.PURPOSES
    save_profile(form_profile, tmp_path / "form.json")
    assert load_profile(tmp_path / "form.json") == form_profile


def test_profile_fixes_header_row_overrides_and_ignores(build, tmp_path):
    sheet = build(
        [
            ["Liste Kämmerei"],
            [
                "Vorgang",
                "Wofür",
                "Kategorien betroffener Personen",
                "Bemerkung intern",
                "Fristen für die Löschung",
            ],
            ["Mahnwesen", "Forderungen eintreiben", "Schuldner", "nur intern", "3 Jahre"],
        ]
    )
    assert detect_layout(sheet) is None  # "Vorgang" and "Wofür" mean nothing to the aliases
    path = tmp_path / "kaemmerei.json"
    path.write_text(
        json.dumps(
            {
                "format": "ropa-desktop/import-mapping",
                "version": 1,
                "name": "Kämmerei",
                "header_row": 2,
                "columns": {
                    "Vorgang": "name",
                    "WOFÜR": "purposes",
                    "Bemerkung intern": "ignore",
                    "Fristen für die Löschung": "notes",
                },
            }
        ),
        encoding="utf-8",
    )
    profile = load_profile(path)
    assert profile.columns["wofür"] is Target.PURPOSES
    layout = detect_layout(sheet, profile)
    assert isinstance(layout, TableLayout)
    assert layout.header_rows == [1] and layout.title == "Liste Kämmerei"
    assert [(c.target, c.score) for c in layout.columns] == [
        (Target.NAME, 100.0),
        (Target.PURPOSES, 100.0),
        (Target.DATA_SUBJECTS, 100.0),
        (Target.IGNORE, 100.0),
        (Target.NOTES, 100.0),
    ]
    assert layout.columns[0].alias is None  # set by the profile


def test_profile_without_header_row_overrides_during_detection(build):
    sheet = build([["Vorgang", "Zwecke der Verarbeitung", "Bemerkungen"], ["a", "b", "c"]])
    profile = MappingProfile(
        "p", None, {"vorgang": Target.NAME, "zwecke der verarbeitung": Target.DESCRIPTION}
    )
    layout = detect_layout(sheet, profile)
    assert isinstance(layout, TableLayout)
    assert [c.target for c in layout.columns] == [Target.NAME, Target.DESCRIPTION, Target.NOTES]


def test_profile_for_another_sheet_is_not_applied(build):
    sheet = build([["Bezeichnung", "Zweck"], ["a", "b"]], name="Blatt2")
    profile = MappingProfile("p", 5, {"zweck": Target.IGNORE}, sheet="Blatt1")
    layout = detect_layout(sheet, profile)
    assert isinstance(layout, TableLayout)
    assert [c.target for c in layout.columns] == [Target.NAME, Target.PURPOSES]


def test_profile_header_row_beyond_the_sheet(build):
    sheet = build([["Bezeichnung", "Zweck"], ["a", "b"]])
    assert detect_layout(sheet, MappingProfile("p", 10, {})) is None


UNMAPPING_SHEET = [
    [
        "Bezeichnung der Verarbeitungstätigkeit",
        "Zwecke der Verarbeitung",
        "Kategorien betroffener Personen",
        "Betroffene Personen",
        "Fristen für die Löschung",
    ],
    ["Hundesteuer", "Steuererhebung", "Hundehalter", "auch Mitbewohner", "10 Jahre"],
]


@pytest.mark.parametrize("header_row", [None, 1], ids=["detected", "fixed-header-row"])
def test_profile_leaves_a_known_header_unmapped(build, tmp_path, header_row):
    sheet = build(UNMAPPING_SHEET)
    automatic = detect_layout(sheet)
    assert isinstance(automatic, TableLayout)
    assert [c.target for c in automatic.columns] == [
        Target.NAME,
        Target.PURPOSES,
        Target.DATA_SUBJECTS,
        None,
        Target.RETENTION,
    ]
    path = tmp_path / "unmapped.json"
    path.write_text(
        json.dumps(
            {
                "format": "ropa-desktop/import-mapping",
                "version": 1,
                "name": "Steueramt",
                "header_row": header_row,
                "columns": {
                    "Kategorien betroffener Personen": None,
                    "Fristen für die Löschung": None,
                },
            }
        ),
        encoding="utf-8",
    )
    profile = load_profile(path)
    assert profile.columns == {
        "kategorien betroffener personen": None,
        "fristen für die löschung": None,
    }

    layout = detect_layout(sheet, profile)

    assert isinstance(layout, TableLayout) and layout.header_rows == [0]
    # Unmapped although the alias table knows both headers; the data subjects go to the
    # other column that matches them, which lost to the unmapped one without the profile.
    assert [(c.target, c.score, c.alias) for c in layout.columns] == [
        (Target.NAME, 100.0, "Bezeichnung der Verarbeitungstätigkeit"),
        (Target.PURPOSES, 100.0, "Zwecke der Verarbeitung"),
        (None, 0.0, None),
        (Target.DATA_SUBJECTS, layout.columns[3].score, layout.columns[3].alias),
        (None, 0.0, None),
    ]
    assert layout.columns[3].alias is not None


def test_unmapped_profile_entries_round_trip_and_match_the_schema(tmp_path):
    profile = MappingProfile(
        "Steueramt",
        3,
        {
            "zwecke der verarbeitung": Target.PURPOSES,
            "interne bemerkung": None,
            "spalte x": Target.IGNORE,
        },
        sheet="VVT",
    )
    path = tmp_path / "profile.json"
    save_profile(profile, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["columns"] == {
        "zwecke der verarbeitung": "purposes",
        "interne bemerkung": None,
        "spalte x": "ignore",
    }
    jsonschema.validate(doc, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert load_profile(path) == profile


def test_profile_unmapping_a_two_row_header_does_not_fall_back_to_its_parts(build):
    sheet = build(
        [
            ["Bezeichnung", "Zweck", "Empfänger", None],
            [None, None, "intern", "extern"],
            ["Hundesteuer", "Steuererhebung", "Kasse", "Finanzamt"],
        ],
        merged=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)],
    )
    profile = MappingProfile("p", 1, {"empfänger intern": None})
    layout = detect_layout(sheet, profile)
    assert isinstance(layout, TableLayout) and layout.header_rows == [0, 1]
    assert mapping(layout) == {
        "Bezeichnung": Target.NAME,
        "Zweck": Target.PURPOSES,
        "Empfänger / intern": None,
        "Empfänger / extern": Target.RECIPIENTS,
    }


def test_profile_leaves_a_form_label_unmapped(build):
    sheet = build(DSK_FORM, name="Form")
    profile = MappingProfile("p", None, {"fristen für die löschung": None})
    form = detect_layout(sheet, profile)
    assert isinstance(form, FormLayout)
    field = next(f for f in form.fields if f.label == "Fristen für die Löschung")
    assert field.target is None and field.value_column == 2
    assert Target.RETENTION not in {f.target for f in form.fields}


def test_a_column_the_profile_leaves_unmapped_lands_in_the_notes_under_its_header(
    build, tmp_path, sqlite_url
):
    from ropa_desktop.io.importing.engine import plan_import
    from ropa_desktop.store.database import open_store

    book = XlsxWorkbook()
    for row in UNMAPPING_SHEET:
        book.active.append(row)
    path = tmp_path / "steueramt.xlsx"
    book.save(path)
    profile = MappingProfile("p", None, {"fristen für die löschung": None})
    plan = plan_import(open_store(sqlite_url), path, organisation="Stadt A", profile=profile)
    act = plan.register.organisations[0].activities[0]
    assert act.name == "Hundesteuer"
    assert "Fristen für die Löschung: 10 Jahre" in act.notes.splitlines()
    assert any("Fristen für die Löschung" in n.text for n in plan.report.notes)


def test_shipped_schema_lists_every_target_and_null_for_unmapped():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["columns"]["additionalProperties"]["enum"] == [
        *(t.value for t in Target),
        None,
    ]


def _profile_file(tmp_path: Path, content: str | dict) -> Path:
    path = tmp_path / "profile.json"
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


GOOD = {"format": "ropa-desktop/import-mapping", "version": 1, "name": "x", "columns": {}}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({**GOOD, "columns": {"Zweck": "purpose"}}, '$.columns.Zweck: "purpose" is not a known'),
        ({**GOOD, "header_row": 0}, "$.header_row:"),
        ({**GOOD, "name": ""}, "$.name:"),
        ({k: v for k, v in GOOD.items() if k != "name"}, "$: name is a required property"),
        ({**GOOD, "extra": 1}, "$: unknown field extra"),
        ({**GOOD, "format": "something"}, "$.format:"),
        ({**GOOD, "columns": {"Zweck": "purposes", "ZWECK": "notes"}}, '$.columns["ZWECK"]'),
        ({**GOOD, "columns": {"Zweck": "purposes", "ZWECK": None}}, '$.columns["ZWECK"]'),
        ({**GOOD, "columns": {"Zweck": "unmapped"}}, '"unmapped" is not a known target'),
        ({**GOOD, "columns": {"--": "purposes"}}, '$.columns["--"]'),
        ('{"format": "ropa-desktop/import-mapping",', "not valid JSON (line 1"),
        ('{"name": "a", "name": "b"}', "occurs twice"),
    ],
)
def test_invalid_profile_names_file_and_json_path(tmp_path, content, expected):
    path = _profile_file(tmp_path, content)
    with pytest.raises(MappingError) as info:
        load_profile(path)
    assert isinstance(info.value, LocalizedError)
    message = info.value.message("en")
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert info.value.message("de").startswith(f"{path}: ")


def test_missing_and_non_utf8_profile(tmp_path):
    with pytest.raises(MappingError) as info:
        load_profile(tmp_path / "nope.json")
    assert info.value.message("en").endswith("nope.json: file not found.")
    path = tmp_path / "latin1.json"
    path.write_bytes('{"name": "Kämmerei"}'.encode("latin-1"))
    with pytest.raises(MappingError) as info:
        load_profile(path)
    assert "UTF-8" in info.value.message("de")


def test_a_single_data_row_is_never_read_as_a_second_header_row():
    sheet = Sheet(
        name="VVT",
        rows=[
            ["Bezeichnung der Verarbeitungstätigkeit", "Zwecke der Verarbeitung", "Bemerkung"],
            ["Meldewesen", "Melderegister", "Anmerkungen"],  # a value that is also a heading
        ],
        merged=[],
    )
    layout = detect_layout(sheet)
    assert isinstance(layout, TableLayout)
    assert (layout.header_rows, layout.first_data_row) == ([0], 1)
