"""The demo's PDF against a stored expectation: the words on each page and the outline.

The expectation is normalised (whitespace squashed) so it records what a reader sees and not
byte offsets. After a deliberate change to the design, look at the pages, then refresh it with
``BULLETIN_UPDATE_GOLDEN=1 pytest tests/test_pdf_golden.py``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

from desktop_app.resources import demo_dir
from tests.pdfcheck import outline_tree, page_texts
from pypdf import PdfReader

from desktop_app.core.export_pdf import pdf_bytes
from desktop_app.core.storage import load_issue

GOLDEN = Path(__file__).parent / "golden" / "demo-pdf.json"


def _normalised(data: bytes) -> dict:
    reader = PdfReader(io.BytesIO(data))
    return {
        "page_count": len(reader.pages),
        "pages": page_texts(data),
        "outline": [[s, p, [[a, q] for a, q in arts]] for s, p, arts in outline_tree(reader)],
        "fonts": sorted({str(f).split("+")[-1] for page in reader.pages
                         for f in (page["/Resources"]["/Font"].get_object().values())
                         for f in [f.get_object()["/BaseFont"]]}),
    }


def test_demo_pdf_matches_golden():
    loaded = load_issue(demo_dir())
    data, _ = pdf_bytes(loaded.issue, loaded.folder)
    got = _normalised(data)
    if os.environ.get("BULLETIN_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got["page_count"] == expected["page_count"]
    assert got["outline"] == expected["outline"]
    assert got["fonts"] == expected["fonts"]
    for n, (page, want) in enumerate(zip(got["pages"], expected["pages"], strict=True), 1):
        assert page == want, f"page {n} differs"


def test_two_builds_are_byte_identical():
    loaded = load_issue(demo_dir())
    digests = {hashlib.sha256(pdf_bytes(loaded.issue, loaded.folder)[0]).hexdigest()
               for _ in range(2)}
    assert len(digests) == 1
