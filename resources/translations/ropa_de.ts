<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivitiesView</name>
    <message>
        <source>Search all fields (Ctrl+F)</source>
        <translation>Alle Felder durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>Alle Befunde</translation>
    </message>
    <message>
        <source>With errors</source>
        <translation>Mit Fehlern</translation>
    </message>
    <message>
        <source>With warnings or errors</source>
        <translation>Mit Warnungen oder Fehlern</translation>
    </message>
    <message>
        <source>Without findings</source>
        <translation>Ohne Befunde</translation>
    </message>
    <message>
        <source>Processing activities</source>
        <translation>Verarbeitungstätigkeiten</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <source>&amp;New activity</source>
        <translation>&amp;Neue Tätigkeit</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete …</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>&amp;Change selected …</source>
        <translation>&amp;Ausgewählte ändern …</translation>
    </message>
    <message>
        <source>Set department, status or next review, or number the selected activities</source>
        <translation>Fachabteilung, Status oder nächste Überprüfung setzen oder die ausgewählten Tätigkeiten nummerieren</translation>
    </message>
    <message>
        <source>Delete the processing activity “{name}”?

It can be restored from the history.</source>
        <translation>Verarbeitungstätigkeit „{name}“ löschen?

Sie lässt sich im Verlauf wiederherstellen.</translation>
    </message>
    <message>
        <source>Delete {n} processing activities?

They can be restored from the history.</source>
        <translation>{n} Verarbeitungstätigkeiten löschen?

Sie lassen sich im Verlauf wiederherstellen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>%n activities</source>
        <translation>
            <numerusform>%n Tätigkeit</numerusform>
            <numerusform>%n Tätigkeiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Nicht geändert</translation>
    </message>
    <message>
        <source>{n} activities</source>
        <translation>{n} Tätigkeiten</translation>
    </message>
    <message>
        <source>{shown} of {total} activities</source>
        <translation>{shown} von {total} Tätigkeiten</translation>
    </message>
</context>
<context>
    <name>ActivityConflict</name>
    <message>
        <source>Their version loaded</source>
        <translation>Deren Fassung geladen</translation>
    </message>
    <message>
        <source>“{name}” now shows the version of {user}. Your version has been kept as the new draft activity “{copy}”.</source>
        <translation>„{name}“ zeigt jetzt die Fassung von {user}. Ihre Fassung wurde als neue Verarbeitungstätigkeit „{copy}“ im Status Entwurf behalten.</translation>
    </message>
    <message>
        <source>Activity not saved</source>
        <translation>Verarbeitungstätigkeit nicht gespeichert</translation>
    </message>
    <message>
        <source>{name} (my version of {date})</source>
        <translation>{name} (meine Fassung vom {date})</translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (Kopie)</translation>
    </message>
    <message>
        <source>Activity not saved</source>
        <translation>Tätigkeit nicht gespeichert</translation>
    </message>
    <message>
        <source>Approve despite check errors?</source>
        <translation>Trotz Prüffehlern freigeben?</translation>
    </message>
    <message>
        <source>“{name}” has {n} check error(s):
{errors}

Approve it anyway? The reason is recorded in the history (Verlauf). Without a reason nothing is saved.</source>
        <translation>„{name}“ hat {n} Fehler in der Prüfung:
{errors}

Trotzdem freigeben? Die Begründung wird im Verlauf festgehalten. Ohne Begründung wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Neue Tätigkeit</translation>
    </message>
    <message>
        <source>&amp;Save activity</source>
        <translation>Tätigkeit &amp;speichern</translation>
    </message>
    <message>
        <source>Save the activity (Ctrl+S)</source>
        <translation>Tätigkeit speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Verwer&amp;fen</translation>
    </message>
    <message>
        <source>Discard the unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen verwerfen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Findings of this activity</source>
        <translation>Prüfergebnisse dieser Tätigkeit</translation>
    </message>
    <message>
        <source>Attachments (AVV, DPIA, TOM concept …)</source>
        <translation>Anlagen (AVV, DSFA, TOM-Konzept …)</translation>
    </message>
    <message>
        <source>Edit “{item}”</source>
        <translation>Änderung an „{item}“</translation>
    </message>
    <message>
        <source>No activity selected</source>
        <translation>Keine Tätigkeit ausgewählt</translation>
    </message>
    <message>
        <source>No findings: the activity is complete.</source>
        <translation>Keine Befunde: Die Tätigkeit ist vollständig.</translation>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s), {infos} note(s)</source>
        <translation>{errors} Fehler, {warnings} Warnung(en), {infos} Hinweis(e)</translation>
    </message>
    <message>
        <source>This activity was deleted elsewhere meanwhile. Saving will ask what to do with your changes.</source>
        <translation>Diese Verarbeitungstätigkeit wurde inzwischen anderswo gelöscht. Beim Speichern werden Sie gefragt, was mit Ihren Änderungen geschehen soll.</translation>
    </message>
    <message>
        <source>This activity was changed elsewhere meanwhile. Saving will show the other changes and ask what to do.</source>
        <translation>Diese Verarbeitungstätigkeit wurde inzwischen anderswo geändert. Beim Speichern werden die anderen Änderungen gezeigt und Sie gefragt, was geschehen soll.</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <source>General</source>
        <translation>Allgemeines</translation>
    </message>
    <message>
        <source>Contact: unit or organisation</source>
        <translation>Ansprechpartner: Stelle oder Organisation</translation>
    </message>
    <message>
        <source>Contact: phone</source>
        <translation>Ansprechpartner: Telefon</translation>
    </message>
    <message>
        <source>Contact: e-mail</source>
        <translation>Ansprechpartner: E-Mail</translation>
    </message>
    <message>
        <source>Contact: address</source>
        <translation>Ansprechpartner: Anschrift</translation>
    </message>
    <message>
        <source>Contact: website</source>
        <translation>Ansprechpartner: Website</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Staat</translation>
    </message>
    <message>
        <source>Add &amp;purpose</source>
        <translation>&amp;Zweck hinzufügen</translation>
    </message>
    <message>
        <source>Purpose {n}</source>
        <translation>Zweck {n}</translation>
    </message>
    <message>
        <source>Type or choose a category of data subjects</source>
        <translation>Kategorie betroffener Personen eingeben oder auswählen</translation>
    </message>
    <message>
        <source>Add data &amp;category</source>
        <translation>Daten&amp;kategorie hinzufügen</translation>
    </message>
    <message>
        <source>Data category {n}</source>
        <translation>Datenkategorie {n}</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Type or choose a department</source>
        <translation>Fachabteilung eingeben oder auswählen</translation>
    </message>
    <message>
        <source>Search the recipient catalogue</source>
        <translation>Im Empfängerkatalog suchen</translation>
    </message>
    <message>
        <source>There are no external recipients (“none”)</source>
        <translation>Es gibt keine externen Empfänger („keine“)</translation>
    </message>
    <message>
        <source>Add p&amp;rocessor</source>
        <translation>&amp;Auftragsverarbeiter hinzufügen</translation>
    </message>
    <message>
        <source>Processor {n}</source>
        <translation>Auftragsverarbeiter {n}</translation>
    </message>
    <message>
        <source>New processor…</source>
        <translation>Neuer Auftragsverarbeiter…</translation>
    </message>
    <message>
        <source>Add joint controller</source>
        <translation>Gemeinsam Verantwortlichen hinzufügen</translation>
    </message>
    <message>
        <source>Joint controller {n}</source>
        <translation>Gemeinsam Verantwortlicher {n}</translation>
    </message>
    <message>
        <source>There are no joint controllers (“none”)</source>
        <translation>Es gibt keine gemeinsam Verantwortlichen („keine“)</translation>
    </message>
    <message>
        <source>Add &amp;transfer</source>
        <translation>&amp;Übermittlung hinzufügen</translation>
    </message>
    <message>
        <source>Transfer {n}</source>
        <translation>Übermittlung {n}</translation>
    </message>
    <message>
        <source>No transfer to third countries takes place</source>
        <translation>Keine Übermittlung in Drittländer (findet nicht statt)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Measures of the catalogue</source>
        <translation>Maßnahmen aus dem TOM-Katalog</translation>
    </message>
    <message>
        <source>Art. 35(3) GDPR cases</source>
        <translation>Fälle nach Art. 35 Abs. 3 DSGVO</translation>
    </message>
    <message>
        <source>WP248 criteria</source>
        <translation>Kriterien nach WP 248</translation>
    </message>
    <message>
        <source>DSK list items</source>
        <translation>Einträge der DSK-Muss-Liste</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>DPIA reference</source>
        <translation>Fundstelle der DSFA</translation>
    </message>
    <message>
        <source>Reasons and notes</source>
        <translation>Begründung und Anmerkungen</translation>
    </message>
    <message>
        <source>Screened on</source>
        <translation>Schwellwertanalyse am</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Search a legal basis or type a provision, e.g. “§ 3 DSG NRW”</source>
        <translation>Rechtsgrundlage suchen oder Vorschrift eingeben, z. B. „§ 3 DSG NRW“</translation>
    </message>
    <message>
        <source>after … (event), e.g. end of the contract</source>
        <translation>nach … (Ereignis), z. B. Ende des Vertrags</translation>
    </message>
    <message>
        <source>ordinary personal data</source>
        <translation>keine besondere Kategorie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Retention as text</source>
        <translation>Löschfrist als Text</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Auftragsverarbeiter</translation>
    </message>
    <message>
        <source>Search the catalogue</source>
        <translation>Im Katalog suchen</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Arrangement (Art. 26)</source>
        <translation>Vereinbarung (Art. 26)</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>Garantie</translation>
    </message>
    <message>
        <source>Mechanism as stated</source>
        <translation>Garantie laut Angabe</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>Unknown recipient ({uid})</source>
        <translation>Unbekannter Empfänger ({uid})</translation>
    </message>
    <message>
        <source>Other measures</source>
        <translation>Weitere Maßnahmen</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>Completeness</source>
        <translation>Vollständigkeit</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Nächste Überprüfung</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Fachabteilung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Mandatory items missing or wrong (see the editor)</source>
        <translation>Pflichtangaben fehlen oder sind fehlerhaft (siehe Formular)</translation>
    </message>
    <message>
        <source>Warnings (see the editor)</source>
        <translation>Warnungen (siehe Formular)</translation>
    </message>
    <message>
        <source>Notes (see the editor)</source>
        <translation>Hinweise (siehe Formular)</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>Keine Befunde</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Open register</source>
        <translation>Verzeichnis öffnen</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attach file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anlagen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>&amp;Attach file …</source>
        <translation>Datei &amp;anhängen …</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Datei entfernen</translation>
    </message>
    <message>
        <source>Save the record first; then files can be attached.</source>
        <translation>Speichern Sie den Datensatz zuerst; dann können Dateien angehängt werden.</translation>
    </message>
    <message>
        <source>Files are kept in the register database (and in every backup). Files above {warn} are asked about, above {limit} refused.</source>
        <translation>Dateien werden in der Datenbank des Verzeichnisses gespeichert (und in jeder Sicherung). Bei Dateien über {warn} wird nachgefragt, Dateien über {limit} werden abgelehnt.</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>Nicht angehängt</translation>
    </message>
    <message>
        <source>“{name}” is {size}; attachments may be at most {limit}. Keep the file in the file system and note where in the notes.</source>
        <translation>„{name}“ ist {size} groß; Anlagen dürfen höchstens {limit} groß sein. Legen Sie die Datei im Dateisystem ab und vermerken Sie den Ablageort in den Anmerkungen.</translation>
    </message>
    <message>
        <source>Large file</source>
        <translation>Große Datei</translation>
    </message>
    <message>
        <source>“{name}” is {size}. It is stored in the register database, which makes the register file and every backup that much bigger. Attach it anyway?</source>
        <translation>„{name}“ ist {size} groß. Sie wird in der Datenbank des Verzeichnisses gespeichert; die Verzeichnisdatei und jede Sicherung werden entsprechend größer. Trotzdem anhängen?</translation>
    </message>
    <message>
        <source>Reading {name} …</source>
        <translation>{name} wird gelesen …</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>No program opens “{name}”. The file was saved as {path}.</source>
        <translation>Kein Programm öffnet „{name}“. Die Datei wurde unter {path} gespeichert.</translation>
    </message>
    <message>
        <source>Remove the file “{name}” from the register?</source>
        <translation>Die Datei „{name}“ aus dem Verzeichnis entfernen?</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>Nicht entfernt</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <source>Change %n activities</source>
        <translation>
            <numerusform>%n Tätigkeit ändern</numerusform>
            <numerusform>%n Tätigkeiten ändern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>What you tick is set on all %n selected activities, in one step that the history (Verlauf) can undo.</source>
        <translation>
            <numerusform>Was Sie ankreuzen, wird für die ausgewählte Tätigkeit gesetzt – in einem Schritt, den der Verlauf rückgängig machen kann.</numerusform>
            <numerusform>Was Sie ankreuzen, wird für alle %n ausgewählten Tätigkeiten gesetzt – in einem Schritt, den der Verlauf rückgängig machen kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Fachabteilung:</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Fachabteilung</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Next review:</source>
        <translation>&amp;Nächste Überprüfung:</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Nächste Überprüfung</translation>
    </message>
    <message>
        <source>N&amp;umber the activities without a reference</source>
        <translation>Tätigkeiten ohne Nr. n&amp;ummerieren</translation>
    </message>
    <message>
        <source>&amp;Also renumber those that have one</source>
        <translation>&amp;Auch die mit Nr. neu nummerieren</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Every selected activity has a reference already.</source>
        <translation>Jede ausgewählte Tätigkeit hat bereits eine Nr.</translation>
    </message>
    <message>
        <source>New references: %1</source>
        <translation>Neue Nummern: %1</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Which case do you want to record?</source>
        <translation>Welchen Fall möchten Sie erfassen?</translation>
    </message>
    <message>
        <source>Choose a common case; the next pages ask what differs.</source>
        <translation>Wählen Sie einen typischen Fall; die folgenden Seiten fragen nach den Abweichungen.</translation>
    </message>
    <message>
        <source>Search the cases (title, description)</source>
        <translation>Fälle durchsuchen (Titel, Beschreibung)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Rechtsform:</translation>
    </message>
