"""The template wizard: a complete activity for a common case in a few pages.

Pages: the case (searchable list; a new organisation's name and kind when the session
has none) → the template's questions, one topic (``page``) per page → the processors
(the existing one the engine would reuse pre-selected, other existing ones to pick) →
a review of the resulting record with its completeness and findings → Finish, which
writes everything in one transaction through :func:`ropa_desktop.io.templates.apply_template`,
the same path as ``ropa-desktop template apply``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from ropa_desktop.domain import model as m
from ropa_desktop.io import templates as tpl
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.session import Session
from ropa_desktop.ui.wizard.pages import CasePage, ProcessorPage, QuestionPage
from ropa_desktop.ui.wizard.review import ReviewPage

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
        self.template: tpl.Template | None = None
        self.pins: dict[str, str] = {}
        """Processor choices: template processor name → uid of an existing processor."""
        self.created_uid: str | None = None
        self._built_for: tuple[str, str] | None = None
        self._question_pages: list[QuestionPage] = []
        self._draft_cache: tuple[str, tpl.Draft] | None = None

        self.case_page = CasePage(self)
        self.processor_page = ProcessorPage(self)
        self.review_page = ReviewPage(self)
        self.setPage(CASE_PAGE, self.case_page)
        self.setPage(PROCESSOR_PAGE, self.processor_page)
        self.setPage(REVIEW_PAGE, self.review_page)
        self.setStartId(CASE_PAGE)

    # --- organisation --------------------------------------------------------

    @property
    def new_organisation(self) -> bool:
        """True when the session has no organisation and the wizard creates one."""
        return self.session.organisation_name is None

    def organisation_target(self) -> str:
        """Name of the organisation the activity is created for."""
        if not self.new_organisation:
            return self.session.organisation_name or ""
        return " ".join(self.case_page.org_name.text().split())

    def kind(self) -> m.OrganisationKind:
        """The organisation's kind (decides which choices are offered)."""
        org = self.organisation()
        return org.kind

    def organisation(self) -> m.Organisation:
        """The organisation as it is (or as it will be created)."""
        if not self.new_organisation:
            org = self.session.organisation()
            assert org is not None
            return org
        name = self.organisation_target()
        for summary in self.session.organisations():
            if summary.name.casefold() == name.casefold():
                return self.session.store.load_organisation(summary.name)
        return m.Organisation(name=name, kind=self.case_page.chosen_kind())

    # --- template and answers ------------------------------------------------

    def use_template(self, template: tpl.Template) -> None:
        """Make ``template`` the case; (re)builds the question pages when it changed."""
        key = (template.id, self.kind().value)
        self.template = template
        if key == self._built_for:
            return
        for page in self._question_pages:
            self.removePage(page.page_id)
            page.deleteLater()
        self._question_pages = []
        self.pins = {}
        self._draft_cache = None
        for i, (title, questions) in enumerate(group_questions(template.questions)):
            page = QuestionPage(self, FIRST_QUESTION_PAGE + i, title, questions, self.kind())
            self.setPage(page.page_id, page)
            self._question_pages.append(page)
        self._built_for = key
        self.answers_changed()

    def question_pages(self) -> list[QuestionPage]:
        """The question pages of the chosen template, in order."""
        return list(self._question_pages)

    def answers(self) -> dict[str, Any]:
        """The answers as the widgets hold them (hidden questions keep their value)."""
        result: dict[str, Any] = {}
        for page in self._question_pages:
            result.update(page.answers())
        if self.new_organisation:
            result[tpl.KIND_KEY] = self.case_page.chosen_kind().value
        return result

    def answers_changed(self) -> None:
        """Show the questions whose condition holds for the current answers."""
        answers = self.answers()
        for page in self._question_pages:
            page.show_questions(answers)

    def draft(self) -> tpl.Draft:
        """What Finish would write (cached for the same answers and choices)."""
        assert self.template is not None
        answers = self.answers()
        key = repr((self.template.id, sorted(answers.items()), sorted(self.pins.items()),
                    self.organisation_target(), self.kind().value,
                    len(self.session.activity_uids())))
        if self._draft_cache is not None and self._draft_cache[0] == key:
            return self._draft_cache[1]
        org = self.organisation()
        complete = tpl.complete_answers(self.template, answers, org.kind)
        draft = tpl.build_draft(self.template, complete, organisation=org,
                                catalogue=self.session.catalogue(), processors=self.pins)
        self._draft_cache = (key, draft)
        return draft

    def engine_choice(self) -> tpl.Draft:
        """The draft without any processor pinned: what the engine chooses by itself."""
        saved = self.pins
        self.pins = {}
        try:
            return self.draft()
        finally:
            self.pins = saved

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
        if self.template is None:
            return True
        if FIRST_QUESTION_PAGE <= pid < PROCESSOR_PAGE:
            page = self.page(pid)
            return isinstance(page, QuestionPage) and page.has_questions(self.answers())
        if pid == PROCESSOR_PAGE:
            try:
                return bool(self.draft().plan)
            except tpl.TemplateError:
                return True
        return True

    # --- finish --------------------------------------------------------------

    def create(self) -> str | None:
        """Write the activity (one transaction); the uid, or None after showing the error."""
        assert self.template is not None
        try:
            applied = tpl.apply_template(self.session.store, self.template.id,
                                         self.organisation_target(), self.answers(),
                                         processors=dict(self.pins))
        except Exception as exc:  # every failure is shown; nothing was written
            prompts.show_error(self, self.tr("The activity could not be created"), exc)
            return None
        if self.session.organisation_name != applied.organisation:
            self.session.set_organisation(applied.organisation)
        self.session.reload()
        self.created_uid = applied.draft.activity.uid
        self.created.emit(self.created_uid)
        return self.created_uid

    def accept(self) -> None:
        """Finish: create the activity; the wizard stays open if that fails."""
        if self.created_uid is None and self.create() is None:
            return
        super().accept()


def group_questions(questions: tuple[tpl.Question, ...]
                    ) -> list[tuple[str, list[tpl.Question]]]:
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
        result.append(("", loose[start:start + 5]))
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
