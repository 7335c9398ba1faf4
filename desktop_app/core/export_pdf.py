"""The styled PDF: the bulletin's house look, from the intermediate form only.

``build_blocks`` gives the ordered blocks; ``pdf.story`` turns them into flowables and their
structure elements; this module sets up the pages (A4 or Letter, margins, running footer with
"Page X of Y"), the document's metadata, language and outline, lets ``pdf.finish`` add the
structure tree and the PDF/UA-1 and PDF/A-2u entries, and writes the file atomically. Builds
are reproducible: reportlab's ``invariant`` mode and a content-derived file ID give the same
bytes for the same issue.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import io
import pickle
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from .export_checks import glyph_warnings
from .layout import build_blocks
from .model import Issue
from .output import check_file, save_file
from .pdf.canvas import BulletinCanvas, Finished
from .pdf.finish import Conformance, finish
from .pdf.fonts import register_fonts
from .pdf.story import StoryContext, build_story
from .pdf.styles import Palette, build_styles
from .pdf.tagging import ContentTagger
from .storage import image_file
from .theme import Theme, load_theme

Progress = Callable[[int, int], None]

# Streams are Flate-compressed; encoding them again as ASCII85 only makes the file a quarter
# bigger and, without reportlab's C accelerator, costs more than laying out the whole demo.
rl_config.useA85 = 0

WHAT = "PDF"
PAGE_SIZES = {"A4": A4, "Letter": LETTER}
MARGIN_SIDE = 42
MARGIN_TOP = 46
MARGIN_BOTTOM = 58
DEFAULT_AUTHOR = "Home Office"
LANGUAGE = "en-GB"
KEYWORDS = ["serious and organised crime", "SOC", "local partnerships", "bulletin",
            "Home Office"]


@dataclass(frozen=True)
class _Built:
    """The last PDF this process built, and what it was built from."""

    key: bytes
    data: bytes
    warnings: tuple[str, ...]


_last: _Built | None = None


def pdf_bytes(issue: Issue, folder: Path | str, *, progress: Progress | None = None,
              tagged: bool = True, reuse: bool = False) -> tuple[bytes, list[str]]:
    """The PDF of an issue as bytes, with warnings (pictures that could not be drawn).

    ``reuse=True`` gives the PDF this process built last if it was built from the same
    issue, pictures and theme (``_inputs_key``): the email attaching the PDF that the same
    export, or the preview a moment before, has just made, instead of building it again.
    Every build is remembered; only a caller that asks for it reuses one, so a PDF export
    always builds afresh. ``tagged=False`` gives the same pages without structure or
    conformance entries: only ``make bench`` wants that, to measure what tagging costs.
    """
    global _last
    folder = Path(folder)
    theme = load_theme(issue.export.theme or "default", issue.export)
    key = _inputs_key(issue, theme, folder) if tagged else None
    last = _last
    if reuse and key is not None and last is not None and last.key == key:
        if progress is not None:
            progress(1, 1)
        return last.data, list(last.warnings)
    buffer = io.BytesIO()
    warnings = _build(issue, theme, folder, buffer, progress, tagged)
    data = buffer.getvalue()
    if key is not None:
        _last = _Built(key, data, tuple(warnings))
    return data, warnings


def _inputs_key(issue: Issue, theme: Theme, folder: Path) -> bytes | None:
    """A digest of everything a PDF is built from: the issue, the theme it names, and the
    name, size, inode and time of every picture file it draws. None if it cannot be taken
    (then nothing is reused)."""
    try:
        digest = hashlib.sha256(pickle.dumps((issue, theme, str(folder.resolve())),
                                             protocol=pickle.HIGHEST_PROTOCOL))
        files = [image_file(folder, image) for article in issue.placed_articles()
                 for image in article.images]
        if theme.logo is not None:
            files.append(theme.logo.path)
        for path in files:
            try:
                st = path.stat()
                stamp = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_mode)
            except (OSError, ValueError):
                stamp = None
            digest.update(repr((str(path), stamp)).encode("utf-8", "surrogatepass"))
    except Exception:  # noqa: BLE001 - a key that cannot be taken only means no reuse
        return None
    return digest.digest()


def write_pdf(issue: Issue, folder: Path | str, out: Path | str, *,
              progress: Progress | None = None) -> list[str]:
    """Write the PDF to ``out`` atomically; returns warnings. ExportError if it cannot."""
    out = check_file(out, WHAT)
    data, warnings = pdf_bytes(issue, folder, progress=progress)
    save_file(out, data, WHAT)
    return warnings


def author_of(issue: Issue) -> str:
    """The organisation named as the PDF's author."""
    org = issue.extra.get("organisation") if isinstance(issue.extra, dict) else None
    return str(org).strip() if isinstance(org, str) and org.strip() else DEFAULT_AUTHOR


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a PDF is built.

    A build makes hundreds of thousands of small objects that live until it ends; the
    collector keeps walking them, which cost a third of the time of a 200-article issue and
    made the cost grow faster than the issue. Nothing is lost: it runs again afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(issue: Issue, theme: Theme, folder: Path, sink: io.BytesIO,
           progress: Progress | None, tagged: bool = True) -> list[str]:
    with _collector_paused():
        return _build_pdf(issue, theme, folder, sink, progress, tagged)


