"""Wizard templates: common processing cases as data, applied to create a whole activity.

Each file in ``resources/templates/`` (format: ``docs/template-format.md``, schema:
``schemas/template.schema.json``) asks questions and describes how the answers fill
one processing activity. :func:`build_draft` turns a template and answers into the
activity plus the processors and recipients it needs, reusing those already in the
database (never a second "Microsoft"); :func:`apply_template` writes that draft in
one transaction, recorded as one batch in the history. The wizard dialog and the
``template`` command both go through these functions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

from ropa_desktop.domain import model as m
from ropa_desktop.domain import provisions
from ropa_desktop.domain.i18n import LocalizedError, Text, language
from ropa_desktop.domain.resources import (
    MissingResourceError,
    resource,
    resources_dir,
    schemas_dir,
)
from ropa_desktop.domain.rules import Finding, check_activity
from ropa_desktop.domain.rules.services import check_service
from ropa_desktop.io.files import check_schema, read_json
from ropa_desktop.io.name_matching import NameMatcher, norm
from ropa_desktop.store.repository import Store, StoreError

TEMPLATES_DIR = resources_dir() / "templates"
SCHEMA_PATH = schemas_dir() / "template.schema.json"
MAX_TEMPLATE_BYTES = 1024 * 1024
KIND_KEY = "organisation_kind"
"""Answer key (``--set organisation_kind=…``) giving the kind of an organisation created."""
LAND_KEY = "land"
"""Answer key (``--set land=DE-BW``) giving the Land of an organisation created."""
PUBLIC_KEY = "public_body"
"""Answer key (``--set public_body=ja|nein``): whether an organisation created is a public
body under Land law (not given: as its legal form says)."""


class TemplateError(LocalizedError):
    """A template or an answer is not usable; nothing was written."""


MSG = {
    "bad_file": Text("{file}: {path}: {problem}", "{file}: {path}: {problem}"),
    "unknown": Text(
        "Eine Vorlage „{id}“ gibt es nicht (vorhanden: {ids}).",
        "There is no template “{id}” (available: {ids}).",
    ),
    "bad_pair": Text(
        "„{pair}“: bitte als SCHLÜSSEL=WERT angeben.", "“{pair}”: please give it as KEY=VALUE."
    ),
    "unknown_question": Text(
        "Die Vorlage „{template}“ hat keine Frage „{key}“ (Fragen: {keys}).",
        "Template “{template}” has no question “{key}” (questions: {keys}).",
    ),
    "bad_bool": Text(
        "{key}: „{value}“ ist weder ja noch nein.", "{key}: “{value}” is neither yes nor no."
    ),
    "bad_choice": Text(
        "{key}: „{value}“ ist keine der Möglichkeiten ({values}).",
        "{key}: “{value}” is not one of the choices ({values}).",
    ),
    "not_allowed": Text(
        "{key}: „{value}“ steht einer Stelle der Art „{kind}“ nicht offen (möglich: {values}).",
        "{key}: “{value}” is not open to a body of kind “{kind}” (possible: {values}).",
    ),
    "bad_kind": Text(
        "organisation_kind: „{value}“ ist unbekannt ({values}).",
        "organisation_kind: “{value}” is unknown ({values}).",
    ),
    "unknown_processor": Text(
        "Für „{name}“ wurde ein Auftragsverarbeiter gewählt, den es im Katalog nicht gibt ({uid}).",
        "The processor chosen for “{name}” is not in the catalogue ({uid}).",
    ),
}


@dataclass(frozen=True, slots=True)
class Choice:
    """One possible answer of a choice question."""

    value: str
    label: Text
    help: Text | None = None
    not_for: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    """A question of a template; ``page`` groups questions for the wizard.

    ``when`` (same syntax as on activity items) says when the question matters;
    the wizard hides it otherwise. Its answer is still completed from the default.
    """

    id: str
    type: str
    label: Text
    default: Any
    help: Text | None = None
    page: Text | None = None
    choices: tuple[Choice, ...] = ()
    when: str | None = None
    role: str | None = None
    """A provision role (:data:`provisions.ROLES`): an empty answer is filled with the
    provision of that role for the organisation's Land and kind, or left visibly open."""
    default_by_kind: Mapping[str, Any] = field(default_factory=dict, hash=False)
    """Defaults for organisations of a kind (``public_authority`` …), instead of ``default``."""
    default_by_land: Mapping[str, Any] = field(default_factory=dict, hash=False)
    """Defaults for organisations in a Land (``DE-BW`` …); before ``default_by_kind``."""

    def shown(self, answers: dict[str, Any]) -> bool:
        """Whether the question matters for these answers (its ``when`` holds)."""
        return holds(self.when, answers)

    def allowed(self, kind: m.OrganisationKind) -> list[Choice]:
        """The choices open to an organisation of this kind."""
        return [c for c in self.choices if kind.value not in c.not_for]

    def default_for(self, kind: m.OrganisationKind, land: str = "") -> Any:
        """The default answer for an organisation of this kind in this Land (see
        ``default_by_land`` and ``default_by_kind``), or the first allowed choice when the
        default is not open to the kind."""
        default = self.default_by_land.get(
            land.upper(), self.default_by_kind.get(kind.value, self.default)
        )
        if self.type != "choice":
            return default
        allowed = self.allowed(kind)
        if any(c.value == default for c in allowed):
            return default
        return allowed[0].value if allowed else default


