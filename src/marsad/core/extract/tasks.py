"""The tasks dimension: what a review meeting's directive says of itself, and nothing more.

:mod:`.sections` cuts a section into pieces; this reads each piece as a meeting states it.
Each language's ``tasks.py`` holds the rules, by kind (regular expressions, matched on the text
with ASCII digits, so offsets are the text's):

``task_count``    "12 tasks", "12 nhiệm vụ", "12 مهمة" (group ``n``): the sentence announcing how many
                  tasks there are records the stated count; it is not itself a task
``praise``        "praised", "biểu dương", "أشاد": a clause of praise is not a task ...
``task_call``     ... unless a call follows it ("calling on all levels to", "داعيا ... إلى"):
                  the task starts after the call
``conjunction``   a list item's leading "and", "và", "و", "also": stripped (matched at the start)
``task_lead``     the lead unit as written (group ``lead``)
``task_coop``     the cooperating units as written (group ``coop``; cut with ``unit_split``, a
                  leading ``unit_article`` such as "the" dropped)
``deadline``      "trước ngày 31/12/2025", "by the end of Q2", "بحلول نهاية الربع الثاني": a
                  production giving a :class:`Due`
``delegated``     the task is delegated or decentralised to the communes

A sentence of at most ``FRAGMENT_WORDS`` words (the language's ``tasks.py``; a Vietnamese word is
a syllable) that starts with a conjunction — "... industrial parks. And exploiting land
resources." — is the last element of the previous task's list, not a task: it joins it.
A deadline written without its year takes the directive period's year; a piece that states no
lead unit, no deadline, no delegation leaves them None, ``()`` and False.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from marsad.core import periods as P

from .model import Evidence, Item

__all__ = ["Due", "read_tasks", "stated_count", "strip_conjunctions"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+", re.U)


def year_of(m, *groups: str) -> int | None:
    """The year a deadline rule's match writes, in the first of ``groups`` (default ``y``) it has."""
    for name in groups or ("y",):
        y = m.groupdict().get(name)
        if y:
            return int(y)
    return None


def written_before(m) -> bool:
    """A deadline rule's match says "before <period>" (group ``before``) and not "before the end
    of <period>" (group ``end``): the day before the period is the last."""
    return bool(m.groupdict().get("before")) and not m.groupdict().get("end")


@dataclass(frozen=True, slots=True)
class Due:
    """A deadline as written: ``kind`` date | month | quarter | half | year, its numbers, and
    ``before`` when the text says "before <period>" (so the period before it is the last)."""

    kind: str
    year: int | None = None
    n: int | None = None  # month, quarter or half number; the month of a date
    day: int | None = None
    before: bool = False

    def resolve(self, default_year: int | None) -> str | None:
        """An ISO date (a date) or a period code; None when it names no real day or period."""
        y = self.year if self.year is not None else default_year
        if y is None:
            return None
        try:
            if self.kind == "date":
                day = date(y, int(self.n or 0), int(self.day or 0))
                return day.isoformat()
            if self.kind == "year":
                period = P.year(y)
            elif self.kind == "quarter":
                period = P.quarter(y, int(self.n or 0))
            elif self.kind == "half":
                period = P.half(y, int(self.n or 0))
            elif self.kind == "month":
                period = P.month(y, int(self.n or 0))
            else:
                return None
        except (ValueError, TypeError, P.PeriodError):
            return None
        if self.before:
            return (period.start - timedelta(days=1)).isoformat()  # "before June": 31 May at the latest
        return period.code


def _search(reader, kind: str, a: int, b: int):
    """The first match of a rule of ``kind`` in ``[a, b)`` of the ASCII-digit text, with its rule."""
    best = None
    for rule, pattern in reader.g.regexes(kind):
        m = pattern.search(reader.norm, a, b)
        if m and (best is None or m.start() < best[1].start()):
            best = (rule, m)
    return best


def stated_count(reader, a: int, b: int) -> int | None:
    """The number of tasks a piece announces ("12 tasks"), or None."""
    found = _search(reader, "task_count", a, b)
    if found is None:
        return None
    rule, m = found
    value = rule.prod(m) if callable(rule.prod) else None
    if isinstance(value, int) and 0 < value < 1000:
        reader.fired.add(rule.name)
        return value
    return None


def strip_conjunctions(reader, a: int, b: int) -> tuple[int, bool]:
    """``a`` moved past leading conjunctions ("and", "و", "đồng thời"); whether any was there."""
    text = reader.norm
    stripped = False
    for _ in range(3):
        while a < b and text[a] in " \t\r\n,،;؛-–•*":
            a += 1
        moved = False
        for rule, pattern in reader.g.regexes("conjunction"):
            m = pattern.match(text, a, b)
            if m and m.end() > a and m.end() < b:
                reader.fired.add(rule.name)
                a, moved, stripped = m.end(), True, True
                break
        if not moved:
            break
    return a, stripped


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _units(reader, written: str) -> tuple[str, ...]:
    """Units as written, cut at commas and "and" where a new unit starts (``unit_split``)."""
    parts = [written]
    for rule, pattern in reader.g.regexes("unit_split"):
        cut = [p for part in parts for p in pattern.split(part)]
        if len(cut) > len(parts):
            reader.fired.add(rule.name)
        parts = cut
    articles = reader.g.regexes("unit_article")
    out = []
    for p in parts:
        p = p.strip(" \t\n,،;؛.")
        for rule, pattern in articles:
            m = pattern.match(p)
            if m and m.end() < len(p):
                p = p[m.end() :]
                reader.fired.add(rule.name)
        if p and _words(p) >= 1 and p not in out:
            out.append(p)
    return tuple(out)


