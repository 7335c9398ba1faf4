"""The bulletin's model: an issue, its sections, its articles and their elements.

Plain dataclasses with no I/O. Storage turns them into YAML and back; the layout
module turns them into the export intermediate form; the GUI edits them through
the operations at the bottom of this module.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 1

BULLETIN_TITLE = "SOC Local Partnerships Bulletin"
BULLETIN_STRAPLINE = "Working together to tackle serious and organised crime"

STANDARD_SECTIONS: tuple[tuple[str, str], ...] = (
    ("welcome", "Welcome"),
    ("in-the-spotlight", "In the Spotlight"),
    ("from-the-centre", "From the Centre"),
    ("whats-new", "What's New"),
    ("meet-the", "Meet the\u2026"),
    ("partnerships-in-action", "Partnerships in Action"),
    ("disruptions", "Disruptions"),
    ("prevent", "Prevent"),
    ("protection", "Protection"),
    ("feedback", "Feedback"),
)

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class Status(StrEnum):
    """Where an article stands in the editor's workflow."""

    DRAFT = "draft"
    READY = "ready"
    HELD_OVER = "held-over"

    @property
    def label(self) -> str:
        return {"draft": "Draft", "ready": "Ready", "held-over": "Held over"}[self.value]


# A contact's fields, in the order every output prints them.
CONTACT_KEYS = ("name", "role", "organisation", "email", "phone")


@dataclass
class Contact:
    """A person to contact: printed in contact blocks and the team list."""

    name: str = ""
    role: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=True, repr=False)

    def key(self) -> tuple[str, str]:
        """Identity used to offer a contact once in pickers."""
        return (self.name.strip().casefold(), self.email.strip().casefold())

    def texts(self) -> list[str]:
        """What a contact block prints: name, role, organisation, email and phone."""
        return [getattr(self, key) for key in CONTACT_KEYS]


@dataclass
class PullQuote:
    """A short quotation printed large, with who said it."""

    text: str = ""
    attribution: str = ""
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Image:
    """A picture in the issue folder, with its alt text and caption."""

    path: str = ""
    alt: str = ""
    caption: str = ""
    # A picture that adds nothing a reader needs (a divider, a background): it needs no alt
    # text, and accessible outputs mark it as decoration (a PDF artifact, alt="").
    decorative: bool = False
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class StatisticCallout:
    """A figure printed large with a line saying what it measures."""

    value: str = ""
    label: str = ""
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    kind = "statistic"


@dataclass
class SidebarCallout:
    """A boxed aside: a title and a short bullet list."""

    title: str = ""
    items: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    kind = "sidebar"


Callout = StatisticCallout | SidebarCallout


@dataclass(frozen=True)
class CalloutField:
    """One field of a callout kind: its attribute, its label, and whether it is a list of lines."""

    name: str
    label: str
    lines: bool = False
    placeholder: str = ""


@dataclass(frozen=True)
class CalloutKind:
    """Everything the app knows about one kind of callout, in one place.

    Storage reads and writes the fields, validation checks the required ones, the layout makes
    the block named ``block``, and the editor builds its form from ``fields``. A new kind is a
    class above, one entry in ``CALLOUT_KINDS`` and a block with a handler in each writer.
    """

    kind: str
    label: str
    cls: type
    fields: tuple[CalloutField, ...]
    required: tuple[str, ...]
    incomplete: str  # the problem when a required field is empty: "needs a figure and a label"
    block: str  # the kind of the intermediate-form block drawn for it

    def new(self) -> Callout:
        return self.cls()

    def is_complete(self, callout: Callout) -> bool:
        return all(_filled(getattr(callout, name)) for name in self.required)

    def describe(self, callout: Callout) -> str:
        """One line for lists: "Statistic: £24 billion lost each year"."""
        shown = [f for f in self.fields if not f.lines] or list(self.fields)
        words = " ".join(_joined(getattr(callout, f.name)) for f in shown)
        return f"{self.label}: {' '.join(words.split())}".rstrip(": ") or self.label


def _filled(value: Any) -> bool:
    return any(str(v).strip() for v in value) if isinstance(value, list) else bool(
        str(value).strip())


def _joined(value: Any) -> str:
    return "; ".join(value) if isinstance(value, list) else str(value)


