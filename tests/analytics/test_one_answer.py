"""One answer: the dashboard, the explorer, the report, the target pages and the API give the same
numbers and the same target verdicts, for every area and period of the demo, on both boundary
bases (the report and the target pages are on today's boundaries; a commune is the same on both,
so it is compared on today's)."""

from __future__ import annotations

import html
import re

import pytest

from marsad.core import periods as P
from marsad.core.numbers import read_number

MEASURES = ("level", "yoy_pct", "plan_pct")


@pytest.fixture
def admin_client(demo, client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "a-long-password")
    client.force_login(user)
    return client


def _close(a, b, tol=0.006):
    return a is None and b is None or (a is not None and b is not None and abs(a - b) <= tol)


def _demo_areas():
    """Every area of the demo with figures: those with observations of their own, the areas above
    them (provinces, the nation), the provinces they were merged into and those merged into them."""
    from marsad.areas.models import Area
    from marsad.observations.models import Observation

    with_rows = Area.objects.filter(pk__in=Observation.objects.values("area_id"))
    codes = set(with_rows.values_list("code", flat=True))
    for a in with_rows.select_related("parent", "successor"):
        codes |= {x.code for x in (a.parent, a.successor) if x is not None}
    codes |= set(Area.objects.filter(successor__code__in=codes).values_list("code", flat=True))
    codes |= set(Area.objects.filter(level=Area.Level.NATION).values_list("code", flat=True))
    return list(Area.objects.filter(code__in=codes).order_by("level", "code"))


def _explorer_rows(client, area, indicator, measure, basis, communes=False) -> dict[str, dict]:
    """The explorer's numbers, read off the page (English): area -> period -> (value, half its
    last digit); with ``communes`` the rows of the area's communes too."""
    page = client.get(
        f"/explorer/?indicator={indicator}&measure={measure}&area={area}&basis={basis}"
        + ("&communes=1" if communes else ""),
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    rows = {}
    for code, row in re.findall(r'<tr data-area="([^"]+)">(.*?)</tr>', page, re.S):
        cells = rows[code] = {}
        for period, text in re.findall(r'data-period="([^"]+)">.*?<bdi dir="ltr">([^<]*)</bdi>', row, re.S):
            number = html.unescape(text).lstrip(">≥<").rstrip("%\u00a0\u202f ")
            decimals = len(number.partition(".")[2])
            cells[period] = (float(read_number(number, "en")), 0.5 * 10**-decimals + 1e-9)
    return rows


def test_dashboard_explorer_report_targets_and_api_agree_everywhere(admin_client, settings):
    from marsad.reports.data import report_data_for
    from marsad.targets.overview import overview
    from marsad.web.dashboard import available_periods, build

    settings.LANGUAGE_CODE = "en"
    areas = _demo_areas()
    assert {"VN", "VN-24", "VN-56", "VN-OLD-58", "VN-24-07210"} <= {a.code for a in areas}
    compared = verdicts = explored = 0
    seen_levels = set()
    shown_by_area: dict[tuple[str, str], dict] = {}
    for area in areas:
        code = area.code
        for basis in ("current",) if area.level == "commune" else ("current", "historical"):
            shown_by_period: dict[tuple[str, str, str], float] = {}
            for period in available_periods(area):
                p = P.parse(period)
                board = build(area, p, basis=basis)
                api = admin_client.get(
                    f"/api/analytics/figures?area={code}&period={period}&basis={basis}"
                ).json()
                served = {
                    (f["indicator"], f["measure"]): f["value"]
                    for f in api["figures"]
                    if f["period"] == period and not f["plan"]
                }
                report = report_data_for(area, p) if basis == "current" else None
                rows = {r.indicator: r for r in report.rows} if report else {}
                for card in board.cards:
                    for measure in MEASURES:
                        shown = getattr(card, measure)
                        if shown is None:
                            continue
                        where = (code, basis, period, card.indicator.code, measure)
                        assert _close(shown, served.get((card.indicator.code, measure))), where
                        row = rows.get(card.indicator.code)
                        if row is not None:
                            assert _close(round(shown, 2), getattr(row, measure)), where
                        shown_by_period[(card.indicator.code, measure, period)] = shown
                        seen_levels.add(card.figures[measure].method)
                        compared += 1
                api_verdicts = {(t["indicator"], t["measure"]): t["status"] for t in api["targets"]}
                for card in board.cards:
                    if card.target is not None:
                        key = (card.indicator.code, card.target.measure)
                        assert card.target_status == api_verdicts[key], (
                            code,
                            basis,
                            period,
                            key,
                        )
                        verdicts += 1
                if report is not None:
                    report_verdicts = {(t.indicator, t.measure): t.status for t in report.targets}
                    assert api_verdicts == report_verdicts, (code, period)
                    for row in overview(area, p):
                        key = (row.target.indicator.code, row.target.measure)
                        assert (row.verdict or "unknown") == api_verdicts[key], (code, period, key)
                        verdicts += 1
            shown_by_area[(code, basis)] = shown_by_period
    # the explorer's cell for each (area, indicator, measure, period) is the dashboard's number
    # (a province's page with its communes gives the communes' rows)
    parents = {a.code: a.parent.code for a in areas if a.level == "commune"}
    pages: dict[tuple, dict] = {}
    for (code, basis), shown_by_period in shown_by_area.items():
        for (indicator, measure, period), shown in shown_by_period.items():
            asked = (parents.get(code, code), indicator, measure, basis, code in parents)
            if asked not in pages:
                pages[asked] = _explorer_rows(admin_client, *asked)
            cells = pages[asked].get(code, {})
            where = (code, basis, period, indicator, measure)
            assert period in cells, where
            value, half_digit = cells[period]  # the page rounds
            assert _close(value, shown, tol=half_digit), where
            explored += 1
    # the comparison is not empty, and it covers the routes that matter
    assert compared > 1000 and verdicts > 100 and explored > 500, (compared, verdicts, explored)
    assert {"observed", "communes", "merged_provinces", "provinces"} <= seen_levels, seen_levels
