"""Attachment: each figure of a sentence gets its indicator, measure, period and area.

Shared by every language. For a quantity of a sentence:

* **indicator** — the nearest indicator named before it in the sentence, or one named right
  after it through a link word ("1,2 tỷ USD vốn FDI", "VND1.46 trillion from tourism",
  "3 مليارات دولار من الصادرات"); a sentence that opens by going on from the one before
  ("Tính chung 9 tháng, tăng 1,28%") keeps its indicator. A phrase naming something the
  catalogue lacks, named nearer, takes the figure away.
* **measure** — :mod:`.measures`, from the cue words since the previous figure.
* **period** — the period named nearest before it since the previous figure, else one named
  right after it ("grew 7.5% in the first half"), else the nearest before in the sentence, else
  the period the paragraph is about, else the document's. A multi-year span or a holiday week
  leaves no period: the figure is skipped. "cùng kỳ năm 2024" as a figure's own period is the
  span talked about, in 2024.
* **area** — the place named nearest before it in the sentence, else the one the text is on
  (carried from the last sentence that named one place with figures), else the document's.

Kinds of rules read here besides the measures' ones: ``target`` (the figure is aimed at),
``part`` (of which: a part of the figure before), ``hypothetical``, ``forecast`` (someone
else's forecast), ``average``, ``continuation``, ``link`` (between a figure and the indicator
after it), ``respectively``, ``structure``, ``rank``, ``superlative`` ("cao nhất cả nước": the country
topped is no subject), ``no_area``, ``special_target``,
``share_target``, ``conversion_link`` ("VND 110 trillion, or US$4.3 billion": the amount again in
another currency).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from marsad.core import periods as P
from marsad.core.catalogue import Indicator

from .areas import NATION, AreaMention
from .grammar import Grammar, Match
from .indicators import PREVIOUS, IndicatorMention, catalogue, find_indicators
from .measures import AFTER_KINDS, BEFORE_KINDS, read_measure
from .model import AreaRef, Evidence, Fact
from .quantity import Quantity, find_quantities
from .timeframes import COMPARED, CURRENT, HORIZON, PLAN, WHOLE, PeriodMention, between

__all__ = ["Reader", "SentenceState"]

SENTENCE_KINDS = (
    "target",
    "part",
    "hypothetical",
    "forecast",
    "average",
    "continuation",
    "link",
    "respectively",
    "structure",
    "rank",
    "no_area",
    "threshold",
    "proper_name",
    "stock",
    "comparative",
    "superlative",
    "than",
    "clause_turn",
    "target_end",
    "compared_value",
    "target_after",
    "aspect",
    "aspect_count",
    "sector_head",
    "aside",
    "attribution",
    "conversion_link",
)
CUE_KINDS = BEFORE_KINDS + AFTER_KINDS + SENTENCE_KINDS
_CLAUSE = re.compile(r"[;؛]|:(?!\d)|\n")
# A line break before a lower-case word wraps a sentence's line ("the cumulative number of valid
# FDI projects in the\nprovince have reached 1,457"): no clause ends there.
_CLAUSE_UNWRAPPED = re.compile(r"[;؛]|:(?!\d)|\n(?![^\S\n]*[a-z])")
_COMMA = re.compile(r"[,،]")
_AND = re.compile(r"(?<!\S)(?:and|và)\s|(?<!\S)و")
_OPENS_BRACKET = re.compile(r"\s*\(\s*")
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_LIST_ITEM = re.compile(r"\s*(?:[-•+*–]|\(?\d{1,2}[.)]|[a-zđ]\))\s")
_OPEN_BRACKET = re.compile(r"\s*[(\[]\s*(?:\S+\s+){0,2}?$")
_OPEN_BRACKET_NUM = re.compile(r"\(\s*[+\-]?\s*$")
_SHORT_LINK = re.compile(
    r"\s*[,،]?\s*[^\W\d_]{0,3}\s*"
)  # (fullmatch) "، و", " and ": a link, no word of its own
_BASE_GAP = 16  # "30% of GRDP": the whole a share is of is named right after it
_SHARE_OF = re.compile(
    # not "of the country's total investment capital": a share of the nation's whole is a share
    r"[^\S\n]*(?:(?:of|của|trong|من|في)[^\S\n]+)?(?:the[^\S\n]+)?"
    r"(?:ال)?",  # Arabic: the name's own article stands before where it is found
    re.I,
)
_BRACKET_OPEN = re.compile(r"\s*\(\s*[+\-−]?\s*")
_OPENED_BEFORE = re.compile(r"[^()]*\(\s*")  # (fullmatch) a bracket opens at the end of the span
FOREIGN_AREA = AreaRef("foreign", None)  # marks a figure of another country (never written out)
SUBUNIT_AREA = AreaRef("subunit", None)  # marks a figure of a district or park inside the province
_LIST_SEPARATOR = re.compile(
    r"\s*(?:[,،;؛]\s*)(?:and\s+|và\s+|و)?\s*$|\s*(?:[,،;؛]\s*)?(?:and\s+|và\s+|و)\s*$"
)
# "made up 27.4% of the economy, industry 34.8% ...": the whole a share is of, written between
# the share and the next item of its list
_SHARE_WHOLE = re.compile(
    r"[^\S\n]+(?:of|in|của|trong|من|في)[^\S\n]+[^\d\n,،;؛.()%]{1,40}?(?=[^\S\n]*[,،;؛])"
)
_GENITIVE = re.compile(r"(?:\bof\s+(?:the\s+)?|\bcủa\s+|\bin\s+|(?<!\w)ل)(?:مدينة\s+|مقاطعة\s+)?\S?$", re.I)
_BRACKET_AFTER = re.compile(r"\s*\([^()]{0,40}\)")
_DIGIT = re.compile(r"\d")
_LABEL_COLON = re.compile(r"[^\S\n]*[:：][^\S\n]*")
UNWRITTEN = "period:unwritten"  # neither the figure, its paragraph nor the document says the period
_BEATS_PLAN = ("exceed", "reach", "index", "up", "down", "compared")  # "vượt kế hoạch đề ra": no target
_TO_AMOUNT = re.compile(
    r"\s*\)?\s*(?:year[\s-]on[\s-]year\s+|so\s+với\s+cùng\s+kỳ\s*,?\s*)?(?:to|lên|xuống\s+còn|lên\s+mức)\s+"
)
# spaces, or an Arabic article or proclitic; not a line break: the next line's label is its own row's
_GLUED = re.compile(r"[^\S\n]*(?:[وفبلك]?ال|لل|[وفبلك])?")


@dataclass
class SentenceState:
    """What the reading carries from one sentence to the next."""

    period: PeriodMention | None = None  # the period the paragraph is about
    area: AreaRef | None = None  # the place the text is on
    indicator: str | None = None  # the indicator of the last figure
    sector: str | None = None  # the last sector named (what "this sector" is)
    target_block: bool = False  # the sentence before set targets and this one may go on
    paragraph: int = -1
    recent: frozenset[str] = frozenset()  # the indicators of the last sentence with figures
    label: str | None = None  # the indicator a label line just named (a value line may follow)
    heading_period: PeriodMention | None = None  # the period of a heading line over its list


@dataclass
class Reader:
    """Reads the facts and targets of one document's sentences (see the module doc)."""

    text: str  # the document's text
    norm: str  # the same with ASCII digits
    g: Grammar
    habit: str
    periods: list[PeriodMention]
    areas: list[AreaMention]
    year: int | None
    doc_area: AreaRef | None
    doc_period: PeriodMention | None
    facts: list[Fact] = field(default_factory=list)
    targets: list[Fact] = field(default_factory=list)
    fired: set[str] = field(default_factory=set)
    _period_starts: list[int] = field(default_factory=list)
    _area_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._period_starts = [p.start for p in self.periods]
        self._area_starts = [a.start for a in self.areas]
        self.catalogue: dict[str, Indicator] = catalogue()
        self._taken: set[tuple[int, int]] = set()  # numbers a sentence-level rule has read
        self.title_end = 0  # where the page's headline ends (set by the engine)
        self._sentence_quantities: list[Quantity] = []
        self._sentence_inds: list[IndicatorMention] = []
        self._sentence_asides: list[Match] = []
        self._target_cue_at: int | None = None
        self._structure_rule = "after_level"
        self._target_rule = "target"
        self._other_thing_end = -1  # the end of the last figure counting something else
        self._counted: dict[int, int] = {}
        self._mentions: Counter[str] | None = None
        self._first_fact = 0  # where the facts of the sentence being read start in ``facts``
        self._early: tuple[list[int], list[str]] | None = None  # see :meth:`_indicators_from`
        self.published: date | None = None  # when the text was published (set by the engine)

    # -- one sentence ---------------------------------------------------------------------------
    def read_sentence(self, s: int, e: int, state: SentenceState) -> None:
        text, norm, g = self.text, self.norm, self.g
        sent_periods = between(self.periods, self._period_starts, s, e)
        sent_areas = [a for a in between(self.areas, self._area_starts, s, e) if a.kind != "dateline"]
        quantities = [
            q for q in find_quantities(norm, g, s, e, habit=self.habit) if not _inside(q, sent_periods)
        ]
        # The cue words matter to a sentence's figures and to the places it names only.
        cues = g.find(text, *CUE_KINDS, pos=s, endpos=e) if quantities or sent_areas else []
        names = [(a.start, a.end) for a in sent_areas if a.kind == "name"]
        if names and cues:
            # "Cao Bằng 6,52%": a cue word inside a place's name ("bằng", equal to) is the name's
            cues = [c for c in cues if not any(a <= c.start and c.end <= b for a, b in names)]
        # "xếp thứ 5 cả nước", "ranked 10th nationwide": a place named in a ranking is not the subject.
        ranks = [c for c in cues if c.kind == "rank"]
        if ranks:
            ranked = [r for r in ranks if any(0 <= a.start - r.end <= 15 for a in sent_areas)]
            self.fired.update(r.name for r in ranked)
            sent_areas = [a for a in sent_areas if not any(0 <= a.start - r.end <= 15 for r in ranked)]
        # "the highest in the country", "الأعلى في البلاد", "the country's highest": the country
        # compared with is no subject.
        highs = [c for c in cues if c.kind in ("comparative", "superlative")]
        for a in [a for a in sent_areas if a.kind == "nation"] if highs else []:
            high = next((c for c in highs if (0 <= a.start - c.end <= 20
                         and not re.search(r"[,،;؛]", text[c.end : a.start])) or 0 <= c.start - a.end <= 1),
                        None)  # fmt: skip
            if high is not None:
                sent_areas = [b for b in sent_areas if b is not a]
                self.fired.add(high.name)
        first_fact, first_target = len(self.facts), len(self.targets)
        self._first_fact = first_fact
        if self._early is None:  # the first sentence: the facts so far are the tables'
            early = sorted((f.evidence.start, f.indicator) for f in self.facts)
            self._early = ([a for a, _ in early], [code for _, code in early])
        self._special_targets(s, e, sent_periods, state)
        label, state.label = state.label, None
        if not quantities:
            state.label = self._label(s, e)
            if state.label is None:
                # "Exports from the southeastern region continued to rise in the first eight months":
                # a sentence that names one thing and no figure introduces the ranking after it
                named = {i.code for i in find_indicators(text, g, s, e)
                         if i.code in self.catalogue and not i.weak}  # fmt: skip
                if len(named) == 1:
                    state.indicator = next(iter(named))
                    state.recent = frozenset(named)
            self._carry(state, sent_periods, sent_areas, s)
            return
        # A name inside a figure's own count noun ("1,050 new business projects") names that figure.
        inds = [i for i in find_indicators(text, g, s, e)
                if not any(q.names and q.num_end <= i.start and i.end <= q.end for q in quantities)]  # fmt: skip
        # "15 dự án mới với tổng vốn đăng ký 350 triệu USD": a thing the catalogue lacks, counted
        # by the figure before it, names that figure only, not the ones after it.
        self._counted = {i.start: q.num_end for i in inds if i.code is None for q in quantities
                         if q.num_end <= i.start <= q.num_end + 2 and not text[q.num_end : i.start].strip()}  # fmt: skip
        self._sentence_quantities = quantities
        self._sentence_inds = inds
        self._sentence_asides = [c for c in cues if c.kind == "aside"]
        # "đạt 29,05% kế hoạch": a plan word right after a figure is its base, not a target.
        ends = [q.end for q in quantities]
        target_cue = next((c for c in cues if c.kind == "target" and not any(0 <= c.start - x <= 12 for x in ends)),
                          None)  # fmt: skip
        target_at = target_cue.start if target_cue is not None else None
        self._target_cue_at = target_at
        self._target_rule = target_cue.name if target_cue is not None else "target"
        target_end = e
        target_list = target_cue is not None and ":" in text[target_cue.end : target_cue.end + 60]
        # "phấn đấu tăng trưởng 10%; thu ngân sách 56.000 tỷ": targets announced before any figure
        # go on past a semicolon; "vượt kế hoạch; giá trị tăng thêm đạt ...": a plan named after a
        # figure stops at it.
        announced = (
            target_cue is not None
            and target_cue.start < quantities[0].start
            and not any(
                c.kind in ("exceed", "plan_base")
                and c.end <= target_cue.start
                and target_cue.start - c.end <= 3
                for c in cues
            )
        )
        if target_cue is not None and not target_list and not announced:
            cut = re.search(r"[;؛]", text[target_cue.end : e])
            if cut:
                target_end = target_cue.end + cut.start()  # "exceeded the target; value added reached ..."
        if target_cue is not None and text.rfind("(", s, target_cue.start) > text.rfind(
            ")", s, target_cue.start
        ):
            # "Long An (target: 7.5%) grew 6.8%": a target in brackets aims at the bracket's figure only
            close = text.find(")", target_cue.end, e)
            if close != -1:
                target_end = min(target_end, close + 1)
        back = next(
            (c for c in cues if c.kind == "target_end" and target_at is not None and c.start > target_at),
            None,
        )
        if back is not None and back.start < target_end:
            # "a target of 10% in 2025, after the economy expanded 8.8% in 2024": the result after
            # the turn is no target
            target_end = back.start
            self.fired.add(back.name)
        if target_at is None and state.target_block and _LIST_ITEM.match(text, s, e):
            target_at = s  # a list of targets goes on
        hypothetical = _first_start(cues, "hypothetical")
        forecast = _first_start(cues, "forecast")
        structure_cue = next((c for c in cues if c.kind == "structure"), None)
        structure = structure_cue is not None
        self._structure_rule = structure_cue.name if structure_cue is not None else "after_level"
        self.fired.update(c.name for c in cues if c.kind == "proper_name")
        if target_cue is not None and target_list:
            self.fired.add(target_cue.name)
        inherit = None
        if label is not None and not inds and not text[s : quantities[0].start].strip(" \t-–•*+:"):
            inherit = label  # a value line under its label line ("Thu ngân sách" / "12.500 tỷ đồng")
            self.fired.add("label_line")
        elif not any(i.code for i in inds if i.start < quantities[0].start):
            opener = text[s : quantities[0].start]
            going_on = next((c for c in cues if c.kind == "continuation" and c.start - s <= 30), None)
            if going_on is None:
                # "Tăng 5% so với cùng kỳ.", "وبلغت 4,800 مليار": a sentence that opens on its verb.
                first = next(iter(cues), None)
                if first is not None and first.kind in ("up", "down", "reach", "growth", "estimate") \
                        and not text[s : first.start].strip(" \t\n-–•*وف"):  # fmt: skip
                    going_on = first
            # "Bac Ninh led with 2.5 billion USD", "Tiếp theo là Hà Nội với 1,14 tỷ USD": a ranking
            # goes on through places after the sentence that named what is ranked.
            ranked = any(a.kind == "name" and a.end <= quantities[0].start for a in sent_areas)
            if (
                state.indicator
                and opener.strip()
                and (any(p.start - s <= 30 for p in sent_periods) or going_on or (ranked and state.recent))
            ):
                inherit = state.indicator
                if going_on is not None:
                    self.fired.add(going_on.name)
        prev_end = s
        prev_q: Quantity | None = None
        prev_fact: Fact | None = None
        sentence_areas: set[str] = set()
        last_indicator = None
        for k, q in enumerate(quantities):
            lo = prev_end
            prev_end = q.end
            if (q.num_start, q.num_end) in self._taken:
                prev_q = q
                continue
            next_start = quantities[k + 1].start if k + 1 < len(quantities) else e
            aimed = (
                target_at is not None
                and target_at < q.start < target_end
                and (
                    target_list
                    # "..., Bình Thuận ước đạt 10.300 tỷ, còn Lâm Đồng phấn đấu đạt 15.000 tỷ": an
                    # estimate word ends the targets, until a target word comes again
                    or not any(
                        c.kind == "estimate"
                        and target_at < c.start < q.start
                        and not any(t.kind == "target" and c.end <= t.start < q.start for t in cues)
                        for c in cues
                    )
                )
            )
            # ... unless the target word introduces the next figure ("1.84%, and the target of 4%")
            aimed_after = next(
                (c for c in cues if c.kind == "target_after" and 0 <= c.start - q.end <= 16
                 and not (k + 1 < len(quantities) and 0 <= quantities[k + 1].start - c.end <= 25)
                 and not any(x.kind in _BEATS_PLAN and q.end <= x.start < c.start for x in cues)),
                None,
            )  # fmt: skip
            lead = next((c for c in cues if c.kind == "target" and 0 <= q.start - c.end <= 2), None)
            if not aimed and lead is not None and lead.start > s:
                # "10.5%، أقل من المستهدف البالغ 11%": a target word that names the figure right after
                # it, though it came too close after the figure before to be the sentence's.
                aimed = True
                self._target_rule = lead.name
            in_plan = self._bracketed_plan(q, lo, cues)
            if in_plan is not None:
                aimed = True  # "đạt 8,02%, vượt kế hoạch (kế hoạch 7,5%)": the plan's figure
                self._target_rule = in_plan.name
            if aimed_after is not None:
                aimed = True  # "the 4% the government targets", "mức 6% theo kế hoạch"
                self._target_rule = aimed_after.name
            fact = self._read_quantity(q, prev_q, lo, s, e, inds, cues, sent_periods, sent_areas, state, inherit,
                                       prev_fact, structure, next_start, aimed)  # fmt: skip
            prev_q = q
            if fact is None:
                continue
            prev_fact = fact
            last_indicator = fact.indicator
            if fact.area is not None and fact.area != NATION:
                sentence_areas.add(fact.area.name or "")
            if hypothetical is not None and hypothetical < q.start and not aimed:
                self.fired.add("hypothetical")
                continue
            if (
                forecast is not None
                and forecast < q.start
                and (not aimed or (target_at is not None and target_at < forecast))
            ):
                # "تستهدف الحكومة 8%، في حين توقع البنك الدولي 6.6%": a forecaster named after
                # the target word owns the figures after it
                self.fired.add("forecast")
                continue
            if not aimed and self._forecast_after(q, cues):
                continue
            if aimed:
                self._add_target(fact, q, sent_periods, state)
            else:
                self.facts.append(fact)
        if any(
            f.indicator == "fdi_registered" and "currency:fdi" in f.rules for f in self.facts[first_fact:]
        ):
            # "registered capital of USD 1.1 billion, accounting for 20.3% of ...": dollars made it foreign.
            self.facts[first_fact:] = [replace(f, indicator="fdi_registered") if f.indicator == "ddi_registered" else f
                                       for f in self.facts[first_fact:]]  # fmt: skip
        self._respectively(s, e, quantities, cues, inds, first_fact, sent_areas)
        self._respective_years(cues, first_fact)
        self._one_growth_per_sentence(first_fact)
        made_targets = len(self.targets) > first_target
        made_facts = len(self.facts) > first_fact
        state.target_block = made_targets and not made_facts
        if made_facts:
            state.recent = frozenset(f.indicator for f in self.facts[first_fact:])
        if last_indicator:
            state.indicator = last_indicator
            if last_indicator.startswith("va_"):
                state.sector = last_indicator
        # The text moves to the place a sentence names, unless the sentence speaks of a part
        # ("Hoi An alone gave 1,300 billion") and none of its figures is that place's.
        own = {
            f.area.name for f in self.facts[first_fact:] + self.targets[first_target:] if f.area is not None
        }
        parts = any(c.kind == "part" for c in cues)
        places = [a.area for a in sent_areas if a.kind == "name" and a.area is not None and a.area != NATION
                  and (a.area.name in own or not parts)]  # fmt: skip
        named = {a.name for a in places}
        if len(named) == 1:
            state.area = places[0]
        elif len(named) > 1:
            state.area = None
        self._carry(state, sent_periods, sent_areas, s, facts_read=made_facts)

    def _label(self, s: int, e: int) -> str | None:
        """The indicator a short line names and nothing else (a label over a value line)."""
        line = self.text[s:e].strip()
        if not line or len(line) > 90 or "\n" in line:
            return None
        inds = find_indicators(self.text, self.g, s, e)
        if len(inds) != 1 or inds[0].code is None or inds[0].code == PREVIOUS:
            return None
        if len(line) - (inds[0].end - inds[0].start) > 25:
            return None  # a sentence that names an indicator, not a label
        return inds[0].code

    def _carry(
        self, state: SentenceState, sent_periods, sent_areas, s: int, facts_read: bool = False
    ) -> None:
        for p in sent_periods:
            if p.role == CURRENT and (p.codable or p.kind in ("multi", "holiday")):
                state.period = p
        # A line that is only a place's name heads the figures below it ("Hà Nội" above a paragraph).
        if len(sent_areas) == 1 and not facts_read:
            a = sent_areas[0]
            nl = self.text.find("\n", s)  # not ``"\n" in text[s:]``: a copy of the rest per sentence
            line = self.text[s : nl if nl != -1 else len(self.text)]
            if a.area is not None and len(line.strip()) <= (a.end - a.start) + 3:
                state.area = a.area

    def _is_past(self, p: PeriodMention) -> bool:
        y = p.year_in(self.year)
        return y is not None and self.year is not None and y < self.year

    # -- one figure -------------------------------------------------------------------------------
    def _read_quantity(self, q, prev_q, lo, s, e, inds, cues, sent_periods, sent_areas, state, inherit,
                       prev_fact, structure, next_start, aimed=False) -> Fact | None:  # fmt: skip
        text = self.text
        rules: list[str] = list(q.rules)
        self.fired.update(q.rules)  # the words that made this quantity (scale, currency, count, ...)
        # A conversion in brackets after another amount: "VND5.45 trillion (US$228 million)".
        if prev_q is not None and prev_q.unit == "money" and q.unit == "money":
            if _OPEN_BRACKET.fullmatch(text, prev_q.end, q.start):
                self.fired.add("conversion")
                return None
            # "VND 110 trillion, or US$4.3 billion": the same amount in another currency.
            link = next((c for c in cues if c.kind == "conversion_link" and prev_q.end <= c.start
                         and c.end <= q.start and not text[c.end : q.start].strip()), None)  # fmt: skip
            if (
                link is not None
                and q.currency != prev_q.currency
                and text[prev_q.end : link.start].strip(" ,(") == ""
            ):
                self.fired.add(link.name)
                return None
        rank = next((c for c in cues if c.kind == "rank" and c.end <= q.start and q.start - c.end <= 3), None)
        if rank is not None:
            self.fired.add(rank.name)
            return None  # "đứng thứ 6", "ranked 10th"
        # "a lower growth rate of 1.82% than 2018", "1.13% lower than last year": a difference.
        than = next((c for c in cues if c.kind in ("than", "yoy_base") and q.end <= c.start
                     and len(" ".join(text[q.end : c.start].split())) <= 14
                     # "7.2%, 1.1% higher than last year": another figure's change on the year before
                     and not (_DIGIT.search(text, q.end, c.start)
                              and any(y.kind == "yoy_change" and y.start <= c.start < y.end for y in cues))),
                    None)  # fmt: skip
        if than is not None and self._bracketed_plan(q, lo, cues) is not None:
            # "أقل من الهدف المحدد (11% أو أكثر)، لكنه أعلى من ...": the bracket holds the plan's own
            # figure; the comparisons around it are the result's
            than = None
        near = _last_in(cues, "comparative", lo, q.num_start)
        if (
            than is not None
            and prev_q is not None
            and (
                prev_q.unit not in ("%", "pp") or (prev_fact is not None and prev_fact.measure == "plan_pct")
            )
            and any(c.kind == "yoy_change" and q.end <= c.start <= q.end + 2 for c in cues)
        ):
            # "5.4 million visitors, 13% more than a year earlier": the amount's change on the year
            # before (after a rate, "grew 7.2%, 1.1% higher than last year", a difference of rates;
            # not after the share of the plan the amount reached: "52.4% of the target, and 3.8%
            # lower than a year ago")
            than = None
        if (
            than is not None
            and any(i.code and 0 <= i.start - than.end <= 4 for i in inds)
            and (near is None or _COMMA.search(text, near.end, q.num_start))
        ):
            # "المدينة، وهي أكبر مركز، 4.79 مليار دولار من الاستثمار الأجنبي": a comparative in
            # another clause, and the من of what the amount is of, not of a comparison
            than = None
        if than is not None and (
            _last_in(cues, "comparative", lo, q.num_start) is not None
            or any(
                c.kind == "comparative"
                and q.end <= c.start < than.start
                and not re.search(r"[,،]", text[q.end : c.start])
                for c in cues
            )
        ):
            self.fired.add(than.name)
            self.fired.update(c.name for c in cues if c.kind == "comparative" and lo <= c.start < than.start)
            return None
        threshold = _last_in(cues, "threshold", s, q.start)
        if (
            threshold is not None
            and not _CLAUSE.search(text, threshold.end, q.start)
            # "một số địa phương tăng cao như Hải Phòng 10,2%": a place named after the cue owns the figure
            and not any(a.kind == "name" and threshold.end <= a.start < q.start for a in sent_areas)
            # "Thái Bình, Ninh Bình, Thanh Hóa là các địa phương có tỷ lệ giải ngân cao nhất, lần lượt
            # đạt 92,4%, 85,7% và 83,1%": the places named before take the figures in order
            and not (
                any(c.kind == "respectively" and threshold.end <= c.start < q.start for c in cues)
                and sum(a.kind == "name" and a.end <= threshold.start for a in sent_areas) >= 2
            )
        ):
            self.fired.add(threshold.name)
            return None  # "nhóm các tỉnh có số thu trên 10.000 tỷ": a criterion, not a figure
        stock = _last_in(cues, "stock", s, q.start)
        # "lũy kế 9 tháng", "cumulatively in the first nine months": the sum over a period, no stock.
        # "منذ بداية العام وحتى الآن", "from the start of the year until now": "until now" inside
        # a period's words ends that span, no stock either.
        if stock is not None and any(p.codable and p.role == CURRENT and (0 <= p.start - stock.end <= 12
                                     or p.start <= stock.start < p.end) for p in sent_periods):  # fmt: skip
            rules.append(stock.name)
            stock = None
        if stock is not None and self._new_subject_after(stock.end, q.start, inds):
            stock = None  # "... have reached 1,457 ... and the number of new businesses was 3,850"
        if stock is not None and not _CLAUSE_UNWRAPPED.search(text, stock.end, q.start):
            self.fired.add(stock.name)
            return None  # "lũy kế đến nay", "cumulative": a stock since the start, no period's figure
        versus = next((c for c in cues if c.kind == "compared_value" and 0 <= q.start - c.end <= 3), None)
        if aimed:
            versus = None  # "thấp hơn mức 8% theo kế hoạch": the plan's figure, a target
        # "tăng 12% về số doanh nghiệp", "بزيادة 12% في عدد المؤسسات", "up 12% in the number of
        # enterprises": the growth of what is counted, after the capital those firms registered.
        counted_as = next((c for c in cues if c.kind == "aspect_count" and q.unit == "%"
                           and 0 <= c.start - q.end <= 2 and not text[q.end : c.start].strip()), None)  # fmt: skip
        counter = next((code for code, ind in self.catalogue.items() if counted_as is not None
                        and ind.count_unit == counted_as.rule.prod), None)  # fmt: skip
        if (
            counter is not None
            and counter not in state.recent
            and not any(f.indicator == counter for f in self.facts[self._first_fact :])
        ):
            counter = None  # the firms counted are others (dissolved, back in business)
        if (
            counter is None
            and q.unit == "%"
            and prev_q is not None
            and self._other_thing_end == prev_q.end
            and not any(prev_q.end <= i.start < q.start for i in inds)
            # "(بما في ذلك 24 مشروعا جديدا)، بما يعادل 59% من الخطة": the count was an aside in
            # brackets, closed before the percentage, which is the sentence's subject's
            and not (
                text.rfind("(", s, prev_q.start) > text.rfind(")", s, prev_q.start)
                and ")" in text[prev_q.end : q.start]
            )
        ):
            # "70 ha of forest, 140% of the plan": the percentage is of the thing just counted.
            self.fired.update(r for r in prev_q.rules if r.startswith("count"))
            return None
        # -- indicator
        counted = {st for st, end in self._counted.items() if end != q.num_end}
        # "Exports from Binh Duong, a major manufacturing hub, fell 16.4%": a name inside a
        # description of the subject set off by commas names no figure after it
        described = {i.start for i in inds if self._sentence_asides and self._in_clause_aside(i, q)}
        ind_m = _nearest_before(inds, q.num_start, s, self._wholes(inds, cues) | counted | described)
        if ind_m is not None and ind_m.code is None and ind_m.continues:
            # "total registered capital" in a story on FDI: the investment the text is about.
            topic = self._topic(ind_m.continues, state)
            if (
                prev_fact is not None
                and prev_fact.indicator not in ind_m.continues
                and ind_m.start > prev_fact.evidence.start
            ):
                # "1,620 new enterprises with a total registered capital of VND 18,300 billion":
                # the capital of what the sentence just counted, not the investment of the text.
                topic = None
            if topic is not None:
                ind_m = replace(ind_m, code=topic, rule=f"indicator:{topic}")
        if ind_m is not None and prev_q is not None and ind_m.end <= prev_q.start:
            # "dịch vụ tăng 7,1%, khu vực nông nghiệp 3,2%": a sector the catalogue does not name,
            # heading its own list item, takes the figure away from the item before.
            heads = [c for c in cues if c.kind == "sector_head" and lo <= c.start < q.num_start
                     and not any(i.start <= c.start < i.end for i in inds)]  # fmt: skip
            if heads:
                self.fired.add(heads[-1].name)
                return None
        follow = self._following_indicator(q, inds, cues, e)
        if follow is not None and follow.code is None and follow.continues:
            # "led in foreign direct investment, attracting US$1.67 billion in registered capital":
            # the capital named after the figure is that of the investment the sentence named.
            named = [i for i in inds if s <= i.start and i.end <= q.num_start and i.code in follow.continues]
            if named:
                follow = replace(follow, code=named[-1].code, rule=named[-1].rule)
        if (
            ind_m is not None
            and prev_fact is not None
            and prev_q is not None
            and ind_m.end <= prev_q.start
            and prev_fact.evidence.start <= prev_q.num_start < prev_fact.evidence.end
            and prev_fact.indicator != ind_m.code
        ):
            # named before the figure before, which read it otherwise ("welcomed 3.9 million
            # visitors, up 18%" after "the tourism department"): that figure's indicator goes on
            code, ind_m = prev_fact.indicator, None
        elif ind_m is not None:
            code = ind_m.code
        elif prev_fact is not None:
            code = prev_fact.indicator  # "đón 850 nghìn lượt khách, tăng 18%": the sentence's subject goes on
        else:
            code = inherit
        ind_start = ind_m.start if ind_m is not None else None
        named_at = ind_m.start if ind_m is not None else None
        if (
            follow is not None
            and (ind_m is None or q.unit not in ("%", "pp") or ind_m.code is None)
            and not (follow.weak and ind_m is not None and ind_m.code is not None)
        ):
            code, ind_start, named_at = follow.code, None, follow.start
            rules.append(follow.rule)
            link = next((c for c in cues if c.kind == "link" and q.end <= c.start < follow.start), None)
            if link is not None:
                rules.append(link.name)
        elif ind_m is not None:
            rules.append(ind_m.rule)
        aspect = next((c for c in cues if c.kind == "aspect" and 0 <= c.start - q.end <= 2), None)
        named = next((i for i in inds if aspect is not None and 0 <= i.start - aspect.end <= 2), None)
        if named is not None:
            # "tăng 20% về vốn đăng ký", "up 20% in terms of capital": what the figure is of.
            self.fired.add(aspect.name)
            if named.code is None or named.code == PREVIOUS:
                return None
            code = named.code
            rules.append(named.rule)
        if code == PREVIOUS:
            code = state.sector
            rules.append(ind_m.rule if ind_m is not None else "indicator_ref")
        if counter is not None:
            code = counter
            rules.append(counted_as.name)
        counted = code is not None and code in self.catalogue and self.catalogue[code].count_unit
        if (
            q.names
            and follow is None
            and (
                ind_m is None
                or (ind_m.code is not None and not counted)
                # "استقبل قطاع السياحة 19 مليون زائر", "the tourism sector welcomed 19 million
                # visitors": a sector the catalogue lacks is the subject; the count names the figure
                or (
                    ind_m.code is None
                    and any(c.kind == "sector_head" and ind_m.start <= c.start < ind_m.end for c in cues)
                    and not _DIGIT.search(text, ind_m.end, q.num_start)
                )
                or (ind_m.code is not None and q.start - ind_m.end > 60)
                # "according to the tourism department, the province welcomed 7.6 million visitors",
                # "وفيما يتعلق بالسياحة، استقبلت المقاطعة 7.2 مليون زائر": a topic closed by a comma
                or (
                    ind_m.code is None
                    and re.search(r"[,،;؛]", text[ind_m.end : q.start])
                    # "وفي مجال السياحة، استقبلت المقاطعة 4.2 مليون زائر": near, when a verb after
                    # the comma takes the count
                    and (
                        q.start - ind_m.end > 20
                        or any(
                            c.kind == "reach"
                            and ind_m.end < c.start
                            and c.end <= q.start
                            and _COMMA.search(text, ind_m.end, c.start)
                            for c in cues
                        )
                    )
                )
            )
        ):
            # "welcomed 20.7 million visitors", "1,050 new enterprises were set up": the count names it.
            code, named_at = q.names, q.start
            if ind_m is not None and ind_m.code is None:
                self.fired.update(
                    c.name for c in cues if c.kind == "sector_head" and ind_m.start <= c.start < ind_m.end
                )
        if code is None:
            if q.count or q.unit == "count":
                self._other_thing_end = q.end
            return None
        if (
            q.count
            and code != "visitors"
            and self.catalogue.get(code)
            and self.catalogue[code].count_unit != q.count
        ):
            self.fired.update(q.rules)  # "25 dự án" is no amount of FDI
            self._other_thing_end = q.end
            return None
        if (
            code == "investment_capital"
            and q.currency == "USD"
            and any(i.code == "fdi_registered" for i in inds)
        ):
            # "50 FDI projects with total investment capital of 500 million USD": the province's
            # social investment is counted in dong; dollars of FDI projects are registered FDI
            code = "fdi_registered"
            rules.append("currency:fdi")
        if code == "ddi_registered" and q.currency == "USD":
            code = "fdi_registered"  # investment attracted in dollars is foreign ("thu hút đầu tư 2 tỷ USD")
            rules.append("currency:fdi")
        if code not in self.catalogue:
            return None
        ind = self.catalogue[code]
        # -- parts: "12 triệu lượt khách, trong đó 1,5 triệu lượt khách quốc tế", "riêng thành phố X"
        part_after = next((c for c in cues if c.kind == "part" and 0 <= c.start - q.end <= 3
                           and not text[q.end : c.start].strip()), None)  # fmt: skip
        if part_after is not None and prev_fact is not None:
            self.fired.add(part_after.name)
            return None  # "1.4 million visitors, 30,000 of them foreigners"
        part = _last_in(cues, "part", s, q.start)
        if part is not None and (prev_fact is not None or state.indicator):
            parents = self._indicators_from(s, part.start) or set(state.recent)
            named_after = named_at is not None and named_at >= part.end and code not in parents
            in_time = any(p.codable and (part.end <= p.start < q.start or (0 <= part.start - p.end <= 4
                                         and not text[p.end : part.start].strip())
                                         or q.end <= p.start <= q.end + 25) for p in sent_periods)  # fmt: skip
            self.fired.add(part.name)
            if not named_after and not in_time:
                return None
        # -- unit and measure
        fold = next((c for c in cues if c.kind == "fold" and q.end <= c.start <= q.end + 3), None)
        if fold is not None:
            self.fired.add(fold.name)
            return None  # "gấp 1,5 lần", "2.7-fold": a multiple is not a growth rate
        if q.unit is None:
            if not ind.count_unit or q.value < 10 or (1900 <= q.value <= 2100 and q.value == int(q.value)):
                return None
            near = follow is not None or (ind_start is not None and q.start - ind_start < 90
                                          and not _CLAUSE.search(text, ind_start, q.start))  # fmt: skip
            # "Newly established enterprises: 1,032": a label line, the count after its colon
            near = near or (
                ind_m is not None and _LABEL_COLON.fullmatch(text, ind_m.end, q.start) is not None
            )
            if not near:
                return None
        if q.unit == "money" and ind.count_unit:
            if q.currency is not None:
                self._other_thing_end = q.end  # "18,700 tỷ đồng" after "visitors": another thing's
                return None
            q = replace(q, unit="count")  # "2.3 million arrivals" with the noun before: a count
        if q.unit == "count" and not ind.count_unit:
            self.fired.update(q.rules)  # "25 dự án" is no amount of FDI
            self._other_thing_end = q.end
            return None
        if q.unit == "money" and ind.currency is None:
            self._other_thing_end = q.end
            return None
        before = [c for c in cues if lo <= c.start < q.num_start and c.kind in BEFORE_KINDS + ("plan_base",)]
        if prev_q is not None:
            # "a 15.2% increase, while exports posted a 4.7% decline": the word after the figure
            # before is that figure's change, no direction of this one
            owned = {
                c.start for c in cues if c.kind == "yoy_change" and prev_q.end <= c.start <= prev_q.end + 2
            }
            before = [c for c in before if not (c.kind in ("up", "down") and c.start in owned)]
        shared_index = self._shared_index(q, prev_q, lo, before, cues)
        if shared_index is not None:
            before = [shared_index, *before]
        heading = None
        if ind_m is not None and ind_m.start >= lo:
            heading = next((b for b in reversed(list(_CLAUSE.finditer(text, lo, ind_m.start)))), None)
        if heading is not None:
            # "tăng so với cùng kỳ: thu ngân sách ước đạt 60 tỷ", "بزيادة ملحوظة ...: تُقدر إيرادات
            # الميزانية بـ 60 مليار": the words before a colon that opens the figure's own clause
            # (its indicator named after it) sum up the list; they do not measure this figure.
            before = [c for c in before if c.start >= heading.end()]
        if ind_m is not None and ind_m.code == code and _BRACKET_OPEN.fullmatch(text, ind_m.end, q.num_start):
            # "ساهم قطاع الصناعة والبناء (13.5%) بأكبر قدر": the bracket after a name holds the
            # named thing's own figure; what it contributed is said around the bracket.
            before = [c for c in before if not (c.kind == "contribution" and c.end <= ind_m.start)]
        if self._bracketed_plan(q, lo, cues) is not None:
            before = []  # "(kế hoạch 7,5%)": the plan's own figure, measured as the indicator's
            lo = max(lo, text.rfind("(", lo, q.num_start))
        after = [c for c in cues if q.end <= c.start <= q.end + 30 and c.start < next_start and c.kind in AFTER_KINDS
                 and (not c.kind == "plan_base" or c.start <= q.end + 12)
                 # "đạt 8,02% (kế hoạch 7,5%)", "8.02% (target: 7.5%)": the bracket holds the plan's
                 # own figure, the plan is no base of the figure before it
                 and not (c.kind == "plan_base" and _OPENED_BEFORE.fullmatch(text, q.end, c.start)
                          and not text[c.end : next_start].strip(" \t:"))]  # fmt: skip
        if aimed:
            # "lower than the 8 percent target": the word that makes it a target is not a base too
            aims = {c.start for c in cues if c.kind == "target_after"}
            after = [c for c in after if not (c.kind == "plan_base" and c.start in aims)]
        if after and (
            _CLAUSE.search(text, q.end, after[0].start) or re.search(r"[,،]", text[q.end : after[0].start])
        ):
            after = []
        if _OPEN_BRACKET_NUM.search(text, max(lo, q.start - 3), q.start) or text[
            max(0, q.num_start - 2) : q.num_start
        ].strip() in ("(", "(+", "(-"):
            # "tăng so với tháng trước (+2,38%)": the base is written before the bracket.
            bracket = text.rfind("(", max(lo, q.start - 4), q.num_start)
            behind = [
                c
                for c in cues
                if lo <= c.start < q.start and c.kind in AFTER_KINDS and 0 <= bracket - c.end <= 2
            ]
            if behind and not after:
                after = [behind[-1]]
                before = [c for c in before if c.start < behind[-1].start]
        if not after and q.unit == "%":
            # "ومقارنة بالفترة نفسها من عام 2024، فإن رأس المال المصروف يعادل 108.6%" (so với cùng kỳ,
            # ... bằng 108,6%): the base said first, before the index word, is the index's base
            index = next((c for c in reversed(before) if c.kind == "index"), None)
            front = [
                c for c in cues if index is not None and lo <= c.start < index.start and c.kind == "yoy_base"
            ]
            if front:
                after = [front[-1]]
        after_level = (
            prev_fact is not None and prev_fact.indicator == code and prev_fact.measure == "level"
            and prev_q is not None and not _CLAUSE.search(text, prev_q.end, q.start)
        )  # fmt: skip
        list_measure = None
        if (
            prev_fact is not None and prev_fact.measure in ("share_pct", "yoy_pct", "plan_pct") and q.unit == "%"
            and ind_m is not None and ind_m.start >= lo
            and _LIST_SEPARATOR.match(text, self._after_whole(lo, prev_fact), ind_m.start)
        ):  # fmt: skip
            list_measure = prev_fact.measure
        if versus is not None and prev_fact is not None and prev_fact.indicator == code and q.unit == "%":
            list_measure = (
                prev_fact.measure
            )  # "up 10%, against 8% a year earlier": the base's figure, same measure
        reading = read_measure(q, ind, before, after, structure, after_level, list_measure)
        if reading.measure == "share_pct" and not reading.rules:
            reading = replace(reading, rules=(self._structure_rule,))
        if reading.measure is None:
            self.fired.update(reading.rules)
            return None
        if reading.measure == "share_pct":
            base = next((i for i in inds if q.end <= i.start <= q.end + _BASE_GAP and i.code in self.catalogue
                         and _SHARE_OF.fullmatch(text, q.end, i.start)), None)  # fmt: skip
            if base is not None and base.code not in (code, ind.parent):
                # "investment accounting for nearly 30% of GRDP": a ratio to another indicator,
                # which it is no part of, is no share of a whole.
                self.fired.update(reading.rules)
                return None
        if q.is_range and (q.unit not in ("%", "money", "count")):
            return None
        rules.extend(reading.rules)
        # a qualifier written with the number ("لا تتجاوز 5 مليارات": less than) wins over the one its
        # cue says ("vượt 107.500 tỷ": more than)
        qualifier = q.qualifier if q.qualifier != "exact" else reading.qualifier or q.qualifier
        if qualifier == "exact":
            est = _last_in(cues, "estimate", lo, q.start)
            if est is not None:
                qualifier = "estimate"
                rules.append(est.name)
        # -- period
        if versus is not None:
            # "8.2% against 6.5% a year earlier": the base's figure counts only with its period written.
            own = next((p for p in sent_periods if (p.codable or p.kind == "same")
                        and q.end <= p.start <= q.end + 30), None)  # fmt: skip
            if own is None:
                self.fired.add(versus.name)
                return None
            sent_periods = [replace(p, role=CURRENT) if p is own else p for p in sent_periods]
            own = next(p for p in sent_periods if p.start == own.start)
            lo = max(lo, q.start)  # the figure's own period is the one written after it
            rules.append(versus.name)
        average = next((c for c in cues if c.kind == "average" and c.start < q.start), None)
        # "بنسبة 2.62% على أساس سنوي في الربع الثالث": the previous figure's base, then its period
        based = next((c.end for c in cues if c.kind == "yoy_base" and lo <= c.start <= lo + 3), None)
        # "rose 10% to US$1.6 billion, while in the first half of 2025 ...": the next clause's period
        turn = next((c for c in cues if c.kind == "clause_turn" and q.end <= c.start < next_start), None)
        if turn is not None and any(turn.start <= p.start <= q.end + 16 for p in sent_periods):
            rules.append(turn.name)
        clause_end = turn.start if turn is not None else next_start
        period, prule = self._period_of(
            q, lo, s, clause_end, sent_periods, state, average is not None, qualifier == "estimate", based
        )
        if versus is not None and own.kind == "same":
            # "cao hơn mức tăng 6,5% của cùng kỳ năm trước": the same span, a year earlier.
            ref = next((p for p in reversed(sent_periods) if p.codable and p.end <= q.start), None)
            ref = ref or state.period or self.doc_period
            if (ref is None or not ref.codable) and own.year is None:
                return None
            year = own.year if own.year is not None else (ref.year_in(self.year) or 0) + (own.relative or -1)
            if ref is None or not ref.codable:
                period, prule = str(year), own.rule  # "8% in the same period of 2023", no span said
            else:
                period, prule = replace(ref, year=year, relative=None).resolve(self.year), own.rule
        if aimed:
            period, prule = self._target_period(q, sent_periods, state) or period, prule or "target_period"
        if period is None:
            if prule:
                self.fired.add(prule)
                self.fired.update(c.name for c in cues if c.kind == "average" and c.start < q.start)
            return None  # a multi-year span, a holiday week: no period to give it
        period = period or None  # "": the text never says which period
        if prule is None or prule == UNWRITTEN:
            rules.append("period:default")
        if prule:
            rules.append(prule)
        if (
            reading.measure == "yoy_pct"
            and average is not None
            and any(p.kind == "multi" for p in sent_periods)
        ):
            self.fired.add(average.name)
            return None
        if reading.measure == "yoy_pct" and not _a_year_before(
            self._written_base(q, next_start, sent_periods), period
        ):
            self.fired.add("base_not_a_year_before")
            return None  # "so với quý II/2024" for the third quarter: a change on another base
        # -- area
        area, arule = self._area_of(q, s, sent_areas, state)
        if area is FOREIGN_AREA:
            foreign = [a for a in sent_areas if a.kind == "foreign" and a.end <= q.start][-1]
            between_inds = [i for i in inds if foreign.end <= i.start < q.start and not i.weak]
            if not between_inds or between_inds[0].start - foreign.end <= 4:
                self.fired.add(arule)
                return None  # "Thailand's GDP grew 2%", "exports to the US": another country's figure
            area, arule = (state.area or self.doc_area), None  # the country was named in passing
        if area is SUBUNIT_AREA:
            self.fired.add(arule)
            return None  # "huyện X đạt 650 tỷ": one district's part of the province's figure
        if arule:
            rules.append(arule)
        no_area = next((c for c in cues if c.kind == "no_area" and c.start < q.start), None)
        if no_area is not None and arule is None:
            self.fired.add(no_area.name)
            return None
        # -- evidence
        start = q.start
        clause_lo = max([m.end() for m in _CLAUSE.finditer(text, lo, q.start)] + [lo])
        if ind_start is not None and ind_start >= clause_lo and q.start - ind_start < 140:
            start = min(start, ind_start)
        if reading.cue_start is not None and reading.cue_start >= clause_lo:
            start = min(start, reading.cue_start)
        end = max(q.end, reading.ev_end or q.end)
        if follow is not None:
            end = max(end, follow.end)
        unit = q.label(ind.currency, ind.count_unit) if reading.measure in ("level",) and not ind.is_rate else (
            "%" if reading.measure != "contribution_pp" else "pp")  # fmt: skip
        if reading.measure == "level" and ind.is_rate:
            unit = "%"
        value = reading.value
        if q.end <= self.title_end:
            rules.append("headline")  # a headline's figure, which the body usually states precisely
        fact = Fact(indicator=code, area=area, period=period, measure=reading.measure, value=_plain(value),
                    unit=unit, qualifier=qualifier, evidence=Evidence.of(text, start, end),
                    rules=tuple(dict.fromkeys(rules)))  # fmt: skip
        if q.is_range:
            fact = replace(fact, low=_plain(q.low if reading.measure != "yoy_pct" or value >= 0 else -q.low))
        self.fired.update(fact.rules)
        return fact

    def _after_whole(self, pos: int, prev_fact: Fact) -> int:
        """Where the next list item may start after a share at ``pos``: past the whole it is of."""
        if prev_fact.measure != "share_pct":
            return pos
        whole = _SHARE_WHOLE.match(self.text, pos)
        return whole.end() if whole else pos

    def _new_subject_after(self, lo: int, hi: int, inds) -> bool:
        """Between ``lo`` and ``hi`` a figure, then "and" and an indicator of the catalogue: the
        sentence has gone on to another subject ("the cumulative number of projects reached 1,457
        ... and the number of newly-registered businesses was 3,850")."""
        for c in _AND.finditer(self.text, lo, hi):
            if any(lo <= x.end <= c.start() for x in self._sentence_quantities) and any(
                c.end() <= i.start < hi and i.code is not None and not i.weak for i in inds
            ):
                return True
        return False

    def _indicators_from(self, s: int, hi: int) -> set[str]:
        """The indicators of the facts read so far whose evidence starts in ``[s, hi)``, ``s``
        being the start of the sentence being read, without a pass over every fact: a sentence's
        facts start inside it, so of the earlier sentences' none can; the tables' facts (read
        before any sentence, anywhere in the text) are looked up by their starts."""
        starts, codes = self._early or ([], [])
        found = set(codes[bisect_left(starts, s) : bisect_left(starts, hi)])
        found.update(f.indicator for f in self.facts[self._first_fact :] if s <= f.evidence.start < hi)
        return found

    def _written_base(self, q: Quantity, next_start: int, sent_periods) -> str | None:
        """The period written as the base of ``q``'s comparison ("so với quý III năm 2023",
        "compared to Q2 2024"), when it says its year."""
        for p in sent_periods:
            if p.role == COMPARED and p.year is not None and q.end <= p.start <= min(q.end + 40, next_start):
                return p.resolve(self.year)
        return None

    def _topic(self, codes: frozenset[str], state: SentenceState) -> str | None:
        """Of ``codes``, the indicator of the last figure read, else the one the whole text names
        most (None when it names none of them)."""
        if state.indicator in codes:
            return state.indicator
        if self._mentions is None:
            self._mentions = Counter(i.code for i in find_indicators(self.text, self.g) if i.code)
        named = [(self._mentions[c], c) for c in codes if self._mentions[c]]
        return max(named)[1] if named else None

    def _bracketed_plan(self, q: Quantity, lo: int, cues) -> Match | None:
        """The plan word of "(kế hoạch 7,5%)", "(target: 7.5%)": a bracket opened right before the
        figure by a plan or target word only."""
        bracket = self.text.rfind("(", lo, q.num_start)
        if bracket == -1:
            return None
        if not self.text[bracket + 1 : q.start].strip():
            # "không đạt kế hoạch đề ra (7%)", "below the target (7%)": the plan named before the bracket
            named = next((c for c in reversed(cues) if c.kind in ("plan_base", "target", "target_after")
                          and c.end <= bracket and not self.text[c.end : bracket].strip()), None)  # fmt: skip
            if named is not None:
                return named
        inside = [c for c in cues if bracket < c.start < q.num_start]
        plan = next((c for c in inside if c.kind in ("plan_base", "target")), None)
        if plan is None or any(c.start < plan.start for c in inside):
            return None
        if self.text[bracket + 1 : plan.start].strip() or self.text[plan.end : q.start].strip(" :\t"):
            return None
        return plan

    def _wholes(self, inds, cues) -> set[int]:
        """Starts of indicator mentions named as the whole of a share ("of the total exports")."""
        bases = [c for c in cues if c.kind == "share_base"]
        if not bases:
            return set()
        text = self.text
        return {i.start for i in inds if any((b.end <= i.start and not text[b.end : i.start].strip())
                                             or b.start <= i.start < b.end for b in bases)}  # fmt: skip

    def _following_indicator(self, q: Quantity, inds, cues, e: int) -> IndicatorMention | None:
        """An indicator named right after the figure, through a link word ("VND1.46 trillion
        from tourism"), past a conversion in brackets ("(US$61 million)")."""
        end = q.end
        bracket = _BRACKET_AFTER.match(self.text, end, e)
        if bracket:
            end = bracket.end()
        for i in inds:
            if i.start < q.num_end:
                continue
            if i.start < q.end and i.end <= q.end:
                continue  # the count noun of the quantity itself ("5 triệu lượt khách")
            if i.start > end + 40:
                break
            gap = self.text[end : i.start]
            if i.start <= end or _GLUED.fullmatch(gap):
                return i if i.start <= end + 6 else None
            link = next((c for c in cues if c.kind == "link" and c.start >= end and c.end <= i.start), None)
            if (
                link is not None
                and not self.text[end : link.start].strip()
                and _GLUED.fullmatch(self.text, link.end, i.start)
            ):
                return i
            return None
        return None

    def _period_of(
        self,
        q: Quantity,
        lo: int,
        s: int,
        e: int,
        sent_periods,
        state,
        average: bool = False,
        estimate: bool = False,
        based: int | None = None,
    ) -> tuple[str | None, str | None]:
        # "أعلى من معدل عام 2023 (13.45%)", "so với năm 2023 (13,45%)": a figure in brackets right
        # after a period is that period's, whatever role the period plays for the sentence.
        # "أعلى من نفس الفترة من العام الماضي (6.5%)": the same span a year before.
        opened = [p for p in sent_periods if (p.codable and p.year is not None or p.kind == "same")
                  and p.end <= q.num_start and _OPENS_BRACKET.fullmatch(self.text, p.end, q.num_start)]  # fmt: skip
        if opened and opened[-1].kind == "same":
            earlier = [p for p in sent_periods if p.end <= opened[-1].start and p.role == CURRENT]
            return self._same_span(opened[-1], earlier, state, None)
        if opened:
            return self._resolve(opened[-1], sent_periods), opened[-1].rule
        # "tăng 40% cùng kỳ", "خلال الفترة نفسها" right after a figure is its base, not its period.
        # "grew 7.14% in the same period, contributing 4.72 points": right after the figure
        # before, "the same period" was that figure's base, not this one's period.
        usable = [p for p in sent_periods if p.role in (CURRENT, HORIZON) and p.kind != "date"
                  and not (p.kind == "same" and p.year is None and p.start >= q.end)
                  and not (p.kind == "same" and p.year is None and lo > s and p.end <= q.start
                           and p.start - lo <= 30 and "(" not in self.text[lo : p.start]
                           and re.search(r"[,،;؛]", self.text[p.end : q.start]))]  # fmt: skip
        before_near = [p for p in usable if lo <= p.start and p.end <= q.start]
        before_any = [p for p in usable if p.end <= q.start]
        clause_end = min([m.start() for m in _CLAUSE.finditer(self.text, q.end, e)] + [e])
        bracket = self.text.find("(", q.end, clause_end)
        if bracket != -1:
            clause_end = bracket  # "rose 18% (the same period of 2023 saw 11%)": the aside is another's
        after = [p for p in usable if q.end <= p.start <= q.end + 16 and p.start < clause_end]
        nxt = next((o for o in self._sentence_quantities if o.start >= q.end), None)
        if not after and nxt is not None and _TO_AMOUNT.fullmatch(self.text, q.end, nxt.start):
            # "fell (-7.56%) to $13.2 billion in the first eight months": the change and the amount
            # it came to are of the span named after the amount
            after = [p for p in usable if nxt.end <= p.start <= nxt.end + 16
                     and not _CLAUSE.search(self.text, nxt.end, p.start)]  # fmt: skip
        chosen = None
        gap = based if based is not None else lo  # after the figure before and the base it names
        if (
            before_near and after and lo > s and before_near[-1].start - gap <= 16
            and not re.search(r"[,،;؛]", self.text[lo : before_near[-1].start])
            and not re.search(r"[,،;؛]", self.text[q.end : after[0].start])
        ):  # fmt: skip
            # "grew 4.48% in Q4, up from 2.69% in Q3": the period right after the figure before is its own.
            chosen = after[0]
        elif (
            before_near and after and before_near[-1].kind == "year" and before_near[-1].n != WHOLE
            and after[0].codable and after[0].kind in ("quarter", "half", "ytd", "month")
            and after[0].year is None and not _COMMA.search(self.text, q.end, after[0].start)
        ):  # fmt: skip
            # "In 2025, Quang Ninh grew 10.2% in the second quarter": the year frames, the span after
            # the figure is its own (of that year)
            chosen = after[0]
        elif before_near and (before_near[-1].codable or not after or not after[0].codable):
            chosen = before_near[-1]  # unless a span of years, with the quarter written after
        elif after:
            chosen = after[0]
        elif before_any:
            chosen = before_any[-1]
        source = None
        if chosen is None:
            chosen, source = (state.period, "period:carried") if state.period else (self.doc_period, None)
            if chosen is None:
                return (str(self.year) if self.year else ""), UNWRITTEN
            if average and chosen.kind == "month" and chosen.n and chosen.n > 1:
                # "in October CPI rose 3.25% ... On average, it rose 3.27%": the months to date
                chosen, source = replace(chosen, kind="ytd"), "average_to_date"
        if not chosen.codable:
            if chosen.kind == "same":
                return self._same_span(chosen, before_any, state, source)
            return None, source or chosen.rule  # a multi-year span, a holiday week
        if chosen.kind == "ytd" and chosen.n is None:
            return self._to_date(chosen), source or chosen.rule
        # "Năm 2024, tỉnh tiếp tục ..." in a report on its first nine months: the year frames the
        # story; a figure under it is the report's span unless the text says the whole year or
        # estimates it ("GRDP năm 2021 ước giảm 5,06%": the year's estimate).
        doc = self.doc_period
        if (
            not (estimate and source != "period:carried")
            and chosen.start < q.start  # "grew 2.91% for the year 2020": the year said after is the figure's
            and chosen.kind == "year" and chosen.n != WHOLE and doc is not None
            and doc.kind in ("ytd", "half", "quarter") and chosen is not doc
            and chosen.year_in(self.year) == doc.year_in(self.year)
        ):  # fmt: skip
            return self._resolve(doc, sent_periods), "period:report_span"
        # "vốn năm 2024 đến hết ngày 31/01/2025": the 2024 plan, paid out until January (not "năm
        # 2024 tăng 10%, trong khi 6 tháng đầu năm 2025 tăng 15%": the later year's months).
        years = [p for p in before_any if p.kind == "year" and p.year is not None and p is not chosen]
        if (
            chosen.kind == "ytd" and chosen.n == 1 and chosen.year is not None
            and years and years[-1].year < chosen.year
        ):  # fmt: skip
            chosen = years[-1]
        if chosen is self.doc_period and source is None:
            return self._resolve(chosen, sent_periods), None
        return self._resolve(chosen, sent_periods), source or chosen.rule

    def _same_span(
        self, same: PeriodMention, before: list[PeriodMention], state, source: str | None
    ) -> tuple[str | None, str | None]:
        """ "the same period of last year": the span last spoken of (written before, carried, the
        document's), in the year ``same`` says (a year before when it says none)."""
        ref = next((p for p in reversed(before) if p.codable), None) or state.period or self.doc_period
        shift = -1 if same.relative is None else same.relative  # 0: "in the same period," the span itself
        if ref is None or not ref.codable:
            if same.year is not None:  # "the same period of 2023", nothing said of the span
                return str(same.year), same.rule
            if self.year is not None:
                return str(self.year + shift), same.rule
            return None, None
        year = same.year if same.year is not None else (ref.year_in(self.year) or 0) + shift
        return replace(ref, year=year, relative=None).resolve(self.year), source or same.rule

    def _to_date(self, p: PeriodMention) -> str | None:
        """ "từ đầu năm đến nay", "since the beginning of the year": the report's span to date,
        else the months before the publication's month, else the year."""
        year = p.year_in(self.year)
        doc = self.doc_period
        if (
            doc is not None
            and doc.kind in ("ytd", "quarter", "half", "month")
            and doc.year_in(self.year) == year
        ):
            if doc.kind == "ytd":
                return doc.resolve(self.year)
            last = {"quarter": 3 * (doc.n or 0), "half": 6 * (doc.n or 0), "month": doc.n or 0}[doc.kind]
            if 1 <= last < 12:
                return replace(doc, kind="ytd", n=last).resolve(self.year)
        pub = self.published
        if pub is not None and pub.year == year and pub.month > 2:
            return replace(p, n=pub.month - 1).resolve(self.year)
        return str(year) if year else None

    def _resolve(self, p: PeriodMention, sent_periods) -> str | None:
        # Public investment of a year's plan is paid out until 31 January of the next: disbursement
        # "as of January 2025" in a report on 2024 is the 2024 plan's.
        if (
            p.kind == "ytd"
            and p.n == 1
            and p.year is not None
            and self.year is not None
            and p.year == self.year + 1
        ):
            return str(self.year)
        return p.resolve(self._year_for(p, sent_periods)) or ""

    def _year_for(self, p: PeriodMention, sent_periods) -> int | None:
        if p.year is None and p.relative is None:
            for o in sent_periods:
                if o.year is not None and o.start < p.start and o.role == CURRENT and o.codable:
                    return o.year
        if p.year is None and p.relative == -1 and self.published is not None:
            return self.published.year  # "last year" is the year before the writer's
        return self.year

    def _area_of(self, q: Quantity, s: int, sent_areas, state) -> tuple[AreaRef | None, str | None]:
        # A place inside an aside closed before the figure ("(2nd in the North Central region)")
        # is not the figure's.
        named = [
            a
            for a in sent_areas
            if a.end <= q.start
            and not _closed_aside(self.text, s, a.start, q.start)
            and not self._in_clause_aside(a, q)
        ]
        # "Hai Phong led ... GRDP الإقليمي": "provincial" inside an indicator's name after a
        # province's name is that province's.
        if (
            len(named) >= 2
            and named[-1].kind == "province_ref"
            and named[-2].kind == "name"
            and named[-2].area not in (None, NATION)
            and any(i.start <= named[-1].start and named[-1].end <= i.end for i in self._sentence_inds)
        ):
            named = named[:-1]
        if named:
            a = named[-1]
            if a.kind == "province_ref":
                # "Theo Cục Thống kê Bắc Ninh, GRDP của tỉnh tăng 6,5%": the province named before.
                own = [b for b in named[:-1] if b.kind == "name" and b.area is not None and b.area != NATION]
                return (own[-1].area if own else self._home(state)), a.rule
            if a.kind == "foreign":
                return FOREIGN_AREA, a.rule
            if a.kind == "subunit":
                return SUBUNIT_AREA, a.rule
            return a.area, a.rule
        # "65% of the economic structure of Ho Chi Minh City": the place named after, as a genitive.
        later = next(
            (a for a in sent_areas if a.start >= q.end and a.kind == "name" and a.start - q.end <= 50), None
        )
        if later is not None and _GENITIVE.search(self.text, max(0, later.start - 8), later.start + 1):
            return later.area, "area_after"
        return (state.area or self.doc_area), None

    def _shared_index(self, q: Quantity, prev_q: Quantity | None, lo: int, before, cues) -> Match | None:
        """The index word of the figure before, when this one follows it with no cue of its own,
        past that figure's base and a short word ("and"): "بما يعادل 78% من التقديرات و95,2% مقارنة
        بنفس الفترة" (bằng 78% dự toán và 95,2% so với cùng kỳ) are both indexes."""
        if (
            prev_q is None
            or q.unit != "%"
            or prev_q.unit != "%"
            or any(c.kind != "plan_base" for c in before)
        ):
            return None
        gap = list(self.text[prev_q.end : q.num_start])
        for c in cues:
            if prev_q.end <= c.start and c.end <= q.num_start and c.kind in AFTER_KINDS:
                gap[c.start - prev_q.end : c.end - prev_q.end] = " " * (c.end - c.start)
        if not _SHORT_LINK.fullmatch("".join(gap)):
            return None
        return next(
            (c for c in reversed(cues) if c.kind == "index" and c.end <= prev_q.start and prev_q.start - c.end <= 25
             and not any(x.kind in BEFORE_KINDS and c.end <= x.start < prev_q.start for x in cues)),
            None,
        )  # fmt: skip

    def _forecast_after(self, q: Quantity, cues) -> bool:
        """The figure is someone else's forecast, said after it: "أن ينمو الاقتصاد بنسبة 6.5%،
        وفقا لتقديرات صندوق النقد الدولي" (an attribution word, then a forecaster, after the figure)."""
        for a in cues:
            if a.kind == "attribution" and a.start >= q.end:
                f = next((c for c in cues if c.kind == "forecast" and 0 <= c.start - a.end <= 25
                          and not _COMMA.search(self.text, a.end, c.start)), None)  # fmt: skip
                if f is not None:
                    self.fired.update((a.name, f.name))
                    return True
        return False

    def _in_clause_aside(self, a, q: Quantity) -> bool:
        """``a`` lies in a clause set off by commas before the figure that describes the subject
        ("اجتذبت المدينة، وهي أكبر مركز اقتصادي في فيتنام، 4.79 مليار دولار"): not the figure's place."""
        for c in self._sentence_asides:
            if c.end <= a.start and not _COMMA.search(self.text, c.end, a.start):
                if _COMMA.search(self.text, a.end, q.start):
                    self.fired.add(c.name)
                    return True
        return False

    def _home(self, state: SentenceState) -> AreaRef | None:
        if state.area is not None and state.area != NATION:
            return state.area
        return self.doc_area if self.doc_area != NATION else state.area

    # -- targets ------------------------------------------------------------------------------------
    def _add_target(self, fact: Fact, q: Quantity, sent_periods, state) -> None:
        self.fired.add(self._target_rule)
        period = self._target_period(q, sent_periods, state)
        if not period:
            # No period in the target's sentence nor carried: the document's span ("the first half")
            # is the report's, and the target is for its year.
            period = fact.period[:4] if fact.period else fact.period
        rules = fact.rules + (self._target_rule,)
        qual = "exact" if fact.qualifier == "estimate" else fact.qualifier
        if fact.low is not None:
            low = replace(fact, value=fact.low, qualifier="at_least", period=period, rules=rules, low=None)
            high = replace(fact, qualifier="less_than", period=period, rules=rules, low=None)
            self.targets += [low, high]
            return
        self.targets.append(replace(fact, period=period, qualifier=qual, rules=rules))

    def _target_period(self, q: Quantity, sent_periods, state) -> str | None:
        usable = [p for p in sent_periods if p.role in (CURRENT, HORIZON, PLAN) and p.codable]
        # "đạt 10,5%, trong đó quý IV phải đạt 12,3%": a period past a comma is the next figure's.
        right = [
            p
            for p in usable
            if 0 <= p.start - q.end <= 30 and not re.search(r"[,;،؛]", self.text[q.end : p.start])
        ]
        if right:
            # "Q3 at 11.2% and Q4 at 12.4%": a period written after the figure and before the
            # next one is the next one's when this one has its own just before it.
            prev_end = max((x.end for x in self._sentence_quantities if x.end <= q.start), default=None)
            nxt = next((x.start for x in self._sentence_quantities if x.start >= q.end), None)
            # ... not "10.2% in the second quarter, 11.5% in the third": right after the figure
            # before, the period was that figure's
            own = [p for p in usable if p.end <= q.start and (prev_end is None or p.start >= prev_end)
                   and q.start - p.end <= 30 and not _CLAUSE.search(self.text, p.end, q.start)
                   and not (prev_end is not None and p.start - prev_end <= 16
                            and not _COMMA.search(self.text, prev_end, p.start))]  # fmt: skip
            if own and nxt is not None and right[0].end <= nxt and _same_kind(own[-1], right[0]):
                return self._resolve(own[-1], sent_periods)
            return self._resolve(right[0], sent_periods)
        horizon = [p for p in usable if p.role == HORIZON]
        if horizon:
            return self._resolve(min(horizon, key=lambda p: abs(p.start - q.start)), sent_periods)
        before = [p for p in usable if p.start < q.start]
        if before:
            code = self._resolve(before[-1], sent_periods)
            # "in the first ten months CPI rose 3.27%, within the goal of below 4%": a span to date
            # named away from the target is the report's, and the target is the year's.
            if code and before[-1].kind in ("ytd", "month") and q.start - before[-1].end > 40:
                return code[:4]
            # A target is for the year unless it names a shorter period ("quý III ... 11%"): a span
            # written before another figure of the sentence is that figure's.
            cue = self._target_cue_at
            if (
                code
                and cue is not None
                and any(before[-1].end <= x.start < cue for x in self._sentence_quantities)
            ):
                return code[:4]
            return code
        later = [p for p in usable if p.start >= q.start]
        if later:
            code = self._resolve(later[0], sent_periods)
            if code and re.search(r"[,;،؛]", self.text[q.end : later[0].start]):
                return code[:4]  # "Để đạt mục tiêu 8%, quý IV cần tăng 9,5%": the year's target
            return code
        if state.period is not None and state.period.codable:
            code = self._resolve(state.period, sent_periods)
            return code[:4] if code else code
        return None

    def _special_targets(self, s: int, e: int, sent_periods, state) -> None:
        """ "double-digit growth" (grdp at least 10) and "100% of communes ... digital product"."""
        specials = self.g.find(self.text, "special_target", pos=s, endpos=e)
        if specials and not self.g.find(self.text, "target", pos=s, endpos=e):
            # "the ninth straight year of double-digit growth": a result told, no target
            self.fired.update(m.name for m in specials)
            specials = []
        for m in specials:
            code, measure, value, qualifier = m.rule.prod
            stated = find_quantities(self.norm, self.g, m.end, min(e, m.end + 20), habit=self.habit)
            if stated and stated[0].unit == "%" and stated[0].value >= value:
                # "double-digit growth of 12%", "hai con số, đạt 12%": the figure stated is the target
                self.fired.add(m.name)
                continue
            period = self._period_near(m.start, m.end, sent_periods, state)
            period = period[:4] if period else None
            area = self._area_at(m.start, s, state)
            self.targets.append(Fact(indicator=code, area=area, period=period, measure=measure, value=value,
                                     unit="%", qualifier=qualifier,
                                     evidence=Evidence.of(self.text, m.start, m.end), rules=(m.name,)))  # fmt: skip
            self.fired.add(m.name)
        for m in self.g.find(self.text, "share_target", pos=s, endpos=e):
            code = m.rule.prod
            qs = [q for q in find_quantities(self.norm, self.g, max(s, m.start - 12), m.start + 1, habit=self.habit)
                  if q.unit == "%"]  # fmt: skip
            if not qs:
                continue
            q = qs[-1]
            self._taken.add((q.num_start, q.num_end))
            period = self._period_near(q.start, m.end, sent_periods, state)
            area = self._area_at(q.start, s, state)
            self.targets.append(Fact(indicator=code, area=area, period=period, measure="share_pct",
                                     value=_plain(q.value), unit="%", qualifier="exact",
                                     evidence=Evidence.of(self.text, q.start, m.end), rules=(m.name,)))  # fmt: skip
            self.fired.add(m.name)

    def _period_near(self, start: int, end: int, sent_periods, state) -> str | None:
        usable = [p for p in sent_periods if p.role in (CURRENT, HORIZON, PLAN) and p.codable]
        right = [p for p in usable if 0 <= p.start - end <= 30 or start <= p.start < end]
        if right:
            return right[0].resolve(self.year)
        horizon = [p for p in usable if p.role == HORIZON]
        if horizon:
            return horizon[0].resolve(self.year)
        before = [p for p in usable if p.start < start]
        if before:
            return before[-1].resolve(self.year)
        if state.period is not None and state.period.codable:
            return state.period.resolve(self.year)
        return str(self.year) if self.year else None

    def _area_at(self, pos: int, s: int, state) -> AreaRef | None:
        named = [a for a in between(self.areas, self._area_starts, s, pos) if a.area is not None]
        return named[-1].area if named else (state.area or self.doc_area)

    # -- sentence-level rules ---------------------------------------------------------------------
    def _respectively(self, s, e, quantities, cues, inds, first: int, sent_areas=()) -> None:
        """ "4.85 million tourists and 8.55 trillion VND, up 12% and 15% respectively": the growth
        figures after the levels go to the levels' indicators, in order."""
        resp = next((c for c in cues if c.kind == "respectively"), None)
        if resp is None:
            return
        facts = self.facts[first:]
        # "chiếm 43,5%; dịch vụ 41,2%; nông nghiệp 9,1% (năm 2022 tương ứng là 44,1%; 40,3%;
        # 9,4%)": the figures after the word are those of the indicators just listed, in order.
        after = [f for f in facts if f.evidence.start >= resp.end]
        if len(after) >= 2 and len({f.measure for f in after}) == 1:
            listed = [f for f in facts if f.evidence.end <= resp.start and f.measure == after[0].measure]
            listed = listed[-len(after) :]
            if len(listed) == len(after) and len({f.indicator for f in listed}) == len(after):
                by_id = {id(f): replace(f, indicator=o.indicator) for f, o in zip(after, listed, strict=True)}
                self.facts[first:] = [by_id.get(id(f), f) for f in facts]
                self.fired.add(resp.name)
                return
        levels = [f for f in facts if f.measure == "level"]
        if not levels and len(facts) >= 2 and len({(f.indicator, f.measure) for f in facts}) == 1:
            # "exports and imports rose 5% and 6%, respectively": the names before the figures, in order.
            named = list(dict.fromkeys(i.code for i in inds if i.code and i.code != PREVIOUS
                                       and i.start < facts[0].evidence.end))  # fmt: skip
            if len(named) == len(facts) and all(c in self.catalogue for c in named):
                self.facts[first:] = [replace(f, indicator=c) for f, c in zip(facts, named, strict=True)]
                self.fired.add(resp.name)
                return
            # "the GRDP growth of Hai Phong, Bac Giang and Quang Ninh was 10.2, 9.5 and 9%,
            # respectively": the places before the figures, in order.
            places = list(dict.fromkeys(a.area for a in sent_areas if a.kind == "name" and a.area is not None
                                        and a.area != NATION and a.end <= facts[0].evidence.end))  # fmt: skip
            if len(places) == len(facts) and len({f.area for f in facts}) == 1:
                self.facts[first:] = [replace(f, area=a) for f, a in zip(facts, places, strict=True)]
                self.fired.add(resp.name)
            return
        if len(levels) >= 2 and len({f.indicator for f in levels}) == 1:
            named = list(dict.fromkeys(i.code for i in inds if i.code and i.start < levels[0].evidence.end))
            if len(named) == 1:
                # "exports and imports reached 5 and 4 billion USD respectively": one compound name.
                whole = next(i for i in inds if i.code == named[0])
                parts = re.split(r"\s+(?:and|và|و)\s*|\s*,\s*", self.text[whole.start : whole.end])
                if len(parts) == len(levels):
                    codes = []
                    for part in parts:
                        found = find_indicators(part, self.g)
                        codes.append(found[0].code if found and found[0].code else None)
                    if all(codes):
                        named = codes
            places = list(dict.fromkeys(a.area for a in sent_areas if a.kind == "name" and a.area is not None
                                        and a.area != NATION and a.end <= levels[0].evidence.end))  # fmt: skip
            if (
                len(named) <= 1  # none: the indicator goes on from the sentence before ("Xếp sau là ...")
                and len(places) == len(levels) == len(facts)
                and len({f.area for f in facts}) == 1
            ):
                # "thu ngân sách của TP HCM, Hà Nội và Bình Dương lần lượt đạt 485.000 tỷ, 462.000 tỷ
                # và 65.200 tỷ đồng": one indicator, the places before the amounts, in order.
                self.facts[first:] = [replace(f, area=a) for f, a in zip(facts, places, strict=True)]
                self.fired.add(resp.name)
                return
            if len(named) == len(levels):
                by_id = {id(f): replace(f, indicator=c) for f, c in zip(levels, named, strict=True)}
                growth = [f for f in facts if f.measure == "yoy_pct" and f.indicator == levels[0].indicator]
                if len(growth) == len(levels):
                    by_id |= {id(f): replace(f, indicator=c) for f, c in zip(growth, named, strict=True)}
                self.facts[first:] = [by_id.get(id(f), f) for f in facts]
                self.fired.add(resp.name)
            return
        if len(levels) < 2 or len({f.indicator for f in levels}) != len(levels):
            return
        growth = [f for f in facts if f.measure == "yoy_pct" and f.evidence.start >= levels[-1].evidence.end]
        if len(growth) != len(levels):
            return
        by_id = {id(g): replace(g, indicator=f.indicator) for f, g in zip(levels, growth, strict=True)}
        self.facts[first:] = [by_id.get(id(f), f) for f in facts]
        self.fired.add(resp.name)

    def _respective_years(self, cues, first: int) -> None:
        """ "7.82%, 21.1% and 13.45% in 2021, 2022 and 2023 respectively": as many years written
        after the figures (of one indicator and measure) as there are figures, one each, in order."""
        resp = next((c for c in cues if c.kind == "respectively"), None)
        facts = self.facts[first:]
        if resp is None or len(facts) < 2 or len({(f.indicator, f.measure, f.period) for f in facts}) != 1:
            return
        last = max(f.evidence.end for f in facts)
        years = _YEARS.findall(self.text, last, resp.start) if last <= resp.start else []
        if len(years) != len(facts) or len(set(years)) != len(years):
            return
        ordered = sorted(facts, key=lambda f: f.evidence.end)
        by_id = {
            id(f): replace(f, period=y, rules=(*f.rules, resp.name))
            for f, y in zip(ordered, years, strict=True)
        }
        self.facts[first:] = [by_id[id(f)] for f in facts]
        self.fired.add(resp.name)

    def _one_growth_per_sentence(self, first: int) -> None:
        """Two growth rates of one indicator and period in a sentence ("an increase of 2%,
        equivalent to an increase of 18% over the previous year"): keep the one that names its
        comparison base, when exactly one does."""
        groups: dict[tuple, list[Fact]] = {}
        for f in self.facts[first:]:
            if f.measure == "yoy_pct":
                groups.setdefault((f.indicator, f.area, f.period), []).append(f)
        drop = set()
        for facts in groups.values():
            if len(facts) < 2:
                continue
            based = [f for f in facts if any(r in self._yoy_rules for r in f.rules)]
            if len(based) == 1:
                drop |= {id(f) for f in facts if f is not based[0]}
        if drop:
            self.facts[first:] = [f for f in self.facts[first:] if id(f) not in drop]

    @property
    def _yoy_rules(self) -> set[str]:
        return {r.name for r in self.g.of("yoy_base")}


