"""Numbers as Arabic, Vietnamese and English reports write them: reading and formatting.

Reading (:func:`find_numbers`, :func:`parse_number`)
    Western and Eastern Arabic digits (``٠-٩``, also Persian ``۰-۹``), the Arabic decimal and
    thousands marks ``٫`` ``٬``, the Arabic comma ``،`` used as a thousands mark between digits
    (``12،984``), ``%`` and ``٪``. Separators follow the language: Vietnamese writes
    ``29.232,75`` and ``1,710 tỷ USD`` (1.71); English and Arabic write ``5,800`` and ``8.26``.
    A scale word after the number (ألف مليون مليار تريليون كوادريليون; nghìn ngàn triệu tỷ tỉ;
    thousand million billion trillion) and a currency (دونج, đồng/VND, USD/دولار/$) make the
    unit; the value stays as written ("1.78 كوادريليون دونج" is 1.78 "quadrillion VND").

Units (one fixed vocabulary, see :data:`UNITS`): ``"%"``, ``"pp"`` (percentage points), money as
``"<scale> <currency>"`` (``"billion VND"``, ``"million USD"``, ``"VND"``), or an English count
noun with an optional scale (``"projects"``, ``"million visitors"``).

Every match keeps character offsets into the text it was given; the reading never changes the
length of the text (digit translation is one character for one), so offsets are the caller's.

Formatting (:func:`format_number`, :func:`format_percent`)
    ar ``5,800`` and ``8.26٪`` (optionally Eastern digits ``٥,٨٠٠``); vi ``5.800`` and
    ``8,26%``; en ``5,800`` and ``8.26%``. Half-up rounding, at most two decimals by default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import cache

import regex

from marsad.core.languages import LANGS

__all__ = [
    "NumberMatch",
    "SCALES",
    "UNITS",
    "to_ascii_digits",
    "parse_number",
    "find_numbers",
    "format_number",
    "format_percent",
    "round_half_up",
    "LANGS",
    "NumberError",
    "read_number",
    "read_plain_number",
    "as_decimal",
    "significant_digits",
    "decimal_places",
    "format_exact",
    "format_plain",
]

# ---------------------------------------------------------------------------------------------
# Reading

# One character for one: offsets in the translated text are offsets in the original.
_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended (Persian/Urdu)
        "\u066b": ".",  # ٫ Arabic decimal separator
        "\u066c": ",",  # ٬ Arabic thousands separator
        "\u066a": "%",  # ٪
        "\ufe6a": "%",  # small percent
        "\uff05": "%",  # fullwidth percent
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15}

#: Every unit the extractor writes.
UNITS = (
    "%",
    "pp",
    "VND",
    "USD",
    *(f"{s} {c}" for s in SCALES for c in ("VND", "USD")),
    "enterprises",
    "projects",
    "visitors",
    *(f"{s} {n}" for s in ("thousand", "million") for n in ("enterprises", "projects", "visitors")),
)

_SCALE_WORDS = {
    "ar": [
        (r"(?:ألف|الف)\s+مليار", "trillion"),
        (r"(?:ألف|الف)\s+مليون", "billion"),
        (r"آلاف|ألف|الف|الاف", "thousand"),
        (r"ملايين|مليون", "million"),
        (r"مليارات|مليار|بليون", "billion"),
        (r"تريليونات|تريليون|ترليون", "trillion"),
        (r"كوادريليون|كوادرليون|كوادريليونات", "quadrillion"),
    ],
    "vi": [
        (r"nghìn\s+tỷ|ngàn\s+tỷ|nghìn\s+tỉ|ngàn\s+tỉ", "trillion"),
        (r"triệu\s+tỷ|triệu\s+tỉ", "quadrillion"),
        (r"nghìn|ngàn", "thousand"),
        (r"triệu", "million"),
        (r"tỷ|tỉ", "billion"),
    ],
    "en": [
        (r"thousand|k(?=\b)", "thousand"),
        (r"million|mln|mn|m(?=\b)", "million"),
        (r"billion|bln|bn|b(?=\b)", "billion"),
        (r"trillion|tln|tn", "trillion"),
        (r"quadrillion", "quadrillion"),
    ],
}

# Currencies written after the number (and scale).
_CURRENCY_AFTER = {
    "ar": [
        (r"(?:دونج|دونغ|دونق|دون)(?:\s+فيتنامي)?", "VND"),
        (r"(?:دولار|دولارات)(?:\s+(?:أمريكي|أميركي|امريكي))?", "USD"),
    ],
    "vi": [(r"đồng|VNĐ|VND|đ(?=\b)", "VND"), (r"USD|đô\s+la(?:\s+Mỹ)?|đôla", "USD")],
    "en": [(r"VND|dong|đồng", "VND"), (r"USD|US\s+dollars?|dollars?", "USD")],
}
# Currencies written before the number: "VND5.45 trillion", "$520 million", "US$ 2 billion".
_CURRENCY_BEFORE = [(r"VND\s?|VNĐ\s?", "VND"), (r"US\$\s?|USD\s?|\$\s?", "USD")]

# Count nouns after a number, mapped to the English vocabulary of :data:`UNITS`.
_COUNT_NOUNS = {
    "ar": [
        (r"مشروع(?:ًا|ا)?|مشاريع|مشروعات", "projects"),
        (r"مؤسسة|مؤسسات|شركة|شركات|مؤسسة\s+أعمال", "enterprises"),
        (r"زائر(?:ًا|ا)?|زوار|سائح(?:ًا|ا)?|سياح|سائحين|زائرين", "visitors"),
    ],
    "vi": [
        (r"dự\s+án", "projects"),
        (r"doanh\s+nghiệp", "enterprises"),
        (r"lượt\s+khách|lượt\s+du\s+khách|du\s+khách|khách", "visitors"),
    ],
    "en": [
        (r"(?:new\s+)?(?:investment\s+)?projects?", "projects"),
        (r"(?:new\s+)?(?:enterprises?|businesses|firms|companies)", "enterprises"),
        (r"(?:tourists?|visitors?|arrivals|holidaymakers)", "visitors"),
    ],
}

_PP = {
    "ar": r"نقطة\s+مئوية|نقاط\s+مئوية",
    "vi": r"điểm\s+phần\s+trăm|điểm\s+%",
    "en": r"percentage\s+points?|pps?\b",
}
_PERCENT_WORDS = {
    "ar": r"في\s+المائة|في\s+المئة|بالمائة|بالمئة",
    "vi": r"phần\s+trăm",
    "en": r"per\s*cent(?!age)|pct",
}

# Qualifiers written just before the number (or its currency prefix).
_QUALIFIERS_BEFORE = {
    "ar": [
        (
            r"أكثر\s+من|اكثر\s+من|ما\s+يزيد\s+(?:عن|على)|يزيد\s+(?:عن|على)|يتجاوز|تتجاوز|تجاوز|فوق",
            "more_than",
        ),
        (r"أقل\s+من|اقل\s+من|دون", "less_than"),
        (r"لا\s+(?:يقل|تقل)\s+(?:عن|على)|على\s+الأقل|ما\s+لا\s+يقل\s+عن", "at_least"),
        (r"نحو|حوالي|حوالى|قرابة|ما\s+يقرب\s+من|ما\s+يقارب|يقارب|تقريب(?:ًا|ا)|زهاء", "about"),
    ],
    "vi": [
        (r"hơn|trên|ngoài", "more_than"),
        (r"dưới|chưa\s+đến|chưa\s+tới|không\s+quá", "less_than"),
        (r"ít\s+nhất|tối\s+thiểu|không\s+thấp\s+hơn|không\s+dưới", "at_least"),
        (r"gần|khoảng|xấp\s+xỉ|chừng|độ", "about"),
    ],
    "en": [
        (r"more\s+than|over|above|in\s+excess\s+of|exceeding", "more_than"),
        (r"less\s+than|under|below|fewer\s+than", "less_than"),
        (r"at\s+least|not\s+lower\s+than|not\s+less\s+than|no\s+less\s+than|a\s+minimum\s+of", "at_least"),
        (r"about|around|some|nearly|almost|approximately|roughly|close\s+to|approx\.?", "about"),
    ],
}
# Qualifiers written after the number: "7% تقريبًا".
_QUALIFIERS_AFTER = {
    "ar": [(r"تقريب(?:ًا|ا|اً)", "about"), (r"أو\s+أكثر|فأكثر|على\s+الأقل", "at_least")],
    "vi": [(r"trở\s+lên", "at_least")],
    "en": [(r"or\s+so", "about"), (r"or\s+(?:more|higher|above)", "at_least")],
}

_NUM_EN = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])"
# Vietnamese: "." groups thousands, "," marks decimals; "8.1%" (dot decimal) is read as 8.1.
_NUM_VI = r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}(?!\d))(?![\d])"


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number in a text, with its unit and qualifier.

    ``start``/``end`` cover the qualifier (when there is one), the number and its unit words;
    ``num_start``/``num_end`` cover the digits alone.
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: str | None  # None: a bare number
    qualifier: str = "exact"
    scale: str | None = None
    currency: str | None = None
    count_noun: str | None = None

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_pp(self) -> bool:
        return self.unit == "pp"

    @property
    def is_money(self) -> bool:
        return self.currency is not None


def to_ascii_digits(text: str) -> str:
    """``text`` with Eastern digits and Arabic marks as ASCII, one character for one."""
    out = text.translate(_DIGITS) if _RE_NOT_ASCII_DIGIT.search(text) else text
    if "،" in out:
        # The Arabic comma between two digits is the comma of the number: a thousands mark
        # ("12،984") or, before one or two digits, the Vietnamese decimal comma a translation
        # kept ("١٢،٤٪" for "12,4%"); it is read as a "," is.
        out = _RE_AR_THOUSANDS.sub(",", out)
    return out


_RE_NOT_ASCII_DIGIT = re.compile("[" + "".join(map(re.escape, map(chr, _DIGITS))) + "]")
# A token's shapes, with plain re: a call costs a third of one to regex, and these need nothing of it.
_RE_DIGITS = re.compile(r"[\d.,]+")
_RE_ANY_DIGIT = re.compile(r"\d")
_RE_VI_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_RE_VI_DECIMAL = re.compile(r"\d+,\d+")
_RE_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_RE_EN_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_RE_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_RE_AR_THOUSANDS = regex.compile(r"(?<=\d)،(?=\d{3}(?!\d)|\d{1,2}(?![\d،]))")


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def parse_number(token: str, lang: str = "en") -> float | int:
    """The value of one written number: ``"5,800"`` -> 5800, vi ``"29.232,75"`` -> 29232.75.

    Raise ``ValueError`` when ``token`` is not a number.
    """
    s = to_ascii_digits(token.strip())
    if not s or not _RE_DIGITS.fullmatch(s) or not _RE_ANY_DIGIT.search(s):
        raise ValueError(f"{token!r} is not a number")
    if lang == "vi":
        if _RE_VI_GROUPED.fullmatch(s):
            s = s.replace(".", "").replace(",", ".")
        elif _RE_VI_DECIMAL.fullmatch(s):
            s = s.replace(",", ".")
        elif not _RE_PLAIN.fullmatch(s):
            raise ValueError(f"{token!r} is not a Vietnamese number")
    else:
        if _RE_EN_GROUPED.fullmatch(s):
            s = s.replace(",", "")
        elif _RE_DOTTED.fullmatch(s):  # "1.234.567" written the other way
            s = s.replace(".", "")
        elif not _RE_PLAIN.fullmatch(s):
            raise ValueError(f"{token!r} is not a number")
    try:
        return _plain(float(Decimal(s)))
    except InvalidOperation as exc:  # pragma: no cover - the patterns above exclude it
        raise ValueError(f"{token!r} is not a number") from exc


def _alt(pairs: list[tuple[str, str]], name: str) -> str:
    if not pairs:
        return "(?!)"
    return "|".join(f"(?P<{name}_{i}>{p})" for i, (p, _) in enumerate(pairs))


def _which(m: regex.Match, pairs: list[tuple[str, str]], name: str) -> str | None:
    for i, (_, label) in enumerate(pairs):
        if m.group(f"{name}_{i}") is not None:
            return label
    return None


class _Reader:
    """The compiled pattern of one language; built once per language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.scales = _SCALE_WORDS[lang]
        self.currencies = _CURRENCY_AFTER[lang]
        self.counts = _COUNT_NOUNS[lang]
        self.quals = _QUALIFIERS_BEFORE[lang]
        self.quals_after = _QUALIFIERS_AFTER[lang]
        num = _NUM_VI if lang == "vi" else _NUM_EN
        ws = r"[ \t]*(?:\n[ \t]*)?"  # a unit may wrap to the next line
        # Arabic prefixes glued to words: بـ 1,207 ; بنسبة ; و
        pre = r"(?:بـ|ب|ل|لـ)?\s?" if lang == "ar" else ""
        cur_before = _alt(_CURRENCY_BEFORE, "cb")
        pattern = (
            rf"(?:(?P<qual>{_alt(self.quals, 'q')})\s+{pre})?"
            rf"(?:(?P<cb>{cur_before}))?"
            rf"(?P<num>{num})"
            rf"(?:{ws}(?P<pct>%|{_PERCENT_WORDS[lang]})"
            rf"|(?:{ws}(?P<scale>{_alt(self.scales, 's')}))?"
            rf"(?:{ws}(?:(?P<pp>{_PP[lang]})|(?P<cur>{_alt(self.currencies, 'c')})"
            rf"|(?P<cnt>{_alt(self.counts, 'n')})))?"
            rf")"
            rf"(?:{ws}(?P<qa>{_alt(self.quals_after, 'a')}))?"
        )
        flags = regex.IGNORECASE | regex.V0
        self.pattern = regex.compile(pattern, flags)
        self.word_end = regex.compile(r"\w", flags)

    def find(self, text: str) -> list[NumberMatch]:
        norm = to_ascii_digits(text)
        found: list[NumberMatch] = []
        for m in self.pattern.finditer(norm):
            try:
                value = parse_number(m.group("num"), self.lang)
            except ValueError:
                continue
            scale = _which(m, self.scales, "s") if m.group("scale") else None
            # A scale word must end at a word boundary ("tỷ" not "tỷ lệ" is fine; "m" not "metres").
            end = m.end()
            if m.group("scale") and not (m.group("cur") or m.group("cnt") or m.group("pp")):
                if end < len(norm) and self.word_end.match(norm, end) and self.lang != "ar":
                    # "5 meters": the scale alternative swallowed a word prefix; drop the scale.
                    scale = None
                    end = m.end("num")
            currency = None
            if m.group("cur"):
                currency = _which(m, self.currencies, "c")
            elif m.group("cb"):
                currency = _which(m, _CURRENCY_BEFORE, "cb")
            count = _which(m, self.counts, "n") if m.group("cnt") else None
            if m.group("pct"):
                unit: str | None = "%"
            elif m.group("pp"):
                unit = "pp"
            elif currency:
                unit = f"{scale} {currency}" if scale else currency
            elif count:
                unit = f"{scale} {count}" if scale else count
            elif scale:
                unit = scale  # "2 tỷ" with the currency implied; callers decide
            else:
                unit = None
            qualifier = "exact"
            start = m.start("num")
            if m.group("cb"):
                start = m.start("cb")
            if m.group("qual"):
                qualifier = _which(m, self.quals, "q") or "exact"
                start = m.start("qual")
            if m.group("qa"):
                qualifier = _which(m, self.quals_after, "a") or qualifier
                end = m.end("qa")
            found.append(
                NumberMatch(
                    start=start,
                    end=end,
                    num_start=m.start("num"),
                    num_end=m.end("num"),
                    value=value,
                    unit=unit,
                    qualifier=qualifier,
                    scale=scale,
                    currency=currency,
                    count_noun=count,
                )
            )
        return found


