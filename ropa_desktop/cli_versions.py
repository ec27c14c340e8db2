"""Commands for frozen versions of a register and what goes to the supervisory authority:
``version list|freeze|show|export|deliver``, ``diff``, ``pack`` and ``verify-pack`` (part
of the command line in :mod:`ropa_desktop.cli`)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.i18n import LocalizedError, Text

if TYPE_CHECKING:
    from ropa_desktop.store.repository import RegisterVersion, Store

T = Text

MSG = {
    "none": T(
        de="„{org}“ hat noch keinen eingefrorenen Stand.", en="“{org}” has no frozen version."
    ),
    "frozen": T(de="Stand {number} eingefroren.", en="Froze version {number}."),
    "delivered": T(de="übergeben an {to} am {on}{ref}", en="delivered to {to} on {on}{ref}"),
    "not_delivered": T(de="nicht übergeben", en="not delivered"),
    "reference": T(de=", Zeichen {ref}", en=", reference {ref}"),
    "recorded": T(
        de="Stand {number}: Übergabe an {to} am {on} vermerkt.",
        en="Version {number}: delivery to {to} on {on} recorded.",
    ),
    "written": T(
        de="{file} geschrieben (Stand {number}, {acts} Verarbeitungstätigkeiten).",
        en="Wrote {file} (version {number}, {acts} processing activities).",
    ),
    "pack": T(
        de="{file} geschrieben: Stand {number}, Änderungen gegenüber {old} ({summary}).",
        en="Wrote {file}: version {number}, changes against {old} ({summary}).",
    ),
    "pack_ok": T(
        de="{file}: in Ordnung – {n} Dateien stimmen mit dem Manifest überein "
        "(„{org}“, Stand {number}).",
        en="{file}: sound – {n} files match the manifest (“{org}”, version {number}).",
    ),
    "pack_bad": T(
        de="{file}: {n} Probleme – das Paket ist nicht so, wie es erstellt wurde.",
        en="{file}: {n} problems – the pack is not as it was built.",
    ),
    "bad_date": T(
        de="--on: „{value}“ ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ).",
        en="--on: “{value}” is not a date (YYYY-MM-DD or DD.MM.YYYY).",
    ),
    "bad_to": T(
        de="--to: „{value}“ ist weder eine Standnummer noch „working“.",
        en="--to: “{value}” is neither a version number nor “working”.",
    ),
    "choose_org": T(
        de="Die Datenbank enthält mehrere Organisationen; bitte mit --org eine wählen: {names}",
        en="The database holds several organisations; choose one with --org: {names}",
    ),
    "no_org": T(
        de="Die Datenbank enthält keine Organisation.", en="The database holds no organisation."
    ),
    "cannot_write": T(
        de="{file}: kann nicht geschrieben werden: {problem}",
        en="{file}: cannot be written: {problem}",
    ),
}
WORKING = "working"


class VersionCommandError(LocalizedError):
    """A version command failed for a reason the user can act on."""


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``version``, ``diff``, ``pack`` and ``verify-pack`` commands."""
    vp = sub.add_parser("version", help="frozen versions (Stände) of a register")
    vsub = vp.add_subparsers(dest="version_command", metavar="ACTION", required=True)
    vl = vsub.add_parser("list", help="the frozen versions with their delivery")
    vl.add_argument("--org", metavar="NAME")
    vf = vsub.add_parser("freeze", help="freeze the register as it is now")
    vf.add_argument("--org", metavar="NAME")
    vf.add_argument("--label", default="", metavar="TEXT")
    vs = vsub.add_parser("show", help="one version: its data and its activities")
    vs.add_argument("number", type=int)
    vs.add_argument("--org", metavar="NAME")
    ve = vsub.add_parser("export", help="export a version exactly as it was frozen")
    ve.add_argument("number", type=int)
    ve.add_argument("--org", metavar="NAME")
    ve.add_argument("--format", required=True, choices=["xlsx", "pdf", "json"])
    ve.add_argument("--out", required=True, type=Path)
    ve.add_argument(
        "--changes-since",
        type=int,
        metavar="N",
        help="pdf: add the section “Änderungen seit Stand N” before the annexes; "
        "xlsx: add the sheet “Änderungen”",
    )
    vd = vsub.add_parser("deliver", help="record that a version was handed over")
    vd.add_argument("number", type=int)
    vd.add_argument("--org", metavar="NAME")
    vd.add_argument("--to", required=True, metavar="RECIPIENT")
    vd.add_argument("--on", metavar="DATE", help="default: today")
    vd.add_argument("--reference", default="", metavar="TEXT")

    df = sub.add_parser("diff", help="what changed between two versions")
    df.add_argument("--org", metavar="NAME")
    df.add_argument("--from", dest="from_", type=int, metavar="N", help="default: newest")
    df.add_argument("--to", default=WORKING, metavar="M|working")
    df.add_argument("--json", action="store_true")

    pk = sub.add_parser("pack", help="the pack for the supervisory authority (zip)")
    pk.add_argument("--org", metavar="NAME")
    pk.add_argument("--version", dest="number", type=int, metavar="N", help="default: newest")
    pk.add_argument("--out", required=True, type=Path)
    vp2 = sub.add_parser("verify-pack", help="check a pack against its manifest")
    vp2.add_argument("file", type=Path)
    vp2.add_argument(
        "--with-database",
        action="store_true",
        help="also check that the JSON is the version recorded in the database (--db)",
    )


def read_only(args: argparse.Namespace) -> bool:
    """Whether the command only reads the database."""
    if args.command == "version":
        return bool(args.version_command in ("list", "show", "export"))
    return args.command in ("diff", "pack")


