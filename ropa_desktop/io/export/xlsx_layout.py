"""The stable layout of the Excel register: sheets, their columns and the main sheet's items.

This module is the contract between the Excel export and the spreadsheet import
(a later issue): every sheet and column has a ``key`` that never changes and a
German and an English header. Headers are stable too — renaming one breaks the
import of workbooks already handed out — so a header changes only together with
an import alias for the old wording. ``docs/xlsx-layout.md`` documents the same
content for people; a test keeps the two in step.

Nothing here renders values; :mod:`ropa_desktop.io.export.xlsx_content` fills the columns
in exactly the order given here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.presentation import FIELD_LABELS

SHEET_NAME_MAX = 31
"""Excel refuses longer sheet names."""
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class Kind(StrEnum):
    """How a column's cells are written (and read back by the import)."""

    TEXT = "text"
    """One text; line breaks inside it are part of the text."""
    LINES = "lines"
    """Several values, one per line ("\\n" between them)."""
    NUMBERED = "numbered"
    """One value per purpose, "1. …", "2. …" when there is more than one purpose."""
    DATE = "date"
    """A real Excel date, shown as DD.MM.YYYY (German) or YYYY-MM-DD (English)."""
    NUMBER = "number"
    """A whole number."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a sheet: stable key, headers in both languages, width, cell kind."""

    key: str
    header: Text
    width: float
    kind: Kind = Kind.TEXT
    printed: bool = True
    """False for columns that only serve the import (internal ids); not in the print area."""

    def title(self, lang: str) -> str:
        """The header in ``lang``."""
        return self.header(lang)


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """A sheet: stable key, name in both languages and its columns in order."""

    key: str
    name: Text
    columns: tuple[Column, ...]
    print_through: str | None = None
    """Key of the last column in the print area; None prints every column up to the
    first one marked ``printed=False``."""

    def title(self, lang: str) -> str:
        """The sheet name in ``lang``."""
        return self.name(lang)

    def headers(self, lang: str) -> list[str]:
        """The header row in ``lang``."""
        return [c.header(lang) for c in self.columns]

    def keys(self) -> list[str]:
        """The column keys in order."""
        return [c.key for c in self.columns]

    def index(self, key: str) -> int:
        """Zero-based position of the column ``key``."""
        return self.keys().index(key)

    def printed_columns(self) -> int:
        """How many leading columns the print area covers."""
        if self.print_through is not None:
            return self.index(self.print_through) + 1
        return next((i for i, c in enumerate(self.columns) if not c.printed), len(self.columns))


def sheet_name_problem(name: str) -> str | None:
    """Why Excel would refuse ``name`` as a sheet name, or None when it is fine."""
    if not name or len(name) > SHEET_NAME_MAX:
        return f"length {len(name)} (1 to {SHEET_NAME_MAX} characters)"
    if _SHEET_NAME_FORBIDDEN.search(name):
        return "contains one of [ ] : * ? / \\"
    if name.startswith("'") or name.endswith("'"):
        return "begins or ends with an apostrophe"
    return None


def _c(
    key: str, de: str, en: str, width: float, kind: Kind = Kind.TEXT, *, printed: bool = True
) -> Column:
    return Column(key, Text(de, en), width, kind, printed)


def _f(key: str, width: float, kind: Kind = Kind.TEXT, *, label: str | None = None) -> Column:
    return Column(key, FIELD_LABELS[label or key], width, kind)


def _uid(key: str = "uid", what_de: str = "", what_en: str = "") -> Column:
    de = f"Kennung{what_de} (intern)"
    en = f"Internal ID{what_en}"
    return Column(key, Text(de, en), 34, Kind.TEXT, printed=False)


# ------------------------------------------------------------------------ main sheet

MAIN = SheetLayout(
    "main",
    Text("Hauptblatt", "Main sheet"),
    (
        _c("section", "Abschnitt", "Section", 42),
        _c("item", "Angabe", "Item", 36),
        _c("value", "Wert", "Value", 80),
    ),
)


