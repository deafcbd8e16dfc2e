from __future__ import annotations

import csv

from typer.testing import CliRunner

from marsad.cli.main import app

runner = CliRunner()


def test_report_html_from_the_seed_sample(tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(
        app,
        [
            "report",
            "--area",
            "Ninh Thuận",
            "--period",
            "2024Q1",
            "--lang",
            "vi",
            "--no-charts",
            "--source",
            "sample",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "đạt hơn 5.800 tỷ đồng" in out.read_text(encoding="utf-8")


def test_report_docx_for_bac_ninh(tmp_path):
    out = tmp_path / "bn.docx"
    result = runner.invoke(
        app,
        [
            "report",
            "--area",
            "Bac Ninh",
            "--period",
            "2025-9M",
            "--lang",
            "ar",
            "--format",
            "docx",
            "--no-charts",
            "--source",
            "sample",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"


def test_report_from_an_observations_csv(tmp_path):
    path = tmp_path / "obs.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["area", "indicator", "period", "measure", "value", "unit", "status", "qualifier"])
        w.writerow(["Hanoi", "grdp", "2021Q3", "yoy_pct", "-7.02", "%", "official", "exact"])
        w.writerow(
            ["Hanoi", "budget_revenue", "2021Q3", "level", "176737", "billion VND", "estimate", "exact"]
        )
        w.writerow(["Da Nang", "grdp", "2021Q3", "yoy_pct", "3.1", "%", "official", "exact"])
    result = runner.invoke(
        app, ["report", "--from-file", str(path), "--area", "Hanoi", "--period", "2021Q3", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert "fell 7.02%" in result.output and "3.1" not in result.output
    assert "176,737 billion VND" in result.output


def test_unknown_area_is_an_error():
    result = runner.invoke(app, ["report", "--area", "Atlantis", "--period", "2024Q1", "--source", "sample"])
    assert result.exit_code == 1
