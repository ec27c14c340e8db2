"""Migration from CISO Assistant's privacy module (intuitem/ciso-assistant-community).

Two layouts, both read with this application's sheet reader (same limits and checks):

- the processing import template (``backend/data_wizard/import_templates/
  processings_template.xlsx``): one sheet, one processing per row, columns ``ref_id``,
  ``name``, ``description``, ``status``, ``processing_nature``, ``folder``,
  ``assigned_to``, ``labels``, ``dpia_required``, ``dpia_reference``;
- the multi-sheet processing workbook (``product-docs/.gitbook/assets/
  sample_processing_workbook.xlsx``, tests in ``backend/data_wizard/tests/
  test_load_file_view.py``): sheet ``Processing`` and the linked sheets ``Purposes``
  (``name``, ``legal_basis``, ``article_9_condition``), ``Personal data`` (``name``,
  ``category``, ``retention``, ``deletion_policy``, ``is_sensitive``), ``Data subjects``,
  ``Data recipients``, ``Contractors`` (``relationship_type``, ``country``) and
  ``Transfers`` (``country``, ``transfer_mechanism``, ``guarantees``). A linked row belongs
  to the processing its ``processing`` column names (ref_id or name), else to the first.

Every value without a field of its own goes to the activity's notes under its sheet and
column, and each such column is named once in the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ropa_desktop.domain import model as m
from ropa_desktop.domain import parsing
from ropa_desktop.domain.i18n import Text
from ropa_desktop.io.sheets.reader import Sheet, Workbook, read_workbook

PROCESSING_SHEET = "Processing"
LINKED_SHEETS = (
    "Purposes",
    "Personal data",
    "Data subjects",
    "Data recipients",
    "Contractors",
    "Transfers",
)
_TEMPLATE_KEYS = frozenset({"ref_id", "name"})
_TEMPLATE_HINTS = frozenset({"processing_nature", "dpia_required", "dpia_reference"})
LEGAL_BASES = {
    "privacy_consent": "art6-1-a",
    "privacy_contract": "art6-1-b",
    "privacy_legal_obligation": "art6-1-c",
    "privacy_vital_interests": "art6-1-d",
    "privacy_public_interest": "art6-1-e",
    "privacy_legitimate_interests": "art6-1-f",
    "privacy_explicit_consent": "art9-2-a",
    "privacy_employment_social_security": "art9-2-b",
    "privacy_vital_interests_incapacity": "art9-2-c",
    "privacy_nonprofit_organization": "art9-2-d",
    "privacy_public_data": "art9-2-e",
    "privacy_legal_claims": "art9-2-f",
    "privacy_substantial_public_interest": "art9-2-g",
    "privacy_preventive_medicine": "art9-2-h",
    "privacy_public_health": "art9-2-i",
    "privacy_archiving_research": "art9-2-j",
}
"""CISO Assistant's choices (backend/privacy/models.py) → legal-basis vocabulary ids."""
MECHANISMS = {
    "privacy_adequacy_decision": "adequacy",
    "privacy_binding_corporate_rules": "bcr",
    "privacy_codes_of_conduct": "code",
    "privacy_certification_mechanisms": "certification",
}
"""Transfer mechanisms with a vocabulary id; the others (standard clauses without a
module, "appropriate safeguards", "derogation") are kept as the safeguard's text."""
MECHANISM_TEXT = {
    "privacy_standard_contractual_clauses": "Standard Contractual Clauses (Art. 46.2c)",
    "privacy_appropriate_safeguards": "Appropriate Safeguards (Art. 46)",
    "privacy_derogation": "Derogation for Specific Situations (Art. 49)",
}
PROCESSOR_RELATIONSHIPS = frozenset({"privacy_data_processor", "privacy_sub_processor"})

NOTE_UNMAPPED = Text(
    de="Spalte „{sheet}: {column}“ hat kein eigenes Feld; steht in den Anmerkungen",
    en="column “{sheet}: {column}” has no field of its own; kept in the notes",
)
NOTE_ORPHAN = Text(
    de="{sheet}, Zeile {row}: Verarbeitung „{name}“ nicht gefunden; der ersten zugeordnet",
    en="{sheet}, row {row}: processing “{name}” not found; given to the first one",
)


@dataclass(slots=True)
class CisoMigration:
    """The register to import and the report lines."""

    register: m.Register
    notes: list[str] = field(default_factory=list)


def _records(sheet: Sheet) -> list[tuple[int, dict[str, Any]]]:
    """(1-based row, {header: value}) of a sheet whose first filled row is its header."""
    rows = sheet.rows
    start = next((i for i, r in enumerate(rows) if any(v not in (None, "") for v in r)), None)
    if start is None:
        return []
    headers = [str(h).strip() if h is not None else "" for h in rows[start]]
    out = []
    for index in range(start + 1, len(rows)):
        row = rows[index]
        record = {h: row[c] for c, h in enumerate(headers) if h and c < len(row)}
        if any(_text(v) for v in record.values()):
            out.append((index + 1, record))
    return out


def _headers(sheet: Sheet) -> set[str]:
    first = next((r for r in sheet.rows if any(v not in (None, "") for v in r)), ())
    return {str(h).strip() for h in first if h is not None}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def processing_sheet(workbook: Workbook) -> Sheet | None:
    """The sheet of processings of a CISO Assistant workbook or template, else None."""
    for sheet in workbook.sheets:
        headers = _headers(sheet)
        if not headers >= _TEMPLATE_KEYS:
            continue
        if sheet.name == PROCESSING_SHEET or headers & _TEMPLATE_HINTS:
            return sheet
    return None


