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


@pytest.mark.parametrize("lang", ("ar", "vi", "en"))
def test_the_signature_block_moves_to_the_next_page_whole(seed_data, lang):
    # Its signing space (the blank lines under the signer's title) once ran onto a page of its
    # own in LibreOffice, leaving that page blank but for its number.
    from marsad.reports.render.layout import build_layout

    doc = _doc(seed_data, lang)
    signature = build_layout(seed_data, lang).signature
    tables = [t for t in doc.tables if signature.title in t._tbl.xml and signature.authority in t._tbl.xml]
    assert len(tables) == 1
    assert all(
        r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None for r in tables[0].rows
    )


@pytest.mark.parametrize("lang", ("ar", "vi", "en"))
def test_an_untranslated_item_is_tagged_isolated_and_marked_as_the_original(seed_data, lang):
    """A recommendation with no translation into the report's language is printed in its own
    language: its run tagged with that language (and right-to-left only if Arabic), isolated, and
    followed by the report's note "original text in ..."."""
    import dataclasses

    from marsad.core.narration import Text, language

    other = "en" if lang == "ar" else "ar"
    original = {"en": "Speed up the key projects", "ar": "الإسراع في المشاريع الرئيسية"}[other]
    data = dataclasses.replace(
        seed_data, recommendations=tuple(seed_data.recommendations) + (Text({other: original}),)
    )
    doc = _doc(data, lang)
    [paragraph] = [p for p in doc.paragraphs if original in p.text]
    [run] = [r for r in paragraph.runs if original in r.text]
    rpr = run._r.rPr
    assert rpr.find(qn("w:lang")).get(qn("w:val")).startswith(other)
    assert (rpr.find(qn("w:rtl")) is not None) == (other == "ar")
    assert run.text[0] in "\u2066\u2067\u2068" and run.text[-1] == "\u2069"
    assert language(lang).original_marker(other) in paragraph.text


@pytest.mark.parametrize("lang", ("ar", "vi", "en"))
def test_no_table_column_is_narrower_than_its_longest_word(seed_data, lang):
    """A cell wraps between words: the Arabic target table broke «الهدف» and «الفترة» in two."""
    from marsad.reports.render.docx import CELL_PADDING_CM, CM_PER_CHARACTER

    doc = _doc(seed_data, lang)
    assert doc.tables
    for table in doc.tables[1:]:  # the first is the letterhead
        grid = [int(c.get(qn("w:w"))) / 1440 * 2.54 for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for j, width in enumerate(grid[1:], 1):
            words = " ".join(row.cells[j].text for row in table.rows).split()
            longest = max((len(w) for w in words), default=0)
            assert width >= longest * CM_PER_CHARACTER + CELL_PADDING_CM - 0.01, (j, words)
