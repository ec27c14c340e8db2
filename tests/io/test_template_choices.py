"""What the wizard needs from the templates: question conditions, the processor plan,
pinned processor choices and the findings of a draft before it is written."""

from __future__ import annotations

import re

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.domain.rules import check_activity
from ropa_desktop.io.templates import (
    TemplateError,
    apply_template,
    check_draft,
    find_template,
    load_templates,
    prepare,
)
from ropa_desktop.store.database import open_store

TEAMS = "teams-video-consultation"
MS = "Microsoft Ireland Operations Limited"


def test_question_conditions_name_an_earlier_question():
    seen_conditions = 0
    for t in load_templates():
        earlier: set[str] = set()
        for q in t.questions:
            if q.when:
                seen_conditions += 1
                key = re.match(r"!?([a-z0-9_]+)", q.when).group(1)
                assert key in earlier, f"{t.id}: {q.id} depends on {key}, not asked before"
            earlier.add(q.id)
    assert seen_conditions >= 5


def test_a_question_is_shown_only_when_its_condition_holds():
    q = find_template(TEAMS).question("employee_law")
    assert q is not None and q.when
    assert q.shown({"employee_basis": "art6-1-e"})
    assert not q.shown({"employee_basis": "art6-1-b"})
    assert find_template(TEAMS).question("recording").shown({})  # no condition


@pytest.fixture
def store(sqlite_url):  # type: ignore[no-untyped-def]
    s = open_store(sqlite_url)
    s.import_register(
        m.Register(
            organisations=[m.Organisation(name="Stadt A")],
            processors=[m.Processor(name="Rechenzentrum Süd", country="DE")],
        )
    )
    return s


def _uid(store, name: str) -> str:  # type: ignore[no-untyped-def]
    return next(p.uid for p in store.catalogue().processors if p.name == name)


def test_the_plan_says_which_processors_are_reused_and_which_created(store):
    draft, _org, _created = prepare(store, TEAMS, "Stadt A", {})
    assert [(p.name, p.reused, p.pinned) for p in draft.plan] == [(MS, False, False)]
    assert draft.plan[0].processor.name == MS and draft.plan[0].service
    apply_template(store, TEAMS, "Stadt A", {})
    draft, _org, _created = prepare(store, TEAMS, "Stadt A", {})
    assert [(p.name, p.reused) for p in draft.plan] == [(MS, True)]
    assert draft.plan[0].processor.uid == _uid(store, MS)


def test_a_pinned_processor_replaces_creating_one(store):
    own = _uid(store, "Rechenzentrum Süd")
    applied = apply_template(store, TEAMS, "Stadt A", {}, processors={MS: own})
    assert applied.draft.activity.processors[0].processor == own
    assert applied.draft.plan[0].pinned and applied.draft.plan[0].reused
    assert applied.draft.new_processors == []
    assert [p.name for p in store.catalogue().processors] == ["Rechenzentrum Süd"]


def test_a_pinned_processor_replaces_the_one_matched_by_name(store):
    apply_template(store, TEAMS, "Stadt A", {})
    own = _uid(store, "Rechenzentrum Süd")
    before = len(store.catalogue().processors)
    applied = apply_template(store, TEAMS, "Stadt A", {}, processors={MS: own})
    assert applied.draft.activity.processors[0].processor == own
    assert len(store.catalogue().processors) == before


def test_pins_for_names_the_template_does_not_use_are_ignored(store):
    applied = apply_template(
        store,
        "newsletter",
        "Stadt A",
        {"provider": "XQueue GmbH"},
        processors={MS: _uid(store, "Rechenzentrum Süd")},
    )
    names = {p.uid: p.name for p in store.catalogue().processors}
    assert names[applied.draft.activity.processors[0].processor] == "XQueue GmbH"


def test_a_pin_to_an_unknown_processor_is_refused_and_nothing_written(store):
    with pytest.raises(TemplateError, match="im Katalog nicht"):
        apply_template(store, TEAMS, "Stadt A", {}, processors={MS: "no-such-uid"})
    assert store.load_organisation("Stadt A").activities == []
    assert len(store.catalogue().processors) == 1


@pytest.mark.parametrize("template_id", [TEAMS, "flexperto-video-consultation", "newsletter"])
def test_the_draft_findings_are_those_of_the_written_activity(store, template_id):
    apply_template(store, template_id, "Stadt A", {})  # the second one is a duplicate name
    draft, org, _created = prepare(store, template_id, "Stadt A", {})
    expected = check_draft(draft, org, store.catalogue())
    assert "activity-duplicate-name" in [f.code for f in expected]
    applied = apply_template(store, template_id, "Stadt A", {})
    register = store.load_register("Stadt A")
    stored_org = register.organisations[0]
    act = next(a for a in stored_org.activities if a.uid == applied.draft.activity.uid)
    found = check_activity(act, stored_org, register)
    assert sorted(f.code for f in found) == sorted(f.code for f in expected)
