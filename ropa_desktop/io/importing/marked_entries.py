"""Entries of a recipients column that say themselves what they are.

Published registers often have one column for recipients and processors
("Empfänger / Auftragsverarbeiter") and mark each entry: "Google LLC — GA4
(Auftragsverarbeiter)", "Finanzamt (Empfänger)". An entry marked as a processor becomes a
processor link of its activity, with the mark removed from the name and the text after a
dash as the service; an entry marked as a recipient stays a recipient without the mark;
an unmarked entry stays a recipient as written.

In a processors column the same marks only restate the column: :func:`processor_parts`
removes them, and splits a service after an em dash as well as after our export's en dash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ropa_desktop.io.importing.cell_text import short, split_service
from ropa_desktop.io.importing.report import MSG, Note, Status

# The trailing brackets that mark an entry as a processor: the German "Auftragsverarbeiter"
# and its abbreviations AV / AVV (the contract, Auftragsverarbeitungsvertrag) and
# "Auftragsverarbeitung", the English "(data) processor" and sub-processors. Compared
# case-insensitively, with the spaces and hyphens of the bracket's text ignored.
PROCESSOR_MARKS = frozenset(
    {
        "auftragsverarbeiter",
        "auftragsverarbeitung",
        "unterauftragsverarbeiter",
        "av",
        "avv",
        "processor",
        "dataprocessor",
        "subprocessor",
    }
)
# The brackets that mark an entry as a recipient (they only need removing from the name).
RECIPIENT_MARKS = frozenset({"empfänger", "empfaenger", "recipient"})

_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")
_DASHES = (" – ", " — ")


@dataclass(frozen=True)
class MarkedProcessor:
    """An entry of a recipients column marked as a processor."""

    written: str
    """The entry as the cell has it, mark included."""
    name: str
    service: str


@dataclass
class MarkedEntries:
    """The entries of a recipients cell, sorted by what their marks say."""

    recipients: list[str] = field(default_factory=list)
    processors: list[MarkedProcessor] = field(default_factory=list)

    def notes(self, ref: str) -> list[Note]:
        """One report line per entry taken as a processor, at cell ``ref``."""
        return [
            Note(Status.OK, ref, MSG["marked_processor"](entry=short(p.written, 70)))
            for p in self.processors
        ]


def _mark(entry: str) -> tuple[str, str]:
    """The entry without a trailing bracket, and the bracket's text folded for comparison
    (both "" parts when the entry ends in no bracket)."""
    match = _BRACKET.search(entry)
    if match is None:
        return entry.strip(), ""
    folded = re.sub(r"[\s\-]+", "", match.group(1)).casefold()
    return entry[: match.start()].strip(), folded


def _service(name: str) -> tuple[str, str]:
    """ "Google LLC — GA4" → ("Google LLC", "GA4"): our export's en dash, or an em dash."""
    for dash in _DASHES:
        if dash in name:
            return split_service(name.replace(dash, " – ", 1))
    return name.strip(), ""


def processor_parts(entry: str) -> tuple[str, str]:
    """Name and service of an entry of a processors column of a file that is not our own
    export: a processor mark is removed ("Microsoft Ireland Operations Ltd. (AV)" →
    "Microsoft Ireland Operations Ltd."), a service follows an en or em dash ("Google LLC —
    GA4" → "Google LLC", "GA4"). Any other bracket is part of the name."""
    if entry.endswith(")"):
        bare, mark = _mark(entry)
        if mark in PROCESSOR_MARKS and bare:
            entry = bare
    if " — " in entry:
        name, service = _service(entry)
        return (name, service) if name else (entry.strip(), "")
    return split_service(entry)


def sort_marked(entries: list[str], read: bool = True) -> MarkedEntries:
    """Sort the entries of a recipients cell: those marked as processors (see
    :data:`PROCESSOR_MARKS`) become :class:`MarkedProcessor`; the others stay recipients,
    without a recipient mark ("Finanzamt (Empfänger)" → "Finanzamt"). Any other bracket
    ("Schufa Holding AG (Wiesbaden)") is part of the name. With ``read`` false every entry
    stays a recipient as written."""
    out = MarkedEntries()
    if not read:
        out.recipients = list(entries)
        return out
    for entry in entries:
        bare, mark = _mark(entry)
        if mark in PROCESSOR_MARKS and bare:
            name, service = _service(bare)
            out.processors.append(MarkedProcessor(entry.strip(), name or bare, service))
        elif mark in RECIPIENT_MARKS and bare:
            out.recipients.append(bare)
        else:
            out.recipients.append(entry)
    return out
