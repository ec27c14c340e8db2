"""Reference numbers of activities: recognise an organisation's scheme and continue it.

A DPO numbers activities with a prefix and a running number (``VT-013``, ``VVT 2024/07``,
``A12``). The scheme is read from the references already in use: the prefix used most
often before a trailing number, and the widest zero-padding seen with it. New numbers
continue after the highest number with that prefix and never repeat a reference in use.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_PREFIX = "VT-"
"""Prefix of the scheme when an organisation has no numbered reference yet."""
DEFAULT_WIDTH = 3

_NUMBERED = re.compile(r"^(?P<prefix>.*?)(?P<number>\d+)$")


@dataclass(frozen=True, slots=True)
class NumberingScheme:
    """A prefix, a zero-padded width and the highest number in use with that prefix."""

    prefix: str = DEFAULT_PREFIX
    width: int = DEFAULT_WIDTH
    highest: int = 0

    def format(self, number: int) -> str:
        """The reference for ``number`` in this scheme (``VT-`` and 14 → ``VT-014``)."""
        return f"{self.prefix}{number:0{self.width}d}"


def detect_scheme(references: Iterable[str]) -> NumberingScheme:
    """The scheme the given references follow (the default ``VT-001`` scheme if none)."""
    prefixes: Counter[str] = Counter()
    widths: dict[str, int] = {}
    highest: dict[str, int] = {}
    for reference in references:
        match = _NUMBERED.match(reference.strip())
        if match is None:
            continue
        prefix, digits = match["prefix"], match["number"]
        prefixes[prefix] += 1
        padded = len(digits) if digits.startswith("0") else 0
        widths[prefix] = max(widths.get(prefix, 0), padded)
        highest[prefix] = max(highest.get(prefix, 0), int(digits))
    if not prefixes:
        return NumberingScheme()
    # Most used prefix; ties go to the one with the higher number (the newer scheme).
    prefix = max(prefixes, key=lambda p: (prefixes[p], highest[p]))
    return NumberingScheme(prefix, max(widths[prefix], 1), highest[prefix])


def next_references(existing: Iterable[str], count: int) -> list[str]:
    """``count`` new references continuing the scheme of ``existing``, none already in use."""
    used = {reference.strip() for reference in existing}
    scheme = detect_scheme(used)
    out: list[str] = []
    number = scheme.highest
    while len(out) < count:
        number += 1
        candidate = scheme.format(number)
        if candidate not in used:
            out.append(candidate)
            used.add(candidate)
    return out
