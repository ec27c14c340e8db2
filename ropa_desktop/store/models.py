"""Database schema of the register as SQLAlchemy 2 typed models.

Entities that others point to (organisations, activities, processing services,
processors, recipients, TOMs) have a table with a stable ``uid``. Repeated
structured parts of an activity (purposes, data categories, transfers …) have
child tables whose row order (by ``id``) is the order the user gave. Plain lists
of short texts (data subject categories, internal recipients, legal-basis ids
of one purpose, DPIA criteria) and embedded contact blocks are JSON columns.

Catalogue entries (processors, recipients, TOMs) belong to one organisation
(``organisation_id``). Every link between records carries the organisation too,
with composite foreign keys to ``(id, organisation_id)`` of both ends, so the
database itself refuses a link from one organisation's activity to another's entry.

The store reads and writes these tables with Core statements built from the
models' ``__table__`` (one statement per table, not per activity); the models
are the single definition of the schema and the source of Alembic migrations.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypeAlias

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    LargeBinary,
    MetaData,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations are stable."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        str: Text(),
        datetime: DateTime(timezone=True),
        date: Date(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


def _text() -> Mapped[str]:
    return mapped_column(Text, nullable=False, default="", server_default="")


def _id() -> Mapped[int]:
    return mapped_column(Integer, primary_key=True, autoincrement=True)


def _owner() -> Mapped[int]:
    return mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)


def _own_key(table: str) -> UniqueConstraint:
    """(id, organisation_id): what the links' composite foreign keys refer to."""
    return UniqueConstraint("id", "organisation_id", name=f"uq_{table}_id_organisation")


def _link(columns: str, table: str, ondelete: str | None = None) -> ForeignKeyConstraint:
    """A foreign key from ``(columns, organisation_id)`` of a link to ``table``: the linked
    record must belong to the same organisation as the link."""
    return ForeignKeyConstraint(
        [columns, "organisation_id"], [f"{table}.id", f"{table}.organisation_id"], ondelete=ondelete
    )


def _flag() -> Mapped[bool]:
    """A yes/no column that is false unless set (explicit "none" statements)."""
    return mapped_column(Boolean, nullable=False, default=False, server_default=sa_false())


def _version() -> Mapped[int]:
    """The record's version: 1 when created, one more with every stored change (optimistic
    concurrency: a save names the version it was loaded at)."""
    return mapped_column(Integer, nullable=False, default=1, server_default="1")


class OrganisationRow(Base):
    """An organisation (controller and/or processor) with its master data."""

    __tablename__ = "organisation"
    id: Mapped[int] = _id()
    uid: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(unique=True)
    kind: Mapped[str]
    land: Mapped[str] = _text()
    public_body: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    street: Mapped[str] = _text()
    postcode: Mapped[str] = _text()
    city: Mapped[str] = _text()
    country: Mapped[str] = _text()
    phone: Mapped[str] = _text()
    email: Mapped[str] = _text()
    website: Mapped[str] = _text()
    management: Mapped[str] = _text()
    representative: Mapped[dict[str, Any]]
    dpo: Mapped[dict[str, Any]]
    dpo_external: Mapped[bool] = mapped_column(Boolean, default=False)
    supervisory_authority: Mapped[str] = _text()
    is_controller: Mapped[bool] = mapped_column(Boolean, default=True)
    is_processor: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = _text()
    archived: Mapped[datetime | None]
    review_months: Mapped[int] = mapped_column(
        Integer, nullable=False, default=12, server_default="12"
    )
    """The review cycle: months from one review of an activity to the next (a setting of the
    database, not part of the register document)."""
    version: Mapped[int] = _version()


