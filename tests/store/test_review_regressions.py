"""Behaviour a code review found wanting: concurrency, hostile input, odd paths, moves."""

from __future__ import annotations

import json
import threading
import time

import pytest
from sqlalchemy import select, text

from ropa_desktop.domain import model as m
from ropa_desktop.io.json_register import InputError, dumps, import_json
from ropa_desktop.store.database import open_store, resolve_url
from ropa_desktop.store.models import ActivityRow
from ropa_desktop.store.repository import StoreError
from ropa_desktop.store.transactions import writing


def _org_with_activity() -> tuple[m.Register, m.Organisation, m.Activity]:
    act = m.Activity(name="Wahlen", purposes=[m.Purpose("Wahlvorbereitung", ["art6-1-e"])])
    org = m.Organisation(name="Gemeinde A", activities=[act])
    return m.Register(organisations=[org]), org, act


def test_a_second_writer_waits_for_the_first(db_url):
    alice, bob = open_store(db_url, user="alice"), open_store(db_url, user="bob")
    register, org, act = _org_with_activity()
    alice.import_register(register)
    done = threading.Event()
    with writing(alice.engine) as conn:
        conn.execute(select(ActivityRow.id).where(ActivityRow.uid == act.uid).with_for_update())
        act.purposes[0].text = "Briefwahl"

        def bob_saves() -> None:
            bob.save_activity(org.uid, act)
            done.set()

        worker = threading.Thread(target=bob_saves)
        worker.start()
        time.sleep(0.5)
        assert not done.is_set(), "bob wrote while alice held the write transaction"
    worker.join(timeout=30)
    assert done.is_set()
    assert alice.load_activity(act.uid).purposes[0].text == "Briefwahl"
    assert [(h.user, h.old, h.new) for h in alice.history(act.uid) if h.field] == [
        ("bob", "Wahlvorbereitung", "Briefwahl")]


def test_ddl_and_data_roll_back_together(db_url):
    store = open_store(db_url)
    with pytest.raises(RuntimeError), writing(store.engine) as conn:
        conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
        conn.execute(text("INSERT INTO scratch VALUES (1)"))
        raise RuntimeError("migration step failed")
    with store.engine.connect() as conn:
        tables = store.engine.dialect.get_table_names(conn)
    assert "scratch" not in tables


def test_an_activity_is_not_moved_silently_to_another_organisation(db_url):
    store = open_store(db_url)
    register, _, act = _org_with_activity()
    other = m.Organisation(name="Gemeinde B")
    register.organisations.append(other)
    store.import_register(register)
    with pytest.raises(StoreError, match="anderen Organisation"):
        store.save_activity(other.uid, act)
    assert [a.name for a in store.load_organisation("Gemeinde A").activities] == ["Wahlen"]


def test_dry_run_fails_where_the_real_import_would(db_url, tmp_path):
    store = open_store(db_url)
    store.import_register(m.Register(organisations=[m.Organisation(name="Stadt A")]))
    clash = tmp_path / "clash.json"
    clash.write_text(dumps(m.Register(organisations=[m.Organisation(name="Stadt A")])),
                     encoding="utf-8")
    with pytest.raises(InputError, match="Stadt A"):
        import_json(store, clash, dry_run=True)
    fine = tmp_path / "fine.json"
    fine.write_text(dumps(m.Register(organisations=[m.Organisation(name="Stadt B")])),
                    encoding="utf-8")
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
    doc.write_text(dumps(source.load_register(include_history=True), include_history=True),
                   encoding="utf-8")
    source.engine.dispose()
    target = open_store(tmp_path / "target.sqlite")
    import_json(target, doc)
    after_first = len(target.history())
    import_json(target, doc)
    assert len(target.history()) == after_first
    imported = json.loads(doc.read_text(encoding="utf-8"))["history"]
    assert len([h for h in target.history() if h.field == "name"]) == len(
        [h for h in imported if h["field"] == "name"])


HOSTILE = {
    "huge retention": ({"name": "x", "data_categories": [
        {"name": "d", "retention": {"duration": 10**30}}]}, "must be at most 100000"),
    "year 1 with offset": ({"name": "x", "created": "0001-01-01T00:00:00+01:00"},
                           "is not an ISO timestamp"),
    "year 1900 minus one": ({"name": "x", "next_review": "1899-12-31"},
                            "year must lie between"),
    "year 9999 with offset": ({"name": "x", "changed": "9999-12-31T23:59:59-01:00"},
                              "is not an ISO timestamp"),
    "lone surrogate": ({"name": "A\ud800"}, "unpaired surrogate"),
    "empty processor link": ({"name": "x", "processors": [{"processor": ""}]},
                             "must not be empty"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_documents_are_refused_with_their_json_path(tmp_path, sqlite_url, case):
    activity, expected = HOSTILE[case]
    doc = {"format": "ropa-desktop/register", "version": 1,
           "organisations": [{"name": "Stadt A", "activities": [activity]}]}
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    store = open_store(sqlite_url)
    with pytest.raises(InputError) as info:
        import_json(store, path)
    message = str(info.value)
    assert expected in message and "$.organisations[0].activities[0]" in message
    assert store.is_empty()


@pytest.mark.parametrize("raw", ['{"format": 1' + "0" * 5000 + "}",
                                 '{"format": "a", "format": "b"}'])
def test_odd_json_gives_one_clean_error(tmp_path, sqlite_url, raw):
    path = tmp_path / "odd.json"
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_json(open_store(sqlite_url), path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_uid_shared_by_two_kinds_of_record_is_refused(sqlite_url):
    shared = "same-uid"
    register = m.Register(
        organisations=[m.Organisation(uid=shared, name="Stadt A")],
        processors=[m.Processor(uid=shared, name="Dienstleister")])
    with pytest.raises(StoreError, match="also used"):
        open_store(sqlite_url).import_register(register)


def test_nul_is_refused_by_every_save(db_url):
    store = open_store(db_url)
    register, org, act = _org_with_activity()
    store.import_register(register)
    act.notes = "a\x00b"
    with pytest.raises(StoreError, match="NUL"):
        store.save_activity(org.uid, act)
    with pytest.raises(StoreError, match="NUL"):
        store.save_recipient(m.Recipient(name="Amt\x00"))
    assert store.load_activity(act.uid).notes == ""


def test_file_names_with_question_marks_and_percent_signs(tmp_path):
    for name in ("was?.sqlite", "pct%41.sqlite"):
        store = open_store(tmp_path / name)
        store.import_register(m.Register(organisations=[m.Organisation(name="Stadt A")]))
        assert (tmp_path / name).exists()
        assert resolve_url(tmp_path / name).database == str(tmp_path / name)
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == ["pct%41.sqlite", "was?.sqlite"]


def test_organisations_are_listed_in_the_same_order_on_every_backend(db_url):
    store = open_store(db_url)
    names = ["stadt Zeven", "Ämter-Verbund", "Stadt Aachen", "amt Nord", "Zweckverband"]
    store.import_register(m.Register(organisations=[m.Organisation(name=n) for n in names]))
    assert store.organisation_names() == [
        "amt Nord", "Stadt Aachen", "stadt Zeven", "Zweckverband", "Ämter-Verbund"]
