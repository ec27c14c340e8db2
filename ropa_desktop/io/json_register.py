"""The JSON interchange format: export a register to a file, read one back.

Reading checks, in this order and before anything is written: the file's size,
its JSON syntax, the JSON Schema (``schemas/register.schema.json``) and the
references between records. The first problem is reported with the file and
the JSON path (``$.organisations[0].activities[3].purposes``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from ropa_desktop.domain import model
from ropa_desktop.domain.codec import (
    FORMAT_NAME,
    DecodeError,
    register_from_document,
    register_to_document,
)
from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.integrity import integrity_problems
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.domain.resources import schemas_dir
from ropa_desktop.io.files import MSG_INVALID, MSG_NESTING, atomic_text, check_schema, read_json
from ropa_desktop.store.repository import ImportResult, Store, StoreError

SCHEMA_PATH = schemas_dir() / "register.schema.json"
MAX_JSON_BYTES = 256 * 1024 * 1024
"""Larger files are refused before reading (a full 20,000-activity register is ~60 MB)."""


class InputError(LocalizedError):
    """A file cannot be read as what it claims to be; nothing was written."""


MSG_REFUSED = Text(de="{file}: {problem}", en="{file}: {problem}")


@cache
def register_schema() -> dict[str, Any]:
    """The JSON Schema of register documents, as shipped in ``schemas/``."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def document_to_register(doc: Any, source: str) -> model.Register:
    """Validate a parsed document and turn it into a register, or raise :class:`InputError`."""
    check_schema(doc, register_schema(), file=source, error=InputError)
    try:
        register = register_from_document(doc)
    except DecodeError as exc:
        raise InputError(MSG_INVALID, file=source, path=exc.path, problem=exc.problem) from None
    problems = integrity_problems(register)
    if problems:
        raise InputError(
            MSG_INVALID, file=source, path=problems[0].path, problem=problems[0].message
        )
    return register


MSG_NOT_OURS = Text(
    de="{file}: Diese JSON-Datei ist kein Verzeichnis im Format von ropa-desktop "
    "(„format“: „ropa-desktop/register“ fehlt){looks}.",
    en="{file}: this JSON file is not a register in ropa-desktop's format "
    "(“format”: “ropa-desktop/register” is missing){looks}.",
)
LOOKS_LIKE = {
    "mapping": Text(
        de="; es ist ein Zuordnungsprofil für den Tabellen-Import (--mapping)",
        en="; it is a mapping profile for spreadsheet imports (--mapping)",
    ),
    "nl-rdo": Text(
        de="; sie sieht aus wie ein Export des niederländischen Verarbeitungsregisters "
        "(minvws nl-rdo-dataprocessing-register), den die Befehlszeile übernimmt: "
        "ropa-desktop import DATEI --org NAME",
        en="; it looks like an export of the Dutch data-processing register (minvws "
        "nl-rdo-dataprocessing-register), which the command line migrates: "
        "ropa-desktop import FILE --org NAME",
    ),
    "list": Text(
        de="; sie enthält eine Liste statt eines Verzeichnis-Dokuments",
        en="; it holds a list instead of a register document",
    ),
}
PROFILE_FORMAT = "ropa-desktop/import-mapping"
"""The format of mapping profiles (``io.importing.mapping``), recognised to say so."""
_NL_RDO_KEYS = frozenset({"Naam", "Doelen", "Betrokkenen", "Verwerkers", "Ontvangers", "Nummer"})
"""Keys of a record of the Dutch register (src/cms/app/Import/Factories/Avg/…Factory.php)."""


def _not_ours(doc: Any, name: str) -> InputError | None:
    """The refusal of a JSON document that is not a register of this application."""
    if isinstance(doc, dict) and doc.get("format") == FORMAT_NAME:
        return None
    records = doc if isinstance(doc, list) else [doc]
    first = next((r for r in records if isinstance(r, dict)), {})
    if isinstance(doc, dict) and doc.get("format") == PROFILE_FORMAT:
        looks = LOOKS_LIKE["mapping"]
    elif len(_NL_RDO_KEYS & set(first)) >= 3:
        looks = LOOKS_LIKE["nl-rdo"]
    elif isinstance(doc, list):
        looks = LOOKS_LIKE["list"]
    else:
        looks = Text("", "")
    return InputError(
        Text(
            de=MSG_NOT_OURS.de.replace("{looks}", looks.de.replace("{", "{{")),
            en=MSG_NOT_OURS.en.replace("{looks}", looks.en.replace("{", "{{")),
        ),
        file=name,
    )


def read_register(path: Path) -> model.Register:
    """Read and validate a register document from ``path``; a JSON file in another format
    is refused in the user's language, naming the format when it is recognised."""
    path = Path(path)
    name = str(path)
    doc = read_json(path, max_bytes=MAX_JSON_BYTES, error=InputError)
    refusal = _not_ours(doc, name)
    if refusal is not None:
        raise refusal
    try:
        return document_to_register(doc, name)
    except RecursionError:
        raise InputError(MSG_NESTING, file=name) from None


def import_json(
    store: Store, path: Path, *, dry_run: bool = False
) -> tuple[model.Register, ImportResult]:
    """Read ``path`` and add it to the store in one transaction.

    With ``dry_run`` the import runs in full and is rolled back, so it reports
    every problem the real import would meet and writes nothing.
    """
    register = read_register(path)
    try:
        result = store.import_register(
            register, description=f"JSON: {Path(path).name}", dry_run=dry_run
        )
    except StoreError as exc:
        raise InputError(MSG_REFUSED, file=str(path), problem=exc.message()) from None
    return register, result


def dumps(register: model.Register, *, include_history: bool = False) -> str:
    """The canonical text of a register document (stable key order, UTF-8, indented)."""
    doc = register_to_document(register, include_history=include_history)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def export_json(
    store: Store,
    target: Path,
    *,
    organisation: str | None = None,
    include_history: bool = False,
    progress: Progress = SILENT,
) -> model.Register:
    """Write the register (or one organisation's) to ``target`` atomically."""
    progress.step(0, 2, "load")
    register = store.load_register(organisation, include_history=include_history)
    with atomic_text(Path(target)) as fh:
        fh.write(dumps(register, include_history=include_history))
        progress.step(1, 2, "written")  # a cancel here still leaves the old file in place
    progress.step(2, 2, "done")
    return register
