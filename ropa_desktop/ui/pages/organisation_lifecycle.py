"""Archiving, deleting and restoring organisations from the window (Datei menu).

Each command asks first (through :mod:`ropa_desktop.ui.common.prompts`), writes through the
session, and tells what happened; a refusal of the store is shown, nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.session import Session


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrganisationLifecycle", text)


def archive_current(parent: QWidget | None, session: Session) -> bool:
    """Archive the current organisation after asking; True when archived."""
    name = session.organisation_name
    if name is None:
        return False
    if not prompts.confirm(parent, _tr("Archive organisation"), _tr(
            "Archive “{name}”? It is hidden from the organisation switcher and the lists; its "
            "register stays complete and can still be exported. Datei → Restore organisation "
            "brings it back.").format(name=name)):
        return False
    try:
        session.archive_organisation(name)
    except Exception as exc:  # StoreError: nothing changed
        prompts.show_error(parent, _tr("Not archived"), exc)
        return False
    return True


def delete_current(parent: QWidget | None, session: Session) -> bool:
    """Delete the current organisation after a confirmation that names what goes."""
    name = session.organisation_name
    if name is None:
        return False
    summary = next((o for o in session.organisations(include_archived=True)
                    if o.name == name), None)
    if summary is None:
        return False
    if not prompts.confirm(parent, _tr("Delete organisation"), _tr(
            "Delete “{name}” with {activities} processing activities, {services} processing "
            "services and {catalogue} catalogue entries (processors, recipients, TOMs)? The "
            "deletion is recorded in the history; Datei → Restore organisation brings "
            "everything back.").format(name=name, activities=summary.activities,
                                       services=summary.services,
                                       catalogue=summary.catalogue)):
        return False
    try:
        session.delete_organisation(name)
    except Exception as exc:  # StoreError: nothing changed
        prompts.show_error(parent, _tr("Not deleted"), exc)
        return False
    return True


def restore_one(parent: QWidget | None, session: Session) -> str | None:
    """Let the user pick an archived or deleted organisation and bring it back."""
    archived = [o.name for o in session.organisations(include_archived=True)
                if o.archived is not None]
    deleted = session.deleted_organisations()
    labels = {**{_tr("{name} (archived)").format(name=n): n for n in archived},
              **{_tr("{name} (deleted)").format(name=n): n for n in deleted}}
    if not labels:
        prompts.inform(parent, _tr("Restore organisation"),
                       _tr("No organisation is archived or deleted."))
        return None
    chosen = prompts.choose(parent, _tr("Restore organisation"),
                            _tr("Organisation to bring back:"), list(labels))
    if chosen is None:
        return None
    try:
        session.restore_organisation(labels[chosen])
    except Exception as exc:  # StoreError: nothing changed
        prompts.show_error(parent, _tr("Not restored"), exc)
        return None
    return labels[chosen]
