"""Frozen versions, the comparison in words and the authority pack (issue 16).

The "done when" scenario: freeze, edit (add, remove, change a legal basis, add a
transfer), freeze again; the comparison lists exactly those changes in German and
English; the pack verifies, and one changed byte in one file fails the verification
with that file named.
"""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from ropa_desktop.cli import main
from ropa_desktop.domain import model as m
from ropa_desktop.domain.codec import register_to_document
from ropa_desktop.domain.comparison import Change, Kind, compare
from ropa_desktop.io.pack import (
    CHANGES_TXT,
    JSON,
    MANIFEST,
    PDF,
    XLSX,
    PackError,
    build_pack,
    verify_pack,
)
from ropa_desktop.store.database import open_store
from ropa_desktop.store.repository import Store

ORG = "Gemeinde Musterdorf"


def _register() -> m.Register:
    org = m.Organisation(name=ORG, land="DE-BY")
    cloud = m.Processor(owner=org.uid, name="Cloud GmbH", country="DE")
    org.activities = [
        m.Activity(
            reference="VT-1",
            name="Meldewesen",
            purposes=[m.Purpose("Melderegister führen", ["art6-1-e"])],
            processors=[m.ProcessorLink(cloud.uid, "Hosting")],
        ),
        m.Activity(
            reference="VT-2",
            name="Hundesteuer",
            purposes=[m.Purpose("Steuer erheben", ["art6-1-e"])],
        ),
        m.Activity(reference="VT-3", name="Newsletter"),
    ]
    return m.Register(organisations=[org], processors=[cloud])


def _edit(store: Store) -> None:
    """Add VT-4, remove VT-3, change VT-2's legal basis, add a transfer to VT-1."""
    org = store.load_register(ORG).organisations[0]
    by_ref = {a.reference: a for a in org.activities}
    store.save_activity(org.uid, m.Activity(reference="VT-4", name="Videoberatung"))
    store.delete_activity(by_ref["VT-3"].uid)
    vt2 = by_ref["VT-2"]
    vt2.purposes[0].legal_bases = ["art6-1-c"]
    store.save_activity(org.uid, vt2)
    vt1 = by_ref["VT-1"]
    vt1.transfers.append(m.Transfer(country="US", recipient="Mail Inc.", mechanism="dpf"))
    store.save_activity(org.uid, vt1)


@pytest.fixture
def frozen_twice(tmp_path: Path) -> tuple[Store, str]:
    db = str(tmp_path / "register.sqlite")
    store = open_store(db, user="dsb")
    store.import_register(_register())
    store.freeze_version(ORG, "Vor der Änderung")
    store.record_delivery(ORG, 1, "BayLfD", date(2026, 11, 30), "Az. 12-345")
    _edit(store)
    store.freeze_version(ORG, "Anfrage BayLfD")
    return store, db


def _flat(store: Store, lang: str) -> list[tuple[str, str, str, list[str]]]:
    comparison = compare(
        store.load_version(ORG, 1),
        store.load_version(ORG, 2),
        ORG,
        old_name="1",
        new_name="2",
        lang=lang,
    )
    return [
        (r.kind.value, r.change.value, r.title, [i.line(lang) for i in r.items])
        for r in comparison.records
    ]


def test_the_diff_lists_exactly_the_changes_in_german(frozen_twice):
    store, _ = frozen_twice
    assert _flat(store, "de") == [
        (
            "activity",
            "changed",
            "VT-1 „Meldewesen“",
            [
                "Drittlandübermittlungen und Garantien: hinzugefügt: Vereinigte Staaten – "
                "Mail Inc. – Zertifizierung des Empfängers nach dem EU-US Data Privacy "
                "Framework"
            ],
        ),
        (
            "activity",
            "changed",
            "VT-2 „Hundesteuer“",
            [
                "Rechtsgrundlagen („Steuer erheben“): Art. 6 Abs. 1 lit. e DSGVO → "
                "Art. 6 Abs. 1 lit. c DSGVO"
            ],
        ),
        ("activity", "added", "VT-4 „Videoberatung“", []),
        ("activity", "removed", "VT-3 „Newsletter“", []),
    ]


