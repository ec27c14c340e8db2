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
  categories (``bdsg-22``) in at least one purpose of the activity.
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

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from ropa_desktop.domain import i18n, parsing, vocab
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import (
    Activity,
    ActivityStatus,
    DpiaResult,
    Organisation,
    ProcessingService,
    Register,
    SpecialCategory,
    Transfer,
)


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Sort rank: errors first."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in the register.

    ``activity`` is the name of the activity or processing service concerned,
    None for findings about the organisation itself. ``field`` is the
    dictionary path of the item inside that activity, service or organisation
    (e.g. ``purposes[0].legal_bases``), None when no single item is concerned.
    """

    severity: Severity
    code: str
    organisation: str
    activity: str | None
    message: str
    field: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The finding as a JSON-ready dictionary."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "organisation": self.organisation,
            "activity": self.activity,
            "message": self.message,
            "field": self.field,
        }


class Rule(NamedTuple):
    """A rule of the table :data:`RULES`: its code, severity and what it checks."""

    code: str
    severity: Severity
    text: Text


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    # --- organisation (Art. 30(1)(a), Art. 37)
    Rule("org-no-name", _E, Text(
        "Die Organisation hat keinen Namen (Art. 30 Abs. 1 lit. a DSGVO).",
        "The organisation has no name (Art. 30(1)(a) GDPR).")),
    Rule("org-no-contact", _E, Text(
        "Keine Anschrift, keine Telefonnummer und keine E-Mail-Adresse des Verantwortlichen "
        "(Art. 30 Abs. 1 lit. a DSGVO).",
        "No address, phone number or e-mail address of the controller (Art. 30(1)(a) GDPR).")),
    Rule("org-no-dpo", _E, Text(
        "Öffentliche Stelle ohne Datenschutzbeauftragten (Art. 37 Abs. 1 lit. a, "
        "Art. 30 Abs. 1 lit. a DSGVO).",
        "Public body without a data protection officer (Art. 37(1)(a), Art. 30(1)(a) GDPR).")),
    Rule("org-no-dpo-nonpublic", _W, Text(
        "Kein Datenschutzbeauftragter erfasst; Benennungspflicht prüfen (Art. 37 DSGVO, "
        "§ 38 BDSG).",
        "No data protection officer recorded; check the duty to designate one (Art. 37 GDPR, "
        "§ 38 BDSG).")),
    Rule("org-dpo-no-contact", _E, Text(
        "Datenschutzbeauftragter ohne Kontaktdaten (Art. 30 Abs. 1 lit. a DSGVO).",
        "Data protection officer without contact details (Art. 30(1)(a) GDPR).")),
    Rule("org-no-authority", _W, Text(
        "Keine zuständige Aufsichtsbehörde angegeben.",
        "No competent supervisory authority recorded.")),
    Rule("org-no-activities", _W, Text(
        "Verantwortlicher ohne Verarbeitungstätigkeiten.",
        "Controller without processing activities.")),
    Rule("org-processor-without-services", _W, Text(
        "Als Auftragsverarbeiter gekennzeichnet, aber keine Verarbeitungen im Auftrag erfasst "
        "(Art. 30 Abs. 2 DSGVO).",
        "Marked as processor but no processing on behalf of controllers recorded "
        "(Art. 30(2) GDPR).")),
    Rule("processor-no-contract", _W, Text(
        "Auftragsverarbeiter ohne erfassten Vertrag (Datum oder Aktenzeichen, Art. 28 Abs. 3 "
        "DSGVO); einmal je Auftragsverarbeiter und Organisation.",
        "Processor without a recorded contract (date or reference, Art. 28(3) GDPR); once per "
        "processor and organisation.")),
    # --- activity: name and purposes (Art. 30(1)(b))
    Rule("activity-no-name", _E, Text(
        "Verarbeitungstätigkeit ohne Bezeichnung.",
        "Processing activity without a name.")),
    Rule("activity-duplicate-name", _W, Text(
        "Mehrere Verarbeitungstätigkeiten der Organisation tragen dieselbe Bezeichnung.",
        "Several processing activities of the organisation have the same name.")),
    Rule("activity-no-purpose", _E, Text(
        "Kein Zweck der Verarbeitung angegeben (Art. 30 Abs. 1 lit. b DSGVO).",
        "No purpose of the processing recorded (Art. 30(1)(b) GDPR).")),
    Rule("purpose-no-text", _E, Text(
        "Ein Zweckeintrag hat Rechtsgrundlagen, aber keinen Zwecktext.",
        "A purpose entry has legal bases but no text.")),
    Rule("purpose-no-legal-basis", _E, Text(
        "Zweck ohne Rechtsgrundlage (Art. 6 Abs. 1 DSGVO).",
        "Purpose without a legal basis (Art. 6(1) GDPR).")),
    Rule("purpose-no-art6-basis", _W, Text(
        "Zweck nennt keine Rechtsgrundlage aus Art. 6 Abs. 1 DSGVO (nationale Vorschriften und "
        "Art. 9/10 treten nur hinzu).",
        "Purpose names no Art. 6(1) GDPR basis (national provisions and Art. 9/10 only add "
        "to one).")),
    Rule("legal-basis-no-provision", _W, Text(
        "Art. 6 Abs. 1 lit. c oder e DSGVO ohne die Vorschrift des Unions- oder deutschen "
        "Rechts, auf der sie beruht (Art. 6 Abs. 3 DSGVO).",
        "Art. 6(1)(c) or (e) GDPR without the provision of Union or German law it rests on "
        "(Art. 6(3) GDPR).")),
    Rule("legal-basis-free-text", _I, Text(
        "Rechtsgrundlage ist weder ein Vokabulareintrag noch eine Normzitierung (§ / Art.).",
        "Legal basis is neither a vocabulary entry nor a citation (§ / Art.).")),
    Rule("public-body-legitimate-interest", _E, Text(
        "Öffentliche Stelle stützt einen Zweck auf berechtigte Interessen (Art. 6 Abs. 1 "
        "Unterabs. 2 DSGVO).",
        "Public body relies on legitimate interests for a purpose (Art. 6(1) second "
        "subparagraph GDPR).")),
    Rule("legitimate-interest-not-described", _W, Text(
        "Art. 6 Abs. 1 lit. f DSGVO ohne Beschreibung des berechtigten Interesses.",
        "Art. 6(1)(f) GDPR without a description of the legitimate interest.")),
    Rule("contested-national-basis", _W, Text(
        "Zweck stützt sich allein auf eine seit EuGH C-34/21 umstrittene Vorschrift "
        "(z. B. § 26 BDSG) ohne eine der zugehörigen Grundlagen aus Art. 6 Abs. 1 DSGVO.",
        "Purpose rests on a provision contested since CJEU C-34/21 (e.g. § 26 BDSG) without "
        "one of the Art. 6(1) GDPR bases it must be paired with.")),
    # --- data subjects and data (Art. 30(1)(c), (f), Art. 9, 10)
    Rule("activity-no-data-subjects", _E, Text(
        "Keine Kategorien betroffener Personen (Art. 30 Abs. 1 lit. c DSGVO).",
        "No categories of data subjects (Art. 30(1)(c) GDPR).")),
    Rule("activity-no-data-categories", _E, Text(
        "Keine Kategorien personenbezogener Daten (Art. 30 Abs. 1 lit. c DSGVO).",
        "No categories of personal data (Art. 30(1)(c) GDPR).")),
    Rule("data-category-no-retention", _W, Text(
        "Datenkategorie ohne Löschfrist (Art. 30 Abs. 1 lit. f DSGVO); je Kategorie.",
        "Data category without a time limit for erasure (Art. 30(1)(f) GDPR); per category.")),
    Rule("art9-no-condition", _E, Text(
        "Besondere Kategorie nach Art. 9 DSGVO, aber kein Zweck nennt eine Bedingung nach "
        "Art. 9 Abs. 2 DSGVO (oder § 22 BDSG).",
        "Art. 9 GDPR special category, but no purpose names an Art. 9(2) GDPR condition "
        "(or § 22 BDSG).")),
    Rule("art10-no-basis", _E, Text(
        "Daten über Straftaten (Art. 10 DSGVO) ohne Art. 10 als Grundlage oder eine "
        "besondere Rechtsvorschrift (eine Generalklausel genügt nicht).",
        "Criminal-offence data (Art. 10 GDPR) without Art. 10 as basis or a specific legal "
        "provision (a general clause does not suffice).")),
    # --- recipients, joint controllers (Art. 30(1)(a), (d), Art. 26)
    Rule("activity-no-recipients", _W, Text(
        "Weder interne noch externe Empfänger noch Auftragsverarbeiter (Art. 30 Abs. 1 lit. d "
        "DSGVO).",
        "Neither internal nor external recipients nor processors (Art. 30(1)(d) GDPR).")),
    Rule("joint-controller-no-arrangement", _W, Text(
        "Gemeinsam Verantwortlicher ohne Vereinbarung nach Art. 26 DSGVO.",
        "Joint controller without an arrangement under Art. 26 GDPR.")),
    Rule("third-country-no-transfer", _W, Text(
        "Auftragsverarbeiter oder Empfänger mit Sitz in einem Drittland, aber keine "
        "Drittlandübermittlung erfasst (Art. 30 Abs. 1 lit. e DSGVO).",
        "Processor or recipient located in a third country, but no transfer recorded "
        "(Art. 30(1)(e) GDPR).")),
    # --- transfers (Art. 30(1)(e), Art. 44-49)
    Rule("transfer-no-country", _E, Text(
        "Drittlandübermittlung ohne Land bzw. internationale Organisation.",
        "Transfer without a country or international organisation.")),
    Rule("transfer-unknown-country", _W, Text(
        "Land der Übermittlung nicht erkannt; Übermittlungsinstrument kann nicht geprüft werden.",
        "Country of a transfer not recognised; the transfer tool cannot be checked.")),
    Rule("transfer-within-eea", _I, Text(
        "Übermittlung in einen EU/EWR-Staat ist keine Drittlandübermittlung.",
        "A transfer to an EU/EEA state is not a third-country transfer.")),
    Rule("transfer-no-mechanism", _E, Text(
        "Drittland ohne Angemessenheitsbeschluss (USA: ohne DPF-Zertifizierung) und ohne "
        "Übermittlungsinstrument (Art. 44-49 DSGVO).",
        "Third country without adequacy decision (USA: without DPF certification) and without "
        "a transfer tool (Art. 44-49 GDPR).")),
    Rule("transfer-mechanism-unclassified", _W, Text(
        "Übermittlungsinstrument nur als Freitext erfasst; bitte ein Instrument auswählen.",
        "Transfer tool only recorded as free text; please choose a tool.")),
    Rule("transfer-adequacy-not-applicable", _E, Text(
        "Angemessenheitsbeschluss bzw. DPF angegeben, der für dieses Land nicht gilt.",
        "Adequacy decision or DPF given that does not apply to this country.")),
    Rule("transfer-invalid-mechanism", _E, Text(
        "Ungültiges Übermittlungsinstrument (EU-US Privacy Shield, EuGH C-311/18).",
        "Invalid transfer tool (EU-US Privacy Shield, CJEU C-311/18).")),
    Rule("transfer-unknown-mechanism", _E, Text(
        "Übermittlungsinstrument nicht im Vokabular.",
        "Transfer tool not in the vocabulary.")),
    Rule("transfer-derogation-public-body", _E, Text(
        "Öffentliche Stelle nutzt eine Ausnahme nach Art. 49 Abs. 1 lit. a-c oder Unterabs. 2 "
        "DSGVO (ausgeschlossen nach Art. 49 Abs. 3 DSGVO).",
        "Public body uses a derogation of Art. 49(1)(a)-(c) or second subparagraph GDPR "
        "(excluded by Art. 49(3) GDPR).")),
    Rule("transfer-49-1-2-undocumented", _E, Text(
        "Übermittlung nach Art. 49 Abs. 1 Unterabs. 2 DSGVO ohne dokumentierte Beurteilung und "
        "Garantien (Art. 30 Abs. 1 lit. e DSGVO).",
        "Transfer under Art. 49(1) second subparagraph GDPR without documented assessment and "
        "safeguards (Art. 30(1)(e) GDPR).")),
    Rule("transfer-authorisation-undocumented", _W, Text(
        "Genehmigungspflichtiges Instrument (Art. 46 Abs. 3 DSGVO) ohne dokumentierte "
        "Genehmigung.",
        "Tool needing authorisation (Art. 46(3) GDPR) without documented authorisation.")),
    Rule("transfer-us-dpf-certification", _I, Text(
        "Übermittlung auf Grund DPF-Zertifizierung: Zertifizierung des Empfängers in der "
        "DPF-Liste regelmäßig prüfen.",
        "Transfer relying on DPF certification: check the recipient's entry in the DPF list "
        "regularly.")),
    # --- TOMs, DPIA, workflow
    Rule("activity-no-tom", _W, Text(
        "Keine Beschreibung der technischen und organisatorischen Maßnahmen "
        "(Art. 30 Abs. 1 lit. g DSGVO).",
        "No description of the technical and organisational measures (Art. 30(1)(g) GDPR).")),
    Rule("dpia-indicated", _W, Text(
        "Die DSFA-Schwellwertanalyse spricht für eine Datenschutz-Folgenabschätzung "
        "(Art. 35 DSGVO), das Ergebnis ist aber nicht festgehalten.",
        "The DPIA screening points to a data protection impact assessment (Art. 35 GDPR), "
        "but no result is recorded.")),
    Rule("dpia-mandatory", _E, Text(
        "DSFA als nicht erforderlich markiert, obwohl ein Fall des Art. 35 Abs. 3 DSGVO oder "
        "der DSK-Muss-Liste vorliegt.",
        "DPIA marked as not required although a case of Art. 35(3) GDPR or of the DSK list "
        "applies.")),
    Rule("dpia-not-required-unjustified", _W, Text(
        "DSFA als nicht erforderlich markiert trotz zwei oder mehr WP248-Kriterien, ohne "
        "Begründung.",
        "DPIA marked as not required despite two or more WP248 criteria, without a "
        "justification.")),
    Rule("dpia-pending", _W, Text(
        "DSFA erforderlich, aber noch nicht durchgeführt.",
        "DPIA required but not yet carried out.")),
    Rule("review-overdue", _W, Text(
        "Termin der nächsten Überprüfung ist überschritten.",
        "The next review date has passed.")),
    Rule("review-missing", _I, Text(
        "Freigegebene Verarbeitungstätigkeit ohne Termin der nächsten Überprüfung.",
        "Approved processing activity without a next review date.")),
    Rule("activity-no-department", _I, Text(
        "Keine verantwortliche Fachabteilung angegeben.",
        "No responsible department recorded.")),
    # --- processor register (Art. 30(2))
    Rule("service-no-name", _E, Text(
        "Verarbeitung im Auftrag ohne Bezeichnung.",
        "Processing on behalf of controllers without a name.")),
    Rule("service-no-controller", _E, Text(
        "Verarbeitung im Auftrag ohne Verantwortlichen, für den sie erfolgt "
        "(Art. 30 Abs. 2 lit. a DSGVO).",
        "Processing on behalf without the controller it is done for (Art. 30(2)(a) GDPR).")),
    Rule("service-controller-no-contact", _E, Text(
        "Auftraggebender Verantwortlicher ohne Kontaktdaten (Art. 30 Abs. 2 lit. a DSGVO).",
        "Client controller without contact details (Art. 30(2)(a) GDPR).")),
    Rule("service-no-categories", _E, Text(
        "Keine Kategorien von Verarbeitungen im Auftrag (Art. 30 Abs. 2 lit. b DSGVO).",
        "No categories of processing carried out on behalf (Art. 30(2)(b) GDPR).")),
    Rule("service-no-tom", _W, Text(
        "Keine Beschreibung der technischen und organisatorischen Maßnahmen "
        "(Art. 30 Abs. 2 lit. d DSGVO).",
        "No description of the technical and organisational measures (Art. 30(2)(d) GDPR).")),
)

_SEVERITY = {rule.code: rule.severity for rule in RULES}

# Specific messages. Placeholders are filled by the checks.
_M: dict[str, Text] = {
    "org-no-name": Text(
        "Die Organisation hat keinen Namen (Art. 30 Abs. 1 lit. a DSGVO).",
        "The organisation has no name (Art. 30(1)(a) GDPR)."),
    "org-no-contact": Text(
        "Für „{org}“ ist weder eine Anschrift noch eine Telefonnummer oder E-Mail-Adresse "
        "erfasst (Art. 30 Abs. 1 lit. a DSGVO).",
        "No address, phone number or e-mail address is recorded for “{org}” "
        "(Art. 30(1)(a) GDPR)."),
    "org-no-dpo": Text(
        "Kein Datenschutzbeauftragter erfasst. Für öffentliche Stellen ist die Benennung "
        "Pflicht (Art. 37 Abs. 1 lit. a DSGVO); Name und Kontaktdaten gehören ins Verzeichnis "
        "(Art. 30 Abs. 1 lit. a DSGVO).",
        "No data protection officer recorded. Public bodies must designate one "
        "(Art. 37(1)(a) GDPR); name and contact details belong in the record "
        "(Art. 30(1)(a) GDPR)."),
    "org-no-dpo-nonpublic": Text(
        "Kein Datenschutzbeauftragter erfasst. Benennungspflicht prüfen (Art. 37 DSGVO, "
        "§ 38 BDSG); falls benannt, Name und Kontaktdaten eintragen (Art. 30 Abs. 1 lit. a "
        "DSGVO).",
        "No data protection officer recorded. Check the duty to designate one (Art. 37 GDPR, "
        "§ 38 BDSG); if designated, record name and contact details (Art. 30(1)(a) GDPR)."),
    "org-dpo-no-contact": Text(
        "Für den Datenschutzbeauftragten „{dpo}“ sind keine Kontaktdaten (Anschrift, Telefon "
        "oder E-Mail) erfasst (Art. 30 Abs. 1 lit. a DSGVO).",
        "No contact details (address, phone or e-mail) are recorded for the data protection "
        "officer “{dpo}” (Art. 30(1)(a) GDPR)."),
    "org-no-authority": Text(
        "Keine zuständige Aufsichtsbehörde angegeben (Land: {land}).",
        "No competent supervisory authority recorded (Land: {land})."),
    "org-no-activities": Text(
        "„{org}“ ist als Verantwortlicher gekennzeichnet, hat aber keine "
        "Verarbeitungstätigkeiten.",
        "“{org}” is marked as controller but has no processing activities."),
    "org-processor-without-services": Text(
        "„{org}“ ist als Auftragsverarbeiter gekennzeichnet, aber es sind keine Verarbeitungen "
        "im Auftrag erfasst (Art. 30 Abs. 2 DSGVO).",
        "“{org}” is marked as processor, but no processing on behalf of controllers is "
        "recorded (Art. 30(2) GDPR)."),
    "processor-no-contract": Text(
        "Für den Auftragsverarbeiter „{processor}“ (genutzt in: {uses}) ist kein Vertrag nach "
        "Art. 28 Abs. 3 DSGVO erfasst (weder Datum noch Aktenzeichen).",
        "No contract under Art. 28(3) GDPR is recorded for the processor “{processor}” "
        "(used in: {uses}): neither date nor reference."),
    "activity-no-name": Text(
        "Die Verarbeitungstätigkeit hat keine Bezeichnung.",
        "The processing activity has no name."),
    "activity-duplicate-name": Text(
        "Die Bezeichnung „{name}“ tragen {count} Verarbeitungstätigkeiten dieser Organisation; "
        "Doppelerfassung prüfen.",
        "{count} processing activities of this organisation are named “{name}”; check for "
        "duplicates."),
    "activity-no-purpose": Text(
        "Kein Zweck der Verarbeitung angegeben (Art. 30 Abs. 1 lit. b DSGVO).",
        "No purpose of the processing recorded (Art. 30(1)(b) GDPR)."),
    "purpose-no-text": Text(
        "Zweck Nr. {n} hat Rechtsgrundlagen ({bases}), aber keinen Zwecktext.",
        "Purpose no. {n} has legal bases ({bases}) but no text."),
    "purpose-no-legal-basis": Text(
        "Für den Zweck „{purpose}“ ist keine Rechtsgrundlage angegeben (Art. 6 Abs. 1 DSGVO).",
        "No legal basis is recorded for the purpose “{purpose}” (Art. 6(1) GDPR)."),
    "purpose-no-art6-basis": Text(
        "Der Zweck „{purpose}“ nennt keine Rechtsgrundlage aus Art. 6 Abs. 1 DSGVO, nur "
        "{bases}. Die passende Grundlage (meist lit. c oder e) ergänzen.",
        "The purpose “{purpose}” names no Art. 6(1) GDPR basis, only {bases}. Add the matching "
        "one (usually point (c) or (e))."),
    "legal-basis-no-provision": Text(
        "Der Zweck „{purpose}“ stützt sich auf {basis}, nennt aber nicht die Vorschrift des "
        "Unions- oder deutschen Rechts, auf der die Verarbeitung beruht (Art. 6 Abs. 3 DSGVO), "
        "z. B. eine Fachvorschrift oder die Generalklausel des Landesdatenschutzgesetzes.",
        "The purpose “{purpose}” relies on {basis} but does not name the provision of Union or "
        "German law the processing rests on (Art. 6(3) GDPR), e.g. a sector-specific provision "
        "or the general clause of the Land data protection act."),
    "legal-basis-free-text": Text(
        "Die Rechtsgrundlage „{basis}“ des Zwecks „{purpose}“ ist weder ein Eintrag des "
        "Vokabulars noch eine Normzitierung (§ / Art.); bitte präzisieren.",
        "The legal basis “{basis}” of the purpose “{purpose}” is neither a vocabulary entry "
        "nor a citation (§ / Art.); please make it precise."),
    "public-body-legitimate-interest": Text(
        "Der Zweck „{purpose}“ stützt sich auf berechtigte Interessen (Art. 6 Abs. 1 lit. f "
        "DSGVO). Für die Erfüllung öffentlicher Aufgaben ist das einer Behörde nicht zulässig "
        "(Art. 6 Abs. 1 Unterabs. 2 DSGVO); nur außerhalb öffentlicher Aufgaben (z. B. "
        "fiskalisches Handeln) vertretbar. Sonst Art. 6 Abs. 1 lit. c oder e DSGVO mit der "
        "Rechtsvorschrift angeben.",
        "The purpose “{purpose}” relies on legitimate interests (Art. 6(1)(f) GDPR). A public "
        "authority may not do so in the performance of its public tasks (Art. 6(1) second "
        "subparagraph GDPR); it is only arguable outside public tasks (e.g. acting as a "
        "market participant). Otherwise record Art. 6(1)(c) or (e) GDPR with the legal "
        "provision."),
    "legitimate-interest-not-described": Text(
        "Der Zweck „{purpose}“ stützt sich auf Art. 6 Abs. 1 lit. f DSGVO, aber das "
        "berechtigte Interesse ist nicht beschrieben.",
        "The purpose “{purpose}” relies on Art. 6(1)(f) GDPR, but the legitimate interest is "
        "not described."),
    "contested-national-basis": Text(
        "Der Zweck „{purpose}“ stützt sich auf {provision}, die seit dem Urteil des EuGH "
        "C-34/21 (30. März 2023) weithin nicht als eigenständige Rechtsgrundlage gilt. "
        "Zusätzlich eine dieser Grundlagen angeben: {pair}.",
        "The purpose “{purpose}” relies on {provision}, widely held since the CJEU judgment "
        "C-34/21 (30 March 2023) not to be a legal basis of its own. Add one of these bases: "
        "{pair}."),
    "activity-no-data-subjects": Text(
        "Keine Kategorien betroffener Personen angegeben (Art. 30 Abs. 1 lit. c DSGVO).",
        "No categories of data subjects recorded (Art. 30(1)(c) GDPR)."),
    "activity-no-data-categories": Text(
        "Keine Kategorien personenbezogener Daten angegeben (Art. 30 Abs. 1 lit. c DSGVO).",
        "No categories of personal data recorded (Art. 30(1)(c) GDPR)."),
    "data-category-no-retention": Text(
        "Für die Datenkategorie „{category}“ ist keine Löschfrist angegeben "
        "(Art. 30 Abs. 1 lit. f DSGVO).",
        "No time limit for erasure is recorded for the data category “{category}” "
        "(Art. 30(1)(f) GDPR)."),
    "art9-no-condition": Text(
        "Die Datenkategorie „{category}“ ist eine besondere Kategorie nach Art. 9 DSGVO, aber "
        "kein Zweck nennt eine Bedingung nach Art. 9 Abs. 2 DSGVO (oder § 22 BDSG).",
        "The data category “{category}” is a special category under Art. 9 GDPR, but no "
        "purpose names a condition of Art. 9(2) GDPR (or § 22 BDSG)."),
    "art10-no-basis": Text(
        "Die Datenkategorie „{category}“ betrifft Straftaten (Art. 10 DSGVO), aber kein Zweck "
        "nennt Art. 10 DSGVO oder eine besondere Rechtsvorschrift, die die Verarbeitung "
        "erlaubt (eine Generalklausel{general} genügt nicht).",
        "The data category “{category}” concerns criminal offences (Art. 10 GDPR), but no "
        "purpose names Art. 10 GDPR or a specific legal provision allowing the processing "
        "(a general clause{general} does not suffice)."),
    "activity-no-recipients": Text(
        "Weder interne noch externe Empfänger noch Auftragsverarbeiter angegeben: Empfänger "
        "prüfen (Art. 30 Abs. 1 lit. d DSGVO).",
        "Neither internal nor external recipients nor processors recorded: check the "
        "recipients (Art. 30(1)(d) GDPR)."),
    "joint-controller-no-arrangement": Text(
        "Mit dem gemeinsam Verantwortlichen „{name}“ ist keine Vereinbarung nach Art. 26 DSGVO "
        "erfasst.",
        "No arrangement under Art. 26 GDPR is recorded with the joint controller “{name}”."),
    "third-country-no-transfer": Text(
        "{kind} „{name}“ hat seinen Sitz in {country} (Drittland), aber es ist keine "
        "Übermittlung dorthin erfasst (Art. 30 Abs. 1 lit. e DSGVO).",
        "{kind} “{name}” is located in {country} (a third country), but no transfer there is "
        "recorded (Art. 30(1)(e) GDPR)."),
    "transfer-no-country": Text(
        "{transfer}: kein Drittland bzw. keine internationale Organisation angegeben "
        "(Art. 30 Abs. 1 lit. e DSGVO).",
        "{transfer}: no third country or international organisation recorded "
        "(Art. 30(1)(e) GDPR)."),
    "transfer-unknown-country": Text(
        "{transfer}: „{country}“ ist kein bekanntes Land (ISO-Code oder Name); ob ein "
        "Übermittlungsinstrument nötig ist, kann nicht geprüft werden.",
        "{transfer}: “{country}” is not a known country (ISO code or name); whether a transfer "
        "tool is needed cannot be checked."),
    "transfer-within-eea": Text(
        "{transfer}: {country} gehört zu EU/EWR; das ist keine Drittlandübermittlung, der "
        "Eintrag kann entfallen (Empfänger unter Empfänger erfassen).",
        "{transfer}: {country} belongs to the EU/EEA; this is no third-country transfer and "
        "the entry can go (record the recipient under recipients)."),
    "transfer-no-mechanism": Text(
        "{transfer}: für {country} besteht kein Angemessenheitsbeschluss, und es ist kein "
        "Übermittlungsinstrument angegeben (Art. 46, 49 DSGVO), z. B. "
        "Standardvertragsklauseln.",
        "{transfer}: there is no adequacy decision for {country} and no transfer tool is "
        "recorded (Art. 46, 49 GDPR), e.g. standard contractual clauses."),
    "transfer-no-mechanism-certification": Text(
        "{transfer}: der Angemessenheitsbeschluss für {country} gilt nur für zertifizierte "
        "Empfänger ({mechanism}); kein Instrument angegeben. DPF-Zertifizierung oder eine "
        "Garantie nach Art. 46 DSGVO (z. B. Standardvertragsklauseln) eintragen.",
        "{transfer}: the adequacy decision for {country} only covers certified recipients "
        "({mechanism}); no tool recorded. Record the DPF certification or an Art. 46 GDPR "
        "safeguard (e.g. standard contractual clauses)."),
    "transfer-mechanism-unclassified": Text(
        "{transfer}: das Übermittlungsinstrument ist nur als Freitext erfasst („{text}“); "
        "bitte ein Instrument aus der Liste auswählen.",
        "{transfer}: the transfer tool is only recorded as free text (“{text}”); please choose "
        "a tool from the list."),
    "transfer-adequacy-not-applicable": Text(
        "{transfer}: „{mechanism}“ trägt nicht – für {country} gibt es keinen passenden "
        "Angemessenheitsbeschluss.",
        "{transfer}: “{mechanism}” does not apply – there is no matching adequacy decision for "
        "{country}."),
    "transfer-adequacy-needs-certification": Text(
        "{transfer}: der Angemessenheitsbeschluss für {country} gilt nur für Empfänger, die "
        "nach dem EU-US Data Privacy Framework zertifiziert sind; „{certification}“ wählen oder "
        "eine Garantie nach Art. 46 DSGVO angeben.",
        "{transfer}: the adequacy decision for {country} only covers recipients certified "
        "under the EU-US Data Privacy Framework; choose “{certification}” or record an "
        "Art. 46 GDPR safeguard."),
    "transfer-invalid-mechanism": Text(
        "{transfer}: „{mechanism}“ ist ungültig (EU-US Privacy Shield, EuGH C-311/18 vom "
        "16. Juli 2020); eine neue Grundlage angeben (z. B. DPF-Zertifizierung oder "
        "Standardvertragsklauseln).",
        "{transfer}: “{mechanism}” is invalid (EU-US Privacy Shield, CJEU C-311/18 of 16 July "
        "2020); record a new basis (e.g. DPF certification or standard contractual clauses)."),
    "transfer-unknown-mechanism": Text(
        "{transfer}: das Übermittlungsinstrument „{mechanism}“ ist nicht im Vokabular.",
        "{transfer}: the transfer tool “{mechanism}” is not in the vocabulary."),
    "transfer-derogation-public-body": Text(
        "{transfer}: die Ausnahme „{mechanism}“ ist Behörden in Ausübung hoheitlicher "
        "Befugnisse verwehrt (Art. 49 Abs. 3 DSGVO).",
        "{transfer}: the derogation “{mechanism}” is not available to public authorities in "
        "the exercise of their public powers (Art. 49(3) GDPR)."),
    "transfer-49-1-2-undocumented": Text(
        "{transfer}: Übermittlung nach „{mechanism}“ ohne dokumentierte Beurteilung und "
        "geeignete Garantien (Art. 30 Abs. 1 lit. e, Art. 49 Abs. 6 DSGVO).",
        "{transfer}: transfer under “{mechanism}” without the documented assessment and "
        "suitable safeguards (Art. 30(1)(e), Art. 49(6) GDPR)."),
    "transfer-authorisation-undocumented": Text(
        "{transfer}: „{mechanism}“ braucht die Genehmigung der Aufsichtsbehörde "
        "(Art. 46 Abs. 3 DSGVO); keine Dokumentation erfasst.",
        "{transfer}: “{mechanism}” needs the supervisory authority's authorisation "
        "(Art. 46(3) GDPR); no documentation recorded."),
    "transfer-us-dpf-certification": Text(
        "{transfer}: die Übermittlung stützt sich auf die DPF-Zertifizierung; prüfen, ob der "
        "Empfänger in der Data-Privacy-Framework-Liste aktiv zertifiziert ist.",
        "{transfer}: the transfer relies on DPF certification; check that the recipient is "
        "actively certified on the Data Privacy Framework list."),
    "activity-no-tom": Text(
        "Weder eine allgemeine Beschreibung der TOM noch Maßnahmen aus dem Katalog angegeben "
        "(Art. 30 Abs. 1 lit. g, Art. 32 Abs. 1 DSGVO).",
        "Neither a general description of the TOMs nor measures from the catalogue recorded "
        "(Art. 30(1)(g), Art. 32(1) GDPR)."),
    "dpia-indicated": Text(
        "Die Schwellwertanalyse spricht für eine Datenschutz-Folgenabschätzung ({criteria}); "
        "Ergebnis festhalten (Art. 35 DSGVO).",
        "The screening points to a data protection impact assessment ({criteria}); record the "
        "result (Art. 35 GDPR)."),
    "dpia-mandatory": Text(
        "DSFA als „nicht erforderlich“ markiert, aber {criteria} verlangt sie zwingend "
        "(Art. 35 Abs. 3, 4 DSGVO).",
        "DPIA marked “not required”, but {criteria} makes it mandatory (Art. 35(3), (4) "
        "GDPR)."),
    "dpia-not-required-unjustified": Text(
        "DSFA als „nicht erforderlich“ markiert, obwohl {count} WP248-Kriterien erfüllt sind "
        "({criteria}); Begründung in den Anmerkungen zur Schwellwertanalyse festhalten.",
        "DPIA marked “not required” although {count} WP248 criteria are met ({criteria}); "
        "record the justification in the screening notes."),
    "dpia-pending": Text(
        "Eine Datenschutz-Folgenabschätzung ist erforderlich, aber noch nicht durchgeführt "
        "(vor Beginn der Verarbeitung, Art. 35 Abs. 1 DSGVO).",
        "A data protection impact assessment is required but not yet carried out (before the "
        "processing starts, Art. 35(1) GDPR)."),
    "review-overdue": Text(
        "Die Überprüfung war am {due} fällig.",
        "The review was due on {due}."),
    "review-missing": Text(
        "Freigegeben, aber kein Termin für die nächste Überprüfung festgelegt.",
        "Approved, but no date set for the next review."),
    "activity-no-department": Text(
        "Keine verantwortliche Fachabteilung angegeben.",
        "No responsible department recorded."),
    "service-no-name": Text(
        "Die Verarbeitung im Auftrag hat keine Bezeichnung.",
        "The processing on behalf of controllers has no name."),
    "service-no-controller": Text(
        "Kein Verantwortlicher angegeben, in dessen Auftrag verarbeitet wird "
        "(Art. 30 Abs. 2 lit. a DSGVO).",
        "No controller recorded on whose behalf the processing is done (Art. 30(2)(a) GDPR)."),
    "service-controller-no-contact": Text(
        "Für den Auftraggeber „{name}“ sind keine Kontaktdaten erfasst "
        "(Art. 30 Abs. 2 lit. a DSGVO).",
        "No contact details are recorded for the client controller “{name}” "
        "(Art. 30(2)(a) GDPR)."),
    "service-no-categories": Text(
        "Keine Kategorien von Verarbeitungen angegeben, die im Auftrag durchgeführt werden "
        "(Art. 30 Abs. 2 lit. b DSGVO).",
        "No categories of processing carried out on behalf recorded (Art. 30(2)(b) GDPR)."),
    "service-no-tom": Text(
        "Weder eine allgemeine Beschreibung der TOM noch Maßnahmen aus dem Katalog angegeben "
        "(Art. 30 Abs. 2 lit. d DSGVO).",
        "Neither a general description of the TOMs nor measures from the catalogue recorded "
        "(Art. 30(2)(d) GDPR)."),
}

_WORDS = {
    "unnamed": Text("(ohne Bezeichnung)", "(unnamed)"),
    "transfer": Text("Übermittlung Nr. {n}", "Transfer no. {n}"),
    "transfer-to": Text("Übermittlung Nr. {n} ({where})", "Transfer no. {n} ({where})"),
    "recipient": Text("Empfänger {name}", "recipient {name}"),
    "processor": Text("Der Auftragsverarbeiter", "The processor"),
    "ext-recipient": Text("Der Empfänger", "The recipient"),
    "unknown-land": Text("nicht angegeben", "not recorded"),
    "or": Text(" oder ", " or "),
    "such-as": Text(" wie „{name}“", " such as “{name}”"),
}


# ----------------------------------------------------------------------------- public API


def check_register(
    register: Register, *, today: date | None = None, lang: str | None = None
) -> list[Finding]:
    """All findings of every organisation in the register, sorted (see module docstring)."""
    findings: list[Finding] = []
    for org in register.organisations:
        findings.extend(check_organisation(org, register, today=today, lang=lang))
    return _sorted(findings)


def check_organisation(
    org: Organisation, register: Register, *, today: date | None = None, lang: str | None = None
) -> list[Finding]:
    """Findings of one organisation: its own details, activities, services and processors."""
    lang = lang or i18n.language()
    today = today or date.today()
    out = _Out(org, None, lang)
    _check_org_details(org, out)
    findings = list(out.findings)
    for act in org.activities:
        findings.extend(check_activity(act, org, register, today=today, lang=lang))
    for svc in org.services:
        findings.extend(_check_service(svc, org, lang))
    findings.extend(_check_processor_contracts(org, register, lang))
    return _sorted(findings)


def check_activity(
    act: Activity,
    org: Organisation,
    register: Register,
    *,
    today: date | None = None,
    lang: str | None = None,
) -> list[Finding]:
    """Findings of one processing activity of ``org``, errors first.

    Archived activities yield none. Processor contracts are checked per
    organisation (:func:`check_organisation`), not here.
    """
    if act.status == ActivityStatus.ARCHIVED:
        return []
    lang = lang or i18n.language()
    today = today or date.today()
    out = _Out(org, act.name.strip() or act.reference.strip() or _WORDS["unnamed"](lang), lang)
    if not act.name.strip():
        out.add("activity-no-name", "name")
    else:
        _check_duplicate_name(act, org, out)
    if not act.department.strip():
        out.add("activity-no-department", "department")
    _check_purposes(act, org, out)
    if not _filled(act.data_subjects):
        out.add("activity-no-data-subjects", "data_subjects")
    _check_data_categories(act, out)
    if not (_filled(act.internal_recipients) or _filled(act.recipients) or act.processors):
        out.add("activity-no-recipients", "recipients")
    for i, jc in enumerate(act.joint_controllers):
        if jc.name.strip() and not jc.arrangement.strip():
            out.add("joint-controller-no-arrangement", f"joint_controllers[{i}].arrangement",
                    name=jc.name.strip())
    _check_transfers(act.transfers, org, out)
    _check_third_country_parties(act, register, out)
    if not (act.tom_description.strip() or act.toms):
        out.add("activity-no-tom", "tom_description")
    _check_dpia(act, out)
    if act.next_review is not None and act.next_review < today:
        due = act.next_review
        out.add("review-overdue", "next_review",
                due=f"{due:%d.%m.%Y}" if lang == "de" else due.isoformat())
    elif act.next_review is None and act.status == ActivityStatus.APPROVED:
        out.add("review-missing", "next_review")
    return sorted(out.findings, key=lambda f: f.severity.rank)


def completeness(act: Activity) -> float:
    """Share (0..1) of the Art. 30(1)(b)-(g) items of the activity that are filled in.

    Eight items count equally: purposes; a legal basis for every purpose; data
    subjects; data categories; recipients (an internal or external recipient or
    a processor — the model has no explicit "none"); a retention rule for every
    category; TOMs (description or catalogue link); transfers answered (no
    transfer at all, or every transfer with a country and, where one is needed,
    a mechanism, plus the documentation Art. 49(1) second subparagraph asks for).
    The items measure what is filled in, not whether it is lawful.
    """
    purposes = [p for p in act.purposes if p.text.strip() or p.legal_bases]
    categories = [c for c in act.data_categories if c.name.strip()]
    items = (
        any(p.text.strip() for p in purposes),
        bool(purposes) and all(_filled(p.legal_bases) for p in purposes),
        _filled(act.data_subjects),
        bool(categories),
        _filled(act.internal_recipients) or _filled(act.recipients) or bool(act.processors),
        bool(categories) and all(not c.retention.is_empty() for c in categories),
        bool(act.tom_description.strip() or act.toms),
        all(_transfer_answered(t) for t in act.transfers),
    )
    return sum(items) / len(items)


# ------------------------------------------------------------------------------ plumbing


@dataclass(slots=True)
class _Out:
    """Collects the findings of one organisation, activity or service."""

    org: Organisation
    activity: str | None
    lang: str
    findings: list[Finding] = field(default_factory=list)

    def add(self, code: str, field_path: str | None, template: Text | None = None,
            **params: Any) -> None:
        message = (template or _M[code])(self.lang, **params)
        self.findings.append(Finding(
            _SEVERITY[code], code, self.org.name, self.activity, message, field_path))


def _sorted(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (
        f.organisation.casefold(), f.organisation, f.activity is not None,
        (f.activity or "").casefold(), f.activity or "", f.severity.rank))


def _filled(items: Iterable[str]) -> bool:
    return any(item.strip() for item in items)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ------------------------------------------------------------------------- organisation


def _check_org_details(org: Organisation, out: _Out) -> None:
    if not org.name.strip():
        out.add("org-no-name", "name")
    if not any(s.strip() for s in (org.street, org.postcode, org.city, org.phone, org.email)):
        out.add("org-no-contact", "street", org=org.name.strip() or "?")
    dpo = org.dpo
    if dpo.is_empty():
        if org.kind.is_public_body:
            out.add("org-no-dpo", "dpo")
        else:
            out.add("org-no-dpo-nonpublic", "dpo")
    elif not any(s.strip() for s in (dpo.street, dpo.city, dpo.phone, dpo.email)):
        out.add("org-dpo-no-contact", "dpo.email",
                dpo=dpo.name.strip() or dpo.organisation.strip())
    if not org.supervisory_authority.strip():
        out.add("org-no-authority", "supervisory_authority",
                land=org.land.strip() or _WORDS["unknown-land"](out.lang))
    if org.is_controller and not any(
        a.status != ActivityStatus.ARCHIVED for a in org.activities
    ):
        out.add("org-no-activities", "activities", org=org.name.strip() or "?")
    if org.is_processor and not org.services:
        out.add("org-processor-without-services", "services", org=org.name.strip() or "?")


def _check_processor_contracts(org: Organisation, register: Register, lang: str) -> list[Finding]:
    processors = register.processors_by_uid()
    uses: dict[str, list[str]] = {}
    users: list[tuple[str, list[str]]] = [
        (a.name.strip() or _WORDS["unnamed"](lang), [p.processor for p in a.processors])
        for a in org.activities if a.status != ActivityStatus.ARCHIVED
    ]
    users += [
        (s.name.strip() or _WORDS["unnamed"](lang), [p.processor for p in s.subprocessors])
        for s in org.services if s.status != ActivityStatus.ARCHIVED
    ]
    for user, uids in users:
        for uid in uids:
            names = uses.setdefault(uid, [])
            if user not in names:
                names.append(user)
    out = _Out(org, None, lang)
    for uid, names in uses.items():
        proc = processors.get(uid)
        if proc is None or proc.contract_date is not None or proc.contract_reference.strip():
            continue
        out.add("processor-no-contract", None, processor=proc.name.strip() or uid,
                uses=", ".join(names))
    return out.findings


# ------------------------------------------------------------------------------ activity


def _check_duplicate_name(act: Activity, org: Organisation, out: _Out) -> None:
    key = act.name.strip().casefold()
    count = sum(
        1 for a in org.activities
        if a.status != ActivityStatus.ARCHIVED and a.name.strip().casefold() == key
    )
    if count > 1:
        out.add("activity-duplicate-name", "name", name=act.name.strip(), count=count)


@dataclass(frozen=True, slots=True)
class _Basis:
    """What one entry of ``Purpose.legal_bases`` stands for."""

    text: str
    gdpr: frozenset[str]
    """Ids of :func:`vocab.legal_bases` it names (by id or as a citation)."""
    provision: vocab.Term | None
    """The national provision of the vocabulary it names, if any."""
    law: bool
    """True if it names any provision of law other than the GDPR itself."""
    cited: bool
    """True if it is a vocabulary id or contains a citation (§ or Art.)."""


def _label(basis_id: str, lang: str) -> str:
    term = vocab.legal_bases().get(basis_id)
    if term is not None:
        return str(term.attrs.get("citation_de" if lang == "de" else "citation_en") or term.id)
    term = vocab.national_provisions().get(basis_id)
    if term is not None:
        return str(term.attrs.get("citation") or term.id)
    return basis_id


def _classify(text: str) -> _Basis:
    raw = text.strip()
    key = raw.lower()
    if key in vocab.legal_bases():
        return _Basis(raw, frozenset({key}), None, False, True)
    term = vocab.national_provisions().get(key)
    if term is not None:
        return _Basis(raw, frozenset(), term, True, True)
    # One recogniser for citations: the parsing module, as used by the import.
    citations = parsing.find_citations(raw)
    parsed = parsing.parse_legal_bases(raw)
    bases = vocab.legal_bases()
    gdpr = {i for c in citations for i in c.ids if i in bases}
    gdpr.update(i for i in parsed.ids if i in bases)
    national = [i for c in citations if not c.gdpr for i in c.ids]
    provision = vocab.national_provisions().get(national[0]) if national else None
    # Citations of the GDPR's other articles (e.g. Art. 37 for a legal obligation under
    # Union law) count as the law a basis rests on; Art. 6, 9 and 10 themselves do not.
    law = any(not (c.gdpr and c.article in _GDPR_BASIS_ARTICLES) for c in citations)
    rest = _GDPR_NAME.sub(" ", parsed.rest)
    law = law or bool(_LAW_WORD.search(_fold(rest)) or _LAW_ABBREVIATION.search(rest))
    cited = bool(_CITED.search(_fold(raw)))
    return _Basis(raw, frozenset(gdpr), provision, law, cited)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.replace(".", " ")


_GDPR_BASIS_ARTICLES = frozenset({"6", "9", "10"})
_GDPR_NAME = re.compile(r"\b(?:eu-)?ds-?gvo\b|\bgdpr\b", re.IGNORECASE)
_CITED = re.compile(r"§|\bart\b|\bartikel\b|\barticle\b")
# A free-text basis that names a law without citing a section ("Bundesmeldegesetz", "BMG").
_LAW_WORD = re.compile(r"gesetz|ordnung|satzung|richtlinie|verordnung|\bact\b|\blaw\b")
_LAW_ABBREVIATION = re.compile(r"\b[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*[A-Z]\b")


def _check_purposes(act: Activity, org: Organisation, out: _Out) -> None:
    lang = out.lang
    named = [p for p in act.purposes if p.text.strip()]
    if not named:
        out.add("activity-no-purpose", "purposes")
    for i, purpose in enumerate(act.purposes):
        path = f"purposes[{i}]"
        bases = [_classify(b) for b in purpose.legal_bases if b.strip()]
        if not purpose.text.strip():
            if bases and named:
                out.add("purpose-no-text", f"{path}.text", n=i + 1,
                        bases=", ".join(_label(b.text, lang) for b in bases))
            continue
        name = _short(purpose.text)
        if not bases:
            out.add("purpose-no-legal-basis", f"{path}.legal_bases", purpose=name)
            continue
        ids = frozenset().union(*(b.gdpr for b in bases))
        art6 = {x for x in ids if x.startswith("art6-")}
        contested = [b.provision for b in bases
                     if b.provision is not None and b.provision.attrs.get("contested")]
        pair = {p for t in contested for p in t.attrs.get("pair_with", ())}
        if contested and not (ids & pair):
            out.add("contested-national-basis", f"{path}.legal_bases", purpose=name,
                    provision=", ".join(str(t.attrs.get("citation", t.id)) for t in contested),
                    pair=_WORDS["or"](lang).join(_label(p, lang) for p in sorted(pair)))
        elif not art6:
            out.add("purpose-no-art6-basis", f"{path}.legal_bases", purpose=name,
                    bases=", ".join(_label(b.text, lang) for b in bases))
        needs_law = sorted(art6 & {"art6-1-c", "art6-1-e"})
        if needs_law and not any(b.law for b in bases):
            out.add("legal-basis-no-provision", f"{path}.legal_bases", purpose=name,
                    basis=_WORDS["or"](lang).join(_label(b, lang) for b in needs_law))
        if "art6-1-f" in ids:
            if org.kind.is_public_body:
                out.add("public-body-legitimate-interest", f"{path}.legal_bases", purpose=name)
            if not purpose.legitimate_interest.strip():
                out.add("legitimate-interest-not-described", f"{path}.legitimate_interest",
                        purpose=name)
        for basis in bases:
            if not basis.cited:
                out.add("legal-basis-free-text", f"{path}.legal_bases", purpose=name,
                        basis=basis.text)


def _check_data_categories(act: Activity, out: _Out) -> None:
    categories = [(i, c) for i, c in enumerate(act.data_categories) if c.name.strip()]
    if not categories:
        out.add("activity-no-data-categories", "data_categories")
        return
    bases = [_classify(b) for p in act.purposes for b in p.legal_bases if b.strip()]
    art9_ok = any(
        any(i.startswith("art9-") for i in b.gdpr)
        or (b.provision is not None and b.provision.attrs.get("topic") == "special-categories")
        for b in bases
    )
    art10_ok = any(
        "art10" in b.gdpr
        or (b.law and not (b.provision is not None and b.provision.attrs.get("topic") == "general"))
        for b in bases
    )
    general = [str(b.provision.attrs.get("citation")) for b in bases
               if b.provision is not None and b.provision.attrs.get("topic") == "general"]
    for i, cat in categories:
        name = _short(cat.name)
        if cat.special == SpecialCategory.ART9 and not art9_ok:
            out.add("art9-no-condition", f"data_categories[{i}].special", category=name)
        if cat.special == SpecialCategory.ART10 and not art10_ok:
            out.add("art10-no-basis", f"data_categories[{i}].special", category=name,
                    general=_WORDS["such-as"](out.lang, name=general[0]) if general else "")
        if cat.retention.is_empty():
            out.add("data-category-no-retention", f"data_categories[{i}].retention",
                    category=name)


def _check_dpia(act: Activity, out: _Out) -> None:
    dpia = act.dpia
    lang = out.lang
    wp248 = list(dict.fromkeys(c for c in dpia.wp248 if c.strip()))
    mandatory = [c for c in (*dpia.art35_3, *dpia.dsk_list) if c.strip()]

    def labels(ids: list[str]) -> str:
        names = []
        for cid in ids:
            term = (vocab.dpia_wp248().get(cid) or vocab.dpia_art35_3().get(cid)
                    or vocab.dpia_dsk_list().get(cid))
            names.append(term.label(lang) if term is not None else cid)
        return "; ".join(names)

    if dpia.result == DpiaResult.NOT_ASSESSED:
        if mandatory or len(wp248) >= 2:
            out.add("dpia-indicated", "dpia.result", criteria=labels(mandatory + wp248))
    elif dpia.result == DpiaResult.NOT_REQUIRED:
        if mandatory:
            out.add("dpia-mandatory", "dpia.result", criteria=labels(mandatory))
        elif len(wp248) >= 2 and not (dpia.notes.strip() or dpia.reference.strip()):
            out.add("dpia-not-required-unjustified", "dpia.notes", count=len(wp248),
                    criteria=labels(wp248))
    elif dpia.result == DpiaResult.REQUIRED:
        out.add("dpia-pending", "dpia.result")


# ----------------------------------------------------------------------------- transfers


def _resolve_country(text: str) -> str | None:
    """Lower-case vocabulary key (alpha-2 or ``int-...``) of a transfer's country, or None."""
    key = text.strip().lower()
    if not key:
        return None
    if key in vocab.countries() or key in vocab.adequacy():
        return key
    code = vocab.country_code(text)
    return code.lower() if code else None


