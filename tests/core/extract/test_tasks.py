"""A review meeting's tasks read as it states them: each language's ``tasks_corpus.json`` is the
test (one task per task, the stated count, praise dropped, list fragments joined, conjunctions
stripped, lead unit, cooperating units, deadline, delegation — and nothing where the text says
nothing), plus the shared pieces of :mod:`marsad.core.extract.tasks`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad.core.extract as extract_pkg
from marsad.core.extract import LANGUAGES, extract, grammar_for
from marsad.core.extract.tasks import Due

ROOT = Path(extract_pkg.__file__).parent
NOT_STATED = {"lead_unit": None, "cooperating_units": [], "deadline": None, "delegated_to_communes": False}


def _corpus(lang: str) -> list[dict]:
    return json.loads((ROOT / lang / "tasks_corpus.json").read_text(encoding="utf-8"))


def _examples():
    for lang in LANGUAGES:
        for i, ex in enumerate(_corpus(lang)):
            yield pytest.param(lang, ex, id=f"{lang}-{i:02d}")


@pytest.mark.parametrize(("lang", "example"), list(_examples()))
def test_tasks_example(lang, example):
    text = example["text"]
    result = extract(text, lang=lang, year=example.get("year"), strict=True)
    out = result.to_json()
    assert out["document"].get("stated_counts", {}).get("directives") == example.get("stated_count"), text
    got = out["directives"]
    assert len(got) == len(example["directives"]), [d["text"] for d in got]
    for item, exp in zip(got, example["directives"], strict=True):
        if "text" in exp:
            assert item["text"] == exp["text"]
        else:
            assert item["text"].startswith(exp["starts"]), item["text"]
        for field, default in NOT_STATED.items():
            assert item[field] == exp.get(field, default), (field, item["text"])
        if "period" in exp:
            assert item["period"] == exp["period"]
        ev = item["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"] == item["text"]
    unknown = set(example["rules"]) - grammar_for(lang).names()
    assert not unknown, f"unknown rule names {sorted(unknown)}"
    silent = set(example["rules"]) - result.rules
    assert not silent, f"rules {sorted(silent)} decide nothing in {text!r}"


TASK_KINDS = {"task_count", "praise", "task_call", "conjunction", "task_lead", "task_coop", "unit_split",
              "unit_article", "deadline", "delegated"}  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_task_rule_has_an_example(lang):
    tagged = {name for ex in _corpus(lang) for name in ex["rules"]}
    rules = [r.name for r in grammar_for(lang).rules if r.kind in TASK_KINDS]
    assert rules
    assert not sorted(set(rules) - tagged)


@pytest.mark.parametrize(
    ("due", "year", "code"),
    [
        (Due("date", 2025, 12, 31), None, "2025-12-31"),
        (Due("date", None, 6, 30), 2026, "2026-06-30"),
        (Due("date", 2025, 2, 30), None, None),  # no such day
        (Due("quarter", None, 2), 2025, "2025Q2"),
        (Due("half", 2026, 1), None, "2026S1"),
        (Due("month", 2025, 7, before=True), None, "2025-06-30"),
        (Due("year", 2026, before=True), None, "2025-12-31"),
        (Due("quarter", None, 2), None, None),  # no year anywhere: nothing invented
        (Due("month", 2025, 13), None, None),
    ],
)
def test_deadline_resolution(due, year, code):
    assert due.resolve(year) == code


def test_no_lead_unit_or_deadline_is_invented():
    text = (
        "Về nhiệm vụ trọng tâm quý II/2024, Chủ tịch UBND tỉnh yêu cầu các sở, ngành tập trung đẩy nhanh giải ngân"
        " vốn đầu tư công; tháo gỡ khó khăn cho doanh nghiệp."
    )
    for item in extract(text, strict=True).to_json()["directives"]:
        assert {k: item[k] for k in NOT_STATED} == NOT_STATED


def test_stated_count_is_not_a_task_and_fragments_join_their_list():
    text = (
        "In the second quarter, the committee set out 3 key tasks: speed up the ring road, the bridge and the port."
        " And exploiting land resources. Keep attracting investment into the industrial parks. Improve the"
        " business environment across the province."
    )
    out = extract(text, year=2024, strict=True).to_json()
    assert out["document"]["stated_counts"] == {"directives": 3}
    texts = [d["text"] for d in out["directives"]]
    assert texts[0] == "speed up the ring road, the bridge and the port. And exploiting land resources"
    assert len(texts) == 3


def test_arabic_conjunction_is_stripped_but_not_a_words_first_letter():
    text = (
        "المهام الرئيسية للربع الثاني: مواصلة تحسين بيئة الاستثمار؛ ووضع خطة لتطوير السياحة في المقاطعة؛"
        " وزيادة الصادرات الزراعية إلى الأسواق الجديدة؛ وضع آلية لمتابعة المشاريع المتأخرة."
    )
    texts = [d["text"] for d in extract(text, year=2024, strict=True).to_json()["directives"]]
    assert texts == [
        "مواصلة تحسين بيئة الاستثمار",
        "وضع خطة لتطوير السياحة في المقاطعة",
        "زيادة الصادرات الزراعية إلى الأسواق الجديدة",
        "وضع آلية لمتابعة المشاريع المتأخرة",
    ]
