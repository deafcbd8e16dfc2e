"""The report as one self-contained HTML page (the app shows it; the PDF is printed from it).

Plain string building with escaping: the page is a fixed shape and a template engine would add
a dependency without adding clarity.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
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
.marsad-report table.indicators td:nth-child(2) { white-space: nowrap; }  /* the unit: "billion VND" */
.marsad-report tr.part td:first-child { padding-inline-start: 1.4rem; color: #39495a; }
.marsad-report figure { margin: .6rem 0 1rem; break-inside: avoid; }
.marsad-report figure img, .marsad-report figure svg { max-width: 100%%; height: auto; }
.marsad-report ul { padding: 0; margin: .3rem 0 .8rem; list-style: none; }
.marsad-report li { position: relative; padding-inline-start: 1.1rem; margin-bottom: .2rem; }
.marsad-report li::before { content: "•"; position: absolute; inset-inline-start: .2rem; }
.marsad-report footer { color: #7a8895; font-size: .8rem; margin-top: 2rem; }
.marsad-report table.form, .marsad-report table.form td { border: 0; padding: 0; font-size: inherit; }
.marsad-report table.form { table-layout: fixed; margin: 0 0 1.2rem; }
.marsad-report table.form td { text-align: center; vertical-align: top; width: 50%%; }
.marsad-report .body-name, .marsad-report .motto { font-weight: 700; margin: 0; text-transform: none; }
.marsad-report .upper { margin: 0; }
.marsad-report .rule { width: 30%%; margin: .3rem 35%% .35rem; border-top: 1px solid #1d2733; }
/* Symmetric margins, not auto: WeasyPrint places an auto-centred block of a right-to-left cell
   off to the right (the Arabic letterhead's rules went past the page's edge). */
.marsad-report .place-date { font-style: italic; margin: 0; }
.marsad-report .kind { text-align: center; font-weight: 700; font-size: 1.2rem; margin: .8rem 0 0; }
.marsad-report h1 { text-align: center; font-size: 1.1rem; }
.marsad-report .as-of { text-align: center; font-style: italic; color: #39495a; margin: 0 0 1rem; }
.marsad-report h2.part { font-size: 1.02rem; border: 0; }
.marsad-report h3 { font-size: .98rem; margin: .9rem 0 .3rem; }
.marsad-report .details, .marsad-report .original { color: #39495a; }
.marsad-report table.form p { text-align: center; }
.marsad-report table.form.signature, .marsad-report table.form.signature tr { break-inside: avoid; }
.marsad-report table.form.signature td { text-align: start; }
.marsad-report table.form.signature td p { text-align: start; }
.marsad-report table.form.signature td.sign p { text-align: center; }
.marsad-report .recipients { font-size: .85rem; margin: 0; padding: 0; }
.marsad-report .recipients li { text-align: start; margin: 0; }
.marsad-report .recipients li::before { content: "-"; }
.marsad-report .signer { font-weight: 700; margin: 0; }
.marsad-report .signer-name { font-weight: 700; margin: 3.2rem 0 0; }
.marsad-report section.appendix { break-before: page; margin-top: 2rem; }
.marsad-report table { table-layout: auto; }
.marsad-report th { text-align: center; }
"""

# Screen only: a wide table scrolls in its frame; each label of an inline SVG chart takes its
# own direction (print draws the charts as PNG).
SCREEN_CSS = """
.marsad-report .table-frame { overflow-x: auto; }
.marsad-report figure svg text { unicode-bidi: plaintext; }
"""

PRINT_CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font-size: 11pt; } }
@page :first { @top-center { content: none; } }
body { font-size: 10.5pt; }
html[lang="ar"] body { font-size: 12.5pt; }
.marsad-report { max-width: none; }
.marsad-report table { font-size: 9pt; }
.marsad-report tr { break-inside: avoid; }  /* a row whose label wraps is not cut from its figures */
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


def font_faces(inline_text: str | None = None) -> str:
    """@font-face rules. ``inline_text`` given: each font is cut down to the characters of that
    text and written into the rule as data (a file that is sent keeps its fonts); else the rules
    point at the installed files by path (WeasyPrint reads and embeds them in the PDF)."""
    rules = []
    for family, path in _font_files():
        weight = "bold" if "Bold" in path.name else "normal"
        if inline_text is None:
            src = f'url("{path.as_uri()}")'
        elif family in ("Amiri", "Be Vietnam Pro"):
            src = f'url("data:font/woff2;base64,{_subset(path, inline_text)}") format("woff2")'
        else:
            continue  # the print families cover every letter of the three languages
        rules.append(f'@font-face {{ font-family: "{family}"; src: {src}; font-weight: {weight}; }}')
    return "\n".join(rules)


