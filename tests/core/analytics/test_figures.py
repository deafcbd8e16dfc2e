"""figures.area_levels: the levels area_figures shows, without the figures built."""

from __future__ import annotations

from marsad.core import periods as P
from marsad.core.analytics.figures import ChildLevel, area_figures, area_levels, area_levels_many

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


def _shown_levels(figs):
    return [
        (f.indicator, f.period, f.plan, f.value, f.qualifier, f.unit)
        for (_i, _p, measure, _plan), f in figs.figures.items()
        if measure == "level"
    ]


def _children_shapes():
    """Children's levels of many shapes: months of both years or of some, partial counts,
    another count last year (unlike areas), quarters or spans stored, a stock, an average, a
    breakdown's parts, a plan of the year, a rate nobody sums."""
    months = [m.code for y in (2023, 2024) for m in P.year(y).months]

    def level(indicator, codes, count=99, expected=99, **kw):
        return [ChildLevel(indicator, c, 100.0 + i * 1.5, count, expected, **kw) for i, c in enumerate(codes)]

    yield "months", level("budget_revenue", months), True
    yield "some months", level("budget_revenue", [m for m in months if m[-2:] not in ("03", "11")]), True
    yield "this year's months", level("budget_revenue", months[12:]), True
    yield "partial", level("budget_revenue", months, count=97), True
    yield "a plan", level("budget_revenue", months) + level("budget_revenue", ["2024"], plan=True), True
    yield "stock", level("enterprises_active", months, unit="enterprises"), True
    yield "average", level("poverty_rate", months, unit="%"), True
    yield "rate", level("cpi", months, unit="%"), True  # not summed: no level at all
    # 2023's Q3 has more communes than 2024's (left out as unlike), its 9M and S1 as many: the
    # fact base gives that Q3 back as 9M - S1
    q3 = {"202307": 99, "202308": 99, "202309": 99, "202407": 98, "202408": 98, "202409": 98}
    unlike = [ChildLevel("budget_revenue", m, 100.0 + i, q3.get(m, 97), 99) for i, m in enumerate(months)]
    yield "unlike last year", unlike, False
    yield (
        "all unlike last year",
        level("budget_revenue", months[:12], 98) + level("budget_revenue", months[12:]),
        False,
    )
    # the fact base gives Q3 as 9M - S1
    yield "months and a span", level("budget_revenue", [*months[12:18], "2024-9M"]), False
    yield "quarters", level("budget_revenue", ["2024Q1", "2024Q2", "2024Q3", "2024-9M", "2024S1"]), False
    parts = [
        *level("va_services", months),
        *level("va_industry_construction", months),
        *level("va_agriculture_forestry_fishery", months),
        *level("grdp", months),
    ]
    yield "a breakdown", parts, False


def test_an_area_from_its_children_alone_has_the_levels_its_fact_base_gives(monkeypatch):
    """area_levels without a fact base (an area with no rows of its own, from its children's
    routes) gives what the fact base and area_figures give, on every shape; and it is taken
    where the module says derivation adds nothing (True), not where it could (False)."""
    from marsad.core.analytics import figures as F

    real = F._children_only_levels
    taken = []

    def spy(areas, *args):
        found = real(areas, *args)
        taken.extend(v is not None for v in found.values())
        return found

    monkeypatch.setattr(F, "_children_only_levels", spy)
    shapes = list(_children_shapes())
    for name, children, fast in shapes:
        for basis in ("current", "historical"):
            taken.clear()
            kwargs = dict(children=children, catalogue=RULES, basis=basis)
            levels = area_levels("VN-24", "2024", **kwargs)
            with monkeypatch.context() as m:
                m.setattr(F, "_children_only_levels", lambda *args: {})
                from_facts = area_levels("VN-24", "2024", **kwargs)
            assert levels == from_facts == _shown_levels(area_figures("VN-24", "2024", **kwargs)), name
            assert taken == [fast], name
            assert bool(levels) == (name != "rate"), name
    # many areas at once, of every shape (some alike, computed together): each as alone
    inputs = {f"VN-{i:02d}": {"children": children} for i, (_n, children, _f) in enumerate(shapes * 2)}
    together = area_levels_many(inputs, "2024", catalogue=RULES)
    assert together == {
        a: area_levels(a, "2024", children=x["children"], catalogue=RULES) for a, x in inputs.items()
    }
