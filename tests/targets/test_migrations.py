"""targets.0003 (one plan concept) on a database that already holds exact (Decimal) values."""

from __future__ import annotations

import importlib
from decimal import Decimal

import pytest
from django.apps import apps

pytestmark = pytest.mark.django_db


def test_one_plan_migration_records_exact_values_as_text():
    from marsad.areas.models import Area
    from marsad.audit.models import ChangeRecord
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation
    from marsad.targets.models import Target

    reconcile = importlib.import_module("marsad.targets.migrations.0003_one_plan").reconcile
    area, indicator = Area.objects.get(code="VN-24"), Indicator.objects.get(code="budget_revenue")
    Observation.objects.create(
        area=area,
        indicator=indicator,
        period="2026",
        measure="level",
        status="plan",
        value=Decimal("40123.45"),
        unit="billion VND",
        source="entry",
    )
    reconcile(apps, None)
    target = Target.objects.get(area=area, indicator=indicator, year=2026, measure="level")
    assert float(target.value) == 40123.45
    record = ChangeRecord.objects.filter(object_id=target.pk, source__contains="targets.0003").get()
    assert record.after["value"] in ("40123.45", 40123.45)
