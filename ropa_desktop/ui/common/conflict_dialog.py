"""The question put when a save or delete meets a change made elsewhere meanwhile.

The store refuses such a write with a :class:`~ropa_desktop.store.versions.ConflictError`
that names who changed the record and when and carries the record as stored now.
:class:`ConflictDialog` shows that, and the other side's changes field by field
(label, their value, my value), and lets the user choose:

- a stale save: :data:`RELOAD` (take theirs), :data:`OVERWRITE` (save mine anyway,
  recorded as an overwrite) or :data:`CANCEL` (keep editing);
- a save of a record deleted meanwhile: :data:`RESTORE` (save mine as a restored
  record), :data:`DISCARD` (drop mine) or :data:`CANCEL`;
- a delete of a record changed meanwhile: :data:`DELETE` (delete anyway) or :data:`CANCEL`.

Tests replace :meth:`ConflictDialog.exec` to look at the dialog and press a button.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.domain.codec import to_dict
from ropa_desktop.domain.i18n import language
from ropa_desktop.store.versions import ConflictError
from ropa_desktop.ui.session import Session

RELOAD, OVERWRITE, CANCEL = "reload", "overwrite", "cancel"
RESTORE, DISCARD, DELETE = "restore", "discard", "delete"
SAVE, REMOVE = "save", "delete"
"""What was attempted: a save or a delete."""

_SKIP = frozenset({"uid", "activities", "services", "created", "changed"})


def differing_fields(theirs: Any, mine: Any, base: Any | None = None) -> list[str]:
    """Top-level fields (in the record's order) that the other side changed (``base`` →
    ``theirs``) or in which mine differs from theirs."""
    names = [
        n
        for n in m.interchange_fields(type(theirs if theirs is not None else mine))
        if n not in _SKIP
    ]
    out = []
    for name in names:
        their = to_dict(getattr(theirs, name)) if theirs is not None else None
        own = to_dict(getattr(mine, name)) if mine is not None else None
        old = to_dict(getattr(base, name)) if base is not None else their
        if their != own or their != old:
            out.append(name)
    return out


def value_text(key: str, value: Any, catalogue: m.Register) -> str:
    """A field's value as people read it: labels, names and dates, never ids."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return p.yes_no(value)
    if isinstance(value, Enum):
        for table in (p.STATUS, p.ORGANISATION_KIND, p.DPIA_RESULT, p.SPECIAL):
            if value in table:
                return table[value]()  # type: ignore[index]
        return str(value.value)
    if isinstance(value, datetime | date):
        return p.format_date(value)
    processors = catalogue.processors_by_uid()
    names = {
        **{r.uid: r.name for r in catalogue.recipients},
        **{t.uid: t.title for t in catalogue.toms},
        **{uid: proc.name for uid, proc in processors.items()},
    }
    if isinstance(value, list):
        if key == "legal_bases":
            return "; ".join(p.legal_basis(ref) for ref in value)
        vocabularies = {
            "art32": vocab.art32_categories,
            "art35_3": vocab.dpia_art35_3,
            "wp248": vocab.dpia_wp248,
            "dsk_list": vocab.dpia_dsk_list,
        }
        if key in vocabularies:
            return "; ".join(p.vocab_labels(vocabularies[key](), value))
        return "; ".join(value_text(key, item, catalogue) for item in value)
    if isinstance(value, str):
        if key in ("recipients", "toms", "processor"):
            return names.get(value, "?")
        if key == "country":
            return p.country(value)
        if key == "land":
            return p.land(value)
        if key == "supervisory_authority":
            return p.authority(value)
        if key == "sdm_goal":
            term = vocab.sdm_goals().get(value)
            return term.label(language()) if term is not None else value
        return value
    if isinstance(value, m.Transfer):
        return p.transfer(value, processors)
    if isinstance(value, m.Retention):
        return p.retention(value)
    if isinstance(value, m.Contact):
        return ", ".join(p.contact(value)) or "—"
    if isinstance(value, m.ProcessorLink | m.SubprocessorLink):
        name = names.get(value.processor, "?")
        return f"{name} ({value.service})" if value.service else name
    parts = [
        value_text(name, getattr(value, name), catalogue)
        for name in m.interchange_fields(type(value))
    ]
    return ", ".join(t for t in parts if t != "—") or "—"


