"""The JSON interchange format: schema, clear refusals, atomic writes."""

from __future__ import annotations

import json
import os

import jsonschema
import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.domain.schema import register_schema
from ropa_desktop.io.json_register import (
    SCHEMA_PATH,
    InputError,
    dumps,
    export_json,
    read_register,
)
from ropa_desktop.store.database import open_store


def test_shipped_schema_is_the_one_the_model_defines():
    shipped = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert shipped == register_schema(), "regenerate schemas/register.schema.json"
    jsonschema.Draft202012Validator.check_schema(shipped)


def test_exported_document_validates_against_the_schema(tmp_path):
    org = m.Organisation(
        name="Stadt Ahaus",
        activities=[
            m.Activity(
                name="Webmail",
                purposes=[m.Purpose("Postfach", ["art6-1-b"])],
                data_categories=[
                    m.DataCategory(
                        "Bestandsdaten",
                        retention=m.Retention(6, m.RetentionUnit.MONTHS, "Vertragsende"),
                    )
                ],
            )
        ],
    )
    doc = json.loads(dumps(m.Register(organisations=[org])))
    jsonschema.validate(doc, register_schema())
    assert doc["organisations"][0]["activities"][0]["data_categories"][0]["retention"] == {
        "duration": 6,
        "unit": "months",
        "start": "Vertragsende",
        "text": "",
    }


def _write(tmp_path, doc, name="in.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return path


BASE = {"format": "ropa-desktop/register", "version": 1}


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            {**BASE, "organisations": [{"uid": "o1", "name": "A", "kind": "gemeinde"}]},
            '$.organisations[0].kind: "gemeinde" is not one of',
        ),
        (
            {
                **BASE,
                "organisations": [
                    {
                        "uid": "o1",
                        "name": "A",
                        "activities": [{"uid": "a1", "name": "x", "next_review": "31.12.2026"}],
                    }
                ],
            },
            '$.organisations[0].activities[0].next_review: "31.12.2026" has the wrong form',
        ),
        (
            {
                **BASE,
                "organisations": [
                    {
                        "uid": "o1",
                        "name": "A",
                        "activities": [{"uid": "a1", "name": "x", "next_review": "2026-02-30"}],
                    }
                ],
            },
            "$.organisations[0].activities[0].next_review: '2026-02-30' is not an ISO date",
        ),
        (
            {
                **BASE,
                "organisations": [
                    {
                        "uid": "o1",
                        "name": "A",
                        "activities": [
                            {"uid": "a1", "name": "x", "processors": [{"processor": "nope"}]}
                        ],
                    }
                ],
            },
            "$.organisations[0].activities[0].processors[0].processor: unknown processor 'nope'",
        ),
        (
            {**BASE, "organisations": [{"uid": "o1", "name": "A", "colour": "red"}]},
            "$.organisations[0]: unknown field colour",
        ),
        (
            {**BASE, "organisations": [{"uid": "o1", "kind": "private"}]},
            "$.organisations[0]: name is a required property",
        ),
        (
            {"format": "something-else", "version": 1, "organisations": []},
            "kein Verzeichnis im Format von ropa-desktop",
        ),
        ({**BASE, "version": 7, "organisations": []}, "$.version: 7 is not one of 1, 2"),
    ],
)
def test_invalid_documents_name_the_json_path(tmp_path, doc, expected):
    path = _write(tmp_path, doc)
    with pytest.raises(InputError) as info:
        read_register(path)
    assert str(info.value) == f"{path}: {expected}" or expected in str(info.value)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_broken_json_names_line_and_column(tmp_path):
    path = _write(tmp_path, '{"format": "ropa-desktop/register",\n  "version": 1,,}')
    with pytest.raises(InputError, match=r"Zeile 2, Spalte 16"):
        read_register(path)


def test_deeply_nested_json_is_refused_cleanly(tmp_path):
    path = _write(tmp_path, "[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError):
        read_register(path)


def test_non_utf8_file_is_refused(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"name": "Gütersloh"}'.encode("cp1252"))
    with pytest.raises(InputError, match="UTF-8"):
        read_register(path)


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    from ropa_desktop.io import json_register

    monkeypatch.setattr(json_register, "MAX_JSON_BYTES", 1000)
    path = _write(tmp_path, {**BASE, "organisations": [{"name": "x" * 2000}]})
    with pytest.raises(InputError, match="zu groß"):
        read_register(path)


def test_english_messages(tmp_path):
    from ropa_desktop.domain import i18n

    i18n.set_language("en")
    try:
        with pytest.raises(InputError, match="file not found"):
            read_register(tmp_path / "missing.json")
    finally:
        i18n.set_language("de")


def test_failed_export_leaves_no_file_and_keeps_the_old_one(tmp_path, sqlite_url):
    store = open_store(sqlite_url)
    store.import_register(m.Register(organisations=[m.Organisation(name="Stadt A")]))
    target = tmp_path / "register.json"
    target.write_text("previous export", encoding="utf-8")

    class Boom:
        def step(self, done, total, message=""):
            if message == "written":
                raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        export_json(store, target, progress=Boom())
    assert target.read_text(encoding="utf-8") == "previous export"
    assert [n for n in os.listdir(tmp_path) if "register.json" in n] == ["register.json"]


@pytest.mark.parametrize(
    ("drop", "path"),
    [
        (lambda doc: doc.pop("organisations"), "$"),
        (lambda doc: doc["organisations"][0].pop("uid"), "$.organisations[0]"),
        (
            lambda doc: doc["organisations"][0]["activities"][0].pop("uid"),
            "$.organisations[0].activities[0]",
        ),
    ],
)
def test_a_document_without_the_uids_the_import_matches_by_is_refused(tmp_path, drop, path):
    from ropa_desktop.io.json_register import import_json

    org = m.Organisation(name="Stadt Ahaus", activities=[m.Activity(name="Webmail")])
    doc = json.loads(dumps(m.Register(organisations=[org])))
    drop(doc)
    file = tmp_path / "ohne-uid.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    store = open_store(tmp_path / "r.sqlite")
    with pytest.raises(InputError) as info:
        import_json(store, file)
    assert f"{path}:" in str(info.value) and "required" in str(info.value)
    assert store.is_empty()


@pytest.mark.parametrize(
    ("doc", "de", "en"),
    [
        (
            {"format": "ropa-desktop/import-mapping", "version": 1, "name": "x", "columns": {}},
            "Zuordnungsprofil",
            "mapping profile",
        ),
        (
            [
                {
                    "Id": "1",
                    "Nummer": "V-1",
                    "Naam": "Salarisadministratie",
                    "Doelen": [],
                    "Betrokkenen": [],
                    "Verwerkers": [],
                    "Status": "Vastgesteld",
                }
            ],
            "niederländischen Verarbeitungsregisters",
            "Dutch data-processing register",
        ),
        ({"title": "Something else"}, "kein Verzeichnis", "not a register"),
    ],
)
def test_foreign_json_is_refused_in_the_users_language(tmp_path, doc, de, en):
    """Issue 14, item 12: no raw validator text, no quote of the file; the format named."""
    from ropa_desktop.domain import i18n

    path = tmp_path / "foreign.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode("utf-8"))  # with a BOM
    with pytest.raises(InputError) as info:
        read_register(path)
    assert de in info.value.message("de") and en in info.value.message("en")
    assert "is a required property" not in info.value.message("de")
    assert "Salarisadministratie" not in info.value.message("de")
    assert i18n.language() == "de"
