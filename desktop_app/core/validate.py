"""Checks an issue before it is exported: every problem with its file, line and field."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import BulletinError
from .export_checks import ERROR, WARNING, export_findings, issue_theme
from .images import ImageProblem, check_image
from .markup import link_problem, parse
from .model import ID_PATTERN, Article, Contact, Issue, Status, callout_kind
from .storage import ISSUE_FILE, SourceMap, image_file
from .theme import Theme, contrast_problems

EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an issue, and where: enough for a GUI to jump to it."""

    severity: str
    message: str
    file: Path | None = None
    line: int | None = None
    section_id: str | None = None
    article_id: str | None = None
    field: str = ""

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return f"{where}{self.severity}: {self.message}"


def validate(issue: Issue, folder: Path | None = None, source: SourceMap | None = None,
             check_files: bool = True) -> list[Problem]:
    """Every problem in an issue, in issue order."""
    folder = Path(folder) if folder is not None else None
    source = source or SourceMap()
    file = folder / ISSUE_FILE if folder is not None else None
    problems: list[Problem] = []

    def add(severity: str, message: str, kind: str | None = None, ident: str | None = None,
            *sub: object, section_id: str | None = None, article_id: str | None = None,
            field: str = "") -> None:
        if kind is None:
            # Top-level keys only by exact path: a missing title has no line of its own.
            line = source.line("", None, *sub) if len(sub) > 1 else source.lines.get(sub)
        else:
            line = source.line(kind, ident, *sub)
        problems.append(Problem(severity, message, file, line, section_id, article_id, field))

    if not issue.title.strip():
        add(ERROR, "the bulletin has no title", None, None, "title", field="title")
    if not issue.published.strip():
        add(WARNING, "no publication date or season", None, None, "published", field="published")
    _links(issue.welcome, "the welcome text", lambda m, ln: add(
        ERROR, m, None, None, "welcome", field="welcome"))
    for i, contact in enumerate(issue.team_contacts):
        for message, key in _contact_problems(contact):
            add(ERROR, f"team contact {i + 1}: {message}", None, None, "team_contacts", i, key,
                field="team_contacts")

    theme: Theme | None = None
    try:
        theme = issue_theme(issue)
    except BulletinError as exc:
        add(ERROR, f"theme: {exc}", None, None, "export", "theme", field="theme")
    else:
        for severity, message in theme_problems(theme, check_files):
            add(severity, message, None, None, "export", "theme", field="theme")

    ids = Counter([s.id for s in issue.sections] + [a.id for a in issue.all_articles()])
    for ident, count in ids.items():
        if count > 1:
            kind = "section" if any(s.id == ident for s in issue.sections) else "article"
            add(ERROR, f"the id '{ident}' is used {count} times; ids must be unique", kind, ident,
                "id", field="id")

    for section in issue.sections:
        sid = section.id
        if not ID_PATTERN.match(section.id):
            add(ERROR, f"section id '{section.id}' should be lower-case letters, digits and "
                "hyphens", "section", sid, "id", section_id=sid, field="id")
        if not section.title.strip():
            add(ERROR, f"section '{sid}' has no title", "section", sid, "title", section_id=sid,
                field="title")
        welcome = sid == "welcome" and bool(issue.welcome.strip())
        if not section.articles and not welcome:
            add(WARNING, f"section '{section.title or sid}' is empty", "section", sid,
                section_id=sid)
        _links(section.intro, f"the intro of section '{section.title}'", lambda m, ln, sid=sid:
               add(ERROR, m, "section", sid, "intro", section_id=sid, field="intro"))
        for article in section.articles:
            problems.extend(_article(article, sid, folder, source, file, check_files))
    for article in issue.pool:
        problems.extend(_article(article, None, folder, source, file, check_files))
    for found in export_findings(issue, theme):  # what the exports would refuse or lose
        line = (source.line("article", found.article_id, found.field) if found.article_id
                else source.line("", None, *found.where))
        problems.append(Problem(found.severity, found.message, file, line, None,
                                found.article_id, found.field))
    return problems


