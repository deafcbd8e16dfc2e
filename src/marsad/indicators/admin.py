from django.contrib import admin

from marsad.web.admin import InReadersWords

from .models import Indicator


@admin.register(Indicator)
class IndicatorAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("code", "name_en", "name_ar", "unit", "area_aggregation", "time_aggregation", "parent")
    list_filter = ("area_aggregation", "time_aggregation")
    search_fields = ("code", "name_en", "name_vi", "name_ar")
