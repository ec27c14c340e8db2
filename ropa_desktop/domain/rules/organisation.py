"""Checks of the organisation itself: master data, DPO, authority, processor
contracts (Art. 30(1)(a), Art. 28(3), Art. 37 GDPR)."""

from __future__ import annotations

from ropa_desktop.domain.model import (
    ActivityStatus,
    Organisation,
    Register,
)
from ropa_desktop.domain.rules.findings import WORDS, Finding, Out


def check_org_details(org: Organisation, out: Out) -> None:
    if not org.name.strip():
        out.add("org-no-name", "name")
    if not any(s.strip() for s in (org.street, org.postcode, org.city, org.phone, org.email)):
        out.add("org-no-contact", "street", org=org.name.strip() or "?")
    dpo = org.dpo
    if dpo.is_empty():
        if org.is_public_body:
            out.add("org-no-dpo", "dpo")
        else:
            out.add("org-no-dpo-nonpublic", "dpo")
    elif not any(s.strip() for s in (dpo.street, dpo.city, dpo.phone, dpo.email)):
        out.add("org-dpo-no-contact", "dpo.email", dpo=dpo.name.strip() or dpo.organisation.strip())
    if not org.supervisory_authority.strip():
        out.add(
            "org-no-authority",
            "supervisory_authority",
            land=org.land.strip() or WORDS["unknown-land"](out.lang),
        )
    if org.is_controller and not any(a.status != ActivityStatus.ARCHIVED for a in org.activities):
        out.add("org-no-activities", "activities", org=org.name.strip() or "?")
    if org.is_processor and not org.services:
        out.add("org-processor-without-services", "services", org=org.name.strip() or "?")


def check_processor_contracts(org: Organisation, register: Register, lang: str) -> list[Finding]:
    processors = register.processors_by_uid()
    uses: dict[str, list[str]] = {}
    users: list[tuple[str, list[str]]] = [
        (a.name.strip() or WORDS["unnamed"](lang), [p.processor for p in a.processors])
        for a in org.activities
        if a.status != ActivityStatus.ARCHIVED
    ]
    users += [
        (s.name.strip() or WORDS["unnamed"](lang), [p.processor for p in s.subprocessors])
        for s in org.services
        if s.status != ActivityStatus.ARCHIVED
    ]
    for user, uids in users:
        for uid in uids:
            names = uses.setdefault(uid, [])
            if user not in names:
                names.append(user)
    out = Out(org, None, lang)
    for uid, names in uses.items():
        proc = processors.get(uid)
        if proc is None or proc.contract_date is not None or proc.contract_reference.strip():
            continue
        out.add(
            "processor-no-contract", None, processor=proc.name.strip() or uid, uses=", ".join(names)
        )
    return out.findings
