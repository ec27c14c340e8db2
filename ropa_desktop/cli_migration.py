"""``ropa-desktop import`` of registers kept in other tools (migration).

Today: the Dutch government's data-processing register (``io.migration_nl_rdo``), as its
JSON file of records or the zip of such files, and CISO Assistant's processing template
and multi-sheet processing workbook (``io.migration_ciso``). The import asks for ``--org`` (the file
names no organisation), backs the database up, and writes everything in one transaction
as one batch; ``--dry-run`` writes nothing.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ropa_desktop.domain.i18n import LocalizedError, Text

if TYPE_CHECKING:
    from ropa_desktop.store.repository import Store


class MigrationCliError(LocalizedError):
    """The migration cannot run as asked; nothing was written."""


MSG = {
    "need_org": Text(
        de="{file}: Export des niederländischen Verarbeitungsregisters – bitte mit --org "
        "angeben, wem die Verarbeitungstätigkeiten gehören.",
        en="{file}: export of the Dutch data-processing register – give the organisation "
        "the activities belong to with --org.",
    ),
    "need_org_ciso": Text(
        de="{file}: Verarbeitungen aus CISO Assistant – bitte mit --org angeben, wem die "
        "Verarbeitungstätigkeiten gehören.",
        en="{file}: processings from CISO Assistant – give the organisation the activities "
        "belong to with --org.",
    ),
    "exists": Text(
        de="„{name}“ gibt es bei dieser Organisation schon; übersprungen",
        en="“{name}” already exists for this organisation; skipped",
    ),
    "done": Text(
        de="{file}: {new} Verarbeitungstätigkeiten {verb}.",
        en="{file}: {new} activities {verb}.",
    ),
    "would": Text(de="würden übernommen (Probelauf)", en="would be imported (dry run)"),
    "did": Text(de="übernommen", en="imported"),
    "batch": Text(
        de="Vorgang {batch} (rückgängig zu machen als Ganzes); Sicherung: {backup}",
        en="batch {batch} (can be undone as a whole); backup: {backup}",
    ),
}


def is_migration_file(path: Path) -> bool:
    """Whether ``path`` is an export of a register tool this command migrates from."""
    from ropa_desktop.io.files import read_json
    from ropa_desktop.io.migration_ciso import looks_like_ciso
    from ropa_desktop.io.migration_nl_rdo import (
        MAX_FILE_BYTES,
        MigrationError,
        looks_like_records,
    )

    if path.suffix.lower() == ".zip":
        return True
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return looks_like_ciso(path)
    if path.suffix.lower() != ".json":
        return False
    try:
        doc = read_json(path, max_bytes=MAX_FILE_BYTES * 100, error=MigrationError)
    except MigrationError:
        return False  # the JSON import names the problem
    return looks_like_records(doc)


def migrate(store: Store, args: argparse.Namespace) -> int:
    """Import an export of another register tool into the organisation ``--org``."""
    from ropa_desktop.io import migration_ciso, migration_nl_rdo
    from ropa_desktop.store.backup import backup_database

    ciso = Path(args.file).suffix.lower() in (".xlsx", ".xlsm")
    if not args.org:
        raise MigrationCliError(MSG["need_org_ciso" if ciso else "need_org"], file=args.file)
    name = " ".join(args.org.split())
    notes: list[str] = []
    migration: migration_ciso.CisoMigration | migration_nl_rdo.Migration
    if ciso:
        migration = migration_ciso.convert(args.file, name)
    else:
        records, notes = migration_nl_rdo.read_records(args.file)
        migration = migration_nl_rdo.convert(records, name)
    notes += migration.notes
    org = migration.register.organisations[0]
    known = {
        " ".join(o.name.split()).casefold(): o.name
        for o in store.organisations(include_archived=True)
    }
    if name.casefold() in known:
        existing = store.load_organisation(known[name.casefold()])
        taken = {a.name.strip().casefold() for a in existing.activities}
        fresh = []
        for act in org.activities:
            if act.name.strip().casefold() in taken:
                notes.append(MSG["exists"](name=act.name))
            else:
                fresh.append(act)
        migration.register.organisations = [replace(existing, activities=fresh)]
        org = migration.register.organisations[0]
    for line in notes:
        print(f"[warning] {args.file}: {line}")
    verb = MSG["would"]() if args.dry_run else MSG["did"]()
    if args.dry_run:
        store.import_register(migration.register, dry_run=True)
        print(MSG["done"](file=args.file, new=len(org.activities), verb=verb))
        return 0
    backup = backup_database(store.engine, "before-import")
    result = store.import_register(
        migration.register, kind="import", description=Path(args.file).name
    )
    print(MSG["done"](file=args.file, new=len(org.activities), verb=verb))
    print(MSG["batch"](batch=result.batch, backup=backup))
    return 0
