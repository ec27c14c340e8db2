"""Finding an existing processor or recipient for a name as people write it.

"Microsoft Ireland Operations Ltd." and "Microsoft" are the same processor once the
legal form and place words are set aside; "Stadtwerke Herne AG" and "Stadtwerke Bochum
GmbH" are not. Exact names score 100, same core names 99, typos up to 97; below
:data:`FUZZY_LINK` nothing is linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from rapidfuzz import fuzz

FUZZY_LINK = 92
"""Score from which an existing entry is linked (and the link reported for checking)."""


_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)  # asked for every processor, recipient and activity name
def norm(name: str) -> str:
    """A name folded for comparison: case, punctuation and spacing ignored."""
    return " ".join(_NOT_WORD.sub(" ", name.casefold()).split())


_LEGAL_FORMS = re.compile(
    r"\b(gmbh|ag|kg|co|ltd|limited|llc|inc|corp|corporation|se|sas|sarl|operations|"
    r"ireland|deutschland|germany|europe|eu|ug|haftungsbeschränkt|mbh|e v|ev|aör|kdör)\b"
)


def core(name: str) -> str:
    """A company name without legal form and place words, for matching."""
    return " ".join(_LEGAL_FORMS.sub(" ", norm(name)).split())


class _Named(Protocol):
    @property
    def name(self) -> str: ...


_E = TypeVar("_E", bound=_Named)


class NameMatcher(Generic[_E]):
    """Finds existing catalogue entries (anything with a ``name``) for written names."""

    def __init__(self, entries: list[_E]) -> None:
        self.entries = entries
        self.exact = {norm(e.name): e for e in entries}
        self.cores = [(core(e.name), e) for e in entries]
        self.cache: dict[str, tuple[_E | None, float]] = {}

    def add(self, entry: _E) -> None:
        """Make a record created by this import findable for the rows that follow."""
        self.entries.append(entry)
        self.exact[norm(entry.name)] = entry
        self.cores.append((core(entry.name), entry))
        self.cache.clear()

    def find(self, name: str) -> tuple[_E | None, float]:
        """The best entry for ``name`` and its score, or (None, 0) below FUZZY_LINK."""
        key = norm(name)
        if key in self.cache:
            return self.cache[key]
        found: tuple[_E | None, float] = (None, 0.0)
        if key in self.exact:
            found = (self.exact[key], 100.0)
        else:
            wanted = core(name)
            best: tuple[_E, float] | None = None
            for other, entry in self.cores:
                if not wanted or not other:
                    continue
                # Same name once legal form and place words are gone ("Microsoft Ireland
                # Operations Ltd." ~ "Microsoft"), or a typo in it; never a shared first
                # word alone ("Stadtwerke Herne" is not "Stadtwerke Bochum").
                score = 99.0 if wanted == other else min(fuzz.ratio(wanted, other), 97.0)
                if score >= FUZZY_LINK and (best is None or score > best[1]):
                    best = (entry, score)
            if best is not None:
                found = best
        self.cache[key] = found
        return found


_CITY = r"[A-ZÄÖÜ][\w.\-]*(?:\s+(?:am|an|der|den|im|in|bei|ob|a\.|[A-ZÄÖÜ][\w.\-]*))*"
_ADDRESS_TAIL = re.compile(
    r"^\s*(?:(?P<street>[^,()]*\d[^,()]*),\s*)?(?:(?P<postcode>(?:[A-Z]{1,2}-)?\d{4,5})\s+)?"
    rf"(?P<city>{_CITY})\s*(?:\((?P<country>[^()]+)\))?\s*$"
)


@dataclass(frozen=True, slots=True)
class WrittenAddress:
    """A name written with its address: "XQueue GmbH, Offenbach am Main"."""

    name: str
    street: str
    postcode: str
    city: str
    country: str
    """The country as written (in brackets), not yet a code."""
    certain: bool
    """The name has a legal form, or the address a postcode or country: it is an address
    even when no existing entry has the name ("Müller, Schmidt & Partner" is not)."""

    @property
    def text(self) -> str:
        """The address part as written, e.g. "Nantes (Frankreich)"."""
        place = " ".join(x for x in (self.postcode, self.city) if x)
        country = f" ({self.country})" if self.country else ""
        return ", ".join(x for x in (self.street, place) if x) + country


def split_address(written: str) -> WrittenAddress | None:
    """The name and address of "Flexperto GmbH, Berlin" or "iAdvize, Nantes (Frankreich)";
    None when the text after the first comma does not look like an address."""
    head, sep, tail = written.partition(",")
    if not sep or not head.strip():
        return None
    found = _ADDRESS_TAIL.match(tail)
    if found is None:
        return None
    name = head.strip()
    street = (found["street"] or "").strip()
    postcode = (found["postcode"] or "").strip()
    country = (found["country"] or "").strip()
    certain = bool(postcode or country or street) or core(name) != norm(name)
    return WrittenAddress(name, street, postcode, found["city"].strip(), country, certain)
