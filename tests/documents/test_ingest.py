"""Reading a report into the review queue and deciding on each item."""

from decimal import Decimal
from pathlib import Path

import pytest

from marsad.documents.ingest import ReviewError, accept, accept_all, ingest_text, reject
from marsad.documents.models import Document, Proposal
from marsad.observations.models import Observation
from marsad.targets.models import Target

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
pytestmark = pytest.mark.django_db


@pytest.fixture
def seed000():
    text = (SEEDS / "000_94520d198d9ed722.txt").read_text(encoding="utf-8")
    return ingest_text(text, title="seed 000", lang="ar", area="Ninh Thuan", year=2024)


def fact(document, indicator, measure):
    return document.proposals.get(kind=Proposal.Kind.FACT, indicator=indicator, measure=measure)


def test_ingest_stores_the_document_and_its_proposals(seed000):
    doc = seed000.document
    assert seed000.created
    assert (doc.language, doc.area.code, doc.period) == ("ar", "VN-OLD-58", "2024Q1")
    kinds = set(doc.proposals.values_list("kind", flat=True))
    assert {"fact", "target", "directive"} <= kinds
    for p in doc.proposals.all():
        assert doc.text[p.span_start : p.span_end] == p.evidence
    assert all(p.decision == "pending" for p in doc.proposals.all())


def test_the_same_text_twice_is_one_document(seed000):
    again = ingest_text(seed000.document.text, lang="ar", area="Ninh Thuan", year=2024)
    assert not again.created
    assert again.document == seed000.document
    assert Document.objects.count() == 1


def test_accepting_a_fact_creates_an_observation_with_the_span_as_provenance(seed000, django_user_model):
    from marsad.accounts.models import Profile
    from marsad.areas.models import Area

    user = django_user_model.objects.create_user("analyst", password="a-long-password")
    # Khanh Hoa's scope covers Ninh Thuan, merged into it in 2025.
    Profile.objects.create(user=user, role="planner").capture_areas.set([Area.objects.get(code="VN-56")])
    p = fact(seed000.document, "grdp", "level")
    obs = accept(p, user)
    assert (obs.area.code, obs.indicator.code, obs.period, obs.value, obs.qualifier) == (
        "VN-OLD-58",
        "grdp",
        "2024Q1",
        5800,
        "more_than",
    )
    assert obs.source == Observation.Source.DOCUMENT and obs.document == seed000.document
    assert seed000.document.text[obs.span_start : obs.span_end] == p.evidence
    assert "5,800" in p.evidence
    p.refresh_from_db()
    assert (p.decision, p.decided_by, p.observation) == ("accepted", user, obs)
    record = obs.history().get()
    assert record.user == user and record.source.startswith(f"document {seed000.document.pk} [")


def test_an_estimate_is_stored_with_the_estimate_status(seed000):
    obs = accept(fact(seed000.document, "budget_revenue", "level"))
    assert (obs.value, obs.status) == (1207, "estimate")


def test_a_correction_is_applied_and_marked(seed000):
    p = fact(seed000.document, "grdp", "yoy_pct")
    obs = accept(p, corrections={"value": 8.3})
    assert obs.value == Decimal("8.3")
    p.refresh_from_db()
    assert p.decision == "corrected"


def test_rejecting_keeps_the_decision_and_writes_nothing(seed000):
    p = fact(seed000.document, "va_services", "level")
    reject(p)
    p.refresh_from_db()
    assert p.decision == "rejected"
    assert not Observation.objects.exists()
    with pytest.raises(ReviewError, match="already"):
        accept(p)


def test_accepting_a_target(seed000):
    p = seed000.document.proposals.get(kind=Proposal.Kind.TARGET, indicator="communes_with_digital_product")
    target = accept(p)
    assert (target.area.code, target.year, target.measure, target.value) == (
        "VN-OLD-58",
        2024,
        "share_pct",
        100,
    )
    assert Target.objects.count() == 1


def test_a_fact_without_a_known_area_cannot_be_accepted_until_corrected():
    text = "In Q1 2024, GRDP grew by 6.5% over the same period last year."
    result = ingest_text(text, lang="en", year=2024)
    p = result.document.proposals.get(kind="fact", indicator="grdp")
    with pytest.raises(ReviewError, match="area"):
        accept(p)
    obs = accept(p, corrections={"area_code": "VN-24"})
    assert (obs.area.code, obs.measure, obs.value) == ("VN-24", "yoy_pct", 6.5)


def test_accept_all_accepts_what_it_can(seed000):
    counts = accept_all(seed000.document)
    assert counts["accepted"] >= 10
    assert Observation.objects.filter(document=seed000.document).count() >= 9
