"""Who may report, inspect, delegate and answer — through the functions the pages use, and
through the pages themselves (no form is shown to a user who may not use it)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from marsad.directives.delegation import delegate_to_communes
from marsad.directives.models import Recommendation
from marsad.directives.tracking import can_report, visible_assignments, visible_directives

from .conftest import make_user, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegated(directive, bac_ninh):
    with time_machine.travel(date(2025, 10, 2), tick=False):
        return sorted(delegate_to_communes(directive, bac_ninh), key=lambda a: a.organisation.code)


@pytest.fixture
def officer(delegated):
    own = delegated[0]
    return make_user("commune_a", "commune", organisation=own.organisation, capture=[own.organisation.area])


def _post_report(client, assignment, **data):
    assignment.refresh_from_db()
    body = {
        "date": "2025-11-01",
        "percent": 50,
        "text": "done a part",
        "revision": assignment.revision,
        **data,
    }
    return client.post(f"/directives/assignments/{assignment.pk}/", body)


def test_who_may_report(officer, delegated, directive, units, bac_ninh):
    own, other = delegated[0], delegated[1]
    assert list(visible_assignments(officer)) == [own]
    assert list(visible_directives(officer)) == [directive]
    assert can_report(officer, own) and not can_report(officer, other)
    report(own, percent=50, text="half", on=date(2025, 11, 1), user=officer)
    with pytest.raises(PermissionDenied):
        report(other, percent=50, text="not mine", on=date(2025, 11, 1), user=officer)
    assert other.reports.count() == 0
    # The lead unit (Finance) reports for its delegates; an approver (planner) too.
    finance = make_user("fin", "department", organisation=units["VN-24-FIN"], capture=[bac_ninh])
    assert can_report(finance, other)
    planner = make_user("planner", "planner", capture=[bac_ninh])
    assert visible_assignments(planner).count() == 100 and can_report(planner, other)
    # A department outside the assignment may not, though it captures data in the province.
    trade = make_user("moit", "department", organisation=units["VN-24-MOIT"], capture=[bac_ninh])
    assert not can_report(trade, other) and not can_report(trade, directive.lead_assignment())
    with pytest.raises(PermissionDenied):
        report(other, percent=100, text="closing someone else's task", on=date(2025, 11, 2), user=trade)
    assert not can_report(planner, directive.lead_assignment())  # the lead's own work is its own
    viewer = make_user("viewer", "viewer", view=[bac_ninh])
    assert visible_assignments(viewer).count() == 100 and not can_report(viewer, other)
    hanoi_planner = make_user("hanoi", "planner", capture=[units["VN-01-PC"].area])
    assert visible_assignments(hanoi_planner).count() == 0


def test_a_commune_through_the_pages(client, officer, delegated, directive, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    own, other = delegated[0], delegated[1]
    client.force_login(officer)
    board = client.get("/directives/", HTTP_ACCEPT_LANGUAGE="vi")
    assert board.status_code == 200
    assert "Theo dõi nhiệm vụ chỉ đạo" in board.content.decode()
    assert "متابعة التوجيهات" in client.get("/directives/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    client.cookies["django_language"] = "en"  # the messages below are read in English
    assert f"/directives/assignments/{own.pk}/" in board.content.decode()
    assert f"/directives/assignments/{other.pk}/" not in board.content.decode()
    assert client.get(f"/directives/assignments/{other.pk}/").status_code == 404
    assert _post_report(client, other).status_code == 404 and other.reports.count() == 0
    detail = client.get(f"/directives/{directive.pk}/")
    assert detail.status_code == 200 and 'id="delegate-form"' not in detail.content.decode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("minutes.txt", b"meeting minutes", content_type="text/plain")
    assert _post_report(client, own, percent=80, evidence=upload).status_code == 302
    got_report = own.reports.get()
    assert got_report.percent == 80 and got_report.reporter_unit == own.organisation
    got = client.get(f"/directives/assignments/{own.pk}/evidence/{got_report.pk}/")
    assert got.status_code == 200 and b"".join(got.streaming_content) == b"meeting minutes"
    assert client.get(f"/directives/assignments/{other.pk}/evidence/{got_report.pk}/").status_code == 404
    # A future date, a date before the last report, a drop without a reason: refused, nothing kept.
    future = _post_report(client, own, date="2027-06-01", percent=90)
    assert future.status_code == 400 and "in the future" in future.content.decode()
    earlier = _post_report(client, own, date="2025-10-20", percent=90)
    assert earlier.status_code == 400 and "before the last report" in earlier.content.decode()
    drop = _post_report(client, own, date="2025-11-03", percent=60)
    assert drop.status_code == 400 and "say why" in drop.content.decode()
    assert own.reports.count() == 1
    # A stale revision (a colleague reported in between) is refused with 409.
    stale = client.post(
        f"/directives/assignments/{own.pk}/",
        {"date": "2025-11-04", "percent": 90, "text": "x", "revision": 1},
    )
    assert stale.status_code == 409 and "meanwhile" in stale.content.decode()
    assert own.reports.count() == 1
    page = client.get(f"/directives/assignments/{own.pk}/").content.decode()
    assert 'id="progress-form"' in page and 'id="inspection-form"' not in page
    assert f'max="{date.today().isoformat()}"' in page or "max=" in page
    # Officers may not inspect their own work, nor delegate.
    inspect = {"action": "inspect", "date": "2025-11-01", "result": "satisfactory", "finding": "fine"}
    assert client.post(f"/directives/assignments/{own.pk}/", inspect).status_code == 403
    assert (
        client.post(f"/directives/{directive.pk}/delegate/", {"province": directive.area.pk}).status_code
        == 403
    )
    assert client.get("/directives/summary.json").json()["total"] == 1


def test_inspection_and_recommendation_threads(client, officer, delegated, bac_ninh, units):
    own = delegated[0]
    planner = make_user("planner", "planner", capture=[bac_ninh])
    viewer = make_user("viewer", "viewer", view=[bac_ninh])
    client.force_login(officer)
    sent = client.post(
        "/directives/recommendations/", {"topic": "staffing", "text": "two more officers", "period": "2025Q4"}
    )
    assert sent.status_code == 302
    rec = Recommendation.objects.get()
    assert rec.organisation == own.organisation and rec.area == own.organisation.area
    assert rec.history().filter(action="create").exists()
    # The lead unit inspects its delegates.
    finance = make_user("fin", "department", organisation=units["VN-24-FIN"], capture=[bac_ninh])
    client.force_login(finance)
    inspected = client.post(
        f"/directives/assignments/{own.pk}/",
        {"action": "inspect", "date": "2025-11-20", "result": "needs_work", "finding": "no minutes kept"},
    )
    assert inspected.status_code == 302 and own.inspections.get().result == "needs_work"
    assert own.inspections.get().history().exists()
    client.force_login(planner)
    page = client.get("/directives/?province=VN-24")
    assert page.status_code == 200 and page.content.decode().count("/directives/assignments/") == 25  # paged
    from marsad.directives.models import Difficulty

    Difficulty.objects.create(area=bac_ninh, period="2025-9M", text="smuggling and trade fraud still complex")
    inbox = client.get("/directives/recommendations/?open=1").content.decode()
    assert "two more officers" in inbox and "smuggling and trade fraud" in inbox
    assert f"/directives/recommendations/{rec.pk}/answer/" in inbox
    answer = f"/directives/recommendations/{rec.pk}/answer/"
    assert client.post(answer, {"answer": "approved in part"}).status_code == 302
    assert client.post(answer, {"answer": "and one more in January"}).status_code == 302
    # A thread: the first answer is kept, not overwritten; each is audited.
    assert [a.text for a in rec.answers.all()] == ["approved in part", "and one more in January"]
    assert all(a.history().exists() for a in rec.answers.all())
    # A viewer sees the thread but no answer box, and is refused if they post.
    client.force_login(viewer)
    seen = client.get("/directives/recommendations/").content.decode()
    assert "approved in part" in seen and answer not in seen
    assert client.post(answer, {"answer": "me too"}).status_code == 403
    assert rec.answers.count() == 2


def test_planner_types_in_a_directive(client, units, bac_ninh, officer):
    from marsad.directives.models import Directive

    planner = make_user("planner2", "planner", capture=[bac_ninh])
    client.force_login(planner)
    client.cookies["django_language"] = "en"
    page = client.get("/directives/new/").content.decode()
    assert page.count(">Bac Ninh<") == 1  # the current province once, no closed namesakes
    assert "Hanoi" not in page and "VN-01" not in page
    form = {
        "area": bac_ninh.pk,
        "text": "Issue the catalogue of delegated tasks",
        "language": "en",
        "lead_unit": units["VN-24-HOME"].pk,
        "cooperating": [units["VN-24-JUST"].pk, units["VN-24-FIN"].pk],
        "period": "2025Q4",
        "deadline": "2025-12-15",
    }
    created = client.post("/directives/new/", form)
    assert created.status_code == 302, created.content.decode()[-3000:]
    directive = Directive.objects.get(text="Issue the catalogue of delegated tasks")
    assert directive.lead_assignment().organisation.code == "VN-24-HOME"
    assert sorted(u.code for u in directive.cooperating_units()) == ["VN-24-FIN", "VN-24-JUST"]
    assert directive.assignments.count() == 3
    bad = client.post("/directives/new/", {**form, "text": "too early", "deadline": "2025-09-01"})
    assert bad.status_code == 400 and "before the period starts" in bad.content.decode()
    outside = client.post(
        "/directives/new/", {**form, "text": "Hanoi lead", "lead_unit": units["VN-01-FIN"].pk}
    )
    assert outside.status_code == 400 and not Directive.objects.filter(text="Hanoi lead").exists()
    client.force_login(officer)
    assert client.get("/directives/new/").status_code == 403
