"""The finishing pass over reportlab's file: structure tree, metadata and conformance fixes.

reportlab writes the pages with their marked content (``tagging.py``); this pass, with
pikepdf, adds what makes the file a tagged PDF/UA-1 and PDF/A-2u document:

- the structure tree from the ``StructTree``, the parent tree that maps every MCID and link
  annotation back to its element, ``/MarkInfo`` and ``/Tabs /S`` on every page;
- each link annotation's ``/Contents`` description, print flag and ``/StructParent``;
- XMP metadata (title, author, description, keywords, dates matching the document
  information, the PDF/A and PDF/UA identifiers) and an sRGB output intent;
- ToUnicode maps without the entry reportlab writes for glyph 0 (it maps to U+0000), and
  with characters beyond U+FFFF as UTF-16 surrogate pairs.

Rewriting the file also fixes stream and object syntax PDF/A is strict about. Streams are
copied as they are (never decoded and compressed again, but for the rare one mended so that
it does not end in a carriage return), and the file ID is derived from the content, so the
same issue still gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name

from .tagging import AnnotRef, ContentTagger, MarkedRef, Node

_BAD_UNICODE = re.compile(rb"^<[0-9A-Fa-f]+> <(?:0000|FEFF|FFFE)>\r?\n", re.M)
_BFCHAR_COUNT = re.compile(rb"(\d+) beginbfchar")
_ASTRAL = re.compile(rb"^(<[0-9A-Fa-f]+>) <([0-9A-Fa-f]{5,6})>", re.M)
_PDF_DATE = re.compile(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([+-Z])?(\d\d)?'?(\d\d)?")


@dataclass(frozen=True)
class Conformance:
    """Which standards the finished file claims: PDF/UA-1 and PDF/A-2u."""

    ua: bool = True
    pdfa: bool = True


def finish(data: bytes, tagger: ContentTagger, lang: str,
           conformance: Conformance = Conformance()) -> bytes:
    """reportlab's PDF with its structure, metadata and conformance entries added."""
    pdf = pikepdf.open(io.BytesIO(data))
    pages = [page.obj for page in pdf.pages]
    _structure(pdf, pages, tagger)
    for page in pages:
        page[Name.Tabs] = Name.S
    pdf.Root[Name.MarkInfo] = Dictionary(Marked=True)
    pdf.Root[Name.Lang] = pikepdf.String(lang)
    _fix_to_unicode(pages)
    icc = srgb_profile() if conformance.pdfa else b""
    if conformance.pdfa and not icc:
        conformance = Conformance(ua=conformance.ua, pdfa=False)
    pdf.Root[Name.Metadata] = _xmp(pdf, lang, conformance)
    if icc:
        profile = pdf.make_stream(icc)
        profile[Name.N] = 3
        pdf.Root[Name.OutputIntents] = Array([Dictionary(
            Type=Name.OutputIntent, S=Name.GTS_PDFA1,
            OutputConditionIdentifier=pikepdf.String("sRGB IEC61966-2.1"),
            Info=pikepdf.String("sRGB IEC61966-2.1"), DestOutputProfile=profile)])
    _tidy_streams(pages)
    return _save(pdf)


def _save(pdf: pikepdf.Pdf) -> bytes:
    """The file's bytes, with no stream ending in a carriage return.

    The structure tree is thousands of small objects: packed into compressed object streams
    they cost less than reportlab's file without them. qpdf writes those streams itself, and
    a compressed stream ends with its checksum, whose last byte is a carriage return once in
    256; a checker reading back from ``endstream`` then takes CR LF for the end of line and
    the stream's /Length for wrong (PDF/A). When that happens, an application-data entry
    (``/PieceInfo``, which readers ignore) renumbers the objects and the file is written
    again: still the same bytes for the same issue.
    """
    for attempt in range(8):
        out = io.BytesIO()
        # preserve_pdfa (pikepdf's default) puts an end of line before every endstream, as
        # PDF/A asks; the XMP is written here in full, so pikepdf need not rewrite it.
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 preserve_pdfa=True, fix_metadata_version=False)
        data = out.getvalue()
        if b"\r\nendstream" not in data:
            break
        spacer = pdf.make_indirect(Dictionary(
            LastModified=pikepdf.String("D:20000101000000Z"), Private=attempt))
        pdf.Root[Name.PieceInfo] = Dictionary(SOCBulletin=spacer)
    return data


