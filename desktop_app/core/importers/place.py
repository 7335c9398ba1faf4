"""Putting what an importer read into an issue: pictures checked and written, articles added.

Every importer reads its input into :class:`Draft` articles first and changes nothing. Only
when the whole input has been read does :func:`place_drafts` write the pictures (each checked
with Pillow before it is kept) and add the articles, so a refused file leaves the issue as it
was. The pictures go to ``images_to`` (normally the issue's ``images/``; the command line
passes a staging folder and moves them in once the issue is saved).
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BulletinError
from ..fileio import removed_on_failure
from ..images import ImageProblem, check_image
from ..markup import may_be_unlinked, plain_text, unlinked_addresses
from ..model import (
    STANDARD_SECTIONS,
    Article,
    Contact,
    Image,
    Issue,
    PullQuote,
    Section,
    make_id,
    slugify,
)
from ..storage import IMAGES_DIR
from .ledger import account, article_texts, tokens
from .report import ImportedArticle, ImportReport

_EXTENSIONS = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif"}


@dataclass
class PendingPicture:
    """A picture read from an input, not yet written anywhere."""

    data: bytes
    source_name: str
    alt: str = ""
    caption: str = ""


@dataclass
class Draft:
    """An article read from an input, before it is added to an issue.

    ``section`` is a standard section id, the title of another section (made if missing), or
    None for the pool.
    """

    title: str
    body: str = ""
    standfirst: str = ""
    contacts: list[Contact] = field(default_factory=list)
    pull_quotes: list[PullQuote] = field(default_factory=list)
    pictures: list[PendingPicture] = field(default_factory=list)
    section: str | None = None
    suggested_section: str = ""
    notes: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


def place_drafts(issue: Issue, folder: Path | str, drafts: list[Draft], report: ImportReport,
                 images_to: Path | str | None = None,
                 sections: list[str] | tuple[str, ...] = (), again: bool = False) -> list[Article]:
    """Write the drafts' pictures, then add the drafts to the issue as articles.

    ``sections`` (standard ids or titles) are found or made first, in that order, so an
    edition's own sections keep their order even when one has no articles. A draft the issue
    already has as an article (the same title and text) is reported and skipped, unless
    ``again``: importing a file twice adds nothing the second time.

    Raises BulletinError (having removed any picture it wrote) if a picture cannot be written;
    the issue is changed only after every picture is in place.
    """
    if not again:
        drafts = _new_drafts(issue, drafts, report)
    for draft in drafts:
        if not may_be_unlinked(draft.body):
            continue
        for word in unlinked_addresses(plain_text(draft.body)):
            report.notes.append(f"\"{word}\" in \"{draft.title}\" is not a valid email or web "
                                "address, so it is not a link: check it")
    folder = Path(folder)
    target = Path(images_to) if images_to is not None else folder / IMAGES_DIR
    images: list[list[Image]] = []
    try:
        with removed_on_failure(target) as written:
            if any(draft.pictures for draft in drafts):
                target.mkdir(parents=True, exist_ok=True)
            for draft in drafts:
                images.append(_write_pictures(draft, folder, target, written, report))
    except OSError as exc:
        raise BulletinError(f"cannot write pictures to {target}: {exc.strerror or exc}") from None
    report.images_written.extend(written)

    previous: Section | None = None
    for key in sections:
        previous = section_for(issue, key, report, after=previous)
    articles: list[Article] = []
    for draft, draft_images in zip(drafts, images, strict=True):
        article = Article(id=make_id(draft.title or "imported-article", issue.used_ids()),
                          title=draft.title, standfirst=draft.standfirst, body=draft.body,
                          contacts=list(draft.contacts), pull_quotes=list(draft.pull_quotes),
                          images=draft_images, notes=list(draft.notes), extra=dict(draft.extra))
        if draft.suggested_section:
            article.extra["suggested_section"] = draft.suggested_section
        section = section_for(issue, draft.section, report) if draft.section else None
        (section.articles if section is not None else issue.pool).append(article)
        articles.append(article)
        report.articles.append(ImportedArticle(
            id=article.id, title=article.title,
            section_id=section.id if section is not None else None,
            section_title=section.title if section is not None else "the pool",
            suggested_section=draft.suggested_section,
            contacts=[_contact_line(c) for c in article.contacts],
            quotes=[_quote_line(q) for q in article.pull_quotes],
            images=[f"{i.path} ({'alt: ' + i.alt if i.alt else 'no alt text'})"
                    for i in article.images],
        ))
        for contact in article.contacts:
            if not (contact.name or contact.organisation):
                report.notes.append(f"the contact {contact.email or contact.phone} in "
                                    f"\"{article.title}\" has no name or team: add one")
    return articles


def _same(title: str, body: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(tokens(title)), tuple(tokens(plain_text(body)))


def _new_drafts(issue: Issue, drafts: list[Draft], report: ImportReport) -> list[Draft]:
    """The drafts the issue does not already hold; the others are reported as skipped."""
    titles = {tuple(tokens(d.title)) for d in drafts}
    # Only articles with a draft's title need their text compared.
    have = {_same(a.title, a.body): a for a in issue.all_articles()
            if tuple(tokens(a.title)) in titles}
    fresh: list[Draft] = []
    for draft in drafts:
        existing = have.get(_same(draft.title, draft.body)) if have else None
        if existing is None:
            fresh.append(draft)
            continue
        section, _ = issue.find_article(existing.id)
        where = section.title if section is not None else "the pool"
        report.skipped.append(f"\"{draft.title}\" is already in the issue (in {where}, "
                              f"[{existing.id}]): not imported again")
        shadow = Article(id="", title=draft.title, standfirst=draft.standfirst, body=draft.body,
                         contacts=draft.contacts, pull_quotes=draft.pull_quotes,
                         notes=draft.notes, extra=dict(draft.extra))
        report.lost_text.extend(article_texts(shadow))
        report.lost_text.extend(f"{p.alt} {p.caption}" for p in draft.pictures)
    return fresh


def finish_ledger(report: ImportReport, issue: Issue, source_text: str, before: Counter[str],
                  section_titles: list[str] | tuple[str, ...] = ()) -> None:
    """Balance the source's words against what the import did (see :mod:`.ledger`)."""
    report.ledger = account(issue, [a.id for a in report.articles], before, source_text,
                            report.structure, report.lost_text, section_titles)