def looks_like_ciso(path: Path) -> bool:
    """Whether ``path`` is a CISO Assistant processing template or workbook."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    try:
        workbook = read_workbook(path)
    except Exception:  # the spreadsheet import names the problem
        return False
    return processing_sheet(workbook) is not None


def _is_true(value: Any) -> bool:
    return value is True or _text(value).casefold() in ("true", "=true()", "yes", "1")


def convert(path: Path, organisation: str) -> CisoMigration:
    """The processings of the workbook at ``path`` as activities of ``organisation``."""
    workbook = read_workbook(Path(path))
    main = processing_sheet(workbook)
    assert main is not None, "call looks_like_ciso first"
    org = m.Organisation(name=organisation)
    migration = CisoMigration(m.Register(organisations=[org]))
    unmapped: dict[tuple[str, str], None] = {}
    extra: dict[str, list[str]] = {}

    def keep(act: m.Activity, sheet: str, record: dict[str, Any], used: set[str]) -> None:
        for column, value in record.items():
            if column in used or not _text(value):
                continue
            unmapped[(sheet, column)] = None
            extra.setdefault(act.uid, []).append(f"{sheet}: {column}: {_text(value)}")

    by_key: dict[str, m.Activity] = {}
    for _, record in _records(main):
        act = m.Activity(name=_text(record.get("name")), reference=_text(record.get("ref_id")))
        act.description = _text(record.get("description"))
        if _is_true(record.get("dpia_required")):
            act.dpia.result = m.DpiaResult.REQUIRED
        act.dpia.reference = _text(record.get("dpia_reference"))
        used = {"name", "ref_id", "description", "dpia_required", "dpia_reference"}
        if "dpia_required" in record and not _is_true(record.get("dpia_required")):
            act.dpia.result = m.DpiaResult.NOT_REQUIRED
        keep(act, main.name, record, used)
        org.activities.append(act)
        for key in (act.reference, act.name):
            if key:
                by_key.setdefault(key.casefold(), act)
    if not org.activities:
        return migration
    processors: dict[str, m.Processor] = {}
    recipients: dict[str, m.Recipient] = {}
    sheets = {s.name: s for s in workbook.sheets}
    for sheet_name in LINKED_SHEETS:
        sheet = sheets.get(sheet_name)
        if sheet is None:
            continue
        for row_no, record in _records(sheet):
            target = _text(record.get("processing"))
            found = by_key.get(target.casefold()) if target else None
            act = found if found is not None else org.activities[0]
            if found is None and target:
                migration.notes.append(NOTE_ORPHAN(sheet=sheet_name, row=row_no, name=target))
            name = _text(record.get("name"))
            used = {"name", "processing"}
            if sheet_name == "Purposes":
                bases = [
                    LEGAL_BASES.get(_text(record.get(k)), _text(record.get(k)))
                    for k in ("legal_basis", "article_9_condition")
                    if _text(record.get(k))
                ]
                act.purposes.append(m.Purpose(text=name, legal_bases=bases))
                used |= {"legal_basis", "article_9_condition"}
            elif sheet_name == "Personal data":
                retention = parsing.parse_retention(_text(record.get("retention")))
                act.data_categories.append(
                    m.DataCategory(
                        name=name,
                        special=m.SpecialCategory.ART9
                        if _is_true(record.get("is_sensitive"))
                        else m.SpecialCategory.NONE,
                        retention=retention,
                    )
                )
                used |= {"retention", "is_sensitive"}
            elif sheet_name == "Data subjects":
                act.data_subjects.append(name)
            elif sheet_name in ("Data recipients", "Contractors"):
                relation = _text(record.get("relationship_type") or record.get("category"))
                country = parsing.parse_country(_text(record.get("country"))) or _text(
                    record.get("country")
                )
                if sheet_name == "Contractors" and relation in PROCESSOR_RELATIONSHIPS:
                    proc = processors.setdefault(name, m.Processor(name=name, country=country))
                    if all(link.processor != proc.uid for link in act.processors):
                        act.processors.append(m.ProcessorLink(proc.uid))
                else:
                    rec = recipients.setdefault(
                        name, m.Recipient(name=name, category=relation, country=country)
                    )
                    if rec.uid not in act.recipients:
                        act.recipients.append(rec.uid)
                used |= {"relationship_type", "category", "country"}
            elif sheet_name == "Transfers":
                code = _text(record.get("transfer_mechanism"))
                text = MECHANISM_TEXT.get(code, "" if code in MECHANISMS else code)
                guarantees = _text(record.get("guarantees"))
                act.transfers.append(
                    m.Transfer(
                        country=parsing.parse_country(_text(record.get("country")))
                        or _text(record.get("country")),
                        recipient=name,
                        mechanism=MECHANISMS.get(code, ""),
                        mechanism_text="\n".join(x for x in (text, guarantees) if x),
                        documentation=_text(record.get("documentation_link")),
                    )
                )
                used |= {"country", "transfer_mechanism", "guarantees", "documentation_link"}
            keep(act, sheet_name, record, used)
    for act in org.activities:
        act.notes = "\n".join(extra.get(act.uid, []))
    migration.register.processors = list(processors.values())
    migration.register.recipients = list(recipients.values())
    migration.notes += [NOTE_UNMAPPED(sheet=s, column=c) for s, c in unmapped]
    for sheet in workbook.sheets:
        if sheet is not main and sheet.name not in LINKED_SHEETS and sheet.rows:
            migration.notes.append(NOTE_UNMAPPED(sheet=sheet.name, column="*"))
    return migration
