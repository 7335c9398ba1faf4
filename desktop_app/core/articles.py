"""Making, copying, deleting and moving articles: the editor's article operations, Qt-free.

Each operation checks what it needs before changing anything and raises ``KeyError`` or
``ValueError`` without a change, so an undo command can rely on a failed call having done
nothing. ``plan_article_moves`` works out, without touching the issue, the single moves that
place several articles together in order, as one drag or Ctrl+M does.
"""

from __future__ import annotations

import copy

from .model import Article, Issue, Section, Status, make_id, move_article

COPY_SUFFIX = " (copy)"


def new_article(issue: Issue, title: str, template: Article | None = None) -> Article:
    """A new draft article with an id made from its title (not yet in the issue).

    With a template its standfirst, body and elements are copied in; the title is the one given.
    """
    title = " ".join(title.split())
    if not title:
        raise ValueError("an article needs a title")
    article = copy.deepcopy(template) if template is not None else Article(id="")
    article.id = make_id(title, issue.used_ids())
    article.title = title
    article.status = Status.DRAFT
    article.review_notes = []
    return article


def duplicate_article(issue: Issue, article_id: str) -> Article:
    """A copy of an article with a new id and "(copy)" after its title; not yet in the issue.

    The copy is a draft and leaves the reviewers' comments behind: they were about the original.
    """
    original = issue.article(article_id)
    twin = copy.deepcopy(original)
    twin.title = (original.title or original.id) + COPY_SUFFIX
    twin.id = make_id(twin.title, issue.used_ids())
    twin.status = Status.DRAFT
    twin.review_notes = []
    return twin


def insert_article(issue: Issue, article: Article, section_id: str | None,
                   index: int | None = None) -> None:
    """Put an article into a section (None: the pool) at ``index`` (None: the end)."""
    if article.id in issue.used_ids():
        raise ValueError(f"the id '{article.id}' is already used in this issue")
    target = issue.section(section_id).articles if section_id is not None else issue.pool
    at = len(target) if index is None else max(0, min(index, len(target)))
    target.insert(at, article)


def remove_article(issue: Issue, article_id: str) -> tuple[Article, str | None, int]:
    """Take an article out of the issue: it, the section it was in (None: pool) and where."""
    section, index = issue.find_article(article_id)
    holder = section.articles if section is not None else issue.pool
    return holder.pop(index), (section.id if section is not None else None), index


def delete_from_pool(issue: Issue, article_id: str) -> tuple[Article, int]:
    """Delete an article waiting in the pool: it and its place there.

    A placed article is refused: it goes back to the pool first, so that deleting is always a
    second, deliberate step.
    """
    section, _ = issue.find_article(article_id)
    if section is not None:
        raise ValueError(f"'{article_id}' is placed in {section.title}: return it to the pool "
                         "first")
    article, _, index = remove_article(issue, article_id)
    return article, index


# ---- moving several articles at once --------------------------------------------------------


def final_index_arg(issue: Issue, article_id: str, section_id: str | None, final: int) -> int:
    """The drop-style index that leaves an article at position ``final`` in a list.

    ``move_article`` counts a drop position in the list as it is before the move; moving down
    within the same list therefore needs one more than the place the article should end at.
    """
    current, now = issue.find_article(article_id)
    same = (current.id if current else None) == section_id
    return final + 1 if same and now < final else final


def _shadow(issue: Issue) -> Issue:
    """The issue's arrangement alone (same article objects, new lists), to try moves on."""
    return Issue(sections=[Section(id=s.id, title=s.title, articles=list(s.articles))
                           for s in issue.sections], pool=list(issue.pool))


def plan_article_moves(issue: Issue, article_ids: list[str], section_id: str | None,
                       row: int) -> list[tuple[str, int]]:
    """The moves, each ``(article id, drop index)`` for ``move_article`` applied in turn, that
    put the articles one after another, in the order given, at ``row`` of a section (None: the
    pool; a negative row: the end). KeyError for an unknown article or section; the issue is
    not changed.
    """
    shadow = _shadow(issue)
    for aid in article_ids:
        shadow.find_article(aid)
    if section_id is not None:
        shadow.section(section_id)
    plan: list[tuple[str, int]] = []
    previous: int | None = None
    for aid in article_ids:
        if previous is None:
            target = row
            if target < 0:
                target = len(shadow.section(section_id).articles if section_id
                             else shadow.pool)
        else:
            # Each further article goes right after the one before it, whatever the pops do:
            # ``previous`` is read after the last move, so that is always the next row.
            target = previous + 1
        plan.append((aid, target))
        move_article(shadow, aid, section_id, target)
        previous = shadow.find_article(aid)[1]
    return plan
