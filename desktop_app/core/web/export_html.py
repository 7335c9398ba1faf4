"""The web edition: one accessible page (``index.html``), its style sheet and its pictures.

Made from the intermediate form alone through ``html_blocks.HANDLERS``. The page has no
scripts and asks for nothing outside its folder: a Content-Security-Policy says so to the
browser too. It reads at 320 px wide and at 400% zoom, prints with its own style sheet, and
uses the theme's colours with GOV.UK's guidance fonts (Arial, Helvetica).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..blocks import handler_for
from ..layout import build_blocks
from ..model import Issue
from ..output import check_folder, save_folder
from ..theme import load_theme
from .css import Colours, web_css
from .html_blocks import (
    GENERATOR,
    HANDLERS,
    HtmlPage,
    PictureStore,
    esc,
    footer_line,
    place_logo,
    subject_line,
)

Progress = Callable[[int, int], None]

WHAT = "web edition"
PAGE = "index.html"
STYLESHEET = "bulletin.css"
IMAGES = "images"
EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif"}
# The browser is told the page may load only its own style sheet and pictures: nothing from
# elsewhere, no scripts, no forms, even if something slipped past the escaping.
POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
_NOT_NAME = re.compile(r"[^a-z0-9]+")


def write_html(issue: Issue, folder: Path | str, out: Path | str, *,
               progress: Progress | None = None) -> list[str]:
    """Write the web edition into the folder ``out``; returns warnings. ExportError if it
    cannot (the folder then stays as it was)."""
    out = check_folder(out, WHAT, is_web_edition)
    files, warnings = html_files(issue, folder, progress=progress)
    save_folder(out, files, WHAT)
    return warnings


def is_web_edition(folder: Path) -> bool:
    """True if ``folder`` holds a web edition this app wrote (so it may be replaced)."""
    page = folder / PAGE
    try:
        head = page.read_text(encoding="utf-8", errors="replace")[:2000]
    except OSError:
        return False
    return f'<meta name="generator" content="{GENERATOR}">' in head


def html_files(issue: Issue, folder: Path | str, *,
               progress: Progress | None = None) -> tuple[dict[str, bytes], list[str]]:
    """The web edition's files (relative name -> bytes) and the warnings met making them."""
    theme = load_theme(issue.export.theme or "default", issue.export)
    colours = Colours.from_theme(theme)
    pictures = _Pictures()
    page = HtmlPage(picture=pictures.place)
    place_logo(page, theme)
    blocks = build_blocks(issue, Path(folder))
    total = len(blocks)
    for i, block in enumerate(blocks):
        handler_for(HANDLERS, block)(page, block)
        if progress is not None:
            progress(i + 1, total)
    files = {PAGE: page_html(issue, page).encode("utf-8"),
             STYLESHEET: web_css(colours).encode("utf-8")}
    files.update(pictures.files)
    return files, page.warnings


def page_html(issue: Issue, page: HtmlPage) -> str:
    """The whole page around the handlers' output."""
    title = subject_line(issue)
    footer = footer_line(issue)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="{GENERATOR}">',
        f'<meta name="description" content="{esc(issue.strapline.strip())}">',
        f"<title>{esc(title)}</title>",
        f'<link rel="stylesheet" href="{STYLESHEET}">',
        "</head>",
        "<body>",
        '<a class="skip-link" href="#main">Skip to main content</a>',
        page.header,
        '<div class="wrap">',
        page.nav,
        '<main id="main" tabindex="-1">',
        *page.main,
        "</main>",
        "</div>",
        f'<footer class="page-footer"><div class="wrap"><p>{footer}</p></div></footer>',
        "</body>",
        "</html>",
        "",
    ])


class _Pictures(PictureStore):
    """Pictures copied beside the page under short, safe names."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, bytes] = {}

    def store(self, path: Path, fmt: str, data: bytes) -> str:
        stem = _NOT_NAME.sub("-", path.stem.lower()).strip("-")[:40] or "picture"
        name = f"{IMAGES}/{len(self.files) + 1:02d}-{stem}.{EXTENSIONS[fmt]}"
        self.files[name] = data
        return name
