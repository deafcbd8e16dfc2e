"""The report as a Word document (python-docx).

For Arabic every paragraph is marked right-to-left (``w:bidi`` in its properties) and every run
as right-to-left text (``w:rtl``), tables are laid out right-to-left (``w:bidiVisual``), and the
complex-script font and size are set, since Word uses those (not the Latin ones) for Arabic.
Items kept in another language than the report's (an untranslated difficulty) get that
language's direction.
"""

from __future__ import annotations

import io

from marsad.core.narration import ReportData
from marsad.reports.render.charts import to_png
from marsad.reports.render.layout import Figure, Heading, Items, Paragraph, ReportLayout, Table, build_layout

FONTS = {"ar": "Amiri", "vi": "Noto Sans", "en": "Noto Sans"}


def _set_rtl(paragraph, rtl: bool, lang: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    bidi = ppr.find(qn("w:bidi"))
    if rtl and bidi is None:
        bidi = OxmlElement("w:bidi")
        ppr.insert(0, bidi)
    if rtl:
        bidi.set(qn("w:val"), "1")
    for run in paragraph.runs:
        _style_run(run, rtl, lang)


def _style_run(run, rtl: bool, lang: str, size_pt: float | None = None) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    font = FONTS.get(lang, "Noto Sans")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), font)
    if rtl:
        rtl_el = OxmlElement("w:rtl")
        rtl_el.set(qn("w:val"), "1")
        rpr.append(rtl_el)
        lang_el = OxmlElement("w:lang")
        lang_el.set(qn("w:bidi"), "ar-SA")
        rpr.append(lang_el)
    if size_pt:
        run.font.size = Pt(size_pt)
        szcs = OxmlElement("w:szCs")
        szcs.set(qn("w:val"), str(int(size_pt * 2)))
        rpr.append(szcs)


def _table(doc, t: Table, rtl: bool, lang: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    cap = doc.add_paragraph()
    run = cap.add_run(t.caption)
    run.bold = True
    _set_rtl(cap, rtl, lang)
    table = doc.add_table(rows=1, cols=len(t.headers))
    table.style = "Table Grid"
    if rtl:
        tblpr = table._tbl.tblPr
        visual = OxmlElement("w:bidiVisual")
        visual.set(qn("w:val"), "1")
        tblpr.append(visual)
    for cell, text in zip(table.rows[0].cells, t.headers, strict=True):
        p = cell.paragraphs[0]
        r = p.add_run(text)
        r.bold = True
        _set_rtl(p, rtl, lang)
        for run in p.runs:
            _style_run(run, False, lang, 9)
    for i, row in enumerate(t.rows):
        cells = table.add_row().cells
        for j, (cell, text) in enumerate(zip(cells, row, strict=True)):
            p = cell.paragraphs[0]
            indent = "    " if j == 0 and i < len(t.indent) and t.indent[i] else ""
            p.add_run(indent + text)
            _set_rtl(p, rtl, lang)
            for run in p.runs:
                _style_run(run, False, lang, 9)


def render_docx(
    data: ReportData, lang: str, charts: bool = True, layout: ReportLayout | None = None
) -> bytes:
    from docx import Document
    from docx.shared import Cm, Pt

    layout = layout or build_layout(data, lang, with_charts=charts)
    rtl = layout.rtl
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2)
    if rtl:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        bidi = OxmlElement("w:bidi")
        bidi.set(qn("w:val"), "1")
        section._sectPr.append(bidi)
    normal = doc.styles["Normal"]
    normal.font.name = FONTS.get(lang, "Noto Sans")
    normal.font.size = Pt(13 if rtl else 11)

    title = doc.add_heading(layout.title, level=1)
    _set_rtl(title, rtl, lang)
    for block in layout.blocks:
        if isinstance(block, Heading):
            p = doc.add_heading(block.text, level=block.level)
            _set_rtl(p, rtl, lang)
        elif isinstance(block, Paragraph):
            p = doc.add_paragraph(block.text)
            _set_rtl(p, rtl, lang)
        elif isinstance(block, Items):
            for text, item_lang in zip(block.items, block.langs, strict=False):
                if item_lang == "ar":
                    # Word's bullet numbering keeps its bullet at the left margin in some
                    # readers (LibreOffice) even in a right-to-left paragraph; a bullet written
                    # at the start of the text sits at the right wherever it is opened.
                    p = doc.add_paragraph("• " + text)
                    p.paragraph_format.first_line_indent = Cm(-0.5)
                    p.paragraph_format.left_indent = Cm(0.5)
                else:
                    p = doc.add_paragraph(text, style="List Bullet")
                _set_rtl(p, item_lang == "ar", item_lang)
        elif isinstance(block, Table):
            _table(doc, block, rtl, lang)
        elif isinstance(block, Figure) and charts:
            doc.add_picture(io.BytesIO(to_png(block.chart)), width=Cm(16))
            _set_rtl(doc.paragraphs[-1], rtl, lang)
    footer = doc.add_paragraph(layout.footer)
    _set_rtl(footer, rtl, lang)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
