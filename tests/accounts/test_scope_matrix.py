"""The scope matrix: every role x every page and API route x five areas, reads and writes.

Five areas: Bac Ninh (P), two of its communes (C1, the commune officer's, and C2), Ha Noi (Q) and
a Ha Noi commune (QC). Each area holds one of everything (an observation, a target, a document
and a figure read from it, a directive assigned to one of its units with a progress report, a
recommendation, a difficulty, a conclusion), each carrying a marker unique to the area.

A cell is (role, route, area). It LEAKS when, for an area outside the role's scope:
  - a read answers 2xx, or any answer's body shows that area's marker;
  - a write changes anything that belongs to that area (its rows, decisions and assignments).
List routes (no area in the URL) are checked for every area's markers at once.
Controls (so the matrix cannot pass by refusing everything): the administrator reads every
object route (200) and the planner's writes inside Bac Ninh change Bac Ninh's data.

The scope each role should have is written here, independently of accounts.scopes.
Every URL pattern and API operation must be in ROUTES (test_every_route_is_in_the_matrix).
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.db import transaction

pytestmark = pytest.mark.django_db

AREAS = ("P", "C1", "C2", "Q", "QC")
ROLES = ("admin", "planner", "department", "commune", "viewer", "anonymous")
# What each role may read, by area, as the product promises it (README: scopes include the units
# below; a commune's officers see their own commune only).
SCOPE = {
    "admin": set(AREAS),
    "planner": {"P", "C1", "C2"},
    "department": {"P", "C1", "C2"},
    "commune": {"C1"},
    "viewer": {"P", "C1", "C2"},
    "anonymous": set(),
}
WRITERS = {"admin", "planner", "department", "commune"}  # the viewer role writes nothing
PERIOD = "2025Q1"


def _marker(kind: str, key: str) -> str:
    return f"{kind}MARK{AREAS.index(key) + 1}X"


# Numbers no page shows otherwise, and that no sum or difference of the others gives (a
# province's figure is compared with its communes' sum).
OBS_VALUE = dict(zip(AREAS, (731901, 52817, 60923, 948331, 13879), strict=True))
TARGET_VALUE = dict(zip(AREAS, (864277, 77213, 81349, 905573, 19937), strict=True))


@dataclass
class World:
    areas: dict = field(default_factory=dict)  # key -> Area
    obs: dict = field(default_factory=dict)
    target: dict = field(default_factory=dict)
    doc: dict = field(default_factory=dict)
    proposal: dict = field(default_factory=dict)
    task_proposal: dict = field(default_factory=dict)
    directive: dict = field(default_factory=dict)
    assignment: dict = field(default_factory=dict)
    report: dict = field(default_factory=dict)
    rec: dict = field(default_factory=dict)
    difficulty: dict = field(default_factory=dict)
    conclusion: dict = field(default_factory=dict)
    scenario: dict = field(default_factory=dict)
    unit: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    tokens: dict = field(default_factory=dict)
    job: dict = field(default_factory=dict)  # a finished import check of the area's rows

    def markers(self, key: str) -> list[str]:
        out = [_marker(k, key) for k in ("DOC", "DIR", "REC", "DIFF", "CONC", "TGT")]
        return out + [str(OBS_VALUE[key]), str(TARGET_VALUE[key])]


def _unit_for(area):
    from marsad.directives import organisations
    from marsad.directives.models import Organisation

    wanted = (
        organisations.unit_for_commune(area)
        if area.level == "commune"
        else {u.code: u for u in organisations.units_for_province(area)}[
            organisations.peoples_committee_code(area)
        ]
    )
    existing = Organisation.objects.filter(code=wanted.code).first()
    if existing:
        return existing
    wanted.save()
    return wanted


@pytest.fixture
def world(db, settings, tmp_path):
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile

    from marsad.accounts.demo import create_demo_users, demo_commune
    from marsad.accounts.tokens import create_token
    from marsad.areas.models import Area
    from marsad.directives import tracking
    from marsad.directives.models import Difficulty, Organisation, Recommendation
    from marsad.directives.organisations import units_for_province
    from marsad.documents.models import Document, Proposal
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation
    from marsad.reports.models import Conclusion
    from marsad.targets import planning
    from marsad.targets.models import Target

    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    w = World()
    create_demo_users()
    c1 = demo_commune()
    p, q = Area.objects.get(code="VN-24"), Area.objects.get(code="VN-01")
    w.areas = {
        "P": p,
        "C1": c1,
        "C2": p.children.exclude(pk=c1.pk).order_by("code").first(),
        "Q": q,
        "QC": q.children.order_by("code").first(),
    }
    for province in (p, q):
        known = set(Organisation.objects.values_list("code", flat=True))
        Organisation.objects.bulk_create([u for u in units_for_province(province) if u.code not in known])
    grdp = Indicator.objects.get(code="grdp")
    for key, area in w.areas.items():
        w.unit[key] = _unit_for(area)
        obs = Observation(area=area, indicator=grdp, period=PERIOD, value=OBS_VALUE[key], unit="billion VND")
        obs.save(source="matrix")
        w.obs[key] = obs
        target = Target(
            area=area,
            indicator=grdp,
            year=2025,
            measure="level",
            value=TARGET_VALUE[key],
            note=_marker("TGT", key),
        )
        target.save(source="matrix")
        w.target[key] = target
        w.scenario[key] = planning.set_scenario(target, period="2025Q2", value=1000 + len(w.scenario))
        text = f"{_marker('DOC', key)}: GRDP reached 5,800 billion VND in the first quarter of 2025."
        w.doc[key] = Document.objects.create(
            title=_marker("DOC", key), language="en", area=area, period=PERIOD, text=text
        )
        start = text.index("5,800")
        w.proposal[key] = Proposal.objects.create(
            document=w.doc[key],
            kind="fact",
            indicator="grdp",
            area_code=area.code,
            period="2025Q2",
            measure="level",
            value=5800,
            unit="billion VND",
            span_start=start,
            span_end=start + 5,
            evidence="5,800",
        )
        w.task_proposal[key] = Proposal.objects.create(
            document=w.doc[key],
            kind="directive",
            area_code=area.code,
            period="2025Q2",
            text=_marker("TASK", key),
            span_start=0,
            span_end=3,
            evidence=text[:3],
        )
        province = area if area.level == "province" else area.parent
        w.directive[key] = tracking.create_directive(
            text=_marker("DIR", key),
            language="en",
            area=province,
            lead_unit=w.unit[key],
            period="2025Q2",
            deadline=date(2030, 6, 30),
            issued_on=date(2025, 4, 1),
            target=w.target[key],
        )
        w.assignment[key] = w.directive[key].assignments.get()
        w.report[key] = tracking.report_progress(
            w.assignment[key],
            percent=10,
            text="started",
            on=date(2025, 4, 2),
            revision=w.assignment[key].revision,
            evidence=SimpleUploadedFile("proof.txt", b"evidence"),
        )
        w.rec[key] = Recommendation.objects.create(
            area=area, organisation=w.unit[key], period=PERIOD, topic=_marker("REC", key), text="please"
        )
        w.difficulty[key] = Difficulty.objects.create(
            area=area, period=PERIOD, text=_marker("DIFF", key), language="en"
        )
        w.conclusion[key] = Conclusion.objects.create(
            area=area, period=PERIOD, text=_marker("CONC", key), language="en"
        )
    # An administrator links Bac Ninh's directive to Ha Noi's target: Bac Ninh's readers must
    # not see Ha Noi's figures through it (the leak through the directive page).
    w.directive["P"].target = w.target["Q"]
    w.directive["P"].save(source="matrix")
    w.users = {u.username: u for u in User.objects.filter(username__in=ROLES)}
    w.tokens = {name: create_token(user, "matrix") for name, user in w.users.items()}
    # Background jobs are their owner's: Bac Ninh's import check is the planner's, the others
    # the administrator's; each shows the area's rows (its observation's value as a marker).
    from marsad.jobs.models import Job

    for key, area in w.areas.items():
        w.job[key] = Job.objects.create(
            kind="observations.check",
            owner=w.users["planner" if key == "P" else "admin"],
            status=Job.Status.DONE,
            params={"token": str(uuid.uuid4()), "lang": "en"},
            result={
                "file": "rows.csv",
                "rows": 1,
                "preview": [[2, {"area": area.code, "indicator": "grdp", "value": str(OBS_VALUE[key])}]],
            },
        )
    return w


def _job_file(w, key) -> None:
    """The check job's uploaded file, (re)written before each cell (an import removes it)."""
    from marsad.jobs import files

    folder = files.root() / w.job[key].params["token"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rows.csv").write_bytes(_csv(w.areas[key].code))


# -- what belongs to an area (a write outside the scope must leave it as it was) ---------------
def fingerprint(w: World, key: str):
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    from marsad.areas.models import Area
    from marsad.audit.models import ChangeRecord
    from marsad.directives.models import (
        Answer,
        Assignment,
        Difficulty,
        Directive,
        Inspection,
        ProgressReport,
        Recommendation,
    )
    from marsad.documents.models import Document, Proposal
    from marsad.observations.models import Approval, Observation
    from marsad.reports.models import Conclusion, ReportSettings
    from marsad.targets.models import Scenario, Target

    area = w.areas[key]
    # An area's data includes the closed provinces merged into it (a Q1 2025 Bac Ninh report
    # is read for the old Bac Ninh, VN-OLD-27, which the new VN-24 took over).
    here = list(Area.objects.filter(Q(pk=area.pk) | Q(successor=area)))
    return (
        list(
            Observation.objects.filter(area__in=here)
            .order_by("pk")
            .values_list("pk", "value", "status", "unit", "revision")
        ),
        list(
            Target.all_objects.filter(area__in=here)
            .order_by("pk")
            .values_list("pk", "value", "note", "revision", "retired_on")
        ),
        list(
            Scenario.objects.filter(target__area__in=here).order_by("pk").values_list("pk", "period", "value")
        ),
        list(Approval.objects.filter(area__in=here).order_by("pk").values_list("pk", "unlocked_at")),
        list(Document.objects.filter(area__in=here).order_by("pk").values_list("pk", "title")),
        list(
            Proposal.objects.filter(Q(area_code=area.code) | Q(area_code="", document__area__in=here))
            .order_by("pk")
            .values_list("pk", "decision", "area_code", "value", "translations")
        ),
        list(
            Directive.objects.filter(area__in=here)
            .order_by("pk")
            .values_list("pk", "text", "text_ar", "text_vi", "text_en", "closed_on")
        ),
        list(
            Assignment.objects.filter(organisation__area=area)
            .order_by("pk")
            .values_list("pk", "percent_done", "status", "completed_on")
        ),
        ProgressReport.objects.filter(assignment__organisation__area=area).count(),
        Inspection.objects.filter(assignment__organisation__area=area).count(),
        list(
            Recommendation.objects.filter(area__in=here)
            .order_by("pk")
            .values_list("pk", "text", "text_ar", "text_vi", "text_en")
        ),
        Answer.objects.filter(recommendation__area__in=here).count(),
        list(
            Difficulty.objects.filter(area__in=here)
            .order_by("pk")
            .values_list("pk", "text", "text_ar", "text_vi", "text_en", "cause")
        ),
        list(
            Conclusion.objects.filter(area__in=here)
            .order_by("pk")
            .values_list("pk", "text", "text_ar", "text_vi", "text_en")
        ),
        list(ReportSettings.objects.filter(area__in=here).values_list("pk")),
        sum(
            ChangeRecord.objects.filter(
                content_type=ContentType.objects.get_for_model(o), object_id=o.pk
            ).count()
            for o in (w.obs[key], w.target[key], w.assignment[key])
        ),
    )


# -- the routes --------------------------------------------------------------------------------
@dataclass
class Req:
    method: str
    path: str
    data: dict | None = None
    api: bool = False
    headers: dict = field(default_factory=dict)


@dataclass
class Route:
    key: str  # the URL pattern or "METHOD /api/path" it exercises
    build: object  # (world, area key) -> Req, or (world) -> Req for list routes
    write: bool = False
    per_area: bool = True
    control: bool = True  # the administrator must get 200 (reads) on it
    # A page whose area pickers offer only the user's areas: another area's code is not an error,
    # the page falls back to one of the user's own (a leak is then only a marker shown).
    picker: bool = False


def _csv(area_code: str) -> bytes:
    return f"area,indicator,period,measure,value\n{area_code},grdp,2025Q3,level,1234\n".encode()


def _picked(w, key) -> str:
    """The area pickers' query: a province, or a province and one of its communes."""
    area = w.areas[key]
    if area.level == "province":
        return f"province={area.code}"
    return f"province={area.parent.code}&commune={area.code}"


def _grdp() -> int:
    from marsad.indicators.models import Indicator

    return Indicator.objects.get(code="grdp").pk


def _fresh(obj):
    """The row as stored now (its revision moves with each write; every write cell is rolled back)."""
    return type(obj)._base_manager.get(pk=obj.pk)


def _province_of(w, key):
    area = w.areas[key]
    return area if area.level == "province" else area.parent


def _a_unit_of(w, key):
    from marsad.directives.models import Organisation

    return Organisation.objects.filter(area=_province_of(w, key), code__endswith="-FIN").first()


def _directive_form(w, key):
    area = w.areas[key]
    return {
        "area": area.pk,
        "text": "new task",
        "language": "en",
        "period": "2025Q3",
        "lead_unit": w.unit[key].pk,
        "deadline": "2025-09-30",
    }


ROUTES = [
    # pages: lists
    Route("", lambda w: Req("get", "/"), per_area=False, control=False),  # a redirect to the dashboard
    Route("changes/", lambda w: Req("get", "/changes/"), per_area=False),
    Route("accounts/profile/", lambda w: Req("get", "/accounts/profile/"), per_area=False),
    Route("explorer/", lambda w: Req("get", "/explorer/?indicator=grdp&communes=1"), per_area=False),
    Route(
        "explorer/download.<str:fmt>",
        lambda w: Req("get", "/explorer/download.csv?indicator=grdp&communes=1"),
        per_area=False,
    ),
    Route("observations/import/", lambda w: Req("get", "/observations/import/"), per_area=False),
    Route("observations/entry/", lambda w: Req("get", "/observations/entry/"), per_area=False),
    Route("documents/", lambda w: Req("get", "/documents/"), per_area=False),
    Route("documents/new/", lambda w: Req("get", "/documents/new/"), per_area=False),
    Route("directives/", lambda w: Req("get", "/directives/"), per_area=False),
    Route(
        "directives/summary.json", lambda w: Req("get", "/directives/summary.json?by_unit=1"), per_area=False
    ),
    Route("directives/new/", lambda w: Req("get", "/directives/new/"), per_area=False),
    Route(
        "directives/recommendations/", lambda w: Req("get", "/directives/recommendations/"), per_area=False
    ),
    Route("reports/", lambda w: Req("get", "/reports/"), per_area=False),
    Route("directives/summary/", lambda w: Req("get", "/directives/summary/"), per_area=False),
    Route(
        "directives/summary/",
        lambda w, k: Req("get", f"/directives/summary/?area={w.areas[k].code}"),
        control=False,
    ),
    Route("targets/", lambda w: Req("get", "/targets/?year=2025"), per_area=False),
    Route("targets/overview/", lambda w: Req("get", "/targets/overview/?period=2025"), per_area=False),
    Route("observations/quality/", lambda w: Req("get", "/observations/quality/"), per_area=False),
    Route("jobs/", lambda w: Req("get", "/jobs/"), per_area=False),
    Route("GET /api/jobs", lambda w: Req("get", "/api/jobs", api=True), per_area=False),
    Route("jobs/<int:pk>/", lambda w, k: Req("get", f"/jobs/{w.job[k].pk}/")),
    Route("GET /api/jobs/{job_id}", lambda w, k: Req("get", f"/api/jobs/{w.job[k].pk}", api=True)),
    # pages: one area or object
    Route("dashboard/", lambda w, k: Req("get", f"/dashboard/?area={w.areas[k].code}")),
    Route(
        "explorer/", lambda w, k: Req("get", f"/explorer/?indicator=grdp&communes=1&area={w.areas[k].code}")
    ),
    Route(
        "explorer/download.<str:fmt>",
        lambda w, k: Req("get", f"/explorer/download.xlsx?indicator=grdp&communes=1&area={w.areas[k].code}"),
    ),
    Route("changes/observation/<int:pk>/", lambda w, k: Req("get", f"/changes/observation/{w.obs[k].pk}/")),
    Route(
        "observations/entry/",
        lambda w, k: Req("get", f"/observations/entry/?area={w.areas[k].code}&period={PERIOD}"),
        control=False,
    ),
    Route("documents/<int:pk>/", lambda w, k: Req("get", f"/documents/{w.doc[k].pk}/")),
    Route("directives/", lambda w, k: Req("get", f"/directives/?area={w.areas[k].code}"), control=False),
    Route(
        "directives/summary.json",
        lambda w, k: Req("get", f"/directives/summary.json?by_unit=1&area={w.areas[k].code}"),
        control=False,
    ),
    Route("directives/<int:pk>/", lambda w, k: Req("get", f"/directives/{w.directive[k].pk}/")),
    Route(
        "directives/assignments/<int:pk>/",
        lambda w, k: Req("get", f"/directives/assignments/{w.assignment[k].pk}/"),
    ),
    Route(
        "directives/assignments/<int:pk>/evidence/<int:report_id>/",
        lambda w, k: Req("get", f"/directives/assignments/{w.assignment[k].pk}/evidence/{w.report[k].pk}/"),
    ),
    Route(
        "reports/<str:code>/<str:period>/", lambda w, k: Req("get", f"/reports/{w.areas[k].code}/{PERIOD}/")
    ),
    Route(
        "reports/<str:code>/<str:period>/report.<str:fmt>",
        lambda w, k: Req("get", f"/reports/{w.areas[k].code}/{PERIOD}/report.html"),
    ),
    Route("reports/settings/<str:code>/", lambda w, k: Req("get", f"/reports/settings/{w.areas[k].code}/")),
    Route(
        "reports/translate/<str:kind>/<int:pk>/",
        lambda w, k: Req("get", f"/reports/translate/difficulty/{w.difficulty[k].pk}/"),
    ),
    Route("targets/", lambda w, k: Req("get", f"/targets/?{_picked(w, k)}&year=2025"), picker=True),
    Route(
        "targets/overview/",
        lambda w, k: Req("get", f"/targets/overview/?{_picked(w, k)}&period=2025"),
        picker=True,
    ),
    Route("targets/new/", lambda w, k: Req("get", f"/targets/new/?area={w.areas[k].code}"), control=False),
    Route("targets/<int:pk>/", lambda w, k: Req("get", f"/targets/{w.target[k].pk}/")),
    Route(
        "observations/quality/",
        lambda w, k: Req("get", f"/observations/quality/?area={w.areas[k].code}&period={PERIOD}"),
    ),
    Route(
        "observations/template.xlsx",
        lambda w, k: Req("get", f"/observations/template.xlsx?area={w.areas[k].code}&period={PERIOD}"),
    ),
    Route(
        "observations/sdmx/data.csv",
        lambda w, k: Req("get", f"/observations/sdmx/data.csv?area={w.areas[k].code}"),
    ),
    # pages: writes
    Route(
        "targets/new/",
        lambda w, k: Req(
            "post",
            f"/targets/new/?area={w.areas[k].code}",
            {"indicator": _grdp(), "year": "2026", "measure": "level", "qualifier": "at_least", "value": "5"},
        ),
        write=True,
    ),
    Route(
        "targets/<int:pk>/",
        lambda w, k: Req(
            "post",
            f"/targets/{w.target[k].pk}/",
            {
                "indicator": _grdp(),
                "year": "2025",
                "measure": "level",
                "qualifier": "at_least",
                "value": "7",
                "revision": str(_fresh(w.target[k]).revision),
            },
        ),
        write=True,
    ),
    Route(
        "targets/<int:pk>/retire/",
        lambda w, k: Req(
            "post",
            f"/targets/{w.target[k].pk}/retire/",
            {"reason": "replaced", "revision": str(_fresh(w.target[k]).revision)},
        ),
        write=True,
    ),
    Route(
        "targets/<int:pk>/scenarios/",
        lambda w, k: Req("post", f"/targets/{w.target[k].pk}/scenarios/", {"period": "2025Q3", "value": "9"}),
        write=True,
    ),
    Route(
        "targets/<int:pk>/scenarios/<int:scenario_id>/remove/",
        lambda w, k: Req("post", f"/targets/{w.target[k].pk}/scenarios/{w.scenario[k].pk}/remove/"),
        write=True,
    ),
    Route(
        "observations/quality/",
        lambda w, k: Req(
            "post", "/observations/quality/", {"area": w.areas[k].code, "period": PERIOD, "action": "approve"}
        ),
        write=True,
        control=False,  # approving is an approver's, not a planner's
    ),
    Route(
        "observations/entry/",
        lambda w, k: Req(
            "post",
            "/observations/entry/",
            {"area": w.areas[k].code, "period": "2025Q3", "status": "official", "v__grdp__level": "99"},
        ),
        write=True,
    ),
    Route(
        "observations/import/",
        lambda w, k: Req(
            "post",
            "/observations/import/",
            {"file": ("rows.csv", _csv(w.areas[k].code))},
        ),
        write=True,
    ),
    Route(
        "documents/new/",
        lambda w, k: Req(
            "post",
            "/documents/new/",
            {
                "text": f"{w.areas[k].name_en}: GRDP of the first quarter of 2025 grew 7.1%.",
                "lang": "en",
                "area": w.areas[k].name_en,
                "title": "upload",
            },
        ),
        write=True,
    ),
    Route(
        "jobs/<int:pk>/confirm/",
        lambda w, k: _job_file(w, k) or Req("post", f"/jobs/{w.job[k].pk}/confirm/", {}),
        write=True,
    ),
    Route(
        "documents/proposals/<int:pk>/decide/",
        lambda w, k: Req("post", f"/documents/proposals/{w.proposal[k].pk}/decide/", {"action": "accept"}),
        write=True,
    ),
    Route(
        "documents/proposals/<int:pk>/decide/",
        lambda w, k: Req("post", f"/documents/proposals/{w.proposal[k].pk}/decide/", {"action": "reject"}),
        write=True,
    ),
    Route(  # correcting an own figure's area INTO the area of the cell
        "documents/proposals/<int:pk>/decide/",
        lambda w, k, own=None: Req(
            "post",
            f"/documents/proposals/{w.proposal[own].pk}/decide/",
            {"action": "correct", "area_code": w.areas[k].code},
        ),
        write=True,
    ),
    Route("directives/new/", lambda w, k: Req("post", "/directives/new/", _directive_form(w, k)), write=True),
    Route(
        "directives/<int:pk>/delegate/",
        lambda w, k: Req(
            "post",
            f"/directives/{w.directive[k].pk}/delegate/",
            {"province": _province_of(w, k).pk},
        ),
        write=True,
        control=False,  # adds commune assignments: in the communes, not in the province's own rows
    ),
    Route(  # delegating an own directive INTO the area of the cell
        "directives/<int:pk>/delegate/",
        lambda w, k, own=None: Req(
            "post",
            f"/directives/{w.directive[own].pk}/delegate/",
            {"province": _province_of(w, k).pk},
        ),
        write=True,
        control=False,  # adds commune assignments: in the communes, not in the province's own rows
    ),
    Route(
        "directives/assignments/<int:pk>/",
        lambda w, k: Req(
            "post",
            f"/directives/assignments/{w.assignment[k].pk}/",
            {"percent": "50", "text": "half way", "date": "2025-05-02", "revision": 2},
        ),
        write=True,
        control=False,  # the planner is not the assigned unit (Decision 42): only the unit reports
    ),
    Route(
        "directives/assignments/<int:pk>/",
        lambda w, k: Req(
            "post",
            f"/directives/assignments/{w.assignment[k].pk}/",
            {"action": "inspect", "finding": "seen", "date": "2025-05-02", "result": "satisfactory"},
        ),
        write=True,
    ),
    Route(
        "directives/documents/<int:document_id>/load/",
        lambda w, k: Req("post", f"/directives/documents/{w.doc[k].pk}/load/"),
        write=True,
        control=False,  # the documents hold no directives to load
    ),
    Route(
        "directives/recommendations/",
        lambda w: Req("post", "/directives/recommendations/", {"topic": "t", "text": "x", "period": PERIOD}),
        write=True,
        per_area=False,
    ),
    Route(
        "directives/<int:pk>/cooperating/",
        lambda w, k: Req(
            "post",
            f"/directives/{w.directive[k].pk}/cooperating/",
            {"organisation": _a_unit_of(w, k).pk, "task": "help"},
        ),
        write=True,
        control=False,  # the new assignment belongs to a unit of the province, not of the cell's area
    ),
    Route(
        "directives/<int:pk>/lead/",
        lambda w, k: Req(
            "post", f"/directives/{w.directive[k].pk}/lead/", {"lead_unit": _a_unit_of(w, k).pk}
        ),
        write=True,
        control=False,  # every fixture directive has its lead already: refused for everyone
    ),
    Route(
        "directives/recommendations/<int:pk>/answer/",
        lambda w, k: Req("post", f"/directives/recommendations/{w.rec[k].pk}/answer/", {"answer": "yes"}),
        write=True,
    ),
    Route(
        "reports/settings/<str:code>/",
        lambda w, k: Req(
            "post",
            f"/reports/settings/{w.areas[k].code}/",
            {"symbol": "S", "issuing_body_vi": "x", "issuing_body_ar": "x", "issuing_body_en": "x"},
        ),
        write=True,
    ),
    Route(
        "reports/translate/<str:kind>/<int:pk>/",
        lambda w, k: Req(
            "post",
            f"/reports/translate/difficulty/{w.difficulty[k].pk}/",
            {"text_ar": "ترجمة", "text_vi": "dịch"},
        ),
        write=True,
    ),
    Route(
        "reports/<str:code>/<str:period>/conclusions/",
        lambda w, k: Req(
            "post", f"/reports/{w.areas[k].code}/{PERIOD}/conclusions/", {"text": "x", "language": "en"}
        ),
        write=True,
    ),
    Route(
        "reports/cause/<int:pk>/",
        lambda w, k: Req("post", f"/reports/cause/{w.difficulty[k].pk}/", {"cause": "x"}),
        write=True,
    ),
    Route(
        "documents/proposals/<int:pk>/translate/",
        lambda w, k: Req(
            "post", f"/documents/proposals/{w.task_proposal[k].pk}/translate/", {"text_vi": "dịch"}
        ),
        write=True,
    ),
    Route(
        "accounts/profile/",
        lambda w: Req("post", "/accounts/profile/", {"language": "en"}),
        write=True,
        per_area=False,
    ),
    # API: lists
    Route("GET /api/me", lambda w: Req("get", "/api/me", api=True), per_area=False),
    Route("GET /api/areas", lambda w: Req("get", "/api/areas?limit=1000", api=True), per_area=False),
    Route("GET /api/indicators", lambda w: Req("get", "/api/indicators", api=True), per_area=False),
    Route(
        "GET /api/observations",
        lambda w: Req("get", "/api/observations?limit=1000", api=True),
        per_area=False,
    ),
    Route("GET /api/targets", lambda w: Req("get", "/api/targets?limit=1000", api=True), per_area=False),
    Route("GET /api/documents", lambda w: Req("get", "/api/documents?limit=1000", api=True), per_area=False),
    Route(
        "GET /api/directives", lambda w: Req("get", "/api/directives?limit=1000", api=True), per_area=False
    ),
    Route(
        "GET /api/directives/summary",
        lambda w: Req("get", "/api/directives/summary?by_unit=true", api=True),
        per_area=False,
    ),
    Route(
        "GET /api/assignments", lambda w: Req("get", "/api/assignments?limit=1000", api=True), per_area=False
    ),
    Route(
        "GET /api/indicators/{code}", lambda w: Req("get", "/api/indicators/grdp", api=True), per_area=False
    ),
    Route(
        "POST /api/documents/extract",
        lambda w: Req(
            "post", "/api/documents/extract", {"text": "GRDP grew 7.1% in 2025.", "lang": "en"}, api=True
        ),
        per_area=False,
    ),
    # API: one area or object
    Route("GET /api/areas/{code}", lambda w, k: Req("get", f"/api/areas/{w.areas[k].code}", api=True)),
    Route(
        "GET /api/observations",
        lambda w, k: Req("get", f"/api/observations?area={w.areas[k].code}&subtree=true", api=True),
    ),
    Route(
        "GET /api/observations/{obs_id}",
        lambda w, k: Req("get", f"/api/observations/{w.obs[k].pk}", api=True),
    ),
    Route(
        "GET /api/observations/{obs_id}/history",
        lambda w, k: Req("get", f"/api/observations/{w.obs[k].pk}/history", api=True),
    ),
    Route("GET /api/targets", lambda w, k: Req("get", f"/api/targets?area={w.areas[k].code}", api=True)),
    Route(
        "GET /api/target-overview",
        lambda w, k: Req("get", f"/api/target-overview?area={w.areas[k].code}&period=2025", api=True),
    ),
    Route(
        "GET /api/analytics/figures",
        lambda w, k: Req("get", f"/api/analytics/figures?area={w.areas[k].code}&period={PERIOD}", api=True),
    ),
    Route(
        "GET /api/analytics/derived",
        lambda w, k: Req("get", f"/api/analytics/derived?area={w.areas[k].code}&period={PERIOD}", api=True),
    ),
    Route("GET /api/documents/{doc_id}", lambda w, k: Req("get", f"/api/documents/{w.doc[k].pk}", api=True)),
    Route(
        "GET /api/documents/{doc_id}/proposals",
        lambda w, k: Req("get", f"/api/documents/{w.doc[k].pk}/proposals", api=True),
    ),
    Route(
        "GET /api/directives",
        lambda w, k: Req("get", f"/api/directives?area={w.areas[k].code}", api=True),
        control=False,
    ),
    Route(
        "GET /api/directives/summary",
        lambda w, k: Req("get", f"/api/directives/summary?area={w.areas[k].code}", api=True),
        control=False,
    ),
    Route(
        "GET /api/assignments",
        lambda w, k: Req("get", f"/api/assignments?area={w.areas[k].code}", api=True),
        control=False,
    ),
    Route(
        "GET /api/recommendations/{recommendation_id}/answers",
        lambda w, k: Req("get", f"/api/recommendations/{w.rec[k].pk}/answers", api=True),
    ),
    # API: writes
    Route(
        "POST /api/observations",
        lambda w, k: Req(
            "post",
            "/api/observations",
            {"area": w.areas[k].code, "indicator": "grdp", "period": "2025Q3", "value": 5},
            api=True,
        ),
        write=True,
    ),
    Route(
        "PUT /api/observations/{obs_id}",
        lambda w, k: Req(
            "put",
            f"/api/observations/{w.obs[k].pk}",
            {"value": 6, "revision": _fresh(w.obs[k]).revision},
            api=True,
        ),
        write=True,
    ),
    Route(
        "PATCH /api/observations/{obs_id}",
        lambda w, k: Req(
            "patch",
            f"/api/observations/{w.obs[k].pk}",
            {"value": 7, "revision": _fresh(w.obs[k]).revision},
            api=True,
        ),
        write=True,
    ),
    Route(
        "DELETE /api/observations/{obs_id}",
        lambda w, k: Req(
            "delete",
            f"/api/observations/{w.obs[k].pk}",
            api=True,
            headers={"If-Match": f'"{_fresh(w.obs[k]).revision}"'},
        ),
        write=True,
    ),
    Route(
        "POST /api/targets",
        lambda w, k: Req(
            "post",
            "/api/targets",
            {"area": w.areas[k].code, "indicator": "grdp", "year": 2026, "measure": "level", "value": 5},
            api=True,
        ),
        write=True,
    ),
    Route(
        "PATCH /api/targets/{target_id}",
        lambda w, k: Req(
            "patch",
            f"/api/targets/{w.target[k].pk}",
            {"revision": _fresh(w.target[k]).revision, "value": 8},
            api=True,
        ),
        write=True,
    ),
    Route(
        "POST /api/targets/{target_id}/retire",
        lambda w, k: Req(
            "post",
            f"/api/targets/{w.target[k].pk}/retire",
            {"revision": _fresh(w.target[k]).revision, "reason": "replaced"},
            api=True,
        ),
        write=True,
    ),
    Route(
        "PUT /api/targets/{target_id}/scenarios/{period}",
        lambda w, k: Req("put", f"/api/targets/{w.target[k].pk}/scenarios/2025Q3", {"value": 4}, api=True),
        write=True,
    ),
    Route(
        "POST /api/documents",
        lambda w, k: Req(
            "post",
            "/api/documents",
            {
                "text": f"{w.areas[k].name_en}: GRDP of 2025 grew 7.2%.",
                "lang": "en",
                "area": w.areas[k].name_en,
            },
            api=True,
        ),
        write=True,
    ),
    Route(
        "POST /api/proposals/{proposal_id}/accept",
        lambda w, k: Req("post", f"/api/proposals/{w.proposal[k].pk}/accept", {}, api=True),
        write=True,
    ),
    Route(  # correcting an own figure's area INTO the area of the cell
        "POST /api/proposals/{proposal_id}/accept",
        lambda w, k, own=None: Req(
            "post", f"/api/proposals/{w.proposal[own].pk}/accept", {"area_code": w.areas[k].code}, api=True
        ),
        write=True,
    ),
    Route(
        "POST /api/proposals/{proposal_id}/reject",
        lambda w, k: Req("post", f"/api/proposals/{w.proposal[k].pk}/reject", {}, api=True),
        write=True,
    ),
    Route(
        "POST /api/assignments/{assignment_id}/progress",
        lambda w, k: Req(
            "post",
            f"/api/assignments/{w.assignment[k].pk}/progress",
            {"percent": 60, "text": "more", "revision": 2, "date": "2025-05-02"},
            api=True,
        ),
        write=True,
        control=False,  # the planner is not the assigned unit (Decision 42): only the unit reports
    ),
    Route(
        "POST /api/directives",
        lambda w, k: Req(
            "post",
            "/api/directives",
            {
                "area": _province_of(w, k).code,
                "text": "new task",
                "period": "2025Q3",
                "issued_on": "2025-07-01",
                "lead_unit": w.unit[k].code,
            },
            api=True,
        ),
        write=True,
    ),
    Route(
        "POST /api/directives/{directive_id}/delegate",
        lambda w, k: Req(
            "post",
            f"/api/directives/{w.directive[k].pk}/delegate",
            {"province": _province_of(w, k).code},
            api=True,
        ),
        write=True,
        control=False,  # adds commune assignments: in the communes, not in the province's own rows
    ),
    Route(
        "POST /api/assignments/{assignment_id}/inspections",
        lambda w, k: Req(
            "post",
            f"/api/assignments/{w.assignment[k].pk}/inspections",
            {"finding": "seen", "date": "2025-05-02"},
            api=True,
        ),
        write=True,
    ),
    Route(
        "POST /api/recommendations/{recommendation_id}/answers",
        lambda w, k: Req("post", f"/api/recommendations/{w.rec[k].pk}/answers", {"text": "yes"}, api=True),
        write=True,
    ),
]

# Routes with nothing to scope: sign in/out, language switch, fonts, the API's own documents.
UNSCOPED = {
    "observations/sdmx/structure.xml",  # the data structure definition: codes, no data
    "accounts/login/",
    "accounts/logout/",
    # API tokens are their owner's, not an area's (only the owner may revoke one):
    # tests/accounts/test_auth_hardening.py
    "accounts/tokens/<int:pk>/revoke/",
    "i18n/setlang/",
    "fonts/marsad-fonts.css",
    "fonts/<str:name>",
    "api/openapi.json",
    "api/docs",
    "api/",
}


# -- sending and reading -------------------------------------------------------------------------
_EASTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_GROUP = re.compile(r"(?<=\d)[,.\u066b\u066c\u00a0\u202f' ](?=\d)")


def body_text(response) -> str:
    """What a reader of the answer sees, digits normalised (Eastern digits, group separators)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":  # an XLSX: its shared strings and sheets
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            content = b" ".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
    text = content.decode("utf-8", "replace").translate(_EASTERN)
    return _GROUP.sub("", text)


def send(client, w: World, role: str, req: Req):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.logout()
    headers = dict(req.headers)
    if req.api:
        if role != "anonymous":
            headers["Authorization"] = f"Bearer {w.tokens[role]}"
    elif role != "anonymous":
        client.force_login(w.users[role])
    if req.method == "get":
        return client.get(req.path, headers=headers)
    if req.api:
        method = getattr(client, req.method)
        return method(req.path, req.data or {}, content_type="application/json", headers=headers)
    data = {
        k: SimpleUploadedFile(v[0], v[1]) if isinstance(v, tuple) else v for k, v in (req.data or {}).items()
    }
    return client.post(req.path, data, headers=headers)


@dataclass
class Tally:
    initial: dict = field(default_factory=dict)
    cells: int = 0
    writes: int = 0
    leaks: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # 5xx answers
    controls: int = 0
    failed_controls: list = field(default_factory=list)


def _takes_own(route) -> bool:
    return "own" in route.build.__code__.co_varnames


def _own_area(role: str) -> str:
    return {"commune": "C1", "anonymous": "P"}.get(role, "P")


def run_matrix(client, w: World) -> Tally:
    tally = Tally(initial={k: fingerprint(w, k) for k in AREAS})
    for route in ROUTES:
        for role in ROLES:
            keys = AREAS if route.per_area else (None,)
            for key in keys:
                if route.per_area and _takes_own(route):
                    req = route.build(w, key, own=_own_area(role))
                elif route.per_area:
                    req = route.build(w, key)
                else:
                    req = route.build(w)
                label = f"{role} {req.method.upper()} {req.path} [{key or 'list'}]"
                out_keys = [k for k in AREAS if k not in SCOPE[role]]
                tally.cells += 1
                if route.write:
                    tally.writes += 1
                    _write_cell(client, w, role, req, key, out_keys, label, tally, route)
                else:
                    _read_cell(client, w, role, req, key, out_keys, label, tally, route)
    return tally


def _read_cell(client, w, role, req, key, out_keys, label, tally, route):
    response = send(client, w, role, req)
    status = response.status_code
    if status >= 500:
        tally.errors.append(f"{label}: {status}")
        return
    text = body_text(response)
    if key is not None and key in out_keys and 200 <= status < 300 and not route.picker:
        tally.leaks.append(f"{label}: answered {status} outside the scope")
    shown = [m for k in out_keys for m in w.markers(k) if m in text]
    if shown:
        tally.leaks.append(f"{label}: shows {shown}")
    if role == "admin" and route.control:
        tally.controls += 1
        if status != 200:
            tally.failed_controls.append(f"{label}: {status}")


def _run_jobs(client, response) -> None:
    """Run the background jobs a write queued, as the worker would; a finished import check is
    confirmed by the same user (upload then "Import all rows"), and its import run too."""
    from marsad.jobs import worker
    from marsad.jobs.models import Job

    worker.run_pending()
    location = response.headers.get("Location", "")
    match = re.match(r"^/jobs/(\d+)/$", location)
    if match is None:
        return
    job = Job.objects.get(pk=int(match.group(1)))
    if job.kind == "observations.check" and job.status == Job.Status.DONE:
        client.post(f"/jobs/{job.pk}/confirm/")
        worker.run_pending()


def _write_cell(client, w, role, req, key, out_keys, label, tally, route):
    watched = list(AREAS)
    before = tally.initial  # every write cell is rolled back: each starts from the same state
    with transaction.atomic():
        response = send(client, w, role, req)
        _run_jobs(client, response)
        after = {k: fingerprint(w, k) for k in watched}
        transaction.set_rollback(True)
    if response.status_code >= 500:
        tally.errors.append(f"{label}: {response.status_code}")
    changed = [k for k in watched if before[k] != after[k]]
    leaked = [k for k in changed if k in out_keys]
    if leaked:
        tally.leaks.append(f"{label}: changed {leaked} (answered {response.status_code})")
    if role == "planner" and key == "P" and route.control and not _takes_own(route):
        tally.controls += 1
        if not set(changed) & SCOPE["planner"]:
            tally.failed_controls.append(f"{label}: wrote nothing in scope ({response.status_code})")


def test_scope_matrix(client, world, capsys):
    tally = run_matrix(client, world)
    with capsys.disabled():
        print(
            f"\nscope matrix: {tally.cells} cells ({tally.cells - tally.writes} reads, {tally.writes} writes), "
            f"{len(tally.leaks)} leaks, {len(tally.errors)} server errors, "
            f"{tally.controls} controls ({len(tally.failed_controls)} failed)"
        )
    assert tally.leaks == [], "\n".join(tally.leaks)
    assert tally.failed_controls == [], "\n".join(tally.failed_controls)
    assert tally.errors == [], "\n".join(tally.errors)
    assert tally.failed_controls == [], "\n".join(tally.failed_controls)
    assert tally.cells > 1000


def test_every_route_is_in_the_matrix():
    from django.urls import URLResolver, get_resolver

    from marsad.web.api import api

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            else:
                yield prefix + str(p.pattern)

    pages = {r for r in walk(get_resolver().url_patterns) if not r.startswith(("admin/", "api/"))}
    operations = {
        f"{method.upper()} {path.rstrip('/')}"
        for path, ops in api.get_openapi_schema(path_prefix="/api/")["paths"].items()
        for method in ops
    }
    covered = {r.key for r in ROUTES} | UNSCOPED
    assert pages - covered == set(), "pages missing from the scope matrix"
    assert operations - covered == set(), "API operations missing from the scope matrix"
