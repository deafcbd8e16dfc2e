"""The write path for many rows at once (file import): the same rules as :mod:`.writing`,
applied set-wise.

:func:`check_frame` validates a whole file as a Polars frame (one expression per rule, the rules
resolved once per indicator x measure x unit by :func:`marsad.core.validation.bound_for`), then
:func:`write_frame` writes it in one transaction that starts only when everything is checked:
new rows straight into the table with ids taken first (COPY on PostgreSQL, executemany on
SQLite), changed rows through a staging table and one ``UPDATE ... FROM`` guarded by each
row's revision; the audit is one change record for the file, one compact
:class:`~marsad.audit.models.ImportedRow` per updated row and one
:class:`~marsad.audit.models.ImportedRun` per run of created ones, written the same way.
Unchanged rows are not touched. The rows' references (area, indicator, writer, content type)
are checked once for the whole file rather than by a trigger per row and foreign key
(:func:`marsad.db.references_checked_setwise`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import polars as pl
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction

from marsad.accounts import scopes
from marsad.analytics.rewrites import change_columns, update_in_place
from marsad.areas.models import Area
from marsad.audit.models import ChangeRecord, ImportedRow, ImportedRun
from marsad.core import measures, periods
from marsad.core.catalogue import load_catalogue, load_value_rules
from marsad.core.numbers import format_plain, read_plain_number
from marsad.core.validation import Problem, bound_for, check_number, expected_unit, units_compatible
from marsad.db import next_ids, read_frame, references_checked_setwise, temporary_table
from marsad.db import write_frame as insert_frame
from marsad.indicators.models import Indicator

from .messages import problem_message
from .models import Approval, Observation
from .writing import TEXT_LIMITS, Locked, Provenance, adopt_plan

Progress = Callable[[int], None]
KEY = ["area_id", "indicator_id", "period", "measure", "status"]
_PLAIN = r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?$"
_SIMPLE = r"^-?\d+(?:\.\d+)?$"
_EASTERN = [chr(0x0660 + i) for i in range(10)] + [chr(0x06F0 + i) for i in range(10)] + ["\u066b", "\u2212"]
_ASCII = [str(i) for i in range(10)] * 2 + [".", "-"]


class RowProblem(Exception):
    """Rows that break a rule: (row, column, reason) triples."""

    def __init__(self, problems: list[tuple[int, str, str]]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")


def _plain_text(frame: pl.DataFrame) -> pl.Series:
    """Each value written the shortest exact way (format_plain), vectorised for the common case."""
    v = frame["value"]
    simple = v.str.contains(_SIMPLE)
    trimmed = v.str.replace(r"(\.\d*?)0+$", "$1").str.replace(r"\.$", "").str.replace(r"^(-?)0+(\d)", "$1$2")
    trimmed = trimmed.str.replace(r"^-0$", "0")
    out = pl.select(pl.when(simple).then(trimmed).otherwise(None).alias("v")).to_series()
    rare = (~simple).arg_true()
    if len(rare):
        fixed = [format_plain(read_plain_number(v[i])) for i in rare.to_list()]
        out = out.scatter(rare, fixed)
    return out


def check_frame(frame: pl.DataFrame, writer=None, today: date | None = None) -> pl.DataFrame:
    """Resolve codes and check every row; raise RowProblem naming each bad row and column.

    ``frame`` holds text columns area, indicator, period, measure, value, unit, status,
    qualifier and the integer column ``row``. The result holds the typed columns of the write.
    """
    today = today or date.today()
    rules = load_value_rules()
    catalogue = load_catalogue()
    f = frame.with_columns(
        pl.col(c).fill_null("").str.strip_chars() for c in frame.columns if c != "row"
    ).with_columns(
        pl.when(pl.col("measure") == "").then(pl.lit("level")).otherwise(pl.col("measure")).alias("measure"),
        pl.when(pl.col("status") == "").then(pl.lit("official")).otherwise(pl.col("status")).alias("status"),
        pl.when(pl.col("qualifier") == "")
        .then(pl.lit("exact"))
        .otherwise(pl.col("qualifier"))
        .alias("qualifier"),
        pl.col("value").str.replace_many(_EASTERN, _ASCII),
    )
    problems: list[tuple[int, str, str]] = []

    def refuse(mask: pl.Series, column: str, reason: Callable[[dict], str]) -> None:
        for row in f.filter(mask).iter_rows(named=True):
            problems.append((row["row"], column, reason(row)))

    areas = dict(Area.objects.values_list("code", "id"))
    upper = {code.upper(): pk for code, pk in areas.items()}
    indicators = {code: (pk, unit) for code, pk, unit in Indicator.objects.values_list("code", "id", "unit")}
    f = f.with_columns(
        pl.col("area")
        .str.to_uppercase()
        .replace_strict(upper, default=None, return_dtype=pl.Int64)
        .alias("area_id"),
        pl.col("indicator")
        .replace_strict({c: v[0] for c, v in indicators.items()}, default=None, return_dtype=pl.Int64)
        .alias("indicator_id"),
    )
    refuse(f["area"] == "", "area", lambda r: _("empty: give an area code such as VN-24"))
    refuse(
        (f["area"] != "") & f["area_id"].is_null(),
        "area",
        lambda r: _("unknown area code %(code)r") % {"code": r["area"]},
    )
    refuse(
        f["indicator_id"].is_null(),
        "indicator",
        lambda r: _("unknown indicator code %(code)r") % {"code": r["indicator"]},
    )
    for column, vocabulary in (
        ("measure", measures.MEASURES),
        ("status", measures.STATUSES),
        ("qualifier", measures.QUALIFIERS),
    ):
        refuse(
            ~f[column].is_in(list(vocabulary)),
            column,
            lambda r, c=column, v=vocabulary: (
                _("%(text)r is not one of %(choices)s") % {"text": r[c], "choices": ", ".join(v)}
            ),
        )
    for column, limit in {**TEXT_LIMITS, "area": 24, "indicator": 64}.items():
        refuse(
            f[column].str.len_chars() > limit,
            column,
            lambda r, n=limit: problem_message(Problem("", "too_long", {"max": n})),
        )
    for column in ("area", "indicator", "period", "measure", "unit", "status", "qualifier", "value"):
        refuse(
            f[column].str.contains("\x00", literal=True),
            column,
            lambda r: problem_message(Problem("", "nul_character")),
        )

    # Periods: parsed once per distinct code.
    codes: dict[str, str | None] = {}
    future: set[str] = set()
    for code in f["period"].unique().to_list():
        try:
            p = periods.parse(code)
        except periods.PeriodError:
            codes[code] = None
            continue
        codes[code] = p.code
        if p.start > today:
            future.add(p.code)
    f = f.with_columns(
        pl.col("period").replace_strict(codes, default=None, return_dtype=pl.Utf8).alias("period_code")
    )
    refuse(
        f["period_code"].is_null(),
        "period",
        lambda r: problem_message(Problem("period", "bad_period", {"period": r["period"]})),
    )
    refuse(
        f["period_code"].is_in(list(future)) & f["status"].is_in(list(rules.no_future_statuses)),
        "period",
        lambda r: problem_message(
            Problem("period", "future_period", {"period": r["period_code"], "status": r["status"]})
        ),
    )

    # Values: the machine layout, finite, at most 15 significant digits and 10 decimals.
    syntax = f["value"].str.contains(_PLAIN)
    refuse(~syntax, "value", lambda r: _("%(text)r is not a number") % {"text": r["value"]})
    f = f.with_columns(pl.when(syntax).then(pl.col("value")).otherwise(None).alias("value"))
    mantissa = pl.col("value").str.replace(r"[eE].*$", "").str.replace(r"^[+-]", "")
    exponent = pl.col("value").str.extract(r"[eE]([+-]?\d+)$").cast(pl.Int64).fill_null(0)
    whole = mantissa.str.replace(r"\..*$", "")
    frac = mantissa.str.extract(r"\.(\d*)$").fill_null("")
    f = f.with_columns(
        pl.concat_str(whole, frac)
        .str.strip_chars_start("0")
        .str.strip_chars_end("0")
        .str.len_chars()
        .alias("_sig"),
        (frac.str.strip_chars_end("0").str.len_chars().cast(pl.Int64) - exponent).alias("_places"),
        pl.col("value").cast(pl.Float64, strict=False).alias("value_f"),
    )
    refuse(
        syntax & (f["_sig"] > rules.max_significant_digits),
        "value",
        lambda r: problem_message(Problem("value", "too_many_digits", {"max": rules.max_significant_digits})),
    )
    refuse(
        syntax & (f["_sig"] <= rules.max_significant_digits) & (f["_places"] > rules.max_decimal_places),
        "value",
        lambda r: problem_message(Problem("value", "too_many_decimals", {"max": rules.max_decimal_places})),
    )

    # Units default per measure; bounds and unit fit resolved once per indicator x measure x unit.
    unit_of = {c: v[1] for c, v in indicators.items()}
    f = f.with_columns(
        pl.when(pl.col("unit") != "")
        .then(pl.col("unit"))
        .when(pl.col("measure") == "level")
        .then(pl.col("indicator").replace_strict(unit_of, default=""))
        .otherwise(pl.col("measure").replace_strict(measures.MEASURE_UNITS, default=""))
        .alias("unit")
    )
    combos = f.filter(pl.col("indicator_id").is_not_null() & pl.col("measure").is_in(list(measures.MEASURES)))
    bounds = []
    for ind, measure, unit in combos.select("indicator", "measure", "unit").unique().iter_rows():
        want = expected_unit(measure, unit_of[ind])
        fits = units_compatible(unit, unit_of[ind]) if measure == "level" else unit == want
        rule_code = ind if ind in catalogue else ""
        b = bound_for(rule_code, measure, unit, rules)
        bounds.append((ind, measure, unit, fits, want, b.min, b.max, b.min_exclusive))
    schema = {
        "indicator": pl.Utf8,
        "measure": pl.Utf8,
        "unit": pl.Utf8,
        "_fits": pl.Boolean,
        "_want": pl.Utf8,
        "_min": pl.Float64,
        "_max": pl.Float64,
        "_min_excl": pl.Boolean,
    }
    f = f.join(
        pl.DataFrame(bounds, schema=schema, orient="row"), on=["indicator", "measure", "unit"], how="left"
    )
    refuse(
        f["_fits"].fill_null(True).not_(),
        "unit",
        lambda r: problem_message(
            Problem(
                "unit",
                "unit_incompatible" if r["measure"] == "level" else "unit_of_measure",
                {"unit": r["unit"], "expected": r["_want"]},
            )
        ),
    )
    v = f["value_f"]
    below = (v < f["_min"]) | (f["_min_excl"].fill_null(False) & (v == f["_min"]))
    refuse(
        below.fill_null(False),
        "value",
        lambda r: problem_message(Problem("value", f"{r['measure']}_below_minimum", {"min": r["_min"]})),
    )
    refuse(
        (v > f["_max"]).fill_null(False),
        "value",
        lambda r: problem_message(Problem("value", f"{r['measure']}_above_maximum", {"max": r["_max"]})),
    )

    # Scope: the areas the writer may enter data for.
    if writer is not None and not scopes.is_admin(writer):
        allowed = list(scopes.capturable_areas(writer).values_list("pk", flat=True))
        refuse(
            f["area_id"].is_not_null() & ~f["area_id"].is_in(allowed),
            "area",
            lambda r: _("you may not enter data for %(area)s") % {"area": r["area"]},
        )

    # The same key twice in one file.
    good = f.filter(
        pl.col("area_id").is_not_null()
        & pl.col("indicator_id").is_not_null()
        & pl.col("period_code").is_not_null()
    )
    key = ["area_id", "indicator_id", "period_code", "measure", "status"]
    firsts = good.group_by(key).agg(pl.col("row").min().alias("_first"))
    dupes = good.join(firsts, on=key).filter(pl.col("row") != pl.col("_first"))
    for row in dupes.iter_rows(named=True):
        problems.append(
            (
                row["row"],
                "",
                _("the same observation as row %(row)d (area, indicator, period, measure, status)")
                % {"row": row["_first"]},
            )
        )
    if problems:
        raise RowProblem(sorted(problems))
    # Rare exact forms (an exponent, a leading +) are checked once more by the row rule.
    out = f.select(
        "row",
        "area_id",
        "indicator_id",
        pl.col("period_code").alias("period"),
        "measure",
        "status",
        "value",
        "value_f",
        "unit",
        "qualifier",
    )
    out = out.with_columns(_plain_text(out).alias("value"))
    for text in out.filter(~pl.col("value").str.contains(_SIMPLE))["value"].to_list():
        problem = check_number(read_plain_number(text), rules)
        if problem is not None:  # pragma: no cover - the vectorised checks above catch these
            raise RowProblem([(0, "value", problem_message(problem))])
    return out


def _(text: str) -> str:
    from django.utils.translation import gettext

    return gettext(text)


# -- writing ---------------------------------------------------------------------------------
def _value_text_sql() -> str:
    return "trim_scale(o.value)::text" if connection.vendor == "postgresql" else "CAST(o.value AS TEXT)"


def _existing(frame: pl.DataFrame) -> pl.DataFrame:
    """The stored rows of the frame's keys, read set-wise."""
    schema = {
        "id": pl.Int64,
        "area_id": pl.Int64,
        "indicator_id": pl.Int64,
        "period": pl.Utf8,
        "measure": pl.Utf8,
        "status": pl.Utf8,
        "old_value": pl.Utf8,
        "old_unit": pl.Utf8,
        "old_qualifier": pl.Utf8,
        "old_revision": pl.Int64,
        "old_source": pl.Utf8,
        "old_document": pl.Int64,
        "old_span_start": pl.Int64,
        "old_span_end": pl.Int64,
    }
    table = connection.ops.quote_name(Observation._meta.db_table)
    indicator_ids = frame["indicator_id"].unique().to_list()
    period_codes = frame["period"].unique().to_list()
    area_ids = frame["area_id"].unique().to_list()

    def among(column: str, values: list) -> str:
        return f"o.{column} IN ({', '.join(['%s'] * len(values))})"

    where = [among("indicator_id", indicator_ids), among("period", period_codes)]
    params = [*indicator_ids, *period_codes]
    if len(area_ids) <= 2000:  # a commune's or a province's file: not every area's values
        where.append(among("area_id", area_ids))
        params += area_ids
    sql = (
        f"SELECT o.id, o.area_id, o.indicator_id, o.period, o.measure, o.status, {_value_text_sql()}, "
        f"o.unit, o.qualifier, o.revision, o.source, o.document_id, o.span_start, o.span_end "
        f"FROM {table} o WHERE {' AND '.join(where)}"
    )
    old = read_frame(sql, params, schema)
    if connection.vendor != "postgresql" and old.height:
        # SQLite keeps REAL: "1.0e+17" and "5.0" are rewritten the shortest exact way.
        odd = ~old["old_value"].str.contains(_SIMPLE) | old["old_value"].str.ends_with(".0")
        idx = odd.arg_true()
        if len(idx):
            fixed = [format_plain(read_plain_number(old["old_value"][i])) for i in idx.to_list()]
            old = old.with_columns(old["old_value"].scatter(idx, fixed))
    return old


