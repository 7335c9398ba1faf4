"""The export registry: every output format the app writes, in one table.

The ``bulletin export`` flags, the export dialog's choices and the background jobs all read
``FORMATS``; none of them names a format. Adding a format is one writer module and one
``Format(...)`` line in ``FORMATS``.

Public names:

``Format``
    One format: ``name`` (also its CLI flag, ``--name``), ``suffix`` (".pdf", or ``FOLDER``
    for an output that is a folder), ``what`` ("Word file": "Wrote the Word file to …"),
    ``label`` (the dialog's wording), ``writer`` and
    ``handlers`` (``"module:attribute"`` strings, imported only when used), ``help`` for the
    command line, ``options`` the writer takes, and ``opens_in`` ("", "browser" or "mail")
    for what the dialog offers after the export.
``Option``
    A setting one writer takes as a keyword argument (``columns``, ``attach_pdf``), offered as
    a CLI flag (unique across formats) and, for a yes/no setting with a ``label``, a tick box
    in the dialog. A yes/no flag also has its ``--no-`` form.
``Report`` (from ``core.output``)
    What an export returns: the path written, ``warnings`` (a picture left out), ``notes``
    (a size report) and ``offers``: option name -> why exporting again with that option
    turned the other way from its default (``Option.offered``) would help.
``FORMATS``, ``get(name)``, ``available()``
    The table in the order the dialog shows it; one format by name; those whose modules
    import in this build.
``output_name(name, issue)``
    The name an export of an issue is given (the export dialog's, the email's attachment).
``export(name, issue, folder, out, progress=None, **options)``
    Run one format's writer. This is also the target the background helper process runs
    (``JOB_TARGET``), so the window's jobs go through the registry too.
``render(name, issue, folder)``
    A format with ``in_memory`` built to bytes (the preview's PDF; ``RENDER_TARGET``).

A writer is ``write(issue, folder, out, *, progress=None, **options)`` and returns a list of
warnings or a ``Report``. It checks its output first and saves it atomically with
``core.output``; it turns each block into its output through a ``handlers`` table keyed by
block type (see ``blocks.handler_for``); ``tests/test_formats.py`` checks that every table
covers every block type.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ExportError
from .model import Issue
from .output import Report

Progress = Callable[[int, int], None]

FOLDER = "folder"
JOB_TARGET = "desktop_app.core.formats:export"
RENDER_TARGET = "desktop_app.core.formats:render"


@dataclass(frozen=True)
class Option:
    """A keyword argument one writer takes, offered on the command line and in the dialog."""

    name: str
    flag: str
    help: str
    default: Any = None
    kind: type = bool
    choices: tuple[Any, ...] = ()
    label: str = ""  # a yes/no option with a label is a tick box in the export dialog

    @property
    def offered(self) -> Any:
        """The value a writer's offer to export again means: a yes/no option turned the
        other way from its default."""
        return (not self.default) if self.kind is bool else self.default

    def flag_for(self, value: Any) -> str:
        """The command-line words that give this option ``value``."""
        if self.kind is bool:
            return self.flag if value else f"--no-{self.flag.removeprefix('--')}"
        return f"{self.flag} {value}"


@dataclass(frozen=True)
class Format:
    """One output format: how it is named, offered and written."""

    name: str
    suffix: str
    what: str
    label: str
    writer: str
    handlers: str
    help: str
    options: tuple[Option, ...] = ()
    opens_in: str = ""
    in_memory: str = ""  # "module:function" giving (bytes, warnings), for the preview

    @property
    def is_folder(self) -> bool:
        return self.suffix == FOLDER

    @property
    def metavar(self) -> str:
        return "FOLDER" if self.is_folder else f"OUT{self.suffix}"

    def output_name(self, stem: str) -> str:
        """The file (or folder) name for an export whose name starts ``stem``."""
        return f"{stem}-web" if self.is_folder else f"{stem}{self.suffix}"

    def option(self, name: str) -> Option:
        """The option called ``name``; ExportError if this format has none."""
        for opt in self.options:
            if opt.name == name:
                return opt
        raise ExportError(f"the {self.name} export takes no option {name}")

    def load_writer(self) -> Callable[..., Any]:
        return resolve(self.writer)

    def load_handlers(self) -> Mapping[type, Any]:
        return resolve(self.handlers)

    def is_available(self) -> bool:
        """True if the writer's module is part of this build.

        Found without importing it: the window asks at start-up (the preview) and when the
        export dialog opens, and importing the PDF writer there would load reportlab into the
        window's process for nothing (the writers run in the helper process).
        """
        module_name = self.writer.partition(":")[0]
        try:
            return importlib.util.find_spec(module_name) is not None
        except (ImportError, ValueError):
            return False


FORMATS: tuple[Format, ...] = (
    Format("pdf", ".pdf", "PDF", "PDF to print and email",
           "desktop_app.core.export_pdf:write_pdf", "desktop_app.core.pdf.story:HANDLERS",
           "write the styled PDF here", in_memory="desktop_app.core.export_pdf:pdf_bytes"),
    Format("docx", ".docx", "Word file", "Word file for reviewers",
           "desktop_app.core.docx.export_docx:write_docx",
           "desktop_app.core.docx.export_docx:HANDLERS",
           "write the Word file here",
           options=(Option("columns", "--columns", "columns in the Word file (default: the "
                           "issue's setting, 1)", kind=int, choices=(1, 2)),)),
    Format("html", FOLDER, "web edition", "Web edition (a folder: index.html and pictures)",
           "desktop_app.core.web.export_html:write_html",
           "desktop_app.core.web.html_blocks:HANDLERS",
           "write the web edition into this folder", opens_in="browser"),
    Format("email", ".eml", "email", "Email ready to send",
           "desktop_app.core.web.export_email:write_email",
           "desktop_app.core.web.email_blocks:HANDLERS",
           "write an email draft (.eml) to open in Outlook or Thunderbird and send",
           options=(
               Option("attach_pdf", "--attach-pdf", "attach the PDF to the email (default: "
                      "yes)", default=True, label="Attach the PDF"),
               Option("smaller_pictures", "--smaller-pictures", "send smaller email copies "
                      "of big pictures", default=False, label="Smaller copies of big pictures"),
           ),
           opens_in="mail"),
    Format("govspeak", ".md", "govspeak file", "GOV.UK page (govspeak markup to paste)",
           "desktop_app.core.export_govspeak:write_govspeak",
           "desktop_app.core.export_govspeak:HANDLERS",
           "write govspeak (GOV.UK's markup) to paste into GOV.UK's publisher"),
)


def output_stem(issue: Issue) -> str:
    """How an issue's exports are named, before each format's suffix."""
    return f"soc-bulletin-edition-{issue.edition}"


def output_name(name: str, issue: Issue) -> str:
    """The file (or folder) name format ``name`` is exported to: "soc-bulletin-edition-9.pdf"."""
    return get(name).output_name(output_stem(issue))


def get(name: str) -> Format:
    """The format called ``name``; ExportError if there is none."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise ExportError(f"no export format called '{name}'")


