"""The form half of the activity editor: its groups, fields, list rows and choices.

:class:`ActivityForm` is a base of :class:`~ropa_desktop.ui.editor.activity_editor.
ActivityEditor`; it lays out every Art. 30(1) item in the groups of the DSK model
template and supplies the fields' choices from the session's catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import codec, dpia_lists, vocab
from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.i18n import language
from ropa_desktop.ui.catalogue import dialogs as catalogue_dialogs
from ropa_desktop.ui.editor.choice_fields import (
    CheckListField,
    ChoiceListField,
    ComboField,
    NullableComboField,
    TomTreeField,
)
from ropa_desktop.ui.editor.choices import (
    country_choices,
    item_label,
    legal_basis_choices,
    mechanism_choices,
    next_reference,
    recipient_text,
    terms,
)
from ropa_desktop.ui.editor.fields import (
    Choices,
    DateField,
    EnumField,
    Field,
    LineField,
    OptionalEnumField,
    ReadOnlyField,
    SpinField,
    TextField,
)
from ropa_desktop.ui.editor.lists import RowListField, RowSpec
from ropa_desktop.ui.editor.statement_field import StatementField
from ropa_desktop.ui.session import Session

NAME = "activityEditor"
"""Prefix of the object names of the editor's widgets (``activityEditor.name`` …)."""

if TYPE_CHECKING:
    _EditorWidget = QWidget  # the editor this form is a base of; its tr() and parent role
else:
    _EditorWidget = object


