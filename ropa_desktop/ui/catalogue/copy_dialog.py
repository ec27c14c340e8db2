"""“Copy from another organisation …”: take processors, recipients or TOMs of another
organisation into the current one, as copies of its own.

Choose the organisation (the first other one is preselected), tick the entries, Copy.
Processors come with their subprocessor chains; notes, contract data and TOM descriptions
stay behind unless the box is ticked. The copy is one batch in the history (undoable).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import model as m
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.session import Session

UID_ROLE = Qt.ItemDataRole.UserRole


class CopyFromOrganisationDialog(QDialog):
    """Pick entries of another organisation's catalogue and copy them into the current one.

    ``kind`` is "processor", "recipient" or "tom": the entries the page shows.
    """

    def __init__(self, session: Session, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copyFromOrganisation")
        self.setWindowTitle(self.tr("Copy from another organisation"))
        self.session = session
        self.kind = kind
        self.copied: dict[str, str] = {}
        self.organisation = QComboBox(self)
        self.organisation.setObjectName("copyFromOrganisation.organisation")
        current = session.organisation_name
        for org in session.organisations(include_archived=True):
            if org.name != current:
                self.organisation.addItem(org.name, org.name)
        self.entries = QListWidget(self)
        self.entries.setObjectName("copyFromOrganisation.entries")
        self.with_notes = QCheckBox(
            self.tr("Also copy notes, contract date and reference and TOM descriptions"), self
        )
        self.with_notes.setObjectName("copyFromOrganisation.withNotes")
        hint = QLabel(
            self.tr(
                "The copies belong to “{name}” alone; processors come with their subprocessors. "
                "Notes and contract data of the other organisation stay behind unless you tick "
                "the box."
            ).format(name=current or ""),
            self,
        )
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.copy_button = self.buttons.addButton(
            self.tr("Copy"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.copy_button.setObjectName("copyFromOrganisation.copy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Organisation:"), self.organisation)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.with_notes)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.organisation.currentIndexChanged.connect(lambda _i: self._fill())
        self.entries.itemChanged.connect(lambda _item: self._update())
        self._fill()
        self.resize(520, 440)

    def _catalogue(self) -> list[m.Processor | m.Recipient | m.Tom]:
        name = self.organisation.currentData()
        if name is None:
            return []
        register = self.session.store.catalogue(name)
        if self.kind == "processor":
            return list(register.processors)
        if self.kind == "recipient":
            return list(register.recipients)
        return list(register.toms)

    def _fill(self) -> None:
        self.entries.blockSignals(True)
        try:
            self.entries.clear()
            for entry in sorted(self._catalogue(), key=lambda e: _label(e).casefold()):
                item = QListWidgetItem(_label(entry), self.entries)
                item.setData(UID_ROLE, entry.uid)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        finally:
            self.entries.blockSignals(False)
        self._update()

    def _update(self) -> None:
        self.copy_button.setEnabled(bool(self.chosen()))

    def chosen(self) -> list[str]:
        """Uids of the ticked entries."""
        return [
            self.entries.item(i).data(UID_ROLE)
            for i in range(self.entries.count())
            if self.entries.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, names: list[str]) -> None:
        """Tick the entries of these names (what a click on each does)."""
        for i in range(self.entries.count()):
            item = self.entries.item(i)
            if item.text() in names:
                item.setCheckState(Qt.CheckState.Checked)

    def accept(self) -> None:
        """Copy the ticked entries; stays open with a message when refused."""
        uids = self.chosen()
        if not uids:
            return
        try:
            self.copied = self.session.copy_from(
                self.organisation.currentData(), uids, with_notes=self.with_notes.isChecked()
            )
        except Exception as exc:  # StoreError: nothing was copied
            prompts.show_error(self, self.tr("Not copied"), exc)
            return
        super().accept()


def _label(entry: m.Processor | m.Recipient | m.Tom) -> str:
    return entry.title if isinstance(entry, m.Tom) else entry.name
