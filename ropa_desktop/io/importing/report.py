"""The report of a spreadsheet import: per row ok / warning / error, naming the cell.

The same report is the preview (``--dry-run``, the GUI's import dialog) and the
result of a real import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ropa_desktop.domain import model as m
from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.io.importing.mapping import FormLayout, TableLayout


class SpreadsheetImportError(LocalizedError):
    """The file cannot be imported as asked; nothing was written."""


class Status(StrEnum):
    """Outcome class of a row or a note."""

    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


T = Text
MSG = {
    "no_sheet": T(
        "{file}: Ein Tabellenblatt „{sheet}“ gibt es nicht (vorhanden: {names}).",
        "{file}: there is no sheet “{sheet}” (found: {names}).",
    ),
    "no_layout": T(
        "{file}: In keinem Tabellenblatt wurde eine Kopfzeile mit Bezeichnung oder "
        "Zweck der Verarbeitung erkannt.",
        "{file}: no sheet has a header row with the name or purpose of the processing.",
    ),
    "no_rows": T(
        "{file}: Die Tabelle enthält keine Datenzeilen.", "{file}: the table holds no data rows."
    ),
    "need_org": T(
        "{file}: Die Datei nennt keine Organisation; bitte mit --org angeben, wem "
        "die Verarbeitungstätigkeiten gehören.",
        "{file}: the file names no organisation; give it with --org.",
    ),
    "bad_duplicate": T(
        "Unbekannte Wahl für Duplikate „{value}“ (skip, update oder new).",
        "Unknown choice for duplicates “{value}” (skip, update or new).",
    ),
    "refused": T("{file}: {problem}", "{file}: {problem}"),
    # row notes
    "no_name": T(
        "keine Bezeichnung der Verarbeitungstätigkeit; die Zeile kann nicht importiert werden",
        "no name of the processing activity; the row cannot be imported",
    ),
    "unmapped": T(
        "Spalte „{header}“ passt zu keinem Feld; ihr Inhalt steht in den "
        "Anmerkungen der Verarbeitungstätigkeiten",
        "column “{header}” fits no field; its content is kept in the activities' notes",
    ),
    "formula": T(
        "beginnt mit „{char}“ und wird als Text übernommen, nicht als Formel",
        "starts with “{char}” and is taken as text, not as a formula",
    ),
    "control": T(
        "enthielt Steuerzeichen; sie wurden sichtbar durch „�“ ersetzt",
        "contained control characters; they were replaced visibly by “�”",
    ),
    "leftover": T(
        "nicht als Rechtsgrundlage erkannter Text „{text}“ steht in den Anmerkungen",
        "text not recognised as a legal basis, “{text}”, is kept in the notes",
    ),
    "bases_unpaired": T(
        "die Rechtsgrundlagen ließen sich den {n} Zwecken nicht einzeln "
        "zuordnen; sie gelten für alle Zwecke – bitte prüfen",
        "the legal bases could not be matched to the {n} purposes one by "
        "one; they apply to all purposes – please check",
    ),
    "bad_date": T(
        "„{text}“ ist kein erkennbares Datum; steht in den Anmerkungen",
        "“{text}” is not a recognisable date; kept in the notes",
    ),
    "bad_status": T(
        "Status „{text}“ unbekannt; steht in den Anmerkungen",
        "unknown status “{text}”; kept in the notes",
    ),
    "retention_text": T(
        "Löschfrist „{text}“ als Text übernommen (nicht strukturiert)",
        "retention “{text}” kept as text (not structured)",
    ),
    "retention_unpaired": T(
        "eine Löschfrist ohne Datenkategorie; steht in den Anmerkungen",
        "a retention rule without a data category; kept in the notes",
    ),
    "country_unknown": T(
        "„{text}“ ist kein erkanntes Land; steht in den Anmerkungen",
        "“{text}” is not a recognised country; kept in the notes",
    ),
    "safeguard_no_country": T(
        "Garantie „{text}“ ohne Drittland in der Zeile; steht in den Anmerkungen",
        "safeguard “{text}” without a third country in the row; kept in the notes",
    ),
    "safeguard_country": T(
        "Garantie „{text}“ als Übermittlung in das Drittland gelesen, das sie nennt",
        "safeguard “{text}” read as a transfer to the third country it names",
    ),
    "privacy_shield": T(
        "Übermittlung gestützt auf „Privacy Shield“: seit dem 16.07.2020 "
        "unwirksam (EuGH C-311/18); wie angegeben übernommen",
        "transfer based on the “Privacy Shield”: invalid since 16 July 2020 "
        "(CJEU C-311/18); imported as written",
    ),
    "art9_no_condition": T(
        "besondere Kategorie „{name}“ ohne Bedingung nach Art. 9 Abs. 2 DSGVO",
        "special category “{name}” without an Art. 9(2) GDPR condition",
    ),
    "linked": T(
        "„{source}“ mit vorhandenem Eintrag „{target}“ verknüpft (ähnlicher Name, "
        "{score:.0f} %) – bitte prüfen",
        "“{source}” linked to the existing entry “{target}” (similar name, "
        "{score:.0f} %) – please check",
    ),
    "linked_address": T(
        "„{source}“ mit vorhandenem Eintrag „{target}“ verknüpft (ohne die Anschrift "
        "„{address}“, die in den Anmerkungen steht) – bitte prüfen",
        "“{source}” linked to the existing entry “{target}” (without the address "
        "“{address}”, which is kept in the notes) – please check",
    ),
    "new_with_address": T(
        "{entry} (Anschrift „{address}“ übernommen)", "{entry} (address “{address}” kept)"
    ),
    "bad_land": T(
        "Unbekanntes Land „{land}“ (möglich: {choices} oder der Name des Landes).",
        "Unknown Land “{land}” (possible: {choices} or the name of the Land).",
    ),
    "kind_assumed": T(
        "die neue Organisation wird als „{kind}“ angelegt; ist sie ein Unternehmen, bitte "
        "die Art angeben (Befehlszeile: --kind, --land), sonst folgen falsche Hinweise zu "
        "Art. 6 Abs. 1 lit. f DSGVO",
        "the new organisation is created as “{kind}”; if it is a company, give its kind "
        "(command line: --kind, --land), else false findings about Art. 6(1)(f) GDPR follow",
    ),
    "kind_ignored": T(
        "Organisation „{name}“ gibt es schon; Art und Land bleiben wie gespeichert",
        "organisation “{name}” exists already; its kind and Land stay as stored",
    ),
    "scc_no_module": T(
        "Garantie „{text}“ übernommen; welches Modul der Standardvertragsklauseln gilt, "
        "bitte auswählen",
        "safeguard “{text}” kept; please choose which module of the standard contractual "
        "clauses applies",
    ),
    "numbered": T(
        "{n} Verarbeitungstätigkeiten ohne Nummer erhalten die Nummern {refs}",
        "{n} activities without a reference get the references {refs}",
    ),
    "numbering_offer": T(
        "{n} Verarbeitungstätigkeiten haben keine Nummer; als nächste Nummern kämen {refs} "
        "in Frage (Befehlszeile: --number vergibt sie)",
        "{n} activities have no reference; the next references would be {refs} (command "
        "line: --number assigns them)",
    ),
    "unchanged": T(
        "Die Datei ändert nichts am Verzeichnis; keine Sicherung und kein Import geschrieben",
        "the file changes nothing in the register; no backup and no import written",
    ),
    "new_processor": T("neuer Auftragsverarbeiter „{name}“", "new processor “{name}”"),
    "new_recipient": T("neuer Empfänger „{name}“", "new recipient “{name}”"),
    "marked_processor": T(
        "„{entry}“ als Auftragsverarbeiter übernommen, nicht als Empfänger: die Zelle "
        "kennzeichnet den Eintrag so",
        "“{entry}” taken as a processor, not a recipient: the cell marks the entry so",
    ),
    "duplicate_skip": T(
        "„{name}“ gibt es bei dieser Organisation schon; übersprungen",
        "“{name}” already exists for this organisation; skipped",
    ),
    "duplicate_update": T(
        "„{name}“ gibt es schon; die Angaben der Zeile ergänzen bzw. "
        "ersetzen den vorhandenen Eintrag",
        "“{name}” already exists; the row's values replace or add to the existing entry",
    ),
    "duplicate_in_file": T(
        "„{name}“ steht mehrfach in der Datei (zuerst in Zeile {first})",
        "“{name}” occurs more than once in the file (first in row {first})",
    ),
    "special_unspecified": T(
        "besondere Kategorien angegeben, aber nicht welche; steht in den Anmerkungen",
        "special categories indicated but not which ones; kept in the notes",
    ),
    "trailing": T(
        "Text unterhalb der Tabelle wird nicht als Verarbeitungstätigkeit importiert: „{text}“",
        "text below the table is not imported as an activity: “{text}”",
    ),
    "ignored": T(
        "Spalte „{header}“ wird laut Zuordnungsprofil nicht importiert",
        "column “{header}” is not imported, as the mapping profile says",
    ),
    "name_from_purpose": T(
        "keine Spalte für die Bezeichnung: der erste Zweck „{name}“ dient als Bezeichnung",
        "no column for the name: the first purpose “{name}” is used as the name",
    ),
    "backup_failed": T(
        "{file}: Die Sicherung vor dem Import ließ sich nicht schreiben "
        "({problem}); nichts importiert.",
        "{file}: the backup before the import could not be written ({problem}); nothing imported.",
    ),
    "processor_register": T(
        "{file}: Das ist ein Export des Verzeichnisses als Auftragsverarbeiter (Art. 30 Abs. 2 "
        "DSGVO); dessen Import wird noch nicht unterstützt – bitte die JSON-Ausgabe verwenden.",
        "{file}: this is an export of the processor register (Art. 30(2) GDPR), whose import "
        "is not supported yet – please use the JSON export.",
    ),
    "sheet_skipped": T(
        "Tabellenblatt „{sheet}“ enthält keine erkennbare Tabelle und wird nicht importiert",
        "sheet “{sheet}” holds no recognisable table and is not imported",
    ),
    "preamble_kept": T(
        "Angabe über der Tabelle „{labels}“ steht in den Anmerkungen der Organisation",
        "detail above the table “{labels}” is kept in the organisation's notes",
    ),
    "org_created": T(
        "Organisation „{name}“ wird neu angelegt", "organisation “{name}” will be created"
    ),
}
SUMMARY = T(
    "{file}: {new} neu, {updated} aktualisiert, {skipped} übersprungen; "
    "{warnings} Warnungen, {errors} Fehler.",
    "{file}: {new} new, {updated} updated, {skipped} skipped; "
    "{warnings} warnings, {errors} errors.",
)


@dataclass(slots=True)
class Note:
    """One message of the report, with the cell (``Blatt!B7``) or row it concerns."""

    status: Status
    where: str
    text: str


@dataclass(slots=True)
class RowResult:
    """What became of one data row."""

    sheet: str
    row: int
    activity: str
    outcome: str = "new"  # "new" | "update" | "skip" | "" (not imported: error)
    notes: list[Note] = field(default_factory=list)

    @property
    def status(self) -> Status:
        """The worst status among the row's notes."""
        if any(n.status == Status.ERROR for n in self.notes):
            return Status.ERROR
        if any(n.status == Status.WARNING for n in self.notes):
            return Status.WARNING
        return Status.OK


