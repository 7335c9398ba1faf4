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
    Logo,
    Masthead,
    PullQuote,
    traced,
)
from .fonts import FontSet, href_attr, runs_markup, text_markup
from .styles import Palette, Styles
from .tagging import Node, StructTree, tag

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
    tree: StructTree = field(default_factory=StructTree)
    # Pictures that are neither described nor decorative: the PDF cannot conform.
    undescribed: list[str] = field(default_factory=list)

    def text(self, text: str) -> str:
        return text_markup(text, self.fonts)

    def para(self, text: str, style_name: str, node: Node | None = None) -> Paragraph:
        """A paragraph of plain text whose words belong to ``node`` in the structure."""
        return tag(Paragraph(self.text(text), getattr(self.styles, style_name)), node)

    def runs_para(self, runs: list, style: object, node: Node,
                  bullet: str | None = None, label: Node | None = None) -> Paragraph:
        """A paragraph of inline runs; its links become Link elements under ``node``."""
        markup = self.tree.tag_links(runs_markup(runs, self.fonts, self.colours.primary_hex),
                                     node)
        return tag(Paragraph(markup, style, bulletText=bullet), node, label)


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
    c, tree = ctx.colours, ctx.tree
    tree.open("Div", heading_level=1)
    logo = _logo(ctx)
    # Without a title (validate says so) there is no H1: sections become the top level.
    has_title = bool(block.title.strip())
    tree.section_level = 2 if has_title else 1
    title = ctx.para(block.title, "masthead_title", tree.heading() if has_title else None)
    strap = ctx.para(block.strapline, "masthead_strap",
                     tree.add("P") if block.strapline.strip() else None)
    edition = ctx.para(block.edition_line, "masthead_edition",
                       tree.add("P") if block.edition_line.strip() else None)
    tree.close("Div")
    return [Masthead(title, strap, edition, fill=c.primary, stripes=(c.accent, c.highlight),
                     logo=logo)]


def _logo(ctx: StoryContext) -> Logo | None:
    """The theme's logo, as a Figure in the masthead; a warning if it cannot be drawn."""
    logo = ctx.theme.logo
    if logo is None:
        return None
    size, problem = load_picture(logo.path) if logo.path.is_file() else (
        None, f"file not found: {logo.path.name}")
    if problem or size is None:
        ctx.warnings.append(f"the theme's logo is not drawn ({problem})")
        return None
    alt = logo.alt.strip()
    if not alt:
        ctx.undescribed.append(f"the theme's logo ({logo.path.name})")
    return Logo(str(logo.path), size, ctx.tree.add("Figure", alt=alt or None))


def _contents(block: b.Contents, ctx: StoryContext) -> list[Flowable]:
    if not block.entries:
        return []
    s, tree = ctx.styles, ctx.tree
    tree.open("Sect", heading_level=tree.section_level)
    head = ctx.para(block.title, "contents_title", tree.heading())
    toc = tree.add("TOC")
    section_item: Node | None = None
    articles: Node | None = None
    lines: list[Flowable] = []
    for entry in block.entries:
        style = "contents_section" if entry.level == 1 else "contents_article"
        if entry.level == 1:
            section_item, articles = tree.add("TOCI", toc), None
            item = section_item
        else:
            if articles is None:
                articles = tree.add("TOC", section_item or toc)
            item = tree.add("TOCI", articles)
        # The whole line is one link: its title, its page number and its annotation.
        link = tree.add("Link", item, contents=entry.title)
        line = ContentsLine(
            ctx.para(entry.title, style, link), entry.anchor, number_font=ctx.fonts.bold,
            number_size=getattr(s, style).fontSize, number_colour=ctx.colours.primary,
            keep_with_next=entry.level == 1,
        )
        lines.append(tag(line, link))
    tree.close("Sect")
    return [ColumnFlow(lines, 2, 22, head=head, fill=ctx.colours.tint, pad=12,
                       on_draw=ctx.on_draw, min_start=5 * s.contents_article.leading,
                       space_after=18, full_height=ctx.body_height)]


def _banner(block: b.SectionBanner, ctx: StoryContext) -> list[Flowable]:
    c = ctx.colours
    fill, rule = (c.primary, c.highlight) if ctx.banners % 2 == 0 else (c.accent, c.highlight)
    ctx.banners += 1
    ctx.tree.close("Sect")
    ctx.tree.open("Sect", heading_level=ctx.tree.section_level)
    return [Banner(ctx.para(block.title, "banner", ctx.tree.heading()), fill, rule,
                   block.anchor, block.title)]


