"""GOV.UK markup: the bulletin as govspeak, ready to paste into GOV.UK's publisher.

The page's title and summary are typed into the publisher's own fields, which also make the
page's ``h1`` and its contents list, so the body starts at ``##``: a section is ``##``, an
article ``###``, a body's sub-heading ``####``. Contacts become ``$C`` blocks, statistics
information callouts (``^…^``), sidebars ``$CTA`` blocks, pull quotes block quotes. Pictures
are ``[Image: file.png]`` lines; the publisher takes each picture's alt text when it is
uploaded, so a comment at the top (which GOV.UK does not show) lists each file with its alt
text and caption.

Contributor text is escaped: HTML is shown as text, and Markdown and govspeak's own markers
(``$C``, ``^``, ``%``, ``@``) lose their meaning. Only http, https and mailto links are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import blocks as b
from .blocks import handler_for
from .layout import build_blocks
from .markup import Run, link_groups, safe_href
from .model import Issue
from .output import check_file, save_file

Progress = Callable[[int, int], None]

WHAT = "govspeak file"
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MARKDOWN = re.compile(r"([\\`*_\[\]{}|])")
_LINE_START = re.compile(r"^(\s*)([#>+=:~\-]|\d+[.)]|[%@^$])", re.MULTILINE)
_GOVSPEAK_MARKS = str.maketrans({"$": "&#36;", "^": "&#94;"})


def esc(text: str) -> str:
    """Contributor text as govspeak that shows exactly that text."""
    text = _ENTITY_LIKE.sub("&amp;", text or "")
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN.sub(r"\\\1", text)
    text = text.translate(_GOVSPEAK_MARKS)
    # A line may not start a heading, list, quote or callout of its own.
    return _LINE_START.sub(lambda m: m.group(1) + _neutral(m.group(2)), text)


def _neutral(mark: str) -> str:
    if mark[0].isdigit():
        return mark[:-1] + "\\" + mark[-1]
    return {"%": "&#37;", "@": "&#64;", "#": "\\#", ">": "&gt;", "+": "\\+", "=": "\\=",
            "-": "\\-", ":": "\\:", "~": "&#126;"}.get(mark, mark)


def href_text(url: str) -> str:
    """A link target that cannot end the link early."""
    return quote(url, safe=":/?#@!$&'*+,;=%-._~")


def runs_govspeak(runs: list[Run]) -> str:
    """Inline runs as govspeak: bold, italic, links; a line break as two spaces and a newline."""
    out: list[str] = []
    for href, group in link_groups(runs):
        inner = "".join(_run(r) for r in group)
        out.append(f"[{inner}]({href_text(href)})" if href and inner.strip() else inner)
    return "".join(out)


def _run(run: Run) -> str:
    text = esc(run.text)
    if not text.strip():
        return text
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    core = text.strip()
    if run.italic:
        core = f"*{core}*"
    if run.bold:
        core = f"**{core}**"
    return (lead + core + trail).replace("\n", "  \n")


@dataclass
class GovspeakPage:
    """The paragraphs of the govspeak file, and the pictures it refers to."""

    parts: list[str] = field(default_factory=list)
    pictures: list[tuple[str, str, str]] = field(default_factory=list)  # file, alt, caption
    title: str = ""
    summary: str = ""

    def add(self, text: str) -> None:
        self.parts.append(text.strip("\n"))

    def text(self) -> str:
        head = ["{::comment}",
                "Paste everything below this comment into the publisher's body field.",
                f"Title: {self.title}"]
        if self.summary:
            head.append(f"Summary: {self.summary}")
        if self.pictures:
            head.append("Pictures to upload first (from the issue's images folder), "
                        "with their alt text:")
            for name, alt, caption in self.pictures:
                line = f"- {name}: alt text \u201c{alt}\u201d" if alt else \
                    f"- {name}: decorative, no alt text"
                head.append(line + (f"; caption \u201c{caption}\u201d" if caption else ""))
        # Text inside the comment must not end it early ("{:/}" closes it), nor become
        # markup if someone pastes the comment too.
        head = [head[0], *(h.replace("{:", "{ :").replace("<", "&lt;").replace(">", "&gt;")
                           for h in head[1:]), "{:/comment}"]
        return "\n".join(head) + "\n\n" + "\n\n".join(p for p in self.parts if p) + "\n"


def masthead(page: GovspeakPage, block: b.Masthead) -> None:
    """Not in the body: the publisher's title and summary fields hold it (see the comment)."""
    page.title = " \u2013 ".join(x for x in (block.title, block.edition_line) if x)
    page.summary = block.strapline


