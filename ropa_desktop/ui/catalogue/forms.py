"""Forms for the shared catalogue: processors, recipients and technical/organisational measures.

Each form edits one object: :meth:`set_value` fills the widgets, :meth:`value`
returns a new object (keeping the uid) built from them, and :attr:`edited` is
emitted whenever the user changes something. :meth:`validate` checks what the
store cannot (a name, no duplicate name in the catalogue) and shows the
message at the field. The small widgets at the top (vocabulary combos, an
optional date, a field message) are shared with the organisation editor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation, vocab
from ropa_desktop.domain.i18n import language
from ropa_desktop.ui.session import Session

UID_ROLE = Qt.ItemDataRole.UserRole + 1

# --------------------------------------------------------------------------- small widgets


class FieldMessage(QLabel):
    """A message shown under a field (hidden while there is none)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_level("error")
        self.hide()

    def set_level(self, level: str) -> None:
        """Colour for "error", "warning" or "info"."""
        colour = {"error": "#c62828", "warning": "#ef6c00"}.get(level, "#1565c0")
        self.setStyleSheet(f"color: {colour};")

    def show_message(self, text: str, level: str = "error") -> None:
        """Show ``text`` (an empty text hides the message)."""
        self.set_level(level)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        """Hide the message."""
        self.setText("")
        self.hide()

    def message(self) -> str:
        """The message shown, "" when hidden."""
        return self.text() if not self.isHidden() else ""


class VocabCombo(QComboBox):
    """A combo box over a vocabulary (labels shown, ids kept), with an empty entry first.

    ``upper`` stores ids in upper case (countries "DE", Länder "DE-NW"). A value
    that is not in the vocabulary is kept as an extra entry, so nothing is lost.
    Typing selects by label (the combo is editable with a completer).
    """

    def __init__(
        self,
        vocabulary: vocab.Vocabulary,
        object_name: str,
        *,
        upper: bool = False,
        sort: bool = False,
        label: Callable[[vocab.Term], str] | None = None,
        resolve: Callable[[str], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._upper = upper
        self._resolve = resolve
        lang = language()
        terms = list(vocabulary)
        labels = [(label(t) if label else t.label(lang), t.id) for t in terms]
        if sort:
            labels.sort(key=lambda pair: pair[0].casefold())
        self.addItem("", "")
        for text, ref in labels:
            self.addItem(text, ref.upper() if upper else ref)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        if completer is not None:
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_code(self, code: str) -> None:
        """Select the entry of ``code`` (added as an extra entry when unknown)."""
        code = (code or "").strip()
        key = code.upper() if self._upper else code
        index = self.findData(key)
        if index < 0 and code:
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))

    def code(self) -> str:
        """The id of the selected entry; text typed that matches no entry is kept as typed."""
        text = self.currentText().strip()
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == self.currentText():
            return str(self.itemData(index) or "")
        if not text:
            return ""
        found = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            return str(self.itemData(found) or "")
        resolved = self._resolve(text) if self._resolve is not None else None
        return resolved or text


def country_combo(object_name: str, parent: QWidget | None = None) -> VocabCombo:
    """A combo of all countries by name (ISO codes kept, upper case)."""
    return VocabCombo(
        vocab.countries(),
        object_name,
        upper=True,
        sort=True,
        resolve=vocab.country_code,
        parent=parent,
    )


class OptionalDateEdit(QWidget):
    """A date that may be missing: a check box "known" and a date field."""

    edited = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name + "Box")
        self.check = QCheckBox(self.tr("Dated"), self)
        self.check.setObjectName(object_name + "Set")
        self.check.setToolTip(self.tr("Untick when there is no date"))
        self.edit = QDateEdit(self)
        self.edit.setObjectName(object_name)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy" if language() == "de" else "yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.edited.emit())
        self.edit.dateChanged.connect(lambda _d: self.edited.emit())

    def set_date(self, value: date | None) -> None:
        """Show ``value`` (None: no date)."""
        blocked = self.blockSignals(True)
        self.check.setChecked(value is not None)
        self.edit.setDate(
            QDate(value.year, value.month, value.day) if value is not None else QDate.currentDate()
        )
        self.blockSignals(blocked)

    def date(self) -> date | None:
        """The date entered, None when there is none."""
        if not self.check.isChecked():
            return None
        day = self.edit.date()
        return date(day.year(), day.month(), day.day())


def line_edit(object_name: str, parent: QWidget | None = None) -> QLineEdit:
    """A one-line text field with an objectName and a clear button."""
    edit = QLineEdit(parent)
    edit.setObjectName(object_name)
    edit.setClearButtonEnabled(True)
    return edit


