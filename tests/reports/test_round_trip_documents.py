"""The Word document's text reads back to the same facts as the narration (ar, vi, en)."""

from __future__ import annotations

import io

import pytest
from docx import Document

from marsad.core import extract as extract_module
from marsad.core.narration import LANGS, fact_key, stated_facts
from marsad.reports.render.docx import render_docx


@pytest.mark.parametrize("lang", LANGS)
def test_docx_reads_back_to_the_stated_facts(seed_data, lang):
    doc = Document(io.BytesIO(render_docx(seed_data, lang, charts=False)))
    text = "\n".join(p.text for p in doc.paragraphs)
    got = {fact_key(f) for f in extract_module.extract(text, lang=lang).facts}
    assert got == {fact_key(f) for f in stated_facts(seed_data)}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pdf_text_reads_back_to_the_stated_facts(seed_data, lang, tmp_path):
    """pdftotext breaks lines where the page does; paragraphs are joined again before reading.
    (Arabic PDF text is checked word by word in test_pdf.py: pdftotext reorders numbers there.)"""
    import re
    import subprocess

    from marsad.reports.render.pdf import render_pdf

    path = tmp_path / f"report_{lang}.pdf"
    path.write_bytes(render_pdf(seed_data, lang, charts=False))
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True
    ).stdout
    paragraphs = "\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    got = {fact_key(f) for f in extract_module.extract(paragraphs, lang=lang).facts}
    assert got == {fact_key(f) for f in stated_facts(seed_data)}
