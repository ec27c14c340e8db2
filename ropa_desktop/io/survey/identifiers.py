"""The hidden identifiers of a questionnaire workbook and their signature.

A questionnaire carries a very hidden sheet (``_ropa``) whose rows are JSON arrays: the
format, the database, organisation and department it was sent for, one row per answer
sheet (the activity uid and the version sent, or a blank sheet), one row per item (where
its answer cells are and the value that was sent), the drop-down lists (label ↔ id) and
last an HMAC-SHA256 signature over all of them with the database's secret. A changed
identifier breaks the signature; a workbook of another database names another database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

FORMAT = "ropa-desktop-survey"
FORMAT_VERSION = 1
IDS_SHEET = "_ropa"
LISTS_SHEET = "Listen"
CHUNK = 30000
"""Characters per cell of an identifier row (a cell holds at most 32,767)."""


def encode(row: list[Any]) -> list[str]:
    """One identifier row as the texts of its cells (JSON, split into chunks)."""
    text = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
    return [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)] or ["[]"]


def signature(secret: str, rows: list[list[Any]]) -> str:
    """The signature of the identifier rows with the database's secret."""
    payload = json.dumps(rows, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


def signature_ok(secret: str, rows: list[list[Any]], given: str) -> bool:
    """True when ``given`` is the signature of ``rows`` with ``secret``."""
    return hmac.compare_digest(signature(secret, rows), given)
