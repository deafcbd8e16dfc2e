"""The bulk write path's references: proven once per import, never skipped."""

import polars as pl
import pytest
from django.db import IntegrityError, connection, transaction

from marsad.areas.models import Area
from marsad.audit.models import ChangeRecord
from marsad.observations import bulk
from marsad.observations.models import Observation
from marsad.observations.synthetic import synthetic_rows
from marsad.observations.transfer import import_rows, rows_frame


@pytest.fixture(params=["set-wise", "per-row"])
def reference_check(request, monkeypatch):
    """Both ways the references are checked: set-wise (a role that may switch PostgreSQL's
    per-row triggers off) and by the constraints' own triggers (SQLite, other roles)."""
    if request.param == "per-row":
        monkeypatch.setattr("marsad.db._may_switch_triggers", lambda: False)
    return request.param


def _checked(n: int) -> pl.DataFrame:
    return bulk.check_frame(rows_frame(synthetic_rows(n)))


@pytest.mark.django_db(transaction=True)
def test_an_area_gone_before_the_write_rejects_the_whole_file(reference_check):
    checked = _checked(200)
    gone = Area.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    # One new row points at an area deleted between the checks and the write.
    frame = checked.with_columns(
        pl.when(pl.col("row") == checked["row"][117]).then(gone).otherwise(pl.col("area_id")).alias("area_id")
    )
    with pytest.raises(bulk.Concurrent):
        bulk.write_frame(frame, name="gone.csv")
    assert Observation.objects.count() == 0
    assert ChangeRecord.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_writer_gone_before_the_write_rejects_an_update(reference_check, django_user_model):
    import_rows(synthetic_rows(50), "first.csv")
    ghost = django_user_model(pk=987654, username="ghost")  # never saved
    changed = _checked(50).with_columns(pl.lit("1234.5").alias("value"))
    with pytest.raises(bulk.Concurrent):
        bulk.write_frame(changed, name="second.csv", writer=ghost)
    assert not Observation.objects.filter(value=1234.5).exists()
    assert ChangeRecord.objects.filter(action="update").count() == 0


@pytest.mark.django_db
def test_after_an_import_the_constraints_check_every_row_again():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's foreign-key triggers")
    import_rows(synthetic_rows(20), "a.csv")
    with connection.cursor() as cursor:
        cursor.execute("SHOW session_replication_role")
        assert cursor.fetchone()[0] == "origin"
    row = Observation.objects.filter(import_file="a.csv").values().first()
    row.update(id=None, area_id=10**9)
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.bulk_create([Observation(**row)])
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@pytest.mark.django_db
def test_an_import_updating_values_writes_no_index_entry():
    """HOT updates: no index holds the value and the pages keep room for the new versions."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's heap-only tuples")
    rows = synthetic_rows(300)
    import_rows(rows, "first.csv")

    def updates() -> tuple[int, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = %s",
                [Observation._meta.db_table],
            )
            return cursor.fetchone()

    before = updates()
    changed = [(n, {**row, "value": f"{float(row['value']) + 1:.2f}"}) for n, row in rows]
    assert import_rows(changed, "second.csv").updated == 300
    after = updates()
    assert (after[0] - before[0], after[1] - before[1]) == (300, 300)


def test_created_rows_make_one_run_per_stretch_of_consecutive_ids_and_rows():
    # Ids 5-6 from rows 2-3; id 9 (7-8 taken by another writer) from row 4; ids 10-11 from rows
    # 6-7 (row 5 was an update).
    created = pl.DataFrame({"id": [5, 6, 9, 10, 11], "row": [2, 3, 4, 6, 7]})
    runs = bulk._created_runs(created, batch_id=3)
    assert runs.rows() == [(3, 5, 6, 2), (3, 9, 9, 4), (3, 10, 11, 6)]
