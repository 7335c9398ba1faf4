"""The ``bulletin`` command: every job of the app, with no window.

Exit codes: 0 success, 1 problems found (validate), 2 bad input or usage, 3 a bug.
Bad input is reported as one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop_app.core.errors import BulletinError, ChangedOnDiskError
from desktop_app.core.fileio import staged_folder
from desktop_app.core.formats import FORMATS, export
from desktop_app.core.model import Issue, new_issue
from desktop_app.core.storage import (
    IssueFile,
    check_new_folder,
    copy_demo,
    issue_to_data,
    load_issue,
    save_issue,
)
from desktop_app.core.validate import validate
from desktop_app.resources import demo_dir

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT, EXIT_BUG = 0, 1, 2, 3


class UsageError(BulletinError):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line instead of printing and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


class VersionAction(argparse.Action):
    """``--version``: the version, Python's and Qt's, and where the app keeps its files."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: object = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0,
                         help=help or "show the version and where settings are kept, and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from desktop_app.gui.about import print_version

        print_version(parser.prog)
        parser.exit()


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _warn(text: str) -> None:
    sys.stderr.write(f"bulletin: warning: {text}\n")


# ---- issue selection -----------------------------------------------------------------------


def add_issue_argument(parser: argparse.ArgumentParser) -> None:
    """DIR or --demo: the issue a command works on."""
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("folder", nargs="?", type=Path, help="the issue folder")
    group.add_argument("--demo", action="store_true", help="use the bundled demo edition")


def add_force_argument(parser: argparse.ArgumentParser) -> None:
    """--force: write even though the issue is open in an editor."""
    parser.add_argument("--force", action="store_true",
                        help="write even if the issue is open in the editor")


def check_not_open(folder: Path, force: bool) -> None:
    """Refuse to write an issue a live editor has open, naming who (unless --force).

    The editor would otherwise find its file changed under it at its next save.
    """
    from desktop_app.core.locking import live_holder

    holder = live_holder(folder) if folder.is_dir() else None
    if holder is None:
        return
    if force:
        _warn(f"{folder} is open in the editor by {holder.describe()}; writing anyway "
              "(--force): the editor will be told the file changed when it next saves")
        return
    raise BulletinError(f"{folder} is open in the editor by {holder.describe()}: close it "
                        "there first, or add --force to write anyway")


def open_issue(args: argparse.Namespace) -> IssueFile:
    """Load the issue named on the command line (DIR or --demo)."""
    return load_and_warn(demo_dir() if args.demo else args.folder)


def load_and_warn(folder: Path) -> IssueFile:
    """Load an issue folder, printing the loader's warnings (unknown keys) on stderr."""
    loaded = load_issue(folder)
    for warning in loaded.warnings:
        _warn(warning)
    return loaded