def _tidy_streams(pages: list[pikepdf.Object]) -> None:
    """Streams reportlab wrote, made ready for qpdf and for strict checkers.

    ``/Filter [/FlateDecode]`` becomes ``/Filter /FlateDecode``: the same, but qpdf decodes
    and compresses again every stream whose filter is an array, which doubles the time to
    save. A stream whose compressed bytes end in a carriage return (see ``_save``) is
    compressed again from slightly different, equivalent data.
    """
    seen: set[tuple[int, int]] = set()

    def tidy(stream: pikepdf.Object | None, mend: Callable[[pikepdf.Object], None]) -> None:
        if not isinstance(stream, pikepdf.Stream) or stream.objgen in seen:
            return
        seen.add(stream.objgen)
        filters = stream.get(Name.Filter)
        if isinstance(filters, pikepdf.Array) and len(filters) == 1:
            stream[Name.Filter] = filters[0]
        if stream.read_raw_bytes()[-1:] == b"\r":
            mend(stream)

    for page in pages:
        contents = page.get(Name.Contents)
        for stream in contents if isinstance(contents, pikepdf.Array) else [contents]:
            tidy(stream, _mend_text)
        resources = page.get(Name.Resources)
        if resources is None:
            continue
        for _, xobject in (resources.get(Name.XObject) or {}).items():
            tidy(xobject, _mend_image)
            tidy(xobject.get(Name.SMask), _mend_image)
        for _, font in (resources.get(Name.Font) or {}).items():
            tidy(font.get(Name.ToUnicode), _mend_text)
            descriptor = font.get(Name.FontDescriptor)
            if descriptor is not None:
                tidy(descriptor.get(Name.FontFile2), _mend_font)


def _recompress(stream: pikepdf.Object, data: bytes) -> None:
    stream.write(zlib.compress(data), filter=Name.FlateDecode,
                 decode_parms=stream.get(Name.DecodeParms))


def _mend_text(stream: pikepdf.Object) -> None:
    """A content stream or CMap with a newline more at its end."""
    _recompress(stream, stream.read_bytes() + b"\n")


def _mend_font(stream: pikepdf.Object) -> None:
    """A TrueType program with four bytes of padding after its last table."""
    data = stream.read_bytes() + b"\0\0\0\0"
    _recompress(stream, data)
    stream[Name.Length1] = len(data)


def _mend_image(stream: pikepdf.Object) -> None:
    """A picture's samples behind PNG row tags ("no prediction"): the same pixels."""
    width, bits = int(stream.Width), int(stream.get(Name.BitsPerComponent, 8))
    space = stream.get(Name.ColorSpace)
    colours = 3 if space == Name.DeviceRGB else 4 if space == Name.DeviceCMYK else 1
    if stream.get(Name.DecodeParms) is not None or bits != 8:
        return  # not a plain picture of reportlab's: leave it as it is
    data = stream.read_bytes()
    row = width * colours
    tagged = b"".join(b"\0" + data[i:i + row] for i in range(0, len(data), row))
    stream.write(zlib.compress(tagged), filter=Name.FlateDecode,
                 decode_parms=Dictionary(Predictor=15, Colors=colours, BitsPerComponent=8,
                                         Columns=width))


# ---- the structure tree ----------------------------------------------------------------

def _has_content(node: Node, memo: dict[int, bool]) -> bool:
    """Whether anything drawn belongs to this element or one under it."""
    found = False
    for kid in node.kids:
        if isinstance(kid, Node):
            found = _has_content(kid, memo) or found
        else:
            found = True
    memo[id(node)] = found
    return found