</context>
<context>
    <name>ChoiceListField</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed elsewhere</source>
        <translation>Anderswo geändert</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>einem anderen Benutzer</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Their version ({user})</source>
        <translation>Deren Fassung ({user})</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Ihre Fassung</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>&amp;Delete anyway</source>
        <translation>&amp;Trotzdem löschen</translation>
    </message>
    <message>
        <source>&amp;Save as restored record</source>
        <translation>Als &amp;wiederhergestellten Eintrag speichern</translation>
    </message>
    <message>
        <source>&amp;Discard my changes</source>
        <translation>Meine Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Reload their version</source>
        <translation>Deren Fassung &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>Mit meiner Fassung ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>“{label}” was changed by {user} on {when} after you loaded it. Delete it anyway?</source>
        <translation>„{label}“ wurde von {user} am {when} geändert, nachdem Sie es geladen hatten. Trotzdem löschen?</translation>
    </message>
    <message>
        <source>“{label}” was deleted by {user} on {when} while you were editing it. Your changes have not been saved.</source>
        <translation>„{label}“ wurde von {user} am {when} gelöscht, während Sie es bearbeitet haben. Ihre Änderungen wurden nicht gespeichert.</translation>
    </message>
    <message>
        <source>“{label}” was changed by {user} on {when} while you were editing it. Your changes have not been saved. Their changes and your version:</source>
        <translation>„{label}“ wurde von {user} am {when} geändert, während Sie es bearbeitet haben. Ihre Änderungen wurden nicht gespeichert. Die anderen Änderungen und Ihre Fassung:</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Street:</source>
        <translation>Straße:</translation>
    </message>
    <message>
        <source>Postcode, city:</source>
        <translation>PLZ, Ort:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Staat:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>Website:</translation>
    </message>
</context>
<context>
    <name>CopyFromOrganisationDialog</name>
    <message>
        <source>Copy from another organisation</source>
        <translation>Aus anderer Organisation übernehmen</translation>
    </message>
    <message>
        <source>Also copy notes, contract date and reference and TOM descriptions</source>
        <translation>Auch Notizen, Vertragsdatum und -zeichen sowie TOM-Beschreibungen übernehmen</translation>
    </message>
    <message>
        <source>The copies belong to “{name}” alone; processors come with their subprocessors. Notes and contract data of the other organisation stay behind unless you tick the box.</source>
        <translation>Die Kopien gehören allein zu „{name}“; Auftragsverarbeiter kommen mit ihren Unterauftragsverarbeitern. Notizen und Vertragsdaten der anderen Organisation bleiben zurück, wenn das Kästchen nicht angekreuzt ist.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Not copied</source>
        <translation>Nicht übernommen</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Date recorded</source>
        <translation>Datum erfasst</translation>
    </message>
