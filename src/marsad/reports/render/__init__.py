"""Report rendering (no Django): HTML, PDF, DOCX and charts from narrated report data.

``render_report(data, lang, fmt)`` gives the bytes of one report in ``html``, ``pdf``, ``docx``
or ``text``.
"""

from __future__ import annotations

from marsad.core.narration import ReportData

FORMATS = ("html", "pdf", "docx", "text")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text": "text/plain; charset=utf-8",
}


def render_report(data: ReportData, lang: str, fmt: str, charts: bool = True) -> bytes:
    if fmt == "html":
        from marsad.reports.render.html import render_html

        return render_html(data, lang, charts="svg" if charts else None).encode("utf-8")
    if fmt == "pdf":
        from marsad.reports.render.pdf import render_pdf

        return render_pdf(data, lang, charts=charts)
    if fmt == "docx":
        from marsad.reports.render.docx import render_docx

        return render_docx(data, lang, charts=charts)
    if fmt == "text":
        from marsad.core.narration import narrate_text

        return narrate_text(data, lang).encode("utf-8")
    raise ValueError(f"report format {fmt!r} is not one of {', '.join(FORMATS)}")
