"""Rich text pasted into a body, turned into the body's Markdown subset.

Pasted HTML comes from anywhere (a web page, Word, an email), so it is treated as untrusted:
only paragraphs, line breaks, bold, italic, safe links, lists and sub-headings survive; every
other tag is dropped with its text kept, and script/style content is dropped entirely. The
result never contains HTML.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .markup import safe_href

_BLOCK = {"p", "div", "section", "article", "blockquote", "pre", "table", "tr", "header",
          "footer", "main", "aside", "figure", "figcaption", "dl", "dt", "dd", "address"}
_SKIP = {"script", "style", "head", "title", "template", "noscript", "svg", "math", "object",
         "iframe"}
_HEADINGS = {"h1": "##", "h2": "##", "h3": "###", "h4": "###", "h5": "###", "h6": "###"}
_MAX_INPUT = 2_000_000


def _escape(text: str) -> str:
    """Escape characters that would start Markdown syntax in pasted plain words."""
    text = re.sub(r"([\\*_\[\]`<>])", r"\\\1", text)
    return text


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.prefix = ""
        self.lists: list[list] = []  # [ordered, counter]
        self.skip = 0
        self.stack: list[tuple[str, str, list[str], int]] = []
        self.link: str | None = None
        self.link_text: list[str] = []

    # -- helpers ----------------------------------------------------------------------------
    def emit(self, text: str) -> None:
        if self.link is not None:
            self.link_text.append(text)
        else:
            self.line.append(text)

    def flush(self) -> None:
        text = re.sub(r"[ \t\r\n\u00a0]+", " ", "".join(self.line)).strip()
        if text:
            self.blocks.append(self.prefix + text)
        self.line = []
        self.prefix = ""

    # -- parser callbacks --------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        style = (attr.get("style") or "").replace(" ", "").lower()
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in _BLOCK or tag in _HEADINGS:
            self.flush()
            if tag in _HEADINGS:
                self.prefix = _HEADINGS[tag] + " "
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append([tag == "ol", 0])
        elif tag == "li":
            self.flush()
            depth = max(0, len(self.lists) - 1)
            ordered = self.lists[-1][0] if self.lists else False
            if self.lists:
                self.lists[-1][1] += 1
            marker = f"{self.lists[-1][1]}." if ordered and self.lists else "-"
            self.prefix = "  " * depth + marker + " "
        elif tag == "br":
            self.flush()
        elif tag in ("b", "strong") or "font-weight:bold" in style or "font-weight:600" in style \
                or "font-weight:700" in style:
            self._pushed(tag, "**")
            return
        elif tag in ("i", "em") or "font-style:italic" in style:
            self._pushed(tag, "*")
            return
        elif tag == "a":
            href = safe_href(attr.get("href") or "")
            if href and self.link is None:
                self.link = href
                self.link_text = []
        self._pushed(tag, "")

    def _target(self) -> list[str]:
        return self.link_text if self.link is not None else self.line

    def _pushed(self, tag: str, marker: str) -> None:
        target = self._target()
        self.stack.append((tag, marker, target, len(target)))

    def _close_marker(self, marker: str, target: list[str], start: int) -> None:
        """Wrap what was written since ``start`` in the marker, whitespace kept outside, so
        the result is valid emphasis; an empty run gets no marker at all."""
        inner = "".join(target[start:])
        del target[start:]
        words = inner.strip()
        if not words:
            target.append(inner)
            return
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()):]
        target.append(f"{lead}{marker}{words}{marker}{trail}")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _BLOCK or tag in _HEADINGS or tag == "li":
            self.flush()
            return
        if tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
            return
        # Close the most recent inline element of this tag, with its marker.
        for i in range(len(self.stack) - 1, -1, -1):
            open_tag, marker, target, start = self.stack[i]
            if open_tag == tag:
                del self.stack[i]
                if marker and target is self._target():
                    self._close_marker(marker, target, start)
                if tag == "a" and self.link is not None:
                    words = "".join(self.link_text).strip()
                    href, self.link = self.link, None
                    self.line.append(f"[{words}]({href})" if words else "")
                break

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.emit(_escape(data))

    def convert(self, html: str) -> str:
        self.feed(html[:_MAX_INPUT])
        self.close()
        if self.link is not None:
            self.line.append("".join(self.link_text))
            self.link = None
        self.flush()
        return _join(self.blocks)


def _join(blocks: list[str]) -> str:
    """Blank lines between blocks, none between the items of one list."""
    out: list[str] = []
    for block in blocks:
        is_item = re.match(r"^\s*(-|\d+\.) ", block) is not None
        if out and not (is_item and re.match(r"^\s*(-|\d+\.) ", out[-1])):
            out.append("")
        out.append(block)
    return "\n".join(out)


def html_to_markdown(html: str) -> str:
    """The Markdown-subset text for a fragment of pasted HTML."""
    return _Converter().convert(html)
