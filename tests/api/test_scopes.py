"""Area scopes through the API: a commune officer sees and writes only their commune."""

import pytest

pytestmark = pytest.mark.django_db


def test_commune_officer_cannot_open_another_communes_data(call, places, observations):
    mine, neighbour = places["mine"].code, places["neighbour"].code
    assert call("commune", "get", f"/areas/{mine}").status_code == 200
    assert call("commune", "get", f"/areas/{neighbour}").status_code == 403
    assert call("commune", "get", "/observations", area=neighbour).status_code == 403
    other = observations[(neighbour, "grdp", "2024Q1", "level")]
    assert call("commune", "get", f"/observations/{other.pk}").status_code == 403
    assert call("commune", "get", f"/observations/{other.pk}/history").status_code == 403
    own = observations[(mine, "grdp", "2024Q1", "level")]
    assert call("commune", "get", f"/observations/{own.pk}").json()["value"] == 100.0


def test_lists_hold_only_viewable_areas(call, places, observations):
    listed = {o["area"] for o in call("commune", "get", "/observations", limit=1000).json()["items"]}
    assert listed == {places["mine"].code}
    province_view = {o["area"] for o in call("viewer", "get", "/observations", limit=1000).json()["items"]}
    assert province_view == {places["mine"].code, places["neighbour"].code, places["province"].code}
    everything = {o["area"] for o in call("admin", "get", "/observations", limit=1000).json()["items"]}
    assert places["elsewhere"].code in everything
    areas = {a["code"] for a in call("commune", "get", "/areas", limit=1000).json()["items"]}
    assert areas == {places["mine"].code}


def test_writes_need_a_capture_scope(call, places):
    body = {"indicator": "grdp", "period": "2025Q1", "value": 12.5}
    assert (
        call("commune", "post", "/observations", {**body, "area": places["neighbour"].code}).status_code
        == 403
    )
    assert call("viewer", "post", "/observations", {**body, "area": places["mine"].code}).status_code == 403
    assert call("commune", "post", "/observations", {**body, "area": places["mine"].code}).status_code == 201
    # A provincial planner captures for the communes below the province.
    assert (
        call("planner", "post", "/observations", {**body, "area": places["neighbour"].code}).status_code
        == 201
    )
    assert (
        call("planner", "post", "/observations", {**body, "area": places["elsewhere"].code}).status_code
        == 403
    )


def test_unknown_objects_are_404(call, places):
    assert call("admin", "get", "/areas/VN-99-99999").status_code == 404
    assert call("admin", "get", "/observations/987654321").status_code == 404
    assert call("admin", "get", "/indicators/no_such_indicator").status_code == 404
    assert call("commune", "get", "/observations", area="VN-99").status_code == 404
