"""Many articles at once: one record in, one JSON line out, the same function everywhere.

A record is a mapping ``{"text": ..., "url": ..., "lang": ..., "area": ..., "year": ..., "id": ...}``
(only ``text`` is required): a line of a JSON-lines archive, or a file of a folder. The article's
address (``url``, also read as ``source_url`` or ``link``) is used as if it were the text's first
line: the place and period in its path count, but the offsets stay those of ``text``.

    from marsad.core.extract.records import read_record
    read_record({"text": "...", "url": "https://baobacninh.vn/..."})   # -> the extract JSON

:func:`read_record` never raises on a record's content (a bad record gives ``{"error": ...}``),
so a cluster engine (Dask, Ray, Spark) can map it over partitions of an archive unchanged;
:func:`parse_line` turns one archive line into a record, or raises :class:`RecordError` saying
what is wrong with it; :func:`read_line` does both and never raises.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["RecordError", "parse_line", "read_line", "read_record", "URL_KEYS"]

URL_KEYS = ("url", "source_url", "link")
_TEXT_KEYS = ("text", "content", "body")


class RecordError(ValueError):
    """A line of an archive that is not an article record; the message says why."""


def parse_line(line: str | bytes, where: str = "") -> dict[str, Any] | None:
    """The record of one JSON-lines line (None for a blank line); :class:`RecordError` when the
    line is not a JSON object with a text. ``where`` (e.g. ``"archive.jsonl line 17"``) starts
    the message."""
    prefix = f"{where}: " if where else ""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RecordError(f"{prefix}not UTF-8 ({exc.reason} at byte {exc.start})") from None
    line = line.lstrip("\ufeff").strip()
    if not line:
        return None
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(f"{prefix}not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise RecordError(f"{prefix}{_kind(data)}, not an object with a text")
    text_key = next((k for k in _TEXT_KEYS if k in data), None)
    if text_key is None:
        raise RecordError(f'{prefix}no "text" field (keys: {", ".join(sorted(data)) or "none"})')
    if not isinstance(data[text_key], str):
        raise RecordError(f'{prefix}"{text_key}" is {_kind(data[text_key])}, not a string')
    record = dict(data)
    record["text"] = data[text_key]
    for key in ("url", "lang", "area"):
        value = _field(data, URL_KEYS if key == "url" else (key,))
        if value is not None and not isinstance(value, str):
            raise RecordError(f'{prefix}"{key}" is {_kind(value)}, not a string')
        record[key] = value
    year = data.get("year")
    if year is not None:
        if isinstance(year, str) and year.strip().isdigit():
            year = int(year)
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100:
            raise RecordError(f'{prefix}"year" must be a year such as 2024, not {data.get("year")!r}')
    record["year"] = year
    return record


def _kind(value: Any) -> str:
    """How JSON calls ``value``'s type, with its article."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return {list: "a list", dict: "an object", str: "a string"}.get(type(value), "null")


def _field(data: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if data.get(key) not in (None, ""):
            return data[key]
    return None


def read_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """The extract JSON of one record, with ``"source"`` (its ``id``, ``file``, ``line`` as given)."""
    from . import LANGUAGES, extract

    source = {k: record[k] for k in ("id", "file", "line") if record.get(k) is not None}
    text = record.get("text")
    if not isinstance(text, str):
        return {"source": source, "error": "the record has no text"}
    lang = record.get("lang") or None
    if lang is not None and (not isinstance(lang, str) or lang.strip().lower()[:2] not in LANGUAGES):
        return {"source": source, "error": f"language {lang!r} is not one of ar, vi, en"}
    url = _field(record, URL_KEYS)
    result = extract(
        text,
        lang=lang,
        area=record.get("area") or None,
        year=record.get("year"),
        url=url if isinstance(url, str) else None,
    ).to_json()
    return {"source": source, **result}


def read_line(line: str | bytes, where: str = "") -> dict[str, Any] | None:
    """:func:`read_record` of one archive line; ``{"error": ...}`` for a bad line, None for a blank one."""
    try:
        record = parse_line(line, where)
    except RecordError as exc:
        return {"source": {"where": where} if where else {}, "error": str(exc)}
    return None if record is None else read_record(record)
