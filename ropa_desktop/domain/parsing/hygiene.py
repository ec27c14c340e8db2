"""Text hygiene of cells: formula-like text and control characters
(:func:`looks_like_formula`, :func:`clean_text`)."""

from __future__ import annotations

import re

from ropa_desktop.domain.parsing.text import normalise_breaks

_FORMULA_START = frozenset("=+-@＝＋－＠")


def looks_like_formula(text: object) -> bool:
    """True if a spreadsheet program could take ``text`` for a formula.

    That is: after leading whitespace it starts with "=", "+", "-" or "@" (or their
    full-width forms) and has more than that one character. This only reports
    the shape; "+49 221 …" phone numbers and "- item" bullets are legitimate
    text and should be kept, and written out safely.
    """
    if not isinstance(text, str):
        return False
    if text[:1] not in _FORMULA_START and not text[:1].isspace():
        return False
    value = text.lstrip()
    return len(value.rstrip()) > 1 and value[0] in _FORMULA_START


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile(r"_x000[dD]_\n?")
_NEEDS_CLEANING = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]|_x000[dD]_|[ \t](?:\n|$)"
)
"""Anything :func:`clean_text` would change: control characters and line ends other than
"\\n" (tab included, as it may end a line), Excel's escape, spaces before a line end."""


def clean_text(text: object) -> tuple[str, bool]:
    """(cleaned text, whether control characters were replaced) of a cell.

    Line ends become "\\n" (``\\r\\n``, ``\\r``, the Unicode line and paragraph
    separators, NEL, and Word's vertical tab and form feed, which mark manual
    line breaks); Excel's escaped carriage return "_x000D_" is read as one.
    Other control characters (and lone surrogates, which no database stores)
    are replaced by a visible "\\uFFFD" and reported with ``changed=True`` so
    that the caller can warn. Trailing spaces and tabs are removed from every
    line. Normalising line ends and trailing spaces does not count as a change.
    """
    if not isinstance(text, str):
        return "", False
    if _NEEDS_CLEANING.search(text) is None:  # the common case: nothing to do
        return text, False
    return clean_every_line(text)


def clean_every_line(text: str) -> tuple[str, bool]:
    """:func:`clean_text` without its shortcut for text that needs no cleaning (the
    shortcut must never change a result: tests compare the two)."""
    value = _EXCEL_ESCAPE.sub("\n", text)
    value = normalise_breaks(value)
    cleaned, count = _CONTROL.subn("\ufffd", value)
    cleaned = "\n".join(line.rstrip(" \t") for line in cleaned.split("\n"))
    return cleaned, count > 0