def _structure(pdf: pikepdf.Pdf, pages: list[pikepdf.Object], tagger: ContentTagger) -> None:
    root = tagger.tree.root
    memo: dict[int, bool] = {}
    _has_content(root, memo)
    tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    made: dict[int, pikepdf.Object] = {}
    annots_by_page = [page.get(Name.Annots) for page in pages]
    # The element holding each tagged annotation, by parent-tree key (after the pages' keys).
    annot_owners: list[list[pikepdf.Object]] = []

    roles: dict[str, pikepdf.Object] = {}
    struct_elem = Name.StructElem

    def content(items: list[object], contents: str, first_page: int | None,
                owner: list[pikepdf.Object]) -> list[object]:
        """Content kids: MCIDs, marked-content references and link annotations."""
        kids: list[object] = []
        for kid in items:
            if isinstance(kid, MarkedRef):
                if kid.page == first_page:
                    kids.append(kid.mcid)
                else:
                    kids.append(Dictionary({"/Type": Name.MCR, "/Pg": pages[kid.page],
                                            "/MCID": kid.mcid}))
            elif isinstance(kid, AnnotRef):
                annots = annots_by_page[kid.page]
                if annots is None or kid.index >= len(annots):
                    continue
                annot = annots[kid.index]
                kids.append(Dictionary({"/Type": Name.OBJR, "/Obj": annot,
                                        "/Pg": pages[kid.page]}))
                annot[Name.StructParent] = len(pages) + len(annot_owners)
                annot[Name.Contents] = pikepdf.String(contents or "Link")
                annot_owners.append(owner)  # filled in once the element exists
        return kids

    def element(node: Node, parent: pikepdf.Object) -> pikepdf.Object:
        # Built from a plain dict in one call: setting keys one at a time on an indirect
        # object costs twice as much, and a 200-article issue has six thousand elements.
        # Most elements hold only content, so their kids go in with the rest.
        role = roles.get(node.role)
        if role is None:
            role = roles[node.role] = Name("/" + node.role)
        head: dict[str, object] = {"/Type": struct_elem, "/S": role, "/P": parent}
        first_page = next((k.page for k in node.kids if isinstance(k, MarkedRef)), None)
        if first_page is not None:
            head["/Pg"] = pages[first_page]
        if node.alt is not None:
            head["/Alt"] = pikepdf.String(node.alt)
        if node.lang:
            head["/Lang"] = pikepdf.String(node.lang)
        if node.bbox is not None:
            head["/A"] = Dictionary(O=Name.Layout, Placement=Name.Block,
                                    BBox=Array([round(v, 2) for v in node.bbox]))
        holder: list[pikepdf.Object] = []
        leaf = not any(isinstance(kid, Node) for kid in node.kids)
        if leaf:
            head["/K"] = content(node.kids, node.contents, first_page, holder)
        elem = pdf.make_indirect(Dictionary(head))
        holder.append(elem)
        made[id(node)] = elem
        if leaf:
            return elem
        kids: list[object] = []
        for kid in node.kids:
            if isinstance(kid, Node):
                if memo.get(id(kid)):
                    kids.append(element(kid, elem))
            else:
                kids.extend(content([kid], node.contents, first_page, holder))
        elem[Name.K] = kids
        return elem

    document = element(root, tree_root)
    nums: list[object] = []
    null = pikepdf.Object.parse(b"null")
    for index, page in enumerate(pages):
        page[Name.StructParents] = index
        owners = tagger.page_mcids[index] if index < len(tagger.page_mcids) else []
        nums.extend([index, Array([made.get(id(n), null) for n in owners])])
        # Every annotation says what it is and prints (PDF/A), tagged or not.
        for annot in annots_by_page[index] or []:
            annot[Name.F] = 4
            if Name.Contents not in annot or not str(annot.Contents):
                annot[Name.Contents] = pikepdf.String("Link")
    for offset, owner in enumerate(annot_owners):
        nums.extend([len(pages) + offset, owner[0]])
    tree_root[Name.K] = Array([document])
    tree_root[Name.ParentTree] = pdf.make_indirect(Dictionary(Nums=Array(nums)))
    tree_root[Name.ParentTreeNextKey] = len(pages) + len(annot_owners)
    pdf.Root[Name.StructTreeRoot] = tree_root


# ---- fonts -------------------------------------------------------------------------------

def _utf16(match: re.Match[bytes]) -> bytes:
    """A ToUnicode target beyond U+FFFF written as its UTF-16 surrogate pair."""
    code = int(match.group(2), 16)
    return match.group(1) + b" <" + chr(code).encode("utf-16-be").hex().upper().encode() + b">"


