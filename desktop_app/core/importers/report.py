"""What an import made and what it left out: the report every importer returns.

The report is plain data so the command line can print it (or dump it as JSON) and the editor
window can show it in a dialog without knowing how the file was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ledger import Ledger


@dataclass
class ImportedArticle:
    """One article an import made, and where it went."""

    id: str
    title: str
    section_id: str | None = None  # None: the pool
    section_title: str = "the pool"
    suggested_section: str = ""
    contacts: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "section_id": self.section_id,
            "section": self.section_title, "suggested_section": self.suggested_section,
            "contacts": list(self.contacts), "quotes": list(self.quotes),
            "images": list(self.images),
        }


@dataclass
class ImportReport:
    """Everything one import did to an issue, for the user to read.

    ``kind`` is "form", "document", "markdown article" or "markdown edition". ``dropped`` says
    what was left out and why; ``notes`` what was changed or guessed and should be checked.
    ``images_written`` are the picture files the import wrote (absolute paths), so a caller
    that fails to save can remove them again.

    The word ledger balances the words of the source against where each went: into the issue,
    into ``structure`` (labels, headings and lead-ins such as "For more information contact:"
    that the bulletin prints its own way), or into ``dropped`` (whose ``lost_text`` holds the
    words each dropped item took with it). Anything left over is unaccounted for, and listed.
    """

    source: str
    kind: str = ""
    articles: list[ImportedArticle] = field(default_factory=list)
    issue_changes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    images_written: list[Path] = field(default_factory=list)
    lost_text: list[str] = field(default_factory=list)
    structure: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    ledger: Ledger | None = None

    def drop(self, reason: str, words: str = "") -> None:
        """Report something left out; ``words`` are the source words it took with it."""
        self.dropped.append(reason)
        if words.strip():
            self.lost_text.append(words)

    def consumed(self, text: str) -> None:
        """Note source words that the bulletin prints its own way (a label, a lead-in)."""
        if text.strip():
            self.structure.append(text)

    def lines(self) -> list[str]:
        """The report as lines of text for a person to read."""
        count = len(self.articles)
        out = [f"Imported {count} article{'s' if count != 1 else ''} from {self.source} "
               f"({self.kind})"]
        out += [f"  {change}" for change in self.issue_changes]
        for art in self.articles:
            out.append(f"- {art.title or '(untitled)'}  [{art.id}]  -> {art.section_title}")
            if art.suggested_section:
                out.append(f"    suggested section: {art.suggested_section}")
            out += [f"    contact: {c}" for c in art.contacts]
            out += [f"    pull quote: {q}" for q in art.quotes]
            out += [f"    picture: {i}" for i in art.images]
        out += [f"  skipped: {s}" for s in self.skipped]
        out += [f"  note: {n}" for n in self.notes]
        out += [f"  dropped: {d}" for d in self.dropped]
        if self.ledger is not None:
            out.append(f"  {self.ledger.line()}")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "kind": self.kind,
            "articles": [a.to_dict() for a in self.articles],
            "issue_changes": list(self.issue_changes), "dropped": list(self.dropped),
            "notes": list(self.notes), "skipped": list(self.skipped),
            "images_written": [str(p) for p in self.images_written],
            "ledger": self.ledger.to_dict() if self.ledger is not None else None,
            "consumed": list(self.structure),
        }
