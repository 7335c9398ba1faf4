"""The PDF: the demo and stress issues, against a floor of bare Platypus on the same words, and
what tagging (marked content, structure tree, PDF/UA and PDF/A entries) costs."""

from __future__ import annotations

import io
import statistics
from collections.abc import Callable
from xml.sax.saxutils import escape

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from bench.common import demo_issue, median_seconds, report, stress_issue
from desktop_app.core import blocks as b
from desktop_app.core.export_pdf import (
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    MARGIN_TOP,
    pdf_bytes,
)
from desktop_app.core.layout import build_blocks
from desktop_app.core.pdf.story import COLUMN_GAP


def plain_paragraphs(blocks: list[b.Block]) -> list[str]:
    """The words of every block as plain paragraphs, one per paragraph, item or line."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, (b.ParagraphBlock, b.SubHeading)):
            out.append(block.text)
        elif isinstance(block, b.ListBlock):
            out.extend("".join(r.text for r in item.runs) for item in block.items)
        elif isinstance(block, b.Masthead):
            out.extend([block.title, block.strapline, block.edition_line])
        elif isinstance(block, b.Contents):
            out.append(block.title)
            out.extend(e.title for e in block.entries)
        elif isinstance(block, b.SectionBanner):
            out.append(block.title)
        elif isinstance(block, b.ArticleHeading):
            out.extend(t for t in (block.title, block.standfirst) if t)
        elif isinstance(block, b.PullQuoteBlock):
            out.extend([block.text, block.attribution])
        elif isinstance(block, b.ContactBlock):
            out.append(block.heading)
            for c in block.contacts:
                out.extend(x for x in (c.name, c.role, c.organisation, c.email, c.phone) if x)
        elif isinstance(block, b.StatisticBlock):
            out.extend([block.value, block.label])
        elif isinstance(block, b.SidebarBlock):
            out.append(block.title)
            out.extend(block.items)
        elif isinstance(block, b.ImageBlock):
            out.append(block.caption)
    return [t for t in out if t.strip()]


def floor_pdf(texts: list[str]) -> bytes:
    """Bare Platypus: the same words as plain paragraphs in two columns of the same frames."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN_SIDE, rightMargin=MARGIN_SIDE,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, invariant=1)
    width = (doc.width - COLUMN_GAP) / 2
    frames = [Frame(doc.leftMargin + i * (width + COLUMN_GAP), doc.bottomMargin, width,
                    doc.height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
              for i in range(2)]
    doc.addPageTemplates([PageTemplate(frames=frames)])
    style = getSampleStyleSheet()["Normal"]
    doc.build([Paragraph(escape(t), style) for t in texts])
    return buffer.getvalue()


def interleaved(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median times of several jobs run in turn, so that a busy spell on a shared machine
    weighs on all of them alike and their ratios stay honest."""
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            times[name].append(median_seconds(fn, 1, warmup=0))
    return {name: statistics.median(values) for name, values in times.items()}


def run() -> None:
    issue, folder = demo_issue()
    texts = plain_paragraphs(build_blocks(issue, folder))
    demo = interleaved({"ours": lambda: pdf_bytes(issue, folder),
                        "untagged": lambda: pdf_bytes(issue, folder, tagged=False),
                        "floor": lambda: floor_pdf(texts)}, 9)
    report("export the demo PDF (tagged, PDF/UA-1 and PDF/A-2u)", demo["ours"])
    report("the same pages untagged", demo["untagged"])
    report("tagging cost: tagged / untagged (demo)", demo["ours"] / demo["untagged"], "x")
    report("floor: bare Platypus, same words, same frames", demo["floor"])
    report("demo / floor", demo["ours"] / demo["floor"], "x", "within 3.5x")
    issues = {n: stress_issue(n) for n in (50, 100, 200)}
    jobs = {str(n): (lambda big=big: pdf_bytes(big, folder)) for n, big in issues.items()}
    jobs["200 untagged"] = lambda: pdf_bytes(issues[200], folder, tagged=False)
    times = interleaved(jobs, 5)
    for n, big in issues.items():
        pages = len(PdfReader(io.BytesIO(pdf_bytes(big, folder)[0])).pages)
        report(f"export a {n}-article stress issue ({pages} pages)", times[str(n)],
               target="under 2.5 s" if n == 200 else "")
    report("the 200-article issue untagged", times["200 untagged"])
    report("tagging cost: tagged / untagged (200 articles)",
           times["200"] / times["200 untagged"], "x")
    report("growth: time(200) / time(100)", times["200"] / times["100"], "x", "at most 2.2x")
