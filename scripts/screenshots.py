"""Render the README screenshots (offscreen): main window, activity editor, import dialog,
questionnaire review, the processor register page (Art. 30(2)), the bulk-edit dialog, and
the Versionen page and its comparison.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
        [--lang de|en] [--only versions]

Works on a temporary demo register; nothing of the user's data or settings is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _sample_sheet(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook has one sheet
    ws.title = "VVT"
    ws.append(["Verzeichnis der Verarbeitungstätigkeiten – Bürgeramt"])
    ws.append([])
    ws.append(
        [
            "Nr.",
            "Bezeichnung der Verarbeitungstätigkeit",
            "Zweck",
            "Rechtsgrundlage",
            "Kategorien betroffener Personen",
            "Kategorien personenbezogener Daten",
            "Löschfrist",
            "Interne Bemerkung",
        ]
    )
    ws.append(
        [
            "BA-1",
            "Meldewesen",
            "Führung des Melderegisters",
            "Art. 6 Abs. 1 lit. c DSGVO",
            "Einwohner",
            "Name, Anschrift, Geburtsdatum",
            "5 Jahre nach Wegzug",
            "prüfen",
        ]
    )
    ws.append(
        [
            "BA-2",
            "Fundbüro",
            "Verwahrung von Fundsachen",
            "Art. 6 Abs. 1 lit. e DSGVO",
            "Finder, Verlierer",
            "Name, Telefon",
            "6 Monate",
            "",
        ]
    )
    ws.append(
        [
            "BA-3",
            "Terminvergabe online",
            "Buchung von Terminen",
            "Art. 6 Abs. 1 lit. e DSGVO; § 3 DSG NRW",
            "Bürgerinnen und Bürger",
            "Name, E-Mail",
            "14 Tage nach dem Termin",
            "",
        ]
    )
    book.save(path)


def _survey_review(session: Any, folder: Path, lang: str) -> Any:
    """A returned questionnaire of the demo's customer service centre: a change, a cleared
    field, a conflict with a change made here meanwhile, a processor not in the catalogue and a
    proposed new activity."""
    import openpyxl

    from ropa_desktop.io.survey.fields import ITEM_BY_KEY
    from ropa_desktop.io.survey.review import build_review
    from ropa_desktop.io.survey.sending import send_questionnaires

    store = session.store
    department = "Kunden-Servicecenter"
    (sent,) = send_questionnaires(store, session.organisation_name, folder, [department])
    org = store.load_organisation(session.organisation_name)
    first = next(a for a in org.activities if a.department == department)
    first.description += " Aufbewahrung nach HGB."  # the DPO, meanwhile
    store.save_activity(org.uid, first)
    book = openpyxl.load_workbook(sent.path)

    def row(ws: Any, key: str) -> int:
        label = ITEM_BY_KEY[key].label(lang)
        return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)

    ws = book.worksheets[2]
    ws.cell(row(ws, "contact_phone"), 2).value = "0234 960-1234"
    ws.cell(row(ws, "internal_recipients") + 3, 1).value = None  # a cleared entry
    ws.cell(row(ws, "description"), 2).value = "Bearbeitung von Kundenanliegen per Telefon."
    ws.cell(row(ws, "data_subjects") + 3 + 2, 1).value = "Bevollmächtigte"
    free = row(ws, "processors") + 3
    while ws.cell(free, 1).value:
        free += 1
    ws.cell(free, 1).value = "Callcenter Ruhr GmbH"  # not in the catalogue: a proposal
    ws.cell(free, 2).value = "Telefonannahme bei Störungen"
    new = book["Neu 1" if lang == "de" else "New 1"]
    new.cell(row(new, "name"), 2).value = "Kundenzufriedenheitsumfrage"
    new.cell(row(new, "description"), 2).value = "Jährliche Befragung per E-Mail."
    book.save(sent.path)
    return build_review(store, sent.path)


ORG = "Stadtwerke Bochum GmbH"


def _two_versions(store: Any) -> None:
    """Freeze the demo register (delivered), change it a little, freeze it again."""
    from ropa_desktop.domain import model as m

    store.freeze_version(ORG, "Stand für die LDI NRW, Anfrage vom 03.11.2026")
    store.record_delivery(ORG, 1, "LDI NRW", date(2026, 11, 10), "Az. 22.4-1187/26")
    org = store.load_register(ORG).organisations[0]
    first, second, last = org.activities[0], org.activities[1], org.activities[-1]
    first.purposes[0].legal_bases = ["art6-1-c"]
    first.transfers.append(
        m.Transfer(country="US", recipient="Zoom Video Communications", mechanism="dpf")
    )
    store.save_activity(org.uid, first)
    second.data_subjects = [*second.data_subjects, "Auszubildende"]
    store.save_activity(org.uid, second)
    store.delete_activity(last.uid)
    store.save_activity(org.uid, m.Activity(reference="VT-099", name="Bürgerumfrage 2027"))
    store.freeze_version(ORG, "nach der Prüfung im Dezember")


def _versions_page(app: object, window: object, out: Path) -> None:
    """The Versionen page with version 1 compared to version 2 (made here, after the other
    screenshots, so that they show the demo register unchanged)."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    _two_versions(window.session.store)  # type: ignore[attr-defined]
    page = window.versions_page  # type: ignore[attr-defined]
    window.show_page("versions")  # type: ignore[attr-defined]
    page.refresh()
    page.select_version(2)
    page.from_box.setCurrentIndex(page.from_box.findData(1))
    page.to_box.setCurrentIndex(page.to_box.findData(2))
    page.compare()
    while page.task is not None and not page.task.done:
        app.processEvents()
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out / "versions-page.png"))  # type: ignore[attr-defined]
    page.diff.grab().save(str(out / "versions-diff.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("de", "en"), default="de")
    parser.add_argument(
        "--only", choices=("versions",), help="only the screenshots of the Versionen page"
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        from PySide6.QtWidgets import QApplication

        from ropa_desktop.io.demo import build_demo_register
        from ropa_desktop.store.database import open_store
        from ropa_desktop.ui.app import Application, create_qapplication
        from ropa_desktop.ui.common import settings
        from ropa_desktop.ui.importing.dialog import ImportDialog

        db = Path(tmp) / "demo.sqlite"
        store = open_store(db)
        store.import_register(build_demo_register(date.today()), description="Demo", kind="demo")
        store.engine.dispose()
        app = create_qapplication([])
        settings.set_value("ui/language", args.lang)
        settings.set_value("session/organisation", ORG)
        from ropa_desktop.ui.app import install_language

        install_language(app, args.lang)
        controller = Application(app, str(db))
        assert controller.start()
        window = controller.window
        assert window is not None
        window.resize(1500, 900)
        session = controller.session
        assert session is not None
        uids = session.activity_uids()
        window.open_activity(uids[min(2, len(uids) - 1)])
        for _ in range(5):
            app.processEvents()
        args.out.mkdir(parents=True, exist_ok=True)
        if args.only == "versions":
            _versions_page(app, window, args.out)
            window.close()
            QApplication.processEvents()
            print(f"wrote versions-page.png, versions-diff.png to {args.out}")
            return
        window.grab().save(str(args.out / "main-window.png"))
        editor = window.activities.editor
        editor.grab().save(str(args.out / "activity-editor.png"))

        from ropa_desktop.ui.activities.bulk_dialog import BulkEditDialog

        org = session.organisation()
        assert org is not None
        bulk = BulkEditDialog(
            3,
            [a.department for a in org.activities],
            [a.reference for a in org.activities],
            2,
            window,
        )
        bulk.set_status.setChecked(True)
        bulk.status.setCurrentIndex(1)
        bulk.set_review.setChecked(True)
        bulk.number.setChecked(True)
        bulk.resize(520, bulk.sizeHint().height())
        bulk.show()
        for _ in range(5):
            app.processEvents()
        bulk.grab().save(str(args.out / "bulk-edit-dialog.png"))
        bulk.close()

        assert window.switch_organisation("Komm.ONE")
        window.show_page("services")
        services = window.pages["services"]
        service_uids = [s.uid for s in session.services()]
        if service_uids:
            services.select(service_uids[0])  # type: ignore[attr-defined]
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(args.out / "processor-register.png"))
        assert window.switch_organisation("Stadtwerke Bochum GmbH")

        sheet = Path(tmp) / "Buergeramt.xlsx"
        _sample_sheet(sheet)
        dialog = ImportDialog(session, window, sheet)
        dialog.resize(1100, 650)
        dialog.show()
        for step in ("load", "choose"):
            task = dialog.load_file(sheet) if step == "load" else dialog.choose_sheet("VVT")
            while task is not None and not task.done:
                app.processEvents()
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(args.out / "import-dialog.png"))
        dialog.close()

        from ropa_desktop.ui.survey.review_dialog import ReviewDialog

        review = _survey_review(session, Path(tmp) / "survey", args.lang)
        survey = ReviewDialog(session, review, window)
        survey.resize(1420, 560)
        survey.show()
        for _ in range(5):
            app.processEvents()
        survey.grab().save(str(args.out / "survey-review.png"))
        survey.close()
        _versions_page(app, window, args.out)
        window.close()
        QApplication.processEvents()
    print(f"wrote {', '.join(p.name for p in sorted(args.out.glob('*.png')))} to {args.out}")


if __name__ == "__main__":
    main()
