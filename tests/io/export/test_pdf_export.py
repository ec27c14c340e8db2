"""The PDF register, read back with pypdf: content, table of contents, outline, footer,
fonts, markup safety, long texts, single sheet, English, processor register, atomicity."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ropa_desktop.domain import model as m
from ropa_desktop.domain.progress import Cancelled
from ropa_desktop.io.demo import build_demo_register
from ropa_desktop.io.export.common import ExportError
from ropa_desktop.io.export.pdf import export_pdf
from ropa_desktop.store.database import open_store

TODAY = date(2026, 11, 21)
GUETERSLOH = "Stadtwerke Gütersloh GmbH"


# --------------------------------------------------------------------------- helpers


def _norm(text: str) -> str:
    """Extracted text as one line: words broken at a hyphen joined again, spaces collapsed."""
    text = re.sub(r"-\s*\n\s*", "-", text)
    return " ".join(text.split())


class Pdf:
    """A produced PDF, read back."""

    def __init__(self, path: Path) -> None:
        self.reader = PdfReader(path)
        self.pages = [page.extract_text() for page in self.reader.pages]
        self.text = _norm("\n".join(self.pages))

    def __len__(self) -> int:
        return len(self.pages)

    def outline(self) -> list[tuple[int, str]]:
        """(level, title) of every bookmark, in order."""
        out: list[tuple[int, str]] = []

        def walk(items: list, level: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, level + 1)
                else:
                    out.append((level, item.title))

        walk(self.reader.outline, 0)
        return out

    def lines_with_positions(self, index: int) -> list[tuple[float, float, str]]:
        """(baseline y, x, text) of every text run on page ``index`` (0-based)."""
        runs: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
            if text.strip():
                runs.append((round(cm[5] + tm[5] * cm[3], 1), cm[4] + tm[4] * cm[0], text.strip()))

        self.reader.pages[index].extract_text(visitor_text=visit)
        return runs

    def font_names(self) -> set[str]:
        names = set()
        for page in self.reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
                names.add(str(font["/BaseFont"]).split("+")[-1])
        return names


def _export(register: m.Register, org: str, path: Path, **kw) -> Pdf:  # type: ignore[no-untyped-def]
    export_pdf(register, org, path, **kw)
    return Pdf(path)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> m.Register:
    """The demo register as the CLI sees it: through the store, one organisation."""
    store = open_store(tmp_path_factory.mktemp("db") / "r.sqlite")
    store.import_register(build_demo_register(TODAY))
    return store.load_register(GUETERSLOH)


@pytest.fixture(scope="module")
def demo_pdf(demo: m.Register, tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    path = tmp_path_factory.mktemp("pdf") / "register.pdf"
    return _export(demo, GUETERSLOH, path, stand=TODAY, version="3 Freigabe")


def _org(name: str = "Gemeinde Musterstadt", **kw) -> m.Organisation:  # type: ignore[no-untyped-def]
    return m.Organisation(
        name=name,
        street="Marktplatz 1",
        postcode="12345",
        city="Musterstadt",
        dpo=m.Contact(name="Dana Schutz"),
        supervisory_authority="nw-ldi",
        **kw,
    )


def _activity(i: int, **kw) -> m.Activity:  # type: ignore[no-untyped-def]
    kw.setdefault("name", f"Verarbeitung Nr. {i:03d}")
    kw.setdefault("purposes", [m.Purpose("Aufgabenerfüllung", ["art6-1-e"])])
    kw.setdefault(
        "data_categories",
        [m.DataCategory("Meldedaten", retention=m.Retention(5, m.RetentionUnit.YEARS, "Wegzug"))],
    )
    return m.Activity(
        reference=f"VT-{i:03d}", department="Bürgerbüro", data_subjects=["Einwohner"], **kw
    )


# ------------------------------------------------------------------------ demo register


def test_demo_register_prints_main_sheet_activities_and_annexes(
    demo: m.Register, demo_pdf: Pdf
) -> None:
    text = demo_pdf.text
    org = demo.organisations[0]
    for expected in (
        GUETERSLOH,
        "Christina Meyer",
        "Stand",
        "21.11.2026",
        "3 Freigabe",
        "Verzeichnis von Verarbeitungstätigkeiten",
        "nach Art. 30 Abs. 1 DSGVO",
        "Angaben zur Person des Datenschutzbeauftragten",
        "Zuständige Aufsichtsbehörde",
        "Landesbeauftragte für Datenschutz",
        "Inhaltsverzeichnis",
        "2 Tage",
        "30 Tage",
        "6 Monate",
        "Art. 6 Abs. 1 lit. b DSGVO",
        "Flexperto GmbH",
        "Vereinigte Staaten",
        "Anhang A: Auftragsverarbeiter",
        "Google Ireland Limited",
        "Neue Grünstraße 27",
        "Kategorien personenbezogener Daten (11)",
    ):
        assert expected in text, expected
    for activity in org.activities:
        assert activity.name in text
    # Gaps are printed, not hidden: VT-001 names no department and no legal basis for one
    # purpose.
    assert "— keine Angabe —" in text


def test_outline_has_main_parts_and_one_bookmark_per_activity(
    demo: m.Register, demo_pdf: Pdf
) -> None:
    outline = demo_pdf.outline()
    activities = [title for level, title in outline if level == 1]
    assert activities == [f"{a.reference} {a.name}" for a in demo.organisations[0].activities]
    parts = [title for level, title in outline if level == 0]
    assert parts[:3] == ["Hauptblatt", "Inhaltsverzeichnis", "Verarbeitungstätigkeiten"]
    assert parts[3].startswith("Anhang A") and parts[4].startswith("Anhang B")


def test_footer_counts_pages_and_metadata_is_set(demo_pdf: Pdf) -> None:
    n = len(demo_pdf)
    assert n >= 5
    for i, page in enumerate(demo_pdf.pages, 1):
        assert f"Seite {i} von {n}" in page
    info = demo_pdf.reader.metadata
    assert info.title == f"Verzeichnis von Verarbeitungstätigkeiten – {GUETERSLOH}"
    assert info.author == GUETERSLOH
    assert "Art. 30 Abs. 1 DSGVO" in info.subject
    assert info.creator.startswith("ropa-desktop")


def test_running_header_names_organisation_title_and_stand(demo_pdf: Pdf) -> None:
    for page in demo_pdf.pages[1:]:
        assert GUETERSLOH in page
        assert "Verzeichnis von Verarbeitungstätigkeiten · Stand: 21.11.2026" in page


_LEADER = re.compile(r"^[ .]*\d+$")


def _toc_pages(pdf: Pdf) -> tuple[list[int], dict[str, int]]:
    """The pages (1-based) of the table of contents, and entry -> page number printed."""
    pages = [2]
    while re.search(r"\.\s+\.\s+\.", pdf.pages[pages[-1]]):
        pages.append(pages[-1] + 1)
    found: dict[str, int] = {}
    for page in pages:
        runs = pdf.lines_with_positions(page - 1)
        numbers = {y: int(t.split()[-1]) for y, _, t in runs if _LEADER.match(t)}
        for y, _, t in runs:
            if y in numbers and not _LEADER.match(t):
                found[t] = numbers[y]
    return pages, found


def test_table_of_contents_names_the_page_of_each_heading(tmp_path: Path) -> None:
    # Activities of different lengths, enough for a table of contents over two pages.
    acts = [_activity(i, description=("Lange Beschreibung. " * (i % 7) * 60)) for i in range(1, 81)]
    register = m.Register(organisations=[_org(activities=acts)])
    pdf = _export(register, "Gemeinde Musterstadt", tmp_path / "toc.pdf")
    toc_pages, toc = _toc_pages(pdf)
    assert len(toc_pages) >= 2
    for a in acts:
        title = f"{a.reference} {a.name}"
        heading_page = next(
            i
            for i, text in enumerate(pdf.pages, 1)
            if i not in toc_pages and title in text.splitlines()
        )
        assert toc[title] == heading_page, title
    assert toc["Verarbeitungstätigkeiten"] == toc[f"VT-001 {acts[0].name}"] == toc_pages[-1] + 1
    assert toc["Anhang A: Auftragsverarbeiter"] > toc[f"VT-080 {acts[-1].name}"]
    assert len({toc[f"{a.reference} {a.name}"] for a in acts}) == 80


# ------------------------------------------------------------------- text and fonts


def test_unicode_prints_and_the_font_is_embedded(tmp_path: Path) -> None:
    org = _org(
        "Gemeinde Łódź",
        activities=[
            _activity(
                1,
                name="Bürgerbüro – Meldewesen",
                purposes=[m.Purpose("„Zitat“ – 5 €", ["art6-1-e"])],
                contact=m.Contact(name="Ayşe Öztürk"),
                notes="Straße, Maß, Größe, ÄÖÜ äöü ß",
            )
        ],
    )
    pdf = _export(m.Register(organisations=[org]), "Gemeinde Łódź", tmp_path / "u.pdf")
    for expected in (
        "Łódź",
        "Öztürk",
        "Ayşe",
        "„Zitat“ – 5 €",
        "Straße, Maß, Größe, ÄÖÜ äöü ß",
        "Bürgerbüro – Meldewesen",
    ):
        assert expected in pdf.text, expected
    fonts = pdf.font_names()
    assert fonts and all(name.startswith("DejaVuSans") for name in fonts), fonts


def test_unprintable_characters_show_as_replacement_marks(tmp_path: Path) -> None:
    # Control characters and a lone surrogate (possible in imported JSON) must not break
    # the export, nor vanish without a trace.
    odd = "Steuer\x07zeichen \ud800 Ende"
    org = _org(f"Gemeinde {odd}", activities=[_activity(1, name=odd, notes=odd)])
    pdf = _export(m.Register(organisations=[org]), f"Gemeinde {odd}", tmp_path / "odd.pdf")
    assert "Steuer\ufffdzeichen \ufffd Ende" in pdf.text


def test_user_text_is_never_markup(tmp_path: Path) -> None:
    tricky = "<b>fett</b> & <i>"
    act = _activity(
        1,
        name="Name <i>kursiv</i> &amp; Co",
        purposes=[m.Purpose(tricky)],
        description="Zeile eins\nZeile <br/> zwei\n\nZeile drei &lt;",
        data_categories=[m.DataCategory("<font size=40>groß</font>")],
    )
    pdf = _export(
        m.Register(organisations=[_org(activities=[act])]),
        "Gemeinde Musterstadt",
        tmp_path / "x.pdf",
    )
    assert tricky in pdf.text
    assert "Name <i>kursiv</i> &amp; Co" in pdf.text  # heading and table of contents
    assert sum("Name <i>kursiv</i> &amp; Co" in _norm(page) for page in pdf.pages) >= 2
    assert "<font size=40>groß</font>" in pdf.text
    lines = pdf.pages[2].splitlines()
    assert "Zeile eins" in lines and "Zeile <br/> zwei" in lines
    assert "Zeile drei &lt;" in lines


def test_long_texts_and_tables_break_across_pages(tmp_path: Path) -> None:
    words = [f"w{i:05d}" for i in range(4300)]
    description = " ".join(words) + " ENDE-DER-BESCHREIBUNG"
    assert len(description) > 30_000
    categories = [
        m.DataCategory(f"Kategorie {i:03d}", retention=m.Retention(text=f"Frist {i}"))
        for i in range(200)
    ]
    act = _activity(
        1,
        description=description,
        data_categories=categories,
        notes="x" * 6000 + " NOTIZ-ENDE",
        internal_recipients=[f"Stelle {i}" for i in range(300)],
        purposes=[m.Purpose("\n".join(f"Zeile {i}" for i in range(400)))],
    )
    long_name = "Sehr lange Bezeichnung " * 60
    other = _activity(2, name=long_name)
    register = m.Register(organisations=[_org(activities=[act, other])])
    pdf = _export(register, "Gemeinde Musterstadt", tmp_path / "long.pdf")
    small = _export(
        m.Register(organisations=[_org(activities=[_activity(1)])]),
        "Gemeinde Musterstadt",
        tmp_path / "small.pdf",
    )
    assert len(pdf) > len(small) + 10
    tokens = set(pdf.text.split())
    assert set(words) <= tokens
    assert "ENDE-DER-BESCHREIBUNG" in tokens
    assert {f"{i:03d}" for i in range(200)} <= tokens  # every data category row
    assert "Frist 199" in pdf.text and "Stelle 299" in pdf.text and "Zeile 399" in pdf.text
    assert "NOTIZ-ENDE" in pdf.text
    assert pdf.text.count("x") >= 6000
    assert " ".join(long_name.split()) in pdf.text  # the heading prints in full
    # The data category table and the retention table (after recipients and transfers, DSK
    # order) repeat their headers on every page they cover.
    pages_with_categories = [p for p in pdf.pages if "Kategorie 1" in p and "Frist" not in p]
    assert len(pages_with_categories) >= 2
    assert all("Herkunft der Daten" in p for p in pages_with_categories)
    pages_with_retention = [p for p in pdf.pages if "Frist 1" in p]
    assert len(pages_with_retention) >= 2
    assert all("Fristen für die Löschung" in p for p in pages_with_retention)


# ---------------------------------------------------------------- variants of the export


def test_single_activity_sheet(demo: m.Register, tmp_path: Path) -> None:
    org = demo.organisations[0]
    first, second = org.activities[0], org.activities[1]
    pdf = _export(demo, GUETERSLOH, tmp_path / "one.pdf", activity="VT-001", stand=TODAY)
    assert first.name in pdf.text and second.name not in pdf.text
    assert "Einzelblatt" in pdf.text and "Christina Meyer" in pdf.text
    assert "Inhaltsverzeichnis" not in pdf.text and "Anhang" not in pdf.text
    assert pdf.outline() == [(0, f"VT-001 {first.name}")]
    assert f"Seite {len(pdf)} von {len(pdf)}" in pdf.pages[-1]
    by_uid = _export(demo, GUETERSLOH, tmp_path / "two.pdf", activity=second.uid)
    assert second.name in by_uid.text and first.name not in by_uid.text


def test_english_export(demo: m.Register, tmp_path: Path) -> None:
    pdf = _export(demo, GUETERSLOH, tmp_path / "en.pdf", lang="en", stand=TODAY)
    text = pdf.text
    for expected in (
        "Record of processing activities",
        "under Art. 30(1) GDPR",
        "Contents",
        "Purposes of the processing",
        "Categories of data subjects",
        "Time limits for erasure",
        "2 days",
        "Art. 6(1)(b) GDPR",
        "United States",
        "Annex A: Processors",
        "As of: 2026-11-21",
        "— not stated —",
    ):
        assert expected in text, expected
    assert f"Page 1 of {len(pdf)}" in pdf.pages[0]
    for german in ("Seite", "Inhaltsverzeichnis", "Zwecke der Verarbeitung", "keine Angabe"):
        assert german not in text
    assert pdf.reader.metadata.title == f"Record of processing activities – {GUETERSLOH}"


def test_processor_register_for_komm_one(tmp_path: Path) -> None:
    store = open_store(tmp_path / "r.sqlite")
    store.import_register(build_demo_register(TODAY))
    register = store.load_register("Komm.ONE")
    pdf = _export(register, "Komm.ONE", tmp_path / "p.pdf", register_kind="processor")
    for expected in (
        "nach Art. 30 Abs. 2 DSGVO",
        "Angaben zum Auftragsverarbeiter",
        "AV-001 Virtuelle Poststelle (VPS)",
        "Kommunen in Baden-Württemberg",
        "Kategorien von Verarbeitungen",
        "Betrieb der Virtuellen Poststelle",
        "Unterauftragsverarbeiter",
        "Firewall-Schutz der Server",
        "datenschutz@komm.one",
    ):
        assert expected in pdf.text, expected
    assert (1, "AV-001 Virtuelle Poststelle (VPS)") in pdf.outline()
    single = _export(
        register, "Komm.ONE", tmp_path / "p1.pdf", register_kind="processor", activity="AV-001"
    )
    assert "Virtuelle Poststelle" in single.text and "Inhaltsverzeichnis" not in single.text


def test_register_without_activities(tmp_path: Path) -> None:
    pdf = _export(m.Register(organisations=[_org()]), "Gemeinde Musterstadt", tmp_path / "e.pdf")
    assert "Es sind keine Verarbeitungstätigkeiten erfasst." in pdf.text
    assert f"Seite {len(pdf)} von {len(pdf)}" in pdf.pages[-1]


# ----------------------------------------------------------------- progress and failure


class Recorder:
    """A progress sink that records every step and cancels at step ``cancel_at``."""

    def __init__(self, cancel_at: int | None = None) -> None:
        self.steps: list[tuple[int, int]] = []
        self.cancel_at = cancel_at

    def step(self, done: int, total: int, message: str = "") -> None:
        self.steps.append((done, total))
        if self.cancel_at is not None and done >= self.cancel_at:
            raise Cancelled


def test_progress_reports_each_activity_in_both_passes(demo: m.Register, tmp_path: Path) -> None:
    recorder = Recorder()
    export_pdf(demo, GUETERSLOH, tmp_path / "r.pdf", progress=recorder)
    n = len(demo.organisations[0].activities)
    assert recorder.steps == [(i, 2 * n) for i in range(2 * n + 1)]


@pytest.mark.parametrize("cancel_at", [0, 1, 3])
def test_cancel_leaves_no_file_and_keeps_an_existing_one(
    demo: m.Register, tmp_path: Path, cancel_at: int
) -> None:
    target = tmp_path / "register.pdf"
    with pytest.raises(Cancelled):
        export_pdf(demo, GUETERSLOH, target, progress=Recorder(cancel_at))
    assert list(tmp_path.iterdir()) == []
    target.write_bytes(b"old content")
    with pytest.raises(Cancelled):
        export_pdf(demo, GUETERSLOH, target, progress=Recorder(cancel_at))
    assert target.read_bytes() == b"old content"
    assert list(tmp_path.iterdir()) == [target]


def test_unwritable_target_raises_and_leaves_nothing(demo: m.Register, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        export_pdf(demo, GUETERSLOH, tmp_path / "missing-dir" / "r.pdf")
    assert list(tmp_path.iterdir()) == []


def test_unknown_organisation_or_activity_is_a_clear_error(
    demo: m.Register, tmp_path: Path
) -> None:
    target = tmp_path / "r.pdf"
    with pytest.raises(ExportError) as info:
        export_pdf(demo, "Stadt Nirgendwo", target)
    assert info.value.message("de") == (
        "Die Organisation „Stadt Nirgendwo“ ist nicht im Verzeichnis."
    )
    assert "Stadt Nirgendwo" in info.value.message("en")
    with pytest.raises(ExportError) as info:
        export_pdf(demo, GUETERSLOH, target, activity="VT-999")
    assert "„VT-999“" in info.value.message("de") and GUETERSLOH in info.value.message("de")
    assert "VT-999" in info.value.message("en")
    with pytest.raises(ExportError, match="processor"):
        export_pdf(demo, GUETERSLOH, target, register_kind="both")
    with pytest.raises(ExportError, match="fr"):
        export_pdf(demo, GUETERSLOH, target, lang="fr")
    assert not target.exists()


def test_ambiguous_reference_asks_for_the_uid(tmp_path: Path) -> None:
    org = _org(activities=[_activity(1), _activity(1, name="Doppelt")])
    with pytest.raises(ExportError, match="uid"):
        export_pdf(
            m.Register(organisations=[org]),
            "Gemeinde Musterstadt",
            tmp_path / "a.pdf",
            activity="VT-001",
        )


# ------------------------------------------------------- issue 13 (items 13, 19), issue 18


def test_explicit_none_prints_instead_of_the_gap_marker(tmp_path: Path) -> None:
    stated = _activity(
        1,
        no_external_recipients=True,
        no_joint_controllers=True,
        no_transfers=True,
        internal_recipients=["Kasse"],
    )
    silent = _activity(2, internal_recipients=["Kasse"])
    pdf = _export(
        m.Register(organisations=[_org(activities=[stated, silent])]),
        "Gemeinde Musterstadt",
        tmp_path / "none.pdf",
    )
    before, second = pdf.text.rsplit("VT-002", 1)
    body = before.rsplit("VT-001", 1)[1]  # the section, after the table of contents
    assert "keine Übermittlung in Drittländer (findet nicht statt)" in body
    assert "Empfänger extern (Empfängerkategorie) keine" in body
    assert "Gemeinsam Verantwortliche (Art. 26 DSGVO) keine" in body
    # without a statement the items show as gaps, never as an unconfirmed "keine"
    for label in (
        "Empfänger extern (Empfängerkategorie)",
        "Gemeinsam Verantwortliche (Art. 26 DSGVO)",
        "Drittlandübermittlungen und Garantien",
    ):
        assert f"{label} — keine Angabe —" not in body
        assert f"{label} — keine Angabe —" in second
    assert "findet nicht statt" not in second


def test_activity_items_follow_the_dsk_order(tmp_path: Path) -> None:
    act = _activity(
        1,
        joint_controllers=[m.JointController("Kreis Borken", arrangement="Vertrag")],
        internal_recipients=["Kasse"],
        transfers=[m.Transfer(country="CH", mechanism="adequacy")],
    )
    pdf = _export(
        m.Register(organisations=[_org(activities=[act])]),
        "Gemeinde Musterstadt",
        tmp_path / "order.pdf",
    )
    text = pdf.text.rsplit("VT-001", 1)[1]
    labels = [
        "Datum der Anlegung",
        "Verantwortliche Fachabteilung",
        "Gemeinsam Verantwortliche",
        "Zwecke der Verarbeitung",
        "Kategorien betroffener Personen",
        "Kategorien personenbezogener Daten",
        "Empfänger intern",
        "Drittlandübermittlungen und Garantien",
        "Fristen für die Löschung",
        "Technische und organisatorische Maßnahmen",
    ]
    positions = [text.index(label) for label in labels]
    assert positions == sorted(positions), list(zip(labels, positions, strict=True))


def test_cover_prints_the_authority_with_address_and_contact(tmp_path: Path) -> None:
    pdf = _export(
        m.Register(organisations=[_org(activities=[_activity(1)])]),
        "Gemeinde Musterstadt",
        tmp_path / "cover.pdf",
    )
    cover = _norm(pdf.pages[0] + (pdf.pages[1] if len(pdf) > 1 else ""))
    assert "Kavalleriestraße 2–4, 40213 Düsseldorf" in cover
    assert "poststelle@ldi.nrw.de" in cover and "+49 211 384240" in cover
