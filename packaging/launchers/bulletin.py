"""The frozen ``bulletin`` command (PyInstaller's entry script, see ``../bulletin.spec``)."""

import multiprocessing

# First of all: a frozen helper process starts this same program with multiprocessing's
# arguments, and must become the helper before anything else is imported.
multiprocessing.freeze_support()

from desktop_app.cli import main  # noqa: E402

main()
