"""Themes: colours, fonts, sizes, columns, paper and a logo, read from YAML in ``templates/``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from desktop_app.resources import font_path
from desktop_app.templates import theme_file, theme_names

from .errors import BulletinError
from .model import ExportOptions
from .yamlsafe import safe_load

PAPER_SIZES = ("A4", "Letter")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
PAPER = "#FFFFFF"
# WCAG 2.1 AA: body text needs 4.5:1 against its background, large text (the statistic's
# figure, set at about 28 pt) 3:1.
BODY_CONTRAST = 4.5
LARGE_CONTRAST = 3.0
# Every pairing of text colour and background the writers print: (text, background, what,
# whether only ever large). "paper" is the white page.
TEXT_COLOURS = (
    ("text", "paper", "body text", False),
    ("muted", "paper", "standfirsts, captions and footers", False),
    ("primary", "paper", "article titles and links", False),
    ("accent", "paper", "sub-headings and pull quotes", False),
    ("statistic", "paper", "statistic figures", True),
    ("text", "tint", "text in contact boxes and sidebars", False),
    ("primary", "tint", "headings and links in contact boxes", False),
    ("accent", "tint", "bullets in sidebars", False),
    ("banner_text", "primary", "the masthead and section banners", False),
    ("banner_text", "accent", "alternate section banners", False),
)


@dataclass(frozen=True)
class ThemeLogo:
    """A logo for the masthead: the picture file (beside the theme) and its alt text."""

    path: Path
    alt: str


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
        "statistic": "#007F88",
    })
    logo: ThemeLogo | None = None

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
        data = safe_load(path.read_text(encoding="utf-8")) or {}
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
        logo=_logo(data.get("logo"), path),
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


def _logo(value: object, path: Path) -> ThemeLogo | None:
    """The ``logo:`` entry: a file name, or ``file`` and ``alt``; the file sits by the theme.

    Whether the file is there and is a picture is checked when it is used (a warning on
    export, a problem in ``validate``), so a lost logo never stops an export.
    """
    if value is None:
        return None
    if isinstance(value, str):
        value = {"file": value}
    if not isinstance(value, dict) or not isinstance(value.get("file"), str):
        raise BulletinError(f"{path}: logo should give a picture file and its alt text "
                            "(file: ..., alt: ...)")
    name = value["file"].strip()
    folder = path.parent.resolve()
    file = (folder / name).resolve()
    if not name or not file.is_relative_to(folder):
        raise BulletinError(f"{path}: logo file '{name}' should be a file beside the theme")
    alt = value.get("alt")
    return ThemeLogo(path=file, alt=str(alt).strip() if alt is not None else "")


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2.1 contrast ratio of two #RRGGBB colours, from 1 to 21."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                   for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def contrast_problems(theme: Theme) -> list[str]:
    """Each text colour of a theme that is too faint on its background, in words."""
    colours = {**theme.colours, "paper": PAPER}
    problems = []
    for fg, bg, what, large in TEXT_COLOURS:
        ratio = contrast_ratio(colours[fg], colours[bg])
        need = LARGE_CONTRAST if large else BODY_CONTRAST
        if ratio < need:
            problems.append(
                f"colour {fg} ({colours[fg]}) on {bg} ({colours[bg]}), used for {what}, has "
                f"contrast {ratio:.2f}:1; it needs at least {need:g}:1")
    return problems


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