def _a_year_before(base: str | None, period: str | None) -> bool:
    """Whether a growth's written base is its own span a year before (or no base is written):
    only then is it a growth on the same period. A base of another shape ("so với năm 2023" for
    nine months) says no more than the words did, so it is let through."""
    if base is None or not period:
        return True
    try:
        b, f = P.parse(base), P.parse(period)
    except P.PeriodError:
        return True
    if b.kind != f.kind:
        return True
    return (b.first, b.last, b.year) == (f.first, f.last, f.year - 1)


def _closed_aside(text: str, s: int, pos: int, end: int) -> bool:
    """``pos`` lies inside brackets that close before ``end``."""
    opened = text.rfind("(", s, pos)
    return opened != -1 and text.find(")", pos, end) != -1 and text.rfind(")", s, pos) < opened


def _same_kind(a: PeriodMention, b: PeriodMention) -> bool:
    """Two mentions of one kind of span (two quarters, two months): a list of them."""
    return a.kind == b.kind


def _inside(q: Quantity, mentions: list[PeriodMention]) -> bool:
    return any(p.start <= q.num_start and q.num_end <= p.end for p in mentions)


def _first_start(cues: list[Match], kind: str) -> int | None:
    return next((c.start for c in cues if c.kind == kind), None)


def _last_in(cues: list[Match], kind: str, lo: int, hi: int) -> Match | None:
    found = None
    for c in cues:
        if c.kind == kind and lo <= c.start < hi:
            found = c
    return found


def _nearest_before(
    inds: list[IndicatorMention], hi: int, s: int, wholes: set[int]
) -> IndicatorMention | None:
    """The indicator named nearest before ``hi`` in the sentence (from ``s``); a generic name
    ("economic growth") gives way to a specific one named before it in the sentence; the whole a
    share is of ("75 percent of the total exports") is not what the sentence is about."""
    before = [i for i in inds if i.end <= hi and i.start >= s and i.start not in wholes]
    if not before:
        return None
    found = before[-1]
    if found.continues:
        # "FDI ... tổng vốn đăng ký 350 triệu USD": the capital of the investment named before.
        named = [i for i in before[:-1] if i.code is not None and not i.continues]
        if named and named[-1].code in found.continues:
            return replace(named[-1], rule=named[-1].rule, end=named[-1].end)
        return found
    if found.weak:
        strong = [i for i in before if not i.weak]
        if strong:
            return strong[-1]
    return found


def _plain(value: float | None) -> float | int | None:
    if value is None:
        return None
    value = round(float(value), 6)
    return int(value) if value.is_integer() and abs(value) < 1e15 else value
