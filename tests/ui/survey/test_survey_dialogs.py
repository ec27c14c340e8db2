"""The questionnaire dialogs: sending to chosen departments, reviewing returned answers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from ropa_desktop.io.survey.review import build_review
from ropa_desktop.io.survey.sending import send_questionnaires
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.survey.review_dialog import ReviewDialog, open_review
from ropa_desktop.ui.survey.send_dialog import SendDialog

MARKETING = "Marketing"


def _row(ws, label: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)


def test_send_dialog_writes_the_ticked_departments(session, qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda _parent, _title, text: shown.append(text))
    dialog = SendDialog(session)
    qtbot.addWidget(dialog)
    for row in range(dialog.departments.count()):
        item = dialog.departments.item(row)
        if item.data(Qt.ItemDataRole.UserRole) != MARKETING:
            item.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.chosen() == [MARKETING]
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder.setText(str(out))
    dialog.password.setText("geheim")
    dialog.repeat.setText("anders")
    dialog.start()
    assert dialog.message.text() == "The two passwords differ." and dialog.task is None
    dialog.repeat.setText("geheim")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.task.done, timeout=60_000)
    (written,) = out.iterdir()
    assert written.name == "Fragebogen Stadtwerke Bochum GmbH - Marketing.xlsx"
    assert shown == [f"Written:\n{written}"]
    book = openpyxl.load_workbook(written)
    assert book.security.lockStructure
    sheet = book.worksheets[2]
    assert sheet.protection.sheet and sheet.protection.password  # stored as a hash


def _answered(session, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    (sent,) = send_questionnaires(session.store, session.organisation_name, tmp_path, [MARKETING])
    book = openpyxl.load_workbook(sent.path)
    ws = book.worksheets[2]
    ws.cell(_row(ws, "Beschreibung"), 2).value = "Neu beschrieben"
    ws.cell(_row(ws, "Ansprechpartner/in (Name)"), 2).value = "Herr Neu"
    new = book["Neu 1"]
    new.cell(_row(new, "Bezeichnung der Verarbeitungstätigkeit"), 2).value = "Gewinnspiele"
    book.save(sent.path)
    return sent.path


def test_review_dialog_takes_over_what_is_ticked(session, qtbot, tmp_path):
    path = _answered(session, tmp_path)
    review = build_review(session.store, path)
    known, new = review.activities
    assert new.is_new
    before = session.activity_copy(known.uid)
    dialog = ReviewDialog(session, review)
    qtbot.addWidget(dialog)
    row = dialog.item_row(known.name, "description")
    assert row.checkState(0) == Qt.CheckState.Checked
    assert row.text(1) == "vom Fachbereich geändert" and row.text(2) == "Neu beschrieben"
    row.setCheckState(0, Qt.CheckState.Unchecked)  # the description is rejected
    assert "(proposed as new)" in dialog.activity_row("Gewinnspiele").text(0)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    after = session.activity_copy(known.uid)
    assert after.description == before.description
    assert after.contact.name == "Herr Neu"
    assert after.last_reviewed is not None
    names = {a.name: a for a in session.organisation().activities}
    assert names["Gewinnspiele"].department == MARKETING
    from ropa_desktop.ui.pages.history_view import batch_label

    assert batch_label(session.store.batches(limit=1)[0]) == (
        "Questionnaire answers taken over: Fragebogen Marketing (" + path.name + ")"
    )


def test_an_unticked_activity_stays_as_it_is(session, qtbot, tmp_path):
    path = _answered(session, tmp_path)
    review = build_review(session.store, path)
    known = review.activities[0]
    before = session.activity_copy(known.uid)
    dialog = ReviewDialog(session, review)
    qtbot.addWidget(dialog)
    dialog.activity_row(known.name).setCheckState(0, Qt.CheckState.Unchecked)
    dialog.activity_row("Gewinnspiele").setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.item_row(known.name, "description").isDisabled()
    batches = len(session.store.batches())
    dialog.take_over()
    assert session.activity_copy(known.uid) == before
    assert len(session.store.batches()) == batches  # nothing written at all


def test_a_foreign_workbook_is_refused_with_a_message(session, qtbot, tmp_path, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(
        prompts, "show_error", lambda _p, _t, exc: errors.append(prompts.error_text(exc))
    )
    plain = tmp_path / "liste.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Verarbeitungstätigkeit"
    book.save(plain)
    parent = SendDialog(session)  # any widget serves as the parent
    qtbot.addWidget(parent)
    open_review(parent, session, plain)
    qtbot.waitUntil(lambda: bool(errors), timeout=60_000)
    assert errors == [
        "liste.xlsx ist kein Fragebogen von ropa-desktop (die verborgenen Kennungen fehlen "
        "oder sind unlesbar)."
    ]


def test_the_file_menu_opens_the_send_dialog(session, qtbot):
    from ropa_desktop.ui.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.survey_send_action.trigger()
    dialog = window.findChild(SendDialog)
    assert dialog is not None and dialog.isVisible()
    assert sorted(dialog.chosen()) == ["", "Kunden-Servicecenter", MARKETING]
    dialog.reject()


def test_review_dialog_shows_catalogue_proposals_to_accept_or_reject(session, qtbot, tmp_path):
    (sent,) = send_questionnaires(session.store, session.organisation_name, tmp_path, [MARKETING])
    book = openpyxl.load_workbook(sent.path)
    ws = book.worksheets[2]
    recipients = _row(ws, "Empfänger extern (Empfängerkategorie)") + 3
    while ws.cell(recipients, 1).value:
        recipients += 1
    ws.cell(recipients, 1).value = "Werbeagentur Ruhr"
    processors = _row(ws, "Auftragsverarbeiter") + 3
    while ws.cell(processors, 1).value:
        processors += 1
    ws.cell(processors, 1).value = "Druckerei Unbekannt"
    book.save(sent.path)
    review = build_review(session.store, sent.path)
    known = review.activities[0]
    before = session.store.catalogue(session.organisation_name)
    dialog = ReviewDialog(session, review)
    qtbot.addWidget(dialog)
    answer = dialog.item_row(known.name, "recipients").text(2)
    assert "Werbeagentur Ruhr (neu, nicht im Katalog)" in answer
    assert not any(r.uid in answer for r in before.recipients)  # names, never uids
    accepted = dialog.proposal_row(known.name, "recipients", "Werbeagentur Ruhr")
    assert accepted.checkState(0) == Qt.CheckState.Checked
    rejected = dialog.proposal_row(known.name, "processors", "Druckerei Unbekannt")
    rejected.setCheckState(0, Qt.CheckState.Unchecked)
    dialog.take_over()
    assert dialog.result() == dialog.DialogCode.Accepted
    after = session.store.catalogue(session.organisation_name)
    added = [r for r in after.recipients if r.name == "Werbeagentur Ruhr"]
    assert len(added) == 1 and added[0].owner == session.organisation().uid
    assert "Druckerei Unbekannt" not in {x.name for x in after.processors}
    act = session.activity_copy(known.uid)
    assert added[0].uid in act.recipients
    # the rejected proposal is left out; the processors linked before stay
    assert [[x.processor, x.service] for x in act.processors] == known.item("processors").current
