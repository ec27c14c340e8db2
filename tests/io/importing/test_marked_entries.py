"""Issue 14, item 6: published registers have one column for recipients and processors and
mark each entry ("Empfänger / Auftragsverarbeiter" with "Google LLC — GA4
(Auftragsverarbeiter)" in waldo-van-der-code/deutsches-recht-mit-claude,
skills/gdpr-dsgvo/references/data-flow.md, commit 1e9cb48). An entry the cell marks as a
processor must become a processor of its activity, not a recipient named with the mark.
"""

from __future__ import annotations

import json
from pathlib import Path

from ropa_desktop.domain import i18n
from ropa_desktop.domain import model as m
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.importing.engine import import_spreadsheet
from ropa_desktop.io.importing.headers import ALIASES_PATH, match_header
from ropa_desktop.store.database import open_store
from tests.workbooks import write_xlsx as _xlsx

ORG = "Muster Webdienste GmbH"
COMBINED = "Empfänger / Auftragsverarbeiter"
HEADER = ["#", "Verarbeitungstätigkeit", "Zweck", COMBINED]
MICROSOFT = "Microsoft Ireland Operations Ltd. (Auftragsverarbeiter)"
GOOGLE = "Google LLC — GA4 (Auftragsverarbeiter)"


def _import(url: str, tmp_path: Path, cell: str) -> tuple[m.Register, m.Activity, list[str]]:
    path = _xlsx(tmp_path / "vvt.xlsx", [HEADER, ["1", "Webanalyse", "Reichweite", cell]])
    store = open_store(url)
    report = import_spreadsheet(store, path, organisation=ORG)
    lines = report.lines()
    assert report.errors == 0, lines
    register = store.load_register(ORG)
    (act,) = register.organisations[0].activities
    return register, act, lines


def test_entries_marked_as_processors_become_processors(sqlite_url: str, tmp_path: Path) -> None:
    register, act, lines = _import(sqlite_url, tmp_path, f"{MICROSOFT}\nFinanzamt\n{GOOGLE}")

    processors = {p.uid: p.name for p in register.processors}
    recipients = {r.uid: r.name for r in register.recipients}
    assert [(processors[link.processor], link.service) for link in act.processors] == [
        ("Microsoft Ireland Operations Ltd.", ""),
        ("Google LLC", "GA4"),
    ]
    assert [recipients[uid] for uid in act.recipients] == ["Finanzamt"]
    assert not any("Auftragsverarbeiter" in name for name in [*processors.values()])
    for written in (MICROSOFT, GOOGLE):
        assert any(
            f"„{written}“ als Auftragsverarbeiter übernommen" in line and "!D2" in line
            for line in lines
        ), lines


def test_the_report_line_in_english(sqlite_url: str, tmp_path: Path) -> None:
    i18n.set_language("en")  # the autouse fixture of tests/conftest.py sets German again
    _, _, lines = _import(sqlite_url, tmp_path, GOOGLE)
    assert any(
        f"“{GOOGLE}” taken as a processor, not a recipient: the cell marks the entry so" in line
        for line in lines
    ), lines


def test_a_marked_entry_links_the_catalogue_processor_and_keeps_its_text(
    sqlite_url: str, tmp_path: Path
) -> None:
    store = open_store(sqlite_url)
    org = m.Organisation(name=ORG, kind=m.OrganisationKind.PRIVATE)
    store.import_register(
        m.Register(organisations=[org], processors=[m.Processor(name="Microsoft", owner=org.uid)])
    )
    register, act, lines = _import(sqlite_url, tmp_path, f"{MICROSOFT}\nFinanzamt")

    assert [p.name for p in register.processors] == ["Microsoft"]
    assert [p.name for p in store.catalogue(ORG).processors] == ["Microsoft"]
    assert [link.processor for link in act.processors] == [register.processors[0].uid]
    assert [r.name for r in register.recipients] == ["Finanzamt"]
    assert f"{COMBINED}: {MICROSOFT}" in act.notes  # the name as written stays findable
    assert any("Microsoft Ireland Operations Ltd." in x and "verknüpft" in x for x in lines)


def test_recipient_marks_are_removed_and_other_brackets_kept(
    sqlite_url: str, tmp_path: Path
) -> None:
    register, act, _ = _import(
        sqlite_url,
        tmp_path,
        "Finanzamt (Empfänger)\nSchufa Holding AG (Wiesbaden)\nSteuerberater (recipient)",
    )

    assert act.processors == []
    assert sorted(r.name for r in register.recipients) == [
        "Finanzamt",
        "Schufa Holding AG (Wiesbaden)",
        "Steuerberater",
    ]


