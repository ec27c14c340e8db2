"""Write THIRD_PARTY_NOTICES.txt from the distributions installed beside ropa-desktop.

Run it with the Python of an installation (the venv the bundle is built from):

    python packaging/notices.py --out THIRD_PARTY_NOTICES.txt      # write
    python packaging/notices.py --check THIRD_PARTY_NOTICES.txt    # exit 1 when out of date

It follows the requirements of the installed ``ropa-desktop`` (with the extra
``postgresql``) through every installed distribution, and writes for each: name, version,
licence, home page and the licence texts the distribution ships. Qt and PySide6 ship no
licence text in their wheels: the LGPLv3 (and the GPLv3 it builds on) are added from
packaging/licenses/. The DejaVu fonts' licence comes from resources/fonts/; with
``--bundle``, the licence of the Python interpreter a frozen bundle carries is added from
the interpreter's own LICENSE.txt. Needs only the standard library.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "ropa-desktop"
EXTRAS = {"postgresql"}
LICENCE_NAMES = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
FSF_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt")
RULE = "=" * 78


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement(text: str) -> tuple[str, set[str], str]:
    """(name, extras it asks for, extra named in the marker or "") of a Requires-Dist line."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?", text)
    marker = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", text)
    if not name:
        return "", set(), ""
    extras = {e.strip() for e in (name.group(2) or "").split(",") if e.strip()}
    return _key(name.group(1)), extras, marker.group(1) if marker else ""


def closure() -> list[metadata.Distribution]:
    """The installed distributions ropa-desktop needs, without itself, sorted by name.

    Requirements whose distribution is not installed (other platforms, other Pythons,
    extras nobody asked for) are left out: what is installed is what ships."""
    installed = {_key(d.metadata["Name"]): d for d in metadata.distributions()}
    if _key(PROJECT) not in installed:
        sys.exit(f"notices: {PROJECT} is not installed in {sys.prefix}")
    wanted: dict[str, metadata.Distribution] = {}
    seen_extras: dict[str, set[str]] = {}
    todo = [(_key(PROJECT), EXTRAS)]
    while todo:
        name, extras = todo.pop()
        dist = installed[name]
        for line in dist.requires or []:
            dep, asked, extra = _requirement(line)
            if extra and extra not in extras:
                continue
            if (
                dep in installed
                and dep != _key(PROJECT)
                and (dep not in wanted or asked - seen_extras[dep])
            ):
                wanted[dep] = installed[dep]
                seen_extras[dep] = seen_extras.get(dep, set()) | asked
                todo.append((dep, seen_extras[dep]))
    return sorted(wanted.values(), key=lambda d: _key(d.metadata["Name"]))


def _field(dist: metadata.Distribution, name: str) -> str:
    values = dist.metadata.get_all(name) or []
    return str(values[0]) if values else ""


def licence_of(dist: metadata.Distribution) -> str:
    """The licence as the distribution declares it (SPDX expression, field or classifiers)."""
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    field = _field(dist, "License").strip()
    classifiers = [
        str(c).split("::")[-1].strip()
        for c in dist.metadata.get_all("Classifier") or []
        if str(c).startswith("License ::")
    ]
    if field and len(field) < 200:
        return field
    return "; ".join(classifiers) or (field.splitlines()[0] if field else "not declared")


def home_of(dist: metadata.Distribution) -> str:
    """The project's home page or source address."""
    if _field(dist, "Home-page"):
        return _field(dist, "Home-page")
    urls = [str(u).split(",", 1) for u in dist.metadata.get_all("Project-URL") or []]
    for label, url in urls:
        if label.strip().lower() in ("homepage", "home", "source", "source code", "repository"):
            return url.strip()
    return urls[0][1].strip() if urls else ""


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of the licence files inside the distribution's metadata folder."""
    texts = []
    for file in dist.files or []:
        parts = file.parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        if LICENCE_NAMES.match(file.name) or (len(parts) > 2 and parts[1] == "licenses"):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                texts.append(
                    ("/".join(parts[1:]), path.read_text(encoding="utf-8", errors="replace"))
                )
    return sorted(texts)