_READERS: dict[str, _Reader] = {}


def find_numbers(text: str, lang: str = "en") -> list[NumberMatch]:
    """Every number in ``text`` read the way ``lang`` writes numbers, in order."""
    if lang not in _SCALE_WORDS:
        lang = "en"
    reader = _READERS.get(lang)
    if reader is None:
        reader = _READERS[lang] = _Reader(lang)
    return reader.find(text)


# ---------------------------------------------------------------------------------------------
# Numbers a person types and reads: the one parser and the one formatter per locale
#
# ``read_number(text, lang)`` reads what a person types in a form (the entry grid, review
# corrections, the API's text values) and ``format_number(value, lang, max_decimals=None)``
# writes a stored value for a form: exact, no rounding, no scientific notation, so that
#
#     read_number(format_number(v, lang, max_decimals=None), lang) == v     for every Decimal v
#
# (and with ``eastern_digits=True`` in Arabic too). Separators come from Babel's CLDR data:
# vi ``1.234,5``; en ``1,234.5``; ar ``1,234.5`` in Western digits or ``١٬٢٣٤٫٥`` in Eastern
# digits. Arabic input takes both digit systems and both sets of marks (``٫`` ``٬`` and
# ``.`` ``,``). Files and API JSON use the machine layout read by :func:`read_plain_number`.


