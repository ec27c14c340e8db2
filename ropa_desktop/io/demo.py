"""The demo register: five organisations as their privacy notices describe them.

Source of every fact is one of the five published privacy notices in
``shared/seeds/`` (000 Stadtwerke Gütersloh / Flexperto, 001 Stadtwerke Bochum
website, 002 Stadtwerke Herne / Microsoft Teams, 003 Stadt Ahaus / AHAUS.NET,
004 Komm.ONE Virtuelle Poststelle). The texts are written as a data
protection officer would record them; nothing is added that the notices do
not say. Where a notice is silent the field stays empty on purpose, so that
``ropa-desktop check`` shows the gaps a real DPO would have to close (missing
legal bases, retention periods, transfer mechanisms, TOMs, contract dates).
The few additions from our own knowledge are marked as such in a comment and
in the record's notes.

The register is reproducible: uids are derived from readable keys with
:func:`uuid.uuid5`, and all timestamps are fixed relative to ``today``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from ropa_desktop.domain.model import (
    Activity,
    ActivityStatus,
    ClientController,
    Contact,
    DataCategory,
    Organisation,
    OrganisationKind,
    ProcessingService,
    Processor,
    ProcessorLink,
    Purpose,
    Recipient,
    Register,
    Retention,
    RetentionUnit,
    Tom,
    Transfer,
)

DEMO_NAMESPACE = uuid.UUID("5b0f6a1e-3c2d-4e8f-9a7b-d3e0c1f2a4b6")
"""Fixed namespace of the demo uids; never change it, or demo databases stop matching."""


def demo_uid(key: str) -> str:
    """The stable uid of the demo entity with the readable ``key`` (e.g. ``"org/ahaus"``)."""
    return uuid.uuid5(DEMO_NAMESPACE, key).hex


# --------------------------------------------------------------------- helpers


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def _days(n: int, start: str = "", text: str = "") -> Retention:
    return Retention(duration=n, unit=RetentionUnit.DAYS, start=start, text=text)


def _months(n: int, start: str = "", text: str = "") -> Retention:
    return Retention(duration=n, unit=RetentionUnit.MONTHS, start=start, text=text)


def _text(text: str) -> Retention:
    return Retention(text=text)


def _cat(name: str, retention: Retention | None = None, *, source: str = "",
         notes: str = "") -> DataCategory:
    return DataCategory(name=name, source=source, retention=retention or Retention(),
                        notes=notes)


class _Clock:
    """Timestamps of the demo, all relative to ``today``."""

    def __init__(self, today: date) -> None:
        self.today = today

    def created(self, days_ago: int = 30) -> datetime:
        return _at(self.today - timedelta(days=days_ago), 9)

    def changed(self, days_ago: int) -> datetime:
        return _at(self.today - timedelta(days=days_ago), 14, 30)

    def next_review(self) -> date:
        return self.today + timedelta(days=365)


SUBJECT_INPUT = "betroffene Person (eigene Eingabe)"
SUBJECT_AUTO = "automatisch beim Zugriff erzeugt"


# ------------------------------------------------------------------ catalogues


def _processors() -> list[Processor]:
    return [
        Processor(
            uid=demo_uid("processor/flexperto"),
            name="Flexperto GmbH",
            street="Neue Grünstraße 27", postcode="10179", city="Berlin", country="DE",
            notes=(
                "Anbieter der Online-Beratungsplattform der Stadtwerke Gütersloh; kann bei "
                "Wartung und Pflege Kenntnis von personenbezogenen Daten erhalten. "
                "AV-Vertrag laut Datenschutzerklärung geschlossen, Datum nicht bekannt. "
                "Flexperto setzt weitere Unterauftragsverarbeiter ein, die in der "
                "Datenschutzerklärung nicht namentlich genannt sind; laut AV-Vertrag gelten "
                "für sie dieselben Anforderungen. Liste der Unterauftragsverarbeiter anfordern."
            ),
        ),
        Processor(
            uid=demo_uid("processor/google-ireland"),
            name="Google Ireland Limited",
            street="Gordon House, Barrow Street", city="Dublin 4", country="IE",
            notes=(
                "Dienste reCAPTCHA und Google Maps auf der Flexperto-Beratungsplattform. "
                "Die Datenschutzerklärung nennt Google Ireland für Nutzer im EWR und in der "
                "Schweiz, Google LLC (USA) für alle übrigen. Ob Google hier als "
                "Auftragsverarbeiter oder eigenständig verantwortlich handelt und ob ein "
                "AV-Vertrag besteht, geht aus der Datenschutzerklärung nicht hervor."
            ),
        ),
        Processor(
            uid=demo_uid("processor/google-llc"),
            name="Google LLC",
            street="1600 Amphitheatre Parkway", postcode="CA 94043", city="Mountain View",
            country="US",
            notes=(
                "Google Analytics auf der Website der Stadtwerke Bochum; die dortige "
                "Datenschutzerklärung nennt nur „Google“ und Server in den USA, keinen "
                "Vertragspartner. Vertragspartner und AV-Vertrag prüfen."
            ),
        ),
        Processor(
            uid=demo_uid("processor/iadvize"),
            name="iAdvize",
            street="2 Ter Quai François Mitterrand", postcode="44200", city="Nantes",
            country="FR",
            notes="Rückrufservice und Live-Chat der Stadtwerke Bochum. Rechtsform und "
                  "AV-Vertrag in der Datenschutzerklärung nicht genannt.",
        ),
        Processor(
            uid=demo_uid("processor/xqueue"),
            name="XQueue GmbH",
            street="Christian-Pleß-Str. 11-13", postcode="63069", city="Offenbach am Main",
            country="DE",
            notes="Versand des Newsletters „Meine Stadtwerke“ der Stadtwerke Bochum.",
        ),
        Processor(
            uid=demo_uid("processor/microsoft"),
            name="Microsoft Corporation",
            street="One Microsoft Way", postcode="WA 98052-6399", city="Redmond",
            country="US",
            notes=(
                "Microsoft 365 / Teams für die Videoberatung der Stadtwerke Herne. "
                "Datenschutzvereinbarung und EU-Standardvertragsklauseln laut "
                "Datenschutzerklärung geschlossen, Datum nicht bekannt. Für die Verarbeitung "
                "zu eigenen Geschäftszwecken ist Microsoft eigenständiger Verantwortlicher. "
                "Die Datenschutzerklärung nennt nur die US-Gesellschaft; welche "
                "Microsoft-Gesellschaft Vertragspartner ist, ist zu prüfen."
            ),
        ),
        Processor(
            uid=demo_uid("processor/mediabeam"),
            name="mediaBEAM GmbH",
            street="Von-Braun-Straße 36", postcode="48683", city="Ahaus", country="DE",
            notes=(
                "Stellt der Stadt Ahaus die gesamte technische Infrastruktur einschließlich "
                "der Server des Portals AHAUS.NET; Geschäftsführer laut Datenschutzerklärung "
                "Jochen Meyer. Zusatzprodukte im Online-Shop des Portals vertreibt mediaBEAM "
                "selbst (insoweit eigene Verantwortung, klären). Ein AV-Vertrag wird in der "
                "Datenschutzerklärung nicht erwähnt."
            ),
        ),
    ]


def _recipients() -> list[Recipient]:
    return [
        Recipient(
            uid=demo_uid("recipient/bochum-konzern"),
            name="Zuständige Stelle im Konzern",
            category="Konzernunternehmen",
            notes="Anfragen aus dem Kontaktformular werden an die für das Anliegen "
                  "zuständige Stelle im Konzern weitergeleitet; ob das andere "
                  "Konzerngesellschaften sind, ist zu klären.",
        ),
        Recipient(
            uid=demo_uid("recipient/ahaus-abrechnung"),
            name="Andere Diensteanbieter und mit dem Entgelteinzug beauftragte Dritte",
            category="Abrechnung und Forderungseinzug",
            notes="Nur soweit für Entgeltermittlung, Abrechnung und Einzug erforderlich.",
        ),
        Recipient(
            uid=demo_uid("recipient/ahaus-strafverfolgung"),
            name="Strafverfolgungsbehörden und Gerichte",
            category="Behörden und Gerichte",
            country="DE",
            notes="Auskunft nur nach Maßgabe der gesetzlichen Bestimmungen.",
        ),
        Recipient(
            uid=demo_uid("recipient/ahaus-tk"),
            name="Kooperierende Telekommunikationsunternehmen",
            category="Telekommunikationsanbieter",
            notes="Bestands- und Verkehrsdaten im Einzelfall zur Störungsbeseitigung und "
                  "zur Aufdeckung missbräuchlicher Nutzung.",
        ),
        Recipient(
            uid=demo_uid("recipient/google-inc-recaptcha"),
            name="Google Inc. (reCAPTCHA)",
            category="Anbieter eines Spam-Schutzdienstes",
            country="US",
            notes="Die Datenschutzerklärung der Stadt Ahaus verweist für diese Daten auf "
                  "Googles eigene Datenschutzbestimmungen; Rolle (Auftragsverarbeiter oder "
                  "eigener Verantwortlicher) ungeklärt. Google Inc. firmiert heute als "
                  "Google LLC (eigene Kenntnis).",
        ),
    ]


def _toms() -> list[Tom]:
    return [
        Tom(
            uid=demo_uid("tom/tls"),
            title="Transportverschlüsselung (SSL/TLS)",
            description="Personenbezogene Daten werden zwischen Browser bzw. Client und "
                        "Server nur verschlüsselt übertragen.",
            sdm_goal="confidentiality",
            art32=["art32-1-a"],
        ),
        Tom(
            uid=demo_uid("tom/firewall"),
            title="Firewall-Schutz der Server",
            description="Die speichernden Systeme sind durch Firewalls gegen unbefugte "
                        "Zugriffe von außen abgeschirmt.",
            sdm_goal="confidentiality",
            art32=["art32-1-b"],
        ),
        Tom(
            uid=demo_uid("tom/confidentiality-obligation"),
            title="Verpflichtung der Beschäftigten auf Vertraulichkeit",
            description="Beschäftigte sind ausdrücklich zum vertraulichen Umgang mit "
                        "personenbezogenen Daten verpflichtet.",
            sdm_goal="confidentiality",
            art32=["art32-1-b"],
        ),
    ]


# ------------------------------------------------------------- 000 Gütersloh


def _guetersloh(clock: _Clock) -> Organisation:
    flexperto = demo_uid("processor/flexperto")
    google_ie = demo_uid("processor/google-ireland")
    after_purpose = _text("unverzüglich nach Erfüllung des Zwecks")
    consultation = Activity(
        uid=demo_uid("activity/guetersloh/flexperto"),
        reference="VT-001",
        name="Online-Kundenberatung und Terminvereinbarung (Flexperto)",
        description=(
            "Beratung von Kundinnen und Kunden per Video über die Online-Beratungsplattform "
            "der Flexperto GmbH: Terminbuchung, Audio/Video, Bildschirmfreigabe, Textchat, "
            "Dateiaustausch und Whiteboard; bei Vertragsabschluss digitale Signatur. Auf der "
            "Plattform sind Google reCAPTCHA (Formularschutz) und Google Maps eingebunden. "
            "Keine automatisierte Entscheidung und kein Profiling (Art. 22 DSGVO)."
        ),
        purposes=[
            Purpose(
                text="Durchführung der Online-Beratung und Terminvereinbarung, Anbahnung "
                     "und Abschluss von Verträgen",
                legal_bases=["art6-1-b"],
            ),
            Purpose(
                text="Protokollierung von Metadaten (Aktivitätsprotokolle, IP-Adresse)",
                legal_bases=["art6-1-f"],
                legitimate_interest="Sicherstellung der Funktionsfähigkeit der "
                                    "Beratungsplattform",
            ),
            # The notice names no legal basis for reCAPTCHA and Maps: left open on purpose.
            Purpose(
                text="Schutz der Formulare vor automatisierten Eingaben (Google reCAPTCHA) "
                     "und Kartendarstellung (Google Maps)",
            ),
        ],
        data_subjects=["Kundinnen und Kunden", "Interessentinnen und Interessenten"],
        data_categories=[
            _cat("Personenstammdaten", after_purpose, source=SUBJECT_INPUT),
            _cat("Kontaktdaten (Telefon, E-Mail)", after_purpose, source=SUBJECT_INPUT),
            _cat("Kalenderdaten (Datum, Dauer, Verfügbarkeit)", after_purpose),
            # The notice gives no deletion rule for calendar authentication data.
            _cat("Kalenderauthentifizierungsdaten"),
            _cat("Inhaltsdaten (geteilte Dateien, Textchat, Whiteboard-Inhalte)", _days(2)),
            _cat("Metadaten (Aktivitätsprotokolle, IP-Adresse)", _days(30),
                 source=SUBJECT_AUTO),
            _cat("Kommunikationsdaten (Audio- und Videostream, Bildschirmfreigabe)",
                 _text("keine Speicherung, nur Übertragung während des Gesprächs")),
            _cat("Signaturdaten (Merkmale der digitalen Signatur)", _months(6),
                 notes="nur bei Vertragsabschluss"),
            _cat("Vertragsdaten (zugrunde liegende Dokumente bei digitaler Signatur)",
                 _text("gesetzliche Aufbewahrungsfristen"),
                 notes="Ablage auf gesonderten Servern der Stadtwerke Gütersloh"),
            _cat("Nutzungsdaten für reCAPTCHA (Referrer, IP-Adresse, Google-Cookies, "
                 "Eingabeverhalten, Browser- und Spracheinstellungen, Datum)",
                 source=SUBJECT_AUTO),
            _cat("Nutzungsdaten von Google Maps einschließlich IP-Adresse",
                 source=SUBJECT_AUTO),
        ],
        processors=[
            ProcessorLink(processor=flexperto,
                          service="Betrieb der Online-Beratungsplattform einschließlich "
                                  "Wartung und Pflege"),
            ProcessorLink(processor=google_ie, service="Google reCAPTCHA und Google Maps"),
        ],
        transfers=[
            Transfer(
                country="US",
                recipient="Google LLC (Server von Google in den USA)",
                mechanism="",
                mechanism_text="Die Datenschutzerklärung verweist nur allgemein auf "
                               "„ausreichende Garantien oder anderweitige Instrumente“; "
                               "welches Instrument (SCC, DPF) greift, ist nicht angegeben.",
            ),
        ],
        status=ActivityStatus.IN_REVIEW,
        created=clock.created(),
        changed=clock.changed(6),
        next_review=clock.next_review(),
        notes=(
            "Die Daten werden überwiegend in der EU/im EWR verarbeitet. Mögliche "
            "Drittlandübermittlungen durch den Auftragnehmer stützen sich laut "
            "Datenschutzerklärung auf EU-Standardvertragsklauseln oder einen "
            "Angemessenheitsbeschluss; Zielland und Empfänger werden nicht genannt – bei "
            "Flexperto erfragen."
        ),
    )
    cookies = Activity(
        uid=demo_uid("activity/guetersloh/cookies"),
        reference="VT-002",
        name="Technisch notwendige Cookies der Beratungsplattform",
        description=(
            "Session-Cookie zur Wiedererkennung des Browsers nach der Anmeldung, persistente "
            "Cookies mit eindeutiger ID zur Wiedererkennung wiederkehrender Browser, Cookie "
            "für die Auswahl im Cookie-Banner (Open-Source-Anwendung KLARO, betrieben von "
            "Flexperto). In persistenten Cookies werden keine Kontonummern oder Kennwörter "
            "gespeichert; keine Nutzerprofile."
        ),
        purposes=[
            Purpose(
                text="Vereinfachte Nutzung der Plattform: Wiedererkennung des Browsers, "
                     "Übernahme von Spracheinstellungen, Merken von Suchbegriffen",
                legal_bases=["art6-1-f"],
                legitimate_interest="Bereitstellung von Funktionen, die ohne "
                                    "Wiedererkennung des Browsers nicht möglich sind",
            ),
        ],
        data_subjects=["Nutzerinnen und Nutzer der Beratungsplattform"],
        data_categories=[
            _cat("Sitzungskennung (Session-Cookie)",
                 _text("in der Regel bis zum Schließen des Browsers")),
            # Persistent cookies: the notice gives no lifetime.
            _cat("Eindeutige ID in persistentem Cookie"),
            _cat("Gespeicherte Cookie-Auswahl"),
        ],
        processors=[
            ProcessorLink(processor=flexperto,
                          service="Plattformbetrieb und Cookie-Banner (KLARO)"),
        ],
        status=ActivityStatus.DRAFT,
        created=clock.created(),
        changed=clock.changed(20),
        next_review=clock.next_review(),
    )
    return Organisation(
        uid=demo_uid("org/guetersloh"),
        name="Stadtwerke Gütersloh GmbH",
        kind=OrganisationKind.MUNICIPAL_COMPANY,
        land="DE-NW",
        street="Berliner Straße 260", postcode="33330", city="Gütersloh",
        phone="05241/82-0", email="Kundenservice@stadtwerke-gt.de",
        website="www.stadtwerke-gt.de",
        dpo=Contact(
            name="Christina Meyer",
            organisation="ds² Unternehmensberatung GmbH & Co. KG",
            street="Berliner Str. 1", postcode="49201", city="Dissen", country="DE",
            phone="05421/308950", email="datenschutz@stadtwerke-gt.de",
        ),
        dpo_external=True,
        supervisory_authority="nw-ldi",
        is_controller=True,
        activities=[consultation, cookies],
    )


# --------------------------------------------------------------- 001 Bochum


_BOCHUM_TOMS = ("Sicherheitsmaßnahmen nach dem Stand der Technik (nicht näher beschrieben); "
                "Beschäftigte sind ausdrücklich auf Vertraulichkeit verpflichtet.")


def _bochum(clock: _Clock) -> Organisation:
    google = demo_uid("processor/google-llc")
    iadvize = demo_uid("processor/iadvize")
    tls = demo_uid("tom/tls")
    secrecy = demo_uid("tom/confidentiality-obligation")
    visitors = "Besucherinnen und Besucher der Website"
    # The website-log entry is an old one whose yearly review was missed: its
    # next_review lies in the past, so `check` reports it as review-overdue.
    logs = Activity(
        uid=demo_uid("activity/bochum/server-logs"),
        reference="VT-001",
        name="Bereitstellung der Website und Server-Protokolle",
        description="Beim Aufruf der Website werden Zugriffsdaten in Protokolldateien "
                    "gespeichert. Keine personenbezogene Auswertung, keine Nutzungsprofile.",
        # The notice names no legal basis for the logs: left open on purpose.
        purposes=[Purpose(text="Betriebsüberwachung und anonyme Zugriffsstatistik")],
        data_subjects=[visitors],
        data_categories=[
            _cat("Protokolldaten (IP-Adresse, aufrufende und aufgerufene Seite, Datum, "
                 "Uhrzeit, übertragene Datenmenge, Statuscode, Browser, Betriebssystem)",
                 _days(90), source=SUBJECT_AUTO),
        ],
        tom_description=_BOCHUM_TOMS,
        toms=[secrecy],
        status=ActivityStatus.IN_REVIEW,
        created=clock.created(730),
        changed=clock.changed(400),
        last_reviewed=clock.today - timedelta(days=400),
        next_review=clock.today - timedelta(days=35),
    )
    analytics = Activity(
        uid=demo_uid("activity/bochum/google-analytics"),
        reference="VT-002",
        name="Webanalyse mit Google Analytics",
        description="Nutzungsanalyse der Website mit Cookies von Google Analytics; Google "
                    "wertet im Auftrag die Nutzung aus und erstellt Berichte. "
                    "IP-Anonymisierung: Kürzung der IP-Adresse in der EU/im EWR, nur "
                    "ausnahmsweise in den USA. Widerspruch per Browser-Plugin oder "
                    "Opt-out-Cookie.",
        # The notice names no legal basis: left open on purpose.
        purposes=[Purpose(text="Verbesserung des Angebots und zielgerichtete "
                               "Informationsvermittlung durch Nutzungsanalyse")],
        data_subjects=[visitors],
        data_categories=[
            _cat("Nutzungsdaten der Website (Cookie-Kennung, Nutzungsverhalten)",
                 source=SUBJECT_AUTO),
            _cat("IP-Adresse (in der Regel vor der Übermittlung gekürzt)", source=SUBJECT_AUTO),
        ],
        processors=[ProcessorLink(processor=google, service="Google Analytics")],
        transfers=[
            # The notice names no safeguard for the transfer: mechanism left empty.
            Transfer(country="US", recipient="Google (Server in den USA)", processor=google),
        ],
        tom_description=_BOCHUM_TOMS,
        toms=[secrecy],
        status=ActivityStatus.DRAFT,
        created=clock.created(),
        changed=clock.changed(12),
        next_review=clock.next_review(),
        notes="Die Datenschutzerklärung nennt nur „Google“; Vertragspartner, AV-Vertrag, "
              "Rechtsgrundlage, Speicherdauer und Garantien für die Übermittlung in die "
              "USA sind zu klären.",
    )
    after_request = _text("nach Bearbeitung des Anliegens, sofern keine Aufbewahrung zu "
                          "Nachweiszwecken, für die Kundenbetreuung oder wegen gesetzlicher "
                          "Aufbewahrungsfristen geboten ist")
    contact_form = Activity(
        uid=demo_uid("activity/bochum/contact-form"),
        reference="VT-003",
        name="Kontaktformular der Website",
        description="Kontaktaufnahme per Formular; Pflichtangaben sind Name mit Anrede, "
                    "E-Mail-Adresse und Anliegen.",
        purposes=[Purpose(text="Bearbeitung des mitgeteilten Anliegens")],
        data_subjects=["Anfragende (Kundinnen, Kunden und sonstige Personen)"],
        data_categories=[
            _cat("Name und Anrede", after_request, source=SUBJECT_INPUT),
            _cat("E-Mail-Adresse", after_request, source=SUBJECT_INPUT),
            _cat("Inhalt des Anliegens", after_request, source=SUBJECT_INPUT),
        ],
        recipients=[demo_uid("recipient/bochum-konzern")],
        tom_description="Übertragung über SSL-verschlüsselte Verbindung. " + _BOCHUM_TOMS,
        toms=[tls, secrecy],
        status=ActivityStatus.DRAFT,
        created=clock.created(),
        changed=clock.changed(12),
        next_review=clock.next_review(),
        notes="Die Löschregel ist unbestimmt (Aufbewahrung „aus Gründen der "
              "Nachweisbarkeit oder Kundenbetreuung“) – Fristen konkretisieren.",
    )
    callback = Activity(
        uid=demo_uid("activity/bochum/callback"),
        reference="VT-004",
        name="Rückrufservice der Kundenberatung (iAdvize)",
        department="Kunden-Servicecenter",
        description="Kundinnen und Kunden bitten über ein Formular auf der Website um einen "
                    "einmaligen Rückruf zu einer Wunschzeit. Der Dienst wird von iAdvize "
                    "bereitgestellt; Daten des Dienstes liegen im Local Storage bzw. in "
                    "Cookies des Browsers.",
        purposes=[
            Purpose(text="Einmaliger Rückruf zur telefonischen Beratung"),
            Purpose(text="Qualitätsverbesserung und künftige Beratung"),
        ],
        data_subjects=["Kundinnen und Kunden", "Interessentinnen und Interessenten"],
        data_categories=[
            _cat("Telefonnummer", _months(3), source=SUBJECT_INPUT),
            _cat("Wunschuhrzeit für den Rückruf", source=SUBJECT_INPUT),
            _cat("Gesprächsdaten (Datum, Uhrzeit, Dauer)", _months(3)),
        ],
        internal_recipients=["Beratungsteam des Kunden-Servicecenters"],
        processors=[ProcessorLink(processor=iadvize, service="Rückrufservice")],
        tom_description="Übertragung über eine gesicherte Verbindung. " + _BOCHUM_TOMS,
        toms=[tls, secrecy],
        status=ActivityStatus.DRAFT,
        created=clock.created(),
        changed=clock.changed(10),
        next_review=clock.next_review(),
    )
    chat = Activity(
        uid=demo_uid("activity/bochum/live-chat"),
        reference="VT-005",
        name="Live-Chat der Kundenberatung (iAdvize)",
        department="Kunden-Servicecenter",
        description="Chat mit Kundenberaterinnen und -beratern auf produktbezogenen Seiten; "
                    "die Verbindung entsteht erst nach dem Absenden einer Eingabe. Die "
                    "Beratung sieht Eingaben bereits während des Tippens. Bank- und "
                    "Kontodaten sind für die Beratung nicht einsehbar.",
        purposes=[Purpose(text="Direkte Beratung per Chat, Steigerung der "
                               "Kundenzufriedenheit und Optimierung der Website")],
        data_subjects=[visitors, "Kundinnen und Kunden"],
        data_categories=[
            _cat("Chatverlauf (Kommunikationsvorgänge)", _months(3), source=SUBJECT_INPUT,
                 notes="Speicherung unterbleibt, wenn die Person dies im Chat wünscht"),
            _cat("Angaben zum Website-Besuch (Browserkennung, Betriebssystem, "
                 "Mausposition)", source=SUBJECT_AUTO),
        ],
        internal_recipients=["Beratungsteam des Kunden-Servicecenters"],
        processors=[ProcessorLink(processor=iadvize, service="Live-Chat")],
        tom_description="Übertragung über eine gesicherte Verbindung. " + _BOCHUM_TOMS,
        toms=[tls, secrecy],
        status=ActivityStatus.DRAFT,
        created=clock.created(),
        changed=clock.changed(10),
        next_review=clock.next_review(),
    )
    portal = Activity(
        uid=demo_uid("activity/bochum/customer-portal"),
        reference="VT-006",
        name="Online-Kundencenter",
        description="Kundenportal zum Abruf von Vertragsinformationen und zum Anstoßen "
                    "von Geschäftsvorgängen; Registrierung mit Aktivierungsschlüssel per "
                    "E-Mail. Den Zugang kann die Kundin bzw. der Kunde selbst oder über das "
                    "Kontaktformular löschen.",
        purposes=[
            Purpose(text="Bereitstellung von Vertragsinformationen und Online-"
                         "Geschäftsvorgängen für registrierte Kundinnen und Kunden"),
            Purpose(text="Nachweis der Zugriffe zur Sicherheit des Systems und der Daten"),
        ],
        data_subjects=["Kundinnen und Kunden mit Versorgungsvertrag"],
        data_categories=[
            _cat("Registrierungsdaten (Zählernummer, Kundennummer, Postleitzahl, "
                 "E-Mail-Adresse, Passwort)",
                 _text("bis zur Löschung des Zugangs durch die Kundin bzw. den Kunden"),
                 source=SUBJECT_INPUT),
            _cat("Vertragsdaten aus Abschluss und Abwicklung der Versorgungsverträge"),
            _cat("Zugriffsprotokolle des Kundenportals", _days(90), source=SUBJECT_AUTO),
        ],
        tom_description="Übertragung über SSL-verschlüsselte Verbindung; abgesichertes "
                        "Portal, in dem jede Person nur ihre eigenen Daten sieht; "
                        "Aktivierungsschlüssel per E-Mail; Zugriffsprotokollierung "
                        "(90 Tage). Beschäftigte sind auf Vertraulichkeit verpflichtet.",
        toms=[tls, secrecy],
        status=ActivityStatus.IN_REVIEW,
        created=clock.created(),
        changed=clock.changed(4),
        next_review=clock.next_review(),
    )
    newsletter = Activity(
        uid=demo_uid("activity/bochum/newsletter"),
        reference="VT-007",
        name="Newsletter „Meine Stadtwerke“",
        department="Marketing",
        description="Regelmäßiger Newsletter; Anmeldung im Double-Opt-in-Verfahren über den "
                    "Dienstleister XQueue, Abmeldung in jeder Ausgabe möglich. Werbung "
                    "verbundener Unternehmen oder Dritter wird nur im Auftrag der Stadtwerke "
                    "versandt.",
        purposes=[
            Purpose(text="Versand des Newsletters", legal_bases=["art6-1-a"]),
            # No legal basis is given for measuring opens and clicks.
            Purpose(text="Pseudonymisierte Messung von Öffnungsraten und Klicks zur "
                         "Verbesserung des Kundenservice"),
        ],
        data_subjects=["Abonnentinnen und Abonnenten des Newsletters"],
        data_categories=[
            _cat("E-Mail-Adresse", _text("bis zur Abmeldung, dann Löschung aus dem "
                                         "Verteiler"), source=SUBJECT_INPUT),
            _cat("Anrede, Titel und Name (freiwillig)", source=SUBJECT_INPUT),
            _cat("Öffnungs- und Klickverhalten (pseudonymisiert)", source=SUBJECT_AUTO),
        ],
        internal_recipients=["Abteilung Marketing"],
        processors=[ProcessorLink(processor=demo_uid("processor/xqueue"),
                                  service="Newsletter-Versand")],
        tom_description="SSL-geschützte Übertragung der Anmeldedaten; Double-Opt-in; "
                        "Pseudonymisierung der Öffnungs- und Klickdaten; Bearbeitung nur "
                        "durch die Abteilung Marketing. Beschäftigte sind auf "
                        "Vertraulichkeit verpflichtet.",
        toms=[tls, secrecy],
        status=ActivityStatus.IN_REVIEW,
        created=clock.created(),
        changed=clock.changed(3),
        next_review=clock.next_review(),
        notes="Rechtsgrundlage Einwilligung aus dem Double-Opt-in abgeleitet; die "
              "Datenschutzerklärung nennt sie nicht ausdrücklich.",
    )
    photos = Activity(
        uid=demo_uid("activity/bochum/photos"),
        reference="VT-008",
        name="Foto- und Videoaufnahmen von Personen auf der Website",
        description="Veröffentlichung von Fotos und Videos, auf denen Personen erkennbar "
                    "sind. Einwilligung wird selbst eingeholt oder vom Fotografen "
                    "zugesichert.",
        purposes=[Purpose(text="Darstellung auf der Website", legal_bases=["art6-1-a"])],
        data_subjects=["Abgebildete Personen"],
        data_categories=[
            _cat("Foto- und Videoaufnahmen erkennbarer Personen",
                 _text("sofortige Entfernung oder Unkenntlichmachung auf Wunsch der "
                       "abgebildeten Person"),
                 source="eigene Aufnahmen oder Fotografen"),
        ],
        tom_description=_BOCHUM_TOMS,
        toms=[secrecy],
        status=ActivityStatus.DRAFT,
        created=clock.created(),
        changed=clock.changed(25),
        next_review=clock.next_review(),
    )
    return Organisation(
        uid=demo_uid("org/bochum"),
        name="Stadtwerke Bochum GmbH",
        kind=OrganisationKind.MUNICIPAL_COMPANY,
        land="DE-NW",
        street="Ostring 28", postcode="44787", city="Bochum",
        phone="0234 / 960 0", email="info@stadtwerke-bochum.de",
        dpo=Contact(name="Frau Harder", phone="0234 / 960 1411",
                    email="datenschutz@stadtwerke-bochum.de"),
        supervisory_authority="nw-ldi",
        is_controller=True,
        activities=[logs, analytics, contact_form, callback, chat, portal, newsletter, photos],
    )


# ---------------------------------------------------------------- 002 Herne


def _herne(clock: _Clock) -> Organisation:
    microsoft = demo_uid("processor/microsoft")
    teams = Activity(
        uid=demo_uid("activity/herne/teams"),
        reference="VT-001",
        name="Videoberatung über Microsoft Teams",
        contact=Contact(email="beratung@stadtwerke-herne.de"),
        description=(
            "Persönliche Beratung zu Angeboten, Produkten und Verträgen per Video, Audio, "
            "Textchat und Bildschirmübertragung über Microsoft Teams (Teil von Microsoft "
            "365), per App oder Browser. Einladung mit Einwahllink per E-Mail nach der "
            "Terminbuchung; Authentifizierung der Kundin bzw. des Kunden zu Beginn. Keine "
            "Aufzeichnung von Ton, Bild oder Chat."
        ),
        purposes=[
            Purpose(text="Videoberatung von Kundinnen, Kunden und Interessenten",
                    legal_bases=["art6-1-a"]),
            Purpose(text="Verarbeitung von Daten der beratenden Beschäftigten im Rahmen "
                         "des Beschäftigungsverhältnisses",
                    legal_bases=["bdsg-26"]),
            Purpose(text="Verarbeitung von Beschäftigtendaten, die für das "
                         "Beschäftigungsverhältnis nicht erforderlich, für die Nutzung von "
                         "Teams aber unvermeidbar sind",
                    legal_bases=["art6-1-f"],
                    legitimate_interest="effektive Durchführung von Videoberatungen"),
        ],
        data_subjects=["Kundinnen und Kunden", "Interessentinnen und Interessenten",
                       "Beschäftigte (Kundenberatung)"],
        data_categories=[
            _cat("Angaben zum Benutzer (Vor- und Nachname, Benutzername, E-Mail-Adresse, "
                 "Profilbild)"),
            _cat("Meeting-Metadaten (Thema, Beschreibung, IP-Adressen der Teilnehmenden, "
                 "Geräte- und Hardwareinformationen)"),
            _cat("Textchat-Eingaben", _text("keine Protokollierung; nur Anzeige während "
                                            "der Beratung"), source=SUBJECT_INPUT),
            _cat("Audio- und Videodaten", _text("keine Aufzeichnung; nur für die Dauer der "
                                                "Beratung"), source=SUBJECT_INPUT),
        ],
        processors=[ProcessorLink(processor=microsoft, service="Microsoft 365 / Teams")],
        transfers=[
            Transfer(
                country="US",
                recipient="Microsoft Corporation",
                processor=microsoft,
                mechanism="scc-2",
                mechanism_text="EU-Standardvertrag zu Microsoft 365 und Teams "
                               "abgeschlossen (laut Datenschutzerklärung).",
            ),
        ],
        tom_description="TLS-Verschlüsselung des Textchats; Authentifizierung zu Beginn "
                        "des Gesprächs; keine Aufzeichnung; im Chat werden keine "
                        "vertraulichen Angaben (Konto-, Kundennummern, Passwörter) "
                        "abgefragt.",
        toms=[demo_uid("tom/tls")],
        status=ActivityStatus.IN_REVIEW,
        created=clock.created(),
        changed=clock.changed(2),
        next_review=clock.next_review(),
        notes=(
            "Microsoft verarbeitet Kundendaten auch zu eigenen Geschäftszwecken und ist "
            "insoweit eigenständiger Verantwortlicher; darauf haben die Stadtwerke keinen "
            "Einfluss. § 26 BDSG ist seit EuGH C-34/21 als alleinige Rechtsgrundlage "
            "umstritten – Kombination mit Art. 6 Abs. 1 lit. b DSGVO prüfen. Die "
            "Datenschutzerklärung ist widersprüchlich: kein Benutzerkonto nötig, zugleich "
            "„Nutzerkonto für Microsoft 365“ – klären."
        ),
    )
    return Organisation(
        uid=demo_uid("org/herne"),
        name="Stadtwerke Herne AG",
        kind=OrganisationKind.MUNICIPAL_COMPANY,
        land="DE-NW",
        # Address, phone and e-mail: the notice refers to the imprint only.
        dpo=Contact(
            organisation="fox-on Datenschutz GmbH",
            street="Pollerhofstraße 33a", postcode="51789", city="Lindlar/Köln", country="DE",
            phone="02266-9015920", email="dsb@fox-on.com", website="www.fox-on.com",
        ),
        dpo_external=True,
        # The Teams notice names no supervisory authority: left empty on purpose.
        supervisory_authority="",
        is_controller=True,
        activities=[teams],
    )


# ---------------------------------------------------------------- 003 Ahaus


def _ahaus(clock: _Clock) -> Organisation:
    mediabeam = demo_uid("processor/mediabeam")
    users = "Registrierte Nutzerinnen und Nutzer von AHAUS.NET"
    portal = Activity(
        uid=demo_uid("activity/ahaus/portal"),
        reference="VT-001",
        name="E-Mail- und Kollaborationsportal AHAUS.NET",
        description=(
            "Städtisches Stadtmail-Portal mit E-Mail- und Kollaborationsdiensten. Betrieb "
            "auf der technischen Infrastruktur der mediaBEAM GmbH. Gespeicherte oder "
            "übermittelte Inhalte werden nicht eingesehen und nur bei gesetzlicher "
            "Verpflichtung herausgegeben. Bei einem Dienstleisterwechsel gehen die Daten "
            "nur zur Fortführung des Dienstes über und werden beim bisherigen Dienstleister "
            "gelöscht."
        ),
        purposes=[
            Purpose(text="Begründung und Abwicklung des Nutzungsvertrags einschließlich "
                         "Abrechnung", legal_bases=["art6-1-b"]),
            # No legal basis is given for this: left open on purpose.
            Purpose(text="Erkennung und Beseitigung von Störungen sowie Aufdeckung "
                         "missbräuchlicher Nutzung der Telekommunikationsdienste"),
        ],
        data_subjects=[users],
        data_categories=[
            _cat("Bestandsdaten (Name, Anschrift, Geburtsdatum, E-Mail-Adresse, ggf. "
                 "Telefonnummer und Bankverbindung, Passwort)",
                 _months(6, start="Ende des Vertragsverhältnisses"), source=SUBJECT_INPUT),
            _cat("Nutzungs- und Verkehrsdaten (Beginn, Ende und Umfang der Nutzung mit "
                 "Zeitzone, IP-Adresse, Art des Dienstes)",
                 _text("mit Ende des Nutzungsvorgangs bzw. der Verbindung"),
                 source=SUBJECT_AUTO),
            _cat("Abrechnungsdaten",
                 _months(6, start="Versand der Rechnung",
                         text="länger nur bei Einwendungen, Zahlungsverzug oder "
                              "gesetzlicher Aufbewahrungspflicht")),
            _cat("Freiwillige weitere Angaben", source=SUBJECT_INPUT),
            _cat("Inhalte (gespeicherte und übermittelte Nachrichten und Daten)"),
        ],
        recipients=[
            demo_uid("recipient/ahaus-abrechnung"),
            demo_uid("recipient/ahaus-strafverfolgung"),
            demo_uid("recipient/ahaus-tk"),
        ],
        processors=[ProcessorLink(processor=mediabeam,
                                  service="Hosting und Betrieb des Portals AHAUS.NET")],
        status=ActivityStatus.IN_REVIEW,
        created=clock.created(),
        changed=clock.changed(5),
        next_review=clock.next_review(),
        notes="Die Datenschutzerklärung beruft sich noch auf das Bundesdatenschutzgesetz "
              "und Telemedien-/Telekommunikationsbegriffe; Aktualität prüfen.",
    )
    cookies = Activity(
        uid=demo_uid("activity/ahaus/cookies"),
        reference="VT-002",
        name="Session-Cookies im Portal AHAUS.NET",
        description="Session-Cookies zur Wiedererkennung während einer Sitzung; daneben "
                    "Cookies für anonyme Nutzungsinformationen ohne Personenbezug.",
        purposes=[
            Purpose(text="Wiedererkennung der Nutzerinnen und Nutzer während einer Sitzung; "
                         "anonyme Bewertung, Verbesserung und Vermarktung der Dienste",
                    legal_bases=["art6-1-f"]),
        ],
        data_subjects=[users],
        data_categories=[
            _cat("Sitzungskennung (Session-Cookie)",
                 _text("in der Regel beim Schließen des Browsers")),
        ],
        processors=[ProcessorLink(processor=mediabeam, service="Betrieb des Portals")],
        status=ActivityStatus.DRAFT,
        created=clock.created(),
        changed=clock.changed(15),
        next_review=clock.next_review(),
        # A public authority relying on Art. 6(1)(f): a real finding of the notice, kept.
        notes="Die Datenschutzerklärung stützt die Cookies auf ein berechtigtes Interesse "
              "der Stadt, ohne es zu benennen. Für Behörden ist Art. 6 Abs. 1 lit. f DSGVO "
              "in Erfüllung ihrer Aufgaben ausgeschlossen – Rechtsgrundlage überprüfen.",
    )
    matomo = Activity(
        uid=demo_uid("activity/ahaus/matomo"),
        reference="VT-003",
        name="Webanalyse mit Matomo",
        description="Analyse der Nutzung des Portals mit Matomo auf eigenen Servern; "
                    "Weitergabe an Dritte findet nicht statt.",
        purposes=[
            Purpose(text="Analyse der Website-Nutzung zur Optimierung",
                    legal_bases=["art6-1-f"],
                    legitimate_interest="Optimierung der Website (laut "
                                        "Datenschutzerklärung Interesse der mediaBEAM GmbH)"),
        ],
        data_subjects=["Besucherinnen und Besucher des Portals"],
        data_categories=[
            _cat("Nutzungsinformationen aus Cookies einschließlich gekürzter IP-Adresse",
                 source=SUBJECT_AUTO),
        ],
        processors=[ProcessorLink(processor=mediabeam,
                                  service="Matomo auf eigenen Servern")],
        tom_description="IP-Adresse wird sofort gekürzt (anonymisiert); Auswertung auf "
                        "eigenen Servern ohne Weitergabe an Dritte.",
        status=ActivityStatus.DRAFT,
        created=clock.created(),
        changed=clock.changed(15),
        next_review=clock.next_review(),
        notes="Die Datenschutzerklärung nennt das berechtigte Interesse des Dienstleisters, "
              "nicht der Stadt; als Auftragsverarbeiter kann mediaBEAM kein eigenes "
              "Interesse geltend machen. Verantwortlichkeit und Rechtsgrundlage klären.",
    )
    recaptcha = Activity(
        uid=demo_uid("activity/ahaus/recaptcha"),
        reference="VT-004",
        name="Schutz des Kontaktformulars mit Google reCAPTCHA",
        description="reCAPTCHA unterscheidet menschliche Eingaben im Kontaktformular von "
                    "automatisierten (Spam-Bots).",
        # No legal basis is given: left open on purpose.
        purposes=[Purpose(text="Schutz des Kontaktformulars vor missbräuchlicher, "
                               "automatisierter Nutzung")],
        data_subjects=["Nutzerinnen und Nutzer des Kontaktformulars"],
        data_categories=[
            _cat("IP-Adresse und weitere von Google für reCAPTCHA benötigte Daten",
                 source=SUBJECT_AUTO),
        ],
        recipients=[demo_uid("recipient/google-inc-recaptcha")],
        transfers=[
            # The notice names no safeguard for the transfer: mechanism left empty.
            Transfer(country="US", recipient="Google Inc."),
        ],
        status=ActivityStatus.DRAFT,
        created=clock.created(),
        changed=clock.changed(15),
        next_review=clock.next_review(),
    )
    return Organisation(
        uid=demo_uid("org/ahaus"),
        name="Stadt Ahaus",
        kind=OrganisationKind.PUBLIC_AUTHORITY,
        land="DE-NW",
        street="Rathausplatz 1", postcode="48683", city="Ahaus",
        management="Bürgermeisterin Karola Voß",
        dpo=Contact(email="datenschutz@mediabeam.com"),
        supervisory_authority="nw-ldi",
        is_controller=True,
        notes="Für den Datenschutzbeauftragten nennt die Datenschutzerklärung nur eine "
              "E-Mail-Adresse bei mediaBEAM und „die zuvor genannte Anschrift“; Name und "
              "Zuordnung (Stadt oder Dienstleister) klären.",
        activities=[portal, cookies, matomo, recaptcha],
    )


# -------------------------------------------------------------- 004 Komm.ONE


def _komm_one(clock: _Clock) -> Organisation:
    vps = ProcessingService(
        uid=demo_uid("service/komm-one/vps"),
        reference="AV-001",
        name="Virtuelle Poststelle (VPS)",
        controllers=[ClientController(name="Kommunen in Baden-Württemberg")],
        categories=[
            "Betrieb der Virtuellen Poststelle für Nachrichten von Bürgerinnen und Bürgern "
            "an die Kommunen (Kontaktformular ohne Anmeldung und registrierte Konten)",
            "Speicherung eingehender Nachrichten; Löschung durch die empfangende Stelle, "
            "in der Regel nach Abschluss des Vorgangs, keine automatische Löschung",
            "Führen registrierter Nutzerkonten; dauerhafte Speicherung, Löschung auf Antrag",
            "Protokollierung jedes Abrufs (abgerufene Datei, Datum und Uhrzeit, übertragene "
            "Datenmenge, Erfolgsmeldung, Browsertyp, Betriebssystem, zuvor besuchte Seite, "
            "Provider, IP-Adresse) zu systembezogenen und statistischen Zwecken",
            "Technisch notwendige Sitzungs-Cookies und Cookies für Anzeigezustände der "
            "Oberfläche",
        ],
        tom_description="SSL-Verschlüsselung der Übertragung während der Online-Anfrage; "
                        "Firewalls schützen die speichernden Systeme gegen unbefugte "
                        "Zugriffe von außen; Sitzungs-Cookies mit Schutz gegen "
                        "clientseitige Angriffe (XSRF-Token), Sitzungsinhalte werden "
                        "serverseitig nicht dauerhaft gespeichert.",
        toms=[demo_uid("tom/tls"), demo_uid("tom/firewall")],
        status=ActivityStatus.IN_REVIEW,
        created=clock.created(),
        changed=clock.changed(8),
        notes="Rechtsgrundlagen laut Datenschutzerklärung (für die Register der "
              "auftraggebenden Kommunen): Art. 6 Abs. 1 lit. b DSGVO für die Bearbeitung "
              "von Anfragen und die Protokollierung, lit. e für die Anzeige von Straftaten "
              "und gesetzliche Weitergabepflichten, lit. f für Cookies. Speicherdauer der "
              "Zugriffsprotokolle nicht angegeben.",
    )
    return Organisation(
        uid=demo_uid("org/komm-one"),
        name="Komm.ONE",
        # Our own knowledge, not in the notice: Komm.ONE is an Anstalt des öffentlichen
        # Rechts based in Baden-Württemberg; the notice only says it acts for the
        # municipalities of Baden-Württemberg.
        kind=OrganisationKind.PUBLIC_LAW_INSTITUTION,
        land="DE-BW",
        dpo=Contact(email="datenschutz@komm.one"),
        # The notice names no supervisory authority: left empty on purpose.
        supervisory_authority="",
        is_controller=False,
        is_processor=True,
        notes="Rechtsform (Anstalt des öffentlichen Rechts) und Land nach eigener Kenntnis "
              "ergänzt; die Datenschutzerklärung nennt weder Rechtsform noch Anschrift.",
        services=[vps],
    )


# ------------------------------------------------------------------ the register


def build_demo_register(today: date) -> Register:
    """The demo register as of ``today``: five organisations from the seed notices."""
    clock = _Clock(today)
    return Register(
        organisations=[
            _guetersloh(clock),
            _bochum(clock),
            _herne(clock),
            _ahaus(clock),
            _komm_one(clock),
        ],
        processors=_processors(),
        recipients=_recipients(),
        toms=_toms(),
    )


__all__ = ["DEMO_NAMESPACE", "build_demo_register", "demo_uid"]
