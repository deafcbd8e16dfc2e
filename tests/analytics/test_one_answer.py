"""One answer: the dashboard, the report and the API give the same numbers and the same target
verdicts, for every area and period of the demo."""

from __future__ import annotations

import pytest

from marsad.core import periods as P

AREAS = ("VN", "VN-24", "VN-56", "VN-OLD-58")


@pytest.fixture
def admin_client(demo, client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "a-long-password")
    client.force_login(user)
    return client


def _close(a, b):
    return a is None and b is None or (a is not None and b is not None and abs(a - b) <= 0.006)


def test_dashboard_report_and_api_agree_everywhere(admin_client):
    from marsad.areas.models import Area
    from marsad.reports.data import report_data_for
    from marsad.web.dashboard import available_periods, build

    compared = verdicts = 0
    for code in AREAS:
        area = Area.objects.get(code=code)
        for period in available_periods(area):
            p = P.parse(period)
            board = build(area, p)
            report = report_data_for(area, p)
            api = admin_client.get(f"/api/analytics/figures?area={code}&period={period}").json()
            served = {
                (f["indicator"], f["measure"]): f["value"]
                for f in api["figures"]
                if f["period"] == period and not f["plan"]
            }
            rows = {r.indicator: r for r in report.rows}
            for card in board.cards:
                for measure in ("level", "yoy_pct", "plan_pct"):
                    shown = getattr(card, measure)
                    if shown is None:
                        continue
                    assert _close(shown, served.get((card.indicator.code, measure))), (
                        code,
                        period,
                        card.indicator.code,
                        measure,
                    )
                    row = rows.get(card.indicator.code)
                    if row is not None:
                        assert _close(round(shown, 2), getattr(row, measure)), (
                            code,
                            period,
                            card.indicator.code,
                            measure,
                        )
                    compared += 1
            api_verdicts = {(t["indicator"], t["measure"]): t["status"] for t in api["targets"]}
            report_verdicts = {(t.indicator, t.measure): t.status for t in report.targets}
            assert api_verdicts == report_verdicts, (code, period)
            for card in board.cards:
                if card.target is not None:
                    key = (card.indicator.code, card.target.measure)
                    assert (card.target_status or "unknown") == api_verdicts[key], (code, period, key)
                    verdicts += 1
    assert compared > 200 and verdicts > 20  # the comparison is not empty
