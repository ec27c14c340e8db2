"""The authority pack ("Paket für die Aufsichtsbehörde"): one zip file with a frozen
version of an organisation's register as PDF, Excel and JSON, the change report since
the previous delivered version, and a manifest with the SHA-256 of every file.

The seal is the manifest together with the version recorded in the database: every
file's hash is in the manifest, and the PDF carries in its metadata (keywords) the
organisation, the version number and the SHA-256 of the JSON file, so
:func:`verify_pack` can tell that the JSON is the register the PDF shows. The manifest
is not signed (README "Authority pack").
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ropa_desktop
from ropa_desktop.domain import model as m
from ropa_desktop.domain.comparison import Comparison, compare, version_name
from ropa_desktop.domain.i18n import LocalizedError, Text
from ropa_desktop.domain.progress import SILENT, Progress
from ropa_desktop.io.export.pdf import export_pdf
from ropa_desktop.io.export.xlsx import export_xlsx
from ropa_desktop.io.files import atomic_path
from ropa_desktop.io.json_register import InputError, document_to_register, dumps
from ropa_desktop.store.repository import RegisterVersion, Store

FORMAT = "ropa-desktop-pack"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PDF = "verzeichnis.pdf"
XLSX = "verzeichnis.xlsx"
JSON = "verzeichnis.json"
CHANGES_TXT = "aenderungen.txt"
CHANGES_JSON = "aenderungen.json"
MAX_MEMBER_BYTES = 512 * 1024 * 1024
"""A member larger than this is refused before it is read (a zip bomb is not unpacked)."""
SEAL = re.compile(rb"ropa-desktop-pack org=([0-9a-f]+) version=(\d+) json-sha256=([0-9a-f]{64})")

MSG_NO_VERSION = Text(
    de="„{name}“ hat keinen eingefrorenen Stand; zuerst „version freeze“ (oder im Fenster: "
    "Versionen → Stand einfrieren).",
    en="“{name}” has no frozen version; freeze one first (“version freeze”, or in the "
    "window: Versions → Freeze version).",
)
MSG_UNKNOWN_VERSION = Text(
    de="„{name}“ hat keinen Stand {number} (vorhanden: {known}).",
    en="“{name}” has no version {number} (there are: {known}).",
)
NO_PREVIOUS = Text("kein früher übergebener Stand", "no earlier delivered version")
MSG_STEP = Text(de="Paket: {file}", en="Pack: {file}")

# verification
MSG_NOT_ZIP = Text(de="{file}: kein lesbares Zip-Archiv.", en="{file}: not a readable zip archive.")
MSG_NO_MANIFEST = Text(
    de="{file}: enthält kein gültiges {manifest}.", en="{file}: holds no valid {manifest}."
)
MSG_MISSING = Text(de="{name}: fehlt im Paket.", en="{name}: missing from the pack.")
MSG_HASH = Text(
    de="{name}: SHA-256 stimmt nicht mit dem Manifest überein (Datei verändert).",
    en="{name}: SHA-256 does not match the manifest (the file was changed).",
)
MSG_SIZE = Text(
    de="{name}: Größe {size} statt {expected} Bytes laut Manifest.",
    en="{name}: size {size} instead of {expected} bytes per the manifest.",
)
MSG_EXTRA = Text(
    de="{name}: steht nicht im Manifest (nachträglich hinzugefügt).",
    en="{name}: not in the manifest (added afterwards).",
)
MSG_TOO_BIG = Text(de="{name}: zu groß zum Prüfen.", en="{name}: too large to check.")
MSG_BAD_JSON = Text(
    de="{name}: ist kein gültiges Verzeichnis: {problem}",
    en="{name}: is not a valid register: {problem}",
)
MSG_NO_SEAL = Text(
    de="{name}: trägt keinen Stempel des Pakets (Organisation, Stand, Hash der JSON-Datei).",
    en="{name}: carries no pack stamp (organisation, version, hash of the JSON file).",
)
MSG_STAMP = Text(
    de="{name}: der Stempel des PDF ({found}) passt nicht zu {expected}.",
    en="{name}: the PDF's stamp ({found}) does not match {expected}.",
)
MSG_ORG = Text(
    de="{name}: enthält die Organisation „{org}“ des Manifests nicht.",
    en="{name}: does not hold the manifest's organisation “{org}”.",
)


MSG_NOT_IN_DB = Text(
    de="{name}: „{org}“ hat in dieser Datenbank keinen Stand {number}.",
    en="{name}: “{org}” has no version {number} in this database.",
)
MSG_DIFFERS_FROM_DB = Text(
    de="{name}: weicht von Stand {number} von „{org}“ in der Datenbank ab.",
    en="{name}: differs from version {number} of “{org}” in the database.",
)


class PackError(LocalizedError):
    """The pack cannot be built (no such version, …); nothing was written."""


@dataclass(frozen=True, slots=True)
class PackResult:
    """What :func:`build_pack` wrote."""

    path: Path
    version: RegisterVersion
    compared_with: RegisterVersion | None
    comparison: Comparison
    manifest: dict[str, Any]


@dataclass(slots=True)
class Verification:
    """The outcome of :func:`verify_pack`: ``problems`` empty means the pack is sound."""

    manifest: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every file matches the manifest and the stamps agree."""
        return not self.problems


