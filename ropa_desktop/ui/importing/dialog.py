"""The import dialog: a spreadsheet (or a JSON register file) into the database.

File → sheet → column mapping → preview → result, over the import engine
(:mod:`ropa_desktop.io.importing.engine`, :mod:`ropa_desktop.io.json_register`). Reading,
planning and writing run on a worker thread (:func:`~ropa_desktop.ui.common.tasks.run_task`)
with a progress dialog and Cancel; the database is written only by the last step, in
one transaction recorded as one batch (undoable), after a backup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.importing.mapping import (
    FormLayout,
    MappingProfile,
    TableLayout,
    load_profile,
    save_profile,
)
from ropa_desktop.io.importing.report import ImportPlan, ImportReport, Status
from ropa_desktop.io.sheets.reader import Sheet, Workbook
from ropa_desktop.io.sheets.types import column_letter
from ropa_desktop.store.repository import ImportResult
from ropa_desktop.ui.common import prompts, settings, tasks
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.common.severity import severity_icon
from ropa_desktop.ui.importing.models import STATUS_SEVERITY, mapping_entries, profile_for
from ropa_desktop.ui.importing.new_organisation import ask_kind_and_land
from ropa_desktop.ui.importing.pages import (
    FilePage,
    MappingPage,
    PreviewPage,
    ResultPage,
    SheetPage,
)
from ropa_desktop.ui.importing.work import (
    JsonPreview,
    SheetInfo,
    import_json_file,
    is_json,
    plan_spreadsheet,
    preview_json,
    read_file,
    write_plan,
)
from ropa_desktop.ui.session import Session

FILE, SHEET, MAPPING, PREVIEW, RESULT = range(5)
"""Page indexes of the dialog's stack."""

_DIR_KEY = "import/lastDirectory"
_FILE_FILTER = "*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv *.json"


