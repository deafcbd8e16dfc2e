"""The import page: upload, preview, then all rows or none."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

HEADER = "area,indicator,period,measure,value,unit,status,qualifier\n"


def _upload(client, text: str, name="data.csv"):
    return client.post("/observations/import/", {"file": SimpleUploadedFile(name, text.encode("utf-8"))})


def test_preview_then_import_all_rows(client_for, communes):
    from marsad.observations.models import Observation

    mine, _ = communes
    client = client_for("planner")
    text = HEADER + f"{mine.code},budget_revenue,2025Q1,level,100,,official,exact\n"
    text += f"{mine.parent.code},grdp,2025Q1,level,5800,,official,exact\n"
    preview = _upload(client, text)
    assert preview.status_code == 200
    assert not Observation.objects.filter(period="2025Q1").exists()  # a preview writes nothing
    token = preview.context["token"]
    assert preview.context["count"] == 2
    done = client.post("/observations/import/", {"token": token, "confirm": "1"})
    assert done.status_code == 200
    assert done.context["result"].created == 2
    assert Observation.objects.filter(period="2025Q1").count() == 2


def test_one_bad_row_rejects_the_whole_file_with_row_errors(client_for, communes):
    from marsad.observations.models import Observation

    mine, _ = communes
    client = client_for("planner")
    text = HEADER + f"{mine.code},budget_revenue,2025Q1,level,100,,official,exact\n"
    text += f"{mine.code},no_such_indicator,2025Q9,level,abc,,official,exact\n"
    response = _upload(client, text)
    assert response.status_code == 422
    errors = response.context["errors"]
    assert {(e.row, e.column) for e in errors} >= {(3, "indicator"), (3, "period"), (3, "value")}
    assert "nothing was written" in response.content.decode().lower() or response.context["errors"]
    assert not Observation.objects.exists()


def test_rows_outside_the_users_scope_are_errors(client_for, communes):
    from marsad.observations.models import Observation

    mine, other = communes
    client = client_for("commune")
    text = HEADER + f"{mine.code},budget_revenue,2025Q1,level,100,,official,exact\n"
    text += f"{other.code},budget_revenue,2025Q1,level,100,,official,exact\n"
    response = _upload(client, text)
    assert response.status_code == 422
    assert [(e.row, e.column) for e in response.context["errors"]] == [(3, "area")]
    assert not Observation.objects.exists()


def test_an_unknown_upload_token_is_refused(client_for):
    client = client_for("planner")
    assert client.post("/observations/import/", {"token": "../../etc", "confirm": "1"}).status_code == 404
    assert client.post("/observations/import/", {}).status_code == 422
