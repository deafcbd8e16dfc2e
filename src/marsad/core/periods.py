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

import regex

from marsad.core.languages import DEFAULT, LANGS, RTL, isolate, translator

__all__ = [
    "Kind",
    "Period",
    "PeriodError",
    "CODE_PATTERN",
    "parse",
    "year",
    "half",
    "quarter",
    "month",
    "year_to_date",
    "span",
    "words",
    "examples",
    "find",
    "PeriodPhrase",
    "error_message",
]


class PeriodError(ValueError):
    """A period code or construction that does not name a period.

    When it comes from reading text (:func:`parse`), ``text`` is what was read and the message
    is :func:`error_message`'s in English; a page, a form or an import shows
    ``error_message(exc.text, lang)`` in its reader's language instead.
    """

    def __init__(self, message: str, text: str | None = None):
        super().__init__(message)
        self.text = text

    def in_language(self, lang: str | None) -> str:
        """The message in ``lang``: :func:`error_message` for text that was read, else as raised."""
        return str(self) if self.text is None else error_message(self.text, lang)


class Kind(StrEnum):
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    YTD = "ytd"


MIN_YEAR, MAX_YEAR = 1900, 2999

# The codes above with a year in MIN_YEAR..MAX_YEAR, as a pattern Python and JSON Schema (the
# API's OpenAPI document) read alike: what the API takes wherever a period is asked for.
CODE_PATTERN = r"^(?:19[0-9]{2}|2[0-9]{3})(?:S[12]|Q[1-4]|0[1-9]|1[0-2]|-(?:[1-9]|1[0-2])M)?$"

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
    """Read a period: a code (``2025-9M``) or the words of any of the three languages
    (``9 tháng đầu năm 2025``, «الأشهر التسعة الأولى من عام 2025», ``first 9 months of 2025``);
    raise :class:`PeriodError` naming what is wrong."""
    if isinstance(code, Period):
        return code
    if not isinstance(code, str):
        raise PeriodError(f"a period code is text, not {type(code).__name__}")
    try:
        return _parse_text(code)
    except PeriodError as exc:
        if exc.text is not None:
            raise
        raise PeriodError(error_message(code, "en"), text=code) from None  # e.g. 1800Q1


@lru_cache(maxsize=4096)
def _parse_text(code: str) -> Period:
    # Periods are immutable and a dashboard parses the same few codes thousands of times.
    text = code.strip().upper()
    m = _CODE.match(text)
    if not m:
        return _parse_words(code)  # words in ar/vi/en, or a code as shown reversed in RTL text
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


# == Periods in words, both ways ===========================================================
# Every page, report and CLI table shows a period in its reader's language; every period input
# (forms, filters, the CLI, the reader's timeframes) reads those words back, as well as the codes.
#
#   words(parse("2025Q3"), "vi")              -> "quý III/2025"
#   words(parse("2025-9M"), "ar")             -> "الأشهر التسعة الأولى من عام 2025"
#   words(parse("2025-9M"), "en", short=True) -> "9M 2025"
#   parse("9 tháng đầu năm 2025"), parse("الربع الثالث 2025"), parse("Q3 2025"), parse("9M-2025")
#   find("… trong 9 tháng đầu năm, …")        -> [PeriodPhrase(start, end, kind=YTD, n=9, year=None)]
#
# Reading normalises first (case, Eastern digits, Arabic letter variants and vowel marks, bidi
# controls, dashes), one character for one so that find() keeps offsets into the caller's text.

