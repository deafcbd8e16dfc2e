"""One archive record in, one extract JSON out: the function the local and cluster paths share."""

from __future__ import annotations

import pytest

from marsad.core.extract import extract
from marsad.core.extract.records import RecordError, parse_line, read_line, read_record

VI = "Tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2024 tăng 7,5% so với cùng kỳ."


def test_the_url_outside_the_text_gives_the_area_and_offsets_stay_the_texts():
    plain = read_record({"text": VI})
    assert plain["document"]["area"] is None
    result = read_record({"text": VI, "url": "https://example.vn/bac-ninh/grdp-tang-75", "id": "a1"})
    assert result["source"] == {"id": "a1"}
    assert result["document"]["source_url"] == "https://example.vn/bac-ninh/grdp-tang-75"
    assert result["document"]["area"]["name"] == "Bac Ninh"
    [fact] = result["facts"]
    assert (fact["indicator"], fact["value"], fact["period"]) == ("grdp", 7.5, "2024S1")
    ev = fact["evidence"]
    assert VI[ev["start"] : ev["end"]] == ev["text"]


def test_a_url_line_in_the_text_wins_over_the_records_url():
    text = "https://example.vn/thai-nguyen/grdp\n" + VI
    result = read_record({"text": text, "url": "https://example.vn/bac-ninh/x"})
    assert result["document"]["area"]["name"] == "Thai Nguyen"


def test_read_record_is_extract_plus_its_source():
    result = read_record({"text": VI, "lang": "vi", "year": 2024, "file": "a.jsonl", "line": 3})
    assert result.pop("source") == {"file": "a.jsonl", "line": 3}
    assert result == extract(VI, lang="vi", year=2024).to_json()


def test_bad_records_are_errors_not_exceptions():
    assert "no text" in read_record({"url": "x"})["error"]
    assert "language" in read_record({"text": VI, "lang": "fr"})["error"]


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "a list, not an object"),
        ('{"text": 5}', '"text" is a number'),
        ('{"url": "https://x"}', 'no "text" field (keys: url)'),
        ('{"text": "x", "url": 3}', '"url" is a number'),
        ('{"text": "x", "year": "soon"}', '"year" must be a year'),
        (b'{"text": "\xff"}', "not UTF-8"),
    ],
)
def test_parse_line_says_what_is_wrong_and_where(line, says):
    with pytest.raises(RecordError) as exc:
        parse_line(line, "a.jsonl line 7")
    assert str(exc.value).startswith("a.jsonl line 7: ")
    assert says in str(exc.value)


def test_parse_line_accepts_common_field_names():
    assert parse_line("   ") is None
    record = parse_line('{"content": "abc", "link": "https://x/y", "year": "2024"}')
    assert (record["text"], record["url"], record["year"]) == ("abc", "https://x/y", 2024)


def test_read_line_never_raises():
    assert read_line("") is None
    assert read_line("{oops", "x.jsonl line 2")["error"].startswith("x.jsonl line 2: not JSON")
    good = read_line(b'{"text": "GRDP 6 th\\u00e1ng \\u0111\\u1ea7u n\\u0103m 2024 t\\u0103ng 7,5%."}')
    assert good["facts"][0]["value"] == 7.5
