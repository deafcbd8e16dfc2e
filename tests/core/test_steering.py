"""The Government Office classification, on plain dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.core.steering import FollowUp, Status, classify, rollup_status, summary_sentence, tally

DEADLINE = date(2025, 12, 31)


@pytest.mark.parametrize(
    ("completed", "today", "expected"),
    [
        (date(2025, 12, 31), date(2026, 1, 5), Status.DONE_ON_TIME),  # on the deadline day
        (date(2025, 12, 1), date(2025, 12, 2), Status.DONE_ON_TIME),
        (date(2026, 1, 1), date(2026, 1, 1), Status.DONE_LATE),  # one day after
        (None, date(2025, 12, 23), Status.IN_PROGRESS),  # 8 days left
        (None, date(2025, 12, 24), Status.DUE_SOON),  # 7 days left
        (None, date(2025, 12, 31), Status.DUE_SOON),  # the deadline day itself: 0 days left
        (None, date(2026, 1, 1), Status.OVERDUE),
    ],
)
def test_boundaries(completed, today, expected):
    assert classify(DEADLINE, completed, today, 7) is expected


def test_due_soon_window_is_configurable():
    today = DEADLINE - timedelta(days=10)
    assert classify(DEADLINE, None, today, 7) is Status.IN_PROGRESS
    assert classify(DEADLINE, None, today, 10) is Status.DUE_SOON
    assert classify(DEADLINE, None, DEADLINE, 0) is Status.DUE_SOON
    with pytest.raises(ValueError):
        classify(DEADLINE, None, today, -1)


def test_no_deadline():
    assert classify(None, None, date(2030, 1, 1)) is Status.IN_PROGRESS
    assert classify(None, date(2025, 1, 1), date(2030, 1, 1)) is Status.DONE_ON_TIME


dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@given(deadline=dates, completed=st.none() | dates, today=dates, days=st.integers(0, 60))
def test_classification_matches_the_definitions(deadline, completed, today, days):
    status = classify(deadline, completed, today, days)
    assert status.is_done == (completed is not None)
    if completed is not None:
        assert (status is Status.DONE_LATE) == (completed > deadline)
    else:
        left = (deadline - today).days
        assert (status is Status.OVERDUE) == (left < 0)
        assert (status is Status.DUE_SOON) == (0 <= left <= days)
        assert (status is Status.IN_PROGRESS) == (left > days)


@given(st.lists(st.sampled_from(list(Status)), max_size=50))
def test_tally_adds_up(statuses):
    fu = tally(statuses)
    d = fu.as_dict()
    assert d["total"] == len(statuses)
    assert d["done"] == d["done_on_time"] + d["done_late"]
    assert d["not_done"] == d["within_deadline"] + d["overdue"]
    assert d["within_deadline"] == d["in_progress"] + d["due_soon"]
    assert d["overdue"] == statuses.count(Status.OVERDUE)
    assert (fu + fu).total == 2 * len(statuses)


def test_government_office_sentence():
    fu = FollowUp()
    fu.add(Status.DONE_ON_TIME, 14068)
    fu.add(Status.DONE_LATE, 1983)
    fu.add(Status.IN_PROGRESS, 5600)
    fu.add(Status.DUE_SOON, 40)
    fu.add(Status.OVERDUE, 223)
    en = summary_sentence(fu, "en")
    assert en.startswith(
        "21,914 tasks: 16,051 done — 14,068 on time, 1,983 late; 5,863 not done — 5,640 within"
    )
    assert en.endswith("223 overdue")
    assert summary_sentence(fu, "vi").startswith("21.914 nhiệm vụ: 16.051 đã hoàn thành")
    assert "٬" in summary_sentence(fu, "ar") and "مهمة" in summary_sentence(fu, "ar")


def test_rollup_status():
    assert rollup_status([]) is None
    assert rollup_status([Status.DONE_ON_TIME, Status.DONE_ON_TIME]) is Status.DONE_ON_TIME
    assert rollup_status([Status.DONE_ON_TIME, Status.DONE_LATE]) is Status.DONE_LATE
    assert rollup_status([Status.DONE_LATE, Status.IN_PROGRESS]) is Status.IN_PROGRESS
    assert rollup_status(["due_soon", "in_progress", "done_on_time"]) is Status.DUE_SOON
    assert rollup_status([Status.OVERDUE, Status.DUE_SOON]) is Status.OVERDUE
