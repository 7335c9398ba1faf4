"""Issue folders on disk: ``issue.yaml`` read safely, written atomically, with a backup.

Reading composes the YAML node tree with PyYAML's safe loader, so every value keeps the line
it came from (validation and error messages name it) and no tag can build a Python object.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from desktop_app.resources import demo_dir

from .errors import BulletinError, ChangedOnDiskError, IssueFileError
from .fileio import (
    FileTooBig,
    NotRegularFile,
    atomic_writer,
    digest_bytes,
    is_inside,
    read_regular,
    remove_leftovers,
    staged_folder,
)
from .locking import folder_lock
from .model import (
    CALLOUT_KINDS,
    CONTACT_KEYS,
    SCHEMA_VERSION,
    AcceptedFinding,
    Article,
    Callout,
    Contact,
    ExportOptions,
    Image,
    Issue,
    Proofing,
    PullQuote,
    ReviewNote,
    Section,
    Status,
    callout_kind,
)
from .yamlsafe import YamlRefused, load_yaml, scrub

ISSUE_FILE = "issue.yaml"
IMAGES_DIR = "images"
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class SourceMap:
    """Where things came from in ``issue.yaml``: lines by document path, and object prefixes."""

    lines: dict[tuple, int] = field(default_factory=dict)
    prefixes: dict[tuple[str, str], tuple] = field(default_factory=dict)

    def line(self, kind: str, ident: str | None = None, *sub: Any) -> int | None:
        """The line of ``kind`` ("article", "section") ``ident`` and a sub-path; None if unknown.

        Falls back to the nearest enclosing value that has a line, so a missing field points
        at its article.
        """
        prefix = () if ident is None else self.prefixes.get((kind, ident))
        if prefix is None:
            return None
        path = prefix + tuple(sub)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


@dataclass
class IssueFile:
    """An issue as loaded from its folder, with what the loader learned about the file."""

    folder: Path
    issue: Issue
    warnings: list[str] = field(default_factory=list)
    source: SourceMap = field(default_factory=SourceMap)
    digest: str = ""

    @property
    def path(self) -> Path:
        return self.folder / ISSUE_FILE


# ---- reading -------------------------------------------------------------------------------


def resolve_issue_path(location: Path | str) -> Path:
    """The ``issue.yaml`` for a folder, or the file itself if one was named."""
    location = Path(location)
    if location.is_dir() or location.suffix.lower() not in (".yaml", ".yml"):
        return location / ISSUE_FILE
    return location


def load_issue(location: Path | str) -> IssueFile:
    """Read an issue folder; raises IssueFileError with file and line for anything wrong."""
    path = resolve_issue_path(location)
    return parse_issue(read_regular_file(path, MAX_FILE_BYTES), path)


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; IssueFileError for anything else.

    Only a regular file is read (``fileio.read_regular``: a FIFO would hang the read). A
    symbolic link is followed only if it stays inside the file's folder.
    """
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode) and not is_inside(path.parent, path):
            raise IssueFileError(path, "is a link to a file outside the issue folder")
        return read_regular(path, limit)
    except FileNotFoundError:
        raise IssueFileError(path, "no issue file here (is this an issue folder?)") from None
    except NotRegularFile as exc:
        raise IssueFileError(path, "is a folder, not an issue file" if exc.is_folder
                             else "is not a regular file (a pipe, device or socket)") from None
    except FileTooBig as exc:
        raise IssueFileError(path, f"file is {exc.size / 1e6:.1f} MB; the limit is "
                             f"{limit // 2**20} MB") from None
    except IsADirectoryError:
        raise IssueFileError(path, "is a folder, not an issue file") from None
    except OSError as exc:
        raise IssueFileError(path, f"cannot be read: {exc.strerror or exc}") from None


