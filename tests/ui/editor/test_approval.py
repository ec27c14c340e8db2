"""Approving an activity ("Freigegeben"): without check errors directly, with errors only
with a reason that the history records; the status filter counts per status."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from ropa_desktop.domain import model as m
from ropa_desktop.domain import workflow
from ropa_desktop.domain.rules import Severity
from ropa_desktop.ui.activities.activities_view import ActivitiesView
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.editor.activity_editor import ActivityEditor

pytestmark = pytest.mark.gui


def _with_errors(session, errors: bool) -> m.Activity:  # type: ignore[no-untyped-def]
    for uid in session.activity_uids():
        act = session.activity(uid)
        has = any(f.severity is Severity.ERROR for f in session.check(act))
        if has == errors and act.status is not m.ActivityStatus.APPROVED:
            return act
    raise AssertionError("the demo register has no such activity")


def _approve(qtbot, session, act: m.Activity) -> ActivityEditor:  # type: ignore[no-untyped-def]
    editor = ActivityEditor(session)
    qtbot.addWidget(editor)
    editor.load(act.uid)
    combo = editor.findChild(QComboBox, "activityEditor.status")
    assert combo is not None
    combo.setCurrentIndex(combo.findData(m.ActivityStatus.APPROVED.value))
    return editor


def _status_changes(session, uid: str):  # type: ignore[no-untyped-def]
    return [h for h in session.store.history(uid) if h.field in ("status", "approval_override")]


def test_an_activity_with_errors_needs_a_reason(qtbot, session, monkeypatch):
    act = _with_errors(session, True)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_reason", lambda _p, _t, text: asked.append(text) or None)
    editor = _approve(qtbot, session, act)
    assert editor.save() is False  # no reason given: nothing saved
    assert session.store.load_activity(act.uid).status is act.status
    assert "Fehler" in asked[0] or "error" in asked[0]

    monkeypatch.setattr(prompts, "ask_reason", lambda *_: "Freigabe durch Bürgermeisterin")
    assert editor.save() is True
    assert session.store.load_activity(act.uid).status is m.ActivityStatus.APPROVED
    entries = {h.field: h for h in _status_changes(session, act.uid)}
    assert entries["approval_override"].new == "Freigabe durch Bürgermeisterin"
    assert entries["status"].new == "approved" and entries["status"].user == "tester"
    assert entries["status"].at == entries["approval_override"].at


def test_an_activity_without_errors_is_approved_without_a_question(qtbot, session, monkeypatch):
    act = _with_errors(session, False)
    monkeypatch.setattr(prompts, "ask_reason", lambda *_: pytest.fail("asked for a reason"))
    editor = _approve(qtbot, session, act)
    assert editor.save() is True
    changes = _status_changes(session, act.uid)
    assert [(h.field, h.old, h.new) for h in changes][-1:] == [
        ("status", act.status.value, "approved")
    ]


def test_the_status_filter_counts_per_status(qtbot, session):
    view = ActivitiesView(session)
    qtbot.addWidget(view)
    acts = session.organisation().activities
    counts = workflow.status_counts(acts)
    combo = view.status_filter
    texts = [combo.itemText(i) for i in range(1, combo.count())]
    assert texts == [
        f"{label} ({counts[s]})"
        for s, label in zip(
            m.ActivityStatus, ["Entwurf", "In Prüfung", "Freigegeben", "Archiviert"], strict=True
        )
    ]
    first = session.activity_copy(acts[0].uid)
    before = counts[m.ActivityStatus.ARCHIVED]
    first.status = m.ActivityStatus.ARCHIVED
    session.save_activity(first)
    assert combo.itemText(4) == f"Archiviert ({before + 1})"
