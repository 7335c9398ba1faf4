"""The Word file's named styles: one table read by the template script and by the writer.

``templates/make_reference_docx.py`` builds ``templates/reference.docx`` from ``STYLES``: sizes,
spacing, borders, shading, numbering. The team may restyle that file in Word. When exporting,
``apply_theme`` then paints the issue's theme over it: the house font on every style, and the
theme's colours on the colours, shading and borders the template draws (and only on those, so a
border removed in Word stays removed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from ..theme import Theme

LANGUAGE = "en-GB"


@dataclass(frozen=True)
class Border:
    """A paragraph border: which sides, eighths of a point, padding in points, a theme colour."""

    sides: tuple[str, ...]
    size: int
    space: int
    colour: str


@dataclass(frozen=True)
class StyleSpec:
    """One named style. Colours name theme roles ("primary", "tint"), never hex values."""

    name: str
    kind: str = "paragraph"  # or "character"
    based_on: str | None = "Normal"
    next: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool = False
    colour: str | None = None
    align: str | None = None  # left, center, right, both
    before: float | None = None  # points
    after: float | None = None
    line: float | None = None  # multiple of single spacing
    indent_left: float | None = None  # points
    indent_right: float | None = None
    hanging: float | None = None
    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    widow_control: bool = False  # no lone first or last line at a page break
    outline: int | None = None  # 0 for Heading 1: what the Navigation pane shows
    shading: str | None = None
    borders: tuple[Border, ...] = ()
    numbering: tuple[str, int] | None = None  # ("bullet" | "number" | "callout", level)
    contextual: bool = False  # no space between paragraphs of this same style
    priority: int = 20
    description: str = ""


_PAD = ("top", "left", "bottom", "right")

STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("Normal", based_on=None, size=11, colour="text", after=6, line=1.15,
              widow_control=True, priority=0, description="Body text"),
    StyleSpec("Title", next="Subtitle", size=30, bold=True, colour="primary", after=2, line=1.0,
              keep_next=True, priority=10, description="Masthead: the bulletin's name"),
    StyleSpec("Subtitle", next="Edition Line", size=14, colour="accent", after=4, keep_next=True,
              priority=11, description="Masthead: the strapline"),
    StyleSpec("Edition Line", next="Normal", size=11, bold=True, colour="muted", after=18,
              borders=(Border(("bottom",), 18, 6, "primary"),), priority=12,
              description="Masthead: edition and season, ruled off"),
    StyleSpec("TOC Heading", next="TOC 1", size=13, bold=True, colour="primary", before=6,
              after=6, keep_next=True, priority=39, description="Contents: its title"),
    StyleSpec("TOC 1", size=11, bold=True, before=6, after=1, priority=39,
              description="Contents: a section"),
    StyleSpec("TOC 2", size=10.5, after=1, indent_left=14, priority=39,
              description="Contents: an article"),
    StyleSpec("Heading 1", next="Normal", size=15, bold=True, colour="banner_text",
              before=24, after=10, keep_next=True, keep_lines=True, outline=0,
              shading="primary", borders=(Border(_PAD, 4, 4, "primary"),), priority=9,
              description="A section banner"),
    StyleSpec("Heading 2", next="Standfirst", size=15, bold=True, colour="primary", before=18,
              after=4, line=1.0, keep_next=True, keep_lines=True, outline=1, priority=9,
              description="An article's title"),
    StyleSpec("Heading 3", next="Normal", size=12, bold=True, colour="accent", before=10,
              after=3, keep_next=True, keep_lines=True, outline=2, priority=9,
              description="A sub-heading inside an article"),
    StyleSpec("Heading 4", next="Normal", size=11, bold=True, colour="text", before=8, after=2,
              keep_next=True, keep_lines=True, outline=3, priority=9,
              description="A smaller sub-heading inside an article"),
    StyleSpec("Standfirst", next="Normal", size=12, italic=True, colour="muted", after=8,
              priority=21, description="The line under an article's title"),
    StyleSpec("Section Intro", next="Normal", italic=True, priority=22,
              description="A section's introduction"),
    StyleSpec("List Bullet", after=6, contextual=True, numbering=("bullet", 0), priority=34),
    StyleSpec("List Bullet 2", based_on="List Bullet", numbering=("bullet", 1), priority=34),
    StyleSpec("List Number", after=6, contextual=True, numbering=("number", 0), priority=34),
    StyleSpec("List Number 2", based_on="List Number", numbering=("number", 1), priority=34),
    StyleSpec("Pull Quote", next="Quote Attribution", size=14, italic=True, colour="accent",
              before=10, after=2, line=1.1, indent_left=18, indent_right=18, keep_next=True,
              borders=(Border(("left",), 24, 10, "accent"),), priority=23,
              description="A quotation printed large"),
    StyleSpec("Quote Attribution", next="Normal", size=10, colour="muted", after=12,
              indent_left=18, indent_right=18, borders=(Border(("left",), 24, 10, "accent"),),
              priority=24, description="Who said the pull quote"),
    StyleSpec("Contact Block", size=10, before=6, after=2, line=1.05, indent_left=6,
              indent_right=6, keep_lines=True, shading="tint",
              borders=(Border(_PAD, 4, 5, "tint"),), priority=25,
              description="Names, roles, emails and phone numbers to contact"),
    StyleSpec("Callout", size=10.5, before=8, after=2, indent_left=14, keep_lines=True,
              borders=(Border(("left",), 36, 10, "highlight"),), priority=26,
              description="A statistic or a sidebar"),
    StyleSpec("Callout Bullet", based_on="Callout", before=0, after=2, indent_left=28,
              hanging=14, contextual=True, numbering=("callout", 0), priority=27,
              description="An item in a sidebar"),
    StyleSpec("Figure", next="Caption", align="center", before=8, after=2, keep_next=True,
              priority=28, description="The paragraph holding a picture"),
    StyleSpec("Caption", next="Normal", size=9, italic=True, colour="muted", align="center",
              after=10, priority=35, description="A picture's caption"),
    StyleSpec("Header", size=8.5, colour="muted", after=0,
              borders=(Border(("bottom",), 4, 4, "tint"),), priority=99),
    StyleSpec("Footer", size=8.5, colour="muted", align="center", after=0, priority=99),
    StyleSpec("Hyperlink", kind="character", based_on=None, colour="primary", underline=True,
              priority=99, description="A link"),
    StyleSpec("Callout Figure", kind="character", based_on=None, size=22, bold=True,
              colour="statistic", priority=26, description="The figure in a statistic"),
)


def style_ids(document: Any) -> dict[str, str]:
    """Style name -> style id for the document's styles (ids differ from names)."""
    out = {}
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            out[_ui_name(name.get(qn("w:val")))] = style.get(qn("w:styleId"))
    return out


