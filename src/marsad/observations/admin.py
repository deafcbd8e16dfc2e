from django.contrib import admin

from marsad.audit.models import ChangeRecord

from .models import Observation


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = (
        "area",
        "indicator",
        "period",
        "measure",
        "value",
        "unit",
        "status",
        "qualifier",
        "source",
    )
    list_filter = ("measure", "status", "source", "indicator")
    search_fields = ("area__code", "area__name_en", "indicator__code", "period")
    raw_id_fields = ("area", "indicator", "document", "entered_by")
    readonly_fields = ("change_log",)

    @admin.display(description="change log")
    def change_log(self, obj):
        if not obj.pk:
            return "-"
        rows = [
            f"{c.at:%Y-%m-%d %H:%M} {c.action} by {c.user or '-'} ({c.source}): {c.changed_fields()}"
            for c in ChangeRecord.objects.filter(content_type__model="observation", object_id=obj.pk)
        ]
        return "\n".join(rows) or "-"

    def save_model(self, request, obj, form, change):
        obj.save(changed_by=request.user, source="admin")