def _country_label(key: str | None, text: str, lang: str) -> str:
    if key is None:
        return text.strip()
    term = vocab.countries().get(key) or vocab.adequacy().get(key)
    return term.label(lang) if term is not None else text.strip()


def _mechanism_needed(key: str | None, mechanism: str) -> bool:
    """Whether a transfer to ``key`` needs a tool other than the plain adequacy decision."""
    if key is None:
        return True
    if vocab.is_eea(key):
        return False
    decision = vocab.adequacy_for(key)
    if decision is None:
        return True
    return bool(decision.attrs.get("requires_certification")) and mechanism != str(
        decision.attrs.get("certification_mechanism"))


def _transfer_answered(t: Transfer) -> bool:
    if not t.country.strip():
        return False
    mechanism = t.mechanism.strip().lower()
    term = vocab.transfer_mechanisms().get(mechanism)
    if term is not None and term.attrs.get("needs_documentation") and not t.documentation.strip():
        return False
    key = _resolve_country(t.country)
    return bool(mechanism or t.mechanism_text.strip()) or not _mechanism_needed(key, mechanism)


def _check_transfers(transfers: list[Transfer], org: Organisation, out: _Out) -> None:
    lang = out.lang
    mechanisms = vocab.transfer_mechanisms()
    for i, t in enumerate(transfers):
        path = f"transfers[{i}]"
        key = _resolve_country(t.country)
        country = _country_label(key, t.country, lang)
        where = ", ".join(s for s in (
            country, _WORDS["recipient"](lang, name=t.recipient.strip()) if t.recipient.strip()
            else "") if s)
        label = (_WORDS["transfer-to"](lang, n=i + 1, where=where) if where
                 else _WORDS["transfer"](lang, n=i + 1))
        mech_id = t.mechanism.strip().lower()
        term = mechanisms.get(mech_id) if mech_id else None
        mech_label = term.label(lang) if term is not None else t.mechanism.strip()

        if not t.country.strip():
            out.add("transfer-no-country", f"{path}.country", transfer=label)
        elif key is None:
            out.add("transfer-unknown-country", f"{path}.country", transfer=label,
                    country=t.country.strip())

        if mech_id and term is None:
            out.add("transfer-unknown-mechanism", f"{path}.mechanism", transfer=label,
                    mechanism=t.mechanism.strip())
            continue
        if (term is not None and not term.attrs.get("valid", True)) or (
            "privacy shield" in " ".join(t.mechanism_text.casefold().split())
        ):
            out.add("transfer-invalid-mechanism", f"{path}.mechanism", transfer=label,
                    mechanism=mech_label or t.mechanism_text.strip())
            continue
        if term is not None:
            if org.kind.is_public_body and not term.attrs.get("public_authority_allowed", True):
                out.add("transfer-derogation-public-body", f"{path}.mechanism", transfer=label,
                        mechanism=mech_label)
            if term.attrs.get("needs_documentation") and not t.documentation.strip():
                out.add("transfer-49-1-2-undocumented", f"{path}.documentation",
                        transfer=label, mechanism=mech_label)
            if term.attrs.get("needs_authorisation") and not t.documentation.strip():
                out.add("transfer-authorisation-undocumented", f"{path}.documentation",
                        transfer=label, mechanism=mech_label)
        if key is None:
            continue
        if vocab.is_eea(key):
            out.add("transfer-within-eea", f"{path}.country", transfer=label, country=country)
            continue
        decision = vocab.adequacy_for(key)
        certification = str(decision.attrs.get("certification_mechanism") or "") if decision \
            else ""
        if term is not None and term.attrs.get("group") == "adequacy":
            if decision is None or (mech_id != "adequacy" and mech_id != certification):
                out.add("transfer-adequacy-not-applicable", f"{path}.mechanism", transfer=label,
                        mechanism=mech_label, country=country)
            elif mech_id == "adequacy" and certification:
                cert_term = mechanisms.get(certification)
                out.add("transfer-adequacy-not-applicable", f"{path}.mechanism",
                        template=_M["transfer-adequacy-needs-certification"], transfer=label,
                        country=country,
                        certification=cert_term.label(lang) if cert_term else certification)
            elif mech_id == certification:
                out.add("transfer-us-dpf-certification", f"{path}.mechanism", transfer=label)
        elif term is None and _mechanism_needed(key, mech_id):
            if t.mechanism_text.strip():
                out.add("transfer-mechanism-unclassified", f"{path}.mechanism", transfer=label,
                        text=_short(t.mechanism_text))
            elif certification:
                cert_term = mechanisms.get(certification)
                out.add("transfer-no-mechanism", f"{path}.mechanism",
                        template=_M["transfer-no-mechanism-certification"], transfer=label,
                        country=country,
                        mechanism=cert_term.label(lang) if cert_term else certification)
            else:
                out.add("transfer-no-mechanism", f"{path}.mechanism", transfer=label,
                        country=country)


