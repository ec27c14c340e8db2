"""Checks of the DPIA screening and its result (Art. 35 GDPR)."""

from __future__ import annotations

from ropa_desktop.domain import vocab
from ropa_desktop.domain.model import (
    Activity,
    DpiaResult,
)
from ropa_desktop.domain.rules.findings import Out


def check_dpia(act: Activity, out: Out) -> None:
    dpia = act.dpia
    lang = out.lang
    wp248 = list(dict.fromkeys(c for c in dpia.wp248 if c.strip()))
    mandatory = [c for c in (*dpia.art35_3, *dpia.dsk_list) if c.strip()]

    def labels(ids: list[str]) -> str:
        names = []
        for cid in ids:
            term = (
                vocab.dpia_wp248().get(cid)
                or vocab.dpia_art35_3().get(cid)
                or vocab.dpia_dsk_list().get(cid)
            )
            names.append(term.label(lang) if term is not None else cid)
        return "; ".join(names)

    if dpia.result == DpiaResult.NOT_ASSESSED:
        if mandatory or len(wp248) >= 2:
            out.add("dpia-indicated", "dpia.result", criteria=labels(mandatory + wp248))
    elif dpia.result == DpiaResult.NOT_REQUIRED:
        if mandatory:
            out.add("dpia-mandatory", "dpia.result", criteria=labels(mandatory))
        elif len(wp248) >= 2 and not (dpia.notes.strip() or dpia.reference.strip()):
            out.add(
                "dpia-not-required-unjustified",
                "dpia.notes",
                count=len(wp248),
                criteria=labels(wp248),
            )
    elif dpia.result == DpiaResult.REQUIRED:
        out.add("dpia-pending", "dpia.result")
