"""``verify``: is the database sound, and does it hold what the store promises?

Three layers, one finding per line:

- the file or server: ``PRAGMA integrity_check`` and ``foreign_key_check`` on SQLite;
  on PostgreSQL every foreign key and check constraint is validated (none left
  ``NOT VALID``) and the references are checked again by query;
- the schema: the revision is the one this version of the application writes;
- the store's own invariants: the whole register loads, every link (processor, recipient,
  TOM, subprocessor) resolves, every entity the history names exists or has a recorded
  deletion, every frozen version's document can be read.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, MetaData, and_, not_, select, text
from sqlalchemy.exc import SQLAlchemyError

from ropa_desktop.domain.codec import register_from_document
from ropa_desktop.domain.integrity import integrity_problems
from ropa_desktop.store.models import (
    ActivityRow,
    ChangeRow,
    OrganisationRow,
    ProcessingServiceRow,
    ProcessorRow,
    RecipientRow,
    RegisterVersionRow,
    TomRow,
)
from ropa_desktop.store.reading import read_register

_ENTITY_TABLES: dict[str, Any] = {
    "organisation": OrganisationRow,
    "activity": ActivityRow,
    "service": ProcessingServiceRow,
    "processor": ProcessorRow,
    "recipient": RecipientRow,
    "tom": TomRow,
}


def verify(engine: Engine, head: str) -> list[str]:
    """Every problem found, one line each (empty: the database is sound)."""
    findings: list[str] = []
    try:
        with engine.connect() as conn:
            if engine.url.get_backend_name() == "sqlite":
                findings += _sqlite_checks(conn)
            elif engine.url.get_backend_name() == "postgresql":
                findings += _postgresql_checks(conn)
            if findings:
                return findings  # the store's checks would only repeat what is broken
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if revision != head:
                findings.append(f"schema: revision {revision}, expected {head}")
            findings += _history_checks(conn)
            findings += _version_checks(conn)
            register = read_register(conn, None, False)
    except (SQLAlchemyError, KeyError, ValueError, TypeError) as exc:
        lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        findings.append(
            f"register cannot be read: {type(exc).__name__}: {lines[0] if lines else ''}"
        )
        return findings
    findings += [f"register: {p}" for p in integrity_problems(register, check_text=False)]
    return findings


def _sqlite_checks(conn: Connection) -> list[str]:
    found = [
        f"integrity_check: {row[0]}"
        for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        if row[0] != "ok"
    ]
    found += [
        f"foreign_key_check: table {t}, row {rowid}, refers to {parent}"
        for t, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check")
    ]
    return found


def _postgresql_checks(conn: Connection) -> list[str]:
    found = [
        f"constraint {name} on {table} is not validated"
        for name, table in conn.execute(
            text(
                "SELECT conname, conrelid::regclass::text FROM pg_constraint "
                "WHERE NOT convalidated AND connamespace = 'public'::regnamespace"
            )
        )
    ]
    meta = MetaData()
    meta.reflect(conn)
    for table in meta.sorted_tables:
        for fk in table.foreign_key_constraints:
            cols = list(fk.columns)
            parent = fk.referred_table
            pairs = [(c, fk.elements[i].column) for i, c in enumerate(cols)]
            orphan = (
                select(cols[0])
                .select_from(table.outerjoin(parent, and_(*[c == p for c, p in pairs])))
                .where(and_(*[c.is_not(None) for c, _ in pairs]), pairs[0][1].is_(None))
                .limit(1)
            )
            if conn.execute(orphan).first() is not None:
                found.append(
                    f"foreign key {table.name}.{cols[0].name} → {parent.name}: "
                    "rows refer to nothing"
                )
    return found


def _history_checks(conn: Connection) -> list[str]:
    found: list[str] = []
    deleted = select(ChangeRow.entity_uid).where(
        ChangeRow.field == "", ChangeRow.new.is_(None), ChangeRow.old.is_not(None)
    )
    for entity, table in _ENTITY_TABLES.items():
        missing = (
            conn.execute(
                select(ChangeRow.entity_uid)
                .distinct()
                .where(
                    ChangeRow.entity == entity,
                    not_(ChangeRow.entity_uid.in_(select(table.uid))),
                    not_(ChangeRow.entity_uid.in_(deleted)),
                )
                .order_by(ChangeRow.entity_uid)
                .limit(20)
            )
            .scalars()
            .all()
        )
        found += [
            f"history: {entity} {uid} is neither present nor recorded as deleted" for uid in missing
        ]
    return found


def _version_checks(conn: Connection) -> list[str]:
    found: list[str] = []
    stmt = select(RegisterVersionRow.id, RegisterVersionRow.number, RegisterVersionRow.document)
    for row_id, number, document in conn.execute(stmt):
        try:
            register_from_document(document)
        except (KeyError, ValueError, TypeError) as exc:
            found.append(f"frozen version {number} (row {row_id}) cannot be read: {exc}")
    return found
