"""The review cycle on the command line: ``review plan`` (what is overdue or due soon, per
department; optionally as Prüfplan workbook or calendar file) and ``review cycle`` (show
or set the organisation's cycle). Part of :mod:`ropa_desktop.cli`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ropa_desktop.domain.i18n import LocalizedError, Text

if TYPE_CHECKING:
    from ropa_desktop.store.repository import Store

T = Text
MSG = {
    "cycle": T(
        de="Prüfzyklus von „{org}“: {months} Monate.",
        en="Review cycle of “{org}”: {months} months.",
    ),
    "department": T(
        de="{department}: {overdue} überfällig, {soon} in {days} Tagen fällig",
        en="{department}: {overdue} overdue, {soon} due within {days} days",
    ),
    "nothing": T(
        de="Nichts überfällig, nichts in {days} Tagen fällig.",
        en="Nothing overdue, nothing due within {days} days.",
    ),
    "line": T(
        de="  {due}  {state:<18}  {reference}  {name}",
        en="  {due}  {state:<18}  {reference}  {name}",
    ),
    "written": T(de="Geschrieben: {file}", en="Written: {file}"),
    "suffix": T(
        de="{file}: der Prüfplan wird als .xlsx, .pdf oder .ics geschrieben.",
        en="{file}: the review plan is written as .xlsx, .pdf or .ics.",
    ),
}


class ReviewCommandError(LocalizedError):
    """A review command cannot go on; nothing was written."""


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``review plan`` and ``review cycle`` commands."""
    rv = sub.add_parser("review", help="review cycle: what is due, the Prüfplan")
    rsub = rv.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    plan = rsub.add_parser("plan", help="overdue and soon-due activities per department")
    plan.add_argument("--org", required=True, metavar="NAME")
    plan.add_argument("--within", type=int, default=30, metavar="DAYS")
    plan.add_argument("--all", action="store_true", help="every activity, not only those due")
    plan.add_argument(
        "--out", type=Path, metavar="FILE", help="write the plan (.xlsx, .pdf or .ics)"
    )
    cycle = rsub.add_parser("cycle", help="show or set the organisation's review cycle")
    cycle.add_argument("--org", required=True, metavar="NAME")
    cycle.add_argument("--months", type=int)


def run_review(store: Store, args: argparse.Namespace) -> int:
    """Run ``review plan`` or ``review cycle``."""
    from ropa_desktop.store.review_cycle import review_months, set_review_months

    if args.review_command == "cycle":
        if args.months is not None:
            set_review_months(store, args.org, args.months)
        print(MSG["cycle"](org=args.org, months=review_months(store, args.org)))
        return 0
    return _plan(store, args, review_months(store, args.org))


def _plan(store: Store, args: argparse.Namespace, months: int) -> int:
    from ropa_desktop.domain import presentation as p
    from ropa_desktop.domain.review_cycle import DUE_LABELS, Due, per_department, review_plan
    from ropa_desktop.io.review_plan import write_plan_ics, write_plan_pdf, write_plan_xlsx
    from ropa_desktop.io.survey.workbook import department_title

    suffix = args.out.suffix.lower() if args.out else ""
    if args.out and suffix not in (".xlsx", ".pdf", ".ics"):
        raise ReviewCommandError(MSG["suffix"], file=args.out)
    today = date.today()
    org = store.load_organisation(args.org)
    entries = review_plan(org, today, months, soon_days=args.within)
    shown = entries if args.all else [e for e in entries if e.urgency is not Due.LATER]
    counts = per_department(entries)
    if not counts:
        print(MSG["nothing"](days=args.within))
    for department, c in counts.items():
        print(
            MSG["department"](
                department=department_title(department),
                overdue=c[Due.OVERDUE],
                soon=c[Due.SOON],
                days=args.within,
            )
        )
    for entry in shown:
        print(
            MSG["line"](
                due=p.format_date(entry.due),
                state=DUE_LABELS[entry.urgency](),
                reference=entry.activity.reference,
                name=entry.activity.name,
            )
        )
    if args.out:
        if suffix == ".ics":
            write_plan_ics(org, shown, args.out)
        elif suffix == ".pdf":
            write_plan_pdf(org, shown, args.out, today)
        else:
            write_plan_xlsx(org, shown, args.out, today)
        print(MSG["written"](file=args.out))
    return 0
