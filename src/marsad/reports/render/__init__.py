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


def render_report(
    data: ReportData, lang: str, fmt: str, charts: bool = True, eastern_digits: bool = False
) -> bytes:
    """``eastern_digits``: Arabic with ٠١٢٣٤٥٦٧٨٩ (ignored for the other languages)."""
    if fmt not in FORMATS:
        raise ValueError(f"report format {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "text":
        from marsad.core.narration import narrate_text

        return narrate_text(data, lang, eastern_digits).encode("utf-8")
    from marsad.reports.render.layout import build_layout

    layout = build_layout(data, lang, with_charts=charts, eastern_digits=eastern_digits)
    if fmt == "html":
        from marsad.reports.render.html import render_html

        return render_html(data, lang, charts="svg" if charts else None, layout=layout).encode("utf-8")
    if fmt == "pdf":
        from marsad.reports.render.pdf import render_pdf

        return render_pdf(data, lang, charts=charts, layout=layout)
    if fmt == "docx":
        from marsad.reports.render.docx import render_docx

        return render_docx(data, lang, charts=charts, layout=layout)
    raise ValueError(f"report format {fmt!r} is not one of {', '.join(FORMATS)}")