class ImportDialog(QDialog):
    """Import a spreadsheet or a JSON register file, with mapping, preview and result.

    Tests drive it with :meth:`load_file`, :meth:`choose_sheet`, :meth:`set_target` and
    :meth:`start_import` (each returns the started background task, or None) and read
    :attr:`plan`, :attr:`report`, :attr:`json_preview` and :attr:`json_result`.
    """

    imported = Signal(str)
    """The batch uid of a finished import (undo it with ``store.undo_batch``)."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import"))
        self.setMinimumSize(820, 560)
        self.session = session
        self.task: tasks.BackgroundTask | None = None
        self.path: Path | None = None
        self.workbook: Workbook | None = None
        self.sheets: list[SheetInfo] = []
        self.file_organisation: str | None = None
        self.profile: MappingProfile | None = None
        """The profile loaded on the file page (None: automatic mapping)."""
        self.sheet: str | None = None
        self.sheet_layout: TableLayout | FormLayout | None = None
        self.choices: dict[int, Target | None] = {}
        """The user's changes to the mapping: entry index → target (None: unmapped)."""
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        """The last plan's report; after the import, the import's result."""
        self.json_preview: JsonPreview | None = None
        self.json_result: ImportResult | None = None
        self.batch: str | None = None
        self._generation = 0
        self._replan_pending = False
        self._close_pending = False
        self._profile_text = ""
        self._planning = False
        """The running task plans (a change of the mapping may replace it)."""

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("importDialog.pages")
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (
            self.file_page,
            self.sheet_page,
            self.mapping_page,
            self.preview_page,
            self.result_page,
        ):
            self.stack.addWidget(page)

        self.error = QLabel(self)
        self.error.setObjectName("importDialog.error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.status = QLabel(self)
        self.status.setObjectName("importDialog.status")

        self.back_button = named(QPushButton(self.tr("< &Back"), self), "importDialog.back")
        self.next_button = named(QPushButton(self.tr("&Next >"), self), "importDialog.next")
        self.import_button = named(QPushButton(self.tr("&Import"), self), "importDialog.import")
        self.close_button = named(QPushButton(self.tr("Cancel"), self), "importDialog.close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.back_button, self.next_button, self.import_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self.file_page.browse.clicked.connect(self._browse_file)
        self.file_page.profile_browse.clicked.connect(self._browse_profile)
        self.file_page.path.textChanged.connect(self._path_edited)
        self.file_page.path.returnPressed.connect(self._next)
        self.sheet_page.sheets.itemActivated.connect(lambda _item: self._next())
        # Queued: the model is rebuilt after the delegate has finished committing its editor.
        self.mapping_page.model.targetEdited.connect(
            self.set_target, Qt.ConnectionType.QueuedConnection
        )
        self.mapping_page.save_profile.clicked.connect(self._save_profile_clicked)

        self._fill_organisations()
        if path is not None:
            self.file_page.path.setText(str(path))
        self._show_page(FILE)

    # --- public API ------------------------------------------------------------------------

    def current_page(self) -> int:
        """The index of the page shown (:data:`FILE` … :data:`RESULT`)."""
        return self.stack.currentIndex()

    def error_message(self) -> str:
        """The error shown under the page, empty when there is none."""
        return self.error.text() if not self.error.isHidden() else ""

    def load_file(self, path: Path | str | None = None) -> tasks.BackgroundTask | None:
        """Read ``path`` (default: the path field) and go on to the sheets (or, for a JSON
        register file, straight to its preview)."""
        if self.task is not None:
            return None
        if path is not None:
            self.file_page.path.setText(str(path))
        text = self.file_page.path.text().strip()
        self._clear_error()
        if not text:
            self._show_error(self.tr("Choose the file to import."))
            return None
        self.path = Path(text).expanduser()
        self._reset_file_state()
        if is_json(self.path):
            return self._start(
                self.tr("Checking the register file …"),
                lambda progress, p=self.path: preview_json(self.session.store, p, progress),
                self._json_checked,
            )
        try:
            self.profile = self._load_chosen_profile()
        except Exception as exc:
            self._show_error(prompts.error_text(exc))
            return None
        return self._start(
            self.tr("Reading {file} …").format(file=self.path.name),
            lambda progress, p=self.path, prof=self.profile: read_file(p, prof, progress),
            self._file_read,
        )

    def choose_sheet(self, name: str) -> tasks.BackgroundTask | None:
        """Select the sheet ``name`` and plan its import (then show the mapping)."""
        if self.task is not None:
            return None
        items = self.sheet_page.sheets
        for row in range(items.count()):
            if items.item(row).data(Qt.ItemDataRole.UserRole) == name:
                items.setCurrentRow(row)
                break
        else:
            self._show_error(self.tr("The file has no sheet “{name}”.").format(name=name))
            return None
        if name != self.sheet:
            self.sheet = name
            self.sheet_layout = None
            self.choices = {}
        self._clear_error()
        return self._plan(show=MAPPING)

    def set_target(self, source_column: int, target: Target | None) -> tasks.BackgroundTask | None:
        """Send the source column (0-based; a form's label number) to ``target`` (None: no
        field, kept in the notes) and plan again. A field taken from another column
        leaves that column unmapped."""
        if self.sheet_layout is None or (self.task is not None and not self._planning):
            return None
        model = self.mapping_page.model
        if not 0 <= source_column < len(model.entries):
            raise IndexError(source_column)
        if target is not None and target is not Target.IGNORE:
            for row in range(len(model.entries)):
                if row != source_column and model.target(row) is target:
                    self.choices[row] = None
        self.choices[source_column] = target
        self._show_mapping()
        return self._plan(show=None)

    def effective_profile(self, name: str | None = None) -> MappingProfile | None:
        """The mapping the next plan uses: the loaded profile, or one reproducing the mapping
        shown with the user's changes."""
        if self.sheet_layout is None:
            return self.profile
        if not self.choices and self.profile is not None and name is None:
            return self.profile
        default = self.path.stem if self.path is not None else "mapping"
        return profile_for(self.sheet_layout, self.choices, name or default)

    def save_profile_to(self, path: Path, name: str | None = None) -> MappingProfile:
        """Write the mapping shown as a profile (checked by reading it back against the
        schema); returns the profile as read back."""
        profile = self.effective_profile(name or Path(path).stem)
        if profile is None:
            raise RuntimeError("no mapping to save")
        save_profile(profile, Path(path))
        return load_profile(Path(path))

    def start_import(self) -> tasks.BackgroundTask | None:
        """Write the previewed import (refused while the preview shows errors)."""
        if self.task is not None:
            return None
        store = self.session.store
        if self.json_preview is not None and self.path is not None:
            return self._start(
                self.tr("Importing {file} …").format(file=self.path.name),
                lambda progress, p=self.path: import_json_file(store, p, progress),
                self._json_imported,
                failure=self._import_failed,
            )
        if self.plan is None or self.plan.report.errors:
            self._update_buttons()
            return None
        plan = self.plan
        if not ask_kind_and_land(self, plan):
            self._cancelled()
            return None
        return self._start(
            self.tr("Importing {file} …").format(file=Path(plan.report.file).name),
            lambda progress: write_plan(store, plan, progress),
            self._spreadsheet_imported,
            failure=self._import_failed,
        )

    # --- closing -----------------------------------------------------------------------------

    def reject(self) -> None:
        """Close; work still running is cancelled first (an import already writing ends)."""
        if self.task is not None:
            self._close_pending = True
            self._replan_pending = False
            self.task.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        """Close with ``result`` once no work is running (see :meth:`reject`)."""
        if self.task is not None:
            self._close_pending = True
            self.task.cancel()
            return
        super().done(result)

    # --- tasks -------------------------------------------------------------------------------

    def _start(
        self, title: str, work: Any, success: Any, *, failure: Any = None, cancelled: Any = None
    ) -> tasks.BackgroundTask | None:
        if self.task is not None:
            return None
        self._generation += 1
        generation = self._generation

        def finish(callback: Any) -> Any:
            def run(*args: Any) -> None:
                self.task = None
                self._planning = False
                if callback is not None and generation == self._generation:
                    callback(*args)
                self._after_task()

            return run

        self.status.setText(title)
        self.task = tasks.run_task(
            self,
            title,
            work,
            on_success=finish(success),
            on_failure=finish(failure or self._failed),
            on_cancel=finish(cancelled or self._cancelled),
        )
        self._update_buttons()
        return self.task

    def _after_task(self) -> None:
        if self.task is None and self._close_pending:
            self._close_pending = False
            super().reject()
            return
        if self.task is None and self._replan_pending:
            self._replan_pending = False
            self._plan(show=None)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.status.clear()
        self._show_error(self._named(exc))

    def _cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled; nothing was imported."))

    def _import_failed(self, exc: BaseException) -> None:
        self.status.clear()
        text = self._named(exc)
        self._show_error(text)
        prompts.show_error(self, self.tr("Import failed"), text)

    def _named(self, exc: BaseException) -> str:
        """The error's message, with the file named when the message does not name it."""
        text = prompts.error_text(exc)
        if self.path is not None and str(self.path) not in text and self.path.name not in text:
            text = f"{self.path}: {text}"
        return text

    # --- file ----------------------------------------------------------------------------

    def _fill_organisations(self) -> None:
        combo = self.file_page.organisation
        combo.clear()
        for org in self.session.organisations():
            combo.addItem(org.name)
        current = self.session.organisation_name
        if current:
            index = combo.findText(current, Qt.MatchFlag.MatchExactly)
            if index < 0:
                combo.addItem(current)
                index = combo.count() - 1
            combo.setCurrentIndex(index)

    def _browse_file(self) -> None:
        start = self.file_page.path.text() or str(settings.value(_DIR_KEY, "") or "")
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            start,
            self.tr("Spreadsheets and register files ({patterns});;All files (*)").format(
                patterns=_FILE_FILTER
            ),
        )
        if chosen:
            settings.set_value(_DIR_KEY, str(Path(chosen).parent))
            self.file_page.path.setText(chosen)

    def _browse_profile(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a column mapping"),
            self.file_page.profile.text(),
            self.tr("Column mappings (*.json);;All files (*)"),
        )
        if chosen:
            self.file_page.profile.setText(chosen)

    def _path_edited(self, text: str) -> None:
        self.file_page.set_spreadsheet_options(not is_json(Path(text.strip())))

    def _load_chosen_profile(self) -> MappingProfile | None:
        text = self.file_page.profile.text().strip()
        self._profile_text = text
        return load_profile(Path(text).expanduser()) if text else None

    def _unchanged_file(self) -> bool:
        """Whether the file page names the workbook already read (with the same profile)."""
        text = self.file_page.path.text().strip()
        return (
            self.workbook is not None
            and self.path is not None
            and bool(text)
            and Path(text).expanduser() == self.path
            and self.file_page.profile.text().strip() == self._profile_text
        )

    def _reset_file_state(self) -> None:
        self.workbook, self.sheets, self.file_organisation = None, [], None
        self.sheet, self.sheet_layout, self.choices = None, None, {}
        self.plan = self.report = None
        self.json_preview = self.json_result = None
        self.batch = None
        self.mapping_page.model.set_entries([], {})
        self.preview_page.model.set_report(None)

    def _file_read(self, result: tuple[Workbook, list[SheetInfo], str | None]) -> None:
        self.workbook, self.sheets, self.file_organisation = result
        self.status.clear()
        self._offer_file_organisation()
        page = self.sheet_page
        page.intro.setText(
            self.tr("{file}: {count} sheet(s).").format(
                file=self.workbook.path.name, count=len(self.sheets)
            )
        )
        page.sheets.clear()
        preselect = next((i for i, info in enumerate(self.sheets) if info.layout), 0)
        for info in self.sheets:
            item = QListWidgetItem(self._sheet_text(info))
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            if info.layout is not None:
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            page.sheets.addItem(item)
        page.sheets.setCurrentRow(preselect)
        page.warnings.setText("\n".join(self.workbook.warnings))
        page.warnings.setVisible(bool(self.workbook.warnings))
        self._show_page(SHEET)
        page.sheets.setFocus()

    def _sheet_text(self, info: SheetInfo) -> str:
        layout = info.layout
        if isinstance(layout, TableLayout):
            mapped = sum(
                1 for c in layout.columns if c.target is not None and c.target is not Target.IGNORE
            )
            text = self.tr(
                "{name} — table: header in row {row}, {mapped} of {count} columns recognised"
            ).format(
                name=info.name,
                row=layout.header_rows[0] + 1,
                mapped=mapped,
                count=len(layout.columns),
            )
        elif isinstance(layout, FormLayout):
            text = self.tr("{name} — one activity written as a form").format(name=info.name)
        elif info.empty:
            text = self.tr("{name} — empty").format(name=info.name)
        else:
            text = self.tr("{name} — no table recognised").format(name=info.name)
        if info.hidden:
            text += " " + self.tr("(hidden)")
        return text

    def _offer_file_organisation(self) -> None:
        label = self.file_page.file_organisation
        name = self.file_organisation
        if not name:
            label.hide()
            return
        combo = self.file_page.organisation
        known = [combo.itemText(i) for i in range(combo.count())]
        if name.casefold() not in {k.casefold() for k in known}:
            combo.insertItem(0, name)
            combo.setItemData(0, self.tr("named in the file"), Qt.ItemDataRole.ToolTipRole)
        if not combo.currentText().strip():
            combo.setCurrentText(name)
        label.setText(self.tr("The file names the organisation “{name}”.").format(name=name))
        label.show()

    # --- planning ----------------------------------------------------------------------

    def _plan(self, show: int | None) -> tasks.BackgroundTask | None:
        if self.path is None or self.sheet is None:
            return None
        if self.task is not None:
            if not self._planning:
                return None
            self._replan_pending = True  # the running plan is outdated: plan again after it
            self.task.cancel()
            return self.task
        store = self.session.store
        org = self.file_page.organisation.currentText().strip() or None
        if org is None and not self.file_organisation:
            self._show_error(
                self.tr(
                    "{file} names no organisation: enter on the first page "
                    "the organisation the activities belong to."
                ).format(file=self.path.name)
            )
            return None
        on_duplicate = self.file_page.on_duplicate()
        profile = self.effective_profile()
        path, sheet = self.path, self.sheet

        def work(progress: Any) -> ImportPlan:
            return plan_spreadsheet(
                store,
                path,
                organisation=org,
                sheet=sheet,
                profile=profile,
                on_duplicate=on_duplicate,
                progress=progress,
            )

        def planned(plan: ImportPlan) -> None:
            self._planned(plan, show)

        def failed(exc: BaseException) -> None:
            self._forget_plan()
            self._failed(exc)

        def cancelled() -> None:
            self._forget_plan()
            self._cancelled()

        task = self._start(
            self.tr("Reading and checking {file} …").format(file=path.name),
            work,
            planned,
            failure=failed,
            cancelled=cancelled,
        )
        self._planning = task is not None
        return task

    def _forget_plan(self) -> None:
        """A plan that did not finish: the preview of an earlier mapping must not be imported."""
        self.plan = self.report = None
        self.preview_page.model.set_report(None)
        self.preview_page.counts.clear()
        self.preview_page.file_notes.clear()
        self.preview_page.blocked.hide()

    def _planned(self, plan: ImportPlan, show: int | None) -> None:
        self.plan = plan
        self.report = plan.report
        self.status.clear()
        self.sheet_layout = (
            next((layout for layout in plan.report.layouts if layout.sheet == self.sheet), None)
            or plan.report.layouts[0]
        )
        self._show_mapping()
        self._show_preview()
        if show is not None:
            self._show_page(show)

    def _sheet_object(self, name: str) -> Sheet | None:
        if self.workbook is None:
            return None
        return next((s for s in self.workbook.sheets if s.name == name), None)

    def _show_mapping(self) -> None:
        layout = self.sheet_layout
        page = self.mapping_page
        if layout is None:
            page.model.set_entries([], {})
            return
        page.model.set_entries(
            mapping_entries(layout, self._sheet_object(layout.sheet)), self.choices
        )
        if isinstance(layout, TableLayout):
            page.intro.setText(
                self.tr("Sheet “{sheet}”: header in row {row}, data from row {first}.").format(
                    sheet=layout.sheet,
                    row=layout.header_rows[-1] + 1,
                    first=layout.first_data_row + 1,
                )
            )
        else:
            page.intro.setText(
                self.tr(
                    "Sheet “{sheet}” describes one activity as a form (labels in column {column})."
                ).format(sheet=layout.sheet, column=column_letter(layout.label_column))
            )
        unmapped = len(page.model.unmapped_rows())
        page.unmapped.setText(
            self.tr(
                "{n} column(s) fit no field (highlighted): their content "
                "is kept in the activities' notes."
            ).format(n=unmapped)
            if unmapped
            else self.tr("Every column with a header has a field.")
        )

    def _show_preview(self) -> None:
        report = self.report
        page = self.preview_page
        page.model.set_report(report)
        page.file_notes.clear()
        page.view.show()
        if report is None:
            return
        page.counts.setText(
            self.tr(
                "Into “{org}”: {new} new, {updated} updated, {skipped} skipped; {warnings} "
                "warning(s), {errors} error(s)."
            ).format(
                org=report.organisation,
                new=report.count("new"),
                updated=report.count("update"),
                skipped=report.count("skip"),
                warnings=report.warnings,
                errors=report.errors,
            )
        )
        for note in report.notes:
            item = QListWidgetItem(
                severity_icon(STATUS_SEVERITY[note.status]), f"{note.where}: {note.text}"
            )
            item.setData(Qt.ItemDataRole.UserRole, note.status.value)
            page.file_notes.addItem(item)
        page.file_notes.setVisible(bool(report.notes))
        page.fit_rows()
        if report.errors:
            rows = sum(1 for r in report.rows if r.status == Status.ERROR)
            page.blocked.setText(
                self.tr(
                    "{errors} error(s) in {rows} row(s) (marked red): nothing can be imported "
                    "until they are corrected in the file or in the column mapping. The import is "
                    "all or nothing, so that no row is lost."
                ).format(errors=report.errors, rows=rows)
            )
            page.blocked.show()
        else:
            page.blocked.hide()

    # --- JSON ------------------------------------------------------------------------------

    def _json_checked(self, preview: JsonPreview) -> None:
        self.json_preview = preview
        self.status.clear()
        page = self.preview_page
        page.model.set_report(None)
        page.view.hide()
        page.blocked.hide()
        page.file_notes.clear()
        for name in preview.organisations:
            page.file_notes.addItem(QListWidgetItem(severity_icon(None), name))
        page.file_notes.setVisible(bool(preview.organisations))
        page.counts.setText(
            self.tr(
                "{file}: a register with {orgs} organisation(s) and {acts} activities. Importing "
                "it creates {created} record(s), changes {updated} and leaves {unchanged} "
                "unchanged."
            ).format(
                file=preview.path.name,
                orgs=len(preview.organisations),
                acts=preview.activities,
                created=preview.result.created,
                updated=preview.result.updated,
                unchanged=preview.result.unchanged,
            )
        )
        self._show_page(PREVIEW)

    def _json_imported(self, outcome: tuple[ImportResult, Path | None]) -> None:
        result, backup = outcome
        self.json_result = result
        self._finish_import(
            result.batch,
            backup,
            self.tr(
                "{created} record(s) created, {updated} changed, {unchanged} unchanged."
            ).format(created=result.created, updated=result.updated, unchanged=result.unchanged),
            None,
        )

    # --- importing ---------------------------------------------------------------------

    def _spreadsheet_imported(self, report: ImportReport) -> None:
        self.report = report
        self._finish_import(
            report.batch,
            report.backup,
            self.tr("{new} activities created, {updated} updated, {skipped} skipped.").format(
                new=report.count("new"),
                updated=report.count("update"),
                skipped=report.count("skip"),
            ),
            report.organisation,
        )

    def _finish_import(
        self, batch: str | None, backup: Path | None, counts: str, organisation: str | None
    ) -> None:
        self.batch = batch
        self.status.clear()
        self.session.reload()
        if organisation and organisation != self.session.organisation_name:
            self.session.set_organisation(organisation)
        page = self.result_page
        name = self.path.name if self.path is not None else ""
        page.summary.setText(self.tr("{file} has been imported.").format(file=name))
        page.counts.setText(counts)
        page.backup.setText(
            self.tr("Backup of the database before the import: {path}").format(path=backup)
            if backup
            else self.tr("No backup was made.")
        )
        page.batch.setText(
            self.tr(
                "The import is recorded as one batch ({batch}); it can be undone as a whole from "
                "the change history as long as its records have not been changed since."
            ).format(batch=batch)
        )
        self._show_page(RESULT)
        if batch:
            self.imported.emit(batch)

    # --- navigation ----------------------------------------------------------------------

    def _next(self) -> None:
        page = self.current_page()
        if page == FILE:
            if self._unchanged_file():
                self._clear_error()
                self._show_page(SHEET)  # keep the sheet, the mapping and its changes
            else:
                self.load_file()
        elif page == SHEET:
            sheets = self.sheet_page.sheets
            if sheets.currentRow() < 0:  # no current item (the stubs say there always is)
                self._show_error(self.tr("Choose a sheet."))
                return
            self.choose_sheet(sheets.currentItem().data(Qt.ItemDataRole.UserRole))
        elif page == MAPPING:
            if self.plan is not None:
                self._show_page(PREVIEW)
            else:
                self._plan(show=PREVIEW)

    def _back(self) -> None:
        page = self.current_page()
        self._clear_error()
        if page == PREVIEW:
            self._show_page(FILE if self.json_preview is not None else MAPPING)
        elif page in (SHEET, MAPPING):
            self._show_page(page - 1)

    def _show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.current_page()
        busy = self.task is not None
        self.back_button.setVisible(page not in (FILE, RESULT))
        self.next_button.setVisible(page in (FILE, SHEET, MAPPING))
        self.import_button.setVisible(page == PREVIEW)
        self.back_button.setEnabled(not busy)
        self.next_button.setEnabled(not busy)
        ready = self.json_preview is not None or (
            self.plan is not None and self.plan.report.errors == 0
        )
        self.import_button.setEnabled(not busy and ready)
        self.close_button.setText(self.tr("&Close") if page == RESULT else self.tr("Cancel"))
        default = (
            self.import_button
            if page == PREVIEW
            else (self.close_button if page == RESULT else self.next_button)
        )
        default.setDefault(True)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def _save_profile_clicked(self) -> None:
        if self.sheet_layout is None:
            return
        start = str(self.path.with_suffix(".mapping.json")) if self.path is not None else ""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the column mapping"), start, self.tr("Column mappings (*.json)")
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")
        try:
            self.save_profile_to(target)
        except Exception as exc:
            prompts.show_error(self, self.tr("Saving the mapping failed"), exc)
            return
        self.status.setText(self.tr("Mapping saved as {file}.").format(file=target.name))


def open_import(parent: QWidget | None, session: Session, path: Path | None = None) -> None:
    """Show the import dialog (modal) for the menu entry "Import…"."""
    dialog = ImportDialog(session, parent, path)
    dialog.exec()
    dialog.deleteLater()
