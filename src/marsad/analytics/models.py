"""The communes' levels summed per province, indicator, period and status: what the analytics
service reads for a province built from its communes (``reading.commune_sums``).

One definition of the sum (``VIEW_SQL`` in the migration ``0001``): the communes' ``level``
observations, summed by their parent, indicator, period and status, with their count and unit.

- PostgreSQL (the national scale): a table kept current on write by statement triggers on the
  observations (an insert adds its rows' sums; an update or delete sums the keys it touched
  again from their rows) and on the areas (a commune moved to another province); a write is in
  it when its transaction commits, so the next request sees it, whatever wrote it (the write
  path, a bulk COPY, a raw SQL fix). Reading one indicator of the nation is then ~34 x 40 rows
  instead of a GROUP BY over the communes' millions.
- SQLite (one office, small data): a view of the same sum; SQLite pushes the filters on the
  province, indicator and period into it, so it reads only those rows (what the GROUP BY did).
"""

from __future__ import annotations

from django.db import models


class CommuneLevel(models.Model):
    pk = models.CompositePrimaryKey("indicator", "parent", "period", "status")
    parent = models.ForeignKey("areas.Area", models.DO_NOTHING, db_constraint=False, related_name="+")
    indicator = models.ForeignKey(
        "indicators.Indicator", models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    period = models.CharField(max_length=10)
    status = models.CharField(max_length=12)
    total = models.DecimalField(max_digits=40, decimal_places=10)
    n = models.IntegerField()
    unit = models.CharField(max_length=40)

    class Meta:
        managed = False  # a table with triggers on PostgreSQL, a view on SQLite (migration 0001)
        db_table = "analytics_communelevel"


class AreaVersion(models.Model):
    """An area's data version (PostgreSQL; migration 0002): set anew by the database whenever an
    observation of the area or of one of its communes is written."""

    area_id = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField()

    class Meta:
        managed = False
        db_table = "analytics_areaversion"