class NumberError(ValueError):
    """Text that is not a number in the locale. ``code`` names the reason for translation.

    codes: ``empty``, ``not_a_number``, ``decimal_comma`` (vi text written with a decimal
    point: ``10.17``), ``decimal_point`` (en/ar text written with a decimal comma: ``8,26``).
    ``suggestion`` is the same number as the locale writes it, when one can be guessed.
    """

    def __init__(self, code: str, text: str, suggestion: str = ""):
        self.code, self.text, self.suggestion = code, text, suggestion
        hint = f" (write {suggestion})" if suggestion else ""
        super().__init__(f"{text!r} is not a number{hint}" if code != "empty" else "no number given")


def _lang2(lang: str | None) -> str:
    code = (lang or "en")[:2].lower()
    return code if code in LANGS else "en"


@cache
def _symbols(lang: str, eastern: bool = False) -> tuple[str, str]:
    """(group, decimal) marks of ``lang`` from CLDR; ``eastern``: the Arabic-Indic system's."""
    from babel import numbers as babel_numbers

    system = "arab" if eastern and lang == "ar" else "latn"
    return (
        babel_numbers.get_group_symbol(lang, numbering_system=system),
        babel_numbers.get_decimal_symbol(lang, numbering_system=system),
    )


# Marks a person may type in each language: (group marks, decimal marks).
@cache
def _input_marks(lang: str) -> tuple[str, str]:
    group, point = _symbols(lang)
    if lang == "ar":
        e_group, e_point = _symbols(lang, eastern=True)
        return group + e_group + "\u060c", point + e_point  # the Arabic comma ، groups too
    return group, point


