"""Run-time hook: where the frozen app's Qt plugins are, set before anything imports Qt.

Replaces PyInstaller's own PySide6 hook, which imports QtCore in every process at start-up
to write an embedded qt.conf: that cost the command line and the export helper process
(which never draw anything) a tenth of a second each. Qt only needs its plugin folder, and
PySide6 finds the rest by itself.
"""

import os
import sys


def _point_qt_at_its_plugins() -> None:
    base = os.path.join(sys._MEIPASS, "PySide6")
    if not sys.platform.startswith("win"):
        base = os.path.join(base, "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(base, "plugins")


_point_qt_at_its_plugins()
del _point_qt_at_its_plugins
