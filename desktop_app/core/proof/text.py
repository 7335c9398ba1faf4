"""The words of a field, with every offset pointing back into the stored text.

A finding must name the exact span an editor typed, so a quick fix can replace it there. The
body is Markdown, so instead of parsing it into a new string this module *masks* it: markup
characters (``**``, ``[``, ``](…)``, ``### ``, ``- ``) become NUL and web and email addresses
become SOH, both the same length as what they replace. Every tokenizer below reads the masked
string, so an offset in it is an offset in the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..markup import LINK_ENDINGS

MARK = "\x00"  # markup: not a word, not a sentence boundary
HIDE = "\x01"  # an address or link target: never checked
ESC = "\x02"  # the backslash of an escape ("now\\!", as the rich editor writes "!")

URL = re.compile(r"\b(?:https?://|www\.|mailto:)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]", re.I)
EMAIL = re.compile(
    r"(?:mailto:)?[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# A dotted domain on its own (gov.uk, example.org): treated like an address. Its endings are
# the ones the exports make links of (``markup.LINK_ENDINGS``), so whatever prints as a link
# is never proofread as words.
DOMAIN = re.compile(
    r"\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:" + "|".join(LINK_ENDINGS) + r")\b"
    r"(?:/[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?])?", re.I)
LINK = re.compile(r"\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>", re.I)
HEADING = re.compile(r"^(#{1,6})[ \t]+")
ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+")
QUOTE_LINE = re.compile(r"^[ \t]*>[ \t]?")
ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
EMPHASIS = re.compile(r"\*{1,3}|(?<![A-Za-z0-9])_{1,3}|_{1,3}(?![A-Za-z0-9])")

LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
WORD = re.compile(rf"[{LETTERS}]+(?:['\u2019][{LETTERS}]+)*")
# A word for counting: letters or digits, joined by hyphens, apostrophes, dots or commas inside.
COUNT_WORD = re.compile(rf"[{LETTERS}0-9£$€%]+(?:[-'\u2019.,/][{LETTERS}0-9%]+)*")
SENTENCE_END = re.compile(r"[.!?]+[\"'\u2019\u201d)]*(?=\s|$)")
ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st no nos vs etc e.g eg i.e ie cllr supt insp det sgt ch rev fig "
    "approx inc ltd co dept gov jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def alternation(words) -> str:
    """A regex matching any of the words, factored into a trie (the re module tries the
    branches of a plain alternation one by one at every position; a trie tries one letter)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


@dataclass(frozen=True)
class Block:
    """A paragraph, sub-heading or list item, as a span of the source."""

    kind: str  # "paragraph", "heading" or "item"
    start: int
    end: int
    level: int = 0
    bold: bool = False  # the whole block is bold: a heading in disguise


@dataclass(frozen=True)
class Link:
    """A link: its words (span in the source) and where it goes."""

    text: str
    href: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: int


@dataclass
class Prose:
    """A field's text made ready for the rules: masked source, blocks, links, sentences."""

    source: str
    masked: str
    blocks: list[Block]
    links: list[Link] = field(default_factory=list)
    _sentences: dict[int, list[Sentence]] = field(default_factory=dict, repr=False)
    _unescaped: tuple[str, Sequence[int]] | None = field(default=None, repr=False)

    def unescaped(self) -> tuple[str, Sequence[int]]:
        """The masked text without escape backslashes, and each character's offset in the
        source: patterns like a spaced "&" must see "\\&" as the "&" it stands for. Most
        text has no escapes: then it is the masked text itself, offsets unchanged."""
        if self._unescaped is None:
            if ESC not in self.masked:
                self._unescaped = (self.masked, range(len(self.masked)))
            else:
                keep = [i for i, c in enumerate(self.masked) if c != ESC]
                self._unescaped = ("".join(self.masked[i] for i in keep), keep)
        return self._unescaped

    def span(self, index: Sequence[int], start: int, end: int) -> tuple[int, int]:
        """A span of the unescaped text as a span of the source, taking in the backslash of
        an escaped first character (so a fix replaces "\\&" whole)."""
        first, last = index[start], index[end - 1] + 1
        if first and self.masked[first - 1] == ESC:
            first -= 1
        return first, last

    def sentences(self, block: Block) -> list[Sentence]:
        """The block's sentences, split once: most rules ask for them."""
        found = self._sentences.get(block.start)
        if found is None:
            found = self._sentences[block.start] = split_sentences(self.masked, block.start,
                                                                    block.end)
        return found


def _blank(text: list[str], start: int, end: int, char: str = MARK) -> None:
    for i in range(start, end):
        if text[i] != "\n":
            text[i] = char


