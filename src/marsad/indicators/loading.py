"""Copy the pure indicator catalogue into the database, idempotently."""

from __future__ import annotations

from django.db import transaction

from marsad.audit.changes import record_changes, snapshot
from marsad.core.catalogue import load_catalogue

from .models import Indicator

# The audited fields the catalogue sets (the code is the key; the parent is set after every
# indicator exists).
FIELDS = tuple(f for f in Indicator.AUDITED_FIELDS if f not in ("code", "parent"))


@transaction.atomic
def load_indicators() -> dict[str, int]:
    """Create or update every indicator of the catalogue; return counts of created and updated.

    Every indicator created or changed in a table that had indicators already is written with a
    change record (as an edit in the admin is), so the pages and figures kept under the data
    version show the new names and rules on their next view; a first load into an empty table
    has nothing to tell."""
    catalogue = load_catalogue()
    existing = {i.code: i for i in Indicator.objects.all()}
    before = {code: snapshot(i, Indicator.AUDITED_FIELDS) for code, i in existing.items()}
    created, updated = [], 0
    for code, entry in catalogue.items():
        values = {f: getattr(entry, f) for f in FIELDS}
        ind = existing.get(code)
        if ind is None:
            created.append(Indicator(code=code, **values))
        elif any(getattr(ind, f) != v for f, v in values.items()):
            Indicator.objects.filter(pk=ind.pk).update(**values)
            updated += 1
    # in bulk, unaudited (Audited.save's record): the change records are written below, once
    existing.update({i.code: i for i in Indicator.objects.bulk_create(created)})
    for code, entry in catalogue.items():
        parent = existing.get(entry.parent) if entry.parent else None
        Indicator.objects.filter(code=code).update(parent=parent)
    if before:
        now = Indicator.objects.in_bulk(field_name="code")
        record_changes(
            [
                (ind, "update" if code in before else "create", before.get(code), after)
                for code, ind in sorted(now.items())
                if (after := snapshot(ind, Indicator.AUDITED_FIELDS)) != before.get(code)
            ],
            source="load_indicators",
        )
    return {"created": len(created), "updated": updated, "total": len(catalogue)}
