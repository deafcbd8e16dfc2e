"""The facts a narrated report states, in the extract contract's shape.

This is what reading the report back must give again (the round trip): each stated figure as
``{"indicator", "period", "measure", "value", "unit", "qualifier"}``.
"""

from __future__ import annotations

from typing import Any

from marsad.core.narration.data import ReportData
from marsad.core.narration.narrate import headline_rows


def stated_facts(data: ReportData) -> list[dict]:
    facts: list[dict] = []

    def add(row, measure: str, unit: str, qualifier: str = "exact") -> None:
        value = getattr(row, measure)
        if value is not None:
            facts.append(
                {
                    "indicator": row.indicator,
                    "period": data.period,
                    "measure": measure,
                    "value": value,
                    "unit": unit,
                    "qualifier": qualifier,
                }
            )

    for row in headline_rows(data):
        add(row, "level", row.unit, row.qualifier)
        add(row, "yoy_pct", "%")
        add(row, "plan_pct", "%")
        for part in data.parts_of(row.indicator):
            add(part, "level", part.unit, part.qualifier)
            add(part, "yoy_pct", "%")
            add(part, "share_pct", "%")
            add(part, "contribution_pp", "pp")
    return facts


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


def fact_key(fact: Any) -> tuple:
    """What reading a report back must give again for a stated fact (a dict of
    ``stated_facts`` or a fact the reader gives): indicator, period, measure, value (2 decimals)
    and bound. A figure "estimated at" is an exact figure with an estimate status."""
    qualifier = _get(fact, "qualifier") or "exact"
    period = _get(fact, "period")
    return (
        _get(fact, "indicator"),
        str(getattr(period, "code", period)),
        _get(fact, "measure"),
        round(float(_get(fact, "value")), 2),
        "exact" if qualifier == "estimate" else qualifier,
    )
