"""Turning mapped spreadsheet rows into processing activities (the heart of the import).

Each row becomes an :class:`~ropa_desktop.domain.model.Activity` and a
:class:`RowResult`. Cell text is cleaned and parsed (legal bases, countries,
retention rules, dates); processors and recipients are matched against the
catalogue (and against those this import creates), so "Microsoft Ireland
Operations Ltd." links to an existing "Microsoft" instead of making a second one.
Whatever fits no field goes into the activity's notes under its header.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from functools import lru_cache
from typing import Any

from ropa_desktop.domain import model as m
from ropa_desktop.domain import parsing
from ropa_desktop.domain import presentation as pres
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.importing.mapping import FormLayout
from ropa_desktop.io.importing.own_export import OwnExport
from ropa_desktop.io.importing.report import MSG, ImportReport, Note, RowResult, Status
from ropa_desktop.io.name_matching import NameMatcher
from ropa_desktop.io.name_matching import norm as _norm
from ropa_desktop.io.sheets.reader import Sheet


def row_count(sheet: Sheet, layout: Any) -> int:
    if isinstance(layout, FormLayout):
        return 1
    return max(0, len(sheet.rows) - layout.first_data_row)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def records(sheet: Sheet, layout: Any,
            report: ImportReport) -> Iterable[tuple[int, list[tuple[Any, Any, str]]]]:
    """(spreadsheet row number, [(mapping, value, cell ref)]) per record.

    A row without a name below a named row continues that record (old registers
    write one activity over several rows, or merge the name cell vertically); its
    cells are added to the record's. Single cells after the last row of the table
    are footnotes: reported, not imported as activities.
    """
    def ref(row: int, col: int) -> str:
        return f"{sheet.name}!{sheet.cell_ref(row, col)}"

    if isinstance(layout, FormLayout):
        yield from _form_record(sheet, layout, ref)
        return
    name_col = next((c.column for c in layout.columns if c.target == Target.NAME), None)
    known = {c.column for c in layout.columns}
    filled_rows = []
    for index in range(layout.first_data_row, len(sheet.rows)):
        filled = [(i, v) for i, v in enumerate(sheet.rows[index]) if not _is_blank(v)]
        if filled:
            filled_rows.append((index, filled))
    last_table_row = max((i for i, f in filled_rows if len(f) > 1), default=-1)
    current: tuple[int, list[tuple[Any, Any, str]]] | None = None
    for index, filled in filled_rows:
        if index > last_table_row and len(filled) == 1:
            col, value = filled[0]
            report.notes.append(Note(Status.WARNING, ref(index, col),
                                     MSG["trailing"](text=short(str(value), 500))))
            continue
        if index == layout.first_data_row and all(
                isinstance(v, str) and v.strip().startswith("(") for _, v in filled):
            continue  # an explanation row under the header, e.g. "(Art. 30 Abs. 1 lit. b)"
        row = sheet.rows[index]
        cells = [(c, row[c.column] if c.column < len(row) else None, ref(index, c.column))
                 for c in layout.columns]
        cells += [(None, v, ref(index, i)) for i, v in filled if i not in known]
        named = name_col is not None and name_col < len(row) and not _is_blank(row[name_col])
        if name_col is not None and not named and current is not None:
            current[1].extend(cells)  # a continuation row
            continue
        if current is not None:
            yield current
        current = (index + 1, cells)
    if current is not None:
        yield current


def _form_record(sheet: Sheet, layout: FormLayout,
                 ref: Any) -> Iterable[tuple[int, list[tuple[Any, Any, str]]]]:
    """The one record of a form sheet; rows without a label continue the field above."""
    by_row = {}
    for f in layout.fields:
        by_row.setdefault(f.row, []).append(f)
    cells: list[tuple[Any, Any, str]] = []
    first = min(by_row) if by_row else 0
    previous: Any = None
    for index in range(first, len(sheet.rows)):
        row = sheet.rows[index]
        fields = by_row.get(index)
        if fields:
            used = {f.value_column for f in fields} | {layout.label_column}
            for f in fields:
                value = row[f.value_column] if f.value_column < len(row) else None
                cells.append((f, value, ref(index, f.value_column)))
            for col, value in enumerate(row):  # other cells of a form row, e.g. ticks
                if col not in used and col > layout.label_column and not _is_blank(value):
                    cells.append((_Extra(fields[0].label), value, ref(index, col)))
            previous = fields[-1]
            continue
        for col, value in enumerate(row):  # no label: the field above goes on
            if col > layout.label_column and not _is_blank(value) and previous is not None:
                cells.append((previous, value, ref(index, col)))
            elif not _is_blank(value):
                cells.append((None, value, ref(index, col)))
    yield first + 1, cells


@dataclass(frozen=True, slots=True)
class _Extra:
    """A cell with no field of its own, kept in the notes under its row's label."""

    header: str
    target: None = None


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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

    def __init__(self, org: m.Organisation, catalogue: m.Register, on_duplicate: str,
                 report: ImportReport, own: OwnExport | None = None) -> None:
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
                        r for r in [*self.catalogue.recipients, *self.new_recipients.values()]
                        if r.uid == uid)
            for uid in act.toms:
                self.used_toms.setdefault(uid, self.all_toms[uid])
        return m.Register(organisations=[org], processors=list(self.used_processors.values()),
                          recipients=list(self.used_recipients.values()),
                          toms=list(self.used_toms.values()))

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

    def add(self, sheet: Sheet, layout: Any, row_no: int,
            cells: list[tuple[Any, Any, str]]) -> None:
        result = RowResult(sheet=sheet.name, row=row_no, activity="")
        where_row = f"{sheet.name}!{row_no}"
        values: dict[Target, tuple[str, str, str]] = {}  # target -> (text, cell ref, header)
        raw_values: dict[Target, Any] = {}
        notes_lines: list[str] = []
        for mapping, raw, ref in cells:
            if _is_blank(raw):
                continue
            text = _text(raw)
            cleaned, changed = _clean(text)
            if changed:
                result.notes.append(Note(Status.WARNING, ref, MSG["control"]()))
            text = cleaned
            if parsing.looks_like_formula(text):
                result.notes.append(Note(Status.WARNING, ref,
                                         MSG["formula"](char=text.lstrip()[0])))
            header = _header_of(mapping)
            target = _target_of(mapping)
            if target is None:  # kept in the notes; the report names the column once
                notes_lines.append(f"{header or ref}: {text}")
                continue
            if target == Target.IGNORE:
                continue
            if target in values:  # the same target twice (e.g. two form rows): keep both
                previous = values[target]
                values[target] = (previous[0] + "\n" + text, previous[1], previous[2])
            else:
                values[target] = (text, ref, header)
                raw_values[target] = raw
        org_cell = values.pop(Target.ORGANISATION, None)
        if org_cell is not None and _norm(org_cell[0]) != _norm(self.org.name):
            notes_lines.append(f"{org_cell[2] or org_cell[1]}: {org_cell[0]}")
        name = values.get(Target.NAME, ("", "", ""))[0].strip()
        if not name and not _maps(layout, Target.NAME):
            name = _name_from_purpose(values)  # e.g. the ICO template has no name column
            if name:
                result.notes.append(Note(Status.OK, where_row, MSG["name_from_purpose"](
                    name=short(name, 60))))
        if not name:
            if not values and not notes_lines:
                return
            result.notes.append(Note(Status.ERROR, where_row, MSG["no_name"]()))
            result.outcome = ""
            self.report.rows.append(result)
            return
        result.activity = name
        key = _norm(name)
        uid = values.get(Target.UID, ("", "", ""))[0].strip()
        structured = set()
        if self.own is not None and uid:
            structured = {part for part, data in (("categories", self.own.categories),
                                                  ("transfers", self.own.transfers))
                          if uid in data}
        act = m.Activity(name=name)
        self._fill(act, values, notes_lines, result, structured)
        for target, attr in ((Target.CREATED, "created"), (Target.CHANGED, "changed")):
            raw = raw_values.get(target)
            if isinstance(raw, datetime):  # a real timestamp cell keeps its time of day
                setattr(act, attr, raw.replace(tzinfo=UTC) if raw.tzinfo is None
                        else raw.astimezone(UTC))
        if self.own is not None and uid:
            if uid in self.own.categories:
                act.data_categories = [replace(c, retention=replace(c.retention))
                                       for c in self.own.categories[uid]]
            if uid in self.own.transfers:
                act.transfers = [replace(t) for t in self.own.transfers[uid]]
        if notes_lines:
            act.notes = "\n".join(filter(None, [act.notes, *notes_lines]))
        self._flag(act, result)
        if key in self.seen and self.on_duplicate != "new":
            # The same activity again in this file (a list sheet and a record sheet, say):
            # its cells complete the one activity instead of making a second.
            position, first_row = self.seen[key]
            self.activities[position] = _merge(self.activities[position], act, values)
            result.outcome = "merged"
            result.notes.append(Note(Status.WARNING, where_row, MSG["duplicate_in_file"](
                name=short(name, 60), first=first_row)))
            self.report.rows.append(result)
            return
        existing = self.existing_uid.get(uid) or self.existing.get(key)
        if existing is not None and self.on_duplicate != "new":
            if self.on_duplicate == "skip":
                result.outcome = "skip"
                result.notes.append(Note(Status.OK, where_row,
                                         MSG["duplicate_skip"](name=short(name, 60))))
                self.report.rows.append(result)
                return
            merged = _merge(existing, act, values)
            result.outcome = "update"
            result.notes.append(Note(Status.OK, where_row,
                                     MSG["duplicate_update"](name=short(name, 60))))
            self.seen.setdefault(key, (len(self.activities), row_no))
            self.activities.append(merged)
        else:
            if uid and uid not in self.existing_uid and not self._uid_taken(uid):
                act.uid = uid  # keep the identity of a record that comes back from our export
            result.outcome = "new"
            self.seen.setdefault(key, (len(self.activities), row_no))
            self.activities.append(act)
        self.report.rows.append(result)

    def _list(self, cell: str) -> list[str]:
        """The values of a list cell: one per line in our own export (whose values may hold
        ";"), else as :func:`parsing.split_values` finds them."""
        if self.own is not None:
            return [line.strip() for line in cell.splitlines() if line.strip()]
        return list(_split(cell))

    def _values(self, cell: str) -> list[str]:
        """As :meth:`_list`, without placeholders such as "—" or "keine"."""
        return [v for v in self._list(cell) if v.strip().casefold() not in _NONE_WORDS]

    def _uid_taken(self, uid: str) -> bool:
        return any(a.uid == uid for a in self.activities)

    def _fill(self, act: m.Activity, values: dict[Target, tuple[str, str, str]],
              notes: list[str], result: RowResult, structured: set[str]) -> None:
        def get(target: Target) -> str:
            return values.get(target, ("", "", ""))[0].strip()

        def ref(target: Target) -> str:
            return values.get(target, ("", "", ""))[1]

        def header(target: Target) -> str:
            return values.get(target, ("", "", ""))[2] or str(target)

        act.reference = get(Target.REFERENCE)
        act.department = get(Target.DEPARTMENT)
        act.contact = m.Contact(name=get(Target.CONTACT), phone=get(Target.CONTACT_PHONE),
                                email=get(Target.CONTACT_EMAIL))
        act.description = get(Target.DESCRIPTION)
        self._toms(act, get(Target.TOMS), get(Target.TOM_DESCRIPTION))
        act.notes = get(Target.NOTES)
        # purposes and legal bases: lines "n. …" belong to purpose n (our export writes
        # them so); otherwise every legal basis applies to every purpose, with a warning.
        purposes_cell = get(Target.PURPOSES)
        numbered_purposes = _numbered(purposes_cell)
        purposes = (list(numbered_purposes.values()) if numbered_purposes
                    else [_unnumber(p) for p in self._list(purposes_cell)])
        own_bases: list[list[str]] = [[] for _ in purposes]
        combined = get(Target.PURPOSE_AND_LEGAL_BASIS)
        if combined:
            numbered_combined = _numbered(combined)
            pieces = list(numbered_combined.values()) if numbered_combined else [combined]
            for piece in pieces:
                parsed = _bases(piece)
                purposes.append(parsed.rest)
                own_bases.append(parsed.ids + parsed.provisions)
        bases_cell = get(Target.LEGAL_BASES)
        numbered_bases = _numbered(bases_cell) if numbered_purposes else None
        shared: list[str] = []
        if bases_cell:
            lines = (list(numbered_bases.values()) if numbered_bases
                     else [line for line in bases_cell.splitlines() if line.strip()])
            parsed_lines = [_bases(line) for line in lines]
            leftovers = [x.rest for x in parsed_lines if x.rest]
            if leftovers:
                notes.append(f"{header(Target.LEGAL_BASES)}: {bases_cell}")
                result.notes.append(Note(Status.WARNING, ref(Target.LEGAL_BASES), MSG[
                    "leftover"](text=short("; ".join(leftovers), 60))))
            if numbered_bases:
                for number, parsed in zip(numbered_bases, parsed_lines, strict=True):
                    if 1 <= number <= len(own_bases):
                        own_bases[number - 1] += parsed.ids + parsed.provisions
            else:
                shared = [b for x in parsed_lines for b in x.ids + x.provisions]
        art9 = (parsing.parse_legal_bases(get(Target.ART9_CONDITION), article="9")
                if get(Target.ART9_CONDITION) else None)
        if art9 is not None:
            shared += art9.ids + art9.provisions
            if art9.rest:
                notes.append(f"{header(Target.ART9_CONDITION)}: {get(Target.ART9_CONDITION)}")
        if not purposes and (shared or get(Target.LEGITIMATE_INTEREST)):
            purposes, own_bases = [""], [[]]  # an unnamed purpose keeps them
        act.purposes = [m.Purpose(text=text, legal_bases=_unique(own + shared))
                        for text, own in zip(purposes, own_bases, strict=True)]
        if shared and len(act.purposes) > 1:
            result.notes.append(Note(Status.WARNING, ref(Target.LEGAL_BASES) or ref(
                Target.ART9_CONDITION), MSG["bases_unpaired"](n=len(act.purposes))))
        interest = get(Target.LEGITIMATE_INTEREST)
        numbered_interest = _numbered(interest) if numbered_purposes else None
        if interest and act.purposes and numbered_interest:
            for number, line in numbered_interest.items():
                if 1 <= number <= len(act.purposes):
                    act.purposes[number - 1].legitimate_interest = line
        elif interest and act.purposes:
            chosen = [x for x in act.purposes if "art6-1-f" in x.legal_bases] or [
                act.purposes[0]]
            for purpose in chosen:
                purpose.legitimate_interest = interest
        # people and data
        act.data_subjects = list(self._list(get(Target.DATA_SUBJECTS)))
        categories = [_category(name) for name in self._list(get(Target.DATA_CATEGORIES))]
        special = get(Target.SPECIAL_CATEGORIES)
        if special:
            answer = parsing.parse_yes_no(special)
            if answer is None:
                for name in _split(special):
                    categories.append(m.DataCategory(
                        name=name, special=_special_of(name)
                        if _special_of(name) != m.SpecialCategory.NONE
                        else m.SpecialCategory.ART9))
            elif answer and not any(c.special == m.SpecialCategory.ART9 for c in categories):
                notes.append(f"{header(Target.SPECIAL_CATEGORIES)}: {special}")
                result.notes.append(Note(Status.WARNING, ref(Target.SPECIAL_CATEGORIES),
                                         MSG["special_unspecified"]()))
        source = get(Target.DATA_SOURCE)
        if source:
            if categories:
                for c in categories:
                    c.source = source
            else:
                notes.append(f"{header(Target.DATA_SOURCE)}: {source}")
        if "categories" not in structured:  # else our export's own sheet gives them exactly
            self._retention(categories, get(Target.RETENTION), ref(Target.RETENTION),
                            header(Target.RETENTION), notes, result)
        act.data_categories = categories
        # recipients, processors, transfers
        act.internal_recipients = self._values(get(Target.INTERNAL_RECIPIENTS))
        for name in self._values(get(Target.RECIPIENTS)):
            # Our export writes "name (category)"; elsewhere a bracket belongs to the name.
            written = _strip_detail(name) if self.own is not None else name
            uid, linked_to = self._recipient(written, ref(Target.RECIPIENTS), result)
            act.recipients.append(uid)
            if linked_to is not None:
                notes.append(f"{header(Target.RECIPIENTS)}: {name}")
        act.recipients = _unique(act.recipients)
        for entry in self._values(get(Target.PROCESSORS)):
            name, service = _split_service(entry)
            uid, linked_to = self._processor(name, ref(Target.PROCESSORS), result)
            if linked_to is not None:  # the name as written is kept beside the link
                notes.append(f"{header(Target.PROCESSORS)}: {entry}")
            if all(link.processor != uid for link in act.processors):
                act.processors.append(m.ProcessorLink(uid, service))
        act.joint_controllers = [m.JointController(name=j) for j in self._values(
            get(Target.JOINT_CONTROLLERS))]
        if "transfers" not in structured:
            self._transfers(act, get(Target.THIRD_COUNTRIES), get(Target.TRANSFER_SAFEGUARDS),
                            ref(Target.THIRD_COUNTRIES), header(Target.THIRD_COUNTRIES),
                            header(Target.TRANSFER_SAFEGUARDS), notes, result)
        # dates, status, DPIA
        for target, attr, timestamp in ((Target.CREATED, "created", True),
                                        (Target.CHANGED, "changed", True),
                                        (Target.LAST_REVIEWED, "last_reviewed", False),
                                        (Target.NEXT_REVIEW, "next_review", False)):
            text = get(target)
            if not text:
                continue
            day = parsing.parse_date(text)
            if day is None:
                notes.append(f"{header(target)}: {text}")
                result.notes.append(Note(Status.WARNING, ref(target),
                                         MSG["bad_date"](text=short(text, 40))))
            else:
                setattr(act, attr, datetime.combine(day, time(), UTC) if timestamp else day)
        status = get(Target.STATUS)
        if status:
            parsed_status = parsing.parse_status(status)
            if parsed_status is None:
                notes.append(f"{header(Target.STATUS)}: {status}")
                result.notes.append(Note(Status.WARNING, ref(Target.STATUS),
                                         MSG["bad_status"](text=short(status, 40))))
            else:
                act.status = parsed_status
        dpia = get(Target.DPIA)
        if dpia:
            act.dpia.result = _dpia_result(dpia) or m.DpiaResult.NOT_ASSESSED
            if _dpia_result(dpia) is None or len(dpia) > 40:
                act.dpia.notes = dpia

    def _toms(self, act: m.Activity, toms: str, description: str) -> None:
        lines = [_unnumber(x) for x in toms.splitlines() if x.strip()]
        if lines and all(_norm(x) in self.toms for x in lines):  # titles of catalogue entries
            act.toms = _unique([self.toms[_norm(x)].uid for x in lines])
            act.tom_description = description
        else:
            act.tom_description = "\n\n".join(x for x in (toms, description) if x)

    def _retention(self, categories: list[m.DataCategory], cell: str, ref: str, header: str,
                   notes: list[str], result: RowResult) -> None:
        if not cell:
            return
        lines = [line.strip() for line in cell.splitlines() if line.strip()]
        by_name = {_norm(c.name): c for c in categories}
        pending = []
        for line in lines:  # "Kategorie: Frist" as our own export writes it
            name, sep, rule = line.partition(":")
            if sep and _norm(name) in by_name:
                by_name[_norm(name)].retention = replace(_retention_rule(rule.strip()))
            else:
                pending.append(line)
        if not pending:
            return
        # Unlabelled lines are one rule for every category: pairing them by count would
        # put "(gem. § 147 AO)" on the second category of "5 Jahre\n(gem. § 147 AO)".
        rule = replace(_retention_rule("\n".join(pending)))
        if not categories:
            notes.append(f"{header}: {cell}")
            result.notes.append(Note(Status.WARNING, ref, MSG["retention_unpaired"]()))
            return
        for c in categories:
            if c.retention.is_empty():
                c.retention = replace(rule)
        if rule.duration is None and rule.text:
            result.notes.append(Note(Status.OK, ref, MSG["retention_text"](
                text=short(rule.text, 50))))

    def _transfers(self, act: m.Activity, countries_cell: str, safeguards: str, ref: str,
                   header: str, safeguards_header: str, notes: list[str],
                   result: RowResult) -> None:
        if not countries_cell and not safeguards:
            return
        codes, explicit_none, rest = _countries(countries_cell)
        mechanism, mechanism_text = (parsing.parse_mechanism(safeguards) if safeguards
                                     else ("", ""))
        if rest and not explicit_none:
            # A safeguard written into the country cell ("USA – Privacy Shield"):
            from_cell, _ = parsing.parse_mechanism(rest)
            if from_cell:
                mechanism = mechanism or from_cell
                mechanism_text = mechanism_text or rest.strip(" –-,;")
                rest = ""
        if rest:
            notes.append(f"{header}: {countries_cell}")
            result.notes.append(Note(Status.WARNING, ref, MSG["country_unknown"](
                text=short(rest, 40))))
        for code in codes:
            act.transfers.append(m.Transfer(country=code, mechanism=mechanism,
                                            mechanism_text=mechanism_text))
        if not codes and safeguards and not explicit_none:
            notes.append(f"{safeguards_header}: {safeguards}")
        if mechanism == "privacy-shield" or "privacy shield" in (
                safeguards + countries_cell).casefold():
            result.notes.append(Note(Status.WARNING, ref, MSG["privacy_shield"]()))

    def _processor(self, name: str, ref: str, result: RowResult) -> tuple[str, str | None]:
        """The processor's uid and, for a link by similar name, the name linked to."""
        return self._entry(name, ref, result, self.new_processors, self.processors,
                           self.used_processors, m.Processor, "new_processor")

    def _recipient(self, name: str, ref: str, result: RowResult) -> tuple[str, str | None]:
        """The recipient's uid and, for a link by similar name, the name linked to."""
        return self._entry(name, ref, result, self.new_recipients, self.recipients,
                           self.used_recipients, m.Recipient, "new_recipient")

    def _entry(self, name: str, ref: str, result: RowResult, new: dict[str, Any],
               matcher: NameMatcher, used: dict[str, Any], make: type,
               new_message: str) -> tuple[str, str | None]:
        """Reuse a catalogue entry of (nearly) that name, or create one once per import."""
        key = _norm(name)
        if key in new:
            return new[key].uid, None
        found, score = matcher.find(name)
        if found is not None:
            used[found.uid] = found
            if score < 100:
                result.notes.append(Note(Status.WARNING, ref, MSG["linked"](
                    source=short(name, 50), target=found.name, score=score)))
                return found.uid, found.name
            return found.uid, None
        entry = make(name=name)
        new[key] = entry
        used[entry.uid] = entry
        matcher.add(entry)
        result.notes.append(Note(Status.OK, ref, MSG[new_message](name=short(name, 60))))
        return entry.uid, None

    def _flag(self, act: m.Activity, result: RowResult) -> None:
        has_art9 = any(b.startswith("art9-") for p in act.purposes for b in p.legal_bases)
        for c in act.data_categories:
            if c.special == m.SpecialCategory.ART9 and not has_art9:
                result.notes.append(Note(Status.WARNING, f"{result.sheet}!{result.row}",
                                         MSG["art9_no_condition"](name=short(c.name, 50))))


