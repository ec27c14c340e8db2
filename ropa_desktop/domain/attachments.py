"""Files a DPO keeps beside a record (processing contract, DPIA, TOM concept): what the
store tells about them, their size limits and how a size is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ropa_desktop.domain.i18n import language

WARN_BYTES = 20 * 1024 * 1024
"""Above this size the window asks before storing a file (it makes every backup bigger)."""
MAX_BYTES = 100 * 1024 * 1024
"""The largest file stored; a bigger one is refused (keep it in the file system instead)."""

OWNER_KINDS = ("activity", "processor")
"""The records a file can belong to: an activity or a processor of the catalogue."""


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    """An attached file without its content."""

    uid: str
    owner_kind: str
    owner_uid: str
    name: str
    size: int
    added: datetime
    user: str = ""


def format_size(size: int, lang: str | None = None) -> str:
    """A file size as people read it: "834 Bytes", "1,5 MB", "20 MB" ("1.5 MB" in English)."""
    lang = lang or language()
    if size < 1024:
        return f"{size} Bytes" if lang == "de" else f"{size} bytes"
    value, unit = size / 1024, "KB"
    for bigger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text.replace('.', ',') if lang == 'de' else text} {unit}"
