"""Find and replace across a whole issue: titles, standfirsts, bodies, quotes and contacts.

Every piece of text the editor writes has a :class:`Place` (which article or section, which
field, which item of a list); :func:`find_all` lists each match with a little of the text
around it, and :func:`plan_replacements` works out the new value of each field without
changing the issue, so the window can apply them all as one undo step. Bodies, intros and the
welcome are Markdown: the words put in are escaped so they stay words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .importers.write_markup import escape
from .model import CONTACT_KEYS, Contact, Issue
from .proof.fields import MARKDOWN_FIELDS, Where

TITLES, STANDFIRSTS, BODIES, QUOTES, CONTACTS = "titles", "standfirsts", "bodies", "quotes", \
    "contacts"
SCOPES = (TITLES, STANDFIRSTS, BODIES, QUOTES, CONTACTS)
SCOPE_LABELS = {TITLES: "Titles", STANDFIRSTS: "Standfirsts", BODIES: "Bodies",
                QUOTES: "Quotes", CONTACTS: "Contacts"}
CONTEXT = 36  # characters shown either side of a match


@dataclass(frozen=True)
class Place:
    """Where a piece of text lives in the issue.

    ``article_id`` for an article's field, else ``section_id`` for a section's, else the issue's
    own (the welcome, the team contacts). ``index`` and ``key`` pick an item of a list and its
    attribute: pull quote 2's ``attribution``, contact 0's ``email``.
    """

    field: str
    article_id: str | None = None
    section_id: str | None = None
    index: int | None = None
    key: str = ""


@dataclass(frozen=True)
class Match:
    """One match: where, the span in that text, and the words around it for the list."""

    place: Place
    start: int
    end: int
    before: str
    text: str
    after: str
    where: str  # "Local profiles: ... \u2014 body"


def _contact_places(contacts: list[Contact], **at: object) -> Iterator[tuple[Place, str]]:
    for i, contact in enumerate(contacts):
        for key in CONTACT_KEYS:
            yield Place(index=i, key=key, **at), getattr(contact, key)  # type: ignore[arg-type]


def texts(issue: Issue, scopes: tuple[str, ...] | set[str] = SCOPES
          ) -> Iterator[tuple[Place, str, str]]:
    """Every searchable text in issue order: its place, a label for people, and the text."""
    if BODIES in scopes:
        yield Place("welcome"), "Welcome text", issue.welcome
    if CONTACTS in scopes:
        for place, value in _contact_places(issue.team_contacts, field="team_contacts"):
            yield place, "Team contacts", value
    for section in issue.sections:
        name = section.title or section.id
        if TITLES in scopes:
            yield Place("title", section_id=section.id), f"Section {name}", section.title
        if BODIES in scopes:
            yield Place("intro", section_id=section.id), f"Section {name} \u2014 intro", \
                section.intro
        for article in section.articles:
            yield from _article_texts(article, scopes)
    for article in issue.pool:
        yield from _article_texts(article, scopes)


def _article_texts(article, scopes) -> Iterator[tuple[Place, str, str]]:
    name = article.title or article.id
    aid = article.id
    if TITLES in scopes:
        yield Place("title", aid), f"{name} \u2014 title", article.title
    if STANDFIRSTS in scopes:
        yield Place("standfirst", aid), f"{name} \u2014 standfirst", article.standfirst
    if BODIES in scopes:
        yield Place("body", aid), f"{name} \u2014 body", article.body
        for i, note in enumerate(getattr(article, "notes", [])):
            yield Place("notes", aid, index=i), f"{name} \u2014 note {i + 1}", note
    if QUOTES in scopes:
        for i, quote in enumerate(article.pull_quotes):
            yield Place("pull_quotes", aid, index=i, key="text"), \
                f"{name} \u2014 pull quote {i + 1}", quote.text
            yield Place("pull_quotes", aid, index=i, key="attribution"), \
                f"{name} \u2014 pull quote {i + 1}", quote.attribution
    if CONTACTS in scopes:
        for place, value in _contact_places(article.contacts, field="contacts", article_id=aid):
            yield place, f"{name} \u2014 contact {place.index + 1}", value


def pattern(needle: str, match_case: bool = False, whole_words: bool = False) -> re.Pattern:
    """The compiled search for some words: literal, optionally case-sensitive or whole words.

    Any run of spaces in the words matches any run of white space, so a phrase is found
    across the line breaks of a hard-wrapped body.
    """
    body = r"\s+".join(re.escape(part) for part in needle.split())
    if whole_words:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def find_all(issue: Issue, needle: str, scopes: tuple[str, ...] | set[str] = SCOPES,
             match_case: bool = False, whole_words: bool = False,
             limit: int | None = None) -> list[Match]:
    """Every match of ``needle`` in the chosen parts of the issue, in issue order."""
    if not needle.strip():
        return []
    search = pattern(needle, match_case, whole_words)
    found: list[Match] = []
    for place, where, value in texts(issue, scopes):
        if not value:
            continue
        for hit in search.finditer(value):
            start, end = hit.span()
            found.append(Match(place, start, end, _squash(value[max(0, start - CONTEXT):start]),
                               value[start:end], _squash(value[end:end + CONTEXT]), where))
            if limit is not None and len(found) >= limit:
                return found
    return found


def _squash(text: str) -> str:
    return text.replace("\n", " ")


# ---- reading and writing a place -------------------------------------------------------------


def get_value(issue: Issue, place: Place | Where) -> str:
    """The current text at a place; KeyError or IndexError if it is gone."""
    owner, attr = _owner(issue, place)
    return owner[attr] if isinstance(owner, list) else getattr(owner, attr)


def set_value(issue: Issue, place: Place | Where, value: str) -> None:
    """Put text at a place."""
    owner, attr = _owner(issue, place)
    if isinstance(owner, list):
        owner[attr] = value
    else:
        setattr(owner, attr, value)


def _owner(issue: Issue, place: Place | Where) -> tuple[object, str | int]:
    """What holds the text (an object, or a list of texts such as notes or a sidebar's
    points) and its name there. ``place`` is a find Place or a proofing Where: the same
    fields, and a Where's ``item`` picks a point of a sidebar."""
    if place.article_id is not None:
        holder: object = issue.article(place.article_id)
    elif place.section_id is not None:
        holder = issue.section(place.section_id)
    else:
        holder = issue
    if place.index is None:
        return holder, place.field
    items = getattr(holder, place.field)
    if not place.key:
        items[place.index]  # noqa: B018 - IndexError for a note that is gone
        return items, place.index
    item = getattr(place, "item", None)
    if item is None:
        return items[place.index], place.key
    points = getattr(items[place.index], place.key)
    points[item]  # noqa: B018 - IndexError for a point that is gone
    return points, item


