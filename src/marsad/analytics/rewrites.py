"""An update of many values in place that keeps the communes' sums and the areas' versions
itself (PostgreSQL; migration 0004), from a table of the changes it already holds, instead of
the update triggers finding the same again in the statement's old and new rows.
"""

from __future__ import annotations

from django.db import connection

# The columns ``changes`` must have: each rewritten row's key, old and new unit and value.
CHANGE_COLUMNS = (
    *("area_id", "indicator_id", "period", "measure", "status"),
    *("old_unit", "unit", "old_value", "value"),
)


def change_columns() -> tuple[str, ...]:
    """The columns :func:`update_in_place` reads of its changes: none on SQLite."""
    return CHANGE_COLUMNS if connection.vendor == "postgresql" else ()


def update_in_place(sql: str, params: list, changes: str) -> int:
    """Run ``sql`` (an UPDATE of the observations that rewrites the rows of the table
    ``changes``, keys unchanged) and keep the analytics for it; return its row count.

    Inside the caller's transaction. On SQLite, whose sums are a view, only ``sql`` runs.
    """
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(sql, params)
            return cursor.rowcount
        # Only for this statement (a failed one aborts the transaction, which drops the setting).
        cursor.execute("SET LOCAL marsad.keeps_analytics = on")
        cursor.execute(sql, params)
        count = cursor.rowcount
        cursor.execute("SET LOCAL marsad.keeps_analytics = off")
        cursor.execute("SELECT analytics_rows_rewritten(%s::regclass)", [changes])
    return count