_NONE_WORDS = frozenset({"-", "–", "—", "/", "keine", "kein", "keiner", "none", "n/a", "na",
                         "entfällt", "nicht zutreffend", "not applicable", "nein", "no"})


def _maps(layout: Any, target: Target) -> bool:
    """Whether any column (or form field) of the layout is mapped to ``target``."""
    items = getattr(layout, "columns", None) or getattr(layout, "fields", [])
    return any(getattr(item, "target", None) == target for item in items)


def _name_from_purpose(values: dict[Target, tuple[str, str, str]]) -> str:
    """A name for a row of a layout without a name column: its first purpose."""
    for target in (Target.PURPOSES, Target.PURPOSE_AND_LEGAL_BASIS):
        text = values.get(target, ("", "", ""))[0]
        if text.strip():
            if target == Target.PURPOSE_AND_LEGAL_BASIS:
                text = _bases(text).rest or text
            first = _unnumber(_split(text)[0]) if _split(text) else text.strip()
            return first if len(first) <= 200 else first[:199] + "…"
    return ""


def _header_of(mapping: Any) -> str:
    if mapping is None:
        return ""
    return getattr(mapping, "header", None) or getattr(mapping, "label", "") or ""


def _target_of(mapping: Any) -> Target | None:
    return None if mapping is None else mapping.target


