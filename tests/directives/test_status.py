"""A directive walked through every Government Office status, with frozen time."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from marsad.directives.models import Assignment, Organisation, StatusChange
from marsad.directives.tracking import refresh_statuses

from .conftest import report

pytestmark = pytest.mark.django_db


def live(assignment, day):
    """The status on ``day``, from Python and from the SQL annotation (they must agree)."""
    in_python = assignment.current_status(day).value
    in_sql = Assignment.objects.with_status(day).get(pk=assignment.pk).live_status
    assert in_python == in_sql
    return in_python


def test_walk_through_every_status(directive):
    assignment = directive.assignments.get()
    assert assignment.organisation.code == "VN-24-FIN"
    with time_machine.travel(date(2025, 10, 1), tick=False):
        assert live(assignment, date(2025, 10, 1)) == "in_progress"
        report(assignment, percent=30, text="collection plan issued")
        assignment.refresh_from_db()
        assert assignment.percent_done == 30 and assignment.completed_on is None
    with time_machine.travel(date(2025, 12, 24), tick=False):
        assert live(assignment, date(2025, 12, 24)) == "due_soon"
        assert refresh_statuses() == 1
    with time_machine.travel(date(2026, 1, 1), tick=False):
        assert live(assignment, date(2026, 1, 1)) == "overdue"
        assert refresh_statuses() == 1
        assert refresh_statuses() == 0  # nothing moved since
    with time_machine.travel(date(2026, 1, 10), tick=False):
        report(assignment, percent=100, text="all collection targets enforced")
        assignment.refresh_from_db()
        assert assignment.completed_on == date(2026, 1, 10)
        assert live(assignment, date(2026, 1, 10)) == "done_late"
    history = list(StatusChange.objects.filter(assignment=assignment).values_list("previous", "status", "on"))
    assert history == [
        ("in_progress", "due_soon", date(2025, 12, 24)),
        ("due_soon", "overdue", date(2026, 1, 1)),
        ("overdue", "done_late", date(2026, 1, 10)),
    ]
    # The audit log kept every change of the assignment too.
    assert assignment.history().count() >= 4
    assert directive.status(date(2026, 1, 10)).value == "done_late"


def test_done_on_time_on_the_deadline_day(directive):
    assignment = directive.assignments.get()
    with time_machine.travel(date(2025, 12, 31), tick=False):
        report(assignment, percent=100, text="done")
    assignment.refresh_from_db()
    assert live(assignment, date(2026, 3, 1)) == "done_on_time"


def test_reopened_when_a_later_report_is_below_100(directive):
    assignment = directive.assignments.get()
    report(assignment, percent=100, text="done", on=date(2025, 11, 1))
    report(
        assignment,
        percent=90,
        text="one part must be redone",
        on=date(2025, 11, 2),
        reason="a check found a gap",
    )
    assignment.refresh_from_db()
    assert assignment.completed_on is None
    assert live(assignment, date(2025, 11, 2)) == "in_progress"


def test_due_soon_days_comes_from_settings(directive, settings):
    assignment = directive.assignments.get()
    day = date(2025, 12, 16)  # 15 days left
    assert live(assignment, day) == "in_progress"
    settings.MARSAD_DUE_SOON_DAYS = 15
    assert live(assignment, day) == "due_soon"


def test_bad_input_is_refused_clearly(directive, units, bac_ninh):
    from marsad.directives.tracking import assign, close_directive, create_directive

    assignment = directive.assignments.get()
    for bad in (101, -1):
        with pytest.raises(ValidationError) as err:
            report(assignment, percent=bad, text="x", on=date(2025, 11, 1))
        assert "percent" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        create_directive(
            text="late start",
            area=bac_ninh,
            lead_unit=units["VN-24-FIN"],
            period="2025Q4",
            deadline=date(2025, 9, 30),
        )
    assert "before the period starts" in " ".join(err.value.message_dict["deadline"])
    with pytest.raises(ValidationError) as err:
        create_directive(text="x", area=bac_ninh, period="2025Q5")
    assert "period" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        assign(directive, units["VN-01-FIN"])  # Hanoi's department, outside Bac Ninh
    assert "outside" in " ".join(err.value.message_dict["organisation"])
    with pytest.raises(ValidationError) as err:
        create_directive(text="x", area=bac_ninh, lead_unit=units["VN-01-PC"], period="2025Q4")
    assert "lead_unit" in err.value.message_dict
    close_directive(directive, on=date(2025, 11, 15))
    with pytest.raises(ValidationError) as err:
        report(assignment, percent=50, text="late report", on=date(2025, 11, 20))
    assert "closed" in " ".join(err.value.messages)
    assert assignment.reports.count() == 0


def test_sql_and_python_agree_at_every_boundary(directive, settings):
    """The board and summaries classify in SQL; each deadline/completion case must match classify()."""
    from datetime import timedelta

    settings.MARSAD_DUE_SOON_DAYS = 7
    today = date(2025, 11, 20)
    base = directive.assignments.get()
    rows = []
    for days_left in range(-9, 10):
        deadline = today + timedelta(days=days_left)
        for completed in (None, deadline - timedelta(days=1), deadline, deadline + timedelta(days=1)):
            rows.append((deadline, completed))
    rows.append((None, None))
    rows.append((None, today))
    Assignment.objects.filter(pk=base.pk).delete()
    units = list(Organisation.objects.filter(area__parent=directive.area)[: len(rows)])
    Assignment.objects.bulk_create(
        Assignment(directive=directive, organisation=u, deadline=d, completed_on=c)
        for u, (d, c) in zip(units, rows, strict=True)
    )
    for a in Assignment.objects.filter(directive=directive).with_status(today):
        assert a.live_status == a.current_status(today).value, (a.deadline, a.completed_on)


def test_the_status_filter_selects_what_the_annotation_says(directive, settings):
    """with_live_status filters on the rules without annotating them: for every status it must
    pick exactly the rows the annotation classifies so, at every boundary."""
    from datetime import timedelta

    from marsad.core import steering

    settings.MARSAD_DUE_SOON_DAYS = 7
    today = date(2025, 11, 20)
    base = directive.assignments.get()
    rows = [(None, None), (None, today), (None, today + timedelta(days=1))]
    for days_left in range(-9, 10):
        deadline = today + timedelta(days=days_left)
        for completed in (None, deadline - timedelta(days=1), deadline, deadline + timedelta(days=1)):
            rows.append((deadline, completed))
    Assignment.objects.filter(pk=base.pk).delete()
    units = list(Organisation.objects.filter(area__parent=directive.area)[: len(rows)])
    Assignment.objects.bulk_create(
        Assignment(directive=directive, organisation=u, deadline=d, completed_on=c)
        for u, (d, c) in zip(units, rows, strict=True)
    )
    mine = Assignment.objects.filter(directive=directive)
    annotated = dict(mine.with_status(today).values_list("pk", "live_status"))
    assert len(annotated) == len(rows)
    for status in steering.Status:
        filtered = set(mine.with_live_status(status.value, today).values_list("pk", flat=True))
        assert filtered == {pk for pk, s in annotated.items() if s == status.value}, status
    assert set(annotated.values()) >= {"overdue", "due_soon", "in_progress", "done_on_time", "done_late"}
