"""Importing the spreadsheets colleagues send: any layout, nothing lost, all or nothing.

The work runs in three steps, each usable on its own (the GUI shows the first two
before the user confirms the third):

1. :func:`read_and_map` reads the file (``sheets.reader``) and finds the layout and
   column mapping of each sheet (``importing.mapping``).
2. :func:`plan_import` turns every data row into a processing activity and a row
   report (``importing.rows``, ``importing.report``), matches processors and recipients
   against those already in the database, and decides per activity what
   ``on_duplicate`` asks for.
3. :func:`run_import` backs the database up and writes the plan in one
   transaction, recorded as one batch in the history (undoable as a whole).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ropa_desktop.domain import model as m
from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.domain.numbering import next_references
from ropa_desktop.domain.presentation import ORGANISATION_KIND
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.io.importing.cell_text import short
from ropa_desktop.io.importing.evidence import refusal
from ropa_desktop.io.importing.list_columns import comma_list_targets
from ropa_desktop.io.importing.mapping import MappingProfile, TableLayout, detect_layout
from ropa_desktop.io.importing.own_export import (
    activity_detail_headers,
    organisation_from_main,
    read_own_export,
)
from ropa_desktop.io.importing.records import records, row_count
from ropa_desktop.io.importing.report import (
    MSG,
    ImportPlan,
    ImportReport,
    Note,
    SpreadsheetImportError,
    Status,
)
from ropa_desktop.io.importing.rows import RowBuilder
from ropa_desktop.io.sheets.reader import DEFAULT_LIMITS, Limits, Sheet, Workbook, read_workbook
from ropa_desktop.store.backup import backup_database
from ropa_desktop.store.gc_pause import paused_gc
from ropa_desktop.store.repository import Store, StoreError

DUPLICATE_CHOICES = ("skip", "update", "new")

__all__ = [
    "ImportPlan",
    "ImportReport",
    "NewOrganisation",
    "SpreadsheetImportError",
    "Status",
    "import_spreadsheet",
    "plan_import",
    "read_and_map",
    "run_import",
]


# --- step 1: read and map ----------------------------------------------------------------


def read_and_map(
    path: Path,
    *,
    sheet: str | None = None,
    profile: MappingProfile | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress = SILENT,
) -> tuple[Workbook, list[tuple[Sheet, Any]]]:
    """Read the file and find the layout of the sheet(s) to import."""
    workbook = read_workbook(Path(path), limits=limits, progress=progress)
    name = str(path)
    own_sheets: list[Sheet] = []
    if sheet is not None:
        chosen = [s for s in workbook.sheets if s.name == sheet]
        if not chosen:
            raise SpreadsheetImportError(
                MSG["no_sheet"],
                file=name,
                sheet=sheet,
                names=", ".join(s.name for s in workbook.sheets),
            )
        candidates = chosen
    elif profile is not None and profile.sheet:
        candidates = [s for s in workbook.sheets if s.name == profile.sheet] or workbook.sheets
    else:
        own_sheets = _own_export_sheets(workbook)
        candidates = own_sheets or workbook.sheets
    found = []
    refused: list[Text] = []
    for s in candidates:
        layout = detect_layout(s, profile)
        if layout is None:
            continue
        # our own export's activity sheet is a register even if every name is "Ja"
        reason = None if own_sheets else refusal(s, layout)
        if reason is None:
            found.append((s, layout))
        else:
            refused.append(reason)
    if not found:
        if refused:
            raise SpreadsheetImportError(_with_file(refused[0]), file=name)
        if all(not s.rows for s in candidates):
            raise SpreadsheetImportError(MSG["no_rows"], file=name)
        raise SpreadsheetImportError(MSG["no_layout"], file=name)
    # A sheet refused beside a register: plan_import names it among the skipped sheets.
    workbook.warnings.extend(reason() for reason in refused)
    return workbook, found


def _with_file(reason: Text) -> Text:
    """``{file}: reason`` in both languages (braces in the reason kept as written)."""

    def escaped(text: str) -> str:
        return "{file}: " + text.replace("{", "{{").replace("}", "}}")

    return Text(de=escaped(reason.de), en=escaped(reason.en))


ORG_LABELS = frozenset(
    {
        "name",
        "name of controller",
        "organisation",
        "organisation name",
        "verantwortlicher",
        "name des verantwortlichen",
        "behörde",
    }
)
"""Labels above a table (the ICO template's contact rows) that name the organisation."""
OWN_ACTIVITY_SHEETS = ("Verarbeitungstätigkeiten", "Processing activities")
OWN_MAIN_SHEETS = ("Hauptblatt", "Main sheet")


OWN_PROCESSOR_SHEETS = ("Verarbeitungen im Auftrag", "Processing for controllers")
OWN_SIDE_SHEETS = frozenset(
    {
        "Hauptblatt",
        "Main sheet",
        "Datenkategorien & Löschfristen",
        "Data categories & retention",
        "Auftragsverarbeiter",
        "Processors",
        "Empfänger",
        "Recipients",
        "Drittlandübermittlungen",
        "Third-country transfers",
        "TOM",
        "TOMs",
        "TOM je Tätigkeit",
        "TOMs per activity",
        "Unterauftragsverarbeiter",
        "Subprocessors",
    }
)
"""Sheets of our own export read by ``importing.own_export``, not as tables of activities."""


def _own_export_sheets(workbook: Workbook) -> list[Sheet]:
    """In this application's own export only the activity sheet holds activities."""
    names = {s.name for s in workbook.sheets}
    if not names & set(OWN_MAIN_SHEETS):
        return []
    if names & set(OWN_PROCESSOR_SHEETS):
        raise SpreadsheetImportError(MSG["processor_register"], file=str(workbook.path))
    return [s for s in workbook.sheets if s.name in OWN_ACTIVITY_SHEETS]


def organisation_named_in(workbook: Workbook, layouts: list[tuple[Sheet, Any]]) -> str | None:
    """The organisation a file names: the app's Hauptblatt, the ICO contact rows, a title."""
    for s in workbook.sheets:
        if s.name in OWN_MAIN_SHEETS:
            for row in s.rows:
                cells = [str(c).strip() if c is not None else "" for c in row[:3]]
                if (
                    len(cells) == 3
                    and cells[1] == "Name"
                    and cells[2]
                    and cells[0]
                    in (
                        "Angaben zum Verantwortlichen",
                        "Controller",
                        "Angaben zum Auftragsverarbeiter",
                        "Processor",
                    )
                ):
                    return cells[2]
    for _, layout in layouts:
        if isinstance(layout, TableLayout):
            for label, value in layout.preamble:
                if value.strip() and label.strip().casefold().rstrip(":") in ORG_LABELS:
                    return value.strip()
    return None


# --- step 2: plan ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewOrganisation:
    """Kind and Land of the organisation an import creates (the CLI's ``--kind`` and
    ``--land``, the GUI's question); None: not given."""

    kind: m.OrganisationKind | None = None
    land: str | None = None


def land_code(text: str) -> str:
    """The code (``DE-BY``) of a German Land given as code, short code or name."""
    folded = text.strip().casefold()
    for term in vocab.laender():
        code = str(term.attrs.get("code", ""))
        if folded in (code.casefold(), code.casefold().removeprefix("de-"), term.id):
            return code
        if folded in (term.de.casefold(), term.en.casefold()):
            return code
    raise SpreadsheetImportError(
        MSG["bad_land"],
        land=text,
        choices=", ".join(
            str(t.attrs.get("code", "")).removeprefix("DE-") for t in vocab.laender()
        ),
    )


def _apply_new_organisation(
    org: m.Organisation, given: NewOrganisation, report: ImportReport, name: str
) -> None:
    """Kind and Land of a created organisation: as given, else a public authority (said)."""
    if given.kind is not None:
        org.kind = given.kind
    if given.land:
        org.land = land_code(given.land)
    if given.kind is None:
        report.notes.append(
            Note(Status.WARNING, name, MSG["kind_assumed"](kind=ORGANISATION_KIND[org.kind]()))
        )


@paused_gc()
def plan_import(
    store: Store,
    path: Path,
    *,
    organisation: str | None = None,
    sheet: str | None = None,
    profile: MappingProfile | None = None,
    on_duplicate: str = "skip",
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress = SILENT,
    new_organisation: NewOrganisation = NewOrganisation(),
    number_new: bool = False,
) -> ImportPlan:
    """Read, map and convert a spreadsheet into what an import would write.

    ``new_organisation`` gives the kind and Land of the organisation when the import
    creates it; they are ignored (with a note) for an existing organisation. With
    ``number_new`` activities without a reference get the next numbers of the
    organisation's scheme (e.g. VT-013); without it the report offers them."""
    if on_duplicate not in DUPLICATE_CHOICES:
        raise SpreadsheetImportError(MSG["bad_duplicate"], value=on_duplicate)
    workbook, layouts = read_and_map(
        path, sheet=sheet, profile=profile, limits=limits, progress=progress
    )
    name = str(path)
    org_name = organisation or organisation_named_in(workbook, layouts)
    if not org_name:
        raise SpreadsheetImportError(MSG["need_org"], file=name)
    org_name = " ".join(org_name.split())
    # "stadt ahaus" or "Stadt Ahaus " mean the existing "Stadt Ahaus", not a second one.
    existing = {
        " ".join(o.name.split()).casefold(): o.name
        for o in store.organisations(include_archived=True)
    }
    master: m.Organisation | None = None
    if org_name.casefold() in existing:
        org_name = existing[org_name.casefold()]
        org = replace(store.load_organisation(org_name))
        created = False
    else:
        master = organisation_from_main(workbook)  # our own export carries the master data
        org = (
            replace(master, name=org_name) if master is not None else m.Organisation(name=org_name)
        )
        created = True
    # Processors, recipients and TOMs are matched among the organisation's own only.
    catalogue = m.Register() if created else store.catalogue(org_name)
    report = ImportReport(
        file=name,
        kind=workbook.kind,
        organisation=org_name,
        organisation_created=created,
        organisation_from_file=created and master is not None,
        layouts=[layout for _, layout in layouts],
    )
    report.notes += [Note(Status.WARNING, name, w) for w in workbook.warnings]
    if created:
        report.notes.append(Note(Status.OK, name, MSG["org_created"](name=org_name)))
        if master is None:  # our own export carries kind and Land itself
            _apply_new_organisation(org, new_organisation, report, name)
    elif new_organisation.kind is not None or new_organisation.land:
        report.notes.append(Note(Status.WARNING, name, MSG["kind_ignored"](name=org_name)))
    mapped = {id(sh) for sh, _ in layouts}
    for sh in workbook.sheets:
        if id(sh) not in mapped and sh.rows and sh.name not in OWN_SIDE_SHEETS:
            report.notes.append(
                Note(Status.WARNING, f"{sh.name}!A1", MSG["sheet_skipped"](sheet=sh.name))
            )
    preamble = [
        (label, value)
        for _, layout in layouts
        if isinstance(layout, TableLayout)
        for label, value in layout.preamble
        if value.strip()
    ]
    # Title lines above the header ("Stand: 01.03.2025", the DPO's name, the controller's
    # address) and label/value rows (the ICO template's contact rows) are kept.
    titles = [
        line.strip()
        for _, layout in layouts
        if isinstance(layout, TableLayout) and layout.title
        for line in layout.title.splitlines()
        if line.strip()
    ]
    lines = [*titles, *(f"{label}: {value}" for label, value in preamble)]
    new_lines = list(dict.fromkeys(line for line in lines if line not in org.notes.splitlines()))
    if new_lines:
        org.notes = "\n".join(x for x in (org.notes, *new_lines) if x)
        report.notes += [
            Note(Status.WARNING, name, MSG["preamble_kept"](labels=short(line, 200)))
            for line in new_lines
        ]
    own = read_own_export(workbook)
    details = activity_detail_headers() if own is not None else {}
    for s, layout in layouts:
        if isinstance(layout, TableLayout):
            for c in layout.columns:
                where = f"{s.name}!{s.cell_ref(layout.header_rows[-1], c.column)}"
                if c.target is None and c.header in details:
                    continue  # our export's DPIA and address columns: read by their titles
                if c.target is None and c.header.strip():
                    report.notes.append(
                        Note(Status.WARNING, where, MSG["unmapped"](header=short(c.header, 60)))
                    )
                elif c.target == Target.IGNORE:
                    report.notes.append(
                        Note(Status.WARNING, where, MSG["ignored"](header=short(c.header, 60)))
                    )
    builder = RowBuilder(org, catalogue, on_duplicate, report, own)
    total = sum(row_count(s, layout) for s, layout in layouts)
    done = 0
    for s, layout in layouts:
        builder.comma_lists = (
            comma_list_targets(s, layout) if isinstance(layout, TableLayout) else set()
        )
        for row_no, values in records(s, layout, report):
            builder.add(s, layout, row_no, values)
            done += 1
            if done % 200 == 0:
                progress.step(done, total, s.name)
    progress.step(total, total, "")
    if not report.rows:
        raise SpreadsheetImportError(MSG["no_rows"], file=name)
    register = builder.register()
    existing_refs = [a.reference for a in org.activities] if not created else []
    _number(register, existing_refs, number_new, report)
    return ImportPlan(report, register)


def _number(register: m.Register, existing: list[str], number: bool, report: ImportReport) -> None:
    """Give activities without a reference the next numbers of the organisation's scheme
    (``number``), or say which numbers they would get."""
    acts = [a for o in register.organisations for a in o.activities]
    missing = [a for a in acts if not a.reference.strip()]
    if not missing:
        return
    refs = next_references([*existing, *(a.reference for a in acts)], len(missing))
    span = refs[0] if len(refs) == 1 else f"{refs[0]} … {refs[-1]}"
    if number:
        for act, ref in zip(missing, refs, strict=True):
            act.reference = ref
        report.notes.append(
            Note(Status.OK, report.file, MSG["numbered"](n=len(missing), refs=span))
        )
    else:
        report.notes.append(
            Note(Status.OK, report.file, MSG["numbering_offer"](n=len(missing), refs=span))
        )


# --- step 3: write -----------------------------------------------------------------------


def run_import(
    store: Store, plan: ImportPlan, *, dry_run: bool = False, backup: bool = True
) -> ImportReport:
    """Write the plan in one transaction (after a backup), unless it has errors."""
    report = plan.report
    report.dry_run = dry_run
    if report.errors:
        return report
    try:
        # Every cell went through parsing.clean_text, and decoding was strict.
        if dry_run:
            store.import_register(plan.register, dry_run=True, text_cleaned=True)
            return report
        if not report.count("new"):
            # A re-import: when it changes nothing, write neither a backup nor a batch.
            trial = store.import_register(plan.register, dry_run=True, text_cleaned=True)
            if not (trial.created or trial.updated):
                report.notes.append(Note(Status.OK, report.file, MSG["unchanged"]()))
                return report
        if backup:
            try:
                report.backup = backup_database(store.engine, "before-import")
            except OSError as exc:
                raise SpreadsheetImportError(
                    MSG["backup_failed"], file=report.file, problem=exc.strerror or str(exc)
                ) from None
        result = store.import_register(
            plan.register, kind="import", text_cleaned=True, description=Path(report.file).name
        )
    except StoreError as exc:
        raise SpreadsheetImportError(
            MSG["refused"], file=report.file, problem=exc.message()
        ) from None
    report.batch = result.batch
    return report


def import_spreadsheet(
    store: Store,
    path: Path,
    *,
    organisation: str | None = None,
    sheet: str | None = None,
    profile: MappingProfile | None = None,
    on_duplicate: str = "skip",
    dry_run: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress = SILENT,
    new_organisation: NewOrganisation = NewOrganisation(),
    number_new: bool = False,
) -> ImportReport:
    """Plan and (unless ``dry_run`` or the plan has errors) run an import."""
    plan = plan_import(
        store,
        path,
        organisation=organisation,
        sheet=sheet,
        profile=profile,
        on_duplicate=on_duplicate,
        limits=limits,
        progress=progress,
        new_organisation=new_organisation,
        number_new=number_new,
    )
    return run_import(store, plan, dry_run=dry_run)
