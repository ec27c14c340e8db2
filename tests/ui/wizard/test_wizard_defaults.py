"""Issue 18, item 7: the wizard's defaults come from the organisation (kind, Land,
departments in use); no pre-fill that does not fit, and no question promised that never
comes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget
from test_wizard import TEAMS, finish, start, walk_to  # the neighbouring tests' helpers

from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store
from ropa_desktop.ui.session import Session
from ropa_desktop.ui.wizard.wizard import PROCESSOR_PAGE, TemplateWizard


def _session(tmp_path: Path, land: str, kind=m.OrganisationKind.PUBLIC_AUTHORITY) -> Session:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / f"{land}.sqlite", user="tester")
    org = m.Organisation(name="Gemeinde Test", kind=kind, land=land)
    org.activities = [
        m.Activity(reference="VT-1", name="Meldewesen", department="Bürgerbüro"),
        m.Activity(reference="VT-2", name="Gewerbe", department="Bürgerbüro"),
        m.Activity(reference="VT-3", name="Personal", department="Hauptamt"),
    ]
    store.import_register(
        m.Register(
            organisations=[org],
            processors=[m.Processor(name="AKDB", country="DE")],
        )
    )
    s = Session(store, str(tmp_path / f"{land}.sqlite"))
    s.set_organisation("Gemeinde Test")
    return s


def _field(wizard: TemplateWizard, cls: type, name: str) -> QWidget:
    found = wizard.findChild(cls, name)
    assert found is not None, name
    return found


@pytest.fixture
def bavaria(qapp, tmp_path: Path) -> Session:  # type: ignore[no-untyped-def]
    return _session(tmp_path, "DE-BY")


def test_a_bavarian_municipality_gets_no_komm_one_no_billing_no_kundenberatung(
    qtbot, bavaria
) -> None:
    wizard = start(qtbot, bavaria, "virtual-mailbox")
    provider = _field(wizard, QLineEdit, "wizard.q.provider")
    assert "Komm.ONE" not in provider.text()
    department = _field(wizard, QLineEdit, "wizard.q.department")
    assert department.text() in ("", "Bürgerbüro", "Hauptamt")
    assert department.completer() is not None
    assert department.completer().model().data(department.completer().model().index(0, 0)) == (
        "Bürgerbüro"
    )

    wizard = start(qtbot, bavaria, "webmail-portal")
    assert not _field(wizard, QCheckBox, "wizard.q.billing").isChecked()

    wizard = start(qtbot, bavaria, TEAMS)
    department = _field(wizard, QLineEdit, "wizard.q.department")
    assert department.text() != "Kundenberatung"
    assert "Bürgerbüro" in department.placeholderText()


def test_in_baden_wuerttemberg_komm_one_is_the_default(qtbot, qapp, tmp_path) -> None:
    session = _session(tmp_path, "DE-BW")
    wizard = start(qtbot, session, "virtual-mailbox")
    assert _field(wizard, QLineEdit, "wizard.q.provider").text() == "Komm.ONE"


def test_a_utility_keeps_the_utility_defaults(qtbot, qapp, tmp_path) -> None:
    session = _session(tmp_path, "DE-NW", m.OrganisationKind.MUNICIPAL_COMPANY)
    wizard = start(qtbot, session, "webmail-portal")
    assert _field(wizard, QCheckBox, "wizard.q.billing").isChecked()


def test_teams_promises_no_question_that_never_comes(qtbot, bavaria) -> None:
    wizard = start(qtbot, bavaria, TEAMS)
    seen: list[str] = []
    for page in wizard.question_pages():
        for label in page.findChildren(QLabel):
            if label.objectName().startswith("wizard.help."):
                seen.append(label.text())
    assert seen
    for text in seen:
        assert "nächsten Frage" not in text and "next question" not in text
    basis = _field(wizard, QComboBox, "wizard.q.employee_basis")
    law = _field(wizard, QWidget, "wizard.question.employee_law")
    assert law.isHidden()
    basis.setCurrentIndex(basis.findData("art6-1-e"))
    assert not law.isHidden()  # the question the help names appears right below


def test_a_new_processor_can_be_created_beside_an_existing_one(qtbot, bavaria) -> None:
    wizard = start(qtbot, bavaria, TEAMS)
    walk_to(wizard, PROCESSOR_PAGE)
    combo = _field(wizard, QComboBox, "wizard.processor.0")
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert any("AKDB" in t for t in labels)
    assert combo.currentData() == ""  # "create new" is pre-selected and always there
    uid = finish(qtbot, wizard)
    assert any("Microsoft" in p.name for p in bavaria.catalogue().processors)
    assert bavaria.activity(uid) is not None