@dataclass(frozen=True, slots=True)
class MainItem:
    """One row of the main sheet: its section and label identify it on import."""

    key: str
    section: str
    label: Text
    kind: Kind = Kind.TEXT


SECTIONS: dict[str, Text] = {
    "register": Text("Verzeichnis", "Register"),
    "controller": Text("Angaben zum Verantwortlichen", "Controller"),
    "processor": Text("Angaben zum Auftragsverarbeiter", "Processor"),
    "representative": Text(
        "Angaben zum Vertreter (Art. 27 DSGVO)", "Representative (Art. 27 GDPR)"
    ),
    "dpo": Text("Angaben zur Person des Datenschutzbeauftragten", "Data protection officer"),
    "authority": Text("Zuständige Aufsichtsbehörde", "Competent supervisory authority"),
}
"""Section headings of the main sheet. The organisation's section is "controller" in the
controller register and "processor" in the processor register (both import the same)."""

_CONTACT_ITEMS = (
    ("name", Text("Name", "Name")),
    ("organisation", Text("Organisation", "Organisation")),
    ("street", Text("Straße", "Street")),
    ("postcode", Text("Postleitzahl", "Postcode")),
    ("city", Text("Ort", "City")),
    ("country", Text("Staat", "Country")),
    ("phone", Text("Telefon", "Phone")),
    ("email", Text("E-Mail", "E-mail")),
    ("website", Text("Webseite", "Website")),
)

MAIN_ITEMS: tuple[MainItem, ...] = (
    MainItem("title", "register", Text("Titel", "Title")),
    MainItem("stand", "register", Text("Stand", "As of"), Kind.DATE),
    MainItem("version", "register", Text("Version", "Version")),
    MainItem("role", "register", Text("Rolle", "Role")),
    MainItem("entries", "register", Text("Anzahl der Einträge", "Number of entries"), Kind.NUMBER),
    MainItem("organisation.name", "organisation", Text("Name", "Name")),
    MainItem("organisation.kind", "organisation", Text("Art der Stelle", "Type of body")),
    MainItem("organisation.land", "organisation", Text("Bundesland", "Land (federal state)")),
    MainItem("organisation.street", "organisation", Text("Straße", "Street")),
    MainItem("organisation.postcode", "organisation", Text("Postleitzahl", "Postcode")),
    MainItem("organisation.city", "organisation", Text("Ort", "City")),
    MainItem("organisation.country", "organisation", Text("Staat", "Country")),
    MainItem("organisation.phone", "organisation", Text("Telefon", "Phone")),
    MainItem("organisation.email", "organisation", Text("E-Mail", "E-mail")),
    MainItem("organisation.website", "organisation", Text("Webseite", "Website")),
    MainItem(
        "organisation.management",
        "organisation",
        Text("Leitung (gesetzliche Vertretung)", "Management (legal representative)"),
    ),
    MainItem(
        "organisation.is_controller",
        "organisation",
        Text("Ist Verantwortlicher", "Is a controller"),
    ),
    MainItem(
        "organisation.is_processor",
        "organisation",
        Text("Ist Auftragsverarbeiter", "Is a processor"),
    ),
    MainItem("organisation.notes", "organisation", FIELD_LABELS["notes"]),
    *(MainItem(f"representative.{k}", "representative", label) for k, label in _CONTACT_ITEMS),
    *(MainItem(f"dpo.{k}", "dpo", label) for k, label in _CONTACT_ITEMS),
    MainItem("dpo.external", "dpo", Text("Externer Datenschutzbeauftragter", "External DPO")),
    MainItem("authority", "authority", Text("Aufsichtsbehörde", "Supervisory authority")),
    MainItem("authority.phone", "authority", Text("Telefon", "Phone")),
    MainItem("authority.email", "authority", Text("E-Mail", "E-mail")),
    MainItem("authority.website", "authority", Text("Webseite", "Website")),
)
"""The rows of the main sheet in order. Section "organisation" is printed as
:data:`SECTIONS` ["controller"] or ["processor"] depending on the register."""

# ----------------------------------------------------------------- processing activities