_ROMAN = ("I", "II", "III", "IV")
_EN_MONTHS = ("January February March April May June July August September October November December").split()
_AR_MONTHS = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()
_AR_ORDINAL = ("الأول", "الثاني", "الثالث", "الرابع")
# "the first n months": the number word agrees with أشهر (masculine plural: the feminine form).
_AR_FIRST_MONTHS = {
    2: "الشهران الأولان",
    3: "الأشهر الثلاثة الأولى",
    4: "الأشهر الأربعة الأولى",
    5: "الأشهر الخمسة الأولى",
    6: "الأشهر الستة الأولى",
    7: "الأشهر السبعة الأولى",
    8: "الأشهر الثمانية الأولى",
    9: "الأشهر التسعة الأولى",
    10: "الأشهر العشرة الأولى",
    11: "الأشهر الأحد عشر الأولى",
}
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def words(period: str | Period, lang: str, *, short: bool = False, eastern_digits: bool = False) -> str:
    """``period`` as a reader of ``lang`` writes it; ``short`` for table cells and axes.

    ``eastern_digits`` writes the Arabic text's digits as ٠-٩ (the user's preference).
    """
    p = parse(period)
    if lang not in LANGS:
        raise PeriodError(f"no words for periods in {lang!r}: use one of {', '.join(LANGS)}")
    text = _WORDS[lang](p, short)
    return text.translate(_EASTERN) if eastern_digits and lang == "ar" else text


def _words_en(p: Period, short: bool) -> str:
    y, kind = p.year, p.kind
    if kind is Kind.YEAR:
        return f"{y}"
    if kind is Kind.HALF:
        h = 1 if p.first == 1 else 2
        return f"H{h} {y}" if short else f"{('first', 'second')[h - 1]} half of {y}"
    if kind is Kind.QUARTER:
        return f"Q{(p.first + 2) // 3} {y}"
    if kind is Kind.MONTH:
        name = _EN_MONTHS[p.first - 1]
        return f"{name[:3]} {y}" if short else f"{name} {y}"
    return f"{p.last}M {y}" if short else f"first {p.last} months of {y}"


def _words_vi(p: Period, short: bool) -> str:
    y, kind = p.year, p.kind
    if kind is Kind.YEAR:
        return f"{y}" if short else f"năm {y}"
    if kind is Kind.HALF:
        if p.first == 1:
            return f"6 tháng/{y}" if short else f"6 tháng đầu năm {y}"
        return f"6 tháng cuối/{y}" if short else f"6 tháng cuối năm {y}"
    if kind is Kind.QUARTER:
        return f"quý {_ROMAN[(p.first - 1) // 3]}/{y}"
    if kind is Kind.MONTH:
        return f"T{p.first}/{y}" if short else f"tháng {p.first}/{y}"
    return f"{p.last} tháng/{y}" if short else f"{p.last} tháng đầu năm {y}"


def _words_ar(p: Period, short: bool) -> str:
    y, kind = p.year, p.kind
    of_year = f" {y}" if short else f" من عام {y}"
    if kind is Kind.YEAR:
        return f"{y}" if short else f"عام {y}"
    if kind is Kind.HALF:
        return f"النصف {_AR_ORDINAL[0 if p.first == 1 else 1]}{of_year}"
    if kind is Kind.QUARTER:
        return f"الربع {_AR_ORDINAL[(p.first - 1) // 3]}{of_year}"
    if kind is Kind.MONTH:
        return f"{_AR_MONTHS[p.first - 1]} {y}"
    if short:
        count = {2: "شهران", 11: "11 شهرًا"}.get(p.last, f"{p.last} أشهر")
        return f"{count} {y}"
    return f"{_AR_FIRST_MONTHS[p.last]}{of_year}"


_WORDS = {"en": _words_en, "vi": _words_vi, "ar": _words_ar}


def examples(lang: str) -> tuple[str, ...]:
    """A few ways to write a period in ``lang``, for help texts and error messages."""
    sample = ("2025Q3", "2025-9M", "2025")
    return tuple(words(code, lang) for code in sample) + (sample[0],)


