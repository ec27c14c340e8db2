"""The Versionen page: the frozen versions ("Stände") of the organisation's register.

List them (number, label, date, who, delivered to whom and when), freeze the register
with a label, view a version read-only, export it exactly as frozen (PDF, Excel, JSON),
record its delivery, compare two versions or a version with the working register, and
build the pack for the supervisory authority. Exports, comparisons and the pack run on a
worker thread with progress and Cancel.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import i18n
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.comparison import Comparison
from ropa_desktop.store.repository import RegisterVersion
from ropa_desktop.ui.common import prompts, settings, tasks
from ropa_desktop.ui.common.item_models import SortKeyProxy
from ropa_desktop.ui.common.lazy_view import LazyView
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.common.record_model import Column, RecordTableModel
from ropa_desktop.ui.common.tables import newest_first
from ropa_desktop.ui.pages.version_dialogs import DeliveryDialog, FreezeDialog, VersionDialog
from ropa_desktop.ui.pages.version_diff import DiffView
from ropa_desktop.ui.session import Session

WORKING = -1
"""The "to" side meaning the working register."""
SUFFIX = {"pdf": ".pdf", "xlsx": ".xlsx", "json": ".json", "zip": ".zip"}


@dataclass(frozen=True, slots=True)
class VersionRow:
    """One frozen version as the table shows it."""

    version: RegisterVersion


class VersionsTableModel(RecordTableModel[VersionRow]):
    """The frozen versions, newest first."""

    def columns(self) -> list[Column[VersionRow]]:
        lang = i18n.language()

        def delivered_on(r: VersionRow) -> str:
            return p.format_date(r.version.delivered_on, lang)

        return [
            Column(
                self.tr("No."), lambda r: str(r.version.number), sort=lambda r: r.version.number
            ),
            Column(self.tr("Label"), lambda r: r.version.label, sort=lambda r: r.version.label),
            Column(
                self.tr("Frozen on"),
                lambda r: (
                    p.format_date(r.version.frozen_at, lang)
                    + r.version.frozen_at.astimezone().strftime(" %H:%M")
                ),
                sort=lambda r: r.version.frozen_at,
            ),
            Column(self.tr("By"), lambda r: r.version.user, sort=lambda r: r.version.user),
            Column(
                self.tr("Delivered to"),
                lambda r: r.version.delivered_to or self.tr("not delivered"),
                sort=lambda r: r.version.delivered_to,
            ),
            Column(self.tr("on"), delivered_on, sort=lambda r: str(r.version.delivered_on or "")),
            Column(
                self.tr("Reference"),
                lambda r: r.version.delivery_reference,
                sort=lambda r: r.version.delivery_reference,
            ),
        ]


class VersionsView(LazyView):
    """Versionen: freeze, view, export, deliver, compare and pack versions."""

    compared = Signal()
    """A comparison has been shown (for tests and screenshots)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.task: tasks.BackgroundTask | None = None
        self._shown_org: str | None = None
        self.model = VersionsTableModel(self)
        self.proxy = SortKeyProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = named(QTableView(self), "versions.table")
        self.table.setAccessibleName(self.tr("Frozen versions"))
        newest_first(self.table, self.proxy, (50, 300, 130, 100, 200, 90))
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(lambda _: self.view_current())

        self.freeze_button = named(
            QPushButton(self.tr("&Freeze version …"), self), "versions.freeze"
        )
        self.freeze_button.clicked.connect(self.freeze)
        self.view_button = named(QPushButton(self.tr("&View"), self), "versions.view")
        self.view_button.clicked.connect(self.view_current)
        self.export_button = named(QPushButton(self.tr("&Export"), self), "versions.export")
        menu = QMenu(self.export_button)
        for fmt, text in (
            ("pdf", self.tr("PDF …")),
            ("xlsx", self.tr("Excel …")),
            ("json", self.tr("JSON …")),
        ):
            menu.addAction(text, partial(self.export_current, fmt))
        self.export_button.setMenu(menu)
        self.deliver_button = named(
            QPushButton(self.tr("Mark &delivered …"), self), "versions.deliver"
        )
        self.deliver_button.clicked.connect(self.deliver_current)
        self.pack_button = named(
            QPushButton(self.tr("&Pack for the supervisory authority …"), self), "versions.pack"
        )
        self.pack_button.clicked.connect(lambda: self.build_pack())
        self.message = named(QLabel(self), "versions.message")
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (
            self.freeze_button,
            self.view_button,
            self.export_button,
            self.deliver_button,
            self.pack_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.from_box = named(QComboBox(self), "versions.compare.from")
        self.to_box = named(QComboBox(self), "versions.compare.to")
        self.compare_button = named(QPushButton(self.tr("&Compare"), self), "versions.compare")
        self.compare_button.clicked.connect(self.compare)
        compare_row = QHBoxLayout()
        label = QLabel(self.tr("Compa&re"), self)
        label.setBuddy(self.from_box)
        compare_row.addWidget(label)
        compare_row.addWidget(self.from_box)
        compare_row.addWidget(QLabel(self.tr("with"), self))
        compare_row.addWidget(self.to_box)
        compare_row.addWidget(self.compare_button)
        compare_row.addStretch(1)
        self.diff = named(DiffView(self), "versions.diff")

        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(buttons)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.message)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(compare_row)
        lower_layout.addWidget(self.diff, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([200, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_actions()

    # --- reading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the versions of the current organisation anew."""
        self._dirty = False
        org = self.session.organisation_name
        if org != self._shown_org:  # another organisation: its comparison is not this one's
            self.diff.show_comparison(None)
            self._shown_org = org
        found = self.session.store.versions(org) if org is not None else []
        self.model.set_rows([VersionRow(v) for v in found])
        self._fill_compare_boxes(found)
        self._update_actions()

    def versions(self) -> list[RegisterVersion]:
        """The versions listed, oldest first."""
        return [r.version for r in self.model.all_rows()]

    def current_version(self) -> RegisterVersion | None:
        """The version of the current row, None without one."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row()).version

    def select_version(self, number: int) -> None:
        """Make version ``number`` the current row."""
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            if self.model.row_at(source).version.number == number:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                return

    # --- actions ----------------------------------------------------------------------

    def freeze(self) -> None:
        """Ask for a label and freeze the register as the next version."""
        org = self.session.organisation_name
        if org is None:
            return
        dialog = FreezeDialog(org, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            frozen = self.session.freeze_version(dialog.label.text().strip())
        except Exception as exc:  # shown to the user; nothing was written
            prompts.show_error(self, self.tr("Freeze version"), exc)
            return
        self.refresh()
        self.select_version(frozen.number)
        self.message.setText(self.tr("Version {number} frozen.").format(number=frozen.number))

    def view_current(self) -> None:
        """Show the current version read-only."""
        version = self.current_version()
        org = self.session.organisation_name
        if version is None or org is None:
            return
        register = self.session.store.load_version(org, version.number)
        title = self.tr("Version {number}: {label}").format(
            number=version.number, label=version.label
        )
        self.view_dialog = VersionDialog(title, register, org, self)
        self.view_dialog.open()

    def deliver_current(self) -> None:
        """Record to whom and when the current version was handed over."""
        version = self.current_version()
        org = self.session.organisation_name
        if version is None or org is None:
            return
        dialog = DeliveryDialog(version.number, self)
        if version.delivered_to:
            dialog.recipient.setText(version.delivered_to)
            dialog.reference.setText(version.delivery_reference)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.session.record_delivery(
                version.number,
                dialog.recipient.text(),
                dialog.day(),
                dialog.reference.text(),
            )
        except Exception as exc:  # shown to the user; nothing was written
            prompts.show_error(self, dialog.windowTitle(), exc)
            return
        self.refresh()
        self.select_version(version.number)

    def export_current(self, fmt: str) -> None:
        """Export the current version as frozen (PDF, Excel or JSON) on a worker thread."""
        from ropa_desktop.io.version_files import export_version

        version = self.current_version()
        org = self.session.organisation_name
        if version is None or org is None:
            return
        target = self._ask_path(fmt, f"Stand-{version.number}")
        if target is None:
            return
        store, lang = self.session.store, i18n.language()

        def work(progress: Any) -> Path:
            export_version(store, org, version.number, fmt, target, lang=lang, progress=progress)
            return target

        self._run(self.tr("Exporting {file} …").format(file=target.name), work, self._written)

    def build_pack(self, number: int | None = None) -> None:
        """Build the pack for the supervisory authority of the current (or newest)
        version, on a worker thread."""
        from ropa_desktop.io.pack import build_pack

        org = self.session.organisation_name
        if org is None:
            return
        chosen = self.current_version()
        if number is None and chosen is not None:
            number = chosen.number
        if not self.versions():
            prompts.inform(
                self,
                self.tr("Pack for the supervisory authority"),
                self.tr("Freeze a version first; the pack is made from a frozen version."),
            )
            return
        target = self._ask_path("zip", "Paket")
        if target is None:
            return
        store, lang = self.session.store, i18n.language()

        def work(progress: Any) -> Path:
            build_pack(store, org, target, number=number, lang=lang, progress=progress)
            return target

        self._run(self.tr("Building {file} …").format(file=target.name), work, self._written)

    def compare(self) -> None:
        """Compare the chosen versions on a worker thread and show the differences."""
        from ropa_desktop.io.version_files import compare_versions

        org = self.session.organisation_name
        old = self.from_box.currentData()
        new = self.to_box.currentData()
        if org is None or old is None or new is None:
            return
        store, lang = self.session.store, i18n.language()
        newer = None if new == WORKING else int(new)

        def work(progress: Any) -> Comparison:
            progress.step(0, 1)
            return compare_versions(store, org, int(old), newer, lang)

        self._run(self.tr("Comparing …"), work, self._show_comparison)

    # --- plumbing ---------------------------------------------------------------------

    def _ask_path(self, fmt: str, stem: str) -> Path | None:
        org = self.session.organisation_name or "register"
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in org)
        folder = Path(str(settings.value("export/folder", Path.home())))
        suggested = folder / f"VVT_{safe}_{stem}{SUFFIX[fmt]}"
        filters = {
            "pdf": self.tr("PDF (*.pdf)"),
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "json": self.tr("JSON (*.json)"),
            "zip": self.tr("Zip archive (*.zip)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as"), str(suggested), filters[fmt]
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != SUFFIX[fmt]:
            target = target.with_name(target.name + SUFFIX[fmt])
        return target

    def _run(self, title: str, work: Any, done: Any) -> None:
        self.setEnabled(False)
        self.task = tasks.run_task(
            self,
            title,
            work,
            on_success=done,
            on_failure=self._failed,
            on_cancel=self._cancelled,
        )

    def _written(self, target: Path) -> None:
        self.setEnabled(True)
        settings.set_value("export/folder", str(target.parent))
        self.message.setText(self.tr("Written: {file}").format(file=target))

    def _show_comparison(self, comparison: Comparison) -> None:
        self.setEnabled(True)
        self.diff.show_comparison(comparison)
        self.compared.emit()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self.message.setText(prompts.error_text(exc))
        prompts.show_error(self, self.tr("Versions"), exc)

    def _cancelled(self) -> None:
        self.setEnabled(True)
        self.message.setText(self.tr("Cancelled; no file was written."))

    def _fill_compare_boxes(self, found: list[RegisterVersion]) -> None:
        old_choice, new_choice = self.from_box.currentData(), self.to_box.currentData()
        self.from_box.clear()
        self.to_box.clear()
        lang = i18n.language()
        for v in reversed(found):
            text = self.tr("Version {number}").format(number=v.number)
            if v.label:
                text += f" – {v.label}"
            text += f" ({p.format_date(v.frozen_at, lang)})"
            self.from_box.addItem(text, v.number)
            self.to_box.addItem(text, v.number)
        self.to_box.insertItem(0, self.tr("Working register"), WORKING)
        self.to_box.setCurrentIndex(max(0, self.to_box.findData(new_choice)))
        self.from_box.setCurrentIndex(max(0, self.from_box.findData(old_choice)))

    def _update_actions(self, *_: Any) -> None:
        has_org = self.session.organisation_name is not None
        chosen = self.current_version() is not None
        self.freeze_button.setEnabled(has_org)
        for button in (self.view_button, self.export_button, self.deliver_button):
            button.setEnabled(chosen)
        self.pack_button.setEnabled(bool(self.model.rowCount()))
        self.compare_button.setEnabled(self.from_box.count() > 0)
