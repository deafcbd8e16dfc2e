"""A commune's officers see and update only their own assignments: through the functions the
pages use, and through the pages themselves."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from marsad.directives.delegation import delegate_to_communes
from marsad.directives.models import Recommendation
from marsad.directives.tracking import can_update, report_progress, visible_assignments, visible_directives

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegated(directive, bac_ninh):
    assignments = sorted(delegate_to_communes(directive, bac_ninh), key=lambda a: a.organisation.code)
    return assignments


@pytest.fixture
def officer(delegated, bac_ninh):
    own = delegated[0]
    return make_user("commune_a", "commune", organisation=own.organisation, capture=[own.organisation.area])


def test_scope_functions(officer, delegated, directive, units, bac_ninh):
    own, other = delegated[0], delegated[1]
    assert list(visible_assignments(officer)) == [own]
    assert list(visible_directives(officer)) == [directive]
    assert can_update(officer, own) and not can_update(officer, other)
    report_progress(own, percent=50, text="half", on=date(2025, 11, 1), user=officer)
    with pytest.raises(PermissionDenied):
        report_progress(other, percent=50, text="not mine", on=date(2025, 11, 1), user=officer)
    assert other.reports.count() == 0
    planner = make_user("planner", "planner", capture=[bac_ninh])
    assert visible_assignments(planner).count() == 99 and can_update(planner, other)
    viewer = make_user("viewer", "viewer", view=[bac_ninh])
    assert visible_assignments(viewer).count() == 99 and not can_update(viewer, other)
    hanoi_planner = make_user("hanoi", "planner", capture=[units["VN-01-PC"].area])
    assert visible_assignments(hanoi_planner).count() == 0


def test_scope_through_the_pages(client, officer, delegated, directive, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    own, other = delegated[0], delegated[1]
    client.force_login(officer)
    board = client.get("/directives/", HTTP_ACCEPT_LANGUAGE="vi")
    assert board.status_code == 200
    assert "Theo dõi nhiệm vụ chỉ đạo" in board.content.decode()
    assert "متابعة التوجيهات" in client.get("/directives/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert f"/directives/assignments/{own.pk}/" in board.content.decode()
    assert f"/directives/assignments/{other.pk}/" not in board.content.decode()
    assert client.get(f"/directives/assignments/{other.pk}/").status_code == 404
    refused = client.post(
        f"/directives/assignments/{other.pk}/", {"date": "2025-11-01", "percent": 80, "text": "not mine"}
    )
    assert refused.status_code == 404 and other.reports.count() == 0
    detail = client.get(f"/directives/{directive.pk}/")
    assert detail.status_code == 200
    assert detail.content.decode().count("/directives/assignments/") == 1
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("minutes.txt", b"meeting minutes", content_type="text/plain")
    ok = client.post(
        f"/directives/assignments/{own.pk}/",
        {"date": "2025-11-01", "percent": 80, "text": "mine", "evidence": upload},
    )
    assert ok.status_code == 302 and own.reports.get().percent == 80
    report = own.reports.get()
    got = client.get(f"/directives/assignments/{own.pk}/evidence/{report.pk}/")
    assert got.status_code == 200 and b"".join(got.streaming_content) == b"meeting minutes"
    assert client.get(f"/directives/assignments/{other.pk}/evidence/{report.pk}/").status_code == 404
    bad = client.post(
        f"/directives/assignments/{own.pk}/", {"date": "2025-11-02", "percent": 120, "text": "x"}
    )
    assert bad.status_code == 400 and own.reports.count() == 1
    # Officers may not inspect their own work, nor delegate.
    assert (
        client.post(
            f"/directives/assignments/{own.pk}/",
            {"action": "inspect", "date": "2025-11-01", "result": "satisfactory", "finding": "fine"},
        ).status_code
        == 403
    )
    assert client.post(f"/directives/{directive.pk}/delegate/", {"province": "Bac Ninh"}).status_code == 403
    summary = client.get("/directives/summary.json").json()
    assert summary["total"] == 1


def test_planner_pages_inspection_and_recommendations(client, officer, delegated, bac_ninh):
    own = delegated[0]
    planner = make_user("planner", "planner", capture=[bac_ninh])
    # The commune sends a recommendation up; the planner answers it.
    client.force_login(officer)
    sent = client.post(
        "/directives/recommendations/", {"topic": "staffing", "text": "two more officers", "period": "2025Q4"}
    )
    assert sent.status_code == 302
    rec = Recommendation.objects.get()
    assert rec.organisation == own.organisation and rec.area == own.organisation.area
    client.force_login(planner)
    page = client.get("/directives/")
    assert (
        page.status_code == 200 and page.content.decode().count("/directives/assignments/") == 50
    )  # one page
    inspected = client.post(
        f"/directives/assignments/{own.pk}/",
        {"action": "inspect", "date": "2025-11-20", "result": "needs_work", "finding": "no minutes kept"},
    )
    assert inspected.status_code == 302
    assert own.inspections.get().result == "needs_work"
    from marsad.directives.models import Difficulty

    Difficulty.objects.create(area=bac_ninh, period="2025-9M", text="smuggling and trade fraud still complex")
    inbox = client.get("/directives/recommendations/?open=1")
    assert "two more officers" in inbox.content.decode()
    assert "smuggling and trade fraud" in inbox.content.decode()
    assert (
        client.post(f"/directives/recommendations/{rec.pk}/answer/", {"answer": "approved"}).status_code
        == 302
    )
    rec.refresh_from_db()
    assert rec.answer == "approved" and rec.answered_by == planner


def test_planner_types_in_a_directive(client, units, bac_ninh, officer):
    planner = make_user("planner2", "planner", capture=[bac_ninh])
    client.force_login(planner)
    assert client.get("/directives/new/").status_code == 200
    form = {
        "area": bac_ninh.pk,
        "text": "Issue the catalogue of delegated tasks",
        "language": "en",
        "lead_unit": units["VN-24-HOME"].pk,
        "cooperating_units": [units["VN-24-JUST"].pk],
        "period": "2025Q4",
        "deadline": "2025-12-15",
    }
    created = client.post("/directives/new/", form)
    assert created.status_code == 302
    from marsad.directives.models import Directive

    directive = Directive.objects.get(text="Issue the catalogue of delegated tasks")
    assert directive.assignments.get().organisation.code == "VN-24-HOME"
    assert list(directive.cooperating_units.values_list("code", flat=True)) == ["VN-24-JUST"]
    bad = client.post(
        "/directives/new/", {**form, "text": "too early", "deadline": "2025-09-01"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert bad.status_code == 400 and "before the period starts" in bad.content.decode()
    outside = client.post(
        "/directives/new/", {**form, "text": "Hanoi lead", "lead_unit": units["VN-01-FIN"].pk}
    )
    assert outside.status_code == 400 and not Directive.objects.filter(text="Hanoi lead").exists()
    client.force_login(officer)
    assert client.get("/directives/new/").status_code == 403
