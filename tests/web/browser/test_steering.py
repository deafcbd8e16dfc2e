"""Steering end to end in Chromium, in Arabic, Vietnamese and English.

A planner sets a target from a resolution and reads target vs actual; a directive with a lead
unit and two cooperating units is delegated to the communes and every assignment survives; a
commune reports progress, a department outside the assignment is refused, a future date is
refused; the follow-up summary counts by unit and by commune.
"""

from __future__ import annotations

import datetime

import pytest

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

# One indicator per language so the three runs set three different targets.
RUNS = [
    ("ar", "grdp", "١٠٫٥", 10.5, "المادة 1"),
    ("vi", "exports", "12,5", 12.5, "Điều 1, khoản 2"),
    ("en", "product_taxes", "9.25", 9.25, "Article 1"),
]
WORDS = {
    "ar": {"on_track": "على المسار", "at_risk": "معرّض للخطر", "future": "في المستقبل", "set": "وُضع الهدف"},
    "vi": {
        "on_track": "đúng tiến độ",
        "at_risk": "có nguy cơ không đạt",
        "future": "tương lai",
        "set": "Đã đặt mục tiêu",
    },
    "en": {"on_track": "on track", "at_risk": "at risk", "future": "in the future", "set": "Target set"},
}


@pytest.fixture
def as_user(browser, server):
    """A signed-in page for a demo user, with the page language chosen before signing in."""
    contexts = []

    def open_as(username: str, lang: str):
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale=lang)
        context.add_cookies([{"name": "django_language", "value": lang, "url": server["url"]}])
        contexts.append(context)
        page = context.new_page()
        page.goto(server["url"] + "/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", f"marsad-{username}")
        page.click("form button[type=submit]")
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        page.goto(server["url"] + "/directives/")
        assert page.evaluate("document.documentElement.lang") == lang
        return page

    yield open_as
    for context in contexts:
        context.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(("lang", "indicator", "typed", "value", "article"), RUNS)