@dataclass(frozen=True, slots=True)
class Template:
    """A common processing case: its questions and the activity the answers make."""

    id: str
    title: Text
    description: Text
    source: str
    questions: tuple[Question, ...]
    activity: dict[str, Any]
    path: Path
    service: dict[str, Any] | None = None
    """Art. 30(2): the processing service written instead of the activity when its
    ``when`` holds (the template's processor role)."""

    def question(self, key: str) -> Question | None:
        """The question with that id, or None."""
        return next((q for q in self.questions if q.id == key), None)


def _text(data: Any) -> Text:
    if isinstance(data, dict):
        return Text(data["de"], data["en"])
    return Text(str(data), str(data))


@cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def read_template(path: Path) -> Template:
    """Read and validate one template file; raises :class:`TemplateError`."""
    doc = read_json(path, max_bytes=MAX_TEMPLATE_BYTES, error=TemplateError)
    check_schema(doc, _schema(), file=str(path), error=TemplateError)
    questions = tuple(
        Question(
            id=q["id"],
            type=q["type"],
            label=_text(q["label"]),
            default=q["default"],
            help=_text(q["help"]) if "help" in q else None,
            page=_text(q["page"]) if "page" in q else None,
            choices=tuple(
                Choice(
                    c["value"],
                    _text(c["label"]),
                    _text(c["help"]) if "help" in c else None,
                    tuple(c.get("not_for", ())),
                )
                for c in q.get("choices", ())
            ),
            when=q.get("when"),
            role=q.get("role"),
            default_by_kind=MappingProxyType(dict(q.get("default_by_kind", {}))),
            default_by_land=MappingProxyType(dict(q.get("default_by_land", {}))),
        )
        for q in doc["questions"]
    )
    return Template(
        doc["id"],
        _text(doc["title"]),
        _text(doc["description"]),
        doc.get("source", ""),
        questions,
        doc["activity"],
        Path(path),
        doc.get("service"),
    )


@cache
def load_templates() -> tuple[Template, ...]:
    """Every template shipped with the application, sorted by id; raises
    :class:`~ropa_desktop.domain.resources.MissingResourceError` when none is there."""
    files = sorted(resource("templates").glob("*.json"))
    if not files:
        raise MissingResourceError("resources/templates/*.json", TEMPLATES_DIR)
    return tuple(sorted((read_template(p) for p in files), key=lambda t: t.id))


def find_template(template_id: str) -> Template:
    """The template with that id; raises :class:`TemplateError` naming the available ones."""
    for t in load_templates():
        if t.id == template_id:
            return t
    raise TemplateError(
        MSG["unknown"], id=template_id, ids=", ".join(t.id for t in load_templates())
    )


# --- answers ------------------------------------------------------------------------------

_TRUE = {"ja", "j", "yes", "y", "true", "1", "x", "wahr"}
_FALSE = {"nein", "n", "no", "false", "0", "falsch"}


def parse_answers(template: Template, pairs: list[str]) -> dict[str, Any]:
    """``KEY=VALUE`` strings (as ``--set`` gives them) as typed answers."""
    answers: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            raise TemplateError(MSG["bad_pair"], pair=pair)
        if key in (KIND_KEY, LAND_KEY):
            answers[key] = value
            continue
        if key == PUBLIC_KEY:
            if value.casefold() not in _TRUE | _FALSE:
                raise TemplateError(MSG["bad_bool"], key=key, value=value)
            answers[key] = value.casefold() in _TRUE
            continue
        question = template.question(key)
        if question is None:
            raise TemplateError(
                MSG["unknown_question"],
                template=template.id,
                key=key,
                keys=", ".join(q.id for q in template.questions),
            )
        if question.type == "boolean":
            if value.casefold() not in _TRUE | _FALSE:
                raise TemplateError(MSG["bad_bool"], key=key, value=value)
            answers[key] = value.casefold() in _TRUE
        else:
            answers[key] = value
    return answers


