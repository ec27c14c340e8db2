"""Migration from CISO Assistant's privacy module (issue 14).

The files are written here in the shape of CISO Assistant's processing import template
(backend/data_wizard/import_templates/processings_template.xlsx) and its multi-sheet
processing workbook (product-docs/.gitbook/assets/sample_processing_workbook.xlsx;
backend/data_wizard/tests/test_load_file_view.py) — see docs/import-sources.md.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from ropa_desktop.cli import main
from ropa_desktop.domain import model as m
from ropa_desktop.store.database import open_store

ORG = "Beispiel GmbH"


def _book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def _import(tmp_path: Path, path: Path) -> m.Register:
    db = tmp_path / "register.sqlite"
    assert main(["--db", str(db), "import", str(path), "--org", ORG, "--kind", "private"]) == 0
    return open_store(db).load_register(ORG)


def test_the_processing_template_is_migrated(tmp_path, capsys):
    path = _book(
        tmp_path / "processings_template.xlsx",
        {
            "Sheet1": [
                [
                    None,
                    "ref_id",
                    "name",
                    "description",
                    "status",
                    "processing_nature",
                    "folder",
                    "assigned_to",
                    "labels",
                    "dpia_required",
                    "dpia_reference",
                ],
                [
                    None,
                    "PRC-2",
                    "Newsletter",
                    "Versand des Newsletters",
                    "Draft",
                    None,
                    "Marketing",
                    None,
                    None,
                    "FALSE",
                    None,
                ],
                [
                    None,
                    "PRC-1",
                    "Videoüberwachung",
                    None,
                    "Approved",
                    "Monitoring",
                    "DEMO2",
                    "d@example.org",
                    None,
                    "TRUE",
                    "DPIA-42",
                ],
            ]
        },
    )
    back = _import(tmp_path, path)
    acts = {a.reference: a for a in back.organisations[0].activities}
    assert (acts["PRC-2"].name, acts["PRC-2"].description) == (
        "Newsletter",
        "Versand des Newsletters",
    )
    assert acts["PRC-2"].dpia.result == m.DpiaResult.NOT_REQUIRED
    assert (acts["PRC-1"].dpia.result, acts["PRC-1"].dpia.reference) == (
        m.DpiaResult.REQUIRED,
        "DPIA-42",
    )
    assert "Sheet1: folder: DEMO2" in acts["PRC-1"].notes
    assert "Sheet1: assigned_to: d@example.org" in acts["PRC-1"].notes
    out = capsys.readouterr().out
    assert "„Sheet1: processing_nature“" in out  # each unmapped column named once


def test_the_multi_sheet_workbook_reads_the_linked_sheets(tmp_path, capsys):
    path = _book(
        tmp_path / "processing_workbook.xlsx",
        {
            "Processing": [
                [
                    "ref_id",
                    "name",
                    "description",
                    "domain",
                    "status",
                    "processing_nature",
                    "information_channel",
                    "usage_channel",
                    "dpia_required",
                    "dpia_reference",
                    "assigned_to",
                    "labels",
                ],
                [
                    "PRC-001",
                    "HR Payroll",
                    "Monthly payroll",
                    None,
                    "privacy_draft",
                    None,
                    "Intranet",
                    "HR portal",
                    True,
                    "DPIA-42",
                    None,
                    None,
                ],
                [
                    "PRC-002",
                    "Recruiting",
                    None,
                    None,
                    "privacy_draft",
                    None,
                    None,
                    None,
                    False,
                    None,
                    None,
                    None,
                ],
            ],
            "Purposes": [
                ["name", "description", "legal_basis", "article_9_condition", "processing"],
                ["Salary payment", None, "privacy_contract", None, None],
                [
                    "Sick leave",
                    None,
                    "privacy_legal_obligation",
                    "privacy_employment_social_security",
                    None,
                ],
                ["Selecting applicants", None, "privacy_contract", None, "PRC-002"],
            ],
            "Personal data": [
                [
                    "name",
                    "description",
                    "category",
                    "retention",
                    "deletion_policy",
                    "is_sensitive",
                    "assets",
                ],
                [
                    "Bank details",
                    None,
                    "privacy_financial_data",
                    "5 years",
                    "privacy_automatic_deletion",
                    False,
                    None,
                ],
                ["Sick notes", None, "privacy_health_data", "3 years", None, True, None],
            ],
            "Data subjects": [
                ["name", "description", "category"],
                ["Employees", None, "privacy_employee"],
            ],
            "Data recipients": [
                ["name", "description", "category"],
                ["Tax office", None, "privacy_public_authority"],
            ],
            "Contractors": [
                [
                    "name",
                    "description",
                    "entity",
                    "relationship_type",
                    "country",
                    "documentation_link",
                ],
                ["Payroll SaaS", None, None, "privacy_data_processor", "FR", None],
            ],
            "Transfers": [
                [
                    "name",
                    "description",
                    "entity",
                    "country",
                    "transfer_mechanism",
                    "guarantees",
                    "documentation_link",
                ],
                [
                    "Cloud backup",
                    None,
                    None,
                    "US",
                    "privacy_standard_contractual_clauses",
                    "TIA 2024",
                    None,
                ],
            ],
        },
    )
    back = _import(tmp_path, path)
    acts = {a.reference: a for a in back.organisations[0].activities}
    payroll, recruiting = acts["PRC-001"], acts["PRC-002"]
    assert [(p.text, p.legal_bases) for p in payroll.purposes] == [
        ("Salary payment", ["art6-1-b"]),
        ("Sick leave", ["art6-1-c", "art9-2-b"]),
    ]
    assert [p.text for p in recruiting.purposes] == ["Selecting applicants"]
    cats = {c.name: c for c in payroll.data_categories}
    assert cats["Bank details"].retention.duration == 5
    assert cats["Sick notes"].special == m.SpecialCategory.ART9
    assert payroll.data_subjects == ["Employees"]
    assert [r.name for r in back.recipients] == ["Tax office"]
    assert [(p.name, p.country) for p in back.processors] == [("Payroll SaaS", "FR")]
    transfer = payroll.transfers[0]
    assert (transfer.country, transfer.recipient) == ("US", "Cloud backup")
    assert "Standard Contractual Clauses" in transfer.mechanism_text
    assert "TIA 2024" in transfer.mechanism_text
    assert "Processing: information_channel: Intranet" in payroll.notes
    assert "Personal data: deletion_policy: privacy_automatic_deletion" in payroll.notes
    out = capsys.readouterr().out
    assert "„Personal data: category“" in out
