"""The template wizard: a complete activity for a common case in a few pages.

Pages: the case (searchable list; a new organisation's name and kind when the session
has none) → the template's questions, one topic (``page``) per page → the processors
(the existing one the engine would reuse pre-selected, other existing ones to pick) →
a review of the resulting record with its completeness and findings → Finish, which
writes everything in one transaction through :func:`ropa_desktop.io.templates.apply_template`,
the same path as ``ropa-desktop template apply``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from ropa_desktop.io import templates as tpl
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.session import Session
from ropa_desktop.ui.wizard.pages import CasePage, ProcessorPage, QuestionPage
from ropa_desktop.ui.wizard.review import ReviewPage
from ropa_desktop.ui.wizard.state import WizardState

CASE_PAGE = 0
FIRST_QUESTION_PAGE = 10
PROCESSOR_PAGE = 1000
REVIEW_PAGE = 1001


class TemplateWizard(QWizard):
    """Creates one processing activity from a template for the session's organisation.

    When the session has no organisation, the first page also asks for the name and
    kind of a new one. :attr:`created` carries the uid of the new activity; the
    caller opens it in the editor. Nothing is written before Finish.
    """

    created = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateWizard")
        self.setWindowTitle(self.tr("New activity from a template"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(820, 620)
        self.session = session
        self.state = WizardState(session)
        """What the pages share: the case, the answers, the processor choices."""
        self.created_uid: str | None = None
        self._built_for: tuple[str, str, str] | None = None
        self._question_pages: list[QuestionPage] = []

        self.case_page = CasePage(self.state, self)
        self.case_page.templateChosen.connect(self.use_template)
        self.processor_page = ProcessorPage(self.state, self)
        self.review_page = ReviewPage(self.state, self)
        self.setPage(CASE_PAGE, self.case_page)
        self.setPage(PROCESSOR_PAGE, self.processor_page)
        self.setPage(REVIEW_PAGE, self.review_page)
        self.setStartId(CASE_PAGE)

    # --- template ------------------------------------------------------------

    def use_template(self, template: tpl.Template) -> None:
        """Make ``template`` the case; (re)builds the question pages when it changed."""
        state = self.state
        key = (template.id, state.kind().value, state.organisation().land)
        state.template = template
        if key == self._built_for:
            return
        for page in self._question_pages:
            self.removePage(page.page_id)
            page.deleteLater()
        self._question_pages = []
        state.forget_draft()
        for i, (title, questions) in enumerate(group_questions(template.questions)):
            page = QuestionPage(
                state, FIRST_QUESTION_PAGE + i, title, questions, state.kind(), self
            )
            self.setPage(page.page_id, page)
            self._question_pages.append(page)
        state.question_pages = list(self._question_pages)
        self._built_for = key
        state.answers_changed()

    def question_pages(self) -> list[QuestionPage]:
        """The question pages of the chosen template, in order."""
        return list(self._question_pages)

    # --- navigation ----------------------------------------------------------

    def nextId(self) -> int:
        """The next page, skipping question pages with nothing to ask and the processor
        page when the case needs no processor."""
        current = self.currentId()
        for pid in self.pageIds():
            if pid <= current:
                continue
            if self._needed(pid):
                return pid
        return -1

    def _needed(self, pid: int) -> bool:
        if self.state.template is None:
            return True
        if FIRST_QUESTION_PAGE <= pid < PROCESSOR_PAGE:
            page = self.page(pid)
            return isinstance(page, QuestionPage) and page.has_questions(self.state.answers())
        if pid == PROCESSOR_PAGE:
            try:
                return bool(self.state.draft().plan)
            except tpl.TemplateError:
                return True
        return True

    # --- finish --------------------------------------------------------------

    def create_activity(self) -> str | None:
        """Write the activity (one transaction); the uid, or None after showing the error."""
        state = self.state
        assert state.template is not None
        try:
            applied = tpl.apply_template(
                self.session.store,
                state.template.id,
                state.organisation_target(),
                state.answers(),
                processors=dict(state.pins),
            )
        except Exception as exc:  # every failure is shown; nothing was written
            prompts.show_error(self, self.tr("The activity could not be created"), exc)
            return None
        if self.session.organisation_name != applied.organisation:
            self.session.set_organisation(applied.organisation)
        self.session.reload()
        # a processing service (Art. 30(2)) is no activity the editor could open: ""
        self.created_uid = "" if applied.draft.service is not None else applied.draft.activity.uid
        self.created.emit(self.created_uid)
        return self.created_uid

    def accept(self) -> None:
        """Finish: create the activity; the wizard stays open if that fails."""
        if self.created_uid is None and self.create_activity() is None:
            return
        super().accept()


def group_questions(questions: tuple[tpl.Question, ...]) -> list[tuple[str, list[tpl.Question]]]:
    """Questions grouped into wizard pages: by their ``page`` (in order of first use);
    questions without one in groups of at most five."""
    groups: dict[str, list[tpl.Question]] = {}
    loose: list[tpl.Question] = []
    for q in questions:
        if q.page is None:
            loose.append(q)
        else:
            groups.setdefault(q.page(), []).append(q)
    result = list(groups.items())
    for start in range(0, len(loose), 5):
        result.append(("", loose[start : start + 5]))
    return result


def open_wizard(parent: QWidget | None, session: Session) -> str | None:
    """Run the wizard modally; the uid of the activity created, or None."""
    wizard = TemplateWizard(session, parent)
    try:
        if wizard.exec() == QDialog.DialogCode.Accepted:
            return wizard.created_uid
        return None
    finally:
        wizard.deleteLater()
