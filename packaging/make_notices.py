"""Stage the frozen app's ``licences`` folder: run by ``bulletin.spec`` at build time.

    python packaging/make_notices.py OUT_DIR     # the same, by hand, to read the result

The folder holds the app's own licence, the third-party notices generated from the
distributions installed in the build environment (``desktop_app.notices``), the bundled fonts'
licences and Qt's LGPL notice with the texts of the LGPL and GPL.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# (source relative to the repository, name in the licences folder)
STATIC = (
    ("LICENSE", "LICENSE.txt"),
    ("packaging/licences/Qt-LGPL-NOTICE.txt", "Qt-LGPL-NOTICE.txt"),
    ("packaging/licences/LGPL-3.0.txt", "LGPL-3.0.txt"),
    ("packaging/licences/GPL-3.0.txt", "GPL-3.0.txt"),
)

# Licence files that travel with our bundled data (fonts, dictionaries): found by name, so a
# font or dictionary added later brings its licence into the folder with no change here.
BUNDLED_DATA = ("resources", "templates")
_LICENCE_FILE = re.compile(r"^(LICEN[CS]E|OFL|COPYING)", re.IGNORECASE)

# Shipped inside every frozen executable without being a requirement of the app.
FROZEN_EXTRA = ("pyinstaller",)


def bundled_licences(root: Path = ROOT) -> list[tuple[Path, str]]:
    """The licence files under our data folders, each with its name in the licences folder."""
    found = []
    for folder in BUNDLED_DATA:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and _LICENCE_FILE.match(path.name):
                found.append((path, path.name))
    return found


def stage_licences(out: Path, root: Path = ROOT) -> list[Path]:
    """Write the licence folder into ``out``; the files written, in a fixed order."""
    from desktop_app.notices import NOTICES_FILE, build_notices

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source, name in [(root / s, n) for s, n in STATIC] + bundled_licences(root):
        target = out / name
        shutil.copyfile(source, target)
        written.append(target)
    notices = out / NOTICES_FILE
    notices.write_text(build_notices(extra=FROZEN_EXTRA), encoding="utf-8")
    written.append(notices)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_notices.py OUT_DIR")
    for path in stage_licences(Path(sys.argv[1])):
        print(path)
