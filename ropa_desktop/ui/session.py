"""The open database and the organisation being worked on, shared by every view."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ropa_desktop.domain import model as m
from ropa_desktop.domain.attachments import AttachmentInfo
from ropa_desktop.domain.i18n import language
from ropa_desktop.domain.rules import Finding, check_activity, check_organisation
from ropa_desktop.domain.rules.services import check_service
from ropa_desktop.store.repository import (
    BulkChange,
    EntryUse,
    OrganisationSummary,
    RegisterVersion,
    Store,
)


class Change(StrEnum):
    """What a write of the session changed: the payload of :attr:`Session.changed`."""

    ACTIVITIES = "activities"
    """Activities of the current organisation were saved or deleted."""
    SERVICES = "services"
    """Processing services (Art. 30(2)) of the current organisation were saved or deleted."""
    CATALOGUE = "catalogue"
    """Processors, recipients or TOMs of the current organisation's catalogue changed."""
    ORGANISATION = "organisation"
    """The master data of an organisation changed (perhaps its name)."""
    VERSIONS = "versions"
    """A version of the current organisation's register was frozen or its delivery
    recorded (both written to the history)."""
    EVERYTHING = "all"
    """Every cached record was dropped (after an import, undo or restore)."""


E = TypeVar("E", m.Processor, m.Recipient, m.Tom)


def opening_organisation(
    organisations: list[OrganisationSummary], remembered: object
) -> str | None:
    """The organisation a window opens on: the one used last (``remembered``) if it is
    still there and not archived, else the first that has activities, else the first."""
    names = [o.name for o in organisations]
    if isinstance(remembered, str) and remembered in names:
        return remembered
    busy = [o.name for o in organisations if o.activities]
    return busy[0] if busy else (names[0] if names else None)


POLL_MS = 2000
"""How often the window looks for changes made by other processes or users (ms)."""


def _modal_dialog_open() -> bool:
    return QApplication.activeModalWidget() is not None