def organisation_kind(
    answers: dict[str, Any], existing: m.Organisation | None
) -> m.OrganisationKind:
    """The kind that decides the open choices: the existing organisation's, or the answer."""
    if existing is not None:
        return existing.kind
    value = answers.get(KIND_KEY, m.OrganisationKind.PUBLIC_AUTHORITY.value)
    try:
        return m.OrganisationKind(value)
    except ValueError:
        raise TemplateError(
            MSG["bad_kind"], value=value, values=", ".join(k.value for k in m.OrganisationKind)
        ) from None


def complete_answers(
    template: Template, answers: dict[str, Any], kind: m.OrganisationKind, land: str = ""
) -> dict[str, Any]:
    """All answers: the given ones checked, the missing ones from the defaults (for an
    organisation of ``kind`` in ``land``)."""
    result: dict[str, Any] = {}
    for q in template.questions:
        if q.id not in answers:
            result[q.id] = q.default_for(kind, land)
            continue
        value = answers[q.id]
        if q.type == "choice":
            values = [c.value for c in q.choices]
            if value not in values:
                raise TemplateError(
                    MSG["bad_choice"], key=q.id, value=value, values=", ".join(values)
                )
            allowed = [c.value for c in q.allowed(kind)]
            if value not in allowed:
                raise TemplateError(
                    MSG["not_allowed"],
                    key=q.id,
                    value=value,
                    kind=kind.value,
                    values=", ".join(allowed),
                )
        result[q.id] = value
    return result


# --- building the activity ---------------------------------------------------------------

_WHEN = re.compile(r"^(!?)([a-z][a-z0-9_]*)(?: (==|!=) (.+))?$")
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def holds(condition: str | None, answers: dict[str, Any]) -> bool:
    """Whether a ``when`` condition holds for the answers."""
    if not condition:
        return True
    match = _WHEN.match(condition.strip())
    if match is None:
        return False
    negate, key, op, value = match.groups()
    answer = answers.get(key)
    if op is None:
        truth = bool(answer) and answer not in ("", "none", "false")
        return not truth if negate else truth
    same = str(answer).casefold() == value.strip().casefold()
    return same if op == "==" else not same


@dataclass(frozen=True, slots=True)
class PlannedProcessor:
    """A processor the template names for the activity, and what applying does about it.

    ``name`` is the name in the template (answers filled in) and the key by which a
    caller pins another existing processor (``processors=`` of :func:`build_draft`);
    ``processor`` is the catalogue entry reused (``reused``) or the one to be created.
    ``pinned`` tells that the caller chose it.
    """

    name: str
    service: str
    processor: m.Processor
    reused: bool
    pinned: bool = False


@dataclass(slots=True)
class Draft:
    """What applying a template would write: the activity and the catalogue it needs."""

    template: Template
    answers: dict[str, Any]
    activity: m.Activity
    processors: list[m.Processor] = field(default_factory=list)
    recipients: list[m.Recipient] = field(default_factory=list)
    new_processors: list[str] = field(default_factory=list)
    reused_processors: list[str] = field(default_factory=list)
    plan: list[PlannedProcessor] = field(default_factory=list)
    """The template's (top-level) processors in order, each reused or new."""
    service: m.ProcessingService | None = None
    """Set when the answers make an entry of the processor register (Art. 30(2)) instead
    of a processing activity: applying writes this, not :attr:`activity`."""


