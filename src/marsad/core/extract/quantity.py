"""The quantity dimension: numbers with their sign, range, unit, scale word and qualifier.

Shared by every language; the language's rules give the words (kinds ``scale``,
``currency_after``, ``count_noun``, ``percent``, ``points``, ``qualifier_before``,
``qualifier_after``, ``range_word``, ``range_from``, ``range_and``, ``number_prefix``, ``point_groups``:
currencies whose amounts, translated, keep the Vietnamese thousands point). The value of each
written number comes from :func:`marsad.core.numbers.parse_number`, the one number parser; what
this module decides is which way the writer groups digits.

**Separators.** A number such as ``1.234,5`` or ``8,26`` says how its writer separates; ``126,484``
or ``2.300`` (one mark, three digits after it) does not. Such numbers follow the document's
own habit, counted over its unambiguous numbers: a Vietnamese article written with English marks
(``8.5%``) reads ``126,484 tỷ`` as 126484; an Arabic or English translation that kept the
Vietnamese marks (``14,2%``) reads ``5.500 million`` as 5500. With no evidence the language's
habit applies, except that a point before three digits ending in zero in Arabic or English
(``2.300 مليون``) groups thousands: nobody writes 2.3 as 2.300; and the same for a comma in a
text that writes decimal commas (``12,500 tỷ đồng`` beside ``8,5%`` is 12500).

**Not quantities:** dates (``30/6/2024``, ``2024-11-14``, ``10 - 04 - 2023``), times (``10:00``),
fractions and ranks (``15/34``), numbers glued to a code (``COVID-19``, ``330/BC-UBND``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from marsad.core.numbers import parse_number, to_ascii_digits

from .grammar import Grammar, last_class, start_led

__all__ = ["Quantity", "find_quantities", "separator_habit", "spell_out"]

NUM = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
# The same as ``(?<![\d.,])(?:NUM)(?!\d)``, written to start on its first digit (the look-behind
# after it) so that the scan skips to digits instead of trying the pattern at every character.
_NUM_RE = re.compile(r"\d(?<![\d.,]\d)(?:\d{0,2}(?:[.,]\d{3})+(?:[.,]\d+)?|\d*(?:[.,]\d+)?)(?!\d)")
# Currency written before the number: "VND5.45 trillion", "$520 million", "US$ 2 billion".
_CURRENCY_BEFORE = {"vnd": "VND", "vnđ": "VND", "us$": "USD", "usd": "USD", "$": "USD", "us $": "USD"}
_CB = r"(?:VNĐ|VND|US\s?\$|USD|\$)"
_DATE_AFTER = re.compile(r"\s?[/:]\s?\d|-\d{2}-\d{2}|\s-\s\d{1,2}\s-\s\d{4}")  # 30/6, 10:00, 2024-11-14
_CODE_BEFORE = re.compile(r"[A-Za-z][-‐]\s?$|[/]$|\d[/:]$")  # COVID-19, 330/BC, 30/6 (the 6)
_WS = r"[ \t]*(?:\n[ \t]*)?"
_KEPT_POINT = re.compile(r"\d{1,3}\.\d{3}")  # one point before three digits: "54.125"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written, with what stands around it.

    ``start``/``end`` cover the qualifier, currency, number(s), unit and trailing qualifier;
    ``num_start``/``num_end`` the (last) number. A range "6,5–7%" has ``low`` 6.5 and
    ``value`` 7. ``unit`` is ``"%"``, ``"pp"``, ``"money"`` (a currency or a bare scale word),
    ``"count"`` or None (a bare number).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: str | None
    scale: str | None = None
    currency: str | None = None
    count: str | None = None
    qualifier: str = "exact"
    low: float | None = None
    rules: tuple[str, ...] = ()
    names: str | None = None  # the indicator the count noun names ("new enterprises", "lượt khách")

    def label(self, currency: str | None = None, count: str | None = None) -> str | None:
        """The unit as the output writes it ("billion VND", "million visitors", "%")."""
        if self.unit in ("%", "pp"):
            return self.unit
        if self.unit == "count" or (self.unit is None and count):
            noun = self.count or count
            return f"{self.scale} {noun}" if self.scale else noun
        if self.unit == "money":
            cur = self.currency or currency or "VND"
            return f"{self.scale} {cur}" if self.scale else cur
        return None

    @property
    def is_range(self) -> bool:
        return self.low is not None


class _Patterns:
    """The compiled look-behind and look-ahead patterns of one language."""

    def __init__(self, g: Grammar) -> None:
        alt = {k: g.word_table(k)[0] for k in _KINDS}
        ar_pre = r"(?:بـ|ب|لـ|ل|و)?\s?" if g.lang == "ar" else ""
        before = (
            rf"(?:(?P<qual>{alt['qualifier_before']})\s*{ar_pre})?"
            rf"(?:(?P<from>{alt['range_from']})\s+)?"
            rf"{ar_pre}(?:(?P<cb>{_CB})\s?)?(?P<sign>[-−])?$"
        )
        # searched in the 40 characters before each number: led by what a match can start with
        self.before = re.compile(start_led(before, re.I), re.I)
        # The characters a word before a number can end in (before the spaces up to the number):
        # where the text has another there, the search is left to the spaces after it.
        last = last_class(before, re.I)
        self.before_last = re.compile(f"[{last}]", re.I) if last is not None else None
        # "7.5 percent to 8 percent": the first end may carry its unit, as a sign or a word.
        pct = rf"(?:\s?%|\s+(?:{alt['percent']})(?!\w))?"
        self.range = re.compile(
            rf"{pct}\s*(?P<rsep>[-–—~]|(?:{alt['range_word']})(?=\s))\s*(?:{_CB}\s?)?(?P<num2>{NUM})(?![\d])",
            re.I,
        )
        # "between 6% and 6.5%": the conjunction closes a range only after "between".
        self.range_and = re.compile(
            rf"{pct}\s*(?P<rsep>{alt['range_and']})\s*(?:{_CB}\s?)?(?P<num2>{NUM})(?![\d])", re.I
        )
        self.percent = re.compile(rf"%|(?<!\w)(?:{alt['percent']})(?!\w)", re.I)
        self.percent_next = re.compile(rf"\s?(?:%|[^\W\d_]+\s+cent|(?:{alt['percent']})(?!\w))", re.I)
        self.after = re.compile(
            rf"(?:{_WS}(?P<pp>{alt['points']})(?!\w)"
            rf"|\s?(?P<pct>%|(?:{alt['percent']})(?!\w))"
            rf"|(?:{_WS}(?P<scale>{alt['scale']})(?!\w))?"
            rf"(?:{_WS}(?:(?P<cur>{alt['currency_after']})|(?P<cnt>{alt['count_noun']}))(?!\w))?)"
            rf"(?:{_WS}(?P<qa>{alt['qualifier_after']})(?!\w))?",
            re.I,
        )


_KINDS = (
    "qualifier_before",
    "qualifier_after",
    "range_from",
    "range_word",
    "range_and",
    "points",
    "percent",
    "scale",
    "currency_after",
    "count_noun",
)
_PATTERNS: dict[int, _Patterns] = {}


def _patterns(g: Grammar) -> _Patterns:
    p = _PATTERNS.get(id(g))
    if p is None:
        p = _PATTERNS[id(g)] = _Patterns(g)
    return p


# -- separators ------------------------------------------------------------------------------------
# Numbers that show their marks (``(?<![\d.,])`` before them, written after the first digit as
# in ``_NUM_RE``): "8,26", "1.234.567", "1.234,5" / "8.26", "1,234,567", "1,234.5".
_VI_EVIDENCE = re.compile(
    r"\d(?<![\d.,]\d)(?:\d*,\d{1,2}(?!\d)|\d{0,2}(?:\.\d{3}){2,}(?![\d,])|\d{0,2}(?:\.\d{3})+,\d+)"
)
_EN_EVIDENCE = re.compile(
    r"\d(?<![\d.,]\d)(?:\d*\.\d{1,2}(?![\d.])|\d{0,2}(?:,\d{3}){2,}(?![\d.])|\d{0,2}(?:,\d{3})+\.\d+)"
)


_EN_GROUPED_BILLIONS = re.compile(r"[1-9]\d{1,2},\d{3}")


def separator_habit(text: str, lang: str) -> str:
    """``"vi"`` (dot groups, comma decimal) or ``"en"``: how ``text`` writes its numbers."""
    vi = len(_VI_EVIDENCE.findall(text))
    en = len(_EN_EVIDENCE.findall(text))
    if vi > en:
        return "vi"
    if en > vi:
        return "en"
    return "vi" if lang == "vi" else "en"


def _value(token: str, habit: str, lang: str) -> float:
    """The value of one written number, its own marks first, the document's habit for the rest."""
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        style = "vi" if token.rfind(",") > token.rfind(".") else "en"
    elif dots > 1:
        style = "vi"
    elif commas > 1:
        style = "en"
    elif dots or commas:
        head, tail = re.split(r"[.,]", token)
        if len(tail) != 3 or head == "0" or len(head) > 3:
            style = "vi" if commas else "en"  # a decimal mark
        elif dots and habit == "en" and lang != "vi" and tail.endswith("0"):
            style = "vi"  # "2.300 مليون": a kept Vietnamese thousands point
        elif commas and habit == "vi" and tail.endswith("0"):
            style = "en"  # "12,500 tỷ đồng" beside "8,5%": an English thousands comma (nobody writes 12.5 so)
        else:
            style = habit
    else:
        style = "en"
    return float(parse_number(token, style))


