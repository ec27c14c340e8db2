"""Reading retention rules (:func:`parse_retention`)."""

from __future__ import annotations

import re

from ropa_desktop.domain.model import Retention, RetentionUnit
from ropa_desktop.domain.parsing.text import normalise_breaks

_I = re.IGNORECASE


_NUMBER_WORDS = {
    **dict.fromkeys(("ein", "eine", "einen", "einem", "einer", "eins", "one", "a", "an"), 1),
    "zwei": 2,
    "two": 2,
    "drei": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "fünf": 5,
    "fuenf": 5,
    "five": 5,
    "sechs": 6,
    "six": 6,
    "sieben": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "neun": 9,
    "nine": 9,
    "zehn": 10,
    "ten": 10,
    "elf": 11,
    "eleven": 11,
    "zwölf": 12,
    "zwoelf": 12,
    "twelve": 12,
    "fünfzehn": 15,
    "fuenfzehn": 15,
    "fifteen": 15,
    "achtzehn": 18,
    "eighteen": 18,
    "zwanzig": 20,
    "twenty": 20,
    "dreißig": 30,
    "dreissig": 30,
    "thirty": 30,
    "vierzig": 40,
    "forty": 40,
    "fünfzig": 50,
    "fuenfzig": 50,
    "fifty": 50,
    "sechzig": 60,
    "sixty": 60,
    "neunzig": 90,
    "ninety": 90,
    "hundert": 100,
    "hundred": 100,
}
_UNIT_WORDS = (
    (RetentionUnit.YEARS, r"Jahr(?:e|en|es)?|J\.|years?|yrs?\.?|ans?|année?s?"),
    (RetentionUnit.MONTHS, r"Monat(?:e|en|s)?|Mon\.|Mo\.|months?|mois"),
    (RetentionUnit.WEEKS, r"Woche(?:n)?|Wo\.|weeks?|semaines?"),
    (RetentionUnit.DAYS, r"Tag(?:e|en)?|days?|jours?"),
    (RetentionUnit.HOURS, r"Stunden?|Std\.?|h|hours?|hrs?\.?|heures?"),
)
_UNIT = "|".join(f"(?P<{u.name}>{words})" for u, words in _UNIT_WORDS)
_NUMBER = (
    r"(?P<num>\d{1,6})|(?P<word>"
    + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
    + ")"
)
_LABEL = (
    r"(?:(?:Aufbewahrung(?:sfrist|sdauer)?|Speicher(?:dauer|frist)|L[öo]e?schfrist|"
    r"L[öo]e?schung|Frist|Retention(?:\s+period)?|Aufbewahren|Speichern|Löschen|"
    r"Keep|Kept|Retain(?:ed)?|Stored|Delete(?:d)?|Deletion|Conservation|Durée)"
    r"\s*(?::|-|–)?\s*)?"
)
_PLAIN_LEAD = r"(?:(?:für|for|nach|after|pendant|für\s+die\s+Dauer\s+von|nach\s+Ablauf\s+von)\s+)?"
_QUALIFIER = (
    r"(?P<qual>(?:(?:nach\s+)?(?:spätestens|spaetestens|höchstens|hoechstens|"
    r"mindestens|maximal|max\.|min\.|ca\.|circa|etwa|ungefähr|bis\s+zu|binnen|"
    r"innerhalb\s+von|innerhalb|within|up\s+to|at\s+most|at\s+least|at\s+the\s+latest|"
    r"approximately|about|no\s+longer\s+than|not\s+more\s+than|after\s+at\s+most|"
    r"jusqu'à)\s+(?:nach\s+)?))?"
)
_AFTER_WORDS = (
    r"(?:nach|ab|after|from|following|beginning\s+with|beginnend\s+mit|"
    r"seit|après|à\s+compter\s+de)"
)
_SUFFIX = (
    r"(?:\s+(?:aufbewahren|aufbewahrt|gespeichert|speichern|löschen|gelöscht|"
    r"Aufbewahrung|Aufbewahrungsfrist|Speicherdauer|retention|kept|retained|stored))?"
)
_RETENTION = re.compile(
    rf"^\s*{_LABEL}{_QUALIFIER}{_PLAIN_LEAD}(?P<n>{_NUMBER})\s*(?P<unit>{_UNIT})(?![\w])"
    rf"(?:\s+{_AFTER_WORDS}\s+(?P<start>[^,;()\n]+?))?{_SUFFIX}\s*[.!]?\s*$",
    _I,
)
_ANY_PERIOD = re.compile(rf"(?<![\w.,])(?:\d+|{'|'.join(_NUMBER_WORDS)})\s*(?:{_UNIT})(?![\w])", _I)
_MAX_DURATION = 100_000
_MAX_RETENTION_TEXT = 500
"""Longer cells are prose: kept as text without trying to read a period from them."""