# ---- commands ------------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    target: Path = args.folder
    try:
        if args.demo:
            copy_demo(target)
        else:
            check_new_folder(target)
            with staged_folder(target) as staging:
                save_issue(new_issue(edition=args.edition, published=args.published or ""),
                           staging)
    except OSError as exc:
        raise BulletinError(f"{target}: cannot create the issue ({exc.strerror or exc})") from None
    what = "a copy of the demo edition" if args.demo else "a new issue with the standard sections"
    _out(f"Created {what} in {target}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    loaded = open_issue(args)
    if args.json:
        json.dump(issue_to_data(loaded.issue, full=True), sys.stdout, ensure_ascii=False,
                  indent=2, default=str)
        _out()
        return EXIT_OK
    for line in outline(loaded.issue):
        _out(line)
    return EXIT_OK


def outline(issue: Issue) -> list[str]:
    """The issue as a readable outline: masthead, sections with their articles, the pool."""

    def describe(a) -> str:
        bits = [a.status.label.lower()]
        for count, word in ((len(a.contacts), "contact"), (len(a.pull_quotes), "pull quote"),
                            (len(a.images), "image"), (len(a.callouts), "callout")):
            if count:
                bits.append(f"{count} {word}{'s' if count != 1 else ''}")
        return f"{a.title or '(untitled)'}  ({', '.join(bits)})  [{a.id}]"

    lines = [f"{issue.title} \u2014 {issue.edition_line}", issue.strapline, ""]
    for section in issue.sections:
        count = len(section.articles)
        lines.append(f"{section.title}  [{section.id}]  {count} article{'s' if count != 1 else ''}")
        for n, article in enumerate(section.articles, 1):
            lines.append(f"  {n}. {describe(article)}")
    lines.append("")
    lines.append(f"Pool: {len(issue.pool)} article{'s' if len(issue.pool) != 1 else ''} "
                 "waiting to be placed")
    for article in issue.pool:
        lines.append(f"  - {describe(article)}")
    return lines


def cmd_validate(args: argparse.Namespace) -> int:
    loaded = open_issue(args)
    problems = validate(loaded.issue, loaded.folder, loaded.source)
    for problem in problems:
        _out(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if problems:
        _out(f"{errors} error{'s' if errors != 1 else ''}, "
             f"{warnings} warning{'s' if warnings != 1 else ''}")
        return EXIT_PROBLEMS
    _out(f"No problems in {loaded.path}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Proofread an issue: spelling, house style, plain English, accessibility (issue 13)."""
    from desktop_app.core.proof import Checker, default_rules, load_rules
    from desktop_app.core.proof.report import format_report

    rules = load_rules(args.rules) if args.rules else default_rules()
    loaded = open_issue(args)
    checker = Checker(rules)
    report = checker.check(loaded.issue, None if args.demo else loaded.folder)
    if args.suggest:
        report = checker.with_suggestions(report)
    if args.json:
        json.dump({"issue": str(loaded.path), **report.to_data()}, sys.stdout,
                  ensure_ascii=False, indent=2)
        _out()
    else:
        for note in report.notes:
            _warn(note)
        for line in format_report(report):
            _out(line)
    return EXIT_PROBLEMS if report.findings else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Write every format asked for, in the registry's order (core/formats.py)."""
    chosen = [fmt for fmt in FORMATS if getattr(args, fmt.name) is not None]
    if not chosen:
        flags = ", ".join(f"--{fmt.name} {fmt.metavar}" for fmt in FORMATS)
        raise UsageError(f"say what to export: one or more of {flags}")
    loaded = open_issue(args)
    for fmt in chosen:
        out = getattr(args, fmt.name)
        options = {opt.name: getattr(args, opt.name) for opt in fmt.options}
        report = export(fmt.name, loaded.issue, loaded.folder, out, **options)
        for warning in report.warnings:
            _warn(warning)
        _out(f"Wrote the {fmt.what} to {out}")
        for note in report.notes:
            _out(f"  {note}")
        for name, why in report.offers.items():
            option = fmt.option(name)
            _out(f"  {why}: run again with {option.flag_for(option.offered)}")
    return EXIT_OK


def cmd_comments(args: argparse.Namespace) -> int:
    """List reviewers' comments in a Word file; with --apply store them in the issue."""
    from desktop_app.core.comments import apply_comments, format_report, read_comments

    loaded = load_and_warn(args.issue)
    report = read_comments(args.reviewed, loaded.issue)
    added = None
    if args.apply:
        added = apply_comments(loaded.issue, report, args.reviewed.name)
        if added:
            check_not_open(loaded.folder, args.force)
            try:
                save_issue(loaded.issue, loaded.folder, expected_digest=loaded.digest)
            except OSError as exc:
                raise BulletinError(f"cannot save {loaded.path}: {exc.strerror or exc}") from None
    if args.json:
        data = {"file": str(args.reviewed), **report.to_data()}
        if added is not None:
            data["applied"] = added
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        _out()
    else:
        for warning in report.warnings:
            _warn(warning)
        for line in format_report(report, args.reviewed.name):
            _out(line)
        if added is not None:
            skipped = len(report.comments) - added
            _out(f"Added {added} review note{'s' if added != 1 else ''} to {loaded.path}"
                 + (f" ({skipped} already there)" if skipped else ""))
    return EXIT_OK


def cmd_submission_form(args: argparse.Namespace) -> int:
    from desktop_app.core.importers import write_form

    target: Path = args.out
    if not target.resolve().parent.is_dir():
        raise BulletinError(f"{target.resolve().parent} does not exist")
    try:
        write_form(target)
    except OSError as exc:
        raise BulletinError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    _out(f"Wrote the contributor's submission form to {target}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from desktop_app.core.importers import import_docx, import_into_folder, import_markdown

    source: Path = args.file
    if not source.is_file():
        raise BulletinError(f"{source}: no such file")
    check_not_open(args.into, args.force)
    importer = import_docx if args.command == "import-docx" else import_markdown
    try:
        report = import_into_folder(
            args.into, lambda issue, folder, staged: importer(source, issue, folder,
                                                              images_to=staged,
                                                              again=args.again))
    except ChangedOnDiskError:
        raise BulletinError(f"{args.into}: the issue was changed by another program while "
                            "this import ran; nothing was imported, run the import again") from None
    if args.json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        _out()
    else:
        for line in report.lines():
            _out(line)
        if report.skipped and not args.again:
            _out("  (--again imports what is already in the issue once more)")
    return EXIT_OK


# ---- the parser ----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bulletin", description="Assemble the SOC Local Partnerships Bulletin.")
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("new", help="create an issue folder")
    p.add_argument("folder", type=Path, help="the folder to create")
    p.add_argument("--demo", action="store_true", help="copy the demo edition instead")
    p.add_argument("--edition", type=int, default=1, help="edition number (default 1)")
    p.add_argument("--published", help='season or date, e.g. "Winter 2026"')
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("show", help="print an issue's outline, or the whole model as JSON")
    add_issue_argument(p)
    p.add_argument("--json", action="store_true", help="print the whole model as JSON")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("validate", help="list every problem (exit 0 none, 1 problems)")
    add_issue_argument(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("check", help="proofread: spelling, house style, plain English and "
                       "accessibility (exit 0 none, 1 findings)")
    add_issue_argument(p)
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument("--rules", type=Path, metavar="FILE",
                   help="use these rules instead of templates/house-style.yaml")
    p.add_argument("--suggest", action="store_true",
                   help="add spelling suggestions (slower: about 0.2 s a word)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export", help="export the bulletin: " + ", ".join(
        fmt.what for fmt in FORMATS))
    add_issue_argument(p)
    add_format_arguments(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("comments", help="list reviewers' comments in a Word file, by article")
    p.add_argument("reviewed", type=Path, metavar="REVIEWED.docx", help="the reviewed Word file")
    p.add_argument("--issue", type=Path, required=True, metavar="DIR",
                   help="the issue folder the Word file was exported from")
    p.add_argument("--json", action="store_true", help="print the comments as JSON")
    p.add_argument("--apply", action="store_true",
                   help="store the comments in the issue as review notes")
    add_force_argument(p)
    p.set_defaults(func=cmd_comments)

    p = sub.add_parser("submission-form", help="write the contributors' Word form")
    p.add_argument("out", type=Path, metavar="OUT.docx", help="where to write the form")
    p.set_defaults(func=cmd_submission_form)

    for name, what in (("import-docx", "a Word file (a filled form or any document)"),
                       ("import-markdown", "a Markdown file (one article or a whole edition)")):
        p = sub.add_parser(name, help=f"bring in {what}")
        p.add_argument("file", type=Path, help="the file to import")
        p.add_argument("--into", type=Path, required=True, metavar="DIR",
                       help="the issue folder (made as a new issue if it does not exist)")
        p.add_argument("--json", action="store_true", help="print the report as JSON")
        p.add_argument("--again", action="store_true",
                       help="import articles the issue already has (same title and text)")
        add_force_argument(p)
        p.set_defaults(func=cmd_import)
    return parser


def add_format_arguments(parser: argparse.ArgumentParser) -> None:
    """One flag per registered format (``--pdf OUT.pdf``), then each format's options."""
    for fmt in FORMATS:
        parser.add_argument(f"--{fmt.name}", type=Path, metavar=fmt.metavar, help=fmt.help)
    for fmt in FORMATS:
        for opt in fmt.options:
            if opt.kind is bool:
                parser.add_argument(opt.flag, dest=opt.name, default=None, help=opt.help,
                                    action=argparse.BooleanOptionalAction)
            else:
                parser.add_argument(opt.flag, dest=opt.name, type=opt.kind, default=None,
                                    choices=opt.choices or None, help=opt.help)


def run(argv: Sequence[str] | None = None,
        parser_factory: Callable[[], argparse.ArgumentParser] = build_parser) -> int:
    """Run a command line; returns the exit code. Never raises for bad input."""
    try:
        args = parser_factory().parse_args(argv)
        return int(args.func(args))
    except BulletinError as exc:
        sys.stderr.write(f"bulletin: {exc}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("bulletin: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so in one line; details on request
        if os.environ.get("BULLETIN_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(
            f"bulletin: internal error: {type(exc).__name__}: {exc} "
            "(run with BULLETIN_DEBUG=1 for details and report it)\n"
        )
        return EXIT_BUG


def main() -> None:
    # A frozen app's export helper process re-runs this program: let it become the helper.
    multiprocessing.freeze_support()
    sys.exit(run())
