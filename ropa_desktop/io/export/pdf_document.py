"""The PDF register's document: page template, table of contents, marks and two passes.

The document is laid out twice. The first pass only measures: it runs on a canvas marked
``layout_only`` (:class:`LayoutCanvas`) on which the paragraphs and tables of
:mod:`ropa_desktop.io.export.pdf_layout` draw nothing, and it yields the page of every
heading and the number of pages. The table of contents is filled with its final entries
(page 0) before the first pass, so it has its final size from the start and the second
pass, which draws, lands every heading on the page the first pass measured. Sections are
:class:`Deferred` and become flowables only when the layout reaches them, so memory stays
flat however many activities the register holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from ropa_desktop.io.export.pdf_layout import (
    FONT,
    FONT_BOLD,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_SIZE,
    RULE,
    Para,
    printable,
    styles,
)


class Deferred(Flowable):
    """A placeholder that becomes its flowables only when the layout reaches it."""

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0


class Mark(ActionFlowable):
    """An invisible point in the story: a bookmark/TOC entry, a progress step, or both.

    ``level``/``title``/``key`` make an outline entry (and a table-of-contents entry
    when ``toc`` is set) for the page the mark falls on; ``step`` reports progress.
    """

    def __init__(
        self,
        *,
        level: int = 0,
        title: str = "",
        key: str = "",
        toc: bool = False,
        step: str | None = None,
    ) -> None:
        super().__init__()
        self.level, self.title, self.key, self.toc, self.step = level, title, key, toc, step

    def apply(self, doc: Any) -> None:
        doc.handle_mark(self)


def toc_text(title: str, limit: int = 220) -> str:
    """The (escaped) text of a table-of-contents entry; very long titles are shortened."""
    text = " ".join(printable(title).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return escape(text)


def outline_title(title: str, limit: int = 120) -> str:
    """A bookmark title: one line, shortened when very long."""
    text = " ".join(printable(title).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Contents(TableOfContents):
    """The table of contents, laid out as one paragraph per entry.

    The stock TableOfContents measures one big table and re-measures the rest of it on
    every page it fills, which takes minutes for ten thousand entries.
    """

    _lastEntries: list[tuple[int, str, int, str | None]]
    """(level, text, page, key) of the entries; set by TableOfContents (missing in its stubs)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._lastEntries:
            return 0, 0
        # Never fits as a whole: the frame asks :meth:`split` for the entry paragraphs.
        return availWidth, availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        canv = self.canv
        level_styles = styles().toc

        def end_of_entry(canvas: Canvas, kind: str | None, label: str) -> None:
            page, level, key = label.split(",")
            style = level_styles[min(int(level), 1)]
            drawPageNumbers(
                canvas,
                style,
                [(int(page), key or None)],
                availWidth,
                availHeight,
                " . " if int(level) else "",
            )

        canv.setNamedCB("ropaTocEntry", end_of_entry)
        out: list[Flowable] = []
        for level, text, page, key in self._lastEntries:
            style = level_styles[min(level, 1)]
            out.append(
                Para(
                    f'<a href="#{key}">{text}</a>'
                    f'<onDraw name="ropaTocEntry" label="{page},{level},{key}"/>',
                    style,
                )
            )
        if not out or out[0].wrap(availWidth, availHeight)[1] + 8 > availHeight:
            return []
        return out

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        return None


@dataclass(frozen=True)
class Running:
    """What the running header and footer say."""

    organisation: str
    title: str
    stand: str
    footer_left: str
    page_text: Callable[[int, int], str]


def _fit(text: str, font: str, size: float, width: float) -> str:
    text = " ".join(printable(text).split())
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class LayoutCanvas(Canvas):
    """The canvas of the measuring pass: flowables of this module draw nothing on it."""

    layout_only = True


