"""End to end in Chromium: enter, review, scopes, and the Arabic right-to-left dashboard."""

from __future__ import annotations

import pytest

from marsad.web.formatting import number_text

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def test_commune_officer_enters_a_value_and_sees_it_on_the_dashboard(sign_in, server):
    page = sign_in("commune")
    page.goto(server["url"] + "/observations/entry/")
    # The officer has one commune: it is chosen already; the period is typed.
    assert page.locator("select[name=area]").input_value() == server["commune"]
    page.fill("input[name=period]", "2025Q2")
    page.click("form.filters button[type=submit]")
    page.fill("#v__budget_revenue__level", "1234.5")
    page.fill("#v__budget_revenue__yoy_pct", "٧٫٥")  # Eastern Arabic digits are read as digits
    page.click("#entry-form button[type=submit]")
    assert page.locator(".messages .msg-success").count() == 1
    page.goto(server["url"] + f"/dashboard/?area={server['commune']}&period=2025Q2")
    card = page.locator('article.card[data-indicator="budget_revenue"]')
    assert card.locator(".value").inner_text().strip() == number_text(1234.5, "ar")
    assert "7.5" in card.inner_text()


def test_planner_accepts_an_extracted_fact_and_sees_it_in_the_explorer(sign_in, server):
    page = sign_in("planner")
    page.goto(server["url"] + f"/documents/{server['document']}/")
    mark = page.locator("mark.fact").first
    assert mark.inner_text() == "5.800 tỷ đồng"
    row = page.locator("tr.proposal").first
    row.locator("button[value=accept]").click()  # htmx swaps the row in place
    page.locator("tr.proposal.decision-accepted").wait_for()
    page.goto(
        server["url"] + f"/explorer/?indicator=budget_revenue&area={server['commune']}&from=2025Q1&to=2025-9M"
    )
    table = page.locator("table.explorer-table").inner_text()
    assert number_text(5800, "ar") in table


def test_commune_officer_cannot_open_another_communes_data(sign_in, server):
    page = sign_in("commune")
    other = "VN-24-07228"
    assert other != server["commune"]
    for path in (
        f"/dashboard/?area={other}",
        f"/observations/entry/?area={other}&period=2025Q1",
        f"/explorer/?indicator=grdp&area={other}",
    ):
        response = page.goto(server["url"] + path)
        assert response.status == 403, path
    api = page.request.get(server["url"] + f"/api/observations?area={other}")
    assert api.status == 403
    assert page.request.get(server["url"] + f"/api/observations?area={server['commune']}").status == 200


def test_arabic_dashboard_is_right_to_left(sign_in, server):
    page = sign_in("planner")
    page.goto(server["url"] + "/dashboard/?area=VN-24")
    page.evaluate("document.fonts.ready")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-ar.png"), full_page=True)
    assert page.evaluate("document.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    width = page.viewport_size["width"]
    sidebar = page.locator("#sidebar").bounding_box()
    content = page.locator("#content").bounding_box()
    assert sidebar["x"] > width / 2  # the sidebar stands on the right
    assert content["x"] + content["width"] <= sidebar["x"] + 1
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', ''))"
    )
    assert "Noto Sans Arabic" in loaded  # served by the app, not the system
    assert page.locator("article.card").count() >= 3
    assert page.locator("#content svg").count() >= 2
