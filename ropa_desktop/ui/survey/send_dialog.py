"""Datei → Fragebögen an Fachbereiche …: one questionnaire workbook per chosen department."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.io.survey.sending import Sent, send_questionnaires
from ropa_desktop.io.survey.workbook import department_title
from ropa_desktop.ui.common import prompts, settings, tasks
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.session import Session


class SendDialog(QDialog):
    """Choose departments, folder and an optional password; writes on a worker thread."""

    sent = Signal(list)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: tasks.BackgroundTask | None = None
        self.setObjectName("surveySendDialog")
        self.setWindowTitle(self.tr("Questionnaires for the departments"))
        org = session.organisation()
        self.departments = named(QListWidget(self), "survey.departments")
        counts: dict[str, int] = {}
        for act in org.activities if org else []:
            counts[act.department.strip()] = counts.get(act.department.strip(), 0) + 1
        for department in sorted(counts):
            item = QListWidgetItem(
                self.tr("{department} ({n} activities)").format(
                    department=department_title(department), n=counts[department]
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, department)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.departments.addItem(item)
        self.folder = named(QLineEdit(self), "survey.folder")
        self.folder.setText(str(settings.value("survey/folder", Path.home())))
        browse = QPushButton(self.tr("&Browse …"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.password = named(QLineEdit(self), "survey.password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("optional: without, the sheets are locked"))
        self.repeat = named(QLineEdit(self), "survey.repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        intro = QLabel(
            self.tr(
                "One workbook per department with its activities, explanations of every item "
                "and drop-down lists. Send each department its file; import the answers with "
                "File → Review questionnaire answers …."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Departments:"), self.departments)
        form.addRow(self.tr("&Folder:"), folder_row)
        form.addRow(self.tr("Sheet &password:"), self.password)
        form.addRow(self.tr("&Repeat password:"), self.repeat)
        self.message = named(QLabel(self), "survey.message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Write questionnaires"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(620, 460)

    def chosen(self) -> list[str]:
        """The departments ticked."""
        out: list[str] = []
        for row in range(self.departments.count()):
            item = self.departments.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.windowTitle(), self.folder.text())
        if path:
            self.folder.setText(path)

    def start(self) -> None:
        """Write the workbooks on a worker thread with progress and Cancel."""
        chosen = self.chosen()
        if not chosen:
            self.message.setText(self.tr("Please tick at least one department."))
            return
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        folder = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip() or not folder.is_dir():
            text = self.tr("The folder {folder} does not exist.").format(folder=folder)
            self.message.setText(text)
            return
        organisation = self.session.organisation_name
        if organisation is None:
            return
        store, password = self.session.store, self.password.text()

        def work(progress: Any) -> list[Sent]:
            return send_questionnaires(
                store, organisation, folder, chosen, password=password, progress=progress
            )

        self.setEnabled(False)
        self.task = tasks.run_task(
            self,
            self.tr("Writing questionnaires …"),
            work,
            on_success=self._done,
            on_failure=self._failed,
            on_cancel=self._cancelled,
        )

    def _done(self, sent: list[Sent]) -> None:
        settings.set_value("survey/folder", self.folder.text().strip())
        self.sent.emit(sent)
        prompts.inform(
            self,
            self.windowTitle(),
            self.tr("Written:\n{files}").format(files="\n".join(str(s.path) for s in sent)),
        )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self.message.setText(prompts.error_text(exc))
        prompts.show_error(self, self.windowTitle(), exc)

    def _cancelled(self) -> None:
        self.setEnabled(True)
        self.message.setText(self.tr("Cancelled; questionnaires already written are kept."))
