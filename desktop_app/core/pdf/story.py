"""The intermediate blocks turned into Platypus flowables; nothing else is read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph

from .. import blocks as b
from ..blocks import handler_for
from ..images import ImageProblem, check_image
from ..markup import safe_href
from ..model import Contact
from ..theme import Theme
from .columns import ColumnFlow
from .flowables import (
    ArticleHead,
    Banner,
    Box,
    ContentsLine,
    Figure,
    Masthead,
    PullQuote,
    traced,
)
from .fonts import FontSet, runs_markup, text_markup
from .styles import Palette, Styles

COLUMN_GAP = 18


@dataclass
class StoryContext:
    """Everything the flowable makers share while turning one bulletin's blocks into a story."""

    theme: Theme
    fonts: FontSet
    colours: Palette
    styles: Styles
    body_height: float
    on_draw: Callable[[Flowable], None] | None = None
    warnings: list[str] = field(default_factory=list)
    article_titles: dict[str, str] = field(default_factory=dict)
    banners: int = 0  # section banners so far: they alternate in the house colours

    def text(self, text: str) -> str:
        return text_markup(text, self.fonts)

    def para(self, text: str, style_name: str) -> Paragraph:
        return Paragraph(self.text(text), getattr(self.styles, style_name))


def build_story(blocks: list[b.Block], ctx: StoryContext) -> list[Flowable]:
    """Top-level flowables: masthead, contents, then one column flow per section."""
    story: list[Flowable] = []
    section: list[Flowable] | None = None
    banner: Flowable | None = None
    for index, block in enumerate(blocks):
        made = handler_for(HANDLERS, block)(block, ctx)
        for flowable in made:
            _tag(flowable, block, index)
        if isinstance(block, b.SectionBanner):
            banner, section = made[0], []
            continue
        if isinstance(block, b.SectionEnd):
            if section is not None:
                flow = ColumnFlow(section, ctx.theme.columns, COLUMN_GAP, head=banner,
                                  on_draw=ctx.on_draw, min_start=4 * ctx.styles.body.leading,
                                  space_after=16, full_height=ctx.body_height)
                # The whole section, banner to end, is one flow: it answers for the section.
                traced(flow, b.Origin(section_id=block.section_id), "section")
                story.append(flow)
            section, banner = None, None
            continue
        if section is not None:
            section.extend(made)
        else:
            story.extend(made)
    return story


def _tag(flowable: Flowable, block: b.Block, index: int) -> None:
    traced(flowable, block.origin, block.kind)
    flowable._bulletin_index = index  # type: ignore[attr-defined]
    if isinstance(flowable, ColumnFlow):
        # The contents box: its title and lines are drawn from the same block.
        for inner in [flowable.head, *flowable.content]:
            if inner is not None and not hasattr(inner, "_bulletin_origin"):
                _tag(inner, block, index)


def _masthead(block: b.Masthead, ctx: StoryContext) -> list[Flowable]:
    c = ctx.colours
    return [Masthead(ctx.para(block.title, "masthead_title"),
                     ctx.para(block.strapline, "masthead_strap"),
                     ctx.para(block.edition_line, "masthead_edition"),
                     fill=c.primary, stripes=(c.accent, c.highlight))]


def _contents(block: b.Contents, ctx: StoryContext) -> list[Flowable]:
    if not block.entries:
        return []
    s = ctx.styles
    lines: list[Flowable] = []
    for entry in block.entries:
        style = "contents_section" if entry.level == 1 else "contents_article"
        lines.append(ContentsLine(
            ctx.para(entry.title, style), entry.anchor, number_font=ctx.fonts.bold,
            number_size=getattr(s, style).fontSize, number_colour=ctx.colours.primary,
            keep_with_next=entry.level == 1,
        ))
    head = Paragraph(ctx.text(block.title), s.contents_title)
    return [ColumnFlow(lines, 2, 22, head=head, fill=ctx.colours.tint, pad=12,
                       on_draw=ctx.on_draw, min_start=5 * s.contents_article.leading,
                       space_after=18, full_height=ctx.body_height)]


def _banner(block: b.SectionBanner, ctx: StoryContext) -> list[Flowable]:
    c = ctx.colours
    fill, rule = (c.primary, c.highlight) if ctx.banners % 2 == 0 else (c.accent, c.highlight)
    ctx.banners += 1
    return [Banner(ctx.para(block.title, "banner"), fill, rule, block.anchor, block.title)]


def _drawn_by_section(block: b.SectionEnd | b.ArticleEnd, ctx: StoryContext) -> list[Flowable]:
    """Nothing of its own: ``build_story`` closes the section's column flow at its end, and an
    article ends where its last block does."""
    return []


def _article_heading(block: b.ArticleHeading, ctx: StoryContext) -> list[Flowable]:
    s = ctx.styles
    ctx.article_titles[block.article_id] = block.title
    standfirst = ctx.para(block.standfirst, "standfirst") if block.standfirst.strip() else None
    return [ArticleHead(ctx.para(block.title or "(untitled)", "article_title"), standfirst,
                        ctx.colours.accent, block.anchor, block.title or "(untitled)",
                        space_before=s.body.leading * 1.6)]


def _paragraph(block: b.ParagraphBlock, ctx: StoryContext) -> list[Flowable]:
    style = {"welcome": "welcome", "intro": "intro"}.get(block.role, "body")
    para = Paragraph(runs_markup(block.runs, ctx.fonts, ctx.colours.primary_hex),
                     getattr(ctx.styles, style))
    if block.text.rstrip().endswith(":"):
        # "The review also found that:" belongs with the list it introduces.
        para.keepWithNext = 1
    return [para]


