"""Field-by-field differences between two versions of a record, for the history.

Fields are named by their path in the dictionary form (``purposes[1].text``,
``dpia.result``); lists of plain values are compared as one field. Values are
rendered as text: strings as they are, everything else as compact JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ropa_desktop.domain.codec import to_dict

IGNORED_FIELDS = frozenset({"changed"})


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed field: its path and the old and new value as text (None = absent)."""

    field: str
    old: str | None
    new: str | None


def render(value: Any) -> str:
    """A value as the history shows it."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """Dictionary form flattened to ``path -> leaf value`` (plain lists are leaves)."""
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else key))
    elif isinstance(data, list) and any(isinstance(v, dict | list) for v in data):
        for i, value in enumerate(data):
            out.update(flatten(value, f"{prefix}[{i}]"))
        if not data:
            out[prefix] = []
    else:
        out[prefix] = data
    return out


def diff(old: Any, new: Any) -> list[FieldChange]:
    """Changes from ``old`` to ``new`` (domain objects of the same type), in field order."""
    before = {k: v for k, v in flatten(to_dict(old)).items() if k not in IGNORED_FIELDS}
    after = {k: v for k, v in flatten(to_dict(new)).items() if k not in IGNORED_FIELDS}
    changes = []
    for key in list(before) + [k for k in after if k not in before]:
        a, b = before.get(key, _MISSING), after.get(key, _MISSING)
        if a == b:
            continue
        changes.append(
            FieldChange(
                key,
                None if a is _MISSING else render(a),
                None if b is _MISSING else render(b),
            )
        )
    return changes


_MISSING = object()