def _organisation(store: Store, name: str | None) -> str:
    if name is not None:
        return name
    names = store.organisation_names()
    if not names:
        raise VersionCommandError(MSG["no_org"])
    if len(names) > 1:
        raise VersionCommandError(MSG["choose_org"], names=", ".join(names))
    return names[0]


def delivery(v: RegisterVersion, lang: str) -> str:
    """ "übergeben an BayLfD am 01.12.2026, Zeichen …" or "nicht übergeben"."""
    if not v.delivered_to:
        return MSG["not_delivered"](lang)
    ref = MSG["reference"](lang, ref=v.delivery_reference) if v.delivery_reference else ""
    on = p.format_date(v.delivered_on, lang) if v.delivered_on else "?"
    return MSG["delivered"](lang, to=v.delivered_to, on=on, ref=ref)


def _version(store: Store, org: str, number: int | None) -> RegisterVersion:
    from ropa_desktop.io.pack import choose_version

    return choose_version(store, org, number)


def verify_pack_command(args: argparse.Namespace) -> int:
    """``verify-pack FILE``: every problem on its own line; exit 1 when there is one."""
    from ropa_desktop.io.pack import verify_pack

    store = None
    if args.with_database:
        from ropa_desktop.store.database import open_store

        store = open_store(args.db, read_only=True)
    result = verify_pack(args.file, args.lang, store)
    for line in result.problems:
        print(line)
    if result.ok:
        version = result.manifest["register_version"]
        print(
            MSG["pack_ok"](
                args.lang,
                file=args.file,
                n=len(result.checked),
                org=result.manifest["organisation"]["name"],
                number=version["number"],
            )
        )
        return 0
    print(MSG["pack_bad"](args.lang, file=args.file, n=len(result.problems)), file=sys.stderr)
    return 1


def run(store: Store, args: argparse.Namespace) -> int:
    """Run ``version …``, ``diff`` or ``pack``."""
    from ropa_desktop.cli import out_path

    org = _organisation(store, args.org)
    lang = args.lang
    if args.command == "diff":
        return _diff(store, org, args)
    if args.command == "pack":
        return _pack(store, org, out_path(args.out, False), lang, args.number)
    action = args.version_command
    if action == "list":
        found = store.versions(org)
        if not found:
            store.load_register(org)  # names an unknown organisation
            print(MSG["none"](lang, org=org))
        for v in found:
            when = p.format_date(v.frozen_at, lang)
            print(f"{v.number:>4}  {when}  {v.user}  {v.label or '—'}  [{delivery(v, lang)}]")
        return 0
    if action == "freeze":
        frozen = store.freeze_version(org, args.label.strip())
        print(MSG["frozen"](lang, number=frozen.number))
        return 0
    if action == "deliver":
        _version(store, org, args.number)
        on = _parse_date(args.on) if args.on else date.today()
        store.record_delivery(org, args.number, args.to, on, args.reference)
        print(MSG["recorded"](lang, number=args.number, to=args.to, on=p.format_date(on, lang)))
        return 0
    version = _version(store, org, args.number)
    if action == "show":
        register = store.load_version(org, version.number)
        print(f"{org}: {version.number}  {version.label}")
        print(f"  {p.format_date(version.frozen_at, lang)}  {version.user}")
        print(f"  {delivery(version, lang)}")
        for a in register.organisations[0].activities:
            print(f"  {a.reference:<10} {a.name}")
        return 0
    return _export(store, org, version, args)


def _parse_date(text: str) -> date:
    from ropa_desktop.domain.parsing.dates import parse_date

    found = parse_date(text)
    if found is None:
        raise VersionCommandError(MSG["bad_date"], value=text)
    return found


def _export(
    store: Store,
    org: str,
    version: RegisterVersion,
    args: argparse.Namespace,
) -> int:
    """A version's file exactly as frozen: stamped with its number and the day it was
    frozen, written from the stored snapshot."""
    from ropa_desktop.cli import out_path
    from ropa_desktop.io.version_files import export_version

    target = out_path(args.out, False)
    try:
        register = export_version(
            store,
            org,
            version.number,
            args.format,
            target,
            lang=args.lang,
            changes_since=args.changes_since,
        )
    except OSError as exc:
        raise VersionCommandError(
            MSG["cannot_write"], file=target, problem=exc.strerror or str(exc)
        ) from None
    acts = len(register.organisations[0].activities)
    print(MSG["written"](args.lang, file=target, number=version.number, acts=acts))
    return 0


def _diff(store: Store, org: str, args: argparse.Namespace) -> int:
    from ropa_desktop.io.version_files import compare_versions

    old = args.from_ if args.from_ is not None else _version(store, org, None).number
    new: int | None = None
    if args.to != WORKING:
        if not args.to.isdigit():
            raise VersionCommandError(MSG["bad_to"], value=args.to)
        new = int(args.to)
    comparison = compare_versions(store, org, old, new, args.lang)
    if args.json:
        json.dump(comparison.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for line in comparison.lines():
            print(line)
    return 0


def _pack(store: Store, org: str, target: Path, lang: str, number: int | None) -> int:
    from ropa_desktop.io.pack import build_pack

    try:
        result = build_pack(store, org, target, lang=lang, number=number)
    except OSError as exc:
        raise VersionCommandError(
            MSG["cannot_write"], file=target, problem=exc.strerror or str(exc)
        ) from None
    print(
        MSG["pack"](
            lang,
            file=target,
            number=result.version.number,
            old=result.comparison.old,
            summary=result.comparison.summary(),
        )
    )
    return 0
