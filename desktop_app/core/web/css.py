"""Style sheets for the web edition and the email, in the theme's colours.

GOV.UK's guidance fonts for pages outside GOV.UK itself: Arial, then Helvetica (GDS Transport
is only for GOV.UK). Every text colour is checked against the colour behind it
(``theme.contrast_ratio``) and darkened until it reaches WCAG's 4.5:1, so even a theme that
``bulletin validate`` calls faint gives readable pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..theme import Theme, contrast_ratio

FONT_STACK = "Arial, Helvetica, sans-serif"
MIN_CONTRAST = 4.5
FOCUS = "#FFDD00"  # GOV.UK's focus yellow, with near-black text on it
FOCUS_TEXT = "#0B0C0C"


def readable(colour: str, background: str, minimum: float = MIN_CONTRAST) -> str:
    """``colour``, darkened (or lightened, on a dark background) until it reads on
    ``background``."""
    dark_ground = contrast_ratio(background, "#FFFFFF") > contrast_ratio(background, "#000000")
    towards = 255 if dark_ground else 0
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    step = 0
    candidate = colour.upper()
    while contrast_ratio(candidate, background) < minimum and step < 20:
        step += 1
        mix = step / 20
        candidate = "#{:02X}{:02X}{:02X}".format(
            *(round(c + (towards - c) * mix) for c in (r, g, b)))
    return candidate


@dataclass(frozen=True)
class Colours:
    """The theme's colours as the pages use them, each text colour readable on its ground."""

    primary: str
    accent: str
    highlight: str
    text: str
    muted: str
    tint: str
    banner_text: str
    link: str
    figure: str  # the statistic's large figure

    @classmethod
    def from_theme(cls, theme: Theme) -> Colours:
        c = theme.colours
        white = "#FFFFFF"
        tint = c["tint"]
        return cls(
            primary=readable(c["primary"], tint),
            accent=readable(c["accent"], tint),
            highlight=c["highlight"],
            text=readable(c["text"], tint, 7.0),
            muted=readable(c["muted"], tint),
            tint=tint,
            banner_text=_banner_text(c["banner_text"], c["primary"], c["accent"]),
            link=readable(c["primary"], tint),
            figure=readable(c.get("statistic", c["highlight"]), white),
        )


def _banner_text(text: str, *grounds: str) -> str:
    for ground in grounds:
        text = readable(text, ground)
    return text