_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+")


# Registers repeat the same cells row after row (categories, recipients, legal bases), so
# the pure parsers are memoised for the length of the process.
@lru_cache(maxsize=65536)
def _split(cell: str) -> tuple[str, ...]:
    return tuple(parsing.split_values(cell))


@lru_cache(maxsize=65536)
def _special_of(name: str) -> m.SpecialCategory:
    return parsing.parse_special_category(name)


@lru_cache(maxsize=16384)
def _bases(text: str) -> parsing.LegalBasisParse:
    return parsing.parse_legal_bases(text)


@lru_cache(maxsize=16384)
def _countries(text: str) -> tuple[list[str], bool, str]:
    return parsing.parse_countries(text)


@lru_cache(maxsize=16384)
def _retention_rule(text: str) -> m.Retention:
    return parsing.parse_retention(text)


@lru_cache(maxsize=65536)
def _clean(text: str) -> tuple[str, bool]:
    return parsing.clean_text(text)


def _unnumber(line: str) -> str:
    return _NUMBERED.sub("", line).strip()


def _numbered(cell: str) -> dict[int, str] | None:
    """Lines of the form "n. text" by number, or None when the cell is not numbered so."""
    lines = [line for line in cell.splitlines() if line.strip()]
    found: dict[int, str] = {}
    for line in lines:
        match = re.match(r"^\s*(\d{1,3})\.\s+(.*)$", line)
        if match is None:
            return None
        found[int(match.group(1))] = match.group(2).strip()
    return found or None


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    return [x for x in items if not (x in seen or seen.add(x))]


