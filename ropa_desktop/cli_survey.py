"""The yearly review on the command line: ``survey out`` writes the questionnaires of an
organisation's departments, ``survey in`` reads one back and shows (``--dry-run``: rehearses,
``--accept-all``: takes over) the answers. Part of :mod:`ropa_desktop.cli`."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ropa_desktop.domain.i18n import LocalizedError, Text

if TYPE_CHECKING:
    from ropa_desktop.io.survey.review import Review
    from ropa_desktop.store.repository import Store

T = Text
PASSWORD_ENV = "ROPA_SURVEY_PASSWORD"

MSG = {
    "written": T(
        de="{department}: {n} Verarbeitungstätigkeiten → {file}",
        en="{department}: {n} processing activities → {file}",
    ),
    "password": T(de="Kennwort für den Blattschutz: ", en="Password for sheet protection: "),
    "again": T(de="Kennwort wiederholen: ", en="Repeat the password: "),
    "mismatch": T(
        de="Die Kennwörter stimmen nicht überein; nichts geschrieben.",
        en="The passwords differ; nothing written.",
    ),
    "head": T(
        de="Fragebogen „{department}“ von „{org}“, versandt am {sent}:",
        en="Questionnaire “{department}” of “{org}”, sent on {sent}:",
    ),
    "activity": T(de="• {name}{new}{confirmed}", en="• {name}{new}{confirmed}"),
    "new": T(de=" (neu vorgeschlagen)", en=" (proposed as new)"),
    "confirmed": T(de=" — als geprüft bestätigt", en=" — confirmed as checked"),
    "nothing": T(de="    keine Änderungen", en="    no changes"),
    "item": T(de="    {label}: {state}", en="    {label}: {state}"),
    "was": T(de="      versandt: {value}", en="      sent: {value}"),
    "answer": T(de="      Antwort: {value}", en="      answer: {value}"),
    "now": T(de="      Register jetzt: {value}", en="      register now: {value}"),
    "proposal": T(
        de="      „{name}“ steht nicht im Katalog: mit --accept-all wird es neu angelegt.",
        en="      “{name}” is not in the catalogue: --accept-all creates it.",
    ),
    "comment": T(de="    Hinweis: {text}", en="    Remark: {text}"),
    "problem": T(de="! {text}", en="! {text}"),
    "kept": T(
        de="    (Konflikt: der Registerwert bleibt; im Fenster entscheiden)",
        en="    (conflict: the register value stays; decide in the window)",
    ),
    "review_only": T(
        de="Nichts geschrieben. Übernehmen mit --accept-all oder im Fenster "
        "(Datei → Fragebogen-Antworten prüfen …).",
        en="Nothing written. Take over with --accept-all or in the window "
        "(File → Review questionnaire answers …).",
    ),
    "dry_run": T(
        de="Probelauf: {reviewed} Tätigkeiten würden als geprüft vermerkt, davon {updated} "
        "geändert und {created} neu angelegt; nichts geschrieben.",
        en="Dry run: {reviewed} activities would be marked as reviewed, {updated} of them "
        "changed and {created} created; nothing written.",
    ),
    "done": T(
        de="Übernommen: {reviewed} Tätigkeiten als geprüft vermerkt, davon {updated} "
        "geändert und {created} neu angelegt (Vorgang {batch}; „undo {batch}“ nimmt alles "
        "zurück).",
        en="Taken over: {reviewed} activities marked as reviewed, {updated} of them changed "
        "and {created} created (batch {batch}; “undo {batch}” reverts everything).",
    ),
    "none": T(de="Nichts übernommen.", en="Nothing taken over."),
    "catalogue": T(
        de="Neu im Katalog der Organisation: {n} Empfänger bzw. Auftragsverarbeiter.",
        en="New in the organisation's catalogue: {n} recipients or processors.",
    ),
}


class SurveyCommandError(LocalizedError):
    """A survey command cannot go on; nothing was written."""


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``survey out`` and ``survey in`` commands."""
    sv = sub.add_parser("survey", help="questionnaires for the departments' yearly review")
    ssub = sv.add_subparsers(dest="survey_command", metavar="ACTION", required=True)
    out = ssub.add_parser("out", help="write one questionnaire workbook per department")
    out.add_argument("--org", required=True, metavar="NAME")
    out.add_argument(
        "--department",
        action="append",
        default=[],
        metavar="D",
        help="only this department (repeatable; default: every department)",
    )
    out.add_argument("--out", required=True, type=Path, metavar="DIR")
    out.add_argument(
        "--password",
        action="store_true",
        help=f"protect the sheets with a password (asked for, or from {PASSWORD_ENV})",
    )
    back = ssub.add_parser("in", help="read a returned questionnaire and review it")
    back.add_argument("file", type=Path)
    mode = back.add_mutually_exclusive_group()
    mode.add_argument(
        "--accept-all",
        action="store_true",
        help="take over every answer of the department (conflicts keep the register value)",
    )
    mode.add_argument("--dry-run", action="store_true", help="rehearse, write nothing")


