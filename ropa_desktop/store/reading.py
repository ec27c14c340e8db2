"""Reading the register: whole tables one statement each, assembled into domain objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from ropa_desktop.domain import model as m
from ropa_desktop.store import rows
from ropa_desktop.store.frozen import read_versions
from ropa_desktop.store.models import (
    ActivityRow,
    ChangeBatchRow,
    ChangeRow,
    ChildTable,
    ClientControllerRow,
    DataCategoryRow,
    JointControllerRow,
    OrganisationRow,
    ProcessingServiceRow,
    ProcessorRow,
    ProcessorUseRow,
    PurposeRow,
    RecipientRow,
    RecipientUseRow,
    SubprocessorRow,
    TomRow,
    TomUseRow,
    TransferRow,
)
from ropa_desktop.store.records import MSG_UNKNOWN_ORG, StoreError


def read_register(conn: Connection, organisation: str | None, include_history: bool) -> m.Register:
    """The whole register, or one organisation's with its own catalogue entries (see
    :meth:`Store.load_register <ropa_desktop.store.repository.Store.load_register>`)."""
    org_stmt = select(OrganisationRow).order_by(OrganisationRow.id)
    if organisation is not None:
        org_stmt = org_stmt.where(OrganisationRow.name == organisation)
    org_rows = conn.execute(org_stmt).mappings().all()
    if organisation is not None and not org_rows:
        raise StoreError(MSG_UNKNOWN_ORG, name=organisation)
    org_ids = [r["id"] for r in org_rows]
    reader = Reader(conn, None if organisation is None else org_ids)
    orgs = {r["id"]: rows.organisation_from(r) for r in org_rows}
    scope = None if organisation is None else ActivityRow.organisation_id.in_(org_ids)
    for org_id, act in reader.activities(scope):
        orgs[org_id].activities.append(act)
    svc_scope = None if organisation is None else ProcessingServiceRow.organisation_id.in_(org_ids)
    for org_id, svc in reader.services(svc_scope):
        orgs[org_id].services.append(svc)
    register = m.Register(
        organisations=list(orgs.values()),
        processors=list(reader.processors.values()),
        recipients=list(reader.recipients.values()),
        toms=list(reader.toms.values()),
    )
    if include_history:
        stmt = (
            select(*ChangeRow.__table__.c, ChangeBatchRow.uid.label("batch_uid"))
            .outerjoin(ChangeBatchRow, ChangeBatchRow.id == ChangeRow.batch_id)
            .order_by(ChangeRow.at, ChangeRow.id)
        )
        if organisation is not None:
            uids = _register_uids(register)
            register.history = [
                rows.change_from(r, r["batch_uid"])
                for r in conn.execute(stmt).mappings()
                if r["entity_uid"] in uids
            ]
        else:
            register.history = [
                rows.change_from(r, r["batch_uid"]) for r in conn.execute(stmt).mappings()
            ]
        register.versions = read_versions(conn, org_ids)
    return register


def _register_uids(register: m.Register) -> set[str]:
    uids = {p.uid for p in register.processors} | {r.uid for r in register.recipients}
    uids |= {t.uid for t in register.toms}
    for org in register.organisations:
        uids.add(org.uid)
        uids |= {a.uid for a in org.activities} | {s.uid for s in org.services}
    return uids


class Reader:
    """Reads tables one statement each and assembles domain objects.

    The catalogues read are those of the organisations ``org_ids`` (by row id), or of
    every organisation when it is None.
    """

    def __init__(self, conn: Connection, org_ids: list[int] | None = None) -> None:
        self.conn = conn
        self.org_uid: dict[int, str] = dict(
            conn.execute(select(OrganisationRow.id, OrganisationRow.uid)).all()
        )

        def scoped(table: Any) -> Any:
            stmt = select(table).order_by(table.id)
            return stmt if org_ids is None else stmt.where(table.organisation_id.in_(org_ids))

        self.processor_uid: dict[int, str] = {}
        self.processors: dict[str, m.Processor] = {}
        for r in conn.execute(scoped(ProcessorRow)).mappings():
            self.processor_uid[r["id"]] = r["uid"]
            self.processors[r["uid"]] = rows.processor_from(r, self.org_uid[r["organisation_id"]])
        for r in conn.execute(scoped(SubprocessorRow)).mappings():
            self.processors[self.processor_uid[r["processor_id"]]].subprocessors.append(
                m.SubprocessorLink(self.processor_uid[r["subprocessor_id"]], r["service"])
            )
        self.recipient_uid: dict[int, str] = {}
        self.recipients: dict[str, m.Recipient] = {}
        for r in conn.execute(scoped(RecipientRow)).mappings():
            self.recipient_uid[r["id"]] = r["uid"]
            self.recipients[r["uid"]] = rows.recipient_from(r, self.org_uid[r["organisation_id"]])
        self.tom_uid: dict[int, str] = {}
        self.toms: dict[str, m.Tom] = {}
        for r in conn.execute(scoped(TomRow)).mappings():
            self.tom_uid[r["id"]] = r["uid"]
            self.toms[r["uid"]] = rows.tom_from(r, self.org_uid[r["organisation_id"]])

    def _children(self, table: ChildTable, owner: Any, scope_ids: Any) -> Iterable[Any]:
        stmt = select(table).order_by(table.id)
        stmt = (
            stmt.where(owner.in_(scope_ids))
            if scope_ids is not None
            else stmt.where(owner.is_not(None))
        )
        return self.conn.execute(stmt).mappings()

    def activities(self, scope: Any) -> list[tuple[int, m.Activity]]:
        """(organisation id, activity) pairs in insertion order, children filled in."""
        stmt = select(ActivityRow).order_by(ActivityRow.id)
        if scope is not None:
            stmt = stmt.where(scope)
        by_id: dict[int, m.Activity] = {}
        result = []
        for r in self.conn.execute(stmt).mappings():
            act = rows.activity_from(r)
            by_id[r["id"]] = act
            result.append((r["organisation_id"], act))
        if not by_id:
            return result
        ids = None if scope is None else select(ActivityRow.id).where(scope).scalar_subquery()
        for r in self._children(PurposeRow, PurposeRow.activity_id, ids):
            by_id[r["activity_id"]].purposes.append(rows.purpose_from(r))
        for r in self._children(DataCategoryRow, DataCategoryRow.activity_id, ids):
            by_id[r["activity_id"]].data_categories.append(rows.data_category_from(r))
        for r in self._children(JointControllerRow, JointControllerRow.activity_id, ids):
            by_id[r["activity_id"]].joint_controllers.append(rows.joint_controller_from(r))
        for r in self._children(RecipientUseRow, RecipientUseRow.activity_id, ids):
            by_id[r["activity_id"]].recipients.append(self.recipient_uid[r["recipient_id"]])
        for r in self._children(ProcessorUseRow, ProcessorUseRow.activity_id, ids):
            by_id[r["activity_id"]].processors.append(
                m.ProcessorLink(self.processor_uid[r["processor_id"]], r["service"])
            )
        for r in self._children(TransferRow, TransferRow.activity_id, ids):
            by_id[r["activity_id"]].transfers.append(self._transfer(r))
        for r in self._children(TomUseRow, TomUseRow.activity_id, ids):
            by_id[r["activity_id"]].toms.append(self.tom_uid[r["tom_id"]])
        return result

    def services(self, scope: Any) -> list[tuple[int, m.ProcessingService]]:
        """(organisation id, processing service) pairs, children filled in."""
        stmt = select(ProcessingServiceRow).order_by(ProcessingServiceRow.id)
        if scope is not None:
            stmt = stmt.where(scope)
        by_id: dict[int, m.ProcessingService] = {}
        result = []
        for r in self.conn.execute(stmt).mappings():
            svc = rows.service_from(r)
            by_id[r["id"]] = svc
            result.append((r["organisation_id"], svc))
        if not by_id:
            return result
        ids = (
            None
            if scope is None
            else select(ProcessingServiceRow.id).where(scope).scalar_subquery()
        )
        for r in self._children(ClientControllerRow, ClientControllerRow.service_id, ids):
            by_id[r["service_id"]].controllers.append(rows.client_from(r))
        for r in self._children(ProcessorUseRow, ProcessorUseRow.service_id, ids):
            by_id[r["service_id"]].subprocessors.append(
                m.ProcessorLink(self.processor_uid[r["processor_id"]], r["service"])
            )
        for r in self._children(TransferRow, TransferRow.service_id, ids):
            by_id[r["service_id"]].transfers.append(self._transfer(r))
        for r in self._children(TomUseRow, TomUseRow.service_id, ids):
            by_id[r["service_id"]].toms.append(self.tom_uid[r["tom_id"]])
        return result

    def _transfer(self, r: Any) -> m.Transfer:
        pid = r["processor_id"]
        return m.Transfer(
            country=r["country"],
            recipient=r["recipient"],
            processor=self.processor_uid[pid] if pid is not None else None,
            mechanism=r["mechanism"],
            mechanism_text=r["mechanism_text"],
            documentation=r["documentation"],
        )