class _Filler:
    def __init__(
        self,
        answers: dict[str, Any],
        lang: str,
        catalogue: m.Register,
        pinned: dict[str, str] | None = None,
    ) -> None:
        self.answers = answers
        self.pinned = {norm(k): v for k, v in (pinned or {}).items()}
        self.lang = lang
        self.catalogue = catalogue
        self.processors = NameMatcher(list(catalogue.processors))
        self.recipients = NameMatcher(list(catalogue.recipients))
        self.by_name: dict[str, m.Processor] = {}
        self.used: dict[str, m.Processor] = {}
        self.used_recipients: dict[str, m.Recipient] = {}
        self.new: list[str] = []
        self.reused: list[str] = []

    def text(self, data: Any) -> str:
        if data is None:
            return ""
        raw = (
            cast(str, data.get(self.lang, data.get("de", "")))
            if isinstance(data, dict)
            else str(data)
        )  # a {"de": …, "en": …} text of the (schema-checked) template

        def answer(match: re.Match[str]) -> str:
            value = self.answers.get(match.group(1), "")
            return "" if isinstance(value, bool) else str(value)

        return _PLACEHOLDER.sub(answer, raw).strip()

    def items(self, data: list[Any] | None) -> list[Any]:
        return [
            d for d in data or [] if not isinstance(d, dict) or holds(d.get("when"), self.answers)
        ]

    def strings(self, data: list[Any] | None) -> list[str]:
        out = []
        for item in self.items(data):
            value = self.text(
                item.get("text") if isinstance(item, dict) and "text" in item else item
            )
            if value:
                out.append(value)
        return out

    def processor(self, spec: dict[str, Any], parent: m.Processor | None = None) -> m.Processor:
        """The processor a spec names: an existing one if it matches, else a new one.

        Top-level processors match near-same names ("Microsoft" for "Microsoft Ireland
        Operations Limited"); subprocessors only exact names, so a group's US company is
        never taken for its European parent.
        """
        name = self.text(spec["name"])
        pin = self.pinned.get(norm(name)) if parent is None else None
        if pin is not None and pin != NEW_PROCESSOR:
            return self._pinned(name, pin)
        for candidate in [name, *spec.get("match", [])] if pin is None else []:
            if parent is None:
                found, _ = self.processors.find(candidate)
            else:
                found = self.processors.exact.get(norm(candidate))
                if found is not None and found.uid == parent.uid:
                    found = None
            if found is not None:
                self._keep(found)
                self.by_name[norm(name)] = found
                if found.name not in self.reused:
                    self.reused.append(found.name)
                return found
        proc = m.Processor(
            name=name,
            street=self.text(spec.get("street")),
            postcode=self.text(spec.get("postcode")),
            city=self.text(spec.get("city")),
            country=spec.get("country", ""),
            notes=self.text(spec.get("notes")),
        )
        self.processors.add(proc)
        self.by_name[norm(name)] = proc
        self.used[proc.uid] = proc
        self.new.append(name)
        for sub in self.items(spec.get("subprocessors")):
            if not self.text(sub["name"]):
                continue
            child = self.processor(sub, parent=proc)
            proc.subprocessors.append(m.SubprocessorLink(child.uid, self.text(sub.get("service"))))
        return proc

    def _pinned(self, name: str, uid: str) -> m.Processor:
        found = next((p for p in self.catalogue.processors if p.uid == uid), None)
        if found is None:
            raise TemplateError(MSG["unknown_processor"], name=name, uid=uid)
        self._keep(found)
        self.by_name[norm(name)] = found
        if found.name not in self.reused:
            self.reused.append(found.name)
        return found

    def _keep(self, proc: m.Processor) -> None:
        by_uid = {p.uid: p for p in self.catalogue.processors}
        todo = [proc]
        while todo:
            current = todo.pop()
            if current.uid not in self.used:
                self.used[current.uid] = current
                self.by_name.setdefault(norm(current.name), current)  # transfers name them
                todo += [
                    by_uid[s.processor] for s in current.subprocessors if s.processor in by_uid
                ]

    def recipient(self, spec: dict[str, Any]) -> str:
        name = self.text(spec["name"])
        found, _ = self.recipients.find(name)
        if found is None:
            found = m.Recipient(
                name=name,
                category=self.text(spec.get("category")),
                country=spec.get("country", ""),
                notes=self.text(spec.get("notes")),
            )
            self.recipients.add(found)
        self.used_recipients[found.uid] = found
        return found.uid


NEW_PROCESSOR = "new"
"""A processor pin that asks for a new processor even where an existing one matches (e.g. a
contract of the organisation's own with Microsoft Ireland beside an older one)."""


