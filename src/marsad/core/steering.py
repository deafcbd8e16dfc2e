"""Follow-up of directives the way the Government Office classifies it: plain dates in, status out.

A task is *done* on a day when it was completed on or before that day, otherwise *not done*
(so the same rules answer "as of any date"):

    done on time      completed on or before the deadline (or it has no deadline)
    done late         completed after the deadline
    in progress       not done, today <= deadline, more than N days left (or no deadline)
    due soon          not done, 0 <= days left <= N      (N = MARSAD_DUE_SOON_DAYS, 7)
    overdue           not done, today > deadline

The Government Office's follow-up reports count four classes (Decision 42/2014/QĐ-TTg as
amended): done on time, done late, in progress within deadline (in progress + due soon; due
soon is a warning inside it), overdue. No Django here: the Django shell computes the same
classification in SQL for its summaries, and the tests hold the two to the same answers.

The rules a progress report must pass (no future date, not before the directive, percent going
down only with a reason, a report made on the assignment as it now stands) live here too, as
plain data in and problems out: the pages and the API word the problems in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from marsad.core.languages import translator
from marsad.core.numbers import format_number

__all__ = [
    "DEFAULT_DUE_SOON_DAYS",
    "Status",
    "GovClass",
    "FollowUp",
    "Progress",
    "ProgressProblem",
    "check_progress",
    "apply_progress",
    "classify",
    "tally",
    "rollup_status",
    "summary_sentence",
]

DEFAULT_DUE_SOON_DAYS = 7


class Status(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"

    @property
    def is_done(self) -> bool:
        return self in (Status.DONE_ON_TIME, Status.DONE_LATE)

    @property
    def label(self) -> dict[str, str]:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, dict[str, str]] = {
    Status.DONE_ON_TIME: {"ar": "منجزة في الموعد", "vi": "Hoàn thành đúng hạn", "en": "done on time"},
    Status.DONE_LATE: {"ar": "منجزة متأخرة", "vi": "Hoàn thành quá hạn", "en": "done late"},
    Status.IN_PROGRESS: {
        "ar": "قيد التنفيذ ضمن الموعد",
        "vi": "Đang thực hiện trong hạn",
        "en": "in progress",
    },
    Status.DUE_SOON: {"ar": "يقترب موعدها", "vi": "Sắp đến hạn", "en": "due soon"},
    Status.OVERDUE: {"ar": "متأخرة عن الموعد", "vi": "Quá hạn", "en": "overdue"},
}


class GovClass(StrEnum):
    """The four classes of the Government Office's follow-up reports."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    WITHIN_DEADLINE = "within_deadline"
    OVERDUE = "overdue"


def gov_class(status: Status | str) -> GovClass:
    status = Status(status)
    if status in (Status.IN_PROGRESS, Status.DUE_SOON):
        return GovClass.WITHIN_DEADLINE
    return GovClass(status.value)


# Worst first: the status a group of tasks shows when not every task is done.
SEVERITY = (Status.OVERDUE, Status.DUE_SOON, Status.IN_PROGRESS, Status.DONE_LATE, Status.DONE_ON_TIME)


