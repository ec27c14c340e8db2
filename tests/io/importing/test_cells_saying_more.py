"""Issue 14, "nothing lost or shifted": cells that say more than their column asks.

- An entry of a processors column marked "(Auftragsverarbeiter)", "(AV)" … (the mark only
  restates the column) and an em-dash service ("Google LLC — GA4", as in
  waldo-van-der-code/deutsches-recht-mit-claude, skills/gdpr-dsgvo/references/data-flow.md,
  commit 1e9cb48).
- A special-categories answer that names them ("✅ Yes — HRV, injury flags, body composition
  goals") and a safeguard that names its country ("US: SCCs Module 2"), both from the
  register of Rbit27/form, docs/ROPA.md (commit 1da5902).
"""

from __future__ import annotations

from pathlib import Path

from ropa_desktop.domain import i18n
from ropa_desktop.domain import model as m
from ropa_desktop.io.export.xlsx import export_xlsx
from ropa_desktop.io.importing.engine import import_spreadsheet
from ropa_desktop.store.database import open_store
from tests.workbooks import write_xlsx as _xlsx

ORG = "Muster Webdienste GmbH"


def _import(
    url: str, tmp_path: Path, header: list[str], *rows: list[str]
) -> tuple[m.Register, dict[str, m.Activity], list[str]]:
    path = _xlsx(tmp_path / "vvt.xlsx", [header, *rows])
    store = open_store(url)
    report = import_spreadsheet(store, path, organisation=ORG)
    lines = report.lines()
    assert report.errors == 0, lines
    register = store.load_register(ORG)
    return register, {a.name: a for a in register.organisations[0].activities}, lines


def _processors(register: m.Register, act: m.Activity) -> list[tuple[str, str]]:
    names = {p.uid: p.name for p in register.processors}
    return [(names[link.processor], link.service) for link in act.processors]


# processors column


PROCESSORS = ["Verarbeitungstätigkeit", "Zweck", "Auftragsverarbeiter"]


def test_a_processors_column_drops_processor_marks(sqlite_url: str, tmp_path: Path) -> None:
    register, acts, _ = _import(
        sqlite_url,
        tmp_path,
        PROCESSORS,
        [
            "Webanalyse",
            "Reichweite",
            "Microsoft Ireland Operations Ltd. (Auftragsverarbeiter)\nHoster A (AV)\n"
            "Hoster B (processor)\nHoster C – Mail (AVV)\nSchufa Holding AG (Wiesbaden)",
        ],
    )

    assert _processors(register, acts["Webanalyse"]) == [
        ("Microsoft Ireland Operations Ltd.", ""),
        ("Hoster A", ""),
        ("Hoster B", ""),
        ("Hoster C", "Mail"),
        ("Schufa Holding AG (Wiesbaden)", ""),  # not a mark: part of the name
    ]
    assert acts["Webanalyse"].notes == ""


def test_a_processors_column_splits_em_dash_services(sqlite_url: str, tmp_path: Path) -> None:
    register, acts, _ = _import(
        sqlite_url,
        tmp_path,
        PROCESSORS,
        ["Webanalyse", "Reichweite", "Google LLC — GA4\nMailer GmbH — Newsletter (AVV)"],
        ["Rechnung", "Buchhaltung", "DATEV eG – Lohn"],
    )

    assert _processors(register, acts["Webanalyse"]) == [
        ("Google LLC", "GA4"),
        ("Mailer GmbH", "Newsletter"),
    ]
    assert _processors(register, acts["Rechnung"]) == [("DATEV eG", "Lohn")]