def _section_end(block: b.SectionEnd, ctx: StoryContext) -> list[Flowable]:
    """Nothing of its own: ``build_story`` closes the section's column flow at its end; the
    structure's Sect closes here."""
    ctx.tree.close("Sect")
    return []


def _article_end(block: b.ArticleEnd, ctx: StoryContext) -> list[Flowable]:
    """Nothing of its own: an article ends where its last block does, and so does its Art."""
    ctx.tree.close("Art")
    return []


def _article_heading(block: b.ArticleHeading, ctx: StoryContext) -> list[Flowable]:
    s, tree = ctx.styles, ctx.tree
    ctx.article_titles[block.article_id] = block.title
    tree.close("Art")
    tree.open("Art")
    title = ctx.para(block.title or "(untitled)", "article_title", tree.heading())
    standfirst = (ctx.para(block.standfirst, "standfirst", tree.add("P"))
                  if block.standfirst.strip() else None)
    return [ArticleHead(title, standfirst, ctx.colours.accent, block.anchor,
                        block.title or "(untitled)", space_before=s.body.leading * 1.6)]


def _paragraph(block: b.ParagraphBlock, ctx: StoryContext) -> list[Flowable]:
    style = {"welcome": "welcome", "intro": "intro"}.get(block.role, "body")
    para = ctx.runs_para(block.runs, getattr(ctx.styles, style), ctx.tree.add("P"))
    if block.text.rstrip().endswith(":"):
        # "The review also found that:" belongs with the list it introduces.
        para.keepWithNext = 1
    return [para]


def _subheading(block: b.SubHeading, ctx: StoryContext) -> list[Flowable]:
    # Markdown's ### is the first level under the article's own heading.
    node = ctx.tree.heading(1 + max(block.level - 3, 0))
    return [ctx.runs_para(block.runs, ctx.styles.subheading, node)]


def _list_items(tree: StructTree, parent: Node, levels: list[int]) -> list[tuple[Node, Node]]:
    """L/LI/Lbl/LBody for items at these nesting levels: (label, body) for each item.

    A deeper item opens a list inside the body of the item before it, placed after that
    body's own words when they are drawn.
    """
    out: list[tuple[Node, Node]] = []
    open_lists: list[tuple[int, Node]] = [(levels[0] if levels else 0, tree.add("L", parent))]
    for level in levels:
        while len(open_lists) > 1 and level < open_lists[-1][0]:
            open_lists.pop()
        if level > open_lists[-1][0] and out:
            open_lists.append((level, tree.add("L", out[-1][1], attached=False)))
        item = tree.add("LI", open_lists[-1][1])
        out.append((tree.add("Lbl", item), tree.add("LBody", item)))
    return out


def _list(block: b.ListBlock, ctx: StoryContext) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = []
    numbers: dict[int, int] = {}
    nodes = _list_items(ctx.tree, ctx.tree.current, [min(i.level, 3) for i in block.items])
    for item, (label, body) in zip(block.items, nodes, strict=True):
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
        out.append(ctx.runs_para(item.runs, style, body, bullet, label))
    if out:
        out[-1].style = out[-1].style.clone("BulletLast", spaceAfter=s.body.spaceAfter)
    return out


def _pull_quote(block: b.PullQuoteBlock, ctx: StoryContext) -> list[Flowable]:
    tree = ctx.tree
    group = tree.add("BlockQuote")
    quote = ctx.para(block.text, "quote", tree.add("P", group))
    by = (ctx.para(block.attribution, "quote_by", tree.add("P", group))
          if block.attribution.strip() else None)
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
            shown = (f'<a href="{href_attr(href)}" color="{ctx.colours.primary_hex}" '
                     f'underline="1">{shown}</a>')
        lines.append(shown)
    if contact.phone:
        lines.append(ctx.text(contact.phone))
    return "<br/>".join(lines)


def _contact_block(block: b.ContactBlock, ctx: StoryContext) -> list[Flowable]:
    s, tree = ctx.styles, ctx.tree
    if not block.contacts:
        return []
    text = s.box_text.clone("ContactText", spaceAfter=6)
    tree.open("Div")
    parts: list[Flowable] = [ctx.para(block.heading, "box_title", tree.heading())]
    for contact in block.contacts:
        node = tree.add("P")
        name = contact.name or contact.email
        markup = tree.tag_links(contact_markup(contact, ctx), node,
                                lambda href, text, name=name: f"Email {name}")
        parts.append(tag(Paragraph(markup, text), node))
    tree.close("Div")
    return [Box(parts, fill=ctx.colours.tint, bar=ctx.colours.primary, splittable=True)]


