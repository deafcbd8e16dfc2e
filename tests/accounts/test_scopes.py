"""The one scope mechanism (marsad.accounts.scopes): restrict() on querysets, require() on the
final object of a write, and the writes the issue found going out of scope through the pages."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from marsad.accounts import scopes
from marsad.accounts.scopes import CHANGE, VIEW

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _user(username, role, capture=(), view=(), organisation=None):
    from django.contrib.auth.models import User

    from marsad.accounts.models import Profile
    from marsad.areas.models import Area

    user = User.objects.create(username=username, is_superuser=role == "administrator")
    profile = Profile.objects.create(user=user, role=role, organisation=organisation)
    profile.capture_areas.set(Area.objects.filter(code__in=capture))
    profile.view_areas.set(Area.objects.filter(code__in=view))
    return User.objects.get(pk=user.pk)


def _figure(document, area_code, period="2025Q1", value=1, span=(0, 6)):
    from marsad.documents.models import Proposal

    start, end = span
    return Proposal.objects.create(
        document=document,
        kind="fact",
        indicator="grdp",
        area_code=area_code,
        period=period,
        measure="level",
        value=value,
        span_start=start,
        span_end=end,
        evidence=document.text[start:end],
    )


@pytest.fixture
def world(db):
    """Bac Ninh (VN-24) and Ha Noi (VN-01), a commune of each, a figure and a target in each."""
    from marsad.areas.models import Area
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation
    from marsad.targets.models import Target

    bac_ninh, ha_noi = Area.objects.get(code="VN-24"), Area.objects.get(code="VN-01")
    commune = bac_ninh.children.order_by("code").first()
    grdp = Indicator.objects.get(code="grdp")
    obs, targets = {}, {}
    for area in (bac_ninh, ha_noi, commune):
        o = Observation(area=area, indicator=grdp, period="2025Q1", value=1.0, unit="billion VND")
        o.save(source="test")
        obs[area.code] = o
    for area in (bac_ninh, ha_noi):
        t = Target(area=area, indicator=grdp, year=2025, measure="yoy_pct", value=10.0)
        t.save(source="test")
        targets[area.code] = t
    return {"bac_ninh": bac_ninh, "ha_noi": ha_noi, "commune": commune, "obs": obs, "targets": targets}


@pytest.fixture
def people(world):
    return {
        "admin": _user("admin", "administrator"),
        "planner": _user("planner", "planner", capture=["VN-24"]),
        "commune": _user("commune", "commune", capture=[world["commune"].code]),
        "viewer": _user("viewer", "viewer", view=["VN-24"]),
    }


def test_restrict_reads_follow_the_area_and_its_communes(world, people):
    from marsad.observations.models import Observation

    def codes(user, action=VIEW):
        return set(Observation.objects.restrict(user, action).values_list("area__code", flat=True))

    commune = world["commune"].code
    assert codes(people["admin"]) == {"VN-24", "VN-01", commune}
    assert codes(people["planner"]) == {"VN-24", commune}
    assert codes(people["planner"], CHANGE) == {"VN-24", commune}
    assert codes(people["commune"]) == {commune}
    assert codes(people["viewer"]) == {"VN-24", commune}
    assert codes(people["viewer"], CHANGE) == set()


def test_anonymous_reaches_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    from marsad.areas.models import Area
    from marsad.observations.models import Observation

    nobody = AnonymousUser()
    assert not Observation.objects.restrict(nobody).exists()
    assert not Area.objects.restrict(nobody).exists()
    assert not scopes.permits(nobody, world["obs"]["VN-24"], VIEW)


def test_a_nation_scope_reaches_everything(world):
    from marsad.observations.models import Observation

    national = _user("national", "viewer", view=["VN"])
    assert Observation.objects.restrict(national).count() == Observation.objects.count()
    assert scopes.scope_of(national).area_ids(VIEW) is None


def test_require_checks_the_object_as_it_will_be_written(world, people):
    from marsad.observations.models import Observation

    obs = Observation.objects.get(pk=world["obs"]["VN-24"].pk)
    scopes.require(people["planner"], obs, CHANGE)
    obs.area = world["ha_noi"]  # the same row, carried into Ha Noi
    with pytest.raises(PermissionDenied):
        scopes.require(people["planner"], obs, CHANGE)
    with pytest.raises(PermissionDenied):
        scopes.require(people["viewer"], world["obs"]["VN-24"], CHANGE)
    scopes.require(people["viewer"], world["obs"]["VN-24"], VIEW)


def test_restrict_and_permits_agree_for_every_scoped_model(world, people):
    """The SQL rule and the one-object rule of each model give the same answer."""
    from marsad.areas.models import Area
    from marsad.documents.models import Document, Proposal
    from marsad.observations.models import Observation
    from marsad.targets.models import Target

    for code in ("VN-24", "VN-01"):
        doc = Document.objects.create(
            title=code, language="en", area=Area.objects.get(code=code), text=f"report of {code}"
        )
        _figure(doc, "")  # the document's area
        _figure(doc, "VN-01")
    Document.objects.create(title="unplaced", language="en", text="no area", created_by=people["planner"])
    for model in (Area, Observation, Target, Document, Proposal):
        for user in people.values():
            for action in (VIEW, CHANGE):
                listed = set(model.objects.restrict(user, action).values_list("pk", flat=True))
                one_by_one = {o.pk for o in model.objects.all() if scopes.permits(user, o, action)}
                assert listed == one_by_one, (model.__name__, user.username, action)


def test_documents_without_an_area_belong_to_who_added_them(world, people):
    from marsad.documents.models import Document

    doc = Document.objects.create(title="t", language="en", text="no area", created_by=people["planner"])
    assert scopes.permits(people["planner"], doc, VIEW)
    other = _user("planner2", "planner", capture=["VN-24"])
    assert not scopes.permits(other, doc, VIEW)
    assert not Document.objects.restrict(other).filter(pk=doc.pk).exists()


# -- the writes the issue found out of scope through the pages ------------------------------------
@pytest.fixture
def bac_ninh_report(world, people):
    from marsad.documents.models import Document

    doc = Document.objects.create(
        title="Bac Ninh Q1",
        language="en",
        area=world["bac_ninh"],
        text="GRDP rose to 5,800 billion",
        created_by=people["planner"],
    )
    return doc, _figure(doc, "VN-24", period="2025Q2", value=5800, span=(14, 19))


def test_accept_with_corrections_cannot_carry_a_figure_out_of_scope(client, world, people, bac_ninh_report):
    from marsad.documents.models import Proposal
    from marsad.observations.models import Observation

    _doc, proposal = bac_ninh_report
    client.force_login(people["planner"])
    before = Observation.objects.filter(area=world["ha_noi"]).count()
    response = client.post(
        f"/documents/proposals/{proposal.pk}/decide/", {"action": "correct", "area_code": "VN-01"}
    )
    assert response.status_code == 403
    assert Observation.objects.filter(area=world["ha_noi"]).count() == before
    proposal.refresh_from_db()
    assert proposal.decision == Proposal.Decision.PENDING
    # The same correction inside the scope is taken.
    commune = world["commune"].code
    response = client.post(
        f"/documents/proposals/{proposal.pk}/decide/", {"action": "correct", "area_code": commune}
    )
    assert response.status_code == 302
    assert Observation.objects.filter(area__code=commune, period="2025Q2").exists()


def test_accept_with_corrections_through_the_api_is_refused_the_same_way(world, people, bac_ninh_report):
    from django.test import Client

    from marsad.accounts.tokens import create_token
    from marsad.observations.models import Observation

    _doc, proposal = bac_ninh_report
    key = create_token(people["planner"], "t")
    response = Client().post(
        f"/api/proposals/{proposal.pk}/accept",
        {"area_code": "VN-01"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 403 and response.json()["detail"]
    assert not Observation.objects.filter(area=world["ha_noi"], period="2025Q2").exists()


def test_a_document_cannot_be_stored_for_an_area_outside_the_scope(client, world, people, run_jobs):
    from marsad.documents.models import Document

    client.force_login(people["planner"])
    text = "Ha Noi: in the first quarter of 2025 GRDP grew 7.5% on the same period of 2024."
    started = client.post("/documents/new/", {"text": text, "lang": "en", "area": "Ha Noi", "title": "x"})
    assert started.status_code == 302 and run_jobs() == 1
    response = client.get(started.url)  # the reading's job page
    assert response.status_code == 403
    assert "Ha Noi" in response.content.decode() or "هانوي" in response.content.decode()
    assert not Document.objects.filter(title="x").exists()


def test_the_directive_form_offers_only_documents_and_targets_in_scope(client, world, people):
    from marsad.documents.models import Document

    Document.objects.create(title="HANOI-ONLY-RESOLUTION", language="en", area=world["ha_noi"], text="r")
    Document.objects.create(title="BACNINH-RESOLUTION", language="en", area=world["bac_ninh"], text="s")
    client.force_login(people["planner"])
    page = client.get("/directives/new/").content.decode()
    assert "BACNINH-RESOLUTION" in page and "HANOI-ONLY-RESOLUTION" not in page
    import re

    select = re.search(r'<select name="target".*?</select>', page, re.S).group(0)
    offered = {int(v) for v in re.findall(r'value="(\d+)"', select)}
    assert offered == {world["targets"]["VN-24"].pk}


def test_a_directive_cannot_be_linked_to_a_target_outside_the_scope(client, world, people):
    from marsad.directives.models import Directive, Organisation
    from marsad.directives.organisations import units_for_province

    Organisation.objects.bulk_create(units_for_province(world["bac_ninh"]))
    lead = Organisation.objects.filter(area=world["bac_ninh"]).first()
    client.force_login(people["planner"])
    form = {
        "area": world["bac_ninh"].pk,
        "text": "raise GRDP",
        "language": "en",
        "period": "2025Q3",
        "lead_unit": lead.pk,
        "deadline": "2025-09-30",
    }
    refused = client.post("/directives/new/", {**form, "target": world["targets"]["VN-01"].pk})
    assert refused.status_code == 400 and not Directive.objects.exists()
    taken = client.post("/directives/new/", {**form, "target": world["targets"]["VN-24"].pk})
    assert taken.status_code == 302 and Directive.objects.get().target == world["targets"]["VN-24"]
