"""The report page and downloads, from the database (Bac Ninh, 9 months of 2025)."""

from __future__ import annotations

import io
from datetime import date

import pytest


@pytest.fixture
def bac_ninh_review(db):
    """Bac Ninh's 9-month figures, its 2025 growth target, a difficulty and a Q4 directive."""
    from django.contrib.auth.models import User

    from marsad.areas.models import Area
    from marsad.directives.models import Difficulty, Directive
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation
    from marsad.targets.models import Target

    area = Area.objects.get(code="VN-24")
    grdp = Indicator.objects.get(code="grdp")
    for period, measure, value, unit in (
        ("2025-9M", "level", 250000.0, "billion VND"),
        ("2025-9M", "yoy_pct", 8.5, "%"),
        ("2024", "level", 320000.0, "billion VND"),
    ):
        Observation.objects.create(
            area=area, indicator=grdp, period=period, measure=measure, value=value, unit=unit
        )
    Target.objects.create(
        area=area, indicator=grdp, year=2025, measure="yoy_pct", value=10, qualifier="at_least"
    )
    Difficulty.objects.create(
        area=area, period="2025-9M", text="Smuggling and trade fraud remain complex", language="en"
    )
    Directive.objects.create(
        area=area,
        period="2025Q4",
        text="Remove the obstacles to the two-level model",
        language="en",
        text_ar="تذليل العقبات التي تعترض نموذج الحكومة المحلية على المستويين",
        deadline=date(2025, 12, 31),
    )
    User.objects.create_superuser("admin", "admin@example.org", "pw-admin")
    return area


@pytest.fixture
def admin_client(client, bac_ninh_review):
    client.login(username="admin", password="pw-admin")
    return client


def test_report_data_from_the_database(bac_ninh_review):
    from marsad.reports.data import report_data_for

    data = report_data_for(bac_ninh_review, "2025-9M", as_of=date(2025, 10, 10))
    grdp = data.row("grdp")
    assert (grdp.level, grdp.yoy_pct) == (250000.0, 8.5)
    (target,) = data.targets
    assert target.status == "at_risk" and target.remaining_period == "2025Q4"
    # The rest of the year must bring the year to 320,000 x 1.10.
    before = 250000 / 1.085
    assert 250000 + (320000 - before) * (1 + target.needed / 100) == pytest.approx(352000, rel=1e-3)
    assert data.directives_period == "2025Q4"
    assert data.directives[0].text.get("ar").startswith("تذليل")
    assert data.difficulties[0].text.get("en") == "Smuggling and trade fraud remain complex"


def test_report_page_in_arabic(admin_client):
    response = admin_client.get("/reports/VN-24/2025-9M/?lang=ar")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html and "باك نينه" in html
    assert "بلغ الناتج المحلي الإجمالي لمقاطعة باك نينه خلال الأشهر التسعة الأولى من عام 2025" in html
    assert "report.pdf?lang=ar" in html and "report.docx?lang=ar" in html


def test_report_downloads(admin_client):
    pdf = admin_client.get("/reports/VN-24/2025-9M/report.pdf?lang=vi")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content[:5] == b"%PDF-" and "attachment" in pdf["Content-Disposition"]
    docx_response = admin_client.get("/reports/VN-24/2025-9M/report.docx?lang=ar")
    from docx import Document

    doc = Document(io.BytesIO(docx_response.content))
    assert any("باك نينه" in p.text for p in doc.paragraphs)


def test_index_redirects_to_the_report(admin_client):
    response = admin_client.get("/reports/?area=VN-24&period=2025-9m&lang=en")
    assert response.status_code == 302 and response["Location"] == "/reports/VN-24/2025-9M/?lang=en"
    bad = admin_client.get("/reports/?area=VN-24&period=2025Q5")
    assert bad.status_code == 200 and "2025Q5" in bad.content.decode()


def test_report_needs_a_login(client, bac_ninh_review):
    response = client.get("/reports/VN-24/2025-9M/")
    assert response.status_code == 302 and "/accounts/login" in response["Location"]


def test_cli_reads_the_database(bac_ninh_review):
    from typer.testing import CliRunner

    from marsad.cli.main import app

    result = CliRunner().invoke(
        app, ["report", "--area", "Bắc Ninh", "--period", "2025-9M", "--lang", "en", "--source", "db"]
    )
    assert result.exit_code == 0, result.output
    assert (
        "GRDP of Bac Ninh province in the first nine months of 2025 reached 250,000 billion VND, up 8.5%"
        in result.output
    )


