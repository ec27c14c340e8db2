"""Findings and the plumbing the checks share: collecting, sorting, wording."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import (
    Organisation,
)
from ropa_desktop.domain.rules.catalogue import BY_CODE, Severity


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in the register.

    ``activity`` is the name of the activity or processing service concerned,
    None for findings about the organisation itself. ``field`` is the
    dictionary path of the item inside that activity, service or organisation
    (e.g. ``purposes[0].legal_bases``), None when no single item is concerned.
    """

    severity: Severity
    code: str
    organisation: str
    activity: str | None
    message: str
    field: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The finding as a JSON-ready dictionary."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "organisation": self.organisation,
            "activity": self.activity,
            "message": self.message,
            "field": self.field,
        }


WORDS = {
    "unnamed": Text("(ohne Bezeichnung)", "(unnamed)"),
    "transfer": Text("Übermittlung Nr. {n}", "Transfer no. {n}"),
    "transfer-to": Text("Übermittlung Nr. {n} ({where})", "Transfer no. {n} ({where})"),
    "recipient": Text("Empfänger {name}", "recipient {name}"),
    "processor": Text("Der Auftragsverarbeiter", "The processor"),
    "ext-recipient": Text("Der Empfänger", "The recipient"),
    "unknown-land": Text("nicht angegeben", "not recorded"),
    "or": Text(" oder ", " or "),
    "such-as": Text(" wie „{name}“", " such as “{name}”"),
    "no-external-recipients": Text("keine externen Empfänger", "no external recipients"),
    "no-joint-controllers": Text("keine gemeinsam Verantwortlichen", "no joint controllers"),
    "no-transfers": Text("keine Übermittlung in Drittländer", "no transfer to third countries"),
}


@dataclass(slots=True)
class Out:
    """Collects the findings of one organisation, activity or service."""

    org: Organisation
    activity: str | None
    lang: str
    findings: list[Finding] = field(default_factory=list)

    def add(
        self, code: str, field_path: str | None, variant: str | None = None, **params: Any
    ) -> None:
        """Add a finding of rule ``code``, worded by its message or by one of its variants."""
        rule = BY_CODE[code]
        template = rule.variants[variant] if variant else rule.message
        message = template(self.lang, **params)
        self.findings.append(
            Finding(rule.severity, code, self.org.name, self.activity, message, field_path)
        )


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (
            f.organisation.casefold(),
            f.organisation,
            f.activity is not None,
            (f.activity or "").casefold(),
            f.activity or "",
            f.severity.rank,
        ),
    )


def filled(items: Iterable[str]) -> bool:
    return any(item.strip() for item in items)


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_statement(out: Out, key: str, count: int, field_path: str) -> None:
    """Report an explicit "none" (``key`` of :data:`WORDS`) beside ``count`` entries."""
    out.add(
        "explicit-none-contradiction",
        field_path,
        statement=WORDS[key](out.lang),
        count=count,
    )