def classify(
    deadline: date | None,
    completed_on: date | None,
    today: date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> Status:
    """The Government Office status of one task on ``today`` (any day: "as of")."""
    if due_soon_days < 0:
        raise ValueError(f"due_soon_days must be 0 or more, not {due_soon_days}")
    if completed_on is not None and completed_on <= today:
        if deadline is None or completed_on <= deadline:
            return Status.DONE_ON_TIME
        return Status.DONE_LATE
    if deadline is None:
        return Status.IN_PROGRESS
    days_left = (deadline - today).days
    if days_left < 0:
        return Status.OVERDUE
    if days_left <= due_soon_days:
        return Status.DUE_SOON
    return Status.IN_PROGRESS


@dataclass
class FollowUp:
    """Counts of tasks by status: the Government Office's follow-up summary."""

    counts: dict[Status, int] = field(default_factory=lambda: {s: 0 for s in Status})

    def add(self, status: Status, n: int = 1) -> None:
        self.counts[Status(status)] += n

    def __add__(self, other: FollowUp) -> FollowUp:
        return FollowUp({s: self.counts[s] + other.counts[s] for s in Status})

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts[Status.DONE_ON_TIME] + self.counts[Status.DONE_LATE]

    @property
    def not_done(self) -> int:
        return self.total - self.done

    @property
    def within_deadline(self) -> int:
        return self.counts[Status.IN_PROGRESS] + self.counts[Status.DUE_SOON]

    def classes(self) -> dict[GovClass, int]:
        """The four classes (due soon counted inside "within deadline")."""
        return {
            GovClass.DONE_ON_TIME: self.counts[Status.DONE_ON_TIME],
            GovClass.DONE_LATE: self.counts[Status.DONE_LATE],
            GovClass.WITHIN_DEADLINE: self.within_deadline,
            GovClass.OVERDUE: self.counts[Status.OVERDUE],
        }

    def as_dict(self) -> dict[str, int]:
        return {
            "total": self.total,
            "done": self.done,
            "done_on_time": self.counts[Status.DONE_ON_TIME],
            "done_late": self.counts[Status.DONE_LATE],
            "not_done": self.not_done,
            "within_deadline": self.within_deadline,
            "in_progress": self.counts[Status.IN_PROGRESS],
            "due_soon": self.counts[Status.DUE_SOON],
            "overdue": self.counts[Status.OVERDUE],
        }


def tally(statuses: Iterable[Status | str]) -> FollowUp:
    out = FollowUp()
    for status in statuses:
        out.add(Status(status))
    return out


def rollup_status(statuses: Iterable[Status | str]) -> Status | None:
    """One status for a group (a delegated directive's communes, a task's sub-tasks).

    Done only when every part is done (late if any part was late); otherwise the worst
    not-done status. None for an empty group.
    """
    seen = {Status(s) for s in statuses}
    if not seen:
        return None
    for status in SEVERITY:
        if status in seen:
            return status
    raise AssertionError("unreachable")


def _n(value: int, lang: str, eastern_digits: bool) -> str:
    return format_number(value, lang, eastern_digits, 0, arabic_marks=True)


def summary_sentence(follow_up: FollowUp, lang: str = "en", eastern_digits: bool = False) -> str:
    """The Government Office's sentence, e.g. '21,914 tasks: 16,051 done — 14,068 on time, ...',
    in ``lang`` from the one gettext catalogue (the count of tasks chooses the plural form)."""
    d = {k: _n(v, lang, eastern_digits) for k, v in follow_up.as_dict().items()}
    return (
        translator(lang).ngettext(
            "%(total)s task: %(done)s done — %(done_on_time)s on time, %(done_late)s late; "
            "%(not_done)s not done — %(within_deadline)s within deadline "
            "(of which %(due_soon)s due soon), %(overdue)s overdue",
            "%(total)s tasks: %(done)s done — %(done_on_time)s on time, %(done_late)s late; "
            "%(not_done)s not done — %(within_deadline)s within deadline "
            "(of which %(due_soon)s due soon), %(overdue)s overdue",
            follow_up.total,
        )
        % d
    )


# -- progress reports ------------------------------------------------------------------------
@dataclass(frozen=True)
class Progress:
    """An assignment's progress as stored: percent done, completion day, revision."""

    percent: int = 0
    completed_on: date | None = None
    revision: int = 1


class ProgressProblem(StrEnum):
    """Why a progress report is refused; the field it belongs to is in ``PROBLEM_FIELD``."""

    STALE = "stale"  # made on an older revision: someone reported in between
    PERCENT_RANGE = "percent_range"
    NO_TEXT = "no_text"
    NO_DATE = "no_date"
    FUTURE_DATE = "future_date"
    BEFORE_DIRECTIVE = "before_directive"
    BEFORE_LAST_REPORT = "before_last_report"
    DECREASE_WITHOUT_REASON = "decrease_without_reason"
    CLOSED = "closed"


PROBLEM_FIELD: dict[ProgressProblem, str] = {
    ProgressProblem.STALE: "revision",
    ProgressProblem.PERCENT_RANGE: "percent",
    ProgressProblem.NO_TEXT: "text",
    ProgressProblem.NO_DATE: "date",
    ProgressProblem.FUTURE_DATE: "date",
    ProgressProblem.BEFORE_DIRECTIVE: "date",
    ProgressProblem.BEFORE_LAST_REPORT: "date",
    ProgressProblem.DECREASE_WITHOUT_REASON: "reason",
    ProgressProblem.CLOSED: "__all__",
}


def check_progress(
    current: Progress,
    *,
    on: date | None,
    percent: int | None,
    text: str,
    reason: str = "",
    revision: int | None,
    today: date,
    issued_on: date | None = None,
    last_report_on: date | None = None,
    closed_on: date | None = None,
) -> list[ProgressProblem]:
    """Every rule a new report breaks (empty: it may be recorded).

    ``revision`` is the assignment revision the reporter saw; None means they did not say,
    which is refused like a stale one, so two officers reporting at once never silently
    overwrite each other.
    """
    problems: list[ProgressProblem] = []
    if revision is None or revision != current.revision:
        problems.append(ProgressProblem.STALE)
    if closed_on is not None:
        problems.append(ProgressProblem.CLOSED)
    if percent is None or not 0 <= percent <= 100:
        problems.append(ProgressProblem.PERCENT_RANGE)
    if not (text or "").strip():
        problems.append(ProgressProblem.NO_TEXT)
    if on is None:
        problems.append(ProgressProblem.NO_DATE)
    else:
        if on > today:
            problems.append(ProgressProblem.FUTURE_DATE)
        if issued_on is not None and on < issued_on:
            problems.append(ProgressProblem.BEFORE_DIRECTIVE)
        if last_report_on is not None and on < last_report_on:
            problems.append(ProgressProblem.BEFORE_LAST_REPORT)
    if percent is not None and 0 <= percent < current.percent and not (reason or "").strip():
        problems.append(ProgressProblem.DECREASE_WITHOUT_REASON)
    return problems


def apply_progress(current: Progress, *, on: date, percent: int) -> Progress:
    """The assignment after an accepted report: 100 % completes it on the report's day; a
    lower percent (allowed only with a reason) reopens a completed one."""
    completed_on = current.completed_on
    if percent == 100:
        completed_on = completed_on or on
    else:
        completed_on = None
    return Progress(percent=percent, completed_on=completed_on, revision=current.revision + 1)
