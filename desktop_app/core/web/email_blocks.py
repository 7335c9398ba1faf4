"""The blocks as HTML for mail programs: the web edition's handlers, with boxes as tables.

Outlook draws mail with Word's engine, which ignores a ``div``'s background, border and
padding; one-cell tables keep the bulletin's boxes (contacts, statistics, sidebars, pull
quotes) and the pictures at the column's width. Headings, paragraphs and lists are the web
edition's own. Sections and articles have no wrapping element: some mail programs drop
``section`` and ``article``, and the headings carry the structure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import blocks as b
from . import html_blocks as web
from .html_blocks import HtmlPage, esc

CONTENT_WIDTH = 552  # the 600-pixel sheet less its padding


def _table(cls: str, inner: str) -> str:
    """``inner`` in a one-cell layout table, the way mail programs lay out a block."""
    return (f'<table role="presentation" class="{cls}" width="100%" cellpadding="0" '
            f'cellspacing="0" border="0"><tr><td>{inner}</td></tr></table>')


def _box(cls: str, inner: str) -> str:
    return _table(f"box {cls}", inner)


def _fit(width: int, height: int, most: int) -> tuple[int, int]:
    """A picture's width and height scaled down, if need be, to at most ``most`` wide."""
    fitted = min(most, width)
    return fitted, (round(height * fitted / width) if width else height)


def masthead(page: HtmlPage, block: b.Masthead) -> None:
    logo = ""
    if page.logo is not None:
        width, height = _fit(page.logo.width, page.logo.height, 200)
        logo = (f'<img class="logo" src="{esc(page.logo.src)}" alt="{esc(page.logo_alt)}" '
                f'width="{width}" height="{height}">')
    lines = [f"<h1>{esc(block.title or 'Bulletin')}</h1>"]
    lines += [f"<p>{esc(x)}</p>" for x in (block.strapline, block.edition_line) if x]
    page.header = logo + "".join(lines)


def contents(page: HtmlPage, block: b.Contents) -> None:
    if block.entries:
        page.nav = _box("contents", f'<p class="contents-title">{esc(block.title)}</p>'
                                    f"{web.contents_list(block)}")


def section_banner(page: HtmlPage, block: b.SectionBanner) -> None:
    cls = ' class="alt"' if page.sections % 2 else ""
    page.sections += 1
    page.add(f'<h2 id="{esc(block.anchor)}"{cls}>{esc(block.title)}</h2>')


def section_end(page: HtmlPage, block: b.SectionEnd) -> None:
    """Nothing: the next heading starts the next section."""


def article_heading(page: HtmlPage, block: b.ArticleHeading) -> None:
    title = block.title or "(untitled)"
    page.article_titles[block.article_id] = title
    page.add(f'<h3 id="{esc(block.anchor)}">{esc(title)}</h3>')
    if block.standfirst.strip():
        page.add(f'<p class="standfirst">{esc(block.standfirst)}</p>')


def article_end(page: HtmlPage, block: b.ArticleEnd) -> None:
    """Nothing: the next heading starts the next article."""


def pull_quote(page: HtmlPage, block: b.PullQuoteBlock) -> None:
    by = ""
    if block.attribution.strip():
        by = f'<p class="by">\u2014 {esc(block.attribution)}</p>'
    page.add(_box("quote", f"<blockquote><p>\u201c{esc(block.text)}\u201d</p></blockquote>{by}"))


def contact_block(page: HtmlPage, block: b.ContactBlock) -> None:
    people = [web.contact_lines(c) for c in block.contacts]
    people = [p for p in people if p]
    if not people:
        return
    body = "".join(f"<address>{'<br>'.join(lines)}</address>" for lines in people)
    page.add(_box("contacts", f'<p class="box-title">{esc(block.heading)}</p>{body}'))


def statistic(page: HtmlPage, block: b.StatisticBlock) -> None:
    label = f'<p class="label">{esc(block.label)}</p>' if block.label.strip() else ""
    page.add(_box("stat", f'<p class="figure">{esc(block.value)}</p>{label}'))


def sidebar(page: HtmlPage, block: b.SidebarBlock) -> None:
    if not (block.title.strip() or block.items):
        return
    title = f'<p class="box-title">{esc(block.title)}</p>' if block.title.strip() else ""
    items = "".join(f"<li>{esc(item)}</li>" for item in block.items)
    page.add(_box("sidebar", title + (f"<ul>{items}</ul>" if items else "")))


def image(page: HtmlPage, block: b.ImageBlock) -> None:
    placed = web.picture_or_problem(page, block)
    caption = f'<p class="caption">{esc(block.caption)}</p>' if block.caption.strip() else ""
    if placed is None:
        shown = f'<p class="missing-picture">Picture not available: {esc(block.alt)}</p>'
    else:
        width, height = _fit(placed.width, placed.height, CONTENT_WIDTH)
        shown = (f'<img src="{esc(placed.src)}" alt="{esc(web.alt_of(block))}" '
                 f'width="{width}" height="{height}" '
                 f'style="width:100%;max-width:{width}px;height:auto">')
    page.add(_table("picture", shown + caption))


HANDLERS: dict[type[b.Block], Callable[[HtmlPage, Any], None]] = {
    **web.HANDLERS,
    b.Masthead: masthead,
    b.Contents: contents,
    b.SectionBanner: section_banner,
    b.SectionEnd: section_end,
    b.ArticleHeading: article_heading,
    b.ArticleEnd: article_end,
    b.PullQuoteBlock: pull_quote,
    b.ContactBlock: contact_block,
    b.StatisticBlock: statistic,
    b.SidebarBlock: sidebar,
    b.ImageBlock: image,
}
