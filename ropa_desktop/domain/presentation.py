"""How register values read for people, in German or English.

Exports, the check and (later) the user interface all render values through
these functions, so a legal basis, a retention rule or a transfer reads the
same everywhere: ``art6-1-e`` becomes "Art. 6 Abs. 1 lit. e DSGVO", a
:class:`Retention` of 6 months after the end of contract becomes
"6 Monate nach Vertragsende".
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import Text, language
from ropa_desktop.domain.model import (
    ActivityStatus,
    Contact,
    DpiaResult,
    OrganisationKind,
    Processor,
    Retention,
    RetentionUnit,
    SpecialCategory,
    Transfer,
)
from ropa_desktop.domain.parsing.retention import retention_start

STATUS = {
    ActivityStatus.DRAFT: Text("Entwurf", "Draft"),
    ActivityStatus.IN_REVIEW: Text("In Prüfung", "In review"),
    ActivityStatus.APPROVED: Text("Freigegeben", "Approved"),
    ActivityStatus.ARCHIVED: Text("Archiviert", "Archived"),
}
ORGANISATION_KIND = {
    OrganisationKind.PUBLIC_AUTHORITY: Text("Behörde (öffentliche Stelle)", "Public authority"),
    OrganisationKind.PUBLIC_LAW_INSTITUTION: Text(
        "Anstalt/Körperschaft des öffentlichen Rechts", "Public-law institution"
    ),
    OrganisationKind.MUNICIPAL_COMPANY: Text(
        "Kommunales Unternehmen (Privatrecht)", "Municipal company (private law)"
    ),
    OrganisationKind.PRIVATE: Text("Privates Unternehmen", "Private company"),
}
DPIA_RESULT = {
    DpiaResult.NOT_ASSESSED: Text("nicht geprüft", "not assessed"),
    DpiaResult.NOT_REQUIRED: Text("nicht erforderlich", "not required"),
    DpiaResult.REQUIRED: Text("erforderlich", "required"),
    DpiaResult.DONE: Text("durchgeführt", "carried out"),
}
SPECIAL = {
    SpecialCategory.NONE: Text("", ""),
    SpecialCategory.ART9: Text(
        "besondere Kategorie (Art. 9 DSGVO)", "special category (Art. 9 GDPR)"
    ),
    SpecialCategory.ART10: Text("Straftaten (Art. 10 DSGVO)", "criminal offences (Art. 10 GDPR)"),
}
_UNITS = {
    RetentionUnit.HOURS: (Text("Stunde", "hour"), Text("Stunden", "hours")),
    RetentionUnit.DAYS: (Text("Tag", "day"), Text("Tage", "days")),
    RetentionUnit.WEEKS: (Text("Woche", "week"), Text("Wochen", "weeks")),
    RetentionUnit.MONTHS: (Text("Monat", "month"), Text("Monate", "months")),
    RetentionUnit.YEARS: (Text("Jahr", "year"), Text("Jahre", "years")),
}
FIELD_LABELS: dict[str, Text] = {
    # Items of a processing activity, in the order of Art. 30(1) and the DSK template.
    "reference": Text("Nr.", "No."),
    "name": Text("Bezeichnung der Verarbeitungstätigkeit", "Name of the processing activity"),
    "department": Text("Verantwortliche Fachabteilung", "Responsible department"),
    "contact": Text("Ansprechpartner", "Contact person"),
    "description": Text("Beschreibung", "Description"),
    "purposes": Text("Zwecke der Verarbeitung", "Purposes of the processing"),
    "legal_bases": Text("Rechtsgrundlagen", "Legal bases"),
    "legitimate_interest": Text("Berechtigte Interessen", "Legitimate interests"),
    "data_subjects": Text("Kategorien betroffener Personen", "Categories of data subjects"),
    "data_categories": Text("Kategorien personenbezogener Daten", "Categories of personal data"),
    "special": Text("Besondere Kategorie", "Special category"),
    "source": Text("Herkunft der Daten", "Source of the data"),
    "retention": Text("Fristen für die Löschung", "Time limits for erasure"),
    "internal_recipients": Text(
        "Empfänger intern (Abteilung/Funktion)", "Internal recipients (department/function)"
    ),
    "recipients": Text("Empfänger extern (Empfängerkategorie)", "External recipients (category)"),
    "processors": Text("Auftragsverarbeiter", "Processors"),
    "joint_controllers": Text(
        "Gemeinsam Verantwortliche (Art. 26 DSGVO)", "Joint controllers (Art. 26 GDPR)"
    ),
    "transfers": Text(
        "Drittlandübermittlungen und Garantien", "Third-country transfers and safeguards"
    ),
    "toms": Text(
        "Technische und organisatorische Maßnahmen (TOM)",
        "Technical and organisational measures (TOMs)",
    ),
    "dpia": Text("Datenschutz-Folgenabschätzung", "Data protection impact assessment"),
    "status": Text("Status", "Status"),
    "created": Text("Datum der Anlegung", "Created"),
    "changed": Text("Datum der letzten Änderung", "Last changed"),
    "last_reviewed": Text("Zuletzt geprüft", "Last reviewed"),
    "next_review": Text("Nächste Überprüfung", "Next review"),
    "notes": Text("Anmerkungen", "Notes"),
    "no_external_recipients": Text("Keine externen Empfänger", "No external recipients"),
    "no_joint_controllers": Text("Keine gemeinsam Verantwortlichen", "No joint controllers"),
    "no_transfers": Text("Keine Übermittlung in Drittländer", "No transfer to third countries"),
}
"""Labels of the Art. 30 items; exports use them as headings and column headers."""

RECORD_FIELD_LABELS: dict[str, Text] = {
    # Fields of the other records (organisation, processing service, processor,
    # recipient, TOM) and of an activity beyond the Art. 30 items; a field named in
    # FIELD_LABELS too reads the same, except those in OWN_LABELS below.
    "tom_description": Text("Beschreibung der TOM", "Description of the TOMs"),
    "kind": Text("Rechtsform", "Legal form"),
    "land": Text("Bundesland", "Land"),
    "public_body": Text(
        "Öffentliche Stelle nach Landesrecht (leer: nach der Rechtsform)",
        "Public body under Land law (empty: from the legal form)",
    ),
    "street": Text("Straße", "Street"),
    "postcode": Text("PLZ", "Postcode"),
    "city": Text("Ort", "City"),
    "country": Text("Staat", "Country"),
    "phone": Text("Telefon", "Phone"),
    "email": Text("E-Mail", "Email"),
    "website": Text("Website", "Website"),
    "management": Text("Leitung", "Management"),
    "representative": Text("Vertreter", "Representative"),
    "dpo": Text("Datenschutzbeauftragte(r)", "Data protection officer"),
    "dpo_external": Text("Externe(r) Datenschutzbeauftragte(r)", "External DPO"),
    "supervisory_authority": Text("Aufsichtsbehörde", "Supervisory authority"),
    "is_controller": Text(
        "Verantwortlicher (Art. 30 Abs. 1 DSGVO)", "Controller (Art. 30(1) GDPR)"
    ),
    "is_processor": Text(
        "Auftragsverarbeiter (Art. 30 Abs. 2 DSGVO)", "Processor (Art. 30(2) GDPR)"
    ),
    "contract_date": Text("Vertragsdatum (AVV)", "Contract date (DPA)"),
    "contract_reference": Text("Vertragszeichen (AVV)", "Contract reference (DPA)"),
    "subprocessors": Text("Unterauftragsverarbeiter", "Subprocessors"),
    "category": Text("Empfängerkategorie", "Recipient category"),
    "title": Text("Maßnahme", "Measure"),
    "sdm_goal": Text("Gewährleistungsziel (SDM)", "Protection goal (SDM)"),
    "art32": Text("Art. 32 DSGVO", "Art. 32 GDPR"),
    "controllers": Text("Verantwortliche (Auftraggeber)", "Controllers (clients)"),
    "categories": Text("Kategorien von Verarbeitungen", "Categories of processing"),
    "approval_override": Text(
        "Freigabe trotz Prüffehlern (Begründung)", "Approved despite check errors (reason)"
    ),
    "attachments": Text("Anlagen", "Attachments"),
}
OWN_LABELS: dict[str, Text] = {
    "name": Text("Name", "Name"),
    "description": Text("Beschreibung", "Description"),
}
"""Labels of fields whose activity label does not fit the other records."""


def record_field_label(entity: str, key: str, lang: str | None = None) -> str:
    """The label of a record's top-level field, e.g. ("organisation", "street") → "Straße";
    ``entity`` is "activity", "organisation", "service", "processor", "recipient" or "tom"."""
    if entity != "activity" and key in OWN_LABELS:
        return OWN_LABELS[key](_lang(lang))
    text = FIELD_LABELS.get(key) or RECORD_FIELD_LABELS.get(key)
    return text(_lang(lang)) if text is not None else key


AFTER = Text("nach", "after")
NONE = Text("keine", "none")
YES = Text("ja", "yes")
NO = Text("nein", "no")


def _lang(lang: str | None) -> str:
    return lang or language()


def format_date(value: date | datetime | None, lang: str | None = None) -> str:
    """A date as Germans write it (31.12.2026) or in ISO form for English."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime("%d.%m.%Y") if _lang(lang) == "de" else value.isoformat()


