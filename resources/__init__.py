"""The one door to the app's bundled files: fonts, icons, the demo edition and the user guide.

Found with ``importlib.resources`` so the app works installed, editable or frozen. The folder
is the top-level ``resources/`` of the source tree, shipped as ``desktop_app.resources``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_dir() -> Path:
    """The folder holding the bundled resources, as a real path."""
    return Path(str(files(__name__)))


def font_path(name: str) -> Path:
    """A bundled font file, e.g. ``font_path("Lato-Regular.ttf")``."""
    return resource_dir() / "fonts" / name


def demo_dir() -> Path:
    """The packaged demo edition. Read it; never write to it (copy it first)."""
    return resource_dir() / "demo"


APP_ID = "uk.gov.homeoffice.SocBulletin"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_files() -> list[Path]:
    """The app's icon, one PNG per size, smallest first (drawn by packaging/make_icons.py)."""
    return [resource_dir() / "icons" / f"{APP_ID}-{size}.png" for size in ICON_SIZES]


def user_guide() -> Path:
    """The user guide's Markdown file; its pictures sit beside it."""
    return Path(str(files("desktop_app.guide"))) / "user-guide.md"
