"""The history of values an import created, kept as runs of ids rather than a row each: each
value's creation still says who, when, from which file row, and what it was created as --
while it is unchanged, after a later change and once deleted."""

from __future__ import annotations

import pytest

from marsad.audit.history import changes_of, history_of
from marsad.audit.models import ImportedRow, ImportedRun
from marsad.observations.models import Observation
from marsad.observations.transfer import import_rows
from marsad.observations.writing import Provenance, delete_observation

pytestmark = pytest.mark.django_db

KEY = {"area": "VN-24", "indicator": "grdp"}


def _row(period: str, value: str) -> dict:
    return {**KEY, "period": period, "value": value}


@pytest.fixture
def mixed(django_user_model):
    """A first file of two values, then a second one updating the first and, around it,
    creating three more (file rows 2, 4, 5; row 3 is the update)."""
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    import_rows([(2, _row("2024Q1", "4600.625")), (3, _row("2024Q2", "5800"))], "first.csv", user=admin)
    second = [
        (2, _row("2023Q1", "10.5")),
        (3, _row("2024Q1", "4700.5")),
        (4, _row("2023Q2", "11")),
        (5, _row("2023Q3", "0.1")),
    ]
    import_rows(second, "second.csv", user=admin)
    return admin


def _creation(period: str):
    obs = Observation.objects.get(period=period)
    return [c for c in history_of(obs) if c.action == "create"]


def test_created_values_are_kept_as_runs_of_consecutive_ids_and_rows(mixed):
    runs = sorted(
        (r.batch.source, r.last_id - r.first_id + 1, r.first_row) for r in ImportedRun.objects.all()
    )
    # The second file's update (row 3) splits its created rows in two runs.
    assert runs == [("import first.csv", 2, 2), ("import second.csv", 1, 2), ("import second.csv", 2, 4)]
    assert ImportedRow.objects.count() == 1


@pytest.mark.parametrize(
    "period, value, source",
    [("2023Q1", "10.5", "import second.csv row 2"), ("2023Q3", "0.1", "import second.csv row 5")],
)
def test_an_unchanged_created_value_shows_its_file_row_and_value(mixed, period, value, source):
    [created] = _creation(period)
    assert (created.user, created.source, created.before) == (mixed, source, None)
    assert created.after["value"] == value and created.after["revision"] == 1
    assert created.after["unit"] and created.after["qualifier"] == "exact"


def test_a_changed_value_shows_what_it_was_created_as(mixed):
    [created] = _creation("2024Q1")
    assert (created.source, created.after["value"]) == ("import first.csv row 2", "4600.625")
    assert Observation.objects.get(period="2024Q1").value != created.after["value"]


def test_a_deleted_value_keeps_its_creation(mixed):
    obs = Observation.objects.get(period="2023Q2")
    delete_observation(mixed, obs, provenance=Provenance(via="api"))
    history = history_of(Observation(pk=obs.pk))
    assert [c.action for c in history] == ["delete", "create"]
    assert (history[1].source, history[1].after["value"]) == ("import second.csv row 4", "11")


def test_the_change_log_of_all_values_lists_every_creation_once(mixed):
    changes = changes_of(Observation)
    created = sorted((c.object_id, c.source) for c in changes if c.action == "create")
    assert len(created) == len({i for i, _ in created}) == Observation.objects.count() == 5
    # The newest ones: the second file's update and two of its creations.
    newest = [(c.action, c.object_id, c.after["value"]) for c in changes_of(Observation, limit=3)]
    assert newest == [(c.action, c.object_id, c.after["value"]) for c in changes[:3]]
    assert sorted(a for a, *_ in newest) == ["create", "create", "update"]
    assert all(c.after["value"] is not None for c in changes)
