"""Tables printed as text, one cell per line: a header of periods, then a label and its values.

(filled in by the table rules; see :func:`read_tables`)
"""

from __future__ import annotations

__all__ = ["read_tables"]


def read_tables(reader) -> list[tuple[int, int]]:
    """Read the tables of the reader's document into its facts and targets; return their spans
    (the sentences inside them are not read again)."""
    return []
