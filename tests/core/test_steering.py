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
    done = completed is not None and completed <= today
    assert status.is_done == done
    if done:
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
    assert summary_sentence(fu, "ar").startswith("21,914 مهمة")
    assert summary_sentence(fu, "ar", eastern_digits=True).startswith("٢١٬٩١٤ مهمة")


def test_the_sentence_counts_tasks_in_each_languages_plural():
    one = FollowUp()
    one.add(Status.OVERDUE, 1)
    assert summary_sentence(one, "en").startswith("1 task: 0 done")  # not "1 tasks"
    five = FollowUp()
    five.add(Status.OVERDUE, 5)
    assert summary_sentence(five, "ar").startswith("5 مهام")  # 3 to 10 take the plural
    assert summary_sentence(five, "vi").startswith("5 nhiệm vụ")


def test_rollup_status():
    assert rollup_status([]) is None
    assert rollup_status([Status.DONE_ON_TIME, Status.DONE_ON_TIME]) is Status.DONE_ON_TIME
    assert rollup_status([Status.DONE_ON_TIME, Status.DONE_LATE]) is Status.DONE_LATE
    assert rollup_status([Status.DONE_LATE, Status.IN_PROGRESS]) is Status.IN_PROGRESS
    assert rollup_status(["due_soon", "in_progress", "done_on_time"]) is Status.DUE_SOON
    assert rollup_status([Status.OVERDUE, Status.DUE_SOON]) is Status.OVERDUE


# -- as of any date ----------------------------------------------------------------------------
def test_as_of_a_day_before_completion_the_task_is_not_done():
    completed = date(2025, 12, 20)
    assert classify(DEADLINE, completed, date(2025, 12, 1), 7) is Status.IN_PROGRESS
    assert classify(DEADLINE, completed, date(2025, 12, 26), 7) is Status.DONE_ON_TIME
    assert classify(DEADLINE, date(2026, 1, 3), date(2026, 1, 2), 7) is Status.OVERDUE


def test_four_classes_put_due_soon_inside_within_deadline():
    from marsad.core.steering import GovClass, gov_class

    fu = tally([Status.DONE_ON_TIME, Status.DONE_LATE, Status.IN_PROGRESS, Status.DUE_SOON, Status.OVERDUE])
    assert fu.classes() == {
        GovClass.DONE_ON_TIME: 1,
        GovClass.DONE_LATE: 1,
        GovClass.WITHIN_DEADLINE: 2,
        GovClass.OVERDUE: 1,
    }
    assert gov_class(Status.DUE_SOON) is GovClass.WITHIN_DEADLINE
    assert gov_class("overdue") is GovClass.OVERDUE


# -- progress reports --------------------------------------------------------------------------
from marsad.core.steering import Progress, ProgressProblem, apply_progress, check_progress  # noqa: E402

TODAY = date(2025, 11, 10)


CURRENT = Progress(40, None, 3)


def _check(current=CURRENT, **kw):
    args = dict(on=TODAY, percent=50, text="done a part", reason="", revision=current.revision, today=TODAY)
    args.update(kw)
    return check_progress(current, **args)


def test_a_good_report_passes():
    assert _check() == []
    assert _check(issued_on=date(2025, 10, 1), last_report_on=date(2025, 11, 1)) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"on": TODAY + timedelta(days=1)}, ProgressProblem.FUTURE_DATE),
        ({"on": date(2027, 6, 1)}, ProgressProblem.FUTURE_DATE),
        ({"on": date(2025, 9, 30), "issued_on": date(2025, 10, 1)}, ProgressProblem.BEFORE_DIRECTIVE),
        ({"on": date(2025, 11, 1), "last_report_on": date(2025, 11, 2)}, ProgressProblem.BEFORE_LAST_REPORT),
        ({"percent": 30}, ProgressProblem.DECREASE_WITHOUT_REASON),
        ({"percent": 30, "reason": "   "}, ProgressProblem.DECREASE_WITHOUT_REASON),
        ({"percent": 101}, ProgressProblem.PERCENT_RANGE),
        ({"percent": -1}, ProgressProblem.PERCENT_RANGE),
        ({"percent": None}, ProgressProblem.PERCENT_RANGE),
        ({"text": " "}, ProgressProblem.NO_TEXT),
        ({"on": None}, ProgressProblem.NO_DATE),
        ({"revision": 2}, ProgressProblem.STALE),
        ({"revision": None}, ProgressProblem.STALE),
        ({"closed_on": date(2025, 11, 1)}, ProgressProblem.CLOSED),
    ],
)
def test_each_rule_refuses(change, problem):
    assert _check(**change) == [problem]


def test_a_decrease_with_a_reason_passes():
    assert _check(percent=30, reason="the audit found the counts wrong") == []


def test_apply_completes_and_reopens():
    done = apply_progress(Progress(40, None, 3), on=date(2025, 11, 5), percent=100)
    assert done == Progress(100, date(2025, 11, 5), 4)
    again = apply_progress(done, on=date(2025, 11, 9), percent=100)
    assert again.completed_on == date(2025, 11, 5)  # the first day it reached 100 % stays
    reopened = apply_progress(again, on=date(2025, 11, 9), percent=90)
    assert reopened == Progress(90, None, 6)


@given(
    current=st.builds(Progress, st.integers(0, 100), st.none() | dates, st.integers(1, 50)),
    percent=st.integers(-5, 105),
    seen=st.integers(0, 55),
    reason=st.sampled_from(["", "recount"]),
)
def test_accepted_reports_never_lower_percent_silently(current, percent, seen, reason):
    problems = check_progress(
        current, on=TODAY, percent=percent, text="x", reason=reason, revision=seen, today=TODAY
    )
    if not problems:
        assert seen == current.revision and 0 <= percent <= 100
        assert percent >= current.percent or reason
        after = apply_progress(current, on=TODAY, percent=percent)
        assert after.revision == current.revision + 1
        assert (after.completed_on is not None) == (percent == 100)