CALLOUT_KINDS: dict[str, CalloutKind] = {k.kind: k for k in (
    CalloutKind("statistic", "Statistic", StatisticCallout,
                (CalloutField("value", "Figure", placeholder="\u00a324 billion"),
                 CalloutField("label", "What it measures")),
                required=("value", "label"), incomplete="needs a figure and a label",
                block="statistic"),
    CalloutKind("sidebar", "Sidebar", SidebarCallout,
                (CalloutField("title", "Sidebar title"),
                 CalloutField("items", "Points (one a line)", lines=True)),
                required=("title", "items"), incomplete="needs a title and at least one point",
                block="sidebar"),
)}


def callout_kind(callout: Callout) -> CalloutKind:
    """The declared kind of a callout; KeyError for a callout of no declared kind."""
    return CALLOUT_KINDS[callout.kind]


@dataclass
class ReviewNote:
    """A reviewer's comment brought back from the Word file."""

    key: str = ""
    author: str = ""
    initials: str = ""
    date: str = ""
    text: str = ""
    anchor: str = ""
    reply_to: str = ""
    resolved: bool = False
    done: bool = False
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class AcceptedFinding:
    """A proofing finding the editor has looked at and keeps, with the reason why."""

    rule: str = ""
    article: str = ""  # the article's id; empty for the issue's own text (welcome, intros)
    text: str = ""  # the exact words found; empty for every finding of the rule there
    reason: str = ""
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Proofing:
    """What the editor told the proofing checker about this issue."""

    ignored_words: list[str] = field(default_factory=list)  # "Ignore in this issue"
    accepted: list[AcceptedFinding] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Article:
    """One article: the unit contributors send and the editor places."""

    id: str
    title: str = ""
    standfirst: str = ""
    body: str = ""
    status: Status = Status.DRAFT
    pull_quotes: list[PullQuote] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    callouts: list[Callout] = field(default_factory=list)
    review_notes: list[ReviewNote] = field(default_factory=list)
    # Footnotes and endnotes, numbered in order: each one line of body markup, printed at the
    # end of the article; the text refers to them as "[1]", "[2]"...
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Section:
    """A titled run of articles under one banner."""

    id: str
    title: str = ""
    intro: str = ""
    articles: list[Article] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class ExportOptions:
    """How the issue is exported; saved with the issue."""

    theme: str = "default"
    paper: str | None = None
    columns: int | None = None
    docx_columns: int = 1
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Issue:
    """A whole edition of the bulletin."""

    title: str = BULLETIN_TITLE
    strapline: str = BULLETIN_STRAPLINE
    edition: int = 1
    published: str = ""
    welcome: str = ""
    team_contacts: list[Contact] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    pool: list[Article] = field(default_factory=list)
    export: ExportOptions = field(default_factory=ExportOptions)
    review_notes: list[ReviewNote] = field(default_factory=list)
    proofing: Proofing = field(default_factory=Proofing)
    schema_version: int = SCHEMA_VERSION
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    # ---- lookups -------------------------------------------------------------------------

    @property
    def edition_words(self) -> str:
        """The edition as printed: "Seventh edition"."""
        return f"{ordinal_words(self.edition).capitalize()} edition"

    @property
    def edition_line(self) -> str:
        """The masthead's edition line: "Seventh edition · Autumn 2026"."""
        if self.published.strip():
            return f"{self.edition_words} \u00b7 {self.published.strip()}"
        return self.edition_words

    def all_articles(self) -> list[Article]:
        """Placed articles in issue order, then the pool."""
        placed = [a for s in self.sections for a in s.articles]
        return placed + list(self.pool)

    def placed_articles(self) -> list[Article]:
        return [a for s in self.sections for a in s.articles]

    def find_article(self, article_id: str) -> tuple[Section | None, int]:
        """The section holding an article (None for the pool) and its index there."""
        for section in self.sections:
            for i, art in enumerate(section.articles):
                if art.id == article_id:
                    return section, i
        for i, art in enumerate(self.pool):
            if art.id == article_id:
                return None, i
        raise KeyError(article_id)

    def article(self, article_id: str) -> Article:
        section, index = self.find_article(article_id)
        return (section.articles if section else self.pool)[index]

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def section_index(self, section_id: str) -> int:
        return self.sections.index(self.section(section_id))

    def used_ids(self) -> set[str]:
        return {s.id for s in self.sections} | {a.id for a in self.all_articles()}

    def known_contacts(self) -> list[Contact]:
        """Every distinct contact used in this issue, team first, for pickers."""
        return unique_contacts(self.team_contacts,
                               [c for a in self.all_articles() for c in a.contacts])


