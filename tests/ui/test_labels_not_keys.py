"""Issue 18, item 2: every value a person sees is a label in their language — no vocabulary
id, no field key, no mnemonic "&" shown as text. The test walks every page (and the export
dialog) after a demo edit, in German and in English."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from enum import StrEnum

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from ropa_desktop.domain import model as m
from ropa_desktop.domain import vocab
from ropa_desktop.ui import app as app_module
from ropa_desktop.ui.export_dialog import ExportDialog
from ropa_desktop.ui.main_window import PAGES, MainWindow

_TOKEN = re.compile(r"[\w-]+")


def _forbidden() -> set[str]:
    """Vocabulary ids and field keys that read as codes (with "_" or a digit; plain words
    such as "adequacy", "large-scale" or "name" are ordinary English too)."""
    ids: set[str] = set()
    for loader in (
        vocab.legal_bases,
        vocab.national_provisions,
        vocab.transfer_mechanisms,
        vocab.adequacy,
        vocab.sdm_goals,
        vocab.art32_categories,
        vocab.dpia_art35_3,
        vocab.dpia_wp248,
        vocab.dpia_dsk_list,
        vocab.supervisory_authorities,
        vocab.laender,
    ):
        ids.update(term.id for term in loader())
    for cls in vars(m).values():
        if dataclasses.is_dataclass(cls) and isinstance(cls, type):
            ids.update(f.name for f in dataclasses.fields(cls))
        if isinstance(cls, type) and issubclass(cls, StrEnum) and cls is not StrEnum:
            ids.update(v.value for v in cls)
    return {i for i in ids if re.search(r"[_\d]", i)}


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model: one column (columnCount is private there)
        return 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, out: list[str]) -> None:
    columns = _columns(model, parent)
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            out.append(header)
    for row in range(min(model.rowCount(parent), 400)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    out.append(value)
            if column == 0 and columns > 1 and model.hasChildren(index):
                _model_texts(model, index, out)


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything visible a person reads under ``root``."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root):
            continue
        found: list[str] = []
        if isinstance(w, QLabel | QAbstractButton):
            found.append(w.text())
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        elif isinstance(w, QComboBox):
            found.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QLineEdit):
            found.extend((w.text(), w.placeholderText()))
        elif isinstance(w, QTabWidget):
            found.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            _model_texts(w.model(), QModelIndex(), found)
        found.append(w.toolTip())
        out.extend((w.objectName() or type(w).__name__, t) for t in found if t)
    return out


def _shown_ampersands(root: QWidget) -> list[str]:
    """Labels whose "&" is shown as text: a mnemonic without a buddy."""
    bad = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if (
            label.isVisibleTo(root)
            and re.search(r"(?<!&)&(?!&)\w", text)
            and label.buddy() is None
            and label.textFormat() != Qt.TextFormat.RichText
            and not text.lstrip().startswith("<")
        ):
            bad.append(text)
    return bad


def _demo_edit(session) -> None:  # type: ignore[no-untyped-def]
    """Changes of every kind the history records: legal bases, a transfer mechanism, a
    status, retention units, a DPIA result, recipients, TOMs, dates; master data."""
    cat = session.catalogue()
    act = session.activity_copy(session.activity_uids()[1])
    act.purposes[0].legal_bases = ["art6-1-c", "art6-1-e"]
    act.transfers = [m.Transfer(country="US", mechanism="scc-2")]
    act.status = list(m.ActivityStatus)[1]
    act.data_categories[0].retention = m.Retention(72, m.RetentionUnit.HOURS, "Aufnahme")
    act.data_categories[0].special = m.SpecialCategory.ART9
    act.dpia.result = m.DpiaResult.REQUIRED
    act.dpia.art35_3 = [next(iter(vocab.dpia_art35_3())).id]
    act.recipients = [cat.recipients[0].uid]
    act.toms = [cat.toms[0].uid]
    act.tom_description = "Verschlüsselung"
    act.next_review = date(2027, 1, 1)
    session.save_activity(act)
    org = session.organisation()
    org.land = "DE-BY"
    org.dpo_external = not org.dpo_external
    org.kind = m.OrganisationKind.MUNICIPAL_COMPANY
    session.save_organisation(org)
    session.store.archive_organisation(org.name)  # a change of a record that is no activity
    session.store.restore_organisation(org.name)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_page_shows_labels_never_ids_or_keys(qtbot, session, lang) -> None:
    qapp = QApplication.instance()
    app_module.install_language(qapp, lang)
    _demo_edit(session)
    session.reload()
    forbidden = _forbidden()
    assert {"art6-1-c", "scc-2", "tom_description", "legal_bases"} <= forbidden
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    problems: list[str] = []

    def look(where: str, root: QWidget) -> None:
        QApplication.processEvents()
        for name, text in _texts(root):
            codes = {t for t in _TOKEN.findall(text) if t in forbidden}  # ids as stored
            if codes:
                problems.append(f"{where} {name}: {sorted(codes)} in {text[:80]!r}")
        problems.extend(f"{where}: literal & in {t!r}" for t in _shown_ampersands(root))

    for key in PAGES:
        assert window.show_page(key)
        look(key, window.pages[key])
    history = window.pages["history"].model
    stored = [history.entry_at(r).record.field for r in range(history.rowCount())]
    shown = [history.index(r, 4).data() for r in range(history.rowCount())]
    assert "archived" in stored
    problems.extend(
        f"history: field key {key!r}"
        for key, text in zip(stored, shown, strict=True)
        if key and key == text
    )
    edited = session.activity_uids()[1]
    window.open_activity(edited)
    look("editor", window.activities.editor)
    dialog = ExportDialog(session, "xlsx", None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    look("export", dialog)
    assert not problems, "\n".join(problems)
