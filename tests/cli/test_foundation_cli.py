"""The foundation's commands end to end, as a user runs them, on a fresh SQLite data folder."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample_observations.csv"


def marsad(data_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(MARSAD_DATA_DIR=str(data_dir), COLUMNS="200", NO_COLOR="1")
    proc = subprocess.run(
        [sys.executable, "-m", "marsad.cli.main", *args], env=env, capture_output=True, text=True, timeout=300
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"marsad {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
        )
    return proc


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("marsad-data")
    marsad(path, "init")
    return path


def test_init_creates_the_sqlite_database_and_is_repeatable(data_dir):
    assert (data_dir / "marsad.sqlite3").exists()
    again = marsad(data_dir, "init")
    assert "'created': 0" in again.stderr


def test_import_export_round_trip_through_the_command_line(data_dir, tmp_path):
    first = marsad(data_dir, "import", str(SAMPLE))
    assert "created" in first.stderr
    out = tmp_path / "all.json"
    marsad(data_dir, "export", "--format", "json", "-o", str(out))
    exported = json.loads(out.read_text(encoding="utf-8"))["observations"]
    with SAMPLE.open(encoding="utf-8") as fh:
        assert len(exported) == sum(1 for _ in csv.DictReader(fh))
    again = marsad(data_dir, "import", str(out))
    assert f"{len(exported)} rows — 0 created, 0 updated, {len(exported)} unchanged" in again.stderr


def test_a_bad_file_is_rejected_with_row_and_column(data_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "area,indicator,period,value\nVN-24,grdp,2030Q1,1\nVN-24,grdp,2030Q5,2\n", encoding="utf-8"
    )
    proc = marsad(data_dir, "import", str(bad), check=False)
    assert proc.returncode == 1
    assert "row 3, column 'period'" in proc.stderr
    assert "nothing was written" in proc.stderr
    listing = marsad(data_dir, "export", "--period", "2030Q1")
    assert "VN-24" not in listing.stdout


def test_history_shows_old_and_new_values(data_dir, tmp_path):
    f = tmp_path / "one.csv"
    f.write_text("area,indicator,period,value\nVN-56,grdp,2021Q1,100\n", encoding="utf-8")
    marsad(data_dir, "import", str(f))
    f.write_text("area,indicator,period,value\nVN-56,grdp,2021Q1,125.5\n", encoding="utf-8")
    marsad(data_dir, "import", str(f))
    proc = marsad(data_dir, "history", "--area", "VN-56", "--period", "2021Q1")
    assert "update" in proc.stdout and "100" in proc.stdout and "125.5" in proc.stdout
    assert "cli (" in proc.stdout  # no Marsad user: the command line's system user wrote it


def test_export_to_xlsx_needs_a_file(data_dir):
    proc = marsad(data_dir, "export", "--format", "xlsx", check=False)
    assert proc.returncode == 2
    assert "XLSX needs a file" in proc.stderr
