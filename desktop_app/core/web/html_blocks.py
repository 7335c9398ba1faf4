"""The intermediate blocks as accessible HTML: the handlers the web edition and the email share.

One ``h1`` (the masthead), an ``h2`` per section, an ``h3`` per article, real lists, pull
quotes as ``blockquote`` with a ``figcaption``, pictures as ``figure`` with alt text (``alt=""``
for a decorative one), contacts as ``address`` with mailto and tel links, statistics and
sidebars as ``aside``. Every piece of contributor text passes through ``esc``; a link is kept
only if it is http, https, mailto or tel.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import blocks as b
from ..images import ImageProblem, check_image
from ..markup import ListItem, Run, link_groups, safe_href
from ..model import Contact, Issue
from ..theme import Theme

GENERATOR = "SOC Local Partnerships Bulletin editor"
_PHONE_OK = re.compile(r"^\+?[0-9 ()\-.]{5,30}$")


def esc(text: str) -> str:
    """Text made safe for HTML content and attribute values."""
    return html.escape(text or "", quote=True)


def subject_line(issue: Issue) -> str:
    """"SOC Local Partnerships Bulletin – Ninth edition, Autumn 2026": the page title and the
    email's subject."""
    title = issue.title.strip() or "Bulletin"
    edition = issue.edition_words
    if issue.published.strip():
        edition = f"{edition}, {issue.published.strip()}"
    return f"{title} \u2013 {edition}"


def footer_line(issue: Issue) -> str:
    """"SOC Local Partnerships Bulletin · Ninth edition · Autumn 2026", escaped: the page's
    and the email's footer."""
    return esc(" \u00b7 ".join(x for x in (issue.title.strip(), issue.edition_line) if x))


def tel_href(phone: str) -> str | None:
    """A tel: link for a phone number as printed ("020 7946 0231" -> "tel:+442079460231")."""
    phone = phone.strip()
    if not _PHONE_OK.match(phone):
        return None
    digits = re.sub(r"[^0-9]", "", phone)
    if phone.startswith("+"):
        return f"tel:+{digits}"
    if digits.startswith("00"):
        return f"tel:+{digits[2:]}"
    if digits.startswith("0"):  # a UK number written the UK way
        return f"tel:+44{digits[1:]}"
    return f"tel:{digits}"


def mailto_href(email: str) -> str | None:
    """A mailto: link for an address, or None if it does not look like one."""
    email = email.strip()
    href = safe_href(f"mailto:{email}")
    if href is None or any(c.isspace() for c in email):
        return None
    return "mailto:" + quote(email, safe="@.+-_!#$%&'*/=?^`{|}~")


def link(href: str | None, inner: str) -> str:
    """``inner`` (already HTML) as a link if ``href`` is an allowed target, else as it is."""
    if not href:
        return inner
    return f'<a href="{esc(href)}">{inner}</a>'


def runs_html(runs: list[Run]) -> str:
    """Inline runs as HTML: strong, em, links (neighbouring runs to one target share one link),
    line breaks."""
    return "".join(link(href, "".join(_run(r) for r in group))
                   for href, group in link_groups(runs))


def _run(run: Run) -> str:
    text = esc(run.text).replace("\n", "<br>")
    if run.italic:
        text = f"<em>{text}</em>"
    if run.bold:
        text = f"<strong>{text}</strong>"
    return text


def list_html(items: list[ListItem], ordered: bool, start: int = 1, attrs: str = "") -> str:
    """A list with its nested levels as nested lists (deeper levels always bulleted)."""
    outer = "ol" if ordered else "ul"
    start_attr = f' start="{start}"' if ordered and start != 1 else ""
    parts: list[str] = []
    tags: list[str] = []
    level = -1
    for item in items:
        wanted = max(0, min(item.level, level + 1))
        if wanted > level:
            tag = outer if not tags else "ul"
            parts.append(f"<{tag}{attrs if not tags else ''}"
                         f"{start_attr if not tags else ''}>")
            tags.append(tag)
        else:
            parts.append("</li>")
            while level > wanted:
                parts.append(f"</{tags.pop()}></li>")
                level -= 1
        parts.append(f"<li>{runs_html(item.runs)}")
        level = wanted
    while tags:
        parts.append(f"</li></{tags.pop()}>")
    return "".join(parts)


@dataclass
class Picture:
    """Where a picture's image lives in the output, and its size in CSS pixels."""

    src: str
    width: int
    height: int


class PictureStore:
    """Places each picture file in the output once: checked first, then ``store``d.

    A subclass says where a picture goes (a file beside the page, a part of the email) by
    returning its ``src`` from ``store``.
    """

    def __init__(self) -> None:
        self.placed: dict[Path, Picture] = {}

    def place(self, block: b.ImageBlock) -> Picture:
        """Where the picture of ``block`` is; ImageProblem for a picture that cannot be used."""
        path = Path(block.path)
        if path not in self.placed:
            fmt, width, height = check_image(path)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise ImageProblem(f"{path.name}: cannot be read ({exc.strerror or exc})") \
                    from None
            src = self.store(path, fmt, data)
            self.placed[path] = Picture(src, width, height)
        return self.placed[path]

    def store(self, path: Path, fmt: str, data: bytes) -> str:
        raise NotImplementedError


