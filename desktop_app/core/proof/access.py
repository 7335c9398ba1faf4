"""Accessibility preflight: pictures' alt text, headings, links, faked tables and lists,
words inside pictures, and the theme's colour contrast."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import PurePosixPath

from ..model import Article, Issue
from .fields import Where
from .findings import Hit, Unit
from .rules import Rule
from .style import Context
from .text import Link, count_words

# ---- pictures --------------------------------------------------------------------------------

FILE_NAME = re.compile(r"^\S+\.(?:png|jpe?g|gif|bmp|tiff?|webp|svg|heic)$|^(?:img|dsc|dscn|pxl|"
                       r"image|photo|screenshot)[-_ ]?\d+", re.I)
STOPWORDS = frozenset("a an the and or of in on at to for with by from this that is are was "
                      "were be it its as into".split())


def picture_hits(rule: Rule, article: Article, section_id: str | None
                 ) -> Iterator[tuple[Where, Hit]]:
    """The alt text and text-in-picture rules for every picture of an article."""
    for i, image in enumerate(article.images):
        where = Where("images", article.id, section_id, i, "alt")
        alt = image.alt
        text = alt.strip()
        lead = len(alt) - len(alt.lstrip())
        span = (lead, lead + len(text))
        if image.decorative:
            continue
        if rule.check == "alt-missing" and not text:
            yield where, Hit(0, len(alt), f"picture {i + 1} ({image.path or 'no file'}) has no "
                             "alt text; describe it, or tick decorative if it adds nothing")
        elif not text:
            continue
        elif rule.check == "alt-short":
            if len(text) < int(rule.param("min_chars", 12)) or \
                    count_words(text) < int(rule.param("min_words", 3)):
                yield where, Hit(*span, "alt text this short rarely says what the picture "
                                 "shows")
        elif rule.check == "alt-filename":
            stem = PurePosixPath(image.path.replace("\\", "/")).name
            if FILE_NAME.search(text) or text.casefold() in (stem.casefold(),
                                                             stem.rsplit(".", 1)[0].casefold()):
                yield where, Hit(*span, "alt text is a file name; describe what the picture "
                                 "shows")
        elif rule.check == "alt-image-of":
            phrases = sorted((str(p) for p in rule.param("phrases") or []), key=len,
                             reverse=True)
            for phrase in phrases:
                if text.casefold().startswith(phrase.casefold() + " "):
                    rest = text[len(phrase):].lstrip(" :,-")
                    fixed = rest[:1].upper() + rest[1:]
                    yield where, Hit(*span, f"leave out \u2018{text[:len(phrase)]}\u2019: "
                                     "screen readers already say it is a picture", fixed)
                    break
        elif rule.check == "text-in-picture":
            hit = _text_in_picture(rule, article, image.path, text, image.caption)
            if hit:
                yield where, Hit(*span, hit)


def _text_in_picture(rule: Rule, article: Article, path: str, alt: str, caption: str
                     ) -> str | None:
    """A heuristic: the alt text, caption or file name names a kind of picture that carries
    words (poster, chart, leaflet…), and most of the alt text's own words are not in the
    article's text. Then the words are probably only in the picture."""
    clues = {str(w).casefold() for w in rule.param("words") or []}
    described = f"{alt} {caption} {re.sub(r'[-_.]', ' ', path)}".casefold()
    found = sorted(clues & set(re.findall(r"[a-z]+", described)))
    if not found:
        return None
    body = f"{article.title} {article.standfirst} {article.body}".casefold()
    words = [w for w in re.findall(r"[a-z0-9£%]{4,}", alt.casefold())
             if w not in STOPWORDS and w not in clues]
    if words and sum(w in body for w in words) / len(words) >= 0.5:
        return None  # the article already says what the picture says
    return (f"this picture seems to contain words or figures ({found[0]}): repeat them in the "
            "article, where everyone can read them")


# ---- body structure --------------------------------------------------------------------------


