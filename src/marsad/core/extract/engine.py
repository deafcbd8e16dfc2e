"""The reading pipeline shared by every language; the language's rules say what words mean.

For each sentence: find indicator phrases, numbers and period mentions; attach each number to
the nearest indicator before it (or, where the language allows, just after it), decide its
measure from the cue words around it, its period from the nearest period mention (else the
period the document is talking about), its area likewise. Sentences with a target cue give
targets for the numbers after the cue. Then the qualitative sections (directives, difficulties,
recommendations) are cut into items.

Precision first: a number with no indicator, or no clear measure, is left out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

import regex

from marsad.core.numbers import NumberMatch, find_numbers

from .areas import NATION, AreaMention, area_finder
from .model import AreaRef, Evidence, Extraction, Fact, Item
from .text import clause_cuts, compile_words, paragraphs, sentences
from .timeframes import BY, COMPARED, CURRENT, PeriodMention, PeriodRule, find_periods, infer_year

NEVER = regex.compile(r"(?!)")

# Indicators whose level is money, a count, or a rate; decides the unit of a bare scale.
COUNT_INDICATORS = {"visitors": "visitors", "new_enterprises": "enterprises"}
# A bare % after these (no cue word) is their growth on the same period.
GROWTH_DEFAULT = {
    "grdp", "va_industry_construction", "va_services", "va_agriculture_forestry_fishery", "product_taxes",
    "iip", "retail_sales", "exports", "imports", "trade_turnover", "cpi",
}  # fmt: skip
PREVIOUS = "@previous"  # lexicon code of anaphora ("this sector")
LEVEL_RATES = {"poverty_rate"}  # a % after these is the rate, whatever verb precedes it


@dataclass
class LanguageRules:
    """Everything one language contributes; see ``ar/rules.py`` for a commented example."""

    lang: str
    indicators: list[tuple[str, str | None]]  # phrase -> code (None: a known non-indicator)
    periods: list[PeriodRule]
    period_compared: regex.Pattern  # in the 40 chars before a period: comparison base
    period_by: regex.Pattern  # in the 40 chars before a period: a horizon ("by 2025")
    this_year: regex.Pattern  # just after a period without year: "năm nay", "of this year"
    last_year: regex.Pattern
    up: regex.Pattern  # growth cue before the number
    down: regex.Pattern  # decrease cue before the number (negative growth)
    yoy_after: regex.Pattern  # "so với cùng kỳ", "year on year" right after the number
    plan_after: regex.Pattern  # "من الخطة", "dự toán", "of the annual estimate"
    exceed_before: regex.Pattern  # "vượt" before a % of plan: 100 + X
    index_before: regex.Pattern  # "bằng" before "X% so với cùng kỳ": growth is X - 100
    share_before: regex.Pattern
    share_after: regex.Pattern
    estimate: regex.Pattern  # estimate cue before the number
    target: regex.Pattern  # target cue before the number in the sentence
    not_fact_before: regex.Pattern  # "Decree No.", "ngày", dates: the number is no figure
    not_fact_after: regex.Pattern  # "-fold", "lần", "times", "than": the number is no figure
    comparison: regex.Pattern = NEVER  # "a lower growth rate of 1.82% than": with comparison_after
    comparison_after: regex.Pattern = NEVER
    comparison_before: regex.Pattern = NEVER  # "lower than the last year the 6.09%"
    respectively: regex.Pattern = NEVER  # "respectively", "lần lượt", "على التوالي"
    fold: regex.Pattern = NEVER  # "-fold", "lần", "مرة" right after a number
    not_an_area: regex.Pattern = NEVER  # figures of a working group or of ministries
    hypothetical: regex.Pattern = NEVER  # "if the two provinces were added": no fact follows
    structure: regex.Pattern = NEVER  # "economic structure", "cơ cấu": bare % are shares
    part_of: regex.Pattern = NEVER  # "of which", "منها", "trong đó": a part of the figure before
    indicator_after_link: regex.Pattern = NEVER  # "VND1.46 trillion from tourism": the indicator follows
    directive_cue: regex.Pattern = NEVER
    difficulty_cue: regex.Pattern = NEVER
    recommendation_cue: regex.Pattern = NEVER
    recommendation_list: regex.Pattern = NEVER
    directive_continue: regex.Pattern = NEVER  # a paragraph opening like a task: the list goes on  # "recommendations on": a list of topics follows
    special_targets: list[tuple[regex.Pattern, str, str, float, str]] = field(default_factory=list)
    # (pattern, indicator, measure, value, qualifier): "double-digit growth" -> grdp yoy >= 10
    share_targets: list[tuple[regex.Pattern, str]] = field(default_factory=list)
    # "100% of communes ... digital product": (phrase after the %, indicator)
    growth_word: regex.Pattern = NEVER  # "growth", "tăng trưởng", "نمو": a % after it is yoy
    other_base: regex.Pattern = NEVER  # "so với tháng trước", "over the previous month": no measure
    contribution: regex.Pattern = NEVER  # "đóng góp", "contributed", "ساهم": pp are a contribution
    same_period: regex.Pattern = NEVER  # "cùng kỳ", "same period": after "gấp 2 lần", a yoy -fold
    fold_words: dict[str, float] = field(default_factory=dict)  # "three" in "three times": 3
    exceed_plan_before: regex.Pattern = NEVER  # "exceeding the annual plan by 4%": plan_pct 104
    _indicator_re: regex.Pattern | None = None
    _codes: dict[str, str | None] = field(default_factory=dict)

    def indicator_pattern(self) -> regex.Pattern:
        if self._indicator_re is None:
            alts = []
            for i, (phrase, code) in enumerate(self.indicators):
                alts.append((phrase, f"i{i}"))
                self._codes[f"i{i}"] = code
            from .text import phrase_pattern

            alts.sort(key=lambda a: len(phrase_pattern(a[0], self.lang)), reverse=True)
            body = "|".join(f"(?P<{name}>{phrase_pattern(p, self.lang)})" for p, name in alts)
            if self.lang == "ar":
                self._indicator_re = regex.compile(
                    rf"(?<!\w)(?:[وفبل]|ال|لل|وال|بال)?(?:{body})(?!\w)", regex.I
                )
            else:
                self._indicator_re = regex.compile(rf"(?<!\w)(?:{body})(?!\w)", regex.I)
        return self._indicator_re

    def find_indicators(self, text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
        pat = self.indicator_pattern()
        out = []
        for m in pat.finditer(text, start, end):
            name = m.lastgroup
            code = self._codes.get(name) if name else None
            if name is None:
                for key, val in m.groupdict().items():
                    if val is not None and key in self._codes:
                        code = self._codes[key]
                        break
            out.append((m.start(), m.end(), code))
        return out


def words(phrases: list[str], lang: str) -> regex.Pattern:
    return compile_words(phrases, lang)


@dataclass
class _Context:
    text: str
    rules: LanguageRules
    year: int | None
    area: AreaRef | None
    mentions: list[PeriodMention]
    areas: list[AreaMention]
    mention_starts: list[int] = field(default_factory=list)
    area_starts: list[int] = field(default_factory=list)
    last_indicator: str | None = None  # of the previous sentence's last fact
    inherit: str | None = None  # the indicator a sentence without one goes on with
    previous_indicator: str | None = None  # what "this sector" refers to
    last_area: AreaRef | None = None
    previous_area: AreaRef | None = None


def _between(items: list, starts: list[int], lo: int, hi: int) -> list:
    """Items (sorted by start) starting in ``[lo, hi)``, in log time: the reader stays linear."""
    return items[bisect_left(starts, lo) : bisect_left(starts, hi)]


def extract_with(text: str, rules: LanguageRules, area: str | None, year: int | None) -> Extraction:
    from .areas import lookup_area

    lang = rules.lang
    mentions = find_periods(
        text, rules.periods, rules.period_compared, rules.period_by, rules.this_year, rules.last_year
    )
    doc_year = infer_year(text, mentions)
    if doc_year is None:
        doc_year = year
    elif year is not None and not any(p.year for p in mentions):
        doc_year = year
    area_mentions = area_finder(lang).find(text)
    doc_area = _document_area(area_mentions)
    if doc_area is None:
        doc_area = _area_from_url(text)
    if doc_area is None and area:
        doc_area = lookup_area(area)
    ctx = _Context(text, rules, doc_year, doc_area, mentions, area_mentions)
    ctx.mention_starts = [p.start for p in mentions]
    ctx.area_starts = [a.start for a in area_mentions]
    result = Extraction(language=lang, area=doc_area, year=doc_year)
    first_line = text.lstrip()[:300].split("\n", 1)[0].strip()
    if regex.match(r"https?://\S+$", first_line):
        result.source_url = first_line

    current: PeriodMention | None = None
    for s, e in sentences(text):
        current = _read_sentence(ctx, s, e, current, result)

    result.reporting_period = _reporting_period(ctx, result)
    _areas_in_time(result)
    _dedupe(result)
    _read_sections(ctx, result)
    return result


def _areas_in_time(result: Extraction) -> None:
    from dataclasses import replace

    from .areas import area_in_time

    result.area = area_in_time(
        result.area, result.reporting_period or (str(result.year) if result.year else None)
    )
    result.facts = [replace(f, area=area_in_time(f.area, f.period)) for f in result.facts]
    # A target belongs to the area that set it, as it was when the document was written.
    when = result.reporting_period or (str(result.year) if result.year else None)
    result.targets = [replace(t, area=area_in_time(t.area, when or t.period)) for t in result.targets]


def _document_area(mentions: list[AreaMention]) -> AreaRef | None:
    provinces = Counter(m.area for m in mentions if m.area != NATION)
    if provinces:
        best = max(provinces.values())
        for m in mentions:  # the first of the most named
            if m.area != NATION and provinces[m.area] == best:
                return m.area
    if any(m.area == NATION for m in mentions):
        return NATION
    return None


def _area_from_url(text: str) -> AreaRef | None:
    """A province named in the source URL's slug or site ("ubnd-tinh-vinh-long-hop",
    "baobariavungtau.com.vn") when the text itself names none."""
    from .areas import PROVINCES, _strip_marks, lookup_area

    m = regex.match(r"\s*(https?://\S+)", text[:2000])
    if not m:
        return None
    url = m.group(1).lower()
    host = regex.sub(r"^https?://(?:www\.)?", "", url).split("/", 1)[0]
    slug = "-" + regex.sub(r"[^a-z0-9]+", "-", url) + "-"
    for _, en, vi, _, _ in PROVINCES:
        ascii_name = _strip_marks(vi).lower()
        dashed = "-" + regex.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") + "-"
        squashed = regex.sub(r"[^a-z0-9]", "", ascii_name)
        if dashed in slug or (len(squashed) >= 6 and squashed in host.replace("-", "")):
            return lookup_area(en)
    return None


def _reporting_period(ctx: _Context, result: Extraction) -> str | None:
    counts = Counter(f.period for f in result.facts if f.period)
    if counts:
        return counts.most_common(1)[0][0]
    for p in ctx.mentions:
        if p.role == CURRENT:
            code = p.resolve(ctx.year)
            if code:
                return code
    return str(ctx.year) if ctx.year else None


def _dedupe(result: Extraction) -> None:
    for name in ("facts", "targets"):
        seen = set()
        kept = []
        for f in getattr(result, name):
            key = (f.indicator, f.area, f.period, f.measure, f.value)
            if key in seen:
                continue
            seen.add(key)
            kept.append(f)
        setattr(result, name, kept)


def _read_sentence(
    ctx: _Context, s: int, e: int, current: PeriodMention | None, result: Extraction
) -> PeriodMention | None:
    text, rules = ctx.text, ctx.rules
    sent_periods = _between(ctx.mentions, ctx.mention_starts, s, e)
    numbers = [n for n in find_numbers(text[s:e], rules.lang)]
    numbers = [_shift(n, s) for n in numbers]
    if rules.fold_words:
        numbers = sorted(numbers + _fold_words(rules, text, s, e, numbers), key=lambda n: n.start)
    inds = rules.find_indicators(text, s, e)
    sent_areas = _between(ctx.areas, ctx.area_starts, s, e)
    hm = rules.hypothetical.search(text, s, e)
    hyp_at = hm.start() if hm else None
    target_at = None
    tm = rules.target.search(text, s, e)
    if tm:
        target_at = tm.start()

    # Special targets: "double-digit growth", "100% of communes ... digital product".
    for pat, code, measure, value, qual in rules.special_targets:
        for m in pat.finditer(text, s, e):
            period = _target_period(ctx, sent_periods, m.start(), current)
            period = period[:4] if period else None  # a growth target is for the year
            result.targets.append(
                Fact(code, ctx.area, period, measure, value, "%", qual, Evidence.of(text, m.start(), m.end()))
            )
    special_spans: list[tuple[int, int]] = []
    for n in numbers:
        if n.unit != "%":
            continue
        for pat, code in rules.share_targets:
            m = pat.match(text, n.end, min(e, n.end + 120))
            if m:
                period = _target_period(ctx, sent_periods, n.start, current, after=m.end())
                result.targets.append(
                    Fact(
                        code,
                        ctx.area,
                        period,
                        "share_pct",
                        n.value,
                        "%",
                        "exact",
                        Evidence.of(text, n.start, m.end()),
                    )
                )
                special_spans.append((n.num_start, n.num_end))
                break

    # "GRDP quý III giảm 7,02%. Tính chung 9 tháng tăng 1,28%": a sentence that opens with a
    # period and names no indicator goes on with the previous sentence's.
    ctx.inherit = None
    if ctx.last_indicator and not inds and any(p.start - s <= 25 for p in sent_periods):
        ctx.inherit = ctx.last_indicator
    ctx.previous_indicator = ctx.last_indicator
    ctx.previous_area = ctx.last_area
    ctx.last_indicator = None
    first_fact = len(result.facts)
    prev_end = s
    prev_measure: str | None = None
    prev_indicator: str | None = None
    for idx, n in enumerate(numbers):
        window_lo = prev_end
        prev_end = n.end
        if (n.num_start, n.num_end) in special_spans:
            continue
        fact = _read_number(
            ctx,
            s,
            e,
            n,
            numbers[idx - 1] if idx else None,
            window_lo,
            inds,
            sent_periods,
            sent_areas,
            current,
            prev_measure,
            prev_indicator,
            numbers[idx + 1].start if idx + 1 < len(numbers) else None,
        )
        if fact is None:
            continue
        prev_measure, prev_indicator = fact.measure, fact.indicator
        ctx.last_indicator = fact.indicator
        ctx.last_area = fact.area
        if hyp_at is not None and hyp_at < n.start and not (target_at is not None and target_at < n.start):
            continue
        if target_at is not None and target_at < n.start:
            period = _target_period(ctx, sent_periods, n.start, current, after=n.end)
            qual = fact.qualifier if fact.qualifier != "estimate" else "exact"
            result.targets.append(
                Fact(
                    fact.indicator,
                    fact.area,
                    period,
                    fact.measure,
                    fact.value,
                    fact.unit,
                    qual,
                    fact.evidence,
                )
            )
        else:
            result.facts.append(fact)

    if rules.respectively.search(text, s, e):
        _respectively(ctx, s, e, numbers, result, first_fact)
    _one_growth_per_sentence(rules, result, first_fact)

    for p in sent_periods:
        if p.role == CURRENT and (target_at is None or p.start < target_at):
            current = p
    return current


def _fold_words(rules: LanguageRules, text: str, s: int, e: int, numbers: list) -> list[NumberMatch]:
    """ "three times higher than the same period", "ثلاثة أضعاف", "gấp ba lần": a bare number."""
    alts = "|".join(regex.escape(w) for w in sorted(rules.fold_words, key=len, reverse=True))
    taken = [(n.start, n.end) for n in numbers]
    out = []
    for m in regex.finditer(rf"(?<!\w)(?:{alts})(?!\w)", text[s:e], regex.I):
        a, b = s + m.start(), s + m.end()
        if any(x <= a < y for x, y in taken) or not rules.fold.match(text, b, e):
            continue
        out.append(NumberMatch(a, b, a, b, rules.fold_words[m.group(0).lower()], None))
    return out


def _one_growth_per_sentence(rules: LanguageRules, result: Extraction, first: int) -> None:
    """Two growth rates of one indicator and period in a sentence (machine translation repeats
    "an increase of 2%, equivalent to an increase of 18% over the previous year"): keep the one
    that names its comparison base, when exactly one does."""
    groups: dict[tuple, list[Fact]] = {}
    for f in result.facts[first:]:
        if f.measure == "yoy_pct":
            groups.setdefault((f.indicator, f.area, f.period), []).append(f)
    drop = set()
    for facts in groups.values():
        if len(facts) < 2:
            continue
        based = [f for f in facts if rules.yoy_after.search(f.evidence.text)]
        if len(based) == 1:
            drop |= {id(f) for f in facts if f is not based[0]}
    if drop:
        result.facts[first:] = [f for f in result.facts[first:] if id(f) not in drop]


def _respectively(
    ctx: _Context, s: int, e: int, numbers: list[NumberMatch], result: Extraction, first: int
) -> None:
    """ "4.85 million tourists and 8.55 trillion VND ..., rising 2.3 and 2.7-fold respectively":
    the growth figures after the levels go to the levels' indicators, in order."""
    from dataclasses import replace

    text, rules = ctx.text, ctx.rules
    levels = [f for f in result.facts[first:] if f.measure == "level"]
    if len(levels) < 2:
        return
    if len({f.indicator for f in levels}) == 1:
        # "Exports and imports reached 5 and 4 billion USD respectively": the indicators named
        # together before the figures take them in order.
        first_level = next(
            (n.start for n in numbers if n.unit not in (None, "%", "pp")), levels[0].evidence.end
        )
        named = [i for i in rules.find_indicators(text, s, first_level) if i[2]]
        names = list(dict.fromkeys(i[2] for i in named))
        if len(names) != len(levels):
            return
        by_id = {id(f): replace(f, indicator=code) for f, code in zip(levels, names, strict=True)}
        growth = [
            f for f in result.facts[first:] if f.measure == "yoy_pct" and f.indicator == levels[0].indicator
        ]
        if len(growth) == len(levels):
            by_id |= {id(f): replace(f, indicator=code) for f, code in zip(growth, names, strict=True)}
        result.facts[first:] = [by_id.get(id(f), f) for f in result.facts[first:]]
        return
    if len({f.indicator for f in levels}) != len(levels):
        return
    after = [n for n in numbers if n.start >= levels[-1].evidence.end and n.unit in (None, "%")]
    if len(after) < len(levels):
        return
    group = after[: len(levels)]
    fold = rules.fold.match(text, group[-1].num_end, e)
    if any(n.unit is None for n in group) and not fold:
        return
    if any(n.unit == "%" for n in group) and fold:
        return
    down = _last(rules.down, text[levels[-1].evidence.end : group[0].start])
    kept = [
        f
        for f in result.facts[first:]
        if not any(f.evidence.start <= n.num_start < f.evidence.end for n in group)
    ]
    del result.facts[first:]
    result.facts.extend(kept)
    for f, n in zip(levels, group, strict=True):
        value = round((n.value - 1) * 100, 6) if fold else (-n.value if down else n.value)
        result.facts.append(
            Fact(
                f.indicator,
                f.area,
                f.period,
                "yoy_pct",
                value,
                "%",
                "exact",
                Evidence.of(text, n.start, group[-1].end if fold else n.end),
            )
        )