@dataclass
class HtmlPage:
    """What the HTML handlers share while they turn one bulletin's blocks into a page.

    ``picture`` places a picture's file in the output (a file beside the page, or a ``cid:``
    part of an email) and returns where it is; it raises ImageProblem for a picture that
    cannot be shown. The masthead goes to ``header``, the contents to ``nav``, everything
    else is appended to ``main``.
    """

    picture: Callable[[b.ImageBlock], Picture]
    header: str = ""
    nav: str = ""
    main: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    article_titles: dict[str, str] = field(default_factory=dict)
    sections: int = 0
    ids: int = 0
    logo: Picture | None = None
    logo_alt: str = ""

    def new_id(self, stem: str) -> str:
        self.ids += 1
        return f"{stem}-{self.ids}"

    def add(self, text: str) -> None:
        self.main.append(text)


def place_logo(page: HtmlPage, theme: Theme) -> None:
    """Put the theme's logo (if it has one) where the masthead will show it; a logo that is
    lost or damaged is left out with a warning, as the PDF does."""
    logo = theme.logo
    if logo is None:
        return
    block = b.ImageBlock(path=logo.path, alt=logo.alt, caption="")
    try:
        if not logo.path.is_file():
            raise ImageProblem(f"file not found: {logo.path.name}")
        page.logo = page.picture(block)
    except ImageProblem as exc:
        page.warnings.append(f"the theme's logo is not included ({exc})")
        return
    page.logo_alt = logo.alt.strip()
    if not page.logo_alt:
        page.warnings.append(f"the theme's logo ({logo.path.name}) has no alt text, so it is "
                             "shown as decoration; give it one in the theme")


# ---- the handlers ---------------------------------------------------------------------------


def masthead(page: HtmlPage, block: b.Masthead) -> None:
    logo = ""
    if page.logo is not None:
        logo = (f'<img class="logo" src="{esc(page.logo.src)}" alt="{esc(page.logo_alt)}" '
                f'width="{page.logo.width}" height="{page.logo.height}">')
    lines = [f"<h1>{esc(block.title or 'Bulletin')}</h1>"]
    if block.strapline:
        lines.append(f'<p class="strapline">{esc(block.strapline)}</p>')
    if block.edition_line:
        lines.append(f'<p class="edition">{esc(block.edition_line)}</p>')
    page.header = (f'<header class="masthead"><div class="wrap">{logo}{"".join(lines)}'
                    "</div></header>")


def contents_list(block: b.Contents) -> str:
    """The contents as a list of sections, each with its articles' list; each line a link."""
    parts = ["<ul>"]
    open_sub = False
    for n, entry in enumerate(block.entries):
        target = link(f"#{entry.anchor}", esc(entry.title or "(untitled)"))
        if entry.level == 1 or n == 0:
            if open_sub:
                parts.append("</ul>")
                open_sub = False
            if n:
                parts.append("</li>")
            parts.append(f"<li>{target}")
        else:
            if not open_sub:
                parts.append("<ul>")
                open_sub = True
            parts.append(f"<li>{target}</li>")
    parts.append("</ul>" if open_sub else "")
    parts.append("</li></ul>" if block.entries else "</ul>")
    return "".join(parts)


def contents(page: HtmlPage, block: b.Contents) -> None:
    if not block.entries:
        return
    page.nav = ('<nav class="contents" aria-labelledby="contents-title">'
                f'<p class="contents-title" id="contents-title">{esc(block.title)}</p>'
                f"{contents_list(block)}</nav>")


def section_banner(page: HtmlPage, block: b.SectionBanner) -> None:
    page.add(f'<section class="section" id="{esc(block.anchor)}" '
             f'aria-labelledby="{esc(block.anchor)}-title">'
             f'<h2 id="{esc(block.anchor)}-title">{esc(block.title)}</h2>')


def section_end(page: HtmlPage, block: b.SectionEnd) -> None:
    page.add("</section>")


def article_heading(page: HtmlPage, block: b.ArticleHeading) -> None:
    title = block.title or "(untitled)"
    page.article_titles[block.article_id] = title
    parts = [f'<article id="{esc(block.anchor)}" aria-labelledby="{esc(block.anchor)}-title">',
             f'<h3 id="{esc(block.anchor)}-title">{esc(title)}</h3>']
    if block.standfirst.strip():
        parts.append(f'<p class="standfirst">{esc(block.standfirst)}</p>')
    page.add("".join(parts))


def article_end(page: HtmlPage, block: b.ArticleEnd) -> None:
    page.add("</article>")


