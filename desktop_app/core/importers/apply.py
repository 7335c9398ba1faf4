"""Importing into an issue folder on disk as one all-or-nothing step (the command line's way).

The import runs to the side: the issue is loaded, changed in memory, and its new pictures are
written to a staging folder. Only then are the pictures moved into ``images/`` and the issue
saved atomically (refusing if ``issue.yaml`` changed meanwhile); if the save fails, the moved
pictures are taken out again. A refused file therefore leaves the folder byte for byte as it
was. A folder that does not exist yet becomes a new issue, built beside it and renamed into
place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import BulletinError
from ..fileio import removed_on_failure, staged_folder
from ..model import Issue, new_issue
from ..storage import IMAGES_DIR, check_new_folder, load_issue, save_issue
from .report import ImportReport

# import_docx / import_markdown with the source bound: (issue, folder, images_to) -> report
Importer = Callable[[Issue, Path, Path], ImportReport]


def import_into_folder(folder: Path | str, importer: Importer) -> ImportReport:
    """Run an importer against the issue in ``folder`` and save it, all or nothing."""
    folder = Path(folder)
    if not folder.exists() or (folder.is_dir() and not any(folder.iterdir())):
        return _into_new_issue(folder, importer)
    loaded = load_issue(folder)
    folder = loaded.folder
    staging = Path(tempfile.mkdtemp(prefix=".import-", dir=folder))
    images_dir = folder / IMAGES_DIR
    try:
        with removed_on_failure(images_dir) as moved:
            report = importer(loaded.issue, folder, staging)
            if report.images_written:
                images_dir.mkdir(exist_ok=True)
            for staged in report.images_written:
                final = images_dir / staged.name
                # link + unlink never replaces a file that appeared meanwhile.
                os.link(staged, final)
                moved.append(final)
                staged.unlink()
            save_issue(loaded.issue, folder, expected_digest=loaded.digest)
    except OSError as exc:
        raise BulletinError(f"{folder}: cannot save the import ({exc.strerror or exc}); "
                            "nothing was changed") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.images_written = moved
    return report


def _into_new_issue(folder: Path, importer: Importer) -> ImportReport:
    if folder.exists() and not folder.is_dir():
        raise BulletinError(f"{folder} is a file, not an issue folder")
    check_new_folder(folder)
    try:
        with staged_folder(folder) as staging:
            issue = new_issue()
            report = importer(issue, staging, staging / IMAGES_DIR)
            save_issue(issue, staging)
    except OSError as exc:
        raise BulletinError(f"{folder}: cannot create the issue ({exc.strerror or exc})") from None
    report.images_written = [folder / IMAGES_DIR / p.name for p in report.images_written]
    report.issue_changes.insert(0, f"created a new issue in {folder}")
    return report
