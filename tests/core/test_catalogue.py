"""The indicator catalogue: every code the extractor and tests use, and rules of aggregation."""

from __future__ import annotations

import json
import re

import pytest

from marsad.core.catalogue import (
    AREA_AGGREGATIONS,
    CATALOGUE_FILE,
    TIME_AGGREGATIONS,
    CatalogueError,
    Indicator,
    children_of,
    load_catalogue,
    parse_catalogue,
)

# The list in shared/DESIGN.md, "Indicator codes the extractor and tests use".
DESIGN_CODES = """grdp va_industry_construction va_services va_agriculture_forestry_fishery product_taxes
iip retail_sales exports imports trade_turnover budget_revenue budget_expenditure investment_capital
public_investment_disbursed fdi_registered ddi_registered new_enterprises cpi visitors tourism_revenue
poverty_rate communes_with_digital_product socio_economic_targets_met""".split()


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


@pytest.fixture
def raw():
    return json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))


def test_every_design_code_is_in_the_catalogue(cat):
    assert set(DESIGN_CODES) <= set(cat)


def test_load_is_cached(cat):
    assert load_catalogue() is cat


def test_entries_are_complete(cat):
    for code, ind in cat.items():
        assert isinstance(ind, Indicator) and ind.code == code
        assert ind.name_ar and ind.name_vi and ind.name_en and ind.unit
        assert re.search(r"[\u0600-\u06FF]", ind.name_ar), code
        assert ind.name_en.isascii(), code
        assert ind.area_aggregation in AREA_AGGREGATIONS
        assert ind.time_aggregation in TIME_AGGREGATIONS
        assert 0 <= ind.decimals <= 6


def test_names_in_three_languages(cat):
    grdp = cat["grdp"]
    assert grdp.name("ar") == "الناتج المحلي الإجمالي للمقاطعة (GRDP)"
    assert grdp.name("vi") == "Tổng sản phẩm trên địa bàn (GRDP)"
    assert grdp.name("en") == "Gross regional domestic product (GRDP)"
    assert grdp.name("fr") == grdp.name_en
    assert len({i.name_en for i in cat.values()}) == len(cat)


def test_grdp_is_its_sectors_plus_product_taxes(cat):
    assert {i.code for i in children_of("grdp")} == {
        "va_industry_construction",
        "va_services",
        "va_agriculture_forestry_fishery",
        "product_taxes",
    }
    for part in children_of("grdp"):
        assert (part.unit, part.area_aggregation, part.time_aggregation) == ("billion VND", "sum", "flow")
    assert children_of("exports") == []
    with pytest.raises(KeyError, match="nothing"):
        children_of("nothing")


@pytest.mark.parametrize("code", ["iip", "cpi"])
def test_indices_are_rates_that_do_not_aggregate(cat, code):
    assert (cat[code].unit, cat[code].time_aggregation, cat[code].area_aggregation) == (
        "index",
        "rate",
        "none",
    )


@pytest.mark.parametrize(
    "code", ["poverty_rate", "communes_with_digital_product", "socio_economic_targets_met"]
)
def test_shares_are_percent_rates_not_summed_over_areas(cat, code):
    ind = cat[code]
    assert ind.unit == "%" and ind.time_aggregation == "rate" and ind.area_aggregation != "sum"
    assert not ind.is_additive_over_areas and not ind.is_additive_over_time


@pytest.mark.parametrize(
    ("code", "unit"),
    [
        ("exports", "million USD"),
        ("imports", "million USD"),
        ("fdi_registered", "million USD"),
        ("budget_revenue", "billion VND"),
        ("new_enterprises", "enterprises"),
        ("visitors", "visitors"),
    ],
)
def test_flows_sum_over_areas_and_time(cat, code, unit):
    ind = cat[code]
    assert ind.unit == unit and ind.is_additive_over_areas and ind.is_additive_over_time


def test_headline_indicators(cat):
    headline = {c for c, i in cat.items() if i.headline}
    assert {"grdp", "budget_revenue", "exports"} <= headline
    assert "product_taxes" not in headline


# --- validation -----------------------------------------------------------------------------


def test_the_budget_is_planned_by_its_estimate(cat):
    assert {code for code, ind in cat.items() if ind.plan_kind == "estimate"} == {
        "budget_revenue",
        "budget_expenditure",
    }
    assert cat["grdp"].plan_kind == "plan"


def test_the_file_parses_to_the_loaded_catalogue(raw, cat):
    assert parse_catalogue(raw) == cat


def test_unknown_parent_is_refused(raw):
    raw["va_services"]["parent"] = "gdp"
    with pytest.raises(CatalogueError, match=r"'va_services'.*unknown parent 'gdp'"):
        parse_catalogue(raw)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("area_aggregation", "mean", "area_aggregation 'mean' is not one of"),
        ("time_aggregation", "sum", "time_aggregation 'sum' is not one of"),
        ("decimals", "2", "decimals must be"),
        ("decimals", True, "decimals must be"),
        ("headline", "yes", "headline must be"),
        ("name_ar", "", "missing or empty name_ar"),
        ("colour", "red", "unknown field"),
        ("plan_kind", "budget", "plan_kind 'budget' is not one of"),
    ],
)
def test_bad_fields_are_refused_naming_the_entry(raw, field, value, message):
    raw["cpi"][field] = value
    with pytest.raises(CatalogueError, match=re.escape("indicator 'cpi'") + ".*" + re.escape(message)):
        parse_catalogue(raw)


def test_a_part_must_aggregate_like_its_whole(raw):
    raw["product_taxes"]["unit"] = "million USD"
    with pytest.raises(CatalogueError, match="'product_taxes'.*parent 'grdp'"):
        parse_catalogue(raw)


def test_parent_loops_are_refused(raw):
    raw["grdp"]["parent"] = "va_services"
    with pytest.raises(CatalogueError, match="loops"):
        parse_catalogue(raw)


def test_codes_must_be_lower_case(raw):
    raw["GRDP Total"] = raw.pop("grdp")
    with pytest.raises(CatalogueError, match="lower case"):
        parse_catalogue(raw)
