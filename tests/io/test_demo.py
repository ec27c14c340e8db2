"""The demo register reproduces the five seed privacy notices and survives the store."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ropa_desktop.domain import codec, vocab
from ropa_desktop.domain.integrity import integrity_problems
from ropa_desktop.domain.model import (
    Activity,
    OrganisationKind,
    Register,
    RetentionUnit,
)
from ropa_desktop.io.demo import build_demo_register
from ropa_desktop.io.json_register import document_to_register
from ropa_desktop.store.database import open_store

TODAY = date(2026, 3, 15)

GUETERSLOH = "Stadtwerke Gütersloh GmbH"
BOCHUM = "Stadtwerke Bochum GmbH"
HERNE = "Stadtwerke Herne AG"
AHAUS = "Stadt Ahaus"
KOMM_ONE = "Komm.ONE"


@pytest.fixture(scope="module")
def reg() -> Register:
    return build_demo_register(TODAY)


def _activity(reg: Register, org: str, name_part: str) -> Activity:
    organisation = reg.organisation(org)
    assert organisation is not None
    matches = [a for a in organisation.activities if name_part in a.name]
    assert len(matches) == 1, [a.name for a in organisation.activities]
    return matches[0]


def _retention(act: Activity, name_part: str):
    (cat,) = [c for c in act.data_categories if name_part in c.name]
    return cat.retention


def _all_activities(reg: Register) -> list[Activity]:
    return [a for o in reg.organisations for a in o.activities]


def test_five_organisations_with_their_kinds(reg):
    assert [(o.name, o.kind, o.land) for o in reg.organisations] == [
        (GUETERSLOH, OrganisationKind.MUNICIPAL_COMPANY, "DE-NW"),
        (BOCHUM, OrganisationKind.MUNICIPAL_COMPANY, "DE-NW"),
        (HERNE, OrganisationKind.MUNICIPAL_COMPANY, "DE-NW"),
        (AHAUS, OrganisationKind.PUBLIC_AUTHORITY, "DE-NW"),
        (KOMM_ONE, OrganisationKind.PUBLIC_LAW_INSTITUTION, "DE-BW"),
    ]


def test_contacts_as_the_notices_give_them(reg):
    gt = reg.organisation(GUETERSLOH)
    assert gt.dpo.name == "Christina Meyer"
    assert gt.dpo.organisation.startswith("ds² Unternehmensberatung")
    assert gt.dpo_external
    assert reg.organisation(BOCHUM).dpo.email == "datenschutz@stadtwerke-bochum.de"
    assert reg.organisation(HERNE).dpo.organisation == "fox-on Datenschutz GmbH"
    ahaus = reg.organisation(AHAUS)
    assert ahaus.management == "Bürgermeisterin Karola Voß"
    assert ahaus.dpo.email == "datenschutz@mediabeam.com"
    assert reg.organisation(KOMM_ONE).dpo.email == "datenschutz@komm.one"
    assert [o.supervisory_authority for o in reg.organisations] == [
        "nw-ldi",
        "nw-ldi",
        "",
        "nw-ldi",
        "",
    ]


def test_activity_counts_and_references(reg):
    counts = {o.name: len(o.activities) for o in reg.organisations}
    assert counts == {GUETERSLOH: 2, BOCHUM: 8, HERNE: 1, AHAUS: 4, KOMM_ONE: 0}
    for org in reg.organisations:
        refs = [a.reference for a in org.activities]
        assert refs == [f"VT-{i:03d}" for i in range(1, len(refs) + 1)]


def test_flexperto_retention_per_data_category(reg):
    act = _activity(reg, GUETERSLOH, "Flexperto")
    content = _retention(act, "Inhaltsdaten")
    assert (content.duration, content.unit) == (2, RetentionUnit.DAYS)
    meta = _retention(act, "Metadaten")
    assert (meta.duration, meta.unit) == (30, RetentionUnit.DAYS)
    signature = _retention(act, "Signaturdaten")
    assert (signature.duration, signature.unit) == (6, RetentionUnit.MONTHS)
    assert "keine Speicherung" in _retention(act, "Audio- und Videostream").text
    assert "gesetzliche" in _retention(act, "Vertragsdaten").text
    # The notice gives no rule for calendar authentication data: the gap stays visible.
    assert _retention(act, "Kalenderauthentifizierungsdaten").is_empty()


def test_flexperto_bases_processors_and_vague_us_transfer(reg):
    act = _activity(reg, GUETERSLOH, "Flexperto")
    bases = [b for p in act.purposes for b in p.legal_bases]
    assert "art6-1-b" in bases and "art6-1-f" in bases
    (meta,) = [p for p in act.purposes if "art6-1-f" in p.legal_bases]
    assert "Funktionsfähigkeit" in meta.legitimate_interest
    processors = reg.processors_by_uid()
    names = {processors[link.processor].name for link in act.processors}
    assert names == {"Flexperto GmbH", "Google Ireland Limited"}
    flexperto = next(p for p in reg.processors if p.name == "Flexperto GmbH")
    assert flexperto.subprocessors == []
    assert "Unterauftragsverarbeiter" in flexperto.notes
    assert flexperto.contract_date is None
    (transfer,) = act.transfers
    assert transfer.country == "US"
    assert transfer.mechanism == ""
    assert transfer.mechanism_text


def test_herne_teams_uses_bdsg_26_and_scc(reg):
    act = _activity(reg, HERNE, "Microsoft Teams")
    bases = {b for p in act.purposes for b in p.legal_bases}
    assert bases == {"art6-1-a", "bdsg-26", "art6-1-f"}
    (transfer,) = act.transfers
    assert (transfer.country, transfer.mechanism) == ("US", "scc-2")
    microsoft = reg.processors_by_uid()[transfer.processor]
    assert microsoft.name == "Microsoft Corporation"
    assert microsoft.country == "US"
    assert "eigenständiger Verantwortlicher" in act.notes
    assert act.recipients == []


def test_bochum_gaps_stay_open(reg):
    logs = _activity(reg, BOCHUM, "Server-Protokolle")
    assert all(not p.legal_bases for p in logs.purposes)
    assert _retention(logs, "Protokolldaten").duration == 90
    analytics = _activity(reg, BOCHUM, "Google Analytics")
    (transfer,) = analytics.transfers
    assert (transfer.country, transfer.mechanism) == ("US", "")
    newsletter = _activity(reg, BOCHUM, "Newsletter")
    assert newsletter.purposes[0].legal_bases == ["art6-1-a"]
    assert "Double-Opt-in" in newsletter.notes
    xqueue = reg.processors_by_uid()[newsletter.processors[0].processor]
    assert (xqueue.name, xqueue.city) == ("XQueue GmbH", "Offenbach am Main")
    for name in ("Rückrufservice", "Live-Chat"):
        act = _activity(reg, BOCHUM, name)
        assert reg.processors_by_uid()[act.processors[0].processor].city == "Nantes"
        assert any(
            c.retention.duration == 3 and c.retention.unit == RetentionUnit.MONTHS
            for c in act.data_categories
        )


def test_ahaus_portal_retention_and_public_authority_relying_on_f(reg):
    portal = _activity(reg, AHAUS, "Kollaborationsportal")
    master = _retention(portal, "Bestandsdaten")
    assert (master.duration, master.unit) == (6, RetentionUnit.MONTHS)
    assert "Vertragsverhältnis" in master.start
    assert reg.processors_by_uid()[portal.processors[0].processor].name == "mediaBEAM GmbH"
    cookies = _activity(reg, AHAUS, "Cookies")
    assert cookies.purposes[0].legal_bases == ["art6-1-f"]
    recaptcha = _activity(reg, AHAUS, "reCAPTCHA")
    assert [(t.country, t.mechanism) for t in recaptcha.transfers] == [("US", "")]


def test_komm_one_is_a_processor_with_a_service(reg):
    org = reg.organisation(KOMM_ONE)
    assert org.is_processor and not org.is_controller
    assert org.activities == []
    (service,) = org.services
    assert service.name.startswith("Virtuelle Poststelle")
    assert [c.name for c in service.controllers] == ["Kommunen in Baden-Württemberg"]
    assert service.transfers == []
    assert "SSL" in service.tom_description and "Firewall" in service.tom_description
    assert any("IP-Adresse" in c for c in service.categories)


def test_every_link_points_somewhere(reg):
    processors = reg.processors_by_uid()
    for org in reg.organisations:
        for act in org.activities:
            for link in act.processors:
                assert link.processor in processors
        for svc in org.services:
            for link in svc.subprocessors:
                assert link.processor in processors
    assert integrity_problems(reg) == []
    # Every processor of the catalogue is used by some activity.
    used = {link.processor for a in _all_activities(reg) for link in a.processors}
    assert used == set(processors)


def test_vocabulary_ids_are_known(reg):
    bases = {t.id for t in vocab.legal_bases()} | {t.id for t in vocab.national_provisions()}
    mechanisms = {t.id for t in vocab.transfer_mechanisms()}
    authorities = {t.id for t in vocab.supervisory_authorities()}
    goals = {t.id for t in vocab.sdm_goals()}
    art32 = {t.id for t in vocab.art32_categories()}
    for act in _all_activities(reg):
        for purpose in act.purposes:
            assert set(purpose.legal_bases) <= bases
        for transfer in act.transfers:
            assert transfer.mechanism == "" or transfer.mechanism in mechanisms
    for org in reg.organisations:
        assert org.supervisory_authority == "" or org.supervisory_authority in authorities
    for tom in reg.toms:
        assert tom.sdm_goal in goals
        assert set(tom.art32) <= art32


def test_one_review_is_overdue_and_dates_are_relative_to_today(reg):
    overdue = [a for a in _all_activities(reg) if a.next_review and a.next_review < TODAY]
    assert [a.name for a in overdue] == ["Bereitstellung der Website und Server-Protokolle"]
    for act in _all_activities(reg):
        assert act.created <= act.changed
        assert act.changed.date() <= TODAY
        assert act.created.tzinfo is not None
        if act not in overdue:
            assert act.next_review == TODAY + timedelta(days=365)


def test_uids_are_stable_between_builds(reg):
    again = build_demo_register(TODAY)
    assert codec.register_to_document(again) == codec.register_to_document(reg)
    later = build_demo_register(TODAY + timedelta(days=10))
    uids = [o.uid for o in reg.organisations] + [a.uid for a in _all_activities(reg)]
    later_uids = [o.uid for o in later.organisations] + [a.uid for a in _all_activities(later)]
    assert uids == later_uids
    assert len(set(uids)) == len(uids)


def test_document_passes_the_json_schema(reg):
    doc = codec.register_to_document(reg)
    assert codec.register_to_document(document_to_register(doc, "demo")) == doc


def test_round_trip_through_sqlite(reg, tmp_path):
    store = open_store(tmp_path / "demo.sqlite")
    try:
        store.import_register(reg)
        loaded = store.load_register()
    finally:
        store.engine.dispose()
    assert codec.register_to_document(loaded) == codec.register_to_document(reg)
