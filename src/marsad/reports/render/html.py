"""The report as one self-contained HTML page (the app shows it; the PDF is printed from it).

Plain string building with escaping: the page is a fixed shape and a template engine would add
a dependency without adding clarity.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from marsad.core.narration import ReportData
from marsad.reports.render.charts import to_png, to_svg
from marsad.reports.render.layout import Figure, Heading, Items, Paragraph, ReportLayout, Table, build_layout

CSS = """
.marsad-report { font-family: %(font)s; line-height: 1.55; color: #1d2733; max-width: 46rem; margin: 0 auto; }
.marsad-report h1 { font-size: 1.45rem; margin: 0 0 .2rem; }
.marsad-report .subtitle { color: #5a6b7b; margin: 0 0 1rem; }
.marsad-report h2 { font-size: 1.1rem; border-bottom: 1px solid #c9d3dc; padding-bottom: .15rem; margin-top: 1.4rem; }
.marsad-report p, .marsad-report li { text-align: justify; }
.marsad-report table { border-collapse: collapse; width: 100%%; margin: .6rem 0 1rem; font-size: .88rem; }
.marsad-report caption { text-align: start; font-weight: 600; margin-bottom: .3rem; }
.marsad-report th, .marsad-report td { border: 1px solid #c9d3dc; padding: .25rem .45rem; text-align: start; vertical-align: top; }
.marsad-report th { background: #eef2f5; }
.marsad-report td.num { text-align: end; white-space: nowrap; }
.marsad-report tr.part td:first-child { padding-inline-start: 1.4rem; color: #39495a; }
.marsad-report figure { margin: .6rem 0 1rem; break-inside: avoid; }
.marsad-report figure img, .marsad-report figure svg { max-width: 100%%; height: auto; }
.marsad-report ul { padding: 0; margin: .3rem 0 .8rem; list-style: none; }
.marsad-report li { position: relative; padding-inline-start: 1.1rem; margin-bottom: .2rem; }
.marsad-report li::before { content: "•"; position: absolute; inset-inline-start: .2rem; }
.marsad-report footer { color: #7a8895; font-size: .8rem; margin-top: 2rem; }
"""

# Inline SVG charts (screen only; print uses PNG): each label takes its own direction.
SCREEN_CSS = """
.marsad-report figure svg text { unicode-bidi: plaintext; }
"""

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm; @bottom-center { content: counter(page); font-size: 9pt; color: #7a8895; } }
body { font-size: 10.5pt; }
html[lang="ar"] body { font-size: 12.5pt; }
.marsad-report { max-width: none; }
.marsad-report table { font-size: 9pt; }
"""


def _font_stack(lang: str) -> str:
    if lang == "ar":
        return '"Amiri", "Be Vietnam Pro", "Noto Sans Arabic", "Noto Sans", serif'
    return '"Be Vietnam Pro", "Noto Sans", "Amiri", "Noto Sans Arabic", sans-serif'


def _font_files() -> list[tuple[str, Path]]:
    """(family, file) of the fonts the fontpkg packages install, the print fonts first.

    In a PDF each glyph maps back to one piece of text, so a glyph shared between letters makes
    the PDF's text come out wrong. Noto Sans Arabic draws the dots as mark glyphs shared between
    letters, and the variable Noto Sans reuses its "i" inside "ị"; Amiri (Arabic) and Be Vietnam
    Pro (Vietnamese and English) give each letter form its own glyph, so they print, and the Noto
    families stay as fallbacks.
    """
    import fontpkg_noto_sans
    import fontpkg_noto_sans_arabic

    files: list[tuple[str, Path]] = []
    for module, family, names in (
        ("fontpkg_amiri", "Amiri", ("Amiri-Regular.ttf", "Amiri-Bold.ttf")),
        (
            "fontpkg_be_vietnam_pro",
            "Be Vietnam Pro",
            ("BeVietnamPro-Regular.ttf", "BeVietnamPro-SemiBold.ttf"),
        ),
    ):
        try:
            root = __import__(module).ROOT
        except ImportError:  # the PDF still renders, with the Noto fonts
            continue
        files.extend((family, root / "files" / name) for name in names if (root / "files" / name).exists())
    for family, root in (
        ("Noto Sans Arabic", fontpkg_noto_sans_arabic.ROOT),
        ("Noto Sans", fontpkg_noto_sans.ROOT),
    ):
        files.extend(
            (family, path) for path in sorted((root / "files").glob("*.ttf")) if "Italic" not in path.name
        )
    return files


def font_faces() -> str:
    """@font-face rules pointing at the font files by path (WeasyPrint reads them directly)."""
    rules = []
    for family, path in _font_files():
        weight = "bold" if "Bold" in path.name else "normal"
        rules.append(
            f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); font-weight: {weight}; }}'
        )
    return "\n".join(rules)


def _dir(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


def _numeric(text: str) -> bool:
    return (
        bool(text)
        and any(ch.isdigit() for ch in text)
        and not any(ch.isalpha() for ch in text.replace("٪", ""))
    )


def _table(t: Table) -> str:
    out = [f'<table class="{escape(t.key)}"><caption>{escape(t.caption)}</caption><thead><tr>']
    out.extend(f"<th>{escape(h)}</th>" for h in t.headers)
    out.append("</tr></thead><tbody>")
    for i, row in enumerate(t.rows):
        part = t.indent[i] if i < len(t.indent) else False
        out.append('<tr class="part">' if part else "<tr>")
        for j, cell in enumerate(row):
            cls = ' class="num"' if j > 0 and _numeric(cell) else ""
            out.append(f"<td{cls}>{escape(cell)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _figure(f: Figure, charts: str) -> str:
    if charts == "svg":
        body = to_svg(f.chart)
    else:
        data = base64.b64encode(to_png(f.chart)).decode("ascii")
        body = f'<img alt="{escape(f.chart.title)}" src="data:image/png;base64,{data}">'
    # Vega lays the chart out itself (anchors, mirroring for Arabic): the figure is LTR so an
    # RTL page does not flip its text anchors, and each label finds its own direction.
    return f'<figure class="chart" dir="ltr" data-chart="{escape(f.chart.key)}">{body}</figure>'


def render_fragment(layout: ReportLayout, charts: str | None = "svg") -> str:
    """The report's <article>, to embed in an app page."""
    lang = layout.lang
    out = [
        f'<article class="marsad-report" lang="{lang}" dir="{_dir(lang)}">',
        f"<h1>{escape(layout.title)}</h1>",
    ]
    for block in layout.blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level + 0}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Items):
            out.append("<ul>")
            for text, item_lang in zip(block.items, block.langs, strict=False):
                attrs = "" if item_lang == lang else f' lang="{item_lang}" dir="{_dir(item_lang)}"'
                out.append(f"<li{attrs}>{escape(text)}</li>")
            out.append("</ul>")
        elif isinstance(block, Table):
            out.append(_table(block))
        elif isinstance(block, Figure) and charts:
            out.append(_figure(block, charts))
    out.append(f"<footer>{escape(layout.footer)}</footer></article>")
    return "\n".join(out)


def report_css(lang: str) -> str:
    """The report's stylesheet, for a page that embeds :func:`render_fragment`."""
    return CSS % {"font": _font_stack(lang)} + SCREEN_CSS


def render_html(
    data: ReportData,
    lang: str,
    charts: str | None = "svg",
    for_print: bool = False,
    layout: ReportLayout | None = None,
) -> str:
    """A whole HTML document. ``charts``: "svg" (inline), "png" (embedded images) or None."""
    layout = layout or build_layout(data, lang, with_charts=charts is not None)
    # The fonts by file path: WeasyPrint and a browser opening the file locally both find them
    # (the app's pages get the same families from its own font stylesheet).
    css = font_faces() + "\n" + CSS % {"font": _font_stack(lang)}
    css += PRINT_CSS if for_print else SCREEN_CSS
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{_dir(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(layout.title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"{render_fragment(layout, charts)}\n</body>\n</html>\n"
    )
