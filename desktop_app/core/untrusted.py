"""A gate for Word files from outside: checked before python-docx or lxml sees a byte.

Contributors' and reviewers' files are treated as an attacker's. A ``.docx`` is a zip of XML
parts, so the gate refuses what is not a zip, a damaged or truncated one, zip bombs (too many
members, too much expanded data, a suspicious compression ratio, members that expand past what
they declare), member names that could escape a folder, and XML parts that declare a DOCTYPE or
entities (Office never writes them; entity expansion and external entities start there).

Python's ``zipfile`` has no expansion limits of its own, and no maintained package offers them,
so the limits are enforced here while streaming each member in small chunks: a bomb is refused
after reading at most ``MAX_TOTAL_BYTES`` and never held in memory.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from .errors import BulletinError

MAX_FILE_BYTES = 100 * 2**20  # the .docx on disk
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 64 * 2**20  # one expanded member
MAX_TOTAL_BYTES = 256 * 2**20  # all members expanded
MAX_RATIO = 150  # expanded / compressed, for members past RATIO_FLOOR
RATIO_FLOOR = 2 * 2**20
CHUNK = 64 * 1024

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
PACKAGE_RELS = "_rels/.rels"
# The package's relationship to its main part, in the usual (transitional) and Strict forms.
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
# Main parts of other kinds of file that arrive named .docx, and what to tell the user.
_OTHER_KINDS = {
    "xl/workbook.xml": "an Excel workbook, not a Word document",
    "ppt/presentation.xml": "a PowerPoint presentation, not a Word document",
    "content.xml": "an OpenDocument file (.odt), not a Word document: save it as .docx from "
                   "LibreOffice or Word",
}


class UntrustedFileError(BulletinError):
    """A file refused by the gate; the message is one line naming the file and the reason."""


def _refuse(path: Path, reason: str) -> UntrustedFileError:
    return UntrustedFileError(f"{path.name}: {reason}")


def check_docx(path: Path | str) -> str:
    """Refuse a ``.docx`` that is not a sane Word file; return the name of its main part.

    The main part is the one the package's officeDocument relationship names, as Word finds
    it (usually ``word/document.xml``, but any name is allowed).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _refuse(path, f"cannot be read ({exc.strerror or exc})") from None
    if size > MAX_FILE_BYTES:
        raise _refuse(path, f"{size / 2**20:.0f} MB is too big for a Word file")
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _refuse(path, "not a Word file (not a zip archive, or a damaged or truncated "
                      "one)") from None
    except OSError as exc:
        raise _refuse(path, f"cannot be read ({exc.strerror or exc})") from None
    with archive:
        infos = archive.infolist()
        _check_directory(path, infos)
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names:
            raise _refuse(path, _not_word(names))
        total = 0
        for info in infos:
            total = _check_member(path, archive, info, total)
        return _main_part(path, archive, names)


def _not_word(names: set[str]) -> str:
    for name, what in _OTHER_KINDS.items():
        if name in names:
            return what
    return "not a Word document (no main document part inside)"


def _main_part(path: Path, archive: zipfile.ZipFile, names: set[str]) -> str:
    """The part the package's officeDocument relationship names (checked to be there)."""
    by_fold = {name.casefold(): name for name in names}  # part names ignore case
    if PACKAGE_RELS in names:
        root = safe_xml(archive.read(PACKAGE_RELS), f"{path.name}: {PACKAGE_RELS}")
        for rel in root:
            if rel.get("Type") in OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                target = posixpath.normpath((rel.get("Target") or "").lstrip("/"))
                if target.casefold() in by_fold:
                    return by_fold[target.casefold()]
                raise _refuse(path, f"not a Word document (its main part {target!r} is "
                              "missing)")
    if "word/document.xml" in names:
        return "word/document.xml"
    raise _refuse(path, _not_word(names))


def _check_directory(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _refuse(path, f"refused: {len(infos)} parts inside (the limit is {MAX_MEMBERS})")
    declared = 0
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        pure = PurePosixPath(name)
        if ("\\" in name or "\x00" in name or name.startswith("/") or pure.is_absolute()
                or ".." in pure.parts or re.match(r"^[A-Za-z]:", name)):
            raise _refuse(path, f"refused: unsafe name inside the file: {name!r}")
        if name.casefold() in seen:
            raise _refuse(path, f"refused: two parts named {name!r}")
        seen.add(name.casefold())
        if info.file_size > MAX_MEMBER_BYTES:
            raise _refuse(path, f"refused: {name} would expand to {info.file_size:,} bytes "
                          "(a zip bomb?)")
        declared += info.file_size
        if declared > MAX_TOTAL_BYTES:
            raise _refuse(path, "refused: the parts would expand past "
                          f"{MAX_TOTAL_BYTES // 2**20} MB (a zip bomb?)")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise _refuse(path, f"refused: {name} is compressed {ratio}:1 (a zip bomb?)")


def _check_member(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo,
                  total: int) -> int:
    """Stream one member, enforcing the limits on what it really expands to."""
    is_xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
    expanded = 0
    tail = b""
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                expanded += len(chunk)
                total += len(chunk)
                # zipfile stops at the declared size and then fails the CRC, so a member
                # that lies about its size is caught as damaged; these bound honest ones.
                if expanded > MAX_MEMBER_BYTES:
                    raise _refuse(path, f"refused: {info.filename} expands past "
                                  f"{MAX_MEMBER_BYTES // 2**20} MB (a zip bomb?)")
                if total > MAX_TOTAL_BYTES:
                    raise _refuse(path, "refused: the parts expand past "
                                  f"{MAX_TOTAL_BYTES // 2**20} MB (a zip bomb?)")
                if is_xml:
                    if _DTD.search(tail + chunk):
                        raise _refuse(path, f"refused: {info.filename} declares a DOCTYPE or "
                                      "entities, which Word files never need")
                    tail = chunk[-32:]
    except UntrustedFileError:
        raise
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError,
            RuntimeError, ValueError, OSError) as exc:
        raise _refuse(path, f"damaged or truncated Word file ({_short(exc)})") from None
    return total


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__


def safe_parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads a DTD or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_blank_text=False)


def safe_xml(data: bytes, name: str = "XML part") -> Any:
    """Parse one XML part from an untrusted file; refuses DOCTYPE and entity declarations."""
    if _DTD.search(data):
        raise UntrustedFileError(f"{name}: refused, declares a DOCTYPE or entities")
    try:
        return etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise UntrustedFileError(f"{name}: not well-formed XML ({_short(exc)})") from None


def open_docx(path: Path | str) -> Any:
    """Check a Word file with the gate, then open it with python-docx."""
    import docx  # imported here: the gate itself needs only zipfile and lxml

    check_docx(path)
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a malformed package
        raise _refuse(Path(path), f"not a Word document python-docx can read "
                      f"({type(exc).__name__}: {_short(exc)})") from None
