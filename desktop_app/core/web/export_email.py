"""The bulletin as an email ready to send: a draft the team opens in Outlook or Thunderbird.

``multipart/alternative`` with a plain-text part that reads well on its own and an HTML part
built for mail programs: a 600-pixel table layout, the style sheet inlined into each element
by ``css-inline`` (mail programs drop style sheets), no web fonts, and the pictures as
``cid:`` parts of the message with their alt text. The PDF is attached unless asked not to
be. ``X-Unsent: 1`` makes Outlook open the file as a draft. Built with Python's ``email``.

A size report comes back as notes: the HTML part should stay under 100 KB (Gmail clips a
message beyond about 102 KB) and the whole message under 10 MB. When a picture makes it too
big, the report says so and offers ``smaller_pictures``: an email copy of each big picture,
scaled to twice the column's width (the issue's own pictures are left alone). When the PDF
is what makes it too big, it offers to leave the PDF out.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import css_inline
from PIL import Image as PILImage

from ..blocks import handler_for
from ..export_pdf import pdf_bytes
from ..formats import output_name
from ..layout import build_blocks
from ..model import Issue
from ..output import Report, check_file, save_file
from ..theme import load_theme
from .css import Colours, email_css
from .email_blocks import CONTENT_WIDTH, HANDLERS
from .html_blocks import HtmlPage, PictureStore, esc, footer_line, place_logo, subject_line
from .plain_text import TEXT_HANDLERS, TextPage

Progress = Callable[[int, int], None]

WHAT = "email"
HTML_LIMIT = 100 * 1024          # Gmail clips the HTML beyond about 102 KB
MESSAGE_LIMIT = 10 * 1024 * 1024  # what most mail servers accept, attachments included
PICTURE_LIMIT = 1024 * 1024      # one picture over this makes the email slow on a phone
EMAIL_PICTURE_WIDTH = 2 * CONTENT_WIDTH  # sharp on a high-density screen, no bigger
CID_DOMAIN = "soc-bulletin.invalid"
SUBTYPES = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif"}


def write_email(issue: Issue, folder: Path | str, out: Path | str, *,
                progress: Progress | None = None, attach_pdf: bool = True,
                smaller_pictures: bool = False) -> Report:
    """Write the email to ``out`` (an ``.eml`` file) atomically; a Report with the sizes."""
    out = check_file(out, WHAT)
    data, report = email_bytes(issue, folder, progress=progress, attach_pdf=attach_pdf,
                               smaller_pictures=smaller_pictures)
    save_file(out, data, WHAT)
    return report


def email_bytes(issue: Issue, folder: Path | str, *, progress: Progress | None = None,
                attach_pdf: bool = True, smaller_pictures: bool = False) -> tuple[bytes, Report]:
    """The email as the bytes of an .eml file, and the Report of its sizes and warnings."""
    folder = Path(folder)
    theme = load_theme(issue.export.theme or "default", issue.export)
    blocks = build_blocks(issue, folder)
    # The PDF, when attached, is most of the work: it gets most of the progress bar.
    share = 0.25 if attach_pdf else 1.0
    total = len(blocks)

    def step(done: int) -> None:
        if progress is not None:
            progress(round(1000 * share * done / max(total, 1)), 1000)

    pictures = _Pictures(smaller_pictures)
    page = HtmlPage(picture=pictures.place)
    place_logo(page, theme)
    text = TextPage()
    for i, block in enumerate(blocks):
        handler_for(HANDLERS, block)(page, block)
        handler_for(TEXT_HANDLERS, block)(text, block)
        step(i + 1)
    html = inline_html(issue, page, Colours.from_theme(theme))

    message = EmailMessage()
    message["Subject"] = subject_line(issue)
    message["X-Unsent"] = "1"
    message.set_content(text.text(), cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    html_part = message.get_payload()[1]
    for picture in pictures.parts:
        html_part.add_related(picture.data, "image", picture.subtype, cid=f"<{picture.cid}>",
                              filename=picture.filename, disposition="inline")
    warnings = list(page.warnings)
    pdf_size = 0
    if attach_pdf:
        def pdf_step(done: int, all_: int) -> None:
            if progress is not None:
                progress(round(1000 * (share + (1 - share) * done / max(all_, 1))), 1000)

        pdf, pdf_warnings = pdf_bytes(issue, folder, progress=pdf_step, reuse=True)
        warnings.extend(w for w in pdf_warnings if w not in warnings)
        message.add_attachment(pdf, maintype="application", subtype="pdf",
                               filename=pdf_name(issue))
        pdf_size = len(pdf) * 4 // 3  # as base64 in the message
    data = message.as_bytes(policy=SMTP)
    report = size_report(len(html.encode("utf-8")), len(data), pdf_size, pictures,
                         smaller_pictures)
    report.warnings[:0] = warnings
    if progress is not None:
        progress(1000, 1000)
    return data, report


def pdf_name(issue: Issue) -> str:
    """The attached PDF's file name, as the export dialog names the PDF."""
    return output_name("pdf", issue)


