"""Copy the pure gazetteer into the database, idempotently."""

from __future__ import annotations

from django.db import transaction

from marsad.audit.changes import record_changes, snapshot
from marsad.core.gazetteer import load_gazetteer

from .models import Area

FIELDS = ("level", "kind", "name_vi", "name_en", "name_ar", "valid_from", "valid_to")


@transaction.atomic
def load_areas() -> dict[str, int]:
    """Create or update every area of the gazetteer; return counts of created and updated.

    Every area created or changed in a table that had areas already is written with a change
    record (as an edit in the admin is), so the pages kept under the data version show the new
    names and links on their next view; a first load into an empty table has nothing to tell
    (no page can have shown an area before there was one)."""
    gazetteer = load_gazetteer()
    records = sorted(gazetteer.all(), key=lambda r: ("nation", "province", "commune").index(r.level))
    existing = {a.code: a for a in Area.objects.all()}
    before = {code: snapshot(a, Area.AUDITED_FIELDS) for code, a in existing.items()}
    created, updated = [], []
    for rec in records:
        values = {f: (getattr(rec, f, "") or ("" if f in ("kind", "name_ar") else None)) for f in FIELDS}
        area = existing.get(rec.code)
        if area is None:
            area = Area(code=rec.code, **values)
            created.append(area)
            existing[rec.code] = area
        elif any(getattr(area, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(area, f, v)
            updated.append(area)
    Area.objects.bulk_create(created, batch_size=1000)
    Area.objects.bulk_update(updated, FIELDS, batch_size=1000)
    # Links second, now that every row has an id.
    by_code = {a.code: a for a in Area.objects.all()}
    relinked = []
    for rec in records:
        area = by_code[rec.code]
        parent = by_code.get(rec.parent_code) if rec.parent_code else None
        successor = by_code.get(rec.successor_code) if rec.successor_code else None
        if area.parent_id != (parent.pk if parent else None) or area.successor_id != (
            successor.pk if successor else None
        ):
            area.parent, area.successor = parent, successor
            relinked.append(area)
    Area.objects.bulk_update(relinked, ["parent", "successor"], batch_size=1000)
    if before:
        changed = {a.code: a for a in created + updated + relinked}
        record_changes(
            [
                (by_code[code], "update" if code in before else "create", before.get(code), after)
                for code in sorted(changed)
                if (after := snapshot(by_code[code], Area.AUDITED_FIELDS)) != before.get(code)
            ],
            source="load_areas",
        )
    return {"created": len(created), "updated": len(updated) + len(relinked), "total": len(records)}


def resolve_area(text: str) -> Area:
    """An area from a code or a name in any language; raise Area.DoesNotExist with a clear message."""
    text = (text or "").strip()
    area = Area.objects.filter(code__iexact=text).first()
    if area:
        return area
    record = load_gazetteer().find(text)
    if record is not None:
        area = Area.objects.filter(code=record.code).first()
        if area:
            return area
    raise Area.DoesNotExist(
        f"no area is called {text!r} (give a code such as VN-24 or a name such as 'Bac Ninh')"
    )
