"""Periods: parsing, formatting and calendar arithmetic, with property tests."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.core import periods as P

years = st.integers(min_value=1990, max_value=2100)
any_period = st.one_of(
    years.map(P.year),
    st.builds(P.half, years, st.integers(1, 2)),
    st.builds(P.quarter, years, st.integers(1, 4)),
    st.builds(P.month, years, st.integers(1, 12)),
    st.builds(P.year_to_date, years, st.integers(1, 12)),
)


@pytest.mark.parametrize(
    "code, first, last",
    [
        ("2024", 1, 12),
        ("2024S1", 1, 6),
        ("2024S2", 7, 12),
        ("2024Q3", 7, 9),
        ("202403", 3, 3),
        ("2025-9M", 1, 9),
    ],
)
def test_parse_reads_each_kind(code, first, last):
    p = P.parse(code)
    assert (p.first, p.last) == (first, last)
    assert p.code == code


@pytest.mark.parametrize(
    "code, canonical",
    [
        ("2025-3M", "2025Q1"),
        ("2025-6M", "2025S1"),
        ("2025-12M", "2025"),
        ("2025-1M", "202501"),
        (" 2024q2 ", "2024Q2"),
    ],
)
def test_one_spelling_per_span(code, canonical):
    assert P.parse(code).code == canonical


@pytest.mark.parametrize(
    "bad", ["2024Q5", "2024S3", "202413", "202400", "2025-13M", "2025-0M", "24Q1", "", "Q5 2024", "2024-Q0"]
)
def test_malformed_codes_are_refused_with_a_message(bad):
    with pytest.raises(P.PeriodError, match="not a period"):
        P.parse(bad)


@given(st.from_regex(P.CODE_PATTERN, fullmatch=True))
def test_every_code_the_pattern_admits_is_a_period(code):
    # The API documents CODE_PATTERN: a value matching it must never be refused as a period.
    assert P.parse(code).code == P.parse(P.parse(code).code).code


@pytest.mark.parametrize("y", [P.MIN_YEAR, 2025, P.MAX_YEAR])
def test_the_pattern_admits_every_code_of_a_year(y):
    import re

    codes = [p.code for p in P.periods_of_year(y)] + [f"{y}-{n}M" for n in range(1, 13)]
    assert all(re.fullmatch(P.CODE_PATTERN, c) for c in codes)


@pytest.mark.parametrize("bad", ["1899", "3000", "0000", "2024Q5", "2024q1", " 2024", "Q3 2025", "2025-0M"])
def test_the_pattern_refuses_what_is_not_a_code_of_the_years_taken(bad):
    import re

    assert re.search(P.CODE_PATTERN, bad) is None


def test_non_text_is_refused():
    with pytest.raises(P.PeriodError):
        P.parse(2024)  # type: ignore[arg-type]


def test_calendar():
    q = P.parse("2024Q1")
    assert (q.start, q.end) == (date(2024, 1, 1), date(2024, 3, 31))
    assert P.parse("202402").end == date(2024, 2, 29)
    assert [m.code for m in q.months] == ["202401", "202402", "202403"]
    assert [x.code for x in P.parse("2025-9M").quarters] == ["2025Q1", "2025Q2", "2025Q3"]
    assert P.parse("202405").quarters == ()


def test_remainder_of_year():
    assert [p.code for p in P.parse("2025-9M").remainder_of_year()] == ["2025Q4"]
    assert [p.code for p in P.parse("2025-8M").remainder_of_year()] == ["202509", "2025Q4"]
    assert P.parse("2025").remainder_of_year() == ()
    assert P.parse("2025Q3").remaining_months() == 3


def test_previous_and_same_period_last_year():
    assert P.parse("2024Q1").previous().code == "2023Q4"
    assert P.parse("202401").previous().code == "202312"
    assert P.parse("2024S2").previous().code == "2024S1"
    assert P.parse("2025-9M").same_period_last_year().code == "2024-9M"
    assert P.parse("2025-9M").previous().code == "2024-9M"


def test_ordering_is_chronological_by_end_then_longer_first():
    codes = ["202412", "2024Q4", "2024", "2024S1", "2024Q1", "2023"]
    assert [p.code for p in sorted(map(P.parse, codes))] == [
        "2023",
        "2024Q1",
        "2024S1",
        "2024",
        "2024Q4",
        "202412",
    ]


@given(any_period)
def test_format_parse_round_trip(p):
    assert P.parse(p.code) == p
    assert P.parse(p.code).code == p.code


@given(any_period, st.integers(-50, 50))
def test_shifting_years_keeps_months_and_composes(p, k):
    shifted = p.shift_years(k)
    assert (shifted.first, shifted.last, shifted.kind) == (p.first, p.last, p.kind)
    assert shifted.shift_years(-k) == p


@given(any_period)
def test_period_and_remainder_tile_the_year_from_its_start(p):
    pieces = (p.to_date_span(), *p.remainder_of_year())
    months = [m for piece in pieces for m in piece.months]
    assert [m.first for m in months] == list(range(1, 13))


@given(any_period)
def test_quarters_lie_inside_and_months_cover(p):
    assert all(p.contains(q) for q in p.quarters)
    assert len(p.months) == p.length
    assert sum(q.length for q in p.quarters) <= p.length


@given(any_period, any_period)
def test_ordering_is_total_and_consistent(a, b):
    assert (a < b) + (b < a) + (a == b) == 1


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2025-9M", "2025Q4"),
        ("2025Q3", "2025Q4"),
        ("2024Q1", "2024Q2"),
        ("2025", "2026Q1"),
        ("2025-8M", "202509"),
    ],
)
def test_next_period_is_the_next_piece_of_the_year(code, expected):
    assert P.next_period(code).code == expected


@given(any_period)
def test_next_period_starts_right_after(p):
    nxt = P.next_period(p)
    assert (nxt.year, nxt.first) == ((p.year, p.last + 1) if p.last < 12 else (p.year + 1, 1))


def test_periods_of_year_lists_every_code_once():
    codes = [p.code for p in P.periods_of_year(2024)]
    assert (
        len(codes) == len(set(codes)) == 1 + 2 + 4 + 12 + 8
    )  # year, halves, quarters, months, 2M..11M but 3M = Q1, 6M = S1
    assert {"2024", "2024S2", "2024Q3", "202411", "2024-9M"} <= set(codes)
