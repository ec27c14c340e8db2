"""Checks of the processor register: processing on behalf of controllers
(Art. 30(2) GDPR)."""

from __future__ import annotations

from ropa_desktop.domain.model import (
    ActivityStatus,
    Organisation,
    ProcessingService,
)
from ropa_desktop.domain.rules.findings import WORDS, Finding, Out, filled
from ropa_desktop.domain.rules.transfers import (
    check_transfers,
)


def check_service(svc: ProcessingService, org: Organisation, lang: str) -> list[Finding]:
    if svc.status == ActivityStatus.ARCHIVED:
        return []
    out = Out(org, svc.name.strip() or svc.reference.strip() or WORDS["unnamed"](lang), lang)
    if not svc.name.strip():
        out.add("service-no-name", "name")
    named = [(i, c) for i, c in enumerate(svc.controllers) if c.name.strip()]
    if not named:
        out.add("service-no-controller", "controllers")
    for i, client in named:
        if not client.contact.strip():
            out.add(
                "service-controller-no-contact",
                f"controllers[{i}].contact",
                name=client.name.strip(),
            )
    if not filled(svc.categories):
        out.add("service-no-categories", "categories")
    check_transfers(svc.transfers, org, out)
    if not (svc.tom_description.strip() or svc.toms):
        out.add("service-no-tom", "tom_description")
    return sorted(out.findings, key=lambda f: f.severity.rank)
