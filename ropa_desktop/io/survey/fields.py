"""The items of a questionnaire: what a department is asked, in plain words, and how each
answer maps to an activity.

Every item has a key, a label, a plain-German (and English) explanation and a shape:
``text`` (one cell), or a table (``purposes``, ``data_subjects``, ``data_categories``,
``internal_recipients``) with one row per entry. :func:`values_of` turns an activity into
the comparable values of every item (what was sent, what is in the register now), and
:func:`apply_value` puts an accepted answer back into an activity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.i18n import Text

Value = Any
"""A comparable item value: a string for a text item; for a table a list with one entry
per row: a string (one-column tables) or a list of strings (the columns as
:attr:`Item.columns`, except purposes: ``[text, legitimate interest, *legal bases]``)."""


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a table item."""

    key: str
    label: Text
    vocabulary: str = ""
    """Name of the drop-down list of the column ("" free text): see ``workbook.LISTS``."""
    width: int = 24


@dataclass(frozen=True, slots=True)
class Item:
    """One thing a department is asked about an activity."""

    key: str
    label: Text
    explanation: Text
    columns: tuple[Column, ...] = ()
    """Empty for a one-cell text item; the columns of a table item."""

    @property
    def is_table(self) -> bool:
        """True for an item answered in a table of rows."""
        return bool(self.columns)


LEGAL_BASIS_COLUMNS = 3
"""Legal-basis columns of a purpose (more when an activity's purpose has more)."""


def _label(key: str) -> Text:
    return p.FIELD_LABELS[key]


ITEMS: tuple[Item, ...] = (
    Item(
        "name",
        _label("name"),
        Text(
            "Ein kurzer Name, unter dem man die Tätigkeit im Haus kennt, z. B. "
            "„Meldewesen“ oder „Gehaltsabrechnung“.",
            "A short name the activity is known by, e.g. “Residents' registration”.",
        ),
    ),
    Item(
        "contact_name",
        Text("Ansprechpartner/in (Name)", "Contact person (name)"),
        Text(
            "Wer im Fachbereich kann Fragen zu dieser Tätigkeit beantworten?",
            "Who in the department can answer questions about this activity?",
        ),
    ),
    Item(
        "contact_phone",
        Text("Ansprechpartner/in (Telefon)", "Contact person (phone)"),
        Text("Telefonnummer der Ansprechperson.", "Phone number of the contact person."),
    ),
    Item(
        "contact_email",
        Text("Ansprechpartner/in (E-Mail)", "Contact person (email)"),
        Text("E-Mail-Adresse der Ansprechperson.", "Email address of the contact person."),
    ),
    Item(
        "description",
        _label("description"),
        Text(
            "Beschreiben Sie in wenigen Sätzen, was in dieser Tätigkeit geschieht: wer macht "
            "was mit welchen Daten, mit welchen Programmen?",
            "Describe in a few sentences what happens: who does what with which data, "
            "using which programs?",
        ),
    ),
    Item(
        "purposes",
        _label("purposes"),
        Text(
            "Wozu werden die Daten verarbeitet (Art. 30 Abs. 1 lit. b DSGVO)? Eine Zeile je "
            "Zweck. Wählen Sie die Rechtsgrundlage aus der Liste; steht Ihre Vorschrift "
            "(z. B. ein Landesgesetz) nicht darin, schreiben Sie sie hinein. Ein "
            "„berechtigtes Interesse“ ist nur bei Art. 6 Abs. 1 lit. f DSGVO anzugeben.",
            "What is the data processed for (Art. 30(1)(b) GDPR)? One row per purpose. Pick "
            "the legal basis from the list or type your provision. A legitimate interest is "
            "only needed for Art. 6(1)(f) GDPR.",
        ),
        (
            Column("text", Text("Zweck", "Purpose"), width=40),
            *(
                Column(
                    f"legal_basis_{i}",
                    Text(f"Rechtsgrundlage {i}", f"Legal basis {i}"),
                    "legal_bases",
                    30,
                )
                for i in range(1, LEGAL_BASIS_COLUMNS + 1)
            ),
            Column("legitimate_interest", _label("legitimate_interest"), width=30),
        ),
    ),
    Item(
        "data_subjects",
        _label("data_subjects"),
        Text(
            "Über wen werden Daten verarbeitet (Art. 30 Abs. 1 lit. c DSGVO)? Eine Zeile je "
            "Personengruppe, z. B. „Einwohner“, „Beschäftigte“, „Antragsteller“. Die Liste "
            "zeigt die Gruppen, die im Haus schon verwendet werden; Sie dürfen auch eigene "
            "eintragen.",
            "About whom is data processed (Art. 30(1)(c) GDPR)? One row per group of "
            "people. The list shows groups already used; you may type others.",
        ),
        (Column("name", Text("Personengruppe", "Group of people"), "data_subjects", 40),),
    ),
    Item(
        "data_categories",
        _label("data_categories"),
        Text(
            "Welche Daten werden verarbeitet, woher kommen sie und wann werden sie gelöscht "
            "(Art. 30 Abs. 1 lit. c und f DSGVO)? Eine Zeile je Datenart, z. B. "
            "„Name, Anschrift“ oder „Bankverbindung“. Gesundheitsdaten, Religion, "
            "Gewerkschaft u. ä. sind „besondere Kategorien“ (Art. 9 DSGVO). Die Löschfrist "
            "als Zahl mit Einheit und Beginn (z. B. 6 Monate nach Vertragsende) oder in Worten.",
            "Which data, from where, and when is it erased (Art. 30(1)(c) and (f) GDPR)? One "
            "row per kind of data. Health, religion, union membership etc. are special "
            "categories (Art. 9 GDPR). The time limit as number, unit and start, or in words.",
        ),
        (
            Column("name", Text("Datenart", "Kind of data"), width=32),
            Column("special", _label("special"), "special", 26),
            Column("source", _label("source"), width=24),
            Column("duration", Text("Löschfrist (Zahl)", "Time limit (number)"), "number", 14),
            Column("unit", Text("Einheit", "Unit"), "units", 12),
            Column("start", Text("Frist beginnt …", "Starts …"), width=24),
            Column("text", Text("Löschfrist in Worten", "Time limit in words"), width=28),
            Column("notes", _label("notes"), width=24),
        ),
    ),
    Item(
        "internal_recipients",
        _label("internal_recipients"),
        Text(
            "Welche anderen Stellen im Haus erhalten die Daten (Art. 30 Abs. 1 lit. d DSGVO)? "
            "Eine Zeile je Stelle, z. B. „Kämmerei“ oder „IT-Abteilung“.",
            "Which other units of the organisation receive the data (Art. 30(1)(d) GDPR)? "
            "One row per unit.",
        ),
        (Column("name", Text("Stelle", "Unit"), width=40),),
    ),
)
"""The items, in the order of the questionnaire."""