def _shift(n: NumberMatch, by: int) -> NumberMatch:
    from dataclasses import replace

    return replace(n, start=n.start + by, end=n.end + by, num_start=n.num_start + by, num_end=n.num_end + by)


def _target_period(ctx, sent_periods, pos, current, after: int | None = None) -> str | None:
    # A period right after the figure ("15 million arrivals in 2023"), a horizon in the sentence
    # ("by 2025"), the nearest period before, then after.
    if after is not None:
        right = [p for p in sent_periods if 0 <= p.start - after <= 30 and p.role != COMPARED]
        if right:
            return right[0].resolve(ctx.year)
    by = [p for p in sent_periods if p.role == BY]
    if by:
        near = min(by, key=lambda p: abs(p.start - pos))
        return near.resolve(ctx.year)
    before = [p for p in sent_periods if p.start < pos and p.role != COMPARED]
    if before:
        return before[-1].resolve(ctx.year)
    later = [p for p in sent_periods if p.start >= pos and p.role != COMPARED]
    if later:
        return later[0].resolve(ctx.year)
    if current is not None:
        return current.resolve(ctx.year)
    return str(ctx.year) if ctx.year else None


def _read_number(
    ctx,
    s,
    e,
    n: NumberMatch,
    prev: NumberMatch | None,
    window_lo,
    inds,
    sent_periods,
    sent_areas,
    current,
    prev_measure,
    prev_indicator,
    next_start: int | None = None,
) -> Fact | None:
    text, rules = ctx.text, ctx.rules
    # Conversions in brackets right after another figure: "VND5.45 trillion ($228 million)".
    if prev is not None and n.start > 0:
        gap = text[prev.end : n.start]
        if _OPEN_BRACKET.fullmatch(gap):
            return None
    before = text[max(s, n.start - 30) : n.start]
    if rules.not_fact_before.search(before):
        return None
    after = text[n.end : min(e, n.end + 60)]
    fold_m = rules.fold.match(text, n.end, e) if n.unit is None else None
    if fold_m and not (
        1 < n.value <= 100 and rules.same_period.search(text, fold_m.end(), min(e, fold_m.end() + 60))
    ):
        fold_m = None
    if (
        fold_m
        and prev is not None
        and prev.unit is None
        and regex.fullmatch(r"\s*(?:,|and|và|و)\s*", text[prev.end : n.start])
    ):
        fold_m = None  # "rose 2.3 and 2.7-fold": a list, read with "respectively"
    if fold_m:
        # "gấp 2 lần cùng kỳ", "1.5-fold that of the same period", "1.5 ضعف الفترة نفسها": growth.
        from dataclasses import replace as _replace

        n = _replace(n, value=round((n.value - 1) * 100, 6), unit="%", end=fold_m.end())
        after = ""
    elif rules.not_fact_after.match(after):
        return None
    if n.unit == "%" and rules.other_base.match(text, n.end, e):
        return None  # "0.25% over the previous month": no measure for month-on-month
    if rules.comparison.search(text, window_lo, n.start) and rules.comparison_after.match(text, n.end, e):
        return None
    if rules.comparison_before.search(text, max(window_lo, n.start - 100), n.start):
        return None

    # -- indicator --------------------------------------------------------------------------
    ind = None
    for i in inds:
        if i[1] <= n.num_start and i[0] >= s:
            ind = i
    code = ind[2] if ind else ctx.inherit
    ind_start = ind[0] if ind else None
    carried = ind is None and code is not None  # the indicator comes from the sentence before
    if code == PREVIOUS:  # "this sector", "khu vực này": the sector of the sentence before
        prev_code = ctx.last_indicator or ctx.previous_indicator
        code = prev_code if prev_code and prev_code.startswith("va_") else None
        carried = not ctx.last_indicator
    after_link = rules.indicator_after_link.match(text, n.end, e)
    grows_after = False
    follows = False  # the indicator is written right after the number
    if after_link and (ind is None or n.unit != "%"):
        # "VND1.46 trillion from tourism services", "1,2 tỷ USD vốn FDI", "8.5% GRDP growth".
        following = [i for i in inds if i[0] == after_link.end() and i[0] >= n.num_end]
        if following:
            code, ind_start = following[0][2], None
            follows = True
            grows_after = bool(
                rules.growth_word.match(text, following[0][1] + 1, min(e, following[0][1] + 20))
            )
    if n.count_noun:
        following = [i for i in inds if i[0] >= n.num_end and i[0] - n.end <= 25]
        if following and following[0][2] in COUNT_INDICATORS:
            code, ind_start = following[0][2], None
        elif n.count_noun == "visitors" and code != "visitors":
            code, ind_start = "visitors", None
    if code is None:
        return None
    part = _last(rules.part_of, text[window_lo : n.start])
    if part is not None and prev is not None and (ind_start is None or ind_start < window_lo + part[0]):
        return None  # "12 million visitors, of which 1.5 million international": a part, not the total
    if n.unit is None:
        # A bare number is a figure only as a count right after its indicator
        # ("the number of new enterprises was 1,234"); never a year.
        clause_start = max([c + 1 for c in clause_cuts(text, s, n.start)] + [s])
        near = (ind_start is not None and ind_start >= clause_start and n.start - ind_start < 80) or follows
        if not (code in COUNT_INDICATORS and near and (n.value >= 10) and not (1900 <= n.value <= 2100)):
            return None
        from dataclasses import replace as _replace

        n = _replace(n, unit=COUNT_INDICATORS[code])

    # -- measure ----------------------------------------------------------------------------
    window = text[window_lo : n.start]
    measure: str | None
    value = n.value
    unit = n.unit
    qualifier = n.qualifier
    cue_start = None
    ev_end = n.end
    if n.unit == "pp":
        measure = "contribution_pp"
        # "giảm 0,8 điểm phần trăm so với đầu năm": a change of a rate, not a contribution.
        # Only a sentence about contributing to growth (or a GDP component's points) has one.
        if code in LEVEL_RATES or not (
            rules.contribution.search(text, s, e) or code.startswith("va_") or code == "product_taxes"
        ):
            return None
        # "pulled growth down by 0.4 percentage points", "làm giảm 0,4 điểm phần trăm": a drag.
        if _last(rules.down, window):
            value = -value
    elif fold_m:
        measure = "yoy_pct"
    elif n.unit == "%" and rules.exceed_plan_before.search(text, max(window_lo, n.start - 60), n.start):
        measure = "plan_pct"
        value = round(100 + value, 6)
    elif n.unit == "%":
        plan = rules.plan_after.match(text, n.end, e)
        yoy_after = rules.yoy_after.match(text, n.end, e)
        up = _last(rules.up, window)
        down = _last(rules.down, window)
        share_b = _last(rules.share_before, window)
        share_a = rules.share_after.match(text, n.end, e)
        index_b = _last(rules.index_before, text[max(window_lo, n.start - 25) : n.start])
        # The cue nearest the number decides: "representing increases of 8%" is growth.
        # Ties by end go to the share cue ("made up" holds "up").
        before_cues = [
            (c[1], rank, name)
            for c, rank, name in ((up, 0, "up"), (down, 0, "down"), (share_b, 1, "share"))
            if c
        ]
        nearest = max(before_cues, default=None)
        if nearest:
            nearest = (nearest[0], nearest[2])
        if code in LEVEL_RATES and not share_a and not yoy_after:
            measure = "level"  # "tỷ lệ hộ nghèo giảm còn 1,5%": the rate itself
        elif plan:
            measure = "plan_pct"
            ev_end = plan.end()
            if _last(rules.exceed_before, text[max(window_lo, n.start - 15) : n.start]):
                value = round(100 + value, 6)
        elif index_b and (yoy_after or rules.same_period.match(text, n.end, min(e, n.end + 45))):
            # "bằng 105,4% so với cùng kỳ", "equivalent to 112% of the same period": an index.
            measure = "yoy_pct"
            value = round(value - 100, 6)
            ev_end = (yoy_after or rules.same_period.match(text, n.end, min(e, n.end + 45))).end()
        elif share_a or (nearest and nearest[1] == "share" and not yoy_after):
            measure = "share_pct"
            if share_a:
                ev_end = share_a.end()
            elif share_b:
                cue_start = window_lo + share_b[0]
        elif nearest or yoy_after or grows_after:
            measure = "yoy_pct"
            if nearest and nearest[1] == "down":
                value = -value
            if nearest:
                cue = up if nearest[1] == "up" else down
                cue_start = window_lo + cue[0]
            if yoy_after:
                ev_end = yoy_after.end()
        elif code in LEVEL_RATES:
            measure = "level"
        elif (
            prev_measure in ("yoy_pct", "share_pct") and prev_indicator is not None and _is_list_item(window)
        ):
            measure = prev_measure
        elif rules.growth_word.search(text, ind_start if ind_start is not None else s, n.start) or (
            rules.growth_word.search(text, s, n.start) and code
        ):
            measure = "yoy_pct"
        elif rules.structure.search(text, s, e):
            measure = "share_pct"  # "in the economic structure, industry and construction 45.27%"
        elif code in GROWTH_DEFAULT:
            measure = "yoy_pct"  # "GRDP đạt 8,1%": a bare % of a flow or index is its growth
        else:
            measure = None
    else:
        measure = "level"
        if n.currency is None and n.scale and not n.count_noun:
            if code in COUNT_INDICATORS:
                unit = f"{n.scale} {COUNT_INDICATORS[code]}"
            else:
                unit = f"{n.scale} VND"
        if n.count_noun and COUNT_INDICATORS.get(code) != n.count_noun and code != "visitors":
            return None
        if code in COUNT_INDICATORS and n.currency:
            return None
    if measure is None:
        return None

    if qualifier == "exact":
        est = _last(rules.estimate, text[window_lo : n.start])
        if est is not None:
            qualifier = "estimate"

    # -- period and area ----------------------------------------------------------------------
    period = None
    # The nearest period before the figure in its sentence; else one just after it in its
    # clause ("grew 7.5% in the first half of 2024"); else the period the text is on.
    p_before = [p for p in sent_periods if p.end <= n.start and p.role == CURRENT]
    clause_end = min([c for c in clause_cuts(text, n.end, min(e, n.end + 80))] + [min(e, n.end + 80)])
    later = [p for p in sent_periods if n.end <= p.start < clause_end and p.role == CURRENT]
    if p_before:
        chosen = p_before[-1]
        # "vốn năm 2024 đến hết ngày 31/01/2025": the 2024 plan, paid out until January 2025.
        years = [p for p in p_before[:-1] if p.kind == "year" and p.year is not None]
        if chosen.kind == "ytd" and chosen.year is not None and years and years[-1].year < chosen.year:
            chosen = years[-1]
        period = chosen.resolve(_sentence_year(ctx, sent_periods, chosen))
    elif later:
        period = later[0].resolve(ctx.year)
    elif current is not None:
        period = current.resolve(ctx.year)
    if period is None and ctx.year:
        period = str(ctx.year)
    if measure == "yoy_pct" and period and not fold_m:
        # "tăng 6,9% so với quý I/2024", "مقارنة بالربع الأول": a base in the same year is another
        # period of that year (quarter on quarter), not the same period of last year.
        for p in sent_periods:
            if p.role == COMPARED and n.end <= p.start <= n.end + 30 and p.kind == "quarter":
                base = p.resolve(ctx.year if p.year is None else p.year)
                if base and base != period and base[:4] == period[:4]:
                    return None
    area = ctx.area
    if carried and ctx.previous_area is not None:
        area = ctx.previous_area
    a_before = [a for a in sent_areas if a.end <= n.start]
    if a_before:
        area = a_before[-1].area
    elif rules.not_an_area.search(text, s, n.start):
        return None  # "the 18 ministries and localities of Working Group No. 1": no one area's figure
    if code == "grdp" and area == NATION:
        pass

    # -- evidence -----------------------------------------------------------------------------
    start = n.start
    clause_lo = max([c + 1 for c in clause_cuts(text, window_lo, n.start)] + [window_lo])
    if ind_start is not None and ind_start >= clause_lo and n.start - ind_start < 120:
        start = min(start, ind_start)
    if cue_start is not None and cue_start >= clause_lo:
        start = min(start, cue_start)
    est = _last(rules.estimate, text[clause_lo : n.start])
    if qualifier == "estimate" and est is not None:
        start = min(start, clause_lo + est[0])
    return Fact(code, area, period, measure, value, unit, qualifier, Evidence.of(text, start, ev_end))


