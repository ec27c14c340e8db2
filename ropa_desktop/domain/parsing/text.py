"""Helpers the parsing modules share: line breaks, horizontal space, folded keys."""

from __future__ import annotations

import re
import unicodedata

HSPACE = "[ \\t\\u00a0\\u202f]"
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")


def normalise_breaks(text: str) -> str:
    """Windows and old-Mac line ends, Unicode separators and Word's vertical tab -> "\\n"."""
    return _LINE_BREAKS.sub("\n", text)


def fold_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key (ß -> ss, ä/ae -> a)."""
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ẞ", "ss"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    text = re.sub(r"[.'’`]", "", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))
