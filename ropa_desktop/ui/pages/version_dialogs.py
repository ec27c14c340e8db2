"""Dialogs of the Versionen page: freezing with a label, recording a delivery, and a
frozen version shown read-only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import i18n
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.model import Register
from ropa_desktop.ui.common.naming import named


class FreezeDialog(QDialog):
    """Asks for the label of a new frozen version ("Stand für BayLfD, Anfrage vom …")."""

    def __init__(self, organisation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Freeze version"))
        self.label = named(QLineEdit(self), "versions.freeze.label")
        self.label.setPlaceholderText(self.tr("e.g. version for the supervisory authority"))
        text = QLabel(
            self.tr(
                "The register of “{org}” is stored as it is now, as the next numbered "
                "version. Later changes do not alter it."
            ).format(org=organisation),
            self,
        )
        text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Label:"), self.label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Freeze"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())


class DeliveryDialog(QDialog):
    """Records to whom, when and under which reference a version was handed over."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark version {number} as delivered").format(number=number))
        self.recipient = named(QLineEdit(self), "versions.delivery.recipient")
        self.recipient.setPlaceholderText(self.tr("e.g. the supervisory authority"))
        self.on = named(QDateEdit(QDate.currentDate(), self), "versions.delivery.date")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd.MM.yyyy")
        self.reference = named(QLineEdit(self), "versions.delivery.reference")
        self.message = named(QLabel(self), "versions.delivery.message")
        form = QFormLayout()
        form.addRow(self.tr("&Recipient:"), self.recipient)
        form.addRow(self.tr("&Date:"), self.on)
        form.addRow(self.tr("Re&ference:"), self.reference)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def day(self) -> date:
        """The date chosen."""
        chosen = self.on.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _accept(self) -> None:
        if not self.recipient.text().strip():
            self.message.setText(self.tr("Please name the recipient."))
            return
        self.accept()


def version_text(register: Register, organisation: str) -> str:
    """A frozen register as plain text: every activity with its main Art. 30 items."""
    lang = i18n.language()
    org = register.organisation(organisation)
    if org is None:
        return ""
    processors = register.processors_by_uid()
    recipients = register.recipients_by_uid()
    toms = register.toms_by_uid()
    label = p.FIELD_LABELS
    out: list[str] = []
    for a in org.activities:
        out.append(f"{a.reference} {a.name}".strip())
        out.append(f"  {label['status'](lang)}: {p.STATUS[a.status](lang)}")
        for purpose in a.purposes:
            bases = ", ".join(p.legal_basis(b, lang) for b in purpose.legal_bases)
            out.append(f"  {label['purposes'](lang)}: {purpose.text} ({bases})")
        rows = [
            ("data_subjects", a.data_subjects),
            ("data_categories", [c.name for c in a.data_categories]),
            ("recipients", [recipients[u].name if u in recipients else u for u in a.recipients]),
            (
                "processors",
                [
                    processors[x.processor].name if x.processor in processors else x.processor
                    for x in a.processors
                ],
            ),
            ("transfers", [p.transfer(t, processors, lang) for t in a.transfers]),
            ("toms", [toms[u].title if u in toms else u for u in a.toms]),
        ]
        for key, values in rows:
            if values:
                out.append(f"  {label[key](lang)}: {'; '.join(values)}")
        out.append("")
    return "\n".join(out)


class VersionDialog(QDialog):
    """A frozen version, read-only."""

    def __init__(
        self, title: str, register: Register, organisation: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = named(QPlainTextEdit(self), "versions.view.text")
        self.text.setReadOnly(True)
        self.text.setPlainText(version_text(register, organisation))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(820, 620)
