"""The command line for organisations and catalogues: list, archive, restore, delete, copy."""

from __future__ import annotations

import pytest

from ropa_desktop.cli import main
from ropa_desktop.store.database import open_store

HERNE = "Stadtwerke Herne AG"


@pytest.fixture
def db(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    return sqlite_url


def test_archive_list_and_restore(db, capsys):
    assert main(["--db", db, "organisation", "archive", HERNE]) == 0
    assert "archiviert" in capsys.readouterr().out
    assert main(["--db", db, "summary"]) == 0
    assert HERNE not in capsys.readouterr().out
    assert main(["--db", db, "organisation", "list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(HERNE))
    assert "archiviert am" in line and "Katalogeinträge" in line
    assert (
        main(["--db", db, "export", "--format", "json", "--out", str(db) + ".json", "--org", HERNE])
        == 0
    )
    assert main(["--db", db, "organisation", "restore", HERNE]) == 0
    assert HERNE in [o.name for o in open_store(db).organisations()]


def test_delete_names_what_goes_needs_yes_and_comes_back(db, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--db", db, "organisation", "delete", HERNE]) == 1
    out, err = capsys.readouterr()
    assert "Verarbeitungstätigkeiten" in out and "Katalogeinträgen" in out
    assert "--yes" in err
    assert HERNE in open_store(db).organisation_names()
    assert main(["--db", db, "organisation", "delete", HERNE, "--yes"]) == 0
    assert HERNE not in open_store(db).organisation_names()
    capsys.readouterr()
    assert main(["--db", db, "organisation", "restore", HERNE]) == 0
    assert open_store(db).load_register(HERNE).processors
    assert main(["--db", db, "organisation", "delete", "Gibt es nicht", "--yes"]) == 1
    assert "Gibt es nicht" in capsys.readouterr().err


def test_delete_asks_on_a_terminal(db, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["--db", db, "organisation", "delete", HERNE]) == 1
    assert "Nichts gelöscht" in capsys.readouterr().out
    monkeypatch.setattr("builtins.input", lambda prompt: "j")
    assert main(["--db", db, "organisation", "delete", HERNE]) == 0
    assert HERNE not in open_store(db).organisation_names()


def test_catalogue_copy_by_name_without_notes(db, capsys):
    assert (
        main(
            [
                "--db",
                db,
                "catalogue",
                "copy",
                "--from",
                HERNE,
                "--to",
                "Stadt Ahaus",
                "microsoft corporation",
            ]
        )
        == 0
    )
    assert "Microsoft Corporation" in capsys.readouterr().out
    store = open_store(db)
    herne = next(p for p in store.catalogue(HERNE).processors if p.name.startswith("Micro"))
    copy = next(p for p in store.catalogue("Stadt Ahaus").processors if p.name.startswith("Micro"))
    assert herne.notes and copy.notes == "" and copy.uid != herne.uid
    assert (
        main(
            [
                "--db",
                db,
                "catalogue",
                "copy",
                "--from",
                HERNE,
                "--to",
                "Stadt Ahaus",
                "Gibt es nicht",
            ]
        )
        == 1
    )
    assert "Gibt es nicht" in capsys.readouterr().err
    assert (
        main(["--db", db, "catalogue", "copy", "--from", HERNE, "--to", "Komm.ONE", "--with-notes"])
        == 0
    )
    assert [p.notes for p in open_store(db).catalogue("Komm.ONE").processors] == [herne.notes]