def test_settings_entered_in_the_app_make_the_letterhead(admin_client, bac_ninh_review):
    from marsad.reports.models import ReportSettings

    page = admin_client.get("/reports/settings/VN-24/")
    assert page.status_code == 200
    response = admin_client.post(
        "/reports/settings/VN-24/",
        {
            "symbol": "BC-UBND",
            "issuing_body_vi": "ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
            "issuing_body_en": "BAC NINH PROVINCIAL PEOPLE'S COMMITTEE",
            "place_vi": "Bắc Ninh",
            "signer_name": "Nguyễn Văn An",
            "signer_authority_vi": "KT. CHỦ TỊCH",
            "signer_title_vi": "PHÓ CHỦ TỊCH",
            "recipients_vi": "Văn phòng Chính phủ;\nBộ Tài chính;",
        },
    )
    assert response.status_code == 302
    assert ReportSettings.objects.get(area=bac_ninh_review).signer_title_vi == "PHÓ CHỦ TỊCH"
    html = admin_client.get("/reports/VN-24/2025-9M/?lang=vi&number=125&as_of=2025-10-20").content.decode()
    for expected in (
        "Số: 125/BC-UBND",
        "Bắc Ninh, ngày 20 tháng 10 năm 2025",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn An",
        "Văn phòng Chính phủ;",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ):
        assert expected in html, expected
    # The Word file: the issuing body is its author, the report's title its title.
    from docx import Document

    docx_bytes = admin_client.get("/reports/VN-24/2025-9M/report.docx?lang=en&number=125").content
    props = Document(io.BytesIO(docx_bytes)).core_properties
    assert props.author == "BAC NINH PROVINCIAL PEOPLE'S COMMITTEE" and props.language == "en-GB"
    assert props.title.startswith("Socio-economic situation of Bac Ninh province")
    assert props.created.year >= 2025


def test_a_bad_as_of_date_is_said(admin_client):
    html = admin_client.get("/reports/VN-24/2025-9M/?lang=en&as_of=31-10-2025").content.decode()
    assert "التاريخ غير صحيح: 31-10-2025" in html  # in the page's language (Arabic by default)


def test_translation_entered_on_its_page_is_used_by_the_report(admin_client, bac_ninh_review):
    from marsad.directives.models import Difficulty

    difficulty = Difficulty.objects.get(area=bac_ninh_review)
    html = admin_client.get("/reports/VN-24/2025-9M/?lang=vi").content.decode()
    assert '<bdi lang="en" dir="ltr">Smuggling and trade fraud remain complex</bdi>' in html
    assert "nguyên văn tiếng Anh" in html and f"/reports/translate/difficulty/{difficulty.pk}/" in html
    response = admin_client.post(
        f"/reports/translate/difficulty/{difficulty.pk}/",
        {
            "text_vi": "Buôn lậu, gian lận thương mại còn phức tạp",
            "text_ar": "",
            "cause_vi": "",
            "cause_ar": "",
        },
    )
    assert response.status_code == 302
    html = admin_client.get("/reports/VN-24/2025-9M/?lang=vi").content.decode()
    assert "<li>Buôn lậu, gian lận thương mại còn phức tạp</li>" in html


def test_statuses_are_those_of_the_as_of_day(bac_ninh_review):
    """A task completed after the report's day was not done on that day; overdue counts follow."""
    from marsad.directives.models import Assignment, Directive, Organisation
    from marsad.reports.data import report_data_for

    unit = Organisation.objects.create(
        code="VN-24-DPI", kind="department", area=bac_ninh_review, name_en="Department of Finance"
    )
    task = Directive.objects.create(
        area=bac_ninh_review,
        period="2025-9M",
        text="Disburse public investment",
        language="en",
        deadline=date(2025, 9, 30),
    )
    Assignment.objects.create(
        directive=task, organisation=unit, deadline=date(2025, 9, 30), completed_on=date(2025, 11, 5)
    )
    early = report_data_for(bac_ninh_review, "2025-9M", as_of=date(2025, 10, 31))
    late = report_data_for(bac_ninh_review, "2025-9M", as_of=date(2025, 11, 30))
    assert (early.follow_up[0].overdue, early.follow_up[0].done_late) == (1, 0)
    assert (late.follow_up[0].overdue, late.follow_up[0].done_late) == (0, 1)
    assert early.as_of == date(2025, 10, 31)
    assert report_data_for(bac_ninh_review, "2025-9M").as_of == date(2025, 10, 31)  # the default