def build_draft(
    template: Template,
    answers: dict[str, Any],
    *,
    organisation: m.Organisation,
    catalogue: m.Register,
    lang: str | None = None,
    today: date | None = None,
    processors: dict[str, str] | None = None,
) -> Draft:
    """The activity the template makes from complete answers, with the catalogue it needs.

    ``processors`` pins choices: template processor name (as in :attr:`Draft.plan`) →
    uid of an existing catalogue processor to use instead of the one matched by name
    (or instead of creating one), or :data:`NEW_PROCESSOR` to create one although a name
    matches. Names not in the template are ignored.
    """
    lang = lang or language()
    today = today or date.today()
    answers = resolve_roles(template, answers, organisation, lang)
    spec = template.activity
    f = _Filler(answers, lang, catalogue, processors)
    known = {p.uid for p in catalogue.processors}
    plan: list[PlannedProcessor] = []
    act = m.Activity(
        reference=f.text(spec.get("reference")) or _next_reference(organisation),
        name=f.text(spec["name"]),
        description=f.text(spec.get("description")),
        department=f.text(spec.get("department")),
        status=m.ActivityStatus(spec.get("status", "draft")),
        next_review=today + timedelta(days=365),
        notes=f.text(spec.get("notes")),
        tom_description=f.text(spec.get("tom_description")),
    )
    for p in f.items(spec.get("purposes")):
        bases = [b for b in (f.text(x) for x in p.get("legal_bases", [])) if b]
        act.purposes.append(
            m.Purpose(
                text=f.text(p["text"]),
                legal_bases=list(dict.fromkeys(bases)),
                legitimate_interest=f.text(p.get("legitimate_interest")),
            )
        )
    act.data_subjects = f.strings(spec.get("data_subjects"))
    for c in f.items(spec.get("data_categories")):
        r = c.get("retention", {})
        act.data_categories.append(
            m.DataCategory(
                name=f.text(c["name"]),
                special=m.SpecialCategory(c.get("special", "none")),
                source=f.text(c.get("source")),
                notes=f.text(c.get("notes")),
                retention=m.Retention(
                    duration=r.get("duration"),
                    unit=m.RetentionUnit(r["unit"]) if r.get("unit") else None,
                    start=f.text(r.get("start")),
                    text=f.text(r.get("text")),
                ),
            )
        )
    act.internal_recipients = f.strings(spec.get("internal_recipients"))
    act.recipients = list(dict.fromkeys(f.recipient(r) for r in f.items(spec.get("recipients"))))
    for p in f.items(spec.get("processors")):
        if not f.text(p["name"]):  # e.g. the provider question left empty
            continue
        proc = f.processor(p)
        name = f.text(p["name"])
        plan.append(
            PlannedProcessor(
                name, f.text(p.get("service")), proc, proc.uid in known, norm(name) in f.pinned
            )
        )
        if all(link.processor != proc.uid for link in act.processors):
            act.processors.append(m.ProcessorLink(proc.uid, f.text(p.get("service"))))
    act.joint_controllers = [
        m.JointController(
            name=f.text(j["name"]),
            contact=f.text(j.get("contact")),
            arrangement=f.text(j.get("arrangement")),
        )
        for j in f.items(spec.get("joint_controllers"))
    ]
    for t in f.items(spec.get("transfers")):
        target = None
        if t.get("processor"):
            wanted = norm(f.text(t["processor"]))
            target = f.by_name.get(wanted) or f.processors.exact.get(wanted)
            if target is not None:
                f._keep(target)
        act.transfers.append(
            m.Transfer(
                country=t["country"],
                recipient=f.text(t.get("recipient")),
                processor=target.uid if target is not None else None,
                mechanism=f.text(t.get("mechanism")),
                mechanism_text=f.text(t.get("mechanism_text")),
                documentation=f.text(t.get("documentation")),
            )
        )
    dpia = spec.get("dpia", {})
    act.dpia = m.DpiaScreening(
        art35_3=list(dpia.get("art35_3", [])),
        wp248=list(dpia.get("wp248", [])),
        dsk_list=list(dpia.get("dsk_list", [])),
        result=m.DpiaResult(dpia.get("result", "not_assessed")),
        reference=f.text(dpia.get("reference")),
        notes=f.text(dpia.get("notes")),
        screened_on=today if dpia.get("result") else None,
    )
    service = _service(template, f, act)
    if service is not None:  # the processor's own register holds no activity for it
        return Draft(template, answers, act, [], [], [], [], [], service)
    return Draft(
        template,
        answers,
        act,
        list(f.used.values()),
        list(f.used_recipients.values()),
        f.new,
        f.reused,
        plan,
    )


def _service(template: Template, f: _Filler, act: m.Activity) -> m.ProcessingService | None:
    spec = template.service
    if spec is None or not holds(spec.get("when"), f.answers):
        return None
    return m.ProcessingService(
        reference=act.reference,
        name=f.text(spec["name"]),
        controllers=[
            m.ClientController(name=f.text(c["name"]), contact=f.text(c.get("contact")))
            for c in f.items(spec.get("controllers"))
            if f.text(c["name"])
        ],
        categories=f.strings(spec.get("categories")),
        tom_description=act.tom_description,
        notes=f.text(spec.get("notes")),
    )


