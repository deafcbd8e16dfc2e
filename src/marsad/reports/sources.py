"""Where a report's data comes from, without Django: a report file, an observations file (the
import layout), or the samples shipped with Marsad (the seeds' reviews).

The database source plugs in beside these: query the area's observations, targets, directives
and difficulties, and pass them to ``marsad.core.narration.report_data_from_observations``.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path
from typing import Any

from marsad.core import periods
from marsad.core.narration import ReportData, report_data_from_document, report_data_from_observations

SAMPLES = Path(__file__).parent / "samples"


class ReportSourceError(LookupError):
    pass


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def sample_documents() -> list[tuple[Path, dict[str, Any]]]:
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(SAMPLES.glob("*.json"))]


def _area_matches(doc: dict[str, Any], area: str | None) -> bool:
    if not area:
        return True
    info = doc.get("area") or {}
    names = [info.get("code") or "", *(info.get("names") or {}).values()]
    return _fold(area) in {_fold(n) for n in names if n}


def _resolve_area(area: str | None, period: str | None = None) -> tuple[str | None, dict[str, str], str]:
    """Code, names and level of an area, from the gazetteer when it is there.

    A name means the unit of that name as it was during ``period`` (the rule the reader reads
    a name by): "Khanh Hoa" for 2025Q1 is the province before the merger (VN-OLD-56), for
    2025-9M the merged one (VN-56). A code means that unit: ``VN-56`` for 2025Q1 is today's
    province on today's boundaries (with Ninh Thuan)."""
    if not area:
        return None, {}, "province"
    from marsad.core.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    on = periods.parse(period).end if period else None
    rec = (gazetteer.find(area, on=on) if on else None) or gazetteer.find(area)
    if rec is None:
        return None, {"en": area, "vi": area, "ar": area}, "province"
    names = {"en": rec.name_en, "vi": rec.name_vi, "ar": rec.name_ar or rec.name_en}
    return rec.code, names, getattr(rec, "kind", "") or rec.level


def _read_observations(path: Path) -> list[dict[str, Any]]:
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    doc = json.loads(path.read_text(encoding="utf-8"))
    return doc if isinstance(doc, list) else doc.get("observations", [])


def report_data_from_file(path: Path, area: str | None, period: str | None) -> ReportData:
    """A report file (JSON with ``area`` and ``observations``...) or a file of observations."""
    if path.suffix.lower() == ".json":
        doc = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(doc, dict) and "area" in doc:
            return report_data_from_document(doc, period)
    if not period:
        raise ReportSourceError("--period is needed with a file of observations")
    code, names, level = _resolve_area(area, period)
    observations = _read_observations(path)
    return report_data_from_observations(
        observations, area_code=code, area_names=names, area_level=level, period=period
    )


def sample_report_data(area: str | None, period: str | None) -> ReportData:
    wanted = periods.parse(period).code if period else None
    for _path, doc in sample_documents():
        if _area_matches(doc, area) and (wanted is None or doc["period"] == wanted):
            return report_data_from_document(doc)
    available = ", ".join(f"{d['area']['names']['en']} {d['period']}" for _p, d in sample_documents())
    raise ReportSourceError(f"no report data for {area or 'any area'} {period or ''}; samples: {available}")


def database_report_data(area: str, period: str, as_of=None, number: str = "") -> ReportData | None:
    """The report from the database, or None when the database has nothing for this area and
    period (or is not set up), so the caller can fall back to a file or the samples."""
    from marsad.web.boot import setup_django

    setup_django()
    from django.db import DatabaseError
    from django.db.models import Q

    from marsad.areas.models import Area
    from marsad.reports.data import report_data_for

    p = periods.parse(period)
    code, _names, _level = _resolve_area(area, p.code)
    try:
        found = (
            Area.objects.filter(code=(code or area).strip().upper()).first()
            or Area.objects.filter(Q(name_en__iexact=area) | Q(name_vi__iexact=area) | Q(name_ar=area))
            .order_by("valid_to")
            .first()
        )
        if found is None:
            return None
        from marsad.analytics import service

        has_data = (
            bool(service.figures(found, p).of_period())
            or found.targets.filter(year=p.year).exists()
            or found.difficulties.filter(period=p.code).exists()
            or found.directives.filter(period=periods.next_period(p).code).exists()
        )
        return report_data_for(found, p, as_of=as_of, number=number) if has_data else None
    except DatabaseError:  # no database yet (marsad init not run): the other sources remain
        return None
