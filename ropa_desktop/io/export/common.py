"""What the Excel and PDF exports share: their error and the checks of their options."""

from __future__ import annotations

from ropa_desktop.domain.i18n import LANGUAGES, LocalizedError, Text
from ropa_desktop.domain.model import Organisation, Register

KINDS = ("controller", "processor")


class ExportError(LocalizedError):
    """The export cannot be made as asked; nothing was written."""


MSG_NO_ORG = Text(
    de="Die Organisation „{name}“ ist nicht im Verzeichnis.",
    en="The organisation “{name}” is not in the register.",
)
MSG_KIND = Text(
    de="Unbekannte Art des Verzeichnisses „{kind}“ (controller oder processor).",
    en="Unknown kind of register “{kind}” (controller or processor).",
)
MSG_LANG = Text(
    de="Nicht unterstützte Sprache „{language}“ (de oder en).",
    en="Unsupported language “{language}” (de or en).",
)


def checked_organisation(
    register: Register, organisation: str, register_kind: str, lang: str
) -> Organisation:
    """The organisation to export, after checking kind and language; raises ExportError."""
    if register_kind not in KINDS:
        raise ExportError(MSG_KIND, kind=register_kind)
    if lang not in LANGUAGES:
        raise ExportError(MSG_LANG, language=lang)
    org = register.organisation(organisation)
    if org is None:
        raise ExportError(MSG_NO_ORG, name=organisation)
    return org