def legal_basis(ref: str, lang: str | None = None) -> str:
    """The citation of a legal-basis id, or the provision as the user wrote it."""
    lang = _lang(lang)
    term = vocab.legal_bases().get(ref)
    if term is not None:
        return str(term.attrs.get(f"citation_{lang}") or term.label(lang))
    provision = vocab.national_provisions().get(ref)
    if provision is not None:
        return str(provision.attrs.get("citation") or provision.label(lang))
    return ref


def legal_basis_long(ref: str, lang: str | None = None) -> str:
    """Citation with its meaning, e.g. "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung …)"."""
    lang = _lang(lang)
    term = vocab.legal_bases().get(ref) or vocab.national_provisions().get(ref)
    short = legal_basis(ref, lang)
    return f"{short} ({term.label(lang)})" if term is not None else short


_START_WORD = re.compile(r"^(?:ab|seit|mit|from|following|since|beginning)\s", re.IGNORECASE)


def retention(rule: Retention, lang: str | None = None) -> str:
    """A retention rule in words; structured part first, then the free text."""
    lang = _lang(lang)
    parts = []
    if rule.duration is not None and rule.unit is not None:
        singular, plural = _UNITS[rule.unit]
        unit = (singular if rule.duration == 1 else plural)(lang)
        period = f"{rule.duration} {unit}"
        start = retention_start(rule.start)
        if start:
            joined = _START_WORD.match(start) is not None  # "ab …", "seit …": no "nach"
            period += f" {start}" if joined else f" {AFTER(lang)} {start}"
        parts.append(period)
    elif rule.duration is not None:
        parts.append(str(rule.duration))
    elif rule.start.strip():
        parts.append(rule.start.strip())
    if rule.text.strip():
        parts.append(rule.text.strip())
    return "; ".join(parts)


