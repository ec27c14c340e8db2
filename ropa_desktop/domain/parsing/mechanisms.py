"""Reading the transfer mechanism of a safeguards cell (:func:`parse_mechanism`)."""

from __future__ import annotations

import re
from typing import NamedTuple

from ropa_desktop.domain.parsing.citations import (
    Citation,
    find_citations,
)

_I = re.IGNORECASE


_SCC = re.compile(
    r"standard\s?(?:vertrags|datenschutz)?\s?klauseln|standardvertragsklauseln|"
    r"standarddatenschutzklauseln|\bsccs?\b|standard\s+contractual\s+clauses|"
    r"standard\s+data\s+protection\s+clauses|\bsvk\b|clauses\s+contractuelles\s+types",
    _I,
)
_MODULE = re.compile(
    r"\b(?:modul|module|mod\.)e?s?\s*\(?\d\)?(?:\s*(?:,|und|and|&|/|\+|bzw\.?|oder|or)\s*"
    r"\(?\d\)?)*",
    _I,
)
_MODULE_WORDS = (
    (
        re.compile(
            r"controller[\s-]+(?:to|2)[\s-]+controller|\bc2c\b|verantwortliche[rn]?\s+"
            r"(?:an|zu)\s+verantwortliche",
            _I,
        ),
        "1",
    ),
    (
        re.compile(
            r"controller[\s-]+(?:to|2)[\s-]+processor|\bc2p\b|verantwortliche[rn]?\s+"
            r"(?:an|zu)\s+auftragsverarbeiter",
            _I,
        ),
        "2",
    ),
    (
        re.compile(
            r"processor[\s-]+(?:to|2)[\s-]+processor|\bp2p\b|auftragsverarbeiter\s+"
            r"(?:an|zu)\s+(?:unter)?auftragsverarbeiter",
            _I,
        ),
        "3",
    ),
    (
        re.compile(
            r"processor[\s-]+(?:to|2)[\s-]+controller|\bp2c\b|auftragsverarbeiter\s+"
            r"(?:an|zu)\s+verantwortliche",
            _I,
        ),
        "4",
    ),
)
_MECHANISM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("privacy-shield", re.compile(r"privacy[\s-]*shield", _I)),
    ("dpf", re.compile(r"data\s+privacy\s+framework|\b(?:eu[\s-]*u\.?s\.?[\s-]*)?dpf\b", _I)),
    (
        "scc-sa",
        re.compile(
            r"aufsichtsbeh[öo]e?rde\w*\s+(?:angenommen|erlassen)\w*\s+"
            r"standard\w*klauseln|adopted\s+by\s+a\s+supervisory\s+authority",
            _I,
        ),
    ),
    (
        "bcr",
        re.compile(
            r"\bbcrs?\b|binding\s+corporate\s+rules|verbindliche\w*\s+interne\w*\s+"
            r"datenschutzvorschriften|verbindliche\w*\s+unternehmensregeln",
            _I,
        ),
    ),
    ("code", re.compile(r"verhaltensregeln|code\s+of\s+conduct", _I)),
    (
        "certification",
        re.compile(
            r"zertifizierungsmechanismus|genehmigte\w*\s+zertifizierung|"
            r"certification\s+mechanism",
            _I,
        ),
    ),
    (
        "adequacy",
        re.compile(
            r"angemessenheits(?:beschluss|entscheidung|feststellung)|"
            r"adequacy(?:\s+decision)?|d[ée]cision\s+d'ad[ée]quation",
            _I,
        ),
    ),
)
_ARTICLE_MECHANISMS = {
    ("45", None, None): "adequacy",
    ("46", "2", "a"): "art46-2-a",
    ("46", "2", "b"): "bcr",
    ("46", "2", "d"): "scc-sa",
    ("46", "2", "e"): "code",
    ("46", "2", "f"): "certification",
    ("46", "3", None): "art46-3",
    ("47", None, None): "bcr",
}
_ART49_WORDS = re.compile(
    r"^(?:ausdrückliche\s+einwilligung|explicit\s+consent|einwilligung|"
    r"consent)$",
    _I,
)
_MECHANISM_FILLER = re.compile(
    r"\b(?:eu|eu-?us|us|der|des|die|the|of|nach|gem\.|gemäß|gemaess|on|basis|grundlage|"
    r"auf|von|vom|durch|mit|with|via|kommission|commission|eu-?kommission|europäischen|"
    r"european|beschluss|decision|durchführungsbeschluss|implementing|neue|new|aktuelle|"
    r"current|2021/914|2023/1795|\(eu\)|dsgvo|ds-gvo|gdpr|zertifizierung|certification|"
    r"certified|zertifiziert|unter|under|dem|den|ein|eine|a|an|und|and|art\.?|artikel|"
    r"article|abs\.?|lit\.?|\d+|[a-g])\b|[()\[\],;:./\-–]",
    _I,
)


