"""The import page: upload, a background check with a preview, then all rows or none (a second
background job), each with its progress page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

HEADER = "area,indicator,period,measure,value,unit,status,qualifier\n"


def _upload(client, text: str, name="data.csv", lang="en"):
    """Upload, run the queued job as the worker would, and open its page (in ``lang``)."""
    from marsad.jobs import worker

    client.cookies["django_language"] = lang

    response = client.post("/observations/import/", {"file": SimpleUploadedFile(name, text.encode("utf-8"))})
    assert response.status_code == 302 and response.url.startswith("/jobs/"), response
    waiting = client.get(response.url)
    assert waiting.context["job"].status == "queued"
    assert 'name="marsad-refresh"' in waiting.content.decode()  # the page refreshes itself
    assert worker.run_pending() == 1
    return client.get(response.url)


def test_preview_then_import_all_rows(client_for, communes):
    from marsad.jobs import worker
    from marsad.observations.models import Observation

    mine, _ = communes
    client = client_for("planner")
    text = HEADER + f"{mine.code},budget_revenue,2025Q1,level,100,,official,exact\n"
    text += f"{mine.parent.code},grdp,2025Q1,level,5800,,official,exact\n"
    preview = _upload(client, text)
    assert preview.status_code == 200
    assert not Observation.objects.filter(period="2025Q1").exists()  # a preview writes nothing
    job = preview.context["job"]
    assert job.result["rows"] == 2 and preview.context["confirmable"]
    assert 'name="marsad-refresh"' not in preview.content.decode()
    started = client.post(f"/jobs/{job.pk}/confirm/")
    assert started.status_code == 302
    assert worker.run_pending() == 1
    done = client.get(started.url)
    assert done.status_code == 200
    assert done.context["job"].result["created"] == 2
    assert "2 rows: 2 created" in done.content.decode()
    assert Observation.objects.filter(period="2025Q1").count() == 2
    # Confirming twice does not import twice: it leads to the same import job.
    again = client.post(f"/jobs/{job.pk}/confirm/")
    assert again.url == started.url
    assert worker.run_pending() == 0


def test_one_bad_row_rejects_the_whole_file_with_row_errors(client_for, communes):
    from marsad.observations.models import Observation

    mine, _ = communes
    client = client_for("planner")
    text = HEADER + f"{mine.code},budget_revenue,2025Q1,level,100,,official,exact\n"
    text += f"{mine.code},no_such_indicator,2025Q9,level,abc,,official,exact\n"
    response = _upload(client, text)
    assert response.status_code == 422
    errors = response.context["job"].errors
    assert {(e["row"], e["column"]) for e in errors} >= {(3, "indicator"), (3, "period"), (3, "value")}
    assert "nothing was written" in response.content.decode().lower()
    assert not Observation.objects.exists()


def test_rows_outside_the_users_scope_are_errors(client_for, communes):
    from marsad.observations.models import Observation

    mine, other = communes
    client = client_for("commune")
    text = HEADER + f"{mine.code},budget_revenue,2025Q1,level,100,,official,exact\n"
    text += f"{other.code},budget_revenue,2025Q1,level,100,,official,exact\n"
    response = _upload(client, text)
    assert response.status_code == 422
    assert [(e["row"], e["column"]) for e in response.context["job"].errors] == [(3, "area")]
    assert not Observation.objects.exists()


@pytest.mark.parametrize(
    "text", ["", HEADER, "\ufeff" + HEADER + "\n\n"], ids=["empty", "header only", "blank rows"]
)
def test_an_empty_file_is_an_error_not_zero_rows_imported(client_for, text):
    response = _upload(client_for("planner"), text)
    assert response.status_code == 422
    job = response.context["job"]
    assert job.status == "failed" and job.errors
    assert "0 rows" not in response.content.decode()


def test_the_empty_file_message_is_translated(client_for):
    response = _upload(client_for("planner"), HEADER, lang="vi")
    assert "The file has no rows" not in response.content.decode()
    assert response.context["job"].errors


def test_an_unknown_file_type_and_no_file_are_refused(client_for):
    client = client_for("planner")
    bad = client.post("/observations/import/", {"file": SimpleUploadedFile("data.exe", b"MZ")})
    assert bad.status_code == 422
    assert client.post("/observations/import/", {}).status_code == 422


def test_someone_elses_job_is_not_shown_nor_confirmed(client_for, communes, demo_users):
    from marsad.jobs import worker

    mine, _ = communes
    client = client_for("planner")
    preview = _upload(client, HEADER + f"{mine.code},budget_revenue,2025Q1,level,100,,official,exact\n")
    job = preview.context["job"]
    other = client_for("department")
    assert other.get(f"/jobs/{job.pk}/").status_code == 403
    assert other.post(f"/jobs/{job.pk}/confirm/").status_code == 403
    assert worker.run_pending() == 0
    assert job.pk not in [j.pk for j in other.get("/jobs/").context["page"].object_list]
