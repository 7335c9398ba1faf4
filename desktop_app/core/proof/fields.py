"""Where text lives in an issue: every field the checker reads, and how to read or change one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..model import Article, Issue, SidebarCallout, StatisticCallout

# Field kinds: how the text is read (Markdown or plain) and what the rules expect of it.
MARKDOWN_FIELDS = frozenset({"body", "welcome", "intro", "notes"})


class Where(NamedTuple):
    """One field of an issue: an article's body, its second picture's alt text, the welcome.

    ``field`` is the model attribute ("body", "images"); ``index`` the element of a list field;
    ``key`` the element's attribute ("alt"); ``item`` a sidebar point. A named tuple: the
    checker makes and hashes thousands of them on every check.
    """

    field: str
    article_id: str | None = None
    section_id: str | None = None
    index: int | None = None
    key: str = ""
    item: int | None = None

    @property
    def markdown(self) -> bool:
        return self.field in MARKDOWN_FIELDS

    @property
    def kind(self) -> str:
        """What the text is: "body", "title", "alt", "caption", "quote", "attribution"…"""
        if self.field == "pull_quotes":
            return "quote" if self.key == "text" else "attribution"
        if self.field == "images":
            return self.key
        if self.field == "callouts":
            return "callout"
        if self.field == "notes":
            return "note"
        return self.field

    def label(self) -> str:
        """The field in an editor's words: "body", "pull quote 1", "image 2 alt text"."""
        n = (self.index or 0) + 1
        if self.field == "pull_quotes":
            return f"pull quote {n}" + (" attribution" if self.key == "attribution" else "")
        if self.field == "images":
            return f"image {n} " + ("alt text" if self.key == "alt" else self.key)
        if self.field == "callouts":
            if self.key == "items":
                return f"callout {n} point {(self.item or 0) + 1}"
            return f"callout {n} {self.key}"
        if self.field == "intro":
            return "section introduction"
        if self.field == "notes":
            return f"note {n}"
        if self.field == "welcome":
            return "welcome text"
        return self.field

    def to_data(self) -> dict:
        out: dict = {"field": self.field}
        for name in ("article_id", "section_id", "index", "item"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.key:
            out["key"] = self.key
        return out


def article_fields(article: Article, section_id: str | None) -> Iterator[tuple[Where, str]]:
    """Every checked field of an article, in reading order, with its text."""
    aid = article.id

    def at(field: str, index: int | None = None, key: str = "", item: int | None = None):
        return Where(field, aid, section_id, index, key, item)

    yield at("title"), article.title
    yield at("standfirst"), article.standfirst
    yield at("body"), article.body
    for i, quote in enumerate(article.pull_quotes):
        yield at("pull_quotes", i, "text"), quote.text
        yield at("pull_quotes", i, "attribution"), quote.attribution
    for i, image in enumerate(article.images):
        yield at("images", i, "alt"), image.alt
        yield at("images", i, "caption"), image.caption
    for i, note in enumerate(getattr(article, "notes", [])):
        yield at("notes", i), note
    for i, callout in enumerate(article.callouts):
        if isinstance(callout, StatisticCallout):
            yield at("callouts", i, "label"), callout.label
        elif isinstance(callout, SidebarCallout):
            yield at("callouts", i, "title"), callout.title
            for j, point in enumerate(callout.items):
                yield at("callouts", i, "items", j), point


def issue_fields(issue: Issue) -> Iterator[tuple[Where, str]]:
    """Every checked field of an issue in reading order: the welcome, each section's intro and
    articles, then the pool."""
    yield Where("welcome"), issue.welcome
    for section in issue.sections:
        yield Where("intro", section_id=section.id), section.intro
        for article in section.articles:
            yield from article_fields(article, section.id)
    for article in issue.pool:
        yield from article_fields(article, None)