def _fix_to_unicode(pages: list[pikepdf.Object]) -> None:
    """ToUnicode maps as PDF/UA and PDF/A want them, whatever reportlab wrote.

    reportlab keeps code 0 of each TrueType subset for the font's missing-glyph box and maps
    it to U+0000; no text ever uses it, but PDF/UA and PDF/A forbid the mapping, so it goes.
    A character beyond U+FFFF (DejaVu Sans draws mathematical letters there) is written as
    five or six hex digits, which no reader understands: it becomes a UTF-16 surrogate pair.
    """
    seen: set[tuple[int, int]] = set()
    for page in pages:
        resources = page.get(Name.Resources)
        fonts = resources.get(Name.Font) if resources is not None else None
        if fonts is None:
            continue
        for _, font in fonts.items():
            cmap = font.get(Name.ToUnicode)
            if cmap is None or cmap.objgen in seen:
                continue
            seen.add(cmap.objgen)
            text = cmap.read_bytes()
            fixed, dropped = _BAD_UNICODE.subn(b"", text)
            if dropped:
                fixed = _BFCHAR_COUNT.sub(
                    lambda m, n=dropped: b"%d beginbfchar" % (int(m.group(1)) - n), fixed,
                    count=1)
            fixed, astral = _ASTRAL.subn(_utf16, fixed)
            if dropped or astral:
                cmap.write(zlib.compress(fixed), filter=Name.FlateDecode)


# ---- metadata ----------------------------------------------------------------------------

def _iso_date(value: object) -> str:
    """A PDF date (D:20000101000000+00'00') as XMP writes it."""
    m = _PDF_DATE.match(str(value or ""))
    if not m:
        return ""
    year, month, day, hour, minute, second, sign, tz_h, tz_m = m.groups()
    zone = "Z" if sign in (None, "Z") else f"{sign}{tz_h or '00'}:{tz_m or '00'}"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}{zone}"


def _xmp(pdf: pikepdf.Pdf, lang: str, conformance: Conformance) -> pikepdf.Object:
    """An XMP packet that says what the document information says, and what it conforms to."""
    info = pdf.trailer.get(Name.Info) or Dictionary()
    if Name.Trapped in info:
        # PDF/A's XMP schemas have no pdf:Trapped to mirror it with, and nothing needs it.
        del info[Name.Trapped]

    def field(key: str) -> str:
        value = info.get(Name("/" + key))
        return escape(str(value)) if value is not None else ""

    props = ["<dc:format>application/pdf</dc:format>",
             f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{field("Title")}</rdf:li>'
             "</rdf:Alt></dc:title>",
             f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>"]
    if field("Author"):
        props.append(f"<dc:creator><rdf:Seq><rdf:li>{field('Author')}</rdf:li></rdf:Seq>"
                     "</dc:creator>")
    if field("Subject"):
        props.append(f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
                     f'{field("Subject")}</rdf:li></rdf:Alt></dc:description>')
    for key, tag in (("Keywords", "pdf:Keywords"), ("Producer", "pdf:Producer"),
                     ("Creator", "xmp:CreatorTool")):
        if field(key):
            props.append(f"<{tag}>{field(key)}</{tag}>")
    for key, tag in (("CreationDate", "xmp:CreateDate"), ("ModDate", "xmp:ModifyDate")):
        date = _iso_date(info.get(Name("/" + key)))
        if date:
            props.append(f"<{tag}>{date}</{tag}>")
    if conformance.pdfa:
        props.append("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance>")
    if conformance.ua:
        props.append("<pdfuaid:part>1</pdfuaid:part>")
        if conformance.pdfa:
            # PDF/A accepts only the schemas it knows, or ones the file describes.
            props.append(_PDFUA_SCHEMA)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'
        ' xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
        ' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"'
        ' xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">\n'
        + "\n".join(props) +
        "\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    stream = pdf.make_stream(packet.encode("utf-8"))
    stream[Name.Type] = Name.Metadata
    stream[Name.Subtype] = Name.XML
    return stream


_PDFUA_SCHEMA = (
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaProperty:name>part</pdfaProperty:name>"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    "<pdfaProperty:category>internal</pdfaProperty:category>"
    "<pdfaProperty:description>The part of ISO 14289 the file conforms to"
    "</pdfaProperty:description>"
    "</rdf:li></rdf:Seq></pdfaSchema:property>"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>"
)


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """An sRGB ICC profile made by LittleCMS (through Pillow), with a fixed creation date.

    Empty if this Pillow has no colour management; the file then claims no PDF/A.
    """
    try:
        from PIL import ImageCms
    except ImportError:
        return b""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    # Bytes 24-35 hold the date the profile was made: fixed, so every file is the same.
    data[24:36] = bytes([0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])
    return bytes(data)
