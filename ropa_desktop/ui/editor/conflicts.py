"""What the activity editor does when its save meets a change made elsewhere.

Reload takes their version into the editor and keeps mine as a new draft activity
("<name> (meine Fassung vom <date>)", status Entwurf), so nothing typed is lost;
Overwrite saves mine anyway (the history records it as an overwrite); Cancel goes
back to editing. For an activity deleted meanwhile: save mine as the restored
activity, or discard it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ropa_desktop.domain import codec
from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.store.versions import ConflictError
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.common.conflict_dialog import (
    DISCARD,
    OVERWRITE,
    RELOAD,
    RESTORE,
    ask_conflict,
)

if TYPE_CHECKING:
    from ropa_desktop.ui.editor.activity_editor import ActivityEditor


def resolve_save_conflict(editor: ActivityEditor, error: ConflictError) -> bool:
    """Ask what to do about ``error`` (raised by saving the editor's draft) and do it;
    True when nothing unsaved is left (mine saved, or theirs loaded with mine kept)."""
    session = editor.session
    mine = editor.draft()
    assert mine is not None
    base = codec.from_dict(m.Activity, editor.base_data()) if editor.base_data() else None
    session.reload()  # their version into the lists; the dirty editor keeps my draft
    choice = ask_conflict(editor, session, error, mine, base)
    try:
        if choice in (OVERWRITE, RESTORE):
            editor.show_saved(session.save_activity(mine, force=True))
            return True
        if choice == DISCARD:
            editor.load(None)
            return True
        if choice == RELOAD:
            copy = _my_version_as_draft(editor, mine)
            session.save_activity(copy)
            editor.load(error.uid)
            prompts.inform(
                editor,
                QCoreApplication.translate("ActivityConflict", "Their version loaded"),
                QCoreApplication.translate(
                    "ActivityConflict",
                    "“{name}” now shows the version of {user}. Your version has been kept as "
                    "the new draft activity “{copy}”.",
                ).format(name=error.label, user=error.user or "?", copy=copy.name),
            )
            return True
    except Exception as exc:  # StoreError (e.g. a processor deleted meanwhile): unchanged
        prompts.show_error(
            editor, QCoreApplication.translate("ActivityConflict", "Activity not saved"), exc
        )
    return False


def _my_version_as_draft(editor: ActivityEditor, mine: m.Activity) -> m.Activity:
    now = m.utc_now()
    copy = codec.from_dict(m.Activity, codec.to_dict(mine))
    copy.uid = m.new_uid()
    copy.version = 0
    copy.name = QCoreApplication.translate(
        "ActivityConflict", "{name} (my version of {date})"
    ).format(name=mine.name, date=f"{p.format_date(now.astimezone())} {now.astimezone():%H:%M}")
    copy.reference = editor.next_reference()
    copy.status = m.ActivityStatus.DRAFT
    copy.created = copy.changed = now
    return copy
