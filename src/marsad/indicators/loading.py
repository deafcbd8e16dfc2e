"""Copy the pure indicator catalogue into the database, idempotently."""

from __future__ import annotations

from django.db import transaction

from marsad.core.catalogue import load_catalogue

from .models import Indicator

FIELDS = (
    "name_ar",
    "name_vi",
    "name_en",
    "unit",
    "area_aggregation",
    "time_aggregation",
    "decimals",
    "headline",
)


@transaction.atomic
def load_indicators() -> dict[str, int]:
    catalogue = load_catalogue()
    existing = {i.code: i for i in Indicator.objects.all()}
    created = updated = 0
    for code, entry in catalogue.items():
        values = {f: getattr(entry, f) for f in FIELDS}
        ind = existing.get(code)
        if ind is None:
            existing[code] = Indicator.objects.create(code=code, **values)
            created += 1
        elif any(getattr(ind, f) != v for f, v in values.items()):
            Indicator.objects.filter(pk=ind.pk).update(**values)
            updated += 1
    for code, entry in catalogue.items():
        parent = existing.get(entry.parent) if entry.parent else None
        Indicator.objects.filter(code=code).update(parent=parent)
    return {"created": created, "updated": updated, "total": len(catalogue)}
