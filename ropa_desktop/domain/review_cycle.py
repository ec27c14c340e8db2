"""When each activity is due for review, and what is overdue or due soon, per department.

An activity's next review is the date recorded in ``next_review``; when none is recorded,
the organisation's cycle (default 12 months) after the last review, or after the activity
was created when it was never reviewed.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import Activity, ActivityStatus, Organisation

DEFAULT_MONTHS = 12
SOON_DAYS = 30


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (31 January + 1 month → 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(act: Activity, months: int = DEFAULT_MONTHS) -> date:
    """When ``act`` is next due for review."""
    if act.next_review is not None:
        return act.next_review
    base = act.last_reviewed or act.created.date()
    return add_months(base, months)


class Due(StrEnum):
    """How urgent a review is."""

    OVERDUE = "overdue"
    SOON = "soon"
    LATER = "later"


DUE_LABELS = {
    Due.OVERDUE: Text("überfällig", "overdue"),
    Due.SOON: Text("in 30 Tagen fällig", "due within 30 days"),
    Due.LATER: Text("später fällig", "due later"),
}


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """One activity of the review plan (Prüfplan)."""

    activity: Activity
    due: date
    urgency: Due


def review_plan(
    org: Organisation, today: date, months: int = DEFAULT_MONTHS, *, soon_days: int = SOON_DAYS
) -> list[PlanEntry]:
    """Every activity that is not archived with its due date, soonest first."""
    out: list[PlanEntry] = []
    for act in org.activities:
        if act.status is ActivityStatus.ARCHIVED:
            continue
        due = due_date(act, months)
        urgency = (
            Due.OVERDUE
            if due < today
            else Due.SOON
            if due <= today + timedelta(days=soon_days)
            else Due.LATER
        )
        out.append(PlanEntry(act, due, urgency))
    return sorted(out, key=lambda e: (e.due, e.activity.department, e.activity.reference))


def per_department(entries: list[PlanEntry]) -> dict[str, dict[Due, int]]:
    """Counts of overdue and soon-due activities per department (only departments with
    any), by department name ("" for activities without one)."""
    out: dict[str, dict[Due, int]] = {}
    for entry in entries:
        if entry.urgency is Due.LATER:
            continue
        counts = out.setdefault(entry.activity.department.strip(), {Due.OVERDUE: 0, Due.SOON: 0})
        counts[entry.urgency] += 1
    return dict(sorted(out.items()))
