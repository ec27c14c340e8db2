"""Makes the shared workbook factory (``sheet_factory.py`` beside this file) importable from
the test folders below, which are not packages."""

from __future__ import annotations

import sys
from pathlib import Path

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))
