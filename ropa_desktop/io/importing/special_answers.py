"""Yes-answers of a special-categories column that name the categories.

"✅ Yes — HRV, injury flags, body composition goals" (``Art. 9 Special Category?`` of
Rbit27/form, docs/ROPA.md, commit 1da5902) answers the column's question and lists the
special categories: :func:`names_after_yes` reads the names, :func:`add_special` makes them
Art. 9 data categories, as a plain list in that column is.
"""

from __future__ import annotations

import re

from ropa_desktop.domain import model as m
from ropa_desktop.domain import parsing
from ropa_desktop.io.importing.cell_text import special_of, split_cell
from ropa_desktop.io.importing.list_columns import split_like_column
from ropa_desktop.io.name_matching import norm

_YES_MARKS = "✓✔☑☒✅"
# marks, a word, a separator (dash, colon, bracket or comma), the rest
_YES_THEN = re.compile(
    rf"^[\s{_YES_MARKS}\ufe0f]*(?P<word>[^\W\d_]+)?\s*(?P<sep>[—–:(,]|-(?=\s))\s*(?P<rest>.+)$",
    re.S,
)
_FIRST_WORD = re.compile(r"[^\W_]+")
# First words of a remark rather than of a category's name ("Ja, siehe DSFA").
_REMARK_WORDS = frozenset(
    {
        "siehe",
        "see",
        "vgl",
        "cf",
        "s",
        "gem",
        "gemäß",
        "laut",
        "per",
        "as",
        "wie",
        "nur",
        "only",
        "sofern",
        "soweit",
        "falls",
        "wenn",
        "if",
        "when",
        "where",
        "bei",
        "ggf",
        "evtl",
        "eventuell",
        "possibly",
        "maybe",
        "teilweise",
        "partly",
        "partially",
        "unklar",
        "unclear",
        "tbd",
        "tbc",
        "noch",
        "still",
        "da",
        "weil",
        "because",
        "since",
        "aber",
        "but",
        "z",
        "e",
        "i",
        "d",
        "zb",
        "eg",
        "ie",
        "dh",
        "in",
        "im",
        "for",
        "für",
        "sh",
        "details",
        "note",
        "hinweis",
    }
)
_MAX_WORDS = 8
_MAX_LENGTH = 80


def _is_name(text: str) -> bool:
    """Whether ``text`` reads as the name of a data category, not as a remark or a legal
    provision ("Art. 9 Abs. 2 lit. b DSGVO")."""
    first = _FIRST_WORD.search(text)
    return (
        first is not None
        and first.group(0).casefold() not in _REMARK_WORDS
        and len(text) <= _MAX_LENGTH
        and len(text.split()) <= _MAX_WORDS
        and not parsing.find_citations(text)
    )


def names_after_yes(text: str) -> list[str]:
    """The names a yes-answer lists after its word or mark: "✅ Yes — HRV, injury flags" →
    ["HRV", "injury flags"], "Ja: Gesundheitsdaten", "Ja (Gesundheitsdaten)". [] when the
    cell is no such answer, or its further words are a remark or cite a provision ("Ja,
    siehe DSFA", "Yes — see DPIA", "Ja – Art. 9 Abs. 2 lit. b DSGVO"). After a comma only
    names of special categories count ("Ja, Gesundheitsdaten")."""
    match = _YES_THEN.match(text)
    if match is None:
        return []
    word, sep, rest = match["word"], match["sep"], match["rest"].strip()
    if word is None:
        if text.lstrip()[:1] not in _YES_MARKS:
            return []
    elif parsing.parse_yes_no(word) is not True:
        return []
    if sep == "(":
        if not rest.endswith(")"):
            return []
        rest = rest[:-1].strip()
    # after the answer's word the cell is a list: two short comma items are two names
    names = split_like_column(list(split_cell(rest)))
    if not names or not all(_is_name(n) for n in names):
        return []
    if sep == "," and all(special_of(n) is m.SpecialCategory.NONE for n in names):
        return []
    return names


def add_special(categories: list[m.DataCategory], names: list[str]) -> None:
    """Add ``names`` to ``categories`` as special categories (Art. 9 unless the name says
    Art. 10); a category already there by that name becomes special instead."""
    by_name = {norm(c.name): c for c in categories}
    for name in names:
        special = special_of(name)
        if special is m.SpecialCategory.NONE:
            special = m.SpecialCategory.ART9
        existing = by_name.get(norm(name))
        if existing is not None:
            if existing.special is m.SpecialCategory.NONE:
                existing.special = special
            continue
        by_name[norm(name)] = new = m.DataCategory(name=name, special=special)
        categories.append(new)
