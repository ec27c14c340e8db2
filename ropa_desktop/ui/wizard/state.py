"""What the pages of the template wizard share: :class:`WizardState`.

The wizard owns one state and hands it to every page; the pages read and change the
case, the answers and the processor choices through it and never import the wizard.
"""

from __future__ import annotations

from typing import Any, Protocol

from ropa_desktop.domain import model as m
from ropa_desktop.io import templates as tpl
from ropa_desktop.ui.session import Session


class AnswerPage(Protocol):
    """A page that holds answers to some questions of the template."""

    def answers(self) -> dict[str, Any]: ...

    def show_questions(self, answers: dict[str, Any]) -> None: ...


class WizardState:
    """The wizard's draft in the making: session, case, answers, processor choices.

    The case page keeps :attr:`new_name` and :attr:`new_kind` up to date (they matter
    only when the session has no organisation); the wizard puts the question pages of
    the chosen case into :attr:`question_pages`.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.template: tpl.Template | None = None
        self.pins: dict[str, str] = {}
        """Processor choices: template processor name → uid of an existing processor."""
        self.new_name = ""
        """Name typed for a new organisation (whitespace as typed)."""
        self.new_kind: m.OrganisationKind = next(iter(m.OrganisationKind))
        """Kind chosen for a new organisation."""
        self.question_pages: list[AnswerPage] = []
        self._draft_cache: tuple[str, tpl.Draft] | None = None

    # --- organisation --------------------------------------------------------

    @property
    def new_organisation(self) -> bool:
        """True when the session has no organisation and the wizard creates one."""
        return self.session.organisation_name is None

    def organisation_target(self) -> str:
        """Name of the organisation the activity is created for."""
        if not self.new_organisation:
            return self.session.organisation_name or ""
        return " ".join(self.new_name.split())

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
        return m.Organisation(name=name, kind=self.new_kind)

    def catalogue(self) -> m.Register:
        """The catalogue of the target organisation (reuse stays inside it)."""
        if not self.new_organisation:
            return self.session.catalogue()
        name = self.organisation_target()
        for summary in self.session.organisations(include_archived=True):
            if summary.name.casefold() == name.casefold():
                return self.session.store.catalogue(summary.name)
        return m.Register()

    # --- template and answers ------------------------------------------------

    def forget_draft(self) -> None:
        """Drop the processor choices and the cached draft (a new case was chosen)."""
        self.pins = {}
        self._draft_cache = None

    def answers(self) -> dict[str, Any]:
        """The answers as the widgets hold them (hidden questions keep their value)."""
        result: dict[str, Any] = {}
        for page in self.question_pages:
            result.update(page.answers())
        if self.new_organisation:
            result[tpl.KIND_KEY] = self.new_kind.value
        return result

    def answers_changed(self) -> None:
        """Show the questions whose condition holds for the current answers."""
        answers = self.answers()
        for page in self.question_pages:
            page.show_questions(answers)

    def draft(self) -> tpl.Draft:
        """What Finish would write (cached for the same answers and choices)."""
        assert self.template is not None
        answers = self.answers()
        key = repr(
            (
                self.template.id,
                sorted(answers.items()),
                sorted(self.pins.items()),
                self.organisation_target(),
                self.kind().value,
                len(self.session.activity_uids()),
            )
        )
        if self._draft_cache is not None and self._draft_cache[0] == key:
            return self._draft_cache[1]
        org = self.organisation()
        complete = tpl.complete_answers(self.template, answers, org.kind, org.land)
        draft = tpl.build_draft(
            self.template,
            complete,
            organisation=org,
            catalogue=self.catalogue(),
            processors=self.pins,
        )
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
