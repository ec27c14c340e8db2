"""Dictionary form of the domain objects (the body of the JSON interchange format).

``to_dict`` and ``from_dict`` are exact inverses for every object of
:mod:`ropa_desktop.domain.model`: enums become their values, dates ISO dates,
datetimes ISO timestamps in UTC ending in ``Z``. Every field is always written,
so a document has one canonical form and round trips compare equal.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import UTC, date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar, cast

from ropa_desktop.domain import model
from ropa_desktop.domain.ownership import give_owners

FORMAT_NAME = "ropa-desktop/register"
FORMAT_VERSION = 2
"""Version 2: every processor, recipient and TOM names its organisation (``owner``)."""
READABLE_VERSIONS = (1, 2)
"""Versions read: a version-1 document's shared catalogue entries are copied for each
organisation that uses them (see :func:`ropa_desktop.domain.ownership.give_owners`)."""
MAX_INT = 100_000
"""Largest whole number a field holds (a retention of 100,000 days is already absurd)."""
MIN_YEAR, MAX_YEAR = 1900, 9998
"""Years outside this range are refused: they overflow time-zone arithmetic and servers."""

T = TypeVar("T")


class DecodeError(ValueError):
    """A value does not fit the expected shape; ``path`` is a JSON path like ``$.a[0].b``."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def format_datetime(value: datetime) -> str:
    """ISO 8601 in UTC with a trailing ``Z``, to the second."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datetime(text: str) -> datetime:
    """Inverse of :func:`format_datetime` (also accepts offsets such as ``+01:00``)."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


@cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(model.interchange_fields(cls))


def to_dict(obj: Any) -> Any:
    """Turn a domain object (or list of them) into JSON-ready dicts, lists and scalars."""
    kind = type(obj)
    encode = _ENCODERS.get(kind)
    if encode is None:
        encode = _ENCODERS[kind] = _encoder_for(kind)
    return encode(obj)


def _encoder_for(kind: type) -> Any:
    """The encoding function for one type, chosen once and cached (exports are large)."""
    if dataclasses.is_dataclass(kind):
        names = model.interchange_fields(kind)
        hints = _hints(kind)
        if all(hints.get(name) in _PLAIN for name in names):  # e.g. a contact: no recursion
            return lambda obj: {name: getattr(obj, name) for name in names}
        return lambda obj: {name: to_dict(getattr(obj, name)) for name in names}
    if issubclass(kind, Enum):
        return lambda obj: obj.value
    if issubclass(kind, datetime):
        return format_datetime
    if issubclass(kind, date):
        return lambda obj: obj.isoformat()
    if issubclass(kind, list):
        return lambda obj: [to_dict(item) for item in obj]
    return lambda obj: obj


_PLAIN = (str, int, float, bool)
"""Field types that are their own JSON form."""

_ENCODERS: dict[type, Any] = {str: lambda obj: obj, type(None): lambda obj: obj}


def from_dict(cls: type[T], data: Any, path: str = "$") -> T:
    """Build a ``cls`` instance from its dictionary form; raises :class:`DecodeError`."""
    return cast(T, _decode(cls, data, path))


def _decode(tp: Any, data: Any, path: str) -> Any:
    if tp is str and isinstance(data, str):  # most fields: no need to look further
        return data
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        return _decode(args[0], data, path)
    if origin is list:
        if not isinstance(data, list):
            raise DecodeError(path, "expected a list")
        (item_type,) = typing.get_args(tp)
        return [_decode(item_type, item, f"{path}[{i}]") for i, item in enumerate(data)]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise DecodeError(path, "expected an object")
        hints = _hints(tp)
        unknown = sorted(set(data) - _field_names(tp))
        if unknown:
            raise DecodeError(f"{path}.{unknown[0]}", "unknown field")
        kwargs = {
            name: _decode(hints[name], value, f"{path}.{name}") for name, value in data.items()
        }
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(data)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in tp)
            raise DecodeError(path, f"{data!r} is not one of {allowed}") from None
    if tp is datetime:
        if not isinstance(data, str):
            raise DecodeError(path, "expected a timestamp string")
        try:
            value = parse_datetime(data)
        except (ValueError, OverflowError):
            raise DecodeError(path, f"{data!r} is not an ISO timestamp") from None
        _check_year(value.year, data, path)
        return value
    if tp is date:
        if not isinstance(data, str):
            raise DecodeError(path, "expected a date string")
        try:
            day = date.fromisoformat(data)
        except ValueError:
            raise DecodeError(path, f"{data!r} is not an ISO date (YYYY-MM-DD)") from None
        _check_year(day.year, data, path)
        return day
    if tp is bool:
        if not isinstance(data, bool):
            raise DecodeError(path, "expected true or false")
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise DecodeError(path, "expected a whole number")
        if not 0 <= data <= MAX_INT:
            raise DecodeError(path, f"{data} is not between 0 and {MAX_INT}")
        return data
    if tp is str:
        if not isinstance(data, str):
            raise DecodeError(path, "expected a string")
        return data
    raise TypeError(f"no decoder for {tp!r}")  # pragma: no cover - programming error


def _check_year(year: int, text: str, path: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DecodeError(path, f"{text!r}: the year must lie between {MIN_YEAR} and {MAX_YEAR}")


def register_to_document(
    register: model.Register, *, include_history: bool = False
) -> dict[str, Any]:
    """The full interchange document of a register."""
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "organisations": to_dict(register.organisations),
        "processors": to_dict(register.processors),
        "recipients": to_dict(register.recipients),
        "toms": to_dict(register.toms),
    }
    if include_history:
        doc["history"] = to_dict(register.history)
        if register.versions:
            doc["versions"] = to_dict(register.versions)
    return doc


def register_from_document(doc: Any) -> model.Register:
    """Inverse of :func:`register_to_document`; raises :class:`DecodeError`."""
    if not isinstance(doc, dict):
        raise DecodeError("$", "expected an object")
    if doc.get("format") != FORMAT_NAME:
        raise DecodeError("$.format", f"expected {FORMAT_NAME!r}")
    version = doc.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise DecodeError("$.version", f"unsupported version {version!r}")
    body = {k: v for k, v in doc.items() if k not in ("format", "version")}
    register = from_dict(model.Register, body)
    if version == 1:
        register = give_owners(register)
    return register
