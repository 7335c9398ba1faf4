"""Themes: colours, fonts, sizes, columns and paper, read from YAML in ``templates/``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from desktop_app.resources import font_path
from desktop_app.templates import theme_file, theme_names

from .errors import BulletinError
from .model import ExportOptions

PAPER_SIZES = ("A4", "Letter")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Theme:
    """How a bulletin looks; the PDF and Word writers both read it."""

    name: str = "Default"
    paper: str = "A4"
    columns: int = 2
    fonts: dict[str, str] = field(default_factory=lambda: {
        "regular": "Lato-Regular.ttf", "bold": "Lato-Bold.ttf", "italic": "Lato-Italic.ttf",
        "bold_italic": "Lato-BoldItalic.ttf", "display": "Lato-Black.ttf",
        "fallback": "DejaVuSans.ttf",
    })
    sizes: dict[str, float] = field(default_factory=lambda: {
        "body": 9.5, "leading": 13.0, "article_title": 15.0, "section_banner": 13.0,
        "masthead": 30.0,
    })
    colours: dict[str, str] = field(default_factory=lambda: {
        "primary": "#1D2B64", "accent": "#6B2C91", "highlight": "#00A3AD", "text": "#1A1A1A",
        "muted": "#5B6270", "tint": "#EEF0F7", "banner_text": "#FFFFFF",
    })

    @property
    def font_family(self) -> str:
        """The family name of the house face, as word processors know it."""
        return Path(self.fonts["regular"]).stem.split("-")[0]

    def font_file(self, role: str) -> Path:
        return font_path(self.fonts[role])


def load_theme(name: str = "default", options: ExportOptions | None = None) -> Theme:
    """A bundled theme by name, with the issue's paper and column choices applied."""
    if name not in theme_names():
        raise BulletinError(
            f"no theme called '{name}' (bundled themes: {', '.join(theme_names())})"
        )
    path = theme_file(name)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BulletinError(f"{path}: theme cannot be read: {exc}") from None
    base = Theme()
    theme = Theme(
        name=str(data.get("name", name)),
        paper=str(data.get("paper", base.paper)),
        columns=int(data.get("columns", base.columns)),
        fonts={**base.fonts, **{str(k): str(v) for k, v in (data.get("fonts") or {}).items()}},
        sizes={**base.sizes, **{str(k): float(v) for k, v in (data.get("sizes") or {}).items()}},
        colours={**base.colours,
                 **{str(k): str(v) for k, v in (data.get("colours") or {}).items()}},
    )
    if options is not None:
        if options.paper:
            if options.paper not in PAPER_SIZES:
                # The issue's own setting, not the theme file, is what is wrong.
                raise BulletinError(f"the issue's export paper '{options.paper}' should be "
                                    f"{' or '.join(PAPER_SIZES)}")
            theme = replace(theme, paper=options.paper)
        if options.columns:
            theme = replace(theme, columns=options.columns)
    _check(theme, path)
    return theme


def _check(theme: Theme, path: Path) -> None:
    if theme.paper not in PAPER_SIZES:
        raise BulletinError(f"{path}: paper '{theme.paper}' should be A4 or Letter")
    if theme.columns not in (1, 2, 3):
        raise BulletinError(f"{path}: columns should be 1, 2 or 3")
    for key, value in theme.colours.items():
        if not _HEX.match(value):
            raise BulletinError(f"{path}: colour {key} '{value}' should look like #1D2B64")
    for role in theme.fonts:
        if not theme.font_file(role).is_file():
            raise BulletinError(f"{path}: font file {theme.fonts[role]} is not bundled")
