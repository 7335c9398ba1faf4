"""The one checker behind ``bulletin check``, the Problems pane and the editor's underlines.

Each field is analysed once and the result kept, keyed by the field and its text; a check of
the whole issue then only re-reads the fields that changed since the last one and runs the
issue-wide rules (acronyms, term casing, repeated links, reading ages) over the kept results.
That is what makes re-checking after a keystroke cheap.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..directory import DirectoryError, directory_path, load_directory
from ..errors import BulletinError
from ..model import Issue
from . import access, style
from .fields import Where, issue_fields
from .findings import ArticleStats, Finding, Fix, Hit, Report, Unit
from .plain import median_age, unit_stats
from .rules import Rule, RuleSet, default_rules
from .spelling import (
    Speller,
    SpellingUnavailable,
    WordLists,
    load_team_words,
    name_words,
    never_flagged,
    shared_speller,
    team_words_path,
)
from .text import WORD, Link

UNIT_CHECKS = {**style.UNIT_CHECKS, **access.UNIT_CHECKS}
# Fields whose words make up an article's reading age.
READING_FIELDS = frozenset({"standfirst", "body"})
CACHE_LIMIT = 20_000


@dataclass
class UnitResult:
    """What the checks found in one field, before the issue-wide rules and word lists."""

    hits: list[tuple[Rule, Hit]] = field(default_factory=list)
    misspelt: list[tuple[int, int, str]] = field(default_factory=list)
    acronyms: list[style.AcronymUse] = field(default_factory=list)
    terms: dict[str, list[style.TermUse]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    operations: set[str] = field(default_factory=set)
    made: tuple | None = None  # (key, findings) built from the hits for one title/word lists
    stats: ArticleStats | None = None


class Checker:
    """Runs a rule set over issues, keeping what it learnt about each field between runs.

    ``speller`` is a Speller, None to use the shared one (loaded on first use), or False for
    no spelling at all.
    """

    def __init__(self, rules: RuleSet | None = None, speller: Speller | None | bool = None
                 ) -> None:
        self.rules = rules or default_rules()
        self._speller = speller
        self.spelling_note = ""
        # Each field's last text and its result: a re-check after a keystroke re-reads only
        # the field that changed, and an edited field's old versions are not kept.
        self._cache: dict[Where, tuple[str, UnitResult]] = {}
        self._contrast: dict[tuple, list[str]] = {}
        self._pictures: dict[tuple, list] = {}
        self._spelling = bool(self.rules.by_check("spelling"))

    # -- the dictionary

    @property
    def speller(self) -> Speller | None:
        """The spell checker, or None (with ``spelling_note`` saying why)."""
        if self._speller is False or not self._spelling:
            return None
        if self._speller is None:
            try:
                self._speller = shared_speller()
            except SpellingUnavailable as exc:
                self.spelling_note = f"spelling was not checked: {exc}"
                self._speller = False
                return None
        return self._speller  # type: ignore[return-value]

    # -- one field

    def analyse(self, where: Where, text: str) -> UnitResult:
        """The field's own findings and facts, from the cache when the text is unchanged."""
        kept = self._cache.get(where)
        if kept is not None and kept[0] == text:
            return kept[1]
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        found = self._analyse(Unit(where, text))
        self._cache[where] = (text, found)
        return found

    def _analyse(self, unit: Unit) -> UnitResult:
        result = UnitResult()
        ctx = style.Context(self.speller)
        headings = [(b.start, b.end) for b in unit.prose.blocks if b.kind == "heading"]
        kind = unit.kind
        for rule in self.rules.rules:
            if kind in rule.skip:
                continue
            check = UNIT_CHECKS.get(rule.check)
            if check is None:
                continue
            for hit in check(rule, unit, ctx):
                if "heading" in rule.skip and any(s <= hit.start < e for s, e in headings):
                    continue
                result.hits.append((rule, hit))
        if ctx.speller is not None:
            result.misspelt = self._misspelt(unit, ctx.speller)
        for rule in self.rules.by_check("terms"):
            if unit.kind not in rule.skip:
                terms = rule.once("terms", lambda r=rule: tuple(
                    " ".join(str(t).casefold().split()) for t in r.param("terms") or []))
                uses = style.term_uses(unit, terms)
                if "heading" in rule.skip:
                    uses = [u for u in uses if not any(s <= u.start < e for s, e in headings)]
                result.terms[rule.id] = uses
        result.acronyms = style.acronym_uses(unit, ctx)
        result.operations = style.operation_names(unit)
        result.links = list(unit.prose.links)
        if unit.where.field in READING_FIELDS:
            result.stats = unit_stats(unit)
        return result

    def _misspelt(self, unit: Unit, speller: Speller) -> list[tuple[int, int, str]]:
        masked = unit.prose.masked
        out = []
        check = speller.check
        for m in WORD.finditer(masked):
            word = m.group()
            # the dictionary first: it knows nearly every word, and its answers are cached
            if check(word) or never_flagged(word, masked[max(0, m.start() - 1):m.start()],
                                            masked[m.end():m.end() + 2]):
                continue
            out.append((m.start(), m.end(), word))
        return out

    def misspelt(self, text: str, words: WordLists, markdown: bool = True
                 ) -> list[tuple[int, int, str]]:
        """Misspelt words in a piece of text, for underlining as the editor types."""
        speller = self.speller
        if speller is None or not text.strip():
            return []
        unit = Unit(Where("body" if markdown else "title"), text)
        return [m for m in self._misspelt(unit, speller) if not words.accepts(m[2])]

    def with_suggestions(self, report: Report, limit: int = 5) -> Report:
        """The report with Hunspell's suggestions on each spelling finding (slow: on request)."""
        speller = self.speller
        if speller is None:
            return report
        report.findings = [
            replace(f, suggestions=tuple(speller.suggest(f.text, limit)))
            if f.rule in {r.id for r in self.rules.by_check("spelling")} else f
            for f in report.findings]
        return report

    # -- the issue

    def check(self, issue: Issue, folder: Path | None = None, words: WordLists | None = None
              ) -> Report:
        """Every finding in the issue, in reading order, with the plain-English figures."""
        words = words if words is not None else word_lists_for(issue, folder)
        titles = {a.id: a.title or a.id for a in issue.all_articles()}
        placed = {a.id for a in issue.placed_articles()}
        report = Report()
        ordered: list[tuple[int, int, Finding]] = []
        units: list[tuple[int, Where, str, UnitResult]] = []
        for n, (where, text) in enumerate(issue_fields(issue)):
            if text.strip():
                units.append((n, where, text, self.analyse(where, text)))

        def make(rule: Rule, where: Where, text: str, hit: Hit) -> Finding:
            fix = None
            if hit.replacement is not None:
                fix = Fix(hit.replacement, f"Change to \u2018{hit.replacement}\u2019"
                          if hit.replacement else "Remove it")
            return Finding(rule.id, rule.severity, hit.message, where, hit.start, hit.end,
                           text[hit.start:hit.end], fix, titles.get(where.article_id or "", ""),
                           line=text.count("\n", 0, hit.start) + 1)

        def add(n: int, rule: Rule, where: Where, text: str, hit: Hit) -> None:
            ordered.append((n, hit.start, make(rule, where, text, hit)))

        spelling = self.rules.by_check("spelling")
        for n, where, text, result in units:
            # A field's findings are made once for its text, title and word lists: after a
            # keystroke only the field typed in makes new ones.
            # (An id() would not do: a freed list's address comes back for the next one.)
            key = (titles.get(where.article_id or "", ""), words.version)
            if result.made is None or result.made[0] != key:
                made = []
                covered = set()
                for rule, hit in result.hits:
                    made.append(make(rule, where, text, hit))
                    covered.add((hit.start, hit.end))
                for rule in spelling:
                    if where.kind in rule.skip:
                        continue
                    for start, end, word in result.misspelt:
                        if (start, end) not in covered and not words.accepts(word):
                            made.append(make(rule, where, text, Hit(
                                start, end, "is not in the British English dictionary")))
                result.made = (key, made)
            ordered.extend((n, f.start, f) for f in result.made[1])
        self._issue_rules(issue, units, add, report, titles, placed)
        ordered.sort(key=lambda t: (t[0], t[1]))
        kept = _accepted_index(issue)
        report.findings = [f for _, _, f in ordered if not _accepted(kept, f)]
        report.accepted = len(ordered) - len(report.findings)
        if self.spelling_note:
            report.notes.append(self.spelling_note)
        return report

    def _issue_rules(self, issue: Issue, units, add, report: Report, titles: dict[str, str],
                     placed: set[str]) -> None:
        first_unit: dict[str | None, int] = {}
        body_unit: dict[str | None, tuple[int, Where]] = {}
        for n, where, _text, _result in units:
            first_unit.setdefault(where.article_id, n)
            if where.field == "body":
                body_unit[where.article_id] = (n, where)

        for rule in self.rules.by_check("acronyms"):
            known = {str(k) for k in rule.param("known") or []}
            known |= {name for *_, result in units for name in result.operations}
            seen: set[str] = set()
            for n, where, text, result in units:
                if where.kind in rule.skip or where.kind in ("title", "attribution"):
                    continue
                for use in result.acronyms:
                    if use.acronym in seen or use.acronym in known:
                        continue
                    seen.add(use.acronym)
                    if not use.defined:
                        add(n, rule, where, text, Hit(
                            use.start, use.end, f"spell out {use.acronym} where it first "
                            "appears in the issue, with the acronym in brackets after it"))

        for rule in self.rules.by_check("terms"):
            uses = [(n, where, text, use) for n, where, text, result in units
                    for use in result.terms.get(rule.id, [])]
            styles: dict[str, Counter] = {}
            written = [_style(use) for *_, use in uses]
            for (*_, use), how in zip(uses, written, strict=True):
                styles.setdefault(use.term, Counter())[how] += 1
            for (n, where, text, use), how in zip(uses, written, strict=True):
                if rule.param("prefer", "lower") == "lower":
                    preferred = "lower"
                else:
                    counts = styles[use.term]
                    preferred = max(counts, key=lambda s, c=counts: (c[s], s == "lower"))
                if how == preferred:
                    continue
                replacement = _render(use.term, preferred)
                if use.sentence_start:
                    replacement = replacement[:1].upper() + replacement[1:]
                add(n, rule, where, text, Hit(use.start, use.end, f"write \u2018{replacement}"
                                              "\u2019, as everywhere else in the issue",
                                              replacement))

        link_uses = [(where, link) for _, where, _, result in units for link in result.links]
        unit_of = {where: (n, text) for n, where, text, _ in units}
        for rule in self.rules.by_check("link-repeated"):
            for where, hit in access.repeated_links(link_uses):
                n, text = unit_of[where]
                add(n, rule, where, text, hit)

        for rule in self.rules.rules:
            if rule.check not in access.PICTURE_CHECKS:
                continue
            for section_id, article in _articles(issue):
                if not article.images:
                    continue
                key = (rule.id, article.id, section_id, article.title, article.standfirst,
                       article.body, tuple((i.path, i.alt, i.caption, i.decorative)
                                           for i in article.images))
                hits = self._pictures.get(key)
                if hits is None:
                    if len(self._pictures) > CACHE_LIMIT:
                        self._pictures.clear()
                    hits = self._pictures[key] = list(access.picture_hits(rule, article,
                                                                          section_id))
                for where, hit in hits:
                    image = article.images[where.index or 0]
                    n = first_unit.get(article.id, 0)
                    add(n, rule, where, image.alt, hit)

        for rule in self.rules.by_check("contrast"):
            export = issue.export
            key = (export.theme, export.paper, export.columns)
            if key not in self._contrast:
                self._contrast[key] = access.contrast_messages(issue)
            for message in self._contrast[key]:
                add(-1, rule, Where("theme"), "", Hit(0, 0, message))

        self._reading_ages(issue, units, add, report, titles, placed, body_unit)

    def _reading_ages(self, issue: Issue, units, add, report: Report, titles: dict[str, str],
                      placed: set[str], body_unit) -> None:
        per_article: dict[str, ArticleStats] = {}
        for _n, where, _text, result in units:
            if result.stats is None or where.article_id is None:
                continue
            stats = per_article.setdefault(where.article_id, ArticleStats(
                where.article_id, titles.get(where.article_id, "")))
            stats.add(result.stats)
        for _n, where, _text, result in units:
            if where.article_id is None and result.stats is not None:
                report.issue.add(result.stats)
        for article_id, stats in per_article.items():
            if article_id in placed:
                report.issue.add(stats)
        report.articles = list(per_article.values())
        for rule in self.rules.by_check("reading-age"):
            least = int(rule.param("min_words", 80))
            above = float(rule.param("above_median", 3))
            median = median_age([a for a in report.articles if a.article_id in placed], least)
            report.median_reading_age = median
            if median is None:
                continue
            for stats in report.articles:
                age = stats.reading_age
                if stats.words < least or age is None or age < median + above:
                    continue
                n, where = body_unit.get(stats.article_id, (0, Where("body", stats.article_id)))
                add(n, rule, where, "", Hit(0, 0, f"reading age {age:.0f} is well above the "
                                            f"issue's median of {median:.0f}: shorter sentences "
                                            "and everyday words would help"))


