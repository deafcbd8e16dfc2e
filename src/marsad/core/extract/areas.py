"""The area dimension: places named in the text, found by the gazetteer (the one place-finder).

Names in every language and spelling come from :mod:`marsad.core.gazetteer` (its data file
holds the Arabic transliterations the press uses); the page's address is read there too
(:meth:`~marsad.core.gazetteer.Gazetteer.find_in_url`). The language's rules add what is not a
name: words for the whole country (kind ``nation``: "cả nước", "nationwide") and words that
point back at the province the text is about (kind ``province_ref``: "toàn tỉnh", "the
province's", "المقاطعة"), and other countries and the world (kind ``foreign``: a figure of
Thailand or of the world economy is no figure of Vietnam's), and a unit inside the province
(kind ``subunit``: "huyện X", "منطقة X", an industrial park: its figures are parts of the
province's). A name at the head of a line followed by a dash, or by a date and the agency's
bracket, is a dateline ("HANOI —", "هانوي 6 يناير 2025 (شينخوا)"), where and when the story was
filed, not what a figure is about: its mention (kind ``dateline``) names no area.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from marsad.core import periods
from marsad.core.gazetteer import AreaRecord, load_gazetteer

from .grammar import Grammar
from .model import AreaRef
from .text import Spans

__all__ = [
    "NATION",
    "DATELINE",
    "AreaMention",
    "find_areas",
    "lookup_area",
    "area_in_time",
    "areas_in_url",
    "district_in_url",
]

NATION = AreaRef("VN", "Vietnam")
NAME, COUNTRY, PROVINCE_REF, FOREIGN, SUBUNIT = "name", "nation", "province_ref", "foreign", "subunit"
DATELINE = "dateline"
# After a place at the head of a line: "— ", "(TTXVN) — ", or a date with the agency's bracket or a
# dash ("هانوي 6 يناير 2025 (شينخوا)", "HANOI, Jan 6 (Xinhua) --"): where and when it was filed.
_DATE_WRITTEN = r"(?:\d{1,2}\s+[^\W\d_]{3,12}\.?|[^\W\d_]{3,9}\.?\s+\d{1,2})(?:\s*[,،]?\s*(?:19|20)\d\d)?"
_DATELINE = re.compile(
    r"\s*(?:\([^)]{0,20}\)\s*)?[—–-]{1,2}\s"
    rf"|\s*[,،]?\s*{_DATE_WRITTEN}\s*(?:\([^)]{{0,20}}\)(?:\s*[—–-]{{1,2}}\s)?|[—–-]{{1,2}}\s)"
)


@dataclass(frozen=True, slots=True)
class AreaMention:
    start: int
    end: int
    area: AreaRef | None  # None for a word pointing back at the text's province
    kind: str = NAME
    rule: str = "gazetteer"


def _ref(rec: AreaRecord) -> AreaRef:
    return NATION if rec.level == "nation" else AreaRef(rec.code, rec.name_en)


def find_areas(text: str, g: Grammar) -> list[AreaMention]:
    """Every area mention of ``text``, left to right (no two overlap)."""
    out = []
    for m in load_gazetteer().search(text):
        line_start = text.rfind("\n", 0, m.start) + 1
        dateline = _DATELINE.match(text, m.end) if not text[line_start : m.start].strip() else None
        if dateline is not None:  # "HÀ NỘI — ...": where the story was filed, no area of its figures
            out.append(AreaMention(m.start, dateline.end(), None, DATELINE, "dateline"))
            continue
        out.append(AreaMention(m.start, m.end, _ref(m.record)))
    taken = Spans((a.start, a.end) for a in out)
    extra = []
    for match in g.find(text, COUNTRY, PROVINCE_REF, FOREIGN, SUBUNIT):
        if taken.overlaps(match.start, match.end):
            continue
        area = NATION if match.kind == COUNTRY else None
        extra.append(AreaMention(match.start, match.end, area, match.kind, match.name))
    if extra:
        out = sorted(out + extra, key=lambda a: (a.start, a.start - a.end))  # the longest first
        kept: list[AreaMention] = []
        for a in out:
            if kept and a.start < kept[-1].end:
                continue
            kept.append(a)
        out = kept
    return out


def areas_in_url(url: str | None) -> tuple[list[AreaRef], list[AreaRef]]:
    """(areas in the address's path, provinces in its host name), each without repeats."""
    if not url:
        return [], []
    in_path, in_host = load_gazetteer().find_in_url(url)
    return _unique(map(_ref, in_path)), _unique(map(_ref, in_host))


def district_in_url(url: str | None) -> AreaRef | None:
    """A district of the old map that the address names with its unit word ("huyen-tuan-giao"):
    the place of a story about that district (the gazetteer keeps them beside the provinces)."""
    rec = load_gazetteer().district_in_url(url) if url else None
    return AreaRef(rec.code, rec.name_en) if rec is not None else None


def _unique(refs) -> list[AreaRef]:
    out: list[AreaRef] = []
    for r in refs:
        if r.name not in {o.name for o in out}:
            out.append(r)
    return out


def lookup_area(name: str | None) -> AreaRef | None:
    """An area from a name or code in any language (the ``--area`` hint)."""
    name = (name or "").strip()
    if not name:
        return None
    rec = load_gazetteer().find(name)
    return _ref(rec) if rec is not None else None


@lru_cache(maxsize=1)
def _same_place() -> dict[str, list[AreaRecord]]:
    """Provinces by name, English and Vietnamese: the units that were one place under one name
    before and after the 2025 merger (old and new Bắc Ninh; Thua Thien Hue and Hue)."""
    table: dict[str, list[AreaRecord]] = {}
    for rec in load_gazetteer().provinces(include_closed=True):
        for key in {rec.name_en, rec.name_vi, rec.code}:
            table.setdefault(key, []).append(rec)
    return table


@lru_cache(maxsize=4096)
def area_in_time(area: AreaRef | None, period: str | None) -> AreaRef | None:
    """The province of that name as it was during ``period``: a 2023 figure for "Bac Ninh" is
    the pre-merger province (VN-OLD-27), a 2025-9M figure the merged one (VN-24)."""
    if area is None or not period or area == NATION:
        return area
    try:
        end: date = periods.parse(period).end
    except periods.PeriodError:
        return area
    table = _same_place()
    candidates = list(table.get(area.name or "", []))
    own = load_gazetteer().get(area.code or "")
    if own is not None:
        candidates += table.get(own.name_vi, [])
    for rec in candidates:
        if rec.valid_on(end):
            return AreaRef(rec.code, rec.name_en)
    return area
