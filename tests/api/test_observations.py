"""Observations through the API: filters, the period range, writes, validation and history."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.core import periods
from marsad.core.periods import periods_of_year
from marsad.observations.api import period_codes_between

pytestmark = pytest.mark.django_db


def _periods(call, who="admin", **query):
    items = call(who, "get", "/observations", limit=1000, **query).json()["items"]
    return sorted((o["area"], o["period"], o["measure"]) for o in items)


def test_filter_by_area_subtree(call, places, observations):
    province = places["province"].code
    only = _periods(call, area=province)
    assert {a for a, _, _ in only} == {province}
    tree = _periods(call, area=province, subtree="true")
    assert {a for a, _, _ in tree} == {province, places["mine"].code, places["neighbour"].code}


def test_filter_by_indicator_measure_status(call, places, observations):
    items = call("admin", "get", "/observations", indicator="budget_revenue").json()["items"]
    assert [(o["area"], o["period"], o["value"]) for o in items] == [(places["mine"].code, "2025Q1", 55.0)]
    growth = _periods(call, measure="yoy_pct")
    assert growth == [(places["mine"].code, "2024", "yoy_pct")]
    assert call("admin", "get", "/observations", status="plan").json()["count"] == 0
    assert call("admin", "get", "/observations", measure="speed").status_code == 422


def test_period_range_uses_period_spans(call, places, observations):
    mine = places["mine"].code
    # Q2..S1 of 2024: Q2 lies inside; S1 and Q1 start before Q2 and so lie outside.
    assert _periods(call, area=mine, period_from="2024Q2", period_to="2024S1") == [(mine, "2024Q2", "level")]
    # The first half holds Q1, Q2 and S1 but not the year.
    first_half = [p for _, p, _ in _periods(call, area=mine, period_from="2024Q1", period_to="2024S1")]
    assert first_half == ["2024Q1", "2024Q2", "2024S1"]
    assert [p for _, p, _ in _periods(call, area=mine, period_from="2025")] == ["2025Q1"]
    assert "2025Q1" not in [p for _, p, _ in _periods(call, area=mine, period_to="2024")]
    assert call("admin", "get", "/observations", period_from="2024Q5").status_code == 422


def test_pagination(call, observations):
    first = call("admin", "get", "/observations", limit=3).json()
    second = call("admin", "get", "/observations", limit=3, offset=3).json()
    assert first["count"] == second["count"] == len(observations)
    assert len(first["items"]) == 3
    assert not {o["id"] for o in first["items"]} & {o["id"] for o in second["items"]}
    assert call("admin", "get", "/observations", limit=0).status_code == 422


def test_write_then_revise_keeps_history(call, places, users):
    body = {"area": places["mine"].code, "indicator": "grdp", "period": "2025-9M", "value": 321.5}
    created = call("commune", "post", "/observations", body)
    assert created.status_code == 201
    obs = created.json()
    assert obs["period"] == "2025-9M" and obs["unit"] and obs["source"] == "entry"
    stale = call("commune", "post", "/observations", {**body, "value": 330.0})
    assert stale.status_code == 409 and stale.json()["current"]["value"] == 321.5
    revised = call(
        "commune", "post", "/observations", {**body, "value": 330.0, "qualifier": "about", "revision": 1}
    )
    assert revised.status_code == 200
    assert revised.json()["id"] == obs["id"] and revised.json()["value"] == 330.0
    assert revised.json()["revision"] == 2
    history = call("commune", "get", f"/observations/{obs['id']}/history").json()
    assert [h["action"] for h in history] == ["create", "update"]
    assert history[1]["before"]["value"] == "321.5" and history[1]["after"]["value"] == "330"
    assert {h["user"] for h in history} == {"commune"}


@pytest.mark.parametrize(
    "change, status",
    [
        ({"period": "2025Q7"}, 422),
        ({"period": "2025-0M"}, 422),
        ({"indicator": "no_such_thing"}, 404),
        ({"area": "VN-99-00000"}, 404),
        ({"measure": "speed"}, 422),
        ({"value": "many"}, 422),
        ({"qualifier": "roughly"}, 422),
    ],
)
def test_invalid_writes_are_refused_with_a_message(call, places, change, status):
    body = {"area": places["mine"].code, "indicator": "grdp", "period": "2025Q1", "value": 1.0, **change}
    response = call("admin", "post", "/observations", body)
    assert response.status_code == status
    assert response.json()["detail"]


def test_same_period_spelt_two_ways_is_one_observation(call, places):
    body = {"area": places["mine"].code, "indicator": "grdp", "value": 5.0}
    first = call("admin", "post", "/observations", {**body, "period": "2025-6M"}).json()
    second = call("admin", "post", "/observations", {**body, "period": "2025S1", "value": 6.0, "revision": 1})
    assert second.status_code == 200 and second.json()["id"] == first["id"]
    assert first["period"] == "2025S1"


def _valid_period(y, first, last):
    try:
        return periods.Period(y, first, last)
    except periods.PeriodError:
        return None


any_period = st.builds(
    lambda y, first, n: _valid_period(y, first, min(12, first + n)),
    st.integers(2018, 2026),
    st.integers(1, 12),
    st.integers(0, 11),
).filter(bool)


@settings(max_examples=150, deadline=None)
@given(any_period, any_period)
def test_period_range_holds_exactly_the_periods_inside(first, last):
    codes = set(period_codes_between(first, last))
    for y in range(2017, 2028):
        for p in periods_of_year(y):
            inside = p.start >= first.start and p.end <= last.end
            assert (p.code in codes) == inside, (first, last, p)


@settings(max_examples=50, deadline=None)
@given(any_period)
def test_open_bounds(bound):
    after = set(period_codes_between(bound, None))
    before = set(period_codes_between(None, bound))
    assert bound.code in after and bound.code in before
    for p in periods_of_year(bound.year):
        assert (p.code in after) == (p.start >= bound.start)
        assert (p.code in before) == (p.end <= bound.end)


@pytest.mark.parametrize("lang", ("ar", "vi", "en"))
def test_a_bad_period_is_answered_in_the_callers_language(call, client, observations, lang):
    """The API names a bad period in the Accept-Language's words, as the pages do (it said a
    regular expression, in English)."""
    from marsad.core.periods import error_message

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = lang
    for path, query in (
        ("/target-overview", {"area": "VN-24", "period": "2025 Q9"}),
        ("/directives", {"period": "2025 Q9"}),
        ("/analytics/figures", {"area": "VN-24", "period": "2025 Q9"}),
    ):
        answer = call("admin", "get", path, **query)
        assert answer.status_code == 422, path
        assert [e["msg"] for e in answer.json()["detail"]] == [error_message("2025 Q9", lang)], path
    body = {"area": "VN-24", "indicator": "grdp", "period": "2025Q9", "measure": "level", "value": 1}
    answer = call("admin", "post", "/observations", json=body)
    assert answer.status_code == 422
    assert error_message("2025Q9", lang) in [e["msg"] for e in answer.json()["detail"]]


def _reads_rows(sql: str) -> bool:
    """A statement that reads observations, not the data version's highest ids (every cached
    answer's key reads those)."""
    return "observations_observation" in sql and "audit_changerecord" not in sql