ACTIVITIES = SheetLayout(
    "activities",
    Text("Verarbeitungstätigkeiten", "Processing activities"),
    (
        # Art. 30(1) items in the order of the DSK template (docs/xlsx-layout.md): name and
        # dates, department and contact, joint controllers (lit. a), purposes and legal bases
        # (lit. b), data subjects and data (lit. c), recipients (lit. d), transfers (lit. e),
        # retention (lit. f), TOMs (lit. g). These columns are printed.
        _f("reference", 9),
        _f("name", 32),
        _f("created", 12, Kind.DATE),
        _f("changed", 12, Kind.DATE),
        _f("department", 20),
        _f("contact", 20),
        _c("contact_phone", "Telefon (Ansprechpartner)", "Phone (contact person)", 16),
        _c("contact_email", "E-Mail (Ansprechpartner)", "E-mail (contact person)", 24),
        _f("joint_controllers", 32, Kind.LINES),
        _f("purposes", 42, Kind.NUMBERED),
        _f("legal_bases", 28, Kind.NUMBERED),
        _f("data_subjects", 26, Kind.LINES),
        _f("data_categories", 36, Kind.LINES),
        _f("internal_recipients", 26, Kind.LINES),
        _f("recipients", 28, Kind.LINES),
        _f("processors", 32, Kind.LINES),
        _f("transfers", 36, Kind.LINES),
        _f("retention", 36, Kind.LINES),
        _f("toms", 32, Kind.LINES),
        _c("tom_description", "Beschreibung der TOM", "Description of the TOMs", 36),
        _f("dpia", 16),
        _f("status", 12),
        _f("next_review", 12, Kind.DATE),
        # The remaining fields, so that the workbook imports back without loss.
        _f("description", 42),
        _f("legitimate_interest", 32, Kind.NUMBERED),
        _f("last_reviewed", 12, Kind.DATE),
        _c(
            "dpia_art35_3",
            "DSFA: Fälle des Art. 35 Abs. 3 DSGVO",
            "DPIA: cases of Art. 35(3) GDPR",
            30,
            Kind.LINES,
        ),
        _c("dpia_wp248", "DSFA: Kriterien WP248", "DPIA: WP248 criteria", 30, Kind.LINES),
        _c(
            "dpia_dsk_list",
            "DSFA: DSK-Liste (Art. 35 Abs. 4 DSGVO)",
            "DPIA: DSK list (Art. 35(4) GDPR)",
            30,
            Kind.LINES,
        ),
        _c("dpia_reference", "DSFA: Fundstelle", "DPIA: reference", 20),
        _c("dpia_screened_on", "DSFA: geprüft am", "DPIA: screened on", 12, Kind.DATE),
        _c("dpia_notes", "DSFA: Anmerkungen", "DPIA: notes", 30),
        _c(
            "contact_organisation",
            "Ansprechpartner: Organisation",
            "Contact person: organisation",
            20,
        ),
        _c("contact_street", "Ansprechpartner: Straße", "Contact person: street", 20),
        _c("contact_postcode", "Ansprechpartner: Postleitzahl", "Contact person: postcode", 10),
        _c("contact_city", "Ansprechpartner: Ort", "Contact person: city", 16),
        _c("contact_country", "Ansprechpartner: Staat", "Contact person: country", 12),
        _c("contact_website", "Ansprechpartner: Webseite", "Contact person: website", 20),
        _f("notes", 32),
        _uid(),
    ),
    print_through="next_review",
)

# ---------------------------------------------------------- data categories and retention

_REF = _f("reference", 9)
_ACTIVITY = _c("activity", "Verarbeitungstätigkeit", "Processing activity", 32)

