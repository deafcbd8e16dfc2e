"""Every bad input the write path refuses, on every way a number enters Marsad.

One table of bad inputs (issue 10's list) x one function per path: the entry grid, the API,
the file import page, the command line import, the review queue (accept and correct) and the
admin. Each must answer 4xx (the command line: exit 1) with a message naming the field, and
store nothing. A path that has no field for an input (the grid has no unit cell and no share
column) says so in ``NOT_A_FIELD``.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

pytestmark = pytest.mark.django_db

PERIOD = "2024Q4"

# name: (changes to a good GRDP level of Bac Ninh, the field the message must name)
BAD = {
    "negative level": ({"value": "-5"}, "value"),
    "growth of -150 %": ({"measure": "yoy_pct", "value": "-150", "unit": "%"}, "value"),
    "share of 150 %": ({"measure": "share_pct", "value": "150", "unit": "%"}, "value"),
    "future period": ({"period": "2099Q1"}, "period"),
    "false": ({"value": "false"}, "value"),
    "1_000": ({"value": "1_000"}, "value"),
    "30 digits": ({"value": "1" + "0" * 29}, "value"),
    "310 digits": ({"value": "1" + "0" * 309}, "value"),
    "unit of 41 characters": ({"unit": "x" * 41}, "unit"),
    "NUL in the unit": ({"unit": "billion\x00VND"}, "unit"),
}
NOT_A_FIELD = {
    "grid": {"share of 150 %", "unit of 41 characters", "NUL in the unit"},
}
# Words of the messages that name each field, in English (the tests' language).
FIELD_WORDS = {
    "value": ("value", "number", "digit", "negative", "growth", "share", "most", "least"),
    "period": ("period", "2099Q1"),
    "unit": ("unit", "character", "NUL"),
}


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


def _good(**changes) -> dict:
    row = {"area": "VN-24", "indicator": "grdp", "period": PERIOD, "measure": "level"}
    row |= {"value": "5800", "unit": "billion VND", "status": "official", "qualifier": "exact"}
    return {**row, **changes}


def _stored() -> int:
    from marsad.observations.models import Observation

    return Observation.objects.filter(area__code="VN-24", indicator__code="grdp").count()


def _names_field(text: str, field: str) -> bool:
    text = text.replace("&#x27;", "'").replace("&quot;", '"')
    return any(word in text for word in FIELD_WORDS[field])


def _english_client(client):
    client.cookies["django_language"] = "en"
    return client


# -- the paths --------------------------------------------------------------------------------
def grid(client_for, demo_users, row):
    client = _english_client(client_for("planner"))
    name = f"v__{row['indicator']}__{row['measure']}"
    form = {"area": row["area"], "period": row["period"], "status": row["status"], name: row["value"]}
    form["r__" + name[3:]] = "0"
    if "\x00" in row["unit"]:
        form[name] = row["value"] + "\x00"
    response = client.post("/observations/entry/", form)
    html = response.content.decode()
    errors = " ".join(re.findall(r'class="(?:error|form-error)[^"]*"[^>]*>([^<]+)', html))
    return response.status_code, errors or html


def api(client_for, demo_users, row):
    from marsad.accounts.tokens import create_token

    token = create_token(demo_users["planner"], "bad inputs")
    body = {k: v for k, v in row.items()}
    value = row["value"]
    if value == "false":
        body["value"] = False
    elif re.fullmatch(r"-?\d+", value):
        body["value"] = int(value)
    response = client_for("planner").post(
        "/api/observations",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    return response.status_code, response.content.decode()


def _csv(row) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    return out.getvalue().encode("utf-8")


def import_page(client_for, demo_users, row):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _english_client(client_for("planner"))
    upload = SimpleUploadedFile("bad.csv", _csv(row), content_type="text/csv")
    response = client.post("/observations/import/", {"file": upload})
    if response.status_code == 302:  # checked by a background job: its page says how it ended
        from marsad.jobs import worker

        worker.run_pending()
        response = client.get(response.url)
    return response.status_code, response.content.decode()


def command_line(client_for, demo_users, row):
    import tempfile
    from pathlib import Path

    from typer.testing import CliRunner

    from marsad.cli.main import app

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bad.csv"
        path.write_bytes(_csv(row))
        result = CliRunner().invoke(app, ["import", str(path), "--user", "planner"])
    # The command line's answer to a refusal is its exit status; 422 stands for "exit 1".
    return (422 if result.exit_code == 1 else 500 + result.exit_code), result.output


def _proposal(row):
    from marsad.areas.models import Area
    from marsad.documents.ingest import _finite
    from marsad.documents.models import Document, Proposal

    doc = Document.objects.create(
        title="report", language="en", area=Area.objects.get(code="VN-24"), period=PERIOD, text="GRDP 5800"
    )
    return Proposal.objects.create(
        document=doc,
        kind="fact",
        indicator=row["indicator"],
        area_code=row["area"],
        period=row["period"],
        measure=row["measure"],
        # What the reader proposes: a float, or nothing for a figure no float holds (1e310).
        value=_finite(float(row["value"])) if re.fullmatch(r"-?\d+(\.\d+)?", row["value"]) else None,
        unit=row["unit"],
        qualifier=row["qualifier"],
        span_start=0,
        span_end=9,
        evidence="GRDP 5800",
    )


def review_accept(client_for, demo_users, row):
    """A figure read from a document (a float, as the reader gives it) accepted as it is."""
    proposal = _proposal(row)
    client = _english_client(client_for("planner"))
    response = client.post(
        f"/documents/proposals/{proposal.pk}/decide/", {"action": "accept"}, HTTP_HX_REQUEST="true"
    )
    return response.status_code, response.content.decode()


def review_correct(client_for, demo_users, row):
    """A good proposal corrected, in the review form, into the bad input."""
    proposal = _proposal(_good())
    client = _english_client(client_for("planner"))
    form = {
        "action": "correct",
        **{k: row[k] for k in ("indicator", "period", "measure", "value", "unit", "qualifier")},
    }
    form["area_code"] = row["area"]
    response = client.post(f"/documents/proposals/{proposal.pk}/decide/", form, HTTP_HX_REQUEST="true")
    return response.status_code, response.content.decode()


def admin(client_for, demo_users, row):
    from marsad.areas.models import Area
    from marsad.indicators.models import Indicator

    client = _english_client(client_for("admin"))
    form = {
        **row,
        "area": Area.objects.get(code=row["area"]).pk,
        "indicator": Indicator.objects.get(code=row["indicator"]).pk,
        "source": "entry",
        "import_file": "",
    }
    response = client.post("/admin/observations/observation/add/", form)
    html = response.content.decode()
    errors = " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S))
    return response.status_code, errors or html


PATHS = {
    "grid": grid,
    "api": api,
    "import page": import_page,
    "command line": command_line,
    "review accept": review_accept,
    "review correct": review_correct,
    "admin": admin,
}


@pytest.mark.parametrize("bad", list(BAD))
@pytest.mark.parametrize("path", list(PATHS))
def test_each_path_refuses_each_bad_input_naming_the_field(client_for, demo_users, path, bad):
    changes, field = BAD[bad]
    if bad in NOT_A_FIELD.get(path, set()):
        pytest.skip(f"the {path} has no field for this input")
    if path == "review accept" and bad in ("false", "1_000"):
        pytest.skip("a figure read from a document is a number, never this text")
    if path == "review accept" and "unit" in bad:
        pytest.skip("a proposal cannot hold this unit (the database refuses it); correcting one can")
    before = _stored()
    status, text = PATHS[path](client_for, demo_users, _good(**changes))
    assert 400 <= status < 500, (status, text[:2000])
    assert _names_field(text, field), text[:2000]
    assert _stored() == before
