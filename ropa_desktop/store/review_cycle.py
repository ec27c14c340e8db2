"""The organisation's review cycle (months between reviews), a setting kept in the database
beside the organisation (not part of the register document)."""

from __future__ import annotations

from sqlalchemy import select, update

from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.review_cycle import DEFAULT_MONTHS
from ropa_desktop.store.models import OrganisationRow
from ropa_desktop.store.records import MSG_UNKNOWN_ORG, StoreError
from ropa_desktop.store.repository import Store
from ropa_desktop.store.transactions import writing

MSG_MONTHS = Text(
    de="Der Prüfzyklus muss zwischen 1 und 120 Monaten liegen, nicht {months}.",
    en="The review cycle must be between 1 and 120 months, not {months}.",
)


class CycleError(LocalizedError):
    """A review cycle out of range; nothing was written."""


def review_months(store: Store, organisation: str) -> int:
    """The review cycle of the organisation named ``organisation``, in months."""
    with store.engine.connect() as conn:
        found = conn.execute(
            select(OrganisationRow.review_months).where(OrganisationRow.name == organisation)
        ).scalar()
    if found is None:
        raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
    return int(found) if found else DEFAULT_MONTHS


def set_review_months(store: Store, organisation: str, months: int) -> None:
    """Set the organisation's review cycle (1 to 120 months)."""
    if not 1 <= months <= 120:
        raise CycleError(MSG_MONTHS, months=months)
    with writing(store.engine) as conn:
        done = conn.execute(
            update(OrganisationRow)
            .where(OrganisationRow.name == organisation)
            .values(review_months=months)
        )
        if done.rowcount != 1:
            raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