def test_a_marked_processor_links_the_catalogue_entry_by_its_bare_name(
    sqlite_url: str, tmp_path: Path
) -> None:
    store = open_store(sqlite_url)
    org = m.Organisation(name=ORG, kind=m.OrganisationKind.PRIVATE)
    store.import_register(
        m.Register(
            organisations=[org],
            processors=[
                m.Processor(name="Microsoft", owner=org.uid),
                m.Processor(name="Google LLC", owner=org.uid),
            ],
        )
    )
    written = "Microsoft Ireland Operations Ltd. (Auftragsverarbeiter)"
    register, acts, lines = _import(
        sqlite_url,
        tmp_path,
        PROCESSORS,
        ["Bürokommunikation", "E-Mail", f"{written}\nGoogle LLC — Analytics (AV)"],
    )

    act = acts["Bürokommunikation"]
    assert sorted(p.name for p in store.catalogue(ORG).processors) == ["Google LLC", "Microsoft"]
    assert _processors(register, act) == [("Microsoft", ""), ("Google LLC", "Analytics")]
    assert f"Auftragsverarbeiter: {written}" in act.notes  # the name as written stays findable
    assert any(
        "„Microsoft Ireland Operations Ltd.“" in line and "verknüpft" in line for line in lines
    ), lines


def test_our_own_export_keeps_processor_names_with_marks_and_em_dashes(tmp_path: Path) -> None:
    marked = m.Processor(name="Hoster Nord (AV)")
    dashed = m.Processor(name="Alpha — Beta GmbH")
    org = m.Organisation(name=ORG, kind=m.OrganisationKind.PRIVATE)
    org.activities.append(
        m.Activity(
            name="Hosting",
            processors=[m.ProcessorLink(marked.uid, "Server"), m.ProcessorLink(dashed.uid, "")],
        )
    )
    source = open_store(tmp_path / "source.sqlite")
    source.import_register(m.Register(organisations=[org], processors=[marked, dashed]))
    export_xlsx(source.load_register(ORG), ORG, tmp_path / "vvt.xlsx")
    target = open_store(tmp_path / "target.sqlite")
    report = import_spreadsheet(target, tmp_path / "vvt.xlsx")
    assert report.errors == 0, report.lines()

    back = target.load_register(ORG)
    (act,) = back.organisations[0].activities
    assert _processors(back, act) == [("Hoster Nord (AV)", "Server"), ("Alpha — Beta GmbH", "")]
    assert act.notes == ""


# special categories answered "Yes — …"

SPECIAL = "Art. 9 Special Category?"
SPECIAL_HEADER = ["Activity Name", "Data Categories", SPECIAL]


def test_a_yes_that_names_special_categories_gives_them(sqlite_url: str, tmp_path: Path) -> None:
    _, acts, lines = _import(
        sqlite_url,
        tmp_path,
        SPECIAL_HEADER,
        [
            "Health profile collection",
            "Date of birth, resting HR, weight",
            "✅ Yes — HRV, injury flags, body composition goals",
        ],
        ["Sick notes", "Name, Gesundheitsdaten, Arbeitgeber", "Ja: Gesundheitsdaten"],
        ["Voice synthesis", "Coaching text cues", "❌ No (coaching text carries no health data)"],
    )

    health, sick = acts["Health profile collection"], acts["Sick notes"]
    voice = acts["Voice synthesis"]
    assert [(c.name, c.special) for c in health.data_categories] == [
        ("Date of birth", m.SpecialCategory.NONE),
        ("resting HR", m.SpecialCategory.NONE),
        ("weight", m.SpecialCategory.NONE),
        ("HRV", m.SpecialCategory.ART9),
        ("injury flags", m.SpecialCategory.ART9),
        ("body composition goals", m.SpecialCategory.ART9),
    ]
    assert health.notes == ""
    # a category the row names already becomes special, not a second one of that name
    assert [(c.name, c.special) for c in sick.data_categories] == [
        ("Name", m.SpecialCategory.NONE),
        ("Gesundheitsdaten", m.SpecialCategory.ART9),
        ("Arbeitgeber", m.SpecialCategory.NONE),
    ]
    assert not any("nicht welche" in line for line in lines), lines
    # "No (reason)" stays as it was: no category, the reason in the notes
    assert all(c.special is m.SpecialCategory.NONE for c in voice.data_categories)
    assert voice.notes == f"{SPECIAL}: ❌ No (coaching text carries no health data)"


