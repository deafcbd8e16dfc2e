"""The dashboard's overdue panel is cached, and every write that changes it is seen on the next
view: audited saves and deletes, delegation's bulk write, a deleted directive's cascade, a unit
renamed (by hand or by ``create_organisations``), a changed scope, and the turn of the day."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

LATE = date(2026, 1, 10)  # the directive below was due on 31 December 2025


@pytest.fixture
def bac_ninh(db):
    from marsad.areas.models import Area

    return Area.objects.get(code="VN-24")


@pytest.fixture
def units(bac_ninh):
    from marsad.directives.models import Organisation
    from marsad.directives.organisations import units_for_province

    Organisation.objects.bulk_create(units_for_province(bac_ninh))
    return {o.code: o for o in Organisation.objects.all()}


@pytest.fixture
def directive(units, bac_ninh):
    from marsad.directives.tracking import create_directive

    with time_machine.travel(date(2025, 10, 1), tick=False):
        return create_directive(
            text="Strictly manage budget collection",
            language="en",
            area=bac_ninh,
            lead_unit=units["VN-24-FIN"],
            issuer=units["VN-24-PC"],
            period="2025Q4",
            deadline=date(2025, 12, 31),
        )


@pytest.fixture
def planner(bac_ninh):
    from django.contrib.auth.models import User

    from marsad.accounts.models import Profile

    user = User.objects.create_user("late-planner", "p@example.org", "pw-late-planner")
    profile = Profile.objects.create(user=user, role="planner")
    profile.view_areas.set([bac_ninh])
    return user


def _fresh(user):
    """The user as the next request loads it (its scope worked out anew)."""
    return type(user).objects.get(pk=user.pk)


def _overdue(area, user=None, day=LATE):
    from marsad.web.dashboard import overdue

    with time_machine.travel(day, tick=False):
        return overdue(area, user if user is None else _fresh(user))


def test_a_second_view_reads_the_panel_from_the_cache(bac_ninh, directive, planner):
    assert [a.directive_id for a in _overdue(bac_ninh, planner)] == [directive.pk]
    with CaptureQueriesContext(connection) as queries:
        again = _overdue(bac_ninh, planner)
    assert [a.directive_id for a in again] == [directive.pk]
    assert not any("directives_assignment" in q["sql"] for q in queries.captured_queries)


def test_a_report_of_completion_takes_it_off_the_panel(bac_ninh, directive):
    from marsad.directives.tracking import report_progress

    assignment = directive.assignments.get()
    assert [a.pk for a in _overdue(bac_ninh)] == [assignment.pk]
    with time_machine.travel(date(2025, 12, 20), tick=False):
        report_progress(assignment, percent=100, text="done", revision=assignment.revision)
    assert _overdue(bac_ninh) == []


def test_a_deadline_moved_by_an_audited_save_is_seen(bac_ninh, directive):
    assignment = directive.assignments.get()
    assert _overdue(bac_ninh)
    assignment.deadline = date(2026, 3, 31)
    assignment.save(source="test")
    assert _overdue(bac_ninh) == []


def test_a_deleted_assignment_leaves_the_panel(bac_ninh, directive):
    assert _overdue(bac_ninh)
    directive.assignments.get().delete(source="test")
    assert _overdue(bac_ninh) == []


def test_a_deleted_directive_takes_its_assignments_along(bac_ninh, directive):
    assert _overdue(bac_ninh)
    directive.delete(source="test")  # the assignments go by cascade, unrecorded one by one
    assert _overdue(bac_ninh) == []


def test_delegated_assignments_appear_on_the_next_view(bac_ninh, directive):
    from marsad.directives.delegation import delegate_to_communes

    commune = bac_ninh.children.order_by("code").first()
    assert _overdue(commune) == []
    with time_machine.travel(date(2025, 10, 2), tick=False):
        delegate_to_communes(directive, bac_ninh)  # bulk_create: no save() per assignment
    assert [a.organisation.area_id for a in _overdue(commune)] == [commune.pk]


def test_a_renamed_unit_shows_its_new_name(bac_ninh, directive, units):
    assert _overdue(bac_ninh)[0].organisation.name_en == units["VN-24-FIN"].name_en
    unit = units["VN-24-FIN"]
    unit.name_en = "Department of Finance and Planning"
    unit.save()
    assert _overdue(bac_ninh)[0].organisation.name_en == "Department of Finance and Planning"


def test_a_unit_renamed_by_create_organisations_shows_its_new_name(bac_ninh, directive, units):
    from marsad.directives.models import Organisation
    from marsad.directives.organisations import create_organisations

    Organisation.objects.filter(pk=units["VN-24-FIN"].pk).update(name_ar="Sở Tài chính Bac Ninh")
    assert _overdue(bac_ninh)[0].organisation.name_ar == "Sở Tài chính Bac Ninh"
    assert create_organisations()["renamed"] >= 1  # Latin letters in Arabic: renamed in bulk
    assert _overdue(bac_ninh)[0].organisation.name_ar != "Sở Tài chính Bac Ninh"


def test_a_changed_scope_is_seen_on_the_next_view(bac_ninh, directive, planner):
    assert _overdue(bac_ninh, planner)
    planner.profile.view_areas.set([])  # no change record: the scope is in the key itself
    assert _overdue(bac_ninh, planner) == []


def test_a_task_becomes_overdue_when_the_day_turns(bac_ninh, directive):
    from zoneinfo import ZoneInfo

    hanoi_time = ZoneInfo("Asia/Ho_Chi_Minh")  # the day of the settings' time zone
    # Minutes apart (well within the cache's lifetime), on either side of midnight.
    assert _overdue(bac_ninh, day=datetime(2025, 12, 31, 23, 58, tzinfo=hanoi_time)) == []
    assert len(_overdue(bac_ninh, day=datetime(2026, 1, 1, 0, 2, tzinfo=hanoi_time))) == 1
