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
    """The classification in Python of the assignments that existed on ``day``."""
    return steering.tally(
        steering.classify(d, c, day)
        for d, c, made in queryset.values_list("deadline", "completed_on", "assigned_on")
        if made is None or made <= day
    )


def test_summary_matches_the_pure_classification(generated):
    assert generated["directives"] == 600
    data = summary(today=TODAY, per_unit=True)
    expected = pure(Assignment.objects.all()).as_dict()
    assert {k: data[k] for k in expected} == expected
    assert data["total"] == generated["assignments"] > 600  # three directives went to communes
    # Every kind of status occurs in the generated load.
    assert all(data[k] > 0 for k in ("done_on_time", "done_late", "in_progress", "due_soon", "overdue"))
    # The units' and the communes' lines add up to the whole, in the four classes.
    for key in ("total", "done_on_time", "done_late", "within_deadline", "overdue"):
        assert sum(u[key] for u in data["units"] + data["communes"]) == data[key]
    assert data["classes"] == {
        "done_on_time": data["done_on_time"],
        "done_late": data["done_late"],
        "within_deadline": data["within_deadline"],
        "overdue": data["overdue"],
    }
    assert data["communes"] and all(u["area"].count("-") == 2 for u in data["communes"])
    assert data["sentence"]["en"].startswith(f"{data['total']:,} tasks: {data['done']:,} done")


def test_summary_filters(generated, bac_ninh):
    in_bac_ninh = summary(area=bac_ninh, today=TODAY)
    expected = pure(Assignment.objects.filter(organisation__area__in=[bac_ninh, *bac_ninh.children.all()]))
    assert in_bac_ninh["total"] == expected.total > 0
    year = summary(period="2025", today=TODAY)
    codes = set(Assignment.objects.values_list("directive__period", flat=True))
    in_2025 = Assignment.objects.filter(directive__period__in=[c for c in codes if c.startswith("2025")])
    assert year["total"] == pure(in_2025).total
    later = summary(today=date(2026, 3, 1))
    assert year["total"] < later["total"]  # 2026Q1 directives are left out of 2025, counted in 2026
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


def test_the_four_classes_by_unit_and_by_commune_on_a_built_case(bac_ninh, units):
    """A case built for it: each unit lands in a known class of the Government Office's report."""
    import time_machine

    from marsad.directives.delegation import delegate_to_communes
    from marsad.directives.tracking import create_directive

    from .conftest import report

    with time_machine.travel(date(2025, 10, 1), tick=False):
        d = create_directive(
            text="Collect the land-use fees",
            language="en",
            area=bac_ninh,
            lead_unit=units["VN-24-FIN"],
            cooperating=[(units["VN-24-AGRI"], "land records"), units["VN-24-CONS"]],
            period="2025Q4",
            deadline=date(2025, 11, 30),
        )
        a, b, c = (x.area for x in units["communes"][:3])
        delegated = delegate_to_communes(d, bac_ninh, communes=[a, b, c])
    fin = d.lead_assignment()
    agri, cons = sorted(d.assignments.filter(role="cooperating"), key=lambda x: x.organisation.code)
    ca, cb, cc = sorted(delegated, key=lambda x: x.organisation.area.code)
    Assignment.objects.filter(pk=cc.pk).update(deadline=date(2025, 12, 20))  # given more time
    report(fin, percent=100, text="collected", on=date(2025, 11, 25))  # on time
    report(agri, percent=100, text="records done", on=date(2025, 12, 3))  # late
    report(ca, percent=60, text="most households", on=date(2025, 11, 20))  # overdue at 60 %
    report(cb, percent=100, text="done", on=date(2025, 11, 28))  # on time
    # cons and cc: nothing reported; cons overdue on 15 December, cc due soon (5 days left).
    day = date(2025, 12, 15)
    data = summary(area=bac_ninh, period="2025", today=day, per_unit=True)
    classes = lambda row: (  # noqa: E731
        row["done_on_time"],
        row["done_late"],
        row["within_deadline"],
        row["due_soon"],
        row["overdue"],
    )
    units_by_code = {u["code"]: classes(u) for u in data["units"]}
    assert units_by_code == {
        "VN-24-FIN": (1, 0, 0, 0, 0),
        "VN-24-AGRI": (0, 1, 0, 0, 0),
        "VN-24-CONS": (0, 0, 0, 0, 1),
    }
    communes = {u["code"]: classes(u) for u in data["communes"]}
    assert communes == {
        ca.organisation.code: (0, 0, 0, 0, 1),
        cb.organisation.code: (1, 0, 0, 0, 0),
        cc.organisation.code: (0, 0, 1, 1, 0),
    }
    assert data["classes"] == {"done_on_time": 2, "done_late": 1, "within_deadline": 1, "overdue": 2}
    # As of 1 December: Agriculture not done yet (overdue then), the same 6 tasks.
    earlier = summary(area=bac_ninh, period="2025", today=date(2025, 12, 1), per_unit=True)
    assert {u["code"]: classes(u) for u in earlier["units"]}["VN-24-AGRI"] == (0, 0, 0, 0, 1)
    # As of 30 September nothing had been assigned yet.
    assert summary(area=bac_ninh, today=date(2025, 9, 30))["total"] == 0
    assert steering.summary_sentence(steering.tally([]), "en").startswith("0 tasks")
