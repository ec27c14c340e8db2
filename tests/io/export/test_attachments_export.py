"""The exports list the organisation's attachments (name, size, date) — never their
content — and only those of the records exported; the JSON export leaves them out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from ropa_desktop.domain import model as m
from ropa_desktop.io.export import xlsx_layout as L
from ropa_desktop.io.export.pdf import export_pdf
from ropa_desktop.io.export.xlsx import export_xlsx
from ropa_desktop.io.json_register import dumps
from ropa_desktop.store.database import open_store

SECRET = b"GEHEIMER-VERTRAGSINHALT-4711"


def _store(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "register.sqlite")
    org = m.Organisation(name="Stadt A")
    rz = m.Processor(owner=org.uid, name="Rechenzentrum Süd")
    spare = m.Processor(owner=org.uid, name="Ungenutzt GmbH")
    act = m.Activity(
        reference="VT-001",
        name="Videoberatung",
        purposes=[m.Purpose("Beratung", ["art6-1-e"])],
        processors=[m.ProcessorLink(rz.uid, "Hosting")],
    )
    other = m.Activity(reference="VT-002", name="Personalakte")
    org.activities = [act, other]
    b = m.Organisation(name="Stadt B", activities=[m.Activity(name="Kita")])
    store.import_register(m.Register(organisations=[org, b], processors=[rz, spare]))
    store.add_attachment(org.uid, "activity", act.uid, "DSFA Videoberatung.pdf", SECRET)
    store.add_attachment(org.uid, "processor", rz.uid, "AVV Rechenzentrum.pdf", SECRET * 100)
    store.add_attachment(b.uid, "activity", b.activities[0].uid, "Fremd.pdf", SECRET)
    # a processor no exported activity uses: its file is not listed
    store.add_attachment(org.uid, "processor", spare.uid, "Ungenutzt.pdf", SECRET)
    return store, org, act


def test_excel_lists_attachments_on_a_last_sheet_without_content(tmp_path: Path) -> None:
    store, org, _act = _store(tmp_path)
    register = store.load_register("Stadt A")
    target = tmp_path / "out.xlsx"
    export_xlsx(register, "Stadt A", target, attachments=store.attachments(org.uid))
    wb = load_workbook(target)
    assert wb.sheetnames[-1] == "Anlagen"
    assert wb.sheetnames[:-1] == [s.title("de") for s in L.CONTROLLER_SHEETS]
    rows = [[c.value for c in row] for row in wb["Anlagen"].iter_rows()]
    assert rows[0][:5] == ["Gehört zu", "Datensatz", "Datei", "Größe", "Hinzugefügt am"]
    assert [r[:4] for r in rows[1:]] == [
        ["Auftragsverarbeiter", "Rechenzentrum Süd", "AVV Rechenzentrum.pdf", "2,7 KB"],
        ["Verarbeitungstätigkeit", "VT-001 Videoberatung", "DSFA Videoberatung.pdf", "28 Bytes"],
    ]
    assert rows[1][4].date() == date.today()
    assert SECRET not in target.read_bytes()  # the content is never in the file
    # Without attachments the workbook is as before.
    export_xlsx(register, "Stadt A", target)
    assert "Anlagen" not in load_workbook(target).sheetnames


def test_pdf_lists_attachments_in_a_last_annex_and_the_single_sheet(tmp_path: Path) -> None:
    store, org, act = _store(tmp_path)
    register = store.load_register("Stadt A")
    files = store.attachments(org.uid)
    target = tmp_path / "out.pdf"
    export_pdf(register, "Stadt A", target, attachments=files)
    reader = PdfReader(target)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Anlagen (Dateien beim Verzeichnis)" in text
    assert "DSFA Videoberatung.pdf" in text and "AVV Rechenzentrum.pdf" in text
    assert "Fremd.pdf" not in text  # another organisation's file
    assert "Ungenutzt.pdf" not in text  # a processor the exported activities do not use
    assert "GEHEIMER" not in text
    assert "Anlagen (Dateien beim Verzeichnis)" in reader.pages[1].extract_text()  # contents
    export_pdf(register, "Stadt A", target, activity="VT-002", attachments=files)
    single = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "DSFA Videoberatung.pdf" not in single
    export_pdf(register, "Stadt A", target, activity=act.reference, attachments=files)
    single = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "DSFA Videoberatung.pdf" in single and "AVV Rechenzentrum.pdf" not in single


def test_json_export_carries_no_attachments(tmp_path: Path) -> None:
    store, _org, _act = _store(tmp_path)
    text = dumps(store.load_register("Stadt A"))
    assert "DSFA Videoberatung.pdf" not in text and "attachment" not in json.loads(text)


def test_own_export_with_the_attachments_sheet_imports_back(tmp_path: Path) -> None:
    from ropa_desktop.domain.codec import register_to_document
    from ropa_desktop.io.importing.engine import import_spreadsheet

    store, org, _act = _store(tmp_path)
    original = store.load_register("Stadt A")
    export_xlsx(original, "Stadt A", tmp_path / "vvt.xlsx", attachments=store.attachments(org.uid))
    assert "Anlagen" in load_workbook(tmp_path / "vvt.xlsx").sheetnames
    target = open_store(tmp_path / "target.sqlite")
    report = import_spreadsheet(target, tmp_path / "vvt.xlsx")
    assert report.errors == 0
    back = register_to_document(target.load_register("Stadt A"))["organisations"][0]
    assert back["activities"] == register_to_document(original)["organisations"][0]["activities"]
