"""The rendered reports looked at as a reader sees them, in Arabic, Vietnamese and English:
nothing runs off the page or the screen, and text in another language than the report's is
tagged with its language, isolated and marked as the original — never an unmarked foreign line.

- HTML: in Chromium (Playwright), at the width of an A4 page and of a phone (marked ``browser``).
- PDF: the pages drawn by ``pdftoppm`` (no ink in the page's side strips, where only a text or a
  rule that overflowed its margin can be) and read by ``pdftotext`` (every word inside the page,
  every paragraph holding another script marked as the original).
- DOCX: the same PDF checks on LibreOffice's rendering of it, when ``soffice`` is installed.

The data are the shipped samples (Ninh Thuan 2024Q1, Bac Ninh 2025-9M), with recommendations
added that have no translation, one in each language, so every report prints originals.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from marsad.core.narration import LANGS, Text, language
from marsad.reports.render import render_report
from marsad.reports.render.layout import build_layout
from marsad.reports.sources import sample_report_data

SAMPLES = (("Ninh Thuan", "2024Q1"), ("Bac Ninh", "2025-9M"))
UNTRANSLATED = (
    Text({"ar": "الإسراع في صرف رأس المال الاستثماري العام للمشاريع الرئيسية"}),
    Text({"vi": "Đẩy nhanh tiến độ giải ngân vốn đầu tư công các dự án trọng điểm"}),
    Text({"en": "Speed up the disbursement of public investment for the key projects"}),
)
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# A Vietnamese or English word in an Arabic report (acronyms such as GRDP or BC-UBND excepted).
LATIN_WORD = re.compile(
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]*[a-z\u00e0-\u024f\u1ea1-\u1ef9][A-Za-z\u00c0-\u1eff]*"
)
MM = 72 / 25.4  # PDF points per millimetre


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda s: s[0].replace(" ", "_"))
def data(request):
    sample = sample_report_data(*request.param)
    return dataclasses.replace(sample, recommendations=tuple(sample.recommendations) + UNTRANSLATED)


def _markers(lang: str) -> dict[str, str]:
    """The note after an untranslated item, by the item's language ("original text in Arabic")."""
    L = language(lang)
    return {other: L.original_marker(other) for other in LANGS if other != lang}


# -- HTML in Chromium ------------------------------------------------------------------------------

LOOK = r"""
(lang) => {
  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const LATIN_WORD = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]*[a-z\u00E0-\u024F\u1EA1-\u1EF9][A-Za-z\u00C0-\u1EFF]*/g;
  const out = {scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth,
               outside: [], untagged: [], unisolated: []};
  const isolating = (e) => e.tagName === "BDI" || e.hasAttribute("dir")
    || ["isolate", "plaintext", "isolate-override"].includes(getComputedStyle(e).unicodeBidi);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.nodeValue.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, " ");
    if (!el || !text.trim() || el.closest("script, style, svg, title")) continue;
    const foreign = lang === "ar" ? (text.match(LATIN_WORD) || []).join(" ") : (ARABIC.test(text) ? text.trim() : "");
    if (!foreign) continue;
    const where = foreign.slice(0, 50) + "  <-  " + (el.closest("p, li, td, th, h1, h2, h3, caption") || el).textContent.trim().slice(0, 80);
    // Its own language said by the nearest lang attribute, and an isolate between it and there.
    const tagged = el.closest("[lang]");
    if (!tagged || tagged.getAttribute("lang") === lang) { out.untagged.push(where); continue; }
    let iso = false;
    for (let e = el; e; e = e.parentElement) { if (isolating(e)) { iso = true; break; } if (e === tagged) break; }
    if (!iso) out.unisolated.push(where);
  }
  // Whatever reaches past the screen's edge, outside a frame that scrolls on its own.
  for (const e of document.body.querySelectorAll("*")) {
    const r = e.getBoundingClientRect();
    if (!r.width || e.closest(".table-frame")) continue;
    if (r.right > window.innerWidth + 1 || r.left < -1) out.outside.push(e.tagName.toLowerCase() + "." + e.className + " " + Math.round(r.left) + ".." + Math.round(r.right));
  }
  return out;
}
"""

WIDTHS = {"A4": 794, "phone": 390}


@pytest.fixture(scope="module")
def libreoffice_profile(tmp_path_factory):
    """A LibreOffice profile of this run's own: a LibreOffice already running with the default
    one (another test run beside this one, as CI runs SQLite and PostgreSQL at once) would take
    the conversion over, or refuse it. Made once: a new profile costs LibreOffice a first start."""
    return tmp_path_factory.mktemp("libreoffice-profile")


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    assert shutil.which("chromium"), "chromium is missing (make test installs it)"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_html_report_fits_the_screen_and_isolates_foreign_text(chromium, data, lang):
    html = render_report(data, lang, "html").decode("utf-8")
    problems = []
    for name, width in WIDTHS.items():
        page = chromium.new_page(viewport={"width": width, "height": 1000})
        try:
            page.set_content(html)
            page.evaluate("document.fonts.ready")
            seen = page.evaluate(LOOK, lang)
        finally:
            page.close()
        if seen["scrollWidth"] > width + 1:
            problems.append(f"{name}: the page scrolls sideways ({seen['scrollWidth']} > {width})")
        problems += [f"{name}: past the edge: {w}" for w in seen["outside"][:5]]
        if name == "A4":
            problems += [f"foreign text without its language: {w}" for w in seen["untagged"][:5]]
            problems += [f"foreign text not isolated: {w}" for w in seen["unisolated"][:5]]
    assert not problems, "\n".join(problems)