def test_a_yes_with_a_remark_still_warns(sqlite_url: str, tmp_path: Path) -> None:
    _, acts, lines = _import(
        sqlite_url,
        tmp_path,
        SPECIAL_HEADER,
        ["Bewerbung", "Name, Anschrift, Lebenslauf", "Ja, siehe DSFA"],
        ["Beratung", "Name, Anliegen, Termin", "Yes — see DPIA"],
        ["Gesundheitsmanagement", "Name, Termin, Arbeitsplatz", "Ja – Art. 9 Abs. 2 lit. b DSGVO"],
    )

    for name, row, cell in (
        ("Bewerbung", 2, "Ja, siehe DSFA"),
        ("Beratung", 3, "Yes — see DPIA"),
        ("Gesundheitsmanagement", 4, "Ja – Art. 9 Abs. 2 lit. b DSGVO"),  # a provision
    ):
        act = acts[name]
        assert all(c.special is m.SpecialCategory.NONE for c in act.data_categories)
        assert f"{SPECIAL}: {cell}" in act.notes
        assert any(f"!C{row}" in line and "nicht welche" in line for line in lines), lines


# safeguards that name their country

MECHANISM = "Transfer Mechanism"


def test_a_safeguard_that_names_its_country_is_a_transfer(sqlite_url: str, tmp_path: Path) -> None:
    _, acts, lines = _import(
        sqlite_url,
        tmp_path,
        ["Activity Name", MECHANISM],
        ["Voice synthesis", "US: SCCs Module 2"],
        ["Lohn", "USA – Standardvertragsklauseln Modul 2"],
        ["Support", "SCC Modul 2 (Kanada)"],
        ["Hosting", "UK: Angemessenheitsbeschluss\nUSA: Standardvertragsklauseln"],
    )

    def transfers(name: str) -> list[tuple[str, str, str]]:
        return [(t.country, t.mechanism, t.mechanism_text) for t in acts[name].transfers]

    assert transfers("Voice synthesis") == [("US", "scc-2", "")]
    assert transfers("Lohn") == [("US", "scc-2", "")]
    assert transfers("Support") == [("CA", "scc-2", "")]
    assert transfers("Hosting") == [
        ("GB", "adequacy", ""),
        ("US", "", "Standardvertragsklauseln"),  # which module applies cannot be guessed
    ]
    assert all(act.notes == "" for act in acts.values()), acts
    assert any(
        "Sheet!2" in line
        and "Garantie „US: SCCs Module 2“ als Übermittlung in das Drittland gelesen" in line
        for line in lines
    ), lines
    assert any("Sheet!5" in line and "welches Modul" in line for line in lines), lines
    assert not any("ohne Drittland" in line for line in lines), lines


def test_an_empty_country_column_and_a_part_without_a_country(
    sqlite_url: str, tmp_path: Path
) -> None:
    cell = "EU: adequacy; US: SCCs Module 2"  # the source's own cell
    _, acts, lines = _import(
        sqlite_url,
        tmp_path,
        ["Activity Name", "Third Country", MECHANISM],
        ["Coaching", "", cell],
        ["Monitoring", "", "Standard contractual clauses, module 2"],
    )

    coaching, monitoring = acts["Coaching"], acts["Monitoring"]
    assert [(t.country, t.mechanism) for t in coaching.transfers] == [("US", "scc-2")]
    # the part that names no third country is kept with the whole cell, and reported
    assert f"{MECHANISM}: {cell}" in coaching.notes
    assert any(
        "Sheet!2" in line and "Garantie „EU: adequacy“ ohne Drittland" in line for line in lines
    ), lines
    # no country at all: as before, kept in the notes with a warning
    assert monitoring.transfers == []
    assert f"{MECHANISM}: Standard contractual clauses, module 2" in monitoring.notes
    assert any("Sheet!3" in line and "ohne Drittland" in line for line in lines), lines


def test_the_safeguard_country_line_in_english(sqlite_url: str, tmp_path: Path) -> None:
    i18n.set_language("en")  # the autouse fixture of tests/conftest.py sets German again
    _, _, lines = _import(
        sqlite_url, tmp_path, ["Activity Name", MECHANISM], ["Voice synthesis", "US: DPF"]
    )
    assert any(
        "safeguard “US: DPF” read as a transfer to the third country it names" in line
        for line in lines
    ), lines