def _statistic(block: b.StatisticBlock, ctx: StoryContext) -> list[Flowable]:
    tree = ctx.tree
    group = tree.add("Div")
    parts: list[Flowable] = [ctx.para(block.value, "stat_value", tree.add("P", group))]
    if block.label.strip():
        parts.append(ctx.para(block.label, "stat_label", tree.add("P", group)))
    return [Box(parts, top_rule=ctx.colours.highlight, fill=None, pad=6, splittable=False,
                space=10)]


def _sidebar(block: b.SidebarBlock, ctx: StoryContext) -> list[Flowable]:
    s, tree = ctx.styles, ctx.tree
    if not block.title.strip() and not block.items:
        return []
    item_style = s.bullet.clone("SidebarItem", fontSize=s.box_text.fontSize,
                                leading=s.box_text.leading)
    tree.open("Div")
    parts: list[Flowable] = []
    if block.title.strip():
        parts.append(ctx.para(block.title, "box_title", tree.heading()))
    nodes = _list_items(tree, tree.current, [0] * len(block.items)) if block.items else []
    for item, (label, body) in zip(block.items, nodes, strict=True):
        parts.append(tag(Paragraph(ctx.text(item), item_style, bulletText="\u2022"), body,
                         label))
    tree.close("Div")
    return [Box(parts, fill=ctx.colours.tint, bar=ctx.colours.accent, splittable=True)]


def load_picture(path: Path) -> tuple[tuple[int, int] | None, str]:
    """A picture's pixel size, or why it cannot be drawn (missing, damaged, not a picture)."""
    try:
        _, width, height = check_image(path)
        # reportlab reads the file again when drawing; make sure it can.
        ImageReader(str(path)).getSize()
        return (width, height), ""
    except ImageProblem as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - any decoder failure is a damaged picture
        return None, f"{Path(path).name}: damaged picture ({type(exc).__name__})"


def _image(block: b.ImageBlock, ctx: StoryContext) -> list[Flowable]:
    problem = block.problem
    size: tuple[int, int] | None = None
    if not problem:
        size, problem = load_picture(block.path)
    title = ctx.article_titles.get(block.origin.article_id or "", "")
    where = f" in '{title}'" if title else ""
    alt = block.alt.strip()
    tree = ctx.tree
    # A described picture is a Figure with its caption beside it, grouped; a decorative one
    # is an artifact, and its caption (if any) an ordinary paragraph.
    group = tree.add("Div") if not block.decorative else None
    figure = tree.add("Figure", group, alt=alt or None) if group is not None else None
    if figure is not None and not alt:
        ctx.undescribed.append(f"the picture {block.path.name}{where}")
    caption = None
    if block.caption.strip():
        caption = ctx.para(block.caption, "caption",
                           tree.add("Caption", group) if group is not None else tree.add("P"))
    placeholder = None
    if problem:
        ctx.warnings.append(f"picture{where} not drawn ({problem}); a placeholder is printed")
        text = "<b>Picture not available</b>"
        if alt:
            text += f"<br/>{ctx.text(alt)}"
        # The placeholder stands for the picture: a reader hears the Figure's alt text.
        placeholder = tag(Paragraph(text, ctx.styles.placeholder), figure)
    return [Figure(str(block.path) if size else None, size, caption, placeholder,
                   ctx.colours.muted, max_height=ctx.body_height * 0.42, node=figure)]


HANDLERS: dict[type[b.Block], Callable[[Any, StoryContext], list[Flowable]]] = {
    b.Masthead: _masthead,
    b.Contents: _contents,
    b.SectionBanner: _banner,
    b.SectionEnd: _section_end,
    b.ArticleHeading: _article_heading,
    b.ArticleEnd: _article_end,
    b.ParagraphBlock: _paragraph,
    b.SubHeading: _subheading,
    b.ListBlock: _list,
    b.PullQuoteBlock: _pull_quote,
    b.ContactBlock: _contact_block,
    b.StatisticBlock: _statistic,
    b.SidebarBlock: _sidebar,
    b.ImageBlock: _image,
}
