"""A frozen version's files exactly as frozen, and comparisons between versions.

Used by the command line (``version export``, ``diff``) and the Versionen page alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ropa_desktop.domain import model as m
from ropa_desktop.domain.comparison import Comparison, compare, version_name
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.io.export.pdf import export_pdf
from ropa_desktop.io.export.xlsx import export_xlsx
from ropa_desktop.io.files import atomic_text
from ropa_desktop.io.json_register import dumps
from ropa_desktop.io.pack import choose_version, stamp
from ropa_desktop.store.repository import Store

FORMATS = ("pdf", "xlsx", "json")


def load_side(store: Store, organisation: str, number: int | None) -> m.Register:
    """Version ``number`` of the register, or the working register (None)."""
    if number is None:
        return store.load_register(organisation)
    return store.load_version(organisation, choose_version(store, organisation, number).number)


def compare_versions(
    store: Store, organisation: str, old: int, new: int | None, lang: str
) -> Comparison:
    """What changed from version ``old`` to version ``new`` (None: the working register)."""
    return compare(
        load_side(store, organisation, old),
        load_side(store, organisation, new),
        organisation,
        old_name=version_name(old, lang),
        new_name=version_name(new, lang),
        lang=lang,
    )


def export_version(
    store: Store,
    organisation: str,
    number: int,
    fmt: str,
    target: Path,
    *,
    lang: str = "de",
    changes_since: int | None = None,
    progress: Progress = SILENT,
) -> m.Register:
    """Write version ``number`` as PDF, Excel or JSON from its stored snapshot, stamped
    with its number, label and the day it was frozen. ``changes_since`` adds the PDF
    section "Änderungen seit Stand N" or the Excel sheet "Änderungen". Atomic; returns the
    frozen register."""
    version = choose_version(store, organisation, number)
    register = store.load_version(organisation, version.number)
    options: dict[str, Any] = {
        "lang": lang,
        "stand": version.frozen_at.date(),
        "version": stamp(version),
        "progress": progress,
    }
    if fmt == "json":
        with atomic_text(Path(target)) as fh:
            fh.write(dumps(register))
        return register
    changes = None
    if changes_since is not None:
        changes = compare_versions(store, organisation, changes_since, number, lang)
    if fmt == "xlsx":
        export_xlsx(register, organisation, target, changes=changes, **options)
    else:
        export_pdf(register, organisation, target, changes=changes, **options)
    return register
