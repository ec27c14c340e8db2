"""Importing register documents into the store: dry runs, history imported twice, hostile
and odd documents."""

from __future__ import annotations

import json

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.io.json_register import InputError, dumps, import_json
from ropa_desktop.store.database import open_store


def _org_with_activity() -> tuple[m.Register, m.Organisation, m.Activity]:
    act = m.Activity(name="Wahlen", purposes=[m.Purpose("Wahlvorbereitung", ["art6-1-e"])])
    org = m.Organisation(name="Gemeinde A", activities=[act])
    return m.Register(organisations=[org]), org, act


def test_dry_run_fails_where_the_real_import_would(db_url, tmp_path):
    store = open_store(db_url)
    store.import_register(m.Register(organisations=[m.Organisation(name="Stadt A")]))
    clash = tmp_path / "clash.json"
    clash.write_text(
        dumps(m.Register(organisations=[m.Organisation(name="Stadt A")])), encoding="utf-8"
    )
    with pytest.raises(InputError, match="Stadt A"):
        import_json(store, clash, dry_run=True)
    fine = tmp_path / "fine.json"
    fine.write_text(
        dumps(m.Register(organisations=[m.Organisation(name="Stadt B")])), encoding="utf-8"
    )
    _, result = import_json(store, fine, dry_run=True)
    assert result.created == 1
    assert store.organisation_names() == ["Stadt A"]


def test_importing_a_document_with_history_twice_adds_the_history_once(db_url, tmp_path):
    source = open_store(db_url)
    register, org, act = _org_with_activity()
    source.import_register(register)
    act.name = "Wahlen und Abstimmungen"
    source.save_activity(org.uid, act)
    doc = tmp_path / "with-history.json"
    doc.write_text(
        dumps(source.load_register(include_history=True), include_history=True), encoding="utf-8"
    )
    source.engine.dispose()
    target = open_store(tmp_path / "target.sqlite")
    import_json(target, doc)
    after_first = len(target.history())
    import_json(target, doc)
    assert len(target.history()) == after_first
    imported = json.loads(doc.read_text(encoding="utf-8"))["history"]
    assert len([h for h in target.history() if h.field == "name"]) == len(
        [h for h in imported if h["field"] == "name"]
    )


HOSTILE = {
    "huge retention": (
        {"name": "x", "data_categories": [{"name": "d", "retention": {"duration": 10**30}}]},
        "must be at most 100000",
    ),
    "year 1 with offset": (
        {"name": "x", "created": "0001-01-01T00:00:00+01:00"},
        "is not an ISO timestamp",
    ),
    "year 1900 minus one": ({"name": "x", "next_review": "1899-12-31"}, "year must lie between"),
    "year 9999 with offset": (
        {"name": "x", "changed": "9999-12-31T23:59:59-01:00"},
        "is not an ISO timestamp",
    ),
    "lone surrogate": ({"name": "A\ud800"}, "unpaired surrogate"),
    "empty processor link": ({"name": "x", "processors": [{"processor": ""}]}, "must not be empty"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_documents_are_refused_with_their_json_path(tmp_path, sqlite_url, case):
    activity, expected = HOSTILE[case]
    doc = {
        "format": "ropa-desktop/register",
        "version": 1,
        "organisations": [
            {"uid": "o1", "name": "Stadt A", "activities": [{"uid": "a1", **activity}]}
        ],
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    store = open_store(sqlite_url)
    with pytest.raises(InputError) as info:
        import_json(store, path)
    message = str(info.value)
    assert expected in message and "$.organisations[0].activities[0]" in message
    assert store.is_empty()


@pytest.mark.parametrize(
    "raw", ['{"format": 1' + "0" * 5000 + "}", '{"format": "a", "format": "b"}']
)
def test_odd_json_gives_one_clean_error(tmp_path, sqlite_url, raw):
    path = tmp_path / "odd.json"
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_json(open_store(sqlite_url), path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
