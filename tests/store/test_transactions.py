"""Write transactions: one writer at a time, and schema changes roll back with the data."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select, text

from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store
from ropa_desktop.store.models import ActivityRow
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
        ("bob", "Wahlvorbereitung", "Briefwahl")
    ]


def test_ddl_and_data_roll_back_together(db_url):
    store = open_store(db_url)
    with pytest.raises(RuntimeError), writing(store.engine) as conn:
        conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
        conn.execute(text("INSERT INTO scratch VALUES (1)"))
        raise RuntimeError("migration step failed")
    with store.engine.connect() as conn:
        tables = store.engine.dialect.get_table_names(conn)
    assert "scratch" not in tables
