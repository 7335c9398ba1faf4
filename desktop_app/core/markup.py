"""The article body markup: a small Markdown subset parsed with markdown-it-py.

Paragraphs, bullet and numbered lists, bold, italic, links and sub-headings. Raw HTML is
left as text (the parser's ``html`` option is off) and a link keeps its target only if it is
http, https or mailto. Bare email and web addresses are links too (markdown-it's linkify, with
linkify-it-py), so every output makes them clickable.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from linkify_it import LinkifyIt
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one set of inline styles; ``\\n`` alone is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass
class Paragraph:
    runs: list[Run]


@dataclass
class Heading:
    """A sub-heading inside a body; level 1 is the biggest the body may use."""

    level: int
    runs: list[Run]


@dataclass
class ListItem:
    runs: list[Run]
    level: int = 0


@dataclass
class ListBlock:
    ordered: bool
    items: list[ListItem] = field(default_factory=list)
    start: int = 1


MarkupBlock = Paragraph | Heading | ListBlock


@dataclass
class BadLink:
    """A link whose target was dropped, with the line of the body it is on."""

    text: str
    href: str
    line: int | None


@dataclass
class ParsedBody:
    blocks: list[MarkupBlock]
    bad_links: list[BadLink]


# Bare addresses become links ("jo@example.org", "www.example.org", "https://..."), as a reader
# expects; only for these endings, so a file name such as "notes.md" stays text.
LINK_ENDINGS = (
    "uk com org net gov edu int eu info io co ie scot wales cymru london police nhs biz app "
    "online news"
).split()


_MAY_LINK = re.compile(r"@|://|www\.|\.(?:" + "|".join(LINK_ENDINGS) + r")\b", re.IGNORECASE)


def configure_linkify(linkify: LinkifyIt) -> LinkifyIt:
    """Bare web and email addresses only: no ftp: or protocol-relative (//) links."""
    linkify.add("ftp:", None)
    linkify.add("//", None)
    linkify.tlds(LINK_ENDINGS, False)
    full_test = linkify.test
    # linkify-it's own pretest is a large pattern tried at every position; with the endings
    # limited, an address needs one of these, which a plain search finds in a fraction of the
    # time. markdown-it asks the pretest once a paragraph and the full test of each stretch
    # of text, so both go through it.
    linkify.pretest = lambda text: bool(_MAY_LINK.search(text))  # type: ignore[method-assign]
    linkify.test = lambda text: bool(_MAY_LINK.search(text)) and full_test(text)  # type: ignore
    return linkify


@lru_cache(maxsize=1)
def _linkify() -> LinkifyIt:
    return configure_linkify(LinkifyIt())


def find_links(text: str) -> list[tuple[int, int, str]]:
    """The bare addresses in some text, as (start, end, link target)."""
    linkify = _linkify()
    if not linkify.pretest(text) or not linkify.test(text):
        return []
    return [(m.index, m.last_index, m.url) for m in linkify.match(text) or []]


_ADDRESS_LIKE = re.compile(r"[^\s<>()\[\]]+@[^\s<>()\[\]]*|\bwww\.[^\s<>()]+|\bhttps?:/*[^\s<>()]*",
                           re.IGNORECASE)
_WEB_LIKE = re.compile(r"\bwww\.[^\s<>()]+|\bhttps?:/*[^\s<>()]*", re.IGNORECASE)


def _address_like(text: str):
    """Matches of words that look like addresses; the email part is tried only if there is an
    "@" at all (trying it at every position of a long body is slow)."""
    return (_ADDRESS_LIKE if "@" in text else _WEB_LIKE).finditer(text)


def unlinked_addresses(text: str) -> list[str]:
    """Words that look like an email or web address but are not valid ones (so they are
    not made links): "jo.day@example", "www.", "https:/example.org"."""
    linked = find_links(text)
    out: list[str] = []
    for match in _address_like(text):
        word = match.group(0).rstrip(".,;:!?'\"\u2019\u201d")
        start = match.start()
        if len(word) < 4 or any(a <= start < b for a, b, _ in linked):
            continue
        if word not in out:
            out.append(word)
    return out


def may_be_unlinked(markup: str) -> bool:
    """True if some markup might hold an address that is not a valid one (a quick look at the
    raw text, so most bodies need no parse for :func:`unlinked_addresses`)."""
    for match in _address_like(markup):
        word = match.group(0).rstrip(".,;:!?'\"\u2019\u201d)")
        if markup[max(0, match.start() - 2):match.start()] == "](":
            continue  # a link's target: checked by the parser, reported as a bad link
        found = find_links(word)
        if len(word) >= 4 and not (len(found) == 1 and found[0][:2] == (0, len(word))):
            return True
    return False


def linkify_runs(runs: list[Run]) -> list[Run]:
    """Runs with the bare addresses in their text made links (text already linked is kept)."""
    out: list[Run] = []
    for run in runs:
        found = [] if run.href or run.text == "\n" else find_links(run.text)
        pos = 0
        for start, end, href in found:
            if safe_href(href) is None:
                continue
            if start > pos:
                out.append(Run(run.text[pos:start], run.bold, run.italic, None))
            out.append(Run(run.text[start:end], run.bold, run.italic, href))
            pos = end
        if pos == 0:
            out.append(run)
        elif pos < len(run.text):
            out.append(Run(run.text[pos:], run.bold, run.italic, None))
    return out


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "typographer": False, "linkify": True})
    md.enable(["heading", "list", "emphasis", "link", "newline", "escape", "entity", "autolink",
               "linkify"])
    configure_linkify(md.linkify)
    # Accept every link target while parsing so that a refused one can be reported and shown
    # as plain text; safe_href() decides what is kept.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def link_scheme(url: str) -> str:
    """The scheme of a link target as a browser would see it ("" if none)."""
    cleaned = _INVISIBLE.sub("", unicodedata.normalize("NFKC", unquote(url)))
    try:
        return urlsplit(cleaned).scheme.lower()
    except ValueError:
        return "?"