@lru_cache(maxsize=32)
def _subset(path: Path, text: str) -> str:
    """The font with only the glyphs ``text`` needs (and its shaping rules), as base64 WOFF2."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    font = subset.load_font(str(path), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(set(text + _ALWAYS))))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return base64.b64encode(out.getvalue()).decode("ascii")


_ALWAYS = "0123456789٠١٢٣٤٥٦٧٨٩٫٬٪%.,;:()-–/ \u00a0\u2068\u2069\u200f\u200e"


def _dir(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


def _numeric(text: str) -> bool:
    return (
        bool(text)
        and any(ch.isdigit() for ch in text)
        and not any(ch.isalpha() for ch in text.replace("٪", ""))
    )


def _table(t: Table) -> str:
    # In a frame of its own: on a narrow screen a wide table scrolls there, the page does not.
    out = [
        f'<div class="table-frame"><table class="{escape(t.key)}"><caption>{escape(t.caption)}</caption><thead><tr>'
    ]
    out.extend(f"<th>{escape(h)}</th>" for h in t.headers)
    out.append("</tr></thead><tbody>")
    for i, row in enumerate(t.rows):
        part = t.indent[i] if i < len(t.indent) else False
        out.append('<tr class="part">' if part else "<tr>")
        for j, cell in enumerate(row):
            numeric = t.numeric[j] if j < len(t.numeric) else (j > 0 and _numeric(cell))
            cls = ' class="num"' if numeric else ""
            out.append(f"<td{cls}>{escape(cell)}</td>")
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _item(item, layout: ReportLayout) -> str:
    """A listed item: its text, isolated and language-tagged when it is in another language
    than the report (and then marked as the original), then its details in the report's own."""
    notes = []
    if item.original:
        notes.append(
            f'<span class="original">{escape(layout.original_markers.get(item.lang, item.lang))}</span>'
        )
    if item.details:
        notes.append(f'<span class="details">{escape(item.details)}</span>')
    separator = "؛ " if layout.lang == "ar" else "; "
    tail = f" ({separator.join(notes)})" if notes else ""
    if item.original:
        text = f'<bdi lang="{item.lang}" dir="{_dir(item.lang)}">{escape(item.text)}</bdi>'
    else:
        text = escape(item.text)
    return f"<li>{text}{tail}</li>"


def _letterhead(layout: ReportLayout) -> str:
    h = layout.head
    if h is None:
        return f"<h1>{escape(layout.title)}</h1>"
    parent = f'<p class="upper">{escape(h.parent_body)}</p>' if h.parent_body else ""
    return (
        '<table class="form letterhead"><tr>'
        f'<td>{parent}<p class="body-name">{escape(h.issuing_body)}</p><div class="rule"></div>'
        f'<p class="number">{escape(h.number)}</p></td>'
        f'<td><p class="motto">{escape(h.motto[0])}</p><p class="motto">{escape(h.motto[1])}</p>'
        f'<div class="rule"></div><p class="place-date">{escape(h.place_date)}</p></td>'
        "</tr></table>"
        f'<p class="kind">{escape(h.kind)}</p><h1>{escape(h.title)}</h1>'
        f'<p class="as-of">{escape(h.as_of_note)}</p>'
    )


def _signature(layout: ReportLayout) -> str:
    sig = layout.signature
    if sig is None:
        return ""
    recipients = "".join(f"<li>{escape(r)}</li>" for r in sig.recipients)
    name = (
        f'<p class="signer-name">{escape(sig.name)}</p>' if sig.name else '<p class="signer-name">\u00a0</p>'
    )
    return (
        '<table class="form signature"><tr>'
        f'<td><p><b><i>{escape(sig.recipients_label)}</i></b></p><ul class="recipients">{recipients}</ul></td>'
        f'<td class="sign"><p class="signer">{escape(sig.authority)}</p><p class="signer">{escape(sig.title)}</p>'
        f"{name}</td></tr></table>"
    )


def _blocks(blocks, layout: ReportLayout, charts: str | None) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            cls = ' class="part"' if block.level == 2 else ""
            out.append(f"<h{block.level}{cls}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Items):
            out.append("<ul>" + "".join(_item(i, layout) for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            out.append(_table(block))
        elif isinstance(block, Figure) and charts:
            out.append(_figure(block, charts))
    return out


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
    out = [f'<article class="marsad-report" lang="{lang}" dir="{_dir(lang)}">', _letterhead(layout)]
    out.extend(_blocks(layout.blocks, layout, charts))
    out.append(_signature(layout))
    if layout.appendix:
        out.append('<section class="appendix">')
        out.extend(_blocks(layout.appendix, layout, charts))
        out.append("</section>")
    out.append("</article>")
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
    """A whole HTML document. ``charts``: "svg" (inline), "png" (embedded images) or None.

    The page stands alone: its fonts are inlined (cut down to the letters it uses) and its
    charts are inline SVG or PNG data, so a file that is mailed or archived looks the same. For
    print (WeasyPrint) the fonts are read from the installed files and embedded in the PDF.
    """
    layout = layout or build_layout(data, lang, with_charts=charts is not None)
    body = render_fragment(layout, charts)
    faces = font_faces() if for_print else font_faces(inline_text=_visible_text(body))
    css = faces + "\n" + CSS % {"font": _font_stack(lang)}
    # In print the root carries the font too: the page number's margin box inherits from it.
    css += PRINT_CSS + f"html {{ font-family: {_font_stack(lang)}; }}\n" if for_print else SCREEN_CSS
    author = escape(layout.author)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{_dir(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(layout.title)}</title>\n"
        f'<meta name="author" content="{author}">\n<meta name="generator" content="Marsad">\n'
        f"<style>{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _visible_text(html: str) -> str:
    """The characters of a page (tags and all: a few extra glyphs cost nothing)."""
    return "".join(sorted(set(html)))
