"""Where the application's data files are: vocabularies, templates, fonts, translations,
the manual, the demo register, the import aliases and the JSON Schemas.

The repository keeps them at its top level (``resources/`` and ``schemas/``). The build
copies both into the package (``ropa_desktop/_data/resources`` and
``ropa_desktop/_data/schemas``, see ``[tool.hatch.build.targets.wheel.force-include]`` in
``pyproject.toml``), so an installed wheel or a frozen bundle finds them through
:mod:`importlib.resources`; a source checkout (also an editable install) finds them at the
top level. Every reader in the application asks :func:`resource` or :func:`schema`, never
a path of its own.

A missing file is an installation defect: :func:`resource` raises
:class:`MissingResourceError` naming the file, and :func:`check_installation` (called when
the command line or the window starts) fails loudly at once instead of, say, showing an
empty template list later.
"""

from __future__ import annotations

from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path

from ropa_desktop.domain.i18n import LocalizedError, Text

PACKAGE = "ropa_desktop"
DATA_DIR = "_data"

_MISSING = Text(
    de="Installation unvollständig: die Datei „{path}“ fehlt ({where}). Bitte ropa-desktop "
    "neu installieren.",
    en="Incomplete installation: the file “{path}” is missing ({where}). Please reinstall "
    "ropa-desktop.",
)

# What every start needs: (kind, relative path, is a directory that must hold *.json).
_REQUIRED: tuple[tuple[str, str, bool], ...] = (
    ("resources", "vocab", True),
    ("resources", "templates", True),
    ("resources", "import/aliases.json", False),
    ("resources", "demo/register.json", False),
    ("resources", "fonts/DejaVuSans.ttf", False),
    ("resources", "fonts/DejaVuSans-Bold.ttf", False),
    ("resources", "help/manual_de.html", False),
    ("resources", "help/manual_en.html", False),
    ("resources", "translations/ropa_de.qm", False),
    ("schemas", "register.schema.json", False),
    ("schemas", "template.schema.json", False),
    ("schemas", "import-mapping.schema.json", False),
)


class MissingResourceError(LocalizedError):
    """A data file the application ships is not where the installation should have it."""

    def __init__(self, path: str, where: Path) -> None:
        super().__init__(_MISSING, path=path, where=str(where))
        self.path = path


@cache
def _root(kind: str) -> Path:
    """The folder that holds ``kind`` ("resources" or "schemas")."""
    packaged = importlib_resources.files(PACKAGE).joinpath(DATA_DIR, kind)
    if packaged.is_dir():
        # Regular installs and PyInstaller bundles unpack to a real folder; the readers
        # (reportlab, Qt, Alembic) need file system paths, so a zipped package is unsupported.
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / kind
    if checkout.is_dir():
        return checkout
    raise MissingResourceError(kind + "/", Path(str(packaged)))


def resources_dir() -> Path:
    """The folder of the shipped resources (vocab/, templates/, fonts/, …)."""
    return _root("resources")


def schemas_dir() -> Path:
    """The folder of the shipped JSON Schemas."""
    return _root("schemas")


def _existing(kind: str, relative: str) -> Path:
    base = _root(kind)
    path = base.joinpath(*relative.split("/"))
    if not path.exists():
        raise MissingResourceError(f"{kind}/{relative}", base)
    return path


def resource(relative: str) -> Path:
    """The path of ``resources/<relative>`` (a file or a folder); raises
    :class:`MissingResourceError` when it does not exist."""
    return _existing("resources", relative)


def schema(name: str) -> Path:
    """The path of the JSON Schema ``schemas/<name>``; raises :class:`MissingResourceError`
    when it does not exist."""
    return _existing("schemas", name)


def legal_file(name: str) -> Path:
    """The path of a licence file (``LICENSE``, ``THIRD_PARTY_NOTICES.txt``): in an
    installation ``ropa_desktop/_data/legal/<name>``, in a source checkout at its top level;
    raises :class:`MissingResourceError` when it is missing."""
    packaged = importlib_resources.files(PACKAGE).joinpath(DATA_DIR, "legal", name)
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_file():
        return checkout
    raise MissingResourceError(name, Path(str(packaged)).parent)


def check_installation() -> None:
    """Raise :class:`MissingResourceError` for the first shipped file that is missing, or for
    a data folder (vocabularies, templates) without any JSON file."""
    for kind, relative, json_folder in _REQUIRED:
        path = _existing(kind, relative)
        if json_folder and not any(path.glob("*.json")):
            raise MissingResourceError(f"{kind}/{relative}/*.json", path)