def country(code: str, lang: str | None = None) -> str:
    """Country name for an ISO code (or the international organisation), else the text."""
    if not code:
        return ""
    if code.lower() == "int-epo":
        term = vocab.adequacy().get("int-epo")
        return term.label(_lang(lang)) if term else code
    try:
        return vocab.country_name(code, _lang(lang))
    except KeyError:
        return code


def mechanism(t: Transfer, lang: str | None = None) -> str:
    """The transfer mechanism by name, with what the source said where no id fits."""
    lang = _lang(lang)
    term = vocab.transfer_mechanisms().get(t.mechanism) if t.mechanism else None
    parts = []
    if term is not None:
        parts.append(term.label(lang))
    elif t.mechanism:
        parts.append(t.mechanism)
    if t.mechanism_text.strip():
        parts.append(t.mechanism_text.strip())
    return "; ".join(parts)


def transfer(t: Transfer, processors: dict[str, Processor], lang: str | None = None) -> str:
    """One transfer in a line: country – recipient – mechanism – documentation."""
    recipient = t.recipient or (
        processors[t.processor].name if t.processor and t.processor in processors else ""
    )
    parts = [country(t.country, lang), recipient, mechanism(t, lang), t.documentation]
    return " – ".join(p for p in parts if p.strip())


def address(street: str, postcode: str, city: str, country_code: str = "") -> str:
    """A postal address in one line."""
    place = " ".join(p for p in (postcode, city) if p.strip())
    parts = [p for p in (street, place) if p.strip()]
    if country_code and country_code.upper() != "DE":
        parts.append(country_code)
    return ", ".join(parts)


