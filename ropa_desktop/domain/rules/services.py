"""Checks of the processor register: processing on behalf of controllers
(Art. 30(2) GDPR)."""

from __future__ import annotations

from ropa_desktop.domain.model import (
    ActivityStatus,
    Organisation,
    ProcessingService,
    Register,
)
from ropa_desktop.domain.rules.findings import WORDS, Finding, Out, check_statement, filled
from ropa_desktop.domain.rules.transfers import (
    check_subprocessors,
    check_transfers,
)


def check_service(
    svc: ProcessingService, org: Organisation, lang: str, register: Register | None = None
) -> list[Finding]:
    """Findings of one processing service of the processor register; ``register`` gives the
    subprocessors' catalogue entries (their countries)."""
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
    check_transfers(svc.transfers, org, out, register)
    if svc.no_transfers and svc.transfers:
        check_statement(out, "no-transfers", len(svc.transfers), "transfers")
    if register is not None:
        check_subprocessors(
            org.name.strip() or org.uid,
            svc.subprocessors,
            svc.transfers,
            register,
            out,
            "subprocessors",
        )
    if not (svc.tom_description.strip() or svc.toms):
        out.add("service-no-tom", "tom_description")
    return sorted(out.findings, key=lambda f: f.severity.rank)
