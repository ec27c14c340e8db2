"""Values read the same in every export: citations, retention rules, transfers, dates."""

from datetime import date

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p


def test_legal_bases_read_as_citations_and_free_text_stays():
    assert p.legal_basis("art6-1-e", "de") == "Art. 6 Abs. 1 lit. e DSGVO"
    assert p.legal_basis("art9-2-b", "en") == "Art. 9(2)(b) GDPR"
    assert p.legal_basis("bdsg-26", "de") == "§ 26 BDSG"
    assert p.legal_basis("§§ 2 ff. BMG", "de") == "§§ 2 ff. BMG"
    assert p.legal_basis_long("art6-1-a", "de").startswith("Art. 6 Abs. 1 lit. a DSGVO (Einw")


def test_retention_rules_in_words():
    six_months = m.Retention(6, m.RetentionUnit.MONTHS, "Vertragsende")
    assert p.retention(six_months, "de") == "6 Monate nach Vertragsende"
    assert p.retention(m.Retention(1, m.RetentionUnit.YEARS), "en") == "1 year"
    assert p.retention(m.Retention(text="gesetzliche Aufbewahrungsfrist"), "de") == (
        "gesetzliche Aufbewahrungsfrist"
    )
    assert p.retention(m.Retention(2, m.RetentionUnit.DAYS, "", "dann Archiv"), "de") == (
        "2 Tage; dann Archiv"
    )
    assert p.retention(m.Retention(), "de") == ""


def test_retention_start_with_its_own_after_word_is_not_doubled():
    ten = m.Retention(10, m.RetentionUnit.YEARS, "nach Ende des Kalenderjahres")
    assert p.retention(ten, "de") == "10 Jahre nach Ende des Kalenderjahres"
    ten_en = m.Retention(10, m.RetentionUnit.YEARS, "after the end of the year")
    assert p.retention(ten_en, "en") == "10 years after the end of the year"
    assert p.retention(m.Retention(3, m.RetentionUnit.YEARS, "ab Rechnungsstellung"), "de") == (
        "3 Jahre ab Rechnungsstellung"
    )
    assert p.retention(m.Retention(72, m.RetentionUnit.HOURS), "de") == "72 Stunden"
    assert p.retention(m.Retention(1, m.RetentionUnit.HOURS), "en") == "1 hour"


def test_transfer_line_names_country_recipient_and_mechanism():
    google = m.Processor(name="Google LLC", country="US")
    t = m.Transfer(country="US", processor=google.uid, mechanism="scc-2", documentation="AVV §9")
    line = p.transfer(t, {google.uid: google}, "de")
    assert line.startswith("Vereinigte Staaten – Google LLC – ")
    assert "Modul 2" in line and line.endswith("AVV §9")
    vague = m.Transfer(country="US", recipient="Google", mechanism_text="ausreichende Garantien")
    assert p.transfer(vague, {}, "en") == "United States – Google – ausreichende Garantien"


def test_dates_and_labels_follow_the_language():
    assert p.format_date(date(2026, 3, 1), "de") == "01.03.2026"
    assert p.format_date(date(2026, 3, 1), "en") == "2026-03-01"
    assert p.STATUS[m.ActivityStatus.APPROVED]("de") == "Freigegeben"
    assert p.FIELD_LABELS["retention"]("de") == "Fristen für die Löschung"
    assert p.authority("nw-ldi", "de").endswith("40213 Düsseldorf")
    assert p.country("XX", "de") == "XX"
