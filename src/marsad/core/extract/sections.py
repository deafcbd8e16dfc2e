"""Directives, difficulties and recommendations: the qualitative sections, cut into items.

A section starts at a cue (rules of kinds ``directive``, ``difficulty``, ``recommendation``)
and runs to the next cue of another kind or the end of its paragraph; directives go on over the
following paragraphs that read like tasks (``directive_continue``), or the short lines of a list
its cue paragraph opens with ":", as long as they hold no figures. Items
are cut at ``;``, sentence ends, ``:`` and line ends; a list introduced by a
``recommendation_list`` cue is cut at its commas and "and". A directive section's pieces are read
as tasks by :mod:`.tasks` (the stated count, praise, list fragments, lead unit, deadline); every
item loses its leading conjunction ("and", "و", "và").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from marsad.core import periods as P

from .model import Evidence, Extraction, Item
from .tasks import read_tasks, strip_conjunctions
from .text import paragraphs, sentences
from .timeframes import COMPARED, CURRENT, between

__all__ = ["read_sections"]

LIST_LINE_MAX = 400  # a line of a list of tasks is no longer than this
_HEADER = re.compile(r"\s*date\s+\d{4}-\d{2}\s+")
# An item ends at ; . ! ? : or a line end, not inside a number ("8.26", "10:30"); a full stop
# after a figure ends one when a word follows ("... by 2024. Create ...").
_CUT = re.compile(r"[;؛]|(?<!\d)[.!?](?!\d)|(?<=\d)[.!?](?=\s+[^\W\d])|:(?!\d)|\n")


def _cues(reader, kind: str):
    return [(m.start(), m.end()) for m in _finditer(reader, kind)]


def _finditer(reader, kind: str):
    for rule, m in reader.g.scan(kind, reader.text):
        yield _M(m.start(), m.end(), rule.name)


class _M:
    __slots__ = ("start", "end", "name")

    def __init__(self, start: int, end: int, name: str) -> None:
        self.start, self.end, self.name = start, end, name


def read_sections(reader, result: Extraction) -> None:
    text, g = reader.text, reader.g
    paras = paragraphs(text)
    cues: list[tuple[int, int, str]] = []
    for kind, out in (
        ("directive", "directives"),
        ("difficulty", "difficulties"),
        ("recommendation", "recommendations"),
    ):
        for m in _finditer(reader, kind):
            cues.append((m.start, m.end, out))
            reader.fired.add(m.name)
    if not cues:
        return
    cues.sort()
    fact_starts = sorted(f.evidence.start for f in result.facts)
    para_starts = [ps for ps, _ in paras]
    continue_rules = g.regexes("directive_continue")
    sections: list[tuple[int, int, int, int, str]] = []
    # where the next cue of another kind starts, for each cue (one pass from the end)
    next_other = [len(text)] * len(cues)
    for i in range(len(cues) - 2, -1, -1):
        next_other[i] = cues[i + 1][0] if cues[i + 1][2] != cues[i][2] else next_other[i + 1]
    for i, (cs, ce, kind) in enumerate(cues):
        if sections and sections[-1][4] == kind and cs < sections[-1][1]:
            continue  # a second cue inside the same section
        nxt = next_other[i]
        k = bisect_right(para_starts, cs) - 1
        para = paras[k] if k >= 0 and cs < paras[k][1] else (cs, len(text))
        end = min(nxt, para[1])
        if kind == "directives" and nxt > para[1]:
            # A cue paragraph ending with ":" opens a list: its short lines are its tasks.
            listing = text[para[0] : para[1]].rstrip().endswith(":")
            for ps, pe in paras[bisect_left(para_starts, para[1]) :]:
                has_fact = bisect_left(fact_starts, ps) < bisect_left(fact_starts, pe)
                if ps >= nxt or pe - ps < 40 or has_fact:
                    break
                going_on = next((r for r, p in continue_rules if p.match(text, ps, pe)), None)
                if going_on is None and not (listing and pe - ps <= LIST_LINE_MAX):
                    break
                reader.fired.add(going_on.name if going_on else "task_list_line")
                end = min(nxt, pe)
        start = _sentence_start(text, cs, para[0])
        if sections and start < sections[-1][1]:
            start = max(start, sections[-1][1])
        if start >= end:
            continue
        sections.append((start, end, cs, ce, kind))
    previous_period: str | None = None
    for start, end, _cs, _ce, kind in sections:
        period = None
        if kind == "directives":
            period = _section_period(reader, start, end, previous_period)
            previous_period = period
        pieces = []
        for a, b in _split_items(reader, start, end, kind):
            header = _HEADER.match(text, a, b)  # the corpus's " date 2022-04" record line
            pieces.append((header.end() if header else a, b))
        target = getattr(result, kind)
        if kind == "directives":
            tasks, count = read_tasks(reader, pieces, period)
            target.extend(tasks)
            if count is not None:
                result.stated_counts[kind] = result.stated_counts.get(kind, 0) + count
            continue
        for a, b in pieces:
            a, _ = strip_conjunctions(reader, a, b)
            ev = Evidence.of(text, a, b)
            if len(ev.text) < 12 or text[b - 1 : b] == ":":
                continue  # a heading ("difficulties include:") is no item
            target.append(Item(ev.text, period, ev))


def _sentence_start(text: str, pos: int, floor: int) -> int:
    floor = max(floor, pos - 3000)
    for s, e in sentences(text[floor : pos + 1]):
        if s + floor <= pos <= e + floor:
            return s + floor
    return pos


def _section_period(reader, start: int, end: int, previous: str | None) -> str | None:
    # The period the cue sentence names (the last quarter/half/span in it, else its year);
    # else the previous directive section's; else the period after the one reported.
    text = reader.text
    cue_end = next(iter(sentences(text[start : min(end, start + 3000)])), (0, end - start))[1] + start
    inside = [
        p
        for p in between(reader.periods, reader._period_starts, start, cue_end)
        if p.role != COMPARED and p.codable
    ]
    spans = [p for p in inside if p.kind != "year"]
    if spans:
        return spans[-1].resolve(reader.year)
    if previous:
        return previous
    if inside:
        return inside[-1].resolve(reader.year)
    before = bisect_left(reader._period_starts, start)  # the last 50 mentions before, not all of them
    earlier = [p for p in reader.periods[max(0, before - 50) : before] if p.role == CURRENT and p.codable]
    facts_periods = [c for c in (p.resolve(reader.year) for p in earlier) if c]
    if facts_periods:
        try:
            last = P.parse(facts_periods[-1])
        except P.PeriodError:
            return None
        if last.last % 3 == 0 and last.last < 12:
            return P.quarter(last.year, last.last // 3 + 1).code
    return None


def _split_items(reader, start: int, end: int, kind: str) -> list[tuple[int, int]]:
    text = reader.text
    cuts = [start]
    for m in _CUT.finditer(text, start, end):
        cuts.append(m.end())
    cuts.append(end)
    spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b - a > 0]
    if kind == "recommendations":
        for rule, pattern in reader.g.regexes("recommendation_list"):
            lm = pattern.search(text, start, end)
            if not lm:
                continue
            reader.fired.add(rule.name)
            stop = next((b for a, b in spans if a <= lm.end() < b), end)
            out = [(a, b) for a, b in spans if b <= lm.start()]
            pos = lm.end()
            for m in re.finditer(r"[,،]|\s(?:و|và|and)\s", text[pos:stop]):
                out.append((pos, lm.end() + m.start()))
                pos = lm.end() + m.end()
            out.append((pos, stop))
            out += [(a, b) for a, b in spans if a >= stop]
            return out
    return spans
