"""Building blocks of the PDF register: font, page geometry, styles, paragraphs of user
text and tables.

User text never goes through reportlab's markup parser: :func:`rich` and :func:`plain`
build the paragraph's text fragments directly, so ``<b>`` or ``&`` in a purpose print
literally (and paragraphs are made several times faster than by parsing).

:class:`Para` and :class:`Grid` draw nothing on a canvas marked ``layout_only``, the
measuring pass of the document template in :mod:`ropa_desktop.io.export.pdf_document`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeAlias

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paraparser import ParaFrag

from ropa_desktop.domain.resources import resources_dir

FONT_DIR = resources_dir() / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

PAGE_SIZE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 17 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
LABEL_WIDTH = 48 * mm
VALUE_WIDTH = FRAME_WIDTH - LABEL_WIDTH

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
BAND = colors.HexColor("#e4e7eb")
LABEL_BG = colors.HexColor("#f2f4f6")
GAP = colors.HexColor("#9a3412")
"""Colour of "— keine Angabe —": a missing Art. 30 item must catch the eye."""


@cache
def register_fonts() -> None:
    """Register the shipped DejaVu Sans faces (once per process) as one font family."""
    for name, file in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the register."""

    body: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    toc: tuple[ParagraphStyle, ParagraphStyle]


