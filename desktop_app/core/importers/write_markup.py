"""Writing imported text as the body markup: the one place that escapes and marks up runs.

Both importers read their input into the same small blocks (paragraphs, sub-headings, list
items made of :class:`~desktop_app.core.markup.Run`) and this module writes them as the Markdown
subset bodies use, so what a reader sees is exactly what was in the source, with nothing in it
that the body parser would read as markup by accident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..markup import Run, find_links

# Characters the body parser could read as markup anywhere in a line. An underscore between
# two letters or digits ("first_last@example.org") is never emphasis in CommonMark, so it is
# left as it is: an address keeps reading as one.
_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<>&!]|(?<![^\W_])_|_(?![^\W_]))")
# A note mark such as "[1]" is left as it is: nothing in a body defines it as a link.
_NOTE_MARK = re.compile(r"(\[\d{1,3}\])(?![(\[:])")
# ...and at the start of a line: headings, list markers, numbered items.
_LINE_START = re.compile(r"^(\s*)([#+\-=>|]|\d{1,9}(?=[.)]))")


@dataclass
class Para:
    """A paragraph of runs."""

    runs: list[Run]


@dataclass
class SubHeading:
    """A sub-heading inside an article body (written as ``###``)."""

    runs: list[Run]


@dataclass
class Item:
    """One list item; ``level`` 0 is the outer list."""

    runs: list[Run]
    level: int = 0
    ordered: bool = False


@dataclass
class ItemList:
    items: list[Item] = field(default_factory=list)


Block = Para | SubHeading | ItemList


def plain(runs: list[Run]) -> str:
    """The visible text of some runs, line breaks as spaces."""
    return " ".join("".join(r.text for r in runs).split())


def escape(text: str) -> str:
    """Text made safe to put in a body: nothing in it reads as markup."""
    parts = _NOTE_MARK.split(text)
    # split() keeps the marks at the odd places, the text between them at the even ones.
    return "".join(part if n % 2 else _INLINE_SPECIAL.sub(r"\\\1", part)
                   for n, part in enumerate(parts))


def _escape_line_start(text: str) -> str:
    match = _LINE_START.match(text)
    if not match:
        return text
    lead, mark = match.groups()
    if mark.isdigit():
        return f"{lead}{mark}\\{text[match.end():]}"
    return f"{lead}\\{mark}{text[match.end():]}"


def merge_runs(runs: list[Run]) -> list[Run]:
    """Runs with whitespace collapsed and neighbours of the same style joined."""
    out: list[Run] = []
    for run in runs:
        text = run.text if run.text == "\n" else re.sub(r"[ \t\r\n\u00a0]+", " ", run.text)
        if text.startswith(" ") and out and out[-1].text.endswith((" ", "\n")):
            text = text[1:]  # one space where two runs meet, as the reader will see it
        if not text:
            continue
        if out and out[-1].text != "\n" and text != "\n" and (
                out[-1].bold, out[-1].italic, out[-1].href) == (run.bold, run.italic, run.href):
            out[-1] = Run(out[-1].text + text, run.bold, run.italic, run.href)
        else:
            out.append(Run(text, run.bold, run.italic, run.href))
    # Trim the ends of the paragraph, and spaces around line breaks.
    while out and (out[0].text == "\n" or not out[0].text.strip()):
        out.pop(0)
    while out and (out[-1].text == "\n" or not out[-1].text.strip()):
        out.pop()
    if out:
        first, last = out[0], out[-1]
        out[0] = Run(first.text.lstrip(), first.bold, first.italic, first.href)
        last = out[-1]
        out[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.href)
    return out


def _styled(text: str, bold: bool, italic: bool) -> str:
    """Emphasis markers placed inside any spaces at the ends, as Markdown needs."""
    core = text.strip(" ")
    if not core or not (bold or italic):
        return escape(text)
    lead = text[: len(text) - len(text.lstrip(" "))]
    tail = text[len(text.rstrip(" ")):]
    mark = ("**" if bold else "") + ("*" if italic else "")
    close = ("*" if italic else "") + ("**" if bold else "")
    return f"{lead}{mark}{escape(core)}{close}{tail}"


def _url(href: str) -> str:
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C") \
        .replace(">", "%3E")


def runs_markup(runs: list[Run]) -> str:
    """Runs written as one line (or several, for line breaks) of body markup.

    Markdown cannot express every run of bold or italic ("1" then an italic "<" glued to it
    reads back as literal stars), so styled text is read back with the body parser and, if
    the styles did not survive, written again with only its links, then as plain words: the
    words are never lost. The rich body editor writes every paragraph back after each key,
    and all but one are unchanged, so the answers are kept.
    """
    return _runs_markup(tuple(runs))


@lru_cache(maxsize=4096)
def _runs_markup(given: tuple[Run, ...]) -> str:
    runs = merge_runs(list(given))
    text = _write_runs(runs)
    if not any(r.bold or r.italic or r.href for r in runs):
        return text
    wanted = _signature(runs)
    if _read_back(text) == wanted:
        return text
    if any(r.href for r in runs):
        text = _write_runs(runs, bare=False)  # every link written out in full
        if _read_back(text) == wanted:
            return text
    unstyled = merge_runs([Run(r.text, False, False, r.href) for r in runs])
    for bare in (True, False):  # as the unstyled runs would be written on their own
        text = _write_runs(unstyled, bare=bare)
        if _read_back(text) == _signature(unstyled):
            return text
    return _write_runs(merge_runs([Run(r.text) for r in runs]))


def _signature(runs: list[Run]) -> list[tuple[str, bool, bool, str | None]]:
    """Every visible character with its styles: what a reader of the body would see."""
    out: list[tuple[str, bool, bool, str | None]] = []
    for r in runs:
        href = _url(r.href) if r.href else None
        out += [(c, r.bold, r.italic, href) for c in r.text if not c.isspace()]
    return out


def _read_back(text: str) -> list[tuple[str, bool, bool, str | None]]:
    from ..markup import parse  # the body parser itself is the judge

    blocks = parse(text).blocks
    if len(blocks) != 1 or not hasattr(blocks[0], "runs"):
        return []
    return _signature(blocks[0].runs)


def _link(group: list[Run], href: str, bare: bool) -> str:
    """A link as body markup: a bare address as it was written ("jo@example.org", which the
    body parser links again), else an autolink, else ``[text](target)``."""
    if len(group) == 1 and not (group[0].bold or group[0].italic):
        text = group[0].text
        found = find_links(text)
        if bare and escape(text) == text and len(found) == 1 and found[0][:2] == (0, len(text)) \
                and found[0][2] == href:
            return text
        if (href == f"mailto:{text}" or href == text) and not re.search(r"[\s<>]", text):
            return f"<{text}>"
    inner = "".join(_styled(r.text, r.bold, r.italic) for r in group)
    return f"[{inner}]({_url(href)})"


def _write_runs(runs: list[Run], bare: bool = True) -> str:
    out: list[str] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        if run.text == "\n":
            out.append("\\\n")
            i += 1
            continue
        if run.href:
            # A link may span runs of different styles; keep them inside one [...].
            group = []
            while i < len(runs) and runs[i].href == run.href and runs[i].text != "\n":
                group.append(runs[i])
                i += 1
            out.append(_link(group, run.href, bare))
            continue
        out.append(_styled(run.text, run.bold, run.italic))
        i += 1
    text = "".join(out)
    return "\n".join(_escape_line_start(line) for line in text.split("\n"))


def blocks_markup(blocks: list[Block]) -> str:
    """Blocks written as a whole body, blank lines between blocks."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, ItemList):
            text = _list_markup(block)
        elif isinstance(block, SubHeading):
            # A heading's trailing "#"s would read as its closing marks: escape the first.
            words = re.sub(r"(#+)$", r"\\\1", escape(plain(block.runs)))
            text = f"### {words}" if plain(block.runs) else ""
        else:
            text = runs_markup(block.runs)
        if text.strip():
            parts.append(text)
    return "\n\n".join(parts)


def _list_markup(block: ItemList) -> str:
    lines: list[str] = []
    indents: list[int] = []  # where each open level's text starts
    counters: list[int] = []
    kinds: list[bool] = []
    for item in block.items:
        text = runs_markup(item.runs)
        if not text.strip():
            continue
        level = max(0, min(item.level, len(indents)))
        del indents[level:]
        del counters[level + 1:]
        del kinds[level + 1:]
        if len(counters) <= level:
            counters.append(0)
            kinds.append(item.ordered)
        if kinds[level] != item.ordered:  # a new list of the other kind starts counting again
            counters[level] = 0
            kinds[level] = item.ordered
        counters[level] += 1
        pad = indents[level - 1] if level else 0
        marker = f"{counters[level]}. " if item.ordered else "- "
        indents.append(pad + len(marker))
        continuation = "\n" + " " * (pad + len(marker))
        lines.append(" " * pad + marker + text.replace("\n", continuation))
    return "\n".join(lines)
