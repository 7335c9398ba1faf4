"""Paragraph styles made from a theme: every one names a bundled font, bullets included."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ..theme import Theme
from .fonts import FontSet


@dataclass(frozen=True)
class Palette:
    """The theme's colours as reportlab colours."""

    primary: Color
    accent: Color
    highlight: Color
    text: Color
    muted: Color
    tint: Color
    banner_text: Color
    statistic: Color
    primary_hex: str

    @classmethod
    def from_theme(cls, theme: Theme) -> Palette:
        c = {k: HexColor(v) for k, v in theme.colours.items()}
        return cls(primary=c["primary"], accent=c["accent"], highlight=c["highlight"],
                   text=c["text"], muted=c["muted"], tint=c["tint"],
                   banner_text=c["banner_text"], statistic=c["statistic"],
                   primary_hex=theme.colours["primary"])


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the writer uses."""

    body: ParagraphStyle
    welcome: ParagraphStyle
    intro: ParagraphStyle
    bullet: ParagraphStyle
    subheading: ParagraphStyle
    article_title: ParagraphStyle
    standfirst: ParagraphStyle
    quote: ParagraphStyle
    quote_by: ParagraphStyle
    box_title: ParagraphStyle
    box_text: ParagraphStyle
    stat_value: ParagraphStyle
    stat_label: ParagraphStyle
    caption: ParagraphStyle
    placeholder: ParagraphStyle
    masthead_title: ParagraphStyle
    masthead_strap: ParagraphStyle
    masthead_edition: ParagraphStyle
    banner: ParagraphStyle
    contents_title: ParagraphStyle
    contents_section: ParagraphStyle
    contents_article: ParagraphStyle
    footer: ParagraphStyle


def build_styles(theme: Theme, fonts: FontSet, colours: Palette) -> Styles:
    """The styles for one theme; sizes scale from the theme's body size."""
    size = theme.sizes
    body_size, leading = size["body"], size["leading"]

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = dict(
            fontName=fonts.regular, fontSize=body_size, leading=leading,
            textColor=colours.text, alignment=TA_LEFT, bulletFontName=fonts.regular,
            splitLongWords=1, allowWidows=0, allowOrphans=0, spaceBefore=0, spaceAfter=0,
            hyphenationLang="",
        )
        base.update(kw)
        return ParagraphStyle(name, **base)

    body = style("Body", spaceAfter=leading * 0.55)
    title_size = size["article_title"]
    return Styles(
        body=body,
        welcome=style("Welcome", spaceAfter=leading * 0.55),
        intro=style("Intro", fontName=fonts.italic, textColor=colours.muted,
                    spaceAfter=leading * 0.6),
        bullet=style("Bullet", leftIndent=13, bulletIndent=2, spaceAfter=leading * 0.2,
                     bulletFontName=fonts.bold, bulletColor=colours.accent),
        subheading=style("SubHeading", fontName=fonts.bold, fontSize=body_size + 1.5,
                         leading=leading + 1.5, textColor=colours.accent,
                         spaceBefore=leading * 0.45, spaceAfter=leading * 0.25,
                         keepWithNext=1),
        article_title=style("ArticleTitle", fontName=fonts.bold, fontSize=title_size,
                            leading=title_size * 1.18, textColor=colours.primary,
                            spaceAfter=3),
        standfirst=style("Standfirst", fontName=fonts.italic, fontSize=body_size + 1,
                         leading=leading + 1, textColor=colours.muted, spaceAfter=2),
        quote=style("PullQuote", fontName=fonts.bold, fontSize=body_size + 4.5,
                    leading=(body_size + 4.5) * 1.25, textColor=colours.accent),
        quote_by=style("PullQuoteBy", fontSize=body_size - 1, leading=leading - 1.5,
                       textColor=colours.muted, spaceBefore=4),
        box_title=style("BoxTitle", fontName=fonts.bold, textColor=colours.primary,
                        spaceAfter=4),
        box_text=style("BoxText", fontSize=body_size - 0.5, leading=leading - 1),
        stat_value=style("StatValue", fontName=fonts.display, fontSize=body_size * 2.9,
                         leading=body_size * 3.1, textColor=colours.statistic),
        stat_label=style("StatLabel", fontName=fonts.bold, fontSize=body_size,
                         leading=leading, textColor=colours.primary),
        caption=style("Caption", fontName=fonts.italic, fontSize=body_size - 1.5,
                      leading=leading - 2.5, textColor=colours.muted),
        placeholder=style("Placeholder", fontSize=body_size - 0.5, leading=leading - 1,
                          textColor=colours.muted, alignment=1),
        masthead_title=style("MastheadTitle", fontName=fonts.display,
                             fontSize=size["masthead"], leading=size["masthead"] * 1.02,
                             textColor=colours.banner_text),
        masthead_strap=style("MastheadStrap", fontSize=body_size + 3.5,
                             leading=body_size + 6, textColor=colours.banner_text),
        masthead_edition=style("MastheadEdition", fontName=fonts.bold, fontSize=body_size + 1,
                               leading=leading + 1, textColor=colours.banner_text,
                               alignment=TA_RIGHT),
        banner=style("Banner", fontName=fonts.bold, fontSize=size["section_banner"],
                     leading=size["section_banner"] * 1.2, textColor=colours.banner_text),
        contents_title=style("ContentsTitle", fontName=fonts.bold, fontSize=body_size + 3,
                             leading=body_size + 6, textColor=colours.primary, spaceAfter=4),
        contents_section=style("ContentsSection", fontName=fonts.bold, fontSize=body_size,
                               leading=leading, textColor=colours.primary, spaceBefore=3),
        contents_article=style("ContentsArticle", fontSize=body_size - 0.5,
                               leading=leading - 1, leftIndent=9),
        footer=style("Footer", fontSize=7.5, leading=9, textColor=colours.muted),
    )
