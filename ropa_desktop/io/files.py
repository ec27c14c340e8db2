"""Files on disk: writing them atomically, reading the JSON files users hand in.

Writing: a failure never leaves a half-written file under the target name
(:func:`atomic_path`, :func:`atomic_text`).

Reading the JSON files users hand in (registers, mapping profiles, templates):
one way for all of them: the size is checked before reading, the text must be
UTF-8, duplicate keys are refused, and every problem is one line naming the file
and, for schema violations, the JSON path. Callers pass their own error class.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, cast

import jsonschema
from jsonschema.exceptions import best_match

from ropa_desktop.domain.i18n import LocalizedError, Text


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    On any exception (including cancellation) the temporary file is removed
    and ``target`` is left as it was.
    """
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp creates 0600; give the file the mode the target has, or a normal new file's.
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text(target: Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open a text stream whose content replaces ``target`` only when the block succeeds."""
    with atomic_path(target) as tmp, open(tmp, "w", encoding=encoding, newline="\n") as fh:
        yield fh


# ------------------------------------------------------------ reading JSON

MSG_NOT_FOUND = Text(de="{file}: Datei nicht gefunden.", en="{file}: file not found.")
MSG_UNREADABLE = Text(
    de="{file}: Datei nicht lesbar: {problem}", en="{file}: cannot read the file: {problem}"
)
MSG_TOO_BIG = Text(
    de="{file}: Die Datei ist zu groß ({size}; höchstens {limit}).",
    en="{file}: the file is too large ({size}; at most {limit}).",
)
MSG_ENCODING = Text(
    de="{file}: Die Datei ist nicht UTF-8-kodiert.", en="{file}: the file is not UTF-8 encoded."
)
MSG_SYNTAX = Text(
    de="{file}: kein gültiges JSON (Zeile {line}, Spalte {col}): {problem}",
    en="{file}: not valid JSON (line {line}, column {col}): {problem}",
)
MSG_NESTING = Text(
    de="{file}: Die Daten sind zu tief verschachtelt.", en="{file}: the data is nested too deeply."
)
MSG_DUPLICATE_KEY = Text(
    de="{file}: Der Schlüssel „{key}“ steht in einem Objekt doppelt.",
    en="{file}: the key “{key}” occurs twice in one object.",
)
MSG_INVALID = Text(de="{file}: {path}: {problem}", en="{file}: {path}: {problem}")


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _size(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{max(1, n // 1024)} KB"


def read_json(path: Path, *, max_bytes: int, error: type[LocalizedError]) -> Any:
    """The parsed content of ``path``; any problem raises ``error`` in one line."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise error(MSG_TOO_BIG, file=name, size=_size(size), limit=_size(max_bytes))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(MSG_NOT_FOUND, file=name) from None
    except OSError as exc:
        raise error(MSG_UNREADABLE, file=name, problem=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(MSG_ENCODING, file=name) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise error(
            MSG_SYNTAX, file=name, line=exc.lineno, col=exc.colno, problem=exc.msg
        ) from None
    except _DuplicateKey as exc:
        raise error(MSG_DUPLICATE_KEY, file=name, key=exc.args[0]) from None
    except RecursionError:
        raise error(MSG_NESTING, file=name) from None
    except ValueError as exc:  # e.g. an integer literal of thousands of digits
        raise error(
            MSG_SYNTAX,
            file=name,
            line="?",
            col="?",
            problem=str(exc).splitlines()[0] if str(exc) else "",
        ) from None


def check_schema(
    doc: Any,
    schema: dict[str, Any],
    *,
    file: str,
    error: type[LocalizedError],
    enum_noun: str | None = None,
) -> None:
    """Raise ``error`` naming the JSON path of the most relevant schema violation, if any.

    ``enum_noun`` words a value outside a long list briefly ("is not a known target").
    """
    found = best_match(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    if found is not None:
        raise error(
            MSG_INVALID,
            file=file,
            path=found.json_path,
            problem=schema_problem(found, enum_noun=enum_noun),
        )


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def schema_problem(error: jsonschema.ValidationError, *, enum_noun: str | None = None) -> str:
    """A one-line description of a schema violation without dumping the whole value."""
    validator = error.validator
    if validator == "enum" and enum_noun:
        return f"{_short(error.instance)} is not a known {enum_noun}"
    if validator == "type":
        return f"{_short(error.instance)} should be of type {error.validator_value}"
    if validator == "enum":
        # the schema's "enum" array (typed loosely by jsonschema, which may leave it unset)
        values = [
            json.dumps(v, ensure_ascii=False) for v in cast("list[Any]", error.validator_value)
        ]
        allowed = ", ".join(values[:10]) + (
            f" … ({len(values)} in all)" if len(values) > 10 else ""
        )
        return f"{_short(error.instance)} is not one of {allowed}"
    if validator == "const":
        return f"expected {json.dumps(error.validator_value)}"
    if validator == "additionalProperties":
        # the object that failed and its schema (typed loosely by jsonschema)
        instance = cast("Mapping[str, Any]", error.instance)
        schema = cast("Mapping[str, Any]", error.schema)
        extra = sorted(set(instance) - set(schema.get("properties", {})))
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
