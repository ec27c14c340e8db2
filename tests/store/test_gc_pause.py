"""The cyclic garbage collector is paused only while an import works, and always resumes."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from ropa_desktop.domain.i18n import LocalizedError
from ropa_desktop.io.importing import engine
from ropa_desktop.store.database import open_store
from ropa_desktop.store.gc_pause import paused_gc


@pytest.fixture(autouse=True)
def _collector_enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_running_again_after_nested_blocks() -> None:
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still works
    assert gc.isenabled()


def test_runs_again_after_an_error() -> None:
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("broken file")
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_overlapping_blocks_in_two_threads_resume_once_both_end() -> None:
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with paused_gc():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    with paused_gc():
        pass
    assert not gc.isenabled()  # the worker's block has not ended
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_an_import_refused_or_done_leaves_the_collector_running(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Bezeichnung der Verarbeitungstätigkeit", "Zwecke der Verarbeitung"])
    sheet.append(["Personalakte", "Führung der Personalakte"])
    good = tmp_path / "vvt.xlsx"
    book.save(good)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    store = open_store(tmp_path / "ropa.sqlite")
    try:
        with pytest.raises(LocalizedError):  # refused with a message naming the file
            engine.import_spreadsheet(store, broken, organisation="Stadt Ahaus")
        assert gc.isenabled()
        report = engine.import_spreadsheet(store, good, organisation="Stadt Ahaus")
        assert report.count("new") == 1
        assert gc.isenabled()
    finally:
        store.engine.dispose()
