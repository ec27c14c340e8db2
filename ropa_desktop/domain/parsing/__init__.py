"""Reading the values of spreadsheet cells: lists, legal bases, countries, dates, retention.

Departments write their part of the register in their own words. These pure
functions turn one cell's text into the values of :mod:`ropa_desktop.domain.model`
without ever dropping information: whatever they do not recognise is handed
back (as ``rest``, as text kept next to an id, as ``Retention.text``) so that
the import engine can put it somewhere visible. They use only the standard
library and :mod:`ropa_desktop.domain.vocab`.

Decisions (each function's docstring has the details):

* :func:`split_values` splits on line breaks, ``;`` and bullet markers, and on
  commas only in a single-line cell of three or more short parts (``Meyer,
  Christina`` stays one value). It never splits inside brackets.
* :func:`parse_legal_bases` is the one recogniser of legal-basis citations;
  :mod:`ropa_desktop.domain.rules` uses it too (through :func:`find_citations`).
  A citation becomes vocabulary ids only when the ids say everything it says;
  otherwise it is kept as written in ``provisions`` (``§§ 2 ff. BMG``,
  ``Art. 6 Abs. 1 lit. e, Abs. 3 DSGVO``). Paragraphs, sentences and numbers
  below a known national section do not count ("§ 26 Abs. 1 BDSG" is ``bdsg-26``).
* :func:`parse_country` returns None for the umbrella terms EU and EEA: they
  are no country (and no third country).
* :func:`parse_date` reads a month and year ("12/2026", "Dezember 2026") as the
  first of that month, two-digit years as 2000-2069 and 1970-1999, and day-first
  for ambiguous slashed dates (German and British usage).
* :func:`parse_retention` fills the structured rule where the text is one
  period (with an optional start) and keeps the original in ``text`` only when
  the structured part does not say everything (a qualifier like "spätestens",
  a second sentence, a citation).
"""

from __future__ import annotations

from ropa_desktop.domain.parsing.answers import is_bare_answer, parse_status, parse_yes_no
from ropa_desktop.domain.parsing.citations import Citation, find_citations
from ropa_desktop.domain.parsing.countries import parse_countries, parse_country
from ropa_desktop.domain.parsing.dates import parse_date
from ropa_desktop.domain.parsing.hygiene import clean_text, looks_like_formula
from ropa_desktop.domain.parsing.legal_bases import LegalBasisParse, parse_legal_bases
from ropa_desktop.domain.parsing.lists import split_values
from ropa_desktop.domain.parsing.mechanisms import names_standard_clauses, parse_mechanism
from ropa_desktop.domain.parsing.retention import parse_retention
from ropa_desktop.domain.parsing.special_categories import parse_special_category

__all__ = [
    "Citation",
    "LegalBasisParse",
    "clean_text",
    "find_citations",
    "is_bare_answer",
    "looks_like_formula",
    "names_standard_clauses",
    "parse_countries",
    "parse_country",
    "parse_date",
    "parse_legal_bases",
    "parse_mechanism",
    "parse_retention",
    "parse_special_category",
    "parse_status",
    "parse_yes_no",
    "split_values",
]