# -- PDF (and DOCX through LibreOffice) ------------------------------------------------------------


def _words_drawn_over_each_other(page: str) -> list[str]:
    """Words of one line of a ``pdftotext -bbox`` page whose boxes overlap (a list item's dash
    drawn over an Arabic lam-alef was one). Invisible isolates and marks have boxes too: skipped."""
    words = [
        (float(x0), float(y0), float(x1), float(y1), word)
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)', page
        )
        if any(unicodedata.category(ch) != "Cf" for ch in word)
    ]
    found = []
    for i, (x0, y0, x1, y1, word) in enumerate(words):
        for u0, v0, u1, v1, other in words[i + 1 :]:
            same_line = min(y1, v1) - max(y0, v0) > 0.5 * (y1 - y0)
            if same_line and min(x1, u1) - max(x0, u0) > 1.0:
                found.append(f"{word!r} drawn over {other!r}")
    return found


def _pdf_problems(
    pdf: Path, lang: str, tmp_path: Path, signature=None, side_mm: float = 8, markers: bool = True
) -> list[str]:
    """What overflows the pages of ``pdf``, prints foreign text unmarked (unless ``markers`` is
    false) or splits ``signature`` (the layout's signature block) over two pages."""
    from marsad.documents.files import logical_order, pdf_text

    problems = []
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for page_no, page in enumerate(re.findall(r"<page (.*?)</page>", bbox, re.S), 1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        problems += [f"page {page_no}: {problem}" for problem in _words_drawn_over_each_other(page)]
        for x0, x1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)', page
        ):
            if float(x0) < side_mm * MM or float(x1) > width - side_mm * MM:
                problems.append(
                    f"page {page_no}: {word!r} past the margin ({float(x0):.0f}..{float(x1):.0f} of {width:.0f})"
                )
    # The pages as drawn: the side strips hold no ink (a rule or a table run past the margin).
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "50", "-gray", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages, f"pdftoppm drew no page of {pdf}"
    for png in pages:
        img = Image.open(png).convert("L")
        strip = round(side_mm / 25.4 * 50)
        for box in ((0, 0, strip, img.height), (img.width - strip, 0, img.width, img.height)):
            darkest = img.crop(box).getextrema()[0]
            if darkest < 200:
                problems.append(f"{png.name}: ink in the side strip {box} (darkest {darkest})")
    # Every paragraph in another script is marked as the original.
    text = pdf_text(pdf.read_bytes())
    wanted, markers = markers, _markers(lang).values()
    for para in text.split("\n") if wanted else ():
        foreign = [w for w in LATIN_WORD.findall(para)] if lang == "ar" else ARABIC.findall(para)
        if lang == "ar":  # the markers' own words and Latin acronyms are not foreign text
            foreign = [w for w in foreign if not w.isupper()]
        if foreign and not any(m in para for m in markers):
            problems.append(f"foreign text not marked as the original: {para[:120]!r}")
    # The signature block stays on one page: the authority ("ON BEHALF OF THE PEOPLE'S
    # COMMITTEE") on the page of the signer's title ("CHAIRMAN").
    if signature is not None:
        raw = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True
        ).stdout
        pages = [" ".join(logical_order(page).split()) for page in raw.split("\f")]
        on = [i + 1 for i, page in enumerate(pages) if signature.authority in page]
        title = re.compile(rf"(?<!\w){re.escape(signature.title)}(?!\w)")  # not in "الرئيسية"
        if not on or not title.search(pages[on[-1] - 1]):
            problems.append(
                f"the signature block is split: {signature.authority!r} on page {on}, not with {signature.title!r}"
            )
    # No page is blank but for its number (the signature's signing space run onto a page alone).
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
    for page_no, page in enumerate(raw.split("\f")[:-1], 1):
        if not re.sub(r"[\d\u0660-\u0669\s]", "", page):
            problems.append(f"page {page_no} is blank but for its number")
    found = sum(text.count(m) for m in markers)
    if wanted and found < len(UNTRANSLATED) - 1:  # one of the three is in the report's own language
        problems.append(f"{found} originals marked, {len(UNTRANSLATED) - 1} expected")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_pages_keep_to_their_margins_and_mark_foreign_text(data, lang, tmp_path):
    if not (shutil.which("pdftotext") and shutil.which("pdftoppm")):
        pytest.fail("pdftotext and pdftoppm are missing (poppler-utils; make test installs them)")
    pdf = tmp_path / f"report-{lang}.pdf"
    pdf.write_bytes(render_report(data, lang, "pdf"))
    problems = _pdf_problems(pdf, lang, tmp_path, build_layout(data, lang).signature)
    assert not problems, "\n".join(problems[:12])


@pytest.mark.parametrize("lang", LANGS)
def test_docx_through_libreoffice_keeps_to_its_margins(data, lang, tmp_path, libreoffice_profile):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the Word file is not drawn")
    docx = tmp_path / f"report-{lang}.docx"
    docx.write_bytes(render_report(data, lang, "docx"))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={libreoffice_profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # LibreOffice's Arabic PDF text comes back with each lam-alef ligature in drawn order
    # ("الأصلي" as "األصلي") and an embedded English line's words reversed, so its text cannot
    # show the markers; the Word file's own text is checked for them in test_docx, and the
    # pages were looked at (the marker is drawn, the English line runs left to right).
    problems = _pdf_problems(
        docx.with_suffix(".pdf"),
        lang,
        tmp_path,
        build_layout(data, lang).signature,
        side_mm=5,
        markers=lang != "ar",
    )
    assert not problems, "\n".join(problems[:12])
