"""Mutated real issue files for the fuzz tests: the corpus, the mutations, and one round trip.

The corpus is real: the demo edition's ``issue.yaml`` and an edition imported from Markdown
and saved by the app. Each case applies one to four mutations a clumsy hand or an attacker
would: lines deleted, doubled, swapped or re-indented, a value swapped for a hostile token,
text inserted, bytes flipped, the file cut short. ``run_case`` then drives the app's whole
path: load, validate, lay out, export (PDF and Word), save, load again.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from desktop_app.core.errors import BulletinError
from desktop_app.core.storage import ISSUE_FILE, load_issue, parse_issue, save_issue

TOKENS = [
    "yes", "no", "~", "null", "[]", "{}", "-1", "0", "3", "99999999999999999999999", "1.5",
    ".inf", "2026-02-30", "2026-01-01 10:00:00", "!!bool maybe", "!!int x", "!!str 5",
    "&a x", "*a", '"\\uD800"', '"\\udfff x"', "|", ">-", "'", '"', ":", "- x", "{a: [b",
    "<<: {}", "!!binary aGk=", "!custom x", "? [a]", "[[[[[[", "A0", "Letter", "print-one-column",
    "nonexistent-theme", "images/../../etc/passwd", "/etc/passwd", "images/missing.png",
    "mailto:x", "javascript:alert(1)", "<b>bold</b> & <i>", "\u202e\u200b\ufeff", "\x85",
    "\U0001f600", "\u4e2d\u6587", "\ud55c\uad6d\uc5b4", "\u0939\u093f\u0902\u0926\u0940",
    "held-over", "ready", "draft", "statistic", "sidebar", "true", "false",
    "[a, {b: c}]", "- - - x", "Long " * 80, '"\\x01\\x1f\\x7f"', "'it''s'", "# comment",
]


@dataclass(frozen=True)
class Mutation:
    """One change to a file's lines; ``apply`` returns the new lines."""

    kind: str
    a: int
    b: int
    token: str

    def apply(self, lines: list[str]) -> list[str]:
        if not lines:
            return [self.token]
        n = len(lines)
        i, j = self.a % n, self.b % n
        out = list(lines)
        if self.kind == "delete":
            del out[i]
        elif self.kind == "double":
            out.insert(i, out[i])
        elif self.kind == "swap":
            out[i], out[j] = out[j], out[i]
        elif self.kind == "indent":
            out[i] = "  " + out[i]
        elif self.kind == "dedent":
            out[i] = out[i][2:] if out[i].startswith("  ") else out[i]
        elif self.kind == "value":
            head, sep, _ = out[i].partition(": ")
            out[i] = f"{head}: {self.token}" if sep else f"{out[i]} {self.token}"
        elif self.kind == "insert":
            line = out[i]
            cut = self.b % (len(line) + 1)
            out[i] = line[:cut] + self.token + line[cut:]
        elif self.kind == "truncate":
            out = out[: max(1, i)]
        return out


mutations = st.builds(
    Mutation,
    kind=st.sampled_from(["delete", "double", "swap", "indent", "dedent", "value", "value",
                          "insert", "truncate"]),
    a=st.integers(0, 10_000), b=st.integers(0, 10_000),
    token=st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)),
)


@st.composite
def mutated(draw, corpus: list[bytes]) -> bytes:
    """One real issue file with a few mutations, and sometimes a flipped or cut byte."""
    source = draw(st.sampled_from(corpus))
    lines = source.decode("utf-8").split("\n")
    for mutation in draw(st.lists(mutations, min_size=1, max_size=4)):
        lines = mutation.apply(lines)
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 5)) == 0 and data:
        where = draw(st.integers(0, len(data) - 1))
        data = data[:where] + bytes([draw(st.integers(0, 255))]) + data[where + 1:]
    return data


def build_corpus(workdir: Path, demo: Path, edition_md: Path) -> tuple[Path, list[bytes]]:
    """A working folder (the demo's pictures included) and the real files to mutate."""
    from desktop_app.core.importers import import_markdown
    from desktop_app.core.model import new_issue

    folder = workdir / "fuzz-issue"
    shutil.copytree(demo, folder, ignore=shutil.ignore_patterns("__pycache__", "*.bak",
                                                                "__init__.py"))
    corpus = [(folder / ISSUE_FILE).read_bytes()]
    imported = new_issue()
    import_markdown(edition_md, imported, workdir / "md-issue")
    save_issue(imported, workdir / "md-issue")
    corpus.append((workdir / "md-issue" / ISSUE_FILE).read_bytes())
    return folder, corpus


def run_case(data: bytes, folder: Path, export: bool = True) -> str:
    """Drive one file through the app; returns how far it got. Only bugs raise."""
    from desktop_app.core.docx.export_docx import docx_bytes
    from desktop_app.core.export_pdf import pdf_bytes
    from desktop_app.core.layout import build_blocks
    from desktop_app.core.validate import validate

    try:
        loaded = parse_issue(data, folder / ISSUE_FILE)
    except BulletinError:
        return "refused"
    validate(loaded.issue, folder, loaded.source)
    build_blocks(loaded.issue, folder)
    if export:
        try:
            pdf_bytes(loaded.issue, folder)
            docx_bytes(loaded.issue, folder)
        except BulletinError:
            pass  # an unknown theme or paper: a one-line refusal, as the CLI shows it
    saved = folder / "roundtrip"
    saved.mkdir(exist_ok=True)
    save_issue(loaded.issue, saved)
    again = load_issue(saved)
    assert again.issue == loaded.issue, "a saved issue reads back differently"
    return "exported" if export else "loaded"
