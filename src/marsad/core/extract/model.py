"""What the reader finds: facts, targets and qualitative items, each with its evidence span.

Offsets are Python ``str`` indices into the text given to :func:`marsad.core.extract.extract`
(for a file: its text after decoding, with a leading BOM removed), and ``evidence.text`` is
always ``text[start:end]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        start, end = max(0, start), min(len(text), end)
        # Trim spaces and clause punctuation so the span reads cleanly.
        while start < end and text[start] in " \t\r\n,،;؛:.(":
            start += 1
        while end > start and text[end - 1] in " \t\r\n,،;؛:(.":
            end -= 1
        return cls(start, end, text[start:end])

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class AreaRef:
    code: str | None
    name: str | None  # English name

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name}


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure (or, in ``targets``, one planned figure) read from the text.

    ``rules`` names the rules that made it (not part of the JSON contract; ``to_json(explain=True)``
    adds them); ``low`` is the lower end while a range is being read.
    """

    indicator: str
    area: AreaRef | None
    period: str | None
    measure: str
    value: float | int
    unit: str | None
    qualifier: str
    evidence: Evidence
    rules: tuple[str, ...] = ()
    low: float | int | None = None

    def to_json(self, explain: bool = False) -> dict[str, Any]:
        out = {
            "indicator": self.indicator,
            "area": self.area.to_json() if self.area else None,
            "period": self.period,
            "measure": self.measure,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "evidence": self.evidence.to_json(),
        }
        if explain:
            out["rules"] = list(self.rules)
        return out


@dataclass(frozen=True, slots=True)
class Item:
    """A directive, difficulty or recommendation: one task or point, with its span.

    For a directive, what the text says of it and nothing more: the ``lead_unit`` and
    ``cooperating_units`` as written, the ``deadline`` (an ISO date, or a period code for "by
    the end of Q2") and ``delegated_to_communes`` (True when the task is delegated or
    decentralised to communes); None, ``[]`` and False when the text does not say.
    """

    text: str
    period: str | None
    evidence: Evidence
    lead_unit: str | None = None
    cooperating_units: tuple[str, ...] = ()
    deadline: str | None = None
    delegated_to_communes: bool = False
    rules: tuple[str, ...] = ()

    def to_json(self, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "period": self.period, "evidence": self.evidence.to_json()}
        out |= {
            "lead_unit": self.lead_unit,
            "cooperating_units": list(self.cooperating_units),
            "deadline": self.deadline,
            "delegated_to_communes": self.delegated_to_communes,
        }
        if explain:
            out["rules"] = list(self.rules)
        return out


@dataclass(slots=True)
class Extraction:
    language: str | None
    area: AreaRef | None = None
    reporting_period: str | None = None
    year: int | None = None
    source_url: str | None = None
    facts: list[Fact] = field(default_factory=list)
    targets: list[Fact] = field(default_factory=list)
    directives: list[Item] = field(default_factory=list)
    difficulties: list[Item] = field(default_factory=list)
    recommendations: list[Item] = field(default_factory=list)
    message: str | None = None  # why the result is empty, when it is for a reason
    stated_counts: dict[str, int] = field(default_factory=dict)  # "12 tasks": {"directives": 12}
    rules: set[str] = field(default_factory=set)  # every rule that decided something

    def to_json(self, explain: bool = False) -> dict[str, Any]:
        document: dict[str, Any] = {
            "language": self.language,
            "area": self.area.to_json() if self.area else None,
            "reporting_period": self.reporting_period,
            "year": self.year,
            "offsets": "characters of the decoded text, BOM removed",
        }
        if self.source_url:
            document["source_url"] = self.source_url
        if self.message:
            document["message"] = self.message
        if self.stated_counts:
            document["stated_counts"] = dict(self.stated_counts)
        return {
            "document": document,
            "facts": [f.to_json(explain) for f in self.facts],
            "targets": [t.to_json(explain) for t in self.targets],
            "directives": [d.to_json(explain) for d in self.directives],
            "difficulties": [d.to_json(explain) for d in self.difficulties],
            "recommendations": [r.to_json(explain) for r in self.recommendations],
        }

    def dumps(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent)
