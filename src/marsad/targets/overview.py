"""Target vs actual for every indicator of an area with a target for a period's year.

The actual figures come from the analytics engine (observations of the year and the year before,
derived by ``core.analytics``), and the verdict — met, on track, at risk, missed — is the
engine's one judgement, the same the dashboard's cards show: this module only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.core import periods as P

from .models import Scenario, Target


@dataclass
class Row:
    target: Target
    scenario: Scenario | None
    level: float | None
    yoy_pct: float | None
    plan_pct: float | None
    share_pct: float | None
    derived: set[str]
    verdict: str  # met, on_track, at_risk, missed, "" (no figure to judge yet)

    @property
    def actual(self) -> float | None:
        return {"level": self.level, "yoy_pct": self.yoy_pct, "share_pct": self.share_pct}[
            self.target.measure
        ]


def overview(area, period: P.Period, targets=None) -> list[Row]:
    from marsad.analytics import service

    targets = list(
        targets
        if targets is not None
        else Target.objects.filter(area=area, year=period.year).select_related("indicator", "document")
    )
    if not targets:
        return []
    figs = service.figures(area, period)  # the dashboard's figures: the one engine
    # the verdicts the dashboard, the report and the API give (one judgement, one achieved value)
    verdicts = {(v.indicator, v.measure, v.basis): v for v in service.target_verdicts(area, period)}
    ytd = period.to_date_span()  # a year's target is judged on the year to date, as on the dashboard
    scenarios = {s.target_id: s for s in Scenario.objects.filter(target__in=targets, period=period.code)}
    rows = []
    for target in sorted(targets, key=lambda t: (t.indicator.code, t.measure, not t.is_plan)):
        values, derived = {}, set()
        for measure in ("level", "yoy_pct", "plan_pct", "share_pct"):
            fact = figs.get(target.indicator.code, measure, ytd.code)
            values[measure] = fact.value if fact else None
            if fact is not None and fact.derived:
                derived.add(measure)
        verdict = verdicts.get((target.indicator.code, target.measure, target.basis))
        if verdict is not None and verdict.achieved is not None and values[target.measure] is None:
            values[target.measure] = verdict.achieved  # a level from the share of plan reached
            derived.add(target.measure)
        if not target.is_plan:
            values["plan_pct"] = None  # the figure's % of plan is of the area's plan, not of this estimate
        if (
            target.measure == "level"
            and values["level"] is not None
            and values["plan_pct"] is None
            and target.value
        ):
            values["plan_pct"] = 100 * values["level"] / target.value
            derived.add("plan_pct")
        status = verdict.status if verdict is not None else "unknown"
        rows.append(
            Row(
                target=target,
                scenario=scenarios.get(target.pk),
                level=values["level"],
                yoy_pct=values["yoy_pct"],
                plan_pct=values["plan_pct"],
                share_pct=values["share_pct"],
                derived=derived,
                verdict="" if status == "unknown" else status,
            )
        )
    return rows