_BIDI_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
_SPACES = "\u00a0\u202f\u2009 "
_MINUS = "\\-\u2212\u2012\u2013"
_DIGITS_ONLY = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)


@cache
def _input_pattern(lang: str) -> regex.Pattern:
    groups, points = _input_marks(lang)
    g = "[" + regex.escape(groups + _SPACES) + "]"
    d = "[" + regex.escape(points) + "]"
    return regex.compile(
        rf"(?P<sign>[+{_MINUS}])?(?P<int>\d{{1,3}}(?:{g}\d{{3}})+|\d+)?(?:{d}(?P<frac>\d+))?"
    )


def read_number(text: str, lang: str = "en") -> Decimal:
    """The exact value of a number as a person types it in ``lang``.

    ``vi``: ``1.234,5`` (``.`` groups, ``,`` marks decimals); ``en``: ``1,234.5``; ``ar``: the same
    as ``en`` in Western or Eastern digits, with ``٬``/``،`` grouping and ``٫`` marking decimals.
    Grouping is optional, spaces may group, ``-``/``−`` and ``+`` lead. Raises
    :class:`NumberError`; never returns infinity or NaN.
    """
    value = _read_number(text, lang)
    if isinstance(value, NumberError):
        raise value
    return value


def _read_number(text: str, lang: str, explain: bool = True) -> Decimal | NumberError:
    """:func:`read_number`, returning the error; ``explain`` looks for a misplaced decimal mark."""
    lang = _lang2(lang)
    raw = text if isinstance(text, str) else ""
    s = raw.translate(_BIDI_MARKS).strip().translate(_DIGITS_ONLY)
    if not s:
        return NumberError("empty", raw)
    m = _input_pattern(lang).fullmatch(s)
    if m is None or not (m.group("int") or m.group("frac")):
        return _explain(raw, s, lang) if explain else NumberError("not_a_number", raw)
    whole = regex.sub(r"\D", "", m.group("int") or "0")
    frac = m.group("frac") or ""
    sign = "-" if m.group("sign") and m.group("sign") != "+" else ""
    return Decimal(f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}")


