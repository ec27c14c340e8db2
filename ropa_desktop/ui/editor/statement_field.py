"""A check box by which the DPO states an explicit "none" for a list item of an activity
("keine externen Empfänger", "keine gemeinsam Verantwortlichen", "keine Übermittlung in
Drittländer"): the checks accept it and the exports print it instead of a gap."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QWidget

from ropa_desktop.ui.editor.fields import Field


class StatementField(Field):
    """A yes/no value shown as a check box with its statement as the text."""

    widget: QCheckBox

    def __init__(
        self, path: str, object_name: str, text: str, parent: QWidget | None = None
    ) -> None:
        box = QCheckBox(text, parent)
        box.setObjectName(object_name)
        box.setAccessibleName(text)
        super().__init__(path, box, parent)
        box.toggled.connect(lambda _checked: self._emit())

    def value(self) -> bool:
        return self.widget.isChecked()

    def set_value(self, value: Any) -> None:
        self.widget.setChecked(bool(value))
