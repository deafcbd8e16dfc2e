"""figures.area_levels: the levels area_figures shows, without the figures built."""

from __future__ import annotations

from marsad.core import periods as P
from marsad.core.analytics.figures import ChildLevel, area_figures, area_levels

from .conftest import RULES, obs


def _inputs():
    """Own observations (a quarter, a growth, sectors, a plan), a merged province and the
    communes' months: every route of a level feeds some of them."""
    own = [
        obs("grdp", "level", 5800.0, area="VN-56", qualifier="more_than"),
        obs("grdp", "yoy_pct", 8.26, area="VN-56"),
        obs("va_services", "level", 2151.0, area="VN-56"),
        obs("va_industry_construction", "level", 2102.0, area="VN-56"),
        obs("va_agriculture_forestry_fishery", "level", 1299.0, area="VN-56"),
        obs("budget_revenue", "level", 90000.0, area="VN-56", period="2024", status="plan"),
        obs("budget_revenue", "level", 1207.0, area="VN-56", period="2024Q2"),
    ]
    merged = {"VN-OLD-58": [obs("grdp", "level", 4000.0, area="VN-OLD-58")]}
    months = [m.code for y in (2023, 2024) for m in P.year(y).months]
    children = [
        ChildLevel("budget_revenue", m, 100.0 + i, 99, 99 if i % 5 else 98, unit="billion VND")
        for i, m in enumerate(months)
    ]
    return own, merged, children


def test_area_levels_are_the_levels_area_figures_shows():
    own, merged, children = _inputs()
    for basis in ("current", "historical"):
        kwargs = dict(own=own, merged=merged, children=children, catalogue=RULES, basis=basis)
        figs = area_figures("VN-56", "2024", **kwargs)
        shown = [
            (f.indicator, f.period, f.plan, f.value, f.qualifier, f.unit)
            for (_i, _p, measure, _plan), f in figs.figures.items()
            if measure == "level"
        ]
        levels = area_levels("VN-56", "2024", **kwargs)
        assert len(shown) > 40 and {x[0] for x in shown} >= {"grdp", "budget_revenue", "product_taxes"}
        assert levels == shown


def test_figures_and_facts_pickle_as_their_fields_and_come_back_equal():
    """A province's cached figures are thousands of them, read back on every warm request: each
    pickles as its class and its fields, not through a dict of its slots."""
    import pickle

    from marsad.core.analytics.derive import Fact
    from marsad.core.analytics.figures import Figure

    own, merged, children = _inputs()
    figs = area_figures("VN-56", "2024", own=own, merged=merged, children=children, catalogue=RULES)
    assert isinstance(next(iter(figs.base.facts.values())), Fact)
    for cls, obj in (
        (Figure, next(iter(figs.figures.values()))),
        (Fact, next(iter(figs.base.facts.values()))),
    ):
        assert obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)[0] is cls
    back = pickle.loads(pickle.dumps(figs, pickle.HIGHEST_PROTOCOL))
    assert back.figures == figs.figures and back.base.facts == figs.base.facts
    assert back.disagreements == figs.disagreements


def test_a_fact_base_pickles_as_its_catalogue_and_facts():
    import pickle

    own, merged, children = _inputs()
    base = area_figures("VN-56", "2024", own=own, merged=merged, children=children, catalogue=RULES).base
    assert "_read" in base.__dict__  # the catalogue was read while deriving
    back = pickle.loads(pickle.dumps(base, pickle.HIGHEST_PROTOCOL))
    assert set(vars(back)) == {"catalogue", "facts", "_levels_only"}
    assert back.facts == base.facts and back._wholes == base._wholes
