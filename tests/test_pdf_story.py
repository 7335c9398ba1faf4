"""The story the PDF is drawn from: every flowable traceable to the block that made it."""

from __future__ import annotations

import subprocess
import sys

from desktop_app.resources import demo_dir

from desktop_app.core.layout import build_blocks
from desktop_app.core.markup import Run
from desktop_app.core.pdf.columns import ColumnFlow
from desktop_app.core.pdf.fonts import register_fonts, runs_markup, text_markup
from desktop_app.core.pdf.story import StoryContext, build_story
from desktop_app.core.pdf.styles import Palette, build_styles
from desktop_app.core.storage import load_issue
from desktop_app.core.theme import load_theme


def _context() -> StoryContext:
    theme = load_theme()
    fonts = register_fonts(theme)
    colours = Palette.from_theme(theme)
    return StoryContext(theme=theme, fonts=fonts, colours=colours,
                        styles=build_styles(theme, fonts, colours), body_height=700)


def _flatten(flowables):
    for f in flowables:
        yield f
        if isinstance(f, ColumnFlow):
            if f.head is not None:
                yield f.head
            yield from _flatten(f.content)


def test_every_flowable_carries_its_block_origin():
    loaded = load_issue(demo_dir())
    blocks = build_blocks(loaded.issue, loaded.folder)
    story = build_story(blocks, _context())
    drawn = list(_flatten(story))
    assert all(getattr(f, "_bulletin_origin", None) is not None for f in drawn)
    kinds = {f._bulletin_kind for f in drawn}
    expected = {blk.kind for blk in blocks} - {"section_end", "article_end"} | {"section"}
    assert kinds == expected
    # The article's own heading flowable points back at that article.
    heads = [f for f in drawn if f._bulletin_kind == "article_heading"]
    placed = [a.id for a in loaded.issue.placed_articles()]
    assert [f._bulletin_origin.article_id for f in heads] == placed


def test_markup_is_escaped_and_missing_glyphs_switch_font():
    fonts = _context().fonts
    assert text_markup('R&D <b>not bold</b> & "q"', fonts) == \
        'R&amp;D &lt;b&gt;not bold&lt;/b&gt; &amp; "q"'
    marked = text_markup("ok \u2713\u2605 done", fonts)
    # A space between two runs stays with the run before it.
    assert marked == f'ok <font name="{fonts.fallback}">\u2713\u2605 </font>done'
    link = runs_markup([Run("x", href='https://e.org/?a=1&b="2"')], fonts, "#000000")
    assert 'href="https://e.org/?a=1&amp;b=&quot;2&quot;"' in link


def test_core_pdf_modules_do_not_import_qt():
    # In a fresh interpreter: pytest-qt has already imported Qt into this one.
    code = ("import sys, desktop_app.core.export_pdf; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