def _explain(raw: str, s: str, lang: str) -> NumberError:
    """The error for text that did not read: a misplaced decimal mark gets its own reason."""
    other = {"vi": "en", "en": "vi", "ar": "vi"}[lang]
    value = _read_number(s, other, explain=False)
    if isinstance(value, NumberError):
        return NumberError("not_a_number", raw)
    code = "decimal_comma" if lang == "vi" else "decimal_point"
    return NumberError(code, raw, format_number(value, lang, max_decimals=None))


_RE_PLAIN_NUMBER = regex.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?")


def read_plain_number(text: str) -> Decimal:
    """A number in the machine layout of files and APIs: ``-1234.5``, ``1.5e6``; exact.

    Eastern digits and ``٫`` are read as digits and a point; no grouping, no ``_``, no
    ``inf``/``nan``. Raises :class:`NumberError`.
    """
    raw = text if isinstance(text, str) else ""
    s = (
        raw.translate(_BIDI_MARKS)
        .strip()
        .translate(_DIGITS_ONLY)
        .replace("\u066b", ".")
        .replace("\u2212", "-")
    )
    if not s:
        raise NumberError("empty", raw)
    if not _RE_PLAIN_NUMBER.fullmatch(s):
        raise NumberError("not_a_number", raw)
    return Decimal(s)


