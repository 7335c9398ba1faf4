"""What would trip an export, found before it runs: an unknown paper, and characters no font
can draw.

``validate`` turns these findings into problems with file and line; the PDF writer reports the
glyph findings as warnings, so text never vanishes from a PDF without a word.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from .errors import BulletinError
from .model import Article, ExportOptions, Issue, SidebarCallout, StatisticCallout
from .theme import PAPER_SIZES, Theme, load_theme

ERROR = "error"
WARNING = "warning"
MAX_LISTED = 6


@dataclass(frozen=True)
class Finding:
    """One thing an export would trip on; ``where`` is the path of its value in the file."""

    severity: str
    message: str
    where: tuple = ()
    article_id: str | None = None
    field: str = ""


def export_findings(issue: Issue) -> list[Finding]:
    """The paper, and text the fonts cannot draw: what the exporters would refuse or lose.

    A theme that cannot be loaded is validate's theme check's to report.
    """
    found: list[Finding] = []
    options = issue.export
    if options.paper and options.paper not in PAPER_SIZES:
        found.append(Finding(ERROR, f"export paper '{options.paper}' should be "
                             f"{' or '.join(PAPER_SIZES)}", ("export", "paper"), field="paper"))
    try:
        theme = load_theme(options.theme or "default", theme_options(options))
    except BulletinError:
        return found
    found.extend(glyph_findings(issue, theme))
    return found


def theme_options(options: ExportOptions) -> ExportOptions:
    """The issue's export options with an unknown paper left out (it is reported apart)."""
    if options.paper and options.paper not in PAPER_SIZES:
        return replace(options, paper=None)
    return options


def glyph_findings(issue: Issue, theme: Theme) -> list[Finding]:
    """Each article (and the issue's own text) with characters no bundled font has."""
    from .pdf.fonts import register_fonts
    from .pdf.system_fonts import find_font

    fonts = register_fonts(theme)
    found: list[Finding] = []
    for article_id, label, texts in _texts_by_owner(issue):
        # One set of distinct characters first: a long issue has few distinct ones.
        missing = sorted(c for c in set().union(*texts) if not fonts.bundled(c))
        if not missing:
            continue
        by_font: dict[str, list[str]] = {}
        lost: list[str] = []
        for char in missing:
            font = find_font(char)
            (by_font.setdefault(font.path.name, []) if font else lost).append(char)
        where, field = ((), "") if article_id is None else ((), "body")
        if lost:
            found.append(Finding(
                WARNING, f"{label}: {_count(lost)} no font on this computer can draw "
                f"({_listed(lost)}) will print as empty boxes and be missing from the PDF's "
                "text (the Word file keeps them)", where, article_id, field))
        for file, chars in by_font.items():
            found.append(Finding(
                WARNING, f"{label}: {_count(chars)} the bundled fonts lack ({_listed(chars)}) "
                f"are printed with this computer's font {file}", where, article_id, field))
    return found


def _count(chars: list[str]) -> str:
    return f"{len(chars)} character{'s' if len(chars) != 1 else ''}"


def _listed(chars: list[str]) -> str:
    shown = ", ".join(f"{c} U+{ord(c):04X}" for c in chars[:MAX_LISTED])
    return shown + (", \u2026" if len(chars) > MAX_LISTED else "")


def _texts_by_owner(issue: Issue) -> Iterator[tuple[str | None, str, list[str]]]:
    own = [issue.title, issue.strapline, issue.published, issue.welcome]
    for section in issue.sections:
        own += [section.title, section.intro]
    for contact in issue.team_contacts:
        own += [contact.name, contact.role, contact.organisation, contact.email, contact.phone]
    yield None, "the issue's own text", own
    for article in issue.all_articles():
        yield article.id, f"article '{article.title or article.id}'", list(article_texts(article))


def article_texts(article: Article) -> Iterator[str]:
    """Every piece of text of an article that an export prints."""
    yield from (article.title, article.standfirst, article.body)
    for quote in article.pull_quotes:
        yield from (quote.text, quote.attribution)
    for contact in article.contacts:
        yield from (contact.name, contact.role, contact.organisation, contact.email,
                    contact.phone)
    for image in article.images:
        yield from (image.alt, image.caption)
    for callout in article.callouts:
        if isinstance(callout, StatisticCallout):
            yield from (callout.value, callout.label)
        elif isinstance(callout, SidebarCallout):
            yield callout.title
            yield from callout.items


def glyph_warnings(issue: Issue, theme: Theme) -> list[str]:
    """The glyph findings as export warnings."""
    return [f.message for f in glyph_findings(issue, theme)]
