"""Checks of data categories: retention, Art. 9 and Art. 10 data
(Art. 30(1)(c), (f) GDPR)."""

from __future__ import annotations

from ropa_desktop.domain.model import (
    Activity,
    SpecialCategory,
)
from ropa_desktop.domain.rules.findings import WORDS, Out, short
from ropa_desktop.domain.rules.land_law import satisfies_art9
from ropa_desktop.domain.rules.purposes import classify


def check_data_categories(act: Activity, out: Out) -> None:
    categories = [(i, c) for i, c in enumerate(act.data_categories) if c.name.strip()]
    if not categories:
        out.add("activity-no-data-categories", "data_categories")
        return
    bases = [classify(b) for p in act.purposes for b in p.legal_bases if b.strip()]
    art9_ok = any(
        any(i.startswith("art9-") for i in b.gdpr)
        or (b.provision is not None and satisfies_art9(b.provision, out.org))
        for b in bases
    )
    art10_ok = any(
        "art10" in b.gdpr
        or (b.law and not (b.provision is not None and b.provision.attrs.get("topic") == "general"))
        for b in bases
    )
    general = [
        str(b.provision.attrs.get("citation"))
        for b in bases
        if b.provision is not None and b.provision.attrs.get("topic") == "general"
    ]
    for i, cat in categories:
        name = short(cat.name)
        if cat.special == SpecialCategory.ART9 and not art9_ok:
            out.add("art9-no-condition", f"data_categories[{i}].special", category=name)
        if cat.special == SpecialCategory.ART10 and not art10_ok:
            out.add(
                "art10-no-basis",
                f"data_categories[{i}].special",
                category=name,
                general=WORDS["such-as"](out.lang, name=general[0]) if general else "",
            )
        if cat.retention.is_empty():
            out.add("data-category-no-retention", f"data_categories[{i}].retention", category=name)
