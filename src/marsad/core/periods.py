"""Reporting periods: years, halves, quarters, months and year-to-date spans.

Codes, as written everywhere in Marsad (files, API, database):

    2024      the year
    2024S1    a half (S1, S2)
    2024Q1    a quarter (Q1..Q4)
    202403    a month
    2025-9M   the first 9 months of 2025 (year to date)

Year-to-date spans that coincide with another kind have one spelling only: 3M is Q1, 6M is S1,
12M is the year and 1M is January, so ``parse("2025-6M")`` gives ``2025S1``.

Every period is a contiguous run of months inside one calendar year; that is what makes the
arithmetic below (same period last year, what remains of the year, quarters covered) simple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache, total_ordering

__all__ = [
    "Kind",
    "Period",
    "PeriodError",
    "parse",
    "year",
    "half",
    "quarter",
    "month",
    "year_to_date",
    "span",
]


class PeriodError(ValueError):
    """A period code or construction that does not name a period."""


class Kind(StrEnum):
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    YTD = "ytd"


MIN_YEAR, MAX_YEAR = 1900, 2999

_CODE = re.compile(
    r"^(?P<y>\d{4})(?:"
    r"(?P<half>S[12])|(?P<quarter>Q[1-4])|(?P<month>0[1-9]|1[0-2])|-(?P<ytd>[1-9]|1[0-2])M"
    r")?$"
)


@total_ordering
@dataclass(frozen=True, slots=True)
class Period:
    """A contiguous run of months ``first..last`` (1-12) of one calendar year.

    Build periods with :func:`parse` or the constructors below, which keep one canonical
    spelling per span; the dataclass itself only checks the months.
    """

    year: int
    first: int
    last: int

    def __post_init__(self) -> None:
        if not (MIN_YEAR <= self.year <= MAX_YEAR):
            raise PeriodError(f"year {self.year} is outside {MIN_YEAR}-{MAX_YEAR}")
        if not (1 <= self.first <= self.last <= 12):
            raise PeriodError(f"months {self.first}-{self.last} do not form a period")
        if self.kind is None:
            raise PeriodError(f"months {self.first}-{self.last} of {self.year} have no period code")

    # -- what kind of period -------------------------------------------------------------
    @property
    def kind(self) -> Kind | None:
        n = self.length
        if n == 12:
            return Kind.YEAR
        if n == 1:
            return Kind.MONTH
        if n == 3 and self.first % 3 == 1:
            return Kind.QUARTER
        if n == 6 and self.first in (1, 7):
            return Kind.HALF
        if self.first == 1:
            return Kind.YTD
        return None

    @property
    def length(self) -> int:
        """Number of months covered."""
        return self.last - self.first + 1

    @property
    def code(self) -> str:
        kind = self.kind
        if kind is Kind.YEAR:
            return f"{self.year}"
        if kind is Kind.HALF:
            return f"{self.year}S{1 if self.first == 1 else 2}"
        if kind is Kind.QUARTER:
            return f"{self.year}Q{(self.first - 1) // 3 + 1}"
        if kind is Kind.MONTH:
            return f"{self.year}{self.first:02d}"
        return f"{self.year}-{self.last}M"

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        return f"Period({self.code!r})"

    # Chronological by end month, then the longer span first (2024 before 2024Q4).
    def _key(self) -> tuple[int, int]:
        return (self.year * 12 + self.last, self.year * 12 + self.first)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() < other._key()

    # -- calendar --------------------------------------------------------------------------
    @property
    def start(self) -> date:
        return date(self.year, self.first, 1)

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.last == 12:
            return date(self.year, 12, 31)
        return date.fromordinal(date(self.year, self.last + 1, 1).toordinal() - 1)

    @property
    def months(self) -> tuple[Period, ...]:
        return tuple(Period(self.year, m, m) for m in range(self.first, self.last + 1))

    @property
    def quarters(self) -> tuple[Period, ...]:
        """The whole quarters inside this period (none for a single month)."""
        return tuple(
            Period(self.year, q, q + 2) for q in (1, 4, 7, 10) if self.first <= q and q + 2 <= self.last
        )

    @property
    def is_year_to_date(self) -> bool:
        """True when the period runs from January (the year, S1, Q1, January, n months)."""
        return self.first == 1

    @property
    def quarter_aligned(self) -> bool:
        return self.first % 3 == 1 and self.last % 3 == 0

    def contains(self, other: Period) -> bool:
        return self.year == other.year and self.first <= other.first and other.last <= self.last

    def __contains__(self, other: Period) -> bool:
        return self.contains(other)

    # -- arithmetic ------------------------------------------------------------------------
    def shift_years(self, years: int) -> Period:
        return Period(self.year + years, self.first, self.last)

    def same_period_last_year(self) -> Period:
        return self.shift_years(-1)

    def previous(self) -> Period:
        """The period of the same length just before (Q1 -> previous year's Q4).

        Year-to-date spans have no predecessor of the same kind inside the year, so for them
        this is the same span of the previous year.
        """
        if self.kind is Kind.YTD:
            return self.same_period_last_year()
        n = self.length
        if self.first - n >= 1:
            return Period(self.year, self.first - n, self.last - n)
        return Period(self.year - 1, self.first - n + 12, self.last - n + 12)

    def year_period(self) -> Period:
        return Period(self.year, 1, 12)

    def to_date_span(self) -> Period:
        """From January to the end of this period (Q3 -> 9 months; S2 -> the year)."""
        return Period(self.year, 1, self.last)

    def remaining_months(self) -> int:
        return 12 - self.last

    def remainder_of_year(self) -> tuple[Period, ...]:
        """What is left of the year after this period, in the largest clean pieces.

        Leftover months up to a quarter boundary come first, then whole quarters:
        after 2025-8M -> (202509, 2025Q4); after 2025-9M -> (2025Q4,); after the year -> ().
        """
        pieces: list[Period] = []
        m = self.last + 1
        while m <= 12 and (m - 1) % 3 != 0:
            pieces.append(Period(self.year, m, m))
            m += 1
        while m <= 12:
            pieces.append(Period(self.year, m, m + 2))
            m += 3
        return tuple(pieces)


# -- constructors ---------------------------------------------------------------------------
def year(y: int) -> Period:
    return Period(y, 1, 12)


def half(y: int, h: int) -> Period:
    if h not in (1, 2):
        raise PeriodError(f"half {h} is not 1 or 2")
    return Period(y, 6 * h - 5, 6 * h)


def quarter(y: int, q: int) -> Period:
    if not 1 <= q <= 4:
        raise PeriodError(f"quarter {q} is not 1-4")
    return Period(y, 3 * q - 2, 3 * q)


def month(y: int, m: int) -> Period:
    if not 1 <= m <= 12:
        raise PeriodError(f"month {m} is not 1-12")
    return Period(y, m, m)


def year_to_date(y: int, months: int) -> Period:
    """The first ``months`` months of year ``y`` (6 -> S1, 9 -> 2025-9M)."""
    if not 1 <= months <= 12:
        raise PeriodError(f"{months} months is not 1-12")
    return Period(y, 1, months)


def span(first: Period, last: Period) -> Period:
    """The run of months from the start of ``first`` to the end of ``last`` (same year)."""
    if first.year != last.year:
        raise PeriodError(f"{first} and {last} are in different years")
    return Period(first.year, first.first, last.last)


def next_period(p: Period | str) -> Period:
    """The period a review's tasks are for: the next piece of the year after ``p``.

    After 2025-9M or 2025Q3 -> 2025Q4; after 2025-8M -> 202509 (the month up to the quarter
    boundary, see :meth:`Period.remainder_of_year`); after the year -> Q1 of the next year.
    """
    p = parse(p)
    rest = p.remainder_of_year()
    return rest[0] if rest else quarter(p.year + 1, 1)


@lru_cache(maxsize=64)
def periods_of_year(y: int) -> tuple[Period, ...]:
    """Every period a code can name within year ``y``: the year, halves, quarters, months and
    year-to-date spans (what a query for "this year and last year" lists)."""
    out = []
    for first in range(1, 13):
        for last in range(first, 13):
            try:
                out.append(Period(y, first, last))
            except PeriodError:
                continue
    return tuple(out)


def parse(code: str | Period) -> Period:
    """Read a period code; raise :class:`PeriodError` naming what is wrong."""
    if isinstance(code, Period):
        return code
    if not isinstance(code, str):
        raise PeriodError(f"a period code is text, not {type(code).__name__}")
    return _parse_text(code)


@lru_cache(maxsize=4096)
def _parse_text(code: str) -> Period:
    # Periods are immutable and a dashboard parses the same few codes thousands of times.
    text = code.strip().upper()
    m = _CODE.match(text)
    if not m:
        raise PeriodError(f"{code!r} is not a period (expected 2024, 2024S1, 2024Q1, 202403 or 2025-9M)")
    y = int(m["y"])
    if m["half"]:
        return half(y, int(m["half"][1]))
    if m["quarter"]:
        return quarter(y, int(m["quarter"][1]))
    if m["month"]:
        return month(y, int(m["month"]))
    if m["ytd"]:
        return year_to_date(y, int(m["ytd"]))
    return year(y)


def is_valid(code: str) -> bool:
    try:
        parse(code)
    except PeriodError:
        return False
    return True
