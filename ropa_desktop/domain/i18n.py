"""Bilingual texts for messages outside the Qt user interface (CLI, checks, exports).

German is the default language; :func:`set_language` switches the process to
English. A :class:`Text` holds both wordings of one message with ``{name}``
placeholders; :class:`LocalizedError` is an exception whose message follows the
current language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGUAGES = ("de", "en")
_current = "de"


def set_language(lang: str) -> None:
    """Make ``lang`` ("de" or "en") the language of all messages from now on."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    """The current message language."""
    return _current


@dataclass(frozen=True, slots=True)
class Text:
    """One message in German and English, with ``str.format`` placeholders."""

    de: str
    en: str

    def __call__(self, lang: str | None = None, **params: Any) -> str:
        template = self.de if (lang or _current) == "de" else self.en
        return template.format(**params) if params else template


class LocalizedError(Exception):
    """An error whose text is given in both languages; ``str()`` uses the current one."""

    def __init__(self, text: Text, **params: Any) -> None:
        self.text = text
        self.params = params
        super().__init__(text("en", **params))

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return self.text(lang, **self.params)

    def __str__(self) -> str:
        return self.message()
