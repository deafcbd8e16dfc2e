from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from marsad.cli.extract import TextFileError, decode_text
from marsad.cli.main import app

runner = CliRunner()

SENTENCE = "بلغ إجمالي الناتج المحلي للمقاطعة في الربع الأول أكثر من 5,800 مليار دونج، بزيادة قدرها 8.26٪ عن نفس الفترة."


def _run(*args):
    return runner.invoke(app, ["extract", *map(str, args)])


def test_prints_the_contract(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    result = _run(path, "--year", 2024, "--area", "Ninh Thuan")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"document", "facts", "targets", "directives", "difficulties", "recommendations"}
    assert data["document"]["language"] == "ar"
    assert data["document"]["area"]["name"] == "Ninh Thuan"
    assert {(f["indicator"], f["measure"], f["value"], f["period"]) for f in data["facts"]} == {
        ("grdp", "level", 5800, "2024Q1"),
        ("grdp", "yoy_pct", 8.26, "2024Q1"),
    }
    for f in data["facts"]:
        ev = f["evidence"]
        assert SENTENCE[ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_files_keep_offsets_into_the_decoded_text(tmp_path, encoding):
    path = tmp_path / "r.txt"
    path.write_bytes(SENTENCE.encode(encoding))
    data = json.loads(_run(path, "--year", 2024).stdout)
    assert data["facts"]
    for f in data["facts"]:
        ev = f["evidence"]
        assert SENTENCE[ev["start"] : ev["end"]] == ev["text"]


def test_missing_binary_and_undecodable_files_exit_2(tmp_path):
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    latin = tmp_path / "l.txt"
    latin.write_bytes("Thu ngân sách tăng 5%".encode("cp1258", errors="replace") + b"\xff\xfe\xfa")
    for path, word in ((tmp_path / "nope.txt", "does not exist"), (binary, "binary"), (latin, "UTF-8")):
        result = _run(path)
        assert result.exit_code == 2
        assert word in result.stderr
        assert "Traceback" not in result.output


def test_empty_file_gives_an_empty_result(tmp_path):
    path = tmp_path / "e.txt"
    path.write_bytes(b"")
    result = _run(path)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["facts"] == [] and data["document"]["message"]


def test_bad_language_option_exits_2(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    result = _run(path, "--lang", "fr")
    assert result.exit_code == 2 and "--lang" in result.stderr


def test_decode_text_refuses_nul_bytes():
    with pytest.raises(TextFileError):
        decode_text(b"abc\x00def")
    assert decode_text("\ufeffxin chào".encode()) == "xin chào"


def test_bench_extract_prints_throughput():
    result = runner.invoke(app, ["bench", "extract", "--size-kb", "4", "--rounds", "1"])
    assert result.exit_code == 0, result.output
    assert "KB/s" in result.stdout and "extract all" in result.stdout


def test_bench_extract_counts_calls_per_kb_at_both_sizes():
    result = runner.invoke(app, ["bench", "extract", "--size-kb", "4", "--rounds", "1", "--calls"])
    assert result.exit_code == 0, result.output
    counted = [line for line in result.stdout.splitlines() if line.endswith("calls/KB")]
    assert len(counted) == 6  # three languages, two sizes
    assert all(int(line.rsplit(",", 1)[1].split()[0]) > 0 for line in counted)


def test_bench_on_a_folder_of_articles_reports_each_language(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Quý I/2024, GRDP của tỉnh tăng 7,2% so với cùng kỳ.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02")  # not text: left out
    result = runner.invoke(app, ["bench", "extract", "--articles", str(tmp_path), "--rounds", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["extract ar"] * 3 + ["extract vi"] * 3
    assert "1 articles" in lines[0] and "joined x4" in lines[2] and "KB/s" in lines[2]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert runner.invoke(app, ["bench", "extract", "--articles", str(empty)]).exit_code == 2


def test_bench_on_a_folder_of_articles_counts_calls_when_asked(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Quý I/2024, GRDP của tỉnh tăng 7,2% so với cùng kỳ.", encoding="utf-8")
    args = ["bench", "extract", "--articles", str(tmp_path), "--rounds", "1"]
    result = runner.invoke(app, [*args, "--calls"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 6 and all(line.endswith("calls/KB") for line in lines)  # one by one, x1, x4
    assert all(int(line.rsplit(",", 1)[1].split()[0]) > 0 for line in lines)
    assert "calls/KB" not in runner.invoke(app, args).stdout  # only when asked
