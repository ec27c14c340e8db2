"""The pages of the import dialog: widgets and layout only (the dialog does the work).

File → sheet → mapping → preview → result; every widget a test or the dialog needs
has an ``objectName`` starting with ``importDialog.``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.importing.models import (
    MappingModel,
    PreviewModel,
    SortProxy,
    TargetDelegate,
)

DUPLICATE_CHOICES = ("skip", "update", "new")


def _label(parent: QWidget, name: str, text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FilePage(QWidget):
    """Which file, into which organisation, what to do with duplicates, which profile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog.filePage")
        self.path = named(QLineEdit(self), "importDialog.path")
        self.path.setPlaceholderText(
            self.tr("Spreadsheet (xlsx, xls, ods, csv) or register file (json)")
        )
        self.browse = named(QPushButton(self.tr("&Browse…"), self), "importDialog.browse")
        self.organisation = named(QComboBox(self), "importDialog.organisation")
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organisation.setToolTip(
            self.tr("The organisation the activities belong to; type a new name to create one.")
        )
        self.file_organisation = _label(self, "importDialog.fileOrganisation")
        self.file_organisation.hide()

        self.duplicates = QButtonGroup(self)
        texts = {
            "skip": (
                self.tr("&Skip them"),
                self.tr(
                    "An activity with the same name already exists in the organisation: keep "
                    "it as it is and leave the row out."
                ),
            ),
            "update": (
                self.tr("&Update them"),
                self.tr(
                    "Fill in and replace the existing activity's details with the row's values."
                ),
            ),
            "new": (
                self.tr("Import as &new activities"),
                self.tr("Add the row as another activity even though the name exists."),
            ),
        }
        box = QGroupBox(self.tr("Activities that already exist"), self)
        box_layout = QVBoxLayout(box)
        self.duplicate_buttons: dict[str, QRadioButton] = {}
        for key in DUPLICATE_CHOICES:
            text, explanation = texts[key]
            button = named(QRadioButton(text, box), f"importDialog.duplicate.{key}")
            button.setToolTip(explanation)
            self.duplicates.addButton(button)
            self.duplicate_buttons[key] = button
            box_layout.addWidget(button)
            hint = QLabel(explanation, box)
            hint.setWordWrap(True)
            hint.setIndent(24)
            hint.setEnabled(False)
            box_layout.addWidget(hint)
        self.duplicate_buttons["skip"].setChecked(True)

        self.profile = named(QLineEdit(self), "importDialog.profile")
        self.profile.setPlaceholderText(self.tr("optional: a saved column mapping (.json)"))
        self.profile.setClearButtonEnabled(True)
        self.profile_browse = named(
            QPushButton(self.tr("Choose &mapping…"), self), "importDialog.profileBrowse"
        )
        self.json_hint = _label(
            self,
            "importDialog.jsonHint",
            self.tr(
                "A register file (JSON) holds its own organisations: it is imported as it is, "
                "without a column mapping."
            ),
        )
        self.json_hint.hide()

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        org_label = QLabel(self.tr("&Organisation:"), self)
        org_label.setBuddy(self.organisation)
        form.addRow(org_label, self.organisation)
        form.addRow("", self.file_organisation)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile, 1)
        profile_row.addWidget(self.profile_browse)
        profile_label = QLabel(self.tr("Column ma&pping:"), self)
        profile_label.setBuddy(self.profile)
        form.addRow(profile_label, profile_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.json_hint)
        layout.addStretch(1)
        for first, second in (
            (self.path, self.browse),
            (self.browse, self.organisation),
            (self.organisation, self.profile),
            (self.profile, self.profile_browse),
            (self.profile_browse, self.duplicate_buttons["skip"]),
        ):
            QWidget.setTabOrder(first, second)

    def on_duplicate(self) -> str:
        """The checked choice: "skip", "update" or "new"."""
        return next(k for k, b in self.duplicate_buttons.items() if b.isChecked())

    def set_spreadsheet_options(self, enabled: bool) -> None:
        """Organisation, duplicates and profile apply to spreadsheets, not to JSON."""
        for widget in (
            self.organisation,
            self.profile,
            self.profile_browse,
            *self.duplicate_buttons.values(),
        ):
            widget.setEnabled(enabled)
        self.json_hint.setVisible(not enabled)


class SheetPage(QWidget):
    """The sheets of the workbook; the one with a recognised table is preselected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog.sheetPage")
        self.intro = _label(self, "importDialog.sheetIntro")
        self.sheets = QListWidget(self)
        self.sheets.setObjectName("importDialog.sheets")
        self.warnings = _label(self, "importDialog.fileWarnings")
        label = QLabel(self.tr("&Sheet to import:"), self)
        label.setBuddy(self.sheets)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(label)
        layout.addWidget(self.sheets, 1)
        layout.addWidget(self.warnings)


class MappingPage(QWidget):
    """The column mapping in an editable table, and saving it as a profile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog.mappingPage")
        self.intro = _label(self, "importDialog.mappingIntro")
        self.model = MappingModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("importDialog.mapping")
        self.view.setModel(self.proxy)
        self.view.setItemDelegateForColumn(MappingModel.TARGET, TargetDelegate(self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(MappingModel.POSITION, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(MappingModel.HEADER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MappingModel.SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MappingModel.TARGET, QHeaderView.ResizeMode.ResizeToContents)
        self.unmapped = _label(self, "importDialog.unmappedInfo")
        self.save_profile = named(
            QPushButton(self.tr("Save mapping as &profile…"), self), "importDialog.saveProfile"
        )
        hint = QLabel(
            self.tr("Double-click a target field (or press F2) to change it; the preview follows."),
            self,
        )
        hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.unmapped, 1)
        bottom.addWidget(self.save_profile)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        layout.addLayout(bottom)


class PreviewPage(QWidget):
    """What the import would do, row by row, and why it cannot run while errors exist."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog.previewPage")
        self.counts = _label(self, "importDialog.counts")
        self.file_notes = QListWidget(self)
        self.file_notes.setObjectName("importDialog.fileNotes")
        self.file_notes.setMaximumHeight(160)
        self.file_notes.setWordWrap(True)  # messages whole, never cut off
        self.file_notes.setResizeMode(QListView.ResizeMode.Adjust)
        self.file_notes.setUniformItemSizes(False)
        self.model = PreviewModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("importDialog.preview")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PreviewModel.MESSAGES, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._column_resized)
        self.blocked = _label(self, "importDialog.blocked")
        self.blocked.setStyleSheet("color: #c62828;")
        self.blocked.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.file_notes)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.blocked)
        layout.addStretch(0)  # takes the room of the table when a JSON file has none

    def fit_rows(self) -> None:
        """Size the columns to their texts and the rows to their (wrapped) messages."""
        for column in range(PreviewModel.MESSAGES):
            self.view.resizeColumnToContents(column)
        self.view.resizeRowsToContents()

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == PreviewModel.MESSAGES:
            self.view.resizeRowsToContents()


class ResultPage(QWidget):
    """What the import wrote, where the backup is and how to undo it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog.resultPage")
        self.summary = _label(self, "importDialog.result.summary")
        self.counts = _label(self, "importDialog.result.counts")
        self.backup = _label(self, "importDialog.result.backup")
        self.batch = _label(self, "importDialog.result.batch")
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.counts, self.backup, self.batch):
            layout.addWidget(widget)
        layout.addStretch(1)