def as_decimal(value: object) -> Decimal:
    """A stored or computed number as a Decimal: floats by their shortest repr (0.1 -> 0.1)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):  # the machine layout, as change records keep values
        try:
            return read_plain_number(value)
        except NumberError as exc:
            raise TypeError(str(exc)) from None
    raise TypeError(f"{type(value).__name__} is not a number")


def _stripped(value: Decimal) -> Decimal:
    """``value`` without trailing zeros, never rounded: ``normalize()`` alone rounds to the context's
    28 digits, so a 40-digit value would come back as another number."""
    return value.normalize(Context(prec=max(1, len(value.as_tuple().digits))))


def significant_digits(value: Decimal) -> int:
    """How many significant digits ``value`` has (1500000 -> 2, 4600.625 -> 7, 0 -> 1)."""
    digits = _stripped(value).as_tuple().digits
    return max(1, len(digits)) if value else 1


def decimal_places(value: Decimal) -> int:
    """Digits after the point in the shortest exact writing (4600.625 -> 3, 1500000 -> 0)."""
    exponent = _stripped(value).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


# ---------------------------------------------------------------------------------------------
# Formatting

_PERCENT = {"ar": "٪", "vi": "%", "en": "%"}
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def round_half_up(value: float, decimals: int = 2) -> float:
    """Round as people do (8.265 -> 8.27), not banker's rounding."""
    q = Decimal(1).scaleb(-decimals)
    return float(as_decimal(float(value)).quantize(q, rounding=ROUND_HALF_UP))


def format_number(
    value: float | int | Decimal,
    lang: str,
    eastern_digits: bool = False,
    decimals: int | None = None,
    arabic_marks: bool = True,
    *,
    max_decimals: int | None = 2,
) -> str:
    """``value`` as ``lang`` writes it, grouped, never in scientific notation.

    ``decimals``: exactly that many decimals (half-up). Otherwise at most ``max_decimals``
    (half-up, trailing zeros dropped); ``max_decimals=None`` writes the value exactly, the form
    :func:`read_number` reads back to the same Decimal.

    ar ``5,800`` (``eastern_digits``: ``٥٬٨٠٠``, or ``٥,٨٠٠`` with ``arabic_marks=False``
    for the old page style), vi ``5.800`` / ``8,26``, en ``5,800`` / ``8.26``. Floats are taken
    by their shortest repr (0.1 is 0.1, not 0.1000000000000000055...).
    """
    lang = _lang2(lang)
    d = as_decimal(value)
    if not d.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    if decimals is not None:
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    else:
        if max_decimals is not None and decimal_places(d) > max_decimals:
            d = d.quantize(Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_UP)
        d = _stripped(d) if d else Decimal(0)
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    eastern = eastern_digits and lang == "ar"
    group, point = _symbols(lang, eastern=eastern and arabic_marks)
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + group.join(groups) + (point + frac if frac else "")
    return text.translate(_EASTERN) if eastern else text


def format_exact(value: float | int | Decimal, lang: str, eastern_digits: bool = False) -> str:
    """The exact text of ``value`` for a form field in ``lang``; :func:`read_number` re-reads it."""
    return format_number(value, lang, eastern_digits, arabic_marks=True, max_decimals=None)


def format_plain(value: float | int | Decimal) -> str:
    """The machine layout of files and JSON: ``-1234.5``, ``1500000``, ``0.1``; exact."""
    d = as_decimal(value)
    d = _stripped(d) if d else Decimal(0)
    return f"{d:f}"


def format_percent(
    value: float | Decimal, lang: str, eastern_digits: bool = False, decimals: int | None = None
) -> str:
    """``8.26٪`` (ar), ``8,26%`` (vi), ``8.26%`` (en)."""
    return format_number(value, lang, eastern_digits, decimals) + _PERCENT.get(_lang2(lang), "%")