def resolve_roles(
    template: Template, answers: dict[str, Any], organisation: m.Organisation, lang: str
) -> dict[str, Any]:
    """The answers with every empty role question filled for the organisation: the
    provision of its Land and kind, or the open placeholder ``check`` reports."""
    result = dict(answers)
    for q in template.questions:
        if q.role and not str(result.get(q.id) or "").strip():
            result[q.id] = provisions.citation_for_role(q.role, organisation, lang)
    return result


def check_draft(
    draft: Draft,
    organisation: m.Organisation,
    catalogue: m.Register,
    *,
    lang: str | None = None,
    today: date | None = None,
) -> list[Finding]:
    """The findings the activity (or processing service) would have once written (new
    catalogue entries included)."""
    if draft.service is not None:
        org = replace(organisation, services=[*organisation.services, draft.service])
        return check_service(draft.service, org, lang or language())
    known = {p.uid for p in catalogue.processors}
    known_recipients = {r.uid for r in catalogue.recipients}
    org = replace(organisation, activities=[*organisation.activities, draft.activity])
    register = m.Register(
        organisations=[org],
        processors=[*catalogue.processors, *(p for p in draft.processors if p.uid not in known)],
        recipients=[
            *catalogue.recipients,
            *(r for r in draft.recipients if r.uid not in known_recipients),
        ],
        toms=catalogue.toms,
    )
    return check_activity(draft.activity, org, register, lang=lang, today=today)


def _next_reference(org: m.Organisation) -> str:
    numbers = [
        int(match.group(1))
        for a in org.activities
        if (match := re.fullmatch(r"VT-(\d+)", a.reference.strip()))
    ]
    return f"VT-{max(numbers, default=0) + 1:03d}"


@dataclass(frozen=True, slots=True)
class Applied:
    """What applying a template wrote."""

    draft: Draft
    organisation: str
    organisation_created: bool
    batch: str


def prepare(
    store: Store,
    template_id: str,
    organisation: str,
    answers: dict[str, Any],
    *,
    lang: str | None = None,
    processors: dict[str, str] | None = None,
) -> tuple[Draft, m.Organisation, bool]:
    """The draft for an organisation (existing, or new with the answered kind).

    ``processors`` pins processor choices (see :func:`build_draft`).
    """
    template = find_template(template_id)
    wanted = " ".join(organisation.split())
    existing_names = {o.name.casefold(): o.name for o in store.organisations(include_archived=True)}
    if wanted.casefold() in existing_names:
        org = store.load_organisation(existing_names[wanted.casefold()])
        catalogue = store.catalogue(org.name)  # reuse within the organisation only
        created = False
    else:
        org = m.Organisation(
            name=wanted,
            kind=organisation_kind(answers, None),
            land=str(answers.get(LAND_KEY, "")).strip().upper(),
            public_body=answers.get(PUBLIC_KEY),
        )
        catalogue = m.Register()
        created = True
    complete = complete_answers(template, answers, org.kind, org.land)
    draft = build_draft(
        template, complete, organisation=org, catalogue=catalogue, lang=lang, processors=processors
    )
    return draft, org, created


def apply_template(
    store: Store,
    template_id: str,
    organisation: str,
    answers: dict[str, Any],
    *,
    lang: str | None = None,
    processors: dict[str, str] | None = None,
) -> Applied:
    """Create the template's activity for the organisation in one transaction.

    ``processors`` pins processor choices (see :func:`build_draft`).
    """
    draft, org, created = prepare(
        store, template_id, organisation, answers, lang=lang, processors=processors
    )
    target = m.Organisation(
        **{f: getattr(org, f) for f in org.__slots__ if f not in ("activities", "services")}
    )
    if draft.service is not None:
        target.services = [draft.service]
        target.is_processor = True
    else:
        target.activities = [draft.activity]
    register = m.Register(
        organisations=[target], processors=draft.processors, recipients=draft.recipients
    )
    try:
        result = store.import_register(register, kind="template", description=template_id)
    except StoreError as exc:
        raise TemplateError(
            MSG["bad_file"], file=template_id, path="$", problem=exc.message()
        ) from None
    return Applied(draft, org.name, created, result.batch)
