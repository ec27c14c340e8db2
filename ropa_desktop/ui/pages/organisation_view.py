"""The master data of the organisation being worked on, and the dialog for a new organisation.

:class:`OrganisationView` edits name, legal form, Land, address, management,
representative (Art. 27), data protection officer, supervisory authority and
the roles (controller, processor) of the current organisation; the findings of
the rules about the organisation are shown at the fields they concern.
:class:`NewOrganisationDialog` (and :func:`new_organisation`) creates one.
"""

from __future__ import annotations

import copy
import dataclasses

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation, vocab
from ropa_desktop.domain.i18n import language
from ropa_desktop.domain.rules import Finding
from ropa_desktop.store.versions import ConflictError
from ropa_desktop.ui.catalogue.forms import (
    AddressFields,
    FieldMessage,
    VocabCombo,
    country_combo,
    line_edit,
    text_edit,
)
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.common.conflict_dialog import (
    DISCARD,
    OVERWRITE,
    RELOAD,
    RESTORE,
    ask_conflict,
    mine_as_text,
)
from ropa_desktop.ui.pages.public_body_field import PublicBodyField
from ropa_desktop.ui.session import Change, Session

_LEVEL = {"error": "error", "warning": "warning", "info": "info"}


def default_authority(land: str, kind: m.OrganisationKind, public_body: bool | None = None) -> str:
    """The supervisory authority the vocabulary names for a Land and a body ("" if none): the
    one for public bodies when the organisation is one (its explicit setting, else its
    legal form), else the one for the non-public sector."""
    term = vocab.laender().get(land.strip().lower()) if land else None
    if term is None:
        return ""
    public = kind.is_public_body if public_body is None else public_body
    key = "authority_public" if public else "authority_private"
    return str(term.attrs.get(key) or "")


def kind_combo(object_name: str, parent: QWidget | None = None) -> QComboBox:
    """A combo of the legal forms of an organisation (labels from the domain)."""
    combo = QComboBox(parent)
    combo.setObjectName(object_name)
    lang = language()
    for kind, label in presentation.ORGANISATION_KIND.items():
        combo.addItem(label(lang), kind.value)
    return combo


def land_combo(object_name: str, parent: QWidget | None = None) -> VocabCombo:
    """A combo of the 16 Länder (codes kept as "DE-NW")."""
    return VocabCombo(
        vocab.laender(),
        object_name,
        upper=True,
        label=lambda t: presentation.land(t.id),
        parent=parent,
    )


def name_problem(session: Session, name: str, uid: str | None) -> str:
    """Why ``name`` cannot name an organisation (empty, taken by another one); "" if it can."""
    name = name.strip()
    if not name:
        return QCoreApplication.translate("OrganisationView", "The organisation needs a name.")
    key = name.casefold()
    for other in session.organisations():
        if other.uid != uid and other.name.strip().casefold() == key:
            return QCoreApplication.translate(
                "OrganisationView", "Another organisation is already called “{name}”."
            ).format(name=other.name)
    return ""