def find_quantities(
    text: str, g: Grammar, start: int = 0, end: int | None = None, *, habit: str
) -> list[Quantity]:
    """Every quantity in ``text[start:end]``, left to right. ``text`` has ASCII digits
    (:func:`marsad.core.numbers.to_ascii_digits`, one character for one)."""
    end = len(text) if end is None else end
    pats = _patterns(g)
    out: list[Quantity] = []
    pos = start
    for m in _NUM_RE.finditer(text, start, end):
        ns, ne = m.span()
        if ns < pos:
            continue
        if _DATE_AFTER.match(text, ne, min(end, ne + 14)) or _CODE_BEFORE.search(
            text, max(start, ns - 3), ns
        ):
            continue
        try:
            value = _value(m.group(), habit, g.lang)
        except ValueError:
            continue
        rules: list[str] = []
        b = pats.before.search(text, _before_start(pats, text, max(start, pos, ns - 40), ns), ns)
        q_start, q_end = ns, ne
        qualifier, low, num_start, num_end = "exact", None, ns, ne
        currency = scale = count = names = None
        unit: str | None = None
        if b is not None:
            if b.group("qual"):
                rule = g.lookup(("qualifier_before",), b.group("qual"))
                if rule is not None:
                    qualifier = rule.prod
                    rules.append(rule.name)
                    q_start = b.start("qual")
            if b.group("cb"):
                currency = _CURRENCY_BEFORE.get(re.sub(r"\s", "", b.group("cb").lower()), "USD")
                q_start = min(q_start, b.start("cb"))
            if b.group("sign"):
                value = -value
                q_start = min(q_start, b.start("sign"))
            if b.group("from"):
                q_start = min(q_start, b.start("from"))
        r = pats.range.match(text, ne, end)
        if r is None and b is not None and b.group("from"):
            r = pats.range_and.match(text, ne, end)
        if r is not None:
            # "6,5 – 7%", "từ 8,5 đến 9%": a range; a date "10 - 04 - 2023" or years are none.
            try:
                high = _value(r.group("num2"), habit, g.lang)
            except ValueError:
                high = None
            rest = text[r.end() : r.end() + 8]
            # "fell 4.5% to $12.3 billion" is no range: a percentage's range ends in a percentage.
            percent_first = pats.percent.search(text, ne, r.start("rsep")) is not None
            unit_kept = not percent_first or pats.percent_next.match(text, r.end(), r.end() + 12) is not None
            if (
                high is not None
                and unit_kept
                and not re.match(r"\s*[-/.]\s*\d", rest)
                and not _years(value, high)
            ):
                low, value = value, high
                num_start, num_end = r.start("num2"), r.end("num2")
                word = g.lookup(("range_word", "range_and"), r.group("rsep"))
                rules.append(word.name if word is not None else "range")
                if b is not None and b.group("from"):
                    opener = g.lookup(("range_from",), b.group("from"))
                    if opener is not None:
                        rules.append(opener.name)
        a = pats.after.match(text, num_end, end)
        if a is not None:
            q_end = a.end() if a.group(0).strip() else num_end
            for group, kinds in (("pp", ("points",)), ("pct", ("percent",)), ("scale", ("scale",))):
                if a.group(group):
                    if group == "pct" and a.group("pct") == "%":
                        unit = "%"
                        continue
                    rule = g.lookup(kinds, a.group(group))
                    if rule is None:
                        continue
                    rules.append(rule.name)
                    if group == "pp":
                        unit = "pp"
                    elif group == "pct":
                        unit = "%"
                    else:
                        scale = rule.prod
            if a.group("cur"):
                rule = g.lookup(("currency_after",), a.group("cur"))
                if rule is not None:
                    currency = rule.prod
                    rules.append(rule.name)
                kept = g.lookup(("point_groups",), a.group("cur")) if scale else None
                if kept is not None and _KEPT_POINT.fullmatch(m.group()) and low is None:
                    # "54.125 مليار دونج": a dong amount translated from Vietnamese keeps its point
                    grouped = float(parse_number(m.group(), "vi"))
                    value = -grouped if value < 0 else grouped
                    rules.append(kept.name)
            if a.group("cnt"):
                rule = g.lookup(("count_noun",), a.group("cnt"))
                if rule is not None:
                    count, names = (rule.prod, None) if isinstance(rule.prod, str) else rule.prod
                    rules.append(rule.name)
            if a.group("qa"):
                rule = g.lookup(("qualifier_after",), a.group("qa"))
                if rule is not None:
                    qualifier = rule.prod
                    rules.append(rule.name)
        if (
            currency == "VND"
            and scale == "billion"
            and low is None
            and _EN_GROUPED_BILLIONS.fullmatch(m.group())
            and value != int(value)
        ):
            # "98,214 tỷ đồng" in Vietnamese text: billions of dong are not written to the million
            # ("13.897,96 tỷ", "1,5 tỷ"), so three figures after the comma are an English grouping
            value = float(m.group().replace(",", ""))
            rules.append("english_grouping_in_billions")
        if unit is None:
            if currency or (scale and not count):
                unit = "money"
            elif count:
                unit = "count"
        if low is not None and unit is None:
            # "8-14", "7,5-8,0" in a table: a range without a unit stays one; its end is read too.
            pass
        out.append(
            Quantity(
                start=q_start,
                end=q_end,
                num_start=num_start,
                num_end=num_end,
                value=value,
                unit=unit,
                scale=scale,
                currency=currency,
                count=count,
                qualifier=qualifier,
                low=low,
                rules=tuple(rules),
                names=names,
            )
        )
        pos = max(q_end, num_end)
    return _percent_list_ends(text, out)


