"""`marsad analytics --from-file` and `marsad bench analytics` at a tiny size."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from marsad.cli.analytics import read_observation_file
from marsad.cli.main import app


def _load_seed_facts():
    # the seed 000 facts live beside the analytics core tests; load that file under its own name
    path = Path(__file__).resolve().parents[1] / "core" / "analytics" / "conftest.py"
    spec = importlib.util.spec_from_file_location("marsad_tests_analytics_seed", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.seed_000_facts


seed_000_facts = _load_seed_facts()

runner = CliRunner()


@pytest.fixture
def seed_csv(tmp_path) -> Path:
    path = tmp_path / "seed000.csv"
    rows = seed_000_facts()
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(
            fh, fieldnames=["area", "indicator", "period", "measure", "value", "unit", "status", "qualifier"]
        )
        w.writeheader()
        for r in rows:
            w.writerow({k: r[k] for k in w.fieldnames})
    return path


def test_json_output_has_the_derived_figures(seed_csv):
    res = runner.invoke(
        app,
        ["analytics", "--area", "Ninh Thuan", "--period", "2024Q1", "--from-file", str(seed_csv), "--json"],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["area"]["code"] == "VN-OLD-58"
    plan = [r for r in data["figures"] if r["plan"]]
    assert len(plan) == 1 and abs(plan[0]["value"] - 3996.69) < 0.01
    taxes = [
        r
        for r in data["figures"]
        if r["indicator"] == "product_taxes" and r["period"] == "2024Q1" and r["measure"] == "level"
    ]
    assert taxes[0]["value"] == 248 and taxes[0]["derived"]
    assert taxes[0]["method"] == "residual_of_parent" and len(taxes[0]["inputs"]) == 4  # GRDP, 3 sectors
    assert data["disagreements"] == []


def _table(seed_csv, *options, env=None):
    args = ["analytics", "--area", "Ninh Thuan", "--period", "2024Q1", "--from-file", str(seed_csv)]
    res = runner.invoke(app, [*args, *options], env={"COLUMNS": "250", **(env or {})})
    assert res.exit_code == 0, res.output
    return res.stdout


def test_table_in_each_language(seed_csv):
    for lang, heading, plan in (
        ("en", "Figures", "3,997*"),
        ("vi", "Số liệu", "3.997*"),
        ("ar", "الأرقام", "3,997*"),
    ):
        res = runner.invoke(
            app,
            [
                "analytics",
                "--area",
                "Ninh Thuan",
                "--period",
                "2024Q1",
                "--from-file",
                str(seed_csv),
                "--lang",
                lang,
                "--target-yoy",
                "10",
            ],
        )
        assert res.exit_code == 0, res.output
        assert heading in res.stdout and plan in res.stdout


@pytest.mark.parametrize("how", ["option", "environment"])
def test_eastern_digits_are_a_preference_the_tables_follow(seed_csv, how):
    """A reader of Eastern Arabic digits reads them in the CLI's tables too, with ٬ ٫ and ٪, and
    the period in words: the one formatter per locale, as on the pages."""
    if how == "option":
        table = _table(seed_csv, "--lang", "ar", "--target-yoy", "10", "--eastern-digits")
    else:
        table = _table(seed_csv, "--lang", "ar", "--target-yoy", "10", env={"MARSAD_EASTERN_DIGITS": "1"})
    assert "٣٬٩٩٧*" in table  # the annual plan
    assert "الربع الأول ٢٠٢٤" in table and "2024Q1" not in table
    assert "+١٠٫٠٠٪" in table  # the growth target
    western = [line for line in table.splitlines() if any(c.isdigit() and c.isascii() for c in line)]
    assert [line for line in western if "VN-" not in line] == []  # only the area's code keeps its digits


def test_disagreements_are_listed(tmp_path):
    rows = seed_000_facts()
    rows[1]["value"] = 9.5  # GRDP growth 9.5 %, but 5,800 on 5,000 is +16 %
    rows.append({**rows[0], "period": "2023Q1", "value": 5000, "qualifier": "exact", "id": "12"})
    path = tmp_path / "obs.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    res = runner.invoke(
        app, ["analytics", "--area", "VN-OLD-58", "--period", "2024Q1", "--from-file", str(path), "--json"]
    )
    assert res.exit_code == 0, res.output
    checks = json.loads(res.stdout)["disagreements"]
    assert [d["method"] for d in checks] == ["growth_levels"]
    assert set(checks[0]["inputs"]) == {"1", "2", "12"}


def test_unknown_area_is_an_error(seed_csv):
    res = runner.invoke(
        app, ["analytics", "--area", "Atlantis", "--period", "2024Q1", "--from-file", str(seed_csv)]
    )
    assert res.exit_code != 0


def test_bench_at_a_tiny_size():
    res = runner.invoke(
        app,
        [
            "bench",
            "analytics",
            "--communes",
            "40",
            "--indicators",
            "2",
            "--months",
            "24",
            "--repeat",
            "2",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["rows"] == 40 * 2 * 24 and data["results_agree"]


@pytest.mark.django_db
def test_reads_the_database_when_no_file_is_given():
    from marsad.areas.models import Area
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation

    area = Area.objects.get(code="VN-OLD-58")
    for r in seed_000_facts():
        Observation.objects.create(
            area=area,
            indicator=Indicator.objects.get(code=r["indicator"]),
            period=r["period"],
            measure=r["measure"],
            value=r["value"],
            unit=r["unit"],
            status=r["status"],
            qualifier=r["qualifier"],
        )
    res = runner.invoke(app, ["analytics", "--area", "Ninh Thuan", "--period", "2024Q1", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    plan = [r for r in data["figures"] if r["plan"]]
    assert abs(plan[0]["value"] - 3996.69) < 0.01
    observed = [r for r in data["figures"] if not r["derived"]]
    assert len(observed) == 11 and all(r["id"].isdigit() for r in observed)  # database ids as inputs


def test_growth_needed_for_a_year_to_date(tmp_path):
    # last year 140,000 (9M 100,000, so Q4 40,000); this 9M 109,000; +10 % on the year means
    # 154,000, so Q4 needs 45,000: +12.5 % on last year's Q4
    path = tmp_path / "bn.csv"
    path.write_text(
        "area,indicator,period,measure,value\n"
        "VN-24,grdp,2024-9M,level,100000\nVN-24,grdp,2024,level,140000\nVN-24,grdp,2025-9M,level,109000\n",
        encoding="utf-8",
    )
    res = runner.invoke(
        app,
        [
            "analytics",
            "--area",
            "Bac Ninh",
            "--period",
            "2025-9M",
            "--from-file",
            str(path),
            "--target-yoy",
            "10",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    needed = json.loads(res.stdout)["growth_needed"]
    assert abs(needed["growth_needed_pct"] - 12.5) < 1e-9
    assert needed["remainder"] == ["2025Q4"] and not needed["weight_assumed"]


# -- the file reader round-trips what it is given ----------------------------------------------
_record = st.fixed_dictionaries(
    {
        "area": st.sampled_from(["VN", "VN-24", "VN-OLD-58", "VN-24-07420"]),
        "indicator": st.sampled_from(["grdp", "budget_revenue", "cpi"]),
        "period": st.sampled_from(["2024Q1", "2025-9M", "202403", "2024"]),
        "measure": st.sampled_from(["level", "yoy_pct", "plan_pct"]),
        "value": st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
        "qualifier": st.sampled_from(["exact", "more_than", "about"]),
    }
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_record, min_size=1, max_size=8), st.sampled_from(["csv", "json"]))
def test_file_reader_round_trip(tmp_path, records, kind):
    path = tmp_path / f"obs.{kind}"
    if kind == "json":
        path.write_text(json.dumps({"observations": records}), encoding="utf-8")
    else:
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(records[0]))
            w.writeheader()
            w.writerows({**r, "value": repr(r["value"])} for r in records)
    back = read_observation_file(path)
    assert [{k: r[k] for k in records[0]} for r in back] == records


def test_file_reader_reads_eastern_digits_and_thousands(tmp_path):
    path = tmp_path / "obs.csv"
    path.write_text('area,indicator,period,value\nVN-24,grdp,2024Q1,"٥,٨٠٠"\n', encoding="utf-8")
    assert read_observation_file(path)[0]["value"] == 5800.0


@pytest.mark.parametrize("lang", ("ar", "vi"))
def test_every_target_verdict_is_said_in_words_of_the_language(lang):
    from marsad.cli.formatting import translator
    from marsad.core.analytics.targets import VERDICT_LABELS, VERDICTS

    assert set(VERDICT_LABELS) == set(VERDICTS)
    _ = translator(lang).gettext
    for words in VERDICT_LABELS.values():
        assert _(words) != words, f"{words!r} has no {lang} translation"
