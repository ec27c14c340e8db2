"""LibreOffice opens the questionnaire with working drop-downs, and a questionnaire saved
by LibreOffice (as xlsx or as ods) comes back intact."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from survey_helpers import ORG, open_book, register, row_of, table_row

from ropa_desktop.domain import model as m
from ropa_desktop.io.survey.review import State, build_review
from ropa_desktop.io.survey.sending import send_questionnaires
from ropa_desktop.store.database import open_store

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _q(attr: str) -> str:
    prefix, name = attr.split(":")
    return f"{{{NS[prefix]}}}{name}"


def _soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.fail(
            "LibreOffice (soffice) not found: install the Debian package "
            "libreoffice-calc-nogui (the CI install must include it)"
        )
    return path


def _convert(source: Path, to: str, out: Path, profile: Path) -> Path:
    try:
        result = subprocess.run(
            [
                _soffice(),
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
    produced = list(out.iterdir()) if out.exists() else []
    assert result.returncode == 0 and produced, result.stdout + result.stderr
    return produced[0]


def _grid(table: ElementTree.Element) -> dict[tuple[int, int], tuple[str, str | None]]:
    """(row, col) 1-based → (text, validation name) of the cells of a flat-ODF table."""
    grid: dict[tuple[int, int], tuple[str, str | None]] = {}
    row = 0
    for tr in table.iter(_q("table:table-row")):
        repeat_rows = min(int(tr.get(_q("table:number-rows-repeated"), "1")), 200)
        for _ in range(repeat_rows):
            row += 1
            col = 0
            for cell in tr:
                if cell.tag not in (_q("table:table-cell"), _q("table:covered-table-cell")):
                    continue
                repeat = min(int(cell.get(_q("table:number-columns-repeated"), "1")), 30)
                text = "\n".join("".join(p.itertext()) for p in cell.findall("text:p", NS))
                name = cell.get(_q("table:content-validation-name"))
                for _ in range(repeat):
                    col += 1
                    grid[row, col] = (text, name)
    return grid


@pytest.fixture
def questionnaire(tmp_path):
    store = open_store(tmp_path / "r.sqlite")
    store.import_register(register())
    owner = store.load_organisation(ORG).uid
    store.save_processor(m.Processor(owner=owner, name="KDN Rechenzentrum"))
    (sent,) = send_questionnaires(
        store, ORG, tmp_path / "out", ["Bürgerbüro"], sent=date(2026, 12, 5)
    )
    return store, sent.path


@pytest.mark.integration
def test_libreoffice_shows_the_drop_down_lists(questionnaire, tmp_path):
    _store, path = questionnaire
    fods = _convert(path, "fods", tmp_path / "fods", tmp_path / "profile")
    tree = ElementTree.parse(fods)
    tables = {t.get(_q("table:name")): t for t in tree.iter(_q("table:table"))}
    assert all(t.get(_q("table:protected")) == "true" for t in tables.values())
    lists = _grid(tables["Listen"])
    conditions = {
        v.get(_q("table:name")): v.get(_q("table:condition"))
        for v in tree.iter(_q("table:content-validation"))
    }

    def choices(sheet: str, row: int, col: int) -> list[str]:
        _text, name = _grid(tables[sheet])[row, col]
        assert name is not None, (sheet, row, col)
        found = re.fullmatch(
            r"of:cell-content-is-in-list\(\[\$Listen\.\$([A-Z])\$1:\.\$\1\$(\d+)\]\)",
            conditions[name] or "",
        )
        assert found, conditions[name]
        col_list = ord(found.group(1)) - 64
        return [lists[r, col_list][0] for r in range(1, int(found.group(2)) + 1)]

    book = open_book(path)
    sheet = "VT-001 Meldewesen"
    ws = book[sheet]
    assert choices(sheet, row_of(ws, "Angaben geprüft und vollständig"), 2) == ["ja", "nein"]
    purpose = table_row(ws, "Zwecke der Verarbeitung", 0)
    bases = choices(sheet, purpose, 2)
    assert bases == choices(sheet, purpose, 4)
    assert any(b.startswith("Art. 6 Abs. 1 lit. e DSGVO") for b in bases)
    assert any(b.startswith("Art. 9 Abs. 2 lit. b DSGVO") for b in bases)
    category = table_row(ws, "Kategorien personenbezogener Daten", 0)
    assert choices(sheet, category, 5) == ["Stunden", "Tage", "Wochen", "Monate", "Jahre"]
    assert choices(sheet, category, 2) == [
        "keine",
        "besondere Kategorie (Art. 9 DSGVO)",
        "Straftaten (Art. 10 DSGVO)",
    ]
    subjects = table_row(ws, "Kategorien betroffener Personen", 0)
    assert choices(sheet, subjects, 1) == ["Einwohner", "Gewerbetreibende"]
    processors = table_row(ws, "Auftragsverarbeiter", 0)
    assert choices(sheet, processors, 1) == ["KDN Rechenzentrum"]
    transfer = table_row(ws, "Drittlandübermittlungen und Garantien", 0)
    countries = choices(sheet, transfer, 1)
    assert {"Vereinigte Staaten", "Schweiz", "Indien"} <= set(countries)
    assert choices(sheet, transfer, 3)[0] == "Angemessenheitsbeschluss der EU-Kommission"
    number = _grid(tables[sheet])[category, 4][1]
    assert "cell-content-is-whole-number()" in (conditions[number] or "")
    # the blank sheet for a new activity has the same lists
    assert choices("Neu 1", row_of(book["Neu 1"], "Angaben geprüft und vollständig"), 2) == [
        "ja",
        "nein",
    ]


@pytest.mark.integration
@pytest.mark.parametrize("target", ["xlsx:Calc MS Excel 2007 XML", "ods"])
def test_a_questionnaire_saved_by_libreoffice_comes_back(questionnaire, tmp_path, target):
    store, path = questionnaire
    book = open_book(path)
    ws = book["VT-001 Meldewesen"]
    ws.cell(row_of(ws, "Ansprechpartner/in (Telefon)"), 2).value = "02561 999"
    ws.cell(table_row(ws, "Auftragsverarbeiter", 0), 1).value = "KDN Rechenzentrum"
    book.save(path)
    saved = _convert(path, target, tmp_path / "saved", tmp_path / "profile")
    review = build_review(store, saved)
    assert review.problems == []
    melde = review.activities[0]
    assert melde.item("contact_phone").state is State.DEPARTMENT
    assert melde.item("contact_phone").answer == "02561 999"
    changed = [i.key for i in melde.items if i.state is not State.UNCHANGED]
    assert changed == ["contact_phone", "processors"]
    (kdn,) = store.catalogue(ORG).processors
    assert melde.item("processors").answer == [[kdn.uid, ""]]  # the known name links it
