"""Entry of the console program ``ropa-desktop-cli`` in the PyInstaller bundle."""

import sys

from ropa_desktop.cli import main

sys.exit(main())
