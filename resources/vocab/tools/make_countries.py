"""Generate ``resources/vocab/countries.json`` from pycountry (development tool).

This script is *not* used at runtime; the application only reads the JSON file
it writes. Run it again when the ISO 3166-1 list or the alias list below
changes, and review the diff before committing.

Usage (a throwaway virtual environment keeps pycountry out of the project)::

    python3 -m venv /tmp/pyc
    /tmp/pyc/bin/pip install pycountry
    /tmp/pyc/bin/python resources/vocab/tools/make_countries.py

What it writes, for every ISO 3166-1 entry known to pycountry:

* ``id``: the alpha-2 code in lower case (``"de"``), ``alpha2`` in upper case;
* ``de`` / ``en``: the short name. English uses pycountry's ``common_name``
  where it has one (``"South Korea"``) and its ``name`` otherwise; German is
  the Debian iso-codes gettext translation of the same string;
* ``alpha3``: the alpha-3 code;
* ``eea``: true for the 27 EU member states plus Iceland, Liechtenstein and
  Norway (the EEA, where no transfer mechanism is needed);
* ``eu_territory``: true for EU territory outside the EEA list's codes: the outermost
  regions with a code of their own and the Aland Islands (no third countries);
* ``aliases``: the other names pycountry knows (formal and official names in
  both languages) plus the hand-written spellings in ``EXTRA_ALIASES`` for the
  countries a German register meets most (EEA, adequacy countries, USA, UK,
  China, India, Russia …).

The script stops with an error if two countries would share an alias, so the
lookup in ``ropa_desktop.domain.vocab.country_code`` stays unambiguous.
"""

from __future__ import annotations

import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "countries.json"

EU = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
]  # fmt: skip
EEA = frozenset([*EU, "IS", "LI", "NO"])
# EU territory with an ISO code of its own: the outermost regions of Art. 349, 355(1) TFEU
# and the Aland Islands (Art. 355(4) TFEU). Azores, Madeira and the Canary Islands have no
# code of their own and are aliases of PT and ES below.
EU_TERRITORY = frozenset(["RE", "GP", "MQ", "GF", "YT", "MF", "AX"])

# Common alternative spellings (German and English) that registers and
# spreadsheets use. Keys are alpha-2 codes.
EXTRA_ALIASES: dict[str, list[str]] = {
    # Adequacy countries and territories
    "AD": ["Fürstentum Andorra", "Principality of Andorra"],
    "AR": ["Argentinische Republik", "Argentine Republic"],
    "BR": ["Föderative Republik Brasilien", "Federative Republic of Brazil"],
    "CA": ["Canada"],
    "CH": ["Schweiz", "Switzerland", "Schweizerische Eidgenossenschaft", "Swiss Confederation"],
    "FO": ["Färöer", "Färöer Inseln", "Färöerinseln", "Faroes", "Faeroe Islands"],
    "GB": [
        "UK",
        "U.K.",
        "Großbritannien",
        "Great Britain",
        "Britain",
        "Vereinigtes Königreich",
        "Vereinigtes Königreich Großbritannien und Nordirland",
        "United Kingdom of Great Britain and Northern Ireland",
        "England",
    ],
    "GG": ["Vogtei Guernsey", "Bailiwick of Guernsey"],
    "IL": ["Staat Israel", "State of Israel"],
    "IM": ["Insel Man", "Isle of Man"],
    "JE": ["Vogtei Jersey", "Bailiwick of Jersey"],
    "JP": ["Japan"],
    "KR": [
        "Südkorea",
        "South Korea",
        "Korea, Republik",
        "Republik Korea",
        "Korea, Republic of",
        "Republic of Korea",
        "Korea (Süd)",
        "Korea (South)",
    ],
    "NZ": ["Neuseeland", "New Zealand", "Aotearoa"],
    "US": [
        "USA",
        "U.S.A.",
        "US",
        "U.S.",
        "US-Amerika",
        "Vereinigte Staaten",
        "Vereinigte Staaten von Amerika",
        "United States",
        "United States of America",
    ],
    "UY": ["Republik Östlich des Uruguay", "Oriental Republic of Uruguay"],
    # Other frequent third countries
    "CN": ["Volksrepublik China", "VR China", "People's Republic of China", "PRC", "PR China"],
    "IN": ["Republik Indien", "Republic of India"],
    "RU": ["Russland", "Russia", "Russische Föderation", "Russian Federation"],
    "TR": ["Türkei", "Turkey", "Türkiye", "Republik Türkei"],
    "UA": ["Ukraine"],
    "SG": ["Republik Singapur", "Republic of Singapore"],
    "AU": ["Australien", "Commonwealth of Australia"],
    "TW": ["Taiwan", "Republik China (Taiwan)"],
    "VN": ["Vietnam", "Viet Nam"],
    # EEA
    "AT": ["Republik Österreich", "Republic of Austria"],
    "BE": ["Königreich Belgien", "Kingdom of Belgium"],
    "BG": ["Republik Bulgarien", "Republic of Bulgaria"],
    "CY": ["Republik Zypern", "Republic of Cyprus"],
    "CZ": ["Tschechische Republik", "Czech Republic", "Tschechei"],
    "DE": ["Bundesrepublik Deutschland", "Federal Republic of Germany", "BRD"],
    "DK": ["Königreich Dänemark", "Kingdom of Denmark"],
    "EE": ["Republik Estland", "Republic of Estonia"],
    "ES": [
        "Königreich Spanien",
        "Kingdom of Spain",
        "Kanarische Inseln",
        "Kanaren",
        "Canary Islands",
        "IC",
    ],
    "FI": ["Republik Finnland", "Republic of Finland"],
    "FR": ["Französische Republik", "French Republic"],
    "GR": ["Hellenische Republik", "Hellenic Republic", "Hellas", "EL"],
    "HR": ["Republik Kroatien", "Republic of Croatia"],
    "HU": ["Ungarn", "Hungary"],
    "IE": ["Irland", "Ireland", "Republik Irland", "Republic of Ireland", "Éire"],
    "IS": ["Island", "Iceland"],
    "IT": ["Italienische Republik", "Italian Republic"],
    "LI": ["Fürstentum Liechtenstein", "Principality of Liechtenstein"],
    "LT": ["Republik Litauen", "Republic of Lithuania"],
    "LU": ["Großherzogtum Luxemburg", "Grand Duchy of Luxembourg"],
    "LV": ["Republik Lettland", "Republic of Latvia"],
    "MT": ["Republik Malta", "Republic of Malta"],
    "NL": ["Niederlande", "Holland", "The Netherlands", "Königreich der Niederlande"],
    "NO": ["Norwegen", "Norway", "Königreich Norwegen", "Kingdom of Norway"],
    "PL": ["Republik Polen", "Republic of Poland"],
    "PT": ["Portugiesische Republik", "Portuguese Republic", "Azoren", "Azores", "Madeira"],
    "RO": ["Rumänien", "Romania"],
    "SE": ["Königreich Schweden", "Kingdom of Sweden"],
    "SI": ["Republik Slowenien", "Republic of Slovenia"],
    "SK": ["Slowakische Republik", "Slovak Republic"],
}


