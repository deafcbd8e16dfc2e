"""The report as a Word document (python-docx), in the form of Decree 30/2020/NĐ-CP.

The letterhead and the signature block are two-column tables without borders; the page number
sits at the top centre from the second page on; margins are the decree's (top and bottom 20 mm,
left 30 mm, right 15 mm). The document's properties carry its title, its author (the issuing
body), its language and the day it was made.

For Arabic every paragraph is right-to-left (``w:bidi``), every run right-to-left text
(``w:rtl``) with the complex-script font and size Word uses for Arabic, and tables are laid out
right-to-left (``w:bidiVisual``). An item kept in another language than the report's is its own
run, tagged with its language and wrapped in Unicode direction isolates, then marked as the
original text; its details stay in the report's language.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from marsad.core.narration import ReportData
from marsad.reports.render.charts import to_png
from marsad.reports.render.layout import Figure, Heading, Items, Paragraph, ReportLayout, Table, build_layout

# Standard fonts every Word installation has (Times New Roman carries Arabic as well): the
# decree's typeface for Vietnamese administrative documents.
FONT = "Times New Roman"
LANG_TAGS = {"ar": "ar-SA", "vi": "vi-VN", "en": "en-GB"}
ISOLATE = {"ar": "\u2067", "vi": "\u2066", "en": "\u2066"}  # RLI / LRI ... PDI
PDI = "\u2069"
BODY_PT = {"ar": 14, "vi": 13, "en": 12}


def _el(tag: str, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def _qn(tag: str):
    from docx.oxml.ns import qn

    return qn(tag)


def _paragraph_dir(paragraph, rtl: bool) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    if rtl and ppr.find(_qn("w:bidi")) is None:
        ppr.insert(0, _el("w:bidi", val="1"))


# A list item's dash and a no-break space: with a plain space LibreOffice draws the dash over an
# Arabic item's first letter when it is the lam-alef ligature (لا), and the dash stays with the
# first word at a line's end.
DASH = "-\u00a0"


def _run(paragraph, text: str, lang: str, *, bold=False, italic=False, size: float | None = None):
    """A run in ``lang``: its direction, language tag and the font for both scripts."""
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(_qn(attr), FONT)
    if bold:
        rpr.append(_el("w:bCs"))
    if italic:
        rpr.append(_el("w:iCs"))
    if lang == "ar":
        rpr.append(_el("w:rtl", val="1"))
    if size:
        run.font.size = Pt(size)
        rpr.append(_el("w:szCs", val=int(size * 2)))
    tag = _el("w:lang", val=LANG_TAGS.get(lang, "en-GB"))
    if lang == "ar":
        tag.set(_qn("w:bidi"), "ar-SA")
    rpr.append(tag)
    return run


def _para(
    doc_or_cell,
    text: str,
    layout: ReportLayout,
    *,
    align=None,
    bold=False,
    italic=False,
    size=None,
    space_after=4,
):
    from docx.shared import Pt

    p = doc_or_cell.add_paragraph()
    _paragraph_dir(p, layout.rtl)
    if text:
        _run(p, text, layout.lang, bold=bold, italic=italic, size=size)
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(space_after)
    return p


def _no_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val="nil"))
    tblpr.append(borders)


def _rtl_table(table, rtl: bool) -> None:
    if rtl:
        table._tbl.tblPr.append(_el("w:bidiVisual", val="1"))


def _cell_paragraph(cell, text: str, layout: ReportLayout, **kwargs):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = (
        cell.paragraphs[0]
        if not cell.paragraphs[0].text and not cell.paragraphs[0].runs
        else cell.add_paragraph()
    )
    _paragraph_dir(p, layout.rtl)
    if text:
        _run(p, text, layout.lang, **kwargs)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = 0
    return p


def _rule(cell, layout: ReportLayout) -> None:
    """The short line under the issuing body and the motto."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = cell.add_paragraph()
    _run(p, "\u2500" * 8, layout.lang, size=8)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = 0


def _letterhead(doc, layout: ReportLayout) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    h = layout.head
    size = BODY_PT[layout.lang] - 1
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _rtl_table(table, layout.rtl)
    left, right = table.rows[0].cells
    for cell, width in ((left, 6.8), (right, 9.2)):
        cell.width = Cm(width)
    if h.parent_body:
        _cell_paragraph(left, h.parent_body, layout, size=size)
    _cell_paragraph(left, h.issuing_body, layout, bold=True, size=size)
    _rule(left, layout)
    _cell_paragraph(left, h.number, layout, size=size)
    _cell_paragraph(right, h.motto[0], layout, bold=True, size=size)
    _cell_paragraph(right, h.motto[1], layout, bold=True, size=size + 1)
    _rule(right, layout)
    _cell_paragraph(right, h.place_date, layout, italic=True, size=size + 1)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, "", layout, space_after=6)
    _para(doc, h.kind, layout, align=center, bold=True, size=BODY_PT[layout.lang] + 1, space_after=0)
    _para(doc, h.title, layout, align=center, bold=True, size=BODY_PT[layout.lang], space_after=2)
    _para(doc, h.as_of_note, layout, align=center, italic=True, size=BODY_PT[layout.lang] - 2, space_after=10)


