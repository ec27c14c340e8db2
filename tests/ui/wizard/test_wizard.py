"""The template wizard: choosing a case, answering, picking processors, review, creation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget, QWizard

from ropa_desktop.domain import model as m
from ropa_desktop.domain.rules import Severity, completeness
from ropa_desktop.io.templates import NEW_PROCESSOR, load_templates
from ropa_desktop.store.database import open_store
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.session import Session
from ropa_desktop.ui.wizard.review import CODE_ROLE, SEVERITY_ROLE
from ropa_desktop.ui.wizard.wizard import PROCESSOR_PAGE, REVIEW_PAGE, TemplateWizard

TEAMS = "teams-video-consultation"


def make_wizard(qtbot, session: Session) -> TemplateWizard:  # type: ignore[no-untyped-def]
    wizard = TemplateWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def start(qtbot, session: Session, template_id: str) -> TemplateWizard:  # type: ignore[no-untyped-def]
    wizard = make_wizard(qtbot, session)
    wizard.case_page.select(template_id)
    wizard.next()
    return wizard


def walk_to(wizard: TemplateWizard, page_id: int) -> list[int]:
    """Press Next until the page is reached; the ids of the pages visited."""
    visited = [wizard.currentId()]
    while wizard.currentId() != page_id:
        assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.next()
        assert wizard.currentId() != visited[-1], f"stuck on page {visited[-1]}"
        visited.append(wizard.currentId())
    return visited


def finish(qtbot, wizard: TemplateWizard) -> str:  # type: ignore[no-untyped-def]
    walk_to(wizard, REVIEW_PAGE)
    with qtbot.waitSignal(wizard.created, timeout=5000) as signal:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    return signal.args[0]


def widget(wizard: TemplateWizard, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = wizard.findChild(cls, name)
    assert found is not None, name
    return found


def microsofts(session: Session) -> list[m.Processor]:
    return [p for p in session.catalogue().processors if "microsoft" in p.name.casefold()]


def test_the_case_list_filters_as_you_type(qtbot, session):
    wizard = make_wizard(qtbot, session)
    page = wizard.case_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert len(page.visible_ids()) == len(load_templates())
    assert not next_button.isEnabled()

    page.search.setText("teams")
    assert page.visible_ids() == [TEAMS]
    page.search.setText("video")  # Teams and Flexperto are both video consultations
    assert set(page.visible_ids()) == {TEAMS, "flexperto-video-consultation"}
    page.select(TEAMS)
    assert next_button.isEnabled()
    assert "Microsoft" in widget(wizard, QWidget, "wizard.caseDescription").text()

    page.search.setText("no such case at all")
    assert page.visible_ids() == [] and not next_button.isEnabled()
    page.search.clear()
    page.search.returnPressed.emit()  # Enter takes the first case of the list
    assert next_button.isEnabled()


def test_teams_with_defaults_creates_one_activity_linked_to_microsoft(qtbot, session):
    session.set_organisation("Stadtwerke Herne AG")  # the demo organisation with Microsoft
    before = session.activity_uids()
    assert len(microsofts(session)) == 1
    wizard = start(qtbot, session, TEAMS)
    uid = finish(qtbot, wizard)
    assert session.activity_uids() == [*before, uid]
    act = session.activity(uid)
    assert act is not None and act.name == "Videoberatung über Microsoft Teams"
    linked = {p.uid: p for p in session.catalogue().processors}[act.processors[0].processor]
    assert "microsoft" in linked.name.casefold()
    assert [p.uid for p in microsofts(session)] == [linked.uid]
    assert act.transfers[0].mechanism == "scc-2"
    assert not any("Aufzeichnung" in c.name for c in act.data_categories)
    assert any(c.name.startswith("Chatnachrichten") for c in act.data_categories)


def test_teams_twice_links_both_activities_to_the_same_microsoft(qtbot, session):
    session.set_organisation("Stadtwerke Herne AG")
    first = finish(qtbot, start(qtbot, session, TEAMS))
    second = finish(qtbot, start(qtbot, session, TEAMS))
    assert first != second
    a, b = session.activity(first), session.activity(second)
    assert a.processors[0].processor == b.processors[0].processor
    assert a.reference != b.reference
    assert len(microsofts(session)) == 1


def test_answers_change_the_created_activity(qtbot, session):
    wizard = start(qtbot, session, TEAMS)
    walk_to(wizard, 12)  # "Transfer to the USA"
    mechanism = widget(wizard, QComboBox, "wizard.q.transfer_mechanism")
    mechanism.setCurrentIndex(mechanism.findData("dpf"))
    wizard.next()
    widget(wizard, QCheckBox, "wizard.q.recording").setChecked(True)
    widget(wizard, QCheckBox, "wizard.q.chat").setChecked(False)
    act = session.activity(finish(qtbot, wizard))
    assert act.transfers[0].mechanism == "dpf"
    assert any("Aufzeichnung" in c.name for c in act.data_categories)
    assert any("Aufzeichnung" in p.text for p in act.purposes)
    assert not any(c.name.startswith("Chatnachrichten") for c in act.data_categories)


def test_a_conditional_question_shows_only_when_it_matters(qtbot, session):
    wizard = start(qtbot, session, TEAMS)
    walk_to(wizard, 11)  # "Legal bases"
    basis = widget(wizard, QComboBox, "wizard.q.employee_basis")
    land_law = widget(wizard, QWidget, "wizard.question.employee_law")
    assert not land_law.isVisible()
    basis.setCurrentIndex(basis.findData("art6-1-e"))
    assert land_law.isVisible()
    widget(wizard, QLineEdit, "wizard.q.employee_law").setText("§ 18 DSG NRW")
    basis.setCurrentIndex(basis.findData("art6-1-b"))
    assert not land_law.isVisible()
    basis.setCurrentIndex(basis.findData("art6-1-e"))
    act = session.activity(finish(qtbot, wizard))
    assert any(p.legal_bases == ["art6-1-e", "§ 18 DSG NRW"] for p in act.purposes)


def test_a_page_whose_questions_do_not_matter_is_skipped(qtbot, session):
    wizard = start(qtbot, session, "web-analytics")
    transfer_page = next(
        p.page_id for p in wizard.question_pages() if any(q.id == "mechanism" for q in p.questions)
    )
    assert transfer_page not in walk_to(wizard, REVIEW_PAGE)  # Matomo: no transfer
    wizard.back()
    while wizard.currentId() > 10:
        wizard.back()
    tool = widget(wizard, QComboBox, "wizard.q.tool")
    tool.setCurrentIndex(tool.findData("google-analytics"))
    assert transfer_page in walk_to(wizard, REVIEW_PAGE)


def test_a_public_authority_is_not_offered_legitimate_interests(qtbot, session):
    session.set_organisation("Stadt Ahaus")
    assert session.organisation().kind == m.OrganisationKind.PUBLIC_AUTHORITY
    wizard = start(qtbot, session, TEAMS)
    walk_to(wizard, 11)
    basis = widget(wizard, QComboBox, "wizard.q.employee_basis")
    offered = [basis.itemData(i) for i in range(basis.count())]
    assert "art6-1-f" not in offered and "art6-1-e" in offered
    act = session.activity(finish(qtbot, wizard))
    assert all("art6-1-f" not in p.legal_bases for p in act.purposes)


def test_the_review_shows_completeness_and_the_findings_the_record_will_have(qtbot, session):
    finish(qtbot, start(qtbot, session, TEAMS))
    wizard = start(qtbot, session, TEAMS)
    walk_to(wizard, REVIEW_PAGE)
    review = wizard.review_page
    draft = wizard.state.draft()
    bar = widget(wizard, QWidget, "wizard.completeness")
    assert bar.value() == round(completeness(draft.activity) * 100) > 0
    assert "Microsoft" in widget(wizard, QWidget, "wizard.record").toPlainText()
    items = widget(wizard, QWidget, "wizard.findings")
    codes = [items.item(i).data(CODE_ROLE) for i in range(items.count())]
    assert "activity-duplicate-name" in codes  # the same case a second time
    duplicate = items.item(codes.index("activity-duplicate-name"))
    assert duplicate.data(SEVERITY_ROLE) == Severity.WARNING.value
    assert not duplicate.icon().isNull()
    uid = finish(qtbot, wizard)
    assert sorted(codes) == sorted(f.code for f in session.findings(uid))
    assert [f.code for f in review.shown_findings] == codes


def test_cancelling_writes_nothing(qtbot, session):
    store = session.store
    before = (session.activity_uids(), len(store.catalogue().processors), len(store.batches()))
    wizard = start(qtbot, session, TEAMS)
    walk_to(wizard, REVIEW_PAGE)
    created: list[str] = []
    wizard.created.connect(created.append)
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert not wizard.isVisible() and created == [] and wizard.created_uid is None
    session.reload()
    assert (
        session.activity_uids(),
        len(store.catalogue().processors),
        len(store.batches()),
    ) == before


def test_a_failure_on_finish_is_shown_and_writes_nothing(qtbot, session, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda _p, _t, exc: shown.append(str(exc)))
    before = session.activity_uids()
    wizard = start(qtbot, session, TEAMS)
    walk_to(wizard, REVIEW_PAGE)

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(session.store, "import_register", broken)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert shown == ["disk full"]
    assert wizard.isVisible() and wizard.created_uid is None
    session.reload()
    assert session.activity_uids() == before


@pytest.fixture
def small_session(qapp, tmp_path: Path) -> Session:  # type: ignore[no-untyped-def]
    """A register with one organisation (public authority) and one unrelated processor."""
    store = open_store(tmp_path / "small.sqlite", user="tester")
    store.import_register(
        m.Register(
            organisations=[m.Organisation(name="Gemeinde Test")],
            processors=[m.Processor(name="Kommunales Rechenzentrum Beispiel", country="DE")],
        )
    )
    s = Session(store, str(tmp_path / "small.sqlite"))
    s.set_organisation("Gemeinde Test")
    return s


def test_without_a_match_existing_processors_come_first_and_one_can_be_chosen(qtbot, small_session):
    session = small_session
    wizard = start(qtbot, session, TEAMS)
    walk_to(wizard, PROCESSOR_PAGE)
    combo = widget(wizard, QComboBox, "wizard.processor.0")
    existing = session.catalogue().processors[0]
    assert [combo.itemData(i) for i in range(combo.count())] == [existing.uid, ""]
    assert combo.currentData() == ""  # the engine would create Microsoft: pre-selected
    combo.setCurrentIndex(0)
    act = session.activity(finish(qtbot, wizard))
    assert act.processors[0].processor == existing.uid
    assert [p.name for p in session.store.catalogue().processors] == [existing.name]


def test_with_a_match_the_matched_processor_is_preselected_and_never_duplicated(
    qtbot, small_session
):
    session = small_session
    finish(qtbot, start(qtbot, session, TEAMS))  # creates Microsoft Ireland + Corporation
    count = len(session.store.catalogue().processors)
    wizard = start(qtbot, session, TEAMS)
    walk_to(wizard, PROCESSOR_PAGE)
    combo = widget(wizard, QComboBox, "wizard.processor.0")
    values = [combo.itemData(i) for i in range(combo.count())]
    assert "" not in values  # no "create new" beside an existing Microsoft
    chosen = {p.uid: p for p in session.catalogue().processors}[combo.currentData()]
    assert chosen.name == "Microsoft Ireland Operations Limited"
    finish(qtbot, wizard)
    assert len(session.store.catalogue().processors) == count


def test_a_new_processor_can_always_be_created_and_others_organisations_are_not_offered(
    qtbot, session
):
    """Herne has Microsoft; a new organisation's wizard neither offers nor links it, and an
    organisation with its own Microsoft may still create another (its own new contract)."""
    herne = session.store.catalogue("Stadtwerke Herne AG").processors
    session.save_organisation(m.Organisation(name="Gemeinde Musterdorf"))
    session.set_organisation("Gemeinde Musterdorf")
    wizard = start(qtbot, session, TEAMS)
    walk_to(wizard, PROCESSOR_PAGE)
    combo = widget(wizard, QComboBox, "wizard.processor.0")
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == [""]  # only "create new": nothing of Herne's
    act = session.activity(finish(qtbot, wizard))
    own = session.catalogue().processors
    assert act.processors[0].processor in {p.uid for p in own}
    assert not {p.uid for p in own} & {p.uid for p in herne}
    # the second time Musterdorf's own Microsoft is matched, and a new one can be chosen
    wizard = start(qtbot, session, TEAMS)
    walk_to(wizard, PROCESSOR_PAGE)
    combo = widget(wizard, QComboBox, "wizard.processor.0")
    assert combo.currentData() == act.processors[0].processor
    combo.setCurrentIndex(combo.findData(NEW_PROCESSOR))
    again = session.activity(finish(qtbot, wizard))
    assert again.processors[0].processor != act.processors[0].processor
    assert len(session.catalogue().processors) > len(own)


def test_without_an_organisation_the_first_page_asks_for_a_new_one(qtbot, qapp, tmp_path):
    store = open_store(tmp_path / "empty.sqlite", user="tester")
    session = Session(store, str(tmp_path / "empty.sqlite"))
    assert session.organisation_name is None
    wizard = make_wizard(qtbot, session)
    wizard.case_page.select("newsletter")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # the organisation needs a name
    widget(wizard, QLineEdit, "wizard.orgName").setText("  Gemeinde   Neuland ")
    kind = widget(wizard, QComboBox, "wizard.orgKind")
    kind.setCurrentIndex(kind.findData("municipal_company"))
    assert next_button.isEnabled()
    wizard.next()
    uid = finish(qtbot, wizard)
    assert session.organisation_name == "Gemeinde Neuland"
    assert session.organisation().kind == m.OrganisationKind.MUNICIPAL_COMPANY
    assert session.activity_uids() == [uid]


@pytest.mark.parametrize("template_id", sorted(t.id for t in load_templates()))
def test_every_template_walks_through_with_defaults_without_errors(qtbot, session, template_id):
    wizard = start(qtbot, session, template_id)
    walk_to(wizard, REVIEW_PAGE)
    shown = wizard.review_page.shown_findings
    assert not [f.message for f in shown if f.severity == Severity.ERROR]
    uid = finish(qtbot, wizard)
    act = session.activity(uid)
    assert act is not None and act.purposes and act.data_categories
    assert not [f.message for f in session.findings(uid) if f.severity == Severity.ERROR]
