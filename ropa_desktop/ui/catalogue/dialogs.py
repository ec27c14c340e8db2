"""Dialogs that create or edit one catalogue entry (processor, recipient, TOM).

Other editors use the convenience functions (:func:`new_processor` …) to add an
entry to the shared catalogue without leaving what they are doing; tests build
the dialog, fill :attr:`form` and call :meth:`accept`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ropa_desktop.domain import model as m
from ropa_desktop.ui.catalogue.forms import ProcessorForm, RecipientForm, TomForm
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.session import Session


class _CatalogueDialog(QDialog):
    """A form with OK/Cancel; OK validates the form and saves through the session."""

    _object_name = "catalogueDialog"

    def __init__(
        self, session: Session, form: Any, obj: Any | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(self._object_name)
        self.session = session
        self.form = form
        self.result_object: Any | None = None
        if obj is not None:
            form.set_value(obj)
        self._existing = obj is not None and obj.uid in self._catalogue_uids()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName(self._object_name + ".buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _catalogue_uids(self) -> set[str]:
        raise NotImplementedError

    def _save(self, obj: Any) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        """Validate and save; the dialog stays open (message at the field) when refused."""
        if not self.form.validate():
            return
        try:
            saved = self._save(self.form.value())
        except Exception as exc:  # the store refuses with a StoreError; show any refusal
            prompts.show_error(self, self.tr("Not saved"), exc)
            return
        self.result_object = saved
        super().accept()


class ProcessorDialog(_CatalogueDialog):
    """Create or edit a processor of the catalogue."""

    _object_name = "processorDialog"

    def __init__(
        self, session: Session, processor: m.Processor | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, ProcessorForm(session), processor, parent)
        self.setWindowTitle(
            self.tr("Edit processor") if self._existing else self.tr("New processor")
        )

    def _catalogue_uids(self) -> set[str]:
        return {p.uid for p in self.session.catalogue().processors}

    def _save(self, obj: m.Processor) -> m.Processor:
        return self.session.save_processor(obj)


class RecipientDialog(_CatalogueDialog):
    """Create or edit an external recipient of the catalogue."""

    _object_name = "recipientDialog"

    def __init__(
        self, session: Session, recipient: m.Recipient | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, RecipientForm(session), recipient, parent)
        self.setWindowTitle(
            self.tr("Edit recipient") if self._existing else self.tr("New recipient")
        )

    def _catalogue_uids(self) -> set[str]:
        return {r.uid for r in self.session.catalogue().recipients}

    def _save(self, obj: m.Recipient) -> m.Recipient:
        return self.session.save_recipient(obj)


class TomDialog(_CatalogueDialog):
    """Create or edit a technical or organisational measure of the catalogue."""

    _object_name = "tomDialog"

    def __init__(
        self, session: Session, tom: m.Tom | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, TomForm(session), tom, parent)
        self.setWindowTitle(self.tr("Edit measure") if self._existing else self.tr("New measure"))

    def _catalogue_uids(self) -> set[str]:
        return {t.uid for t in self.session.catalogue().toms}

    def _save(self, obj: m.Tom) -> m.Tom:
        return self.session.save_tom(obj)


def _run(dialog: _CatalogueDialog) -> Any | None:
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.result_object
    return None


def new_processor(parent: QWidget | None, session: Session, name: str = "") -> m.Processor | None:
    """Ask for a new processor (name prefilled); the saved processor, or None when cancelled."""
    return _run(ProcessorDialog(session, m.Processor(name=name.strip()), parent))


def new_recipient(parent: QWidget | None, session: Session, name: str = "") -> m.Recipient | None:
    """Ask for a new recipient (name prefilled); the saved recipient, or None when cancelled."""
    return _run(RecipientDialog(session, m.Recipient(name=name.strip()), parent))


def new_tom(parent: QWidget | None, session: Session, title: str = "") -> m.Tom | None:
    """Ask for a new measure (title prefilled); the saved measure, or None when cancelled."""
    return _run(TomDialog(session, m.Tom(title=title.strip()), parent))
