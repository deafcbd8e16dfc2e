"""Writes through the API: revisions (409, If-Match), delete, locks, and every bad input named."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(places):
    return {"area": places["mine"].code, "indicator": "grdp", "period": "2025Q1", "value": 4600.625}


def _detail_fields(response) -> set[str]:
    detail = response.json()["detail"]
    if isinstance(detail, str):
        return {detail}
    return {str(d["loc"][-1]) if d["loc"][-1] != "payload" else str(d["loc"]) for d in detail} | {
        str(x) for d in detail for x in d["loc"]
    }


@pytest.mark.parametrize(
    "change, field",
    [
        ({"value": -5}, "value"),  # a negative GRDP level
        ({"measure": "yoy_pct", "value": -150}, "value"),
        ({"measure": "share_pct", "value": 150}, "value"),
        ({"period": "2099Q1"}, "period"),
        ({"value": False}, "value"),
        ({"value": "1_000"}, "value"),
        ({"value": 10**30}, "value"),  # 31 digits
        ({"value": 10**310}, "value"),  # a 311-digit figure
        ({"value": "1e310"}, "value"),
        ({"value": "Infinity"}, "value"),
        ({"unit": "x" * 41}, "unit"),
        ({"unit": "billion\x00VND"}, "unit"),
        ({"unit": "million USD"}, "unit"),
        ({"qualifier": "roughly"}, "qualifier"),
        ({"status": "rumour"}, "status"),
    ],
)
def test_every_bad_input_is_a_4xx_naming_the_field(call, body, change, field):
    response = call("commune", "post", "/observations", {**body, **change})
    assert 400 <= response.status_code < 500, response.content
    assert field in _detail_fields(response) or field in str(response.json()["detail"])


def test_exact_values_round_trip_through_the_api(call, body):
    for text in ("123456.789", "4600.625", "0.1", "29232.75"):
        made = call(
            "commune", "post", "/observations", {**body, "indicator": "exports", "value": float(text)}
        )
        assert made.status_code in (200, 201) and repr(made.json()["value"]) == text
        got = call("commune", "get", f"/observations/{made.json()['id']}").json()
        assert repr(got["value"]) == text
        call("commune", "delete", f"/observations/{made.json()['id']}?revision={got['revision']}")


def test_text_values_in_the_plain_layout_or_the_request_language(call, body):
    made = call("commune", "post", "/observations", {**body, "value": "4600.625"})
    assert made.status_code == 201 and made.json()["value"] == 4600.625


def test_post_to_an_existing_key_without_revision_is_409_with_the_current_value(call, body):
    first = call("commune", "post", "/observations", body).json()
    again = call("commune", "post", "/observations", {**body, "value": 1})
    assert again.status_code == 409
    assert again.json()["current"]["value"] == 4600.625 and again.json()["current"]["revision"] == 1
    assert call("commune", "get", f"/observations/{first['id']}").json()["value"] == 4600.625


def test_put_patch_delete_name_their_revision(call, client, tokens, body):
    made = call("commune", "post", "/observations", body).json()
    url = f"/observations/{made['id']}"
    got = client.get("/api" + url, headers={"Authorization": f"Bearer {tokens['commune']}"})
    assert got["ETag"] == '"1"'
    assert call("commune", "put", url, {"value": 10}).status_code == 428
    put = call("commune", "put", url, {"value": 10, "revision": 1})
    assert put.status_code == 200 and put.json()["revision"] == 2 and put.json()["value"] == 10
    # Someone still holding revision 1: refused, and told what is stored.
    stale = call("commune", "patch", url, {"value": 11, "revision": 1})
    assert stale.status_code == 409 and stale.json()["current"]["value"] == 10
    patched = client.patch(
        "/api" + url,
        {"qualifier": "about"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {tokens['commune']}", "If-Match": '"2"'},
    )
    assert (
        patched.status_code == 200
        and patched.json()["qualifier"] == "about"
        and patched.json()["value"] == 10
    )
    assert call("commune", "delete", url).status_code == 428
    assert call("commune", "delete", url + "?revision=2").status_code == 409
    assert call("commune", "delete", url + "?revision=3").status_code == 204
    assert call("commune", "get", url).status_code == 404
    history = call("admin", "get", url + "/history")
    # The history of a deleted value stays readable... through the change log of its id.
    from django.contrib.contenttypes.models import ContentType

    from marsad.audit.models import ChangeRecord
    from marsad.observations.models import Observation

    ct = ContentType.objects.get_for_model(Observation)
    actions = list(
        ChangeRecord.objects.filter(content_type=ct, object_id=made["id"])
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update", "update", "delete"]
    assert history.status_code == 404


def test_a_viewer_and_an_outsider_cannot_write(call, body, places):
    assert call("viewer", "post", "/observations", body).status_code == 403
    assert (
        call("commune", "post", "/observations", {**body, "area": places["neighbour"].code}).status_code
        == 403
    )


def test_a_locked_period_refuses_writes_naming_the_approver(call, body, places, users):
    from marsad.observations.approval import approve, unlock

    approve(users["planner"], places["mine"], "2025Q1")
    refused = call("commune", "post", "/observations", body)
    assert refused.status_code == 423 and "planner" in refused.json()["detail"]
    unlock(users["planner"], places["mine"], "2025Q1")
    assert call("commune", "post", "/observations", body).status_code == 201
