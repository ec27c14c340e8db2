"""Completeness and consistency rules: each rule fires on its gap and falls silent once the
gap is filled; a complete activity yields nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import registers

from ropa_desktop.domain import i18n
from ropa_desktop.domain.model import (
    Activity,
    ActivityStatus,
    ClientController,
    Contact,
    DataCategory,
    DpiaResult,
    JointController,
    Organisation,
    OrganisationKind,
    ProcessingService,
    Processor,
    ProcessorLink,
    Purpose,
    Recipient,
    Register,
    Retention,
    RetentionUnit,
    SpecialCategory,
    SubprocessorLink,
    Tom,
    Transfer,
)
from ropa_desktop.domain.rules import (
    RULES,
    Finding,
    Severity,
    check_activity,
    check_organisation,
    check_register,
    completeness,
)

TODAY = date(2026, 3, 1)


def complete_register() -> Register:
    """A municipality with one activity that leaves nothing to complain about."""
    activity = Activity(
        name="Hundesteuer",
        department="Kämmerei",
        purposes=[Purpose("Festsetzung und Erhebung der Hundesteuer", ["art6-1-e", "§ 3 DSG NRW"])],
        data_subjects=["Hundehalterinnen und Hundehalter"],
        data_categories=[
            DataCategory(
                "Name und Anschrift",
                retention=Retention(10, RetentionUnit.YEARS, "Ende des Steuerjahres"),
            )
        ],
        internal_recipients=["Stadtkasse"],
        tom_description="Rollen- und Berechtigungskonzept, verschlüsselte Ablage",
        status=ActivityStatus.APPROVED,
        last_reviewed=date(2025, 6, 1),
        next_review=date(2027, 6, 1),
    )
    org = Organisation(
        name="Stadt Musterhausen",
        kind=OrganisationKind.PUBLIC_AUTHORITY,
        land="DE-NW",
        street="Markt 1",
        postcode="48000",
        city="Musterhausen",
        email="info@musterhausen.de",
        dpo=Contact(name="Dana Schutz", email="datenschutz@musterhausen.de"),
        supervisory_authority="LDI NRW",
        activities=[activity],
    )
    return Register(organisations=[org], toms=[Tom(uid="tom-1", title="Verschlüsselung")])


def complete_service() -> ProcessingService:
    return ProcessingService(
        name="Virtuelle Poststelle",
        controllers=[ClientController(name="Gemeinde Adorf", contact="poststelle@adorf.de")],
        categories=["Betrieb eines elektronischen Postfachs"],
        tom_description="Betrieb im eigenen Rechenzentrum",
    )


def org(r: Register) -> Organisation:
    return r.organisations[0]


def act(r: Register) -> Activity:
    return r.organisations[0].activities[0]


def svc(r: Register) -> ProcessingService:
    return r.organisations[0].services[0]


def put(obj: Any, **values: Any) -> None:
    for name, value in values.items():
        setattr(obj, name, value)


def run(r: Register, lang: str | None = "de") -> list[Finding]:
    return check_register(r, today=TODAY, lang=lang)


def codes(r: Register) -> set[str]:
    return {f.code for f in run(r)}


def add_processor(r: Register, country: str, contract: date | None = date(2024, 1, 1)) -> str:
    proc = Processor(uid="proc-1", name="Cloud Inc.", country=country, contract_date=contract)
    r.processors.append(proc)
    act(r).processors.append(ProcessorLink(processor=proc.uid, service="Hosting"))
    return proc.uid


def as_processor(r: Register, **changes: Any) -> None:
    org(r).is_processor = True
    service = complete_service()
    put(service, **changes)
    org(r).services.append(service)


def add_subprocessor_in_us(r: Register) -> None:
    """An EU processor of the activity that engages a US subprocessor."""
    add_processor(r, "IE")
    r.processors.append(Processor(uid="sub-1", name="Cloud LLC", country="US"))
    r.processors[0].subprocessors.append(SubprocessorLink(processor="sub-1", service="Hosting"))


def municipal_company(r: Register) -> None:
    org(r).kind = OrganisationKind.MUNICIPAL_COMPANY


def transfer(r: Register, **values: Any) -> None:
    act(r).transfers.append(Transfer(**values))


Mutation = Callable[[Register], Any]


class Case(NamedTuple):
    code: str
    gap: Mutation
    fill: Mutation
    field: str | None


CASES: list[Case] = [
    # organisation
    Case(
        "org-no-name",
        lambda r: put(org(r), name=""),
        lambda r: put(org(r), name="Stadt Adorf"),
        "name",
    ),
    Case(
        "org-no-contact",
        lambda r: put(org(r), street="", postcode="", city="", phone="", email=""),
        lambda r: put(org(r), phone="02561 1234"),
        "street",
    ),
    Case(
        "org-no-dpo",
        lambda r: put(org(r), dpo=Contact()),
        lambda r: put(org(r), dpo=Contact(name="Dana Schutz", phone="02561 99")),
        "dpo",
    ),
    Case(
        "org-no-dpo-nonpublic",
        lambda r: (municipal_company(r), put(org(r), dpo=Contact())),
        lambda r: put(org(r), dpo=Contact(organisation="DSB GmbH", email="dsb@x.de")),
        "dpo",
    ),
    Case(
        "org-dpo-no-contact",
        lambda r: put(org(r), dpo=Contact(name="Dana Schutz")),
        lambda r: put(org(r).dpo, street="Markt 1", city="Musterhausen"),
        "dpo.email",
    ),
    Case(
        "org-no-authority",
        lambda r: put(org(r), supervisory_authority=""),
        lambda r: put(org(r), supervisory_authority="LDI NRW"),
        "supervisory_authority",
    ),
    Case(
        "org-no-activities",
        lambda r: put(act(r), status=ActivityStatus.ARCHIVED),
        lambda r: org(r).activities.append(complete_register().organisations[0].activities[0]),
        "activities",
    ),
    Case(
        "org-processor-without-services",
        lambda r: put(org(r), is_processor=True),
        lambda r: org(r).services.append(complete_service()),
        "services",
    ),
    Case(
        "processor-no-contract",
        lambda r: add_processor(r, "DE", contract=None),
        lambda r: put(r.processors[0], contract_reference="AV-2024-07"),
        None,
    ),
    # activity: name and purposes
    Case(
        "activity-no-name",
        lambda r: put(act(r), name=""),
        lambda r: put(act(r), name="Hundesteuer"),
        "name",
    ),
    Case(
        "activity-duplicate-name",
        lambda r: org(r).activities.append(complete_register().organisations[0].activities[0]),
        lambda r: put(org(r).activities[1], name="Hundesteuer – Mahnwesen"),
        "name",
    ),
    Case(
        "activity-no-purpose",
        lambda r: put(act(r), purposes=[]),
        lambda r: act(r).purposes.append(Purpose("Erhebung", ["art6-1-e", "§ 3 DSG NRW"])),
        "purposes",
    ),
    Case(
        "purpose-no-text",
        lambda r: act(r).purposes.append(Purpose("", ["art6-1-c"])),
        lambda r: put(
            act(r).purposes[1], text="Vollstreckung", legal_bases=["art6-1-c", "§ 1 VwVG NRW"]
        ),
        "purposes[1].text",
    ),
    Case(
        "purpose-no-legal-basis",
        lambda r: put(act(r).purposes[0], legal_bases=[]),
        lambda r: put(act(r).purposes[0], legal_bases=["art6-1-e", "§ 3 DSG NRW"]),
        "purposes[0].legal_bases",
    ),
    Case(
        "purpose-no-art6-basis",
        lambda r: put(act(r).purposes[0], legal_bases=["§ 3 DSG NRW"]),
        lambda r: act(r).purposes[0].legal_bases.append("Art. 6 Abs. 1 lit. e DSGVO"),
        "purposes[0].legal_bases",
    ),
    Case(
        "legal-basis-no-provision",
        lambda r: put(act(r).purposes[0], legal_bases=["art6-1-e"]),
        lambda r: act(r).purposes[0].legal_bases.append("§§ 1 ff. HStG"),
        "purposes[0].legal_bases",
    ),
    Case(
        "legal-basis-free-text",
        lambda r: act(r).purposes[0].legal_bases.append("Satzung"),
        lambda r: put(
            act(r).purposes[0], legal_bases=["art6-1-e", "§ 3 DSG NRW", "§ 2 Hundesteuersatzung"]
        ),
        "purposes[0].legal_bases",
    ),
    Case(
        "public-body-legitimate-interest",
        lambda r: put(
            act(r).purposes[0], legal_bases=["art6-1-f"], legitimate_interest="Forderungsmanagement"
        ),
        lambda r: put(act(r).purposes[0], legal_bases=["art6-1-e", "§ 3 DSG NRW"]),
        "purposes[0].legal_bases",
    ),
    Case(
        "legitimate-interest-not-described",
        lambda r: (municipal_company(r), put(act(r).purposes[0], legal_bases=["art6-1-f"])),
        lambda r: put(act(r).purposes[0], legitimate_interest="Schutz vor Zahlungsausfällen"),
        "purposes[0].legitimate_interest",
    ),
    Case(
        "contested-national-basis",
        lambda r: put(act(r).purposes[0], legal_bases=["bdsg-26"]),
        lambda r: act(r).purposes[0].legal_bases.append("art6-1-b"),
        "purposes[0].legal_bases",
    ),
    # the law of the organisation's own Land and kind of body
    Case(
        "provision-other-land",
        lambda r: put(act(r).purposes[0], legal_bases=["art6-1-e", "§ 4 LDSG BW"]),
        lambda r: put(act(r).purposes[0], legal_bases=["art6-1-e", "nw-dsg-3"]),
        "purposes[0].legal_bases",
    ),
    Case(
        "federal-provision-land-body",
        lambda r: put(act(r).purposes[0], legal_bases=["art6-1-e", "§ 3 DSG NRW", "§ 26 BDSG"]),
        lambda r: put(act(r).purposes[0], legal_bases=["art6-1-e", "§ 3 DSG NRW", "§ 18 DSG NRW"]),
        "purposes[0].legal_bases",
    ),
    Case(
        "provision-not-for-body",
        lambda r: put(org(r), public_body=False),
        lambda r: put(org(r), public_body=True),
        "purposes[0].legal_bases",
    ),
    Case(
        "provision-role-open",
        lambda r: put(
            act(r).purposes[0],
            legal_bases=[
                "art6-1-e",
                "Offen: Generalklausel des Landesdatenschutzgesetzes (Nordrhein-Westfalen) – "
                "Fundstelle eintragen",
            ],
        ),
        lambda r: put(act(r).purposes[0], legal_bases=["art6-1-e", "§ 3 DSG NRW"]),
        "purposes[0].legal_bases",
    ),
    # data subjects and data
    Case(
        "activity-no-data-subjects",
        lambda r: put(act(r), data_subjects=[" "]),
        lambda r: put(act(r), data_subjects=["Beschäftigte"]),
        "data_subjects",
    ),
    Case(
        "activity-no-data-categories",
        lambda r: put(act(r), data_categories=[]),
        lambda r: act(r).data_categories.append(
            DataCategory("Bankverbindung", retention=Retention(text="10 Jahre (§ 147 AO)"))
        ),
        "data_categories",
    ),
    Case(
        "data-category-no-retention",
        lambda r: put(act(r).data_categories[0], retention=Retention()),
        lambda r: put(
            act(r).data_categories[0], retention=Retention(text="gesetzliche Aufbewahrungsfrist")
        ),
        "data_categories[0].retention",
    ),
    Case(
        "art9-no-condition",
        lambda r: act(r).data_categories.append(
            DataCategory(
                "Schwerbehinderung", SpecialCategory.ART9, retention=Retention(text="1 Jahr")
            )
        ),
        lambda r: act(r).purposes[0].legal_bases.append("art9-2-b"),
        "data_categories[1].special",
    ),
    Case(
        "art10-no-basis",
        lambda r: act(r).data_categories.append(
            DataCategory(
                "Führungszeugnis", SpecialCategory.ART10, retention=Retention(text="sofort")
            )
        ),
        lambda r: act(r).purposes[0].legal_bases.append("§ 72a SGB VIII"),
        "data_categories[1].special",
    ),
    # recipients, joint controllers
    Case(
        "activity-no-recipients",
        lambda r: put(act(r), internal_recipients=[]),
        lambda r: add_processor(r, "DE"),
        "recipients",
    ),
    Case(
        "joint-controller-no-arrangement",
        lambda r: act(r).joint_controllers.append(JointController(name="Kreis Borken")),
        lambda r: put(act(r).joint_controllers[0], arrangement="Vereinbarung vom 1.2.2024"),
        "joint_controllers[0].arrangement",
    ),
    Case(
        "third-country-no-transfer",
        lambda r: add_processor(r, "USA"),
        lambda r: transfer(r, country="US", processor="proc-1", mechanism="scc-2"),
        "processors[0]",
    ),
    # transfers
    Case(
        "transfer-no-country",
        lambda r: transfer(r, mechanism="scc-2"),
        lambda r: put(act(r).transfers[0], country="IN"),
        "transfers[0].country",
    ),
    Case(
        "transfer-unknown-country",
        lambda r: transfer(r, country="Atlantis", mechanism="scc-2"),
        lambda r: put(act(r).transfers[0], country="Indien"),
        "transfers[0].country",
    ),
    Case(
        "transfer-within-eea",
        lambda r: transfer(r, country="FR"),
        lambda r: put(act(r), transfers=[]),
        "transfers[0].country",
    ),
    Case(
        "transfer-no-mechanism",
        lambda r: transfer(r, country="IN", recipient="Support Ltd."),
        lambda r: put(act(r).transfers[0], mechanism="scc-2"),
        "transfers[0].mechanism",
    ),
    Case(
        "transfer-mechanism-unclassified",
        lambda r: transfer(r, country="IN", mechanism_text="EU-Standardvertragsklauseln"),
        lambda r: put(act(r).transfers[0], mechanism="scc-2"),
        "transfers[0].mechanism",
    ),
    Case(
        "transfer-adequacy-not-applicable",
        lambda r: transfer(r, country="CN", mechanism="adequacy"),
        lambda r: put(act(r).transfers[0], mechanism="scc-2"),
        "transfers[0].mechanism",
    ),
    Case(
        "transfer-invalid-mechanism",
        lambda r: transfer(r, country="US", mechanism="privacy-shield"),
        lambda r: put(act(r).transfers[0], mechanism="scc-2"),
        "transfers[0].mechanism",
    ),
    Case(
        "transfer-unknown-mechanism",
        lambda r: transfer(r, country="IN", mechanism="scc-5"),
        lambda r: put(act(r).transfers[0], mechanism="scc-2"),
        "transfers[0].mechanism",
    ),
    Case(
        "transfer-derogation-public-body",
        lambda r: transfer(r, country="IN", mechanism="art49-1-b"),
        lambda r: put(act(r).transfers[0], mechanism="art49-1-d"),
        "transfers[0].mechanism",
    ),
    Case(
        "transfer-49-1-2-undocumented",
        lambda r: (municipal_company(r), transfer(r, country="IN", mechanism="art49-1-2")),
        lambda r: put(act(r).transfers[0], documentation="Abwägung vom 3.3.2025, Akte 12"),
        "transfers[0].documentation",
    ),
    Case(
        "transfer-authorisation-undocumented",
        lambda r: transfer(r, country="IN", mechanism="art46-3"),
        lambda r: put(act(r).transfers[0], documentation="Genehmigung LDI NRW vom 1.4.2025"),
        "transfers[0].documentation",
    ),
    Case(
        "transfer-us-dpf-certification",
        lambda r: transfer(r, country="US", mechanism="dpf"),
        lambda r: put(act(r).transfers[0], mechanism="scc-2"),
        "transfers[0].mechanism",
    ),
    # TOMs, DPIA, workflow
    Case(
        "activity-no-tom",
        lambda r: put(act(r), tom_description=""),
        lambda r: act(r).toms.append("tom-1"),
        "tom_description",
    ),
    Case(
        "dpia-indicated",
        lambda r: put(act(r).dpia, wp248=["evaluation-scoring", "systematic-monitoring"]),
        lambda r: put(act(r).dpia, result=DpiaResult.DONE),
        "dpia.result",
    ),
    Case(
        "dpia-mandatory",
        lambda r: put(act(r).dpia, art35_3=["art35-3-c"], result=DpiaResult.NOT_REQUIRED),
        lambda r: put(act(r).dpia, result=DpiaResult.DONE),
        "dpia.result",
    ),
    Case(
        "dpia-not-required-unjustified",
        lambda r: put(
            act(r).dpia,
            wp248=["evaluation-scoring", "systematic-monitoring"],
            result=DpiaResult.NOT_REQUIRED,
        ),
        lambda r: put(act(r).dpia, notes="Nur Stichproben, keine Profilbildung"),
        "dpia.notes",
    ),
    Case(
        "dpia-pending",
        lambda r: put(act(r).dpia, result=DpiaResult.REQUIRED),
        lambda r: put(act(r).dpia, result=DpiaResult.DONE, reference="DSFA-2025-03"),
        "dpia.result",
    ),
    Case(
        "review-overdue",
        lambda r: put(act(r), next_review=TODAY - timedelta(days=1)),
        lambda r: put(act(r), next_review=TODAY),
        "next_review",
    ),
    Case(
        "review-missing",
        lambda r: put(act(r), next_review=None),
        lambda r: put(act(r), next_review=date(2027, 1, 1)),
        "next_review",
    ),
    Case(
        "activity-no-department",
        lambda r: put(act(r), department=""),
        lambda r: put(act(r), department="Kämmerei"),
        "department",
    ),
    # processor register
    Case(
        "service-no-name",
        lambda r: as_processor(r, name=""),
        lambda r: put(svc(r), name="Virtuelle Poststelle"),
        "name",
    ),
    Case(
        "service-no-controller",
        lambda r: as_processor(r, controllers=[]),
        lambda r: svc(r).controllers.append(ClientController(name="Adorf", contact="a@b.de")),
        "controllers",
    ),
    Case(
        "service-controller-no-contact",
        lambda r: as_processor(r, controllers=[ClientController(name="Gemeinde Adorf")]),
        lambda r: put(svc(r).controllers[0], contact="Hauptstraße 1, 70000 Adorf"),
        "controllers[0].contact",
    ),
    Case(
        "service-no-categories",
        lambda r: as_processor(r, categories=[]),
        lambda r: svc(r).categories.append("Hosting"),
        "categories",
    ),
    Case(
        "service-no-tom",
        lambda r: as_processor(r, tom_description=""),
        lambda r: put(svc(r), tom_description="ISO 27001 auf Basis IT-Grundschutz"),
        "tom_description",
    ),
    # issue 13 part B, issue 18 item 4
    Case(
        "public-body-consent",
        lambda r: act(r).purposes.append(Purpose("Newsletter Baustelleninfo", ["art6-1-a"])),
        lambda r: municipal_company(r),
        "purposes[1].legal_bases",
    ),
    Case(
        "art9-condition-no-law",
        lambda r: act(r).purposes.append(Purpose("Gesundheitsvorsorge", ["art9-2-h"])),
        lambda r: act(r).purposes[1].legal_bases.append("§ 22 Abs. 1 Nr. 1 lit. b BDSG"),
        "purposes[1].legal_bases",
    ),
    Case(
        "art10-no-law",
        lambda r: act(r).purposes.append(Purpose("Zuverlässigkeitsprüfung", ["art10"])),
        lambda r: act(r).purposes[1].legal_bases.append("§ 72a SGB VIII"),
        "purposes[1].legal_bases",
    ),
    Case(
        "subprocessor-third-country-no-transfer",
        add_subprocessor_in_us,
        lambda r: transfer(r, country="US", processor="sub-1", mechanism="scc-3"),
        "processors[0]",
    ),
    Case(
        "explicit-none-contradiction",
        lambda r: (put(act(r), no_transfers=True), transfer(r, country="IN", mechanism="scc-2")),
        lambda r: put(act(r), no_transfers=False),
        "transfers",
    ),
    Case(
        "transfer-adequacy-scope",
        lambda r: transfer(r, country="JP", recipient="Präfektur Kyoto", mechanism="adequacy"),
        lambda r: put(act(r).transfers[0], mechanism="art46-2-a"),
        "transfers[0].mechanism",
    ),
    Case(
        "transfer-expired-scc",
        lambda r: transfer(r, country="IN", mechanism_text="Standardvertragsklauseln 2010/87/EU"),
        lambda r: put(act(r).transfers[0], mechanism="scc-2", mechanism_text=""),
        "transfers[0].mechanism",
    ),
    Case(
        "transfer-derogation-systematic",
        lambda r: (
            municipal_company(r),
            add_processor(r, "IN"),
            transfer(r, country="IN", processor="proc-1", mechanism="art49-1-a"),
        ),
        lambda r: put(act(r).transfers[0], mechanism="scc-2"),
        "transfers[0].mechanism",
    ),
]


def test_complete_public_body_activity_has_no_findings() -> None:
    r = complete_register()
    assert run(r) == []
    assert run(r, "en") == []
    assert completeness(act(r)) == 1.0


def test_every_rule_has_a_case() -> None:
    assert {c.code for c in CASES} == {rule.code for rule in RULES}


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_rule_fires_on_gap_and_not_once_filled(case: Case) -> None:
    gap = complete_register()
    case.gap(gap)
    hits = [f for f in run(gap) if f.code == case.code]
    assert hits, run(gap)
    finding = hits[0]
    assert finding.field == case.field
    assert finding.severity == {r.code: r.severity for r in RULES}[case.code]
    assert finding.organisation == org(gap).name
    english = next(f for f in run(gap, "en") if f.code == case.code)
    assert english.message != finding.message

    filled = complete_register()
    case.gap(filled)
    case.fill(filled)
    assert case.code not in codes(filled), run(filled)


# --- details of single rules


def test_org_no_dpo_is_for_public_bodies_only() -> None:
    r = complete_register()
    put(org(r), dpo=Contact())
    assert {"org-no-dpo"} <= codes(r)
    municipal_company(r)
    assert "org-no-dpo" not in codes(r)
    assert "org-no-dpo-nonpublic" in codes(r)


def test_processor_without_contract_reported_once_naming_every_use() -> None:
    r = complete_register()
    add_processor(r, "DE", contract=None)
    second = complete_register().organisations[0].activities[0]
    second.name = "Hundesteuer – Mahnwesen"
    second.processors.append(ProcessorLink(processor="proc-1"))
    org(r).activities.append(second)
    hits = [f for f in run(r) if f.code == "processor-no-contract"]
    assert len(hits) == 1
    assert hits[0].activity is None
    assert "Cloud Inc." in hits[0].message
    assert "Hundesteuer, Hundesteuer – Mahnwesen" in hits[0].message
    r.processors[0].contract_date = date(2024, 5, 1)
    assert "processor-no-contract" not in codes(r)


def test_public_body_may_not_rely_on_legitimate_interest_but_company_may() -> None:
    r = complete_register()
    put(act(r).purposes[0], legal_bases=["art6-1-f"], legitimate_interest="Werbung")
    [hit] = [f for f in run(r) if f.code == "public-body-legitimate-interest"]
    assert hit.severity is Severity.ERROR
    assert "Festsetzung und Erhebung der Hundesteuer" in hit.message
    assert "öffentlicher Aufgaben" in hit.message and "fiskalisches Handeln" in hit.message
    municipal_company(r)
    assert "public-body-legitimate-interest" not in codes(r)


def test_contested_basis_free_text_and_pairing() -> None:
    r = complete_register()
    put(
        act(r).purposes[0],
        legal_bases=["§ 26 Abs. 1 BDSG", "art6-1-f"],
        legitimate_interest="Organisation",
    )
    municipal_company(r)
    [hit] = [f for f in run(r) if f.code == "contested-national-basis"]
    assert "C-34/21" in hit.message and "§ 26 BDSG" in hit.message
    assert "Art. 6 Abs. 1 lit. b DSGVO" in hit.message
    put(act(r).purposes[0], legal_bases=["§ 26 Abs. 1 BDSG i.V.m. Art. 6 Abs. 1 lit. b DSGVO"])
    assert "contested-national-basis" not in codes(r)


def test_gdpr_citations_in_free_text_count_as_bases() -> None:
    r = complete_register()
    put(act(r).purposes[0], legal_bases=["Art. 6 Abs. 1 lit. e DSGVO, § 3 DSG NRW"])
    assert run(r) == []
    put(act(r).purposes[0], legal_bases=["Art. 6(1)(e) GDPR", "§ 3 DSG NRW"])
    assert run(r) == []


def test_art9_condition_from_national_special_category_provision() -> None:
    r = complete_register()
    act(r).data_categories.append(
        DataCategory("Gesundheitsdaten", SpecialCategory.ART9, retention=Retention(text="3 Jahre"))
    )
    [hit] = [f for f in run(r, "en") if f.code == "art9-no-condition"]
    assert "“Gesundheitsdaten”" in hit.message
    act(r).purposes[0].legal_bases.append("§ 16 DSG NRW")
    assert "art9-no-condition" not in codes(r)


def test_bdsg_22_does_not_carry_art9_data_of_a_land_public_body() -> None:
    r = complete_register()
    act(r).data_categories.append(
        DataCategory("Gesundheitsdaten", SpecialCategory.ART9, retention=Retention(text="3 Jahre"))
    )
    act(r).purposes[0].legal_bases.append("bdsg-22")
    # a municipality in NRW: the BDSG does not bind it (§ 1 Abs. 1 S. 1 Nr. 2 BDSG)
    assert {"art9-no-condition", "federal-provision-land-body"} <= codes(r)
    [hit] = [f for f in run(r) if f.code == "federal-provision-land-body"]
    assert "§ 22 BDSG" in hit.message and "Nordrhein-Westfalen" in hit.message
    # a municipal GmbH is a non-public body: § 22 BDSG binds it
    put(org(r), kind=OrganisationKind.MUNICIPAL_COMPANY)
    put(act(r).purposes[0], legal_bases=["art6-1-b", "bdsg-22"])
    assert not {"art9-no-condition", "federal-provision-land-body"} & codes(r)


def test_art10_general_clause_is_not_enough() -> None:
    r = complete_register()
    act(r).data_categories.append(
        DataCategory("Vorstrafen", SpecialCategory.ART10, retention=Retention(text="sofort"))
    )
    [hit] = [f for f in run(r) if f.code == "art10-no-basis"]
    assert "„Vorstrafen“" in hit.message and "„§ 3 DSG NRW“" in hit.message
    act(r).purposes[0].legal_bases.append("art10")
    assert "art10-no-basis" not in codes(r)


def test_free_text_that_names_no_law_is_not_a_provision() -> None:
    r = complete_register()
    put(act(r).purposes[0], legal_bases=["art6-1-e", "Einwilligung"])
    assert {"legal-basis-no-provision", "legal-basis-free-text"} <= codes(r)
    assert not {c for c in codes(r) if c.startswith("purpose-")}


@pytest.mark.parametrize(
    ("country", "mechanism", "expected"),
    [
        ("US", "", "transfer-no-mechanism"),
        ("Vereinigte Staaten", "adequacy", "transfer-adequacy-not-applicable"),
        ("US", "scc-2", None),
        ("US", "bcr", None),
        ("CH", "", None),
        ("Schweiz", "adequacy", None),
        ("GB", "", None),
        ("int-epo", "", None),
        ("JP", "dpf", "transfer-adequacy-not-applicable"),
        ("IN", "art49-1-d", None),
    ],
)
def test_transfer_mechanism_by_country(country: str, mechanism: str, expected: str | None) -> None:
    r = complete_register()
    transfer(r, country=country, mechanism=mechanism)
    errors = {f.code for f in run(r) if f.severity is Severity.ERROR}
    assert errors == ({expected} if expected else set())


def test_transfer_messages_name_the_country_and_recipient() -> None:
    r = complete_register()
    transfer(r, country="US", recipient="Google LLC")
    [de] = [f for f in run(r) if f.code == "transfer-no-mechanism"]
    [en] = [f for f in run(r, "en") if f.code == "transfer-no-mechanism"]
    assert "Vereinigte Staaten" in de.message and "Google LLC" in de.message
    assert "United States" in en.message and "Google LLC" in en.message
    assert "DPF" in en.message


def test_privacy_shield_in_free_text_is_invalid() -> None:
    r = complete_register()
    transfer(r, country="US", mechanism_text="EU-US Privacy  Shield")
    assert {f.code for f in run(r) if f.severity is Severity.ERROR} == {
        "transfer-invalid-mechanism"
    }


def test_derogations_allowed_for_municipal_companies() -> None:
    r = complete_register()
    transfer(r, country="IN", mechanism="art49-1-a")
    assert "transfer-derogation-public-body" in codes(r)
    municipal_company(r)
    assert "transfer-derogation-public-body" not in codes(r)


def test_recipient_in_third_country_needs_a_transfer() -> None:
    r = complete_register()
    r.recipients.append(Recipient(uid="rec-1", name="Partnerstadt", country="CN"))
    act(r).recipients.append("rec-1")
    [hit] = [f for f in run(r) if f.code == "third-country-no-transfer"]
    assert hit.field == "recipients[0]" and "China" in hit.message
    transfer(r, country="CN", mechanism="scc-1")
    assert "third-country-no-transfer" not in codes(r)


def test_dpia_indicated_by_a_mandatory_list_item_alone() -> None:
    r = complete_register()
    act(r).dpia.dsk_list.append("dsk-01")
    assert "dpia-indicated" in codes(r)
    act(r).dpia.result = DpiaResult.DONE
    assert "dpia-indicated" not in codes(r)


def test_one_wp248_criterion_does_not_indicate_a_dpia() -> None:
    r = complete_register()
    act(r).dpia.wp248.append("large-scale")
    assert run(r) == []


def test_archived_activities_are_not_checked() -> None:
    r = complete_register()
    put(act(r), purposes=[], data_subjects=[], status=ActivityStatus.ARCHIVED)
    assert check_activity(act(r), org(r), r, today=TODAY) == []


def test_review_overdue_message_gives_the_date() -> None:
    r = complete_register()
    act(r).next_review = date(2025, 12, 31)
    [de] = [f for f in run(r) if f.code == "review-overdue"]
    [en] = [f for f in run(r, "en") if f.code == "review-overdue"]
    assert "31.12.2025" in de.message and "2025-12-31" in en.message


# --- messages, order, serialisation


def test_messages_follow_the_current_language_by_default() -> None:
    r = complete_register()
    act(r).data_categories[0].retention = Retention()
    before = i18n.language()
    try:
        i18n.set_language("en")
        [hit] = check_register(r, today=TODAY)
        assert hit.message.startswith("No time limit for erasure")
        i18n.set_language("de")
        [hit] = check_register(r, today=TODAY)
        assert hit.message.startswith("Für die Datenkategorie „Name und Anschrift“")
    finally:
        i18n.set_language(before)


def test_order_by_organisation_then_activity_then_severity() -> None:
    r = complete_register()
    put(org(r), name="Stadt Zell", supervisory_authority="")
    put(act(r), name="Abfall", department="", data_subjects=[])
    act(r).data_categories[0].retention = Retention()
    second = complete_register().organisations[0]
    put(second, name="Amt Adorf", email="")
    put(second.activities[0], name="Bücherei", data_subjects=[])
    r.organisations.append(second)
    got = [(f.organisation, f.activity, f.severity, f.code) for f in run(r)]
    assert got == [
        ("Amt Adorf", "Bücherei", Severity.ERROR, "activity-no-data-subjects"),
        ("Stadt Zell", None, Severity.WARNING, "org-no-authority"),
        ("Stadt Zell", "Abfall", Severity.ERROR, "activity-no-data-subjects"),
        ("Stadt Zell", "Abfall", Severity.WARNING, "data-category-no-retention"),
        ("Stadt Zell", "Abfall", Severity.INFO, "activity-no-department"),
    ]


def test_check_organisation_and_activity_agree_with_register() -> None:
    r = complete_register()
    act(r).data_subjects = []
    assert check_organisation(org(r), r, today=TODAY, lang="de") == run(r)
    assert check_activity(act(r), org(r), r, today=TODAY, lang="de") == run(r)


def test_finding_to_json() -> None:
    r = complete_register()
    act(r).data_subjects = []
    [finding] = run(r, "en")
    assert finding.to_json() == {
        "severity": "error",
        "code": "activity-no-data-subjects",
        "organisation": "Stadt Musterhausen",
        "activity": "Hundesteuer",
        "message": "No categories of data subjects recorded (Art. 30(1)(c) GDPR).",
        "field": "data_subjects",
    }


def test_unnamed_activity_is_labelled() -> None:
    r = complete_register()
    act(r).name = ""
    assert {f.activity for f in run(r, "en")} == {"(unnamed)"}
    act(r).reference = "VT-07"
    assert {f.activity for f in run(r, "en")} == {"VT-07"}


def test_rules_table() -> None:
    assert len({rule.code for rule in RULES}) == len(RULES)
    for rule in RULES:
        code, severity, text = rule.code, rule.severity, rule.text
        assert isinstance(severity, Severity)
        assert text("de") and text("en") and text("de") != text("en"), code


# --- completeness


GAPS: dict[str, tuple[Callable[[Activity], Any], float]] = {
    "purpose text": (lambda a: put(a.purposes[0], text=""), 7 / 8),
    "legal bases": (lambda a: put(a.purposes[0], legal_bases=[]), 7 / 8),
    "data subjects": (lambda a: put(a, data_subjects=[]), 7 / 8),
    # without categories there is no retention rule either
    "data categories": (lambda a: put(a.data_categories[0], name=""), 6 / 8),
    "recipients": (lambda a: put(a, internal_recipients=[]), 7 / 8),
    "retention": (lambda a: a.data_categories.append(DataCategory("Chipnummer")), 7 / 8),
    "toms": (lambda a: put(a, tom_description=""), 7 / 8),
    "transfers": (lambda a: a.transfers.append(Transfer(country="IN")), 7 / 8),
}


@pytest.mark.parametrize(("gap", "expected"), GAPS.values(), ids=GAPS.keys())
def test_completeness_drops_with_each_gap(gap: Callable[[Activity], Any], expected: float) -> None:
    a = act(complete_register())
    gap(a)
    assert completeness(a) == pytest.approx(expected)


def test_completeness_counts_answered_transfers_and_empty_activity() -> None:
    a = act(complete_register())
    a.transfers = [Transfer(country="US", mechanism="dpf"), Transfer(country="CH")]
    assert completeness(a) == 1.0
    a.transfers.append(Transfer(country="IN", mechanism="art49-1-2"))
    assert completeness(a) == pytest.approx(7 / 8)
    a.transfers[-1].documentation = "Abwägung vom 1.2.2025"
    assert completeness(a) == 1.0
    a.internal_recipients = []
    a.processors = [ProcessorLink(processor="p")]
    assert completeness(a) == 1.0
    assert completeness(Activity()) == pytest.approx(1 / 8)  # only "no transfers"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_any_register_can_be_checked(register: Register) -> None:
    known = {rule.code for rule in RULES}
    for finding in check_register(register, today=TODAY, lang="en"):
        assert finding.code in known
        assert finding.message
    for organisation in register.organisations:
        for activity in organisation.activities:
            assert 0.0 <= completeness(activity) <= 1.0
