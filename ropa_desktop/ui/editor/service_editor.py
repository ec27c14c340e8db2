"""The editor of one entry of the processor register (Art. 30(2) GDPR): a processing
service the organisation performs on behalf of client controllers.

It is the activity editor (draft, undo, findings at the fields, Save/Revert, questions
before unsaved changes are left) with the items of Art. 30(2): each client controller
with contact, representative and DPO, the categories of processing, subprocessors,
third-country transfers and TOMs; the processor's own DPO and representative are the
organisation's and shown from its master data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ropa_desktop.domain import codec
from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.store.versions import ConflictError
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.editor.activity_editor import ActivityEditor
from ropa_desktop.ui.editor.choice_fields import ChoiceListField, TomTreeField
from ropa_desktop.ui.editor.fields import EnumField, LineField, ReadOnlyField, TextField
from ropa_desktop.ui.editor.form import NAME as ACTIVITY_NAME
from ropa_desktop.ui.editor.form import _parse_dt
from ropa_desktop.ui.editor.lists import RowListField, RowSpec
from ropa_desktop.ui.session import Change, Session

NAME = "serviceEditor"
"""Prefix of the object names of the service editor's widgets (``serviceEditor.name`` …)."""


def _label(key: str) -> str:
    return p.record_field_label("service", key)