def available() -> list[Format]:
    """The formats whose writers are part of this build, in the dialog's order."""
    return [fmt for fmt in FORMATS if fmt.is_available()]


def export(name: str, issue: Issue, folder: Path | str, out: Path | str, *,
           progress: Progress | None = None, **options: Any) -> Report:
    """Write ``issue`` as format ``name`` to ``out``; a Report of what happened.

    Options the format does not declare are refused; those left as None take the writer's
    default. Raises ExportError (or another BulletinError) for bad input.
    """
    fmt = get(name)
    known = {opt.name for opt in fmt.options}
    unknown = sorted(set(options) - known)
    if unknown:
        raise ExportError(f"the {name} export takes no option {', '.join(unknown)}")
    try:
        writer = fmt.load_writer()
    except ImportError:
        raise ExportError(f"the {fmt.label} exporter is not part of this build") from None
    given = {k: v for k, v in options.items() if v is not None}
    result = writer(issue, folder, out, progress=progress, **given)
    report = result if isinstance(result, Report) else Report(warnings=list(result or []))
    report.path = report.path or Path(out)
    report.format = name
    return report


def render(name: str, issue: Issue, folder: Path | str, *,
           progress: Progress | None = None) -> tuple[bytes, list[str]]:
    """Format ``name`` built in memory (the preview): its bytes and warnings."""
    fmt = get(name)
    if not fmt.in_memory:
        raise ExportError(f"the {fmt.what} cannot be built in memory")
    try:
        build = resolve(fmt.in_memory)
    except ImportError:
        raise ExportError(f"the {fmt.label} exporter is not part of this build") from None
    return build(issue, folder, progress=progress)


def resolve(target: str) -> Any:
    """The object a ``"module:attribute"`` string names, its module imported."""
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)
