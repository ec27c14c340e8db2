"""Comparing a returned questionnaire with the register, and taking over what the DPO
accepts.

For every item of every activity three values meet: what was sent, what the department
answered and what the register holds now. :func:`compare` gives each item a
:class:`State`; :func:`build_review` does so for a whole workbook, :func:`apply_review`
writes the accepted part in one transaction and one undoable history batch and sets
``last_reviewed`` of every accepted activity.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from ropa_desktop.domain import model as m
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.numbering import next_references
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.domain.review_cycle import add_months
from ropa_desktop.io.survey.fields import (
    CATALOGUE_ITEMS,
    ITEMS,
    Value,
    apply_value,
    proposal_name,
    values_of,
)
from ropa_desktop.io.survey.reading import (
    AnswerSheet,
    SurveyError,
    read_returned,
)
from ropa_desktop.io.survey.workbook import department_title
from ropa_desktop.store.repository import Store
from ropa_desktop.store.review_cycle import review_months
from ropa_desktop.store.survey import apply_review as store_apply
from ropa_desktop.store.survey import read_identity

MSG_UNKNOWN_ORG = Text(
    de="{file} gehört zur Organisation „{name}“, die es in dieser Datenbank nicht (mehr) gibt.",
    en="{file} belongs to the organisation “{name}”, which is not (or no longer) in this database.",
)
MSG_DELETED = Text(
    de="„{name}“ (Blatt „{sheet}“) wurde nach dem Versand gelöscht; die Antworten dazu werden "
    "nicht übernommen.",
    en="“{name}” (sheet “{sheet}”) was deleted after the questionnaire was sent; its answers "
    "are not taken over.",
)
MSG_OTHER_ORG = Text(
    de="Blatt „{sheet}“ nennt eine Tätigkeit, die nicht zu „{org}“ gehört; die Antworten dazu "
    "werden nicht übernommen.",
    en="Sheet “{sheet}” names an activity that does not belong to “{org}”; its answers are "
    "not taken over.",
)
BATCH_TEXT = Text(de="Fragebogen {department} ({file})", en="Questionnaire {department} ({file})")
REMARK = Text(de="Hinweis des Fachbereichs ({date})", en="Remark of the department ({date})")


class State(StrEnum):
    """How an item of a returned questionnaire compares."""

    UNCHANGED = "unchanged"
    """Answer and register as sent (or both changed the same way)."""
    DEPARTMENT = "department"
    """Changed by the department; the register is as sent."""
    HERE = "here"
    """Changed here meanwhile; the department left it as sent (the register stays)."""
    CONFLICT = "conflict"
    """Changed by the department and, differently, here meanwhile."""
    INVALID = "invalid"
    """The answer could not be read (see the problems); not taken over."""


STATE_LABELS = {
    State.UNCHANGED: Text("unverändert", "unchanged"),
    State.DEPARTMENT: Text("vom Fachbereich geändert", "changed by the department"),
    State.HERE: Text("hier inzwischen geändert", "changed here meanwhile"),
    State.CONFLICT: Text("Konflikt: beide geändert", "conflict: changed on both sides"),
    State.INVALID: Text("unlesbar", "unreadable"),
}


def compare(sent: Value, answer: Value, current: Value) -> State:
    """The state of one item from what was sent, answered and is stored now."""
    if answer == current:
        return State.UNCHANGED
    if current == sent:
        return State.DEPARTMENT
    if answer == sent:
        return State.HERE
    return State.CONFLICT


@dataclass(slots=True)
class Proposal:
    """A name the department wrote that is not in the organisation's catalogue: accepted,
    it becomes a new entry of the organisation (in the same transaction); rejected, the
    entry is left out of the item."""

    entity: str
    """"recipient" or "processor"."""
    name: str
    accept: bool = True


@dataclass(slots=True)
class ItemReview:
    """One item of one activity in the review; ``accept`` is the DPO's choice."""

    key: str
    sent: Value
    answer: Value
    current: Value
    state: State
    accept: bool = False
    problems: list[str] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    """New catalogue entries the answer proposes (recipients and processors)."""

    @property
    def acceptable(self) -> bool:
        """The department's answer can be taken over (it differs and could be read)."""
        return self.state in (State.DEPARTMENT, State.CONFLICT)


@dataclass(slots=True)
class ActivityReview:
    """One sheet of the questionnaire: a known activity, or a new one proposed."""

    sheet: str
    uid: str
    name: str
    version: int
    items: list[ItemReview]
    confirmed: bool | None = None
    comment: str = ""
    accept: bool = True
    """Take over this activity at all (accepted items, remark, ``last_reviewed``)."""
    accept_comment: bool = True
    is_new: bool = False

    def item(self, key: str) -> ItemReview:
        """The review of item ``key``."""
        return next(i for i in self.items if i.key == key)

    @property
    def changes(self) -> int:
        """Items the department changed (including conflicts)."""
        return sum(1 for i in self.items if i.acceptable)


