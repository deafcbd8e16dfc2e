"""The data quality page (warnings, completeness, approval) and the exchange downloads, in ar, vi, en."""

from __future__ import annotations

import io

import pytest

pytestmark = pytest.mark.django_db

WORDS = {
    "ar": ("جودة البيانات", "الاكتمال", "اعتماد وقفل"),
    "vi": ("Chất lượng số liệu", "Mức độ đầy đủ", "Phê duyệt và khoá"),
    "en": ("Data quality", "Completeness", "Approve and lock"),
}


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_quality_page_approve_lock_and_unlock(client_for, communes, lang):
    from marsad.observations.models import Approval

    mine, _ = communes
    admin = client_for("admin")
    admin.cookies["django_language"] = lang
    url = f"/observations/quality/?area={mine.code}&period=2024Q4"
    html = admin.get(url).content.decode()
    for word in WORDS[lang]:
        assert word in html
    admin.post("/observations/quality/", {"area": mine.code, "period": "2024Q4", "action": "approve"})
    assert Approval.objects.filter(area=mine, period="2024Q4", unlocked_at__isnull=True).exists()
    commune = client_for("commune")
    commune.cookies["django_language"] = lang
    grid = commune.get(f"/observations/entry/?area={mine.code}&period=2024Q4").content.decode()
    assert 'id="lock-notice"' in grid and "admin" in grid
    refused = commune.post(
        "/observations/entry/",
        {
            "area": mine.code,
            "period": "2024Q4",
            "status": "official",
            "v__grdp__level": "5",
            "r__grdp__level": "0",
        },
    )
    assert refused.status_code == 423
    # A commune officer may not approve or unlock.
    assert (
        commune.post(
            "/observations/quality/", {"area": mine.code, "period": "2024Q4", "action": "unlock"}
        ).status_code
        == 403
    )
    admin = client_for("admin")  # one test client: signing in again switches back
    admin.post("/observations/quality/", {"area": mine.code, "period": "2024Q4", "action": "unlock"})
    assert not Approval.objects.filter(area=mine, period="2024Q4", unlocked_at__isnull=True).exists()


def test_quality_lists_communes_that_have_not_reported(client_for, communes):
    from marsad.observations.writing import Provenance, record_observation

    mine, neighbour = communes
    record_observation(
        None, area=mine, indicator="grdp", period="2024Q4", value=5, provenance=Provenance(via="test")
    )
    html = (
        client_for("admin")
        .get(f"/observations/quality/?area={mine.parent.code}&period=2024Q4")
        .content.decode()
    )
    assert 'id="completeness"' in html and "missing" in html


def test_template_and_sdmx_downloads(client_for, communes):
    from openpyxl import load_workbook

    mine, _ = communes
    commune = client_for("commune")
    response = commune.get(f"/observations/template.xlsx?area={mine.code}&period=2024Q4")
    assert response.status_code == 200 and "spreadsheetml" in response["Content-Type"]
    assert load_workbook(io.BytesIO(response.content)).worksheets[0]["A2"].value == mine.code
    data = commune.get(f"/observations/sdmx/data.csv?area={mine.code}").content.decode()
    assert data.startswith("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA")
    xml = commune.get("/observations/sdmx/structure.xml").content.decode()
    assert "DSD_OBSERVATIONS" in xml and "TIME_PERIOD" in xml


@pytest.mark.parametrize(
    "lang, sentence",
    [
        # the core's message of the check (consistency.describe), numbers isolated in Arabic
        ("en", "110 on 100 is +10%, not +25.5%"),
        ("vi", "110 so với 100 là +10%, không phải +25,5%"),
        ("ar", "\u2066110\u2069 مقارنة بـ \u2066100\u2069 تعني \u2066+10٪\u2069 وليس \u2066+25.5٪\u2069"),
    ],
)
def test_consistency_warnings_speak_the_readers_language(client_for, communes, lang, sentence):
    from marsad.observations.writing import Provenance, record_observation

    mine, _ = communes
    for period, measure, value in (
        ("2023Q4", "level", 100),
        ("2024Q4", "level", 110),
        ("2024Q4", "yoy_pct", 25.5),
    ):
        record_observation(
            None,
            area=mine,
            indicator="grdp",
            period=period,
            measure=measure,
            value=value,
            provenance=Provenance(via="test"),
        )
    admin = client_for("admin")
    admin.cookies["django_language"] = lang
    quality = admin.get(f"/observations/quality/?area={mine.code}&period=2024Q4").content.decode()
    grid = admin.get(f"/observations/entry/?area={mine.code}&period=2024Q4").content.decode()
    assert sentence in quality and sentence in grid