def element_texts(article: Article) -> list[str]:
    """The text of an article's elements as stored: pull quotes, contacts, pictures' alt text
    and captions, and each callout's declared fields."""
    out: list[str] = []
    for quote in article.pull_quotes:
        out += [quote.text, quote.attribution]
    for contact in article.contacts:
        out += contact.texts()
    for image in article.images:
        out += [image.alt, image.caption]
    for callout in article.callouts:
        for declared in callout_kind(callout).fields:
            value = getattr(callout, declared.name)
            out += value if isinstance(value, list) else [str(value)]
    return out


def printed_texts(article: Article) -> list[str]:
    """Every piece of text of an article that an export prints, as stored (markup and all)."""
    return [article.title, article.standfirst, article.body, *article.notes,
            *element_texts(article)]


def unique_contacts(*groups: list[Contact]) -> list[Contact]:
    """Every named contact from the groups in order, each person once."""
    seen: set[tuple[str, str]] = set()
    found: list[Contact] = []
    for group in groups:
        for contact in group:
            if contact.key() not in seen and contact.name.strip():
                seen.add(contact.key())
                found.append(contact)
    return found


# ---- operations ----------------------------------------------------------------------------
# Each one changes the issue in place and raises ValueError or KeyError when it cannot, before
# changing anything, so an undo command can rely on a failed call having done nothing.


def new_issue(edition: int = 1, published: str = "") -> Issue:
    """An empty issue with the standard sections."""
    return Issue(
        edition=edition,
        published=published,
        sections=[Section(id=sid, title=title) for sid, title in STANDARD_SECTIONS],
    )


def move_article(issue: Issue, article_id: str, section_id: str | None, index: int) -> None:
    """Move an article into a section (None for the pool) at a position.

    The index counts positions in the target list as it is before the move, as a drop does.
    """
    source, old = issue.find_article(article_id)
    target = issue.section(section_id).articles if section_id is not None else issue.pool
    origin = source.articles if source is not None else issue.pool
    index = max(0, min(index, len(target)))
    article = origin.pop(old)
    if origin is target and old < index:
        index -= 1
    target.insert(index, article)


def add_section(issue: Issue, title: str, index: int | None = None) -> Section:
    """Add an empty section with an id made from its title."""
    if not title.strip():
        raise ValueError("A section needs a title")
    section = Section(id=make_id(title, issue.used_ids()), title=title.strip())
    issue.sections.insert(len(issue.sections) if index is None else index, section)
    return section


def rename_section(issue: Issue, section_id: str, title: str) -> None:
    if not title.strip():
        raise ValueError("A section needs a title")
    issue.section(section_id).title = title.strip()


def remove_section(issue: Issue, section_id: str) -> Section:
    """Remove a section; its articles go back to the end of the pool."""
    section = issue.section(section_id)
    issue.sections.remove(section)
    issue.pool.extend(section.articles)
    return section


def move_section(issue: Issue, section_id: str, index: int) -> None:
    """Move a section to a position counted before the move, as a drop does."""
    old = issue.section_index(section_id)
    index = max(0, min(index, len(issue.sections)))
    section = issue.sections.pop(old)
    if old < index:
        index -= 1
    issue.sections.insert(index, section)


# ---- helpers -------------------------------------------------------------------------------

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_ONES = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}


def cardinal_words(n: int) -> str:
    """English words for 0 to 999: 21 -> "twenty-one"."""
    if not 0 <= n < 1000:
        return str(n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_ONES[hundreds]} hundred"
    return head + (f" and {cardinal_words(rest)}" if rest else "")


def ordinal_words(n: int) -> str:
    """English ordinal words: 7 -> "seventh", 21 -> "twenty-first"; digits past 999."""
    if not 1 <= n < 1000:
        return f"{n}th"
    head, last = re.match(r"(.*[ -])?([a-z]+)$", cardinal_words(n)).groups()
    if last in _ORDINAL_ONES:
        last = _ORDINAL_ONES[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head or ''}{last}"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """A count with its noun: "1 article", "2 articles", "0 pages"."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def slugify(text: str, limit: int = 40) -> str:
    """A lower-case id made of letters, digits and hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    slug = slug[:limit].rstrip("-")
    return slug or "item"


def make_id(title: str, taken: set[str]) -> str:
    """A new id from a title that no other section or article has."""
    base = slugify(title)
    if base not in taken:
        return base
    while True:
        candidate = f"{base[:33]}-{secrets.token_hex(3)}"
        if candidate not in taken:
            return candidate
