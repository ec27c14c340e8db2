"""Which DPIA list (Art. 35(4) GDPR) applies to an organisation, and the note that says
how complete the shipped DSK list is.

The DSK list in ``resources/vocab/dpia_dsk_list.json`` is the list for the non-public
sector, shipped incomplete and paraphrased; public bodies follow their Land authority's
list, of which only title and address are recorded (``dpia_public_lists.json``) where
verified. :func:`note` is the text shown beside the list, so nobody takes it for more.
"""

from __future__ import annotations

from ropa_desktop.domain import provisions, vocab
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import Organisation

_DSK = Text(
    "DSK-Liste für den nicht-öffentlichen Bereich: {shipped} Fälle in Kurzfassung, nicht im "
    "amtlichen Wortlaut und nicht in der amtlichen Nummerierung; die übrigen Nummern der Liste "
    "fehlen, weil ihr Text nicht aus einer geprüften Quelle vorlag. Im Zweifel die Liste der "
    "Datenschutzkonferenz selbst lesen.",
    "DSK list for the non-public sector: {shipped} cases in short form, not in the official "
    "wording or numbering; the list's other items are missing because their text was not "
    "available from a checked source. When in doubt, read the DSK's list itself.",
)
_PUBLIC = Text(
    "Für öffentliche Stellen in {land} gilt die Liste der Landesbehörde: {title} ({url}). "
    "Ihre Nummern sind hier nicht enthalten (nicht übertragen); die DSK-Liste unten ist nur "
    "ein Anhaltspunkt.",
    "Public bodies in {land} follow their Land authority's list: {title} ({url}). Its items "
    "are not included here (not transcribed); the DSK list below is only a pointer.",
)
_PUBLIC_UNKNOWN = Text(
    "Für öffentliche Stellen gilt die Liste der Aufsichtsbehörde ihres Landes{land}; sie ist "
    "hier nicht hinterlegt (nicht geprüft). Die DSK-Liste unten gilt für den "
    "nicht-öffentlichen Bereich und ist nur ein Anhaltspunkt.",
    "Public bodies follow the list of their Land's supervisory authority{land}; it is not "
    "recorded here (not verified). The DSK list below is for the non-public sector and only "
    "a pointer.",
)


def public_list(org: Organisation) -> vocab.Term | None:
    """The Land authority's list for a public body of this Land, where one is recorded."""
    if not org.is_public_body or not org.land.strip():
        return None
    return next(
        (t for t in vocab.dpia_public_lists() if t.attrs.get("land") == org.land.strip()), None
    )


def note(org: Organisation | None, lang: str) -> str:
    """The note shown beside the DSK list for the organisation (None: no organisation)."""
    dsk = _DSK(lang, shipped=len(vocab.dpia_dsk_list()))
    if org is None or not org.is_public_body:
        return dsk
    term = public_list(org)
    if term is not None:
        land = provisions.land_name(org.land.strip(), lang)
        first = _PUBLIC(lang, land=land, title=term.label(lang), url=term.attrs.get("url", ""))
    else:
        where = org.land.strip()
        first = _PUBLIC_UNKNOWN(
            lang, land=f" ({provisions.land_name(where, lang)})" if where else ""
        )
    return f"{first}\n{dsk}"
