"""The form that edits one processing activity, grouped as the DSK model template groups it.

The editor works on a draft in dictionary form (a deep copy of the stored
activity, :func:`ropa_desktop.domain.codec.to_dict`) and writes it once, on Save,
through :meth:`Session.save_activity`. Every edit pushes a snapshot command on
:attr:`ActivityEditor.undo_stack` (typing in one field merges into one step);
the draft is dirty while the stack is not clean. After each edit the rules run
on the draft (debounced) and every finding is marked at its field, with the
rule's message under the field and a summary of all findings at the top.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ropa_desktop.domain import codec, workflow
from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.domain.rules import Finding, Severity
from ropa_desktop.store.versions import ConflictError
from ropa_desktop.ui.common import prompts
from ropa_desktop.ui.common.attachments_panel import AttachmentsPanel
from ropa_desktop.ui.common.finding_colours import finding_style
from ropa_desktop.ui.common.severity import severity_icon, worst
from ropa_desktop.ui.editor.choices import item_label
from ropa_desktop.ui.editor.conflicts import resolve_save_conflict
from ropa_desktop.ui.editor.fields import (
    Field,
    get_path,
    set_path,
)
from ropa_desktop.ui.editor.form import NAME, ActivityForm
from ropa_desktop.ui.editor.lists import RowListField
from ropa_desktop.ui.editor.undo import EditCommand, ShortcutGuard
from ropa_desktop.ui.session import Change, Session

CHECK_DELAY_MS = 250


class ActivityEditor(ActivityForm, QWidget):
    """Edits one processing activity: every Art. 30(1) item, with undo, checks and Save.

    The main window shows an activity with :meth:`load`, asks :meth:`maybe_leave`
    before switching to another and puts :attr:`save_action`, :attr:`revert_action`,
    :attr:`undo_action` and :attr:`redo_action` into its menus.
    """

    saved = Signal(str)
    """Uid of the activity just written."""
    dirtyChanged = Signal(bool)
    """True when the draft got unsaved changes, False when it is clean again."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(NAME)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self._data: dict[str, Any] | None = None
        self._base: dict[str, Any] | None = None
        self._version = 0  # the stored version the draft is based on (0: new)
        self._is_new = False
        self._populating = False
        self._fields: list[Field] = []
        self._messages: dict[Field, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._marked: dict[QWidget, str] = {}
        self._findings: list[Finding] = []
        self._structure: tuple[int, ...] = ()
        self._stale = True
        self._suggest: dict[str, list[str]] = {}
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)

        self._build_actions()
        self._refresh_suggestions()
        self._build_ui()
        self._guard = ShortcutGuard([self.undo_action, self.redo_action, self.save_action], self)
        self._apply_finding_style()
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        session.changed.connect(self._session_changed)
        session.changedElsewhere.connect(self._changed_elsewhere)
        session.organisationChanged.connect(self._organisation_changed)
        self.load(None)

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (e.g. the system switched to high contrast) recolours the findings."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_finding_style()

    def _apply_finding_style(self) -> None:
        style = finding_style(self.palette())
        if style != self.styleSheet():  # setting it anew would come back as a change
            self.setStyleSheet(style)

    # ------------------------------------------------------------------ public interface

    def _stack_action(self, text: str, trigger: Any, can: Any, what: Any) -> QAction:
        """An undo/redo action with a fixed text; the step it would take is its tooltip."""
        act = QAction(text, self)
        act.setEnabled(False)
        act.triggered.connect(trigger)
        can.connect(act.setEnabled)
        what.connect(
            lambda step, a=act, t=text: a.setToolTip(
                f"{t.replace('&', '')}: {step}" if step else t.replace("&", "")
            )
        )
        return act

    def load(self, uid: str | None) -> None:
        """Show the stored activity ``uid`` (None: nothing; the form is disabled)."""
        act = self.session.activity_copy(uid) if uid else None
        self._is_new = False
        self._set_draft(act)

    def new_activity(self) -> None:
        """Start an unsaved new activity with the next free reference number."""
        if self.session.organisation() is None:
            return
        act = m.Activity(reference=self._next_reference())
        self._is_new = True
        self._set_draft(act)
        self.fields["name"].focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def duplicate(self, uid: str) -> None:
        """Start an unsaved copy of the record ``uid`` with a new uid and reference."""
        copy_ = self._stored_copy(uid)
        if copy_ is None:
            return
        now = m.utc_now()
        copy_.uid = m.new_uid()
        copy_.name = self.tr("{name} (copy)").format(name=copy_.name)
        copy_.reference = self._next_reference()
        copy_.status = m.ActivityStatus.DRAFT
        copy_.created = copy_.changed = now
        copy_.version = 0
        self._is_new = True
        self._set_draft(copy_)

    def _stored_copy(self, uid: str) -> m.Activity | m.ProcessingService | None:
        """A copy of the stored record ``uid`` to edit (None when there is none)."""
        return self.session.activity_copy(uid)

    def current_uid(self) -> str | None:
        """Uid of the activity shown (also of an unsaved new one), None when there is none."""
        return self._data["uid"] if self._data is not None else None

    def is_dirty(self) -> bool:
        """True when the activity shown has changes not yet saved (a new one always has)."""
        return self._data is not None and not self.undo_stack.isClean()

    def draft(self) -> m.Activity | None:
        """The activity as currently edited (a fresh object, with the version it is based
        on), None when nothing is shown."""
        if self._data is None:
            return None
        act = codec.from_dict(m.Activity, self._data)
        act.version = self._version
        return act

    def save(self) -> bool:
        """Write the draft; False (after showing the error) when the store refuses it."""
        if self._data is None:
            return False
        self._commit_pending()
        draft = self._draft()
        override = self._approval_reason(draft)
        if override is None:
            return False
        try:
            if override:
                saved = self.session.save_activity(draft, override=override)
            else:
                saved = self.session.save_activity(draft)
        except ConflictError as exc:  # changed or deleted elsewhere meanwhile: ask
            return resolve_save_conflict(self, exc)
        except Exception as exc:  # the store refuses with a StoreError; show any refusal
            prompts.show_error(self, self.tr("Activity not saved"), exc)
            return False
        self.show_saved(saved)
        return True

    def _approval_reason(self, draft: m.Activity) -> str | None:
        """ "" when the save needs no reason; the reason for approving ``draft`` despite check
        errors (asked for); None when the user gave none (then nothing is saved)."""
        before = None if self._base is None else m.ActivityStatus(self._base["status"])
        findings = self.session.check(draft)
        if not workflow.needs_override(before, draft, findings):
            return ""
        errors = workflow.blocking(findings)
        lines = "\n".join(f"• {f.message}" for f in errors[:8])
        return prompts.ask_reason(
            self,
            self.tr("Approve despite check errors?"),
            self.tr(
                "“{name}” has {n} check error(s):\n{errors}\n\nApprove it anyway? The reason "
                "is recorded in the history (Verlauf). Without a reason nothing is saved."
            ).format(name=draft.name, n=len(errors), errors=lines),
        )

    def base_data(self) -> dict[str, Any] | None:
        """The activity as loaded (dictionary form), before the unsaved changes."""
        return self._base

    def next_reference(self) -> str:
        """The next free reference number of the organisation ("VT-12")."""
        return self._next_reference()

    def _draft(self) -> m.Activity:
        draft = self.draft()
        assert draft is not None
        return draft

    def show_saved(self, saved: m.Activity) -> None:
        """Show ``saved`` (just written) as the clean state of the editor."""
        self._version = saved.version
        data = codec.to_dict(saved)
        self._is_new = False
        self._data = data
        self._base = copy.deepcopy(data)
        self._populate()
        self.undo_stack.setClean()
        self._show_attachments()
        self._update_state()
        self.check_now()
        self.saved.emit(saved.uid)

    def revert(self) -> None:
        """Discard the unsaved changes (a new draft goes back to how it started)."""
        if self._base is None:
            return
        self._data = copy.deepcopy(self._base)
        self._populate()
        self.undo_stack.clear()
        if self._is_new:
            self.undo_stack.resetClean()
        self._update_state()
        self.check_now()

    def maybe_leave(self) -> bool:
        """Ask about unsaved changes; True when the caller may show something else."""
        if not self.is_dirty():
            return True
        assert self._data is not None
        what = self._data.get("name", "").strip() or self.tr("New activity")
        return prompts.leave_unsaved(self, what, self.save, self._discard)

    def _discard(self) -> None:
        if self._is_new:
            self.load(None)
        else:
            self.revert()

    def focus_field(self, path: str) -> None:
        """Show and focus the widget of ``path`` (a finding's field, e.g. "purposes[0].text")."""
        field = self._field_for(path)
        if field is not None:
            target = field.focus_target(path)
        else:
            target = self._groups.get(_top(path)) or self.fields["name"].widget
        self.scroll_area.ensureWidgetVisible(target, 20, 40)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def findings(self) -> list[Finding]:
        """Findings of the rules for the draft at the last check."""
        return list(self._findings)

    def check_now(self) -> None:
        """Run the rules on the draft and mark every finding at its field."""
        self._check_timer.stop()
        if self._data is None or self.session.organisation() is None:
            self._findings = []
        else:
            self._findings = self.session.check(codec.from_dict(m.Activity, self._data))
        self._show_findings()

    def widget_for(self, path: str) -> QWidget | None:
        """The widget that shows ``path`` (where its findings are marked)."""
        field = self._field_for(path)
        if field is None:
            return self._groups.get(_top(path))
        return field.widget_for(path)

    # ------------------------------------------------------------------ building

    def _build_actions(self) -> None:
        def action(
            text: str, name: str, keys: list[QKeySequence], slot: Callable[[], Any]
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(f"{NAME}.{name}")
            act.setShortcuts(keys)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.save_action = action(
            self.tr("&Save activity"),
            "save",
            [QKeySequence(QKeySequence.StandardKey.Save)],
            self.save,
        )
        self.save_action.setToolTip(self.tr("Save the activity (Ctrl+S)"))
        self.revert_action = action(self.tr("Re&vert"), "revert", [], self.revert)
        self.revert_action.setToolTip(self.tr("Discard the unsaved changes"))
        self.undo_action = self._stack_action(
            self.tr("&Undo"),
            self.undo_stack.undo,
            self.undo_stack.canUndoChanged,
            self.undo_stack.undoTextChanged,
        )
        self.redo_action = self._stack_action(
            self.tr("&Redo"),
            self.undo_stack.redo,
            self.undo_stack.canRedoChanged,
            self.undo_stack.redoTextChanged,
        )
        for act, name, keys in (
            (self.undo_action, "undo", [QKeySequence("Ctrl+Z")]),
            (self.redo_action, "redo", [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]),
        ):
            act.setObjectName(f"{NAME}.{name}")
            act.setShortcuts(keys)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)

    def _build_ui(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName(f"{NAME}.title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.elsewhere = QLabel(self)
        self.elsewhere.setObjectName(f"{NAME}.changedElsewhere")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setProperty("changedElsewhere", True)  # coloured by finding_style
        self.elsewhere.hide()
        head = QHBoxLayout()  # the buttons on a row of their own, the title above them
        head.addStretch(1)
        for act in (self.save_action, self.revert_action, self.undo_action, self.redo_action):
            button = QToolButton(self)
            button.setDefaultAction(act)
            button.setObjectName(act.objectName() + "Button")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            head.addWidget(button)

        self.summary = QLabel(self)
        self.summary.setObjectName(f"{NAME}.findingsCount")
        self.finding_list = QListWidget(self)
        self.finding_list.setObjectName(f"{NAME}.findings")
        self.finding_list.setAccessibleName(self.tr("Findings of this activity"))
        self.finding_list.setMaximumHeight(
            4 * (self.finding_list.fontMetrics().lineSpacing() + 6) + 6
        )
        self.finding_list.setWordWrap(True)
        self.finding_list.itemActivated.connect(self._finding_activated)
        self.finding_list.itemClicked.connect(self._finding_activated)

        self.form = QWidget()
        self.form.setObjectName(f"{NAME}.form")
        form_layout = QVBoxLayout(self.form)
        self.fields: dict[str, Field] = {}
        self._build_groups(form_layout)
        self.attachments: AttachmentsPanel | None = None
        if self._attachment_kind():
            box = QGroupBox(self.tr("Attachments (AVV, DPIA, TOM concept …)"), self.form)
            box.setObjectName(f"{NAME}.group.attachments")
            box_layout = QVBoxLayout(box)
            self.attachments = AttachmentsPanel(self.session, self._attachment_kind(), box)
            box_layout.addWidget(self.attachments)
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName(f"{NAME}.scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.form)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(head)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.summary)
        layout.addWidget(self.finding_list)
        layout.addWidget(self.scroll_area, 1)

    def _attachment_kind(self) -> str:
        """The kind of record files are attached to here ("" for none)."""
        return "activity"

    def _blank_record(self) -> Any:
        """The empty record the disabled form shows when nothing is loaded."""
        return m.Activity(uid="")

    def _show_attachments(self) -> None:
        if self.attachments is not None:
            uid = self._data["uid"] if self._data is not None else None
            self.attachments.set_owner(uid, stored=uid is not None and not self._is_new)

    # ------------------------------------------------------------------ draft and undo

    def _set_draft(self, act: m.Activity | m.ProcessingService | None) -> None:
        self._check_timer.stop()
        if self._stale:
            self._refresh_choices()
        self.undo_stack.clear()
        self._version = act.version if act is not None else 0
        self.elsewhere.hide()
        if act is None:
            self._data = None
            self._base = None
            empty = codec.to_dict(self._blank_record())
            empty["created"] = empty["changed"] = None
            self._populate(empty)
        else:
            self._data = codec.to_dict(act)
            self._base = copy.deepcopy(self._data)
            self._populate()
        if self._is_new:
            self.undo_stack.resetClean()
        self.form.setEnabled(self._data is not None)
        self._show_attachments()
        self.scroll_area.verticalScrollBar().setValue(0)
        self._update_state()
        self.check_now()

    def _populate(self, data: dict[str, Any] | None = None) -> None:
        data = data if data is not None else self._data
        assert data is not None
        self._populating = True
        try:
            for field in self._fields:
                field.set_value(get_path(data, field.path))
        finally:
            self._populating = False
        self._after_structure_change()
        self._update_title()

    def _edited(self, field: Field, path: str, typing: bool) -> None:
        if self._populating or self._data is None:
            return
        new = copy.deepcopy(self._data)
        set_path(new, field.path, field.value())
        if new == self._data:
            return
        before = self._data
        self._data = new
        text = self.tr("Edit “{item}”").format(item=self._item_label(path))
        self.undo_stack.push(
            EditCommand(self._restore, before, copy.deepcopy(new), path, typing, text)
        )
        self._after_structure_change()
        self._update_title()
        self._check_timer.start()

    def _restore(self, data: dict[str, Any], path: str) -> None:
        """Show a snapshot (undo/redo) and put the focus where the change was."""
        self._data = copy.deepcopy(data)
        self._populate()
        self._check_timer.start()
        focus = QApplication.focusWidget()
        if focus is None or focus is self or self.isAncestorOf(focus):
            self.focus_field(path)

    def _commit_pending(self) -> None:
        """Take over a combo's typed text that has not been committed yet (before saving)."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and self.isAncestorOf(focus):
            focus.editingFinished.emit()

    def _after_structure_change(self) -> None:
        structure = tuple(len(f.rows) for f in self._fields if isinstance(f, RowListField))
        if structure != self._structure:
            self._structure = structure
            self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = []
        for field in self._fields:
            chain.extend(
                w for w in field.tab_widgets() if w.focusPolicy() != Qt.FocusPolicy.NoFocus
            )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        for widget in self.form.findChildren(QWidget):
            if isinstance(
                widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox
            ) and not widget.property("ropaGuarded"):
                widget.installEventFilter(self._guard)
                widget.setProperty("ropaGuarded", True)

    def _clean_changed(self, clean: bool) -> None:
        self._update_state()
        self.dirtyChanged.emit(self.is_dirty())

    def _update_state(self) -> None:
        has = self._data is not None
        self.save_action.setEnabled(
            has and not self.session.store.read_only and (self.is_dirty() or self._is_new)
        )
        self.revert_action.setEnabled(
            has and self.is_dirty() and not (self._is_new and self.undo_stack.count() == 0)
        )
        self._update_title()

    def _title_texts(self) -> tuple[str, str]:
        """The heading without a record, and the name of an unnamed new one."""
        return self.tr("No activity selected"), self.tr("New activity")

    def _update_title(self) -> None:
        nothing, unnamed = self._title_texts()
        if self._data is None:
            self.title.setText(nothing)
            return
        ref = self._data.get("reference", "").strip()
        name = self._data.get("name", "").strip() or unnamed
        text = f"{ref} {name}" if ref else name
        if self.is_dirty():
            text += " *"
        self.title.setText(text)

    def _item_label(self, path: str) -> str:
        key = _top(path)
        if key in p.FIELD_LABELS:
            return item_label(key)
        if key == "tom_description":
            return item_label("toms")
        return key

    # ------------------------------------------------------------------ findings

    def _field_for(self, path: str) -> Field | None:
        for field in self._fields:
            fp = field.path
            if path == fp or path.startswith((fp + ".", fp + "[")):
                return field
        for field in self._fields:
            if field.path.startswith(path + "."):
                return field
        return None

    def _show_findings(self) -> None:
        for widget, tip in self._marked.items():
            _set_mark(widget, None)
            widget.setToolTip(tip)
        self._marked = {}
        for label in self._messages.values():
            if label.text():
                label.clear()
                label.hide()
                _set_mark(label, None)

        by_widget: dict[QWidget, list[Finding]] = {}
        by_field: dict[Field, list[Finding]] = {}
        for finding in self._findings:
            if not finding.field:
                continue
            field = self._field_for(finding.field)
            marked: QWidget | None
            if field is not None:
                marked = field.widget_for(finding.field) or field.widget
                by_field.setdefault(field, []).append(finding)
            else:
                marked = self._groups.get(_top(finding.field))
            if marked is not None:
                by_widget.setdefault(marked, []).append(finding)
        for widget, found in by_widget.items():
            self._marked[widget] = widget.toolTip()
            _set_mark(widget, worst(found))
            widget.setToolTip("\n".join(f.message for f in found))
        for field, found in by_field.items():
            label = self._messages[field]
            label.setText("\n".join(f"• {f.message}" for f in found))
            _set_mark(label, worst(found))
            label.show()

        self.finding_list.clear()
        counts = {s: sum(1 for f in self._findings if f.severity == s) for s in Severity}
        for finding in self._findings:
            item = QListWidgetItem(
                severity_icon(finding.severity), finding.message, self.finding_list
            )
            item.setData(Qt.ItemDataRole.UserRole, finding.field or "")
            item.setData(Qt.ItemDataRole.UserRole + 1, finding.code)
        self.finding_list.setVisible(bool(self._findings))
        if self._data is None:
            self.summary.setText("")
        elif not self._findings:
            self.summary.setText(self.tr("No findings: the activity is complete."))
        else:
            self.summary.setText(
                self.tr("{errors} error(s), {warnings} warning(s), {infos} note(s)").format(
                    errors=counts[Severity.ERROR],
                    warnings=counts[Severity.WARNING],
                    infos=counts[Severity.INFO],
                )
            )

    def _finding_activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.focus_field(path)

    # ------------------------------------------------------------------ session events

    def _refresh_choices(self) -> None:
        self._refresh_suggestions()
        self._populating = True
        try:
            for field in self._fields:
                field.refresh_choices()
        finally:
            self._populating = False

    def _session_changed(self, what: Change) -> None:
        self._stale = True
        if what in (Change.CATALOGUE, Change.EVERYTHING):
            self._refresh_choices()
            if self._data is not None:
                self._populate()
        if what == Change.EVERYTHING and self._data is not None and not self.is_dirty():
            uid = self._data["uid"]
            self.load(uid if self.session.activity(uid) is not None else None)
        elif what == Change.CATALOGUE:
            self._check_timer.start()

    def _organisation_changed(self) -> None:
        self._stale = True
        self.load(None)

    def _changed_elsewhere(self) -> None:
        """Another user changed the database: a draft with unsaved changes whose activity
        changed gets a notice (saving it will ask what to do); a clean one was reloaded."""
        if self._data is None or self._is_new or not self.is_dirty():
            return
        stored = self.session.activity(self._data["uid"])
        if stored is None:
            text = self.tr(
                "This activity was deleted elsewhere meanwhile. Saving will ask "
                "what to do with your changes."
            )
        elif stored.version != self._version:
            text = self.tr(
                "This activity was changed elsewhere meanwhile. Saving will show "
                "the other changes and ask what to do."
            )
        else:
            return
        self.elsewhere.setText(text)
        self.elsewhere.show()


# ---------------------------------------------------------------------- helpers


def _top(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _set_mark(widget: QWidget, severity: Severity | None) -> None:
    widget.setProperty("finding", severity.value if severity is not None else None)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
