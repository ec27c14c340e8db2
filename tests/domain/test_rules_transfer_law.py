"""The rules of issue 13 part B and issue 18 item 4 in detail: adequacy scope, invalid
instruments, third-country subprocessors, consent by public bodies, Art. 9/10 without a
provision, EU territory outside the EEA codes, systematic Art. 49 derogations, explicit
"none" statements."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_rules import (
    act,
    add_processor,
    add_subprocessor_in_us,
    as_processor,
    codes,
    complete_register,
    municipal_company,
    org,
    put,
    run,
    svc,
    transfer,
)

from ropa_desktop.domain import vocab
from ropa_desktop.domain.model import (
    Activity,
    JointController,
    Processor,
    ProcessorLink,
    Purpose,
    Recipient,
    Register,
    SubprocessorLink,
    Transfer,
)
from ropa_desktop.domain.rules import Severity, completeness


def errors(r: Register) -> set[str]:
    return {f.code for f in run(r) if f.severity is Severity.ERROR}


# --- item 4: adequacy scope


@pytest.mark.parametrize(
    ("country", "recipient", "category", "expected"),
    [
        ("JP", "Präfektur Osaka", "", "eine öffentliche Stelle"),
        ("JP", "Stadtverwaltung Kyoto", "", "eine öffentliche Stelle"),
        ("JP", "Partnerstadt Kobe", "Behörden und Gerichte", "eine öffentliche Stelle"),
        ("KR", "Jogye Order", "Religionsgemeinschaft", "eine Religionsgemeinschaft"),
        ("KR", "Democratic Party", "political party", "eine politische Partei"),
        ("KR", "NICE Credit", "Kreditauskunftei", "eine Stelle, die Kreditinformationen"),
        ("CA", "Ministry of Health Ontario", "", "eine öffentliche Stelle"),
        ("CA", "Maple Charity", "gemeinnütziger Verein", "eine gemeinnützige Organisation"),
    ],
)
def test_adequacy_does_not_cover_these_recipients(
    country: str, recipient: str, category: str, expected: str
) -> None:
    r = complete_register()
    if category:
        r.recipients.append(
            Recipient(uid="rec-x", owner=org(r).uid, name=recipient, category=category)
        )
    transfer(r, country=country, recipient=recipient, mechanism="adequacy")
    [hit] = [f for f in run(r) if f.code == "transfer-adequacy-scope"]
    assert hit.severity is Severity.ERROR
    assert expected in hit.message
    assert vocab.adequacy_for(country).attrs["decision"] in hit.message  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("country", "recipient"),
    [
        ("JP", "Rakuten Group, Inc."),  # a business operator under the APPI
        ("KR", "Seoul Metropolitan Government"),  # Korea's decision covers the public sector
        ("CA", "Shopify Inc."),  # a PIPEDA organisation
        ("CH", "Bundesamt für Statistik"),  # no exclusions in the Swiss decision
        ("JP", ""),  # kind not known: no finding
    ],
)
def test_adequacy_covers_these_recipients(country: str, recipient: str) -> None:
    r = complete_register()
    transfer(r, country=country, recipient=recipient, mechanism="adequacy")
    assert "transfer-adequacy-scope" not in codes(r)


def test_adequacy_scope_also_when_no_mechanism_is_named() -> None:
    r = complete_register()
    transfer(r, country="JP", recipient="Präfektur Osaka")
    assert "transfer-adequacy-scope" in codes(r)


def test_processor_as_recipient_is_a_business() -> None:
    r = complete_register()
    add_processor(r, "JP")
    r.processors[0].name = "Public Cloud KK"
    transfer(r, country="JP", recipient="Public Cloud KK", processor="proc-1", mechanism="adequacy")
    assert "transfer-adequacy-scope" not in codes(r)


# --- item 5: invalid instruments


@pytest.mark.parametrize(
    ("mechanism", "text", "code", "words"),
    [
        ("", "Safe Harbor", "transfer-invalid-mechanism", "C-362/14"),
        ("", "Safe-Harbour-Zertifizierung", "transfer-invalid-mechanism", "C-362/14"),
        ("Privacy Shield", "", "transfer-invalid-mechanism", "C-311/18"),
        ("", "SCC nach Entscheidung 2001/497/EG", "transfer-expired-scc", "2001/497/EG"),
        ("", "Standardvertragsklauseln 2004/915/EG", "transfer-expired-scc", "2004/915/EG"),
        ("", "Standardvertragsklauseln (2010/87/EU)", "transfer-expired-scc", "27. Dezember 2022"),
        ("SCC 2010/87", "", "transfer-expired-scc", "2010/87/EU"),
    ],
)
def test_invalid_instruments_are_errors(mechanism: str, text: str, code: str, words: str) -> None:
    r = complete_register()
    transfer(r, country="US", mechanism=mechanism, mechanism_text=text)
    assert errors(r) == {code}
    [hit] = [f for f in run(r) if f.code == code]
    assert words in hit.message


def test_valid_scc_is_not_flagged_for_mentioning_history() -> None:
    r = complete_register()
    transfer(r, country="IN", mechanism="scc-2", mechanism_text="ersetzt SCC 2010/87/EU")
    assert errors(r) == set()


# --- item 6: subprocessors in third countries


def test_eu_processor_with_us_subprocessor_needs_a_transfer() -> None:
    r = complete_register()
    add_subprocessor_in_us(r)
    [hit] = [f for f in run(r) if f.code == "subprocessor-third-country-no-transfer"]
    assert "Cloud Inc." in hit.message and "Cloud LLC" in hit.message
    assert "Vereinigte Staaten" in hit.message
    transfer(r, country="USA", recipient="Cloud LLC", mechanism="scc-3")
    assert "subprocessor-third-country-no-transfer" not in codes(r)


def test_eu_subprocessor_is_fine() -> None:
    r = complete_register()
    add_processor(r, "IE")
    r.processors.append(Processor(uid="sub-1", name="Rechenzentrum GmbH", country="DE"))
    r.processors[0].subprocessors.append(SubprocessorLink(processor="sub-1"))
    assert "subprocessor-third-country-no-transfer" not in codes(r)


def test_processing_service_with_third_country_subprocessor() -> None:
    r = complete_register()
    as_processor(r)
    r.processors.append(Processor(uid="sub-1", owner=org(r).uid, name="Support Ltd.", country="IN"))
    svc(r).subprocessors.append(ProcessorLink(processor="sub-1", service="Support"))
    [hit] = [f for f in run(r) if f.code == "subprocessor-third-country-no-transfer"]
    assert hit.field == "subprocessors" and "Support Ltd." in hit.message
    svc(r).transfers.append(Transfer(country="IN", processor="sub-1", mechanism="scc-3"))
    assert "subprocessor-third-country-no-transfer" not in codes(r)


# --- item 8: consent by a public body


def test_consent_by_public_body_explains_recital_43() -> None:
    r = complete_register()
    act(r).purposes.append(Purpose("Bürgerbefragung", ["Art. 6 Abs. 1 lit. a DSGVO"]))
    [hit] = [f for f in run(r) if f.code == "public-body-consent"]
    assert hit.severity is Severity.WARNING
    assert "Erwägungsgrund 43" in hit.message and "Behörde" in hit.message
    [en] = [f for f in run(r, "en") if f.code == "public-body-consent"]
    assert "recital 43" in en.message
    municipal_company(r)
    assert "public-body-consent" not in codes(r)


# --- item 9: Art. 9(2)(b, g-j) and Art. 10 need a provision


@pytest.mark.parametrize("letter", ["b", "g", "h", "i", "j"])
def test_art9_conditions_that_need_a_provision(letter: str) -> None:
    r = complete_register()
    act(r).purposes.append(Purpose("Zweck", [f"art9-2-{letter}", "art6-1-e"]))
    [hit] = [f for f in run(r) if f.code == "art9-condition-no-law"]
    assert f"lit. {letter}" in hit.message
    act(r).purposes[1].legal_bases.append("§ 22 BDSG")
    assert "art9-condition-no-law" not in codes(r)


@pytest.mark.parametrize("letter", ["a", "c", "e", "f"])
def test_art9_conditions_that_need_no_provision(letter: str) -> None:
    r = complete_register()
    act(r).purposes.append(Purpose("Zweck", [f"art9-2-{letter}", "art6-1-a"]))
    municipal_company(r)
    assert "art9-condition-no-law" not in codes(r)


def test_bare_art10_fails_for_a_company_too() -> None:
    r = complete_register()
    municipal_company(r)
    act(r).purposes.append(Purpose("Zuverlässigkeit", ["art6-1-b", "art10"]))
    assert "art10-no-law" in codes(r)


# --- item 15: EU territory with codes of its own


@pytest.mark.parametrize(
    "country",
    ["RE", "GP", "MQ", "GF", "YT", "MF", "AX", "Réunion", "Åland-Inseln", "Azoren", "Madeira",
     "Kanarische Inseln", "Canary Islands"],
)  # fmt: skip
def test_outermost_regions_and_aland_are_eu_territory(country: str) -> None:
    r = complete_register()
    transfer(r, country=country)
    assert codes(r) == {"transfer-within-eea"}
    r = complete_register()
    add_processor(r, country)
    assert "third-country-no-transfer" not in codes(r)


@pytest.mark.parametrize("country", ["BL", "PM", "FO", "NC"])
def test_overseas_countries_and_territories_stay_third_countries(country: str) -> None:
    assert not vocab.is_eea(country)


# --- item 16: systematic Art. 49 derogations


def test_same_derogation_in_several_activities_is_systematic() -> None:
    r = complete_register()
    municipal_company(r)
    transfer(r, country="IN", recipient="Partner", mechanism="art49-1-c")
    assert "transfer-derogation-systematic" not in codes(r)
    second = Activity(
        name="Zweite Tätigkeit", transfers=[Transfer(country="Indien", mechanism="art49-1-c")]
    )
    org(r).activities.append(second)
    hits = [f for f in run(r) if f.code == "transfer-derogation-systematic"]
    assert len(hits) == 2
    assert "1 weiteren Verarbeitungstätigkeiten" in hits[0].message
    assert "2/2018" in hits[0].message


# --- issue 18 item 4: explicit "none"


def test_statement_no_external_recipients_answers_the_recipients_item() -> None:
    r = complete_register()
    put(act(r), internal_recipients=[])
    assert "activity-no-recipients" in codes(r)
    before = completeness(act(r))
    put(act(r), no_external_recipients=True)
    assert "activity-no-recipients" not in codes(r)
    assert completeness(act(r)) > before


@pytest.mark.parametrize(
    ("statement", "entries", "path"),
    [
        ("no_external_recipients", lambda r: act(r).recipients.append("rec-1"), "recipients"),
        (
            "no_joint_controllers",
            lambda r: act(r).joint_controllers.append(
                JointController(name="Kreis", arrangement="Vertrag")
            ),
            "joint_controllers",
        ),
        (
            "no_transfers",
            lambda r: transfer(r, country="CH", mechanism="adequacy"),
            "transfers",
        ),
    ],
)
def test_statement_and_entries_contradict(
    statement: str, entries: Callable[[Register], object], path: str
) -> None:
    r = complete_register()
    r.recipients.append(Recipient(uid="rec-1", owner=org(r).uid, name="Finanzamt"))
    put(act(r), **{statement: True})
    assert run(r) == []
    entries(r)
    [hit] = [f for f in run(r) if f.code == "explicit-none-contradiction"]
    assert hit.field == path and "1 Einträge" in hit.message


def test_service_statement_no_transfers_contradiction() -> None:
    r = complete_register()
    as_processor(r, no_transfers=True)
    assert "explicit-none-contradiction" not in codes(r)
    svc(r).transfers.append(Transfer(country="CH", mechanism="adequacy"))
    assert "explicit-none-contradiction" in codes(r)