def _protect(source: str, chars: list[str]) -> None:
    """Hide web and email addresses (and dotted domains) from every rule."""
    for pattern in (URL, EMAIL, DOMAIN):
        for m in pattern.finditer(source):
            _blank(chars, m.start(), m.end(), HIDE)


@lru_cache(maxsize=256)  # the checker keeps its own results; this serves repeats nearby
def prose(source: str, markdown: bool = True) -> Prose:
    """The masked form of a field; ``markdown`` for bodies, welcome text and intros."""
    chars = list(source)
    links: list[Link] = []
    _protect(source, chars)
    if not markdown:
        masked = "".join(chars)
        return Prose(source, masked, _plain_blocks(source), links)
    for m in LINK.finditer(source):
        links.append(Link(m.group(1), m.group(2), m.start(1), m.end(1)))
        _blank(chars, m.start(), m.start(1))
        _blank(chars, m.end(1), m.end(), HIDE)
    for m in AUTOLINK.finditer(source):
        links.append(Link(m.group(1), m.group(1), m.start(1), m.end(1)))
        _blank(chars, m.start(), m.end(), HIDE)
    for m in ESCAPE.finditer(source):
        chars[m.start()] = ESC
    blocks = _markdown_blocks(source, chars)
    for m in EMPHASIS.finditer(source):
        if all(chars[i] == source[i] for i in range(m.start(), m.end())):
            _blank(chars, m.start(), m.end())
    return Prose(source, "".join(chars), blocks, links)


def _plain_blocks(source: str) -> list[Block]:
    """Paragraphs of a plain field: split at blank lines."""
    blocks = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", source):
        if m.group().strip():
            blocks.append(Block("paragraph", m.start(), m.end()))
    return blocks


def _markdown_blocks(source: str, chars: list[str]) -> list[Block]:
    """Blocks of a Markdown body; blanks the heading, bullet and quote markers in ``chars``."""
    blocks: list[Block] = []
    current: list[int] | None = None  # [kind index, start, end, level]
    kinds = ("paragraph", "heading", "item")

    def close() -> None:
        nonlocal current
        if current is not None:
            kind, start, end, level = current
            text = source[start:end].strip()
            bold = kinds[kind] == "paragraph" and _all_bold(text)
            blocks.append(Block(kinds[kind], start, end, level, bold))
        current = None

    pos = 0
    for line in source.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            close()
            continue
        q = QUOTE_LINE.match(line)
        if q:
            _blank(chars, start, start + q.end())
        h = HEADING.match(line)
        i = ITEM.match(line)
        if h:
            close()
            _blank(chars, start, start + h.end())
            # a closing run of #s is markup too
            tail = re.search(r"[ \t]+#+[ \t]*$", line)
            if tail:
                _blank(chars, start + tail.start(), end)
            current = [1, start + h.end(), end, len(h.group(1))]
            close()
        elif i:
            close()
            _blank(chars, start, start + i.end())
            current = [2, start + i.end(), end, len(i.group(1).expandtabs(4)) // 2]
        elif current is not None:
            current[2] = end  # a continuation line (lazy or indented)
        else:
            current = [0, start, end, 0]
    close()
    return blocks


def _all_bold(text: str) -> bool:
    for marker in ("**", "__"):
        if text.startswith(marker) and text.rstrip(".:").endswith(marker) and \
                len(text) > 4 and marker not in text[2:-2].rstrip(".:").rstrip(marker):
            return True
    return False


def count_words(text: str) -> int:
    """Words as a reader counts them: "£18 million" is two, "multi-agency" one."""
    return len(COUNT_WORD.findall(text))


def split_sentences(masked: str, start: int, end: int) -> list[Sentence]:
    """Sentences of a block: ends at . ! ? before a space, not after a known abbreviation."""
    out = []
    begin = start
    for m in SENTENCE_END.finditer(masked, start, end):
        i = j = m.start()
        while i > begin and (masked[i - 1].isalpha() or masked[i - 1] == "."):
            i -= 1
        token = masked[i:j].lower().rstrip(".")
        if m.group().startswith(".") and (token in ABBREVIATIONS or len(token) == 1 and
                                          token.isalpha()):
            continue
        following = masked[m.end():m.end() + 3].lstrip()
        if following and following[0].islower():
            continue  # "e.g. something", or an abbreviation the list does not know
        out.append(_sentence(masked, begin, m.end()))
        begin = m.end()
    if masked[begin:end].strip(" \t\n" + MARK + HIDE):
        out.append(_sentence(masked, begin, end))
    return out


def _sentence(masked: str, start: int, end: int) -> Sentence:
    while start < end and masked[start] in " \t\n" + MARK:
        start += 1
    text = re.sub(HIDE + "+", " address ", masked[start:end]).replace(MARK, "").replace(ESC, "")
    return Sentence(start, end, count_words(text))
