"""Importing Markdown: one article, several, or a whole edition kept as Markdown.

Parsed with markdown-it-py (CommonMark, raw HTML off, so any HTML stays visible as text); the
structure comes from its tokens, never from patterns over the text. In an edition, ``#``
headings are sections and ``##`` headings articles; a first ``#`` heading naming the bulletin is
its title, and a ``Welcome`` heading holds the welcome letter (see :mod:`.markdown_edition` for
the edition's own facts). In articles, contact lines become contact blocks (the sentences
around them stay), and block quotes, bold quotations with a speaker and quotations introduced
by "X said:" become pull quotes; other quotations with a speaker are offered as suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..errors import BulletinError
from ..fileio import FileTooBig, read_regular
from ..images import MAX_IMAGE_BYTES
from ..markup import Run, configure_linkify, link_problem, safe_href
from ..model import Issue, PullQuote
from .contacts import find_contacts, lead_only, without_contact
from .edition import ACRONYMS, acronyms_in, is_team_heading, match_section, title_case
from .ledger import issue_words
from .markdown_edition import EditionFacts, names_bulletin
from .place import Draft, PendingPicture, finish_ledger, place_drafts, section_for
from .quotes import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    find_quote,
    said_line,
    strip_marks,
    suggestions_full,
    unquote,
)
from .recognise import mailto_addresses, normalise_heading, standard_section
from .report import ImportReport
from .write_markup import Block, Item, ItemList, Para, SubHeading, blocks_markup, plain

MAX_MARKDOWN_BYTES = 10 * 2**20
_DASH = re.compile(r"^\s*[-\u2013\u2014~]")


@dataclass(frozen=True)
class SoftBreak(Run):
    """A line end inside a paragraph: a space in the body, a line to the recognisers."""


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False, "linkify": True})
    md.enable("linkify")  # bare addresses are links, as in bodies (see markup.configure_linkify)
    configure_linkify(md.linkify)
    # Accept every link target while parsing, so a refused one is reported and kept as words
    # rather than left as bracketed source text; safe_href() decides what is kept.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


@dataclass
class _Chunk:
    """Blocks gathered under one heading, with what was picked out of them."""

    blocks: list[Block] = field(default_factory=list)
    draft: Draft | None = None
    # A paragraph "X said:" waiting for its quotation: (its index in blocks, speaker, text).
    said: tuple[int, str, str] | None = None


def import_markdown(source: Path | str, issue: Issue, folder: Path | str | None = None, *,
                    images_to: Path | str | None = None, name: str | None = None,
                    again: bool = False) -> ImportReport:
    """Read Markdown into the issue: a ``Path`` is a file to read, a ``str`` is the text itself
    (unless it is one line naming an existing ``.md``, ``.markdown`` or ``.txt`` file).

    One article goes to the pool; an edition's articles go to their sections. Pictures
    (``![alt](file)`` beside a Markdown file) are written to ``images_to`` (default: the
    issue folder's ``images/``); with no folder they are left out and reported. An article the
    issue already has (same title and text) is reported and skipped, unless ``again``.
    Raises BulletinError before changing anything if the input cannot be read.
    """
    if isinstance(source, str) and "\n" not in source and \
            source.lower().endswith((".md", ".markdown", ".txt")) and Path(source).is_file():
        source = Path(source)  # a path passed as a string, not one line of Markdown
    if isinstance(source, Path):
        text = _read(source)
        name = name or source.name
        base: Path | None = source.resolve().parent
    else:
        text, base = source, None
        name = name or "pasted text"
    report = ImportReport(source=name)
    reader = _Reader(report, base, folder is not None)
    reader.read(text, _fresh(issue))
    stem = Path(name).stem if isinstance(source, Path) else "Imported article"
    drafts = reader.drafts(stem)
    before = issue_words(issue)
    place_drafts(issue, folder if folder is not None else Path("."), drafts, report, images_to,
                 sections=reader.facts.section_keys, again=again)
    titles = reader.facts.apply_to_issue(issue, blocks_markup(reader.welcome.blocks),
                                         {k: blocks_markup(c.blocks)
                                          for k, c in reader.intros.items()})
    finish_ledger(report, issue, source_words(reader.tokens), before, titles)
    return report


def source_words(tokens: list[Token]) -> str:
    """The words a reader of the Markdown sees: text, code, alt text; not link targets."""
    out: list[str] = []
    for tok in tokens:
        if tok.type == "inline":
            for child in tok.children or []:
                if child.type in ("text", "code_inline", "html_inline"):
                    out.append(child.content)
                elif child.type == "image":
                    out.append(child.content)
                    out.append(str(child.attrGet("title") or ""))
                elif child.type in ("softbreak", "hardbreak"):
                    out.append(" ")
            out.append("\n")
        elif tok.type in ("fence", "code_block", "html_block"):
            out.append(tok.content)
    return " ".join(out)


def _read(path: Path) -> str:
    try:
        data = read_regular(path, MAX_MARKDOWN_BYTES)
    except FileTooBig as exc:
        raise BulletinError(f"{path.name}: {exc.size / 2**20:.0f} MB is too big for a Markdown "
                            "file") from None
    except OSError as exc:
        raise BulletinError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BulletinError(f"{path.name}: not UTF-8 text (byte {exc.start})") from None


def _fresh(issue: Issue) -> bool:
    """True for an issue with nothing in it yet, whose title and dates an edition may set."""
    return not issue.all_articles() and not issue.welcome.strip()


def recognition_text(runs: list[Run]) -> str:
    """A paragraph's text with its line ends, for the contact and quote recognisers (the
    offsets match the runs')."""
    return "".join("\n" if isinstance(r, SoftBreak) else r.text for r in runs)


class _Reader:
    """Walks the token stream once, sorting blocks into the welcome, sections and articles."""

    def __init__(self, report: ImportReport, base: Path | None, can_write: bool) -> None:
        self.report = report
        self.base = base
        self.can_write = can_write
        self.welcome = _Chunk()
        self.articles: list[_Chunk] = []
        self.intros: dict[str, _Chunk] = {}
        self.facts = EditionFacts(report)
        self.mode = "markdown article"
        self.tokens: list[Token] = []
        self.acronyms: set[str] = set(ACRONYMS)
        self._bad_links: list[str] = []

    # ---- reading ---------------------------------------------------------------------------

    def read(self, text: str, fresh: bool) -> None:
        self.facts.fresh = fresh
        tokens = self.tokens = _parser().parse(text)
        headings = [(int(t.tag[1]), tokens[i + 1].content) for i, t in enumerate(tokens)
                    if t.type == "heading_open" and t.level == 0]
        title_first = bool(headings) and headings[0][0] == 1 and names_bulletin(headings[0][1])
        h1 = [h for lvl, h in headings if lvl == 1][1 if title_first else 0:]
        h2 = [h for lvl, h in headings if lvl == 2]
        if any(not any(c.islower() for c in h) for _, h in headings):
            # A heading in capitals: the edition's own acronyms keep theirs in title case.
            self.acronyms |= acronyms_in([t.content for t in tokens if t.type == "inline"])
        edition = title_first or any(match_section(h).sid for h in h1) or len(h1) >= 2
        if edition:
            self.mode = "markdown edition"
        elif not h1 and len(h2) >= 2:
            self.mode = "markdown articles"
        self._walk(tokens, title_first)

    def _walk(self, tokens: list[Token], title_first: bool) -> None:
        current: _Chunk = self.welcome
        section: str | None = None
        seen_heading = False
        masthead = False  # after the title, before the next heading: edition line, strapline
        i = 0
        if self.mode == "markdown article":
            current = self._new_article("", None)
        while i < len(tokens):
            tok = tokens[i]
            if tok.type == "heading_open" and tok.level == 0:
                level, text = int(tok.tag[1]), plain(self.inline(tokens[i + 1]))
                i += 3
                first = not seen_heading
                seen_heading = True
                masthead = False
                if self.mode == "markdown edition":
                    if level == 1 and first and title_first:
                        self.facts.title_heading(text)
                        masthead = True
                        continue
                    match = match_section(text, self.acronyms) if level == 1 or \
                        standard_section(text) == "welcome" else None
                    if match is not None and match.sid == "welcome" and level <= 2:
                        # "# Welcome" or "## Welcome": the welcome letter, not an article.
                        current, section = self.welcome, "welcome"
                        self.facts.section(text, match)
                        continue
                    if level == 1 and match is not None:
                        section = self.facts.section(text, match)
                        current = self.intros.setdefault(section, _Chunk())
                        continue
                    if level == 2:
                        current = self._new_article(title_case(text, self.acronyms),
                                                    section or "welcome")
                        continue
                elif self.mode == "markdown articles" and level <= 2:
                    current = self._new_article(title_case(text, self.acronyms), None)
                    continue
                elif self.mode == "markdown article" and first and level <= 2:
                    assert current.draft is not None
                    current.draft.title = title_case(text, self.acronyms)
                    continue
                current.blocks.append(SubHeading([Run(text)]))
                continue
            if masthead and tok.type == "paragraph_open":
                if self.facts.masthead_line(plain(self.inline(tokens[i + 1]))):
                    i += 3
                    continue
                masthead = False
            i = self._block(tokens, i, current)

    def _new_article(self, title: str, section: str | None) -> _Chunk:
        chunk = _Chunk(draft=Draft(title=title, section=section))
        self.articles.append(chunk)
        return chunk

    # ---- blocks ----------------------------------------------------------------------------

    def _block(self, tokens: list[Token], i: int, chunk: _Chunk) -> int:
        tok = tokens[i]
        kind = tok.type
        if kind == "paragraph_open":
            return self._paragraph(tokens, i, chunk)
        if kind == "blockquote_open":
            return self._blockquote(tokens, i, chunk)
        chunk.said = None
        if kind == "heading_open":  # a heading inside a list or quote: keep its words
            chunk.blocks.append(SubHeading(self.inline(tokens[i + 1])))
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self._list(tokens, i, chunk)
        if kind in ("fence", "code_block"):
            for para in re.split(r"\n\s*\n", tok.content.strip("\n")):
                if para.strip():
                    chunk.blocks.append(Para([Run(" ".join(para.split()))]))
            self._note("a code block was kept as plain text")
            return i + 1
        if kind == "html_block":  # only if HTML parsing is ever turned on: keep it as text
            chunk.blocks.append(Para([Run(tok.content)]))
        return i + 1

    def _following(self, tokens: list[Token], i: int) -> list[str]:
        """The texts of the paragraphs right after position ``i`` (for contact blocks)."""
        out: list[str] = []
        while i + 2 < len(tokens) and tokens[i].type == "paragraph_open" and len(out) < 8:
            out.append(recognition_text(self._peek(tokens[i + 1])))
            i += 3
        return out

    def _peek(self, token: Token) -> list[Run]:
        """A paragraph's runs, read without reporting anything (it is read again later)."""
        report, self.report = self.report, ImportReport(source="")
        bad = list(self._bad_links)
        try:
            return self.inline(token)
        finally:
            self.report, self._bad_links = report, bad

    def _paragraph(self, tokens: list[Token], i: int, chunk: _Chunk) -> int:
        runs = self.inline(tokens[i + 1], chunk)
        text = plain(runs)
        if not text:
            return i + 3
        draft = chunk.draft
        said, chunk.said = chunk.said, None
        if draft is None:
            if chunk is self.welcome and self.mode == "markdown edition" and \
                    is_team_heading(text):
                used = self.facts.team_list(text, self._following(tokens, i + 3))
                if used:
                    return i + 3 + 3 * used
            chunk.blocks.append(Para(runs))
            return i + 3
        rtext = recognition_text(runs)
        # The paragraphs after are read only for a line that may start a block of contact
        # lines ("For more information contact:"): reading them for every paragraph costs.
        following = self._following(tokens, i + 3) if lead_only(rtext) else []
        found = find_contacts(rtext, mailto_addresses(runs), following)
        if found is not None:
            draft.contacts.extend(found.contacts)
            for words in found.consumed:
                self.report.consumed(words)
            if found.start != found.end:
                rest = without_contact(runs, found)
                if plain(rest):
                    chunk.blocks.append(Para(rest))
            else:
                chunk.blocks.append(Para(runs))
            return i + 3 + 3 * found.lines
        if said is not None and said[0] == len(chunk.blocks) - 1:
            words = unquote(text) or (text if _all_bold(runs) else None)
            if words:
                # "X said:" then the quotation: one pull quote, both paragraphs taken out.
                chunk.blocks.pop()
                self.report.consumed(said[2])
                draft.pull_quotes.append(PullQuote(text=words, attribution=said[1]))
                return i + 3
        quote = _bold_quote(runs)
        if quote is not None:
            draft.pull_quotes.append(PullQuote(text=quote[0], attribution=quote[1]))
            self.report.consumed(text)
            return i + 3
        if not chunk.blocks and not draft.standfirst and all(
                r.italic for r in runs if r.text.strip()) and len(text) < 300:
            draft.standfirst = text
            return i + 3
        speaker = said_line(text)
        if speaker:
            chunk.said = (len(chunk.blocks), speaker, text)
        else:
            self._suggest_quote(draft, text)
        chunk.blocks.append(Para(runs))
        return i + 3

    def _suggest_quote(self, draft: Draft, text: str) -> None:
        """A quotation with its speaker in a sentence: offered as a pull quote to accept (the
        sentence stays where the contributor put it)."""
        if suggestions_full(draft.pull_quotes):
            return
        found = find_quote(text)
        if found is not None:
            draft.pull_quotes.append(PullQuote(text=found[0], attribution=found[1],
                                               extra={"suggested": True}))

    def _list(self, tokens: list[Token], i: int, chunk: _Chunk) -> int:
        block = ItemList()
        kinds: list[bool] = []
        depth_item: Item | None = None
        while i < len(tokens):
            tok = tokens[i]
            if tok.type in ("bullet_list_open", "ordered_list_open"):
                kinds.append(tok.type == "ordered_list_open")
            elif tok.type in ("bullet_list_close", "ordered_list_close"):
                kinds.pop()
                if not kinds:
                    break
            elif tok.type == "list_item_open":
                depth_item = Item([], level=len(kinds) - 1, ordered=kinds[-1])
                block.items.append(depth_item)
            elif tok.type == "inline" and depth_item is not None:
                runs = self.inline(tok, chunk)
                if depth_item.runs and runs:
                    depth_item.runs.append(Run(" "))
                depth_item.runs.extend(runs)
            elif tok.type in ("fence", "code_block") and depth_item is not None:
                depth_item.runs.append(Run(" " + " ".join(tok.content.split())))
            i += 1
        chunk.blocks.append(block)
        return i + 1

    def _blockquote(self, tokens: list[Token], i: int, chunk: _Chunk) -> int:
        said, chunk.said = chunk.said, None
        depth = 0
        paras: list[str] = []
        while i < len(tokens):
            tok = tokens[i]
            if tok.type == "blockquote_open":
                depth += 1
            elif tok.type == "blockquote_close":
                depth -= 1
                if depth == 0:
                    break
            elif tok.type == "inline":
                lines = tok.content.split("\n")
                if len(lines) > 1 and _DASH.match(lines[-1]):
                    # "> words\n> — Speaker": the last line of the paragraph is the speaker.
                    for part in ("\n".join(lines[:-1]), lines[-1]):
                        paras.append(plain(self.inline(_parser().parseInline(part)[0], chunk)))
                else:
                    paras.append(plain(self.inline(tok, chunk)))
            i += 1
        paras = [p for p in paras if p]
        if not paras:
            return i + 1
        who = ""
        if len(paras) > 1 and _DASH.match(paras[-1]):
            who = paras.pop().lstrip("-\u2013\u2014~ ").strip()
        text = " ".join(paras)
        if not who:
            found = find_quote(text)
            if found:
                self.report.consumed(text)
                text, who = found
        if not who and said is not None and said[0] == len(chunk.blocks) - 1 and \
                chunk.draft is not None:
            # "Chief Executive Jo Bloggs said:" then the block quote: its speaker, and the
            # line that introduced it is not printed above it.
            chunk.blocks.pop()
            self.report.consumed(said[2])
            who = said[1]
        text = strip_marks(text)
        if not text.strip(OPEN_QUOTES + CLOSE_QUOTES + " "):
            return i + 1  # only quotation marks: no words to quote
        if chunk.draft is None:
            chunk.blocks.append(Para([Run(text + (f" \u2014 {who}" if who else ""))]))
            self._note("a block quote outside an article was kept as text")
        else:
            chunk.draft.pull_quotes.append(PullQuote(text=text, attribution=who))
            if not who:
                self._note(f"the pull quote \"{text[:50]}\" in \"{chunk.draft.title}\" has no "
                           "speaker")
        return i + 1

    # ---- inline ----------------------------------------------------------------------------

    def inline(self, token: Token, chunk: _Chunk | None = None) -> list[Run]:
        """A paragraph's runs; unsafe links become plain text, pictures go to the draft."""
        runs: list[Run] = []
        bold = italic = 0
        hrefs: list[str | None] = []
        link_text: list[str] = []
        for child in token.children or []:
            kind = child.type
            href = hrefs[-1] if hrefs else None
            if kind in ("text", "code_inline", "html_inline"):
                runs.append(Run(child.content, bold > 0, italic > 0, href))
                link_text.append(child.content)
            elif kind == "softbreak":
                runs.append(SoftBreak(" ", bold > 0, italic > 0, href))
            elif kind == "hardbreak":
                runs.append(Run("\n"))
            elif kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold = max(0, bold - 1)
            elif kind == "em_open":
                italic += 1
            elif kind == "em_close":
                italic = max(0, italic - 1)
            elif kind == "link_open":
                raw = str(child.attrGet("href") or "")
                hrefs.append(safe_href(raw))
                link_text.clear()
                if hrefs[-1] is None:
                    self._bad_links.append(raw)
            elif kind == "link_close":
                if hrefs and hrefs.pop() is None and self._bad_links:
                    raw = self._bad_links.pop()
                    words = " ".join("".join(link_text).split())[:60]
                    self.report.drop(f"link on \"{words}\" to {raw[:80]!r}: "
                                     f"{link_problem(raw)}")
            elif kind == "image":
                self._picture(child, chunk)
        return runs

    def _picture(self, image: Token, chunk: _Chunk | None) -> None:
        src = str(image.attrGet("src") or "")
        alt = " ".join(image.content.split())
        caption = str(image.attrGet("title") or "")
        label = alt or src
        if chunk is None or chunk.draft is None:
            self.report.drop(f"picture \"{label[:60]}\": pictures are brought in only inside "
                             "articles", f"{alt} {caption}")
            return
        path = self._local_picture(src)
        if isinstance(path, str):
            self.report.drop(f"picture \"{label[:60]}\": {path}", f"{alt} {caption}")
            return
        try:
            if path.stat().st_size > MAX_IMAGE_BYTES:
                raise OSError("too big for a picture")
            data = path.read_bytes()
        except OSError as exc:
            self.report.drop(f"picture \"{label[:60]}\": cannot be read "
                             f"({getattr(exc, 'strerror', None) or exc})", f"{alt} {caption}")
            return
        chunk.draft.pictures.append(PendingPicture(data, path.name, alt, caption))

    def _local_picture(self, src: str) -> Path | str:
        """The file a picture reference names, or why it is not read."""
        if not self.can_write:
            return "no issue folder to copy it into"
        if self.base is None:
            return "pasted text has no folder to find the picture in"
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", src) or src.startswith(("//", "\\\\")):
            return "points to a web address or another machine: not fetched"
        pure = PurePosixPath(src.replace("\\", "/"))
        if pure.is_absolute() or ".." in pure.parts or not src:
            return "must be a file beside the Markdown file"
        path = self.base / pure
        try:
            path.resolve().relative_to(self.base)
        except (ValueError, OSError):
            return "leads outside the Markdown file's folder"
        if not path.is_file():
            return "file not found beside the Markdown file"
        return path

    def _note(self, text: str) -> None:
        if text not in self.report.notes:
            self.report.notes.append(text)

    # ---- results ---------------------------------------------------------------------------

    def drafts(self, fallback_title: str) -> list[Draft]:
        """The articles read, with their bodies written as body markup."""
        self.report.kind = self.mode
        out = []
        for chunk in self.articles:
            draft = chunk.draft
            assert draft is not None
            draft.body = blocks_markup(chunk.blocks)
            if not draft.title:
                draft.title = self._untitled(chunk, fallback_title)
            out.append(draft)
        if self.mode != "markdown edition" and self.welcome.blocks and self.articles:
            first = self.articles[0].draft
            assert first is not None
            first.body = "\n\n".join(p for p in (blocks_markup(self.welcome.blocks), first.body)
                                     if p)
            self.welcome.blocks.clear()
            self._note(f"the text before the first heading was put at the start of "
                       f"\"{first.title}\"")
        return out

    def _untitled(self, chunk: _Chunk, fallback: str) -> str:
        first = chunk.blocks[0] if chunk.blocks else None
        if isinstance(first, Para) and _all_bold(first.runs) and \
                len(plain(first.runs)) <= 150 and plain(first.runs):
            chunk.blocks.pop(0)
            assert chunk.draft is not None
            chunk.draft.body = blocks_markup(chunk.blocks)
            return plain(first.runs).rstrip(":")
        self._note(f"no heading found: the article was called \"{fallback}\"; check it")
        return fallback


def _all_bold(runs: list[Run]) -> bool:
    visible = [r for r in runs if r.text.strip()]
    return bool(visible) and all(r.bold for r in visible)


def _bold_quote(runs: list[Run]) -> tuple[str, str] | None:
    """A quoted statement in bold with its speaker ("**“…”** said DI Jones")."""
    bold = "".join(r.text for r in runs if r.bold).strip()
    if not bold or not any(c in bold for c in OPEN_QUOTES + CLOSE_QUOTES):
        return None
    found = find_quote(plain(runs))
    if found is None:
        return None
    if normalise_heading(found[0]) not in normalise_heading(bold) and \
            normalise_heading(bold) not in normalise_heading(found[0]):
        return None
    return found


__all__ = ["import_markdown", "source_words", "section_for", "SoftBreak"]