class ActivityRow(Base):
    """A processing activity (Art. 30(1)) of one organisation."""

    __tablename__ = "activity"
    __table_args__ = (_own_key("activity"),)
    id: Mapped[int] = _id()
    uid: Mapped[str] = mapped_column(unique=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    reference: Mapped[str] = _text()
    name: Mapped[str] = _text()
    department: Mapped[str] = _text()
    contact: Mapped[dict[str, Any]]
    description: Mapped[str] = _text()
    data_subjects: Mapped[list[str]]
    internal_recipients: Mapped[list[str]]
    no_external_recipients: Mapped[bool] = _flag()
    no_joint_controllers: Mapped[bool] = _flag()
    no_transfers: Mapped[bool] = _flag()
    tom_description: Mapped[str] = _text()
    dpia_art35_3: Mapped[list[str]]
    dpia_wp248: Mapped[list[str]]
    dpia_dsk_list: Mapped[list[str]]
    dpia_result: Mapped[str]
    dpia_reference: Mapped[str] = _text()
    dpia_notes: Mapped[str] = _text()
    dpia_screened_on: Mapped[date | None]
    status: Mapped[str]
    created: Mapped[datetime]
    changed: Mapped[datetime]
    last_reviewed: Mapped[date | None]
    next_review: Mapped[date | None]
    notes: Mapped[str] = _text()
    version: Mapped[int] = _version()


class PurposeRow(Base):
    """A purpose of an activity with its legal bases."""

    __tablename__ = "purpose"
    id: Mapped[int] = _id()
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = _text()
    legal_bases: Mapped[list[str]]
    legitimate_interest: Mapped[str] = _text()


class DataCategoryRow(Base):
    """A category of personal data of an activity with its retention rule."""

    __tablename__ = "data_category"
    id: Mapped[int] = _id()
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = _text()
    special: Mapped[str]
    source: Mapped[str] = _text()
    retention_duration: Mapped[int | None]
    retention_unit: Mapped[str | None]
    retention_start: Mapped[str] = _text()
    retention_text: Mapped[str] = _text()
    notes: Mapped[str] = _text()


class JointControllerRow(Base):
    """A joint controller (Art. 26) of an activity."""

    __tablename__ = "joint_controller"
    id: Mapped[int] = _id()
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = _text()
    contact: Mapped[str] = _text()
    arrangement: Mapped[str] = _text()


class ProcessingServiceRow(Base):
    """An entry of an organisation's processor register (Art. 30(2))."""

    __tablename__ = "processing_service"
    __table_args__ = (_own_key("processing_service"),)
    id: Mapped[int] = _id()
    uid: Mapped[str] = mapped_column(unique=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    reference: Mapped[str] = _text()
    name: Mapped[str] = _text()
    categories: Mapped[list[str]]
    no_transfers: Mapped[bool] = _flag()
    tom_description: Mapped[str] = _text()
    status: Mapped[str]
    created: Mapped[datetime]
    changed: Mapped[datetime]
    notes: Mapped[str] = _text()
    version: Mapped[int] = _version()


class ClientControllerRow(Base):
    """A controller on whose behalf a processing service is carried out."""

    __tablename__ = "client_controller"
    id: Mapped[int] = _id()
    service_id: Mapped[int] = mapped_column(
        ForeignKey("processing_service.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = _text()
    contact: Mapped[str] = _text()
    representative: Mapped[str] = _text()
    dpo: Mapped[str] = _text()


class ProcessorRow(Base):
    """A processor of one organisation with its contract (AVV) data."""

    __tablename__ = "processor"
    __table_args__ = (_own_key("processor"),)
    id: Mapped[int] = _id()
    uid: Mapped[str] = mapped_column(unique=True)
    organisation_id: Mapped[int] = _owner()
    name: Mapped[str] = _text()
    street: Mapped[str] = _text()
    postcode: Mapped[str] = _text()
    city: Mapped[str] = _text()
    country: Mapped[str] = _text()
    phone: Mapped[str] = _text()
    email: Mapped[str] = _text()
    contract_date: Mapped[date | None]
    contract_reference: Mapped[str] = _text()
    notes: Mapped[str] = _text()
    version: Mapped[int] = _version()


class SubprocessorRow(Base):
    """A link from a processor to one of its subprocessors (of the same organisation)."""

    __tablename__ = "subprocessor"
    __table_args__ = (
        _link("processor_id", "processor", "CASCADE"),
        _link("subprocessor_id", "processor"),
    )
    id: Mapped[int] = _id()
    organisation_id: Mapped[int] = mapped_column(Integer, index=True)
    processor_id: Mapped[int] = mapped_column(Integer, index=True)
    subprocessor_id: Mapped[int] = mapped_column(Integer, index=True)
    service: Mapped[str] = _text()


class RecipientRow(Base):
    """An external recipient (category) of one organisation."""

    __tablename__ = "recipient"
    __table_args__ = (_own_key("recipient"),)
    id: Mapped[int] = _id()
    uid: Mapped[str] = mapped_column(unique=True)
    organisation_id: Mapped[int] = _owner()
    name: Mapped[str] = _text()
    category: Mapped[str] = _text()
    country: Mapped[str] = _text()
    notes: Mapped[str] = _text()
    version: Mapped[int] = _version()


class TomRow(Base):
    """An entry of one organisation's TOM catalogue, grouped by SDM goal."""

    __tablename__ = "tom"
    __table_args__ = (_own_key("tom"),)
    id: Mapped[int] = _id()
    uid: Mapped[str] = mapped_column(unique=True)
    organisation_id: Mapped[int] = _owner()
    title: Mapped[str] = _text()
    description: Mapped[str] = _text()
    sdm_goal: Mapped[str] = _text()
    art32: Mapped[list[str]]
    version: Mapped[int] = _version()


class ProcessorUseRow(Base):
    """Use of a processor by an activity or (as subprocessor) by a processing service."""

    __tablename__ = "processor_use"
    __table_args__ = (
        CheckConstraint("(activity_id IS NULL) <> (service_id IS NULL)", name="one_owner"),
        _link("activity_id", "activity", "CASCADE"),
        _link("service_id", "processing_service", "CASCADE"),
        _link("processor_id", "processor"),
    )
    id: Mapped[int] = _id()
    organisation_id: Mapped[int] = mapped_column(Integer, index=True)
    activity_id: Mapped[int | None] = mapped_column(Integer, index=True)
    service_id: Mapped[int | None] = mapped_column(Integer, index=True)
    processor_id: Mapped[int] = mapped_column(Integer, index=True)
    service: Mapped[str] = _text()


class TransferRow(Base):
    """A third-country transfer of an activity or a processing service."""

    __tablename__ = "transfer"
    __table_args__ = (
        CheckConstraint("(activity_id IS NULL) <> (service_id IS NULL)", name="one_owner"),
        _link("activity_id", "activity", "CASCADE"),
        _link("service_id", "processing_service", "CASCADE"),
        _link("processor_id", "processor"),
    )
    id: Mapped[int] = _id()
    organisation_id: Mapped[int] = mapped_column(Integer, index=True)
    activity_id: Mapped[int | None] = mapped_column(Integer, index=True)
    service_id: Mapped[int | None] = mapped_column(Integer, index=True)
    country: Mapped[str] = _text()
    recipient: Mapped[str] = _text()
    processor_id: Mapped[int | None] = mapped_column(Integer, index=True)
    mechanism: Mapped[str] = _text()
    mechanism_text: Mapped[str] = _text()
    documentation: Mapped[str] = _text()


class TomUseRow(Base):
    """Link from an activity or a processing service to a TOM of the catalogue."""

    __tablename__ = "tom_use"
    __table_args__ = (
        CheckConstraint("(activity_id IS NULL) <> (service_id IS NULL)", name="one_owner"),
        _link("activity_id", "activity", "CASCADE"),
        _link("service_id", "processing_service", "CASCADE"),
        _link("tom_id", "tom"),
    )
    id: Mapped[int] = _id()
    organisation_id: Mapped[int] = mapped_column(Integer, index=True)
    activity_id: Mapped[int | None] = mapped_column(Integer, index=True)
    service_id: Mapped[int | None] = mapped_column(Integer, index=True)
    tom_id: Mapped[int] = mapped_column(Integer, index=True)


class RecipientUseRow(Base):
    """Link from an activity to an external recipient."""

    __tablename__ = "recipient_use"
    __table_args__ = (
        _link("activity_id", "activity", "CASCADE"),
        _link("recipient_id", "recipient"),
    )
    id: Mapped[int] = _id()
    organisation_id: Mapped[int] = mapped_column(Integer, index=True)
    activity_id: Mapped[int] = mapped_column(Integer, index=True)
    recipient_id: Mapped[int] = mapped_column(Integer, index=True)


class ChangeBatchRow(Base):
    """A group of changes made together (an import, a template, a restore)."""

    __tablename__ = "change_batch"
    id: Mapped[int] = _id()
    uid: Mapped[str] = mapped_column(unique=True)
    at: Mapped[datetime]
    user: Mapped[str] = _text()
    kind: Mapped[str] = _text()
    description: Mapped[str] = _text()


class ChangeRow(Base):
    """One entry of the change history."""

    __tablename__ = "change"
    id: Mapped[int] = _id()
    at: Mapped[datetime] = mapped_column(index=True)
    user: Mapped[str] = _text()
    entity: Mapped[str] = _text()
    entity_uid: Mapped[str] = mapped_column(Text, index=True)
    entity_label: Mapped[str] = _text()
    field: Mapped[str] = _text()
    old: Mapped[str | None]
    new: Mapped[str | None]
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("change_batch.id", ondelete="SET NULL"), index=True
    )


class RegisterVersionRow(Base):
    """A frozen version ("Stand") of an organisation's register, as a JSON document."""

    __tablename__ = "register_version"
    __table_args__ = (UniqueConstraint("organisation_id", "number"),)
    id: Mapped[int] = _id()
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    label: Mapped[str] = _text()
    frozen_at: Mapped[datetime]
    user: Mapped[str] = _text()
    document: Mapped[dict[str, Any]]
    delivered_to: Mapped[str] = _text()
    """To whom the version was handed over (e.g. the supervisory authority); "" = not yet."""
    delivered_on: Mapped[date | None]
    delivery_reference: Mapped[str] = _text()


class RegisterIdentityRow(Base):
    """The database's own identity (one row): questionnaires name it and are signed with
    its secret, so an answer is recognised as coming from this database."""

    __tablename__ = "register_identity"
    id: Mapped[int] = _id()
    uid: Mapped[str] = mapped_column(unique=True)
    secret: Mapped[str]
    created: Mapped[datetime]


class AttachmentRow(Base):
    """A file kept beside an activity or a processor (AVV, DPIA, TOM concept).

    Owner and organisation are named by uid, without foreign keys: the file stays while
    its activity or organisation is deleted, and is there again when the deletion is
    undone. Every read names the organisation, so no other organisation sees the file.
    """

    __tablename__ = "attachment"
    id: Mapped[int] = _id()
    uid: Mapped[str] = mapped_column(unique=True)
    organisation_uid: Mapped[str] = mapped_column(Text, index=True)
    owner_kind: Mapped[str] = mapped_column(Text)
    owner_uid: Mapped[str] = mapped_column(Text, index=True)
    name: Mapped[str] = _text()
    size: Mapped[int] = mapped_column(Integer)
    added: Mapped[datetime]
    user: Mapped[str] = _text()
    content: Mapped[bytes] = mapped_column(LargeBinary)


EntityTable: TypeAlias = (
    type[OrganisationRow]
    | type[ActivityRow]
    | type[ProcessingServiceRow]
    | type[ProcessorRow]
    | type[RecipientRow]
    | type[TomRow]
)
"""A table of entities: rows with an ``id`` that other rows point to and a stable ``uid``."""

ChildTable: TypeAlias = (
    type[PurposeRow]
    | type[DataCategoryRow]
    | type[JointControllerRow]
    | type[ClientControllerRow]
    | type[RecipientUseRow]
    | type[ProcessorUseRow]
    | type[TransferRow]
    | type[TomUseRow]
)
"""A table of the repeated parts of an activity or processing service, ordered by ``id``."""
