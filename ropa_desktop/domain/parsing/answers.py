"""Yes/no answers and the workflow status of an activity
(:func:`parse_yes_no`, :func:`parse_status`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from ropa_desktop.domain.model import ActivityStatus
from ropa_desktop.domain.parsing.text import fold_key

_YES = frozenset(
    fold_key(w)
    for w in (
        "ja",
        "j",
        "yes",
        "y",
        "x",
        "true",
        "wahr",
        "1",
        "oui",
        "si",
        "ok",
        "erforderlich",
        "required",
        "vorhanden",
        "zutreffend",
        "applicable",
    )
)
_NO = frozenset(
    fold_key(w)
    for w in (
        "nein",
        "n",
        "no",
        "false",
        "falsch",
        "0",
        "non",
        "nicht erforderlich",
        "not required",
        "nicht vorhanden",
        "nicht zutreffend",
        "not applicable",
        "keine",
        "kein",
        "none",
    )
)
_YES_MARKS = frozenset("✓✔☑☒✅")
_NO_MARKS = frozenset("✗✘☐❌")


def parse_yes_no(text: object) -> bool | None:
    """True, False or None (unknown) for a yes/no cell.

    Yes: "ja", "j", "yes", "y", "x", "✓", "true", "wahr", "1", "oui", "erforderlich",
    "required"; no: "nein", "n", "no", "false", "0", "non", "nicht erforderlich",
    "not required", "✗", "☐", "❌". A longer text counts by its first word ("Ja, siehe
    DSFA" -> True, "Nein – nicht nötig" -> False) or its leading mark ("✅ Yes — HRV" ->
    True, "❌ No (no health data)" -> False). Python booleans and the numbers
    0 and 1 are accepted too. Anything else, "-" and empty cells give None.
    """
    if isinstance(text, bool):
        return text
    if isinstance(text, int | float) and text in (0, 1):
        return bool(text)
    if not isinstance(text, str):
        return None
    value = text.strip()
    if not value:
        return None
    if value[0] in _YES_MARKS and len(value.strip(value[0]).strip()) == 0:
        return True
    if value[0] in _NO_MARKS and len(value.strip(value[0]).strip()) == 0:
        return False
    if value[0] in _YES_MARKS | _NO_MARKS:
        # "✅ Yes — HRV, injury flags", "❌ No (no health data)": the mark answers, unless
        # the words after it say the opposite
        mark = value[0] in _YES_MARKS
        words = parse_yes_no(value[1:].lstrip("\ufe0f"))
        return mark if words is None or words == mark else None
    key = fold_key(value)
    if key in _YES:
        return True
    if key in _NO:
        return False
    first = re.match(r"^\s*([^\W_]+)\s*[,;:.!\-–—(]", value)
    if first:
        word = fold_key(first.group(1))
        if word in _YES and word != "x":
            return True
        if word in _NO:
            return False
    return None


def is_bare_answer(text: str) -> bool:
    """True when ``text`` is nothing but a yes/no word or mark ("Nein", "❌ No", "✓"), so
    that reading it as an answer loses nothing of what it says."""
    value = text.strip().lstrip("✓✔☑☒✅✗✘☐❌\ufe0f").strip()
    return not value or fold_key(value) in _YES | _NO


_STATUS_WORDS = {
    ActivityStatus.DRAFT: (
        "Entwurf",
        "draft",
        "in Bearbeitung",
        "in Arbeit",
        "in Erstellung",
        "neu",
        "new",
        "offen",
        "open",
        "work in progress",
        "wip",
        "brouillon",
        "en cours",
    ),
    ActivityStatus.IN_REVIEW: (
        "in Prüfung",
        "Prüfung",
        "zur Prüfung",
        "zu prüfen",
        "in Abstimmung",
        "in review",
        "review",
        "under review",
        "pending review",
        "pending approval",
        "in_review",
        "en revue",
        "à valider",
    ),
    ActivityStatus.APPROVED: (
        "freigegeben",
        "approved",
        "aktiv",
        "active",
        "genehmigt",
        "final",
        "gültig",
        "in Kraft",
        "released",
        "published",
        "veröffentlicht",
        "aktuell",
        "current",
        "in Betrieb",
        "validé",
        "valide",
        "actif",
    ),
    ActivityStatus.ARCHIVED: (
        "archiviert",
        "archived",
        "Archiv",
        "inaktiv",
        "inactive",
        "eingestellt",
        "außer Betrieb",
        "beendet",
        "historisch",
        "obsolete",
        "deprecated",
        "retired",
        "archivé",
        "inactif",
    ),
}


@cache
def _status_index() -> Mapping[str, ActivityStatus]:
    index = {fold_key(word): status for status, words in _STATUS_WORDS.items() for word in words}
    for status in ActivityStatus:
        index[fold_key(status.value)] = status
    return MappingProxyType(index)


def parse_status(text: str) -> ActivityStatus | None:
    """The workflow status a cell names, else None.

    "Entwurf"/"draft"/"in Bearbeitung" -> DRAFT; "in Prüfung"/"in review" ->
    IN_REVIEW; "freigegeben"/"approved"/"aktiv"/"active"/"in Betrieb" -> APPROVED
    (an activity in use is a released entry of the register); "archiviert"/
    "archived"/"inaktiv"/"eingestellt" -> ARCHIVED. Also the app's own values
    ("in_review") and a few French words.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    return _status_index().get(fold_key(text))
