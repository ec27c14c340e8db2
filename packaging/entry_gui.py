"""Entry of the windowed program ``ropa-desktop`` in the PyInstaller bundle."""

import sys

from ropa_desktop.ui.launch import main

sys.exit(main())
