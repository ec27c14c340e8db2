"""The demo register: five organisations as their privacy notices describe them.

Source of every fact is one of five privacy notices the organisations published on
their websites (Stadtwerke Gütersloh: online consultation via Flexperto; Stadtwerke
Bochum: website; Stadtwerke Herne: video consultation via Microsoft Teams; Stadt Ahaus:
AHAUS.NET; Komm.ONE: Virtuelle Poststelle), as listed in ``docs/template-format.md``.
The texts are written as a data protection officer would record them; nothing is added
that the notices do not say. Where a notice is silent the field stays empty on purpose, so that
``ropa-desktop check`` shows the gaps a real DPO would have to close (missing
legal bases, retention periods, transfer mechanisms, TOMs, contract dates).
The few additions from our own knowledge are marked as such in a ``_comment``
and in the record's notes.

The data lives in ``resources/demo/register.json``, in the dictionary form of
:mod:`ropa_desktop.domain.codec` (fields left out take the model's defaults), with
three differences that this loader resolves:

* a string ``"@key"`` (e.g. ``"@org/ahaus"``, ``"@processor/flexperto"``) is the uid
  :func:`demo_uid` derives from the readable ``key``, wherever a uid or a reference
  to one stands;
* an object ``{"days_ago": n}`` or ``{"days_ahead": n}`` in place of a date is the day
  ``n`` days before or after ``today``; with ``"time": "HH:MM"`` it is that time of
  that day in UTC (creation and change timestamps);
* keys starting with ``_`` (``_about``, ``_comment``) are remarks for the reader and
  are dropped.

The register is reproducible: uids are derived from readable keys with
:func:`uuid.uuid5`, and all timestamps are fixed relative to ``today``.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from functools import cache
from typing import Any

from ropa_desktop.domain import codec
from ropa_desktop.domain.model import Register
from ropa_desktop.domain.resources import resources_dir

DEMO_PATH = resources_dir() / "demo" / "register.json"
"""The demo register as data (format: see the module docstring)."""

DEMO_NAMESPACE = uuid.UUID("5b0f6a1e-3c2d-4e8f-9a7b-d3e0c1f2a4b6")
"""Fixed namespace of the demo uids; never change it, or demo databases stop matching."""


def demo_uid(key: str) -> str:
    """The stable uid of the demo entity with the readable ``key`` (e.g. ``"org/ahaus"``)."""
    return uuid.uuid5(DEMO_NAMESPACE, key).hex


@cache
def _data() -> Any:
    return json.loads(DEMO_PATH.read_text(encoding="utf-8"))


def _resolve(value: Any, today: date) -> Any:
    """``value`` with uid keys, relative dates and remarks resolved for ``today``."""
    if isinstance(value, dict):
        if "days_ago" in value or "days_ahead" in value:
            day = today + timedelta(days=value.get("days_ahead", 0) - value.get("days_ago", 0))
            when = value.get("time")
            return day.isoformat() if when is None else f"{day.isoformat()}T{when}:00Z"
        return {k: _resolve(v, today) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_resolve(item, today) for item in value]
    if isinstance(value, str) and value.startswith("@"):
        return demo_uid(value[1:])
    return value


def build_demo_register(today: date) -> Register:
    """The demo register as of ``today``: five organisations from the seed notices."""
    return codec.from_dict(Register, _resolve(_data(), today))


__all__ = ["DEMO_NAMESPACE", "DEMO_PATH", "build_demo_register", "demo_uid"]
