"""A report's data from the database has the appendix's columns, the standing among the
provinces and the lagging communes, all from the analytics service."""

from __future__ import annotations

import pytest


@pytest.fixture
def sample(db):
    from marsad.cli.setup import examples_dir
    from marsad.observations.transfer import import_file

    import_file(examples_dir() / "sample_observations.csv")


def test_appendix_columns_come_from_the_analytics_service(sample):
    from marsad.analytics import service
    from marsad.areas.models import Area
    from marsad.reports.data import report_data_for

    data = report_data_for(Area.objects.get(code="VN-24"), "2025-9M")
    figs = service.figures("VN-24", "2025-9M")
    revenue = data.row("budget_revenue")
    assert revenue.level == 29362 and revenue.plan_pct == 73.8
    assert revenue.level_year_before == pytest.approx(
        figs.value("budget_revenue", "level", "2024-9M"), abs=0.01
    )
    assert revenue.level_year_before is not None
    assert revenue.plan_level == pytest.approx(figs.value("budget_revenue", "level", "2025", plan=True))
    assert revenue.plan_level is not None
    grdp = data.row("grdp")
    assert grdp.level_year_before == pytest.approx(figs.value("grdp", "level", "2024-9M"), abs=0.01)


def test_standing_and_lagging_communes_in_the_report(sample):
    from marsad.areas.models import Area
    from marsad.reports.data import report_data_for
    from marsad.reports.render.layout import appendix_table

    data = report_data_for(Area.objects.get(code="VN-24"), "2025-9M")
    grdp = next(s for s in data.standings if s.indicator == "grdp")
    assert grdp.rank >= 1 and grdp.of >= 2 and grdp.provinces == 34
    lag = data.lagging
    assert lag.indicator == "budget_revenue" and lag.measure == "plan_pct" and lag.count == 99
    values = [c.value for c in lag.communes]
    assert values == sorted(values) and all(v < lag.reference for v in values)
    assert lag.communes[0].name.get("vi").startswith(("Phường", "Xã"))
    row = next(r for r in appendix_table(data, "en").rows if r[0] == "State budget revenue")
    assert row[2] and row[3] and row[4] == "29,362" and row[6] == "73.8"


def test_a_commune_report_has_no_ranking(sample):
    from marsad.areas.models import Area
    from marsad.reports.data import report_data_for

    ward = Area.objects.filter(parent__code="VN-24", level="commune").first()
    data = report_data_for(ward, "2025-9M")
    assert data.standings == () and data.lagging is None
