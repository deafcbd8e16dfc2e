"""Data entry for one unit and period: saved with history, refused with clear messages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.core.numbers import NumberError, format_exact
from marsad.observations.forms import check_period, read_cell


def grid_form(client, area, period="2025Q1", status="official") -> dict:
    """Every field of the grid as the page renders it (inputs and hidden fields)."""
    import re

    html = client.get(
        f"/observations/entry/?area={area.code}&period={period}&status={status}"
    ).content.decode()
    fields = {"area": area.code, "period": period, "status": status}
    for name, value in re.findall(r'name="([orv]__[a-z_]+__[a-z_]+)"[^>]*?value="([^"]*)"', html, re.S):
        fields[name] = value
    return fields


def _post(client, area, period="2025Q1", form=None, **values):
    """Change some cells of the grid as a person would: open it, type, save."""
    data = dict(form or grid_form(client, area, period))
    data.update({f"v__{k}": v for k, v in values.items()})
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
    changes = ChangeRecord.objects.filter(content_type__model="observation", object_id=obs.pk).order_by(
        "at", "id"
    )
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


def test_value_rules_of_the_write_path():
    from decimal import Decimal

    from marsad.core.catalogue import load_catalogue
    from marsad.core.validation import check_observation

    c = load_catalogue()

    def codes(ind, measure, value, unit, period="2024Q1", status="official"):
        return [
            p.code for p in check_observation(c[ind], period, measure, status, Decimal(value), unit, "exact")
        ]

    assert codes("grdp", "level", "-1", "billion VND") == ["level_below_minimum"]
    assert codes("grdp", "level", "0", "billion VND") == []
    assert codes("grdp", "yoy_pct", "-100", "%") == ["yoy_pct_below_minimum"]
    assert codes("grdp", "yoy_pct", "-12.5", "%") == []
    assert codes("grdp", "share_pct", "150", "%") == ["share_pct_above_maximum"]
    assert codes("poverty_rate", "level", "101", "%") == ["level_above_maximum"]
    assert codes("grdp", "level", "1" * 30, "billion VND") == ["too_many_digits"]
    assert codes("grdp", "level", "5", "billion VND", period="2099Q1") == ["future_period"]
    assert codes("grdp", "level", "5", "billion VND", period="2099Q1", status="plan") == []
    assert codes("grdp", "level", "5", "million USD") == ["unit_incompatible"]
    assert check_period("2025-9M")[0].code == "2025-9M"
    assert check_period("9M")[1] is not None


@pytest.mark.parametrize(
    ("text", "measure", "lang", "value"),
    [
        ("5.800,5", "level", "vi", "5800.5"),
        ("10,17", "level", "vi", "10.17"),
        ("5,800.5", "level", "en", "5800.5"),
        ("٥٬٨٠٠٫٥", "level", "ar", "5800.5"),
        ("1,234", "level", "ar", "1234"),
        ("-3.5", "yoy_pct", "en", "-3.5"),
        ("12 %", "yoy_pct", "en", "12"),
        ("8,5%", "yoy_pct", "vi", "8.5"),
    ],
)
def test_cells_typed_the_local_way(text, measure, lang, value):
    from decimal import Decimal

    assert read_cell(text, measure, lang) == Decimal(value)


@pytest.mark.parametrize("text", ["abc", "1.2.3,4,5", "1,2345.6", "12 %"])
def test_non_numbers_are_refused(text):
    with pytest.raises(NumberError):
        read_cell(text, "level", "en")


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(["ar", "vi", "en"]),
    st.booleans(),
)
def test_what_the_grid_shows_reads_back_exactly(value, lang, eastern):
    eastern = eastern and lang == "ar"
    assert read_cell(format_exact(value, lang, eastern), "level", lang) == value
