"""Templates write the law of the organisation's own Land and kind of body (issue 13)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ropa_desktop.cli import main
from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation, provisions, vocab
from ropa_desktop.domain.rules import Severity
from ropa_desktop.domain.rules.purposes import classify
from ropa_desktop.io import templates as tpl
from ropa_desktop.io.json_register import dumps, read_register
from ropa_desktop.store.database import open_store

TODAY = date(2026, 12, 5)
LAENDER = [str(t.attrs["code"]) for t in vocab.load("laender")]
TEMPLATES = [t.id for t in tpl.load_templates()]
KINDS = {
    "municipality": m.OrganisationKind.PUBLIC_AUTHORITY,
    "municipal-gmbh": m.OrganisationKind.MUNICIPAL_COMPANY,
    "aoer": m.OrganisationKind.PUBLIC_LAW_INSTITUTION,
}


def draft_for(template_id: str, org: m.Organisation, **answers: object) -> tpl.Draft:
    template = tpl.find_template(template_id)
    complete = tpl.complete_answers(template, dict(answers), org.kind)
    return tpl.build_draft(
        template, complete, organisation=org, catalogue=m.Register(), lang="de", today=TODAY
    )


def bases(draft: tpl.Draft) -> list[str]:
    return [b for p in draft.activity.purposes for b in p.legal_bases]


def test_there_are_16_laender_and_13_templates() -> None:
    assert len(LAENDER) == 16 and len(TEMPLATES) == 13


@pytest.mark.parametrize("kind", KINDS.values(), ids=KINDS.keys())
@pytest.mark.parametrize("land", LAENDER)
@pytest.mark.parametrize("template_id", TEMPLATES)
def test_template_writes_only_provisions_that_bind_the_body_and_causes_no_error(
    template_id: str, land: str, kind: m.OrganisationKind
) -> None:
    org = m.Organisation(name="Musterstadt", kind=kind, land=land)
    draft = draft_for(template_id, org)
    for text in bases(draft):
        basis = classify(text)
        if basis.provision is not None:
            assert provisions.binds(basis.provision, org), (text, land, kind)
        # a free-text citation names no other Land's law ("GO NRW", "LBG NRW" …)
        assert provisions.lands_named(text) <= {land}, text
        if basis.open:  # an open role names the organisation's own Land
            assert provisions.land_name(land, "de") in text
    findings = tpl.check_draft(draft, org, m.Register(), lang="de", today=TODAY)
    errors = [f.message for f in findings if f.severity == Severity.ERROR]
    assert errors == []
    for f in findings:
        if f.code == "provision-role-open":
            assert "Fundstelle" in f.message and "eintragen" in f.message


def test_bw_municipality_gets_bw_law_not_nrw_defaults() -> None:
    """Item 1: Komm.ONE (Baden-Württemberg) got § 3 DSG NRW and § 18 DSG NRW before."""
    org = m.Organisation(name="Gemeinde Ulm", land="DE-BW")
    written = [b for t in TEMPLATES for b in bases(draft_for(t, org, basis="art6-1-e"))]
    assert "§ 4 LDSG BW" in written and "§ 15 LDSG BW" in written
    assert not [b for b in written if "NRW" in b]


def test_gmbh_gets_bdsg_employment_clause_and_no_civil_servants() -> None:
    """Item 1: a private-law Stadtwerke GmbH got § 18 DSG NRW and a civil-servant purpose."""
    org = m.Organisation(name="Stadtwerke", land="DE-NW", kind=m.OrganisationKind.MUNICIPAL_COMPANY)
    draft = draft_for("personnel-files", org)
    assert "§ 26 BDSG" in bases(draft)
    assert "§ 18 DSG NRW" not in bases(draft)
    assert not [b for b in bases(draft) if "BeamtStG" in b or "LBG" in b]
    assert not [p for p in draft.activity.purposes if "Beamt" in p.text]


def test_unverified_role_stays_open_and_check_says_what_to_enter() -> None:
    """Bavaria's employment clause is not verified: no guess, no other Land's clause."""
    org = m.Organisation(name="Markt Musterdorf", land="DE-BY")
    draft = draft_for("job-applications", org)
    [open_basis] = {b for b in bases(draft) if provisions.is_open(b)}
    assert "Bayern" in open_basis and "Beschäftigtendaten" in open_basis
    findings = tpl.check_draft(draft, org, m.Register(), lang="en", today=TODAY)
    hits = [f for f in findings if f.code == "provision-role-open"]
    assert hits and all(f.severity == Severity.WARNING for f in hits)
    assert "Enter the citation" in hits[0].message


def test_organisation_without_land_gets_open_roles_not_nrw() -> None:
    org = m.Organisation(name="Irgendwo")
    written = bases(draft_for("contact-form", org, basis="art6-1-e"))
    assert not [b for b in written if "NRW" in b]
    assert any(provisions.is_open(b) and "Land nicht angegeben" in b for b in written)


def test_an_answer_given_is_kept() -> None:
    org = m.Organisation(name="Gemeinde", land="DE-NW")
    written = bases(draft_for("contact-form", org, basis="art6-1-e", land_clause="§ 8 GO NRW"))
    assert "§ 8 GO NRW" in written and "§ 3 DSG NRW" not in written


@pytest.mark.parametrize(
    "kind", [m.OrganisationKind.PUBLIC_AUTHORITY, m.OrganisationKind.PUBLIC_LAW_INSTITUTION]
)
def test_consent_is_never_the_preselected_basis_of_a_public_body(kind: m.OrganisationKind) -> None:
    """Item 8 (template side): where a template lets the DPO choose consent, a public body
    gets another basis preselected (recital 43)."""
    for template in tpl.load_templates():
        for q in template.questions:
            allowed = {c.value for c in q.allowed(kind)}
            if q.type == "choice" and "art6-1-a" in allowed and len(allowed) > 1:
                assert q.default_for(kind) != "art6-1-a", (template.id, q.id)


def test_teams_citizens_are_not_on_consent_for_a_municipality() -> None:
    org = m.Organisation(name="Stadt", land="DE-HE")
    draft = draft_for("teams-video-consultation", org)
    first = draft.activity.purposes[0]
    assert first.legal_bases == ["art6-1-e", "§ 3 HDSIG"]


def test_templates_assert_no_contract_and_no_dpia_result() -> None:
    """Item 10: no "contract … is in place", no DPIA "not required" nobody confirmed."""
    org = m.Organisation(name="Stadt", land="DE-NW")
    for template_id in TEMPLATES:
        text = json.dumps(tpl.find_template(template_id).activity, ensure_ascii=False)
        assert "liegt vor" not in text and "is in place" not in text, template_id
        draft = draft_for(template_id, org)
        assert draft.activity.dpia.result == m.DpiaResult.NOT_ASSESSED, template_id
        assert draft.activity.dpia.screened_on is None


def test_virtual_mailbox_as_processor_writes_an_art30_2_service(sqlite_url) -> None:
    """Item 11: the processor keeps an Art. 30(2) record, no controller activity."""
    store = open_store(sqlite_url)
    applied = tpl.apply_template(
        store,
        "virtual-mailbox",
        "Komm.ONE",
        {
            "organisation_kind": "public_law_institution",
            "land": "DE-BW",
            "role": "processor",
            "client_name": "Gemeinde Adorf",
            "client_contact": "poststelle@adorf.de",
        },
    )
    assert applied.draft.service is not None
    org = store.load_register("Komm.ONE").organisations[0]
    assert org.activities == [] and org.is_processor
    [svc] = org.services
    assert svc.controllers[0].name == "Gemeinde Adorf"
    assert svc.categories and svc.tom_description
    assert not hasattr(svc, "purposes")


@pytest.mark.parametrize("template_id", ["flexperto-video-consultation", "webmail-portal"])
def test_google_ireland_to_google_llc_offers_module_3(template_id: str) -> None:
    """Item 17: processor (Google Ireland) to subprocessor (Google LLC) is SCC module 3."""
    template = tpl.find_template(template_id)
    [question] = [
        q for q in template.questions if any(c.value.startswith("scc") for c in q.choices)
    ]
    values = {c.value for c in question.choices}
    assert "scc-3" in values and "scc-2" not in values
    org = m.Organisation(name="Stadt", land="DE-NW")
    answers = {question.id: "scc-3", "google_services": True, "recaptcha": True}
    answers = {k: v for k, v in answers.items() if template.question(k) is not None}
    draft = draft_for(template_id, org, **answers)
    assert [t.mechanism for t in draft.activity.transfers] == ["scc-3"]


def test_placeholder_general_clause_does_not_count_as_a_provision() -> None:
    """Item 18: "Generalklausel des Landesdatenschutzgesetzes" is no norm (Art. 6(3))."""
    basis = classify("Generalklausel des Landesdatenschutzgesetzes")
    assert not basis.law
    assert classify("§ 3 DSG NRW").law and classify("Bundesmeldegesetz").law


def test_public_body_setting_round_trips_through_store_and_json(db_url, tmp_path) -> None:
    """Item 7: the explicit setting is stored (both backends) and exported."""
    store = open_store(db_url)
    gmbh = m.Organisation(
        name="Kommunale IT GmbH",
        kind=m.OrganisationKind.MUNICIPAL_COMPANY,
        land="DE-BW",
        public_body=True,
    )
    aoer = m.Organisation(
        name="Wasser AöR", kind=m.OrganisationKind.PUBLIC_LAW_INSTITUTION, public_body=False
    )
    store.import_register(m.Register(organisations=[gmbh, aoer]))
    loaded = {o.name: o for o in store.load_register().organisations}
    assert loaded["Kommunale IT GmbH"].public_body is True
    assert loaded["Kommunale IT GmbH"].is_public_body
    assert loaded["Wasser AöR"].public_body is False and not loaded["Wasser AöR"].is_public_body
    path = tmp_path / "r.json"
    path.write_text(dumps(store.load_register()), encoding="utf-8")
    again = {o.name: o for o in read_register(path).organisations}
    assert again["Kommunale IT GmbH"].public_body is True
    assert again["Wasser AöR"].public_body is False
    # the history and the conflict dialog show a label, never the field key
    label = presentation.record_field_label("organisation", "public_body", "de")
    assert label.startswith("Öffentliche Stelle")


def test_cli_sets_land_and_public_body(sqlite_url, capsys) -> None:
    assert main(["--db", sqlite_url, "demo"]) == 0
    name = "Stadtwerke Bochum GmbH"
    assert main(["--db", sqlite_url, "organisation", "set", name, "--public-body", "yes"]) == 0
    assert "öffentliche Stelle nach Landesrecht: ja" in capsys.readouterr().out
    assert open_store(sqlite_url).load_organisation(name).public_body is True
    before = open_store(sqlite_url).load_organisation(name)
    assert main(["--db", sqlite_url, "organisation", "set", name, "--land", "XX"]) == 1
    assert "kein Land" in capsys.readouterr().err
    assert open_store(sqlite_url).load_organisation(name).land == before.land
    command = ["--lang", "en", "organisation", "set", name, "--public-body", "auto"]
    assert main(["--db", sqlite_url, *command]) == 0
    assert "no (from the legal form)" in capsys.readouterr().out
