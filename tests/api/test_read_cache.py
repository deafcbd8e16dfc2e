"""The observations list is kept per query, scope, language and data version (apikit.cached_read):
a repeated query is read from the cache, every write is seen by the next one, and two callers of
different scope never share an answer."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def _values(response) -> dict[tuple[str, str], float]:
    assert response.status_code == 200, response.content
    return {(o["area"], o["period"]): o["value"] for o in response.json()["items"]}


def _reads_observations(queries) -> bool:
    return any('FROM "observations_observation"' in q["sql"] and "LIMIT 1)" not in q["sql"] for q in queries)


def test_a_repeated_query_is_read_from_the_cache(call, observations, places):
    query = {"area": places["province"].code, "subtree": "true", "indicator": "grdp"}
    first = call("planner", "get", "/observations", **query)
    with CaptureQueriesContext(connection) as queries:
        again = call("planner", "get", "/observations", **query)
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert not _reads_observations(queries.captured_queries)  # only the data version's lookups


def test_the_order_of_the_parameters_does_not_matter_but_their_values_do(
    client, tokens, observations, places
):
    headers = {"Authorization": f"Bearer {tokens['planner']}"}
    code = places["province"].code
    a = client.get(f"/api/observations?area={code}&subtree=true&limit=2", headers=headers)
    b = client.get(f"/api/observations?limit=2&subtree=true&area={code}", headers=headers)
    c = client.get(f"/api/observations?limit=3&subtree=true&area={code}", headers=headers)
    assert a.content == b.content
    assert len(a.json()["items"]) == 2 and len(c.json()["items"]) == 3


def test_a_value_written_through_the_api_is_seen_by_the_next_query(call, observations, places):
    mine = places["mine"].code
    query = {"area": mine, "indicator": "grdp", "measure": "level"}
    assert _values(call("commune", "get", "/observations", **query))[(mine, "2024Q1")] == 100.0
    obs = observations[(mine, "grdp", "2024Q1", "level")]
    changed = call("commune", "patch", f"/observations/{obs.pk}", {"value": 120.0, "revision": obs.revision})
    assert changed.status_code == 200, changed.content
    assert _values(call("commune", "get", "/observations", **query))[(mine, "2024Q1")] == 120.0


def test_a_new_and_a_deleted_value_are_seen_by_the_next_query(call, observations, places):
    mine = places["mine"].code
    query = {"area": mine, "indicator": "grdp", "measure": "level"}
    before = _values(call("commune", "get", "/observations", **query))
    assert (mine, "2024Q3") not in before
    body = {"area": mine, "indicator": "grdp", "period": "2024Q3", "value": 130.0}
    assert call("commune", "post", "/observations", body).status_code == 201
    assert _values(call("commune", "get", "/observations", **query))[(mine, "2024Q3")] == 130.0
    obs = observations[(mine, "grdp", "2024Q2", "level")]
    gone = call("commune", "delete", f"/observations/{obs.pk}?revision={obs.revision}")
    assert gone.status_code == 204, gone.content
    assert (mine, "2024Q2") not in _values(call("commune", "get", "/observations", **query))


def test_a_value_saved_outside_the_api_is_seen_by_the_next_query(call, observations, places):
    mine = places["mine"].code
    query = {"area": mine, "indicator": "grdp", "measure": "level"}
    assert _values(call("admin", "get", "/observations", **query))[(mine, "2024Q1")] == 100.0
    obs = observations[(mine, "grdp", "2024Q1", "level")]
    obs.value = 101.0
    obs.save(source="test")  # a form's or an import's audited save
    assert _values(call("admin", "get", "/observations", **query))[(mine, "2024Q1")] == 101.0


def test_callers_of_different_scope_never_share_an_answer(call, observations, places):
    everything = _values(call("admin", "get", "/observations", indicator="grdp"))
    assert (places["elsewhere"].code, "2024Q1") in everything
    mine = _values(call("commune", "get", "/observations", indicator="grdp"))
    assert mine and all(area == places["mine"].code for area, _period in mine)
    province = _values(call("planner", "get", "/observations", indicator="grdp"))
    assert (places["neighbour"].code, "2024Q1") in province
    assert (places["elsewhere"].code, "2024Q1") not in province
    # an area out of the caller's scope is refused, though the admin's answer for it is kept
    assert call("admin", "get", "/observations", area=places["elsewhere"].code).status_code == 200
    refused = call("commune", "get", "/observations", area=places["elsewhere"].code)
    assert refused.status_code == 403


def test_a_changed_scope_is_seen_by_the_next_query(call, observations, places, users):
    query = {"area": places["province"].code, "subtree": "true", "indicator": "grdp"}
    assert call("viewer", "get", "/observations", **query).status_code == 200
    users["viewer"].profile.view_areas.set([places["elsewhere"]])  # no change record: the key has it
    assert call("viewer", "get", "/observations", **query).status_code == 403


def test_a_caller_without_credentials_is_refused_a_kept_answer(call, observations):
    assert call("commune", "get", "/observations", indicator="grdp").status_code == 200
    assert call(None, "get", "/observations", indicator="grdp").status_code == 401
