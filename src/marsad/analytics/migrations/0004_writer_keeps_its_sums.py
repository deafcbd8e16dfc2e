"""A writer that rewrites many values in place may keep the communes' sums and the areas'
versions itself, from what it already holds, instead of the update triggers deriving the same
from the statement's old and new rows.

The bulk import knows each updated row's key, old value and old unit before it writes; the
update triggers joined 100,000 old rows to 100,000 new rows (twice) to find them again: 0.9 s
of the server's 1.5 s of CPU for an import's UPDATE of 100,000 values (EXPLAIN ANALYZE, load
~8; capturing the transition tables costs next to nothing, their joins everything).

- ``analytics_rows_rewritten(changes)``: the rows of the table ``changes`` (key, old and new
  unit and value; see marsad.analytics.rewrites) were rewritten in place. Same unit: each key's
  difference is added to its sum; another unit: the key is summed again. The difference rule
  (:func:`add_differences`) is the update trigger's too, over its old and new rows.
- ``analytics_bump_with_parents(areas)``: a new data version for each area and its parent, as
  the version trigger gives them.

A writer that calls these itself says so with ``SET LOCAL marsad.keeps_analytics = on`` for its
statement (and sets it back to ``off`` after): the update triggers then do nothing. Every other
update, and every insert and delete, goes through the triggers as before.
"""

from importlib import import_module

from django.db import migrations

_first = import_module("marsad.analytics.migrations.0001_commune_levels")
_second = import_module("marsad.analytics.migrations.0002_area_versions")
_third = import_module("marsad.analytics.migrations.0003_value_changes_add_their_difference")
COLUMNS, KEY, SUMS = _first.COLUMNS, _first.KEY, _first.SUMS
WRITER_KEEPS = "current_setting('marsad.keeps_analytics', true) = 'on'"

# Rows rewritten in place, their value being each one's difference, as SUMS reads rows: from
# the update trigger's old and new rows, or from a writer's table of its changes.
TRIGGER_ROWS = f"""(
    SELECT y.area_id, y.indicator_id, y.period, y.measure, y.status, y.unit,
           COALESCE(y.value, 0) - COALESCE(x.value, 0) AS value
    FROM old_rows x JOIN new_rows y ON x.id = y.id
    WHERE {_third.SAME_PLACE} AND x.value IS DISTINCT FROM y.value)"""
CHANGED_ROWS = """(
    SELECT area_id, indicator_id, period, measure, status, unit, value - old_value AS value
    FROM %1$s WHERE {which})"""


def add_differences(rows: str) -> str:
    """Each key's difference added to its sum, in key order (so it waits for a concurrent
    re-sum of the key and adds to the new sum)."""
    return f"""
    INSERT INTO analytics_communelevel AS t ({COLUMNS})
    SELECT parent_id, indicator_id, period, status, total, 0, unit FROM ({SUMS.format(rows=rows)}) s
    ORDER BY indicator_id, parent_id, period, status
    ON CONFLICT ({KEY}) DO UPDATE SET total = t.total + EXCLUDED.total"""


_SAME_UNIT = CHANGED_ROWS.format(which="old_unit IS NOT DISTINCT FROM unit")
_OTHER_UNIT = CHANGED_ROWS.format(which="old_unit IS DISTINCT FROM unit")

