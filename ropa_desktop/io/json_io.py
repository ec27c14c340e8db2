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

import jsonschema
from jsonschema.exceptions import best_match

from ropa_desktop.domain import model
from ropa_desktop.domain.codec import DecodeError, register_from_document, register_to_document
from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.integrity import integrity_problems
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.io.atomic import atomic_text
from ropa_desktop.store.repository import ImportResult, Store, StoreError

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "register.schema.json"
MAX_JSON_BYTES = 256 * 1024 * 1024
"""Larger files are refused before reading (a full 20,000-activity register is ~60 MB)."""


class InputError(LocalizedError):
    """A file cannot be read as what it claims to be; nothing was written."""


MSG_TOO_BIG = Text(
    de="{file}: Die Datei ist mit {size} MB zu groß (höchstens {limit} MB).",
    en="{file}: the file is too large ({size} MB; at most {limit} MB).")
MSG_NOT_FOUND = Text(de="{file}: Datei nicht gefunden.", en="{file}: file not found.")
MSG_UNREADABLE = Text(de="{file}: Datei nicht lesbar: {problem}",
                      en="{file}: cannot read the file: {problem}")
MSG_SYNTAX = Text(
    de="{file}: kein gültiges JSON (Zeile {line}, Spalte {col}): {problem}",
    en="{file}: not valid JSON (line {line}, column {col}): {problem}")
MSG_ENCODING = Text(de="{file}: Die Datei ist nicht UTF-8-kodiert.",
                    en="{file}: the file is not UTF-8 encoded.")
MSG_NESTING = Text(de="{file}: Die Daten sind zu tief verschachtelt.",
                   en="{file}: the data is nested too deeply.")
MSG_INVALID = Text(de="{file}: {path}: {problem}", en="{file}: {path}: {problem}")
MSG_DUPLICATE_KEY = Text(de="{file}: Der Schlüssel „{key}“ steht in einem Objekt doppelt.",
                         en="{file}: the key “{key}” occurs twice in one object.")
MSG_REFUSED = Text(de="{file}: {problem}", en="{file}: {problem}")


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


@cache
def register_schema() -> dict[str, Any]:
    """The JSON Schema of register documents, as shipped in ``schemas/``."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _schema_problem(error: jsonschema.ValidationError) -> str:
    """A one-line description of a schema violation without dumping the whole value."""
    validator = error.validator
    if validator == "type":
        return f"{_short(error.instance)} should be of type {error.validator_value}"
    if validator == "enum":
        allowed = ", ".join(json.dumps(v) for v in error.validator_value)
        return f"{_short(error.instance)} is not one of {allowed}"
    if validator == "const":
        return f"expected {json.dumps(error.validator_value)}"
    if validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"unknown field {', '.join(extra)}"
    if validator == "required":
        return error.message.replace("'", "")
    if validator == "pattern":
        return f"{_short(error.instance)} has the wrong form"
    if validator == "minimum":
        return f"{_short(error.instance)} must be at least {error.validator_value}"
    if validator == "maximum":
        return f"{_short(error.instance)} must be at most {error.validator_value}"
    if validator == "minLength":
        return "must not be empty"
    return error.message if len(error.message) < 200 else error.message[:197] + "…"


def document_to_register(doc: Any, source: str) -> model.Register:
    """Validate a parsed document and turn it into a register, or raise :class:`InputError`."""
    validator = jsonschema.Draft202012Validator(register_schema())
    error = best_match(validator.iter_errors(doc))
    if error is not None:
        raise InputError(MSG_INVALID, file=source, path=error.json_path,
                         problem=_schema_problem(error))
    try:
        register = register_from_document(doc)
    except DecodeError as exc:
        raise InputError(MSG_INVALID, file=source, path=exc.path, problem=exc.problem) from None
    problems = integrity_problems(register)
    if problems:
        raise InputError(MSG_INVALID, file=source, path=problems[0].path,
                         problem=problems[0].message)
    return register


def read_register(path: Path) -> model.Register:
    """Read and validate a register document from ``path``."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(MSG_NOT_FOUND, file=name) from None
    except OSError as exc:
        raise InputError(MSG_UNREADABLE, file=name, problem=exc.strerror or str(exc)) from None
    if size > MAX_JSON_BYTES:
        raise InputError(MSG_TOO_BIG, file=name, size=size // 2**20, limit=MAX_JSON_BYTES // 2**20)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(MSG_UNREADABLE, file=name, problem=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(MSG_ENCODING, file=name) from None
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise InputError(MSG_SYNTAX, file=name, line=exc.lineno, col=exc.colno,
                         problem=exc.msg) from None
    except _DuplicateKey as exc:
        raise InputError(MSG_DUPLICATE_KEY, file=name, key=exc.args[0]) from None
    except RecursionError:
        raise InputError(MSG_NESTING, file=name) from None
    except ValueError as exc:  # e.g. an integer literal of thousands of digits
        raise InputError(MSG_SYNTAX, file=name, line="?", col="?",
                         problem=str(exc).splitlines()[0]) from None
    try:
        return document_to_register(doc, name)
    except RecursionError:
        raise InputError(MSG_NESTING, file=name) from None


def import_json(store: Store, path: Path, *,
                dry_run: bool = False) -> tuple[model.Register, ImportResult]:
    """Read ``path`` and add it to the store in one transaction.

    With ``dry_run`` the import runs in full and is rolled back, so it reports
    every problem the real import would meet and writes nothing.
    """
    register = read_register(path)
    try:
        result = store.import_register(register, description=f"JSON: {Path(path).name}",
                                       dry_run=dry_run)
    except StoreError as exc:
        raise InputError(MSG_REFUSED, file=str(path), problem=exc.message()) from None
    return register, result


def dumps(register: model.Register, *, include_history: bool = False) -> str:
    """The canonical text of a register document (stable key order, UTF-8, indented)."""
    doc = register_to_document(register, include_history=include_history)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def export_json(store: Store, target: Path, *, organisation: str | None = None,
                include_history: bool = False, progress: Progress = SILENT) -> model.Register:
    """Write the register (or one organisation's) to ``target`` atomically."""
    progress.step(0, 2, "load")
    register = store.load_register(organisation, include_history=include_history)
    with atomic_text(Path(target)) as fh:
        fh.write(dumps(register, include_history=include_history))
        progress.step(1, 2, "written")  # a cancel here still leaves the old file in place
    progress.step(2, 2, "done")
    return register