def write_frame(
    frame: pl.DataFrame, *, name: str, writer=None, origin: str = "", progress: Progress | None = None
) -> tuple[int, int, int]:
    """Write checked rows (see :func:`check_frame`); return (created, updated, unchanged)."""
    joined = frame.join(_existing(frame), on=KEY, how="left")
    new = joined.filter(pl.col("id").is_null())
    changed = joined.filter(
        pl.col("id").is_not_null()
        & (
            (pl.col("value").cast(pl.Float64) != pl.col("old_value").cast(pl.Float64))
            | (pl.col("unit") != pl.col("old_unit"))
            | (pl.col("qualifier") != pl.col("old_qualifier"))
        )
    )
    unchanged = frame.height - new.height - changed.height
    if progress:
        progress(unchanged)
    if not new.height and not changed.height:
        return 0, 0, unchanged
    user_id = getattr(writer, "pk", None)
    name = name[:255]
    content_type = ContentType.objects.get_for_model(Observation).pk
    try:
        with transaction.atomic():
            _check_locks(frame)
            # The import's one change record: who, when, which file; its rows follow it.
            batch = ChangeRecord.objects.create(
                content_type_id=content_type,
                object_id=None,
                object_repr=name,
                action=ChangeRecord.Action.IMPORT,
                # ``by``: who wrote it where no Marsad user did (the CLI's operating-system user)
                after={
                    "created": new.height,
                    "updated": changed.height,
                    **({"by": origin} if origin else {}),
                },
                user_id=user_id,
                source=f"import {name}"[:300],
            )
            # Every reference the rows make, proven once (see references_checked_setwise): new
            # rows point at their area and indicator, every written row at the writer and every
            # imported row at the import's record.
            references = {
                get_user_model(): [user_id],
                ChangeRecord: [batch.pk],
                Area: new["area_id"].unique().to_list(),
                Indicator: new["indicator_id"].unique().to_list(),
            }
            with references_checked_setwise(references):
                written = _write(new, changed, name, user_id, batch, progress)
            if (frame["status"] == "plan").any():
                plans = Observation.objects.filter(pk__in=written.to_list(), status="plan").select_related(
                    "area", "indicator"
                )
                adopt_plan(
                    writer, list(plans), Provenance(source=Observation.Source.IMPORT, import_file=name)
                )
    except IntegrityError as exc:  # an area, indicator or user deleted meanwhile (checked here or at commit)
        raise Concurrent() from exc
    return new.height, changed.height, unchanged


