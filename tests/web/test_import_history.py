"""A file import is audited in its compact shape (one record for the file, one row per value),
and every reader of history -- the value's page, the change log, the API -- still shows who
changed what, from which value to which, from which file row."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(demo_users):
    """Two values imported by the admin, then one of them changed by a second file."""
    from marsad.observations.transfer import import_rows

    admin = demo_users["admin"]
    rows = [
        (2, {"area": "VN-24", "indicator": "grdp", "period": "2024Q1", "value": "4600.625"}),
        (3, {"area": "VN-24", "indicator": "grdp", "period": "2024Q2", "value": "5800"}),
    ]
    import_rows(rows, "first.csv", user=admin)
    import_rows([(7, {**rows[0][1], "value": "4700.5"})], "second.csv", user=admin)
    return admin


def test_an_import_keeps_one_record_for_the_file_one_row_per_update_and_one_run_of_creations(imported):
    from marsad.audit.models import ChangeRecord, ImportedRow, ImportedRun

    records = ChangeRecord.objects.filter(content_type__model="observation").order_by("id")
    assert [(r.action, r.object_id, r.after) for r in records] == [
        ("import", None, {"created": 2, "updated": 0}),
        ("import", None, {"created": 0, "updated": 1}),
    ]
    assert ImportedRow.objects.count() == 1
    run = ImportedRun.objects.get()
    assert (run.batch_id, run.last_id - run.first_id, run.first_row) == (records[0].pk, 1, 2)


def test_the_history_of_an_imported_value_reads_the_compact_rows(imported):
    from marsad.audit.history import history_of
    from marsad.observations.models import Observation

    obs = Observation.objects.get(period="2024Q1")
    history = history_of(obs)
    assert [(c.action, c.user, c.source) for c in history] == [
        ("update", imported, "import second.csv row 7"),
        ("create", imported, "import first.csv row 2"),
    ]
    update = history[0]
    assert update.changed_fields()["value"] == ("4600.625", "4700.5")
    assert update.changed_fields()["revision"] == (1, 2)
    assert update.before["status"] == update.after["status"] == "official"


def test_the_pages_and_the_api_show_the_imported_changes(imported, client_for):
    from marsad.observations.models import Observation

    obs = Observation.objects.get(period="2024Q1")
    client = client_for("admin")
    client.cookies["django_language"] = "en"
    page = client.get(f"/changes/observation/{obs.pk}/").content.decode()
    assert "4,700.5" in page and "updated" in page and "created" in page
    assert "4,600.625" in page and "4,600.63" not in page  # the stored value, not rounded
    assert "second.csv" in page and "first.csv" in page
    log = client.get("/changes/").content.decode()
    assert "first.csv" in log and "second.csv" in log

    from marsad.accounts.tokens import create_token

    token = create_token(imported, "history")
    api = client.get(f"/api/observations/{obs.pk}/history", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200
    assert [(h["action"], (h["before"] or {}).get("value"), h["after"]["value"]) for h in api.json()] == [
        ("create", None, "4600.625"),
        ("update", "4600.625", "4700.5"),
    ]