def paragraph(page: HtmlPage, block: b.ParagraphBlock) -> None:
    cls = ' class="intro"' if block.role == "intro" else ""
    page.add(f"<p{cls}>{runs_html(block.runs)}</p>")


def subheading(page: HtmlPage, block: b.SubHeading) -> None:
    # Article titles are h3, so a body's sub-headings start at h4.
    level = min(block.level + 1, 6)
    page.add(f"<h{level}>{runs_html(block.runs)}</h{level}>")


def list_block(page: HtmlPage, block: b.ListBlock) -> None:
    if block.items:
        page.add(list_html(block.items, block.ordered, block.start))


def pull_quote(page: HtmlPage, block: b.PullQuoteBlock) -> None:
    by = ""
    if block.attribution.strip():
        by = f"<figcaption>\u2014 {esc(block.attribution)}</figcaption>"
    page.add(f'<figure class="pull-quote"><blockquote><p>\u201c{esc(block.text)}\u201d</p>'
             f"</blockquote>{by}</figure>")


def contact_lines(contact: Contact) -> list[str]:
    """One contact's lines as HTML: name, role and organisation, email link, phone link."""
    lines: list[str] = []
    if contact.name:
        lines.append(f"<strong>{esc(contact.name)}</strong>")
    role = ", ".join(x for x in (contact.role, contact.organisation) if x)
    if role:
        lines.append(esc(role))
    if contact.email:
        lines.append(link(mailto_href(contact.email), esc(contact.email)))
    if contact.phone:
        lines.append("Tel: " + link(tel_href(contact.phone), esc(contact.phone)))
    return lines


def contact_block(page: HtmlPage, block: b.ContactBlock) -> None:
    people = [contact_lines(c) for c in block.contacts]
    people = [p for p in people if p]
    if not people:
        return
    ident = page.new_id("contacts")
    body = "".join(f"<address>{'<br>'.join(lines)}</address>" for lines in people)
    page.add(f'<div class="contacts" role="group" aria-labelledby="{ident}">'
             f'<p class="box-title" id="{ident}">{esc(block.heading)}</p>{body}</div>')


def statistic(page: HtmlPage, block: b.StatisticBlock) -> None:
    ident = page.new_id("statistic")
    label = f'<p class="label">{esc(block.label)}</p>' if block.label.strip() else ""
    page.add(f'<aside class="statistic" aria-labelledby="{ident}">'
             f'<p class="figure" id="{ident}">{esc(block.value)}</p>{label}</aside>')


def sidebar(page: HtmlPage, block: b.SidebarBlock) -> None:
    if not (block.title.strip() or block.items):
        return
    items = "".join(f"<li>{esc(item)}</li>" for item in block.items)
    items = f"<ul>{items}</ul>" if items else ""
    if not block.title.strip():  # named for screen readers only, as the PDF shows no title
        page.add(f'<aside class="sidebar" aria-label="Sidebar">{items}</aside>')
        return
    ident = page.new_id("sidebar")
    page.add(f'<aside class="sidebar" aria-labelledby="{ident}">'
             f'<p class="box-title" id="{ident}">{esc(block.title)}</p>{items}</aside>')


def picture_or_problem(page: HtmlPage, block: b.ImageBlock) -> Picture | None:
    """The placed picture, or None with a warning naming the article."""
    problem = block.problem
    placed = None
    if not problem:
        try:
            placed = page.picture(block)
        except ImageProblem as exc:
            problem = str(exc)
    if placed is None:
        title = page.article_titles.get(block.origin.article_id or "", "")
        where = f" in '{title}'" if title else ""
        page.warnings.append(f"picture{where} not included ({problem}); its alt text is shown")
    return placed


def alt_of(block: b.ImageBlock) -> str:
    """The alt text a reader's screen reader hears: none at all for a decorative picture."""
    return "" if block.decorative else block.alt


def image(page: HtmlPage, block: b.ImageBlock) -> None:
    placed = picture_or_problem(page, block)
    caption = f"<figcaption>{esc(block.caption)}</figcaption>" if block.caption.strip() else ""
    if placed is None:
        shown = f'<p class="missing-picture">Picture not available: {esc(block.alt)}</p>'
    else:
        shown = (f'<img src="{esc(placed.src)}" alt="{esc(alt_of(block))}" '
                 f'width="{placed.width}" height="{placed.height}">')
    page.add(f"<figure>{shown}{caption}</figure>")


HANDLERS: dict[type[b.Block], Callable[[HtmlPage, Any], None]] = {
    b.Masthead: masthead,
    b.Contents: contents,
    b.SectionBanner: section_banner,
    b.SectionEnd: section_end,
    b.ArticleHeading: article_heading,
    b.ArticleEnd: article_end,
    b.ParagraphBlock: paragraph,
    b.SubHeading: subheading,
    b.ListBlock: list_block,
    b.PullQuoteBlock: pull_quote,
    b.ContactBlock: contact_block,
    b.StatisticBlock: statistic,
    b.SidebarBlock: sidebar,
    b.ImageBlock: image,
}
