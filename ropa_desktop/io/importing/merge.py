"""Completing an activity by a row that names it again (in the same file or in the database).

What the row fills replaces or adds to the activity; what it leaves empty stays.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from ropa_desktop.domain import model as m
from ropa_desktop.domain.import_fields import Target
from ropa_desktop.io.importing.cell_text import Cell, retention_rule, unique
from ropa_desktop.io.name_matching import norm as _norm


def merge_row(existing: m.Activity, incoming: m.Activity, values: dict[Target, Cell]) -> m.Activity:
    """``existing`` completed by a row: what the row fills replaces or adds, the rest stays.

    Lists of links (recipients, processors, TOMs) and legal bases are added to, never
    thinned out; retention, source or special categories given without categories
    apply to the existing ones; notes gain only lines they do not have yet.
    """
    targets = set(values)
    merged = copy.deepcopy(existing)
    simple = {
        Target.REFERENCE: "reference",
        Target.DEPARTMENT: "department",
        Target.DESCRIPTION: "description",
        Target.STATUS: "status",
        Target.CREATED: "created",
        Target.CHANGED: "changed",
        Target.LAST_REVIEWED: "last_reviewed",
        Target.NEXT_REVIEW: "next_review",
        Target.DATA_SUBJECTS: "data_subjects",
        Target.INTERNAL_RECIPIENTS: "internal_recipients",
        Target.JOINT_CONTROLLERS: "joint_controllers",
        Target.DPIA: "dpia",
    }
    for target, attr in simple.items():
        if target in targets:
            setattr(merged, attr, copy.deepcopy(getattr(incoming, attr)))
    for target, attr in (
        (Target.CONTACT, "name"),
        (Target.CONTACT_PHONE, "phone"),
        (Target.CONTACT_EMAIL, "email"),
    ):
        if target in targets:
            setattr(merged.contact, attr, getattr(incoming.contact, attr))
    if targets & {Target.PURPOSES, Target.PURPOSE_AND_LEGAL_BASIS}:
        merged.purposes = copy.deepcopy(incoming.purposes)
    elif targets & {Target.LEGAL_BASES, Target.ART9_CONDITION, Target.LEGITIMATE_INTEREST}:
        if not merged.purposes:
            merged.purposes = copy.deepcopy(incoming.purposes)
        else:
            bases = unique([b for p in incoming.purposes for b in p.legal_bases])
            interest = next(
                (p.legitimate_interest for p in incoming.purposes if p.legitimate_interest), ""
            )
            for purpose in merged.purposes:
                purpose.legal_bases = unique(purpose.legal_bases + bases)
            if interest:
                chosen = [p for p in merged.purposes if "art6-1-f" in p.legal_bases] or [
                    merged.purposes[0]
                ]
                for purpose in chosen:
                    purpose.legitimate_interest = interest
    if Target.DATA_CATEGORIES in targets:
        before = {_norm(c.name): c for c in merged.data_categories}
        categories = copy.deepcopy(incoming.data_categories)
        for c in categories:
            old = before.get(_norm(c.name))
            if old is None:
                continue
            if c.retention.is_empty():
                c.retention = copy.deepcopy(old.retention)
            c.source = c.source or old.source
            if c.special == m.SpecialCategory.NONE:
                c.special = old.special
        merged.data_categories = categories
    else:
        names = {_norm(c.name) for c in merged.data_categories}
        merged.data_categories += [
            copy.deepcopy(c) for c in incoming.data_categories if _norm(c.name) not in names
        ]
        if Target.RETENTION in targets and merged.data_categories:
            rule = retention_rule(values[Target.RETENTION].text.strip())
            for c in merged.data_categories:
                c.retention = replace(rule)
            header = values[Target.RETENTION].header or str(Target.RETENTION)
            incoming.notes = "\n".join(
                line
                for line in incoming.notes.splitlines()
                if line != f"{header}: {values[Target.RETENTION].text}"
            )
        if Target.DATA_SOURCE in targets:
            for c in merged.data_categories:
                c.source = values[Target.DATA_SOURCE].text.strip()
    merged.recipients = unique(merged.recipients + incoming.recipients)
    known = {link.processor for link in merged.processors}
    merged.processors += [link for link in incoming.processors if link.processor not in known]
    if Target.THIRD_COUNTRIES in targets:
        merged.transfers = copy.deepcopy(incoming.transfers)
    for target, attr in (
        (Target.RECIPIENTS, "no_external_recipients"),
        (Target.JOINT_CONTROLLERS, "no_joint_controllers"),
        (Target.THIRD_COUNTRIES, "no_transfers"),
    ):  # an explicit "none" the row states (or no longer states)
        if target in targets:
            setattr(merged, attr, getattr(incoming, attr))
    merged.toms = unique(merged.toms + incoming.toms)
    if incoming.tom_description and targets & {Target.TOMS, Target.TOM_DESCRIPTION}:
        merged.tom_description = incoming.tom_description
    have = set(merged.notes.splitlines())
    extra = [line for line in incoming.notes.splitlines() if line and line not in have]
    merged.notes = "\n".join(x for x in (merged.notes, *extra) if x)
    return merged
