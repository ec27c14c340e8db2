"""Deleting a catalogue entry that records still use: the dialog names every one of them
and lets the DPO remove the entry from all of them, or replace it there by another entry.

:func:`ask_entry_deletion` opens the dialog; tests answer it by replacing that function
(or drive :class:`DeleteEntryDialog` directly).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.store.catalogue_delete import EntryUse


@dataclass(frozen=True, slots=True)
class Deletion:
    """The DPO's answer: delete, and put ``replacement`` (a uid) where the entry was."""

    replacement: str | None = None


def use_label(use: EntryUse) -> str:
    """ "Activity: Gehaltsabrechnung" — what kind of record uses the entry, and its name."""
    kinds = {
        "activity": QCoreApplication.translate("DeleteEntryDialog", "Activity"),
        "service": QCoreApplication.translate("DeleteEntryDialog", "Processing service"),
        "processor": QCoreApplication.translate("DeleteEntryDialog", "Processor (subprocessor)"),
    }
    return f"{kinds.get(use.entity, use.entity)}: {use.name}"


class DeleteEntryDialog(QDialog):
    """Names the records using an entry; Remove from all of them, or Replace by another."""

    def __init__(
        self,
        title: str,
        name: str,
        uses: list[EntryUse],
        replacements: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deleteEntryDialog")
        self.setWindowTitle(title)
        intro = QLabel(
            self.tr(
                "“{name}” is still used by %n record(s). Deleting it changes all of them "
                "in one step, which the history (Verlauf) can undo.",
                "",
                len(uses),
            ).format(name=name),
            self,
        )
        intro.setWordWrap(True)
        self.uses = QListWidget(self)
        self.uses.setObjectName("deleteEntryDialog.uses")
        self.uses.setAccessibleName(self.tr("Records using the entry"))
        self.uses.addItems([use_label(u) for u in uses])
        self.remove = QRadioButton(self.tr("&Remove it from all of them"), self)
        self.remove.setObjectName("deleteEntryDialog.remove")
        self.replace = QRadioButton(self.tr("Re&place it in all of them by:"), self)
        self.replace.setObjectName("deleteEntryDialog.replace")
        group = QButtonGroup(self)
        group.addButton(self.remove)
        group.addButton(self.replace)
        self.replacement = QComboBox(self)
        self.replacement.setObjectName("deleteEntryDialog.replacement")
        self.replacement.setAccessibleName(self.tr("Replacement"))
        for uid, label in replacements:
            self.replacement.addItem(label, uid)
        self.replace.setEnabled(bool(replacements))
        self.replacement.setEnabled(False)
        self.replace.toggled.connect(self.replacement.setEnabled)
        self.remove.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Delete"))
        ok.setObjectName("deleteEntryDialog.ok")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.uses, 1)
        layout.addWidget(self.remove)
        layout.addWidget(self.replace)
        layout.addWidget(self.replacement)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def answer(self) -> Deletion:
        """What the dialog says now (Remove, or Replace by the chosen entry)."""
        if self.replace.isChecked() and self.replacement.currentIndex() >= 0:
            return Deletion(str(self.replacement.currentData()))
        return Deletion()


def ask_entry_deletion(
    parent: QWidget | None,
    title: str,
    name: str,
    uses: list[EntryUse],
    replacements: list[tuple[str, str]],
) -> Deletion | None:
    """Ask how to delete an entry that ``uses`` name; None when cancelled."""
    dialog = DeleteEntryDialog(title, name, uses, replacements, parent)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
