from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from marsad.core.narration import narrate
from marsad.reports.render.docx import render_docx


def _doc(data, lang):
    return Document(io.BytesIO(render_docx(data, lang, charts=False)))


def _is_rtl(paragraph) -> bool:
    ppr = paragraph._p.pPr
    bidi = None if ppr is None else ppr.find(qn("w:bidi"))
    runs_rtl = all(r._r.rPr is not None and r._r.rPr.find(qn("w:rtl")) is not None for r in paragraph.runs)
    return bidi is not None and bidi.get(qn("w:val")) in (None, "1", "true") and runs_rtl


def test_arabic_paragraphs_are_right_to_left(seed_data):
    doc = _doc(seed_data, "ar")
    texts = [p for p in doc.paragraphs if p.text.strip()]
    assert texts and all(_is_rtl(p) for p in texts)
    body = "\n".join(p.text for p in texts)
    for section in narrate(seed_data, "ar"):
        assert section.title in body
        for paragraph in section.paragraphs:
            assert paragraph in body
    for table in doc.tables:
        assert table._tbl.tblPr.find(qn("w:bidiVisual")) is not None


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_latin_paragraphs_are_left_to_right(seed_data, lang):
    doc = _doc(seed_data, lang)
    assert not any(_is_rtl(p) for p in doc.paragraphs if p.text.strip())


def test_tables_hold_the_figures(seed_data):
    doc = _doc(seed_data, "vi")
    cells = {c.text.strip() for t in doc.tables for row in t.rows for c in row.cells}
    assert {"hơn 5.800", "8,26", "30,2", "4,58"} <= cells


def test_table_rows_are_not_split_across_pages_and_headers_repeat(seed_data):
    from docx.oxml.ns import qn

    doc = _doc(seed_data, "en")
    # The figures' tables (their header row repeats on each page), not the letterhead's layout.
    data_tables = [
        t
        for t in doc.tables
        if t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    assert len(data_tables) >= 3
    for table in data_tables:
        assert all(
            r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows[1:]
        )
