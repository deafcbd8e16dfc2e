"""Database helpers: a query read into a Polars frame keeps every value as it is stored."""

import polars as pl
import pytest
from django.db import connection

from marsad.db import read_frame

pytestmark = pytest.mark.django_db


def test_a_query_read_as_a_frame_keeps_empty_text_apart_from_null_and_odd_text_as_it_is():
    texts = ["", None, 'a,"b"', "line\nbreak", "\\N", "٣٫٥", "  spaced "]
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE marsad_read_frame_test (n bigint, t varchar(40))")
        for n, t in enumerate(texts):
            cursor.execute(
                "INSERT INTO marsad_read_frame_test (n, t) VALUES (%s, %s)", [n if n % 2 else None, t]
            )
    frame = read_frame(
        "SELECT n, t FROM marsad_read_frame_test WHERE t IS NULL OR t <> %s",
        ["never"],
        {"n": pl.Int64, "t": pl.Utf8},
    )
    expected = [(n if n % 2 else None, t) for n, t in enumerate(texts)]
    assert sorted(frame.rows(), key=repr) == sorted(expected, key=repr)


def test_no_rows_give_an_empty_frame_of_the_schema():
    frame = read_frame("SELECT 1 AS n WHERE 1 = %s", [2], {"n": pl.Int64})
    assert (frame.height, frame.schema) == (0, pl.Schema({"n": pl.Int64}))