def choose_version(store: Store, organisation: str, number: int | None) -> RegisterVersion:
    """Version ``number`` of the organisation, or its newest one (None)."""
    found = store.versions(organisation)  # raises nothing for an unknown name: empty
    if not found:
        store.load_register(organisation)  # an unknown organisation is named as such
        raise PackError(MSG_NO_VERSION, name=organisation)
    if number is None:
        return found[-1]
    for v in found:
        if v.number == number:
            return v
    known = ", ".join(str(v.number) for v in found)
    raise PackError(MSG_UNKNOWN_VERSION, name=organisation, number=number, known=known)


def previous_delivered(store: Store, version: RegisterVersion) -> RegisterVersion | None:
    """The newest version before ``version`` that was delivered (recipient recorded)."""
    earlier = [
        v
        for v in store.versions(version.organisation)
        if v.number < version.number and v.delivered_to
    ]
    return earlier[-1] if earlier else None


def stamp(version: RegisterVersion) -> str:
    """The version as the PDF and Excel print it, e.g. "3 Anfrage BayLfD"."""
    return f"{version.number} {version.label}".strip()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def build_pack(
    store: Store,
    organisation: str,
    target: Path,
    *,
    number: int | None = None,
    lang: str = "de",
    progress: Progress = SILENT,
) -> PackResult:
    """Write the authority pack of version ``number`` (default: the newest) to ``target``.

    The files are made from the frozen snapshot, stamped with the version's number,
    label and the day it was frozen; the change report compares it with the previous
    delivered version (or, for the first delivery, with an empty register). Atomic: a
    failure or a cancellation leaves ``target`` as it was.
    """
    version = choose_version(store, organisation, number)
    register = store.load_version(organisation, version.number)
    previous = previous_delivered(store, version)
    old = store.load_version(organisation, previous.number) if previous else m.Register()
    comparison = compare(
        old,
        register,
        organisation,
        old_name=version_name(previous.number, lang) if previous else NO_PREVIOUS(lang),
        new_name=version_name(version.number, lang),
        lang=lang,
    )
    org = register.organisations[0]
    json_bytes = dumps(register).encode("utf-8")
    json_sha = hashlib.sha256(json_bytes).hexdigest()
    seal = f"{FORMAT} org={org.uid} version={version.number} json-sha256={json_sha}"
    options: dict[str, Any] = {
        "lang": lang,
        "stand": version.frozen_at.date(),
        "version": stamp(version),
    }
    steps = 5
    target = Path(target)
    with tempfile.TemporaryDirectory(prefix=".ropa-pack-", dir=target.parent) as tmp_name:
        tmp = Path(tmp_name)
        progress.step(0, steps, MSG_STEP(lang, file=PDF))
        export_pdf(register, organisation, tmp / PDF, keywords=seal, **options)
        progress.step(2, steps, MSG_STEP(lang, file=XLSX))
        export_xlsx(register, organisation, tmp / XLSX, **options)
        progress.step(4, steps, MSG_STEP(lang, file=target.name))
        (tmp / JSON).write_bytes(json_bytes)
        report = "\n".join(comparison.lines()) + "\n"
        (tmp / CHANGES_TXT).write_text(report, encoding="utf-8", newline="\n")
        changes_json = json.dumps(comparison.to_json(), ensure_ascii=False, indent=2) + "\n"
        (tmp / CHANGES_JSON).write_text(changes_json, encoding="utf-8", newline="\n")
        names = [PDF, XLSX, JSON, CHANGES_TXT, CHANGES_JSON]
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "organisation": {"name": organisation, "uid": org.uid},
            "register_version": {
                "number": version.number,
                "label": version.label,
                "frozen_at": version.frozen_at.isoformat(),
                "frozen_by": version.user,
                "stamp": stamp(version),
            },
            "compared_with": None
            if previous is None
            else {
                "number": previous.number,
                "label": previous.label,
                "delivered_to": previous.delivered_to,
                "delivered_on": previous.delivered_on.isoformat()
                if previous.delivered_on
                else None,
            },
            "created_at": m.utc_now().isoformat(),
            "created_by": store.user,
            "application": {"name": "ropa-desktop", "version": ropa_desktop.__version__},
            "language": lang,
            "files": [
                {"name": n, "size": (tmp / n).stat().st_size, "sha256": _sha256(tmp / n)}
                for n in names
            ],
        }
        with atomic_path(target) as out, zipfile.ZipFile(out, "w") as zf:
            for n in names:
                # PDF and Excel are compressed already; storing them keeps the pack fast
                kind = zipfile.ZIP_STORED if n in (PDF, XLSX) else zipfile.ZIP_DEFLATED
                zf.write(tmp / n, n, compress_type=kind)
            text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
            zf.writestr(MANIFEST, text, compress_type=zipfile.ZIP_DEFLATED)
        progress.step(steps, steps, MSG_STEP(lang, file=target.name))
    return PackResult(target, version, previous, comparison, manifest)


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > MAX_MEMBER_BYTES:
        raise ValueError(info.filename)
    return zf.read(info)


