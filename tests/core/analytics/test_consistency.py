"""Consistency checks find each kind of disagreement, with the observations involved."""

from __future__ import annotations

from marsad.core.analytics import check_consistency

from .conftest import RULES, obs

A = "VN-24"


def checks(rows, **kw):
    return check_consistency(rows, RULES, **kw)


def test_seed_000_is_consistent(seed_facts):
    assert checks(seed_facts) == []


def test_parts_that_do_not_add_up():
    rows = [
        obs("grdp", "level", 100, area=A, id="g"),
        obs("va_industry_construction", "level", 40, area=A, id="i"),
        obs("va_services", "level", 40, area=A, id="s"),
        obs("va_agriculture_forestry_fishery", "level", 10, area=A, id="a"),
        obs("product_taxes", "level", 5, area=A, id="t"),
    ]
    found = checks(rows)
    assert [d["check"] for d in found] == ["parts_sum"]
    assert found[0]["expected"] == 100 and found[0]["found"] == 95
    assert sorted(found[0]["observations"]) == ["a", "g", "i", "s", "t"]
    rows[-1]["value"] = 9.8  # within 0.5 %
    assert checks(rows) == []


def test_a_lower_bound_is_only_broken_from_below():
    rows = [
        obs("grdp", "level", 100, area=A, qualifier="more_than"),
        obs("va_industry_construction", "level", 40, area=A),
        obs("va_services", "level", 40, area=A),
        obs("va_agriculture_forestry_fishery", "level", 15, area=A),
        obs("product_taxes", "level", 10, area=A),
    ]
    assert checks(rows) == []  # 105 is "more than 100"
    rows[-1]["value"] = 1
    assert [d["check"] for d in checks(rows)] == ["parts_sum"]  # 96 is not


def test_growth_that_does_not_match_its_levels():
    rows = [
        obs("grdp", "level", 110, area=A, period="2025Q1", id="now"),
        obs("grdp", "level", 100, area=A, period="2024Q1", id="before"),
        obs("grdp", "yoy_pct", 12, area=A, period="2025Q1", id="g"),
    ]
    found = checks(rows)
    assert [d["check"] for d in found] == ["growth_levels"]
    assert abs(found[0]["expected"] - 10) < 1e-9 and found[0]["found"] == 12
    assert sorted(found[0]["observations"]) == ["before", "g", "now"]
    rows[-1]["value"] = 10.05
    assert checks(rows) == []


def test_plan_pct_that_does_not_match_the_plan():
    rows = [
        obs("budget_revenue", "level", 1207, area=A),
        obs("budget_revenue", "plan_pct", 35, area=A),
        obs("budget_revenue", "level", 3997, area=A, period="2024", status="plan"),
    ]
    found = checks(rows)
    assert [d["check"] for d in found] == ["plan_pct_plan"]
    assert abs(found[0]["expected"] - 30.198) < 0.01
    rows[1]["value"] = 30.2
    assert checks(rows) == []


def test_shares_that_do_not_add_up_to_100():
    codes = ["va_industry_construction", "va_services", "va_agriculture_forestry_fishery", "product_taxes"]
    rows = [obs(c, "share_pct", v, area=A) for c, v in zip(codes, (36.2, 37.1, 22.4, 7.0), strict=True)]
    found = checks(rows)
    assert [d["check"] for d in found] == ["shares_sum"]
    assert abs(found[0]["found"] - 102.7) < 1e-9
    rows[-1]["value"] = 4.3
    assert checks(rows) == []


def test_quarters_that_do_not_add_up_to_the_span():
    rows = [obs("grdp", "level", v, area=A, period=f"2025Q{q}") for q, v in ((1, 10), (2, 10), (3, 10))]
    rows.append(obs("grdp", "level", 40, area=A, period="2025-9M"))
    assert [d["check"] for d in checks(rows)] == ["spans_sum"]


def test_about_gets_a_wider_tolerance():
    rows = [
        obs("grdp", "level", 110, area=A, period="2025Q1"),
        obs("grdp", "level", 100, area=A, period="2024Q1"),
        obs("grdp", "yoy_pct", 10.3, area=A, period="2025Q1", qualifier="about"),
    ]
    assert checks(rows) == []
    rows[-1]["qualifier"] = "exact"
    assert [d["check"] for d in checks(rows)] == ["growth_levels"]


def test_each_check_says_what_it_found_in_each_language():
    """The message of a check is written in the reader's language: translated words, that
    language's numbers (isolated in Arabic), the indicators by name."""
    from marsad.core.analytics.consistency import MESSAGES, describe
    from marsad.core.catalogue import load_catalogue
    from marsad.core.languages import LRI, PDI

    rows = [
        obs("grdp", "level", 1000, area=A),
        obs("va_industry_construction", "level", 400, area=A),
        obs("va_services", "level", 400, area=A),
        obs("va_agriculture_forestry_fishery", "level", 100, area=A),
        obs("product_taxes", "level", 50, area=A),
    ]
    (item,) = checks(rows)
    grdp = load_catalogue()["grdp"]
    en, vi, ar = (describe(item, lang) for lang in ("en", "vi", "ar"))
    assert en == item["message"]
    assert "add up to 950" in en and f"{grdp.name('en')} is 1,000" in en
    assert "cộng lại bằng 950" in vi and f"{grdp.name('vi')} là 1.000" in vi
    assert f"{LRI}950{PDI}" in ar and f"{LRI}1,000{PDI}" in ar and grdp.name("ar") in ar
    assert "يساوي" in ar and "add up" not in ar
    assert describe(item, "ar", eastern_digits=True).count("١٬٠٠٠") == 1  # as the pages write it
    # every check has a message, and every message names only the values its check gives
    assert set(MESSAGES) >= {"parts_sum", "shares_sum", "share_levels", "contributions_sum"}
    assert set(MESSAGES) >= {"growth_levels", "plan_pct_plan", "spans_sum", "communes", "provinces"}


def test_growth_message_in_vietnamese_uses_its_decimal_comma():
    from marsad.core.analytics.consistency import describe

    rows = [
        obs("grdp", "level", 110, period="2025Q1", area=A),
        obs("grdp", "level", 100, period="2024Q1", area=A),
        obs("grdp", "yoy_pct", 12.5, period="2025Q1", area=A),
    ]
    (item,) = checks(rows)
    assert item["check"] == "growth_levels"
    text = describe(item, "vi")
    assert "+10%" in text and "+12,5%" in text and "không phải" in text