@dataclass(slots=True)
class Review:
    """A returned questionnaire compared with the register, with the DPO's choices."""

    path: Path
    organisation_uid: str
    organisation_name: str
    department: str
    sent_on: str
    activities: list[ActivityReview]
    problems: list[str]
    """Sheets that are not taken over (activity deleted since, of another organisation)."""
    names: dict[str, str] = field(default_factory=dict)
    """Labels of the catalogue entries (recipients, processors, TOMs) by uid, for display."""


def build_review(store: Store, path: Path, *, progress: Progress = SILENT) -> Review:
    """Read the questionnaire at ``path`` and compare it with the register.

    Raises :class:`SurveyError` for a workbook that is no questionnaire of this database,
    was tampered with, or whose organisation is gone. Department changes are accepted by
    default, conflicts not: the DPO decides.
    """
    identity = read_identity(store)
    returned = read_returned(
        path,
        database_uid=identity.uid if identity else None,
        secret=identity.secret if identity else None,
        progress=progress,
    )
    names = {o.uid: o.name for o in store.organisations(include_archived=True)}
    if returned.organisation_uid not in names:
        raise SurveyError(MSG_UNKNOWN_ORG, file=path.name, name=returned.organisation_name)
    org = store.load_organisation(names[returned.organisation_uid])
    by_uid = {a.uid: a for a in org.activities}
    activities: list[ActivityReview] = []
    problems: list[str] = []
    for sheet in returned.sheets:
        if not sheet.uid:
            if not sheet.is_blank:
                activities.append(_new(sheet))
            continue
        act = by_uid.get(sheet.uid)
        if act is None:
            other = store.load_activity(sheet.uid)
            text = MSG_DELETED if other is None else MSG_OTHER_ORG
            name = sheet.sent.get("name") or sheet.sheet
            problems.append(text(name=name, sheet=sheet.sheet, org=org.name))
            continue
        activities.append(_known(sheet, act))
    catalogue = store.catalogue(org.name)
    names = dict(returned.names)
    names.update({r.uid: r.name for r in catalogue.recipients})
    names.update({x.uid: x.name for x in catalogue.processors})
    names.update({t.uid: t.title for t in catalogue.toms})
    return Review(
        path,
        org.uid,
        org.name,
        returned.department,
        returned.sent_on,
        activities,
        problems,
        names,
    )


def _proposals(key: str, answer: Value) -> list[Proposal]:
    """The proposals of new catalogue entries in the answer of item ``key``."""
    entity = CATALOGUE_ITEMS.get(key)
    if entity is None:
        return []
    found: dict[str, Proposal] = {}
    for entry in answer:
        name = proposal_name(entry[0] if isinstance(entry, list) else entry)
        if name is not None:
            found.setdefault(name.casefold(), Proposal(entity, name))
    return list(found.values())


def _known(sheet: AnswerSheet, act: m.Activity) -> ActivityReview:
    current = values_of(act)
    items: list[ItemReview] = []
    for item in ITEMS:
        sent = sheet.sent.get(item.key, current[item.key])
        answer = sheet.answers.get(item.key, sent)
        problems = sheet.problems.get(item.key, [])
        state = State.INVALID if problems else compare(sent, answer, current[item.key])
        items.append(
            ItemReview(
                item.key,
                sent,
                answer,
                current[item.key],
                state,
                accept=state is State.DEPARTMENT,
                problems=problems,
                proposals=_proposals(item.key, answer) if state is not State.UNCHANGED else [],
            )
        )
    return ActivityReview(
        sheet.sheet, act.uid, act.name, act.version, items, sheet.confirmed, sheet.comment
    )


