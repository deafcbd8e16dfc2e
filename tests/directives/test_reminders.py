"""`marsad remind`: due-soon and overdue notices through Django's mail outbox."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core import mail

from marsad.directives.reminders import send_reminders
from marsad.directives.tracking import close_directive, create_directive

from .conftest import make_user, report

pytestmark = pytest.mark.django_db


@time_machine.travel(date(2025, 10, 1), tick=False)
def test_reminders_go_to_units_with_late_or_near_tasks(directive, units, bac_ninh):
    finance = units["VN-24-FIN"]
    finance.email = "finance@bacninh.example"
    finance.save()
    make_user("finance_officer", "department", organisation=finance, capture=[bac_ninh])
    finance.members.update(language="vi")
    health = units["VN-24-HEALTH"]
    health.email = "health@bacninh.example"
    health.save()
    overdue = create_directive(
        text="vaccination campaign",
        area=bac_ninh,
        lead_unit=health,
        period="2025Q4",
        deadline=date(2025, 12, 20),
    )
    done = create_directive(
        text="hospital audit", area=bac_ninh, lead_unit=health, period="2025Q4", deadline=date(2025, 12, 20)
    )
    report(done.assignments.get(), percent=100, text="done", on=date(2025, 12, 1))
    closed = create_directive(
        text="closed task", area=bac_ninh, lead_unit=health, period="2025Q4", deadline=date(2025, 12, 1)
    )
    close_directive(closed, on=date(2025, 12, 2))

    today = date(2025, 12, 26)  # finance: 5 days left; health: 6 days late
    preview = send_reminders(today, dry_run=True)
    assert len(mail.outbox) == 0
    assert preview["units"] == 2 and preview["overdue"] == 1 and preview["due_soon"] == 1

    result = send_reminders(today)
    assert result["sent"] == len(mail.outbox) == 3  # finance in ar (unit) and vi (member); health in ar
    by_to = {tuple(m.to): m for m in mail.outbox}
    vi = by_to[("finance_officer@example.org",)]
    assert "sắp đến hạn" in vi.subject and "Strictly manage budget collection" in vi.body
    assert "5 ngày còn lại" in vi.body
    health_mail = by_to[("health@bacninh.example",)]
    assert "vaccination campaign" in health_mail.body and "6 " in health_mail.body
    assert "hospital audit" not in health_mail.body and "closed task" not in health_mail.body
    # The run recorded the statuses it saw.
    assert overdue.assignments.get().status_changes.filter(previous="in_progress", status="overdue").exists()
    assert directive.assignments.get().status_changes.filter(status="due_soon").exists()


def test_nothing_to_send_when_all_is_well(directive):
    assert send_reminders(date(2025, 10, 1))["messages"] == 0
    assert mail.outbox == []
