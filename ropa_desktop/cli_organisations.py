"""Commands for organisations and their catalogues: ``organisation list|archive|restore|delete``
and ``catalogue copy`` (part of the command line in :mod:`ropa_desktop.cli`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ropa_desktop.domain import i18n
from ropa_desktop.domain.i18n import LocalizedError, Text

if TYPE_CHECKING:
    from ropa_desktop.store.repository import Store

T = Text

MSG = {
    "line": T(
        de="{name}: {acts} Verarbeitungstätigkeiten, {svcs} Auftragsverarbeitungen, "
        "{cat} Katalogeinträge{state}",
        en="{name}: {acts} processing activities, {svcs} processing services, "
        "{cat} catalogue entries{state}",
    ),
    "archived_on": T(de=" (archiviert am {day})", en=" (archived on {day})"),
    "archived": T(
        de="Organisation „{name}“ archiviert; sie bleibt vollständig erhalten und "
        "lässt sich mit „organisation restore“ zurückholen.",
        en="Archived the organisation “{name}”; it is kept whole and comes back "
        "with “organisation restore”.",
    ),
    "restored": T(
        de="Organisation „{name}“ ist wieder da.", en="The organisation “{name}” is back."
    ),
    "what_goes": T(
        de="Gelöscht werden „{name}“ mit {acts} Verarbeitungstätigkeiten, {svcs} "
        "Auftragsverarbeitungen und {cat} Katalogeinträgen (Auftragsverarbeiter, "
        "Empfänger, TOM).",
        en="This deletes “{name}” with {acts} processing activities, {svcs} "
        "processing services and {cat} catalogue entries (processors, "
        "recipients, TOMs).",
    ),
    "confirm": T(de="Wirklich löschen? [j/N] ", en="Really delete? [y/N] "),
    "need_yes": T(
        de="Löschen nur mit Bestätigung: bitte --yes angeben.",
        en="Deleting needs confirmation: please give --yes.",
    ),
    "not_deleted": T(de="Nichts gelöscht.", en="Nothing deleted."),
    "deleted": T(
        de="Organisation „{name}“ gelöscht (Vorgang {batch}; „organisation restore "
        "{name}“ oder „undo {batch}“ bringt alles zurück).",
        en="Deleted the organisation “{name}” (batch {batch}; “organisation restore "
        "{name}” or “undo {batch}” brings everything back).",
    ),
    "unknown_entry": T(
        de="„{name}“ gibt es im Katalog von „{org}“ nicht (Auftragsverarbeiter, "
        "Empfänger oder TOM).",
        en="“{name}” is not in the catalogue of “{org}” (processor, recipient or TOM).",
    ),
    "empty": T(
        de="Der Katalog von „{org}“ ist leer; nichts übernommen.",
        en="The catalogue of “{org}” is empty; nothing copied.",
    ),
    "set_done": T(
        de="„{name}“: Land {land}; öffentliche Stelle nach Landesrecht: {public}.",
        en="“{name}”: Land {land}; public body under Land law: {public}.",
    ),
    "bad_land": T(
        de="--land: „{value}“ ist kein Land (möglich: {codes}).",
        en="--land: “{value}” is not a Land (possible: {codes}).",
    ),
    "yes": T(de="ja", en="yes"),
    "no": T(de="nein", en="no"),
    "by_form": T(de="{value} (nach der Rechtsform)", en="{value} (from the legal form)"),
    "no_land": T(de="nicht angegeben", en="not recorded"),
    "copied": T(
        de="{n} Einträge nach „{to}“ übernommen: {names}",
        en="Copied {n} entries to “{to}”: {names}",
    ),
}

YES = {"j", "ja", "y", "yes"}


class CommandError(LocalizedError):
    """An organisation or catalogue command failed for a reason the user can act on."""


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``organisation`` and ``catalogue`` commands."""
    og = sub.add_parser("organisation", help="list, archive, restore or delete organisations")
    osub = og.add_subparsers(dest="organisation_command", metavar="ACTION", required=True)
    osub.add_parser("list", help="every organisation, archived ones marked")
    for action, text in (
        ("archive", "hide an organisation from the switcher and lists"),
        ("restore", "bring back an archived or deleted organisation"),
    ):
        p = osub.add_parser(action, help=text)
        p.add_argument("name")
    st = osub.add_parser(
        "set", help="set an organisation's Land and whether it is a public body under Land law"
    )
    st.add_argument("name")
    st.add_argument("--land", metavar="CODE", help="ISO 3166-2 code of the Land, e.g. DE-BW")
    st.add_argument(
        "--public-body",
        choices=("yes", "no", "auto"),
        help="performs public tasks / is a public body under Land law "
        "(auto: as the legal form says)",
    )
    de = osub.add_parser("delete", help="delete an organisation with everything it holds")
    de.add_argument("name")
    de.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    ca = sub.add_parser("catalogue", help="processors, recipients and TOMs of organisations")
    csub = ca.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    cp = csub.add_parser("copy", help="copy entries from another organisation")
    cp.add_argument("--from", dest="source", required=True, metavar="ORG")
    cp.add_argument("--to", dest="target", required=True, metavar="ORG")
    cp.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help="processors, recipients or TOMs (default: the whole catalogue)",
    )
    cp.add_argument(
        "--with-notes",
        action="store_true",
        help="also copy notes, contract data and TOM descriptions",
    )


