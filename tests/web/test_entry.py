"""Data entry for one unit and period: saved with history, refused with clear messages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.observations.forms import check_period, check_value, parse_local_number
from marsad.web.formatting import number_text


def _post(client, area, period="2025Q1", **values):
    data = {"area": area.code, "period": period, "status": "official"}
    data.update({f"v__{k.replace('__', '__')}": v for k, v in values.items()})
    return client.post("/observations/entry/", data)


@pytest.mark.django_db
def test_commune_officer_enters_a_value_and_sees_it_on_the_dashboard(client_for, communes, demo_users):
    from marsad.audit.models import ChangeRecord
    from marsad.observations.models import Observation

    mine, _ = communes
    client = client_for("commune")
    response = _post(client, mine, **{"budget_revenue__level": "1234.5", "budget_revenue__yoy_pct": "8.5"})
    assert response.status_code == 302
    obs = Observation.objects.get(
        area=mine, indicator__code="budget_revenue", period="2025Q1", measure="level"
    )
    assert obs.value == 1234.5 and obs.entered_by == demo_users["commune"] and obs.source == "entry"
    assert ChangeRecord.objects.filter(object_id=obs.pk, action="create", user=demo_users["commune"]).exists()
    html = client.get(f"/dashboard/?area={mine.code}&period=2025Q1").content.decode()
    assert "1,234.5" in html and "8.5" in html


@pytest.mark.django_db
def test_a_revision_keeps_the_history(client_for, communes):
    from marsad.audit.models import ChangeRecord
    from marsad.observations.models import Observation

    mine, _ = communes
    client = client_for("commune")
    _post(client, mine, **{"budget_revenue__level": "100"})
    _post(client, mine, **{"budget_revenue__level": "120"})
    obs = Observation.objects.get(
        area=mine, indicator__code="budget_revenue", period="2025Q1", measure="level"
    )
    assert obs.value == 120
    changes = ChangeRecord.objects.filter(object_id=obs.pk).order_by("at", "id")
    assert [c.action for c in changes] == ["create", "update"]
    page = client.get(f"/changes/observation/{obs.pk}/").content.decode()
    assert "100" in page and "120" in page


@pytest.mark.django_db
def test_invalid_values_save_nothing_and_say_why(client_for, communes):
    from marsad.observations.models import Observation

    mine, _ = communes
    client = client_for("commune")
    response = _post(
        client, mine, **{"budget_revenue__level": "-5", "grdp__level": "abc", "exports__level": "10"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "aria-invalid" in html
    assert not Observation.objects.filter(area=mine).exists()


@pytest.mark.django_db
def test_a_future_or_malformed_period_is_refused(client_for, communes):
    mine, _ = communes
    client = client_for("commune")
    for period in ("2099Q1", "2025Q5"):
        html = client.get(f"/observations/entry/?area={mine.code}&period={period}").content.decode()
        assert 'role="alert"' in html and "v__grdp__level" not in html


def test_value_rules():
    assert check_value("level", -1) is not None
    assert check_value("level", 0) is None
    assert check_value("yoy_pct", -100) is not None
    assert check_value("yoy_pct", -12.5) is None
    assert check_value("share_pct", 101) is not None
    assert check_value("level", 101, "%") is not None
    assert check_period("2025-9M")[0].code == "2025-9M"
    assert check_period("9M")[1] is not None


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("5.800,5", "vi", 5800.5),
        ("5,800.5", "en", 5800.5),
        ("٥٬٨٠٠٫٥", "ar", 5800.5),
        ("8,26", "ar", 8.26),
        ("1,234", "ar", 1234),
        ("-3.5", "en", -3.5),
        ("12 %", "en", 12),
    ],
)
def test_numbers_typed_the_local_way(text, lang, value):
    assert parse_local_number(text, lang) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3,4,5", "1,2345.6"])
def test_non_numbers_are_refused(text):
    with pytest.raises(ValueError):
        parse_local_number(text, "en")


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 2)),
    st.sampled_from(["ar", "vi", "en"]),
    st.booleans(),
)
def test_what_the_pages_print_reads_back(value, lang, eastern):
    eastern = eastern and lang == "ar"
    printed = number_text(value, lang, eastern, 2)
    assert parse_local_number(printed, lang) == pytest.approx(value, abs=0.006)
