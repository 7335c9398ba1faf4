"""Build ``templates/reference.docx``, the Word template every bulletin export starts from.

Run it after changing ``desktop_app.core.docx.docx_styles.py``::

    .venv/bin/python templates/make_reference_docx.py

The result can then be restyled in Word (keep the style names): the writer keeps its sizes,
spacing, borders and numbering, and paints the theme's font and colours over them.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from lxml import etree

from desktop_app.core.docx.docx_styles import LANGUAGE, STYLES, StyleSpec, apply_theme
from desktop_app.core.theme import load_theme

HERE = Path(__file__).resolve().parent
TARGET = HERE / "reference.docx"

# Word's own ids and stored names for its built-in styles; everything else is a custom style.
BUILTIN = {
    "Normal": ("Normal", "Normal"), "Title": ("Title", "Title"),
    "Subtitle": ("Subtitle", "Subtitle"), "Caption": ("Caption", "caption"),
    "Header": ("Header", "header"), "Footer": ("Footer", "footer"),
    "Hyperlink": ("Hyperlink", "Hyperlink"), "TOC Heading": ("TOCHeading", "TOC Heading"),
    "TOC 1": ("TOC1", "toc 1"), "TOC 2": ("TOC2", "toc 2"),
    "List Bullet": ("ListBullet", "List Bullet"), "List Bullet 2": ("ListBullet2", "List Bullet 2"),
    "List Number": ("ListNumber", "List Number"), "List Number 2": ("ListNumber2", "List Number 2"),
    **{f"Heading {n}": (f"Heading{n}", f"heading {n}") for n in range(1, 10)},
}

# Numbering: one definition per kind of list, each level (format, text, left, hanging) in points.
NUMBERING = {
    "bullet": (1, [("bullet", "\u2022", 18, 12), ("bullet", "\u2013", 36, 12),
                   ("bullet", "\u25aa", 54, 12)]),
    "number": (2, [("decimal", "%1.", 20, 16), ("lowerLetter", "%2)", 40, 16),
                   ("lowerRoman", "%3.", 60, 16)]),
    "callout": (3, [("bullet", "\u2022", 28, 14)]),
}


def twips(points: float) -> str:
    return str(round(points * 20))


def style_id(name: str) -> str:
    return BUILTIN.get(name, ("".join(name.split()), name))[0]


def style_xml(spec: StyleSpec, colours: dict[str, str]) -> etree._Element:
    """The ``w:style`` element for one spec, children in the order the schema wants."""
    sid, stored = BUILTIN.get(spec.name, ("".join(spec.name.split()), spec.name))
    custom = "" if spec.name in BUILTIN else ' w:customStyle="1"'
    default = ' w:default="1"' if spec.name == "Normal" else ""
    parts = [f'<w:style {nsdecls("w")} w:type="{spec.kind}" w:styleId="{sid}"{custom}{default}>',
             f'<w:name w:val="{stored}"/>']
    if spec.based_on:
        parts.append(f'<w:basedOn w:val="{style_id(spec.based_on)}"/>')
    if spec.next:
        parts.append(f'<w:next w:val="{style_id(spec.next)}"/>')
    parts.append(f'<w:uiPriority w:val="{spec.priority}"/>')
    if spec.name not in ("Header", "Footer", "Hyperlink"):
        parts.append("<w:qFormat/>")
    if spec.kind == "paragraph":
        parts.append(_ppr(spec, colours))
    parts.append(_rpr(spec, colours))
    parts.append("</w:style>")
    return parse_xml("".join(parts))


def _ppr(spec: StyleSpec, colours: dict[str, str]) -> str:
    out = ["<w:pPr>"]
    if spec.keep_next:
        out.append("<w:keepNext/>")
    if spec.keep_lines:
        out.append("<w:keepLines/>")
    if spec.page_break_before:
        out.append("<w:pageBreakBefore/>")
    if spec.widow_control:
        out.append("<w:widowControl/>")
    if spec.numbering:
        num_id, _ = NUMBERING[spec.numbering[0]]
        out.append(f'<w:numPr><w:ilvl w:val="{spec.numbering[1]}"/>'
                   f'<w:numId w:val="{num_id}"/></w:numPr>')
    if spec.borders:
        edges = {}
        for border in spec.borders:
            for side in border.sides:
                edges[side] = (f'<w:{side} w:val="single" w:sz="{border.size}" '
                               f'w:space="{border.space}" w:color="{colours[border.colour]}"/>')
        out.append("<w:pBdr>" + "".join(edges[s] for s in ("top", "left", "bottom", "right")
                                         if s in edges) + "</w:pBdr>")
    if spec.shading:
        out.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{colours[spec.shading]}"/>')
    spacing = []
    if spec.before is not None:
        spacing.append(f'w:before="{twips(spec.before)}"')
    if spec.after is not None:
        spacing.append(f'w:after="{twips(spec.after)}"')
    if spec.line is not None:
        spacing.append(f'w:line="{round(spec.line * 240)}" w:lineRule="auto"')
    if spacing:
        out.append(f"<w:spacing {' '.join(spacing)}/>")
    indent = []
    if spec.indent_left is not None:
        indent.append(f'w:left="{twips(spec.indent_left)}"')
    if spec.indent_right is not None:
        indent.append(f'w:right="{twips(spec.indent_right)}"')
    if spec.hanging is not None:
        indent.append(f'w:hanging="{twips(spec.hanging)}"')
    if indent:
        out.append(f"<w:ind {' '.join(indent)}/>")
    if spec.contextual:
        out.append("<w:contextualSpacing/>")
    if spec.align:
        out.append(f'<w:jc w:val="{spec.align}"/>')
    if spec.outline is not None:
        out.append(f'<w:outlineLvl w:val="{spec.outline}"/>')
    out.append("</w:pPr>")
    return "".join(out)


def _rpr(spec: StyleSpec, colours: dict[str, str]) -> str:
    out = ["<w:rPr>"]
    if spec.kind == "paragraph" and spec.based_on is None:
        out.append('<w:rFonts w:ascii="Lato" w:hAnsi="Lato" w:cs="Lato" w:eastAsia="Lato"/>')
    if spec.bold is not None:
        out.append("<w:b/><w:bCs/>" if spec.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>')
    if spec.italic is not None:
        out.append("<w:i/><w:iCs/>" if spec.italic else '<w:i w:val="0"/><w:iCs w:val="0"/>')
    if spec.colour:
        out.append(f'<w:color w:val="{colours[spec.colour]}"/>')
    if spec.size:
        half = round(spec.size * 2)
        out.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if spec.underline:
        out.append('<w:u w:val="single"/>')
    out.append("</w:rPr>")
    return "".join(out)


def numbering_xml() -> etree._Element:
    parts = [f"<w:numbering {nsdecls('w')}>"]
    for kind, (num_id, levels) in NUMBERING.items():
        parts.append(f'<w:abstractNum w:abstractNumId="{num_id}">'
                     f'<w:multiLevelType w:val="hybridMultilevel"/>')
        for lvl, (fmt, text, left, hanging) in enumerate(levels):
            font = ('<w:rPr><w:rFonts w:ascii="Lato" w:hAnsi="Lato"/></w:rPr>'
                    if fmt == "bullet" else "")
            parts.append(
                f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{twips(left)}" w:hanging="{twips(hanging)}"/></w:pPr>'
                f"{font}</w:lvl>"
            )
        parts.append("</w:abstractNum>")
        del kind
    for num_id, _ in NUMBERING.values():
        parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
    parts.append("</w:numbering>")
    return parse_xml("".join(parts))


def build(target: Path = TARGET) -> Path:
    """Write the reference template to ``target``."""
    document = docx.Document()
    theme = load_theme("default")
    colours = {k: v.lstrip("#").upper() for k, v in theme.colours.items()}
    _drop_clutter(document)

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    styles.insert(0, parse_xml(
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Lato" w:hAnsi="Lato" w:cs="Lato" w:eastAsia="Lato"/>'
        f'<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{LANGUAGE}" '
        f'w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    ))
    _prune_styles(styles)
    for spec in STYLES:
        new = style_xml(spec, colours)
        old = [s for s in styles.findall(qn("w:style"))
               if s.get(qn("w:styleId")) == new.get(qn("w:styleId"))]
        if old:
            old[0].addprevious(new)
            for element in old:
                styles.remove(element)
        else:
            styles.append(new)

    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in numbering_xml():
        numbering.append(child)

    settings = document.settings.element
    for old in settings.findall(qn("w:themeFontLang")):
        settings.remove(old)
    lang = parse_xml(f'<w:themeFontLang {nsdecls("w")} w:val="{LANGUAGE}"/>')
    anchor = settings.find(qn("w:characterSpacingControl"))
    if anchor is not None:
        anchor.addprevious(lang)
    else:
        settings.append(lang)

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)

    props = document.core_properties
    props.author = props.last_modified_by = "SOC Local Partnerships Bulletin"
    props.title = "SOC Local Partnerships Bulletin: reference template"
    props.comments = "Restyle in Word, keeping the style names; see make_reference_docx.py"
    props.language = LANGUAGE
    props.created = props.modified = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    props.revision = 1

    apply_theme(document, theme)  # proves the writer's repainting finds every style
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(buffer.getvalue())
    return target


KEEP_TABLE_STYLES = ("TableNormal", "TableGrid")


def _prune_styles(styles: etree._Element) -> None:
    """Drop the template's dozens of table styles and linked "Char" styles: a smaller file,
    and a style list in Word that shows the bulletin's styles rather than Word's gallery."""
    for style in styles.findall(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        if ((style.get(qn("w:type")) == "table" and sid not in KEEP_TABLE_STYLES)
                or (style.get(qn("w:type")) == "character" and sid.endswith("Char"))):
            styles.remove(style)
    for link in styles.iter(qn("w:link")):
        link.getparent().remove(link)


def _drop_clutter(document: docx.document.Document) -> None:
    """Parts of python-docx's own template a bulletin has no use for."""
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/"
                           "relationships/stylesWithEffects"):
            part.rels.pop(rel_id)
    package = part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
    print(f"Wrote {path}")
