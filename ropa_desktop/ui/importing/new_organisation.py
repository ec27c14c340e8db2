"""The question the import dialog asks before it creates an organisation: its kind and
Land (a company must not be checked as a public authority)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ropa_desktop.domain import vocab
from ropa_desktop.domain.presentation import ORGANISATION_KIND
from ropa_desktop.io.importing.report import ImportPlan
from ropa_desktop.ui.common import prompts


def ask_kind_and_land(parent: QWidget | None, plan: ImportPlan) -> bool:
    """When the import creates an organisation whose kind the file does not give, ask for
    its kind and Land and put them into ``plan``; False when the user cancels."""
    report = plan.report
    if not report.organisation_created or report.organisation_from_file:
        return True
    org = next(o for o in plan.register.organisations if o.name == report.organisation)
    title = QCoreApplication.translate("ImportDialog", "New organisation")
    kinds = {label(): kind for kind, label in ORGANISATION_KIND.items()}
    question = QCoreApplication.translate("ImportDialog", "What kind of organisation is “{name}”?")
    chosen = prompts.choose(parent, title, question.format(name=org.name), list(kinds))
    if chosen is None:
        return False
    not_stated = QCoreApplication.translate("ImportDialog", "— not stated —")
    laender = {term.label(): str(term.attrs.get("code", "")) for term in vocab.laender()}
    question = QCoreApplication.translate("ImportDialog", "In which German Land is “{name}”?")
    land = prompts.choose(parent, title, question.format(name=org.name), [not_stated, *laender])
    if land is None:
        return False
    org.kind = kinds[chosen]
    org.land = laender.get(land, "")
    return True
