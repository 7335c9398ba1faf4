"""The frozen ``bulletin-editor`` window (PyInstaller's entry script, see ``../bulletin.spec``)."""

import multiprocessing
import sys

# First of all: the export helper process (core/background.py, started with ``spawn``) runs
# this same program with multiprocessing's arguments; it must become the helper before Qt
# is imported, which would cost it a tenth of a second and memory it never uses.
multiprocessing.freeze_support()

from desktop_app.gui.app import main  # noqa: E402

sys.exit(main())