class ContactEditor(QWidget):
    """The fields of a :class:`Contact` (person or body with address and contact details)."""

    edited = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(prefix)
        self.name = line_edit(f"{prefix}.name", self)
        self.organisation = line_edit(f"{prefix}.organisation", self)
        address = AddressFields(lambda key: f"{prefix}.{key}", self)
        self.street, self.postcode, self.city = address.street, address.postcode, address.city
        self.country = country_combo(f"{prefix}.country", self)
        self.phone = line_edit(f"{prefix}.phone", self)
        self.email = line_edit(f"{prefix}.email", self)
        self.website = line_edit(f"{prefix}.website", self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Organisation:"), self.organisation)
        address.add_rows(form, self.tr("Street:"), self.tr("Postcode, city:"))
        form.addRow(self.tr("Country:"), self.country)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow(self.tr("Website:"), self.website)
        for edit in self._edits():
            edit.textEdited.connect(lambda _t: self.edited.emit())
        self.country.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.country.editTextChanged.connect(lambda _t: self.edited.emit())
        self.setFocusProxy(self.name)

    def _edits(self) -> list[QLineEdit]:
        return [
            self.name,
            self.organisation,
            self.street,
            self.postcode,
            self.city,
            self.phone,
            self.email,
            self.website,
        ]

    def set_contact(self, c: m.Contact) -> None:
        """Show ``c`` (no :attr:`edited` is emitted)."""
        blocked = self.blockSignals(True)
        for edit, value in zip(
            self._edits(),
            (c.name, c.organisation, c.street, c.postcode, c.city, c.phone, c.email, c.website),
            strict=True,
        ):
            edit.setText(value)
        self.country.set_code(c.country)
        self.blockSignals(blocked)

    def contact(self) -> m.Contact:
        """A new contact with the fields' content."""
        return m.Contact(
            name=self.name.text().strip(),
            organisation=self.organisation.text().strip(),
            street=self.street.text().strip(),
            postcode=self.postcode.text().strip(),
            city=self.city.text().strip(),
            country=self.country.code(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            website=self.website.text().strip(),
        )


class OrganisationView(QWidget):
    """Edits the master data of the session's current organisation (Save/Revert)."""

    saved = Signal()
    """Emitted after the master data were written."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationView")
        self.session = session
        self._org: m.Organisation | None = None
        self._dirty = False
        self._loading = False
        self._notes: dict[str, FieldMessage] = {}
        self._build()
        self._stale = False
        self._findings_pending = False  # the checks wait until the page is shown
        session.changed.connect(self._on_session_changed)
        session.organisationChanged.connect(self._on_organisation_changed)
        session.changedElsewhere.connect(self._on_changed_elsewhere)
        self.reload()

    # --- building -----------------------------------------------------------

    def _n(self, suffix: str) -> str:
        return f"organisationView.{suffix}"

    def _note(self, key: str) -> FieldMessage:
        note = FieldMessage(self._n(f"finding.{key}"), self)
        self._notes[key] = note
        return note

    def _build(self) -> None:
        n = self._n
        self.heading = QLabel(self)
        self.heading.setObjectName(n("heading"))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.findings_label = QLabel(self)
        self.findings_label.setObjectName(n("findings"))
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.findings_label.hide()
        self.elsewhere = QLabel(self)
        self.elsewhere.setObjectName(n("changedElsewhere"))
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setStyleSheet("color: #b35400;")
        self.elsewhere.hide()

        # organisation
        self.name = line_edit(n("name"), self)
        self.name_error = FieldMessage(n("nameError"), self)
        self.kind = kind_combo(n("kind"), self)
        self.land = land_combo(n("land"), self)
        self.public_body = PublicBodyField(n("publicBody"), self)
        self.management = line_edit(n("management"), self)
        self.is_controller = QCheckBox(self.tr("Acts as &controller (Art. 30(1) GDPR)"), self)
        self.is_controller.setObjectName(n("isController"))
        self.is_processor = QCheckBox(self.tr("Acts as p&rocessor (Art. 30(2) GDPR)"), self)
        self.is_processor.setObjectName(n("isProcessor"))
        general = QGroupBox(self.tr("Organisation"), self)
        form = QFormLayout(general)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.name_error)
        form.addRow("", self._note("name"))
        form.addRow(self.tr("&Legal form:"), self.kind)
        form.addRow(self.tr("L&and:"), self.land)
        form.addRow(self.tr("&Public body:"), self.public_body)
        form.addRow(self.tr("&Management:"), self.management)
        form.addRow(self.tr("Roles:"), self.is_controller)
        form.addRow("", self.is_processor)
        form.addRow("", self._note("activities"))
        form.addRow("", self._note("services"))

        # address and contact
        address_fields = AddressFields(n, self)
        self.street = address_fields.street
        self.postcode, self.city = address_fields.postcode, address_fields.city
        self.country = country_combo(n("country"), self)
        self.phone = line_edit(n("phone"), self)
        self.email = line_edit(n("email"), self)
        self.website = line_edit(n("website"), self)
        address = QGroupBox(self.tr("Address and contact"), self)
        form = QFormLayout(address)
        address_fields.add_rows(
            form,
            self.tr("&Street:"),
            self.tr("&Postcode, city:"),
            after_street=self._note("street"),
        )
        form.addRow(self.tr("C&ountry:"), self.country)
        form.addRow(self.tr("P&hone:"), self.phone)
        form.addRow(self.tr("&E-mail:"), self.email)
        form.addRow(self.tr("&Website:"), self.website)

        # data protection officer
        self.dpo = ContactEditor(n("dpo"), self)
        self.dpo_external = QCheckBox(self.tr("E&xternal data protection officer"), self)
        self.dpo_external.setObjectName(n("dpoExternal"))
        dpo_box = QGroupBox(self.tr("&Data protection officer"), self)
        layout = QVBoxLayout(dpo_box)
        layout.addWidget(self._note("dpo"))
        layout.addWidget(self.dpo)
        layout.addWidget(self._note("dpo.email"))
        layout.addWidget(self.dpo_external)

        # representative
        self.representative = ContactEditor(n("representative"), self)
        rep_box = QGroupBox(self.tr("Representative in the &Union (Art. 27 GDPR)"), self)
        QVBoxLayout(rep_box).addWidget(self.representative)

        # authority and notes
        self.authority = VocabCombo(vocab.supervisory_authorities(), n("authority"), parent=self)
        self.notes = text_edit(n("notes"), self, lines=4)
        other = QGroupBox(self.tr("Supervision and notes"), self)
        form = QFormLayout(other)
        form.addRow(self.tr("Supervisory authorit&y:"), self.authority)
        form.addRow("", self._note("supervisory_authority"))
        form.addRow(self.tr("No&tes:"), self.notes)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        from ropa_desktop.ui.pages.review_box import ReviewCycleBox

        self.reviews = ReviewCycleBox(self.session, self)
        for box in (general, address, dpo_box, rep_box, other, self.reviews):
            content_layout.addWidget(box)
        content_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName(n("scroll"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save the master data (Ctrl+S)"))
        self.save_button.setObjectName(n("save"))
        self.save_button.clicked.connect(lambda _c=False: self.save())
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        self.revert_button.setObjectName(n("revert"))
        self.revert_button.clicked.connect(lambda _c=False: self.revert())
        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(lambda _c=False: self.save())
        self.addAction(self.save_action)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addWidget(self.elsewhere)
        outer.addWidget(self.findings_label)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)

        for edit in (
            self.name,
            self.management,
            self.street,
            self.postcode,
            self.city,
            self.phone,
            self.email,
            self.website,
        ):
            edit.textEdited.connect(self._edited)
        for combo in (self.kind, self.land, self.country, self.authority):
            combo.currentIndexChanged.connect(self._edited)
        for combo in (self.land, self.country, self.authority):
            combo.editTextChanged.connect(self._edited)
        for check in (self.is_controller, self.is_processor, self.dpo_external):
            check.toggled.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.public_body.changed.connect(self._edited)
        self.kind.currentIndexChanged.connect(lambda *_: self.public_body.set_kind(self._kind()))
        self.dpo.edited.connect(self._edited)
        self.representative.edited.connect(self._edited)
        self.land.currentIndexChanged.connect(self._suggest_authority)
        self.kind.currentIndexChanged.connect(self._suggest_authority)
        self.public_body.changed.connect(self._suggest_authority)

    # --- state --------------------------------------------------------------

    def is_dirty(self) -> bool:
        """True when the form holds changes not saved yet."""
        return self._dirty

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._update_actions()

    def _update_actions(self) -> None:
        has_org = self._org is not None
        self.save_button.setEnabled(has_org and self._dirty)
        self.save_action.setEnabled(has_org and self._dirty)
        self.revert_button.setEnabled(has_org and self._dirty)
        if self._org is None:
            self.heading.setText(self.tr("No organisation is open."))
        else:
            self.heading.setText(self._org.name + (" *" if self._dirty else ""))

    def _suggest_authority(self, *_args: object) -> None:
        """Fill in the Land's supervisory authority when none is chosen yet."""
        if self._loading or self.authority.code():
            return
        ref = default_authority(self.land.code(), self._kind(), self.public_body.value())
        if ref:
            self.authority.set_code(ref)

    def _kind(self) -> m.OrganisationKind:
        return m.OrganisationKind(self.kind.currentData() or m.OrganisationKind.PUBLIC_AUTHORITY)

    def _on_session_changed(self, what: Change) -> None:
        # Every kind of change concerns the page: the master data itself, and the
        # activities and the catalogue, which the organisation's checks look at.
        if not self.isVisible():
            self._stale = True  # checked again when shown (the checks cost time)
        elif not self._dirty:
            self.reload()
        else:
            self.show_findings(self.session.organisation_findings())

    def _on_changed_elsewhere(self) -> None:
        """Unsaved master data whose organisation changed elsewhere get a notice."""
        org = self.session.organisation()
        if (
            self._dirty
            and self._org is not None
            and org is not None
            and org.version != self._org.version
        ):
            self.elsewhere.setText(
                self.tr(
                    "The master data were changed elsewhere meanwhile. Saving will show the "
                    "other changes and ask what to do."
                )
            )
            self.elsewhere.show()

    def _on_organisation_changed(self) -> None:
        """Another organisation is current: its data replace the form (ask first: maybe_leave)."""
        if self.isVisible():
            self.reload()
        else:
            self._dirty = False
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with changes made while hidden."""
        if self._stale:
            if self._dirty:
                self.show_findings(self.session.organisation_findings())
                self._stale = False
            else:
                self.reload()
        if self._findings_pending:
            self.show_findings(self.session.organisation_findings())
        super().showEvent(event)

    # --- public -------------------------------------------------------------

    def reload(self) -> None:
        """Show the current organisation as stored (unsaved changes are dropped)."""
        self._stale = False
        self.elsewhere.hide()
        org = self.session.organisation()
        self._org = (
            copy.deepcopy(dataclasses.replace(org, activities=[], services=[]))
            if org is not None
            else None
        )
        self._loading = True
        try:
            self.set_value(self._org or m.Organisation())
        finally:
            self._loading = False
        for w in self.findChildren(QWidget):
            if isinstance(w, (QLineEdit, QComboBox, QCheckBox, QPlainTextEdit)):
                w.setEnabled(self._org is not None)
        self._dirty = False
        self.name_error.clear_message()
        if org is None:
            self.show_findings([])
        elif self.isVisible():
            self.show_findings(self.session.organisation_findings())
        else:  # checking every activity takes time: done when the page is shown
            self._findings_pending = True
        self._update_actions()

    def set_value(self, org: m.Organisation) -> None:
        """Fill the fields with ``org``'s master data."""
        loading, self._loading = self._loading, True
        try:
            self.name.setText(org.name)
            self.kind.setCurrentIndex(max(self.kind.findData(org.kind.value), 0))
            self.land.set_code(org.land)
            self.public_body.set_kind(org.kind)
            self.public_body.set_value(org.public_body)
            self.management.setText(org.management)
            self.is_controller.setChecked(org.is_controller)
            self.is_processor.setChecked(org.is_processor)
            self.street.setText(org.street)
            self.postcode.setText(org.postcode)
            self.city.setText(org.city)
            self.country.set_code(org.country)
            self.phone.setText(org.phone)
            self.email.setText(org.email)
            self.website.setText(org.website)
            self.dpo.set_contact(org.dpo)
            self.dpo_external.setChecked(org.dpo_external)
            self.representative.set_contact(org.representative)
            self.authority.set_code(org.supervisory_authority)
            self.notes.setPlainText(org.notes)
        finally:
            self._loading = loading

    def value(self) -> m.Organisation:
        """The organisation's master data as edited (same uid, no activities)."""
        base = self._org or m.Organisation()
        return m.Organisation(
            uid=base.uid,
            name=self.name.text().strip(),
            kind=self._kind(),
            land=self.land.code(),
            public_body=self.public_body.value(),
            street=self.street.text().strip(),
            postcode=self.postcode.text().strip(),
            city=self.city.text().strip(),
            country=self.country.code(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            website=self.website.text().strip(),
            management=self.management.text().strip(),
            representative=self.representative.contact(),
            dpo=self.dpo.contact(),
            dpo_external=self.dpo_external.isChecked(),
            supervisory_authority=self.authority.code(),
            is_controller=self.is_controller.isChecked(),
            is_processor=self.is_processor.isChecked(),
            notes=self.notes.toPlainText().strip(),
            archived=base.archived,
            version=base.version,
        )

    def show_findings(self, findings: list[Finding]) -> None:
        """Show the organisation's findings at their fields; others in the list at the top."""
        self._findings_pending = False
        for note in self._notes.values():
            note.clear_message()
        rest = []
        for f in findings:
            if f.activity is not None:
                continue
            at = self._notes.get(f.field or "")
            if at is not None:
                text = at.message()
                at.show_message(
                    f"{text}\n{f.message}" if text else f.message,
                    _LEVEL.get(f.severity.value, "info"),
                )
            else:
                rest.append(f.message)
        self.findings_label.setText("\n".join(f"• {t}" for t in rest))
        self.findings_label.setVisible(bool(rest))

    def field_findings(self) -> dict[str, str]:
        """The findings shown at fields, by field path."""
        return {key: note.message() for key, note in self._notes.items() if note.message()}

    def validate(self) -> bool:
        """Check the name (required, not another organisation's); message at the field."""
        problem = name_problem(self.session, self.name.text(), self._org.uid if self._org else None)
        if problem:
            self.name_error.show_message(problem)
            self.name.setFocus()
            return False
        self.name_error.clear_message()
        return True

    def save(self) -> bool:
        """Write the master data (a rename included); False when refused."""
        if self._org is None or not self.validate():
            return False
        org = self.value()
        self.session.organisation()  # loaded, so that a rename follows in the session
        try:
            self.session.save_organisation(org)
        except ConflictError as exc:  # changed elsewhere meanwhile: ask
            if not self._resolve_conflict(exc, org):
                return False
        except Exception as exc:  # StoreError: the database is unchanged
            prompts.show_error(self, self.tr("Not saved"), exc)
            return False
        self._dirty = False
        self.reload()
        self.saved.emit()
        return True

    def _resolve_conflict(self, error: ConflictError, mine: m.Organisation) -> bool:
        """Ask about a save that met a change made elsewhere; True when the page may show
        the stored state (mine overwritten it, or theirs taken with mine kept in view)."""
        base = self._org
        self.session.reload()
        choice = ask_conflict(self, self.session, error, mine, base)
        if choice in (OVERWRITE, RESTORE):
            try:
                self.session.save_organisation(mine, force=True)
            except Exception as exc:  # StoreError: the database is unchanged
                prompts.show_error(self, self.tr("Not saved"), exc)
                return False
            return True
        if choice == RELOAD:
            prompts.inform(
                self,
                self.tr("Their version loaded"),
                self.tr(
                    "The master data now show the version of {user}. Your values were:\n\n{values}"
                ).format(
                    user=error.user or "?",
                    values=mine_as_text("organisation", mine, error.current, self.session),
                ),
            )
            return True
        return choice == DISCARD

    def revert(self) -> None:
        """Throw away unsaved changes."""
        self.reload()

    def maybe_leave(self) -> bool:
        """True when the view may be left: nothing unsaved, or saved/discarded on request."""
        if not self._dirty:
            return True
        what = self._org.name if self._org is not None else self.tr("Organisation")
        return prompts.leave_unsaved(self, what, self.save, self.revert)


class NewOrganisationDialog(QDialog):
    """Asks for name, legal form and Land of a new organisation and creates it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newOrganisationDialog")
        self.setWindowTitle(self.tr("New organisation"))
        self.session = session
        self.result_name: str | None = None
        self.name = line_edit("newOrganisationDialog.name", self)
        self.name_error = FieldMessage("newOrganisationDialog.nameError", self)
        self.kind = kind_combo("newOrganisationDialog.kind", self)
        self.land = land_combo("newOrganisationDialog.land", self)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Legal form:"), self.kind)
        form.addRow(self.tr("L&and:"), self.land)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("newOrganisationDialog.buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def accept(self) -> None:
        """Create the organisation; stays open with a message at the name when refused."""
        problem = name_problem(self.session, self.name.text(), None)
        if problem:
            self.name_error.show_message(problem)
            self.name.setFocus()
            return
        kind = m.OrganisationKind(self.kind.currentData())
        land = self.land.code()
        org = m.Organisation(
            name=self.name.text().strip(),
            kind=kind,
            land=land,
            supervisory_authority=default_authority(land, kind),
        )
        try:
            self.session.save_organisation(org)
        except Exception as exc:  # StoreError: nothing was created
            prompts.show_error(self, self.tr("Not created"), exc)
            return
        self.result_name = org.name
        super().accept()


def new_organisation(parent: QWidget | None, session: Session) -> str | None:
    """Ask for a new organisation and create it; its name, or None when cancelled."""
    dialog = NewOrganisationDialog(session, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.result_name
    return None
