"""Checks of third-country transfers (Art. 30(1)(e), Art. 44-49 GDPR)."""

from __future__ import annotations

from ropa_desktop.domain import vocab
from ropa_desktop.domain.model import (
    Activity,
    Organisation,
    Register,
    Transfer,
)
from ropa_desktop.domain.rules.findings import WORDS, Out, short


def _resolve_country(text: str) -> str | None:
    """Lower-case vocabulary key (alpha-2 or ``int-...``) of a transfer's country, or None."""
    key = text.strip().lower()
    if not key:
        return None
    if key in vocab.countries() or key in vocab.adequacy():
        return key
    code = vocab.country_code(text)
    return code.lower() if code else None


def _country_label(key: str | None, text: str, lang: str) -> str:
    if key is None:
        return text.strip()
    term = vocab.countries().get(key) or vocab.adequacy().get(key)
    return term.label(lang) if term is not None else text.strip()


def _mechanism_needed(key: str | None, mechanism: str) -> bool:
    """Whether a transfer to ``key`` needs a tool other than the plain adequacy decision."""
    if key is None:
        return True
    if vocab.is_eea(key):
        return False
    decision = vocab.adequacy_for(key)
    if decision is None:
        return True
    return bool(decision.attrs.get("requires_certification")) and mechanism != str(
        decision.attrs.get("certification_mechanism")
    )


def transfer_answered(t: Transfer) -> bool:
    if not t.country.strip():
        return False
    mechanism = t.mechanism.strip().lower()
    term = vocab.transfer_mechanisms().get(mechanism)
    if term is not None and term.attrs.get("needs_documentation") and not t.documentation.strip():
        return False
    key = _resolve_country(t.country)
    return bool(mechanism or t.mechanism_text.strip()) or not _mechanism_needed(key, mechanism)


def check_transfers(transfers: list[Transfer], org: Organisation, out: Out) -> None:
    lang = out.lang
    mechanisms = vocab.transfer_mechanisms()
    for i, t in enumerate(transfers):
        path = f"transfers[{i}]"
        key = _resolve_country(t.country)
        country = _country_label(key, t.country, lang)
        where = ", ".join(
            s
            for s in (
                country,
                WORDS["recipient"](lang, name=t.recipient.strip()) if t.recipient.strip() else "",
            )
            if s
        )
        label = (
            WORDS["transfer-to"](lang, n=i + 1, where=where)
            if where
            else WORDS["transfer"](lang, n=i + 1)
        )
        mech_id = t.mechanism.strip().lower()
        term = mechanisms.get(mech_id) if mech_id else None
        mech_label = term.label(lang) if term is not None else t.mechanism.strip()

        if not t.country.strip():
            out.add("transfer-no-country", f"{path}.country", transfer=label)
        elif key is None:
            out.add(
                "transfer-unknown-country",
                f"{path}.country",
                transfer=label,
                country=t.country.strip(),
            )

        if mech_id and term is None:
            out.add(
                "transfer-unknown-mechanism",
                f"{path}.mechanism",
                transfer=label,
                mechanism=t.mechanism.strip(),
            )
            continue
        if (term is not None and not term.attrs.get("valid", True)) or (
            "privacy shield" in " ".join(t.mechanism_text.casefold().split())
        ):
            out.add(
                "transfer-invalid-mechanism",
                f"{path}.mechanism",
                transfer=label,
                mechanism=mech_label or t.mechanism_text.strip(),
            )
            continue
        if term is not None:
            if org.is_public_body and not term.attrs.get("public_authority_allowed", True):
                out.add(
                    "transfer-derogation-public-body",
                    f"{path}.mechanism",
                    transfer=label,
                    mechanism=mech_label,
                )
            if term.attrs.get("needs_documentation") and not t.documentation.strip():
                out.add(
                    "transfer-49-1-2-undocumented",
                    f"{path}.documentation",
                    transfer=label,
                    mechanism=mech_label,
                )
            if term.attrs.get("needs_authorisation") and not t.documentation.strip():
                out.add(
                    "transfer-authorisation-undocumented",
                    f"{path}.documentation",
                    transfer=label,
                    mechanism=mech_label,
                )
        if key is None:
            continue
        if vocab.is_eea(key):
            out.add("transfer-within-eea", f"{path}.country", transfer=label, country=country)
            continue
        decision = vocab.adequacy_for(key)
        certification = str(decision.attrs.get("certification_mechanism") or "") if decision else ""
        if term is not None and term.attrs.get("group") == "adequacy":
            if decision is None or (mech_id != "adequacy" and mech_id != certification):
                out.add(
                    "transfer-adequacy-not-applicable",
                    f"{path}.mechanism",
                    transfer=label,
                    mechanism=mech_label,
                    country=country,
                )
            elif mech_id == "adequacy" and certification:
                cert_term = mechanisms.get(certification)
                out.add(
                    "transfer-adequacy-not-applicable",
                    f"{path}.mechanism",
                    variant="needs-certification",
                    transfer=label,
                    country=country,
                    certification=cert_term.label(lang) if cert_term else certification,
                )
            elif mech_id == certification:
                out.add("transfer-us-dpf-certification", f"{path}.mechanism", transfer=label)
        elif term is None and _mechanism_needed(key, mech_id):
            if t.mechanism_text.strip():
                out.add(
                    "transfer-mechanism-unclassified",
                    f"{path}.mechanism",
                    transfer=label,
                    text=short(t.mechanism_text),
                )
            elif certification:
                cert_term = mechanisms.get(certification)
                out.add(
                    "transfer-no-mechanism",
                    f"{path}.mechanism",
                    variant="certification",
                    transfer=label,
                    country=country,
                    mechanism=cert_term.label(lang) if cert_term else certification,
                )
            else:
                out.add(
                    "transfer-no-mechanism", f"{path}.mechanism", transfer=label, country=country
                )


def check_third_country_parties(act: Activity, register: Register, out: Out) -> None:
    lang = out.lang
    countries = {_resolve_country(t.country) for t in act.transfers}
    linked = {t.processor for t in act.transfers if t.processor}
    processors = register.processors_by_uid()
    recipients = register.recipients_by_uid()
    for i, link in enumerate(act.processors):
        proc = processors.get(link.processor)
        if proc is None or proc.uid in linked:
            continue
        key = _resolve_country(proc.country)
        if key is not None and not vocab.is_eea(key) and key not in countries:
            out.add(
                "third-country-no-transfer",
                f"processors[{i}]",
                kind=WORDS["processor"](lang),
                name=proc.name.strip() or proc.uid,
                country=_country_label(key, proc.country, lang),
            )
    for i, uid in enumerate(act.recipients):
        rec = recipients.get(uid)
        if rec is None:
            continue
        key = _resolve_country(rec.country)
        if key is not None and not vocab.is_eea(key) and key not in countries:
            out.add(
                "third-country-no-transfer",
                f"recipients[{i}]",
                kind=WORDS["ext-recipient"](lang),
                name=rec.name.strip() or rec.uid,
                country=_country_label(key, rec.country, lang),
            )
