"""Follow-up of directives the way the Government Office classifies it: plain dates in, status out.

A task is *done* when it has a completion date, otherwise *not done*:

    done on time      completed on or before the deadline (or it has no deadline)
    done late         completed after the deadline
    in progress       not done, today <= deadline, more than N days left (or no deadline)
    due soon          not done, 0 <= days left <= N      (N = MARSAD_DUE_SOON_DAYS, 7)
    overdue           not done, today > deadline

"Within deadline" in the Government Office's summary is in progress + due soon. No Django here:
the Django shell computes the same classification in SQL for its summaries, and the tests hold
the two to the same answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

__all__ = [
    "DEFAULT_DUE_SOON_DAYS",
    "Status",
    "FollowUp",
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

# Worst first: the status a group of tasks shows when not every task is done.
SEVERITY = (Status.OVERDUE, Status.DUE_SOON, Status.IN_PROGRESS, Status.DONE_LATE, Status.DONE_ON_TIME)


def classify(
    deadline: date | None,
    completed_on: date | None,
    today: date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> Status:
    """The Government Office status of one task on ``today``."""
    if due_soon_days < 0:
        raise ValueError(f"due_soon_days must be 0 or more, not {due_soon_days}")
    if completed_on is not None:
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


def _n(value: int, lang: str) -> str:
    if lang == "vi":
        return f"{value:,}".replace(",", ".")
    if lang == "ar":
        return f"{value:,}".replace(",", "٬")
    return f"{value:,}"


def summary_sentence(follow_up: FollowUp, lang: str = "en") -> str:
    """The Government Office's sentence, e.g. '21,914 tasks: 16,051 done — 14,068 on time, ...'."""
    d = {k: _n(v, lang) for k, v in follow_up.as_dict().items()}
    if lang == "vi":
        return (
            f"{d['total']} nhiệm vụ: {d['done']} đã hoàn thành — {d['done_on_time']} đúng hạn, "
            f"{d['done_late']} quá hạn; {d['not_done']} chưa hoàn thành — {d['within_deadline']} "
            f"trong hạn (trong đó {d['due_soon']} sắp đến hạn), {d['overdue']} quá hạn"
        )
    if lang == "ar":
        return (
            f"{d['total']} مهمة: {d['done']} منجزة — {d['done_on_time']} في الموعد، "
            f"{d['done_late']} متأخرة؛ {d['not_done']} غير منجزة — {d['within_deadline']} "
            f"ضمن الموعد (منها {d['due_soon']} يقترب موعدها)، {d['overdue']} تجاوزت الموعد"
        )
    return (
        f"{d['total']} tasks: {d['done']} done — {d['done_on_time']} on time, {d['done_late']} late; "
        f"{d['not_done']} not done — {d['within_deadline']} within deadline "
        f"(of which {d['due_soon']} due soon), {d['overdue']} overdue"
    )