def _article(article: Article, section_id: str | None, folder: Path | None, source: SourceMap,
             file: Path | None, check_files: bool) -> list[Problem]:
    out: list[Problem] = []
    aid = article.id
    name = f"'{article.title or aid}'"

    def add(severity: str, message: str, field: str, *sub: object, offset: int = 0) -> None:
        line = source.line("article", aid, field, *sub)
        if line is not None and offset:
            line += offset  # a body line: the text starts on the line after its key
        out.append(Problem(severity, f"article {name}: {message}", file, line, section_id, aid,
                           field))

    if not ID_PATTERN.match(aid):
        add(ERROR, f"id '{aid}' should be lower-case letters, digits and hyphens", "id")
    if not article.title.strip():
        add(ERROR, "no title", "title")
    if not article.body.strip():
        add(WARNING, "no body text", "body")
    if section_id is not None and article.status is not Status.READY:
        add(WARNING, f"placed in the issue but marked {article.status.label.lower()}", "status")
    _links(article.body, "the body", lambda m, ln: add(ERROR, m, "body", offset=ln or 0))
    for i, note in enumerate(article.notes):
        _links(note, f"note {i + 1}", lambda m, ln, i=i: add(ERROR, m, "notes", i))
    if not article.contacts:
        add(WARNING, "no contact for more information", "contacts")
    for i, contact in enumerate(article.contacts):
        for message, key in _contact_problems(contact):
            add(ERROR, f"contact {i + 1}: {message}", "contacts", i, key)
    for i, quote in enumerate(article.pull_quotes):
        if not quote.text.strip():
            add(ERROR, f"pull quote {i + 1} has no text", "pull_quotes", i)
    for i, callout in enumerate(article.callouts):
        kind = callout_kind(callout)
        if not kind.is_complete(callout):
            add(ERROR, f"{kind.kind} {i + 1} {kind.incomplete}", "callouts", i)
    for i, image in enumerate(article.images):
        label = f"image {i + 1} ({image.path or 'no file'})"
        if not image.alt.strip() and not image.decorative:
            add(ERROR, f"{label} has no alt text", "images", i, "alt")
        if not image.path.strip():
            add(ERROR, f"{label}: no file chosen", "images", i, "path")
        elif check_files and folder is not None:
            path = image_file(folder, image)
            if not path.is_file():
                add(ERROR, f"{label} is missing from the issue folder", "images", i, "path")
            else:
                try:
                    check_image(path, full=True)
                except ImageProblem as exc:
                    add(ERROR, f"{label}: {exc}", "images", i, "path")
    return out


def theme_problems(theme: Theme, check_files: bool = True) -> list[tuple[str, str]]:
    """What is wrong with the issue's theme: (severity, message) for each problem.

    Text colours too faint on their background (WCAG 2.1 AA: 4.5:1, 3:1 for large text)
    and a logo without alt text make a PDF that is not accessible; a logo file that is missing
    or damaged is left out of the exports.
    """
    label = f"theme '{theme.name}'"
    problems = [(ERROR, f"{label}: {problem}") for problem in contrast_problems(theme)]
    logo = theme.logo
    if logo is not None:
        if not logo.alt:
            problems.append((ERROR, f"{label}: the logo {logo.path.name} has no alt text"))
        if check_files:
            if not logo.path.is_file():
                problems.append((WARNING, f"{label}: the logo {logo.path.name} is missing, "
                                          "so the exports leave it out"))
            else:
                try:
                    check_image(logo.path)
                except ImageProblem as exc:
                    problems.append((WARNING, f"{label}: the logo cannot be used ({exc}), so "
                                              "the exports leave it out"))
    return problems


def _contact_problems(contact: Contact) -> list[tuple[str, str]]:
    """Each problem with a contact, and the contact field it is about."""
    problems = []
    if not contact.name.strip() and not contact.email.strip():
        problems.append(("needs a name or an email address", "name"))
    if contact.email.strip() and not EMAIL.match(contact.email.strip()):
        problems.append((f"'{contact.email}' is not a valid email address", "email"))
    return problems


def _links(text: str, where: str, report) -> None:
    for bad in parse(text).bad_links:
        report(f"link '{bad.text}' in {where} goes to '{bad.href}': {link_problem(bad.href)}",
               bad.line)
