"""Transfer safeguards that name their third country.

A register without a third-country column writes the country into the safeguard cell:
"EU: adequacy; US: SCCs Module 2" (``Transfer Mechanism`` of Rbit27/form, docs/ROPA.md,
commit 1da5902), "USA – Standardvertragsklauseln Modul 2", "SCC Modul 2 (USA)".
:func:`add_named_transfers` reads country and safeguard of each part of such a cell with
the import's country and mechanism parsers (the reverse of a country cell with its
safeguard, "USA (Standardvertragsklauseln)") and adds the transfers to the activity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ropa_desktop.domain import model as m
from ropa_desktop.domain import parsing
from ropa_desktop.io.importing.cell_text import parse_countries, parse_mechanism, short
from ropa_desktop.io.importing.report import MSG, Note, Status

_PARTS = re.compile(r"\s*[;\n]\s*")
# "US: SCCs Module 2", "USA – Standardvertragsklauseln Modul 2": country, then the safeguard
_LEADING = re.compile(r"^(?P<country>[^:–—()]+?)\s*(?::|\s[–—-]\s)\s*(?P<safeguard>.+)$")
# "SCC Modul 2 (USA)" or "USA (SCC Modul 2)"
_BRACKETED = re.compile(r"^(?P<first>[^()]+?)\s*\((?P<second>[^()]+)\)$")


@dataclass(frozen=True)
class NamedTransfer:
    """One part of a safeguard cell that names its countries and a safeguard."""

    written: str
    codes: tuple[str, ...]
    mechanism: str
    """The transfer-mechanism id, "" for standard clauses without a module."""
    mechanism_text: str


def _countries(text: str) -> tuple[str, ...]:
    """The countries of ``text`` when it is nothing but countries ("USA", "USA, Kanada")."""
    codes, explicit_none, rest = parse_countries(text.strip())
    return tuple(codes) if codes and not explicit_none and not rest.strip() else ()


def read_part(part: str) -> NamedTransfer | None:
    """Countries and safeguard of one part of a safeguard cell, or None when the part does
    not consist of countries and a recognised safeguard (a mechanism, or standard clauses
    without a module)."""
    candidates: list[tuple[str, str]] = []
    leading = _LEADING.match(part)
    if leading is not None:
        candidates.append((leading["country"], leading["safeguard"]))
    bracketed = _BRACKETED.match(part)
    if bracketed is not None:
        candidates += [
            (bracketed["second"], bracketed["first"]),
            (bracketed["first"], bracketed["second"]),
        ]
    for country, safeguard in candidates:
        codes = _countries(country)
        if not codes:
            continue
        safeguard = safeguard.strip()
        mechanism, kept = parse_mechanism(safeguard)
        if mechanism or parsing.names_standard_clauses(safeguard):
            return NamedTransfer(part, codes, mechanism, kept)
    return None


def add_named_transfers(act: m.Activity, cell: str, ref: str, report: list[Note]) -> list[str]:
    """Add the transfers that the parts of safeguard cell ``cell`` name ("US: SCCs Module
    2") to ``act``, with a report line at ``ref`` for each; returns the parts that name
    no country (all of them when none does)."""
    parts = [p for p in _PARTS.split(cell.strip()) if p]
    found = [read_part(p) for p in parts]
    if not any(found):
        return parts
    for part, named in zip(parts, found, strict=True):
        if named is None:
            continue
        for code in named.codes:
            act.transfers.append(
                m.Transfer(
                    country=code, mechanism=named.mechanism, mechanism_text=named.mechanism_text
                )
            )
        report.append(Note(Status.OK, ref, MSG["safeguard_country"](text=short(part, 60))))
        if not named.mechanism:
            report.append(
                Note(
                    Status.WARNING,
                    ref,
                    MSG["scc_no_module"](text=short(named.mechanism_text or part, 40)),
                )
            )
    return [part for part, named in zip(parts, found, strict=True) if named is None]
