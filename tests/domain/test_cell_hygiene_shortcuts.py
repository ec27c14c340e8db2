"""The import's shortcuts for cells that need no cleaning give exactly the full result.

The import asks every cell whether it holds control characters, odd line ends, trailing
spaces or formula-like text; for speed it first checks with one pattern whether there is
anything to do. These properties hold the shortcut to the full treatment on arbitrary text
with every character the full treatment looks at.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ropa_desktop.domain.parsing.hygiene import clean_every_line, clean_text, looks_like_formula

_SPECIAL = (
    "\x00\x01\x08\t\n\x0b\x0c\r\x0e\x1f\x7f\x84\x85\x86\x9f\xa0 "
    "\u2028\u2029\ufffe\uffff\ud800_x000D_x000d=+-@＝＋－＠"
)
texts = st.text(
    alphabet=st.one_of(st.sampled_from(list(_SPECIAL)), st.characters()), max_size=40
) | st.lists(st.sampled_from(["a", " ", "\t", "\n", "\r", "_x000D_", "_x000d_\n", "é"])).map(
    "".join
)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_clean_text_with_its_shortcut_equals_the_full_cleaning(text: str) -> None:
    assert clean_text(text) == clean_every_line(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_formula_check_agrees_with_its_definition(text: str) -> None:
    stripped = text.lstrip()
    expected = len(stripped.rstrip()) > 1 and stripped[0] in "=+-@＝＋－＠"
    assert looks_like_formula(text) == expected


def test_cells_as_departments_write_them_are_cleaned_or_kept() -> None:
    assert clean_text("Name\nAnschrift") == ("Name\nAnschrift", False)
    assert clean_text("Name \r\nAnschrift\t") == ("Name\nAnschrift", False)
    assert clean_text("Zeile_x000D_\nzwei") == ("Zeile\nzwei", False)
    assert clean_text("Bell\x07") == ("Bell\ufffd", True)
