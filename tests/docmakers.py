"""Word files written the way contributors write them, built by the tests with python-docx.

Free-form documents with lists, links, pictures, a table, quotes and a contact line; the
submission form filled in by typing into its boxes; the form ignored and typed as plain lines;
and the hostile extras (a javascript: link, a linked picture, a picture that claims to be huge).
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image as PILImage

from desktop_app.core.importers.form import build_form


def png_bytes(width: int = 120, height: int = 80, colour: str = "#1f5f8b") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def huge_png_header(width: int = 50000, height: int = 50000) -> bytes:
    """A tiny PNG file whose header claims an enormous picture (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def add_link(paragraph, url: str, text: str, bold: bool = False) -> None:
    """A real Word hyperlink (python-docx has no API for one)."""
    part = paragraph.part
    rid = part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    rpr.append(style)
    if bold:
        rpr.append(OxmlElement("w:b"))
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_picture(paragraph, data: bytes, alt: str = "", width_cm: float = 4.0) -> None:
    """A picture in a paragraph with its alt text (Word's "Description")."""
    from docx.shared import Cm

    run = paragraph.add_run()
    run.add_picture(io.BytesIO(data), width=Cm(width_cm))
    if alt:
        run._r.xpath(".//wp:docPr")[0].set("descr", alt)


def free_form(path: Path, picture: bytes | None = None) -> Path:
    """A contributor's own Word document with everything an article can carry."""
    doc = docx.Document()
    doc.add_paragraph("Closing the net on county lines", style="Title")
    doc.add_paragraph("Three forces and a charity share what worked", style="Subtitle")
    p = doc.add_paragraph("Over the summer, officers from ")
    p.add_run("three forces").bold = True
    p.add_run(" worked with ")
    p.add_run("Safe Harbour Trust").italic = True
    p.add_run(" to reach young people at risk. Read the ")
    add_link(p, "https://example.org/county-lines-report", "full report")
    p.add_run(" or write to ")
    add_link(p, "mailto:team@example.org", "the team")
    p.add_run(".")
    doc.add_paragraph("What we did", style="Heading 2")
    doc.add_paragraph("The partnership agreed three aims:")
    for item in ("safeguard children found running drugs",
                 "disrupt the lines through civil orders",
                 "share intelligence every week"):
        doc.add_paragraph(item, style="List Bullet")
    doc.add_paragraph("Results", style="Heading 3")
    for item in ("Forty-two referrals", "Nine lines closed"):
        doc.add_paragraph(item, style="List Number")
    pic = doc.add_paragraph()
    add_picture(pic, picture or png_bytes(), alt="Officers and youth workers at a workshop")
    doc.add_paragraph("The workshop in Hollins Dale, June 2026", style="Caption")
    doc.add_paragraph("\u201cWorking together is the only way to keep these children safe,\u201d "
                      "said DI Amira Jones of Example Police.")
    table = doc.add_table(rows=3, cols=2)
    for row, (a, b) in zip(table.rows, (("Area", "Referrals"), ("Hollins Dale", "30"),
                                        ("Brackenridge", "12")), strict=True):
        row.cells[0].text, row.cells[1].text = a, b
    doc.add_paragraph("For more information contact: Amira Jones \u2013 "
                      "amira.jones@example.org")
    doc.save(str(path))
    return path


def fill_form(path: Path, answers: dict[str, object], inside_controls: bool = True) -> Path:
    """The blank form with answers typed into its boxes, as a person would.

    ``answers`` maps a row's label to text (a string), to a list of (style, text) paragraphs
    for the article box, or to picture bytes. With ``inside_controls`` False the content
    controls are removed first, as some editors do when they save.
    """
    doc = build_form()
    body = doc.element.body
    if not inside_controls:
        for sdt in list(body.iter(qn("w:sdt"))):
            content = sdt.find(qn("w:sdtContent"))
            parent = sdt.getparent()
            for child in list(content):
                sdt.addprevious(child)
            parent.remove(sdt)
    for table in doc.tables:
        for row in table.rows:
            label = row.cells[0].paragraphs[0].text
            if label not in answers:
                continue
            value = answers[label]
            cell = row.cells[1]
            paragraph = docx.text.paragraph.Paragraph(
                next(cell._tc.iter(qn("w:p"))), cell)
            if isinstance(value, bytes):
                add_picture(paragraph, value)
            elif isinstance(value, str):
                paragraph.add_run(value)
            else:
                first = True
                for style, text in value:
                    if first:
                        target = paragraph
                        first = False
                    else:
                        new = OxmlElement("w:p")
                        paragraph._p.addnext(new)
                        target = docx.text.paragraph.Paragraph(new, cell)
                        paragraph = target
                    if style:
                        target.style = doc.styles[style]
                    if text.startswith("**") and text.endswith("**"):
                        target.add_run(text[2:-2]).bold = True
                    else:
                        target.add_run(text)
    doc.save(str(path))
    return path


FORM_ANSWERS: dict[str, object] = {
    "Article title": "Landlords join the fight against exploitation",
    "Suggested section": "partnerships in action",
    "One-line summary": "A landlord forum in Brackenridge spots the signs of cuckooing.",
    "The article": [
        ("", "Brackenridge Council set up a forum for private landlords in March."),
        ("", "**Members now know the signs**"),
        ("List Bullet", "doors with new locks and many visitors"),
        ("List Bullet", "tenants who seem afraid to speak"),
        ("", "The forum meets every quarter and is open to any landlord in the borough."),
    ],
    "Pull quote 1": "\u201cLandlords are our eyes and ears.\u201d",
    "Pull quote 1: said by": "Cllr Maya Patel, Brackenridge Council",
    "Pull quote 2": "Every referral has been followed up.",
    "Pull quote 2: said by": "Sgt Tom Reed",
    "Contact name": "Maya Patel",
    "Role": "Community safety lead",
    "Organisation": "Brackenridge Council",
    "Email": "maya.patel@example.org",
    "Phone": "01632 960 555",
    "Picture 1: alt text": "Landlords round a table at the forum",
    "Picture 1: caption": "The landlord forum's first meeting",
    "Cleared for publication": "YES, Maya Patel, 3 October 2026",
}


def form_ignoring_layout(path: Path, picture: bytes | None = None) -> Path:
    """A submission typed as labelled lines in a fresh document, ignoring the form."""
    doc = docx.Document()
    doc.add_paragraph("Title: Scam awareness week reaches 5,000 residents")
    doc.add_paragraph("Section: Protection")
    doc.add_paragraph("Summary: Volunteers took the message to markets and libraries.")
    doc.add_paragraph("Body:")
    doc.add_paragraph("Trading Standards ran a week of events in October.")
    doc.add_paragraph("Volunteers handed out leaflets at:", )
    doc.add_paragraph("markets", style="List Bullet")
    doc.add_paragraph("libraries", style="List Bullet")
    doc.add_paragraph("Quote: Nobody should lose their savings to a cold caller.")
    doc.add_paragraph("Said by: Priya Shah, Trading Standards")
    doc.add_paragraph("Name: Priya Shah")
    doc.add_paragraph("Email: priya.shah@example.org")
    doc.add_paragraph("Phone: 01632 960 777")
    if picture is not None:
        add_picture(doc.add_paragraph(), picture)
        doc.add_paragraph("Alt text: Volunteers at a market stall")
        doc.add_paragraph("Caption: Volunteers in Hollins Dale market")
    doc.add_paragraph("Cleared: yes")
    doc.save(str(path))
    return path


def with_javascript_link(path: Path) -> Path:
    doc = docx.Document()
    doc.add_paragraph("A harmless looking article", style="Heading 1")
    p = doc.add_paragraph("Click ")
    add_link(p, "javascript:alert(document.cookie)", "here")
    p.add_run(" or ")
    add_link(p, "jav&#x61;script:alert(1)", "there")
    p.add_run(" or ")
    add_link(p, "file:///etc/passwd", "this")
    p.add_run(" but ")
    add_link(p, "https://example.org/", "this one is fine")
    p.add_run(".")
    doc.save(str(path))
    return path


def with_linked_picture(path: Path, target: str = "file:///etc/passwd") -> Path:
    """A picture whose data is not in the file but linked to a path outside it."""
    doc = docx.Document()
    doc.add_paragraph("Article with a linked picture", style="Heading 1")
    p = doc.add_paragraph()
    add_picture(p, png_bytes(), alt="A linked picture")
    blip = p._p.xpath(".//a:blip")[0]
    rid = p.part.relate_to(target, RT.IMAGE, is_external=True)
    del blip.attrib[qn("r:embed")]
    blip.set(qn("r:link"), rid)
    doc.add_paragraph("Some text.")
    doc.save(str(path))
    return path


def with_picture(path: Path, data: bytes, title: str = "Article with a picture") -> Path:
    doc = docx.Document()
    doc.add_paragraph(title, style="Heading 1")
    add_picture(doc.add_paragraph(), data, alt="A picture")
    doc.add_paragraph("The words of the article.")
    doc.save(str(path))
    return path


def long_document(path: Path, pages: int = 30) -> Path:
    """A free-form document of about ``pages`` pages, for the benchmark."""
    doc = docx.Document()
    doc.add_paragraph("A long report from the regional partnership", style="Title")
    picture = png_bytes(400, 300)
    # About four parts fill five A4 pages (checked by converting with LibreOffice).
    for page in range(round(pages * 1.25)):
        doc.add_paragraph(f"Part {page + 1}", style="Heading 2")
        for n in range(5):
            p = doc.add_paragraph(f"Paragraph {n + 1} of part {page + 1}. Partners met to "
                                  "agree the actions the board will own, ")
            p.add_run("including the police, ").bold = True
            p.add_run("the council and the voluntary sector, and reviewed ").italic = True
            add_link(p, f"https://example.org/part-{page}", "the published minutes")
            p.add_run(". " + "They spoke about what had worked and what had not. " * 3)
        for item in ("first action", "second action", "third action"):
            doc.add_paragraph(item, style="List Bullet")
        if page % 10 == 0:
            add_picture(doc.add_paragraph(), picture, alt=f"Chart for part {page + 1}")
    doc.add_paragraph("For more information contact: Jo Bloggs \u2013 jo.bloggs@example.org")
    doc.save(str(path))
    return path