def check_heading_emphasis(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    most = int(rule.param("max_words", 12))
    blocks = unit.prose.blocks
    for n, block in enumerate(blocks):
        text = unit.prose.masked[block.start:block.end].strip("\x00 \t\n")
        if block.kind == "heading":
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            words = count_words(text)
            if words > most:
                yield Hit(block.start, block.end, f"a sub-heading of {words} words reads as "
                          "emphasis, not a heading: make it a bold sentence or shorten it")
            elif text.endswith((".", "!")) and not text.endswith("..."):
                yield Hit(block.start, block.end, "a sub-heading that ends with a full stop is "
                          "a sentence: use bold for emphasis")
            elif nxt is None or nxt.kind == "heading" and nxt.level <= block.level:
                yield Hit(block.start, block.end, "a sub-heading with nothing under it: use "
                          "bold for emphasis, or add the text it heads")
        elif block.bold and count_words(text) <= most and not text.endswith((".", "!", "?")):
            yield Hit(block.start, block.end, "a line that is all bold looks like a heading: "
                      "use the Sub-heading button so screen readers can find it")


TYPED_BULLET = re.compile(r"^[ \t]*(?:[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u25cb\u25a0\u25a1"
                          r"\u27a2\u27a4\u2713\u2714\u2013\u2014o>]|\(?[a-z0-9]{1,2}\))[ \t]+\S")
GLYPHS = "\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u25cb\u25a0\u25a1\u27a2\u27a4"
COLUMN_GAP = re.compile(r"\S(?: {2,}|\t+)(?=\S)")


def _lines(unit: Unit, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for line in unit.text[start:end].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def check_fake_table(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    for block in unit.prose.blocks:
        if block.kind != "paragraph":
            continue
        lines = _lines(unit, block.start, block.end)
        gapped = [(s, e) for s, e in lines if COLUMN_GAP.search(unit.text[s:e].strip())]
        if len(gapped) >= 2:
            yield Hit(gapped[0][0], gapped[-1][1], "columns made with spaces or tabs: write the "
                      "rows as sentences or a bullet list")


def check_fake_list(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    for block in unit.prose.blocks:
        if block.kind not in ("paragraph", "item"):
            continue
        lines = _lines(unit, block.start, block.end)
        typed = [(s, e) for s, e in lines if TYPED_BULLET.match(unit.text[s:e])]
        glyph = bool(typed) and unit.text[typed[0][0]:typed[0][1]].lstrip()[:1] in GLYPHS
        if len(typed) >= 2 or glyph:
            yield Hit(typed[0][0], typed[-1][1], "lines with typed bullets or numbers are not "
                      "a real list: select them and press the bullet list button")


# ---- issue-wide -----------------------------------------------------------------------------


def normal_href(href: str) -> str:
    href = href.strip()
    if href.lower().startswith("mailto:"):
        return href.lower()
    return re.sub(r"^(https?://)(www\.)?", "", href.lower()).rstrip("/")


@lru_cache(maxsize=20_000)
def link_key(text: str, href: str) -> tuple[str, str]:
    """A link's words and target as compared across the issue (case, spacing and emphasis
    markers set aside; "www." and a closing slash too)."""
    words = " ".join(re.sub(r"[*_]", "", text).casefold().split()).strip(" .")
    return words, normal_href(href) if href else ""


def repeated_links(uses: list[tuple[Where, Link]]) -> Iterator[tuple[Where, Hit]]:
    """Links whose words are used elsewhere in the issue for a different target."""
    targets: dict[str, set[str]] = {}
    keys = [link_key(link.text, link.href) for _, link in uses]
    for words, href in keys:
        if words and href:
            targets.setdefault(words, set()).add(href)
    for (where, link), (words, _href) in zip(uses, keys, strict=True):
        seen = targets.get(words, ())
        if len(seen) > 1:
            others = len(seen) - 1
            yield where, Hit(link.start, link.end, f"the link words \u2018{link.text}\u2019 also "
                             f"go to {others} other address{'es' if others > 1 else ''} in this "
                             "issue: make each link's words say where it goes")


def contrast_messages(issue: Issue) -> list[str]:
    """What is too faint in the issue's theme, in words, from the theme's own contrast check
    (the one validate uses); [] if the theme cannot be loaded (validate reports that)."""
    from .. import theme as themes
    from ..errors import BulletinError

    try:
        theme = themes.load_theme(issue.export.theme or "default", issue.export)
    except BulletinError:
        return []
    return [f"theme '{theme.name}': {message}" for message in themes.contrast_problems(theme)]


UNIT_CHECKS = {
    "heading-emphasis": check_heading_emphasis,
    "fake-table": check_fake_table,
    "fake-list": check_fake_list,
}
PICTURE_CHECKS = frozenset({"alt-missing", "alt-short", "alt-filename", "alt-image-of",
                            "text-in-picture"})