def test_planner_sets_a_target_from_a_resolution_and_sees_target_vs_actual(
    as_user, server, lang, indicator, typed, value, article
):
    ids = server["ids"]
    page = as_user("planner", lang)
    page.goto(server["url"] + "/targets/?year=2025")
    assert page.locator("select[name=province]").input_value() == "VN-24"  # the planner's province, by name
    page.click('a[href*="/targets/new/"]')
    page.select_option("#id_indicator", str(ids[indicator]))
    page.fill("#id_year", "2025")
    page.select_option("#id_measure", "yoy_pct")
    page.select_option("#id_qualifier", "at_least")
    page.fill("#id_value", typed)  # in the page's own way of writing numbers
    options = page.locator("#id_document option").all_inner_texts()
    assert any("25/NQ-HĐND" in o for o in options) and not any("Hanoi" in o for o in options)
    page.select_option("#id_document", str(ids["resolution"]))
    page.fill("#id_article", article)
    page.click("#target-form button[type=submit]")
    page.wait_for_url(lambda url: "/targets/?" in url)
    assert WORDS[lang]["set"] in page.locator(".messages").inner_text()
    table = page.locator("table.targets").inner_text()
    assert "25/NQ-HĐND" in table and article in table
    # The API says the same number: one concept, a plan observation that agrees.
    got = page.request.get(server["url"] + f"/api/targets?area=VN-24&year=2025&indicator={indicator}").json()
    assert [(t["value"], t["qualifier"], t["document"]) for t in got["items"]] == [
        (value, "at_least", ids["resolution"])
    ]
    plan = page.request.get(
        server["url"] + f"/api/observations?area=VN-24&indicator={indicator}&period=2025&status=plan"
    ).json()
    assert [o["value"] for o in plan["items"]] == [value]
    # Target vs actual for the first nine months: the engine's verdict, in the page's language.
    page.click('a[href*="/targets/overview/"]')
    page.select_option("select[name=period]", "2025Q3")
    page.click("form.filters button[type=submit]")
    row = page.locator(f'tr[data-indicator="{indicator}"]')
    verdict = row.get_attribute("data-verdict")
    assert verdict in ("on_track", "at_risk"), verdict
    assert WORDS[lang][verdict] in row.locator("td.verdict").inner_text()
    if lang == "ar":
        assert page.evaluate("document.documentElement.dir") == "rtl"
    _shot(page, f"steering-targets-overview-{lang}")


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_directive_with_lead_and_cooperating_units_is_delegated_and_followed(as_user, server, lang):
    ids = server["ids"]
    text = f"Browser {lang}: speed up site clearance for the ring road"
    planner = as_user("planner", lang)
    planner.goto(server["url"] + "/directives/new/")
    area_options = planner.locator("#id_area option").all_inner_texts()
    assert len([o for o in area_options if o.strip() and not o.startswith("-")]) == 1  # Bac Ninh, once
    planner.select_option("#id_area", index=1)
    planner.fill("#id_text", text)
    planner.select_option("#id_language", "en")
    planner.select_option("#id_lead_unit", str(ids["VN-24-CONS"]))
    planner.select_option("#id_cooperating", [str(ids["VN-24-AGRI"]), str(ids["VN-24-MOIT"])])
    planner.fill("#id_period", "2025Q4")
    planner.fill("#id_issued_on", "2025-10-01")
    planner.fill("#id_deadline", "2025-12-31")
    planner.click("main form button[type=submit]")
    planner.wait_for_url(lambda url: "/directives/new/" not in url)
    directive_url = planner.url
    own = planner.locator("#own-assignments tbody tr")
    assert own.count() == 3
    assert sorted(own.nth(i).get_attribute("data-role") for i in range(3)) == [
        "cooperating",
        "cooperating",
        "lead",
    ]
    planner.click("#delegate-form button[type=submit]")
    planner.wait_for_load_state()
    assert planner.locator(".messages .msg-success").count() == 1
    # Every assignment survives: the lead's and the cooperating units' beside the 99 communes'.
    assert planner.locator("#own-assignments tbody tr").count() == 3
    assert "99" in planner.locator("h2", has_text="99").first.inner_text()
    assert planner.locator("#delegated-assignments tbody tr").count() == 25  # paged
    directive_id = int(directive_url.rstrip("/").rsplit("/", 1)[-1])
    listed = planner.request.get(
        server["url"] + f"/api/assignments?directive={directive_id}&limit=500"
    ).json()
    roles = [a["role"] for a in listed["items"]]
    assert (roles.count("lead"), roles.count("cooperating"), roles.count("delegated")) == (1, 2, 99)
    _shot(planner, f"steering-directive-{lang}")

    # The commune reports progress on its own assignment.
    commune = as_user("commune", lang)
    commune.goto(server["url"] + "/directives/?q=" + text.split(":")[0].replace(" ", "+"))
    links = commune.locator("table.tasks tbody a")
    assert links.count() == 1
    links.first.click()
    date_input = commune.locator("#id_date")
    today = datetime.date.today().isoformat()
    assert date_input.get_attribute("max") == today  # the picker offers no future day
    commune.fill("#id_percent", "40")
    commune.fill("#id_text", "Households consulted; 40% of the land handed over")
    commune.click("#progress-form button[type=submit]")
    commune.wait_for_load_state()
    assert commune.locator(".messages .msg-success").count() == 1
    assert "40" in commune.locator("table.reports").inner_text()
    assignment_url = commune.url
    # A future date is refused by the server too (the picker's limit removed).
    commune.evaluate("document.querySelector('#id_date').removeAttribute('max')")
    commune.fill("#id_date", "2099-01-01")
    commune.fill("#id_percent", "60")
    commune.fill("#id_text", "reported ahead of time")
    commune.click("#progress-form button[type=submit]")
    commune.wait_for_load_state()
    assert WORDS[lang]["future"] in commune.locator("#progress-form").inner_text()
    assert "60" not in commune.locator("table.reports").inner_text()
    _shot(commune, f"steering-commune-report-{lang}")

    # The Department of Finance is outside this assignment: no form, and a post is refused.
    department = as_user("department", lang)
    department.goto(assignment_url)
    assert department.locator("#progress-form").count() == 0
    token = department.evaluate("document.querySelector('[name=csrfmiddlewaretoken]')?.value || ''")
    refused = department.request.post(
        assignment_url,
        form={
            "csrfmiddlewaretoken": token,
            "date": today,
            "percent": "100",
            "text": "closing it",
            "revision": "2",
        },
        headers={"Referer": assignment_url},
    )
    assert refused.status == 403

    # The summary counts the lead, the cooperating units and the communes in the four classes.
    planner.goto(server["url"] + "/directives/summary/?province=VN-24&period=2025Q4")
    assert planner.locator('table.units tr[data-unit="VN-24-CONS"]').count() >= 1
    assert planner.locator(f'table.units tr[data-unit="{server["commune"]}-PC"]').count() == 1
    _shot(planner, f"steering-summary-{lang}")
