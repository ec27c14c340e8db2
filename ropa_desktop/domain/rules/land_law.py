"""Checks that the national provisions a purpose names bind the organisation: its own Land
(not another Land's law) and its kind of body (no BDSG for a Land public body, no
provision for public bodies for a company under private law)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ropa_desktop.domain import provisions, vocab
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import Organisation
from ropa_desktop.domain.rules.findings import Out

_BODY = {
    provisions.LAND_PUBLIC: Text(
        "öffentliche Stellen der Länder und Kommunen",
        "public bodies of the Länder and municipalities",
    ),
    provisions.FEDERAL_PUBLIC: Text("öffentliche Stellen des Bundes", "federal public bodies"),
    provisions.NON_PUBLIC: Text("nicht-öffentliche Stellen", "non-public bodies"),
}
_KIND = {
    provisions.LAND_PUBLIC: Text("öffentliche Stelle eines Landes", "public body of a Land"),
    provisions.NON_PUBLIC: Text("nicht-öffentliche Stelle", "non-public body"),
}


class Basis(Protocol):
    """What the checks need of a classified legal basis (``purposes._Basis``)."""

    @property
    def text(self) -> str: ...

    @property
    def provision(self) -> vocab.Term | None: ...

    @property
    def cited(self) -> bool: ...


def check_provisions(
    bases: Sequence[Basis], org: Organisation, out: Out, path: str, purpose: str
) -> None:
    """Findings for provisions of another Land or for another kind of body."""
    lang = out.lang
    own = org.land.strip()
    kind = provisions.body_kind(org)
    for basis in bases:
        term = basis.provision
        if provisions.is_open(basis.text):
            continue  # reported as provision-role-open
        if term is None:
            if own and basis.cited:
                other = provisions.lands_named(basis.text) - {own}
                if other and own not in provisions.lands_named(basis.text):
                    _other_land(basis.text, sorted(other)[0], org, out, path, purpose)
            continue
        citation = str(term.attrs.get("citation") or term.id)
        land = term.attrs.get("land")
        if land and own and land != own:
            _other_land(citation, str(land), org, out, path, purpose)
            continue
        if provisions.binds(term, org):
            continue
        if kind == provisions.LAND_PUBLIC and not land:  # binds() is False only with a Land
            out.add(
                "federal-provision-land-body",
                f"{path}.legal_bases",
                purpose=purpose,
                provision=citation,
                org=org.name.strip() or "?",
                land=provisions.land_name(own, lang),
            )
            continue
        out.add(
            "provision-not-for-body",
            f"{path}.legal_bases",
            purpose=purpose,
            provision=citation,
            binds=", ".join(_BODY[b](lang) for b in term.attrs.get("binds", ()) if b in _BODY),
            org=org.name.strip() or "?",
            kind=_KIND[kind](lang),
        )


def _other_land(
    citation: str, land: str, org: Organisation, out: Out, path: str, purpose: str
) -> None:
    out.add(
        "provision-other-land",
        f"{path}.legal_bases",
        purpose=purpose,
        provision=citation,
        other=provisions.land_name(land, out.lang),
        org=org.name.strip() or "?",
        land=provisions.land_name(org.land.strip(), out.lang),
    )


def satisfies_art9(term: vocab.Term, org: Organisation) -> bool:
    """Whether a special-category provision can carry Art. 9 data for this organisation:
    only one that binds it (§ 22 BDSG does not bind a Land public body)."""
    return term.attrs.get("topic") == "special-categories" and provisions.binds(term, org)