def _write(
    new: pl.DataFrame,
    changed: pl.DataFrame,
    name: str,
    user_id,
    batch: ChangeRecord,
    progress: Progress | None,
) -> pl.Series:
    """The write itself (inside the caller's transaction); return the written rows' ids."""
    now = batch.at
    stamp = str(connection.ops.adapt_datetimefield_value(now))
    table = connection.ops.quote_name(Observation._meta.db_table)
    value_type = "numeric(28, 10)" if connection.vendor == "postgresql" else "NUMERIC"
    written = []
    if changed.height:
        columns = {
            "id": "bigint",
            "revision": "integer",
            "value": value_type,
            "unit": "varchar(40)",
            "qualifier": "varchar(12)",
            "import_row": "integer",
        }
        # What the analytics' sums need of each change (none on SQLite: its sums are a view).
        extra = {
            "area_id": "bigint",
            "indicator_id": "bigint",
            "period": "varchar(10)",
            "measure": "varchar(20)",
            "status": "varchar(12)",
            "old_unit": "varchar(40)",
            "old_value": value_type,
        }
        columns.update({c: extra[c] for c in change_columns() if c in extra})
        temporary_table("marsad_import_changed", columns)
        insert_frame(
            "marsad_import_changed",
            changed.select(
                pl.col("old_revision").alias("revision"),
                pl.col("row").alias("import_row"),
                *(c for c in columns if c not in ("revision", "import_row")),
            ),
            list(columns),
        )
        # The keys stay: the sums take each value's difference from the staging table.
        count = update_in_place(
            f"UPDATE {table} SET value = u.value, unit = u.unit, qualifier = u.qualifier, "
            f"source = 'import', import_file = %s, import_row = u.import_row, document_id = NULL, "
            f"span_start = NULL, span_end = NULL, entered_by_id = %s, updated_at = %s, "
            f"revision = {table}.revision + 1 "
            f"FROM marsad_import_changed u WHERE {table}.id = u.id AND {table}.revision = u.revision",
            [name, user_id, now],
            "marsad_import_changed",
        )
        if count != changed.height:
            raise Concurrent()
        insert_frame(ImportedRow._meta.db_table, _imported_rows(changed, batch.pk))
        written.append(changed["id"])
        if progress:
            progress(changed.height)
    if new.height:
        # New rows go straight into the table (COPY on PostgreSQL) with ids taken first, so
        # their change records need no round trip; a key written meanwhile by someone else
        # breaks the unique key and rejects the whole file.
        created = new.with_columns(pl.Series("id", _new_ids(new.height), dtype=pl.Int64))
        try:
            with transaction.atomic():
                insert_frame(
                    Observation._meta.db_table,
                    created.select(
                        "id",
                        *KEY,
                        "value",
                        "unit",
                        "qualifier",
                        pl.col("row").alias("import_row"),
                        pl.lit("import").alias("source"),
                        pl.lit(name).alias("import_file"),
                        pl.lit(user_id, pl.Int64).alias("entered_by_id"),
                        pl.lit(stamp).alias("created_at"),
                        pl.lit(stamp).alias("updated_at"),
                        pl.lit(1, pl.Int64).alias("revision"),
                    ),
                )
        except IntegrityError as exc:  # a value of the same key was written meanwhile
            raise Concurrent() from exc
        insert_frame(ImportedRun._meta.db_table, _created_runs(created, batch.pk))
        written.append(created["id"])
        if progress:
            progress(new.height)
    return pl.concat(written)