class Session(QObject):
    """Caches one organisation's register and its catalogue; writes through the store.

    Views read from the session and listen to :attr:`changed`; every write goes
    through a ``save_*``/``delete_*`` method here, which writes one transaction,
    refreshes the cache and emits :attr:`changed` with what changed (a :class:`Change`).
    Objects handed out are the cached ones: editors must work on a copy
    (:meth:`activity_copy`).
    """

    changed = Signal(object)
    """Emitted with a :class:`Change` after every write."""
    organisationChanged = Signal()
    changedElsewhere = Signal()
    """Another process or user changed the database; emitted after :attr:`changed`
    (``Change.EVERYTHING``) has refreshed the views from the reloaded cache."""

    def __init__(self, store: Store, location: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.location = location
        self._org_name: str | None = None
        self._org: m.Organisation | None = None
        self._by_uid: dict[str, m.Activity] = {}
        self._catalogue: m.Register | None = None
        self._findings: dict[str, list[Finding]] = {}
        self._org_findings: list[Finding] | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._poll_timer = QTimer(self)
        self._poll_timer.timeout.connect(self.poll)
        self.poll_paused: Callable[[], bool] = _modal_dialog_open
        """Polling waits while this says so (a modal dialog is open, work is running)."""

    # --- changes made elsewhere ---------------------------------------------

    def start_polling(self, interval_ms: int = POLL_MS) -> None:
        """Look for changes of other processes or users every ``interval_ms``
        (see :meth:`poll`)."""
        self._stamp = self._read_stamp()
        self._poll_timer.start(interval_ms)

    def stop_polling(self) -> None:
        """Stop looking for changes made elsewhere."""
        self._poll_timer.stop()

    def poll(self) -> bool:
        """Compare the database's change stamp (one small query) with the last one seen;
        when another process or user changed something, reload the cache, refresh every
        view (``changed(Change.EVERYTHING)``) and emit :attr:`changedElsewhere`. True when
        a change was found."""
        if self.poll_paused():
            return False
        stamp = self._read_stamp()
        if stamp is None or stamp == self._stamp:
            return False
        self._stamp = stamp
        self.reload()
        self.changedElsewhere.emit()
        return True

    def _read_stamp(self) -> tuple[int, int, int] | None:
        try:
            return self.store.change_stamp()
        except Exception:  # busy or briefly unreachable: the next poll tries again
            return None

    def _wrote(self) -> None:
        """After a write of this session: its own change is not news for :meth:`poll`."""
        if self._poll_timer.isActive():
            self._stamp = self._read_stamp()

    # --- organisation ------------------------------------------------------

    def organisations(self, *, include_archived: bool = False) -> list[OrganisationSummary]:
        """The organisations of the database (archived ones only when asked), by name."""
        return self.store.organisations(include_archived=include_archived)

    @property
    def organisation_name(self) -> str | None:
        """Name of the organisation being worked on, None when there is none."""
        return self._org_name

    def set_organisation(self, name: str | None) -> None:
        """Work on ``name`` from now on (None: none); emits :attr:`organisationChanged`."""
        if name == self._org_name and self._org is not None:
            return
        self._org_name = name
        self._org = None
        self._catalogue = None
        self._forget_checks()
        self.organisationChanged.emit()

    def organisation(self) -> m.Organisation | None:
        """The current organisation with its activities (loaded on first use)."""
        if self._org is None and self._org_name is not None:
            loaded = self.store.load_register(self._org_name)  # with its catalogue
            self._org = loaded.organisations[0]
            self._by_uid = {a.uid: a for a in self._org.activities}
            if self._catalogue is None:  # read in the same go, not again
                self._catalogue = m.Register(
                    processors=loaded.processors, recipients=loaded.recipients, toms=loaded.toms
                )
        return self._org

    def catalogue(self) -> m.Register:
        """Processors, recipients and TOMs of the current organisation (empty without one)."""
        if self._catalogue is None:
            self._catalogue = (
                self.store.catalogue(self._org_name) if self._org_name is not None else m.Register()
            )
        return self._catalogue

    def register(self) -> m.Register:
        """The current organisation with its catalogue, as checks and exports need it."""
        cat = self.catalogue()
        org = self.organisation()
        return m.Register(
            organisations=[org] if org is not None else [],
            processors=cat.processors,
            recipients=cat.recipients,
            toms=cat.toms,
        )

    # --- activities --------------------------------------------------------

    def activity_uids(self) -> list[str]:
        """Uids of the current organisation's activities, in stored order."""
        org = self.organisation()
        return [a.uid for a in org.activities] if org is not None else []

    def activity(self, uid: str) -> m.Activity | None:
        """The cached activity (do not modify it; see :meth:`activity_copy`)."""
        self.organisation()
        return self._by_uid.get(uid)

    def activity_copy(self, uid: str) -> m.Activity | None:
        """A deep copy of the activity, for an editor to change."""
        act = self.activity(uid)
        return copy.deepcopy(act) if act is not None else None

    def findings(self, uid: str) -> list[Finding]:
        """Findings of the rules for one activity of the current organisation (cached)."""
        found = self._findings.get(uid)
        if found is None:
            act = self.activity(uid)
            org = self.organisation()
            found = [] if act is None or org is None else check_activity(act, org, self.register())
            self._findings[uid] = found
        return found

    def check(self, act: m.Activity) -> list[Finding]:
        """Findings for an activity as edited (not yet saved)."""
        org = self.organisation()
        if org is None:
            return []
        return check_activity(act, org, self.register())

    def organisation_findings(self) -> list[Finding]:
        """All findings of the current organisation (cached)."""
        if self._org_findings is None:
            org = self.organisation()
            self._org_findings = [] if org is None else check_organisation(org, self.register())
        return self._org_findings

    def save_activity(
        self, act: m.Activity, *, force: bool = False, override: str = ""
    ) -> m.Activity:
        """Write one activity (new or changed) in one transaction; ConflictError when it
        was changed elsewhere since ``act.version`` (``force``: overwrite). ``override``:
        the reason for approving it despite check errors, recorded in the history."""
        org = self._require_org()
        if override:
            from ropa_desktop.store.workflow import save_with_override

            saved = save_with_override(
                self.store, org.uid, copy.deepcopy(act), override, force=force
            )
        else:
            saved = self.store.save_activity(org.uid, copy.deepcopy(act), force=force)
        self._wrote()
        for i, old in enumerate(org.activities):
            if old.uid == saved.uid:
                org.activities[i] = saved
                break
        else:
            org.activities.append(saved)
        self._by_uid[saved.uid] = saved
        self._forget_checks()
        self.changed.emit(Change.ACTIVITIES)
        return saved

    def delete_activity(self, uid: str, *, force: bool = False) -> None:
        """Delete one activity; the history keeps it for restoring. ConflictError when it
        was changed elsewhere since it was loaded (``force``: delete anyway)."""
        org = self._require_org()
        cached = self._by_uid.get(uid)
        self.store.delete_activity(uid, cached.version if cached else None, force=force)
        self._wrote()
        org.activities[:] = [a for a in org.activities if a.uid != uid]
        self._by_uid.pop(uid, None)
        self._forget_checks()
        self.changed.emit(Change.ACTIVITIES)

    # --- processing services (Art. 30(2)) ------------------------------------

    def services(self) -> list[m.ProcessingService]:
        """The current organisation's processing services (cached; do not modify them)."""
        org = self.organisation()
        return list(org.services) if org is not None else []

    def service(self, uid: str) -> m.ProcessingService | None:
        """The cached processing service ``uid`` (do not modify it)."""
        return next((s for s in self.services() if s.uid == uid), None)

    def service_copy(self, uid: str) -> m.ProcessingService | None:
        """A deep copy of the processing service, for an editor to change."""
        svc = self.service(uid)
        return copy.deepcopy(svc) if svc is not None else None

    def check_service(self, svc: m.ProcessingService) -> list[Finding]:
        """Findings for a processing service as edited (not yet saved)."""
        org = self.organisation()
        return [] if org is None else check_service(svc, org, language())

    def save_service(self, svc: m.ProcessingService, *, force: bool = False) -> m.ProcessingService:
        """Write one processing service (new or changed); ConflictError as for activities."""
        org = self._require_org()
        saved = self.store.save_service(org.uid, copy.deepcopy(svc), force=force)
        self._wrote()
        for i, old in enumerate(org.services):
            if old.uid == saved.uid:
                org.services[i] = saved
                break
        else:
            org.services.append(saved)
        self._forget_checks()
        self.changed.emit(Change.SERVICES)
        return saved

    def delete_service(self, uid: str, *, force: bool = False) -> str:
        """Delete one processing service as an undoable batch (returned; the history
        restores it). ConflictError when it was changed elsewhere meanwhile."""
        org = self._require_org()
        cached = self.service(uid)
        batch = self.store.delete_service(uid, cached.version if cached else None, force=force)
        self._wrote()
        org.services[:] = [s for s in org.services if s.uid != uid]
        self._forget_checks()
        self.changed.emit(Change.SERVICES)
        return batch

    # --- frozen versions -----------------------------------------------------

    def freeze_version(self, label: str = "") -> RegisterVersion:
        """Freeze the current organisation's register as the next numbered version."""
        org = self._require_org()
        frozen = self.store.freeze_version(org.name, label)
        self._wrote()
        self.changed.emit(Change.VERSIONS)
        return frozen

    def record_delivery(
        self, number: int, recipient: str, on: date, reference: str = ""
    ) -> RegisterVersion:
        """Record to whom and when version ``number`` was handed over (see
        :meth:`Store.record_delivery`)."""
        org = self._require_org()
        delivered = self.store.record_delivery(org.name, number, recipient, on, reference)
        self._wrote()
        self.changed.emit(Change.VERSIONS)
        return delivered

    # --- attachments -------------------------------------------------------

    def attachments(self, owner_uid: str | None = None) -> list[AttachmentInfo]:
        """Files of the current organisation (of one activity or processor when given)."""
        org = self.organisation()
        return [] if org is None else self.store.attachments(org.uid, owner_uid)

    def add_attachment(self, kind: str, owner_uid: str, name: str, data: bytes) -> AttachmentInfo:
        """Keep a file beside an activity or processor of the current organisation."""
        info = self.store.add_attachment(self._require_org().uid, kind, owner_uid, name, data)
        self._wrote()
        return info

    def attachment_content(self, uid: str) -> bytes:
        """The content of one of the current organisation's files."""
        return self.store.attachment_content(self._require_org().uid, uid)

    def delete_attachment(self, uid: str) -> None:
        """Delete one of the current organisation's files."""
        self.store.delete_attachment(self._require_org().uid, uid)
        self._wrote()

    # --- catalogue and master data -----------------------------------------

    def _owned(self, entry: E) -> E:
        """A copy of ``entry`` owned by the current organisation when it names no owner."""
        entry = copy.deepcopy(entry)
        if not entry.owner:
            entry.owner = self._require_org().uid
        return entry

    # The catalogue and organisation writes raise ConflictError like save_activity.

    def save_processor(self, processor: m.Processor, *, force: bool = False) -> m.Processor:
        """Create or update a processor of the current organisation's catalogue."""
        saved = self.store.save_processor(self._owned(processor), force=force)
        self._catalogue_changed()
        return saved

    def delete_processor(self, uid: str, *, force: bool = False) -> None:
        """Delete a processor no record uses (the store refuses otherwise)."""
        cached = next((p for p in self.catalogue().processors if p.uid == uid), None)
        self.store.delete_processor(uid, cached.version if cached else None, force=force)
        self._catalogue_changed()

    def entry_uses(self, kind: str, uid: str) -> list[EntryUse]:
        """The records using a processor, recipient or TOM (``kind``) of the catalogue."""
        return self.store.entry_uses(kind, uid)

    def delete_entry(
        self, kind: str, uid: str, *, replacement: str | None = None, force: bool = False
    ) -> str:
        """Delete a processor, recipient or TOM; the records using it lose it or get
        ``replacement``. One undoable batch (returned); ConflictError as for activities."""
        lists: dict[str, list[Any]] = {
            "processor": self.catalogue().processors,
            "recipient": self.catalogue().recipients,
            "tom": self.catalogue().toms,
        }
        entries = lists[kind]
        cached = next((e for e in entries if e.uid == uid), None)
        batch = self.store.delete_entry(
            kind,
            uid,
            replacement=replacement,
            version=cached.version if cached else None,
            force=force,
        )
        self._wrote()
        self.reload()
        return batch

    def bulk_update(self, uids: list[str], change: BulkChange, label: str) -> str:
        """Change several activities of the current organisation at once; one undoable
        batch (returned)."""
        org = self._require_org()
        batch = self.store.bulk_update(org.uid, uids, change, label)
        self._wrote()
        self.reload()
        return batch

    def save_recipient(self, recipient: m.Recipient, *, force: bool = False) -> m.Recipient:
        """Create or update a recipient of the current organisation's catalogue."""
        saved = self.store.save_recipient(self._owned(recipient), force=force)
        self._catalogue_changed()
        return saved

    def save_tom(self, tom: m.Tom, *, force: bool = False) -> m.Tom:
        """Create or update a measure of the current organisation's TOM catalogue."""
        saved = self.store.save_tom(self._owned(tom), force=force)
        self._catalogue_changed()
        return saved

    def save_organisation(self, org: m.Organisation, *, force: bool = False) -> m.Organisation:
        """Create or update an organisation's master data; a rename follows along."""
        stored = copy.deepcopy(org)
        stored.activities, stored.services = [], []
        org.version = self.store.save_organisation(stored, force=force).version
        self._wrote()
        renamed = self._org is not None and self._org.uid == org.uid
        if renamed or self._org_name is None:
            self._org_name = org.name
        self._org = None
        self._forget_checks()
        self.changed.emit(Change.ORGANISATION)
        return org

    def copy_from(
        self, organisation: str, uids: list[str], *, with_notes: bool = False
    ) -> dict[str, str]:
        """Copy catalogue entries of another organisation into the current one (with their
        subprocessor chains; notes only when asked); one undoable batch."""
        org = self._require_org()
        mapping = self.store.copy_catalogue_entries(
            organisation, org.name, uids, with_notes=with_notes
        )
        self._catalogue_changed()
        return mapping

    def deleted_organisations(self) -> list[str]:
        """Names of organisations whose deletion can still be undone, newest first."""
        existing = {o.name for o in self.organisations(include_archived=True)}
        names = [
            b.description
            for b in self.store.batches()
            if b.kind == "delete-organisation" and not b.undone
        ]
        return [n for n in dict.fromkeys(names) if n not in existing]

    def archive_organisation(self, name: str) -> None:
        """Archive an organisation (the window moves on to another one)."""
        self.store.archive_organisation(name)
        self.reload()

    def delete_organisation(self, name: str) -> str:
        """Delete an organisation with all it holds; returns the batch (undoable)."""
        batch = self.store.delete_organisation(name)
        self.reload()
        return batch

    def restore_organisation(self, name: str) -> None:
        """Bring back an archived or deleted organisation and work on it."""
        self.store.restore_organisation(name)
        self.reload()
        self.set_organisation(name)

    def reload(self) -> None:
        """Forget every cached record (after an import, undo or restore) and tell the views."""
        current_uid = self._org.uid if self._org is not None else None
        self._org = None
        self._catalogue = None
        self._by_uid = {}
        summaries = self.organisations()
        names = {o.name for o in summaries}
        renamed = next((o.name for o in summaries if o.uid == current_uid), None)
        if renamed is not None:  # renamed elsewhere: still the same organisation
            self._org_name = renamed
        if self._org_name not in names:
            self._org_name = opening_organisation(summaries, None)
            self._forget_checks()
            self.organisationChanged.emit()
        self._forget_checks()
        self.changed.emit(Change.EVERYTHING)

    # --- plumbing ----------------------------------------------------------

    def _require_org(self) -> m.Organisation:
        org = self.organisation()
        if org is None:
            raise RuntimeError("no organisation is open")
        return org

    def _catalogue_changed(self) -> None:
        self._wrote()
        self._catalogue = None
        self._forget_checks()
        self.changed.emit(Change.CATALOGUE)

    def _forget_checks(self) -> None:
        self._findings = {}
        self._org_findings = None