def _fold(text: str) -> str:
    """The same key function as the runtime lookup (see vocab._fold_name)."""
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[.'’`]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def main() -> int:
    de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])

    def german(msg: str | None) -> str | None:
        return de.gettext(msg) if msg else None

    terms = []
    owner: dict[str, str] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        name = country.name
        common = getattr(country, "common_name", None)
        official = getattr(country, "official_name", None)
        label_en = common or name
        label_de = german(label_en) or label_en

        candidates = [name, common, official, german(name), german(common), german(official)]
        candidates += EXTRA_ALIASES.get(code, [])
        aliases: list[str] = []
        seen = {_fold(label_de), _fold(label_en), code.lower(), country.alpha_3.lower()}
        for alias in candidates:
            if not alias:
                continue
            key = _fold(alias)
            if key in seen:
                continue
            seen.add(key)
            aliases.append(alias)

        for key in seen:
            if key in owner and owner[key] != code:
                print(f"alias clash: {key!r} for {owner[key]} and {code}", file=sys.stderr)
                return 1
            owner[key] = code

        terms.append(
            {
                "id": code.lower(),
                "de": label_de,
                "en": label_en,
                "alpha2": code,
                "alpha3": country.alpha_3,
                "eea": code in EEA,
                "eu_territory": code in EU_TERRITORY,
                "aliases": aliases,
            }
        )

    unknown = set(EXTRA_ALIASES) - {t["alpha2"] for t in terms}
    if unknown:
        print(f"EXTRA_ALIASES has unknown codes: {sorted(unknown)}", file=sys.stderr)
        return 1

    doc = {
        "_source": (
            "ISO 3166-1 via pycountry "
            f"{getattr(pycountry, '__version__', '?')} (Debian iso-codes, German gettext "
            "translations); EEA membership and extra aliases maintained by hand in "
            "resources/vocab/tools/make_countries.py"
        ),
        "_note": (
            "Generated file, do not edit by hand: change make_countries.py and run it again. "
            "Only ISO 3166-1 entries are listed; Kosovo (XK, a user-assigned code) is not. "
            "Greece is GR in ISO 3166-1; the EU code EL is accepted as an alias. "
            "'eu_territory' marks the EU's outermost regions (Art. 349, 355(1) TFEU: "
            "Guadeloupe, French Guiana, Martinique, Mayotte, Réunion, Saint-Martin) and the "
            "Åland Islands (Art. 355(4) TFEU), which have their own ISO codes but are EU "
            "territory: no third countries. The Azores, Madeira and the Canary Islands have no "
            "ISO 3166-1 code of their own; their names are aliases of PT and ES (IC, the code "
            "reserved for the Canary Islands, too)."
        ),
        "terms": terms,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(terms)} countries to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
