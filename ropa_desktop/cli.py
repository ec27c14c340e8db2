"""Command line of ropa-desktop (a contract that scripts rely on; README "Command line").

Exit codes: 0 success; 1 the command failed (one line on stderr names the file,
path or field, and the database is unchanged) or, for ``check``, findings of
severity ``error`` exist; 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ropa_desktop import __version__, cli_organisations, cli_review, cli_survey, cli_versions
from ropa_desktop.domain import i18n
from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.model import OrganisationKind
from ropa_desktop.domain.resources import check_installation

if TYPE_CHECKING:  # the store is imported late, so `--help` and `template list` stay fast
    from ropa_desktop.domain.model import ProcessingService
    from ropa_desktop.store.repository import Store

T = Text  # short alias for the message table below

MSG = {
    "demo_done": T(
        de="Demo-Verzeichnis geschrieben: {created} neu, {updated} geändert, "
        "{unchanged} unverändert.",
        en="Demo register written: {created} new, {updated} changed, {unchanged} unchanged.",
    ),
    "exported": T(
        de="{file} geschrieben ({orgs} Organisationen, {acts} Verarbeitungstätigkeiten).",
        en="Wrote {file} ({orgs} organisations, {acts} processing activities).",
    ),
    "exported_services": T(
        de="{file} geschrieben (Verzeichnis als Auftragsverarbeiter: {svcs} Verarbeitungen im "
        "Auftrag).",
        en="Wrote {file} (processor register: {svcs} processing services).",
    ),
    "exported_activities": T(
        de="{file} geschrieben ({acts} Verarbeitungstätigkeiten).",
        en="Wrote {file} ({acts} processing activities).",
    ),
    "imported": T(
        de="{file} importiert: {created} neu, {updated} geändert, {unchanged} unverändert.",
        en="Imported {file}: {created} new, {updated} changed, {unchanged} unchanged.",
    ),
    "dry_run": T(
        de="{file} ist gültig: {orgs} Organisationen, {acts} Verarbeitungstätigkeiten "
        "(Probelauf, nichts geschrieben).",
        en="{file} is valid: {orgs} organisations, {acts} processing activities "
        "(dry run, nothing written).",
    ),
    "cannot_write": T(
        de="{file}: kann nicht geschrieben werden: {problem}",
        en="{file}: cannot be written: {problem}",
    ),
    "no_findings": T(de="Keine Befunde.", en="No findings."),
    "findings": T(
        de="{errors} Fehler, {warnings} Warnungen, {infos} Hinweise.",
        en="{errors} errors, {warnings} warnings, {infos} notes.",
    ),
    "database": T(de="Datenbank: {db}", en="Database: {db}"),
    "orgs": T(de="{n} Organisationen:", en="{n} organisations:"),
    "org_line": T(
        de="  {name}: {acts} Verarbeitungstätigkeiten, {svcs} Auftragsverarbeitungen",
        en="  {name}: {acts} processing activities, {svcs} processing services",
    ),
    "internal": T(
        de="Interner Fehler: {problem} (ROPA_DEBUG=1 zeigt Einzelheiten)",
        en="Internal error: {problem} (ROPA_DEBUG=1 shows details)",
    ),
    "unknown_format": T(
        de="{file}: Dateiformat „{ext}“ wird nicht unterstützt.",
        en="{file}: file format “{ext}” is not supported.",
    ),
    "choose_org": T(
        de="Die Datenbank enthält mehrere Organisationen; bitte mit --org eine wählen: {names}",
        en="The database holds several organisations; choose one with --org: {names}",
    ),
    "no_org": T(
        de="Die Datenbank enthält keine Organisation.", en="The database holds no organisation."
    ),
    "pdf_only": T(
        de="--activity gibt es nur für --format pdf (Einzelblatt).",
        en="--activity is only available with --format pdf (single sheet).",
    ),
    "working_copy": T(de="Arbeitsstand", en="working copy"),
    "org_created": T(
        de="Organisation „{name}“ neu angelegt.", en="Created the organisation “{name}”."
    ),
    "template_done": T(
        de="Verarbeitungstätigkeit „{name}“ ({ref}) angelegt.",
        en="Created the processing activity “{name}” ({ref}).",
    ),
    "template_service_done": T(
        de="Verarbeitung im Auftrag „{name}“ ({ref}) im Verzeichnis nach Art. 30 Abs. 2 DSGVO "
        "angelegt.",
        en="Created the processing on behalf “{name}” ({ref}) in the record under Art. 30(2) GDPR.",
    ),
    "service_findings": T(de="{count} Befund(e).", en="{count} finding(s)."),
    "reused": T(
        de="Vorhandene Auftragsverarbeiter verknüpft: {names}",
        en="Linked existing processors: {names}",
    ),
    "new_processors": T(
        de="Neu angelegte Auftragsverarbeiter: {names}", en="New processors: {names}"
    ),
    "undone": T(de="rückgängig gemacht", en="undone"),
    "undo_done": T(de="Vorgang {batch} rückgängig gemacht.", en="Batch {batch} undone."),
    "import_errors": T(
        de="{file}: {errors} Fehler – nichts importiert (Einzelheiten oben).",
        en="{file}: {errors} errors – nothing imported (details above).",
    ),
    "more_lines": T(de="… und {n} weitere Meldungen", en="… and {n} more messages"),
    "batch": T(
        de="Vorgang {batch} (rückgängig zu machen als Ganzes); Sicherung: {backup}",
        en="Batch {batch} (can be undone as a whole); backup: {backup}",
    ),
    "spreadsheet_only": T(
        de="{option} gilt nur für den Import von Tabellen; eine JSON-Datei "
        "bringt ihre Organisationen selbst mit.",
        en="{option} only applies to spreadsheet imports; a JSON file "
        "carries its own organisations.",
    ),
    "frozen": T(de="Stand {number} eingefroren.", en="Froze version {number}."),
    "not_regular": T(
        de="{file}: ist keine gewöhnliche Datei (Ordner, Gerät oder Pipe) und wird nicht ersetzt.",
        en="{file}: is not a regular file (a folder, device or pipe) and is not replaced.",
    ),
    "symlink": T(
        de="{file}: ist ein symbolischer Verweis; mit --follow-symlink wird seine "
        "Zieldatei ersetzt.",
        en="{file}: is a symbolic link; --follow-symlink replaces the file it points to.",
    ),
    "backup_done": T(de="Sicherung geschrieben: {file}", en="Backup written: {file}"),
    "verify_ok": T(
        de="{db}: keine Befunde – die Datenbank ist in Ordnung.",
        en="{db}: no findings – the database is sound.",
    ),
    "verify_bad": T(de="{db}: {n} Befunde.", en="{db}: {n} findings."),
    "restored": T(
        de="{file} zurückgespielt (Schema {revision}{upgraded}): {orgs} Organisationen, "
        "{acts} Verarbeitungstätigkeiten.",
        en="Restored {file} (schema {revision}{upgraded}): {orgs} organisations, "
        "{acts} processing activities.",
    ),
    "upgraded": T(de=", danach aktualisiert", en=", upgraded afterwards"),
    "safety": T(
        de="Der vorherige Stand ist gesichert: {file}", en="The previous state is backed up: {file}"
    ),
    "safety_raw": T(
        de="Der vorherige Stand war nicht lesbar; seine Dateien liegen unverändert "
        "als *.raw im Ordner backups.",
        en="The previous state could not be read; its files are kept unchanged as "
        "*.raw in the backups folder.",
    ),
    "backups": T(de="Sicherungen in {folder}:", en="Backups in {folder}:"),
    "no_backups": T(de="Keine Sicherungen in {folder}.", en="No backups in {folder}."),
}


READ_COMMANDS = {"summary", "check", "batches", "verify", "backup"}
"""Commands that only read: they open an SQLite register read-only and take no lock."""
IMPORT_SUFFIXES = {".json", ".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".zip"}
REPORT_LINES = 500


class CliError(LocalizedError):
    """A command failed for a reason the user can act on."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ropa-desktop",
        description="Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) — "
        "record of processing activities.",
    )
    p.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or SQLAlchemy URL (default: ROPA_DB or the user data dir)",
    )
    p.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=os.environ.get("ROPA_LANG", "de")
        if os.environ.get("ROPA_LANG") in i18n.LANGUAGES
        else "de",
        help="language of messages and exports (default: de)",
    )
    p.add_argument("--version", action="version", version=f"ropa-desktop {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("demo", help="fill the database with the demo register")
    sub.add_parser("summary", help="list the organisations and their registers")

    ex = sub.add_parser("export", help="export the register")
    ex.add_argument("--format", required=True, choices=["xlsx", "pdf", "json"])
    ex.add_argument("--out", required=True, type=Path)
    ex.add_argument("--org", metavar="NAME")
    ex.add_argument("--register", choices=["controller", "processor"], default="controller")
    ex.add_argument("--activity", metavar="REF")
    ex.add_argument("--history", action="store_true", help="JSON: include the change history")
    ex.add_argument(
        "--freeze",
        nargs="?",
        const="",
        metavar="LABEL",
        help="xlsx/pdf: freeze the register as a new numbered version first "
        "and stamp the export with it",
    )
    ex.add_argument(
        "--follow-symlink",
        action="store_true",
        help="when --out is a symbolic link, replace the file it points to",
    )

    im = sub.add_parser("import", help="import a register file or spreadsheet")
    im.add_argument("file", type=Path)
    im.add_argument("--org", metavar="NAME")
    im.add_argument("--sheet", metavar="NAME")
    im.add_argument("--dry-run", action="store_true")
    im.add_argument("--mapping", type=Path)
    im.add_argument("--on-duplicate", choices=["skip", "update", "new"])
    im.add_argument(
        "--kind",
        choices=[k.value for k in OrganisationKind],
        help="kind of the organisation when the import creates it (default: public_authority)",
    )
    im.add_argument(
        "--number",
        action="store_true",
        help="give imported activities without a reference the next numbers (e.g. VT-013)",
    )
    im.add_argument(
        "--land",
        metavar="LAND",
        help="German Land of the organisation when the import creates it (e.g. BY or Bayern)",
    )

    sub.add_parser("batches", help="list imports and other batches of changes")
    un = sub.add_parser("undo", help="undo a whole batch (an import) by its id")
    un.add_argument("batch")

    ck = sub.add_parser("check", help="completeness and consistency findings")
    ck.add_argument("--org", metavar="NAME")
    ck.add_argument("--json", action="store_true")

    bk = sub.add_parser("backup", help="write a backup of the database")
    bk.add_argument("--out", type=Path, help="the backup file (default: the backups folder)")
    bk.add_argument(
        "--follow-symlink",
        action="store_true",
        help="when --out is a symbolic link, replace the file it points to",
    )
    bk.add_argument("--list", action="store_true", help="list the backups instead")
    sub.add_parser("verify", help="check the database and the register's invariants")
    rs = sub.add_parser("restore", help="replace the register by a backup")
    rs.add_argument("backup", type=Path)

    tp = sub.add_parser("template", help="wizard templates for common cases")
    tsub = tp.add_subparsers(dest="template_command", metavar="ACTION", required=True)
    tsub.add_parser("list")
    ta = tsub.add_parser("apply")
    ta.add_argument("id")
    ta.add_argument("--org", required=True, metavar="NAME")
    ta.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    cli_organisations.add_parsers(sub)
    cli_survey.add_parsers(sub)
    cli_review.add_parsers(sub)
    cli_versions.add_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ropa-desktop`` console script."""
    args = _parser().parse_args(argv)
    i18n.set_language(args.lang)
    if not os.environ.get("ROPA_DEBUG"):
        # e.g. a zip file's finaliser failing again on a full disk after the message was
        # printed: the message has said it; no traceback follows it
        sys.unraisablehook = _quiet_unraisable
    try:
        check_installation()
        return _run(args)
    except LocalizedError as exc:
        print(f"ropa-desktop: {exc.message()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: one line, never a traceback dump
        if os.environ.get("ROPA_DEBUG"):
            raise
        from ropa_desktop.store.problems import explain

        known = explain(exc, getattr(args, "db", None) or os.environ.get("ROPA_DB") or "")
        if known is not None:
            print(f"ropa-desktop: {known.message()}", file=sys.stderr)
            return 1
        # Only the first line of the cause: database errors carry SQL and parameter
        # values (personal data) on the lines after it.
        cause = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        problem = f"{type(exc).__name__}: {cause[0] if cause else ''}"
        print(f"ropa-desktop: {MSG['internal'](problem=problem)}", file=sys.stderr)
        return 1


def _quiet_unraisable(_info: object) -> None:
    """Swallow errors raised in finalisers (they follow an error already reported)."""


def _run(args: argparse.Namespace) -> int:
    if args.command == "template" and args.template_command == "list":
        return _template_list(args)
    if args.command == "export" and args.activity and args.format != "pdf":
        raise CliError(MSG["pdf_only"])
    if args.command == "import" and args.file.suffix.lower() not in IMPORT_SUFFIXES:
        raise CliError(MSG["unknown_format"], file=args.file, ext=args.file.suffix or "?")

    command = args.command
    if command is None:
        from ropa_desktop.ui.app import main as gui_main

        return gui_main(args.db)

    from ropa_desktop.store.database import describe, resolve_url

    if command == "restore":
        return _restore(args)
    if command == "verify-pack":
        return cli_versions.verify_pack_command(args)
    read = (
        command in READ_COMMANDS
        or (command == "export" and args.freeze is None)
        or (command == "review" and args.review_command == "plan")
        or cli_versions.read_only(args)
    )
    if command == "import" and args.dry_run and _no_database_file(args.db):
        return _dry_run_without_file(args)
    store = _open(args, read=read)
    if command == "demo":
        return _demo(store)
    if command == "summary":
        return _summary(store, describe(resolve_url(args.db)))
    if command == "export":
        return _export_json(store, args) if args.format == "json" else _export_doc(store, args)
    if command == "import":
        return _import(store, args)
    if command == "check":
        return _check(store, args)
    if command == "template":
        return _template_apply(store, args)
    if command == "organisation":
        return cli_organisations.run_organisation(store, args)
    if command == "catalogue":
        return cli_organisations.run_catalogue(store, args)
    if command == "review":
        return cli_review.run_review(store, args)
    if command == "survey":
        if args.survey_command == "in" and not args.dry_run and args.accept_all:
            _backup(store, "before-survey")
        return cli_survey.run_survey(store, args)
    if command in ("version", "diff", "pack"):
        return cli_versions.run(store, args)
    if command == "batches":
        for b in store.batches():
            state = f" [{MSG['undone']()}]" if b.undone else ""
            print(f"{b.uid}  {b.at:%Y-%m-%d %H:%M}  {b.user}  {b.kind}  {b.description}{state}")
        return 0
    if command == "undo":
        _backup(store, "before-undo")
        store.undo_batch(args.batch)
        print(MSG["undo_done"](batch=args.batch))
        return 0
    if command == "backup":
        return _backup_command(store, args)
    if command == "verify":
        return _verify(store, describe(resolve_url(args.db)))
    raise AssertionError(command)  # pragma: no cover


def _import(store: Store, args: argparse.Namespace) -> int:
    """A register document, an export of another register tool, or a spreadsheet."""
    from ropa_desktop import cli_migration

    if cli_migration.is_migration_file(args.file):
        return cli_migration.migrate(store, args)
    if args.file.suffix.lower() == ".json":
        return _import_json(store, args)
    return _import_spreadsheet(store, args)


def _no_database_file(target: str | None) -> bool:
    """The register is an SQLite file that does not exist yet."""
    from ropa_desktop.store.database import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(target))
    return path is not None and not path.exists()


def _dry_run_without_file(args: argparse.Namespace) -> int:
    """A dry run into a register file that does not exist: run it against an empty
    temporary register, so that neither a refused nor a successful dry run leaves a
    database file (or lock file) behind."""
    import tempfile

    from ropa_desktop.store.database import open_store

    with tempfile.TemporaryDirectory(prefix="ropa-dry-run-") as folder:
        store = open_store(Path(folder) / "dry-run.sqlite")
        try:
            return _import(store, args)
        finally:
            store.engine.dispose()


def _open(args: argparse.Namespace, *, read: bool) -> Store:
    """The store for a command: read commands open an SQLite file read-only (an older
    schema is upgraded first, as a writer); write commands hold the register's lock file
    shared, so they refuse while a window holds it."""
    from ropa_desktop.store.database import OutdatedSchema, open_store

    program = f"ropa-desktop {args.command}"
    if read:
        try:
            return open_store(args.db, read_only=True)
        except OutdatedSchema:
            open_store(args.db, lock="shared", program=program).engine.dispose()
            return open_store(args.db, read_only=True)
    return open_store(args.db, lock="shared", program=program)


def _backup(store: Store, reason: str) -> Path:
    """A backup before a bulk write; its failure stops the write."""
    from ropa_desktop.store.backup import backup_database

    return backup_database(store.engine, reason)


def out_path(path: Path, follow: bool) -> Path:
    """Where ``--out`` may write: a new or a regular file; a symbolic link only when told
    (then the file it points to); never a folder, device or pipe."""
    if path.is_symlink():
        if not follow:
            raise CliError(MSG["symlink"], file=path)
        path = path.resolve()
    if path.exists() and not path.is_file():
        raise CliError(MSG["not_regular"], file=path)
    return path


def _backup_command(store: Store, args: argparse.Namespace) -> int:
    from ropa_desktop.store import backup

    if args.list:
        folder = backup.backup_folder(store.engine)
        found = backup.backups_of(store.engine)
        print(MSG["backups" if found else "no_backups"](folder=folder))
        for b in found:
            print(
                f"{b.at:%Y-%m-%d %H:%M:%S}  {b.reason:<24} {b.size / 2**20:8.1f} MB  {b.path.name}"
            )
        return 0
    if args.out is None:
        target = backup.backup_database(store.engine, "manual")
    else:
        target = out_path(args.out, args.follow_symlink)
        if store.engine.url.get_backend_name() == "sqlite":
            backup.copy_sqlite(Path(store.engine.url.database or ""), target)
        else:
            backup.dump_tables(store.engine, target)
    print(MSG["backup_done"](file=target))
    return 0


def _verify(store: Store, db: str) -> int:
    from ropa_desktop.store.database import head_revision
    from ropa_desktop.store.verify import verify

    findings = verify(store.engine, head_revision())
    for line in findings:
        print(line)
    print((MSG["verify_bad"](db=db, n=len(findings))) if findings else MSG["verify_ok"](db=db))
    return 1 if findings else 0


def _restore(args: argparse.Namespace) -> int:
    """Replace the register by a backup, holding the register alone meanwhile."""
    from alembic.script import ScriptDirectory

    from ropa_desktop.store.database import (
        _alembic_config,
        create_db_engine,
        open_store,
        resolve_url,
        sqlite_path,
    )
    from ropa_desktop.store.lockfile import RegisterLock
    from ropa_desktop.store.repository import Store, default_user
    from ropa_desktop.store.restore import check_backup, restore

    known = {r.revision for r in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    check_backup(args.backup, known)  # before anything is created or locked
    url = resolve_url(args.db)
    path = sqlite_path(url)
    if path is None:
        store = open_store(args.db, migrate=False)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = RegisterLock.exclusive_for(path, "ropa-desktop restore", default_user(), wait=30)
        store = Store(create_db_engine(url))
        store.lock = lock
    report = restore(store, args.backup, known)
    print(
        MSG["restored"](
            file=args.backup,
            revision=report.revision,
            upgraded=MSG["upgraded"]() if report.upgraded else "",
            orgs=report.organisations,
            acts=report.activities,
        )
    )
    print(MSG["safety"](file=report.safety_backup) if report.safety_backup else MSG["safety_raw"]())
    return 0


def _demo(store: Store) -> int:
    from ropa_desktop.io.demo import build_demo_register

    result = store.import_register(
        build_demo_register(date.today()), description="Demo", kind="demo"
    )
    print(
        MSG["demo_done"](created=result.created, updated=result.updated, unchanged=result.unchanged)
    )
    return 0


def _summary(store: Store, db: str) -> int:
    orgs = store.organisations()
    print(MSG["database"](db=db))
    print(MSG["orgs"](n=len(orgs)))
    for o in orgs:
        print(MSG["org_line"](name=o.name, acts=o.activities, svcs=o.services))
    return 0


def _export_json(store: Store, args: argparse.Namespace) -> int:
    from ropa_desktop.io.json_register import export_json

    args.out = out_path(args.out, args.follow_symlink)
    try:
        register = export_json(store, args.out, organisation=args.org, include_history=args.history)
    except OSError as exc:
        raise CliError(
            MSG["cannot_write"], file=args.out, problem=exc.strerror or str(exc)
        ) from None
    acts = sum(len(o.activities) for o in register.organisations)
    print(MSG["exported"](file=args.out, orgs=len(register.organisations), acts=acts))
    return 0


def _export_doc(store: Store, args: argparse.Namespace) -> int:
    """Excel or PDF for one organisation, stamped with the date and the register version."""
    org = args.org
    if org is None:
        names = store.organisation_names()
        if not names:
            raise CliError(MSG["no_org"])
        if len(names) > 1:
            raise CliError(MSG["choose_org"], names=", ".join(names))
        org = names[0]
    args.out = out_path(args.out, args.follow_symlink)
    number: int | None = None
    if args.freeze is not None:
        # number, record and snapshot in one transaction; the file shows that snapshot
        frozen, register = store.freeze_snapshot(org, args.freeze)
        number = frozen.number
        version = f"{number} {args.freeze}".strip()
    else:
        register = store.load_register(org)  # raises for an unknown organisation
        version = MSG["working_copy"]()
    options = {
        "register_kind": args.register,
        "lang": args.lang,
        "stand": date.today(),
        "version": version,
        # the files are listed (name, size, date), never included
        "attachments": store.attachments(register.organisations[0].uid),
    }
    try:
        if args.format == "xlsx":
            from ropa_desktop.io.export.xlsx import export_xlsx

            export_xlsx(register, org, args.out, **options)
        else:
            from ropa_desktop.io.export.pdf import export_pdf

            export_pdf(register, org, args.out, activity=args.activity, **options)
    except BaseException as exc:
        if number is not None:  # no file shows this number: take it back
            store.withdraw_version(org, number)
        if isinstance(exc, OSError):
            raise CliError(
                MSG["cannot_write"], file=args.out, problem=exc.strerror or str(exc)
            ) from None
        raise
    if number is not None:
        store.mark_delivered(org, number, str(args.out.resolve()))
        print(MSG["frozen"](number=number))
    exported = register.organisations[0]
    if args.register == "processor":
        print(MSG["exported_services"](file=args.out, svcs=len(exported.services)))
    else:
        print(MSG["exported_activities"](file=args.out, acts=len(exported.activities)))
    return 0


def _import_json(store: Store, args: argparse.Namespace) -> int:
    from ropa_desktop.io.json_register import import_json, read_register

    for option, given in (
        ("--org", args.org),
        ("--sheet", args.sheet),
        ("--mapping", args.mapping),
        ("--on-duplicate", args.on_duplicate),
        ("--kind", args.kind),
        ("--land", args.land),
        ("--number", args.number or None),
    ):
        if given is not None:
            raise CliError(MSG["spreadsheet_only"], option=option)
    backup: Path | None = None
    if not args.dry_run:
        read_register(args.file)  # a file refused on reading leaves no backup behind
        backup = _backup(store, "before-import")
    register, result = import_json(store, args.file, dry_run=args.dry_run)
    acts = sum(len(o.activities) for o in register.organisations)
    if args.dry_run:
        print(MSG["dry_run"](file=args.file, orgs=len(register.organisations), acts=acts))
    else:
        print(
            MSG["imported"](
                file=args.file,
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
            )
        )
        if result.batch:
            print(MSG["batch"](batch=result.batch, backup=backup))
    return 0


def _import_spreadsheet(store: Store, args: argparse.Namespace) -> int:
    """Import a spreadsheet; print the row report and the summary."""
    from ropa_desktop.io.importing.engine import NewOrganisation, import_spreadsheet
    from ropa_desktop.io.importing.mapping import load_profile

    profile = load_profile(args.mapping) if args.mapping else None
    report = import_spreadsheet(
        store,
        args.file,
        organisation=args.org,
        sheet=args.sheet,
        profile=profile,
        on_duplicate=args.on_duplicate or "skip",
        dry_run=args.dry_run,
        new_organisation=NewOrganisation(
            kind=OrganisationKind(args.kind) if args.kind else None, land=args.land
        ),
        number_new=args.number,
    )
    lines = report.lines(args.lang)
    for line in lines[:REPORT_LINES]:
        print(line)
    if len(lines) > REPORT_LINES:
        print(MSG["more_lines"](n=len(lines) - REPORT_LINES))
    print(report.summary(args.lang))
    if report.errors:
        raise CliError(MSG["import_errors"], file=args.file, errors=report.errors)
    if report.batch:
        print(MSG["batch"](batch=report.batch, backup=report.backup))
    return 0


def _template_list(args: argparse.Namespace) -> int:
    """The wizard's cases: id, title and what they are for."""
    from ropa_desktop.io.templates import load_templates

    for t in load_templates():
        print(f"{t.id}\n    {t.title(args.lang)}\n    {t.description(args.lang)}")
    return 0


def _template_service_done(
    store: Store, organisation: str, service: ProcessingService, args: argparse.Namespace
) -> int:
    """Report a processing service (Art. 30(2)) a template wrote, with its findings."""
    from ropa_desktop.domain.rules import check_organisation

    print(MSG["template_service_done"](name=service.name, ref=service.reference))
    register = store.load_register(organisation)
    org = register.organisations[0]
    findings = [
        f for f in check_organisation(org, register, lang=args.lang) if f.activity == service.name
    ]
    for f in findings:
        print(f"  [{f.severity.value}] {f.code}: {f.message}")
    print(MSG["no_findings"]() if not findings else MSG["service_findings"](count=len(findings)))
    return 0


def _template_apply(store: Store, args: argparse.Namespace) -> int:
    """Create a complete activity from a template; defaults answer what --set does not."""
    from ropa_desktop.domain.rules import Severity, check_activity
    from ropa_desktop.io.templates import apply_template, find_template, parse_answers

    template = find_template(args.id)
    answers = parse_answers(template, args.set)
    _backup(store, "before-template")
    applied = apply_template(store, args.id, args.org, answers, lang=args.lang)
    act = applied.draft.activity
    if applied.organisation_created:
        print(MSG["org_created"](name=applied.organisation))
    if applied.draft.service is not None:
        return _template_service_done(store, applied.organisation, applied.draft.service, args)
    print(MSG["template_done"](name=act.name, ref=act.reference))
    if applied.draft.reused_processors:
        print(MSG["reused"](names=", ".join(applied.draft.reused_processors)))
    if applied.draft.new_processors:
        print(MSG["new_processors"](names=", ".join(applied.draft.new_processors)))
    register = store.load_register(applied.organisation)
    org = register.organisations[0]
    stored = next(a for a in org.activities if a.uid == act.uid)
    findings = check_activity(stored, org, register, lang=args.lang)
    for f in findings:
        print(f"  [{f.severity.value}] {f.code}: {f.message}")
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    print(
        MSG["findings"](
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
            infos=counts[Severity.INFO],
        )
        if findings
        else MSG["no_findings"]()
    )
    return 0


def _check(store: Store, args: argparse.Namespace) -> int:
    from ropa_desktop.domain.rules import Severity, check_register

    register = store.load_register(args.org)
    findings = check_register(register, today=date.today(), lang=args.lang)
    if args.json:
        json.dump([f.to_json() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        current = None
        for f in findings:
            head = f.organisation + (f" — {f.activity}" if f.activity else "")
            if head != current:
                print(head)
                current = head
            print(f"  [{f.severity.value}] {f.code}: {f.message}")
        counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
        print(
            MSG["findings"](
                errors=counts[Severity.ERROR],
                warnings=counts[Severity.WARNING],
                infos=counts[Severity.INFO],
            )
            if findings
            else MSG["no_findings"]()
        )
    return 1 if any(f.severity == Severity.ERROR for f in findings) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
