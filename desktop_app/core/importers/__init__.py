"""Bringing articles in: the contributor form, Word files and Markdown, as pool articles.

The editor window and the command line call the same functions:

``import_docx(path, issue, folder)`` and ``import_markdown(path_or_text, issue, folder)`` read
their input, write any pictures to ``folder/images`` and add the articles to ``issue`` (in
memory), returning an :class:`ImportReport`. They raise ``BulletinError`` (one line) before
changing anything when the input is refused. ``import_into_folder`` wraps either one into an
all-or-nothing change to an issue folder on disk; ``write_form`` writes the blank form.
"""

from __future__ import annotations

from .apply import import_into_folder
from .docx_import import import_docx
from .form import write_form
from .markdown_import import import_markdown
from .report import ImportedArticle, ImportReport

__all__ = ["ImportReport", "ImportedArticle", "import_docx", "import_markdown",
           "import_into_folder", "write_form"]