# "rose 5.6%, 9.3% and 11 respectively", "services by 9,8% or more, product tax by 9,6 above": the
# last item of a list of percentages, its sign dropped, closes the list
_LIST_GAP = re.compile(r"(?:\s*,\s*|\s+(?:and|và|or|hoặc)\s+|\s*[,،]?\s*و\s*)(?:[^\d%;.\n]{0,30}?\s)?", re.I)
_LIST_CLOSE = re.compile(
    r"\s*(?:respectively|above|or\s+more|tương\s+ứng|trở\s+lên|على\s+التوالي)?\s*(?:[.;؛\n)]|$)", re.I
)


def _percent_list_ends(text: str, out: list[Quantity]) -> list[Quantity]:
    for k in range(1, len(out)):
        q, prev = out[k], out[k - 1]
        if q.unit is not None or q.scale or q.low is not None or prev.unit != "%" or 1900 <= q.value <= 2100:
            continue
        gap = _LIST_GAP.fullmatch(text, prev.end, q.num_start)
        if gap is None or _LIST_CLOSE.match(text, q.num_end) is None:
            continue
        out[k] = replace(q, unit="%", rules=(*q.rules, "percent_list_end"))
    return out


def spell_out(norm: str, g: Grammar) -> tuple[str, set[str]]:
    """``norm`` with the numbers a language writes in words before a scale word put in digits,
    one character for one (the language's rules of kind ``spelled_number``: a regular expression
    and a production giving the same span written with digits, padded with spaces: "ملياري" ->
    "2مليار", "ثلاثة ملايين" -> "3     ملايين"), and the names of the rules that did so."""
    rules = g.regexes("spelled_number") if g.of("spelled_number") else []
    if not rules:
        return norm, set()
    chars, fired = None, set()
    for rule, pattern in rules:
        for m in pattern.finditer(norm):
            written = rule.prod(m)
            if not written or len(written) != m.end() - m.start():
                continue  # a production that would move the offsets is not applied
            if chars is None:
                chars = list(norm)
            chars[m.start() : m.end()] = written
            fired.add(rule.name)
    return ("".join(chars) if chars is not None else norm), fired


def _before_start(pats: _Patterns, text: str, lo: int, ns: int) -> int:
    """Where the search of the words before the number at ``ns`` can start, at ``lo`` or after:
    after the last character before the spaces up to the number when no such word ends in it
    (:func:`.grammar.last_class`: a match starting before would hold it). The same match."""
    if pats.before_last is None:
        return lo
    k = ns
    while k > lo and text[k - 1].isspace():
        k -= 1
    return k if k > lo and pats.before_last.match(text, k - 1) is None else lo


def _years(a: float, b: float) -> bool:
    """Two years ("2021-2025"), or a year and the figure after it ("في عام 2024 إلى 31.6
    مليار": "in 2024 to 31.6 billion", "في عام 2025 إلى 25,000 مليار": "in 2025 to 25,000
    billion"; the ends of a range are of one size): no range either way."""
    year_a = 1900 <= a <= 2100 and a == int(a)
    return year_a and ((1900 <= b <= 2100 and b == int(b)) or b < a / 10 or b > 4 * a)


def shifted(q: Quantity, by: int) -> Quantity:
    return replace(q, start=q.start + by, end=q.end + by, num_start=q.num_start + by, num_end=q.num_end + by)


def ascii_digits(text: str) -> str:
    return to_ascii_digits(text)
