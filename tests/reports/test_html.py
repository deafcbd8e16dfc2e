from __future__ import annotations

import re
from html.parser import HTMLParser

from marsad.core.narration import narrate
from marsad.reports.render.html import render_html


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.tags, self.li_attrs = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("li", "bdi"):
            self.li_attrs.append(dict(attrs))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Collect:
    c = _Collect()
    c.feed(html)
    return c


def test_arabic_page_is_rtl_and_holds_the_narration(seed_data):
    page = _parse(render_html(seed_data, "ar", charts=None))
    html_attrs = dict(page.tags[0][1])
    assert html_attrs == {"lang": "ar", "dir": "rtl"}
    text = "".join(page.text)
    for section in narrate(seed_data, "ar"):
        for p in section.paragraphs:
            assert p in text


def test_charts_are_inline_svg_with_arabic_labels(seed_data):
    html = render_html(seed_data, "ar", charts="svg")
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) >= 3  # shares, contributions, directives by status
    assert any("قطاع الخدمات" in s for s in svgs)


def test_untranslated_item_keeps_its_direction(seed_data):
    import dataclasses

    from marsad.core.narration import Text

    data = dataclasses.replace(seed_data, recommendations=(Text({"ar": "التحول الرقمي"}),))
    html = render_html(data, "en", charts=None)
    page = _parse(html)
    assert {"lang": "ar", "dir": "rtl"} in page.li_attrs
    # Isolated, and said to be the original: never an unmarked foreign paragraph.
    assert (
        '<li><bdi lang="ar" dir="rtl">التحول الرقمي</bdi> (<span class="original">original text in Arabic</span>)</li>'
        in html
    )