def _check_manifest(manifest: Any) -> None:
    """Raise ValueError unless ``manifest`` has the shape :func:`build_pack` writes."""
    ok = (
        isinstance(manifest, dict)
        and manifest.get("format") == FORMAT
        and isinstance(manifest.get("organisation"), dict)
        and isinstance(manifest.get("register_version"), dict)
        and isinstance(manifest.get("files"), list)
        and all(
            isinstance(f, dict)
            and isinstance(f.get("name"), str)
            and isinstance(f.get("size"), int)
            and isinstance(f.get("sha256"), str)
            for f in manifest["files"]
        )
    )
    if not ok:
        raise ValueError(MANIFEST)


def verify_pack(path: Path, lang: str | None = None, store: Store | None = None) -> Verification:
    """Check every file of a pack against its manifest, and the PDF's stamp against the
    JSON (organisation, version, SHA-256 of the JSON file). Every problem names the file.
    With ``store``, the JSON must also be the version the database recorded."""
    result = Verification()
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        result.problems.append(MSG_NOT_ZIP(lang, file=path))
        return result
    with zf:
        infos = {i.filename: i for i in zf.infolist()}
        try:
            manifest = json.loads(_member(zf, infos[MANIFEST]))
            _check_manifest(manifest)
            files = {f["name"]: f for f in manifest["files"]}
        except (KeyError, ValueError, TypeError, AttributeError, zipfile.BadZipFile, OSError):
            result.problems.append(MSG_NO_MANIFEST(lang, file=path, manifest=MANIFEST))
            return result
        result.manifest = manifest
        content: dict[str, bytes] = {}
        for name, entry in files.items():
            if name not in infos:
                result.problems.append(MSG_MISSING(lang, name=name))
                continue
            try:
                data = _member(zf, infos[name])
            except ValueError:
                result.problems.append(MSG_TOO_BIG(lang, name=name))
                continue
            except (zipfile.BadZipFile, OSError):  # a damaged member fails its CRC
                result.problems.append(MSG_HASH(lang, name=name))
                continue
            if len(data) != entry.get("size"):
                result.problems.append(
                    MSG_SIZE(lang, name=name, size=len(data), expected=entry.get("size"))
                )
            elif hashlib.sha256(data).hexdigest() != entry.get("sha256"):
                result.problems.append(MSG_HASH(lang, name=name))
            else:
                content[name] = data
                result.checked.append(name)
        for name in infos:
            if name != MANIFEST and name not in files:
                result.problems.append(MSG_EXTRA(lang, name=name))
    _check_stamps(manifest, content, result, lang)
    if store is not None and JSON in content and result.ok:
        _check_database(manifest, content[JSON], store, result, lang)
    return result


def _check_database(
    manifest: dict[str, Any], data: bytes, store: Store, result: Verification, lang: str | None
) -> None:
    """The pack's JSON is exactly the frozen version the database holds."""
    from ropa_desktop.domain.codec import register_to_document
    from ropa_desktop.store.repository import StoreError

    org = str(manifest["organisation"].get("name"))
    number = manifest["register_version"].get("number")
    try:
        frozen = store.load_version(org, int(number))
    except (StoreError, TypeError, ValueError):
        result.problems.append(MSG_NOT_IN_DB(lang, name=JSON, org=org, number=number))
        return
    if json.loads(data) != register_to_document(frozen):
        result.problems.append(MSG_DIFFERS_FROM_DB(lang, name=JSON, org=org, number=number))


def _check_stamps(
    manifest: dict[str, Any], content: dict[str, bytes], result: Verification, lang: str | None
) -> None:
    """The JSON holds the manifest's organisation; the PDF's seal names that organisation,
    the manifest's version and the SHA-256 of exactly this JSON file."""
    org = manifest.get("organisation", {})
    version = manifest.get("register_version", {})
    if JSON in content:
        try:
            register = document_to_register(json.loads(content[JSON]), JSON)
        except InputError as exc:
            result.problems.append(MSG_BAD_JSON(lang, name=JSON, problem=exc.message(lang)))
            return
        except ValueError as exc:
            result.problems.append(MSG_BAD_JSON(lang, name=JSON, problem=str(exc)))
            return
        if register.organisation_by_uid(str(org.get("uid"))) is None:
            result.problems.append(MSG_ORG(lang, name=JSON, org=org.get("name")))
    if PDF in content and JSON in content:
        found = SEAL.search(content[PDF])
        if found is None:
            result.problems.append(MSG_NO_SEAL(lang, name=PDF))
            return
        seen = (found.group(1).decode(), int(found.group(2)), found.group(3).decode())
        expected = (
            str(org.get("uid")),
            version.get("number"),
            hashlib.sha256(content[JSON]).hexdigest(),
        )
        if seen != expected:
            result.problems.append(
                MSG_STAMP(
                    lang,
                    name=PDF,
                    found=f"{seen[0]} {seen[1]} {seen[2][:12]}…",
                    expected=f"{JSON} / {MANIFEST}",
                )
            )
