"""Pages of the template wizard: the case, the questions of one topic, the processors."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import presentation as p
from ropa_desktop.io import templates as tpl
from ropa_desktop.ui.common.naming import named
from ropa_desktop.ui.wizard.state import WizardState

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _wrapped(text: str, name: str, parent: QWidget, *, small: bool = False) -> QLabel:
    label = named(QLabel(text, parent), name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if small:
        font = label.font()
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        label.setFont(font)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _scrolled(page: QWizardPage) -> QVBoxLayout:
    """A scrolling body for a page; returns the layout to fill."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    body = QWidget(scroll)
    layout = QVBoxLayout(body)
    scroll.setWidget(body)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return layout


class CasePage(QWizardPage):
    """Page 1: search and choose the case; a new organisation's name and kind if needed."""

    templateChosen = Signal(object)
    """The case (a :class:`~ropa_desktop.io.templates.Template`) chosen on Next."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Which case do you want to record?"))
        self.setSubTitle(self.tr("Choose a common case; the next pages ask what differs."))

        self.search = named(QLineEdit(self), "wizard.search")
        self.search.setPlaceholderText(self.tr("Search the cases (title, description)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._pick_first)

        self.cases = named(QListWidget(self), "wizard.cases")
        self.cases.setAlternatingRowColors(True)
        for t in sorted(tpl.load_templates(), key=lambda t: t.title().casefold()):
            item = QListWidgetItem(t.title(), self.cases)
            item.setData(ID_ROLE, t.id)
            item.setToolTip(t.description())
        self.cases.currentItemChanged.connect(self._current_changed)
        self.cases.itemActivated.connect(lambda _item: self.wizard().next())

        self.description = _wrapped("", "wizard.caseDescription", self)
        self.description.setMinimumHeight(80)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop)

        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        layout = QVBoxLayout(self)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.cases, 3)
        layout.addWidget(self.description, 1)

        self.org_name = named(QLineEdit(self), "wizard.orgName")
        self.org_kind = named(QComboBox(self), "wizard.orgKind")
        for kind in m.OrganisationKind:
            self.org_kind.addItem(p.ORGANISATION_KIND[kind](), kind.value)
        self.org_name.textChanged.connect(self.completeChanged)
        self.org_name.textChanged.connect(self._name_changed)
        self.org_kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        if state.new_organisation:
            box = QGroupBox(self.tr("New organisation"), self)
            form = QFormLayout(box)
            form.addRow(self.tr("&Name:"), self.org_name)
            form.addRow(self.tr("&Kind:"), self.org_kind)
            layout.addWidget(box)
        else:
            self.org_name.hide()
            self.org_kind.hide()

    # --- state -----------------------------------------------------------------

    def chosen_template(self) -> tpl.Template | None:
        """The template of the current (visible) item, or None."""
        item = self.cases.currentItem()
        if item is None or item.isHidden() or not item.isSelected():
            return None
        return tpl.find_template(item.data(ID_ROLE))

    def chosen_kind(self) -> m.OrganisationKind:
        """The kind chosen for a new organisation."""
        return m.OrganisationKind(self.org_kind.currentData())

    def select(self, template_id: str) -> None:
        """Make the case with that id current (for the keyboard and for tests)."""
        for row in range(self.cases.count()):
            item = self.cases.item(row)
            if item.data(ID_ROLE) == template_id:
                self.cases.setCurrentItem(item)
                return
        raise KeyError(template_id)

    def visible_ids(self) -> list[str]:
        """Ids of the cases the search leaves in the list."""
        return [
            self.cases.item(r).data(ID_ROLE)
            for r in range(self.cases.count())
            if not self.cases.item(r).isHidden()
        ]

    def isComplete(self) -> bool:
        """A case is chosen (and a new organisation has a name)."""
        if self.chosen_template() is None:
            return False
        return not self.state.new_organisation or bool(self.org_name.text().strip())

    def validatePage(self) -> bool:
        """Build the question pages for the chosen case."""
        template = self.chosen_template()
        if template is None:
            return False
        self.templateChosen.emit(template)
        return True

    # --- slots -----------------------------------------------------------------

    def _name_changed(self, text: str) -> None:
        self.state.new_name = text

    def _kind_changed(self) -> None:
        self.state.new_kind = self.chosen_kind()

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.cases.count()):
            item = self.cases.item(row)
            hay = " ".join((item.text(), item.toolTip(), item.data(ID_ROLE))).casefold()
            item.setHidden(not all(w in hay for w in words))
        current = self.cases.currentItem()
        if current is not None and current.isHidden():
            self.cases.setCurrentRow(-1)  # what setCurrentItem(None) does
            self.cases.clearSelection()
            self.description.clear()
        self.completeChanged.emit()

    def _pick_first(self) -> None:
        visible = self.visible_ids()
        if visible:
            self.select(visible[0])
            self.cases.setFocus()

    def _current_changed(self, current: QListWidgetItem | None, _old: Any) -> None:
        self.description.setText(current.toolTip() if current is not None else "")
        self.completeChanged.emit()


def departments_in_use(org: m.Organisation) -> list[str]:
    """The departments the organisation's activities name, the most used first."""
    counts = Counter(a.department.strip() for a in org.activities if a.department.strip())
    return [name for name, _ in counts.most_common()]


