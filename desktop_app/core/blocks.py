"""The export intermediate form: the laid-out bulletin as one ordered list of typed blocks.

Every writer (PDF, Word, and any later one) consumes only these blocks, so the outputs stay
consistent. Each block carries an ``Origin`` naming the section, article and field it came
from, so a writer can trace what it draws back to the issue (bookmarks, tagging, problems).

Each writer keeps one table from block type to handler and looks a block up with
``handler_for``; ``block_types()`` lists every type, so a test can check that no writer lacks
a handler (a block type added here fails that test until every writer handles it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, TypeVar

from .markup import ListItem, Run
from .model import Contact


@dataclass(frozen=True)
class Origin:
    """Where a block came from in the issue."""

    section_id: str | None = None
    article_id: str | None = None
    field: str = ""
    index: int | None = None


@dataclass
class Block:
    kind: ClassVar[str] = "block"
    origin: Origin = field(default_factory=Origin, kw_only=True)


@dataclass
class Masthead(Block):
    kind: ClassVar[str] = "masthead"
    title: str
    strapline: str
    edition_line: str


@dataclass
class ContentsEntry:
    level: int  # 1 a section, 2 an article
    title: str
    anchor: str


@dataclass
class Contents(Block):
    kind: ClassVar[str] = "contents"
    title: str
    entries: list[ContentsEntry]


@dataclass
class SectionBanner(Block):
    kind: ClassVar[str] = "section_banner"
    section_id: str
    title: str
    anchor: str


@dataclass
class SectionEnd(Block):
    kind: ClassVar[str] = "section_end"
    section_id: str


@dataclass
class ArticleHeading(Block):
    kind: ClassVar[str] = "article_heading"
    article_id: str
    title: str
    standfirst: str
    anchor: str


@dataclass
class ArticleEnd(Block):
    kind: ClassVar[str] = "article_end"
    article_id: str


@dataclass
class ParagraphBlock(Block):
    """A paragraph of inline runs; ``role`` is body, welcome or intro."""

    kind: ClassVar[str] = "paragraph"
    runs: list[Run]
    role: str = "body"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class SubHeading(Block):
    kind: ClassVar[str] = "subheading"
    runs: list[Run]
    level: int = 3

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class ListBlock(Block):
    kind: ClassVar[str] = "list"
    ordered: bool
    items: list[ListItem]
    start: int = 1


@dataclass
class PullQuoteBlock(Block):
    kind: ClassVar[str] = "pull_quote"
    text: str
    attribution: str


@dataclass
class ContactBlock(Block):
    kind: ClassVar[str] = "contact_block"
    heading: str
    contacts: list[Contact]


@dataclass
class StatisticBlock(Block):
    kind: ClassVar[str] = "statistic"
    value: str
    label: str


@dataclass
class SidebarBlock(Block):
    kind: ClassVar[str] = "sidebar"
    title: str
    items: list[str]


@dataclass
class ImageBlock(Block):
    """A picture: ``path`` is absolute; ``problem`` says why it cannot be drawn, if so."""

    kind: ClassVar[str] = "image"
    path: Path
    alt: str
    caption: str
    problem: str = ""
    decorative: bool = False


AnyBlock = (
    Masthead | Contents | SectionBanner | SectionEnd | ArticleHeading | ArticleEnd
    | ParagraphBlock | SubHeading | ListBlock | PullQuoteBlock | ContactBlock | StatisticBlock
    | SidebarBlock | ImageBlock
)


H = TypeVar("H")


class MissingHandler(LookupError):
    """A writer met a block type it has no handler for: a bug, caught by the tests."""


def block_types() -> tuple[type[Block], ...]:
    """Every concrete block type, in the order they are declared here."""
    return tuple(t for t in globals().values()
                 if isinstance(t, type) and issubclass(t, Block) and t is not Block)


def handler_for(table: Mapping[type[Block], H], block: Block) -> H:
    """The handler ``table`` holds for ``block``'s type: every writer looks blocks up this way."""
    try:
        return table[type(block)]
    except KeyError:
        raise MissingHandler(f"no handler for {type(block).__name__} blocks") from None