_AFTER_WORD = re.compile(r"^(?:nach|after)\s+", re.IGNORECASE)


def retention_start(start: str) -> str:
    """The starting event of a retention rule without a leading "nach"/"after", which
    :func:`retention` adds itself ("nach Ende des Vertrags" -> "Ende des Vertrags")."""
    text = " ".join(start.split())
    while (match := _AFTER_WORD.match(text)) is not None:
        text = text[match.end() :]
    return text


def parse_retention(text: str) -> Retention:
    """The retention rule a cell states, structured where it can be.

    * One period, optionally with its start, becomes ``duration``, ``unit`` and
      ``start``: "10 Jahre" -> (10, YEARS); "6 Monate nach Abschluss des
      Verfahrens" -> (6, MONTHS, start="Abschluss des Verfahrens"); "1 Jahr nach
      Vertragsende"; "sechs Monate nach Ablauf des Vertragsverhältnisses" (German
      and English number words: ein/eins…zwölf, zwanzig, dreißig, …); "90 days";
      "3 months after the end of the contract" (start "the end of the
      contract"). "ab …" and "from …" are read as the start as well. Labels and
      plain lead words ("Löschfrist:", "Löschung nach", "für", "after") are dropped.
    * The rule for ``text``: the structured part and ``text`` together say
      everything the cell said. ``text`` stays empty when the structured part
      says it all, and holds the whole original cell when it does not: a
      qualifier ("nach spätestens 90 Tagen" -> (90, DAYS) plus the text), or
      anything after the period (a citation, a second sentence).
    * Everything else is kept as text only: "gesetzliche Aufbewahrungsfrist",
      "nach Zweckerfüllung", "bis zum Widerruf", ranges ("6-12 Monate"),
      fractions ("1,5 Jahre"), working days, and cells with more than one period.
    """
    if not isinstance(text, str) or not text.strip():
        return Retention()
    original = normalise_breaks(text).strip()
    one_line = " ".join(original.split())
    if len(one_line) > _MAX_RETENTION_TEXT or len(_ANY_PERIOD.findall(one_line)) != 1:
        return Retention(text=original)
    match = _RETENTION.match(one_line)
    if match is None:
        # The period leads and more follows: read the leading clause, keep the whole text.
        period = _ANY_PERIOD.search(one_line)
        stop = re.compile(r"[,;(]|\.\s|\s[-–]\s").search(one_line, period.end()) if period else None
        for head in ((one_line[: stop.start()],) if stop else ()) + (
            (one_line[: period.end()],) if period else ()
        ):
            lead = _RETENTION.match(head)
            if lead is not None:
                duration, unit = _duration(lead)
                if duration is None or unit is None:
                    break
                start = retention_start(lead.group("start") or "")
                return Retention(duration, unit, start, original)
        return Retention(text=original)
    duration, unit = _duration(match)
    if duration is None or unit is None:
        return Retention(text=original)
    start = retention_start(match.group("start") or "")
    keep = original if match.group("qual") else ""
    return Retention(duration, unit, start, keep)


def _duration(match: re.Match[str]) -> tuple[int | None, RetentionUnit | None]:
    duration: int | None
    if match.group("num"):
        duration = int(match.group("num"))
    else:
        duration = _NUMBER_WORDS.get(match.group("word").casefold())
    if duration is None or not 0 < duration <= _MAX_DURATION:
        return None, None
    unit = next((u for u in RetentionUnit if match.group(u.name)), None)
    return duration, unit