CATEGORIES = SheetLayout(
    "categories",
    Text("Datenkategorien & Löschfristen", "Data categories & retention"),
    (
        _REF,
        _ACTIVITY,
        _c("category", "Kategorie personenbezogener Daten", "Category of personal data", 36),
        _c(
            "special",
            "Besondere Kategorie (Art. 9/10 DSGVO)",
            "Special category (Art. 9/10 GDPR)",
            22,
        ),
        _f("source", 26),
        _c("retention", "Löschfrist", "Retention period", 32),
        _c("retention_duration", "Löschfrist: Dauer", "Retention: duration", 10, Kind.NUMBER),
        _c("retention_unit", "Löschfrist: Einheit", "Retention: unit", 11),
        _c("retention_start", "Löschfrist: Beginn (Ereignis)", "Retention: starting event", 24),
        _c("retention_text", "Löschfrist: Erläuterung", "Retention: explanation", 30),
        _f("notes", 28),
        _uid("activity_uid", " der Verarbeitungstätigkeit", " of the processing activity"),
    ),
)

# --------------------------------------------------------------------------- processors

_PROCESSOR_COLUMNS = (
    _c("name", "Name", "Name", 30),
    _c("street", "Straße", "Street", 24),
    _c("postcode", "Postleitzahl", "Postcode", 10),
    _c("city", "Ort", "City", 18),
    _c("country", "Staat", "Country", 16),
    _c("phone", "Telefon", "Phone", 16),
    _c("email", "E-Mail", "E-mail", 24),
    _c("contract_date", "Datum des AV-Vertrags", "Date of the processing agreement", 13, Kind.DATE),
    _c("contract_reference", "Fundstelle des AV-Vertrags", "Reference of the agreement", 22),
    _c("subprocessors", "Unterauftragsverarbeiter", "Subprocessors", 32, Kind.LINES),
    _c("used_in", "Eingesetzt in", "Used in", 44, Kind.LINES),
    _f("notes", 40),
    _uid(),
)

PROCESSORS = SheetLayout(
    "processors", Text("Auftragsverarbeiter", "Processors"), _PROCESSOR_COLUMNS
)
SUBPROCESSORS = SheetLayout(
    "subprocessors", Text("Unterauftragsverarbeiter", "Subprocessors"), _PROCESSOR_COLUMNS
)
"""The processors sheet of the processor register (same columns)."""

RECIPIENTS = SheetLayout(
    "recipients",
    Text("Empfänger", "Recipients"),
    (
        _c("name", "Name", "Name", 36),
        _c("category", "Empfängerkategorie", "Recipient category", 30),
        _c("country", "Staat", "Country", 16),
        _f("notes", 44),
        _c("used_in", "Eingesetzt in", "Used in", 44, Kind.LINES),
        _uid(),
    ),
)

# -------------------------------------------------------------------------- transfers

TRANSFERS = SheetLayout(
    "transfers",
    Text("Drittlandübermittlungen", "Third-country transfers"),
    (
        _REF,
        _ACTIVITY,
        _c(
            "country",
            "Drittland oder internationale Organisation",
            "Third country or international organisation",
            22,
        ),
        _c("recipient", "Datenempfänger", "Recipient", 30),
        _c("processor", "Auftragsverarbeiter als Empfänger", "Processor receiving the data", 26),
        _c(
            "mechanism",
            "Geeignete Garantien (Übermittlungsinstrument)",
            "Safeguards (transfer mechanism)",
            30,
        ),
        _c("mechanism_text", "Erläuterung zu den Garantien", "Explanation of the safeguards", 36),
        _c(
            "documentation",
            "Dokumentation geeigneter Garantien",
            "Documentation of the safeguards",
            30,
        ),
        _uid("activity_uid", " der Verarbeitungstätigkeit", " of the processing activity"),
    ),
)

# ------------------------------------------------------------------------------ TOMs

TOMS = SheetLayout(
    "toms",
    Text("TOM", "TOMs"),
    (
        _c("sdm_goal", "Gewährleistungsziel (SDM)", "Protection goal (SDM)", 20),
        _c("title", "Maßnahme", "Measure", 34),
        _c("description", "Beschreibung", "Description", 52),
        _c("art32", "Art. 32 Abs. 1 DSGVO", "Art. 32(1) GDPR", 40, Kind.LINES),
        _c("used_in", "Eingesetzt in", "Used in", 40, Kind.LINES),
        _uid(),
    ),
)