def _section(title: str, lines: list[str], texts: list[tuple[str, str]]) -> list[str]:
    out = [RULE, title, RULE, *lines, ""]
    for name, text in texts:
        out += [f"--- {name} ---", text.rstrip(), ""]
    return out


def render(bundle: bool = False) -> str:
    """The whole notices file; for a ``bundle`` with the licence of the Python interpreter."""
    out = [
        "ropa-desktop — third-party notices",
        "",
        "ropa-desktop itself is licensed under the EUPL-1.2 (see LICENSE). It ships or",
        "uses the following software, each under its own licence. This file is generated",
        "by packaging/notices.py from the installed distributions.",
        "",
    ]
    needs_fsf = False
    for dist in closure():
        name, licence = dist.metadata["Name"], licence_of(dist)
        texts = licence_texts(dist)
        lines = [f"Licence: {licence}", f"Home page: {home_of(dist)}"]
        if not texts and "LGPL-3.0" in licence:
            needs_fsf = True
            lines.append(
                "This distribution ships no licence text; the GNU LGPL v3 and the GNU "
                "GPL v3 it builds on are printed at the end of this file. It contains "
                "the Qt libraries (LGPLv3); their source is available from the Qt "
                "Project (https://www.qt.io/download-open-source)."
            )
        elif not texts:
            lines.append("This distribution ships no licence file.")
        out += _section(f"{name} {dist.version}", lines, texts)
    fonts = ROOT / "resources" / "fonts" / "LICENSE-DejaVu.txt"
    installed_fonts = _installed_data("resources/fonts/LICENSE-DejaVu.txt")
    fonts = installed_fonts or fonts
    out += _section(
        "DejaVu fonts (resources/fonts)",
        [
            "Licence: Bitstream Vera Fonts licence with the DejaVu changes (free)",
            "Home page: https://dejavu-fonts.github.io/",
        ],
        [("LICENSE-DejaVu.txt", fonts.read_text(encoding="utf-8"))],
    )
    python_licence = Path(sys.base_prefix) / "LICENSE.txt"  # Windows
    if not python_licence.is_file():
        python_licence = (
            Path(sys.base_prefix)
            / "lib"
            / f"python{sys.version_info[0]}.{sys.version_info[1]}"
            / "LICENSE.txt"
        )
    if bundle and python_licence.is_file():  # a wheel ships no interpreter
        out += _section(
            f"Python {sys.version_info[0]}.{sys.version_info[1]} (the interpreter "
            "inside the bundles)",
            ["Licence: PSF-2.0", "Home page: https://www.python.org/"],
            [("LICENSE.txt", python_licence.read_text(encoding="utf-8"))],
        )
    if needs_fsf:
        out += _section(
            "GNU licences referred to above",
            [],
            [
                (name, (Path(__file__).parent / "licenses" / name).read_text(encoding="utf-8"))
                for name in FSF_TEXTS
            ],
        )
    return "\n".join(out).rstrip() + "\n"


def _installed_data(relative: str) -> Path | None:
    dist = metadata.distribution(PROJECT)
    for file in dist.files or []:
        if str(file).replace("\\", "/").endswith("_data/" + relative):
            return Path(str(dist.locate_file(file)))
    return None


def main(argv: list[str] | None = None) -> int:
    """Write or check the notices file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write the notices here")
    group.add_argument("--check", type=Path, help="exit 1 when this file is not up to date")
    parser.add_argument(
        "--bundle",
        action="store_true",
        help="add the licence of the Python interpreter a bundle carries",
    )
    args = parser.parse_args(argv)
    text = render(args.bundle)
    if args.out:
        args.out.write_text(text, encoding="utf-8", newline="\n")
        print(f"notices: wrote {args.out} ({len(closure())} distributions)")
        return 0
    current = args.check.read_text(encoding="utf-8") if args.check.is_file() else ""
    if current != text:
        print(
            f"notices: {args.check} is out of date for the installed distributions; "
            f"regenerate it with: python packaging/notices.py --out {args.check}",
            file=sys.stderr,
        )
        return 1
    print(f"notices: {args.check} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
