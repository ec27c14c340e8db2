"""Excel and PDF exports through the command line."""

from __future__ import annotations

import pytest

from ropa_desktop.cli import main
from ropa_desktop.store.database import open_store


@pytest.fixture
def demo_db(tmp_path):
    db = str(tmp_path / "demo.sqlite")
    assert main(["--db", db, "demo"]) == 0
    return db


def test_excel_and_pdf_exports_for_one_organisation(demo_db, tmp_path, capsys):
    import openpyxl
    import pypdf

    xlsx, pdf, sheet = tmp_path / "vvt.xlsx", tmp_path / "vvt.pdf", tmp_path / "vt1.pdf"
    org = ["--org", "Stadtwerke Bochum GmbH"]
    assert main(["--db", demo_db, "export", "--format", "xlsx", "--out", str(xlsx), *org]) == 0
    assert main(["--db", demo_db, "export", "--format", "pdf", "--out", str(pdf), *org]) == 0
    assert (
        main(
            [
                "--db",
                demo_db,
                "export",
                "--format",
                "pdf",
                "--out",
                str(sheet),
                *org,
                "--activity",
                "VT-001",
            ]
        )
        == 0
    )
    book = openpyxl.load_workbook(xlsx)
    names = [ws.title for ws in book.worksheets]
    assert names[0] == "Hauptblatt" and "Verarbeitungstätigkeiten" in names
    assert book["Verarbeitungstätigkeiten"].max_row == 1 + 8  # header + Bochum's activities
    whole = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    single = "".join(page.extract_text() for page in pypdf.PdfReader(sheet).pages)
    assert "Stadtwerke Bochum GmbH" in whole and "Newsletter" in whole
    assert len(pypdf.PdfReader(sheet).pages) < len(pypdf.PdfReader(pdf).pages)
    assert "Newsletter" not in single


def test_document_exports_need_an_organisation_when_there_are_several(demo_db, tmp_path, capsys):
    capsys.readouterr()
    out = str(tmp_path / "x.xlsx")
    assert main(["--db", demo_db, "export", "--format", "xlsx", "--out", out]) == 1
    err = capsys.readouterr().err
    assert "--org" in err and "Stadt Ahaus" in err and err.count("\n") == 1
    assert (
        main(
            [
                "--db",
                demo_db,
                "export",
                "--format",
                "xlsx",
                "--out",
                out,
                "--org",
                "Stadt Ahaus",
                "--activity",
                "VT-001",
            ]
        )
        == 1
    )
    assert "nur für --format pdf" in capsys.readouterr().err


def test_freeze_stamps_the_export_and_is_undone_when_writing_fails(demo_db, tmp_path, capsys):
    import openpyxl

    org = "Stadt Ahaus"
    bad = str(tmp_path / "missing" / "x.xlsx")
    assert (
        main(
            [
                "--db",
                demo_db,
                "export",
                "--format",
                "xlsx",
                "--out",
                bad,
                "--org",
                org,
                "--freeze",
                "Aufsicht",
            ]
        )
        == 1
    )
    assert open_store(demo_db).versions(org) == []
    good = tmp_path / "x.xlsx"
    assert (
        main(
            [
                "--db",
                demo_db,
                "export",
                "--format",
                "xlsx",
                "--out",
                str(good),
                "--org",
                org,
                "--freeze",
                "Aufsicht",
            ]
        )
        == 0
    )
    assert [v.number for v in open_store(demo_db).versions(org)] == [1]
    cells = [
        str(c.value)
        for row in openpyxl.load_workbook(good)["Hauptblatt"].iter_rows()
        for c in row
        if c.value is not None
    ]
    assert any("1 Aufsicht" in c for c in cells)


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_processor_register_export_counts_services_not_activities(demo_db, tmp_path, capsys, fmt):
    """Issue 13 item 20: the processor register has processing services, never
    "0 Verarbeitungstätigkeiten"."""
    out = tmp_path / f"avv.{fmt}"
    capsys.readouterr()
    args = ["--db", demo_db, "--lang", "de", "export", "--format", fmt, "--out", str(out)]
    assert main([*args, "--org", "Komm.ONE", "--register", "processor"]) == 0
    said = capsys.readouterr().out
    assert "Verarbeitungstätigkeiten" not in said
    assert "1 Verarbeitungen im Auftrag" in said
