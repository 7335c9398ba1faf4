"""Bundled themes (``*.yaml``) and document templates, shipped as ``desktop_app.templates``."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def template_dir() -> Path:
    """The folder holding the bundled themes and templates, as a real path."""
    return Path(str(files(__name__)))


# YAML files here that are not themes.
HOUSE_STYLE = "house-style.yaml"
NOT_THEMES = frozenset({"house-style"})


def house_style_file() -> Path:
    """The bundled proofing rules (spelling, house style, plain English, accessibility)."""
    return template_dir() / HOUSE_STYLE


def theme_file(name: str) -> Path:
    return template_dir() / f"{name}.yaml"


def theme_names() -> list[str]:
    """Names of the bundled themes, sorted."""
    return sorted(p.stem for p in template_dir().glob("*.yaml") if p.stem not in NOT_THEMES)
