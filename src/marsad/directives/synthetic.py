"""A generated follow-up load (for ``marsad bench directives`` and tests): directives with
assignments, completions and progress reports, spread over every province's departments.
Deterministic for a given seed."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction

from marsad.areas.models import Area
from marsad.core import periods

from .models import Assignment, Directive, Organisation, ProgressReport
from .organisations import create_organisations


@transaction.atomic
def generate(n: int, *, today: date, seed: int = 1, delegated_every: int = 400) -> dict[str, int]:
    """Create ``n`` directives (period: the quarters around ``today``), one assignment each for a
    department, and every ``delegated_every``-th delegated to all of its province's communes."""
    create_organisations()
    rng = random.Random(seed)
    departments = list(Organisation.objects.filter(kind=Organisation.Kind.DEPARTMENT).select_related("area"))
    communes: dict[int, list[Organisation]] = {}
    for unit in Organisation.objects.filter(
        kind=Organisation.Kind.PEOPLES_COMMITTEE, area__level=Area.Level.COMMUNE, area__valid_to__isnull=True
    ).select_related("area"):
        communes.setdefault(unit.area.parent_id, []).append(unit)
    current = periods.quarter(today.year, (today.month - 1) // 3 + 1)
    following = (current.remainder_of_year() or (periods.quarter(today.year + 1, 1),))[0]
    quarters = [current.previous().previous(), current.previous(), current, following]
    directives = []
    for i in range(n):
        lead = rng.choice(departments)
        period = rng.choice(quarters)
        deadline = period.start + timedelta(days=rng.randrange(0, (period.end - period.start).days + 1))
        directives.append(
            Directive(
                number=str(i + 1),
                text=f"Generated task {i + 1}",
                language="en",
                area=lead.area,
                lead_unit=lead,
                issuer=lead,
                period=period.code,
                deadline=deadline,
                issued_on=min(period.start, today),  # the next quarter's tasks are set before it starts
                delegated=bool(delegated_every) and i % delegated_every == 0,
            )
        )
    Directive.objects.bulk_create(directives, batch_size=2000)
    assignments = []
    for d in directives:
        units = communes.get(d.area_id, []) if d.delegated else [d.lead_unit]
        for unit in units:
            completed = None
            percent = rng.choice((0, 10, 30, 50, 80))
            if rng.random() < 0.72:
                completed = d.deadline + timedelta(days=rng.choice((-20, -10, -3, 0, 0, 0, 2, 9)))
                if completed > today:
                    completed = today
                percent = 100
            assignments.append(
                Assignment(
                    directive=d,
                    organisation=unit,
                    deadline=d.deadline,
                    completed_on=completed,
                    percent_done=percent,
                    role=Assignment.Role.DELEGATED if d.delegated else Assignment.Role.LEAD,
                    assigned_on=d.issued_on,
                )
            )
    Assignment.objects.bulk_create(assignments, batch_size=2000)
    reports = [
        ProgressReport(
            assignment=a,
            date=min(a.completed_on or today, today),
            text="progress",
            percent=a.percent_done,
        )
        for a in assignments
        if a.percent_done
    ]
    ProgressReport.objects.bulk_create(reports, batch_size=2000)
    return {"directives": len(directives), "assignments": len(assignments), "reports": len(reports)}
