"""The Government Office summary, counted in SQL, against the pure classification."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from marsad.core import steering
from marsad.directives.models import Assignment, Organisation
from marsad.directives.summary import by_unit, summary
from marsad.directives.synthetic import generate

pytestmark = pytest.mark.django_db
TODAY = date(2025, 11, 15)


@pytest.fixture
def generated(bac_ninh):
    return generate(600, today=TODAY, seed=7, delegated_every=200)


def pure(queryset, day=TODAY):
    return steering.tally(
        steering.classify(d, c, day) for d, c in queryset.values_list("deadline", "completed_on")
    )


def test_summary_matches_the_pure_classification(generated):
    assert generated["directives"] == 600
    data = summary(today=TODAY, per_unit=True)
    expected = pure(Assignment.objects.all()).as_dict()
    assert {k: data[k] for k in expected} == expected
    assert data["total"] == generated["assignments"] > 600  # three directives went to communes
    # Every kind of status occurs in the generated load.
    assert all(data[k] > 0 for k in ("done_on_time", "done_late", "in_progress", "due_soon", "overdue"))
    # The units' lines add up to the whole.
    for key in ("total", "done_on_time", "done_late", "within_deadline", "overdue"):
        assert sum(u[key] for u in data["units"]) == data[key]
    assert data["sentence"]["en"].startswith(f"{data['total']:,} tasks: {data['done']:,} done")


def test_summary_filters(generated, bac_ninh):
    in_bac_ninh = summary(area=bac_ninh, today=TODAY)
    expected = pure(Assignment.objects.filter(organisation__area__in=[bac_ninh, *bac_ninh.children.all()]))
    assert in_bac_ninh["total"] == expected.total > 0
    year = summary(period="2025", today=TODAY)
    codes = set(Assignment.objects.values_list("directive__period", flat=True))
    in_2025 = Assignment.objects.filter(directive__period__in=[c for c in codes if c.startswith("2025")])
    assert year["total"] == in_2025.count()
    assert year["total"] < summary(today=TODAY)["total"]  # 2026Q1 directives are left out
    unit = Organisation.objects.get(code="VN-24-FIN")
    one = summary(unit=unit, today=TODAY)
    assert one["total"] == Assignment.objects.filter(organisation=unit).count()
    rows = by_unit(Assignment.objects.all(), today=TODAY)
    overdue = [r.follow_up.counts[steering.Status.OVERDUE] for r in rows]
    assert overdue == sorted(overdue, reverse=True)


def test_cli_summary_json(generated):
    from marsad.cli.main import app

    result = CliRunner().invoke(
        app, ["directives", "summary", "--json", "--area", "Bac Ninh", "--today", TODAY.isoformat()]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["area"] == "VN-24"
    assert data["total"] == data["done"] + data["not_done"]
    text = CliRunner().invoke(app, ["directives", "summary", "--lang", "vi", "--today", TODAY.isoformat()])
    assert "nhiệm vụ" in text.output