def _accepted_index(issue: Issue) -> dict[tuple[str, str], set[str]]:
    """The accepted findings by rule and article: the words of each ("" for all)."""
    index: dict[tuple[str, str], set[str]] = {}
    for kept in issue.proofing.accepted:
        index.setdefault((kept.rule, kept.article), set()).add(" ".join(kept.text.split()))
    return index


def _accepted(index: dict[tuple[str, str], set[str]], finding: Finding) -> bool:
    """Whether the editor has accepted this finding (stored in the issue, with a reason)."""
    texts = index.get((finding.rule, finding.where.article_id or ""))
    return texts is not None and ("" in texts or " ".join(finding.text.split()) in texts)


SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "to", "a"})


@lru_cache(maxsize=20_000)
def _style(use: style.TermUse) -> str:
    """How a term was written: "lower" (organised crime groups), "title" (Organised Crime
    Groups) or "mixed"; the capital a sentence start gives the first word does not count."""
    words = use.text.split()
    first, rest = words[0], words[1:]
    if all(w.islower() for w in rest) and (first.islower() or use.sentence_start):
        return "lower"
    if all(w[:1].isupper() or w in SMALL_WORDS for w in words):
        return "title"
    return "mixed"


def _render(term: str, style_name: str) -> str:
    if style_name == "title":
        return " ".join(w if w in SMALL_WORDS else w[:1].upper() + w[1:] for w in term.split())
    return term