def _text_of(data: bytes, path: Path) -> str:
    """The text of an issue or article file's bytes; IssueFileError if too big or not UTF-8."""
    if len(data) > MAX_FILE_BYTES:
        raise IssueFileError(path, f"file is over the {MAX_FILE_BYTES // 2**20} MB limit")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IssueFileError(path, f"is not UTF-8 text (byte {exc.start})") from None


def parse_issue(data: bytes, path: Path) -> IssueFile:
    """Parse the bytes of an ``issue.yaml`` that lives at ``path``."""
    document, lines = _compose(_text_of(data, path), path)
    reader = _Reader(path, lines)
    issue = reader.issue(document)
    return IssueFile(
        folder=path.parent,
        issue=issue,
        warnings=reader.warnings,
        source=SourceMap(lines, reader.prefixes),
        digest=digest_bytes(data),
    )


def parse_article_file(data: bytes, path: Path) -> tuple[dict[str, Any], Article, list[str]]:
    """A YAML file holding one article under ``article:`` beside plain keys of its own (an
    article template): those other keys, the article (read as in an issue), and warnings.
    IssueFileError, with the file and line, for anything an issue file would refuse."""
    document, lines = _compose(_text_of(data, path), path)
    reader = _Reader(path, lines)
    document = reader.mapping(document, (), "the file")
    article_data = reader.mapping(document.get("article"), ("article",), "article")
    article = reader.article(dict(article_data, id=article_data.get("id") or "template"),
                             ("article",))
    others = {str(k): v for k, v in document.items() if k != "article"}
    return others, article, reader.warnings


