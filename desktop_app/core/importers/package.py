"""Opening a contributor's Word package the way Word reads it.

Word finds the main part through the package's relationships, reads Strict Open XML as well
as the usual form, opens macro-enabled documents and templates (never running a macro), and
shows a document whose picture is missing with a placeholder. python-docx refuses all of these:
it needs the usual namespaces, the plain document content type, and every part a relationship
names. So after the untrusted-file gate has checked the package, this module looks for those
cases and, only if one is found, hands python-docx a repaired copy made in memory:

- Strict Open XML: the ``purl.oclc.org`` namespaces are rewritten to the usual ones (the same
  elements, named differently), and the report says so;
- a macro-enabled document or a template: the main part's content type is given as a
  document's (the macros are never read);
- a relationship to a part that is not in the file: dropped, and remembered, so the reader
  reports the picture it was for and imports the rest.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..untrusted import UntrustedFileError, check_docx, safe_xml

_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/([A-Za-z]+)")
_STRICT_MAIN = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Main parts Word opens that python-docx does not: the same XML under another content type.
_OTHER_MAINS = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "a macro-enabled document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml":
        "a Word template",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml":
        "a macro-enabled Word template",
}


@dataclass
class WordPackage:
    """An opened Word file, and what had to be worked around to open it."""

    document: Any  # a python-docx Document
    main: str  # the main part's name inside the zip
    strict: bool = False
    # (source part, relationship id) -> the part it names, which the file does not hold
    missing: dict[tuple[str, str], str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def open_word_file(path: Path | str) -> WordPackage:
    """Check a Word file with the gate and open it with python-docx, repairing what Word would.

    Raises UntrustedFileError (one line) for a file that is refused or cannot be read.
    """
    import docx  # imported here: only a Word import needs it

    path = Path(path)
    main = check_docx(path)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        strict = _STRICT_MAIN in archive.open(main).read(4096)
        missing = _missing_targets(path, archive, names)
        content_type = _main_content_type(path, archive, main)
        package = WordPackage(document=None, main=main, strict=strict, missing=missing)
        if strict:
            package.notes.append("the file is saved as Strict Open XML: it was read by "
                                 "translating it to the usual Word format; check the result")
        if content_type in _OTHER_MAINS:
            package.notes.append(f"the file is {_OTHER_MAINS[content_type]}: its text was read "
                                 "(any macros in it were not)")
        source: Any = str(path)
        if strict or missing or content_type in _OTHER_MAINS:
            source = _repaired(archive, main, strict, missing, content_type)
    try:
        package.document = docx.Document(source)
    except Exception as exc:  # python-docx raises many kinds for a malformed package
        raise UntrustedFileError(f"{path.name}: not a Word document python-docx can read "
                                 f"({type(exc).__name__}: {_short(exc)})") from None
    return package


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__


def _source_of(rels_name: str) -> str:
    """The part a .rels part belongs to: word/_rels/document.xml.rels -> word/document.xml."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _target_name(source: str, target: str) -> str:
    target = unquote(target)
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _missing_targets(path: Path, archive: zipfile.ZipFile,
                     names: set[str]) -> dict[tuple[str, str], str]:
    folded = {n.casefold() for n in names}
    missing: dict[tuple[str, str], str] = {}
    for rels in (n for n in names if n.endswith(".rels")):
        source = _source_of(rels)
        for rel in safe_xml(archive.read(rels), f"{path.name}: {rels}"):
            if rel.get("TargetMode") == "External" or not rel.get("Target"):
                continue
            target = _target_name(source, rel.get("Target") or "")
            if target.casefold() not in folded:
                missing[(source, rel.get("Id") or "")] = target
    return missing


def _main_content_type(path: Path, archive: zipfile.ZipFile, main: str) -> str:
    root = safe_xml(archive.read(CONTENT_TYPES), f"{path.name}: {CONTENT_TYPES}")
    for override in root.iter(f"{{{CT_NS}}}Override"):
        if (override.get("PartName") or "").lstrip("/").casefold() == main.casefold():
            return override.get("ContentType") or ""
    return ""


def _repaired(archive: zipfile.ZipFile, main: str, strict: bool,
              missing: dict[tuple[str, str], str], content_type: str) -> io.BytesIO:
    """The package rebuilt in memory with the workarounds applied."""
    dangling: dict[str, set[str]] = {}
    for source, rid in missing:
        folder, base = posixpath.split(source)
        dangling.setdefault(posixpath.join(folder, "_rels", base + ".rels"), set()).add(rid)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for info in archive.infolist():
            data = archive.read(info)
            name = info.filename
            if strict and name.endswith((".xml", ".rels")):
                data = _STRICT.sub(rb"http://schemas.openxmlformats.org/\1/2006/\2", data)
            if name in dangling:
                data = _without_relationships(data, dangling[name])
            if name == CONTENT_TYPES and content_type in _OTHER_MAINS:
                data = data.replace(content_type.encode(), DOCUMENT_MAIN.encode())
            copy.writestr(name, data)
    out.seek(0)
    return out


def _without_relationships(data: bytes, ids: set[str]) -> bytes:
    from lxml import etree

    root = safe_xml(data)
    for rel in list(root):
        if rel.get("Id") in ids:
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
