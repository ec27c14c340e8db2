"""Turning mapped spreadsheet rows into processing activities (the heart of the import).

Each row becomes an :class:`~ropa_desktop.domain.model.Activity` and a
:class:`RowResult`. Cell text is cleaned and parsed (legal bases, countries,
retention rules, dates); processors and recipients are matched against the
catalogue (and against those this import creates), so "Microsoft Ireland
Operations Ltd." links to an existing "Microsoft" instead of making a second one.
Whatever fits no field goes into the activity's notes under its header.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any, TypeVar

from ropa_desktop.domain import model as m
from ropa_desktop.domain import parsing
from ropa_desktop.domain import presentation as pres
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.importing.cell_text import (
    EMPTY,
    NONE_WORDS,
    Cell,
    category,
    clean,
    header_of,
    maps,
    name_from_purpose,
    numbered,
    parse_bases,
    parse_countries,
    parse_mechanism,
    retention_rule,
    short,
    special_of,
    split_cell,
    split_known_service,
    target_of,
    unique,
    unnumber,
)
from ropa_desktop.io.importing.list_columns import split_like_column
from ropa_desktop.io.importing.marked_entries import processor_parts, sort_marked
from ropa_desktop.io.importing.merge import merge_row
from ropa_desktop.io.importing.own_export import (
    OwnExport,
    activity_detail_headers,
    apply_activity_details,
)
from ropa_desktop.io.importing.report import MSG, ImportReport, Note, RowResult, Status
from ropa_desktop.io.importing.row_fields import (
    RowCells,
    copy_retention,
    fill_dates,
    fill_dpia,
    fill_status,
    legitimate_interest,
    own_numbers_purposes,
    says_no_transfer,
    set_address,
    shared_bases,
)
from ropa_desktop.io.importing.safeguard_countries import add_named_transfers
from ropa_desktop.io.importing.special_answers import add_special, names_after_yes
from ropa_desktop.io.name_matching import NameMatcher, split_address
from ropa_desktop.io.name_matching import norm as _norm
from ropa_desktop.io.sheets.reader import Sheet

_Entry = TypeVar("_Entry", m.Processor, m.Recipient)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return pres.yes_no(value)
    if isinstance(value, datetime):
        return pres.format_date(value) if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return pres.format_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class RowBuilder:
    """Turns mapped rows into activities and keeps the report."""

    def __init__(
        self,
        org: m.Organisation,
        catalogue: m.Register,
        on_duplicate: str,
        report: ImportReport,
        own: OwnExport | None = None,
    ) -> None:
        self.org = org
        self.on_duplicate = on_duplicate
        self.report = report
        self.existing = {_norm(a.name): a for a in org.activities}
        self.existing_uid = {a.uid: a for a in org.activities}
        self.processors = NameMatcher(list(catalogue.processors))
        self.recipients = NameMatcher(list(catalogue.recipients))
        self.toms = {_norm(t.title): t for t in catalogue.toms}
        self.new_processors: dict[str, m.Processor] = {}
        self.new_recipients: dict[str, m.Recipient] = {}
        self.used_processors: dict[str, m.Processor] = {}
        self.used_recipients: dict[str, m.Recipient] = {}
        self.used_toms: dict[str, m.Tom] = {}
        self.activities: list[m.Activity] = []
        self.seen: dict[str, tuple[int, int]] = {}  # name -> (position, first row)
        self.catalogue = catalogue
        self.all_toms = {t.uid: t for t in catalogue.toms}
        self.own = own
        self.detail_headers = activity_detail_headers() if own is not None else {}
        self.own_processor_names = frozenset(
            p.name.strip() for p in (own.processors if own is not None else ())
        )
        self._columns: dict[int, tuple[Any, str, Target | None]] = {}
        self.now = m.utc_now()
        """When the activities of this import are created (unless their cells say)."""
        self.comma_lists: set[Target] = set()
        """List columns whose cells are comma lists (set by the engine per sheet)."""
        if own is not None:
            self._seed(own)

    def _seed(self, own: OwnExport) -> None:
        """Make the catalogue entries of our own export known, with their identities."""
        known = {p.uid for p in self.catalogue.processors}
        for proc in own.processors:
            if proc.uid not in known and _norm(proc.name) not in self.new_processors:
                self.new_processors[_norm(proc.name)] = proc
                self.processors.add(proc)
        known = {r.uid for r in self.catalogue.recipients}
        for rec in own.recipients:
            if rec.uid not in known and _norm(rec.name) not in self.new_recipients:
                self.new_recipients[_norm(rec.name)] = rec
                self.recipients.add(rec)
        for tom in own.toms:
            if tom.uid not in self.all_toms:
                self.all_toms[tom.uid] = tom
                self.toms.setdefault(_norm(tom.title), tom)

    def register(self) -> m.Register:
        """The register to write: the organisation with the new and changed activities."""
        org = replace(self.org, activities=self.activities, services=[])
        for act in self.activities:  # links kept from existing activities need their targets
            for link in act.processors:
                self._keep_processor(link.processor)
            for t in act.transfers:
                if t.processor is not None:
                    self._keep_processor(t.processor)
            for uid in act.recipients:
                if uid not in self.used_recipients:
                    self.used_recipients[uid] = next(
                        r
                        for r in [*self.catalogue.recipients, *self.new_recipients.values()]
                        if r.uid == uid
                    )
            for uid in act.toms:
                self.used_toms.setdefault(uid, self.all_toms[uid])
        return m.Register(
            organisations=[org],
            processors=list(self.used_processors.values()),
            recipients=list(self.used_recipients.values()),
            toms=list(self.used_toms.values()),
        )

    def _keep_processor(self, uid: str) -> None:
        todo = [uid]
        by_uid = {p.uid: p for p in self.catalogue.processors}
        by_uid.update({p.uid: p for p in self.new_processors.values()})
        while todo:
            current = todo.pop()
            if current in self.used_processors:
                continue
            proc = by_uid[current]
            self.used_processors[current] = proc
            todo += [s.processor for s in proc.subprocessors]

    # one row

    def add(
        self, sheet: Sheet, layout: Any, row_no: int, cells: list[tuple[Any, Any, str]]
    ) -> None:
        result = RowResult(sheet=sheet.name, row=row_no, activity="")
        where_row = f"{sheet.name}!{row_no}"
        values: dict[Target, Cell] = {}
        raw_values: dict[Target, Any] = {}
        notes_lines: list[str] = []
        details: dict[str, Any] = {}
        columns = self._columns
        for mapping, raw, ref in cells:
            if type(raw) is str:
                if not raw.strip():
                    continue
                text = raw
            elif raw is None:
                continue
            else:
                text = _text(raw)
            text, changed = clean(text)
            if changed:
                result.notes.append(Note(Status.WARNING, ref, MSG["control"]()))
            first = text[:1]
            if (first in _RISKY_START or first.isspace()) and parsing.looks_like_formula(text):
                result.notes.append(
                    Note(Status.WARNING, ref, MSG["formula"](char=text.lstrip()[0]))
                )
            column = columns.get(id(mapping))
            if column is None or column[0] is not mapping:
                column = self._column(mapping)
            _, header, target = column
            if target is None and self.own is not None and header in self.detail_headers:
                details[self.detail_headers[header]] = raw  # our export's DPIA and address
                continue
            if target is None:  # kept in the notes; the report names the column once
                notes_lines.append(f"{header or ref}: {text}")
                continue
            if target == Target.IGNORE:
                continue
            if target in values:  # the same target twice (e.g. two form rows): keep both
                previous = values[target]
                values[target] = previous._replace(text=previous.text + "\n" + text)
            else:
                values[target] = Cell(text, ref, header)
                raw_values[target] = raw
        org_cell = values.pop(Target.ORGANISATION, None)
        if org_cell is not None and _norm(org_cell.text) != _norm(self.org.name):
            notes_lines.append(f"{org_cell.header or org_cell.ref}: {org_cell.text}")
        name = values.get(Target.NAME, EMPTY).text.strip()
        if not name and not maps(layout, Target.NAME):
            name = name_from_purpose(values)  # e.g. the ICO template has no name column
            if name:
                result.notes.append(
                    Note(Status.OK, where_row, MSG["name_from_purpose"](name=short(name, 60)))
                )
        if not name:
            if not values and not notes_lines:
                return
            result.notes.append(Note(Status.ERROR, where_row, MSG["no_name"]()))
            result.outcome = ""
            self.report.rows.append(result)
            return
        result.activity = name
        key = _norm(name)
        uid = values.get(Target.UID, EMPTY).text.strip()
        structured = set()
        if self.own is not None and uid:
            structured = {
                part
                for part, data in (
                    ("categories", self.own.categories),
                    ("transfers", self.own.transfers),
                )
                if uid in data
            }
        act = m.Activity(name=name, created=self.now, changed=self.now)
        self._fill(act, values, notes_lines, result, structured)
        if details:
            apply_activity_details(act, details)
        for target, attr in ((Target.CREATED, "created"), (Target.CHANGED, "changed")):
            raw = raw_values.get(target)
            if isinstance(raw, datetime):  # a real timestamp cell keeps its time of day
                setattr(
                    act,
                    attr,
                    raw.replace(tzinfo=UTC) if raw.tzinfo is None else raw.astimezone(UTC),
                )
        if self.own is not None and uid:
            if uid in self.own.categories:
                act.data_categories = [
                    replace(c, retention=replace(c.retention)) for c in self.own.categories[uid]
                ]
            if uid in self.own.transfers:
                act.transfers = [replace(t) for t in self.own.transfers[uid]]
        if notes_lines:
            act.notes = "\n".join(filter(None, [act.notes, *notes_lines]))
        self._flag(act, result)
        if key in self.seen and self.on_duplicate != "new":
            # The same activity again in this file (a list sheet and a record sheet, say):
            # its cells complete the one activity instead of making a second.
            position, first_row = self.seen[key]
            self.activities[position] = merge_row(self.activities[position], act, values)
            result.outcome = "merged"
            result.notes.append(
                Note(
                    Status.WARNING,
                    where_row,
                    MSG["duplicate_in_file"](name=short(name, 60), first=first_row),
                )
            )
            self.report.rows.append(result)
            return
        existing = self.existing_uid.get(uid) or self.existing.get(key)
        if existing is not None and self.on_duplicate != "new":
            if self.on_duplicate == "skip":
                result.outcome = "skip"
                result.notes.append(
                    Note(Status.OK, where_row, MSG["duplicate_skip"](name=short(name, 60)))
                )
                self.report.rows.append(result)
                return
            merged = merge_row(existing, act, values)
            result.outcome = "update"
            result.notes.append(
                Note(Status.OK, where_row, MSG["duplicate_update"](name=short(name, 60)))
            )
            self.seen.setdefault(key, (len(self.activities), row_no))
            self.activities.append(merged)
        else:
            if uid and uid not in self.existing_uid and not self._uid_taken(uid):
                act.uid = uid  # keep the identity of a record that comes back from our export
            result.outcome = "new"
            self.seen.setdefault(key, (len(self.activities), row_no))
            self.activities.append(act)
        self.report.rows.append(result)

    def _column(self, mapping: Any) -> tuple[Any, str, Target | None]:
        """A column or form field with its header and target, remembered by the mapping's
        id (asked for every cell)."""
        found = self._columns[id(mapping)] = (mapping, header_of(mapping), target_of(mapping))
        return found

    def _list(self, cell: str, target: Target | None = None) -> list[str]:
        """The values of a list cell: one per line in our own export (whose values may hold
        ";"), else as :func:`parsing.split_values` finds them; in a column of comma lists
        (``target`` in :attr:`comma_lists`) two-item cells are split too."""
        if not cell:
            return []
        if self.own is not None:
            return [line.strip() for line in cell.splitlines() if line.strip()]
        parts = list(split_cell(cell))
        if target is not None and target in self.comma_lists:
            return split_like_column(parts)
        return parts

    def _values(self, cell: str, target: Target | None = None) -> list[str]:
        """As :meth:`_list`, without placeholders such as "—" or "keine". Our own export
        writes none but its statement "keine" ("none") for no recipients or joint
        controllers: an internal recipient "entfällt" or a joint controller "—" is a value."""
        if not cell:
            return []
        if self.own is not None:
            stated = target in (Target.RECIPIENTS, Target.JOINT_CONTROLLERS)
            return [] if stated and self._says_none(cell) else self._list(cell, target)
        return [v for v in self._list(cell, target) if v.strip().casefold() not in NONE_WORDS]

    def _says_none(self, cell: str) -> bool:
        """True when a list cell says there are none: in our own export its exact statement
        (``presentation.NONE_STATED``), elsewhere nothing but words such as "keine", "—"."""
        if self.own is not None:
            return cell.strip() == pres.NONE_STATED(self.own.lang)
        values = self._list(cell)
        return bool(values) and all(v.strip().casefold() in NONE_WORDS for v in values)

    def _uid_taken(self, uid: str) -> bool:
        return any(a.uid == uid for a in self.activities)

    def _fill(
        self,
        act: m.Activity,
        values: dict[Target, Cell],
        notes: list[str],
        result: RowResult,
        structured: set[str],
    ) -> None:
        """Fill ``act`` from the row's cells, topic by topic; what fits no field goes to
        ``notes``, every doubt to ``result``. ``structured`` names the parts ("categories",
        "transfers") that our own export's sheets give exactly."""
        row = RowCells(values, notes, result)
        self._fill_identity(act, row)
        self._fill_purposes(act, row)
        self._fill_data(act, row, structured)
        self._fill_links(act, row)
        act.no_transfers = says_no_transfer(row.get(Target.THIRD_COUNTRIES))
        if "transfers" not in structured:
            self._transfers(
                act,
                row.get(Target.THIRD_COUNTRIES),
                row.get(Target.TRANSFER_SAFEGUARDS),
                row.ref(Target.THIRD_COUNTRIES),
                row.header(Target.THIRD_COUNTRIES),
                row.header(Target.TRANSFER_SAFEGUARDS),
                notes,
                result,
            )
        fill_dates(act, row)
        fill_status(act, row)
        fill_dpia(act, row)

    def _fill_identity(self, act: m.Activity, row: RowCells) -> None:
        """Reference, department, contact, description, TOMs and notes."""
        get = row.get
        act.reference = get(Target.REFERENCE)
        act.department = get(Target.DEPARTMENT)
        act.contact = m.Contact(
            name=get(Target.CONTACT),
            phone=get(Target.CONTACT_PHONE),
            email=get(Target.CONTACT_EMAIL),
        )
        act.description = get(Target.DESCRIPTION)
        self._toms(act, get(Target.TOMS), get(Target.TOM_DESCRIPTION))
        act.notes = get(Target.NOTES)

    def _fill_purposes(self, act: m.Activity, row: RowCells) -> None:
        """Purposes with their legal bases (Art. 6 and Art. 9) and legitimate interests.

        Lines "n. …" belong to purpose n (our export writes them so); otherwise every
        legal basis applies to every purpose, with a warning.
        """
        purposes, own_bases, numbered_purposes = self._purpose_texts(row)
        shared = shared_bases(row, own_bases, numbered_purposes)
        if not purposes and (shared or row.get(Target.LEGITIMATE_INTEREST)):
            purposes, own_bases = [""], [[]]  # an unnamed purpose keeps them
        act.purposes = [
            m.Purpose(text=text, legal_bases=unique(own + shared))
            for text, own in zip(purposes, own_bases, strict=True)
        ]
        if shared and len(act.purposes) > 1:
            row.result.notes.append(
                Note(
                    Status.WARNING,
                    row.ref(Target.LEGAL_BASES) or row.ref(Target.ART9_CONDITION),
                    MSG["bases_unpaired"](n=len(act.purposes)),
                )
            )
        legitimate_interest(act, row, numbered_purposes)

    def _purpose_texts(
        self, row: RowCells
    ) -> tuple[list[str], list[list[str]], dict[int, str] | None]:
        """The purposes, the legal bases each names itself, and the purposes by number
        when the cell numbers them."""
        purposes_cell = row.get(Target.PURPOSES)
        if self.own is not None and not own_numbers_purposes(row):
            numbered_purposes = None  # one purpose "1. Antrag" keeps its text whole
            purposes = self._list(purposes_cell)
        else:
            numbered_purposes = numbered(purposes_cell)
            purposes = (
                list(numbered_purposes.values())
                if numbered_purposes
                else [unnumber(p) for p in self._list(purposes_cell)]
            )
        own_bases: list[list[str]] = [[] for _ in purposes]
        combined = row.get(Target.PURPOSE_AND_LEGAL_BASIS)
        if combined:
            numbered_combined = numbered(combined)
            pieces = list(numbered_combined.values()) if numbered_combined else [combined]
            for piece in pieces:
                parsed = parse_bases(piece)
                purposes.append(parsed.rest)
                own_bases.append(parsed.ids + parsed.provisions)
        return purposes, own_bases, numbered_purposes

    def _fill_data(self, act: m.Activity, row: RowCells, structured: set[str]) -> None:
        """Data subjects and data categories with special categories, source and retention."""
        get, notes = row.get, row.notes
        act.data_subjects = list(self._list(get(Target.DATA_SUBJECTS), Target.DATA_SUBJECTS))
        categories = [
            category(name)
            for name in self._list(get(Target.DATA_CATEGORIES), Target.DATA_CATEGORIES)
        ]
        special = get(Target.SPECIAL_CATEGORIES)
        if special:
            answer = parsing.parse_yes_no(special)
            named = names_after_yes(special) if answer else []  # "✅ Yes — HRV, …"
            if answer is None:
                for name in split_cell(special):
                    categories.append(
                        m.DataCategory(
                            name=name,
                            special=special_of(name)
                            if special_of(name) != m.SpecialCategory.NONE
                            else m.SpecialCategory.ART9,
                        )
                    )
            elif named:
                add_special(categories, named)
            elif answer and not any(c.special == m.SpecialCategory.ART9 for c in categories):
                notes.append(f"{row.header(Target.SPECIAL_CATEGORIES)}: {special}")
                row.result.notes.append(
                    Note(
                        Status.WARNING,
                        row.ref(Target.SPECIAL_CATEGORIES),
                        MSG["special_unspecified"](),
                    )
                )
            elif not parsing.is_bare_answer(special):  # "No (reason)", "Yes — HRV"
                notes.append(f"{row.header(Target.SPECIAL_CATEGORIES)}: {special}")
        source = get(Target.DATA_SOURCE)
        if source:
            if categories:
                for c in categories:
                    c.source = source
            else:
                notes.append(f"{row.header(Target.DATA_SOURCE)}: {source}")
        if "categories" not in structured:  # else our export's own sheet gives them exactly
            self._retention(
                categories,
                get(Target.RETENTION),
                row.ref(Target.RETENTION),
                row.header(Target.RETENTION),
                notes,
                row.result,
            )
        act.data_categories = categories

    def _fill_links(self, act: m.Activity, row: RowCells) -> None:
        """Internal recipients, recipients, processors and joint controllers."""
        get, notes, result = row.get, row.notes, row.result
        act.internal_recipients = self._values(
            get(Target.INTERNAL_RECIPIENTS), Target.INTERNAL_RECIPIENTS
        )
        marked = sort_marked(  # our export writes no marks: its "name (category)" stays whole
            self._values(get(Target.RECIPIENTS), Target.RECIPIENTS), read=self.own is None
        )
        result.notes.extend(marked.notes(row.ref(Target.RECIPIENTS)))
        for name in marked.recipients:
            written = self._own_recipient_name(name)
            uid, linked_to = self._recipient(written, row.ref(Target.RECIPIENTS), result)
            act.recipients.append(uid)
            if linked_to is not None:
                notes.append(f"{row.header(Target.RECIPIENTS)}: {name}")
        act.recipients = unique(act.recipients)
        # our export writes "name – service" and no marks; other files may mark processors
        parts = self._own_processor_parts if self.own is not None else processor_parts
        entries = [
            (*parts(e), e, Target.PROCESSORS)
            for e in self._values(get(Target.PROCESSORS), Target.PROCESSORS)
        ] + [(p.name, p.service, p.written, Target.RECIPIENTS) for p in marked.processors]
        for name, service, entry, column in entries:
            uid, linked_to = self._processor(name, row.ref(column), result)
            if linked_to is not None:  # the name as written is kept beside the link
                notes.append(f"{row.header(column)}: {entry}")
            if all(link.processor != uid for link in act.processors):
                act.processors.append(m.ProcessorLink(uid, service))
        joint = self._values(get(Target.JOINT_CONTROLLERS), Target.JOINT_CONTROLLERS)
        act.joint_controllers = [m.JointController(name=j) for j in joint]
        act.no_external_recipients = self._says_none(get(Target.RECIPIENTS))
        act.no_joint_controllers = self._says_none(get(Target.JOINT_CONTROLLERS))

    def _toms(self, act: m.Activity, toms: str, description: str) -> None:
        lines = [unnumber(x) for x in toms.splitlines() if x.strip()] if self.toms else []
        if lines and all(_norm(x) in self.toms for x in lines):  # titles of catalogue entries
            act.toms = unique([self.toms[_norm(x)].uid for x in lines])
            act.tom_description = description
        else:
            act.tom_description = "\n\n".join(x for x in (toms, description) if x)

    def _retention(
        self,
        categories: list[m.DataCategory],
        cell: str,
        ref: str,
        header: str,
        notes: list[str],
        result: RowResult,
    ) -> None:
        if not cell:
            return
        lines = [line.strip() for line in cell.splitlines() if line.strip()]
        # (only a line with ":" can name a category)
        by_name = {_norm(c.name): c for c in categories} if ":" in cell else {}
        pending = []
        for line in lines:  # "Kategorie: Frist" as our own export writes it
            name, sep, rule = line.partition(":")
            if sep and _norm(name) in by_name:
                by_name[_norm(name)].retention = copy_retention(retention_rule(rule.strip()))
            else:
                pending.append(line)
        if not pending:
            return
        # Unlabelled lines are one rule for every category: pairing them by count would
        # put "(gem. § 147 AO)" on the second category of "5 Jahre\n(gem. § 147 AO)".
        shared = retention_rule("\n".join(pending))
        if not categories:
            notes.append(f"{header}: {cell}")
            result.notes.append(Note(Status.WARNING, ref, MSG["retention_unpaired"]()))
            return
        for c in categories:
            if c.retention.is_empty():
                c.retention = copy_retention(shared)
        if shared.duration is None and shared.text:
            result.notes.append(
                Note(Status.OK, ref, MSG["retention_text"](text=short(shared.text, 50)))
            )

    def _transfers(
        self,
        act: m.Activity,
        countries_cell: str,
        safeguards: str,
        ref: str,
        header: str,
        safeguards_header: str,
        notes: list[str],
        result: RowResult,
    ) -> None:
        if not countries_cell and not safeguards:
            return
        codes, explicit_none, rest = parse_countries(countries_cell)
        if says_no_transfer(countries_cell):
            rest = ""  # our own export's statement "keine Übermittlung … (findet nicht statt)"
        mechanism, mechanism_text = parse_mechanism(safeguards) if safeguards else ("", "")
        if rest and not explicit_none:
            # A safeguard written into the country cell ("USA – Privacy Shield"):
            from_cell, _ = parse_mechanism(rest)
            if from_cell or parsing.names_standard_clauses(rest):
                # "USA (Standardvertragsklauseln)": the clauses without a module are kept as
                # the safeguard's text (which module applies cannot be guessed).
                mechanism = mechanism or from_cell
                mechanism_text = mechanism_text or rest.strip(" –-,;")
                if not from_cell:
                    result.notes.append(
                        Note(
                            Status.WARNING,
                            ref,
                            MSG["scc_no_module"](text=short(mechanism_text, 40)),
                        )
                    )
                rest = ""
        if rest:
            notes.append(f"{header}: {countries_cell}")
            result.notes.append(
                Note(Status.WARNING, ref, MSG["country_unknown"](text=short(rest, 40)))
            )
        for code in codes:
            act.transfers.append(
                m.Transfer(country=code, mechanism=mechanism, mechanism_text=mechanism_text)
            )
        if not codes and safeguards and not explicit_none:
            where = ref or f"{result.sheet}!{result.row}"
            # without a country cell, the safeguard may name its country ("US: SCCs Module 2")
            unread = (
                [safeguards]
                if countries_cell
                else add_named_transfers(act, safeguards, where, result.notes)
            )
            if unread:
                notes.append(f"{safeguards_header}: {safeguards}")
                text = short("; ".join(unread), 40)
                result.notes.append(
                    Note(Status.WARNING, where, MSG["safeguard_no_country"](text=text))
                )
        if (
            mechanism == "privacy-shield"
            or "privacy shield" in (safeguards + countries_cell).casefold()
        ):
            result.notes.append(Note(Status.WARNING, ref, MSG["privacy_shield"]()))

    def _processor(self, name: str, ref: str, result: RowResult) -> tuple[str, str | None]:
        """The processor's uid and, for a link by similar name, the name linked to."""
        return self._entry(
            name,
            ref,
            result,
            self.new_processors,
            self.processors,
            self.used_processors,
            m.Processor,
            "new_processor",
        )

    def _own_processor_parts(self, entry: str) -> tuple[str, str]:
        """Name and service of our export's "name – service" (a name may hold " – ")."""
        return split_known_service(entry, self.own_processor_names)

    def _own_recipient_name(self, written: str) -> str:
        """The recipient's name: our export writes "name (category)"; the bracket is cut
        off only when the recipients sheet has a recipient of that name and category
        ("Schufa Holding AG (Wiesbaden)" stays whole)."""
        if self.own is None:
            return written
        full = written.strip()
        if any(r.name.strip() == full for r in self.own.recipients):
            return full
        for r in self.own.recipients:
            if r.category and r.category != r.name and full == f"{r.name} ({r.category})":
                return r.name.strip()
        return full

    def _recipient(self, name: str, ref: str, result: RowResult) -> tuple[str, str | None]:
        """The recipient's uid and, for a link by similar name, the name linked to."""
        return self._entry(
            name,
            ref,
            result,
            self.new_recipients,
            self.recipients,
            self.used_recipients,
            m.Recipient,
            "new_recipient",
        )

    def _entry(
        self,
        name: str,
        ref: str,
        result: RowResult,
        new: dict[str, _Entry],
        matcher: NameMatcher[_Entry],
        used: dict[str, _Entry],
        make: type[_Entry],
        new_message: str,
    ) -> tuple[str, str | None]:
        """Reuse a catalogue entry of (nearly) that name, or create one once per import."""
        key = _norm(name)
        if key in new:
            return new[key].uid, None
        found, score = matcher.find(name)
        if found is not None:
            used[found.uid] = found
            if score < 100:
                result.notes.append(
                    Note(
                        Status.WARNING,
                        ref,
                        MSG["linked"](source=short(name, 50), target=found.name, score=score),
                    )
                )
                return found.uid, found.name
            return found.uid, None
        written = split_address(name)
        if written is not None and written.certain:
            # "Flexperto GmbH, Berlin": the address must not defeat matching "Flexperto GmbH".
            head_key = _norm(written.name)
            if head_key in new:
                return new[head_key].uid, new[head_key].name
            found, score = matcher.find(written.name)
            if found is not None:
                used[found.uid] = found
                result.notes.append(
                    Note(
                        Status.WARNING,
                        ref,
                        MSG["linked_address"](
                            source=short(name, 60), target=found.name, address=written.text
                        ),
                    )
                )
                return found.uid, found.name  # the caller keeps the text with the address
            entry = make(name=written.name)
            set_address(entry, written)
            key = head_key
            result.notes.append(
                Note(
                    Status.OK,
                    ref,
                    MSG["new_with_address"](
                        entry=MSG[new_message](name=short(written.name, 60)),
                        address=written.text,
                    ),
                )
            )
        else:
            entry = make(name=name)
            result.notes.append(Note(Status.OK, ref, MSG[new_message](name=short(name, 60))))
        new[key] = entry
        used[entry.uid] = entry
        matcher.add(entry)
        return entry.uid, None

    def _flag(self, act: m.Activity, result: RowResult) -> None:
        special = [c for c in act.data_categories if c.special == m.SpecialCategory.ART9]
        if not special or any(b.startswith("art9-") for p in act.purposes for b in p.legal_bases):
            return
        for c in special:
            result.notes.append(
                Note(
                    Status.WARNING,
                    f"{result.sheet}!{result.row}",
                    MSG["art9_no_condition"](name=short(c.name, 50)),
                )
            )


_RISKY_START = frozenset("=+-@＝＋－＠")
"""First characters of text a spreadsheet program could take for a formula (with leading
space: :func:`parsing.looks_like_formula` decides)."""
