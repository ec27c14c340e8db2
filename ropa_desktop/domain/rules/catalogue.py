"""The rule catalogue: one record per rule with its code, severity, description and
the message of its findings, in German and English."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from ropa_desktop.domain.i18n import Text


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


class Rule(NamedTuple):
    """A rule of the table :data:`RULES`: its code, severity, what it checks (``text``) and
    the message of its findings (``message``, with placeholders the checks fill in;
    ``variants`` are other wordings of that message for special cases)."""

    code: str
    severity: Severity
    text: Text
    message: Text
    variants: Mapping[str, Text] = MappingProxyType({})


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    # --- organisation (Art. 30(1)(a), Art. 37)
    Rule(
        "org-no-name",
        _E,
        text=Text(
            "Die Organisation hat keinen Namen (Art. 30 Abs. 1 lit. a DSGVO).",
            "The organisation has no name (Art. 30(1)(a) GDPR).",
        ),
        message=Text(
            "Die Organisation hat keinen Namen (Art. 30 Abs. 1 lit. a DSGVO).",
            "The organisation has no name (Art. 30(1)(a) GDPR).",
        ),
    ),
    Rule(
        "org-no-contact",
        _E,
        text=Text(
            "Keine Anschrift, keine Telefonnummer und keine E-Mail-Adresse des Verantwortlichen "
            "(Art. 30 Abs. 1 lit. a DSGVO).",
            "No address, phone number or e-mail address of the controller (Art. 30(1)(a) GDPR).",
        ),
        message=Text(
            "Für „{org}“ ist weder eine Anschrift noch eine Telefonnummer oder E-Mail-Adresse "
            "erfasst (Art. 30 Abs. 1 lit. a DSGVO).",
            "No address, phone number or e-mail address is recorded for “{org}” "
            "(Art. 30(1)(a) GDPR).",
        ),
    ),
    Rule(
        "org-no-dpo",
        _E,
        text=Text(
            "Öffentliche Stelle ohne Datenschutzbeauftragten (Art. 37 Abs. 1 lit. a, "
            "Art. 30 Abs. 1 lit. a DSGVO).",
            "Public body without a data protection officer (Art. 37(1)(a), Art. 30(1)(a) GDPR).",
        ),
        message=Text(
            "Kein Datenschutzbeauftragter erfasst. Für öffentliche Stellen ist die Benennung "
            "Pflicht (Art. 37 Abs. 1 lit. a DSGVO); Name und Kontaktdaten gehören ins Verzeichnis "
            "(Art. 30 Abs. 1 lit. a DSGVO).",
            "No data protection officer recorded. Public bodies must designate one "
            "(Art. 37(1)(a) GDPR); name and contact details belong in the record "
            "(Art. 30(1)(a) GDPR).",
        ),
    ),
    Rule(
        "org-no-dpo-nonpublic",
        _W,
        text=Text(
            "Kein Datenschutzbeauftragter erfasst; Benennungspflicht prüfen (Art. 37 DSGVO, "
            "§ 38 BDSG).",
            "No data protection officer recorded; check the duty to designate one (Art. 37 GDPR, "
            "§ 38 BDSG).",
        ),
        message=Text(
            "Kein Datenschutzbeauftragter erfasst. Benennungspflicht prüfen (Art. 37 DSGVO, "
            "§ 38 BDSG); falls benannt, Name und Kontaktdaten eintragen (Art. 30 Abs. 1 lit. a "
            "DSGVO).",
            "No data protection officer recorded. Check the duty to designate one (Art. 37 GDPR, "
            "§ 38 BDSG); if designated, record name and contact details (Art. 30(1)(a) GDPR).",
        ),
    ),
    Rule(
        "org-dpo-no-contact",
        _E,
        text=Text(
            "Datenschutzbeauftragter ohne Kontaktdaten (Art. 30 Abs. 1 lit. a DSGVO).",
            "Data protection officer without contact details (Art. 30(1)(a) GDPR).",
        ),
        message=Text(
            "Für den Datenschutzbeauftragten „{dpo}“ sind keine Kontaktdaten (Anschrift, Telefon "
            "oder E-Mail) erfasst (Art. 30 Abs. 1 lit. a DSGVO).",
            "No contact details (address, phone or e-mail) are recorded for the data protection "
            "officer “{dpo}” (Art. 30(1)(a) GDPR).",
        ),
    ),
    Rule(
        "org-no-authority",
        _W,
        text=Text(
            "Keine zuständige Aufsichtsbehörde angegeben.",
            "No competent supervisory authority recorded.",
        ),
        message=Text(
            "Keine zuständige Aufsichtsbehörde angegeben (Land: {land}).",
            "No competent supervisory authority recorded (Land: {land}).",
        ),
    ),
    Rule(
        "org-no-activities",
        _W,
        text=Text(
            "Verantwortlicher ohne Verarbeitungstätigkeiten.",
            "Controller without processing activities.",
        ),
        message=Text(
            "„{org}“ ist als Verantwortlicher gekennzeichnet, hat aber keine "
            "Verarbeitungstätigkeiten.",
            "“{org}” is marked as controller but has no processing activities.",
        ),
    ),
    Rule(
        "org-processor-without-services",
        _W,
        text=Text(
            "Als Auftragsverarbeiter gekennzeichnet, aber keine Verarbeitungen im Auftrag erfasst "
            "(Art. 30 Abs. 2 DSGVO).",
            "Marked as processor but no processing on behalf of controllers recorded "
            "(Art. 30(2) GDPR).",
        ),
        message=Text(
            "„{org}“ ist als Auftragsverarbeiter gekennzeichnet, aber es sind keine "
            "Verarbeitungen im Auftrag erfasst (Art. 30 Abs. 2 DSGVO).",
            "“{org}” is marked as processor, but no processing on behalf of controllers is "
            "recorded (Art. 30(2) GDPR).",
        ),
    ),
    Rule(
        "processor-no-contract",
        _W,
        text=Text(
            "Auftragsverarbeiter ohne erfassten Vertrag (Datum oder Aktenzeichen, Art. 28 Abs. 3 "
            "DSGVO); einmal je Auftragsverarbeiter und Organisation.",
            "Processor without a recorded contract (date or reference, Art. 28(3) GDPR); once per "
            "processor and organisation.",
        ),
        message=Text(
            "Für den Auftragsverarbeiter „{processor}“ (genutzt in: {uses}) ist kein Vertrag nach "
            "Art. 28 Abs. 3 DSGVO erfasst (weder Datum noch Aktenzeichen).",
            "No contract under Art. 28(3) GDPR is recorded for the processor “{processor}” "
            "(used in: {uses}): neither date nor reference.",
        ),
    ),
    # --- activity: name and purposes (Art. 30(1)(b))
    Rule(
        "activity-no-name",
        _E,
        text=Text(
            "Verarbeitungstätigkeit ohne Bezeichnung.", "Processing activity without a name."
        ),
        message=Text(
            "Die Verarbeitungstätigkeit hat keine Bezeichnung.",
            "The processing activity has no name.",
        ),
    ),
    Rule(
        "activity-duplicate-name",
        _W,
        text=Text(
            "Mehrere Verarbeitungstätigkeiten der Organisation tragen dieselbe Bezeichnung.",
            "Several processing activities of the organisation have the same name.",
        ),
        message=Text(
            "Die Bezeichnung „{name}“ tragen {count} Verarbeitungstätigkeiten dieser "
            "Organisation; Doppelerfassung prüfen.",
            "{count} processing activities of this organisation are named “{name}”; check for "
            "duplicates.",
        ),
    ),
    Rule(
        "activity-no-purpose",
        _E,
        text=Text(
            "Kein Zweck der Verarbeitung angegeben (Art. 30 Abs. 1 lit. b DSGVO).",
            "No purpose of the processing recorded (Art. 30(1)(b) GDPR).",
        ),
        message=Text(
            "Kein Zweck der Verarbeitung angegeben (Art. 30 Abs. 1 lit. b DSGVO).",
            "No purpose of the processing recorded (Art. 30(1)(b) GDPR).",
        ),
    ),
    Rule(
        "purpose-no-text",
        _E,
        text=Text(
            "Ein Zweckeintrag hat Rechtsgrundlagen, aber keinen Zwecktext.",
            "A purpose entry has legal bases but no text.",
        ),
        message=Text(
            "Zweck Nr. {n} hat Rechtsgrundlagen ({bases}), aber keinen Zwecktext.",
            "Purpose no. {n} has legal bases ({bases}) but no text.",
        ),
    ),
    Rule(
        "purpose-no-legal-basis",
        _E,
        text=Text(
            "Zweck ohne Rechtsgrundlage (Art. 6 Abs. 1 DSGVO).",
            "Purpose without a legal basis (Art. 6(1) GDPR).",
        ),
        message=Text(
            "Für den Zweck „{purpose}“ ist keine Rechtsgrundlage angegeben (Art. 6 Abs. 1 DSGVO).",
            "No legal basis is recorded for the purpose “{purpose}” (Art. 6(1) GDPR).",
        ),
    ),
    Rule(
        "purpose-no-art6-basis",
        _W,
        text=Text(
            "Zweck nennt keine Rechtsgrundlage aus Art. 6 Abs. 1 DSGVO (nationale Vorschriften "
            "und Art. 9/10 treten nur hinzu).",
            "Purpose names no Art. 6(1) GDPR basis (national provisions and Art. 9/10 only add "
            "to one).",
        ),
        message=Text(
            "Der Zweck „{purpose}“ nennt keine Rechtsgrundlage aus Art. 6 Abs. 1 DSGVO, nur "
            "{bases}. Die passende Grundlage (meist lit. c oder e) ergänzen.",
            "The purpose “{purpose}” names no Art. 6(1) GDPR basis, only {bases}. Add the "
            "matching one (usually point (c) or (e)).",
        ),
    ),
    Rule(
        "legal-basis-no-provision",
        _W,
        text=Text(
            "Art. 6 Abs. 1 lit. c oder e DSGVO ohne die Vorschrift des Unions- oder deutschen "
            "Rechts, auf der sie beruht (Art. 6 Abs. 3 DSGVO).",
            "Art. 6(1)(c) or (e) GDPR without the provision of Union or German law it rests on "
            "(Art. 6(3) GDPR).",
        ),
        message=Text(
            "Der Zweck „{purpose}“ stützt sich auf {basis}, nennt aber nicht die Vorschrift des "
            "Unions- oder deutschen Rechts, auf der die Verarbeitung beruht (Art. 6 Abs. 3 "
            "DSGVO), z. B. eine Fachvorschrift oder die Generalklausel des "
            "Landesdatenschutzgesetzes.",
            "The purpose “{purpose}” relies on {basis} but does not name the provision of Union "
            "or German law the processing rests on (Art. 6(3) GDPR), e.g. a sector-specific "
            "provision or the general clause of the Land data protection act.",
        ),
    ),
    Rule(
        "legal-basis-free-text",
        _I,
        text=Text(
            "Rechtsgrundlage ist weder ein Vokabulareintrag noch eine Normzitierung (§ / Art.).",
            "Legal basis is neither a vocabulary entry nor a citation (§ / Art.).",
        ),
        message=Text(
            "Die Rechtsgrundlage „{basis}“ des Zwecks „{purpose}“ ist weder ein Eintrag des "
            "Vokabulars noch eine Normzitierung (§ / Art.); bitte präzisieren.",
            "The legal basis “{basis}” of the purpose “{purpose}” is neither a vocabulary entry "
            "nor a citation (§ / Art.); please make it precise.",
        ),
    ),
    Rule(
        "public-body-legitimate-interest",
        _E,
        text=Text(
            "Öffentliche Stelle stützt einen Zweck auf berechtigte Interessen (Art. 6 Abs. 1 "
            "Unterabs. 2 DSGVO).",
            "Public body relies on legitimate interests for a purpose (Art. 6(1) second "
            "subparagraph GDPR).",
        ),
        message=Text(
            "Der Zweck „{purpose}“ stützt sich auf berechtigte Interessen (Art. 6 Abs. 1 lit. f "
            "DSGVO). Für die Erfüllung öffentlicher Aufgaben ist das einer Behörde nicht zulässig "
            "(Art. 6 Abs. 1 Unterabs. 2 DSGVO); nur außerhalb öffentlicher Aufgaben (z. B. "
            "fiskalisches Handeln) vertretbar. Sonst Art. 6 Abs. 1 lit. c oder e DSGVO mit der "
            "Rechtsvorschrift angeben.",
            "The purpose “{purpose}” relies on legitimate interests (Art. 6(1)(f) GDPR). A public "
            "authority may not do so in the performance of its public tasks (Art. 6(1) second "
            "subparagraph GDPR); it is only arguable outside public tasks (e.g. acting as a "
            "market participant). Otherwise record Art. 6(1)(c) or (e) GDPR with the legal "
            "provision.",
        ),
    ),
    Rule(
        "legitimate-interest-not-described",
        _W,
        text=Text(
            "Art. 6 Abs. 1 lit. f DSGVO ohne Beschreibung des berechtigten Interesses.",
            "Art. 6(1)(f) GDPR without a description of the legitimate interest.",
        ),
        message=Text(
            "Der Zweck „{purpose}“ stützt sich auf Art. 6 Abs. 1 lit. f DSGVO, aber das "
            "berechtigte Interesse ist nicht beschrieben.",
            "The purpose “{purpose}” relies on Art. 6(1)(f) GDPR, but the legitimate interest is "
            "not described.",
        ),
    ),
    Rule(
        "contested-national-basis",
        _W,
        text=Text(
            "Zweck stützt sich allein auf eine seit EuGH C-34/21 umstrittene Vorschrift "
            "(z. B. § 26 BDSG) ohne eine der zugehörigen Grundlagen aus Art. 6 Abs. 1 DSGVO.",
            "Purpose rests on a provision contested since CJEU C-34/21 (e.g. § 26 BDSG) without "
            "one of the Art. 6(1) GDPR bases it must be paired with.",
        ),
        message=Text(
            "Der Zweck „{purpose}“ stützt sich auf {provision}, die seit dem Urteil des EuGH "
            "C-34/21 (30. März 2023) weithin nicht als eigenständige Rechtsgrundlage gilt. "
            "Zusätzlich eine dieser Grundlagen angeben: {pair}.",
            "The purpose “{purpose}” relies on {provision}, widely held since the CJEU judgment "
            "C-34/21 (30 March 2023) not to be a legal basis of its own. Add one of these bases: "
            "{pair}.",
        ),
    ),
    # --- the law of the organisation's own Land and kind of body (Art. 6(3), 9(2) GDPR)
    Rule(
        "provision-other-land",
        _E,
        text=Text(
            "Vorschrift eines anderen Landes als des Landes der Organisation (Art. 6 Abs. 3 "
            "DSGVO: die Vorschrift muss für den Verantwortlichen gelten).",
            "Provision of another Land than the organisation's (Art. 6(3) GDPR: the provision "
            "must be one that binds the controller).",
        ),
        message=Text(
            "Der Zweck „{purpose}“ nennt „{provision}“, eine Vorschrift aus {other}; "
            "„{org}“ ist in {land} erfasst, deren Landesrecht gilt (Art. 6 Abs. 3 DSGVO). Die "
            "entsprechende Vorschrift des eigenen Landes eintragen.",
            "The purpose “{purpose}” names “{provision}”, a provision of {other}; “{org}” is "
            "recorded in {land}, whose law applies (Art. 6(3) GDPR). Enter the corresponding "
            "provision of its own Land.",
        ),
    ),
    Rule(
        "federal-provision-land-body",
        _E,
        text=Text(
            "Vorschrift des BDSG bei einer öffentlichen Stelle eines Landes (das BDSG gilt für sie "
            "nur, soweit kein Landesgesetz besteht: § 1 Abs. 1 S. 1 Nr. 2 BDSG).",
            "BDSG provision for a public body of a Land (the BDSG binds it only where no Land "
            "law exists: § 1(1) first sentence no. 2 BDSG).",
        ),
        message=Text(
            "Der Zweck „{purpose}“ nennt „{provision}“. „{org}“ ist eine öffentliche Stelle in "
            "{land}; für sie gilt das Landesdatenschutzgesetz, nicht das BDSG (§ 1 Abs. 1 S. 1 "
            "Nr. 2 BDSG). Die Vorschrift des Landesrechts eintragen.",
            "The purpose “{purpose}” names “{provision}”. “{org}” is a public body in {land}; "
            "the Land data protection act applies to it, not the BDSG (§ 1(1) first sentence "
            "no. 2 BDSG). Enter the provision of Land law.",
        ),
    ),
    Rule(
        "provision-not-for-body",
        _E,
        text=Text(
            "Vorschrift, die für diese Art von Stelle nicht gilt (z. B. eine Vorschrift für "
            "öffentliche Stellen bei einem Unternehmen in privater Rechtsform).",
            "Provision that does not bind this kind of body (e.g. a provision for public bodies "
            "used by a company under private law).",
        ),
        message=Text(
            "Der Zweck „{purpose}“ nennt „{provision}“, die nur für {binds} gilt; „{org}“ ist "
            "als {kind} erfasst. Die Vorschrift prüfen oder die Einstellung „öffentliche "
            "Stelle“ der Organisation berichtigen.",
            "The purpose “{purpose}” names “{provision}”, which binds only {binds}; “{org}” is "
            "recorded as {kind}. Check the provision or correct the organisation's "
            "“public body” setting.",
        ),
    ),
    Rule(
        "provision-role-open",
        _W,
        text=Text(
            "Eine Vorschrift, die die Vorlage für das Land der Organisation nicht kennt, ist noch "
            "offen (Art. 6 Abs. 3 DSGVO verlangt die konkrete Norm).",
            "A provision the template does not know for the organisation's Land is still open "
            "(Art. 6(3) GDPR needs the concrete provision).",
        ),
        message=Text(
            "Der Zweck „{purpose}“ enthält „{basis}“: Diese Vorschrift ist für das Land der "
            "Organisation nicht verifiziert hinterlegt. Die Fundstelle (Gesetz und Paragraf) "
            "eintragen.",
            "The purpose “{purpose}” contains “{basis}”: this provision is not recorded "
            "(verified) for the organisation's Land. Enter the citation (act and section).",
        ),
    ),
    Rule(
        "public-body-consent",
        _W,
        text=Text(
            "Öffentliche Stelle stützt einen Zweck auf Einwilligung (Art. 6 Abs. 1 lit. a DSGVO); "
            "nach Erwägungsgrund 43 DSGVO ist sie bei Behörden selten freiwillig.",
            "A public body relies on consent (Art. 6(1)(a) GDPR) for a purpose; under recital 43 "
            "GDPR consent given to public authorities is rarely freely given.",
        ),
        message=Text(
            "Der Zweck „{purpose}“ stützt sich auf eine Einwilligung (Art. 6 Abs. 1 lit. a DSGVO). "
            "Nach Erwägungsgrund 43 DSGVO ist eine Einwilligung keine gültige Grundlage, wenn "
            "zwischen betroffener Person und Verantwortlichem ein klares Ungleichgewicht besteht, "
            "insbesondere wenn der Verantwortliche eine Behörde ist. Prüfen, ob eine gesetzliche "
            "Grundlage (Art. 6 Abs. 1 lit. c oder e DSGVO mit der Vorschrift) trägt; eine "
            "Einwilligung nur, wenn die Person ohne Nachteil ablehnen kann (EDSA-Leitlinien "
            "05/2020, Rn. 16–19).",
            "The purpose “{purpose}” relies on consent (Art. 6(1)(a) GDPR). Under recital 43 GDPR "
            "consent is not a valid ground where there is a clear imbalance between the data "
            "subject and the controller, in particular where the controller is a public "
            "authority. Check whether a legal provision (Art. 6(1)(c) or (e) GDPR with the "
            "provision) applies; consent only where the person can refuse without detriment "
            "(EDPB Guidelines 05/2020, paras 16-19).",
        ),
    ),
    # --- data subjects and data (Art. 30(1)(c), (f), Art. 9, 10)
    Rule(
        "activity-no-data-subjects",
        _E,
        text=Text(
            "Keine Kategorien betroffener Personen (Art. 30 Abs. 1 lit. c DSGVO).",
            "No categories of data subjects (Art. 30(1)(c) GDPR).",
        ),
        message=Text(
            "Keine Kategorien betroffener Personen angegeben (Art. 30 Abs. 1 lit. c DSGVO).",
            "No categories of data subjects recorded (Art. 30(1)(c) GDPR).",
        ),
    ),
    Rule(
        "activity-no-data-categories",
        _E,
        text=Text(
            "Keine Kategorien personenbezogener Daten (Art. 30 Abs. 1 lit. c DSGVO).",
            "No categories of personal data (Art. 30(1)(c) GDPR).",
        ),
        message=Text(
            "Keine Kategorien personenbezogener Daten angegeben (Art. 30 Abs. 1 lit. c DSGVO).",
            "No categories of personal data recorded (Art. 30(1)(c) GDPR).",
        ),
    ),
    Rule(
        "data-category-no-retention",
        _W,
        text=Text(
            "Datenkategorie ohne Löschfrist (Art. 30 Abs. 1 lit. f DSGVO); je Kategorie.",
            "Data category without a time limit for erasure (Art. 30(1)(f) GDPR); per category.",
        ),
        message=Text(
            "Für die Datenkategorie „{category}“ ist keine Löschfrist angegeben "
            "(Art. 30 Abs. 1 lit. f DSGVO).",
            "No time limit for erasure is recorded for the data category “{category}” "
            "(Art. 30(1)(f) GDPR).",
        ),
    ),
    Rule(
        "art9-no-condition",
        _E,
        text=Text(
            "Besondere Kategorie nach Art. 9 DSGVO, aber kein Zweck nennt eine Bedingung nach "
            "Art. 9 Abs. 2 DSGVO (oder § 22 BDSG).",
            "Art. 9 GDPR special category, but no purpose names an Art. 9(2) GDPR condition "
            "(or § 22 BDSG).",
        ),
        message=Text(
            "Die Datenkategorie „{category}“ ist eine besondere Kategorie nach Art. 9 DSGVO, aber "
            "kein Zweck nennt eine Bedingung nach Art. 9 Abs. 2 DSGVO (oder § 22 BDSG).",
            "The data category “{category}” is a special category under Art. 9 GDPR, but no "
            "purpose names a condition of Art. 9(2) GDPR (or § 22 BDSG).",
        ),
    ),
    Rule(
        "art10-no-basis",
        _E,
        text=Text(
            "Daten über Straftaten (Art. 10 DSGVO) ohne Art. 10 als Grundlage oder eine "
            "besondere Rechtsvorschrift (eine Generalklausel genügt nicht).",
            "Criminal-offence data (Art. 10 GDPR) without Art. 10 as basis or a specific legal "
            "provision (a general clause does not suffice).",
        ),
        message=Text(
            "Die Datenkategorie „{category}“ betrifft Straftaten (Art. 10 DSGVO), aber kein Zweck "
            "nennt Art. 10 DSGVO oder eine besondere Rechtsvorschrift, die die Verarbeitung "
            "erlaubt (eine Generalklausel{general} genügt nicht).",
            "The data category “{category}” concerns criminal offences (Art. 10 GDPR), but no "
            "purpose names Art. 10 GDPR or a specific legal provision allowing the processing "
            "(a general clause{general} does not suffice).",
        ),
    ),
    Rule(
        "art9-condition-no-law",
        _W,
        text=Text(
            "Bedingung nach Art. 9 Abs. 2 lit. b, g, h, i oder j DSGVO ohne die Vorschrift des "
            "Unions- oder mitgliedstaatlichen Rechts, auf der sie beruht.",
            "Condition of Art. 9(2)(b), (g), (h), (i) or (j) GDPR without the provision of Union "
            "or Member State law it rests on.",
        ),
        message=Text(
            "Der Zweck „{purpose}“ nennt {basis}, aber keine Vorschrift des Unions- oder "
            "mitgliedstaatlichen Rechts: diese Bedingungen gelten nur auf Grundlage einer solchen "
            "Vorschrift (Art. 9 Abs. 2 lit. b, g, h, i, j DSGVO; bei lit. h auch auf Grund eines "
            "Vertrags mit einem Angehörigen eines Gesundheitsberufs). Die Vorschrift ergänzen "
            "(z. B. § 22 BDSG oder die Vorschrift des Landesrechts).",
            "The purpose “{purpose}” names {basis} but no provision of Union or Member State law: "
            "these conditions apply only on the basis of such a provision (Art. 9(2)(b), (g), (h), "
            "(i), (j) GDPR; for (h) also under a contract with a health professional). Add the "
            "provision (e.g. § 22 BDSG or the provision of Land law).",
        ),
    ),
    Rule(
        "art10-no-law",
        _W,
        text=Text(
            "Art. 10 DSGVO ohne die Rechtsvorschrift, die die Verarbeitung von Daten über "
            "Straftaten zulässt.",
            "Art. 10 GDPR without the legal provision that authorises processing criminal-offence "
            "data.",
        ),
        message=Text(
            "Der Zweck „{purpose}“ nennt Art. 10 DSGVO, aber keine Vorschrift des Unions- oder "
            "mitgliedstaatlichen Rechts: Art. 10 ist selbst keine Erlaubnis; Daten über Straftaten "
            "dürfen nur unter behördlicher Aufsicht oder auf Grund einer solchen Vorschrift "
            "verarbeitet werden (Art. 10 Satz 1 DSGVO). Die Vorschrift ergänzen (z. B. § 30a "
            "BZRG, § 72a SGB VIII).",
            "The purpose “{purpose}” names Art. 10 GDPR but no provision of Union or Member State "
            "law: Art. 10 itself permits nothing; criminal-offence data may be processed only "
            "under the control of official authority or when authorised by such a provision "
            "(Art. 10, first sentence, GDPR). Add the provision (e.g. § 30a BZRG, § 72a SGB VIII).",
        ),
    ),
    # --- recipients, joint controllers (Art. 30(1)(a), (d), Art. 26)
    Rule(
        "activity-no-recipients",
        _W,
        text=Text(
            "Weder interne noch externe Empfänger noch Auftragsverarbeiter (Art. 30 Abs. 1 lit. d "
            "DSGVO).",
            "Neither internal nor external recipients nor processors (Art. 30(1)(d) GDPR).",
        ),
        message=Text(
            "Weder interne noch externe Empfänger noch Auftragsverarbeiter angegeben: Empfänger "
            "prüfen (Art. 30 Abs. 1 lit. d DSGVO).",
            "Neither internal nor external recipients nor processors recorded: check the "
            "recipients (Art. 30(1)(d) GDPR).",
        ),
    ),
    Rule(
        "joint-controller-no-arrangement",
        _W,
        text=Text(
            "Gemeinsam Verantwortlicher ohne Vereinbarung nach Art. 26 DSGVO.",
            "Joint controller without an arrangement under Art. 26 GDPR.",
        ),
        message=Text(
            "Mit dem gemeinsam Verantwortlichen „{name}“ ist keine Vereinbarung nach Art. 26 "
            "DSGVO erfasst.",
            "No arrangement under Art. 26 GDPR is recorded with the joint controller “{name}”.",
        ),
    ),
    Rule(
        "third-country-no-transfer",
        _W,
        text=Text(
            "Auftragsverarbeiter oder Empfänger mit Sitz in einem Drittland, aber keine "
            "Drittlandübermittlung erfasst (Art. 30 Abs. 1 lit. e DSGVO).",
            "Processor or recipient located in a third country, but no transfer recorded "
            "(Art. 30(1)(e) GDPR).",
        ),
        message=Text(
            "{kind} „{name}“ hat seinen Sitz in {country} (Drittland), aber es ist keine "
            "Übermittlung dorthin erfasst (Art. 30 Abs. 1 lit. e DSGVO).",
            "{kind} “{name}” is located in {country} (a third country), but no transfer there is "
            "recorded (Art. 30(1)(e) GDPR).",
        ),
    ),
    Rule(
        "subprocessor-third-country-no-transfer",
        _W,
        text=Text(
            "Unterauftragsverarbeiter mit Sitz in einem Drittland, aber keine "
            "Drittlandübermittlung erfasst (Art. 28 Abs. 4, Art. 30 Abs. 1 lit. e, Art. 44 DSGVO).",
            "Subprocessor located in a third country, but no transfer recorded (Art. 28(4), "
            "Art. 30(1)(e), Art. 44 GDPR).",
        ),
        message=Text(
            "Der Auftragsverarbeiter „{processor}“ setzt den Unterauftragsverarbeiter „{name}“ "
            "in {country} (Drittland) ein, aber es ist keine Übermittlung dorthin erfasst "
            "(Art. 44, Art. 30 Abs. 1 lit. e DSGVO). Übermittlung mit ihrer Garantie erfassen "
            "(meist Standardvertragsklauseln Modul 3).",
            "The processor “{processor}” engages the subprocessor “{name}” in {country} (a third "
            "country), but no transfer there is recorded (Art. 44, Art. 30(1)(e) GDPR). Record "
            "the transfer with its safeguard (usually standard contractual clauses module 3).",
        ),
    ),
    Rule(
        "explicit-none-contradiction",
        _W,
        text=Text(
            "Ausdrücklich „keine“ erklärt, aber doch Einträge erfasst (Art. 30 Abs. 1 lit. a, d, "
            "e DSGVO).",
            "Explicitly stated “none”, yet entries are recorded (Art. 30(1)(a), (d), (e) GDPR).",
        ),
        message=Text(
            "Erklärt ist „{statement}“, aber {count} Einträge sind erfasst: Erklärung oder "
            "Einträge korrigieren.",
            "The record states “{statement}”, yet {count} entries are recorded: correct the "
            "statement or the entries.",
        ),
    ),
    # --- transfers (Art. 30(1)(e), Art. 44-49)
    Rule(
        "transfer-no-country",
        _E,
        text=Text(
            "Drittlandübermittlung ohne Land bzw. internationale Organisation.",
            "Transfer without a country or international organisation.",
        ),
        message=Text(
            "{transfer}: kein Drittland bzw. keine internationale Organisation angegeben "
            "(Art. 30 Abs. 1 lit. e DSGVO).",
            "{transfer}: no third country or international organisation recorded "
            "(Art. 30(1)(e) GDPR).",
        ),
    ),
    Rule(
        "transfer-unknown-country",
        _W,
        text=Text(
            "Land der Übermittlung nicht erkannt; Übermittlungsinstrument kann nicht geprüft "
            "werden.",
            "Country of a transfer not recognised; the transfer tool cannot be checked.",
        ),
        message=Text(
            "{transfer}: „{country}“ ist kein bekanntes Land (ISO-Code oder Name); ob ein "
            "Übermittlungsinstrument nötig ist, kann nicht geprüft werden.",
            "{transfer}: “{country}” is not a known country (ISO code or name); whether a "
            "transfer tool is needed cannot be checked.",
        ),
    ),
    Rule(
        "transfer-within-eea",
        _I,
        text=Text(
            "Übermittlung in einen EU/EWR-Staat ist keine Drittlandübermittlung.",
            "A transfer to an EU/EEA state is not a third-country transfer.",
        ),
        message=Text(
            "{transfer}: {country} gehört zu EU/EWR; das ist keine Drittlandübermittlung, der "
            "Eintrag kann entfallen (Empfänger unter Empfänger erfassen).",
            "{transfer}: {country} belongs to the EU/EEA; this is no third-country transfer and "
            "the entry can go (record the recipient under recipients).",
        ),
    ),
    Rule(
        "transfer-no-mechanism",
        _E,
        text=Text(
            "Drittland ohne Angemessenheitsbeschluss (USA: ohne DPF-Zertifizierung) und ohne "
            "Übermittlungsinstrument (Art. 44-49 DSGVO).",
            "Third country without adequacy decision (USA: without DPF certification) and without "
            "a transfer tool (Art. 44-49 GDPR).",
        ),
        message=Text(
            "{transfer}: für {country} besteht kein Angemessenheitsbeschluss, und es ist kein "
            "Übermittlungsinstrument angegeben (Art. 46, 49 DSGVO), z. B. "
            "Standardvertragsklauseln.",
            "{transfer}: there is no adequacy decision for {country} and no transfer tool is "
            "recorded (Art. 46, 49 GDPR), e.g. standard contractual clauses.",
        ),
        variants=MappingProxyType(
            {
                "certification": Text(
                    "{transfer}: der Angemessenheitsbeschluss für {country} gilt nur für "
                    "zertifizierte Empfänger ({mechanism}); kein Instrument angegeben. "
                    "DPF-Zertifizierung oder eine Garantie nach Art. 46 DSGVO (z. B. "
                    "Standardvertragsklauseln) eintragen.",
                    "{transfer}: the adequacy decision for {country} only covers certified "
                    "recipients ({mechanism}); no tool recorded. Record the DPF certification or "
                    "an Art. 46 GDPR safeguard (e.g. standard contractual clauses).",
                )
            }
        ),
    ),
    Rule(
        "transfer-mechanism-unclassified",
        _W,
        text=Text(
            "Übermittlungsinstrument nur als Freitext erfasst; bitte ein Instrument auswählen.",
            "Transfer tool only recorded as free text; please choose a tool.",
        ),
        message=Text(
            "{transfer}: das Übermittlungsinstrument ist nur als Freitext erfasst („{text}“); "
            "bitte ein Instrument aus der Liste auswählen.",
            "{transfer}: the transfer tool is only recorded as free text (“{text}”); please "
            "choose a tool from the list.",
        ),
    ),
    Rule(
        "transfer-adequacy-not-applicable",
        _E,
        text=Text(
            "Angemessenheitsbeschluss bzw. DPF angegeben, der für dieses Land nicht gilt.",
            "Adequacy decision or DPF given that does not apply to this country.",
        ),
        message=Text(
            "{transfer}: „{mechanism}“ trägt nicht – für {country} gibt es keinen passenden "
            "Angemessenheitsbeschluss.",
            "{transfer}: “{mechanism}” does not apply – there is no matching adequacy decision "
            "for {country}.",
        ),
        variants=MappingProxyType(
            {
                "needs-certification": Text(
                    "{transfer}: der Angemessenheitsbeschluss für {country} gilt nur für "
                    "Empfänger, die nach dem EU-US Data Privacy Framework zertifiziert sind; "
                    "„{certification}“ wählen oder eine Garantie nach Art. 46 DSGVO angeben.",
                    "{transfer}: the adequacy decision for {country} only covers recipients "
                    "certified under the EU-US Data Privacy Framework; choose “{certification}” "
                    "or record an Art. 46 GDPR safeguard.",
                )
            }
        ),
    ),
    Rule(
        "transfer-invalid-mechanism",
        _E,
        text=Text(
            "Ungültiges Übermittlungsinstrument (EU-US Privacy Shield, EuGH C-311/18; Safe "
            "Harbor, EuGH C-362/14).",
            "Invalid transfer tool (EU-US Privacy Shield, CJEU C-311/18; Safe Harbour, CJEU "
            "C-362/14).",
        ),
        message=Text(
            "{transfer}: „{mechanism}“ ist ungültig (EU-US Privacy Shield, EuGH C-311/18 vom "
            "16. Juli 2020); eine neue Grundlage angeben (z. B. DPF-Zertifizierung oder "
            "Standardvertragsklauseln).",
            "{transfer}: “{mechanism}” is invalid (EU-US Privacy Shield, CJEU C-311/18 of 16 July "
            "2020); record a new basis (e.g. DPF certification or standard contractual clauses).",
        ),
        variants=MappingProxyType(
            {
                "safe-harbor": Text(
                    "{transfer}: „{mechanism}“ ist ungültig (Safe-Harbor-Entscheidung "
                    "2000/520/EG, vom EuGH am 6. Oktober 2015 aufgehoben, C-362/14); eine neue "
                    "Grundlage angeben (z. B. DPF-Zertifizierung oder Standardvertragsklauseln).",
                    "{transfer}: “{mechanism}” is invalid (Safe Harbour decision 2000/520/EC, "
                    "annulled by the CJEU on 6 October 2015, C-362/14); record a new basis "
                    "(e.g. DPF certification or standard contractual clauses).",
                ),
            }
        ),
    ),
    Rule(
        "transfer-unknown-mechanism",
        _E,
        text=Text(
            "Übermittlungsinstrument nicht im Vokabular.", "Transfer tool not in the vocabulary."
        ),
        message=Text(
            "{transfer}: das Übermittlungsinstrument „{mechanism}“ ist nicht im Vokabular.",
            "{transfer}: the transfer tool “{mechanism}” is not in the vocabulary.",
        ),
    ),
    Rule(
        "transfer-derogation-public-body",
        _E,
        text=Text(
            "Öffentliche Stelle nutzt eine Ausnahme nach Art. 49 Abs. 1 lit. a-c oder Unterabs. 2 "
            "DSGVO (ausgeschlossen nach Art. 49 Abs. 3 DSGVO).",
            "Public body uses a derogation of Art. 49(1)(a)-(c) or second subparagraph GDPR "
            "(excluded by Art. 49(3) GDPR).",
        ),
        message=Text(
            "{transfer}: die Ausnahme „{mechanism}“ ist Behörden in Ausübung hoheitlicher "
            "Befugnisse verwehrt (Art. 49 Abs. 3 DSGVO).",
            "{transfer}: the derogation “{mechanism}” is not available to public authorities in "
            "the exercise of their public powers (Art. 49(3) GDPR).",
        ),
    ),
    Rule(
        "transfer-49-1-2-undocumented",
        _E,
        text=Text(
            "Übermittlung nach Art. 49 Abs. 1 Unterabs. 2 DSGVO ohne dokumentierte Beurteilung "
            "und Garantien (Art. 30 Abs. 1 lit. e DSGVO).",
            "Transfer under Art. 49(1) second subparagraph GDPR without documented assessment and "
            "safeguards (Art. 30(1)(e) GDPR).",
        ),
        message=Text(
            "{transfer}: Übermittlung nach „{mechanism}“ ohne dokumentierte Beurteilung und "
            "geeignete Garantien (Art. 30 Abs. 1 lit. e, Art. 49 Abs. 6 DSGVO).",
            "{transfer}: transfer under “{mechanism}” without the documented assessment and "
            "suitable safeguards (Art. 30(1)(e), Art. 49(6) GDPR).",
        ),
    ),
    Rule(
        "transfer-authorisation-undocumented",
        _W,
        text=Text(
            "Genehmigungspflichtiges Instrument (Art. 46 Abs. 3 DSGVO) ohne dokumentierte "
            "Genehmigung.",
            "Tool needing authorisation (Art. 46(3) GDPR) without documented authorisation.",
        ),
        message=Text(
            "{transfer}: „{mechanism}“ braucht die Genehmigung der Aufsichtsbehörde "
            "(Art. 46 Abs. 3 DSGVO); keine Dokumentation erfasst.",
            "{transfer}: “{mechanism}” needs the supervisory authority's authorisation "
            "(Art. 46(3) GDPR); no documentation recorded.",
        ),
    ),
    Rule(
        "transfer-us-dpf-certification",
        _I,
        text=Text(
            "Übermittlung auf Grund DPF-Zertifizierung: Zertifizierung des Empfängers in der "
            "DPF-Liste regelmäßig prüfen.",
            "Transfer relying on DPF certification: check the recipient's entry in the DPF list "
            "regularly.",
        ),
        message=Text(
            "{transfer}: die Übermittlung stützt sich auf die DPF-Zertifizierung; prüfen, ob der "
            "Empfänger in der Data-Privacy-Framework-Liste aktiv zertifiziert ist.",
            "{transfer}: the transfer relies on DPF certification; check that the recipient is "
            "actively certified on the Data Privacy Framework list.",
        ),
    ),
    Rule(
        "transfer-adequacy-scope",
        _E,
        text=Text(
            "Übermittlung auf Grund eines Angemessenheitsbeschlusses an einen Empfänger, den der "
            "Beschluss nicht erfasst (Japan: nur Unternehmen nach dem APPI, Beschluss (EU) "
            "2019/419; Korea: ohne bestimmte Bereiche, Beschluss (EU) 2022/254; Kanada: nur "
            "Empfänger nach dem PIPEDA, Entscheidung 2002/2/EG).",
            "Transfer based on an adequacy decision to a recipient the decision does not cover "
            "(Japan: business operators under the APPI only, Decision (EU) 2019/419; Korea: "
            "certain sectors excluded, Decision (EU) 2022/254; Canada: PIPEDA recipients only, "
            "Decision 2002/2/EC).",
        ),
        message=Text(
            "{transfer}: der Empfänger ist {kind}; der Angemessenheitsbeschluss für {country} "
            "erfasst ihn nicht ({scope}; {decision}). Eine andere Garantie nach Art. 46 DSGVO "
            "angeben.",
            "{transfer}: the recipient is {kind}; the adequacy decision for {country} does not "
            "cover it ({scope}; {decision}). Record another safeguard under Art. 46 GDPR.",
        ),
    ),
    Rule(
        "transfer-expired-scc",
        _E,
        text=Text(
            "Alte Standardvertragsklauseln (Entscheidungen 2001/497/EG, 2004/915/EG, "
            "2010/87/EU) tragen seit dem 27. Dezember 2022 keine Übermittlung mehr "
            "(Art. 4 Durchführungsbeschluss (EU) 2021/914).",
            "Old standard contractual clauses (Decisions 2001/497/EC, 2004/915/EC, 2010/87/EU) "
            "no longer support any transfer since 27 December 2022 (Art. 4 of Implementing "
            "Decision (EU) 2021/914).",
        ),
        message=Text(
            "{transfer}: „{mechanism}“ beruht auf der Entscheidung {decision}; Verträge auf diesen "
            "Klauseln galten nur bis zum 27. Dezember 2022 als geeignete Garantie "
            "(Art. 4 Durchführungsbeschluss (EU) 2021/914). Die neuen Standardvertragsklauseln "
            "(EU) 2021/914 mit dem passenden Modul angeben.",
            "{transfer}: “{mechanism}” rests on Decision {decision}; contracts on those clauses "
            "counted as appropriate safeguards only until 27 December 2022 (Art. 4 of "
            "Implementing Decision (EU) 2021/914). Record the new standard contractual clauses "
            "(EU) 2021/914 with the matching module.",
        ),
    ),
    Rule(
        "transfer-derogation-systematic",
        _W,
        text=Text(
            "Ausnahme nach Art. 49 DSGVO für eine regelmäßige Übermittlung (an einen "
            "Auftragsverarbeiter oder in mehreren Tätigkeiten); Ausnahmen sind eng auszulegen "
            "und nicht für systematische Übermittlungen gedacht (EDSA-Leitlinien 2/2018, "
            "Erwägungsgrund 111 DSGVO).",
            "Art. 49 GDPR derogation for a regular transfer (to a processor or in several "
            "activities); derogations are to be read restrictively and are not meant for "
            "systematic transfers (EDPB Guidelines 2/2018, recital 111 GDPR).",
        ),
        message=Text(
            "{transfer}: stützt sich auf {mechanism}, obwohl die Übermittlung regelmäßig "
            "stattfindet ({reason}). Ausnahmen nach Art. 49 DSGVO sind eng auszulegen und nicht "
            "für wiederholte Übermittlungen in einer festen Beziehung gedacht (EDSA-Leitlinien "
            "2/2018, Abschnitt 1 und 2.2); eine Garantie nach Art. 46 DSGVO angeben.",
            "{transfer}: relies on {mechanism} although the transfer is regular ({reason}). "
            "Art. 49 GDPR derogations are to be read restrictively and are not meant for repeated "
            "transfers within an established relationship (EDPB Guidelines 2/2018, sections 1 "
            "and 2.2); record a safeguard under Art. 46 GDPR.",
        ),
        variants=MappingProxyType(
            {
                "processor": Text(
                    "{transfer}: stützt sich auf {mechanism}, obwohl die Daten an einen "
                    "Auftragsverarbeiter gehen, also regelmäßig in einer festen Beziehung. "
                    "Ausnahmen nach Art. 49 DSGVO sind eng auszulegen und nicht für "
                    "systematische Übermittlungen gedacht (EDSA-Leitlinien 2/2018, Abschnitt 1 "
                    "und 2.2); eine Garantie nach Art. 46 DSGVO angeben (z. B. "
                    "Standardvertragsklauseln).",
                    "{transfer}: relies on {mechanism} although the data go to a processor, i.e. "
                    "regularly within an established relationship. Art. 49 GDPR derogations are "
                    "to be read restrictively and are not meant for systematic transfers (EDPB "
                    "Guidelines 2/2018, sections 1 and 2.2); record a safeguard under Art. 46 "
                    "GDPR (e.g. standard contractual clauses).",
                ),
            }
        ),
    ),
    # --- TOMs, DPIA, workflow
    Rule(
        "activity-no-tom",
        _W,
        text=Text(
            "Keine Beschreibung der technischen und organisatorischen Maßnahmen "
            "(Art. 30 Abs. 1 lit. g DSGVO).",
            "No description of the technical and organisational measures (Art. 30(1)(g) GDPR).",
        ),
        message=Text(
            "Weder eine allgemeine Beschreibung der TOM noch Maßnahmen aus dem Katalog angegeben "
            "(Art. 30 Abs. 1 lit. g, Art. 32 Abs. 1 DSGVO).",
            "Neither a general description of the TOMs nor measures from the catalogue recorded "
            "(Art. 30(1)(g), Art. 32(1) GDPR).",
        ),
    ),
    Rule(
        "dpia-indicated",
        _W,
        text=Text(
            "Die DSFA-Schwellwertanalyse spricht für eine Datenschutz-Folgenabschätzung "
            "(Art. 35 DSGVO), das Ergebnis ist aber nicht festgehalten.",
            "The DPIA screening points to a data protection impact assessment (Art. 35 GDPR), "
            "but no result is recorded.",
        ),
        message=Text(
            "Die Schwellwertanalyse spricht für eine Datenschutz-Folgenabschätzung ({criteria}); "
            "Ergebnis festhalten (Art. 35 DSGVO).",
            "The screening points to a data protection impact assessment ({criteria}); record the "
            "result (Art. 35 GDPR).",
        ),
    ),
    Rule(
        "dpia-mandatory",
        _E,
        text=Text(
            "DSFA als nicht erforderlich markiert, obwohl ein Fall des Art. 35 Abs. 3 DSGVO oder "
            "der DSK-Muss-Liste vorliegt.",
            "DPIA marked as not required although a case of Art. 35(3) GDPR or of the DSK list "
            "applies.",
        ),
        message=Text(
            "DSFA als „nicht erforderlich“ markiert, aber {criteria} verlangt sie zwingend "
            "(Art. 35 Abs. 3, 4 DSGVO).",
            "DPIA marked “not required”, but {criteria} makes it mandatory (Art. 35(3), (4) GDPR).",
        ),
    ),
    Rule(
        "dpia-not-required-unjustified",
        _W,
        text=Text(
            "DSFA als nicht erforderlich markiert trotz zwei oder mehr WP248-Kriterien, ohne "
            "Begründung.",
            "DPIA marked as not required despite two or more WP248 criteria, without a "
            "justification.",
        ),
        message=Text(
            "DSFA als „nicht erforderlich“ markiert, obwohl {count} WP248-Kriterien erfüllt sind "
            "({criteria}); Begründung in den Anmerkungen zur Schwellwertanalyse festhalten.",
            "DPIA marked “not required” although {count} WP248 criteria are met ({criteria}); "
            "record the justification in the screening notes.",
        ),
    ),
    Rule(
        "dpia-pending",
        _W,
        text=Text(
            "DSFA erforderlich, aber noch nicht durchgeführt.",
            "DPIA required but not yet carried out.",
        ),
        message=Text(
            "Eine Datenschutz-Folgenabschätzung ist erforderlich, aber noch nicht durchgeführt "
            "(vor Beginn der Verarbeitung, Art. 35 Abs. 1 DSGVO).",
            "A data protection impact assessment is required but not yet carried out (before the "
            "processing starts, Art. 35(1) GDPR).",
        ),
    ),
    Rule(
        "review-overdue",
        _W,
        text=Text(
            "Termin der nächsten Überprüfung ist überschritten.", "The next review date has passed."
        ),
        message=Text("Die Überprüfung war am {due} fällig.", "The review was due on {due}."),
    ),
    Rule(
        "review-missing",
        _I,
        text=Text(
            "Freigegebene Verarbeitungstätigkeit ohne Termin der nächsten Überprüfung.",
            "Approved processing activity without a next review date.",
        ),
        message=Text(
            "Freigegeben, aber kein Termin für die nächste Überprüfung festgelegt.",
            "Approved, but no date set for the next review.",
        ),
    ),
    Rule(
        "activity-no-department",
        _I,
        text=Text(
            "Keine verantwortliche Fachabteilung angegeben.", "No responsible department recorded."
        ),
        message=Text(
            "Keine verantwortliche Fachabteilung angegeben.", "No responsible department recorded."
        ),
    ),
    # --- processor register (Art. 30(2))
    Rule(
        "service-no-name",
        _E,
        text=Text(
            "Verarbeitung im Auftrag ohne Bezeichnung.",
            "Processing on behalf of controllers without a name.",
        ),
        message=Text(
            "Die Verarbeitung im Auftrag hat keine Bezeichnung.",
            "The processing on behalf of controllers has no name.",
        ),
    ),
    Rule(
        "service-no-controller",
        _E,
        text=Text(
            "Verarbeitung im Auftrag ohne Verantwortlichen, für den sie erfolgt "
            "(Art. 30 Abs. 2 lit. a DSGVO).",
            "Processing on behalf without the controller it is done for (Art. 30(2)(a) GDPR).",
        ),
        message=Text(
            "Kein Verantwortlicher angegeben, in dessen Auftrag verarbeitet wird "
            "(Art. 30 Abs. 2 lit. a DSGVO).",
            "No controller recorded on whose behalf the processing is done (Art. 30(2)(a) GDPR).",
        ),
    ),
    Rule(
        "service-controller-no-contact",
        _E,
        text=Text(
            "Auftraggebender Verantwortlicher ohne Kontaktdaten (Art. 30 Abs. 2 lit. a DSGVO).",
            "Client controller without contact details (Art. 30(2)(a) GDPR).",
        ),
        message=Text(
            "Für den Auftraggeber „{name}“ sind keine Kontaktdaten erfasst "
            "(Art. 30 Abs. 2 lit. a DSGVO).",
            "No contact details are recorded for the client controller “{name}” "
            "(Art. 30(2)(a) GDPR).",
        ),
    ),
    Rule(
        "service-no-categories",
        _E,
        text=Text(
            "Keine Kategorien von Verarbeitungen im Auftrag (Art. 30 Abs. 2 lit. b DSGVO).",
            "No categories of processing carried out on behalf (Art. 30(2)(b) GDPR).",
        ),
        message=Text(
            "Keine Kategorien von Verarbeitungen angegeben, die im Auftrag durchgeführt werden "
            "(Art. 30 Abs. 2 lit. b DSGVO).",
            "No categories of processing carried out on behalf recorded (Art. 30(2)(b) GDPR).",
        ),
    ),
    Rule(
        "service-no-tom",
        _W,
        text=Text(
            "Keine Beschreibung der technischen und organisatorischen Maßnahmen "
            "(Art. 30 Abs. 2 lit. d DSGVO).",
            "No description of the technical and organisational measures (Art. 30(2)(d) GDPR).",
        ),
        message=Text(
            "Weder eine allgemeine Beschreibung der TOM noch Maßnahmen aus dem Katalog angegeben "
            "(Art. 30 Abs. 2 lit. d DSGVO).",
            "Neither a general description of the TOMs nor measures from the catalogue recorded "
            "(Art. 30(2)(d) GDPR).",
        ),
    ),
)

BY_CODE: Mapping[str, Rule] = MappingProxyType({rule.code: rule for rule in RULES})
"""The rules of :data:`RULES` by code."""
