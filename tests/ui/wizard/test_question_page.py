"""A question page on its own: inputs for every kind of question."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel

from ropa_desktop.domain import model as m
from ropa_desktop.domain.i18n import Text
from ropa_desktop.io import templates as tpl
from ropa_desktop.ui.wizard.pages import QuestionPage
from ropa_desktop.ui.wizard.state import WizardState


def test_a_choice_question_with_no_choice_open_to_the_kind_shows_an_empty_box(
    qtbot: Any, session: Any
) -> None:
    authority = m.OrganisationKind.PUBLIC_AUTHORITY
    closed = tpl.Question(
        "basis",
        "choice",
        Text("Grundlage", "Basis"),
        "a",
        choices=(tpl.Choice("a", Text("A", "A"), not_for=(authority.value,)),),
    )
    page = QuestionPage(WizardState(session), 1, "Test", [closed], authority)
    qtbot.addWidget(page)
    combo = page.findChild(QComboBox, "wizard.q.basis")
    assert combo is not None and combo.count() == 0
    chosen = page.findChild(QLabel, "wizard.choice.basis")
    assert chosen is not None and chosen.text() == ""
