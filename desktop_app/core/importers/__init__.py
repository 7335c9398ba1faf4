"""Bringing articles in: the contributor form, Word files and Markdown, as pool articles.

The editor window and the command line call the same functions:

``import_docx(path, issue, folder)`` and ``import_markdown(path_or_text, issue, folder)`` read
their input, write any pictures to ``folder/images`` and add the articles to ``issue`` (in
memory), returning an :class:`ImportReport`. They raise ``BulletinError`` (one line) before
changing anything when the input is refused. ``import_file`` picks one by the file's suffix (for
a drop onto the pool). ``import_into_folder`` wraps any of them into an all-or-nothing change to
an issue folder on disk; ``write_form`` writes the blank form.

Every import ends with a word ledger (:mod:`.ledger`): each word of the source is in the issue,
in a label or lead-in the bulletin prints its own way, or named in the report's "dropped" list.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BulletinError
from ..model import Issue
from .report import ImportedArticle, ImportReport

if TYPE_CHECKING:
    from .apply import import_into_folder
    from .docx_import import import_docx
    from .form import write_form
    from .markdown_import import import_markdown

# The readers pull in python-docx and lxml: loaded on first use, not when the editor starts
# (the window imports this package for its suffix lists and the markup writer).
_LAZY = {
    "import_into_folder": ".apply", "import_docx": ".docx_import", "write_form": ".form",
    "import_markdown": ".markdown_import",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


WORD_SUFFIXES = (".docx",)
MARKDOWN_SUFFIXES = (".md", ".markdown", ".txt")


def import_file(path: Path | str, issue: Issue, folder: Path | str, *,
                images_to: Path | str | None = None, again: bool = False) -> ImportReport:
    """Import a ``.docx`` or Markdown (``.md``, ``.markdown``, ``.txt``) file by its suffix.

    An article the issue already has (same title and text) is reported and skipped, unless
    ``again``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in WORD_SUFFIXES:
        from .docx_import import import_docx
        return import_docx(path, issue, folder, images_to=images_to, again=again)
    if suffix in MARKDOWN_SUFFIXES:
        from .markdown_import import import_markdown
        return import_markdown(path, issue, folder, images_to=images_to, again=again)
    raise BulletinError(f"{path.name}: cannot import this kind of file (use a Word .docx or "
                        "a Markdown .md file)")


__all__ = ["ImportReport", "ImportedArticle", "import_docx", "import_file", "import_markdown",
           "import_into_folder", "write_form", "WORD_SUFFIXES", "MARKDOWN_SUFFIXES"]
