"""Export dialog: Excel, PDF or JSON of the whole register or of selected activities."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import i18n
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import Register
from ropa_desktop.ui.common import prompts, settings, tasks
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.session import Session

SUFFIX = {"xlsx": ".xlsx", "pdf": ".pdf", "json": ".json"}
WORKING_COPY = Text("Arbeitsstand", "working copy")
"""The version stamp of an export that is not a frozen version (as the CLI writes it)."""


def export_work(
    store: Any,
    organisation: str,
    fmt: str,
    target: Path,
    *,
    uids: list[str] | None = None,
    register_kind: str = "controller",
    lang: str = "de",
) -> Any:
    """The export as a work function for :func:`tasks.run_task` (runs on the worker thread).

    Reads the organisation's register afresh from the database, keeps only ``uids``
    when given, and writes ``target`` atomically in ``fmt``.
    """
    version = WORKING_COPY(lang)

    def work(progress: Any) -> Path:
        progress.step(0, 1, "")
        register: Register = store.load_register(organisation)
        files = store.attachments(register.organisations[0].uid)  # listed, never included
        if uids is not None:
            wanted = set(uids)
            org = register.organisations[0]
            org.activities = [a for a in org.activities if a.uid in wanted]
        if fmt == "xlsx":
            from ropa_desktop.io.export.xlsx import export_xlsx

            export_xlsx(
                register,
                organisation,
                target,
                register_kind=register_kind,
                lang=lang,
                stand=date.today(),
                version=version,
                progress=progress,
                attachments=files,
            )
        elif fmt == "pdf":
            from ropa_desktop.io.export.pdf import export_pdf

            export_pdf(
                register,
                organisation,
                target,
                register_kind=register_kind,
                lang=lang,
                stand=date.today(),
                version=version,
                progress=progress,
                attachments=files,
            )
        else:
            from ropa_desktop.io.files import atomic_text
            from ropa_desktop.io.json_register import dumps

            with atomic_text(target) as fh:
                fh.write(dumps(register))
                progress.step(1, 1, "")
        return target

    return work


class ExportDialog(QDialog):
    """Choose what to export, the language and the file; writes on a worker thread."""

    exported = Signal(str)

    def __init__(
        self,
        session: Session,
        fmt: str,
        uids: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.fmt = fmt
        self.uids = uids
        self.task: tasks.BackgroundTask | None = None
        self.setObjectName("exportDialog")
        names = {"xlsx": "Excel", "pdf": "PDF", "json": "JSON"}
        self.setWindowTitle(self.tr("Export as {format}").format(format=names[fmt]))
        org = session.organisation()
        org_name = session.organisation_name or ""

        self.whole = named(QRadioButton(self), "export.whole")
        self.selection = named(
            QRadioButton(self.tr("Selected activities ({n})").format(n=len(uids or [])), self),
            "export.selection",
        )
        self.selection.setEnabled(bool(uids))
        (self.selection if uids else self.whole).setChecked(True)

        self.kind = named(QComboBox(self), "export.kind")
        self.kind.addItem(self.tr("Controller register (Art. 30(1))"), "controller")
        if org is not None and (org.is_processor or org.services):
            self.kind.addItem(self.tr("Processor register (Art. 30(2))"), "processor")
        self.kind.setEnabled(fmt != "json" and self.kind.count() > 1)
        if self.kind.count() > 1 and org is not None and org.services and not org.activities:
            self.kind.setCurrentIndex(1)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_content())
        self._show_content()

        self.language = named(QComboBox(self), "export.language")
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if i18n.language() == "de" else 1)
        self.language.setEnabled(fmt != "json")

        self.path = named(QLineEdit(self), "export.path")
        folder = Path(str(settings.value("export/folder", Path.home())))
        stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in org_name) or "register"
        self.path.setText(str(folder / f"VVT_{stem}_{date.today():%Y-%m-%d}{SUFFIX[fmt]}"))
        browse = QPushButton(self.tr("&Browse …"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        path_label = QLabel(self.tr("&File:"), self)
        path_label.setBuddy(self.path)  # Alt+F goes to the path; the "&" is no text

        form = QFormLayout()
        form.addRow(self.tr("Content:"), self.whole)
        form.addRow("", self.selection)
        form.addRow(self.tr("Register:"), self.kind)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(path_label, path_row)
        self.message = named(QLabel(self), "export.message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def _show_content(self) -> None:
        """Name what the whole register holds: activities, or the processing services of
        the processor register (never "0 activities" for a processor, issue 13 item 20)."""
        org = self.session.organisation()
        org_name = self.session.organisation_name or ""
        if self.kind.currentData() == "processor":
            text = self.tr("Whole register of “{org}” ({n} processing services)").format(
                org=org_name, n=len(org.services) if org else 0
            )
            self.selection.setEnabled(False)
            self.whole.setChecked(True)
        else:
            text = self.tr("Whole register of “{org}” ({n} activities)").format(
                org=org_name, n=len(org.activities) if org else 0
            )
            self.selection.setEnabled(bool(self.uids))
        self.whole.setText(text)

    def _browse(self) -> None:
        filters = {
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "pdf": self.tr("PDF (*.pdf)"),
            "json": self.tr("JSON (*.json)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.path.text(), filters[self.fmt]
        )
        if path:
            self.path.setText(path)

    def start(self) -> None:
        """Write the file on a worker thread with progress and Cancel."""
        text = self.path.text().strip()
        if not text:
            self.message.setText(self.tr("Please choose a file."))
            return
        target = Path(text).expanduser()
        if target.suffix.lower() != SUFFIX[self.fmt]:
            target = target.with_name(target.name + SUFFIX[self.fmt])
        if not target.parent.is_dir():
            self.message.setText(
                self.tr("The folder {folder} does not exist.").format(folder=target.parent)
            )
            return
        organisation = self.session.organisation_name
        if organisation is None:
            return
        uids = self.uids if self.selection.isChecked() else None
        work = export_work(
            self.session.store,
            organisation,
            self.fmt,
            target,
            uids=uids,
            register_kind=self.kind.currentData(),
            lang=self.language.currentData(),
        )
        self.setEnabled(False)
        self.task = tasks.run_task(
            self,
            self.tr("Exporting {file} …").format(file=target.name),
            work,
            on_success=self._done,
            on_failure=self._failed,
            on_cancel=self._cancelled,
        )

    def _done(self, target: Path) -> None:
        settings.set_value("export/folder", str(target.parent))
        self.exported.emit(str(target))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self.message.setText(prompts.error_text(exc))
        prompts.show_error(self, self.windowTitle(), exc)

    def _cancelled(self) -> None:
        self.setEnabled(True)
        self.message.setText(self.tr("Export cancelled; no file was written."))
