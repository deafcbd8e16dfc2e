"""Documents through the API: the review queue (accept, correct, reject) and reading texts."""

import pytest

pytestmark = pytest.mark.django_db

SEED_SENTENCE = "Tổng sản phẩm trên địa bàn (GRDP) quý I năm 2025 ước tăng 8,5% so với cùng kỳ năm trước."


@pytest.fixture
def document(places, users):
    from marsad.documents.models import Document, Proposal

    doc = Document.objects.create(
        title="Q1 review", language="vi", area=places["province"], text=SEED_SENTENCE
    )
    common = dict(document=doc, span_start=0, span_end=20, evidence=SEED_SENTENCE[:20])
    fact = Proposal.objects.create(
        kind="fact",
        indicator="grdp",
        area_code=places["mine"].code,
        period="2025Q1",
        measure="yoy_pct",
        value=8.5,
        unit="%",
        qualifier="estimate",
        **common,
    )
    other = Proposal.objects.create(
        kind="fact",
        indicator="grdp",
        area_code=places["neighbour"].code,
        period="2025Q1",
        measure="level",
        value=10.0,
        **common,
    )
    difficulty = Proposal.objects.create(kind="difficulty", text="slow disbursement", **common)
    return {"document": doc, "fact": fact, "other": other, "difficulty": difficulty}


def test_proposals_listed_and_filtered(call, document):
    doc = document["document"]
    items = call("viewer", "get", f"/documents/{doc.pk}/proposals").json()
    assert {p["kind"] for p in items} == {"fact", "difficulty"} and len(items) == 3
    assert all(p["decision"] == "pending" for p in items)
    assert call("viewer", "get", f"/documents/{doc.pk}/proposals", decision="accepted").json() == []
    assert call("admin", "get", "/documents/999999/proposals").status_code == 404


def test_accept_with_correction_writes_an_observation(call, document, places):
    fact = document["fact"]
    # A commune officer does not review the province's documents; the province's planner does.
    assert call("commune", "post", f"/proposals/{fact.pk}/accept", {"value": 8.7}).status_code == 403
    response = call("planner", "post", f"/proposals/{fact.pk}/accept", {"value": 8.7})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["decision"] == "corrected" and body["decided_by"] == "planner" and body["observation"]
    obs = call("commune", "get", f"/observations/{body['observation']}").json()
    assert (obs["area"], obs["measure"], obs["value"], obs["source"]) == (
        places["mine"].code,
        "yoy_pct",
        8.7,
        "document",
    )
    again = call("planner", "post", f"/proposals/{fact.pk}/accept", {})
    assert again.status_code == 422 and again.json()["detail"]


def test_decisions_need_the_capture_scope(call, document):
    other = document["other"]
    assert call("commune", "post", f"/proposals/{other.pk}/accept", {}).status_code == 403
    assert call("commune", "post", f"/proposals/{other.pk}/reject").status_code == 403
    assert call("viewer", "post", f"/proposals/{other.pk}/reject").status_code == 403
    rejected = call("planner", "post", f"/proposals/{other.pk}/reject")
    assert rejected.status_code == 200 and rejected.json()["decision"] == "rejected"
    assert rejected.json()["observation"] is None


def test_a_correction_naming_an_unknown_indicator_is_404(call, document):
    fact = document["fact"]
    response = call("admin", "post", f"/proposals/{fact.pk}/accept", {"indicator": "no_such_indicator"})
    assert response.status_code == 404 and "no_such_indicator" in str(response.json()["detail"])
    assert call("admin", "post", f"/proposals/{fact.pk}/accept", {"measure": "speed"}).status_code == 422


def test_documents_outside_scope_are_403(call, document, places):
    from marsad.documents.models import Document

    far = Document.objects.create(title="elsewhere", language="vi", area=places["elsewhere"], text="x")
    assert call("commune", "get", f"/documents/{far.pk}").status_code == 403
    assert call("admin", "get", f"/documents/{far.pk}").json()["text"] == "x"
    listed = {d["id"] for d in call("viewer", "get", "/documents").json()["items"]}
    assert document["document"].pk in listed and far.pk not in listed


def test_extract_and_ingest(call, places):
    extraction = call(
        "viewer", "post", "/documents/extract", {"text": SEED_SENTENCE, "lang": "vi", "year": 2025}
    )
    assert extraction.status_code == 200
    assert set(extraction.json()) >= {"document", "facts"}
    body = {"text": SEED_SENTENCE, "lang": "vi", "area": places["mine"].name_vi, "title": "note"}
    assert call("viewer", "post", "/documents", body).status_code == 403
    first = call("commune", "post", "/documents", body)
    assert first.status_code == 201, first.content
    second = call("commune", "post", "/documents", body)
    assert second.status_code == 200 and second.json()["document"]["id"] == first.json()["document"]["id"]


def test_commune_officer_reviews_their_communes_document(call, places):
    from marsad.documents.models import Document, Proposal

    doc = Document.objects.create(title="ward note", language="vi", area=places["mine"], text="ward text")
    item = Proposal.objects.create(
        document=doc,
        kind="fact",
        indicator="budget_revenue",
        period="2025Q1",
        measure="level",
        value=3.0,
        span_start=0,
        span_end=4,
        evidence="ward",
    )
    response = call("commune", "post", f"/proposals/{item.pk}/accept", {})
    assert response.status_code == 200 and response.json()["decision"] == "accepted"
    obs = call("commune", "get", f"/observations/{response.json()['observation']}").json()
    assert obs["area"] == places["mine"].code  # the document's area stands in for the missing one
