"""JSON Schema (2020-12) of the register interchange document, derived from the model.

The schema in ``schemas/register.schema.json`` is this function's output; a test
keeps the two identical, so the documented format cannot drift from the code.
Field descriptions come from the dataclass docstrings and :data:`FIELD_DOCS`.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any

from ropa_desktop.domain import model
from ropa_desktop.domain.codec import FORMAT_NAME, MAX_INT, READABLE_VERSIONS

SCHEMA_ID = "https://ropa-desktop.invalid/schemas/register.schema.json"

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"

REQUIRED: dict[type, list[str]] = {
    model.Organisation: ["name"],
    model.Processor: ["name"],
}

NON_EMPTY = frozenset({"uid", "processor"})
"""Identifiers and links must not be empty strings."""

FIELD_DOCS: dict[str, str] = {
    "uid": "Stable identifier; links between records use it.",
    "legal_bases": "Vocabulary ids (art6-1-e, art9-2-b, bdsg-26 …) or a provision as written.",
    "land": "ISO 3166-2 code of the German Land, e.g. DE-NW.",
    "public_body": (
        "Performs public tasks / is a public body under Land law: true or false as the DPO "
        "answered; null = not answered, the legal form decides (public-law forms are)."
    ),
    "country": "ISO 3166-1 alpha-2 code (or int-epo for an international organisation).",
    "mechanism": "Transfer-mechanism vocabulary id (adequacy, dpf, scc-2 …) or empty.",
    "supervisory_authority": "Supervisory-authority vocabulary id, e.g. nw-ldi.",
    "processor": "uid of a processor in $.processors.",
    "recipients": "uids of recipients in $.recipients.",
    "toms": "uids of TOM catalogue entries in $.toms.",
    "sdm_goal": "SDM goal vocabulary id, e.g. confidentiality.",
    "owner": "uid of the organisation in $.organisations the entry belongs to; its records "
    "link only entries of their own organisation.",
    "archived": "When the organisation was archived, or null.",
}


def _doc(cls: type) -> str:
    return inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0].replace("\n", " ")


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return {"anyOf": [_type_schema(args[0], defs), {"type": "null"}]}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item, defs)}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        _add_def(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if tp is datetime:
        return {"type": "string", "pattern": DATETIME_PATTERN}
    if tp is date:
        return {"type": "string", "pattern": DATE_PATTERN}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer", "minimum": 0, "maximum": MAX_INT}
    if tp is str:
        return {"type": "string"}
    raise TypeError(f"no schema for {tp!r}")  # pragma: no cover - programming error


def _add_def(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls, vars(model))
    props: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.metadata.get(model.STORE_ONLY):
            continue
        prop = _type_schema(hints[f.name], defs)
        if f.name in NON_EMPTY and hints[f.name] is str:
            prop = {**prop, "minLength": 1}
        if f.name in FIELD_DOCS:
            prop = {"description": FIELD_DOCS[f.name], **prop}
        props[f.name] = prop
    entry: dict[str, Any] = {
        "type": "object",
        "description": _doc(cls),
        "properties": props,
        "additionalProperties": False,
    }
    # what the importer matches records by: a record without its uid would be imported as
    # a new duplicate of itself
    required = (["uid"] if "uid" in props else []) + REQUIRED.get(cls, [])
    if required:
        entry["required"] = required
    defs[cls.__name__] = entry


def register_schema() -> dict[str, Any]:
    """The JSON Schema of a register document."""
    defs: dict[str, Any] = {}
    _add_def(model.Register, defs)
    register_def = defs.pop("Register")
    props = {
        "format": {"const": FORMAT_NAME},
        "version": {
            "description": "2; a document of version 1 (catalogues shared by all "
            "organisations, no owner) is read too.",
            "enum": list(READABLE_VERSIONS),
        },
        **register_def["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "ropa-desktop register",
        "description": (
            "A record of processing activities (Art. 30 GDPR) as exported by ropa-desktop: "
            "organisations with their activities and processing services, the catalogues "
            "of processors, recipients and TOMs (each entry owned by one organisation), and "
            "optionally the change history."
        ),
        "type": "object",
        "required": ["format", "version", "organisations"],
        "properties": props,
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }
