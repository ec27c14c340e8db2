"""The work the import dialog runs on its worker thread: plain functions over the engine.

Each takes a :class:`~ropa_desktop.domain.progress.Progress` (Cancel raises
:class:`~ropa_desktop.domain.progress.Cancelled` at the next step). None of them touches
Qt widgets; only the writing functions write, each in one transaction after a backup,
and none reports progress after writing (a late Cancel cannot hide a finished import).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ropa_desktop.domain.progress import Progress
from ropa_desktop.io.importing.engine import (
    organisation_named_in,
    plan_import,
    read_and_map,
    run_import,
)
from ropa_desktop.io.importing.mapping import FormLayout, MappingProfile, TableLayout
from ropa_desktop.io.importing.report import ImportPlan, ImportReport
from ropa_desktop.io.json_register import import_json
from ropa_desktop.io.sheets.reader import Workbook
from ropa_desktop.store.backup import backup_database
from ropa_desktop.store.repository import ImportResult, Store

JSON_SUFFIXES = frozenset({".json"})


def is_json(path: Path) -> bool:
    """Whether ``path`` is imported as a register document rather than a spreadsheet."""
    return path.suffix.lower() in JSON_SUFFIXES


@dataclass(slots=True)
class SheetInfo:
    """One sheet of the file as the sheet page lists it."""

    name: str
    hidden: bool
    empty: bool
    layout: TableLayout | FormLayout | None
    """The layout detected automatically (or by the profile); None: none recognised."""


def read_file(
    path: Path, profile: MappingProfile | None, progress: Progress
) -> tuple[Workbook, list[SheetInfo], str | None]:
    """Read the workbook, detect each sheet's layout and the organisation it names."""
    workbook, found = read_and_map(path, profile=profile, progress=progress)
    layouts = {id(sheet): layout for sheet, layout in found}
    infos = [
        SheetInfo(
            s.name,
            s.hidden,
            not any(any(c not in (None, "") for c in row) for row in s.rows),
            layouts.get(id(s)),
        )
        for s in workbook.sheets
    ]
    return workbook, infos, organisation_named_in(workbook, found)


def plan_spreadsheet(
    store: Store,
    path: Path,
    *,
    organisation: str | None,
    sheet: str | None,
    profile: MappingProfile | None,
    on_duplicate: str,
    progress: Progress,
) -> ImportPlan:
    """Read, map and convert the sheet into what the import would write (nothing written)."""
    return plan_import(
        store,
        path,
        organisation=organisation,
        sheet=sheet,
        profile=profile,
        on_duplicate=on_duplicate,
        progress=progress,
    )


def write_plan(store: Store, plan: ImportPlan, progress: Progress) -> ImportReport:
    """Back the database up and write the plan in one transaction (one batch)."""
    progress.step(
        0, 1, QCoreApplication.translate("ImportDialog", "Backing up the database and importing …")
    )
    return run_import(store, plan)


@dataclass(slots=True)
class JsonPreview:
    """What importing a register document would do (found by a dry run)."""

    path: Path
    organisations: list[str]
    activities: int
    result: ImportResult


def preview_json(store: Store, path: Path, progress: Progress) -> JsonPreview:
    """Read and check a register document and import it on trial (rolled back)."""
    progress.step(0, 1, QCoreApplication.translate("ImportDialog", "Checking the register file …"))
    register, result = import_json(store, path, dry_run=True)
    progress.step(1, 1, "")
    return JsonPreview(
        path,
        [o.name for o in register.organisations],
        sum(len(o.activities) for o in register.organisations),
        result,
    )


def import_json_file(
    store: Store, path: Path, progress: Progress
) -> tuple[ImportResult, Path | None]:
    """Back the database up, then import the register document in one transaction."""
    progress.step(0, 2, QCoreApplication.translate("ImportDialog", "Backing up the database …"))
    backup = backup_database(store.engine, "before-import")
    progress.step(1, 2, QCoreApplication.translate("ImportDialog", "Importing …"))
    _, result = import_json(store, path)
    return result, backup
