"""Reading a tagged PDF the way a screen reader does: its structure tree, with the text of each
element, from poppler (``pdfinfo -struct-text``), and the /Alt of each Figure from pikepdf."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

_ELEMENT = re.compile(r"^(\w+)(:)?(?: \((block|inline)\))?$")


@dataclass
class Elem:
    """One structure element as poppler reads it: its type, content and children in order."""

    role: str
    inline: bool = False
    # Text strings and child elements, in reading order.
    kids: list[str | Elem] = field(default_factory=list)

    def elements(self) -> list[Elem]:
        """This element and every element under it, in reading order."""
        found = [self]
        for kid in self.kids:
            if isinstance(kid, Elem):
                found.extend(kid.elements())
        return found

    def find(self, role: str) -> list[Elem]:
        return [e for e in self.elements() if e.role == role]

    def text(self, skip: tuple[str, ...] = ()) -> str:
        """The words a reader hears: inline children run on, block children stand apart."""
        out = []
        for kid in self.kids:
            if isinstance(kid, str):
                out.append(kid)
            elif kid.role not in skip:
                inner = kid.text(skip)
                out.append(inner if kid.inline else f" {inner} ")
        return "".join(out)

    def words(self, skip: tuple[str, ...] = ()) -> list[str]:
        return self.text(skip).split()


def structure(pdf: Path) -> Elem:
    """The document's structure tree (its root is the Document element)."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True,
                         text=True, check=True).stdout
    root = Elem("(root)")
    stack: list[tuple[int, Elem]] = [(-1, root)]
    for line in out.splitlines():
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if body.startswith("/") or body.startswith("Object "):
            continue  # an attribute line, or an annotation's object reference
        while stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        if body.startswith('"') and body.endswith('"') and len(body) >= 2:
            parent.kids.append(body[1:-1])
            continue
        match = _ELEMENT.match(body)
        if not match:
            raise AssertionError(f"unexpected pdfinfo line: {line!r}")
        elem = Elem(match.group(1), inline=match.group(3) == "inline")
        parent.kids.append(elem)
        stack.append((depth, elem))
    documents = [k for k in root.kids if isinstance(k, Elem)]
    assert len(documents) == 1, "one root element"
    return documents[0]


def headings(root: Elem) -> list[tuple[int, str]]:
    """(level, text) of every heading, in reading order."""
    return [(int(e.role[1:]), " ".join(e.words())) for e in root.elements()
            if re.fullmatch(r"H[1-6]", e.role)]


def figure_alts(pdf: Path) -> list[str | None]:
    """The /Alt of every Figure element, in reading order (None where there is none)."""
    with pikepdf.open(pdf) as doc:
        found: list[str | None] = []

        def walk(elem: pikepdf.Object) -> None:
            if not isinstance(elem, pikepdf.Dictionary):
                return
            if elem.get("/S") == "/Figure":
                alt = elem.get("/Alt")
                found.append(str(alt) if alt is not None else None)
            kids = elem.get("/K")
            if isinstance(kids, pikepdf.Array):
                for kid in kids:
                    walk(kid)
            elif kids is not None:
                walk(kids)

        walk(doc.Root.StructTreeRoot)
        return found
