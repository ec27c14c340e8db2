"""The list of attachments an export prints (name, size, date — never the content).

Only files of the records the export holds are listed: the organisation's activities in
the controller register, and the processors the exported entries use (with their
subprocessors, recursively) in both registers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ropa_desktop.domain.attachments import AttachmentInfo, format_size
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import Organisation, Register

HEADING = Text("Anlagen (Dateien beim Verzeichnis)", "Attachments (files kept with the record)")
NOTE = Text(
    "Die Dateien selbst sind nicht Teil dieses Dokuments; sie liegen in der Datenbank des "
    "Verzeichnisses und werden auf Anfrage vorgelegt.",
    "The files themselves are not part of this document; they are kept in the register's "
    "database and are available on request.",
)
KIND = {
    "activity": Text("Verarbeitungstätigkeit", "Processing activity"),
    "processor": Text("Auftragsverarbeiter", "Processor"),
}
COLUMNS = (
    Text("Gehört zu", "Belongs to"),
    Text("Datensatz", "Record"),
    Text("Datei", "File"),
    Text("Größe", "Size"),
    Text("Hinzugefügt am", "Added on"),
)


@dataclass(frozen=True, slots=True)
class ListedAttachment:
    """One line of the list: what the file belongs to, its name, size and date."""

    kind: str
    record: str
    name: str
    size: str
    added: date
    owner_uid: str


def listed_attachments(
    register: Register,
    org: Organisation,
    register_kind: str,
    attachments: Sequence[AttachmentInfo],
    lang: str,
) -> list[ListedAttachment]:
    """The attachments of the records in the export, by record and name."""
    records: dict[str, tuple[str, str]] = {}
    used: list[str] = []
    if register_kind == "controller":
        for a in org.activities:
            label = f"{a.reference.strip()} {a.name.strip()}".strip()
            records[a.uid] = ("activity", label)
            used += [link.processor for link in a.processors]
            used += [t.processor for t in a.transfers if t.processor]
    else:
        for s in org.services:
            used += [link.processor for link in s.subprocessors]
            used += [t.processor for t in s.transfers if t.processor]
    processors = register.processors_by_uid()
    seen: set[str] = set()
    while used:  # subprocessors of used processors are used too
        uid = used.pop()
        if uid in seen or uid not in processors:
            continue
        seen.add(uid)
        records[uid] = ("processor", processors[uid].name.strip())
        used += [link.processor for link in processors[uid].subprocessors]
    out = [
        ListedAttachment(
            KIND[records[info.owner_uid][0]](lang),
            records[info.owner_uid][1],
            info.name,
            format_size(info.size, lang),
            info.added.astimezone().date(),
            info.owner_uid,
        )
        for info in attachments
        if info.owner_uid in records and records[info.owner_uid][0] == info.owner_kind
    ]
    return sorted(out, key=lambda x: (x.kind, x.record.casefold(), x.name.casefold()))
