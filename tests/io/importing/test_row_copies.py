"""Each data category of an imported row gets a retention rule of its own, whole."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from openpyxl import Workbook

from ropa_desktop.domain import model as m
from ropa_desktop.io.importing import row_fields
from ropa_desktop.io.importing.engine import plan_import
from ropa_desktop.store.database import open_store


def test_the_copy_of_a_rule_keeps_every_field() -> None:
    """Guards the import's fast copy against a field added to the rule later."""
    samples = {int: 7, str: "x", m.RetentionUnit: m.RetentionUnit.MONTHS}
    given = m.Retention(
        **{
            f.name: next(v for t, v in samples.items() if t.__name__ in str(f.type))
            for f in dataclasses.fields(m.Retention)
        }
    )
    copied = row_fields.copy_retention(given)
    assert copied == given
    assert copied is not given


def test_categories_of_one_row_do_not_share_their_rule(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        [
            "Bezeichnung der Verarbeitungstätigkeit",
            "Kategorien personenbezogener Daten",
            "Fristen für die Löschung",
        ]
    )
    sheet.append(["Melderegister", "Name\nAnschrift", "5 Jahre nach Wegzug"])
    sheet.append(["Gewerberegister", "Name\nAnschrift", "5 Jahre nach Wegzug"])
    path = tmp_path / "vvt.xlsx"
    book.save(path)
    store = open_store(tmp_path / "ropa.sqlite")
    try:
        plan = plan_import(store, path, organisation="Stadt Ahaus")
    finally:
        store.engine.dispose()
    acts = plan.register.organisations[0].activities
    rules = [c.retention for a in acts for c in a.data_categories]
    assert len(rules) == 4
    assert all((r.duration, r.unit, r.start) == (5, m.RetentionUnit.YEARS, "Wegzug") for r in rules)
    rules[0].duration = 10  # the DPO corrects one category before saving
    assert [r.duration for r in rules] == [10, 5, 5, 5]
