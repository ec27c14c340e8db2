"""``survey out`` and ``survey in`` on the command line."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "io" / "survey"))

import openpyxl
from survey_helpers import ORG, open_book, register, set_answer

from ropa_desktop.cli import main
from ropa_desktop.store.database import open_store


def _sent(tmp_path: Path, capsys) -> tuple[str, Path]:
    db = str(tmp_path / "r.sqlite")
    open_store(db).import_register(register())
    out = tmp_path / "out"
    assert main(["--db", db, "survey", "out", "--org", ORG, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Bürgerbüro: 2 Verarbeitungstätigkeiten" in printed
    assert "Kämmerei: 1 Verarbeitungstätigkeiten" in printed
    path = out / f"Fragebogen {ORG} - Bürgerbüro.xlsx"
    wb = open_book(path)
    set_answer(wb["VT-001 Meldewesen"], "Ansprechpartner/in (Telefon)", "02561 222")
    set_answer(wb["Neu 1"], "Bezeichnung der Verarbeitungstätigkeit", "Fundsachen")
    wb.save(path)
    return db, path


def _names(db: str) -> dict[str, str]:
    return {a.name: a.contact.phone for a in open_store(db).load_organisation(ORG).activities}


def test_survey_in_shows_then_takes_over(tmp_path, capsys):
    db, path = _sent(tmp_path, capsys)
    assert main(["--db", db, "survey", "in", str(path)]) == 0
    printed = capsys.readouterr().out
    assert "Ansprechpartner/in (Telefon): vom Fachbereich geändert" in printed
    assert "versandt: 02561 100" in printed and "Antwort: 02561 222" in printed
    assert "• Fundsachen (neu vorgeschlagen)" in printed
    assert "Nichts geschrieben." in printed
    assert main(["--db", db, "survey", "in", str(path), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "3 Tätigkeiten würden als geprüft vermerkt, davon 1 geändert und 1 neu angelegt" in (
        printed
    )
    assert _names(db)["Meldewesen"] == "02561 100" and "Fundsachen" not in _names(db)

    assert main(["--db", db, "survey", "in", str(path), "--accept-all"]) == 0
    printed = capsys.readouterr().out
    assert "3 Tätigkeiten als geprüft vermerkt, davon 1 geändert und 1 neu angelegt" in printed
    assert _names(db)["Meldewesen"] == "02561 222" and "Fundsachen" in _names(db)
    batch = printed.split("(Vorgang ")[1].split(";")[0]
    assert main(["--db", db, "undo", batch]) == 0
    assert _names(db)["Meldewesen"] == "02561 100" and "Fundsachen" not in _names(db)


def test_foreign_or_broken_workbooks_fail_with_one_line(tmp_path, capsys):
    db, path = _sent(tmp_path, capsys)
    other = str(tmp_path / "other.sqlite")
    open_store(other).import_register(open_store(db).load_register())
    assert main(["--db", other, "survey", "in", str(path), "--accept-all"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ropa-desktop: ") and "aus einer anderen Datenbank" in err
    assert len(err.strip().splitlines()) == 1
    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Name"
    wb.save(plain)
    assert main(["--db", db, "survey", "in", str(plain)]) == 1
    assert "ist kein Fragebogen von ropa-desktop" in capsys.readouterr().err


def test_survey_in_names_a_proposed_recipient_and_creates_it_on_accept_all(tmp_path, capsys):
    db, path = _sent(tmp_path, capsys)
    wb = open_book(path)
    ws = wb["VT-001 Meldewesen"]
    first = next(
        r
        for r in range(1, ws.max_row + 1)
        if ws.cell(r, 1).value == "Empfänger extern (Empfängerkategorie)"
    )
    ws.cell(first + 3, 1).value = "Deutsche Rentenversicherung"
    wb.save(path)
    assert main(["--db", db, "survey", "in", str(path)]) == 0
    printed = capsys.readouterr().out
    assert "Antwort: Deutsche Rentenversicherung (neu, nicht im Katalog)" in printed
    assert "„Deutsche Rentenversicherung“ steht nicht im Katalog" in printed
    assert open_store(db).catalogue(ORG).recipients == []
    assert main(["--db", db, "survey", "in", str(path), "--accept-all"]) == 0
    printed = capsys.readouterr().out
    assert "Neu im Katalog der Organisation: 1 Empfänger bzw. Auftragsverarbeiter." in printed
    store = open_store(db)
    (added,) = store.catalogue(ORG).recipients
    assert added.name == "Deutsche Rentenversicherung"
    melde = next(a for a in store.load_organisation(ORG).activities if a.name == "Meldewesen")
    assert melde.recipients == [added.uid]
    batch = printed.split("(Vorgang ")[1].split(";")[0]
    assert main(["--db", db, "undo", batch]) == 0
    store = open_store(db)
    assert store.catalogue(ORG).recipients == []
    melde = next(a for a in store.load_organisation(ORG).activities if a.name == "Meldewesen")
    assert melde.recipients == []
