"""The entry grid in Chromium, in Arabic, Vietnamese and English: save, conflict between two
tabs, delete, a locked period, and an import with a bad row."""

from __future__ import annotations

from decimal import Decimal

import pytest

from marsad.core.numbers import format_exact

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

# One quarter per language, so the tests do not see each other's values.
QUARTER = {"ar": "2024Q1", "vi": "2024Q2", "en": "2024Q3"}
CELL = "#v__budget_revenue__level"


def _in(page, server, lang):
    page.context.add_cookies([{"name": "django_language", "value": lang, "url": server["url"]}])


def _open(page, server, lang, period=None):
    period = period or QUARTER[lang]
    page.goto(
        server["url"] + f"/observations/entry/?area={server['commune']}&period={period}&status=official"
    )
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_save_shows_the_exact_value_again(sign_in, server, lang):
    page = sign_in("commune")
    _in(page, server, lang)
    _open(page, server, lang)
    typed = format_exact(Decimal("4600.625"), lang)
    page.fill(CELL, typed)
    page.fill("#v__budget_revenue__yoy_pct", format_exact(Decimal("8.5"), lang))
    page.click("#entry-form button[type=submit]")
    assert page.locator(".messages .msg-success").count() >= 1
    assert page.locator(CELL).input_value() == typed  # not 4600.62, not 4.600,62
    # Saving again without touching anything changes nothing.
    page.click("#entry-form button[type=submit]")
    assert page.locator(CELL).input_value() == typed
    page.screenshot(path=str(ARTIFACTS / f"entry-saved-{lang}.png"), full_page=True)


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_two_tabs_conflict_and_nothing_is_overwritten(sign_in, server, lang):
    first = sign_in("commune")
    _in(first, server, lang)
    period = {"ar": "2023Q1", "vi": "2023Q2", "en": "2023Q3"}[lang]
    _open(first, server, lang, period)
    first.fill(CELL, format_exact(Decimal("100"), lang))
    first.click("#entry-form button[type=submit]")
    second = first.context.new_page()
    _open(second, server, lang, period)
    _open(first, server, lang, period)
    # Both tabs hold revision 1; the first saves 200, then the second tries 300.
    first.fill(CELL, format_exact(Decimal("200"), lang))
    first.click("#entry-form button[type=submit]")
    second.fill(CELL, format_exact(Decimal("300"), lang))
    second.click("#entry-form button[type=submit]")
    note = second.locator(".conflict-note")
    assert note.count() == 1
    assert format_exact(Decimal("200"), lang) in note.inner_text()
    assert format_exact(Decimal("300"), lang) in note.inner_text()
    second.screenshot(path=str(ARTIFACTS / f"entry-conflict-{lang}.png"), full_page=True)
    _open(first, server, lang, period)
    assert first.locator(CELL).input_value() == format_exact(Decimal("200"), lang)
    # Saving again from the second tab now overwrites knowingly.
    second.click("#entry-form button[type=submit]")
    _open(first, server, lang, period)
    assert first.locator(CELL).input_value() == format_exact(Decimal("300"), lang)


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_emptying_a_cell_deletes_its_value(sign_in, server, lang):
    page = sign_in("commune")
    _in(page, server, lang)
    period = {"ar": "2022Q1", "vi": "2022Q2", "en": "2022Q3"}[lang]
    _open(page, server, lang, period)
    page.fill(CELL, format_exact(Decimal("29232.75"), lang))
    page.click("#entry-form button[type=submit]")
    assert page.locator(CELL).input_value() == format_exact(Decimal("29232.75"), lang)
    page.fill(CELL, "")
    page.click("#entry-form button[type=submit]")
    assert page.locator(".messages .msg-success").count() >= 1
    assert page.locator(CELL).input_value() == ""


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_a_locked_period_says_who_approved_it(sign_in, server, lang):
    period = {"ar": "2021Q1", "vi": "2021Q2", "en": "2021Q3"}[lang]
    admin = sign_in("admin")
    _in(admin, server, lang)
    admin.goto(server["url"] + f"/observations/quality/?area={server['commune']}&period={period}")
    admin.click("button[name=action][value=approve]")
    assert admin.locator("#approval [role=status]").count() == 1
    page = sign_in("commune")
    _in(page, server, lang)
    _open(page, server, lang, period)
    notice = page.locator("#lock-notice")
    assert "admin" in notice.inner_text()
    assert page.locator(CELL).get_attribute("readonly") is not None
    assert page.locator("#entry-form button[type=submit]").count() == 0
    page.screenshot(path=str(ARTIFACTS / f"entry-locked-{lang}.png"), full_page=True)
    admin.click("button[name=action][value=unlock]")
    _open(page, server, lang, period)
    assert page.locator("#lock-notice").count() == 0


@pytest.mark.parametrize("lang", ["ar", "vi", "en"])
def test_an_import_with_a_bad_row_names_it_and_writes_nothing(sign_in, server, lang, tmp_path):
    page = sign_in("commune")
    _in(page, server, lang)
    commune = server["commune"]
    path = tmp_path / f"bad-{lang}.csv"
    path.write_text(
        f"area,indicator,period,value\n{commune},exports,2020Q1,10\n{commune},exports,2020Q2,-5\n",
        encoding="utf-8",
    )
    page.goto(server["url"] + "/observations/import/")
    page.set_input_files("input[type=file]", str(path))
    page.click("form.panel button[type=submit]")
    # The file is checked in the background: the job's page refreshes itself until it is done.
    page.wait_for_selector("#job[data-status=failed]", timeout=60_000)
    errors = page.locator("#job-errors tbody tr")
    assert errors.count() == 1
    cells = errors.first.locator("td").all_inner_texts()
    assert cells[1].strip() == "3" and cells[2].strip() == "value"
    page.screenshot(path=str(ARTIFACTS / f"import-bad-row-{lang}.png"), full_page=True)
    _open(page, server, lang, "2020Q1")
    assert page.locator("#v__exports__level").input_value() == ""
