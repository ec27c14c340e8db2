"""Due dates of reviews and the plan per department."""

from __future__ import annotations

from datetime import UTC, date, datetime

from ropa_desktop.domain import model as m
from ropa_desktop.domain.review_cycle import Due, add_months, due_date, per_department, review_plan

TODAY = date(2026, 12, 5)


def test_add_months_keeps_the_day_or_takes_the_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 12, 31), 2) == date(2028, 2, 29)
    assert add_months(date(2026, 12, 5), 12) == date(2027, 12, 5)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_due_date_recorded_else_cycle_after_review_else_after_creation():
    created = datetime(2025, 3, 1, tzinfo=UTC)
    assert due_date(m.Activity(next_review=date(2027, 1, 1))) == date(2027, 1, 1)
    assert due_date(m.Activity(last_reviewed=date(2026, 6, 1)), 6) == date(2026, 12, 1)
    assert due_date(m.Activity(created=created)) == date(2026, 3, 1)


def test_plan_sorts_by_due_date_and_counts_per_department():
    acts = [
        m.Activity(name="später", department="Kämmerei", next_review=date(2027, 6, 1)),
        m.Activity(name="bald", department="Kämmerei", next_review=date(2027, 1, 4)),
        m.Activity(name="fällig", department="Bauamt", next_review=date(2026, 12, 1)),
        m.Activity(name="heute", department="Bauamt", next_review=TODAY),
        m.Activity(
            name="archiviert", next_review=date(2020, 1, 1), status=m.ActivityStatus.ARCHIVED
        ),
    ]
    plan = review_plan(m.Organisation(activities=acts), TODAY)
    assert [(e.activity.name, e.urgency) for e in plan] == [
        ("fällig", Due.OVERDUE),
        ("heute", Due.SOON),
        ("bald", Due.SOON),
        ("später", Due.LATER),
    ]
    assert per_department(plan) == {
        "Bauamt": {Due.OVERDUE: 1, Due.SOON: 1},
        "Kämmerei": {Due.OVERDUE: 0, Due.SOON: 1},
    }