def test_the_diff_lists_exactly_the_changes_in_english(frozen_twice):
    store, _ = frozen_twice
    flat = _flat(store, "en")
    assert [(k, c, t) for k, c, t, _ in flat] == [
        ("activity", "changed", "VT-1 „Meldewesen“"),
        ("activity", "changed", "VT-2 „Hundesteuer“"),
        ("activity", "added", "VT-4 „Videoberatung“"),
        ("activity", "removed", "VT-3 „Newsletter“"),
    ]
    assert flat[0][3] == [
        "Third-country transfers and safeguards: added: United States – Mail Inc. – "
        "Recipient certified under the EU-US Data Privacy Framework"
    ]
    assert flat[1][3] == ["Legal bases (“Steuer erheben”): Art. 6(1)(e) GDPR → Art. 6(1)(c) GDPR"]


def test_catalogue_and_list_entries_read_as_names_not_ids(frozen_twice):
    store, _ = frozen_twice
    register = store.load_register(ORG)
    org = register.organisations[0]
    tom = m.Tom(owner=org.uid, title="Verschlüsselung", sdm_goal="vertraulichkeit")
    register.toms.append(tom)
    store.import_register(register)
    activities = store.load_register(ORG).organisations[0].activities
    vt1 = next(a for a in activities if a.name == "Meldewesen")
    vt1.processors = []
    vt1.toms = [tom.uid]
    store.save_activity(org.uid, vt1)
    comparison = compare(
        store.load_version(ORG, 2),
        store.load_register(ORG),
        ORG,
        old_name="2",
        new_name="w",
        lang="de",
    )
    by_kind = {(r.kind, r.change): r for r in comparison.records}
    assert by_kind[(Kind.TOM, Change.ADDED)].title == "„Verschlüsselung“"
    lines = [i.line("de") for i in by_kind[(Kind.ACTIVITY, Change.CHANGED)].items]
    assert "Auftragsverarbeiter: entfernt: Cloud GmbH (Hosting)" in lines
    assert "Technische und organisatorische Maßnahmen (TOM): hinzugefügt: Verschlüsselung" in lines
    assert not any(tom.uid in line for line in lines)


def _rewrite(pack: Path, name: str, change) -> None:
    """Write the pack again with one member's bytes changed (the manifest left as it was)."""
    with zipfile.ZipFile(pack) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members[name] = change(members[name])
    with zipfile.ZipFile(pack, "w") as zf:
        for n, data in members.items():
            zf.writestr(n, data)


def test_the_pack_verifies_and_one_changed_byte_fails_naming_the_file(frozen_twice, tmp_path):
    store, db = frozen_twice
    pack = tmp_path / "paket.zip"
    result = build_pack(store, ORG, pack)
    assert result.version.number == 2 and result.compared_with is not None
    with zipfile.ZipFile(pack) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read(MANIFEST))
        report = zf.read(CHANGES_TXT).decode()
        document = json.loads(zf.read(JSON))
    assert {PDF, XLSX, JSON, CHANGES_TXT, MANIFEST} <= names
    assert manifest["organisation"]["name"] == ORG
    assert manifest["register_version"]["number"] == 2
    assert manifest["register_version"]["stamp"] == "2 Anfrage BayLfD"
    assert manifest["compared_with"]["number"] == 1
    assert manifest["compared_with"]["delivered_to"] == "BayLfD"
    assert manifest["created_by"] == "dsb"
    assert {f["name"] for f in manifest["files"]} == names - {MANIFEST}
    assert all(len(f["sha256"]) == 64 and f["size"] > 0 for f in manifest["files"])
    assert "Rechtsgrundlagen („Steuer erheben“)" in report and "VT-3" in report
    assert document == register_to_document(store.load_version(ORG, 2))  # the frozen one
    assert verify_pack(pack).ok
    assert main(["verify-pack", str(pack)]) == 0
    assert main(["--db", db, "verify-pack", "--with-database", str(pack)]) == 0
    other = tmp_path / "other.sqlite"
    open_store(str(other)).import_register(_register())  # same organisation, no versions
    assert main(["--db", str(other), "verify-pack", "--with-database", str(pack)]) == 1

    # one byte of the Excel file changed: reported by name, non-zero exit
    def flip(data: bytes) -> bytes:
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]

    _rewrite(pack, XLSX, flip)
    checked = verify_pack(pack)
    assert not checked.ok
    assert len(checked.problems) == 1 and checked.problems[0].startswith(f"{XLSX}:")
    assert main(["verify-pack", str(pack)]) == 1


