"""Overdue and soon-due reviews per department on the organisation page and in the status
bar; the review cycle; the Prüfplan written from the page."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
import pytest

from ropa_desktop.domain import model as m
from ropa_desktop.store.review_cycle import review_months
from ropa_desktop.ui.main_window import MainWindow
from ropa_desktop.ui.pages.review_box import ReviewCycleBox

pytestmark = pytest.mark.gui
TODAY = date.today()


def _plan(session) -> None:  # type: ignore[no-untyped-def]
    """Overdue: one of the Kundenservice; due in ten days: one of Marketing; the rest later."""
    for i, uid in enumerate(session.activity_uids()):
        act = session.activity_copy(uid)
        act.status = m.ActivityStatus.DRAFT
        act.next_review = TODAY + timedelta(days=400)
        if i == 0:
            act.department, act.next_review = "Kundenservice", TODAY - timedelta(days=3)
        elif i == 1:
            act.department, act.next_review = "Marketing", TODAY + timedelta(days=10)
        session.save_activity(act)


def test_the_page_shows_due_reviews_per_department(qtbot, session, tmp_path):
    box = ReviewCycleBox(session)
    qtbot.addWidget(box)
    _plan(session)
    text = box.summary.text()
    assert "Kundenservice: <b>1</b> overdue, 0 due within 30 days" in text
    assert "Marketing: 0 overdue, 1 due within 30 days" in text
    assert text.count("<br>") == 1  # only departments with something due

    box.months.setValue(6)
    box.apply_cycle()
    assert review_months(session.store, session.organisation_name) == 6

    target = tmp_path / "plan.xlsx"
    box.export_plan(target)
    rows = list(openpyxl.load_workbook(target).active.iter_rows(min_row=3, values_only=True))
    assert [(r[2], r[1]) for r in rows] == [
        ("Kundenservice", "überfällig"),
        ("Marketing", "in 30 Tagen fällig"),
    ]
    pdf = tmp_path / "plan.pdf"
    box.export_plan(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    ics = tmp_path / "plan.ics"
    box.export_plan(ics)
    assert ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 2


def test_the_status_bar_names_due_reviews_on_start(qtbot, session):
    _plan(session)
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert window.reviews_label.text() == "Reviews: 1 overdue, 1 due within 30 days"
    assert window.reviews_label.toolTip() == (
        "Kundenservice: 1 overdue, 0 due within 30 days\nMarketing: 0 overdue, 1 due within 30 days"
    )
