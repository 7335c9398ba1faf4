"""The one door to the app's bundled files: fonts, icons and the demo edition.

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