def names_standard_clauses(text: str) -> bool:
    """Whether ``text`` names standard contractual clauses (with or without a module)."""
    return isinstance(text, str) and _SCC.search(text) is not None


def parse_mechanism(text: str) -> tuple[str, str]:
    """(transfer-mechanism vocabulary id or "", text kept) of a safeguards cell.

    * "SCC Modul 2", "Standardvertragsklauseln (Modul 2)", "SCC module 2 (controller
      to processor)" -> ``scc-2`` (modules 1-4, also "C2P" and the like). Standard
      clauses without a module get no id ("Standardvertragsklauseln" -> ("",
      text)): which module applies can't be guessed.
    * "Angemessenheitsbeschluss", "adequacy decision", "Art. 45" -> ``adequacy``;
      "Data Privacy Framework", "DPF", "EU-US DPF" -> ``dpf``; "BCR",
      "verbindliche interne Datenschutzvorschriften", "Art. 47" -> ``bcr``;
      "Privacy Shield" -> ``privacy-shield`` (recognised so that the rules flag it
      as invalid); "Art. 49 Abs. 1 lit. a" (or "Einwilligung", "explicit consent"
      alone) -> ``art49-1-a``; "Art. 49 Abs. 1 UAbs. 2" -> ``art49-1-2``; the
      other letters of Art. 46(2) and Art. 46(3) likewise.
    * The second element is "" when the id says everything the text said, and
      the full original text whenever anything else is in it ("SCC Modul 2 + TIA",
      two mechanisms, an unrecognised text). With several mechanisms the first
      one named gets the id.
    """
    if not isinstance(text, str) or not text.strip():
        return "", ""
    original = text.strip()
    hits: list[tuple[int, str, list[tuple[int, int]]]] = []
    for mechanism, pattern in _MECHANISM_PATTERNS:
        for match in pattern.finditer(original):
            hits.append((match.start(), mechanism, [match.span()]))
    for match in _SCC.finditer(original):
        spans = [match.span()]
        modules = {d for m in _MODULE.finditer(original) for d in re.findall(r"\d", m.group(0))}
        for pattern, module in _MODULE_WORDS:
            for word in pattern.finditer(original):
                modules.add(module)
                spans.append(word.span())
        spans += [m.span() for m in _MODULE.finditer(original)]
        if len(modules) == 1 and modules <= {"1", "2", "3", "4"}:
            if not any(h[1] == "scc-sa" for h in hits):
                hits.append((match.start(), f"scc-{modules.pop()}", spans))
        else:
            hits.append((match.start(), "", spans))
    for c in find_citations(original):
        if not c.gdpr and c.law:
            continue
        key = _article_key(c)
        cited = (
            _ARTICLE_MECHANISMS.get(key)
            or _ARTICLE_MECHANISMS.get((key[0], key[1], None))
            or _ARTICLE_MECHANISMS.get((key[0], None, None))
        )
        if key[0] == "49":
            cited = _art49(c.text)
        if cited:
            hits.append((c.start, cited, [(c.start, c.end)]))
    if not hits and _ART49_WORDS.match(original):
        return "art49-1-a", ""
    named = [h for h in hits if h[1]]
    if not named:
        return "", original
    named.sort(key=lambda h: h[0])
    first = named[0][1]
    if len({h[1] for h in hits}) > 1:
        return first, original
    leftover = original
    for _, _, spans in sorted(hits, key=lambda h: -h[0]):
        for start, end in sorted(spans, reverse=True):
            leftover = leftover[:start] + " " * (end - start) + leftover[end:]
    leftover = _ART49_WORDS_ANYWHERE.sub(" ", leftover) if first == "art49-1-a" else leftover
    leftover = _MECHANISM_FILLER.sub(" ", leftover)
    return (first, "") if not leftover.strip() else (first, original)


