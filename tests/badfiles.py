"""Hostile and broken Word files, built by the tests themselves (nothing downloaded)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx


def good_docx(path: Path, text: str = "A harmless paragraph.") -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def rewrite_member(source: Path, target: Path, name: str, data: bytes) -> Path:
    """A copy of a .docx with one member's bytes replaced."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == name else zin.read(info))
    return target


def not_a_zip(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4 this is not a Word file\n" * 20)
    return path


def truncated(source: Path, path: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def zip_bomb(path: Path, expanded_mb: int = 300) -> Path:
    """A zip whose document.xml expands to ``expanded_mb`` MB of zeros (about 1000:1)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * 2**20
            for _ in range(expanded_mb):
                member.write(block)
    return path


def lying_sizes_bomb(path: Path, expanded_mb: int = 80) -> Path:
    """A bomb whose central directory claims a tiny size: only reading reveals it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (expanded_mb * 2**20))
    data = bytearray(buffer.getvalue())
    # Patch the uncompressed size of document.xml in the local header and central directory.
    true = (expanded_mb * 2**20 + len(b"<w:document>")).to_bytes(4, "little")
    fake = (1000).to_bytes(4, "little")
    data = bytes(data).replace(true, fake)
    path.write_bytes(data)
    return path


def many_members(path: Path, count: int = 5000) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        for i in range(count):
            z.writestr(f"word/media/x{i}.bin", b"")
    return path


def evil_name(path: Path, name: str = "../../etc/evil.xml") -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr(name, "<x/>")
    return path


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""