def _sentence_year(ctx: _Context, sent_periods: list[PeriodMention], mention: PeriodMention) -> int | None:
    # "Quý I tăng 3,68%; quý II ..." inside a sentence about 2020: take the sentence's year.
    if mention.year is None:
        for p in sent_periods:
            if p.year is not None and p.start < mention.start and p.role == CURRENT:
                return p.year
    return ctx.year


_OPEN_BRACKET = regex.compile(r"\s*\(\s*")
_LIST_ITEM = regex.compile(r"[,،;؛]\s*(?:and\s+|và\s+|و)?[^\d,،;؛]{0,60}$")


def _is_list_item(window: str) -> bool:
    """The number follows a list separator and a few words: "…, industry and construction 7.03%"."""
    return bool(_LIST_ITEM.search(window))


def _last(pattern: regex.Pattern, window: str):
    last = None
    for m in pattern.finditer(window):
        last = (m.start(), m.end())
    return last


# -- qualitative sections ------------------------------------------------------------------------
def _read_sections(ctx: _Context, result: Extraction) -> None:
    text, rules = ctx.text, ctx.rules
    paras = paragraphs(text)
    cues: list[tuple[int, int, str]] = []
    for kind, pat in (
        ("directives", rules.directive_cue),
        ("difficulties", rules.difficulty_cue),
        ("recommendations", rules.recommendation_cue),
    ):
        for m in pat.finditer(text):
            cues.append((m.start(), m.end(), kind))
    if not cues:
        return
    cues.sort()
    fact_starts = sorted(f.evidence.start for f in result.facts)
    para_starts = [ps for ps, _ in paras]
    sections: list[tuple[int, int, int, int, str]] = []
    for i, (cs, ce, kind) in enumerate(cues):
        if sections and sections[-1][4] == kind and cs < sections[-1][1]:
            continue  # a second cue inside the same section
        # The section runs from its cue's sentence to the next cue of another kind, or the end
        # of the paragraph; directives go on over following paragraphs that hold no figures.
        nxt = next((c[0] for c in cues[i + 1 :] if c[2] != kind), len(text))
        k = bisect_right(para_starts, cs) - 1
        para = paras[k] if k >= 0 and cs < paras[k][1] else (cs, len(text))
        end = min(nxt, para[1])
        if kind == "directives" and nxt > para[1]:
            for ps, pe in paras[bisect_left(para_starts, para[1]) :]:
                has_fact = bisect_left(fact_starts, ps) < bisect_left(fact_starts, pe)
                if ps >= nxt or pe - ps < 40 or has_fact:
                    break
                if not rules.directive_continue.match(text, ps, pe):
                    break
                end = min(nxt, pe)
        start = _sentence_start(text, cs, para[0])
        if sections and start < sections[-1][1]:
            start = max(start, sections[-1][1])
        if start >= end:
            continue
        sections.append((start, end, cs, ce, kind))
    previous_period: str | None = None
    for start, end, cs, ce, kind in sections:
        period = None
        if kind == "directives":
            period = _section_period(ctx, start, end, previous_period)
            previous_period = period
        items = _split_items(text, start, end, cs, ce, kind, rules)
        target = getattr(result, kind)
        for a, b in items:
            header = _HEADER.match(text, a, b)  # the corpus's " date 2022-04" record line
            ev = Evidence.of(text, header.end() if header else a, b)
            if len(ev.text) < 12 or text[b - 1 : b] == ":":
                continue  # a heading ("difficulties include:") is no item
            target.append(Item(ev.text, period, ev))


