"""Completeness and consistency rules for the record of processing activities.

The checks are pure functions over :mod:`ropa_desktop.domain.model` objects and
the vocabularies of :mod:`ropa_desktop.domain.vocab`. Each problem is a
:class:`Finding` with a severity, a stable rule code (listed with a description
in :data:`RULES`), the organisation and activity concerned, a message naming
the purpose, category or country at issue, and the dictionary path of the
item so that the editor can mark it.

Severities: an *error* is a mandatory item of Art. 30 GDPR that is missing or
contradicts the law; a *warning* is an item that is usually needed or a
questionable choice the DPO should look at; an *info* is a reminder. A
complete, lawful activity yields no finding at all (the one deliberate
exception is the reminder to check a recipient's DPF certification).

Decisions where the law leaves room:

* Archived activities and processing services are not checked.
* Legal bases are vocabulary ids or citations as written. A citation of
  Art. 6, 9 or 10 GDPR in free text ("Art. 6 Abs. 1 lit. e DSGVO") counts as
  the corresponding id, and so does a lawful basis named in words alone
  ("Einwilligung", "Public task"); :mod:`ropa_desktop.domain.parsing` reads
  both, as the import does. Any other free text counts as a provision of Union or
  national law and is never an error (an info only if it cites neither "§" nor
  "Art.").
* Art. 10 data need the ``art10`` basis or a provision of law other than a
  general clause for public bodies (e.g. "§ 30a BZRG"); a general clause such
  as "§ 3 DSG NRW" does not authorise processing of criminal-offence data.
* Art. 9 data need an Art. 9(2) basis or a national provision on special
  categories that binds the organisation (``bdsg-22`` for a company, the Land's clause
  such as § 16 DSG NRW for a Land public body) in at least one purpose of the activity.
* A national provision must bind the organisation: its own Land (not another Land's law,
  also recognised in free text such as "GO NRW") and its kind of body (no BDSG for a Land
  public body, § 1 Abs. 1 S. 1 Nr. 2 BDSG; no provision for public bodies for a company).
  "Public body" is the organisation's explicit setting, else its legal form.
* An open provision role a template left ("Offen: … – Fundstelle eintragen") and a
  placeholder naming a kind of law ("Generalklausel des Landesdatenschutzgesetzes") are no
  provision (Art. 6(3) GDPR); the open role is a warning saying what to enter.
* Recipients are "recorded" when there is an internal recipient, an external
  recipient or a processor. The model has no explicit "no recipients" answer:
  the department that does the processing is always at least an internal
  recipient, so an empty list is a gap (a warning, not an error).
* Transfers are "answered" when the list is empty (no transfer takes place:
  the model has no separate flag) or when every transfer names a country and,
  where one is needed, a mechanism (an id, or at least the source's wording).
* A processor's contract counts as recorded when it has a date or a reference.
* Findings are sorted by organisation name, then organisation-level findings
  before those of activities and services (sorted by name), then severity.
"""

from __future__ import annotations

from ropa_desktop.domain.rules.catalogue import RULES, Rule, Severity
from ropa_desktop.domain.rules.checks import (
    check_activity,
    check_organisation,
    check_register,
    completeness,
)
from ropa_desktop.domain.rules.findings import Finding

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "check_activity",
    "check_organisation",
    "check_register",
    "completeness",
]
