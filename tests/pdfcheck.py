"""Reading a PDF the way a reader sees it: words with positions, text, links, outline, fonts."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

BASE14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}


@dataclass(frozen=True)
class Word:
    page: int  # 1-based
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def words(pdf: Path) -> list[Word]:
    """Every word with its box, in content-stream order (pdftotext -raw -bbox)."""
    out = subprocess.run(["pdftotext", "-raw", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    found: list[Word] = []
    page = 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
            continue
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                      r'yMax="([\d.]+)">(.*)</word>', line)
        if m:
            found.append(Word(page, float(m[1]), float(m[2]), float(m[3]), float(m[4]),
                              html.unescape(m[5])))
    return found


def squash(text: str) -> str:
    """Text with every run of whitespace made one space."""
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf: Path | bytes) -> list[str]:
    reader = PdfReader(pdf if isinstance(pdf, Path) else __import__("io").BytesIO(pdf))
    return [squash(page.extract_text() or "") for page in reader.pages]


def all_text(pdf: Path) -> str:
    return " ".join(page_texts(pdf))


def link_targets(reader: PdfReader) -> list[tuple[int, str]]:
    """(page number, URI) of every URI link annotation."""
    found = []
    for n, page in enumerate(reader.pages, 1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            action = annot.get("/A")
            if annot.get("/Subtype") == "/Link" and action is not None:
                action = action.get_object()
                if "/URI" in action:
                    found.append((n, str(action["/URI"])))
    return found


def outline_tree(reader: PdfReader) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """The outline as (section, page, [(article, page), ...])."""
    tree = []
    items = reader.outline
    i = 0
    while i < len(items):
        item = items[i]
        children: list[tuple[str, int]] = []
        if i + 1 < len(items) and isinstance(items[i + 1], list):
            children = [(c.title, reader.get_destination_page_number(c) + 1)
                        for c in items[i + 1]]
            i += 1
        tree.append((item.title, reader.get_destination_page_number(item) + 1, children))
        i += 1
    return tree


def fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font used on any page: base font name -> whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        font_dict = resources.get_object().get("/Font")
        if font_dict is None:
            continue
        for ref in font_dict.get_object().values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found
