"""The word ledger: every word of an imported file, and where it went.

An import reads a file into articles, picks parts out (contacts, quotes, pictures), and leaves
some things out on purpose. The ledger checks that nothing went missing on the way: it counts
the words of the source (read here on their own, not through the importer, so an importer's
mistake shows up), and takes each one off against the words the import put into the issue, the
words of labels and lead-ins the bulletin prints its own way (``structure``), and the words
the report names as dropped. A word left over is unaccounted for: the report lists it, and the
tests fail on it.

Words are compared as a reader would: letters and digits, case and punctuation ignored, so
"WHAT’S NEW" and "What's New" are the same three words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Issue
from ..model import element_texts as model_element_texts

_WORD = re.compile(r"\w+")
SHOWN = 12  # unaccounted words listed in a report line
# What body markup has besides its words: link targets and brackets, emphasis marks, list
# numbers, escapes.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)")
_LINK_OPEN = re.compile(r"\[(?!\d{1,3}\])")  # "[words](target)", not a note mark "[1]"
_MARKS = re.compile(r"\*+|[<>]")  # emphasis marks, autolink brackets
_LIST_NUMBER = re.compile(r"^[ \t]*\d{1,9}[.)][ \t]", re.MULTILINE)
_HIDDEN = 0xE000  # escaped characters are set aside here while the marks are taken out
_UNHIDE = {_HIDDEN + c: chr(c) for c in range(33, 127)}


def markup_words(text: str) -> str:
    """The words a reader sees in some body markup, without parsing it (a parse of every body
    would double the ledger's cost). The importers write bodies with every mark that is not
    markup escaped, so taking out link targets, brackets, emphasis marks and list numbers
    leaves the words as the parser shows them: "Mitchell的[Foundations](...)" and
    "or**hAnsiTheme**" are one word each."""
    if not text:
        return ""
    text = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), text)
    # List numbers first, while the line still starts as written: "*1.* 1" is an italic "1."
    # followed by "1", not the list item "1" it would look like once the marks are gone.
    text = _LIST_NUMBER.sub(" ", text)
    text = _MARKS.sub("", _LINK_OPEN.sub("", _LINK_TARGET.sub("", text)))
    return text.translate(_UNHIDE)


def tokens(text: str) -> list[str]:
    """The words of some text, as the ledger compares them."""
    return _WORD.findall(unicodedata.normalize("NFKC", text or "").casefold())


def count(texts: Iterable[str]) -> Counter[str]:
    """How many times each word occurs in some texts."""
    found: Counter[str] = Counter()
    for text in texts:
        found.update(tokens(text))
    return found


@dataclass
class Ledger:
    """Where the words of one imported file went."""

    source: int = 0
    kept: int = 0
    structure: int = 0
    dropped: int = 0
    unaccounted: list[str] = field(default_factory=list)
    # Runs of words the issue holds more often than the file does (a text box read twice):
    # pull quotes are left out of this count, as they repeat the text on purpose.
    doubled: list[str] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        return not self.unaccounted

    def line(self) -> str:
        """One line for the report."""
        parts = [f"{self.kept:,} in the issue"]
        if self.structure:
            parts.append(f"{self.structure:,} in labels and lead-ins the bulletin prints its "
                         "own way")
        if self.dropped:
            parts.append(f"{self.dropped:,} in what was dropped (listed above)")
        head = f"words: {self.source:,} in the file: " + ", ".join(parts)
        if self.doubled:
            head += f"; {len(self.doubled)} passages repeated (\"{self.doubled[0]}\"...)"
        if self.balanced:
            return head + "; every word accounted for"
        shown = " ".join(self.unaccounted[:SHOWN]) + (" ..." if len(self.unaccounted) > SHOWN
                                                      else "")
        return head + f"; {len(self.unaccounted):,} NOT accounted for: {shown}"

    def to_dict(self) -> dict[str, Any]:
        return {"source_words": self.source, "in_issue": self.kept,
                "structure": self.structure, "dropped": self.dropped,
                "unaccounted": list(self.unaccounted), "doubled": list(self.doubled)}


RUN = 5  # words in a passage checked for doubling


def balance(source: list[str], kept: Counter[str], structure: Counter[str],
            dropped: Counter[str]) -> Ledger:
    """Take each source word off against the issue, then structure, then what was dropped."""
    ledger = Ledger(source=len(source))
    pools = [kept.copy(), structure.copy(), dropped.copy()]
    taken = [0, 0, 0]
    for word in source:
        for i, pool in enumerate(pools):
            if pool[word] > 0:
                pool[word] -= 1
                taken[i] += 1
                break
        else:
            ledger.unaccounted.append(word)
    ledger.kept, ledger.structure, ledger.dropped = taken
    return ledger


# ---- the words an import put into the issue ---------------------------------------------------


def running_texts(article: Article) -> list[str]:
    """An article's running text: title, standfirst, body and notes."""
    return [article.title, article.standfirst, markup_words(article.body),
            *map(markup_words, article.notes)]


def element_texts(article: Article) -> list[str]:
    """The text of an article's elements, and the facts an import records on it. Pull quotes
    repeat the running text on purpose, so they are kept apart from it."""
    out = model_element_texts(article)
    for key in ("suggested_section", "cleared_for_publication"):
        value = article.extra.get(key)
        if isinstance(value, str):
            out.append(value)
    return out


def article_texts(article: Article) -> list[str]:
    """Every piece of text an article prints (and the facts an import records on it)."""
    return running_texts(article) + element_texts(article)


def issue_texts(issue: Issue) -> list[str]:
    """The issue's own text: title, strapline, edition line, welcome, team, section intros.

    Section titles are left out: an import names the sections it used (and may leave out
    others), so they are counted by name, not by difference.
    """
    out = [issue.title, issue.strapline, issue.edition_line, markup_words(issue.welcome)]
    for contact in issue.team_contacts:
        out += contact.texts()
    out += [markup_words(section.intro) for section in issue.sections]
    return out


def issue_words(issue: Issue) -> Counter[str]:
    return count(issue_texts(issue))


def account(issue: Issue, article_ids: Iterable[str], before: Counter[str], source_text: str,
            structure: Iterable[str], dropped: Iterable[str],
            section_titles: Iterable[str] = ()) -> Ledger:
    """The ledger of one import: the source's words against the words it added to the issue
    (its articles, what it added to the issue's own text, that is the issue's words now less
    ``before``, and the titles of the sections its headings named), the words it consumed as
    structure, and the words its dropped items took with them."""
    wanted = set(article_ids)
    articles = [a for a in issue.all_articles() if a.id in wanted]
    running = [tokens(t) for a in articles for t in running_texts(a)]
    flowing: Counter[str] = Counter(w for words in running for w in words)
    kept = flowing + count(t for a in articles for t in element_texts(a)) + count(
        section_titles) + (issue_words(issue) - before)
    source = tokens(source_text)
    ledger = balance(source, kept, count(structure), count(dropped))
    ledger.doubled = _doubled(source, running, flowing)
    return ledger


def _doubled(source: list[str], running: list[list[str]], flowing: Counter[str]) -> list[str]:
    """Runs of ``RUN`` words the running text holds more often than the source does."""
    # A passage read twice leaves at least RUN words over; most imports have none, and need no
    # look at runs of words at all.
    if sum((flowing - Counter(source)).values()) < RUN:
        return []
    have: Counter[tuple[str, ...]] = Counter(
        tuple(source[i:i + RUN]) for i in range(len(source) - RUN + 1))
    seen: Counter[tuple[str, ...]] = Counter()
    out: list[str] = []
    for words in running:
        for i in range(len(words) - RUN + 1):
            run = tuple(words[i:i + RUN])
            if run not in have:
                continue
            seen[run] += 1
            if seen[run] > have[run] and (not out or not out[-1].startswith(" ".join(run[:-1]))):
                out.append(" ".join(run))
    return out
