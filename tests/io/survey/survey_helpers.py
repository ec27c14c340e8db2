"""A small register with two departments, and filling a questionnaire as a colleague
would (with openpyxl, finding the cells by their labels)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from ropa_desktop.domain import model as m

ORG = "Gemeinde Musterstadt"


def register() -> m.Register:
    """Three activities: two of the Bürgerbüro, one of the Kämmerei."""
    meldewesen = m.Activity(
        reference="VT-001",
        name="Meldewesen",
        department="Bürgerbüro",
        contact=m.Contact(name="Frau Albers", phone="02561 100", email="albers@example.org"),
        description="Führen des Melderegisters.",
        purposes=[m.Purpose("Führen des Melderegisters", ["art6-1-e"])],
        data_subjects=["Einwohner"],
        data_categories=[
            m.DataCategory(
                "Name, Anschrift",
                retention=m.Retention(5, m.RetentionUnit.YEARS, "nach Wegzug"),
            )
        ],
        internal_recipients=["Standesamt"],
    )
    pass_ = m.Activity(
        reference="VT-002",
        name="Pass- und Ausweiswesen",
        department="Bürgerbüro",
        data_subjects=["Einwohner"],
    )
    steuern = m.Activity(
        reference="VT-003",
        name="Gewerbesteuer",
        department="Kämmerei",
        data_subjects=["Gewerbetreibende"],
    )
    org = m.Organisation(name=ORG, activities=[meldewesen, pass_, steuern])
    return m.Register(organisations=[org])


def row_of(ws: Worksheet, label: str) -> int:
    """The row whose column A holds ``label``."""
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == label:
            return row
    raise AssertionError(f"no row {label!r} on {ws.title}")


def set_answer(ws: Worksheet, label: str, value: object) -> None:
    """Type ``value`` into the answer cell of a one-cell item."""
    ws.cell(row_of(ws, label), 2).value = value


def table_row(ws: Worksheet, label: str, index: int) -> int:
    """The sheet row of entry ``index`` (0-based) of the table item ``label``."""
    return row_of(ws, label) + 3 + index


def open_book(path: Path) -> openpyxl.Workbook:
    """The questionnaire as a colleague's spreadsheet program opens it."""
    return openpyxl.load_workbook(path)
