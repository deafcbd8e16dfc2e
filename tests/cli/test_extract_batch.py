"""`marsad extract FOLDER|ARCHIVE`: JSON lines in input order, in parallel, bad lines named."""

from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.core.extract import extract

runner = CliRunner()

ARTICLES = [
    (
        "vi",
        "https://example.vn/bac-ninh/grdp",
        "GRDP 6 tháng đầu năm 2024 của tỉnh tăng 7,5% so với cùng kỳ.",
    ),
    (
        "en",
        "https://example.vn/thai-nguyen/x",
        "In the first quarter of 2024, the province's GRDP grew 6.2%.",
    ),
    ("ar", None, "بلغ إجمالي الناتج المحلي للمقاطعة في الربع الأول من عام 2024 أكثر من 5,800 مليار دونج."),
    ("vi", None, "Thu ngân sách năm 2023 đạt 12.500 tỷ đồng, tăng 4,1%."),
]


def _archive(path, extra_lines=()):
    lines = [
        json.dumps({"id": i, "url": url, "text": text}, ensure_ascii=False)
        if url
        else json.dumps({"text": text})
        for i, (_, url, text) in enumerate(ARTICLES)
    ]
    body = "\n".join([*lines[:2], *extra_lines, *lines[2:]]) + "\n"
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(body.encode("utf-8")))
    else:
        path.write_text(body, encoding="utf-8")
    return path


def _run(*args):
    return runner.invoke(app, ["extract", *map(str, args), "--no-progress"])


def _lines(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_archive_is_read_line_by_line_in_order(tmp_path, jobs):
    archive = _archive(tmp_path / "news.jsonl")
    result = _run(archive, "--jobs", jobs)
    assert result.exit_code == 0, result.stderr
    rows = _lines(result.stdout)
    assert [r["source"]["line"] for r in rows] == [1, 2, 3, 4]
    assert [r["document"]["language"] for r in rows] == [lang for lang, _, _ in ARTICLES]
    assert rows[0]["document"]["area"]["name"] == "Bac Ninh"  # from the record's URL
    assert rows[0]["document"]["source_url"] == ARTICLES[0][1]
    for row, (_, _, text) in zip(rows, ARTICLES, strict=True):
        for fact in row["facts"]:
            ev = fact["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"]
    assert "4 articles read, 0 not read" in result.stderr


def test_parallel_and_serial_give_the_same_lines(tmp_path):
    archive = _archive(tmp_path / "news.jsonl.gz")
    serial = _run(archive, "--jobs", 1)
    parallel = _run(archive, "--jobs", 2)
    assert serial.exit_code == parallel.exit_code == 0
    assert serial.stdout == parallel.stdout
    expected = extract(ARTICLES[3][2]).to_json()
    assert _lines(serial.stdout)[3]["facts"] == expected["facts"]


def test_bad_lines_are_named_and_the_others_still_read(tmp_path):
    archive = _archive(tmp_path / "news.jsonl", ["{broken", "", '{"url": "https://x"}'])
    out = tmp_path / "out.jsonl"
    result = _run(archive, "--jobs", 2, "-o", out)
    assert result.exit_code == 1
    assert "news.jsonl line 3: not JSON" in result.stderr
    assert 'news.jsonl line 5: no "text" field' in result.stderr
    rows = _lines(out.read_text(encoding="utf-8"))
    assert [r["source"]["line"] for r in rows] == [1, 2, 6, 7]
    assert "4 articles read, 2 not read" in result.stderr


def test_a_folder_reads_its_files_and_archives_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLES[1][2], encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text(ARTICLES[3][2], encoding="utf-16")
    (tmp_path / "b" / "d.txt").write_bytes(b"\x00\x01binary\x00")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    _archive(tmp_path / "b" / "e.jsonl")
    result = _run(tmp_path, "--jobs", 2, "--year", 2024)
    assert result.exit_code == 1
    assert "d.txt looks like a binary file" in result.stderr
    rows = _lines(result.stdout)
    assert [r["source"].get("file") for r in rows] == ["a.txt", "b/c.txt", *["b/e.jsonl"] * 4]
    assert rows[1]["facts"][0]["value"] == 12500


def test_defaults_apply_where_the_record_says_nothing(tmp_path):
    archive = tmp_path / "x.jsonl"
    text = "Thu ngân sách đạt 12.500 tỷ đồng, tăng 4,1%."
    archive.write_text(
        json.dumps({"text": text}) + "\n" + json.dumps({"text": text, "year": 2022}) + "\n", encoding="utf-8"
    )
    rows = _lines(_run(archive, "--year", 2024, "--jobs", 1).stdout)
    assert [r["document"]["year"] for r in rows] == [2024, 2022]