def _articles(issue: Issue):
    for section in issue.sections:
        for article in section.articles:
            yield section.id, article
    for article in issue.pool:
        yield None, article


def names_in(issue: Issue) -> set[str]:
    """Name words from the issue: contacts (team and articles) and pull-quote speakers."""
    names: list[str] = []
    for contact in issue.known_contacts():
        names += [contact.name, contact.organisation]
    for article in issue.all_articles():
        for quote in article.pull_quotes:
            names.append(quote.attribution.split(",")[0])
    return name_words(names)


def word_lists_for(issue: Issue, folder: Path | None) -> WordLists:
    """The words to accept for an issue: its names, its directory's, the team's list, its
    ignores. A directory or word list that cannot be read is left out, never fatal."""
    names = names_in(issue)
    team: set[str] = set()
    if folder is not None:
        try:
            directory = load_directory(directory_path(folder))
            names |= name_words(c.name for c in directory)
            names |= name_words(c.organisation for c in directory)
        except DirectoryError:
            pass
        try:
            team = load_team_words(team_words_path(folder))
        except BulletinError:
            pass
    return WordLists(names=names, team=team, ignored=set(issue.proofing.ignored_words))


def check_issue(issue: Issue, folder: Path | None = None, rules: RuleSet | None = None
                ) -> Report:
    """Check an issue once with a fresh checker (the CLI's way in)."""
    return Checker(rules).check(issue, folder)


__all__ = ["Checker", "check_issue", "word_lists_for", "names_in"]