_BUILTIN_LOWER = {"heading", "caption", "title", "subtitle", "header", "footer", "toc",
                  "normal", "hyperlink"}


def _ui_name(name: str) -> str:
    """Word stores some built-in names in lower case ("heading 1"); show them as Word does."""
    first = name.split(" ")[0]
    if first in _BUILTIN_LOWER:
        return name[0].upper() + name[1:] if first != "toc" else "TOC" + name[3:]
    return name


def apply_theme(document: Any, theme: Theme) -> None:
    """Paint a theme's font and colours over the styles the template defines."""
    styles = document.styles.element
    family = theme.font_family
    colours = {k: v.lstrip("#").upper() for k, v in theme.colours.items()}
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        for fonts in defaults.iter(qn("w:rFonts")):
            _set_fonts(fonts, family)
        for lang in defaults.iter(qn("w:lang")):
            lang.set(qn("w:val"), LANGUAGE)
    by_name = {
        _ui_name(s.find(qn("w:name")).get(qn("w:val"))): s
        for s in styles.findall(qn("w:style")) if s.find(qn("w:name")) is not None
    }
    for spec in STYLES:
        style = by_name.get(spec.name)
        if style is None:
            continue
        for fonts in style.iter(qn("w:rFonts")):
            _set_fonts(fonts, family)
        if spec.colour:
            for colour in style.iter(qn("w:color")):
                if colour.getparent().tag == qn("w:rPr"):
                    _set_colour(colour, "val", colours[spec.colour])
        if spec.shading:
            for shd in style.iter(qn("w:shd")):
                shd.set(qn("w:fill"), colours[spec.shading])
        for border in spec.borders:
            for side in border.sides:
                for edge in style.iter(qn(f"w:{side}")):
                    if edge.getparent().tag == qn("w:pBdr"):
                        _set_colour(edge, "color", colours[border.colour])


def _set_fonts(fonts: etree._Element, family: str) -> None:
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), family)


def _set_colour(element: etree._Element, attr: str, value: str) -> None:
    element.set(qn(f"w:{attr}"), value)
    for attr in ("themeColor", "themeShade", "themeTint"):
        element.attrib.pop(qn(f"w:{attr}"), None)
