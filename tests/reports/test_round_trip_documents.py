"""The Word document's text reads back to the same facts as the narration (ar, vi, en)."""

from __future__ import annotations

import io

import pytest
from docx import Document

from marsad.core.narration import LANGS, stated_facts
from marsad.reports.render.docx import render_docx

extract_module = pytest.importorskip("marsad.core.extract", reason="the extractor has not landed")
if not hasattr(extract_module, "extract"):
    pytest.skip("the extractor has not landed", allow_module_level=True)


def _key(f) -> tuple:
    get = (lambda k: f.get(k)) if isinstance(f, dict) else (lambda k: getattr(f, k))
    qualifier = get("qualifier") or "exact"
    return (
        get("indicator"),
        str(get("period")),
        get("measure"),
        round(float(get("value")), 2),
        "exact" if qualifier == "estimate" else qualifier,
    )


@pytest.mark.parametrize("lang", LANGS)
def test_docx_reads_back_to_the_stated_facts(seed_data, lang):
    doc = Document(io.BytesIO(render_docx(seed_data, lang, charts=False)))
    text = "\n".join(p.text for p in doc.paragraphs)
    got = {_key(f) for f in extract_module.extract(text, lang=lang).facts}
    assert got == {_key(f) for f in stated_facts(seed_data)}
