"""Attachments: kept in the database per activity or processor, never seen by another
organisation, with a size limit."""

from __future__ import annotations

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.domain.attachments import MAX_BYTES, format_size
from ropa_desktop.store.database import current_revision, head_revision, open_store
from ropa_desktop.store.repository import Store, StoreError


def _store(db_url: str) -> tuple[Store, m.Organisation, m.Organisation, m.Processor]:
    store = open_store(db_url)
    a = m.Organisation(name="Stadt A", activities=[m.Activity(name="Gehalt")])
    b = m.Organisation(name="Stadt B", activities=[m.Activity(name="Kita")])
    rz = m.Processor(owner=a.uid, name="Rechenzentrum")
    store.import_register(m.Register(organisations=[a, b], processors=[rz]))
    return store, a, b, rz


def test_attach_list_open_and_delete_per_record(db_url: str) -> None:
    store, a, _b, rz = _store(db_url)
    act = a.activities[0]
    assert current_revision(store.engine) == head_revision() == "0009"
    dsfa = store.add_attachment(a.uid, "activity", act.uid, "DSFA Gehalt.pdf", b"%PDF-1.7 dsfa")
    avv = store.add_attachment(a.uid, "processor", rz.uid, "AVV.pdf", b"\x00\x01vertrag")
    assert [(i.name, i.size) for i in store.attachments(a.uid, act.uid)] == [
        ("DSFA Gehalt.pdf", 13)
    ]
    assert [i.name for i in store.attachments(a.uid)] == ["DSFA Gehalt.pdf", "AVV.pdf"]
    assert store.attachment_content(a.uid, avv.uid) == b"\x00\x01vertrag"
    history = store.history(act.uid)
    assert (history[0].field, history[0].new) == ("attachments", "DSFA Gehalt.pdf")
    store.delete_attachment(a.uid, dsfa.uid)
    assert [i.name for i in store.attachments(a.uid)] == ["AVV.pdf"]
    assert (store.history(act.uid)[0].old, store.history(act.uid)[0].new) == (
        "DSFA Gehalt.pdf",
        None,
    )


def test_another_organisation_never_sees_or_touches_a_file(db_url: str) -> None:
    store, a, b, rz = _store(db_url)
    avv = store.add_attachment(a.uid, "processor", rz.uid, "AVV.pdf", b"vertrag")
    assert store.attachments(b.uid) == []
    assert store.attachments(b.uid, rz.uid) == []
    with pytest.raises(StoreError, match="nicht"):
        store.attachment_content(b.uid, avv.uid)
    with pytest.raises(StoreError):
        store.delete_attachment(b.uid, avv.uid)
    with pytest.raises(StoreError):  # B cannot attach to A's activity or processor
        store.add_attachment(b.uid, "activity", a.activities[0].uid, "x.pdf", b"x")
    with pytest.raises(StoreError):
        store.add_attachment(b.uid, "processor", rz.uid, "x.pdf", b"x")
    assert [i.name for i in store.attachments(a.uid)] == ["AVV.pdf"]


def test_a_file_over_the_limit_is_refused_and_nothing_stored(db_url: str) -> None:
    store, a, _b, _rz = _store(db_url)
    act = a.activities[0]
    with pytest.raises(StoreError, match="höchstens 100 MB"):
        store.add_attachment(a.uid, "activity", act.uid, "Video.mp4", bytes(MAX_BYTES + 1))
    with pytest.raises(StoreError, match="Dateinamen"):
        store.add_attachment(a.uid, "activity", act.uid, "  ", b"x")
    assert store.attachments(a.uid) == []


def test_files_stay_with_a_deleted_activity_and_return_with_it(db_url: str) -> None:
    store, a, _b, _rz = _store(db_url)
    act = a.activities[0]
    store.add_attachment(a.uid, "activity", act.uid, "DSFA.pdf", b"dsfa")
    store.delete_activity(act.uid)
    store.restore_activity(act.uid)
    assert [i.name for i in store.attachments(a.uid, act.uid)] == ["DSFA.pdf"]


def test_sizes_read_as_people_write_them() -> None:
    assert format_size(834, "de") == "834 Bytes"
    assert format_size(1536, "de") == "1,5 KB"
    assert format_size(20 * 1024 * 1024, "en") == "20 MB"
    assert format_size(int(2.25 * 1024 * 1024), "de") == "2,2 MB"