def _lead(reader, a: int, b: int) -> str | None:
    found = _search(reader, "task_lead", a, b)
    if found is None:
        return None
    rule, m = found
    lead = reader.text[m.start("lead") : m.end("lead")].strip(" \t\n,،;؛.")
    if not lead:
        return None
    reader.fired.add(rule.name)
    return lead


def _coop(reader, a: int, b: int, lead: str | None) -> tuple[str, ...]:
    found = _search(reader, "task_coop", a, b)
    if found is None:
        return ()
    rule, m = found
    reader.fired.add(rule.name)
    units = _units(reader, reader.text[m.start("coop") : m.end("coop")])
    return tuple(u for u in units if u != lead)


def _deadline(reader, a: int, b: int, period: str | None) -> str | None:
    found = _search(reader, "deadline", a, b)
    if found is None:
        return None
    rule, m = found
    due = rule.prod(m) if callable(rule.prod) else None
    if not isinstance(due, Due):
        return None
    default_year = reader.year
    if period:
        try:
            default_year = P.parse(period).year
        except P.PeriodError:
            pass
    value = due.resolve(default_year)
    if value is not None:
        reader.fired.add(rule.name)
    return value


def _delegated(reader, a: int, b: int) -> bool:
    found = _search(reader, "delegated", a, b)
    if found is not None:
        reader.fired.add(found[0].name)
    return found is not None


def _praise_end(reader, a: int, b: int) -> int | None:
    """Where the task starts in a piece that praises: after the call that follows the praise;
    ``b`` (nothing left) when no call follows; None when the piece does not praise."""
    praise = _search(reader, "praise", a, b)
    if praise is None:
        return None
    reader.fired.add(praise[0].name)
    call = _search(reader, "task_call", praise[1].end(), b)
    if call is None:
        return b
    reader.fired.add(call[0].name)
    return call[1].end()


def read_tasks(reader, pieces: list[tuple[int, int]], period: str | None) -> tuple[list[Item], int | None]:
    """The directive items of a section's pieces, and the count the section states (or None)."""
    text = reader.text
    items: list[Item] = []
    count: int | None = None
    for index, (a, b) in enumerate(pieces):
        if index == 0 or text[b - 1 : b] == ":" or not items:
            n = stated_count(reader, a, b)
            if n is not None:
                count = count or n
                continue  # "the committee set 12 tasks": the count, not a task
        start = _praise_end(reader, a, b)
        if start is not None:
            a = start
        a, joined = strip_conjunctions(reader, a, b)
        ev = Evidence.of(text, a, b)
        if text[b - 1 : b] == ":":
            continue  # a heading ("the main tasks:") is no task
        fragment = joined and 0 < _words(ev.text) <= _fragment_words(reader.g.lang)
        if fragment and items and _between_is_list(text, items[-1].evidence.end, a):
            items[-1] = _extended(reader, items[-1], b, period)  # "...; and exploiting land resources"
            continue
        if len(ev.text) < 12:
            continue  # a scrap is no task
        items.append(_item(reader, ev, period))
    return items, count


@lru_cache(maxsize=8)
def _fragment_words(lang: str) -> int:
    return importlib.import_module(f"marsad.core.extract.{lang}.tasks").FRAGMENT_WORDS


def _between_is_list(text: str, end: int, start: int) -> bool:
    """A full stop, then a conjunction: a "sentence" that starts with "and" and is too short to
    be one is the end of the previous task's list ("... industrial parks. And exploiting land
    resources."). After ";" or a line end, "and ..." is the list's last task, a task of its own."""
    gap = text[end:start]
    return len(gap) <= 6 and "." in gap and all(c in " \t." or c.isalpha() for c in gap)


def _extended(reader, item: Item, b: int, period: str | None) -> Item:
    ev = Evidence.of(reader.text, item.evidence.start, b)
    return _item(reader, ev, period, rules=("list_fragment_joined",))


def _item(reader, ev: Evidence, period: str | None, rules: tuple[str, ...] = ()) -> Item:
    a, b = ev.start, ev.end
    lead = _lead(reader, a, b)
    return Item(
        ev.text,
        period,
        ev,
        lead_unit=lead,
        cooperating_units=_coop(reader, a, b, lead),
        deadline=_deadline(reader, a, b, period),
        delegated_to_communes=_delegated(reader, a, b),
        rules=rules,
    )