_HEADER = regex.compile(r"\s*date\s+\d{4}-\d{2}\s+")


def _sentence_start(text: str, pos: int, floor: int) -> int:
    floor = max(floor, pos - 3000)
    for s, e in sentences(text[floor : pos + 1]):
        if s + floor <= pos <= e + floor:
            return s + floor
    return pos


def _section_period(ctx: _Context, start: int, end: int, previous: str | None) -> str | None:
    # The period the cue sentence names (the last quarter/half/span in it, else its year);
    # else the previous directive section's; else the period after the one reported.
    cue_end = next(iter(sentences(ctx.text[start : min(end, start + 3000)])), (0, end - start))[1] + start
    inside = [p for p in _between(ctx.mentions, ctx.mention_starts, start, cue_end) if p.role != COMPARED]
    spans = [p for p in inside if p.kind != "year"]
    if spans:
        return spans[-1].resolve(ctx.year)
    if previous:
        return previous
    if inside:
        return inside[-1].resolve(ctx.year)
    from marsad.core import periods as P

    earlier = [p for p in _between(ctx.mentions, ctx.mention_starts, 0, start)[-50:] if p.role == CURRENT]
    facts_periods = [c for c in (p.resolve(ctx.year) for p in earlier) if c]
    if facts_periods:
        try:
            last = P.parse(facts_periods[-1])
        except P.PeriodError:
            return None
        if last.last % 3 == 0 and last.last < 12:
            return P.quarter(last.year, last.last // 3 + 1).code
    return None


def _split_items(text, start, end, cs, ce, kind, rules) -> list[tuple[int, int]]:
    cuts = [start]
    for m in regex.finditer(r"[;؛]|(?<!\d)[.!?](?!\d)|:(?!\d)|\n", text[start:end]):
        cuts.append(start + m.end())
    cuts.append(end)
    spans = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b - a > 0:
            spans.append((a, b))
    if kind == "recommendations":
        lm = rules.recommendation_list.search(text, start, end)
        if lm:
            stop = next((b for a, b in spans if a <= lm.end() < b), end)
            out = [(a, b) for a, b in spans if b <= lm.start()]
            pos = lm.end()
            for m in regex.finditer(r"[,،]|\s(?:و|và|and)\s", text[pos:stop]):
                out.append((pos, lm.end() + m.start()))
                pos = lm.end() + m.end()
            out.append((pos, stop))
            out += [(a, b) for a, b in spans if a >= stop]
            return out
    return spans