def test_the_other_processor_marks(sqlite_url: str, tmp_path: Path) -> None:
    register, act, _ = _import(
        sqlite_url,
        tmp_path,
        "Hoster A (AV)\nHoster B (avv)\nHoster C (Auftragsverarbeitung)\nHoster D (processor)\n"
        "Hoster E (Data Processor)\nHoster F (sub-processor)\nHoster G – Mail (AVV)",
    )

    processors = {p.uid: p.name for p in register.processors}
    assert [(processors[link.processor], link.service) for link in act.processors] == [
        *((f"Hoster {x}", "") for x in "ABCDEF"),
        ("Hoster G", "Mail"),
    ]
    assert register.recipients == []


# Rbit27/form, docs/ROPA.md (commit 1da5902), "3.1 Processing Activity Register": header and
# cell wordings of the source, rows shortened.
FORM_HEADER = [
    "ID",
    "Activity Name",
    "Data Categories",
    "Art. 9 Special Category?",
    "Sub-Processors",
    "Transfer Mechanism",
]
SPECIAL = "Art. 9 Special Category?"
MECHANISM = "Transfer Mechanism"


def test_the_form_register_headers_map(sqlite_url: str, tmp_path: Path) -> None:
    assert match_header(SPECIAL)[0] == Target.SPECIAL_CATEGORIES
    assert match_header(MECHANISM)[0] == Target.TRANSFER_SAFEGUARDS
    path = _xlsx(
        tmp_path / "ropa.xlsx",
        [
            FORM_HEADER,
            ["RA-01", "Account creation", "Email address", "❌ No", "SP-01 Supabase", ""],
            [
                "RA-06",
                "Voice synthesis",
                "Coaching text cues",
                "❌ No (coaching text carries no health data)",
                "SP-08 ElevenLabs",
                "US: SCCs Module 2",
            ],
            [
                "RA-02",
                "Health profile collection",
                "Date of birth, resting HR",
                "✅ Yes — HRV, injury flags, body composition goals",
                "SP-01 Supabase",
                "",
            ],
        ],
    )
    store = open_store(sqlite_url)
    report = import_spreadsheet(store, path, organisation=ORG)
    lines = report.lines()
    assert report.errors == 0, lines
    acts = {a.name: a for a in store.load_organisation(ORG).activities}

    # a "No" creates no category and says nothing more; with a reason the reason is kept
    account, voice, health = (
        acts[n] for n in ("Account creation", "Voice synthesis", "Health profile collection")
    )
    for act in (account, voice):
        assert all(c.special is m.SpecialCategory.NONE for c in act.data_categories), act
    assert account.notes == ""
    assert f"{SPECIAL}: ❌ No (coaching text carries no health data)" in voice.notes
    # a "Yes" that names the special categories gives them (tests/io/importing/
    # test_cells_saying_more.py has the details)
    assert [(c.name, c.special) for c in health.data_categories][-3:] == [
        (name, m.SpecialCategory.ART9) for name in ("HRV", "injury flags", "body composition goals")
    ]
    assert SPECIAL not in health.notes
    assert not any("nicht welche" in line for line in lines), lines
    # the safeguard names its third country: a transfer, reported
    assert [(t.country, t.mechanism) for t in voice.transfers] == [("US", "scc-2")]
    assert MECHANISM not in voice.notes
    assert any(
        "Sheet!3" in line and "Garantie „US: SCCs Module 2“ als Übermittlung" in line
        for line in lines
    ), lines
    assert not any(MECHANISM in line or SPECIAL in line for line in lines), lines  # mapped


def test_a_transfer_mechanism_with_a_country_column_is_the_safeguard(
    sqlite_url: str, tmp_path: Path
) -> None:
    path = _xlsx(
        tmp_path / "ropa.xlsx",
        [
            ["Activity Name", "Third Country", MECHANISM],
            ["Error monitoring", "USA", "Standard contractual clauses, module 2"],
        ],
    )
    store = open_store(sqlite_url)
    report = import_spreadsheet(store, path, organisation=ORG)
    assert report.errors == 0, report.lines()
    (act,) = store.load_organisation(ORG).activities
    assert [(t.country, t.mechanism) for t in act.transfers] == [("US", "scc-2")]
    assert MECHANISM not in act.notes


def test_the_form_register_wordings_cite_repository_path_and_commit() -> None:
    layouts = {la["key"]: la for la in json.loads(ALIASES_PATH.read_text("utf-8"))["layouts"]}
    seen = layouts["english_art30_registers"]["_seen"]
    assert set(seen) == {SPECIAL, MECHANISM}
    for wording, note in seen.items():
        assert note.startswith("Rbit27/form, docs/ROPA.md (commit 1da5902)"), (wording, note)
