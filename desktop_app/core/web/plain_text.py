"""The email's plain-text part: the whole bulletin as text that reads well on its own.

Lines are wrapped at 72 characters; headings are underlined, sections in capitals; a link's
address follows its words in brackets; pictures are their alt text. Mail programs that show
no HTML (and readers who choose text) get every article's words.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import blocks as b
from ..markup import Run, link_groups

WIDTH = 72


def runs_text(runs: list[Run]) -> str:
    """Inline runs as text: a link's address in brackets after its words."""
    out: list[str] = []
    for href, group in link_groups(runs):
        words = "".join(r.text for r in group)
        if href:
            shown = href.removeprefix("mailto:")
            if shown.strip() != words.strip():
                words = f"{words} ({shown})"
        out.append(words)
    return "".join(out)


def wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    """Text wrapped to the width, keeping its own line breaks; long words are never split."""
    lines: list[str] = []
    lead = indent if first is None else first
    for n, part in enumerate(text.split("\n")):
        wrapped = textwrap.wrap(part, WIDTH, initial_indent=lead if n == 0 else indent,
                                subsequent_indent=indent, break_long_words=False,
                                break_on_hyphens=False) or [indent.rstrip()]
        lines.extend(wrapped)
    return lines


@dataclass
class TextPage:
    """The lines of the plain-text part, as the handlers add them."""

    lines: list[str] = field(default_factory=list)

    def para(self, lines: list[str]) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.lines.extend(lines)

    def text(self) -> str:
        return "\n".join(self.lines).strip() + "\n"


def masthead(page: TextPage, block: b.Masthead) -> None:
    title = block.title or "Bulletin"
    page.para([title.upper(), "=" * min(len(title), WIDTH)])
    page.para([x for x in (block.strapline, block.edition_line) if x])


def contents(page: TextPage, block: b.Contents) -> None:
    if not block.entries:
        return
    lines = [block.title.upper()]
    for entry in block.entries:
        lines.extend(wrap(entry.title, "    " if entry.level == 2 else "  ",
                          "  - " if entry.level == 2 else "* "))
    page.para(lines)


def section_banner(page: TextPage, block: b.SectionBanner) -> None:
    page.para(["#" * WIDTH, block.title.upper(), "#" * WIDTH])


def section_end(page: TextPage, block: b.SectionEnd) -> None:
    """Nothing: the next section's banner (or the end) shows where a section stops."""


def article_heading(page: TextPage, block: b.ArticleHeading) -> None:
    title = block.title or "(untitled)"
    page.para([*wrap(title), "-" * min(len(title), WIDTH)])
    if block.standfirst.strip():
        page.para(wrap(block.standfirst))


def article_end(page: TextPage, block: b.ArticleEnd) -> None:
    """Nothing: the next heading shows where an article stops."""


def paragraph(page: TextPage, block: b.ParagraphBlock) -> None:
    page.para(wrap(runs_text(block.runs)))


def subheading(page: TextPage, block: b.SubHeading) -> None:
    text = runs_text(block.runs)
    page.para([*wrap(text), "~" * min(len(text), WIDTH)])


def list_block(page: TextPage, block: b.ListBlock) -> None:
    lines: list[str] = []
    number = block.start
    for item in block.items:
        indent = "   " * item.level
        if block.ordered and item.level == 0:
            mark = f"{number}. "
            number += 1
        else:
            mark = "* " if item.level == 0 else "- "
        lines.extend(wrap(runs_text(item.runs), indent + " " * len(mark), indent + mark))
    page.para(lines)


def pull_quote(page: TextPage, block: b.PullQuoteBlock) -> None:
    lines = wrap(f"\u201c{block.text}\u201d", "    ", "    ")
    if block.attribution.strip():
        lines.extend(wrap(f"\u2014 {block.attribution}", "      ", "    "))
    page.para(lines)


def contact_block(page: TextPage, block: b.ContactBlock) -> None:
    lines = [block.heading]
    for contact in block.contacts:
        person = [x for x in (contact.name,
                              ", ".join(y for y in (contact.role, contact.organisation) if y))
                  if x]
        if contact.email:
            person.append(contact.email)
        if contact.phone:
            person.append(f"Tel: {contact.phone}")
        for line in person:
            lines.extend(wrap(line, "    ", "  "))
        lines.append("")
    page.para(lines[:-1] if lines[-1] == "" else lines)


def statistic(page: TextPage, block: b.StatisticBlock) -> None:
    text = f"{block.value} \u2013 {block.label}" if block.label.strip() else block.value
    page.para(wrap(text, "  ", "  >> "))


def sidebar(page: TextPage, block: b.SidebarBlock) -> None:
    lines = [f"[ {block.title} ]"] if block.title.strip() else []
    for item in block.items:
        lines.extend(wrap(item, "    ", "  * "))
    if lines:
        page.para(lines)


def image(page: TextPage, block: b.ImageBlock) -> None:
    lines: list[str] = []
    if block.alt.strip() and not block.decorative:
        lines.extend(wrap(f"[Picture: {block.alt.strip()}]"))
    if block.caption.strip():
        lines.extend(wrap(block.caption))
    if lines:
        page.para(lines)


TEXT_HANDLERS: dict[type[b.Block], Callable[[TextPage, Any], None]] = {
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
