"""Periods written in text ("الربع الأول", "quý I/2024", "first nine months") and the document year.

Each language lists its period patterns in ``<lang>/rules.py`` as :class:`PeriodRule` objects;
this module finds them and resolves them to :mod:`marsad.core.periods` codes once the year is
known (from the mention, the sentence, the document or ``--year``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import regex

from marsad.core import periods
from marsad.core.numbers import to_ascii_digits

# What a mention is doing in its sentence.
CURRENT = "current"  # "in Q1 2024": the period of the figures that follow
COMPARED = "compared"  # "than the same period of 2023": a comparison base, never a fact's period
BY = "by"  # "by 2025", "đến năm 2025": the horizon of a target


@dataclass(frozen=True, slots=True)
class PeriodMention:
    start: int
    end: int
    kind: str  # "year", "quarter", "half", "ytd", "month"
    n: int | None  # quarter/half/month number, or months for ytd
    year: int | None
    role: str = CURRENT
    relative: int | None = None  # 0: this year, -1: last year (when the year is not written)

    def resolve(self, year: int | None) -> str | None:
        y = self.year
        if y is None and self.relative is not None and year is not None:
            y = year + self.relative
        if y is None:
            y = year
        if y is None:
            return None
        try:
            if self.kind == "year":
                return periods.year(y).code
            if self.kind == "quarter":
                return periods.quarter(y, self.n).code
            if self.kind == "half":
                return periods.half(y, self.n).code
            if self.kind == "ytd":
                return periods.year_to_date(y, self.n).code
            if self.kind == "month":
                return periods.month(y, self.n).code
        except (periods.PeriodError, TypeError):
            return None
        return None


Builder = Callable[[regex.Match], tuple[str, int | None]]


@dataclass(frozen=True)
class PeriodRule:
    """A pattern and what it means: ``build(match) -> (kind, n)``.

    The pattern may capture ``year`` (written year) and ``rel`` (text naming this/last year).
    """

    pattern: regex.Pattern
    build: Builder


def _year_of(m: regex.Match) -> int | None:
    try:
        y = m.group("year")
    except IndexError:
        return None
    if not y:
        return None
    y = int(to_ascii_digits(y))
    return y if 1900 <= y <= 2100 else None


def _written_year(m: regex.Match) -> bool:
    try:
        return bool(m.group("year"))
    except IndexError:
        return False


def find_periods(
    text: str,
    rules: list[PeriodRule],
    compared_cue: regex.Pattern,
    by_cue: regex.Pattern,
    this_year: regex.Pattern,
    last_year: regex.Pattern,
) -> list[PeriodMention]:
    """Every period mention, left to right, longest first where two overlap."""
    found: list[PeriodMention] = []
    for rule in rules:
        for m in rule.pattern.finditer(text):
            kind, n = rule.build(m)
            if kind is None:
                continue
            year = _year_of(m)
            if year is None and _written_year(m):
                continue  # "الاستثمار العام 5020 مليار": "public" + a number, not a year
            relative = None
            tail = text[m.end() : m.end() + 30]
            if year is None:
                if this_year.match(tail):
                    relative = 0
                elif last_year.match(tail):
                    relative = -1
            head = text[max(0, m.start() - 40) : m.start()]
            role = CURRENT
            if compared_cue.search(head):
                role = COMPARED
            elif by_cue.search(head):
                role = BY
            if relative == -1:
                role = COMPARED
            found.append(PeriodMention(m.start(), m.end(), kind, n, year, role, relative))
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[PeriodMention] = []
    for p in found:
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept


_YEAR = regex.compile(r"(?<![\d/.,])((?:19|20)\d\d)(?![\d])")
_URL_MONTH = regex.compile(r"/((?:19|20)\d\d)(?:0[1-9]|1[0-2])/")
_RANGE = regex.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d")
_DATE_HEADER = regex.compile(r"^\s*date\s+((?:19|20)\d\d)-\d\d", regex.M)


def infer_year(text: str, mentions: list[PeriodMention]) -> int | None:
    """The reporting year: a ``date YYYY-MM`` header, else the years of period mentions
    (comparison bases count little), else the most frequent year written."""
    ascii_text = to_ascii_digits(text[:200000])
    votes: Counter[int] = Counter()
    header = _DATE_HEADER.search(ascii_text[:2000])
    if header:
        # The publication date: a January report is often about the year before.
        votes[int(header.group(1))] += 2
    for p in mentions:
        if p.year is not None and p.role != COMPARED:
            votes[p.year] += 3 if p.role == CURRENT else 1
    ranges = {m.start() for m in _RANGE.finditer(ascii_text)} | {
        m.end() - 4 for m in _RANGE.finditer(ascii_text)
    }
    for m in _URL_MONTH.finditer(ascii_text[:1000]):
        votes[int(m.group(1))] += 1
    compared = [(p.start, p.end) for p in mentions if p.role == COMPARED]
    for m in _YEAR.finditer(ascii_text):
        if m.start() in ranges or any(a <= m.start() < b for a, b in compared):
            continue
        votes[int(m.group(1))] += 1
    if not votes:
        return None
    best = max(votes.values())
    tied = {y for y, v in votes.items() if v == best}
    for p in mentions:  # a tie goes to the year the text talks about first
        if p.year in tied and p.role == CURRENT:
            return p.year
    return max(tied)