class AddressFields:
    """Street, postcode and city as every address form shows them: the street on its own
    row, the postcode (narrow) beside the city on the next, the row's label leading to the
    postcode. ``name`` turns a field key into the widget's objectName."""

    def __init__(self, name: Callable[[str], str], parent: QWidget) -> None:
        self.parent = parent
        self.street = line_edit(name("street"), parent)
        self.postcode = line_edit(name("postcode"), parent)
        self.postcode.setMaximumWidth(110)
        self.city = line_edit(name("city"), parent)
        self.place = QHBoxLayout()
        self.place.addWidget(self.postcode)
        self.place.addWidget(self.city, 1)

    def add_rows(
        self,
        form: QFormLayout,
        street_label: str,
        place_label: str,
        after_street: QWidget | None = None,
    ) -> None:
        """Add the two rows to ``form`` with these (translated) labels; ``after_street`` is
        a widget shown under the street (e.g. a finding)."""
        form.addRow(street_label, self.street)
        if after_street is not None:
            form.addRow("", after_street)
        label = QLabel(place_label, self.parent)
        label.setBuddy(self.postcode)
        form.addRow(label, self.place)


def text_edit(object_name: str, parent: QWidget | None = None, lines: int = 4) -> QPlainTextEdit:
    """A multi-line text field; Tab moves on to the next field."""
    edit = QPlainTextEdit(parent)
    edit.setObjectName(object_name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


def is_duplicate(name: str, uid: str, items: list[tuple[str, str]]) -> bool:
    """True when another entry (uid, name) of ``items`` has ``name`` (ignoring case)."""
    key = name.strip().casefold()
    return any(other_uid != uid and other.strip().casefold() == key for other_uid, other in items)


# --------------------------------------------------------------------------- base form


class _CatalogueForm(QWidget):
    """What the three forms share: the uid, the edited signal and the name check."""

    edited = Signal()
    """The user changed something."""

    _prefix = "form"

    def __init__(self, session: Session | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self._uid = m.new_uid()
        self._version = 0  # the stored version shown (0: new), see store.versions
        self._loading = False
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def _name(self, suffix: str) -> str:
        return f"{self._prefix}.{suffix}"

    def _emit(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _watch(self, *widgets: QWidget) -> None:
        for w in widgets:
            if isinstance(w, QLineEdit):
                w.textEdited.connect(self._emit)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self._emit)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self._emit)
                w.editTextChanged.connect(self._emit)
            elif isinstance(w, OptionalDateEdit):
                w.edited.connect(self._emit)
            elif isinstance(w, QListWidget):
                w.itemChanged.connect(self._emit)

    @property
    def uid(self) -> str:
        """Uid of the object being edited."""
        return self._uid

    def _name_field(self) -> tuple[QLineEdit, FieldMessage]:
        raise NotImplementedError

    def _others(self) -> list[tuple[str, str]]:
        """(uid, name) of the catalogue entries a name must not repeat."""
        return []

    def validate(self) -> bool:
        """Check the name (required, not used by another entry); show the problem at the field."""
        edit, note = self._name_field()
        name = edit.text().strip()
        if not name:
            note.show_message(self.tr("A name is required."))
        elif is_duplicate(name, self._uid, self._others()):
            note.show_message(self.tr("“{name}” is already in the catalogue.").format(name=name))
        else:
            note.clear_message()
            return True
        edit.setFocus()
        return False

    def focus_name(self) -> None:
        """Put the keyboard focus into the name (title) field."""
        self._name_field()[0].setFocus()

    def clear_messages(self) -> None:
        """Hide the messages at the fields."""
        self._name_field()[1].clear_message()


# --------------------------------------------------------------------------- processor


class ProcessorForm(_CatalogueForm):
    """Edits a processor: address, contract (AVV), subprocessor chain and notes."""

    _prefix = "processorForm"

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("processorForm")
        n = self._name
        self.name = line_edit(n("name"), self)
        self.name_note = FieldMessage(n("nameError"), self)
        address = AddressFields(n, self)
        self.street, self.postcode, self.city = address.street, address.postcode, address.city
        self.country = country_combo(n("country"), self)
        self.phone = line_edit(n("phone"), self)
        self.email = line_edit(n("email"), self)
        self.contract_date = OptionalDateEdit(n("contractDate"), self)
        self.contract_reference = line_edit(n("contractReference"), self)
        self.notes = text_edit(n("notes"), self, lines=3)

        form = self.layout_
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.name_note)
        address.add_rows(form, self.tr("&Street:"), self.tr("&Postcode, city:"))
        form.addRow(self.tr("C&ountry:"), self.country)
        form.addRow(self.tr("P&hone:"), self.phone)
        form.addRow(self.tr("&E-mail:"), self.email)
        form.addRow(self.tr("Contract (AVV) &date:"), self.contract_date)
        form.addRow(self.tr("Contract &reference:"), self.contract_reference)
        form.addRow(self.tr("Su&bprocessors:"), self._build_chain())
        form.addRow(self.tr("No&tes:"), self.notes)
        self._watch(
            self.name,
            self.street,
            self.postcode,
            self.city,
            self.country,
            self.phone,
            self.email,
            self.contract_date,
            self.contract_reference,
            self.notes,
        )
        self.setTabOrder(self.name, self.street)
        self.setTabOrder(self.street, self.postcode)
        self.setTabOrder(self.postcode, self.city)
        self.setTabOrder(self.city, self.country)
        self.setTabOrder(self.country, self.phone)
        self.setTabOrder(self.phone, self.email)
        self.setTabOrder(self.email, self.contract_date.check)
        self.setTabOrder(self.contract_date.check, self.contract_date.edit)
        self.setTabOrder(self.contract_date.edit, self.contract_reference)
        self.setTabOrder(self.contract_reference, self.sub_table)
        self.setTabOrder(self.sub_table, self.sub_candidate)
        self.setTabOrder(self.sub_candidate, self.sub_service)
        self.setTabOrder(self.sub_service, self.sub_add)
        self.setTabOrder(self.sub_add, self.sub_remove)
        self.setTabOrder(self.sub_remove, self.notes)
        self.set_value(m.Processor())

    def _build_chain(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sub_table = QTableWidget(0, 2, box)
        self.sub_table.setObjectName(self._name("subprocessors"))
        self.sub_table.setAccessibleName(self.tr("Subprocessors"))
        self.sub_table.setHorizontalHeaderLabels([self.tr("Subprocessor"), self.tr("Service")])
        self.sub_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sub_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sub_table.verticalHeader().hide()
        self.sub_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sub_table.setTabKeyNavigation(False)
        self.sub_table.setMaximumHeight(140)
        self.sub_table.itemChanged.connect(self._emit)
        self.sub_candidate = QComboBox(box)
        self.sub_candidate.setObjectName(self._name("subprocessorCandidate"))
        self.sub_candidate.setToolTip(self.tr("Another processor of the catalogue"))
        self.sub_service = line_edit(self._name("subprocessorService"), box)
        self.sub_service.setPlaceholderText(self.tr("Service it provides"))
        self.sub_service.returnPressed.connect(self.add_subprocessor)
        self.sub_add = QPushButton(self.tr("&Add"), box)
        self.sub_add.setObjectName(self._name("addSubprocessor"))
        self.sub_add.clicked.connect(self.add_subprocessor)
        self.sub_remove = QPushButton(self.tr("Re&move"), box)
        self.sub_remove.setObjectName(self._name("removeSubprocessor"))
        self.sub_remove.clicked.connect(self.remove_subprocessor)
        self.sub_table.itemSelectionChanged.connect(self._update_chain_buttons)
        row = QHBoxLayout()
        row.addWidget(self.sub_candidate, 2)
        row.addWidget(self.sub_service, 2)
        row.addWidget(self.sub_add)
        row.addWidget(self.sub_remove)
        layout.addWidget(self.sub_table)
        layout.addLayout(row)
        box.setFocusProxy(self.sub_table)
        return box

    def _name_field(self) -> tuple[QLineEdit, FieldMessage]:
        return self.name, self.name_note

    def _catalogue(self) -> list[m.Processor]:
        return list(self.session.catalogue().processors) if self.session is not None else []

    def _others(self) -> list[tuple[str, str]]:
        return [(p.uid, p.name) for p in self._catalogue()]

    def _linked(self) -> list[str]:
        return [self._link_uid(r) for r in range(self.sub_table.rowCount())]

    def _link_uid(self, row: int) -> str:
        item = self.sub_table.item(row, 0)
        return str(item.data(UID_ROLE)) if item is not None else ""

    def _link_service(self, row: int) -> str:
        item = self.sub_table.item(row, 1)
        return item.text().strip() if item is not None else ""

    def _refresh_candidates(self) -> None:
        """Offer every other processor not linked yet (never the processor itself)."""
        linked = set(self._linked())
        current = self.sub_candidate.currentData()
        self.sub_candidate.clear()
        for p in sorted(self._catalogue(), key=lambda p: p.name.casefold()):
            if p.uid != self._uid and p.uid not in linked:
                self.sub_candidate.addItem(p.name, p.uid)
        index = self.sub_candidate.findData(current)
        self.sub_candidate.setCurrentIndex(max(index, 0))
        self._update_chain_buttons()

    def refresh_choices(self) -> None:
        """Offer the catalogue's processors as it is now (after a change elsewhere)."""
        self._refresh_candidates()

    def _update_chain_buttons(self) -> None:
        self.sub_add.setEnabled(self.sub_candidate.count() > 0)
        self.sub_remove.setEnabled(bool(self.sub_table.selectionModel().selectedRows()))

    def _append_link(self, uid: str, service: str) -> None:
        names = {p.uid: p.name for p in self._catalogue()}
        row = self.sub_table.rowCount()
        self.sub_table.insertRow(row)
        who = QTableWidgetItem(names.get(uid, uid))
        who.setData(UID_ROLE, uid)
        who.setFlags(who.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.sub_table.setItem(row, 0, who)
        self.sub_table.setItem(row, 1, QTableWidgetItem(service))

    def add_subprocessor(self, uid: str | None = None, service: str | None = None) -> bool:
        """Link a subprocessor (default: the one chosen below the list); False if refused."""
        uid = uid if isinstance(uid, str) else self.sub_candidate.currentData()
        if not uid or uid == self._uid or uid in self._linked():
            return False
        text = service if isinstance(service, str) else self.sub_service.text().strip()
        blocked = self.sub_table.blockSignals(True)
        self._append_link(str(uid), text)
        self.sub_table.blockSignals(blocked)
        self.sub_service.clear()
        self._refresh_candidates()
        self._emit()
        return True

    def remove_subprocessor(self) -> None:
        """Remove the selected subprocessor links."""
        rows = sorted(
            {i.row() for i in self.sub_table.selectionModel().selectedRows()}, reverse=True
        )
        if not rows:
            return
        for r in rows:
            self.sub_table.removeRow(r)
        self._refresh_candidates()
        self._emit()

    def set_value(self, obj: m.Processor) -> None:
        """Show ``obj`` in the form."""
        self._loading = True
        try:
            self._uid = obj.uid
            self._version = obj.version
            self.name.setText(obj.name)
            self.street.setText(obj.street)
            self.postcode.setText(obj.postcode)
            self.city.setText(obj.city)
            self.country.set_code(obj.country)
            self.phone.setText(obj.phone)
            self.email.setText(obj.email)
            self.contract_date.set_date(obj.contract_date)
            self.contract_reference.setText(obj.contract_reference)
            self.notes.setPlainText(obj.notes)
            self.sub_table.setRowCount(0)
            for link in obj.subprocessors:
                self._append_link(link.processor, link.service)
            self._refresh_candidates()
            self.clear_messages()
        finally:
            self._loading = False

    def value(self) -> m.Processor:
        """A new processor with the form's content (same uid)."""
        links = [
            m.SubprocessorLink(self._link_uid(r), self._link_service(r))
            for r in range(self.sub_table.rowCount())
        ]
        return m.Processor(
            uid=self._uid,
            name=self.name.text().strip(),
            street=self.street.text().strip(),
            postcode=self.postcode.text().strip(),
            city=self.city.text().strip(),
            country=self.country.code(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            contract_date=self.contract_date.date(),
            contract_reference=self.contract_reference.text().strip(),
            subprocessors=links,
            notes=self.notes.toPlainText().strip(),
            version=self._version,
        )


# --------------------------------------------------------------------------- recipient


class RecipientForm(_CatalogueForm):
    """Edits an external recipient (category): name, category, country, notes."""

    _prefix = "recipientForm"

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("recipientForm")
        n = self._name
        self.name = line_edit(n("name"), self)
        self.name_note = FieldMessage(n("nameError"), self)
        self.category = line_edit(n("category"), self)
        self.country = country_combo(n("country"), self)
        self.notes = text_edit(n("notes"), self, lines=4)
        form = self.layout_
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.name_note)
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("C&ountry:"), self.country)
        form.addRow(self.tr("No&tes:"), self.notes)
        self._watch(self.name, self.category, self.country, self.notes)
        self.set_value(m.Recipient())

    def _name_field(self) -> tuple[QLineEdit, FieldMessage]:
        return self.name, self.name_note

    def _others(self) -> list[tuple[str, str]]:
        if self.session is None:
            return []
        return [(r.uid, r.name) for r in self.session.catalogue().recipients]

    def _suggest_categories(self) -> None:
        if self.session is None:
            return
        cats = sorted(
            {r.category for r in self.session.catalogue().recipients if r.category},
            key=str.casefold,
        )
        completer = QCompleter(cats, self.category)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.category.setCompleter(completer)

    def set_value(self, obj: m.Recipient) -> None:
        """Show ``obj`` in the form."""
        self._loading = True
        try:
            self._uid = obj.uid
            self._version = obj.version
            self.name.setText(obj.name)
            self.category.setText(obj.category)
            self.country.set_code(obj.country)
            self.notes.setPlainText(obj.notes)
            self._suggest_categories()
            self.clear_messages()
        finally:
            self._loading = False

    def value(self) -> m.Recipient:
        """A new recipient with the form's content (same uid)."""
        return m.Recipient(
            uid=self._uid,
            name=self.name.text().strip(),
            category=self.category.text().strip(),
            country=self.country.code(),
            notes=self.notes.toPlainText().strip(),
            version=self._version,
        )


# --------------------------------------------------------------------------- TOM


class TomForm(_CatalogueForm):
    """Edits a measure of the TOM catalogue: title, description, SDM goal, Art. 32 items."""

    _prefix = "tomForm"

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("tomForm")
        n = self._name
        self.title = line_edit(n("title"), self)
        self.title_note = FieldMessage(n("titleError"), self)
        self.description = text_edit(n("description"), self, lines=4)
        self.sdm_goal = VocabCombo(vocab.sdm_goals(), n("sdmGoal"), parent=self)
        self.art32 = QListWidget(self)
        self.art32.setObjectName(n("art32"))
        self.art32.setWordWrap(True)
        self.art32.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lang = language()
        for term in vocab.art32_categories():
            item = QListWidgetItem(term.label(lang), self.art32)
            item.setData(UID_ROLE, term.id)
            item.setToolTip(term.label(lang))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        form = self.layout_
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow("", self.title_note)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("SDM &goal:"), self.sdm_goal)
        form.addRow(self.tr("&Art. 32 GDPR:"), self.art32)
        self._watch(self.title, self.description, self.sdm_goal, self.art32)
        self.set_value(m.Tom())

    def _name_field(self) -> tuple[QLineEdit, FieldMessage]:
        return self.title, self.title_note

    def _others(self) -> list[tuple[str, str]]:
        if self.session is None:
            return []
        return [(t.uid, t.title) for t in self.session.catalogue().toms]

    def _art32_items(self) -> list[QListWidgetItem]:
        return [self.art32.item(i) for i in range(self.art32.count())]

    def set_art32(self, ids: list[str]) -> None:
        """Tick the Art. 32 items ``ids`` (unknown ids are kept as extra items)."""
        known = {str(i.data(UID_ROLE)) for i in self._art32_items()}
        for ref in ids:
            if ref not in known:
                item = QListWidgetItem(ref, self.art32)
                item.setData(UID_ROLE, ref)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        for item in self._art32_items():
            item.setCheckState(
                Qt.CheckState.Checked if item.data(UID_ROLE) in ids else Qt.CheckState.Unchecked
            )

    def set_value(self, obj: m.Tom) -> None:
        """Show ``obj`` in the form."""
        self._loading = True
        try:
            self._uid = obj.uid
            self._version = obj.version
            self.title.setText(obj.title)
            self.description.setPlainText(obj.description)
            self.sdm_goal.set_code(obj.sdm_goal)
            self.set_art32(list(obj.art32))
            self.clear_messages()
        finally:
            self._loading = False

    def value(self) -> m.Tom:
        """A new measure with the form's content (same uid)."""
        return m.Tom(
            uid=self._uid,
            title=self.title.text().strip(),
            description=self.description.toPlainText().strip(),
            sdm_goal=self.sdm_goal.code(),
            art32=[
                str(i.data(UID_ROLE))
                for i in self._art32_items()
                if i.checkState() == Qt.CheckState.Checked
            ],
            version=self._version,
        )


def sdm_goal_label(ref: str) -> str:
    """Label of an SDM goal id (the id itself when unknown)."""
    term = vocab.sdm_goals().get(ref) if ref else None
    return term.label(language()) if term is not None else ref


def country_label(code: str) -> str:
    """Country name for a code, as the lists show it."""
    return presentation.country(code)