class ServiceEditor(ActivityEditor):
    """Edits one processing service: every Art. 30(2) item, with undo, checks and Save."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        for widget in [self, *self.findChildren(QWidget)]:
            name = widget.objectName()
            if name.startswith(ACTIVITY_NAME):
                widget.setObjectName(NAME + name[len(ACTIVITY_NAME) :])
        for action in self.actions():
            name = action.objectName()
            if name.startswith(ACTIVITY_NAME):
                action.setObjectName(NAME + name[len(ACTIVITY_NAME) :])
        self.save_action.setText(self.tr("&Save service"))
        self.save_action.setToolTip(self.tr("Save the processing service (Ctrl+S)"))

    # ------------------------------------------------------------------ public interface

    def load(self, uid: str | None) -> None:
        """Show the stored processing service ``uid`` (None: nothing; the form is disabled)."""
        svc = self.session.service_copy(uid) if uid else None
        self._is_new = False
        self._set_draft(svc)

    def new_service(self) -> None:
        """Start an unsaved new processing service with the next free reference."""
        if self.session.organisation() is None:
            return
        self._is_new = True
        self._set_draft(m.ProcessingService(reference=self._next_reference()))
        self.fields["name"].focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def new_activity(self) -> None:  # the base's name for "new record"
        """Same as :meth:`new_service`."""
        self.new_service()

    def _stored_copy(self, uid: str) -> m.Activity | m.ProcessingService | None:
        return self.session.service_copy(uid)

    def draft(self) -> m.ProcessingService | None:  # type: ignore[override]
        """The service as currently edited (a fresh object with its base version)."""
        if self._data is None:
            return None
        svc = codec.from_dict(m.ProcessingService, self._data)
        svc.version = self._version
        return svc

    def save(self) -> bool:
        """Write the draft; False (after showing why) when the store refuses it."""
        draft = self.draft()
        if draft is None:
            return False
        self._commit_pending()
        draft = self.draft()
        assert draft is not None
        try:
            try:
                saved = self.session.save_service(draft)
            except ConflictError as exc:  # changed or deleted elsewhere meanwhile
                question = self.tr(
                    "{problem}\n\nSave your version anyway (overwriting the other change)?"
                ).format(problem=prompts.error_text(exc))
                if not prompts.confirm(self, self.tr("Changed elsewhere"), question):
                    return False
                saved = self.session.save_service(draft, force=True)
        except Exception as exc:  # the store refuses with a StoreError
            prompts.show_error(self, self.tr("Processing service not saved"), exc)
            return False
        self.show_saved(saved)  # type: ignore[arg-type]
        return True

    def maybe_leave(self) -> bool:
        """Ask about unsaved changes; True when the caller may show something else."""
        if not self.is_dirty():
            return True
        assert self._data is not None
        what = self._data.get("name", "").strip() or self.tr("New processing service")
        return prompts.leave_unsaved(self, what, self.save, self._discard)

    def check_now(self) -> None:
        """Run the rules on the draft and mark every finding at its field."""
        self._check_timer.stop()
        if self._data is None or self.session.organisation() is None:
            self._findings = []
        else:
            draft = codec.from_dict(m.ProcessingService, self._data)
            self._findings = self.session.check_service(draft)
        self._show_findings()
        self._show_processor()

    # ------------------------------------------------------------------ building

    def _build_groups(self, layout: QVBoxLayout) -> None:
        n = f"{NAME}."
        form = self._group(layout, "general", self.tr("General"))
        self._add(form, _label("reference"), LineField("reference", n + "reference"))
        self._add(form, self.tr("Name of the processing service"), LineField("name", n + "name"))
        self._add(
            form,
            _label("status"),
            EnumField("status", n + "status", [(s.value, p.STATUS[s]()) for s in m.ActivityStatus]),
        )
        for key in ("created", "changed"):
            self._add(
                form,
                _label(key),
                ReadOnlyField(key, n + key, lambda v: p.format_date(_parse_dt(v))),
            )

        form = self._group(layout, "processor", self.tr("Processor (this organisation)"))
        self.processor_info = QLabel(self.form)
        self.processor_info.setObjectName(n + "processorInfo")
        self.processor_info.setWordWrap(True)
        self.processor_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.processor_info)

        form = self._group(layout, "controllers", _label("controllers"))
        self._add(
            form,
            None,
            RowListField(
                "controllers",
                n + "controllers",
                self._controller_row,
                lambda: codec.to_dict(m.ClientController()),
                add_text=self.tr("Add &controller"),
                title=lambda i: self.tr("Controller {n}").format(n=i),
            ),
        )

        form = self._group(layout, "categories", _label("categories"))
        self._add(
            form,
            None,
            ChoiceListField(
                "categories",
                n + "categories",
                self._category_suggestions,
                free=True,
                placeholder=self.tr("Type or choose a category of processing"),
            ),
        )

        form = self._group(layout, "subprocessors", _label("subprocessors"))
        self._add(
            form,
            None,
            RowListField(
                "subprocessors",
                n + "subprocessors",
                self._processor_row,
                lambda: codec.to_dict(m.ProcessorLink()),
                add_text=self.tr("Add &subprocessor"),
                title=lambda i: self.tr("Subprocessor {n}").format(n=i),
                extra=[(self.tr("New processor…"), "new", self._new_processor_link)],
            ),
        )

        form = self._group(layout, "transfers", _label("transfers"))
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

        form = self._group(layout, "toms", _label("toms"))
        self._add(form, self.tr("Description"), TextField("tom_description", n + "tom_description"))
        self._add(
            form,
            self.tr("Measures of the catalogue"),
            TomTreeField("toms", n + "toms", self._tom_groups, self._new_tom),
        )

        form = self._group(layout, "notes", _label("notes"))
        self._add(form, None, TextField("notes", n + "notes"))

    def _controller_row(self, prefix: str, parent: QWidget) -> RowSpec:
        return [
            (self.tr("Name"), [LineField("name", prefix + ".name", parent=parent)]),
            (self.tr("Contact"), [LineField("contact", prefix + ".contact", parent=parent)]),
            (
                self.tr("Representative"),
                [LineField("representative", prefix + ".representative", parent=parent)],
            ),
            (
                self.tr("Data protection officer"),
                [LineField("dpo", prefix + ".dpo", parent=parent)],
            ),
        ]

    def _category_suggestions(self) -> list[tuple[str, str]]:
        found = {c.strip() for s in self.session.services() for c in s.categories if c.strip()}
        return [(c, c) for c in sorted(found, key=str.casefold)]

    def _attachment_kind(self) -> str:
        return ""  # files belong to activities and processors

    # ------------------------------------------------------------------ draft

    def _blank_record(self) -> Any:
        return m.ProcessingService(uid="")

    def _title_texts(self) -> tuple[str, str]:
        return self.tr("No processing service selected"), self.tr("New processing service")

    def _item_label(self, path: str) -> str:
        return _label(path.split(".", 1)[0].split("[", 1)[0])

    def _next_reference(self) -> str:
        from ropa_desktop.domain.numbering import next_references

        existing = [s.reference for s in self.session.services()]
        if not any(r.strip() for r in existing):
            existing = ["AV-000"]
        return next_references(existing, 1)[0]

    def _show_findings(self) -> None:
        super()._show_findings()
        if self._data is not None and not self._findings:
            self.summary.setText(self.tr("No findings: the processing service is complete."))

    def _show_processor(self) -> None:
        org = self.session.organisation()
        if org is None:
            self.processor_info.setText("")
            return
        dpo = ", ".join(p.contact(org.dpo))
        rep = ", ".join(p.contact(org.representative))
        none = self.tr("— not recorded (Organisation page) —")
        self.processor_info.setText(
            self.tr("{org}\nData protection officer: {dpo}\nRepresentative: {rep}").format(
                org=org.name, dpo=dpo.strip() or none, rep=rep.strip() or none
            )
        )

    # ------------------------------------------------------------------ session events

    def _session_changed(self, what: Change) -> None:
        self._stale = True
        if what in (Change.CATALOGUE, Change.EVERYTHING):
            self._refresh_choices()
            if self._data is not None:
                self._populate()
        if what in (Change.EVERYTHING, Change.ORGANISATION):
            self._show_processor()
        if what == Change.EVERYTHING and self._data is not None and not self.is_dirty():
            uid = self._data["uid"]
            self.load(uid if self.session.service(uid) is not None else None)
        elif what == Change.CATALOGUE:
            self._check_timer.start()

    def _changed_elsewhere(self) -> None:
        if self._data is None or self._is_new or not self.is_dirty():
            return
        stored = self.session.service(self._data["uid"])
        if stored is None:
            text = self.tr(
                "This processing service was deleted elsewhere meanwhile. Saving will ask "
                "what to do with your changes."
            )
        elif stored.version != self._version:
            text = self.tr(
                "This processing service was changed elsewhere meanwhile. Saving will ask "
                "whether to overwrite the other change."
            )
        else:
            return
        self.elsewhere.setText(text)
        self.elsewhere.show()
