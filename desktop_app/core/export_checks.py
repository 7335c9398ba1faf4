"""What would trip an export, found before it runs: an unknown paper, and characters no font
can draw.

``validate`` turns these findings into problems with file and line; the PDF writer reports the
glyph findings as warnings, so text never vanishes from a PDF without a word.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from .model import ExportOptions, Issue, printed_texts
from .theme import PAPER_SIZES, Theme, load_theme

ERROR = "error"  # the severities of validate's problems too
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


def export_findings(issue: Issue, theme: Theme | None) -> list[Finding]:
    """The paper, and text the fonts of ``theme`` cannot draw: what the exporters would
    refuse or lose. ``theme`` is None when it cannot be loaded (validate reports that).
    """
    found: list[Finding] = []
    options = issue.export
    if options.paper and options.paper not in PAPER_SIZES:
        found.append(Finding(ERROR, f"export paper '{options.paper}' should be "
                             f"{' or '.join(PAPER_SIZES)}", ("export", "paper"), field="paper"))
    if theme is not None:
        found.extend(glyph_findings(issue, theme))
    return found


def issue_theme(issue: Issue) -> Theme:
    """The theme the issue names, with its paper and columns; an unknown paper is left out
    (it is reported on its own). BulletinError if the theme cannot be loaded."""
    return load_theme(issue.export.theme or "default", theme_options(issue.export))


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
        field = "" if article_id is None else "body"
        if lost:
            found.append(Finding(
                WARNING, f"{label}: {_count(lost)} no font on this computer can draw "
                f"({_listed(lost)}) will print as empty boxes and be missing from the PDF's "
                "text (the Word file keeps them)", (), article_id, field))
        for file, chars in by_font.items():
            found.append(Finding(
                WARNING, f"{label}: {_count(chars)} the bundled fonts lack ({_listed(chars)}) "
                f"are printed with this computer's font {file}", (), article_id, field))
    return found


def _count(chars: list[str]) -> str:
    return f"{len(chars)} character{'s' if len(chars) != 1 else ''}"


def _listed(chars: list[str]) -> str:
    shown = ", ".join(f"{c} U+{ord(c):04X}" for c in chars[:MAX_LISTED])
    return shown + (", \u2026" if len(chars) > MAX_LISTED else "")


def _texts_by_owner(issue: Issue) -> Iterator[tuple[str | None, str, list[str]]]:
    """The text the exports print, by owner: the issue's own, then each placed article's."""
    own = [issue.title, issue.strapline, issue.published, issue.welcome]
    for section in issue.sections:
        own += [section.title, section.intro]
    for contact in issue.team_contacts:
        own += contact.texts()
    yield None, "the issue's own text", own
    for article in issue.placed_articles():
        yield article.id, f"article '{article.title or article.id}'", printed_texts(article)


def glyph_warnings(issue: Issue, theme: Theme) -> list[str]:
    """The glyph findings as export warnings."""
    return [f.message for f in glyph_findings(issue, theme)]
