"""Review page of the template wizard: the resulting record, its completeness and findings."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.rules import Finding, completeness
from ropa_desktop.io import templates as tpl
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.common.severity import severity_icon
from ropa_desktop.ui.wizard.state import WizardState

SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2


def record_html(draft: tpl.Draft, catalogue: m.Register) -> str:
    """The draft activity as compact read-only HTML (Art. 30 items in order)."""
    act = draft.activity
    label = {k: v() for k, v in p.FIELD_LABELS.items()}
    known = {x.uid for x in catalogue.processors}
    processors = {x.uid: x for x in [*catalogue.processors, *draft.processors]}
    recipients = {x.uid: x for x in [*catalogue.recipients, *draft.recipients]}
    out = [f"<h3>{escape(act.reference)} {escape(act.name)}</h3>"]

    def section(key: str, lines: list[str]) -> None:
        body = (
            "".join(f"<li>{line}</li>" for line in lines)
            if lines
            else (f"<li><i>{escape(p.NOT_STATED())}</i></li>")
        )
        out.append(f"<p><b>{escape(label[key])}</b></p><ul>{body}</ul>")

    if act.department:
        out.append(f"<p><b>{escape(label['department'])}:</b> {escape(act.department)}</p>")
    if act.description:
        out.append(f"<p>{escape(act.description)}</p>")
    section(
        "purposes",
        [
            escape(pu.text)
            + (
                " — " + escape("; ".join(p.legal_basis(b) for b in pu.legal_bases))
                if pu.legal_bases
                else ""
            )
            + (
                f"<br><i>{escape(label['legitimate_interest'])}:</i> "
                f"{escape(pu.legitimate_interest)}"
                if pu.legitimate_interest
                else ""
            )
            for pu in act.purposes
        ],
    )
    section("data_subjects", [escape(s) for s in act.data_subjects])
    section(
        "data_categories",
        [
            f"{escape(c.name)}"
            + (
                f" <i>({escape(p.SPECIAL[c.special]())})</i>"
                if c.special != m.SpecialCategory.NONE
                else ""
            )
            + f"<br>{escape(label['retention'])}: {escape(p.retention(c.retention))}"
            for c in act.data_categories
        ],
    )
    section("internal_recipients", [escape(s) for s in act.internal_recipients])
    section("recipients", [escape(recipients[u].name) for u in act.recipients if u in recipients])
    new_word = QCoreApplication.translate("WizardReview", "new")
    existing_word = QCoreApplication.translate("WizardReview", "existing")
    section(
        "processors",
        [
            f"{escape(processors[link.processor].name)} "
            f"<i>({escape(existing_word if link.processor in known else new_word)})</i>"
            + (f" — {escape(link.service)}" if link.service else "")
            for link in act.processors
            if link.processor in processors
        ],
    )
    section("transfers", [escape(p.transfer(t, processors)) for t in act.transfers])
    section("toms", [escape(act.tom_description)] if act.tom_description else [])
    dpia = p.DPIA_RESULT[act.dpia.result]()
    section("dpia", [escape(dpia) + (f"<br>{escape(act.dpia.notes)}" if act.dpia.notes else "")])
    return "".join(out)


class ReviewPage(QWizardPage):
    """Shows what Finish will write: the record, its completeness and its findings."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("wizard.reviewPage")
        self.setTitle(self.tr("Review"))
        self.setSubTitle(
            self.tr("This record will be created. You can complete it in the editor afterwards.")
        )
        self.setFinalPage(True)
        self.target = named(QLabel(self), "wizard.target")
        self.target.setWordWrap(True)
        self.completeness = named(QProgressBar(self), "wizard.completeness")
        self.completeness.setRange(0, 100)
        self.completeness.setFormat(self.tr("Completeness: %p%"))
        self.findings = named(QListWidget(self), "wizard.findings")
        self.findings.setWordWrap(True)
        self.record = named(QTextBrowser(self), "wizard.record")
        self.record.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.record)
        split.addWidget(self.findings)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.target)
        layout.addWidget(self.completeness)
        layout.addWidget(split, 1)
        self.shown_findings: list[Finding] = []

    def initializePage(self) -> None:
        """Build the draft for the answers and choices given and check it."""
        state = self.state
        draft = state.draft()
        catalogue = state.catalogue()
        org = state.organisation()
        if state.new_organisation and not any(
            o.name.casefold() == org.name.casefold() for o in state.session.organisations()
        ):
            self.target.setText(self.tr("For the new organisation “{name}”.").format(name=org.name))
        else:
            self.target.setText(self.tr("For “{name}”.").format(name=org.name))
        self.record.setHtml(record_html(draft, catalogue))
        self.completeness.setValue(round(completeness(draft.activity) * 100))
        self.shown_findings = tpl.check_draft(draft, org, catalogue)
        self.findings.clear()
        if not self.shown_findings:
            item = QListWidgetItem(severity_icon(None), self.tr("No findings."), self.findings)
        for f in self.shown_findings:
            item = QListWidgetItem(severity_icon(f.severity), f.message, self.findings)
            item.setData(SEVERITY_ROLE, f.severity.value)
            item.setData(CODE_ROLE, f.code)