</context>
<context>
    <name>DeleteEntryDialog</name>
    <message>
        <source>Activity</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Processing service</source>
        <translation>Auftragsverarbeitung</translation>
    </message>
    <message>
        <source>Processor (subprocessor)</source>
        <translation>Auftragsverarbeiter (Unterauftrag)</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” is still used by %n record(s). Deleting it changes all of them in one step, which the history (Verlauf) can undo.</source>
        <translation>
            <numerusform>„{name}“ wird noch von einem Datensatz verwendet. Das Löschen ändert ihn in einem Schritt, den der Verlauf rückgängig machen kann.</numerusform>
            <numerusform>„{name}“ wird noch von %n Datensätzen verwendet. Das Löschen ändert sie alle in einem Schritt, den der Verlauf rückgängig machen kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>Records using the entry</source>
        <translation>Datensätze, die den Eintrag verwenden</translation>
    </message>
    <message>
        <source>&amp;Remove it from all of them</source>
        <translation>Aus allen ent&amp;fernen</translation>
    </message>
    <message>
        <source>Re&amp;place it in all of them by:</source>
        <translation>In allen &amp;ersetzen durch:</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Ersatz</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Mark version {number} as delivered</source>
        <translation>Stand {number} als übergeben vermerken</translation>
    </message>
    <message>
        <source>e.g. the supervisory authority</source>
        <translation>z. B. die Aufsichtsbehörde</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Empfänger:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Re&amp;ference:</source>
        <translation>&amp;Zeichen:</translation>
    </message>
    <message>
        <source>Please name the recipient.</source>
        <translation>Bitte den Empfänger angeben.</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>All changes</source>
        <translation>Alle Änderungen</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Filter by text …</source>
        <translation>Nach Text filtern …</translation>
    </message>
    <message>
        <source>Changes between the versions</source>
        <translation>Änderungen zwischen den Versionen</translation>
    </message>
    <message>
        <source>Entry / item</source>
        <translation>Eintrag / Angabe</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>keine Änderungen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export as {format}</source>
        <translation>Als {format} exportieren</translation>
    </message>
    <message>
        <source>Whole register of “{org}” ({n} activities)</source>
        <translation>Gesamtes Verzeichnis von „{org}“ ({n} Tätigkeiten)</translation>
    </message>
    <message>
        <source>Selected activities ({n})</source>
        <translation>Ausgewählte Tätigkeiten ({n})</translation>
    </message>
    <message>
        <source>Controller register (Art. 30(1))</source>
        <translation>Verzeichnis als Verantwortlicher (Art. 30 Abs. 1)</translation>
    </message>
    <message>
        <source>Processor register (Art. 30(2))</source>
        <translation>Verzeichnis als Auftragsverarbeiter (Art. 30 Abs. 2)</translation>
    </message>
    <message>
        <source>&amp;Browse …</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>Inhalt:</translation>
    </message>
    <message>
        <source>Register:</source>
        <translation>Verzeichnis:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Whole register of “{org}” ({n} processing services)</source>
        <translation>Gesamtes Verzeichnis von „{org}“ ({n} Verarbeitungen im Auftrag)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Please choose a file.</source>
        <translation>Bitte wählen Sie eine Datei.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <source>Exporting {file} …</source>
        <translation>{file} wird exportiert …</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Spreadsheet (xlsx, xls, ods, csv) or register file (json)</source>
        <translation>Tabelle (xlsx, xls, ods, csv) oder Verzeichnisdatei (json)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>The organisation the activities belong to; type a new name to create one.</source>
        <translation>Die Organisation, zu der die Tätigkeiten gehören; für eine neue Organisation einen neuen Namen eingeben.</translation>
    </message>
    <message>
        <source>&amp;Skip them</source>
        <translation>&amp;Überspringen</translation>
    </message>
    <message>
        <source>An activity with the same name already exists in the organisation: keep it as it is and leave the row out.</source>
        <translation>In der Organisation gibt es bereits eine Tätigkeit mit diesem Namen: Sie bleibt unverändert, die Zeile wird ausgelassen.</translation>
    </message>
    <message>
        <source>&amp;Update them</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Fill in and replace the existing activity&apos;s details with the row&apos;s values.</source>
        <translation>Die Angaben der vorhandenen Tätigkeit werden mit den Werten der Zeile ergänzt und ersetzt.</translation>
    </message>
    <message>
        <source>Import as &amp;new activities</source>
        <translation>Als &amp;neue Tätigkeiten importieren</translation>
    </message>
    <message>
        <source>Add the row as another activity even though the name exists.</source>
        <translation>Die Zeile wird als weitere Tätigkeit angelegt, obwohl der Name schon vorhanden ist.</translation>
    </message>
    <message>
        <source>Activities that already exist</source>
        <translation>Bereits vorhandene Tätigkeiten</translation>
    </message>
    <message>
        <source>optional: a saved column mapping (.json)</source>
        <translation>optional: eine gespeicherte Spaltenzuordnung (.json)</translation>
    </message>
    <message>
        <source>Choose &amp;mapping…</source>
        <translation>Zuordnung wä&amp;hlen…</translation>
    </message>
    <message>
        <source>A register file (JSON) holds its own organisations: it is imported as it is, without a column mapping.</source>
        <translation>Eine Verzeichnisdatei (JSON) enthält ihre eigenen Organisationen: Sie wird unverändert importiert, ohne Spaltenzuordnung.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Column ma&amp;pping:</source>
        <translation>S&amp;paltenzuordnung:</translation>
    </message>