def web_css(colours: Colours) -> str:
    """The web edition's style sheet: one readable column, a print style sheet."""
    k = colours
    return f"""\
/* SOC Local Partnerships Bulletin: web edition. */
*, *::before, *::after {{ box-sizing: border-box; }}
html {{ font-family: {FONT_STACK}; font-size: 100%; line-height: 1.5; color: {k.text};
  background: #FFFFFF; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{ margin: 0; overflow-wrap: break-word; }}
p, li, address, figcaption, blockquote {{ overflow-wrap: anywhere; }}
a {{ color: {k.link}; text-decoration: underline; text-underline-offset: 0.15em; }}
a:hover {{ text-decoration-thickness: 0.15em; }}
a:focus {{ outline: 3px solid transparent; background: {FOCUS}; color: {FOCUS_TEXT};
  box-shadow: 0 -2px {FOCUS}, 0 4px {FOCUS_TEXT}; text-decoration: none; }}
.skip-link {{ position: absolute; left: -9999em; top: 0; }}
.skip-link:focus {{ position: static; display: block; padding: 0.75rem 1rem; }}
.wrap {{ max-width: 46rem; margin: 0 auto; padding: 0 1rem; }}
.masthead {{ background: {k.primary}; color: {k.banner_text};
  border-bottom: 0.5rem solid {k.accent}; padding: 2rem 0 1.5rem; }}
.masthead h1 {{ font-size: 2.25rem; line-height: 1.15; margin: 0 0 0.5rem; }}
.masthead p {{ margin: 0.25rem 0; font-size: 1.125rem; }}
.masthead .edition {{ font-weight: bold; }}
.masthead .wrap {{ display: flow-root; }}
.masthead .logo {{ float: right; height: 4.5rem; width: auto; margin: 0 0 1rem 1.5rem; }}
.contents {{ background: {k.tint}; border-left: 0.35rem solid {k.primary};
  margin: 1.5rem 0 2rem; padding: 1rem 1.25rem; }}
.contents-title {{ font-weight: bold; font-size: 1.25rem; margin: 0 0 0.5rem;
  color: {k.primary}; }}
.contents ul {{ margin: 0; padding-left: 1.25rem; }}
.contents > ul > li {{ margin-top: 0.35rem; font-weight: bold; }}
.contents ul ul {{ font-weight: normal; }}
main:focus {{ outline: none; }}
.section > h2 {{ background: {k.primary}; color: {k.banner_text}; font-size: 1.5rem;
  line-height: 1.25; margin: 2.5rem 0 1rem; padding: 0.5rem 0.75rem;
  border-bottom: 0.25rem solid {k.highlight}; }}
.section:nth-of-type(even) > h2 {{ background: {k.accent}; }}
.intro {{ font-size: 1.125rem; }}
article {{ margin: 0 0 2.5rem; }}
article h3 {{ color: {k.primary}; font-size: 1.375rem; line-height: 1.25;
  margin: 2rem 0 0.5rem; padding-top: 0.5rem; border-top: 0.2rem solid {k.accent}; }}
article h4, article h5 {{ color: {k.primary}; font-size: 1.125rem; margin: 1.5rem 0 0.25rem; }}
.standfirst {{ font-size: 1.125rem; font-weight: bold; color: {k.muted}; }}
ul, ol {{ padding-left: 1.5rem; }}
li {{ margin: 0.25rem 0; }}
figure {{ margin: 1.5rem 0; }}
figure img {{ display: block; max-width: 100%; height: auto; }}
figcaption {{ font-size: 0.9375rem; color: {k.muted}; margin-top: 0.5rem; }}
.missing-picture {{ border: 2px dashed {k.muted}; padding: 1rem; color: {k.muted}; }}
.pull-quote {{ border-left: 0.35rem solid {k.accent}; padding: 0.25rem 0 0.25rem 1rem;
  margin: 1.75rem 0; }}
.pull-quote blockquote {{ margin: 0; font-size: 1.25rem; font-weight: bold; color: {k.accent}; }}
.pull-quote blockquote p {{ margin: 0; }}
.pull-quote figcaption {{ font-size: 1rem; color: {k.muted}; }}
.statistic {{ border-top: 0.35rem solid {k.highlight}; border-bottom: 1px solid {k.muted};
  padding: 0.5rem 0 0.75rem; margin: 1.5rem 0; }}
.statistic .figure {{ font-size: 2.25rem; font-weight: bold; line-height: 1.15;
  color: {k.figure}; margin: 0; }}
.statistic .label {{ margin: 0.25rem 0 0; }}
.sidebar, .contacts {{ background: {k.tint}; border-left: 0.35rem solid {k.accent};
  padding: 1rem 1.25rem; margin: 1.5rem 0; }}
.contacts {{ border-left-color: {k.primary}; }}
.box-title {{ font-weight: bold; margin: 0 0 0.5rem; color: {k.primary}; }}
.sidebar ul {{ margin: 0; }}
address {{ font-style: normal; margin: 0 0 0.75rem; }}
address:last-child {{ margin-bottom: 0; }}
.page-footer {{ border-top: 0.35rem solid {k.primary}; margin-top: 3rem; padding: 1rem 0 2rem;
  color: {k.muted}; }}
@media (min-width: 40em) {{
  .masthead h1 {{ font-size: 3rem; }}
  .contents > ul {{ columns: 2; column-gap: 2rem; }}
  .contents > ul > li {{ break-inside: avoid; }}
}}
@media (max-width: 30em) {{
  .masthead .logo {{ float: none; display: block; height: 3.5rem; margin: 0 0 1rem; }}
}}
@media print {{
  html {{ font-size: 11pt; }}
  .skip-link {{ display: none; }}
  .masthead, .section > h2 {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .wrap {{ max-width: none; padding: 0; }}
  h2, h3, h4, .box-title, .contents-title {{ break-after: avoid; }}
  figure, aside, address, .pull-quote {{ break-inside: avoid; }}
  a[href^="http"]::after {{ content: " (" attr(href) ")"; font-size: 0.85em; }}
  .contents a[href^="#"]::after {{ content: ""; }}
}}
"""


