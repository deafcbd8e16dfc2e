"""The communes' levels summed per province (``analytics_communelevel``, see models.py).

PostgreSQL: a table filled from the view ``analytics_communelevel_v`` and kept current by
statement-level triggers (transition tables, so a COPY of 500,000 rows costs one GROUP BY of
those rows, not 500,000 trigger calls):

- insert into the observations: the inserted rows' sums are added to their keys (exact: the
  values are numeric);
- update or delete: the keys the changed rows had or have are summed again from their rows,
  after locking those keys' rows (a concurrent insert into a key then commits first and is
  counted; the insert's own addition waits for the lock and adds to the new sum);
- truncate: emptied; a commune moved to another province or changed level: both provinces
  summed again.

SQLite: a view of the same sum (``VIEW_SELECT``).
"""

from django.db import migrations, models

# The one definition of the sum (over the observations table, or a trigger's transition table).
SUMS = """
SELECT a.parent_id, o.indicator_id, o.period, o.status,
       SUM(o.value) AS total, COUNT(*) AS n, MAX(o.unit) AS unit
FROM {rows} o JOIN areas_area a ON a.id = o.area_id
WHERE a.level = 'commune' AND o.measure = 'level' AND a.parent_id IS NOT NULL
GROUP BY a.parent_id, o.indicator_id, o.period, o.status
"""
VIEW_SELECT = SUMS.format(rows="observations_observation")
COLUMNS = "parent_id, indicator_id, period, status, total, n, unit"
KEY = "indicator_id, parent_id, period, status"

POSTGRES = f"""
CREATE VIEW analytics_communelevel_v AS {VIEW_SELECT};

CREATE TABLE analytics_communelevel (
    parent_id bigint NOT NULL,
    indicator_id bigint NOT NULL,
    period varchar(10) NOT NULL,
    status varchar(12) NOT NULL,
    total numeric NOT NULL,
    n integer NOT NULL,
    unit varchar(40) NOT NULL,
    PRIMARY KEY ({KEY})
);

INSERT INTO analytics_communelevel ({COLUMNS}) SELECT {COLUMNS} FROM analytics_communelevel_v;

CREATE FUNCTION analytics_communelevel_resum(p bigint[], i bigint[], per text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM analytics_communelevel t
        JOIN unnest(p, i, per) AS k(parent_id, indicator_id, period)
          ON t.parent_id = k.parent_id AND t.indicator_id = k.indicator_id AND t.period = k.period
        ORDER BY t.indicator_id, t.parent_id, t.period, t.status
        FOR UPDATE OF t;
    DELETE FROM analytics_communelevel t
        USING unnest(p, i, per) AS k(parent_id, indicator_id, period)
        WHERE t.parent_id = k.parent_id AND t.indicator_id = k.indicator_id AND t.period = k.period;
    INSERT INTO analytics_communelevel AS t ({COLUMNS})
    SELECT a.parent_id, o.indicator_id, o.period, o.status, SUM(o.value), COUNT(*), MAX(o.unit)
    FROM (SELECT DISTINCT * FROM unnest(p, i, per) AS k(parent_id, indicator_id, period)) k
    JOIN areas_area a ON a.parent_id = k.parent_id AND a.level = 'commune'
    JOIN observations_observation o
      ON o.area_id = a.id AND o.indicator_id = k.indicator_id AND o.period = k.period
    WHERE o.measure = 'level'
    GROUP BY a.parent_id, o.indicator_id, o.period, o.status
    ORDER BY o.indicator_id, a.parent_id, o.period, o.status
    ON CONFLICT ({KEY}) DO UPDATE SET total = EXCLUDED.total, n = EXCLUDED.n, unit = EXCLUDED.unit;
END $$;

CREATE FUNCTION analytics_communelevel_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO analytics_communelevel AS t ({COLUMNS})
    SELECT * FROM ({SUMS.format(rows="new_rows")}) s
    ORDER BY indicator_id, parent_id, period, status
    ON CONFLICT ({KEY}) DO UPDATE
        SET total = t.total + EXCLUDED.total, n = t.n + EXCLUDED.n, unit = GREATEST(t.unit, EXCLUDED.unit);
    RETURN NULL;
END $$;

CREATE FUNCTION analytics_communelevel_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p bigint[];
    i bigint[];
    per text[];
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- only rows whose key, value or unit changed (an approval or a note leaves the sums)
        SELECT array_agg(parent_id), array_agg(indicator_id), array_agg(period) INTO p, i, per
        FROM (
            SELECT DISTINCT a.parent_id, r.indicator_id, r.period
            FROM (
                SELECT x.area_id, x.indicator_id, x.period, x.measure
                FROM old_rows x JOIN new_rows y ON x.id = y.id
                WHERE (x.area_id, x.indicator_id, x.period, x.measure, x.status, x.value, x.unit)
                      IS DISTINCT FROM (y.area_id, y.indicator_id, y.period, y.measure, y.status, y.value, y.unit)
                UNION ALL
                SELECT y.area_id, y.indicator_id, y.period, y.measure
                FROM old_rows x JOIN new_rows y ON x.id = y.id
                WHERE (x.area_id, x.indicator_id, x.period, x.measure, x.status, x.value, x.unit)
                      IS DISTINCT FROM (y.area_id, y.indicator_id, y.period, y.measure, y.status, y.value, y.unit)
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

CREATE FUNCTION analytics_communelevel_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM analytics_communelevel;
    RETURN NULL;
END $$;

CREATE FUNCTION analytics_communelevel_on_area() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parents bigint[];
BEGIN
    SELECT array_agg(DISTINCT x) INTO parents FROM (
        SELECT unnest(ARRAY[o.parent_id, n.parent_id]) AS x
        FROM old_areas o JOIN new_areas n ON o.id = n.id
        WHERE o.parent_id IS DISTINCT FROM n.parent_id OR o.level IS DISTINCT FROM n.level
    ) s WHERE x IS NOT NULL;
    IF parents IS NOT NULL THEN
        DELETE FROM analytics_communelevel WHERE parent_id = ANY(parents);
        INSERT INTO analytics_communelevel ({COLUMNS})
        SELECT {COLUMNS} FROM analytics_communelevel_v WHERE parent_id = ANY(parents);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER analytics_communelevel_insert AFTER INSERT ON observations_observation
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_communelevel_on_insert();
CREATE TRIGGER analytics_communelevel_update AFTER UPDATE ON observations_observation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_communelevel_on_change();
CREATE TRIGGER analytics_communelevel_delete AFTER DELETE ON observations_observation
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_communelevel_on_change();
CREATE TRIGGER analytics_communelevel_truncate AFTER TRUNCATE ON observations_observation
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_communelevel_on_truncate();
CREATE TRIGGER analytics_communelevel_area AFTER UPDATE ON areas_area
    REFERENCING OLD TABLE AS old_areas NEW TABLE AS new_areas
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_communelevel_on_area();

-- ALWAYS: also under session_replication_role = replica, which the bulk import sets to skip the
-- per-row foreign-key triggers (marsad.db.references_checked_setwise); these sums must follow
ALTER TABLE observations_observation ENABLE ALWAYS TRIGGER analytics_communelevel_insert;
ALTER TABLE observations_observation ENABLE ALWAYS TRIGGER analytics_communelevel_update;
ALTER TABLE observations_observation ENABLE ALWAYS TRIGGER analytics_communelevel_delete;
ALTER TABLE observations_observation ENABLE ALWAYS TRIGGER analytics_communelevel_truncate;
ALTER TABLE areas_area ENABLE ALWAYS TRIGGER analytics_communelevel_area;
"""

