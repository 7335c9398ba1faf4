"""Print the .deb's DEBIAN/control file: ``deb_control.py VERSION ARCH INSTALLED_KB``.

The dependencies are the Debian packages holding the system libraries the frozen folder
leaves to the system (``freeze_plan.DEB_DEPENDS``), so the list is kept in one place.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from freeze_plan import DEB_DEPENDS  # noqa: E402


def control(version: str, arch: str, installed_kb: int) -> str:
    """The control file's text."""
    fields = {
        "Package": "soc-bulletin",
        "Version": version,
        "Architecture": arch,
        "Maintainer": "SOC Local Partnerships Bulletin team <bulletin-team@example.org>",
        "Installed-Size": str(installed_kb),
        "Depends": ", ".join(DEB_DEPENDS),
        "Section": "editors",
        "Priority": "optional",
        "Description": "SOC Local Partnerships Bulletin editor\n"
                       " Gathers contributors' articles, arranges them into the bulletin's\n"
                       " sections and exports a styled PDF for print and email and a Word file\n"
                       " for reviewers, all offline. Installs into /opt/soc-bulletin with the\n"
                       " commands bulletin and bulletin-editor.",
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


if __name__ == "__main__":
    version, arch, size = sys.argv[1:4]
    sys.stdout.write(control(version, arch, int(size)))
