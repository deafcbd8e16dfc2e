from django.contrib import admin

from marsad.web.admin import InReadersWords

from .models import Target


@admin.register(Target)
class TargetAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("area", "indicator", "year", "measure", "qualifier", "value", "document")
    list_filter = ("year", "measure", "indicator")
    raw_id_fields = ("area", "indicator", "document")