_SPECIAL_SUFFIX = re.compile(
    r"\s+[–-]\s+(besondere Kategorie \(Art\. 9 DSGVO\)|special category \(Art\. 9 GDPR\)|"
    r"Straftaten \(Art\. 10 DSGVO\)|criminal offences \(Art\. 10 GDPR\))\s*$")


def _category(name: str) -> m.DataCategory:
    match = _SPECIAL_SUFFIX.search(name)
    if match:  # our own export marks special categories after the name
        marker = match.group(1)
        special = m.SpecialCategory.ART10 if "10" in marker else m.SpecialCategory.ART9
        return m.DataCategory(name=name[: match.start()].strip(), special=special)
    return m.DataCategory(name=name, special=_special_of(name))


def _split_service(entry: str) -> tuple[str, str]:
    """"Flexperto GmbH – Online-Beratung" → name and service (our export's form)."""
    name, sep, service = entry.partition(" – ")
    return (name.strip(), service.strip()) if sep else (entry.strip(), "")


def _strip_detail(name: str) -> str:
    """"Finanzamt (Behörde)" → "Finanzamt": our export adds the category in brackets."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", name).strip() or name.strip()


_DPIA_WORDS = {
    "nicht geprüft": m.DpiaResult.NOT_ASSESSED, "not assessed": m.DpiaResult.NOT_ASSESSED,
    "nicht erforderlich": m.DpiaResult.NOT_REQUIRED, "not required": m.DpiaResult.NOT_REQUIRED,
    "erforderlich": m.DpiaResult.REQUIRED, "required": m.DpiaResult.REQUIRED,
    "durchgeführt": m.DpiaResult.DONE, "carried out": m.DpiaResult.DONE,
    "done": m.DpiaResult.DONE,
}


def _dpia_result(text: str) -> m.DpiaResult | None:
    word = text.strip().casefold()
    if word in _DPIA_WORDS:
        return _DPIA_WORDS[word]
    answer = parsing.parse_yes_no(text)
    if answer is None:
        return None
    return m.DpiaResult.REQUIRED if answer else m.DpiaResult.NOT_REQUIRED


def _merge(existing: m.Activity, incoming: m.Activity,
           values: dict[Target, tuple[str, str, str]]) -> m.Activity:
    """``existing`` completed by a row: what the row fills replaces or adds, the rest stays.

    Lists of links (recipients, processors, TOMs) and legal bases are added to, never
    thinned out; retention, source or special categories given without categories
    apply to the existing ones; notes gain only lines they do not have yet.
    """
    targets = set(values)
    merged = copy.deepcopy(existing)
    simple = {Target.REFERENCE: "reference", Target.DEPARTMENT: "department",
              Target.DESCRIPTION: "description", Target.STATUS: "status",
              Target.CREATED: "created", Target.CHANGED: "changed",
              Target.LAST_REVIEWED: "last_reviewed", Target.NEXT_REVIEW: "next_review",
              Target.DATA_SUBJECTS: "data_subjects",
              Target.INTERNAL_RECIPIENTS: "internal_recipients",
              Target.JOINT_CONTROLLERS: "joint_controllers", Target.DPIA: "dpia"}
    for target, attr in simple.items():
        if target in targets:
            setattr(merged, attr, copy.deepcopy(getattr(incoming, attr)))
    for target, attr in ((Target.CONTACT, "name"), (Target.CONTACT_PHONE, "phone"),
                         (Target.CONTACT_EMAIL, "email")):
        if target in targets:
            setattr(merged.contact, attr, getattr(incoming.contact, attr))
    if targets & {Target.PURPOSES, Target.PURPOSE_AND_LEGAL_BASIS}:
        merged.purposes = copy.deepcopy(incoming.purposes)
    elif targets & {Target.LEGAL_BASES, Target.ART9_CONDITION, Target.LEGITIMATE_INTEREST}:
        if not merged.purposes:
            merged.purposes = copy.deepcopy(incoming.purposes)
        else:
            bases = _unique([b for p in incoming.purposes for b in p.legal_bases])
            interest = next((p.legitimate_interest for p in incoming.purposes
                             if p.legitimate_interest), "")
            for purpose in merged.purposes:
                purpose.legal_bases = _unique(purpose.legal_bases + bases)
            if interest:
                chosen = [p for p in merged.purposes if "art6-1-f" in p.legal_bases] or [
                    merged.purposes[0]]
                for purpose in chosen:
                    purpose.legitimate_interest = interest
    if Target.DATA_CATEGORIES in targets:
        before = {_norm(c.name): c for c in merged.data_categories}
        categories = copy.deepcopy(incoming.data_categories)
        for c in categories:
            old = before.get(_norm(c.name))
            if old is None:
                continue
            if c.retention.is_empty():
                c.retention = copy.deepcopy(old.retention)
            c.source = c.source or old.source
            if c.special == m.SpecialCategory.NONE:
                c.special = old.special
        merged.data_categories = categories
    else:
        names = {_norm(c.name) for c in merged.data_categories}
        merged.data_categories += [copy.deepcopy(c) for c in incoming.data_categories
                                   if _norm(c.name) not in names]
        if Target.RETENTION in targets and merged.data_categories:
            rule = _retention_rule(values[Target.RETENTION][0].strip())
            for c in merged.data_categories:
                c.retention = replace(rule)
            header = values[Target.RETENTION][2] or str(Target.RETENTION)
            incoming.notes = "\n".join(
                line for line in incoming.notes.splitlines()
                if line != f"{header}: {values[Target.RETENTION][0]}")
        if Target.DATA_SOURCE in targets:
            for c in merged.data_categories:
                c.source = values[Target.DATA_SOURCE][0].strip()
    merged.recipients = _unique(merged.recipients + incoming.recipients)
    known = {link.processor for link in merged.processors}
    merged.processors += [link for link in incoming.processors if link.processor not in known]
    if Target.THIRD_COUNTRIES in targets:
        merged.transfers = copy.deepcopy(incoming.transfers)
    merged.toms = _unique(merged.toms + incoming.toms)
    if incoming.tom_description and targets & {Target.TOMS, Target.TOM_DESCRIPTION}:
        merged.tom_description = incoming.tom_description
    have = set(merged.notes.splitlines())
    extra = [line for line in incoming.notes.splitlines() if line and line not in have]
    merged.notes = "\n".join(x for x in (merged.notes, *extra) if x)
    return merged
