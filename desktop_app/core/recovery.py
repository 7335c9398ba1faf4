"""Recovery files: the unsaved state of an issue, written every minute while there are edits,
so a crash loses at most a minute of work.

Kept in the user's data folder (not the issue folder, which may be read-only or shared), one
file per issue folder, named by a hash of the folder's path. The first lines record the folder,
the time, and the digest of ``issue.yaml`` the edits were made on: if the file changed after
that (an import from the command line, a colleague's save), restoring the edits over it would
lose those changes, so the restore offer says so and offers a copy or a comparison instead.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import BulletinError
from .fileio import digest_bytes, staged_folder, write_bytes_atomic
from .model import Article, Issue
from .storage import (
    IMAGES_DIR,
    ISSUE_FILE,
    MAX_FILE_BYTES,
    dump_issue,
    issue_to_data,
    parse_issue,
    read_regular_file,
    save_issue,
)

_MARK = "# recovery-of: "


@dataclass(frozen=True)
class Recovery:
    """A recovery file found for an issue folder."""

    path: Path
    folder: Path
    saved_at: str
    base_digest: str = ""  # of the issue.yaml the edits were made on; "" if not known


def recovery_file(recovery_dir: Path | str, folder: Path | str | None) -> Path:
    """The recovery file for an issue folder (or for an issue never saved, when None)."""
    key = str(Path(folder).resolve()) if folder is not None else "untitled"
    name = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Path(recovery_dir) / f"{name}.yaml"


def write_recovery(recovery_dir: Path | str, folder: Path | str | None, issue: Issue,
                   base_digest: str | None = None) -> Path:
    """Write the issue's current state to its recovery file, atomically.

    ``base_digest`` is the digest of the ``issue.yaml`` the edits started from.
    """
    path = recovery_file(recovery_dir, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().isoformat(timespec="seconds")
    origin = str(Path(folder).resolve()) if folder is not None else ""
    head = (f"{_MARK}{origin}\n# saved-at: {stamp}\n"
            f"# base-digest: {base_digest or ''}\n").encode()
    # Unsaved work is the user's own until saved: readable by its owner only.
    write_bytes_atomic(path, head + dump_issue(issue), private=True)
    return path


def find_recovery(recovery_dir: Path | str, folder: Path | str | None) -> Recovery | None:
    """The recovery file for a folder, if a previous session left one."""
    path = recovery_file(recovery_dir, folder)
    try:
        with path.open("r", encoding="utf-8") as handle:
            first, second, third = handle.readline(), handle.readline(), handle.readline()
    except (OSError, UnicodeDecodeError):
        return None
    if not first.startswith(_MARK):
        return None
    saved = second.partition(":")[2].strip()
    origin = Path(first[len(_MARK):].strip() or ".")
    base = third.partition(":")[2].strip() if third.startswith("# base-digest:") else ""
    return Recovery(path, origin, saved, base)


def changed_since(recovery: Recovery, folder: Path | str) -> str | None:
    """When ``issue.yaml`` changed after the edits were kept (its time), or None if it did not.

    A recovery file that does not know its starting point (written by an older version)
    reports no change.
    """
    issue_file = Path(folder) / ISSUE_FILE
    if not recovery.base_digest:
        return None
    try:
        current = digest_bytes(read_regular_file(issue_file, MAX_FILE_BYTES))
        changed = issue_file.stat().st_mtime
    except (BulletinError, OSError):
        return None
    if current == recovery.base_digest:
        return None
    return _dt.datetime.fromtimestamp(changed).isoformat(sep=" ", timespec="seconds")


def load_recovery(recovery: Recovery, folder: Path | str) -> Issue:
    """The issue stored in a recovery file; IssueFileError if it is damaged.

    Parsed as if it were the folder's own ``issue.yaml`` so image paths are checked against
    the real folder.
    """
    data = recovery.path.read_bytes()
    return parse_issue(data, Path(folder) / ISSUE_FILE).issue


def discard_recovery(recovery_dir: Path | str, folder: Path | str | None) -> None:
    """Remove the recovery file once the issue is saved or the user declines it."""
    with contextlib.suppress(OSError):
        recovery_file(recovery_dir, folder).unlink()


def restore_as_copy(recovery: Recovery, folder: Path | str) -> Path:
    """Save the kept edits as a new issue folder beside ``folder`` (pictures copied); its path.

    The saved issue is left exactly as it is. The copy is made all or nothing.
    """
    folder = Path(folder)
    issue = load_recovery(recovery, folder)
    stamp = (recovery.saved_at or _dt.datetime.now().isoformat(timespec="minutes"))
    stamp = stamp.replace("T", " ").replace(":", "")[:15]
    target = folder.with_name(f"{folder.name} (restored {stamp})")
    n = 2
    while target.exists():
        target = folder.with_name(f"{folder.name} (restored {stamp}, {n})")
        n += 1
    with staged_folder(target) as staging:
        if (folder / IMAGES_DIR).is_dir():
            shutil.copytree(folder / IMAGES_DIR, staging / IMAGES_DIR, symlinks=True)
        save_issue(issue, staging)
    return target


def compare_issues(saved: Issue, mine: Issue) -> list[str]:
    """The two versions article by article: what only one has, and what differs, in words."""
    ours = {a.id: (a, _placement(mine, a.id)) for a in mine.all_articles()}
    theirs = {a.id: (a, _placement(saved, a.id)) for a in saved.all_articles()}
    lines: list[str] = []
    for aid, (article, where) in theirs.items():
        if aid not in ours:
            lines.append(f"Only in the saved file: '{article.title or aid}' ({where})")
    for aid, (article, where) in ours.items():
        if aid not in theirs:
            lines.append(f"Only in your changes: '{article.title or aid}' ({where})")
            continue
        other, other_where = theirs[aid]
        fields = _differing_fields(other, article)
        if where != other_where:
            fields.insert(0, f"placed in {where}, saved file has it in {other_where}")
        if fields:
            lines.append(f"Changed: '{article.title or aid}': " + "; ".join(fields))
    issue_fields = [k for k in ("title", "strapline", "edition", "published", "welcome")
                    if getattr(saved, k) != getattr(mine, k)]
    if issue_fields:
        lines.append("Issue settings differ: " + ", ".join(issue_fields))
    if [s.id for s in saved.sections] != [s.id for s in mine.sections]:
        lines.append("The sections differ (added, removed or reordered)")
    return lines or ["No differences in articles or settings."]


def _placement(issue: Issue, article_id: str) -> str:
    section, _ = issue.find_article(article_id)
    return f"section '{section.title}'" if section is not None else "the pool"


def _differing_fields(a: Article, b: Article) -> list[str]:
    first = issue_to_data(_alone(a), full=True)["pool"][0]
    second = issue_to_data(_alone(b), full=True)["pool"][0]
    return [f"{key} differs" for key in first if first.get(key) != second.get(key)]


def _alone(article: Article) -> Issue:
    issue = Issue()
    issue.pool = [article]
    return issue