TOM_DESCRIPTIONS = SheetLayout(
    "tom_descriptions",
    Text("TOM je Tätigkeit", "TOMs per activity"),
    (
        _REF,
        _ACTIVITY,
        _c(
            "toms",
            "Maßnahmen aus dem TOM-Katalog",
            "Measures from the TOM catalogue",
            40,
            Kind.LINES,
        ),
        _c("tom_description", "Beschreibung der TOM", "Description of the TOMs", 70),
        _uid("activity_uid", " der Verarbeitungstätigkeit", " of the processing activity"),
    ),
)

# ------------------------------------------------------------- processor register (Art. 30(2))

SERVICES = SheetLayout(
    "services",
    Text("Verarbeitungen im Auftrag", "Processing for controllers"),
    (
        _f("reference", 9),
        _c("name", "Bezeichnung der Verarbeitung", "Name of the processing", 30),
        _f("created", 12, Kind.DATE),
        _f("changed", 12, Kind.DATE),
        _c("controller", "Verantwortlicher (Auftraggeber)", "Controller (client)", 28),
        _c(
            "controller_contact",
            "Kontaktdaten des Verantwortlichen",
            "Contact details of the controller",
            28,
        ),
        _c(
            "controller_representative",
            "Vertreter des Verantwortlichen",
            "Representative of the controller",
            22,
        ),
        _c(
            "controller_dpo",
            "Datenschutzbeauftragter des Verantwortlichen",
            "Data protection officer of the controller",
            24,
        ),
        _c(
            "categories",
            "Kategorien von Verarbeitungen",
            "Categories of processing",
            46,
            Kind.LINES,
        ),
        _c("subprocessors", "Unterauftragsverarbeiter", "Subprocessors", 30, Kind.LINES),
        _f("transfers", 34, Kind.LINES),
        _f("toms", 30, Kind.LINES),
        _c("tom_description", "Beschreibung der TOM", "Description of the TOMs", 40),
        _f("status", 12),
        _f("notes", 32),
        _uid(),
    ),
)

# ----------------------------------------------------------------------- attachments

ATTACHMENTS = SheetLayout(
    "attachments",
    Text("Anlagen", "Attachments"),
    (
        _c("kind", "Gehört zu", "Belongs to", 22),
        _c("record", "Datensatz", "Record", 40),
        _c("name", "Datei", "File", 40),
        _c("size", "Größe", "Size", 12),
        _c("added", "Hinzugefügt am", "Added on", 14, Kind.DATE),
        _uid("record_uid", " des Datensatzes", " of the record"),
    ),
)
"""The list of attached files (never their content); the last sheet, only when the
organisation has attachments."""

CONTROLLER_SHEETS: tuple[SheetLayout, ...] = (
    MAIN,
    ACTIVITIES,
    CATEGORIES,
    PROCESSORS,
    RECIPIENTS,
    TRANSFERS,
    TOMS,
    TOM_DESCRIPTIONS,
)
"""The sheets of the controller register (Art. 30(1)), in workbook order."""
PROCESSOR_SHEETS: tuple[SheetLayout, ...] = (
    MAIN,
    SERVICES,
    SUBPROCESSORS,
    TRANSFERS,
    TOMS,
    TOM_DESCRIPTIONS,
)
"""The sheets of the processor register (Art. 30(2)), in workbook order."""
CHANGES = SheetLayout(
    "changes",
    Text("Änderungen", "Changes"),
    (
        _c("record", "Eintrag", "Entry", 50),
        _c("change", "Änderung", "Change", 14),
        _c("item", "Angabe", "Item", 36),
        _c("old", "Vorher", "Before", 45),
        _c("new", "Nachher", "After", 45),
    ),
)
"""The optional last sheet: what changed since an earlier version (``changes=``)."""
ALL_SHEETS: tuple[SheetLayout, ...] = (
    *CONTROLLER_SHEETS,
    SERVICES,
    SUBPROCESSORS,
    ATTACHMENTS,
    CHANGES,
)