def _signature(doc, layout: ReportLayout) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    sig = layout.signature
    _para(doc, "", layout)
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _rtl_table(table, layout.rtl)
    # The signature is one block: its signing space must not run onto the next page alone (a
    # page holding nothing but the blank lines under the signer's title).
    table.rows[0]._tr.get_or_add_trPr().append(_el("w:cantSplit"))
    left, right = table.rows[0].cells
    left.width, right.width = Cm(8), Cm(8)
    start = WD_ALIGN_PARAGRAPH.RIGHT if layout.rtl else WD_ALIGN_PARAGRAPH.LEFT
    p = _cell_paragraph(left, sig.recipients_label, layout, bold=True, italic=True, size=12)
    p.alignment = start
    for r in sig.recipients:
        p = _cell_paragraph(left, f"{DASH}{r}", layout, size=11)
        p.alignment = start
    body = BODY_PT[layout.lang]
    _cell_paragraph(right, sig.authority, layout, bold=True, size=body)
    _cell_paragraph(right, sig.title, layout, bold=True, size=body)
    for _ in range(3):
        _cell_paragraph(right, "", layout)
    _cell_paragraph(right, sig.name or "", layout, bold=True, size=body)


# A bold 9.5 pt character at its widest (Arabic letters and Vietnamese capitals), and the
# cell's margins: what a word needs to stay on one line of a table cell.
CM_PER_CHARACTER = 0.24
CELL_PADDING_CM = 0.45


def _column_widths(t: Table, total_cm: float) -> list[float]:
    """Widths by content: each column as wide as its longest word-wrapped need, within the page."""
    longest = []
    for j, header in enumerate(t.headers):
        cells = [row[j] for row in t.rows]
        numeric = t.numeric[j] if j < len(t.numeric) else False
        content = max((len(c) for c in cells), default=0)
        # Headers wrap; a column of figures must fit its longest figure on one line.
        need = max(content, min(len(header), 14)) if numeric else max(content, len(header))
        longest.append(max(need, 4) + 2)
    first_cap = total_cm * 0.45
    scale = total_cm / sum(longest)
    widths = [n * scale for n in longest]
    if widths[0] > first_cap:  # the indicator names wrap; figures get the room they need
        spare = widths[0] - first_cap
        widths[0] = first_cap
        rest = sum(widths[1:])
        widths[1:] = [w + spare * w / rest for w in widths[1:]]
    # A cell wraps between words, never inside one: each column holds its longest word (an
    # Arabic header such as «الهدف» was broken in two), the room taken from the first column.
    for j in range(1, len(widths)):
        words = " ".join((t.headers[j], *(row[j] for row in t.rows))).split()
        least = max((len(w) for w in words), default=0) * CM_PER_CHARACTER + CELL_PADDING_CM
        if widths[j] < least:
            widths[0] -= least - widths[j]
            widths[j] = least
    return widths


def _table(doc, t: Table, layout: ReportLayout) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    rtl, _lang = layout.rtl, layout.lang
    cap = _para(doc, t.caption, layout, bold=True, size=11, space_after=2)
    cap.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=len(t.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _rtl_table(table, rtl)
    widths = _column_widths(t, 16.0)
    # Figures go to the end of their cell: the right in a left-to-right table; in a
    # right-to-left paragraph Word reads "left" as that end.
    end = WD_ALIGN_PARAGRAPH.LEFT if rtl else WD_ALIGN_PARAGRAPH.RIGHT
    start = WD_ALIGN_PARAGRAPH.RIGHT if rtl else WD_ALIGN_PARAGRAPH.LEFT
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(_qn("w:gridCol")), widths, strict=True):
        col.set(_qn("w:w"), str(int(width / 2.54 * 1440)))
    header_row = table.rows[0]
    header_row._tr.get_or_add_trPr().append(_el("w:tblHeader"))
    for j, (cell, text) in enumerate(zip(header_row.cells, t.headers, strict=True)):
        cell.width = Cm(widths[j])
        p = _cell_paragraph(cell, text, layout, bold=True, size=9.5)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, row in enumerate(t.rows):
        added = table.add_row()
        added._tr.get_or_add_trPr().append(_el("w:cantSplit"))  # a row stays on one page
        cells = added.cells
        for j, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.width = Cm(widths[j])
            numeric = t.numeric[j] if j < len(t.numeric) else False
            p = _cell_paragraph(cell, text, layout, size=9.5)
            p.alignment = end if numeric else start
            if j == 0 and i < len(t.indent) and t.indent[i]:
                p.paragraph_format.left_indent = Cm(0) if rtl else Cm(0.4)
                p.paragraph_format.right_indent = Cm(0.4) if rtl else Cm(0)
    _para(doc, "", layout, space_after=2)


