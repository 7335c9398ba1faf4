"""The opening checks and the safe write that every export shares.

A writer builds its output in memory, then hands it here: ``check_file`` (or ``check_folder``)
before the work starts, so a wrong path fails at once, and ``save_file`` (or ``save_folder``)
to put it in place atomically, so a failed export never leaves half a file and never loses the
previous one. Every refusal is an ``ExportError`` of one line: "cannot write the PDF to X: …".
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import ExportError
from .fileio import staged_folder, write_bytes_atomic


@dataclass
class Report:
    """What one export did: where it wrote, and what the user should hear about it."""

    path: Path | None = None
    format: str = ""  # the registry's name for the format written
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # option name -> why to export again with it turned from its default (formats.Option)
    offers: dict[str, str] = field(default_factory=dict)


def _fail(what: str, out: Path, reason: str) -> ExportError:
    return ExportError(f"cannot write the {what} to {out}: {reason}")


def _check_parent(out: Path, what: str) -> None:
    parent = out.parent
    if not parent.exists():
        raise _fail(what, out, f"folder {parent} does not exist")
    if not parent.is_dir():
        raise _fail(what, out, f"{parent} is not a folder")


def check_file(out: Path | str, what: str) -> Path:
    """``out`` as a Path, if a file can be written there; ExportError otherwise."""
    out = Path(out)
    if out.is_dir():
        raise _fail(what, out, "it is a folder; give a file name")
    _check_parent(out, what)
    return out


def check_folder(out: Path | str, what: str,
                 ours: Callable[[Path], bool] = lambda _folder: False) -> Path:
    """``out`` as a Path, if an export folder can be made there; ExportError otherwise.

    ``out`` may be new, an empty folder, or a folder ``ours`` recognises as an earlier export
    of the same kind (which is then replaced). Anything else is left alone: an export never
    deletes a folder it did not make.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise _fail(what, out, "it is a file, not a folder")
    _check_parent(out, what)
    if out.is_dir() and any(out.iterdir()) and not ours(out):
        raise _fail(what, out, "the folder is not empty and holds no earlier export; "
                               "choose a new or empty folder")
    return out


def save_file(out: Path, data: bytes, what: str) -> None:
    """Write ``data`` to ``out`` atomically; the previous file survives a failure."""
    try:
        write_bytes_atomic(out, data)
    except OSError as exc:
        raise _fail(what, out, exc.strerror or str(exc)) from None


def save_folder(out: Path, files: Mapping[str, bytes], what: str) -> None:
    """Make ``out`` hold exactly ``files`` (relative POSIX paths to bytes), all or nothing.

    The new folder is built beside ``out`` and renamed into place; an earlier export there
    is moved aside first and removed only once the new one is in place (``staged_folder``).
    """
    try:
        with staged_folder(out, replace=True) as staging:
            for name, data in files.items():
                rel = PurePosixPath(name)
                if rel.is_absolute() or ".." in rel.parts:
                    raise ValueError(f"export file name outside its folder: {name}")
                target = staging.joinpath(*rel.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
    except OSError as exc:
        raise _fail(what, out, exc.strerror or str(exc)) from None