def contents(page: GovspeakPage, block: b.Contents) -> None:
    """Nothing: GOV.UK builds a page's contents list from its ``##`` headings."""


def section_banner(page: GovspeakPage, block: b.SectionBanner) -> None:
    page.add(f"## {esc(block.title)}")


def section_end(page: GovspeakPage, block: b.SectionEnd) -> None:
    """Nothing: the next ``##`` starts the next section."""


def article_heading(page: GovspeakPage, block: b.ArticleHeading) -> None:
    page.add(f"### {esc(block.title or '(untitled)')}")
    if block.standfirst.strip():
        page.add(f"**{esc(block.standfirst.strip())}**")


def article_end(page: GovspeakPage, block: b.ArticleEnd) -> None:
    """Nothing: the next heading starts the next article."""


def paragraph(page: GovspeakPage, block: b.ParagraphBlock) -> None:
    text = runs_govspeak(block.runs).strip()
    if text:
        page.add(text)


def subheading(page: GovspeakPage, block: b.SubHeading) -> None:
    level = min(block.level + 1, 6)
    page.add(f"{'#' * level} {runs_govspeak(block.runs).strip()}")


def list_block(page: GovspeakPage, block: b.ListBlock) -> None:
    lines: list[str] = []
    number = block.start
    for item in block.items:
        indent = "    " * item.level
        if block.ordered and item.level == 0:
            mark = f"{number}."
            number += 1
        else:
            mark = "*"
        lines.append(f"{indent}{mark} {runs_govspeak(item.runs).strip()}")
    page.add("\n".join(lines))


def pull_quote(page: GovspeakPage, block: b.PullQuoteBlock) -> None:
    lines = [f"> \u201c{esc(block.text)}\u201d"]
    if block.attribution.strip():
        lines += [">", f"> \u2014 {esc(block.attribution)}"]
    page.add("\n".join(line.replace("\n", " ") for line in lines))


def contact_block(page: GovspeakPage, block: b.ContactBlock) -> None:
    page.add(esc(block.heading))
    for contact in block.contacts:
        lines: list[str] = []
        if contact.name:
            lines.append(f"**{esc(contact.name)}**")
        role = ", ".join(x for x in (contact.role, contact.organisation) if x)
        if role:
            lines.append(esc(role))
        if contact.email:
            href = safe_href(f"mailto:{contact.email.strip()}")
            shown = esc(contact.email.strip())
            lines.append(f"[{shown}]({href_text(href)})" if href else shown)
        if contact.phone:
            lines.append(f"Telephone: {esc(contact.phone)}")
        if lines:
            page.add("$C\n" + "\n".join(lines) + "\n$C")


def statistic(page: GovspeakPage, block: b.StatisticBlock) -> None:
    text = f"**{esc(block.value)}**"
    if block.label.strip():
        text += f" {esc(block.label)}"
    page.add(f"^{text.replace(chr(10), ' ')}^")


def sidebar(page: GovspeakPage, block: b.SidebarBlock) -> None:
    lines = [f"**{esc(block.title)}**"] if block.title.strip() else []
    if block.items:
        lines.append("")
        lines += [f"* {esc(item)}" for item in block.items]
    if lines:
        page.add("$CTA\n" + "\n".join(lines) + "\n$CTA")


def image(page: GovspeakPage, block: b.ImageBlock) -> None:
    name = Path(block.path).name
    alt = "" if block.decorative else block.alt.strip()
    page.pictures.append((name, alt, block.caption.strip()))
    page.add(f"[Image: {name}]")
    if block.caption.strip():
        page.add(f"*{esc(block.caption.strip())}*")


HANDLERS: dict[type[b.Block], Callable[[GovspeakPage, Any], None]] = {
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


def govspeak_text(issue: Issue, folder: Path | str, *,
                  progress: Progress | None = None) -> str:
    """The whole bulletin as govspeak."""
    page = GovspeakPage()
    blocks = build_blocks(issue, Path(folder))
    for i, block in enumerate(blocks):
        handler_for(HANDLERS, block)(page, block)
        if progress is not None:
            progress(i + 1, len(blocks))
    return page.text()


def write_govspeak(issue: Issue, folder: Path | str, out: Path | str, *,
                   progress: Progress | None = None) -> list[str]:
    """Write the govspeak file to ``out`` atomically; returns warnings (none so far)."""
    out = check_file(out, WHAT)
    save_file(out, govspeak_text(issue, folder, progress=progress).encode("utf-8"), WHAT)
    return []
