"""Tables printed as text, one cell per line: a header of columns, then rows of a label and values.

Provincial portals publish their main indicators as a table that a page's text gives one cell a
line::

    Chỉ tiêu chủ yếu | TH năm 2018 | KH năm 2019 | Ước TH năm 2019 | Ghi chú
    Tốc độ tăng tổng sản phẩm trong tỉnh (GRDP) (%) | 6,61 | 7,5-8,0 | 7,18 | Không đạt

The header's columns that name a period are the value columns; the language's rules of kinds
``table_actual``, ``table_plan`` and ``table_estimate`` say what each column holds (a result, a
plan — read as a target —, an estimate). A row is a label naming an indicator, with its unit in
brackets ("(%)", "(triệu USD)", "(Tỷ đồng)"), followed by one value line per column. A
percentage is read as the indicator's catalogue meaning (growth for GRDP and its sectors); a
range "7,5-8,0" in a plan column is two targets.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .indicators import find_indicators
from .model import Evidence, Fact
from .quantity import find_quantities
from .timeframes import between

__all__ = ["read_tables"]

_CELL_MAX = 48  # a header cell is a short line
_VALUE = re.compile(r"\s*\(?\s*[-+−]?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*%?\s*\)?\s*$")
# "(còn 4,33%)": what is left of a rate a row counts down ("Tỷ lệ hộ nghèo giảm (%)")
_REMAINDER = re.compile(r"\s*\(\s*(?:còn|remaining|still|down\s+to|إلى)\s+(\d[\d.,]*\s*%?)\s*\)\s*$", re.I)
_UNIT = re.compile(r"\(([^()]{1,20})\)\s*:?\s*$")


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def read_tables(reader) -> list[tuple[int, int]]:
    """Read the tables of the reader's document into its facts and targets; return their spans
    (the sentences inside them are not read again)."""
    text, g = reader.text, reader.g
    if text.count("\n") < 4:
        return []
    lines = [(a, b) for a, b in _lines(text)]
    spans: list[tuple[int, int]] = _key_figures(reader, lines)
    if text.count("\n") < 8 or not g.of("table_actual", "table_plan", "table_estimate"):
        return spans
    i = 0
    while i < len(lines):
        header = _header(reader, lines, i)
        if header is None:
            i += 1
            continue
        columns, last = header
        end = _rows(reader, lines, last + 1, columns)
        spans.append((lines[i][0], lines[end - 1][1] if end > 0 else lines[i][1]))
        i = end
    return spans


def _header(reader, lines, i):
    """(columns, index of the header's last line) when a header starts at line ``i``."""
    text, g = reader.text, reader.g
    columns = []
    last = i
    j = i
    cells = 0
    while j < len(lines) and cells < 10:
        a, b = lines[j]
        cell = text[a:b].strip()
        if len(cell) > _CELL_MAX:
            break
        if cell:
            cells += 1
            kinds = [
                m.kind for m in g.find(text, "table_actual", "table_plan", "table_estimate", pos=a, endpos=b)
            ]
            periods = [p for p in between(reader.periods, reader._period_starts, a, b) if p.codable]
            if periods and kinds:
                status = (
                    "plan" if "table_plan" in kinds else "estimate" if "table_estimate" in kinds else "actual"
                )
                rule = next(
                    m.name
                    for m in g.find(text, "table_actual", "table_plan", "table_estimate", pos=a, endpos=b)
                )
                columns.append((status, periods[-1], rule))
                last = j
            elif columns and _VALUE.match(cell):
                break
        j += 1
    if len(columns) < 2:
        return None
    return columns, last


def _rows(reader, lines, start: int, columns) -> int:
    """Read rows from line ``start``; return the index of the first line after the table."""
    text = reader.text
    k = start
    misses = 0
    while k < len(lines):
        a, b = lines[k]
        cell = text[a:b].strip()
        if len(cell) > 160:
            break  # prose again
        if not cell or _VALUE.match(cell):
            k += 1
            continue
        inds = [m for m in find_indicators(text, reader.g, a, b)]
        values, remainders, m = [], {}, k + 1
        while m < len(lines) and (len(values) < len(columns) or len(remainders) < len(values)):
            va, vb = lines[m]
            v = text[va:vb].strip()
            if not v:
                m += 1
                continue
            rest = _REMAINDER.match(text, va, vb)
            if rest and values:
                remainders[len(values) - 1] = rest.span(1)
                m += 1
                continue
            if not _VALUE.match(v) or len(values) == len(columns):
                break
            values.append((va, vb))
            m += 1
        if inds and len(values) == len(columns):
            misses = 0
            _row(reader, (a, b), inds[-1], values, columns, remainders)
        elif not values:
            misses += 1
            if misses > 12:
                break
        k = m if values else k + 1
    return k


def _row(reader, label, ind_m, values, columns, remainders) -> None:
    text, norm = reader.text, reader.norm
    code = ind_m.code
    if code is None or code not in reader.catalogue:
        return
    ind = reader.catalogue[code]
    la, lb = label
    if ind.is_rate and reader.g.find(text, "down", pos=la, endpos=lb):
        # "Tỷ lệ hộ nghèo giảm (%)": the cells are the fall in points; the rate left is in brackets.
        if not remainders:
            return
        values = [remainders.get(i) for i in range(len(values))]
    unit_m = _UNIT.search(text, la, lb)
    unit_text = unit_m.group(1) if unit_m else ""
    percent = "%" in unit_text
    probe = (
        find_quantities(f"1 {unit_text}", reader.g, habit=reader.habit) if unit_text and not percent else []
    )
    scale = probe[0].scale if probe else None
    currency = probe[0].currency if probe else None
    for cell, (status, period, rule) in zip(values, columns, strict=True):
        if cell is None:
            continue
        va, vb = cell
        qs = find_quantities(norm, reader.g, va, vb, habit=reader.habit)
        if not qs:
            continue
        q = qs[0]
        cell_percent = percent or q.unit == "%"
        if cell_percent:
            measure = ind.percent_means
            if measure is None:
                continue
            unit = "%"
        elif ind.currency:
            measure = "level"
            unit = f"{scale} {currency or ind.currency}" if scale else (currency or ind.currency)
        elif ind.count_unit:
            measure = "level"
            unit = f"{scale} {ind.count_unit}" if scale else ind.count_unit
        else:
            continue
        code_period = period.resolve(reader.year)
        rules = (ind_m.rule, rule, period.rule, "table")
        ev = Evidence.of(text, va, vb)
        fact = Fact(indicator=code, area=reader.doc_area, period=code_period, measure=measure,
                    value=_plain(q.value), unit=unit, qualifier="estimate" if status == "estimate" else "exact",
                    evidence=ev, rules=rules)  # fmt: skip
        reader.fired.update(rules)
        if status == "plan":
            if q.low is not None:
                reader.targets.append(replace(fact, value=_plain(q.low), qualifier="at_least"))
                reader.targets.append(replace(fact, qualifier="less_than"))
            else:
                reader.targets.append(replace(fact, qualifier=q.qualifier))
        else:
            reader.facts.append(fact)


def _key_figures(reader, lines) -> list[tuple[int, int]]:
    """Key figures printed one cell a line without a header: a label with its unit in brackets,
    then its value, for the document's period::

        Kim ngạch xuất khẩu (triệu USD)
        1.520
        Tăng so với năm 2023 (%)
        12,5

    A label naming no indicator but a change ("Tăng so với năm 2023 (%)") or a share of the plan
    ("Đạt so với dự toán (%)") gives that measure of the row above. Two rows at least make a list."""
    text, g = reader.text, reader.g
    doc = reader.doc_period
    if doc is None or doc.resolve(reader.year) is None:
        return []
    cells = [(a, b) for a, b in lines if text[a:b].strip()]
    pairs = []
    for k in range(len(cells) - 1):
        (la, lb), (va, vb) = cells[k], cells[k + 1]
        label = text[la:lb].strip()
        if (
            len(label) <= 90
            and not _VALUE.match(label)
            and _UNIT.search(text, la, lb)
            and _VALUE.match(text[va:vb])
        ):
            pairs.append((k, (la, lb), (va, vb)))
    runs, run = [], []
    for pair in pairs:
        if run and pair[0] != run[-1][0] + 2:
            runs.append(run)
            run = []
        run.append(pair)
    runs.append(run)
    spans = []
    column = [("actual", doc, "key_figures")]
    for run in runs:
        if len(run) < 2:
            continue
        before = len(reader.facts)
        last = None
        for _k, (la, lb), value in run:
            inds = [i for i in find_indicators(text, g, la, lb) if i.code in reader.catalogue]
            if inds:
                n = len(reader.facts)
                _row(reader, (la, lb), inds[-1], [value], column, {})
                last = reader.facts[-1] if len(reader.facts) > n else None
                continue
            if last is None or "%" not in _UNIT.search(text, la, lb).group(1):
                continue
            kinds = {
                m.kind
                for m in g.find(text, "plan_base", "up", "down", "yoy_base", "compared", pos=la, endpos=lb)
            }
            measure = (
                "plan_pct"
                if "plan_base" in kinds
                else "yoy_pct"
                if kinds & {"up", "down", "yoy_base"}
                else None
            )
            qs = find_quantities(reader.norm, g, value[0], value[1], habit=reader.habit)
            if measure is None or not qs:
                continue
            v = -abs(qs[0].value) if measure == "yoy_pct" and "down" in kinds else qs[0].value
            reader.facts.append(replace(last, measure=measure, value=_plain(v), unit="%",
                                        evidence=Evidence.of(text, *value), rules=(*last.rules, "key_figures")))  # fmt: skip
        if len(reader.facts) > before:
            reader.fired.add("key_figures")
            spans.append((run[0][1][0], run[-1][2][1]))
    return spans


def _plain(value: float) -> float | int:
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value
