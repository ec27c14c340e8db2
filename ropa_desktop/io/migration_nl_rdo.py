"""Migration from the Dutch government's data-processing register (minvws
nl-rdo-dataprocessing-register): its JSON records of a controller's processing
("AVG Verantwoordelijke Verwerkingen"), as one JSON file or as the zip of JSON files.

The format is the one that tool reads and writes (see docs/import-sources.md):
a JSON list of records (UTF-8, possibly with a BOM); in a zip, the JSON files of
controller records lie in the folder ``AVG Verantwoordelijke Verwerkingen/``. Keys of a
record, as read by ``src/cms/app/Import/Factories/Avg/AvgResponsibleProcessingRecordFactory.php``
and the factories it calls:

- ``Nummer`` → reference, ``Naam`` → name, ``Doelen[].Doel`` / ``Rechtsgrond`` →
  purposes with their legal bases, ``Betrokkenen[].Omschrijving`` → data subjects and
  their ``Gegevens[]`` (``Omschrijving``, ``Bewaartermijn``, ``BronOmschrijving``) → data
  categories with retention and source, the special-category flags of a group
  (``Gezondheid``, ``Strafrechtelijk``, …) → special categories,
  ``Ontvangers[].Omschrijving`` → recipients, ``Verwerkers[]`` (``Naam``, ``Email``,
  ``Telefoon``) → processors, ``Contactpersonen[0]`` → contact person,
  ``Beveiliging.*`` → description of the measures, ``AanmaakDatum`` /
  ``LaatsteWijzigDatum`` → created / changed;
- everything else with a value (``Doorgifte.*``, ``Systemen``, ``Opmerkingen``,
  ``Verantwoordelijken``, ``Dienst``, ``Status``, …) goes to the activity's notes under its
  key, and each such key is named once in the report.

Records with the status ``Vervallen`` (withdrawn) are skipped, as the tool itself does.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ropa_desktop.domain import model as m
from ropa_desktop.domain import parsing
from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.io.files import read_json

CONTROLLER_FOLDER = "AVG Verantwoordelijke Verwerkingen"
MAX_FILES = 100
MAX_FILE_BYTES = 10 * 1024 * 1024
"""The tool's own limits for its zip (src/cms/config/import.php)."""
RECORD_KEYS = frozenset({"Naam", "Doelen", "Betrokkenen", "Verwerkers", "Ontvangers", "Nummer"})
"""Keys that make a JSON record one of this tool's."""
_TRUE = frozenset({"ja", "true", "yes"})
_SPECIAL = {
    "RasOfEtniciteit": m.SpecialCategory.ART9,
    "PolitiekeGezindheid": m.SpecialCategory.ART9,
    "GodsdienstOfLevensovertuiging": m.SpecialCategory.ART9,
    "LidmaatschapVakvereniging": m.SpecialCategory.ART9,
    "Genetisch": m.SpecialCategory.ART9,
    "Biometrisch": m.SpecialCategory.ART9,
    "Gezondheid": m.SpecialCategory.ART9,
    "SeksueleLeven": m.SpecialCategory.ART9,
    "Strafrechtelijk": m.SpecialCategory.ART10,
}
_USED = frozenset(
    {
        "Id",
        "Nummer",
        "Naam",
        "Doelen",
        "Betrokkenen",
        "Ontvangers",
        "Verwerkers",
        "Contactpersonen",
        "Beveiliging",
        "AanmaakDatum",
        "LaatsteWijzigDatum",
        "Versie",
    }
)


class MigrationError(LocalizedError):
    """The file is not a readable export of the Dutch register; nothing was written."""


MSG_NOT_RECORDS = Text(
    de="{file}: keine Verarbeitungen des niederländischen Verarbeitungsregisters gefunden "
    "(erwartet: eine JSON-Liste von Datensätzen mit „Naam“, „Doelen“, „Betrokkenen“ …).",
    en="{file}: no processing records of the Dutch data-processing register found "
    "(expected: a JSON list of records with “Naam”, “Doelen”, “Betrokkenen” …).",
)
MSG_ZIP = Text(
    de="{file}: das ZIP-Archiv lässt sich nicht lesen ({problem}).",
    en="{file}: the zip archive cannot be read ({problem}).",
)
NOTE_UNMAPPED = Text(
    de="„{key}“ hat kein eigenes Feld; steht in den Anmerkungen der Verarbeitungstätigkeiten",
    en="“{key}” has no field of its own; kept in the activities' notes",
)
NOTE_SKIPPED_FILE = Text(
    de="„{name}“ im Archiv ist keine Datei mit Verarbeitungen eines Verantwortlichen; "
    "nicht importiert",
    en="“{name}” in the archive is no file of a controller's processing records; not imported",
)
NOTE_WITHDRAWN = Text(
    de="„{name}“ ist als „Vervallen“ (aufgehoben) markiert und wird nicht importiert",
    en="“{name}” is marked “Vervallen” (withdrawn) and is not imported",
)


def looks_like_records(doc: Any) -> bool:
    """Whether ``doc`` is a list (or one) of this tool's processing records."""
    records = doc if isinstance(doc, list) else [doc]
    first = next((r for r in records if isinstance(r, dict)), None)
    return first is not None and len(RECORD_KEYS & set(first)) >= 3


@dataclass(slots=True)
class Migration:
    """The register to import and the report lines of a migration."""

    register: m.Register
    notes: list[str] = field(default_factory=list)


