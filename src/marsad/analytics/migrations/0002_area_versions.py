"""Each area's data version (``analytics_areaversion``, PostgreSQL): a number from one sequence,
set anew by statement triggers whenever an observation of the area, or of one of its communes,
is written (insert, update, delete, truncate: every area), and for both provinces and the
commune when a commune moves.

The service keys an area's cached figures to the versions of the areas they read (a province:
itself, its communes through it, the provinces merged into it), so a write to one commune makes
its province and the nation computed again on the next request, and leaves the 33 other
provinces' figures cached. SQLite has no such table: every area there has the one data version
of the database (``reading.data_version``), as before.
"""

from django.db import migrations, models

POSTGRES = """
CREATE SEQUENCE analytics_version_seq;
CREATE TABLE analytics_areaversion (area_id bigint PRIMARY KEY, version bigint NOT NULL);

CREATE FUNCTION analytics_bump(areas bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO analytics_areaversion AS t (area_id, version)
    SELECT x, nextval('analytics_version_seq')
    FROM (SELECT DISTINCT x FROM unnest(areas) AS x WHERE x IS NOT NULL ORDER BY x) d
    ON CONFLICT (area_id) DO UPDATE SET version = EXCLUDED.version;
$$;

CREATE FUNCTION analytics_bump_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(x) INTO touched FROM (
            SELECT DISTINCT unnest(ARRAY[a.id, a.parent_id]) AS x
            FROM (SELECT DISTINCT area_id FROM new_rows) r JOIN areas_area a ON a.id = r.area_id) s;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(x) INTO touched FROM (
            SELECT DISTINCT unnest(ARRAY[a.id, a.parent_id]) AS x
            FROM (SELECT DISTINCT area_id FROM old_rows) r JOIN areas_area a ON a.id = r.area_id) s;
    ELSE
        SELECT array_agg(x) INTO touched FROM (
            SELECT DISTINCT unnest(ARRAY[a.id, a.parent_id]) AS x
            FROM (SELECT area_id FROM old_rows UNION SELECT area_id FROM new_rows) r
            JOIN areas_area a ON a.id = r.area_id) s;
    END IF;
    IF touched IS NOT NULL THEN
        PERFORM analytics_bump(touched);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION analytics_bump_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE analytics_areaversion SET version = nextval('analytics_version_seq');
    RETURN NULL;
END $$;

CREATE FUNCTION analytics_bump_areas() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
    SELECT array_agg(x) INTO touched FROM (
        SELECT unnest(ARRAY[n.id, o.parent_id, n.parent_id, o.successor_id, n.successor_id]) AS x
        FROM old_areas o JOIN new_areas n ON o.id = n.id
        WHERE (o.parent_id, o.level, o.successor_id, o.valid_to)
              IS DISTINCT FROM (n.parent_id, n.level, n.successor_id, n.valid_to)
    ) s;
    IF touched IS NOT NULL THEN
        PERFORM analytics_bump(touched);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER analytics_version_insert AFTER INSERT ON observations_observation
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_rows();
CREATE TRIGGER analytics_version_update AFTER UPDATE ON observations_observation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_rows();
CREATE TRIGGER analytics_version_delete AFTER DELETE ON observations_observation
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_rows();
CREATE TRIGGER analytics_version_truncate AFTER TRUNCATE ON observations_observation
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_all();
CREATE TRIGGER analytics_version_area AFTER UPDATE ON areas_area
    REFERENCING OLD TABLE AS old_areas NEW TABLE AS new_areas
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_areas();

-- ALWAYS: also under session_replication_role = replica (the bulk import), see 0001
ALTER TABLE observations_observation ENABLE ALWAYS TRIGGER analytics_version_insert;
ALTER TABLE observations_observation ENABLE ALWAYS TRIGGER analytics_version_update;
ALTER TABLE observations_observation ENABLE ALWAYS TRIGGER analytics_version_delete;
ALTER TABLE observations_observation ENABLE ALWAYS TRIGGER analytics_version_truncate;
ALTER TABLE areas_area ENABLE ALWAYS TRIGGER analytics_version_area;

-- the areas with data have a version from the start
SELECT analytics_bump(ARRAY(
    SELECT DISTINCT unnest(ARRAY[a.id, a.parent_id])
    FROM (SELECT DISTINCT area_id FROM observations_observation) r JOIN areas_area a ON a.id = r.area_id));
"""

POSTGRES_DROP = """
DROP TRIGGER IF EXISTS analytics_version_area ON areas_area;
DROP TRIGGER IF EXISTS analytics_version_truncate ON observations_observation;
DROP TRIGGER IF EXISTS analytics_version_delete ON observations_observation;
DROP TRIGGER IF EXISTS analytics_version_update ON observations_observation;
DROP TRIGGER IF EXISTS analytics_version_insert ON observations_observation;
DROP FUNCTION IF EXISTS analytics_bump_areas();
DROP FUNCTION IF EXISTS analytics_bump_all();
DROP FUNCTION IF EXISTS analytics_bump_rows();
DROP FUNCTION IF EXISTS analytics_bump(bigint[]);
DROP TABLE IF EXISTS analytics_areaversion;
DROP SEQUENCE IF EXISTS analytics_version_seq;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(POSTGRES)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(POSTGRES_DROP)


class Migration(migrations.Migration):
    dependencies = [("analytics", "0001_commune_levels")]

    operations = [
        migrations.CreateModel(
            name="AreaVersion",
            fields=[
                ("area_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("version", models.BigIntegerField()),
            ],
            options={"managed": False, "db_table": "analytics_areaversion"},
        ),
        migrations.RunPython(create, drop),
    ]