@dataclass(frozen=True)
class Change:
    """The text at a place before and after a replacement."""

    place: Place | Where
    old: str
    new: str


def plan_replacements(issue: Issue, matches: list[Match], replacement: str) -> list[Change]:
    """The new text of each place the matches are in, with every match still there replaced.

    A match whose words have changed since it was found is left alone, so an old list never
    replaces the wrong words. In Markdown fields the replacement is escaped.
    """
    by_place: dict[Place, list[Match]] = {}
    for match in matches:
        by_place.setdefault(match.place, []).append(match)
    changes: list[Change] = []
    for place, found in by_place.items():
        try:
            old = get_value(issue, place)
        except (KeyError, IndexError, AttributeError):
            continue
        words = escape(replacement) if place.field in MARKDOWN_FIELDS else replacement
        new = splice(old, [(m.start, m.end, m.text, words) for m in found])
        if new != old:
            changes.append(Change(place, old, new))
    return changes


def splice(text: str, edits: list[tuple[int, int, str, str]]) -> str:
    """``text`` with each edit ``(start, end, words there, new words)`` made, from the last
    back. An edit whose words are no longer there, or that overlaps one after it, is left
    out: an edit is only safe on the text it was made for."""
    new, last = text, len(text) + 1
    for start, end, words, replacement in sorted(edits, key=lambda e: e[0], reverse=True):
        if end > last or text[start:end] != words:
            continue  # overlapping, or no longer there
        new = new[:start] + replacement + new[end:]
        last = start
    return new


def apply_changes(issue: Issue, changes: list[Change], undo: bool = False) -> None:
    """Put the new (or, for undo, the old) text of each change in place."""
    for change in (reversed(changes) if undo else changes):
        set_value(issue, change.place, change.old if undo else change.new)