@cache
def styles() -> Styles:
    """The styles, built once the fonts are registered."""
    register_fonts()

    def style(name: str, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", FONT)
        kw.setdefault("textColor", INK)
        kw.setdefault("embeddedHyphenation", 1)
        return ParagraphStyle(f"ropa-{name}", **kw)

    return Styles(
        body=style("body", fontSize=8.5, leading=10.6),
        label=style("label", fontName=FONT_BOLD, fontSize=8.5, leading=10.6),
        cell=style("cell", fontSize=7.8, leading=9.6),
        head=style("head", fontName=FONT_BOLD, fontSize=7.8, leading=9.6),
        title=style("title", fontName=FONT_BOLD, fontSize=20, leading=25, spaceAfter=4),
        subtitle=style("subtitle", fontSize=12, leading=15, textColor=MUTED, spaceAfter=14),
        h1=style("h1", fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=10),
        h2=style("h2", fontName=FONT_BOLD, fontSize=12.5, leading=16, spaceAfter=8),
        h3=style("h3", fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=10, spaceAfter=4),
        toc=(
            style("toc0", fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=7),
            style("toc1", fontSize=8.8, leading=11.2, leftIndent=12, firstLineIndent=0),
        ),
    )


# ----------------------------------------------------------------------- paragraphs


class Para(Paragraph):
    """A paragraph that breaks its lines once per width and draws nothing when measuring.

    Tables ask a cell's paragraph for its size several times (measuring, splitting,
    drawing); the line breaking depends on the width only, so it is kept.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.__dict__.get("_wrapped_width") == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if not getattr(canvas, "layout_only", False):
            # types-reportlab omits drawOn's _sW, which frames pass for the alignment
            super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]


Segment = tuple[str, str]
"""A piece of text and how it prints: "text", "bold", "italic" or "gap" (missing item)."""


@cache
def _fragments(style: ParagraphStyle) -> dict[str, Any]:
    # Fragments of our own fixed markup, parsed once per style; user text is put into
    # clones of them and never parsed.
    frags = Paragraph("a<b>b</b><i>c</i><br/>d", style).frags
    gap = frags[2].clone(textColor=GAP)
    return {"text": frags[0], "bold": frags[1], "italic": frags[2], "gap": gap, "br": frags[3]}


_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")
_NEWLINES = str.maketrans(
    {"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n"}
)


def printable(text: str) -> str:
    """``text`` with control characters and lone surrogates shown as "\ufffd"."""
    return _UNPRINTABLE.sub("\ufffd", text)


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").translate(_NEWLINES)


def rich(segments: Iterable[Segment], style: ParagraphStyle) -> Para:
    """A paragraph of literal text pieces; line breaks in the text are kept."""
    templates = _fragments(style)
    br = templates["br"].__dict__
    frags = []
    plain_text = []
    for text, kind in segments:
        template = templates[kind].__dict__
        text = printable(text)
        lines = _normalise(text).split("\n") if _BREAK.search(text) else (text,)
        for i, line in enumerate(lines):
            if i:
                frags.append(_frag(br, ""))
            if line:
                frags.append(_frag(template, line))
        plain_text.append(text)
    if not frags:
        frags.append(_frag(templates["text"].__dict__, ""))
    return Para("".join(plain_text), style, frags=frags)


def _frag(template: dict[str, Any], text: str) -> ParaFrag:
    # ABag.clone, without its generality: a fresh fragment with the template's attributes.
    frag = ParaFrag.__new__(ParaFrag)
    frag.__dict__.update(template, text=text, link=[], us_lines=[])
    return frag


def plain(text: str, style: ParagraphStyle, kind: str = "text") -> Para:
    """User text as a paragraph, printed exactly as written (no markup)."""
    return rich([(text, kind)], style)


_shared: ContextVar[dict[tuple[Any, ...], Para] | None] = ContextVar(
    "ropa_pdf_shared", default=None
)
_SHARED_MAX_CHARS = 80
_SHARED_MAX_ENTRIES = 4096


@contextmanager
def sharing_cells() -> Iterator[None]:
    """Within the block, table cells with the same short text share one paragraph.

    Labels, dashes, "keine", dates and the like recur on every page; a table never
    splits a cell's paragraph and wraps it again right before drawing it, so one
    paragraph object can stand in every such cell (of one document being built).
    """
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def cell(segments: Sequence[Segment], style: ParagraphStyle) -> Para:
    """The paragraph of a table cell: shared for short texts (see :func:`sharing_cells`)."""
    cache = _shared.get()
    if cache is None or sum(len(t) for t, _ in segments) > _SHARED_MAX_CHARS:
        return rich(segments, style)
    key = (style.name, *segments)
    para = cache.get(key)
    if para is None:
        if len(cache) >= _SHARED_MAX_ENTRIES:
            cache.clear()
        para = cache[key] = rich(segments, style)
    return para


# --------------------------------------------------------------------- long texts

Line = list[Segment]


def _split_line(line: Line, limit: int) -> list[Line]:
    """Cut a line longer than ``limit`` characters at spaces (hard cut if there are none)."""
    out: list[Line] = [[]]
    size = 0
    for text, kind in line:
        while text:
            room = limit - size
            if len(text) <= room:
                out[-1].append((text, kind))
                size += len(text)
                break
            cut = text.rfind(" ", 0, room + 1)
            if cut <= 0:
                cut = room if room > 0 else 0
            if cut:
                out[-1].append((text[:cut], kind))
                text = text[cut:].lstrip(" ")
            out.append([])
            size = 0
    return [line for line in out if line]


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of a value short enough for one table row, with its size."""

    segments: list[Segment]
    chars: int
    lines: int


def row_limit(width: float, style: ParagraphStyle, max_lines: int) -> int:
    """About how many characters fill ``max_lines`` printed lines of ``width``."""
    return max(8, int(width / (style.fontSize * 0.55))) * max_lines


def chunks(
    segments: Sequence[Segment], width: float, style: ParagraphStyle, max_lines: int = 12
) -> list[Piece]:
    """Split a value into pieces short enough to sit in one table row on any page.

    A table row cannot break across pages, so a long text becomes several rows: each
    piece holds at most ``max_lines`` of the text's lines and about as many characters
    as fill ``max_lines`` printed lines of ``width``.
    """
    limit = row_limit(width, style, max_lines)
    size = sum(len(t) for t, _ in segments)
    if size <= limit and not any(_BREAK.search(t) for t, _ in segments):
        return [Piece(list(segments), size, 1)]
    lines: list[Line] = [[]]
    for text, kind in segments:
        for i, part in enumerate(_normalise(text).split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append((part, kind))
    pieces: list[Piece] = []
    current: list[Line] = []
    size = 0
    for line in lines:
        length = sum(len(t) for t, _ in line)
        line_parts = _split_line(line, limit) if length > limit else [line]
        for line_part in line_parts:
            part_len = sum(len(t) for t, _ in line_part)
            if current and (size + part_len > limit or len(current) >= max_lines):
                pieces.append(Piece(_join(current), size, len(current)))
                current, size = [], 0
            current.append(line_part)
            size += part_len
    if current:
        pieces.append(Piece(_join(current), size, len(current)))
    return pieces or [Piece([("", "text")], 0, 1)]


def _join(lines: list[Line]) -> list[Segment]:
    out: list[Segment] = []
    for i, line in enumerate(lines):
        if i:
            out.append(("\n", "text"))
        out.extend(line)
    return out


# ------------------------------------------------------------------------- tables


class Grid(Table):
    """A table that draws nothing when measuring (splits keep the class)."""

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if not getattr(canvas, "layout_only", False):
            # types-reportlab omits drawOn's _sW, which frames pass for the alignment
            super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]


Command: TypeAlias = tuple[str, tuple[int, int], tuple[int, int], *tuple[Any, ...]]
"""A table style command: name, first cell, last cell, arguments."""

_BASE_GRID: list[Command] = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 2.2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("BOX", (0, 0), (-1, -1), 0.7, RULE),
]


