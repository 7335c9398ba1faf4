"""The bundled fonts registered with reportlab, and contributor text turned into safe markup.

Every font in the PDF is one of the bundled TrueType files, embedded as a subset: no base-14
font is ever named. Text is escaped before it reaches reportlab's paragraph markup, and runs of
characters the house face lacks switch to the fallback face so they never print as boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..markup import Run
from ..theme import Theme
from .system_fonts import coverage, system_font

ROLES = ("regular", "bold", "italic", "bold_italic", "display", "fallback")
# Text the eye reads as blank but a font may lack: never worth a font switch.
_NEUTRAL = frozenset(" \n\t\u00a0")


@dataclass(frozen=True)
class FontSet:
    """The reportlab names of one theme's faces, and which characters the house face has."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    display: str
    fallback: str
    covered: frozenset[int]
    fallback_covered: frozenset[int] = frozenset()
    # The same coverage as characters (and the neutral ones): the common case, text the house
    # face draws whole, is then one set test in C instead of a walk over every character.
    house_chars: frozenset[str] = frozenset()

    def has(self, char: str) -> bool:
        return char in _NEUTRAL or ord(char) in self.covered

    def bundled(self, char: str) -> bool:
        """True if the house face or the bundled fallback can draw ``char``."""
        return self.has(char) or ord(char) in self.fallback_covered or not char.isprintable()


def register_fonts(theme: Theme) -> FontSet:
    """Register the theme's font files with reportlab (once per set of files)."""
    return _register(tuple((role, str(theme.font_file(role))) for role in ROLES))


@lru_cache(maxsize=8)
def _register(files: tuple[tuple[str, str], ...]) -> FontSet:
    names: dict[str, str] = {}
    for role, path in files:
        # Name fonts after their file so that two themes sharing a file share the font.
        name = "Bulletin-" + Path(path).stem
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))
        names[role] = name
    # <b> and <i> in paragraph markup resolve through the family mapping.
    family = names["regular"]
    for bold, italic, role in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"),
                               (1, 1, "bold_italic")):
        addMapping(family, bold, italic, names[role])
    for bold in (0, 1):
        for italic in (0, 1):
            # The fallback face has no bold or italic: it stands in for all four.
            addMapping(names["fallback"], bold, italic, names["fallback"])
    covered = coverage(names["regular"])
    return FontSet(covered=covered, fallback_covered=coverage(names["fallback"]),
                   house_chars=frozenset(map(chr, covered)) | _NEUTRAL, **names)


def text_markup(text: str, fonts: FontSet) -> str:
    """Plain contributor text as paragraph markup: escaped, with fallback-font runs.

    A character the house face lacks goes to the bundled fallback; one neither has goes to a
    system font that has it (``system_font``), if this machine has one.
    """
    if fonts.house_chars.issuperset(text):
        return _chunk(text, None)
    out: list[str] = []
    start = 0
    face: str | None = None  # None: the house face
    for i, char in enumerate(text):
        if char in _NEUTRAL:
            continue
        wanted = _face_for(char, fonts)
        if wanted != face:
            out.append(_chunk(text[start:i], face))
            start, face = i, wanted
    out.append(_chunk(text[start:], face))
    return "".join(out)


def _face_for(char: str, fonts: FontSet) -> str | None:
    if fonts.has(char):
        return None
    if ord(char) in fonts.fallback_covered or not char.isprintable():
        return fonts.fallback
    return system_font(char) or fonts.fallback


def _chunk(text: str, face: str | None) -> str:
    if not text:
        return ""
    safe = escape(text).replace("\n", "<br/>").replace("\t", " ")
    if face is not None:
        return f'<font name="{face}">{safe}</font>'
    return safe


def href_attr(href: str) -> str:
    """A link target escaped for a markup attribute in double quotes."""
    return escape(href, {'"': "&quot;", "'": "&#39;"})


def runs_markup(runs: list[Run], fonts: FontSet, link_colour: str) -> str:
    """Inline runs (bold, italic, links, line breaks) as paragraph markup."""
    out: list[str] = []
    for run in runs:
        if run.text == "\n":
            out.append("<br/>")
            continue
        piece = text_markup(run.text, fonts)
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.href:
            piece = (f'<a href="{href_attr(run.href)}" color="{link_colour}" '
                     f'underline="1">{piece}</a>')
        out.append(piece)
    return "".join(out)
