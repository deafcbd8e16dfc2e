"""The dashboard and explorer computed from the data; each panel degrades to a clear message."""

from __future__ import annotations

import pytest

from marsad.core.periods import words

pytestmark = pytest.mark.django_db


@pytest.fixture
def bac_ninh(communes, put):
    from marsad.indicators.models import Indicator
    from marsad.targets.models import Target

    province = communes[0].parent
    for year, base in ((2024, 1000.0), (2025, 1100.0)):
        for q in (1, 2, 3):
            put(province, "grdp", f"{year}Q{q}", base * q)
            put(province, "va_industry_construction", f"{year}Q{q}", base * q * 0.6)
            put(province, "va_services", f"{year}Q{q}", base * q * 0.4)
        put(province, "grdp", f"{year}-9M", base * 6)
    Target.objects.create(
        area=province, indicator=Indicator.objects.get(code="grdp"), year=2025, measure="yoy_pct", value=12
    )
    mine, other = communes
    put(mine, "budget_revenue", "2025-9M", 60, measure="plan_pct")
    put(other, "budget_revenue", "2025-9M", 90, measure="plan_pct")
    return province


def test_headline_card_shows_level_growth_and_target_status(client_for, bac_ninh):
    from marsad.web.dashboard import build

    board = build(bac_ninh, __import__("marsad.core.periods", fromlist=["parse"]).parse("2025-9M"))
    grdp = next(c for c in board.cards if c.indicator.code == "grdp")
    assert grdp.level == 6600
    assert grdp.yoy_pct == pytest.approx(10.0)
    assert grdp.target_status == "at_risk"  # 10 % so far against a 12 % target
    html = client_for("planner").get(f"/dashboard/?area={bac_ninh.code}&period=2025-9M").content.decode()
    assert 'data-indicator="grdp"' in html and "6,600" in html


def test_sectors_growth_needed_and_lagging_communes(client_for, bac_ninh, communes):
    from marsad.core.periods import parse
    from marsad.web.dashboard import build

    board = build(bac_ninh, parse("2025-9M"))
    shares = {s.indicator.code: s.share_pct for s in board.sectors}
    assert shares["va_industry_construction"] == pytest.approx(60)
    assert [n.indicator.code for n in board.needed] == ["grdp"]
    assert board.needed[0].growth_needed_pct > 12  # behind after nine months: Q4 must grow faster
    assert [row["area"] for row in board.lagging] == [communes[0]]
    html = client_for("planner").get(f"/dashboard/?area={bac_ninh.code}&period=2025-9M").content.decode()
    assert html.count("<svg") >= 3


def test_an_area_without_data_says_so(client_for, communes):
    html = client_for("commune").get("/dashboard/").content.decode()
    assert communes[0].name() in html
    assert "<svg" not in html


def test_explorer_table_and_xlsx(client_for, bac_ninh):
    import io

    import openpyxl

    client = client_for("planner")
    html = client.get(
        f"/explorer/?indicator=grdp&area={bac_ninh.code}&from=2025Q1&to=2025Q4"
    ).content.decode()
    # Periods in the page's words (Arabic by default), the asked range only.
    assert words("2025Q2", "ar", short=True) in html and words("2024Q2", "ar", short=True) not in html
    assert "2025Q2</th>" not in html  # never the code as a heading
    response = client.get(f"/explorer/download.xlsx?indicator=grdp&area={bac_ninh.code}")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("area", "indicator", "period")
    assert len(rows) == 1 + 8  # 6 quarters and 2 nine-month spans


def test_an_unknown_period_is_reported(client_for, bac_ninh):
    html = client_for("planner").get(f"/dashboard/?area={bac_ninh.code}&period=2025Q7").content.decode()
    assert "2025Q7" in html
