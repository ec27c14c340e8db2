"""The review cycle on the organisation page: what is overdue or due within 30 days, per
department; the cycle in months; the Prüfplan as Excel workbook or calendar file."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain.review_cycle import Due, PlanEntry, per_department, review_plan
from ropa_desktop.store.review_cycle import review_months, set_review_months
from ropa_desktop.ui.common import prompts, settings
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.session import Change, Session


def due_entries(session: Session, today: date | None = None) -> list[PlanEntry]:
    """The current organisation's review plan (every activity that is not archived)."""
    org = session.organisation()
    name = session.organisation_name
    if org is None or name is None:
        return []
    return review_plan(org, today or date.today(), review_months(session.store, name))


class ReviewCycleBox(QGroupBox):
    """Overdue and soon-due reviews per department, the cycle, and the Prüfplan export."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Reviews"))
        self.session = session
        self.setObjectName("organisation.reviews")
        self.summary = named(QLabel(self), "reviews.summary")
        self.summary.setWordWrap(True)
        self.months = named(QSpinBox(self), "reviews.months")
        self.months.setRange(1, 120)
        self.months.setSuffix(self.tr(" months"))
        self.apply_button = named(QPushButton(self.tr("Set &cycle"), self), "reviews.setCycle")
        self.apply_button.clicked.connect(self.apply_cycle)
        self.xlsx_button = named(
            QPushButton(self.tr("Review plan as &Excel …"), self), "reviews.xlsx"
        )
        self.xlsx_button.clicked.connect(lambda: self._export(".xlsx"))
        self.pdf_button = named(QPushButton(self.tr("… as &PDF …"), self), "reviews.pdf")
        self.pdf_button.clicked.connect(lambda: self._export(".pdf"))
        self.ics_button = named(
            QPushButton(self.tr("Calendar file (.&ics) …"), self), "reviews.ics"
        )
        self.ics_button.clicked.connect(lambda: self._export(".ics"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Review every"), self))
        row.addWidget(self.months)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        row.addWidget(self.xlsx_button)
        row.addWidget(self.pdf_button)
        row.addWidget(self.ics_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        session.changed.connect(self._changed)
        session.organisationChanged.connect(self.refresh)
        self.refresh()

    def _changed(self, what: Change) -> None:
        if what in (Change.ACTIVITIES, Change.EVERYTHING, Change.ORGANISATION):
            self.refresh()

    def refresh(self) -> None:
        """Show the current organisation's due reviews and cycle."""
        name = self.session.organisation_name
        self.setEnabled(name is not None)
        if name is None:
            self.summary.setText("")
            return
        self.months.setValue(review_months(self.session.store, name))
        counts = per_department(due_entries(self.session))
        if not counts:
            self.summary.setText(self.tr("Nothing overdue, nothing due within 30 days."))
            return
        lines = [
            self.tr("{department}: {overdue} overdue, {soon} due within 30 days").format(
                department=escape(department or self.tr("(no department)")),
                overdue=f"<b>{c[Due.OVERDUE]}</b>" if c[Due.OVERDUE] else "0",
                soon=c[Due.SOON],
            )
            for department, c in counts.items()
        ]
        self.summary.setText("<br>".join(lines))

    def apply_cycle(self) -> None:
        """Store the cycle shown in the spin box."""
        name = self.session.organisation_name
        if name is None:
            return
        try:
            set_review_months(self.session.store, name, self.months.value())
        except Exception as exc:  # a refusal of the store is shown; nothing was written
            prompts.show_error(self, self.title(), exc)
            return
        self.refresh()

    def export_plan(self, target: Path) -> None:
        """Write the Prüfplan (overdue and due within 30 days) as .xlsx, .pdf or .ics."""
        # imported here: openpyxl and reportlab are not needed to start the window
        from ropa_desktop.io.review_plan import write_plan_ics, write_plan_pdf, write_plan_xlsx

        org = self.session.organisation()
        if org is None:
            return
        entries = [e for e in due_entries(self.session) if e.urgency is not Due.LATER]
        if target.suffix.lower() == ".ics":
            write_plan_ics(org, entries, target)
        elif target.suffix.lower() == ".pdf":
            write_plan_pdf(org, entries, target, date.today())
        else:
            write_plan_xlsx(org, entries, target, date.today())

    def _export(self, suffix: str) -> None:
        folder = Path(str(settings.value("export/folder", Path.home())))
        name = f"Pruefplan_{self.session.organisation_name or ''}_{date.today():%Y-%m-%d}{suffix}"
        filters = {
            ".xlsx": self.tr("Excel workbook (*.xlsx)"),
            ".pdf": self.tr("PDF (*.pdf)"),
            ".ics": self.tr("Calendar (*.ics)"),
        }
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.title(), str(folder / name), filters[suffix]
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        try:
            self.export_plan(target)
        except Exception as exc:  # a file that cannot be written is shown, never a traceback
            prompts.show_error(self, self.title(), exc)
            return
        prompts.inform(self, self.title(), self.tr("Written: {file}").format(file=target))


def start_summary(session: Session) -> tuple[str, str]:
    """For the status bar: one line with how many reviews are overdue or due within 30 days,
    and the same per department (its tooltip); both empty when nothing is due."""
    from PySide6.QtCore import QCoreApplication

    entries = due_entries(session)
    overdue = sum(1 for e in entries if e.urgency is Due.OVERDUE)
    soon = sum(1 for e in entries if e.urgency is Due.SOON)
    if not overdue and not soon:
        return "", ""
    line = QCoreApplication.translate(
        "ReviewCycleBox", "Reviews: {overdue} overdue, {soon} due within 30 days"
    ).format(overdue=overdue, soon=soon)
    departments = [
        QCoreApplication.translate(
            "ReviewCycleBox", "{department}: {overdue} overdue, {soon} due within 30 days"
        ).format(
            department=department
            or QCoreApplication.translate("ReviewCycleBox", "(no department)"),
            overdue=c[Due.OVERDUE],
            soon=c[Due.SOON],
        )
        for department, c in per_department(entries).items()
    ]
    return line, "\n".join(departments)
