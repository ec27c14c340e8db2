"""The fields a spreadsheet column can be mapped to when importing a register.

Column mapping (``io.importing.mapping``) assigns each source column one of these
targets; the import engine (``io.importing.engine``) knows how to put each
target's cell text into an activity. Several targets combine what old layouts
put into one column (e.g. the pre-2018 "Zweckbestimmung und Rechtsgrundlage").
"""

from __future__ import annotations

from enum import StrEnum

from ropa_desktop.domain.i18n import Text


class Target(StrEnum):
    """Where the content of a column goes."""

    ORGANISATION = "organisation"
    """Name of the organisation the row belongs to."""
    UID = "uid"
    """The app's own identifier (only in its own Excel export)."""
    REFERENCE = "reference"
    NAME = "name"
    DEPARTMENT = "department"
    CONTACT = "contact"
    CONTACT_PHONE = "contact_phone"
    CONTACT_EMAIL = "contact_email"
    DESCRIPTION = "description"
    PURPOSES = "purposes"
    LEGAL_BASES = "legal_bases"
    PURPOSE_AND_LEGAL_BASIS = "purpose_and_legal_basis"
    """One column holding purposes and legal bases together; the legal bases are picked out."""
    LEGITIMATE_INTEREST = "legitimate_interest"
    ART9_CONDITION = "art9_condition"
    """Art. 9(2) condition(s) for special-category data, e.g. the ICO column."""
    DATA_SUBJECTS = "data_subjects"
    DATA_CATEGORIES = "data_categories"
    SPECIAL_CATEGORIES = "special_categories"
    """Special-category (Art. 9) data named in their own column, or a yes/no marker."""
    DATA_SOURCE = "data_source"
    RETENTION = "retention"
    INTERNAL_RECIPIENTS = "internal_recipients"
    RECIPIENTS = "recipients"
    """External recipients or recipient categories (or recipients not split by kind)."""
    PROCESSORS = "processors"
    JOINT_CONTROLLERS = "joint_controllers"
    THIRD_COUNTRIES = "third_countries"
    """Third countries or international organisations (or "findet nicht statt")."""
    TRANSFER_SAFEGUARDS = "transfer_safeguards"
    TOMS = "toms"
    """Measures: titles of catalogue entries are linked, other text is the description."""
    TOM_DESCRIPTION = "tom_description"
    DPIA = "dpia"
    STATUS = "status"
    CREATED = "created"
    CHANGED = "changed"
    LAST_REVIEWED = "last_reviewed"
    NEXT_REVIEW = "next_review"
    NOTES = "notes"
    IGNORE = "ignore"
    """Deliberately not imported (a mapping profile says so); never chosen automatically."""


LABELS: dict[Target, Text] = {
    Target.ORGANISATION: Text("Organisation", "Organisation"),
    Target.UID: Text("Kennung (intern)", "Identifier (internal)"),
    Target.REFERENCE: Text("Nr.", "No."),
    Target.NAME: Text("Bezeichnung der Verarbeitungstätigkeit", "Name of the activity"),
    Target.DEPARTMENT: Text("Fachabteilung", "Department"),
    Target.CONTACT: Text("Ansprechpartner", "Contact person"),
    Target.CONTACT_PHONE: Text("Telefon Ansprechpartner", "Contact phone"),
    Target.CONTACT_EMAIL: Text("E-Mail Ansprechpartner", "Contact e-mail"),
    Target.DESCRIPTION: Text("Beschreibung", "Description"),
    Target.PURPOSES: Text("Zwecke", "Purposes"),
    Target.LEGAL_BASES: Text("Rechtsgrundlagen", "Legal bases"),
    Target.PURPOSE_AND_LEGAL_BASIS: Text("Zweck und Rechtsgrundlage", "Purpose and legal basis"),
    Target.LEGITIMATE_INTEREST: Text("Berechtigte Interessen", "Legitimate interests"),
    Target.ART9_CONDITION: Text("Bedingung nach Art. 9 Abs. 2", "Art. 9(2) condition"),
    Target.DATA_SUBJECTS: Text("Betroffene Personen", "Data subjects"),
    Target.DATA_CATEGORIES: Text("Datenkategorien", "Data categories"),
    Target.SPECIAL_CATEGORIES: Text("Besondere Kategorien (Art. 9)", "Special categories (Art. 9)"),
    Target.DATA_SOURCE: Text("Herkunft der Daten", "Source of the data"),
    Target.RETENTION: Text("Löschfristen", "Retention"),
    Target.INTERNAL_RECIPIENTS: Text("Empfänger intern", "Internal recipients"),
    Target.RECIPIENTS: Text("Empfänger extern", "External recipients"),
    Target.PROCESSORS: Text("Auftragsverarbeiter", "Processors"),
    Target.JOINT_CONTROLLERS: Text("Gemeinsam Verantwortliche", "Joint controllers"),
    Target.THIRD_COUNTRIES: Text("Drittländer", "Third countries"),
    Target.TRANSFER_SAFEGUARDS: Text("Garantien für Drittlandübermittlung", "Transfer safeguards"),
    Target.TOMS: Text("TOM", "TOMs"),
    Target.TOM_DESCRIPTION: Text("Beschreibung der TOM", "Description of the TOMs"),
    Target.DPIA: Text("Datenschutz-Folgenabschätzung", "DPIA"),
    Target.STATUS: Text("Status", "Status"),
    Target.CREATED: Text("Angelegt am", "Created"),
    Target.CHANGED: Text("Geändert am / Stand", "Changed"),
    Target.LAST_REVIEWED: Text("Zuletzt geprüft", "Last reviewed"),
    Target.NEXT_REVIEW: Text("Nächste Überprüfung", "Next review"),
    Target.NOTES: Text("Anmerkungen", "Notes"),
    Target.IGNORE: Text("nicht importieren", "do not import"),
}
"""How the mapping table and the report name each target."""
