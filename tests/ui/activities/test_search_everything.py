"""Issue 18, item 3: the activity list's search finds every text a record shows — external
recipients, processors, transfer countries and mechanisms by name, legal-basis meanings."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.ui.activities.activity_model import COLUMNS
from ropa_desktop.ui.main_window import MainWindow


def _found(window: MainWindow, text: str) -> list[str]:
    search = window.activities.search
    search.clear()
    search.setFocus()
    search.insert(text)
    QApplication.processEvents()
    proxy = window.activities.proxy
    return [proxy.index(r, COLUMNS.index("name")).data() for r in range(proxy.rowCount())]


def test_search_finds_recipients_countries_mechanisms_and_legal_basis_meanings(
    qtbot, session
) -> None:
    finanzamt = session.save_recipient(
        m.Recipient(name="Finanzamt Bochum-Mitte", category="Finanzbehörden")
    )
    acts = session.organisation().activities
    target = session.activity_copy(acts[1].uid)
    target.recipients.append(finanzamt.uid)
    target.transfers = [m.Transfer(country="JP", mechanism="adequacy")]
    target.purposes[0].legal_bases = ["art6-1-c"]
    session.save_activity(target)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()

    assert _found(window, "Finanzamt") == [target.name]
    assert target.name in _found(window, "finanzbehörden")
    assert target.name in _found(window, p.country("JP"))  # "Japan" in the UI language
    adequacy = vocab.transfer_mechanisms()["adequacy"].label("de")
    assert target.name in _found(window, adequacy)
    meaning = vocab.legal_bases()["art6-1-c"].label("de")  # "… rechtliche Verpflichtung …"
    assert target.name in _found(window, meaning)
    assert _found(window, "Finanzamt zzz-nothing") == []
