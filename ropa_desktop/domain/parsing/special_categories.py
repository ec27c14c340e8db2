"""Whether a data category is one of Art. 9 or Art. 10 GDPR
(:func:`parse_special_category`)."""

from __future__ import annotations

import re

from ropa_desktop.domain.model import SpecialCategory

_I = re.IGNORECASE


_NEGATION = re.compile(r"^\s*(?:keine?|ohne|nicht|no|none|not|aucune?|sans)\b", _I)
_ART10_WORDS = re.compile(
    r"straftat|vorstraf|f[üu]e?hrungszeugnis|strafrecht|strafregister|strafverfahren|"
    r"verurteilung|bundeszentralregister|\bbzr\b|art(?:ikel|\.)?\s*10\b|criminal|conviction|"
    r"offen[cs]es?\b|casier\s+judiciaire|condamnation|infractions?\b",
    _I,
)
_ART9_WORDS = re.compile(
    r"gesundheit|krankheit|krankmeld|erkrank|arbeitsunf[äa]e?hig|diagnose|befund|"
    r"behinderung|schwerbehind|schwanger|medizinisch|[äa]e?rztlich|pflegegrad|impfstatus|"
    r"impfnachweis|religi|konfession|kirchensteuer|weltanschau|gewerkschaft|biometri|"
    r"genetisch|\bdna\b|fingerabdr|sexual|sexuell|ethnisch|rassisch|politische|"
    r"parteizugeh|parteimitglied|philosoph|besondere\s+kategorie|art(?:ikel|\.)?\s*9\b|"
    r"health|medical|illness|sickness|disabilit|diagnos|pregnan|religio|belief|trade\s+union|"
    r"union\s+membership|biometric|genetic|sex\s+life|sexual|racial|ethnic|political|"
    r"special\s+categor|sant[ée]|religieu|syndical|biom[ée]tri|g[ée]n[ée]tique|"
    r"orientation\s+sexuelle|origine\s+(?:raciale|ethnique)|opinions?\s+politiques?|"
    r"donn[ée]es\s+sensibles",
    _I,
)


def parse_special_category(text: str) -> SpecialCategory:
    """Whether a data category's name marks Art. 9 or Art. 10 data.

    ART10 for criminal convictions and offences ("Straftaten", "Vorstrafen",
    "Führungszeugnis", "Verurteilungen", "criminal convictions"); ART9 for the
    special categories of Art. 9(1) in German, English or French ("Gesundheitsdaten",
    "Krankmeldungen", "Religionszugehörigkeit", "Kirchensteuermerkmal",
    "Gewerkschaftszugehörigkeit", "biometrische Daten", "genetische Daten",
    "sexuelle Orientierung", "ethnische Herkunft", "politische Meinung", "health
    data" …); NONE otherwise and for a negated name ("keine Gesundheitsdaten").
    Administrative offences (Ordnungswidrigkeiten) are not read as Art. 10 data,
    and "Herkunft" alone (the source of data) is no special category.
    """
    if not isinstance(text, str) or not text.strip() or _NEGATION.match(text):
        return SpecialCategory.NONE
    if _ART10_WORDS.search(text):
        return SpecialCategory.ART10
    if _ART9_WORDS.search(text):
        return SpecialCategory.ART9
    return SpecialCategory.NONE
