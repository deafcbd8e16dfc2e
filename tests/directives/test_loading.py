"""From a document to tracked directives; the units; the seeds."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from marsad.directives.loading import load_document
from marsad.directives.models import Difficulty, Directive, Organisation, Recommendation
from marsad.documents.models import Document, Proposal

pytestmark = pytest.mark.django_db
# ../shared beside the repository (MARSAD_SHARED moves it), as tests/core/extract/test_seeds.py.
SEEDS = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "seeds"


def _document(area, text="...", period="2025-9M"):
    doc = Document.objects.create(title="review", language="ar", text=text, area=area, period=period)
    items = [
        ("directive", "اقتراح خطط عاجلة للامركزية", "2025Q4"),
        ("directive", "تدريب الكوادر على مستوى البلدية", ""),
        ("difficulty", "الكوارث الطبيعية معقدة", ""),
        ("recommendation", "التحول الرقمي", ""),
    ]
    Proposal.objects.bulk_create(
        Proposal(document=doc, kind=k, text=t, period=p, span_start=i * 10, span_end=i * 10 + 5, evidence=t)
        for i, (k, t, p) in enumerate(items)
    )
    return doc


def test_load_document_once(bac_ninh):
    doc = _document(bac_ninh)
    result = load_document(doc)
    assert len(result.directives) == 2
    assert {d.period for d in result.directives} == {"2025Q4"}  # the second from the document's period
    first = result.directives[0]
    # The document says neither who leads nor by when: both stay unknown, nothing is made up.
    assert first.deadline is None and first.lead_unit is None and first.assignments.count() == 0
    assert first.proposal.decision == "accepted" and first.span_start == 0
    assert Difficulty.objects.get().period == "2025-9M"
    assert Recommendation.objects.get().topic == "التحول الرقمي"
    again = load_document(doc)
    assert again.directives == [] and Directive.objects.count() == 2 and Recommendation.objects.count() == 1


def test_a_lead_unit_given_by_the_caller_is_used(bac_ninh, units):
    from marsad.directives.tracking import set_lead_unit

    doc = _document(bac_ninh)
    result = load_document(doc, lead_unit=units["VN-24-PC"])
    first = result.directives[0]
    assert first.lead_unit.code == "VN-24-PC" and first.assignments.get().role == "lead"
    assert first.deadline is None
    second = load_document(_document(bac_ninh, text="another")).directives[0]
    set_lead_unit(second, units["VN-24-FIN"])
    assert second.assignments.get().organisation.code == "VN-24-FIN"
    with pytest.raises(ValidationError, match="already leads"):
        set_lead_unit(second, units["VN-24-PC"])


def test_load_document_needs_an_area():
    doc = _document(None)
    with pytest.raises(ValidationError, match="area"):
        load_document(doc)


def test_create_organisations_is_idempotent(bac_ninh):
    from marsad.areas.models import Area
    from marsad.directives.organisations import DEPARTMENTS, create_organisations

    first = create_organisations()
    communes = Area.objects.communes().current().count()
    provinces = Area.objects.provinces().current().count()
    assert provinces == 34
    assert first["created"] == first["total"] == communes + provinces * (2 + len(DEPARTMENTS)) + 1
    assert create_organisations()["created"] == 0
    pc = Organisation.objects.get(code="VN-24-PC")
    assert "Bắc Ninh" in pc.name_vi and pc.name_en == "People's Committee of Bac Ninh" and pc.name_ar
    commune = Organisation.objects.filter(area__parent=bac_ninh).first()
    assert commune.name_vi.startswith("Ủy ban nhân dân ")


@pytest.mark.parametrize(
    ("seed", "area", "year", "period"),
    [
        ("003_54fd96d161a7a906.txt", "Bac Ninh", 2025, "2025Q4"),
        ("000_94520d198d9ed722.txt", "Ninh Thuan", 2024, "2024Q2"),
    ],
)
@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/ (seeds) is not beside the repository")
def test_seed_directives_become_tracked(seed, area, year, period):
    from marsad.documents.ingest import ingest_text

    text = (SEEDS / seed).read_text(encoding="utf-8")
    doc = ingest_text(text, title=seed, lang="ar", area=area, year=year, file_name=seed).document
    assert doc.proposals.filter(kind="directive").exists(), "the reader found no directives in the seed"
    from marsad.areas.loading import resolve_area
    from marsad.documents.ingest import accept_all

    accept_all(doc)  # the figures and targets first, as `marsad demo` does
    result = load_document(doc, area=resolve_area(area))
    assert len(result.directives) == doc.proposals.filter(kind="directive").count() >= 3
    for d in result.directives:
        assert d.period == period
        assert (
            d.text
            and d.text in text[d.span_start : d.span_end + 1]
            or text[d.span_start : d.span_end] in d.text
        )
        # A news report names no lead unit for these: it stays unknown; a deadline only where the
        # text gives one ("بحلول عام 2025": by the end of 2025).
        assert d.lead_unit is None and not d.assignments.exists()
        assert d.deadline is None or d.deadline.month == 12 and d.deadline.day == 31
        assert d.issued_on == doc.date
    assert result.difficulties == doc.proposals.filter(kind="difficulty").count()
    assert result.recommendations == doc.proposals.filter(kind="recommendation").count()
    if area == "Bac Ninh":
        # "reach and exceed the double-digit growth target" serves grdp yoy_pct >= 10 in 2025.
        served = [d.target for d in result.directives if d.target]
        assert any(
            t.indicator.code == "grdp" and t.measure == "yoy_pct" and t.value == 10 and t.year == 2025
            for t in served
        )


def test_directive_linked_to_the_target_it_serves(bac_ninh, client):
    """'reach double-digit growth' -> Bac Ninh grdp yoy_pct >= 10 in 2025, with the latest figure."""
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation
    from marsad.targets.models import Target

    grdp = Indicator.objects.get(code="grdp")
    target = Target.objects.create(area=bac_ninh, indicator=grdp, year=2025, measure="yoy_pct", value=10)
    doc = Document.objects.create(title="9M", language="ar", text="...", area=bac_ninh, period="2025-9M")
    Proposal.objects.create(
        document=doc,
        kind="directive",
        text="تحقيق هدف النمو المزدوج",
        period="2025Q4",
        span_start=100,
        span_end=180,
        evidence="...",
    )
    Proposal.objects.create(
        document=doc,
        kind="target",
        indicator="grdp",
        period="2025",
        measure="yoy_pct",
        value=10,
        qualifier="at_least",
        span_start=120,
        span_end=150,
        evidence="...",
        target=target,
        decision="accepted",
    )
    directive = load_document(doc).directives[0]
    assert directive.target == target and directive.indicator == grdp
    assert directive.target_progress() == {"target": target, "observation": None, "met": None, "status": None}
    Observation.objects.create(area=bac_ninh, indicator=grdp, period="2025S1", measure="yoy_pct", value=11.2)
    Observation.objects.create(area=bac_ninh, indicator=grdp, period="2025-9M", measure="yoy_pct", value=9.5)
    progress = directive.target_progress()
    assert progress["observation"].period == "2025-9M" and progress["met"] is False
    assert progress["status"] == "at_risk"  # 9.5 % so far against at least 10 %


def test_a_reviewers_translations_go_with_the_item(bac_ninh):
    doc = _document(bac_ninh)
    for p in doc.proposals.all():
        p.translations = {
            "vi": f"vi: {p.text}",
            "en": f"en: {p.text}",
            "ar": "ignored: the original is Arabic",
        }
        p.save()
    result = load_document(doc)
    first = result.directives[0]
    assert (first.language, first.text_vi, first.text_en, first.text_ar) == (
        "ar",
        "vi: اقتراح خطط عاجلة للامركزية",
        "en: اقتراح خطط عاجلة للامركزية",
        "",
    )
    difficulty = Difficulty.objects.get()
    assert (difficulty.language, difficulty.text_en) == ("ar", "en: الكوارث الطبيعية معقدة")
    assert Recommendation.objects.get().text_vi == "vi: التحول الرقمي"


VI_REVIEW = (
    "Quý III/2025, GRDP của tỉnh Bắc Ninh tăng 8,1% so với cùng kỳ.\n"
    "Về nhiệm vụ trọng tâm quý IV/2025, UBND tỉnh đề ra 3 nhiệm vụ, giải pháp chủ yếu:\n"
    "- Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng và Ban Quản lý dự án số 9 rà soát các dự án chậm"
    " giải ngân, hoàn thành trước ngày 15/11/2025.\n"
    "- Sở Nông nghiệp và Môi trường chủ trì hướng dẫn các xã thủ tục đất đai, phân cấp cho cấp xã giải quyết,"
    " xong trong quý IV.\n"
    "- Tiếp tục đẩy mạnh chuyển đổi số trong cơ quan nhà nước.\n"
)


def test_what_the_report_states_of_each_task_is_loaded_and_nothing_else(bac_ninh, units):
    from marsad.documents.ingest import ingest_text

    doc = ingest_text(VI_REVIEW, title="review", lang="vi", area="Bac Ninh", year=2025).document
    result = load_document(doc, area=bac_ninh)
    assert result.stated_count == 3
    first, second, third = result.directives
    assert first.lead_unit.code == "VN-24-FIN" and first.deadline == date(2025, 11, 15)
    roles = {(a.organisation.code, a.role) for a in first.assignments.all()}
    assert roles == {("VN-24-FIN", "lead"), ("VN-24-CONS", "cooperating")}
    assert result.unknown_units == ["Ban Quản lý dự án số 9"]  # said, but not one of the units
    assert second.lead_unit.code == "VN-24-AGRI" and second.deadline == date(2025, 12, 31)
    assert result.to_delegate == [second] and not second.delegated  # delegating stays a planner's act
    assert third.lead_unit is None and third.deadline is None and not third.assignments.exists()


def test_the_callers_lead_unit_is_only_for_tasks_whose_report_names_none(bac_ninh, units):
    from marsad.documents.ingest import ingest_text

    doc = ingest_text(VI_REVIEW, title="review", lang="vi", area="Bac Ninh", year=2025).document
    first, _, third = load_document(doc, area=bac_ninh, lead_unit=units["VN-24-PC"]).directives
    assert first.lead_unit.code == "VN-24-FIN" and third.lead_unit.code == "VN-24-PC"


@pytest.mark.parametrize("lang", ("ar", "vi", "en"))
def test_the_directive_page_says_the_verdict_as_the_dashboard_does(
    directive, bac_ninh, client, django_user_model, lang
):
    """One wording of a verdict (``VERDICT_LABELS``): the directive page said "not met yet" for
    at risk, missed and not judged alike, where the dashboard and targets pages said "at risk"."""
    from django.utils import translation

    from marsad.core.analytics.targets import VERDICT_LABELS
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation
    from marsad.targets.models import Target

    grdp = Indicator.objects.get(code="grdp")
    directive.target = Target.objects.create(
        area=bac_ninh, indicator=grdp, year=2025, measure="yoy_pct", value=10
    )
    directive.save()
    client.force_login(django_user_model.objects.create_superuser("boss", password="x" * 12))
    client.cookies["django_language"] = lang
    with translation.override(lang):
        said = {v: translation.gettext(VERDICT_LABELS[v]) for v in ("unknown", "at_risk")}
    page = client.get(f"/directives/{directive.pk}/").content.decode()
    assert said["at_risk"] not in page  # no figure yet: nothing is judged
    Observation.objects.create(area=bac_ninh, indicator=grdp, period="2025-9M", measure="yoy_pct", value=9.5)
    page = client.get(f"/directives/{directive.pk}/").content.decode()
    assert f'<span class="badge warn">{said["at_risk"]}</span>' in page
