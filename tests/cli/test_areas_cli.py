"""`marsad areas`: listing provinces and communes, in three languages, as a table or JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest
import typer
from typer.testing import CliRunner

from marsad.cli import areas as areas_cli
from marsad.core.dates import format_day
from marsad.core.gazetteer import load_gazetteer
from marsad.core.languages import translator


@pytest.fixture(scope="module")
def app():
    app, bench = typer.Typer(), typer.Typer()
    areas_cli.register(app, bench)
    app.add_typer(bench, name="bench")
    return app


def run(app, *args):
    result = CliRunner().invoke(app, ["areas", *args], env={"COLUMNS": "250", "NO_COLOR": "1"})
    return result


def last_line(output: str) -> str:
    return output.strip().splitlines()[-1]


def test_default_lists_the_34_provinces(app):
    result = run(app)
    assert result.exit_code == 0, result.output
    assert last_line(result.output) == "34 areas"
    assert "VN-24" in result.output and "Bắc Ninh" in result.output and "باك نينه" in result.output
    assert "VN-OLD-" not in result.output


def test_all_adds_the_closed_provinces(app):
    result = run(app, "--all")
    assert result.exit_code == 0
    assert last_line(result.output) == "97 areas"
    closed = format_day(date(2025, 7, 1), "en", style="medium")  # the one date style of English
    assert "VN-OLD-58" in result.output and closed in result.output


@pytest.mark.parametrize("name", ["Bac Ninh", "باك نينه", "Tỉnh Bắc Ninh", "VN-24"])
def test_in_a_province_lists_its_communes(app, name):
    result = run(app, "--in", name)
    assert result.exit_code == 0, result.output
    assert last_line(result.output) == "99 areas"
    assert "VN-24-07210" in result.output


def test_in_with_all_lists_the_provinces_merged_into_it(app):
    result = run(app, "--in", "Bac Ninh", "--all", "--level", "province", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [r["code"] for r in rows] == ["VN-OLD-24", "VN-OLD-27"]
    assert all(r["successor_code"] == "VN-24" and r["valid_to"] == "2025-07-01" for r in rows)


def test_json_has_every_field(app):
    rows = json.loads(run(app, "--json").output)
    assert len(rows) == 34
    bac_ninh = next(r for r in rows if r["code"] == "VN-24")
    assert bac_ninh == {
        "code": "VN-24",
        "level": "province",
        "kind": "province",
        "name_vi": "Bắc Ninh",
        "name_en": "Bac Ninh",
        "name_ar": "باك نينه",
        "parent_code": "VN",
        "valid_from": "2025-07-01",
        "valid_to": None,
        "successor_code": None,
    }


def test_level_commune_and_nation(app):
    assert last_line(run(app, "--level", "commune").output) == "3,321 areas"
    rows = json.loads(run(app, "--level", "nation", "--json").output)
    assert [r["code"] for r in rows] == ["VN"]


@pytest.mark.parametrize(
    ("lang", "count", "heading"),
    [("ar", "99 وحدة إدارية", "الاسم"), ("vi", "99 đơn vị hành chính", "Tên"), ("en", "99 areas", "Name")],
)
def test_lang_sets_names_and_headings(app, lang, count, heading):
    result = run(app, "--in", "Bac Ninh", "--lang", lang)
    assert result.exit_code == 0
    assert last_line(result.output) == count
    assert heading in result.output
    assert ("Phường Bắc Giang" in result.output) == (lang == "vi")
    assert ("Bac Giang Ward" in result.output) == (lang == "en")
    assert ("حي باك جيانج" in result.output) == (lang == "ar")


def test_closed_province_says_where_it_went(app):
    result = run(app, "--in", "Tỉnh Ninh Thuận")
    assert result.exit_code == 0
    assert "merged into Khanh Hoa (VN-56)" in result.output
    assert last_line(result.output) == "0 areas"


def test_unknown_area_and_bad_options(app):
    result = run(app, "--in", "Atlantis")
    assert result.exit_code == 1 and "Atlantis" in result.output
    assert run(app, "--level", "district").exit_code == 2
    assert run(app, "--lang", "fr").exit_code == 2


def test_select_areas_works_on_any_records():
    gz = load_gazetteer()
    communes = areas_cli.select_areas(gz.all(), within="VN-24")
    assert len(communes) == 99 and all(r.parent_code == "VN-24" for r in communes)
    assert len(areas_cli.select_areas(gz.all(), within="VN", include_closed=True)) == 97
    assert areas_cli.select_areas(gz.provinces(), level="commune") == []
    with pytest.raises(KeyError):
        areas_cli.select_areas(gz.all(), within="VN-00")


def test_count_line_in_three_languages():
    assert areas_cli.count_line(1, "en") == "1 area"
    assert areas_cli.count_line(3321, "en") == "3,321 areas"
    assert areas_cli.count_line(34, "ar") == "34 وحدة إدارية"


def test_every_string_is_translated_in_the_catalogue():
    for key, msgid in areas_cli.TEXT.items():
        for lang in ("ar", "vi"):
            assert translator(lang).gettext(msgid) != msgid, (key, lang)


def test_bench_runs(app):
    result = CliRunner().invoke(app, ["bench", "areas", "--repeat", "1"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "build gazetteer (3,419 areas)" in result.output


def test_count_line_in_eastern_digits_and_the_plural_arabic_gives():
    assert areas_cli.count_line(34, "ar", eastern_digits=True) == "٣٤ وحدة إدارية"
    assert areas_cli.count_line(3321, "ar", eastern_digits=True) == "٣٬٣٢١ وحدة إدارية"
    assert areas_cli.count_line(5, "ar") == "5 وحدات إدارية"  # 3-10 take the plural
