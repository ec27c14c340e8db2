"""The review plan (Prüfplan) of an organisation as an Excel workbook, a PDF or an
iCalendar file.

The workbook lists every activity that is overdue or due within the chosen days (or all):
due date, urgency, department, reference, name, contact person, last review. The ``.ics``
file holds one all-day event per activity on its due date, for the DPO's calendar
(RFC 5545; stable UIDs, so importing a newer plan updates the events instead of doubling
them).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.i18n import Text, language
from ropa_desktop.domain.model import Organisation
from ropa_desktop.domain.review_cycle import DUE_LABELS, Due, PlanEntry
from ropa_desktop.io.files import atomic_path, atomic_text

TITLE = Text("Prüfplan", "Review plan")
HEADERS = (
    Text("Fällig am", "Due on"),
    Text("Stand", "Urgency"),
    Text("Fachbereich", "Department"),
    Text("Nr.", "No."),
    Text("Verarbeitungstätigkeit", "Processing activity"),
    Text("Ansprechpartner", "Contact person"),
    Text("Zuletzt geprüft", "Last reviewed"),
)
WIDTHS = (12, 20, 24, 10, 50, 30, 16)
SUMMARY = Text("Überprüfung: {name}", "Review: {name}")
DESCRIPTION = Text(
    "Jährliche Überprüfung der Verarbeitungstätigkeit {reference} ({department}) im "
    "Verzeichnis von {org}.",
    "Yearly review of the processing activity {reference} ({department}) in the record of {org}.",
)
FILLS = {Due.OVERDUE: "F8D7DA", Due.SOON: "FFF3CD"}


def _contact(entry: PlanEntry) -> str:
    c = entry.activity.contact
    return ", ".join(x for x in (c.name, c.phone, c.email) if x)


def write_plan_xlsx(org: Organisation, entries: list[PlanEntry], target: Path, today: date) -> None:
    """The plan as a workbook with one row per activity (a text cell never a formula)."""
    lang = language()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = TITLE(lang)
    ws.append([f"{TITLE(lang)} — {org.name} — {p.format_date(today, lang)}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([h(lang) for h in HEADERS])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(65 + i)].width = width
    for entry in entries:
        act = entry.activity
        values: list[str | date | None] = [
            entry.due,
            DUE_LABELS[entry.urgency](lang),
            act.department,
            act.reference,
            act.name,
            _contact(entry),
            act.last_reviewed,
        ]
        ws.append([None] * len(values))
        row = ws.max_row
        for col, value in enumerate(values, 1):
            cell = ws.cell(row, col)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
            elif isinstance(value, date):
                cell.number_format = "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if entry.urgency in FILLS:
                cell.fill = PatternFill("solid", fgColor=FILLS[entry.urgency])
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:G{max(ws.max_row, 2)}"
    with atomic_path(target) as tmp:
        wb.save(tmp)


def write_plan_pdf(org: Organisation, entries: list[PlanEntry], target: Path, today: date) -> None:
    """The plan as a landscape A4 PDF table (the register's fonts, text printed as written)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from ropa_desktop.io.export.pdf_layout import BAND, RULE, plain, styles

    lang = language()
    st = styles()
    widths = [22 * mm, 30 * mm, 40 * mm, 18 * mm, 80 * mm, 50 * mm, 24 * mm]
    rows = [[plain(h(lang), st.head) for h in HEADERS]]
    for entry in entries:
        act = entry.activity
        rows.append(
            [
                plain(p.format_date(entry.due, lang), st.cell),
                plain(DUE_LABELS[entry.urgency](lang), st.cell),
                plain(act.department, st.cell),
                plain(act.reference, st.cell),
                plain(act.name, st.cell),
                plain(_contact(entry), st.cell),
                plain(p.format_date(act.last_reviewed, lang), st.cell),
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands: list[Any] = [
        ("BACKGROUND", (0, 0), (-1, 0), BAND),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for i, entry in enumerate(entries, 1):
        if entry.urgency in FILLS:
            commands.append(
                ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#" + FILLS[entry.urgency]))
            )
    table.setStyle(TableStyle(commands))
    title = plain(f"{TITLE(lang)} — {org.name} — {p.format_date(today, lang)}", st.h1)
    with atomic_path(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=landscape(A4),
            leftMargin=12 * mm,
            rightMargin=12 * mm,
            topMargin=12 * mm,
            bottomMargin=12 * mm,
            title=f"{TITLE(lang)} {org.name}",
        )
        doc.build([title, table])


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets (RFC 5545 3.1), continuations starting with a space."""
    out: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not out else 74
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = ""
        current += ch
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def plan_ics(org: Organisation, entries: list[PlanEntry], now: datetime | None = None) -> str:
    """The plan as iCalendar text: one all-day event per activity on its due date."""
    lang = language()
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ropa-desktop//Pruefplan//DE",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(f'{TITLE(lang)} {org.name}')}",
    ]
    for entry in entries:
        act = entry.activity
        end = date.fromordinal(entry.due.toordinal() + 1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:review-{act.uid}@ropa-desktop",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{entry.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{_escape(SUMMARY(lang, name=act.name))}",
            "DESCRIPTION:"
            + _escape(
                DESCRIPTION(
                    lang,
                    reference=act.reference,
                    department=act.department or "—",
                    org=org.name,
                )
            ),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))


def write_plan_ics(org: Organisation, entries: list[PlanEntry], target: Path) -> None:
    """Write :func:`plan_ics` to ``target`` (atomically)."""
    with atomic_text(target) as fh:
        fh.write(plan_ics(org, entries))
