"""Sending questionnaires: one workbook per department of an organisation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.io.survey.workbook import department_title, write_questionnaire
from ropa_desktop.store.repository import Store
from ropa_desktop.store.survey import database_identity

MSG_UNKNOWN_DEPARTMENT = Text(
    de="Einen Fachbereich „{name}“ hat „{org}“ nicht; vorhanden: {known}.",
    en="“{org}” has no department “{name}”; there are: {known}.",
)
MSG_NO_ACTIVITIES = Text(
    de="„{org}“ hat keine Verarbeitungstätigkeiten; es gibt nichts zu versenden.",
    en="“{org}” has no processing activities; there is nothing to send.",
)
PROGRESS = Text(de="Fragebogen {department} …", en="Questionnaire {department} …")


class SendError(LocalizedError):
    """The questionnaires cannot be written as asked; nothing was written."""


@dataclass(frozen=True, slots=True)
class Sent:
    """One questionnaire written."""

    department: str
    path: Path
    activities: int


def departments(store: Store, organisation: str) -> list[str]:
    """The departments of the organisation's activities ("" for activities without one)."""
    org = store.load_organisation(organisation)
    return sorted({a.department.strip() for a in org.activities})


def file_name(organisation: str, department: str) -> str:
    """The questionnaire's file name, e.g. "Fragebogen Stadt Ahaus - Bürgerbüro.xlsx"."""
    raw = f"Fragebogen {organisation} - {department_title(department)}"
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", raw).strip(" .") + ".xlsx"


def send_questionnaires(
    store: Store,
    organisation: str,
    out_dir: Path,
    chosen: list[str] | None = None,
    *,
    password: str = "",
    sent: date | None = None,
    progress: Progress = SILENT,
) -> list[Sent]:
    """Write one questionnaire per department (all, or those ``chosen``) into ``out_dir``."""
    org = store.load_organisation(organisation)
    known = sorted({a.department.strip() for a in org.activities})
    if not known:
        raise SendError(MSG_NO_ACTIVITIES, org=organisation)
    wanted = known if not chosen else [d.strip() for d in chosen]
    for name in wanted:
        if name not in known:
            raise SendError(
                MSG_UNKNOWN_DEPARTMENT,
                name=name,
                org=organisation,
                known=", ".join(department_title(d) for d in known),
            )
    catalogue = store.catalogue(organisation)
    identity = database_identity(store)
    out_dir.mkdir(parents=True, exist_ok=True)
    result: list[Sent] = []
    for i, department in enumerate(dict.fromkeys(wanted)):
        progress.step(i, len(wanted), PROGRESS(department=department_title(department)))
        target = out_dir / file_name(organisation, department)
        count = write_questionnaire(
            org,
            department,
            target,
            database_uid=identity.uid,
            secret=identity.secret,
            password=password,
            sent=sent,
            catalogue=catalogue,
        )
        result.append(Sent(department, target, count))
    progress.step(len(wanted), len(wanted), PROGRESS(department=""))
    return result