def read_records(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The records of a JSON file or of the zip of JSON files, with report lines."""
    path = Path(path)
    name = str(path)
    notes: list[str] = []
    docs: list[Any] = []
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                members = [i for i in archive.infolist() if not i.is_dir()]
                if len(members) > MAX_FILES:
                    raise MigrationError(MSG_ZIP, file=name, problem=f"> {MAX_FILES} files")
                for info in members:
                    folder = info.filename.replace("\\", "/").split("/")[0]
                    if folder != CONTROLLER_FOLDER or not info.filename.endswith(".json"):
                        notes.append(NOTE_SKIPPED_FILE(name=info.filename))
                        continue
                    if info.file_size > MAX_FILE_BYTES:
                        raise MigrationError(
                            MSG_ZIP, file=name, problem=f"{info.filename}: > 10 MiB"
                        )
                    raw = archive.read(info)
                    try:
                        docs.append(json.loads(raw.decode("utf-8-sig")))
                    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                        raise MigrationError(
                            MSG_ZIP, file=name, problem=f"{info.filename}: {exc}"
                        ) from None
        except (zipfile.BadZipFile, OSError) as exc:
            raise MigrationError(MSG_ZIP, file=name, problem=str(exc)) from None
    else:
        docs.append(read_json(path, max_bytes=MAX_FILE_BYTES * MAX_FILES, error=MigrationError))
    records: list[dict[str, Any]] = []
    for doc in docs:
        items = doc if isinstance(doc, list) else [doc]
        records += [r for r in items if isinstance(r, dict)]
    if not records or not looks_like_records(records):
        raise MigrationError(MSG_NOT_RECORDS, file=name)
    return records, notes


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def _true(value: Any) -> bool:
    return value is True or _text(value).casefold() in _TRUE


def _items(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = record.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _when(value: Any) -> datetime | None:
    text = _text(value)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _flatten(value: Any, prefix: str) -> list[str]:
    """``Key.Sub: value`` lines of what a record holds under ``prefix``."""
    if isinstance(value, dict):
        return [line for k, v in value.items() for line in _flatten(v, f"{prefix}.{k}")]
    if isinstance(value, list):
        return [line for v in value for line in _flatten(v, prefix)]
    text = _text(value)
    return [f"{prefix}: {text}"] if text else []


def convert(records: list[dict[str, Any]], organisation: str) -> Migration:
    """The records as activities of ``organisation`` (a new or existing organisation's
    name), with processors and recipients, and the report lines."""
    org = m.Organisation(name=organisation)
    register = m.Register(organisations=[org])
    migration = Migration(register)
    processors: dict[str, m.Processor] = {}
    recipients: dict[str, m.Recipient] = {}
    unmapped: list[str] = []
    for record in records:
        name = _text(record.get("Naam"))
        if _text(record.get("Status")) == "Vervallen":
            migration.notes.append(NOTE_WITHDRAWN(name=name))
            continue
        act = m.Activity(name=name, reference=_text(record.get("Nummer")))
        for goal in _items(record, "Doelen"):
            basis = parsing.parse_legal_bases(_text(goal.get("Rechtsgrond")))
            bases = [*basis.ids, *basis.provisions] + ([basis.rest] if basis.rest else [])
            act.purposes.append(m.Purpose(text=_text(goal.get("Doel")), legal_bases=bases))
        for group in _items(record, "Betrokkenen"):
            if _text(group.get("Omschrijving")):
                act.data_subjects.append(_text(group.get("Omschrijving")))
            for item in _items(group, "Gegevens"):
                act.data_categories.append(
                    m.DataCategory(
                        name=_text(item.get("Omschrijving")),
                        source=_text(item.get("BronOmschrijving")),
                        retention=m.Retention(text=_text(item.get("Bewaartermijn"))),
                    )
                )
            for flag, special in _SPECIAL.items():
                if _true(group.get(flag)):
                    act.data_categories.append(m.DataCategory(name=flag, special=special))
        for item in _items(record, "Ontvangers"):
            label = _text(item.get("Omschrijving"))
            if label:
                entry = recipients.setdefault(label, m.Recipient(name=label))
                act.recipients.append(entry.uid)
        for item in _items(record, "Verwerkers"):
            label = _text(item.get("Naam"))
            if label:
                proc = processors.setdefault(
                    label,
                    m.Processor(
                        name=label,
                        email=_text(item.get("Email")),
                        phone=_text(item.get("Telefoon")),
                    ),
                )
                if all(link.processor != proc.uid for link in act.processors):
                    act.processors.append(m.ProcessorLink(proc.uid))
        contacts = _items(record, "Contactpersonen")
        if contacts:
            first = contacts[0]
            person = (_text(first.get("Naam")), _text(first.get("Functie")))
            act.contact = m.Contact(
                name=" – ".join(x for x in person if x),
                email=_text(first.get("Email")),
                phone=_text(first.get("Telefoon")),
            )
        act.tom_description = "\n".join(_flatten(record.get("Beveiliging"), "Beveiliging"))
        act.created = _when(record.get("AanmaakDatum")) or act.created
        act.changed = _when(record.get("LaatsteWijzigDatum")) or act.changed
        rest: list[str] = []
        for key, value in record.items():
            if key in _USED:
                continue
            lines = _flatten(value, key)
            if lines and key not in unmapped:
                unmapped.append(key)
            rest += lines
        for extra in contacts[1:]:
            rest += _flatten(extra, "Contactpersonen")
        act.notes = "\n".join(rest)
        org.activities.append(act)
    register.processors = list(processors.values())
    register.recipients = list(recipients.values())
    migration.notes += [NOTE_UNMAPPED(key=key) for key in unmapped]
    return migration
