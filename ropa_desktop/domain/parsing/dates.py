"""Reading dates from cell values (:func:`parse_date`)."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

from ropa_desktop.domain.parsing.text import fold_key

_I = re.IGNORECASE


_MONTHS = {
    **dict.fromkeys(("januar", "jan", "january", "janvier", "janner", "jänner"), 1),
    **dict.fromkeys(("februar", "feb", "febr", "february", "fevrier", "février"), 2),
    **dict.fromkeys(("marz", "märz", "maerz", "mar", "mrz", "march", "mars"), 3),
    **dict.fromkeys(("april", "apr", "avril"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june", "juin"), 6),
    **dict.fromkeys(("juli", "jul", "july", "juillet"), 7),
    **dict.fromkeys(("august", "aug", "aout", "août"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october", "octobre"), 10),
    **dict.fromkeys(("november", "nov", "novembre"), 11),
    **dict.fromkeys(("dezember", "dez", "dec", "december", "decembre", "décembre"), 12),
}
_TIME = r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Uhr|Z|[+-]\d{2}:?\d{2}))?)?"
_PREFIX = r"(?:(?:Stand|vom|am|seit|ab|dated|as\s+of|on)\s*:?\s*)?"
_DATE_PATTERNS = (
    ("ymd", re.compile(rf"^{_PREFIX}(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}$", _I)),
    (
        "dmy",
        re.compile(rf"^{_PREFIX}(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?(\d{{4}}|\d{{2}}){_TIME}$", _I),
    ),
    ("dmy", re.compile(rf"^{_PREFIX}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}|\d{{2}}){_TIME}$", _I)),
    ("ym", re.compile(rf"^{_PREFIX}(\d{{4}})-(\d{{1,2}})$", _I)),
    ("my", re.compile(rf"^{_PREFIX}(\d{{1,2}})[/.](\d{{4}})$", _I)),
    ("dMy", re.compile(rf"^{_PREFIX}(\d{{1,2}})\.?\s*([^\W\d_]+)\.?\s+(\d{{4}})$", _I)),
    ("Mdy", re.compile(rf"^{_PREFIX}([^\W\d_]+)\.?\s+(\d{{1,2}}),?\s+(\d{{4}})$", _I)),
    ("My", re.compile(rf"^{_PREFIX}([^\W\d_]+)\.?\s+(\d{{4}})$", _I)),
)
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (20_000, 80_000)
_YEAR_RANGE = (1900, 2199)


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 70 else 1900 + value
    return value


def _make_date(year: int, month: int, day: int) -> date | None:
    if not _YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    """A date from a cell value, else None.

    * ``datetime`` values give their date, ``date`` values are returned as they are.
    * Numbers from 20,000 to 80,000 are Excel serial dates (1954-2119); a
      fraction (the time of day) is ignored. Booleans and other numbers: None.
    * Strings: "31.12.2026", "31.12.26", "1.3.2026", "2026-12-31" (a time after it
      is ignored), "31/12/2026" (day first, as in Germany and Britain),
      "31. Dezember 2026", "31 December 2026", "December 31, 2026", and a month
      with its year as the first of that month: "12/2026", "12.2026", "2026-12",
      "Dezember 2026", "Dez. 2026", "März 2026", "December 2026" (German, English
      and French month names). A leading "Stand:", "vom" or "as of" is allowed.
      Two-digit years are 2000-2069 or 1970-1999; years outside 1900-2199 and
      impossible days (31.02.) give None, as does any other text.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > 60:
        return None
    for kind, pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        g = match.groups()
        if kind == "ymd":
            return _make_date(int(g[0]), int(g[1]), int(g[2]))
        if kind == "dmy":
            return _make_date(_year(g[2]), int(g[1]), int(g[0]))
        if kind == "ym":
            return _make_date(int(g[0]), int(g[1]), 1)
        if kind == "my":
            return _make_date(int(g[1]), int(g[0]), 1)
        month_name = g[1] if kind == "dMy" else g[0]
        month = _MONTHS.get(month_name.casefold()) or _MONTHS.get(fold_key(month_name))
        if month is None:
            return None
        if kind == "dMy":
            return _make_date(int(g[2]), month, int(g[0]))
        if kind == "Mdy":
            return _make_date(int(g[2]), month, int(g[1]))
        return _make_date(int(g[1]), month, 1)
    return None