ITEM_BY_KEY = {item.key: item for item in ITEMS}

CONFIRM = Item(
    "confirmed",
    Text("Angaben geprüft und vollständig", "Checked and complete"),
    Text(
        "Bitte „ja“ wählen, wenn Sie alle Angaben zu dieser Tätigkeit geprüft haben.",
        "Choose “yes” when you have checked every item of this activity.",
    ),
)
COMMENT = Item(
    "comment",
    Text("Hinweise an den Datenschutz", "Remarks for the data protection officer"),
    Text(
        "Was sollte der/die Datenschutzbeauftragte noch wissen (z. B. ein neues "
        "Programm, ein neuer Dienstleister, eine Übermittlung ins Ausland)?",
        "What else should the data protection officer know (e.g. new software, a new "
        "service provider, a transfer abroad)?",
    ),
)
"""Answered on every sheet but not an item of the register: shown to the DPO in the
review; an accepted remark is added to the activity's notes."""


def _retention_unit(unit: m.RetentionUnit | None) -> str:
    return unit.value if unit is not None else ""


def values_of(act: m.Activity) -> dict[str, Value]:
    """The comparable value of every item of ``act`` (vocabulary ids, not labels)."""
    purposes = [[pur.text, pur.legitimate_interest, *pur.legal_bases] for pur in act.purposes]
    categories = [
        [
            cat.name,
            cat.special.value,
            cat.source,
            "" if cat.retention.duration is None else str(cat.retention.duration),
            _retention_unit(cat.retention.unit),
            cat.retention.start,
            cat.retention.text,
            cat.notes,
        ]
        for cat in act.data_categories
    ]
    return {
        "name": act.name,
        "contact_name": act.contact.name,
        "contact_phone": act.contact.phone,
        "contact_email": act.contact.email,
        "description": act.description,
        "purposes": purposes,
        "data_subjects": list(act.data_subjects),
        "data_categories": categories,
        "internal_recipients": list(act.internal_recipients),
    }


def legal_basis_columns(act: m.Activity) -> int:
    """How many legal-basis columns the purposes of ``act`` need (at least three)."""
    return max([LEGAL_BASIS_COLUMNS, *(len(pur.legal_bases) for pur in act.purposes)])


def apply_value(act: m.Activity, key: str, value: Value) -> None:
    """Put the item ``key`` with ``value`` (as :func:`values_of` gives it) into ``act``."""
    if key == "name":
        act.name = value
    elif key == "contact_name":
        act.contact.name = value
    elif key == "contact_phone":
        act.contact.phone = value
    elif key == "contact_email":
        act.contact.email = value
    elif key == "description":
        act.description = value
    elif key == "purposes":
        act.purposes = [
            m.Purpose(text=row[0], legitimate_interest=row[1], legal_bases=list(row[2:]))
            for row in value
        ]
    elif key == "data_subjects":
        act.data_subjects = list(value)
    elif key == "data_categories":
        act.data_categories = [_category(row) for row in value]
    elif key == "internal_recipients":
        act.internal_recipients = list(value)
    else:
        raise KeyError(key)


def _category(row: list[str]) -> m.DataCategory:
    name, special, source, duration, unit, start, text, notes = row
    return m.DataCategory(
        name=name,
        special=m.SpecialCategory(special or m.SpecialCategory.NONE.value),
        source=source,
        retention=m.Retention(
            duration=int(duration) if duration else None,
            unit=m.RetentionUnit(unit) if unit else None,
            start=start,
            text=text,
        ),
        notes=notes,
    )
