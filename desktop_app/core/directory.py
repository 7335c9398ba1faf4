"""The team's contact directory: ``contacts.yaml`` kept beside the issues, so a person's details
are typed once and offered in every issue's contact picker."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import BulletinError
from .fileio import FileTooBig, read_regular, write_bytes_atomic
from .model import Contact, unique_contacts
from .storage import CONTACT_KEYS
from .yamlsafe import safe_load

DIRECTORY_FILE = "contacts.yaml"
MAX_DIRECTORY_BYTES = 2 * 1024 * 1024


class DirectoryError(BulletinError):
    """The contact directory cannot be read or written."""


def directory_path(issue_folder: Path | str) -> Path:
    """Where the directory for an issue lives: in the folder that holds the issue folders."""
    return Path(issue_folder).resolve().parent / DIRECTORY_FILE


def load_directory(path: Path | str) -> list[Contact]:
    """The contacts in a directory file; an empty list if there is none yet."""
    path = Path(path)
    try:
        text = read_regular(path, MAX_DIRECTORY_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        return []
    except FileTooBig:
        raise DirectoryError(f"{path}: too big for a contact directory") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DirectoryError(f"{path}: cannot be read ({exc})") from None
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise DirectoryError(f"{where}: not a valid contact list") from None
    if data is None:
        return []
    items = data.get("contacts") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DirectoryError(f"{path}: expected 'contacts:' followed by a list")
    contacts = []
    for item in items:
        if not isinstance(item, dict):
            continue
        contact = Contact(**{k: str(item.get(k) or "") for k in CONTACT_KEYS})
        if contact.name.strip() or contact.email.strip():
            contacts.append(contact)
    return contacts


def save_directory(path: Path | str, contacts: list[Contact]) -> None:
    """Write the directory atomically, sorted by name, keeping the previous file as ``.bak``."""
    rows = [
        {k: getattr(c, k) for k in CONTACT_KEYS if getattr(c, k)}
        for c in sorted(contacts, key=lambda c: c.name.casefold())
        if c.name.strip() or c.email.strip()
    ]
    text = "# The team's contact directory, offered in every issue's contact picker.\n"
    text += yaml.safe_dump({"contacts": rows}, sort_keys=False, allow_unicode=True)
    try:
        write_bytes_atomic(path, text.encode("utf-8"), backup=True)
    except OSError as exc:
        raise DirectoryError(f"{path}: cannot be saved ({exc.strerror or exc})") from None


def merge_contacts(*groups: list[Contact]) -> list[Contact]:
    """Every distinct contact from the groups in order, each person once."""
    return unique_contacts(*groups)
