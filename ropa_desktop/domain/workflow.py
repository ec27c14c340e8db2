"""The status workflow of an activity: Entwurf → In Prüfung → Freigegeben (→ Archiviert).

Every status change is an ordinary change of the field ``status`` and so in the history with
who and when. Approval ("Freigegeben") is the one guarded step: an activity whose check
finds errors is approved only with an explicit reason (an override), which the history
records as the field :data:`APPROVAL_OVERRIDE`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.model import Activity, ActivityStatus
from ropa_desktop.domain.rules.catalogue import Severity
from ropa_desktop.domain.rules.findings import Finding

APPROVAL_OVERRIDE = "approval_override"
"""History field of an approval despite check errors; ``new`` holds the reason given."""

MSG_NEEDS_REASON = Text(
    de="„{name}“ hat {n} Fehler in der Prüfung und kann nur mit einer Begründung "
    "freigegeben werden.",
    en="“{name}” has {n} check error(s) and can only be approved with a reason.",
)


class ApprovalRefused(LocalizedError):
    """Approval of an activity with check errors without a reason; nothing was written."""


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that stand in the way of approval (severity error)."""
    return [f for f in findings if f.severity is Severity.ERROR]


def needs_override(before: ActivityStatus | None, act: Activity, findings: list[Finding]) -> bool:
    """True when saving ``act`` approves it (it was not approved before) despite errors."""
    return (
        act.status is ActivityStatus.APPROVED
        and before is not ActivityStatus.APPROVED
        and bool(blocking(findings))
    )


def check_approval(
    before: ActivityStatus | None, act: Activity, findings: list[Finding], reason: str = ""
) -> None:
    """Raise :class:`ApprovalRefused` when ``act`` would be approved despite errors without
    a ``reason``."""
    if needs_override(before, act, findings) and not reason.strip():
        raise ApprovalRefused(MSG_NEEDS_REASON, name=act.name, n=len(blocking(findings)))


def status_counts(activities: Iterable[Activity]) -> dict[ActivityStatus, int]:
    """How many activities have each status (every status present, zero included)."""
    counts = Counter(a.status for a in activities)
    return {status: counts.get(status, 0) for status in ActivityStatus}
