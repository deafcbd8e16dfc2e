"""The report as PDF, printed by WeasyPrint from the report's HTML.

WeasyPrint shapes Arabic (HarfBuzz via Pango) and follows ``dir="rtl"``; the fonts are the Noto
files installed by ``fontpkg-noto-sans-arabic`` and ``fontpkg-noto-sans``, referenced by path in
@font-face rules so nothing depends on the system's fonts. Charts go in as PNG drawn by
vl-convert, which shapes their Arabic labels itself.
"""

from __future__ import annotations

from marsad.core.narration import ReportData
from marsad.reports.render.html import render_html
from marsad.reports.render.layout import ReportLayout


def render_pdf(data: ReportData, lang: str, charts: bool = True, layout: ReportLayout | None = None) -> bytes:
    from weasyprint import HTML

    html = render_html(data, lang, charts="png" if charts else None, for_print=True, layout=layout)
    return HTML(string=html).write_pdf()
