"""One concept: every target in force has its plan observation, every year's plan value its target.

Before, targets and ``plan`` observations were two parallel stores that could disagree. Where
both exist and differ, the target wins (it names its source) and the plan observation is set to
it; every row changed here leaves a change record.
"""

from decimal import Decimal

from django.db import migrations

from marsad.core.numbers import format_plain

MEASURES = ("level", "yoy_pct", "share_pct")
DIRECTION = {"more_than": "at_least", "estimate": "about", "exact": "at_least"}


def _plain(values: dict | None) -> dict | None:
    """A change record's values as JSON takes them: a Decimal (observations.0002 makes values
    exact) as its exact text, as the audit trail writes it."""
    if values is None:
        return None
    return {k: format_plain(v) if isinstance(v, Decimal) else v for k, v in values.items()}


def reconcile(apps, schema_editor):
    Target = apps.get_model("targets", "Target")
    Observation = apps.get_model("observations", "Observation")
    ChangeRecord = apps.get_model("audit", "ChangeRecord")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not Target.objects.exists() and not Observation.objects.filter(status="plan").exists():
        return
    from django.utils import timezone

    now = timezone.now()
    ct_target = ContentType.objects.get_or_create(app_label="targets", model="target")[0]
    ct_obs = ContentType.objects.get_or_create(app_label="observations", model="observation")[0]
    records = []

    def record(ct, obj, action, before, after):
        records.append(
            ChangeRecord(
                content_type=ct,
                object_id=obj.pk,
                object_repr=str(obj.pk),
                action=action,
                before=_plain(before),
                after=_plain(after),
                source="migration: one plan concept (targets.0003)",
                at=now,
            )
        )

    for t in Target.objects.filter(retired_on__isnull=True):
        obs = Observation.objects.filter(
            area_id=t.area_id,
            indicator_id=t.indicator_id,
            period=str(t.year),
            measure=t.measure,
            status="plan",
        ).first()
        after = {"value": t.value, "unit": t.unit, "qualifier": t.qualifier}
        if obs is None:
            obs = Observation.objects.create(
                area_id=t.area_id,
                indicator_id=t.indicator_id,
                period=str(t.year),
                measure=t.measure,
                status="plan",
                value=t.value,
                unit=t.unit,
                qualifier=t.qualifier,
                source="document" if t.document_id else "entry",
                document_id=t.document_id,
            )
            record(ct_obs, obs, "create", None, after)
        elif (float(obs.value), obs.qualifier) != (float(t.value), t.qualifier):
            before = {"value": obs.value, "unit": obs.unit, "qualifier": obs.qualifier}
            obs.value, obs.unit, obs.qualifier = t.value, t.unit, t.qualifier
            obs.save()
            record(ct_obs, obs, "update", before, after)
    for obs in Observation.objects.filter(status="plan", measure__in=MEASURES):
        if not (len(obs.period) == 4 and obs.period.isdigit()):
            continue
        key = dict(
            area_id=obs.area_id, indicator_id=obs.indicator_id, year=int(obs.period), measure=obs.measure
        )
        if Target.objects.filter(retired_on__isnull=True, **key).exists():
            continue
        unit = "%" if obs.measure != "level" else obs.unit
        t = Target.objects.create(
            **key,
            value=obs.value,
            unit=unit,
            qualifier=DIRECTION.get(obs.qualifier, obs.qualifier),
            document_id=obs.document_id,
            note="set from the plan value entered as data"
            + ("; direction not stated, taken as at least" if obs.qualifier == "exact" else ""),
        )
        record(ct_target, t, "create", None, {"value": t.value, "unit": t.unit, "qualifier": t.qualifier})
    ChangeRecord.objects.bulk_create(records, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("targets", "0002_planning"),
        ("observations", "0001_initial"),
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(reconcile, migrations.RunPython.noop)]
