"""Build the export intermediate form (``blocks``) from an issue."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from . import blocks as b
from .markup import Heading, ListItem, Paragraph, Run, parse
from .markup import ListBlock as MdList
from .model import (
    Article,
    Callout,
    Contact,
    Image,
    Issue,
    Section,
    callout_kind,
)
from .storage import image_file

CONTACT_HEADING = "For more information contact:"
NOTES_HEADING = "Notes"
TEAM_HEADING = "Regional team contact details:"
CONTENTS_TITLE = "In this issue"
WELCOME_ID = "welcome"

# Characters XML 1.0 forbids, plus the other C0 controls: contributor text may carry them
# (pasted from anywhere) and no output should ever see them.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """Text with characters no document format allows taken out."""
    return _FORBIDDEN.sub("", text or "")


def section_anchor(section_id: str) -> str:
    return f"section-{section_id}"


def article_anchor(article_id: str) -> str:
    return f"article-{article_id}"


def exported_sections(issue: Issue) -> list[Section]:
    """Sections that print: those with articles, and Welcome when there is welcome text."""
    return [
        s for s in issue.sections
        if s.articles or (s.id == WELCOME_ID and (issue.welcome.strip() or issue.team_contacts))
        or s.intro.strip()
    ]


def build_blocks(issue: Issue, folder: Path | None = None) -> list[b.Block]:
    """The whole bulletin as an ordered list of blocks, ready for any writer."""
    folder = Path(folder) if folder is not None else Path.cwd()
    out: list[b.Block] = [
        b.Masthead(
            title=clean(issue.title),
            strapline=clean(issue.strapline),
            edition_line=clean(issue.edition_line),
            origin=b.Origin(field="masthead"),
        )
    ]
    sections = exported_sections(issue)
    has_welcome_section = any(s.id == WELCOME_ID for s in sections)
    entries: list[b.ContentsEntry] = []
    if not has_welcome_section and (issue.welcome.strip() or issue.team_contacts):
        entries.append(b.ContentsEntry(1, "Welcome", section_anchor(WELCOME_ID)))
    for section in sections:
        entries.append(b.ContentsEntry(1, clean(section.title), section_anchor(section.id)))
        for article in section.articles:
            entries.append(b.ContentsEntry(2, clean(article.title), article_anchor(article.id)))
    out.append(b.Contents(title=CONTENTS_TITLE, entries=entries,
                          origin=b.Origin(field="contents")))

    if not has_welcome_section and (issue.welcome.strip() or issue.team_contacts):
        out.extend(_welcome(issue))
    for section in sections:
        origin = b.Origin(section_id=section.id, field="title")
        out.append(b.SectionBanner(section_id=section.id, title=clean(section.title),
                                   anchor=section_anchor(section.id), origin=origin))
        if section.id == WELCOME_ID:
            out.extend(_welcome_body(issue))
        out.extend(_markup(section.intro, b.Origin(section_id=section.id, field="intro"), "intro"))
        for article in section.articles:
            out.extend(_article(article, section.id, folder))
        out.append(b.SectionEnd(section_id=section.id, origin=b.Origin(section_id=section.id)))
    return out


def _welcome(issue: Issue) -> list[b.Block]:
    """A Welcome banner and text for an issue whose editor removed the Welcome section."""
    origin = b.Origin(section_id=WELCOME_ID, field="title")
    return [
        b.SectionBanner(section_id=WELCOME_ID, title="Welcome",
                        anchor=section_anchor(WELCOME_ID), origin=origin),
        *_welcome_body(issue),
        b.SectionEnd(section_id=WELCOME_ID, origin=b.Origin(section_id=WELCOME_ID)),
    ]


def _welcome_body(issue: Issue) -> list[b.Block]:
    out = _markup(issue.welcome, b.Origin(section_id=WELCOME_ID, field="welcome"), "welcome")
    if issue.team_contacts:
        out.append(b.ContactBlock(
            heading=TEAM_HEADING,
            contacts=[_contact(c) for c in issue.team_contacts],
            origin=b.Origin(section_id=WELCOME_ID, field="team_contacts"),
        ))
    return out


def _article(article: Article, section_id: str, folder: Path) -> list[b.Block]:
    def origin(field: str, index: int | None = None) -> b.Origin:
        return b.Origin(section_id=section_id, article_id=article.id, field=field, index=index)

    out: list[b.Block] = [b.ArticleHeading(
        article_id=article.id, title=clean(article.title), standfirst=clean(article.standfirst),
        anchor=article_anchor(article.id), origin=origin("title"),
    )]
    body = _markup(article.body, origin("body"), "body")
    images = [
        _image(folder, image, origin("images", i))
        for i, image in enumerate(article.images)
    ]
    quotes = [
        b.PullQuoteBlock(text=clean(q.text), attribution=clean(q.attribution),
                         origin=origin("pull_quotes", i))
        for i, q in enumerate(article.pull_quotes) if q.text.strip()
    ]
    # Pictures follow the first paragraph; pull quotes are spread through the body, each
    # after a paragraph rather than inside a list, the way a designer places them.
    first_para = next((i for i, blk in enumerate(body) if blk.kind == "paragraph"), -1)
    slots: dict[int, list[b.Block]] = {}
    if images:
        slots.setdefault(first_para, []).extend(images)
    for k, quote in enumerate(quotes):
        at = round((k + 1) * len(body) / (len(quotes) + 1)) - 1
        at = max(at, first_para)
        # Never between a paragraph and the list it introduces ("Sessions covered:").
        while 0 <= at < len(body) - 1 and (
                body[at].kind != "paragraph" or body[at + 1].kind == "list"):
            at += 1
        slots.setdefault(min(at, len(body) - 1), []).append(quote)
    out.extend(slots.get(-1, []))
    for i, blk in enumerate(body):
        out.append(blk)
        out.extend(slots.get(i, []))
    for i, callout in enumerate(article.callouts):
        out.append(callout_block(callout, origin("callouts", i)))
    if article.contacts:
        out.append(b.ContactBlock(heading=CONTACT_HEADING,
                                  contacts=[_contact(c) for c in article.contacts],
                                  origin=origin("contacts")))
    out.extend(_notes(article.notes, origin("notes")))
    out.append(b.ArticleEnd(article_id=article.id, origin=origin("")))
    return out


def _notes(notes: list[str], origin: b.Origin) -> list[b.Block]:
    """Footnotes and endnotes: a "Notes" sub-heading and a numbered list, which every writer
    already prints; the text refers to note n as "[n]", so the numbers must not be skipped."""
    items: list[ListItem] = []
    for note in notes:
        runs: list[Run] = []
        for blk in parse(clean(note)).blocks:
            found = blk.runs if isinstance(blk, (Paragraph, Heading)) else [
                r for item in blk.items for r in item.runs]
            if runs and found:
                runs.append(Run(" "))
            runs.extend(r for r in found if r.text != "\n")
        items.append(ListItem(runs=runs or [Run("")], level=0))
    if not items:
        return []
    return [b.SubHeading(runs=[Run(NOTES_HEADING)], level=3, origin=origin),
            b.ListBlock(ordered=True, items=items, origin=origin)]


# The block for each callout kind declared in the model (a test checks none is missing).
CALLOUT_BLOCKS: dict[str, Callable[[Callout, b.Origin], b.Block]] = {
    "statistic": lambda c, o: b.StatisticBlock(value=clean(c.value), label=clean(c.label),
                                               origin=o),
    "sidebar": lambda c, o: b.SidebarBlock(title=clean(c.title),
                                           items=[clean(x) for x in c.items if x.strip()],
                                           origin=o),
}

def callout_block(callout: Callout, origin: b.Origin) -> b.Block:
    """The intermediate-form block for a callout; KeyError for an undeclared kind."""
    return CALLOUT_BLOCKS[callout_kind(callout).kind](callout, origin)


def _markup(text: str, origin: b.Origin, role: str) -> list[b.Block]:
    out: list[b.Block] = []
    for blk in parse(clean(text)).blocks:
        if isinstance(blk, Paragraph):
            out.append(b.ParagraphBlock(runs=blk.runs, role=role, origin=origin))
        elif isinstance(blk, Heading):
            out.append(b.SubHeading(runs=blk.runs, level=max(3, blk.level), origin=origin))
        elif isinstance(blk, MdList):
            items = [ListItem(runs=list(i.runs), level=i.level) for i in blk.items]
            out.append(b.ListBlock(ordered=blk.ordered, items=items, start=blk.start,
                                   origin=origin))
    return out


def _contact(contact: Contact) -> Contact:
    return Contact(
        name=clean(contact.name).strip(), role=clean(contact.role).strip(),
        organisation=clean(contact.organisation).strip(), email=clean(contact.email).strip(),
        phone=clean(contact.phone).strip(),
    )


def _image(folder: Path, image: Image, origin: b.Origin) -> b.ImageBlock:
    rel = image.path
    path = image_file(folder, Image(path=rel))
    problem = ""
    if not rel:
        problem = "no file chosen"
    elif not path.is_file():
        problem = f"file not found: {rel}"
    return b.ImageBlock(path=path, alt=clean(image.alt), caption=clean(image.caption),
                        problem=problem, decorative=image.decorative, origin=origin)
