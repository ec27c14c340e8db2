"""What the store hands out and what it refuses with: result records, the error and
its messages."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ropa_desktop.domain import model as m
from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.integrity import text_problems

CHUNK = 900  # stays below SQLite's bound-parameter limit in IN clauses


class StoreError(LocalizedError):
    """A write was refused; the database is unchanged."""


MSG_INTEGRITY = Text(
    de="Ungültiger Verweis: {problem}",
    en="Invalid reference: {problem}",
)
MSG_ORG_NAME_TAKEN = Text(
    de="Eine andere Organisation heißt bereits „{name}“.",
    en="Another organisation is already called “{name}”.",
)
MSG_UNKNOWN_ORG = Text(
    de="Organisation „{name}“ gibt es in dieser Datenbank nicht.",
    en="There is no organisation “{name}” in this database.",
)
MSG_UNKNOWN_ENTITY = Text(
    de="{entity} mit der Kennung {uid} gibt es nicht.",
    en="There is no {entity} with the id {uid}.",
)
MSG_IN_USE = Text(
    de="„{name}“ wird noch verwendet ({count}×) und kann nicht gelöscht werden.",
    en="“{name}” is still in use ({count}×) and cannot be deleted.",
)
MSG_OTHER_ORG = Text(
    de="„{name}“ gehört bereits zu einer anderen Organisation; ein Umzug wird nicht still "
    "vorgenommen.",
    en="“{name}” already belongs to another organisation; it is not moved silently.",
)
MSG_CROSS_ORG = Text(
    de="„{name}“ gehört zur Organisation „{owner}“; Einträge von „{org}“ können nur "
    "Auftragsverarbeiter, Empfänger und TOM der eigenen Organisation verknüpfen "
    "(„Aus anderer Organisation übernehmen …“ legt eine eigene Kopie an).",
    en="“{name}” belongs to the organisation “{owner}”; records of “{org}” can only link "
    "processors, recipients and TOMs of their own organisation (“Copy from another "
    "organisation …” makes an own copy).",
)
MSG_NO_OWNER = Text(
    de="„{name}“ gehört zu keiner Organisation; jeder Katalogeintrag braucht eine.",
    en="“{name}” belongs to no organisation; every catalogue entry needs one.",
)
MSG_ARCHIVED_ALREADY = Text(
    de="Die Organisation „{name}“ ist bereits archiviert.",
    en="The organisation “{name}” is archived already.",
)
MSG_NOT_ARCHIVED = Text(
    de="Die Organisation „{name}“ ist nicht archiviert.",
    en="The organisation “{name}” is not archived.",
)
MSG_NOT_DELETED_ORG = Text(
    de="Eine gelöschte Organisation „{name}“ gibt es nicht (oder ihre Löschung wurde "
    "bereits rückgängig gemacht).",
    en="There is no deleted organisation “{name}” (or its deletion was undone already).",
)
MSG_NO_BATCH = Text(
    de="Einen Vorgang mit der Kennung {uid} gibt es nicht.",
    en="There is no batch with the id {uid}.",
)
MSG_UNDONE_ALREADY = Text(
    de="Der Vorgang {uid} wurde bereits rückgängig gemacht.",
    en="Batch {uid} has already been undone.",
)
MSG_CHANGED_SINCE = Text(
    de="„{name}“ wurde nach dem Vorgang geändert; Rückgängigmachen würde diese Änderung "
    "überschreiben. Bitte die Änderung zuerst selbst zurücknehmen.",
    en="“{name}” was changed after the batch; undoing it would overwrite that change. "
    "Please revert that change yourself first.",
)
MSG_NOT_DELETED = Text(
    de="Eine gelöschte Verarbeitungstätigkeit mit der Kennung {uid} gibt es nicht.",
    en="There is no deleted activity with the id {uid}.",
)
MSG_EXISTS_AGAIN = Text(
    de="Die Verarbeitungstätigkeit mit der Kennung {uid} gibt es wieder („{name}“); "
    "sie wird nicht ein zweites Mal wiederhergestellt.",
    en="The activity with the id {uid} exists again (“{name}”); it is not restored a second time.",
)
MSG_RESTORE_WHERE = Text(
    de="Es ist nicht bekannt, zu welcher Organisation „{name}“ gehörte; bitte die "
    "Organisation angeben, in der die Tätigkeit wiederhergestellt werden soll.",
    en="It is not known which organisation “{name}” belonged to; please name the "
    "organisation to restore it into.",
)
MSG_EMPTY_NAME = Text(
    de="Der Name darf nicht leer sein ({entity}).",
    en="The name must not be empty ({entity}).",
)


@dataclass(frozen=True, slots=True)
class OrganisationSummary:
    """An organisation as lists and switchers show it."""

    uid: str
    name: str
    kind: m.OrganisationKind
    activities: int
    services: int
    archived: datetime | None = None
    catalogue: int = 0
    """Processors, recipients and TOMs of the organisation together."""


@dataclass(frozen=True, slots=True)
class RegisterVersion:
    """A frozen version ("Stand") of one organisation's register."""

    organisation: str
    number: int
    label: str
    frozen_at: datetime
    user: str
    delivered: str | None = None
    """Where the export stamped with this version was written; None: no file (yet)."""
    delivered_to: str = ""
    """To whom the version was handed over; "" = not recorded."""
    delivered_on: date | None = None
    delivery_reference: str = ""


@dataclass(frozen=True, slots=True)
class ChangeBatch:
    """A group of changes made together, e.g. one import."""

    uid: str
    at: datetime
    user: str
    kind: str
    description: str
    undone: bool


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A history record with its position in the history (for paging: pass ``id`` as
    ``before``) and, for the deletion of an activity, the organisation it was deleted from
    (None when the deletion predates that being recorded)."""

    id: int
    record: m.ChangeRecord
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import of a register document changed."""

    batch: str
    created: int
    updated: int
    unchanged: int


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def check_text(obj: object) -> None:
    problems = text_problems(obj)
    if problems:
        raise StoreError(MSG_INTEGRITY, problem=str(problems[0]))
