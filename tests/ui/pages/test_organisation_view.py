"""The organisation's master data editor and the new-organisation dialog, on real SQLite."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from ropa_desktop.domain import model as m
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.pages.organisation_view import NewOrganisationDialog, OrganisationView

DEMO_ORG = "Stadtwerke Bochum GmbH"


def _view(qtbot, session) -> OrganisationView:  # type: ignore[no-untyped-def]
    view = OrganisationView(session)
    qtbot.addWidget(view)
    view.show()
    return view


def test_shows_current_organisation(qtbot, session) -> None:
    view = _view(qtbot, session)
    org = session.store.load_organisation(DEMO_ORG)
    assert view.name.text() == DEMO_ORG
    assert view.kind.currentData() == m.OrganisationKind.MUNICIPAL_COMPANY.value
    assert view.land.code() == org.land == "DE-NW"
    assert view.authority.code() == org.supervisory_authority
    assert view.dpo.email.text() == org.dpo.email
    assert not view.is_dirty() and not view.save_button.isEnabled()


def test_edit_master_data_and_save(qtbot, session) -> None:
    view = _view(qtbot, session)
    view.phone.clear()
    qtbot.keyClicks(view.phone, "0234 960-0")
    qtbot.keyClicks(view.website, "https://www.stadtwerke-bochum.de")
    qtbot.keyClicks(view.management, "Dietmar Spohn")
    view.kind.setCurrentIndex(view.kind.findData(m.OrganisationKind.PUBLIC_LAW_INSTITUTION.value))
    view.land.set_code("DE-BY")
    view.authority.set_code("by-baylfd")
    view.is_processor.setChecked(True)
    view.dpo_external.setChecked(True)
    qtbot.keyClicks(view.representative.name, "Rep Ltd")
    view.representative.country.set_code("IE")
    assert view.is_dirty() and view.save_button.isEnabled()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    org = session.store.load_organisation(DEMO_ORG)
    assert org.phone == "0234 960-0"
    assert org.website == "https://www.stadtwerke-bochum.de"
    assert org.management == "Dietmar Spohn"
    assert org.kind == m.OrganisationKind.PUBLIC_LAW_INSTITUTION
    assert (org.land, org.supervisory_authority) == ("DE-BY", "by-baylfd")
    assert org.is_processor and org.is_controller and org.dpo_external
    assert (org.representative.name, org.representative.country) == ("Rep Ltd", "IE")
    assert len(org.activities) == 8
    assert not view.is_dirty()


def test_rename_follows_in_session(qtbot, session) -> None:
    view = _view(qtbot, session)
    view.name.setText("Stadtwerke Bochum Netz GmbH")
    view.name.textEdited.emit(view.name.text())
    assert view.save()
    assert session.organisation_name == "Stadtwerke Bochum Netz GmbH"
    names = {o.name for o in session.organisations()}
    assert "Stadtwerke Bochum Netz GmbH" in names and DEMO_ORG not in names
    assert len(session.store.load_organisation("Stadtwerke Bochum Netz GmbH").activities) == 8
    assert view.name.text() == "Stadtwerke Bochum Netz GmbH" and not view.is_dirty()


def test_empty_or_duplicate_name_refused(qtbot, session, monkeypatch) -> None:
    monkeypatch.setattr(prompts, "show_error", lambda *a: pytest_fail(a))
    view = _view(qtbot, session)
    before = session.organisations()
    view.name.setText("  ")
    view.name.textEdited.emit("  ")
    assert not view.save()
    assert view.name_error.message()
    view.name.setText("stadt ahaus")
    assert not view.save()
    assert "Stadt Ahaus" in view.name_error.message()
    assert session.organisations() == before and session.organisation_name == DEMO_ORG
    view.name.setText(DEMO_ORG)
    view.city.setText("Bochum")
    assert view.save() and not view.name_error.message()


def pytest_fail(args: object) -> None:
    raise AssertionError(f"unexpected error box: {args}")


def test_findings_marked_at_fields(qtbot, session) -> None:
    org = session.store.load_organisation(DEMO_ORG)
    session.save_organisation(
        dataclasses.replace(
            org, dpo=m.Contact(), supervisory_authority="", activities=[], services=[]
        )
    )
    view = _view(qtbot, session)
    marks = view.field_findings()
    assert "dpo" in marks and "supervisory_authority" in marks
    assert view.findChild(type(view.name_error), "organisationView.finding.dpo").isVisible()
    assert "name" not in marks
    # filling in the DPO and saving removes the mark
    qtbot.keyClicks(view.dpo.name, "Frau Harder")
    qtbot.keyClicks(view.dpo.email, "datenschutz@example.org")
    view.authority.set_code("nw-ldi")
    assert view.save()
    marks = view.field_findings()
    assert "dpo" not in marks and "supervisory_authority" not in marks
    assert session.store.load_organisation(DEMO_ORG).dpo.name == "Frau Harder"


def test_dpo_without_contact_details_marked_at_email(qtbot, session) -> None:
    view = _view(qtbot, session)
    for edit in view.dpo._edits():
        edit.clear()
    qtbot.keyClicks(view.dpo.name, "Herr Datenschutz")
    assert view.save()
    assert "dpo.email" in view.field_findings()


def test_unsaved_changes_prompt(qtbot, session, monkeypatch) -> None:
    view = _view(qtbot, session)
    assert view.maybe_leave()
    stored = session.store.load_organisation(DEMO_ORG).street
    qtbot.keyClicks(view.street, " 7")
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: "cancel")
    assert not view.maybe_leave() and view.street.text() == stored + " 7"
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: "discard")
    assert view.maybe_leave()
    assert view.street.text() == stored and not view.is_dirty()
    qtbot.keyClicks(view.street, " 9")
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: "save")
    assert view.maybe_leave()
    assert session.store.load_organisation(DEMO_ORG).street == stored + " 9"
    assert not view.is_dirty()


def test_land_suggests_authority_when_none_chosen(qtbot, session) -> None:
    view = _view(qtbot, session)
    view.authority.set_code("")
    view.land.set_code("DE-BY")
    assert view.authority.code() == "by-baylda"  # municipal company: private-sector authority
    view.land.set_code("DE-HE")
    assert view.authority.code() == "by-baylda"  # a chosen authority is not overwritten


def test_a_company_that_is_a_public_body_is_offered_the_public_sector_authority(
    qtbot, session
) -> None:
    """Issue 13 item 7: the authority suggested follows the "public body" setting, not the
    legal form alone (in Bavaria the BayLfD supervises public bodies, the BayLDA others)."""
    view = _view(qtbot, session)
    view.authority.set_code("")
    view.land.set_code("DE-BY")
    assert view.authority.code() == "by-baylda"  # a GmbH, as the legal form says
    view.authority.set_code("")
    view.public_body.combo.setCurrentIndex(view.public_body.combo.findData("yes"))
    assert view.authority.code() == "by-baylfd"


def test_follows_organisation_switch(qtbot, session) -> None:
    view = _view(qtbot, session)
    session.set_organisation("Stadt Ahaus")
    assert view.name.text() == "Stadt Ahaus"
    assert view.kind.currentData() == m.OrganisationKind.PUBLIC_AUTHORITY.value


def test_new_organisation_dialog_creates_one(qtbot, session) -> None:
    dialog = NewOrganisationDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Gemeinde Musterdorf")
    dialog.kind.setCurrentIndex(dialog.kind.findData(m.OrganisationKind.PUBLIC_AUTHORITY.value))
    dialog.land.set_code("DE-NW")
    dialog.accept()
    assert dialog.result_name == "Gemeinde Musterdorf"
    org = session.store.load_organisation("Gemeinde Musterdorf")
    assert org.kind == m.OrganisationKind.PUBLIC_AUTHORITY
    assert (org.land, org.supervisory_authority) == ("DE-NW", "nw-ldi")
    assert org.activities == []
    assert session.organisation_name == DEMO_ORG


def test_new_organisation_dialog_refuses_taken_or_empty_name(qtbot, session) -> None:
    before = session.organisations()
    dialog = NewOrganisationDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.result_name is None and dialog.name_error.message()
    dialog.name.setText("komm.one")
    dialog.accept()
    assert dialog.result_name is None and dialog.isVisible()
    assert session.organisations() == before


def test_view_without_organisation(qtbot, session, demo_store) -> None:
    session.set_organisation(None)
    view = _view(qtbot, session)
    assert not view.name.isEnabled() and not view.save_button.isEnabled()
    assert not view.save()


def test_public_body_setting_is_explained_saved_and_used_by_the_checks(qtbot, session) -> None:
    view = _view(qtbot, session)
    field = view.public_body
    # a GmbH: "as the legal form says" means no, and the page says why the setting matters
    assert field.value() is None
    assert "no" in field.combo.currentText()
    assert "§ 2(2) LDSG BW" in field.explanation.text()
    view.kind.setCurrentIndex(view.kind.findData(m.OrganisationKind.PUBLIC_LAW_INSTITUTION.value))
    assert "yes" in field.combo.currentText()
    view.kind.setCurrentIndex(view.kind.findData(m.OrganisationKind.MUNICIPAL_COMPANY.value))
    field.combo.setCurrentIndex(field.combo.findData("yes"))
    assert view.is_dirty()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    org = session.store.load_organisation(DEMO_ORG)
    assert org.public_body is True and org.is_public_body
    assert org.kind == m.OrganisationKind.MUNICIPAL_COMPANY
    view.reload()
    assert field.value() is True