def safe_href(url: str) -> str | None:
    """The link target if it is an allowed, well-formed http, https or mailto link; else None."""
    url = url.strip()
    if not url or _INVISIBLE.search(url):
        return None
    scheme = link_scheme(url)
    if scheme not in ALLOWED_SCHEMES:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if scheme in ("http", "https") and not parts.netloc:
        return None
    if scheme == "mailto" and "@" not in parts.path:
        return None
    return url


def link_groups(runs: Iterable[Run]) -> Iterator[tuple[str | None, list[Run]]]:
    """Neighbouring runs that share a link target, grouped, with the target if it is an
    allowed one (``safe_href``), else None: what every writer makes one link of."""
    for href, group in itertools.groupby(runs, key=lambda r: r.href):
        yield (safe_href(href) if href else None), list(group)


def link_problem(url: str, scheme: str | None = None) -> str:
    """Why a link target is not kept, in words for the editor."""
    scheme = link_scheme(url) if scheme is None else scheme
    if scheme == "mailto":
        return "not a valid email address"
    if scheme in ("http", "https"):
        return "not a valid web address"
    return f"only http, https and mailto links are kept ({scheme or 'no scheme'})"


def parse(text: str) -> ParsedBody:
    """Parse body markup into blocks of inline runs."""
    tokens = _parser().parse(text or "")
    blocks: list[MarkupBlock] = []
    bad: list[BadLink] = []
    stack: list[ListBlock] = []
    item_runs: list[list[Run]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            ordered = tok.type == "ordered_list_open"
            start = int(tok.attrGet("start") or 1) if ordered else 1
            block = ListBlock(ordered=ordered, start=start)
            if not stack:
                blocks.append(block)
            stack.append(block)
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            stack.pop()
        elif tok.type == "list_item_open":
            item_runs.append([])
            stack[0].items.append(ListItem(runs=item_runs[-1], level=len(stack) - 1))
        elif tok.type == "list_item_close":
            runs = item_runs.pop()
            if runs and runs[-1].text == "\n":
                runs.pop()
        elif tok.type == "inline":
            runs = _inline(tok, bad)
            if item_runs:
                target = item_runs[-1]
                if target and target[-1].text != "\n":
                    target.append(Run("\n"))
                target.extend(runs)
            else:
                prev = tokens[i - 1] if i else None
                if prev is not None and prev.type == "heading_open":
                    blocks.append(Heading(level=int(prev.tag[1]), runs=runs))
                else:
                    blocks.append(Paragraph(runs=runs))
        i += 1
    return ParsedBody(blocks=blocks, bad_links=bad)


def _inline(token: Token, bad: list[BadLink]) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    hrefs: list[str | None] = []
    link_words: list[str] = []
    line = token.map[0] + 1 if token.map else None
    for child in token.children or []:
        kind = child.type
        if kind == "text" or kind == "code_inline":
            link_words.append(child.content)
            _append(runs, Run(child.content, bold > 0, italic > 0, hrefs[-1] if hrefs else None))
        elif kind == "softbreak":
            _append(runs, Run(" ", bold > 0, italic > 0, hrefs[-1] if hrefs else None))
        elif kind == "hardbreak":
            runs.append(Run("\n"))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            raw = str(child.attrGet("href") or "")
            href = safe_href(raw)
            hrefs.append(href)
            link_words.clear()
            if href is None and child.markup != "linkify":  # a bare address is only text
                bad.append(BadLink(text="", href=raw, line=line))
        elif kind == "link_close":
            href = hrefs.pop() if hrefs else None
            if href is None and bad and bad[-1].text == "":
                bad[-1].text = "".join(link_words) or bad[-1].href
    return runs


def _append(runs: list[Run], run: Run) -> None:
    """Add a run, merging it into the last one when the styles match."""
    if not run.text:
        return
    if runs:
        last = runs[-1]
        if (last.bold, last.italic, last.href) == (run.bold, run.italic, run.href) and \
                last.text != "\n":
            runs[-1] = Run(last.text + run.text, last.bold, last.italic, last.href)
            return
    runs.append(run)


@lru_cache(maxsize=512)
def plain_text(text: str) -> str:
    """The words of some markup with the markup taken away, blocks on their own lines.

    Remembered for the last few hundred texts: an import asks for the same bodies' words
    several times (to compare, to count, to check addresses).
    """
    lines = []
    for block in parse(text).blocks:
        if isinstance(block, ListBlock):
            lines.extend("".join(r.text for r in item.runs) for item in block.items)
        else:
            lines.append("".join(r.text for r in block.runs))
    return "\n".join(lines)
