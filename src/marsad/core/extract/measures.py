"""The measure dimension: what a figure measures, from the cue words around it.

Every language gives its cue words as rules of these kinds (the shared vocabulary):

before the figure (since the previous figure of the sentence)
    ``up`` / ``down``  growth verbs and nouns ("tăng", "fell", "بانخفاض"): growth, signed
    ``growth``         a growth rate named ("tốc độ tăng trưởng", "growth rate"): growth
    ``reach``          "đạt", "reached", "to", "còn", "بلغ": the figure is a level or a state
    ``share``          "chiếm", "accounting for", "يمثل": a structure share
    ``index``          "bằng", "equivalent to", "يعادل": X% of a base (growth X - 100, or plan X)
    ``exceed``         "vượt", "exceeding", "تتجاوز": beyond a base (plan 100 + X)
    ``contribution``   "đóng góp", "contributing": points of growth contributed
    ``estimate``       "ước", "estimated", "تقدر": the qualifier ``estimate``
after the figure (right after it)
    ``yoy_base``       "so với cùng kỳ", "year on year": growth on the same period
    ``other_base``     "so với tháng trước", "month-on-month": no measure fits, no fact
    ``plan_base``      "dự toán", "of the plan", "من الخطة": % of the plan reached
    ``share_base``     "of the total", "of GRDP": a share
    ``fold``           "lần", "times", "-fold", "ضعف": a multiple, never converted: no fact
    ``per_year``       "/năm", "a year": a yearly average over years: no fact
    ``per_unit``       "đồng/kg", "per tonne", "للكيلوغرام": a price or an amount per head: no fact

The catalogue decides what is left: a bare percentage after an indicator means what its
``percent_means`` says (growth for GRDP and flows, the level for a rate), nothing otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.core.catalogue import Indicator

from .grammar import Match
from .quantity import Quantity

__all__ = ["Reading", "read_measure", "BEFORE_KINDS", "AFTER_KINDS"]

BEFORE_KINDS = ("up", "down", "growth", "reach", "share", "index", "exceed", "contribution", "estimate")
AFTER_KINDS = (
    "yoy_base",
    "other_base",
    "plan_base",
    "share_base",
    "fold",
    "per_year",
    "per_unit",
    "yoy_change",
)
_DIRECTION = ("up", "down", "growth")


@dataclass(frozen=True, slots=True)
class Reading:
    measure: str | None  # None: the figure is not a fact (``skip`` says why)
    value: float = 0.0
    rules: tuple[str, ...] = ()
    cue_start: int | None = None  # where the evidence should start (the cue word)
    ev_end: int | None = None  # where it should end (the base after the figure)
    skip: str = ""
    qualifier: str | None = None  # a qualifier the cue says ("vượt 107.500 tỷ": more than)


def _nearest(before: list[Match], kinds: tuple[str, ...]) -> Match | None:
    for m in reversed(before):
        if m.kind in kinds:
            return m
    return None


def _first(after: list[Match], kind: str) -> Match | None:
    return next((m for m in after if m.kind == kind), None)


def _skip(why: str, *rules: str) -> Reading:
    return Reading(None, rules=tuple(rules), skip=why)


def read_measure(
    q: Quantity,
    ind: Indicator,
    before: list[Match],
    after: list[Match],
    structure: bool,
    after_level: bool = False,
    list_measure: str | None = None,
) -> Reading:
    """The measure and value of ``q`` read for ``ind`` (``before``/``after``: the cue matches in
    its window, in text order; ``structure``: the sentence is about the economy's structure;
    ``after_level``: the figure follows the same part's level in its clause, "X đạt 2.121 tỷ
    đồng, (bằng) 19,87%", where a bare percentage is its share of the whole; ``list_measure``:
    the figure is the next item of a list, "dịch vụ chiếm 37%, công nghiệp 36%", and measures
    what the item before did)."""
    if after and after[0].kind == "fold":
        return _skip("a multiple is not a growth rate", after[0].name)
    if after and after[0].kind == "per_unit":
        return _skip("a price or an amount per unit", after[0].name)
    if q.unit == "pp":
        return _points(q, ind, before)
    if q.unit == "%":
        reading = _percent(q, ind, before, after, structure or (after_level and ind.parent is not None))
        bare = reading.measure is None and reading.skip.startswith("a bare percentage")
        defaulted = (
            reading.measure is not None and reading.rules and reading.rules[0].startswith("catalogue:")
        )
        if list_measure and (bare or defaulted):
            return Reading(list_measure, q.value, ("list_item",))
        return reading
    return _level(q, ind, before)


def _percent(
    q: Quantity, ind: Indicator, before: list[Match], after: list[Match], structure: bool
) -> Reading:
    head = after[0] if after else None
    if head is not None and head.kind == "other_base":
        return _skip("no measure for a change on another base than the same period", head.name)
    if head is not None and head.kind == "per_year":
        return _skip("a yearly average over several years", head.name)
    change = next((m for m in after[:2] if m.kind == "yoy_change"), None)
    if (
        change is not None
        and (head is change or head.kind == "yoy_base")
        and change.rule.prod in (1, -1)
        and _nearest(before, _DIRECTION) is None
    ):
        # "13% more than a year earlier", "3.1% lower than in 2023", "a 15.2% increase": the
        # change on the year before, named after the rate
        return Reading("yoy_pct", change.rule.prod * abs(q.value), (change.name,), None, change.end)
    cue = _nearest(before, ("up", "down", "growth", "share", "index", "exceed", "contribution", "reach"))
    direction = _nearest(before, _DIRECTION)
    plan = _first(after, "plan_base")
    yoy = _first(after, "yoy_base")
    if plan is not None and (yoy is None or plan.start < yoy.start):
        if cue is not None and (cue.kind == "exceed" or (cue.kind == "up" and plan.start - q.end <= 12)):
            # "vượt 5% kế hoạch", "بزيادة 5.2% عن التقديرات": 5% beyond the plan is 105% of it
            return Reading("plan_pct", round(100 + q.value, 6), (cue.name, plan.name), cue.start, plan.end)
        return Reading("plan_pct", q.value, (plan.name,), None, plan.end)
    exceed = _nearest(before, ("exceed",))
    planned = _nearest(before, ("plan_base",))
    if exceed is not None and planned is not None and exceed.start < planned.start and q.num_start - planned.end <= 24 \
            and not (direction is not None and direction.start > planned.start):  # fmt: skip
        # "exceeding the estimate by 23%", "vượt dự toán 5%": the plan reached is 100 + X.
        return Reading("plan_pct", round(100 + q.value, 6), (exceed.name, planned.name), exceed.start)
    if yoy is not None and ((cue is not None and cue.kind == "index") or yoy.rule.prod == "index"):
        # "bằng 105% so với cùng kỳ"; "28% of the figure a year earlier" (a base that says it is one)
        if cue is None or cue.kind != "index":
            return Reading("yoy_pct", round(q.value - 100, 6), (yoy.name,), None, yoy.end)
        return Reading("yoy_pct", round(q.value - 100, 6), (cue.name, yoy.name), cue.start, yoy.end)
    if (
        yoy is not None
        and cue is not None
        and cue.kind == "reach"
        and direction is None
        and q.start - cue.end <= 3
        and yoy.start - q.end <= 3
        and not ind.is_rate
        and ind.unit != "index"
        and "grdp" not in (ind.code, ind.parent)  # "GRDP đạt 6,85% so với cùng kỳ" is its growth
    ):
        # "đạt 105,2% so với cùng kỳ", "reaching 105.2% over the same period": an amount reaching
        # a percentage of the same period's is an index (growth X - 100); "tăng 5,2%" is growth
        return Reading("yoy_pct", round(q.value - 100, 6), (cue.name, yoy.name), cue.start, yoy.end)
    share_after = _first(after, "share_base")
    if share_after is not None or (cue is not None and cue.kind == "share"):
        if ind.is_rate:
            return Reading("level", q.value, tuple(m.name for m in (cue, share_after) if m))
        rules = tuple(m.name for m in (cue, share_after) if m and m.kind in ("share", "share_base"))
        return Reading("share_pct", q.value, rules, cue.start if cue and cue.kind == "share" else None,
                       share_after.end if share_after else None)  # fmt: skip
    if cue is not None and cue.kind == "contribution":
        return _skip("a share of the growth is no measure of the catalogue", cue.name)
    if ind.is_rate:
        # "tỷ lệ hộ nghèo giảm còn 1,5%" is the rate; "giảm 0,5%" a change of it in points.
        if direction is not None and (cue is None or cue.kind != "reach" or cue.start < direction.start):
            return _skip("the change of a rate is in points, not a growth rate", direction.name)
        return Reading("level", q.value, (cue.name,) if cue else ())
    if direction is not None or yoy is not None:
        down = direction is not None and direction.kind == "down"
        value = -abs(q.value) if down else q.value  # "giảm (-7,56%)": the minus says it again
        rules = tuple(m.name for m in (direction, yoy) if m)
        return Reading("yoy_pct", value, rules, direction.start if direction else None,
                       yoy.end if yoy else None)  # fmt: skip
    if structure:
        return Reading(
            "share_pct", q.value, (cue.name,) if cue is not None and cue.kind == "index" else ("structure",)
        )
    if cue is not None and cue.kind == "index":
        return _skip("a percentage of an unnamed base", cue.name)
    means = ind.percent_means
    if means:
        return Reading(means, q.value, (f"catalogue:{ind.code}.percent_means",))
    return _skip("a bare percentage says nothing about this indicator")


def _points(q: Quantity, ind: Indicator, before: list[Match]) -> Reading:
    contribution = _nearest(before, ("contribution",))
    sector = ind.parent == "grdp"
    if ind.is_rate or not (contribution is not None or sector):
        return _skip("points that are no contribution to growth")
    down = _nearest(before, ("down",))
    value = (
        -q.value
        if down is not None and (contribution is None or down.start > contribution.start)
        else q.value
    )
    if down is not None and contribution is None and not sector:
        return _skip("a change in points")
    rules = tuple(m.name for m in (contribution, down) if m)
    return Reading("contribution_pp", value, rules, contribution.start if contribution else None)


def _level(q: Quantity, ind: Indicator, before: list[Match]) -> Reading:
    cue = _nearest(before, ("up", "down", "reach", "index", "exceed", "share"))
    estimate = _nearest(before, ("estimate",))
    if cue is not None and cue.kind in ("up", "down") and estimate is not None and estimate.start >= cue.end:
        # "khách tăng mạnh, tổng thu ước đạt 44.900 tỷ": the estimate word says what the figure is
        # ("ước đạt", "an estimated"), as a reach word does; the growth verb before it is another's.
        return Reading("level", q.value)
    if cue is not None and cue.kind == "exceed" and q.start - cue.end <= 2:
        return Reading("level", q.value, (cue.name,), qualifier="more_than")  # "vượt 107.500 tỷ"
    if cue is not None and cue.kind in ("up", "down"):
        # "tăng 169,5 triệu USD": how much it grew, not what it reached.
        return _skip("an absolute change", cue.name)
    if cue is not None and cue.kind in ("index", "share"):
        return _skip("a level compared with something else", cue.name)
    rules = (cue.name,) if cue is not None else ()
    return Reading("level", q.value, rules)
