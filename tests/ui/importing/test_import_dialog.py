"""The import dialog over the real import engine, on real files and a real SQLite register."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog

from ropa_desktop.domain import model as m
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.importing.mapping import load_profile
from ropa_desktop.io.importing.report import Status
from ropa_desktop.io.json_register import dumps
from ropa_desktop.ui.common import prompts, tasks
from ropa_desktop.ui.importing.dialog import FILE, MAPPING, PREVIEW, RESULT, SHEET, ImportDialog
from ropa_desktop.ui.importing.models import (
    STATUS_ROLE,
    TARGET_ROLE,
    UNMAPPED_BACKGROUND,
    MappingModel,
)

_IO_TESTS = str(Path(__file__).resolve().parents[2] / "io")
if _IO_TESTS not in sys.path:  # tests/io is not a package; its workbook factory is reused
    sys.path.insert(0, _IO_TESTS)
import sheet_factory as factory  # noqa: E402

DEMO_ORG = "Stadtwerke Bochum GmbH"
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
DSK_TARGETS = [
    Target.NAME,
    Target.PURPOSES,
    Target.LEGAL_BASES,
    Target.DATA_SUBJECTS,
    Target.DATA_CATEGORIES,
    Target.RETENTION,
    Target.PROCESSORS,
    Target.THIRD_COUNTRIES,
    None,
]
REMARK = 8
"""The column "Interne Bemerkung": no field of the alias table."""


def _row(name: str, remark: str = "") -> list[str]:
    return [
        name,
        "Führung des Melderegisters",
        "Art. 6 Abs. 1 lit. c DSGVO",
        "Einwohnerinnen und Einwohner",
        "Name\nAnschrift",
        "10 Jahre nach Wegzug",
        "",
        "findet nicht statt",
        remark,
    ]


def _dsk_xlsx(path: Path, rows: list[list[str]]) -> Path:
    """The DSK columns under a title, on the sheet "VVT" (built with the reader tests'
    factory)."""
    cells: dict[str, object] = {"A1": "Verzeichnis von Verarbeitungstätigkeiten"}
    for r, row in enumerate([DSK, *rows], start=3):
        for c, value in enumerate(row):
            if value:
                cells[f"{chr(65 + c)}{r}"] = value
    return factory.cells_workbook(path, cells, sheet="VVT")


def _wait(qtbot, dialog: ImportDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)


@pytest.fixture
def dialog(qtbot, session):  # type: ignore[no-untyped-def]
    d = ImportDialog(session)
    qtbot.addWidget(d)
    d.show()
    return d


def _planned(qtbot, dialog: ImportDialog, path: Path, sheet: str = "VVT") -> None:  # type: ignore[no-untyped-def]
    dialog.load_file(path)
    _wait(qtbot, dialog)
    assert dialog.error_message() == ""
    dialog.choose_sheet(sheet)
    _wait(qtbot, dialog)
    assert dialog.error_message() == ""


def _activity_count(session, org: str = DEMO_ORG) -> int:  # type: ignore[no-untyped-def]
    return len(session.store.load_organisation(org).activities)


def test_dsk_workbook_shows_the_detected_mapping_and_highlights_unmapped_columns(
    qtbot, dialog, tmp_path
):
    path = _dsk_xlsx(
        tmp_path / "buergerbuero.xlsx",
        [_row("Meldewesen", "Rückfrage bei Frau Öztürk"), _row("Fundsachen")],
    )
    dialog.load_file(path)
    _wait(qtbot, dialog)
    assert dialog.current_page() == SHEET
    sheets = dialog.findChild(object, "importDialog.sheets")
    assert sheets.currentItem().data(Qt.ItemDataRole.UserRole) == "VVT"
    dialog.choose_sheet("VVT")
    _wait(qtbot, dialog)
    assert dialog.current_page() == MAPPING
    model = dialog.mapping_page.model
    assert [model.target(r) for r in range(model.rowCount())] == DSK_TARGETS
    assert model.index(REMARK, MappingModel.SAMPLE).data() == "Rückfrage bei Frau Öztürk"
    assert (
        model.index(REMARK, MappingModel.TARGET).data(Qt.ItemDataRole.BackgroundRole).color()
        == UNMAPPED_BACKGROUND
    )
    assert model.index(0, MappingModel.TARGET).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.unmapped_rows() == [REMARK]
    # Sorting by the target field brings the unmapped column to the top.
    view = dialog.findChild(object, "importDialog.mapping")
    view.sortByColumn(MappingModel.TARGET, Qt.SortOrder.AscendingOrder)
    assert view.model().index(0, MappingModel.HEADER).data() == "Interne Bemerkung"
    assert dialog.plan is not None and dialog.plan.report.count("new") == 2
    assert dialog.plan.report.organisation == DEMO_ORG  # the current organisation by default


def test_changing_a_target_plans_again_and_the_preview_follows(qtbot, dialog, tmp_path):
    path = _dsk_xlsx(tmp_path / "a.xlsx", [_row("Meldewesen", "Rückfrage bei Frau Öztürk")])
    _planned(qtbot, dialog, path)
    act = dialog.plan.register.organisations[0].activities[0]
    assert "Interne Bemerkung: Rückfrage" in act.notes and act.description == ""
    dialog.set_target(REMARK, Target.DESCRIPTION)
    _wait(qtbot, dialog)
    act = dialog.plan.register.organisations[0].activities[0]
    assert act.description == "Rückfrage bei Frau Öztürk"
    assert not any("Interne Bemerkung" in n.text for n in dialog.plan.report.notes)
    model = dialog.mapping_page.model
    assert model.index(REMARK, MappingModel.TARGET).data(TARGET_ROLE) == Target.DESCRIPTION.value
    assert model.unmapped_rows() == []
    # A field taken from another column leaves that column unmapped (kept in the notes).
    dialog.set_target(REMARK, Target.NAME)
    _wait(qtbot, dialog)
    assert model.target(0) is None and 0 in model.unmapped_rows()
    act = dialog.plan.register.organisations[0].activities[0]
    assert act.name == "Rückfrage bei Frau Öztürk"
    assert f"{DSK[0]}: Meldewesen" in act.notes.splitlines()  # under its header
    preview = dialog.preview_page.model
    assert preview.index(0, preview.ACTIVITY).data() == "Rückfrage bei Frau Öztürk"


def test_editing_the_target_in_the_table_replans(qtbot, dialog, tmp_path):
    path = _dsk_xlsx(tmp_path / "a.xlsx", [_row("Meldewesen", "Rückfrage")])
    _planned(qtbot, dialog, path)
    view = dialog.mapping_page.view
    proxy_index = view.model().index(REMARK, MappingModel.TARGET)
    assert view.model().flags(proxy_index) & Qt.ItemFlag.ItemIsEditable
    view.setCurrentIndex(proxy_index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = view.findChild(QComboBox, "importDialog.targetEditor")
    assert combo is not None and combo.currentData() == ""  # unmapped so far
    combo.setCurrentIndex(combo.findData(Target.DESCRIPTION.value))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.mapping_page.model.target(REMARK) is Target.DESCRIPTION)
    _wait(qtbot, dialog)
    assert dialog.plan.register.organisations[0].activities[0].description == "Rückfrage"


def test_an_error_row_is_shown_and_blocks_the_import(qtbot, dialog, session, tmp_path):
    path = _dsk_xlsx(
        tmp_path / "bad.xlsx", [["", "Ein Zweck ohne Bezeichnung"], _row("Meldewesen")]
    )
    batches = len(session.store.batches())
    _planned(qtbot, dialog, path)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == PREVIEW
    preview = dialog.preview_page.model
    statuses = [preview.index(r, 0).data(STATUS_ROLE) for r in range(preview.rowCount())]
    assert statuses[0] == Status.ERROR
    assert preview.index(0, preview.WHERE).data() == "VVT!4"
    assert preview.index(0, preview.STATUS).data(Qt.ItemDataRole.DecorationRole) is not None
    assert not dialog.import_button.isEnabled()
    assert dialog.preview_page.blocked.isVisible()
    assert dialog.start_import() is None
    assert len(session.store.batches()) == batches
    assert _activity_count(session) == 8


def test_a_clean_file_imports_and_can_be_undone(qtbot, dialog, session, tmp_path):
    path = _dsk_xlsx(tmp_path / "clean.xlsx", [_row("Meldewesen"), _row("Fundsachen")])
    _planned(qtbot, dialog, path)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.import_button.isEnabled()
    changes: list[str] = []
    session.changed.connect(changes.append)
    with qtbot.waitSignal(dialog.imported, timeout=20000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, dialog)
    batch = signal.args[0]
    assert batch == dialog.report.batch == dialog.batch
    assert dialog.current_page() == RESULT
    assert "all" in changes  # the session reloaded
    names = {session.activity(uid).name for uid in session.activity_uids()}
    assert {"Meldewesen", "Fundsachen"} <= names and len(names) == 10
    assert dialog.report.backup is not None and dialog.report.backup.exists()
    assert str(dialog.report.backup) in dialog.result_page.backup.text()
    assert batch in dialog.result_page.batch.text()
    session.store.undo_batch(batch)
    assert _activity_count(session) == 8


def test_semicolon_csv_in_windows_1252_into_a_new_organisation(
    qtbot, dialog, session, tmp_path, monkeypatch
):
    asked: list[str] = []

    def choose(parent, title, label, items):  # type: ignore[no-untyped-def]
        asked.append(label)
        return "Privates Unternehmen" if "Privates Unternehmen" in items else "Bayern"

    monkeypatch.setattr(prompts, "choose", choose)
    lines = [";".join(DSK), ";".join(_row("Bürgerbüro Meldewesen").__iter__())]
    lines[1] = lines[1].replace("Name\nAnschrift", "Name, Anschrift")
    path = tmp_path / "bürgerbüro.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    dialog.load_file(path)
    _wait(qtbot, dialog)
    assert len(dialog.sheets) == 1
    dialog.file_page.organisation.setCurrentText("Stadt Musterstadt")
    dialog.choose_sheet(dialog.sheets[0].name)
    _wait(qtbot, dialog)
    assert [dialog.mapping_page.model.target(r) for r in range(9)] == DSK_TARGETS
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.start_import()
    _wait(qtbot, dialog)
    acts = session.store.load_organisation("Stadt Musterstadt").activities
    assert [a.name for a in acts] == ["Bürgerbüro Meldewesen"]
    assert acts[0].data_subjects == ["Einwohnerinnen und Einwohner"]
    assert session.organisation_name == "Stadt Musterstadt"
    org = session.store.load_organisation("Stadt Musterstadt")
    assert (org.kind, org.land) == (m.OrganisationKind.PRIVATE, "DE-BY")  # as answered
    assert len(asked) == 2 and "Stadt Musterstadt" in asked[0]


def test_cancelling_the_question_for_a_new_organisation_imports_nothing(
    qtbot, dialog, session, tmp_path, monkeypatch
):
    monkeypatch.setattr(prompts, "choose", lambda *args: None)
    path = _dsk_xlsx(tmp_path / "neu.xlsx", [_row("Meldewesen")])
    dialog.load_file(path)
    _wait(qtbot, dialog)
    dialog.file_page.organisation.setCurrentText("Gemeinde Neu")
    dialog.choose_sheet(dialog.sheets[0].name)
    _wait(qtbot, dialog)
    assert dialog.start_import() is None
    assert "Gemeinde Neu" not in [o.name for o in session.store.organisations()]


@pytest.mark.parametrize(
    "make",
    [
        lambda p: (p.write_text("this is no spreadsheet\n", encoding="utf-8"), p)[1],
        factory.encrypted_ooxml,
    ],
    ids=["text-named-xlsx", "password-protected"],
)
def test_a_broken_file_gives_one_clear_message_and_writes_nothing(
    qtbot, dialog, session, tmp_path, make, monkeypatch
):
    shown: list[object] = []
    monkeypatch.setattr(prompts, "show_error", lambda *a: shown.append(a))
    path = make(tmp_path / "verzeichnis.xlsx")
    batches = len(session.store.batches())
    dialog.load_file(path)
    _wait(qtbot, dialog)
    assert dialog.current_page() == FILE
    message = dialog.error_message()
    assert "verzeichnis.xlsx" in message and "\n" not in message
    assert dialog.findChild(object, "importDialog.error").isVisible()
    assert len(session.store.batches()) == batches and _activity_count(session) == 8
    assert dialog.plan is None and not dialog.import_button.isVisible()
    assert shown == []  # shown once, under the page, not in a further box


def test_save_the_mapping_as_a_profile_and_load_it_again(
    qtbot, dialog, session, tmp_path, monkeypatch
):
    path = _dsk_xlsx(tmp_path / "a.xlsx", [_row("Meldewesen", "Rückfrage")])
    _planned(qtbot, dialog, path)
    dialog.set_target(REMARK, Target.DESCRIPTION)
    _wait(qtbot, dialog)
    profile_path = tmp_path / "dsk-mapping"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(profile_path), ""))
    )
    qtbot.mouseClick(dialog.mapping_page.save_profile, Qt.MouseButton.LeftButton)
    saved = load_profile(tmp_path / "dsk-mapping.json")  # checked against the schema
    assert saved.columns["interne bemerkung"] is Target.DESCRIPTION
    assert saved.header_row == 3 and saved.sheet == "VVT"

    again = ImportDialog(session)
    qtbot.addWidget(again)
    again.file_page.profile.setText(str(tmp_path / "dsk-mapping.json"))
    _planned(qtbot, again, path)
    model = again.mapping_page.model
    assert model.target(REMARK) is Target.DESCRIPTION
    assert model.index(REMARK, MappingModel.MATCH).data() == model.tr("mapping profile")
    assert again.plan.register.organisations[0].activities[0].description == "Rückfrage"


RETENTION = 5
"""The column "Fristen für die Löschung": matched by the alias table."""


def test_a_column_the_user_unmaps_lands_in_the_notes_with_its_header(
    qtbot, dialog, session, tmp_path, monkeypatch
):
    path = _dsk_xlsx(tmp_path / "a.xlsx", [_row("Meldewesen", "Rückfrage")])
    _planned(qtbot, dialog, path)
    model = dialog.mapping_page.model
    assert model.target(RETENTION) is Target.RETENTION
    dialog.set_target(RETENTION, None)
    _wait(qtbot, dialog)
    assert model.target(RETENTION) is None and RETENTION in model.unmapped_rows()
    act = dialog.plan.register.organisations[0].activities[0]
    lines = act.notes.splitlines()
    assert "Fristen für die Löschung: 10 Jahre nach Wegzug" in lines
    assert "Interne Bemerkung: Rückfrage" in lines  # as for the column no field fits
    assert act.data_categories and all(c.retention.is_empty() for c in act.data_categories)

    # Saved as a profile, the column is written as unmapped (not as the notes field) …
    profile_path = tmp_path / "ohne-fristen.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(profile_path), ""))
    )
    qtbot.mouseClick(dialog.mapping_page.save_profile, Qt.MouseButton.LeftButton)
    saved = load_profile(profile_path)
    assert "fristen für die löschung" in saved.columns
    assert saved.columns["fristen für die löschung"] is None
    assert "interne bemerkung" not in saved.columns  # left to automatic matching

    # … and a dialog using that profile leaves it unmapped, kept under its header.
    again = ImportDialog(session)
    qtbot.addWidget(again)
    again.file_page.profile.setText(str(profile_path))
    _planned(qtbot, again, path)
    model = again.mapping_page.model
    assert model.target(RETENTION) is None and RETENTION in model.unmapped_rows()
    assert [model.target(r) for r in range(model.rowCount()) if r != RETENTION] == [
        t for r, t in enumerate(DSK_TARGETS) if r != RETENTION
    ]
    act = again.plan.register.organisations[0].activities[0]
    assert "Fristen für die Löschung: 10 Jahre nach Wegzug" in act.notes.splitlines()

    # Imported, the notes in the register hold the column under its header.
    count = _activity_count(session)
    with qtbot.waitSignal(again.imported, timeout=20000):
        again.start_import()
    _wait(qtbot, again)
    acts = {a.name: a for a in session.store.load_organisation(DEMO_ORG).activities}
    assert len(acts) == count + 1
    assert "Fristen für die Löschung: 10 Jahre nach Wegzug" in acts["Meldewesen"].notes


def test_an_invalid_profile_is_named_and_nothing_is_read(qtbot, dialog, tmp_path):
    bad = tmp_path / "bad-mapping.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    dialog.file_page.profile.setText(str(bad))
    assert dialog.load_file(_dsk_xlsx(tmp_path / "a.xlsx", [_row("X")])) is None
    assert "bad-mapping.json" in dialog.error_message()
    assert dialog.current_page() == FILE


def _big_workbook(path: Path, rows: int) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("VVT")
    sheet.append(DSK)
    for i in range(rows):
        sheet.append(_row(f"Tätigkeit {i}"))
    book.save(path)
    return path


def test_cancel_during_planning_leaves_everything_as_it_was(qtbot, dialog, session, tmp_path):
    path = _big_workbook(tmp_path / "gross.xlsx", 3000)
    dialog.load_file(path)
    _wait(qtbot, dialog)
    batches = len(session.store.batches())
    task = dialog.choose_sheet("VVT")
    assert task is not None
    task.cancel()
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    _wait(qtbot, dialog)
    assert task.outcome == "cancelled"
    assert dialog.plan is None and dialog.current_page() == SHEET
    assert tasks.running_tasks() == []
    assert len(session.store.batches()) == batches and _activity_count(session) == 8
    assert dialog.next_button.isEnabled()  # ready to try again


def test_closing_while_planning_cancels_and_then_closes(qtbot, dialog, tmp_path):
    path = _big_workbook(tmp_path / "gross.xlsx", 3000)
    dialog.load_file(path)
    _wait(qtbot, dialog)
    task = dialog.choose_sheet("VVT")
    dialog.reject()
    assert dialog.isVisible()  # not before the work has stopped
    qtbot.waitUntil(lambda: task.done and not dialog.isVisible(), timeout=20000)
    assert tasks.running_tasks() == []


def test_json_register_file_is_previewed_and_imported(qtbot, dialog, session, tmp_path):
    register = m.Register(
        organisations=[
            m.Organisation(
                name="Gemeinde Beispielstadt",
                activities=[m.Activity(name="Friedhofsverwaltung"), m.Activity(name="Hundesteuer")],
            )
        ]
    )
    path = tmp_path / "register.json"
    path.write_text(dumps(register), encoding="utf-8")
    dialog.load_file(path)
    _wait(qtbot, dialog)
    assert dialog.error_message() == ""
    assert dialog.current_page() == PREVIEW
    assert not dialog.file_page.organisation.isEnabled()  # no mapping, no target choice
    assert dialog.json_preview.activities == 2
    assert "Gemeinde Beispielstadt" not in session.store.organisation_names()  # dry run only
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20000) as signal:
        dialog.start_import()
    _wait(qtbot, dialog)
    assert dialog.current_page() == RESULT
    acts = session.store.load_organisation("Gemeinde Beispielstadt").activities
    assert sorted(a.name for a in acts) == ["Friedhofsverwaltung", "Hundesteuer"]
    assert "Gemeinde Beispielstadt" in {o.name for o in session.organisations()}
    session.store.undo_batch(signal.args[0])
    assert "Gemeinde Beispielstadt" not in session.store.organisation_names()


def test_a_broken_json_file_is_named(qtbot, dialog, session, tmp_path):
    path = tmp_path / "kaputt.json"
    path.write_text('{"format": ', encoding="utf-8")
    dialog.load_file(path)
    _wait(qtbot, dialog)
    assert "kaputt.json" in dialog.error_message()
    assert dialog.current_page() == FILE and dialog.json_preview is None


def test_duplicates_choice_changed_afterwards_keeps_the_mapping(qtbot, dialog, session, tmp_path):
    session.store.import_register(
        m.Register(
            organisations=[
                m.Organisation(name="Stadt A", activities=[m.Activity(name="Meldewesen")])
            ]
        )
    )
    path = _dsk_xlsx(tmp_path / "a.xlsx", [_row("Meldewesen", "Neu beschrieben")])
    dialog.file_page.organisation.setCurrentText("Stadt A")
    _planned(qtbot, dialog, path)
    assert dialog.plan.report.count("skip") == 1
    dialog.set_target(REMARK, Target.DESCRIPTION)
    _wait(qtbot, dialog)
    for _ in range(2):
        qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == FILE
    dialog.file_page.duplicate_buttons["update"].click()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == SHEET and dialog.task is None  # not read again
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, dialog)
    assert dialog.current_page() == MAPPING
    assert dialog.mapping_page.model.target(REMARK) is Target.DESCRIPTION
    assert dialog.plan.report.count("update") == 1
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.start_import()
    _wait(qtbot, dialog)
    acts = session.store.load_organisation("Stadt A").activities
    assert [(a.name, a.description) for a in acts] == [("Meldewesen", "Neu beschrieben")]


def test_a_form_sheet_lists_its_labels(qtbot, dialog, tmp_path):
    cells = {}
    for r, (label, value) in enumerate(
        [
            ("Bezeichnung der Verarbeitungstätigkeit", "Fundsachen"),
            ("Zwecke der Verarbeitung", "Verwaltung von Fundsachen"),
            ("Rechtsgrundlage", "Art. 6 Abs. 1 lit. e DSGVO"),
            ("Kategorien betroffener Personen", "Finder"),
            ("Kategorien personenbezogener Daten", "Name"),
            ("Sachbearbeitung durch", "Frau Müller"),
        ],
        start=1,
    ):
        cells[f"A{r}"], cells[f"B{r}"] = label, value
    path = factory.cells_workbook(tmp_path / "form.xlsx", cells, sheet="Fundsachen")
    _planned(qtbot, dialog, path, sheet="Fundsachen")
    model = dialog.mapping_page.model
    assert model.index(0, MappingModel.POSITION).data() == "A1"
    assert model.index(0, MappingModel.SAMPLE).data() == "Fundsachen"
    assert model.target(0) is Target.NAME and model.unmapped_rows() == [5]
    dialog.set_target(5, Target.CONTACT)
    _wait(qtbot, dialog)
    assert dialog.plan.register.organisations[0].activities[0].contact.name == "Frau Müller"


def test_quick_successive_changes_end_in_one_plan_with_all_of_them(qtbot, dialog, tmp_path):
    path = _dsk_xlsx(tmp_path / "a.xlsx", [_row("Meldewesen", "Verschlüsselte Ablage")])
    _planned(qtbot, dialog, path)
    first = dialog.set_target(REMARK, Target.DESCRIPTION)
    dialog.set_target(REMARK, Target.TOM_DESCRIPTION)  # while the first plan runs
    _wait(qtbot, dialog)
    assert first.outcome == "cancelled"  # replaced by the plan with both changes
    act = dialog.plan.register.organisations[0].activities[0]
    assert act.tom_description == "Verschlüsselte Ablage" and act.description == ""


def test_without_any_organisation_the_user_is_asked_for_one(qtbot, dialog, tmp_path):
    path = _dsk_xlsx(tmp_path / "a.xlsx", [_row("Meldewesen")])
    dialog.load_file(path)
    _wait(qtbot, dialog)
    dialog.file_page.organisation.setCurrentText("")
    assert dialog.choose_sheet("VVT") is None
    assert "a.xlsx" in dialog.error_message() and dialog.plan is None