def test_the_pdf_stamp_must_belong_to_the_json(frozen_twice, tmp_path):
    """A JSON swapped for another version's, with the manifest's hashes fixed up to
    match, is still caught: the PDF's seal names the hash of its own JSON."""
    store, _ = frozen_twice
    pack = tmp_path / "paket.zip"
    build_pack(store, ORG, pack)
    other = json.dumps(register_to_document(store.load_version(ORG, 1))).encode()
    _rewrite(pack, JSON, lambda _: other)

    import hashlib

    def fix(data: bytes) -> bytes:
        manifest = json.loads(data)
        for f in manifest["files"]:
            if f["name"] == JSON:
                f["size"], f["sha256"] = len(other), hashlib.sha256(other).hexdigest()
        return json.dumps(manifest).encode()

    _rewrite(pack, MANIFEST, fix)
    checked = verify_pack(pack, "en")
    assert [p.split(":")[0] for p in checked.problems] == [PDF]


def test_a_pack_needs_a_frozen_version(tmp_path):
    store = open_store(str(tmp_path / "r.sqlite"))
    store.import_register(_register())
    with pytest.raises(PackError, match="keinen eingefrorenen Stand"):
        build_pack(store, ORG, tmp_path / "p.zip")
    assert not (tmp_path / "p.zip").exists()


def test_versions_stay_as_frozen_under_edits_undo_imports_and_deletion(frozen_twice):
    store, _ = frozen_twice
    before = [register_to_document(store.load_version(ORG, n)) for n in (1, 2)]
    register = store.load_register(ORG)
    register.organisations[0].activities[0].name = "Importiert"
    result = store.import_register(register, description="JSON")
    store.undo_batch(result.batch)
    batch = store.delete_organisation(ORG)
    store.undo_batch(batch)
    after = [register_to_document(store.load_version(ORG, n)) for n in (1, 2)]
    assert after == before
    delivered = store.versions(ORG)[0]
    assert (delivered.delivered_to, delivered.delivered_on, delivered.delivery_reference) == (
        "BayLfD",
        date(2026, 11, 30),
        "Az. 12-345",
    )


