"""The files kept beside an activity or a processor (AVV, DPIA, TOM concept): list, add,
open with the system's viewer, delete.

Files are stored in the register database (see README "Attachments"): above
:data:`~ropa_desktop.domain.attachments.WARN_BYTES` the panel asks first, above
:data:`~ropa_desktop.domain.attachments.MAX_BYTES` it refuses. :func:`choose_file`
and :func:`open_file` are module functions so tests can answer them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.attachments import MAX_BYTES, WARN_BYTES, format_size
from ropa_desktop.ui.common import prompts, tasks
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.session import Session

UID_ROLE = Qt.ItemDataRole.UserRole + 1


def choose_file(parent: QWidget | None) -> str | None:
    """Ask for the file to attach; None when cancelled."""
    title = QCoreApplication.translate("AttachmentsPanel", "Attach file")
    path, _ = QFileDialog.getOpenFileName(parent, title)
    return path or None


def open_file(path: Path) -> bool:
    """Open ``path`` with the system's viewer; False when none could be started."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _read(path: str) -> Any:
    def work(progress: Any) -> tuple[str, bytes]:
        progress.step(0, 1, "")
        data = Path(path).read_bytes()
        progress.step(1, 1, "")
        return Path(path).name, data

    return work


class AttachmentsPanel(QWidget):
    """Lists the files of one activity or processor (``kind``) and adds, opens and deletes
    them; :meth:`set_owner` chooses the record (None: nothing, disabled)."""

    def __init__(self, session: Session, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.owner_uid: str | None = None
        self.task: tasks.BackgroundTask | None = None
        self.setObjectName(f"attachments.{kind}")
        self.list = named(QTreeWidget(self), f"attachments.{kind}.list")
        self.list.setAccessibleName(self.tr("Attachments"))
        self.list.setHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("Added")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.list.setMaximumHeight(5 * (self.list.fontMetrics().lineSpacing() + 8) + 24)
        self.list.itemActivated.connect(lambda *_: self.open_current())
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.note = named(QLabel(self), f"attachments.{kind}.note")
        self.note.setWordWrap(True)
        self.add_button = named(QPushButton(self.tr("&Attach file …"), self), "attachments.add")
        self.add_button.clicked.connect(self.add)
        self.open_button = named(QPushButton(self.tr("&Open"), self), "attachments.open")
        self.open_button.clicked.connect(self.open_current)
        self.delete_button = named(QPushButton(self.tr("Remove file"), self), "attachments.delete")
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.set_owner(None)

    def set_owner(self, uid: str | None, *, stored: bool = True) -> None:
        """Show the files of the record ``uid``; one not ``stored`` yet gets none."""
        self.owner_uid = uid if stored else None
        self.refresh()
        if uid is not None and not stored:
            self.note.setText(self.tr("Save the record first; then files can be attached."))
        else:
            self.note.setText(
                self.tr(
                    "Files are kept in the register database (and in every backup). "
                    "Files above {warn} are asked about, above {limit} refused."
                ).format(warn=format_size(WARN_BYTES), limit=format_size(MAX_BYTES))
            )

    def refresh(self) -> None:
        """Read the record's files again."""
        self.list.clear()
        if self.owner_uid is not None:
            for info in self.session.attachments(self.owner_uid):
                item = QTreeWidgetItem(
                    [info.name, format_size(info.size), p.format_date(info.added.astimezone())]
                )
                item.setData(0, UID_ROLE, info.uid)
                item.setData(1, Qt.ItemDataRole.TextAlignmentRole, Qt.AlignmentFlag.AlignRight)
                item.setToolTip(0, info.user)
                self.list.addTopLevelItem(item)
            first = self.list.topLevelItem(0)
            if first is not None:
                self.list.setCurrentItem(first)
        self._update()

    def names(self) -> list[str]:
        """The file names listed."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def add(self) -> bool:
        """Ask for a file and store it (on a worker thread); False when nothing started."""
        if self.owner_uid is None or self.session.store.read_only:
            return False
        path = choose_file(self)
        if path is None:
            return False
        name = Path(path).name
        try:
            size = os.path.getsize(path)
        except OSError as exc:
            prompts.show_error(self, self.tr("Not attached"), exc)
            return False
        if size > MAX_BYTES:
            prompts.show_error(
                self,
                self.tr("Not attached"),
                self.tr(
                    "“{name}” is {size}; attachments may be at most {limit}. Keep the file in "
                    "the file system and note where in the notes."
                ).format(name=name, size=format_size(size), limit=format_size(MAX_BYTES)),
            )
            return False
        if size > WARN_BYTES and not prompts.confirm(
            self,
            self.tr("Large file"),
            self.tr(
                "“{name}” is {size}. It is stored in the register database, which makes the "
                "register file and every backup that much bigger. Attach it anyway?"
            ).format(name=name, size=format_size(size)),
        ):
            return False
        owner, kind = self.owner_uid, self.kind

        def stored(result: tuple[str, bytes]) -> None:
            try:
                self.session.add_attachment(kind, owner, result[0], result[1])
            except Exception as exc:  # StoreError: refused, nothing stored
                prompts.show_error(self, self.tr("Not attached"), exc)
            self.task = None
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.task = None
            prompts.show_error(self, self.tr("Not attached"), exc)

        self.task = tasks.run_task(
            self,
            self.tr("Reading {name} …").format(name=name),
            _read(path),
            on_success=stored,
            on_failure=failed,
            on_cancel=lambda: setattr(self, "task", None),
        )
        return True

    def open_current(self) -> bool:
        """Write the selected file to a temporary folder and open it with the system viewer."""
        item = self.list.currentItem()
        if item is None:
            return False
        try:
            data = self.session.attachment_content(str(item.data(0, UID_ROLE)))
            folder = Path(tempfile.mkdtemp(prefix="ropa-attachment-"))
            target = folder / Path(item.text(0)).name
            target.write_bytes(data)
        except Exception as exc:  # deleted meanwhile, disk full …
            prompts.show_error(self, self.tr("Cannot open"), exc)
            return False
        if not open_file(target):
            prompts.show_error(
                self,
                self.tr("Cannot open"),
                self.tr("No program opens “{name}”. The file was saved as {path}.").format(
                    name=item.text(0), path=target
                ),
            )
            return False
        return True

    def delete_current(self) -> bool:
        """Delete the selected file after asking."""
        item = self.list.currentItem()
        if item is None or not prompts.confirm(
            self,
            self.tr("Remove file"),
            self.tr("Remove the file “{name}” from the register?").format(name=item.text(0)),
        ):
            return False
        try:
            self.session.delete_attachment(str(item.data(0, UID_ROLE)))
        except Exception as exc:
            prompts.show_error(self, self.tr("Not removed"), exc)
            return False
        self.refresh()
        return True

    def _update(self) -> None:
        has_owner = self.owner_uid is not None
        writable = has_owner and not self.session.store.read_only
        selected = self.list.currentItem() is not None
        self.add_button.setEnabled(writable)
        self.open_button.setEnabled(selected)
        self.delete_button.setEnabled(selected and writable)
        self.list.setEnabled(has_owner)
