"""Two officers report at once on the same revision: one is recorded, the other refused (stale).

Real concurrent transactions need PostgreSQL (SQLite serialises writers and Django's test
connection is shared); on SQLite the sequential case in test_api/test_scope covers the rule.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
import time_machine
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif("postgresql" not in connection.vendor, reason="needs concurrent transactions")
def test_two_reports_on_one_revision(directive):
    from django.db import connections

    from marsad.directives.models import Assignment
    from marsad.directives.tracking import StaleAssignment, report_progress

    assignment = directive.assignments.get()
    seen = assignment.revision
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def officer(percent: int, text: str) -> None:
        try:
            barrier.wait()
            with time_machine.travel(date(2025, 11, 5), tick=False):
                report_progress(assignment, percent=percent, text=text, revision=seen, on=date(2025, 11, 5))
            outcomes.append("recorded")
        except StaleAssignment:
            outcomes.append("stale")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=officer, args=(100, "done")),
        threading.Thread(target=officer, args=(40, "x")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["recorded", "stale"]
    stored = Assignment.objects.get(pk=assignment.pk)
    assert stored.revision == seen + 1 and stored.reports.count() == 1
    assert stored.percent_done == stored.reports.get().percent
