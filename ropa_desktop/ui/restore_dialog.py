"""Datei → Sicherung wiederherstellen …: the backups of the open register, newest first,
and restoring one of them (on a worker thread, after a question)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.store.backup import BackupFile, backup_folder, backups_of
from ropa_desktop.ui.common import prompts, tasks
from ropa_desktop.ui.session import Session


class RestoreDialog(QDialog):
    """Lists the backups (date, reason, size) and restores the chosen one."""

    restored = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore backup"))
        self.resize(720, 420)
        self.backups: list[BackupFile] = backups_of(session.store.engine)
        folder = backup_folder(session.store.engine)
        intro = QLabel(
            self.tr(
                "Backups in {folder}. Restoring replaces the whole register; the current state "
                "is backed up first."
            ).format(folder=folder),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 3, self)
        self.table.setObjectName("restoreDialog.table")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Reason"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, b in enumerate(self.backups):
            at = b.at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
            for col, value in enumerate((at, self._reason(b.reason), f"{b.size / 2**20:.1f} MB")):
                item = QTableWidgetItem(value)
                item.setToolTip(str(b.path))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreDialog.restore")
        self.restore_button.setEnabled(bool(self.backups))
        self.other_button = buttons.addButton(
            self.tr("Other &file …"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button.clicked.connect(self._choose_file)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._task: Any = None

    def _reason(self, reason: str) -> str:
        names = {
            "manual": self.tr("manual backup"),
            "before-import": self.tr("before an import"),
            "before-undo": self.tr("before an undo"),
            "before-template": self.tr("before applying a template"),
            "before-restore": self.tr("before a restore"),
        }
        if reason.startswith("before-upgrade"):
            return self.tr("before a program update")
        return names.get(reason, reason)

    def selected(self) -> Path | None:
        """The backup of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()].path if rows else None

    def _choose_file(self) -> None:
        # Starts in the home folder, never in the register's folder (see store/lockfile.py).
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.windowTitle(),
            str(Path.home()),
            self.tr("Backups (*.sqlite *.json);;All files (*)"),
        )
        if chosen:
            self.restore(Path(chosen))

    def restore_selected(self) -> None:
        """Restore the selected backup after asking."""
        path = self.selected()
        if path is not None:
            self.restore(path)

    def restore(self, path: Path) -> None:
        """Ask, then restore ``path`` on a worker thread; reload the window afterwards."""
        if not prompts.confirm(
            self,
            self.windowTitle(),
            self.tr(
                "Replace the whole register by the backup\n{file}?\n\n"
                "The current state is backed up first."
            ).format(file=path),
        ):
            return
        from alembic.script import ScriptDirectory

        from ropa_desktop.store.database import _alembic_config
        from ropa_desktop.store.restore import restore

        known = {
            r.revision for r in ScriptDirectory.from_config(_alembic_config()).walk_revisions()
        }
        store = self.session.store

        def done(report: Any) -> None:
            self.session.reload()
            prompts.inform(
                self,
                self.windowTitle(),
                self.tr(
                    "Restored {file}: {orgs} organisations, {acts} processing activities.\n"
                    "The previous state is backed up: {safety}"
                ).format(
                    file=report.backup,
                    orgs=report.organisations,
                    acts=report.activities,
                    safety=report.safety_backup or "—",
                ),
            )
            self.restored.emit(str(report.backup))
            self.accept()

        self._task = tasks.run_task(
            self,
            self.tr("Restoring backup …"),
            lambda progress: restore(store, path, known),
            on_success=done,
            on_failure=lambda exc: prompts.show_error(self, self.windowTitle(), exc),
        )


def open_restore_dialog(parent: QWidget, session: Session) -> RestoreDialog:
    """Show the restore dialog (window-modal)."""
    dialog = RestoreDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
