"""The items of a questionnaire: what a department is asked, in plain words, and how each
answer maps to an activity.

Every item has a key, a label, a plain-German (and English) explanation and a shape:
``text`` (one cell), or a table (``purposes``, ``data_subjects``, ``data_categories``,
``internal_recipients``, ``recipients``, ``processors``, ``transfers``, ``toms``) with one
row per entry. Catalogue entries (recipients, processors, TOMs) are compared by uid; a name
the department typed that is not in the catalogue is a proposal (:data:`NEW_PREFIX`).
:func:`values_of` turns an activity into the comparable values of every item (what was
sent, what is in the register now), and :func:`apply_value` puts an accepted answer back
into an activity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import Text

Value = Any
"""A comparable item value: a string for a text item; for a table a list with one entry
per row: a string (one-column tables) or a list of strings (the columns as
:attr:`Item.columns`, except purposes: ``[text, legitimate interest, *legal bases]``).
Recipients and TOMs are catalogue uids, processors ``[uid, service]``, transfers
``[country code, recipient, mechanism id (or the text where no id fits)]``."""

NEW_PREFIX = "new:"
"""Marks a name the department wrote that is not in the organisation's catalogue (a uid
never holds a colon): ``"new:Name"``, a proposal the DPO accepts or rejects."""
CATALOGUE_ITEMS = {"recipients": "recipient", "processors": "processor"}
"""Items whose unknown names are proposals for a new catalogue entry (item → entity)."""


def proposal_name(entry: str) -> str | None:
    """The proposed name when ``entry`` is a proposal, else None."""
    return entry[len(NEW_PREFIX) :] if entry.startswith(NEW_PREFIX) else None


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
    Item(
        "recipients",
        _label("recipients"),
        Text(
            "An wen außerhalb der Verwaltung werden die Daten weitergegeben (Art. 30 Abs. 1 "
            "lit. d DSGVO), z. B. andere Behörden, Banken, Gerichte? Eine Zeile je Empfänger. "
            "Wählen Sie aus der Liste der bekannten Empfänger oder schreiben Sie einen neuen "
            "Namen hinein; der/die Datenschutzbeauftragte prüft neue Namen. Dienstleister, die "
            "im Auftrag arbeiten, gehören in die nächste Tabelle.",
            "Who outside the organisation receives the data (Art. 30(1)(d) GDPR), e.g. other "
            "authorities, banks, courts? One row per recipient. Pick a known recipient from the "
            "list or type a new name; the data protection officer checks new names. Service "
            "providers working on your behalf go in the next table.",
        ),
        (Column("name", Text("Empfänger", "Recipient"), "recipients", 40),),
    ),
    Item(
        "processors",
        _label("processors"),
        Text(
            "Welche Dienstleister verarbeiten die Daten in Ihrem Auftrag (Auftragsverarbeiter, "
            "Art. 28 DSGVO), z. B. Rechenzentrum, Softwarehersteller mit Fernwartung, "
            "Aktenvernichtung? Eine Zeile je Dienstleister mit seiner Leistung. Wählen Sie aus "
            "der Liste oder schreiben Sie einen neuen Namen hinein.",
            "Which service providers process the data on your behalf (processors, Art. 28 "
            "GDPR), e.g. data centre, software vendor with remote maintenance, shredding? One "
            "row per provider with its service. Pick from the list or type a new name.",
        ),
        (
            Column("name", Text("Dienstleister", "Service provider"), "processors", 36),
            Column("service", Text("Leistung", "Service"), width=36),
        ),
    ),
    Item(
        "transfers",
        _label("transfers"),
        Text(
            "Gehen Daten in ein Land außerhalb der EU bzw. des EWR (Art. 30 Abs. 1 lit. e "
            "DSGVO), z. B. weil ein Cloud-Dienst in den USA sitzt? Eine Zeile je Übermittlung: "
            "Land, Empfänger und die Garantie, auf die sie sich stützt (z. B. "
            "Angemessenheitsbeschluss, Standardvertragsklauseln). Wissen Sie die Garantie "
            "nicht, lassen Sie sie leer. Keine Übermittlung: Tabelle leer lassen.",
            "Is data sent to a country outside the EU/EEA (Art. 30(1)(e) GDPR), e.g. because "
            "a cloud service is based in the USA? One row per transfer: country, recipient and "
            "the safeguard it relies on (e.g. adequacy decision, standard contractual "
            "clauses). Leave the safeguard empty if you do not know it.",
        ),
        (
            Column("country", Text("Land", "Country"), "countries", 28),
            Column("recipient", Text("Empfänger", "Recipient"), width=32),
            Column("mechanism", Text("Garantie", "Safeguard"), "mechanisms", 40),
        ),
    ),
    Item(
        "toms",
        _label("toms"),
        Text(
            "Welche Schutzmaßnahmen (Art. 30 Abs. 1 lit. g, Art. 32 DSGVO) gelten für diese "
            "Tätigkeit, z. B. Zugriffsrechte, Verschlüsselung, Datensicherung? Eine Zeile je "
            "Maßnahme, ausgewählt aus der Liste der Maßnahmen Ihres Hauses. Fehlt eine, "
            "schreiben Sie sie unten in die Hinweise.",
            "Which safeguards (Art. 30(1)(g), Art. 32 GDPR) apply to this activity, e.g. "
            "access rights, encryption, backups? One row per measure, picked from your "
            "organisation's list. If one is missing, write it in the remarks below.",
        ),
        (Column("title", Text("Maßnahme", "Measure"), "toms", 60),),
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
        "Programm, eine Schutzmaßnahme, die in der Liste fehlt)?",
        "What else should the data protection officer know (e.g. new software, a "
        "safeguard missing from the list)?",
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
        "recipients": list(act.recipients),
        "processors": [[link.processor, link.service] for link in act.processors],
        "transfers": [
            [t.country, t.recipient, t.mechanism or t.mechanism_text] for t in act.transfers
        ],
        "toms": list(act.toms),
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
    elif key == "recipients":
        act.recipients = list(value)
        if act.recipients:
            act.no_external_recipients = False
    elif key == "processors":
        act.processors = [m.ProcessorLink(uid, service) for uid, service in value]
        if act.processors:
            act.no_external_recipients = False
    elif key == "transfers":
        act.transfers = _transfers(act.transfers, value)
        if act.transfers:
            act.no_transfers = False
    elif key == "toms":
        act.toms = list(value)
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


def _transfers(old: list[m.Transfer], rows: list[list[str]]) -> list[m.Transfer]:
    """The transfers of ``rows``; a row as it was keeps what the sheet does not show (the
    processor, the documentation, the mechanism's source text)."""
    unused = list(old)
    out: list[m.Transfer] = []
    for country, recipient, mechanism in rows:
        found = next(
            (
                t
                for t in unused
                if [t.country, t.recipient, t.mechanism or t.mechanism_text]
                == [country, recipient, mechanism]
            ),
            None,
        )
        if found is not None:
            unused.remove(found)
            out.append(found)
        elif mechanism in vocab.transfer_mechanisms():
            out.append(m.Transfer(country=country, recipient=recipient, mechanism=mechanism))
        else:
            out.append(m.Transfer(country=country, recipient=recipient, mechanism_text=mechanism))
    return out