_ART49_WORDS_ANYWHERE = re.compile(
    r"ausdrückliche\s+einwilligung|explicit\s+consent|"
    r"einwilligung|consent|ausnahme|derogation",
    _I,
)


def _article_key(c: Citation) -> tuple[str, str | None, str | None]:
    match = re.search(r"(?:Abs(?:atz)?\.?\s*|\()(\d)\)?", c.text[len("Art") :], _I)
    letter = re.search(r"(?:lit\.?|Buchst\.?|\()\s*\(?([a-g])\)", c.text + ")", _I)
    return c.article, match.group(1) if match else None, letter.group(1).lower() if letter else None


def _art49(citation: str) -> str | None:
    if re.search(
        r"U\s?Abs\.?\s*2|Unterabs\w*\.?\s*2|second\s+sub-?paragraph|"
        r"Abs\.?\s*1\s*S(?:atz|\.)\s*2|\(1\)\s*(?:S\.|Satz|sub-?para\w*\.?)\s*2",
        citation,
        _I,
    ):
        return "art49-1-2"
    match = re.search(r"(?:lit\.?|Buchst\w*\.?|\(1\))\s*\(?([a-g])\)?(?![\w])", citation, _I)
    return f"art49-1-{match.group(1).lower()}" if match else None


class InvalidInstrument(NamedTuple):
    """An instrument that no longer supports a transfer, named in a safeguards text."""

    kind: str
    """``privacy-shield``, ``safe-harbor`` or ``old-scc``."""
    decision: str
    """The decision it rests on, e.g. ``2010/87/EU``."""


_SAFE_HARBOR = re.compile(r"safe[\s-]*harbou?r|2000/520", _I)
_OLD_SCC_DECISIONS = (
    (re.compile(r"\b2001/497\b"), "2001/497/EG"),
    (re.compile(r"\b2004/915\b"), "2004/915/EG"),
    (re.compile(r"\b2010/87\b"), "2010/87/EU"),
)


def invalid_instrument(text: str) -> InvalidInstrument | None:
    """The invalid transfer instrument a safeguards text names, or None.

    * "Privacy Shield" (Decision (EU) 2016/1250, annulled by CJEU C-311/18);
    * "Safe Harbor"/"Safe Harbour" or Decision 2000/520/EC (annulled by CJEU C-362/14);
    * the old standard contractual clauses, named by their decision 2001/497/EC,
      2004/915/EC or 2010/87/EU (usable only until 27 December 2022, Art. 4 of
      Implementing Decision (EU) 2021/914).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    if re.search(r"privacy[\s-]*shield|2016/1250", text, _I):
        return InvalidInstrument("privacy-shield", "(EU) 2016/1250")
    if _SAFE_HARBOR.search(text):
        return InvalidInstrument("safe-harbor", "2000/520/EG")
    for pattern, decision in _OLD_SCC_DECISIONS:
        if pattern.search(text):
            return InvalidInstrument("old-scc", decision)
    return None