class ActivityForm(_EditorWidget):
    """Builds the editor's form and answers its fields' choices (a base of the editor).

    It fills :attr:`fields` (path -> field) and the groups, and connects every
    field's edits to the editor's ``_edited``.
    """

    session: Session
    form: QWidget
    fields: dict[str, Field]
    _fields: list[Field]
    _messages: dict[Field, QLabel]
    _groups: dict[str, QGroupBox]
    _suggest: dict[str, list[str]]
    _stale: bool
    _dpia_note: QLabel

    _edited: Callable[[Field, str, bool], None]
    """The editor's slot for an edit of a field (path, typing)."""

    def _group(self, parent: QVBoxLayout, key: str, title: str) -> QFormLayout:
        box = QGroupBox(title, self.form)
        box.setObjectName(f"{NAME}.group.{key}")
        parent.addWidget(box)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._groups[key] = box
        return form

    def _add_line(self, form: QFormLayout, label: str, fields: list[Field]) -> None:
        """Several short fields side by side in one row (postcode, city …)."""
        line = QWidget(self.form)
        row = QHBoxLayout(line)
        row.setContentsMargins(0, 0, 0, 0)
        for field in fields:
            row.addWidget(self._field_box(field), 1)
        caption = QLabel(label + ":", self.form)
        caption.setBuddy(fields[0].focus_widget())
        form.addRow(caption, line)

    def _add(self, form: QFormLayout, label: str | None, field: Field) -> Field:
        box = self._field_box(field)
        if label is None:
            form.addRow(box)
        else:
            # No word wrap: QFormLayout clips wrapped captions; long rows wrap instead.
            caption = QLabel(label + ":", self.form)
            caption.setBuddy(field.focus_widget())
            form.addRow(caption, box)
        return field

    def _field_box(self, field: Field) -> QWidget:
        """The field's widget with its (hidden) finding message below; registers the field."""
        box = QWidget(self.form)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(1)
        inner.addWidget(field.widget)
        message = QLabel(box)
        message.setObjectName(f"{NAME}.{field.path}.message")
        message.setProperty("fieldMessage", True)
        message.setWordWrap(True)
        message.hide()
        inner.addWidget(message)
        self._fields.append(field)
        self._messages[field] = message
        self.fields[field.path] = field
        field.edited.connect(lambda path, typing, f=field: self._edited(f, path, typing))
        return box

    def _build_groups(self, layout: QVBoxLayout) -> None:
        n = f"{NAME}."
        lang = language()
        form = self._group(layout, "general", self.tr("General"))
        self._add(form, item_label("reference"), LineField("reference", n + "reference"))
        self._add(form, item_label("name"), LineField("name", n + "name"))
        self._add(
            form,
            item_label("department"),
            LineField(
                "department", n + "department", suggestions=lambda: self._suggest["departments"]
            ),
        )
        self._add(form, item_label("contact"), LineField("contact.name", n + "contact.name"))
        self._add(
            form,
            self.tr("Contact: unit or organisation"),
            LineField("contact.organisation", n + "contact.organisation"),
        )
        self._add(form, self.tr("Contact: phone"), LineField("contact.phone", n + "contact.phone"))
        self._add(form, self.tr("Contact: e-mail"), LineField("contact.email", n + "contact.email"))
        address = [
            LineField(f"contact.{key}", f"{n}contact.{key}")
            for key in ("street", "postcode", "city", "country")
        ]
        self._add_line(form, self.tr("Contact: address"), list(address))
        self._add(
            form, self.tr("Contact: website"), LineField("contact.website", n + "contact.website")
        )
        for field, text in zip(
            address,
            (self.tr("Street"), self.tr("Postcode"), self.tr("City"), self.tr("Country")),
            strict=True,
        ):
            field.widget.setPlaceholderText(text)
        self._add(form, item_label("description"), TextField("description", n + "description"))
        self._add(
            form,
            item_label("status"),
            EnumField("status", n + "status", [(s.value, p.STATUS[s]()) for s in m.ActivityStatus]),
        )
        self._add(
            form,
            item_label("created"),
            ReadOnlyField("created", n + "created", lambda v: p.format_date(_parse_dt(v))),
        )
        self._add(
            form,
            item_label("changed"),
            ReadOnlyField("changed", n + "changed", lambda v: p.format_date(_parse_dt(v))),
        )
        self._add(
            form, item_label("last_reviewed"), DateField("last_reviewed", n + "last_reviewed")
        )
        self._add(form, item_label("next_review"), DateField("next_review", n + "next_review"))

        form = self._group(layout, "purposes", item_label("purposes"))
        self._add(
            form,
            None,
            RowListField(
                "purposes",
                n + "purposes",
                self._purpose_row,
                lambda: codec.to_dict(m.Purpose()),
                add_text=self.tr("Add &purpose"),
                title=lambda i: self.tr("Purpose {n}").format(n=i),
                on_change=_purpose_changed,
            ),
        )

        form = self._group(layout, "data_subjects", item_label("data_subjects"))
        self._add(
            form,
            None,
            ChoiceListField(
                "data_subjects",
                n + "data_subjects",
                lambda: [(s, s) for s in self._suggest["subjects"]],
                free=True,
                placeholder=self.tr("Type or choose a category of data subjects"),
            ),
        )

        form = self._group(layout, "data_categories", item_label("data_categories"))
        self._add(
            form,
            None,
            RowListField(
                "data_categories",
                n + "data_categories",
                self._category_row,
                lambda: codec.to_dict(m.DataCategory()),
                add_text=self.tr("Add data &category"),
                title=lambda i: self.tr("Data category {n}").format(n=i),
            ),
        )

        form = self._group(layout, "recipients", self.tr("Recipients"))
        self._add(
            form,
            item_label("internal_recipients"),
            ChoiceListField(
                "internal_recipients",
                n + "internal_recipients",
                lambda: [(s, s) for s in self._suggest["internal"]],
                free=True,
                placeholder=self.tr("Type or choose a department"),
            ),
        )
        self._add(
            form,
            item_label("recipients"),
            ChoiceListField(
                "recipients",
                n + "recipients",
                self._recipient_choices,
                free=False,
                label=self._recipient_label,
                on_new=self._new_recipient,
                placeholder=self.tr("Search the recipient catalogue"),
            ),
        )
        self._add(
            form,
            None,
            StatementField(
                "no_external_recipients",
                n + "no_external_recipients",
                self.tr("There are no external recipients (“none”)"),
            ),
        )

        form = self._group(layout, "processors", item_label("processors"))
        self._add(
            form,
            None,
            RowListField(
                "processors",
                n + "processors",
                self._processor_row,
                lambda: codec.to_dict(m.ProcessorLink()),
                add_text=self.tr("Add p&rocessor"),
                title=lambda i: self.tr("Processor {n}").format(n=i),
                extra=[(self.tr("New processor…"), "new", self._new_processor_link)],
            ),
        )

        form = self._group(layout, "joint_controllers", item_label("joint_controllers"))
        self._add(
            form,
            None,
            RowListField(
                "joint_controllers",
                n + "joint_controllers",
                self._joint_row,
                lambda: codec.to_dict(m.JointController()),
                add_text=self.tr("Add joint controller"),
                title=lambda i: self.tr("Joint controller {n}").format(n=i),
            ),
        )
        self._add(
            form,
            None,
            StatementField(
                "no_joint_controllers",
                n + "no_joint_controllers",
                self.tr("There are no joint controllers (“none”)"),
            ),
        )

        form = self._group(layout, "transfers", item_label("transfers"))
        self._add(
            form,
            None,
            RowListField(
                "transfers",
                n + "transfers",
                self._transfer_row,
                lambda: codec.to_dict(m.Transfer()),
                add_text=self.tr("Add &transfer"),
                title=lambda i: self.tr("Transfer {n}").format(n=i),
            ),
        )
        self._add(
            form,
            None,
            StatementField(
                "no_transfers",
                n + "no_transfers",
                self.tr("No transfer to third countries takes place"),
            ),
        )

        form = self._group(layout, "toms", item_label("toms"))
        self._add(form, self.tr("Description"), TextField("tom_description", n + "tom_description"))
        self._add(
            form,
            self.tr("Measures of the catalogue"),
            TomTreeField("toms", n + "toms", self._tom_groups, self._new_tom),
        )

        form = self._group(layout, "dpia", item_label("dpia"))
        self._add(
            form,
            self.tr("Art. 35(3) GDPR cases"),
            CheckListField("dpia.art35_3", n + "dpia.art35_3", terms(vocab.dpia_art35_3(), lang)),
        )
        self._add(
            form,
            self.tr("WP248 criteria"),
            CheckListField("dpia.wp248", n + "dpia.wp248", terms(vocab.dpia_wp248(), lang)),
        )
        self._add(
            form,
            self.tr("DSK list items"),
            CheckListField(
                "dpia.dsk_list", n + "dpia.dsk_list", terms(vocab.dpia_dsk_list(), lang)
            ),
        )
        # which list applies and how complete the shipped one is (Art. 35(4) GDPR)
        self._dpia_note = QLabel(self.form)
        self._dpia_note.setObjectName(n + "dpia.listNote")
        self._dpia_note.setWordWrap(True)
        self._dpia_note.setText(dpia_lists.note(self.session.organisation(), lang))
        form.addRow("", self._dpia_note)
        self._add(
            form,
            self.tr("Result"),
            EnumField(
                "dpia.result",
                n + "dpia.result",
                [(r.value, p.DPIA_RESULT[r]()) for r in m.DpiaResult],
            ),
        )
        self._add(
            form, self.tr("DPIA reference"), LineField("dpia.reference", n + "dpia.reference")
        )
        self._add(form, self.tr("Reasons and notes"), TextField("dpia.notes", n + "dpia.notes"))
        self._add(
            form, self.tr("Screened on"), DateField("dpia.screened_on", n + "dpia.screened_on")
        )

        form = self._group(layout, "notes", item_label("notes"))
        self._add(form, None, TextField("notes", n + "notes"))

    # --- rows of the list editors ---------------------------------------------------

    def _purpose_row(self, prefix: str, parent: QWidget) -> RowSpec:
        return [
            (self.tr("Purpose"), [TextField("text", prefix + ".text", lines=2, parent=parent)]),
            (
                item_label("legal_bases"),
                [
                    ChoiceListField(
                        "legal_bases",
                        prefix + ".legal_bases",
                        legal_basis_choices,
                        free=True,
                        label=p.legal_basis_long,
                        rows=2,
                        dynamic=False,
                        parent=parent,
                        placeholder=self.tr(
                            "Search a legal basis or type a provision, e.g. “§ 3 DSG NRW”"
                        ),
                    )
                ],
            ),
            (
                item_label("legitimate_interest"),
                [LineField("legitimate_interest", prefix + ".legitimate_interest", parent=parent)],
            ),
        ]

    def _start_field(self, prefix: str, parent: QWidget) -> LineField:
        field = LineField("retention.start", prefix + ".retention.start", parent=parent)
        field.widget.setPlaceholderText(self.tr("after … (event), e.g. end of the contract"))
        return field

    def _category_row(self, prefix: str, parent: QWidget) -> RowSpec:
        unit_choices = [("", "–")] + [(u.value, p.unit_label(u)) for u in m.RetentionUnit]
        special = [
            (s.value, p.SPECIAL[s]() or self.tr("ordinary personal data"))
            for s in m.SpecialCategory
        ]
        return [
            (
                self.tr("Name"),
                [
                    LineField(
                        "name",
                        prefix + ".name",
                        parent=parent,
                        suggestions=lambda: self._suggest["categories"],
                    )
                ],
            ),
            (item_label("special"), [EnumField("special", prefix + ".special", special, parent)]),
            (item_label("source"), [LineField("source", prefix + ".source", parent=parent)]),
            (
                item_label("retention"),
                [
                    SpinField("retention.duration", prefix + ".retention.duration", parent),
                    OptionalEnumField(
                        "retention.unit", prefix + ".retention.unit", unit_choices, parent
                    ),
                    self._start_field(prefix, parent),
                ],
            ),
            (
                self.tr("Retention as text"),
                [LineField("retention.text", prefix + ".retention.text", parent=parent)],
            ),
            (item_label("notes"), [LineField("notes", prefix + ".notes", parent=parent)]),
        ]

    def _processor_row(self, prefix: str, parent: QWidget) -> RowSpec:
        return [
            (
                self.tr("Processor"),
                [
                    ComboField(
                        "processor",
                        prefix + ".processor",
                        self._processor_choices,
                        parent=parent,
                        placeholder=self.tr("Search the catalogue"),
                    )
                ],
            ),
            (self.tr("Service"), [LineField("service", prefix + ".service", parent=parent)]),
        ]

    def _joint_row(self, prefix: str, parent: QWidget) -> RowSpec:
        return [
            (self.tr("Name"), [LineField("name", prefix + ".name", parent=parent)]),
            (self.tr("Contact"), [LineField("contact", prefix + ".contact", parent=parent)]),
            (
                self.tr("Arrangement (Art. 26)"),
                [LineField("arrangement", prefix + ".arrangement", parent=parent)],
            ),
        ]

    def _transfer_row(self, prefix: str, parent: QWidget) -> RowSpec:
        return [
            (
                self.tr("Country"),
                [
                    ComboField(
                        "country",
                        prefix + ".country",
                        country_choices,
                        free=True,
                        dynamic=False,
                        parent=parent,
                    )
                ],
            ),
            (self.tr("Recipient"), [LineField("recipient", prefix + ".recipient", parent=parent)]),
            (
                self.tr("Processor"),
                [
                    NullableComboField(
                        "processor", prefix + ".processor", self._processor_choices, parent=parent
                    )
                ],
            ),
            (
                self.tr("Mechanism"),
                [
                    ComboField(
                        "mechanism",
                        prefix + ".mechanism",
                        mechanism_choices,
                        dynamic=False,
                        parent=parent,
                    )
                ],
            ),
            (
                self.tr("Mechanism as stated"),
                [LineField("mechanism_text", prefix + ".mechanism_text", parent=parent)],
            ),
            (
                self.tr("Documentation"),
                [LineField("documentation", prefix + ".documentation", parent=parent)],
            ),
        ]

    # --- choices ---------------------------------------------------------------------

    def _refresh_suggestions(self) -> None:
        org = self.session.organisation()
        if hasattr(self, "_dpia_note"):  # the form is built after the first refresh
            self._dpia_note.setText(dpia_lists.note(org, language()))
        acts = org.activities if org is not None else []
        departments = {a.department.strip() for a in acts}
        internal = departments | {r.strip() for a in acts for r in a.internal_recipients}
        subjects = {s.strip() for a in acts for s in a.data_subjects}
        categories = {c.name.strip() for a in acts for c in a.data_categories}

        def norm(values: set[str]) -> list[str]:
            return sorted((v for v in values if v), key=str.casefold)

        self._suggest = {
            "departments": norm(departments),
            "internal": norm(internal),
            "subjects": norm(subjects),
            "categories": norm(categories),
        }
        self._stale = False

    def _processor_choices(self) -> Choices:
        procs = sorted(self.session.catalogue().processors, key=lambda x: x.name.casefold())
        return [(x.uid, p.processor_line(x)) for x in procs]

    def _recipient_choices(self) -> Choices:
        recs = sorted(self.session.catalogue().recipients, key=lambda x: x.name.casefold())
        return [(r.uid, recipient_text(r)) for r in recs]

    def _recipient_label(self, uid: str) -> str:
        rec = self.session.catalogue().recipients_by_uid().get(uid)
        return (
            recipient_text(rec)
            if rec is not None
            else self.tr("Unknown recipient ({uid})").format(uid=uid)
        )

    def _tom_groups(self) -> list[tuple[str, Choices]]:
        toms = sorted(self.session.catalogue().toms, key=lambda t: t.title.casefold())
        lang = language()
        groups: list[tuple[str, Choices]] = []
        goals = vocab.sdm_goals()
        for goal in goals:
            members = [(t.uid, t.title) for t in toms if t.sdm_goal == goal.id]
            if members:
                groups.append((goal.label(lang), members))
        rest = [(t.uid, t.title) for t in toms if t.sdm_goal not in goals]
        if rest:
            groups.append((self.tr("Other measures"), rest))
        return groups

    def _new_processor_link(self) -> dict[str, Any] | None:
        proc = catalogue_dialogs.new_processor(self, self.session)
        if proc is None:
            return None
        link: dict[str, Any] = codec.to_dict(m.ProcessorLink(processor=proc.uid))
        return link

    def _new_recipient(self, name: str) -> str | None:
        rec = catalogue_dialogs.new_recipient(self, self.session, name)
        return rec.uid if rec is not None else None

    def _new_tom(self, title: str) -> str | None:
        tom = catalogue_dialogs.new_tom(self, self.session, title)
        return tom.uid if tom is not None else None

    def _next_reference(self) -> str:
        org = self.session.organisation()
        return next_reference([a.reference for a in org.activities] if org else [])


def _parse_dt(value: Any) -> Any:
    if not value:
        return None
    try:
        return codec.parse_datetime(str(value))
    except ValueError:
        return None


def _purpose_changed(row: Any) -> None:
    fields = {f.path: f for f in row.fields}
    bases = fields["legal_bases"].value()
    interest = fields["legitimate_interest"]
    show = "art6-1-f" in bases or bool(interest.value().strip())
    interest.widget.setVisible(show)
    label = row.layout().itemAt(1).layout().labelForField(interest.widget)
    if label is not None:
        label.setVisible(show)
