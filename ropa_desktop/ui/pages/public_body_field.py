"""The organisation page's "performs public tasks / is a public body under Land law"
setting: a choice (as the legal form says, yes, no) with the explanation beside it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from ropa_desktop.domain import model as m

_AUTO, _YES, _NO = "auto", "yes", "no"


class PublicBodyField(QWidget):
    """Choice of :attr:`Organisation.public_body` with an explanation of what it decides."""

    changed = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._kind = m.OrganisationKind.PUBLIC_AUTHORITY
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"{object_name}.choice")
        self.combo.addItem("", _AUTO)
        self.combo.addItem(self.tr("Yes: public body under the Land's law"), _YES)
        self.combo.addItem(self.tr("No: non-public body (like a company)"), _NO)
        self.explanation = QLabel(
            self.tr(
                "Decides which law the checks and templates apply: a public body follows its "
                "Land's data protection act (not the BDSG) and may not rely on legitimate "
                "interests for its tasks (Art. 6(1) second subparagraph GDPR). Authorities, "
                "AöR and Zweckverbände are public bodies by default. A company under private "
                "law can be one too, e.g. when public bodies hold the majority and it performs "
                "public administration (§ 2(2) LDSG BW); a public-law body competing on a "
                "market can count as non-public (e.g. Art. 1(3) BayDSG). The scope section of "
                "your Land's data protection act decides."
            ),
            self,
        )
        self.explanation.setObjectName(f"{object_name}.explanation")
        self.explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.explanation)
        self.combo.currentIndexChanged.connect(self.changed)
        self._label_auto()

    def set_kind(self, kind: m.OrganisationKind) -> None:
        """The legal form chosen: the "as the legal form says" entry names its answer."""
        self._kind = kind
        self._label_auto()

    def _label_auto(self) -> None:
        answer = self.tr("yes") if self._kind.is_public_body else self.tr("no")
        self.combo.setItemText(
            0, self.tr("As the legal form says (currently: {answer})").format(answer=answer)
        )

    def set_value(self, value: bool | None) -> None:
        """Show the stored setting (None: as the legal form says)."""
        data = _AUTO if value is None else (_YES if value else _NO)
        self.combo.setCurrentIndex(max(self.combo.findData(data), 0))

    def value(self) -> bool | None:
        """The chosen setting (None: as the legal form says)."""
        data = self.combo.currentData()
        return None if data == _AUTO else data == _YES
