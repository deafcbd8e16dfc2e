"""Document review: each figure highlighted in the text; accept, correct or reject it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

TEXT = "Bắc Ninh: thu ngân sách quý I/2025 đạt 5.800 tỷ đồng, tăng 12%."


@pytest.fixture
def document(communes):
    from marsad.documents.models import Document, Proposal

    province = communes[0].parent
    doc = Document.objects.create(
        title="Báo cáo quý I", language="vi", area=province, period="2025Q1", text=TEXT
    )
    start = TEXT.index("5.800")
    fact = Proposal.objects.create(
        document=doc,
        kind="fact",
        indicator="budget_revenue",
        area_code=province.code,
        period="2025Q1",
        measure="level",
        value=5800,
        unit="billion VND",
        qualifier="exact",
        span_start=start,
        span_end=start + len("5.800 tỷ đồng"),
        evidence="5.800 tỷ đồng",
    )
    start = TEXT.index("12%")
    growth = Proposal.objects.create(
        document=doc,
        kind="fact",
        indicator="budget_revenue",
        area_code=province.code,
        period="2025Q1",
        measure="yoy_pct",
        value=12,
        unit="%",
        qualifier="exact",
        span_start=start,
        span_end=start + 3,
        evidence="12%",
    )
    return doc, fact, growth


def test_the_text_shows_each_figure_highlighted(client_for, document):
    doc, fact, growth = document
    html = client_for("planner").get(f"/documents/{doc.pk}/").content.decode()
    assert f'id="span-{fact.span_start}"' in html and ">5.800 tỷ đồng</a></mark>" in html
    assert f'id="span-{growth.span_start}"' in html and ">12%</a></mark>" in html
    assert f'id="proposal-{fact.pk}"' in html


def test_planner_accepts_a_figure_and_finds_it_in_the_explorer(client_for, document):
    from marsad.observations.models import Observation

    doc, fact, _ = document
    client = client_for("planner")
    response = client.post(
        f"/documents/proposals/{fact.pk}/decide/", {"action": "accept"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "accepted" in response.content.decode() or "قبول" in response.content.decode()
    obs = Observation.objects.get(indicator__code="budget_revenue", period="2025Q1", measure="level")
    assert obs.value == 5800 and obs.document == doc and obs.span_start == fact.span_start
    explorer = client.get(f"/explorer/?indicator=budget_revenue&area={doc.area.code}").content.decode()
    assert "5,800" in explorer


def test_correcting_a_figure_stores_the_corrected_value(client_for, document):
    from marsad.documents.models import Proposal
    from marsad.observations.models import Observation

    _, fact, _ = document
    client = client_for("planner")
    client.post(f"/documents/proposals/{fact.pk}/decide/", {"action": "correct", "value": "5900"})
    fact.refresh_from_db()
    assert fact.decision == Proposal.Decision.CORRECTED
    assert Observation.objects.get(pk=fact.observation_id).value == 5900


def test_rejecting_writes_nothing_and_a_second_decision_is_refused(client_for, document):
    from marsad.documents.models import Proposal
    from marsad.observations.models import Observation

    _, _, growth = document
    client = client_for("planner")
    client.post(f"/documents/proposals/{growth.pk}/decide/", {"action": "reject"})
    growth.refresh_from_db()
    assert growth.decision == Proposal.Decision.REJECTED
    assert not Observation.objects.exists()
    again = client.post(
        f"/documents/proposals/{growth.pk}/decide/", {"action": "accept"}, HTTP_HX_REQUEST="true"
    )
    assert again.status_code == 422
    assert not Observation.objects.exists()


def test_commune_officer_may_not_decide_on_province_figures(client_for, document):
    doc, fact, _ = document
    client = client_for("commune")
    assert client.get(f"/documents/{doc.pk}/").status_code == 403
    assert client.post(f"/documents/proposals/{fact.pk}/decide/", {"action": "accept"}).status_code == 403


def test_pasting_an_empty_text_is_refused(client_for):
    response = client_for("planner").post("/documents/new/", {"text": "   "})
    assert response.status_code == 422


@pytest.mark.parametrize(
    "lang, typed, value",
    [("vi", "98.540", 98540), ("vi", "5.900,5", 5900.5), ("en", "98,540", 98540), ("ar", "٩٨٥٤٠", 98540)],
)
def test_a_correction_is_read_the_way_the_reviewer_writes_numbers(client_for, document, lang, typed, value):
    from marsad.observations.models import Observation

    _, fact, _ = document
    client = client_for("planner")
    client.cookies["django_language"] = lang
    response = client.post(
        f"/documents/proposals/{fact.pk}/decide/",
        {"action": "correct", "value": typed},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200, response.content.decode()
    fact.refresh_from_db()
    assert Observation.objects.get(pk=fact.observation_id).value == value


@pytest.mark.parametrize(
    "typed, words",
    [("-5", "cannot be negative"), ("10.17", "not a number"), ("abc", "not a number")],
)
def test_a_failing_correction_says_why_and_writes_nothing(client_for, document, typed, words):
    from marsad.documents.models import Proposal
    from marsad.observations.models import Observation

    _, fact, _ = document
    client = client_for("planner")
    client.cookies["django_language"] = "vi" if typed == "10.17" else "en"
    response = client.post(
        f"/documents/proposals/{fact.pk}/decide/",
        {"action": "correct", "value": typed},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert words in html or "không phải là số" in html, html
    fact.refresh_from_db()
    assert fact.decision == Proposal.Decision.PENDING and not Observation.objects.exists()


def test_translations_of_a_narrative_item_are_entered_in_the_review_queue(client_for, communes):
    """A reviewer types the item's text in the other two languages beside it; the proposal
    keeps them and the difficulty already tracked from it gets them too (and the report uses them)."""
    from marsad.directives.models import Difficulty
    from marsad.documents.models import Document, Proposal

    province = communes[0].parent
    text = "Khó khăn: buôn lậu, gian lận thương mại còn phức tạp."
    doc = Document.objects.create(title="Báo cáo", language="vi", area=province, period="2025Q1", text=text)
    item = Proposal.objects.create(
        document=doc,
        kind="difficulty",
        text="buôn lậu, gian lận thương mại còn phức tạp",
        span_start=11,
        span_end=len(text) - 1,
        evidence=text[11:-1],
    )
    tracked = Difficulty.objects.create(
        area=province, period="2025Q1", text=item.text, language="vi", document=doc, span_start=11
    )
    planner = client_for("planner")
    html = planner.get(f"/documents/{doc.pk}/").content.decode()
    assert f'action="/documents/proposals/{item.pk}/translate/"' in html
    assert 'name="text_ar" rows="2" lang="ar" dir="rtl"' in html and 'name="text_en"' in html
    assert 'name="text_vi"' not in html  # the language it was written in is the original
    response = planner.post(
        f"/documents/proposals/{item.pk}/translate/",
        {
            "text_en": "Smuggling and trade fraud remain complex",
            "text_ar": "لا يزال التهريب معقدًا",
            "text_vi": "x",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#proposal-{item.pk}")
    item.refresh_from_db()
    tracked.refresh_from_db()
    assert item.translations == {
        "en": "Smuggling and trade fraud remain complex",
        "ar": "لا يزال التهريب معقدًا",
    }
    assert tracked.text_en == "Smuggling and trade fraud remain complex" and tracked.text_vi == ""
    assert (
        "Smuggling and trade fraud remain complex</textarea>"
        in planner.get(f"/documents/{doc.pk}/").content.decode()
    )
    # removing a translation: an empty text
    planner.post(
        f"/documents/proposals/{item.pk}/translate/", {"text_en": "", "text_ar": "لا يزال التهريب معقدًا"}
    )
    item.refresh_from_db()
    assert item.translations == {"ar": "لا يزال التهريب معقدًا"}
    # a viewer may not
    assert client_for("viewer").post(
        f"/documents/proposals/{item.pk}/translate/", {"text_en": "x"}
    ).status_code in (
        403,
        404,
    )
