"""Whether a sheet whose header matched is really a register of processing activities.

A header row with a name or purpose column and one more known heading is enough for
:mod:`ropa_desktop.io.importing.mapping` to offer a layout. A field-comparison table
("Name | Purpose | Processor | DPIA" over rows of Y/N ticks) has such a header too, and
would become an activity "Y" with the purpose "Y". :func:`refusal` asks for evidence of a
register before anything is imported:

- a column (or form label) with the activities' names, or with their purposes (the ICO
  template has no name column);
- at least one more column with Art. 30(1) content: purposes, legal bases, data
  subjects, data categories, recipients, processors, third countries, retention or
  measures;
- names (or purposes) that are text, not yes/no ticks.

It returns the reason in both languages when the evidence is missing.
"""

from __future__ import annotations

from typing import Any

from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.import_fields import LABELS, Target
from ropa_desktop.io.importing.cell_text import short
from ropa_desktop.io.importing.mapping import FormLayout, TableLayout
from ropa_desktop.io.sheets.reader import Sheet

KEY_COLUMNS = (Target.NAME, Target.PURPOSES, Target.PURPOSE_AND_LEGAL_BASIS)
"""The columns that name the activities, best first."""
ART30_COLUMNS = frozenset(
    {
        Target.PURPOSES,
        Target.PURPOSE_AND_LEGAL_BASIS,
        Target.LEGAL_BASES,
        Target.DATA_SUBJECTS,
        Target.DATA_CATEGORIES,
        Target.SPECIAL_CATEGORIES,
        Target.INTERNAL_RECIPIENTS,
        Target.RECIPIENTS,
        Target.PROCESSORS,
        Target.JOINT_CONTROLLERS,
        Target.THIRD_COUNTRIES,
        Target.TRANSFER_SAFEGUARDS,
        Target.RETENTION,
        Target.TOMS,
        Target.TOM_DESCRIPTION,
    }
)
"""Columns with content Art. 30(1) GDPR asks for."""
TICKS = frozenset(
    {
        "y",
        "n",
        "yes",
        "no",
        "j",
        "ja",
        "nein",
        "x",
        "-",
        "–",
        "✓",
        "✔",
        "✗",
        "✘",
        "true",
        "false",
        "wahr",
        "falsch",
        "0",
        "1",
        "oui",
        "non",
        "n/a",
        "k.a.",
    }
)
"""Cell texts that are ticks in a checklist, not names of activities."""

MSG_NO_ART30 = Text(
    de="Tabellenblatt „{sheet}“ ist kein Verzeichnis von Verarbeitungstätigkeiten: neben "
    "„{key}“ ({column}) hat es keine Spalte mit Angaben nach Art. 30 DSGVO (Zwecke, "
    "Rechtsgrundlagen, betroffene Personen, Datenkategorien, Empfänger, Löschfristen, TOM).",
    en="sheet “{sheet}” is not a register of processing activities: besides “{key}” "
    "({column}) it has no column with Art. 30 GDPR content (purposes, legal bases, data "
    "subjects, data categories, recipients, retention, measures).",
)
MSG_TICKS = Text(
    de="Tabellenblatt „{sheet}“ ist kein Verzeichnis von Verarbeitungstätigkeiten: die "
    "Spalte „{key}“ ({column}) enthält nur Ankreuz-Werte wie {ticks} – offenbar eine "
    "Vergleichs- oder Checkliste.",
    en="sheet “{sheet}” is not a register of processing activities: column “{key}” "
    "({column}) holds only ticks such as {ticks} – apparently a comparison table or "
    "checklist.",
)


def _is_tick(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, (int, float)):
        return value in (0, 1)
    return isinstance(value, str) and value.strip().casefold() in TICKS


def _both(text: Text, target: Target, **params: str) -> Text:
    """``text`` filled in both languages (the column's label in each)."""
    return Text(
        de=text("de", column=LABELS[target]("de"), **params),
        en=text("en", column=LABELS[target]("en"), **params),
    )


def refusal(sheet: Sheet, layout: TableLayout | FormLayout) -> Text | None:
    """Why ``sheet`` is not a register (in both languages), or None if it is one."""
    entries: list[tuple[str, Target | None, int, int]]
    if isinstance(layout, FormLayout):
        entries = [(f.label, f.target, f.row, f.value_column) for f in layout.fields]
    else:
        entries = [(c.header, c.target, -1, c.column) for c in layout.columns]
    targets = {target for _, target, _, _ in entries}
    key = next((t for t in KEY_COLUMNS if t in targets), None)
    if key is None:
        return None  # only a profile's fixed header gets here; the user chose it
    header, _, form_row, column = next(e for e in entries if e[1] is key)
    others = (targets - {key}) & ART30_COLUMNS
    label = short(header, 60)
    if not others:
        return _both(MSG_NO_ART30, key, sheet=sheet.name, key=label)
    if isinstance(layout, FormLayout):
        row = sheet.rows[form_row] if form_row < len(sheet.rows) else ()
        values = [row[column]] if column < len(row) else []
    else:
        values = [
            row[column]
            for row in sheet.rows[layout.first_data_row :]
            if column < len(row) and row[column] is not None and str(row[column]).strip()
        ]
    if values and all(_is_tick(v) for v in values):
        seen = sorted({str(v).strip() for v in values})[:4]
        return _both(MSG_TICKS, key, sheet=sheet.name, key=label, ticks=", ".join(seen))
    return None