def run_organisation(store: Store, args: argparse.Namespace) -> int:
    """``organisation list|archive|restore|delete``."""
    action = args.organisation_command
    if action == "list":
        for o in store.organisations(include_archived=True):
            state = MSG["archived_on"](day=f"{o.archived:%d.%m.%Y}") if o.archived else ""
            print(
                MSG["line"](
                    name=o.name, acts=o.activities, svcs=o.services, cat=o.catalogue, state=state
                )
            )
        return 0
    if action == "archive":
        store.archive_organisation(args.name)
        print(MSG["archived"](name=args.name))
        return 0
    if action == "restore":
        store.restore_organisation(args.name)
        print(MSG["restored"](name=args.name))
        return 0
    if action == "set":
        return _set(store, args)
    summary = next(
        (o for o in store.organisations(include_archived=True) if o.name == args.name), None
    )
    if summary is None:
        store.load_register(args.name)  # raises the store's message for an unknown name
        return 1  # pragma: no cover
    print(
        MSG["what_goes"](
            name=summary.name, acts=summary.activities, svcs=summary.services, cat=summary.catalogue
        )
    )
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(MSG["need_yes"])
        if input(MSG["confirm"]()).strip().casefold() not in YES:
            print(MSG["not_deleted"]())
            return 1
    batch = store.delete_organisation(args.name)
    print(MSG["deleted"](name=args.name, batch=batch))
    return 0


def _set(store: Store, args: argparse.Namespace) -> int:
    """``organisation set NAME [--land CODE] [--public-body yes|no|auto]``: one save."""
    from ropa_desktop.domain import vocab

    org = store.load_organisation(args.name)
    if args.land is not None:
        codes = [str(t.attrs.get("code")) for t in vocab.load("laender")]
        code = args.land.strip().upper()
        if code not in codes and code != "":
            raise CommandError(MSG["bad_land"], value=args.land, codes=", ".join(codes))
        org.land = code
    if args.public_body is not None:
        org.public_body = {"yes": True, "no": False, "auto": None}[args.public_body]
    store.save_organisation(org)
    public = MSG["yes"]() if org.is_public_body else MSG["no"]()
    if org.public_body is None:
        public = MSG["by_form"](value=public)
    from ropa_desktop.domain.provisions import land_name

    land = land_name(org.land, i18n.language()) if org.land else MSG["no_land"]()
    print(MSG["set_done"](name=org.name, land=land, public=public))
    return 0


def run_catalogue(store: Store, args: argparse.Namespace) -> int:
    """``catalogue copy --from ORG --to ORG [NAME…] [--with-notes]``."""
    source = store.catalogue(args.source)
    store.catalogue(args.target)  # an unknown target is refused before anything is done
    entries = [(p.uid, p.name) for p in source.processors]
    entries += [(r.uid, r.name) for r in source.recipients]
    entries += [(t.uid, t.title) for t in source.toms]
    if args.names:
        by_name: dict[str, list[str]] = {}
        for uid, name in entries:
            by_name.setdefault(" ".join(name.split()).casefold(), []).append(uid)
        uids: list[str] = []
        for name in args.names:
            found = by_name.get(" ".join(name.split()).casefold())
            if not found:
                raise CommandError(MSG["unknown_entry"], name=name, org=args.source)
            uids += found
    else:
        uids = [uid for uid, _ in entries]
    if not uids:
        raise CommandError(MSG["empty"], org=args.source)
    mapping = store.copy_catalogue_entries(
        args.source, args.target, uids, with_notes=args.with_notes
    )
    names = {uid: name for uid, name in entries}
    print(
        MSG["copied"](
            n=len(mapping), to=args.target, names=", ".join(names.get(uid, uid) for uid in mapping)
        )
    )
    return 0