def run_survey(store: Store, args: argparse.Namespace) -> int:
    """Run ``survey out`` or ``survey in``."""
    if args.survey_command == "out":
        return _out(store, args)
    return _in(store, args)


def _password(args: argparse.Namespace) -> str:
    if not args.password:
        return ""
    if env := os.environ.get(PASSWORD_ENV):
        return env
    first = getpass.getpass(MSG["password"]())
    if getpass.getpass(MSG["again"]()) != first:
        raise SurveyCommandError(MSG["mismatch"])
    return first


def _out(store: Store, args: argparse.Namespace) -> int:
    from ropa_desktop.io.survey.sending import send_questionnaires
    from ropa_desktop.io.survey.workbook import department_title

    sent = send_questionnaires(
        store, args.org, args.out, args.department or None, password=_password(args)
    )
    for s in sent:
        print(
            MSG["written"](file=s.path, n=s.activities, department=department_title(s.department))
        )
    return 0


def _print_review(review: Review) -> None:
    from ropa_desktop.domain import presentation as p
    from ropa_desktop.io.survey.display import item_label, state_label, value_text
    from ropa_desktop.io.survey.review import State
    from ropa_desktop.io.survey.workbook import department_title

    def indent(text: str) -> str:
        return text.replace("\n", "\n        ")

    def text(key: str, value: Any) -> str:
        return indent(value_text(key, value, names=review.names))

    sent_on = review.sent_on
    try:
        from datetime import date

        sent_on = p.format_date(date.fromisoformat(review.sent_on))
    except ValueError:
        pass
    print(
        MSG["head"](
            department=department_title(review.department),
            org=review.organisation_name,
            sent=sent_on,
        )
    )
    for problem in review.problems:
        print(MSG["problem"](text=problem))
    for act in review.activities:
        print(
            MSG["activity"](
                name=act.name,
                new=MSG["new"]() if act.is_new else "",
                confirmed=MSG["confirmed"]() if act.confirmed else "",
            )
        )
        shown = [i for i in act.items if i.state is not State.UNCHANGED]
        if not shown:
            print(MSG["nothing"]())
        for item in shown:
            print(MSG["item"](label=item_label(item.key), state=state_label(item.state)))
            for problem in item.problems:
                print("      " + MSG["problem"](text=problem))
            if not act.is_new:
                print(MSG["was"](value=text(item.key, item.sent)))
            print(MSG["answer"](value=text(item.key, item.answer)))
            if item.state in (State.HERE, State.CONFLICT):
                print(MSG["now"](value=text(item.key, item.current)))
            if item.state is State.CONFLICT:
                print(MSG["kept"]())
            for proposal in item.proposals if item.acceptable else []:
                print(MSG["proposal"](name=proposal.name))
        if act.comment:
            print(MSG["comment"](text=act.comment))


def _in(store: Store, args: argparse.Namespace) -> int:
    from ropa_desktop.io.survey.review import apply_review, build_review

    review = build_review(store, args.file)
    _print_review(review)
    if not args.accept_all and not args.dry_run:
        print(MSG["review_only"]())
        return 0
    # defaults: the department's changes accepted, conflicts not (see build_review)
    outcome = apply_review(store, review, dry_run=args.dry_run)
    if args.dry_run:
        print(
            MSG["dry_run"](
                reviewed=outcome.reviewed, updated=outcome.updated, created=outcome.created
            )
        )
    elif outcome.batch is None:
        print(MSG["none"]())
    else:
        print(
            MSG["done"](
                reviewed=outcome.reviewed,
                updated=outcome.updated,
                created=outcome.created,
                batch=outcome.batch,
            )
        )
    if outcome.catalogue:
        print(MSG["catalogue"](n=outcome.catalogue))
    return 0
