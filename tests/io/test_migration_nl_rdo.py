"""Migration from the Dutch government's data-processing register (issue 14).

The files are written here in the shape the tool reads and writes (see
docs/import-sources.md: src/cms/app/Import/Factories/…, src/cms/config/import.php):
a JSON list of records, UTF-8 with a BOM, or a zip with a folder per record kind.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from ropa_desktop.cli import main
from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store

RECORDS = [
    {
        "Id": "5f1c",
        "Nummer": "AVG-0007",
        "Naam": "Salarisadministratie",
        "Status": "Vastgesteld",
        "Versie": 3,
        "AanmaakDatum": "2023-02-01T09:30:00",
        "LaatsteWijzigDatum": "2024-11-20T14:05:10.000",
        "Dienst": "P-Direkt",
        "Doelen": [
            {
                "Id": "d1",
                "Doel": "Uitbetalen van salarissen",
                "Rechtsgrond": "Art. 6 lid 1 sub b AVG",
            }
        ],
        "Betrokkenen": [
            {
                "Id": "b1",
                "Omschrijving": "Medewerkers",
                "Gezondheid": "Ja",
                "Strafrechtelijk": "Nee",
                "Gegevens": [
                    {
                        "Id": "g1",
                        "Omschrijving": "Bankrekeningnummer",
                        "Bewaartermijn": "7 jaar na uitdiensttreding",
                        "BronOmschrijving": "Betrokkene",
                    }
                ],
            }
        ],
        "Ontvangers": [{"Id": "o1", "Omschrijving": "Belastingdienst"}],
        "Verwerkers": [{"Id": "v1", "Naam": "Shared Service Centrum", "Email": "ssc@example.nl"}],
        "Contactpersonen": [{"Id": "c1", "Naam": "J. de Vries", "Functie": "FG"}],
        "Beveiliging": {"Encryptie": "Ja", "Toegang": "Rolgebaseerd"},
        "Doorgifte": {"BuitenEu": "Nee", "BuitenEuOmschrijving": ""},
        "Systemen": [{"Omschrijving": "SAP HR"}],
        "Opmerkingen": [{"Tekst": "Jaarlijks herzien", "Datum": "2024-01-15"}],
    },
    {
        "Id": "x9",
        "Nummer": "AVG-0001",
        "Naam": "Oud register",
        "Status": "Vervallen",
        "Doelen": [],
        "Betrokkenen": [],
    },
]


def _bom_json(path: Path, doc: object) -> Path:
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    return path


def _check(db: Path) -> m.Activity:
    store = open_store(db)
    back = store.load_register("Ministerie X")
    acts = back.organisations[0].activities
    assert [a.name for a in acts] == ["Salarisadministratie"]  # "Vervallen" is skipped
    act = acts[0]
    assert act.reference == "AVG-0007"
    assert act.purposes[0].text == "Uitbetalen van salarissen"
    assert act.purposes[0].legal_bases  # the Rechtsgrond is kept, parsed or as written
    assert act.data_subjects == ["Medewerkers"]
    cats = {c.name: c for c in act.data_categories}
    assert cats["Bankrekeningnummer"].retention.text == "7 jaar na uitdiensttreding"
    assert cats["Bankrekeningnummer"].source == "Betrokkene"
    assert cats["Gezondheid"].special == m.SpecialCategory.ART9
    assert "Strafrechtelijk" not in cats
    assert [r.name for r in back.recipients] == ["Belastingdienst"]
    assert [(p.name, p.email) for p in back.processors] == [
        ("Shared Service Centrum", "ssc@example.nl")
    ]
    assert act.contact.name == "J. de Vries – FG"
    assert "Beveiliging.Toegang: Rolgebaseerd" in act.tom_description
    for kept in (
        "Dienst: P-Direkt",
        "Systemen.Omschrijving: SAP HR",
        "Opmerkingen.Tekst: Jaarlijks herzien",
        "Doorgifte.BuitenEu: Nee",
        "Status: Vastgesteld",
    ):
        assert kept in act.notes
    return act


def test_json_export_with_bom_is_migrated(tmp_path, capsys):
    path = _bom_json(tmp_path / "verwerkingen.json", RECORDS)
    db = tmp_path / "register.sqlite"
    assert main(["--db", str(db), "import", str(path), "--org", "Ministerie X"]) == 0
    out = capsys.readouterr().out
    assert "„Dienst“ hat kein eigenes Feld" in out and "Vervallen" in out
    _check(db)


def test_zip_of_json_files_is_migrated_and_other_kinds_are_reported(tmp_path, capsys):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "AVG Verantwoordelijke Verwerkingen/verwerkingen.json",
            b"\xef\xbb\xbf" + json.dumps(RECORDS).encode("utf-8"),
        )
        archive.writestr("WPG Verantwoordelijke Verwerkingen/wpg.json", b"[]")
    db = tmp_path / "register.sqlite"
    assert main(["--db", str(db), "import", str(path), "--org", "Ministerie X"]) == 0
    assert "WPG Verantwoordelijke Verwerkingen/wpg.json" in capsys.readouterr().out
    _check(db)


def test_migration_needs_the_organisation_and_a_dry_run_writes_nothing(tmp_path, capsys):
    path = _bom_json(tmp_path / "verwerkingen.json", RECORDS)
    db = tmp_path / "register.sqlite"
    assert main(["--db", str(db), "import", str(path)]) == 1
    assert "--org" in capsys.readouterr().err
    assert main(["--db", str(db), "import", str(path), "--org", "Ministerie X", "--dry-run"]) == 0
    assert open_store(db).organisations() == []
