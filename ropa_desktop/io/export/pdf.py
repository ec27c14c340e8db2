"""The register as a PDF in the layout of the DSK model template.

A main sheet (Hauptblatt) with the controller, its representative, the DPO and the
competent supervisory authority; a table of contents; one section per processing
activity with every Art. 30(1) item (or per processing service, Art. 30(2), for the
processor register); annexes with the processors and the TOM catalogue by SDM goal.
Bookmarks, a running header (organisation, title, Stand) and "Seite X von Y" footers.
``activity=`` gives the single-activity sheet (Einzelblatt) instead.

The file is written atomically: a failure or a cancellation leaves no file under the
target name, and an existing file stays as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

import ropa_desktop
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.attachments import AttachmentInfo
from ropa_desktop.domain.comparison import Comparison
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import Activity, ProcessingService, Register
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.io.export.attachments_list import COLUMNS as ATTACHMENT_COLUMNS
from ropa_desktop.io.export.attachments_list import HEADING as ATTACHMENTS_HEADING
from ropa_desktop.io.export.attachments_list import NOTE as ATTACHMENTS_NOTE
from ropa_desktop.io.export.attachments_list import ListedAttachment, listed_attachments
from ropa_desktop.io.export.common import ExportError, checked_organisation
from ropa_desktop.io.export.pdf_changes import changes_heading, changes_section
from ropa_desktop.io.export.pdf_content import (
    ANNEX_PROCESSORS,
    ANNEX_TOMS,
    CONTENTS,
    MAIN_SHEET,
    NO_ENTRIES,
    PAGE,
    PART,
    SINGLE_SHEET,
    STAND_LINE,
    SUBTITLE,
    TITLE,
    Context,
    entry_title,
    main_sheet,
    processors_annex,
    section,
    single_sheet_head,
    toms_annex,
)
from ropa_desktop.io.export.pdf_document import (
    Contents,
    Deferred,
    Mark,
    RegisterDoc,
    Running,
    outline_title,
    toc_text,
)
from ropa_desktop.io.export.pdf_layout import (
    FONT,
    FRAME_WIDTH,
    column_table,
    plain,
    printable,
    sharing_cells,
    styles,
)
from ropa_desktop.io.files import atomic_path

MSG_NO_ENTRY = {
    "controller": Text(
        de="Die Verarbeitungstätigkeit „{ref}“ gibt es bei „{name}“ nicht "
        "(gesucht nach Nummer und Kennung).",
        en="The organisation “{name}” has no processing activity “{ref}” "
        "(looked up by number and identifier).",
    ),
    "processor": Text(
        de="Die Verarbeitung im Auftrag „{ref}“ gibt es bei „{name}“ nicht "
        "(gesucht nach Nummer und Kennung).",
        en="The organisation “{name}” has no processing service “{ref}” "
        "(looked up by number and identifier).",
    ),
}
MSG_AMBIGUOUS = Text(
    de="Die Nummer „{ref}“ gehört bei „{name}“ zu {count} Einträgen; bitte die Kennung (uid) "
    "angeben.",
    en="The number “{ref}” belongs to {count} entries of “{name}”; give the identifier (uid).",
)
MSG_STEP = Text(de="PDF: {entry}", en="PDF: {entry}")

_MAX_PASSES = 4


def _find(
    entries: Sequence[Activity | ProcessingService], ref: str, kind: str, organisation: str
) -> Activity | ProcessingService:
    for e in entries:
        if e.uid == ref:
            return e
    matches = [e for e in entries if e.reference.strip() == ref.strip()]
    if len(matches) > 1:
        raise ExportError(MSG_AMBIGUOUS, ref=ref, name=organisation, count=len(matches))
    if not matches:
        raise ExportError(MSG_NO_ENTRY[kind], ref=ref, name=organisation)
    return matches[0]


def export_pdf(
    register: Register,
    organisation: str,
    target: Path,
    *,
    register_kind: str = "controller",
    activity: str | None = None,
    lang: str = "de",
    stand: date | None = None,
    version: str = "",
    progress: Progress = SILENT,
    attachments: Sequence[AttachmentInfo] = (),
    changes: Comparison | None = None,
    keywords: str = "",
) -> None:
    """Write the register of ``organisation`` (or one activity of it) as a PDF to ``target``.

    ``register_kind`` "controller" prints the activities (Art. 30(1)), "processor" the
    processing services (Art. 30(2)). ``activity`` (a number such as "VT-001" or a uid)
    gives the single-activity sheet. ``stand`` (default: today) and ``version`` are printed
    on the main sheet and in the running header. ``progress`` gets one step per entry in
    each of the two layout passes and may cancel (raise Cancelled). ``attachments`` (the
    organisation's files) are listed in a last annex (the single sheet: those of its
    activity) — name, size and date, never the content. ``changes`` adds the section
    "Änderungen seit Stand N" before the annexes; ``keywords`` goes into the document's
    metadata (the authority pack records its seal there).

    Raises :class:`ExportError` for an unknown organisation, entry, kind or language;
    OSError when the file cannot be written. Nothing is left under ``target`` then.
    """
    org = checked_organisation(register, organisation, register_kind, lang)
    x = Context(register, org, register_kind, lang)
    entries: list[Activity | ProcessingService] = list(x.entries)
    single = activity is not None
    if activity is not None:
        entries = [_find(entries, activity, register_kind, organisation)]
    stand = stand or date.today()

    title = TITLE(lang) + (f" – {SINGLE_SHEET(lang)}" if single else "")
    stand_line = STAND_LINE(lang, date=p.format_date(stand, lang))
    subject = f"{SUBTITLE[register_kind](lang)}; {stand_line}"
    footer_left = SUBTITLE[register_kind](lang) + (f" · {version}" if version.strip() else "")
    running = Running(
        organisation=org.name,
        title=TITLE(lang),
        stand=stand_line,
        footer_left=footer_left,
        page_text=lambda page, pages: PAGE(lang, page=page, pages=pages),
    )

    listed = listed_attachments(register, org, register_kind, attachments, lang)
    if single:
        story = _single_story(x, entries[0], stand, version)
        listed = [a for a in listed if a.owner_uid == entries[0].uid]
        if listed:
            story += _attachments_part(lang, listed, with_break=False)
    else:
        story = _register_story(x, entries, stand, version, listed, changes)

    progress.step(0, 2 * max(len(entries), 1), MSG_STEP(lang, entry=org.name))
    with atomic_path(Path(target)) as tmp:
        doc = RegisterDoc(
            tmp,
            running=running,
            progress=progress,
            steps=len(entries),
            cover=not single,
            title=printable(f"{title} – {org.name}"),
            author=printable(org.name),
            subject=subject,
            keywords=keywords,
            creator=f"ropa-desktop {ropa_desktop.__version__}",
            lang="de-DE" if lang == "de" else "en",
            initialFontName=FONT,
            initialFontSize=8.5,
        )
        with sharing_cells():
            doc.multiBuild(story, maxPasses=_MAX_PASSES)
        if not entries:
            progress.step(2, 2, MSG_STEP(lang, entry=org.name))


def _entry_story(
    x: Context, entry: Activity | ProcessingService, index: int, first: bool
) -> list[Flowable]:
    out: list[Flowable] = [PageBreak()]
    if first:
        out.append(Mark(level=0, title=PART[x.kind](x.lang), key="part-entries", toc=True))
    title = entry_title(entry, x.lang)
    out.append(Mark(level=1, title=title, key=f"entry-{index}", toc=True))
    out += section(x, entry)
    out.append(Mark(step=MSG_STEP(x.lang, entry=outline_title(title, 60))))
    return out


def _register_story(
    x: Context,
    entries: Sequence[Activity | ProcessingService],
    stand: date,
    version: str,
    listed: Sequence[ListedAttachment] = (),
    changes: Comparison | None = None,
) -> list[Flowable]:
    lang, st = x.lang, styles()
    toc = Contents()
    # The entries as the layout will report them, with page 0: the table of contents
    # has its final size from the first pass on (see pdf_document).
    planned = []
    if entries:
        planned.append((0, toc_text(PART[x.kind](lang)), 0, "part-entries"))
    planned += [(1, toc_text(entry_title(e, lang)), 0, f"entry-{i}") for i, e in enumerate(entries)]
    if not entries:
        planned.append((0, toc_text(PART[x.kind](lang)), 0, "part-entries"))
    if changes is not None:
        planned.append((0, toc_text(changes_heading(changes)), 0, "part-changes"))
    planned += [
        (0, toc_text(ANNEX_PROCESSORS[x.kind](lang)), 0, "part-processors"),
        (0, toc_text(ANNEX_TOMS(lang)), 0, "part-toms"),
    ]
    if listed:
        planned.append((0, toc_text(ATTACHMENTS_HEADING(lang)), 0, "part-attachments"))
    toc.addEntries(planned)

    story: list[Flowable] = [
        Mark(level=0, title=MAIN_SHEET(lang), key="part-main"),
        Deferred(lambda: main_sheet(x, stand, version)),
        NextPageTemplate("body"),
        PageBreak(),
        Mark(level=0, title=CONTENTS(lang), key="part-contents"),
        plain(CONTENTS(lang), st.h1),
        toc,
    ]
    for i, entry in enumerate(entries):
        story.append(Deferred(partial(_entry_story, x, entry, i, i == 0)))
    if not entries:
        story += [
            PageBreak(),
            Mark(level=0, title=PART[x.kind](lang), key="part-entries", toc=True),
            plain(PART[x.kind](lang), st.h1),
            plain(NO_ENTRIES[x.kind](lang), st.body),
        ]
    if changes is not None:
        heading = changes_heading(changes)
        story += [
            PageBreak(),
            Mark(level=0, title=heading, key="part-changes", toc=True),
            plain(heading, st.h1),
            Deferred(partial(changes_section, changes)),
        ]
    for key, heading, make in (
        ("part-processors", ANNEX_PROCESSORS[x.kind](lang), processors_annex),
        ("part-toms", ANNEX_TOMS(lang), toms_annex),
    ):
        story += [
            PageBreak(),
            Mark(level=0, title=heading, key=key, toc=True),
            plain(heading, st.h1),
            Deferred(partial(make, x)),
        ]
    if listed:
        story += _attachments_part(lang, listed, with_break=True)
    return story


def _attachments_part(
    lang: str, listed: Sequence[ListedAttachment], *, with_break: bool
) -> list[Flowable]:
    """The list of attached files, as a last part of the document."""
    st = styles()
    heading = ATTACHMENTS_HEADING(lang)
    widths: list[float] = [90, 130, 150, 50]
    widths.append(FRAME_WIDTH - sum(widths))
    rows = [
        [
            [(a.kind, "text")],
            [(a.record, "text")],
            [(a.name, "bold")],
            [(a.size, "text")],
            [(p.format_date(a.added, lang), "text")],
        ]
        for a in listed
    ]
    out: list[Flowable] = [PageBreak()] if with_break else [Spacer(1, 12)]
    out += [
        Mark(level=0, title=heading, key="part-attachments", toc=with_break),
        plain(heading, st.h1 if with_break else st.h2),
        plain(ATTACHMENTS_NOTE(lang), st.body),
        Spacer(1, 6),
        column_table([c(lang) for c in ATTACHMENT_COLUMNS], rows, widths),
    ]
    return out


def _single_story(
    x: Context, entry: Activity | ProcessingService, stand: date, version: str
) -> list[Flowable]:
    title = entry_title(entry, x.lang)
    return [
        Deferred(lambda: single_sheet_head(x, stand, version)),
        Mark(level=0, title=title, key="entry-0"),
        Deferred(lambda: section(x, entry)),
        Mark(step=MSG_STEP(x.lang, entry=outline_title(title, 60))),
    ]
