"""The period dimension: periods written in text and what they are doing there.

Each language's rules of kind ``period`` are regular expressions with a production
``match -> (kind, n)``: ``("quarter", 3)``, ``("ytd", 9)`` (the first nine months, year to date),
``("half", 1)``, ``("month", 10)``, ``("year", None)`` (``("year", WHOLE)`` when the text says
the whole year: "cả năm", "12 tháng", "the full year"), ``("multi", None)`` (a span of several
years, "2016-2020": no period code, a figure over it is a multi-year average), ``("holiday",
None)`` (a festival week: no period code). A pattern may capture ``year`` (the written year).

What a mention is doing comes from the words just around it (rules of kinds ``compared``,
``horizon``, ``constant_prices``, ``this_year``, ``last_year``, ``next_year``, ``filler``): a
comparison base ("so với cùng kỳ năm 2022"), a horizon ("by 2030"), the base year of constant
prices ("giá so sánh 2010") — none of them the period of a figure — or the period itself. A
language that writes the base year on one side of its constant-prices words only says so with
the kinds ``constant_prices_before`` (the year follows: "giá so sánh 2010", so "năm 2023 theo
giá so sánh" is the figure's year) and ``constant_prices_after`` (the year precedes: "2010
constant prices", so "constant prices in 2023" is the figure's year).
Codes come from :mod:`marsad.core.periods` once the year is known.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.core import periods
from marsad.core.numbers import to_ascii_digits

from .grammar import Grammar

__all__ = [
    "PeriodMention",
    "find_periods",
    "infer_year",
    "url_periods",
    "span",
    "CURRENT",
    "WHOLE",
    "COMPARED",
    "HORIZON",
    "BASE",
    "PLAN",
]

CURRENT = "current"  # "in Q1 2024": the period of the figures around it
COMPARED = "compared"  # "than the same period of 2023": a comparison base, never a figure's period
HORIZON = "horizon"  # "by 2025", "đến năm 2030": the horizon of a target
BASE = "base"  # "giá so sánh 2010": the base year of constant prices
PLAN = "plan"  # "dự toán năm 2023", "of the 2023 target": the year of the plan a share is of
CODABLE = ("year", "half", "quarter", "ytd", "month")
WHOLE = 12  # the ``n`` of a year the text says is whole ("cả năm", "the full year")


@dataclass(frozen=True, slots=True)
class PeriodMention:
    start: int
    end: int
    kind: str  # year half quarter ytd month | multi holiday same date
    n: int | None  # quarter/half/month number, or months for ytd
    year: int | None  # written year
    role: str = CURRENT
    relative: int | None = None  # 0 this year, -1 last year, 1 next year (when no year is written)
    rule: str = ""
    role_rule: str | None = None  # the rule that gave the role or the relative year

    @property
    def codable(self) -> bool:
        return self.kind in CODABLE

    def year_in(self, doc_year: int | None) -> int | None:
        if self.year is not None:
            return self.year
        if self.relative is not None and doc_year is not None:
            return doc_year + self.relative
        return doc_year

    def resolve(self, doc_year: int | None) -> str | None:
        """The period code, with ``doc_year`` for a mention that writes no year."""
        y = self.year_in(doc_year)
        if y is None or not self.codable:
            return None
        return _code(self.kind, y, self.n)


@lru_cache(maxsize=4096)
def _code(kind: str, y: int, n: int | None) -> str | None:
    """The code of a period (of :meth:`PeriodMention.resolve`), made once: a document asks for
    the same few many times (every figure's period)."""
    try:
        if kind == "year":
            return periods.year(y).code
        if kind == "quarter":
            return periods.quarter(y, n).code
        if kind == "half":
            return periods.half(y, n).code
        if kind == "ytd":
            return periods.year_to_date(y, n).code
        if kind == "month":
            return periods.month(y, n).code
    except (periods.PeriodError, TypeError, ValueError):
        return None
    return None


class span:
    """Productions shared by the languages' period rules: (kind, n) or None."""

    @staticmethod
    def months(n: int | None, late: bool = False) -> tuple[str, int | None] | None:
        """ "9 tháng", "the first nine months": the year to date; 12 months is the year; "the
        last six months" the second half."""
        if n is None or not 1 <= n <= 12:
            return None
        if late:
            return ("half", 2) if n == 6 else None
        return ("year", WHOLE) if n == 12 else ("ytd", n)

    @staticmethod
    def as_of_month(n: int | None) -> tuple[str, int | None] | None:
        """ "đến 30/6", "by the end of July": the year to that month."""
        if n is None or not 1 <= n <= 12:
            return None
        return ("year", WHOLE) if n == 12 else ("ytd", n)

    @staticmethod
    def as_of_quarter(q: int | None) -> tuple[str, int | None] | None:
        """ "by the end of the third quarter": the first nine months."""
        if q is None or not 1 <= q <= 4:
            return None
        return ("year", WHOLE) if q == 4 else ("ytd", 3 * q)

    @staticmethod
    def month(n: int | None) -> tuple[str, int | None] | None:
        return ("month", n) if n is not None and 1 <= n <= 12 else None

    @staticmethod
    def years(first: str, last: str) -> tuple[str, None] | None:
        """ "2016-2020", "2021–25": several years (no period code); "2022-05" is a date."""
        a, b = int(first), int(last)
        if b < 100:
            b += (a // 100) * 100
        return ("multi", None) if a < b <= a + 30 else None


def _year_of(m: re.Match) -> tuple[bool, int | None]:
    """(a year group was written, its value when it is a plausible year)."""
    try:
        y = m.group("year")
    except IndexError:
        return False, None
    if not y:
        return False, None
    value = int(to_ascii_digits(y))
    if value < 100:
        value += 2000
    return True, value if 1900 <= value <= 2100 else None


class _Roles:
    def __init__(self, g: Grammar) -> None:
        self.g = g
        self.before = g.phrases(
            "compared",
            "compared_adjacent",
            "horizon",
            "constant_prices",
            "constant_prices_before",
            "plan_base",
        )
        self.after = g.phrases(
            "this_year", "last_year", "next_year", "constant_prices", "constant_prices_after"
        )
        filler, _ = g.word_table("filler")
        # Between a comparison word and its period: filler words, or at most three other words
        # ("compared to the implementation in 2019").
        # A bracket opens an aside: "so với cùng kỳ (cùng kỳ tăng 1,39%)" compares nothing inside.
        self.filler = re.compile(rf"(?:\s|,|(?:{filler})(?!\w))*$", re.I)
        self.loose = re.compile(
            rf"(?:(?:\s|,|(?:{filler})(?!\w))*|\s*(?:[^\W\d]+[\s,]+){{0,3}}(?:{filler})?\s*)$", re.I
        )
        self.plan_after = g.phrases("plan_base")


_ROLES: dict[int, _Roles] = {}


def find_periods(text: str, g: Grammar) -> list[PeriodMention]:
    """Every period mention of ``text`` (ASCII digits), left to right, the longest where two overlap."""
    roles = _ROLES.get(id(g))
    if roles is None:
        roles = _ROLES[id(g)] = _Roles(g)
    found: list[tuple[int, int, str, int | None, int | None, str]] = []
    for rule, m in g.scan("period", text):
        built = rule.prod(m)
        if not built or built[0] is None:
            continue
        kind, n = built[0], built[1]
        relative_written = built[2] if len(built) > 2 else None
        if relative_written is None and "this" in m.re.groupindex and m.group("this"):
            relative_written = 0  # "الأشهر التسعة الأولى من هذا العام"
        written, year = _year_of(m)
        if written and year is None:
            continue  # "الاستثمار العام 5020 مليار": a number, not a year
        found.append((m.start(), m.end(), kind, n, year, rule.name, relative_written))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[PeriodMention] = []
    last_end = -1
    for start, end, kind, n, year, name, rel in found:
        if start < last_end:
            continue
        if kept and rel is not None and year is None and start - kept[-1].end <= 6 and kept[-1].year is None:
            # "9 tháng đầu năm nay", "the first nine months of this year": one mention.
            kept[-1] = replace(kept[-1], end=end, relative=rel, role_rule=name)
            last_end = end
            continue
        last_end = end
        role, relative, role_rule = _role(text, start, end, year, roles, kind)
        if rel is not None:
            relative = rel
        if kind == "same" and year is None and relative is None:
            relative = -1
        kept.append(PeriodMention(start, end, kind, n, year, role, relative, name, role_rule))
    return kept


def _role(
    text: str, start: int, end: int, year: int | None, roles: _Roles, kind_of: str
) -> tuple[str, int | None, str | None]:
    relative = None
    role = CURRENT
    rule_name = None
    after_pos = _skip_space(text, end)
    own = after_pos + 2 if text[after_pos : after_pos + 2] in ("’s", "'s") else after_pos
    plan = roles.plan_after.match(text, _skip_space(text, own), min(len(text), end + 30))
    if plan is not None and kind_of == "year":
        return PLAN, None, plan[2][0].name  # "this year's target", "the 2023 plan"
    hit = roles.after.match(text, after_pos, min(len(text), end + 40))
    if hit is not None:
        kinds = {r.kind for r in hit[2]}
        if kinds & {"constant_prices", "constant_prices_after"}:
            return BASE, None, next(r.name for r in hit[2] if r.kind.startswith("constant_prices"))
        if year is None:
            relative = (
                0
                if "this_year" in kinds
                else -1
                if "last_year" in kinds
                else 1
                if "next_year" in kinds
                else None
            )
            if relative is not None:
                rule_name = next(r.name for r in hit[2] if r.kind in ("this_year", "last_year", "next_year"))
    window_start = max(0, start - 60)
    last = before_last = None
    for s, e, rules in roles.before.finditer(text, window_start, start):
        before_last, last = last, (s, e, rules)
    kinds = [r.kind for r in last[2]] if last is not None else []
    if (
        "plan_base" in kinds
        and before_last is not None
        and any(r.kind == "compared" for r in before_last[2])
        and roles.loose.match(text, before_last[1], last[0])
        and roles.filler.match(text, last[1], start)
    ):
        # "up 10% compared with the estimate for 2017": the plan compared with is the base.
        return COMPARED, relative, next(r.name for r in before_last[2] if r.kind == "compared")
    gap = roles.loose if kinds == ["compared"] else roles.filler  # "compared to the implementation in 2019"
    # "... exceeds plan\nIn 2023, ...": a word ending the headline does not qualify the next line's period
    if last is not None and gap.match(text, last[1], start) and "\n" not in text[last[1] : start]:
        kind = "plan_base" if "plan_base" in kinds else kinds[0]
        role = {"compared": COMPARED, "compared_adjacent": COMPARED, "horizon": HORIZON, "constant_prices": BASE,
                "constant_prices_before": BASE,
                "plan_base": PLAN}[kind]  # fmt: skip
        rule_name = next(r.name for r in last[2] if r.kind == kind)
        if role in (HORIZON, PLAN) and kind_of != "year":
            role, rule_name = CURRENT, None  # "đến quý III", "by the end of July": an as-of
    return role, relative, rule_name


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t,":
        pos += 1
    return pos


def between(mentions: list[PeriodMention], starts: list[int], lo: int, hi: int) -> list[PeriodMention]:
    """Mentions starting in ``[lo, hi)`` (``starts`` is their sorted starts), in log time."""
    return mentions[bisect_left(starts, lo) : bisect_left(starts, hi)]


# A year not inside a number or date: ``(?<![\d/.,])((?:19|20)\d\d)(?!\d)``, its look-behind after
# the first digit so that the scan skips to the 1s and 2s.
_YEAR = re.compile(r"((?:1(?<![\d/.,]1)9|2(?<![\d/.,]2)0)\d\d)(?![\d])")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)(?:0[1-9]|1[0-2])/|/((?:19|20)\d\d)/(?:0[1-9]|1[0-2])/")
_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d")
_DATE_HEADER = re.compile(r"^\s*date\s+((?:19|20)\d\d)-\d\d", re.M)
_FULL_DATE = re.compile(r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d\d)(?!\d)")


def infer_year(
    text: str, mentions: list[PeriodMention], aims: list[int] | None = None, norm: str | None = None
) -> int | None:
    """The reporting year: a ``date YYYY-MM`` header, the years of period mentions (comparison
    bases and horizons count little), a year-month in the address, then the most written year.
    ``norm`` is ``text`` with ASCII digits when the caller has it."""
    limit = 200000
    ascii_text = norm if norm is not None and len(text) <= limit else to_ascii_digits(text[:limit])
    votes: Counter[int] = Counter()
    header = _DATE_HEADER.search(ascii_text[:2000])
    if header:
        votes[int(header.group(1))] += 2  # the publication date: a January report is about the year before
    aims = sorted(aims or [])
    for p in mentions:
        # the year a target is for: a target word at most 100 characters before (looked up by
        # bisection, not by a pass over every target word of the document per mention)
        i = bisect_left(aims, p.start - 100)
        aimed = i < len(aims) and aims[i] <= p.start
        if p.year is not None and p.role in (CURRENT,) and p.codable and not aimed:
            votes[p.year] += 3
        elif p.year is not None and p.role == HORIZON and p.kind == "year" and not aimed:
            votes[p.year] += 1
        elif p.year is not None and p.role == PLAN:
            votes[p.year] += 2  # "56.6% of the 2024 estimate": the plan of the year reported on
        elif p.year is not None and p.role == COMPARED:
            votes[p.year + 1] += 1  # "so với cùng kỳ năm 2022" is said in 2023
    ranges = {m.start() for m in _RANGE.finditer(ascii_text)} | {
        m.end() - 4 for m in _RANGE.finditer(ascii_text)
    }
    for m in _URL_MONTH.finditer(ascii_text[:1000]):
        votes[int(m.group(1) or m.group(2))] += 1
    skip = [(p.start, p.end) for p in mentions if p.role in (COMPARED, BASE, HORIZON, PLAN) or not p.codable]
    starts = [a for a, _ in skip]
    for m in _YEAR.finditer(ascii_text):
        if m.start() in ranges:
            continue
        i = bisect_left(starts, m.start() + 1) - 1
        if i >= 0 and skip[i][0] <= m.start() < skip[i][1]:
            continue
        votes[int(m.group(1))] += 1
    if not votes:
        # Nothing but a date ("تاريخ النشر: 02/07/2024", "Ngày 15/3/2024"): its year.
        dates = _FULL_DATE.findall(ascii_text)
        return max(int(y) for y in dates) if dates else None
    best = max(votes.values())
    tied = {y for y, v in votes.items() if v == best}
    for p in mentions:  # a tie goes to the year the text talks about first
        if p.year in tied and p.role == CURRENT:
            return p.year
    return max(tied)


# -- periods in a page's address -------------------------------------------------------------------
# News sites in Vietnam write their slugs in unaccented Vietnamese (also for their Arabic and
# English pages) or in English: "6-thang-dau-nam-2023", "quy-i-2025", "first-quarter", "in-h1".
_SLUG_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_SLUG_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11}  # fmt: skip
_SLUG_RULES: list[tuple[re.Pattern, object]] = [
    (re.compile(r"(?<![a-z0-9])(\d{1,2})-thang(?:-dau-nam)?(?:-(?:nam-)?((?:19|20)\d\d))?(?![a-z0-9])"),
     lambda m: (span.months(int(m.group(1))), m.group(2))),
    (re.compile(r"(?<![a-z0-9])quy-(iv|iii|ii|i|[1-4])(?:-(?:nam-)?((?:19|20)\d\d))?(?![a-z0-9])"),
     lambda m: (("quarter", _SLUG_ROMAN[m.group(1)]), m.group(2))),
    (re.compile(r"(?<![a-z0-9])nua-dau-nam(?:-((?:19|20)\d\d))?"), lambda m: (("half", 1), m.group(1))),
    (re.compile(r"(?<![a-z0-9])(first|second|third|fourth)-quarter(?:-(?:of-)?((?:19|20)\d\d))?"),
     lambda m: (("quarter", ["first", "second", "third", "fourth"].index(m.group(1)) + 1), m.group(2))),
    (re.compile(r"(?<![a-z0-9])(?:in-)?h([12])(?![a-z0-9])(?:-((?:19|20)\d\d))?"),
     lambda m: (("half", int(m.group(1))), m.group(2))),
    (re.compile(r"(?<![a-z0-9])(?:first-)?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)-months?(?![a-z])"),
     lambda m: (span.months(_SLUG_WORDS.get(m.group(1)) or int(m.group(1)) if m.group(1).isdigit() or m.group(1) in _SLUG_WORDS else None), None)),
]  # fmt: skip


def url_periods(url: str | None) -> list[tuple[str, int | None, int | None]]:
    """(kind, n, year) of the periods a page's address names."""
    if not url:
        return []
    path = url.lower().split("://", 1)[-1]
    path = path.split("/", 1)[1] if "/" in path else ""
    out = []
    for pattern, build in _SLUG_RULES:
        for m in pattern.finditer(path):
            made, year = build(m)
            if made and made[0]:
                out.append((made[0], made[1], int(year) if year else None))
    return out
