"""A system font for characters no bundled font has (Chinese, Korean, Devanagari ...).

The bundled Lato and DejaVu Sans cover Latin, Greek and Cyrillic; text in other scripts used
to print as empty boxes and vanish from the PDF's text. When a character neither has turns up,
this module looks for an installed font that has it: through fontconfig (``fc-list
:charset=...``) where there is one, else by reading the fonts in the usual folders of Windows,
macOS and Linux. Only TrueType outlines reportlab can embed qualify. What is found is
registered with reportlab and remembered for the life of the process, as is a character no
font has, so ordinary exports (every character bundled) never search at all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
MAX_SCANNED = 400  # fonts read per process when there is no fontconfig to ask
_FC_TIMEOUT = 5.0


def coverage(name: str) -> frozenset[int]:
    """The code points a registered TrueType font has glyphs for."""
    face = pdfmetrics.getFont(name).face
    return frozenset(ord(c) if isinstance(c, str) else c for c in face.charToGlyph)


@dataclass(frozen=True)
class SystemFont:
    """A registered system font: its reportlab name, file and the characters it has."""

    name: str
    path: Path
    covered: frozenset[int]


_lock = threading.Lock()
_found: list[SystemFont] = []
_tried: set[str] = set()
_none_for: set[int] = set()
# Tests point these at a folder of their own; None means the platform's usual places.
font_dirs: list[Path] | None = None
use_fontconfig = True


def system_font(char: str) -> str | None:
    """The reportlab name of a system font that can draw ``char``, or None if none can."""
    found = find_font(char)
    return found.name if found is not None else None


def find_font(char: str) -> SystemFont | None:
    """The system font used for ``char``, found once and remembered; None if there is none."""
    code = ord(char)
    for font in _found:
        if code in font.covered:
            return font
    if code in _none_for:
        return None
    with _lock:
        for font in _found:  # another thread may have found it meanwhile
            if code in font.covered:
                return font
        for path in _candidates(code):
            font = _register(path)
            if font is not None and code in font.covered:
                return font
        _none_for.add(code)
    return None


def forget() -> None:
    """Drop what was found (tests change ``font_dirs``)."""
    with _lock:
        _found.clear()
        _tried.clear()
        _none_for.clear()


def _register(path: Path) -> SystemFont | None:
    key = str(path)
    if key in _tried:
        return None
    _tried.add(key)
    name = "System-" + path.stem.replace(" ", "")
    try:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, key, subfontIndex=0))
        covered = coverage(name)
    except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError):
        # PostScript outlines, no embedding allowed, or a damaged file: not usable here.
        return None
    font = SystemFont(name, path, covered)
    _found.append(font)
    return font


def _candidates(code: int) -> list[Path]:
    if use_fontconfig and font_dirs is None and shutil.which("fc-list"):
        listed = _fontconfig(code)
        if listed is not None:
            return listed
    return _scan(code)


def _fontconfig(code: int) -> list[Path] | None:
    try:
        done = subprocess.run(
            ["fc-list", "--format", "%{file}\n", f":charset={code:x}"],
            capture_output=True, text=True, timeout=_FC_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    paths = [Path(line) for line in done.stdout.splitlines() if line.strip()]
    return sorted((p for p in paths if p.suffix.lower() in FONT_SUFFIXES), key=_preference)


def _preference(path: Path) -> tuple[int, str]:
    """Upright, regular faces first: a body text font, not a bold or italic one."""
    stem = path.stem.lower()
    styled = any(word in stem for word in ("bold", "italic", "oblique", "black", "light",
                                           "thin", "mono", "condensed"))
    return (1 if styled else 0, 0 if path.suffix.lower() == ".ttf" else 1, stem)


def usual_font_dirs() -> list[Path]:
    """Where fonts are installed on this platform."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"),
                Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental")]
    data = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [data / "fonts", home / ".fonts", Path("/usr/local/share/fonts"),
            Path("/usr/share/fonts")]


def _scan(code: int) -> list[Path]:
    """Font files not yet read, the ones that may have ``code`` first, within a budget."""
    budget = MAX_SCANNED - len(_tried)
    if budget <= 0:
        return []  # the budget is spent: no need to walk the font folders again
    files: list[Path] = []
    for folder in font_dirs if font_dirs is not None else usual_font_dirs():
        try:
            for root, _dirs, names in os.walk(folder):
                files.extend(Path(root) / n for n in names
                             if n.lower().endswith(FONT_SUFFIXES))
        except OSError:
            continue
    fresh = [f for f in sorted(files, key=_preference) if str(f) not in _tried]
    return fresh[:budget]
