"""Bundled themes (``*.yaml``) and document templates, shipped as ``desktop_app.templates``."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def template_dir() -> Path:
    """The folder holding the bundled themes and templates, as a real path."""
    return Path(str(files(__name__)))


def theme_file(name: str) -> Path:
    return template_dir() / f"{name}.yaml"


def theme_names() -> list[str]:
    """Names of the bundled themes, sorted."""
    return sorted(p.stem for p in template_dir().glob("*.yaml"))
