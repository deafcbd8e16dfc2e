"""The communes' sums the service reads (models.CommuneLevel) are those of the rows, after
every kind of write: on PostgreSQL a table kept by triggers, on SQLite a view."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Count, F, Max, Sum

from marsad.analytics import service
from marsad.analytics.models import CommuneLevel
from marsad.areas.models import Area
from marsad.observations.models import Observation


def _from_rows() -> dict:
    """The sums computed afresh from the observations (what the table must hold)."""
    rows = (
        Observation.objects.filter(
            area__level=Area.Level.COMMUNE, measure="level", area__parent__isnull=False
        )
        .values_list("area__parent_id", "indicator_id", "period", "status")
        .annotate(total=Sum("value"), n=Count("id"), unit=Max("unit"))
        .order_by()
    )
    return {(p, i, per, s): (Decimal(t), n, u) for p, i, per, s, t, n, u in rows}


def _kept() -> dict:
    return {
        (r.parent_id, r.indicator_id, r.period, r.status): (Decimal(r.total), r.n, r.unit)
        for r in CommuneLevel.objects.all()
    }


def _assert_same():
    fresh, kept = _from_rows(), _kept()
    assert fresh  # the demo has commune rows: an empty pair would prove nothing
    assert kept.keys() == fresh.keys()
    for key, (total, n, unit) in fresh.items():
        assert kept[key][1:] == (n, unit), key
        assert kept[key][0] == pytest.approx(total, rel=Decimal("1e-12")), key


def _commune_row(**extra) -> Observation:
    return (
        Observation.objects.filter(area__level=Area.Level.COMMUNE, measure="level", **extra)
        .select_related("area")
        .order_by("id")
        .first()
    )


def test_sums_follow_inserts_updates_deletes_and_moves(demo):
    _assert_same()  # after the demo's import (inserts through the write path)

    obs = _commune_row()
    obs.value += Decimal("1234.5")
    obs.save()
    _assert_same()

    Observation.objects.filter(pk=obs.pk).update(status="estimate")  # another status: another key
    _assert_same()

    key = dict(area=obs.area, indicator=obs.indicator, period=obs.period)
    Observation.objects.filter(**key).delete()
    _assert_same()

    Observation.objects.create(**key, measure="level", status="official", value=Decimal("7"), unit="bn")
    _assert_same()

    # a commune moved to another province: both provinces' sums follow
    other = Area.objects.provinces().exclude(pk=obs.area.parent_id).order_by("code").first()
    Area.objects.filter(pk=obs.area.pk).update(parent=other)
    _assert_same()

    Observation.objects.filter(area=obs.area).delete()
    _assert_same()


@pytest.mark.django_db(transaction=True)
def test_sums_follow_a_truncate(demo):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; its sums are a view")
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {Observation._meta.db_table} CASCADE")
    assert not CommuneLevel.objects.exists()


def test_a_commune_write_is_in_the_next_figures(demo):
    before = service.figures("VN-24", "2025-9M").get("new_enterprises")
    obs = _commune_row(area__parent__code="VN-24", indicator__code="new_enterprises", period="2025-9M")
    obs.value += 100
    obs.save()
    after = service.figures("VN-24", "2025-9M").get("new_enterprises")
    assert after.method == "communes" and after.value == pytest.approx(before.value + 100)


def test_a_commune_write_is_in_the_nations_next_figures(demo):
    before = service.indicator_figures("VN", ("new_enterprises",), "2025-9M").get("new_enterprises")
    obs = _commune_row(area__parent__code="VN-24", indicator__code="new_enterprises", period="2025-9M")
    obs.value -= 8
    obs.save()
    after = service.indicator_figures("VN", ("new_enterprises",), "2025-9M").get("new_enterprises")
    assert after.method == "provinces" and after.value == pytest.approx(before.value - 8)


def test_a_write_leaves_the_other_provinces_versions(demo):
    codes = ["VN", "VN-24", "VN-01", "VN-56", "VN-OLD-58"]
    before = service._versions(codes)
    obs = _commune_row(area__parent__code="VN-24")
    obs.value += 1
    obs.save()
    after = service._versions(codes)
    changed = {c for c in codes if before[c] != after[c]}
    if connection.vendor == "postgresql":  # the province of the commune, and the nation
        assert changed == {"VN", "VN-24"}
    else:  # SQLite: one version for the whole database
        assert changed == set(codes)
    # Ninh Thuan (merged into Khanh Hoa): a write of its own is Khanh Hoa's too
    ninh_thuan = Observation.objects.filter(area__code="VN-OLD-58").order_by("id").first()
    ninh_thuan.value += 1
    ninh_thuan.save()
    again = service._versions(codes)
    moved = {c for c in codes if again[c] != after[c]}
    assert {"VN", "VN-56", "VN-OLD-58"} <= moved
    if connection.vendor == "postgresql":
        assert moved == {"VN", "VN-56", "VN-OLD-58"}


def test_sums_follow_many_values_changed_in_one_statement(demo):
    """An import's update: the values' differences added; a row that also changed status has
    both its keys summed again (on PostgreSQL the two paths of the update trigger)."""
    from django.db.models import Case, F, Value, When

    ids = list(
        Observation.objects.filter(area__level=Area.Level.COMMUNE, measure="level")
        .order_by("id")
        .values_list("id", flat=True)
    )
    assert len(ids) > 100  # the demo's communes
    Observation.objects.filter(id__in=ids).update(value=F("value") * 2 + Decimal("0.125"))
    _assert_same()
    Observation.objects.filter(id__in=ids[:50]).update(
        value=F("value") + 3,
        status=Case(When(id=ids[0], then=Value("estimate")), default=F("status")),
    )
    _assert_same()


def test_sums_follow_a_unit_changed_in_place(demo):
    """Another unit for the same key: the key summed again (its unit is the rows' MAX)."""
    obs = _commune_row()
    Observation.objects.filter(pk=obs.pk).update(unit="zz-unit", value=F("value") + 1)
    _assert_same()


def test_an_import_updating_communes_keeps_the_sums_and_versions(demo):
    """The bulk import keeps the sums itself (on PostgreSQL, with the update triggers told to
    stand aside for its statement); a later update goes through the triggers again."""
    from marsad.observations.transfer import export_rows, import_rows

    communes = Observation.objects.filter(area__level=Area.Level.COMMUNE, measure="level")
    rows = list(export_rows(communes.filter(area__parent__code="VN-24")))
    assert len(rows) > 20
    codes = ["VN", "VN-24", "VN-01"]
    before = service._versions(codes)
    changed = [{**r, "value": str(Decimal(r["value"]) + Decimal("0.5"))} for r in rows]
    result = import_rows(enumerate(changed, start=2), "communes.csv")
    assert result.updated == len(rows)
    _assert_same()
    after = service._versions(codes)
    assert before["VN-24"] != after["VN-24"] and before["VN"] != after["VN"]
    if connection.vendor == "postgresql":
        assert before["VN-01"] == after["VN-01"]
    Observation.objects.filter(pk=_commune_row().pk).update(value=F("value") + 7)
    _assert_same()


def test_the_tree_read_with_the_versions_follows_a_new_commune(demo):
    from marsad.analytics import reading

    before, _ = reading.tree_and_versions(lambda t: ["VN-24"])
    province = Area.objects.get(code="VN-24")
    Area.objects.create(
        code="VN-24-99999", level=Area.Level.COMMUNE, parent=province, name_vi="Xã Mới", name_en="New"
    )
    tree, versions = reading.tree_and_versions(
        lambda t: [c for c in ("VN-24", "VN-24-99999") if c in t.nodes]
    )
    assert tree.nodes["VN-24-99999"].parent == "VN-24"
    assert tree.commune_count["VN-24"] == before.commune_count["VN-24"] + 1
    assert set(versions) == {"VN-24", "VN-24-99999"}
    again, _ = reading.tree_and_versions(lambda t: ["VN-24"])
    assert again is tree  # the same areas: the tree read before


def test_the_tree_follows_a_rename_of_a_merged_provinces_namesake(demo):
    """The tree's version is the database's, set on every write of the areas: a rename (which
    the counts of rows and ids never saw) gives the tree read again."""
    from marsad.analytics import reading

    before = reading.area_tree()
    assert before.namesake("VN-56") is not None  # the old Khanh Hoa, found by its name
    old = Area.objects.get(code=before.namesake("VN-56"))
    old.name_vi += " (cũ)"
    old.save()
    tree, _ = reading.tree_and_versions(lambda t: ["VN-56"])
    assert tree is not before and tree.stamp != before.stamp
    assert tree.namesake("VN-56") is None and reading.area_tree() is tree