def email_css(colours: Colours) -> str:
    """The email's style sheet, inlined into each element before sending: mail programs drop
    style sheets, and some keep only what a ``style`` attribute says.

    Type is set on each table cell (Outlook does not pass it down from the body or a table)
    and on headings; paragraphs and list items inherit it, which keeps the HTML part small:
    Gmail clips a message whose HTML passes about 102 KB.
    """
    k = colours
    font = FONT_STACK.replace(", ", ",")
    return f"""\
body {{ margin: 0; padding: 0; background: {k.tint}; }}
.outer {{ background: {k.tint}; }}
.sheet {{ background: #FFFFFF; }}
td {{ font-family: {font}; font-size: 16px; line-height: 24px; color: {k.text};
  overflow-wrap: anywhere; word-break: break-word; }}
p {{ margin: 0 0 16px; }}
li {{ margin: 0 0 6px; }}
a {{ color: {k.link}; }}
.masthead {{ background: {k.primary}; color: {k.banner_text}; padding: 24px;
  border-bottom: 6px solid {k.accent}; }}
.masthead h1 {{ font-family: {font}; font-size: 30px; line-height: 36px;
  color: {k.banner_text}; margin: 0 0 8px; }}
.masthead p {{ color: {k.banner_text}; margin: 0 0 4px; font-size: 17px; }}
.masthead .logo {{ display: block; margin: 0 0 12px; border: 0; }}
.content {{ padding: 8px 24px 24px; }}
.contents-title {{ font-weight: bold; font-size: 19px; color: {k.primary}; margin: 0 0 8px; }}
.contents ul {{ margin: 0; padding-left: 20px; }}
.contents li {{ margin: 0 0 4px; }}
h2 {{ font-family: {font}; font-size: 22px; line-height: 28px; color: {k.banner_text};
  background: {k.primary}; padding: 8px 12px; margin: 32px 0 16px; }}
h2.alt {{ background: {k.accent}; }}
h3 {{ font-family: {font}; font-size: 20px; line-height: 26px; color: {k.primary};
  margin: 28px 0 8px; }}
h4, h5, h6 {{ font-family: {font}; font-size: 17px; color: {k.primary}; margin: 20px 0 4px; }}
.standfirst {{ font-weight: bold; color: {k.muted}; }}
ul, ol {{ margin: 0 0 16px; padding-left: 24px; }}
.box {{ margin: 0 0 16px; }}
.box td {{ background: {k.tint}; padding: 14px 16px; border-left: 5px solid {k.accent}; }}
.contacts td, .contents td {{ border-left-color: {k.primary}; }}
.box-title {{ font-weight: bold; color: {k.primary}; margin: 0 0 8px; }}
address {{ font-style: normal; margin: 0 0 12px; }}
.quote td {{ background: #FFFFFF; border-left: 5px solid {k.accent}; padding: 4px 0 4px 14px; }}
.quote blockquote {{ margin: 0; }}
.quote blockquote p {{ font-size: 19px; line-height: 27px; font-weight: bold; color: {k.accent};
  margin: 0 0 6px; }}
.quote .by {{ font-size: 15px; color: {k.muted}; margin: 0; }}
.stat td {{ background: #FFFFFF; border-left: 0; border-top: 5px solid {k.highlight};
  border-bottom: 1px solid {k.muted}; padding: 8px 0; }}
.stat .figure {{ font-size: 32px; line-height: 38px; font-weight: bold; color: {k.figure};
  margin: 0; }}
.stat .label {{ margin: 4px 0 0; }}
.picture {{ margin: 0 0 16px; }}
.picture img {{ display: block; border: 0; }}
.caption {{ font-size: 14px; line-height: 20px; color: {k.muted}; margin: 6px 0 0; }}
.missing-picture {{ color: {k.muted}; border: 2px dashed {k.muted}; padding: 12px; }}
.footer {{ padding: 16px 24px 24px; font-size: 14px; color: {k.muted};
  border-top: 4px solid {k.primary}; }}
.footer p {{ margin: 0; }}
"""
