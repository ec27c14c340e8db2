"""Archiving, deleting and restoring organisations from the window (Datei menu).

Each command asks first (through :mod:`ropa_desktop.ui.common.prompts`), writes through the
session, and tells what happened; a refusal of the store is shown, nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.session import Session

translate = QCoreApplication.translate


def archive_current(parent: QWidget | None, session: Session) -> bool:
    """Archive the current organisation after asking; True when archived."""
    name = session.organisation_name
    if name is None:
        return False
    title = translate("OrganisationLifecycle", "Archive organisation")
    text = translate(
        "OrganisationLifecycle",
        "Archive “{name}”? It is hidden from the organisation switcher and the lists; its "
        "register stays complete and can still be exported. File → Restore organisation "
        "brings it back.",
    ).format(name=name)
    if not prompts.confirm(parent, title, text):
        return False
    try:
        session.archive_organisation(name)
    except Exception as exc:  # StoreError: nothing changed
        prompts.show_error(parent, translate("OrganisationLifecycle", "Not archived"), exc)
        return False
    return True


def delete_current(parent: QWidget | None, session: Session) -> bool:
    """Delete the current organisation after a confirmation that names what goes."""
    name = session.organisation_name
    summary = next(
        (o for o in session.organisations(include_archived=True) if o.name == name), None
    )
    if name is None or summary is None:
        return False
    title = translate("OrganisationLifecycle", "Delete organisation")
    text = translate(
        "OrganisationLifecycle",
        "Delete “{name}” with {activities} processing activities, {services} processing "
        "services and {catalogue} catalogue entries (processors, recipients, TOMs)? The "
        "deletion is recorded in the history; File → Restore organisation brings everything "
        "back.",
    ).format(
        name=name,
        activities=summary.activities,
        services=summary.services,
        catalogue=summary.catalogue,
    )
    if not prompts.confirm(parent, title, text):
        return False
    try:
        session.delete_organisation(name)
    except Exception as exc:  # StoreError: nothing changed
        prompts.show_error(parent, translate("OrganisationLifecycle", "Not deleted"), exc)
        return False
    return True


def restore_one(parent: QWidget | None, session: Session) -> str | None:
    """Let the user pick an archived or deleted organisation and bring it back."""
    title = translate("OrganisationLifecycle", "Restore organisation")
    archived = translate("OrganisationLifecycle", "{name} (archived)")
    deleted = translate("OrganisationLifecycle", "{name} (deleted)")
    labels = {
        archived.format(name=o.name): o.name
        for o in session.organisations(include_archived=True)
        if o.archived is not None
    }
    labels.update({deleted.format(name=n): n for n in session.deleted_organisations()})
    if not labels:
        prompts.inform(
            parent,
            title,
            translate("OrganisationLifecycle", "No organisation is archived or deleted."),
        )
        return None
    chosen = prompts.choose(
        parent,
        title,
        translate("OrganisationLifecycle", "Organisation to bring back:"),
        list(labels),
    )
    if chosen is None:
        return None
    try:
        session.restore_organisation(labels[chosen])
    except Exception as exc:  # StoreError: nothing changed
        prompts.show_error(parent, translate("OrganisationLifecycle", "Not restored"), exc)
        return None
    return labels[chosen]
