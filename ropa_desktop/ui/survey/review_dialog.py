"""The review of a returned questionnaire: per activity and item what the department
answered, what was sent and what the register holds now; the DPO ticks what to take over.
Nothing is written until "Take over" — then one transaction, one undoable batch."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import presentation as p
from ropa_desktop.io.survey.display import item_label, state_label, value_text
from ropa_desktop.io.survey.review import (
    ActivityReview,
    ItemReview,
    Outcome,
    Proposal,
    Review,
    State,
    apply_review,
    build_review,
)
from ropa_desktop.ui.common import prompts, settings, tasks
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.session import Session

STATE_COLOURS = {
    State.DEPARTMENT: "#1b5e20",
    State.HERE: "#555555",
    State.CONFLICT: "#b71c1c",
    State.INVALID: "#b71c1c",
}
ROLE = Qt.ItemDataRole.UserRole


class ReviewDialog(QDialog):
    """Accept or reject the answers of one returned questionnaire, per item or activity."""

    def __init__(self, session: Session, review: Review, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.review = review
        self.outcome: Outcome | None = None
        self.setObjectName("surveyReviewDialog")
        self.setWindowTitle(self.tr("Review questionnaire answers"))
        try:
            sent_on = p.format_date(date.fromisoformat(review.sent_on))
        except ValueError:
            sent_on = review.sent_on
        head = QLabel(
            self.tr("Questionnaire “{department}” of “{org}”, sent on {date} ({file})").format(
                department=review.department or self.tr("(no department)"),
                org=review.organisation_name,
                date=sent_on,
                file=review.path.name,
            ),
            self,
        )
        head.setWordWrap(True)
        self.problems = named(QLabel("\n".join(review.problems), self), "survey.problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b71c1c")
        self.problems.setVisible(bool(review.problems))
        hint = QLabel(
            self.tr(
                "Ticked answers are taken over; conflicts (changed here meanwhile as well) "
                "are not ticked. Untick an activity to leave it as it is and not mark it as "
                "reviewed. A ticked new recipient or processor is added to this "
                "organisation's catalogue."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.tree = named(QTreeWidget(self), "survey.tree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                self.tr("Activity / item"),
                self.tr("State"),
                self.tr("Answer of the department"),
                self.tr("As sent"),
                self.tr("Register now"),
            ]
        )
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self._fill()
        self.tree.itemChanged.connect(self._changed)
        all_button = QPushButton(self.tr("Tick &all answers"), self)
        all_button.clicked.connect(lambda: self._tick_all(True))
        none_button = QPushButton(self.tr("&Untick all"), self)
        none_button.clicked.connect(lambda: self._tick_all(False))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Take over"))
        ok.setObjectName("survey.takeOver")
        ok.setEnabled(bool(review.activities))
        self.buttons.addButton(all_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(none_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.take_over)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.problems)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(1200, 700)

    # --- the tree -----------------------------------------------------------

    def _fill(self) -> None:
        for act in self.review.activities:
            top = QTreeWidgetItem(self.tree)
            title = act.name
            if act.is_new:
                title = self.tr("{name} (proposed as new)").format(name=act.name)
            top.setText(0, title)
            summary = self.tr("{n} answers changed").format(n=act.changes)
            if act.confirmed:
                summary += " · " + self.tr("confirmed as checked")
            top.setText(1, summary)
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            top.setCheckState(0, Qt.CheckState.Checked if act.accept else Qt.CheckState.Unchecked)
            top.setData(0, ROLE, act)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for item in act.items:
                if item.state is State.UNCHANGED:
                    continue
                self._item_row(top, act, item)
            if act.comment:
                row = QTreeWidgetItem(top)
                row.setText(0, self.tr("Remark (added to the notes)"))
                row.setText(2, act.comment)
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(
                    0, Qt.CheckState.Checked if act.accept_comment else Qt.CheckState.Unchecked
                )
                row.setData(0, ROLE, "comment")
            top.setExpanded(True)
        for col, width in enumerate((330, 190, 300, 280, 280)):
            self.tree.setColumnWidth(col, width)

    def _item_row(self, top: QTreeWidgetItem, act: ActivityReview, item: ItemReview) -> None:
        row = QTreeWidgetItem(top)
        row.setText(0, item_label(item.key))
        row.setText(1, state_label(item.state))
        row.setForeground(1, QBrush(QColor(STATE_COLOURS.get(item.state, "#000000"))))
        names = self.review.names
        answer = value_text(item.key, item.answer, names=names)
        if item.problems:
            answer = "\n".join([answer, *item.problems])
        row.setText(2, _wrapped(answer))
        row.setToolTip(2, answer)
        if not act.is_new:
            row.setText(3, _wrapped(value_text(item.key, item.sent, names=names)))
            row.setText(4, _wrapped(value_text(item.key, item.current, names=names)))
        row.setData(0, ROLE, item)
        if item.acceptable:
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Checked if item.accept else Qt.CheckState.Unchecked)
            for proposal in item.proposals:
                self._proposal_row(row, proposal).setDisabled(not item.accept)
            row.setExpanded(True)

    def _proposal_row(self, parent: QTreeWidgetItem, proposal: Proposal) -> QTreeWidgetItem:
        row = QTreeWidgetItem(parent)
        if proposal.entity == "recipient":
            row.setText(0, self.tr("Add recipient to the catalogue"))
        else:
            row.setText(0, self.tr("Add processor to the catalogue"))
        row.setText(1, _wrapped(self.tr("not in the catalogue; unticked it is left out"), 30))
        row.setText(2, _wrapped(proposal.name))
        row.setToolTip(0, proposal.name)
        row.setData(0, ROLE, proposal)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(0, Qt.CheckState.Checked if proposal.accept else Qt.CheckState.Unchecked)
        return row

    def _changed(self, row: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        data = row.data(0, ROLE)
        ticked = row.checkState(0) == Qt.CheckState.Checked
        if isinstance(data, (ActivityReview, ItemReview)):
            data.accept = ticked
            for child in _children(row):
                child.setDisabled(not ticked)
        elif isinstance(data, Proposal):
            data.accept = ticked
        elif data == "comment":
            parent = row.parent()
            if parent is not None:
                act = parent.data(0, ROLE)
                if isinstance(act, ActivityReview):
                    act.accept_comment = ticked

    def _tick_all(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for top in self._tops():
            top.setCheckState(0, Qt.CheckState.Checked)
            for child in _children(top):
                for row in [child, *_children(child)]:
                    if row.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                        row.setCheckState(0, state)

    def activity_row(self, name: str) -> QTreeWidgetItem:
        """The tree row of the activity ``name`` (for tests and keyboard users)."""
        for top in self._tops():
            data = top.data(0, ROLE)
            if isinstance(data, ActivityReview) and data.name == name:
                return top
        raise KeyError(name)

    def item_row(self, name: str, key: str) -> QTreeWidgetItem:
        """The tree row of item ``key`` of activity ``name``."""
        for child in _children(self.activity_row(name)):
            data = child.data(0, ROLE)
            if isinstance(data, ItemReview) and data.key == key:
                return child
        raise KeyError(key)

    def proposal_row(self, name: str, key: str, proposed: str) -> QTreeWidgetItem:
        """The tree row of the proposal ``proposed`` in item ``key`` of activity ``name``."""
        for child in _children(self.item_row(name, key)):
            data = child.data(0, ROLE)
            if isinstance(data, Proposal) and data.name == proposed:
                return child
        raise KeyError(proposed)

    def _tops(self) -> list[QTreeWidgetItem]:
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [top for top in found if top is not None]

    # --- writing ------------------------------------------------------------

    def take_over(self) -> None:
        """Write what is ticked (one transaction, one undoable batch) and close."""
        try:
            self.outcome = apply_review(self.session.store, self.review)
        except Exception as exc:  # every failure is shown; nothing was written
            prompts.show_error(self, self.windowTitle(), exc)
            return
        self.session.reload()
        self.accept()


def _wrapped(text: str, width: int = 44) -> str:
    """Long texts on several lines (the tree does not wrap by itself)."""
    return "\n".join(textwrap.fill(line, width) or line for line in text.split("\n"))


def _children(row: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (row.child(i) for i in range(row.childCount()))
    return [child for child in found if child is not None]


def open_review(parent: QWidget, session: Session, path: Path | None = None) -> None:
    """Ask for a returned questionnaire, read it on a worker thread, then show the review."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ReviewDialog", "Review questionnaire answers"),
            str(settings.value("survey/answers", Path.home())),
            QCoreApplication.translate("ReviewDialog", "Questionnaires (*.xlsx *.xlsm *.ods)"),
        )
        if not chosen:
            return
        path = Path(chosen)
    store = session.store
    target = path

    def work(progress: Any) -> Review:
        return build_review(store, target, progress=progress)

    def done(review: Review) -> None:
        settings.set_value("survey/answers", str(target.parent))
        dialog = ReviewDialog(session, review, parent)
        dialog.open()
        parent.setProperty("surveyReviewDialog", dialog)

    def failed(exc: BaseException) -> None:
        title = QCoreApplication.translate("ReviewDialog", "Review questionnaire answers")
        prompts.show_error(parent, title, exc)

    task = tasks.run_task(
        parent,
        QCoreApplication.translate("ReviewDialog", "Reading {file} …").format(file=path.name),
        work,
        on_success=done,
        on_failure=failed,
    )
    parent.setProperty("surveyReadTask", task)