def section_for(issue: Issue, wanted: str, report: ImportReport,
                after: Section | None = None) -> Section:
    """The section a standard id or a title names, made (and reported) if the issue lacks it.

    A new standard section goes where the standard order puts it; another goes after
    ``after`` (or at the end).
    """
    for section in issue.sections:
        if section.id == wanted or section.title.casefold() == wanted.casefold():
            return section
    standard = dict(STANDARD_SECTIONS)
    title = standard.get(wanted, wanted)
    section = Section(id=wanted if wanted in standard and wanted not in issue.used_ids()
                      else make_id(title, issue.used_ids()), title=title)
    if wanted in standard:
        # Keep the standard order: after the last standard section that comes before it.
        order = [sid for sid, _ in STANDARD_SECTIONS]
        index = 0
        for i, existing in enumerate(issue.sections):
            if existing.id in order and order.index(existing.id) < order.index(wanted):
                index = i + 1
        issue.sections.insert(index, section)
    elif after is not None and after in issue.sections:
        issue.sections.insert(issue.sections.index(after) + 1, section)
    else:
        issue.sections.append(section)
    report.issue_changes.append(f"added the section \"{section.title}\"")
    return section


def _write_pictures(draft: Draft, folder: Path, target: Path, written: list[Path],
                    report: ImportReport) -> list[Image]:
    images: list[Image] = []
    base = slugify(draft.title or "picture", 30)
    for n, picture in enumerate(draft.pictures, 1):
        name = _free_name(folder / IMAGES_DIR, target, f"{base}-{n}")
        path = target / f"{name}.img"
        with open(path, "xb") as handle:
            handle.write(picture.data)
        try:
            fmt, _, _ = check_image(path)
        except ImageProblem as exc:
            path.unlink()
            reason = str(exc).split(": ", 1)[-1]
            report.drop(f"picture '{picture.source_name}' in \"{draft.title}\": {reason}",
                        f"{picture.alt} {picture.caption}")
            continue
        final = target / f"{name}{_EXTENSIONS[fmt]}"
        if final.exists() or (folder / IMAGES_DIR / final.name).exists():
            path.unlink()
            raise OSError(f"{final.name} appeared while importing")
        os.replace(path, final)
        written.append(final)
        images.append(Image(path=f"{IMAGES_DIR}/{final.name}", alt=picture.alt,
                            caption=picture.caption))
        if not picture.alt:
            report.notes.append(f"picture '{picture.source_name}' in \"{draft.title}\" has no "
                                "alt text: add a description")
    return images


def _free_name(images_dir: Path, target: Path, stem: str) -> str:
    taken = set()
    for place in {images_dir, target}:
        with contextlib.suppress(OSError):
            taken |= {p.stem for p in place.iterdir()}
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def _contact_line(contact: Contact) -> str:
    return ", ".join(b for b in contact.texts() if b)


def _quote_line(quote: PullQuote) -> str:
    text = quote.text if len(quote.text) <= 70 else quote.text[:67] + "..."
    who = f" \u2014 {quote.attribution}" if quote.attribution else " (no speaker)"
    mark = " [suggested: accept or remove it]" if quote.extra.get("suggested") else ""
    return f"\u201c{text}\u201d{who}{mark}"