def inline_html(issue: Issue, page: HtmlPage, colours: Colours) -> str:
    """The HTML part: the 600-pixel layout around the blocks, the style sheet inlined."""
    footer = footer_line(issue)
    document = "".join([
        "<!DOCTYPE html>",
        '<html lang="en-GB" xml:lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="x-apple-disable-message-reformatting">',
        f"<title>{esc(subject_line(issue))}</title>",
        f"<style>{email_css(colours)}</style>",
        "</head>",
        '<body class="body">',
        '<table role="presentation" class="outer" width="100%" cellpadding="0" '
        'cellspacing="0" border="0"><tr><td align="center" style="padding:16px 8px">',
        # Outlook on Windows ignores max-width: it gets a fixed 600-pixel table.
        '<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" '
        'border="0"><tr><td><![endif]-->',
        '<table role="presentation" class="sheet" width="600" cellpadding="0" cellspacing="0" '
        'border="0" style="width:100%;max-width:600px">',
        f'<tr><td class="masthead">{page.header}</td></tr>',
        f'<tr><td class="content">{page.nav}{"".join(page.main)}</td></tr>',
        f'<tr><td class="footer"><p>{footer}</p></td></tr>',
        "</table>",
        "<!--[if mso]></td></tr></table><![endif]-->",
        "</td></tr></table>",
        "</body>",
        "</html>",
    ])
    inlined = css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False,
                                    keep_link_tags=False).inline(document)
    return inlined


def size_report(html_size: int, message_size: int, pdf_size: int, pictures: _Pictures,
                smaller: bool) -> Report:
    """The sizes against the limits, with a warning and an offer when a limit is passed."""
    report = Report()
    report.notes.append(f"HTML part {_kb(html_size)} (Gmail clips beyond about 102 KB); "
                        f"whole message {_mb(message_size)} (limit {_mb(MESSAGE_LIMIT)})"
                        + (f", of which the PDF {_mb(pdf_size)}" if pdf_size else ""))
    if html_size > HTML_LIMIT:
        report.warnings.append(
            f"the email's HTML part is {_kb(html_size)}: Gmail shows only the first 102 KB "
            "and hides the rest behind \u201cView entire message\u201d; send the web edition's "
            "link or fewer articles")
    too_big = message_size > MESSAGE_LIMIT
    if too_big:
        report.warnings.append(f"the email is {_mb(message_size)}, over the "
                               f"{_mb(MESSAGE_LIMIT)} most mail servers accept")
    big = sorted((p for p in pictures.parts if p.original_size > PICTURE_LIMIT),
                 key=lambda p: -p.original_size)
    if big and not smaller:
        names = ", ".join(f"{p.source} ({_mb(p.original_size)})" for p in big[:3])
        why = ("the email is too big for many mail servers" if too_big
               else "big pictures make the email slow to open on a phone")
        report.offers["smaller_pictures"] = (
            f"{why}: {names}; an email copy of each picture, {EMAIL_PICTURE_WIDTH} pixels "
            "wide, would make it smaller")
    elif too_big and pdf_size:
        report.offers["attach_pdf"] = (
            f"the attached PDF is {_mb(pdf_size)} of it: send the email without the PDF and "
            "share the PDF another way")
    if smaller and pictures.shrunk:
        saved = sum(p.original_size - len(p.data) for p in pictures.shrunk)
        report.notes.append(f"{len(pictures.shrunk)} picture(s) sent as smaller email copies "
                            f"({_mb(saved)} saved); the issue's own pictures are unchanged")
    return report


def _kb(size: int) -> str:
    return f"{size / 1024:.0f} KB"


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


class _Part:
    """One picture as a related part of the HTML: its bytes, type and content id."""

    def __init__(self, source: str, data: bytes, subtype: str, original_size: int) -> None:
        self.source = source
        self.data = data
        self.subtype = subtype
        self.original_size = original_size
        digest = hashlib.sha256(data).hexdigest()[:16]
        self.cid = f"picture-{digest}@{CID_DOMAIN}"
        self.filename = f"{Path(source).stem[:40] or 'picture'}.{subtype.replace('jpeg', 'jpg')}"


class _Pictures(PictureStore):
    """Pictures carried in the message, each once; with ``smaller``, big ones scaled."""

    def __init__(self, smaller: bool) -> None:
        super().__init__()
        self.smaller = smaller
        self.parts: list[_Part] = []
        self.shrunk: list[_Part] = []

    def store(self, path: Path, fmt: str, data: bytes) -> str:
        part = _Part(path.name, data, SUBTYPES[fmt], len(data))
        if self.smaller and len(data) > PICTURE_LIMIT:
            try:
                copy = _email_copy(path, fmt)
            except (OSError, ValueError):  # a picture Pillow checked but cannot redraw
                copy = None
            if copy is not None and len(copy[0]) < len(data):
                part = _Part(path.name, copy[0], copy[1], len(data))
                self.shrunk.append(part)
        if all(p.cid != part.cid for p in self.parts):  # the same bytes travel once
            self.parts.append(part)
        return f"cid:{part.cid}"


def _email_copy(path: Path, fmt: str) -> tuple[bytes, str]:
    """A copy of the picture scaled to the email's width: JPEG for photographs, PNG for
    drawings (few colours), so charts stay crisp."""
    with PILImage.open(path, formats=[fmt]) as img:
        img.load()
        if img.width > EMAIL_PICTURE_WIDTH:
            ratio = EMAIL_PICTURE_WIDTH / img.width
            img = img.resize((EMAIL_PICTURE_WIDTH, max(1, round(img.height * ratio))),
                             PILImage.Resampling.LANCZOS)
        buffer = io.BytesIO()
        few_colours = img.getcolors(maxcolors=256) is not None
        if few_colours or (fmt != "JPEG" and img.mode in ("RGBA", "LA", "P")):
            img.save(buffer, "PNG", optimize=True)
            return buffer.getvalue(), "png"
        img.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
        return buffer.getvalue(), "jpeg"
