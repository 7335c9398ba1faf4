"""What the checker reports: findings with a rule, a place, an exact span and maybe a fix."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from .fields import Where
from .text import Prose, prose

_UNESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


class Hit(NamedTuple):
    """What a check found in one field: a span, a message, and the safe replacement if any."""

    start: int
    end: int
    message: str
    replacement: str | None = None


@dataclass(frozen=True)
class Fix:
    """A quick fix: replace the finding's span with ``replacement``."""

    replacement: str
    label: str


@dataclass(frozen=True)
class Finding:
    """One thing to look at before the issue goes out."""

    rule: str
    severity: str
    message: str
    where: Where
    start: int = 0
    end: int = 0
    text: str = ""
    fix: Fix | None = None
    article_title: str = ""
    suggestions: tuple[str, ...] = ()
    line: int = 1  # the line of the field the span starts on

    def shown_text(self) -> str:
        """The words found as a reader sees them: one line, Markdown escapes taken off."""
        return _UNESCAPE.sub("", " ".join(self.text.split()))

    def place(self) -> str:
        """Where, in an editor's words: "'Local profiles…', body"."""
        owner = f"'{self.article_title}'" if self.article_title else (
            f"section '{self.where.section_id}'" if self.where.section_id else "the issue")
        return f"{owner}, {self.where.label()}"

    def __str__(self) -> str:
        words = self.shown_text()
        quoted = f" \u2018{words}\u2019" if words and len(words) <= 60 else ""
        return f"{self.place()}:{quoted} {self.message} [{self.rule}]"

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule, "severity": self.severity, "message": self.message,
            "where": self.where.to_data(), "field": self.where.label(),
            "start": self.start, "end": self.end, "line": self.line, "text": self.text,
        }
        if self.article_title:
            out["article_title"] = self.article_title
        if self.fix is not None:
            out["fix"] = {"replacement": self.fix.replacement, "label": self.fix.label}
        if self.suggestions:
            out["suggestions"] = list(self.suggestions)
        return out


@dataclass(frozen=True)
class Unit:
    """One field's text as the checks see it."""

    where: Where
    text: str

    @cached_property
    def prose(self) -> Prose:
        return prose(self.text, self.where.markdown)

    @property
    def kind(self) -> str:
        return self.where.kind


@dataclass
class ArticleStats:
    """The plain-English figures of one article (or of the issue)."""

    article_id: str | None
    title: str
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    passive: int = 0
    long_sentences: int = 0

    @property
    def grade(self) -> float | None:
        """The Flesch-Kincaid grade; None for too little text to say."""
        if not self.words or not self.sentences:
            return None
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def reading_age(self) -> float | None:
        """The age by which most readers manage the text: the US grade plus 5 years."""
        grade = self.grade
        return None if grade is None else max(5.0, grade + 5)

    def add(self, other: ArticleStats) -> None:
        self.words += other.words
        self.sentences += other.sentences
        self.syllables += other.syllables
        self.passive += other.passive
        self.long_sentences += other.long_sentences

    def to_data(self) -> dict[str, Any]:
        age = self.reading_age
        return {"article_id": self.article_id, "title": self.title, "words": self.words,
                "sentences": self.sentences, "passive": self.passive,
                "long_sentences": self.long_sentences,
                "reading_age": None if age is None else round(age, 1)}


@dataclass
class Report:
    """Everything the checker found in an issue."""

    findings: list[Finding] = field(default_factory=list)
    articles: list[ArticleStats] = field(default_factory=list)
    issue: ArticleStats = field(default_factory=lambda: ArticleStats(None, "the issue"))
    median_reading_age: float | None = None
    notes: list[str] = field(default_factory=list)  # e.g. "spelling was not checked: …"
    accepted: int = 0  # findings the editor accepted in the issue, not listed

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for finding in self.findings:
            out[finding.rule] = out.get(finding.rule, 0) + 1
        return out

    def to_data(self) -> dict[str, Any]:
        age = self.issue.reading_age
        return {
            "findings": [f.to_data() for f in self.findings],
            "counts": self.counts(),
            "reading_age": {
                "issue": None if age is None else round(age, 1),
                "median": None if self.median_reading_age is None else
                round(self.median_reading_age, 1),
                "articles": [a.to_data() for a in self.articles],
            },
            "passive_sentences": self.issue.passive,
            "accepted": self.accepted,
            "notes": list(self.notes),
        }
