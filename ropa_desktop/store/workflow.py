"""Saving an activity whose approval overrides check errors: the save and the recorded
reason in one transaction (see :mod:`ropa_desktop.domain.workflow`)."""

from __future__ import annotations

from ropa_desktop.domain import model as m
from ropa_desktop.domain.workflow import APPROVAL_OVERRIDE
from ropa_desktop.store import versions
from ropa_desktop.store.records import check_text
from ropa_desktop.store.repository import Store
from ropa_desktop.store.transactions import writing
from ropa_desktop.store.writing import Writer


def save_with_override(
    store: Store, organisation_uid: str, activity: m.Activity, reason: str, *, force: bool = False
) -> m.Activity:
    """Like :meth:`Store.save_activity`, and record ``reason`` as the approval override in
    the history (who and when, with the status change)."""
    check_text(activity)
    with writing(store.engine) as conn:
        writer = Writer(conn, store.user)
        org_id = writer.organisation_id(organisation_uid)
        versions.claim(writer, "activity", activity, force=force)
        writer.record("activity", activity.uid, activity.name, APPROVAL_OVERRIDE, None, reason)
        saved = writer.put_activity(org_id, activity, touch=True)
        saved.version = versions.stored_version(conn, "activity", saved.uid) or saved.version
        return saved