</context>
<context>
    <name>FindingsTableModel</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>(organisation)</source>
        <translation>(Organisation)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>All findings</source>
        <translation>Alle Befunde</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Search the findings (Ctrl+F)</source>
        <translation>Befunde durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Schweregrad:</translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation>Su&amp;chen:</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FreezeDialog</name>
    <message>
        <source>Freeze version</source>
        <translation>Stand einfrieren</translation>
    </message>
    <message>
        <source>e.g. version for the supervisory authority</source>
        <translation>z. B. Stand für die Aufsichtsbehörde, Anfrage vom …</translation>
    </message>
    <message>
        <source>The register of “{org}” is stored as it is now, as the next numbered version. Later changes do not alter it.</source>
        <translation>Das Verzeichnis von „{org}“ wird so, wie es jetzt ist, als nächster nummerierter Stand gespeichert. Spätere Änderungen verändern ihn nicht.</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Freeze</source>
        <translation>&amp;Einfrieren</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Alt → neu</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>(deleted; can be restored)</source>
        <translation>(gelöscht; wiederherstellbar)</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>version frozen</source>
        <translation>Stand festgeschrieben</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Activity</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Processing service</source>
        <translation>Auftragsverarbeitung</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Auftragsverarbeiter</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>TOM</source>
        <translation>TOM</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Imported history</source>
        <translation>Importierter Verlauf</translation>
    </message>
    <message>
        <source>Copied from another organisation</source>
        <translation>Aus anderer Organisation übernommen</translation>
    </message>
    <message>
        <source>Organisation deleted</source>
        <translation>Organisation gelöscht</translation>
    </message>
    <message>
        <source>Questionnaire answers taken over</source>
        <translation>Fragebogen-Antworten übernommen</translation>
    </message>
    <message>
        <source>Entry deleted</source>
        <translation>Eintrag gelöscht</translation>
    </message>
    <message>
        <source>Entry replaced and deleted</source>
        <translation>Eintrag ersetzt und gelöscht</translation>
    </message>
    <message>
        <source>Bulk change</source>
        <translation>Sammeländerung</translation>
    </message>
    <message>
        <source>Overwrote a concurrent change by</source>
        <translation>Gleichzeitige Änderung überschrieben von</translation>
    </message>
    <message>
        <source>{batch} (undone)</source>
        <translation>{batch} (rückgängig gemacht)</translation>
    </message>
    <message>
        <source>Filter the changes shown (Ctrl+F)</source>
        <translation>Angezeigte Änderungen filtern (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Restore activity</source>
        <translation>Tätigkeit &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Undo batch …</source>
        <translation>Vorgang &amp;rückgängig machen …</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Mehr laden</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
    <message>
        <source>Restore activity</source>
        <translation>Tätigkeit wiederherstellen</translation>
    </message>
    <message>
        <source>It is not recorded which organisation “{name}” was deleted from. Restore it into “{organisation}”?</source>
        <translation>Es ist nicht festgehalten, aus welcher Organisation „{name}“ gelöscht wurde. In „{organisation}“ wiederherstellen?</translation>
    </message>
    <message>
        <source>Undo batch</source>
        <translation>Vorgang rückgängig machen</translation>
    </message>
    <message>
        <source>Undo everything “{batch}” changed ({when}, {user})? Records it created are deleted, records it replaced get their previous content back.</source>
        <translation>Alles rückgängig machen, was „{batch}“ geändert hat ({when}, {user})? Dabei angelegte Datensätze werden gelöscht, ersetzte Datensätze erhalten ihren vorherigen Inhalt zurück.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the changes read</source>
        <translation>
            <numerusform>%n der geladenen Änderungen</numerusform>
            <numerusform>%n der geladenen Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>(newest first; older ones with “Load more”)</source>
        <translation>(neueste zuerst; ältere über „Mehr laden“)</translation>
    </message>
    <message>
        <source>(entry no longer in the catalogue)</source>
        <translation>(Eintrag nicht mehr im Katalog)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>Wählen Sie die zu importierende Datei.</translation>
    </message>
    <message>
        <source>Checking the register file …</source>
        <translation>Verzeichnisdatei wird geprüft …</translation>
    </message>
    <message>
        <source>Reading {file} …</source>
        <translation>{file} wird gelesen …</translation>
    </message>
    <message>
        <source>The file has no sheet “{name}”.</source>
        <translation>Die Datei enthält kein Tabellenblatt „{name}“.</translation>
    </message>
    <message>
        <source>Importing {file} …</source>
        <translation>{file} wird importiert …</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>Abgebrochen; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Zu importierende Datei wählen</translation>
    </message>
    <message>
        <source>Spreadsheets and register files ({patterns});;All files (*)</source>
        <translation>Tabellen und Verzeichnisdateien ({patterns});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a column mapping</source>
        <translation>Spaltenzuordnung wählen</translation>
    </message>
    <message>
        <source>Column mappings (*.json);;All files (*)</source>
        <translation>Spaltenzuordnungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>{file}: {count} sheet(s).</source>
        <translation>{file}: {count} Tabellenblatt/-blätter.</translation>
    </message>
    <message>
        <source>{name} — table: header in row {row}, {mapped} of {count} columns recognised</source>
        <translation>{name} — Tabelle: Kopfzeile in Zeile {row}, {mapped} von {count} Spalten erkannt</translation>
    </message>
    <message>
        <source>{name} — one activity written as a form</source>
        <translation>{name} — eine Tätigkeit als Formular</translation>
    </message>
    <message>
        <source>{name} — empty</source>
        <translation>{name} — leer</translation>
    </message>
    <message>
        <source>{name} — no table recognised</source>
        <translation>{name} — keine Tabelle erkannt</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(ausgeblendet)</translation>
    </message>
    <message>
        <source>named in the file</source>
        <translation>in der Datei angegeben</translation>
    </message>
    <message>
        <source>The file names the organisation “{name}”.</source>
        <translation>Die Datei nennt die Organisation „{name}“.</translation>
    </message>
    <message>
        <source>{file} names no organisation: enter on the first page the organisation the activities belong to.</source>
        <translation>{file} nennt keine Organisation: Geben Sie auf der ersten Seite die Organisation an, zu der die Tätigkeiten gehören.</translation>
    </message>
    <message>
        <source>Reading and checking {file} …</source>
        <translation>{file} wird gelesen und geprüft …</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”: header in row {row}, data from row {first}.</source>
        <translation>Tabellenblatt „{sheet}“: Kopfzeile in Zeile {row}, Daten ab Zeile {first}.</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” describes one activity as a form (labels in column {column}).</source>
        <translation>Tabellenblatt „{sheet}“ beschreibt eine Tätigkeit als Formular (Beschriftungen in Spalte {column}).</translation>
    </message>
    <message>
        <source>{n} column(s) fit no field (highlighted): their content is kept in the activities&apos; notes.</source>
        <translation>Für {n} Spalte(n) gibt es kein passendes Feld (hervorgehoben); der Inhalt wird in die Anmerkungen der Tätigkeiten übernommen.</translation>
    </message>
    <message>
        <source>Every column with a header has a field.</source>
        <translation>Jede Spalte mit Überschrift ist einem Feld zugeordnet.</translation>
    </message>
    <message>
        <source>Into “{org}”: {new} new, {updated} updated, {skipped} skipped; {warnings} warning(s), {errors} error(s).</source>
        <translation>In „{org}“: {new} neu, {updated} aktualisiert, {skipped} übersprungen; {warnings} Warnung(en), {errors} Fehler.</translation>
    </message>
    <message>
        <source>{errors} error(s) in {rows} row(s) (marked red): nothing can be imported until they are corrected in the file or in the column mapping. The import is all or nothing, so that no row is lost.</source>
        <translation>{errors} Fehler in {rows} Zeile(n) (rot markiert): Es kann nichts importiert werden, bis sie in der Datei oder in der Spaltenzuordnung behoben sind. Der Import erfolgt ganz oder gar nicht, damit keine Zeile verloren geht.</translation>
    </message>
    <message>
        <source>{file}: a register with {orgs} organisation(s) and {acts} activities. Importing it creates {created} record(s), changes {updated} and leaves {unchanged} unchanged.</source>
        <translation>{file}: ein Verzeichnis mit {orgs} Organisation(en) und {acts} Tätigkeiten. Datensätze beim Import: {created} neu, {updated} geändert, {unchanged} unverändert.</translation>
    </message>
    <message>
        <source>{created} record(s) created, {updated} changed, {unchanged} unchanged.</source>
        <translation>Datensätze: {created} angelegt, {updated} geändert, {unchanged} unverändert.</translation>
    </message>
    <message>
        <source>{new} activities created, {updated} updated, {skipped} skipped.</source>
        <translation>Tätigkeiten: {new} angelegt, {updated} aktualisiert, {skipped} übersprungen.</translation>
    </message>
    <message>
        <source>{file} has been imported.</source>
        <translation>{file} wurde importiert.</translation>
    </message>
    <message>
        <source>Backup of the database before the import: {path}</source>
        <translation>Sicherung der Datenbank vor dem Import: {path}</translation>
    </message>
    <message>
        <source>No backup was made.</source>
        <translation>Es wurde keine Sicherung erstellt.</translation>
    </message>
    <message>
        <source>The import is recorded as one batch ({batch}); it can be undone as a whole from the change history as long as its records have not been changed since.</source>
        <translation>Der Import ist als ein Vorgang ({batch}) im Verlauf festgehalten; er kann dort als Ganzes rückgängig gemacht werden, solange seine Datensätze seitdem nicht geändert wurden.</translation>
    </message>
    <message>
        <source>Choose a sheet.</source>
        <translation>Wählen Sie ein Tabellenblatt.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Save the column mapping</source>
        <translation>Spaltenzuordnung speichern</translation>
    </message>
    <message>
        <source>Column mappings (*.json)</source>
        <translation>Spaltenzuordnungen (*.json)</translation>
    </message>
    <message>
        <source>Saving the mapping failed</source>
        <translation>Speichern der Zuordnung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Mapping saved as {file}.</source>
        <translation>Zuordnung als {file} gespeichert.</translation>
    </message>
    <message>
        <source>— not imported (kept in notes) —</source>
        <translation>— nicht importiert (in Anmerkungen übernommen) —</translation>
    </message>
    <message>
        <source>Backing up the database and importing …</source>
        <translation>Datenbank wird gesichert und importiert …</translation>
    </message>
    <message>
        <source>Backing up the database …</source>
        <translation>Datenbank wird gesichert …</translation>
    </message>
    <message>
        <source>Importing …</source>
        <translation>Wird importiert …</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <source>What kind of organisation is “{name}”?</source>
        <translation>Welche Art von Organisation ist „{name}“?</translation>
    </message>
    <message>
        <source>— not stated —</source>
        <translation>— keine Angabe —</translation>
    </message>
    <message>
        <source>In which German Land is “{name}”?</source>
        <translation>In welchem Land liegt „{name}“?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Organisation (Ctrl+K)</source>
        <translation>Organisation (Strg+K)</translation>
    </message>
    <message>
        <source>Processing activities</source>
        <translation>Verarbeitungstätigkeiten</translation>
    </message>
    <message>
        <source>Processing services</source>
        <translation>Auftragsverarbeitungen</translation>
    </message>
    <message>
        <source>Processors</source>
        <translation>Auftragsverarbeiter</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Third-country transfers</source>
        <translation>Drittlandübermittlungen</translation>
    </message>
    <message>
        <source>TOM catalogue</source>
        <translation>TOM-Katalog</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>&amp;New register file …</source>
        <translation>&amp;Neues Verzeichnis …</translation>
    </message>
    <message>
        <source>&amp;Open register file …</source>
        <translation>Verzeichnis ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Create &amp;backup</source>
        <translation>&amp;Sicherung erstellen</translation>
    </message>
    <message>
        <source>&amp;Restore backup …</source>
        <translation>Sicherung &amp;wiederherstellen …</translation>
    </message>
    <message>
        <source>&amp;Questionnaires for the departments …</source>
        <translation>&amp;Fragebögen an die Fachbereiche …</translation>
    </message>
    <message>
        <source>Review &amp;questionnaire answers …</source>
        <translation>Fragebogen-Antworten &amp;prüfen …</translation>
    </message>
    <message>
        <source>New &amp;organisation …</source>
        <translation>Neue &amp;Organisation …</translation>
    </message>
    <message>
        <source>&amp;Archive organisation …</source>
        <translation>Organisation &amp;archivieren …</translation>
    </message>
    <message>
        <source>&amp;Delete organisation …</source>
        <translation>Organisation &amp;löschen …</translation>
    </message>
    <message>
        <source>&amp;Restore organisation …</source>
        <translation>Organisation &amp;wiederherstellen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Import spreadsheet or JSON …</source>
        <translation>Tabelle oder JSON &amp;importieren …</translation>
    </message>
    <message>
        <source>New activity from &amp;template …</source>
        <translation>Neue Tätigkeit aus &amp;Vorlage …</translation>
    </message>
    <message>
        <source>{format}: selected activities …</source>
        <translation>{format}: ausgewählte Tätigkeiten …</translation>
    </message>
    <message>
        <source>{format}: whole register …</source>
        <translation>{format}: gesamtes Verzeichnis …</translation>
    </message>
    <message>
        <source>&amp;Pack for the supervisory authority …</source>
        <translation>&amp;Paket für die Aufsichtsbehörde …</translation>
    </message>
    <message>
        <source>Switch &amp;organisation</source>
        <translation>&amp;Organisation wechseln</translation>
    </message>
    <message>
        <source>&amp;About ropa-desktop</source>
        <translation>Ü&amp;ber ropa-desktop</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Anleitung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Recently &amp;opened</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>no organisation</source>
        <translation>keine Organisation</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[schreibgeschützt]</translation>
    </message>
    <message>
        <source>Read-only: {location}</source>
        <translation>Schreibgeschützt: {location}</translation>
    </message>
    <message>
        <source>Written: {file}</source>
        <translation>Gespeichert: {file}</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Backup written to:
{file}</source>
        <translation>Sicherung gespeichert unter:
{file}</translation>
    </message>
    <message>
        <source>Creating backup …</source>
        <translation>Sicherung wird erstellt …</translation>
    </message>
    <message>
        <source>Restored: {file}</source>
        <translation>Wiederhergestellt: {file}</translation>
    </message>
    <message>
        <source>New register file</source>
        <translation>Neue Verzeichnisdatei</translation>
    </message>
    <message>
        <source>Register files (*.sqlite)</source>
        <translation>Verzeichnisdateien (*.sqlite)</translation>
    </message>
    <message>
        <source>Open register file</source>
        <translation>Verzeichnisdatei öffnen</translation>
    </message>
    <message>
        <source>Register files (*.sqlite *.db);;All files (*)</source>
        <translation>Verzeichnisdateien (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>About ropa-desktop</source>
        <translation>Über ropa-desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ropa-desktop {version}&lt;/h3&gt;&lt;p&gt;Record of processing activities (Art. 30 GDPR) for municipalities, municipal utilities and municipal IT services — offline, on one PC or a shared PostgreSQL server.&lt;/p&gt;&lt;p&gt;Database: {location}&lt;/p&gt;&lt;p&gt;Licence: European Union Public Licence 1.2 (EUPL-1.2), see {licence}.&lt;/p&gt;&lt;p&gt;ropa-desktop ships third-party software under its own licences — among others Qt and PySide6 (LGPLv3), SQLAlchemy, reportlab, openpyxl and the DejaVu fonts; their licences: {notices}.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ropa-desktop {version}&lt;/h3&gt;&lt;p&gt;Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) für Kommunen, Stadtwerke und kommunale IT-Dienstleister — offline, auf einem PC oder einem gemeinsam genutzten PostgreSQL-Server.&lt;/p&gt;&lt;p&gt;Datenbank: {location}&lt;/p&gt;&lt;p&gt;Lizenz: Open-Source-Lizenz für die Europäische Union (European Union Public Licence, EUPL-1.2), siehe {licence}.&lt;/p&gt;&lt;p&gt;ropa-desktop enthält Software Dritter unter deren eigenen Lizenzen — unter anderem Qt und PySide6 (LGPLv3), SQLAlchemy, reportlab, openpyxl und die DejaVu-Schriften; ihre Lizenzen: {notices}.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>Manual</source>
        <translation>Anleitung</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>Überschrift in der Datei</translation>
    </message>
    <message>
        <source>Sample value</source>
        <translation>Beispielwert</translation>
    </message>
    <message>
        <source>Target field</source>
        <translation>Zielfeld</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>This column fits no field; its content is kept in the activities&apos; notes. Choose a target field to import it.</source>
        <translation>Zu dieser Spalte passt kein Feld; ihr Inhalt wird in die Anmerkungen der Tätigkeiten übernommen. Wählen Sie ein Zielfeld, um sie zu importieren.</translation>
    </message>
    <message>
        <source>A column without a header cannot be mapped.</source>
        <translation>Eine Spalte ohne Überschrift kann nicht zugeordnet werden.</translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation>von Ihnen gewählt</translation>
    </message>
    <message>
        <source>mapping profile</source>
        <translation>Zuordnungsprofil</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>similar ({score} %)</source>
        <translation>ähnlich ({score} %)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Save mapping as &amp;profile…</source>
        <translation>Zuordnung als &amp;Profil speichern…</translation>
    </message>
    <message>
        <source>Double-click a target field (or press F2) to change it; the preview follows.</source>
        <translation>Doppelklicken Sie auf ein Zielfeld (oder drücken Sie F2), um es zu ändern; die Vorschau wird angepasst.</translation>
    </message>
</context>
<context>
    <name>NewOrganisationDialog</name>
    <message>
        <source>New organisation</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Legal form:</source>
        <translation>&amp;Rechtsform:</translation>
    </message>
    <message>
        <source>L&amp;and:</source>
        <translation>&amp;Bundesland:</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>Nicht angelegt</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Dated</source>
        <translation>Mit Datum</translation>
    </message>
    <message>
        <source>Untick when there is no date</source>
        <translation>Haken entfernen, wenn es kein Datum gibt</translation>
    </message>
</context>
<context>
    <name>OrganisationLifecycle</name>
    <message>
        <source>Archive organisation</source>
        <translation>Organisation archivieren</translation>
    </message>
    <message>
        <source>Not archived</source>
        <translation>Nicht archiviert</translation>
    </message>
    <message>
        <source>Delete organisation</source>
        <translation>Organisation löschen</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (archiviert)</translation>
    </message>
    <message>
        <source>{name} (deleted)</source>
        <translation>{name} (gelöscht)</translation>
    </message>
    <message>
        <source>Restore organisation</source>
        <translation>Organisation wiederherstellen</translation>
    </message>
    <message>
        <source>Archive “{name}”? It is hidden from the organisation switcher and the lists; its register stays complete and can still be exported. File → Restore organisation brings it back.</source>
        <translation>„{name}“ archivieren? Die Organisation verschwindet aus der Auswahl und den Listen; ihr Verzeichnis bleibt vollständig erhalten und lässt sich weiter exportieren. Datei → Organisation wiederherstellen holt sie zurück.</translation>
    </message>
    <message>
        <source>Delete “{name}” with {activities} processing activities, {services} processing services and {catalogue} catalogue entries (processors, recipients, TOMs)? The deletion is recorded in the history; File → Restore organisation brings everything back.</source>
        <translation>„{name}“ mit {activities} Verarbeitungstätigkeiten, {services} Auftragsverarbeitungen und {catalogue} Katalogeinträgen (Auftragsverarbeiter, Empfänger, TOM) löschen? Die Löschung wird im Verlauf festgehalten; Datei → Organisation wiederherstellen bringt alles zurück.</translation>
    </message>
    <message>
        <source>No organisation is archived or deleted.</source>
        <translation>Keine Organisation ist archiviert oder gelöscht.</translation>
    </message>
    <message>
        <source>Organisation to bring back:</source>
        <translation>Zurückzuholende Organisation:</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Nicht wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>OrganisationView</name>
    <message>
        <source>The organisation needs a name.</source>
        <translation>Die Organisation braucht einen Namen.</translation>
    </message>
    <message>
        <source>Another organisation is already called “{name}”.</source>
        <translation>Es gibt bereits eine Organisation namens „{name}“.</translation>
    </message>
    <message>
        <source>Acts as &amp;controller (Art. 30(1) GDPR)</source>
        <translation>Tätig als &amp;Verantwortlicher (Art. 30 Abs. 1 DSGVO)</translation>
    </message>
    <message>
        <source>Acts as p&amp;rocessor (Art. 30(2) GDPR)</source>
        <translation>Tätig als &amp;Auftragsverarbeiter (Art. 30 Abs. 2 DSGVO)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Legal form:</source>
        <translation>&amp;Rechtsform:</translation>
    </message>
    <message>
        <source>L&amp;and:</source>
        <translation>&amp;Bundesland:</translation>
    </message>
    <message>
        <source>&amp;Public body:</source>
        <translation>Ö&amp;ffentliche Stelle:</translation>
    </message>
    <message>
        <source>&amp;Management:</source>
        <translation>&amp;Leitung:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Rollen:</translation>
    </message>
    <message>
        <source>Address and contact</source>
        <translation>Anschrift und Kontakt</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>&amp;Straße:</translation>
    </message>
    <message>
        <source>&amp;Postcode, city:</source>
        <translation>&amp;PLZ, Ort:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>Staa&amp;t:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Telef&amp;on:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <source>E&amp;xternal data protection officer</source>
        <translation>E&amp;xterne(r) Datenschutzbeauftragte(r)</translation>
    </message>
    <message>
        <source>&amp;Data protection officer</source>
        <translation>Datens&amp;chutzbeauftragte(r)</translation>
    </message>
    <message>
        <source>Representative in the &amp;Union (Art. 27 GDPR)</source>
        <translation>Vertreter in der &amp;Union (Art. 27 DSGVO)</translation>
    </message>
    <message>
        <source>Supervision and notes</source>
        <translation>Aufsicht und Anmerkungen</translation>
    </message>
    <message>
        <source>Supervisory authorit&amp;y:</source>
        <translation>Aufsichtsbe&amp;hörde:</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>Anmerkun&amp;gen:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the master data (Ctrl+S)</source>
        <translation>Stammdaten speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Verwer&amp;fen</translation>
    </message>
    <message>
        <source>No organisation is open.</source>
        <translation>Keine Organisation geöffnet.</translation>
    </message>
    <message>
        <source>The master data were changed elsewhere meanwhile. Saving will show the other changes and ask what to do.</source>
        <translation>Die Stammdaten wurden inzwischen anderswo geändert. Beim Speichern werden die anderen Änderungen gezeigt und Sie gefragt, was geschehen soll.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Their version loaded</source>
        <translation>Deren Fassung geladen</translation>
    </message>
    <message>
        <source>The master data now show the version of {user}. Your values were:

{values}</source>
        <translation>Die Stammdaten zeigen jetzt die Fassung von {user}. Ihre Werte waren:

{values}</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>nicht importiert</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>update existing</source>
        <translation>vorhandene aktualisieren</translation>
    </message>
    <message>
        <source>skip (exists)</source>
        <translation>überspringen (vorhanden)</translation>
    </message>
</context>
<context>
    <name>ProcessorDialog</name>
    <message>
        <source>Edit processor</source>
        <translation>Auftragsverarbeiter bearbeiten</translation>
    </message>
    <message>
        <source>New processor</source>
        <translation>Neuer Auftragsverarbeiter</translation>
    </message>
</context>
<context>
    <name>ProcessorForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>&amp;Straße:</translation>
    </message>
    <message>
        <source>&amp;Postcode, city:</source>
        <translation>&amp;PLZ, Ort:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>Staa&amp;t:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Telef&amp;on:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Contract (AVV) &amp;date:</source>
        <translation>&amp;Datum des AV-Vertrags:</translation>
    </message>
    <message>
        <source>Contract &amp;reference:</source>
        <translation>Fundstelle des A&amp;V-Vertrags:</translation>
    </message>
    <message>
        <source>Su&amp;bprocessors:</source>
        <translation>&amp;Unterauftragsverarbeiter:</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>Anmerkun&amp;gen:</translation>
    </message>
    <message>
        <source>Subprocessors</source>
        <translation>Unterauftragsverarbeiter</translation>
    </message>
    <message>
        <source>Subprocessor</source>
        <translation>Unterauftragsverarbeiter</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Another processor of the catalogue</source>
        <translation>Ein anderer Auftragsverarbeiter aus dem Katalog</translation>
    </message>
    <message>
        <source>Service it provides</source>
        <translation>Erbrachte Leistung</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
</context>
<context>
    <name>ProcessorPage</name>
    <message>
        <source>Processors</source>
        <translation>Auftragsverarbeiter</translation>
    </message>
    <message>
        <source>Processors already in this organisation&apos;s catalogue are used where the name matches; you may choose another existing one or create a new one.</source>
        <translation>Auftragsverarbeiter aus dem Katalog dieser Organisation werden verwendet, wenn der Name passt; Sie können einen anderen vorhandenen wählen oder einen neuen anlegen.</translation>
    </message>
    <message>
        <source>Existing: {name}</source>
        <translation>Vorhanden: {name}</translation>
    </message>
    <message>
        <source>Create new: {name}</source>
        <translation>Neu anlegen: {name}</translation>
    </message>
    <message>
        <source>A new processor “{name}” will be created.</source>
        <translation>Ein neuer Auftragsverarbeiter „{name}“ wird angelegt.</translation>
    </message>
    <message>
        <source>New subprocessors: {names}.</source>
        <translation>Neue Unterauftragsverarbeiter: {names}.</translation>
    </message>
    <message>
        <source>The existing processor “{name}” will be linked (found by its name); no new processor is created.</source>
        <translation>Der vorhandene Auftragsverarbeiter „{name}“ wird verknüpft (anhand des Namens gefunden); es wird kein neuer Auftragsverarbeiter angelegt.</translation>
    </message>
    <message>
        <source>The existing processor you chose will be linked; no new processor is created.</source>
        <translation>Der von Ihnen gewählte vorhandene Auftragsverarbeiter wird verknüpft; es wird kein neuer angelegt.</translation>
    </message>
</context>
<context>
    <name>ProcessorsView</name>
    <message>
        <source>Attachments (processing contract/AVV, TOMs …)</source>
        <translation>Anlagen (Auftragsverarbeitungsvertrag/AVV, TOM …)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Staat</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>AV-Vertrag</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Eingesetzt in</translation>
    </message>
    <message>
        <source>New processor</source>
        <translation>Neuer Auftragsverarbeiter</translation>
    </message>
    <message numerus="yes">
        <source>%n activities</source>
        <translation>
            <numerusform>%n Tätigkeit</numerusform>
            <numerusform>%n Tätigkeiten</numerusform>
        </translation>
    </message>
    <message>
        <source>No contract (AVV) recorded</source>
        <translation>Kein AV-Vertrag erfasst</translation>
    </message>
    <message>
        <source>Delete processor</source>
        <translation>Auftragsverarbeiter löschen</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>“{what}” has unsaved changes. Save them?</source>
        <translation>„{what}“ hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Register in use</source>
        <translation>Verzeichnis in Benutzung</translation>
    </message>
    <message>
        <source>{text}

Open it read-only?</source>
        <translation>{text}

Schreibgeschützt öffnen?</translation>
    </message>
    <message>
        <source>Empty register</source>
        <translation>Leeres Verzeichnis</translation>
    </message>
    <message>
        <source>This register file is empty.

Load the demo register (five organisations from real privacy notices) to look around, or start with your own organisation?</source>
        <translation>Diese Verzeichnisdatei ist leer.

Möchten Sie das Demo-Verzeichnis laden (fünf Organisationen aus echten Datenschutzhinweisen), um sich umzusehen, oder mit Ihrer eigenen Organisation beginnen?</translation>
    </message>
    <message>
        <source>Load &amp;demo register</source>
        <translation>&amp;Demo-Verzeichnis laden</translation>
    </message>
    <message>
        <source>&amp;Own organisation …</source>
        <translation>&amp;Eigene Organisation …</translation>
    </message>
</context>
<context>
    <name>PublicBodyField</name>
    <message>
        <source>Yes: public body under the Land&apos;s law</source>
        <translation>Ja: öffentliche Stelle nach Landesrecht</translation>
    </message>
    <message>
        <source>No: non-public body (like a company)</source>
        <translation>Nein: nicht-öffentliche Stelle (wie ein Unternehmen)</translation>
    </message>
    <message>
        <source>Decides which law the checks and templates apply: a public body follows its Land&apos;s data protection act (not the BDSG) and may not rely on legitimate interests for its tasks (Art. 6(1) second subparagraph GDPR). Authorities, AöR and Zweckverbände are public bodies by default. A company under private law can be one too, e.g. when public bodies hold the majority and it performs public administration (§ 2(2) LDSG BW); a public-law body competing on a market can count as non-public (e.g. Art. 1(3) BayDSG). The scope section of your Land&apos;s data protection act decides.</source>
        <translation>Entscheidet, welches Recht Prüfung und Vorlagen anwenden: Eine öffentliche Stelle unterliegt dem Datenschutzgesetz ihres Landes (nicht dem BDSG) und darf sich bei ihren Aufgaben nicht auf berechtigte Interessen stützen (Art. 6 Abs. 1 Unterabs. 2 DSGVO). Behörden, AöR und Zweckverbände sind von sich aus öffentliche Stellen. Auch ein Unternehmen in privater Rechtsform kann eine sein, etwa wenn öffentliche Stellen die Mehrheit halten und es Aufgaben der öffentlichen Verwaltung wahrnimmt (§ 2 Abs. 2 LDSG BW); eine öffentlich-rechtliche Stelle im Wettbewerb kann als nicht-öffentliche gelten (z. B. Art. 1 Abs. 3 BayDSG). Maßgeblich ist die Vorschrift über den Anwendungsbereich im Datenschutzgesetz Ihres Landes.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>As the legal form says (currently: {answer})</source>
        <translation>Wie die Rechtsform sagt (derzeit: {answer})</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>e.g. {names}</source>
        <translation>z. B. {names}</translation>
    </message>
</context>
<context>
    <name>RecipientDialog</name>
    <message>
        <source>Edit recipient</source>
        <translation>Empfänger bearbeiten</translation>
    </message>
    <message>
        <source>New recipient</source>
        <translation>Neuer Empfänger</translation>
    </message>
</context>
<context>
    <name>RecipientForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>Staa&amp;t:</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>Anmerkun&amp;gen:</translation>
    </message>
</context>
<context>
    <name>RecipientsView</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Staat</translation>
    </message>
    <message>
        <source>New recipient</source>
        <translation>Neuer Empfänger</translation>
    </message>
    <message>
        <source>Delete recipient</source>
        <translation>Empfänger löschen</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Backups in {folder}. Restoring replaces the whole register; the current state is backed up first.</source>
        <translation>Sicherungen in {folder}. Die Wiederherstellung ersetzt das ganze Verzeichnis; der aktuelle Stand wird vorher gesichert.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Other &amp;file …</source>
        <translation>Andere &amp;Datei …</translation>
    </message>
    <message>
        <source>manual backup</source>
        <translation>manuelle Sicherung</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>vor einem Import</translation>
    </message>
    <message>
        <source>before an undo</source>
        <translation>vor einem Rückgängigmachen</translation>
    </message>
    <message>
        <source>before applying a template</source>
        <translation>vor dem Anwenden einer Vorlage</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>before a program update</source>
        <translation>vor einer Programmaktualisierung</translation>
    </message>
    <message>
        <source>Backups (*.sqlite *.json);;All files (*)</source>
        <translation>Sicherungen (*.sqlite *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Replace the whole register by the backup
{file}?

The current state is backed up first.</source>
        <translation>Das ganze Verzeichnis durch die Sicherung
{file}
ersetzen?

Der aktuelle Stand wird vorher gesichert.</translation>
    </message>
    <message>
        <source>Restored {file}: {orgs} organisations, {acts} processing activities.
The previous state is backed up: {safety}</source>
        <translation>{file} wiederhergestellt: {orgs} Organisationen, {acts} Verarbeitungstätigkeiten.
Der vorherige Stand ist gesichert: {safety}</translation>
    </message>
    <message>
        <source>Restoring backup …</source>
        <translation>Sicherung wird wiederhergestellt …</translation>
    </message>
</context>
<context>
    <name>ReviewCycleBox</name>
    <message>
        <source>Reviews</source>
        <translation>Überprüfungen</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Set &amp;cycle</source>
        <translation>&amp;Zyklus übernehmen</translation>
    </message>
    <message>
        <source>Review plan as &amp;Excel …</source>
        <translation>Prüfplan als &amp;Excel …</translation>
    </message>
    <message>
        <source>… as &amp;PDF …</source>
        <translation>… als &amp;PDF …</translation>
    </message>
    <message>
        <source>Calendar file (.&amp;ics) …</source>
        <translation>Kalenderdatei (.&amp;ics) …</translation>
    </message>
    <message>
        <source>Review every</source>
        <translation>Überprüfung alle</translation>
    </message>
    <message>
        <source>Nothing overdue, nothing due within 30 days.</source>
        <translation>Nichts überfällig, nichts in den nächsten 30 Tagen fällig.</translation>
    </message>
    <message>
        <source>{department}: {overdue} overdue, {soon} due within 30 days</source>
        <translation>{department}: {overdue} überfällig, {soon} in 30 Tagen fällig</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(ohne Fachbereich)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
    <message>
        <source>Written: {file}</source>
        <translation>Geschrieben: {file}</translation>
    </message>
    <message>
        <source>Reviews: {overdue} overdue, {soon} due within 30 days</source>
        <translation>Überprüfungen: {overdue} überfällig, {soon} in 30 Tagen fällig</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review questionnaire answers</source>
        <translation>Fragebogen-Antworten prüfen</translation>
    </message>
    <message>
        <source>Questionnaire “{department}” of “{org}”, sent on {date} ({file})</source>
        <translation>Fragebogen „{department}“ von „{org}“, versandt am {date} ({file})</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(ohne Fachbereich)</translation>
    </message>
    <message>
        <source>Ticked answers are taken over; conflicts (changed here meanwhile as well) are not ticked. Untick an activity to leave it as it is and not mark it as reviewed. A ticked new recipient or processor is added to this organisation&apos;s catalogue.</source>
        <translation>Angehakte Antworten werden übernommen; Konflikte (auch hier inzwischen geändert) sind nicht angehakt. Entfernen Sie den Haken einer Tätigkeit, um sie unverändert zu lassen und nicht als geprüft zu vermerken. Ein angehakter neuer Empfänger oder Auftragsverarbeiter wird in den Katalog dieser Organisation aufgenommen.</translation>
    </message>
    <message>
        <source>Activity / item</source>
        <translation>Tätigkeit / Angabe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Answer of the department</source>
        <translation>Antwort des Fachbereichs</translation>
    </message>
    <message>
        <source>As sent</source>
        <translation>Wie versandt</translation>
    </message>
    <message>
        <source>Register now</source>
        <translation>Verzeichnis jetzt</translation>
    </message>
    <message>
        <source>Tick &amp;all answers</source>
        <translation>&amp;Alle Antworten anhaken</translation>
    </message>
    <message>
        <source>&amp;Untick all</source>
        <translation>Alle Haken &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>{name} (proposed as new)</source>
        <translation>{name} (neu vorgeschlagen)</translation>
    </message>
    <message>
        <source>{n} answers changed</source>
        <translation>{n} Antworten geändert</translation>
    </message>
    <message>
        <source>confirmed as checked</source>
        <translation>als geprüft bestätigt</translation>
    </message>
    <message>
        <source>Remark (added to the notes)</source>
        <translation>Hinweis (wird den Anmerkungen angefügt)</translation>
    </message>
    <message>
        <source>Add recipient to the catalogue</source>
        <translation>Empfänger in den Katalog aufnehmen</translation>
    </message>
    <message>
        <source>Add processor to the catalogue</source>
        <translation>Auftragsverarbeiter in den Katalog aufnehmen</translation>
    </message>
    <message>
        <source>not in the catalogue; unticked it is left out</source>
        <translation>nicht im Katalog; ohne Haken wird er weggelassen</translation>
    </message>
    <message>
        <source>Questionnaires (*.xlsx *.xlsm *.ods)</source>
        <translation>Fragebögen (*.xlsx *.xlsm *.ods)</translation>
    </message>
    <message>
        <source>Reading {file} …</source>
        <translation>{file} wird gelesen …</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>This record will be created. You can complete it in the editor afterwards.</source>
        <translation>Dieser Eintrag wird angelegt. Sie können ihn anschließend im Formular vervollständigen.</translation>
    </message>
    <message>
        <source>Completeness: %p%</source>
        <translation>Vollständigkeit: %p %</translation>
    </message>
    <message>
        <source>For the new organisation “{name}”.</source>
        <translation>Für die neue Organisation „{name}“.</translation>
    </message>
    <message>
        <source>For “{name}”.</source>
        <translation>Für „{name}“.</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Keine Befunde.</translation>
    </message>
</context>
<context>
    <name>RowListField</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Nichts erfasst.</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Questionnaires for the departments</source>
        <translation>Fragebögen an die Fachbereiche</translation>
    </message>
    <message>
        <source>{department} ({n} activities)</source>
        <translation>{department} ({n} Tätigkeiten)</translation>
    </message>
    <message>
        <source>&amp;Browse …</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>optional: without, the sheets are locked</source>
        <translation>optional; ohne Kennwort sind die Blätter trotzdem geschützt</translation>
    </message>
    <message>
        <source>One workbook per department with its activities, explanations of every item and drop-down lists. Send each department its file; import the answers with File → Review questionnaire answers ….</source>
        <translation>Eine Arbeitsmappe je Fachbereich mit seinen Tätigkeiten, Erläuterungen zu jeder Angabe und Auswahllisten. Senden Sie jedem Fachbereich seine Datei; die Antworten lesen Sie mit Datei → Fragebogen-Antworten prüfen … ein.</translation>
    </message>
    <message>
        <source>Departments:</source>
        <translation>Fachbereiche:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Sheet &amp;password:</source>
        <translation>Blatt&amp;schutz-Kennwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Kennwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Write questionnaires</source>
        <translation>Fragebögen &amp;schreiben</translation>
    </message>
    <message>
        <source>Please tick at least one department.</source>
        <translation>Bitte mindestens einen Fachbereich anhaken.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Kennwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <source>Writing questionnaires …</source>
        <translation>Fragebögen werden geschrieben …</translation>
    </message>
    <message>
        <source>Written:
{files}</source>
        <translation>Geschrieben:
{files}</translation>
    </message>
    <message>
        <source>Cancelled; questionnaires already written are kept.</source>
        <translation>Abgebrochen; bereits geschriebene Fragebögen bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>ServiceEditor</name>
    <message>
        <source>&amp;Save service</source>
        <translation>Auftragsverarbeitung &amp;speichern</translation>
    </message>
    <message>
        <source>Save the processing service (Ctrl+S)</source>
        <translation>Die Auftragsverarbeitung speichern (Strg+S)</translation>
    </message>
    <message>
        <source>{problem}

Save your version anyway (overwriting the other change)?</source>
        <translation>{problem}

Ihre Fassung trotzdem speichern (die andere Änderung wird überschrieben)?</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Anderswo geändert</translation>
    </message>
    <message>
        <source>Processing service not saved</source>
        <translation>Auftragsverarbeitung nicht gespeichert</translation>
    </message>
    <message>
        <source>New processing service</source>
        <translation>Neue Auftragsverarbeitung</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemeines</translation>
    </message>
    <message>
        <source>Name of the processing service</source>
        <translation>Bezeichnung der Verarbeitung</translation>
    </message>
    <message>
        <source>Processor (this organisation)</source>
        <translation>Auftragsverarbeiter (diese Organisation)</translation>
    </message>
    <message>
        <source>Add &amp;controller</source>
        <translation>&amp;Verantwortlichen hinzufügen</translation>
    </message>
    <message>
        <source>Controller {n}</source>
        <translation>Verantwortlicher {n}</translation>
    </message>
    <message>
        <source>Type or choose a category of processing</source>
        <translation>Kategorie der Verarbeitung eingeben oder wählen</translation>
    </message>
    <message>
        <source>Add &amp;subprocessor</source>
        <translation>&amp;Unterauftragsverarbeiter hinzufügen</translation>
    </message>
    <message>
        <source>Subprocessor {n}</source>
        <translation>Unterauftragsverarbeiter {n}</translation>
    </message>
    <message>
        <source>New processor…</source>
        <translation>Neuer Auftragsverarbeiter…</translation>
    </message>
    <message>
        <source>Add &amp;transfer</source>
        <translation>&amp;Übermittlung hinzufügen</translation>
    </message>
    <message>
        <source>Transfer {n}</source>
        <translation>Übermittlung {n}</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Measures of the catalogue</source>
        <translation>Maßnahmen aus dem TOM-Katalog</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>Vertreter</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Datenschutzbeauftragte(r)</translation>
    </message>
    <message>
        <source>No processing service selected</source>
        <translation>Keine Auftragsverarbeitung ausgewählt</translation>
    </message>
    <message>
        <source>No findings: the processing service is complete.</source>
        <translation>Keine Befunde: Die Auftragsverarbeitung ist vollständig.</translation>
    </message>
    <message>
        <source>— not recorded (Organisation page) —</source>
        <translation>— nicht erfasst (Seite Organisation) —</translation>
    </message>
    <message>
        <source>{org}
Data protection officer: {dpo}
Representative: {rep}</source>
        <translation>{org}
Datenschutzbeauftragte(r): {dpo}
Vertreter: {rep}</translation>
    </message>
    <message>
        <source>This processing service was deleted elsewhere meanwhile. Saving will ask what to do with your changes.</source>
        <translation>Diese Auftragsverarbeitung wurde inzwischen anderswo gelöscht. Beim Speichern werden Sie gefragt, was mit Ihren Änderungen geschehen soll.</translation>
    </message>
    <message>
        <source>This processing service was changed elsewhere meanwhile. Saving will ask whether to overwrite the other change.</source>
        <translation>Diese Auftragsverarbeitung wurde inzwischen anderswo geändert. Beim Speichern werden Sie gefragt, ob die andere Änderung überschrieben werden soll.</translation>
    </message>
</context>
<context>
    <name>ServicesView</name>
    <message>
        <source>Search all fields (Ctrl+F)</source>
        <translation>Alle Felder durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search processing services</source>
        <translation>Auftragsverarbeitungen durchsuchen</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Controllers</source>
        <translation>Verantwortliche</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Processing services</source>
        <translation>Auftragsverarbeitungen</translation>
    </message>
    <message>
        <source>&amp;New service</source>
        <translation>&amp;Neue Auftragsverarbeitung</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete …</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <source>This organisation is not marked as a processor (Organisation page); its processing services are still kept here.</source>
        <translation>Diese Organisation ist nicht als Auftragsverarbeiter gekennzeichnet (Seite Organisation); ihre Auftragsverarbeitungen werden trotzdem hier geführt.</translation>
    </message>
    <message>
        <source>Delete the processing service “{name}”?

The history (Verlauf) can undo it.</source>
        <translation>Die Auftragsverarbeitung „{name}“ löschen?

Der Verlauf kann das rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>{problem}

Delete it anyway?</source>
        <translation>{problem}

Trotzdem löschen?</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <source>{shown} of {total} services</source>
        <translation>{shown} von {total} Auftragsverarbeitungen</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>&amp;Sheet to import:</source>
        <translation>Zu importierendes &amp;Tabellenblatt:</translation>
    </message>
</context>
<context>
    <name>TemplateWizard</name>
    <message>
        <source>New activity from a template</source>
        <translation>Neue Tätigkeit aus einer Vorlage</translation>
    </message>
    <message>
        <source>The activity could not be created</source>
        <translation>Die Tätigkeit konnte nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>TomDialog</name>
    <message>
        <source>Edit measure</source>
        <translation>Maßnahme bearbeiten</translation>
    </message>
    <message>
        <source>New measure</source>
        <translation>Neue Maßnahme</translation>
    </message>
</context>
<context>
    <name>TomForm</name>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>SDM &amp;goal:</source>
        <translation>SDM-&amp;Gewährleistungsziel:</translation>
    </message>
    <message>
        <source>&amp;Art. 32 GDPR:</source>
        <translation>&amp;Art. 32 DSGVO:</translation>
    </message>
</context>
<context>
    <name>TomTreeField</name>
    <message>
        <source>Filter measures</source>
        <translation>Maßnahmen filtern</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
</context>
<context>
    <name>TomsView</name>
    <message>
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Art. 32</source>
        <translation>Art. 32</translation>
    </message>
    <message>
        <source>New measure</source>
        <translation>Neue Maßnahme</translation>
    </message>
    <message>
        <source>Delete measure</source>
        <translation>Maßnahme löschen</translation>
    </message>
    <message>
        <source>Without SDM goal</source>
        <translation>Ohne SDM-Gewährleistungsziel</translation>
    </message>
</context>
<context>
    <name>TransfersTableModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Staat</translation>
    </message>
    <message>
        <source>Recipient / processor</source>
        <translation>Empfänger / Auftragsverarbeiter</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>Garantie</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>Keine Befunde</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>no transfer recorded</source>
        <translation>keine Übermittlung erfasst</translation>
    </message>
</context>
<context>
    <name>TransfersView</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Third-country transfers</source>
        <translation>Drittlandübermittlungen</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Staat:</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Alle Staaten</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s)</source>
        <translation>
            <numerusform>%n Übermittlung</numerusform>
            <numerusform>%n Übermittlungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VersionsTableModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Frozen on</source>
        <translation>Eingefroren am</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Delivered to</source>
        <translation>Übergeben an</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>nicht übergeben</translation>
    </message>
    <message>
        <source>on</source>
        <translation>am</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Zeichen</translation>
    </message>
</context>
<context>
    <name>VersionsView</name>
    <message>
        <source>Frozen versions</source>
        <translation>Eingefrorene Stände</translation>
    </message>
    <message>
        <source>&amp;Freeze version …</source>
        <translation>Stand &amp;einfrieren …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansehen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>PDF …</source>
        <translation>PDF …</translation>
    </message>
    <message>
        <source>Excel …</source>
        <translation>Excel …</translation>
    </message>
    <message>
        <source>JSON …</source>
        <translation>JSON …</translation>
    </message>
    <message>
        <source>Mark &amp;delivered …</source>
        <translation>Als &amp;übergeben vermerken …</translation>
    </message>
    <message>
        <source>&amp;Pack for the supervisory authority …</source>
        <translation>&amp;Paket für die Aufsichtsbehörde …</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Compa&amp;re</source>
        <translation>Ve&amp;rgleiche</translation>
    </message>
    <message>
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <source>Freeze version</source>
        <translation>Stand einfrieren</translation>
    </message>
    <message>
        <source>Version {number} frozen.</source>
        <translation>Stand {number} eingefroren.</translation>
    </message>
    <message>
        <source>Version {number}: {label}</source>
        <translation>Stand {number}: {label}</translation>
    </message>
    <message>
        <source>Exporting {file} …</source>
        <translation>{file} wird exportiert …</translation>
    </message>
    <message>
        <source>Pack for the supervisory authority</source>
        <translation>Paket für die Aufsichtsbehörde</translation>
    </message>
    <message>
        <source>Freeze a version first; the pack is made from a frozen version.</source>
        <translation>Bitte zuerst einen Stand einfrieren; das Paket wird aus einem eingefrorenen Stand erstellt.</translation>
    </message>
    <message>
        <source>Building {file} …</source>
        <translation>{file} wird erstellt …</translation>
    </message>
    <message>
        <source>Comparing …</source>
        <translation>Vergleiche …</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Zip-Archiv (*.zip)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Written: {file}</source>
        <translation>Gespeichert: {file}</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Version {number}</source>
        <translation>Stand {number}</translation>
    </message>
    <message>
        <source>Working register</source>
        <translation>Arbeitsstand</translation>
    </message>
</context>
<context>
    <name>WizardReview</name>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>existing</source>
        <translation>vorhanden</translation>
    </message>
</context>
<context>
    <name>_CatalogueDialog</name>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>_CatalogueForm</name>
    <message>
        <source>A name is required.</source>
        <translation>Ein Name ist erforderlich.</translation>
    </message>
    <message>
        <source>“{name}” is already in the catalogue.</source>
        <translation>„{name}“ ist bereits im Katalog vorhanden.</translation>
    </message>
</context>
<context>
    <name>_CatalogueView</name>
    <message>
        <source>Search…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation>Änderungen speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Verwer&amp;fen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Start a new entry (Ctrl+N)</source>
        <translation>Neuen Eintrag anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the entry (Del in the list)</source>
        <translation>Eintrag löschen (Entf in der Liste)</translation>
    </message>
    <message>
        <source>Copy from another organisation …</source>
        <translation>Aus anderer Organisation übernehmen …</translation>
    </message>
    <message>
        <source>Take entries of another organisation into this one, as copies of its own</source>
        <translation>Einträge einer anderen Organisation als eigene Kopien in diese übernehmen</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Their version loaded</source>
        <translation>Deren Fassung geladen</translation>
    </message>
    <message>
        <source>“{name}” now shows the version of {user}. Your values were:

{values}</source>
        <translation>„{name}“ zeigt jetzt die Fassung von {user}. Ihre Werte waren:

{values}</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <source>Delete “{name}” from the catalogue?</source>
        <translation>„{name}“ aus dem Katalog löschen?</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Eintrag löschen</translation>
    </message>
</context>
</TS>