class RegisterDoc(BaseDocTemplate):
    """The register's document template: cover and body pages, two passes, marks.

    ``steps`` is the number of progress steps of one pass; :class:`Mark` objects with
    ``step`` report ``pass × steps + n`` of ``2 × steps`` to ``progress``.
    """

    def __init__(
        self,
        filename: Path | str,
        *,
        running: Running,
        progress: Any,
        steps: int,
        cover: bool = True,
        **kw: Any,
    ) -> None:
        super().__init__(
            str(filename),
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kw,
        )
        self.running = running
        self.progress = progress
        self.steps = max(steps, 1)
        self.passes = 0
        self.page_counts: list[int] = []
        self._done = 0
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._decorate_cover),
                PageTemplate("body", [frame], onPage=self._decorate),
            ]
        )
        # Without a cover page (Einzelblatt) the first page already has the header.
        self._firstPageTemplateIndex = 0 if cover else 1

    # -- passes

    def build(
        self, flowables: list[Flowable], filename: Any = None, canvasmaker: Any = Canvas
    ) -> None:
        self.passes += 1
        self._done = 0
        super().build(flowables, filename, LayoutCanvas if self.passes == 1 else canvasmaker)
        self.page_counts.append(self.page)

    def _allSatisfied(self) -> bool:
        # The footer of pass n prints the page count of pass n-1: done when they agree.
        settled = len(self.page_counts) >= 2 and self.page_counts[-1] == self.page_counts[-2]
        # types-reportlab omits BaseDocTemplate._allSatisfied
        return bool(settled and super()._allSatisfied())  # type: ignore[misc]

    @property
    def total_pages(self) -> int:
        """The page count the footers print (that of the previous pass)."""
        return self.page_counts[-1] if self.page_counts else 0

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        while flowables and isinstance(flowables[0], Deferred):
            flowables[0:1] = flowables[0].make()

    def handle_mark(self, mark: Mark) -> None:
        """Record a mark: outline entry and named destination, TOC entry, progress."""
        if mark.key:
            if not getattr(self.canv, "layout_only", False):
                self.canv.bookmarkPage(mark.key)
                self.canv.addOutlineEntry(
                    outline_title(mark.title), mark.key, mark.level, closed=mark.level > 0
                )
            if mark.toc:
                self.notify("TOCEntry", (mark.level, toc_text(mark.title), self.page, mark.key))
        if mark.step is not None:
            self._done += 1
            done = min((self.passes - 1) * self.steps + self._done, 2 * self.steps)
            self.progress.step(done, 2 * self.steps, mark.step)

    # -- running header and footer

    def _footer(self, canv: Canvas) -> None:
        r = self.running
        canv.setFont(FONT, 7.2)
        canv.setFillColor(MUTED)
        y = MARGIN_BOTTOM - 9 * mm
        page_text = r.page_text(self.page, self.total_pages)
        right = PAGE_SIZE[0] - MARGIN_X
        canv.drawRightString(right, y, page_text)
        room = FRAME_WIDTH - pdfmetrics.stringWidth(page_text, FONT, 7.2) - 12
        canv.drawString(MARGIN_X, y, _fit(r.footer_left, FONT, 7.2, room))

    def _decorate_cover(self, canv: Canvas, doc: Any) -> None:
        if getattr(canv, "layout_only", False):
            return
        canv.saveState()
        self._footer(canv)
        canv.restoreState()

    def _decorate(self, canv: Canvas, doc: Any) -> None:
        if getattr(canv, "layout_only", False):
            return
        r = self.running
        canv.saveState()
        top = PAGE_SIZE[1] - MARGIN_TOP + 6 * mm
        right = PAGE_SIZE[0] - MARGIN_X
        canv.setFillColor(MUTED)
        canv.setFont(FONT, 7.2)
        title = f"{r.title} · {r.stand}"
        title = _fit(title, FONT, 7.2, FRAME_WIDTH * 0.55)
        canv.drawRightString(right, top, title)
        room = FRAME_WIDTH - pdfmetrics.stringWidth(title, FONT, 7.2) - 12
        canv.setFont(FONT_BOLD, 7.2)
        canv.drawString(MARGIN_X, top, _fit(r.organisation, FONT_BOLD, 7.2, room))
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, top - 2.5 * mm, right, top - 2.5 * mm)
        self._footer(canv)
        canv.restoreState()