def test_cli_version_commands_diff_and_pack(frozen_twice, tmp_path, capsys):
    _, db = frozen_twice
    base = ["--db", db]
    assert main([*base, "version", "list"]) == 0
    out = capsys.readouterr().out
    assert "übergeben an BayLfD am 30.11.2026, Zeichen Az. 12-345" in out
    assert "nicht übergeben" in out
    assert main([*base, "--lang", "en", "diff", "--from", "1", "--to", "2"]) == 0
    out = capsys.readouterr().out
    assert "1 added, 1 removed, 2 changed" in out
    assert "Art. 6(1)(e) GDPR → Art. 6(1)(c) GDPR" in out
    assert main([*base, "diff", "--from", "1", "--to", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["change"] for r in data["records"]] == ["changed", "changed", "added", "removed"]
    assert main([*base, "diff", "--json"]) == 0  # newest version against the working copy
    assert json.loads(capsys.readouterr().out)["records"] == []
    assert main([*base, "diff", "--from", "7"]) == 1
    assert "keinen Stand 7" in capsys.readouterr().err
    assert main([*base, "version", "freeze", "--label", "drei"]) == 0
    assert main([*base, "version", "deliver", "2", "--to", "LDA", "--on", "01.12.2026"]) == 0
    pack = tmp_path / "p.zip"
    assert main([*base, "pack", "--version", "3", "--out", str(pack)]) == 0
    assert "Änderungen gegenüber Stand 2" in capsys.readouterr().out
    assert main(["verify-pack", str(pack)]) == 0
    assert main([*base, "version", "deliver", "2", "--to", "LDA", "--on", "gestern"]) == 1
    assert "kein Datum" in capsys.readouterr().err
    not_a_pack = tmp_path / "kaputt.zip"
    not_a_pack.write_bytes(b"PK\x03\x04 nicht wirklich")
    assert main(["verify-pack", str(not_a_pack)]) == 1
    assert "kein lesbares Zip-Archiv" in capsys.readouterr().out
    with zipfile.ZipFile(not_a_pack, "w") as zf:
        zf.writestr(MANIFEST, json.dumps({"format": "ropa-desktop-pack", "organisation": "x"}))
    assert main(["verify-pack", str(not_a_pack)]) == 1
    assert "enthält kein gültiges manifest.json" in capsys.readouterr().out


def test_version_export_is_the_frozen_register_with_the_change_section(frozen_twice, tmp_path):
    import pypdf

    _, db = frozen_twice
    pdf, js = tmp_path / "v2.pdf", tmp_path / "v2.json"
    base = ["--db", db, "version", "export", "2"]
    assert main([*base, "--format", "pdf", "--out", str(pdf), "--changes-since", "1"]) == 0
    assert main([*base, "--format", "json", "--out", str(js)]) == 0
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Änderungen seit Stand 1" in text
    assert "2 Anfrage BayLfD" in text
    names = [a["name"] for a in json.loads(js.read_text())["organisations"][0]["activities"]]
    assert sorted(names) == ["Hundesteuer", "Meldewesen", "Videoberatung"]


def test_json_export_with_history_carries_the_versions_and_brings_them_back(frozen_twice, tmp_path):
    import jsonschema

    from ropa_desktop.io.json_register import export_json, import_json, register_schema

    store, _ = frozen_twice
    with_history, plain = tmp_path / "h.json", tmp_path / "p.json"
    export_json(store, with_history, organisation=ORG, include_history=True)
    export_json(store, plain, organisation=ORG)
    doc = json.loads(with_history.read_text())
    jsonschema.validate(doc, register_schema())
    assert "versions" not in json.loads(plain.read_text())
    assert [(v["number"], v["label"], v["delivered_to"]) for v in doc["versions"]] == [
        (1, "Vor der Änderung", "BayLfD"),
        (2, "Anfrage BayLfD", ""),
    ]
    first = doc["versions"][0]["register"]["organisations"][0]["activities"]
    assert sorted(a["name"] for a in first) == ["Hundesteuer", "Meldewesen", "Newsletter"]

    fresh = open_store(str(tmp_path / "fresh.sqlite"))
    import_json(fresh, with_history)
    assert [(v.number, v.delivered_to, v.delivery_reference) for v in fresh.versions(ORG)] == [
        (1, "BayLfD", "Az. 12-345"),
        (2, "", ""),
    ]
    for n in (1, 2):
        assert register_to_document(fresh.load_version(ORG, n)) == register_to_document(
            store.load_version(ORG, n)
        )
    import_json(fresh, with_history)  # again: the versions present stay as they are
    assert len(fresh.versions(ORG)) == 2


def test_versions_survive_backup_and_restore(frozen_twice, tmp_path):
    store, db = frozen_twice
    before = [register_to_document(store.load_version(ORG, n)) for n in (1, 2)]
    backup = tmp_path / "sicherung.json"
    assert main(["--db", db, "backup", "--out", str(backup)]) == 0
    store.withdraw_version(ORG, 2)
    store.engine.dispose()
    assert main(["--db", db, "restore", str(backup)]) == 0
    restored = open_store(db)
    assert [register_to_document(restored.load_version(ORG, n)) for n in (1, 2)] == before
    assert restored.versions(ORG)[0].delivered_to == "BayLfD"


def test_version_export_to_excel_with_the_changes_sheet(frozen_twice, tmp_path):
    import openpyxl

    from ropa_desktop.io.export import xlsx_layout as L

    _, db = frozen_twice
    target = tmp_path / "v2.xlsx"
    args = ["--db", db, "--lang", "en", "version", "export", "2", "--format", "xlsx"]
    assert main([*args, "--out", str(target), "--changes-since", "1"]) == 0
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == [s.title("en") for s in (*L.CONTROLLER_SHEETS, L.CHANGES)]
    rows = [[c or "" for c in row] for row in wb["Changes"].iter_rows(values_only=True)]
    assert rows[0] == ["Entry", "Change", "Item", "Before", "After"]
    bases = ["Legal bases (“Steuer erheben”)", "Art. 6(1)(e) GDPR", "Art. 6(1)(c) GDPR"]
    assert ["", "changed", *bases] in rows
    assert ["Processing activity VT-3 „Newsletter“", "removed", "", "", ""] in rows
    plain = tmp_path / "plain.xlsx"
    assert main([*args, "--out", str(plain)]) == 0
    assert "Changes" not in openpyxl.load_workbook(plain).sheetnames


def test_a_changed_transfer_reads_as_old_to_new(frozen_twice):
    store, _ = frozen_twice
    org = store.load_register(ORG).organisations[0]
    vt1 = next(a for a in org.activities if a.reference == "VT-1")
    vt1.transfers[0].mechanism = "scc-2"
    store.save_activity(org.uid, vt1)
    comparison = compare(
        store.load_version(ORG, 2),
        store.load_register(ORG),
        ORG,
        old_name="2",
        new_name="w",
        lang="de",
    )
    (record,) = comparison.records
    (item,) = record.items
    assert item.field == "Drittlandübermittlungen und Garantien"
    assert item.old is not None and "Data Privacy Framework" in item.old
    assert item.new is not None and item.new.startswith("Vereinigte Staaten – Mail Inc. – ")
    assert "Standardvertragsklauseln" in item.new
