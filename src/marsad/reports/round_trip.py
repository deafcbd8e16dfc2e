"""Reading a report back: the figures it states, found again by the reader in its HTML, PDF or
Word file, with the right indicator, measure, period, value and area.

    check(data, lang, fmt) -> RoundTrip(stated, found, missing)

The file is rendered as it is sent, read for its text as ``marsad extract`` reads any file
(``marsad.documents.files``), and given to the reader with no hint of the area or the year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.core.narration import ReportData, fact_key, stated_facts

FORMATS = ("html", "pdf", "docx")


def _area_code(fact: Any) -> str | None:
    area = fact.get("area") if isinstance(fact, dict) else getattr(fact, "area", None)
    if area is None:
        return None
    return area.get("code") if isinstance(area, dict) else getattr(area, "code", None)


@dataclass
class RoundTrip:
    lang: str
    fmt: str
    stated: int
    found: int
    missing: list[tuple] = field(default_factory=list)
    wrong_area: list[tuple] = field(default_factory=list)

    @property
    def share(self) -> float:
        return 1.0 if not self.stated else self.found / self.stated


def text_of(content: bytes, fmt: str) -> str:
    from marsad.cli.extract import decode_text
    from marsad.documents.files import file_text

    return file_text(content, f"report.{fmt}", decode_text)


def check(
    data: ReportData, lang: str, fmt: str, charts: bool = False, content: bytes | None = None
) -> RoundTrip:
    """Render ``data`` in ``lang`` and ``fmt`` (or take ``content``), read it back, compare."""
    from marsad.core.extract import extract
    from marsad.reports.render import render_report

    if content is None:
        content = render_report(data, lang, fmt, charts=charts)
    facts = extract(text_of(content, fmt), lang=lang).facts
    by_key: dict[tuple, set] = {}
    for f in facts:
        by_key.setdefault(fact_key(f), set()).add(_area_code(f))
    stated = {fact_key(f) for f in stated_facts(data)}
    found, missing, wrong_area = 0, [], []
    for k in sorted(stated, key=str):
        areas = by_key.get(k)
        if areas is None:
            missing.append(k)
        elif data.area_code in areas:
            found += 1
        else:
            wrong_area.append((*k, sorted(a or "" for a in areas)))
    return RoundTrip(lang, fmt, len(stated), found, missing, wrong_area)