POSTGRES = f"""
-- The changes are many and their table fresh (no statistics): joined to the areas by hash, not
-- by one index look-up per row, and sorted in memory.
CREATE FUNCTION analytics_rows_rewritten(changes regclass) RETURNS void LANGUAGE plpgsql
SET work_mem = '64MB' SET enable_nestloop = off AS $$
DECLARE
    p bigint[];
    i bigint[];
    pe text[];
    touched bigint[];
BEGIN
    -- the same unit: each key's difference added
    EXECUTE format($q${add_differences(_SAME_UNIT)}$q$, changes);
    -- another unit: the keys summed again from their rows (the unit is the key's MAX)
    EXECUTE format($q$
        SELECT array_agg(parent_id), array_agg(indicator_id), array_agg(period)
        FROM (SELECT DISTINCT parent_id, indicator_id, period FROM ({SUMS.format(rows=_OTHER_UNIT)}) s) k
    $q$, changes) INTO p, i, pe;
    IF p IS NOT NULL THEN
        PERFORM analytics_communelevel_resum(p, i, pe);
    END IF;
    EXECUTE format('SELECT array_agg(DISTINCT area_id) FROM %1$s', changes) INTO touched;
    PERFORM analytics_bump_with_parents(touched);
END $$;

CREATE FUNCTION analytics_bump_with_parents(areas bigint[]) RETURNS void LANGUAGE sql AS $$
    SELECT analytics_bump(ARRAY(
        SELECT DISTINCT unnest(ARRAY[a.id, a.parent_id])
        FROM areas_area a WHERE a.id = ANY(areas)));
$$;

CREATE OR REPLACE FUNCTION analytics_communelevel_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p bigint[];
    i bigint[];
    per text[];
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF {WRITER_KEEPS} THEN
            RETURN NULL;
        END IF;
        -- values changed in place: each key's difference added
        {add_differences(TRIGGER_ROWS)};
        -- rows moved to another key, measure, status or unit: both keys summed again
        SELECT array_agg(parent_id), array_agg(indicator_id), array_agg(period) INTO p, i, per
        FROM (
            SELECT DISTINCT a.parent_id, r.indicator_id, r.period
            FROM (
                SELECT x.area_id, x.indicator_id, x.period, x.measure
                FROM old_rows x JOIN new_rows y ON x.id = y.id
                WHERE NOT ({_third.SAME_PLACE})
                UNION ALL
                SELECT y.area_id, y.indicator_id, y.period, y.measure
                FROM old_rows x JOIN new_rows y ON x.id = y.id
                WHERE NOT ({_third.SAME_PLACE})
            ) r JOIN areas_area a ON a.id = r.area_id
            WHERE a.level = 'commune' AND r.measure = 'level' AND a.parent_id IS NOT NULL
        ) k;
    ELSE
        SELECT array_agg(parent_id), array_agg(indicator_id), array_agg(period) INTO p, i, per
        FROM (
            SELECT DISTINCT a.parent_id, r.indicator_id, r.period
            FROM old_rows r JOIN areas_area a ON a.id = r.area_id
            WHERE a.level = 'commune' AND r.measure = 'level' AND a.parent_id IS NOT NULL
        ) k;
    END IF;
    IF p IS NOT NULL THEN
        PERFORM analytics_communelevel_resum(p, i, per);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION analytics_bump_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT area_id) INTO touched FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT area_id) INTO touched FROM old_rows;
    ELSIF {WRITER_KEEPS} THEN
        RETURN NULL;
    ELSE
        SELECT array_agg(area_id) INTO touched
        FROM (SELECT area_id FROM old_rows UNION SELECT area_id FROM new_rows) r;
    END IF;
    IF touched IS NOT NULL THEN
        PERFORM analytics_bump_with_parents(touched);
    END IF;
    RETURN NULL;
END $$;
"""


def _function(sql: str, name: str) -> str:
    start = sql.index(f"CREATE FUNCTION {name}()")
    end = sql.index("END $$;", start) + len("END $$;")
    return sql[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


BACKWARDS = f"""
{_third.ON_CHANGE}
{_function(_second.POSTGRES, "analytics_bump_rows")}
DROP FUNCTION IF EXISTS analytics_bump_with_parents(bigint[]);
DROP FUNCTION IF EXISTS analytics_rows_rewritten(regclass);
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(POSTGRES)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(BACKWARDS)


class Migration(migrations.Migration):
    dependencies = [("analytics", "0003_value_changes_add_their_difference")]

    operations = [migrations.RunPython(forwards, backwards)]