class ConflictDialog(QDialog):
    """Who changed the record and how, beside my version; the choices of the situation."""

    def __init__(
        self,
        parent: QWidget | None,
        session: Session,
        error: ConflictError,
        mine: Any,
        base: Any | None,
        attempt: str = SAVE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.error = error
        self.choice = CANCEL
        self.setWindowTitle(self.tr("Changed elsewhere"))
        self.message = QLabel(self._message(error, attempt), self)
        self.message.setObjectName("conflictDialog.message")
        self.message.setWordWrap(True)
        catalogue = session.catalogue()
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("conflictDialog.fields")
        who = error.user or self.tr("another user")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("Their version ({user})").format(user=who),
                self.tr("Your version"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        for key in differing_fields(error.current, mine, base):
            row = self.table.rowCount()
            self.table.insertRow(row)
            their = (
                value_text(key, getattr(error.current, key), catalogue)
                if error.current is not None
                else self.tr("(deleted)")
            )
            own = value_text(key, getattr(mine, key), catalogue) if mine is not None else "—"
            for col, text in enumerate((p.record_field_label(error.entity, key), their, own)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(self.table.rowCount() > 0)

        self.buttons = QDialogButtonBox(self)
        self.buttons.setObjectName("conflictDialog.buttons")
        self._buttons: dict[str, QPushButton] = {}
        if attempt == REMOVE:
            self._add(DELETE, self.tr("&Delete anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        elif error.deleted:
            self._add(
                RESTORE, self.tr("&Save as restored record"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self._add(
                DISCARD, self.tr("&Discard my changes"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
        else:
            self._add(
                RELOAD, self.tr("&Reload their version"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self._add(
                OVERWRITE,
                self.tr("&Overwrite with mine"),
                QDialogButtonBox.ButtonRole.DestructiveRole,
            )
        self._add(CANCEL, self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self._buttons[CANCEL].setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 420)

    def _add(self, choice: str, text: str, role: QDialogButtonBox.ButtonRole) -> None:
        button = self.buttons.addButton(text, role)
        button.setObjectName(f"conflictDialog.{choice}")
        button.clicked.connect(lambda _checked=False, c=choice: self.choose(c))
        self._buttons[choice] = button

    def _message(self, error: ConflictError, attempt: str) -> str:
        who = error.user or self.tr("another user")
        when = (
            f"{p.format_date(error.at.astimezone())} {error.at.astimezone():%H:%M}"
            if error.at is not None
            else "?"
        )
        if attempt == REMOVE:
            return self.tr(
                "“{label}” was changed by {user} on {when} after you loaded it. Delete it anyway?"
            ).format(label=error.label, user=who, when=when)
        if error.deleted:
            return self.tr(
                "“{label}” was deleted by {user} on {when} while you were editing "
                "it. Your changes have not been saved."
            ).format(label=error.label, user=who, when=when)
        return self.tr(
            "“{label}” was changed by {user} on {when} while you were editing it. "
            "Your changes have not been saved. Their changes and your version:"
        ).format(label=error.label, user=who, when=when)

    def choices(self) -> list[str]:
        """The choices offered, in button order."""
        return list(self._buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as shown: (field label, their value, my value) per row."""

        def text(row: int, col: int) -> str:
            item = self.table.item(row, col)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]

    def choose(self, choice: str) -> None:
        """Close with ``choice`` (what a button does)."""
        self.choice = choice
        if choice == CANCEL:
            self.reject()
        else:
            self.accept()


def ask_conflict(
    parent: QWidget | None,
    session: Session,
    error: ConflictError,
    mine: Any,
    base: Any | None = None,
    attempt: str = SAVE,
) -> str:
    """Show the conflict and return the user's choice (:data:`CANCEL` when closed)."""
    dialog = ConflictDialog(parent, session, error, mine, base, attempt)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice


def mine_as_text(entity: str, mine: Any, theirs: Any, session: Session) -> str:
    """My values of the fields that differ from theirs, one "label: value" per line (kept
    in view when their version is loaded instead of mine)."""
    catalogue = session.catalogue()
    return "\n".join(
        f"{p.record_field_label(entity, key)}: {value_text(key, getattr(mine, key), catalogue)}"
        for key in differing_fields(theirs, mine)
    )
