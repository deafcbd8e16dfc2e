"""Areas and targets through the API: filters and scopes."""

import pytest

pytestmark = pytest.mark.django_db


def test_area_filters(call, places):
    province = places["province"]
    children = call("admin", "get", "/areas", parent=province.code, limit=1000).json()
    assert children["count"] == province.children.filter(valid_to__isnull=True).count() > 1
    assert {a["parent"] for a in children["items"]} == {province.code}
    found = call("admin", "get", "/areas", q=places["mine"].name_en, level="commune").json()["items"]
    assert places["mine"].code in {a["code"] for a in found}
    provinces = call("admin", "get", "/areas", level="province", limit=1000).json()
    with_closed = call("admin", "get", "/areas", level="province", include_closed="true", limit=1000).json()
    assert with_closed["count"] >= provinces["count"]
    assert all(a["valid_to"] is None for a in provinces["items"])
    assert call("admin", "get", "/areas", level="district").status_code == 422


def test_targets_filtered_and_scoped(call, places, users):
    from marsad.indicators.models import Indicator
    from marsad.targets.models import Target

    grdp = Indicator.objects.get(code="grdp")
    for area in (places["mine"], places["neighbour"]):
        Target(area=area, indicator=grdp, year=2025, measure="yoy_pct", value=10.0).save()
    Target(area=places["province"], indicator=grdp, year=2024, measure="yoy_pct", value=8.0).save()
    mine = call("commune", "get", "/targets").json()["items"]
    assert [(t["area"], t["year"]) for t in mine] == [(places["mine"].code, 2025)]
    tree = call("viewer", "get", "/targets", area=places["province"].code, subtree="true", year=2025).json()
    assert {t["area"] for t in tree["items"]} == {places["mine"].code, places["neighbour"].code}
    assert call("commune", "get", "/targets", area=places["province"].code).status_code == 403