def _new_ids(n: int) -> list[int]:
    """``n`` ids for new observations, taken inside the write's transaction.

    PostgreSQL hands them out from the table's sequence (safe beside other writers); SQLite's
    write lock is held from the transaction's start (``transaction_mode`` IMMEDIATE), so the
    next ``n`` after the highest ever used are free.
    """
    table = Observation._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            return next_ids(Observation, n)
        cursor.execute(
            f"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "
            f"COALESCE((SELECT MAX(id) FROM {connection.ops.quote_name(table)}), 0))",
            [table],
        )
        first = cursor.fetchone()[0] + 1
    return list(range(first, first + n))


class Concurrent(Exception):
    """Another writer changed the same values during the import; nothing was written."""


def _check_locks(frame: pl.DataFrame) -> None:
    pairs = frame.select("area_id", "period").unique()
    approvals = Approval.objects.filter(
        unlocked_at__isnull=True,
        area_id__in=pairs["area_id"].unique().to_list(),
        period__in=pairs["period"].unique().to_list(),
    ).select_related("approved_by", "area")
    wanted = set(pairs.iter_rows())
    for approval in approvals:
        if (approval.area_id, approval.period) in wanted:
            raise Locked(approval)


def _imported_rows(rows: pl.DataFrame, batch_id: int) -> pl.DataFrame:
    """The compact change records of updated ``rows`` (columns of :class:`ImportedRow`)."""
    return rows.select(
        pl.col("id").alias("object_id"),
        pl.lit(batch_id, pl.Int64).alias("batch_id"),
        "row",
        "old_revision",
        "old_value",
        pl.col("value").alias("new_value"),
        "old_unit",
        pl.col("unit").alias("new_unit"),
        "old_qualifier",
        pl.col("qualifier").alias("new_qualifier"),
        "old_source",
        "old_document",
        "old_span_start",
        "old_span_end",
    )


def _created_runs(created: pl.DataFrame, batch_id: int) -> pl.DataFrame:
    """The runs of ``created`` rows whose ids and file rows both go up by one (columns of
    :class:`ImportedRun`): one for a file of new values, whatever its length."""
    return (
        created.select("id", "row")
        .sort("id")
        .with_columns(
            ((pl.col("id").diff() != 1) | (pl.col("row").diff() != 1)).fill_null(True).cum_sum().alias("_run")
        )
        .group_by("_run", maintain_order=True)
        .agg(
            pl.col("id").first().alias("first_id"),
            pl.col("id").last().alias("last_id"),
            pl.col("row").first().alias("first_row"),
        )
        .select(pl.lit(batch_id, pl.Int64).alias("batch_id"), "first_id", "last_id", "first_row")
    )
