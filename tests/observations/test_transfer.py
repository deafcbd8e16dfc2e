"""Import and export: round trips, all-or-nothing, idempotent re-import, row-level errors."""

import csv
import io
from pathlib import Path

import pytest

from marsad.audit.history import history_of
from marsad.audit.models import ChangeRecord
from marsad.observations.models import Observation
from marsad.observations.synthetic import synthetic_rows
from marsad.observations.transfer import ImportRejected, export_rows, import_file, import_rows, write_export


@pytest.fixture(autouse=True)
def _english():
    """The import's messages follow the active language; these tests read them in English."""
    from django.utils import translation

    with translation.override("en"):
        yield


SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample_observations.csv"
pytestmark = pytest.mark.django_db


def state():
    """The database's observations as comparable tuples."""
    return sorted(
        Observation.objects.values_list(
            "area__code", "indicator__code", "period", "measure", "status", "value", "unit", "qualifier"
        )
    )


def csv_bytes(rows: list[dict]) -> io.BytesIO:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(dict.fromkeys(k for row in rows for k in row)))
    writer.writeheader()
    writer.writerows(rows)
    return io.BytesIO(buf.getvalue().encode("utf-8"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_reimports_to_the_same_state(fmt):
    import_file(SAMPLE)
    before = state()
    assert len(before) > 800
    out = io.BytesIO()
    write_export(export_rows(), fmt, out)
    Observation.objects.all().delete()
    assert state() == []
    out.seek(0)
    result = import_file(out, f"export.{fmt}")
    assert result.created == len(before)
    assert state() == before


def test_csv_export_is_stable_across_a_round_trip():
    import_file(SAMPLE)
    first = io.BytesIO()
    write_export(export_rows(), "csv", first)
    Observation.objects.all().delete()
    import_file(io.BytesIO(first.getvalue()), "again.csv")
    second = io.BytesIO()
    write_export(export_rows(), "csv", second)
    assert first.getvalue() == second.getvalue()


def test_reimporting_the_same_file_changes_nothing():
    first = import_file(SAMPLE)
    assert first.created > 0
    before, changes = state(), ChangeRecord.objects.count()
    stamps = dict(Observation.objects.values_list("pk", "updated_at"))
    again = import_file(SAMPLE)
    assert (again.created, again.updated, again.unchanged) == (0, 0, first.rows)
    assert state() == before
    assert ChangeRecord.objects.count() == changes
    assert dict(Observation.objects.values_list("pk", "updated_at")) == stamps


def test_one_bad_row_among_ten_thousand_writes_nothing():
    rows = synthetic_rows(10_000)
    bad_row_no = rows[6789][0]
    rows[6789][1]["period"] = "2024Q5"
    with pytest.raises(ImportRejected) as caught:
        import_rows(rows, "big.csv")
    assert Observation.objects.count() == 0
    assert ChangeRecord.objects.count() == 0
    [error] = caught.value.errors
    assert (error.file, error.row, error.column) == ("big.csv", bad_row_no, "period")
    assert "2024Q5" in error.reason
    assert f"row {bad_row_no}" in str(caught.value)


@pytest.mark.parametrize(
    "change, column, reason",
    [
        ({"area": "VN-99"}, "area", "unknown area code"),
        ({"indicator": "happiness"}, "indicator", "unknown indicator code"),
        ({"period": "2024Q5"}, "period", "not a period"),
        ({"value": "five"}, "value", "not a number"),
        ({"value": ""}, "value", "not a number"),
        ({"measure": "level_pct"}, "measure", "is not one of"),
        ({"status": "rumour"}, "status", "is not one of"),
        ({"qualifier": "roughly"}, "qualifier", "is not one of"),
    ],
)
def test_each_kind_of_bad_value_is_named(change, column, reason):
    good = {"area": "VN-24", "indicator": "grdp", "period": "2024Q1", "measure": "level", "value": "5800"}
    rows = [good, {**good, "period": "2024Q2"}, {**good, "period": "2024Q3", **change}]
    with pytest.raises(ImportRejected) as caught:
        import_file(csv_bytes(rows), "x.csv")
    [error] = caught.value.errors
    assert (error.row, error.column) == (4, column)
    assert reason in error.reason
    assert Observation.objects.count() == 0


def test_the_same_key_twice_in_one_file_is_refused():
    row = {"area": "VN-24", "indicator": "grdp", "period": "2024Q1", "value": "1"}
    with pytest.raises(ImportRejected) as caught:
        import_file(csv_bytes([row, {**row, "value": "2"}]), "dup.csv")
    assert "the same observation as row 2" in caught.value.errors[0].reason
    assert caught.value.errors[0].row == 3


def test_missing_and_unknown_columns_are_refused():
    with pytest.raises(ImportRejected, match="required column"):
        import_file(io.BytesIO(b"area,indicator,value\nVN-24,grdp,1\n"), "cols.csv")
    with pytest.raises(ImportRejected, match="unknown column"):
        import_file(io.BytesIO(b"area,indicator,period,value,colour\nVN-24,grdp,2024,1,red\n"), "cols.csv")


def test_unknown_file_type_and_bad_encoding_are_refused():
    with pytest.raises(ImportRejected, match="unknown file type"):
        import_file(io.BytesIO(b""), "data.txt")
    with pytest.raises(ImportRejected, match="not UTF-8"):
        import_file(io.BytesIO("area\n".encode("utf-16")), "data.csv")


def test_eastern_arabic_digits_and_defaults():
    rows = [{"area": "VN-24", "indicator": "grdp", "period": "2024q1", "value": "٥٨٠٠٫٥"}]
    import_file(csv_bytes(rows), "ar.csv")
    obs = Observation.objects.get()
    assert (obs.value, obs.period, obs.measure, obs.status, obs.qualifier, obs.unit) == (
        5800.5,
        "2024Q1",
        "level",
        "official",
        "exact",
        "billion VND",
    )
    assert obs.provenance == "ar.csv row 2"


def test_a_changed_value_is_updated_and_its_history_kept():
    row = {"area": "VN-24", "indicator": "grdp", "period": "2024Q1", "value": "5800"}
    import_file(csv_bytes([row]), "v1.csv")
    result = import_file(csv_bytes([{**row, "value": "5900"}]), "v2.csv")
    assert (result.created, result.updated) == (0, 1)
    obs = Observation.objects.get()
    assert obs.value == 5900
    history = history_of(obs)  # newest first, whatever shape each change was kept in
    actions = [(c.action, (c.before or {}).get("value"), (c.after or {}).get("value")) for c in history]
    assert actions == [("update", "5800", "5900"), ("create", None, "5800")]
    assert history[-1].source == "import v1.csv row 2"
    assert [c.after["revision"] for c in history] == [2, 1]


def test_a_command_line_import_records_its_system_user():
    """No Marsad user: the import's change record names where it came from (the CLI's account)."""
    from marsad.observations.writing import Provenance

    origin = Provenance.command_line().via
    row = {"area": "VN-24", "indicator": "grdp", "period": "2024Q1", "value": "5800"}
    import_file(csv_bytes([row]), "cli.csv", origin=origin)
    import_file(csv_bytes([{**row, "value": "5900"}]), "web.csv")
    records = {r.object_repr: r for r in ChangeRecord.objects.filter(action="import")}
    assert origin.startswith("cli (") and records["cli.csv"].after["by"] == origin
    assert "by" not in records["web.csv"].after


def test_a_saved_observation_records_who_changed_it(django_user_model):
    user = django_user_model.objects.create_user("planner", password="x-long-password")
    import_file(
        csv_bytes([{"area": "VN-24", "indicator": "grdp", "period": "2024Q1", "value": "1"}]), "a.csv"
    )
    obs = Observation.objects.get()
    obs.value = 2
    obs.save(changed_by=user, source="form")
    record = obs.history().first()
    assert (record.user, record.source, record.changed_fields()["value"]) == (user, "form", ("1", "2"))


@pytest.mark.parametrize(
    "text",
    [
        "area,indicator,period,value\nVN-24,grdp,2024Q1,5\n\nVN-24,grdp,2024Q2,6\n",
        '\ufeffArea , INDICATOR,period,value\r\nVN-24,grdp,2024Q1,5\r\n,,,\r\nVN-24,grdp,2024Q2,"6"\r\n',
        'area,indicator,period,value,unit\nVN-24,grdp,2024Q1,5,"billion\nVND"\nVN-24,grdp,2024Q2,6\n',
        "area,indicator,period,value,last_year\nVN-24,grdp,2024Q1,,4\nVN-24,grdp,2024Q2,6,5\n",
        '"area","indicator","period","value"\nVN-24,grdp,2024Q1,5\n',
        "area,indicator,period,value\nVN-24,grdp,2024Q1,5,7\n",
        "area,indicator,period,value\n",
        "",
    ],
    ids=[
        "blank-line",
        "bom-crlf-empty-row",
        "quoted-newline",
        "template",
        "quoted-header",
        "ragged",
        "header",
        "empty",
    ],
)
def test_the_fast_csv_reader_counts_rows_as_csv_does(text):
    """Polars reads CSV files in one pass; rows, numbers and refusals are those of the csv module."""
    from marsad.observations.transfer import read_frame, read_rows, rows_frame

    def outcome(read):
        try:
            return read().to_dicts()
        except ImportRejected as exc:
            return [str(e) for e in exc.errors]

    fast = outcome(lambda: read_frame(io.BytesIO(text.encode()), "f.csv"))
    slow = outcome(lambda: rows_frame(read_rows(io.BytesIO(text.encode()), "f.csv")))
    assert fast == slow