def _subheading(block: b.SubHeading, ctx: StoryContext) -> list[Flowable]:
    return [Paragraph(runs_markup(block.runs, ctx.fonts, ctx.colours.primary_hex),
                      ctx.styles.subheading)]


def _list(block: b.ListBlock, ctx: StoryContext) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = []
    numbers: dict[int, int] = {}
    for item in block.items:
        level = min(item.level, 3)
        for deeper in [k for k in numbers if k > level]:
            del numbers[deeper]
        if block.ordered and level == 0:
            numbers[0] = numbers.get(0, block.start - 1) + 1
            bullet = f"{numbers[0]}."
        else:
            bullet = "\u2022" if level == 0 else "\u2013"
        style = s.bullet.clone(f"Bullet{level}", leftIndent=s.bullet.leftIndent + 11 * level,
                               bulletIndent=s.bullet.bulletIndent + 11 * level)
        out.append(Paragraph(runs_markup(item.runs, ctx.fonts, ctx.colours.primary_hex),
                             style, bulletText=bullet))
    if out:
        out[-1].style = out[-1].style.clone("BulletLast", spaceAfter=s.body.spaceAfter)
    return out


def _pull_quote(block: b.PullQuoteBlock, ctx: StoryContext) -> list[Flowable]:
    quote = ctx.para(block.text, "quote")
    by = ctx.para(block.attribution, "quote_by") if block.attribution.strip() else None
    return [PullQuote(quote, by, ctx.colours.accent, ctx.fonts.display)]


def contact_markup(contact: Contact, ctx: StoryContext) -> str:
    """One contact as lines: name, role, organisation, email (a mailto link), phone."""
    lines: list[str] = []
    if contact.name:
        lines.append(f"<b>{ctx.text(contact.name)}</b>")
    for value in (contact.role, contact.organisation):
        if value:
            lines.append(ctx.text(value))
    if contact.email:
        href = safe_href(f"mailto:{contact.email}")
        shown = ctx.text(contact.email)
        if href:
            from .fonts import href_attr
            shown = (f'<a href="{href_attr(href)}" color="{ctx.colours.primary_hex}" '
                     f'underline="1">{shown}</a>')
        lines.append(shown)
    if contact.phone:
        lines.append(ctx.text(contact.phone))
    return "<br/>".join(lines)


def _contact_block(block: b.ContactBlock, ctx: StoryContext) -> list[Flowable]:
    s = ctx.styles
    text = s.box_text.clone("ContactText", spaceAfter=6)
    parts: list[Flowable] = [Paragraph(ctx.text(block.heading), s.box_title)]
    parts.extend(Paragraph(contact_markup(c, ctx), text) for c in block.contacts)
    if len(parts) == 1:
        return []
    return [Box(parts, fill=ctx.colours.tint, bar=ctx.colours.primary, splittable=True)]


def _statistic(block: b.StatisticBlock, ctx: StoryContext) -> list[Flowable]:
    parts: list[Flowable] = [ctx.para(block.value, "stat_value")]
    if block.label.strip():
        parts.append(ctx.para(block.label, "stat_label"))
    return [Box(parts, top_rule=ctx.colours.highlight, fill=None, pad=6, splittable=False,
                space=10)]


def _sidebar(block: b.SidebarBlock, ctx: StoryContext) -> list[Flowable]:
    s = ctx.styles
    item_style = s.bullet.clone("SidebarItem", fontSize=s.box_text.fontSize,
                                leading=s.box_text.leading)
    parts: list[Flowable] = []
    if block.title.strip():
        parts.append(ctx.para(block.title, "box_title"))
    parts.extend(Paragraph(ctx.text(item), item_style, bulletText="\u2022")
                 for item in block.items)
    if not parts:
        return []
    return [Box(parts, fill=ctx.colours.tint, bar=ctx.colours.accent, splittable=True)]


def _image(block: b.ImageBlock, ctx: StoryContext) -> list[Flowable]:
    problem = block.problem
    size: tuple[int, int] | None = None
    if not problem:
        try:
            _, width, height = check_image(block.path)
            # reportlab reads the file again when drawing; make sure it can.
            ImageReader(str(block.path)).getSize()
            size = (width, height)
        except ImageProblem as exc:
            problem = str(exc)
        except Exception as exc:  # noqa: BLE001 - any decoder failure is a damaged picture
            problem = f"{Path(block.path).name}: damaged picture ({type(exc).__name__})"
    caption = ctx.para(block.caption, "caption") if block.caption.strip() else None
    placeholder = None
    if problem:
        title = ctx.article_titles.get(block.origin.article_id or "", "")
        where = f" in '{title}'" if title else ""
        ctx.warnings.append(f"picture{where} not drawn ({problem}); a placeholder is printed")
        text = "<b>Picture not available</b>"
        if block.alt.strip():
            text += f"<br/>{ctx.text(block.alt.strip())}"
        placeholder = Paragraph(text, ctx.styles.placeholder)
    return [Figure(str(block.path) if size else None, size, caption, placeholder,
                   ctx.colours.muted, max_height=ctx.body_height * 0.42)]


HANDLERS: dict[type[b.Block], Callable[[Any, StoryContext], list[Flowable]]] = {
    b.Masthead: _masthead,
    b.Contents: _contents,
    b.SectionBanner: _banner,
    b.SectionEnd: _drawn_by_section,
    b.ArticleHeading: _article_heading,
    b.ArticleEnd: _drawn_by_section,
    b.ParagraphBlock: _paragraph,
    b.SubHeading: _subheading,
    b.ListBlock: _list,
    b.PullQuoteBlock: _pull_quote,
    b.ContactBlock: _contact_block,
    b.StatisticBlock: _statistic,
    b.SidebarBlock: _sidebar,
    b.ImageBlock: _image,
}