# -- reading ---------------------------------------------------------------------------------
_DROP = frozenset(
    [chr(c) for c in range(0x064B, 0x0653)]  # Arabic vowel marks (tanwin, shadda, sukun)
    + ["\u0640", "\u0670"]  # tatweel, dagger alef
    + list("\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def _normal_char(c: str) -> str:
    """Case, digits, Arabic letter variants, dashes and spaces, one character for one."""
    if "\u0660" <= c <= "\u0669":
        return chr(ord(c) - 0x0660 + 48)
    if "\u06f0" <= c <= "\u06f9":
        return chr(ord(c) - 0x06F0 + 48)
    if c in "أإآٱ":
        return "ا"
    if c == "ى":
        return "ي"
    if c == "ة":
        return "ه"
    if c in "\u2010\u2011\u2012\u2013\u2014\u2212":
        return "-"
    if c in "\u00a0\u202f\u2009«»\"'“”":
        return " "
    low = c.lower()
    return low if len(low) == 1 else c


def _normal_map(text: str) -> tuple[str, list[int]]:
    """The text as the patterns read it, and where each of its characters was in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        if c in _DROP:
            continue
        out.append(_normal_char(c))
        where.append(i)
    where.append(len(text))
    return "".join(out), where


def _normal(text: str) -> str:
    return _normal_map(text)[0]


def _alts(words_: dict[str, int]) -> str:
    return "|".join(sorted(map(regex.escape, map(_normal, words_)), key=len, reverse=True))


_N_EN = {
    w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)
}
_ORD_EN = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
}
_MONTHS_EN = (
    {m.lower(): i for i, m in enumerate(_EN_MONTHS, 1)}
    | {m[:3].lower(): i for i, m in enumerate(_EN_MONTHS, 1)}
    | {"sept": 9}
)
_ROMAN_VI = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTHS_AR = {m: i for i, m in enumerate(_AR_MONTHS, 1)} | {
    # Levantine and Iraqi names, and common spellings
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "إبريل": 4, "ابريل": 4, "يونيه": 6, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "جانفي": 1, "فيفري": 2,
    "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
}  # fmt: skip
_ORD_AR = {w: i for i, w in enumerate(_AR_ORDINAL, 1)} | {"الأخير": 4}
_N_AR = {"الثلاثة": 3, "الأربعة": 4, "الخمسة": 5, "الستة": 6, "السبعة": 7, "الثمانية": 8, "التسعة": 9,
         "العشرة": 10, "الأحد عشر": 11, "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7,
         "ثمانية": 8, "تسعة": 9, "عشرة": 10, "أحد عشر": 11}  # fmt: skip


def _number(word: str, table: dict[str, int]) -> int:
    if word.isdigit():
        return int(word)
    normal = {_normal(k): v for k, v in table.items()}
    return normal[word]


_S = r"[\s,،]*"  # spaces (and the commas people put before the year)
_Y = r"(?P<y>(?:19|2\d)\d\d)(?!\d)"
_YO = rf"(?:{_S}{_Y})?"  # the year, optional in running text
_OF_EN = r"(?:\s+of(?:\s+the\s+year)?)?"
_OF_VI = r"(?:\s*(?:/|-|năm|của\s+năm)\s*)"
_OF_AR = r"(?:\s+من)?(?:\s+(?:عام|العام|سنه|السنه))?"
_AR_YEAR_WORD = r"(?:عام|العام|سنه|السنه)"
# The article and the clitics written onto it: الربع، بالربع، وفي «للربع» (لـ + الربع).
_AR_THE = r"(?<!\w)(?:[وف]?(?:[بك]?ال|لل))?"

# (kind, pattern) per form; a pattern names its number n_*: q (quarter), h (half), m (month),
# n (months from January). Patterns are matched on normalised text.
_P = _normal
_PHRASES: list[tuple[Kind, str]] = [
    # -- codes, also as shown reversed in right-to-left text ("9M-2025") --
    (Kind.QUARTER, rf"(?<![\w])q(?P<q>[1-4]){_S}[-/]?{_S}{_Y}|{_Y}{_S}[-/]?{_S}q(?P<q>[1-4])(?!\w)"),
    (Kind.HALF, rf"(?<![\w])[hs](?P<h>[12]){_S}[-/]?{_S}{_Y}|{_Y}{_S}[-/]?{_S}[hs](?P<h>[12])(?!\w)"),
    (
        Kind.YTD,
        rf"(?<![\w])(?P<n>1[0-2]|[1-9]){_S}m{_S}[-/]?{_S}{_Y}|{_Y}{_S}-{_S}(?P<n>1[0-2]|[1-9])m(?!\w)",
    ),
    (
        Kind.MONTH,
        rf"(?<![\d/.-]){_Y}-?(?P<m>0[1-9]|1[0-2])(?![\d/.-])|(?<![\d/.])(?P<m>0?[1-9]|1[0-2]){_S}/{_S}{_Y}",
    ),
    # -- English --
    (Kind.QUARTER, rf"(?<!\w)(?:the\s+)?(?P<qw>{_alts(_ORD_EN)})\s+quarter{_OF_EN}{_YO}"),
    (Kind.HALF, rf"(?<!\w)(?:the\s+)?(?P<hw>first|second|1st|2nd)\s+half{_OF_EN}{_YO}"),
    (
        Kind.YTD,
        rf"(?<!\w)(?:the\s+)?(?:first\s+)?(?P<nw>{_alts(_N_EN)}|1[0-2]|[1-9])\s+months{_OF_EN}{_YO}",
    ),
    (Kind.MONTH, rf"(?<!\w)(?P<mw>{_alts(_MONTHS_EN)})\.?(?:\s+of)?{_S}{_Y}"),
    (Kind.YEAR, rf"(?<!\w)(?:the\s+)?(?:(?:whole|full|fiscal)\s+)?(?:year|fy){_S}{_Y}"),
    # -- Vietnamese --
    (Kind.QUARTER, rf"(?<!\w)(?:qu[yýí]|q\.?)\s*(?P<qw>iv|iii|ii|i|[1-4])(?!\w)(?:{_OF_VI}{_Y})?"),
    (Kind.HALF, rf"(?<!\w)(?:6|sáu)\s+tháng\s+(?P<hw>đầu|cuối)(?:\s+năm)?(?:(?:{_OF_VI}|\s+){_Y})?"),
    (Kind.HALF, rf"(?<!\w)nửa\s+(?P<hw>đầu|cuối)\s+năm(?:(?:{_OF_VI}|\s+){_Y})?"),
    (
        Kind.YTD,
        rf"(?<!\w)(?P<n>1[0-2]|[1-9])\s+tháng(?:\s+(?:đầu\s+năm|đầu|năm))?(?:(?:{_OF_VI}|\s+){_Y})?(?!\s*(?:cuối|/\d|\d))",
    ),
    (Kind.MONTH, rf"(?<!\w)(?:tháng|thg|t)\.?\s*(?P<m>1[0-2]|0?[1-9])(?:{_OF_VI}{_Y})(?!\d)"),
    (Kind.YEAR, rf"(?<!\w)(?:cả\s+)?năm\s+{_Y}"),
    # -- Arabic --
    (Kind.QUARTER, rf"{_AR_THE}ربع\s+(?P<qw>{_alts(_ORD_AR)}|[1-4])(?!\w){_OF_AR}{_YO}"),
    (Kind.HALF, rf"{_AR_THE}نصف\s+(?P<hw>{_P('الأول')}|{_P('الثاني')}){_OF_AR}{_YO}"),
    (
        Kind.YTD,
        rf"{_AR_THE}(?:اشهر\s+(?P<nw>{_alts(_N_AR)})\s+(?:ال)?اولي"
        rf"|(?P<nw>{_alts(_N_AR)})\s+(?:ال)?اشهر\s+(?:ال)?اولي"
        rf"|(?P<n>1[0-2]|[1-9])\s+(?:اشهر|شهرا|شهر)(?:\s+(?:ال)?اولي)?"
        rf"|(?P<two>(?:ال)?شهر(?:ان|ين)(?:\s+(?:ال)?اول(?:ان|ين))?))(?!\w){_OF_AR}{_YO}",
    ),
    (Kind.MONTH, rf"(?<!\w)(?:شهر\s+)?(?P<mw>{_alts(_MONTHS_AR)})(?!\w){_OF_AR}{_S}{_Y}"),
    (Kind.YEAR, rf"(?<!\w){_AR_YEAR_WORD}\s+{_Y}"),
    # -- a year alone --
    (Kind.YEAR, rf"(?<![\w/.-]){_Y}(?![\w/.-])"),
]
_COMPILED = [(kind, regex.compile(p)) for kind, p in _PHRASES]


@dataclass(frozen=True, slots=True)
class PeriodPhrase:
    """A period written in text: where it is, what it names, and its year if written."""

    start: int
    end: int
    kind: Kind
    n: int | None  # quarter, half or month number; months from January for YTD
    year: int | None

    def period(self, year: int | None = None) -> Period:
        """The period named, in the written year or else ``year``."""
        y = self.year if self.year is not None else year
        if y is None:
            raise PeriodError("the period's year is not written and not known")
        if self.kind is Kind.YEAR:
            return globals()["year"](y)
        if self.kind is Kind.HALF:
            return half(y, self.n)
        if self.kind is Kind.QUARTER:
            return quarter(y, self.n)
        if self.kind is Kind.MONTH:
            return month(y, self.n)
        return year_to_date(y, self.n)


def _group(m: regex.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _phrase(kind: Kind, m: regex.Match) -> PeriodPhrase | None:
    y = _group(m, "y")
    n: int | None = None
    if kind is Kind.QUARTER:
        word = _group(m, "q") or _group(m, "qw")
        n = _ROMAN_VI.get(word) or {**{_normal(k): v for k, v in _ORD_AR.items()}, **_ORD_EN}.get(word)
        if n is None and word and word.isdigit():
            n = int(word)
    elif kind is Kind.HALF:
        word = _group(m, "h") or _group(m, "hw")
        n = {"1": 1, "2": 2, "first": 1, "1st": 1, "second": 2, "2nd": 2, "đầu": 1, "cuối": 2}.get(word)
        n = n or {_normal("الأول"): 1, _normal("الثاني"): 2}.get(word)
    elif kind is Kind.MONTH:
        word = _group(m, "m") or _group(m, "mw")
        n = (
            int(word)
            if word.isdigit()
            else {**_MONTHS_EN, **{_normal(k): v for k, v in _MONTHS_AR.items()}}.get(word)
        )
    elif kind is Kind.YTD:
        if _group(m, "two"):
            n = 2
        else:
            word = _group(m, "n") or _group(m, "nw")
            n = (
                int(word)
                if word.isdigit()
                else {**_N_EN, **{_normal(k): v for k, v in _N_AR.items()}}.get(word)
            )
    if kind is not Kind.YEAR and n is None:
        return None
    if kind is Kind.YTD and n in (3, 6, 12, 1):  # one spelling per span: Q1, S1, the year, January
        kind, n = {3: (Kind.QUARTER, 1), 6: (Kind.HALF, 1), 12: (Kind.YEAR, None), 1: (Kind.MONTH, 1)}[n]
    return PeriodPhrase(m.start(), m.end(), kind, n, int(y) if y else None)


def find(text: str) -> list[PeriodPhrase]:
    """Every period written in ``text`` (any of the three languages or a code), left to right.

    Where two readings overlap the longer wins ("quý III/2025" over "2025"). The year may be
    missing ("9 tháng đầu năm", «الربع الأول»): the caller knows it from the context.
    """
    normal, where = _normal_map(text)
    found = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(normal):
            phrase = _phrase(kind, m)
            if phrase is not None:
                start, end = where[m.start()], where[m.end() - 1] + 1
                found.append(PeriodPhrase(start, end, phrase.kind, phrase.n, phrase.year))
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[PeriodPhrase] = []
    for p in found:
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept


def _parse_words(text: str) -> Period:
    """A whole input in words or a code variant: ``quý III/2025``, «الربع الثالث 2025», ``9M-2025``."""
    normal = " ".join(_normal(text).split()).strip(" .")
    for kind, pattern in _COMPILED:
        m = pattern.fullmatch(normal)
        if m is None:
            continue
        phrase = _phrase(kind, m)
        if phrase is not None and phrase.year is not None:
            return phrase.period()
    raise PeriodError(error_message(text, "en"), text=text)


def error_message(text: object, lang: str | None) -> str:
    """The one sentence for text that is not a period, in ``lang`` (forms, pages, the API,
    imports and the command line all say this), with examples in that language's words.

    What was typed and the examples are isolated, so right-to-left text cannot reorder them.
    """
    lang = (lang or DEFAULT)[:2]
    lang = lang if lang in LANGS else "en"
    separator = "، " if lang in RTL else ", "
    return translator(lang).gettext("“%(text)s” is not a period: write for example %(examples)s.") % {
        "text": isolate(text),
        "examples": separator.join(isolate(e) for e in examples(lang)),
    }