def _build_pdf(issue: Issue, theme: Theme, folder: Path, sink: io.BytesIO,
               progress: Progress | None, tagged: bool) -> list[str]:
    blocks = build_blocks(issue, folder)
    total = len(blocks)
    done = [0]

    def on_draw(flowable: Flowable) -> None:
        index = getattr(flowable, "_bulletin_index", None)
        if progress is not None and index is not None and index + 1 > done[0]:
            done[0] = index + 1
            progress(done[0], total)

    fonts = register_fonts(theme)
    raw = io.BytesIO()
    doc = _document(issue, theme, raw, fonts.regular)
    colours = Palette.from_theme(theme)
    ctx = StoryContext(theme=theme, fonts=fonts, colours=colours,
                       styles=build_styles(theme, fonts, colours),
                       body_height=doc.height, on_draw=on_draw)
    story = build_story(blocks, ctx)
    doc.addPageTemplates([_page_template(doc, issue, theme, ctx)])
    tagger = ContentTagger(ctx.tree) if tagged else None
    doc.build(story, canvasmaker=functools.partial(BulletinCanvas, tagger=tagger))
    warnings = list(ctx.warnings)
    if tagger is None:
        sink.write(raw.getvalue())
    else:
        conforms = not ctx.undescribed and not tagger.untagged_links
        if ctx.undescribed:
            warnings.append(_not_conforming(ctx.undescribed))
        try:
            sink.write(finish(raw.getvalue(), tagger, LANGUAGE, Conformance(ua=conforms)))
        except Exception as exc:  # noqa: BLE001 - the pages are good: better them untagged
            # than no PDF at all, and say so in the one line a user reads.
            warnings.append(f"the PDF could not be tagged ({type(exc).__name__}: {exc}); it "
                            "is written untagged and does not conform to PDF/UA")
            sink.seek(0)
            sink.truncate()
            sink.write(raw.getvalue())
    if progress is not None:
        progress(total, total)
    return warnings + glyph_warnings(issue, theme)  # text no bundled font could draw


def _not_conforming(undescribed: list[str]) -> str:
    """The one line that says why the PDF is not PDF/UA: pictures without alt text."""
    what = undescribed[0] if len(undescribed) == 1 else (
        f"{len(undescribed)} pictures ({'; '.join(undescribed)})")
    verb = "has" if len(undescribed) == 1 else "have"
    return (f"the PDF does not conform to PDF/UA: {what} {verb} no alt text "
            "(add alt text, or mark the picture decorative)")


def _document(issue: Issue, theme: Theme, sink: io.BytesIO, font: str) -> BaseDocTemplate:
    title = issue.title.strip() or "Bulletin"
    edition = issue.edition_line
    sections = [s.title for s in issue.sections if s.articles]
    return BaseDocTemplate(
        sink,
        pagesize=PAGE_SIZES[theme.paper],
        leftMargin=MARGIN_SIDE, rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=f"{title} \u2013 {edition}" if edition else title,
        author=author_of(issue),
        subject=f"{issue.strapline.strip()} ({edition})" if issue.strapline.strip() else edition,
        keywords=KEYWORDS + sections,
        creator="SOC Local Partnerships Bulletin editor",
        producer="SOC Local Partnerships Bulletin editor (reportlab)",
        lang=LANGUAGE,
        displayDocTitle=1,
        invariant=1,
        pageCompression=1,
        showBoundary=0,
        allowSplitting=1,
        # The canvas names a font before any text is drawn: left alone it names Helvetica,
        # a base-14 font the PDF would then reference without embedding.
        initialFontName=font,
    )


def _page_template(doc: BaseDocTemplate, issue: Issue, theme: Theme,
                   ctx: StoryContext) -> PageTemplate:
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    colours, styles, fonts = ctx.colours, ctx.styles, ctx.fonts
    footer_left = issue.title.strip()
    if issue.edition_line:
        footer_left = f"{footer_left}  \u00b7  {issue.edition_line}"
    page_w, _ = doc.pagesize
    size = styles.footer.fontSize
    footer = Paragraph(ctx.text(footer_left), styles.footer)

    def on_page(canv: BulletinCanvas, document: BaseDocTemplate) -> None:
        if canv.getPageNumber() > 1:
            # A slim band of the house colours on every page after the masthead.
            canv.saveState()
            _, page_h = document.pagesize
            canv.setFillColor(colours.primary)
            canv.rect(0, page_h - 10, page_w * 0.62, 10, stroke=0, fill=1)
            canv.setFillColor(colours.accent)
            canv.rect(page_w * 0.62, page_h - 10, page_w * 0.38, 10, stroke=0, fill=1)
            canv.restoreState()

    def on_page_end(canv: BulletinCanvas, document: BaseDocTemplate) -> None:
        with canv.pagination("Footer"):
            _footer(canv, document)

    def _footer(canv: BulletinCanvas, document: BaseDocTemplate) -> None:
        canv.saveState()
        y = MARGIN_BOTTOM - 26
        canv.setStrokeColor(colours.muted)
        canv.setLineWidth(0.4)
        canv.line(document.leftMargin, y + 12, page_w - document.rightMargin, y + 12)
        canv.restoreState()
        footer.wrapOn(canv, document.width * 0.75, 20)
        footer.drawOn(canv, document.leftMargin, y - 2)
        number = canv.getPageNumber()
        right = page_w - document.rightMargin

        def page_x_of_y(c: BulletinCanvas, finished: Finished) -> None:
            c.setFont(fonts.bold, size)
            c.setFillColor(colours.primary)
            c.drawRightString(right, y, f"Page {number} of {finished.page_count}")

        canv.defer(page_x_of_y)

    return PageTemplate(id="bulletin", frames=[frame], onPage=on_page, onPageEnd=on_page_end,
                        pagesize=doc.pagesize)