@dataclass(slots=True)
class ImportReport:
    """The preview and, after writing, the result of an import."""

    file: str
    kind: str
    organisation: str
    organisation_created: bool
    layouts: list[TableLayout | FormLayout] = field(default_factory=list)
    organisation_from_file: bool = False
    """The created organisation's master data (kind, Land) come from the file itself."""
    rows: list[RowResult] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    dry_run: bool = True
    batch: str | None = None
    backup: Path | None = None

    def count(self, outcome: str) -> int:
        """Rows with that outcome (new / update / skip)."""
        return sum(1 for r in self.rows if r.outcome == outcome and r.status != Status.ERROR)

    @property
    def warnings(self) -> int:
        """Number of warnings in the whole report."""
        return sum(1 for n in self._all_notes() if n.status == Status.WARNING)

    @property
    def errors(self) -> int:
        """Number of errors in the whole report; any error stops the import."""
        return sum(1 for n in self._all_notes() if n.status == Status.ERROR)

    def _all_notes(self) -> Iterable[Note]:
        yield from self.notes
        for r in self.rows:
            yield from r.notes

    def summary(self, lang: str | None = None) -> str:
        """One line with the counts."""
        return SUMMARY(
            lang,
            file=self.file,
            new=self.count("new"),
            updated=self.count("update"),
            skipped=self.count("skip"),
            warnings=self.warnings,
            errors=self.errors,
        )

    def lines(self, lang: str | None = None) -> list[str]:
        """Every note as a line ``[status] where: text``, file notes first."""
        out = [f"[{n.status.value}] {n.where}: {n.text}" for n in self.notes]
        for r in self.rows:
            out += [f"[{n.status.value}] {n.where}: {n.text}" for n in r.notes]
        return out


@dataclass(slots=True)
class ImportPlan:
    """Everything an import would write, with its report."""

    report: ImportReport
    register: m.Register
