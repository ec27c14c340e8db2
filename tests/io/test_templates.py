"""Wizard templates as data: every case valid, complete when applied, processors reused."""

from __future__ import annotations

import json

import pytest

from ropa_desktop.cli import main
from ropa_desktop.domain import model as m
from ropa_desktop.domain.rules import Severity, check_register
from ropa_desktop.io.templates import (
    TemplateError,
    apply_template,
    find_template,
    holds,
    load_templates,
    parse_answers,
    read_template,
)
from ropa_desktop.store.database import open_store

REQUIRED = {
    "teams-video-consultation",
    "flexperto-video-consultation",
    "virtual-mailbox",
    "webmail-portal",
    "website-server-logs",
    "web-analytics",
    "contact-form",
    "callback-live-chat",
    "newsletter",
    "customer-portal",
}
ALL = sorted(t.id for t in load_templates())


def test_the_required_cases_and_three_municipal_ones_are_there():
    ids = set(ALL)
    assert ids >= REQUIRED
    assert len(ids - REQUIRED) >= 3
    for t in load_templates():
        assert t.title("de") and t.title("en") and t.description("en")
        for q in t.questions:
            assert q.help is not None, f"{t.id}: question {q.id} has no help text"


@pytest.mark.parametrize(
    "kind", [m.OrganisationKind.PUBLIC_AUTHORITY, m.OrganisationKind.MUNICIPAL_COMPANY]
)
@pytest.mark.parametrize("template_id", ALL)
def test_each_template_with_its_defaults_gives_an_activity_without_errors(
    sqlite_url, template_id, kind
):
    store = open_store(sqlite_url)
    applied = apply_template(store, template_id, "Musterstadt", {"organisation_kind": kind.value})
    register = store.load_register("Musterstadt")
    act = applied.draft.activity
    errors = [
        f
        for f in check_register(register)
        if f.activity == act.name and f.severity == Severity.ERROR
    ]
    assert errors == [], [f.message for f in errors]
    stored = register.organisations[0].activities[0]
    assert stored.purposes and all(p.legal_bases for p in stored.purposes)
    if kind.is_public_body:  # Art. 6(1) second subparagraph
        assert all("art6-1-f" not in p.legal_bases for p in stored.purposes)


def test_teams_twice_links_both_activities_to_the_same_microsoft(sqlite_url):
    store = open_store(sqlite_url)
    first = apply_template(
        store,
        "teams-video-consultation",
        "Stadtwerke A",
        {"organisation_kind": "municipal_company"},
    )
    second = apply_template(store, "teams-video-consultation", "Stadtwerke A", {})
    names = [p.name for p in store.catalogue().processors]
    assert sum("microsoft" in n.casefold() for n in names) == len(
        {n for n in names if "microsoft" in n.casefold()}
    )
    acts = store.load_organisation("Stadtwerke A").activities
    assert len(acts) == 2 and acts[0].reference != acts[1].reference
    assert acts[0].processors[0].processor == acts[1].processors[0].processor
    assert second.draft.reused_processors and not second.draft.new_processors
    assert first.draft.new_processors


def test_an_existing_microsoft_is_reused_by_the_template(sqlite_url):
    store = open_store(sqlite_url)
    existing = m.Processor(name="Microsoft", country="IE")
    store.import_register(
        m.Register(organisations=[m.Organisation(name="Stadt A")], processors=[existing])
    )
    applied = apply_template(store, "teams-video-consultation", "Stadt A", {})
    assert applied.draft.activity.processors[0].processor == existing.uid


def test_choices_not_open_to_public_bodies_are_refused(sqlite_url):
    store = open_store(sqlite_url)
    store.import_register(m.Register(organisations=[m.Organisation(name="Stadt A")]))
    template = find_template("teams-video-consultation")
    question = next(
        q for q in template.questions if any("public_authority" in c.not_for for c in q.choices)
    )
    closed = next(c.value for c in question.choices if "public_authority" in c.not_for)
    with pytest.raises(TemplateError, match="nicht offen"):
        apply_template(
            store, template.id, "Stadt A", parse_answers(template, [f"{question.id}={closed}"])
        )
    assert store.load_organisation("Stadt A").activities == []


def test_answers_are_checked():
    template = find_template("teams-video-consultation")
    with pytest.raises(TemplateError, match="keine Frage"):
        parse_answers(template, ["colour=blue"])
    with pytest.raises(TemplateError, match="SCHLÜSSEL=WERT"):
        parse_answers(template, ["recording"])
    boolean = next(q.id for q in template.questions if q.type == "boolean")
    assert parse_answers(template, [f"{boolean}=ja"]) == {boolean: True}
    with pytest.raises(TemplateError, match="weder ja noch nein"):
        parse_answers(template, [f"{boolean}=vielleicht"])


def test_conditions():
    answers = {"recording": True, "tool": "matomo", "chat": False, "name": ""}
    assert holds("recording", answers) and not holds("!recording", answers)
    assert holds("tool == matomo", answers) and holds("tool != google", answers)
    assert not holds("chat", answers) and not holds("name", answers)
    assert holds(None, answers)


def test_a_broken_template_file_names_file_and_path(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(
        json.dumps(
            {
                "id": "x",
                "title": {"de": "T"},
                "description": {"de": "d", "en": "d"},
                "questions": [],
                "activity": {"name": "n", "purposes": []},
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as info:
        read_template(path)
    assert str(path) in str(info.value) and "$.title" in str(info.value)


def test_cli_template_list_and_apply(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite")
    assert main(["template", "list"]) == 0
    out = capsys.readouterr().out
    assert "teams-video-consultation" in out and "Videoberatung" in out
    assert main(["--db", db, "template", "apply", "newsletter", "--org", "Gemeinde Neu"]) == 0
    out = capsys.readouterr().out
    assert "Organisation „Gemeinde Neu“ neu angelegt." in out and "(VT-001) angelegt" in out
    assert (
        main(
            [
                "--db",
                db,
                "--lang",
                "en",
                "template",
                "apply",
                "newsletter",
                "--org",
                "Gemeinde Neu",
                "--set",
                "colour=blue",
            ]
        )
        == 1
    )
    assert "no question" in capsys.readouterr().err
    assert len(open_store(db).load_organisation("Gemeinde Neu").activities) == 1


def test_an_empty_provider_answer_creates_no_nameless_processor(sqlite_url):
    store = open_store(sqlite_url)
    apply_template(store, "newsletter", "Stadt A", {"provider": ""})
    assert all(p.name.strip() for p in store.catalogue().processors)