def test_follow_up_is_the_steering_summary_by_unit(bac_ninh_review):
    """The report's table and the summary page count the same tasks in the same four classes:
    the province's units one by one, the communes and wards together; the period's quarters
    are inside a 9-month report."""
    from marsad.areas.models import Area
    from marsad.directives import summary
    from marsad.directives.models import Assignment, Directive, Organisation
    from marsad.reports.data import report_data_for
    from marsad.reports.render.layout import follow_up_table

    dept = Organisation.objects.create(
        code="VN-24-DOF", kind="department", area=bac_ninh_review, name_en="Department of Finance"
    )
    ward = Area.objects.filter(parent=bac_ninh_review, level="commune").first()
    committee = Organisation.objects.filter(area=ward).first() or Organisation.objects.create(
        code="VN-24-W1", kind="peoples_committee", area=ward, name_en=f"People's Committee of {ward.name_en}"
    )
    for period, deadline, done, unit in (
        ("2025Q2", date(2025, 6, 30), date(2025, 6, 20), dept),  # on time
        ("2025Q3", date(2025, 9, 30), None, dept),  # overdue on 31 October
        ("2025-9M", date(2025, 12, 31), None, committee),  # within deadline
        ("2025Q3", date(2025, 9, 30), date(2025, 10, 2), committee),  # late
        ("2025Q4", date(2025, 12, 31), None, dept),  # next period's: not in this report's table
    ):
        d = Directive.objects.create(area=bac_ninh_review, period=period, text="t", language="en")
        Assignment.objects.create(directive=d, organisation=unit, deadline=deadline, completed_on=done)
    day = date(2025, 10, 31)
    data = report_data_for(bac_ninh_review, "2025-9M", as_of=day)
    page = summary.summary(area=bac_ninh_review, period="2025-9M", today=day, per_unit=True)
    by_unit = {u["name"]["en"]: u for u in page["units"]}
    first = data.follow_up[0]
    assert first.unit.get("en") == "Department of Finance"
    for k in ("done_on_time", "done_late", "within_deadline", "overdue"):
        assert getattr(first, k) == by_unit["Department of Finance"][k]
    communes = data.follow_up[-1]
    assert communes.unit is None and communes.communes == 1
    assert (
        (communes.done_late, communes.within_deadline)
        == (1, 1)
        == (
            page["communes"][0]["done_late"],
            page["communes"][0]["within_deadline"],
        )
    )
    assert sum(u.total for u in data.follow_up) == page["total"] == 4
    rows = follow_up_table(data, "vi").rows
    assert rows[-1][0] == "Các xã, phường (1 đơn vị)" and rows[0][1:] == ("1", "0", "0", "1")


def test_conclusions_and_causes_are_entered_on_the_report_page(admin_client, bac_ninh_review):
    """The chair's conclusions and the causes of the difficulties are captured on the report's
    page and printed in the report (part II: the cause; part III: the conclusions)."""
    from marsad.directives.models import Difficulty
    from marsad.reports.models import Conclusion

    page = admin_client.get("/reports/VN-24/2025-9M/?lang=en").content.decode()
    assert 'id="conclusion-form"' in page and "cause-form" in page
    r = admin_client.post(
        "/reports/VN-24/2025-9M/conclusions/",
        {"text": "Disburse all public investment capital by 31 January", "language": "en"},
    )
    assert r.status_code == 302
    assert Conclusion.objects.get(area=bac_ninh_review, period="2025-9M").language == "en"
    assert (
        admin_client.post("/reports/VN-24/2025-9M/conclusions/", {"text": " ", "language": "en"}).status_code
        == 302
    )
    assert Conclusion.objects.count() == 1  # an empty conclusion is refused, said in a message
    difficulty = Difficulty.objects.get(area=bac_ninh_review)
    admin_client.post(f"/reports/cause/{difficulty.pk}/", {"cause": "weak inter-agency coordination"})
    difficulty.refresh_from_db()
    assert difficulty.cause == "weak inter-agency coordination"
    text = admin_client.get("/reports/VN-24/2025-9M/report.html?lang=en").content.decode()
    assert "cause: weak inter-agency coordination" in text
    assert "Disburse all public investment capital by 31 January" in text
    vi = admin_client.get("/reports/VN-24/2025-9M/report.html?lang=vi").content.decode()
    assert "nguyên nhân:" in vi and "nguyên văn tiếng Anh" in vi  # untranslated: marked as such


def test_a_viewer_may_not_add_conclusions(client, bac_ninh_review):
    from django.contrib.auth.models import User

    User.objects.create_user("someone", password="pw-x")
    client.login(username="someone", password="pw-x")
    r = client.post("/reports/VN-24/2025-9M/conclusions/", {"text": "x", "language": "en"})
    assert r.status_code == 403


def test_report_page_writes_reach_the_change_log(admin_client, admin_user, bac_ninh_review):
    """A conclusion, a difficulty's cause and a translation typed on the report's pages are
    audited like every other write: who, what before, what after."""
    from django.contrib.contenttypes.models import ContentType

    from marsad.audit.models import ChangeRecord
    from marsad.directives.models import Difficulty
    from marsad.reports.models import Conclusion

    admin_client.post(
        "/reports/VN-24/2025-9M/conclusions/", {"text": "Speed up disbursement", "language": "en"}
    )
    difficulty = Difficulty.objects.get(area=bac_ninh_review)
    admin_client.post(f"/reports/cause/{difficulty.pk}/", {"cause": "slow land clearance"})
    admin_client.post(
        f"/reports/translate/difficulty/{difficulty.pk}/",
        {"text_vi": "Buôn lậu còn phức tạp", "text_ar": "", "cause_vi": "", "cause_ar": ""},
    )

    def records(obj):
        return list(
            ChangeRecord.objects.filter(
                content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, user=admin_user
            ).order_by("pk")
        )

    conclusion = Conclusion.objects.get(area=bac_ninh_review, period="2025-9M")
    assert [r.after["text"] for r in records(conclusion)] == ["Speed up disbursement"]
    changes = records(difficulty)
    assert [(r.before["cause"], r.after["cause"]) for r in changes][0] == ("", "slow land clearance")
    assert changes[-1].after["text_vi"] == "Buôn lậu còn phức tạp"