def test_a_page_and_its_total_are_one_statement(call, observations):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        page = call("admin", "get", "/observations", limit=3).json()
    assert page["count"] == len(observations) and len(page["items"]) == 3
    reads = [q["sql"] for q in queries.captured_queries if _reads_rows(q["sql"])]
    assert len(reads) == 1 and "OVER ()" in reads[0]
    assert all(set(item) == set(page["items"][0]) for item in page["items"])  # no extra column
    # A page past the end has no row to carry the total: it is counted apart.
    past = call("admin", "get", "/observations", limit=3, offset=100).json()
    assert past == {"items": [], "count": len(observations)}
    assert call("admin", "get", "/observations", indicator="nothing").json() == {"items": [], "count": 0}


def test_a_subtree_query_is_one_list_of_areas_in_scope(call, places, observations):
    """The province asked for and the caller's scope as one list of ids (not two filters, nor
    a subquery, which PostgreSQL misjudges); a commune officer asking for the province sees
    their own commune only."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    province = places["province"].code
    with CaptureQueriesContext(connection) as queries:
        tree = _periods(call, "planner", area=province, subtree="true")
    assert {a for a, _, _ in tree} == {province, places["mine"].code, places["neighbour"].code}
    (read,) = [q["sql"] for q in queries.captured_queries if _reads_rows(q["sql"])]
    where = read.split(" WHERE ", 1)[1]
    assert where.count("area_id") == 1 and "areas_area" not in where
    mine = _periods(call, "commune", area=places["mine"].code, subtree="true")
    assert {a for a, _, _ in mine} == {places["mine"].code}
