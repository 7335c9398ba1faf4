"""What a whole edition in Markdown says about itself, and putting it into the issue.

The Markdown reader hands this the lines under the title (the edition line, the strapline),
the section headings as it meets them, and the welcome's list of the regional team; once the
articles are placed, :meth:`EditionFacts.apply_to_issue` sets the issue's own facts. An issue
that is new (nothing in it yet) takes the edition's title, strapline, edition number, date,
welcome, team and sections, in the edition's order and no others: the standard sections it does
not have are left out. An issue that already has content keeps its own, and the report says
what was not used.
"""

from __future__ import annotations

import re

from ..markup import plain_text
from ..model import BULLETIN_TITLE, Contact, Issue, ordinal_words
from .contacts import has_detail, parse_block
from .edition import SectionMatch, edition_number, season, title_case
from .ledger import tokens
from .place import section_for
from .recognise import normalise_heading
from .report import ImportReport

MAX_STRAPLINE_WORDS = 16


def names_bulletin(text: str) -> bool:
    """True for a heading that names the bulletin (its title), not a section."""
    words = normalise_heading(text)
    return "bulletin" in words.split() or "newsletter" in words.split() or \
        normalise_heading(BULLETIN_TITLE) in words


class EditionFacts:
    """The title, strapline, edition, date, team and sections an edition gives."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.fresh = False
        self.title = ""
        self.masthead: list[str] = []  # the title heading and the lines under it, as written
        self.strapline = ""
        self.section_keys: list[str] = []  # standard ids or titles, in the file's order
        self.matches: dict[str, SectionMatch] = {}
        self.team: list[Contact] = []
        self.team_text: list[str] = []

    # ---- while reading ---------------------------------------------------------------------

    def title_heading(self, text: str) -> None:
        """The first heading, naming the bulletin: "SOC Local Partnerships Bulletin — Sixth
        edition" gives the title, and perhaps the edition and date."""
        parts = [p.strip() for p in re.split(r"\s+[-\u2013\u2014:|]\s+|:\s+", text) if p.strip()]
        self.title = next((p for p in parts if names_bulletin(p)), text.strip())
        self.masthead.append(text)

    def masthead_line(self, text: str) -> bool:
        """A paragraph right under the title: the edition line or the strapline (True), or
        the first words of the welcome (False)."""
        if edition_number(text) or season(text):
            rest = re.sub(r"(?i)\b\w+\s+edition\b|\b(?:edition|issue)\s+\S+|\b(?:spring|summer|"
                          r"autumn|winter|\w+)\s+\d{4}\b", "", text)
            if len(re.sub(r"[^A-Za-z]", "", rest)) < 12:
                self.masthead.append(text)
                return True
        words = text.split()
        if not self.strapline and len(words) <= MAX_STRAPLINE_WORDS and \
                not text.rstrip().endswith((".", "!", "?", ":")):
            self.strapline = " ".join(words)
            return True
        return False

    def section(self, heading: str, match: SectionMatch) -> str:
        """The key (a standard id or a title) of the section a heading names."""
        key = match.sid or match.title
        if key not in self.section_keys:
            self.section_keys.append(key)
            self.matches[key] = match
            if match.near:
                self.report.notes.append(f"the heading \"{' '.join(heading.split())}\" was "
                                         f"taken as the section \"{match.title}\"")
        else:
            self.report.consumed(heading)  # a banner repeated on a later page
        return key

    def team_list(self, heading: str, following: list[str]) -> int:
        """The regional team's contacts, listed under a heading in the welcome; how many
        paragraphs they took (0: not a list of contacts after all)."""
        used = 0
        found: list[Contact] = []
        consumed: list[str] = [heading]
        for paragraph in following:
            lines = [line for line in paragraph.split("\n") if line.strip()]
            if not lines or not has_detail(paragraph) or len(lines) > 6:
                break
            people, words = parse_block(lines, [])
            if not people:
                break
            found += people
            consumed += words
            used += 1
        if not found:
            return 0
        self.team += found
        self.team_text += consumed
        return used

    # ---- afterwards ------------------------------------------------------------------------

    def apply_to_issue(self, issue: Issue, welcome: str, intros: dict[str, str]) -> list[str]:
        """Set the issue's own facts from the edition; the titles of the sections it named."""
        if not self.section_keys and not self.masthead and not welcome and not self.team:
            return []
        report = self.report
        self._masthead(issue, plain_text(welcome))
        self._welcome(issue, welcome)
        self._team(issue)
        sections = [section_for(issue, key, report) for key in self.section_keys]
        for key, section in zip(self.section_keys, sections, strict=True):
            match = self.matches[key]
            if self.fresh and section.title != match.title:
                section.title = match.title  # "What’s New" keeps the edition's apostrophe
            intro = intros.get(key, "")
            if intro and _contains(section.intro, intro):
                report.skipped.append(f"the introduction of \"{section.title}\" is already in "
                                      "the issue")
                report.lost_text.append(intro)
            elif intro:
                section.intro = f"{section.intro.rstrip()}\n\n{intro}" if section.intro.strip() \
                    else intro
                report.issue_changes.append(f"set the introduction of \"{section.title}\"")
        if self.fresh:
            self._only_the_editions_sections(issue, [s.id for s in sections])
        return [s.title for s in sections]

    def _masthead(self, issue: Issue, welcome: str) -> None:
        report, changes = self.report, self.report.issue_changes
        title = title_case(self.title) if self.title else ""
        if title and (self.fresh or _same(title, issue.title)):
            if issue.title != title:
                issue.title = title
                changes.append(f"set the bulletin's title to \"{title}\"")
        elif title:
            report.drop(f"the file's title \"{title}\" was not used: the issue already has one",
                        title)
        if self.strapline and (self.fresh or _same(self.strapline, issue.strapline)):
            if issue.strapline != self.strapline:
                issue.strapline = self.strapline
                changes.append(f"set the strapline to \"{self.strapline}\"")
            report.consumed(self.strapline)
        elif self.strapline:
            report.drop(f"the strapline \"{self.strapline}\" was not used: the issue already "
                        "has one", self.strapline)
        found_in = " ".join(self.masthead)
        # "Welcome to the fifth edition": the welcome letter often says which edition it is.
        opening = " ".join(welcome.split("\n")[:2])
        edition = edition_number(found_in) or edition_number(opening)
        published = season(found_in) or season(opening)
        for line in self.masthead:
            if self.fresh:
                report.consumed(line)  # printed in the masthead, the bulletin's own way
            elif not _same(line, issue.title):
                report.drop(f"\"{line}\" was not used: the issue has its own title and "
                            "edition line", line)
            else:
                report.consumed(line)
        if self.fresh and edition and edition != issue.edition:
            issue.edition = edition
            changes.append(f"set the edition to {issue.edition_words.lower()}")
        elif edition and edition != issue.edition:
            report.notes.append(f"the file is the {ordinal_words(edition)} edition; the issue "
                                f"stays the {issue.edition_words.lower()}")
        if self.fresh and published:
            issue.published = published
            changes.append(f"set the publication date to {published}")

    def _welcome(self, issue: Issue, welcome: str) -> None:
        report = self.report
        if not welcome:
            return
        if not issue.welcome.strip():
            issue.welcome = welcome
            report.issue_changes.append(f"set the welcome text ({len(welcome.split())} words)")
        elif _contains(issue.welcome, welcome):
            report.skipped.append("the welcome text is already in the issue")
            report.lost_text.append(welcome)
        else:
            issue.welcome = f"{issue.welcome.rstrip()}\n\n{welcome}"
            report.issue_changes.append("added the imported welcome text after the existing one")

    def _team(self, issue: Issue) -> None:
        if not self.team:
            return
        report = self.report
        for text in self.team_text:
            report.consumed(text)
        have = {c.key() for c in issue.team_contacts}
        new = [c for c in self.team if c.key() not in have]
        for contact in self.team:
            if contact.key() in have:
                report.lost_text.extend(contact.texts())
        if len(new) < len(self.team):
            report.skipped.append(f"{len(self.team) - len(new)} of the regional team's "
                                  "contacts are already in the issue")
        if new:
            issue.team_contacts.extend(new)
            report.issue_changes.append(f"added {len(new)} regional team contact"
                                        f"{'s' if len(new) != 1 else ''} "
                                        f"({', '.join(c.name or c.email for c in new)})")

    def _only_the_editions_sections(self, issue: Issue, named: list[str]) -> None:
        """A new issue gets the edition's sections in the edition's order, and no empty
        standard sections the edition does not have."""
        keep = list(dict.fromkeys(named))
        welcome = next((s for s in issue.sections if s.id == "welcome"), None)
        if welcome is not None and welcome.id not in keep and (
                welcome.articles or issue.welcome.strip() or issue.team_contacts):
            keep.insert(0, welcome.id)
        left_out = [s for s in issue.sections if s.id not in keep and not s.articles
                    and not s.intro.strip()]
        others = [s for s in issue.sections if s.id not in keep and s not in left_out]
        by_id = {s.id: s for s in issue.sections}
        issue.sections = [by_id[sid] for sid in keep] + others
        if left_out:
            self.report.notes.append("the standard sections this edition does not have were "
                                     "left out: " + ", ".join(s.title for s in left_out))


def _same(a: str, b: str) -> bool:
    return tokens(a) == tokens(b)


def _contains(existing: str, new: str) -> bool:
    """True if the words of ``new`` already stand, in order, in ``existing``."""
    have, want = " ".join(tokens(existing)), " ".join(tokens(new))
    return bool(want) and want in have
