"""The German translation is complete, compiled, and what the windows show by default."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ropa_desktop.ui.app import TRANSLATIONS_DIR

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS_DIR / "ropa_de.ts"
QM = TRANSLATIONS_DIR / "ropa_de.qm"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (ctx.findtext("name") or "", msg.findtext("source") or "", msg.find("translation"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


def _tool(name: str) -> str:
    tool = BIN / name
    if not tool.exists():
        found = shutil.which(name)
        if found is None:
            pytest.fail(f"{name} not found (it comes with PySide6)")
        return found
    return str(tool)


def test_every_message_is_translated_with_its_placeholders() -> None:
    messages = _messages(TS)
    assert len(messages) > 300
    for context, source, translation in messages:
        assert translation is not None, (context, source)
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (
            context,
            source,
        )
        forms = translation.findall("numerusform")  # plural messages: one text per form
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        assert all(t.strip() for t in texts), (context, source)
        text = texts[-1]
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
            context,
            source,
            text,
        )


def test_the_code_has_no_text_missing_from_the_translation(tmp_path: Path) -> None:
    probe = tmp_path / "probe.ts"
    shutil.copy(TS, probe)
    sources = sorted(str(p) for p in (ROOT / "ropa_desktop" / "ui").rglob("*.py"))
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(probe),
        ],
        check=True,
        capture_output=True,
    )
    missing = [(c, s) for c, s, t in _messages(probe) if t is None or t.get("type") == "unfinished"]
    assert missing == [], f"run scripts/update-translations.sh and translate: {missing[:5]}"


def test_the_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run scripts/update-translations.sh"
