"""Each organisation's register stands alone in files: templates and the spreadsheet import
reuse only the organisation's own catalogue entries, exports hold only its own entries, and
an older JSON document with one shared catalogue is split on import."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from ropa_desktop.cli import main
from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import to_dict
from ropa_desktop.io.importing.engine import import_spreadsheet
from ropa_desktop.io.json_register import import_json
from ropa_desktop.io.templates import apply_template
from ropa_desktop.store.database import open_store

NOTE = "Videoberatung der Stadtwerke Herne – interne Notiz 4711"
CONTRACT = "AVV-HERNE-2024-0815"
DESCRIPTION = "Serverraum Herne, Schrank 7"


def _herne_and_musterdorf(url: str):
    store = open_store(url)
    herne = m.Organisation(name="Stadtwerke Herne AG", kind=m.OrganisationKind.MUNICIPAL_COMPANY)
    musterdorf = m.Organisation(name="Gemeinde Musterdorf")
    ms = m.Processor(
        owner=herne.uid,
        name="Microsoft Corporation",
        country="US",
        notes=NOTE,
        contract_reference=CONTRACT,
    )
    tom = m.Tom(owner=herne.uid, title="Verschlüsselung", description=DESCRIPTION)
    rec = m.Recipient(owner=herne.uid, name="Konzernrevision Herne", notes=NOTE)
    herne.activities = [
        m.Activity(
            name="Videoberatung",
            processors=[m.ProcessorLink(ms.uid, "Teams")],
            toms=[tom.uid],
            recipients=[rec.uid],
        )
    ]
    musterdorf.activities = [
        m.Activity(name="Meldewesen", purposes=[m.Purpose("Melderegister", ["art6-1-e"])])
    ]
    store.import_register(
        m.Register(organisations=[herne, musterdorf], processors=[ms], toms=[tom], recipients=[rec])
    )
    return store, ms


def test_the_template_creates_musterdorfs_own_microsoft_and_reuses_it_there(sqlite_url):
    store, herne_ms = _herne_and_musterdorf(sqlite_url)
    first = apply_template(store, "teams-video-consultation", "Gemeinde Musterdorf", {})
    assert first.draft.new_processors and not first.draft.reused_processors
    own = store.catalogue("Gemeinde Musterdorf").processors
    assert own and herne_ms.uid not in {p.uid for p in own}
    assert NOTE not in {p.notes for p in own}
    second = apply_template(store, "teams-video-consultation", "Gemeinde Musterdorf", {})
    assert second.draft.reused_processors and not second.draft.new_processors
    assert store.catalogue("Gemeinde Musterdorf").processors == own
    assert store.catalogue("Stadtwerke Herne AG").processors == [herne_ms]


def test_the_spreadsheet_import_matches_processors_within_the_organisation(sqlite_url, tmp_path):
    store, herne_ms = _herne_and_musterdorf(sqlite_url)
    book = openpyxl.Workbook()
    book.active.append(
        ["Bezeichnung der Verarbeitungstätigkeit", "Zwecke der Verarbeitung", "Auftragsverarbeiter"]
    )
    book.active.append(["Videoberatung", "Beratung", "Microsoft Ireland Operations Ltd."])
    book.save(tmp_path / "md.xlsx")
    import_spreadsheet(store, tmp_path / "md.xlsx", organisation="Gemeinde Musterdorf")
    md = store.load_register("Gemeinde Musterdorf")
    assert [p.name for p in md.processors] == ["Microsoft Ireland Operations Ltd."]
    assert md.processors[0].uid != herne_ms.uid
    # a second sheet for Musterdorf reuses Musterdorf's entry, not Herne's
    book.active["A2"] = "Ratsinformation"
    book.save(tmp_path / "md2.xlsx")
    import_spreadsheet(store, tmp_path / "md2.xlsx", organisation="Gemeinde Musterdorf")
    md = store.load_register("Gemeinde Musterdorf")
    assert len(md.processors) == 1
    assert {a.processors[0].processor for a in md.organisations[0].activities if a.processors} == {
        md.processors[0].uid
    }


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _xlsx_text(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    return "\n".join(
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


def test_no_note_of_one_organisation_appears_in_anothers_exports(sqlite_url, tmp_path, capsys):
    store, _ = _herne_and_musterdorf(sqlite_url)
    # Musterdorf has a Microsoft of its own, copied from Herne's (without the notes)
    store.copy_catalogue_entries(
        "Stadtwerke Herne AG",
        "Gemeinde Musterdorf",
        [p.uid for p in store.catalogue("Stadtwerke Herne AG").processors],
    )
    md = store.load_organisation("Gemeinde Musterdorf")
    own = store.catalogue("Gemeinde Musterdorf").processors[0]
    md.activities[0].processors = [m.ProcessorLink(own.uid, "Teams")]
    store.save_activity(md.uid, md.activities[0])
    texts = {}
    for fmt in ("xlsx", "pdf", "json"):
        for org in ("Stadtwerke Herne AG", "Gemeinde Musterdorf"):
            out = tmp_path / f"{org}.{fmt}"
            assert (
                main(
                    ["--db", sqlite_url, "export", "--format", fmt, "--out", str(out), "--org", org]
                )
                == 0
            )
            texts[(fmt, org)] = (
                _xlsx_text(out)
                if fmt == "xlsx"
                else _pdf_text(out)
                if fmt == "pdf"
                else out.read_text(encoding="utf-8")
            )
    capsys.readouterr()
    for fmt in ("xlsx", "pdf", "json"):
        herne, musterdorf = texts[(fmt, "Stadtwerke Herne AG")], texts[(fmt, "Gemeinde Musterdorf")]
        assert "Microsoft Corporation" in musterdorf  # its own copy is there
        # the PDF wraps long lines, so look for a distinctive part of the note
        for planted in ("4711", CONTRACT, "Konzernrevision", "Schrank 7"):
            assert planted not in musterdorf.replace("\n", " "), (fmt, planted)
        assert "4711" in herne.replace("\n", " ") or fmt == "pdf"
    assert CONTRACT in texts[("json", "Stadtwerke Herne AG")]
    doc = json.loads(texts[("json", "Gemeinde Musterdorf")])
    owner = doc["organisations"][0]["uid"]
    assert {e["owner"] for part in ("processors", "recipients", "toms") for e in doc[part]} == {
        owner
    }


def test_an_older_json_document_with_shared_entries_is_split_per_organisation(sqlite_url, tmp_path):
    a, b = m.Organisation(name="Stadt A"), m.Organisation(name="Gemeinde B")
    ms = m.Processor(name="Microsoft", notes=NOTE)
    sub = m.Processor(name="Microsoft Ireland")
    ms.subprocessors = [m.SubprocessorLink(sub.uid, "Betrieb")]
    tom = m.Tom(title="Verschlüsselung")
    unused = m.Recipient(name="Niemand")
    a.activities = [
        m.Activity(name="Teams A", processors=[m.ProcessorLink(ms.uid, "")], toms=[tom.uid])
    ]
    b.activities = [
        m.Activity(
            name="Teams B",
            processors=[m.ProcessorLink(ms.uid, "")],
            transfers=[m.Transfer(country="US", processor=ms.uid)],
        )
    ]
    doc = {
        "format": "ropa-desktop/register",
        "version": 1,
        "organisations": to_dict([a, b]),
        "processors": to_dict([ms, sub]),
        "recipients": to_dict([unused]),
        "toms": to_dict([tom]),
    }
    for part in ("processors", "recipients", "toms"):  # version 1 had no owners
        for entry in doc[part]:
            del entry["owner"]
    for org in doc["organisations"]:
        del org["archived"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    store = open_store(sqlite_url)
    import_json(store, path)
    ra, rb = store.load_register("Stadt A"), store.load_register("Gemeinde B")
    assert [p.uid for p in ra.processors] == [ms.uid, sub.uid]  # the first user keeps the uids
    assert [p.name for p in rb.processors] == ["Microsoft", "Microsoft Ireland"]
    assert not {p.uid for p in rb.processors} & {ms.uid, sub.uid}
    b_ms = next(p for p in rb.processors if p.name == "Microsoft")
    assert rb.organisations[0].activities[0].processors[0].processor == b_ms.uid
    assert rb.organisations[0].activities[0].transfers[0].processor == b_ms.uid
    assert [s.processor for s in b_ms.subprocessors] == [
        next(p.uid for p in rb.processors if p.name == "Microsoft Ireland")
    ]
    assert [t.title for t in ra.toms] == ["Verschlüsselung"] and rb.toms == []
    assert [r.name for r in ra.recipients] == ["Niemand"]  # unused: the first organisation
    # importing the same old document again finds the copies instead of making new ones
    import_json(store, path)
    assert len(store.load_register("Gemeinde B").processors) == 2
