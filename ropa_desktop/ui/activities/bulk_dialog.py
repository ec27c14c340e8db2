"""Changing several activities at once (after an import): department, status, next review
date, or numbering continuing the organisation's scheme. What is ticked is set on every
selected activity, in one step that the history (Verlauf) can undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.numbering import next_references
from ropa_desktop.store.bulk import BulkChange


class BulkEditDialog(QDialog):
    """Tick what to set on the ``count`` selected activities; :meth:`change` tells it."""

    def __init__(
        self,
        count: int,
        departments: list[str],
        references: list[str],
        unnumbered: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Change %n activities", "", count))
        self._count = count
        self._references = references
        self._unnumbered = unnumbered
        intro = QLabel(
            self.tr(
                "What you tick is set on all %n selected activities, in one step that the "
                "history (Verlauf) can undo.",
                "",
                count,
            ),
            self,
        )
        intro.setWordWrap(True)

        self.set_department = QCheckBox(self.tr("&Department:"), self)
        self.department = QComboBox(self)
        self.department.setEditable(True)
        self.department.addItems(sorted({d for d in departments if d.strip()}, key=str.casefold))
        self.department.setCurrentText("")
        self.department.setAccessibleName(self.tr("Department"))

        self.set_status = QCheckBox(self.tr("&Status:"), self)
        self.status = QComboBox(self)
        for status in m.ActivityStatus:
            self.status.addItem(p.STATUS[status](), status.value)
        self.status.setAccessibleName(self.tr("Status"))

        self.set_review = QCheckBox(self.tr("&Next review:"), self)
        self.review = QDateEdit(self)
        self.review.setCalendarPopup(True)
        self.review.setDisplayFormat("dd.MM.yyyy")
        self.review.setDate(QDate.currentDate().addYears(1))
        self.review.setAccessibleName(self.tr("Next review"))

        line = self.department.lineEdit()
        if line is not None:  # editable: the typed text is the department
            line.setAccessibleName(self.tr("Department"))
        self.number = QCheckBox(self.tr("N&umber the activities without a reference"), self)
        self.renumber = QCheckBox(self.tr("&Also renumber those that have one"), self)
        self.preview = QLabel(self)
        self.preview.setObjectName("bulkEditDialog.preview")
        self.preview.setWordWrap(True)

        for key, box, edit in (
            ("department", self.set_department, self.department),
            ("status", self.set_status, self.status),
            ("review", self.set_review, self.review),
        ):
            box.setObjectName(f"bulkEditDialog.{key}")
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(self._update)
        self.department.editTextChanged.connect(self._update)
        self.renumber.setEnabled(False)
        self.number.toggled.connect(self.renumber.setEnabled)
        self.number.toggled.connect(self._update)
        self.renumber.toggled.connect(self._update)

        form = QFormLayout()
        form.addRow(self.set_department, self.department)
        form.addRow(self.set_status, self.status)
        form.addRow(self.set_review, self.review)
        form.addRow(self.number)
        form.addRow(self.renumber)
        form.addRow(self.preview)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Apply"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update()

    def change(self) -> BulkChange:
        """What the dialog sets now."""
        review = self.review.date()
        department = self.department.currentText().strip()
        status = m.ActivityStatus(self.status.currentData())
        return BulkChange(
            department=department if self.set_department.isChecked() else None,
            status=status if self.set_status.isChecked() else None,
            next_review=date(review.year(), review.month(), review.day())
            if self.set_review.isChecked()
            else None,
            number=self.number.isChecked(),
            renumber=self.number.isChecked() and self.renumber.isChecked(),
        )

    def _update(self) -> None:
        change = self.change()
        count = 0
        if change.number:
            count = self._count if change.renumber else self._unnumbered
        if not change.number:
            self.preview.setText("")
        elif count == 0:
            self.preview.setText(self.tr("Every selected activity has a reference already."))
        else:
            new = next_references(self._references, count)
            shown = new[0] if count == 1 else f"{new[0]} … {new[-1]}"
            self.preview.setText(self.tr("New references: %1").replace("%1", shown))
        self.ok.setEnabled(not change.is_empty())


def ask_bulk_change(
    parent: QWidget | None,
    count: int,
    departments: list[str],
    references: list[str],
    unnumbered: int,
) -> BulkChange | None:
    """Open the dialog; the change chosen, or None when cancelled."""
    dialog = BulkEditDialog(count, departments, references, unnumbered, parent)
    return dialog.change() if dialog.exec() == QDialog.DialogCode.Accepted else None
