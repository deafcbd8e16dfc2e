"""A planner's targets: set, edit, retire, scenarios; one plan concept; scope; audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError


def _plan_obs(area, indicator, period, measure="yoy_pct"):
    from marsad.observations.models import Observation

    return Observation.objects.filter(
        area=area, indicator=indicator, period=period, measure=measure, status="plan"
    ).first()


def _set(user, area, indicator, value=10.5, **kw):
    from marsad.targets.planning import set_target

    args = dict(
        area=area, indicator=indicator, year=2025, measure="yoy_pct", value=value, direction="at_least"
    )
    args.update(kw)
    return set_target(user=user, **args)


def test_set_writes_the_plan_observation_and_the_audit(demo_users, bac_ninh, grdp, resolution):
    target = _set(demo_users["planner"], bac_ninh, grdp, document=resolution, article="Article 1, item 2")
    obs = _plan_obs(bac_ninh, grdp, "2025")
    assert (obs.value, obs.qualifier, obs.unit, obs.document_id) == (10.5, "at_least", "%", resolution.pk)
    changes = list(target.history())
    assert changes and changes[0].user == demo_users["planner"] and changes[0].action == "create"
    assert target.label("en").endswith("at least 10.5% (2025, Bac Ninh)")


def test_the_same_key_twice_is_refused(demo_users, bac_ninh, grdp):
    _set(demo_users["planner"], bac_ninh, grdp)
    with pytest.raises(ValidationError, match="already set"):
        _set(demo_users["planner"], bac_ninh, grdp, value=11)


def test_edit_keeps_one_number_and_refuses_a_stale_revision(demo_users, bac_ninh, grdp):
    from marsad.targets.planning import StaleTarget, edit_target

    planner = demo_users["planner"]
    target = _set(planner, bac_ninh, grdp)
    seen = target.revision
    edited = edit_target(target, revision=seen, user=planner, value=11.0)
    assert edited.revision == seen + 1
    assert float(_plan_obs(bac_ninh, grdp, "2025").value) == 11.0
    with pytest.raises(StaleTarget):
        edit_target(target, revision=seen, user=planner, value=9.0)  # the colleague's old copy
    assert float(_plan_obs(bac_ninh, grdp, "2025").value) == 11.0


def test_retire_stops_counting_and_keeps_history(demo_users, bac_ninh, grdp):
    from marsad.targets.models import Target
    from marsad.targets.planning import retire_target

    planner = demo_users["planner"]
    target = _set(planner, bac_ninh, grdp)
    with pytest.raises(ValidationError):
        retire_target(target, revision=target.revision, reason=" ", user=planner)
    retire_target(target, revision=target.revision, reason="superseded by resolution 40", user=planner)
    assert not Target.objects.filter(pk=target.pk).exists()
    assert Target.all_objects.get(pk=target.pk).retired_reason == "superseded by resolution 40"
    assert _plan_obs(bac_ninh, grdp, "2025") is None
    assert [c.action for c in Target.all_objects.get(pk=target.pk).history()][:1] == ["update"]
    again = _set(planner, bac_ninh, grdp, value=9.5)  # a new target may take its place
    assert again.pk != target.pk


def test_scenarios_are_plan_values_of_their_periods(demo_users, bac_ninh, grdp):
    from marsad.targets.planning import remove_scenario, set_scenario

    planner = demo_users["planner"]
    target = _set(planner, bac_ninh, grdp, value=8.0)
    scenario = set_scenario(target, period="2025Q2", value=7.59, user=planner)
    assert float(_plan_obs(bac_ninh, grdp, "2025Q2").value) == 7.59
    set_scenario(target, period="2025Q2", value=7.7, user=planner)
    assert float(_plan_obs(bac_ninh, grdp, "2025Q2").value) == 7.7
    for bad in ("2026Q1", "2025", "202503", "nonsense"):
        with pytest.raises(ValidationError):
            set_scenario(target, period=bad, value=7, user=planner)
    set_scenario(target, period="2025-9M", value=7.9, user=planner)
    remove_scenario(scenario, user=planner)
    assert _plan_obs(bac_ninh, grdp, "2025Q2") is None
    assert float(_plan_obs(bac_ninh, grdp, "2025-9M").value) == 7.9


def test_only_planners_of_the_area_may_plan(demo_users, bac_ninh, grdp):
    from marsad.areas.models import Area

    with pytest.raises(PermissionDenied):
        _set(demo_users["department"], bac_ninh, grdp)
    with pytest.raises(PermissionDenied):
        _set(demo_users["viewer"], bac_ninh, grdp)
    with pytest.raises(PermissionDenied):
        _set(demo_users["planner"], Area.objects.get(code="VN-01"), grdp)
    _set(demo_users["admin"], bac_ninh, grdp)


def test_a_document_of_another_province_is_refused(demo_users, bac_ninh, grdp, other_resolution):
    from marsad.targets.planning import source_documents

    assert not source_documents(demo_users["planner"]).filter(pk=other_resolution.pk).exists()
    with pytest.raises(ValidationError, match="outside your areas"):
        _set(demo_users["planner"], bac_ninh, grdp, document=other_resolution)


def test_bad_values_are_refused_beside_their_field(demo_users, bac_ninh, grdp):
    with pytest.raises(ValidationError) as info:
        _set(demo_users["planner"], bac_ninh, grdp, value=float("nan"), measure="plan_pct", direction="most")
    assert set(info.value.message_dict) == {"value", "measure", "qualifier"}
    with pytest.raises(ValidationError, match="share"):
        _set(demo_users["planner"], bac_ninh, grdp, value=140, measure="share_pct")


def test_a_plan_value_entered_as_data_is_the_target(demo_users, bac_ninh, grdp, tmp_path):
    """The bug: 11 % typed in as the plan, the card still said 10.5 %. Now they are one."""
    from marsad.observations.transfer import import_file
    from marsad.targets.models import Target

    planner = demo_users["planner"]
    target = _set(planner, bac_ninh, grdp, value=10.5)
    csv = tmp_path / "plan.csv"
    csv.write_text(
        "area,indicator,period,measure,value,unit,status,qualifier\n"
        "VN-24,grdp,2025,yoy_pct,11,%,plan,exact\n"
        "VN-24,grdp,2025Q2,yoy_pct,10.2,%,plan,exact\n"
        "VN-24,budget_revenue,2025,level,40000,billion VND,plan,at_least\n"
    )
    import_file(csv, user=planner)
    target = Target.objects.get(pk=target.pk)
    assert (target.value, target.qualifier) == (11.0, "at_least")  # "exact" states no direction
    assert _plan_obs(bac_ninh, grdp, "2025").value == 11.0  # one number; the row keeps what it said
    assert target.scenarios.get(period="2025Q2").value == 10.2
    revenue = Target.objects.get(area=bac_ninh, indicator__code="budget_revenue", year=2025)
    assert (revenue.value, revenue.measure, revenue.qualifier) == (40000.0, "level", "at_least")
    assert target.history().filter(source="import plan.csv").exists()


def test_a_plan_value_from_a_department_is_refused(demo_users, tmp_path):
    from marsad.observations.models import Observation
    from marsad.observations.transfer import import_file

    csv = tmp_path / "plan.csv"
    csv.write_text(
        "area,indicator,period,measure,value,unit,status,qualifier\nVN-24,grdp,2025,yoy_pct,11,%,plan,exact\n"
    )
    with pytest.raises(PermissionDenied):
        import_file(csv, user=demo_users["department"])
    assert not Observation.objects.filter(status="plan", period="2025", area__code="VN-24").exists()


def test_labels_in_three_languages(demo_users, bac_ninh, grdp):
    target = _set(demo_users["planner"], bac_ninh, grdp, value=10.5)
    en, vi, ar = target.label("en"), target.label("vi"), target.label("ar")
    assert en == (
        "Gross regional domestic product (GRDP): growth on the previous year at least 10.5% (2025, Bac Ninh)"
    )
    assert (
        vi == "Tổng sản phẩm trên địa bàn (GRDP): tăng trưởng so với năm trước ít nhất 10,5% (2025, Bắc Ninh)"
    )
    assert ar.startswith(
        "الناتج المحلي الإجمالي للمقاطعة (GRDP): النمو مقارنة بالسنة السابقة على الأقل \u2068"
    )
    assert ar.endswith("\u2069 (\u20682025\u2069، باك نينه)")


def test_a_new_plan_row_without_a_direction_says_so(demo_users, bac_ninh, tmp_path):
    from marsad.observations.transfer import import_file
    from marsad.targets.models import Target

    csv = tmp_path / "plan.csv"
    csv.write_text(
        "area,indicator,period,measure,value,unit,status,qualifier\n"
        "VN-24,exports,2025,level,9000,million USD,plan,exact\n"
    )
    import_file(csv, user=demo_users["planner"])
    target = Target.objects.get(area=bac_ninh, indicator__code="exports", year=2025)
    assert target.qualifier == "at_least" and "not stated" in target.note
