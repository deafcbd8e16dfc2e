"""Delegation to communes ADDS assignments under the lead unit; roll-up over all of them."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from marsad.directives.delegation import delegate_to_communes
from marsad.directives.models import Assignment
from marsad.directives.tracking import create_directive

from .conftest import make_user, report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def october():
    """Delegations are made early in the quarter (2 October 2025)."""
    with time_machine.travel(date(2025, 10, 2), tick=False):
        yield


def test_delegation_to_99_communes_keeps_every_assignment(directive, bac_ninh, units):
    from marsad.directives.tracking import add_cooperating_unit

    lead = directive.assignments.get()
    assert lead.role == "lead" and lead.organisation.code == "VN-24-FIN"
    coop = add_cooperating_unit(directive, units["VN-24-MOIT"], task="trade revenue")
    assignments = delegate_to_communes(directive, bac_ninh)
    assert len(assignments) == 99
    assert {a.organisation.area.parent_id for a in assignments} == {bac_ninh.pk}
    assert {a.role for a in assignments} == {"delegated"} and {a.supervisor_id for a in assignments} == {
        lead.pk
    }
    directive.refresh_from_db()
    assert directive.delegated
    # The lead unit and the cooperating unit keep their assignments: nothing is lost.
    assert set(directive.assignments.exclude(role="delegated").values_list("pk", flat=True)) == {
        lead.pk,
        coop.pk,
    }
    assert directive.assignments.count() == 101
    assert lead.delegates.count() == 99
    # Twice is once.
    assert len(delegate_to_communes(directive, bac_ninh)) == 99
    assert directive.assignments.count() == 101
    # Every new assignment is in the audit log.
    from marsad.audit.models import ChangeRecord

    assert ChangeRecord.objects.filter(source__startswith="delegated to the communes").count() == 99

    first, second, third, *rest = sorted(assignments, key=lambda a: a.organisation.code)
    report(first, percent=100, text="done", on=date(2025, 12, 1))
    report(second, percent=100, text="done late", on=date(2026, 1, 5))
    report(third, percent=40, text="half way", on=date(2025, 12, 1))
    rollup = directive.rollup(date(2025, 12, 10))
    counts = rollup["follow_up"].as_dict()
    assert counts["total"] == 101
    # As of 10 December the one completed on 5 January is not done yet.
    assert counts["done_on_time"] == 1 and counts["done_late"] == 0
    assert counts["in_progress"] == 100 and counts["overdue"] == 0
    assert rollup["status"].value == "in_progress"
    assert rollup["percent_done"] == round((100 + 100 + 40) / 101, 1)
    assert directive.rollup(date(2026, 1, 6))["follow_up"].as_dict()["overdue"] == 99
    assert directive.status(date(2026, 1, 6)).value == "overdue"
    for a in [third, *rest, lead, coop]:
        Assignment.objects.filter(pk=a.pk).update(completed_on=date(2025, 12, 20), percent_done=100)
    assert directive.status(date(2026, 1, 6)).value == "done_late"


def test_delegation_needs_a_lead_unit(bac_ninh, units):
    with time_machine.travel(date(2025, 10, 1), tick=False):
        orphan = create_directive(text="read from a report", area=bac_ninh, period="2025Q4")
    assert orphan.deadline is None and orphan.assignments.count() == 0
    with pytest.raises(ValidationError, match="lead unit first"):
        delegate_to_communes(orphan, bac_ninh)


def test_only_planners_or_the_lead_delegate(directive, bac_ninh, units):
    other = make_user("moit", "department", organisation=units["VN-24-MOIT"], capture=[bac_ninh])
    with pytest.raises(PermissionDenied):
        delegate_to_communes(directive, bac_ninh, user=other)
    lead_officer = make_user("fin", "department", organisation=units["VN-24-FIN"], capture=[bac_ninh])
    assert len(delegate_to_communes(directive, bac_ninh, user=lead_officer)) == 99


def test_delegation_to_some_communes(directive, bac_ninh, units):
    two = [c.area for c in units["communes"][:2]]
    assert len(delegate_to_communes(directive, bac_ninh, communes=two)) == 2
    from marsad.areas.models import Area

    elsewhere = Area.objects.filter(parent__code="VN-01").first()
    with pytest.raises(ValidationError, match="not a commune of"):
        delegate_to_communes(directive, bac_ninh, communes=[elsewhere])


def test_subtasks_roll_up_into_their_parent(directive, units, bac_ninh):
    with time_machine.travel(date(2025, 10, 1), tick=False):
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
    report(grandchild.assignments.get(), percent=100, text="done", on=date(2025, 10, 20))
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
