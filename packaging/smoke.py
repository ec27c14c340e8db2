"""Smoke test of an installed ropa-desktop: every shipped file is used once, from outside.

Runs against any installation — a wheel installed into a venv, the PyInstaller bundle —
from a fresh temporary folder, with a fresh home directory and without PYTHONPATH, so the
source tree cannot help:

    python packaging/smoke.py --cli "/venv/bin/ropa-desktop" --gui "/venv/bin/ropa-desktop-gui"
    python packaging/smoke.py --cli dist/ropa-desktop/ropa-desktop-cli \\
                              --gui dist/ropa-desktop/ropa-desktop

Steps: template list (de, en; at least 13 templates), demo, summary, export xlsx/pdf/json in
German and English, template apply, import of the exported xlsx and of the JSON file into
fresh databases, check, verify (when the command exists), version freeze, pack and
verify-pack (when they exist), and the desktop application
offscreen (window shown with German texts, the manual opened; ROPA_SMOKE_REPORT, see
ropa_desktop/ui/smoke.py). Any non-zero exit, traceback or missing file fails the run with
the step's output. Needs only the standard library.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

MIN_TEMPLATES = 13
ORG = "Stadt Ahaus"
BAD_SIGNS = (
    "Traceback",
    "Installation unvollständig",
    "Incomplete installation",
    "Interner Fehler",
    "Internal error",
)


class SmokeFailure(Exception):
    """A step of the smoke test failed; the message says which and shows its output."""


class Smoke:
    """Runs the steps in ``work`` with an environment of its own."""

    def __init__(self, cli: list[str], gui: list[str] | None, work: Path) -> None:
        self.cli = cli
        self.gui = gui
        self.work = work
        self.steps = 0
        home = work / "home"
        home.mkdir()
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("ROPA_", "PYTHON", "XDG_", "VIRTUAL_ENV"))
        }
        self.env.update(
            {
                "HOME": str(home),
                "USERPROFILE": str(home),
                "APPDATA": str(home / "AppData" / "Roaming"),
                "LOCALAPPDATA": str(home / "AppData" / "Local"),
                "XDG_DATA_HOME": str(home / "data"),
                "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_STATE_HOME": str(home / "state"),
                "XDG_CACHE_HOME": str(home / "cache"),
                "ROPA_USER": "smoke",
                "PYTHONIOENCODING": "utf-8",
            }
        )

    def run(
        self,
        name: str,
        *args: str,
        ok: tuple[int, ...] = (0,),
        program: list[str] | None = None,
        env: dict[str, str] | None = None,
        timeout: float = 300,
    ) -> str:
        """Run one command; fail on an unexpected exit code or a bad sign in its output."""
        command = [*(program or self.cli), *args]
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command,
                cwd=self.work,
                env={**self.env, **(env or {})},
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SmokeFailure(f"{name}: {shlex.join(command)} could not run: {exc}") from None
        output = done.stdout + done.stderr
        seconds = time.perf_counter() - started
        bad = [sign for sign in BAD_SIGNS if sign in output]
        if done.returncode not in ok or bad:
            raise SmokeFailure(
                f"{name}: {shlex.join(command)} exited {done.returncode}"
                f"{' with ' + ', '.join(bad) if bad else ''}\n"
                f"--- stdout ---\n{done.stdout}--- stderr ---\n{done.stderr}"
            )
        self.steps += 1
        print(f"  ok  {name} ({seconds:.1f} s)", flush=True)
        return done.stdout

    def expect(self, name: str, condition: bool, detail: str) -> None:
        """Fail the step ``name`` unless ``condition`` holds."""
        if not condition:
            raise SmokeFailure(f"{name}: {detail}")

    # --- the steps ------------------------------------------------------------------------

    def templates(self) -> None:
        for lang in ("de", "en"):
            out = self.run(f"template list ({lang})", "--lang", lang, "template", "list")
            ids = [line for line in out.splitlines() if line.strip() and not line[0].isspace()]
            self.expect(
                "template list",
                len(ids) >= MIN_TEMPLATES,
                f"{len(ids)} templates listed, expected at least {MIN_TEMPLATES}:\n{out}",
            )

    def register(self) -> Path:
        db = self.work / "register.sqlite"
        self.run("demo", "--db", str(db), "demo")
        out = self.run("summary", "--db", str(db), "summary")
        self.expect("summary", ORG in out, f"the demo organisation {ORG} is missing:\n{out}")
        out = self.run(
            "template apply",
            "--db",
            str(db),
            "template",
            "apply",
            "teams-video-consultation",
            "--org",
            ORG,
        )
        return db

    def exports(self, db: Path) -> dict[str, Path]:
        files: dict[str, Path] = {}
        for lang in ("de", "en"):
            for fmt in ("xlsx", "pdf", "json"):
                out = self.work / f"register-{lang}.{fmt}"
                org = [] if fmt == "json" else ["--org", ORG]
                self.run(
                    f"export {fmt} ({lang})",
                    "--db",
                    str(db),
                    "--lang",
                    lang,
                    "export",
                    "--format",
                    fmt,
                    "--out",
                    str(out),
                    *org,
                )
                self.expect(
                    f"export {fmt}",
                    out.is_file() and out.stat().st_size > 2000,
                    f"{out} is missing or too small",
                )
                files[f"{fmt}-{lang}"] = out
        head = files["pdf-de"].read_bytes()[:5]
        self.expect("export pdf", head == b"%PDF-", f"not a PDF: {head!r}")
        names = zipfile.ZipFile(files["xlsx-de"]).namelist()
        self.expect("export xlsx", "xl/workbook.xml" in names, "not an Excel workbook")
        register = json.loads(files["json-de"].read_text(encoding="utf-8"))
        self.expect(
            "export json",
            len(register.get("organisations", [])) >= 5,
            "the JSON export lacks the demo organisations",
        )
        return files

    def imports(self, files: dict[str, Path]) -> None:
        fresh = self.work / "from-xlsx.sqlite"
        self.run("import xlsx", "--db", str(fresh), "import", str(files["xlsx-de"]), "--org", ORG)
        out = self.run("summary after xlsx import", "--db", str(fresh), "summary")
        self.expect(
            "import xlsx",
            f"{ORG}: 0 " not in out and ORG in out,
            f"nothing imported from the spreadsheet:\n{out}",
        )
        fresh = self.work / "from-json.sqlite"
        self.run("import json", "--db", str(fresh), "import", str(files["json-de"]))
        out = self.run("summary after json import", "--db", str(fresh), "summary")
        self.expect(
            "import json",
            "5 " in out and ORG in out,
            f"the JSON import did not bring the five organisations:\n{out}",
        )

    def check(self, db: Path) -> None:
        for lang in ("de", "en"):
            # Exit code 1 means findings of severity error, which the demo register has.
            out = self.run(f"check ({lang})", "--db", str(db), "--lang", lang, "check", ok=(0, 1))
            self.expect(
                "check",
                "[error]" in out or "[warning]" in out,
                f"check printed no findings:\n{out}",
            )

    def verify(self, db: Path) -> None:
        usage = self.run("--help", "--help")
        if "verify" not in usage:
            print("  --  verify: this version has no 'verify' command; skipped", flush=True)
            return
        self.run("verify", "--db", str(db), "verify")

    def pack(self, db: Path) -> None:
        """Freeze a version, pack it for the authority and verify the pack (the pack lays
        out the PDF with the shipped fonts and reads the shipped vocabularies)."""
        usage = self.run("--help (pack)", "--help")
        if "verify-pack" not in usage:
            print("  --  pack: this version has no 'pack' command; skipped", flush=True)
            return
        self.run("version freeze", "--db", str(db), "version", "freeze", "--org", ORG)
        out = self.work / "pack.zip"
        self.run("pack", "--db", str(db), "pack", "--org", ORG, "--out", str(out))
        self.expect("pack", out.is_file() and zipfile.is_zipfile(out), f"{out} is no zip")
        names = zipfile.ZipFile(out).namelist()
        self.expect(
            "pack",
            any(n.endswith(".pdf") for n in names) and any(n.endswith(".xlsx") for n in names),
            f"the pack lacks the PDF or the workbook: {names}",
        )
        self.run("verify-pack", "--db", str(db), "verify-pack", "--with-database", str(out))

    def desktop(self, db: Path) -> None:
        if self.gui is None:
            print("  --  desktop application: no --gui given; skipped", flush=True)
            return
        report = self.work / "gui-report.json"
        self.run(
            "desktop application (offscreen)",
            "--db",
            str(db),
            program=self.gui,
            env={"ROPA_SMOKE_REPORT": str(report), "QT_QPA_PLATFORM": "offscreen"},
            timeout=180,
        )
        self.expect("desktop application", report.is_file(), "wrote no smoke report")
        seen = json.loads(report.read_text(encoding="utf-8"))
        menus = seen.get("menus", [])
        self.expect(
            "desktop application",
            seen.get("window_visible") is True,
            f"the main window was not shown: {seen}",
        )
        self.expect(
            "desktop application",
            "&Datei" in menus and "&Hilfe" in menus,
            f"the menus are not German: {menus}",
        )
        self.expect(
            "desktop application",
            seen.get("manual_visible") is True
            and "Anleitung" in seen.get("manual_title", "")
            and seen.get("manual_characters", 0) > 1000,
            f"the manual did not open in German: {seen}",
        )
        self.expect(
            "desktop application",
            ORG in seen.get("organisations", []),
            f"the organisation switcher lacks {ORG}: {seen}",
        )
        for name in ("LICENSE", "THIRD_PARTY_NOTICES.txt"):
            self.expect(
                "desktop application",
                name in seen.get("about", ""),
                f"the About text does not name {name}: {seen.get('about')}",
            )
        print(f"      window “{seen.get('title')}”, menus {' '.join(menus)}", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the smoke test; 0 when every step passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cli",
        required=True,
        help="the command line program (a command, split like a shell would)",
    )
    parser.add_argument("--gui", help="the desktop program (default: none, step skipped)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    # Split like a POSIX shell (on Windows write paths with forward slashes).
    cli = shlex.split(args.cli)
    gui = shlex.split(args.gui) if args.gui else None
    work = Path(tempfile.mkdtemp(prefix="ropa-smoke-")).resolve()
    smoke = Smoke(cli, gui, work)
    started = time.perf_counter()
    print(f"smoke test of {args.cli} in {work}", flush=True)
    try:
        smoke.templates()
        db = smoke.register()
        smoke.imports(smoke.exports(db))
        smoke.check(db)
        smoke.verify(db)
        smoke.pack(db)
        smoke.desktop(db)
    except SmokeFailure as failure:
        print(f"smoke test FAILED: {failure}", file=sys.stderr, flush=True)
        print(f"(files kept in {work})", file=sys.stderr)
        return 1
    print(
        f"smoke test passed: {smoke.steps} steps in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