POSTGRES_DROP = """
DROP TRIGGER IF EXISTS analytics_communelevel_area ON areas_area;
DROP TRIGGER IF EXISTS analytics_communelevel_truncate ON observations_observation;
DROP TRIGGER IF EXISTS analytics_communelevel_delete ON observations_observation;
DROP TRIGGER IF EXISTS analytics_communelevel_update ON observations_observation;
DROP TRIGGER IF EXISTS analytics_communelevel_insert ON observations_observation;
DROP FUNCTION IF EXISTS analytics_communelevel_on_area();
DROP FUNCTION IF EXISTS analytics_communelevel_on_truncate();
DROP FUNCTION IF EXISTS analytics_communelevel_on_change();
DROP FUNCTION IF EXISTS analytics_communelevel_on_insert();
DROP FUNCTION IF EXISTS analytics_communelevel_resum(bigint[], bigint[], text[]);
DROP TABLE IF EXISTS analytics_communelevel;
DROP VIEW IF EXISTS analytics_communelevel_v;
"""


def create(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute(POSTGRES)
        else:
            cursor.execute(f"CREATE VIEW analytics_communelevel AS {VIEW_SELECT}")


def drop(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute(POSTGRES_DROP)
        else:
            cursor.execute("DROP VIEW IF EXISTS analytics_communelevel")


class Migration(migrations.Migration):
    dependencies = [
        ("areas", "0001_initial"),
        ("indicators", "0001_initial"),
        ("observations", "0004_fewer_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="CommuneLevel",
            fields=[  # unmanaged: the state only (the table, view and triggers: the SQL above)
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "indicator",
                        "parent",
                        "period",
                        "status",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("period", models.CharField(max_length=10)),
                ("status", models.CharField(max_length=12)),
                ("total", models.DecimalField(decimal_places=10, max_digits=40)),
                ("n", models.IntegerField()),
                ("unit", models.CharField(max_length=40)),
            ],
            options={"managed": False, "db_table": "analytics_communelevel"},
        ),
        migrations.RunPython(create, drop),
    ]