def contact(c: Contact) -> list[str]:
    """A contact block as lines (name, organisation, address, phone, e-mail, website)."""
    lines = [
        c.name,
        c.organisation,
        address(c.street, c.postcode, c.city, c.country),
        c.phone,
        c.email,
        c.website,
    ]
    return [line for line in lines if line.strip()]


def processor_line(p: Processor, lang: str | None = None) -> str:
    """A processor with its address and country in one line."""
    where = address(p.street, p.postcode, p.city)
    country_name = country(p.country, lang) if p.country else ""
    return ", ".join(x for x in (p.name, where, country_name) if x)


def authority(ref: str, lang: str | None = None) -> str:
    """Name of a supervisory authority by vocabulary id (or the text as given)."""
    term = vocab.supervisory_authorities().get(ref) if ref else None
    if term is None:
        return ref
    addr = term.attrs.get("address")
    name = term.label(_lang(lang))
    return f"{name}, {addr}" if addr else name


def authority_contact(ref: str) -> dict[str, str]:
    """Phone, e-mail and website of a supervisory authority by vocabulary id ("" where the
    vocabulary has none, or for an authority typed as text)."""
    term = vocab.supervisory_authorities().get(ref) if ref else None
    attrs = term.attrs if term is not None else {}
    return {key: str(attrs.get(key) or "") for key in ("phone", "email", "website")}


def vocab_labels(
    vocabulary: vocab.Vocabulary, ids: list[str], lang: str | None = None
) -> list[str]:
    """Labels of vocabulary ids, keeping unknown ids as they are."""
    out = []
    for ref in ids:
        term = vocabulary.get(ref)
        out.append(term.label(_lang(lang)) if term is not None else ref)
    return out


def yes_no(value: bool, lang: str | None = None) -> str:
    """ "ja"/"nein" or "yes"/"no"."""
    return (YES if value else NO)(_lang(lang))


# --- added for the spreadsheet export (issue 3) -------------------------------------------


def unit_label(unit: RetentionUnit, lang: str | None = None, *, plural: bool = True) -> str:
    """The word for a retention unit on its own, e.g. "Tage" or "months"."""
    singular, plural_text = _UNITS[unit]
    return (plural_text if plural else singular)(_lang(lang))


def land(code: str, lang: str | None = None) -> str:
    """Name of a German Land by its code (``DE-NW``), or the text as given."""
    term = vocab.laender().get(code.lower()) if code else None
    return term.label(_lang(lang)) if term is not None else code


# --- added for the PDF export (issue 3) ----------------------------------------------------

NOT_STATED = Text("— keine Angabe —", "— not stated —")
"""Printed for an empty Art. 30 item, so that the gap shows on paper."""

NONE_STATED = Text("keine", "none")
"""Printed for an item the DPO explicitly stated has no entries (external recipients,
joint controllers)."""
NO_TRANSFER_STATED = Text(
    "keine Übermittlung in Drittländer (findet nicht statt)",
    "no transfer to third countries (does not take place)",
)
"""Printed where the DPO explicitly stated that no third-country transfer takes place."""