def _check_third_country_parties(act: Activity, register: Register, out: _Out) -> None:
    lang = out.lang
    countries = {_resolve_country(t.country) for t in act.transfers}
    linked = {t.processor for t in act.transfers if t.processor}
    processors = register.processors_by_uid()
    recipients = register.recipients_by_uid()
    for i, link in enumerate(act.processors):
        proc = processors.get(link.processor)
        if proc is None or proc.uid in linked:
            continue
        key = _resolve_country(proc.country)
        if key is not None and not vocab.is_eea(key) and key not in countries:
            out.add("third-country-no-transfer", f"processors[{i}]",
                    kind=_WORDS["processor"](lang), name=proc.name.strip() or proc.uid,
                    country=_country_label(key, proc.country, lang))
    for i, uid in enumerate(act.recipients):
        rec = recipients.get(uid)
        if rec is None:
            continue
        key = _resolve_country(rec.country)
        if key is not None and not vocab.is_eea(key) and key not in countries:
            out.add("third-country-no-transfer", f"recipients[{i}]",
                    kind=_WORDS["ext-recipient"](lang), name=rec.name.strip() or rec.uid,
                    country=_country_label(key, rec.country, lang))


# ------------------------------------------------------------------------------ services


def _check_service(svc: ProcessingService, org: Organisation, lang: str) -> list[Finding]:
    if svc.status == ActivityStatus.ARCHIVED:
        return []
    out = _Out(org, svc.name.strip() or svc.reference.strip() or _WORDS["unnamed"](lang), lang)
    if not svc.name.strip():
        out.add("service-no-name", "name")
    named = [(i, c) for i, c in enumerate(svc.controllers) if c.name.strip()]
    if not named:
        out.add("service-no-controller", "controllers")
    for i, client in named:
        if not client.contact.strip():
            out.add("service-controller-no-contact", f"controllers[{i}].contact",
                    name=client.name.strip())
    if not _filled(svc.categories):
        out.add("service-no-categories", "categories")
    _check_transfers(svc.transfers, org, out)
    if not (svc.tom_description.strip() or svc.toms):
        out.add("service-no-tom", "tom_description")
    return sorted(out.findings, key=lambda f: f.severity.rank)