def _rules_above(rows: list[int]) -> list[Command]:
    """A thin rule above each of ``rows``, one style command per run of adjacent rows."""
    out: list[Command] = []
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1] == rows[j] + 1:
            j += 1
        out.append(("LINEABOVE", (0, rows[i]), (-1, rows[j]), 0.4, RULE))
        i = j + 1
    return out


def _joined_rows(rows: list[int]) -> list[Command]:
    """Style commands that let a text continued in row ``r`` read on from row ``r - 1``."""
    out: list[Command] = []
    for r in rows:
        out += [("TOPPADDING", (0, r), (-1, r), 0), ("BOTTOMPADDING", (0, r - 1), (-1, r - 1), 0)]
    return out


class ItemTable:
    """Collects label/value items and turns them into a two-column table that splits.

    Each item's value becomes as many rows as its length needs (see :func:`chunks`);
    only the first row of an item carries the label, and a rule separates items. A
    ``title`` is a shaded first row, repeated where the table continues on a new page.
    """

    def __init__(
        self, title: str = "", label_width: float = LABEL_WIDTH, value_width: float = VALUE_WIDTH
    ) -> None:
        self.widths = (label_width, value_width)
        self.title = title
        self.rows: list[list[Flowable | str | list[Flowable]]] = []
        self.starts: list[int] = []
        self.joins: list[int] = []
        if title:
            self.rows.append([cell([(title, "text")], styles().label), ""])

    def add(self, label: str, blocks: Sequence[Sequence[Segment]]) -> None:
        """Add an item whose value is one or more blocks (e.g. one per purpose).

        Blocks share a row, a little apart, as long as the row stays short; a long
        block continues in the next row.
        """
        st = styles()
        width = self.widths[1] - 8
        limit, max_lines = row_limit(width, st.body, 12), 12
        self.starts.append(len(self.rows))
        parts: list[Flowable] = []
        size = lines = 0
        for block in blocks or [[("", "text")]]:
            for i, piece in enumerate(chunks(block, width, st.body, max_lines)):
                if parts and (i or size + piece.chars > limit or lines + piece.lines > max_lines):
                    self._row(label, parts)
                    if i:
                        self.joins.append(len(self.rows))
                    parts, size, lines = [], 0, 0
                if parts:
                    parts.append(Spacer(1, 4))
                parts.append(cell(piece.segments, st.body))
                size += piece.chars
                lines += piece.lines
        self._row(label, parts)

    def _row(self, label: str, parts: list[Flowable]) -> None:
        first = len(self.rows) == self.starts[-1]
        head: Flowable | str = cell([(label, "text")], styles().label) if first else ""
        self.rows.append([head, parts[0] if len(parts) == 1 else parts])

    def table(self) -> Grid:
        """The finished table."""
        top = 1 if self.title else 0
        commands: list[Command] = [
            *_BASE_GRID,
            ("BACKGROUND", (0, top), (0, -1), LABEL_BG),
            ("LINEAFTER", (0, top), (0, -1), 0.4, RULE),
        ]
        commands += _rules_above([r for r in self.starts if r])
        commands += _joined_rows(self.joins)
        if self.title:
            commands += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), BAND)]
        return Grid(self.rows, colWidths=self.widths, style=TableStyle(commands), repeatRows=top)


def column_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Sequence[Segment]]],
    widths: Sequence[float],
    title: str = "",
) -> Grid:
    """A table with a header row (and ``title`` above it) repeated on every page.

    Long cells continue in further rows (see :func:`chunks`).
    """
    st = styles()
    data: list[list[Flowable | str]] = []
    if title:
        data.append([cell([(title, "text")], st.label), *[""] * (len(widths) - 1)])
    top = len(data)
    data.append([cell([(h, "text")], st.head) for h in headers])
    starts, joins = [], []
    for row in rows:
        starts.append(len(data))
        pieces = [
            chunks(value, w - 8, st.cell, max_lines=14)
            for value, w in zip(row, widths, strict=True)
        ]
        for i in range(max(len(p) for p in pieces)):
            if i:
                joins.append(len(data))
            data.append([cell(p[i].segments, st.cell) if i < len(p) else "" for p in pieces])
    commands: list[Command] = [
        *_BASE_GRID,
        ("BACKGROUND", (0, top), (-1, top), LABEL_BG),
        ("LINEBELOW", (0, top), (-1, top), 0.6, RULE),
        ("INNERGRID", (0, top), (-1, top), 0.4, RULE),
    ]
    if title:
        commands += [
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), BAND),
            ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
        ]
    commands += _rules_above(starts[1:])
    commands += _joined_rows(joins)
    commands += [("LINEAFTER", (c, top + 1), (c, -1), 0.3, RULE) for c in range(len(widths) - 1)]
    return Grid(data, colWidths=list(widths), style=TableStyle(commands), repeatRows=top + 1)
