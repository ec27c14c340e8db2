"""The record of processing activities (Art. 30 GDPR) as plain Python objects.

These dataclasses are the one shape a register has everywhere: the store maps
them to tables, the JSON interchange format is their dictionary form, the rules
check them and the exports print them. They hold no behaviour beyond small
conveniences and know nothing of databases, files or Qt.

Identity: every entity that other entities point to (organisation, activity,
processing service, processor, recipient, TOM) carries a ``uid`` that survives
export and import unchanged. Links are stored as those uids.

Ownership: every processor, recipient and TOM belongs to exactly one organisation
(its ``owner``, the organisation's uid); an activity or processing service links only
entries of its own organisation. Joint controllers are part of the activity itself.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum


def new_uid() -> str:
    """Return a fresh random identifier for a new entity."""
    return uuid.uuid4().hex


def utc_now() -> datetime:
    """Current time in UTC, to the second (what the register records)."""
    return datetime.now(UTC).replace(microsecond=0)


STORE_ONLY = "store_only"
"""Field metadata key: the field is bookkeeping of the store, not part of the record (not
in the JSON document, its schema, the history's differences or any export)."""


def version_field() -> int:
    """The ``version`` field of an edited record: the stored version it was loaded at.

    0 means "never stored". The store compares it on every single-record save
    (optimistic concurrency); equality of records ignores it.
    """
    version: int = field(default=0, compare=False, metadata={STORE_ONLY: True})
    return version


def interchange_fields(cls: type) -> tuple[str, ...]:
    """Names of the fields of a model class that belong to the record (not store-only)."""
    return tuple(f.name for f in dataclasses.fields(cls) if not f.metadata.get(STORE_ONLY))


class OrganisationKind(StrEnum):
    """Legal form of an organisation; decides which legal bases are open to it."""

    PUBLIC_AUTHORITY = "public_authority"
    """Behörde, e.g. a municipality (Gemeinde, Stadt, Kreis)."""
    PUBLIC_LAW_INSTITUTION = "public_law_institution"
    """Anstalt or Körperschaft des öffentlichen Rechts, e.g. an AöR or Zweckverband."""
    MUNICIPAL_COMPANY = "municipal_company"
    """Municipal company under private law, e.g. Stadtwerke GmbH or AG."""
    PRIVATE = "private"

    @property
    def is_public_body(self) -> bool:
        """True for the legal forms that are public bodies by default (public-law forms).

        Whether an organisation *is* a public body under its Land's law is
        :attr:`Organisation.is_public_body`: the explicit setting where the DPO made one.
        """
        return self in (OrganisationKind.PUBLIC_AUTHORITY, OrganisationKind.PUBLIC_LAW_INSTITUTION)


class ActivityStatus(StrEnum):
    """Workflow state of an activity or processing service."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    ARCHIVED = "archived"


class SpecialCategory(StrEnum):
    """Marker of a data category: ordinary, Art. 9 special category or Art. 10 data."""

    NONE = "none"
    ART9 = "art9"
    ART10 = "art10"


class RetentionUnit(StrEnum):
    """Unit of a structured retention period."""

    HOURS = "hours"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


class DpiaResult(StrEnum):
    """Outcome of the DPIA screening of an activity."""

    NOT_ASSESSED = "not_assessed"
    NOT_REQUIRED = "not_required"
    REQUIRED = "required"
    DONE = "done"


@dataclass(slots=True)
class Contact:
    """Name and contact details of a person or body (DPO, representative, contact person)."""

    name: str = ""
    organisation: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""

    def is_empty(self) -> bool:
        """True when no detail at all is filled in."""
        return not any(getattr(self, name).strip() for name in self.__slots__)


@dataclass(slots=True)
class Retention:
    """When the data of one category is erased.

    Structured as ``duration`` ``unit`` after ``start`` (e.g. 6 months after the
    end of the contract) where that is possible, and as free ``text`` where it
    is not (e.g. "gesetzliche Aufbewahrungsfrist"). Both may be given.
    """

    duration: int | None = None
    unit: RetentionUnit | None = None
    start: str = ""
    text: str = ""

    def is_empty(self) -> bool:
        """True when no retention rule is recorded."""
        return self.duration is None and not self.text.strip() and not self.start.strip()


@dataclass(slots=True)
class Purpose:
    """One purpose of an activity and the legal bases it rests on.

    ``legal_bases`` holds vocabulary ids (``art6-1-e``, ``art9-2-b``,
    ``bdsg-26`` …) or, for provisions not in the vocabulary, the citation as
    written (``§§ 2 ff. BMG``).
    """

    text: str = ""
    legal_bases: list[str] = field(default_factory=list)
    legitimate_interest: str = ""


@dataclass(slots=True)
class DataCategory:
    """A category of personal data with its marker, source and retention rule."""

    name: str = ""
    special: SpecialCategory = SpecialCategory.NONE
    source: str = ""
    retention: Retention = field(default_factory=Retention)
    notes: str = ""


@dataclass(slots=True)
class ProcessorLink:
    """Use of a reusable processor (by uid) for a stated service."""

    processor: str = ""
    service: str = ""


@dataclass(slots=True)
class JointController:
    """A joint controller under Art. 26 and the arrangement with it."""

    name: str = ""
    contact: str = ""
    arrangement: str = ""


@dataclass(slots=True)
class Transfer:
    """A transfer to a third country or an international organisation.

    ``country`` is an ISO 3166-1 alpha-2 code or an international organisation
    id (``int-epo``). ``mechanism`` is a transfer-mechanism vocabulary id
    (``adequacy``, ``dpf``, ``scc-2``, ``art49-1-a`` …) or empty when none is
    recorded; ``mechanism_text`` keeps what the source said where no id fits.
    ``processor`` optionally names the processor (uid) that receives the data.
    """

    country: str = ""
    recipient: str = ""
    processor: str | None = None
    mechanism: str = ""
    mechanism_text: str = ""
    documentation: str = ""


@dataclass(slots=True)
class DpiaScreening:
    """Screening for a data protection impact assessment (Art. 35)."""

    art35_3: list[str] = field(default_factory=list)
    wp248: list[str] = field(default_factory=list)
    dsk_list: list[str] = field(default_factory=list)
    result: DpiaResult = DpiaResult.NOT_ASSESSED
    reference: str = ""
    notes: str = ""
    screened_on: date | None = None


@dataclass(slots=True)
class Activity:
    """A processing activity of a controller: every item of Art. 30(1) GDPR."""

    uid: str = field(default_factory=new_uid)
    reference: str = ""
    name: str = ""
    department: str = ""
    contact: Contact = field(default_factory=Contact)
    description: str = ""
    purposes: list[Purpose] = field(default_factory=list)
    data_subjects: list[str] = field(default_factory=list)
    data_categories: list[DataCategory] = field(default_factory=list)
    internal_recipients: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    processors: list[ProcessorLink] = field(default_factory=list)
    joint_controllers: list[JointController] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    no_external_recipients: bool = False
    """The DPO states explicitly: no external recipients ("keine")."""
    no_joint_controllers: bool = False
    """The DPO states explicitly: no joint controllers ("keine")."""
    no_transfers: bool = False
    """The DPO states explicitly: no third-country transfer ("findet nicht statt")."""
    tom_description: str = ""
    toms: list[str] = field(default_factory=list)
    dpia: DpiaScreening = field(default_factory=DpiaScreening)
    status: ActivityStatus = ActivityStatus.DRAFT
    created: datetime = field(default_factory=utc_now)
    changed: datetime = field(default_factory=utc_now)
    last_reviewed: date | None = None
    next_review: date | None = None
    notes: str = ""
    version: int = version_field()


@dataclass(slots=True)
class ClientController:
    """A controller on whose behalf a processor acts (Art. 30(2)(a))."""

    name: str = ""
    contact: str = ""
    representative: str = ""
    dpo: str = ""


@dataclass(slots=True)
class ProcessingService:
    """An entry of the processor register (Art. 30(2)): processing done for clients."""

    uid: str = field(default_factory=new_uid)
    reference: str = ""
    name: str = ""
    controllers: list[ClientController] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    subprocessors: list[ProcessorLink] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    no_transfers: bool = False
    """The processor states explicitly: no third-country transfer ("findet nicht statt")."""
    tom_description: str = ""
    toms: list[str] = field(default_factory=list)
    status: ActivityStatus = ActivityStatus.DRAFT
    created: datetime = field(default_factory=utc_now)
    changed: datetime = field(default_factory=utc_now)
    notes: str = ""
    version: int = version_field()


@dataclass(slots=True)
class Organisation:
    """A controller and/or processor whose register is kept in the database."""

    uid: str = field(default_factory=new_uid)
    name: str = ""
    kind: OrganisationKind = OrganisationKind.PUBLIC_AUTHORITY
    land: str = ""
    public_body: bool | None = None
    """Explicit answer to "performs public tasks / is a public body under Land law"; None:
    not answered, the default of the legal form applies (:attr:`is_public_body`)."""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "DE"
    phone: str = ""
    email: str = ""
    website: str = ""
    management: str = ""
    representative: Contact = field(default_factory=Contact)
    dpo: Contact = field(default_factory=Contact)
    dpo_external: bool = False
    supervisory_authority: str = ""
    is_controller: bool = True
    is_processor: bool = False
    notes: str = ""
    archived: datetime | None = None
    """When the organisation was archived (hidden from the switcher and default lists)."""
    activities: list[Activity] = field(default_factory=list)
    services: list[ProcessingService] = field(default_factory=list)
    version: int = version_field()

    @property
    def is_public_body(self) -> bool:
        """Whether the rules treat the organisation as a public body (Land law, Art. 6(1)
        second subparagraph GDPR): the explicit setting, else the legal form's default.

        A municipal GmbH doing public administration can be a public body under Land law
        (e.g. § 2 Abs. 2 LDSG BW), and a public-law body competing on a market can be
        treated as a non-public one (e.g. Art. 1 Abs. 3 BayDSG): the form alone cannot
        decide, so the DPO's answer wins.
        """
        if self.public_body is not None:
            return self.public_body
        return self.kind.is_public_body


@dataclass(slots=True)
class SubprocessorLink:
    """A subprocessor (another processor, by uid) engaged by a processor."""

    processor: str = ""
    service: str = ""


@dataclass(slots=True)
class Processor:
    """A processor (Auftragsverarbeiter) with one organisation's contract, reusable across
    that organisation's activities."""

    uid: str = field(default_factory=new_uid)
    owner: str = ""
    name: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""
    contract_date: date | None = None
    contract_reference: str = ""
    subprocessors: list[SubprocessorLink] = field(default_factory=list)
    notes: str = ""
    version: int = version_field()


@dataclass(slots=True)
class Recipient:
    """An external recipient or recipient category (not a processor) of one organisation."""

    uid: str = field(default_factory=new_uid)
    owner: str = ""
    name: str = ""
    category: str = ""
    country: str = ""
    notes: str = ""
    version: int = version_field()


@dataclass(slots=True)
class Tom:
    """A technical or organisational measure of one organisation's catalogue, grouped by
    SDM goal."""

    uid: str = field(default_factory=new_uid)
    owner: str = ""
    title: str = ""
    description: str = ""
    sdm_goal: str = ""
    art32: list[str] = field(default_factory=list)
    version: int = version_field()


@dataclass(slots=True)
class ChangeRecord:
    """One entry of the change history: who changed which field of what, and how."""

    at: datetime = field(default_factory=utc_now)
    user: str = ""
    entity: str = ""
    entity_uid: str = ""
    entity_label: str = ""
    field: str = ""
    old: str | None = None
    new: str | None = None
    batch: str | None = None


@dataclass(slots=True)
class Snapshot:
    """The content of a frozen version: one organisation with its catalogue entries."""

    organisations: list[Organisation] = field(default_factory=list)
    processors: list[Processor] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    toms: list[Tom] = field(default_factory=list)


@dataclass(slots=True)
class FrozenVersion:
    """A frozen version ("Stand") of one organisation's register and its delivery; never
    changed by later edits. Part of a JSON document only with the change history."""

    organisation: str = ""
    """uid of the organisation in $.organisations whose register this is."""
    number: int = 0
    label: str = ""
    frozen_at: datetime = field(default_factory=utc_now)
    user: str = ""
    delivered_to: str = ""
    delivered_on: date | None = None
    delivery_reference: str = ""
    register: Snapshot = field(default_factory=Snapshot)


@dataclass(slots=True)
class Register:
    """A whole database's worth of register: organisations and their catalogues.

    ``processors``, ``recipients`` and ``toms`` are flat lists of the entries of every
    organisation in ``organisations``; each entry names its organisation in ``owner``.
    """

    organisations: list[Organisation] = field(default_factory=list)
    processors: list[Processor] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    toms: list[Tom] = field(default_factory=list)
    history: list[ChangeRecord] = field(default_factory=list)
    versions: list[FrozenVersion] = field(default_factory=list)
    """Frozen versions of the organisations' registers (with the history only)."""

    def organisation(self, name: str) -> Organisation | None:
        """The organisation of that exact name, or None."""
        return next((o for o in self.organisations if o.name == name), None)

    def organisation_by_uid(self, uid: str) -> Organisation | None:
        """The organisation with that uid, or None."""
        return next((o for o in self.organisations if o.uid == uid), None)

    def processors_by_uid(self) -> dict[str, Processor]:
        """Processors keyed by uid."""
        return {p.uid: p for p in self.processors}

    def recipients_by_uid(self) -> dict[str, Recipient]:
        """Recipients keyed by uid."""
        return {r.uid: r for r in self.recipients}

    def toms_by_uid(self) -> dict[str, Tom]:
        """TOM catalogue entries keyed by uid."""
        return {t.uid: t for t in self.toms}
