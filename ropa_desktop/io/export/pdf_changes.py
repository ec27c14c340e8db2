"""The section "Änderungen seit Stand N" of the PDF register: the differences between
the previous version and this one in words, printed before the annexes."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from ropa_desktop.domain.comparison import HEADING, NO_CHANGES, Comparison
from ropa_desktop.io.export.pdf_layout import plain, styles

BULLET = "•"


def changes_heading(comparison: Comparison) -> str:
    """E.g. "Änderungen seit Stand 2"."""
    return HEADING(comparison.lang, old=comparison.old)


def changes_section(comparison: Comparison) -> list[Flowable]:
    """The summary line, then every changed record with its changed items."""
    st = styles()
    out: list[Flowable] = []
    if not comparison.records:
        return [plain(NO_CHANGES(comparison.lang), st.body)]
    out.append(plain(comparison.summary(), st.body))
    for record in comparison.records:
        out.append(plain(record.heading(comparison.lang), st.h3))
        for item in record.items:
            out.append(plain(f"{BULLET} {item.line(comparison.lang)}", st.body))
    out.append(Spacer(1, 6))
    return out