class QuestionPage(QWizardPage):
    """The questions of one topic, each with its help text; hidden while its condition fails."""

    def __init__(
        self,
        state: WizardState,
        page_id: int,
        title: str,
        questions: list[tpl.Question],
        kind: m.OrganisationKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.page_id = page_id
        self.questions = questions
        self.setObjectName(f"wizard.page.{page_id}")
        self.setTitle(title or self.tr("Questions"))
        if state.template is not None:
            self.setSubTitle(state.template.title())
        self._boxes: dict[str, QWidget] = {}
        self._inputs: dict[str, QWidget] = {}
        layout = _scrolled(self)
        for q in questions:
            box = named(QWidget(self), f"wizard.question.{q.id}")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 4, 0, 8)
            label = _wrapped(q.label(), f"wizard.label.{q.id}", box)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            inner.addWidget(label)
            widget = self._input(q, kind, box, inner)
            label.setBuddy(widget)
            if q.help is not None:
                widget.setToolTip(q.help())
                inner.addWidget(_wrapped(q.help(), f"wizard.help.{q.id}", box, small=True))
            self._boxes[q.id] = box
            self._inputs[q.id] = widget
            layout.addWidget(box)
        layout.addStretch(1)

    def _input(
        self, q: tpl.Question, kind: m.OrganisationKind, box: QWidget, inner: QVBoxLayout
    ) -> QWidget:
        name = f"wizard.q.{q.id}"
        org = self.state.organisation()
        default = q.default_for(kind, org.land)  # from the organisation's kind and Land
        if q.type == "boolean":
            check = named(QCheckBox(self.tr("Yes"), box), name)
            check.setChecked(bool(default))
            check.toggled.connect(self.state.answers_changed)
            inner.addWidget(check)
            return check
        if q.type == "choice":
            combo = named(QComboBox(box), name)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(40)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            choices = q.allowed(kind)
            for i, c in enumerate(choices):
                combo.addItem(c.label(), c.value)
                combo.setItemData(i, (c.help or c.label)(), Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(default), 0))
            chosen = _wrapped("", f"wizard.choice.{q.id}", box)
            by_value = {c.value: c for c in choices}

            def describe() -> None:
                c = by_value.get(combo.currentData())
                if c is None:  # no choice open to the kind: the box is empty
                    chosen.setText("")
                    return
                chosen.setText("\n".join([c.label()] + ([c.help()] if c.help else [])))

            describe()
            combo.currentIndexChanged.connect(describe)
            combo.currentIndexChanged.connect(self.state.answers_changed)
            inner.addWidget(combo)
            inner.addWidget(chosen)
            return combo
        edit = named(QLineEdit(str(default), box), name)
        if q.id == "department":
            in_use = departments_in_use(org)
            if in_use:  # the organisation's own departments, not a guess that may not fit
                edit.setCompleter(QCompleter(in_use, edit))
                if default not in in_use:
                    edit.clear()
                    edit.setPlaceholderText(
                        self.tr("e.g. {names}").format(names=", ".join(in_use[:3]))
                    )
        edit.textChanged.connect(self.state.answers_changed)
        inner.addWidget(edit)
        return edit

    def answers(self) -> dict[str, Any]:
        """The answers of this page's questions as the widgets hold them."""
        result: dict[str, Any] = {}
        for q in self.questions:
            widget = self._inputs[q.id]
            if isinstance(widget, QCheckBox):
                result[q.id] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                result[q.id] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                result[q.id] = widget.text().strip()
        return result

    def show_questions(self, answers: dict[str, Any]) -> None:
        """Hide the questions whose condition does not hold."""
        for q in self.questions:
            self._boxes[q.id].setHidden(not q.shown(answers))

    def has_questions(self, answers: dict[str, Any]) -> bool:
        """Whether any question of the page matters for these answers."""
        return any(q.shown(answers) for q in self.questions)

    def initializePage(self) -> None:
        """Conditions may name questions of earlier pages."""
        self.show_questions(self.state.answers())