def _compose(text: str, path: Path) -> tuple[Any, dict[tuple, int]]:
    try:
        document, lines = load_yaml(text)
    except YamlRefused as exc:
        raise IssueFileError(path, _one_line(str(exc)), exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "not valid YAML"
        raise IssueFileError(path, _one_line(problem), line) from None
    except yaml.YAMLError as exc:
        raise IssueFileError(path, _one_line(f"not valid YAML: {exc}")) from None
    if document is None:
        raise IssueFileError(path, "is empty")
    return document, lines


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class _Reader:
    """Turns the plain YAML data into model objects, checking types and collecting warnings."""

    def __init__(self, path: Path, lines: dict[tuple, int]) -> None:
        self.path = path
        self.lines = lines
        self.warnings: list[str] = []
        self.prefixes: dict[tuple[str, str], tuple] = {}

    # -- plumbing

    def fail(self, where: tuple, message: str) -> IssueFileError:
        return IssueFileError(self.path, message, self._line(where))

    def _line(self, where: tuple) -> int | None:
        while where and where not in self.lines:
            where = where[:-1]
        return self.lines.get(where)

    def mapping(self, value: Any, where: tuple, what: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(where, f"{what} should be a mapping of keys and values")
        return value

    def sequence(self, value: Any, where: tuple, what: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where, f"{what} should be a list")
        return value

    def text(self, data: dict, key: str, where: tuple) -> str:
        value = data.get(key)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (str, int, float)):
            return str(value)
        if isinstance(value, (_dt.date, _dt.datetime)):
            return value.isoformat()
        raise self.fail(where + (key,), f"'{key}' should be text")

    def extra(self, data: dict, known: tuple[str, ...], where: tuple, what: str) -> dict:
        unknown = {k: v for k, v in data.items() if k not in known}
        for key in unknown:
            if key in IMPORT_KEYS:
                continue
            line = self._line(where + (key,))
            at = f"{self.path}:{line}" if line else str(self.path)
            self.warnings.append(f"{at}: unknown key '{key}' in {what} (kept as it is)")
        return {str(k): v for k, v in unknown.items()}

    # -- the document

    def issue(self, data: Any) -> Issue:
        data = self.mapping(data, (), "the issue file")
        version = data.get("schema_version")
        if version is None:
            raise self.fail((), "no schema_version: is this an issue file?")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail(("schema_version",), "schema_version should be a whole number")
        if version > SCHEMA_VERSION:
            raise self.fail(
                ("schema_version",),
                f"written by a newer version of the app (schema {version}; this app reads "
                f"up to {SCHEMA_VERSION}): update the app to open it",
            )
        edition = data.get("edition", 1)
        if not isinstance(edition, int) or isinstance(edition, bool) or edition < 1:
            raise self.fail(("edition",), "edition should be a whole number from 1 up")
        issue = Issue(
            schema_version=version,
            title=self.text(data, "title", ()),
            strapline=self.text(data, "strapline", ()),
            edition=edition,
            published=self.text(data, "published", ()),
            welcome=self.text(data, "welcome", ()),
        )
        issue.team_contacts = [
            self.contact(c, ("team_contacts", i))
            for i, c in enumerate(self.sequence(data.get("team_contacts"), ("team_contacts",),
                                                "team_contacts"))
        ]
        issue.export = self.export(data.get("export"), ("export",))
        issue.sections = [
            self.section(s, ("sections", i))
            for i, s in enumerate(self.sequence(data.get("sections"), ("sections",), "sections"))
        ]
        issue.pool = [
            self.article(a, ("pool", i))
            for i, a in enumerate(self.sequence(data.get("pool"), ("pool",), "pool"))
        ]
        issue.review_notes = self.notes(data.get("review_notes"), ("review_notes",))
        issue.proofing = self.proofing(data.get("proofing"), ("proofing",))
        issue.extra = self.extra(data, ISSUE_KEYS, (), "the issue")
        return issue

    def export(self, data: Any, where: tuple) -> ExportOptions:
        data = self.mapping(data, where, "export")
        options = ExportOptions(theme=self.text(data, "theme", where) or "default")
        paper = data.get("paper")
        if paper is not None:
            options.paper = str(paper)
        for key in ("columns", "docx_columns"):
            value = data.get(key)
            if value is None:
                continue
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 3:
                raise self.fail(where + (key,), f"export {key} should be 1, 2 or 3")
            setattr(options, key, value)
        options.extra = self.extra(data, EXPORT_KEYS, where, "export")
        return options

    def section(self, data: Any, where: tuple) -> Section:
        data = self.mapping(data, where, "a section")
        section = Section(
            id=self.text(data, "id", where),
            title=self.text(data, "title", where),
            intro=self.text(data, "intro", where),
        )
        self.prefixes.setdefault(("section", section.id), where)
        section.articles = [
            self.article(a, where + ("articles", i))
            for i, a in enumerate(
                self.sequence(data.get("articles"), where + ("articles",), "articles")
            )
        ]
        section.extra = self.extra(data, SECTION_KEYS, where, f"section '{section.id}'")
        return section

    def article(self, data: Any, where: tuple) -> Article:
        data = self.mapping(data, where, "an article")
        article = Article(
            id=self.text(data, "id", where),
            title=self.text(data, "title", where),
            standfirst=self.text(data, "standfirst", where),
            body=self.text(data, "body", where),
        )
        self.prefixes.setdefault(("article", article.id), where)
        status = self.text(data, "status", where) or Status.DRAFT.value
        try:
            article.status = Status(status.strip().lower().replace(" ", "-").replace("_", "-"))
        except ValueError:
            raise self.fail(
                where + ("status",), f"status '{status}' should be draft, ready or held-over"
            ) from None
        lists = {
            "pull_quotes": self.pull_quote,
            "contacts": self.contact,
            "images": self.image,
            "callouts": self.callout,
        }
        for key, read in lists.items():
            items = self.sequence(data.get(key), where + (key,), key)
            setattr(article, key, [read(item, where + (key, i)) for i, item in enumerate(items)])
        article.review_notes = self.notes(data.get("review_notes"), where + ("review_notes",))
        notes = self.sequence(data.get("notes"), where + ("notes",), "notes")
        article.notes = [self.text({"note": v}, "note", where + ("notes", i))
                         for i, v in enumerate(notes)]
        article.extra = self.extra(data, ARTICLE_KEYS, where, f"article '{article.id}'")
        return article

    def contact(self, data: Any, where: tuple) -> Contact:
        data = self.mapping(data, where, "a contact")
        contact = Contact(**{k: self.text(data, k, where) for k in CONTACT_KEYS})
        contact.extra = self.extra(data, CONTACT_KEYS, where, "a contact")
        return contact

    def pull_quote(self, data: Any, where: tuple) -> PullQuote:
        data = self.mapping(data, where, "a pull quote")
        quote = PullQuote(**{k: self.text(data, k, where) for k in QUOTE_KEYS})
        quote.extra = self.extra(data, QUOTE_KEYS, where, "a pull quote")
        return quote

    def image(self, data: Any, where: tuple) -> Image:
        data = self.mapping(data, where, "an image")
        image = Image(**{k: self.text(data, k, where) for k in IMAGE_TEXT_KEYS})
        image.decorative = data.get("decorative") is True
        check_relative_path(self.path.parent, image.path, self.path, self._line(where + ("path",)))
        image.extra = self.extra(data, IMAGE_KEYS, where, "an image")
        return image

    def callout(self, data: Any, where: tuple) -> Callout:
        data = self.mapping(data, where, "a callout")
        kind = self.text(data, "kind", where)
        declared = CALLOUT_KINDS.get(kind)
        if declared is None:
            names = " or ".join(CALLOUT_KINDS)
            raise self.fail(where + ("kind",), f"callout kind '{kind}' should be {names}")
        callout = declared.new()
        for spec in declared.fields:
            if spec.lines:
                items = self.sequence(data.get(spec.name), where + (spec.name,),
                                      f"{kind} {spec.name}")
                value: Any = [self.text({"item": v}, "item", where + (spec.name, i))
                              for i, v in enumerate(items)]
            else:
                value = self.text(data, spec.name, where)
            setattr(callout, spec.name, value)
        known = ("kind",) + tuple(f.name for f in declared.fields)
        callout.extra = self.extra(data, known, where, f"a {kind} callout")
        return callout

    def proofing(self, data: Any, where: tuple) -> Proofing:
        """The spell checker's ignore list and the findings the editor accepted."""
        data = self.mapping(data, where, "proofing")
        words = self.sequence(data.get("ignored_words"), where + ("ignored_words",),
                              "ignored_words")
        proofing = Proofing(ignored_words=[
            w for i, v in enumerate(words)
            if (w := self.text({"word": v}, "word", where + ("ignored_words", i)).strip())])
        for i, item in enumerate(self.sequence(data.get("accepted"), where + ("accepted",),
                                               "accepted findings")):
            at = where + ("accepted", i)
            item = self.mapping(item, at, "an accepted finding")
            accepted = AcceptedFinding(**{k: self.text(item, k, at) for k in ACCEPTED_KEYS})
            accepted.extra = self.extra(item, ACCEPTED_KEYS, at, "an accepted finding")
            proofing.accepted.append(accepted)
        proofing.extra = self.extra(data, PROOFING_KEYS, where, "proofing")
        return proofing

    def notes(self, data: Any, where: tuple) -> list[ReviewNote]:
        notes = []
        for i, item in enumerate(self.sequence(data, where, "review_notes")):
            item_where = where + (i,)
            item = self.mapping(item, item_where, "a review note")
            note = ReviewNote(**{k: self.text(item, k, item_where) for k in NOTE_TEXT_KEYS})
            note.resolved = item.get("resolved") is True
            note.done = item.get("done") is True
            note.extra = self.extra(item, NOTE_KEYS, item_where, "a review note")
            notes.append(note)
        return notes


def check_relative_path(folder: Path, relative: str, source: Path, line: int | None) -> None:
    """Refuse a path that is absolute or leads outside the issue folder."""
    if not relative:
        return
    pure = PurePosixPath(relative.replace("\\", "/"))
    if pure.is_absolute() or (len(relative) > 1 and relative[1] == ":") or ".." in pure.parts:
        raise IssueFileError(
            source, f"path '{relative}' must be relative and stay inside the issue folder", line
        )
    if (folder / pure).exists() and not is_inside(folder, folder / pure):
        raise IssueFileError(source, f"path '{relative}' leads outside the issue folder", line)


# ---- writing -------------------------------------------------------------------------------

ISSUE_KEYS = (
    "schema_version", "title", "strapline", "edition", "published", "welcome", "team_contacts",
    "export", "sections", "pool", "review_notes", "proofing",
)
PROOFING_KEYS = ("ignored_words", "accepted")
ACCEPTED_KEYS = ("rule", "article", "text", "reason")
EXPORT_KEYS = ("theme", "paper", "columns", "docx_columns")
SECTION_KEYS = ("id", "title", "intro", "articles")
ARTICLE_KEYS = (
    "id", "title", "standfirst", "status", "body", "pull_quotes", "contacts", "images",
    "callouts", "review_notes", "notes",
)
QUOTE_KEYS = ("text", "attribution")
IMAGE_TEXT_KEYS = ("path", "alt", "caption")
IMAGE_KEYS = IMAGE_TEXT_KEYS + ("decorative",)
NOTE_TEXT_KEYS = ("key", "author", "initials", "date", "text", "anchor", "reply_to", "source")
NOTE_KEYS = NOTE_TEXT_KEYS + ("resolved", "done")
# Written by the importers into ``extra`` for the editor to act on (a suggested pull quote to
# accept, the section a contributor asked for): known, so reading them is not warned about.
IMPORT_KEYS = ("suggested", "suggested_section", "cleared_for_publication", "imported_from")


def issue_to_data(issue: Issue, full: bool = False) -> dict[str, Any]:
    """The issue as plain data. ``full`` keeps empty fields (the JSON form), else they go."""

    def pack(pairs: list[tuple[str, Any]], extra: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in pairs if full or v not in ("", [], None, {}, False)}
        for key, value in extra.items():
            out.setdefault(key, value)
        return out

    def contact(c: Contact) -> dict[str, Any]:
        return pack([(k, getattr(c, k)) for k in CONTACT_KEYS], c.extra)

    def note(n: ReviewNote) -> dict[str, Any]:
        return pack([(k, getattr(n, k)) for k in NOTE_KEYS], n.extra)

    def callout(c: Callout) -> dict[str, Any]:
        value = getattr  # each declared field, lists copied so the dump never aliases the model
        pairs = [("kind", c.kind)] + [
            (f.name, list(value(c, f.name)) if f.lines else value(c, f.name))
            for f in callout_kind(c).fields]
        out = pack(pairs, c.extra)
        out["kind"] = c.kind
        return out

    def article(a: Article) -> dict[str, Any]:
        pairs = [
            ("id", a.id), ("title", a.title), ("standfirst", a.standfirst),
            ("status", a.status.value), ("body", a.body),
            ("pull_quotes", [pack([(k, getattr(q, k)) for k in QUOTE_KEYS], q.extra)
                             for q in a.pull_quotes]),
            ("contacts", [contact(c) for c in a.contacts]),
            ("images", [pack([(k, getattr(i, k)) for k in IMAGE_KEYS], i.extra)
                        for i in a.images]),
            ("callouts", [callout(c) for c in a.callouts]),
            ("review_notes", [note(n) for n in a.review_notes]),
            ("notes", list(a.notes)),
        ]
        out = pack(pairs, a.extra)
        out["id"] = a.id
        return out

    def proofing(p: Proofing) -> dict[str, Any]:
        return pack([("ignored_words", sorted(set(p.ignored_words), key=str.casefold)),
                     ("accepted", [pack([(k, getattr(a, k)) for k in ACCEPTED_KEYS], a.extra)
                                   for a in p.accepted])], p.extra)

    def section(s: Section) -> dict[str, Any]:
        out = pack([("id", s.id), ("title", s.title), ("intro", s.intro)], s.extra)
        out["id"] = s.id
        out["articles"] = [article(a) for a in s.articles]
        return out

    ex = issue.export
    export = pack(
        [("theme", ex.theme if full or ex.theme != "default" else ""), ("paper", ex.paper),
         ("columns", ex.columns), ("docx_columns", ex.docx_columns if full or
                                   ex.docx_columns != 1 else None)],
        ex.extra,
    )
    data = pack(
        [
            ("schema_version", issue.schema_version), ("title", issue.title),
            ("strapline", issue.strapline), ("edition", issue.edition),
            ("published", issue.published), ("welcome", issue.welcome),
            ("team_contacts", [contact(c) for c in issue.team_contacts]),
            ("export", export),
            ("sections", [section(s) for s in issue.sections]),
            ("pool", [article(a) for a in issue.pool]),
            ("review_notes", [note(n) for n in issue.review_notes]),
            ("proofing", proofing(issue.proofing)),
        ],
        issue.extra,
    )
    data["schema_version"] = issue.schema_version
    data.setdefault("sections", [])
    data.setdefault("pool", [])
    return data


class _Dumper(yaml.SafeDumper):
    """Block style, indented lists, and ``|`` blocks for multi-line text."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


_LINE_BREAKS_YAML_FOLDS = re.compile("[\r\x85\u2028\u2029\ufeff]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A lone surrogate (pasted from a broken source) cannot be stored as UTF-8: never save one.
    value = scrub(value)
    # Characters a YAML reader would treat as line breaks, or drop, only survive escaped in a
    # double-quoted scalar; everything else multi-line reads best as a literal block.
    if _LINE_BREAKS_YAML_FOLDS.search(value):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_issue(issue: Issue) -> bytes:
    """The text of ``issue.yaml`` for an issue."""
    header = "# SOC Local Partnerships Bulletin issue. Format: docs/file-format.md\n"
    body = yaml.dump(
        issue_to_data(issue),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return (header + body).encode("utf-8")


def save_issue(
    issue: Issue, location: Path | str, expected_digest: str | None = None
) -> str:
    """Save atomically, keeping the previous file as ``issue.yaml.bak``; returns the new digest.

    With ``expected_digest`` (the digest from loading), refuses to overwrite a file that was
    changed on disk since: ChangedOnDiskError.
    """
    path = resolve_issue_path(location)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = dump_issue(issue)
    # Compare and replace under the folder's OS lock: between a check and a rename made
    # without it, another save could land and be lost.
    with folder_lock(path.parent):
        if expected_digest is not None and path.exists():
            current = digest_bytes(read_regular_file(path, MAX_FILE_BYTES))
            if current != expected_digest:
                raise ChangedOnDiskError(
                    f"{path} was changed by another program since it was opened; "
                    "save under another name or reload it"
                )
        with atomic_writer(path, backup=True) as handle:
            handle.write(data)
        remove_leftovers(path.parent, path.name)
    (path.parent / IMAGES_DIR).mkdir(exist_ok=True)
    return digest_bytes(data)


DEMO_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.bak", "__init__.py")


def check_new_folder(target: Path) -> None:
    """Refuse to make an issue where one cannot go: a used name or a missing parent."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BulletinError(f"{target} already exists and is not an empty folder")
    parent = target.resolve().parent
    if not parent.is_dir():
        raise BulletinError(f"{parent} does not exist")


def copy_demo(target: Path | str) -> Path:
    """A working copy of the packaged demo edition at ``target``, made all or nothing."""
    target = Path(target)
    check_new_folder(target)
    with staged_folder(target) as staging:
        shutil.copytree(demo_dir(), staging, dirs_exist_ok=True, ignore=DEMO_IGNORE)
    return target


def image_file(folder: Path, image: Image) -> Path:
    """Where an image of an issue lives on disk."""
    return folder / PurePosixPath(image.path.replace("\\", "/"))
