"""The checks of a register, an organisation and an activity, and the completeness
of an activity."""

from __future__ import annotations

from datetime import date

from ropa_desktop.domain import i18n
from ropa_desktop.domain.model import (
    Activity,
    ActivityStatus,
    Organisation,
    Register,
)
from ropa_desktop.domain.rules.data_categories import check_data_categories
from ropa_desktop.domain.rules.dpia import check_dpia
from ropa_desktop.domain.rules.findings import (
    WORDS,
    Finding,
    Out,
    check_statement,
    filled,
    sorted_findings,
)
from ropa_desktop.domain.rules.organisation import check_org_details, check_processor_contracts
from ropa_desktop.domain.rules.purposes import check_purposes
from ropa_desktop.domain.rules.services import check_service
from ropa_desktop.domain.rules.transfers import (
    check_third_country_parties,
    check_transfers,
    transfer_answered,
)


def check_register(
    register: Register, *, today: date | None = None, lang: str | None = None
) -> list[Finding]:
    """All findings of every organisation in the register, sorted (see module docstring)."""
    findings: list[Finding] = []
    for org in register.organisations:
        findings.extend(check_organisation(org, register, today=today, lang=lang))
    return sorted_findings(findings)


def check_organisation(
    org: Organisation, register: Register, *, today: date | None = None, lang: str | None = None
) -> list[Finding]:
    """Findings of one organisation: its own details, activities, services and processors."""
    lang = lang or i18n.language()
    today = today or date.today()
    out = Out(org, None, lang)
    check_org_details(org, out)
    findings = list(out.findings)
    for act in org.activities:
        findings.extend(check_activity(act, org, register, today=today, lang=lang))
    for svc in org.services:
        findings.extend(check_service(svc, org, lang, register))
    findings.extend(check_processor_contracts(org, register, lang))
    return sorted_findings(findings)


def check_activity(
    act: Activity,
    org: Organisation,
    register: Register,
    *,
    today: date | None = None,
    lang: str | None = None,
) -> list[Finding]:
    """Findings of one processing activity of ``org``, errors first.

    Archived activities yield none. Processor contracts are checked per
    organisation (:func:`check_organisation`), not here.
    """
    if act.status == ActivityStatus.ARCHIVED:
        return []
    lang = lang or i18n.language()
    today = today or date.today()
    out = Out(org, act.name.strip() or act.reference.strip() or WORDS["unnamed"](lang), lang)
    if not act.name.strip():
        out.add("activity-no-name", "name")
    else:
        _check_duplicate_name(act, org, out)
    if not act.department.strip():
        out.add("activity-no-department", "department")
    check_purposes(act, org, out)
    if not filled(act.data_subjects):
        out.add("activity-no-data-subjects", "data_subjects")
    check_data_categories(act, out)
    if not (
        filled(act.internal_recipients)
        or filled(act.recipients)
        or act.processors
        or act.no_external_recipients
    ):
        out.add("activity-no-recipients", "recipients")
    _check_statements(act, out)
    for i, jc in enumerate(act.joint_controllers):
        if jc.name.strip() and not jc.arrangement.strip():
            out.add(
                "joint-controller-no-arrangement",
                f"joint_controllers[{i}].arrangement",
                name=jc.name.strip(),
            )
    check_transfers(act.transfers, org, out, register)
    check_third_country_parties(act, register, out)
    if not (act.tom_description.strip() or act.toms):
        out.add("activity-no-tom", "tom_description")
    check_dpia(act, out)
    if act.next_review is not None and act.next_review < today:
        due = act.next_review
        out.add(
            "review-overdue",
            "next_review",
            due=f"{due:%d.%m.%Y}" if lang == "de" else due.isoformat(),
        )
    elif act.next_review is None and act.status == ActivityStatus.APPROVED:
        out.add("review-missing", "next_review")
    return sorted(out.findings, key=lambda f: f.severity.rank)


def _check_statements(act: Activity, out: Out) -> None:
    """An explicit "none" (issue 18) that contradicts the entries recorded beside it."""
    named_joint = [j for j in act.joint_controllers if j.name.strip()]
    for stated, entries, key, path in (
        (act.no_external_recipients, [r for r in act.recipients if r.strip()],
         "no-external-recipients", "recipients"),
        (act.no_joint_controllers, named_joint, "no-joint-controllers", "joint_controllers"),
        (act.no_transfers, act.transfers, "no-transfers", "transfers"),
    ):  # fmt: skip
        if stated and entries:
            check_statement(out, key, len(entries), path)


def completeness(act: Activity) -> float:
    """Share (0..1) of the Art. 30(1)(b)-(g) items of the activity that are filled in.

    Eight items count equally: purposes; a legal basis for every purpose; data
    subjects; data categories; recipients (an internal or external recipient or
    a processor, or the explicit statement "keine externen Empfänger"); a retention rule for every
    category; TOMs (description or catalogue link); transfers answered (no
    transfer at all, or every transfer with a country and, where one is needed,
    a mechanism, plus the documentation Art. 49(1) second subparagraph asks for).
    The items measure what is filled in, not whether it is lawful.
    """
    purposes = [p for p in act.purposes if p.text.strip() or p.legal_bases]
    categories = [c for c in act.data_categories if c.name.strip()]
    items = (
        any(p.text.strip() for p in purposes),
        bool(purposes) and all(filled(p.legal_bases) for p in purposes),
        filled(act.data_subjects),
        bool(categories),
        filled(act.internal_recipients)
        or filled(act.recipients)
        or bool(act.processors)
        or act.no_external_recipients,
        bool(categories) and all(not c.retention.is_empty() for c in categories),
        bool(act.tom_description.strip() or act.toms),
        all(transfer_answered(t) for t in act.transfers),
    )
    return sum(items) / len(items)


def _check_duplicate_name(act: Activity, org: Organisation, out: Out) -> None:
    key = act.name.strip().casefold()
    count = sum(
        1
        for a in org.activities
        if a.status != ActivityStatus.ARCHIVED and a.name.strip().casefold() == key
    )
    if count > 1:
        out.add("activity-duplicate-name", "name", name=act.name.strip(), count=count)