class ProcessorPage(QWizardPage):
    """The processors the record needs: reuse the matching one, pick another, or create."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("wizard.processorPage")
        self.setTitle(self.tr("Processors"))
        self.setSubTitle(
            self.tr(
                "Processors already in this organisation's catalogue are used where the name "
                "matches; you may choose another existing one or create a new one."
            )
        )
        self._layout = _scrolled(self)
        self._rows: list[QWidget] = []
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        """One row per processor of the template, with what will happen to it."""
        for row in self._rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self._rows, self.combos = [], []
        while self._layout.count():
            self._layout.takeAt(0)
        base = self.state.engine_choice()
        names = {planned.name for planned in base.plan}
        self.state.pins = {k: v for k, v in self.state.pins.items() if k in names}
        existing = sorted(self.state.catalogue().processors, key=lambda x: x.name.casefold())
        for i, planned in enumerate(base.plan):
            box = QGroupBox(planned.name, self)
            form = QVBoxLayout(box)
            if planned.service:
                form.addWidget(
                    _wrapped(planned.service, f"wizard.processorService.{i}", box, small=True)
                )
            combo = named(QComboBox(box), f"wizard.processor.{i}")
            if planned.reused:
                combo.addItem(
                    self.tr("Existing: {name}").format(name=planned.processor.name),
                    planned.processor.uid,
                )
            for proc in existing:
                if not (planned.reused and proc.uid == planned.processor.uid):
                    combo.addItem(self.tr("Existing: {name}").format(name=proc.name), proc.uid)
            # Creating a new one is always possible, e.g. for the organisation's own contract.
            combo.addItem(
                self.tr("Create new: {name}").format(name=planned.name),
                tpl.NEW_PROCESSOR if planned.reused else "",
            )
            wanted = self.state.pins.get(
                planned.name, planned.processor.uid if planned.reused else ""
            )
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            status = _wrapped("", f"wizard.processorStatus.{i}", box)
            form.addWidget(combo)
            form.addWidget(status)
            combo.currentIndexChanged.connect(
                lambda _i, pl=planned, c=combo, s=status: self._chosen(pl, c, s)
            )
            self._chosen(planned, combo, status)
            self._layout.addWidget(box)
            self._rows.append(box)
            self.combos.append(combo)
        self._layout.addStretch(1)

    def _chosen(self, planned: tpl.PlannedProcessor, combo: QComboBox, status: QLabel) -> None:
        uid = combo.currentData() or ""
        engine_uid = planned.processor.uid if planned.reused else ""
        if uid and uid != engine_uid:
            self.state.pins[planned.name] = uid
        else:
            self.state.pins.pop(planned.name, None)
        if uid == tpl.NEW_PROCESSOR or not uid:
            draft = self.state.draft()
            subs = [n for n in draft.new_processors if n != planned.name]
            text = self.tr("A new processor “{name}” will be created.").format(name=planned.name)
            if subs:
                text += " " + self.tr("New subprocessors: {names}.").format(names=", ".join(subs))
        elif uid == engine_uid:
            text = self.tr(
                "The existing processor “{name}” will be linked (found by its "
                "name); no new processor is created."
            ).format(name=planned.processor.name)
        else:
            text = self.tr(
                "The existing processor you chose will be linked; no new processor is created."
            )
        status.setText(text)
