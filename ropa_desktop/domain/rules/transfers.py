"""Checks of third-country transfers (Art. 30(1)(e), Art. 44-49 GDPR)."""

from __future__ import annotations

from collections.abc import Sequence

from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import (
    Activity,
    ActivityStatus,
    Organisation,
    ProcessorLink,
    Register,
    SubprocessorLink,
    Transfer,
)
from ropa_desktop.domain.parsing.mechanisms import InvalidInstrument, invalid_instrument
from ropa_desktop.domain.rules.findings import WORDS, Out, short
from ropa_desktop.domain.rules.recipient_kinds import KIND_LABELS, recipient_kinds


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


def _invalid_instrument(t: Transfer, term: vocab.Term | None) -> InvalidInstrument | None:
    """The invalid instrument a transfer relies on: a vocabulary entry marked invalid, or a
    typed text naming Privacy Shield, Safe Harbor or an old SCC decision."""
    if term is not None and not term.attrs.get("valid", True):
        return InvalidInstrument("privacy-shield", str(term.attrs.get("decision") or ""))
    if term is None:
        found = invalid_instrument(t.mechanism) or invalid_instrument(t.mechanism_text)
        if found is not None:
            return found
    elif "privacy shield" in " ".join(t.mechanism_text.casefold().split()):
        return InvalidInstrument("privacy-shield", "(EU) 2016/1250")
    return None


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


def check_transfers(
    transfers: list[Transfer], org: Organisation, out: Out, register: Register | None = None
) -> None:
    """Findings of the transfers of one activity or processing service of ``org``.

    ``register`` gives the recipients' catalogue entries (their category tells whether a
    recipient is a public body, see :func:`recipient_kinds`); without it only the
    transfer's own recipient text is read.
    """
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

        invalid = _invalid_instrument(t, term)
        if invalid is not None and invalid.kind == "old-scc":
            out.add(
                "transfer-expired-scc",
                f"{path}.mechanism",
                transfer=label,
                mechanism=short(t.mechanism.strip() or t.mechanism_text),
                decision=invalid.decision,
            )
            continue
        if invalid is not None:
            out.add(
                "transfer-invalid-mechanism",
                f"{path}.mechanism",
                variant="safe-harbor" if invalid.kind == "safe-harbor" else None,
                transfer=label,
                mechanism=mech_label or short(t.mechanism_text),
            )
            continue
        if mech_id and term is None:
            out.add(
                "transfer-unknown-mechanism",
                f"{path}.mechanism",
                transfer=label,
                mechanism=t.mechanism.strip(),
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
            if term.attrs.get("group") == "derogation":
                _check_systematic_derogation(t, org, out, path, label, mech_label)
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
            else:
                _check_adequacy_scope(t, decision, org, register, out, path, label, country)
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
        elif term is None and decision is not None:  # resting on adequacy without saying so
            _check_adequacy_scope(t, decision, org, register, out, path, label, country)


def check_third_country_parties(act: Activity, register: Register, out: Out) -> None:
    lang = out.lang
    countries = {_resolve_country(t.country) for t in act.transfers}
    linked = {t.processor for t in act.transfers if t.processor}
    processors = register.processors_by_uid()
    recipients = register.recipients_by_uid()
    for i, link in enumerate(act.processors):
        proc = processors.get(link.processor)
        if proc is None:
            continue
        key = _resolve_country(proc.country)
        if (
            proc.uid not in linked
            and key is not None
            and not vocab.is_eea(key)
            and key not in countries
        ):
            out.add(
                "third-country-no-transfer",
                f"processors[{i}]",
                kind=WORDS["processor"](lang),
                name=proc.name.strip() or proc.uid,
                country=_country_label(key, proc.country, lang),
            )
        check_subprocessors(
            proc.name.strip() or proc.uid,
            proc.subprocessors,
            act.transfers,
            register,
            out,
            f"processors[{i}]",
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


_SAME_DEROGATION = Text(
    "dieselbe Ausnahme für {country} auch in {count} weiteren Verarbeitungstätigkeiten",
    "the same derogation for {country} also in {count} other processing activities",
)


def _check_adequacy_scope(
    t: Transfer,
    decision: vocab.Term,
    org: Organisation,
    register: Register | None,
    out: Out,
    path: str,
    label: str,
    country: str,
) -> None:
    """A transfer "based on adequacy" to a recipient the decision leaves out (Japan's public
    sector, Korea's excluded sectors, Canada outside the PIPEDA)."""
    excluded = set(decision.attrs.get("excludes", ()))
    if not excluded:
        return
    catalogue = [r for r in register.recipients if r.owner == org.uid] if register else []
    kinds = [k for k in KIND_LABELS if k in excluded and k in recipient_kinds(t, catalogue)]
    if not kinds:
        return
    lang = out.lang
    scope = decision.attrs.get("scope")
    name = str(decision.attrs.get("decision") or "")
    out.add(
        "transfer-adequacy-scope",
        f"{path}.mechanism",
        transfer=label,
        kind=KIND_LABELS[kinds[0]](lang),
        country=country,
        scope=str(scope.get(lang[:2], "")) if scope else "",
        decision=("Beschluss " if lang[:2] == "de" else "Decision ") + name,
    )


def _check_systematic_derogation(
    t: Transfer, org: Organisation, out: Out, path: str, label: str, mechanism: str
) -> None:
    """An Art. 49 derogation used for a regular transfer: to a processor, or the same
    derogation for the same country in several activities (EDPB Guidelines 2/2018)."""
    if t.processor:
        out.add(
            "transfer-derogation-systematic",
            f"{path}.mechanism",
            variant="processor",
            transfer=label,
            mechanism=mechanism,
        )
        return
    key = _resolve_country(t.country)
    mech = t.mechanism.strip().lower()
    users = sum(
        1
        for a in org.activities
        if a.status != ActivityStatus.ARCHIVED
        and any(
            o.mechanism.strip().lower() == mech and _resolve_country(o.country) == key
            for o in a.transfers
        )
    )
    if key is not None and users > 1:
        out.add(
            "transfer-derogation-systematic",
            f"{path}.mechanism",
            transfer=label,
            mechanism=mechanism,
            reason=_SAME_DEROGATION(
                out.lang, country=_country_label(key, t.country, out.lang), count=users - 1
            ),
        )


def check_subprocessors(
    processor: str,
    subprocessors: Sequence[SubprocessorLink | ProcessorLink],
    transfers: list[Transfer],
    register: Register,
    out: Out,
    field_path: str,
) -> None:
    """Subprocessors of ``processor`` located in a third country to which ``transfers``
    record no transfer (Art. 28(4), Art. 44 GDPR)."""
    lang = out.lang
    countries = {_resolve_country(t.country) for t in transfers}
    linked = {t.processor for t in transfers if t.processor}
    processors = register.processors_by_uid()
    for link in subprocessors:
        sub = processors.get(link.processor)
        if sub is None or sub.uid in linked:
            continue
        key = _resolve_country(sub.country)
        if key is not None and not vocab.is_eea(key) and key not in countries:
            out.add(
                "subprocessor-third-country-no-transfer",
                field_path,
                processor=processor,
                name=sub.name.strip() or sub.uid,
                country=_country_label(key, sub.country, lang),
            )
