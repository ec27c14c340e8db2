"""``review cycle`` and ``review plan`` (Prüfplan as workbook and calendar file)."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
from pypdf import PdfReader

from ropa_desktop.cli import main
from ropa_desktop.domain import model as m
from ropa_desktop.domain.review_cycle import add_months
from ropa_desktop.store.database import open_store

TODAY = date.today()


def _db(tmp_path) -> str:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "r.sqlite")
    acts = [
        m.Activity(
            reference="VT-001",
            name="Meldewesen",
            department="Bürgerbüro",
            contact=m.Contact(name="Frau Albers", phone="100"),
            last_reviewed=TODAY - timedelta(days=400),
        ),
        m.Activity(
            reference="VT-002",
            name="Gewerbesteuer; Vorauszahlungen, Bescheide",
            department="Kämmerei",
            next_review=TODAY + timedelta(days=10),
        ),
        m.Activity(reference="VT-003", name="Bauanträge", department="Bauamt", last_reviewed=TODAY),
    ]
    org = m.Organisation(name="Gemeinde", activities=acts)
    open_store(db).import_register(m.Register(organisations=[org]))
    return db


def test_cycle_is_shown_set_and_checked(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["--db", db, "review", "cycle", "--org", "Gemeinde"]) == 0
    assert "Prüfzyklus von „Gemeinde“: 12 Monate." in capsys.readouterr().out
    assert main(["--db", db, "review", "cycle", "--org", "Gemeinde", "--months", "24"]) == 0
    assert "24 Monate" in capsys.readouterr().out
    assert main(["--db", db, "review", "cycle", "--org", "Gemeinde", "--months", "0"]) == 1
    assert "zwischen 1 und 120 Monaten" in capsys.readouterr().err
    # with a 24-month cycle the Bürgerbüro's activity (reviewed 400 days ago) is not due
    assert main(["--db", db, "review", "plan", "--org", "Gemeinde"]) == 0
    printed = capsys.readouterr().out
    assert "Bürgerbüro" not in printed and "Kämmerei: 0 überfällig, 1 in 30 Tagen" in printed


def test_plan_per_department_as_workbook_and_calendar(tmp_path, capsys):
    db = _db(tmp_path)
    xlsx, ics = tmp_path / "plan.xlsx", tmp_path / "plan.ics"
    assert main(["--db", db, "review", "plan", "--org", "Gemeinde", "--out", str(xlsx)]) == 0
    printed = capsys.readouterr().out
    assert "Bürgerbüro: 1 überfällig, 0 in 30 Tagen fällig" in printed
    assert "Kämmerei: 0 überfällig, 1 in 30 Tagen fällig" in printed
    assert "Bauamt" not in printed
    ws = openpyxl.load_workbook(xlsx).active
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    overdue = add_months(TODAY - timedelta(days=400), 12)
    assert [(r[0].date(), r[1], r[2], r[3], r[4], r[5]) for r in rows] == [
        (overdue, "überfällig", "Bürgerbüro", "VT-001", "Meldewesen", "Frau Albers, 100"),
        (
            TODAY + timedelta(days=10),
            "in 30 Tagen fällig",
            "Kämmerei",
            "VT-002",
            "Gewerbesteuer; Vorauszahlungen, Bescheide",
            None,
        ),
    ]

    assert main(["--db", db, "review", "plan", "--org", "Gemeinde", "--out", str(ics)]) == 0
    raw = ics.read_bytes()
    assert raw.endswith(b"END:VCALENDAR\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    text = raw.decode("utf-8").replace("\r\n ", "")  # unfolded
    assert text.count("BEGIN:VEVENT") == 2
    due = TODAY + timedelta(days=10)
    assert f"DTSTART;VALUE=DATE:{due:%Y%m%d}" in text
    assert "SUMMARY:Überprüfung: Gewerbesteuer\\; Vorauszahlungen\\, Bescheide" in text

    pdf = tmp_path / "plan.pdf"
    assert main(["--db", db, "review", "plan", "--org", "Gemeinde", "--out", str(pdf)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Prüfplan — Gemeinde" in text and "Meldewesen" in text and "Frau Albers" in text
    assert "Bauanträge" not in text  # not due

    assert main(["--db", db, "review", "plan", "--org", "Gemeinde", "--out", "plan.odt"]) == 1
    assert "als .xlsx, .pdf oder .ics" in capsys.readouterr().err
