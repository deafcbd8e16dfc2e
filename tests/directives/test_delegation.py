"""Delegation to Bac Ninh's 99 communes, followed one by one and rolled up."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from marsad.directives.delegation import delegate_to_communes
from marsad.directives.models import Assignment
from marsad.directives.tracking import create_directive, report_progress

pytestmark = pytest.mark.django_db


def test_delegation_to_99_communes_and_rollup(directive, bac_ninh):
    assignments = delegate_to_communes(directive, bac_ninh)
    assert len(assignments) == 99
    assert {a.organisation.area.parent_id for a in assignments} == {bac_ninh.pk}
    assert len({a.organisation_id for a in assignments}) == 99
    directive.refresh_from_db()
    assert directive.delegated
    # The lead's untouched direct assignment gave way to the communes'.
    assert not directive.assignments.filter(organisation__code="VN-24-FIN").exists()
    assert directive.assignments.count() == 99
    # Twice is once.
    assert len(delegate_to_communes(directive, bac_ninh)) == 99
    assert directive.assignments.count() == 99

    first, second, third, *rest = sorted(assignments, key=lambda a: a.organisation.code)
    report_progress(first, percent=100, text="done", on=date(2025, 12, 1))
    report_progress(second, percent=100, text="done late", on=date(2026, 1, 5))
    report_progress(third, percent=40, text="half way", on=date(2025, 12, 1))
    rollup = directive.rollup(date(2025, 12, 10))
    counts = rollup["follow_up"].as_dict()
    assert counts["total"] == 99
    # As of 10 December the one completed on 5 January is not done yet.
    assert counts["done_on_time"] == 1 and counts["done_late"] == 0
    assert counts["in_progress"] == 98 and counts["overdue"] == 0
    assert rollup["status"].value == "in_progress"
    assert rollup["percent_done"] == round((100 + 100 + 40) / 99, 1)
    # After the deadline the 96 untouched communes and the one at 40% are overdue.
    assert directive.rollup(date(2026, 1, 6))["follow_up"].as_dict()["overdue"] == 97
    assert directive.status(date(2026, 1, 6)).value == "overdue"
    # Everyone finishes on time except the late one: the directive is done late.
    for a in [third, *rest]:
        Assignment.objects.filter(pk=a.pk).update(completed_on=date(2025, 12, 20), percent_done=100)
    assert directive.status(date(2026, 1, 6)).value == "done_late"


def test_subtasks_roll_up_into_their_parent(directive, units, bac_ninh):
    child = create_directive(
        parent=directive,
        text="train commune staff",
        area=bac_ninh,
        lead_unit=units["VN-24-HOME"],
        period="2025Q4",
        deadline=date(2025, 11, 30),
    )
    grandchild = create_directive(
        parent=child,
        text="training materials",
        area=bac_ninh,
        lead_unit=units["VN-24-EDU"],
        period="2025Q4",
    )
    report_progress(grandchild.assignments.get(), percent=100, text="done", on=date(2025, 10, 20))
    rollup = directive.rollup(date(2025, 12, 5))
    assert rollup["follow_up"].total == 3
    by_status = Counter(
        {k: v for k, v in rollup["follow_up"].as_dict().items() if k in ("done_on_time", "overdue")}
    )
    assert by_status == Counter(done_on_time=1, overdue=1)
    assert rollup["status"].value == "overdue"


def test_delegation_refuses_another_province(directive, hanoi):
    with pytest.raises(ValidationError, match="outside"):
        delegate_to_communes(directive, hanoi)
    assert directive.assignments.count() == 1


def test_delegation_keeps_a_lead_assignment_that_has_reports(directive, bac_ninh):
    lead = directive.assignments.get()
    report_progress(lead, percent=20, text="plan drafted", on=date(2025, 10, 5))
    delegate_to_communes(directive, bac_ninh)
    assert directive.assignments.count() == 100