def _new(sheet: AnswerSheet) -> ActivityReview:
    items: list[ItemReview] = []
    for item in ITEMS:
        empty: Value = [] if item.is_table else ""
        answer = sheet.answers.get(item.key, empty)
        problems = sheet.problems.get(item.key, [])
        state = (
            State.INVALID if problems else State.UNCHANGED if answer == empty else State.DEPARTMENT
        )
        items.append(
            ItemReview(
                item.key,
                empty,
                answer,
                empty,
                state,
                accept=state is State.DEPARTMENT,
                problems=problems,
                proposals=_proposals(item.key, answer),
            )
        )
    name = str(sheet.answers.get("name") or sheet.sheet)
    return ActivityReview(
        sheet.sheet, "", name, 0, items, sheet.confirmed, sheet.comment, is_new=True
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    """What :func:`apply_review` wrote."""

    batch: str | None
    """The history batch (undoable), None when nothing was accepted."""
    updated: int
    """Known activities with at least one answer taken over."""
    created: int
    reviewed: int
    catalogue: int = 0
    """New recipients and processors created from accepted proposals."""
    """Activities whose ``last_reviewed`` was set (new ones included)."""


def apply_review(
    store: Store, review: Review, *, today: date | None = None, dry_run: bool = False
) -> Outcome:
    """Write what the DPO accepted in ``review``: one transaction, one history batch.

    Every accepted known activity gets its accepted items, ``last_reviewed`` = today and
    ``next_review`` = today plus the organisation's review cycle;
    every accepted new activity is created (status draft, next reference number, the
    questionnaire's department). If an activity was changed since the review was built,
    :class:`~ropa_desktop.store.versions.ConflictError` is raised and nothing is written.
    """
    today = today or date.today()
    name = {o.uid: o.name for o in store.organisations(include_archived=True)}[
        review.organisation_uid
    ]
    org = store.load_organisation(name)
    next_review = add_months(today, review_months(store, name))
    by_uid = {a.uid: a for a in org.activities}
    changed: list[m.Activity] = []
    created: list[m.Activity] = []
    updated = 0
    new_reviews = [a for a in review.activities if a.is_new and a.accept]
    references = next_references([a.reference for a in org.activities], len(new_reviews))
    new_entries, resolved = _new_entries(store, review, name)
    for entry in review.activities:
        if not entry.accept:
            continue
        if entry.is_new:
            act = m.Activity(
                department=review.department,
                reference=references[len(created)],
                status=m.ActivityStatus.DRAFT,
            )
        else:
            act = copy.deepcopy(by_uid[entry.uid])
            act.version = entry.version
        taken = [i for i in entry.items if i.accept and i.acceptable]
        for item in taken:
            apply_value(act, item.key, _resolve(item, resolved))
        updated += bool(taken) and not entry.is_new
        if entry.comment and entry.accept_comment:
            remark = f"{REMARK(date=today.strftime('%d.%m.%Y'))}: {entry.comment}"
            act.notes = f"{act.notes}\n\n{remark}".strip() if act.notes else remark
        act.last_reviewed = today
        act.next_review = next_review
        (created if entry.is_new else changed).append(act)
    if not changed and not created:
        return Outcome(None, 0, 0, 0)
    description = BATCH_TEXT(department=department_title(review.department), file=review.path.name)
    batch = store_apply(
        store,
        review.organisation_uid,
        changed,
        created,
        description,
        dry_run=dry_run,
        catalogue=new_entries,
    )
    return Outcome(batch, updated, len(created), len(changed) + len(created), len(new_entries))


def _new_entries(
    store: Store, review: Review, organisation: str
) -> tuple[list[m.Recipient | m.Processor], dict[tuple[str, str], str]]:
    """The catalogue entries to create for the accepted proposals (one per name, none where
    the catalogue has that name by now), and (entity, folded name) → uid for every accepted
    proposal."""
    catalogue = store.catalogue(organisation)
    known = {("recipient", r.name.strip().casefold()): r.uid for r in catalogue.recipients}
    known |= {("processor", x.name.strip().casefold()): x.uid for x in catalogue.processors}
    resolved: dict[tuple[str, str], str] = {}
    new: list[m.Recipient | m.Processor] = []
    for entry in review.activities:
        if not entry.accept:
            continue
        for item in entry.items:
            if not (item.accept and item.acceptable):
                continue
            for proposal in item.proposals:
                key = (proposal.entity, proposal.name.strip().casefold())
                if not proposal.accept or key in resolved:
                    continue
                if key in known:
                    resolved[key] = known[key]
                    continue
                made: m.Recipient | m.Processor = (
                    m.Recipient(owner=review.organisation_uid, name=proposal.name.strip())
                    if proposal.entity == "recipient"
                    else m.Processor(owner=review.organisation_uid, name=proposal.name.strip())
                )
                new.append(made)
                resolved[key] = made.uid
    return new, resolved


def _resolve(item: ItemReview, resolved: dict[tuple[str, str], str]) -> Value:
    """The answer of ``item`` with accepted proposals as the uids of their catalogue
    entries and rejected ones left out (each uid once)."""
    entity = CATALOGUE_ITEMS.get(item.key)
    value = copy.deepcopy(item.answer)
    if entity is None:
        return value
    out: list[Value] = []
    seen: set[str] = set()
    for entry in value:
        ref = entry[0] if isinstance(entry, list) else entry
        name = proposal_name(ref)
        if name is not None:
            uid = resolved.get((entity, name.strip().casefold()))
            if uid is None:
                continue  # the DPO rejected the proposal
            ref = uid
        if ref in seen and entity == "recipient":
            continue
        seen.add(ref)
        out.append([ref, *entry[1:]] if isinstance(entry, list) else ref)
    return out