def _items(doc, block: Items, layout: ReportLayout) -> None:
    from docx.shared import Cm, Pt

    separator = "؛ " if layout.lang == "ar" else "; "
    for item in block.items:
        p = doc.add_paragraph()
        _paragraph_dir(p, layout.rtl)
        p.paragraph_format.first_line_indent = Cm(1)
        p.paragraph_format.space_after = Pt(3)
        _run(p, DASH, layout.lang)
        if item.original:
            _run(p, ISOLATE[item.lang] + item.text + PDI, item.lang)
        else:
            _run(p, item.text, layout.lang)
        notes = [layout.original_markers.get(item.lang, item.lang)] if item.original else []
        if item.details:
            notes.append(item.details)
        if notes:
            _run(p, f" ({separator.join(notes)})", layout.lang, italic=item.original and not item.details)


def _page_number_header(section, layout: ReportLayout) -> None:
    """The page number at the top centre, not on the first page (Decree 30)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _run(p, "", layout.lang, size=12)
    run._r.append(_el("w:fldChar", fldCharType="begin"))
    instr = _el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    run._r.append(_el("w:fldChar", fldCharType="separate"))
    t = _el("w:t")
    t.text = "2"
    run._r.append(t)
    run._r.append(_el("w:fldChar", fldCharType="end"))


def _styles(doc, layout: ReportLayout) -> None:
    from docx.shared import Pt, RGBColor

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT[layout.lang])
    rpr = normal.element.get_or_add_rPr()
    tag = _el("w:lang", val=LANG_TAGS[layout.lang])
    if layout.lang == "ar":
        tag.set(_qn("w:bidi"), "ar-SA")
    rpr.append(tag)
    for name, size in (
        ("Heading 1", 14),
        ("Heading 2", BODY_PT[layout.lang]),
        ("Heading 3", BODY_PT[layout.lang]),
    ):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        fonts = style.element.get_or_add_rPr().find(_qn("w:rFonts"))
        if fonts is not None:
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                fonts.attrib.pop(_qn(attr), None)
            for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(_qn(attr), FONT)


def _properties(doc, layout: ReportLayout, created: datetime) -> None:
    props = doc.core_properties
    props.title = layout.title
    props.author = layout.author
    props.last_modified_by = layout.author
    props.language = LANG_TAGS[layout.lang]
    props.created = props.modified = created
    props.revision = 1
    props.comments = ""
    props.subject = layout.subtitle
    props.keywords = ""


def render_docx(
    data: ReportData,
    lang: str,
    charts: bool = True,
    layout: ReportLayout | None = None,
    created: datetime | None = None,
) -> bytes:
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.shared import Cm

    layout = layout or build_layout(data, lang, with_charts=charts)
    rtl = layout.rtl
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    if rtl:
        section._sectPr.append(_el("w:bidi", val="1"))
    _styles(doc, layout)
    _properties(doc, layout, created or datetime.now(UTC).replace(microsecond=0))
    _page_number_header(section, layout)
    if layout.head is not None:
        _letterhead(doc, layout)
    _blocks(doc, layout.blocks, layout, charts)
    if layout.signature is not None:
        _signature(doc, layout)
    if layout.appendix:
        new = doc.add_section(WD_SECTION.NEW_PAGE)
        new.different_first_page_header_footer = False
        _blocks(doc, layout.appendix, layout, charts)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _blocks(doc, blocks, layout: ReportLayout, charts: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    for block in blocks:
        if isinstance(block, Heading):
            p = doc.add_heading(level=min(block.level, 3))
            _paragraph_dir(p, layout.rtl)
            _run(p, block.text, layout.lang, bold=True, size=BODY_PT[layout.lang])
            p.paragraph_format.space_before = Pt(8 if block.level == 2 else 4)
            p.paragraph_format.space_after = Pt(3)
            if block.level == 2 and layout.appendix and block is layout.appendix[0]:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Paragraph):
            p = _para(doc, block.text, layout, space_after=4)
            p.paragraph_format.first_line_indent = Cm(1)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif isinstance(block, Items):
            _items(doc, block, layout)
        elif isinstance(block, Table):
            _table(doc, block, layout)
        elif isinstance(block, Figure) and charts:
            doc.add_picture(io.BytesIO(to_png(block.chart)), width=Cm(15))
            _paragraph_dir(doc.paragraphs[-1], layout.rtl)
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
