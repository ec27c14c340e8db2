"""Generators of the real-world-shaped register files of the import corpus.

Each layout takes its header wording and column order (and, where the source has them,
the lines above the header) from a published register; README.md beside this file says
where. The rows are written here; no third-party file is copied.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl


@dataclass(frozen=True)
class Layout:
    """One corpus file: its header, its activity rows, the lines above the header and the
    column whose cell names the activity."""

    key: str
    suffix: str
    header: list[str]
    rows: list[list[str]]
    name_column: str
    above: list[str]
    write: Callable[[Path, Layout], None]


def _xlsx(path: Path, layout: Layout) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "VVT"
    for line in layout.above:
        ws.append([line])
    if layout.above:
        ws.append([])
    ws.append(layout.header)
    for row in layout.rows:
        ws.append([cell or None for cell in row])
    book.save(path)


def _csv(delimiter: str, encoding: str) -> Callable[[Path, Layout], None]:
    def write(path: Path, layout: Layout) -> None:
        with path.open("w", encoding=encoding, newline="") as out:
            writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
            for line in layout.above:
                writer.writerow([line])
            writer.writerow(layout.header)
            writer.writerows(layout.rows)

    return write


# The VVT table of a German legal-audit reference ("Data Flow Reference — VVT Template &
# Processor DPAs", waldo-van-der-code/deutsches-recht-mit-claude,
# skills/gdpr-dsgvo/references/data-flow.md): controller, DPO and date above nine columns.
SME_VVT = Layout(
    key="sme_vvt_markdown_table",
    suffix=".xlsx",
    above=[
        "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)",
        "Controller: Muster Webdienste GmbH, Hafenstraße 3, 20457 Hamburg",
        "DPO: Not required — below BDSG § 38 threshold",
        "Last updated: 01.03.2025",
    ],
    header=[
        "#",
        "Verarbeitungstätigkeit",
        "Zweck",
        "Betroffenengruppe",
        "PII-Kategorien",
        "Rechtsgrundlage",
        "Empfänger / Auftragsverarbeiter",
        "Drittlandtransfer",
        "Löschfrist",
    ],
    rows=[
        [
            "1",
            "Kontaktformular",
            "Beantwortung von Anfragen",
            "Interessenten",
            "Name, E-Mail, Nachrichteninhalt",
            "Art. 6 Abs. 1 lit. b DSGVO",
            "Mailhosting Nord GmbH (Auftragsverarbeiter)",
            "",
            "2 Jahre",
        ],
        [
            "2",
            "Webanalyse",
            "Reichweitenmessung der Website",
            "Websitebesucher",
            "gekürzte IP-Adresse, Seitenaufrufe",
            "Art. 6 Abs. 1 lit. a DSGVO",
            "Google LLC — GA4 (Auftragsverarbeiter)\nSteuerberater Kanzlei Meyer",
            "USA (Standardvertragsklauseln)",
            "14 Monate",
        ],
        [
            "3",
            "Fehlerprotokollierung",
            "Betriebssicherheit",
            "Websitebesucher",
            "Fehlermeldungen",
            "Art. 6 Abs. 1 lit. f DSGVO",
            "",
            "",
            "90 Tage",
        ],
    ],
    name_column="Verarbeitungstätigkeit",
    write=_xlsx,
)

# The register section of a self-hosted service's privacy documentation (ulsklyc/yuvomi,
# docs/PRIVACY-FOR-SELFHOSTERS.md, section 5.2: German, ten columns, TOMs in the last one),
# as a semicolon CSV the way Excel saves it in Germany.
SELF_HOSTED_VVT = Layout(
    key="self_hosted_vvt_csv",
    suffix=".csv",
    above=[],
    header=[
        "#",
        "Bezeichnung",
        "Zweck",
        "Rechtsgrundlage",
        "Kategorien Betroffener",
        "Kategorien Daten",
        "Empfänger",
        "Drittland",
        "Löschfrist",
        "TOMs",
    ],
    rows=[
        [
            "1",
            "Nutzerkonten",
            "Anmeldung und Identifizierung",
            "Art. 6 Abs. 1 lit. b DSGVO",
            "Nutzer der Instanz",
            "E-Mail-Adresse, Benutzername, Passwort-Hash",
            "keine",
            "keine",
            "bis zur Löschung des Kontos",
            "Passwort-Hash mit bcrypt, HTTPS",
        ],
        [
            "2",
            "Server-Logdateien",
            "Abwehr von Angriffen",
            "Art. 6 Abs. 1 lit. f DSGVO",
            "Besucher",
            "IP-Adresse, Zeitstempel",
            "Hosting-Anbieter",
            "",
            "7 Tage",
            "Zugriff nur für Administratoren",
        ],
    ],
    name_column="Bezeichnung",
    write=_csv(";", "cp1252"),
)

# Part B ("processing for its own purposes") of an English SaaS register (mutapatimes/hs,
# docs/record-of-processing.md): seven columns.
SAAS_ROPA = Layout(
    key="saas_controller_ropa_csv",
    suffix=".csv",
    above=[],
    header=[
        "Activity",
        "Purpose",
        "Lawful basis",
        "Data subjects",
        "Personal data",
        "Recipients",
        "Retention",
    ],
    rows=[
        [
            "Merchant accounts",
            "Providing and billing the service",
            "Art. 6(1)(b) GDPR",
            "Merchant owners and staff",
            "Name, work email, billing status",
            "Render Services Inc.",
            "6 years",
        ],
        [
            "Support requests",
            "Answering support questions",
            "Art. 6(1)(f) GDPR",
            "Merchant staff",
            "Name, email, message text",
            "",
            "2 years",
        ],
    ],
    name_column="Activity",
    write=_csv(",", "utf-8"),
)

# A twelve-column English register template for AI governance (lsdeva/governance-kit,
# docs/registers/processing-dpia-log.md: processing activities with a special-category
# flag, AI system and DPIA reference).
AI_GOVERNANCE = Layout(
    key="ai_governance_register_xlsx",
    suffix=".xlsx",
    above=[],
    header=[
        "ID",
        "Activity",
        "Purpose",
        "Lawful basis",
        "Categories of data",
        "Data subjects",
        "Special category?",
        "Recipients",
        "Transfers",
        "Retention",
        "AI system",
        "DPIA",
    ],
    rows=[
        [
            "P-001",
            "Customer support triage",
            "Route and summarise tickets",
            "Art. 6(1)(f) GDPR",
            "Contact details, ticket content",
            "Customers",
            "No",
            "Helpdesk Cloud Ltd",
            "",
            "3 years",
            "AI-002",
            "DPIA-002",
        ],
        [
            "P-002",
            "Candidate screening",
            "Shortlist applicants",
            "Art. 6(1)(b) GDPR",
            "CV, qualifications",
            "Applicants",
            "No",
            "",
            "",
            "6 months",
            "AI-003",
            "DPIA-003",
        ],
    ],
    name_column="Activity",
    write=_xlsx,
)

# An English record template whose rows are field labels (Activity Name, Purpose of
# Processing, …), laid out as columns the way a DPO turns it into a list.
POLYSERVER = Layout(
    key="polyserver_record_template_xlsx",
    suffix=".xlsx",
    above=["Record of Processing Activities", "Controller Name: Example Hosting GmbH"],
    header=[
        "Activity Name",
        "Purpose of Processing",
        "Category of Processing",
        "Legal Basis",
        "Description of Processing",
        "Categories of Data Subjects",
        "Categories of Personal Data",
        "Special Categories of Data",
        "Source of Data",
        "Internal Recipients",
        "External Recipients",
        "Third Country Transfers",
        "Transfer Safeguards",
    ],
    rows=[
        [
            "Customer Analytics",
            "Improving the application",
            "Analysis",
            "Art. 6(1)(f) GDPR",
            "Usage statistics are aggregated weekly",
            "Customers",
            "Usage data, account ID",
            "",
            "Application logs",
            "Product team",
            "Analytics Provider GmbH",
            "",
            "",
        ],
        [
            "Support Ticketing",
            "Answering customer requests",
            "Communication",
            "Art. 6(1)(b) GDPR",
            "Tickets are stored in the helpdesk",
            "Customers",
            "Name, email, ticket text",
            "",
            "Data subject",
            "Support team",
            "Ticket Service Inc.",
            "United States",
            "Standard contractual clauses",
        ],
    ],
    name_column="Activity Name",
    write=_xlsx,
)

LAYOUTS = [SME_VVT, SELF_HOSTED_VVT, SAAS_ROPA, AI_GOVERNANCE, POLYSERVER]

# The published data-processing register of UseGalaxy.eu (rendered as an HTML table from a
# YAML file): seven columns, no name column; "Categories" means the data subjects there.
GALAXY_EU = Layout(
    key="usegalaxy_eu_dpa_register_csv",
    suffix=".csv",
    above=[],
    header=[
        "Types",
        "Categories",
        "Purpose",
        "Recipients",
        "The storage periods",
        "Security",
        "Sent out of EU",
    ],
    rows=[
        [
            "Contact details of registered users",
            "Customers",
            "Contacting users about security incidents",
            "Service administrators",
            "Until the user asks for deletion",
            "Database with restricted, logged access",
            "No",
        ],
        [
            "Job metadata",
            "Customers",
            "Running analysis jobs",
            "Service administrators",
            "90 days",
            "Encrypted storage",
            "No",
        ],
    ],
    name_column="Purpose",
    write=_csv(",", "utf-8"),
)

LAYOUTS.append(GALAXY_EU)
