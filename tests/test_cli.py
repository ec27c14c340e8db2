"""The command-line contract: outputs, exit codes, one-line errors, untouched databases."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from ropa_desktop.cli import main
from ropa_desktop.domain import i18n
from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store


@pytest.fixture(autouse=True)
def _german():
    yield
    i18n.set_language("de")


def _seed(db: str) -> m.Register:
    processor = m.Processor(name="mediaBEAM GmbH", city="Ahaus", country="DE")
    org = m.Organisation(
        name="Stadt Ahaus",
        activities=[
            m.Activity(
                reference="VT-1",
                name="Webmail-Portal",
                purposes=[m.Purpose("Bereitstellung von Postfächern", ["art6-1-b"])],
                data_subjects=["Nutzer"],
                data_categories=[m.DataCategory("Bestandsdaten")],
                processors=[m.ProcessorLink(processor.uid, "Betrieb")],
            )
        ],
    )
    register = m.Register(organisations=[org], processors=[processor])
    open_store(db).import_register(register)
    return register


def test_json_export_import_export_is_identical(tmp_path, capsys):
    first, second = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    _seed(first)
    out1, out2 = tmp_path / "1.json", tmp_path / "2.json"
    assert main(["--db", first, "export", "--format", "json", "--out", str(out1)]) == 0
    assert main(["--db", second, "import", str(out1)]) == 0
    assert main(["--db", second, "export", "--format", "json", "--out", str(out2)]) == 0
    assert out1.read_bytes() == out2.read_bytes()
    assert "importiert: 3 neu, 0 geändert" in capsys.readouterr().out  # org, processor, activity


def test_invalid_import_fails_with_one_line_and_changes_nothing(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite")
    _seed(db)
    before = tmp_path / "before.json"
    main(["--db", db, "export", "--format", "json", "--out", str(before), "--history"])
    bad = tmp_path / "bad.json"
    doc = json.loads(before.read_text(encoding="utf-8"))
    doc["organisations"][0]["activities"][0]["status"] = "fertig"
    doc["organisations"].append({"uid": "neu", "name": "Gemeinde Neu"})
    bad.write_text(json.dumps(doc), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", db, "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(bad) in err and "$.organisations[0].activities[0].status" in err
    after = tmp_path / "after.json"
    main(["--db", db, "export", "--format", "json", "--out", str(after), "--history"])
    assert after.read_bytes() == before.read_bytes()


def test_dry_run_validates_without_writing(tmp_path, capsys):
    source, target = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    _seed(source)
    doc = tmp_path / "r.json"
    main(["--db", source, "export", "--format", "json", "--out", str(doc)])
    capsys.readouterr()
    assert main(["--db", target, "import", str(doc), "--dry-run"]) == 0
    assert "Probelauf" in capsys.readouterr().out
    assert open_store(target).is_empty()


def test_export_of_one_organisation_carries_only_its_catalogue(tmp_path):
    db = str(tmp_path / "r.sqlite")
    _seed(db)
    open_store(db).import_register(
        m.Register(
            organisations=[m.Organisation(name="Gemeinde B")],
            processors=[m.Processor(name="Fremder Dienstleister")],
        )
    )
    out = tmp_path / "ahaus.json"
    assert (
        main(["--db", db, "export", "--format", "json", "--out", str(out), "--org", "Stadt Ahaus"])
        == 0
    )
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [o["name"] for o in doc["organisations"]] == ["Stadt Ahaus"]
    assert [p["name"] for p in doc["processors"]] == ["mediaBEAM GmbH"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["export", "--format", "json", "--out", "{tmp}/x.json", "--org", "Nirgendwo"],
            "Organisation „Nirgendwo“ gibt es in dieser Datenbank nicht.",
        ),
        (
            ["export", "--format", "json", "--out", "{tmp}/no/such/dir/x.json"],
            "kann nicht geschrieben werden",
        ),
        (["import", "{tmp}/missing.json"], "Datei nicht gefunden"),
        (["import", "{tmp}/liste.docx"], "wird nicht unterstützt"),
    ],
)
def test_failures_exit_1_with_one_line(tmp_path, capsys, args, message):
    db = str(tmp_path / "r.sqlite")
    _seed(db)
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["--db", db, *args]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.startswith("ropa-desktop: ") and err.count("\n") == 1


def test_english_on_request(tmp_path, capsys):
    assert (
        main(
            [
                "--lang",
                "en",
                "--db",
                str(tmp_path / "r.sqlite"),
                "import",
                str(tmp_path / "missing.json"),
            ]
        )
        == 1
    )
    assert "file not found" in capsys.readouterr().err


def test_json_import_refuses_spreadsheet_options(tmp_path, capsys):
    source = str(tmp_path / "a.sqlite")
    _seed(source)
    doc = tmp_path / "r.json"
    main(["--db", source, "export", "--format", "json", "--out", str(doc)])
    capsys.readouterr()
    target = str(tmp_path / "b.sqlite")
    assert main(["--db", target, "import", str(doc), "--org", "Stadt Ahaus"]) == 1
    assert "--org gilt nur für den Import von Tabellen" in capsys.readouterr().err
    assert open_store(target).is_empty()


def test_internal_errors_print_one_line_without_data(tmp_path, capsys, monkeypatch):
    from ropa_desktop.store import repository

    def broken(*args, **kwargs):
        raise RuntimeError("first line\nSQL: INSERT … parameters: ('Max Mustermann',)")

    open_store(tmp_path / "r.sqlite")
    monkeypatch.setattr(repository.Store, "organisations", broken)
    assert main(["--db", str(tmp_path / "r.sqlite"), "summary"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "first line" in err and "Mustermann" not in err


def test_unopenable_database_is_one_line(tmp_path, capsys):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"\x00garbage" * 64)
    assert main(["--db", str(broken), "summary"]) == 1
    err = capsys.readouterr().err
    assert str(broken) in err and err.count("\n") == 1
    assert broken.read_bytes() == b"\x00garbage" * 64


def test_console_script_is_installed(tmp_path):
    exe = shutil.which("ropa-desktop", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe is not None
    open_store(tmp_path / "r.sqlite")
    done = subprocess.run(
        [exe, "--db", str(tmp_path / "r.sqlite"), "--lang", "en", "summary"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "0 organisations" in done.stdout


def test_check_on_the_demo_lists_the_real_gaps_of_the_seed_notices(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "check", "--json"]) == 1  # errors exist, so exit 1
    findings = json.loads(capsys.readouterr().out)
    assert all(
        set(f) == {"severity", "code", "organisation", "activity", "message", "field"}
        for f in findings
    )
    by_code = {}
    for f in findings:
        by_code.setdefault(f["code"], []).append(f)
    # Stadt Ahaus is a public authority and bases cookies on legitimate interests.
    assert {f["organisation"] for f in by_code["public-body-legitimate-interest"]} == {
        "Stadt Ahaus"
    }
    # Google Analytics (Bochum) and reCAPTCHA (Ahaus) send data to the USA, no mechanism given.
    assert {f["organisation"] for f in by_code["transfer-no-mechanism"]} == {
        "Stadtwerke Bochum GmbH",
        "Stadt Ahaus",
    }
    # Herne rests employee data on § 26 BDSG alone.
    assert by_code["contested-national-basis"][0]["organisation"] == "Stadtwerke Herne AG"
    # The notices hardly describe technical and organisational measures.
    assert len(by_code["activity-no-tom"]) >= 3
    assert all(f["severity"] == "error" for f in by_code["purpose-no-legal-basis"])
    # The same check in English.
    assert main(["--lang", "en", "--db", db, "check", "--org", "Stadt Ahaus"]) == 1
    out = capsys.readouterr().out
    assert "Stadt Ahaus" in out and "errors" in out and "Stadtwerke" not in out
