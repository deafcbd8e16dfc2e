"""The reader's records are built by field name: a field added, removed or moved in
:class:`~marsad.core.extract.model.Fact` or :class:`~marsad.core.extract.quantity.Quantity`
cannot silently shift a value into its neighbour's place."""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from marsad.core.extract.model import Fact
from marsad.core.extract.quantity import Quantity

ROOT = Path(__file__).resolve().parents[3]
KEYWORD_ONLY = {"Fact", "Quantity"}


def _positional_calls(path: Path) -> list[str]:
    """``path:line`` of each ``Fact(...)`` or ``Quantity(...)`` given an argument by position."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args:
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name in KEYWORD_ONLY:
                out.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return out


@pytest.mark.parametrize("folder", ["src/marsad/core/extract", "tests/core/extract", "scripts"])
def test_facts_and_quantities_are_built_by_keyword(folder):
    found = [hit for p in sorted((ROOT / folder).rglob("*.py")) for hit in _positional_calls(p)]
    assert found == []


def test_the_fields_are_those_the_json_contract_and_the_readers_name():
    assert [f.name for f in fields(Fact)] == [
        "indicator", "area", "period", "measure", "value", "unit", "qualifier", "evidence", "rules", "low",
    ]  # fmt: skip
    assert [f.name for f in fields(Quantity)] == [
        "start", "end", "num_start", "num_end", "value", "unit", "scale", "currency", "count",
        "qualifier", "low", "rules", "names",
    ]  # fmt: skip
