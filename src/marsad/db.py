"""Database helpers shared by the apps."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import contextmanager, suppress

from django.db import DatabaseError, IntegrityError, connection, models


def insert_rows(model: type[models.Model], rows: Iterable[dict], batch_size: int = 5000) -> int:
    """Insert plain rows ({attname: value}) with executemany.

    ``bulk_create`` spends most of a 100,000-row import compiling SQL in Python; this writes
    the same rows several times faster (COPY on PostgreSQL). Only JSON and datetime values need adapting; the
    caller fills every column it wants (no defaults or auto_now are applied here).
    """
    rows = list(rows)
    if not rows:
        return 0
    by_attname = {f.attname: f for f in model._meta.concrete_fields}
    names = list(rows[0])
    fields = [by_attname[n] for n in names]
    qn = connection.ops.quote_name
    sql = (
        f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    preparers: list[Callable | None] = []
    for f in fields:
        if isinstance(f, models.JSONField):
            preparers.append(lambda v, f=f: f.get_db_prep_save(v, connection))
        elif isinstance(f, models.DateTimeField):
            preparers.append(connection.ops.adapt_datetimefield_value)
        else:
            preparers.append(None)
    prepared = ([p(row[n]) if p else row[n] for n, p in zip(names, preparers, strict=True)] for row in rows)
    if connection.vendor == "postgresql":
        # COPY is PostgreSQL's bulk path: several times faster than even pipelined inserts.
        copy_sql = f"COPY {qn(model._meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(copy_sql) as copy:
            for values in prepared:
                copy.write_row(values)
        return len(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            cursor.executemany(
                sql,
                [
                    [p(row[n]) if p else row[n] for n, p in zip(names, preparers, strict=True)]
                    for row in batch
                ],
            )
    return len(rows)


def write_frame(table: str, frame, columns: list[str] | None = None) -> int:
    """Insert a Polars frame's rows into ``table`` (column names = frame names): COPY on
    PostgreSQL (the frame written as CSV, no Python object per value), executemany on SQLite.

    Nulls are written as SQL NULL; JSON columns take the frame's JSON text as it is.
    """
    columns = columns or list(frame.columns)
    if frame.height == 0:
        return 0
    qn = connection.ops.quote_name
    names = ", ".join(qn(c) for c in columns)
    frame = frame.select(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            data = frame.write_csv(include_header=False, null_value="\\N", quote_style="necessary")
            sql = f"COPY {qn(table)} ({names}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
            with cursor.cursor.copy(sql) as copy:
                copy.write(data.encode("utf-8"))
        else:
            sql = f"INSERT INTO {qn(table)} ({names}) VALUES ({', '.join(['?'] * len(columns))})"
            cursor.cursor.executemany(sql, frame.iter_rows())
    return frame.height


def read_frame(sql: str, params: list, schema: dict):
    """A query's rows as a Polars frame of ``schema`` (its columns in order).

    PostgreSQL sends them as CSV (``COPY ... TO STDOUT``, every value quoted so that an empty
    text stays apart from NULL), read by Polars without a Python object per value; SQLite's
    rows are fetched.
    """
    import polars as pl

    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(sql, params)
            return pl.DataFrame(cursor.fetchall(), schema=schema, orient="row")
        data = bytearray()
        with cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE *)", params) as copy:
            for block in copy:
                data += block
    if not data:
        return pl.DataFrame(schema=schema)
    return pl.read_csv(bytes(data), has_header=False, schema=schema)


def temporary_table(name: str, columns: dict[str, str]) -> None:
    """Create (anew) a temporary table dropped at the end of the transaction on PostgreSQL
    and at the end of the connection on SQLite (dropped first, so it starts empty)."""
    qn = connection.ops.quote_name
    cols = ", ".join(f"{qn(c)} {t}" for c, t in columns.items())
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {qn(name)}")
        if connection.vendor == "postgresql":
            cursor.execute(f"CREATE TEMPORARY TABLE {qn(name)} ({cols}) ON COMMIT DROP")
        else:
            cursor.execute(f"CREATE TEMPORARY TABLE {qn(name)} ({cols})")


def next_ids(model: type[models.Model], n: int) -> list[int]:
    """``n`` ids from ``model``'s PostgreSQL sequence, safe beside other writers.

    The sequence is named once (``pg_get_serial_sequence`` per row would look it up 100,000
    times: nine tenths of the statement's time).
    """
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')::regclass::oid", [table])
        oid = int(cursor.fetchone()[0])
        cursor.execute(f"SELECT nextval({oid}::regclass) FROM generate_series(1, %s)", [n])
        return [r[0] for r in cursor.fetchall()]


@contextmanager
def references_checked_setwise(references: dict[type[models.Model], Iterable[int | None]]):
    """Write a block's rows without PostgreSQL's per-row foreign-key triggers, having checked
    every reference they make once, set-wise.

    For each referenced model, the distinct ids the block's rows point at are locked
    ``FOR KEY SHARE`` -- what each row's constraint trigger does, so nobody can delete them
    before the transaction ends -- and a missing one raises :class:`IntegrityError` as the
    constraint would. Then the block runs with ``session_replication_role = replica`` (which
    switches the triggers off; the key and check constraints still hold, and so do triggers
    marked ``ENABLE ALWAYS``, such as the analytics' sums), restored after.

    The caller must name every foreign key its rows set, and be inside a transaction. On
    SQLite, or for a role that may not set the parameter, this does nothing and the
    constraints check row by row as usual.
    """
    if not _may_switch_triggers():
        yield
        return
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model, ids in references.items():
            wanted = sorted({i for i in ids if i is not None})
            if not wanted:
                continue
            pk = qn(model._meta.pk.column)
            cursor.execute(
                f"SELECT {pk} FROM {qn(model._meta.db_table)} WHERE {pk} = ANY(%s) FOR KEY SHARE", [wanted]
            )
            found = {r[0] for r in cursor.fetchall()}
            if len(found) != len(wanted):
                missing = sorted(set(wanted) - found)[:5]
                raise IntegrityError(f"{model._meta.label}: no row with id {missing}")
        cursor.execute("SHOW session_replication_role")
        restore = f"SET LOCAL session_replication_role = {cursor.fetchone()[0]}"
        cursor.execute("SET LOCAL session_replication_role = replica")
    try:
        yield
    except BaseException:
        # A failed statement aborts the transaction, whose rollback restores the setting.
        with suppress(DatabaseError), connection.cursor() as cursor:
            cursor.execute(restore)
        raise
    with connection.cursor() as cursor:
        cursor.execute(restore)


def _may_switch_triggers() -> bool:
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        if connection.pg_version >= 150000:
            cursor.execute("SELECT has_parameter_privilege('session_replication_role', 'SET')")
        else:
            cursor.execute("SELECT current_setting('is_superuser') = 'on'")
        return bool(cursor.fetchone()[0])
