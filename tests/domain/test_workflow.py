"""The approval guard and the counts per status."""

from __future__ import annotations

import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.domain import workflow
from ropa_desktop.domain.rules.catalogue import Severity
from ropa_desktop.domain.rules.findings import Finding

ERROR = Finding(Severity.ERROR, "X", "Org", "A", "Zweck fehlt")
WARNING = Finding(Severity.WARNING, "Y", "Org", "A", "Hinweis")
APPROVED, REVIEW = m.ActivityStatus.APPROVED, m.ActivityStatus.IN_REVIEW


def test_approval_with_errors_needs_a_reason():
    act = m.Activity(name="Meldewesen", status=APPROVED)
    assert workflow.needs_override(REVIEW, act, [ERROR, WARNING])
    with pytest.raises(workflow.ApprovalRefused, match="1 Fehler"):
        workflow.check_approval(REVIEW, act, [ERROR], "  ")
    workflow.check_approval(REVIEW, act, [ERROR], "Bürgermeisterin hat entschieden")


def test_warnings_an_approved_activity_and_other_steps_need_none():
    act = m.Activity(status=APPROVED)
    assert not workflow.needs_override(REVIEW, act, [WARNING])
    assert not workflow.needs_override(APPROVED, act, [ERROR])  # already approved
    assert not workflow.needs_override(None, m.Activity(status=REVIEW), [ERROR])


def test_status_counts_name_every_status():
    acts = [m.Activity(status=REVIEW), m.Activity(status=REVIEW), m.Activity()]
    assert workflow.status_counts(acts) == {
        m.ActivityStatus.DRAFT: 1,
        REVIEW: 2,
        APPROVED: 0,
        m.ActivityStatus.ARCHIVED: 0,
    }
